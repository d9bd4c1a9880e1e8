//! `IHttpModuleRegistrationInfo` and `IHttpModuleRegistrationInfo2`: what a module says about
//! itself in `RegisterModule`.
//!
//! Every method is real. Global notifications are recorded (and `Terminate` is called at
//! shutdown); the pipeline delivers request notifications only, so far.

use super::generated::thunks::{HttpModuleRegistrationInfo, HttpModuleRegistrationInfo2};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::WStrArg;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::sync::Mutex;

/// A priority alias (`PRIORITY_ALIAS_*`), highest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    First,
    High,
    Medium,
    Low,
    Last,
}

impl Priority {
    /// The alias as modules pass it (`PRIORITY_ALIAS_HIGH` is `L"HIGH"`).
    pub fn alias(self) -> &'static str {
        match self {
            Priority::First => "FIRST",
            Priority::High => "HIGH",
            Priority::Medium => "MEDIUM",
            Priority::Low => "LOW",
            Priority::Last => "LAST",
        }
    }

    pub(crate) fn parse(alias: &str) -> Option<Priority> {
        Some(match alias {
            "FIRST" => Priority::First,
            "HIGH" => Priority::High,
            "MEDIUM" => Priority::Medium,
            "LOW" => Priority::Low,
            "LAST" => Priority::Last,
            _ => return None,
        })
    }
}

/// What a module registered.
#[derive(Default)]
pub struct Registered {
    pub factory: Option<usize>,
    pub request_mask: DWORD,
    pub post_mask: DWORD,
    pub global_module: Option<usize>,
    pub global_mask: DWORD,
    /// (notification bit, priority) for pre, post and global notifications.
    pub request_priorities: Vec<(DWORD, Priority)>,
    pub post_priorities: Vec<(DWORD, Priority)>,
    pub global_priorities: Vec<(DWORD, Priority)>,
}

/// The registration object of one module.
pub struct Registration {
    name: Vec<WCHAR>,
    pub registered: Mutex<Registered>,
}

impl Registration {
    pub fn new(name: &str) -> Self {
        Registration { name: crate::wide::to_wide(name), registered: Mutex::default() }
    }

    fn registered(&self) -> std::sync::MutexGuard<'_, Registered> {
        self.registered.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn priority(method: &str, alias: WStrArg<'_>) -> Result<Priority, HRESULT> {
        let text = alias.to_string_lossy().unwrap_or_default();
        Priority::parse(&text).ok_or_else(|| {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                method,
                format!("`{text}` is not a priority alias (FIRST, HIGH, MEDIUM, LOW, LAST)"),
            );
            E_INVALIDARG
        })
    }
}

impl HttpModuleRegistrationInfo for Registration {
    fn get_name(&self) -> PCWSTR {
        self.name.as_ptr()
    }

    /// The module's id is its registration object's address: unique for the process.
    fn get_id(&self) -> HTTP_MODULE_ID {
        ComObj::interface_of(self)
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmoduleregistrationinfo-setrequestnotifications-method
    fn set_request_notifications(&self, factory: *mut IHttpModuleFactory, request: DWORD, post: DWORD) -> HRESULT {
        if factory.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpModuleRegistrationInfo::SetRequestNotifications(IHttpModuleFactory*, DWORD, DWORD)",
                "pModuleFactory is NULL",
            );
            return E_INVALIDARG;
        }
        let mut registered = self.registered();
        registered.factory = Some(factory as usize);
        registered.request_mask = request;
        registered.post_mask = post;
        S_OK
    }

    fn set_global_notifications(&self, module: *mut CGlobalModule, mask: DWORD) -> HRESULT {
        if module.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpModuleRegistrationInfo::SetGlobalNotifications(CGlobalModule*, DWORD)",
                "pGlobalModule is NULL",
            );
            return E_INVALIDARG;
        }
        let mut registered = self.registered();
        registered.global_module = Some(module as usize);
        registered.global_mask = mask;
        S_OK
    }

    fn set_priority_for_request_notification(&self, notification: DWORD, alias: WStrArg<'_>) -> HRESULT {
        match Self::priority("IHttpModuleRegistrationInfo::SetPriorityForRequestNotification(DWORD, PCWSTR)", alias) {
            Ok(p) => {
                self.registered().request_priorities.push((notification, p));
                S_OK
            }
            Err(hr) => hr,
        }
    }

    fn set_priority_for_global_notification(&self, notification: DWORD, alias: WStrArg<'_>) -> HRESULT {
        match Self::priority("IHttpModuleRegistrationInfo::SetPriorityForGlobalNotification(DWORD, PCWSTR)", alias) {
            Ok(p) => {
                self.registered().global_priorities.push((notification, p));
                S_OK
            }
            Err(hr) => hr,
        }
    }
}

impl HttpModuleRegistrationInfo2 for Registration {
    fn set_priority_for_post_request_notification(&self, notification: DWORD, alias: WStrArg<'_>) -> HRESULT {
        match Self::priority(
            "IHttpModuleRegistrationInfo2::SetPriorityForPostRequestNotification(DWORD, PCWSTR)",
            alias,
        ) {
            Ok(p) => {
                self.registered().post_priorities.push((notification, p));
                S_OK
            }
            Err(hr) => hr,
        }
    }
}
