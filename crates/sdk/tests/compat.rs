//! Source compatibility of the SDK headers: every Windows-style program in `tests/compat` is
//! compiled with g++ and clang++ (`-std=c++14 -Wall -Wextra -Werror`), run, and must print `ok`.
//! The same sources must also compile as C++17 and C++20, the C-mode test as C11, a two-file
//! module must reach a host through its host-services table, and `windows.h` + `httpserv.h` must
//! still compile freestanding for the MSVC and Itanium layout proofs.
//!
//! A test file may start with `// compat-flags: <flags>` (added to every build of it) and
//! `// compat-variants: <flags> | <flags> | ...` (each variant is built and run separately).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread;

const INSTALL_CLANG: &str = "apt-get install clang";
const INSTALL_GCC: &str = "apt-get install g++";

fn sdk_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn include_dir() -> PathBuf {
    sdk_dir().join("include")
}

fn compat_dir() -> PathBuf {
    sdk_dir().join("tests/compat")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("compat").join(name);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Runs a command; a missing program is a failure that names how to install it.
fn output(command: &mut Command, install: &str) -> Output {
    let program = command.get_program().to_string_lossy().into_owned();
    command.output().unwrap_or_else(|e| panic!("cannot run {program}: {e}; install it with: {install}"))
}

fn install_line(compiler: &str) -> &'static str {
    if compiler.starts_with("clang") {
        INSTALL_CLANG
    } else {
        INSTALL_GCC
    }
}

/// The text after `marker` on a line of the file's leading comment block.
fn directive(source: &str, marker: &str) -> Option<String> {
    source
        .lines()
        .take_while(|l| l.starts_with("//") || l.starts_with("/*"))
        .find_map(|l| l.strip_prefix(marker).map(|rest| rest.trim().to_string()))
}

fn split_flags(flags: &str) -> Vec<String> {
    flags.split_whitespace().map(str::to_string).collect()
}

/// The flag sets a test file is built with: its `compat-flags` plus each `compat-variants` entry.
fn variants(path: &Path) -> Vec<Vec<String>> {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let common = directive(&source, "// compat-flags:").map(|f| split_flags(&f)).unwrap_or_default();
    match directive(&source, "// compat-variants:") {
        Some(list) => list.split('|').map(|v| common.iter().cloned().chain(split_flags(v)).collect()).collect(),
        None => vec![common],
    }
}

fn test_sources(extension: &str) -> Vec<PathBuf> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(compat_dir())
        .expect("tests/compat exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no .{extension} files in {}", compat_dir().display());
    sources
}

/// Compiles `sources` with `compiler` and the SDK's flags; returns an error naming the command
/// and the compiler's output.
fn compile(compiler: &str, std: &str, flags: &[String], sources: &[PathBuf], out: Option<&Path>) -> Result<(), String> {
    let mut command = Command::new(compiler);
    command
        .arg(format!("-std={std}"))
        .args(["-Wall", "-Wextra", "-Werror", "-I"])
        .arg(include_dir())
        .arg("-iquote")
        .arg(compat_dir().join("pch"))
        .args(flags)
        .args(sources);
    match out {
        Some(out) => command.arg("-o").arg(out),
        None => command.arg("-fsyntax-only"),
    };
    let result = output(&mut command, install_line(compiler));
    if result.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} failed:\n{}{}",
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr)
        ))
    }
}

/// Runs a test program; it must exit 0 and print `ok` as its last line.
fn run_ok(exe: &Path, args: &[&Path]) -> Result<(), String> {
    let result = output(Command::new(exe).args(args), "a C++ toolchain");
    let stdout = String::from_utf8_lossy(&result.stdout);
    if result.status.success() && stdout.lines().last().is_some_and(|l| l.trim() == "ok") {
        Ok(())
    } else {
        Err(format!(
            "{} exited with {}:\nstdout:\n{stdout}\nstderr:\n{}",
            exe.display(),
            result.status,
            String::from_utf8_lossy(&result.stderr)
        ))
    }
}

