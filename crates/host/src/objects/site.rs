//! `IHttpSite`: the worker's one site, as `IHttpContext::GetSite` hands it out.
//!
//! Real: GetSiteId, GetSiteName, GetModuleContextContainer (worker-wide; its stored contexts
//! are cleaned up when the worker stops), GetPerfCounterInfo.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpsite-interface

use super::containers::ModuleContainer;
use super::generated::thunks::{http_module_context_container_vtable, http_perf_counter_info_vtable, HttpSite};
use super::perf_counters::PerfCounters;
use super::ComObj;
use crate::site::Site;
use iissim_abi::types::*;
use iissim_abi::*;

pub struct SiteObject {
    id: DWORD,
    name: Vec<WCHAR>,
    pub(crate) container: ComObj<ModuleContainer>,
    pub(crate) counters: ComObj<PerfCounters>,
}

impl SiteObject {
    pub fn new(site: &Site) -> Self {
        SiteObject {
            id: site.id,
            name: crate::wide::to_wide(&site.name),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
            counters: ComObj::new(http_perf_counter_info_vtable::<PerfCounters>(), PerfCounters::default()),
        }
    }
}

impl HttpSite for SiteObject {
    /// The configured `[site] id` (IIS's `<site id>`).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpsite-getsiteid-method
    fn get_site_id(&self) -> DWORD {
        self.id
    }

    /// The configured `[site] name`; lives as long as the worker.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpsite-getsitename-method
    fn get_site_name(&self) -> PCWSTR {
        self.name.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpsite-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpsite-getperfcounterinfo-method
    fn get_perf_counter_info(&self) -> *mut IHttpPerfCounterInfo {
        self.counters.as_ptr()
    }
}
