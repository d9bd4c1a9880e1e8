//! Loading a module image and calling its `RegisterModule` (design decision 5).

use crate::error::LoadError;
use core::ffi::c_void;
use iissim_abi::host_services::{IISSIM_HOST_SERVICES, IISSIM_HOST_SERVICES_SYMBOL};
use iissim_abi::types::*;
use iissim_abi::{IHttpModuleRegistrationInfo, IHttpServer, PFN_REGISTERMODULE};
use libloading::Library;
use std::path::Path;

/// A module image loaded with every symbol resolved (RTLD_NOW: a missing symbol fails here,
/// named, instead of at the first call).
pub struct Image {
    library: Library,
    /// Where it was loaded from, for reports.
    path: std::path::PathBuf,
    register: PFN_REGISTERMODULE,
    /// The image's base address: its HMODULE.
    base: HANDLE,
}

// SAFETY: `base` is an address the image occupies, only ever passed back to the module's own
// DllMain; Library and the function pointer are Send and Sync themselves.
unsafe impl Send for Image {}
// SAFETY: as above.
unsafe impl Sync for Image {}

/// The base address of the image that holds `address` (null where the platform cannot say).
#[cfg(unix)]
fn module_base(address: *const c_void) -> HANDLE {
    // SAFETY: dladdr only reads the loader's tables; `info` is ours to fill.
    unsafe {
        let mut info: libc::Dl_info = std::mem::zeroed();
        if libc::dladdr(address, &mut info) != 0 {
            info.dli_fbase
        } else {
            std::ptr::null_mut()
        }
    }
}

#[cfg(not(unix))]
fn module_base(_address: *const c_void) -> HANDLE {
    std::ptr::null_mut()
}

/// Gives the host's `type_info` objects the C++ runtime's vtables, from the first module that
/// brings a C++ runtime in; that runtime then stays loaded for the life of the process, so the
/// addresses stay valid whatever modules unload.
#[cfg(unix)]
fn install_rtti(library: &Library) {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    if INSTALLED.is_completed() {
        return;
    }
    // SAFETY: the symbols, when the module's C++ runtime has them, are data (vtables) whose
    // addresses are all that is taken.
    let (class, si) = unsafe {
        (
            library.get::<*const c_void>(b"_ZTVN10__cxxabiv117__class_type_infoE\0"),
            library.get::<*const c_void>(b"_ZTVN10__cxxabiv120__si_class_type_infoE\0"),
        )
    };
    let (Ok(class), Ok(si)) = (class, si) else { return };
    // libloading's Symbol<*const T> derefs to the symbol's address.
    let (class, si) = (*class as usize, *si as usize);
    INSTALLED.call_once(|| {
        // SAFETY: dladdr only reads the loader's tables; `info` is ours to fill.
        let runtime = unsafe {
            let mut info: libc::Dl_info = std::mem::zeroed();
            (libc::dladdr(si as *const c_void, &mut info) != 0 && !info.dli_fname.is_null())
                .then(|| std::ffi::CStr::from_ptr(info.dli_fname).to_string_lossy().into_owned())
        };
        // Keep the runtime loaded for good: the type_info objects point into it.
        if let Some(path) = runtime {
            // SAFETY: the runtime is already loaded; opening it again runs no initialisers.
            if let Ok(runtime) = unsafe { libloading::os::unix::Library::new(&path) } {
                std::mem::forget(runtime);
            }
        }
        iissim_abi::rtti::install(class, si);
    });
}

#[cfg(not(unix))]
fn install_rtti(_library: &Library) {}

const DLL_PROCESS_DETACH: DWORD = 0;
const DLL_PROCESS_ATTACH: DWORD = 1;
type DllMain = unsafe extern "C" fn(HANDLE, DWORD, PVOID) -> BOOL;

