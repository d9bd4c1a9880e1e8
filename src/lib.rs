//! iissim: run and test IIS native modules without IIS.
//!
//! # Brief overview
//! - [`Harness`]: an in-process IIS for tests: load modules from a config, send requests,
//!   check the [`Response`], its [`Trace`] and [`Diagnostic`]s. No socket.
//! - [`load_worker`]: builds the modules a config names from source and loads them; the
//!   `iissim` command line serves the result over HTTP.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod harness;
pub mod spec;

pub use harness::{Harness, HarnessBuilder, RequestBuilder, StrictFailure};
pub use iissim_host::config::TraceLevel;
pub use iissim_host::exchange::ConnectionEnd;
pub use iissim_host::{freb, Config, Diagnostic, DiagnosticKind, Request, Response, Trace, TraceEvent, Worker};

use iissim_host::ModuleImage;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why iissim could not start on a configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The configuration file is missing or invalid.
    #[error(transparent)]
    Config(#[from] iissim_host::ConfigError),
    /// A module's sources did not build.
    #[error(transparent)]
    Build(#[from] iissim_sdk::BuildError),
    /// A module did not load or register.
    #[error(transparent)]
    Load(#[from] iissim_host::LoadError),
}

/// Where modules built from `sources` go: `$IISSIM_BUILD_DIR`, else a folder in the temp dir.
pub fn build_dir() -> PathBuf {
    std::env::var_os("IISSIM_BUILD_DIR").map(PathBuf::from).unwrap_or_else(|| std::env::temp_dir().join("iissim-build"))
}

/// Builds every module the configuration names by its sources, and returns all images in
/// configuration order.
pub fn module_images(config: &Config) -> Result<Vec<ModuleImage>, Error> {
    config
        .modules
        .iter()
        .map(|m| {
            let path = match &m.image {
                Some(image) => config.resolve(image),
                None => {
                    let mut build = iissim_sdk::ModuleBuild::new(&m.name)
                        .sources(m.sources.iter().map(|s| config.resolve(s)))
                        .out_dir(build_dir());
                    for define in &m.defines {
                        build = build.define(define);
                    }
                    build.build()?
                }
            };
            Ok(ModuleImage { name: m.name.clone(), path })
        })
        .collect()
}

/// Builds and loads the modules of `config`.
pub fn load_worker(config: &Config) -> Result<Arc<Worker>, Error> {
    let images = module_images(config)?;
    Ok(Worker::new(config, &images)?)
}

/// Reads a configuration file, then [`load_worker`].
pub fn load_worker_from(path: &Path) -> Result<(Config, Arc<Worker>), Error> {
    let config = Config::load(path)?;
    let worker = load_worker(&config)?;
    Ok((config, worker))
}
