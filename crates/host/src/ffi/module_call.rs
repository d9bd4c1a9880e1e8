//! Calls from the host into module-side objects, through their vtables.
//!
//! The pointers here came from the module itself (a factory from `SetRequestNotifications`, a
//! module instance from `GetHttpModule`, a user from `SetUser`); as in IIS, the host trusts
//! that they are the live objects the module said they were. Each call is one `unsafe` block.

use crate::notifications::Handler;
use iissim_abi::types::*;
use iissim_abi::*;

/// `IHttpModuleFactory::GetHttpModule`: a new module instance for one request.
pub fn get_http_module(
    factory: *mut IHttpModuleFactory,
    allocator: *mut IModuleAllocator,
) -> Result<*mut CHttpModule, HRESULT> {
    let mut module: *mut CHttpModule = std::ptr::null_mut();
    // SAFETY: `factory` is the live factory the module registered; the out-pointer is ours.
    let hr = unsafe { ((*(*factory).vtbl).get_http_module)(factory.cast(), &mut module, allocator) };
    if hr < 0 {
        Err(hr)
    } else {
        Ok(module)
    }
}

/// `IHttpModuleFactory::Terminate`, at shutdown.
pub fn terminate_factory(factory: *mut IHttpModuleFactory) {
    // SAFETY: `factory` is the live factory the module registered; this is its last call.
    unsafe { ((*(*factory).vtbl).terminate)(factory.cast()) }
}

/// `CGlobalModule::Terminate`, at shutdown.
pub fn terminate_global(module: *mut CGlobalModule) {
    // SAFETY: `module` is the live global module the module registered; this is its last call.
    unsafe { ((*(*module).vtbl).terminate)(module.cast()) }
}

/// `CHttpModule::Dispose`, when the request ends.
pub fn dispose(module: *mut CHttpModule) {
    // SAFETY: `module` came from GetHttpModule for this request; this is its last call.
    unsafe { ((*(*module).vtbl).dispose)(module.cast()) }
}

/// Calls one notification handler of a module instance.
pub fn notify(
    module: *mut CHttpModule,
    handler: Handler,
    context: *mut IHttpContext,
    provider: *mut IHttpEventProvider,
) -> REQUEST_NOTIFICATION_STATUS {
    let this = module.cast();
    // SAFETY: `module` came from GetHttpModule for this request and subscribed to `handler`;
    // `context` and `provider` are this request's host objects, of the type each handler takes.
    naming_crashes(|| unsafe {
        let v = &*(*module).vtbl;
        match handler {
            Handler::BeginRequest => (v.on_begin_request)(this, context, provider),
            Handler::PostBeginRequest => (v.on_post_begin_request)(this, context, provider),
            Handler::AuthenticateRequest => (v.on_authenticate_request)(this, context, provider.cast()),
            Handler::PostAuthenticateRequest => (v.on_post_authenticate_request)(this, context, provider),
            Handler::AuthorizeRequest => (v.on_authorize_request)(this, context, provider),
            Handler::PostAuthorizeRequest => (v.on_post_authorize_request)(this, context, provider),
            Handler::ResolveRequestCache => (v.on_resolve_request_cache)(this, context, provider),
            Handler::PostResolveRequestCache => (v.on_post_resolve_request_cache)(this, context, provider),
            Handler::MapRequestHandler => (v.on_map_request_handler)(this, context, provider.cast()),
            Handler::PostMapRequestHandler => (v.on_post_map_request_handler)(this, context, provider),
            Handler::AcquireRequestState => (v.on_acquire_request_state)(this, context, provider),
            Handler::PostAcquireRequestState => (v.on_post_acquire_request_state)(this, context, provider),
            Handler::PreExecuteRequestHandler => (v.on_pre_execute_request_handler)(this, context, provider),
            Handler::PostPreExecuteRequestHandler => (v.on_post_pre_execute_request_handler)(this, context, provider),
            Handler::ExecuteRequestHandler => (v.on_execute_request_handler)(this, context, provider),
            Handler::PostExecuteRequestHandler => (v.on_post_execute_request_handler)(this, context, provider),
            Handler::ReleaseRequestState => (v.on_release_request_state)(this, context, provider),
            Handler::PostReleaseRequestState => (v.on_post_release_request_state)(this, context, provider),
            Handler::UpdateRequestCache => (v.on_update_request_cache)(this, context, provider),
            Handler::PostUpdateRequestCache => (v.on_post_update_request_cache)(this, context, provider),
            Handler::LogRequest => (v.on_log_request)(this, context, provider),
            Handler::PostLogRequest => (v.on_post_log_request)(this, context, provider),
            Handler::EndRequest => (v.on_end_request)(this, context, provider),
            Handler::PostEndRequest => (v.on_post_end_request)(this, context, provider),
            Handler::SendResponse => (v.on_send_response)(this, context, provider.cast()),
            Handler::CustomNotification => (v.on_custom_request_notification)(this, context, provider.cast()),
            Handler::MapPath => (v.on_map_path)(this, context, provider.cast()),
            Handler::ReadEntity => (v.on_read_entity)(this, context, provider.cast()),
        }
    })
}

