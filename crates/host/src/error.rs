//! Why a worker could not start: every message names the file and the cause.

use iissim_abi::types::HRESULT;
use std::path::PathBuf;

/// Why a module could not be loaded and registered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// Occurs when the image file does not exist.
    #[error("module image {path} does not exist")]
    NotFound { path: PathBuf },
    /// Occurs when the system loader rejects the file (not a shared library, wrong
    /// architecture, a symbol it needs is missing).
    #[error("{path} cannot be loaded as a shared library: {message}")]
    NotALibrary { path: PathBuf, message: String },
    /// Occurs when the image has no unmangled `RegisterModule` export.
    #[error("{} exports no `RegisterModule`{}", path.display(), found.as_ref().map(|f| format!("; found `{f}` (missing `extern \"C\"`, or a header other than iissim's httpserv.h?)")).unwrap_or_default())]
    NoRegisterModule { path: PathBuf, found: Option<String> },
    /// Occurs when `RegisterModule` returns a failure HRESULT.
    #[error("RegisterModule of module `{module}` ({}) failed with {}", path.display(), describe_hresult(*hr))]
    RegisterFailed { module: String, path: PathBuf, hr: HRESULT },
}

/// `0x80004005 (E_FAIL: unspecified failure)`.
pub fn describe_hresult(hr: HRESULT) -> String {
    let meaning = match hr as u32 {
        0x8000_4001 => "E_NOTIMPL: not implemented",
        0x8000_4002 => "E_NOINTERFACE: no such interface",
        0x8000_4003 => "E_POINTER: invalid pointer",
        0x8000_4004 => "E_ABORT: operation aborted",
        0x8000_4005 => "E_FAIL: unspecified failure",
        0x8000_FFFF => "E_UNEXPECTED: catastrophic failure",
        0x8007_0002 => "HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)",
        0x8007_0005 => "E_ACCESSDENIED: access denied",
        0x8007_0006 => "E_HANDLE: invalid handle",
        0x8007_000E => "E_OUTOFMEMORY: out of memory",
        0x8007_0057 => "E_INVALIDARG: invalid argument",
        0x8007_0032 => "HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)",
        0x8007_0585 => "HRESULT_FROM_WIN32(ERROR_INVALID_INDEX)",
        0x8007_13AF => "HRESULT_FROM_WIN32(ERROR_INVALID_STATE)",
        code if code & 0xFFFF_0000 == 0x8007_0000 => {
            return format!("0x{code:08X} (HRESULT_FROM_WIN32({}))", code & 0xFFFF)
        }
        _ => return format!("0x{:08X}", hr as u32),
    };
    format!("0x{:08X} ({meaning})", hr as u32)
}

#[cfg(test)]
mod tests {
    use super::describe_hresult;

    #[test]
    fn names_common_hresults() {
        assert_eq!(describe_hresult(0x8000_4005_u32 as i32), "0x80004005 (E_FAIL: unspecified failure)");
        assert_eq!(describe_hresult(0x8007_0020_u32 as i32), "0x80070020 (HRESULT_FROM_WIN32(32))");
        assert_eq!(describe_hresult(0x1234), "0x00001234");
    }
}
