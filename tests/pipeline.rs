//! Notification order, post-notifications, subscriptions, FINISH_REQUEST and priorities,
//! observed through the recorder fixture (each module appends what it sees to X-Seen).
//!
//! Order of the deterministic notifications:
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants
//! RQ_NOTIFICATION_FINISH_REQUEST stops request-level notifications:
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-notification-status-enumeration
//! Priorities: https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmoduleregistrationinfo-setpriorityforrequestnotification-method

use crate::common::{fixture, http_get, scratch, Server};
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

/// `iissim plan` shows the resolved order: a HIGH module before a MEDIUM one configured earlier.
#[test]
fn the_plan_lists_modules_in_the_order_they_run() {
    let harness = Harness::from_config(fixture("recorder/iissim.toml")).unwrap();
    insta::assert_snapshot!(harness.worker().plan());
    let priority = Harness::from_config(fixture("recorder/iissim-priority.toml")).unwrap();
    assert_eq!(priority.worker().plan(), "RQ_BEGIN_REQUEST: Second (HIGH), First (MEDIUM)\n");
}

/// The global-counter fixture built to log its global notifications to a fresh file in the
/// scratch folder `name`: the harness and the log's path.
fn global_counter_logging_to(name: &str) -> (Harness, std::path::PathBuf) {
    let dir = scratch(name);
    let log = dir.join("global.log");
    let _ = std::fs::remove_file(&log);
    let text = format!(
        "[[modules]]\nname = \"GlobalCounter\"\nsources = [{:?}]\ndefines = [{:?}]\n",
        fixture("global-counter/module.cpp"),
        format!("GLOBAL_LOG=\"{}\"", log.display())
    );
    let config = Config::parse(&text, &dir.join("iissim.toml"), &dir).unwrap();
    (Harness::new(&config).unwrap(), log)
}

/// Shutdown raises GL_STOP_LISTENING, then GL_APPLICATION_STOP, then GL_CACHE_CLEANUP (the
/// cache is purged before termination), then Terminate.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-terminate-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalcachecleanup-method
#[test]
fn shutdown_raises_stop_listening_then_application_stop_then_terminate() {
    let (harness, log) = global_counter_logging_to("global-lifecycle");
    insta::assert_snapshot!(harness.worker().plan(), @r"
    GL_APPLICATION_START: GlobalCounter (MEDIUM)
    GL_PRE_BEGIN_REQUEST: GlobalCounter (HIGH)
    GL_HEALTH_CHECK: GlobalCounter (MEDIUM)
    GL_SUSPEND_PROCESS: GlobalCounter (MEDIUM)
    GL_STOP_LISTENING: GlobalCounter (MEDIUM)
    GL_APPLICATION_STOP: GlobalCounter (MEDIUM)
    GL_CACHE_CLEANUP: GlobalCounter (MEDIUM)
    RQ_BEGIN_REQUEST: GlobalCounter (MEDIUM)
    ");
    drop(harness);
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "GL_STOP_LISTENING (drain)\nGL_APPLICATION_STOP /LM/W3SVC/1/ROOT\nGL_CACHE_CLEANUP\nCGlobalModule::Terminate\n"
    );
}

/// GL_HEALTH_CHECK when a health-related operation occurs: a health check of the worker (what
/// WAS pings are) and IHttpServer::ReportUnhealthy, which the page names.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalhealthcheck-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-reportunhealthy-method
#[test]
fn health_checks_reach_global_modules() {
    let harness = Harness::from_config(fixture("global-counter/iissim.toml")).unwrap().strict(false);
    assert_eq!(harness.get("/").send().header("X-Health-Checks"), Some("0"));
    let trace = harness.worker().health_check().render();
    assert!(trace.contains("GL_HEALTH_CHECK -> GlobalCounter"), "{trace}");
    let unhealthy = harness.get("/unhealthy").send();
    // Headers come from GL_PRE_BEGIN_REQUEST, before the request module reported.
    assert_eq!(unhealthy.header("X-Health-Checks"), Some("1"));
    assert!(
        unhealthy.diagnostics.iter().any(|d| d.to_string().contains("reported the worker unhealthy")),
        "{:?}",
        unhealthy.diagnostics
    );
    assert!(unhealthy.trace.render().contains("GL_HEALTH_CHECK -> GlobalCounter"), "{}", unhealthy.trace.render());
    assert_eq!(harness.get("/").send().header("X-Health-Checks"), Some("2"));
}

