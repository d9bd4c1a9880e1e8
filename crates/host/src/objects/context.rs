//! `IHttpContext` … `IHttpContext4`: the request's context, and the objects it hands out.
//!
//! Real: GetSite, GetApplication, GetConnection, GetRequest, GetResponse, GetUser,
//! GetResponseHeadersSent, GetModuleContextContainer, GetExecuteFlags, GetServerVariable (both
//! overloads), SetServerVariable, AllocateRequestMemory, GetUrlInfo, GetMetadata,
//! GetPhysicalPath, GetScriptName, GetScriptTranslated, GetScriptMap, SetRequestHandled,
//! GetFileInfo, MapPath, GetParentContext, GetRootContext, GetTraceContext,
//! GetNamedContextContainer, GetRequestStartTime, GetRequestElapsedTime, CloneContext,
//! ExecuteRequest and ReleaseClonedContext (child requests, `crate::child`). Partial:
//! GetCurrentExecutionStats. Every other method is diagnosed.
//!
//! The request's containers (module, named, URL, metadata, file) clean their stored contexts
//! up when the request ends, then the connection closes ([`Context::end_request`]).

use super::connection::Connection;
use super::containers::{ModuleContainer, NamedContainer};
use super::file_info::FileInfo;
use super::generated::thunks::*;
use super::metadata::Metadata;
use super::script_map::ScriptMap;
use super::trace_context::TraceContext;
use super::url_info::UrlInfo;
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, WStrArg};
use crate::ffi::module_call;
use crate::state::RequestState;
use crate::{scope, server_variables};
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// The worker-wide objects a context hands out (they outlive every request).
#[derive(Clone, Copy)]
pub struct WorkerPointers {
    pub site: *mut IHttpSite,
    pub application: *mut IHttpApplication,
}

pub struct Context {
    state: Rc<RequestState>,
    worker: WorkerPointers,
    /// Variables set with SetServerVariable, by upper-case name, in the order first set.
    variables: RefCell<Vec<(String, String)>>,
    /// How many times SetServerVariable changed them (GetServerVarChanges' change number).
    variable_changes: std::cell::Cell<DWORD>,
    container: ComObj<ModuleContainer>,
    named: ComObj<NamedContainer>,
    connection: ComObj<Connection>,
    url_info: ComObj<UrlInfo>,
    metadata: ComObj<Metadata>,
    script_map: ComObj<ScriptMap>,
    trace: ComObj<TraceContext>,
    /// Read on the first GetFileInfo: `None` inside when there is no such file.
    file_info: OnceCell<Option<ComObj<FileInfo>>>,
    /// The clones made with CloneContext; freed when this request ends.
    children: RefCell<Vec<Rc<crate::child::Child>>>,
}

impl Context {
    pub fn new(state: Rc<RequestState>, worker: WorkerPointers) -> Self {
        Context {
            worker,
            variables: RefCell::new(Vec::new()),
            variable_changes: std::cell::Cell::new(0),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
            named: ComObj::new(named_context_container_vtable::<NamedContainer>(), NamedContainer::default()),
            connection: ComObj::new(http_connection_vtable::<Connection>(), Connection::new(state.clone())),
            url_info: ComObj::new(http_url_info_vtable::<UrlInfo>(), UrlInfo::default()),
            metadata: ComObj::new(metadata_info_vtable::<Metadata>(), Metadata::new(state.clone())),
            script_map: ComObj::new(script_map_info_vtable::<ScriptMap>(), ScriptMap::static_file()),
            trace: ComObj::new(
                http_trace_context_vtable::<TraceContext>(),
                TraceContext::new(state.worker.upgrade().map(|w| w.trace_hub())),
            ),
            children: RefCell::new(Vec::new()),
            file_info: OnceCell::new(),
            state,
        }
    }