/// Runs a call into a module with the crash context armed (see `crash.rs`). The disarm is
/// plain code, not a drop: when a C++ exception leaves the module it never runs, and the
/// crash handler still names the module.
pub(crate) fn naming_crashes<R>(call: impl FnOnce() -> R) -> R {
    let armed = crate::scope::arm_crash_context();
    let result = call();
    crate::scope::disarm_crash_context(armed);
    result
}

/// `CHttpModule::OnAsyncCompletion`: the pending notification completed through PostCompletion.
pub fn on_async_completion(
    module: *mut CHttpModule,
    context: *mut IHttpContext,
    notification: DWORD,
    post: bool,
    provider: *mut IHttpEventProvider,
    info: *mut IHttpCompletionInfo,
) -> REQUEST_NOTIFICATION_STATUS {
    // SAFETY: `module` came from GetHttpModule for this request and is the one that returned
    // RQ_NOTIFICATION_PENDING; the other pointers are this request's host objects.
    naming_crashes(|| unsafe {
        ((*(*module).vtbl).on_async_completion)(module.cast(), context, notification, BOOL::from(post), provider, info)
    })
}

/// A copy of `len` bytes a module passed by pointer with their length (`SetEntity`); `None`
/// for a null pointer.
pub fn read_module_bytes(ptr: *const core::ffi::c_void, len: usize) -> Option<Vec<u8>> {
    // SAFETY: the method's contract says `ptr` holds `len` readable bytes for this call.
    (!ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) }.to_vec())
}

/// `IHttpUser::ReferenceUser` on a user a module (or the host) implements.
pub fn reference_user(user: *mut IHttpUser) {
    // SAFETY: `user` is the live user object passed to SetUser.
    unsafe { ((*(*user).vtbl).reference_user)(user.cast()) }
}

/// `IHttpUser::DereferenceUser`.
pub fn dereference_user(user: *mut IHttpUser) {
    // SAFETY: as in `reference_user`; the host holds the reference it gives back.
    unsafe { ((*(*user).vtbl).dereference_user)(user.cast()) }
}

/// The user's name and authentication type, for the LOGON_USER and AUTH_TYPE variables.
pub fn user_names(user: *mut IHttpUser) -> (String, String) {
    let read = |p: PCWSTR| -> String {
        if p.is_null() {
            return String::new();
        }
        // SAFETY: IHttpUser's string getters return NUL-terminated strings owned by the user.
        unsafe {
            let mut len = 0;
            while *p.add(len) != 0 {
                len += 1;
            }
            crate::wide::from_wide(std::slice::from_raw_parts(p, len))
        }
    };
    // SAFETY: `user` is a live user object.
    unsafe {
        let v = &*(*user).vtbl;
        (read((v.get_user_name)(user.cast())), read((v.get_authentication_type)(user.cast())))
    }
}

/// A `CGlobalModule` handler the host raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalHandler {
    StopListening,
    PreBeginRequest,
    ApplicationStart,
    ApplicationStop,
    CustomNotification,
    ConfigurationChange,
    FileChange,
    ThreadCleanup,
    TraceEvent,
    ApplicationPreload,
    RscaQuery,
    CacheOperation,
    ResolveModules,
    /// `OnGlobalCacheCleanup()`: takes no provider.
    CacheCleanup,
    /// `OnGlobalHealthCheck()`: takes no provider.
    HealthCheck,
}

