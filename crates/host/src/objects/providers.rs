//! The request-notification providers: `IHttpEventProvider`, `IAuthenticationProvider`,
//! `IMapHandlerProvider`.
//!
//! Real: SetErrorStatus, SetUser. IMapHandlerProvider's own methods are diagnosed.

use super::generated::thunks::{
    AuthenticationProvider as AuthenticationProviderApi, HttpEventProvider, MapHandlerProvider as MapHandlerProviderApi,
};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::module_call;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

/// Records the error a module reports through `SetErrorStatus` on the response.
fn set_error_status(state: &RequestState, error: HRESULT) {
    state.response.borrow_mut().error = error;
}

/// The provider of notifications that have no richer one.
pub struct EventProvider {
    state: Rc<RequestState>,
}

impl EventProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        EventProvider { state }
    }
}

impl HttpEventProvider for EventProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpeventprovider-seterrorstatus-method
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

/// The provider of RQ_AUTHENTICATE_REQUEST.
pub struct AuthenticationProvider {
    state: Rc<RequestState>,
}

impl AuthenticationProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        AuthenticationProvider { state }
    }
}

impl HttpEventProvider for AuthenticationProvider {
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

impl AuthenticationProviderApi for AuthenticationProvider {
    /// The module's user becomes the request's user; the host holds a reference on it
    /// (ReferenceUser now, DereferenceUser when it is replaced or the request ends).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iauthenticationprovider-setuser-method
    fn set_user(&self, user: *mut IHttpUser) {
        if user.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IAuthenticationProvider::SetUser(IHttpUser*)",
                "pUser is NULL",
            );
            return;
        }
        module_call::reference_user(user);
        let previous = self.state.user.replace(user);
        if !previous.is_null() {
            module_call::dereference_user(previous);
        }
        let names = module_call::user_names(user);
        *self.state.user_names.borrow_mut() = Some(names);
    }
}

/// The provider of RQ_MAP_REQUEST_HANDLER.
pub struct MapHandlerProvider {
    state: Rc<RequestState>,
}

impl MapHandlerProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        MapHandlerProvider { state }
    }
}

impl HttpEventProvider for MapHandlerProvider {
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

impl MapHandlerProviderApi for MapHandlerProvider {}