/// GL_SUSPEND_PROCESS: suspending the idle worker calls OnSuspendProcess, and the callback the
/// module hands back gets Resume once, before the next request runs; suspending twice raises
/// nothing the second time.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants
#[test]
fn a_suspended_worker_resumes_before_the_next_request() {
    let harness = Harness::from_config(fixture("global-counter/iissim.toml")).unwrap();
    let before = harness.get("/").send();
    assert_eq!((before.header("X-Suspends"), before.header("X-Resumes")), (Some("0"), Some("0")));

    let trace = harness.worker().suspend().render();
    assert!(trace.contains("GL_SUSPEND_PROCESS -> GlobalCounter"), "{trace}");
    assert!(harness.worker().is_suspended());
    let again = harness.worker().suspend().render();
    assert!(!again.contains("GL_SUSPEND_PROCESS"), "{again}");

    let after = harness.get("/").send();
    assert!(!harness.worker().is_suspended());
    assert_eq!((after.header("X-Suspends"), after.header("X-Resumes")), (Some("1"), Some("1")));
    assert!(after.trace.render().contains("resuming the worker process"), "{}", after.trace.render());
    let later = harness.get("/").send();
    assert_eq!(later.header("X-Resumes"), Some("1"));
}

/// RQ_MAP_PATH runs whenever the server maps a URL: for the static file handler, the path
/// variables, GetPhysicalPath and MapPath. The provider gives the URL and the server's mapping,
/// and what the module sets with SetPhysicalPath is the mapping everyone then uses; a NULL
/// path fails with ERROR_INVALID_PARAMETER.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onmappath-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-setphysicalpath-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-geturl-method
#[test]
fn map_path_modules_change_where_urls_map() {
    let harness = Harness::from_config(fixture("map-path/iissim.toml")).unwrap();
    assert_eq!(
        harness.worker().plan(),
        "RQ_EXECUTE_REQUEST_HANDLER: MapReporter (MEDIUM)\nRQ_MAP_PATH: Mapper (MEDIUM)\n"
    );
    let page = harness.get("/docs/page.txt").send();
    assert_eq!((page.status, page.body.as_slice()), (200, b"from the archive\n".as_slice()));
    assert_eq!(page.header("X-Map-Url"), Some("/docs/page.txt"));
    assert_eq!(page.header("X-Map-Default"), Some("/docs/page.txt"));
    let trace = page.trace.render();
    assert!(trace.contains("Mapper") && trace.contains("RQ_MAP_PATH"), "{trace}");

    let report = harness.get("/report").send();
    assert_eq!(
        String::from_utf8(report.body).unwrap(),
        "PATH_TRANSLATED = /report\nGetPhysicalPath = /report\nMapPath(/docs/a.txt) = /archive/a.txt\n"
    );

    let null = harness.strict(false).get("/null/x").send();
    assert_eq!(null.header("X-Null-Hr"), Some("0x80070057"));
    assert_eq!(null.status, 404);
    let [d] = null.diagnostics.as_slice() else { panic!("{:?}", null.diagnostics) };
    assert_eq!(
        (d.method.as_ref(), d.module.as_deref()),
        ("IMapPathProvider::SetPhysicalPath(PCWSTR, DWORD)", Some("Mapper"))
    );
}

