//! The integrated request pipeline: module instances per request, the deterministic
//! notifications in IIS order, their post-notifications, and what each status does.
//!
//! - Only the notifications a module subscribed to reach it (the default handlers of the real
//!   header break into the debugger).
//! - Within a notification, modules run by registration priority, then configuration order.
//! - RQ_NOTIFICATION_FINISH_REQUEST ends request-level processing: no later module or
//!   notification runs except the end-of-request ones, RQ_LOG_REQUEST and RQ_END_REQUEST.
//!   https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-notification-status-enumeration
//! - Every module instance gets `Dispose` when the request ends.

use crate::auth::Outcome;
use crate::completion::{Completed, Woken};
use crate::diagnostics::DiagnosticKind;
use crate::exchange::{Request, Response};
use crate::ffi::module_call::{self, GlobalHandler};
use crate::globals;
use crate::handler;
use crate::notifications::{status_name, Notification, PIPELINE};
use crate::objects::RequestObjects;
use crate::scope::{self, Sink};
use crate::state::RequestState;
use crate::trace::TraceEvent;
use crate::worker::{LoadedModule, Worker};
use iissim_abi::*;
use std::rc::Rc;
use std::sync::Arc;

/// One module's instance for this request.
struct Instance<'w> {
    module: &'w LoadedModule,
    name: Arc<str>,
    object: *mut CHttpModule,
}

/// A request's state and host objects, made before it runs: a child request is made by
/// `IHttpContext::CloneContext`, changed by its module, and run later by `ExecuteRequest`.
pub struct Prepared {
    pub state: Rc<RequestState>,
    /// Always `Some` until dropped (see the `Drop` impl).
    objects: Option<Box<RequestObjects>>,
}

impl Prepared {
    /// The request's host objects.
    pub fn objects(&self) -> &RequestObjects {
        self.objects.as_deref().expect("a prepared request has its objects until it is dropped")
    }
}

impl Drop for Prepared {
    /// A request whose notification stayed pending past the limit ended without its
    /// completion: a module may still call its context, so its objects stay allocated (leaked
    /// on purpose) rather than be freed under the module.
    fn drop(&mut self) {
        if self.state.abandoned.get() {
            std::mem::forget(self.objects.take());
            std::mem::forget(self.state.clone());
        }
    }
}

/// The state and objects of `request`, recording into `sink`.
pub fn prepare(worker: &Worker, sink: Rc<Sink>, request: Request) -> Prepared {
    let mut state = RequestState::new(worker.site.clone(), worker.fragments(), sink, request);
    state.pending_timeout = worker.pending_timeout;
    state.worker = worker.shared();
    state.completion.report_late_to(worker.late_completions.clone());
    let state = Rc::new(state);
    let objects = RequestObjects::new(&state, worker.shared_objects());
    Prepared { state, objects: Some(objects) }
}

/// Runs one request from the client through the pipeline. A pending notification awaits its
/// completion without holding the thread (see `waiting.rs`).
pub async fn run(worker: &Worker, request: Request) -> Response {
    let sink = Sink::new(worker.trace_level);
    report_late_completions(worker, &sink);
    worker.suspension.resume_if_suspended(&sink);
    worker.recycle_if_asked(&sink);
    worker.raise_file_changes(&sink);
    let prepared = prepare(worker, sink.clone(), request);
    execute_async(worker, &prepared, true).await;
    worker.raise_thread_cleanup(&sink);
    // An abandoned request's objects outlive it (`Drop for Prepared`).
    finish(&prepared.state, sink)
}

/// Completions that came after their request ended (see `completion.rs`), reported on the next
/// request: the request they belonged to has no trace any more.
fn report_late_completions(worker: &Worker, sink: &Rc<Sink>) {
    let late = std::mem::take(&mut *worker.late_completions.lock().unwrap_or_else(|e| e.into_inner()));
    for (method, problem) in late {
        let _scope = scope::enter(sink, None, Some("late completion"));
        scope::diagnose(DiagnosticKind::ContractViolation, method, problem);
    }
}

/// [`execute_async`] on this thread, for requests run from inside a module call (child and
/// preload requests): a pending notification of theirs parks the thread until it completes.
pub fn execute(worker: &Worker, prepared: &Prepared, from_client: bool) {
    crate::waiting::block_on(execute_async(worker, prepared, from_client));
}

