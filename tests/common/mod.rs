use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};

/// A file under `fixtures/modules/`.
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/modules").join(path)
}

/// A scratch folder of this test binary.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `iissim serve` in-process: the same hyper front end on 127.0.0.1 and a free port.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(config: &Path) -> Server {
        Server::start_with_threads(config, 2)
    }

    /// As `start`, with `threads` serving threads.
    pub fn start_with_threads(config: &Path, threads: usize) -> Server {
        let (loaded, worker) = iissim::load_worker_from(config).expect("the fixture loads");
        Server::serve(worker, iissim_server::Housekeeping::from_config(&loaded, config), threads)
    }

    /// As `start`, with every module built once more with a define of its own: the server's
    /// images (and so their globals) are apart from those a harness in this process loads from
    /// the same configuration, as they are apart in two processes.
    pub fn start_apart(config: &Path) -> Server {
        let mut loaded = iissim::Config::load(config).expect("the fixture's configuration loads");
        for module in &mut loaded.modules {
            module.defines.push("IISSIM_SERVER_APART".into());
        }
        let worker = iissim::load_worker(&loaded).expect("the fixture loads");
        Server::serve(worker, iissim_server::Housekeeping::from_config(&loaded, config), 2)
    }

    fn serve(
        worker: std::sync::Arc<iissim::Worker>,
        housekeeping: iissim_server::Housekeeping,
        threads: usize,
    ) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("the server binds");
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            iissim_server::serve(worker, listener, threads, housekeeping, async {
                let _ = stopped.await;
            })
            .unwrap();
        });
        Server { addr, stop: Some(stop), thread: Some(thread) }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop.take().unwrap().send(());
        let _ = self.thread.take().unwrap().join();
    }
}

/// Sends `request` (a whole HTTP/1.1 request) and returns everything the server sent back.
pub fn http_exchange(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    String::from_utf8_lossy(&response).into_owned()
}

/// Sends `request` on a connection kept alive as a browser keeps it, reads one response (by
/// its Content-Length), then closes and waits for the server to see it. Gives the response
/// (empty when the server dropped the connection instead) and the client's address.
pub fn http_exchange_kept_alive(addr: SocketAddr, request: &str, head_only: bool) -> (String, SocketAddr) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let client = stream.local_addr().unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&response[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if head_only || response.len() >= end + 4 + length {
                break;
            }
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => response.extend_from_slice(&buffer[..n]),
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    while matches!(stream.read(&mut buffer), Ok(n) if n > 0) {}
    (String::from_utf8_lossy(&response).into_owned(), client)
}

/// `GET target` with `Connection: close`, and the response with its `Date` redacted.
pub fn http_get(addr: SocketAddr, target: &str) -> String {
    let raw = http_exchange(addr, &format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    redact_date(&raw)
}

pub fn redact_date(response: &str) -> String {
    response
        .split("\r\n")
        .map(|line| if line.to_ascii_lowercase().starts_with("date:") { "Date: [date]" } else { line })
        .collect::<Vec<_>>()
        .join("\r\n")
}
