//! The context and the objects it hands out, where a spec cannot say it: stored-context
//! cleanups counted across requests and at shutdown, file times against the file system, and
//! module trace events in FREB files. Each expectation cites its IIS reference page.

use crate::common::{fixture, scratch};
use iissim::Harness;

fn body(response: &iissim::Response) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

/// Each request's module, named and connection contexts are cleaned up when that request ends
/// (the connection's after NotifyDisconnect), once per request; the site's and the
/// application's live until the worker stops, and are cleaned up then, once.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpstoredcontext-cleanupstoredcontext-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnectionstoredcontext-notifydisconnect-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplication-getmodulecontextcontainer-method
#[test]
fn stored_contexts_are_cleaned_up_when_their_container_ends() {
    let dir = scratch("context-storage");
    let log = dir.join("storage.log");
    let _ = std::fs::remove_file(&log);
    // The define gives this test its own image, so no other test shares its counters.
    let harness = Harness::builder()
        .module("ContextStorage", [fixture("context-storage/module.cpp")])
        .define(&format!("STORAGE_LOG=\"{}\"", log.display()))
        .build()
        .unwrap();

    let first = harness.get("/store").send();
    assert!(body(&first).contains("site: stored for later requests = S_OK"), "{}", body(&first));
    for _ in 0..2 {
        let again = harness.get("/store").send();
        assert!(body(&again).contains("application: a context from an earlier request"), "{}", body(&again));
    }
    let counts = harness.get("/count").send();
    assert_eq!(
        body(&counts),
        "request cleanups: 3\nnamed cleanups: 3\nconnection disconnects: 3\n\
         connection cleanups: 3 (after NotifyDisconnect: 3)\ndispensed cleanups: 3\n"
    );
    assert!(!log.exists(), "nothing long-lived is cleaned up while the worker runs");

    drop(harness);
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "application context cleaned up\nsite context cleaned up\n");
}

/// IHttpFileInfo::GetLastModifiedTime is the file's last-write time.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getlastmodifiedtime-method
#[test]
fn file_info_carries_the_last_write_time_of_the_file() {
    let harness = Harness::from_config(fixture("site-info/iissim.toml")).unwrap();
    let response = harness.get("/docs/hello.txt").send();
    let modified = std::fs::metadata(fixture("site-info/wwwroot/docs/hello.txt")).unwrap().modified().unwrap();
    let unix = modified.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    assert_eq!(response.header("X-File-Unix-Time"), Some(unix.to_string().as_str()));
}

/// The file info is the file under the configured site root, read when first asked for.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getfileinfo-method
#[test]
fn file_info_reads_the_file_under_the_configured_root() {
    let root = scratch("site-info-root");
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::write(root.join("docs/hello.txt"), "Another text here.\n").unwrap();
    let harness =
        Harness::builder().module("SiteInfo", [fixture("site-info/module.cpp")]).physical_path(&root).build().unwrap();
    let text = body(&harness.get("/docs/hello.txt").send());
    assert!(text.contains("file: <root>/docs/hello.txt, 19 bytes"), "{text}");
    assert!(text.contains("file: buffer \"Another text here.\""), "{text}");
    assert!(text.contains("changed FALSE"), "{text}");
    // The TTL count starts at 2; flushed stays set.
    // https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-decrementttl-method
    assert!(text.contains("DecrementTTL expired FALSE, TRUE; after ResetTTL FALSE; flushed FALSE then TRUE"), "{text}");
}

/// QuickTrace and RaiseTraceEvent events reach the request's FREB file, with the module that
/// raised them.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-quicktrace-method
#[test]
fn quick_trace_events_are_in_the_freb_file() {
    let harness = Harness::from_config(fixture("trace-context/iissim.toml")).unwrap();
    let response = harness.get("/").send();
    let freb = response.freb_xml();
    // Two QuickTrace calls and three RaiseTraceEvent calls (the fixture's handler).
    assert_eq!(freb.matches("MODULE_TRACE").count(), 5, "{freb}");
    assert!(freb.contains("Wanted") && freb.contains("area 2, verbosity 4"), "{freb}");
    assert!(freb.contains("grüße") && freb.contains("0x80070005") && freb.contains("TraceContext"), "{freb}");
}
