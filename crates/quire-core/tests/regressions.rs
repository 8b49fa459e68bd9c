//! Inputs kept from fuzzing (`cargo fuzz run TARGET --sanitizer none`) and hand-made edge
//! cases: each fuzz target must take each of its inputs without panicking.
//!
//! `tests/regressions/` holds the `post` target's inputs (the first target); each other
//! target's are in `tests/fuzz-regressions/<target>/`.

use std::path::{Path, PathBuf};

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|f| f.is_file());
    files.sort();
    files
}

fn replay(target: &str, dir: &Path, at_least: usize) {
    let run = quire_core::fuzz::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, run)| *run)
        .unwrap_or_else(|| panic!("no fuzz target {target}"));
    let files = inputs(dir);
    assert!(
        files.len() >= at_least,
        "regression inputs missing from {}",
        dir.display()
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        eprintln!("{target}: {}", file.display());
        run(&bytes);
    }
}

#[test]
fn post_inputs_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    replay("post", &dir, 40);
}

#[test]
fn every_other_target_replays_its_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    for (target, _) in &quire_core::fuzz::TARGETS[1..] {
        replay(target, &root.join(target), 3);
    }
}
