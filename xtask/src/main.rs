//! `cargo xtask`: the project's automation. `cargo xtask help` lists the commands.
#![forbid(unsafe_code)]

mod bench;
mod codegen;
mod tools;

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const HELP: &str = "\
cargo xtask <command>

  codegen [--check]   regenerate everything that comes from crates/abi/httpserv.idl
  simulate [ARGS]     build the seed fixture module and serve it on 127.0.0.1:8080
                      (ARGS go to `iissim serve`, e.g. --bind 127.0.0.1:9000)
  test                install what the tests need (clang, cmake, xsltproc, xmllint), then run every test
  bench [--quick]     the benchmark suite (installs wrk); prints pass/miss per target
  ci                  what .ci/run runs: codegen --check, fmt, clippy, then test
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(rest.contains(&"--check")),
        Some("simulate") => simulate(&rest),
        Some("test") => test(),
        Some("bench") => bench::run(&rest),
        Some("ci") => ci(),
        Some("help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}

fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(codegen::workspace_root());
    command
}

fn run(mut command: Command) -> Result<()> {
    let shown = format!("{command:?}");
    let status = command.status().with_context(|| format!("running {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// Builds iissim and the seed module, serves it, and says how to try it.
fn simulate(extra: &[&str]) -> Result<()> {
    tools::ensure(&tools::GXX)?;
    let config = codegen::workspace_root().join("fixtures/modules/user-token/iissim.toml");
    let mut command = cargo();
    command.args(["run", "--quiet", "--package", "iissim", "--", "serve", "--config"]).arg(&config).args(extra);
    command.stdout(Stdio::piped());
    eprintln!("xtask: building iissim and fixtures/modules/user-token (first time: a minute or two)");
    let mut child = command.spawn().context("starting cargo run")?;
    let stdout = BufReader::new(child.stdout.take().expect("piped"));
    for line in stdout.lines() {
        let line = line?;
        println!("{line}");
        if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
            println!("try:  curl -i {url}");
        }
    }
    let status = child.wait()?;
    // Ctrl-C reaches both processes; a server stopped by a signal is a normal end.
    if !status.success() && status.code().is_some() {
        bail!("iissim serve exited with {status}");
    }
    Ok(())
}

/// Every test of the workspace, after making sure the tools they need are there.
fn test() -> Result<()> {
    tools::ensure(&tools::GXX)?;
    tools::ensure(&tools::CLANG)?;
    tools::ensure(&tools::CMAKE)?;
    tools::ensure(&tools::XSLTPROC)?;
    tools::ensure(&tools::XMLLINT)?;
    let mut command = cargo();
    command.args(["test", "--workspace"]);
    run(command)
}

fn ci() -> Result<()> {
    codegen::run(true)?;
    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--", "--check"]);
    run(fmt)?;
    let mut clippy = cargo();
    clippy.args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]);
    run(clippy)?;
    test()
}
