//! The worker: the loaded modules and the server objects, shared by every request
//! (IIS's w3wp). `Worker::execute` is the one entry point of both doors (HTTP and harness).

use crate::auth::Authentication;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::error::LoadError;
use crate::exchange::{Request, Response};
use crate::ffi::loader::Image;
use crate::ffi::module_call;
use crate::ffi::module_call::GlobalHandler;
use crate::globals;
use crate::identity::tokens;
use crate::objects::application::Application;
use crate::objects::generated::thunks::{
    global_stop_listening_provider_vtable, http_application2_vtable, http_application_provider_vtable,
    http_module_registration_info2_vtable, http_server3_vtable,
};
use crate::objects::global_providers::{GlobalStopListeningProvider, HttpApplicationProvider};
use crate::objects::registration::{Priority, Registration};
use crate::objects::server::Server;
use crate::objects::ComObj;
use crate::scope::{self, Sink};
use crate::site::Site;
use crate::trace::{Trace, TraceEvent};
use iissim_abi::types::{DWORD, HRESULT};
use iissim_abi::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The IIS major version passed to `RegisterModule` (iissim behaves as IIS 10).
pub const SERVER_VERSION: DWORD = 10;

/// One module as registered.
pub struct LoadedModule {
    pub name: Arc<str>,
    /// Dropped last: the objects above may point into the image. None for a module another
    /// module added (GL_APPLICATION_RESOLVE_MODULES), which lives in that module's image.
    image: Option<Image>,
    registration: Box<ComObj<Registration>>,
    pub factory: Option<usize>,
    pub request_mask: DWORD,
    pub post_mask: DWORD,
    pub global_module: Option<usize>,
    pub global_mask: DWORD,
    request_priorities: Vec<(DWORD, Priority)>,
    post_priorities: Vec<(DWORD, Priority)>,
    global_priorities: Vec<(DWORD, Priority)>,
}

impl LoadedModule {
    /// The module's priority for a notification (MEDIUM unless it set one).
    pub fn priority(&self, bit: DWORD, post: bool) -> Priority {
        let list = if post { &self.post_priorities } else { &self.request_priorities };
        list.iter().rev().find(|(b, _)| b & bit != 0).map_or(Priority::Medium, |(_, p)| *p)
    }

    /// The module's priority for a global notification (MEDIUM unless it set one).
    pub fn global_priority(&self, bit: DWORD) -> Priority {
        self.global_priorities.iter().rev().find(|(b, _)| b & bit != 0).map_or(globals::DEFAULT_PRIORITY, |(_, p)| *p)
    }
}

/// A module image to load: its configured name and the file.
pub struct ModuleImage {
    pub name: String,
    pub path: PathBuf,
}

/// Loaded modules and the objects every request shares.
pub struct Worker {
    /// Every global notification some module subscribed to (checked on every request, so
    /// computed once).
    global_mask: DWORD,
    /// This worker, for the requests it runs (child requests need it).
    this: std::sync::Weak<Worker>,
    pub(crate) modules: Vec<LoadedModule>,
    server: Box<ComObj<Server>>,
    application: Box<ComObj<Application>>,
    /// The site as `IHttpContext::GetSite` hands it out.
    site_object: Box<ComObj<crate::objects::site::SiteObject>>,
    pub(crate) site: Arc<Site>,
    pub(crate) auth: Arc<Authentication>,
    pub(crate) trace_level: crate::config::TraceLevel,
    /// How long a notification may stay pending.
    pub(crate) pending_timeout: std::time::Duration,
    /// Completions that came after their request ended; the next request reports them.
    pub(crate) late_completions: crate::completion::LateCompletions,
    /// Whether the worker is suspended (GL_SUSPEND_PROCESS), and how to resume it.
    pub(crate) suspension: crate::suspension::Suspension,
    /// What happened while the modules registered and the application started.
    lifecycle: std::sync::OnceLock<Trace>,
    /// Which requests keep a FREB file, and where.
    freb_rule: crate::config::TraceConfig,
    freb: Option<crate::freb::FrebWriter>,
}

