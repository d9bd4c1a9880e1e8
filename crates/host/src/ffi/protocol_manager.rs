//! Protocol managers (wpframework.h): a DLL whose init function (`GetProtocolManager` unless
//! named otherwise) hands the worker-process framework an IProtocolManager, whose custom
//! interfaces modules then ask for (IHttpServer::GetProtocolManagerCustomInterface). Each DLL is
//! loaded and initialised once; its protocol manager is shut down when the worker stops.

use iissim_abi::types::*;
use iissim_abi::*;
use libloading::Library;
use std::sync::Mutex;

/// `HRESULT (*)(IWorkerProcessFramework*, IProtocolManager**)`.
type InitFunction = unsafe extern "C" fn(*mut IWorkerProcessFramework, *mut *mut IProtocolManager) -> HRESULT;

/// `ERROR_MOD_NOT_FOUND` and `ERROR_PROC_NOT_FOUND`.
const ERROR_MOD_NOT_FOUND: u32 = 126;
const ERROR_PROC_NOT_FOUND: u32 = 127;

struct Loaded {
    path: String,
    function: String,
    manager: usize,
    /// Kept loaded while the manager lives.
    _library: Library,
}

/// The protocol managers a worker loaded.
#[derive(Default)]
pub struct ProtocolManagers {
    loaded: Mutex<Vec<Loaded>>,
}

/// Why a protocol manager could not be had: the HRESULT and what to tell the user.
pub type Failure = (HRESULT, String);

impl ProtocolManagers {
    /// The manager of `path` (initialised with `function`), loading it the first time.
    fn manager(&self, path: &str, function: &str, framework: *mut IWorkerProcessFramework) -> Result<usize, Failure> {
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = loaded.iter().find(|l| l.path == path && l.function == function) {
            return Ok(found.manager);
        }
        // SAFETY: loading runs the DLL's initialisers; running the user's protocol manager is
        // what the module asked for.
        let library = unsafe { Library::new(path) }
            .map_err(|e| (from_win32(ERROR_MOD_NOT_FOUND), format!("cannot load {path}: {e}")))?;
        let symbol = format!("{function}\0");
        // SAFETY: the init function has PFN_GET_PROTOCOL_MANAGER's signature (wpframework.h).
        let init = unsafe { library.get::<InitFunction>(symbol.as_bytes()) }
            .map(|f| *f)
            .map_err(|_| (from_win32(ERROR_PROC_NOT_FOUND), format!("{path} exports no `{function}`")))?;
        let mut manager: *mut IProtocolManager = std::ptr::null_mut();
        // SAFETY: `framework` is the host's live IWorkerProcessFramework; `manager` is ours.
        let hr = super::module_call::naming_crashes(|| unsafe { init(framework, &mut manager) });
        if hr < 0 || manager.is_null() {
            return Err((if hr < 0 { hr } else { E_FAIL }, format!("`{function}` in {path} failed")));
        }
        loaded.push(Loaded {
            path: path.to_string(),
            function: function.to_string(),
            manager: manager as usize,
            _library: library,
        });
        Ok(manager as usize)
    }

    /// `IProtocolManager::GetCustomInterface(id, ppInterface)` of the manager of `path`.
    pub fn custom_interface(
        &self,
        path: &str,
        function: &str,
        framework: *mut IWorkerProcessFramework,
        id: DWORD,
    ) -> Result<PVOID, Failure> {
        let manager = self.manager(path, function, framework)? as *mut IProtocolManager;
        let mut interface: PVOID = std::ptr::null_mut();
        // SAFETY: `manager` is the live protocol manager its DLL handed out.
        let hr = super::module_call::naming_crashes(|| unsafe {
            ((*(*manager).vtbl).get_custom_interface)(manager.cast(), id, &mut interface)
        });
        if hr < 0 {
            // The manager's own answer: passed on as it is, not a misuse to report.
            return Err((hr, String::new()));
        }
        Ok(interface)
    }

    /// The worker stops: every manager gets Shutdown(FALSE) and Release.
    pub fn shutdown(&self) {
        let loaded = std::mem::take(&mut *self.loaded.lock().unwrap_or_else(|e| e.into_inner()));
        for entry in &loaded {
            let manager = entry.manager as *mut IProtocolManager;
            // SAFETY: as in `custom_interface`; the library is still loaded (`entry` owns it).
            super::module_call::naming_crashes(|| unsafe {
                ((*(*manager).vtbl).shutdown)(manager.cast(), FALSE);
                ((*(*manager).vtbl).release)(manager.cast());
            });
        }
    }
}
