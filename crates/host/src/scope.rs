//! Where a call from a module lands: the request (or load) it belongs to, and which module in
//! which notification made it. The pipeline pushes a frame around every call into a module, so
//! that a host method knows whom to name in a diagnostic without being told.

use crate::config::TraceLevel;
use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::trace::{Trace, TraceEvent};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Collects what happens in one request, or while modules load.
pub struct Sink {
    trace: RefCell<Trace>,
    started: std::time::Instant,
    /// What the trace records.
    pub level: TraceLevel,
}

impl Sink {
    pub fn new(level: TraceLevel) -> Rc<Sink> {
        let started_unix_micros =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_micros() as u64);
        let trace = Trace { started_unix_micros, ..Trace::default() };
        Rc::new(Sink { trace: RefCell::new(trace), started: std::time::Instant::now(), level })
    }

    /// Whether events other than diagnostics and event-log entries are recorded.
    pub fn records_events(&self) -> bool {
        self.level > TraceLevel::Off
    }

    pub fn record(&self, event: TraceEvent) {
        if self.level == TraceLevel::Off && !matches!(event, TraceEvent::Diagnostic(_) | TraceEvent::EventLog { .. }) {
            return;
        }
        let mut trace = self.trace.borrow_mut();
        trace.offsets.push(self.started.elapsed());
        trace.events.push(event);
    }

    pub fn take_trace(&self) -> Trace {
        std::mem::take(&mut self.trace.borrow_mut())
    }

    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.trace
            .borrow()
            .events
            .iter()
            .filter_map(|e| match e {
                TraceEvent::Diagnostic(d) => Some(d.clone()),
                _ => None,
            })
            .collect()
    }
}

struct Frame {
    sink: Rc<Sink>,
    module: Option<Arc<str>>,
    notification: Option<&'static str>,
}

thread_local! {
    static FRAMES: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
    /// The module call in progress, for the crash handler: set before a call into a module and
    /// cleared only when the call returns (never by unwinding), so it outlives the frame when a
    /// C++ exception escapes the module.
    static CRASH_CONTEXT: RefCell<Option<(Arc<str>, Option<&'static str>)>> = const { RefCell::new(None) };
}

/// What [`arm_crash_context`] replaced, for [`disarm_crash_context`] to put back (module calls
/// nest: a custom notification inside a notification).
#[must_use]
pub struct CrashContext(Option<(Arc<str>, Option<&'static str>)>);

/// Records the current frame's module and notification for the crash handler, before a call
/// into a module.
pub fn arm_crash_context() -> CrashContext {
    let current = FRAMES
        .with(|f| f.borrow().last().and_then(|frame| frame.module.clone().map(|module| (module, frame.notification))));
    CrashContext(CRASH_CONTEXT.with(|c| c.replace(current)))
}

/// After a module call returned normally: puts back what was recorded before it.
pub fn disarm_crash_context(previous: CrashContext) {
    CRASH_CONTEXT.with(|c| *c.borrow_mut() = previous.0);
}

/// While alive, calls from modules on this thread belong to `sink`, `module` and `notification`.
pub struct ScopeGuard {
    _not_send: std::marker::PhantomData<*const ()>,
}

pub fn enter(sink: &Rc<Sink>, module: Option<Arc<str>>, notification: Option<&'static str>) -> ScopeGuard {
    FRAMES.with(|f| f.borrow_mut().push(Frame { sink: sink.clone(), module, notification }));
    ScopeGuard { _not_send: std::marker::PhantomData }
}

impl Drop for ScopeGuard {
    fn drop(&mut self) {
        FRAMES.with(|f| f.borrow_mut().pop());
    }
}

/// The module and notification of the innermost frame, if any.
pub fn current() -> (Option<String>, Option<&'static str>) {
    FRAMES.with(|f| {
        f.borrow()
            .last()
            .map_or((None, None), |frame| (frame.module.as_deref().map(str::to_string), frame.notification))
    })
}

/// Calls `f` with the module and notification of the module call in progress (or else the
/// innermost frame's), from a signal handler: neither allocates nor waits; `None` when neither
/// can be read.
pub fn with_crash_context<R>(f: impl FnOnce(Option<&str>, Option<&'static str>) -> R) -> Option<R> {
    let mut f = Some(f);
    let armed = CRASH_CONTEXT
        .try_with(|c| {
            let c = c.try_borrow().ok()?;
            let (module, notification) = c.as_ref()?;
            Some((f.take()?)(Some(module), *notification))
        })
        .ok()
        .flatten();
    if armed.is_some() {
        return armed;
    }
    FRAMES
        .try_with(|frames| {
            let frames = frames.try_borrow().ok()?;
            let frame = frames.last()?;
            Some((f.take()?)(frame.module.as_deref(), frame.notification))
        })
        .ok()
        .flatten()
}

/// A frame for `module` in `notification` on the current frame's sink (a notification raised
/// from inside another, like a custom notification); none outside any request.
pub fn enter_nested(module: Arc<str>, notification: &'static str) -> Option<ScopeGuard> {
    let sink = FRAMES.with(|f| f.borrow().last().map(|frame| frame.sink.clone()))?;
    Some(enter(&sink, Some(module), Some(notification)))
}

/// Whether the current request records every host API call.
pub fn tracing_calls() -> bool {
    FRAMES.with(|f| f.borrow().last().is_some_and(|frame| frame.sink.level == TraceLevel::Calls))
}

/// Records a host API call, its arguments and its result on the current request's trace.
pub fn record_call(method: &'static str, args: String, result: Option<String>) {
    FRAMES.with(|f| {
        if let Some(frame) = f.borrow().last() {
            frame.sink.record(TraceEvent::Call { method, args, result });
        }
    });
}

/// Records an event on the current request's trace; outside any request (a module's own
/// thread, or load time without a scope) it goes to the server log.
pub fn record(event: TraceEvent) {
    let recorded = FRAMES.with(|f| {
        let frames = f.borrow();
        let frame = frames.last()?;
        frame.sink.record(event.clone());
        Some(())
    });
    if recorded.is_none() {
        eprintln!(
            "iissim: {} (outside any request)",
            crate::trace::Trace { events: vec![event], ..Default::default() }.render().trim_end()
        );
    }
}

/// Reports a diagnostic against whatever module and notification are current.
pub fn diagnose(kind: DiagnosticKind, method: &str, message: impl Into<String>) {
    let message = message.into();
    let recorded = FRAMES.with(|f| {
        let frames = f.borrow();
        let frame = frames.last()?;
        frame.sink.record(TraceEvent::Diagnostic(Diagnostic {
            kind,
            module: frame.module.as_deref().map(str::to_string),
            notification: frame.notification,
            method: method.to_string(),
            message: message.clone(),
        }));
        Some(())
    });
    if recorded.is_none() {
        // A call from a thread iissim does not know (a module's own thread): still seen.
        eprintln!("iissim: {}: {method}: {message} (outside any request)", kind.as_str());
    }
}
