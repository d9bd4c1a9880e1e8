//! Bad input gets a clear error that names the cause, and nothing is lost.

use crate::common::{fixture, http_exchange, http_get, scratch, Server};
use iissim::{Config, Error, Harness};
use std::path::Path;

fn load_error(config_text: &str, dir: &Path) -> String {
    let config = Config::parse(config_text, &dir.join("iissim.toml"), dir).unwrap();
    match Harness::new(&config) {
        Ok(_) => panic!("the configuration loaded"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_missing_config_file_is_named() {
    let err = Harness::from_config("/nonexistent/iissim.toml").err().unwrap();
    assert!(matches!(err, Error::Config(_)));
    assert!(err.to_string().starts_with("cannot read config /nonexistent/iissim.toml: "), "{err}");
}

#[test]
fn an_invalid_config_names_line_and_column() {
    let dir = scratch("invalid-config");
    let path = dir.join("iissim.toml");
    std::fs::write(&path, "[site]\nname = \"x\"\n\n[[modules]]\nname = 7\n").unwrap();
    let err = Harness::from_config(&path).err().unwrap().to_string();
    assert_eq!(err, format!("{}:5:8: invalid type: integer `7`, expected a string", path.display()));
}

#[test]
fn a_missing_module_image_is_named() {
    let dir = scratch("missing-image");
    let err = load_error("[[modules]]\nname = \"Gone\"\nimage = \"libgone.so\"\n", &dir);
    assert_eq!(err, format!("module image {} does not exist", dir.join("libgone.so").display()));
}

#[test]
fn a_file_that_is_not_a_shared_library_is_named() {
    let dir = scratch("not-a-library");
    std::fs::write(dir.join("libtext.so"), "this is text, not ELF\n").unwrap();
    let err = load_error("[[modules]]\nname = \"Text\"\nimage = \"libtext.so\"\n", &dir);
    assert!(
        err.starts_with(&format!("{} cannot be loaded as a shared library: ", dir.join("libtext.so").display())),
        "{err}"
    );
}

#[test]
fn a_module_without_register_module_says_what_it_exports_instead() {
    let dir = scratch("no-export");
    let source = fixture("no-export/module.cpp");
    let err = load_error(&format!("[[modules]]\nname = \"NoExport\"\nsources = [{source:?}]\n"), &dir);
    assert!(err.contains("exports no `RegisterModule`; found `_ZN8mymodule14RegisterModule"), "{err}");
    assert!(err.contains("missing `extern \"C\"`"), "{err}");
}

#[test]
fn a_failing_register_module_shows_the_hresult_and_its_meaning() {
    let dir = scratch("register-fails");
    let source = fixture("register-fails/module.cpp");
    let err = load_error(&format!("[[modules]]\nname = \"Refuses\"\nsources = [{source:?}]\n"), &dir);
    assert!(err.starts_with("RegisterModule of module `Refuses` ("), "{err}");
    assert!(err.ends_with(") failed with 0x80004005 (E_FAIL: unspecified failure)"), "{err}");
}

#[test]
fn a_compile_error_points_at_the_users_file_and_line() {
    let dir = scratch("compile-error");
    let source = dir.join("broken.cpp");
    std::fs::write(&source, "#include <httpserv.h>\n\nint broken( {\n").unwrap();
    let err = load_error("[[modules]]\nname = \"Broken\"\nsources = [\"broken.cpp\"]\n", &dir);
    assert!(err.starts_with("module `Broken` failed to compile:"), "{err}");
    assert!(err.contains(&format!("{}:3:", source.display())), "{err}");
}

#[test]
fn a_module_needs_exactly_one_of_image_and_sources() {
    let err = Config::parse(
        "[[modules]]\nname = \"M\"\nimage = \"a.so\"\nsources = [\"a.cpp\"]\n",
        Path::new("c.toml"),
        Path::new("."),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(err, "c.toml: module `M` needs exactly one of `image` or `sources`");
}

/// A request that is not HTTP gets 400 Bad Request and its connection closed; the module
/// never sees it, and the server goes on answering the next connection.
#[test]
fn a_malformed_request_gets_400_and_the_server_goes_on() {
    let server = Server::start(&fixture("user-token/iissim.toml"));
    let answer = http_exchange(server.addr, "NOT A REQUEST\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{answer:?}");
    let answer = http_exchange(server.addr, "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: nope\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{answer:?}");
    let next = http_get(server.addr, "/");
    assert!(next.starts_with("HTTP/1.1 200 OK\r\n"), "{next}");
    assert!(next.ends_with(r#"<user primaryToken="valid" />"#), "{next}");
}

/// A C++ exception that leaves a module's notification ends the process, as it ends IIS's
/// worker process, with a line naming the module and the notification; a NULL dereference
/// names them too (tests/identity.rs).
#[test]
#[cfg(unix)]
fn an_exception_escaping_a_module_names_the_module_and_aborts() {
    use std::os::unix::process::ExitStatusExt;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_iissim"))
        .args(["request", "--config"])
        .arg(fixture("crash/iissim.toml"))
        .arg("/")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.signal(), Some(6), "{stderr}");
    assert!(
        stderr.contains("iissim: module Thrower crashed in RQ_BEGIN_REQUEST: SIGABRT (the module aborted, or a C++ exception left it"),
        "{stderr}"
    );
}
