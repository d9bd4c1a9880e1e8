//! The shapes in which thunks hand C arguments to safe code.
//!
//! Each wrapper is made by an `unsafe` constructor in a generated thunk, where the module's
//! side of the contract is stated once: the pointer is null or valid, for this call, for what
//! the IIS documentation of the method says it points at. After that, safe code reads and
//! writes through the wrapper without `unsafe`.

use core::ffi::{c_char, CStr};
use core::marker::PhantomData;
use iissim_abi::types::{DWORD, PCSTR, WCHAR};

/// A `PCSTR` argument: null, NUL-terminated, or length-delimited where the method says so.
#[derive(Clone, Copy)]
pub struct CStrArg<'a> {
    ptr: *const c_char,
    _call: PhantomData<&'a [u8]>,
}

impl<'a> CStrArg<'a> {
    /// # Safety
    /// `ptr` is null or points at a string that stays readable for this call: NUL-terminated,
    /// unless the caller only reads it with [`CStrArg::bytes`] and a length the method was given.
    pub unsafe fn new(ptr: *const c_char) -> Self {
        CStrArg { ptr, _call: PhantomData }
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    /// The bytes up to the NUL, or `None` for a null pointer.
    pub fn to_bytes(self) -> Option<&'a [u8]> {
        // SAFETY: non-null and NUL-terminated per the constructor's contract.
        (!self.ptr.is_null()).then(|| unsafe { CStr::from_ptr(self.ptr) }.to_bytes())
    }

    /// The string up to the NUL, lossily decoded, or `None` for a null pointer.
    pub fn to_str(self) -> Option<std::borrow::Cow<'a, str>> {
        self.to_bytes().map(String::from_utf8_lossy)
    }

    /// Exactly `len` bytes (a length the caller passed beside the pointer).
    pub fn bytes(&self, len: usize) -> Option<&'a [u8]> {
        // SAFETY: the constructor's contract covers `len` bytes when the method passes a length.
        (!self.ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), len) })
    }
}

/// A `PCWSTR` argument of the platform `wchar_t`.
#[derive(Clone, Copy)]
pub struct WStrArg<'a> {
    ptr: *const WCHAR,
    _call: PhantomData<&'a [WCHAR]>,
}

impl<'a> WStrArg<'a> {
    /// # Safety
    /// As [`CStrArg::new`], for wide strings.
    pub unsafe fn new(ptr: *const WCHAR) -> Self {
        WStrArg { ptr, _call: PhantomData }
    }

    /// The code units up to the NUL.
    pub fn units(&self) -> Option<&'a [WCHAR]> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: non-null and NUL-terminated per the constructor's contract, so every unit up
        // to and including the NUL is readable.
        unsafe {
            let mut len = 0;
            while *self.ptr.add(len) != 0 {
                len += 1;
            }
            Some(std::slice::from_raw_parts(self.ptr, len))
        }
    }

    /// Exactly `len` code units (a length the caller passed beside the pointer).
    pub fn units_n(&self, len: usize) -> Option<&'a [WCHAR]> {
        // SAFETY: the constructor's contract covers `len` units when the method passes a length.
        (!self.ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(self.ptr, len) })
    }

    pub fn to_string_lossy(self) -> Option<String> {
        self.units().map(crate::wide::from_wide)
    }
}

/// An out-parameter (`DWORD*`, `PCSTR*`, `IHttpContext**`...): null when the caller passed none.
pub struct Out<'a, T> {
    ptr: *mut T,
    _call: PhantomData<&'a mut T>,
}

impl<'a, T: Copy> Out<'a, T> {
    /// # Safety
    /// `ptr` is null or valid for reads and writes of a `T` for this call.
    pub unsafe fn new(ptr: *mut T) -> Self {
        Out { ptr, _call: PhantomData }
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    /// The value the caller passed in, for in/out parameters (`DWORD* pcbBuffer`), or `None`
    /// for null.
    pub fn get(&self) -> Option<T> {
        // SAFETY: non-null and readable per the constructor's contract.
        (!self.ptr.is_null()).then(|| unsafe { self.ptr.read_unaligned() })
    }

    /// Writes `value` unless the caller passed null; says whether it wrote.
    pub fn set(&self, value: T) -> bool {
        if self.ptr.is_null() {
            return false;
        }
        // SAFETY: non-null and writable per the constructor's contract.
        unsafe { self.ptr.write_unaligned(value) };
        true
    }
}

/// Any other data pointer (`VOID*` buffers, `HTTP_DATA_CHUNK*` arrays, ...).
pub struct Ptr<'a, T> {
    ptr: *mut T,
    _call: PhantomData<&'a mut T>,
}

