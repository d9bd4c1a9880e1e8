//! The `IAppHostAdminManager` that `IHttpServer::GetAdminManager` hands out (ahadmin.h, a COM
//! interface: IUnknown, then GetAdminSection, GetMetadata, SetMetadata, get_ConfigManager).
//! iissim has no IIS configuration system yet: the object answers QueryInterface, AddRef and
//! Release as COM requires, so a module that holds it or releases it is safe, and its
//! configuration methods fail with E_NOTIMPL and a diagnostic naming them.

use crate::diagnostics::DiagnosticKind;
use crate::scope;
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;
use std::sync::atomic::{AtomicI64, Ordering};

/// `IID_IUnknown` and `IID_IAppHostAdminManager` (9be77978-73ed-4a9a-87fd-13f09fec1b13).
const IID_IUNKNOWN: GUID = GUID { data1: 0, data2: 0, data3: 0, data4: [0xc0, 0, 0, 0, 0, 0, 0, 0x46] };
const IID_ADMIN_MANAGER: GUID =
    GUID { data1: 0x9be77978, data2: 0x73ed, data3: 0x4a9a, data4: [0x87, 0xfd, 0x13, 0xf0, 0x9f, 0xec, 0x1b, 0x13] };

#[repr(C)]
struct AdminManagerVtbl {
    query_interface: unsafe extern "C" fn(*mut c_void, *const GUID, *mut *mut c_void) -> HRESULT,
    add_ref: unsafe extern "C" fn(*mut c_void) -> ULONG,
    release: unsafe extern "C" fn(*mut c_void) -> ULONG,
    get_admin_section: unsafe extern "C" fn(*mut c_void, *mut c_void, *mut c_void, *mut *mut c_void) -> HRESULT,
    get_metadata: unsafe extern "C" fn(*mut c_void, *mut c_void, *mut c_void) -> HRESULT,
    // SetMetadata takes a VARIANT by value: 24 bytes, passed by hidden reference on x86-64.
    set_metadata: unsafe extern "C" fn(*mut c_void, *mut c_void, *mut c_void) -> HRESULT,
    get_config_manager: unsafe extern "C" fn(*mut c_void, *mut *mut c_void) -> HRESULT,
}

/// The object: its vtable pointer first, as COM lays objects out.
#[repr(C)]
pub struct AdminManager {
    vtbl: *const AdminManagerVtbl,
    references: AtomicI64,
}

// SAFETY: the vtable pointer points to a static; the count is atomic.
unsafe impl Sync for AdminManager {}
// SAFETY: as above.
unsafe impl Send for AdminManager {}

static VTBL: AdminManagerVtbl = AdminManagerVtbl {
    query_interface,
    add_ref,
    release,
    get_admin_section,
    get_metadata,
    set_metadata,
    get_config_manager,
};

impl Default for AdminManager {
    fn default() -> Self {
        AdminManager { vtbl: &VTBL, references: AtomicI64::new(0) }
    }
}

impl AdminManager {
    /// The interface pointer, with a reference for the caller.
    pub fn as_interface(&self) -> *mut IAppHostAdminManager {
        self.references.fetch_add(1, Ordering::AcqRel);
        (self as *const AdminManager).cast_mut().cast()
    }
}

/// The object behind `this` (always the server's, which outlives every module call).
///
/// # Safety
/// `this` is null or an `AdminManager` this module handed out.
unsafe fn object<'a>(this: *mut c_void) -> Option<&'a AdminManager> {
    // SAFETY: the caller's contract.
    unsafe { this.cast::<AdminManager>().as_ref() }
}

fn not_implemented(method: &str) -> HRESULT {
    std::panic::catch_unwind(|| {
        scope::diagnose(
            DiagnosticKind::Unimplemented,
            method,
            "iissim has no IIS configuration system yet (the admin manager answers only IUnknown)",
        )
    })
    .ok();
    E_NOTIMPL
}

unsafe extern "C" fn query_interface(this: *mut c_void, iid: *const GUID, out: *mut *mut c_void) -> HRESULT {
    if out.is_null() {
        return E_POINTER;
    }
    // SAFETY: `out` is the caller's non-null out-parameter; `iid` a REFIID when non-null.
    unsafe {
        *out = core::ptr::null_mut();
        let Some(object) = object(this) else { return E_POINTER };
        let Some(iid) = iid.as_ref() else { return E_POINTER };
        if *iid == IID_IUNKNOWN || *iid == IID_ADMIN_MANAGER {
            *out = object.as_interface().cast();
            return S_OK;
        }
    }
    E_NOINTERFACE
}

unsafe extern "C" fn add_ref(this: *mut c_void) -> ULONG {
    // SAFETY: `this` is the object the server handed out.
    unsafe { object(this) }.map_or(0, |o| (o.references.fetch_add(1, Ordering::AcqRel) + 1) as ULONG)
}

/// Counted; the object lives as long as the worker, so a Release too many frees nothing.
unsafe extern "C" fn release(this: *mut c_void) -> ULONG {
    // SAFETY: `this` is the object the server handed out.
    let Some(object) = (unsafe { object(this) }) else { return 0 };
    let left = object.references.fetch_sub(1, Ordering::AcqRel) - 1;
    if left < 0 {
        object.references.fetch_add(1, Ordering::AcqRel);
        std::panic::catch_unwind(|| {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IAppHostAdminManager::Release()",
                "more Release calls than references",
            )
        })
        .ok();
        return 0;
    }
    left as ULONG
}

unsafe extern "C" fn get_admin_section(
    _this: *mut c_void,
    _name: *mut c_void,
    _path: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    if !out.is_null() {
        // SAFETY: the caller's non-null out-parameter.
        unsafe { *out = core::ptr::null_mut() };
    }
    not_implemented("IAppHostAdminManager::GetAdminSection(BSTR, BSTR, IAppHostElement**)")
}

unsafe extern "C" fn get_metadata(_this: *mut c_void, _kind: *mut c_void, _value: *mut c_void) -> HRESULT {
    not_implemented("IAppHostAdminManager::GetMetadata(BSTR, VARIANT*)")
}

unsafe extern "C" fn set_metadata(_this: *mut c_void, _kind: *mut c_void, _value: *mut c_void) -> HRESULT {
    not_implemented("IAppHostAdminManager::SetMetadata(BSTR, VARIANT)")
}

unsafe extern "C" fn get_config_manager(_this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    if !out.is_null() {
        // SAFETY: the caller's non-null out-parameter.
        unsafe { *out = core::ptr::null_mut() };
    }
    not_implemented("IAppHostAdminManager::get_ConfigManager(IAppHostConfigManager**)")
}
