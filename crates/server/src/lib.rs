//! The HTTP front end: hyper 1.x on tokio, serving a [`Worker`] on a TCP listener.
//!
//! Thread per core: each serving thread runs its own single-threaded runtime and accepts on the
//! shared listener; a connection stays on the thread that accepted it and its requests run
//! there, inline, with no hop to another thread. A request whose notification is
//! RQ_NOTIFICATION_PENDING awaits its completion without holding the thread: the thread goes on
//! serving its other connections (IIS likewise returns the thread to its pool). A module that
//! blocks inside a notification does hold its thread, as it holds an IIS worker thread;
//! `threads` sets how many there are.
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
use tokio::sync::watch;

/// Serves `worker` on `listener` with `threads` serving threads until `shutdown` completes,
/// with `housekeeping` between requests; then stops accepting, lets the requests in flight
/// finish, and returns. Blocks the calling thread, which runs `shutdown` and the housekeeping.
pub fn serve(
    worker: Arc<Worker>,
    listener: std::net::TcpListener,
    threads: usize,
    housekeeping: Housekeeping,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    let activity = Arc::new(Activity::default());
    let (stop, stopped) = watch::channel(false);
    let mut serving = Vec::new();
    for index in 0..threads.max(1) {
        let listener = listener.try_clone()?;
        let (worker, activity, stopped) = (worker.clone(), activity.clone(), stopped.clone());
        serving.push(std::thread::Builder::new().name(format!("iissim-http-{index}")).spawn(
            move || -> std::io::Result<()> {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
                tokio::task::LocalSet::new().block_on(&runtime, accept(worker, listener, local, activity, stopped))
            },
        )?);
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let _housekeeping = AbortOnDrop(tokio::spawn(housekeeping::run(worker.clone(), housekeeping, activity)));
        shutdown.await;
    });
    let _ = stop.send(true);
    let mut result = Ok(());
    for thread in serving {
        match thread.join() {
            Ok(Err(e)) => result = Err(e),
            Err(_) => result = Err(std::io::Error::other("a serving thread panicked")),
            Ok(Ok(())) => {}
        }
    }
    result
}

/// How long serving goes on after the stop for requests in flight to finish.
const DRAIN: std::time::Duration = std::time::Duration::from_secs(30);

/// One serving thread: accepts connections and serves each on this thread until told to stop,
/// then waits for the requests in flight (on every thread) to end.
async fn accept(
    worker: Arc<Worker>,
    listener: std::net::TcpListener,
    local: SocketAddr,
    activity: Arc<Activity>,
    mut stopped: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let listener = TcpListener::from_std(listener)?;
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of descriptors, say: wait a little rather than spin.
                    eprintln!("iissim: accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stopped.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        let (worker, activity) = (worker.clone(), activity.clone());
        tokio::task::spawn_local(async move {
            let service = service_fn(move |request| handle(worker.clone(), activity.clone(), request, remote, local));
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
    // Requests still running (a pending notification, say) finish before the worker goes, for
    // a while: kept-alive clients may go on sending.
    let drain_until = std::time::Instant::now() + DRAIN;
    while activity.busy() && std::time::Instant::now() < drain_until {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    Ok(())
}

/// Binds `bind`, calls `ready` with the bound address, and serves with `threads` threads until
/// Ctrl-C or SIGTERM.
pub fn run(
    worker: Arc<Worker>,
    bind: &str,
    threads: usize,
    housekeeping: Housekeeping,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(bind)?;
    ready(listener.local_addr()?);
    serve(worker, listener, threads, housekeeping, stop_signal())
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
    activity: Arc<Activity>,
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
    // The pipeline runs as a task of its own on this thread: should hyper drop this future
    // (the client went away), the request still runs to its end, so no module is left holding
    // a context that was freed under it.
    let busy = activity.begin();
    let running = tokio::task::spawn_local(async move {
        let response = worker.execute_async(request).await;
        drop(busy);
        response
    });
    let response = running.await.map_err(|e| std::io::Error::other(format!("the request failed: {e}")))?;
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
