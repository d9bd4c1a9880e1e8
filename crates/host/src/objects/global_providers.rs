//! The providers of global notifications: `IHttpApplicationProvider` (application start and
//! stop), `IPreBeginRequestProvider`, `IGlobalStopListeningProvider`,
//! `IGlobalConfigurationChangeProvider`, `IGlobalFileChangeProvider`,
//! `IGlobalThreadCleanupProvider`.
//!
//! Real: GetApplication, GetHttpContext, DrainRequestsGracefully, GetChangePath, GetFileName,
//! GetFileMonitor, SetErrorStatus (recorded).

use super::generated::thunks::{
    GlobalConfigurationChangeProvider as GlobalConfigurationChangeProviderApi,
    GlobalFileChangeProvider as GlobalFileChangeProviderApi,
    GlobalStopListeningProvider as GlobalStopListeningProviderApi,
    GlobalThreadCleanupProvider as GlobalThreadCleanupProviderApi,
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

/// GL_CONFIGURATION_CHANGE: the configuration path that changed.
pub struct ConfigurationChangeProvider {
    path: Vec<WCHAR>,
}

impl ConfigurationChangeProvider {
    pub fn new(path: &str) -> Self {
        ConfigurationChangeProvider { path: crate::wide::to_wide(path) }
    }
}

impl HttpEventProvider for ConfigurationChangeProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalConfigurationChangeProviderApi for ConfigurationChangeProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalconfigurationchangeprovider-getchangepath-method
    fn get_change_path(&self) -> PCWSTR {
        self.path.as_ptr()
    }
}

/// GL_FILE_CHANGE: the file that changed, and the monitor that saw it (NULL for
/// IHttpServer::NotifyFileChange).
pub struct FileChangeProvider {
    file: Vec<WCHAR>,
    /// The `IHttpFileMonitor*`, which lives until the worker stops.
    monitor: usize,
}

impl FileChangeProvider {
    pub fn new(file: &str, monitor: *mut IHttpFileMonitor) -> Self {
        FileChangeProvider { file: crate::wide::to_wide(file), monitor: monitor as usize }
    }
}

impl HttpEventProvider for FileChangeProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalFileChangeProviderApi for FileChangeProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalfilechangeprovider-getfilename-method
    fn get_file_name(&self) -> PCWSTR {
        self.file.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalfilechangeprovider-getfilemonitor-method
    fn get_file_monitor(&self) -> *mut IHttpFileMonitor {
        self.monitor as *mut IHttpFileMonitor
    }
}

/// GL_THREAD_CLEANUP: the application whose request the thread served.
pub struct ThreadCleanupProvider {
    /// The worker's application object, which outlives the provider.
    application: usize,
}

impl ThreadCleanupProvider {
    pub fn new(application: *mut IHttpApplication) -> Self {
        ThreadCleanupProvider { application: application as usize }
    }
}

impl HttpEventProvider for ThreadCleanupProvider {
    fn set_error_status(&self, error: HRESULT) {
        global_error_status("IHttpEventProvider::SetErrorStatus(HRESULT)", error);
    }
}

impl GlobalThreadCleanupProviderApi for ThreadCleanupProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iglobalthreadcleanupprovider-getapplication-method
    fn get_application(&self) -> *mut IHttpApplication {
        self.application as *mut IHttpApplication
    }
}
