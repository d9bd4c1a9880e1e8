//! `IHttpServer` … `IHttpServer3`: the server as modules see it from `RegisterModule` on.
//!
//! Real: IsCommandLineLaunch, GetAppPoolName, IncrementThreadCount, DecrementThreadCount,
//! AddFragmentToCache, ReadFragmentFromCache, RemoveFragmentFromCache (a per-worker fragment
//! cache that fragment-cache response chunks send from), ReportUnhealthy and RecycleProcess (recorded as notes: iissim neither recycles nor stops),
//! DoCacheOperation (GL_CACHE_OPERATION to cache modules, then the worker's cache of module
//! records, `module_cache.rs`), GetTraceContext (the worker's own trace context),
//! NotifyCustomNotification, NotifyConfigurationChange and NotifyFileChange (the global
//! notification, now, to its subscribers), RegisterFileChangeMonitor (`file_monitor.rs`),
//! GetMetadata (IHttpServer2: a URL's configuration outside any request), RecycleApplication
//! (before the next request), GetFileInfo (a file outside any request), GetToken (IHttpServer2: a configured user's IHttpTokenEntry, `token_entry.rs`),
//! GetPerfCounterInfo, DispenseContainer, SatisfiesPrecondition, GetExtendedInterface (by
//! version, and IHttpServer2's by GUID, which `HttpGetExtendedInterface` uses).
//! GetWorkerProcessSettings and GetWorkerProcessFramework (`wpf.rs`),
//! GetProtocolManagerCustomInterface (`ffi/protocol_manager.rs`).
//! Partial: GetAppPoolConfigFile. Diagnosed with the documented failure: AssociateWithThreadPool,
//! GetAdminManager (NULL), QueryRequestProperty. Every other method is
//! diagnosed.

use super::cache_provider::CacheProvider;
use super::containers::DispensedContainer;
use super::file_info::FileInfo;
use super::file_monitor::FileMonitor;
use super::generated::thunks::{
    cache_provider_vtable, dispensed_http_module_context_container_vtable, global_configuration_change_provider_vtable,
    global_file_change_provider_vtable, http_file_info_vtable, http_file_monitor_vtable, http_perf_counter_info_vtable,
    http_token_entry_vtable, http_trace_context_vtable, HttpServer, HttpServer2, HttpServer3,
};
use super::global_providers::{ConfigurationChangeProvider, FileChangeProvider};
use super::perf_counters::PerfCounters;
use super::token_entry::{HostTokenEntry, HostTokenKey};
use super::trace_context::{TraceContext, TraceHub};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Out, Ptr, WStrArg};
use crate::ffi::module_call::{self, GlobalHandler};
use crate::scope;
use crate::trace::TraceEvent;
use iissim_abi::http::{HTTP_DATA_CHUNK, HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY};
use iissim_abi::types::*;
use iissim_abi::*;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Mutex;

/// Subscribers by global notification bit: (bit, [(module name, `CGlobalModule*`)]).
pub type GlobalTargets = Vec<(DWORD, Vec<(std::sync::Arc<str>, usize)>)>;

/// The process-wide server object.
pub struct Server {
    app_pool_name: Vec<WCHAR>,
    app_pool_name_text: String,
    app_pool_config: Vec<WCHAR>,
    counters: ComObj<PerfCounters>,
    /// Every container DispenseContainer handed out; freed when the server goes, so that a
    /// released container is never memory a module can reach after it was freed. Boxed: the
    /// module holds each container's address while the vector grows.
    #[allow(clippy::vec_box)]
    dispensed: Mutex<Vec<Box<ComObj<DispensedContainer>>>>,
    threads: AtomicI32,
    /// The trace configuration and GL_TRACE_EVENT listeners, shared with every request's trace
    /// context, and the worker's own trace context (GetTraceContext).
    pub(crate) trace_hub: std::sync::Arc<TraceHub>,
    trace: ComObj<TraceContext>,
    /// Who can log on (GetToken), set once the worker knows its users.
    authentication: std::sync::OnceLock<std::sync::Arc<crate::auth::Authentication>>,
    /// Every token entry GetToken handed out; boxed so each stays put, freed with the server.
    #[allow(clippy::vec_box)]
    token_entries: Mutex<Vec<Box<ComObj<HostTokenEntry>>>>,
    /// Every file info GetFileInfo handed out; boxed so each stays put, freed with the server.
    #[allow(clippy::vec_box)]
    file_infos: Mutex<Vec<Box<ComObj<FileInfo>>>>,
    /// The worker-process framework (GetWorkerProcessFramework), made on first use from what
    /// the worker told the server.
    facts: std::sync::OnceLock<super::wpf::WorkerFacts>,
    framework: std::sync::OnceLock<ComObj<super::wpf::Framework>>,
    /// The configuration path RecycleApplication named, until the next request recycles it.
    recycle: Mutex<Option<String>>,
    recycle_asked: std::sync::atomic::AtomicBool,
    /// Set once a module registered a file monitor.
    watching: std::sync::atomic::AtomicBool,
    /// Every metadata object GetMetadata handed out; freed with the server.
    #[allow(clippy::vec_box)]
    metadata: Mutex<Vec<Box<ComObj<super::metadata::ReferencedMetadata>>>>,
    /// The protocol managers modules asked for (GetProtocolManagerCustomInterface).
    protocol_managers: std::sync::Arc<crate::ffi::protocol_manager::ProtocolManagers>,
    /// GetAdminManager's object.
    admin: crate::ffi::admin_manager::AdminManager,
    /// Records modules add with DoCacheOperation that no cache module took.
    module_cache: crate::module_cache::ModuleCache,
    /// The fragment cache (AddFragmentToCache & co.), shared with every request.
    pub(crate) fragments: std::sync::Arc<crate::fragment_cache::FragmentCache>,
    /// The global modules subscribed to the notifications a module raises through the server
    /// (GL_CUSTOM_NOTIFICATION, GL_CONFIGURATION_CHANGE, GL_FILE_CHANGE), in order:
    /// (bit, [(name, CGlobalModule*)]).
    global_targets: std::sync::OnceLock<GlobalTargets>,
    /// Every monitor RegisterFileChangeMonitor handed out; boxed, so each stays put, and freed
    /// when the server goes.
    #[allow(clippy::vec_box)]
    monitors: Mutex<Vec<Box<ComObj<FileMonitor>>>>,
}

