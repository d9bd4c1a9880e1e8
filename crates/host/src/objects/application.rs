//! `IHttpApplication` and `IHttpApplication2`: the site's one application (its root).
//!
//! Real: GetApplicationPhysicalPath, GetApplicationId, GetAppConfigPath, the warm-up methods.
//! GetModuleContextContainer is diagnosed.

use super::generated::thunks::{HttpApplication, HttpApplication2};
use crate::site::Site;
use crate::wide::to_wide;
use iissim_abi::types::*;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct Application {
    physical_path: Vec<WCHAR>,
    id: Vec<WCHAR>,
    config_path: Vec<WCHAR>,
    warming_up: AtomicBool,
}

impl Application {
    pub fn new(site: &Site) -> Self {
        let mut physical = site.physical_path.display().to_string();
        if !physical.ends_with(std::path::MAIN_SEPARATOR) {
            physical.push(std::path::MAIN_SEPARATOR);
        }
        Application {
            physical_path: to_wide(&physical),
            id: to_wide(&format!("/LM/W3SVC/{}/ROOT", site.id)),
            config_path: to_wide(&format!("MACHINE/WEBROOT/APPHOST/{}", site.name)),
            warming_up: AtomicBool::new(false),
        }
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