/// A child request executed without EXECUTE_FLAG_BUFFER_RESPONSE reaches the client over HTTP:
/// its status line and headers, then its body, then what the parent wrote after it.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-executerequest-method
#[test]
fn a_child_request_answers_over_http() {
    let server = Server::start(&fixture("child-request/iissim.toml"));
    let response = http_get(server.addr, "/parent?direct");
    let (head, body) = response.split_once("\r\n\r\n").expect("a complete response");
    assert!(head.starts_with("HTTP/1.1 201 Created\r\n"), "{head}");
    assert!(head.contains("\r\nx-child: yes\r\n") || head.contains("\r\nX-Child: yes\r\n"), "{head}");
    assert!(!head.to_ascii_lowercase().contains("x-parent"), "{head}");
    assert_eq!(
        body,
        "child: hello from a child of /parent?direct\n\
         parent: ExecuteRequest = 0x00000000, SetHeader after the child = 0x8007139f\n"
    );
}

/// GL_CONFIGURATION_CHANGE and GL_FILE_CHANGE from IHttpServer::NotifyConfigurationChange and
/// NotifyFileChange, at once and to the subscribed global module; GL_FILE_CHANGE with the
/// monitor for a file written in a directory watched with RegisterFileChangeMonitor, before the
/// next request; GL_THREAD_CLEANUP after each request.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-notifyconfigurationchange-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-notifyfilechange-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-registerfilechangemonitor-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalfilechangeprovider-getfilemonitor-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalthreadcleanup-method
#[test]
fn configuration_and_file_changes_reach_global_modules() {
    let harness = Harness::from_config(fixture("change-watcher/iissim.toml")).unwrap();
    let notify = harness.get("/notify").send();
    assert_eq!(
        String::from_utf8(notify.body).unwrap(),
        "GL_CONFIGURATION_CHANGE MACHINE/WEBROOT/APPHOST/Default Web Site\n\
         GL_FILE_CHANGE default.htm, monitor NULL\n\
         thread cleanups before this request: 0\n"
    );

    let dir = scratch("change-watcher");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("before.txt"), "there before the watch").unwrap();
    let watch = harness.get(&format!("/watch?{}", dir.display())).send();
    assert_eq!(String::from_utf8(watch.body).unwrap(), "watch = 0x00000000\n");
    let missing = harness.get("/watch-missing").send();
    // HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)
    assert_eq!(String::from_utf8(missing.body).unwrap(), "watch = 0x80070003, monitor NULL\n");

    std::fs::write(dir.join("page.htm"), "written while watched").unwrap();
    // Looking between requests (as `iissim serve` does) raises it at once; the next request
    // then has nothing new to report.
    assert!(harness.worker().watches_files());
    let between = harness.worker().watch_files().render();
    assert!(between.contains("GL_FILE_CHANGE -> ChangeWatcher"), "{between}");
    let log = harness.get("/log").send();
    assert!(!log.trace.render().contains("GL_FILE_CHANGE"), "{}", log.trace.render());
    assert_eq!(
        String::from_utf8(log.body).unwrap(),
        "GL_CONFIGURATION_CHANGE MACHINE/WEBROOT/APPHOST/Default Web Site\n\
         GL_FILE_CHANGE default.htm, monitor NULL\n\
         GL_FILE_CHANGE page.htm, monitor ours\n\
         thread cleanups before this request: 3\n"
    );

    assert_eq!(String::from_utf8(harness.get("/unwatch").send().body).unwrap(), "unwatched\n");
    std::fs::write(dir.join("after.htm"), "written after the monitor was released").unwrap();
    let last = harness.get("/log").send();
    assert!(!String::from_utf8(last.body).unwrap().contains("after.htm"));
}

/// GL_APPLICATION_PRELOAD after the application starts: a global module makes a context with
/// CreateContext and runs it through the pipeline with ExecuteRequest (once); IsProcessRecycled
/// is FALSE for the first worker.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider-createcontext-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider-executerequest-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider2-isprocessrecycled-method
#[test]
fn preload_requests_run_through_the_pipeline_at_start() {
    let harness = Harness::from_config(fixture("preload/iissim.toml")).unwrap().strict(false);
    let lifecycle = harness.worker().lifecycle_trace().render();
    let start = lifecycle.find("GL_APPLICATION_PRELOAD").expect("GL_APPLICATION_PRELOAD is raised");
    let warmup = lifecycle.find("preload request GET /warmup begins").expect("the preload request runs");
    assert!(start < warmup, "{lifecycle}");
    assert!(lifecycle.contains("preload request GET /warmup ends with 200"), "{lifecycle}");
    let report = harness.get("/report").send();
    assert_eq!(
        String::from_utf8(report.body).unwrap(),
        // A second run of the same context: ERROR_NOT_SUPPORTED; a context CreateContext did
        // not make: ERROR_INVALID_PARAMETER.
        "create 0x00000000, run 0x00000000, again 0x80070032, a context it did not make 0x80070057, recycled 0\n\
         warm-up requests: 1\n"
    );
    let problems: Vec<String> = harness.worker().load_diagnostics().iter().map(|d| d.message.clone()).collect();
    assert_eq!(problems, ["this context was already executed", "pHttpContext was not made by CreateContext"]);
}

