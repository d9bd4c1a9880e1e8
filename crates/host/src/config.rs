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
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A whole configuration file. Relative paths in it are relative to the file's folder.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
    /// Native modules in configuration order (the order of `<globalModules>` in IIS).
    #[serde(default)]
    pub modules: Vec<ModuleConfig>,
    #[serde(default)]
    pub anonymous: AnonymousConfig,
    #[serde(default)]
    pub trace: TraceConfig,
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

/// What each request's trace records.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceConfig {
    /// Record every host API call a module makes, not only notifications and diagnostics.
    #[serde(default)]
    pub calls: bool,
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
    fn a_module_needs_image_or_sources() {
        let err = Config::parse("[[modules]]\nname = \"M\"\n", Path::new("x.toml"), Path::new(".")).unwrap_err();
        assert!(matches!(err, ConfigError::ModuleSource { .. }), "{err}");
    }
}
