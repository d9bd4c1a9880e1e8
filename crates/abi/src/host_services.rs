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
    /// Reserved for `GetTokenInformation`.
    pub get_token_information: Option<
        unsafe extern "C" fn(
            token: *mut c_void,
            class: u32,
            buffer: *mut c_void,
            length: u32,
            returned: *mut u32,
        ) -> c_int,
    >,
    /// Reserved for `CheckTokenMembership`.
    pub check_token_membership:
        Option<unsafe extern "C" fn(token: *mut c_void, sid: *const c_void, is_member: *mut c_int) -> c_int>,
}

const _: () = {
    use core::mem::{offset_of, size_of};
    assert!(offset_of!(IISSIM_HOST_SERVICES, close_handle) == 8);
    assert!(offset_of!(IISSIM_HOST_SERVICES, report_event) == 8 + size_of::<usize>());
    assert!(offset_of!(IISSIM_HOST_SERVICES, output_debug_string) == 8 + 2 * size_of::<usize>());
    assert!(offset_of!(IISSIM_HOST_SERVICES, get_token_information) == 8 + 3 * size_of::<usize>());
    assert!(offset_of!(IISSIM_HOST_SERVICES, check_token_membership) == 8 + 4 * size_of::<usize>());
    assert!(size_of::<IISSIM_HOST_SERVICES>() == 8 + 5 * size_of::<usize>());
};
