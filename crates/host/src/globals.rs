//! Global notifications: raised by the worker (application start and stop, stop listening) or
//! per request before any request notification (GL_PRE_BEGIN_REQUEST), to every module that
//! registered a `CGlobalModule` for them, by priority then configuration order.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-class

use crate::ffi::module_call::{self, GlobalHandler};
use crate::objects::registration::Priority;
use crate::scope::{self, Sink};
use crate::trace::TraceEvent;
use crate::worker::LoadedModule;
use iissim_abi::types::DWORD;
use iissim_abi::*;
use std::rc::Rc;
use std::sync::Arc;

/// The name of a `GLOBAL_NOTIFICATION_STATUS`, for traces.
pub fn status_name(status: GLOBAL_NOTIFICATION_STATUS) -> &'static str {
    match status {
        GL_NOTIFICATION_CONTINUE => "GL_NOTIFICATION_CONTINUE",
        GL_NOTIFICATION_HANDLED => "GL_NOTIFICATION_HANDLED",
        _ => "(not a GLOBAL_NOTIFICATION_STATUS)",
    }
}

/// The modules subscribed to global notification `bit`, in the order they run.
pub fn subscribers(modules: &[LoadedModule], bit: DWORD) -> Vec<&LoadedModule> {
    let mut chosen: Vec<&LoadedModule> =
        modules.iter().filter(|m| m.global_module.is_some() && m.global_mask & bit != 0).collect();
    chosen.sort_by_key(|m| m.global_priority(bit));
    chosen
}

/// Raises global notification `bit` (named `name`) on every subscriber until one returns
/// GL_NOTIFICATION_HANDLED; says whether one did.
pub fn raise(
    modules: &[LoadedModule],
    sink: &Rc<Sink>,
    bit: DWORD,
    name: &'static str,
    handler: GlobalHandler,
    provider: *mut IHttpEventProvider,
) -> bool {
    for module in subscribers(modules, bit) {
        let global = module.global_module.expect("subscribers have a global module") as *mut CGlobalModule;
        sink.record(TraceEvent::ModuleStart { module: module.name.clone(), notification: name, post: false });
        let status = {
            let _scope = scope::enter(sink, Some(module.name.clone()), Some(name));
            module_call::notify_global(global, handler, provider)
        };
        sink.record(TraceEvent::ModuleEnd {
            module: module.name.clone(),
            notification: name,
            post: false,
            status: status_name(status),
        });
        if status == GL_NOTIFICATION_HANDLED {
            return true;
        }
    }
    false
}

/// Raises a global notification from inside a module's call (NotifyCustomNotification,
/// NotifyConfigurationChange, RaiseTraceEvent, ...): to `targets` (name, `CGlobalModule*`) in
/// order, now, on this thread, recorded on the caller's trace, until one returns
/// GL_NOTIFICATION_HANDLED.
pub fn raise_nested(
    targets: &[(Arc<str>, usize)],
    notification: &'static str,
    handler: GlobalHandler,
    provider: *mut IHttpEventProvider,
) -> GLOBAL_NOTIFICATION_STATUS {
    for (name, global) in targets {
        scope::record(TraceEvent::ModuleStart { module: name.clone(), notification, post: false });
        let _scope = scope::enter_nested(name.clone(), notification);
        let status = module_call::notify_global(*global as *mut CGlobalModule, handler, provider);
        scope::record(TraceEvent::ModuleEnd {
            module: name.clone(),
            notification,
            post: false,
            status: status_name(status),
        });
        if status == GL_NOTIFICATION_HANDLED {
            return GL_NOTIFICATION_HANDLED;
        }
    }
    GL_NOTIFICATION_CONTINUE
}

/// The default priority of global notifications.
pub const DEFAULT_PRIORITY: Priority = Priority::Medium;
