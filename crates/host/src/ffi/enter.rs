//! The one way in from a raw `this` to safe state, for every server-side thunk.

use crate::diagnostics::DiagnosticKind;
use crate::ffi::trace_args::TraceResult;
use crate::objects::ComObj;
use crate::scope;
use core::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `body` on the object behind `this`, in the four steps every thunk needs: a null `this`
/// gets a diagnostic and `failure`; the call is recorded on the trace; a panic becomes a
/// diagnostic and `failure` (Rust never unwinds into C++); otherwise `body`'s value is returned.
///
/// # Safety
/// `this` is null or points at a live `ComObj<T>`.
pub unsafe fn enter<T, R: TraceResult>(
    this: *mut c_void,
    method: &'static str,
    failure: R,
    args: impl FnOnce() -> String,
    body: impl FnOnce(&T) -> R,
) -> R {
    if this.is_null() {
        scope::diagnose(DiagnosticKind::ContractViolation, method, "called through a null interface pointer");
        return failure;
    }
    // SAFETY: non-null, and the caller promises it is a live ComObj<T>.
    let object = unsafe { &*this.cast::<ComObj<T>>() };
    // The arguments are shown before the call: the method may change what they point at.
    let shown = scope::tracing_calls().then(args);
    match catch_unwind(AssertUnwindSafe(|| body(object.inner()))) {
        Ok(value) => {
            if let Some(args) = shown {
                scope::record_call(method, args, value.show());
            }
            value
        }
        Err(panic) => {
            let text = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            scope::diagnose(DiagnosticKind::HostPanic, method, format!("host panicked: {text}"));
            failure
        }
    }
}

/// What every method a host object does not implement does before it returns the error IIS
/// would give: tell the user.
pub fn unimplemented(method: &'static str) {
    scope::diagnose(DiagnosticKind::Unimplemented, method, "not implemented by iissim");
}
