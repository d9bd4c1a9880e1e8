//! `IHttpPerfCounterInfo`: the counters of a site (IHttpSite::GetPerfCounterInfo) or of the
//! worker process (IHttpServer::GetPerfCounterInfo).
//!
//! Real: IncrementCounter and DecrementCounter keep a value per counter index, which tests can
//! read; iissim publishes no Windows performance counters.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpperfcounterinfo-interface

use super::generated::thunks::HttpPerfCounterInfo;
use iissim_abi::types::*;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Counter values by index; shared by every request thread.
#[derive(Default)]
pub struct PerfCounters {
    values: Mutex<BTreeMap<DWORD, i64>>,
}

impl PerfCounters {
    fn add(&self, index: DWORD, delta: i64) {
        let mut values = self.values.lock().unwrap_or_else(|e| e.into_inner());
        *values.entry(index).or_default() += delta;
    }

    /// The value of one counter (0 when never touched).
    #[cfg(test)]
    pub fn value(&self, index: DWORD) -> i64 {
        self.values.lock().unwrap_or_else(|e| e.into_inner()).get(&index).copied().unwrap_or(0)
    }
}

impl HttpPerfCounterInfo for PerfCounters {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpperfcounterinfo-incrementcounter-method
    fn increment_counter(&self, index: DWORD, value: DWORD) {
        self.add(index, i64::from(value));
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpperfcounterinfo-decrementcounter-method
    fn decrement_counter(&self, index: DWORD, value: DWORD) {
        self.add(index, -i64::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn increments_and_decrements_add_up_per_index() {
        let counters = PerfCounters::default();
        counters.increment_counter(3, 5);
        counters.decrement_counter(3, 2);
        counters.increment_counter(4, 1);
        assert_eq!((counters.value(3), counters.value(4), counters.value(9)), (3, 1, 0));
    }
}
