//! `ICacheProvider`: what GL_CACHE_OPERATION hands a cache module (IHttpServer::DoCacheOperation).
//!
//! Real: GetCacheOperation, GetCacheKey, GetCacheRecord, SetCacheRecord (takes over the
//! caller's reference and releases the record it replaces, as the page asks), GetTraceContext.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-interface

use super::generated::thunks::{CacheProvider as CacheProviderApi, HttpEventProvider};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::module_call;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;

pub struct CacheProvider {
    operation: CACHE_OPERATION,
    key: usize,
    trace: usize,
    /// The record, with one reference the provider holds.
    record: Cell<usize>,
}

impl CacheProvider {
    pub fn new(operation: CACHE_OPERATION, key: *mut IHttpCacheKey, trace: *mut IHttpTraceContext) -> Self {
        CacheProvider { operation, key: key as usize, trace: trace as usize, record: Cell::new(0) }
    }

    /// Takes the record out, with the provider's reference.
    pub fn take_record(&self) -> *mut IHttpCacheSpecificData {
        self.record.replace(0) as *mut IHttpCacheSpecificData
    }

    /// Puts a record in that already carries a reference for the provider.
    pub fn put_record(&self, record: *mut IHttpCacheSpecificData) {
        let previous = self.record.replace(record as usize);
        if previous != 0 {
            module_call::dereference_cache_data(previous as *mut IHttpCacheSpecificData);
        }
    }
}

impl Drop for CacheProvider {
    fn drop(&mut self) {
        self.put_record(std::ptr::null_mut());
    }
}

impl HttpEventProvider for CacheProvider {
    fn set_error_status(&self, error: HRESULT) {
        scope::diagnose(
            DiagnosticKind::Note,
            "IHttpEventProvider::SetErrorStatus(HRESULT)",
            format!("SetErrorStatus({}) in GL_CACHE_OPERATION", crate::error::describe_hresult(error)),
        );
    }
}

impl CacheProviderApi for CacheProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-getcacheoperation-method
    fn get_cache_operation(&self) -> CACHE_OPERATION {
        self.operation
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-getcachekey-method
    fn get_cache_key(&self) -> *mut IHttpCacheKey {
        self.key as *mut IHttpCacheKey
    }

    /// The record so far: the one being added, or what a cache module set; NULL for none.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-getcacherecord-method
    fn get_cache_record(&self) -> *mut IHttpCacheSpecificData {
        self.record.get() as *mut IHttpCacheSpecificData
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-setcacherecord-method
    fn set_cache_record(&self, record: *mut IHttpCacheSpecificData) {
        if record.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "ICacheProvider::SetCacheRecord(IHttpCacheSpecificData*)",
                "pCacheRecord is NULL",
            );
            return;
        }
        self.put_record(record);
    }

    /// The trace context DoCacheOperation was given (NULL when none).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/icacheprovider-gettracecontext-method
    fn get_trace_context(&self) -> *mut IHttpTraceContext {
        self.trace as *mut IHttpTraceContext
    }
}
