//! `IFileKey`: the key of a file in IIS's file cache, which `IHttpFileInfo::GetCacheKey`
//! returns; `IUriKey`: the key of a URL in IIS's URI cache, which GL_CACHE_OPERATION listeners
//! see for every request (`HostUriKey`).
//!
//! Real: GetHash, GetCacheName (`FILE`), GetIsEqual, GetIsPrefix (as the GetIsPrefix page
//! describes IFileKey's), Enum (an empty operation, as the Enum page says of IIS's keys),
//! GetPath.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ifilekey-interface

use super::generated::httpcach_thunks::{FileKey, UriKey};
use super::generated::thunks::HttpCacheKey;
use crate::ffi::module_call;
use iissim_abi::types::*;
use iissim_abi::*;
use std::hash::{Hash, Hasher};

pub struct HostFileKey {
    path: Vec<WCHAR>,
    text: String,
}

impl HostFileKey {
    pub fn new(path: &str) -> Self {
        HostFileKey { path: crate::wide::to_wide(path), text: path.to_string() }
    }

    /// The path of `other` when it is a file key.
    fn other_path(other: *mut IHttpCacheKey) -> Option<String> {
        if other.is_null() || module_call::cache_key_name(other) != "FILE" {
            return None;
        }
        Some(module_call::file_key_path(other))
    }
}

impl HttpCacheKey for HostFileKey {
    /// A hash of the path; equal keys hash the same.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-gethash-method
    fn get_hash(&self) -> DWORD {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.text.hash(&mut hasher);
        hasher.finish() as DWORD
    }

    /// Another file key with the same path.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-getisequal-method
    fn get_is_equal(&self, other: *mut IHttpCacheKey) -> bool {
        Self::other_path(other).is_some_and(|p| p == self.text)
    }

    /// Whether this key's path starts the other file key's path.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-getisprefix-method
    fn get_is_prefix(&self, other: *mut IHttpCacheKey) -> bool {
        Self::other_path(other).is_some_and(|p| p.starts_with(&self.text))
    }

    /// Does nothing, as IIS's own keys do.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcachekey-enum-method
    fn enum_entries(&self, _data: *mut IHttpCacheSpecificData) {}
}

impl FileKey for HostFileKey {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ifilekey-getpath-method
    fn get_path(&self) -> PCWSTR {
        self.path.as_ptr()
    }
}

/// `IUriKey`: a URL of a site, as IIS's URI cache keys it.
///
/// Real: GetUrl, GetSiteName, GetSiteId, GetConfigPath, UpdateFrequentlyHitTickCount (kept),
/// GetHash, GetIsEqual (same site, URL without case), GetIsPrefix (as the GetIsPrefix page
/// describes IUriKey's: same site, URL prefix), Enum (nothing).
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-interface
pub struct HostUriKey {
    url: Vec<WCHAR>,
    url_text: String,
    site_name: Vec<WCHAR>,
    site_id: DWORD,
    config_path: Vec<WCHAR>,
    frequently_hit: std::sync::atomic::AtomicU32,
}

impl HostUriKey {
    pub fn new(url: &str, site_name: &str, site_id: DWORD) -> Self {
        HostUriKey {
            url: crate::wide::to_wide(url),
            url_text: url.to_string(),
            site_name: crate::wide::to_wide(site_name),
            site_id,
            config_path: crate::wide::to_wide(&format!(
                "MACHINE/WEBROOT/APPHOST/{site_name}{}",
                url.trim_end_matches('/')
            )),
            frequently_hit: std::sync::atomic::AtomicU32::new(0),
        }
    }

    /// The URL and site id of `other` when it is a URI key.
    fn other(other: *mut IHttpCacheKey) -> Option<(String, DWORD)> {
        if other.is_null() || module_call::cache_key_name(other) != "URI" {
            return None;
        }
        Some(module_call::uri_key_fields(other))
    }
}

impl HttpCacheKey for HostUriKey {
    fn get_hash(&self) -> DWORD {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.url_text.to_lowercase(), self.site_id).hash(&mut hasher);
        hasher.finish() as DWORD
    }

    fn get_is_equal(&self, other: *mut IHttpCacheKey) -> bool {
        Self::other(other).is_some_and(|(url, site)| site == self.site_id && url.eq_ignore_ascii_case(&self.url_text))
    }

    fn get_is_prefix(&self, other: *mut IHttpCacheKey) -> bool {
        Self::other(other).is_some_and(|(url, site)| {
            site == self.site_id
                && url.len() >= self.url_text.len()
                && url[..self.url_text.len()].eq_ignore_ascii_case(&self.url_text)
        })
    }

    fn enum_entries(&self, _data: *mut IHttpCacheSpecificData) {}
}

impl UriKey for HostUriKey {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-geturl-method
    fn get_url(&self) -> PCWSTR {
        self.url.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-getsitename-method
    fn get_site_name(&self) -> PCWSTR {
        self.site_name.as_ptr()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-getsiteid-method
    fn get_site_id(&self) -> DWORD {
        self.site_id
    }

    /// Kept with the key; iissim's URI cache evicts nothing, so it changes nothing else.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-updatefrequentlyhittickcount-method
    fn update_frequently_hit_tick_count(&self, ticks: DWORD) {
        self.frequently_hit.store(ticks, std::sync::atomic::Ordering::Relaxed);
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iurikey-getconfigpath-method
    fn get_config_path(&self) -> PCWSTR {
        self.config_path.as_ptr()
    }
}
