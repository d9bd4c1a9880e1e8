//! The in-process test API: the same `Worker` as `iissim serve`, without a socket.

use crate::{load_worker, Config, Diagnostic, Error, Request, Response, Worker};
use std::fmt;
use std::path::Path;

/// An IIS in a test: modules loaded from a configuration, requests sent in-process.
///
/// Strict mode (the default) fails a request on any contract violation or unimplemented call.
pub struct Harness {
    worker: std::sync::Arc<Worker>,
    strict: bool,
}

impl Harness {
    /// Loads the configuration file (building modules from source where it says so).
    pub fn from_config(path: impl AsRef<Path>) -> Result<Harness, Error> {
        let config = Config::load(path.as_ref())?;
        Harness::new(&config)
    }

    /// A harness put together in code instead of a configuration file.
    pub fn builder() -> HarnessBuilder {
        let base_dir = std::env::current_dir().unwrap_or_default();
        HarnessBuilder { config: Config { base_dir, ..Config::default() }, strict: true }
    }

    /// Loads an already parsed configuration.
    pub fn new(config: &Config) -> Result<Harness, Error> {
        Ok(Harness { worker: load_worker(config)?, strict: true })
    }

    /// Turns strict mode on or off.
    pub fn strict(mut self, strict: bool) -> Harness {
        self.strict = strict;
        self
    }

    /// A `GET` of `target` (path and query).
    pub fn get(&self, target: &str) -> RequestBuilder<'_> {
        self.request("GET", target)
    }

    /// A request with any method.
    pub fn request(&self, method: &str, target: &str) -> RequestBuilder<'_> {
        RequestBuilder { harness: self, request: Request::new(method, target) }
    }

    /// The worker behind the harness.
    pub fn worker(&self) -> &Worker {
        &self.worker
    }
}

/// A request being put together; [`RequestBuilder::send`] runs it.
pub struct RequestBuilder<'h> {
    harness: &'h Harness,
    request: Request,
}

impl RequestBuilder<'_> {
    /// Adds a request header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.request.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Logs the request on as configured user `name` (simulated Windows authentication where
    /// the site enables it, else Basic with the user's password). Panics naming the problem when
    /// the user cannot log on.
    pub fn user(self, name: &str) -> Self {
        match self.harness.worker.credentials_for(name) {
            Ok(credentials) => self.header("Authorization", &credentials),
            Err(why) => panic!("{why}"),
        }
    }

    /// Sets the request body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.request.body = body.into();
        self
    }

    /// The client's address (REMOTE_ADDR, REMOTE_PORT); 127.0.0.1:50000 unless set.
    pub fn remote(mut self, address: std::net::SocketAddr) -> Self {
        self.request.remote = address;
        self
    }

    /// The address the request came in on (LOCAL_ADDR, SERVER_PORT); 127.0.0.1:80 unless set.
    pub fn local(mut self, address: std::net::SocketAddr) -> Self {
        self.request.local = address;
        self
    }

    /// Runs the request (a body gets `Content-Length`, as a client sends it); in strict mode,
    /// a request with diagnostics is an error.
    pub fn try_send(self) -> Result<Response, StrictFailure> {
        let response = self.harness.worker.execute(self.request.framed());
        let failures: Vec<Diagnostic> = response.diagnostics.iter().filter(|d| d.is_failure()).cloned().collect();
        if self.harness.strict && !failures.is_empty() {
            return Err(StrictFailure { diagnostics: failures, response: Box::new(response) });
        }
        Ok(response)
    }

    /// Runs the request; in strict mode, panics with every diagnostic if there are any.
    pub fn send(self) -> Response {
        match self.try_send() {
            Ok(response) => response,
            Err(failure) => panic!("{failure}"),
        }
    }
}

/// A request that produced diagnostics in strict mode.
#[derive(Debug)]
pub struct StrictFailure {
    /// What went wrong, each naming module, notification and method.
    pub diagnostics: Vec<Diagnostic>,
    /// The response the request produced all the same.
    pub response: Box<Response>,
}

impl fmt::Display for StrictFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "strict mode: the request produced {} diagnostic(s):", self.diagnostics.len())?;
        for d in &self.diagnostics {
            writeln!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StrictFailure {}

/// Builds a [`Harness`] fluently: modules, site, anonymous user, tracing, strict mode.
///
/// ```no_run
/// let harness = iissim::Harness::builder()
///     .module("UserToken", ["fixtures/modules/user-token/module.cpp"])
///     .anonymous("IUSR", true)
///     .build()?;
/// # Ok::<(), iissim::Error>(())
/// ```
pub struct HarnessBuilder {
    config: Config,
    strict: bool,
}

impl HarnessBuilder {
    /// A module built from C++ sources (paths relative to the current folder).
    pub fn module<P: Into<std::path::PathBuf>>(mut self, name: &str, sources: impl IntoIterator<Item = P>) -> Self {
        self.config.modules.push(iissim_host::config::ModuleConfig {
            name: name.to_string(),
            image: None,
            sources: sources.into_iter().map(Into::into).collect(),
            defines: vec![],
        });
        self
    }

    /// A module from a shared library built elsewhere.
    pub fn module_image(mut self, name: &str, image: impl Into<std::path::PathBuf>) -> Self {
        self.config.modules.push(iissim_host::config::ModuleConfig {
            name: name.to_string(),
            image: Some(image.into()),
            sources: vec![],
            defines: vec![],
        });
        self
    }

    /// A preprocessor definition for the module added last.
    pub fn define(mut self, define: &str) -> Self {
        if let Some(module) = self.config.modules.last_mut() {
            module.defines.push(define.to_string());
        }
        self
    }

    /// The site's root folder, which the static file handler serves.
    pub fn physical_path(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.config.site.physical_path = path.into();
        self
    }

    /// The anonymous account, and whether it has tokens.
    pub fn anonymous(mut self, account: &str, with_tokens: bool) -> Self {
        self.config.anonymous.enabled = true;
        self.config.anonymous.user = account.to_string();
        self.config.anonymous.token = with_tokens;
        self
    }

    /// How much each request's trace records (`Calls`: every host API call too).
    pub fn trace_level(mut self, level: crate::TraceLevel) -> Self {
        self.config.trace.level = level;
        self
    }

    /// Strict mode (on by default).
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Builds the modules and loads them.
    pub fn build(self) -> Result<Harness, Error> {
        Ok(Harness::new(&self.config)?.strict(self.strict))
    }
}
