//! Win32 scalar types as IIS signatures spell them, with the widths of Windows x64.
//!
//! `DWORD`, `ULONG` and `LONG` are 32-bit everywhere (never C `long`); `BOOL` is a 32-bit int;
//! `WCHAR` is the platform `wchar_t` (design decision 4): UTF-32 off Windows, UTF-16 on Windows.
#![allow(non_camel_case_types, clippy::upper_case_acronyms)]

use core::ffi::{c_char, c_void};

pub type VOID = c_void;
pub type PVOID = *mut c_void;
pub type HANDLE = *mut c_void;
pub type PSID = *mut c_void;
pub type BOOL = i32;
pub type BOOLEAN = u8;
pub type BYTE = u8;
pub type UCHAR = u8;
pub type PUCHAR = *mut u8;
pub type PBYTE = *mut u8;
pub type CHAR = c_char;
pub type USHORT = u16;
pub type SHORT = i16;
pub type DWORD = u32;
pub type PDWORD = *mut u32;
pub type ULONG = u32;
pub type PULONG = *mut u32;
pub type LONG = i32;
pub type HRESULT = i32;
pub type ULONGLONG = u64;
pub type LONGLONG = i64;

/// The platform `wchar_t`: 4 bytes (UTF-32) on Linux and macOS, 2 bytes (UTF-16) on Windows.
#[cfg(windows)]
pub type WCHAR = u16;
/// The platform `wchar_t`: 4 bytes (UTF-32) on Linux and macOS, 2 bytes (UTF-16) on Windows.
#[cfg(not(windows))]
pub type WCHAR = i32;

pub type PCSTR = *const c_char;
pub type PSTR = *mut c_char;
pub type PCWSTR = *const WCHAR;
pub type LPCWSTR = *const WCHAR;
pub type PWSTR = *mut WCHAR;

/// An OLE automation string: `wchar_t` text after a 4-byte length (wpframework.h passes it out).
pub type BSTR = *mut WCHAR;

/// OLE automation's `SAFEARRAY`, only ever passed by pointer (wpframework.h).
#[repr(C)]
pub struct SAFEARRAY {
    _private: [u8; 0],
}

pub const TRUE: BOOL = 1;
pub const FALSE: BOOL = 0;

/// A COM GUID, 16 bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct GUID {
    pub data1: u32,
    pub data2: u16,
    pub data3: u16,
    pub data4: [u8; 8],
}
pub type LPCGUID = *const GUID;

/// Windows `FILETIME`: 100 ns intervals since 1601-01-01, split in two halves.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct FILETIME {
    pub dwLowDateTime: DWORD,
    pub dwHighDateTime: DWORD,
}

/// Windows `ULARGE_INTEGER`, only ever passed by pointer in IIS signatures.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct ULARGE_INTEGER {
    pub QuadPart: u64,
}

/// Windows `OVERLAPPED` (32 bytes on x64); iissim never looks inside it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct OVERLAPPED {
    pub Internal: usize,
    pub InternalHigh: usize,
    pub Offset: u64,
    pub hEvent: HANDLE,
}
pub type LPOVERLAPPED = *mut OVERLAPPED;
pub type LPOVERLAPPED_COMPLETION_ROUTINE =
    Option<unsafe extern "C" fn(dwErrorCode: DWORD, dwNumberOfBytesTransfered: DWORD, lpOverlapped: LPOVERLAPPED)>;

/// The platform's own `sockaddr` (design decision 4).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
pub struct SOCKADDR {
    pub sa_family: u16,
    pub sa_data: [c_char; 14],
}
/// The platform's own `sockaddr` (design decision 4): BSD systems carry a length byte.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
pub struct SOCKADDR {
    pub sa_len: u8,
    pub sa_family: u8,
    pub sa_data: [c_char; 14],
}
pub type PSOCKADDR = *mut SOCKADDR;
