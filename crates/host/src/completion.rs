//! Asynchronous completion of a pending notification: a module returns
//! RQ_NOTIFICATION_PENDING, then later (on its own thread, or before it returns) calls
//! `IHttpContext::IndicateCompletion` or `PostCompletion`. The request waits here for that call.
//!
//! The slot is the only request state another thread may touch, so it is `Sync`; whatever goes
//! wrong there (a second completion) is queued as text and put on the trace by the request's
//! own thread.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-indicatecompletion-method
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-postcompletion-method

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// How a pending notification completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completed {
    /// `IndicateCompletion(status)`: the notification ends with `status`.
    Indicated(i32),
    /// `PostCompletion(bytes)`: the module's `OnAsyncCompletion` runs with these bytes.
    Posted(u32),
}

#[derive(Default)]
struct Slot {
    completed: Option<Completed>,
    /// Problems seen on other threads, for the request's thread to report.
    problems: Vec<(&'static str, String)>,
    /// Completions posted to a routine (IHttpContext3::PostCompletion): (routine address, bytes,
    /// context), run on the request's thread when the notification returns.
    routines: Vec<(usize, u32, usize)>,
}

/// The completion slot of one request.
#[derive(Default)]
pub struct Completion {
    slot: Mutex<Slot>,
    ready: Condvar,
}

impl Completion {
    fn lock(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a completion; a second one before the request took the first is refused.
    pub fn complete(&self, how: Completed, method: &'static str) -> bool {
        let mut slot = self.lock();
        if let Some(first) = slot.completed {
            slot.problems.push((method, format!("completed twice: {first:?} is still pending, {how:?} is ignored")));
            return false;
        }
        slot.completed = Some(how);
        self.ready.notify_all();
        true
    }

    /// Waits up to `limit` for a completion; `None` when the time runs out.
    pub fn wait(&self, limit: Duration) -> Option<Completed> {
        let slot = self.lock();
        let (mut slot, _) =
            self.ready.wait_timeout_while(slot, limit, |s| s.completed.is_none()).unwrap_or_else(|e| e.into_inner());
        slot.completed.take()
    }

    /// Queues a completion for a module's routine.
    pub fn post_routine(&self, routine: usize, bytes: u32, context: usize) {
        self.lock().routines.push((routine, bytes, context));
    }

    /// The routines posted since the last call, in order.
    pub fn take_routines(&self) -> Vec<(usize, u32, usize)> {
        std::mem::take(&mut self.lock().routines)
    }

    /// Problems other threads ran into since the last call.
    pub fn take_problems(&self) -> Vec<(&'static str, String)> {
        std::mem::take(&mut self.lock().problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_completion_from_another_thread_wakes_the_waiter() {
        let completion = std::sync::Arc::new(Completion::default());
        let poster = completion.clone();
        let thread = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            poster.complete(Completed::Posted(7), "IHttpContext::PostCompletion(DWORD)")
        });
        assert_eq!(completion.wait(Duration::from_secs(10)), Some(Completed::Posted(7)));
        assert!(thread.join().unwrap());
    }

    #[test]
    fn a_second_completion_is_refused_and_reported() {
        let completion = Completion::default();
        assert!(completion.complete(Completed::Indicated(0), "a"));
        assert!(!completion.complete(Completed::Posted(1), "b"));
        assert_eq!(completion.take_problems().len(), 1);
        assert_eq!(completion.wait(Duration::from_millis(1)), Some(Completed::Indicated(0)));
        assert_eq!(completion.wait(Duration::from_millis(1)), None);
    }
}
