//! `IHttpRequest` … `IHttpRequest4`: the request as modules read and change it.
//!
//! Real: GetRawHttpRequest (both overloads, rewritten after every change), GetHeader,
//! SetHeader and DeleteHeader (by name and by id), GetHttpMethod, SetHttpMethod, SetUrl (both
//! overloads), GetUrlChanged, GetForwardedUrl, GetRemoteAddress, GetLocalAddress,
//! ReadEntityBody (synchronous and asynchronous; all three interfaces' overloads), InsertEntityBody,
//! GetRemainingEntityBytes, GetHttpVersion, GetClientCertificate (no TLS: no certificate),
//! GetSiteId, GetHeaderChanges,
//! IHttpRequest2::GetChannelBindingToken (no TLS: no token). Diagnosed:
//! NegotiateClientCertificate.

use super::generated::thunks::{HttpRequest, HttpRequest2, HttpRequest3, HttpRequest4};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, Ptr, WStrArg};
use crate::objects::async_io::{self, Mode};
use crate::objects::response::{header_changes, set_in, HeaderChangeOuts};
use crate::raw_request::RawRequest;
use crate::scope;
use crate::state::RequestState;
use core::ffi::c_void;
use iissim_abi::http::{
    HttpHeaderRequestMaximum, HTTP_HEADER_ID, HTTP_REQUEST, HTTP_SSL_CLIENT_CERT_INFO, REQUEST_HEADER_NAMES,
};
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
    fn header(&self, name: &[u8], len: Out<'_, USHORT>) -> PCSTR {
        if let Some(id) = known_id(name) {
            return self.known_header(id, len);
        }
        let (ptr, n) = self.copy_header(&String::from_utf8_lossy(name));
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

    /// After a change to the request: forget handed-out header copies (the old ones stay valid
    /// in the arena), and rewrite the raw structure a module may hold.
    fn changed(&self, headers: bool) {
        if headers {
            *self.known.borrow_mut() = [None; HttpHeaderRequestMaximum as usize];
            self.state.request.borrow_mut().header_changes += 1;
        }
        if let Some(raw) = self.raw.borrow_mut().as_mut() {
            raw.refresh(&self.state);
        }
    }

    fn set_header(&self, method: &str, name: &str, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        let Some(bytes) = (if cch > 0 { value.bytes(usize::from(cch)) } else { value.to_bytes() }) else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pszHeaderValue is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let value = String::from_utf8_lossy(bytes).into_owned();
        set_in(&mut self.state.request.borrow_mut().headers, name, value, replace != FALSE);
        self.changed(true);
        S_OK
    }

    fn delete_header(&self, name: &str) -> HRESULT {
        self.state.request.borrow_mut().headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.changed(true);
        S_OK
    }

    fn header_id(method: &str, id: HTTP_HEADER_ID) -> Option<&'static str> {
        let name = usize::try_from(id).ok().and_then(|i| REQUEST_HEADER_NAMES.get(i).copied());
        if name.is_none() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                method,
                format!("{id} is not a request header id (0..{})", REQUEST_HEADER_NAMES.len()),
            );
        }
        name
    }

    /// `SetUrl`: a path (with an optional query string) or an absolute URL. An absolute URL to
    /// another host is what `GetForwardedUrl` returns.
    fn set_url_text(&self, method: &str, url: Option<String>, reset_query: BOOL) -> HRESULT {
        let Some(url) = url.filter(|u| !u.is_empty()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pszUrl is NULL or empty");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let host_of = |h: &str| h.rsplit_once(':').map_or(h, |(host, _)| host).to_ascii_lowercase();
        let (forwarded, local) = match url.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
                let (authority, path) = rest.find(['/', '?']).map_or((rest, "/"), |at| rest.split_at(at));
                let here = self.state.request_header("Host").unwrap_or_else(|| self.state.site.server_name.clone());
                let is_local = host_of(authority) == host_of(&here)
                    || host_of(authority) == self.state.site.server_name.to_ascii_lowercase();
                let path = if path.starts_with('?') { format!("/{path}") } else { path.to_string() };
                (if is_local { None } else { Some(url.clone()) }, path)
            }
            _ if url.starts_with('/') => (None, url.clone()),
            _ => {
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    method,
                    format!("`{url}` is neither an absolute path nor an http(s) URL"),
                );
                return from_win32(ERROR_INVALID_PARAMETER);
            }
        };
        {
            let mut request = self.state.request.borrow_mut();
            match local.split_once('?') {
                Some((path, query)) => {
                    request.path = path.to_string();
                    request.query = query.to_string();
                }
                None => {
                    request.path = local;
                    if reset_query != FALSE {
                        request.query.clear();
                    }
                }
            }
            request.url_changed = true;
            request.forwarded_url = forwarded;
        }
        self.changed(false);
        S_OK
    }

    /// A read of the entity body, shared by every `ReadEntityBody` overload. Asynchronous reads
    /// fill the buffer at once and report the count through the completion (`async_io`); at
    /// the end of the body every read fails at once with HRESULT_FROM_WIN32(ERROR_HANDLE_EOF).
    fn read_body(
        &self,
        method: &'static str,
        buffer: Ptr<'_, c_void>,
        cb_buffer: DWORD,
        mode: Mode,
        received: Out<'_, DWORD>,
        pending: Out<'_, BOOL>,
    ) -> HRESULT {
        let Some(buffer) = buffer.bytes_mut(cb_buffer as usize) else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pvBuffer is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        if let Some(hr) = async_io::refuse(&self.state, mode, method) {
            return hr;
        }
        let mut request = self.state.request.borrow_mut();
        let rest = &request.body[request.body_read..];
        if rest.is_empty() {
            received.set(0);
            pending.set(FALSE);
            return from_win32(ERROR_HANDLE_EOF);
        }
        let n = rest.len().min(buffer.len());
        buffer[..n].copy_from_slice(&rest[..n]);
        request.body_read += n;
        drop(request);
        // RQ_READ_ENTITY modules see (and may replace) what was read.
        let n = super::read_entity_provider::filter(&self.state, buffer, n);
        async_io::finish(&self.state, mode, method, n as DWORD, received, pending)
    }

    fn raw(&self) -> *mut HTTP_REQUEST {
        let mut raw = self.raw.borrow_mut();
        let raw = raw.get_or_insert_with(|| RawRequest::build(&self.state));
        raw.as_ptr()
    }
}

