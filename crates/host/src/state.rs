//! The mutable state of one request, shared by every server-side object of that request.

use crate::arena::Arena;
use crate::exchange::Request;
use crate::raw_response::RawResponse;
use crate::scope::Sink;
use crate::site::Site;
use iissim_abi::types::{DWORD, HRESULT};
use iissim_abi::{IHttpContext, IHttpEventProvider, IHttpRequest, IHttpResponse, IHttpUser};
use socket2::SockAddr;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// The request as modules see and change it.
pub struct RequestData {
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    /// The query string, without the `?`.
    pub query: String,
    /// The request target as it arrived.
    pub raw_target: String,
    pub version: (u16, u16),
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// How much of `body` `ReadEntityBody` has handed out.
    pub body_read: usize,
    /// Set by `IHttpRequest::SetUrl`: `GetUrlChanged` reports it.
    pub url_changed: bool,
    /// The URL `SetUrl` set when it names another host (`GetForwardedUrl`); None for local URLs.
    pub forwarded_url: Option<String>,
    /// Bumped by every request header change (`IHttpRequest::GetHeaderChanges`).
    pub header_changes: u32,
}

/// The response as modules build it. It is buffered until the request ends; `Flush` marks the
/// headers and the body so far as sent (`flushed`), which the front end may stream early.
pub struct ResponseData {
    pub status: u16,
    pub substatus: u16,
    pub reason: String,
    pub error: HRESULT,
    pub try_skip_custom_errors: bool,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub headers_suppressed: bool,
    /// Where each entity chunk starts in `body`, in order (`WriteEntityChunks` adds one per chunk;
    /// bytes after the last start belong to the last chunk).
    pub chunk_starts: Vec<usize>,
    /// The module and notification that last set the status (`GetStatus`, error pages).
    pub status_set_by: Option<(String, &'static str)>,
    /// `SetErrorDescription`'s text, and whether it is HTML-encoded on the error page.
    pub error_description: Option<(String, bool)>,
    /// `Flush` sent the status line and headers: they can no longer change.
    pub headers_sent: bool,
    /// How many bytes of `body` have been flushed to the client.
    pub flushed: usize,
    /// `DisableBuffering`: every write is sent at once.
    pub buffering_disabled: bool,
    /// `SetNeedDisconnect`: close the connection after this response.
    pub need_disconnect: bool,
    /// `ResetConnection`: reset the connection instead of answering.
    pub reset_connection: bool,
    /// `CloseConnection`: close the connection now.
    pub close_connection: bool,
    /// `IHttpResponse4::SetTrailer`: trailers, in order (stored; HTTP/1.1 does not send them).
    pub trailers: Vec<(String, String)>,
    /// `IHttpResponse4::ResetStream`'s error code (HTTP/2 only; recorded).
    pub reset_stream: Option<u32>,
    /// `IHttpResponse4::SetNeedGoAway` (HTTP/2 only; recorded).
    pub need_goaway: bool,
    /// Bumped by every response header change (`IHttpResponse::GetHeaderChanges`).
    pub header_changes: u32,
}

impl ResponseData {
    /// The entity body as its chunks, in order.
    pub fn chunks(&self) -> Vec<&[u8]> {
        let len = self.body.len();
        let mut starts: Vec<usize> = self.chunk_starts.iter().copied().filter(|&s| s < len).collect();
        starts.dedup();
        if len > 0 && starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        let mut chunks = Vec::with_capacity(starts.len());
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(len);
            chunks.push(&self.body[start..end]);
        }
        chunks
    }

    /// Replaces the entity body with these chunks.
    pub fn set_chunks<'a>(&mut self, chunks: impl IntoIterator<Item = &'a [u8]>) {
        self.body.clear();
        self.chunk_starts.clear();
        for chunk in chunks {
            if !chunk.is_empty() {
                self.chunk_starts.push(self.body.len());
                self.body.extend_from_slice(chunk);
            }
        }
    }
}

impl Default for ResponseData {
    fn default() -> Self {
        ResponseData {
            status: 200,
            substatus: 0,
            reason: "OK".into(),
            error: 0,
            try_skip_custom_errors: false,
            headers: vec![],
            body: vec![],
            headers_suppressed: false,
            chunk_starts: vec![],
            status_set_by: None,
            error_description: None,
            headers_sent: false,
            flushed: 0,
            buffering_disabled: false,
            need_disconnect: false,
            reset_connection: false,
            close_connection: false,
            trailers: vec![],
            reset_stream: None,
            need_goaway: false,
            header_changes: 0,
        }
    }
}

