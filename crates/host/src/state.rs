//! The mutable state of one request, shared by every server-side object of that request.

use crate::arena::Arena;
use crate::exchange::Request;
use crate::scope::Sink;
use crate::site::Site;
use iissim_abi::types::HRESULT;
use iissim_abi::{IHttpContext, IHttpRequest, IHttpResponse, IHttpUser};
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
}

/// The response as modules build it; nothing is sent before the request ends (the response is
/// buffered, and no module can flush yet).
pub struct ResponseData {
    pub status: u16,
    pub substatus: u16,
    pub reason: String,
    pub error: HRESULT,
    pub try_skip_custom_errors: bool,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub headers_suppressed: bool,
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
}

/// Everything one request's objects share.
pub struct RequestState {
    pub site: Arc<Site>,
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
    /// Set by `IHttpContext::SetRequestHandled`: the handler need not run.
    pub handled: Cell<bool>,
}

impl RequestState {
    pub fn new(site: Arc<Site>, sink: Rc<Sink>, request: Request) -> RequestState {
        let (path, query) = match request.target.split_once('?') {
            Some((p, q)) => (p.to_string(), q.to_string()),
            None => (request.target.clone(), String::new()),
        };
        RequestState {
            site,
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
            }),
            response: RefCell::new(ResponseData::default()),
            objects: Cell::new(ObjectPointers {
                context: std::ptr::null_mut(),
                request: std::ptr::null_mut(),
                response: std::ptr::null_mut(),
                host_user: std::ptr::null_mut(),
            }),
            user: Cell::new(std::ptr::null_mut()),
            user_names: RefCell::new(None),
            handled: Cell::new(false),
        }
    }

    /// The value of the first request header called `name` (case-insensitive).
    pub fn request_header(&self, name: &str) -> Option<String> {
        self.request.borrow().headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone())
    }
}
