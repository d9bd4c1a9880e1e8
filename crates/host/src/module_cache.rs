//! The worker's cache of module records (IHttpServer::DoCacheOperation with keys no cache
//! module handled): each record is kept with one reference, found through its own key
//! (`IHttpCacheSpecificData::GetCacheKey`) by cache name, hash and `GetIsEqual`, as IIS's
//! caches find theirs.

use crate::ffi::module_call;
use iissim_abi::*;
use std::sync::Mutex;

#[derive(Default)]
pub struct ModuleCache {
    /// `IHttpCacheSpecificData*` with a reference the cache holds, in the order added.
    records: Mutex<Vec<usize>>,
}

/// Whether `record`'s key is the same key as `key` (of cache `name`, hash `hash`).
fn matches(record: usize, key: *mut IHttpCacheKey, name: &str, hash: u32) -> bool {
    let own = module_call::cache_data_key(record as *mut IHttpCacheSpecificData);
    !own.is_null()
        && module_call::cache_key_name(own) == name
        && module_call::cache_key_hash(own) == hash
        && module_call::cache_key_is_equal(key, own)
}

impl ModuleCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<usize>> {
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds `record` (taking a reference), replacing a record with an equal key.
    pub fn add(&self, record: *mut IHttpCacheSpecificData) {
        let key = module_call::cache_data_key(record);
        if !key.is_null() {
            self.delete(key);
        }
        module_call::reference_cache_data(record);
        self.lock().push(record as usize);
    }

    /// The record with this key, with a new reference for the caller; NULL when none.
    pub fn retrieve(&self, key: *mut IHttpCacheKey) -> *mut IHttpCacheSpecificData {
        let (name, hash) = (module_call::cache_key_name(key), module_call::cache_key_hash(key));
        let found = self.lock().iter().copied().find(|r| matches(*r, key, &name, hash));
        match found {
            Some(record) => {
                let record = record as *mut IHttpCacheSpecificData;
                module_call::reference_cache_data(record);
                record
            }
            None => std::ptr::null_mut(),
        }
    }

    /// Removes the records with this key; how many.
    pub fn delete(&self, key: *mut IHttpCacheKey) -> usize {
        let (name, hash) = (module_call::cache_key_name(key), module_call::cache_key_hash(key));
        self.remove_where(|r| matches(r, key, &name, hash))
    }

    /// Removes the records of `key`'s cache whose keys `key` is a prefix of; how many.
    pub fn flush_prefix(&self, key: *mut IHttpCacheKey) -> usize {
        let name = module_call::cache_key_name(key);
        self.remove_where(|r| {
            let own = module_call::cache_data_key(r as *mut IHttpCacheSpecificData);
            !own.is_null() && module_call::cache_key_name(own) == name && module_call::cache_key_is_prefix(key, own)
        })
    }

    /// `key->Enum(record)` for every record of `key`'s cache.
    pub fn enumerate(&self, key: *mut IHttpCacheKey) {
        let name = module_call::cache_key_name(key);
        let records: Vec<usize> = self.lock().clone();
        for record in records {
            let own = module_call::cache_data_key(record as *mut IHttpCacheSpecificData);
            if !own.is_null() && module_call::cache_key_name(own) == name {
                module_call::cache_key_enum(key, record as *mut IHttpCacheSpecificData);
            }
        }
    }

    /// The worker stops: every record gets its reference back.
    pub fn clear(&self) {
        self.remove_where(|_| true);
    }

    fn remove_where(&self, mut doomed: impl FnMut(usize) -> bool) -> usize {
        // Decide outside the lock: the checks call into modules.
        let records: Vec<usize> = self.lock().clone();
        let gone: Vec<usize> = records.into_iter().filter(|r| doomed(*r)).collect();
        self.lock().retain(|r| !gone.contains(r));
        for record in &gone {
            module_call::dereference_cache_data(*record as *mut IHttpCacheSpecificData);
        }
        gone.len()
    }
}
