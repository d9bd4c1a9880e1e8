//! IHttpResponse … IHttpResponse4 through the response-api fixture. Each test cites the IIS
//! page whose behaviour it pins.

use crate::common::fixture;
use iissim::{DiagnosticKind, Harness};

fn harness() -> Harness {
    Harness::from_config(fixture("response-api/iissim.toml")).unwrap()
}

/// An error status with no body gets the detailed error page, naming status.substatus, the
/// module and notification, the error code and the description (HTML-encoded when asked);
/// fTrySkipCustomErrors leaves the body empty.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setstatus-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-seterrordescription-method
#[test]
fn error_status_without_body_gets_the_detailed_error_page() {
    let response = harness().get("/error").send();
    assert_eq!((response.status, response.substatus), (500, 19));
    let page = String::from_utf8(response.body).unwrap();
    assert!(page.contains("HTTP Error 500.19 - Internal Server Error"), "{page}");
    assert!(page.contains("The &lt;rewrite&gt; section is invalid &amp; cannot be read."), "{page}");
    assert!(page.contains("<td>ResponseApi</td>") && page.contains("0x8007000d"), "{page}");
    assert!(harness().get("/error-skip").send().body.is_empty());
}

/// After Flush the headers are sent: SetHeader and SetStatus fail with
/// HRESULT_FROM_WIN32(ERROR_INVALID_STATE), and iissim says why.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-flush-method
#[test]
fn headers_cannot_change_after_flush() {
    let response = harness().strict(false).get("/flush").send();
    assert_eq!(response.status, 200);
    assert_eq!(response.header("X-After-Flush"), None);
    let text = String::from_utf8(response.body).unwrap();
    assert!(text.contains("SetHeader after Flush = 0x8007139f"), "{text}");
    assert_eq!(response.diagnostics.len(), 2, "{:?}", response.diagnostics);
    assert!(response.diagnostics.iter().all(|d| d.kind == DiagnosticKind::ContractViolation));
}

/// What a module writes into GetRawHttpResponse's structure (status, reason, chunk bytes) is
/// what the client receives, and GetStatus sees it.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getrawhttpresponse-method
#[test]
fn raw_response_edits_reach_the_client() {
    let response = harness().get("/raw").send();
    assert_eq!((response.status, response.reason.as_str()), (201, "Created"));
    assert_eq!(response.header("X-Status-Seen"), Some("201"));
    assert_eq!(response.body, b"EDITED IN PLACE\n");
}

/// lInsertPosition -1 appends, 0 inserts before the existing chunks.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-writeentitychunkbyreference-method
#[test]
fn chunks_by_reference_insert_where_asked() {
    let response = harness().strict(false).get("/chunks").send();
    assert!(response.body.starts_with(b"hello world!\n"), "{:?}", String::from_utf8_lossy(&response.body));
}

/// The cache policy starts as IIS's default implementer does (kernel and user policy
/// HttpCachePolicyNocache with 0 seconds, empty vary-by lists, user cache enabled, not
/// cached), keeps one HTTP_CACHE_POLICY the module writes through, joins vary-by headers with
/// commas (NULL appends nothing and succeeds) and keeps every flag once set.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getcachepolicy-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getkernelcachepolicy-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-appendvarybyheader-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-isusercacheenabled-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-iscached-method
#[test]
fn cache_policy_defaults_and_setters() {
    let response = harness().get("/cache-policy").send();
    assert_eq!(response.status, 200);
    assert!(response.diagnostics.is_empty(), "{:?}", response.diagnostics);
    assert_eq!(
        String::from_utf8(response.body).unwrap(),
        "kernel 0/0 user 0/0 same 1\n\
         before: user 1 cached 0 invalidator 0 force 0 headers [] queries [] value []\n\
         append: 00000000 00000000 00000000 00000000 00000000\n\
         after: user 0 cached 1 invalidator 1 force 1 headers [Accept,Accept-Language] queries [page] value [mobile]\n\
         kernel 2/30\n"
    );
}

/// SetNeedDisconnect: the response goes out and the connection closes after it
/// (`Connection: close`). ResetConnection and CloseConnection ("closes the connection and sends a
/// reset packet"): no response reaches the client.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setneeddisconnect-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-resetconnection-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-closeconnection-method
#[test]
fn disconnects_and_resets_reach_the_connection() {
    use iissim::ConnectionEnd;
    let harness = harness();
    let bye = harness.get("/disconnect").send();
    assert_eq!((bye.connection, bye.header("Connection")), (ConnectionEnd::CloseAfterResponse, Some("close")));
    assert_eq!(bye.body, b"goodbye\n");
    for path in ["/reset", "/close"] {
        assert_eq!(harness.get(path).send().connection, ConnectionEnd::Reset, "{path}");
    }

    let server = crate::common::Server::start(&fixture("response-api/iissim.toml"));
    // A keep-alive request: the server still closes the connection after this response.
    let raw = crate::common::http_exchange(server.addr, "GET /disconnect HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(raw.starts_with("HTTP/1.1 200 OK\r\n") && raw.contains("\r\nConnection: close\r\n"), "{raw}");
    assert!(raw.ends_with("goodbye\n"), "{raw}");
    for path in ["/reset", "/close"] {
        let raw = crate::common::http_exchange(
            server.addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(raw, "", "{path}: no response");
    }
}
