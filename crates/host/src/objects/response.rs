//! `IHttpResponse` … `IHttpResponse4`: the response a module builds.
//!
//! Real: GetRawHttpResponse (both overloads, read back when a module edits it), SetStatus,
//! GetStatus, SetHeader, GetHeader and DeleteHeader (by name and by id), Clear, ClearHeaders,
//! SetNeedDisconnect, ResetConnection, CloseConnection, DisableKernelCache,
//! GetKernelCacheEnabled, SuppressHeaders, GetHeadersSuppressed, Flush, Redirect,
//! WriteEntityChunkByReference and WriteEntityChunks (memory, file-handle and fragment-cache
//! chunks, with byte ranges), DisableBuffering,
//! SetErrorDescription, GetErrorDescription, GetHeaderChanges,
//! IHttpResponse2's WriteEntityChunks and Flush, IHttpResponse3::PushPromise (HTTP/1.x: not
//! supported), IHttpResponse4's trailers, ResetStream and SetNeedGoAway (recorded).
//! GetCachePolicy (one policy per response, made on first use).
//!
//! The response is buffered until the request ends or a module calls `Flush`; after that the
//! status and headers are sent and can no longer change.

use super::cache_policy::CachePolicy;
use super::generated::thunks::{http_cache_policy2_vtable, HttpResponse, HttpResponse2, HttpResponse3, HttpResponse4};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::{CStrArg, Out, Ptr, WStrArg};
use crate::ffi::file_handles::{self, FileChunkError};
use crate::ffi::memory::Chunk;
use crate::objects::async_io::{self, Mode};
use crate::raw_response::RawResponse;
use crate::scope;
use crate::state::{RequestState, ResponseData};
use crate::trace::TraceEvent;
use core::ffi::c_void;
use iissim_abi::http::{HTTP_DATA_CHUNK, HTTP_HEADER_ID, HTTP_RESPONSE, RESPONSE_HEADER_NAMES};
use iissim_abi::types::*;
use iissim_abi::*;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

/// `ERROR_ARITHMETIC_OVERFLOW`: more chunks than an `HTTP_RESPONSE` can count.
const ERROR_ARITHMETIC_OVERFLOW: u32 = 534;
/// The most entity chunks a response holds (`EntityChunkCount` is a USHORT).
const MAX_CHUNKS: usize = 65_535;

pub struct Response {
    state: Rc<RequestState>,
    cache_policy: OnceCell<ComObj<CachePolicy>>,
}

/// Why a data chunk could not be turned into bytes: the HRESULT the write returns, the
/// diagnostic's kind and text.
pub(crate) type ChunkError = (HRESULT, DiagnosticKind, String);

/// The bytes each chunk stands for: memory as it is, a file handle's range read from the file,
/// a fragment's range from the worker's fragment cache. Bytes are taken at write time (IIS
/// reads file and fragment chunks when it sends them; a module that changes the file in
/// between sees the difference).
pub(crate) fn chunk_bytes<'a>(
    chunks: &'a [Chunk<'a>],
    fragments: &crate::fragment_cache::FragmentCache,
) -> Result<Vec<Cow<'a, [u8]>>, ChunkError> {
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| match chunk {
            Chunk::Memory(bytes) => Ok(Cow::Borrowed(*bytes)),
            Chunk::FileHandle { handle, offset, length } => {
                file_handles::read_range(*handle, *offset, *length).map(Cow::Owned).map_err(|e| {
                    let code = match e {
                        FileChunkError::UnknownHandle => ERROR_INVALID_HANDLE,
                        FileChunkError::PastEnd { .. } => ERROR_HANDLE_EOF,
                        FileChunkError::Io(_) => ERROR_READ_FAULT,
                    };
                    (from_win32(code), DiagnosticKind::ContractViolation, format!("chunk {i}: {e}"))
                })
            }
            Chunk::Fragment { name, offset, length } => {
                let name = crate::wide::from_wide(name);
                let Some(bytes) = fragments.get(&name) else {
                    return Err((
                        from_win32(ERROR_PATH_NOT_FOUND),
                        DiagnosticKind::ContractViolation,
                        format!("chunk {i}: no fragment {name:?} in the fragment cache (IHttpServer::AddFragmentToCache)"),
                    ));
                };
                let size = bytes.len() as u64;
                if *offset > size {
                    return Err((
                        from_win32(ERROR_HANDLE_EOF),
                        DiagnosticKind::ContractViolation,
                        format!("chunk {i}: ByteRange.StartingOffset {offset} is past the end of fragment {name:?} ({size} bytes)"),
                    ));
                }
                let end = length.map_or(size, |l| offset.saturating_add(l).min(size));
                Ok(Cow::Owned(bytes[*offset as usize..end as usize].to_vec()))
            }
            Chunk::Other(kind) => Err((
                E_NOTIMPL,
                DiagnosticKind::Unimplemented,
                format!(
                    "chunk {i}: data chunk type {kind} is not supported (HttpDataChunkTrailers belong to \
                     IHttpResponse4::SetTrailer)"
                ),
            )),
        })
        .collect()
}

