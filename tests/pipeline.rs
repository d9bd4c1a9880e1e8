//! Notification order, post-notifications, subscriptions, FINISH_REQUEST and priorities,
//! observed through the recorder fixture (each module appends what it sees to X-Seen).
//!
//! Order of the deterministic notifications:
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants
//! RQ_NOTIFICATION_FINISH_REQUEST stops request-level notifications:
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-notification-status-enumeration
//! Priorities: https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmoduleregistrationinfo-setpriorityforrequestnotification-method

use crate::common::{fixture, scratch};
use iissim::{Config, Harness};

fn seen(response: &iissim::Response) -> Vec<String> {
    response.header("X-Seen").unwrap_or_default().split(", ").map(str::to_string).collect()
}

#[test]
fn notifications_arrive_in_iis_order_and_finish_skips_to_end_of_request() {
    let harness = Harness::from_config(fixture("recorder/iissim.toml")).unwrap();
    let response = harness.get("/").send();
    let expected = [
        "first:BeginRequest",
        "second:BeginRequest",
        "first:PostBeginRequest",
        "first:AuthenticateRequest",
        "first:PostAuthenticateRequest",
        "first:AuthorizeRequest",
        "first:PostAuthorizeRequest",
        "first:ResolveRequestCache",
        "first:PostResolveRequestCache",
        "first:MapRequestHandler",
        "first:PostMapRequestHandler",
        "first:AcquireRequestState",
        "first:PostAcquireRequestState",
        "first:PreExecuteRequestHandler",
        "first:PostPreExecuteRequestHandler",
        "first:ExecuteRequestHandler",
        // "second" finishes the request here: no PostExecuteRequestHandler, ReleaseRequestState
        // or UpdateRequestCache; the end-of-request notifications still run.
        "second:ExecuteRequestHandler",
        "first:LogRequest",
        "first:PostLogRequest",
        "first:EndRequest",
        "second:EndRequest",
        "first:PostEndRequest",
    ];
    assert_eq!(seen(&response), expected);
    // The request was finished before the handler ran: no 404 from the static file handler.
    assert_eq!(response.status, 200);
    insta::assert_snapshot!(response.trace.render());
}

#[test]
fn an_unhandled_request_reaches_the_static_file_handler() {
    let dir = scratch("static-site");
    std::fs::write(dir.join("hello.txt"), "hello from disk\n").unwrap();
    let module = fixture("recorder/module.cpp");
    let text = format!(
        "[site]\nphysical_path = \".\"\n\n[[modules]]\nname = \"Only\"\nsources = [{module:?}]\ndefines = [\"SUBSCRIBE=0x80\", \"SUBSCRIBE_POST=0x80\"]\n"
    );
    let config = Config::parse(&text, &dir.join("iissim.toml"), &dir).unwrap();
    let harness = Harness::new(&config).unwrap();

    let found = harness.get("/hello.txt").send();
    assert_eq!((found.status, found.body.as_slice()), (200, &b"hello from disk\n"[..]));
    assert_eq!(found.header("Content-Type"), Some("text/plain"));
    assert_eq!(seen(&found), ["recorder:ExecuteRequestHandler", "recorder:PostExecuteRequestHandler"]);

    let missing = harness.get("/nothing-here").send();
    assert_eq!((missing.status, missing.substatus, missing.reason.as_str()), (404, 0, "Not Found"));
    assert!(String::from_utf8_lossy(&missing.body).contains("HTTP Error 404.0 - Not Found"));
}

#[test]
fn a_higher_priority_runs_first_whatever_the_configuration_order() {
    let harness = Harness::from_config(fixture("recorder/iissim-priority.toml")).unwrap();
    let response = harness.get("/").send();
    assert_eq!(seen(&response), ["second:BeginRequest", "first:BeginRequest"]);
}
