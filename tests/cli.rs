//! The `iissim` command line, run as a user runs it.

use crate::common::{fixture, http_get};
use std::io::BufRead;
use std::process::{Command, Stdio};

fn iissim() -> Command {
    Command::new(env!("CARGO_BIN_EXE_iissim"))
}

#[test]
fn request_prints_the_response_like_curl() {
    let output =
        iissim().args(["request", "--config"]).arg(fixture("user-token/iissim.toml")).arg("/").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn a_bad_config_exits_non_zero_with_the_cause() {
    let output = iissim().args(["request", "--config", "/nonexistent.toml", "/"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("iissim: error: cannot read config /nonexistent.toml: "), "{stderr}");
}

#[test]
fn serve_answers_real_http() {
    let mut child = iissim()
        .args(["serve", "--bind", "127.0.0.1:0", "--threads", "1", "--config"])
        .arg(fixture("user-token/iissim.toml"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.split("http://").nth(1).expect("serve prints its URL").trim().trim_end_matches(" (Ctrl-C stops)");
    let addr = url.split('/').next().unwrap().parse().unwrap();
    let response = http_get(addr, "/");
    child.kill().unwrap();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.ends_with("\r\n\r\n<?xml version=\"1.0\" ?><user primaryToken=\"valid\" />"), "{response}");
}

#[test]
fn test_runs_the_specs_of_a_folder() {
    let output = iissim().arg("test").arg(fixture("user-token")).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("PASS user-token/anonymous/the anonymous user has a primary token"), "{stdout}");
    assert!(stdout.ends_with(" passed, 0 failed\n") && !stdout.contains("FAIL"), "{stdout}");
}

/// A module whose output changed: the report shows a diff, a `.snap.new` appears for review,
/// the JUnit file records the failure, and accepting makes the spec pass.
#[test]
fn a_changed_output_gives_a_diff_a_pending_snapshot_and_a_junit_failure() {
    let dir = crate::common::scratch("changed-output");
    let specs = dir.join("specs");
    let snapshots = specs.join("snapshots");
    let _ = std::fs::remove_dir_all(&specs);
    std::fs::create_dir_all(&snapshots).unwrap();
    std::fs::write(
        dir.join("iissim.toml"),
        format!("[[modules]]\nname = \"UserToken\"\nsources = [{:?}]\n", fixture("user-token/module.cpp")),
    )
    .unwrap();
    std::fs::write(
        specs.join("seed.toml"),
        "config = \"../iissim.toml\"\n\n[[case]]\nname = \"token\"\nrequest = { path = \"/\" }\nexpect.snapshot = true\n",
    )
    .unwrap();
    // What the module used to answer, as a stored insta snapshot.
    std::fs::write(
        snapshots.join("seed__token.snap"),
        "---\nsource: tests/specs.rs\nexpression: snapshot.contents\n---\nHTTP/1.1 200 OK\nContent-Type: text/xml\nContent-Length: 53\n\n<?xml version=\"1.0\" ?><user primaryToken=\"invalid\" />\n",
    )
    .unwrap();
    let junit = dir.join("junit.xml");

    let output = iissim().arg("test").arg(&dir).arg("--junit").arg(&junit).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL changed-output/seed/token"), "{stdout}");
    assert!(stdout.contains(" - Content-Length: 53\n"), "{stdout}");
    assert!(stdout.contains(" + Content-Length: 51\n"), "{stdout}");
    assert!(stdout.contains(" + <?xml version=\"1.0\" ?><user primaryToken=\"valid\" />"), "{stdout}");
    assert!(stdout.ends_with("0 passed, 1 failed\n"), "{stdout}");
    let pending = std::fs::read_to_string(snapshots.join("seed__token.snap.new")).unwrap();
    assert!(pending.starts_with("---\n") && pending.ends_with("<user primaryToken=\"valid\" />\n"), "{pending}");
    let report = std::fs::read_to_string(&junit).unwrap();
    assert!(report.contains("<testsuite name=\"changed-output/seed\" tests=\"1\" failures=\"1\""), "{report}");
    assert!(report.contains("<failure message=\"snapshot seed__token changed"), "{report}");
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/junit.xsd");
    let valid = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&junit)
        .output()
        .unwrap_or_else(|e| panic!("xmllint: {e}; install it with: apt-get install libxml2-utils"));
    assert!(valid.status.success(), "{}", String::from_utf8_lossy(&valid.stderr));

    let accepted = iissim().arg("test").arg(&dir).arg("--accept").output().unwrap();
    assert!(accepted.status.success(), "{}", String::from_utf8_lossy(&accepted.stdout));
    let again = iissim().arg("test").arg(&dir).output().unwrap();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stdout));
}

/// `iissim rsca` sends GL_RSCA_QUERY and prints what the module answered; a query no module
/// handles exits 1.
#[test]
fn rsca_prints_the_answer_of_the_module_that_handled_it() {
    let config = fixture("change-watcher/iissim.toml");
    let out = iissim().args(["rsca", "--config"]).arg(&config).args(["Watcher_Status_V1", "brief"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "handled: true, result: 0x00000000\nstate=ok; params=brief; too small=0x80070057\n"
    );
    let none = iissim().args(["rsca", "--config"]).arg(&config).arg("Nobody_Answers_V1").output().unwrap();
    assert_eq!(none.status.code(), Some(1));
}
