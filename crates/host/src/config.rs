//! The TOML configuration: the site, the modules in order, the anonymous user, the users.
//!
//! ```toml
//! [site]
//! bind = "127.0.0.1:8080"
//! physical_path = "wwwroot"
//!
//! [[modules]]
//! name = "UserToken"
//! sources = ["module.cpp"]     # or: image = "libusertoken.so"
//!
//! [anonymous]
//! user = "IUSR"
//! token = true
//!
//! [pipeline]
//! pending_timeout_ms = 30000   # a notification pending longer ends its request with 500
//!
//! [worker]                     # `iissim serve` between requests
//! ping_interval_s = 30         # GL_HEALTH_CHECK this often (default 0: never)
//! idle_timeout_s = 1200        # with idle_timeout_action = "suspend": GL_SUSPEND_PROCESS
//! idle_timeout_action = "suspend"
//! watch_config = true          # GL_CONFIGURATION_CHANGE when this file changes (default)
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A whole configuration file. Relative paths in it are relative to the file's folder.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
    /// Native modules in configuration order (the order of `<globalModules>` in IIS).
    #[serde(default)]
    pub modules: Vec<ModuleConfig>,
    #[serde(default)]
    pub anonymous: AnonymousConfig,
    /// The built-in Basic and (simulated) Windows authentication.
    #[serde(default)]
    pub authentication: AuthenticationConfig,
    /// The users Basic and Windows authentication know.
    #[serde(default)]
    pub users: Vec<UserConfig>,
    #[serde(default)]
    pub trace: TraceConfig,
    #[serde(default)]
    pub pipeline: PipelineConfig,
    /// What `iissim serve` does to the worker between requests.
    #[serde(default)]
    pub worker: WorkerConfig,
    /// The folder relative paths are resolved against.
    #[serde(skip)]
    pub base_dir: PathBuf,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    #[serde(default = "default_site_name")]
    pub name: String,
    #[serde(default = "default_site_id")]
    pub id: u32,
    /// Where `iissim serve` listens; `127.0.0.1:0` picks a free port.
    #[serde(default = "default_bind")]
    pub bind: String,
    /// The site's root folder (the static file handler serves from it).
    #[serde(default = "default_physical_path")]
    pub physical_path: PathBuf,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            name: default_site_name(),
            id: default_site_id(),
            bind: default_bind(),
            physical_path: default_physical_path(),
        }
    }
}

fn default_site_name() -> String {
    "Default Web Site".into()
}
fn default_site_id() -> u32 {
    1
}
fn default_bind() -> String {
    "127.0.0.1:8080".into()
}
fn default_physical_path() -> PathBuf {
    ".".into()
}

/// One native module: a built image, or sources iissim compiles with its SDK.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleConfig {
    pub name: String,
    /// A shared library (`.so`, `.dylib`, `.dll`).
    pub image: Option<PathBuf>,
    /// C++ sources to build into the image (needs the `iissim` front end, which builds them).
    #[serde(default)]
    pub sources: Vec<PathBuf>,
    /// Preprocessor definitions for `sources` (`NAME` or `NAME=VALUE`).
    #[serde(default)]
    pub defines: Vec<String>,
}

/// The built-in anonymous authentication (IIS's AnonymousAuthenticationModule).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnonymousConfig {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The account anonymous requests run as (IIS's default is `IUSR`).
    #[serde(default = "default_anonymous_user")]
    pub user: String,
    /// Whether the anonymous user has tokens; `false` makes `GetPrimaryToken` return NULL.
    #[serde(default = "yes")]
    pub token: bool,
}

impl Default for AnonymousConfig {
    fn default() -> Self {
        AnonymousConfig { enabled: true, user: default_anonymous_user(), token: true }
    }
}

fn yes() -> bool {
    true
}
fn default_anonymous_user() -> String {
    "IUSR".into()
}

