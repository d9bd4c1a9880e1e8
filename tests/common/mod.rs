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
        let (loaded, worker) = iissim::load_worker_from(config).expect("the fixture loads");
        let housekeeping = iissim_server::Housekeeping::from_config(&loaded, config);
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                iissim_server::serve(
                    worker,
                    listener,
                    async {
                        let _ = stopped.await;
                    },
                    housekeeping,
                )
                .await
                .unwrap();
            });
        });
        let addr = addr_rx.recv().expect("the server binds");
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
