//! The life of one record in a cache (IHttpCacheSpecificData's TTL count and flushed flag),
//! shared by the host's records: the file info and the token entry.

use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::Out;
use crate::scope;
use iissim_abi::types::BOOL;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// The TTL count cache data starts with (IHttpCacheSpecificData::DecrementTTL's page).
const INITIAL_TTL: i32 = 2;

pub struct CacheLife {
    ttl: AtomicI32,
    flushed: AtomicBool,
}

impl Default for CacheLife {
    fn default() -> Self {
        CacheLife { ttl: AtomicI32::new(INITIAL_TTL), flushed: AtomicBool::new(false) }
    }
}

impl CacheLife {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-resetttl-method
    pub fn reset_ttl(&self) {
        self.ttl.store(INITIAL_TTL, Ordering::Release);
    }

    /// One less; whether the count reached 0.
    pub fn decrement(&self) -> bool {
        self.ttl.fetch_sub(1, Ordering::AcqRel) - 1 <= 0
    }

    /// DecrementTTL: one less, and whether it expired. A NULL out-pointer is an access
    /// violation in IIS; here a diagnostic.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-decrementttl-method
    pub fn decrement_ttl(&self, expired: Out<'_, BOOL>) {
        let now_expired = self.decrement();
        if !expired.set(BOOL::from(now_expired)) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpCacheSpecificData::DecrementTTL(BOOL*)",
                "pfTTLExpired is NULL",
            );
        }
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-setflushed-method
    pub fn set_flushed(&self) {
        self.flushed.store(true, Ordering::Release);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-getflushed-method
    pub fn flushed(&self) -> BOOL {
        BOOL::from(self.flushed.load(Ordering::Acquire))
    }
}
