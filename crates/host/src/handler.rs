//! The handler IIS maps `*` to when no module handled the request: the static file handler.
//! It runs in RQ_EXECUTE_REQUEST_HANDLER after the modules, unless a module finished the
//! request or called `IHttpContext::SetRequestHandled`.

use crate::state::RequestState;
use crate::trace::TraceEvent;

pub fn static_file(state: &RequestState) {
    let path = state.request.borrow().path.clone();
    let relative = path.trim_start_matches('/');
    let file = state.site.physical_path.join(relative);
    let safe = !relative.split('/').any(|part| part == "..");
    let mut response = state.response.borrow_mut();
    match std::fs::read(&file) {
        Ok(bytes) if safe && file.is_file() => {
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