/// GL_RSCA_QUERY: the module reads the function and its parameters and answers through the
/// provider's output buffer (GetOutputBuffer, ResizeOutputBuffer keeping what it wrote,
/// E_INVALIDARG when more would be copied than the new size, SetResult); a query no module
/// handles comes back unhandled and empty.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-interface
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-resizeoutputbuffer-method
#[test]
fn rsca_queries_reach_global_modules() {
    let harness = Harness::from_config(fixture("change-watcher/iissim.toml")).unwrap();
    let answer = harness.worker().rsca_query("Watcher_Status_V1", "verbose");
    assert!(answer.handled, "{}", answer.trace.render());
    assert_eq!(answer.hr, 0);
    assert_eq!(String::from_utf8(answer.output).unwrap(), "state=ok; params=verbose; too small=0x80070057");
    assert!(answer.trace.render().contains("GL_RSCA_QUERY"), "{}", answer.trace.render());
    let other = harness.worker().rsca_query("PMH_App_Domain_Enum_V1", "");
    assert!(!other.handled && other.output.is_empty());
}

/// IHttpServer::RecycleApplication asks for a recycle of the application named by its
/// configuration path (IHttpApplication::GetAppConfigPath): before the next request, the
/// application stops (GL_APPLICATION_STOP) and starts again (GL_APPLICATION_START); a path of no
/// application recycles nothing and says so.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-recycleapplication-method
#[test]
fn recycle_application_restarts_the_application_before_the_next_request() {
    let (harness, log) = global_counter_logging_to("global-recycle");
    assert_eq!(harness.get("/").send().header("X-App-Starts"), Some("1"));
    harness.get("/recycle").send();
    let after = harness.get("/").send();
    assert_eq!(after.header("X-App-Starts"), Some("2"));
    let trace = after.trace.render();
    let stop = trace.find("GL_APPLICATION_STOP").expect("the application stops");
    let start = trace.find("GL_APPLICATION_START").expect("and starts again");
    assert!(
        trace.contains("recycling the application MACHINE/WEBROOT/APPHOST/Default Web Site") && stop < start,
        "{trace}"
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "GL_APPLICATION_STOP /LM/W3SVC/1/ROOT\n");

    let harness = harness.strict(false);
    harness.get("/recycle-other").send();
    let next = harness.get("/").send();
    assert_eq!(next.header("X-App-Starts"), Some("2"), "nothing recycled");
    let [d] = next.diagnostics.as_slice() else { panic!("{:?}", next.diagnostics) };
    assert!(d.message.contains("no application at \"MACHINE/WEBROOT/APPHOST/No Such Site\""), "{}", d.message);
}

