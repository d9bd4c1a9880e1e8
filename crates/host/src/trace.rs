//! The request trace, in the spirit of IIS Failed Request Tracing: each notification delivered
//! to each module with its status, each host API call, and each diagnostic, in order.

use crate::diagnostics::Diagnostic;
use std::fmt::Write;
use std::sync::Arc;

/// One thing that happened while a request ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    /// FREB's NOTIFY_MODULE_START.
    ModuleStart {
        module: Arc<str>,
        notification: &'static str,
        post: bool,
    },
    /// FREB's NOTIFY_MODULE_END, with the status the handler returned.
    ModuleEnd {
        module: Arc<str>,
        notification: &'static str,
        post: bool,
        status: &'static str,
    },
    /// A host method the module called, with its arguments and result.
    Call {
        method: &'static str,
        args: String,
        result: Option<String>,
    },
    /// Something the host did on its own (built-in authentication, the static file handler).
    Host {
        what: String,
    },
    Diagnostic(Diagnostic),
    /// `ReportEvent` through the SDK's event-log shim.
    EventLog {
        source: String,
        kind: u16,
        category: u16,
        event_id: u32,
        strings: Vec<String>,
    },
    /// `OutputDebugString` through the SDK's shim.
    DebugString {
        text: String,
    },
    /// A module's own trace event, through `IHttpTraceContext::QuickTrace` (with its two
    /// strings) or `IHttpTraceContext::RaiseTraceEvent` (`what` says which).
    ModuleTrace {
        module: Option<String>,
        notification: Option<&'static str>,
        what: &'static str,
        data1: String,
        data2: String,
        hr: i32,
        level: u8,
    },
    /// FREB's MODULE_SET_RESPONSE_ERROR_STATUS: a module set a status of 400 or more.
    SetResponseErrorStatus {
        module: Option<String>,
        notification: Option<&'static str>,
        status: u16,
        substatus: u16,
        reason: String,
        error: i32,
    },
}

/// The name of an EVENTLOG_* type.
fn event_kind(kind: u16) -> &'static str {
    match kind {
        0 => "success",
        1 => "error",
        2 => "warning",
        4 => "information",
        8 => "audit-success",
        16 => "audit-failure",
        _ => "unknown",
    }
}

/// Every event of one request, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub events: Vec<TraceEvent>,
    /// When each event happened, from the start of the request (parallel to `events`).
    pub offsets: Vec<std::time::Duration>,
    /// When the request started, in microseconds since the Unix epoch.
    pub started_unix_micros: u64,
}

impl Trace {
    /// The diagnostics among the events, in order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &crate::diagnostics::Diagnostic> {
        self.events.iter().filter_map(|e| match e {
            TraceEvent::Diagnostic(d) => Some(d),
            _ => None,
        })
    }

    /// The compact, stable text form used in snapshots: no addresses, no times.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        for event in &self.events {
            let post = |p: bool| if p { " (post)" } else { "" };
            match event {
                TraceEvent::ModuleStart { module, notification, post: p } => {
                    writeln!(out, "{:depth$}{notification}{} -> {module}", "", post(*p), depth = depth * 2).unwrap();
                    depth += 1;
                }
                TraceEvent::ModuleEnd { status, .. } => {
                    depth = depth.saturating_sub(1);
                    writeln!(out, "{:depth$}<- {status}", "", depth = depth * 2 + 2).unwrap();
                }
                TraceEvent::Call { method, args, result } => {
                    let name = method.split('(').next().unwrap_or(method);
                    let result = result.as_ref().map(|r| format!(" -> {r}")).unwrap_or_default();
                    writeln!(out, "{:depth$}call {name}({args}){result}", "", depth = depth * 2).unwrap()
                }
                TraceEvent::Host { what } => writeln!(out, "{:depth$}host: {what}", "", depth = depth * 2).unwrap(),
                TraceEvent::Diagnostic(d) => writeln!(out, "{:depth$}! {d}", "", depth = depth * 2).unwrap(),
                TraceEvent::EventLog { source, kind, category, event_id, strings } => writeln!(
                    out,
                    "{:depth$}event-log: {source} {} id={} (0x{event_id:08X}) category={category} {strings:?}",
                    "",
                    event_kind(*kind),
                    event_id & 0xFFFF,
                    depth = depth * 2
                )
                .unwrap(),
                TraceEvent::SetResponseErrorStatus { module, notification, status, substatus, reason, error } => {
                    writeln!(
                        out,
                        "{:depth$}set-error-status: {status}.{substatus} {reason:?} hr=0x{:08X} by {} in {}",
                        "",
                        *error as u32,
                        module.as_deref().unwrap_or("(host)"),
                        notification.unwrap_or("-"),
                        depth = depth * 2
                    )
                    .unwrap()
                }
                TraceEvent::ModuleTrace { module, what, data1, data2, hr, level, .. } => writeln!(
                    out,
                    "{:depth$}{what}: level={level} hr=0x{:08X} {data1:?} {data2:?} by {}",
                    "",
                    *hr as u32,
                    module.as_deref().unwrap_or("(host)"),
                    depth = depth * 2
                )
                .unwrap(),
                TraceEvent::DebugString { text } => {
                    writeln!(out, "{:depth$}debug: {}", "", text.trim_end(), depth = depth * 2).unwrap()
                }
            }
        }
        out
    }
}
