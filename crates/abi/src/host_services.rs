//! `IISSIM_HOST_SERVICES`: iissim's own ABI between the SDK's header-only Win32 shim and the
//! host (design decision 6). The C side is `crates/sdk/include/iissim/host_services.h`; the
//! layout asserts below hold both to the same offsets.

use core::ffi::{c_char, c_int, c_void};

/// The table version this crate describes.
pub const IISSIM_HOST_SERVICES_VERSION: u32 = 1;

/// The name of the pointer variable every module carries, for `dlsym`.
pub const IISSIM_HOST_SERVICES_SYMBOL: &[u8] = b"iissim_host_services\0";

/// The host's side of the Win32 shim. Fields are appended, never reordered.
#[repr(C)]
pub struct IISSIM_HOST_SERVICES {
    pub cbSize: u32,
    pub version: u32,
    /// `CloseHandle` on a handle the shim did not create; nonzero when the host handled it.
    pub close_handle: Option<unsafe extern "C" fn(handle: *mut c_void) -> c_int>,
    /// `ReportEvent`: source, EVENTLOG_* type, category, event id, UTF-8 strings.
    pub report_event: Option<
        unsafe extern "C" fn(
            source: *const c_char,
            kind: u16,
            category: u16,
            event_id: u32,
            string_count: u16,
            strings: *const *const c_char,
        ) -> c_int,
    >,
    /// `OutputDebugStringA/W`, as UTF-8.
    pub output_debug_string: Option<unsafe extern "C" fn(text: *const c_char)>,
    /// `GetTokenInformation` on a host token; returns a Win32 error code.
    pub get_token_information: Option<
        unsafe extern "C" fn(
            token: *mut c_void,
            class: u32,
            buffer: *mut c_void,
            length: u32,
            returned: *mut u32,
        ) -> u32,
    >,
    /// `CheckTokenMembership`; returns a Win32 error code.
    pub check_token_membership:
        Option<unsafe extern "C" fn(token: *mut c_void, sid: *const c_void, is_member: *mut c_int) -> u32>,
    /// `DuplicateToken(Ex)`: a new token the module owns (1 primary, 2 impersonation).
    pub duplicate_token:
        Option<unsafe extern "C" fn(token: *mut c_void, token_type: u32, new_token: *mut *mut c_void) -> u32>,
    /// Impersonation: the thread's token (NULL reverts).
    pub set_thread_token: Option<unsafe extern "C" fn(token: *mut c_void) -> u32>,
    /// The thread's impersonation token, or NULL.
    pub get_thread_token: Option<unsafe extern "C" fn() -> *mut c_void>,
    /// `LookupAccountSid` with UTF-8 buffers.
    pub lookup_account_sid: Option<
        unsafe extern "C" fn(
            sid: *const c_void,
            name: *mut c_char,
            name_len: *mut u32,
            domain: *mut c_char,
            domain_len: *mut u32,
            sid_use: *mut u32,
        ) -> u32,
    >,
}

const _: () = {
    use core::mem::{offset_of, size_of};
    const SLOT: usize = size_of::<usize>();
    assert!(offset_of!(IISSIM_HOST_SERVICES, close_handle) == 8);
    assert!(offset_of!(IISSIM_HOST_SERVICES, report_event) == 8 + SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, output_debug_string) == 8 + 2 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, get_token_information) == 8 + 3 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, check_token_membership) == 8 + 4 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, duplicate_token) == 8 + 5 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, set_thread_token) == 8 + 6 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, get_thread_token) == 8 + 7 * SLOT);
    assert!(offset_of!(IISSIM_HOST_SERVICES, lookup_account_sid) == 8 + 8 * SLOT);
    assert!(size_of::<IISSIM_HOST_SERVICES>() == 8 + 9 * SLOT);
};
