//! `cargo xtask bench`: the benchmark suite. Every comparison runs side by side in one run,
//! alternating A and B, and reports medians and per-round ratios (the machine is noisy);
//! every target gets a pass or a miss. Misses are findings, not failures: the command exits 0
//! unless the benchmark itself broke. docs/performance.md holds the latest table.
//!
//! 1. HTTP: `iissim serve` (seed fixture) against `crates/bench-hyper`, wrk -c32 and -c1,
//!    also pinned (server on core 0, wrk on core 1); req/s, p50/p99, server CPU per request.
//! 2. In-process: the criterion bench `benches/harness.rs` (Harness, seed fixture).
//! 3. Dispatch: `fixtures/modules/bench-dispatch` times host API calls against a C++ object.
//! 4. Memory: RSS of `iissim serve` idle, after 1k and after 1M requests.
//! 5. Build: fresh clone to first response of `cargo xtask simulate`; a module rebuild.

mod client;
mod http;
mod sys;

use crate::codegen::workspace_root;
use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const HELP: &str = "\
  bench [--quick] [--only SECTIONS]
                      the benchmark suite (installs wrk): HTTP vs bare hyper, in-process,
                      dispatch, memory, build; prints a table with pass/miss per target.
                      --quick: a ~1 minute smoke run; SECTIONS: http,inproc,dispatch,memory,build";

const SECTIONS: [&str; 5] = ["http", "inproc", "dispatch", "memory", "build"];

pub struct Settings {
    pub quick: bool,
    sections: Vec<String>,
}

