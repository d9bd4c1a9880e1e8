//! Tools the tests need beyond a fresh Debian machine's, installed or named.

use anyhow::{bail, Result};
use std::process::Command;

/// A command-line tool, the Debian package that brings it, and what needs it.
pub struct Tool {
    pub command: &'static str,
    pub package: &'static str,
    pub needed_for: &'static str,
}

pub const CLANG: Tool = Tool {
    command: "clang++",
    package: "clang",
    needed_for: "the MSVC vtable-layout proof (crates/abi/tests/layout_proof.rs)",
};
pub const CMAKE: Tool =
    Tool { command: "cmake", package: "cmake", needed_for: "the CMake build route test (tests/build_routes.rs)" };
pub const XSLTPROC: Tool =
    Tool { command: "xsltproc", package: "xsltproc", needed_for: "the FREB style-sheet test (tests/freb.rs)" };
pub const XMLLINT: Tool =
    Tool { command: "xmllint", package: "libxml2-utils", needed_for: "the FREB and JUnit well-formedness checks" };
pub const GXX: Tool =
    Tool { command: "g++", package: "g++", needed_for: "building the fixture modules and the Itanium probe" };

fn present(command: &str) -> bool {
    Command::new(command).arg("--version").output().is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Makes sure `tool` is on PATH: as root on a Debian-like machine it installs the package;
/// otherwise it stops with the exact install line.
pub fn ensure(tool: &Tool) -> Result<()> {
    if present(tool.command) {
        return Ok(());
    }
    let line = format!("apt-get update && apt-get install -y {}", tool.package);
    if is_root() && present("apt-get") {
        eprintln!("xtask: {} is missing ({}); installing: {line}", tool.command, tool.needed_for);
        let status =
            Command::new("sh").args(["-c", &format!("DEBIAN_FRONTEND=noninteractive {line} >/dev/null")]).status()?;
        if status.success() && present(tool.command) {
            return Ok(());
        }
        bail!("installing {} failed; run: {line}", tool.package);
    }
    bail!("{} is missing ({}); install it with: sudo {line}", tool.command, tool.needed_for)
}
