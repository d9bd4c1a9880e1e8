//! The ABI proofs of design decision 2: the compilers, not our tables, say where each virtual
//! method of our httpserv.h, httpcach.h and wpframework.h sits, and every slot of every Rust
//! vtable must agree, by name.
//!
//! - Itanium: g++ compiles `probe/itanium_probe.cpp`, which prints each method's slot from its
//!   pointer-to-member value; clang's `-fdump-vtable-layouts` for x86_64-linux-gnu confirms it,
//!   destructor slots included.
//! - MSVC: clang's `-fdump-vtable-layouts` for x86_64-pc-windows-msvc.
//!
//! All 67 classes of httpserv.h, the 3 of httpcach.h and the 18 of wpframework.h, every slot.

use iissim_abi::generated::{itanium, msvc};
use iissim_abi::ClassLayout;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The classes of each header (its fact sheet under shared/abi counts them).
const HEADERS: [(&str, usize); 3] = [("httpserv.h", 67), ("httpcach.h", 3), ("wpframework.h", 18)];
const CLASSES: usize = 67 + 3 + 18;

/// Every header's class count in a layout table is the one its fact sheet gives.
fn assert_class_counts(layout: &[ClassLayout]) {
    for (header, count) in HEADERS {
        let found = layout.iter().filter(|c| c.header == header).count();
        assert_eq!(found, count, "{header}: the table has {found} classes, the header {count}");
    }
    assert_eq!(layout.len(), CLASSES);
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn include_dir() -> PathBuf {
    root().join("../sdk/include")
}

/// The same normal form the generator gives keys: no white space, `VOID` as `void`.
fn normalize(key: &str) -> String {
    key.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace("VOID", "void")
}

fn run(command: &mut Command, what: &str, install: &str) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("cannot run {what}: {e}; install it with: {install}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{what} failed:\n{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned() + &stderr
}

/// class -> (key -> slot), from a Rust layout table.
fn rust_slots(layout: &[ClassLayout]) -> BTreeMap<String, BTreeMap<String, usize>> {
    layout.iter().map(|c| (c.class.to_string(), c.slots.iter().map(|(k, s)| (normalize(k), *s)).collect())).collect()
}

#[test]
fn itanium_slots_match_gxx_member_pointers() {
    let dir = std::env::temp_dir().join(format!("iissim-probe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let exe = dir.join("itanium_probe");
    run(
        Command::new("c++")
            .args(["-std=c++17", "-w", "-I"])
            .arg(include_dir())
            .arg(root().join("tests/probe/itanium_probe.cpp"))
            .arg("-o")
            .arg(&exe),
        "c++ (the Itanium probe)",
        "apt-get install g++",
    );
    let output = run(&mut Command::new(&exe), "the Itanium probe", "apt-get install g++");
    let rust = rust_slots(itanium::LAYOUT);
    assert_class_counts(itanium::LAYOUT);
    assert_eq!(rust.len(), CLASSES, "the Itanium table has {} classes", rust.len());

    let mut mismatches = vec![];
    let mut checked = 0;
    let mut classes = std::collections::BTreeSet::new();
    for line in output.lines() {
        let (at, slot) = line.rsplit_once(' ').expect("probe lines are `Class@Key slot`");
        let (class, key) = at.split_once('@').expect("probe keys are `Class@Key`");
        let slot: usize = slot.parse().unwrap_or_else(|_| panic!("{line}: the method is not virtual"));
        classes.insert(class.to_string());
        match rust.get(class).and_then(|c| c.get(&normalize(key))) {
            Some(&ours) if ours == slot => checked += 1,
            Some(&ours) => mismatches.push(format!("{class}: {key}: g++ slot {slot}, Rust slot {ours}")),
            None => mismatches.push(format!("{class}: {key}: in the header but not in the Rust table")),
        }
    }
    let expected: usize =
        itanium::LAYOUT.iter().map(|c| c.slots.iter().filter(|(k, _)| !k.contains('~')).count()).sum();
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
    assert_eq!(classes.len(), CLASSES, "the probe reported {} classes", classes.len());
    assert_eq!(checked, expected, "g++ reported {checked} slots, the Rust tables have {expected} methods");
    eprintln!("g++: {} classes, {checked} slots agree", classes.len());
}

/// Parses clang's vtable dump: class -> (key -> slot), and each table's length.
fn parse_clang_dump(dump: &str, msvc: bool) -> BTreeMap<String, (usize, BTreeMap<String, usize>)> {
    let header = if msvc { "VFTable for '" } else { "Vtable for '" };
    let mut tables = BTreeMap::new();
    let mut lines = dump.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix(header) else { continue };
        // A derived class's table reads "VFTable for 'Base' in 'Derived' (N entries).".
        let quoted: Vec<&str> = rest.split('\'').collect();
        let class = quoted[quoted.len().saturating_sub(2).min(quoted.len() - 1)].to_string();
        let class = if rest.contains("' in '") { class } else { quoted[0].to_string() };
        let mut slots = BTreeMap::new();
        let mut index = 0;
        while let Some(entry) = lines.peek() {
            let entry = entry.trim();
            if entry.is_empty() {
                break;
            }
            lines.next();
            let Some((_, text)) = entry.split_once("| ") else { continue }; // "-- vtable address --"
            if text.ends_with(" RTTI") || text.starts_with("offset_to_top") || text.starts_with("vcall_offset") {
                continue;
            }
            // `RET Class::Name(PARAMS) const [pure]`, `Class::~Class() [complete]`.
            let mut text = text.to_string();
            let mut kind = String::new();
            while let Some(open) = text.rfind(" [") {
                let tag = text[open + 2..text.len() - 1].to_string();
                if tag != "pure" {
                    kind = format!("[{tag}]");
                }
                text.truncate(open);
            }
            let paren = text.find('(').expect("a method has parameters");
            let qualified_start = text[..paren].rfind([' ', '*', '&']).map_or(0, |i| i + 1);
            let key =
                normalize(&format!("{}{}", &text[qualified_start..], if text.contains("::~") { &kind } else { "" }));
            slots.insert(key, index);
            index += 1;
        }
        tables.entry(class).or_insert((index, slots));
    }
    tables
}

fn clang_dump(target: &str) -> String {
    let mut command = Command::new("clang++");
    command
        .args(["-Xclang", "-fdump-vtable-layouts", "-emit-llvm", "-S", "-o", "/dev/null", "-w"])
        .arg(format!("--target={target}"))
        .args(["-ffreestanding", "-nostdlibinc", "-I"])
        .arg(include_dir())
        .arg(root().join("tests/probe/layout_dump.cpp"));
    run(&mut command, &format!("clang++ --target={target}"), "apt-get install clang (`cargo xtask test` installs it)")
}

fn compare_with_clang(layout: &[ClassLayout], target: &str, msvc: bool) {
    let dumped = parse_clang_dump(&clang_dump(target), msvc);
    let mut mismatches = vec![];
    let mut slots = 0;
    for class in layout {
        let Some((len, table)) = dumped.get(class.class) else {
            mismatches.push(format!("{}: clang dumped no vtable", class.class));
            continue;
        };
        if *len != class.len {
            mismatches.push(format!("{}: clang has {len} slots, Rust {}", class.class, class.len));
        }
        for (key, ours) in class.slots {
            match table.get(&normalize(key)) {
                Some(theirs) if theirs == ours => slots += 1,
                Some(theirs) => {
                    mismatches.push(format!("{}: {key}: clang slot {theirs}, Rust slot {ours}", class.class))
                }
                None => mismatches.push(format!("{}: {key}: not in clang's table {:?}", class.class, table.keys())),
            }
        }
    }
    assert!(mismatches.is_empty(), "{target}: {} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
    assert_class_counts(layout);
    assert!(slots > 800, "only {slots} slots compared");
    eprintln!("{target}: {} classes, {slots} slots agree with clang", layout.len());
}

#[test]
fn msvc_slots_match_clang_microsoft_abi() {
    compare_with_clang(msvc::LAYOUT, "x86_64-pc-windows-msvc", true);
}

#[test]
fn itanium_slots_match_clang_itanium_abi() {
    compare_with_clang(itanium::LAYOUT, "x86_64-linux-gnu", false);
}
