//! `IMetadataInfo`: the configuration that applies to the request's URL
//! (IHttpContext::GetMetadata).
//!
//! Real: GetMetaPath, GetVrPath, GetVrToken (NULL: the site's virtual directory has no
//! `userName`, so requests read files as the process or the user, never with a virtual
//! directory token). Partial: GetModuleContextContainer.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imetadatainfo-interface

use super::containers::ModuleContainer;
use super::generated::thunks::{http_module_context_container_vtable, MetadataInfo};
use super::ComObj;
use crate::state::RequestState;
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

pub struct Metadata {
    state: Rc<RequestState>,
    /// Made on the first GetVrPath.
    vr_path: std::cell::OnceCell<Vec<WCHAR>>,
    pub(crate) container: ComObj<ModuleContainer>,
}

impl Metadata {
    pub fn new(state: Rc<RequestState>) -> Self {
        Metadata {
            state,
            vr_path: std::cell::OnceCell::new(),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
        }
    }
}

impl MetadataInfo for Metadata {
    /// The configuration path of the URL: `MACHINE/WEBROOT/APPHOST/<site name><url path>`,
    /// copied into the request's memory.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imetadatainfo-getmetapath-method
    fn get_meta_path(&self) -> PCWSTR {
        let path = self.state.request.borrow().path.clone();
        let meta = format!("MACHINE/WEBROOT/APPHOST/{}{}", self.state.site.name, path.trim_end_matches('/'));
        self.state.arena.alloc_wstr(&meta).0
    }

    /// The physical path of the virtual directory the URL is in: the site's root.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imetadatainfo-getvrpath-method
    fn get_vr_path(&self) -> PCWSTR {
        self.vr_path.get_or_init(|| crate::wide::to_wide(&crate::server_variables::site_root(&self.state))).as_ptr()
    }

    /// NULL: the virtual directory has no configured credentials (no `userName`), which is
    /// when IIS has no token for it either.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imetadatainfo-getvrtoken-method
    fn get_vr_token(&self) -> *mut IHttpTokenEntry {
        core::ptr::null_mut()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imetadatainfo-getmodulecontextcontainer-method
    /// Partial: IIS caches metadata and its stored contexts across requests; iissim's live for one request.
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }
}

/// `IReferencedMetadataInfo`: the configuration of a URL of a site outside any request
/// (IHttpServer2::GetMetadata), with a reference count the module holds.
///
/// Real: ReferenceMetadata, DereferenceMetadata (counted; more dereferences than references
/// are diagnosed; references left at shutdown are reported), and IMetadataInfo's methods as for
/// a request's URL.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireferencedmetadatainfo-interface
pub struct ReferencedMetadata {
    meta_path: Vec<WCHAR>,
    vr_path: Vec<WCHAR>,
    container: ComObj<ModuleContainer>,
    references: std::sync::atomic::AtomicI64,
}

impl ReferencedMetadata {
    /// The metadata of `url` in site `site_name`, whose root folder is `root`; one reference.
    pub fn new(site_name: &str, url: &str, root: &str) -> Self {
        let url = if url.starts_with('/') { url.to_string() } else { format!("/{url}") };
        ReferencedMetadata {
            meta_path: crate::wide::to_wide(&format!(
                "MACHINE/WEBROOT/APPHOST/{site_name}{}",
                url.trim_end_matches('/')
            )),
            vr_path: crate::wide::to_wide(root),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
            references: std::sync::atomic::AtomicI64::new(1),
        }
    }

    /// The worker stops: stored contexts are cleaned up; the references the module still holds.
    pub fn end(&self) -> i64 {
        self.container.inner().end();
        self.references.load(std::sync::atomic::Ordering::Acquire)
    }
}

impl MetadataInfo for ReferencedMetadata {
    fn get_meta_path(&self) -> PCWSTR {
        self.meta_path.as_ptr()
    }

    fn get_vr_path(&self) -> PCWSTR {
        self.vr_path.as_ptr()
    }

    fn get_vr_token(&self) -> *mut IHttpTokenEntry {
        core::ptr::null_mut()
    }

    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }
}

impl super::generated::thunks::ReferencedMetadataInfo for ReferencedMetadata {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireferencedmetadatainfo-referencemetadata-method
    fn reference_metadata(&self) {
        self.references.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireferencedmetadatainfo-dereferencemetadata-method
    fn dereference_metadata(&self) {
        use std::sync::atomic::Ordering;
        if self.references.fetch_sub(1, Ordering::AcqRel) <= 0 {
            self.references.fetch_add(1, Ordering::AcqRel);
            crate::scope::diagnose(
                crate::diagnostics::DiagnosticKind::ContractViolation,
                "IReferencedMetadataInfo::DereferenceMetadata()",
                "more DereferenceMetadata calls than references",
            );
        }
    }
}