impl Worker {
    /// Loads each image in order and calls its `RegisterModule`.
    ///
    /// The worker comes in an `Arc` that it can reach from its own requests (child requests
    /// run the pipeline again from inside a module call).
    pub fn new(config: &Config, images: &[ModuleImage]) -> Result<Arc<Worker>, LoadError> {
        let auth = Arc::new(Authentication::new(config, tokens()));
        let physical_path = config.resolve(&config.site.physical_path);
        let site = Arc::new(Site {
            name: config.site.name.clone(),
            id: config.site.id,
            root: crate::server_variables::absolute_root(&physical_path),
            physical_path,
            server_name: "localhost".into(),
        });
        let server =
            Box::new(ComObj::new(http_server3_vtable::<Server>(), Server::new(crate::server_variables::APP_POOL_NAME)));
        let site_object = Box::new(ComObj::new(
            crate::objects::generated::thunks::http_site_vtable::<crate::objects::site::SiteObject>(),
            crate::objects::site::SiteObject::new(&site),
        ));
        let application = Box::new(ComObj::new(http_application2_vtable::<Application>(), Application::new(&site)));
        let sink = Sink::new(crate::config::TraceLevel::Default);
        server.inner().set_authentication(auth.clone());
        server.inner().set_worker_facts(&site, auth.anonymous_token());
        let mut modules = Vec::with_capacity(images.len());
        for image in images {
            modules.push(load(image, &server, &sink)?);
        }
        server.inner().set_global_targets(
            [GL_CUSTOM_NOTIFICATION, GL_CONFIGURATION_CHANGE, GL_FILE_CHANGE, GL_CACHE_OPERATION, GL_HEALTH_CHECK]
                .into_iter()
                .map(|bit| {
                    let targets = globals::subscribers(&modules, bit)
                        .iter()
                        .map(|m| (m.name.clone(), m.global_module.expect("subscribers have a global module")))
                        .collect();
                    (bit, targets)
                })
                .collect(),
        );
        server.inner().trace_hub.set_targets(
            globals::subscribers(&modules, GL_TRACE_EVENT)
                .iter()
                .map(|m| (m.name.clone(), m.global_module.expect("subscribers have a global module")))
                .collect(),
        );
        // The application starts once every module has registered.
        let provider = ComObj::new(
            http_application_provider_vtable::<HttpApplicationProvider>(),
            HttpApplicationProvider::new(application.as_ptr()),
        );
        globals::raise(
            &modules,
            &sink,
            GL_APPLICATION_START,
            "GL_APPLICATION_START",
            GlobalHandler::ApplicationStart,
            provider.as_ptr(),
        );
        // Modules may add request modules to the application (GL_APPLICATION_RESOLVE_MODULES).
        if modules_subscribe(&modules, GL_APPLICATION_RESOLVE_MODULES) {
            let resolve = ComObj::new(
                crate::objects::generated::thunks::http_application_resolve_modules_provider_vtable::<
                    crate::objects::global_providers::ResolveModulesProvider,
                >(),
                crate::objects::global_providers::ResolveModulesProvider::new(
                    application.as_ptr(),
                    modules.iter().map(|m| m.name.to_string()).collect(),
                    crate::server_variables::APP_POOL_NAME,
                ),
            );
            globals::raise(
                &modules,
                &sink,
                GL_APPLICATION_RESOLVE_MODULES,
                "GL_APPLICATION_RESOLVE_MODULES",
                GlobalHandler::ResolveModules,
                resolve.as_ptr(),
            );
            for added in resolve.inner().resolved.take() {
                sink.record(TraceEvent::Host { what: format!("module {} added to the application", added.name) });
                modules.push(LoadedModule {
                    registration: Box::new(ComObj::new(
                        http_module_registration_info2_vtable::<Registration>(),
                        Registration::new(&added.name),
                    )),
                    name: Arc::from(added.name.as_str()),
                    image: None,
                    factory: Some(added.factory),
                    request_mask: added.request_mask,
                    post_mask: added.post_mask,
                    global_module: None,
                    global_mask: 0,
                    request_priorities: added.priorities,
                    post_priorities: Vec::new(),
                    global_priorities: Vec::new(),
                });
            }
        }
        let global_mask = modules.iter().filter(|m| m.global_module.is_some()).fold(0, |mask, m| mask | m.global_mask);
        let worker = Arc::new_cyclic(|this| Worker {
            global_mask,
            this: this.clone(),
            modules,
            server,
            application,
            site_object,
            site,
            auth,
            trace_level: config.trace.level,
            pending_timeout: std::time::Duration::from_millis(config.pipeline.pending_timeout_ms),
            late_completions: Default::default(),
            suspension: Default::default(),
            lifecycle: std::sync::OnceLock::new(),
            freb_rule: config.trace.clone(),
            freb: config.trace.freb_dir.as_ref().map(|d| crate::freb::FrebWriter::new(config.resolve(d))),
        });
        // GL_APPLICATION_PRELOAD comes after the application started, once the worker can run
        // the requests a module makes of it.
        if modules_subscribe(&worker.modules, GL_APPLICATION_PRELOAD) {
            let provider = ComObj::new(
                crate::objects::generated::thunks::global_application_preload_provider2_vtable::<
                    crate::objects::global_providers::ApplicationPreloadProvider,
                >(),
                crate::objects::global_providers::ApplicationPreloadProvider::new(
                    Arc::downgrade(&worker),
                    sink.clone(),
                ),
            );
            globals::raise(
                &worker.modules,
                &sink,
                GL_APPLICATION_PRELOAD,
                "GL_APPLICATION_PRELOAD",
                GlobalHandler::ApplicationPreload,
                provider.as_ptr(),
            );
        }
        let _ = worker.lifecycle.set(sink.take_trace());
        Ok(worker)
    }

