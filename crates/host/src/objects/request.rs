//! `IHttpRequest` … `IHttpRequest4`: the request as modules read and change it.
//!
//! Real: GetRawHttpRequest (both overloads), GetHeader (by name and by id), GetHttpMethod,
//! GetRemoteAddress, GetLocalAddress, GetHttpVersion, GetSiteId, ReadEntityBody (synchronous),
//! GetRemainingEntityBytes. Every other method is diagnosed.

use super::generated::thunks::{HttpRequest, HttpRequest2, HttpRequest3, HttpRequest4};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, Ptr};
use crate::raw_request::RawRequest;
use crate::scope;
use crate::state::RequestState;
use core::ffi::c_void;
use iissim_abi::http::{HttpHeaderRequestMaximum, HTTP_HEADER_ID, HTTP_REQUEST, REQUEST_HEADER_NAMES};
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::RefCell;
use std::rc::Rc;

/// A known header's value as handed out: the arena copy and its length.
type Handed = Option<(PCSTR, USHORT)>;

pub struct Request {
    state: Rc<RequestState>,
    /// `GetRawHttpRequest`'s structure, built on first use and kept for the request.
    raw: RefCell<Option<Box<RawRequest>>>,
    /// Known headers already handed out, by id, so repeated calls neither search nor copy.
    /// Whatever changes request headers must clear it.
    known: RefCell<[Handed; HttpHeaderRequestMaximum as usize]>,
}

impl Request {
    pub fn new(state: Rc<RequestState>) -> Self {
        Request { state, raw: RefCell::new(None), known: RefCell::new([None; HttpHeaderRequestMaximum as usize]) }
    }

    /// A header's value copied into the request arena, with its length, or NULL and 0.
    fn header(&self, name: &str, len: Out<'_, USHORT>) -> PCSTR {
        if let Some(id) = REQUEST_HEADER_NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)) {
            return self.known_header(id, len);
        }
        let (ptr, n) = self.copy_header(name);
        len.set(n);
        ptr
    }

    fn known_header(&self, id: usize, len: Out<'_, USHORT>) -> PCSTR {
        let cached = self.known.borrow()[id];
        let (ptr, n) = cached.unwrap_or_else(|| {
            let found = self.copy_header(REQUEST_HEADER_NAMES[id]);
            self.known.borrow_mut()[id] = Some(found);
            found
        });
        len.set(n);
        ptr
    }

    /// The first header called `name`, copied into the arena (NULL and 0 when there is none).
    fn copy_header(&self, name: &str) -> (PCSTR, USHORT) {
        let request = self.state.request.borrow();
        match request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some((_, value)) => {
                (self.state.arena.alloc_cstr(value.as_bytes()), value.len().min(usize::from(u16::MAX)) as USHORT)
            }
            None => (std::ptr::null(), 0),
        }
    }

    fn raw(&self) -> *mut HTTP_REQUEST {
        let mut raw = self.raw.borrow_mut();
        let raw = raw.get_or_insert_with(|| RawRequest::build(&self.state));
        raw.as_ptr()
    }
}

impl HttpRequest for Request {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getrawhttprequest-method
    /// Partial: changes a module writes into the structure are not read back into the request.
    fn get_raw_http_request(&self) -> *mut HTTP_REQUEST {
        self.raw()
    }

    /// Partial: as the non-const overload.
    fn get_raw_http_request_const(&self) -> *const HTTP_REQUEST {
        self.raw()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getheader-method
    fn get_header_by_name(&self, name: CStrArg<'_>, len: Out<'_, USHORT>) -> PCSTR {
        if name.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpRequest::GetHeader(PCSTR, USHORT*)",
                "pszHeaderName is NULL",
            );
        }
        match name.to_str() {
            Some(name) => self.header(&name, len),
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }

    fn get_header_by_id(&self, id: HTTP_HEADER_ID, len: Out<'_, USHORT>) -> PCSTR {
        match usize::try_from(id).ok().filter(|&i| i < REQUEST_HEADER_NAMES.len()) {
            Some(id) => self.known_header(id, len),
            None => {
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    "IHttpRequest::GetHeader(HTTP_HEADER_ID, USHORT*)",
                    format!("{id} is not a request header id (0..{})", REQUEST_HEADER_NAMES.len()),
                );
                len.set(0);
                std::ptr::null()
            }
        }
    }

    fn get_http_method(&self) -> PCSTR {
        self.state.arena.alloc_cstr(self.state.request.borrow().method.as_bytes())
    }

    fn get_local_address(&self) -> PSOCKADDR {
        self.state.local.as_ptr().cast_mut().cast()
    }

    fn get_remote_address(&self) -> PSOCKADDR {
        self.state.remote.as_ptr().cast_mut().cast()
    }

    /// Synchronous reads only; the end of the body is `HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-readentitybody-method
    /// Partial: synchronous reads only; fAsync gets E_NOTIMPL and a diagnostic.
    fn read_entity_body(
        &self,
        buffer: Ptr<'_, c_void>,
        cb_buffer: DWORD,
        f_async: BOOL,
        received: Out<'_, DWORD>,
        pending: Out<'_, BOOL>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpRequest::ReadEntityBody(VOID*, DWORD, BOOL, DWORD*, BOOL*)";
        if f_async != FALSE {
            scope::diagnose(
                DiagnosticKind::Unimplemented,
                METHOD,
                "asynchronous reads are not implemented; read synchronously",
            );
            return E_NOTIMPL;
        }
        let Some(buffer) = buffer.bytes_mut(cb_buffer as usize) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pvBuffer is NULL");
            return E_INVALIDARG;
        };
        pending.set(FALSE);
        let mut request = self.state.request.borrow_mut();
        let rest = &request.body[request.body_read..];
        if rest.is_empty() {
            received.set(0);
            return from_win32(ERROR_HANDLE_EOF);
        }
        let n = rest.len().min(buffer.len());
        buffer[..n].copy_from_slice(&rest[..n]);
        request.body_read += n;
        received.set(n as DWORD);
        S_OK
    }

    fn get_remaining_entity_bytes(&self) -> DWORD {
        let request = self.state.request.borrow();
        (request.body.len() - request.body_read) as DWORD
    }

    fn get_http_version(&self, major: Out<'_, USHORT>, minor: Out<'_, USHORT>) {
        let (ma, mi) = self.state.request.borrow().version;
        major.set(ma);
        minor.set(mi);
    }

    fn get_site_id(&self) -> DWORD {
        self.state.site.id
    }
}

impl HttpRequest2 for Request {}
impl HttpRequest3 for Request {}
impl HttpRequest4 for Request {}
