//! Asynchronous reads and writes (`fAsync` TRUE). The host does the I/O at once, then delivers
//! its result the way IIS does: `*pfCompletionPending` (reads) or `*pfCompletionExpected`
//! (writes) is TRUE, the module returns RQ_NOTIFICATION_PENDING, and `OnAsyncCompletion`, or
//! the `PFN_ASYNC_COMPLETION` the module passed to an IHttpRequest3/IHttpResponse2 overload,
//! receives the byte count and status through `IHttpCompletionInfo`.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-readentitybody-method
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-writeentitychunks-method
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onasynccompletion-method

use crate::completion::{Completed, IoCompletion};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Out, Ptr};
use crate::ffi::module_call;
use crate::scope;
use crate::state::RequestState;
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;

/// How an operation completes.
#[derive(Clone, Copy)]
pub enum Mode {
    Sync,
    /// With the module's callback and its context, for the overloads that take one.
    Async(Option<(usize, usize)>),
}

impl Mode {
    /// The mode of a call without a completion callback.
    pub fn of(f_async: BOOL) -> Mode {
        if f_async != FALSE {
            Mode::Async(None)
        } else {
            Mode::Sync
        }
    }

    /// The mode of a call with a `PFN_ASYNC_COMPLETION` (NULL: `OnAsyncCompletion` gets it).
    pub fn with_callback(f_async: BOOL, callback: PFN_ASYNC_COMPLETION, context: Ptr<'_, c_void>) -> Mode {
        match Mode::of(f_async) {
            Mode::Async(_) => {
                Mode::Async(module_call::async_callback_address(callback).map(|c| (c, context.as_raw() as usize)))
            }
            Mode::Sync => Mode::Sync,
        }
    }

    pub fn is_async(self) -> bool {
        matches!(self, Mode::Async(_))
    }
}

/// Refuses an asynchronous operation whose completion nothing could take: outside a running
/// notification, or while another completion waits. Gives the HRESULT to return.
pub fn refuse(state: &RequestState, mode: Mode, method: &str) -> Option<HRESULT> {
    if !mode.is_async() {
        return None;
    }
    let why = state.completion.refusal()?;
    scope::diagnose(DiagnosticKind::ContractViolation, method, format!("an asynchronous call {why}; nothing was done"));
    Some(from_win32(ERROR_INVALID_STATE))
}

/// Reports `bytes`: at once for a synchronous call; for an asynchronous one `*count` is 0,
/// `*pending` TRUE and the completion waits for the module's RQ_NOTIFICATION_PENDING.
pub fn finish(
    state: &RequestState,
    mode: Mode,
    method: &'static str,
    bytes: DWORD,
    count: Out<'_, DWORD>,
    pending: Out<'_, BOOL>,
) -> HRESULT {
    match mode {
        Mode::Sync => {
            count.set(bytes);
            pending.set(FALSE);
        }
        Mode::Async(callback) => {
            count.set(0);
            let io = Completed::Io(IoCompletion { method, bytes, status: S_OK, callback });
            // Refused only when another thread completed the notification since `refuse`
            // looked (reported as a problem by the slot).
            if !state.completion.complete(io, method) {
                pending.set(FALSE);
                return from_win32(ERROR_INVALID_STATE);
            }
            pending.set(TRUE);
        }
    }
    S_OK
}
