//! `IScriptMapInfo`: the handler mapping the request runs under (IHttpContext::GetScriptMap).
//!
//! iissim has one handler mapping, IIS's default `StaticFile` handler for `*`:
//! `<add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />`.
//! Real: every method, for that mapping.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-interface

use super::generated::thunks::ScriptMapInfo;
use crate::ffi::args::Out;
use crate::wide::to_wide;
use iissim_abi::types::*;

/// `MD_ACCESS_READ`: the handler needs read access (`requireAccess="Read"`).
pub const MD_ACCESS_READ: DWORD = 0x1;
/// `resourceType="Either"`: the handler runs for files and folders alike (IIS's value 2).
pub const RESOURCE_TYPE_EITHER: DWORD = 2;
/// The default `responseBufferLimit` of a handler mapping, 4 MB.
pub const RESPONSE_BUFFER_LIMIT: DWORD = 4_194_304;

/// The mapping's strings, made once for the process (every request shares them).
struct Strings {
    path: Vec<WCHAR>,
    modules: Vec<WCHAR>,
    empty: Vec<WCHAR>,
    name: Vec<WCHAR>,
}

pub struct ScriptMap {
    strings: &'static Strings,
    verbs: &'static core::ffi::CStr,
}

impl ScriptMap {
    /// The `StaticFile` mapping.
    pub fn static_file() -> Self {
        static STRINGS: std::sync::OnceLock<Strings> = std::sync::OnceLock::new();
        let strings = STRINGS.get_or_init(|| Strings {
            path: to_wide("*"),
            modules: to_wide("StaticFileModule,DefaultDocumentModule,DirectoryListingModule"),
            empty: to_wide(""),
            name: to_wide("StaticFile"),
        });
        ScriptMap { strings, verbs: c"*" }
    }

    fn with_len(text: &[WCHAR], len: &Out<'_, DWORD>) -> PCWSTR {
        len.set((text.len() - 1) as DWORD);
        text.as_ptr()
    }
}

impl ScriptMapInfo for ScriptMap {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getpath-method
    fn get_path(&self) -> PCWSTR {
        self.strings.path.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getallowedverbs-method
    fn get_allowed_verbs(&self) -> PCSTR {
        self.verbs.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getmodules-method
    fn get_modules(&self, len: Out<'_, DWORD>) -> PCWSTR {
        Self::with_len(&self.strings.modules, &len)
    }

    /// Empty: the static file handler is a module, not a script processor.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getscriptprocessor-method
    fn get_script_processor(&self, len: Out<'_, DWORD>) -> PCWSTR {
        Self::with_len(&self.strings.empty, &len)
    }

    /// Empty: not a managed handler.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getmanagedtype-method
    fn get_managed_type(&self, len: Out<'_, DWORD>) -> PCWSTR {
        Self::with_len(&self.strings.empty, &len)
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getallowpathinfoforscriptmappings-method
    fn get_allow_path_info_for_script_mappings(&self) -> BOOL {
        FALSE
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getrequiredaccess-method
    fn get_required_access(&self) -> DWORD {
        MD_ACCESS_READ
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getresourcetype-method
    fn get_resource_type(&self) -> DWORD {
        RESOURCE_TYPE_EITHER
    }

    /// FALSE: `StaticFile` is a handler for `*`, not a wildcard script map (a `*` mapping with
    /// a script processor that runs before the handler).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getisstarscriptmap-method
    fn get_is_star_script_map(&self) -> BOOL {
        FALSE
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getresponsebufferlimit-method
    fn get_response_buffer_limit(&self) -> DWORD {
        RESPONSE_BUFFER_LIMIT
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iscriptmapinfo-getname-method
    fn get_name(&self) -> PCWSTR {
        self.strings.name.as_ptr()
    }
}