    /// This worker, shared.
    pub(crate) fn shared(&self) -> std::sync::Weak<Worker> {
        self.this.clone()
    }

    /// GL_FILE_CHANGE for each file that changed under a directory a module watches
    /// (RegisterFileChangeMonitor), before the next request starts.
    /// A recycle a module asked for (IHttpServer::RecycleApplication) happens before the next
    /// request: GL_APPLICATION_STOP, the application's stored contexts cleaned up, then
    /// GL_APPLICATION_START, on the trace of that request.
    pub(crate) fn recycle_if_asked(&self, sink: &std::rc::Rc<Sink>) {
        let Some(path) = self.server.inner().take_recycle() else { return };
        let ours = format!("MACHINE/WEBROOT/APPHOST/{}", self.site.name);
        if !path.trim_end_matches('/').eq_ignore_ascii_case(&ours) {
            let _scope = scope::enter(sink, None, Some("RecycleApplication"));
            scope::diagnose(
                DiagnosticKind::Note,
                "IHttpServer::RecycleApplication(PCWSTR)",
                format!("no application at {path:?} (the site's is {ours:?}); nothing recycled"),
            );
            return;
        }
        sink.record(TraceEvent::Host { what: format!("recycling the application {ours}") });
        let provider = ComObj::new(
            http_application_provider_vtable::<HttpApplicationProvider>(),
            HttpApplicationProvider::new(self.application.as_ptr()),
        );
        globals::raise(
            &self.modules,
            sink,
            GL_APPLICATION_STOP,
            "GL_APPLICATION_STOP",
            GlobalHandler::ApplicationStop,
            provider.as_ptr(),
        );
        {
            let _scope = scope::enter(sink, None, Some("GL_APPLICATION_STOP"));
            self.application.inner().end();
        }
        globals::raise(
            &self.modules,
            sink,
            GL_APPLICATION_START,
            "GL_APPLICATION_START",
            GlobalHandler::ApplicationStart,
            provider.as_ptr(),
        );
    }

