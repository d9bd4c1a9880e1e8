//! docs/coverage.md: which server-side methods the host implements, from the IDL and the
//! `impl <Trait> for <Object>` blocks in crates/host/src/objects. A method an object does not
//! override keeps the generated default: a diagnostic and the error IIS would return.
//! A doc line starting `Partial:` on an overriding method marks it partial, with that text.

use super::idl::Idl;
use super::rust::trait_name;
use anyhow::Result;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Overridden methods per trait: method -> `Some(partial note)` or `None` (real).
fn overrides(root: &Path) -> Result<BTreeMap<String, BTreeMap<String, Option<String>>>> {
    let mut found: BTreeMap<String, BTreeMap<String, Option<String>>> = BTreeMap::new();
    let dir = root.join("crates/host/src/objects");
    let mut files: Vec<_> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let text = std::fs::read_to_string(&path)?;
        let mut current: Option<String> = None;
        let mut depth = 0i32;
        let mut partial: Option<String> = None;
        for line in text.lines() {
            let trimmed = line.trim();
            if depth == 0 {
                if let Some(rest) = trimmed.strip_prefix("impl ") {
                    if let Some((trait_part, _)) = rest.split_once(" for ") {
                        let name = trait_part.rsplit("::").next().unwrap_or(trait_part).trim().to_string();
                        current = Some(name);
                    }
                }
            } else if depth == 1 && current.is_some() {
                if let Some(note) = trimmed.strip_prefix("/// Partial:") {
                    partial = Some(note.trim().to_string());
                } else if let Some(rest) = trimmed.strip_prefix("fn ") {
                    let method = rest.split(['(', '<']).next().unwrap_or("").to_string();
                    found.entry(current.clone().unwrap()).or_default().insert(method, partial.take());
                } else if !trimmed.starts_with("///") && !trimmed.starts_with("#[") {
                    partial = None;
                }
            }
            depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            if depth == 0 && trimmed.ends_with('}') {
                current = None;
            }
        }
    }
    Ok(found)
}

/// The C++ of every fixture module: (fixture name, source text), in name order.
fn fixture_sources(root: &Path) -> Result<Vec<(String, String)>> {
    let mut sources = Vec::new();
    let dir = root.join("fixtures/modules");
    let mut modules: Vec<_> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    modules.sort();
    for module in modules {
        let Some(name) = module.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        let Ok(entries) = std::fs::read_dir(&module) else { continue };
        let mut text = String::new();
        for entry in entries.filter_map(|e| e.ok()) {
            if entry.path().extension().is_some_and(|e| e == "cpp") {
                text.push_str(&std::fs::read_to_string(entry.path())?);
            }
        }
        sources.push((name, text));
    }
    Ok(sources)
}

/// The fixtures whose C++ calls `method` (`->Method(` or `.Method(`), at most three.
fn exercised_by(sources: &[(String, String)], method: &str) -> String {
    let arrow = format!("->{method}(");
    let dot = format!(".{method}(");
    let names: Vec<&str> = sources
        .iter()
        .filter(|(_, text)| text.contains(&arrow) || text.contains(&dot))
        .map(|(name, _)| name.as_str())
        .take(3)
        .collect();
    if names.is_empty() {
        "—".to_string()
    } else {
        names.join(", ")
    }
}

/// The trait name as the object files import it (`ModuleAllocator as ModuleAllocatorApi`).
fn local_names(root: &Path) -> Result<BTreeMap<String, String>> {
    let mut aliases = BTreeMap::new();
    let dir = root.join("crates/host/src/objects");
    for entry in std::fs::read_dir(dir)? {
        let text = std::fs::read_to_string(entry?.path()).unwrap_or_default();
        for word in text.split(['{', '}', ',', ';', '\n']) {
            if let Some((original, alias)) = word.trim().split_once(" as ") {
                aliases.insert(alias.trim().to_string(), original.trim().rsplit("::").next().unwrap().to_string());
            }
        }
    }
    Ok(aliases)
}

pub fn table(idl: &Idl, root: &Path) -> Result<String> {
    let aliases = local_names(root)?;
    let mut overridden: BTreeMap<String, BTreeMap<String, Option<String>>> = BTreeMap::new();
    for (name, methods) in overrides(root)? {
        let name = aliases.get(&name).cloned().unwrap_or(name);
        overridden.entry(name).or_default().extend(methods);
    }
    let sources = fixture_sources(root)?;
    let mut rows = String::new();
    let mut summary = String::new();
    let (mut total, mut real, mut partial) = (0, 0, 0);
    for class in idl.classes.iter().filter(|c| c.server_side()) {
        let methods = overridden.get(&trait_name(&class.name));
        let (mut class_real, mut class_partial) = (0, 0);
        for m in &class.methods {
            let params: Vec<&str> = m.params.iter().map(|p| p.ty.as_str()).collect();
            let status = match methods.and_then(|ms| ms.get(&m.rust_name)) {
                // The generated default is the header's inline body, which is what IIS returns.
                None if m.body_constant().is_some() => {
                    class_real += 1;
                    format!("real (returns {})", m.body_constant().unwrap())
                }
                Some(None) => {
                    class_real += 1;
                    "real".to_string()
                }
                Some(Some(note)) => {
                    class_partial += 1;
                    format!("partial: {note}")
                }
                None => "diagnosed".to_string(),
            };
            let konst = if m.is_const { " const" } else { "" };
            let fixtures = exercised_by(&sources, &m.name);
            writeln!(rows, "| {} | {}({}){konst} | {status} | {fixtures} |", class.name, m.name, params.join(", "))
                .unwrap();
        }
        total += class.methods.len();
        real += class_real;
        partial += class_partial;
        if class_real + class_partial > 0 {
            writeln!(summary, "| {} | {} | {class_real} | {class_partial} |", class.name, class.methods.len()).unwrap();
        }
    }
    let mut out = String::from(
        "<!-- Generated by `cargo xtask codegen` from crates/abi/*.idl and crates/host/src/objects; do not edit by hand. -->\n\
         # Server-side API coverage\n\n\
         Every method of every interface the host implements. **real**: behaves as its IIS reference page says \
         (the object's doc comment names the page). **partial**: real, with the limit stated. **diagnosed**: \
         returns the error IIS would give (`E_NOTIMPL`, or NULL/FALSE/0 where the method returns no HRESULT) \
         and records an `unimplemented` diagnostic naming interface, method, module and notification; strict \
         mode turns it into a test failure.\n\n",
    );
    writeln!(out, "Methods: {total}; real: {real}; partial: {partial}; diagnosed: {}.\n", total - real - partial)
        .unwrap();
    out.push_str("## Interfaces with real methods\n\n| interface | methods | real | partial |\n|---|---|---|---|\n");
    out.push_str(&summary);
    out.push_str(
        "\n## Every method\n\nThe last column names the fixture modules (`fixtures/modules/<name>`) whose C++ calls the \
         method; their specs and the tests that load them (tests/*.rs, each citing the method's page) pin what it \
         does.\n\n| interface | method | status | exercised by |\n|---|---|---|---|\n",
    );
    out.push_str(&rows);
    Ok(out)
}
