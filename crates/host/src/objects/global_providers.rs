//! The providers of global notifications: `IHttpApplicationProvider` (application start and
//! stop), `IPreBeginRequestProvider`, `IGlobalStopListeningProvider`,
//! `IGlobalConfigurationChangeProvider`, `IGlobalFileChangeProvider`,
//! `IGlobalThreadCleanupProvider`, `IGlobalTraceEventProvider`,
//! `IGlobalApplicationPreloadProvider2`, `IGlobalRSCAQueryProvider`,
//! `IHttpApplicationResolveModulesProvider`.
//!
//! Real: GetApplication, GetHttpContext, DrainRequestsGracefully, GetChangePath, GetFileName,
//! GetFileMonitor, CreateContext and ExecuteRequest (preload requests through the whole
//! pipeline), IsProcessRecycled, RegisterModule and SetPriorityForRequestNotification
//! (modules an application adds at GL_APPLICATION_RESOLVE_MODULES), the RSCA query's function, parameters, output buffer and
//! result, GetTraceEvent, CheckSubscription, GetCurrentHttpRequestContext,
//! SetErrorStatus (recorded).

use super::generated::thunks::{
    GlobalApplicationPreloadProvider as GlobalApplicationPreloadProviderApi,
    GlobalApplicationPreloadProvider2 as GlobalApplicationPreloadProvider2Api,
    GlobalConfigurationChangeProvider as GlobalConfigurationChangeProviderApi,
    GlobalFileChangeProvider as GlobalFileChangeProviderApi, GlobalRSCAQueryProvider as GlobalRscaQueryProviderApi,
    GlobalStopListeningProvider as GlobalStopListeningProviderApi,
    GlobalThreadCleanupProvider as GlobalThreadCleanupProviderApi,
    GlobalTraceEventProvider as GlobalTraceEventProviderApi, HttpApplicationProvider as HttpApplicationProviderApi,
    HttpApplicationResolveModulesProvider as HttpApplicationResolveModulesProviderApi, HttpEventProvider,
    PreBeginRequestProvider as PreBeginRequestProviderApi,
};
use crate::diagnostics::DiagnosticKind;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

/// Records `SetErrorStatus` from a global notification: there is no response to carry it.
fn global_error_status(method: &str, error: HRESULT) {
    scope::diagnose(
        DiagnosticKind::Note,
        method,
        format!("SetErrorStatus({}) in a global notification", crate::error::describe_hresult(error)),
    );
}

/// GL_APPLICATION_START and GL_APPLICATION_STOP.
pub struct HttpApplicationProvider {
    /// The worker's application object (`IHttpApplication*`), which outlives the provider.
    application: usize,
}

impl HttpApplicationProvider {
    pub fn new(application: *mut IHttpApplication) -> Self {
        HttpApplicationProvider { application: application as usize }
    }
}

impl HttpEventProvider for HttpApplicationProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl HttpApplicationProviderApi for HttpApplicationProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationprovider-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.application as *mut IHttpApplication
    }
}

/// GL_PRE_BEGIN_REQUEST.
pub struct PreBeginRequestProvider {
    state: Rc<RequestState>,
}

impl PreBeginRequestProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        PreBeginRequestProvider { state }
    }
}

impl HttpEventProvider for PreBeginRequestProvider {
    fn set_error_status(&self, error: HRESULT) {
        self.state.response.borrow_mut().error = error;
    }
}

impl PreBeginRequestProviderApi for PreBeginRequestProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iprebeginrequestprovider-gethttpcontext-method
    fn get_http_context(&self) -> *mut IHttpContext {
        self.state.objects.get().context
    }
}

/// GL_STOP_LISTENING.
pub struct GlobalStopListeningProvider;

impl HttpEventProvider for GlobalStopListeningProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalStopListeningProviderApi for GlobalStopListeningProvider {
    /// iissim always stops gracefully: requests in flight finish.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalstoplisteningprovider-drainrequestsgracefully-method
    fn drain_requests_gracefully(&self) -> BOOL {
        TRUE
    }
}

/// GL_CONFIGURATION_CHANGE: the configuration path that changed.
pub struct ConfigurationChangeProvider {
    path: Vec<WCHAR>,
}