    /// The request ended (after every module's `Dispose`): the request's stored contexts get
    /// `CleanupStoredContext`, then the connection closes (`NotifyDisconnect`, then
    /// `CleanupStoredContext` on the connection's contexts).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpstoredcontext-cleanupstoredcontext-method
    pub fn end_request(&self) {
        self.end_children();
        self.container.inner().end();
        self.named.inner().end();
        self.url_info.inner().container.inner().end();
        self.metadata.inner().container.inner().end();
        if let Some(Some(file)) = self.file_info.get() {
            file.inner().end();
        }
        self.connection.inner().close();
    }

    /// The clones of this request end with it: one executed and never released is reported.
    fn end_children(&self) {
        let children = self.children.borrow();
        let leaked = children.iter().filter(|c| !c.state().released.get()).count();
        if leaked > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpContext::CloneContext(DWORD, IHttpContext**)",
                format!("{leaked} cloned context(s) were never released with ReleaseClonedContext"),
            );
        }
    }

    /// The server variables set on this context, for a clone made with CLONE_FLAG_SERVER_VARIABLE.
    pub fn set_variables(&self) -> Vec<(String, String)> {
        self.variables.borrow().clone()
    }

    /// Looks a server variable up (set ones first), or reports the documented error.
    fn server_variable(&self, method: &str, name: CStrArg<'_>) -> Result<String, HRESULT> {
        let Some(name) = name.to_str() else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pszVariableName is NULL");
            return Err(E_INVALIDARG);
        };
        let upper = name.to_ascii_uppercase();
        if let Some((_, value)) = self.variables.borrow().iter().find(|(n, _)| *n == upper) {
            return Ok(value.clone());
        }
        server_variables::lookup(&self.state, &name).ok_or(from_win32(ERROR_INVALID_INDEX))
    }

    /// `text` as a wide string in the request's memory, its length in `len`.
    fn request_wstr(&self, text: &str, len: &Out<'_, DWORD>) -> PCWSTR {
        let (wide, units) = self.state.arena.alloc_wstr(text);
        len.set(units as DWORD);
        wide
    }
}

impl HttpContext for Context {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getsite-method
    fn get_site(&self) -> *mut IHttpSite {
        self.worker.site
    }

    /// The worker's one application (the site's root).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.worker.application
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getconnection-method
    fn get_connection(&self) -> *mut IHttpConnection {
        self.connection.as_ptr()
    }

    fn get_request(&self) -> *mut IHttpRequest {
        self.state.objects.get().request
    }

    fn get_response(&self) -> *mut IHttpResponse {
        self.state.objects.get().response
    }

    /// NULL until authentication has set a user, as in IIS.
    fn get_user(&self) -> *mut IHttpUser {
        self.state.user.get()
    }

    /// Whether the response's headers went out (a module flushed).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getresponseheaderssent-method
    fn get_response_headers_sent(&self) -> BOOL {
        BOOL::from(self.state.response_headers_sent())
    }

    /// Completes the pending notification with `status` (the module's OnAsyncCompletion is not
    /// called). May come from any thread; only the completion slot is touched.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-indicatecompletion-method
    fn indicate_completion(&self, status: REQUEST_NOTIFICATION_STATUS) {
        self.state.completion.complete(
            crate::completion::Completed::Indicated(status),
            "IHttpContext::IndicateCompletion(REQUEST_NOTIFICATION_STATUS)",
        );
    }

    /// Completes the pending notification: the module's OnAsyncCompletion runs with `cbBytes`
    /// on the request's thread. May come from any thread.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-postcompletion-method
    fn post_completion(&self, bytes: DWORD) -> HRESULT {
        if self
            .state
            .completion
            .complete(crate::completion::Completed::Posted(bytes), "IHttpContext::PostCompletion(DWORD)")
        {
            S_OK
        } else {
            from_win32(ERROR_INVALID_STATE)
        }
    }

