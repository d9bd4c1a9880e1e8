//! Failed Request Tracing files: the trace as a `failedRequest` document that a real XSLT
//! processor lays out with the style sheet beside it, kept for the requests the rule selects.
//! https://learn.microsoft.com/en-us/iis/troubleshoot/using-failed-request-tracing/troubleshooting-failed-requests-using-tracing-in-iis

use crate::common::{fixture, scratch};
use iissim::{Config, Harness};
use std::process::Command;

fn run(command: &mut Command, install: &str) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("{command:?}: {e}; install it with: {install}"));
    assert!(output.status.success(), "{command:?}:\n{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn xsltproc_renders_a_fixture_requests_freb_file() {
    let dir = scratch("freb-render");
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap();
    let response = harness.get("/probe").send();
    let xml = dir.join("fr000001.xml");
    std::fs::write(&xml, response.freb_xml()).unwrap();
    std::fs::write(dir.join("freb.xsl"), iissim::freb::FREB_XSL).unwrap();

    run(Command::new("xmllint").arg("--noout").arg(&xml), "apt-get install libxml2-utils");
    let html = run(Command::new("xsltproc").arg(dir.join("freb.xsl")).arg(&xml), "apt-get install xsltproc");
    assert!(html.contains("<h1>Request trace</h1>"), "{html}");
    assert!(html.contains("<td>201.3</td>"), "{html}");
    for needle in [
        "GENERAL_REQUEST_START",
        "NOTIFY_MODULE_START",
        "ModuleName=\"ApiProbe\"",
        "Notification=\"RQ_AUTHENTICATE_REQUEST\"",
        "NotificationStatus=\"RQ_NOTIFICATION_FINISH_REQUEST\"",
        "GENERAL_REQUEST_END",
    ] {
        assert!(html.contains(needle), "no {needle} in\n{html}");
    }
}

#[test]
fn only_requests_the_rule_selects_keep_a_file() {
    let dir = scratch("freb-rule");
    let frebs = dir.join("frebs");
    let _ = std::fs::remove_dir_all(&frebs);
    let text = format!(
        "[[modules]]\nname = \"GlobalCounter\"\nsources = [{:?}]\n\n[trace]\nfreb_dir = \"frebs\"\nfreb_status = [\"404\"]\n",
        fixture("global-counter/module.cpp")
    );
    let config = Config::parse(&text, &dir.join("iissim.toml"), &dir).unwrap();
    let harness = Harness::new(&config).unwrap();
    assert_eq!(harness.get("/handled").send().status, 200);
    assert_eq!(harness.get("/missing").send().status, 404);
    let mut kept: Vec<String> =
        std::fs::read_dir(&frebs).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    kept.sort();
    assert_eq!(kept, ["fr000001.xml", "freb.xsl"]);
    let xml = std::fs::read_to_string(frebs.join("fr000001.xml")).unwrap();
    assert!(xml.contains("url=\"http://localhost/missing\"") && xml.contains("statusCode=\"404.0\""), "{xml}");
}