impl ConfigurationChangeProvider {
    pub fn new(path: &str) -> Self {
        ConfigurationChangeProvider { path: crate::wide::to_wide(path) }
    }
}

impl HttpEventProvider for ConfigurationChangeProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalConfigurationChangeProviderApi for ConfigurationChangeProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalconfigurationchangeprovider-getchangepath-method
    fn get_change_path(&self) -> PCWSTR {
        self.path.as_ptr()
    }
}

/// GL_FILE_CHANGE: the file that changed, and the monitor that saw it (NULL for
/// IHttpServer::NotifyFileChange).
pub struct FileChangeProvider {
    file: Vec<WCHAR>,
    /// The `IHttpFileMonitor*`, which lives until the worker stops.
    monitor: usize,
}

impl FileChangeProvider {
    pub fn new(file: &str, monitor: *mut IHttpFileMonitor) -> Self {
        FileChangeProvider { file: crate::wide::to_wide(file), monitor: monitor as usize }
    }
}

impl HttpEventProvider for FileChangeProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalFileChangeProviderApi for FileChangeProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalfilechangeprovider-getfilename-method
    fn get_file_name(&self) -> PCWSTR {
        self.file.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalfilechangeprovider-getfilemonitor-method
    fn get_file_monitor(&self) -> *mut IHttpFileMonitor {
        self.monitor as *mut IHttpFileMonitor
    }
}

/// GL_THREAD_CLEANUP: the application whose request the thread served.
pub struct ThreadCleanupProvider {
    /// The worker's application object, which outlives the provider.
    application: usize,
}

impl ThreadCleanupProvider {
    pub fn new(application: *mut IHttpApplication) -> Self {
        ThreadCleanupProvider { application: application as usize }
    }
}

impl HttpEventProvider for ThreadCleanupProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalThreadCleanupProviderApi for ThreadCleanupProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalthreadcleanupprovider-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.application as *mut IHttpApplication
    }
}

/// GL_TRACE_EVENT: the event a module raised, and whether a listener's trace configuration
/// asks for it.
pub struct TraceEventProvider {
    /// The module's `HTTP_TRACE_EVENT*`, valid while RaiseTraceEvent runs (which is while this
    /// provider lives).
    event: usize,
    key: super::trace_context::EventKey,
    hub: std::sync::Arc<super::trace_context::TraceHub>,
    /// The request's `IHttpContext*`, NULL for an event raised on the worker's trace context.
    context: usize,
}

impl TraceEventProvider {
    pub fn new(
        event: *mut iissim_abi::httptrace::HTTP_TRACE_EVENT,
        key: super::trace_context::EventKey,
        hub: std::sync::Arc<super::trace_context::TraceHub>,
        context: *mut IHttpContext,
    ) -> Self {
        TraceEventProvider { event: event as usize, key, hub, context: context as usize }
    }
}

impl HttpEventProvider for TraceEventProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalTraceEventProviderApi for TraceEventProvider {
    /// The event as the raising module passed it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobaltraceeventprovider-gettraceevent-method
    fn get_trace_event(&self, out: crate::ffi::args::Out<'_, *mut iissim_abi::httptrace::HTTP_TRACE_EVENT>) -> HRESULT {
        if !out.set(self.event as *mut iissim_abi::httptrace::HTTP_TRACE_EVENT) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IGlobalTraceEventProvider::GetTraceEvent(HTTP_TRACE_EVENT**)",
                "ppTraceEvent is NULL",
            );
            return E_INVALIDARG;
        }
        S_OK
    }

    /// Whether the module's SetTraceConfiguration asks for this event's provider, area and
    /// verbosity.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobaltraceeventprovider-checksubscription-method
    fn check_subscription(&self, module: HTTP_MODULE_ID) -> BOOL {
        BOOL::from(self.hub.subscribed(module as usize, &self.key))
    }

    /// The request the event was raised in; an event raised on the worker's trace context has
    /// none: ERROR_NOT_SUPPORTED, and `*ppHttpContext` is left alone.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobaltraceeventprovider-getcurrenthttprequestcontext-method
    fn get_current_http_request_context(&self, out: crate::ffi::args::Out<'_, *mut IHttpContext>) -> HRESULT {
        if self.context == 0 {
            return from_win32(ERROR_NOT_SUPPORTED);
        }
        out.set(self.context as *mut IHttpContext);
        S_OK
    }
}

