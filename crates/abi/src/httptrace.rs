//! httptrace.h: the trace event and trace configuration structures that httpserv.h only
//! forward-declares, the item data types, flags, levels and the IIS trace-provider GUIDs.
//!
//! The C side is `crates/sdk/include/httptrace.h`; `tests/httptrace_layout.rs` checks every
//! size, offset and value below against it. The numbers asserted here are those of 64-bit
//! Windows (shared/abi/httptrace-abi.md §5), which Linux shares: the structs hold only pointers
//! and 32-bit fields. Strings are `wchar_t` (UTF-32 off Windows, design decision 4), so a
//! `HTTP_TRACE_TYPE_LPCWSTR` item's `cbData` counts 4-byte units there.

use crate::types::{BOOL, DWORD, GUID, LPCGUID, LPCWSTR, PBYTE};

/// `enum HTTP_TRACE_TYPE`: how an item's `pbData` is read; the numbers are VARIANT `VT_*` types.
pub type HTTP_TRACE_TYPE = i32;
/// `uint8`.
pub const HTTP_TRACE_TYPE_BYTE: HTTP_TRACE_TYPE = 17;
/// `uint16`.
pub const HTTP_TRACE_TYPE_USHORT: HTTP_TRACE_TYPE = 18;
/// `uint32`.
pub const HTTP_TRACE_TYPE_ULONG: HTTP_TRACE_TYPE = 19;
/// `uint64`.
pub const HTTP_TRACE_TYPE_ULONGLONG: HTTP_TRACE_TYPE = 21;
/// `int8`.
pub const HTTP_TRACE_TYPE_CHAR: HTTP_TRACE_TYPE = 16;
/// `int16`.
pub const HTTP_TRACE_TYPE_SHORT: HTTP_TRACE_TYPE = 2;
/// `int32`.
pub const HTTP_TRACE_TYPE_LONG: HTTP_TRACE_TYPE = 3;
/// `int64`.
pub const HTTP_TRACE_TYPE_LONGLONG: HTTP_TRACE_TYPE = 20;
/// The wide characters themselves (`wchar_t`), `cbData` bytes including the NUL.
pub const HTTP_TRACE_TYPE_LPCWSTR: HTTP_TRACE_TYPE = 31;
/// The narrow characters themselves.
pub const HTTP_TRACE_TYPE_LPCSTR: HTTP_TRACE_TYPE = 30;
/// The 16 bytes of a GUID.
pub const HTTP_TRACE_TYPE_LPCGUID: HTTP_TRACE_TYPE = 72;
/// A 4-byte `BOOL`.
pub const HTTP_TRACE_TYPE_BOOL: HTTP_TRACE_TYPE = 11;

/// `HTTP_TRACE_EVENT::dwFlags`: the provider/area GUIDs, the event name and every item's name and
/// description live as long as the process, so a consumer that keeps the event need not copy them.
pub const HTTP_TRACE_EVENT_FLAG_STATIC_DESCRIPTIVE_FIELDS: DWORD = 0x01;
/// Verbosity of "start" events, beside the ETW levels (same number as TRACE_LEVEL_RESERVED6).
pub const HTTP_TRACE_LEVEL_START: DWORD = 6;
/// Verbosity of "end" events (same number as TRACE_LEVEL_RESERVED7).
pub const HTTP_TRACE_LEVEL_END: DWORD = 7;

/// evntrace.h's ETW levels, which trace configurations and events use as `dwVerbosity`.
pub const TRACE_LEVEL_NONE: DWORD = 0;
pub const TRACE_LEVEL_CRITICAL: DWORD = 1;
pub const TRACE_LEVEL_FATAL: DWORD = 1;
pub const TRACE_LEVEL_ERROR: DWORD = 2;
pub const TRACE_LEVEL_WARNING: DWORD = 3;
/// `IHttpTraceContext::QuickTrace`'s default level.
pub const TRACE_LEVEL_INFORMATION: DWORD = 4;
pub const TRACE_LEVEL_VERBOSE: DWORD = 5;

