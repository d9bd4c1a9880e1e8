//! JUnit XML, the report format CI systems read (the common Ant/Surefire schema).

use super::run::CaseOutcome;
use std::collections::BTreeMap;
use std::fmt::Write;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// One `<testsuite>` per spec, one `<testcase>` per case.
pub fn render(outcomes: &[CaseOutcome]) -> String {
    let mut suites: BTreeMap<&str, Vec<&CaseOutcome>> = BTreeMap::new();
    for outcome in outcomes {
        suites.entry(&outcome.spec).or_default().push(outcome);
    }
    let failures = outcomes.iter().filter(|o| !o.passed()).count();
    let time: f64 = outcomes.iter().map(|o| o.duration.as_secs_f64()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    writeln!(
        out,
        "<testsuites name=\"iissim\" tests=\"{}\" failures=\"{failures}\" time=\"{time:.3}\">",
        outcomes.len()
    )
    .unwrap();
    for (spec, cases) in suites {
        let failed = cases.iter().filter(|o| !o.passed()).count();
        let time: f64 = cases.iter().map(|o| o.duration.as_secs_f64()).sum();
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\" time=\"{time:.3}\">",
            escape(spec),
            cases.len()
        )
        .unwrap();
        for case in cases {
            write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                escape(spec),
                escape(&case.case),
                case.duration.as_secs_f64()
            )
            .unwrap();
            if case.passed() {
                out.push_str("/>\n");
            } else {
                let first = case.failures[0].lines().next().unwrap_or_default();
                writeln!(
                    out,
                    ">\n      <failure message=\"{}\" type=\"expectation\">{}</failure>\n    </testcase>",
                    escape(first),
                    escape(&case.failures.join("\n"))
                )
                .unwrap();
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