/// GL_APPLICATION_PRELOAD: a module warms the application up with requests of its own.
pub struct ApplicationPreloadProvider {
    worker: std::sync::Weak<crate::worker::Worker>,
    sink: Rc<crate::scope::Sink>,
    /// The contexts CreateContext made, and whether each ran; they end with the provider.
    contexts: std::cell::RefCell<Vec<(Rc<crate::pipeline::Prepared>, std::cell::Cell<bool>)>>,
}

impl ApplicationPreloadProvider {
    pub fn new(worker: std::sync::Weak<crate::worker::Worker>, sink: Rc<crate::scope::Sink>) -> Self {
        ApplicationPreloadProvider { worker, sink, contexts: Default::default() }
    }
}

impl HttpEventProvider for ApplicationPreloadProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalApplicationPreloadProviderApi for ApplicationPreloadProvider {
    /// A new request context (`GET /` of the application) for ExecuteRequest.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider-createcontext-method
    fn create_context(&self, out: crate::ffi::args::Out<'_, *mut IHttpContext>) -> HRESULT {
        if out.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IGlobalApplicationPreloadProvider::CreateContext(IHttpContext**)",
                "ppHttpContext is NULL",
            );
            return E_INVALIDARG;
        }
        let Some(worker) = self.worker.upgrade() else { return from_win32(ERROR_INVALID_STATE) };
        let request = crate::exchange::Request::new("GET", "/");
        let prepared = Rc::new(crate::pipeline::prepare(&worker, self.sink.clone(), request));
        out.set(prepared.objects().context.as_ptr());
        self.contexts.borrow_mut().push((prepared, std::cell::Cell::new(false)));
        S_OK
    }

    /// Runs a context from CreateContext through the pipeline, once; a user skips
    /// authentication. The response goes nowhere: a preload request warms the application up.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider-executerequest-method
    fn execute_request(&self, context: *mut IHttpContext, user: *mut IHttpUser) -> HRESULT {
        const METHOD: &str = "IGlobalApplicationPreloadProvider::ExecuteRequest(IHttpContext*, IHttpUser*)";
        let found = self
            .contexts
            .borrow()
            .iter()
            .find(|(p, _)| p.objects().context.as_ptr::<IHttpContext>() == context)
            .map(|(p, ran)| (p.clone(), ran.replace(true)));
        let Some((prepared, already)) = found else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pHttpContext was not made by CreateContext");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        if already {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "this context was already executed");
            return from_win32(ERROR_NOT_SUPPORTED);
        }
        let Some(worker) = self.worker.upgrade() else { return from_win32(ERROR_INVALID_STATE) };
        crate::child::give_user(&prepared.state, user);
        let request = crate::child::describe(&prepared.state);
        self.sink.record(crate::trace::TraceEvent::Host { what: format!("preload request {request} begins") });
        crate::pipeline::execute(&worker, &prepared, false);
        let status = prepared.state.response.borrow().status;
        self.sink
            .record(crate::trace::TraceEvent::Host { what: format!("preload request {request} ends with {status}") });
        S_OK
    }
}

impl GlobalApplicationPreloadProvider2Api for ApplicationPreloadProvider {
    /// FALSE: iissim starts its worker once and never recycles it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalapplicationpreloadprovider2-isprocessrecycled-method
    fn is_process_recycled(&self) -> BOOL {
        FALSE
    }
}

/// GL_RSCA_QUERY: a run-time status query (`Worker::rsca_query`), and the answer a module
/// writes into the output buffer it gets from the provider.
pub struct RscaQueryProvider {
    function: Vec<WCHAR>,
    parameters: Vec<WCHAR>,
    /// The output buffer the module writes through the pointer it was given; a boxed slice, so
    /// the pointer stays valid until the next GetOutputBuffer or ResizeOutputBuffer.
    buffer: std::cell::RefCell<Box<[u8]>>,
    /// SetResult's byte count and HRESULT.
    result: std::cell::Cell<Option<(DWORD, HRESULT)>>,
}

