//! `IHttpModuleContextContainer`, `INamedContextContainer`,
//! `IHttpConnectionModuleContextContainer` and `IDispensedHttpModuleContextContainer`: where
//! modules keep their `IHttpStoredContext` objects, one per module id (or per name).
//!
//! Real: every method of the four interfaces. The container that owns a stored context calls
//! its `CleanupStoredContext` when the container ends: the request's containers when the
//! request ends, the connection's when the connection closes (after `NotifyDisconnect`), a
//! dispensed one on `ReleaseContainer`, the site's and the application's when the worker stops.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmodulecontextcontainer-interface

use super::generated::thunks::{
    DispensedHttpModuleContextContainer, HttpConnectionModuleContextContainer, HttpModuleContextContainer,
    NamedContextContainer,
};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::WStrArg;
use crate::ffi::module_call;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;
use std::sync::Mutex;

/// Win32 `ERROR_ALREADY_ASSIGNED`: SetModuleContext was already called for this module id.
pub const ERROR_ALREADY_ASSIGNED: u32 = 85;

/// Stored contexts by key, in the order they were set. Pointers are kept as addresses so that
/// worker-wide containers can be shared between request threads, as in IIS.
#[derive(Default)]
struct Slots<K> {
    entries: Mutex<Vec<(K, usize)>>,
}

impl<K: PartialEq> Slots<K> {
    fn get(&self, key: &K) -> usize {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().find(|(k, _)| k == key).map_or(0, |(_, p)| *p)
    }

    /// `SetModuleContext`'s documented results: NULL is ERROR_INVALID_PARAMETER, a second set
    /// for the same key is ERROR_ALREADY_ASSIGNED (the first context stays).
    fn set(&self, method: &str, key: K, context: usize) -> HRESULT {
        if context == 0 {
            scope::diagnose(DiagnosticKind::ContractViolation, method, "ppStoredContext is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.iter().any(|(k, _)| *k == key) {
            return from_win32(ERROR_ALREADY_ASSIGNED);
        }
        entries.push((key, context));
        S_OK
    }

    /// Empties the container, handing back what it held (the lock is released before any
    /// module is called: a module's CleanupStoredContext may call back in).
    fn take(&self) -> Vec<usize> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *entries).into_iter().map(|(_, p)| p).collect()
    }
}

/// Calls `CleanupStoredContext` on each context, in the order they were set.
fn cleanup(contexts: Vec<usize>) {
    for context in contexts {
        module_call::cleanup_stored_context(context as *mut IHttpStoredContext);
    }
}

/// `IHttpModuleContextContainer` of a request, a site, an application, a URL, metadata or a
/// file: one stored context per module id.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmodulecontextcontainer-interface
#[derive(Default)]
pub struct ModuleContainer {
    slots: Slots<usize>,
}

impl ModuleContainer {
    /// The container ends: each stored context gets `CleanupStoredContext`.
    pub fn end(&self) {
        cleanup(self.slots.take());
    }
}