impl Server {
    pub fn new(app_pool_name: &str) -> Self {
        let config = std::env::temp_dir().join("apppools").join(app_pool_name).join(format!("{app_pool_name}.config"));
        let trace_hub = std::sync::Arc::new(TraceHub::default());
        Server {
            app_pool_name: crate::wide::to_wide(app_pool_name),
            app_pool_name_text: app_pool_name.to_string(),
            app_pool_config: crate::wide::to_wide(&config.display().to_string()),
            counters: ComObj::new(http_perf_counter_info_vtable::<PerfCounters>(), PerfCounters::default()),
            dispensed: Mutex::new(Vec::new()),
            threads: AtomicI32::new(0),
            fragments: Default::default(),
            module_cache: Default::default(),
            admin: Default::default(),
            protocol_managers: Default::default(),
            metadata: Mutex::new(Vec::new()),
            recycle: Mutex::new(None),
            recycle_asked: Default::default(),
            watching: Default::default(),
            facts: std::sync::OnceLock::new(),
            framework: std::sync::OnceLock::new(),
            file_infos: Mutex::new(Vec::new()),
            authentication: std::sync::OnceLock::new(),
            token_entries: Mutex::new(Vec::new()),
            trace_hub: trace_hub.clone(),
            trace: ComObj::new(http_trace_context_vtable::<TraceContext>(), TraceContext::new(Some(trace_hub))),
            global_targets: std::sync::OnceLock::new(),
            monitors: Mutex::new(Vec::new()),
        }
    }

    /// What the worker-process framework reports: the site and the anonymous user's token.
    pub fn set_worker_facts(&self, site: &crate::site::Site, anonymous_token: usize) {
        let _ = self.facts.set(super::wpf::WorkerFacts {
            app_pool_name: self.app_pool_name_text.clone(),
            site_id: site.id,
            site_name: site.name.clone(),
            site_root: site.root.clone(),
            anonymous_token,
        });
    }

    fn framework(&self) -> &ComObj<super::wpf::Framework> {
        self.framework.get_or_init(|| {
            let facts = self.facts.get_or_init(|| super::wpf::WorkerFacts {
                app_pool_name: self.app_pool_name_text.clone(),
                site_id: 1,
                site_name: String::new(),
                site_root: String::new(),
                anonymous_token: 0,
            });
            ComObj::new(
                super::generated::wpframework_thunks::worker_process_framework_vtable::<super::wpf::Framework>(),
                super::wpf::Framework::new(facts, self.protocol_managers.clone()),
            )
        })
    }

    /// The application a module asked to recycle, once.
    pub fn take_recycle(&self) -> Option<String> {
        // Every request asks; the lock is taken only when a module asked for a recycle.
        if !self.recycle_asked.swap(false, Ordering::AcqRel) {
            return None;
        }
        self.recycle.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// The users GetToken logs on.
    pub fn set_authentication(&self, authentication: std::sync::Arc<crate::auth::Authentication>) {
        let _ = self.authentication.set(authentication);
    }

    /// Records the global modules that receive the notifications modules raise through the
    /// server (once every module is loaded).
    pub fn set_global_targets(&self, targets: GlobalTargets) {
        let _ = self.global_targets.set(targets);
    }

    /// Raises `bit` on its subscribers, in order, now, on this thread, until one returns
    /// GL_NOTIFICATION_HANDLED.
    fn raise(
        &self,
        bit: DWORD,
        notification: &'static str,
        handler: GlobalHandler,
        provider: *mut IHttpEventProvider,
    ) -> GLOBAL_NOTIFICATION_STATUS {
        let targets = self.global_targets.get().and_then(|t| t.iter().find(|(b, _)| *b == bit));
        crate::globals::raise_nested(
            targets.map(|(_, t)| t.as_slice()).unwrap_or_default(),
            notification,
            handler,
            provider,
        )
    }

    /// Whether some module watches a directory.
    pub fn watches_files(&self) -> bool {
        self.watching.load(Ordering::Acquire)
    }

    /// The files that changed under each directory a module watches, with the monitor that
    /// saw them, since the last look.
    pub fn file_changes(&self) -> Vec<(String, *mut IHttpFileMonitor)> {
        // Every request asks; the lock is taken only once a module watches something.
        if !self.watching.load(Ordering::Acquire) {
            return Vec::new();
        }
        let monitors = self.monitors.lock().unwrap_or_else(|e| e.into_inner());
        monitors
            .iter()
            .flat_map(|m| m.inner().changes().into_iter().map(|p| (p.display().to_string(), m.as_ptr())))
            .collect()
    }

    /// The worker stops: dispensed containers a module never released clean up their stored
    /// contexts too, and are reported.
    pub fn shutdown(&self) {
        self.module_cache.clear();
        self.protocol_managers.shutdown();
        let metadata = std::mem::take(&mut *self.metadata.lock().unwrap_or_else(|e| e.into_inner()));
        let held: i64 = metadata.iter().map(|m| m.inner().end()).sum();
        if held > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer2::GetMetadata(PCWSTR, PCWSTR, IReferencedMetadataInfo**)",
                format!("{held} reference(s) to metadata were never released with DereferenceMetadata"),
            );
        }
        // Each reports references the module never gave back.
        for file in std::mem::take(&mut *self.file_infos.lock().unwrap_or_else(|e| e.into_inner())) {
            file.inner().end();
        }
        let entries = std::mem::take(&mut *self.token_entries.lock().unwrap_or_else(|e| e.into_inner()));
        let held: i64 = entries.iter().map(|e| e.inner().outstanding()).sum();
        if held > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer2::GetToken(PCWSTR, PCWSTR, DWORD, IHttpTokenEntry**, PCWSTR, PSOCKADDR, IHttpTraceContext*)",
                format!("{held} reference(s) to token entries were never released with DereferenceCacheData"),
            );
        }
        let monitors = std::mem::take(&mut *self.monitors.lock().unwrap_or_else(|e| e.into_inner()));
        let held = monitors.iter().filter(|m| m.inner().end()).count();
        if held > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::RegisterFileChangeMonitor(PCWSTR, HANDLE, IHttpFileMonitor**)",
                format!("{held} file monitor(s) were never released with DereferenceFileMonitor"),
            );
        }
        let containers = std::mem::take(&mut *self.dispensed.lock().unwrap_or_else(|e| e.into_inner()));
        let leaked = containers.iter().filter(|c| c.inner().end()).count();
        if leaked > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::DispenseContainer()",
                format!("{leaked} dispensed container(s) were never released with ReleaseContainer"),
            );
        }
    }

    /// Whether one precondition (`integratedMode`, `bitness64`, ...) holds; `None` when iissim
    /// does not know it.
    fn precondition(&self, condition: &str) -> Option<bool> {
        precondition(&self.app_pool_name_text, condition)
    }
}

