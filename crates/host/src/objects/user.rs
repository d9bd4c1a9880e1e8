//! `IHttpUser` as the host implements it, over an [`Identity`].
//!
//! Every method is real. `SupportsIsInRole` is FALSE and `IsInRole` E_NOTIMPL, as the IHttpUser
//! documentation states for the server's user: role checks go through the tokens.

use super::generated::thunks::HttpUser;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, WStrArg};
use crate::identity::Identity;
use crate::scope;
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;
use std::sync::Arc;

/// The host's user object of one request.
pub struct User {
    /// Set when authentication picks the identity; the object is handed out only after.
    identity: std::cell::OnceCell<Arc<Identity>>,
    /// References beyond the request's own (ReferenceUser minus DereferenceUser).
    references: Cell<i64>,
}

impl User {
    pub fn new() -> Self {
        User { identity: std::cell::OnceCell::new(), references: Cell::new(0) }
    }

    /// Makes this object the given identity (once per request).
    pub fn set_identity(&self, identity: Arc<Identity>) -> bool {
        self.identity.set(identity).is_ok()
    }

    fn identity(&self) -> &Identity {
        self.identity.get().expect("the host hands its user object out only after authentication set it")
    }

    /// References a module took and did not give back.
    pub fn outstanding_references(&self) -> i64 {
        self.references.get()
    }
}

impl HttpUser for User {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getremoteusername-method
    fn get_remote_user_name(&self) -> PCWSTR {
        self.identity().remote_user_name.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getusername-method
    fn get_user_name(&self) -> PCWSTR {
        self.identity().user_name.as_ptr()
    }

    fn get_authentication_type(&self) -> PCWSTR {
        self.identity().authentication_type.as_ptr()
    }

    fn get_password(&self) -> PCWSTR {
        self.identity().password.as_ptr()
    }

    /// The caller must not close it: the server owns it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getimpersonationtoken-method
    fn get_impersonation_token(&self) -> HANDLE {
        self.identity().impersonation_token.map_or(std::ptr::null_mut(), |t| t.as_handle())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getprimarytoken-method
    fn get_primary_token(&self) -> HANDLE {
        self.identity().primary_token.map_or(std::ptr::null_mut(), |t| t.as_handle())
    }

    fn reference_user(&self) {
        self.references.set(self.references.get() + 1);
    }

    fn dereference_user(&self) {
        let left = self.references.get() - 1;
        if left < 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpUser::DereferenceUser()",
                "more DereferenceUser calls than ReferenceUser calls: the module released a reference it never took",
            );
            return;
        }
        self.references.set(left);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-supportsisinrole-method
    fn supports_is_in_role(&self) -> BOOL {
        FALSE
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-isinrole-method
    fn is_in_role(&self, _role: WStrArg<'_>, in_role: Out<'_, BOOL>) -> HRESULT {
        in_role.set(FALSE);
        E_NOTIMPL
    }

    /// `SID` gives the user's binary SID; other names are not defined for this user: NULL.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpuser-getuservariable-method
    fn get_user_variable(&self, name: CStrArg<'_>) -> PVOID {
        match name.to_bytes() {
            Some(b"SID") => self.identity().principal.sid.as_ptr().cast_mut().cast::<c_void>(),
            _ => std::ptr::null_mut(),
        }
    }
}