impl Settings {
    fn parse(args: &[&str]) -> Result<Settings> {
        let mut settings = Settings { quick: false, sections: SECTIONS.iter().map(|s| s.to_string()).collect() };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match *arg {
                "--quick" => settings.quick = true,
                "--only" => {
                    let list = args.next().context("--only needs a list, e.g. --only http,memory")?;
                    settings.sections = list.split(',').map(str::to_string).collect();
                    if let Some(bad) = settings.sections.iter().find(|s| !SECTIONS.contains(&s.as_str())) {
                        bail!("unknown section `{bad}` (sections: {})", SECTIONS.join(","));
                    }
                }
                other => bail!("unknown bench option `{other}`\n{HELP}"),
            }
        }
        Ok(settings)
    }

    fn wants(&self, section: &str) -> bool {
        self.sections.iter().any(|s| s == section)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Verdict {
    Pass,
    Miss,
    NotAvailable,
}

struct Target {
    name: String,
    goal: String,
    measured: String,
    verdict: Verdict,
}

#[derive(Default)]
struct Report {
    /// (section number, markdown): printed in number order whatever order they ran in.
    sections: Vec<(u32, String)>,
    targets: Vec<Target>,
}

impl Report {
    fn target(&mut self, name: &str, goal: &str, measured: String, pass: Option<bool>) {
        let verdict = match pass {
            Some(true) => Verdict::Pass,
            Some(false) => Verdict::Miss,
            None => Verdict::NotAvailable,
        };
        self.targets.push(Target { name: name.into(), goal: goal.into(), measured, verdict });
    }
}

/// Built binaries and where things go.
struct Built {
    iissim: PathBuf,
    hyper: PathBuf,
    target_dir: PathBuf,
    scratch: PathBuf,
}

pub fn run(args: &[&str]) -> Result<()> {
    let settings = Settings::parse(args)?;
    let started = Instant::now();
    crate::tools::ensure(&crate::tools::GXX)?;
    if settings.wants("http") {
        sys::ensure("wrk", "wrk", "the HTTP benchmark's load generator")?;
        sys::ensure("taskset", "util-linux", "pinning server and wrk to cores")?;
    }
    let machine = sys::machine();
    eprintln!("xtask bench: {machine}");
    let built = build()?;
    let mut report = Report::default();
    if settings.wants("dispatch") {
        dispatch(&settings, &built, &mut report)?;
    }
    if settings.wants("inproc") {
        inproc(&settings, &built, &mut report)?;
    }
    if settings.wants("http") {
        http_section(&settings, &built, &mut report)?;
    }
    if settings.wants("memory") {
        memory(&settings, &built, &mut report)?;
    }
    if settings.wants("build") {
        build_section(&settings, &built, &mut report)?;
    }

    let mut out = String::new();
    let command = format!("cargo xtask bench {}", args.join(" "));
    let _ = writeln!(out, "# iissim benchmark\n");
    let _ = writeln!(out, "- command: `{}`", command.trim());
    let _ = writeln!(out, "- machine: {machine}");
    let _ = writeln!(out, "- took {:.0} s\n", started.elapsed().as_secs_f64());
    let _ = writeln!(out, "## Targets\n");
    let _ = writeln!(out, "| target | goal | measured | result |\n|---|---|---|---|");
    for t in &report.targets {
        let verdict = match t.verdict {
            Verdict::Pass => "pass",
            Verdict::Miss => "**MISS**",
            Verdict::NotAvailable => "n/a",
        };
        let _ = writeln!(out, "| {} | {} | {} | {verdict} |", t.name, t.goal, t.measured);
    }
    report.sections.sort_by_key(|(n, _)| *n);
    for (_, section) in &report.sections {
        let _ = writeln!(out, "\n{section}");
    }
    println!("{out}");
    let file = built.scratch.join("report.md");
    std::fs::write(&file, &out)?;
    let misses = report.targets.iter().filter(|t| t.verdict == Verdict::Miss).count();
    eprintln!("xtask bench: {misses} target(s) missed; report written to {}", file.display());
    Ok(())
}

/// `cargo build --release` of iissim and bench-hyper, and the criterion bench (not run).
fn build() -> Result<Built> {
    eprintln!("xtask bench: building iissim and bench-hyper (release)");
    let mut command = crate::cargo();
    command.args(["build", "--release", "--package", "iissim", "--package", "bench-hyper", "--message-format=json"]);
    command.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let output = command.output().context("running cargo build")?;
    if !output.status.success() {
        bail!("cargo build --release failed");
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let executable = |name: &str| -> Result<PathBuf> {
        text.lines()
            .filter(|l| l.contains("\"reason\":\"compiler-artifact\""))
            .filter_map(|l| json_string(l, "executable"))
            .map(PathBuf::from)
            .find(|p| p.file_name().is_some_and(|f| f == name))
            .with_context(|| format!("cargo did not report the `{name}` executable"))
    };
    let iissim = executable("iissim")?;
    let hyper = executable("bench-hyper")?;
    let target_dir = iissim.parent().and_then(Path::parent).context("target dir")?.to_path_buf();
    let scratch = target_dir.join("bench");
    std::fs::create_dir_all(&scratch)?;
    Ok(Built { iissim, hyper, target_dir, scratch })
}

/// The string value of `"key":"..."` in one line of JSON (no escapes in the paths we read).
fn json_string(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = line[start..].find('"')? + start;
    Some(line[start..end].to_string())
}

/// The number after `"point_estimate":` inside the object `key` of criterion's estimates.json.
fn json_estimate(text: &str, key: &str) -> Option<f64> {
    let at = text.find(&format!("\"{key}\":"))?;
    let rest = &text[at..];
    let value = rest.find("\"point_estimate\":")? + "\"point_estimate\":".len();
    let rest = &rest[value..];
    let end = rest.find([',', '}'])?;
    rest[..end].trim().parse().ok()
}

pub fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn list(values: &[f64], digits: usize) -> String {
    values.iter().map(|v| format!("{v:.digits$}")).collect::<Vec<_>>().join(", ")
}

fn seed_config() -> PathBuf {
    workspace_root().join("fixtures/modules/user-token/iissim.toml")
}

// ---------------------------------------------------------------- 1. HTTP

fn http_section(settings: &Settings, built: &Built, report: &mut Report) -> Result<()> {
    let mut outcomes = Vec::new();
    let mut identical = String::new();
    for pinned in [false, true] {
        let (iissim, hyper) = http::start_pair(&built.iissim, &built.hyper, &seed_config(), pinned)?;
        if !pinned {
            let a = client::masked(&client::get_raw(&iissim.addr)?);
            let b = client::masked(&client::get_raw(&hyper.addr)?);
            identical = if a == b {
                format!("identical bytes (Date masked): `{}`", a.replace("\r\n", "\\r\\n"))
            } else {
                format!(
                    "**responses differ**: iissim `{}`, bench-hyper `{}`",
                    a.replace("\r\n", "\\r\\n"),
                    b.replace("\r\n", "\\r\\n")
                )
            };
            eprintln!("xtask bench: {identical}");
        }
        for scenario in http::scenarios(settings).into_iter().filter(|s| s.pinned == pinned) {
            outcomes.push(http::measure(scenario, &iissim, &hyper)?);
        }
        iissim.stop()?;
        hyper.stop()?;
    }

    let mut section = String::new();
    let s = &mut section;
    let _ = writeln!(s, "## 1. HTTP: `iissim serve` (seed fixture) vs bare hyper (`crates/bench-hyper`)\n");
    let _ = writeln!(
        s,
        "wrk on 127.0.0.1, `GET /`; {identical}. Unpinned: both servers with {} runtime threads, wrk -t2 (-t1 at -c1). \
         Pinned: server on core 0 with 1 thread, wrk -t1 on core 1. Medians of the rounds; the ratio and \
         p50 difference are per round (iissim/hyper, iissim-hyper), the two servers alternating.\n",
        http::cores()
    );
    let _ = writeln!(
        s,
        "| load | rounds × s | iissim req/s | hyper req/s | ratio per round | iissim p50 / p99 µs | hyper p50 / p99 µs | p50 Δ per round µs | iissim CPU µs/req | hyper CPU µs/req |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|---|");
    for o in &outcomes {
        let _ = writeln!(
            s,
            "| {} | {} × {} | {:.0} | {:.0} | {:.2} ({}) | {:.0} / {:.0} | {:.0} / {:.0} | {:+.1} ({}) | {:.1} | {:.1} |",
            o.scenario.label,
            o.scenario.rounds,
            o.scenario.seconds,
            o.med(|r| r.rps, true),
            o.med(|r| r.rps, false),
            median(o.ratios()),
            list(&o.ratios(), 2),
            o.med(|r| r.p50_us, true),
            o.med(|r| r.p99_us, true),
            o.med(|r| r.p50_us, false),
            o.med(|r| r.p99_us, false),
            median(o.p50_deltas()),
            list(&o.p50_deltas(), 1),
            o.med(|r| r.cpu_us_per_request, true),
            o.med(|r| r.cpu_us_per_request, false),
        );
    }
    let errors: u64 = outcomes.iter().flat_map(|o| o.rounds.iter()).map(|(a, b)| a.errors + b.errors).sum();
    if errors > 0 {
        let _ = writeln!(s, "\nwrk reported {errors} socket errors or non-2xx responses in total.");
    }
    let _ = writeln!(s);

    let find = |label: &str| outcomes.iter().find(|o| o.scenario.label == label);
    if let Some(o) = find("-c32") {
        let ratio = median(o.ratios());
        report.target("HTTP throughput vs bare hyper, -c32", "≥ 0.85×", format!("{ratio:.2}×"), Some(ratio >= 0.85));
        let cpu = o.med(|r| r.cpu_us_per_request, true);
        report.target(
            "server CPU per request, -c32",
            "≤ 10 µs",
            format!("{cpu:.1} µs (hyper {:.1})", o.med(|r| r.cpu_us_per_request, false)),
            Some(cpu <= 10.0),
        );
    }
    if let Some(o) = find("-c1") {
        let delta = median(o.p50_deltas());
        report.target(
            "-c1 p50 vs bare hyper",
            "≤ +10 µs",
            format!("{delta:+.1} µs ({:.0} vs {:.0})", o.med(|r| r.p50_us, true), o.med(|r| r.p50_us, false)),
            Some(delta <= 10.0),
        );
    }
    if let Some(o) = find("pinned -c32") {
        let ratio = median(o.ratios());
        report.target(
            "pinned throughput vs bare hyper, -c32 (same goal)",
            "≥ 0.85×",
            format!("{ratio:.2}×"),
            Some(ratio >= 0.85),
        );
    }
    report.sections.push((1, section));
    Ok(())
}

// ---------------------------------------------------------------- 2. In-process

fn inproc(settings: &Settings, built: &Built, report: &mut Report) -> Result<()> {
    eprintln!("xtask bench: in-process (criterion, benches/harness.rs)");
    let criterion_dir = built.target_dir.join("criterion");
    let _ = std::fs::remove_dir_all(criterion_dir.join("harness"));
    let mut command = crate::cargo();
    command.args(["bench", "--package", "iissim", "--bench", "harness", "--", "--noplot"]);
    if settings.quick {
        command.args(["--warm-up-time", "0.5", "--measurement-time", "1", "--sample-size", "20"]);
    }
    command.stdout(Stdio::piped());
    let output = command.output().context("running cargo bench")?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    eprint!("{text}");
    if !output.status.success() {
        bail!("cargo bench --bench harness failed");
    }
    let estimate = |label: &str| -> Result<(f64, f64)> {
        let file = criterion_dir.join("harness").join(label).join("new/estimates.json");
        let json = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
        let median = json_estimate(&json, "median").context("no median estimate")?;
        let mean = json_estimate(&json, "mean").context("no mean estimate")?;
        Ok((median / 1000.0, mean / 1000.0))
    };
    let (default, default_mean) = estimate("default")?;
    let (calls, calls_mean) = estimate("calls")?;
    let (off, off_mean) = estimate("off")?;

    let mut section = String::new();
    let s = &mut section;
    let _ = writeln!(s, "## 2. In-process: `Harness::get(\"/\").send()`, seed fixture (criterion)\n");
    let _ =
        writeln!(s, "| trace level | median µs/request | mean µs/request | requests/s (median) |\n|---|---|---|---|");
    let _ = writeln!(s, "| off (`level = \"off\"`) | {off:.2} | {off_mean:.2} | {:.0} |", 1e6 / off);
    let _ =
        writeln!(s, "| default (`level = \"default\"`) | {default:.2} | {default_mean:.2} | {:.0} |", 1e6 / default);
    let _ = writeln!(s, "| every call (`level = \"calls\"`) | {calls:.2} | {calls_mean:.2} | {:.0} |", 1e6 / calls);
    let _ = writeln!(s, "\ncalls/default: {:.2}×\n", calls / default);
    report.target("in-process, default tracing", "≤ 5 µs", format!("{default:.2} µs"), Some(default <= 5.0));
    report.target("in-process, tracing off", "≤ 2 µs", format!("{off:.2} µs"), Some(off <= 2.0));
    report.target("in-process, calls traced (no goal; for reference)", "—", format!("{calls:.2} µs"), None);
    report.sections.push((2, section));
    Ok(())
}

// ---------------------------------------------------------------- 3. Dispatch

fn dispatch(settings: &Settings, built: &Built, report: &mut Report) -> Result<()> {
    eprintln!("xtask bench: dispatch (fixtures/modules/bench-dispatch)");
    let dir = sys::scratch(&built.scratch, "dispatch")?;
    let fixture = workspace_root().join("fixtures/modules/bench-dispatch");
    let include = workspace_root().join("crates/sdk/include");
    // The limit as a server is built: -O2.
    let cxx = if sys::on_path("c++").is_some() { "c++" } else { "g++" };
    let limit = dir.join("limit.o");
    let status = Command::new(cxx)
        .args(["-O2", "-std=c++17", "-fPIC", "-c"])
        .arg("-I")
        .arg(&include)
        .arg(fixture.join("limit.cpp"))
        .arg("-o")
        .arg(&limit)
        .status()
        .with_context(|| format!("running {cxx}"))?;
    if !status.success() {
        bail!("compiling limit.cpp failed");
    }
    // The module as iissim builds any module (ModuleBuild: -O0 -g), linked with the limit.
    let image = dir.join("libBenchDispatch.so");
    let rounds = if settings.quick { 3 } else { 5 };
    let status = Command::new(&built.iissim)
        .arg("build")
        .arg("-o")
        .arg(&image)
        .arg("-D")
        .arg(format!("BENCH_ROUNDS={rounds}"))
        .arg(fixture.join("module.cpp"))
        .arg(&limit)
        .env("IISSIM_BUILD_DIR", dir.join("modules"))
        .stdout(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("iissim build of the bench-dispatch module failed");
    }
    let config = dir.join("iissim.toml");
    std::fs::write(
        &config,
        format!("[[modules]]\nname = \"BenchDispatch\"\nimage = {:?}\n", image.display().to_string()),
    )?;
    let output = Command::new(&built.iissim)
        .args(["request", "--config"])
        .arg(&config)
        .args(["-H", "User-Agent: iissim-bench", "-H", "Accept: */*", "/"])
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() || !text.starts_with("HTTP/1.1 200") {
        bail!("the dispatch request failed:\n{text}{}", String::from_utf8_lossy(&output.stderr));
    }
    let iterations: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("iterations "))
        .and_then(|v| v.trim().parse().ok())
        .context("no iterations line")?;
    // name -> per-round (host ns/call, limit ns/call)
    let mut pairs: Vec<(&str, Vec<(f64, f64)>)> = vec![("name", vec![]), ("id", vec![]), ("site", vec![])];
    for line in text.lines().filter(|l| l.starts_with("round ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let value = |key: &str| -> Option<f64> {
            let at = words.iter().position(|w| *w == key)?;
            words.get(at + 1)?.parse::<f64>().ok().map(|ns| ns / iterations)
        };
        for (name, rounds) in &mut pairs {
            let host = value(&format!("host_{name}")).context("malformed round line")?;
            let limit = value(&format!("limit_{name}")).context("malformed round line")?;
            rounds.push((host, limit));
        }
    }

    let mut section = String::new();
    let s = &mut section;
    let _ = writeln!(s, "## 3. Dispatch: one host API call from C++ vs the same call on a C++ object\n");
    let _ = writeln!(
        s,
        "`fixtures/modules/bench-dispatch`: {iterations:.0} calls per loop in one RQ_BEGIN_REQUEST, host and limit \
         alternating, {} rounds. The loop is the module's (built by iissim, -O0 -g); the limit is `CLimitRequest` \
         (limit.cpp, -O2), an `IHttpRequest` implemented in C++.\n",
        pairs[0].1.len()
    );
    let _ = writeln!(
        s,
        "| call | host ns/call | C++ limit ns/call | ratio per round | ratio (median) |\n|---|---|---|---|---|"
    );
    let labels =
        [("name", "GetHeader(\"User-Agent\")"), ("id", "GetHeader(HttpHeaderUserAgent)"), ("site", "GetSiteId()")];
    for (name, rounds) in &pairs {
        let label = labels.iter().find(|(n, _)| n == name).map_or(*name, |(_, l)| l);
        let host = median(rounds.iter().map(|r| r.0).collect());
        let limit = median(rounds.iter().map(|r| r.1).collect());
        let ratios: Vec<f64> = rounds.iter().map(|(h, l)| h / l).collect();
        let ratio = median(ratios.clone());
        let _ = writeln!(s, "| `{label}` | {host:.1} | {limit:.1} | {} | {ratio:.1}× |", list(&ratios, 1));
        let goal = "≤ 3× C++";
        let measured = format!("{ratio:.1}× ({host:.1} vs {limit:.1} ns)");
        if *name == "site" {
            report.target(&format!("dispatch floor `{label}` (reference)"), goal, measured, Some(ratio <= 3.0));
        } else {
            report.target(&format!("per-call dispatch `{label}`"), goal, measured, Some(ratio <= 3.0));
        }
    }
    let _ = writeln!(s);
    report.sections.push((3, section));
    Ok(())
}

// ---------------------------------------------------------------- 4. Memory

fn memory(settings: &Settings, built: &Built, report: &mut Report) -> Result<()> {
    let total: u64 = if settings.quick { 100_000 } else { 1_000_000 };
    eprintln!("xtask bench: memory (idle, 1k, 100k, {total} requests)");
    let (iissim, hyper) = http::start_pair(&built.iissim, &built.hyper, &seed_config(), false)?;
    std::thread::sleep(Duration::from_secs(1));
    let idle = sys::rss_kib(iissim.pid())?;
    let hyper_idle = sys::rss_kib(hyper.pid())?;
    hyper.stop()?;
    let mut points = vec![(0u64, idle)];
    let mut sent = 0;
    for upto in [1_000u64, 100_000, total] {
        if upto <= sent {
            continue;
        }
        sent += client::load(&iissim.addr, upto - sent, 4, 8)?;
        std::thread::sleep(Duration::from_millis(300));
        points.push((sent, sys::rss_kib(iissim.pid())?));
    }
    iissim.stop()?;
    let at = |n: u64| points.iter().find(|(k, _)| *k == n).map(|(_, v)| *v as f64 / 1024.0).unwrap_or(f64::NAN);
    let (idle_mb, k1, last) = (at(0), at(1_000), at(total));
    let growth = last - k1;

    let mut section = String::new();
    let s = &mut section;
    let _ = writeln!(s, "## 4. Memory: RSS of `iissim serve` (seed fixture, {} runtime threads)\n", http::cores());
    let _ = writeln!(s, "| requests served | RSS MiB |\n|---|---|");
    for (n, kib) in &points {
        let _ = writeln!(s, "| {n} | {:.1} |", *kib as f64 / 1024.0);
    }
    let _ = writeln!(
        s,
        "\nLoad: 4 keep-alive connections, 8 requests pipelined on each. bench-hyper idle, for reference: {:.1} MiB.\n",
        hyper_idle as f64 / 1024.0
    );
    report.target("idle RSS, one module loaded", "≤ 10 MB", format!("{idle_mb:.1} MiB"), Some(idle_mb <= 10.0));
    // Noise: what the allocator keeps or returns between two reads, about 1 MiB here.
    report.target(
        &format!("RSS growth 1k → {} requests", human(total)),
        "none beyond noise (≤ 1 MiB)",
        format!("{growth:+.1} MiB ({k1:.1} → {last:.1})"),
        Some(growth <= 1.0),
    );
    report.sections.push((4, section));
    Ok(())
}

fn human(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{}M", n / 1_000_000)
    } else {
        format!("{}k", n / 1000)
    }
}

