//! Read-only memory behind token handles. The IHttpUser documentation says callers must not
//! change the memory a token refers to; iissim's token handles are addresses in a read-only
//! mapping, so a module that writes through one faults there. A signal handler recognises the
//! address ([`super::crash`]'s handler asks [`on_fault`]) and ends the process with a report
//! that names the module, the notification and the token, instead of a bare segmentation fault.
//!
//! The report is written from the signal handler of a process about to end: it reads the
//! current scope and the token table without waiting for locks, and exits with status 70.

use std::sync::OnceLock;

/// Bytes of address space reserved for tokens: 4 bytes a token, as Windows handles step.
const REGION_LEN: usize = 16 << 20;

struct Region {
    base: usize,
}

fn region() -> Option<&'static Region> {
    static REGION: OnceLock<Option<Region>> = OnceLock::new();
    REGION.get_or_init(map_region).as_ref()
}

/// The address of the `index`th token, inside the read-only region, if there is one.
pub fn token_address(index: usize) -> Option<usize> {
    let region = region()?;
    let offset = 4 * (index + 1);
    (offset < REGION_LEN).then_some(region.base + offset)
}

#[cfg(unix)]
fn map_region() -> Option<Region> {
    // SAFETY: an anonymous private read-only mapping of fresh address space; nothing else uses
    // it, and it is never unmapped (tokens live as long as the process).
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            REGION_LEN,
            libc::PROT_READ,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        return None;
    }
    super::crash::install();
    Some(Region { base: base as usize })
}

#[cfg(not(unix))]
fn map_region() -> Option<Region> {
    None
}

/// If `address` is in the token region, reports the write and ends the process (called by
/// [`super::crash`]'s handler); otherwise returns.
#[cfg(unix)]
pub fn on_fault(address: usize) {
    if let Some(region) = region() {
        if (region.base..region.base + REGION_LEN).contains(&address) {
            report(address);
        }
    }
}

#[cfg(unix)]
fn report(address: usize) -> ! {
    let token = address & !3;
    let (module, notification) =
        crate::scope::with_crash_context(|m, n| (m.map(str::to_string), n)).unwrap_or((None, None));
    let whose = crate::identity::tokens()
        .describe_for_crash(token as *mut libc::c_void)
        .unwrap_or_else(|| "a token".to_string());
    let message = format!(
        "iissim: contract violation: module {} in {} wrote to {whose} (handle 0x{token:x}), which the server owns \
         and which is read-only: the IHttpUser documentation says callers must not change the memory a token \
         refers to. iissim stops the process here rather than let the write go unnoticed.\n",
        module.as_deref().unwrap_or("(unknown)"),
        notification.unwrap_or("(no notification)"),
    );
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(70);
    }
}