/// GL_APPLICATION_RESOLVE_MODULES: a global module adds request modules to the application
/// (IHttpApplicationResolveModulesProvider::RegisterModule), which run for every request after
/// the configured ones unless a priority (SetPriorityForRequestNotification) moves them; a
/// module whose precondition does not hold is left out, a name already in use is refused. The
/// configured module set a post-notification priority before subscribing (the plan shows it).
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmoduleregistrationinfo2-setpriorityforpostrequestnotification-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationresolvemodulesprovider-registermodule-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationresolvemodulesprovider-setpriorityforrequestnotification-method
#[test]
fn global_modules_add_request_modules_when_the_application_resolves_them() {
    let harness = Harness::from_config(fixture("resolve-modules/iissim.toml")).unwrap();
    assert_eq!(
        harness.worker().plan(),
        "GL_APPLICATION_RESOLVE_MODULES: ResolveModules (MEDIUM)\n\
         RQ_BEGIN_REQUEST: Added (HIGH), ResolveModules (MEDIUM)\nRQ_BEGIN_REQUEST (post): ResolveModules (LOW)\n\
         RQ_EXECUTE_REQUEST_HANDLER: ResolveModules (MEDIUM)\n"
    );
    let response = harness.get("/").send();
    assert_eq!(response.header("X-Order"), Some("Added, Base, post"));
    assert_eq!(
        response.header("X-Resolve"),
        // HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) for the second `Added`,
        // HRESULT_FROM_WIN32(ERROR_NOT_FOUND) for a module it never added.
        Some("added 0x00000000, skipped 0x00000000, twice 0x80070057, priority 0x00000000, unknown module 0x80070490, application set")
    );
    let problems: Vec<String> = harness.worker().load_diagnostics().iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        problems,
        [
            "`Skipped` left out: its precondition `classicMode` does not hold",
            "a module named `Added` is already registered"
        ]
    );
    assert!(harness.worker().lifecycle_trace().render().contains("module Added added to the application"));
}