impl<'a, T> Ptr<'a, T> {
    /// # Safety
    /// `ptr` is null or valid, for this call, for what the method's documentation says it
    /// points at, with the lengths the method passes beside it, including memory that the
    /// pointed-at structures point at in turn.
    pub unsafe fn new(ptr: *mut T) -> Self {
        Ptr { ptr, _call: PhantomData }
    }

    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }

    /// The pointer itself, to keep and hand back to the module (never to dereference in safe code).
    pub fn as_raw(&self) -> *mut T {
        self.ptr
    }

    /// `len` elements (a length the method was given beside the pointer).
    pub fn slice(&self, len: usize) -> Option<&'a [T]> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: per the constructor's contract, `len` elements are readable.
        Some(unsafe { std::slice::from_raw_parts(self.ptr, len) })
    }
}

impl<'a, T: Copy> Ptr<'a, T> {
    /// `len` elements to fill (a buffer and the length the method was given beside it).
    pub fn slice_mut(&self, len: usize) -> Option<&'a mut [T]> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: per the constructor's contract, `len` elements are writable for this call and
        // the module does not touch them during it.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr, len) })
    }

    /// Writes one `T` (an out-structure such as `FILETIME*`) unless the caller passed null;
    /// says whether it wrote.
    pub fn write(&self, value: T) -> bool {
        if self.ptr.is_null() {
            return false;
        }
        // SAFETY: per the constructor's contract, a non-null pointer is valid for what the
        // method says it points at: here one writable `T`.
        unsafe { self.ptr.write_unaligned(value) };
        true
    }
}

impl<'a> Ptr<'a, core::ffi::c_void> {
    /// The module's buffer of `len` bytes, to read.
    pub fn bytes(&self, len: usize) -> Option<&'a [u8]> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: per the constructor's contract, `len` bytes are readable for this call.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), len) })
    }

    /// The module's buffer of `len` bytes, to fill.
    pub fn bytes_mut(&self, len: usize) -> Option<&'a mut [u8]> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: per the constructor's contract, `len` bytes are writable and the module does
        // not touch them during the call.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.cast::<u8>(), len) })
    }
}

/// The known-header arrays of `GetHeaderChanges` (request or response), as the thunk passes
/// them: `knownHeaderSnapshot` (one `PCSTR` per known header id, each NULL or a NUL-terminated
/// string the caller holds) and `diffedKnownHeaderIndices` (one more `DWORD`, to fill).
pub struct KnownHeaderArrays<'a> {
    snapshot: &'a mut [PCSTR],
    diffed: &'a mut [DWORD],
}

impl<'a> KnownHeaderArrays<'a> {
    /// The arrays, or `None` when the caller passed NULL for either.
    pub fn from_call(snapshot: *mut PCSTR, diffed: *mut DWORD, count: usize) -> Option<KnownHeaderArrays<'a>> {
        if snapshot.is_null() || diffed.is_null() {
            return None;
        }
        // SAFETY: the GetHeaderChanges pages size these arrays: `count` (HttpHeaderRequestMaximum
        // or HttpHeaderResponseMaximum) snapshot entries and `count + 1` indices, writable for
        // the call; the thunk passes the module's pointers unchanged.
        unsafe {
            Some(KnownHeaderArrays {
                snapshot: std::slice::from_raw_parts_mut(snapshot, count),
                diffed: std::slice::from_raw_parts_mut(diffed, count + 1),
            })
        }
    }

    /// The caller's value for header `id` (`None` for NULL).
    pub fn old(&self, id: usize) -> Option<&[u8]> {
        let ptr = self.snapshot[id];
        // SAFETY: per `from_call`, each entry is NULL or a NUL-terminated string of the caller's.
        (!ptr.is_null()).then(|| unsafe { CStr::from_ptr(ptr) }.to_bytes())
    }

    /// Sets header `id` of the snapshot.
    pub fn set(&mut self, id: usize, value: PCSTR) {
        self.snapshot[id] = value;
    }

    /// Writes the changed ids, then -1.
    pub fn set_diffed(&mut self, ids: &[DWORD]) {
        for (slot, id) in self.diffed.iter_mut().zip(ids.iter().chain([DWORD::MAX].iter())) {
            *slot = *id;
        }
    }
}