    pub(crate) fn raise_file_changes(&self, sink: &std::rc::Rc<Sink>) {
        for (file, monitor) in self.server.inner().file_changes() {
            let provider = ComObj::new(
                crate::objects::generated::thunks::global_file_change_provider_vtable::<
                    crate::objects::global_providers::FileChangeProvider,
                >(),
                crate::objects::global_providers::FileChangeProvider::new(&file, monitor),
            );
            sink.record(TraceEvent::Host { what: format!("file change of {file}") });
            globals::raise(
                &self.modules,
                sink,
                GL_FILE_CHANGE,
                "GL_FILE_CHANGE",
                GlobalHandler::FileChange,
                provider.as_ptr(),
            );
        }
    }

    /// GL_FILE_CHANGE for what changed under the directories modules watch
    /// (`RegisterFileChangeMonitor`) since the last look. Every request looks first;
    /// `iissim serve` also looks between requests, so a change reaches the modules while the
    /// site is idle.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalfilechange-method
    pub fn watch_files(&self) -> Trace {
        let sink = Sink::new(self.trace_level);
        self.raise_file_changes(&sink);
        sink.take_trace()
    }

    /// Whether some module watches a directory.
    pub fn watches_files(&self) -> bool {
        self.server.inner().watches_files()
    }

    /// GL_THREAD_CLEANUP once a request is done with its thread, when a module subscribed.
    pub(crate) fn raise_thread_cleanup(&self, sink: &std::rc::Rc<Sink>) {
        if self.global_mask & GL_THREAD_CLEANUP == 0 {
            return;
        }
        let provider = ComObj::new(
            crate::objects::generated::thunks::global_thread_cleanup_provider_vtable::<
                crate::objects::global_providers::ThreadCleanupProvider,
            >(),
            crate::objects::global_providers::ThreadCleanupProvider::new(self.application.as_ptr()),
        );
        globals::raise(
            &self.modules,
            sink,
            GL_THREAD_CLEANUP,
            "GL_THREAD_CLEANUP",
            GlobalHandler::ThreadCleanup,
            provider.as_ptr(),
        );
    }

    /// A Run-Time Status and Control query, as IIS's management tools send one: GL_RSCA_QUERY
    /// to the subscribed global modules, in order, until one handles it.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalrscaquery-method
    pub fn rsca_query(&self, function: &str, parameters: &str) -> RscaAnswer {
        let sink = Sink::new(self.trace_level);
        let provider = ComObj::new(
            crate::objects::generated::thunks::global_rsca_query_provider_vtable::<
                crate::objects::global_providers::RscaQueryProvider,
            >(),
            crate::objects::global_providers::RscaQueryProvider::new(function, parameters),
        );
        sink.record(TraceEvent::Host { what: format!("RSCA query {function}({parameters})") });
        let handled = globals::raise(
            &self.modules,
            &sink,
            GL_RSCA_QUERY,
            "GL_RSCA_QUERY",
            GlobalHandler::RscaQuery,
            provider.as_ptr(),
        );
        let (hr, output) = provider.inner().answer();
        RscaAnswer { handled, hr, output, trace: sink.take_trace() }
    }

    /// A health-related operation, like the pings WAS sends a worker: GL_HEALTH_CHECK to every
    /// global module that subscribed. (`IHttpServer::ReportUnhealthy` raises it too.)
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalhealthcheck-method
    pub fn health_check(&self) -> Trace {
        let sink = Sink::new(self.trace_level);
        sink.record(TraceEvent::Host { what: "health check".into() });
        globals::raise(
            &self.modules,
            &sink,
            GL_HEALTH_CHECK,
            "GL_HEALTH_CHECK",
            GlobalHandler::HealthCheck,
            std::ptr::null_mut(),
        );
        sink.take_trace()
    }

