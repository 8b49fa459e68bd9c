//! Running commands as named steps that print what they do and say clearly what failed.

use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Print a step heading.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// A command to run, built up like `std::process::Command` but printable.
pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>, args: &[&str]) -> Self {
        Cmd {
            program: program.as_ref().to_owned(),
            args: args.iter().map(OsString::from).collect(),
            envs: Vec::new(),
        }
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.envs
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        command
    }

    fn display(&self) -> String {
        let mut line = self.program.to_string_lossy().into_owned();
        for arg in &self.args {
            line.push(' ');
            line.push_str(&arg.to_string_lossy());
        }
        line
    }

    /// Run with the output shown; `what` names the step in the error.
    pub fn run(&self, what: &str) -> Result<(), String> {
        println!("    $ {}", self.display());
        let status = self
            .command()
            .status()
            .map_err(|e| format!("{what}: could not start `{}`: {e}", self.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{what}: `{}` exited with {status}", self.display()))
        }
    }

    /// Run a `cargo test`, showing its output, and count the tests its runners report.
    pub fn run_tests(&self, what: &str) -> Result<TestCount, String> {
        println!("    $ {}", self.display());
        let mut child = self
            .command()
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{what}: could not start `{}`: {e}", self.display()))?;
        let mut count = TestCount::default();
        if let Some(stdout) = child.stdout.take() {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                println!("{line}");
                count += TestCount::from_summary(&line);
            }
        }
        let status = child
            .wait()
            .map_err(|e| format!("{what}: waiting for `{}`: {e}", self.display()))?;
        if status.success() {
            Ok(count)
        } else {
            Err(format!("{what}: `{}` exited with {status}", self.display()))
        }
    }

    /// Run quietly and return its standard output, or `None` if it cannot run or fails.
    pub fn output(&self) -> Option<String> {
        let out = self
            .command()
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// Tests passed and failed, summed over test runners' summary lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TestCount {
    pub passed: usize,
    pub failed: usize,
}

impl TestCount {
    /// The counts in a libtest or wasm-bindgen-test summary line
    /// (`test result: ok. 3 passed; 0 failed; ...`); zero for any other line.
    pub fn from_summary(line: &str) -> TestCount {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return TestCount::default();
        };
        let number_before = |word: &str| {
            rest.split(';')
                .find_map(|part| part.trim().strip_suffix(word))
                .and_then(|n| n.trim().rsplit(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        };
        TestCount {
            passed: number_before(" passed"),
            failed: number_before(" failed"),
        }
    }
}

impl std::ops::AddAssign for TestCount {
    fn add_assign(&mut self, other: TestCount) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_summary_lines() {
        let cases = [
            ("test result: ok. 11 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s", (11, 0)),
            ("test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured", (1, 2)),
            ("test result: ok. 2 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.09s", (2, 0)),
            ("running 3 tests", (0, 0)),
            ("test foo ... ok", (0, 0)),
        ];
        for (line, (passed, failed)) in cases {
            assert_eq!(
                TestCount::from_summary(line),
                TestCount { passed, failed },
                "{line}"
            );
        }
    }
}
