//! The request-notification providers: `IHttpEventProvider`, `IAuthenticationProvider`,
//! `IMapHandlerProvider`, `ISendResponseProvider`.
//!
//! Real: SetErrorStatus, SetUser, every ISendResponseProvider method, IMapHandlerProvider's
//! SetScriptName, SetScriptMap and SetFileInfo.

use super::generated::thunks::{
    AuthenticationProvider as AuthenticationProviderApi, HttpEventProvider,
    MapHandlerProvider as MapHandlerProviderApi, SendResponseProvider as SendResponseProviderApi,
};
use crate::diagnostics::DiagnosticKind;
use crate::ffi::args::Ptr;
use crate::ffi::module_call;
use crate::scope;
use crate::state::RequestState;
use iissim_abi::http::{HttpLogDataTypeFields, HTTP_LOG_DATA, HTTP_LOG_FIELDS_DATA};
use iissim_abi::types::*;
use iissim_abi::*;
use std::cell::Cell;
use std::rc::Rc;

/// Records the error a module reports through `SetErrorStatus` on the response.
pub(crate) fn set_error_status(state: &RequestState, error: HRESULT) {
    state.response.borrow_mut().error = error;
}

/// The provider of notifications that have no richer one.
pub struct EventProvider {
    state: Rc<RequestState>,
}

impl EventProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        EventProvider { state }
    }
}

impl HttpEventProvider for EventProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpeventprovider-seterrorstatus-method
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

/// The provider of RQ_AUTHENTICATE_REQUEST.
pub struct AuthenticationProvider {
    state: Rc<RequestState>,
}

impl AuthenticationProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        AuthenticationProvider { state }
    }
}

impl HttpEventProvider for AuthenticationProvider {
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

impl AuthenticationProviderApi for AuthenticationProvider {
    /// The module's user becomes the request's user; the host holds a reference on it
    /// (ReferenceUser now, DereferenceUser when it is replaced or the request ends).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/iauthenticationprovider-setuser-method
    fn set_user(&self, user: *mut IHttpUser) {
        if user.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IAuthenticationProvider::SetUser(IHttpUser*)",
                "pUser is NULL",
            );
            return;
        }
        module_call::reference_user(user);
        let previous = self.state.user.replace(user);
        if !previous.is_null() {
            module_call::dereference_user(previous);
        }
        let names = module_call::user_names(user);
        *self.state.user_names.borrow_mut() = Some(names);
    }
}

/// The provider of RQ_MAP_REQUEST_HANDLER.
pub struct MapHandlerProvider {
    state: Rc<RequestState>,
}

impl MapHandlerProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        MapHandlerProvider { state }
    }
}

impl HttpEventProvider for MapHandlerProvider {
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

impl MapHandlerProviderApi for MapHandlerProvider {
    /// The request's script name from now on (SCRIPT_NAME and IHttpContext::GetScriptName):
    /// `cchScriptName` characters, or up to the NUL when 0.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imaphandlerprovider-setscriptname-method
    fn set_script_name(&self, name: crate::ffi::args::WStrArg<'_>, len: DWORD) -> HRESULT {
        let units = if len > 0 { name.units_n(len as usize) } else { name.units() };
        let Some(units) = units else {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "IMapHandlerProvider::SetScriptName(PCWSTR, DWORD)",
                "pszScriptName is NULL",
            );
            return from_win32(ERROR_INVALID_PARAMETER);
        };
        *self.state.mapped_script_name.borrow_mut() = Some(crate::wide::from_wide(units));
        S_OK
    }

    /// The handler mapping IHttpContext::GetScriptMap returns from now on.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imaphandlerprovider-setscriptmap-method
    fn set_script_map(&self, map: *mut IScriptMapInfo) {
        self.state.mapped_script_map.set(map);
    }

    /// The file IHttpContext::GetFileInfo returns from now on (the module keeps it alive for
    /// the request).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/imaphandlerprovider-setfileinfo-method
    fn set_file_info(&self, file: *mut IHttpFileInfo) {
        self.state.mapped_file_info.set(file);
    }
}

/// The provider of RQ_SEND_RESPONSE: the send flags and the log data of the response going out.
pub struct SendResponseProvider {
    state: Rc<RequestState>,
    flags: Cell<DWORD>,
    headers_being_sent: Cell<bool>,
    /// The log record modules read and may replace, built when the send starts.
    log: Cell<*mut HTTP_LOG_FIELDS_DATA>,
}

impl SendResponseProvider {
    pub fn new(state: Rc<RequestState>) -> Self {
        SendResponseProvider {
            state,
            flags: Cell::new(0),
            headers_being_sent: Cell::new(true),
            log: Cell::new(std::ptr::null_mut()),
        }
    }

    /// Readies the provider for the final send of the response.
    pub fn start(&self, state: &RequestState) {
        self.headers_being_sent.set(!state.response.borrow().headers_suppressed);
    }
}

