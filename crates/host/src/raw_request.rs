//! `IHttpRequest::GetRawHttpRequest`: the request as an http.sys `HTTP_REQUEST`, with every
//! string and array in the request arena: verb, raw and cooked URL, known and unknown headers.
//!
//! Built on first use, at one address for the request, and rewritten in place whenever a
//! module changes the request (headers, URL, method). Changes a module makes through the
//! structure are not read back into the request.

use crate::state::RequestState;
use iissim_abi::http::*;
use iissim_abi::types::*;
use std::cell::UnsafeCell;
use std::mem::size_of;

pub struct RawRequest {
    /// In an UnsafeCell because the module may write through the pointer it is given.
    raw: Box<UnsafeCell<HTTP_REQUEST>>,
}

fn verb(method: &str) -> HTTP_VERB {
    match method {
        "OPTIONS" => HttpVerbOPTIONS,
        "GET" => HttpVerbGET,
        "HEAD" => HttpVerbHEAD,
        "POST" => HttpVerbPOST,
        "PUT" => HttpVerbPUT,
        "DELETE" => HttpVerbDELETE,
        "TRACE" => HttpVerbTRACE,
        "CONNECT" => HttpVerbCONNECT,
        "TRACK" => HttpVerbTRACK,
        "MOVE" => HttpVerbMOVE,
        "COPY" => HttpVerbCOPY,
        "PROPFIND" => HttpVerbPROPFIND,
        "PROPPATCH" => HttpVerbPROPPATCH,
        "MKCOL" => HttpVerbMKCOL,
        "LOCK" => HttpVerbLOCK,
        "UNLOCK" => HttpVerbUNLOCK,
        "SEARCH" => HttpVerbSEARCH,
        _ => HttpVerbUnknown,
    }
}

/// A length in bytes as the USHORT fields of http.sys carry it.
fn ushort(len: usize) -> USHORT {
    len.min(usize::from(u16::MAX)) as USHORT
}

impl RawRequest {
    pub fn build(state: &RequestState) -> Box<RawRequest> {
        Box::new(RawRequest { raw: Box::new(UnsafeCell::new(fill(state))) })
    }

    /// Rewrites the structure from the request as it is now; the module's pointer stays valid.
    pub fn refresh(&mut self, state: &RequestState) {
        *self.raw.get_mut() = fill(state);
    }

    pub fn as_ptr(&self) -> *mut HTTP_REQUEST {
        self.raw.get()
    }
}

fn fill(state: &RequestState) -> HTTP_REQUEST {
    {
        let arena = &state.arena;
        let request = state.request.borrow();
        let empty = HTTP_KNOWN_HEADER { RawValueLength: 0, pRawValue: std::ptr::null() };
        let mut known = [empty; HttpHeaderRequestMaximum as usize];
        let mut unknown = Vec::new();
        for (name, value) in &request.headers {
            match REQUEST_HEADER_NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)) {
                Some(id) if known[id].pRawValue.is_null() => {
                    known[id] = HTTP_KNOWN_HEADER {
                        RawValueLength: ushort(value.len()),
                        pRawValue: arena.alloc_cstr(value.as_bytes()),
                    }
                }
                Some(_) => {} // http.sys keeps the first of a repeated known header here.
                None => unknown.push(HTTP_UNKNOWN_HEADER {
                    NameLength: ushort(name.len()),
                    RawValueLength: ushort(value.len()),
                    pName: arena.alloc_cstr(name.as_bytes()),
                    pRawValue: arena.alloc_cstr(value.as_bytes()),
                }),
            }
        }
        let host = state.request_header("Host").unwrap_or_else(|| state.site.server_name.clone());
        let query = if request.query.is_empty() { String::new() } else { format!("?{}", request.query) };
        let full = format!("http://{host}{}{query}", request.path);
        let wide = |text: &str| {
            let (ptr, units) = arena.alloc_wstr(text);
            (ptr, ushort(units * size_of::<WCHAR>()))
        };
        let (p_full, full_len) = wide(&full);
        let (p_host, host_len) = wide(&host);
        let (p_path, path_len) = wide(&request.path);
        let (p_query, query_len) = if query.is_empty() { (std::ptr::null(), 0) } else { wide(&query) };
        let v = verb(&request.method);
        let v1 = HTTP_REQUEST_V1 {
            Flags: 0,
            ConnectionId: 0,
            RequestId: 0,
            UrlContext: 0,
            Version: HTTP_VERSION { MajorVersion: request.version.0, MinorVersion: request.version.1 },
            Verb: v,
            UnknownVerbLength: if v == HttpVerbUnknown { ushort(request.method.len()) } else { 0 },
            RawUrlLength: ushort(request.raw_target.len()),
            pUnknownVerb: if v == HttpVerbUnknown {
                arena.alloc_cstr(request.method.as_bytes())
            } else {
                std::ptr::null()
            },
            pRawUrl: arena.alloc_cstr(request.raw_target.as_bytes()),
            CookedUrl: HTTP_COOKED_URL {
                FullUrlLength: full_len,
                HostLength: host_len,
                AbsPathLength: path_len,
                QueryStringLength: query_len,
                pFullUrl: p_full,
                pHost: p_host,
                pAbsPath: p_path,
                pQueryString: p_query,
            },
            Address: HTTP_TRANSPORT_ADDRESS {
                pRemoteAddress: state.remote.as_ptr().cast_mut().cast(),
                pLocalAddress: state.local.as_ptr().cast_mut().cast(),
            },
            Headers: HTTP_REQUEST_HEADERS {
                UnknownHeaderCount: ushort(unknown.len()),
                pUnknownHeaders: if unknown.is_empty() { std::ptr::null_mut() } else { arena.alloc_slice(&unknown) },
                TrailerCount: 0,
                pTrailers: std::ptr::null_mut(),
                KnownHeaders: known,
            },
            BytesReceived: request.body.len() as ULONGLONG,
            EntityChunkCount: 0,
            pEntityChunks: std::ptr::null_mut(),
            RawConnectionId: 0,
            pSslInfo: std::ptr::null_mut(),
        };
        HTTP_REQUEST { Base: v1, RequestInfoCount: 0, pRequestInfo: std::ptr::null_mut() }
    }
}
