//! The server variables a request answers (`IHttpContext::GetServerVariable`), and the URL to
//! physical path mapping they and `IHttpContext::MapPath` share.
//!
//! Names compare case-insensitively, as in IIS. `HTTP_<NAME>` is the request header `<Name>`
//! with `_` for `-`; `HEADER_<Name>` is the header by its exact name. Variables a module sets
//! with `SetServerVariable` are kept by the context and win over these.
//! Source: https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/ihttpcontext-getservervariable-method
//! and the IIS server variable list: https://learn.microsoft.com/en-us/iis/web-dev-reference/server-variables

use crate::state::RequestState;
use std::path::MAIN_SEPARATOR;

/// The application pool iissim's worker runs as (`IHttpServer::GetAppPoolName`, APP_POOL_ID).
pub const APP_POOL_NAME: &str = "iissim";

/// The site's root folder as an absolute path, without a trailing separator.
pub fn site_root(state: &RequestState) -> String {
    state.site.root.clone()
}

/// `path` made absolute (against the current folder, as IIS paths always are), without a
/// trailing separator.
pub fn absolute_root(path: &std::path::Path) -> String {
    let root = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string();
    match root.strip_suffix(MAIN_SEPARATOR) {
        Some(trimmed) if !trimmed.is_empty() => trimmed.to_string(),
        _ => root,
    }
}

/// The physical path of a site-relative URL, as the server maps it and then as the modules
/// subscribed to RQ_MAP_PATH change it. Call it with no borrow of the request state held:
/// modules run inside.
pub fn map_url(state: &RequestState, url: &str) -> String {
    crate::objects::map_path_provider::map_path(state, url, default_mapping(state, url))
}

/// The server's own mapping: the site root, then the URL's path with `%XX` decoded and `/` as
/// the platform separator. `.` and `..` segments are resolved and can never climb above the
/// site root; a trailing `/` stays (a folder maps to `folder` + separator).
fn default_mapping(state: &RequestState, url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path);
    let mut parts: Vec<&str> = Vec::new();
    for part in decoded.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut out = site_root(state);
    for part in &parts {
        out.push(MAIN_SEPARATOR);
        out.push_str(part);
    }
    if decoded.ends_with('/') || parts.is_empty() {
        out.push(MAIN_SEPARATOR);
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(byte) = text.get(i + 1..i + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of server variable `name`, or `None` when the request has no such variable
/// (the caller turns that into `HRESULT_FROM_WIN32(ERROR_INVALID_INDEX)`).
pub fn lookup(state: &RequestState, name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    if matches!(upper.as_str(), "PATH_TRANSLATED" | "SCRIPT_TRANSLATED" | "SCRIPT_FILENAME" | "REQUEST_FILENAME") {
        // Mapping raises RQ_MAP_PATH: no borrow of the request may be held across it.
        let path = state.request.borrow().path.clone();
        return Some(map_url(state, &path));
    }
    let request = state.request.borrow();
    let user = state.user_names.borrow().clone();
    let local = state.local.as_socket();
    let remote = state.remote.as_socket();
    let value = match upper.as_str() {
        "SCRIPT_NAME" => state.mapped_script_name.borrow().clone().unwrap_or_else(|| request.path.clone()),
        "URL" | "PATH_INFO" => request.path.clone(),
        "CACHE_URL" => format!("http://{}{}", state.site.server_name, request.raw_target),
        "QUERY_STRING" => request.query.clone(),
        "REQUEST_METHOD" | "HTTP_METHOD" => request.method.clone(),
        "REQUEST_URI" | "UNENCODED_URL" | "HTTP_URL" => request.raw_target.clone(),
        "SERVER_PROTOCOL" | "HTTP_VERSION" => format!("HTTP/{}.{}", request.version.0, request.version.1),
        "REMOTE_ADDR" | "REMOTE_HOST" => remote.map(|a| a.ip().to_string()).unwrap_or_default(),
        "REMOTE_PORT" => remote.map(|a| a.port().to_string()).unwrap_or_default(),
        "LOCAL_ADDR" => local.map(|a| a.ip().to_string()).unwrap_or_default(),
        "SERVER_PORT" => local.map(|a| a.port().to_string()).unwrap_or_default(),
        "SERVER_NAME" => state.site.server_name.clone(),
        "SERVER_SOFTWARE" => "Microsoft-IIS/10.0".into(),
        "INSTANCE_ID" => state.site.id.to_string(),
        "INSTANCE_NAME" => state.site.name.to_uppercase(),
        "INSTANCE_META_PATH" => format!("/LM/W3SVC/{}", state.site.id),
        "APP_POOL_ID" => APP_POOL_NAME.into(),
        // iissim serves plain HTTP: the TLS and client-certificate variables exist, empty.
        "HTTPS" => "off".into(),
        "SERVER_PORT_SECURE" => "0".into(),
        "CERT_COOKIE"
        | "CERT_FLAGS"
        | "CERT_ISSUER"
        | "CERT_KEYSIZE"
        | "CERT_SECRETKEYSIZE"
        | "CERT_SERIALNUMBER"
        | "CERT_SERVER_ISSUER"
        | "CERT_SERVER_SUBJECT"
        | "CERT_SUBJECT"
        | "HTTPS_KEYSIZE"
        | "HTTPS_SECRETKEYSIZE"
        | "HTTPS_SERVER_ISSUER"
        | "HTTPS_SERVER_SUBJECT" => String::new(),
        "GATEWAY_INTERFACE" => "CGI/1.1".into(),
        "APPL_PHYSICAL_PATH" => format!("{}{MAIN_SEPARATOR}", site_root(state)),
        "APPL_MD_PATH" => format!("/LM/W3SVC/{}/ROOT", state.site.id),
        "CONTENT_LENGTH" => request.body.len().to_string(),
        "CONTENT_TYPE" => header(&request.headers, "Content-Type").unwrap_or_default(),
        "LOGON_USER" | "AUTH_USER" | "REMOTE_USER" | "UNMAPPED_REMOTE_USER" => user.map(|u| u.0).unwrap_or_default(),
        "AUTH_TYPE" => user.map(|u| u.1).unwrap_or_default(),
        "AUTH_PASSWORD" => state.auth_password.borrow().clone(),
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
