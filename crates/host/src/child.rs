//! Child requests: `IHttpContext::CloneContext` makes one, `ExecuteRequest` runs it through
//! the whole pipeline (new module instances, every notification), `ReleaseClonedContext`
//! gives it back.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-clonecontext-method
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-executerequest-method
//!
//! A child runs at once, on the thread of the module that executes it, so ExecuteRequest
//! reports no pending completion. Without EXECUTE_FLAG_BUFFER_RESPONSE the child's response goes
//! to the client: its status line and headers (unless EXECUTE_FLAG_NO_HEADERS) become the
//! response's, its body is appended, and what was sent can no longer change. With it, the
//! response stays with the child, for the parent to read through the clone's GetResponse.

use crate::diagnostics::DiagnosticKind;
use crate::exchange::Request;
use crate::ffi::module_call;
use crate::pipeline::{self, Prepared};
use crate::scope;
use crate::state::RequestState;
use crate::trace::TraceEvent;
use crate::worker::Worker;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;
use std::rc::Rc;

/// IIS's limit on nested child requests (the ExecuteRequest page).
pub const MAX_DEPTH: u32 = 10;
/// `ERROR_STACK_OVERFLOW`: the child would nest deeper than [`MAX_DEPTH`].
const ERROR_STACK_OVERFLOW: u32 = 1001;

/// Headers CLONE_FLAG_NO_PRECONDITION leaves out: Range and the conditional `If-*` headers.
fn is_precondition(name: &str) -> bool {
    name.eq_ignore_ascii_case("Range")
        || (name.len() > 3 && name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("If-")))
}

/// Headers CLONE_FLAG_NO_DAV leaves out: WebDAV's request headers (RFC 4918 §10), and
/// `Translate`, which IIS's WebDAV reads.
fn is_dav(name: &str) -> bool {
    ["Depth", "Destination", "If", "Lock-Token", "Overwrite", "Timeout", "Translate"]
        .iter()
        .any(|h| h.eq_ignore_ascii_case(name))
}

/// The request a clone starts as. CLONE_FLAG_BASICS copies the method, URL and query string
/// (without it the clone is `GET /` until the module sets them); CLONE_FLAG_HEADERS the headers,
/// less preconditions and WebDAV headers where asked; CLONE_FLAG_ENTITY the body.
pub fn cloned_request(parent: &RequestState, flags: DWORD) -> Request {
    let data = parent.request.borrow();
    let (method, target) = if flags & CLONE_FLAG_BASICS != 0 {
        let target = if data.query.is_empty() { data.path.clone() } else { format!("{}?{}", data.path, data.query) };
        (data.method.clone(), target)
    } else {
        ("GET".to_string(), "/".to_string())
    };
    let headers = if flags & CLONE_FLAG_HEADERS != 0 {
        data.headers
            .iter()
            .filter(|(n, _)| !(flags & CLONE_FLAG_NO_PRECONDITION != 0 && is_precondition(n)))
            .filter(|(n, _)| !(flags & CLONE_FLAG_NO_DAV != 0 && is_dav(n)))
            .cloned()
            .collect()
    } else {
        // The clone still names the site it is for.
        data.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("Host")).cloned().collect()
    };
    let mut request = Request::new(&method, &target);
    request.version = data.version;
    request.headers = headers;
    request.body = if flags & CLONE_FLAG_ENTITY != 0 { data.body.clone() } else { Vec::new() };
    if let (Some(remote), Some(local)) = (parent.remote.as_socket(), parent.local.as_socket()) {
        request.remote = remote;
        request.local = local;
    }
    request
}

/// A request a module runs itself (a child, or a preload request) with the user it names: the
/// user skips authentication, and the request holds a reference on it, as SetUser does.
pub fn give_user(state: &RequestState, user: *mut IHttpUser) {
    if !user.is_null() {
        module_call::reference_user(user);
        state.user.set(user);
        *state.user_names.borrow_mut() = Some(module_call::user_names(user));
        state.user_given.set(true);
    }
}

