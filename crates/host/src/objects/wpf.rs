//! The worker-process framework of wpframework.h (`IHttpServer2::GetWorkerProcessFramework`,
//! `IHttpServer::GetWorkerProcessSettings`): the worker's settings, its applications, and the
//! actions a module may ask of it.
//!
//! Real: AddRef and Release on every object (counted; the objects live as long as the worker),
//! IWorkerProcessFramework's GetWpfInterface (settings, application info, actions) and
//! GetCustomInterface (iissim has no custom interfaces: E_NOINTERFACE), IWpfSettings' DWORD,
//! ULONGLONG, BOOL and HANDLE properties (IIS's application pool defaults, below),
//! IWpfApplicationInfoUtil::GetApplicationPropertiesFromAppId, IWpfActions (recorded as notes:
//! iissim neither recycles nor fails its worker), IWpfExposeProtocolManagerCustomInterface
//! (`ffi/protocol_manager.rs`), IWpfApplicationPreloadUtil (preload off, as
//! IIS's default; failures recorded as notes). Partial: GetStringProperty (the pool name
//! and CLR version; no file names).
//!
//! Settings: periodic restart after 1740 minutes (29 hours) and no request or memory limit,
//! 20 minutes idle timeout with the Terminate action, integrated pipeline mode (0), central
//! binary logging off, and hostable web core on (iissim, like IIS Express, is a command-line
//! host, which IHttpServer::IsCommandLineLaunch reports too). Times are in minutes, as the
//! application pool's configuration gives them.

use super::generated::wpframework_thunks::{
    wpf_actions_vtable, wpf_application_info_util_vtable, wpf_application_preload_util_vtable,
    wpf_expose_protocol_manager_custom_interface_vtable, wpf_settings_vtable, WorkerProcessFramework, WpfActions,
    WpfApplicationInfoUtil, WpfApplicationPreloadUtil, WpfExposeProtocolManagerCustomInterface, WpfReferencedObject,
    WpfSettings,
};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Out, Ptr, WStrArg};
use crate::ffi::module_call;
use crate::ffi::protocol_manager::ProtocolManagers;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::sync::atomic::{AtomicI64, Ordering};

/// IWpfReferencedObject's count: AddRef and Release are counted, and a Release below zero is
/// diagnosed; the object itself lives as long as the worker.
#[derive(Default)]
pub struct References(AtomicI64);

impl References {
    fn add(&self) -> ULONG {
        (self.0.fetch_add(1, Ordering::AcqRel) + 1) as ULONG
    }

    fn release(&self, method: &str) -> ULONG {
        let left = self.0.fetch_sub(1, Ordering::AcqRel) - 1;
        if left < 0 {
            self.0.fetch_add(1, Ordering::AcqRel);
            scope::diagnose(DiagnosticKind::ContractViolation, method, "more Release calls than references");
            return 0;
        }
        left as ULONG
    }
}

/// What the worker tells the framework about itself.
pub struct WorkerFacts {
    pub app_pool_name: String,
    pub site_id: u32,
    pub site_name: String,
    /// The site's root folder.
    pub site_root: String,
    /// The anonymous user's primary token (a synthetic handle value), when anonymous access
    /// is on with a token; 0 otherwise.
    pub anonymous_token: usize,
}

pub struct Settings {
    references: References,
    pool: Vec<WCHAR>,
    anonymous_token: usize,
}

impl WpfReferencedObject for Settings {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWpfSettings::Release()")
    }
}

/// Copies `text` into a module's `PWSTR` buffer of `*pcch` characters, or says how many it needs.
fn string_out(text: &[WCHAR], buffer: PWSTR, count: Out<'_, DWORD>) -> HRESULT {
    let Some(capacity) = count.get() else { return E_INVALIDARG };
    count.set(text.len() as DWORD);
    let bytes = capacity.saturating_mul(std::mem::size_of::<WCHAR>() as DWORD);
    if module_call::write_wide_buffer(buffer, bytes, text) {
        count.set(text.len() as DWORD - 1);
        S_OK
    } else {
        from_win32(ERROR_INSUFFICIENT_BUFFER)
    }
}

