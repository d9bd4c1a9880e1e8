//! `IHttpCachePolicy` / `IHttpCachePolicy2`: the output-cache policy of one response
//! (IHttpResponse::GetCachePolicy).
//!
//! Real: every method, with the defaults the reference pages give for IIS's own implementer:
//! kernel and user `HTTP_CACHE_POLICY` start as `HttpCachePolicyNocache` with 0 seconds to live
//! and stay at one address the module may write through; vary-by headers and query strings
//! build comma-separated lists (NULL appends nothing and succeeds); the user cache starts
//! enabled; IsCached, the kernel-cache invalidator and force-update start FALSE and, once set,
//! stay set. iissim has no output cache, so the policy is recorded for the module and for
//! tests, and nothing is served from a cache.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-interface

use super::generated::thunks::{HttpCachePolicy, HttpCachePolicy2};
use crate::ffi::args::CStrArg;
use iissim_abi::http::{HttpCachePolicyNocache, HTTP_CACHE_POLICY};
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::{Cell, RefCell, UnsafeCell};

/// A NUL-terminated byte string the module reads through a `PCSTR`; the pointer stays valid
/// until the next change, as with IIS's own buffers.
struct CList(RefCell<Vec<u8>>);

impl CList {
    fn new() -> Self {
        CList(RefCell::new(vec![0]))
    }

    /// Appends `item`, comma-separated from what is there.
    fn append(&self, item: &[u8]) {
        let mut text = self.0.borrow_mut();
        text.pop();
        if !text.is_empty() {
            text.push(b',');
        }
        text.extend_from_slice(item);
        text.push(0);
    }

    fn set(&self, value: &[u8]) {
        let mut text = self.0.borrow_mut();
        text.clear();
        text.extend_from_slice(value);
        text.push(0);
    }

    fn as_pcstr(&self) -> PCSTR {
        self.0.borrow().as_ptr().cast()
    }

    #[cfg(test)]
    fn text(&self) -> String {
        let text = self.0.borrow();
        String::from_utf8_lossy(&text[..text.len() - 1]).into_owned()
    }
}

/// The policy a module sets on one response.
pub struct CachePolicy {
    /// Module-writable structures: the module holds their addresses and writes the fields.
    kernel: Box<UnsafeCell<HTTP_CACHE_POLICY>>,
    user: Box<UnsafeCell<HTTP_CACHE_POLICY>>,
    vary_by_headers: CList,
    vary_by_query_strings: CList,
    vary_by_value: CList,
    user_cache_enabled: Cell<bool>,
    cached: Cell<bool>,
    kernel_invalidator_set: Cell<bool>,
    force_update: Cell<bool>,
}

fn no_cache() -> Box<UnsafeCell<HTTP_CACHE_POLICY>> {
    Box::new(UnsafeCell::new(HTTP_CACHE_POLICY { Policy: HttpCachePolicyNocache, SecondsToLive: 0 }))
}

impl Default for CachePolicy {
    fn default() -> Self {
        CachePolicy {
            kernel: no_cache(),
            user: no_cache(),
            vary_by_headers: CList::new(),
            vary_by_query_strings: CList::new(),
            vary_by_value: CList::new(),
            user_cache_enabled: Cell::new(true),
            cached: Cell::new(false),
            kernel_invalidator_set: Cell::new(false),
            force_update: Cell::new(false),
        }
    }
}

impl HttpCachePolicy for CachePolicy {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getkernelcachepolicy-method
    fn get_kernel_cache_policy(&self) -> *mut HTTP_CACHE_POLICY {
        self.kernel.get()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-setkernelcacheinvalidatorset-method
    fn set_kernel_cache_invalidator_set(&self) {
        self.kernel_invalidator_set.set(true);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getusercachepolicy-method
    fn get_user_cache_policy(&self) -> *mut HTTP_CACHE_POLICY {
        self.user.get()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-appendvarybyheader-method
    fn append_vary_by_header(&self, header: CStrArg<'_>) -> HRESULT {
        if let Some(header) = header.to_bytes() {
            self.vary_by_headers.append(header);
        }
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getvarybyheaders-method
    fn get_vary_by_headers(&self) -> PCSTR {
        self.vary_by_headers.as_pcstr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-appendvarybyquerystring-method
    fn append_vary_by_query_string(&self, param: CStrArg<'_>) -> HRESULT {
        if let Some(param) = param.to_bytes() {
            self.vary_by_query_strings.append(param);
        }
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getvarybyquerystrings-method
    fn get_vary_by_query_strings(&self) -> PCSTR {
        self.vary_by_query_strings.as_pcstr()
    }

    /// Replaces the value; NULL clears it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-setvarybyvalue-method
    fn set_vary_by_value(&self, value: CStrArg<'_>) -> HRESULT {
        self.vary_by_value.set(value.to_bytes().unwrap_or_default());
        S_OK
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getvarybyvalue-method
    fn get_vary_by_value(&self) -> PCSTR {
        self.vary_by_value.as_pcstr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-isusercacheenabled-method
    fn is_user_cache_enabled(&self) -> BOOL {
        BOOL::from(self.user_cache_enabled.get())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-disableusercache-method
    fn disable_user_cache(&self) {
        self.user_cache_enabled.set(false);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-iscached-method
    fn is_cached(&self) -> BOOL {
        BOOL::from(self.cached.get())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-setiscached-method
    fn set_is_cached(&self) {
        self.cached.set(true);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy-getkernelcacheinvalidatorset-method
    fn get_kernel_cache_invalidator_set(&self) -> BOOL {
        BOOL::from(self.kernel_invalidator_set.get())
    }
}

impl HttpCachePolicy2 for CachePolicy {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy2-isforceupdateset-method
    fn is_force_update_set(&self) -> BOOL {
        BOOL::from(self.force_update.get())
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachepolicy2-setforceupdate-method
    fn set_force_update(&self) {
        self.force_update.set(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_comma_separated_and_nul_terminated() {
        let list = CList::new();
        assert_eq!(list.text(), "");
        list.append(b"Accept");
        list.append(b"Accept-Language");
        assert_eq!(list.text(), "Accept,Accept-Language");
        assert_eq!(list.0.borrow().last(), Some(&0));
        list.set(b"v");
        assert_eq!(list.text(), "v");
    }

    #[test]
    fn flags_start_as_documented_and_stay_set() {
        let policy = CachePolicy::default();
        assert_eq!(
            (policy.is_user_cache_enabled(), policy.is_cached(), policy.get_kernel_cache_invalidator_set()),
            (TRUE, FALSE, FALSE)
        );
        policy.disable_user_cache();
        policy.set_is_cached();
        policy.set_kernel_cache_invalidator_set();
        policy.set_force_update();
        assert_eq!(
            (
                policy.is_user_cache_enabled(),
                policy.is_cached(),
                policy.get_kernel_cache_invalidator_set(),
                policy.is_force_update_set()
            ),
            (FALSE, TRUE, TRUE, TRUE)
        );
    }
}
