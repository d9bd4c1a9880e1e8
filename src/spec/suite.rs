//! `iissim test`: every spec under some paths, in parallel, with snapshots checked against
//! their files, a readable report and JUnit XML.

use super::run::{run_spec, CaseOutcome, Shuffle};
use super::snapshot;
use super::{discover, Spec};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

/// How to run a suite.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only cases whose `spec/case` name contains this.
    pub filter: Option<String>,
    /// Write new and changed snapshots as accepted `.snap` files instead of `.snap.new`.
    pub accept: bool,
    /// Run each spec's cases in a random order from this seed.
    pub shuffle_seed: Option<u64>,
    /// Specs run at once (default: one per core).
    pub jobs: Option<usize>,
}

/// Runs every spec found under `paths`; outcomes come back sorted by spec, then case order.
pub fn run(paths: &[PathBuf], options: &Options) -> Vec<CaseOutcome> {
    let specs = discover(paths);
    let next = Mutex::new(specs.into_iter());
    let outcomes = Mutex::new(Vec::new());
    let jobs = options.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let Some(path) = next.lock().unwrap().next() else { break };
                let results = run_one(&path, options);
                outcomes.lock().unwrap().extend(results);
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by(|a, b| a.spec.cmp(&b.spec));
    outcomes
}

fn run_one(path: &std::path::Path, options: &Options) -> Vec<CaseOutcome> {
    let failed = |case: &str, message: String| CaseOutcome {
        spec: path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        case: case.to_string(),
        failures: vec![message],
        snapshots: vec![],
        duration: Duration::ZERO,
    };
    let spec = match Spec::load(path) {
        Ok(spec) => spec,
        Err(e) => return vec![failed("(spec)", e.to_string())],
    };
    let mut shuffle = options.shuffle_seed.map(Shuffle::new);
    let mut outcomes = match run_spec(&spec, options.filter.as_deref(), shuffle.as_mut()) {
        Ok(outcomes) => outcomes,
        Err(e) => return vec![failed("(load)", format!("{}: {e}", spec.config_path().display()))],
    };
    for outcome in &mut outcomes {
        check_snapshots(&spec, outcome, options.accept);
    }
    outcomes
}

/// Compares each snapshot with its file; a new or changed one is written as `.snap.new`
/// (for `cargo insta review`) and fails the case, unless `accept`.
fn check_snapshots(spec: &Spec, outcome: &mut CaseOutcome, accept: bool) {
    let dir = spec.snapshot_dir();
    for snap in &outcome.snapshots {
        let file = snapshot::path(&dir, &snap.name);
        let stored = snapshot::read(&file);
        let fresh = snapshot::normalize(&snap.contents);
        if stored.as_deref() == Some(fresh.as_str()) || accept {
            // A review left over from an earlier run is stale now.
            let _ = std::fs::remove_file(file.with_extension("snap.new"));
        }
        if stored.as_deref() == Some(fresh.as_str()) {
            continue;
        }
        let written = snapshot::write(&dir, &snap.name, &spec.path, &snap.contents, !accept);
        if accept {
            if let Err(e) = written {
                outcome.failures.push(format!("snapshot {}: cannot write: {e}", snap.name));
            }
            continue;
        }
        let location = written.map(|p| p.display().to_string()).unwrap_or_else(|e| format!("(not written: {e})"));
        match stored {
            None => outcome.failures.push(format!("snapshot {} is new; review {location}", snap.name)),
            Some(old) => outcome.failures.push(format!(
                "snapshot {} changed (- stored, + new); review {location}:\n{}",
                snap.name,
                snapshot::diff(&old, &fresh)
            )),
        }
    }
}

/// The readable report: one line a case, failures indented under it, then the totals.
pub fn report(outcomes: &[CaseOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        let mark = if o.passed() { "PASS" } else { "FAIL" };
        out.push_str(&format!("{mark} {}/{} ({} ms)\n", o.spec, o.case, o.duration.as_millis()));
        for failure in &o.failures {
            for (i, line) in failure.lines().enumerate() {
                out.push_str(if i == 0 { "     - " } else { "       " });
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    out.push_str(&format!("{} passed, {failed} failed\n", outcomes.len() - failed));
    out
}
