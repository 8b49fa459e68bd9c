//! Inputs kept from fuzzing (`cargo fuzz run post --sanitizer none`) and hand-made edge
//! cases: every core entry point must take each of them without panicking.

use std::path::Path;

#[test]
fn regression_inputs_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    assert!(
        files.len() >= 40,
        "regression inputs missing from {}",
        dir.display()
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        // The fuzz target feeds text; bytes that are not UTF-8 are read lossily here.
        let text = String::from_utf8_lossy(&bytes);
        quire_core::exercise(&text);
    }
}
