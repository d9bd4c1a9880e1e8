//! Many requests in flight at once over HTTP, each going pending and completing on the module's
//! own thread pool: every request gets exactly its own answer, none lost, none doubled.

use crate::common::{fixture, http_exchange, Server};
use std::collections::BTreeSet;

const CLIENTS: usize = 8;
const REQUESTS_PER_CLIENT: usize = 250;

#[test]
fn thousands_of_pending_requests_over_http_each_get_their_own_answer() {
    let server = Server::start(&fixture("pending-pool/iissim.toml"));
    let addr = server.addr;
    let answers: Vec<(String, String)> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|client| {
                scope.spawn(move || {
                    (0..REQUESTS_PER_CLIENT)
                        .map(|i| {
                            let id = format!("c{client}-r{i}");
                            let raw = http_exchange(
                                addr,
                                &format!("GET / HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: {id}\r\nConnection: close\r\n\r\n"),
                            );
                            (id, raw)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        clients.into_iter().flat_map(|c| c.join().unwrap()).collect()
    });
    assert_eq!(answers.len(), CLIENTS * REQUESTS_PER_CLIENT);
    let mut echoed = BTreeSet::new();
    for (id, raw) in &answers {
        assert!(raw.starts_with("HTTP/1.1 200 OK\r\n"), "{id}: {raw}");
        assert!(raw.contains(&format!("\r\nX-Echo: {id}\r\n")), "{id}: {raw}");
        assert!(raw.ends_with(&format!("request {id} completed on the pool\n")), "{id}: {raw}");
        assert!(echoed.insert(id.clone()), "{id} answered twice");
    }
    assert_eq!(echoed.len(), CLIENTS * REQUESTS_PER_CLIENT, "every request answered once");
}
