//! The iissim SDK: clean-room IIS SDK headers for building modules off Windows
//! (`include/`: `httpserv.h`, `http.h`, `windows.h`, `sal.h`, ...), and [`ModuleBuild`], which
//! compiles a module's unmodified sources into a shared library with the system C++ compiler.
//!
//! ```no_run
//! let image = iissim_sdk::ModuleBuild::new("UserToken")
//!     .source("fixtures/modules/user-token/module.cpp")
//!     .out_dir("target/modules")
//!     .build()?;
//! # Ok::<(), iissim_sdk::BuildError>(())
//! ```
#![forbid(unsafe_code)]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder to put on a module's include path.
pub fn include_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("include")
}

/// The language level modules build with unless told otherwise: MSVC's default, so code with
/// dynamic exception specifications (`throw(X)`) still builds.
pub const DEFAULT_STD: &str = "c++14";

/// The folder holding `iissim-config.cmake`, for `CMAKE_PREFIX_PATH`.
pub fn cmake_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cmake")
}

/// The compiler flags a Makefile needs to build a module against the SDK (link with `-shared`).
pub fn cflags() -> String {
    format!("-std={DEFAULT_STD} -fPIC -I{}", include_dir().display())
}

/// Why a module did not build.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// Occurs when no source file was given.
    #[error("module `{module}` has no sources")]
    NoSources { module: String },
    /// Occurs when a source file does not exist.
    #[error("source {path} of module `{module}` does not exist")]
    MissingSource { module: String, path: PathBuf },
    /// Occurs when no C++ compiler can be found.
    #[error("no C++ compiler for {target}: {message} (on Debian: apt-get install g++)")]
    NoCompiler { target: String, message: String },
    /// Occurs when the compiler cannot be started or the output cannot be written.
    #[error("building module `{module}`: {source}")]
    Io { module: String, source: std::io::Error },
    /// Occurs when the compiler rejects the sources; `stderr` names the user's files and lines.
    #[error("module `{module}` failed to compile:\n{stderr}")]
    Compile { module: String, stderr: String },
}

/// How to build one module.
#[derive(Clone, Debug)]
pub struct ModuleBuild {
    name: String,
    sources: Vec<PathBuf>,
    include_dirs: Vec<PathBuf>,
    defines: Vec<String>,
    std: String,
    out_dir: PathBuf,
}

impl ModuleBuild {
    pub fn new(name: &str) -> ModuleBuild {
        ModuleBuild {
            name: name.to_string(),
            sources: vec![],
            include_dirs: vec![],
            defines: vec![],
            std: DEFAULT_STD.to_string(),
            out_dir: std::env::temp_dir().join("iissim-build"),
        }
    }

    pub fn source(mut self, path: impl Into<PathBuf>) -> Self {
        self.sources.push(path.into());
        self
    }

    pub fn sources<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.sources.extend(paths.into_iter().map(Into::into));
        self
    }

    pub fn include_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.include_dirs.push(path.into());
        self
    }

    /// `NAME` or `NAME=VALUE`, as `-D` takes it.
    pub fn define(mut self, define: &str) -> Self {
        self.defines.push(define.to_string());
        self
    }

    /// The C++ language level (`c++14`, `c++17`, ...).
    pub fn std(mut self, std: &str) -> Self {
        self.std = std.to_string();
        self
    }

    /// Where the image goes; each distinct build gets its own subfolder, so a rebuild is
    /// skipped when nothing changed and parallel builds never share a file.
    pub fn out_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.out_dir = path.into();
        self
    }

    /// The compiler command, without sources and output.
    fn command(&self) -> Result<Command, BuildError> {
        let target = env!("IISSIM_SDK_TARGET");
        let tool = cc::Build::new()
            .cpp(true)
            .target(target)
            .host(env!("IISSIM_SDK_HOST"))
            .opt_level(0)
            .debug(true)
            .cargo_metadata(false)
            .cargo_warnings(false)
            .try_get_compiler()
            .map_err(|e| BuildError::NoCompiler { target: target.to_string(), message: e.to_string() })?;
        let mut command = tool.to_command();
        command.arg(format!("-std={}", self.std)).args(["-fPIC", "-shared", "-Wall"]);
        if cfg!(target_os = "macos") {
            command.args(["-undefined", "dynamic_lookup"]);
        }
        command.arg("-I").arg(include_dir());
        for dir in &self.include_dirs {
            command.arg("-I").arg(dir);
        }
        for source in &self.sources {
            // A module's own folder comes first, as MSVC searches it for "stdafx.h"/"pch.h".
            if let Some(parent) = source.parent() {
                command.arg("-iquote").arg(parent);
            }
        }
        for define in &self.defines {
            command.arg(format!("-D{define}"));
        }
        Ok(command)
    }

    /// A fingerprint of everything the image depends on.
    fn fingerprint(&self, command: &Command) -> Result<u64, BuildError> {
        let mut hasher = DefaultHasher::new();
        format!("{command:?}").hash(&mut hasher);
        let io = |source| BuildError::Io { module: self.name.clone(), source };
        for source in &self.sources {
            std::fs::read(source).map_err(io)?.hash(&mut hasher);
        }
        for header in files_under(&include_dir()).map_err(io)? {
            header.hash(&mut hasher);
            std::fs::read(&header).map_err(io)?.hash(&mut hasher);
        }
        Ok(hasher.finish())
    }

    /// Compiles the module, unless an identical build is already in `out_dir`; returns the image.
    pub fn build(&self) -> Result<PathBuf, BuildError> {
        if self.sources.is_empty() {
            return Err(BuildError::NoSources { module: self.name.clone() });
        }
        for source in &self.sources {
            if !source.is_file() {
                return Err(BuildError::MissingSource { module: self.name.clone(), path: source.clone() });
            }
        }
        let mut command = self.command()?;
        let fingerprint = self.fingerprint(&command)?;
        let file_name = format!("{}{}{}", std::env::consts::DLL_PREFIX, self.name, std::env::consts::DLL_SUFFIX);
        let dir = self.out_dir.join(format!("{}-{fingerprint:016x}", self.name));
        let image = dir.join(&file_name);
        if image.is_file() {
            return Ok(image);
        }
        let io = |source| BuildError::Io { module: self.name.clone(), source };
        std::fs::create_dir_all(&dir).map_err(io)?;
        // Build beside the final name, then rename: a concurrent build never sees half a file.
        static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let build = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let partial = dir.join(format!("{file_name}.{}-{build}.partial", std::process::id()));
        command.args(&self.sources).arg("-o").arg(&partial);
        let output = command.output().map_err(io)?;
        if !output.status.success() {
            let _ = std::fs::remove_file(&partial);
            return Err(BuildError::Compile {
                module: self.name.clone(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            });
        }
        std::fs::rename(&partial, &image).map_err(io)?;
        Ok(image)
    }
}

/// Every file below `dir`, sorted.
fn files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = vec![];
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
