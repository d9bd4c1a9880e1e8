//! `IHttpFileInfo`: the requested physical file (IHttpContext::GetFileInfo), read when a module
//! first asks for it.
//!
//! Real: GetAttributes, GetSize, GetFileBuffer (the contents of files up to 256 KB, as IIS's
//! file cache keeps them; NULL above), GetFilePath, GetETag, GetLastModifiedTime,
//! GetLastModifiedString, GetVrPath, GetVrToken (NULL: no virtual directory credentials),
//! GetModuleContextContainer, CheckIfFileHasChanged, ReferenceCacheData, DereferenceCacheData,
//! ResetTTL, DecrementTTL, SetFlushed, GetFlushed and GetCacheKey (an IFileKey, `cache_key.rs`).
//! GetHttpCacheAllowed (FALSE: no kernel cache). Partial: AccessCheck (the process's own
//! access decides). Diagnosed: GetFileHandle (iissim hands out no Win32 file handles).
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-interface

use super::cache_key::HostFileKey;
use super::containers::ModuleContainer;
use super::generated::httpcach_thunks::file_key_vtable;
use super::generated::thunks::{http_module_context_container_vtable, HttpCacheSpecificData, HttpFileInfo};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{Out, Ptr};
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;
use std::ffi::CString;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Files up to this size have their contents in memory (GetFileBuffer).
pub const MAX_BUFFERED: u64 = 256 * 1024;
/// `FILE_ATTRIBUTE_READONLY`.
pub const FILE_ATTRIBUTE_READONLY: DWORD = 0x1;
/// `FILE_ATTRIBUTE_ARCHIVE`: what a file written since its last backup carries on Windows.
pub const FILE_ATTRIBUTE_ARCHIVE: DWORD = 0x20;
/// 100 ns intervals between 1601-01-01 and 1970-01-01.
const FILETIME_UNIX_EPOCH: u64 = 116_444_736_000_000_000;

pub struct FileInfo {
    path: PathBuf,
    wide_path: Vec<WCHAR>,
    vr_path: Vec<WCHAR>,
    attributes: DWORD,
    size: u64,
    modified: u64,
    buffer: Option<Vec<u8>>,
    etag: CString,
    last_modified: CString,
    references: Cell<i64>,
    /// The TTL count and the flushed flag.
    life: super::cache_life::CacheLife,
    pub(crate) container: ComObj<ModuleContainer>,
    /// Its key in the file cache, made on the first GetCacheKey.
    key: std::cell::OnceCell<ComObj<HostFileKey>>,
}

/// A time as a Windows FILETIME value (100 ns since 1601).
pub fn filetime(time: SystemTime) -> u64 {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    FILETIME_UNIX_EPOCH + since.as_secs() * 10_000_000 + u64::from(since.subsec_nanos() / 100)
}

/// An RFC 1123 date (`Sun, 06 Nov 1994 08:49:37 GMT`), as HTTP's Last-Modified carries it.
pub fn http_date(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = crate::civil_date::from_days(days);
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

impl FileInfo {
    /// The file at `path`, or `None` when there is no such file (a folder is no file).
    pub fn open(path: &Path, vr_path: &str) -> Option<FileInfo> {
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        let modified_time = meta.modified().unwrap_or(UNIX_EPOCH);
        let modified = filetime(modified_time);
        let size = meta.len();
        let buffer = if size <= MAX_BUFFERED { std::fs::read(path).ok() } else { None };
        let mut attributes = FILE_ATTRIBUTE_ARCHIVE;
        if meta.permissions().readonly() {
            attributes |= FILE_ATTRIBUTE_READONLY;
        }
        Some(FileInfo {
            path: path.to_path_buf(),
            wide_path: crate::wide::to_wide(&path.display().to_string()),
            vr_path: crate::wide::to_wide(vr_path),
            attributes,
            size,
            modified,
            buffer,
            // IIS's strong ETag: the last-write time in hex, then the change number.
            etag: CString::new(format!("\"{modified:x}:0\"")).unwrap_or_default(),
            last_modified: CString::new(http_date(modified_time)).unwrap_or_default(),
            references: Cell::new(0),
            life: Default::default(),
            container: ComObj::new(
                http_module_context_container_vtable::<ModuleContainer>(),
                ModuleContainer::default(),
            ),
            key: std::cell::OnceCell::new(),
        })
    }

    /// The request ends: references a module took and never gave back are reported.
    pub fn end(&self) {
        self.container.inner().end();
        let left = self.references.get();
        if left > 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpCacheSpecificData::ReferenceCacheData()",
                format!("{left} reference(s) to the file info were never released with DereferenceCacheData"),
            );
        }
    }
}

impl HttpCacheSpecificData for FileInfo {
    /// The file's `IFileKey` (cache name `FILE`, the file's path).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-getcachekey-method
    fn get_cache_key(&self) -> *mut IHttpCacheKey {
        self.key
            .get_or_init(|| {
                ComObj::new(file_key_vtable::<HostFileKey>(), HostFileKey::new(&self.path.display().to_string()))
            })
            .as_ptr()
    }