// ---------------------------------------------------------------- 5. Build

fn build_section(settings: &Settings, built: &Built, report: &mut Report) -> Result<()> {
    let s_rebuild = module_rebuild(built)?;
    let clone = if settings.quick { None } else { Some(fresh_clone(built)?) };

    let mut section = String::new();
    let s = &mut section;
    let _ = writeln!(s, "## 5. Build\n");
    let _ = writeln!(s, "| step | seconds |\n|---|---|");
    match &clone {
        Some((total, first_build)) => {
            let _ = writeln!(
                s,
                "| fresh clone → first response of `cargo xtask simulate` (new target dir and module build dir; \
                 crates already in the cargo cache) | {total:.1} (first `serving` line at {first_build:.1}) |"
            );
        }
        None => {
            let _ = writeln!(s, "| fresh clone → first response | skipped (--quick) |");
        }
    }
    let (changed, unchanged) = s_rebuild;
    let _ = writeln!(
        s,
        "| module source edited → `iissim request` answered (rebuild + load + one request), median of 3 | {changed:.2} |"
    );
    let _ = writeln!(s, "| same, source unchanged (no rebuild) | {unchanged:.2} |\n");
    match clone {
        Some((total, _)) => {
            report.target("fresh clone → first response", "≤ 180 s", format!("{total:.0} s"), Some(total <= 180.0))
        }
        None => report.target("fresh clone → first response", "≤ 180 s", "skipped (--quick)".into(), None),
    }
    report.target("module rebuild (edit → response)", "≤ 1 s", format!("{changed:.2} s"), Some(changed <= 1.0));
    report.sections.push((5, section));
    Ok(())
}

