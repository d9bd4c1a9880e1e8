//! The seed module does what the IHttpUser::GetPrimaryToken documentation describes: it
//! answers `<user primaryToken="valid" />` when the request's user has a primary token and
//! `"invalid"` when GetPrimaryToken returns NULL.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getprimarytoken-method

use crate::common::{fixture, http_get, Server};
use iissim::Harness;

#[test]
fn token_user_in_process() {
    let harness = Harness::from_config(fixture("user-token/iissim.toml")).unwrap();
    let response = harness.get("/").send();
    assert_eq!(response.status, 200);
    assert_eq!(response.header("Content-Type"), Some("text/xml"));
    insta::assert_snapshot!(response.to_http_string());
    insta::assert_snapshot!("token_user_trace", response.trace.render());
}

#[test]
fn no_token_user_in_process() {
    let harness = Harness::from_config(fixture("user-token/iissim-no-token.toml")).unwrap();
    let response = harness.get("/").send();
    assert_eq!(response.body, br#"<?xml version="1.0" ?><user primaryToken="invalid" />"#);
    insta::assert_snapshot!(response.to_http_string());
}

#[test]
fn token_user_over_http() {
    let server = Server::start(&fixture("user-token/iissim.toml"));
    insta::assert_snapshot!(http_get(server.addr, "/"));
}

#[test]
fn no_token_user_over_http() {
    let server = Server::start(&fixture("user-token/iissim-no-token.toml"));
    insta::assert_snapshot!(http_get(server.addr, "/some/path?q=1"));
}

#[test]
fn many_requests_reuse_one_worker() {
    let harness = Harness::from_config(fixture("user-token/iissim.toml")).unwrap();
    for _ in 0..200 {
        let response = harness.get("/").send();
        assert_eq!(response.body, br#"<?xml version="1.0" ?><user primaryToken="valid" />"#);
    }
}

#[test]
fn a_harness_built_in_code_answers_like_the_config_file() {
    let harness = Harness::builder()
        .module("UserToken", [fixture("user-token/module.cpp")])
        .anonymous("IUSR", false)
        .trace_level(iissim::TraceLevel::Calls)
        .build()
        .unwrap();
    let response = harness.get("/").send();
    assert_eq!(response.body, br#"<?xml version="1.0" ?><user primaryToken="invalid" />"#);
    // With call tracing, the trace shows each host call the module made.
    insta::assert_snapshot!(response.trace.render());
}
