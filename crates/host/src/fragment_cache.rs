//! The fragment cache of `IHttpServer::AddFragmentToCache` / `ReadFragmentFromCache` /
//! `RemoveFragmentFromCache`, which response chunks of type `HttpDataChunkFromFragmentCache(Ex)`
//! send from. In IIS HTTP.sys owns it for the whole machine; here one worker owns it, shared by
//! its server object and its requests. Nothing is ever evicted: HTTP.sys may drop a fragment at
//! any time, so a module that relies on one staying must already cope with its absence.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct FragmentCache {
    /// Fragment name (as the module spelled it) -> bytes.
    entries: Mutex<HashMap<String, Arc<[u8]>>>,
}

impl FragmentCache {
    /// Adds or replaces a fragment.
    pub fn add(&self, name: String, bytes: Vec<u8>) {
        self.lock().insert(name, bytes.into());
    }

    pub fn get(&self, name: &str) -> Option<Arc<[u8]>> {
        self.lock().get(name).cloned()
    }

    /// Whether there was such a fragment.
    pub fn remove(&self, name: &str) -> bool {
        self.lock().remove(name).is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<[u8]>>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_added_replaced_and_removed_by_name() {
        let cache = FragmentCache::default();
        assert!(cache.get("/f").is_none());
        cache.add("/f".into(), b"one".to_vec());
        cache.add("/f".into(), b"two".to_vec());
        assert_eq!(cache.get("/f").as_deref(), Some(&b"two"[..]));
        assert!(cache.get("/F").is_none(), "names are compared exactly");
        assert!(cache.remove("/f"));
        assert!(!cache.remove("/f"));
    }
}
