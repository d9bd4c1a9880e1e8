//! `IModuleAllocator`: request-lifetime memory for module objects.

use super::generated::thunks::ModuleAllocator as ModuleAllocatorApi;
use crate::state::RequestState;
use core::ffi::c_void;
use iissim_abi::types::DWORD;
use std::rc::Rc;

/// The allocator `IHttpModuleFactory::GetHttpModule` receives.
pub struct ModuleAllocator {
    state: Rc<RequestState>,
}

impl ModuleAllocator {
    pub fn new(state: Rc<RequestState>) -> Self {
        ModuleAllocator { state }
    }
}

impl ModuleAllocatorApi for ModuleAllocator {
    /// Zeroed memory freed when the request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imoduleallocator-allocatememory-method
    fn allocate_memory(&self, cb_allocation: DWORD) -> *mut c_void {
        self.state.arena.alloc_zeroed(cb_allocation as usize).cast()
    }
}
