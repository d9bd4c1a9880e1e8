//! `IHttpResponse` … `IHttpResponse4`: the response a module builds.
//!
//! Real: Clear, ClearHeaders, SetStatus, GetStatus, SetHeader and GetHeader and DeleteHeader
//! (by name and by id), WriteEntityChunks (memory chunks), Redirect, SuppressHeaders,
//! GetHeadersSuppressed, DisableKernelCache, GetKernelCacheEnabled. Every other method is
//! diagnosed. The response is buffered until the request ends.

use super::generated::thunks::{HttpResponse, HttpResponse2, HttpResponse3, HttpResponse4};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, Ptr};
use crate::ffi::memory::Chunk;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::http::{HTTP_DATA_CHUNK, HTTP_HEADER_ID, RESPONSE_HEADER_NAMES};
use iissim_abi::types::*;
use iissim_abi::*;
use std::rc::Rc;

pub struct Response {
    state: Rc<RequestState>,
}

impl Response {
    pub fn new(state: Rc<RequestState>) -> Self {
        Response { state }
    }

    fn header_name(method: &str, id: HTTP_HEADER_ID) -> Option<&'static str> {
        let name = usize::try_from(id).ok().and_then(|i| RESPONSE_HEADER_NAMES.get(i).copied());
        if name.is_none() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                method,
                format!("{id} is not a response header id (0..{})", RESPONSE_HEADER_NAMES.len()),
            );
        }
        name
    }

    /// `SetHeader`: with `replace`, the header gets exactly this value; without, the value is
    /// appended to an existing header's, comma-separated (RFC 9110 list syntax).
    fn set_header(&self, method: &str, name: &str, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        let Some(bytes) = (if cch > 0 { value.bytes(usize::from(cch)) } else { value.to_bytes() }) else {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pszHeaderValue is NULL");
            return E_INVALIDARG;
        };
        let value = String::from_utf8_lossy(bytes).into_owned();
        let mut response = self.state.response.borrow_mut();
        let headers = &mut response.headers;
        match headers.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(at) if replace != FALSE => {
                headers[at].1 = value;
                let mut i = at + 1;
                while i < headers.len() {
                    if headers[i].0.eq_ignore_ascii_case(name) {
                        headers.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
            Some(at) => {
                let existing = &mut headers[at].1;
                existing.push_str(", ");
                existing.push_str(&value);
            }
            None => headers.push((name.to_string(), value)),
        }
        S_OK
    }

    fn delete_header(&self, name: &str) -> HRESULT {
        self.state.response.borrow_mut().headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        S_OK
    }

    fn header(&self, name: &str, len: Out<'_, USHORT>) -> PCSTR {
        let response = self.state.response.borrow();
        match response.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some((_, value)) => {
                len.set(value.len().min(usize::from(u16::MAX)) as USHORT);
                self.state.arena.alloc_cstr(value.as_bytes())
            }
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }
}

impl HttpResponse for Response {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setstatus-method
    fn set_status(
        &self,
        status: USHORT,
        reason: CStrArg<'_>,
        substatus: USHORT,
        error: HRESULT,
        _exception: Ptr<'_, IAppHostConfigException>,
        try_skip_custom_errors: BOOL,
    ) -> HRESULT {
        let reason = reason.to_str().map(|r| r.into_owned()).unwrap_or_default();
        if status >= 400 {
            let (module, notification) = scope::current();
            scope::record(crate::trace::TraceEvent::SetResponseErrorStatus {
                module,
                notification,
                status,
                substatus,
                reason: reason.clone(),
                error,
            });
        }
        let mut response = self.state.response.borrow_mut();
        response.status = status;
        response.substatus = substatus;
        response.reason = reason;
        response.error = error;
        response.try_skip_custom_errors = try_skip_custom_errors != FALSE;
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getstatus-method
    /// Partial: ppszModule is an empty string and pdwNotification 0: iissim does not yet record who set the status.
    fn get_status(
        &self,
        status: Out<'_, USHORT>,
        substatus: Out<'_, USHORT>,
        reason: Out<'_, PCSTR>,
        reason_len: Out<'_, USHORT>,
        error: Out<'_, HRESULT>,
        module: Out<'_, PCWSTR>,
        notification: Out<'_, DWORD>,
        exception: Out<'_, *mut IAppHostConfigException>,
        try_skip_custom_errors: Out<'_, BOOL>,
    ) {
        let response = self.state.response.borrow();
        status.set(response.status);
        substatus.set(response.substatus);
        if !reason.is_null() {
            reason.set(self.state.arena.alloc_cstr(response.reason.as_bytes()));
        }
        reason_len.set(response.reason.len() as USHORT);
        error.set(response.error);
        if !module.is_null() {
            module.set(self.state.arena.alloc_wstr("").0);
        }
        notification.set(0);
        exception.set(std::ptr::null_mut());
        try_skip_custom_errors.set(if response.try_skip_custom_errors { TRUE } else { FALSE });
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setheader-method
    fn set_header_by_name(&self, name: CStrArg<'_>, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse::SetHeader(PCSTR, PCSTR, USHORT, BOOL)";
        match name.to_str() {
            Some(n) if !n.is_empty() => self.set_header(METHOD, &n, value, cch, replace),
            _ => {
                scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszHeaderName is NULL or empty");
                E_INVALIDARG
            }
        }
    }

    fn set_header_by_id(&self, id: HTTP_HEADER_ID, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse::SetHeader(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)";
        match Self::header_name(METHOD, id) {
            Some(name) => self.set_header(METHOD, name, value, cch, replace),
            None => from_win32(ERROR_INVALID_PARAMETER),
        }
    }

    fn delete_header_by_name(&self, name: CStrArg<'_>) -> HRESULT {
        match name.to_str() {
            Some(n) => self.delete_header(&n),
            None => {
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    "IHttpResponse::DeleteHeader(PCSTR)",
                    "pszHeaderName is NULL",
                );
                E_INVALIDARG
            }
        }
    }

    fn delete_header_by_id(&self, id: HTTP_HEADER_ID) -> HRESULT {
        match Self::header_name("IHttpResponse::DeleteHeader(HTTP_HEADER_ID)", id) {
            Some(name) => self.delete_header(name),
            None => from_win32(ERROR_INVALID_PARAMETER),
        }
    }

    fn get_header_by_name(&self, name: CStrArg<'_>, len: Out<'_, USHORT>) -> PCSTR {
        match name.to_str() {
            Some(n) => self.header(&n, len),
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }

    fn get_header_by_id(&self, id: HTTP_HEADER_ID, len: Out<'_, USHORT>) -> PCSTR {
        match Self::header_name("IHttpResponse::GetHeader(HTTP_HEADER_ID, USHORT*)", id) {
            Some(name) => self.header(name, len),
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }

    /// Clears the entity body buffered so far.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-clear-method
    fn clear(&self) {
        self.state.response.borrow_mut().body.clear();
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-clearheaders-method
    fn clear_headers(&self) {
        self.state.response.borrow_mut().headers.clear();
    }

    /// There is no kernel cache off IIS, so disabling it always holds.
    fn disable_kernel_cache(&self, _reason: ULONG) {}

    fn get_kernel_cache_enabled(&self) -> BOOL {
        FALSE
    }

    fn suppress_headers(&self) {
        self.state.response.borrow_mut().headers_suppressed = true;
    }

    fn get_headers_suppressed(&self) -> BOOL {
        if self.state.response.borrow().headers_suppressed {
            TRUE
        } else {
            FALSE
        }
    }

    /// Sends a 302 to `url`; `fIncludeParameters` appends the request's query string.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-redirect-method
    fn redirect(&self, url: CStrArg<'_>, reset_status: BOOL, include_parameters: BOOL) -> HRESULT {
        let Some(url) = url.to_str() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpResponse::Redirect(PCSTR, BOOL, BOOL)",
                "pszUrl is NULL",
            );
            return E_INVALIDARG;
        };
        let mut location = url.into_owned();
        let query = self.state.request.borrow().query.clone();
        if include_parameters != FALSE && !query.is_empty() {
            location.push(if location.contains('?') { '&' } else { '?' });
            location.push_str(&query);
        }
        let mut response = self.state.response.borrow_mut();
        if reset_status != FALSE {
            response.status = 302;
            response.substatus = 0;
            response.reason = "Redirect".into();
        }
        response.body.clear();
        response.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Location"));
        response.headers.push(("Location".into(), location));
        S_OK
    }

    /// Buffers memory chunks; completes synchronously even when asked for async.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-writeentitychunks-method
    /// Partial: HttpDataChunkFromMemory chunks only; other chunk types get E_NOTIMPL and a diagnostic; asynchronous writes complete synchronously.
    fn write_entity_chunks(
        &self,
        chunks: Ptr<'_, HTTP_DATA_CHUNK>,
        count: DWORD,
        _f_async: BOOL,
        _more_data: BOOL,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        const METHOD: &str = "IHttpResponse::WriteEntityChunks(HTTP_DATA_CHUNK*, DWORD, BOOL, BOOL, DWORD*, BOOL*)";
        if chunks.is_null() && count > 0 {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pDataChunks is NULL");
            return E_INVALIDARG;
        }
        let chunks = chunks.chunks(count as usize);
        // All or nothing: an unreadable chunk leaves the response as it was.
        if let Some(kind) = chunks.iter().find_map(|c| match c {
            Chunk::Other(kind) => Some(*kind),
            Chunk::Memory(_) => None,
        }) {
            scope::diagnose(
                DiagnosticKind::Unimplemented,
                METHOD,
                format!("data chunk type {kind} is not implemented; only HttpDataChunkFromMemory"),
            );
            return E_NOTIMPL;
        }
        let mut written = 0usize;
        let mut response = self.state.response.borrow_mut();
        for chunk in chunks {
            if let Chunk::Memory(bytes) = chunk {
                response.body.extend_from_slice(bytes);
                written += bytes.len();
            }
        }
        sent.set(written as DWORD);
        completion_expected.set(FALSE);
        S_OK
    }
}

impl HttpResponse2 for Response {}
impl HttpResponse3 for Response {}
impl HttpResponse4 for Response {}
