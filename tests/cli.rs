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