/// Calls one global notification handler; `provider` is the host object of the type it takes.
pub fn notify_global(
    module: *mut CGlobalModule,
    handler: GlobalHandler,
    provider: *mut IHttpEventProvider,
) -> GLOBAL_NOTIFICATION_STATUS {
    let this = module.cast();
    // SAFETY: `module` is the live global module that subscribed to `handler`; `provider` is
    // a host object of the provider type the handler takes.
    naming_crashes(|| unsafe {
        let v = &*(*module).vtbl;
        match handler {
            GlobalHandler::StopListening => (v.on_global_stop_listening)(this, provider.cast()),
            GlobalHandler::PreBeginRequest => (v.on_global_pre_begin_request)(this, provider.cast()),
            GlobalHandler::ApplicationStart => (v.on_global_application_start)(this, provider.cast()),
            GlobalHandler::ApplicationStop => (v.on_global_application_stop)(this, provider.cast()),
            GlobalHandler::CustomNotification => (v.on_global_custom_notification)(this, provider.cast()),
            GlobalHandler::ConfigurationChange => (v.on_global_configuration_change)(this, provider.cast()),
            GlobalHandler::FileChange => (v.on_global_file_change)(this, provider.cast()),
            GlobalHandler::ThreadCleanup => (v.on_global_thread_cleanup)(this, provider.cast()),
            GlobalHandler::TraceEvent => (v.on_global_trace_event)(this, provider.cast()),
            GlobalHandler::ApplicationPreload => (v.on_global_application_preload)(this, provider.cast()),
            GlobalHandler::RscaQuery => (v.on_global_rsca_query)(this, provider.cast()),
            GlobalHandler::CacheOperation => (v.on_global_cache_operation)(this, provider.cast()),
            GlobalHandler::ResolveModules => (v.on_global_application_resolve_modules)(this, provider.cast()),
            GlobalHandler::CacheCleanup => (v.on_global_cache_cleanup)(this),
            GlobalHandler::HealthCheck => (v.on_global_health_check)(this),
        }
    })
}

/// `IHttpStoredContext::CleanupStoredContext`, when the container that holds the context ends.
pub fn cleanup_stored_context(context: *mut IHttpStoredContext) {
    // SAFETY: `context` is the live stored context a module put in a container with
    // SetModuleContext (or a named or connection equivalent); this is the host's last call on it.
    unsafe { ((*(*context).vtbl).cleanup_stored_context)(context.cast()) }
}

/// `IHttpConnectionStoredContext::NotifyDisconnect`, when the client connection ends.
pub fn notify_disconnect(context: *mut IHttpConnectionStoredContext) {
    // SAFETY: `context` is the live connection stored context a module set with
    // SetConnectionModuleContext; its CleanupStoredContext has not been called yet.
    unsafe { ((*(*context).vtbl).notify_disconnect)(context.cast()) }
}

/// A `const GUID&` a module passed (`IHttpServer2::GetExtendedInterface`), or `None` for NULL.
pub fn read_guid(guid: *const GUID) -> Option<GUID> {
    // SAFETY: non-null checked; a C++ reference argument points at a readable GUID for the call.
    (!guid.is_null()).then(|| unsafe { guid.read_unaligned() })
}

/// A NUL-terminated wide string a module's structure points at (`HTTP_TRACE_EVENT::pszEventName`),
/// or `None` for NULL.
pub fn read_wide(text: *const WCHAR) -> Option<String> {
    // SAFETY: the structure's contract: a non-null pointer is a NUL-terminated string.
    unsafe { crate::ffi::args::WStrArg::new(text) }.to_string_lossy()
}

/// Copies `units` (NUL included) into a module's `PWSTR` buffer of `capacity_bytes` bytes, as
/// `IHttpContext::MapPath` does; says whether it fit. Nothing is written when it does not.
pub fn write_wide_buffer(buffer: PWSTR, capacity_bytes: DWORD, units: &[WCHAR]) -> bool {
    let needed = std::mem::size_of_val(units);
    if buffer.is_null() || (capacity_bytes as usize) < needed {
        return false;
    }
    // SAFETY: the module passed `buffer` with its size in bytes (`*pcbPhysicalPath`), which the
    // check above shows holds `units`; the host's slice cannot overlap the module's buffer.
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), buffer, units.len()) };
    true
}

/// `ICustomNotificationProvider::QueryNotificationType`: the raiser's name for it.
pub fn custom_notification_type(provider: *mut ICustomNotificationProvider) -> String {
    // SAFETY: `provider` is the raising module's live object; the name is NUL-terminated.
    unsafe {
        let name = ((*(*provider).vtbl).query_notification_type)(provider.cast());
        if name.is_null() {
            return String::new();
        }
        let mut len = 0;
        while *name.add(len) != 0 {
            len += 1;
        }
        crate::wide::from_wide(std::slice::from_raw_parts(name, len))
    }
}

