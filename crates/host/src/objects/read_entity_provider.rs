//! `IReadEntityProvider`: the provider of RQ_READ_ENTITY, raised when a read of the request
//! entity (IHttpRequest::ReadEntityBody) returns data. Modules see the bytes just read, in the
//! reader's buffer, and may change them there (GetEntity) or replace them (SetEntity).
//!
//! Real: GetEntity, SetEntity, SetErrorStatus. A replacement longer than the reader's buffer
//! fills it, and the rest is what the next read returns.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireadentityprovider-interface

use super::generated::thunks::{
    read_entity_provider_vtable, HttpEventProvider, ReadEntityProvider as ReadEntityProviderApi,
};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::Out;
use crate::ffi::module_call;
use crate::notifications::READ_ENTITY;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::types::*;
use std::cell::{Cell, RefCell};

pub struct ReadEntityProvider {
    /// The reader's buffer and its size; the data read is at its start.
    buffer: PVOID,
    capacity: DWORD,
    data: DWORD,
    /// What SetEntity gave, copied, with the buffer size it named.
    replacement: RefCell<Option<(Vec<u8>, PVOID, DWORD)>>,
    error: Cell<Option<HRESULT>>,
}

impl HttpEventProvider for ReadEntityProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpeventprovider-seterrorstatus-method
    fn set_error_status(&self, error: HRESULT) {
        self.error.set(Some(error));
    }
}

impl ReadEntityProviderApi for ReadEntityProvider {
    /// The entity as it stands: the bytes read (or the module's replacement), their length and
    /// the size of the buffer that holds them.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireadentityprovider-getentity-method
    fn get_entity(&self, buffer: Out<'_, PVOID>, data: Out<'_, DWORD>, size: Out<'_, DWORD>) {
        match &*self.replacement.borrow() {
            Some((bytes, ptr, cb_buffer)) => {
                buffer.set(*ptr);
                data.set(bytes.len() as DWORD);
                size.set(*cb_buffer);
            }
            None => {
                buffer.set(self.buffer);
                data.set(self.data);
                size.set(self.capacity);
            }
        }
    }

    /// Replaces the entity with `cb_data` bytes of `ptr` (copied now).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ireadentityprovider-setentity-method
    fn set_entity(&self, ptr: PVOID, cb_data: DWORD, cb_buffer: DWORD) {
        const METHOD: &str = "IReadEntityProvider::SetEntity(PVOID, DWORD, DWORD)";
        if cb_buffer < cb_data {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "cbBuffer is smaller than cbData");
        }
        match module_call::read_module_bytes(ptr, cb_data as usize) {
            Some(bytes) => *self.replacement.borrow_mut() = Some((bytes, ptr, cb_buffer.max(cb_data))),
            None if cb_data == 0 => *self.replacement.borrow_mut() = Some((Vec::new(), ptr, cb_buffer)),
            None => scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pBuffer is NULL and cbData is not 0"),
        }
    }
}

/// Raises RQ_READ_ENTITY for the `read` bytes a read just put at the start of `buffer`, and
/// returns how many bytes the reader receives after the modules ran.
pub fn filter(state: &RequestState, buffer: &mut [u8], read: usize) -> usize {
    if read == 0 {
        return read;
    }
    let Some((targets, _running)) = crate::nested::begin(&state.read_entity_targets, &state.reading_entity) else {
        return read;
    };
    let provider = ComObj::new(
        read_entity_provider_vtable::<ReadEntityProvider>(),
        ReadEntityProvider {
            buffer: buffer.as_mut_ptr().cast(),
            capacity: buffer.len() as DWORD,
            data: read as DWORD,
            replacement: RefCell::new(None),
            error: Cell::new(None),
        },
    );
    crate::nested::raise(state, &targets, &READ_ENTITY, provider.as_ptr());
    let provider = provider.inner();
    if let Some(error) = provider.error.get() {
        super::providers::set_error_status(state, error);
    }
    let Some((bytes, ..)) = provider.replacement.take() else {
        return read;
    };
    let fits = bytes.len().min(buffer.len());
    buffer[..fits].copy_from_slice(&bytes[..fits]);
    if fits < bytes.len() {
        // What did not fit comes first in the next read.
        let mut request = state.request.borrow_mut();
        let mut rest = bytes[fits..].to_vec();
        rest.extend_from_slice(&request.body[request.body_read..]);
        request.body = rest;
        request.body_read = 0;
    }
    fits
}