/// Module instances, GL_PRE_BEGIN_REQUEST (for a request from the client, not a child), the
/// notifications, `Dispose`, and the end of the request's objects. The response stays in the
/// request's state.
pub async fn execute_async(worker: &Worker, prepared: &Prepared, from_client: bool) {
    let (state, objects) = (&prepared.state, prepared.objects());
    let sink = &state.sink;
    let mut instances = Vec::new();
    let mut failed = false;
    for module in worker.modules.iter() {
        let Some(factory) = module.factory else { continue };
        let name = module.name.clone();
        let _scope = scope::enter(sink, Some(name.clone()), Some("GetHttpModule"));
        match module_call::get_http_module(factory as *mut IHttpModuleFactory, objects.allocator.as_ptr()) {
            Ok(object) if !object.is_null() => {
                state.subscriptions.borrow_mut().push((name.clone(), module.request_mask, module.post_mask));
                state.instances.borrow_mut().push((name.clone(), object as usize));
                instances.push(Instance { module, name, object })
            }
            Ok(_) => {
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    "IHttpModuleFactory::GetHttpModule",
                    "returned S_OK and a NULL module",
                );
                failed = true;
            }
            Err(hr) => {
                scope::diagnose(
                    DiagnosticKind::Note,
                    "IHttpModuleFactory::GetHttpModule",
                    format!("failed with {}; the request fails with 500", crate::error::describe_hresult(hr)),
                );
                failed = true;
            }
        }
    }

    *state.custom_targets.borrow_mut() = nested_targets(state, &instances, &crate::notifications::CUSTOM);
    *state.map_path_targets.borrow_mut() = nested_targets(state, &instances, &crate::notifications::MAP_PATH);
    *state.read_entity_targets.borrow_mut() = nested_targets(state, &instances, &crate::notifications::READ_ENTITY);

    // GL_PRE_BEGIN_REQUEST comes before any request notification; HANDLED ends the request
    // with the response as the global module left it.
    let handled = !failed
        && from_client
        && globals::raise(
            &worker.modules,
            sink,
            GL_PRE_BEGIN_REQUEST,
            "GL_PRE_BEGIN_REQUEST",
            GlobalHandler::PreBeginRequest,
            objects.pre_begin_request_provider.as_ptr(),
        );
    if !failed && !handled {
        // The URI cache looks the URL up before the request notifications.
        let trace = crate::objects::generated::thunks::HttpContext::get_trace_context(objects.context.inner());
        worker.uri_cache_lookup(state, trace);
    }
    if failed {
        let mut response = state.response.borrow_mut();
        *response = Default::default();
        response.status = 500;
        response.reason = "Internal Server Error".into();
    } else if !handled {
        run_notifications(worker, state, objects, &instances).await;
    }

    for instance in &instances {
        let _scope = scope::enter(sink, Some(instance.name.clone()), Some("Dispose"));
        module_call::dispose(instance.object);
    }
    end_user(state, objects);
    objects.end_request(sink);
    let request = state.request.borrow();
    state.completion.end(format!("{} {}", request.method, request.raw_target));
}

