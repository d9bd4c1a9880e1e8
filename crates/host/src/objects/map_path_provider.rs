//! `IMapPathProvider`: the provider of RQ_MAP_PATH, raised whenever the server maps a URL of
//! the request to a physical path (PATH_TRANSLATED and the other path variables,
//! IHttpContext::GetPhysicalPath, GetFileInfo, MapPath).
//!
//! Real: GetUrl, GetPhysicalPath, SetPhysicalPath, SetErrorStatus. What the last module left
//! in the provider is the mapping the server uses.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-interface

use super::generated::thunks::{map_path_provider_vtable, HttpEventProvider, MapPathProvider as MapPathProviderApi};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::WStrArg;
use crate::notifications::MAP_PATH;
use crate::scope;
use crate::state::RequestState;
use crate::wide::{from_wide, to_wide};
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::{Cell, RefCell};

pub struct MapPathProvider {
    /// NUL-terminated.
    url: Vec<WCHAR>,
    /// NUL-terminated; replaced by SetPhysicalPath.
    physical: RefCell<Vec<WCHAR>>,
    error: Cell<Option<HRESULT>>,
}

impl HttpEventProvider for MapPathProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpeventprovider-seterrorstatus-method
    fn set_error_status(&self, error: HRESULT) {
        self.error.set(Some(error));
    }
}

impl MapPathProviderApi for MapPathProvider {
    /// The URL being mapped.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-geturl-method
    fn get_url(&self) -> PCWSTR {
        self.url.as_ptr()
    }

    /// The physical path as the server (or an earlier module) mapped it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-getphysicalpath-method
    fn get_physical_path(&self) -> PCWSTR {
        self.physical.borrow().as_ptr()
    }

    /// Replaces the mapping with `cch` characters of `path`; NULL fails with
    /// ERROR_INVALID_PARAMETER.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imappathprovider-setphysicalpath-method
    fn set_physical_path(&self, path: WStrArg<'_>, cch: DWORD) -> HRESULT {
        let Some(units) = path.units_n(cch as usize) else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IMapPathProvider::SetPhysicalPath(PCWSTR, DWORD)",
                "pszPhysicalPath is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let mut physical = units.to_vec();
        physical.push(0);
        *self.physical.borrow_mut() = physical;
        S_OK
    }
}

/// Raises RQ_MAP_PATH for `url`, mapped by default to `physical`, and returns the mapping the
/// modules leave. No subscriber, or a mapping asked for inside OnMapPath: `physical` as it is.
pub fn map_path(state: &RequestState, url: &str, physical: String) -> String {
    let Some((targets, _running)) = crate::nested::begin(&state.map_path_targets, &state.mapping_path) else {
        return physical;
    };
    let provider = ComObj::new(
        map_path_provider_vtable::<MapPathProvider>(),
        MapPathProvider { url: to_wide(url), physical: RefCell::new(to_wide(&physical)), error: Cell::new(None) },
    );
    crate::nested::raise(state, &targets, &MAP_PATH, provider.as_ptr());
    let provider = provider.inner();
    if let Some(error) = provider.error.get() {
        super::providers::set_error_status(state, error);
    }
    let units = provider.physical.borrow();
    from_wide(&units[..units.len() - 1])
}