/// The built-in authentication modules besides anonymous, in the order they run.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthenticationConfig {
    /// Enabled providers, in order: `"basic"`, `"windows"`.
    #[serde(default)]
    pub providers: Vec<String>,
    /// The realm of the Basic challenge (default: the request's host).
    pub realm: Option<String>,
}

/// A user Basic and Windows authentication accept.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// `alice` or `DOMAIN\alice`.
    pub name: String,
    #[serde(default)]
    pub password: String,
    /// Group names (`DOMAIN\Admins`, `BUILTIN\Users`); role checks go through the token's groups.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Whether the user has a primary and an impersonation token (default: yes).
    #[serde(default = "yes")]
    pub token: bool,
}

/// How the pipeline treats modules.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// How long a notification may stay RQ_NOTIFICATION_PENDING before the request is ended
    /// with a report naming the module and notification.
    #[serde(default = "default_pending_timeout")]
    pub pending_timeout_ms: u64,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig { pending_timeout_ms: default_pending_timeout() }
    }
}

fn default_pending_timeout() -> u64 {
    30_000
}

/// The worker's life between requests while `iissim serve` runs, as an IIS application pool's
/// process model sets it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerConfig {
    /// Raise GL_HEALTH_CHECK this often (WAS pings a worker every 30 s by default; whether a
    /// ping raises GL_HEALTH_CHECK is not documented, so 0, the default, raises none).
    #[serde(default)]
    pub ping_interval_s: u64,
    /// After this long without a request, `idle_timeout_action` happens (0: never).
    #[serde(default)]
    pub idle_timeout_s: u64,
    #[serde(default)]
    pub idle_timeout_action: IdleAction,
    /// Raise GL_CONFIGURATION_CHANGE when this configuration file changes (default: yes).
    #[serde(default = "yes")]
    pub watch_config: bool,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            ping_interval_s: 0,
            idle_timeout_s: 0,
            idle_timeout_action: IdleAction::None,
            watch_config: true,
        }
    }
}

/// What an idle worker does (`idleTimeoutAction`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdleAction {
    /// Keep running.
    #[default]
    None,
    /// GL_SUSPEND_PROCESS; the next request resumes the worker.
    Suspend,
}

/// What each request's trace records.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceConfig {
    /// What each request records: `off` (diagnostics and event-log entries only), `default`
    /// (also notifications, host events and status errors, with times), `calls` (also every
    /// host API call a module makes).
    #[serde(default)]
    pub level: TraceLevel,
    /// Keep Failed Request Tracing files (`fr000001.xml`, ...) in this folder for the requests
    /// the rule below selects, as IIS does; none when absent.
    pub freb_dir: Option<PathBuf>,
    /// Status codes that keep a FREB file: codes and ranges, as IIS writes them (`["404", "500-599"]`).
    #[serde(default = "default_freb_status")]
    pub freb_status: Vec<String>,
    /// Keep the file of any request that took at least this long, whatever its status.
    pub freb_time_taken_ms: Option<u64>,
}

/// How much a request's trace records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TraceLevel {
    /// Diagnostics and event-log entries only (strict mode still sees every diagnostic).
    Off,
    /// Notifications, host events, status errors, diagnostics, with times.
    #[default]
    Default,
    /// Everything, and every host API call.
    Calls,
}

impl Default for TraceConfig {
    fn default() -> Self {
        TraceConfig {
            level: TraceLevel::Default,
            freb_dir: None,
            freb_status: default_freb_status(),
            freb_time_taken_ms: None,
        }
    }
}

fn default_freb_status() -> Vec<String> {
    vec!["400-999".into()]
}

