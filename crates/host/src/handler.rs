//! The handler IIS maps `*` to when no module handled the request: the static file handler.
//! It runs in RQ_EXECUTE_REQUEST_HANDLER after the modules, unless a module finished the
//! request or called `IHttpContext::SetRequestHandled`. Also the detailed error page IIS's
//! custom error module sends when a module sets an error status and writes no body.

use crate::scope;
use crate::state::{RequestState, ResponseData};
use crate::trace::TraceEvent;

/// The response as it leaves the pipeline: what a module changed through the raw structure is
/// read back, then an error status without a body gets the detailed error page.
pub fn final_response(state: &RequestState) -> ResponseData {
    {
        let _scope = scope::enter(&state.sink, None, Some("EndRequest"));
        state.settle_response();
    }
    let mut data = std::mem::take(&mut *state.response.borrow_mut());
    if let Some(page) = detailed_error(state, &data) {
        state.sink.record(TraceEvent::Host {
            what: format!("CustomErrorModule: detailed error page for {}.{}", data.status, data.substatus),
        });
        data.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Content-Type"));
        data.headers.push(("Content-Type".into(), "text/html".into()));
        data.set_chunks([page.as_bytes()]);
    }
    data
}

/// IIS's detailed error page, when a module set a status of 400 or more and wrote no body, unless
/// it asked to skip custom errors (`fTrySkipCustomErrors`), suppressed the headers, or the
/// headers were already sent. It names the status and substatus, the module and notification
/// that set it, the error code, and `SetErrorDescription`'s text (HTML-encoded if asked).
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-setstatus-method
/// https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpresponse-seterrordescription-method
fn detailed_error(state: &RequestState, data: &ResponseData) -> Option<String> {
    if data.status < 400
        || !data.body.is_empty()
        || data.try_skip_custom_errors
        || data.headers_suppressed
        || data.headers_sent
    {
        return None;
    }
    let status = format!("{}.{}", data.status, data.substatus);
    let title = format!("{status} - {}", html_escape(&data.reason));
    let description = match &data.error_description {
        Some((text, true)) => html_escape(text),
        Some((text, false)) => text.clone(),
        None => "The module that set this status gave no description.".into(),
    };
    let (module, notification) = match &data.status_set_by {
        Some((m, n)) => (html_escape(m), html_escape(n)),
        None => ("IIS Web Core".into(), "(unknown)".into()),
    };
    let url = {
        let request = state.request.borrow();
        if request.query.is_empty() {
            request.path.clone()
        } else {
            format!("{}?{}", request.path, request.query)
        }
    };
    Some(format!(
        "<!DOCTYPE html>\n<html><head><title>IIS Detailed Error - {title}</title></head><body>\n\
         <h1>HTTP Error {title}</h1>\n\
         <h2>{description}</h2>\n\
         <table>\n\
         <tr><th>Module</th><td>{module}</td></tr>\n\
         <tr><th>Notification</th><td>{notification}</td></tr>\n\
         <tr><th>Error Code</th><td>0x{:08x}</td></tr>\n\
         <tr><th>Requested URL</th><td>{}</td></tr>\n\
         </table>\n</body></html>\n",
        data.error as u32,
        html_escape(&url)
    ))
}

pub fn static_file(state: &RequestState) {
    let path = state.request.borrow().path.clone();
    // The server's mapping (never above the site root), as RQ_MAP_PATH modules leave it.
    let file = std::path::PathBuf::from(crate::server_variables::map_url(state, &path));
    let mut response = state.response.borrow_mut();
    match std::fs::read(&file) {
        Ok(bytes) if file.is_file() => {
            state.sink.record(TraceEvent::Host { what: format!("StaticFileModule: {path}") });
            response.headers.push(("Content-Type".into(), content_type(&path).into()));
            response.body.extend_from_slice(&bytes);
        }
        _ => {
            state.sink.record(TraceEvent::Host { what: format!("StaticFileModule: {path} not found: 404.0") });
            response.status = 404;
            response.substatus = 0;
            response.reason = "Not Found".into();
            response.headers.push(("Content-Type".into(), "text/html".into()));
            response.body = format!(
                "<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body>\
                 <h1>HTTP Error 404.0 - Not Found</h1>\
                 <p>The resource you are looking for has been removed, had its name changed, or is temporarily unavailable.</p>\
                 <p>Requested URL: {}</p></body></html>",
                html_escape(&path)
            )
            .into_bytes();
        }
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("").to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html",
        "txt" => "text/plain",
        "xml" => "text/xml",
        "css" => "text/css",
        "js" => "application/javascript",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