/// (edited, unchanged): seconds from an edited seed module to `iissim request`'s answer.
fn module_rebuild(built: &Built) -> Result<(f64, f64)> {
    eprintln!("xtask bench: module rebuild");
    let dir = sys::scratch(&built.scratch, "rebuild")?;
    let seed = workspace_root().join("fixtures/modules/user-token");
    for file in ["module.cpp", "iissim.toml"] {
        std::fs::copy(seed.join(file), dir.join(file))?;
    }
    let request = || -> Result<f64> {
        let start = Instant::now();
        let output = Command::new(&built.iissim)
            .args(["request", "--config"])
            .arg(dir.join("iissim.toml"))
            .arg("/")
            .env("IISSIM_BUILD_DIR", dir.join("modules"))
            .output()?;
        let elapsed = start.elapsed().as_secs_f64();
        if !output.status.success() || !output.stdout.starts_with(b"HTTP/1.1 200") {
            bail!("iissim request failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        Ok(elapsed)
    };
    request()?; // the first build
    let mut changed = vec![];
    let mut unchanged = vec![];
    for round in 0..3 {
        let mut source = std::fs::read_to_string(dir.join("module.cpp"))?;
        let _ = writeln!(source, "// edit {round}");
        std::fs::write(dir.join("module.cpp"), source)?;
        changed.push(request()?);
        unchanged.push(request()?);
    }
    Ok((median(changed), median(unchanged)))
}

/// (first response, serving line) in seconds from `git clone` of this repository's HEAD.
fn fresh_clone(built: &Built) -> Result<(f64, f64)> {
    eprintln!("xtask bench: fresh clone → first response of `cargo xtask simulate` (builds everything)");
    let dir = sys::scratch(&built.scratch, "clone")?;
    let start = Instant::now();
    let status = Command::new("git")
        .args(["clone", "--quiet"])
        .arg(workspace_root())
        .arg(dir.join("iissim"))
        .status()
        .context("running git clone")?;
    if !status.success() {
        bail!("git clone failed");
    }
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .current_dir(dir.join("iissim"))
        .args(["xtask", "simulate", "--bind", "127.0.0.1:0"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("IISSIM_BUILD_DIR", dir.join("modules"))
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let server = sys::Server::start("cargo xtask simulate", command, Duration::from_secs(900))?;
    let serving = start.elapsed().as_secs_f64();
    let response = client::get_raw(&server.addr)?;
    let first = start.elapsed().as_secs_f64();
    // The whole process group: cargo, xtask, cargo run, iissim.
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", server.pid())]).status();
    server.stop()?;
    if !response.starts_with(b"HTTP/1.1 200") {
        bail!("the first response was not 200: {}", String::from_utf8_lossy(&response));
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok((first, serving))
}
