//! Every spec file of every fixture, run inside `cargo test`: expectations are asserted, and
//! snapshots go through insta, so `cargo insta review` accepts new ones. `iissim test` runs
//! the same files and reads and writes the same snapshots.

use iissim::spec::{run::run_spec, Spec};

#[test]
fn fixture_specs() {
    insta::glob!("../fixtures/modules", "*/specs/*.toml", |path| {
        let spec = Spec::load(path).unwrap();
        let outcomes = run_spec(&spec, None, None).unwrap();
        assert!(!outcomes.is_empty(), "{} has no cases", path.display());
        let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
        assert!(failed.is_empty(), "{}", iissim::spec::suite::report(&outcomes));
        for outcome in outcomes {
            for snapshot in outcome.snapshots {
                let mut settings = insta::Settings::clone_current();
                settings.set_snapshot_path(spec.snapshot_dir());
                settings.set_prepend_module_to_snapshot(false);
                settings.remove_snapshot_suffix();
                settings.remove_input_file();
                settings.bind(|| insta::assert_snapshot!(snapshot.name.as_str(), snapshot.contents));
            }
        }
    });
    // Then every case again over HTTP: after the in-process run, not beside it, because two
    // workers of one module in one process share the module's globals (its image is loaded once).
    specs_over_http();
}

/// Every case of every fixture spec again over HTTP, through the hyper front end `iissim serve`
/// uses, on a connection kept alive as a browser keeps it:
/// - what a client can see (status, headers, body) must meet the same expectations the
///   in-process run checks;
/// - and it must be the response the harness gives for the same request from the same
///   addresses (the only transport facts: the ports), so every response snapshot, which pins
///   the harness's answer, holds over HTTP too. Header names compare without case: hyper
///   writes them in Title-Case. (Traces and diagnostics are not on the wire.)
fn specs_over_http() {
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut paths = Vec::new();
    for module in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/modules")).unwrap() {
        let Ok(specs) = std::fs::read_dir(module.unwrap().path().join("specs")) else { continue };
        paths.extend(specs.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "toml")));
    }
    paths.sort();
    for path in paths {
        let spec = Spec::load(&path).unwrap();
        // The harness and the server each load images of their own (built with a define of
        // their own), so that neither sees module globals the other, or the in-process pass
        // before, changed: as if each ran in a fresh process.
        let mut config = iissim::Config::load(&spec.config_path()).unwrap();
        for module in &mut config.modules {
            module.defines.push("IISSIM_HARNESS_APART".into());
        }
        let harness = iissim::Harness::new(&config).unwrap().strict(false);
        let server = crate::common::Server::start_apart(&spec.config_path());
        for case in &spec.cases {
            cases += 1;
            let mut local = harness.request(&case.request.method, &case.request.path).body(case.request.body.clone());
            // The request the harness would make, byte for byte: Host, the case's headers, the
            // credentials, then Content-Length for a body.
            let mut head = format!("{} {} HTTP/1.1\r\nHost: localhost\r\n", case.request.method, case.request.path);
            for (name, value) in &case.request.headers {
                head.push_str(&format!("{name}: {value}\r\n"));
                local = local.header(name, value);
            }
            if let Some(user) = &case.request.user {
                let credentials = harness.worker().credentials_for(user).unwrap();
                head.push_str(&format!("Authorization: {credentials}\r\n"));
                local = local.header("Authorization", &credentials);
            }
            if !case.request.body.is_empty() {
                head.push_str(&format!("Content-Length: {}\r\n", case.request.body.len()));
            }
            head.push_str("\r\n");
            head.push_str(&case.request.body);
            let head_only = case.request.method == "HEAD";
            let (raw, client) = crate::common::http_exchange_kept_alive(server.addr, &head, head_only);
            let mut wire = parse(&raw);
            for failure in iissim::spec::run::check_wire(case, &wire) {
                failures.push(format!("{}/{}: {failure}", spec.display_name(), case.name));
            }

            let mut expected = local.remote(client).local(server.addr).send();
            if expected.connection == iissim::ConnectionEnd::Reset {
                continue;
            }
            if head_only {
                expected.body.clear();
            }
            // hyper adds Date when the response has none.
            if !expected.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("Date")) {
                wire.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Date"));
            }
            let (wire, expected) = (comparable(&wire), comparable(&expected));
            if wire != expected {
                failures.push(format!(
                    "{}/{}: the HTTP response is not the harness's:\n{}",
                    spec.display_name(),
                    case.name,
                    iissim::spec::snapshot::diff(&expected, &wire)
                ));
            }
        }
    }
    assert!(cases > 50, "only {cases} cases found");
    assert!(failures.is_empty(), "{} case(s) differ over HTTP:\n{}", failures.len(), failures.join("\n"));
}

/// A response as text for comparison: header names in lower case, headers sorted (hyper
/// groups them by name).
fn comparable(response: &iissim::Response) -> String {
    let mut headers: Vec<(String, String)> =
        response.headers.iter().map(|(n, v)| (n.to_ascii_lowercase(), v.clone())).collect();
    headers.sort();
    iissim::spec::run::render_response(&iissim::Response { headers, ..response.clone() })
}

/// An HTTP/1.1 response as the spec checks see it (Content-Length or chunked body).
fn parse(raw: &str) -> iissim::Response {
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let _version = parts.next();
    let status = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let reason = parts.next().unwrap_or_default().to_string();
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("Transfer-Encoding") && v.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.as_bytes().to_vec() };
    iissim::Response {
        method: String::new(),
        url: String::new(),
        site_id: 0,
        status,
        substatus: 0,
        reason,
        headers,
        body,
        trace: Default::default(),
        diagnostics: Vec::new(),
        connection: Default::default(),
    }
}

fn dechunk(mut rest: &str) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.split(';').next().unwrap_or("0").trim(), 16) else { break };
        if size == 0 || after.len() < size {
            break;
        }
        body.extend_from_slice(&after.as_bytes()[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}
