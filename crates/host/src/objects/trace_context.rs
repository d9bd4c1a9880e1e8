//! `IHttpTraceContext`: a module's way into tracing (IHttpContext::GetTraceContext for a
//! request, IHttpServer::GetTraceContext for the worker), and the worker's trace
//! configuration ([`TraceHub`]) that decides which GL_TRACE_EVENT listeners an event is for.
//!
//! Real: QuickTrace (recorded on the request trace as `quick-trace`, and in FREB files as
//! MODULE_TRACE), GetTraceActivityId (one GUID per request), RaiseTraceEvent (recorded with its
//! provider, name, area and verbosity, then GL_TRACE_EVENT to the subscribed global modules),
//! SetTraceConfiguration and GetTraceConfiguration (per module, per provider).
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-interface

use super::generated::thunks::{global_trace_event_provider_vtable, HttpTraceContext};
use super::global_providers::TraceEventProvider;
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Ptr, WStrArg};
use crate::ffi::module_call::{self, GlobalHandler};
use crate::scope;
use crate::trace::TraceEvent;
use iissim_abi::httptrace::{GUID_IIS_ALL_TRACE_PROVIDERS, HTTP_TRACE_CONFIGURATION, HTTP_TRACE_EVENT};
use iissim_abi::types::*;
use iissim_abi::*;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// One module's configuration for one provider (SetTraceConfiguration).
#[derive(Clone, Debug, PartialEq, Eq)]
struct ModuleTraceConfig {
    module: usize,
    provider: GUID,
    areas: DWORD,
    verbosity: DWORD,
}

/// The worker's trace configuration and GL_TRACE_EVENT listeners, shared by every trace
/// context.
#[derive(Default)]
pub struct TraceHub {
    /// Enabled configurations, in the order modules set them.
    configs: Mutex<Vec<ModuleTraceConfig>>,
    /// The global modules subscribed to GL_TRACE_EVENT, in order: (name, `CGlobalModule*`).
    targets: OnceLock<Vec<(Arc<str>, usize)>>,
}

/// What an event says, for matching it against configurations.
#[derive(Clone, Copy, Debug)]
pub struct EventKey {
    pub provider: GUID,
    pub area: DWORD,
    pub verbosity: DWORD,
}

