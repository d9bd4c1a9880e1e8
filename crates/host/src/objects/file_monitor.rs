//! `IHttpFileMonitor`: a directory a module watches with `IHttpServer::RegisterFileChangeMonitor`.
//! A change to a file in it (written, created or removed, in the directory or below) raises
//! GL_FILE_CHANGE with this monitor.
//!
//! iissim looks for changes before each request starts (no background thread), so a change is
//! reported, in order, in the trace of the first request after it; a module sees it at the same
//! point of its own request flow on every run.
//!
//! Real: GetModuleContextContainer (its contexts are cleaned up when the worker stops),
//! DereferenceFileMonitor (monitoring stops).
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfilemonitor-interface

use super::containers::ModuleContainer;
use super::generated::thunks::{http_module_context_container_vtable, HttpFileMonitor};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::scope;
use iissim_abi::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::SystemTime;

/// How many files below a watched directory iissim compares (a guard against watching `/`).
const MAX_FILES: usize = 10_000;

/// What a file looked like: modification time and length.
type Stamp = (Option<SystemTime>, u64);

pub struct FileMonitor {
    pub directory: PathBuf,
    container: ComObj<ModuleContainer>,
    seen: Mutex<BTreeMap<PathBuf, Stamp>>,
    stopped: AtomicBool,
}

/// Every file below `directory`, with its stamp (at most [`MAX_FILES`]).
fn scan(directory: &Path) -> BTreeMap<PathBuf, Stamp> {
    let mut files = BTreeMap::new();
    let mut pending = vec![directory.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
            } else if files.len() < MAX_FILES {
                files.insert(entry.path(), (meta.modified().ok(), meta.len()));
            }
        }
    }
    files
}

impl FileMonitor {
    pub fn new(directory: PathBuf) -> Self {
        let seen = Mutex::new(scan(&directory));
        FileMonitor {
            directory,
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
            seen,
            stopped: AtomicBool::new(false),
        }
    }

    /// The files that changed, appeared or went since the last look, in path order.
    pub fn changes(&self) -> Vec<PathBuf> {
        if self.stopped.load(Ordering::Acquire) {
            return Vec::new();
        }
        let now = scan(&self.directory);
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let mut changed: Vec<PathBuf> =
            now.iter().filter(|(path, stamp)| seen.get(*path) != Some(stamp)).map(|(p, _)| p.clone()).collect();
        changed.extend(seen.keys().filter(|p| !now.contains_key(*p)).cloned());
        changed.sort();
        *seen = now;
        changed
    }

    /// The worker stops: the container's stored contexts are cleaned up; says whether the
    /// module still held the monitor.
    pub fn end(&self) -> bool {
        self.container.inner().end();
        !self.stopped.swap(true, Ordering::AcqRel)
    }
}

impl HttpFileMonitor for FileMonitor {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfilemonitor-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }

    /// Monitoring stops; the object stays valid until the worker stops, so a late call from
    /// another thread reads no freed memory.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfilemonitor-dereferencefilemonitor-method
    fn dereference_file_monitor(&self) {
        if self.stopped.swap(true, Ordering::AcqRel) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpFileMonitor::DereferenceFileMonitor()",
                "the monitor was already released",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_files_written_created_or_removed() {
        let dir = std::env::temp_dir().join(format!("iissim-monitor-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "a").unwrap();
        std::fs::write(dir.join("gone.txt"), "g").unwrap();
        let monitor = FileMonitor::new(dir.clone());
        assert!(monitor.changes().is_empty());
        std::fs::write(dir.join("a.txt"), "longer").unwrap();
        std::fs::write(dir.join("sub").join("new.txt"), "n").unwrap();
        std::fs::remove_file(dir.join("gone.txt")).unwrap();
        assert_eq!(monitor.changes(), vec![dir.join("a.txt"), dir.join("gone.txt"), dir.join("sub").join("new.txt")]);
        assert!(monitor.changes().is_empty(), "each change is reported once");
        monitor.dereference_file_monitor();
        std::fs::write(dir.join("a.txt"), "again, after release").unwrap();
        assert!(monitor.changes().is_empty(), "a released monitor reports nothing");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
