//! The worker: the loaded modules and the server objects, shared by every request
//! (IIS's w3wp). `Worker::execute` is the one entry point of both doors (HTTP and harness).

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::error::LoadError;
use crate::exchange::{Request, Response};
use crate::ffi::loader::Image;
use crate::ffi::module_call;
use crate::identity::{tokens, Identity};
use crate::objects::generated::thunks::{http_module_registration_info2_vtable, http_server3_vtable};
use crate::objects::registration::{Priority, Registration};
use crate::objects::server::Server;
use crate::objects::ComObj;
use crate::scope::{self, Sink};
use crate::site::Site;
use iissim_abi::types::DWORD;
use iissim_abi::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The IIS major version passed to `RegisterModule` (iissim behaves as IIS 10).
pub const SERVER_VERSION: DWORD = 10;

/// One module as registered.
pub struct LoadedModule {
    pub name: Arc<str>,
    /// Dropped last: the objects above may point into the image.
    image: Image,
    registration: Box<ComObj<Registration>>,
    pub factory: Option<usize>,
    pub request_mask: DWORD,
    pub post_mask: DWORD,
    pub global_module: Option<usize>,
    request_priorities: Vec<(DWORD, Priority)>,
    post_priorities: Vec<(DWORD, Priority)>,
}

impl LoadedModule {
    /// The module's priority for a notification (MEDIUM unless it set one).
    pub fn priority(&self, bit: DWORD, post: bool) -> Priority {
        let list = if post { &self.post_priorities } else { &self.request_priorities };
        list.iter().rev().find(|(b, _)| b & bit != 0).map_or(Priority::Medium, |(_, p)| *p)
    }
}

/// A module image to load: its configured name and the file.
pub struct ModuleImage {
    pub name: String,
    pub path: PathBuf,
}

/// Loaded modules and the objects every request shares.
pub struct Worker {
    pub(crate) modules: Vec<LoadedModule>,
    server: Box<ComObj<Server>>,
    pub(crate) site: Arc<Site>,
    pub(crate) anonymous: Option<Arc<Identity>>,
    pub(crate) trace_calls: bool,
    load_diagnostics: Vec<Diagnostic>,
}

impl Worker {
    /// Loads each image in order and calls its `RegisterModule`.
    pub fn new(config: &Config, images: &[ModuleImage]) -> Result<Worker, LoadError> {
        let anonymous = config
            .anonymous
            .enabled
            .then(|| Arc::new(Identity::anonymous(&config.anonymous.user, config.anonymous.token, tokens())));
        let site = Arc::new(Site {
            name: config.site.name.clone(),
            id: config.site.id,
            physical_path: config.resolve(&config.site.physical_path),
            server_name: "localhost".into(),
        });
        let server = Box::new(ComObj::new(http_server3_vtable::<Server>(), Server::new("iissim")));
        let sink = Sink::new(false);
        let mut modules = Vec::with_capacity(images.len());
        for image in images {
            modules.push(load(image, &server, &sink)?);
        }
        Ok(Worker {
            modules,
            server,
            site,
            anonymous,
            trace_calls: config.trace.calls,
            load_diagnostics: sink.diagnostics(),
        })
    }

    /// Runs one request through the pipeline.
    pub fn execute(&self, request: Request) -> Response {
        crate::pipeline::run(self, request)
    }

    /// Diagnostics recorded while the modules registered.
    pub fn load_diagnostics(&self) -> &[Diagnostic] {
        &self.load_diagnostics
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
        let _scope = scope::enter(sink, Some(name.as_ref().into()), Some("RegisterModule"));
        loaded.register(SERVER_VERSION, registration.as_ptr(), server.as_ptr())
    };
    if hr < 0 {
        return Err(LoadError::RegisterFailed { module: image.name.clone(), path: image.path.clone(), hr });
    }
    let registered = std::mem::take(&mut *registration.inner().registered.lock().unwrap_or_else(|e| e.into_inner()));
    Ok(LoadedModule {
        name,
        image: loaded,
        registration,
        factory: registered.factory,
        request_mask: registered.request_mask,
        post_mask: registered.post_mask,
        global_module: registered.global_module,
        request_priorities: registered.request_priorities,
        post_priorities: registered.post_priorities,
    })
}

impl Drop for Worker {
    /// Shutdown: every factory's and global module's `Terminate`, then the images unload
    /// (each `DllMain` sees DLL_PROCESS_DETACH).
    fn drop(&mut self) {
        let sink = Sink::new(false);
        for module in &self.modules {
            let _scope = scope::enter(&sink, Some(module.name.as_ref().into()), Some("Terminate"));
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
        let _ = &self.server;
    }
}
