//! What sits around a vtable: the words before its address point, and the layout records
//! the ABI proofs compare.

use core::ffi::c_void;

/// One class's slots as a Rust vtable struct places them: (method key, slot index).
pub struct ClassLayout {
    /// The SDK header that declares the class (`httpserv.h`, `httpcach.h`, `wpframework.h`).
    pub header: &'static str,
    pub class: &'static str,
    pub slots: &'static [(&'static str, usize)],
    /// The number of slots in the struct.
    pub len: usize,
}

/// A vtable the host builds, with the words that precede its address point.
///
/// Itanium: offset-to-top and the `type_info` pointer, which `dynamic_cast` and `typeid` read.
/// MSVC: the RTTI complete-object locator, which iissim leaves zero (on Windows, modules built
/// with MSVC use HttpGetExtendedInterface and static_cast, as IIS's own samples do).
#[repr(C)]
pub struct ServerVtable<V> {
    #[cfg(not(all(windows, target_env = "msvc")))]
    pub offset_to_top: isize,
    #[cfg(not(all(windows, target_env = "msvc")))]
    pub type_info: *const crate::rtti::ItaniumTypeInfo,
    #[cfg(all(windows, target_env = "msvc"))]
    pub complete_object_locator: usize,
    pub vtbl: V,
}

// SAFETY: the type_info pointer points to an immutable-but-for-atomics static.
#[allow(unsafe_code)]
unsafe impl<V: Sync> Sync for ServerVtable<V> {}

impl<V> ServerVtable<V> {
    /// A vtable whose objects have the dynamic type `type_info` names.
    pub const fn new(vtbl: V, type_info: &'static crate::rtti::ItaniumTypeInfo) -> Self {
        #[cfg(all(windows, target_env = "msvc"))]
        let _ = type_info;
        ServerVtable {
            #[cfg(not(all(windows, target_env = "msvc")))]
            offset_to_top: 0,
            #[cfg(not(all(windows, target_env = "msvc")))]
            type_info,
            #[cfg(all(windows, target_env = "msvc"))]
            complete_object_locator: 0,
            vtbl,
        }
    }

    /// The address point: what an object's first word holds.
    pub fn as_ptr(&'static self) -> *const c_void {
        (&self.vtbl as *const V).cast()
    }
}
