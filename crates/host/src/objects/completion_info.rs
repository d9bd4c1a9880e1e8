//! `IHttpCompletionInfo` and `IHttpCompletionInfo2`: what `OnAsyncCompletion` learns about the
//! completion that resumed it. Every method is real.

use super::generated::thunks::{HttpCompletionInfo, HttpCompletionInfo2};
use iissim_abi::types::*;
use std::cell::Cell;

/// The completion being delivered.
#[derive(Default)]
pub struct CompletionInfo {
    bytes: Cell<DWORD>,
    status: Cell<HRESULT>,
    operation: Cell<DWORD>,
}

impl CompletionInfo {
    /// Sets what the next `OnAsyncCompletion` sees.
    pub fn set(&self, bytes: DWORD, status: HRESULT, operation: DWORD) {
        self.bytes.set(bytes);
        self.status.set(status);
        self.operation.set(operation);
    }
}

impl HttpCompletionInfo for CompletionInfo {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcompletioninfo-getcompletionbytes-method
    fn get_completion_bytes(&self) -> DWORD {
        self.bytes.get()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcompletioninfo-getcompletionstatus-method
    fn get_completion_status(&self) -> HRESULT {
        self.status.get()
    }
}

impl HttpCompletionInfo2 for CompletionInfo {
    /// 0: the completion of the notification itself (PostCompletion), not of an I/O operation.
    fn get_completed_operation(&self) -> DWORD {
        self.operation.get()
    }
}