/// Whether one precondition holds in app pool `pool`; `None` when iissim does not know it.
fn precondition(pool: &str, condition: &str) -> Option<bool> {
    let condition = condition.trim();
    if let Some(pools) = condition.strip_prefix("appPoolName=") {
        return Some(pools.split(';').any(|p| p.trim().eq_ignore_ascii_case(pool)));
    }
    Some(match condition.to_ascii_lowercase().as_str() {
        "integratedmode" => true,
        "isapimode" | "classicmode" => false,
        "bitness64" => cfg!(target_pointer_width = "64"),
        "bitness32" => cfg!(target_pointer_width = "32"),
        // The pool runs as IIS 10's DefaultAppPool does: .NET CLR v4.0.
        "runtimeversionv4.0" => true,
        "runtimeversionv1.0" | "runtimeversionv1.1" | "runtimeversionv2.0" => false,
        _ => return None,
    })
}

/// Whether every precondition of a comma-separated list holds (an unknown one does not).
pub fn preconditions_hold(pool: &str, list: &str) -> bool {
    list.split(',').filter(|c| !c.trim().is_empty()).all(|c| precondition(pool, c) == Some(true))
}

/// One interface family iissim implements: the uuids of its versions, oldest first. The object
/// of a family always carries its most-derived vtable, so every version is the same pointer.
const FAMILIES: &[&[&str]] = &[
    &[
        "eda2a40f-fb92-4d6d-b52b-c8c207380b4e", // IHttpServer
        "34af637e-afe8-4556-bcc1-767f8e0b4a4e", // IHttpServer2
        "f7a66d59-c0a2-48b5-a88f-be5975c960fb", // IHttpServer3
    ],
    &[
        "424c1b8c-a1ba-44d7-ac98-9f8f457701a5", // IHttpContext
        "c986182c-cf4a-4482-8205-0dbbc1fd6cee", // IHttpContext2
        "bf53c022-ca4b-4349-a38e-a4b78ad897fb", // IHttpContext3
        "2c9463d8-4ec4-4622-8917-d486321a9443", // IHttpContext4
    ],
    &[
        "e8698f7e-576e-4cac-a309-67435355faef", // IHttpRequest
        "d9244ae1-51f8-4aa1-a66d-19277c33e610", // IHttpRequest2
        "b32e4e0f-4057-4feb-aeab-7b69c03c6314", // IHttpRequest3
        "3816f517-f631-49f0-8b51-16d6f0c6ffb2", // IHttpRequest4
    ],
    &[
        "7e1c6b38-628f-4e6c-95dc-41237eb7f95e", // IHttpResponse
        "0822c871-f14e-4974-a1e6-5b3c1f09b76a", // IHttpResponse2
        "19578e49-d080-45da-b673-96cb475d3c5d", // IHttpResponse3
        "1a2acc57-cae2-4f28-b4ab-00c8f96b12ec", // IHttpResponse4
    ],
    &[
        "3f75d9e6-1075-422c-ad89-93a85f2d7bdc", // IHttpApplication
        "311a3b7a-b673-4a1c-8349-2e98a23cadcb", // IHttpApplication2
    ],
    &[
        "07e5beb3-b798-459d-a98a-e6c485b2b3bc", // IHttpModuleRegistrationInfo
        "4fd11cbf-8cc5-418e-8000-c9e765f88533", // IHttpModuleRegistrationInfo2
    ],
];

/// The GUID `text` (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) names.
fn parse_guid(text: &str) -> GUID {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    let byte = |i: usize| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap_or(0);
    GUID {
        data1: u32::from_str_radix(&hex[0..8], 16).unwrap_or(0),
        data2: u16::from_str_radix(&hex[8..12], 16).unwrap_or(0),
        data3: u16::from_str_radix(&hex[12..16], 16).unwrap_or(0),
        data4: [byte(8), byte(9), byte(10), byte(11), byte(12), byte(13), byte(14), byte(15)],
    }
}

