//! Reading `HttpDataChunkFromFileHandle` chunks: the HANDLE is the module's own SDK-shim
//! object, so the host asks the module's `iissim_file_descriptor` export (winbase.h) for the
//! POSIX descriptor behind it. Each loaded image registers its export here; a handle no image
//! recognises is not a file the host can read.

use iissim_abi::types::HANDLE;
use std::sync::Mutex;

/// `int iissim_file_descriptor(HANDLE)`: the descriptor, or -1.
pub type Resolver = unsafe extern "C" fn(HANDLE) -> core::ffi::c_int;

/// The exports of the images loaded now, by image id: one entry per load, since a second load of
/// the same image (two workers in one process) shares the first's copy.
static RESOLVERS: Mutex<Vec<(usize, Resolver)>> = Mutex::new(Vec::new());

pub fn register(image: usize, resolver: Resolver) {
    RESOLVERS.lock().unwrap_or_else(|e| e.into_inner()).push((image, resolver));
}

pub fn unregister(image: usize) {
    let mut resolvers = RESOLVERS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(at) = resolvers.iter().position(|(id, _)| *id == image) {
        resolvers.remove(at);
    }
}

/// Why a file-handle chunk could not be read.
#[derive(Debug)]
pub enum FileChunkError {
    /// No loaded module's shim made this handle (ERROR_INVALID_HANDLE).
    UnknownHandle,
    /// The range starts past the end of the file (ERROR_HANDLE_EOF).
    PastEnd { offset: u64, size: u64 },
    /// The read failed (the OS error).
    Io(std::io::Error),
}

impl std::fmt::Display for FileChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileChunkError::UnknownHandle => {
                f.write_str("FileHandle is not an open file handle of a loaded module (CreateFile from the iissim SDK)")
            }
            FileChunkError::PastEnd { offset, size } => {
                write!(f, "ByteRange.StartingOffset {offset} is past the end of the file ({size} bytes)")
            }
            FileChunkError::Io(e) => write!(f, "reading the file failed: {e}"),
        }
    }
}

/// The bytes `offset..offset+length` (`None`: to the end) of the file behind `handle`.
#[cfg(unix)]
pub fn read_range(handle: HANDLE, offset: u64, length: Option<u64>) -> Result<Vec<u8>, FileChunkError> {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::fs::FileExt;
    if handle.is_null() {
        return Err(FileChunkError::UnknownHandle);
    }
    // The lock stays held while the resolvers run: an image unregisters (under the same lock)
    // before it is unloaded, so every resolver in the list is still mapped.
    let resolvers = RESOLVERS.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: each resolver is a loaded image's `iissim_file_descriptor`, which only compares
    // the value with that image's own handle registry.
    let fd = resolvers.iter().map(|(_, resolve)| unsafe { resolve(handle) }).find(|fd| *fd >= 0);
    drop(resolvers);
    let Some(fd) = fd else { return Err(FileChunkError::UnknownHandle) };
    // SAFETY: `fd` is open (the module's handle owns it for this call); dup gives the host a
    // descriptor of its own, closed when `owned` drops, so the module's stays untouched.
    let copy = unsafe { libc::dup(fd) };
    if copy < 0 {
        return Err(FileChunkError::Io(std::io::Error::last_os_error()));
    }
    // SAFETY: `copy` is a fresh descriptor nothing else owns.
    let file = std::fs::File::from(unsafe { OwnedFd::from_raw_fd(copy) });
    let size = file.metadata().map_err(FileChunkError::Io)?.len();
    if offset > size {
        return Err(FileChunkError::PastEnd { offset, size });
    }
    let available = size - offset;
    let len = length.map_or(available, |l| l.min(available));
    let mut bytes = vec![0; usize::try_from(len).map_err(|_| FileChunkError::PastEnd { offset, size })?];
    file.read_exact_at(&mut bytes, offset).map_err(FileChunkError::Io)?;
    Ok(bytes)
}

#[cfg(not(unix))]
pub fn read_range(_handle: HANDLE, _offset: u64, _length: Option<u64>) -> Result<Vec<u8>, FileChunkError> {
    Err(FileChunkError::UnknownHandle)
}
