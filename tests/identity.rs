//! Built-in authentication: Basic against configured users, simulated Windows logons, and the
//! 401 substatuses IIS gives when credentials are wrong (401.1) or no method may succeed (401.2).
//! https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/authentication/basicauthentication
//! https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code

use crate::common::{fixture, Server};
use iissim::Harness;
use std::process::Command;

fn harness() -> Harness {
    Harness::from_config(fixture("api-probe/iissim-users.toml")).unwrap()
}

fn line<'a>(body: &'a str, prefix: &str) -> &'a str {
    body.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no line `{prefix}` in:\n{body}"))
}

#[test]
fn no_credentials_and_no_anonymous_is_401_2_with_every_challenge() {
    let response = harness().get("/probe").send();
    assert_eq!((response.status, response.substatus), (401, 2));
    let challenges: Vec<&str> =
        response.headers.iter().filter(|(n, _)| n == "WWW-Authenticate").map(|(_, v)| v.as_str()).collect();
    assert_eq!(challenges, ["Basic realm=\"iissim\"", "Negotiate", "NTLM"]);
}

#[test]
fn basic_logs_on_a_configured_user() {
    // "CONTOSO\alice:secret" in base64.
    let response = harness().get("/probe").header("Authorization", "Basic Q09OVE9TT1xhbGljZTpzZWNyZXQ=").send();
    let body = String::from_utf8(response.body).unwrap();
    assert_eq!(line(&body, "GetServerVariable(LOGON_USER)"), r#"GetServerVariable(LOGON_USER) = "CONTOSO\alice" (13)"#);
    assert_eq!(line(&body, "GetServerVariable(AUTH_TYPE)"), r#"GetServerVariable(AUTH_TYPE) = "Basic" (5)"#);
    assert_eq!(line(&body, "GetServerVariable(AUTH_PASSWORD)"), r#"GetServerVariable(AUTH_PASSWORD) = "secret" (6)"#);
    assert_eq!(
        line(&body, "GetUserName"),
        r#"GetUserName = "CONTOSO\alice", GetRemoteUserName = "CONTOSO\alice", GetAuthenticationType = "Basic", GetPassword = "secret""#
    );
    assert_eq!(
        line(&body, "GetPrimaryToken"),
        "GetPrimaryToken: non-NULL, GetImpersonationToken: non-NULL, distinct: yes"
    );
}

#[test]
fn a_wrong_password_is_401_1() {
    // "bob:wrong".
    let response = harness().get("/probe").header("Authorization", "Basic Ym9iOndyb25n").send();
    assert_eq!((response.status, response.substatus), (401, 1));
    assert!(String::from_utf8_lossy(&response.body).contains("HTTP Error 401.1 - Unauthorized"));
}

#[test]
fn a_simulated_windows_logon_names_its_user() {
    let response = harness().get("/probe").header("Authorization", "Negotiate iissim:bob").send();
    let body = String::from_utf8(response.body).unwrap();
    assert_eq!(line(&body, "GetServerVariable(AUTH_TYPE)"), r#"GetServerVariable(AUTH_TYPE) = "Negotiate" (9)"#);
    // bob is configured without tokens.
    assert_eq!(line(&body, "GetPrimaryToken"), "GetPrimaryToken: NULL, GetImpersonationToken: NULL, distinct: no");
}

#[test]
fn basic_and_windows_logons_over_http_with_curl() {
    let server = Server::start(&fixture("api-probe/iissim-users.toml"));
    let url = format!("http://{}/probe", server.addr);
    let curl = |args: &[&str]| {
        let output = Command::new("curl")
            .args(["-s", "-i"])
            .args(args)
            .arg(&url)
            .output()
            .unwrap_or_else(|e| panic!("curl: {e}; install it with: apt-get install curl"));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let basic = curl(&["-u", "CONTOSO\\alice:secret"]);
    assert!(basic.starts_with("HTTP/1.1 201 Made It"), "{basic}");
    assert!(basic.contains(r#"GetServerVariable(AUTH_TYPE) = "Basic" (5)"#), "{basic}");
    let windows = curl(&["-H", "Authorization: Negotiate iissim:CONTOSO\\alice"]);
    assert!(windows.contains(r#"GetServerVariable(LOGON_USER) = "CONTOSO\alice" (13)"#), "{windows}");
    let denied = curl(&[]);
    assert!(denied.starts_with("HTTP/1.1 401 Unauthorized"), "{denied}");
    // hyper writes header names Title-Cased (see docs/architecture.md).
    assert!(denied.contains("Www-Authenticate: Basic realm=\"iissim\""), "{denied}");
}

/// Closing the server's token is a contract violation the IHttpUser documentation states; a
/// strict harness fails the request and names module, notification and user.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getprimarytoken-method
#[test]
fn closing_the_primary_token_fails_a_strict_test() {
    let strict = Harness::from_config(fixture("close-token/iissim.toml")).unwrap();
    let failure = strict.get("/").try_send().unwrap_err();
    let text = failure.to_string();
    assert!(
        text.contains("contract-violation: module TokenCloser in RQ_AUTHENTICATE_REQUEST (post): CloseHandle: closed the primary token of user `IUSR`, which the server owns"),
        "{text}"
    );
    // The token stays valid for the rest of the request.
    assert_eq!(failure.response.body, b"closed=1 same=1\n");
}

/// Writing through a token: tokens are read-only, and the write ends the process with a report
/// naming module, notification and token (the IHttpUser documentation: callers must not change
/// the memory a token refers to).
#[test]
fn writing_through_a_token_ends_the_process_with_a_named_report() {
    let output = Command::new(env!("CARGO_BIN_EXE_iissim"))
        .args(["request", "--config"])
        .arg(fixture("token-write/iissim.toml"))
        .arg("/")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(70), "{stderr}");
    assert!(
        stderr.contains("contract violation: module TokenWriter in RQ_AUTHENTICATE_REQUEST (post) wrote to the primary token of user `IUSR`"),
        "{stderr}"
    );
}

/// Any other crash in a module gets one line naming module, notification and address, and
/// then the default action: the process dies of the same signal, as without iissim.
#[test]
#[cfg(unix)]
fn other_crashes_name_the_module_and_are_passed_on() {
    use std::os::unix::process::ExitStatusExt;
    let output = Command::new(env!("CARGO_BIN_EXE_iissim"))
        .args(["request", "--config"])
        .arg(fixture("token-write/iissim-null.toml"))
        .arg("/")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.signal(), Some(11), "{stderr}");
    assert!(!stderr.contains("contract violation"), "{stderr}");
    assert!(
        stderr.contains(
            "iissim: module TokenWriter crashed in RQ_AUTHENTICATE_REQUEST (post): SIGSEGV at address 0x0 \
             (a NULL pointer dereference)."
        ),
        "{stderr}"
    );
}

#[test]
fn the_harness_logs_a_request_on_as_a_configured_user() {
    let response = harness().get("/probe").user("alice").send();
    let body = String::from_utf8(response.body).unwrap();
    // The site enables simulated Windows authentication, which the harness prefers.
    assert_eq!(line(&body, "GetServerVariable(AUTH_TYPE)"), r#"GetServerVariable(AUTH_TYPE) = "Negotiate" (9)"#);
    assert_eq!(line(&body, "GetServerVariable(LOGON_USER)"), r#"GetServerVariable(LOGON_USER) = "CONTOSO\alice" (13)"#);
}
