//! Spec files: data-driven tests a C++ team reads and writes without Rust.
//!
//! A spec is a TOML file: the configuration it runs against, then cases. Each case is a
//! request and what must hold of its response. Snapshots are insta's format, stored in a
//! `snapshots/` folder beside the spec, so `cargo insta review` works on them.
//!
//! ```toml
//! config = "../iissim.toml"        # relative to this file
//! strict = true                    # diagnostics fail a case (default)
//! plan_snapshot = true             # the resolved pipeline (`iissim plan`), as snapshots/<spec>__plan.snap
//!
//! [[case]]
//! name = "anonymous user"
//! request = { method = "GET", path = "/?x=1", headers = { Accept = "text/xml" }, user = "alice" }
//! repeat = 3                       # run it three times on the same worker
//! expect.status = 200
//! expect.headers = { "Content-Type" = "text/xml" }
//! expect.body = '<?xml version="1.0" ?><user primaryToken="valid" />'
//! expect.body_contains = ["primaryToken"]
//! expect.body_regex = 'primaryToken="(valid|invalid)"'
//! expect.snapshot = true           # the whole response, as snapshots/<spec>__<case>.snap
//! expect.snapshot_format = "xml"   # body canonicalised: raw (default), json, xml, html
//! expect.trace_snapshot = true     # the pipeline trace, as snapshots/<spec>__<case>__trace.snap
//! expect.diagnostics = ["IHttpContext::GetSite()"]  # expected diagnostics (substrings), in order
//! ```

pub mod junit;
pub mod normalize;
pub mod run;
pub mod snapshot;
pub mod suite;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One spec file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// The configuration file, relative to the spec.
    pub config: PathBuf,
    /// Whether diagnostics fail a case; expected diagnostics never do.
    #[serde(default = "yes")]
    pub strict: bool,
    /// Extra redactions for snapshots, after the defaults of [`normalize::DEFAULT_REDACTIONS`].
    #[serde(default)]
    pub redact: Vec<Redaction>,
    /// Snapshot the resolved pipeline (what `iissim plan` prints) as `<spec>__plan`, with the
    /// first case that runs.
    #[serde(default)]
    pub plan_snapshot: bool,
    /// The cases, in order.
    #[serde(rename = "case", default)]
    pub cases: Vec<Case>,
    /// Where the spec was read from.
    #[serde(skip)]
    pub path: PathBuf,
}

fn yes() -> bool {
    true
}

/// A pattern (a regular expression) and what replaces it in snapshots.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    /// The regular expression.
    pub pattern: String,
    /// What replaces each match.
    pub replacement: String,
}

/// One request and its expectations.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case is called in reports and snapshot names.
    pub name: String,
    /// The request to send.
    pub request: CaseRequest,
    /// How many times to send it (state leaking between requests shows up as a difference).
    #[serde(default = "one")]
    pub repeat: u32,
    /// What must hold.
    #[serde(default)]
    pub expect: Expect,
}

fn raw() -> String {
    "raw".into()
}

fn one() -> u32 {
    1
}

/// The request of a case.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseRequest {
    /// The HTTP method (default GET).
    #[serde(default = "get")]
    pub method: String,
    /// The path and query string.
    pub path: String,
    /// Request headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The request body.
    #[serde(default)]
    pub body: String,
    /// Log on as this configured user (see `[[users]]`).
    pub user: Option<String>,
}

fn get() -> String {
    "GET".into()
}

/// What a case's response must show. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The status code.
    pub status: Option<u16>,
    /// The substatus IIS logs (e.g. 401.2 has substatus 2).
    pub substatus: Option<u16>,
    /// Headers that must be present with exactly this value (names case-insensitive).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Headers that must be absent.
    #[serde(default)]
    pub headers_absent: Vec<String>,
    /// The exact body.
    pub body: Option<String>,
    /// Strings the body must contain.
    #[serde(default)]
    pub body_contains: Vec<String>,
    /// A regular expression the body must match.
    pub body_regex: Option<String>,
    /// Snapshot the whole response.
    #[serde(default)]
    pub snapshot: bool,
    /// How the body appears in the snapshot: `raw` (default), `json`, `xml` or `html`
    /// (canonicalised, see [`normalize`]).
    #[serde(default = "raw")]
    pub snapshot_format: String,
    /// Snapshot the pipeline trace.
    #[serde(default)]
    pub trace_snapshot: bool,
    /// Diagnostics the case must produce, as substrings of their text, in order.
    #[serde(default)]
    pub diagnostics: Vec<String>,
}

/// Why a spec file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    /// Occurs when the file cannot be read.
    #[error("cannot read spec {path}: {source}")]
    Read {
        /// The spec file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// Occurs when the file is not a valid spec.
    #[error("{path}: {message}")]
    Parse {
        /// The spec file.
        path: PathBuf,
        /// What is wrong, with line and column.
        message: String,
    },
}

impl Spec {
    /// Reads a spec file.
    pub fn load(path: &Path) -> Result<Spec, SpecError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| SpecError::Read { path: path.to_path_buf(), source })?;
        let mut spec: Spec = toml::from_str(&text).map_err(|e| SpecError::Parse {
            path: path.to_path_buf(),
            message: e.to_string().lines().next().unwrap_or_default().replace("TOML parse error at ", ""),
        })?;
        spec.path = path.to_path_buf();
        Ok(spec)
    }

    /// The configuration file the spec runs against.
    pub fn config_path(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join(&self.config)
    }

    /// The spec's name: its file name without `.toml`.
    pub fn name(&self) -> String {
        self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// The spec as reports name it: the folder that holds `specs/`, then the file's name
    /// (`user-token/anonymous`).
    pub fn display_name(&self) -> String {
        let owner = self.path.parent().and_then(Path::parent).and_then(Path::file_name);
        match owner {
            Some(owner) => format!("{}/{}", owner.to_string_lossy(), self.name()),
            None => self.name(),
        }
    }

    /// The folder its snapshots live in.
    pub fn snapshot_dir(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join("snapshots")
    }
}

/// Every spec file under `paths` (files as given; folders searched recursively for `*.toml`
/// files inside a folder named `specs`), sorted.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, in_specs: bool, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                let is_specs = path.file_name().is_some_and(|n| n == "specs");
                walk(&path, in_specs || is_specs, out);
            } else if in_specs && path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut found = vec![];
    for path in paths {
        if path.is_file() {
            found.push(path.clone());
        } else {
            let is_specs = path.file_name().is_some_and(|n| n == "specs");
            walk(path, is_specs, &mut found);
        }
    }
    found.sort();
    found
}
