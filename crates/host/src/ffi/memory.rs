//! Module-owned structures the host reads: data chunks.

use super::args::Ptr;
use iissim_abi::http::{
    HttpDataChunkFromFileHandle, HttpDataChunkFromFragmentCache, HttpDataChunkFromFragmentCacheEx,
    HttpDataChunkFromMemory, HTTP_BYTE_RANGE, HTTP_BYTE_RANGE_TO_EOF, HTTP_DATA_CHUNK, HTTP_RESPONSE,
};
use iissim_abi::types::{HANDLE, WCHAR};

/// A data chunk as the host understands it.
pub enum Chunk<'a> {
    Memory(&'a [u8]),
    /// `HttpDataChunkFromFileHandle`: a range of an open file (`length` None: to its end).
    FileHandle {
        handle: HANDLE,
        offset: u64,
        length: Option<u64>,
    },
    /// `HttpDataChunkFromFragmentCache(Ex)`: a range of a fragment-cache entry, by name.
    Fragment {
        name: Vec<WCHAR>,
        offset: u64,
        length: Option<u64>,
    },
    /// A chunk type iissim does not read (its `DataChunkType`).
    Other(i32),
}

/// A range's length, `None` for HTTP_BYTE_RANGE_TO_EOF.
fn range_length(range: &HTTP_BYTE_RANGE) -> Option<u64> {
    (range.Length.QuadPart != HTTP_BYTE_RANGE_TO_EOF).then_some(range.Length.QuadPart)
}

/// The NUL-terminated wide string at `ptr`, or its first `len` units where `len` is given.
///
/// # Safety
/// `ptr` is null, or valid for `len` units, or NUL-terminated.
unsafe fn wide(ptr: *const WCHAR, len: Option<usize>) -> Vec<WCHAR> {
    // SAFETY: the caller's contract.
    let arg = unsafe { super::args::WStrArg::new(ptr) };
    match len {
        Some(len) if len > 0 => arg.units_n(len),
        _ => arg.units(),
    }
    .map(<[WCHAR]>::to_vec)
    .unwrap_or_default()
}

impl<'a> Ptr<'a, HTTP_DATA_CHUNK> {
    /// The `count` chunks of `WriteEntityChunks(pDataChunks, nChunks, ...)`.
    #[allow(non_upper_case_globals)] // http.h's names for the chunk types
    pub fn chunks(&self, count: usize) -> Vec<Chunk<'a>> {
        let Some(chunks) = self.slice(count) else { return vec![] };
        chunks
            .iter()
            .map(|chunk| match chunk.DataChunkType {
                HttpDataChunkFromMemory => {
                    // SAFETY: the type tag says the union holds FromMemory.
                    let memory = unsafe { chunk.Anonymous.FromMemory };
                    if memory.pBuffer.is_null() || memory.BufferLength == 0 {
                        Chunk::Memory(&[])
                    } else {
                        // SAFETY: the Ptr's contract covers the memory its chunks point at.
                        Chunk::Memory(unsafe {
                            std::slice::from_raw_parts(memory.pBuffer.cast::<u8>(), memory.BufferLength as usize)
                        })
                    }
                }
                HttpDataChunkFromFileHandle => {
                    // SAFETY: the type tag says the union holds FromFileHandle.
                    let file = unsafe { chunk.Anonymous.FromFileHandle };
                    Chunk::FileHandle {
                        handle: file.FileHandle,
                        offset: file.ByteRange.StartingOffset.QuadPart,
                        length: range_length(&file.ByteRange),
                    }
                }
                HttpDataChunkFromFragmentCache => {
                    // SAFETY: the type tag says the union holds FromFragmentCache.
                    let fragment = unsafe { chunk.Anonymous.FromFragmentCache };
                    let units = usize::from(fragment.FragmentNameLength) / std::mem::size_of::<WCHAR>();
                    // SAFETY: the Ptr's contract covers the name the chunk points at.
                    let name = unsafe { wide(fragment.pFragmentName, Some(units)) };
                    Chunk::Fragment { name, offset: 0, length: None }
                }
                HttpDataChunkFromFragmentCacheEx => {
                    // SAFETY: the type tag says the union holds FromFragmentCacheEx.
                    let fragment = unsafe { chunk.Anonymous.FromFragmentCacheEx };
                    Chunk::Fragment {
                        // SAFETY: the Ptr's contract covers the NUL-terminated name.
                        name: unsafe { wide(fragment.pFragmentName, None) },
                        offset: fragment.ByteRange.StartingOffset.QuadPart,
                        length: range_length(&fragment.ByteRange),
                    }
                }
                other => Chunk::Other(other),
            })
            .collect()
    }
}