impl WpfSettings for Settings {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfsettings-getdwordproperty-method
    fn get_dword_property(&self, id: WPF_SETTINGS_DWORD_ENUM, out: Out<'_, DWORD>) -> HRESULT {
        let value = match id {
            PERIODIC_RESTART_REQUESTS => 0,
            PERIODIC_RESTART_TIME => 1740,
            IDLE_TIMEOUT => 20,
            MANAGED_PIPELINE_MODE => 0,
            THREAD_AFFINITY_POLICY => 0,
            IDLE_TIMEOUT_ACTION => 0,
            _ => return E_INVALIDARG,
        };
        if out.set(value) {
            S_OK
        } else {
            E_INVALIDARG
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfsettings-getulonglongproperty-method
    fn get_ulonglong_property(&self, id: WPF_SETTINGS_ULONGLONG_ENUM, out: Out<'_, ULONGLONG>) -> HRESULT {
        match id {
            PERIODIC_RESTART_VIRTUAL_MEMORY | PERIODIC_RESTART_PRIVATE_MEMORY if out.set(0) => S_OK,
            _ => E_INVALIDARG,
        }
    }

    /// APP_POOL_NAME and CLR_VERSION (`v4.0`); the buffer protocol of the page: `*pcchSetting`
    /// characters in, the length out, ERROR_INSUFFICIENT_BUFFER with the size needed.
    /// Partial: the file names (APP_HOST_FILE_NAME, ROOT_WEB_CONFIG_FILE_NAME, CLR_CONFIG_FILE_NAME, CLR_VERSION_PATH) fail with ERROR_NOT_SUPPORTED and a note: iissim has no such files.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfsettings-getstringproperty-method
    fn get_string_property(&self, id: WPF_SETTINGS_STRING_ENUM, buffer: PWSTR, count: Out<'_, DWORD>) -> HRESULT {
        let text = match id {
            APP_POOL_NAME => self.pool.clone(),
            CLR_VERSION => crate::wide::to_wide("v4.0"),
            APP_HOST_FILE_NAME | ROOT_WEB_CONFIG_FILE_NAME | CLR_CONFIG_FILE_NAME | CLR_VERSION_PATH => {
                scope::diagnose(
                    DiagnosticKind::Note,
                    "IWpfSettings::GetStringProperty(WPF_SETTINGS_STRING_ENUM, PWSTR, DWORD*)",
                    format!("setting {id} names a configuration file iissim does not have"),
                );
                return from_win32(ERROR_NOT_SUPPORTED);
            }
            _ => return E_INVALIDARG,
        };
        string_out(&text, buffer, count)
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfsettings-getboolproperty-method
    fn get_bool_property(&self, id: WPF_SETTINGS_BOOL_ENUM, out: Out<'_, BOOL>) -> HRESULT {
        let value = match id {
            ENABLED_CENTRAL_BINARY_LOGGING => FALSE,
            ENABLED_HOSTABLE_WEB_CORE => TRUE,
            _ => return E_INVALIDARG,
        };
        if out.set(value) {
            S_OK
        } else {
            E_INVALIDARG
        }
    }

    /// ANONYMOUS_USER_TOKEN: the anonymous user's primary token (NULL when anonymous access is
    /// off or runs without a token). The worker owns it: CloseHandle on it is reported.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfsettings-gethandleproperty-method
    fn get_handle_property(&self, id: WPF_SETTINGS_HANDLE_ENUM, out: Ptr<'_, HANDLE>) -> HRESULT {
        match id {
            ANONYMOUS_USER_TOKEN if out.write(self.anonymous_token as HANDLE) => S_OK,
            _ => E_INVALIDARG,
        }
    }
}

pub struct ApplicationInfo {
    references: References,
    site_id: u32,
}

impl WpfReferencedObject for ApplicationInfo {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWpfApplicationInfoUtil::Release()")
    }
}

impl WpfApplicationInfoUtil for ApplicationInfo {
    /// The application id `/LM/W3SVC/<site>/ROOT[/path]` (APPL_MD_PATH) gives the virtual path
    /// `/[path]` and the site id; another id is `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfapplicationinfoutil-getapplicationpropertiesfromappid-method
    fn get_application_properties_from_app_id(
        &self,
        app_id: WStrArg<'_>,
        buffer: PWSTR,
        count: Out<'_, DWORD>,
        site_id: Out<'_, DWORD>,
    ) -> HRESULT {
        let Some(id) = app_id.to_string_lossy() else { return E_INVALIDARG };
        let prefix = format!("/LM/W3SVC/{}/ROOT", self.site_id);
        let Some(rest) =
            id.get(..prefix.len()).filter(|p| p.eq_ignore_ascii_case(&prefix)).map(|_| &id[prefix.len()..])
        else {
            return from_win32(ERROR_NOT_FOUND);
        };
        if !rest.is_empty() && !rest.starts_with('/') {
            return from_win32(ERROR_NOT_FOUND);
        }
        site_id.set(self.site_id);
        let path = if rest.is_empty() { "/".to_string() } else { rest.to_string() };
        string_out(&crate::wide::to_wide(&path), buffer, count)
    }
}

pub struct Actions {
    references: References,
}

impl WpfReferencedObject for Actions {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWpfActions::Release()")
    }
}

impl WpfActions for Actions {
    /// Recorded as a note: iissim does not recycle its worker.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfactions-recycleworkerprocess-method
    fn recycle_worker_process(&self, reason: WStrArg<'_>) {
        scope::diagnose(
            DiagnosticKind::Note,
            "IWpfActions::RecycleWorkerProcess(PCWSTR)",
            format!("recycle asked ({:?}); iissim does not recycle", reason.to_string_lossy().unwrap_or_default()),
        );
    }