async fn run_notifications(
    worker: &Worker,
    state: &Rc<RequestState>,
    objects: &RequestObjects,
    instances: &[Instance<'_>],
) {
    let mut finished = false;
    // Slots up to here were merged into an earlier handler (GetNextNotification).
    let mut merged: Option<(usize, bool)> = None;
    for (index, notification) in PIPELINE.iter().enumerate() {
        let end_of_request = notification.bit == RQ_LOG_REQUEST || notification.bit == RQ_END_REQUEST;
        if finished && !end_of_request {
            continue;
        }
        if notification.bit == RQ_LOG_REQUEST {
            // The response goes out before it is logged.
            send_response(state, objects, instances).await;
        }
        if notification.bit == RQ_AUTHENTICATE_REQUEST && !finished && !state.user_given.get() {
            if let Outcome::Finished = worker.auth.authenticate(state, objects.host_user.inner()) {
                finished = true;
                continue;
            }
        }
        let mut finished_here = false;
        for post in [false, true] {
            if merged.is_some_and(|through| (index, post) <= through) {
                continue;
            }
            let provider = state.objects.get().provider_for(notification.bit, post);
            for instance in ordered(state, instances, notification, post) {
                state.position.set((index, post));
                let status = deliver(state, objects, instance, notification, post, provider).await;
                if let Some(through) = state.merged_through.take() {
                    // The module handled the notifications up to `through` in this call; its
                    // status is that of the last one.
                    merged = Some(through);
                    if status == RQ_NOTIFICATION_CONTINUE {
                        break;
                    }
                }
                match status {
                    RQ_NOTIFICATION_CONTINUE => {}
                    RQ_NOTIFICATION_FINISH_REQUEST => {
                        finished_here = true;
                        break;
                    }
                    other => {
                        let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(notification.name));
                        scope::diagnose(
                            DiagnosticKind::ContractViolation,
                            "REQUEST_NOTIFICATION_STATUS",
                            format!("handler returned {other}, which is not a REQUEST_NOTIFICATION_STATUS; treated as RQ_NOTIFICATION_FINISH_REQUEST"),
                        );
                        finished_here = true;
                        break;
                    }
                }
            }
            if finished_here {
                break;
            }
            // Users are set in the pre-notification (IAuthenticationProvider::SetUser): a request
            // without one by then ends with 401.2, before any post-notification sees it.
            if !post && notification.bit == RQ_AUTHENTICATE_REQUEST && !state.user_given.get() {
                if let Outcome::Finished = worker.auth.require_user(state) {
                    finished_here = true;
                    break;
                }
            }
        }
        if notification.bit == RQ_EXECUTE_REQUEST_HANDLER && !finished_here && !state.handled.get() {
            handler::static_file(state);
        }
        if finished_here {
            if notification.bit == RQ_END_REQUEST {
                break;
            }
            finished = true;
        }
    }
}