impl Image {
    pub fn load(path: &Path) -> Result<Image, LoadError> {
        if !path.exists() {
            return Err(LoadError::NotFound { path: path.to_path_buf() });
        }
        super::crash::install();
        let library = open(path)?;
        // SAFETY: `RegisterModule` has the PFN_REGISTERMODULE type in every IIS module.
        let register = match unsafe { library.get::<PFN_REGISTERMODULE>(b"RegisterModule\0") } {
            Ok(symbol) => *symbol,
            Err(_) => {
                return Err(LoadError::NoRegisterModule {
                    path: path.to_path_buf(),
                    found: crate::symbols::find_mangled_register_module(path),
                })
            }
        };
        // Modules built with the iissim SDK carry `iissim_host_services`; point it at the
        // host's table before any module code runs.
        // SAFETY: the symbol, when present, is the SDK header's pointer variable.
        if let Ok(slot) = unsafe { library.get::<*mut *const IISSIM_HOST_SERVICES>(IISSIM_HOST_SERVICES_SYMBOL) } {
            // SAFETY: the variable is a writable pointer in the image's data, and nothing reads it
            // concurrently: the module has not been called yet.
            unsafe { **slot = &super::host_services::HOST_SERVICES };
        }
        let base = module_base(register as *const c_void);
        install_rtti(&library);
        // SAFETY: the symbol, when present, is winbase.h's `int iissim_file_descriptor(HANDLE)`.
        if let Ok(resolver) = unsafe { library.get::<super::file_handles::Resolver>(b"iissim_file_descriptor\0") } {
            super::file_handles::register(base as usize, *resolver);
        }
        // SAFETY: a module's `DllMain` has the Windows signature; iissim passes the image's base
        // address as the instance handle (what an HMODULE is on Windows, and what the SDK's
        // GetModuleFileName expects) and a null reserved pointer, as a dynamic load does.
        if let Ok(dll_main) = unsafe { library.get::<DllMain>(b"DllMain\0") } {
            // SAFETY: as above.
            unsafe { dll_main(base, DLL_PROCESS_ATTACH, std::ptr::null_mut()) };
        }
        Ok(Image { library, path: path.to_path_buf(), register, base })
    }

    /// Calls `RegisterModule(dwServerVersion, pModuleInfo, pGlobalInfo)`.
    pub fn register(
        &self,
        server_version: DWORD,
        info: *mut IHttpModuleRegistrationInfo,
        server: *mut IHttpServer,
    ) -> HRESULT {
        // SAFETY: the export has PFN_REGISTERMODULE's signature; both objects are the host's and
        // outlive the module.
        unsafe { (self.register)(server_version, info, server) }
    }
}

impl Drop for Image {
    fn drop(&mut self) {
        super::file_handles::unregister(self.base as usize);
        // SAFETY: as in `load`; DLL_PROCESS_DETACH comes before the library is unloaded.
        if let Ok(dll_main) = unsafe { self.library.get::<DllMain>(b"DllMain\0") } {
            // SAFETY: as above.
            unsafe { dll_main(self.base, DLL_PROCESS_DETACH, std::ptr::null_mut()) };
        }
        self.wait_for_module_threads();
    }
}

/// `long iissim_threads_running(void)` (winbase.h): the module's threads still running.
type ThreadsRunning = unsafe extern "C" fn() -> core::ffi::c_long;

/// How long the host waits at unload for threads a module started to end.
const THREADS_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

impl Image {
    /// Threads the module started (a completion thread that posts and returns, a pool) must be
    /// out of its code before the image goes: waits for the shim's count to reach zero, then
    /// reports any that did not within the grace time.
    fn wait_for_module_threads(&self) {
        // SAFETY: the symbol, when present, is winbase.h's `long iissim_threads_running(void)`.
        let Ok(running) = (unsafe { self.library.get::<ThreadsRunning>(b"iissim_threads_running\0") }) else {
            return;
        };
        let deadline = std::time::Instant::now() + THREADS_GRACE;
        loop {
            // SAFETY: the function only reads an integer of the image's.
            let left = unsafe { running() };
            if left <= 0 {
                // The last thread counted itself out just before its final return.
                std::thread::sleep(std::time::Duration::from_millis(1));
                return;
            }
            if std::time::Instant::now() >= deadline {
                eprintln!(
                    "iissim: {}: {left} thread(s) the module started were still running {} s after shutdown began; \
                     unloading it anyway (a module must end its threads in Terminate)",
                    self.path.display(),
                    THREADS_GRACE.as_secs()
                );
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

#[cfg(unix)]
fn open(path: &Path) -> Result<Library, LoadError> {
    use libloading::os::unix::{Library as UnixLibrary, RTLD_LOCAL, RTLD_NOW};
    // SAFETY: loading runs the image's initialisers; running the user's module is the point.
    unsafe { UnixLibrary::open(Some(path), RTLD_NOW | RTLD_LOCAL) }
        .map(Library::from)
        .map_err(|e| LoadError::NotALibrary { path: path.to_path_buf(), message: e.to_string() })
}

#[cfg(not(unix))]
fn open(path: &Path) -> Result<Library, LoadError> {
    // SAFETY: loading runs the image's initialisers; running the user's module is the point.
    unsafe { Library::new(path) }
        .map_err(|e| LoadError::NotALibrary { path: path.to_path_buf(), message: e.to_string() })
}
