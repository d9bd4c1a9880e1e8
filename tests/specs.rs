//! Every spec file of every fixture, run inside `cargo test`: expectations are asserted, and
//! snapshots go through insta, so `cargo insta review` accepts new ones. `iissim test` runs
//! the same files and reads and writes the same snapshots.

use iissim::spec::{run::run_spec, Spec};

#[test]
fn fixture_specs() {
    insta::glob!("../fixtures/modules", "*/specs/*.toml", |path| {
        let spec = Spec::load(path).unwrap();
        let outcomes = run_spec(&spec, None, None).unwrap();
        assert!(!outcomes.is_empty(), "{} has no cases", path.display());
        let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
        assert!(failed.is_empty(), "{}", iissim::spec::suite::report(&outcomes));
        for outcome in outcomes {
            for snapshot in outcome.snapshots {
                let mut settings = insta::Settings::clone_current();
                settings.set_snapshot_path(spec.snapshot_dir());
                settings.set_prepend_module_to_snapshot(false);
                settings.remove_snapshot_suffix();
                settings.remove_input_file();
                settings.bind(|| insta::assert_snapshot!(snapshot.name.as_str(), snapshot.contents));
            }
        }
    });
}