/// `struct HTTP_TRACE_EVENT`: one event a provider raises (`IHttpTraceContext::RaiseTraceEvent`)
/// and a consumer reads (`IGlobalTraceEventProvider::GetTraceEvent`). 88 bytes on x64.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_TRACE_EVENT {
    pub pProviderGuid: LPCGUID,
    /// The provider's area bit.
    pub dwArea: DWORD,
    pub pAreaGuid: LPCGUID,
    /// The event id (ETW event type).
    pub dwEvent: DWORD,
    pub pszEventName: LPCWSTR,
    pub dwEventVersion: DWORD,
    /// The ETW level (`TRACE_LEVEL_*`, `HTTP_TRACE_LEVEL_*`).
    pub dwVerbosity: DWORD,
    /// NULL: the server fills in the request's activity.
    pub pActivityGuid: LPCGUID,
    pub pRelatedActivityGuid: LPCGUID,
    /// Tick count; 0: the server fills it in.
    pub dwTimeStamp: DWORD,
    /// `HTTP_TRACE_EVENT_FLAG_*`.
    pub dwFlags: DWORD,
    /// Number of items at `pEventItems` (ETW allows at most 16).
    pub cEventItems: DWORD,
    pub pEventItems: *mut HTTP_TRACE_EVENT_ITEM,
}

/// `struct HTTP_TRACE_EVENT_ITEM`: one named value of an event. 40 bytes on x64.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_TRACE_EVENT_ITEM {
    pub pszName: LPCWSTR,
    /// How to read `pbData`: an [`HTTP_TRACE_TYPE`].
    pub dwDataType: HTTP_TRACE_TYPE,
    /// The value (for strings, the first character), never the value itself in the pointer.
    pub pbData: PBYTE,
    pub cbData: DWORD,
    /// Extra description (enumeration text), or NULL.
    pub pszDataDescription: LPCWSTR,
}

/// `struct HTTP_TRACE_CONFIGURATION`: which areas and level of one provider are enabled; a
/// consumer sets it (`SetTraceConfiguration`), a provider asks for it (`GetTraceConfiguration`,
/// `pProviderGuid` in, the rest out). 24 bytes on x64.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_TRACE_CONFIGURATION {
    pub pProviderGuid: LPCGUID,
    pub dwAreas: DWORD,
    pub dwVerbosity: DWORD,
    pub fProviderEnabled: BOOL,
}

/// `{l}-{w1}-{w2}-{b}` as a [`GUID`].
const fn guid(data1: u32, data2: u16, data3: u16, data4: [u8; 8]) -> GUID {
    GUID { data1, data2, data3, data4 }
}

/// The "every provider" wildcard of trace configurations.
pub const GUID_IIS_ALL_TRACE_PROVIDERS: GUID = guid(0, 0, 0, [0; 8]);
/// IIS's "WWW Server" provider.
pub const GUID_IIS_WWW_SERVER_TRACE_PROVIDER: GUID =
    guid(0x3a2a4e84, 0x4c21, 0x4981, [0xae, 0x10, 0x3f, 0xda, 0x0d, 0x9b, 0x0f, 0x83]);
/// The unified (V2) form of the WWW Server provider.
pub const GUID_IIS_WWW_SERVER_V2_TRACE_PROVIDER: GUID =
    guid(0xde4649c9, 0x15e8, 0x4fea, [0x9d, 0x85, 0x1c, 0xdd, 0xa5, 0x20, 0xc3, 0x34]);
/// ASP.NET's events.
pub const GUID_IIS_ASPNET_TRACE_PROVIDER: GUID =
    guid(0xaff081fe, 0x0247, 0x4275, [0x9c, 0x4e, 0x02, 0x1f, 0x3d, 0xc1, 0xda, 0x35]);
/// Classic ASP's events.
pub const GUID_IIS_ASP_TRACE_TRACE_PROVIDER: GUID =
    guid(0x06b94d9a, 0xb15e, 0x456e, [0xa4, 0xef, 0x37, 0xc9, 0x84, 0xa2, 0xcb, 0x4b]);
/// Process-level WWW events.
pub const GUID_IIS_WWW_GLOBAL_TRACE_PROVIDER: GUID =
    guid(0xd55d3bc9, 0xcba9, 0x44df, [0x82, 0x7e, 0x13, 0x2d, 0x3a, 0x45, 0x96, 0xc2]);
