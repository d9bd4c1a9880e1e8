//! The site a worker serves, as modules see it.

use std::path::PathBuf;

/// The one site of a worker (IIS's `<site>`), fixed for the worker's life.
pub struct Site {
    pub name: String,
    pub id: u32,
    pub physical_path: PathBuf,
    /// `physical_path` made absolute, without a trailing separator (computed once).
    pub root: String,
    /// The host name and port the site answers on, for SERVER_NAME and SERVER_PORT.
    pub server_name: String,
}