/// Runs the jobs on threads and reports every failure together.
fn run_all(jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>>) {
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    let failures: Vec<String> = handles
        .into_iter()
        .filter_map(|h| match h.join() {
            Ok(Ok(())) => None,
            Ok(Err(message)) => Some(message),
            Err(panic) => Some(
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "a job panicked".to_string()),
            ),
        })
        .collect();
    assert!(failures.is_empty(), "{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Fails early, with the install line, when a compiler is missing.
fn require(compiler: &str) {
    output(Command::new(compiler).arg("--version"), install_line(compiler));
}

#[test]
fn compat_programs_build_and_run_with_gxx_and_clangxx() {
    require("g++");
    require("clang++");
    let mut jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>> = vec![];
    for source in test_sources("cpp") {
        let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
        for (index, flags) in variants(&source).into_iter().enumerate() {
            for compiler in ["g++", "clang++"] {
                let source = source.clone();
                let flags = flags.clone();
                let exe = out_dir(compiler).join(format!("{stem}-{index}"));
                jobs.push(Box::new(move || {
                    compile(compiler, "c++14", &flags, std::slice::from_ref(&source), Some(&exe))?;
                    run_ok(&exe, &[]).map_err(|e| format!("{compiler} {flags:?}: {e}"))
                }));
            }
        }
    }
    run_all(jobs);
}

#[test]
fn compat_programs_compile_as_cxx17_and_cxx20() {
    require("g++");
    require("clang++");
    let mut jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>> = vec![];
    for source in test_sources("cpp") {
        for flags in variants(&source) {
            for compiler in ["g++", "clang++"] {
                for std in ["c++17", "c++20"] {
                    let source = source.clone();
                    let flags = flags.clone();
                    jobs.push(Box::new(move || compile(compiler, std, &flags, &[source], None)));
                }
            }
        }
    }
    run_all(jobs);
}

#[test]
fn c_sources_build_and_run_as_c11() {
    require("gcc");
    require("clang");
    let mut jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>> = vec![];
    for source in test_sources("c") {
        let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
        for flags in [vec![], vec!["-DNOMINMAX".to_string()]] {
            for compiler in ["gcc", "clang"] {
                let source = source.clone();
                let exe = out_dir(compiler).join(format!("{stem}{}", flags.len()));
                let flags = flags.clone();
                jobs.push(Box::new(move || {
                    compile(compiler, "c11", &flags, std::slice::from_ref(&source), Some(&exe))?;
                    run_ok(&exe, &[])
                }));
            }
        }
    }
    run_all(jobs);
}

/// A module of two translation units (both carry the weak `iissim_host_services`), built with
/// -fvisibility=hidden, is loaded by a host that fills the table through dlsym; ReportEvent,
/// OutputDebugString and CloseHandle on a foreign handle must reach the host.
#[test]
fn a_module_reaches_the_host_through_its_host_services_table() {
    require("g++");
    require("clang++");
    let host_dir = compat_dir().join("host");
    let mut jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>> = vec![];
    for compiler in ["g++", "clang++"] {
        let host_dir = host_dir.clone();
        jobs.push(Box::new(move || {
            let dir = out_dir(compiler);
            let module = dir.join("libcompat_host_module.so");
            let host = dir.join("compat_host");
            let flags = ["-fPIC", "-shared", "-fvisibility=hidden"].map(str::to_string);
            compile(
                compiler,
                "c++14",
                &flags,
                &[host_dir.join("module_a.cpp"), host_dir.join("module_b.cpp")],
                Some(&module),
            )?;
            compile(compiler, "c++14", &["-ldl".to_string()], &[host_dir.join("host.cpp")], Some(&host))?;
            run_ok(&host, &[&module])
        }));
    }
    run_all(jobs);
}

/// The layout proofs compile httpserv.h with no C library at all: every libc include and all
/// POSIX implementation code must stay out of that path.
#[test]
fn headers_compile_freestanding_for_both_abis() {
    require("clang++");
    let probe = out_dir("freestanding").join("freestanding.cpp");
    std::fs::write(&probe, "#include <windows.h>\n#include <httpserv.h>\n").expect("write the probe");
    let mut jobs: Vec<Box<dyn FnOnce() -> Result<(), String> + Send>> = vec![];
    for target in ["x86_64-pc-windows-msvc", "x86_64-linux-gnu"] {
        let probe = probe.clone();
        jobs.push(Box::new(move || {
            let mut command = Command::new("clang++");
            command
                .arg(format!("--target={target}"))
                .args(["-ffreestanding", "-nostdlibinc", "-fsyntax-only", "-I"])
                .arg(include_dir())
                .arg(&probe);
            let result = output(&mut command, INSTALL_CLANG);
            if result.status.success() {
                Ok(())
            } else {
                Err(format!("{command:?} failed:\n{}", String::from_utf8_lossy(&result.stderr)))
            }
        }));
    }
    run_all(jobs);
}