/// The family index of a uuid, if iissim implements that interface.
fn family_of(guid: &GUID) -> Option<usize> {
    FAMILIES.iter().position(|family| family.iter().any(|text| parse_guid(text) == *guid))
}

impl HttpServer for Server {
    /// GL_CUSTOM_NOTIFICATION to every global module subscribed to it, in order, now, on this
    /// thread, until one returns GL_NOTIFICATION_HANDLED.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-notifycustomnotification-method
    fn notify_custom_notification(&self, provider: *mut ICustomNotificationProvider) -> GLOBAL_NOTIFICATION_STATUS {
        if provider.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::NotifyCustomNotification(ICustomNotificationProvider*)",
                "pCustomOutput is NULL",
            );
            return GL_NOTIFICATION_CONTINUE;
        }
        let kind = module_call::custom_notification_type(provider);
        scope::record(TraceEvent::Host { what: format!("global custom notification `{kind}`") });
        self.raise(GL_CUSTOM_NOTIFICATION, "GL_CUSTOM_NOTIFICATION", GlobalHandler::CustomNotification, provider.cast())
    }

    /// GL_CONFIGURATION_CHANGE for the path, to every global module subscribed, now, on this
    /// thread.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-notifyconfigurationchange-method
    fn notify_configuration_change(&self, path: WStrArg<'_>) {
        let Some(path) = path.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::NotifyConfigurationChange(PCWSTR)",
                "pszPath is NULL",
            );
            return;
        };
        let provider = ComObj::new(
            global_configuration_change_provider_vtable::<ConfigurationChangeProvider>(),
            ConfigurationChangeProvider::new(&path),
        );
        scope::record(TraceEvent::Host { what: format!("configuration change of {path}") });
        self.raise(
            GL_CONFIGURATION_CHANGE,
            "GL_CONFIGURATION_CHANGE",
            GlobalHandler::ConfigurationChange,
            provider.as_ptr::<IHttpEventProvider>(),
        );
    }

    /// GL_FILE_CHANGE for the file (with no monitor), to every global module subscribed, now,
    /// on this thread.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-notifyfilechange-method
    fn notify_file_change(&self, file: WStrArg<'_>) {
        let Some(file) = file.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::NotifyFileChange(PCWSTR)",
                "pszFileName is NULL",
            );
            return;
        };
        let provider = ComObj::new(
            global_file_change_provider_vtable::<FileChangeProvider>(),
            FileChangeProvider::new(&file, core::ptr::null_mut()),
        );
        scope::record(TraceEvent::Host { what: format!("file change of {file}") });
        self.raise(
            GL_FILE_CHANGE,
            "GL_FILE_CHANGE",
            GlobalHandler::FileChange,
            provider.as_ptr::<IHttpEventProvider>(),
        );
    }

    /// GL_CACHE_OPERATION to the cache modules (global modules subscribed to it), in order,
    /// with an ICacheProvider; when none returns GL_NOTIFICATION_HANDLED, the worker's own
    /// cache does the operation on the records modules added. For CACHE_OPERATION_ADD,
    /// `*ppCacheSpecificData` is the record to add (the cache takes a reference); for
    /// CACHE_OPERATION_RETRIEVE it receives the record found, with a reference the caller gives
    /// back with DereferenceCacheData, or NULL (S_OK) when there is none.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-docacheoperation-method
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cache-operation-enumeration
    fn do_cache_operation(
        &self,
        operation: CACHE_OPERATION,
        key: *mut IHttpCacheKey,
        data: Out<'_, *mut IHttpCacheSpecificData>,
        trace: *mut IHttpTraceContext,
    ) -> HRESULT {
        const METHOD: &str =
            "IHttpServer::DoCacheOperation(CACHE_OPERATION, IHttpCacheKey*, IHttpCacheSpecificData**, IHttpTraceContext*)";
        if key.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pCacheKey is NULL");
            return E_INVALIDARG;
        }
        if !(CACHE_OPERATION_RETRIEVE..=CACHE_OPERATION_ENUM).contains(&operation) {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, format!("{operation} is not a CACHE_OPERATION"));
            return E_INVALIDARG;
        }
        let adding = data.get().unwrap_or(core::ptr::null_mut());
        if operation == CACHE_OPERATION_ADD && adding.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                "CACHE_OPERATION_ADD needs the record to add in *ppCacheSpecificData",
            );
            return E_INVALIDARG;
        }
        let provider = ComObj::new(cache_provider_vtable::<CacheProvider>(), CacheProvider::new(operation, key, trace));
        if operation == CACHE_OPERATION_ADD {
            module_call::reference_cache_data(adding);
            provider.inner().put_record(adding);
        }
        let handled = self.raise(
            GL_CACHE_OPERATION,
            "GL_CACHE_OPERATION",
            GlobalHandler::CacheOperation,
            provider.as_ptr::<IHttpEventProvider>(),
        ) == GL_NOTIFICATION_HANDLED;
        if !handled {
            match operation {
                CACHE_OPERATION_ADD => self.module_cache.add(adding),
                CACHE_OPERATION_RETRIEVE => provider.inner().put_record(self.module_cache.retrieve(key)),
                CACHE_OPERATION_DELETE => {
                    self.module_cache.delete(key);
                }
                CACHE_OPERATION_FLUSH_PREFIX => {
                    self.module_cache.flush_prefix(key);
                }
                _ => self.module_cache.enumerate(key),
            }
        }
        if operation == CACHE_OPERATION_RETRIEVE {
            data.set(provider.inner().take_record());
        }
        S_OK
    }

    /// The file at a physical path, outside any request: an IHttpFileInfo with one reference
    /// the module gives back with DereferenceCacheData (references left at shutdown are
    /// reported). No such file (or a folder) is `HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)`. The
    /// tokens, SID and change-notification path are not used: iissim reads the file as itself
    /// and looks at it afresh on every call.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getfileinfo-method
    fn get_file_info(
        &self,
        path: WStrArg<'_>,
        _user_token: HANDLE,
        _sid: PSID,
        _change_path: WStrArg<'_>,
        _change_token: HANDLE,
        _cache: BOOL,
        out: Out<'_, *mut IHttpFileInfo>,
        _trace: *mut IHttpTraceContext,
    ) -> HRESULT {
        const METHOD: &str =
            "IHttpServer::GetFileInfo(PCWSTR, HANDLE, PSID, PCWSTR, HANDLE, BOOL, IHttpFileInfo**, IHttpTraceContext*)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppFileInfo is NULL");
            return E_INVALIDARG;
        }
        out.set(core::ptr::null_mut());
        let Some(path) = path.to_string_lossy() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszPhysicalPath is NULL");
            return E_INVALIDARG;
        };
        let path = path.replace('\\', "/");
        let Some(info) = FileInfo::open(std::path::Path::new(&path), "") else {
            return from_win32(ERROR_FILE_NOT_FOUND);
        };
        let file = Box::new(ComObj::new(http_file_info_vtable::<FileInfo>(), info));
        crate::objects::generated::thunks::HttpCacheSpecificData::reference_cache_data(file.inner());
        out.set(file.as_ptr());
        self.file_infos.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        S_OK
    }

    /// Asks for a recycle of the application at the configuration path (IHttpApplication's
    /// GetAppConfigPath): before the next request, GL_APPLICATION_STOP, the application's stored
    /// contexts cleaned up, GL_APPLICATION_START. Another path is recorded as a note.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-recycleapplication-method
    fn recycle_application(&self, path: WStrArg<'_>) {
        let Some(path) = path.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::RecycleApplication(PCWSTR)",
                "pszAppConfigPath is NULL",
            );
            return;
        };
        scope::record(TraceEvent::Host {
            what: format!("recycle of {path} asked; it happens before the next request"),
        });
        *self.recycle.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
        self.recycle_asked.store(true, Ordering::Release);
    }

    /// Recorded on the trace; iissim has no kernel (HTTP.sys) response cache, so no response
    /// for the URL is cached there and nothing stale can be served after the call.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-flushkernelcache-method
    fn flush_kernel_cache(&self, url: WStrArg<'_>) -> HRESULT {
        let Some(url) = url.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::FlushKernelCache(PCWSTR)",
                "pszUrl is NULL",
            );
            return E_INVALIDARG;
        };
        scope::record(TraceEvent::Host { what: format!("kernel cache flush of {url} (iissim has no kernel cache)") });
        S_OK
    }

    /// A custom interface of a protocol manager: the DLL is loaded once and its init function
    /// (`GetProtocolManager` unless named) gets the worker-process framework (`wpf.rs`).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getprotocolmanagercustominterface-method
    fn get_protocol_manager_custom_interface(
        &self,
        dll: WStrArg<'_>,
        function: WStrArg<'_>,
        id: DWORD,
        out: Out<'_, PVOID>,
    ) -> HRESULT {
        super::wpf::protocol_manager_interface(
            "IHttpServer::GetProtocolManagerCustomInterface(PCWSTR, PCWSTR, DWORD, PVOID*)",
            &self.protocol_managers,
            self.framework().as_ptr(),
            dll,
            function,
            id,
            out,
        )
    }

    /// The worker's trace context: events raised on it are not tied to a request.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-gettracecontext-method
    fn get_trace_context(&self) -> *mut IHttpTraceContext {
        self.trace.as_ptr()
    }

    /// Watches a directory: a file written, created or removed in it or below raises
    /// GL_FILE_CHANGE with the monitor, in the trace of the next request. A path that is not a
    /// directory fails with `HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)`. The token is not used:
    /// iissim reads the directory as itself.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-registerfilechangemonitor-method
    fn register_file_change_monitor(
        &self,
        path: WStrArg<'_>,
        _token: HANDLE,
        out: Out<'_, *mut IHttpFileMonitor>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpServer::RegisterFileChangeMonitor(PCWSTR, HANDLE, IHttpFileMonitor**)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppFileMonitor is NULL");
            return E_INVALIDARG;
        }
        out.set(core::ptr::null_mut());
        let Some(path) = path.to_string_lossy() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszPath is NULL");
            return E_INVALIDARG;
        };
        let directory = std::path::PathBuf::from(path.replace('\\', "/"));
        if !directory.is_dir() {
            return from_win32(ERROR_PATH_NOT_FOUND);
        }
        let monitor = Box::new(ComObj::new(http_file_monitor_vtable::<FileMonitor>(), FileMonitor::new(directory)));
        out.set(monitor.as_ptr());
        self.monitors.lock().unwrap_or_else(|e| e.into_inner()).push(monitor);
        self.watching.store(true, Ordering::Release);
        S_OK
    }

    /// iissim runs as a command-line process, as IIS Express does.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-iscommandlinelaunch-method
    fn is_command_line_launch(&self) -> BOOL {
        TRUE
    }

    /// `iissim`, for the life of the worker.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getapppoolname-method
    fn get_app_pool_name(&self) -> PCWSTR {
        self.app_pool_name.as_ptr()
    }

    /// iissim has no I/O completion port to bind a handle to: the call fails with
    /// `HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)` and is diagnosed.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-associatewiththreadpool-method
    /// Partial: always fails with ERROR_NOT_SUPPORTED and a diagnostic (no completion-port thread pool).
    fn associate_with_thread_pool(&self, _handle: HANDLE, _routine: LPOVERLAPPED_COMPLETION_ROUTINE) -> HRESULT {
        scope::diagnose(
            DiagnosticKind::Unimplemented,
            "IHttpServer::AssociateWithThreadPool(HANDLE, LPOVERLAPPED_COMPLETION_ROUTINE)",
            "iissim has no I/O completion port thread pool; the handle is not associated",
        );
        from_win32(ERROR_NOT_SUPPORTED)
    }

    /// Counted; iissim's threads do not depend on it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-incrementthreadcount-method
    fn increment_thread_count(&self) {
        self.threads.fetch_add(1, Ordering::Relaxed);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-decrementthreadcount-method
    fn decrement_thread_count(&self) {
        if self.threads.fetch_sub(1, Ordering::Relaxed) <= 0 {
            self.threads.fetch_add(1, Ordering::Relaxed);
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::DecrementThreadCount()",
                "more DecrementThreadCount calls than IncrementThreadCount calls",
            );
        }
    }

    /// Recorded as a note, then GL_HEALTH_CHECK to the global modules that subscribed (the
    /// health-related operation OnGlobalHealthCheck's page names). IIS would let WAS recycle
    /// the worker; iissim keeps serving.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-reportunhealthy-method
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalhealthcheck-method
    fn report_unhealthy(&self, reason: WStrArg<'_>, hr: HRESULT) {
        scope::diagnose(
            DiagnosticKind::Note,
            "IHttpServer::ReportUnhealthy(PCWSTR, HRESULT)",
            format!(
                "the module reported the worker unhealthy ({:?}, {}); iissim does not recycle",
                reason.to_string_lossy().unwrap_or_default(),
                crate::error::describe_hresult(hr)
            ),
        );
        // A health-related operation: GL_HEALTH_CHECK to the modules that subscribed, now;
        // not again from inside a health check (a module that reports from OnGlobalHealthCheck).
        thread_local! {
            static CHECKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if CHECKING.with(|c| c.replace(true)) {
            return;
        }
        self.raise(GL_HEALTH_CHECK, "GL_HEALTH_CHECK", GlobalHandler::HealthCheck, std::ptr::null_mut());
        CHECKING.with(|c| c.set(false));
    }

    /// Recorded as a note; iissim does not recycle its worker.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-recycleprocess-method
    fn recycle_process(&self, reason: WStrArg<'_>) {
        scope::diagnose(
            DiagnosticKind::Note,
            "IHttpServer::RecycleProcess(PCWSTR)",
            format!(
                "the module asked for a recycle ({:?}); iissim does not recycle",
                reason.to_string_lossy().unwrap_or_default()
            ),
        );
    }

    /// The worker's admin manager, with a reference the module releases: IUnknown works
    /// (QueryInterface, AddRef, Release), so holding and releasing it is safe.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getadminmanager-method
    /// Partial: iissim has no IIS configuration system yet; GetAdminSection and the other configuration methods return E_NOTIMPL with a diagnostic.
    fn get_admin_manager(&self) -> *mut IAppHostAdminManager {
        self.admin.as_interface()
    }

    /// The worker process's counters.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getperfcounterinfo-method
    fn get_perf_counter_info(&self) -> *mut IHttpPerfCounterInfo {
        self.counters.as_ptr()
    }

    /// A new, empty container the module owns until it calls `ReleaseContainer`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-dispensecontainer-method
    fn dispense_container(&self) -> *mut IDispensedHttpModuleContextContainer {
        let container = Box::new(ComObj::new(
            dispensed_http_module_context_container_vtable::<DispensedContainer>(),
            DispensedContainer::default(),
        ));
        let pointer = container.as_ptr();
        self.dispensed.lock().unwrap_or_else(|e| e.into_inner()).push(container);
        pointer
    }

    /// The worker's settings (IWpfSettings, `wpf.rs`), with a reference the module releases.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getworkerprocesssettings-method
    fn get_worker_process_settings(&self, settings: Out<'_, *mut IWpfSettings>) -> HRESULT {
        if settings.is_null() {
            return E_INVALIDARG;
        }
        settings.set(self.framework().inner().settings());
        S_OK
    }

    /// A comma-separated list holds when every condition holds. Known: `integratedMode`
    /// (true), `ISAPIMode`/`classicMode` (false), `bitness64`/`bitness32` (the host's),
    /// `runtimeVersionv4.0` (true, as IIS 10's default pool) and the older runtime versions
    /// (false), `appPoolName=a;b`. Any other condition makes the answer FALSE and sets
    /// `*pfUnknownPrecondition`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-satisfiesprecondition-method
    fn satisfies_precondition(&self, precondition: WStrArg<'_>, unknown: Out<'_, BOOL>) -> BOOL {
        unknown.set(FALSE);
        let Some(text) = precondition.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::SatisfiesPrecondition(PCWSTR, BOOL*) const",
                "pszPrecondition is NULL",
            );
            return FALSE;
        };
        let mut all = true;
        for condition in text.split(',').filter(|c| !c.trim().is_empty()) {
            match self.precondition(condition) {
                Some(holds) => all &= holds,
                None => {
                    unknown.set(TRUE);
                    all = false;
                }
            }
        }
        BOOL::from(all)
    }

    /// Stores the chunk's bytes (memory, or a file handle's range) under the name, replacing
    /// a fragment of that name.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-addfragmenttocache-method
    fn add_fragment_to_cache(&self, chunk: Ptr<'_, HTTP_DATA_CHUNK>, name: WStrArg<'_>) -> HRESULT {
        const METHOD: &str = "IHttpServer::AddFragmentToCache(HTTP_DATA_CHUNK*, PCWSTR)";
        let Some(name) = name.to_string_lossy().filter(|n| !n.is_empty()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszFragmentName is NULL or empty");
            return E_INVALIDARG;
        };
        if chunk.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pDataChunk is NULL");
            return E_INVALIDARG;
        }
        let chunks = chunk.chunks(1);
        if matches!(chunks[0], crate::ffi::memory::Chunk::Fragment { .. }) {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "a fragment cannot be made of a fragment chunk");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        match super::response::chunk_bytes(&chunks, &self.fragments) {
            Ok(parts) => {
                self.fragments.add(name, parts.concat());
                S_OK
            }
            Err((hr, kind, why)) => {
                scope::diagnose(kind, METHOD, why);
                hr
            }
        }
    }

    /// Copies the fragment into the buffer. A buffer too small gets nothing and
    /// `HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)`, with `*pcbCopied` the size needed (as
    /// HTTP.sys's HttpReadFragmentFromCache); an unknown name is
    /// `HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-readfragmentfromcache-method
    fn read_fragment_from_cache(
        &self,
        name: WStrArg<'_>,
        buffer: Ptr<'_, BYTE>,
        size: DWORD,
        copied: Out<'_, DWORD>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpServer::ReadFragmentFromCache(PCWSTR, BYTE*, DWORD, DWORD*)";
        copied.set(0);
        let Some(name) = name.to_string_lossy() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszFragmentName is NULL");
            return E_INVALIDARG;
        };
        let Some(bytes) = self.fragments.get(&name) else {
            return from_win32(ERROR_PATH_NOT_FOUND);
        };
        if (size as usize) < bytes.len() {
            copied.set(bytes.len() as DWORD);
            return from_win32(ERROR_INSUFFICIENT_BUFFER);
        }
        let Some(out) = buffer.slice_mut(bytes.len()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pvBuffer is NULL");
            return E_INVALIDARG;
        };
        out.copy_from_slice(&bytes);
        copied.set(bytes.len() as DWORD);
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-removefragmentfromcache-method
    fn remove_fragment_from_cache(&self, name: WStrArg<'_>) -> HRESULT {
        let Some(name) = name.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpServer::RemoveFragmentFromCache(PCWSTR)",
                "pszFragmentName is NULL",
            );
            return E_INVALIDARG;
        };
        if self.fragments.remove(&name) {
            S_OK
        } else {
            from_win32(ERROR_PATH_NOT_FOUND)
        }
    }

    /// The object is an `IHttpServer3`, so both known versions are this same object.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-getextendedinterface-method
    fn get_extended_interface(&self, version: HTTP_SERVER_INTERFACE_VERSION, out: Out<'_, PVOID>) -> HRESULT {
        const METHOD: &str = "IHttpServer::GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION, PVOID*)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppInterface is NULL");
            return E_INVALIDARG;
        }
        match version {
            HTTP_SERVER_INTERFACE_V2 | HTTP_SERVER_INTERFACE_V3 => {
                out.set(ComObj::interface_of::<core::ffi::c_void>(self).cast());
                S_OK
            }
            _ => {
                out.set(std::ptr::null_mut());
                E_NOINTERFACE
            }
        }
    }
}