/// RQ_SEND_RESPONSE to every module that subscribed, in reverse order, with the provider that
/// lets them change the send flags and the log data.
async fn send_response(state: &Rc<RequestState>, objects: &RequestObjects, instances: &[Instance<'_>]) {
    let n = &crate::notifications::SEND_RESPONSE;
    let subscribed = ordered(state, instances, n, false);
    if subscribed.is_empty() {
        return;
    }
    objects.send_response_provider.inner().start(state);
    for instance in subscribed.into_iter().rev() {
        let status = deliver(state, objects, instance, n, false, objects.send_response_provider.as_ptr()).await;
        if status != RQ_NOTIFICATION_CONTINUE {
            break;
        }
    }
}

/// The instances that subscribed to this notification (or its post-notification), in order.
/// The instances that receive a nested notification (see `nested.rs`), in priority order, as
/// (name, `CHttpModule*`). Most requests have none: a mask test skips the sort.
fn nested_targets(state: &RequestState, instances: &[Instance<'_>], n: &Notification) -> crate::nested::Targets {
    if !instances.iter().any(|i| i.module.request_mask & n.bit != 0) {
        return Vec::new();
    }
    ordered(state, instances, n, false).iter().map(|i| (i.name.clone(), i.object as usize)).collect()
}

fn ordered<'a, 'w>(
    state: &RequestState,
    instances: &'a [Instance<'w>],
    n: &Notification,
    post: bool,
) -> Vec<&'a Instance<'w>> {
    let mut chosen: Vec<&Instance<'w>> = instances
        .iter()
        .filter(|i| {
            let (off, post_off) = state.disabled_for(&i.name);
            if post {
                i.module.post_mask & !post_off & n.bit != 0
            } else {
                i.module.request_mask & !off & n.bit != 0
            }
        })
        .collect();
    // A stable sort keeps configuration order within a priority.
    chosen.sort_by_key(|i| i.module.priority(n.bit, post));
    chosen
}

async fn deliver(
    state: &RequestState,
    objects: &RequestObjects,
    instance: &Instance<'_>,
    n: &Notification,
    post: bool,
    provider: *mut IHttpEventProvider,
) -> REQUEST_NOTIFICATION_STATUS {
    let context = objects.context.as_ptr();
    let events = state.sink.records_events();
    if events {
        state.sink.record(TraceEvent::ModuleStart { module: instance.name.clone(), notification: n.name, post });
    }
    let name = if post { n.post_name } else { n.name };
    state.completion.arm();
    let mut status = {
        let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
        module_call::notify(instance.object, if post { n.post } else { n.pre }, context, provider)
    };
    run_posted_routines(state, instance, name);
    // RQ_NOTIFICATION_PENDING: wait for IndicateCompletion, PostCompletion or the asynchronous
    // operation the module started, then go on with the status it gives (OnAsyncCompletion's,
    // or the completion callback's).
    while status == RQ_NOTIFICATION_PENDING {
        // Each time the notification goes pending it has the whole limit.
        let mut deadline = crate::waiting::Deadline::after(state.pending_timeout);
        if events {
            state.sink.record(TraceEvent::Host { what: format!("{} left {name} pending", instance.name) });
        }
        let completed = loop {
            let impersonation = crate::ffi::host_services::swap_thread_token(0);
            let woken = state.completion.wait(&mut deadline).await;
            crate::ffi::host_services::swap_thread_token(impersonation);
            match woken {
                Woken::Completed(completed) => break Some(completed),
                Woken::TimedOut => break None,
                // Routines posted from another thread while the notification waits.
                Woken::Routines => run_posted_routines(state, instance, name),
            }
        };
        report_completion_problems(state, instance, name);
        let on_async_completion = || {
            // After GetNextNotification the module waits in the notification it took over.
            let (bit, post, provider) = match state.merged_through.get() {
                Some((index, merged_post)) => {
                    let bit = PIPELINE[index].bit;
                    (bit, merged_post, state.objects.get().provider_for(bit, merged_post))
                }
                None => (n.bit, post, provider),
            };
            module_call::on_async_completion(
                instance.object,
                context,
                bit,
                post,
                provider,
                objects.completion_info.as_ptr(),
            )
        };
        status = match completed {
            Some(Completed::Indicated(indicated)) => {
                if events {
                    state
                        .sink
                        .record(TraceEvent::Host { what: format!("IndicateCompletion({})", status_name(indicated)) });
                }
                indicated
            }
            Some(Completed::Posted(bytes)) => {
                if events {
                    state.sink.record(TraceEvent::Host { what: format!("PostCompletion({bytes}): OnAsyncCompletion") });
                }
                objects.completion_info.inner().set(bytes, 0, 0);
                let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
                on_async_completion()
            }
            Some(Completed::Io(io)) => {
                if events {
                    let to = if io.callback.is_some() { "the completion callback" } else { "OnAsyncCompletion" };
                    state.sink.record(TraceEvent::Host {
                        what: format!(
                            "{} completed ({} bytes, {}): {to}",
                            io.method.split('(').next().unwrap_or(io.method),
                            io.bytes,
                            crate::error::describe_hresult(io.status)
                        ),
                    });
                }
                objects.completion_info.inner().set(io.bytes, io.status, 0);
                let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
                match io.callback {
                    Some((callback, callback_context)) => module_call::call_async_callback(
                        callback,
                        context,
                        objects.completion_info.as_ptr(),
                        callback_context,
                    ),
                    None => on_async_completion(),
                }
            }
            None => {
                let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
                scope::diagnose(
                    DiagnosticKind::ContractViolation,
                    "REQUEST_NOTIFICATION_STATUS",
                    format!(
                        "returned RQ_NOTIFICATION_PENDING and no completion came within {} ms \
                         ([pipeline] pending_timeout_ms); the request ends with 500, and its objects stay \
                         allocated so that a late completion cannot reach freed memory",
                        state.pending_timeout.as_millis()
                    ),
                );
                state.abandoned.set(true);
                // Its completion may still come: from now on it is late, whatever runs.
                let request = state.request.borrow();
                state.completion.end(format!("{} {}", request.method, request.raw_target));
                drop(request);
                let mut response = state.response.borrow_mut();
                response.status = 500;
                response.substatus = 0;
                response.reason = "Internal Server Error".into();
                RQ_NOTIFICATION_FINISH_REQUEST
            }
        };
        run_posted_routines(state, instance, name);
    }
    // A completion nobody waited for: the module completed (or started an asynchronous
    // operation in) a notification it did not leave pending.
    if let Some(left) = state.completion.disarm() {
        let (method, what) = match left {
            Completed::Indicated(_) => {
                ("IHttpContext::IndicateCompletion(REQUEST_NOTIFICATION_STATUS)", "its completion")
            }
            Completed::Posted(_) => ("IHttpContext::PostCompletion(DWORD)", "its completion"),
            Completed::Io(io) => (io.method, "the completion of its asynchronous operation"),
        };
        let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
        scope::diagnose(
            DiagnosticKind::ContractViolation,
            method,
            format!(
                "the notification returned {} instead of RQ_NOTIFICATION_PENDING, so {what} has no taker and is dropped \
                 (a module that starts an asynchronous operation returns RQ_NOTIFICATION_PENDING at once)",
                status_name(status)
            ),
        );
    }
    report_completion_problems(state, instance, name);
    if events {
        state.sink.record(TraceEvent::ModuleEnd {
            module: instance.name.clone(),
            notification: n.name,
            post,
            status: status_name(status),
        });
    }
    status
}

/// Completions another thread (or this one) made that were refused, on this module's scope.
fn report_completion_problems(state: &RequestState, instance: &Instance<'_>, name: &'static str) {
    for (method, problem) in state.completion.take_problems() {
        let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
        scope::diagnose(DiagnosticKind::ContractViolation, method, problem);
    }
}

/// The completion routines a module posted (IHttpContext3::PostCompletion) while its
/// notification ran, now that it returned: each on this thread, in order, in the module's scope.
fn run_posted_routines(state: &RequestState, instance: &Instance<'_>, name: &'static str) {
    loop {
        let routines = state.completion.take_routines();
        if routines.is_empty() {
            return;
        }
        for (routine, bytes, context) in routines {
            state
                .sink
                .record(TraceEvent::Host { what: format!("completion routine of {} ({bytes} bytes)", instance.name) });
            let _scope = scope::enter(&state.sink, Some(instance.name.clone()), Some(name));
            module_call::call_routine(routine, bytes, context);
        }
    }
}

/// Whether `module` has a deterministic notification after the current one (GetIsLastNotification):
/// one it subscribed to and did not disable, among those a request ending with `status` still runs.
pub fn has_later_notification(
    state: &RequestState,
    module: &str,
    current: Option<&str>,
    status: REQUEST_NOTIFICATION_STATUS,
) -> bool {
    let Some((request, post)) =
        state.subscriptions.borrow().iter().find(|(m, ..)| &**m == module).map(|(_, r, p)| (*r, *p))
    else {
        return false;
    };
    let (off, post_off) = state.disabled_for(module);
    let (request, post) = (request & !off, post & !post_off);
    let now = state.position.get();
    // RQ_SEND_RESPONSE comes just before RQ_LOG_REQUEST, whatever the status.
    let send = crate::notifications::SEND_RESPONSE.bit;
    let log = PIPELINE.iter().position(|n| n.bit == RQ_LOG_REQUEST).unwrap_or(PIPELINE.len());
    if request & send != 0 && current != Some(crate::notifications::SEND_RESPONSE.name) && now < (log, false) {
        return true;
    }
    PIPELINE.iter().enumerate().any(|(index, n)| {
        let runs = status != RQ_NOTIFICATION_FINISH_REQUEST || n.bit == RQ_LOG_REQUEST || n.bit == RQ_END_REQUEST;
        runs && [(false, request), (true, post)]
            .iter()
            .any(|(is_post, mask)| (index, *is_post) > now && mask & n.bit != 0)
    })
}

/// Where `IHttpContext::GetNextNotification` takes the calling module: the next notification
/// (or post-notification) that has a handler, as (index in `PIPELINE`, post, the handler's
/// `CHttpModule*`). The page allows it only when no other handler runs in between: the caller
/// must be the last handler of the current notification, the next one must have exactly one,
/// and nothing the server does itself (authentication, the static file handler, sending the
/// response) may lie between. `Err` says why not, for the trace.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getnextnotification-method
pub fn next_notification(
    state: &RequestState,
    module: &str,
    notification: &str,
    status: REQUEST_NOTIFICATION_STATUS,
) -> Result<(usize, bool, usize), String> {
    if status != RQ_NOTIFICATION_CONTINUE {
        return Err(format!("the current notification would end with {}", status_name(status)));
    }
    if !PIPELINE.iter().any(|n| n.name == notification || n.post_name == notification) {
        return Err(format!("{notification} is not one of the request's deterministic notifications"));
    }
    let (index, post) = state.position.get();
    let worker = state.worker.upgrade().ok_or("the worker is gone")?;
    // After a merge the module stands in for the one handler of the merged slot, so it may
    // merge on from there.
    if state.merged_through.get() != Some((index, post)) {
        let here = slot_modules(state, &worker, index, post);
        if here.last().map(|(name, _)| &**name) != Some(module) {
            return Err(format!("{notification} still has {} to run after {module}", names(&here, module)));
        }
    }
    let slots = (index..PIPELINE.len()).flat_map(|i| [(i, false), (i, true)]).filter(|&slot| slot > (index, post));
    for (i, p) in slots {
        if let Some(what) = server_work_before(i, p) {
            return Err(format!("{what} comes before the next handler"));
        }
        let handlers = slot_modules(state, &worker, i, p);
        match handlers.as_slice() {
            [] => continue,
            [(_, object)] => return Ok((i, p, *object)),
            _ => {
                let n = &PIPELINE[i];
                return Err(format!("{} has {} handlers", if p { n.post_name } else { n.name }, handlers.len()));
            }
        }
    }
    Err("no later notification has a handler".into())
}

/// The modules that handle a notification slot this request, in order, with their instances.
fn slot_modules(state: &RequestState, worker: &Worker, index: usize, post: bool) -> Vec<(Arc<str>, usize)> {
    let n = &PIPELINE[index];
    let subscriptions = state.subscriptions.borrow();
    let instances = state.instances.borrow();
    let mut chosen: Vec<_> = subscriptions
        .iter()
        .zip(instances.iter())
        .filter(|((name, request, post_mask), _)| {
            let (off, post_off) = state.disabled_for(name);
            if post {
                post_mask & !post_off & n.bit != 0
            } else {
                request & !off & n.bit != 0
            }
        })
        .map(|((name, ..), (_, object))| {
            let priority = worker.modules.iter().find(|m| m.name == *name).map(|m| m.priority(n.bit, post));
            (priority, name.clone(), *object)
        })
        .collect();
    chosen.sort_by_key(|(priority, ..)| *priority);
    chosen.into_iter().map(|(_, name, object)| (name, object)).collect()
}

/// The other modules of `handlers` after `module`, named for the trace.
fn names(handlers: &[(Arc<str>, usize)], module: &str) -> String {
    let after: Vec<&str> = handlers.iter().map(|(n, _)| &**n).skip_while(|n| *n != module).skip(1).collect();
    if after.is_empty() {
        "other modules".into()
    } else {
        after.join(", ")
    }
}

/// What the server itself does just before a notification slot, which a merge may not skip.
fn server_work_before(index: usize, post: bool) -> Option<&'static str> {
    let bit = PIPELINE[index].bit;
    match (bit, post) {
        (RQ_AUTHENTICATE_REQUEST, false) => Some("built-in authentication"),
        (RQ_AUTHENTICATE_REQUEST, true) => Some("the check for an authenticated user"),
        (RQ_LOG_REQUEST, false) => Some("sending the response"),
        _ if !post && index > 0 && PIPELINE[index - 1].bit == RQ_EXECUTE_REQUEST_HANDLER => {
            Some("the static file handler")
        }
        _ => None,
    }
}

