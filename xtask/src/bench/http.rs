//! The HTTP comparison: `iissim serve` with the seed fixture against `bench-hyper`, loaded by
//! wrk in alternating rounds, with each server's CPU time read from /proc around every run.

use super::sys::{self, Server};
use super::{median, Settings};
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// One wrk run against one server.
#[derive(Clone, Debug)]
pub struct Run {
    pub rps: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    pub requests: u64,
    pub errors: u64,
    pub cpu_us_per_request: f64,
}

/// One scenario: how wrk loads and how the servers run.
pub struct Scenario {
    pub label: &'static str,
    pub connections: u32,
    pub wrk_threads: u32,
    pub seconds: u32,
    pub rounds: u32,
    /// Server on core 0 with one runtime thread, wrk on core 1.
    pub pinned: bool,
}

/// The rounds of a scenario: (iissim, hyper) per round.
pub struct Outcome {
    pub scenario: Scenario,
    pub rounds: Vec<(Run, Run)>,
}

impl Outcome {
    pub fn iissim(&self) -> Vec<Run> {
        self.rounds.iter().map(|(a, _)| a.clone()).collect()
    }
    pub fn hyper(&self) -> Vec<Run> {
        self.rounds.iter().map(|(_, b)| b.clone()).collect()
    }
    /// Per-round iissim/hyper throughput ratios.
    pub fn ratios(&self) -> Vec<f64> {
        self.rounds.iter().map(|(a, b)| a.rps / b.rps).collect()
    }
    /// Per-round p50 differences (iissim - hyper), µs.
    pub fn p50_deltas(&self) -> Vec<f64> {
        self.rounds.iter().map(|(a, b)| a.p50_us - b.p50_us).collect()
    }
    pub fn med(&self, pick: impl Fn(&Run) -> f64, iissim: bool) -> f64 {
        let runs = if iissim { self.iissim() } else { self.hyper() };
        median(runs.iter().map(pick).collect())
    }
}

pub fn scenarios(settings: &Settings) -> Vec<Scenario> {
    let (long, short, rounds, few) = if settings.quick { (3, 2, 1, 1) } else { (10, 5, 3, 2) };
    vec![
        Scenario { label: "-c32", connections: 32, wrk_threads: 2, seconds: long, rounds, pinned: false },
        Scenario { label: "-c1", connections: 1, wrk_threads: 1, seconds: short, rounds: few, pinned: false },
        Scenario { label: "pinned -c32", connections: 32, wrk_threads: 1, seconds: short, rounds: few, pinned: true },
        Scenario { label: "pinned -c1", connections: 1, wrk_threads: 1, seconds: short, rounds: few, pinned: true },
    ]
}

