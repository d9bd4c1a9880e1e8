//! The HTTP front end: hyper 1.x on tokio, serving a [`Worker`] on a TCP listener.
//!
//! The pipeline runs inline on the connection's runtime thread, not through
//! `spawn_blocking`: on this project's 2-core reference machine a thread hop per request cost
//! 2.7x throughput and about 20 µs of latency. A module that blocks holds that runtime thread,
//! as a blocking module holds an IIS worker thread; `threads` sets how many there are.
#![forbid(unsafe_code)]

mod housekeeping;

use housekeeping::Activity;
pub use housekeeping::Housekeeping;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use iissim_host::{Request, Worker};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Serves `worker` on `listener` until `shutdown` completes, with `housekeeping` between
/// requests.
pub async fn serve(
    worker: Arc<Worker>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
    housekeeping: Housekeeping,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    let activity = Arc::new(Activity::default());
    // Dropped (so stopped) when serving ends.
    let _housekeeping = AbortOnDrop(tokio::spawn(housekeeping::run(worker.clone(), housekeeping, activity.clone())));
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    eprintln!("iissim: accept failed: {e}");
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let _ = stream.set_nodelay(true);
        let worker = worker.clone();
        let activity = activity.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let guard = activity.begin();
                let response = handle(worker.clone(), request, remote, local);
                async move {
                    let response = response.await;
                    drop(guard);
                    response
                }
            });
            let mut http = http1::Builder::new();
            // IIS writes header names in their usual capitalisation; hyper would write lower case.
            http.title_case_headers(true);
            if let Err(e) = http.serve_connection(TokioIo::new(stream), service).await {
                // A module's ResetConnection/CloseConnection is not an error of the connection.
                if !e.is_incomplete_message() && !e.to_string().contains("the module reset the connection") {
                    eprintln!("iissim: connection from {remote}: {e}");
                }
            }
        });
    }
}

/// Builds a runtime of `threads` worker threads, binds `bind`, calls `ready` with the bound
/// address, and serves until Ctrl-C or SIGTERM.
pub fn run(
    worker: Arc<Worker>,
    bind: &str,
    threads: usize,
    housekeeping: Housekeeping,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(threads.max(1)).enable_all().build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind(bind).await?;
        ready(listener.local_addr()?);
        serve(worker, listener, stop_signal(), housekeeping).await
    })
}

/// A task that stops when its handle goes.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Ctrl-C, or SIGTERM where there is one: either ends serving cleanly (modules terminate).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

async fn handle(
    worker: Arc<Worker>,
    request: hyper::Request<Incoming>,
    remote: SocketAddr,
    local: SocketAddr,
) -> Result<hyper::Response<Full<Bytes>>, std::io::Error> {
    let (parts, body) = request.into_parts();
    let body = if hyper::body::Body::is_end_stream(&body) {
        Vec::new()
    } else {
        match body.collect().await {
            Ok(collected) => collected.to_bytes().to_vec(),
            Err(e) => return Ok(plain(400, format!("cannot read the request body: {e}"))),
        }
    };
    let version = match parts.version {
        hyper::Version::HTTP_10 => (1, 0),
        hyper::Version::HTTP_09 => (0, 9),
        _ => (1, 1),
    };
    let request = Request {
        method: parts.method.as_str().to_string(),
        target: parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_string(), |pq| pq.as_str().to_string()),
        version,
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (canonical_name(n.as_str()), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body,
        remote,
        local,
    };
    let is_head = request.method == "HEAD";
    let response = worker.execute(request);
    for diagnostic in &response.diagnostics {
        eprintln!("iissim: {diagnostic}");
    }
    if response.connection == iissim_host::exchange::ConnectionEnd::Reset {
        // ResetConnection / CloseConnection: no response; hyper drops the connection.
        return Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "the module reset the connection"));
    }
    let mut builder = hyper::Response::builder().status(response.status);
    for (name, value) in &response.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let body = if is_head { Bytes::new() } else { Bytes::from(response.body) };
    let mut out = match builder.body(Full::new(body)) {
        Ok(out) => out,
        Err(e) => return Ok(plain(500, format!("the module produced a response HTTP cannot carry: {e}"))),
    };
    // The reason phrase travels as an extension only when it is not the standard one.
    if out.status().canonical_reason() != Some(response.reason.as_str()) {
        if let Ok(reason) = hyper::ext::ReasonPhrase::try_from(response.reason.into_bytes()) {
            out.extensions_mut().insert(reason);
        }
    }
    Ok(out)
}

fn plain(status: u16, text: String) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(text)));
    *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    response
}

/// `content-type` -> `Content-Type`: hyper lower-cases names; IIS modules see them as sent,
/// and clients send them capitalised.
fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c });
        upper = c == '-';
    }
    out
}