    /// The site's configuration changed while serving: GL_CONFIGURATION_CHANGE with the site's
    /// configuration path to every global module that subscribed. (The modules keep running as
    /// loaded; a changed module list takes a restart.)
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/cglobalmodule-onglobalconfigurationchange-method
    pub fn configuration_changed(&self) -> Trace {
        let sink = Sink::new(self.trace_level);
        let path = format!("MACHINE/WEBROOT/APPHOST/{}", self.site.name);
        sink.record(TraceEvent::Host { what: format!("configuration change of {path}") });
        let provider = ComObj::new(
            crate::objects::generated::thunks::global_configuration_change_provider_vtable::<
                crate::objects::global_providers::ConfigurationChangeProvider,
            >(),
            crate::objects::global_providers::ConfigurationChangeProvider::new(&path),
        );
        globals::raise(
            &self.modules,
            &sink,
            GL_CONFIGURATION_CHANGE,
            "GL_CONFIGURATION_CHANGE",
            GlobalHandler::ConfigurationChange,
            provider.as_ptr(),
        );
        sink.take_trace()
    }

    /// Suspends the worker as an idle time-out does when the pool's action is Suspend:
    /// GL_SUSPEND_PROCESS now; the next request (or shutdown) first resumes it, calling the
    /// callbacks the modules gave (see `suspension.rs`).
    pub fn suspend(&self) -> Trace {
        let sink = Sink::new(self.trace_level);
        self.suspension.suspend(&self.modules, &sink);
        sink.take_trace()
    }

    /// Whether the worker is suspended and waits for a request to resume it.
    pub fn is_suspended(&self) -> bool {
        self.suspension.is_suspended()
    }

    /// The trace configuration every trace context shares.
    pub(crate) fn trace_hub(&self) -> Arc<crate::objects::trace_context::TraceHub> {
        self.server.inner().trace_hub.clone()
    }

    /// The URI cache looks the request's URL up: GL_CACHE_OPERATION (CACHE_OPERATION_RETRIEVE,
    /// an IUriKey) to the cache modules, when any subscribed. iissim keeps no URI records of
    /// its own, so a record a listener sets is released when the lookup ends.
    pub(crate) fn uri_cache_lookup(&self, state: &crate::state::RequestState, trace: *mut IHttpTraceContext) {
        if self.global_mask & GL_CACHE_OPERATION == 0 {
            return;
        }
        let url = state.request.borrow().path.clone();
        state.sink.record(TraceEvent::Host { what: format!("URI cache lookup of {url}") });
        let key = ComObj::new(
            crate::objects::generated::httpcach_thunks::uri_key_vtable::<crate::objects::cache_key::HostUriKey>(),
            crate::objects::cache_key::HostUriKey::new(&url, &self.site.name, self.site.id),
        );
        let provider = ComObj::new(
            crate::objects::generated::thunks::cache_provider_vtable::<crate::objects::cache_provider::CacheProvider>(),
            crate::objects::cache_provider::CacheProvider::new(CACHE_OPERATION_RETRIEVE, key.as_ptr(), trace),
        );
        globals::raise(
            &self.modules,
            &state.sink,
            GL_CACHE_OPERATION,
            "GL_CACHE_OPERATION",
            GlobalHandler::CacheOperation,
            provider.as_ptr(),
        );
    }

    /// The fragment cache the server object keeps.
    pub(crate) fn fragments(&self) -> Arc<crate::fragment_cache::FragmentCache> {
        self.server.inner().fragments.clone()
    }

    /// Runs one request through the pipeline on this thread (parked while a notification is
    /// pending); keeps its FREB file if the rule selects it.
    pub fn execute(&self, request: Request) -> Response {
        crate::waiting::block_on(self.execute_async(request))
    }

    /// [`Worker::execute`] as a future: a pending notification awaits its completion without
    /// holding the thread, which can run other requests meanwhile. The future stays on the
    /// thread that polls it first (request state is single-threaded).
    pub async fn execute_async(&self, request: Request) -> Response {
        let response = crate::pipeline::run(self, request).await;
        if let Some(freb) = &self.freb {
            let taken = response.trace.offsets.last().map_or(0, |d| d.as_millis() as u64);
            if self.freb_rule.keeps_freb(response.status, taken) {
                if let Err(e) = freb.keep(&response) {
                    eprintln!("iissim: cannot write the FREB file: {e}");
                }
            }
        }
        response
    }

