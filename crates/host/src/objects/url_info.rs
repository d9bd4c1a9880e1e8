//! `IHttpUrlInfo`: what the server knows about the request's URL (IHttpContext::GetUrlInfo).
//!
//! Real: IsFrequentlyHit (FALSE: iissim keeps no URL cache). Partial: GetModuleContextContainer.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpurlinfo-interface

use super::containers::ModuleContainer;
use super::generated::thunks::{http_module_context_container_vtable, HttpUrlInfo};
use super::ComObj;
use iissim_abi::types::*;
use iissim_abi::*;

pub struct UrlInfo {
    pub(crate) container: ComObj<ModuleContainer>,
}

impl Default for UrlInfo {
    fn default() -> Self {
        UrlInfo {
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
        }
    }
}

impl HttpUrlInfo for UrlInfo {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpurlinfo-getmodulecontextcontainer-method
    /// Partial: IIS caches URL info and its stored contexts across requests; iissim's live for one request.
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }

    /// No URL is "frequently hit": iissim has no output cache to promote it to.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpurlinfo-isfrequentlyhit-method
    fn is_frequently_hit(&self) -> BOOL {
        FALSE
    }
}