    /// Raises RQ_CUSTOM_NOTIFICATION with the module's provider: every module subscribed to it
    /// gets `OnCustomRequestNotification`, in order, now, on this thread; one that returns
    /// RQ_NOTIFICATION_FINISH_REQUEST stops the rest. Completes synchronously.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-notifycustomnotification-method
    fn notify_custom_notification(
        &self,
        provider: *mut ICustomNotificationProvider,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpContext::NotifyCustomNotification(ICustomNotificationProvider*, BOOL*)";
        if provider.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pCustomOutput is NULL");
            return E_INVALIDARG;
        }
        completion_expected.set(FALSE);
        let kind = module_call::custom_notification_type(provider);
        let sink = &self.state.sink;
        if sink.records_events() {
            sink.record(crate::trace::TraceEvent::Host { what: format!("custom notification `{kind}`") });
        }
        let targets = self.state.custom_targets.borrow().clone();
        crate::nested::raise(&self.state, &targets, &crate::notifications::CUSTOM, provider.cast());
        S_OK
    }

    /// Turns the calling module's notifications off for the rest of the request.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-disablenotifications-method
    fn disable_notifications(&self, notifications: DWORD, post_notifications: DWORD) {
        let (Some(module), _) = scope::current() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpContext::DisableNotifications(DWORD, DWORD)",
                "called outside a notification: there is no module to disable notifications for",
            );
            return;
        };
        let mut disabled = self.state.disabled.borrow_mut();
        match disabled.iter_mut().find(|(m, ..)| **m == *module) {
            Some((_, request, post)) => {
                *request |= notifications;
                *post |= post_notifications;
            }
            None => disabled.push((std::sync::Arc::from(module.as_str()), notifications, post_notifications)),
        }
    }

    /// FALSE while a notification the calling module subscribed to and did not disable is still
    /// ahead of it, among those a request ending with `status` runs (RQ_SEND_RESPONSE
    /// included; notifications raised on demand, custom, map path and read entity, are not).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getislastnotification-method
    fn get_is_last_notification(&self, status: REQUEST_NOTIFICATION_STATUS) -> BOOL {
        let (Some(module), current) = scope::current() else { return TRUE };
        BOOL::from(!crate::pipeline::has_later_notification(&self.state, &module, current, status))
    }

    /// Merges the next notification into the calling handler when no other handler runs in
    /// between (see `pipeline::next_notification`): TRUE with its bit, post flag, handler
    /// module and provider, and the pipeline goes on after it once this handler returns;
    /// FALSE (with the reason on the trace) otherwise.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getnextnotification-method
    fn get_next_notification(
        &self,
        status: REQUEST_NOTIFICATION_STATUS,
        notification: Out<'_, DWORD>,
        is_post: Out<'_, BOOL>,
        module_info: Out<'_, *mut CHttpModule>,
        request_output: Out<'_, *mut IHttpEventProvider>,
    ) -> BOOL {
        let (Some(module), Some(current)) = scope::current() else {
            scope::record(crate::trace::TraceEvent::Host {
                what: "GetNextNotification outside a request notification: FALSE".into(),
            });
            return FALSE;
        };
        match crate::pipeline::next_notification(&self.state, &module, current, status) {
            Ok((index, post, object)) => {
                let next = &crate::notifications::PIPELINE[index];
                let provider = self.state.objects.get().provider_for(next.bit, post);
                notification.set(next.bit);
                is_post.set(BOOL::from(post));
                module_info.set(object as *mut CHttpModule);
                request_output.set(provider);
                self.state.position.set((index, post));
                self.state.merged_through.set(Some((index, post)));
                scope::record(crate::trace::TraceEvent::Host {
                    what: format!(
                        "{module} takes over {} (GetNextNotification)",
                        if post { next.post_name } else { next.name }
                    ),
                });
                TRUE
            }
            Err(why) => {
                scope::record(crate::trace::TraceEvent::Host { what: format!("GetNextNotification: FALSE, {why}") });
                FALSE
            }
        }
    }

    /// The request's container; its stored contexts get `CleanupStoredContext` when the
    /// request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }

    /// The `dwExecuteFlags` a child request was executed with; 0 for a request from the client.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getexecuteflags-method
    fn get_execute_flags(&self) -> DWORD {
        self.state.execute_flags.get()
    }

    /// A clone of this request, to change (SetUrl, SetHeader, ...) and run with ExecuteRequest.
    /// Flags: CLONE_FLAG_BASICS (method, URL, query string), CLONE_FLAG_HEADERS,
    /// CLONE_FLAG_ENTITY, CLONE_FLAG_NO_PRECONDITION, CLONE_FLAG_NO_DAV,
    /// CLONE_FLAG_SERVER_VARIABLE (the variables set with SetServerVariable).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-clonecontext-method
    fn clone_context(&self, flags: DWORD, out: Out<'_, *mut IHttpContext>) -> HRESULT {
        const METHOD: &str = "IHttpContext::CloneContext(DWORD, IHttpContext**)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppHttpContext is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        out.set(core::ptr::null_mut());
        let known = CLONE_FLAG_BASICS
            | CLONE_FLAG_HEADERS
            | CLONE_FLAG_ENTITY
            | CLONE_FLAG_NO_PRECONDITION
            | CLONE_FLAG_NO_DAV
            | CLONE_FLAG_USER_CACHE_VARY_BY
            | CLONE_FLAG_SERVER_VARIABLE;
        if flags & !known != 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                format!("unknown clone flags 0x{:x}", flags & !known),
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        let Some(worker) = self.state.worker.upgrade() else {
            return from_win32(ERROR_INVALID_STATE);
        };
        let this = ComObj::interface_of::<IHttpContext>(self);
        let root = if self.state.root.get().is_null() { this } else { self.state.root.get() };
        let child = crate::child::Child::new(&worker, &self.state, this, root, flags);
        if flags & CLONE_FLAG_SERVER_VARIABLE != 0 {
            *child.prepared.objects().context.inner().variables.borrow_mut() = self.set_variables();
        }
        out.set(child.context());
        self.children.borrow_mut().push(child);
        S_OK
    }

    /// Runs a clone of this request through the pipeline. It completes before the call returns
    /// (`*pfCompletionExpected` is FALSE). ERROR_NOT_SUPPORTED for `fAsync` FALSE, a context that
    /// is not a clone of this one, or one already executed; ERROR_STACK_OVERFLOW past 10 nested
    /// children. A user skips the child's authentication.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-executerequest-method
    fn execute_request(
        &self,
        is_async: BOOL,
        context: *mut IHttpContext,
        flags: DWORD,
        user: *mut IHttpUser,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpContext::ExecuteRequest(BOOL, IHttpContext*, DWORD, IHttpUser*, BOOL*)";
        completion_expected.set(FALSE);
        if is_async == FALSE {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                "fAsync is FALSE; child requests run only asynchronously",
            );
            return from_win32(ERROR_NOT_SUPPORTED);
        }
        let child = self.children.borrow().iter().find(|c| c.context() == context).cloned();
        let Some(child) = child else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                "pHttpContext was not made by this context's CloneContext",
            );
            return from_win32(ERROR_NOT_SUPPORTED);
        };
        let Some(worker) = self.state.worker.upgrade() else {
            return from_win32(ERROR_INVALID_STATE);
        };
        child.execute(&worker, &self.state, flags, user)
    }

    /// Gives a clone back to its parent, which frees it when the parent request ends. Calling
    /// it on a context that is not a clone, or twice, is diagnosed.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-releaseclonedcontext-method
    fn release_cloned_context(&self) -> HRESULT {
        const METHOD: &str = "IHttpContext::ReleaseClonedContext()";
        if self.state.parent.get().is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "this context is not a clone (CloneContext)");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        if self.state.released.replace(true) {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "this clone was already released");
            return from_win32(ERROR_INVALID_STATE);
        }
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method
    fn get_server_variable(&self, name: CStrArg<'_>, value: Out<'_, PCSTR>, len: Out<'_, DWORD>) -> HRESULT {
        match self.server_variable("IHttpContext::GetServerVariable(PCSTR, PCSTR*, DWORD*)", name) {
            Ok(text) => {
                value.set(self.state.arena.alloc_cstr(text.as_bytes()));
                len.set(text.len() as DWORD);
                S_OK
            }
            Err(hr) => hr,
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method
    fn get_server_variable_wide(&self, name: CStrArg<'_>, value: Out<'_, PCWSTR>, len: Out<'_, DWORD>) -> HRESULT {
        match self.server_variable("IHttpContext::GetServerVariable(PCSTR, PCWSTR*, DWORD*)", name) {
            Ok(text) => {
                value.set(self.request_wstr(&text, &len));
                S_OK
            }
            Err(hr) => hr,
        }
    }

    /// Sets (or creates) a variable for the rest of the request; names are case-insensitive.
    /// A set variable wins over the server's own (setting `SERVER_NAME` changes what
    /// GetServerVariable returns for it); the request itself does not change.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-setservervariable-method
    fn set_server_variable(&self, name: CStrArg<'_>, value: WStrArg<'_>) -> HRESULT {
        const METHOD: &str = "IHttpContext::SetServerVariable(PCSTR, PCWSTR)";
        let Some(name) = name.to_str().filter(|n| !n.is_empty()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszVariableName is NULL or empty");
            return E_INVALIDARG;
        };
        let Some(value) = value.to_string_lossy() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszVariableValue is NULL");
            return E_INVALIDARG;
        };
        let upper = name.to_ascii_uppercase();
        let mut variables = self.variables.borrow_mut();
        match variables.iter_mut().find(|(n, _)| *n == upper) {
            Some(entry) => entry.1 = value,
            None => variables.push((upper, value)),
        }
        self.variable_changes.set(self.variable_changes.get().wrapping_add(1));
        S_OK
    }

    /// The server variables modules set (SetServerVariable), as a snapshot of names and values
    /// in request memory, and the change number. When `dwOldChangeNumber` is not the current
    /// one every variable of the snapshot is reported as changed (the indices end with -1);
    /// when it is, none.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervarchanges-method
    fn get_server_var_changes(
        &self,
        old: DWORD,
        new: Out<'_, DWORD>,
        count: Out<'_, DWORD>,
        names: Out<'_, *mut PCSTR>,
        values: Out<'_, *mut PCWSTR>,
        diffed_count: Out<'_, DWORD>,
        diffed: Out<'_, *mut DWORD>,
    ) -> HRESULT {
        let changes = self.variable_changes.get();
        let variables = self.variables.borrow();
        let arena = &self.state.arena;
        let name_list: Vec<PCSTR> = variables.iter().map(|(n, _)| arena.alloc_cstr(n.as_bytes())).collect();
        let value_list: Vec<PCWSTR> = variables.iter().map(|(_, v)| arena.alloc_wstr(v).0).collect();
        new.set(changes);
        count.set(variables.len() as DWORD);
        names.set(arena.alloc_slice(&name_list));
        values.set(arena.alloc_slice(&value_list));
        let mut indices: Vec<DWORD> = if old == changes { vec![] } else { (0..variables.len() as DWORD).collect() };
        diffed_count.set(indices.len() as DWORD);
        indices.push(DWORD::MAX);
        diffed.set(arena.alloc_slice(&indices));
        S_OK
    }

    /// Zeroed memory that lives until the request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-allocaterequestmemory-method
    fn allocate_request_memory(&self, cb_allocation: DWORD) -> *mut c_void {
        self.state.arena.alloc_zeroed(cb_allocation as usize).cast()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-geturlinfo-method
    fn get_url_info(&self) -> *mut IHttpUrlInfo {
        self.url_info.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getmetadata-method
    fn get_metadata(&self) -> *mut IMetadataInfo {
        self.metadata.as_ptr()
    }

    /// The physical path the request's URL maps to (PATH_TRANSLATED), in request memory.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getphysicalpath-method
    fn get_physical_path(&self, len: Out<'_, DWORD>) -> PCWSTR {
        let url = self.state.request.borrow().path.clone();
        self.request_wstr(&server_variables::map_url(&self.state, &url), &len)
    }

    /// The URL path of the script (SCRIPT_NAME), in request memory.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getscriptname-method
    fn get_script_name(&self, len: Out<'_, DWORD>) -> PCWSTR {
        let mapped = self.state.mapped_script_name.borrow().clone();
        let url = mapped.unwrap_or_else(|| self.state.request.borrow().path.clone());
        self.request_wstr(&url, &len)
    }

    /// The physical path of the script (SCRIPT_TRANSLATED), in request memory.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getscripttranslated-method
    fn get_script_translated(&self, len: Out<'_, DWORD>) -> PCWSTR {
        self.get_physical_path(len)
    }

    /// The `StaticFile` handler mapping for `*`, the only one iissim has, unless a module set
    /// another in RQ_MAP_REQUEST_HANDLER (IMapHandlerProvider::SetScriptMap).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getscriptmap-method
    fn get_script_map(&self) -> *mut IScriptMapInfo {
        let mapped = self.state.mapped_script_map.get();
        if mapped.is_null() {
            self.script_map.as_ptr()
        } else {
            mapped
        }
    }

    /// The handler mapping of a URL of the site: iissim's one mapping, `StaticFile` for `*`,
    /// for every URL and verb. Another site is `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)`.
    /// Partial: fIgnoreWildcardMappings is not used (iissim has no wildcard script maps).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-maphandler-method
    fn map_handler(
        &self,
        site_id: DWORD,
        site_name: WStrArg<'_>,
        url: WStrArg<'_>,
        _verb: CStrArg<'_>,
        out: Out<'_, *mut IScriptMapInfo>,
        _ignore_wildcards: BOOL,
    ) -> HRESULT {
        const METHOD: &str = "IHttpContext::MapHandler(DWORD, PCWSTR, PCWSTR, PCSTR, IScriptMapInfo**, BOOL)";
        if out.is_null() || url.units().is_none() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszUrl or ppScriptMap is NULL");
            return E_INVALIDARG;
        }
        out.set(core::ptr::null_mut());
        let name_matches = site_name.to_string_lossy().is_none_or(|n| n.eq_ignore_ascii_case(&self.state.site.name));
        if site_id != self.state.site.id || !name_matches {
            return from_win32(ERROR_NOT_FOUND);
        }
        out.set(self.script_map.as_ptr());
        S_OK
    }

    fn set_request_handled(&self) {
        self.state.handled.set(true);
    }

    /// The requested file, read the first time a module asks; NULL when the URL maps to no
    /// file (a folder, or nothing). It lives until the request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getfileinfo-method
    fn get_file_info(&self) -> *mut IHttpFileInfo {
        let mapped = self.state.mapped_file_info.get();
        if !mapped.is_null() {
            return mapped;
        }
        if let Some(file) = self.file_info.get() {
            return file.as_ref().map_or(core::ptr::null_mut(), |f| f.as_ptr());
        }
        // Mapped outside the cell's initialiser: RQ_MAP_PATH runs modules, which may ask too.
        let url = self.state.request.borrow().path.clone();
        let path = server_variables::map_url(&self.state, &url);
        let root = server_variables::site_root(&self.state);
        let opened = FileInfo::open(std::path::Path::new(&path), &root)
            .map(|info| ComObj::new(http_file_info_vtable::<FileInfo>(), info));
        let file = self.file_info.get_or_init(|| opened);
        file.as_ref().map_or(core::ptr::null_mut(), |f| f.as_ptr())
    }

    /// The deprecated way to newer context versions: HTTP_CONTEXT_INTERFACE_VERSION has no
    /// values, so no version names an interface; E_NOINTERFACE and NULL, with a note that
    /// HttpGetExtendedInterface (IHttpServer2::GetExtendedInterface) is the way (the context
    /// object is every IHttpContext version at once).
    fn get_extended_interface(&self, version: HTTP_CONTEXT_INTERFACE_VERSION, out: Out<'_, PVOID>) -> HRESULT {
        out.set(core::ptr::null_mut());
        scope::diagnose(
            DiagnosticKind::Note,
            "IHttpContext::GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION, PVOID*)",
            format!("deprecated, and version {version} names no interface; use HttpGetExtendedInterface"),
        );
        E_NOINTERFACE
    }

    /// There is nothing to cancel: iissim's sends and receives complete before the calls that
    /// start them return. Recorded on the trace.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-cancelio-method
    fn cancel_io(&self) -> HRESULT {
        self.state.sink.record(crate::trace::TraceEvent::Host { what: "CancelIo: no pending I/O".into() });
        S_OK
    }

    /// The physical path of a site-relative URL, with the documented buffer protocol:
    /// `*pcbPhysicalPath` is the buffer's size in bytes; when the path (with its NUL) does not
    /// fit, or the buffer is NULL, it receives the size needed and the call fails with
    /// `HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-mappath-method
    fn map_path(&self, url: WStrArg<'_>, buffer: PWSTR, size: Out<'_, DWORD>) -> HRESULT {
        const METHOD: &str = "IHttpContext::MapPath(PCWSTR, PWSTR, DWORD*)";
        let Some(url) = url.to_string_lossy() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszUrl is NULL");
            return E_INVALIDARG;
        };
        let Some(capacity) = size.get() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pcbPhysicalPath is NULL");
            return E_INVALIDARG;
        };
        let units = crate::wide::to_wide(&server_variables::map_url(&self.state, &url));
        let needed = std::mem::size_of_val(units.as_slice()) as DWORD;
        size.set(needed);
        if module_call::write_wide_buffer(buffer, capacity, &units) {
            S_OK
        } else {
            from_win32(ERROR_INSUFFICIENT_BUFFER)
        }
    }

    /// The context a clone was made from; NULL for a request from the client.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getparentcontext-method
    fn get_parent_context(&self) -> *mut IHttpContext {
        self.state.parent.get()
    }

    /// The context of the request from the client: this one, or for a child the root of its
    /// parent chain.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getrootcontext-method
    fn get_root_context(&self) -> *mut IHttpContext {
        let root = self.state.root.get();
        if root.is_null() {
            ComObj::interface_of::<IHttpContext>(self)
        } else {
            root
        }
    }

    /// The current notification (its `RQ_*` bit) and module name. There are no asynchronous
    /// notifications, so those two are 0.
    /// Partial: the start tick counts are taken at the call, not when the notification or handler started.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getcurrentexecutionstats-method
    fn get_current_execution_stats(
        &self,
        notification: Out<'_, DWORD>,
        notification_start: Out<'_, DWORD>,
        module: Out<'_, PCWSTR>,
        module_start: Out<'_, DWORD>,
        async_notification: Out<'_, DWORD>,
        async_notification_start: Out<'_, DWORD>,
    ) -> HRESULT {
        let (name, current) = scope::current();
        let bit = current.map_or(0, |n| {
            crate::notifications::PIPELINE.iter().find(|p| p.name == n || p.post_name == n).map_or(0, |p| p.bit)
        });
        let ticks = tick_count();
        notification.set(bit);
        notification_start.set(ticks);
        module.set(self.state.arena.alloc_wstr(name.as_deref().unwrap_or("")).0);
        module_start.set(ticks);
        async_notification.set(0);
        async_notification_start.set(0);
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-gettracecontext-method
    fn get_trace_context(&self) -> *mut IHttpTraceContext {
        self.trace.inner().set_context(ComObj::interface_of::<IHttpContext>(self));
        self.trace.as_ptr()
    }
}

