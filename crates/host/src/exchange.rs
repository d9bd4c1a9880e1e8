//! What goes into the engine and what comes out: one HTTP request, one HTTP response.

use crate::diagnostics::Diagnostic;
use crate::trace::Trace;
use std::net::SocketAddr;

/// One request as the client sent it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// The request target as sent: the path, then `?` and the query string if any.
    pub target: String,
    pub version: (u16, u16),
    /// Header names and values in the order they arrived.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub remote: SocketAddr,
    pub local: SocketAddr,
}

impl Request {
    /// A request from 127.0.0.1 to 127.0.0.1:80 with no headers, for tests and one-shots.
    pub fn new(method: &str, target: &str) -> Request {
        Request {
            method: method.to_string(),
            target: target.to_string(),
            version: (1, 1),
            headers: vec![("Host".into(), "localhost".into())],
            body: vec![],
            remote: SocketAddr::from(([127, 0, 0, 1], 50_000)),
            local: SocketAddr::from(([127, 0, 0, 1], 80)),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Frames the body as an HTTP client does: a request with a body and neither
    /// `Content-Length` nor `Transfer-Encoding` gets `Content-Length` as its last header, so
    /// modules (and ALL_RAW) see what they would over the wire.
    pub fn framed(mut self) -> Request {
        let framed = self
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("Content-Length") || n.eq_ignore_ascii_case("Transfer-Encoding"));
        if !self.body.is_empty() && !framed {
            self.headers.push(("Content-Length".into(), self.body.len().to_string()));
        }
        self
    }
}

/// The response the pipeline produced, with what happened on the way.
#[derive(Clone, Debug)]
pub struct Response {
    /// The request's method and full URL, and the site's id, for reports (FREB).
    pub method: String,
    pub url: String,
    pub site_id: u32,
    pub status: u16,
    pub substatus: u16,
    pub reason: String,
    /// Header names and values in the order the client receives them.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub trace: Trace,
    pub diagnostics: Vec<Diagnostic>,
    /// What happens to the client's connection after this response.
    pub connection: ConnectionEnd,
}

/// What a module asked of the connection (IHttpResponse::SetNeedDisconnect, ResetConnection,
/// CloseConnection).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConnectionEnd {
    /// The connection stays open for the next request, as HTTP/1.1 keeps it.
    #[default]
    KeepAlive,
    /// The response goes out with `Connection: close`, then the connection closes.
    CloseAfterResponse,
    /// No response: the connection is reset.
    Reset,
}

impl Response {
    /// The first header of that name (names compare case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The request's trace as a Failed Request Tracing document (see [`crate::freb`]).
    pub fn freb_xml(&self) -> String {
        crate::freb::render(self)
    }

    /// The response as `curl -i` prints it.
    pub fn to_http_string(&self) -> String {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str("\r\n");
        out.push_str(&String::from_utf8_lossy(&self.body));
        out
    }
}
