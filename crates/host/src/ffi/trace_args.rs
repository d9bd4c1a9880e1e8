//! How a traced host call shows its arguments and its result (`[trace] level = "calls"`).
//! Built only when calls are traced: the closure that makes the text never runs otherwise.

use core::ffi::{c_char, CStr};
use iissim_abi::types::WCHAR;

/// Strings longer than this show their start and `...`.
const MAX_SHOWN: usize = 120;

/// One argument as the generated thunk hands it over.
pub enum Arg {
    /// A NUL-terminated narrow string.
    CStr(*const c_char),
    /// A narrow string of a given length (the method passes one beside it).
    CStrLen(*const c_char, usize),
    /// A NUL-terminated wide string.
    WStr(*const WCHAR),
    /// Any integer or enum.
    Int(i128),
    /// Any other pointer: shown as NULL or not.
    Ptr(bool),
}

impl Arg {
    pub fn ptr<T>(p: *const T) -> Arg {
        Arg::Ptr(p.is_null())
    }
}

fn quoted(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_SHOWN)]);
    if bytes.len() > MAX_SHOWN {
        format!("{text:?}...")
    } else {
        format!("{text:?}")
    }
}

/// `"X-Name", 3, NULL`.
///
/// # Safety
/// String pointers are null or valid as their variant says (the method's contract).
pub unsafe fn show(args: &[Arg]) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|arg| match *arg {
            Arg::CStr(p) if p.is_null() => "NULL".to_string(),
            // SAFETY: NUL-terminated per this function's contract.
            Arg::CStr(p) => quoted(unsafe { CStr::from_ptr(p) }.to_bytes()),
            Arg::CStrLen(p, _) if p.is_null() => "NULL".to_string(),
            // SAFETY: `len` readable bytes per this function's contract.
            Arg::CStrLen(p, len) => quoted(unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len) }),
            Arg::WStr(p) if p.is_null() => "NULL".to_string(),
            Arg::WStr(p) => {
                let mut len = 0;
                // SAFETY: NUL-terminated per this function's contract.
                unsafe {
                    while *p.add(len) != 0 && len <= MAX_SHOWN {
                        len += 1;
                    }
                }
                // SAFETY: the `len` units just read.
                let units = unsafe { std::slice::from_raw_parts(p, len) };
                format!("L{}", quoted(crate::wide::from_wide(units).as_bytes()))
            }
            Arg::Int(v) => v.to_string(),
            Arg::Ptr(true) => "NULL".to_string(),
            Arg::Ptr(false) => "ptr".to_string(),
        })
        .collect();
    shown.join(", ")
}

/// How a return value shows on the trace.
pub trait TraceResult {
    fn show(&self) -> Option<String>;
}

impl TraceResult for () {
    fn show(&self) -> Option<String> {
        None
    }
}

impl TraceResult for i32 {
    /// HRESULTs and BOOLs share the type: a negative value is shown as an HRESULT.
    fn show(&self) -> Option<String> {
        Some(if *self < 0 { format!("0x{:08X}", *self as u32) } else { self.to_string() })
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl TraceResult for $t {
            fn show(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}
plain!(u8, u16, u32, u64, bool);

impl<T> TraceResult for *mut T {
    fn show(&self) -> Option<String> {
        Some(if self.is_null() { "NULL".into() } else { "ptr".into() })
    }
}

impl<T> TraceResult for *const T {
    fn show(&self) -> Option<String> {
        Some(if self.is_null() { "NULL".into() } else { "ptr".into() })
    }
}
