//! iissim's integration tests: one test binary, one module per area.

/// Paths, harnesses, a server on an ephemeral port, a raw HTTP client.
mod common;

/// The server-side API through the api-probe fixture.
mod api;
/// Building modules with `iissim build`, Makefile flags and CMake.
mod build_routes;
/// The command line: `iissim request`, `iissim serve`, exit codes.
mod cli;
/// Bad configurations and bad modules: each gets a message that names the cause.
mod errors;
/// Failed Request Tracing files and their rule.
mod freb;
/// Built-in authentication and configured users.
mod identity;
/// Which notifications reach which module, in which order, and what FINISH_REQUEST does.
mod pipeline;
/// The seed module (user-token) in-process and over real HTTP.
mod seed;
/// Every fixture's spec files, through insta.
mod specs;