    /// Recorded as a note: iissim keeps serving.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfactions-failworkerprocess-method
    fn fail_worker_process(&self, reason: WStrArg<'_>, hr: HRESULT, _next_ping: BOOL) {
        scope::diagnose(
            DiagnosticKind::Note,
            "IWpfActions::FailWorkerProcess(PCWSTR, HRESULT, BOOL)",
            format!(
                "the module failed the worker ({:?}, {}); iissim keeps serving",
                reason.to_string_lossy().unwrap_or_default(),
                crate::error::describe_hresult(hr)
            ),
        );
    }
}

pub struct PreloadInfo {
    references: References,
}

impl WpfReferencedObject for PreloadInfo {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWpfApplicationPreloadUtil::Release()")
    }
}

impl WpfApplicationPreloadUtil for PreloadInfo {
    /// Preload is off for every application, IIS's default (`preloadEnabled="false"`): FALSE,
    /// no type and no values. GL_APPLICATION_PRELOAD still reaches the modules that subscribe,
    /// so a preloading module can be tested.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfapplicationpreloadutil-getapplicationpreloadinfo-method
    fn get_application_preload_info(
        &self,
        _path: WStrArg<'_>,
        enabled: Out<'_, BOOL>,
        kind: Ptr<'_, BSTR>,
        values: Out<'_, *mut SAFEARRAY>,
    ) -> HRESULT {
        if enabled.is_null() {
            return E_INVALIDARG;
        }
        enabled.set(FALSE);
        kind.write(core::ptr::null_mut());
        values.set(core::ptr::null_mut());
        S_OK
    }

    /// Recorded as a note with the application, the error and its text.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfapplicationpreloadutil-reportapplicationpreloadfailure-method
    fn report_application_preload_failure(&self, path: WStrArg<'_>, hr: HRESULT, text: WStrArg<'_>) -> HRESULT {
        scope::diagnose(
            DiagnosticKind::Note,
            "IWpfApplicationPreloadUtil::ReportApplicationPreloadFailure(PCWSTR, HRESULT, PCWSTR)",
            format!(
                "preload of {:?} failed: {} ({:?})",
                path.to_string_lossy().unwrap_or_default(),
                crate::error::describe_hresult(hr),
                text.to_string_lossy().unwrap_or_default()
            ),
        );
        S_OK
    }
}

/// The way to protocol managers' custom interfaces (WPF_EXPOSE_PROTOCOL_MANAGER_CUSTOM_INTERFACE_ID).
pub struct ExposeProtocolManagers {
    references: References,
    managers: std::sync::Arc<ProtocolManagers>,
    /// The framework that handed this object out (passed to a manager's init function).
    framework: std::sync::atomic::AtomicPtr<IWorkerProcessFramework>,
}

impl WpfReferencedObject for ExposeProtocolManagers {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWpfExposeProtocolManagerCustomInterface::Release()")
    }
}

/// Loads the protocol manager DLL (once), calls its init function (`GetProtocolManager`
/// when NULL) with the framework, and asks the manager for the custom interface. A DLL that
/// does not load is `HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND)`, a missing init function
/// `HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND)`; the manager's own failures pass through. Each is
/// diagnosed.
pub fn protocol_manager_interface(
    method: &str,
    managers: &ProtocolManagers,
    framework: *mut IWorkerProcessFramework,
    dll: WStrArg<'_>,
    function: WStrArg<'_>,
    id: DWORD,
    out: Out<'_, PVOID>,
) -> HRESULT {
    if out.is_null() {
        scope::diagnose(DiagnosticKind::ContractViolation, method, "ppCustomInterface is NULL");
        return E_INVALIDARG;
    }
    out.set(core::ptr::null_mut());
    let Some(dll) = dll.to_string_lossy().filter(|d| !d.is_empty()) else {
        scope::diagnose(DiagnosticKind::ContractViolation, method, "pProtocolManagerDll is NULL or empty");
        return E_INVALIDARG;
    };
    let function = function.to_string_lossy().unwrap_or_else(|| "GetProtocolManager".to_string());
    match managers.custom_interface(&dll.replace('\\', "/"), &function, framework, id) {
        Ok(interface) => {
            out.set(interface);
            S_OK
        }
        Err((hr, why)) => {
            if !why.is_empty() {
                scope::diagnose(DiagnosticKind::ContractViolation, method, why);
            }
            hr
        }
    }
}

