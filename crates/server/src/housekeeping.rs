//! What an IIS worker process sees between requests, while `iissim serve` runs: pings
//! (GL_HEALTH_CHECK), the idle time-out (GL_SUSPEND_PROCESS), changes to the configuration
//! file (GL_CONFIGURATION_CHANGE) and to the directories modules watch (GL_FILE_CHANGE). One task looks four times a second; module calls run on the
//! blocking pool, so a slow module never stalls a runtime thread that serves connections.

use iissim_host::config::{Config, IdleAction};
use iissim_host::trace::Trace;
use iissim_host::Worker;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

const TICK: Duration = Duration::from_millis(250);

/// What to do between requests; everything off is [`Housekeeping::default`].
#[derive(Clone, Debug, Default)]
pub struct Housekeeping {
    /// Raise GL_CONFIGURATION_CHANGE when this file changes from the modification time it
    /// had when it was loaded.
    pub config_file: Option<(PathBuf, Option<SystemTime>)>,
    /// Raise GL_HEALTH_CHECK this often.
    pub ping_interval: Option<Duration>,
    /// Suspend the worker after this long without a request.
    pub idle_suspend: Option<Duration>,
}

impl Housekeeping {
    /// What `config` (loaded from `path`) asks for in `[worker]`.
    pub fn from_config(config: &Config, path: &Path) -> Housekeeping {
        let seconds = |s: u64| (s > 0).then(|| Duration::from_secs(s));
        Housekeeping {
            config_file: config.worker.watch_config.then(|| (path.to_path_buf(), modified(path))),
            ping_interval: seconds(config.worker.ping_interval_s),
            idle_suspend: match config.worker.idle_timeout_action {
                IdleAction::Suspend => seconds(config.worker.idle_timeout_s),
                IdleAction::None => None,
            },
        }
    }
}

/// Requests in flight and when the last one ended, kept by the request handler.
pub struct Activity {
    in_flight: AtomicUsize,
    last: Mutex<Instant>,
}

impl Default for Activity {
    fn default() -> Self {
        Activity { in_flight: AtomicUsize::new(0), last: Mutex::new(Instant::now()) }
    }
}

impl Activity {
    /// A request starts; the guard marks its end.
    pub fn begin(self: &Arc<Self>) -> ActivityGuard {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        ActivityGuard(self.clone())
    }

    /// Whether a request is running.
    pub fn busy(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) > 0
    }

    /// How long no request has been running (zero while one is).
    fn idle_for(&self) -> Duration {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return Duration::ZERO;
        }
        self.last.lock().unwrap_or_else(|e| e.into_inner()).elapsed()
    }
}

pub struct ActivityGuard(Arc<Activity>);

impl Drop for ActivityGuard {
    fn drop(&mut self) {
        *self.0.last.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Runs until the task is dropped (the server stops).
pub async fn run(worker: Arc<Worker>, housekeeping: Housekeeping, activity: Arc<Activity>) {
    let mut config_seen = housekeeping.config_file.as_ref().and_then(|(_, loaded)| *loaded);
    let mut last_ping = Instant::now();
    let mut ticks = tokio::time::interval(TICK);
    loop {
        ticks.tick().await;
        if let Some((path, _)) = &housekeeping.config_file {
            let now = modified(path);
            if now.is_some() && now != config_seen {
                config_seen = now;
                println!(
                    "iissim: {} changed: GL_CONFIGURATION_CHANGE (a changed module list takes a restart)",
                    path.display()
                );
                report(call(&worker, Worker::configuration_changed).await);
            }
        }
        if worker.watches_files() {
            report(call(&worker, Worker::watch_files).await);
        }
        if let Some(interval) = housekeeping.ping_interval {
            if last_ping.elapsed() >= interval {
                last_ping = Instant::now();
                report(call(&worker, Worker::health_check).await);
            }
        }
        if let Some(limit) = housekeeping.idle_suspend {
            if !worker.is_suspended() && activity.idle_for() >= limit {
                println!("iissim: idle for {} s: suspending the worker (GL_SUSPEND_PROCESS)", limit.as_secs());
                report(call(&worker, Worker::suspend).await);
            }
        }
    }
}

/// Runs `what` on the worker on the blocking pool.
async fn call(worker: &Arc<Worker>, what: fn(&Worker) -> Trace) -> Option<Trace> {
    let worker = worker.clone();
    tokio::task::spawn_blocking(move || what(&worker)).await.ok()
}

fn report(trace: Option<Trace>) {
    for diagnostic in trace.iter().flat_map(|t| t.diagnostics()) {
        eprintln!("iissim: {diagnostic}");
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