/// `GetRawHttpResponse`'s structure: the host owns it (at a stable address, for the request),
/// the module reads and writes it through the pointer it was lent.
pub struct LentResponse {
    raw: Box<std::cell::UnsafeCell<HTTP_RESPONSE>>,
}

/// What an `HTTP_RESPONSE` says, read through its pointers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseSnapshot {
    pub status: u16,
    pub reason: Vec<u8>,
    /// Known headers by response header id, in id order.
    pub known: Vec<(usize, Vec<u8>)>,
    /// Unknown headers, name and value, in order.
    pub unknown: Vec<(Vec<u8>, Vec<u8>)>,
    pub chunks: Vec<ChunkSnapshot>,
}

/// One entity chunk of a [`ResponseSnapshot`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChunkSnapshot {
    Memory(Vec<u8>),
    /// A chunk type the host cannot read (its `DataChunkType`).
    Other(i32),
}

/// `len` bytes at `ptr`, or nothing for a null pointer.
///
/// # Safety
/// `ptr` is null or valid for reads of `len` bytes.
unsafe fn counted(ptr: *const u8, len: usize) -> Vec<u8> {
    if ptr.is_null() || len == 0 {
        return vec![];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec()
}

impl LentResponse {
    pub fn new(value: HTTP_RESPONSE) -> Self {
        LentResponse { raw: Box::new(std::cell::UnsafeCell::new(value)) }
    }

    /// The pointer to lend the module; the same for the whole request.
    pub fn as_ptr(&self) -> *mut HTTP_RESPONSE {
        self.raw.get()
    }

    /// Overwrites the structure in place (the module's pointer stays valid).
    pub fn set(&mut self, value: HTTP_RESPONSE) {
        *self.raw.get_mut() = value;
    }

    /// Reads the structure and everything it points at.
    ///
    /// Every pointer in it is either one the host wrote (arena memory, alive until the request
    /// ends) or one the module stored there; the module's side of the contract, as for
    /// `WriteEntityChunkByReference`, is that what it stores stays valid, with the lengths
    /// beside it, until the response is sent.
    pub fn read(&mut self) -> ResponseSnapshot {
        let raw = &self.raw.get_mut().Base;
        // SAFETY: as the doc comment says, for each counted pointer below.
        let reason = unsafe { counted(raw.pReason.cast(), usize::from(raw.ReasonLength)) };
        let mut known = Vec::new();
        for (id, header) in raw.Headers.KnownHeaders.iter().enumerate() {
            if !header.pRawValue.is_null() {
                // SAFETY: as above.
                known.push((id, unsafe { counted(header.pRawValue.cast(), usize::from(header.RawValueLength)) }));
            }
        }
        let mut unknown = Vec::new();
        if !raw.Headers.pUnknownHeaders.is_null() {
            // SAFETY: as above: UnknownHeaderCount entries.
            let headers = unsafe {
                std::slice::from_raw_parts(raw.Headers.pUnknownHeaders, usize::from(raw.Headers.UnknownHeaderCount))
            };
            for h in headers {
                // SAFETY: as above.
                let (name, value) = unsafe {
                    (
                        counted(h.pName.cast(), usize::from(h.NameLength)),
                        counted(h.pRawValue.cast(), usize::from(h.RawValueLength)),
                    )
                };
                if !name.is_empty() {
                    unknown.push((name, value));
                }
            }
        }
        let mut chunks = Vec::new();
        if !raw.pEntityChunks.is_null() {
            // SAFETY: as above: EntityChunkCount entries.
            let list = unsafe { std::slice::from_raw_parts(raw.pEntityChunks, usize::from(raw.EntityChunkCount)) };
            for chunk in list {
                if chunk.DataChunkType == HttpDataChunkFromMemory {
                    // SAFETY: the type tag says the union holds FromMemory; its buffer as above.
                    let memory = unsafe { chunk.Anonymous.FromMemory };
                    // SAFETY: as above.
                    chunks.push(ChunkSnapshot::Memory(unsafe {
                        counted(memory.pBuffer.cast(), memory.BufferLength as usize)
                    }));
                } else {
                    chunks.push(ChunkSnapshot::Other(chunk.DataChunkType));
                }
            }
        }
        ResponseSnapshot { status: raw.StatusCode, reason, known, unknown, chunks }
    }
}
