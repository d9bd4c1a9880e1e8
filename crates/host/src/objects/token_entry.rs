//! `IHttpTokenEntry` and its `IHttpTokenKey`: a logon from IIS's token cache
//! (`IHttpServer2::GetToken`).
//!
//! Real: GetImpersonationToken, GetPrimaryToken, GetSid (the configured user's synthetic tokens
//! and SID), the cache data methods (references: the module gives back the one GetToken hands
//! it; the TTL count; flushed), GetCacheKey; the key's GetUserName, GetPasswordHash (a hash,
//! never the password), GetLogonMethod, GetHash, GetIsEqual, GetIsPrefix (FALSE, as the
//! GetIsPrefix page says of token keys), Enum (nothing).
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenentry-interface
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenkey-interface

use super::generated::httpcach_thunks::{http_token_key_vtable, HttpTokenKey};
use super::generated::thunks::{HttpCacheKey, HttpCacheSpecificData, HttpTokenEntry};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::Out;
use crate::ffi::module_call;
use crate::identity::Identity;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

pub struct HostTokenKey {
    user: Vec<WCHAR>,
    user_text: String,
    password_hash: Vec<WCHAR>,
    logon_method: DWORD,
}

impl HostTokenKey {
    pub fn new(user: &str, password: &str, logon_method: DWORD) -> Self {
        HostTokenKey {
            user: crate::wide::to_wide(user),
            user_text: user.to_string(),
            password_hash: crate::wide::to_wide(&format!("{:016x}", hash_of(("iissim", password)))),
            logon_method,
        }
    }
}

impl HttpCacheKey for HostTokenKey {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-gethash-method
    fn get_hash(&self) -> DWORD {
        hash_of((self.user_text.to_lowercase(), self.logon_method)) as DWORD
    }

    /// Another token key for the same user (names compare without case, as Windows accounts
    /// do), password hash and logon method.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-getisequal-method
    fn get_is_equal(&self, other: *mut IHttpCacheKey) -> bool {
        if other.is_null() || module_call::cache_key_name(other) != "TOKEN" {
            return false;
        }
        let (user, hash, method) = module_call::token_key_fields(other);
        user.eq_ignore_ascii_case(&self.user_text)
            && hash == crate::wide::from_wide(&self.password_hash[..self.password_hash.len() - 1])
            && method == self.logon_method
    }

    /// FALSE, as for IIS's token keys.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-getisprefix-method
    fn get_is_prefix(&self, _other: *mut IHttpCacheKey) -> bool {
        false
    }

    /// Does nothing, as IIS's own keys do.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-enum-method
    fn enum_entries(&self, _data: *mut IHttpCacheSpecificData) {}
}

impl HttpTokenKey for HostTokenKey {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenkey-getusername-method
    fn get_user_name(&self) -> PCWSTR {
        self.user.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenkey-getpasswordhash-method
    fn get_password_hash(&self) -> PCWSTR {
        self.password_hash.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenkey-getlogonmethod-method
    fn get_logon_method(&self) -> DWORD {
        self.logon_method
    }
}

pub struct HostTokenEntry {
    identity: Arc<Identity>,
    key: ComObj<HostTokenKey>,
    /// References the module holds (GetToken hands out one).
    references: AtomicI64,
    life: super::cache_life::CacheLife,
}

impl HostTokenEntry {
    pub fn new(identity: Arc<Identity>, key: HostTokenKey) -> Self {
        HostTokenEntry {
            identity,
            key: ComObj::new(http_token_key_vtable::<HostTokenKey>(), key),
            references: AtomicI64::new(1),
            life: Default::default(),
        }
    }

    /// References the module never gave back.
    pub fn outstanding(&self) -> i64 {
        self.references.load(Ordering::Acquire)
    }
}

impl HttpCacheSpecificData for HostTokenEntry {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-getcachekey-method
    fn get_cache_key(&self) -> *mut IHttpCacheKey {
        self.key.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-referencecachedata-method
    fn reference_cache_data(&self) {
        self.references.fetch_add(1, Ordering::AcqRel);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachespecificdata-dereferencecachedata-method
    fn dereference_cache_data(&self) {
        if self.references.fetch_sub(1, Ordering::AcqRel) <= 0 {
            self.references.fetch_add(1, Ordering::AcqRel);
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpCacheSpecificData::DereferenceCacheData()",
                "more DereferenceCacheData calls than references to the token entry",
            );
        }
    }

    fn reset_ttl(&self) {
        self.life.reset_ttl();
    }

    fn decrement_ttl(&self, expired: Out<'_, BOOL>) {
        self.life.decrement_ttl(expired);
    }

    fn set_flushed(&self) {
        self.life.set_flushed();
    }

    fn get_flushed(&self) -> BOOL {
        self.life.flushed()
    }
}

impl HttpTokenEntry for HostTokenEntry {
    /// The user's impersonation token; NULL for a user configured without tokens.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenentry-getimpersonationtoken-method
    fn get_impersonation_token(&self) -> HANDLE {
        self.identity.impersonation_token.map_or(core::ptr::null_mut(), |t| t.as_handle())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenentry-getprimarytoken-method
    fn get_primary_token(&self) -> HANDLE {
        self.identity.primary_token.map_or(core::ptr::null_mut(), |t| t.as_handle())
    }

    /// The user's SID, valid while the entry lives.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttptokenentry-getsid-method
    fn get_sid(&self) -> PSID {
        self.identity.principal.sid.as_ptr().cast_mut().cast()
    }
}