/// `IHttpCacheKey::GetCacheName` on any key (the module's own or the host's).
pub fn cache_key_name(key: *mut IHttpCacheKey) -> String {
    // SAFETY: `key` is a live key the module passed (DoCacheOperation) or a record returned;
    // the name is NUL-terminated.
    naming_crashes(|| unsafe { read_wide(((*(*key).vtbl).get_cache_name)(key.cast())) }).unwrap_or_default()
}

/// `IHttpCacheKey::GetHash`.
pub fn cache_key_hash(key: *mut IHttpCacheKey) -> DWORD {
    // SAFETY: as in `cache_key_name`.
    naming_crashes(|| unsafe { ((*(*key).vtbl).get_hash)(key.cast()) })
}

/// `key->GetIsEqual(other)`.
pub fn cache_key_is_equal(key: *mut IHttpCacheKey, other: *mut IHttpCacheKey) -> bool {
    // SAFETY: as in `cache_key_name`, for both keys.
    naming_crashes(|| unsafe { ((*(*key).vtbl).get_is_equal)(key.cast(), other) })
}

/// `key->GetIsPrefix(other)`.
pub fn cache_key_is_prefix(key: *mut IHttpCacheKey, other: *mut IHttpCacheKey) -> bool {
    // SAFETY: as in `cache_key_name`, for both keys.
    naming_crashes(|| unsafe { ((*(*key).vtbl).get_is_prefix)(key.cast(), other) })
}

/// `key->Enum(data)`.
pub fn cache_key_enum(key: *mut IHttpCacheKey, data: *mut IHttpCacheSpecificData) {
    // SAFETY: as in `cache_key_name`; `data` is a live record of the cache.
    naming_crashes(|| unsafe { ((*(*key).vtbl).enum_entries)(key.cast(), data) })
}

/// `IFileKey::GetPath` on a key whose cache name is `FILE`.
pub fn file_key_path(key: *mut IHttpCacheKey) -> String {
    let key = key.cast::<IFileKey>();
    // SAFETY: a key named FILE is an IFileKey (httpcach.h), whose slot 5 is GetPath.
    naming_crashes(|| unsafe { read_wide(((*(*key).vtbl).get_path)(key.cast())) }).unwrap_or_default()
}

/// `IHttpCacheSpecificData::GetCacheKey`.
pub fn cache_data_key(data: *mut IHttpCacheSpecificData) -> *mut IHttpCacheKey {
    // SAFETY: `data` is a live record the module passed or the cache holds a reference on.
    naming_crashes(|| unsafe { ((*(*data).vtbl).get_cache_key)(data.cast()) })
}

/// `IHttpCacheSpecificData::ReferenceCacheData`.
pub fn reference_cache_data(data: *mut IHttpCacheSpecificData) {
    // SAFETY: as in `cache_data_key`.
    naming_crashes(|| unsafe { ((*(*data).vtbl).reference_cache_data)(data.cast()) })
}

/// `IHttpCacheSpecificData::DereferenceCacheData`.
pub fn dereference_cache_data(data: *mut IHttpCacheSpecificData) {
    // SAFETY: as in `cache_data_key`; the caller gives back a reference it holds.
    naming_crashes(|| unsafe { ((*(*data).vtbl).dereference_cache_data)(data.cast()) })
}

/// `IHttpTokenKey`'s user name, password hash and logon method, on a key named `TOKEN`.
pub fn token_key_fields(key: *mut IHttpCacheKey) -> (String, String, DWORD) {
    let key = key.cast::<IHttpTokenKey>();
    // SAFETY: a key named TOKEN is an IHttpTokenKey (httpcach.h): slots 5, 6 and 7.
    naming_crashes(|| unsafe {
        let v = &*(*key).vtbl;
        (
            read_wide((v.get_user_name)(key.cast())).unwrap_or_default(),
            read_wide((v.get_password_hash)(key.cast())).unwrap_or_default(),
            (v.get_logon_method)(key.cast()),
        )
    })
}

/// `IHttpContext::GetUser` on a context the host made (the root of a child request).
pub fn context_user(context: *mut IHttpContext) -> *mut IHttpUser {
    // SAFETY: `context` is a live host context (a child's root outlives the child).
    unsafe { ((*(*context).vtbl).get_user)(context.cast()) }
}