/// Interface pointers of this request's host objects.
#[derive(Clone, Copy)]
pub struct ObjectPointers {
    pub context: *mut IHttpContext,
    pub request: *mut IHttpRequest,
    pub response: *mut IHttpResponse,
    /// The host's own user object for the configured anonymous identity, if any.
    pub host_user: *mut IHttpUser,
    /// The providers request notifications receive: most get the plain event provider.
    pub event_provider: *mut IHttpEventProvider,
    pub authentication_provider: *mut IHttpEventProvider,
    pub map_handler_provider: *mut IHttpEventProvider,
}

impl ObjectPointers {
    /// The provider a notification (or its post-notification) hands its modules.
    pub fn provider_for(&self, bit: DWORD, post: bool) -> *mut IHttpEventProvider {
        match (bit, post) {
            (iissim_abi::RQ_AUTHENTICATE_REQUEST, false) => self.authentication_provider,
            (iissim_abi::RQ_MAP_REQUEST_HANDLER, false) => self.map_handler_provider,
            _ => self.event_provider,
        }
    }
}

/// Everything one request's objects share.
pub struct RequestState {
    pub site: Arc<Site>,
    /// The worker's fragment cache (IHttpServer::AddFragmentToCache), which fragment-cache
    /// data chunks send from.
    pub fragments: Arc<crate::fragment_cache::FragmentCache>,
    pub sink: Rc<Sink>,
    pub arena: Arena,
    pub request: RefCell<RequestData>,
    pub response: RefCell<ResponseData>,
    pub remote: SockAddr,
    pub local: SockAddr,
    pub objects: Cell<ObjectPointers>,
    /// The request's user: NULL until authentication sets one (`IHttpContext::GetUser`).
    pub user: Cell<*mut IHttpUser>,
    /// The user's name and authentication type as server variables show them, once a user is set.
    pub user_names: RefCell<Option<(String, String)>>,
    /// AUTH_PASSWORD: the password of a Basic logon.
    pub auth_password: RefCell<String>,
    /// Set by `IHttpContext::SetRequestHandled`: the handler need not run.
    pub handled: Cell<bool>,
    /// Where a pending notification's completion arrives, from any thread.
    pub completion: std::sync::Arc<crate::completion::Completion>,
    /// A notification stayed pending past the limit: the request ended without its completion.
    pub abandoned: Cell<bool>,
    /// Notifications each module turned off for the rest of the request (DisableNotifications):
    /// module name -> (request mask, post mask).
    pub disabled: RefCell<Vec<(std::sync::Arc<str>, u32, u32)>>,
    /// The deterministic notification running now (its index in PIPELINE) and whether it is
    /// the post-notification, for GetIsLastNotification.
    pub position: Cell<(usize, bool)>,
    /// How long a notification may stay pending (`[pipeline] pending_timeout_ms`).
    pub pending_timeout: std::time::Duration,
    /// The request's instances of modules subscribed to RQ_CUSTOM_NOTIFICATION, in the order
    /// they receive it: (name, `CHttpModule*`).
    pub custom_targets: RefCell<crate::nested::Targets>,
    /// The same for RQ_MAP_PATH.
    pub map_path_targets: RefCell<crate::nested::Targets>,
    /// Set while RQ_MAP_PATH runs: a mapping a module asks for inside OnMapPath raises no
    /// second RQ_MAP_PATH.
    pub mapping_path: Cell<bool>,
    /// The same for RQ_READ_ENTITY, and whether it is running.
    pub read_entity_targets: RefCell<crate::nested::Targets>,
    pub reading_entity: Cell<bool>,
    /// What each module of the request subscribed to: (name, request mask, post mask).
    pub subscriptions: RefCell<Vec<(std::sync::Arc<str>, u32, u32)>>,
    /// Each module's `CHttpModule*` for this request, in configuration order.
    pub instances: RefCell<Vec<(std::sync::Arc<str>, usize)>>,
    /// Set by `IHttpContext::GetNextNotification`: the calling module took over every
    /// notification up to and including this one (index in `PIPELINE`, post).
    pub merged_through: Cell<Option<(usize, bool)>>,
    /// `IHttpResponse::GetRawHttpResponse`'s structure, once a module asked for it.
    pub raw_response: RefCell<Option<RawResponse>>,
    /// The worker running the request (child requests run through it again).
    pub worker: std::sync::Weak<crate::worker::Worker>,
    /// For a child request: its parent's context, the execute flags, how deep it is nested,
    /// and whether ExecuteRequest gave it a user (authentication is then skipped).
    pub parent: Cell<*mut IHttpContext>,
    pub execute_flags: Cell<DWORD>,
    pub depth: Cell<u32>,
    /// The root request's context for a child (null: this request is the root), and whether
    /// the module gave the clone back with ReleaseClonedContext.
    pub root: Cell<*mut IHttpContext>,
    pub released: Cell<bool>,
    /// What RQ_MAP_REQUEST_HANDLER's IMapHandlerProvider set: the script name (SCRIPT_NAME,
    /// GetScriptName), the handler mapping (GetScriptMap) and the file (GetFileInfo).
    pub mapped_script_name: RefCell<Option<String>>,
    pub mapped_script_map: Cell<*mut iissim_abi::IScriptMapInfo>,
    pub mapped_file_info: Cell<*mut iissim_abi::IHttpFileInfo>,
    pub user_given: Cell<bool>,
    /// When the request arrived, as `GetTickCount64` counts (IHttpContext4::GetRequestStartTime).
    pub started_ticks: u64,
}

