//! The deterministic request notifications, in the order IIS raises them.
//! https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants

use iissim_abi::types::DWORD;
use iissim_abi::*;

/// A `CHttpModule` handler of a deterministic notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handler {
    BeginRequest,
    PostBeginRequest,
    AuthenticateRequest,
    PostAuthenticateRequest,
    AuthorizeRequest,
    PostAuthorizeRequest,
    ResolveRequestCache,
    PostResolveRequestCache,
    MapRequestHandler,
    PostMapRequestHandler,
    AcquireRequestState,
    PostAcquireRequestState,
    PreExecuteRequestHandler,
    PostPreExecuteRequestHandler,
    ExecuteRequestHandler,
    PostExecuteRequestHandler,
    ReleaseRequestState,
    PostReleaseRequestState,
    UpdateRequestCache,
    PostUpdateRequestCache,
    LogRequest,
    PostLogRequest,
    EndRequest,
    PostEndRequest,
    SendResponse,
    CustomNotification,
    MapPath,
    ReadEntity,
}

/// One deterministic notification: its bit, its name, its two handlers.
pub struct Notification {
    pub bit: DWORD,
    pub name: &'static str,
    /// The name of its post-notification, as traces and diagnostics show it.
    pub post_name: &'static str,
    pub pre: Handler,
    pub post: Handler,
}

macro_rules! notifications {
    ($($bit:ident $pre:ident $post:ident,)*) => {
        /// BeginRequest … EndRequest.
        pub const PIPELINE: &[Notification] = &[
            $(Notification {
                bit: $bit,
                name: stringify!($bit),
                post_name: concat!(stringify!($bit), " (post)"),
                pre: Handler::$pre,
                post: Handler::$post,
            },)*
        ];
    };
}

notifications! {
    RQ_BEGIN_REQUEST BeginRequest PostBeginRequest,
    RQ_AUTHENTICATE_REQUEST AuthenticateRequest PostAuthenticateRequest,
    RQ_AUTHORIZE_REQUEST AuthorizeRequest PostAuthorizeRequest,
    RQ_RESOLVE_REQUEST_CACHE ResolveRequestCache PostResolveRequestCache,
    RQ_MAP_REQUEST_HANDLER MapRequestHandler PostMapRequestHandler,
    RQ_ACQUIRE_REQUEST_STATE AcquireRequestState PostAcquireRequestState,
    RQ_PRE_EXECUTE_REQUEST_HANDLER PreExecuteRequestHandler PostPreExecuteRequestHandler,
    RQ_EXECUTE_REQUEST_HANDLER ExecuteRequestHandler PostExecuteRequestHandler,
    RQ_RELEASE_REQUEST_STATE ReleaseRequestState PostReleaseRequestState,
    RQ_UPDATE_REQUEST_CACHE UpdateRequestCache PostUpdateRequestCache,
    RQ_LOG_REQUEST LogRequest PostLogRequest,
    RQ_END_REQUEST EndRequest PostEndRequest,
}

/// RQ_SEND_RESPONSE, raised when the response is sent (before RQ_LOG_REQUEST, which logs what
/// was sent); it has no post-notification, and modules run in reverse order.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onsendresponse-method
pub const SEND_RESPONSE: Notification = Notification {
    bit: RQ_SEND_RESPONSE,
    name: "RQ_SEND_RESPONSE",
    post_name: "RQ_SEND_RESPONSE",
    pre: Handler::SendResponse,
    post: Handler::SendResponse,
};

/// RQ_MAP_PATH: raised whenever the server maps a URL of the request to a physical path; not
/// one of the pipeline's steps.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onmappath-method
pub const MAP_PATH: Notification = Notification {
    bit: RQ_MAP_PATH,
    name: "RQ_MAP_PATH",
    post_name: "RQ_MAP_PATH",
    pre: Handler::MapPath,
    post: Handler::MapPath,
};

/// RQ_READ_ENTITY: raised when a read of the request entity returns data; not one of the
/// pipeline's steps.
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/chttpmodule-onreadentity-method
pub const READ_ENTITY: Notification = Notification {
    bit: RQ_READ_ENTITY,
    name: "RQ_READ_ENTITY",
    post_name: "RQ_READ_ENTITY",
    pre: Handler::ReadEntity,
    post: Handler::ReadEntity,
};

/// RQ_CUSTOM_NOTIFICATION, raised by a module with `IHttpContext::NotifyCustomNotification`.
pub const CUSTOM: Notification = Notification {
    bit: RQ_CUSTOM_NOTIFICATION,
    name: "RQ_CUSTOM_NOTIFICATION",
    post_name: "RQ_CUSTOM_NOTIFICATION",
    pre: Handler::CustomNotification,
    post: Handler::CustomNotification,
};

/// The name of a `REQUEST_NOTIFICATION_STATUS`, for traces.
pub fn status_name(status: REQUEST_NOTIFICATION_STATUS) -> &'static str {
    match status {
        RQ_NOTIFICATION_CONTINUE => "RQ_NOTIFICATION_CONTINUE",
        RQ_NOTIFICATION_PENDING => "RQ_NOTIFICATION_PENDING",
        RQ_NOTIFICATION_FINISH_REQUEST => "RQ_NOTIFICATION_FINISH_REQUEST",
        _ => "(not a REQUEST_NOTIFICATION_STATUS)",
    }
}

/// The global notifications iissim raises, with their names, in the order `plan` lists them.
pub const GLOBAL: &[(DWORD, &str)] = &[
    (GL_APPLICATION_START, "GL_APPLICATION_START"),
    (GL_APPLICATION_RESOLVE_MODULES, "GL_APPLICATION_RESOLVE_MODULES"),
    (GL_APPLICATION_PRELOAD, "GL_APPLICATION_PRELOAD"),
    (GL_PRE_BEGIN_REQUEST, "GL_PRE_BEGIN_REQUEST"),
    (GL_CACHE_OPERATION, "GL_CACHE_OPERATION"),
    (GL_CONFIGURATION_CHANGE, "GL_CONFIGURATION_CHANGE"),
    (GL_FILE_CHANGE, "GL_FILE_CHANGE"),
    (GL_TRACE_EVENT, "GL_TRACE_EVENT"),
    (GL_THREAD_CLEANUP, "GL_THREAD_CLEANUP"),
    (GL_HEALTH_CHECK, "GL_HEALTH_CHECK"),
    (GL_RSCA_QUERY, "GL_RSCA_QUERY"),
    (GL_SUSPEND_PROCESS, "GL_SUSPEND_PROCESS"),
    (GL_STOP_LISTENING, "GL_STOP_LISTENING"),
    (GL_APPLICATION_STOP, "GL_APPLICATION_STOP"),
    (GL_CACHE_CLEANUP, "GL_CACHE_CLEANUP"),
    (GL_CUSTOM_NOTIFICATION, "GL_CUSTOM_NOTIFICATION"),
];