impl RscaQueryProvider {
    pub fn new(function: &str, parameters: &str) -> Self {
        RscaQueryProvider {
            function: crate::wide::to_wide(function),
            parameters: crate::wide::to_wide(parameters),
            buffer: Default::default(),
            result: Default::default(),
        }
    }

    /// What the module answered: SetResult's HRESULT (S_OK when it never called it) and the
    /// first `cbData` bytes of the buffer (all of it when it never called SetResult).
    pub fn answer(&self) -> (HRESULT, Vec<u8>) {
        let buffer = self.buffer.borrow();
        match self.result.get() {
            Some((len, hr)) => (hr, buffer[..(len as usize).min(buffer.len())].to_vec()),
            None => (S_OK, buffer.to_vec()),
        }
    }

    /// Replaces the buffer with `len` zeroed bytes, the first of which are `keep`; its address.
    fn new_buffer(&self, len: usize, keep: &[u8]) -> *mut BYTE {
        let mut fresh = vec![0u8; len].into_boxed_slice();
        fresh[..keep.len()].copy_from_slice(keep);
        let mut buffer = self.buffer.borrow_mut();
        *buffer = fresh;
        buffer.as_mut_ptr()
    }
}

impl HttpEventProvider for RscaQueryProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalRscaQueryProviderApi for RscaQueryProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-getfunctionname-method
    fn get_function_name(&self) -> PCWSTR {
        self.function.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-getfunctionparameters-method
    fn get_function_parameters(&self) -> PCWSTR {
        self.parameters.as_ptr()
    }

    /// A new zeroed buffer of `cbBuffer` bytes, which the provider owns.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-getoutputbuffer-method
    fn get_output_buffer(&self, len: DWORD, out: crate::ffi::args::Out<'_, *mut BYTE>) -> HRESULT {
        if out.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IGlobalRSCAQueryProvider::GetOutputBuffer(DWORD, BYTE**)",
                "ppbBuffer is NULL",
            );
            return E_INVALIDARG;
        }
        out.set(self.new_buffer(len as usize, &[]));
        S_OK
    }

    /// A new buffer of `cbNewBuffer` bytes holding the first `cbBytesToCopy` bytes of
    /// `*ppbBuffer`; E_INVALIDARG when more would be copied than fit.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-resizeoutputbuffer-method
    fn resize_output_buffer(&self, len: DWORD, copy: DWORD, buffer: crate::ffi::args::Out<'_, *mut BYTE>) -> HRESULT {
        const METHOD: &str = "IGlobalRSCAQueryProvider::ResizeOutputBuffer(DWORD, DWORD, BYTE**)";
        if copy > len {
            return E_INVALIDARG;
        }
        let Some(old) = buffer.get() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppbBuffer is NULL");
            return E_INVALIDARG;
        };
        let keep = if copy == 0 {
            Vec::new()
        } else {
            match crate::ffi::module_call::read_module_bytes(old.cast_const().cast(), copy as usize) {
                Some(bytes) => bytes,
                None => {
                    scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "*ppbBuffer is NULL with bytes to copy");
                    return E_INVALIDARG;
                }
            }
        };
        buffer.set(self.new_buffer(len as usize, &keep));
        S_OK
    }

    /// How many bytes of the buffer are the answer, and its HRESULT.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalrscaqueryprovider-setresult-method
    fn set_result(&self, len: DWORD, hr: HRESULT) {
        self.result.set(Some((len, hr)));
    }
}

/// A request module a global module added in GL_APPLICATION_RESOLVE_MODULES.
pub struct ResolvedModule {
    pub name: String,
    pub factory: usize,
    pub request_mask: DWORD,
    pub post_mask: DWORD,
    pub priorities: Vec<(DWORD, super::registration::Priority)>,
}

/// GL_APPLICATION_RESOLVE_MODULES: the application, and the modules global modules add to it.
pub struct ResolveModulesProvider {
    /// The worker's application object (`IHttpApplication*`), which outlives the provider.
    application: usize,
    /// The names already taken (the configured modules').
    taken: Vec<String>,
    /// The app pool, for the modules' preconditions (as IHttpServer::SatisfiesPrecondition).
    pool: String,
    pub resolved: std::cell::RefCell<Vec<ResolvedModule>>,
}