impl RequestState {
    pub fn new(
        site: Arc<Site>,
        fragments: Arc<crate::fragment_cache::FragmentCache>,
        sink: Rc<Sink>,
        request: Request,
    ) -> RequestState {
        let (path, query) = match request.target.split_once('?') {
            Some((p, q)) => (p.to_string(), q.to_string()),
            None => (request.target.clone(), String::new()),
        };
        RequestState {
            started_ticks: crate::ffi::clock::tick_count64(),
            site,
            fragments,
            sink,
            arena: Arena::default(),
            remote: SockAddr::from(request.remote),
            local: SockAddr::from(request.local),
            request: RefCell::new(RequestData {
                method: request.method,
                path,
                query,
                raw_target: request.target,
                version: request.version,
                headers: request.headers,
                body: request.body,
                body_read: 0,
                url_changed: false,
                forwarded_url: None,
                header_changes: 0,
            }),
            response: RefCell::new(ResponseData::default()),
            objects: Cell::new(ObjectPointers {
                context: std::ptr::null_mut(),
                request: std::ptr::null_mut(),
                response: std::ptr::null_mut(),
                host_user: std::ptr::null_mut(),
                event_provider: std::ptr::null_mut(),
                authentication_provider: std::ptr::null_mut(),
                map_handler_provider: std::ptr::null_mut(),
            }),
            user: Cell::new(std::ptr::null_mut()),
            user_names: RefCell::new(None),
            auth_password: RefCell::new(String::new()),
            handled: Cell::new(false),
            completion: Default::default(),
            abandoned: Cell::new(false),
            disabled: RefCell::new(Vec::new()),
            position: Cell::new((0, false)),
            pending_timeout: std::time::Duration::from_secs(30),
            subscriptions: RefCell::new(Vec::new()),
            instances: RefCell::new(Vec::new()),
            merged_through: Cell::new(None),
            custom_targets: RefCell::new(Vec::new()),
            map_path_targets: RefCell::new(Vec::new()),
            mapping_path: Cell::new(false),
            read_entity_targets: RefCell::new(Vec::new()),
            reading_entity: Cell::new(false),
            raw_response: RefCell::new(None),
            worker: std::sync::Weak::new(),
            parent: Cell::new(std::ptr::null_mut()),
            execute_flags: Cell::new(0),
            depth: Cell::new(0),
            root: Cell::new(std::ptr::null_mut()),
            released: Cell::new(false),
            mapped_script_name: RefCell::new(None),
            mapped_script_map: Cell::new(std::ptr::null_mut()),
            mapped_file_info: Cell::new(std::ptr::null_mut()),
            user_given: Cell::new(false),
        }
    }

    /// The request and post masks module `name` turned off.
    pub fn disabled_for(&self, name: &str) -> (u32, u32) {
        self.disabled.borrow().iter().find(|(m, ..)| &**m == name).map_or((0, 0), |(_, r, p)| (*r, *p))
    }

    /// The value of the first request header called `name` (case-insensitive).
    pub fn request_header(&self, name: &str) -> Option<String> {
        self.request.borrow().headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone())
    }

    /// Whether the status line and headers have been sent (`IResponse::Flush`), so that they can
    /// no longer change; `IHttpContext::GetResponseHeadersSent` reports it.
    pub fn response_headers_sent(&self) -> bool {
        self.response.borrow().headers_sent
    }

    /// Reads back what a module changed through `GetRawHttpResponse`'s structure, if anything.
    pub fn settle_response(&self) {
        let mut raw = self.raw_response.borrow_mut();
        if let Some(raw) = raw.as_mut() {
            if let Some(changed) = raw.take_changes() {
                crate::raw_response::apply(&mut self.response.borrow_mut(), changed);
            }
        }
    }

    /// Rewrites `GetRawHttpResponse`'s structure, if a module has it, after the host changed
    /// the response.
    pub fn publish_response(&self) {
        let mut raw = self.raw_response.borrow_mut();
        if let Some(raw) = raw.as_mut() {
            raw.publish(&self.arena, &self.response.borrow());
        }
    }
}
