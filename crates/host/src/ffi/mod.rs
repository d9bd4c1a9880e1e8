//! The ABI boundary: the only place in the host with `unsafe` code.
//!
//! - [`admin_manager`]: the IAppHostAdminManager GetAdminManager hands out (COM basics only).
//! - [`enter`]: how every server-side thunk turns a raw `this` into safe state.
//! - [`args`]: how thunks hand C arguments to safe code.
//! - [`com`]: the shape of a server-side object (vtable pointer, then state).
//! - [`module_call`]: calls from the host into module-side vtables.
//! - [`loader`]: loading a module image and calling `RegisterModule`.
//! - [`host_services`]: the table the SDK's Win32 shim calls (event log, CloseHandle, ...).
//! - [`trace_args`]: how a traced call shows its arguments and result.
//! - [`token_memory`]: read-only memory behind token handles, and the report of a write to it.
//! - [`memory`]: reading module-owned structures (data chunks) the host must copy.
//! - [`file_handles`]: reading file-handle data chunks through the module's SDK shim.
//! - [`clock`]: the tick count the SDK shim's `GetTickCount64` uses.
//! - [`protocol_manager`]: loading protocol-manager DLLs for their custom interfaces.
//! - [`crash`]: the fault handler that names the module a crash happened in.
#![allow(unsafe_code)]

pub mod admin_manager;
pub mod args;
pub mod clock;
pub mod com;
pub mod crash;
pub mod enter;
pub mod file_handles;
pub mod host_services;
pub mod loader;
pub mod memory;
pub mod module_call;
pub mod protocol_manager;
pub mod token_memory;
pub mod trace_args;
