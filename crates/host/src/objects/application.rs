//! `IHttpApplication` and `IHttpApplication2`: the site's one application (its root).
//!
//! Real: GetApplicationPhysicalPath, GetApplicationId, GetAppConfigPath,
//! GetModuleContextContainer (its stored contexts are cleaned up when the application stops),
//! the warm-up methods.

use super::containers::ModuleContainer;
use super::generated::thunks::{http_module_context_container_vtable, HttpApplication, HttpApplication2};
use super::ComObj;
use crate::site::Site;
use crate::wide::to_wide;
use iissim_abi::types::*;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct Application {
    physical_path: Vec<WCHAR>,
    id: Vec<WCHAR>,
    config_path: Vec<WCHAR>,
    warming_up: AtomicBool,
    container: ComObj<ModuleContainer>,
}

impl Application {
    pub fn new(site: &Site) -> Self {
        let mut physical = crate::server_variables::absolute_root(&site.physical_path);
        physical.push(std::path::MAIN_SEPARATOR);
        Application {
            physical_path: to_wide(&physical),
            id: to_wide(&format!("/LM/W3SVC/{}/ROOT", site.id)),
            config_path: to_wide(&format!("MACHINE/WEBROOT/APPHOST/{}", site.name)),
            warming_up: AtomicBool::new(false),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
        }
    }

    /// The application stopped (after GL_APPLICATION_STOP): its stored contexts get
    /// `CleanupStoredContext`.
    pub fn end(&self) {
        self.container.inner().end();
    }
}

impl HttpApplication for Application {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplication-getapplicationphysicalpath-method
    fn get_application_physical_path(&self) -> PCWSTR {
        self.physical_path.as_ptr()
    }

    /// The metabase-style id, `/LM/W3SVC/<site id>/ROOT`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplication-getapplicationid-method
    fn get_application_id(&self) -> PCWSTR {
        self.id.as_ptr()
    }

    /// `MACHINE/WEBROOT/APPHOST/<site name>`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplication-getappconfigpath-method
    fn get_app_config_path(&self) -> PCWSTR {
        self.config_path.as_ptr()
    }

    /// The application's container: shared by every request, cleaned up when it stops.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpapplication-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut iissim_abi::IHttpModuleContextContainer {
        self.container.as_ptr()
    }
}

impl HttpApplication2 for Application {
    fn begin_application_warmup(&self) {
        self.warming_up.store(true, Ordering::Relaxed);
    }

    fn end_application_warmup(&self) {
        self.warming_up.store(false, Ordering::Relaxed);
    }

    fn query_is_warming_up(&self) -> BOOL {
        BOOL::from(self.warming_up.load(Ordering::Relaxed))
    }
}