impl HttpServer2 for Server {
    /// The configuration of a URL of the site, outside any request, with one reference the
    /// module gives back with DereferenceMetadata. Another site is
    /// `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver2-getmetadata-method
    fn get_metadata(&self, site: WStrArg<'_>, url: WStrArg<'_>, out: Out<'_, *mut IReferencedMetadataInfo>) -> HRESULT {
        const METHOD: &str = "IHttpServer2::GetMetadata(PCWSTR, PCWSTR, IReferencedMetadataInfo**)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppMetadataInfo is NULL");
            return E_INVALIDARG;
        }
        out.set(core::ptr::null_mut());
        let (Some(site), Some(url)) = (site.to_string_lossy(), url.to_string_lossy()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszSiteName or pszUrl is NULL");
            return E_INVALIDARG;
        };
        let Some(facts) = self.facts.get().filter(|f| f.site_name.eq_ignore_ascii_case(&site)) else {
            return from_win32(ERROR_NOT_FOUND);
        };
        let metadata = Box::new(ComObj::new(
            super::generated::thunks::referenced_metadata_info_vtable::<super::metadata::ReferencedMetadata>(),
            super::metadata::ReferencedMetadata::new(&facts.site_name, &url, &facts.site_root),
        ));
        out.set(metadata.as_ptr());
        self.metadata.lock().unwrap_or_else(|e| e.into_inner()).push(metadata);
        S_OK
    }

    /// The worker-process framework (`wpf.rs`), with a reference the module releases.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver2-getworkerprocessframework-method
    fn get_worker_process_framework(&self, out: Out<'_, *mut IWorkerProcessFramework>) -> HRESULT {
        if out.is_null() {
            return E_INVALIDARG;
        }
        let framework = self.framework();
        super::generated::wpframework_thunks::WpfReferencedObject::add_ref(framework.inner());
        out.set(framework.as_ptr());
        S_OK
    }

    /// Logs a configured user on with their password: an IHttpTokenEntry (the user's tokens
    /// and SID, keyed by user, password hash and logon method) with one reference the module
    /// gives back with DereferenceCacheData. An unknown user or a wrong password is
    /// `HRESULT_FROM_WIN32(ERROR_LOGON_FAILURE)`; a logon method that is no LOGON32_LOGON_* value
    /// is E_INVALIDARG. A name with a domain (`DOMAIN\user`) or `pszDefaultDomain` matches as
    /// Basic authentication matches names.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver2-gettoken-method
    fn get_token(
        &self,
        user: WStrArg<'_>,
        password: WStrArg<'_>,
        logon_method: DWORD,
        out: Out<'_, *mut IHttpTokenEntry>,
        _default_domain: WStrArg<'_>,
        _address: PSOCKADDR,
        _trace: *mut IHttpTraceContext,
    ) -> HRESULT {
        const METHOD: &str =
            "IHttpServer2::GetToken(PCWSTR, PCWSTR, DWORD, IHttpTokenEntry**, PCWSTR, PSOCKADDR, IHttpTraceContext*)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppTokenEntry is NULL");
            return E_INVALIDARG;
        }
        out.set(core::ptr::null_mut());
        let (Some(name), Some(secret)) = (user.to_string_lossy(), password.to_string_lossy()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszUserName or pszPassword is NULL");
            return E_INVALIDARG;
        };
        // LOGON32_LOGON_INTERACTIVE (2) ... LOGON32_LOGON_NEW_CREDENTIALS (9), without 6.
        if !matches!(logon_method, 2..=5 | 7..=9) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                format!("{logon_method} is no LOGON32_LOGON_* value"),
            );
            return E_INVALIDARG;
        }
        let Some(authentication) = self.authentication.get() else { return from_win32(ERROR_LOGON_FAILURE) };
        match authentication.logon(&name, &secret) {
            Ok(identity) => {
                let entry = Box::new(ComObj::new(
                    http_token_entry_vtable::<HostTokenEntry>(),
                    HostTokenEntry::new(identity, HostTokenKey::new(&name, &secret, logon_method)),
                ));
                out.set(entry.as_ptr());
                self.token_entries.lock().unwrap_or_else(|e| e.into_inner()).push(entry);
                S_OK
            }
            Err(why) => {
                scope::diagnose(DiagnosticKind::Note, METHOD, format!("logon failed: {why}"));
                from_win32(ERROR_LOGON_FAILURE)
            }
        }
    }

    /// The path IIS would use for the pool's configuration, `<temp>/apppools/iissim/iissim.config`.
    /// Partial: iissim writes no file there; its configuration is the iissim TOML file.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver2-getapppoolconfigfile-method
    fn get_app_pool_config_file(&self, len: Out<'_, DWORD>) -> PCWSTR {
        len.set((self.app_pool_config.len() - 1) as DWORD);
        self.app_pool_config.as_ptr()
    }

    /// What `HttpGetExtendedInterface(server, input, &output)` calls: `version1` is the uuid
    /// of the input's interface, `version2` the one wanted. A host object always carries the
    /// most-derived vtable of its family (server, context, request, response, application,
    /// registration info), so any version of the input's family is the input itself; another
    /// family, or an interface iissim lacks, is E_NOINTERFACE.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver2-getextendedinterface-method
    fn get_extended_interface_by_guid(
        &self,
        version1: *const GUID,
        input: PVOID,
        version2: *const GUID,
        output: Out<'_, PVOID>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpServer2::GetExtendedInterface(const GUID&, PVOID, const GUID&, PVOID*)";
        let (Some(from), Some(to)) = (module_call::read_guid(version1), module_call::read_guid(version2)) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "a GUID reference is NULL");
            return E_INVALIDARG;
        };
        if output.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppOutput is NULL");
            return E_INVALIDARG;
        }
        output.set(core::ptr::null_mut());
        let (Some(have), Some(want)) = (family_of(&from), family_of(&to)) else {
            return E_NOINTERFACE;
        };
        if have != want {
            return E_NOINTERFACE;
        }
        // The server family may come without an input: it is this object.
        let object = if input.is_null() && have == 0 { ComObj::interface_of::<core::ffi::c_void>(self) } else { input };
        if object.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pInput is NULL");
            return E_INVALIDARG;
        }
        output.set(object);
        S_OK
    }
}