    /// Diagnostics recorded while the modules registered and the application started.
    pub fn load_diagnostics(&self) -> Vec<Diagnostic> {
        self.lifecycle_trace()
            .events
            .iter()
            .filter_map(|e| match e {
                TraceEvent::Diagnostic(d) => Some(d.clone()),
                _ => None,
            })
            .collect()
    }

    /// The trace of loading: registration diagnostics and the global notifications raised
    /// when the application started.
    pub fn lifecycle_trace(&self) -> &Trace {
        self.lifecycle.get_or_init(Trace::default)
    }

    /// The resolved pipeline: for each notification, which modules run, in which order, at
    /// which priority (what `iissim plan` prints).
    pub fn plan(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let mut line = |name: &str, entries: Vec<String>| {
            if !entries.is_empty() {
                writeln!(out, "{name}: {}", entries.join(", ")).unwrap();
            }
        };
        for (bit, name) in crate::notifications::GLOBAL {
            let entries = globals::subscribers(&self.modules, *bit)
                .iter()
                .map(|m| format!("{} ({})", m.name, m.global_priority(*bit).alias()))
                .collect();
            line(name, entries);
        }
        for n in crate::notifications::PIPELINE {
            for post in [false, true] {
                let mut chosen: Vec<&LoadedModule> = self
                    .modules
                    .iter()
                    .filter(|m| m.factory.is_some() && (if post { m.post_mask } else { m.request_mask }) & n.bit != 0)
                    .collect();
                chosen.sort_by_key(|m| m.priority(n.bit, post));
                let entries =
                    chosen.iter().map(|m| format!("{} ({})", m.name, m.priority(n.bit, post).alias())).collect();
                line(if post { n.post_name } else { n.name }, entries);
            }
        }
        // RQ_SEND_RESPONSE runs modules in reverse order.
        let send = &crate::notifications::SEND_RESPONSE;
        let mut chosen: Vec<&LoadedModule> =
            self.modules.iter().filter(|m| m.factory.is_some() && m.request_mask & send.bit != 0).collect();
        chosen.sort_by_key(|m| m.priority(send.bit, false));
        let entries =
            chosen.iter().rev().map(|m| format!("{} ({})", m.name, m.priority(send.bit, false).alias())).collect();
        line(send.name, entries);
        // The notifications raised inside others: custom, map path, read entity.
        for n in [&crate::notifications::MAP_PATH, &crate::notifications::READ_ENTITY, &crate::notifications::CUSTOM] {
            let mut chosen: Vec<&LoadedModule> =
                self.modules.iter().filter(|m| m.factory.is_some() && m.request_mask & n.bit != 0).collect();
            chosen.sort_by_key(|m| m.priority(n.bit, false));
            let entries = chosen.iter().map(|m| format!("{} ({})", m.name, m.priority(n.bit, false).alias())).collect();
            line(n.name, entries);
        }
        out
    }

    /// The worker-wide objects a request's context hands out.
    pub(crate) fn shared_objects(&self) -> crate::objects::context::WorkerPointers {
        crate::objects::context::WorkerPointers {
            site: self.site_object.as_ptr(),
            application: self.application.as_ptr(),
        }
    }

    /// The `Authorization` header that logs configured user `name` on (see the harness's
    /// `RequestBuilder::user`).
    pub fn credentials_for(&self, name: &str) -> Result<String, String> {
        self.auth.credentials_for(name)
    }

    /// The modules in configuration order.
    pub fn module_names(&self) -> impl Iterator<Item = &str> {
        self.modules.iter().map(|m| &*m.name)
    }
}