/// The two servers, started the same way.
pub fn start_pair(iissim: &Path, hyper: &Path, seed_config: &Path, pinned: bool) -> Result<(Server, Server)> {
    let threads = if pinned { "1".to_string() } else { cores().to_string() };
    let wrap = |program: &Path| {
        if pinned {
            let mut command = Command::new("taskset");
            command.args(["-c", "0"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    };
    let mut a = wrap(iissim);
    a.arg("serve").arg("--config").arg(seed_config).args(["--bind", "127.0.0.1:0", "--threads", &threads]);
    let mut b = wrap(hyper);
    b.args(["--bind", "127.0.0.1:0", "--threads", &threads]);
    let a = Server::start("iissim", a, Duration::from_secs(120))?;
    let b = Server::start("bench-hyper", b, Duration::from_secs(30))?;
    Ok((a, b))
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Runs every round of `scenario`, alternating which server goes first.
pub fn measure(scenario: Scenario, iissim: &Server, hyper: &Server) -> Result<Outcome> {
    let ticks = sys::clock_ticks();
    let mut rounds = Vec::new();
    for round in 0..scenario.rounds {
        eprintln!(
            "xtask bench: HTTP {} round {}/{} ({} s each server)",
            scenario.label,
            round + 1,
            scenario.rounds,
            scenario.seconds
        );
        let (a, b) = if round % 2 == 0 {
            let a = wrk(&scenario, iissim, ticks)?;
            (a, wrk(&scenario, hyper, ticks)?)
        } else {
            let b = wrk(&scenario, hyper, ticks)?;
            (wrk(&scenario, iissim, ticks)?, b)
        };
        rounds.push((a, b));
    }
    Ok(Outcome { scenario, rounds })
}

fn wrk(scenario: &Scenario, server: &Server, ticks: f64) -> Result<Run> {
    let mut command = if scenario.pinned {
        let mut c = Command::new("taskset");
        c.args(["-c", "1", "wrk"]);
        c
    } else {
        Command::new("wrk")
    };
    command.args([
        format!("-t{}", scenario.wrk_threads),
        format!("-c{}", scenario.connections),
        format!("-d{}s", scenario.seconds),
        "--latency".into(),
        format!("http://{}/", server.addr),
    ]);
    // A settled start: the previous run's connections are closed.
    std::thread::sleep(Duration::from_millis(300));
    let before = sys::cpu_ticks(server.pid())?;
    let output = command.output().context("running wrk")?;
    let after = sys::cpu_ticks(server.pid())?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        bail!("wrk failed against {}: {}{}", server.name, text, String::from_utf8_lossy(&output.stderr));
    }
    let mut run = parse_wrk(&text).with_context(|| format!("reading wrk's output:\n{text}"))?;
    if run.requests > 0 {
        run.cpu_us_per_request = (after - before) as f64 / ticks * 1e6 / run.requests as f64;
    }
    if run.errors > 0 {
        eprintln!("xtask bench: warning: {} errors or non-2xx responses from {}", run.errors, server.name);
    }
    Ok(run)
}

/// Reads `Requests/sec`, the 50% and 99% latencies, the request count and errors.
pub fn parse_wrk(text: &str) -> Result<Run> {
    let mut run = Run { rps: 0.0, p50_us: 0.0, p99_us: 0.0, requests: 0, errors: 0, cpu_us_per_request: 0.0 };
    for line in text.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", value] => run.rps = value.parse()?,
            ["50%", value] => run.p50_us = duration_us(value)?,
            ["99%", value] => run.p99_us = duration_us(value)?,
            [count, "requests", "in", ..] => run.requests = count.parse()?,
            ["Non-2xx", "or", "3xx", "responses:", count] => run.errors += count.parse::<u64>()?,
            ["Socket", "errors:", rest @ ..] => {
                run.errors += rest.iter().filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok()).sum::<u64>()
            }
            _ => {}
        }
    }
    if run.rps == 0.0 || run.requests == 0 {
        bail!("no Requests/sec or request count");
    }
    Ok(run)
}

/// `345.12us`, `1.20ms`, `2.00s` -> µs.
fn duration_us(value: &str) -> Result<f64> {
    let split = value.find(|c: char| c.is_ascii_alphabetic()).context("latency without a unit")?;
    let (number, unit) = value.split_at(split);
    let number: f64 = number.parse()?;
    Ok(number
        * match unit {
            "ns" => 1e-3,
            "us" => 1.0,
            "ms" => 1e3,
            "s" => 1e6,
            "m" => 60e6,
            other => bail!("unknown latency unit {other}"),
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_wrk() {
        let text = "Running 10s test @ http://127.0.0.1:1/\n  2 threads and 32 connections\n  Latency Distribution\n     50%  320.00us\n     75%  400.00us\n     90%  500.00us\n     99%    1.20ms\n  909090 requests in 10.00s, 123.45MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\nRequests/sec:  90909.09\n";
        let run = super::parse_wrk(text).unwrap();
        assert_eq!(run.requests, 909090);
        assert_eq!(run.errors, 3);
        assert!((run.p99_us - 1200.0).abs() < 1e-6);
        assert!((run.p50_us - 320.0).abs() < 1e-6);
    }
}
