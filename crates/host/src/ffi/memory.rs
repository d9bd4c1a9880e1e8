//! Module-owned structures the host reads: data chunks.

use super::args::Ptr;
use iissim_abi::http::{HttpDataChunkFromMemory, HTTP_DATA_CHUNK};

/// A data chunk as the host understands it.
pub enum Chunk<'a> {
    Memory(&'a [u8]),
    /// A chunk type iissim does not read yet (its `DataChunkType`).
    Other(i32),
}

impl<'a> Ptr<'a, HTTP_DATA_CHUNK> {
    /// The `count` chunks of `WriteEntityChunks(pDataChunks, nChunks, ...)`.
    pub fn chunks(&self, count: usize) -> Vec<Chunk<'a>> {
        let Some(chunks) = self.slice(count) else { return vec![] };
        chunks
            .iter()
            .map(|chunk| {
                if chunk.DataChunkType == HttpDataChunkFromMemory {
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
                } else {
                    Chunk::Other(chunk.DataChunkType)
                }
            })
            .collect()
    }
}
