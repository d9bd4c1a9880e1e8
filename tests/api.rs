//! The server-side API as modules call it, through the api-probe fixture. Each expectation
//! follows the method's IIS reference page, cited beside it.

use crate::common::{fixture, scratch};
use iissim::{Config, DiagnosticKind, Harness};

fn probe() -> iissim::Response {
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap();
    harness.get("/probe?a=1&b=2").header("User-Agent", "probe/1.0").header("X-Custom-Thing", "yes").send()
}

fn line<'a>(body: &'a str, prefix: &str) -> &'a str {
    body.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no line `{prefix}` in:\n{body}"))
}

#[test]
fn every_probe_in_one_snapshot() {
    let response = probe();
    insta::assert_snapshot!(response.to_http_string());
}

/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method
#[test]
fn server_variables_and_the_unknown_variable_error() {
    let response = probe();
    let body = String::from_utf8(response.body).unwrap();
    assert_eq!(line(&body, "GetServerVariable(URL)"), "GetServerVariable(URL) = \"/probe\" (6)");
    assert_eq!(line(&body, "GetServerVariable(QUERY_STRING)"), "GetServerVariable(QUERY_STRING) = \"a=1&b=2\" (7)");
    assert_eq!(
        line(&body, "GetServerVariable(HTTP_X_CUSTOM_THING)"),
        "GetServerVariable(HTTP_X_CUSTOM_THING) = \"yes\" (3)"
    );
    // ERROR_INVALID_INDEX (1413) as an HRESULT.
    assert_eq!(line(&body, "GetServerVariable(NO_SUCH"), "GetServerVariable(NO_SUCH_VARIABLE) failed: 0x80070585");
}

/// GetUser is NULL until authentication sets a user; the built-in anonymous user has tokens,
/// does not support IsInRole, and IsInRole returns E_NOTIMPL.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-supportsisinrole-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-isinrole-method
#[test]
fn the_anonymous_user() {
    let body = String::from_utf8(probe().body).unwrap();
    assert_eq!(line(&body, "GetUser() in BeginRequest"), "GetUser() in BeginRequest: NULL");
    assert_eq!(line(&body, "SupportsIsInRole"), "SupportsIsInRole = 0, IsInRole = 0x80004001 (fInRole 0)");
    assert_eq!(
        line(&body, "GetPrimaryToken"),
        "GetPrimaryToken: non-NULL, GetImpersonationToken: non-NULL, distinct: yes"
    );
}

/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-redirect-method
#[test]
fn redirect_sets_302_and_location_with_the_query_string() {
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap();
    let response = harness.get("/redirect?x=1").send();
    assert_eq!((response.status, response.reason.as_str()), (302, "Redirect"));
    assert_eq!(response.header("Location"), Some("/target?x=1"));
}

/// The request's start time is on the clock the module's GetTickCount64 reads, and the
/// elapsed time counts from it (the module sleeps 20 ms between the two calls).
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext4-getrequeststarttime-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext4-getrequestelapsedtime-method
#[test]
fn request_start_and_elapsed_time_follow_get_tick_count64() {
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap();
    let response = harness.get("/times").send();
    assert!(response.diagnostics.is_empty(), "{:?}", response.diagnostics);
    assert_eq!(
        String::from_utf8(response.body).unwrap(),
        "start <= now: yes\nelapsed after Sleep(20) >= 20: yes\nstart + elapsed <= now: yes\nnow - start < 60 s: yes\n"
    );
}

#[test]
fn an_unimplemented_method_returns_the_failure_value_and_is_diagnosed() {
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap().strict(false);
    let response = harness.get("/unimplemented").send();
    // E_NOTIMPL, as IIS would answer a method it does not have.
    assert_eq!(response.header("X-Hr"), Some("0x80004001"));
    let [d] = response.diagnostics.as_slice() else { panic!("{:?}", response.diagnostics) };
    assert_eq!(d.kind, DiagnosticKind::Unimplemented);
    assert_eq!(d.module.as_deref(), Some("ApiProbe"));
    assert_eq!(d.notification, Some("RQ_AUTHENTICATE_REQUEST (post)"));
    assert_eq!(d.method, "IWorkerProcessFramework::GetInterfaceVersion(PDWORD, PDWORD)");
}

#[test]
fn strict_mode_fails_the_request_naming_module_notification_and_method() {
    let harness = Harness::from_config(fixture("api-probe/iissim.toml")).unwrap();
    let failure = harness.get("/unimplemented").try_send().unwrap_err();
    assert_eq!(
        failure.to_string(),
        "strict mode: the request produced 1 diagnostic(s):\n  \
         unimplemented: module ApiProbe in RQ_AUTHENTICATE_REQUEST (post): \
         IWorkerProcessFramework::GetInterfaceVersion(PDWORD, PDWORD): not implemented by iissim\n"
    );
}

/// DllMain sees DLL_PROCESS_ATTACH after load and DLL_PROCESS_DETACH before unload; the
/// factory's Terminate runs at shutdown.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmodulefactory-terminate-method
#[test]
fn load_register_terminate_unload_in_order() {
    let dir = scratch("lifecycle");
    let log = dir.join("lifecycle.log");
    let _ = std::fs::remove_file(&log);
    let text = format!(
        "[[modules]]\nname = \"ApiProbe\"\nsources = [{:?}]\ndefines = [{:?}]\n",
        fixture("api-probe/module.cpp"),
        format!("PROBE_LOG=\"{}\"", log.display())
    );
    let config = Config::parse(&text, &dir.join("iissim.toml"), &dir).unwrap();
    let harness = Harness::new(&config).unwrap();
    harness.get("/probe").send();
    drop(harness);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "DllMain(DLL_PROCESS_ATTACH) libApiProbe.so\nRegisterModule(10) name=ApiProbe command-line=1\nTerminate\nDllMain(DLL_PROCESS_DETACH) libApiProbe.so\n"
    );
}
