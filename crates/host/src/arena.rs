//! Per-request memory: what the host hands a module lives until the request ends, as in IIS
//! (design decision 7), and `AllocateRequestMemory`/`AllocateMemory` come from here too.

use bumpalo::Bump;
use core::ffi::c_char;
use iissim_abi::types::WCHAR;

/// The request arena. Nothing in it moves or is freed before the request ends.
#[derive(Default)]
pub struct Arena {
    bump: Bump,
}

/// 16-byte units keep every allocation aligned as `malloc` would be.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Unit([u8; 16]);

impl Arena {
    /// `len` zeroed bytes, 16-aligned (real modules rely on IIS handing out zeroed memory).
    pub fn alloc_zeroed(&self, len: usize) -> *mut u8 {
        let units = len.div_ceil(16).max(1);
        self.bump.alloc_slice_fill_copy(units, Unit([0; 16])).as_mut_ptr().cast()
    }

    /// A NUL-terminated copy of `bytes`.
    pub fn alloc_cstr(&self, bytes: &[u8]) -> *const c_char {
        let len = bytes.len();
        self.bump.alloc_slice_fill_with(len + 1, |i| if i < len { bytes[i] } else { 0 }).as_ptr().cast()
    }

    /// A NUL-terminated platform wide string of `text`, and its length in code units.
    pub fn alloc_wstr(&self, text: &str) -> (*const WCHAR, usize) {
        let wide = crate::wide::to_wide(text);
        let len = wide.len() - 1;
        (self.bump.alloc_slice_copy(&wide).as_ptr(), len)
    }

    /// A copy of `items`.
    pub fn alloc_slice<T: Copy>(&self, items: &[T]) -> *mut T {
        self.bump.alloc_slice_copy(items).as_mut_ptr()
    }
}