impl ResolveModulesProvider {
    pub fn new(application: *mut IHttpApplication, taken: Vec<String>, pool: &str) -> Self {
        ResolveModulesProvider {
            application: application as usize,
            taken,
            pool: pool.to_string(),
            resolved: Default::default(),
        }
    }
}

impl HttpEventProvider for ResolveModulesProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl HttpApplicationProviderApi for ResolveModulesProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationprovider-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.application as *mut IHttpApplication
    }
}

impl HttpApplicationResolveModulesProviderApi for ResolveModulesProvider {
    /// Adds a request module to the application, after the configured ones: its factory makes
    /// an instance per request for the notifications given. A module whose precondition does
    /// not hold is left out (S_OK, with a note), as IIS leaves out such configured modules; a
    /// NULL factory or name, a name already in use, or no notification is
    /// `HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationresolvemodulesprovider-registermodule-method
    fn register_module(
        &self,
        parent: HTTP_MODULE_ID,
        factory: *mut IHttpModuleFactory,
        name: crate::ffi::args::WStrArg<'_>,
        _kind: crate::ffi::args::WStrArg<'_>,
        precondition: crate::ffi::args::WStrArg<'_>,
        request: DWORD,
        post: DWORD,
    ) -> HRESULT {
        const METHOD: &str = "IHttpApplicationResolveModulesProvider::RegisterModule(HTTP_MODULE_ID, IHttpModuleFactory*, PCWSTR, PCWSTR, PCWSTR, DWORD, DWORD)";
        let name = name.to_string_lossy().filter(|n| !n.is_empty());
        let why = if parent.is_null() {
            Some("parentModuleId is NULL".to_string())
        } else if factory.is_null() {
            Some("pModuleFactory is NULL".to_string())
        } else if request == 0 && post == 0 {
            Some("no request notification".to_string())
        } else {
            match &name {
                None => Some("pszModuleName is NULL or empty".to_string()),
                Some(n)
                    if self.taken.iter().any(|t| t.eq_ignore_ascii_case(n))
                        || self.resolved.borrow().iter().any(|r| r.name.eq_ignore_ascii_case(n)) =>
                {
                    Some(format!("a module named `{n}` is already registered"))
                }
                Some(_) => None,
            }
        };
        if let Some(why) = why {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, why);
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        let name = name.unwrap_or_default();
        let condition = precondition.to_string_lossy().unwrap_or_default();
        if !condition.trim().is_empty() && !super::server::preconditions_hold(&self.pool, &condition) {
            scope::diagnose(
                DiagnosticKind::Note,
                METHOD,
                format!("`{name}` left out: its precondition `{condition}` does not hold"),
            );
            return S_OK;
        }
        self.resolved.borrow_mut().push(ResolvedModule {
            name,
            factory: factory as usize,
            request_mask: request,
            post_mask: post,
            priorities: Vec::new(),
        });
        S_OK
    }

    /// The priority of a module added with RegisterModule for a request notification;
    /// another module's name is `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationresolvemodulesprovider-setpriorityforrequestnotification-method
    fn set_priority_for_request_notification(
        &self,
        name: crate::ffi::args::WStrArg<'_>,
        notification: DWORD,
        alias: crate::ffi::args::WStrArg<'_>,
    ) -> HRESULT {
        const METHOD: &str =
            "IHttpApplicationResolveModulesProvider::SetPriorityForRequestNotification(PCWSTR, DWORD, PCWSTR)";
        let priority = match super::registration::Registration::priority(METHOD, alias) {
            Ok(p) => p,
            Err(hr) => return hr,
        };
        let name = name.to_string_lossy().unwrap_or_default();
        let mut resolved = self.resolved.borrow_mut();
        let Some(module) = resolved.iter_mut().find(|r| r.name.eq_ignore_ascii_case(&name)) else {
            return from_win32(ERROR_NOT_FOUND);
        };
        module.priorities.push((notification, priority));
        S_OK
    }
}