fn load(image: &ModuleImage, server: &ComObj<Server>, sink: &std::rc::Rc<Sink>) -> Result<LoadedModule, LoadError> {
    let loaded = Image::load(&image.path)?;
    let registration =
        Box::new(ComObj::new(http_module_registration_info2_vtable::<Registration>(), Registration::new(&image.name)));
    let name: Arc<str> = Arc::from(image.name.as_str());
    let hr = {
        let _scope = scope::enter(sink, Some(name.clone()), Some("RegisterModule"));
        loaded.register(SERVER_VERSION, registration.as_ptr(), server.as_ptr())
    };
    if hr < 0 {
        return Err(LoadError::RegisterFailed { module: image.name.clone(), path: image.path.clone(), hr });
    }
    let registered = std::mem::take(&mut *registration.inner().registered.lock().unwrap_or_else(|e| e.into_inner()));
    Ok(LoadedModule {
        name,
        image: Some(loaded),
        registration,
        factory: registered.factory,
        request_mask: registered.request_mask,
        post_mask: registered.post_mask,
        global_module: registered.global_module,
        global_mask: registered.global_mask,
        request_priorities: registered.request_priorities,
        post_priorities: registered.post_priorities,
        global_priorities: registered.global_priorities,
    })
}

impl Drop for Worker {
    /// Shutdown: every factory's and global module's `Terminate`, then the images unload
    /// (each `DllMain` sees DLL_PROCESS_DETACH).
    fn drop(&mut self) {
        let sink = Sink::new(crate::config::TraceLevel::Default);
        self.suspension.resume_if_suspended(&sink);
        let stop_listening = ComObj::new(
            global_stop_listening_provider_vtable::<GlobalStopListeningProvider>(),
            GlobalStopListeningProvider,
        );
        globals::raise(
            &self.modules,
            &sink,
            GL_STOP_LISTENING,
            "GL_STOP_LISTENING",
            GlobalHandler::StopListening,
            stop_listening.as_ptr(),
        );
        let application = ComObj::new(
            http_application_provider_vtable::<HttpApplicationProvider>(),
            HttpApplicationProvider::new(self.application.as_ptr()),
        );
        globals::raise(
            &self.modules,
            &sink,
            GL_APPLICATION_STOP,
            "GL_APPLICATION_STOP",
            GlobalHandler::ApplicationStop,
            application.as_ptr(),
        );
        {
            // The application and the site end: their stored contexts, and those of dispensed
            // containers, get CleanupStoredContext before any module terminates.
            let _scope = scope::enter(&sink, None, Some("GL_APPLICATION_STOP"));
            self.application.inner().end();
            self.site_object.inner().container.inner().end();
            self.server.inner().shutdown();
        }
        // The caches are purged before the modules terminate.
        globals::raise(
            &self.modules,
            &sink,
            GL_CACHE_CLEANUP,
            "GL_CACHE_CLEANUP",
            GlobalHandler::CacheCleanup,
            std::ptr::null_mut(),
        );
        for module in &self.modules {
            let _scope = scope::enter(&sink, Some(module.name.clone()), Some("Terminate"));
            if let Some(factory) = module.factory {
                module_call::terminate_factory(factory as *mut IHttpModuleFactory);
            }
            if let Some(global) = module.global_module {
                module_call::terminate_global(global as *mut CGlobalModule);
            }
        }
        for d in sink.diagnostics() {
            eprintln!("iissim: {d}");
        }
        // Unload in reverse order of loading, after every object that points into an image.
        while let Some(module) = self.modules.pop() {
            let LoadedModule { image, registration, .. } = module;
            drop(registration);
            drop(image);
        }
        let _ = (&self.server, &self.application);
    }
}

/// What modules answered a Run-Time Status and Control query ([`Worker::rsca_query`]).
#[derive(Debug)]
pub struct RscaAnswer {
    /// A module returned GL_NOTIFICATION_HANDLED.
    pub handled: bool,
    /// `IGlobalRSCAQueryProvider::SetResult`'s HRESULT (S_OK when no module set one).
    pub hr: HRESULT,
    /// The bytes SetResult counted in the output buffer.
    pub output: Vec<u8>,
    /// The GL_RSCA_QUERY notifications and what they recorded.
    pub trace: Trace,
}

/// Whether a loaded module subscribed to the global notification `bit`.
fn modules_subscribe(modules: &[LoadedModule], bit: DWORD) -> bool {
    modules.iter().any(|m| m.global_module.is_some() && m.global_mask & bit != 0)
}