/// `GetTickCount`: the low 32 bits of the shim's `GetTickCount64`.
fn tick_count() -> DWORD {
    crate::ffi::clock::tick_count64() as DWORD
}

impl HttpContext2 for Context {
    /// The user of the original request: for a child request (CloneContext) the user of the
    /// request the client sent, otherwise this request's user (NULL before authentication).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext2-getoriginaluser-method
    fn get_original_user(&self) -> *mut IHttpUser {
        let root = self.state.root.get();
        if root.is_null() {
            self.state.user.get()
        } else {
            module_call::context_user(root)
        }
    }
}

impl HttpContext3 for Context {
    /// Posts a completion to the routine: it runs with (NO_ERROR, `cbBytes`,
    /// `pvCompletionContext` as the OVERLAPPED pointer), as IIS's thread pool runs the routine of
    /// a posted completion. iissim runs it on the request's own thread as soon as the current
    /// notification returns (so the routine may use the request's objects, deterministically),
    /// not on a pool thread. It does not by itself end a pending notification: the routine does
    /// that with PostCompletion(DWORD) or IndicateCompletion, as the module's own I/O
    /// completions would.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext3-postcompletion-method
    fn post_completion_with_routine(
        &self,
        bytes: DWORD,
        routine: LPOVERLAPPED_COMPLETION_ROUTINE,
        context: crate::ffi::args::Ptr<'_, c_void>,
    ) -> HRESULT {
        if routine.is_none() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpContext3::PostCompletion(DWORD, LPOVERLAPPED_COMPLETION_ROUTINE, VOID*)",
                "pfnCompletionRoutine is NULL",
            );
            return E_INVALIDARG;
        }
        // Any thread may post: nothing here touches the request's single-threaded state (the
        // request's thread records the routine when it runs it).
        let Some(address) = module_call::routine_address(routine) else { return E_INVALIDARG };
        self.state.completion.post_routine(address, bytes, context.as_raw() as usize);
        S_OK
    }

    /// Recorded on the trace: iissim's reads and writes complete before the calls return, so
    /// a read and a write never wait on each other.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext3-enablefullduplex-method
    fn enable_full_duplex(&self) {
        self.state.sink.record(crate::trace::TraceEvent::Host { what: "full duplex enabled".into() });
    }

    /// A child request (CloneContext) takes the variable's value from its parent, as if set
    /// with SetServerVariable. A variable the parent does not have, or a request without a
    /// parent, fails with `HRESULT_FROM_WIN32(ERROR_INVALID_INDEX)` when `fFailIfNotExist` is
    /// set and is S_OK otherwise.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext3-inheritservervariable-method
    fn inherit_server_variable(&self, name: CStrArg<'_>, fail_if_missing: BOOL) -> HRESULT {
        let Some(name) = name.to_str().filter(|n| !n.is_empty()) else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpContext3::InheritServerVariable(PCSTR, BOOL)",
                "szName is NULL or empty",
            );
            return E_INVALIDARG;
        };
        let parent = self.state.parent.get();
        let value = if parent.is_null() { None } else { module_call::context_server_variable(parent, &name) };
        match value {
            Some(value) => {
                let upper = name.to_ascii_uppercase();
                let mut variables = self.variables.borrow_mut();
                match variables.iter_mut().find(|(n, _)| *n == upper) {
                    Some(entry) => entry.1 = value,
                    None => variables.push((upper, value)),
                }
                S_OK
            }
            None if fail_if_missing != FALSE => from_win32(ERROR_INVALID_INDEX),
            None => S_OK,
        }
    }

    /// The request's named container; its stored contexts get `CleanupStoredContext` when the
    /// request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext3-getnamedcontextcontainer-method
    fn get_named_context_container(&self) -> *mut INamedContextContainer {
        self.named.as_ptr()
    }
}

impl HttpContext4 for Context {
    /// When the request arrived, in `GetTickCount64` milliseconds.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext4-getrequeststarttime-method
    fn get_request_start_time(&self) -> ULONGLONG {
        self.state.started_ticks
    }

    /// Milliseconds since the request arrived.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext4-getrequestelapsedtime-method
    fn get_request_elapsed_time(&self) -> ULONGLONG {
        crate::ffi::clock::tick_count64().saturating_sub(self.state.started_ticks)
    }
}