fn bool_of(flag: bool) -> BOOL {
    if flag {
        TRUE
    } else {
        FALSE
    }
}

impl Response {
    pub fn new(state: Rc<RequestState>) -> Self {
        Response { state, cache_policy: OnceCell::new() }
    }

    /// Reads the response, after taking in what a module changed through the raw structure.
    fn view<R>(&self, f: impl FnOnce(&ResponseData) -> R) -> R {
        self.state.settle_response();
        f(&self.state.response.borrow())
    }

    /// Changes the response, keeping the raw structure a module may hold in step.
    fn edit<R>(&self, f: impl FnOnce(&mut ResponseData) -> R) -> R {
        self.state.settle_response();
        let result = f(&mut self.state.response.borrow_mut());
        self.state.publish_response();
        result
    }

    /// True, with a diagnostic, when the status line and headers were already sent.
    fn refuse_after_headers_sent(&self, method: &str) -> bool {
        let sent = self.state.response_headers_sent();
        if sent {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                method,
                "the response headers were already sent (IHttpResponse::Flush); they can no longer change",
            );
        }
        sent
    }

    fn host_event(&self, what: String) {
        self.state.sink.record(TraceEvent::Host { what });
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
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        if self.refuse_after_headers_sent(method) {
            return from_win32(ERROR_INVALID_STATE);
        }
        let value = String::from_utf8_lossy(bytes).into_owned();
        self.edit(|response| {
            set_in(&mut response.headers, name, value, replace != FALSE);
            response.header_changes += 1;
        });
        S_OK
    }

    fn delete_header(&self, method: &str, name: &str) -> HRESULT {
        if self.refuse_after_headers_sent(method) {
            return from_win32(ERROR_INVALID_STATE);
        }
        self.edit(|response| {
            response.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            response.header_changes += 1;
        });
        S_OK
    }

    fn header(&self, name: &str, len: Out<'_, USHORT>) -> PCSTR {
        let value = self.view(|r| r.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone()));
        match value {
            Some(value) => {
                len.set(value.len().min(usize::from(u16::MAX)) as USHORT);
                self.state.arena.alloc_cstr(value.as_bytes())
            }
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }

    /// Buffers `chunks` after the body so far; with buffering disabled, sends them at once.
    fn write_chunks(
        &self,
        method: &'static str,
        chunks: Ptr<'_, HTTP_DATA_CHUNK>,
        count: DWORD,
        mode: Mode,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        if chunks.is_null() && count > 0 {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "pDataChunks is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        if let Some(hr) = async_io::refuse(&self.state, mode, method) {
            return hr;
        }
        let chunks = chunks.chunks(count as usize);
        // All or nothing: an unreadable chunk leaves the response as it was.
        let bytes = match chunk_bytes(&chunks, &self.state.fragments) {
            Ok(bytes) => bytes,
            Err((hr, kind, why)) => {
                scope::diagnose(kind, method, why);
                return hr;
            }
        };
        let result = self.edit(|response| {
            if response.chunks().len() + chunks.len() > MAX_CHUNKS {
                return Err(from_win32(ERROR_ARITHMETIC_OVERFLOW));
            }
            let mut written = 0usize;
            for bytes in &bytes {
                if !bytes.is_empty() {
                    response.chunk_starts.push(response.body.len());
                    response.body.extend_from_slice(bytes);
                    written += bytes.len();
                }
            }
            if response.buffering_disabled {
                response.headers_sent = true;
                response.flushed = response.body.len();
            }
            Ok(written)
        });
        match result {
            Ok(written) => async_io::finish(&self.state, mode, method, written as DWORD, sent, completion_expected),
            Err(hr) => hr,
        }
    }

    /// Sends the status, the headers and the body so far; later writes are buffered again.
    fn flush_now(
        &self,
        method: &'static str,
        mode: Mode,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        if let Some(hr) = async_io::refuse(&self.state, mode, method) {
            return hr;
        }
        let (bytes, total) = self.edit(|response| {
            let bytes = response.body.len() - response.flushed.min(response.body.len());
            response.headers_sent = true;
            response.flushed = response.body.len();
            (bytes, response.flushed)
        });
        self.host_event(format!("Flush: headers sent, {bytes} more body bytes ({total} in all)"));
        async_io::finish(&self.state, mode, method, bytes as DWORD, sent, completion_expected)
    }
}

