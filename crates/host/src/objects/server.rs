//! `IHttpServer` … `IHttpServer3`: the server as modules see it from `RegisterModule` on.
//!
//! Real: IsCommandLineLaunch, GetAppPoolName, GetExtendedInterface (by version). Every other
//! method is diagnosed.

use super::generated::thunks::{HttpServer, HttpServer2, HttpServer3};
use super::ComObj;
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::Out;
use crate::scope;
use iissim_abi::types::*;
use iissim_abi::*;

/// The process-wide server object.
pub struct Server {
    app_pool_name: Vec<WCHAR>,
}

impl Server {
    pub fn new(app_pool_name: &str) -> Self {
        Server { app_pool_name: crate::wide::to_wide(app_pool_name) }
    }
}

impl HttpServer for Server {
    /// iissim runs as a command-line process, as IIS Express does.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpserver-iscommandlinelaunch-method
    fn is_command_line_launch(&self) -> BOOL {
        TRUE
    }

    fn get_app_pool_name(&self) -> PCWSTR {
        self.app_pool_name.as_ptr()
    }

    /// The object is an `IHttpServer3`, so both known versions are this same object.
    fn get_extended_interface(&self, version: HTTP_SERVER_INTERFACE_VERSION, out: Out<'_, PVOID>) -> HRESULT {
        const METHOD: &str = "IHttpServer::GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION, PVOID*)";
        if out.is_null() {
            scope::diagnose(DiagnosticKind::ContractViolation, METHOD, "ppInterface is NULL");
            return E_INVALIDARG;
        }
        match version {
            HTTP_SERVER_INTERFACE_V2 | HTTP_SERVER_INTERFACE_V3 => {
                out.set(ComObj::interface_of::<core::ffi::c_void>(self).cast());
                S_OK
            }
            _ => {
                out.set(std::ptr::null_mut());
                E_NOINTERFACE
            }
        }
    }
}

impl HttpServer2 for Server {}
impl HttpServer3 for Server {}
