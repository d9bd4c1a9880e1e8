//! The iissim engine: loads IIS native modules and runs the IIS integrated pipeline over
//! safe Rust state. Synchronous; knows nothing of tokio or sockets.
//!
//! # Brief overview
//! - [`Worker`] loads the modules of a [`Config`] and runs requests ([`Worker::execute`]).
//! - [`Request`] goes in; [`Response`] comes out with its [`Trace`] and [`Diagnostic`]s.
//! - `objects/` holds the server-side objects modules call; `ffi/` is the only `unsafe` code.
#![deny(unsafe_code)]

mod arena;
mod auth;
mod child;
mod civil_date;
mod completion;
pub mod config;
pub mod diagnostics;
pub mod error;
pub mod exchange;
mod ffi;
mod fragment_cache;
pub mod freb;
mod globals;
mod handler;
pub mod identity;
mod module_cache;
mod nested;
pub mod notifications;
mod objects;
mod pipeline;
mod raw_request;
mod raw_response;
mod scope;
mod server_variables;
mod site;
mod state;
mod suspension;
mod symbols;
pub mod trace;
mod waiting;
pub mod wide;
mod worker;

pub use config::{Config, ConfigError};
pub use diagnostics::{Diagnostic, DiagnosticKind};
pub use error::{describe_hresult, LoadError};
pub use exchange::{Request, Response};
pub use trace::{Trace, TraceEvent};
pub use worker::{ModuleImage, RscaAnswer, Worker, SERVER_VERSION};