impl TraceHub {
    pub fn set_targets(&self, targets: Vec<(Arc<str>, usize)>) {
        let _ = self.targets.set(targets);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<ModuleTraceConfig>> {
        self.configs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Enables (replacing the module's earlier configuration of that provider) or disables;
    /// disabling a provider the module never enabled is ERROR_NOT_FOUND.
    fn set(&self, module: usize, provider: GUID, areas: DWORD, verbosity: DWORD, enabled: bool) -> HRESULT {
        let mut configs = self.lock();
        let existing = configs.iter().position(|c| c.module == module && c.provider == provider);
        match (existing, enabled) {
            (Some(at), true) => configs[at] = ModuleTraceConfig { module, provider, areas, verbosity },
            (None, true) => configs.push(ModuleTraceConfig { module, provider, areas, verbosity }),
            (Some(at), false) => {
                configs.remove(at);
            }
            (None, false) => return from_win32(ERROR_NOT_FOUND),
        }
        S_OK
    }

    /// What every module together asks of `provider`: the union of areas, the highest
    /// verbosity, and whether any module enabled it (the all-providers wildcard counts).
    fn get(&self, provider: &GUID) -> (DWORD, DWORD, bool) {
        self.lock()
            .iter()
            .filter(|c| c.provider == *provider || c.provider == GUID_IIS_ALL_TRACE_PROVIDERS)
            .fold((0, 0, false), |(areas, verbosity, _), c| (areas | c.areas, verbosity.max(c.verbosity), true))
    }

    /// Whether `module`'s configuration asks for the event: its provider (or every provider),
    /// one of its areas (0 areas: every area), at or below its verbosity.
    pub fn subscribed(&self, module: usize, event: &EventKey) -> bool {
        self.lock().iter().any(|c| {
            c.module == module
                && (c.provider == event.provider || c.provider == GUID_IIS_ALL_TRACE_PROVIDERS)
                && (c.areas == 0 || c.areas & event.area != 0)
                && event.verbosity <= c.verbosity
        })
    }
}

thread_local! {
    /// Set while GL_TRACE_EVENT runs on this thread: an event a listener raises is recorded
    /// but not delivered again, so listeners cannot loop.
    static DELIVERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub struct TraceContext {
    /// Made on the first GetTraceActivityId: most requests never ask.
    activity_id: OnceLock<GUID>,
    hub: Option<Arc<TraceHub>>,
    /// The request's `IHttpContext*` (set when the context hands this object out); NULL for
    /// the worker's trace context.
    context: AtomicPtr<IHttpContext>,
}

impl TraceContext {
    pub fn new(hub: Option<Arc<TraceHub>>) -> Self {
        TraceContext { activity_id: OnceLock::new(), hub, context: AtomicPtr::new(std::ptr::null_mut()) }
    }

    /// The request this trace context belongs to.
    pub fn set_context(&self, context: *mut IHttpContext) {
        self.context.store(context, Ordering::Relaxed);
    }

    fn record(what: &'static str, data1: String, data2: String, hr: HRESULT, level: UCHAR) {
        let (module, notification) = scope::current();
        scope::record(TraceEvent::ModuleTrace { module, notification, what, data1, data2, hr, level });
    }
}

/// `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`.
fn guid_text(g: &GUID) -> String {
    format!(
        "{{{:08x}-{:04x}-{:04x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}}}",
        g.data1,
        g.data2,
        g.data3,
        g.data4[0],
        g.data4[1],
        g.data4[2],
        g.data4[3],
        g.data4[4],
        g.data4[5],
        g.data4[6],
        g.data4[7]
    )
}

/// A random (version 4) GUID.
fn new_guid() -> GUID {
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_usize(i);
        hasher.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
        );
        chunk.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    GUID {
        data1: u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
        data2: u16::from_le_bytes([bytes[4], bytes[5]]),
        data3: u16::from_le_bytes([bytes[6], bytes[7]]),
        data4: [bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]],
    }
}

impl HttpTraceContext for TraceContext {
    /// Fills in, for the `pProviderGuid` the module set, what the modules together configured:
    /// the union of their areas, the highest verbosity, and whether any enabled it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-gettraceconfiguration-method
    fn get_trace_configuration(&self, config: Ptr<'_, HTTP_TRACE_CONFIGURATION>) -> HRESULT {
        const METHOD: &str = "IHttpTraceContext::GetTraceConfiguration(HTTP_TRACE_CONFIGURATION*)";
        let Some(current) = config.slice(1).map(|c| c[0]) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pHttpTraceConfiguration is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let Some(provider) = module_call::read_guid(current.pProviderGuid) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pProviderGuid is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let (areas, verbosity, enabled) = self.hub.as_ref().map_or((0, 0, false), |h| h.get(&provider));
        config.write(HTTP_TRACE_CONFIGURATION {
            pProviderGuid: current.pProviderGuid,
            dwAreas: areas,
            dwVerbosity: verbosity,
            fProviderEnabled: BOOL::from(enabled),
        });
        S_OK
    }

    /// Records each configuration for the module: enabled ones replace the module's earlier
    /// one for the provider, disabled ones remove it (ERROR_NOT_FOUND when there was none); a
    /// NULL `pProviderGuid` is ERROR_INVALID_PARAMETER.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-settraceconfiguration-method
    fn set_trace_configuration(
        &self,
        module: HTTP_MODULE_ID,
        configs: Ptr<'_, HTTP_TRACE_CONFIGURATION>,
        count: DWORD,
    ) -> HRESULT {
        const METHOD: &str =
            "IHttpTraceContext::SetTraceConfiguration(HTTP_MODULE_ID, HTTP_TRACE_CONFIGURATION*, DWORD)";
        let Some(configs) = configs.slice(count as usize) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pHttpTraceConfiguration is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        if module.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "moduleId is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        let Some(hub) = &self.hub else { return E_FAIL };
        for config in configs {
            let Some(provider) = module_call::read_guid(config.pProviderGuid) else {
                scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pProviderGuid is NULL");
                return from_win32(ERROR_INVALID_PARAMETER);
            };
            let hr = hub.set(
                module as usize,
                provider,
                config.dwAreas,
                config.dwVerbosity,
                config.fProviderEnabled != FALSE,
            );
            if hr != S_OK {
                return hr;
            }
        }
        S_OK
    }

    /// Records the event (provider, name, area, verbosity) on the trace, then raises
    /// GL_TRACE_EVENT to the subscribed global modules with an IGlobalTraceEventProvider whose
    /// CheckSubscription answers from their trace configurations.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-raisetraceevent-method
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobaltraceevent-method
    fn raise_trace_event(&self, event: Ptr<'_, HTTP_TRACE_EVENT>) -> HRESULT {
        const METHOD: &str = "IHttpTraceContext::RaiseTraceEvent(HTTP_TRACE_EVENT*)";
        let Some(fields) = event.slice(1).map(|e| e[0]) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pTraceEvent is NULL");
            return E_INVALIDARG;
        };
        let Some(provider) = module_call::read_guid(fields.pProviderGuid) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pTraceEvent->pProviderGuid is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let name = module_call::read_wide(fields.pszEventName).unwrap_or_default();
        Self::record(
            "raise-trace-event",
            format!("{name} ({})", guid_text(&provider)),
            format!("area {}, verbosity {}", fields.dwArea, fields.dwVerbosity),
            S_OK,
            fields.dwVerbosity as UCHAR,
        );
        let Some(hub) = &self.hub else { return S_OK };
        let targets = hub.targets.get().map(Vec::as_slice).unwrap_or_default();
        if targets.is_empty() || DELIVERING.with(|d| d.get()) {
            return S_OK;
        }
        let key = EventKey { provider, area: fields.dwArea, verbosity: fields.dwVerbosity };
        let listener = ComObj::new(
            global_trace_event_provider_vtable::<TraceEventProvider>(),
            TraceEventProvider::new(event.as_raw(), key, hub.clone(), self.context.load(Ordering::Relaxed)),
        );
        DELIVERING.with(|d| d.set(true));
        crate::globals::raise_nested(targets, "GL_TRACE_EVENT", GlobalHandler::TraceEvent, listener.as_ptr());
        DELIVERING.with(|d| d.set(false));
        S_OK
    }

    /// The request's activity id; the same pointer and value for the whole request.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-gettraceactivityid-method
    fn get_trace_activity_id(&self) -> LPCGUID {
        self.activity_id.get_or_init(new_guid)
    }

    /// Records the two strings, the error code and the level on the request trace.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-quicktrace-method
    fn quick_trace(&self, data1: WStrArg<'_>, data2: WStrArg<'_>, hr: HRESULT, level: UCHAR) -> HRESULT {
        let Some(first) = data1.to_string_lossy() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpTraceContext::QuickTrace(PCWSTR, PCWSTR, HRESULT, UCHAR)",
                "pszData1 is NULL",
            );
            return E_INVALIDARG;
        };
        Self::record("quick-trace", first, data2.to_string_lossy().unwrap_or_default(), hr, level);
        S_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: GUID = GUID { data1: 1, data2: 0, data3: 0, data4: [0; 8] };
    const P2: GUID = GUID { data1: 2, data2: 0, data3: 0, data4: [0; 8] };

