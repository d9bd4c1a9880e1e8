//! Waiting without holding a thread: the pipeline is a future that awaits a pending
//! notification's completion. `iissim serve` polls it on the connection's thread, which serves
//! other connections meanwhile; everyone else (the harness, one-shot requests, child requests
//! run from inside a module call) drives it with [`block_on`], which parks the calling thread.
//! Time limits come from one timer thread for the process ([`Deadline`]).

use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

/// Runs `future` to completion on this thread, parking it while the future waits.
pub fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        // A wake before the park makes the park return at once (the token is kept).
        std::thread::park();
    }
}

/// A point in time after which a waiting future is woken once, so it can give up. Dropping
/// it (the wait ended first) cancels the wake.
pub struct Deadline {
    at: Instant,
    armed: Option<Arc<AtomicBool>>,
}

impl Deadline {
    pub fn new(at: Instant) -> Deadline {
        Deadline { at, armed: None }
    }

    /// `limit` from now (a limit too large to add counts as a century).
    pub fn after(limit: Duration) -> Deadline {
        let now = Instant::now();
        Deadline::new(now.checked_add(limit).unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400)))
    }

    /// Whether the time has come; if not, the timer wakes `context`'s task then (once).
    pub fn passed(&mut self, context: &Context<'_>) -> bool {
        if Instant::now() >= self.at {
            return true;
        }
        if self.armed.is_none() {
            let cancelled = Arc::new(AtomicBool::new(false));
            timer().add(self.at, context.waker().clone(), cancelled.clone());
            self.armed = Some(cancelled);
        }
        false
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(cancelled) = &self.armed {
            cancelled.store(true, Ordering::Release);
        }
    }
}

struct Entry {
    at: Instant,
    waker: Waker,
    cancelled: Arc<AtomicBool>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    /// The earliest deadline is the greatest, for the max-heap.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.at.cmp(&self.at)
    }
}

/// The process's timer thread and what it waits for.
struct Timer {
    entries: Mutex<BinaryHeap<Entry>>,
    changed: Condvar,
}

impl Timer {
    fn add(&self, at: Instant, waker: Waker, cancelled: Arc<AtomicBool>) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).push(Entry { at, waker, cancelled });
        self.changed.notify_one();
    }

    fn run(&self) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            while entries.peek().is_some_and(|e| e.at <= now) {
                if let Some(entry) = entries.pop() {
                    if !entry.cancelled.load(Ordering::Acquire) {
                        entry.waker.wake();
                    }
                }
            }
            entries = match entries.peek().map(|e| e.at - now) {
                Some(wait) => self.changed.wait_timeout(entries, wait).unwrap_or_else(|e| e.into_inner()).0,
                None => self.changed.wait(entries).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }
}

fn timer() -> &'static Timer {
    static TIMER: OnceLock<&'static Timer> = OnceLock::new();
    TIMER.get_or_init(|| {
        let timer: &'static Timer =
            Box::leak(Box::new(Timer { entries: Mutex::new(BinaryHeap::new()), changed: Condvar::new() }));
        std::thread::Builder::new()
            .name("iissim-timer".into())
            .spawn(move || timer.run())
            .expect("the timer thread starts");
        timer
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_wakes_a_parked_future() {
        let mut deadline = Deadline::new(Instant::now() + Duration::from_millis(30));
        let started = Instant::now();
        block_on(std::future::poll_fn(|cx| if deadline.passed(cx) { Poll::Ready(()) } else { Poll::Pending }));
        assert!(started.elapsed() >= Duration::from_millis(30));
    }
}