impl WpfExposeProtocolManagerCustomInterface for ExposeProtocolManagers {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfexposeprotocolmanagercustominterface-loadprotocolmanagerandgetcustominterface-method
    fn load_protocol_manager_and_get_custom_interface(
        &self,
        dll: WStrArg<'_>,
        function: WStrArg<'_>,
        id: DWORD,
        out: Out<'_, PVOID>,
    ) -> HRESULT {
        protocol_manager_interface(
            "IWpfExposeProtocolManagerCustomInterface::LoadProtocolManagerAndGetCustomInterface(PCWSTR, PCWSTR, DWORD, PVOID*)",
            &self.managers,
            self.framework.load(std::sync::atomic::Ordering::Acquire),
            dll,
            function,
            id,
            out,
        )
    }
}

/// IWorkerProcessFramework and the objects it hands out.
pub struct Framework {
    references: References,
    pub settings: ComObj<Settings>,
    info: ComObj<ApplicationInfo>,
    actions: ComObj<Actions>,
    preload: ComObj<PreloadInfo>,
    expose: ComObj<ExposeProtocolManagers>,
}

impl WpfReferencedObject for Framework {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-addref-method
    fn add_ref(&self) -> ULONG {
        self.references.add()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iwpfreferencedobject-release-method
    fn release(&self) -> ULONG {
        self.references.release("IWorkerProcessFramework::Release()")
    }
}

impl Framework {
    pub fn new(facts: &WorkerFacts, managers: std::sync::Arc<ProtocolManagers>) -> Self {
        Framework {
            references: References::default(),
            settings: ComObj::new(
                wpf_settings_vtable::<Settings>(),
                Settings {
                    references: References::default(),
                    pool: crate::wide::to_wide(&facts.app_pool_name),
                    anonymous_token: facts.anonymous_token,
                },
            ),
            info: ComObj::new(
                wpf_application_info_util_vtable::<ApplicationInfo>(),
                ApplicationInfo { references: References::default(), site_id: facts.site_id },
            ),
            actions: ComObj::new(wpf_actions_vtable::<Actions>(), Actions { references: References::default() }),
            preload: ComObj::new(
                wpf_application_preload_util_vtable::<PreloadInfo>(),
                PreloadInfo { references: References::default() },
            ),
            expose: ComObj::new(
                wpf_expose_protocol_manager_custom_interface_vtable::<ExposeProtocolManagers>(),
                ExposeProtocolManagers {
                    references: References::default(),
                    managers,
                    framework: std::sync::atomic::AtomicPtr::new(core::ptr::null_mut()),
                },
            ),
        }
    }

    /// A reference for the module to the settings (`GetWorkerProcessSettings`).
    pub fn settings(&self) -> *mut IWpfSettings {
        self.settings.inner().references.add();
        self.settings.as_ptr()
    }
}

impl WorkerProcessFramework for Framework {
    /// WPF_SETTINGS_ID, WPF_APPLICATION_INFO_UTIL_ID, WPF_ACTIONS_ID,
    /// WPF_EXPOSE_PROTOCOL_MANAGER_CUSTOM_INTERFACE_ID and WPF_APPLICATION_PRELOAD_INFO_UTIL_ID,
    /// each with a reference the module releases; the configuration API is E_NOINTERFACE (iissim
    /// has none).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iworkerprocessframework-getwpfinterface-method
    fn get_wpf_interface(&self, id: WPF_INTERFACE_ID_ENUM, out: Out<'_, PVOID>) -> HRESULT {
        if out.is_null() {
            return E_INVALIDARG;
        }
        let object: PVOID = match id {
            WPF_SETTINGS_ID => self.settings().cast(),
            WPF_APPLICATION_INFO_UTIL_ID => {
                self.info.inner().references.add();
                self.info.as_ptr::<core::ffi::c_void>()
            }
            WPF_ACTIONS_ID => {
                self.actions.inner().references.add();
                self.actions.as_ptr::<core::ffi::c_void>()
            }
            WPF_EXPOSE_PROTOCOL_MANAGER_CUSTOM_INTERFACE_ID => {
                let expose = self.expose.inner();
                expose
                    .framework
                    .store(ComObj::interface_of::<IWorkerProcessFramework>(self), std::sync::atomic::Ordering::Release);
                expose.references.add();
                self.expose.as_ptr::<core::ffi::c_void>()
            }
            WPF_APPLICATION_PRELOAD_INFO_UTIL_ID => {
                self.preload.inner().references.add();
                self.preload.as_ptr::<core::ffi::c_void>()
            }
            _ => {
                out.set(core::ptr::null_mut());
                return E_NOINTERFACE;
            }
        };
        out.set(object);
        S_OK
    }

    /// iissim has no custom interfaces.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iworkerprocessframework-getcustominterface-method
    fn get_custom_interface(&self, _id: DWORD, out: Out<'_, PVOID>) -> HRESULT {
        out.set(core::ptr::null_mut());
        E_NOINTERFACE
    }
}
