//! Snapshot files in insta's format, read and written without insta, so `iissim test` and
//! `cargo insta review` share them.

use std::path::{Path, PathBuf};

/// A named snapshot a case produced.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The snapshot's name (its file is `<name>.snap`).
    pub name: String,
    /// What was snapshotted.
    pub contents: String,
}

/// The file of snapshot `name` in `dir`.
pub fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.snap"))
}

/// The contents of an insta snapshot file, without its header.
pub fn read(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let body = match text.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, body)| body),
        None => &text,
    };
    Some(normalize(body))
}

/// How insta compares: line endings folded, trailing newlines ignored.
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").trim_end_matches('\n').to_string()
}

/// Writes `contents` as `<name>.snap` (accept) or `<name>.snap.new` (for review).
pub fn write(dir: &Path, name: &str, source: &Path, contents: &str, pending: bool) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let mut path = path(dir, name);
    if pending {
        path.set_extension("snap.new");
    }
    let text = format!("---\nsource: {}\nexpression: {name}\n---\n{}\n", source.display(), normalize(contents));
    std::fs::write(&path, text)?;
    Ok(path)
}

/// A line diff of two snapshots, `-` for the stored and `+` for the new lines.
pub fn diff(old: &str, new: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    // Longest common subsequence, fine for snapshot sizes.
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            out.push_str(&format!("   {}\n", old[i]));
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!(" - {}\n", old[i]));
            i += 1;
        } else {
            out.push_str(&format!(" + {}\n", new[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_changed_line_shows_old_then_new() {
        assert_eq!(super::diff("a\nb\nc", "a\nB\nc"), "   a\n - b\n + B\n   c\n");
    }
}
