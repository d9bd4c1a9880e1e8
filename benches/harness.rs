//! In-process requests per second through [`iissim::Harness`] for the seed fixture module
//! (`fixtures/modules/user-token`): one `GET /` each, as a snapshot test sends it, with the
//! trace off (`[trace] level = "off"`: diagnostics only), at its default level (notifications,
//! host events, diagnostics) and with every API call recorded (`level = "calls"`).
//! `cargo xtask bench` runs this and reads the medians; `cargo bench --bench harness` runs it alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iissim::{Config, Harness, TraceLevel};
use std::path::Path;
use std::time::Duration;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/modules/user-token/iissim.toml");

fn harness(level: TraceLevel) -> Harness {
    let mut config = Config::load(Path::new(SEED)).expect("the seed fixture's config loads");
    config.trace.level = level;
    Harness::new(&config).expect("the seed fixture builds and loads")
}

fn seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("harness");
    group.throughput(Throughput::Elements(1));
    for (label, level) in [("off", TraceLevel::Off), ("default", TraceLevel::Default), ("calls", TraceLevel::Calls)] {
        let harness = harness(level);
        let first = harness.get("/").send();
        assert_eq!(first.status, 200, "the seed module answers");
        group.bench_function(label, |b| b.iter(|| harness.get("/").send()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(50);
    targets = seed
}
criterion_main!(benches);
