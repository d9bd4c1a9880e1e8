//! `bench-hyper`: the baseline of `cargo xtask bench`. A bare hyper 1.x server, set up as
//! `crates/server` sets up hyper (one task per connection, HTTP/1.1, Title-Case header names,
//! TCP_NODELAY, `--threads` threads each with a single-threaded runtime accepting on the shared
//! listener and serving its connections itself), that answers every request with
//! the bytes `iissim serve` sends for the seed fixture (`fixtures/modules/user-token`):
//!
//! ```text
//! HTTP/1.1 200 OK
//! Content-Type: text/xml
//! Content-Length: 51
//! Date: ...
//!
//! <?xml version="1.0" ?><user primaryToken="valid" />
//! ```
//!
//! `bench-hyper --bind 127.0.0.1:0 --threads 2` prints `bench-hyper: serving on http://ADDR/`
//! as its first line and stops on SIGTERM or Ctrl-C. Not a product: it exists to be compared.
#![forbid(unsafe_code)]

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::io::Write;
use tokio::net::TcpListener;

const BODY: &[u8] = br#"<?xml version="1.0" ?><user primaryToken="valid" />"#;

fn main() {
    let mut bind = "127.0.0.1:0".to_string();
    let mut threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--bind", Some(value)) => bind = value,
            ("--threads", Some(value)) => threads = value.parse().unwrap_or(threads),
            _ => {
                eprintln!("usage: bench-hyper [--bind ADDR] [--threads N]");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = run(&bind, threads) {
        eprintln!("bench-hyper: {e}");
        std::process::exit(1);
    }
}

fn run(bind: &str, threads: usize) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(bind)?;
    listener.set_nonblocking(true)?;
    println!("bench-hyper: serving on http://{}/", listener.local_addr()?);
    std::io::stdout().flush()?;
    for _ in 0..threads.max(1) {
        let listener = listener.try_clone()?;
        std::thread::spawn(move || -> std::io::Result<()> {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            tokio::task::LocalSet::new().block_on(&runtime, async move {
                let listener = TcpListener::from_std(listener)?;
                loop {
                    let (stream, _) = match listener.accept().await {
                        Ok(pair) => pair,
                        Err(e) => {
                            eprintln!("bench-hyper: accept failed: {e}");
                            continue;
                        }
                    };
                    let _ = stream.set_nodelay(true);
                    tokio::task::spawn_local(async move {
                        let mut http = http1::Builder::new();
                        http.title_case_headers(true);
                        let _ = http.serve_connection(TokioIo::new(stream), service_fn(handle)).await;
                    });
                }
            })
        });
    }
    // The serving threads end with the process.
    tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(stop_signal());
    Ok(())
}

async fn handle(_request: hyper::Request<Incoming>) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let mut response = hyper::Response::new(Full::new(Bytes::from_static(BODY)));
    response.headers_mut().insert(hyper::header::CONTENT_TYPE, hyper::header::HeaderValue::from_static("text/xml"));
    Ok(response)
}

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
