//! The tick count modules see: `GetTickCount64` in the SDK shim reads `CLOCK_MONOTONIC` in
//! milliseconds, so times the host hands out (request start, execution stats) use that clock
//! too and a module can subtract one from the other.

/// Milliseconds of `CLOCK_MONOTONIC`, as the shim's `GetTickCount64` returns them.
#[cfg(unix)]
pub fn tick_count64() -> u64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec; CLOCK_MONOTONIC exists on every supported unix.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    (now.tv_sec as u64) * 1000 + (now.tv_nsec as u64) / 1_000_000
}

/// Elsewhere: milliseconds since the host first asked (Windows modules call the real
/// GetTickCount64, which this does not match).
#[cfg(not(unix))]
pub fn tick_count64() -> u64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_millis() as u64
}

#[cfg(test)]
mod tests {
    #[test]
    fn ticks_never_go_back() {
        let first = super::tick_count64();
        assert!(super::tick_count64() >= first);
    }
}