impl TraceConfig {
    /// Whether a request with this status and duration keeps its FREB file (IIS's failure
    /// definition: a status code in the list, or a time-taken over the limit).
    pub fn keeps_freb(&self, status: u16, taken_ms: u64) -> bool {
        let status_matches = self.freb_status.iter().any(|rule| match rule.split_once('-') {
            Some((low, high)) => {
                low.trim().parse::<u16>().is_ok_and(|l| l <= status)
                    && high.trim().parse::<u16>().is_ok_and(|h| status <= h)
            }
            None => rule.trim().parse::<u16>().is_ok_and(|code| code == status),
        });
        status_matches || self.freb_time_taken_ms.is_some_and(|limit| taken_ms >= limit)
    }
}

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// Occurs when the file cannot be read.
    #[error("cannot read config {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    /// Occurs when the file is not valid TOML or does not describe a configuration.
    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    /// Occurs when a module names neither an image nor sources, or both.
    #[error("{path}: module `{module}` needs exactly one of `image` or `sources`")]
    ModuleSource { path: PathBuf, module: String },
    /// Occurs when an authentication provider is not one iissim has.
    #[error("{path}: unknown authentication provider `{provider}` (known: basic, windows)")]
    UnknownProvider { path: PathBuf, provider: String },
    /// Occurs when two modules share a name (IIS requires unique module names).
    #[error("{path}: two modules are named `{module}`")]
    DuplicateModule { path: PathBuf, module: String },
}

impl Config {
    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
        let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Config::parse(&text, path, &base_dir)
    }

    /// Parses configuration text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path, base_dir: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_column(text, s.start)).unwrap_or((1, 1));
            ConfigError::Parse { path: path.to_path_buf(), line, column, message: e.message().to_string() }
        })?;
        config.base_dir = base_dir.to_path_buf();
        if let Some(unknown) =
            config.authentication.providers.iter().find(|p| !matches!(p.as_str(), "basic" | "windows"))
        {
            return Err(ConfigError::UnknownProvider { path: path.to_path_buf(), provider: unknown.clone() });
        }
        let mut names = std::collections::HashSet::new();
        for m in &config.modules {
            if m.image.is_some() != m.sources.is_empty() {
                return Err(ConfigError::ModuleSource { path: path.to_path_buf(), module: m.name.clone() });
            }
            if !names.insert(m.name.to_ascii_lowercase()) {
                return Err(ConfigError::DuplicateModule { path: path.to_path_buf(), module: m.name.clone() });
            }
        }
        Ok(config)
    }

    /// `path` resolved against the configuration's folder.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.base_dir.join(path)
        }
    }
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_value_names_line_and_column() {
        let err = Config::parse("[site]\nid = \"one\"\n", Path::new("x.toml"), Path::new(".")).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("x.toml:2:6: "), "{text}");
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let err = Config::parse("[site]\nport = 1\n", Path::new("x.toml"), Path::new(".")).unwrap_err();
        assert!(err.to_string().contains("unknown field `port`"), "{err}");
    }

    #[test]
    fn the_freb_rule_takes_codes_ranges_and_time() {
        let rule = TraceConfig {
            freb_status: vec!["404".into(), "500-599".into()],
            freb_time_taken_ms: Some(100),
            ..TraceConfig::default()
        };
        assert!(rule.keeps_freb(404, 0) && rule.keeps_freb(503, 0) && rule.keeps_freb(200, 150));
        assert!(!rule.keeps_freb(401, 0) && !rule.keeps_freb(200, 99));
    }

    #[test]
    fn the_worker_section_defaults_to_watching_the_file_only() {
        let config = Config::parse("", Path::new("x.toml"), Path::new(".")).unwrap();
        assert!(config.worker.watch_config);
        assert_eq!((config.worker.ping_interval_s, config.worker.idle_timeout_s), (0, 0));
        assert_eq!(config.worker.idle_timeout_action, IdleAction::None);
        let err = Config::parse(
            "[worker]
idle_timeout_action = \"terminate\"\n",
            Path::new("x.toml"),
            Path::new("."),
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown variant `terminate`, expected `none` or `suspend`"), "{err}");
    }

    #[test]
    fn a_module_needs_image_or_sources() {
        let err = Config::parse("[[modules]]\nname = \"M\"\n", Path::new("x.toml"), Path::new(".")).unwrap_err();
        assert!(matches!(err, ConfigError::ModuleSource { .. }), "{err}");
    }
}