/// The W3C log fields of the request, in the request arena.
fn log_fields(state: &RequestState) -> *mut HTTP_LOG_FIELDS_DATA {
    let arena = &state.arena;
    let request = state.request.borrow();
    let response = state.response.borrow();
    let narrow =
        |text: &str| (arena.alloc_cstr(text.as_bytes()).cast_mut(), text.len().min(usize::from(u16::MAX)) as USHORT);
    let wide = |text: &str| {
        let (ptr, units) = arena.alloc_wstr(text);
        (ptr.cast_mut(), (units * std::mem::size_of::<WCHAR>()).min(usize::from(u16::MAX)) as USHORT)
    };
    let header = |name: &str| state.request_header(name).unwrap_or_default();
    let user = state.user_names.borrow().clone().map(|(name, _)| name).unwrap_or_default();
    let remote = state.remote.as_socket().map(|a| a.ip().to_string()).unwrap_or_default();
    let local = state.local.as_socket();
    let (user_name, user_len) = wide(&user);
    let (stem, stem_len) = wide(&request.path);
    let (client, client_len) = narrow(&remote);
    let (server, server_len) = narrow(&state.site.server_name);
    let (service, service_len) = narrow(&format!("W3SVC{}", state.site.id));
    let (server_ip, server_ip_len) = narrow(&local.map(|a| a.ip().to_string()).unwrap_or_default());
    let (method, method_len) = narrow(&request.method);
    let (query, query_len) = narrow(&request.query);
    let (host, host_len) = narrow(&header("Host"));
    let (agent, agent_len) = narrow(&header("User-Agent"));
    let (cookie, cookie_len) = narrow(&header("Cookie"));
    let (referrer, referrer_len) = narrow(&header("Referer"));
    let fields = HTTP_LOG_FIELDS_DATA {
        Base: HTTP_LOG_DATA { Type: HttpLogDataTypeFields },
        UserNameLength: user_len,
        UriStemLength: stem_len,
        ClientIpLength: client_len,
        ServerNameLength: server_len,
        ServiceNameLength: service_len,
        ServerIpLength: server_ip_len,
        MethodLength: method_len,
        UriQueryLength: query_len,
        HostLength: host_len,
        UserAgentLength: agent_len,
        CookieLength: cookie_len,
        ReferrerLength: referrer_len,
        UserName: user_name,
        UriStem: stem,
        ClientIp: client,
        ServerName: server,
        ServiceName: service,
        ServerIp: server_ip,
        Method: method,
        UriQuery: query,
        Host: host,
        UserAgent: agent,
        Cookie: cookie,
        Referrer: referrer,
        ServerPort: local.map_or(0, |a| a.port()),
        ProtocolStatus: response.status,
        Win32Status: 0,
        MethodNum: 0,
        SubStatus: response.substatus,
    };
    arena.alloc_slice(&[fields])
}

impl HttpEventProvider for SendResponseProvider {
    fn set_error_status(&self, error: HRESULT) {
        set_error_status(&self.state, error);
    }
}

impl SendResponseProviderApi for SendResponseProvider {
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/isendresponseprovider-getheadersbeingsent-method
    fn get_headers_being_sent(&self) -> BOOL {
        BOOL::from(self.headers_being_sent.get())
    }

    /// The HTTP_SEND_RESPONSE_FLAG_* of this send (none unless a module set some).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/isendresponseprovider-getflags-method
    fn get_flags(&self) -> DWORD {
        self.flags.get()
    }

    /// HTTP_SEND_RESPONSE_FLAG_DISCONNECT closes the connection after this response (the
    /// client sees `Connection: close`).
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/isendresponseprovider-setflags-method
    /// Partial: MORE_DATA, BUFFER_DATA, ENABLE_NAGLING and PROCESS_RANGES are kept and readable but change nothing (the response goes out in one send; Range requests are not processed).
    fn set_flags(&self, flags: DWORD) {
        self.flags.set(flags);
        if flags & iissim_abi::http::HTTP_SEND_RESPONSE_FLAG_DISCONNECT != 0 {
            self.state.response.borrow_mut().need_disconnect = true;
        }
    }

    /// The W3C fields IIS logs for this request, in memory that lives until the request ends.
    /// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/isendresponseprovider-getlogdata-method
    fn get_log_data(&self) -> *mut HTTP_LOG_DATA {
        // Built on first use: most modules never ask.
        if self.log.get().is_null() {
            self.log.set(log_fields(&self.state));
        }
        self.log.get().cast()
    }

    /// Partial: the module's record replaces the host's (GetLogData returns it); iissim writes no log file.
    fn set_log_data(&self, data: Ptr<'_, HTTP_LOG_DATA>) -> HRESULT {
        if data.is_null() {
            scope::diagnose(
                DiagnosticKind::ContractViolation,
                "ISendResponseProvider::SetLogData(HTTP_LOG_DATA*)",
                "pLogData is NULL",
            );
            return E_INVALIDARG;
        }
        self.log.set(data.as_raw().cast());
        S_OK
    }

    /// The final send of the response is the one that gets logged.
    fn get_ready_to_log_data(&self) -> BOOL {
        TRUE
    }
}
