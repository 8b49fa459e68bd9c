//! Finding, and when missing installing, the tools the build and the tests need.
//!
//! Every tool is installed once (with `cargo install`, npm or the OS package manager) and
//! found again on the next run, so a second run rebuilds nothing.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::root;
use crate::steps::{step, Cmd};

/// Trunk 0.22 needs a newer rustc than this project's; 0.21.14 is the newest that builds.
const TRUNK_VERSION: &str = "0.21.14";
/// Older wasm-opt (Debian's 108) writes modules that Chromium refuses to instantiate.
const MIN_WASM_OPT: u32 = 116;
/// The npm build of binaryen that is known to work, used when Node is at hand.
const NPM_BINARYEN: &str = "binaryen@132";

/// The build tools, found or installed, and the PATH that puts them first.
pub struct Toolchain {
    path: OsString,
    /// `None` when no working wasm-opt could be had: then the release build is not optimised.
    wasm_opt: Option<PathBuf>,
}

/// The browser and its WebDriver.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

fn npm_tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with `dirs` in front.
fn path_with(dirs: &[PathBuf]) -> OsString {
    let mut all: Vec<PathBuf> = dirs.to_vec();
    if let Some(path) = env::var_os("PATH") {
        all.extend(env::split_paths(&path));
    }
    env::join_paths(all).unwrap_or_default()
}

/// Find an executable named `name` on `path`.
fn which(name: &str, path: &OsString) -> Option<PathBuf> {
    env::split_paths(path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

impl Toolchain {
    /// Find or install: the wasm32 target, Trunk, wasm-bindgen-cli and wasm-opt.
    pub fn ensure() -> Result<Toolchain, String> {
        step("Checking the build tools (installing what is missing, once)");
        ensure_wasm_target()?;
        let base = path_with(&[cargo_bin()]);
        ensure_trunk(&base)?;
        ensure_wasm_bindgen(&base)?;
        let wasm_opt = ensure_wasm_opt(&base);
        let mut front = Vec::new();
        if let Some(dir) = wasm_opt.as_ref().and_then(|p| p.parent()) {
            front.push(dir.to_path_buf());
        }
        front.push(cargo_bin());
        Ok(Toolchain {
            path: path_with(&front),
            wasm_opt,
        })
    }

    /// A command that sees the tools on its PATH.
    pub fn cmd(&self, program: &str, args: &[&str]) -> Cmd {
        Cmd::new(program, args).env("PATH", &self.path)
    }

    /// Trunk, with the tools on its PATH.
    pub fn trunk(&self, args: &[&str]) -> Cmd {
        self.cmd("trunk", args)
    }

    /// `trunk build --release` into `dist/`; returns that folder.
    pub fn release_build(&self, root: &Path) -> Result<PathBuf, String> {
        let target = match self.wasm_opt {
            Some(_) => "index.html".to_string(),
            None => {
                // Without a working wasm-opt, ship an unoptimised module rather than a
                // broken one: build from a copy of index.html with optimisation off.
                let html = fs::read_to_string(root.join("index.html"))
                    .map_err(|e| format!("reading index.html: {e}"))?;
                let copy = html.replace("data-wasm-opt=\"z\"", "data-wasm-opt=\"0\"");
                fs::write(root.join("index.noopt.html"), copy)
                    .map_err(|e| format!("writing index.noopt.html: {e}"))?;
                println!("    (no working wasm-opt: building without wasm optimisation)");
                "index.noopt.html".to_string()
            }
        };
        // Trunk runs cargo with --offline: fetch the crates first.
        self.cmd("cargo", &["fetch"])
            .run("fetching crates (cargo fetch)")?;
        self.trunk(&["build", "--release=true", &target])
            .run("release build")?;
        Ok(root.join("dist"))
    }

    /// Find or install Chromium and ChromeDriver.
    pub fn browser(&self) -> Result<Browser, String> {
        step("Checking Chromium and ChromeDriver");
        if let Some(found) = find_browser(&self.path) {
            println!(
                "    found {} and {}",
                found.chromium.display(),
                found.chromedriver.display()
            );
            return Ok(found);
        }
        install_browser()?;
        find_browser(&self.path).ok_or_else(|| {
            "Chromium and ChromeDriver are still not on PATH after installing them".to_string()
        })
    }
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Cmd::new("rustup", &["target", "list", "--installed"])
        .output()
        .unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("    wasm32-unknown-unknown target: installed");
        return Ok(());
    }
    println!("    installing the wasm32-unknown-unknown target with rustup");
    Cmd::new("rustup", &["target", "add", "wasm32-unknown-unknown"])
        .run("installing the wasm32 target (rustup target add wasm32-unknown-unknown)")
}

fn tool_version(program: &Path) -> Option<String> {
    Cmd::new(program, &["--version"]).output()
}

fn ensure_trunk(path: &OsString) -> Result<(), String> {
    let found = which("trunk", path).and_then(|p| tool_version(&p));
    if found.as_deref().map(str::trim) == Some(&format!("trunk {TRUNK_VERSION}")) {
        println!("    trunk {TRUNK_VERSION}: installed");
        return Ok(());
    }
    println!("    installing trunk {TRUNK_VERSION} with cargo (about 11 minutes on 2 cores, once)");
    Cmd::new(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )
    .run("installing trunk")
}

/// The version of `wasm-bindgen` that Cargo.lock holds.
pub fn locked_wasm_bindgen(lock: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"').map(str::to_string);
        }
    }
    None
}

