//! What the benchmark reads from the machine: tools on PATH (installed when missing), /proc,
//! processes it starts and stops.

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `command` found on PATH as an executable file (some tools, wrk among them, have no
/// `--version` that exits 0).
pub fn on_path(command: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(command)).find(|p| p.is_file())
}

/// Makes sure `command` is on PATH: as root with apt-get it installs `package`, otherwise it
/// stops with the exact install line.
pub fn ensure(command: &str, package: &str, needed_for: &str) -> Result<()> {
    if on_path(command).is_some() {
        return Ok(());
    }
    let line = format!("apt-get update && apt-get install -y {package}");
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if root && on_path("apt-get").is_some() {
        eprintln!("xtask bench: {command} is missing ({needed_for}); installing: {line}");
        let status =
            Command::new("sh").args(["-c", &format!("DEBIAN_FRONTEND=noninteractive {line} >/dev/null")]).status()?;
        if status.success() && on_path(command).is_some() {
            return Ok(());
        }
        bail!("installing {package} failed; run: {line}");
    }
    bail!("{command} is missing ({needed_for}); install it with: sudo {line}")
}

/// Clock ticks per second of /proc's CPU times.
pub fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// utime + stime of a process (all its threads), in clock ticks.
pub fn cpu_ticks(pid: u32) -> Result<u64> {
    let stat =
        std::fs::read_to_string(format!("/proc/{pid}/stat")).with_context(|| format!("reading /proc/{pid}/stat"))?;
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).context("malformed /proc/pid/stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    let utime: u64 = fields.get(11).context("no utime")?.parse()?;
    let stime: u64 = fields.get(12).context("no stime")?.parse()?;
    Ok(utime + stime)
}

/// Resident set size of a process, in KiB (`VmRSS`).
pub fn rss_kib(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("no VmRSS in /proc/pid/status")
}

/// The facts the report names the machine by.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name").map(|v| v.trim_start_matches([' ', '\t', ':']).to_string()))
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let kernel = output("uname", &["-r"]).unwrap_or_default();
    let rustc = output("rustc", &["--version"]).unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("{cores} cores (nproc), {cpu}, Linux {kernel}, {rustc}; load average at start {load}")
}

pub fn output(command: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(command).args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A server the benchmark started: stopped with SIGTERM when dropped.
pub struct Server {
    pub name: &'static str,
    pub addr: String,
    child: Child,
}

impl Server {
    /// Starts `command` and waits (up to `timeout`) for its first stdout line that holds
    /// `http://ADDR/`.
    pub fn start(name: &'static str, mut command: Command, timeout: Duration) -> Result<Server> {
        command.stdout(Stdio::piped()).stdin(Stdio::null());
        let shown = format!("{command:?}");
        let mut child = command.spawn().with_context(|| format!("starting {shown}"))?;
        let stdout = child.stdout.take().context("piped stdout")?;
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let first = lines.next();
            let _ = send.send(first);
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines {}
        });
        let mut server = Server { name, addr: String::new(), child };
        let line = match receive.recv_timeout(timeout) {
            Ok(Some(Ok(line))) => line,
            _ => bail!("{shown} did not report its address within {timeout:?}"),
        };
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).context("no http:// in the first line")?;
        server.addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM, then wait for it to end.
    pub fn stop(mut self) -> Result<()> {
        self.terminate();
        Ok(())
    }

    fn terminate(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// A fresh scratch folder for this run.
pub fn scratch(base: &Path, name: &str) -> Result<PathBuf> {
    let dir = base.join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
