//! What happens when a module crashes. One handler for SIGSEGV, SIGBUS and SIGABRT, installed
//! when the first module loads: a write to token memory gets [`super::token_memory`]'s report;
//! any other crash inside a module call gets one line naming the module, the notification, the
//! signal and the address, and then goes on to the handler that was there before (Rust's
//! stack-overflow check, a debugger's, or the default), so the process still dies of the same
//! signal, with a core dump where the system keeps them.
//!
//! A C++ exception that leaves a module call cannot be caught in Rust: the runtime aborts
//! (SIGABRT) after unwinding has already dropped the call's scope frame, so the module is
//! named from [`crate::scope::arm_crash_context`], which a module call sets before it calls
//! and clears only when the call returns normally.
//!
//! The handler runs in a process about to end: it neither allocates nor waits for locks.

#[cfg(unix)]
use std::sync::OnceLock;

/// The actions before ours, to pass faults on to.
#[cfg(unix)]
static PREVIOUS_SEGV: OnceLock<libc::sigaction> = OnceLock::new();
#[cfg(unix)]
static PREVIOUS_BUS: OnceLock<libc::sigaction> = OnceLock::new();
#[cfg(unix)]
static PREVIOUS_ABRT: OnceLock<libc::sigaction> = OnceLock::new();

/// Installs the handler once per process.
#[cfg(unix)]
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        install_for(libc::SIGSEGV, &PREVIOUS_SEGV);
        install_for(libc::SIGBUS, &PREVIOUS_BUS);
        install_for(libc::SIGABRT, &PREVIOUS_ABRT);
    });
}

#[cfg(not(unix))]
pub fn install() {}

#[cfg(unix)]
fn install_for(signal: libc::c_int, previous_slot: &OnceLock<libc::sigaction>) {
    // SAFETY: sigaction with a zeroed struct filled in with our handler; the previous action
    // is kept to pass faults on to.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_fault as *const () as usize;
        action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signal, &action, &mut previous) == 0 {
            let _ = previous_slot.set(previous);
        }
    }
}

#[cfg(unix)]
extern "C" fn on_fault(signal: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let address = unsafe { (*info).si_addr() } as usize;
    if signal != libc::SIGABRT {
        super::token_memory::on_fault(address);
    }
    say_which_module(signal, address);
    let previous = match signal {
        libc::SIGBUS => &PREVIOUS_BUS,
        libc::SIGABRT => &PREVIOUS_ABRT,
        _ => &PREVIOUS_SEGV,
    };
    match previous.get().copied() {
        Some(previous) if previous.sa_flags & libc::SA_SIGINFO != 0 && previous.sa_sigaction > 1 => {
            // SAFETY: the previous handler is an SA_SIGINFO handler taking these arguments.
            let handler: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                unsafe { std::mem::transmute(previous.sa_sigaction) };
            handler(signal, info, context);
        }
        Some(previous) if previous.sa_sigaction > 1 => {
            // SAFETY: a plain handler taking the signal number.
            let handler: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(previous.sa_sigaction) };
            handler(signal);
        }
        _ => {
            // SAFETY: back to the default action; returning re-runs the faulting access, which
            // then ends the process as it would have without iissim. SIGABRT re-runs nothing,
            // so it is raised again: blocked inside this handler, it ends the process on return.
            unsafe {
                libc::signal(signal, libc::SIG_DFL);
                if signal == libc::SIGABRT {
                    libc::raise(libc::SIGABRT);
                }
            }
        }
    }
}

/// Writes "iissim: module M crashed in N: SIGSEGV at 0x..." when the fault is inside a module
/// call; says nothing for faults elsewhere.
#[cfg(unix)]
fn say_which_module(signal: libc::c_int, address: usize) {
    let mut line = Line { bytes: [0; 512], len: 0 };
    let written = crate::scope::with_crash_context(|module, notification| {
        let Some(module) = module else { return false };
        use std::fmt::Write;
        let notification = notification.unwrap_or("(no notification)");
        let _ = match signal {
            libc::SIGABRT => writeln!(
                line,
                "iissim: module {module} crashed in {notification}: SIGABRT (the module aborted, or a C++ \
                 exception left it; IIS would end the worker process too). Run the same command under gdb \
                 or lldb with `catch throw` to see where."
            ),
            _ => {
                let name = if signal == libc::SIGBUS { "SIGBUS" } else { "SIGSEGV" };
                let hint = if address < 4096 { " (a NULL pointer dereference)" } else { "" };
                writeln!(
                    line,
                    "iissim: module {module} crashed in {notification}: {name} at address 0x{address:x}{hint}. \
                     Run the same command under gdb or lldb to see the module's stack."
                )
            }
        };
        true
    });
    if written == Some(true) {
        // SAFETY: write(2) is async-signal-safe; the buffer holds `len` initialised bytes.
        unsafe { libc::write(2, line.bytes.as_ptr().cast(), line.len) };
    }
}

/// A fixed buffer `write!` can fill without allocating; what does not fit is cut.
#[cfg(unix)]
struct Line {
    bytes: [u8; 512],
    len: usize,
}

#[cfg(unix)]
impl std::fmt::Write for Line {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let room = self.bytes.len() - self.len;
        let take = text.len().min(room);
        self.bytes[self.len..self.len + take].copy_from_slice(&text.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::Line;
    use std::fmt::Write;

    #[test]
    fn a_line_cuts_what_does_not_fit() {
        let mut line = Line { bytes: [0; 512], len: 0 };
        write!(line, "{}", "x".repeat(600)).unwrap();
        assert_eq!(line.len, 512);
    }
}