impl HttpServer3 for Server {
    /// Fails with `HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)`, diagnosed: iissim has no HTTP.sys
    /// request queue to query.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver3-queryrequestproperty-method
    /// Partial: always fails with ERROR_NOT_SUPPORTED and a diagnostic.
    fn query_request_property(
        &self,
        _id: HTTP_OPAQUE_ID,
        _property: HTTP_REQUEST_PROPERTY,
        _qualifier: PVOID,
        _qualifier_size: ULONG,
        _output: PVOID,
        _output_size: ULONG,
        _returned: PULONG,
        _overlapped: LPOVERLAPPED,
    ) -> HRESULT {
        scope::diagnose(
            DiagnosticKind::Unimplemented,
            "IHttpServer3::QueryRequestProperty(HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY, PVOID, ULONG, PVOID, ULONG, PULONG, LPOVERLAPPED)",
            "iissim has no HTTP.sys request queue to query",
        );
        from_win32(ERROR_NOT_SUPPORTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_parse_as_the_header_writes_them() {
        // IHttpContext in httpserv.h: {0x424c1b8c, 0xa1ba, 0x44d7, {0xac, 0x98, 0x9f, 0x8f, 0x45, 0x77, 0x01, 0xa5}}
        let guid = parse_guid("424c1b8c-a1ba-44d7-ac98-9f8f457701a5");
        assert_eq!(
            guid,
            GUID {
                data1: 0x424c1b8c,
                data2: 0xa1ba,
                data3: 0x44d7,
                data4: [0xac, 0x98, 0x9f, 0x8f, 0x45, 0x77, 0x01, 0xa5]
            }
        );
        assert_eq!(family_of(&guid), Some(1));
        assert_eq!(family_of(&GUID::default()), None);
    }

    #[test]
    fn preconditions_follow_the_documented_list() {
        let server = Server::new("iissim");
        assert_eq!(server.precondition("integratedMode"), Some(true));
        assert_eq!(server.precondition("ISAPIMode"), Some(false));
        assert_eq!(server.precondition("bitness64"), Some(cfg!(target_pointer_width = "64")));
        assert_eq!(server.precondition("appPoolName=Other;IISSIM"), Some(true));
        assert_eq!(server.precondition("appPoolName=Other"), Some(false));
        assert_eq!(server.precondition("managedHandler"), None);
    }
}
