//! IHttpRequest … IHttpRequest4 through the header-rewrite, url-rewrite and body-rewrite
//! fixtures. Each test cites the IIS page whose behaviour it pins.

use crate::common::fixture;
use iissim::Harness;

fn body(response: &iissim::Response) -> String {
    String::from_utf8(response.body.clone()).unwrap()
}

/// SetHeader and DeleteHeader change what GetHeader returns (no stale cached copy), what
/// GetRawHttpRequest shows (known headers by id, the others by name, even after the structure
/// was handed out), and each change moves the GetHeaderChanges change number.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-setheader-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-deleteheader-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getheaderchanges-method
#[test]
fn request_header_changes_show_in_every_view() {
    let harness = Harness::from_config(fixture("header-rewrite/iissim.toml")).unwrap();
    let response = harness.get("/").header("User-Agent", "curl/8").header("X-Remove-Me", "1").send();
    let text = body(&response);
    for line in [
        "User-Agent before = curl/8",
        "User-Agent = rewriter/2.0",
        "X-Remove-Me = (null)",
        "raw User-Agent = rewriter/2.0",
        "raw unknown X-Rewritten = yes",
        "raw unknown count after X-Late = 2",
        "GetHeaderChanges = 0x00000000, change number 0 -> 5, 1 unknown header(s)",
    ] {
        assert!(text.lines().any(|l| l == line), "no line `{line}` in:\n{text}");
    }
    assert!(!text.contains("raw unknown X-Remove-Me"), "{text}");
}

/// SetUrl: later modules and the static file handler see the new path; without
/// fResetQueryString the query string stays.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-seturl-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-geturlchanged-method
#[test]
fn set_url_rewrites_what_later_modules_see() {
    let harness = Harness::from_config(fixture("url-rewrite/iissim.toml")).unwrap();
    assert_eq!(body(&harness.get("/old/page.txt").send()), "the new page\n");
    let text = body(&harness.get("/keep?a=1").send());
    assert!(text.contains("GetUrlChanged = 1\n") && text.contains("QueryString = ?a=1\n"), "{text}");
}

/// ReadEntityBody hands out at most cbBuffer bytes a call and ends with
/// HRESULT_FROM_WIN32(ERROR_HANDLE_EOF); InsertEntityBody is what later reads return.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-readentitybody-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-insertentitybody-method
#[test]
fn the_body_is_read_in_pieces_and_replaced() {
    let harness = Harness::from_config(fixture("body-rewrite/iissim.toml")).unwrap();
    let response = harness.request("POST", "/echo").body(b"0123456789".to_vec()).send();
    // 10 bytes through a 5-byte buffer: two reads, then the end of the body.
    assert_eq!(body(&response), "remaining before = 10\n0123456789\n2 read(s), then 0x80070026, remaining 0\n");
}

/// RQ_READ_ENTITY runs for each read of the request entity that returns data: the module sees
/// the bytes in the reader's buffer and may change them there (GetEntity) or replace them
/// (SetEntity); a replacement longer than the reader's buffer continues in the next read.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onreadentity-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireadentityprovider-getentity-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireadentityprovider-setentity-method
#[test]
fn read_entity_modules_filter_the_body_as_it_is_read() {
    let harness = Harness::from_config(fixture("read-entity/iissim.toml")).unwrap();
    assert_eq!(harness.worker().plan(), "RQ_EXECUTE_REQUEST_HANDLER: Echo (MEDIUM)\nRQ_READ_ENTITY: Upper (MEDIUM)\n");
    let upper = harness.request("POST", "/upper").body("hello world, abc").send();
    assert_eq!(String::from_utf8(upper.body).unwrap(), "[HELLO WO][RLD, ABC]");
    let replaced = harness.request("POST", "/replace").body("short").send();
    assert_eq!(String::from_utf8(replaced.body).unwrap(), "[REPLACED][-BODY-01][23456789]");
    assert!(replaced.trace.render().contains("RQ_READ_ENTITY"));
}
