//! Asynchronous completion of a pending notification: a module returns
//! RQ_NOTIFICATION_PENDING, then later (on its own thread, or before it returns) calls
//! `IHttpContext::IndicateCompletion` or `PostCompletion`, or an asynchronous read or write it
//! started completes. The request waits here for that completion.
//!
//! The slot is the only request state another thread may touch, so it is `Sync`; whatever goes
//! wrong there (a second completion, one while no notification runs) is queued as text and put
//! on the trace by the request's own thread. A completion after the request ended goes to the
//! worker's list of late completions instead, which the next request reports.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-indicatecompletion-method
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-postcompletion-method

use crate::waiting::Deadline;
use iissim_abi::types::HRESULT;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};

/// How a pending notification completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completed {
    /// `IndicateCompletion(status)`: the notification ends with `status`.
    Indicated(i32),
    /// `PostCompletion(bytes)`: the module's `OnAsyncCompletion` runs with these bytes.
    Posted(u32),
    /// An asynchronous read or write the module started: `OnAsyncCompletion`, or the callback
    /// it passed, runs with the bytes and status of the operation.
    Io(IoCompletion),
}

/// The result of an asynchronous `ReadEntityBody`, `WriteEntityChunks` or `Flush`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IoCompletion {
    /// The method that started the operation, as diagnostics name it.
    pub method: &'static str,
    pub bytes: u32,
    pub status: HRESULT,
    /// The `PFN_ASYNC_COMPLETION` and its context, for the overloads that take one.
    pub callback: Option<(usize, usize)>,
}

impl std::fmt::Display for Completed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Completed::Indicated(status) => {
                write!(f, "IndicateCompletion({})", crate::notifications::status_name(*status))
            }
            Completed::Posted(bytes) => write!(f, "PostCompletion({bytes})"),
            Completed::Io(io) => {
                write!(f, "the completion of {} ({} bytes)", io.method.split('(').next().unwrap_or(io.method), io.bytes)
            }
        }
    }
}

/// What ended a wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Woken {
    Completed(Completed),
    /// Completion routines were posted (IHttpContext3::PostCompletion): run them, wait on.
    Routines,
    /// The deadline passed.
    TimedOut,
}

