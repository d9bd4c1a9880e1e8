//! `cargo xtask`: the project's automation. `cargo xtask help` lists the commands.
#![forbid(unsafe_code)]

mod codegen;

use anyhow::{bail, Result};

const HELP: &str = "\
cargo xtask <command>

  codegen [--check]   regenerate everything that comes from crates/abi/httpserv.idl
  simulate            build the seed fixture module and serve it on 127.0.0.1
  test                install what the tests need (clang), then run every test
  ci                  what .ci/run runs: codegen --check, fmt, clippy, test
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(rest.contains(&"--check")),
        Some("help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}