/// `GET /path?query`, as the request stands now (SetUrl changes it).
pub fn describe(state: &RequestState) -> String {
    let request = state.request.borrow();
    let query = if request.query.is_empty() { String::new() } else { format!("?{}", request.query) };
    format!("{} {}{query}", request.method, request.path)
}

/// A clone of a request, owned by its parent's context.
pub struct Child {
    pub prepared: Prepared,
    executed: Cell<bool>,
}

impl Child {
    /// A clone of `parent` (whose context is `parent_context`), not run yet.
    pub fn new(
        worker: &Worker,
        parent: &RequestState,
        parent_context: *mut IHttpContext,
        root_context: *mut IHttpContext,
        flags: DWORD,
    ) -> Rc<Child> {
        let prepared = pipeline::prepare(worker, parent.sink.clone(), cloned_request(parent, flags));
        prepared.state.parent.set(parent_context);
        prepared.state.root.set(root_context);
        prepared.state.depth.set(parent.depth.get() + 1);
        Rc::new(Child { prepared, executed: Cell::new(false) })
    }

    pub fn context(&self) -> *mut IHttpContext {
        self.prepared.objects().context.as_ptr()
    }

    pub fn state(&self) -> &Rc<RequestState> {
        &self.prepared.state
    }

    /// Runs the clone through the pipeline; `parent` receives its response unless it is
    /// buffered.
    pub fn execute(&self, worker: &Worker, parent: &RequestState, flags: DWORD, user: *mut IHttpUser) -> HRESULT {
        const METHOD: &str = "IHttpContext::ExecuteRequest(BOOL, IHttpContext*, DWORD, IHttpUser*, BOOL*)";
        if self.executed.replace(true) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                "this child context was already executed; each clone runs once",
            );
            return from_win32(ERROR_NOT_SUPPORTED);
        }
        let state = &self.prepared.state;
        if state.depth.get() > MAX_DEPTH {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                METHOD,
                format!("child requests nest more than {MAX_DEPTH} deep"),
            );
            return from_win32(ERROR_STACK_OVERFLOW);
        }
        state.execute_flags.set(flags);
        give_user(state, user);
        let request = describe(state);
        parent.sink.record(TraceEvent::Host { what: format!("child request {request} (flags 0x{flags:x}) begins") });
        pipeline::execute(worker, &self.prepared, false);
        if flags & EXECUTE_FLAG_DISABLE_CUSTOM_ERROR != 0 {
            state.response.borrow_mut().try_skip_custom_errors = true;
        }
        let status = state.response.borrow().status;
        parent.sink.record(TraceEvent::Host { what: format!("child request {request} ends with {status}") });
        if flags & EXECUTE_FLAG_BUFFER_RESPONSE == 0 {
            let data = crate::handler::final_response(state);
            parent.settle_response();
            {
                let mut response = parent.response.borrow_mut();
                if flags & EXECUTE_FLAG_NO_HEADERS == 0 && !response.headers_sent {
                    response.status = data.status;
                    response.substatus = data.substatus;
                    response.reason = data.reason;
                    response.headers = data.headers;
                }
                if !data.body.is_empty() {
                    let start = response.body.len();
                    response.chunk_starts.push(start);
                    response.body.extend_from_slice(&data.body);
                }
                // The child's response went out: what was sent is final.
                response.headers_sent = true;
                let sent = response.body.len();
                response.flushed = sent;
            }
            parent.publish_response();
        }
        S_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precondition_and_dav_headers_are_recognised() {
        for name in ["Range", "If-Modified-Since", "if-none-match", "If-Range"] {
            assert!(is_precondition(name), "{name}");
        }
        for name in ["Host", "If", "Referer"] {
            assert!(!is_precondition(name), "{name}");
        }
        for name in ["Depth", "destination", "If", "Lock-Token", "Translate"] {
            assert!(is_dav(name), "{name}");
        }
        assert!(!is_dav("If-Match"));
    }
}
