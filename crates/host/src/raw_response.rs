//! `IHttpResponse::GetRawHttpResponse`: the response as an http.sys `HTTP_RESPONSE`, with its
//! reason, known and unknown headers and entity chunks in the request arena.
//!
//! Built when a module first asks for it, at one address for the rest of the request. Whenever
//! the host changes the response it rewrites the structure in place; before the host reads the
//! response (in every `IHttpResponse` method and when the request ends) it reads the structure
//! back, and what a module changed there (status, reason, headers, chunk bytes edited in place
//! or chunks replaced) becomes the response.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-getrawhttpresponse-method

use crate::arena::Arena;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::memory::{ChunkSnapshot, LentResponse, ResponseSnapshot};
use crate::scope;
use crate::state::ResponseData;
use iissim_abi::http::*;
use iissim_abi::types::*;

pub struct RawResponse {
    lent: LentResponse,
    /// What the host last wrote, to tell a module's change from none.
    published: ResponseSnapshot,
}

/// A length as the USHORT fields of http.sys carry it.
fn ushort(len: usize) -> USHORT {
    len.min(usize::from(u16::MAX)) as USHORT
}

fn build(arena: &Arena, data: &ResponseData) -> HTTP_RESPONSE {
    let empty = HTTP_KNOWN_HEADER { RawValueLength: 0, pRawValue: std::ptr::null() };
    let mut known = [empty; HttpHeaderResponseMaximum as usize];
    let mut unknown = Vec::new();
    for (name, value) in &data.headers {
        match RESPONSE_HEADER_NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)) {
            Some(id) if known[id].pRawValue.is_null() => {
                known[id] = HTTP_KNOWN_HEADER {
                    RawValueLength: ushort(value.len()),
                    pRawValue: arena.alloc_cstr(value.as_bytes()),
                }
            }
            _ => unknown.push(HTTP_UNKNOWN_HEADER {
                NameLength: ushort(name.len()),
                RawValueLength: ushort(value.len()),
                pName: arena.alloc_cstr(name.as_bytes()),
                pRawValue: arena.alloc_cstr(value.as_bytes()),
            }),
        }
    }
    let chunks: Vec<HTTP_DATA_CHUNK> = data
        .chunks()
        .into_iter()
        .map(|bytes| {
            HTTP_DATA_CHUNK {
                DataChunkType: HttpDataChunkFromMemory,
                Anonymous: HTTP_DATA_CHUNK_UNION {
                    FromMemory: HTTP_DATA_CHUNK_FROM_MEMORY {
                        // A writable arena copy: a module may edit the bytes in place.
                        pBuffer: arena.alloc_slice(bytes).cast(),
                        BufferLength: bytes.len() as ULONG,
                    },
                },
            }
        })
        .collect();
    HTTP_RESPONSE {
        Base: HTTP_RESPONSE_V1 {
            Flags: 0,
            Version: HTTP_VERSION { MajorVersion: 1, MinorVersion: 1 },
            StatusCode: data.status,
            ReasonLength: ushort(data.reason.len()),
            pReason: arena.alloc_cstr(data.reason.as_bytes()),
            Headers: HTTP_RESPONSE_HEADERS {
                UnknownHeaderCount: ushort(unknown.len()),
                pUnknownHeaders: if unknown.is_empty() { std::ptr::null_mut() } else { arena.alloc_slice(&unknown) },
                TrailerCount: 0,
                pTrailers: std::ptr::null_mut(),
                KnownHeaders: known,
            },
            EntityChunkCount: ushort(chunks.len()),
            pEntityChunks: if chunks.is_empty() { std::ptr::null_mut() } else { arena.alloc_slice(&chunks) },
        },
        ResponseInfoCount: 0,
        pResponseInfo: std::ptr::null_mut(),
    }
}

impl RawResponse {
    pub fn new(arena: &Arena, data: &ResponseData) -> RawResponse {
        let mut lent = LentResponse::new(build(arena, data));
        let published = lent.read();
        RawResponse { lent, published }
    }

    pub fn as_ptr(&self) -> *mut HTTP_RESPONSE {
        self.lent.as_ptr()
    }

    /// Rewrites the structure in place from `data`.
    pub fn publish(&mut self, arena: &Arena, data: &ResponseData) {
        self.lent.set(build(arena, data));
        self.published = self.lent.read();
    }

    /// What the structure says now, if a module changed it since the host last wrote it.
    pub fn take_changes(&mut self) -> Option<ResponseSnapshot> {
        let now = self.lent.read();
        if now == self.published {
            return None;
        }
        self.published = now.clone();
        Some(now)
    }
}

/// Makes `data` say what a module left in the raw structure. Headers keep their order; new ones
/// go last.
pub fn apply(data: &mut ResponseData, raw: ResponseSnapshot) {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    data.status = raw.status;
    data.reason = text(&raw.reason);
    let mut fresh: Vec<(String, String)> = raw
        .known
        .iter()
        .map(|(id, value)| (RESPONSE_HEADER_NAMES[*id].to_string(), text(value)))
        .chain(raw.unknown.iter().map(|(name, value)| (text(name), text(value))))
        .collect();
    let mut headers = Vec::with_capacity(fresh.len());
    for (name, _) in &data.headers {
        while let Some(at) = fresh.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)) {
            let (_, value) = fresh.remove(at);
            headers.push((name.clone(), value));
        }
    }
    headers.extend(fresh);
    data.headers = headers;
    let mut memory = Vec::new();
    for chunk in &raw.chunks {
        match chunk {
            ChunkSnapshot::Memory(bytes) => memory.push(bytes.as_slice()),
            ChunkSnapshot::Other(kind) => scope::diagnose(
                DiagnosticKind::Unimplemented,
                "IHttpResponse::GetRawHttpResponse()",
                format!("a chunk of type {kind} in pEntityChunks is not sent: only HttpDataChunkFromMemory chunks are read back"),
            ),
        }
    }
    data.set_chunks(memory);
    data.header_changes += 1;
}