/// The id of a known request header, by name (case-insensitive). Names are grouped by length
/// once per process, so a lookup compares against the two or three names of that length only.
fn known_id(name: &[u8]) -> Option<usize> {
    static BY_LENGTH: std::sync::OnceLock<Vec<Vec<usize>>> = std::sync::OnceLock::new();
    let by_length = BY_LENGTH.get_or_init(|| {
        let mut table = vec![Vec::new(); REQUEST_HEADER_NAMES.iter().map(|n| n.len()).max().unwrap_or(0) + 1];
        for (id, name) in REQUEST_HEADER_NAMES.iter().enumerate() {
            table[name.len()].push(id);
        }
        table
    });
    by_length
        .get(name.len())?
        .iter()
        .copied()
        .find(|&id| REQUEST_HEADER_NAMES[id].as_bytes().eq_ignore_ascii_case(name))
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
        match name.to_bytes() {
            Some(name) => self.header(name, len),
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

    /// Up to cbBuffer bytes at a time; once the body is all read,
    /// HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) with 0 bytes. With `fAsync` the count reaches
    /// OnAsyncCompletion after the module returns RQ_NOTIFICATION_PENDING.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-readentitybody-method
    fn read_entity_body(
        &self,
        buffer: Ptr<'_, c_void>,
        cb_buffer: DWORD,
        f_async: BOOL,
        received: Out<'_, DWORD>,
        pending: Out<'_, BOOL>,
    ) -> HRESULT {
        self.read_body(
            "IHttpRequest::ReadEntityBody(VOID*, DWORD, BOOL, DWORD*, BOOL*)",
            buffer,
            cb_buffer,
            Mode::of(f_async),
            received,
            pending,
        )
    }

    /// Replaces the entity body still to be read: later `ReadEntityBody` calls (and handlers)
    /// read these bytes, then whatever of the client's body was not read yet. The bytes are copied.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-insertentitybody-method
    fn insert_entity_body(&self, buffer: Ptr<'_, c_void>, cb_buffer: DWORD) -> HRESULT {
        let Some(bytes) = buffer.bytes(cb_buffer as usize) else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpRequest::InsertEntityBody(VOID*, DWORD)",
                "pvBuffer is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let mut request = self.state.request.borrow_mut();
        let mut body = bytes.to_vec();
        body.extend_from_slice(&request.body[request.body_read..]);
        request.body = body;
        request.body_read = 0;
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

    /// No TLS, so no client certificate: NULL, not negotiated, HRESULT_FROM_WIN32(ERROR_NOT_FOUND).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getclientcertificate-method
    fn get_client_certificate(
        &self,
        info: Out<'_, *mut HTTP_SSL_CLIENT_CERT_INFO>,
        negotiated: Out<'_, BOOL>,
    ) -> HRESULT {
        if info.is_null() || negotiated.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpRequest::GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO**, BOOL*)",
                "ppClientCertInfo or pfClientCertNegotiated is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        info.set(std::ptr::null_mut());
        negotiated.set(FALSE);
        from_win32(ERROR_NOT_FOUND)
    }

    /// E_FAIL, nothing pending: the connection has no TLS, so there is no client certificate
    /// to negotiate (recorded as a note).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-negotiateclientcertificate-method
    fn negotiate_client_certificate(&self, _is_async: BOOL, pending: Out<'_, BOOL>) -> HRESULT {
        pending.set(FALSE);
        scope::diagnose(
            DiagnosticKind::Note,
            "IHttpRequest::NegotiateClientCertificate(BOOL, BOOL*)",
            "the connection has no TLS: there is no client certificate to negotiate",
        );
        E_FAIL
    }

    fn get_site_id(&self) -> DWORD {
        self.state.site.id
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-setheader-method
    fn set_header_by_name(&self, name: CStrArg<'_>, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpRequest::SetHeader(PCSTR, PCSTR, USHORT, BOOL)";
        super::header_name_arg(METHOD, name, false)
            .map_or_else(|hr| hr, |n| self.set_header(METHOD, &n, value, cch, replace))
    }

    fn set_header_by_id(&self, id: HTTP_HEADER_ID, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpRequest::SetHeader(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)";
        match Self::header_id(METHOD, id) {
            Some(name) => self.set_header(METHOD, name, value, cch, replace),
            None => from_win32(ERROR_INVALID_PARAMETER),
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-deleteheader-method
    fn delete_header_by_name(&self, name: CStrArg<'_>) -> HRESULT {
        super::header_name_arg("IHttpRequest::DeleteHeader(PCSTR)", name, true)
            .map_or_else(|hr| hr, |n| self.delete_header(&n))
    }

    fn delete_header_by_id(&self, id: HTTP_HEADER_ID) -> HRESULT {
        match Self::header_id("IHttpRequest::DeleteHeader(HTTP_HEADER_ID)", id) {
            Some(name) => self.delete_header(name),
            None => from_win32(ERROR_INVALID_PARAMETER),
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-sethttpmethod-method
    fn set_http_method(&self, method: CStrArg<'_>) -> HRESULT {
        let Some(method) = method.to_str().filter(|m| !m.is_empty()) else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpRequest::SetHttpMethod(PCSTR)",
                "pszHttpMethod is NULL or empty",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        self.state.request.borrow_mut().method = method.into_owned();
        self.changed(false);
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-seturl-method
    fn set_url_wide(&self, url: WStrArg<'_>, cch: DWORD, reset_query: BOOL) -> HRESULT {
        let units = if cch > 0 { url.units_n(cch as usize) } else { url.units() };
        self.set_url_text("IHttpRequest::SetUrl(PCWSTR, DWORD, BOOL)", units.map(crate::wide::from_wide), reset_query)
    }

    fn set_url(&self, url: CStrArg<'_>, cch: DWORD, reset_query: BOOL) -> HRESULT {
        let bytes = if cch > 0 { url.bytes(cch as usize) } else { url.to_bytes() };
        let text = bytes.map(|b| String::from_utf8_lossy(b).into_owned());
        self.set_url_text("IHttpRequest::SetUrl(PCSTR, DWORD, BOOL)", text, reset_query)
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-geturlchanged-method
    fn get_url_changed(&self) -> BOOL {
        if self.state.request.borrow().url_changed {
            TRUE
        } else {
            FALSE
        }
    }

    /// The URL `SetUrl` set when it names another host; NULL when it is local (or never set).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getforwardedurl-method
    fn get_forwarded_url(&self) -> PCWSTR {
        match &self.state.request.borrow().forwarded_url {
            Some(url) => self.state.arena.alloc_wstr(url).0,
            None => std::ptr::null(),
        }
    }

    /// The change number counts header changes; the unknown-header outputs are filled.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest-getheaderchanges-method
    fn get_header_changes(
        &self,
        old: DWORD,
        new: Out<'_, DWORD>,
        known_snapshot: *mut PCSTR,
        unknown_count: Out<'_, DWORD>,
        unknown_names: Out<'_, *mut PCSTR>,
        unknown_values: Out<'_, *mut PCSTR>,
        diffed_known: *mut DWORD,
        diffed_unknown_count: Out<'_, DWORD>,
        diffed_unknown: Out<'_, *mut DWORD>,
    ) -> HRESULT {
        let (headers, changes) = {
            let request = self.state.request.borrow();
            (request.headers.clone(), request.header_changes)
        };
        header_changes(
            &self.state,
            &REQUEST_HEADER_NAMES,
            &headers,
            changes,
            old,
            HeaderChangeOuts {
                new,
                known: crate::ffi::args::KnownHeaderArrays::from_call(
                    known_snapshot,
                    diffed_known,
                    REQUEST_HEADER_NAMES.len(),
                ),
                unknown_count,
                unknown_names,
                unknown_values,
                diffed_unknown_count,
                diffed_unknown,
            },
        )
    }
}

impl HttpRequest2 for Request {
    /// Off TLS there is no channel binding token: NULL, 0 and HRESULT_FROM_WIN32(ERROR_NOT_FOUND).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest2-getchannelbindingtoken-method
    fn get_channel_binding_token(&self, token: Out<'_, PBYTE>, size: Out<'_, DWORD>) -> HRESULT {
        token.set(std::ptr::null_mut());
        size.set(0);
        from_win32(ERROR_NOT_FOUND)
    }
}

impl HttpRequest3 for Request {
    /// As `IHttpRequest::ReadEntityBody`; an asynchronous read completes through the callback
    /// (OnAsyncCompletion when it is NULL); a synchronous one never calls it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest3-readentitybody-method
    fn read_entity_body_with_callback(
        &self,
        buffer: Ptr<'_, c_void>,
        cb_buffer: DWORD,
        f_async: BOOL,
        callback: PFN_ASYNC_COMPLETION,
        context: Ptr<'_, c_void>,
        received: Out<'_, DWORD>,
        pending: Out<'_, BOOL>,
    ) -> HRESULT {
        self.read_body(
            "IHttpRequest3::ReadEntityBody(VOID*, DWORD, BOOL, PFN_ASYNC_COMPLETION, VOID*, DWORD*, BOOL*)",
            buffer,
            cb_buffer,
            Mode::with_callback(f_async, callback, context),
            received,
            pending,
        )
    }
}

impl HttpRequest4 for Request {
    /// As `IHttpRequest::ReadEntityBody`; no flag changes how a read completes.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttprequest4-readentitybody-method
    fn read_entity_body_with_flags(
        &self,
        buffer: Ptr<'_, c_void>,
        cb_buffer: DWORD,
        f_async: BOOL,
        _flags: ULONG,
        received: Out<'_, DWORD>,
        pending: Out<'_, BOOL>,
    ) -> HRESULT {
        self.read_body(
            "IHttpRequest4::ReadEntityBody(VOID*, DWORD, BOOL, ULONG, DWORD*, BOOL*)",
            buffer,
            cb_buffer,
            Mode::of(f_async),
            received,
            pending,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::known_id;

    /// Ids as http.sys numbers request headers (HTTP_HEADER_ID: Host 28, User-Agent 40).
    #[test]
    fn known_headers_are_found_by_name_in_any_case() {
        assert_eq!(known_id(b"user-agent"), Some(40));
        assert_eq!(known_id(b"HOST"), Some(28));
        assert_eq!(known_id(b"Cache-Control"), Some(0));
        assert_eq!(known_id(b"X-Custom"), None);
        assert_eq!(known_id(b""), None);
    }
}
