//! `IHttpConnection`: the client connection a request arrived on.
//!
//! iissim models each request as its own connection (the harness has no socket, and the HTTP
//! front end does not tell the engine which requests share one): the connection closes when the
//! request ends, and its connection stored contexts then hear `NotifyDisconnect`.
//!
//! Real: IsConnected, AllocateMemory (zeroed, lives as long as the connection, here the
//! request), GetModuleContextContainer.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnection-interface

use super::containers::ConnectionContainer;
use super::generated::thunks::{http_connection_module_context_container_vtable, HttpConnection};
use super::ComObj;
use crate::state::RequestState;
use core::ffi::c_void;
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;
use std::rc::Rc;

pub struct Connection {
    state: Rc<RequestState>,
    connected: Cell<bool>,
    container: ComObj<ConnectionContainer>,
}

impl Connection {
    pub fn new(state: Rc<RequestState>) -> Self {
        Connection {
            state,
            connected: Cell::new(true),
            container: ComObj::new(
                http_connection_module_context_container_vtable::<ConnectionContainer>(),
                ConnectionContainer::default(),
            ),
        }
    }

    /// The connection closes: `NotifyDisconnect`, then `CleanupStoredContext`, on what modules
    /// stored in it.
    pub fn close(&self) {
        self.connected.set(false);
        self.container.inner().disconnect();
    }
}

impl HttpConnection for Connection {
    /// TRUE while the request runs (the client is still there to answer).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnection-isconnected-method
    fn is_connected(&self) -> BOOL {
        BOOL::from(self.connected.get())
    }

    /// Zeroed memory that lives until the connection closes (with the request, in iissim).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnection-allocatememory-method
    fn allocate_memory(&self, cb_allocation: DWORD) -> *mut c_void {
        self.state.arena.alloc_zeroed(cb_allocation as usize).cast()
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnection-getmodulecontextcontainer-method
    fn get_module_context_container(&self) -> *mut IHttpConnectionModuleContextContainer {
        self.container.as_ptr()
    }
}