/// A completion after the request ended: the notification stayed pending past
/// `[pipeline] pending_timeout_ms`, the request ended with 500, and the module's thread called
/// PostCompletion later. The context stays valid memory (no crash) and the late call is reported
/// on a later request, naming the request it belonged to.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-postcompletion-method
#[test]
fn a_completion_after_the_request_ended_is_reported() {
    let harness = Harness::from_config(fixture("async-io/iissim.toml")).unwrap().strict(false);
    let late = harness.get("/late").send();
    assert_eq!(late.status, 500);
    assert!(
        late.diagnostics.iter().any(|d| d.to_string().contains("no completion came within 1000 ms")),
        "{:?}",
        late.diagnostics
    );
    // The module's thread posts 2.5 s after the request started; ask until a request reports it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let reported = loop {
        let next = harness.get("/stale").send();
        let found: Vec<String> = next
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .filter(|d| d.contains("IHttpContext::PostCompletion(DWORD)"))
            .collect();
        if !found.is_empty() || std::time::Instant::now() > deadline {
            break found;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(
        reported,
        ["contract-violation: IHttpContext::PostCompletion(DWORD): \
          PostCompletion(5) came after the request GET /late ended; it is ignored"]
    );
}

/// While `iissim serve` runs, a change to its configuration file raises GL_CONFIGURATION_CHANGE
/// with the site's configuration path.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalconfigurationchange-method
#[test]
fn changing_the_configuration_file_while_serving_raises_configuration_change() {
    let dir = scratch("serve-config-change");
    let config = dir.join("iissim.toml");
    // A define of its own gives this test an image apart from the other change-watcher tests',
    // whose log (a module global) it would otherwise share.
    let text = format!(
        "[[modules]]\nname = \"ChangeWatcher\"\nsources = [{:?}]\ndefines = [\"SERVE_CONFIG_TEST\"]\n",
        fixture("change-watcher/module.cpp")
    );
    std::fs::write(&config, &text).unwrap();
    let server = Server::start(&config);
    let before = http_get(server.addr, "/log");
    assert!(!before.contains("GL_CONFIGURATION_CHANGE"), "{before}");

    std::fs::write(&config, format!("{text}# edited while serving\n")).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let log = loop {
        let log = http_get(server.addr, "/log");
        if log.contains("GL_CONFIGURATION_CHANGE") || std::time::Instant::now() > deadline {
            break log;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(log.matches("GL_CONFIGURATION_CHANGE MACHINE/WEBROOT/APPHOST/Default Web Site\n").count(), 1, "{log}");
}

/// While `iissim serve` runs with `[worker] idle_timeout_action = "suspend"`, an idle worker
/// gets GL_SUSPEND_PROCESS and the next request resumes it first (the module's callback gets
/// Resume); `ping_interval_s` raises GL_HEALTH_CHECK.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalhealthcheck-method
#[test]
fn an_idle_served_worker_suspends_and_pings_raise_health_checks() {
    let dir = scratch("serve-idle");
    let config = dir.join("iissim.toml");
    let text = format!(
        "[[modules]]\nname = \"GlobalCounter\"\nsources = [{:?}]\n\n\
         [worker]\nping_interval_s = 1\nidle_timeout_s = 1\nidle_timeout_action = \"suspend\"\n",
        fixture("global-counter/module.cpp")
    );
    std::fs::write(&config, &text).unwrap();
    let server = Server::start(&config);
    let header = |response: &str, name: &str| -> u32 {
        let line =
            response.lines().find(|l| l.starts_with(&format!("{name}: "))).unwrap_or_else(|| panic!("{response}"));
        line[name.len() + 2..].trim().parse().unwrap()
    };
    let first = http_get(server.addr, "/");
    assert_eq!(header(&first, "X-Suspends"), 0, "{first}");
    // Each wait is longer than the idle limit; a request in between starts the idle time anew.
    let mut response = first;
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        response = http_get(server.addr, "/");
        if header(&response, "X-Suspends") > 0 {
            break;
        }
    }
    assert!(header(&response, "X-Suspends") >= 1, "{response}");
    // The worker resumed before GL_PRE_BEGIN_REQUEST set the headers.
    assert_eq!(header(&response, "X-Resumes"), header(&response, "X-Suspends"), "{response}");
    assert!(header(&response, "X-Health-Checks") >= 1, "{response}");
}

/// The async-pending fixture served by a single serving thread, with a pending limit long
/// enough for its one-second waits; its configuration goes in the scratch folder `name`.
fn pending_fixture_on_one_thread(name: &str) -> Server {
    let config = scratch(name).join("iissim.toml");
    let text = format!(
        "[[modules]]\nname = \"Pending\"\nsources = [{:?}]\n\n[pipeline]\npending_timeout_ms = 20000\n",
        fixture("async-pending/module.cpp")
    );
    std::fs::write(&config, text).unwrap();
    Server::start_with_threads(&config, 1)
}

/// RQ_NOTIFICATION_PENDING suspends the request without holding its thread: with a single
/// serving thread, a request whose notification waits a second for PostCompletion from the
/// module's own thread does not hold up a second request, which is answered first.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-notification-status-enumeration
#[test]
fn a_pending_request_does_not_hold_its_serving_thread() {
    let server = pending_fixture_on_one_thread("pending-thread");
    let addr = server.addr;
    let slow = std::thread::spawn(move || {
        let response = http_get(addr, "/slow");
        (response, std::time::Instant::now())
    });
    // Let the slow request reach its pending notification first.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let fast = http_get(addr, "/indicate");
    let fast_done = std::time::Instant::now();
    let (slow, slow_done) = slow.join().unwrap();
    assert!(fast.ends_with("indicated before returning\n"), "{fast}");
    assert!(slow.ends_with("completed notification=0x1 post=0 bytes=1000 status=0x00000000 operation=0\n"), "{slow}");
    assert!(fast_done < slow_done, "the second request waited for the pending one");
}

/// A request that waits takes its impersonation with it: with one serving thread, a request
/// that impersonates its user and then goes pending for a second leaves the thread to a second
/// request that does not run as that user, and impersonates again once it resumes.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getimpersonationtoken-method
#[test]
fn a_waiting_request_takes_its_impersonation_with_it() {
    let server = pending_fixture_on_one_thread("pending-impersonation");
    let addr = server.addr;
    let slow = std::thread::spawn(move || http_get(addr, "/impersonate-slow"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    let other = http_get(addr, "/whoami");
    let slow = slow.join().unwrap();
    assert!(other.ends_with("impersonating: no\n"), "{other}");
    assert!(
        slow.ends_with(
            "impersonating before the wait\nimpersonating after the wait\n\
             completed notification=0x4 post=0 bytes=1000 status=0x00000000 operation=0\n"
        ),
        "{slow}"
    );
}
