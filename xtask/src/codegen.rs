//! `cargo xtask codegen [--check]`: every file that comes from the IDL files under crates/abi
//! (`httpserv.idl`, `httpcach.idl`, `wpframework.idl`).

mod coverage;
mod cpp;
pub mod idl;
pub mod rust;

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A generated file: its path from the workspace root and its contents.
pub struct Output {
    pub path: &'static str,
    pub contents: String,
}

/// The IDL files, in parse order, and the header each describes.
pub const IDL_FILES: [(&str, &str); 3] =
    [("httpserv.idl", "httpserv.h"), ("httpcach.idl", "httpcach.h"), ("wpframework.idl", "wpframework.h")];

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// All IDL files as one definition (a class's base may live in another file).
pub fn load_idl(root: &Path) -> Result<idl::Idl> {
    let mut texts = vec![];
    for (file, header) in IDL_FILES {
        let path = root.join("crates/abi").join(file);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        texts.push((file, header, text));
    }
    let files: Vec<(&str, &str, &str)> = texts.iter().map(|(f, h, t)| (*f, *h, t.as_str())).collect();
    idl::Idl::parse_files(&files)
}

/// Everything the IDL generates, formatted as committed.
pub fn outputs(root: &Path) -> Result<Vec<Output>> {
    let idl = load_idl(root)?;
    Ok(vec![
        Output { path: "crates/sdk/include/httpserv.h", contents: cpp::header(&idl, "httpserv.h") },
        Output { path: "crates/sdk/include/httpcach.h", contents: cpp::header(&idl, "httpcach.h") },
        Output { path: "crates/sdk/include/wpframework.h", contents: cpp::header(&idl, "wpframework.h") },
        Output { path: "crates/abi/tests/probe/itanium_probe.cpp", contents: cpp::itanium_probe(&idl) },
        Output { path: "crates/abi/tests/probe/layout_dump.cpp", contents: cpp::layout_dump_unit(&idl) },
        Output { path: "crates/abi/src/generated/consts.rs", contents: rustfmt(&rust::consts(&idl))? },
        Output {
            path: "crates/abi/src/generated/itanium.rs",
            contents: rustfmt(&rust::vtables(&idl, rust::Abi::Itanium))?,
        },
        Output { path: "crates/abi/src/generated/msvc.rs", contents: rustfmt(&rust::vtables(&idl, rust::Abi::Msvc))? },
        Output { path: "crates/abi/src/generated/rtti.rs", contents: rustfmt(&rust::rtti(&idl))? },
        Output {
            path: "crates/host/src/objects/generated/thunks.rs",
            contents: rustfmt(&rust::thunks(&idl, "httpserv.h"))?,
        },
        Output {
            path: "crates/host/src/objects/generated/httpcach_thunks.rs",
            contents: rustfmt(&rust::thunks(&idl, "httpcach.h"))?,
        },
        Output {
            path: "crates/host/src/objects/generated/wpframework_thunks.rs",
            contents: rustfmt(&rust::thunks(&idl, "wpframework.h"))?,
        },
        Output { path: "docs/coverage.md", contents: coverage::table(&idl, root)? },
    ])
}

/// Writes every output, or with `check` fails naming each one that is not up to date.
pub fn run(check: bool) -> Result<()> {
    let root = workspace_root();
    let mut stale = vec![];
    for output in outputs(&root)? {
        let path = root.join(output.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == output.contents {
            continue;
        }
        if check {
            stale.push(output.path);
        } else {
            std::fs::create_dir_all(path.parent().unwrap())?;
            std::fs::write(&path, &output.contents).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("updated {}", output.path);
        }
    }
    if !stale.is_empty() {
        bail!(
            "generated files are not up to date with crates/abi/*.idl: {}; run `cargo xtask codegen`",
            stale.join(", ")
        );
    }
    Ok(())
}

fn rustfmt(source: &str) -> Result<String> {
    let root = workspace_root();
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--config-path"])
        .arg(root.join("rustfmt.toml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("running rustfmt (rustup component add rustfmt)")?;
    child.stdin.take().unwrap().write_all(source.as_bytes())?;
    let output = child.wait_with_output()?;
    if !output.status.success() {
        bail!("rustfmt rejected generated code");
    }
    Ok(String::from_utf8(output.stdout)?)
}

#[cfg(test)]
mod tests {
    /// The committed generated files match the IDL (what `cargo xtask codegen --check` checks).
    #[test]
    fn generated_files_are_fresh() {
        super::run(true).unwrap();
    }
}
