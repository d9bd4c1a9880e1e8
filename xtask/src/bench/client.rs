//! A small HTTP/1.1 client over std's TcpStream: one raw response (to compare bytes), and a
//! bounded keep-alive load of an exact number of requests (for the memory benchmark, where wrk
//! cannot stop at a count).

use anyhow::{bail, Context, Result};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const REQUEST: &str = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: iissim-bench\r\nAccept: */*\r\n\r\n";

/// One `GET /` on a fresh connection; the whole response as sent.
pub fn get_raw(addr: &str) -> Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).with_context(|| format!("connecting to {addr}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.write_all(REQUEST.as_bytes())?;
    let mut buffer = Vec::new();
    let mut reader = Reader { stream, buffer: &mut buffer, start: 0 };
    let end = reader.response()?;
    Ok(buffer[..end].to_vec())
}

/// The response with its Date value masked (it changes every second).
pub fn masked(response: &[u8]) -> String {
    String::from_utf8_lossy(response)
        .split("\r\n")
        .map(|line| if line.to_ascii_lowercase().starts_with("date:") { "Date: <masked>" } else { line })
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// Sends `total` requests over `connections` keep-alive connections, `depth` pipelined at a
/// time on each; fails on any status but 200.
pub fn load(addr: &str, total: u64, connections: u64, depth: u64) -> Result<u64> {
    let per = total / connections;
    let threads: Vec<_> = (0..connections)
        .map(|i| {
            let addr = addr.to_string();
            let count = if i == 0 { per + total % connections } else { per };
            std::thread::spawn(move || one_connection(&addr, count, depth))
        })
        .collect();
    let mut done = 0;
    for thread in threads {
        done += thread.join().map_err(|_| anyhow::anyhow!("a load thread panicked"))??;
    }
    Ok(done)
}

fn one_connection(addr: &str, count: u64, depth: u64) -> Result<u64> {
    let mut stream = TcpStream::connect(addr).with_context(|| format!("connecting to {addr}"))?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let batch_bytes: Vec<u8> = REQUEST.repeat(depth as usize).into_bytes();
    let mut buffer = Vec::with_capacity(64 * 1024);
    let mut done = 0;
    while done < count {
        let n = depth.min(count - done);
        if n == depth {
            stream.write_all(&batch_bytes)?;
        } else {
            stream.write_all(REQUEST.repeat(n as usize).as_bytes())?;
        }
        let mut reader = Reader { stream: stream.try_clone()?, buffer: &mut buffer, start: 0 };
        for _ in 0..n {
            let end = reader.response()?;
            reader.start = end;
        }
        let consumed = reader.start;
        buffer.drain(..consumed);
        done += n;
    }
    Ok(done)
}

struct Reader<'b> {
    stream: TcpStream,
    buffer: &'b mut Vec<u8>,
    /// Where the next response starts in `buffer`.
    start: usize,
}

impl Reader<'_> {
    /// Reads until the response at `start` is complete; returns where it ends.
    fn response(&mut self) -> Result<usize> {
        loop {
            if let Some(end) = complete(&self.buffer[self.start..])? {
                return Ok(self.start + end);
            }
            let mut chunk = [0u8; 16 * 1024];
            let n = self.stream.read(&mut chunk)?;
            if n == 0 {
                bail!("the server closed the connection mid-response");
            }
            self.buffer.extend_from_slice(&chunk[..n]);
        }
    }
}

/// The length of the complete 200 response at the start of `data`, if it is all there.
fn complete(data: &[u8]) -> Result<Option<usize>> {
    let Some(head_end) = data.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = std::str::from_utf8(&data[..head_end]).context("response head is not UTF-8")?;
    let status = head.lines().next().unwrap_or_default();
    if !status.starts_with("HTTP/1.1 200") {
        bail!("unexpected response: {status}");
    }
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse().ok())?
        })
        .context("response without Content-Length")?;
    let end = head_end + 4 + length;
    Ok((data.len() >= end).then_some(end))
}
