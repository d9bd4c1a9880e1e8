//! Request notifications raised from inside a host call rather than by the pipeline's steps:
//! RQ_CUSTOM_NOTIFICATION (`IHttpContext::NotifyCustomNotification`), RQ_MAP_PATH (whenever
//! the server maps a URL to a physical path) and RQ_READ_ENTITY (whenever a read of the request
//! entity returns data). Each goes to the request's module instances that
//! subscribed, in priority order, each in its own scope and traced as nested in the caller's
//! notification; RQ_NOTIFICATION_FINISH_REQUEST stops the rest.

use crate::ffi::module_call;
use crate::notifications::{status_name, Notification};
use crate::scope;
use crate::state::RequestState;
use crate::trace::TraceEvent;
use iissim_abi::*;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

/// The module instances a nested notification goes to, in order: (name, `CHttpModule*`).
pub type Targets = Vec<(Arc<str>, usize)>;

/// Marks a nested notification as running until dropped.
pub struct Running<'s>(&'s Cell<bool>);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// The subscribers of a nested notification, unless it has none or is already running (a
/// mapping or read a module asks for inside its own handler raises no second notification).
pub fn begin<'s>(targets: &RefCell<Targets>, running: &'s Cell<bool>) -> Option<(Targets, Running<'s>)> {
    let targets = targets.borrow();
    if targets.is_empty() || running.replace(true) {
        return None;
    }
    Some((targets.clone(), Running(running)))
}

/// Raises `notification` to `targets` (name, `CHttpModule*`) with `provider`.
pub fn raise(
    state: &RequestState,
    targets: &[(Arc<str>, usize)],
    notification: &Notification,
    provider: *mut IHttpEventProvider,
) {
    let sink = &state.sink;
    let context = state.objects.get().context;
    for (name, object) in targets {
        let events = sink.records_events();
        if events {
            sink.record(TraceEvent::ModuleStart { module: name.clone(), notification: notification.name, post: false });
        }
        let status = {
            let _scope = scope::enter(sink, Some(name.clone()), Some(notification.name));
            module_call::notify(*object as *mut CHttpModule, notification.pre, context, provider)
        };
        if events {
            sink.record(TraceEvent::ModuleEnd {
                module: name.clone(),
                notification: notification.name,
                post: false,
                status: status_name(status),
            });
        }
        if status == RQ_NOTIFICATION_FINISH_REQUEST {
            break;
        }
    }
}