/// Completions that came after their request ended: (method, what happened).
pub type LateCompletions = Arc<Mutex<Vec<(&'static str, String)>>>;

#[derive(Default)]
struct Slot {
    completed: Option<Completed>,
    /// A notification of the request is running or pending, so a completion has a taker.
    armed: bool,
    /// The request ended: a completion now is late.
    ended: Option<String>,
    /// Problems seen on other threads, for the request's thread to report.
    problems: Vec<(&'static str, String)>,
    /// Completions posted to a routine (IHttpContext3::PostCompletion): (routine address, bytes,
    /// context), run on the request's thread when the notification returns.
    routines: Vec<(usize, u32, usize)>,
    /// The request waiting for the completion.
    waiter: Option<Waker>,
}

/// The completion slot of one request.
#[derive(Default)]
pub struct Completion {
    slot: Mutex<Slot>,
    late: Mutex<Option<LateCompletions>>,
}

impl Completion {
    fn lock(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where completions after the end of the request are reported.
    pub fn report_late_to(&self, late: LateCompletions) {
        *self.late.lock().unwrap_or_else(|e| e.into_inner()) = Some(late);
    }

    /// Records a completion. Refused (and reported) when one is already waiting to be taken,
    /// when no notification runs, and after the request ended.
    pub fn complete(&self, how: Completed, method: &'static str) -> bool {
        let mut slot = self.lock();
        if let Some(request) = &slot.ended {
            let problem = format!("{how} came after the request {request} ended; it is ignored");
            drop(slot);
            self.report_late(vec![(method, problem)]);
            return false;
        }
        if !slot.armed {
            slot.problems.push((
                method,
                format!("{how} came while no notification of the request is running or pending; it is ignored"),
            ));
            return false;
        }
        if let Some(first) = slot.completed {
            slot.problems.push((method, format!("completed twice: {first} is still to be taken, {how} is ignored")));
            return false;
        }
        slot.completed = Some(how);
        if let Some(waiter) = slot.waiter.take() {
            waiter.wake();
        }
        true
    }

    /// A notification starts: completions have a taker until [`Completion::disarm`].
    pub fn arm(&self) {
        self.lock().armed = true;
    }

    /// The notification ended; a completion it left untaken is returned (the module completed
    /// a notification that did not go pending).
    pub fn disarm(&self) -> Option<Completed> {
        let mut slot = self.lock();
        slot.armed = false;
        slot.completed.take()
    }

    /// Why a completion now would be refused (`None`: it would be taken).
    pub fn refusal(&self) -> Option<String> {
        let slot = self.lock();
        if let Some(request) = &slot.ended {
            Some(format!("came after the request {request} ended"))
        } else if !slot.armed {
            Some("came while no notification of the request is running or pending".into())
        } else {
            slot.completed.map(|first| format!("came while {first} is still to be taken"))
        }
    }

    /// The request ended (`request` names it): any completion from now on is late.
    pub fn end(&self, request: String) {
        let mut slot = self.lock();
        slot.armed = false;
        // Routines posted too late to run, and problems nobody took, go on the late list.
        let mut left: Vec<(&'static str, String)> = std::mem::take(&mut slot.problems);
        for (_, bytes, _) in std::mem::take(&mut slot.routines) {
            left.push((
                "IHttpContext3::PostCompletion(DWORD, LPOVERLAPPED_COMPLETION_ROUTINE, VOID*)",
                format!("a completion routine ({bytes} bytes) was still queued when the request {request} ended; it never ran"),
            ));
        }
        slot.ended = Some(request);
        drop(slot);
        if !left.is_empty() {
            self.report_late(left);
        }
    }

    /// Adds to the worker's list of late completions (see `report_late_to`).
    fn report_late(&self, items: Vec<(&'static str, String)>) {
        if let Some(late) = &*self.late.lock().unwrap_or_else(|e| e.into_inner()) {
            late.lock().unwrap_or_else(|e| e.into_inner()).extend(items);
        }
    }

    /// Waits, without holding the thread, for a completion, for completion routines to run,
    /// or for `deadline`.
    pub async fn wait(&self, deadline: &mut Deadline) -> Woken {
        std::future::poll_fn(|context| {
            let mut slot = self.lock();
            if let Some(completed) = slot.completed.take() {
                slot.waiter = None;
                return Poll::Ready(Woken::Completed(completed));
            }
            if !slot.routines.is_empty() {
                slot.waiter = None;
                return Poll::Ready(Woken::Routines);
            }
            if deadline.passed(context) {
                slot.waiter = None;
                return Poll::Ready(Woken::TimedOut);
            }
            slot.waiter = Some(context.waker().clone());
            Poll::Pending
        })
        .await
    }

    /// [`Completion::wait`] for up to `limit`, for tests.
    #[cfg(test)]
    fn wait_for(&self, limit: std::time::Duration) -> Option<Completed> {
        let mut deadline = Deadline::new(std::time::Instant::now() + limit);
        match crate::waiting::block_on(self.wait(&mut deadline)) {
            Woken::Completed(completed) => Some(completed),
            _ => None,
        }
    }

    /// Queues a completion for a module's routine; a waiting request wakes to run it.
    pub fn post_routine(&self, routine: usize, bytes: u32, context: usize) {
        let mut slot = self.lock();
        slot.routines.push((routine, bytes, context));
        if let Some(waiter) = slot.waiter.take() {
            waiter.wake();
        }
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
    use std::time::Duration;

    #[test]
    fn a_completion_from_another_thread_wakes_the_waiter() {
        let completion = Arc::new(Completion::default());
        completion.arm();
        let poster = completion.clone();
        let thread = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            poster.complete(Completed::Posted(7), "IHttpContext::PostCompletion(DWORD)")
        });
        assert_eq!(completion.wait_for(Duration::from_secs(10)), Some(Completed::Posted(7)));
        assert!(thread.join().unwrap());
    }

    #[test]
    fn a_second_completion_is_refused_and_reported() {
        let completion = Completion::default();
        completion.arm();
        assert!(completion.complete(Completed::Indicated(0), "a"));
        assert!(!completion.complete(Completed::Posted(1), "b"));
        assert_eq!(completion.take_problems().len(), 1);
        assert_eq!(completion.wait_for(Duration::from_millis(1)), Some(Completed::Indicated(0)));
        assert_eq!(completion.wait_for(Duration::from_millis(1)), None);
    }

    #[test]
    fn a_completion_without_a_notification_is_refused() {
        let completion = Completion::default();
        assert!(!completion.complete(Completed::Posted(1), "PostCompletion"));
        let problems = completion.take_problems();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].1.contains("no notification"), "{problems:?}");
        completion.arm();
        assert_eq!(completion.wait_for(Duration::from_millis(1)), None);
    }

    #[test]
    fn routines_left_at_the_end_are_reported_late() {
        let late = LateCompletions::default();
        let completion = Completion::default();
        completion.report_late_to(late.clone());
        completion.post_routine(0x1000, 5, 0);
        completion.end("GET /y".into());
        assert!(completion.take_routines().is_empty());
        let late = late.lock().unwrap();
        assert_eq!(late.len(), 1);
        assert!(late[0].1.contains("still queued when the request GET /y ended"), "{late:?}");
    }

    #[test]
    fn a_completion_after_the_end_goes_to_the_late_list() {
        let late = LateCompletions::default();
        let completion = Completion::default();
        completion.report_late_to(late.clone());
        completion.arm();
        completion.end("GET /x".into());
        assert!(!completion.complete(Completed::Posted(3), "PostCompletion"));
        assert!(completion.take_problems().is_empty());
        let late = late.lock().unwrap();
        assert_eq!(late.len(), 1);
        assert!(late[0].1.contains("after the request GET /x ended"), "{late:?}");
    }
}
