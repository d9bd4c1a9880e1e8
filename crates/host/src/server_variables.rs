//! The server variables a request answers (`IHttpContext::GetServerVariable`).
//!
//! Names compare case-insensitively, as in IIS. `HTTP_<NAME>` is the request header `<Name>`
//! with `_` for `-`; `HEADER_<Name>` is the header by its exact name.
//! Source: https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method

use crate::state::RequestState;

/// The value of server variable `name`, or `None` when the request has no such variable
/// (the caller turns that into `HRESULT_FROM_WIN32(ERROR_INVALID_INDEX)`).
pub fn lookup(state: &RequestState, name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let request = state.request.borrow();
    let user = state.user_names.borrow().clone();
    let local = state.local.as_socket();
    let remote = state.remote.as_socket();
    let value = match upper.as_str() {
        "URL" | "SCRIPT_NAME" | "PATH_INFO" => request.path.clone(),
        "CACHE_URL" => format!("http://{}{}", state.site.server_name, request.raw_target),
        "QUERY_STRING" => request.query.clone(),
        "REQUEST_METHOD" => request.method.clone(),
        "REQUEST_URI" | "UNENCODED_URL" | "HTTP_URL" => request.raw_target.clone(),
        "SERVER_PROTOCOL" => format!("HTTP/{}.{}", request.version.0, request.version.1),
        "REMOTE_ADDR" | "REMOTE_HOST" => remote.map(|a| a.ip().to_string()).unwrap_or_default(),
        "REMOTE_PORT" => remote.map(|a| a.port().to_string()).unwrap_or_default(),
        "LOCAL_ADDR" => local.map(|a| a.ip().to_string()).unwrap_or_default(),
        "SERVER_PORT" => local.map(|a| a.port().to_string()).unwrap_or_default(),
        "SERVER_NAME" => state.site.server_name.clone(),
        "SERVER_SOFTWARE" => "Microsoft-IIS/10.0".into(),
        "INSTANCE_ID" => state.site.id.to_string(),
        "INSTANCE_NAME" => state.site.name.to_uppercase(),
        "HTTPS" => "off".into(),
        "SERVER_PORT_SECURE" => "0".into(),
        "GATEWAY_INTERFACE" => "CGI/1.1".into(),
        "APPL_PHYSICAL_PATH" => format!("{}{}", state.site.physical_path.display(), std::path::MAIN_SEPARATOR),
        "APPL_MD_PATH" => format!("/LM/W3SVC/{}/ROOT", state.site.id),
        "CONTENT_LENGTH" => request.body.len().to_string(),
        "CONTENT_TYPE" => header(&request.headers, "Content-Type").unwrap_or_default(),
        "LOGON_USER" | "AUTH_USER" | "REMOTE_USER" | "UNMAPPED_REMOTE_USER" => user.map(|u| u.0).unwrap_or_default(),
        "AUTH_TYPE" => user.map(|u| u.1).unwrap_or_default(),
        "AUTH_PASSWORD" => String::new(),
        "ALL_HTTP" => request
            .headers
            .iter()
            .map(|(n, v)| format!("HTTP_{}:{v}\n", n.to_ascii_uppercase().replace('-', "_")))
            .collect(),
        "ALL_RAW" => request.headers.iter().map(|(n, v)| format!("{n}: {v}\r\n")).collect(),
        _ => {
            if let Some(wanted) = upper.strip_prefix("HTTP_") {
                return header_by(&request.headers, |n| n.to_ascii_uppercase().replace('-', "_") == wanted);
            }
            if let Some(exact) = name.get(7..).filter(|_| upper.starts_with("HEADER_")) {
                return header(&request.headers, exact);
            }
            return None;
        }
    };
    Some(value)
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    header_by(headers, |n| n.eq_ignore_ascii_case(name))
}

/// Every value of the matching headers, joined with `,` as IIS combines repeated headers.
fn header_by(headers: &[(String, String)], matches: impl Fn(&str) -> bool) -> Option<String> {
    let values: Vec<&str> = headers.iter().filter(|(n, _)| matches(n)).map(|(_, v)| v.as_str()).collect();
    (!values.is_empty()).then(|| values.join(","))
}
