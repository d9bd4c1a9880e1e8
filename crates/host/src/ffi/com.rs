//! The memory shape of every server-side object a module sees.

use core::ffi::c_void;

/// A pointer to a vtable the host built: immutable static data, so any thread may share it.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct VtblPtr(*const c_void);

// SAFETY: a VtblPtr only ever points at a `'static` table of function pointers that nothing
// writes, so sharing or sending it between threads cannot race.
unsafe impl Send for VtblPtr {}
// SAFETY: as above.
unsafe impl Sync for VtblPtr {}

impl VtblPtr {
    /// Wraps the address point of a generated `ServerVtable`.
    pub fn new(vtbl: *const c_void) -> Self {
        VtblPtr(vtbl)
    }
}

/// A C++ object the module can call: the vtable pointer at offset 0, then the host's state.
#[repr(C)]
pub struct ComObj<T> {
    vtbl: VtblPtr,
    inner: T,
}

impl<T> ComObj<T> {
    pub fn new(vtbl: *const c_void, inner: T) -> Self {
        ComObj { vtbl: VtblPtr::new(vtbl), inner }
    }

    pub fn inner(&self) -> &T {
        &self.inner
    }

    /// The interface pointer to hand to a module. Methods take `&self`, so the module writing
    /// through it would only ever reach `Cell`s and `RefCell`s.
    pub fn as_ptr<I>(&self) -> *mut I {
        (self as *const Self).cast_mut().cast()
    }
}

impl<T> ComObj<T> {
    /// The interface pointer of the object whose state `inner` is, for methods that must hand
    /// out their own object (`IHttpServer::GetExtendedInterface`).
    pub fn interface_of<I>(inner: &T) -> *mut I {
        (inner as *const T).cast::<u8>().wrapping_sub(core::mem::offset_of!(ComObj<T>, inner)).cast_mut().cast()
    }
}