/// Sets `name` to `value` in `headers`, replacing every value, or appending to the first.
pub(crate) fn set_in(headers: &mut Vec<(String, String)>, name: &str, value: String, replace: bool) {
    match headers.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)) {
        Some(at) if replace => {
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
}

/// The bit of a notification as `scope::current` names it (`RQ_BEGIN_REQUEST (post)` too).
fn notification_bit(name: &str) -> DWORD {
    crate::notifications::PIPELINE.iter().find(|n| n.name == name || n.post_name == name).map_or(0, |n| n.bit)
}

impl HttpResponse for Response {
    /// The response as an `HTTP_RESPONSE`, at one address for the request; what a module changes
    /// there (status, reason, headers, chunk bytes) is what the client receives.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getrawhttpresponse-method
    fn get_raw_http_response(&self) -> *mut HTTP_RESPONSE {
        self.state.settle_response();
        let mut raw = self.state.raw_response.borrow_mut();
        let response = self.state.response.borrow();
        match raw.as_mut() {
            Some(raw) => {
                raw.publish(&self.state.arena, &response);
                raw.as_ptr()
            }
            None => raw.insert(RawResponse::new(&self.state.arena, &response)).as_ptr(),
        }
    }

    /// As the non-const overload.
    fn get_raw_http_response_const(&self) -> *const HTTP_RESPONSE {
        self.get_raw_http_response()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setstatus-method
    /// After `Flush` the status line is sent: HRESULT_FROM_WIN32(ERROR_INVALID_STATE).
    fn set_status(
        &self,
        status: USHORT,
        reason: CStrArg<'_>,
        substatus: USHORT,
        error: HRESULT,
        _exception: Ptr<'_, IAppHostConfigException>,
        try_skip_custom_errors: BOOL,
    ) -> HRESULT {
        const METHOD: &str = "IHttpResponse::SetStatus(USHORT, PCSTR, USHORT, HRESULT, IAppHostConfigException*, BOOL)";
        if self.refuse_after_headers_sent(METHOD) {
            return from_win32(ERROR_INVALID_STATE);
        }
        let reason = reason.to_str().map(|r| r.into_owned()).unwrap_or_default();
        let (module, notification) = scope::current();
        if status >= 400 {
            scope::record(TraceEvent::SetResponseErrorStatus {
                module: module.clone(),
                notification,
                status,
                substatus,
                reason: reason.clone(),
                error,
            });
        }
        self.edit(|response| {
            response.status = status;
            response.substatus = substatus;
            response.reason = reason;
            response.error = error;
            response.try_skip_custom_errors = try_skip_custom_errors != FALSE;
            response.status_set_by = module.map(|m| (m, notification.unwrap_or("")));
        });
        S_OK
    }

    /// ppszModule and pdwNotification name the module and notification that last called SetStatus.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getstatus-method
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
        self.state.settle_response();
        let response = self.state.response.borrow();
        status.set(response.status);
        substatus.set(response.substatus);
        if !reason.is_null() {
            reason.set(self.state.arena.alloc_cstr(response.reason.as_bytes()));
        }
        reason_len.set(response.reason.len() as USHORT);
        error.set(response.error);
        let (by, bit) = match &response.status_set_by {
            Some((m, n)) => (m.as_str(), notification_bit(n)),
            None => ("", 0),
        };
        if !module.is_null() {
            module.set(self.state.arena.alloc_wstr(by).0);
        }
        notification.set(bit);
        exception.set(std::ptr::null_mut());
        try_skip_custom_errors.set(bool_of(response.try_skip_custom_errors));
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setheader-method
    /// After `Flush` the headers are sent: HRESULT_FROM_WIN32(ERROR_INVALID_STATE).
    fn set_header_by_name(&self, name: CStrArg<'_>, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse::SetHeader(PCSTR, PCSTR, USHORT, BOOL)";
        super::header_name_arg(METHOD, name, false)
            .map_or_else(|hr| hr, |n| self.set_header(METHOD, &n, value, cch, replace))
    }

    fn set_header_by_id(&self, id: HTTP_HEADER_ID, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse::SetHeader(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)";
        match Self::header_name(METHOD, id) {
            Some(name) => self.set_header(METHOD, name, value, cch, replace),
            None => from_win32(ERROR_INVALID_PARAMETER),
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-deleteheader-method
    fn delete_header_by_name(&self, name: CStrArg<'_>) -> HRESULT {
        const METHOD: &str = "IHttpResponse::DeleteHeader(PCSTR)";
        super::header_name_arg(METHOD, name, true).map_or_else(|hr| hr, |n| self.delete_header(METHOD, &n))
    }

    fn delete_header_by_id(&self, id: HTTP_HEADER_ID) -> HRESULT {
        const METHOD: &str = "IHttpResponse::DeleteHeader(HTTP_HEADER_ID)";
        match Self::header_name(METHOD, id) {
            Some(name) => self.delete_header(METHOD, name),
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

    /// Clears the entity body buffered since the last flush.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-clear-method
    fn clear(&self) {
        self.edit(|response| {
            let flushed = response.flushed.min(response.body.len());
            response.body.truncate(flushed);
            response.chunk_starts.retain(|&s| s < flushed);
        });
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-clearheaders-method
    fn clear_headers(&self) {
        if self.refuse_after_headers_sent("IHttpResponse::ClearHeaders()") {
            return;
        }
        self.edit(|response| {
            response.headers.clear();
            response.header_changes += 1;
        });
    }

    /// The response goes out with `Connection: close` and the connection closes after it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setneeddisconnect-method
    fn set_need_disconnect(&self) {
        self.state.response.borrow_mut().need_disconnect = true;
        self.host_event("SetNeedDisconnect: the connection closes after this response".into());
    }

    /// No response goes out: the front end drops the connection (the harness's response says
    /// `ConnectionEnd::Reset`).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-resetconnection-method
    fn reset_connection(&self) {
        self.state.response.borrow_mut().reset_connection = true;
        self.host_event("ResetConnection: the connection is reset".into());
    }

    /// There is no kernel cache off IIS, so disabling it always holds.
    fn disable_kernel_cache(&self, _reason: ULONG) {}

    fn get_kernel_cache_enabled(&self) -> BOOL {
        FALSE
    }

    /// The same policy object for the whole request.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getcachepolicy-method
    fn get_cache_policy(&self) -> *mut IHttpCachePolicy {
        self.cache_policy
            .get_or_init(|| ComObj::new(http_cache_policy2_vtable::<CachePolicy>(), CachePolicy::default()))
            .as_ptr()
    }

    fn suppress_headers(&self) {
        self.state.response.borrow_mut().headers_suppressed = true;
    }

    fn get_headers_suppressed(&self) -> BOOL {
        bool_of(self.state.response.borrow().headers_suppressed)
    }

    /// Sends the status, headers and body so far (the response records them as sent). With
    /// `fAsync`, `*pfCompletionExpected` is TRUE and the bytes sent reach OnAsyncCompletion.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-flush-method
    fn flush(
        &self,
        f_async: BOOL,
        _more_data: BOOL,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        self.flush_now("IHttpResponse::Flush(BOOL, BOOL, DWORD*, BOOL*)", Mode::of(f_async), sent, completion_expected)
    }

    /// Sends a 302 to `url`; `fIncludeParameters` appends the request's query string.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-redirect-method
    fn redirect(&self, url: CStrArg<'_>, reset_status: BOOL, include_parameters: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse::Redirect(PCSTR, BOOL, BOOL)";
        let Some(url) = url.to_str() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszUrl is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        if self.refuse_after_headers_sent(METHOD) {
            return from_win32(ERROR_INVALID_STATE);
        }
        let mut location = url.into_owned();
        let query = self.state.request.borrow().query.clone();
        if include_parameters != FALSE && !query.is_empty() {
            location.push(if location.contains('?') { '&' } else { '?' });
            location.push_str(&query);
        }
        let (module, notification) = scope::current();
        self.edit(|response| {
            if reset_status != FALSE {
                response.status = 302;
                response.substatus = 0;
                response.reason = "Redirect".into();
                response.status_set_by = module.map(|m| (m, notification.unwrap_or("")));
            }
            response.body.clear();
            response.chunk_starts.clear();
            set_in(&mut response.headers, "Location", location, true);
            response.header_changes += 1;
        });
        S_OK
    }

    /// Inserts one chunk: `lInsertPosition` -1 appends, 0 inserts before the existing chunks,
    /// n before chunk n. The bytes are copied when the call is made.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-writeentitychunkbyreference-method
    fn write_entity_chunk_by_reference(&self, chunk: Ptr<'_, HTTP_DATA_CHUNK>, position: LONG) -> HRESULT {
        const METHOD: &str = "IHttpResponse::WriteEntityChunkByReference(HTTP_DATA_CHUNK*, LONG)";
        if chunk.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pDataChunk is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        let chunks = chunk.chunks(1);
        let bytes: Vec<u8> = match chunk_bytes(&chunks, &self.state.fragments) {
            Ok(parts) => parts.concat(),
            Err((hr, kind, why)) => {
                scope::diagnose(kind, METHOD, why);
                return hr;
            }
        };
        self.edit(|response| {
            let existing: Vec<Vec<u8>> = response.chunks().into_iter().map(<[u8]>::to_vec).collect();
            if existing.len() >= MAX_CHUNKS {
                return from_win32(ERROR_ARITHMETIC_OVERFLOW);
            }
            let at = match position {
                -1 => existing.len(),
                n if n >= 0 && (n as usize) <= existing.len() => n as usize,
                n => {
                    scope::diagnose(
                        DiagnosticKind::ContractViolation,
                        METHOD,
                        format!("lInsertPosition {n} is neither -1 nor a chunk position (0..={})", existing.len()),
                    );
                    return from_win32(ERROR_INVALID_PARAMETER);
                }
            };
            let flushed_chunks = response.chunk_starts.iter().filter(|&&s| s < response.flushed).count();
            if response.flushed > 0 && at < flushed_chunks {
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    METHOD,
                    "cannot insert before entity chunks that were already flushed",
                );
                return from_win32(ERROR_INVALID_STATE);
            }
            let mut all = existing;
            all.insert(at, bytes);
            let flushed = response.flushed;
            response.set_chunks(all.iter().map(Vec::as_slice));
            response.flushed = flushed;
            S_OK
        })
    }

    /// Buffers the chunks (memory, file-handle and fragment-cache, with byte ranges). A
    /// synchronous write sets `*pcbSent`; with `fAsync`, `*pfCompletionExpected` is TRUE and the
    /// byte count reaches OnAsyncCompletion once the module returns RQ_NOTIFICATION_PENDING.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-writeentitychunks-method
    fn write_entity_chunks(
        &self,
        chunks: Ptr<'_, HTTP_DATA_CHUNK>,
        count: DWORD,
        f_async: BOOL,
        _more_data: BOOL,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        self.write_chunks(
            "IHttpResponse::WriteEntityChunks(HTTP_DATA_CHUNK*, DWORD, BOOL, BOOL, DWORD*, BOOL*)",
            chunks,
            count,
            Mode::of(f_async),
            sent,
            completion_expected,
        )
    }

    /// From now on every write is sent at once (the response records it as flushed).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-disablebuffering-method
    fn disable_buffering(&self) {
        self.state.response.borrow_mut().buffering_disabled = true;
    }

    /// The description shown on the detailed error page; HTML-encoded there when `fHtmlEncode`.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-seterrordescription-method
    fn set_error_description(&self, description: WStrArg<'_>, cch: DWORD, html_encode: BOOL) -> HRESULT {
        let units = if cch > 0 { description.units_n(cch as usize) } else { description.units() };
        let Some(units) = units else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpResponse::SetErrorDescription(PCWSTR, DWORD, BOOL)",
                "pszDescription is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let text = crate::wide::from_wide(units);
        self.state.response.borrow_mut().error_description = Some((text, html_encode != FALSE));
        S_OK
    }

    /// The description `SetErrorDescription` set, or an empty string.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-geterrordescription-method
    fn get_error_description(&self, cch: Out<'_, DWORD>) -> PCWSTR {
        let text = self.state.response.borrow().error_description.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
        let (wide, units) = self.state.arena.alloc_wstr(&text);
        cch.set(units as DWORD);
        wide
    }

    /// The change number counts header changes; the unknown-header outputs are filled.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getheaderchanges-method
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
        let headers = self.view(|r| r.headers.clone());
        let changes = self.state.response.borrow().header_changes;
        header_changes(
            &self.state,
            &RESPONSE_HEADER_NAMES,
            &headers,
            changes,
            old,
            HeaderChangeOuts {
                new,
                known: crate::ffi::args::KnownHeaderArrays::from_call(
                    known_snapshot,
                    diffed_known,
                    RESPONSE_HEADER_NAMES.len(),
                ),
                unknown_count,
                unknown_names,
                unknown_values,
                diffed_unknown_count,
                diffed_unknown,
            },
        )
    }

    /// Closes the connection with a reset, as the page says: no response goes out.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-closeconnection-method
    fn close_connection(&self) {
        self.state.response.borrow_mut().close_connection = true;
        self.host_event("CloseConnection: the connection closes".into());
    }
}

/// The outputs of `GetHeaderChanges` that safe code can write.
pub(crate) struct HeaderChangeOuts<'a> {
    pub new: Out<'a, DWORD>,
    pub known: Option<crate::ffi::args::KnownHeaderArrays<'a>>,
    pub unknown_count: Out<'a, DWORD>,
    pub unknown_names: Out<'a, *mut PCSTR>,
    pub unknown_values: Out<'a, *mut PCSTR>,
    pub diffed_unknown_count: Out<'a, DWORD>,
    pub diffed_unknown: Out<'a, *mut DWORD>,
}

/// `GetHeaderChanges` of the request or the response: the change number; the known headers
/// now in `knownHeaderSnapshot`, with the ids whose value differs from what the caller passed
/// there; the unknown headers now (every one reported as changed when the number moved). The
/// strings live in request memory.
pub(crate) fn header_changes(
    state: &RequestState,
    known_names: &[&str],
    headers: &[(String, String)],
    changes: u32,
    old: DWORD,
    mut outs: HeaderChangeOuts<'_>,
) -> HRESULT {
    outs.new.set(changes);
    if let Some(known) = &mut outs.known {
        let mut diffed = Vec::new();
        for (id, name) in known_names.iter().enumerate() {
            let values: Vec<&str> =
                headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect();
            let now = (!values.is_empty()).then(|| values.join(", "));
            if known.old(id) != now.as_deref().map(str::as_bytes) {
                diffed.push(id as DWORD);
            }
            known.set(id, now.map_or(std::ptr::null(), |v| state.arena.alloc_cstr(v.as_bytes())));
        }
        known.set_diffed(&diffed);
    }
    let unknown: Vec<&(String, String)> =
        headers.iter().filter(|(n, _)| !known_names.iter().any(|k| k.eq_ignore_ascii_case(n))).collect();
    let names: Vec<PCSTR> = unknown.iter().map(|(n, _)| state.arena.alloc_cstr(n.as_bytes())).collect();
    let values: Vec<PCSTR> = unknown.iter().map(|(_, v)| state.arena.alloc_cstr(v.as_bytes())).collect();
    outs.unknown_count.set(unknown.len() as DWORD);
    outs.unknown_names.set(state.arena.alloc_slice(&names));
    outs.unknown_values.set(state.arena.alloc_slice(&values));
    let mut diffed: Vec<DWORD> = if old == changes { vec![] } else { (0..unknown.len() as DWORD).collect() };
    outs.diffed_unknown_count.set(diffed.len() as DWORD);
    diffed.push(DWORD::MAX);
    outs.diffed_unknown.set(state.arena.alloc_slice(&diffed));
    S_OK
}

impl HttpResponse2 for Response {
    /// As `IHttpResponse::WriteEntityChunks`; an asynchronous write completes through the
    /// callback (OnAsyncCompletion when it is NULL); a synchronous one never calls it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse2-writeentitychunks-method
    fn write_entity_chunks_with_callback(
        &self,
        chunks: Ptr<'_, HTTP_DATA_CHUNK>,
        count: DWORD,
        f_async: BOOL,
        _more_data: BOOL,
        callback: PFN_ASYNC_COMPLETION,
        context: Ptr<'_, c_void>,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        self.write_chunks(
            "IHttpResponse2::WriteEntityChunks(HTTP_DATA_CHUNK*, DWORD, BOOL, BOOL, PFN_ASYNC_COMPLETION, VOID*, DWORD*, BOOL*)",
            chunks,
            count,
            Mode::with_callback(f_async, callback, context),
            sent,
            completion_expected,
        )
    }

    /// As `IHttpResponse::Flush`; an asynchronous flush completes through the callback
    /// (OnAsyncCompletion when it is NULL).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse2-flush-method
    fn flush_with_callback(
        &self,
        f_async: BOOL,
        _more_data: BOOL,
        callback: PFN_ASYNC_COMPLETION,
        context: Ptr<'_, c_void>,
        sent: Out<'_, DWORD>,
        completion_expected: Out<'_, BOOL>,
    ) -> HRESULT {
        self.flush_now(
            "IHttpResponse2::Flush(BOOL, BOOL, PFN_ASYNC_COMPLETION, VOID*, DWORD*, BOOL*)",
            Mode::with_callback(f_async, callback, context),
            sent,
            completion_expected,
        )
    }
}

impl HttpResponse3 for Response {
    /// Server push needs HTTP/2; on HTTP/1.x the call fails with
    /// HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) and nothing is pushed.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse3-pushpromise-method
    fn push_promise(
        &self,
        _verb: CStrArg<'_>,
        _path: WStrArg<'_>,
        _query: WStrArg<'_>,
        _count: DWORD,
        _names: Out<'_, PCSTR>,
        _values: Out<'_, PCSTR>,
    ) -> HRESULT {
        let (major, _) = self.state.request.borrow().version;
        if major >= 2 {
            scope::diagnose(
                DiagnosticKind::Unimplemented,
                "IHttpResponse3::PushPromise(PCSTR, PCWSTR, PCWSTR, DWORD, PCSTR*, PCSTR*)",
                "HTTP/2 server push is not implemented",
            );
            return E_NOTIMPL;
        }
        from_win32(ERROR_NOT_SUPPORTED)
    }
}

impl HttpResponse4 for Response {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse4-deletetrailer-method
    fn delete_trailer(&self, name: CStrArg<'_>) -> HRESULT {
        let Some(name) = name.to_str() else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpResponse4::DeleteTrailer(PCSTR)",
                "pszHeaderName is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        self.state.response.borrow_mut().trailers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse4-gettrailer-method
    fn get_trailer(&self, name: CStrArg<'_>, len: Out<'_, USHORT>) -> PCSTR {
        let value = name.to_str().and_then(|name| {
            let response = self.state.response.borrow();
            response.trailers.iter().find(|(n, _)| n.eq_ignore_ascii_case(&name)).map(|(_, v)| v.clone())
        });
        match value {
            Some(value) => {
                len.set(value.len().min(usize::from(u16::MAX)) as USHORT);
                self.state.arena.alloc_cstr(value.as_bytes())
            }
            None => {
                len.set(0);
                std::ptr::null()
            }
        }
    }

    /// Recorded (HTTP/2 only).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse4-resetstream-method
    fn reset_stream(&self, error_code: ULONG) {
        self.state.response.borrow_mut().reset_stream = Some(error_code);
        self.host_event(format!("ResetStream({error_code})"));
    }

    /// Recorded (HTTP/2 only).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse4-setneedgoaway-method
    fn set_need_go_away(&self) {
        self.state.response.borrow_mut().need_goaway = true;
        self.host_event("SetNeedGoAway".into());
    }

    /// Stored as SetHeader stores headers; GetTrailer reads them back.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse4-settrailer-method
    /// Partial: trailers are stored but not sent (the HTTP/1.1 front end sends no trailers).
    fn set_trailer(&self, name: CStrArg<'_>, value: CStrArg<'_>, cch: USHORT, replace: BOOL) -> HRESULT {
        const METHOD: &str = "IHttpResponse4::SetTrailer(PCSTR, PCSTR, USHORT, BOOL)";
        let Some(name) = name.to_str().filter(|n| !n.is_empty()) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszHeaderName is NULL or empty");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let Some(bytes) = (if cch > 0 { value.bytes(usize::from(cch)) } else { value.to_bytes() }) else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszHeaderValue is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        let value = String::from_utf8_lossy(bytes).into_owned();
        set_in(&mut self.state.response.borrow_mut().trailers, &name, value, replace != FALSE);
        S_OK
    }
}
