//! `IFileKey`: the key of a file in IIS's file cache, which `IHttpFileInfo::GetCacheKey`
//! returns.
//!
//! Real: GetHash, GetCacheName (`FILE`), GetIsEqual, GetIsPrefix (as the GetIsPrefix page
//! describes IFileKey's), Enum (an empty operation, as the Enum page says of IIS's keys),
//! GetPath.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ifilekey-interface

use super::generated::httpcach_thunks::FileKey;
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