    /// The request holds the file info; a module that keeps it longer takes a reference.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-referencecachedata-method
    fn reference_cache_data(&self) {
        self.references.set(self.references.get() + 1);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-dereferencecachedata-method
    fn dereference_cache_data(&self) {
        if self.references.get() == 0 {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpCacheSpecificData::DereferenceCacheData()",
                "more DereferenceCacheData calls than ReferenceCacheData calls (the request owns its file info)",
            );
            return;
        }
        self.references.set(self.references.get() - 1);
    }

    fn reset_ttl(&self) {
        self.life.reset_ttl();
    }

    fn decrement_ttl(&self, expired: Out<'_, BOOL>) {
        self.life.decrement_ttl(expired);
    }

    fn set_flushed(&self) {
        self.life.set_flushed();
    }

    fn get_flushed(&self) -> BOOL {
        self.life.flushed()
    }
}

impl HttpFileInfo for FileInfo {
    /// `FILE_ATTRIBUTE_ARCHIVE`, plus `FILE_ATTRIBUTE_READONLY` for a file nobody may write.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getattributes-method
    fn get_attributes(&self) -> DWORD {
        self.attributes
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getsize-method
    fn get_size(&self, size: Ptr<'_, ULARGE_INTEGER>) {
        if !size.write(ULARGE_INTEGER { QuadPart: self.size }) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpFileInfo::GetSize(ULARGE_INTEGER*) const",
                "pliSize is NULL",
            );
        }
    }

    /// The contents for files up to 256 KB; NULL for larger ones, which IIS does not cache.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getfilebuffer-method
    fn get_file_buffer(&self) -> *const BYTE {
        self.buffer.as_ref().map_or(core::ptr::null(), |b| b.as_ptr())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getfilepath-method
    fn get_file_path(&self) -> PCWSTR {
        self.wide_path.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getetag-method
    fn get_e_tag(&self, len: Out<'_, USHORT>) -> PCSTR {
        len.set(self.etag.as_bytes().len() as USHORT);
        self.etag.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getlastmodifiedtime-method
    fn get_last_modified_time(&self, time: Ptr<'_, FILETIME>) {
        let value = FILETIME { dwLowDateTime: self.modified as DWORD, dwHighDateTime: (self.modified >> 32) as DWORD };
        if !time.write(value) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpFileInfo::GetLastModifiedTime(FILETIME*) const",
                "pFileTime is NULL",
            );
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getlastmodifiedstring-method
    fn get_last_modified_string(&self) -> PCSTR {
        self.last_modified.as_ptr()
    }

    /// NULL: the virtual directory has no configured credentials.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getvrtoken-method
    fn get_vr_token(&self) -> HANDLE {
        core::ptr::null_mut()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getvrpath-method
    fn get_vr_path(&self) -> PCWSTR {
        self.vr_path.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut IHttpModuleContextContainer {
        self.container.as_ptr()
    }

    /// FALSE with 0 seconds: iissim has no kernel (HTTP.sys) cache, so no file is cached there.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-gethttpcacheallowed-method
    fn get_http_cache_allowed(&self, seconds: Out<'_, DWORD>) -> BOOL {
        seconds.set(0);
        FALSE
    }

    /// S_OK when the file can be read now, else `HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)`.
    /// Partial: the file system's permissions for the iissim process decide; the token and SID are not used (no Windows ACLs).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-accesscheck-method
    fn access_check(&self, _user_token: HANDLE, _user_sid: PSID) -> HRESULT {
        match std::fs::File::open(&self.path) {
            Ok(_) => S_OK,
            Err(_) => from_win32(ERROR_ACCESS_DENIED),
        }
    }

    /// Whether the file's size or last-write time differs from when it was read.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpfileinfo-checkiffilehaschanged-method
    fn check_if_file_has_changed(&self, _user_token: HANDLE) -> BOOL {
        let now = std::fs::metadata(&self.path).ok().map(|m| (m.len(), filetime(m.modified().unwrap_or(UNIX_EPOCH))));
        BOOL::from(now != Some((self.size, self.modified)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn http_dates_and_filetimes_match_known_values() {
        // RFC 9110's example date, and the FILETIME of the Unix epoch.
        let t = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(filetime(UNIX_EPOCH), 116_444_736_000_000_000);
        assert_eq!(http_date(UNIX_EPOCH + Duration::from_secs(951_782_400)), "Tue, 29 Feb 2000 00:00:00 GMT");
    }

    /// The count starts at 2: the second DecrementTTL expires it, ResetTTL starts it over.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-decrementttl-method
    #[test]
    fn ttl_expires_on_the_second_decrement_and_resets() {
        let file = std::env::temp_dir().join(format!("iissim-ttl-{}.txt", std::process::id()));
        std::fs::write(&file, b"x").unwrap();
        let info = FileInfo::open(&file, "/ttl.txt").unwrap();
        std::fs::remove_file(&file).unwrap();
        assert_eq!((info.life.decrement(), info.life.decrement()), (false, true));
        info.reset_ttl();
        assert!(!info.life.decrement());
        assert_eq!(info.get_flushed(), FALSE);
        info.set_flushed();
        assert_eq!(info.get_flushed(), TRUE);
    }
}