    #[test]
    fn configurations_decide_subscription() {
        let hub = TraceHub::default();
        assert_eq!(hub.set(7, P1, 0, 3, false), from_win32(ERROR_NOT_FOUND), "disabling what was never enabled");
        assert_eq!(hub.set(7, P1, 0b10, 3, true), S_OK);
        let event = |provider, area, verbosity| EventKey { provider, area, verbosity };
        assert!(hub.subscribed(7, &event(P1, 0b10, 3)));
        assert!(!hub.subscribed(7, &event(P1, 0b01, 3)), "another area");
        assert!(!hub.subscribed(7, &event(P1, 0b10, 4)), "more verbose than asked");
        assert!(!hub.subscribed(7, &event(P2, 0b10, 1)), "another provider");
        assert!(!hub.subscribed(8, &event(P1, 0b10, 1)), "another module");
        assert_eq!(hub.set(8, GUID_IIS_ALL_TRACE_PROVIDERS, 0, 5, true), S_OK);
        assert!(hub.subscribed(8, &event(P2, 0b100, 5)), "the wildcard provider, every area");
        assert_eq!(hub.get(&P1), (0b10, 5, true));
        assert_eq!(hub.set(7, P1, 0, 0, false), S_OK);
        assert!(!hub.subscribed(7, &event(P1, 0b10, 3)));
    }
}
