//! The C ABI of IIS native modules, and nothing else: `#[repr(C)]` types, constants, and the
//! vtable of every interface of httpserv.h, httpcach.h and wpframework.h in the slot order of
//! both C++ ABIs; httptrace.h's structures in [`httptrace`].
//!
//! Everything under `generated/` comes from `httpserv.idl`, `httpcach.idl` and `wpframework.idl`
//! through `cargo xtask codegen`.
//! [`vtables`] is the layout of the ABI this crate is compiled for; both layouts are always
//! compiled so that the layout proofs can check each of them on any machine.
#![deny(unsafe_code)]
#![allow(non_camel_case_types, non_snake_case, clippy::upper_case_acronyms)]

pub mod host_services;
pub mod http;
pub mod httptrace;
pub mod rtti;
pub mod types;
mod vtable;

/// Generated from the IDL files; do not edit by hand.
pub mod generated {
    pub mod consts;
    pub mod itanium;
    pub mod msvc;
    pub mod rtti;
}

pub use generated::consts::*;
pub use vtable::{ClassLayout, ServerVtable};

/// The vtables of the C++ ABI of this target.
#[cfg(not(all(windows, target_env = "msvc")))]
pub use generated::itanium as vtables;
/// The vtables of the C++ ABI of this target.
#[cfg(all(windows, target_env = "msvc"))]
pub use generated::msvc as vtables;

pub use vtables::*;

/// httptrace.h's structures, which httpserv.h only forward-declares
/// (`IHttpTraceContext::RaiseTraceEvent(HTTP_TRACE_EVENT*)`, ...).
pub use httptrace::{HTTP_TRACE_CONFIGURATION, HTTP_TRACE_EVENT, HTTP_TRACE_EVENT_ITEM};

use types::{HRESULT, PVOID};

/// `HTTP_MODULE_ID`: an opaque per-module id the server hands out.
pub type HTTP_MODULE_ID = PVOID;

/// `PFN_ASYNC_COMPLETION`; the interface arguments are `IHttpContext3*` and `IHttpCompletionInfo2*`.
pub type PFN_ASYNC_COMPLETION = Option<
    unsafe extern "C" fn(
        pHttpContext: *mut core::ffi::c_void,
        pCompletionInfo: *mut core::ffi::c_void,
        pvCompletionContext: *mut core::ffi::c_void,
    ) -> REQUEST_NOTIFICATION_STATUS,
>;

/// `PFN_REGISTERMODULE`, the type of the module's `RegisterModule` export.
pub type PFN_REGISTERMODULE = unsafe extern "C" fn(
    dwServerVersion: types::DWORD,
    pModuleInfo: *mut IHttpModuleRegistrationInfo,
    pGlobalInfo: *mut IHttpServer,
) -> HRESULT;

macro_rules! opaque {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[repr(C)]
        pub struct $name {
            _private: [u8; 0],
        }
    )*};
}

opaque! {
    /// ahadmin.h's configuration manager; a later issue gives it a vtable.
    IAppHostAdminManager,
    /// ahadmin.h's configuration exception.
    IAppHostConfigException,
}

/// HRESULTs and Win32 error codes the host returns.
pub mod hresult {
    use crate::types::HRESULT;

    pub const S_OK: HRESULT = 0;
    pub const S_FALSE: HRESULT = 1;
    pub const E_NOTIMPL: HRESULT = 0x8000_4001_u32 as i32;
    pub const E_NOINTERFACE: HRESULT = 0x8000_4002_u32 as i32;
    pub const E_POINTER: HRESULT = 0x8000_4003_u32 as i32;
    pub const E_FAIL: HRESULT = 0x8000_4005_u32 as i32;
    pub const E_UNEXPECTED: HRESULT = 0x8000_FFFF_u32 as i32;
    pub const E_OUTOFMEMORY: HRESULT = 0x8007_000E_u32 as i32;
    pub const E_INVALIDARG: HRESULT = 0x8007_0057_u32 as i32;

    pub const ERROR_FILE_NOT_FOUND: u32 = 2;
    pub const ERROR_PATH_NOT_FOUND: u32 = 3;
    pub const ERROR_ACCESS_DENIED: u32 = 5;
    pub const ERROR_INVALID_HANDLE: u32 = 6;
    pub const ERROR_NOT_ENOUGH_MEMORY: u32 = 8;
    pub const ERROR_READ_FAULT: u32 = 30;
    pub const ERROR_HANDLE_EOF: u32 = 38;
    pub const ERROR_NOT_SUPPORTED: u32 = 50;
    pub const ERROR_LOGON_FAILURE: u32 = 1326;
    pub const ERROR_INVALID_PARAMETER: u32 = 87;
    pub const ERROR_INSUFFICIENT_BUFFER: u32 = 122;
    pub const ERROR_INVALID_INDEX: u32 = 1413;
    pub const ERROR_NOT_FOUND: u32 = 1168;
    pub const ERROR_INVALID_STATE: u32 = 5023;

    /// `HRESULT_FROM_WIN32`: zero stays zero, anything else gets the Win32 facility.
    pub const fn from_win32(code: u32) -> HRESULT {
        if code as i32 <= 0 {
            code as i32
        } else {
            ((code & 0xFFFF) | 0x8007_0000) as i32
        }
    }
}
pub use hresult::*;
