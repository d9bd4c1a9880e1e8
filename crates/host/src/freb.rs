//! The trace as a Failed Request Tracing file: a `failedRequest` document of `Event` elements
//! with IIS's opcode names (GENERAL_REQUEST_START, NOTIFY_MODULE_START, ...), in the event
//! schema FREB writes, so a FREB style sheet can lay it out. The file points at `freb.xsl` beside
//! it; iissim writes its own style sheet there (`FREB_XSL`).

use crate::exchange::Response;
use crate::trace::TraceEvent;
use std::fmt::Write;

/// The trace provider FREB names for the web server's events.
const PROVIDER: &str = r#"<Provider Name="WWW Server" Guid="{3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}"/>"#;

/// iissim's own style sheet for its FREB files: a table of events, like the one IIS shows.
pub const FREB_XSL: &str = include_str!("freb.xsl");

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t') => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

/// ISO 8601 UTC with milliseconds, from microseconds since the epoch.
fn system_time(micros: u64) -> String {
    let secs = micros / 1_000_000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = crate::civil_date::from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        micros % 1_000_000 / 1000
    )
}

struct Writer {
    out: String,
    started: u64,
}

impl Writer {
    fn event(&mut self, at_micros: u64, level: u8, opcode: &str, data: &[(&str, String)]) {
        let mut event = String::new();
        writeln!(event, "  <Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">").unwrap();
        writeln!(event, "    <System>\n      {PROVIDER}\n      <EventID>0</EventID>\n      <Version>1</Version>")
            .unwrap();
        writeln!(event, "      <Level>{level}</Level>\n      <Keywords>0x0</Keywords>").unwrap();
        writeln!(event, "      <TimeCreated SystemTime=\"{}\"/>", system_time(self.started + at_micros)).unwrap();
        writeln!(event, "      <Computer>iissim</Computer>\n    </System>\n    <EventData>").unwrap();
        for (name, value) in data {
            writeln!(event, "      <Data Name=\"{name}\">{}</Data>", escape(value)).unwrap();
        }
        writeln!(event, "    </EventData>\n    <RenderingInfo Culture=\"en-US\">\n      <Opcode>{opcode}</Opcode>")
            .unwrap();
        writeln!(event, "    </RenderingInfo>\n  </Event>").unwrap();
        self.out.push_str(&event);
    }
}

/// The FREB document of one request.
pub fn render(response: &Response) -> String {
    let trace = &response.trace;
    let taken = trace.offsets.last().map_or(0, |d| d.as_millis());
    let mut w = Writer { out: String::new(), started: trace.started_unix_micros };
    w.out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"freb.xsl\"?>\n",
    );
    writeln!(
        w.out,
        "<failedRequest url=\"{}\" siteId=\"{}\" appPoolId=\"iissim\" processId=\"{}\" verb=\"{}\" failureReason=\"STATUS_CODE\" statusCode=\"{}.{}\" triggerStatusCode=\"{}\" timeTaken=\"{taken}\" xmlns:freb=\"http://schemas.microsoft.com/win/2006/06/iis/freb\">",
        escape(&response.url),
        response.site_id,
        std::process::id(),
        escape(&response.method),
        response.status,
        response.substatus,
        response.status
    )
    .unwrap();
    w.event(
        0,
        4,
        "GENERAL_REQUEST_START",
        &[("RequestURL", response.url.clone()), ("RequestVerb", response.method.clone())],
    );
    for (event, at) in trace.events.iter().zip(&trace.offsets) {
        let at = at.as_micros() as u64;
        match event {
            TraceEvent::ModuleStart { module, notification, post } => w.event(
                at,
                5,
                "NOTIFY_MODULE_START",
                &[
                    ("ModuleName", module.to_string()),
                    ("Notification", notification.to_string()),
                    ("fIsPostNotification", post.to_string()),
                ],
            ),
            TraceEvent::ModuleEnd { module, notification, post, status } => w.event(
                at,
                5,
                "NOTIFY_MODULE_END",
                &[
                    ("ModuleName", module.to_string()),
                    ("Notification", notification.to_string()),
                    ("fIsPostNotificationEvent", post.to_string()),
                    ("NotificationStatus", status.to_string()),
                ],
            ),
            TraceEvent::SetResponseErrorStatus { module, notification, status, substatus, reason, error } => w.event(
                at,
                3,
                "MODULE_SET_RESPONSE_ERROR_STATUS",
                &[
                    ("ModuleName", module.clone().unwrap_or_default()),
                    ("Notification", notification.unwrap_or_default().to_string()),
                    ("HttpStatus", status.to_string()),
                    ("HttpReason", reason.clone()),
                    ("HttpSubStatus", substatus.to_string()),
                    ("ErrorCode", format!("0x{:08X}", *error as u32)),
                ],
            ),
            TraceEvent::Call { method, args, result } => w.event(
                at,
                5,
                "API_CALL",
                &[
                    ("Method", method.to_string()),
                    ("Arguments", args.clone()),
                    ("Result", result.clone().unwrap_or_default()),
                ],
            ),
            TraceEvent::Host { what } => w.event(at, 4, "HOST_EVENT", &[("Description", what.clone())]),
            TraceEvent::Diagnostic(d) => w.event(
                at,
                2,
                "IISSIM_DIAGNOSTIC",
                &[
                    ("Kind", d.kind.as_str().to_string()),
                    ("ModuleName", d.module.clone().unwrap_or_default()),
                    ("Notification", d.notification.unwrap_or_default().to_string()),
                    ("Method", d.method.clone()),
                    ("Message", d.message.clone()),
                ],
            ),
            TraceEvent::EventLog { source, kind, category, event_id, strings } => w.event(
                at,
                4,
                "EVENT_LOG",
                &[
                    ("Source", source.clone()),
                    ("Type", kind.to_string()),
                    ("Category", category.to_string()),
                    ("EventID", event_id.to_string()),
                    ("Strings", strings.join(" | ")),
                ],
            ),
            TraceEvent::DebugString { text } => w.event(at, 5, "OUTPUT_DEBUG_STRING", &[("Text", text.clone())]),
            TraceEvent::ModuleTrace { module, notification, what, data1, data2, hr, level } => w.event(
                at,
                *level,
                "MODULE_TRACE",
                &[
                    ("ModuleName", module.clone().unwrap_or_default()),
                    ("Notification", notification.unwrap_or_default().to_string()),
                    ("Source", what.to_string()),
                    ("Data1", data1.clone()),
                    ("Data2", data2.clone()),
                    ("ErrorCode", format!("0x{:08X}", *hr as u32)),
                ],
            ),
        }
    }
    let end = trace.offsets.last().map_or(0, |d| d.as_micros() as u64);
    w.event(
        end,
        4,
        "GENERAL_REQUEST_END",
        &[
            ("BytesSent", response.body.len().to_string()),
            ("HttpStatus", response.status.to_string()),
            ("HttpSubStatus", response.substatus.to_string()),
        ],
    );
    w.out.push_str("</failedRequest>\n");
    w.out
}

/// Writes the FREB files a worker keeps: numbered like IIS's (`fr000001.xml`), with the style
/// sheet beside them.
pub struct FrebWriter {
    dir: std::path::PathBuf,
    next: std::sync::atomic::AtomicU32,
}

impl FrebWriter {
    pub fn new(dir: std::path::PathBuf) -> FrebWriter {
        FrebWriter { dir, next: std::sync::atomic::AtomicU32::new(1) }
    }

    /// Writes the response's FREB file; returns its path.
    pub fn keep(&self, response: &Response) -> std::io::Result<std::path::PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let xsl = self.dir.join("freb.xsl");
        if !xsl.exists() {
            std::fs::write(&xsl, FREB_XSL)?;
        }
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = self.dir.join(format!("fr{n:06}.xml"));
        std::fs::write(&path, render(response))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_utc_times() {
        assert_eq!(super::system_time(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(super::system_time(1_795_000_000_123_456), "2026-11-18T11:06:40.123Z");
    }
}
