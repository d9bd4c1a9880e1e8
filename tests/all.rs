//! iissim's integration tests: one test binary, one module per area.

/// Paths, harnesses, a server on an ephemeral port, a raw HTTP client.
mod common;

/// The server-side API through the api-probe fixture.
mod api;
/// Building modules with `iissim build`, Makefile flags and CMake.
mod build_routes;
/// The command line: `iissim request`, `iissim serve`, exit codes.
mod cli;
/// The context and what it hands out: stored-context cleanups, file info, module trace events.
mod context_api;
/// Bad configurations and bad modules: each gets a message that names the cause.
mod errors;
/// Failed Request Tracing files and their rule.
mod freb;
/// Built-in authentication and configured users.
mod identity;
/// Which notifications reach which module, in which order, and what FINISH_REQUEST does.
mod pipeline;
/// IHttpRequest … IHttpRequest4: header and URL rewriting, reading and replacing the body.
mod request_api;
/// IHttpResponse … IHttpResponse4: error pages, Flush, raw response edits, chunks.
mod response_api;
/// The seed module (user-token) in-process and over real HTTP.
mod seed;
/// Every fixture's spec files, through insta.
mod specs;
/// Thousands of pending requests over HTTP at once.
mod stress;
