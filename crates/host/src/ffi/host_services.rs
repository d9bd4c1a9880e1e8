//! The host's side of the SDK's Win32 shim (design decision 6): the table every loaded module's
//! `iissim_host_services` pointer is set to. Each entry point lands in the current request's
//! scope, so events, debug output and misuse show up on that request's trace.

use crate::diagnostics::DiagnosticKind;
use crate::identity::{tokens, TokenKind};
use crate::scope;
use crate::trace::TraceEvent;
use core::ffi::{c_char, c_int, c_void, CStr};
use iissim_abi::host_services::{IISSIM_HOST_SERVICES, IISSIM_HOST_SERVICES_VERSION};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The table every module gets.
pub static HOST_SERVICES: IISSIM_HOST_SERVICES = IISSIM_HOST_SERVICES {
    cbSize: core::mem::size_of::<IISSIM_HOST_SERVICES>() as u32,
    version: IISSIM_HOST_SERVICES_VERSION,
    close_handle: Some(close_handle),
    report_event: Some(report_event),
    output_debug_string: Some(output_debug_string),
    get_token_information: None,
    check_token_membership: None,
};

/// A UTF-8 (lossy) copy of a C string from the shim, or an empty string for NULL.
///
/// # Safety
/// `text` is null or NUL-terminated.
unsafe fn text(text: *const c_char) -> String {
    if text.is_null() {
        return String::new();
    }
    // SAFETY: non-null and NUL-terminated per this function's contract.
    unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned()
}

/// Runs `body`, turning a panic into `failure`: nothing unwinds into the module.
fn guarded<R>(failure: R, body: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(failure)
}

/// `CloseHandle` on a handle the shim did not create. A server-owned token is a contract
/// violation (the IHttpUser documentation: the caller must not close it); it stays usable.
unsafe extern "C" fn close_handle(handle: *mut c_void) -> c_int {
    guarded(0, || match tokens().owner(handle) {
        Some((user, kind)) => {
            let which = match kind {
                TokenKind::Primary => "primary",
                TokenKind::Impersonation => "impersonation",
            };
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "CloseHandle",
                format!(
                    "closed the {which} token of user `{user}`, which the server owns (IHttpUser::Get{}Token: the caller must not close it); the token stays valid",
                    if kind == TokenKind::Primary { "Primary" } else { "Impersonation" }
                ),
            );
            1
        }
        None => 0,
    })
}

unsafe extern "C" fn report_event(
    source: *const c_char,
    kind: u16,
    category: u16,
    event_id: u32,
    string_count: u16,
    strings: *const *const c_char,
) -> c_int {
    guarded(0, || {
        // SAFETY: the shim passes a NUL-terminated source name.
        let source = unsafe { text(source) };
        let strings = (0..usize::from(string_count))
            .map(|i| {
                if strings.is_null() {
                    return String::new();
                }
                // SAFETY: the shim passes `string_count` string pointers, each NULL or NUL-terminated.
                unsafe { text(*strings.add(i)) }
            })
            .collect();
        scope::record(TraceEvent::EventLog { source, kind, category, event_id, strings });
        1
    })
}

unsafe extern "C" fn output_debug_string(message: *const c_char) {
    guarded((), || {
        // SAFETY: the shim passes a NUL-terminated string.
        let text = unsafe { text(message) };
        scope::record(TraceEvent::DebugString { text });
    })
}
