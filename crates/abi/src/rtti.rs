//! Itanium C++ RTTI for the host's objects: the `type_info` each server vtable points to (the
//! word before its address point), so that `dynamic_cast` and `typeid` in module code work on
//! the objects the server hands out, as they do in IIS.
//!
//! libstdc++ and libc++abi lay a `type_info` out as {vptr, name} (`__class_type_info`, a class
//! without bases) or {vptr, name, base} (`__si_class_type_info`, one public non-virtual base at
//! offset 0; every IIS interface is one of these). The vptr is the C++ runtime's own vtable for
//! that kind, which exists only once a C++ module brings the runtime in: [`install`] fills it
//! in. The runtime compares `type_info`s by name, so the host's objects match the module's
//! own weak copies (`_ZTI8IFileKey`, ...).
//!
//! The statics themselves are generated (`generated/rtti.rs`), one per interface.
#![allow(unsafe_code)]

use core::ffi::c_char;
use core::sync::atomic::{AtomicUsize, Ordering};

/// One `type_info` object as the Itanium C++ ABI lays it out.
#[repr(C)]
pub struct ItaniumTypeInfo {
    /// The C++ runtime's `__class_type_info` or `__si_class_type_info` vtable (address point);
    /// 0 until [`install`].
    vptr: AtomicUsize,
    /// The mangled name without `_ZTS`: the length, then the name (`8IFileKey`).
    name: *const c_char,
    /// The base class's `type_info` (only read for `__si_class_type_info`).
    base: *const ItaniumTypeInfo,
}

// SAFETY: `name` and `base` point to immutable statics; `vptr` is atomic.
unsafe impl Sync for ItaniumTypeInfo {}

impl ItaniumTypeInfo {
    pub const fn new(name: *const c_char, base: *const ItaniumTypeInfo) -> Self {
        ItaniumTypeInfo { vptr: AtomicUsize::new(0), name, base }
    }

    /// Whether `install` has made this object usable.
    pub fn installed(&self) -> bool {
        self.vptr.load(Ordering::Acquire) != 0
    }

    /// The mangled name, for tests.
    pub fn name(&self) -> &'static core::ffi::CStr {
        // SAFETY: every ItaniumTypeInfo is built from a C string literal in `generated/rtti.rs`.
        unsafe { core::ffi::CStr::from_ptr(self.name) }
    }
}

/// Gives every `type_info` its vptr: `class_vtable` and `si_vtable` are the addresses of the C++
/// runtime's `_ZTVN10__cxxabiv117__class_type_infoE` and `_ZTVN10__cxxabiv120__si_class_type_infoE`
/// (the address point is two words in: offset-to-top and the vtable's own type_info come first).
pub fn install(class_vtable: usize, si_vtable: usize) {
    let words = 2 * core::mem::size_of::<usize>();
    for info in crate::generated::rtti::ALL {
        let vtable = if info.base.is_null() { class_vtable } else { si_vtable };
        info.vptr.store(vtable + words, Ordering::Release);
    }
}
pub use crate::generated::rtti::*;
