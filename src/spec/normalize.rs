//! What snapshots hold: bodies canonicalised by format, so a harmless formatting change does
//! not break a test, and volatile values redacted.
//!
//! Formats: `raw` (the bytes as text, the default), `json` (pretty, keys sorted), `xml`
//! (one element a line, attributes sorted, white space between elements dropped), `html`
//! (as `xml` when it is well-formed XHTML, else one tag a line with runs of white space folded).
//!
//! Redacted by default (see [`DEFAULT_REDACTIONS`]): HTTP dates, ISO 8601 timestamps, GUIDs.

use regex::Regex;
use std::fmt::Write;
use std::sync::OnceLock;

/// The default redactions: (what, pattern, replacement).
pub const DEFAULT_REDACTIONS: &[(&str, &str, &str)] = &[
    ("HTTP date", r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT", "[http-date]"),
    ("ISO 8601 time", r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?", "[timestamp]"),
    ("GUID", r"\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?", "[guid]"),
];

fn defaults() -> &'static [(Regex, &'static str)] {
    static COMPILED: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    COMPILED.get_or_init(|| DEFAULT_REDACTIONS.iter().map(|(_, p, r)| (Regex::new(p).expect("valid"), *r)).collect())
}

/// Applies the default redactions, then the spec's own (pattern, replacement) pairs.
pub fn redact(text: &str, extra: &[(Regex, String)]) -> String {
    let mut out = text.to_string();
    for (re, replacement) in defaults() {
        out = re.replace_all(&out, *replacement).into_owned();
    }
    for (re, replacement) in extra {
        out = re.replace_all(&out, replacement.as_str()).into_owned();
    }
    out
}

/// `body` in its canonical form for `format`; a body that does not parse stays raw, with a
/// note, so the snapshot shows why.
pub fn body(format: &str, body: &str) -> String {
    match format {
        "json" => match serde_json::from_str::<serde_json::Value>(body) {
            Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_else(|_| body.to_string()),
            Err(e) => format!("[not JSON: {e}]\n{body}"),
        },
        "xml" => xml(body).unwrap_or_else(|e| format!("[not XML: {e}]\n{body}")),
        "html" => xml(body).unwrap_or_else(|_| html(body)),
        _ => body.to_string(),
    }
}

fn xml(text: &str) -> Result<String, roxmltree::Error> {
    let doc = roxmltree::Document::parse(text)?;
    let mut out = String::new();
    for child in doc.root().children() {
        write_node(&mut out, child, 0);
    }
    Ok(out.trim_end().to_string())
}

fn qualified(node: roxmltree::Node<'_, '_>, namespace: Option<&str>, local: &str) -> String {
    match namespace.and_then(|ns| node.lookup_prefix(ns)).filter(|p| !p.is_empty()) {
        Some(prefix) => format!("{prefix}:{local}"),
        None => local.to_string(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn write_node(out: &mut String, node: roxmltree::Node<'_, '_>, depth: usize) {
    let indent = "  ".repeat(depth);
    match node.node_type() {
        roxmltree::NodeType::Element => {
            let name = qualified(node, node.tag_name().namespace(), node.tag_name().name());
            let mut attributes: Vec<String> = node
                .namespaces()
                .filter(|ns| node.parent_element().is_none_or(|p| p.lookup_namespace_uri(ns.name()) != Some(ns.uri())))
                .map(|ns| match ns.name() {
                    Some(prefix) => format!("xmlns:{prefix}=\"{}\"", escape(ns.uri())),
                    None => format!("xmlns=\"{}\"", escape(ns.uri())),
                })
                .chain(
                    node.attributes()
                        .map(|a| format!("{}=\"{}\"", qualified(node, a.namespace(), a.name()), escape(a.value()))),
                )
                .collect();
            attributes.sort();
            let attrs: String = attributes.iter().map(|a| format!(" {a}")).collect();
            let children: Vec<_> =
                node.children().filter(|c| !(c.is_text() && c.text().is_some_and(|t| t.trim().is_empty()))).collect();
            match children.as_slice() {
                [] => writeln!(out, "{indent}<{name}{attrs}/>").unwrap(),
                [only] if only.is_text() => {
                    writeln!(out, "{indent}<{name}{attrs}>{}</{name}>", escape(only.text().unwrap_or("").trim()))
                        .unwrap()
                }
                _ => {
                    writeln!(out, "{indent}<{name}{attrs}>").unwrap();
                    for child in children {
                        write_node(out, child, depth + 1);
                    }
                    writeln!(out, "{indent}</{name}>").unwrap();
                }
            }
        }
        roxmltree::NodeType::Text => writeln!(out, "{indent}{}", escape(node.text().unwrap_or("").trim())).unwrap(),
        roxmltree::NodeType::Comment => writeln!(out, "{indent}<!--{}-->", node.text().unwrap_or("")).unwrap(),
        roxmltree::NodeType::PI => {
            if let Some(pi) = node.pi() {
                writeln!(out, "{indent}<?{} {}?>", pi.target, pi.value.unwrap_or("")).unwrap();
            }
        }
        roxmltree::NodeType::Root => {}
    }
}

/// HTML that is not XML: one tag or text run a line, white space folded.
fn html(text: &str) -> String {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| Regex::new(r"<[^>]*>|[^<]+").expect("valid"));
    let space = Regex::new(r"\s+").expect("valid");
    tag.find_iter(text)
        .map(|m| space.replace_all(m.as_str().trim(), " ").into_owned())
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_is_canonical_whatever_the_formatting() {
        let a = body("xml", r#"<?xml version="1.0"?><user b="2" a="1"><name>x</name></user>"#);
        let b = body("xml", "<user a=\"1\"   b=\"2\">\n    <name> x </name>\n</user>");
        assert_eq!(a, b);
        assert_eq!(a, "<user a=\"1\" b=\"2\">\n  <name>x</name>\n</user>");
    }

    #[test]
    fn json_keys_are_sorted() {
        assert_eq!(body("json", r#"{"b":1,"a":[true]}"#), "{\n  \"a\": [\n    true\n  ],\n  \"b\": 1\n}");
    }

    #[test]
    fn html_that_is_not_xml_goes_one_tag_a_line() {
        assert_eq!(body("html", "<p>Hello <br>  world</p>"), "<p>\nHello\n<br>\nworld\n</p>");
    }

    #[test]
    fn default_redactions() {
        let text =
            "Date: Wed, 25 Nov 2026 08:57:55 GMT at 2026-11-25T08:57:55.123Z id {3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}";
        assert_eq!(redact(text, &[]), "Date: [http-date] at [timestamp] id [guid]");
    }
}
