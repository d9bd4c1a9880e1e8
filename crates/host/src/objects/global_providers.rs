//! The providers of global notifications: `IHttpApplicationProvider` (application start and
//! stop), `IPreBeginRequestProvider`, `IGlobalStopListeningProvider`.
//!
//! Real: GetApplication, GetHttpContext, DrainRequestsGracefully, SetErrorStatus (recorded).

use super::generated::thunks::{
    GlobalStopListeningProvider as GlobalStopListeningProviderApi,
    HttpApplicationProvider as HttpApplicationProviderApi, HttpEventProvider,
    PreBeginRequestProvider as PreBeginRequestProviderApi,
};
use crate::diagnostics::DiagnosticKind;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

/// Records `SetErrorStatus` from a global notification: there is no response to carry it.
fn global_error_status(method: &str, error: HRESULT) {
    scope::diagnose(
        DiagnosticKind::Note,
        method,
        format!("SetErrorStatus({}) in a global notification", crate::error::describe_hresult(error)),
    );
}

/// GL_APPLICATION_START and GL_APPLICATION_STOP.
pub struct HttpApplicationProvider {
    /// The worker's application object (`IHttpApplication*`), which outlives the provider.
    application: usize,
}

impl HttpApplicationProvider {
    pub fn new(application: *mut IHttpApplication) -> Self {
        HttpApplicationProvider { application: application as usize }
    }
}

impl HttpEventProvider for HttpApplicationProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl HttpApplicationProviderApi for HttpApplicationProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplicationprovider-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.application as *mut IHttpApplication
    }
}

/// GL_PRE_BEGIN_REQUEST.
pub struct PreBeginRequestProvider {
    state: Rc<RequestState>,
}

impl PreBeginRequestProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        PreBeginRequestProvider { state }
    }
}

impl HttpEventProvider for PreBeginRequestProvider {
    fn set_error_status(&self, error: HRESULT) {
        self.state.response.borrow_mut().error = error;
    }
}

impl PreBeginRequestProviderApi for PreBeginRequestProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iprebeginrequestprovider-gethttpcontext-method
    fn get_http_context(&self) -> *mut IHttpContext {
        self.state.objects.get().context
    }
}

/// GL_STOP_LISTENING.
pub struct GlobalStopListeningProvider;

impl HttpEventProvider for GlobalStopListeningProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalStopListeningProviderApi for GlobalStopListeningProvider {
    /// iissim always stops gracefully: requests in flight finish.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalstoplisteningprovider-drainrequestsgracefully-method
    fn drain_requests_gracefully(&self) -> BOOL {
        TRUE
    }
}
