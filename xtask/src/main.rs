//! `cargo xtask serve | test | bench`: Quire's set-up, serve, test and bench commands.
//!
//! Each command first installs whatever is missing (wasm target, Trunk, wasm-bindgen-cli,
//! wasm-opt, and for tests Chromium and ChromeDriver), says what it is doing, and stops with
//! a clear message naming the step that failed.

mod post_build;
mod steps;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use steps::{step, Cmd, TestCount};
use tools::Toolchain;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N]   build Quire and serve it on http://127.0.0.1:N/ (default 8080)
  test               run every check and test: fmt, clippy (native and wasm32), native tests,
                     browser tests in headless Chromium, release build, end-to-end tests
  bench              build for release and print bundle sizes and load timings
  capture-storage NAME
                     build for release, write drafts, revisions and preferences with it in
                     headless Chromium, and keep its localStorage as the fixture
                     tests/fixtures/storage/NAME (run once per storage format)
  setup              install the tools only
  post-build         (run by Trunk after each build) add the Content-Security-Policy
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("capture-storage") => match &args[1..] {
            [name] => capture_storage(name),
            _ => Err(format!("capture-storage takes a fixture name\n{USAGE}")),
        },
        Some("post-build") => post_build::run(),
        Some("setup") => Toolchain::ensure().and_then(|tools| tools.browser().map(|_| ())),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err(format!("serve takes only --port N\n{USAGE}")),
    };
    let tools = Toolchain::ensure()?;
    step(&format!(
        "Building and serving Quire on http://127.0.0.1:{port}/ (Ctrl+C stops)"
    ));
    tools
        .trunk(&[
            "serve",
            "--release",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
        ])
        .run("trunk serve")
}

/// `cargo` with arguments given as one space-separated string.
fn cargo(args: &str) -> Cmd {
    let args: Vec<&str> = args.split_whitespace().collect();
    Cmd::new("cargo", &args)
}

/// A fresh folder for the temporary files of a run in Chromium (downloads, files a test
/// writes to choose, Chromium's own profiles): `TMPDIR` points there, and it is removed when
/// the run passes, so nothing is left behind. It sits in the system's temporary folder
/// under a short name: Chromium's profile holds a socket whose path must stay short.
fn scratch(name: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("quire-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("could not make the scratch folder {}: {e}", dir.display()))?;
    Ok(dir)
}

fn test() -> Result<(), String> {
    let tools = Toolchain::ensure()?;
    let browser = tools.browser()?;
    let root = root();

    step("Format check (cargo fmt --check)");
    cargo("fmt --all -- --check").run("cargo fmt --check")?;

    step("Clippy, native, warnings denied");
    cargo("clippy -p quire-core -p quire-e2e -p xtask --all-targets -- -D warnings")
        .run("clippy (native)")?;

    step("Clippy, wasm32, warnings denied (the app with its browser tests; the core library)");
    cargo("clippy -p quire --target wasm32-unknown-unknown --all-targets -- -D warnings")
        .run("clippy (wasm32, app)")?;
    // The core's tests use proptest, a native-only dev-dependency: check its library here.
    cargo("clippy -p quire-core --target wasm32-unknown-unknown --lib -- -D warnings")
        .run("clippy (wasm32, core)")?;

    let mut count = TestCount::default();
    step("Native tests (quire-core, xtask)");
    count += cargo("test -p quire-core -p xtask").run_tests("native tests")?;

    step("Browser tests (wasm-bindgen-test in headless Chromium)");
    let tmp = scratch("test")?;
    count += tools
        .cmd(
            "cargo",
            &["test", "-p", "quire", "--target", "wasm32-unknown-unknown"],
        )
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env("TMPDIR", &tmp)
        .run_tests("browser tests")?;

    step("Release build (trunk build --release)");
    let dist = tools.release_build(&root)?;

    step("End-to-end tests against the release build in headless Chromium");
    count += cargo("test -p quire-e2e -- --test-threads=2")
        .env("QUIRE_DIST", &dist)
        .env("QUIRE_CHROMIUM", &browser.chromium)
        .env("QUIRE_CHROMEDRIVER", &browser.chromedriver)
        .env("TMPDIR", &tmp)
        .run_tests("end-to-end tests")?;
    let _ = std::fs::remove_dir_all(&tmp);

    step("All checks and tests passed");
    println!("tests: {} passed, {} failed", count.passed, count.failed);
    Ok(())
}

/// Keep what this build stores as a fixture every later release must read.
fn capture_storage(name: &str) -> Result<(), String> {
    let tools = Toolchain::ensure()?;
    let browser = tools.browser()?;
    let root = root();
    step("Release build (trunk build --release)");
    let dist = tools.release_build(&root)?;
    step(&format!(
        "Capturing the storage of this build as tests/fixtures/storage/{name}"
    ));
    Cmd::new(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "quire-e2e",
            "--bin",
            "quire-capture-storage",
            "--",
            name,
        ],
    )
    .env("QUIRE_DIST", &dist)
    .env("QUIRE_CHROMIUM", &browser.chromium)
    .env("QUIRE_CHROMEDRIVER", &browser.chromedriver)
    .env("TMPDIR", scratch("capture")?)
    .run("capture-storage")
}

fn bench() -> Result<(), String> {
    let tools = Toolchain::ensure()?;
    let browser = tools.browser()?;
    let root = root();
    step("Release build (trunk build --release)");
    let dist = tools.release_build(&root)?;
    step("Bench: bundle sizes and load timings in headless Chromium");
    let tmp = scratch("bench")?;
    Cmd::new(
        "cargo",
        &[
            "run",
            "--quiet",
            "--release",
            "-p",
            "quire-e2e",
            "--bin",
            "quire-bench",
        ],
    )
    .env("QUIRE_DIST", &dist)
    .env("QUIRE_CHROMIUM", &browser.chromium)
    .env("QUIRE_CHROMEDRIVER", &browser.chromedriver)
    .env("TMPDIR", &tmp)
    .run("bench")?;
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").is_dir());
    }
}