fn ensure_wasm_bindgen(path: &OsString) -> Result<(), String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let wanted =
        locked_wasm_bindgen(&lock).ok_or("Cargo.lock does not name a wasm-bindgen version")?;
    let found = which("wasm-bindgen", path).and_then(|p| tool_version(&p));
    let has_runner = which("wasm-bindgen-test-runner", path).is_some();
    if found.as_deref().map(str::trim) == Some(&format!("wasm-bindgen {wanted}")) && has_runner {
        println!("    wasm-bindgen-cli {wanted}: installed");
        return Ok(());
    }
    println!("    installing wasm-bindgen-cli {wanted} with cargo (about 5 minutes, once)");
    // `--locked` fails here: one of its locked dependencies is not served by the registry.
    Cmd::new(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ],
    )
    .run("installing wasm-bindgen-cli")
}

/// The binaryen release number in `wasm-opt --version` output.
pub fn wasm_opt_release(version_output: &str) -> Option<u32> {
    let rest = version_output.split("version").nth(1)?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn good_wasm_opt(candidate: &Path) -> bool {
    tool_version(candidate)
        .and_then(|v| wasm_opt_release(&v))
        .is_some_and(|release| release >= MIN_WASM_OPT)
}

/// A wasm-opt of binaryen 116 or newer: found, or installed with npm (seconds) when Node
/// is present, else with cargo (about 12 minutes). `None` if none can be had.
fn ensure_wasm_opt(path: &OsString) -> Option<PathBuf> {
    let npm_bin = npm_tools_dir().join("node_modules").join(".bin");
    let candidates = [cargo_bin().join("wasm-opt"), npm_bin.join("wasm-opt")];
    let found = candidates
        .into_iter()
        .chain(which("wasm-opt", path))
        .find(|c| c.is_file() && good_wasm_opt(c));
    if let Some(found) = found {
        println!(
            "    wasm-opt: {} (binaryen {MIN_WASM_OPT} or newer)",
            found.display()
        );
        return Some(found);
    }
    if which("npm", path).is_some() {
        println!("    installing wasm-opt ({NPM_BINARYEN}) with npm into .tools/");
        let dir = npm_tools_dir();
        let dir = dir.to_string_lossy();
        let installed = Cmd::new(
            "npm",
            &[
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                &dir,
                NPM_BINARYEN,
            ],
        )
        .run("installing binaryen with npm");
        let npm_opt = npm_bin.join("wasm-opt");
        if installed.is_ok() && good_wasm_opt(&npm_opt) {
            return Some(npm_opt);
        }
        println!("    npm's binaryen did not work; trying cargo");
    }
    println!("    installing wasm-opt with cargo (binaryen 116, about 12 minutes, once)");
    let installed =
        Cmd::new("cargo", &["install", "wasm-opt", "--locked"]).run("installing wasm-opt");
    let cargo_opt = cargo_bin().join("wasm-opt");
    if installed.is_ok() && good_wasm_opt(&cargo_opt) {
        return Some(cargo_opt);
    }
    println!("    WARNING: no working wasm-opt (binaryen {MIN_WASM_OPT}+); release builds will not be optimised");
    None
}

fn find_browser(path: &OsString) -> Option<Browser> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(|name| which(name, path))?;
    let chromedriver = which("chromedriver", path)?;
    Some(Browser {
        chromium,
        chromedriver,
    })
}

fn is_root() -> bool {
    Cmd::new("id", &["-u"])
        .output()
        .is_some_and(|uid| uid.trim() == "0")
}

fn install_browser() -> Result<(), String> {
    const MANUAL: &str = "Install them with your package manager, for example \
         `sudo apt-get install chromium chromium-driver` (Debian/Ubuntu), then run this again.";
    if which("apt-get", &path_with(&[])).is_none() {
        return Err(format!("Chromium and ChromeDriver are missing. {MANUAL}"));
    }
    let sudo: &[&str] = if is_root() {
        &[]
    } else if Cmd::new("sudo", &["-n", "true"]).output().is_some() {
        &["sudo"]
    } else {
        return Err(format!(
            "Chromium and ChromeDriver are missing and this user may not install packages. {MANUAL}"
        ));
    };
    println!("    installing chromium and chromium-driver with apt-get");
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        Cmd::new(all[0], &all[1..]).env("DEBIAN_FRONTEND", "noninteractive")
    };
    apt(&["update"]).run("apt-get update")?;
    apt(&["install", "-y", "chromium", "chromium-driver"])
        .run("installing chromium and chromium-driver")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_wasm_bindgen() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.1.0\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_wasm_bindgen(lock).as_deref(), Some("0.2.130"));
        assert_eq!(locked_wasm_bindgen("[[package]]\nname = \"x\"\n"), None);
    }

    #[test]
    fn the_workspace_lock_names_wasm_bindgen() {
        let lock = fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
        assert!(locked_wasm_bindgen(&lock).is_some());
    }

    #[test]
    fn parses_wasm_opt_versions() {
        let cases = [
            ("wasm-opt version 108", Some(108)),
            ("wasm-opt version 116 (version_116)", Some(116)),
            ("wasm-opt version 132 (version_132)\n", Some(132)),
            ("nonsense", None),
        ];
        for (output, release) in cases {
            assert_eq!(wasm_opt_release(output), release, "{output}");
        }
    }
}
