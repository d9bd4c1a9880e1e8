//! `IHttpContext` … `IHttpContext4`: the request's context.
//!
//! Real: GetRequest, GetResponse, GetUser, GetResponseHeadersSent, GetServerVariable (both
//! overloads), AllocateRequestMemory, SetRequestHandled. Every other method is diagnosed.

use super::generated::thunks::{HttpContext, HttpContext2, HttpContext3, HttpContext4};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out};
use crate::state::RequestState;
use crate::{scope, server_variables};
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

pub struct Context {
    state: Rc<RequestState>,
}

impl Context {
    pub fn new(state: Rc<RequestState>) -> Self {
        Context { state }
    }

    /// Looks a server variable up, or reports the documented error.
    fn server_variable(&self, method: &str, name: CStrArg<'_>) -> Result<String, HRESULT> {
        let Some(name) = name.to_str() else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pszVariableName is NULL");
            return Err(E_INVALIDARG);
        };
        server_variables::lookup(&self.state, &name).ok_or(from_win32(ERROR_INVALID_INDEX))
    }
}

impl HttpContext for Context {
    fn get_request(&self) -> *mut IHttpRequest {
        self.state.objects.get().request
    }

    fn get_response(&self) -> *mut IHttpResponse {
        self.state.objects.get().response
    }

    /// NULL until authentication has set a user, as in IIS.
    fn get_user(&self) -> *mut IHttpUser {
        self.state.user.get()
    }

    /// The response is buffered until the request ends, so headers are never sent before.
    fn get_response_headers_sent(&self) -> BOOL {
        FALSE
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method
    fn get_server_variable(&self, name: CStrArg<'_>, value: Out<'_, PCSTR>, len: Out<'_, DWORD>) -> HRESULT {
        match self.server_variable("IHttpContext::GetServerVariable(PCSTR, PCSTR*, DWORD*)", name) {
            Ok(text) => {
                value.set(self.state.arena.alloc_cstr(text.as_bytes()));
                len.set(text.len() as DWORD);
                S_OK
            }
            Err(hr) => hr,
        }
    }

    fn get_server_variable_wide(&self, name: CStrArg<'_>, value: Out<'_, PCWSTR>, len: Out<'_, DWORD>) -> HRESULT {
        match self.server_variable("IHttpContext::GetServerVariable(PCSTR, PCWSTR*, DWORD*)", name) {
            Ok(text) => {
                let (wide, units) = self.state.arena.alloc_wstr(&text);
                value.set(wide);
                len.set(units as DWORD);
                S_OK
            }
            Err(hr) => hr,
        }
    }

    /// Zeroed memory that lives until the request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-allocaterequestmemory-method
    fn allocate_request_memory(&self, cb_allocation: DWORD) -> *mut c_void {
        self.state.arena.alloc_zeroed(cb_allocation as usize).cast()
    }

    fn set_request_handled(&self) {
        self.state.handled.set(true);
    }
}

impl HttpContext2 for Context {}
impl HttpContext3 for Context {}
impl HttpContext4 for Context {}
