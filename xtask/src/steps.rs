//! Running commands as named steps that print what they do and say clearly what failed.

use std::ffi::{OsStr, OsString};
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