/// ISAPI extensions' events.
pub const GUID_IIS_ISAPI_TRACE_PROVIDER: GUID =
    guid(0xa1c2040e, 0x8840, 0x4c31, [0xba, 0x11, 0x98, 0x71, 0x03, 0x1a, 0x19, 0xea]);

/// Every provider GUID of httptrace.h, by name.
pub const TRACE_PROVIDERS: [(&str, GUID); 7] = [
    ("GUID_IIS_ALL_TRACE_PROVIDERS", GUID_IIS_ALL_TRACE_PROVIDERS),
    ("GUID_IIS_WWW_SERVER_TRACE_PROVIDER", GUID_IIS_WWW_SERVER_TRACE_PROVIDER),
    ("GUID_IIS_WWW_SERVER_V2_TRACE_PROVIDER", GUID_IIS_WWW_SERVER_V2_TRACE_PROVIDER),
    ("GUID_IIS_ASPNET_TRACE_PROVIDER", GUID_IIS_ASPNET_TRACE_PROVIDER),
    ("GUID_IIS_ASP_TRACE_TRACE_PROVIDER", GUID_IIS_ASP_TRACE_TRACE_PROVIDER),
    ("GUID_IIS_WWW_GLOBAL_TRACE_PROVIDER", GUID_IIS_WWW_GLOBAL_TRACE_PROVIDER),
    ("GUID_IIS_ISAPI_TRACE_PROVIDER", GUID_IIS_ISAPI_TRACE_PROVIDER),
];

/// The x64 layouts of httptrace-abi.md §5 (every 64-bit target: no field is a C `long`).
#[cfg(target_pointer_width = "64")]
const _: () = {
    use core::mem::{align_of, offset_of, size_of};
    assert!(size_of::<HTTP_TRACE_EVENT>() == 88 && align_of::<HTTP_TRACE_EVENT>() == 8);
    assert!(offset_of!(HTTP_TRACE_EVENT, pProviderGuid) == 0);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwArea) == 8);
    assert!(offset_of!(HTTP_TRACE_EVENT, pAreaGuid) == 16);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwEvent) == 24);
    assert!(offset_of!(HTTP_TRACE_EVENT, pszEventName) == 32);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwEventVersion) == 40);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwVerbosity) == 44);
    assert!(offset_of!(HTTP_TRACE_EVENT, pActivityGuid) == 48);
    assert!(offset_of!(HTTP_TRACE_EVENT, pRelatedActivityGuid) == 56);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwTimeStamp) == 64);
    assert!(offset_of!(HTTP_TRACE_EVENT, dwFlags) == 68);
    assert!(offset_of!(HTTP_TRACE_EVENT, cEventItems) == 72);
    assert!(offset_of!(HTTP_TRACE_EVENT, pEventItems) == 80);

    assert!(size_of::<HTTP_TRACE_EVENT_ITEM>() == 40 && align_of::<HTTP_TRACE_EVENT_ITEM>() == 8);
    assert!(offset_of!(HTTP_TRACE_EVENT_ITEM, pszName) == 0);
    assert!(offset_of!(HTTP_TRACE_EVENT_ITEM, dwDataType) == 8);
    assert!(offset_of!(HTTP_TRACE_EVENT_ITEM, pbData) == 16);
    assert!(offset_of!(HTTP_TRACE_EVENT_ITEM, cbData) == 24);
    assert!(offset_of!(HTTP_TRACE_EVENT_ITEM, pszDataDescription) == 32);

    assert!(size_of::<HTTP_TRACE_CONFIGURATION>() == 24 && align_of::<HTTP_TRACE_CONFIGURATION>() == 8);
    assert!(offset_of!(HTTP_TRACE_CONFIGURATION, pProviderGuid) == 0);
    assert!(offset_of!(HTTP_TRACE_CONFIGURATION, dwAreas) == 8);
    assert!(offset_of!(HTTP_TRACE_CONFIGURATION, dwVerbosity) == 12);
    assert!(offset_of!(HTTP_TRACE_CONFIGURATION, fProviderEnabled) == 16);

    assert!(size_of::<HTTP_TRACE_TYPE>() == 4);
};