/// `IHttpContext::GetServerVariable(PCSTR, PCSTR*, DWORD*)` on a host context (a child's
/// parent); `None` when it fails.
pub fn context_server_variable(context: *mut IHttpContext, name: &str) -> Option<String> {
    let name = std::ffi::CString::new(name).ok()?;
    let mut value: PCSTR = std::ptr::null();
    let mut len: DWORD = 0;
    // SAFETY: `context` is a live host context; the value stays in its request's arena.
    let hr = unsafe { ((*(*context).vtbl).get_server_variable)(context.cast(), name.as_ptr(), &mut value, &mut len) };
    if hr < 0 || value.is_null() {
        return None;
    }
    // SAFETY: the context wrote `len` bytes at `value`.
    Some(String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(value.cast::<u8>(), len as usize) }).into_owned())
}

/// `IUriKey`'s URL and site id, on a key named `URI`.
pub fn uri_key_fields(key: *mut IHttpCacheKey) -> (String, DWORD) {
    let key = key.cast::<IUriKey>();
    // SAFETY: a key named URI is an IUriKey (httpcach.h): slots 5 and 7.
    naming_crashes(|| unsafe {
        let v = &*(*key).vtbl;
        (read_wide((v.get_url)(key.cast())).unwrap_or_default(), (v.get_site_id)(key.cast()))
    })
}

/// The address of a module's completion routine, to queue.
pub fn routine_address(routine: LPOVERLAPPED_COMPLETION_ROUTINE) -> Option<usize> {
    routine.map(|f| f as usize)
}

/// Calls a queued completion routine: `routine(NO_ERROR, bytes, (LPOVERLAPPED)context)`.
pub fn call_routine(routine: usize, bytes: DWORD, context: usize) {
    // SAFETY: `routine` is the address of the LPOVERLAPPED_COMPLETION_ROUTINE the module passed
    // to IHttpContext3::PostCompletion (`routine_address`), in an image that is still loaded.
    let routine: unsafe extern "C" fn(DWORD, DWORD, LPOVERLAPPED) = unsafe { std::mem::transmute(routine) };
    // SAFETY: the module passed the routine and its context for exactly this call.
    naming_crashes(|| unsafe { routine(0, bytes, context as LPOVERLAPPED) });
}

/// The address of the `PFN_ASYNC_COMPLETION` a module passed with an asynchronous operation.
pub fn async_callback_address(callback: iissim_abi::PFN_ASYNC_COMPLETION) -> Option<usize> {
    callback.map(|f| f as usize)
}

/// Calls a module's `PFN_ASYNC_COMPLETION` (`async_callback_address`) with the request's
/// `IHttpContext3` and `IHttpCompletionInfo2`; its status ends or continues the notification.
pub fn call_async_callback(
    callback: usize,
    context: *mut IHttpContext,
    info: *mut IHttpCompletionInfo,
    callback_context: usize,
) -> REQUEST_NOTIFICATION_STATUS {
    // SAFETY: `callback` is the address of the PFN_ASYNC_COMPLETION the module passed to the
    // overload that started the operation, in an image that is still loaded.
    let callback: unsafe extern "C" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
    ) -> REQUEST_NOTIFICATION_STATUS = unsafe { std::mem::transmute(callback) };
    // SAFETY: the context object exposes the most-derived IHttpContext vtable (IHttpContext3
    // starts it) and the completion info the IHttpCompletionInfo2 one; the module passed the
    // callback context for exactly this call.
    naming_crashes(|| unsafe { callback(context.cast(), info.cast(), callback_context as *mut core::ffi::c_void) })
}

/// `CGlobalModule::OnSuspendProcess`: the status, and the callback the module gave back (NULL
/// when it gave none).
pub fn suspend_process(module: *mut CGlobalModule) -> (GLOBAL_NOTIFICATION_STATUS, *mut IGlobalSuspendProcessCallback) {
    let mut callback: *mut IGlobalSuspendProcessCallback = std::ptr::null_mut();
    // SAFETY: `module` is the live global module that subscribed to GL_SUSPEND_PROCESS; the
    // out pointer is a local that outlives the call.
    let status = naming_crashes(|| unsafe { ((*(*module).vtbl).on_suspend_process)(module.cast(), &mut callback) });
    (status, callback)
}

/// `IGlobalSuspendProcessCallback::Resume` on the callback a module gave from OnSuspendProcess.
pub fn resume_process(callback: *mut IGlobalSuspendProcessCallback) -> HRESULT {
    // SAFETY: `callback` is the non-null callback the module returned from OnSuspendProcess,
    // which stays valid until the host calls Resume on it (this call).
    naming_crashes(|| unsafe { ((*(*callback).vtbl).resume)(callback.cast()) })
}
