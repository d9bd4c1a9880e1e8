//! GL_SUSPEND_PROCESS: IIS 8.5 and later can suspend an idle worker process instead of ending it
//! (the application pool's idle time-out action). Before it suspends, each global module that
//! subscribed gets `OnSuspendProcess` and may hand back an `IGlobalSuspendProcessCallback`;
//! when the process resumes to serve a request, each callback's `Resume` runs first.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants

use crate::diagnostics::DiagnosticKind;
use crate::ffi::module_call;
use crate::globals;
use crate::scope::{self, Sink};
use crate::trace::TraceEvent;
use crate::worker::LoadedModule;
use iissim_abi::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Whether the worker is suspended, and the callbacks to resume it with.
#[derive(Default)]
pub struct Suspension {
    suspended: AtomicBool,
    /// (module, `IGlobalSuspendProcessCallback*`) in the order the modules were notified.
    callbacks: Mutex<Vec<(Arc<str>, usize)>>,
}

impl Suspension {
    /// Raises GL_SUSPEND_PROCESS and keeps the callbacks. A worker already suspended stays so
    /// and nothing is raised.
    pub fn suspend(&self, modules: &[LoadedModule], sink: &Rc<Sink>) {
        let mut callbacks = self.callbacks.lock().unwrap_or_else(|e| e.into_inner());
        if self.suspended.swap(true, Ordering::AcqRel) {
            sink.record(TraceEvent::Host { what: "the worker is already suspended".into() });
            return;
        }
        sink.record(TraceEvent::Host { what: "suspending the worker process".into() });
        for module in globals::subscribers(modules, GL_SUSPEND_PROCESS) {
            let global = module.global_module.expect("subscribers have a global module") as *mut CGlobalModule;
            sink.record(TraceEvent::ModuleStart {
                module: module.name.clone(),
                notification: "GL_SUSPEND_PROCESS",
                post: false,
            });
            let (status, callback) = {
                let _scope = scope::enter(sink, Some(module.name.clone()), Some("GL_SUSPEND_PROCESS"));
                module_call::suspend_process(global)
            };
            if !callback.is_null() {
                callbacks.push((module.name.clone(), callback as usize));
            }
            sink.record(TraceEvent::ModuleEnd {
                module: module.name.clone(),
                notification: "GL_SUSPEND_PROCESS",
                post: false,
                status: globals::status_name(status),
            });
            if status == GL_NOTIFICATION_HANDLED {
                break;
            }
        }
    }

    /// Resumes a suspended worker: every callback's `Resume`, in the order they were given.
    pub fn resume_if_suspended(&self, sink: &Rc<Sink>) {
        if !self.suspended.load(Ordering::Acquire) {
            return;
        }
        let mut callbacks = self.callbacks.lock().unwrap_or_else(|e| e.into_inner());
        if !self.suspended.load(Ordering::Acquire) {
            return;
        }
        sink.record(TraceEvent::Host { what: "resuming the worker process".into() });
        for (module, callback) in callbacks.drain(..) {
            let _scope = scope::enter(sink, Some(module.clone()), Some("IGlobalSuspendProcessCallback::Resume"));
            let hr = module_call::resume_process(callback as *mut IGlobalSuspendProcessCallback);
            sink.record(TraceEvent::Host {
                what: format!("{module}: Resume returned {}", crate::error::describe_hresult(hr)),
            });
            if hr < 0 {
                scope::diagnose(
                    DiagnosticKind::Note,
                    "IGlobalSuspendProcessCallback::Resume()",
                    format!("failed with {}; the worker resumes anyway", crate::error::describe_hresult(hr)),
                );
            }
        }
        // Requests on other threads wait on the lock until every module has resumed.
        self.suspended.store(false, Ordering::Release);
    }

    pub fn is_suspended(&self) -> bool {
        self.suspended.load(Ordering::Acquire)
    }
}
