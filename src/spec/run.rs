//! Running specs: each spec gets its own harness (so specs run in parallel), each case its
//! requests, and every expectation that does not hold becomes a readable failure.

use super::normalize;
use super::snapshot::{self, Snapshot};
use super::{Case, Spec};
use crate::{Harness, Response};
use std::time::{Duration, Instant};

/// What one case did.
#[derive(Debug)]
pub struct CaseOutcome {
    /// The spec's name.
    pub spec: String,
    /// The case's name.
    pub case: String,
    /// Every expectation that did not hold, readable on its own.
    pub failures: Vec<String>,
    /// The snapshots the case asked for, from its first request.
    pub snapshots: Vec<Snapshot>,
    /// How long the case's requests took.
    pub duration: Duration,
}

impl CaseOutcome {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// The response as snapshots show it: status line, headers, blank line, body; `\n` line ends.
pub fn render_response(response: &Response) -> String {
    let mut out = format!("HTTP/1.1 {} {}\n", response.status, response.reason);
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push('\n');
    out.push_str(&String::from_utf8_lossy(&response.body));
    out
}

/// A small deterministic generator for `--shuffle` (xorshift64*).
pub struct Shuffle(u64);

impl Shuffle {
    /// A generator from a seed (never zero inside).
    pub fn new(seed: u64) -> Shuffle {
        Shuffle(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Runs the cases of `spec` whose `spec/case` name contains `filter`, in file order, or
/// shuffled by `shuffle`.
pub fn run_spec(
    spec: &Spec,
    filter: Option<&str>,
    shuffle: Option<&mut Shuffle>,
) -> Result<Vec<CaseOutcome>, crate::Error> {
    let mut cases: Vec<&Case> = spec
        .cases
        .iter()
        .filter(|c| filter.is_none_or(|f| format!("{}/{}", spec.display_name(), c.name).contains(f)))
        .collect();
    if cases.is_empty() {
        return Ok(vec![]);
    }
    if let Some(shuffle) = shuffle {
        shuffle.shuffle(&mut cases);
    }
    let redactions = match spec
        .redact
        .iter()
        .map(|r| regex::Regex::new(&r.pattern).map(|re| (re, r.replacement.clone())))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(redactions) => redactions,
        Err(e) => {
            return Ok(cases
                .into_iter()
                .map(|case| CaseOutcome {
                    spec: spec.display_name(),
                    case: case.name.clone(),
                    failures: vec![format!("a redact pattern is not a valid regular expression: {e}")],
                    snapshots: vec![],
                    duration: Duration::ZERO,
                })
                .collect())
        }
    };
    let harness = Harness::from_config(spec.config_path())?.strict(false);
    let mut outcomes: Vec<CaseOutcome> =
        cases.into_iter().map(|case| run_case(&harness, spec, case, &redactions)).collect();
    if spec.plan_snapshot {
        if let Some(first) = outcomes.first_mut() {
            first
                .snapshots
                .push(Snapshot { name: format!("{}__plan", spec.name()), contents: harness.worker().plan() });
        }
    }
    Ok(outcomes)
}

fn run_case(harness: &Harness, spec: &Spec, case: &Case, redactions: &[(regex::Regex, String)]) -> CaseOutcome {
    let started = Instant::now();
    let mut failures = vec![];
    let mut snapshots = vec![];
    let mut first: Option<String> = None;
    for round in 1..=case.repeat.max(1) {
        let mut request = harness.request(&case.request.method, &case.request.path).body(case.request.body.clone());
        for (name, value) in &case.request.headers {
            request = request.header(name, value);
        }
        if let Some(user) = &case.request.user {
            match harness.worker().credentials_for(user) {
                Ok(credentials) => request = request.header("Authorization", &credentials),
                Err(why) => {
                    failures.push(why);
                    break;
                }
            }
        }
        let response = request.try_send().expect("a non-strict harness never fails a request");
        let prefix = if case.repeat > 1 { format!("request {round}: ") } else { String::new() };
        failures.extend(check(spec, case, &response).into_iter().map(|f| format!("{prefix}{f}")));
        let rendered = render_response(&response);
        match &first {
            None => {
                if case.expect.snapshot {
                    let body = normalize::body(&case.expect.snapshot_format, &String::from_utf8_lossy(&response.body));
                    let mut head = render_response(&Response { body: vec![], ..response.clone() });
                    head.push_str(&body);
                    snapshots.push(Snapshot {
                        name: format!("{}__{}", spec.name(), slug(&case.name)),
                        contents: normalize::redact(&head, redactions),
                    });
                }
                if case.expect.trace_snapshot {
                    snapshots.push(Snapshot {
                        name: format!("{}__{}__trace", spec.name(), slug(&case.name)),
                        contents: normalize::redact(&response.trace.render(), redactions),
                    });
                }
                first = Some(rendered);
            }
            Some(first) if *first != rendered => {
                failures.push(format!(
                    "request {round} answered differently from request 1 (state leaks between requests?):\n{}",
                    snapshot::diff(first, &rendered)
                ));
            }
            Some(_) => {}
        }
    }
    CaseOutcome { spec: spec.display_name(), case: case.name.clone(), failures, snapshots, duration: started.elapsed() }
}

/// A case name as a file name: lower case, runs of other characters as `_`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

fn check(spec: &Spec, case: &Case, response: &Response) -> Vec<String> {
    let expect = &case.expect;
    let mut failures = vec![];
    if let Some(substatus) = expect.substatus {
        if response.substatus != substatus {
            failures.push(format!("substatus: expected {substatus}, got {}", response.substatus));
        }
    }
    failures.extend(check_wire(case, response));
    // Expected diagnostics, in order; in a strict spec any other diagnostic is a failure.
    let mut expected = expect.diagnostics.iter().peekable();
    for diagnostic in &response.diagnostics {
        let text = diagnostic.to_string();
        if expected.peek().is_some_and(|e| text.contains(e.as_str())) {
            expected.next();
        } else if spec.strict && diagnostic.is_failure() {
            failures.push(format!("unexpected diagnostic: {text}"));
        }
    }
    for missing in expected {
        failures.push(format!("expected a diagnostic containing {missing:?}, none came"));
    }
    failures
}

/// The expectations a client can see on the wire: status, headers and body (not the
/// substatus, the diagnostics or the trace, which only the harness has). The HTTP run of the
/// specs (tests/specs.rs) checks these on responses read from a socket.
pub fn check_wire(case: &Case, response: &Response) -> Vec<String> {
    let expect = &case.expect;
    let mut failures = vec![];
    if let Some(status) = expect.status {
        if response.status != status {
            failures.push(format!("status: expected {status}, got {} {}", response.status, response.reason));
        }
    }
    for (name, value) in &expect.headers {
        match response.header(name) {
            Some(actual) if actual == value => {}
            Some(actual) => failures.push(format!("header {name}: expected {value:?}, got {actual:?}")),
            None => failures.push(format!("header {name}: expected {value:?}, but the response has none")),
        }
    }
    for name in &expect.headers_absent {
        if let Some(actual) = response.header(name) {
            failures.push(format!("header {name}: expected none, got {actual:?}"));
        }
    }
    let body = String::from_utf8_lossy(&response.body);
    if let Some(expected) = &expect.body {
        if body != *expected {
            failures.push(format!("body differs:\n{}", snapshot::diff(expected, &body)));
        }
    }
    for needle in &expect.body_contains {
        if !body.contains(needle.as_str()) {
            failures.push(format!("body does not contain {needle:?}"));
        }
    }
    if let Some(pattern) = &expect.body_regex {
        match regex::Regex::new(pattern) {
            Ok(re) if re.is_match(&body) => {}
            Ok(_) => failures.push(format!("body does not match /{pattern}/")),
            Err(e) => failures.push(format!("body_regex is not a valid regular expression: {e}")),
        }
    }
    failures
}