impl HttpModuleContextContainer for ModuleContainer {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmodulecontextcontainer-getmodulecontext-method
    fn get_module_context(&self, module_id: HTTP_MODULE_ID) -> *mut IHttpStoredContext {
        self.slots.get(&(module_id as usize)) as *mut IHttpStoredContext
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpmodulecontextcontainer-setmodulecontext-method
    fn set_module_context(&self, context: *mut IHttpStoredContext, module_id: HTTP_MODULE_ID) -> HRESULT {
        self.slots.set(
            "IHttpModuleContextContainer::SetModuleContext(IHttpStoredContext*, HTTP_MODULE_ID)",
            module_id as usize,
            context as usize,
        )
    }
}

/// `INamedContextContainer` (IHttpContext3::GetNamedContextContainer): stored contexts by name.
/// Names compare exactly (case-sensitive), as keys the module chose.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/inamedcontextcontainer-interface
#[derive(Default)]
pub struct NamedContainer {
    slots: Slots<Vec<WCHAR>>,
}

impl NamedContainer {
    /// The container ends with the request: each stored context gets `CleanupStoredContext`.
    pub fn end(&self) {
        cleanup(self.slots.take());
    }
}

impl NamedContextContainer for NamedContainer {
    /// NULL when nothing was stored under the name (or the name is NULL).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/inamedcontextcontainer-getnamedcontext-method
    fn get_named_context(&self, name: WStrArg<'_>) -> *mut IHttpStoredContext {
        name.units().map_or(0, |units| self.slots.get(&units.to_vec())) as *mut IHttpStoredContext
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/inamedcontextcontainer-setnamedcontext-method
    fn set_named_context(&self, context: *mut IHttpStoredContext, name: WStrArg<'_>) -> HRESULT {
        const METHOD: &str = "INamedContextContainer::SetNamedContext(IHttpStoredContext*, LPCWSTR)";
        let Some(units) = name.units() else {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "pszName is NULL");
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        self.slots.set(METHOD, units.to_vec(), context as usize)
    }
}

/// `IHttpConnectionModuleContextContainer` (IHttpConnection::GetModuleContextContainer):
/// connection stored contexts, which hear `NotifyDisconnect` when the connection closes, and
/// ordinary stored contexts, as any module container.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnectionmodulecontextcontainer-interface
#[derive(Default)]
pub struct ConnectionContainer {
    plain: ModuleContainer,
    connection: Slots<usize>,
}

impl ConnectionContainer {
    /// The connection closed: each connection stored context hears `NotifyDisconnect`, then
    /// every stored context gets `CleanupStoredContext`.
    pub fn disconnect(&self) {
        let connection = self.connection.take();
        for &context in &connection {
            module_call::notify_disconnect(context as *mut IHttpConnectionStoredContext);
        }
        cleanup(connection);
        self.plain.end();
    }
}

impl HttpModuleContextContainer for ConnectionContainer {
    fn get_module_context(&self, module_id: HTTP_MODULE_ID) -> *mut IHttpStoredContext {
        self.plain.get_module_context(module_id)
    }

    fn set_module_context(&self, context: *mut IHttpStoredContext, module_id: HTTP_MODULE_ID) -> HRESULT {
        self.plain.set_module_context(context, module_id)
    }
}

impl HttpConnectionModuleContextContainer for ConnectionContainer {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnectionmodulecontextcontainer-getconnectionmodulecontext-method
    fn get_connection_module_context(&self, module_id: HTTP_MODULE_ID) -> *mut IHttpConnectionStoredContext {
        self.connection.get(&(module_id as usize)) as *mut IHttpConnectionStoredContext
    }

    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpconnectionmodulecontextcontainer-setconnectionmodulecontext-method
    fn set_connection_module_context(
        &self,
        context: *mut IHttpConnectionStoredContext,
        module_id: HTTP_MODULE_ID,
    ) -> HRESULT {
        self.connection.set(
            "IHttpConnectionModuleContextContainer::SetConnectionModuleContext(IHttpConnectionStoredContext*, HTTP_MODULE_ID)",
            module_id as usize,
            context as usize,
        )
    }
}

/// `IDispensedHttpModuleContextContainer` (IHttpServer::DispenseContainer): a container the
/// module owns; `ReleaseContainer` cleans up its contexts and frees it.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/idispensedhttpmodulecontextcontainer-interface
#[derive(Default)]
pub struct DispensedContainer {
    plain: ModuleContainer,
    /// Set by `ReleaseContainer`.
    pub(crate) released: std::sync::atomic::AtomicBool,
}

impl HttpModuleContextContainer for DispensedContainer {
    fn get_module_context(&self, module_id: HTTP_MODULE_ID) -> *mut IHttpStoredContext {
        self.plain.get_module_context(module_id)
    }

    fn set_module_context(&self, context: *mut IHttpStoredContext, module_id: HTTP_MODULE_ID) -> HRESULT {
        self.plain.set_module_context(context, module_id)
    }
}

impl DispensedHttpModuleContextContainer for DispensedContainer {
    /// Cleans up every stored context. The memory stays with the server until it stops (a
    /// module calling the container after releasing it reaches an empty container, not freed
    /// memory), and a second release is reported.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/idispensedhttpmodulecontextcontainer-releasecontainer-method
    fn release_container(&self) {
        if self.released.swap(true, std::sync::atomic::Ordering::AcqRel) {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IDispensedHttpModuleContextContainer::ReleaseContainer()",
                "the container was already released",
            );
            return;
        }
        self.plain.end();
    }
}

impl DispensedContainer {
    /// At shutdown: a container the module never released still cleans up its contexts.
    pub fn end(&self) -> bool {
        let leaked = !self.released.swap(true, std::sync::atomic::Ordering::AcqRel);
        self.plain.end();
        leaked
    }
}
