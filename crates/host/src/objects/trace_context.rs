//! `IHttpTraceContext`: a module's way into the request's trace (IHttpContext::GetTraceContext).
//!
//! Real: QuickTrace (recorded on the request trace as `quick-trace`, and in FREB files as
//! MODULE_TRACE), GetTraceActivityId (one GUID per request). Partial: RaiseTraceEvent.
//! Diagnosed: GetTraceConfiguration and SetTraceConfiguration (`HTTP_TRACE_CONFIGURATION` is
//! httptrace.h's, which iissim's SDK does not ship, so a module cannot fill one in).
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-interface

use super::generated::thunks::HttpTraceContext;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Ptr, WStrArg};
use crate::scope;
use crate::trace::TraceEvent;
use iissim_abi::types::*;
use iissim_abi::*;
use std::hash::{BuildHasher, Hasher};

pub struct TraceContext {
    /// Made on the first GetTraceActivityId: most requests never ask.
    activity_id: std::cell::OnceCell<GUID>,
}

impl TraceContext {
    pub fn new() -> Self {
        TraceContext { activity_id: std::cell::OnceCell::new() }
    }

    fn record(what: &'static str, data1: String, data2: String, hr: HRESULT, level: UCHAR) {
        let (module, notification) = scope::current();
        scope::record(TraceEvent::ModuleTrace { module, notification, what, data1, data2, hr, level });
    }
}

impl Default for TraceContext {
    fn default() -> Self {
        Self::new()
    }
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
    /// Partial: recorded on the trace without its fields (HTTP_TRACE_EVENT is opaque without httptrace.h).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptracecontext-raisetraceevent-method
    fn raise_trace_event(&self, event: Ptr<'_, HTTP_TRACE_EVENT>) -> HRESULT {
        if event.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpTraceContext::RaiseTraceEvent(HTTP_TRACE_EVENT*)",
                "pTraceEvent is NULL",
            );
            return E_INVALIDARG;
        }
        Self::record("raise-trace-event", String::new(), String::new(), S_OK, 0);
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