/// Gives back the host's reference on a module's user, and reports references a module took
/// on the host's user and never released.
fn end_user(state: &RequestState, objects: &RequestObjects) {
    let user = state.user.get();
    if !user.is_null() && user != state.objects.get().host_user {
        module_call::dereference_user(user);
    }
    {
        let left = objects.host_user.inner().outstanding_references();
        if left > 0 {
            let _scope = scope::enter(&state.sink, None, Some("EndRequest"));
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IHttpUser::ReferenceUser()",
                format!("{left} reference(s) to the request's user were never released with DereferenceUser"),
            );
        }
    }
}

/// The response as the client receives it.
fn finish(state: &RequestState, sink: Rc<Sink>) -> Response {
    let data = handler::final_response(state);
    let mut headers = if data.headers_suppressed { vec![] } else { data.headers };
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("Content-Length")) {
        headers.push(("Content-Length".into(), data.body.len().to_string()));
    }
    let connection = if data.reset_connection || data.close_connection {
        crate::exchange::ConnectionEnd::Reset
    } else if data.need_disconnect {
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Connection"));
        headers.push(("Connection".into(), "close".into()));
        crate::exchange::ConnectionEnd::CloseAfterResponse
    } else {
        crate::exchange::ConnectionEnd::KeepAlive
    };
    let trace = sink.take_trace();
    let diagnostics = trace
        .events
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Diagnostic(d) => Some(d.clone()),
            _ => None,
        })
        .collect();
    let request = state.request.borrow();
    let host = state.request_header("Host").unwrap_or_else(|| state.site.server_name.clone());
    Response {
        method: request.method.clone(),
        url: format!("http://{host}{}", request.raw_target),
        site_id: state.site.id,
        status: data.status,
        substatus: data.substatus,
        reason: data.reason,
        headers,
        body: data.body,
        trace,
        diagnostics,
        connection,
    }
}
