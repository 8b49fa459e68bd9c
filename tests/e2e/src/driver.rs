//! ChromeDriver on a loopback port, and the Chromium it drives: headless, offline, with
//! the browser's console kept for the tests to read.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::{setting, WAIT};

/// Flags for Chromium here: headless, as root, and with no attempts to reach the network.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,900",
];

/// A ChromeDriver process on a free loopback port; killed when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// ChromeDriver started and answering `/status` as ready. A port picked free can be
    /// taken by another process before ChromeDriver binds it (tests run in parallel); then
    /// ChromeDriver exits, and it is started again on another port.
    pub async fn start() -> Driver {
        let mut failures = Vec::new();
        for _ in 0..ATTEMPTS {
            match Driver::try_start().await {
                Ok(driver) => return driver,
                Err(e) => failures.push(e),
            }
        }
        panic!("chromedriver did not start: {}", failures.join("; "))
    }

    async fn try_start() -> Result<Driver, String> {
        let port = free_port();
        let child = Command::new(setting("QUIRE_CHROMEDRIVER"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting chromedriver: {e}"));
        let mut driver = Driver { child, port };
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!("chromedriver on port {port} exited ({status})"));
            }
            if status_ready(port) {
                return Ok(driver);
            }
            if Instant::now() >= deadline {
                return Err(format!("chromedriver on port {port} was not ready"));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// A ChromeDriver and a WebDriver session on it with these capabilities. A session
    /// that cannot be made (ChromeDriver gone, Chromium failing to start) is tried again
    /// with a new ChromeDriver, up to three times; the last error is reported.
    pub async fn session(caps: Capabilities) -> (Driver, Client) {
        let mut failures = Vec::new();
        for _ in 0..ATTEMPTS {
            let driver = Driver::start().await;
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&driver.url())
                .await
            {
                Ok(client) => return (driver, client),
                Err(e) => failures.push(e.to_string()),
            }
        }
        panic!("starting a Chromium session: {}", failures.join("; "))
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ATTEMPTS: usize = 3;

/// Whether something on `port` answers `GET /status` with ChromeDriver's `"ready":true`.
fn status_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.replace(' ', "").contains("\"ready\":true")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free loopback port: {e}"))
}

/// WebDriver capabilities for the Debian Chromium, with browser console logs kept.
pub fn capabilities() -> Capabilities {
    capabilities_with_prefs(json!({}))
}

/// The same, with Chromium preferences (downloads folder, content settings).
pub fn capabilities_with_prefs(prefs: Value) -> Capabilities {
    let chromium = setting("QUIRE_CHROMIUM");
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium.to_string_lossy(),
            "args": CHROMIUM_FLAGS,
            "prefs": prefs,
        },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    }
}

/// The same, with Chromium's trace of `categories` kept in ChromeDriver's performance log
/// (read with [`crate::trace_events`]).
pub fn capabilities_traced(categories: &str) -> Capabilities {
    let mut caps = capabilities();
    if let Some(options) = caps.get_mut("goog:chromeOptions") {
        options["perfLoggingPrefs"] = json!({
            "enableNetwork": false,
            "enablePage": false,
            "traceCategories": categories,
        });
    }
    caps.insert(
        "goog:loggingPrefs".into(),
        json!({ "browser": "ALL", "performance": "ALL" }),
    );
    caps
}

/// ChromeDriver's log endpoint (`POST /session/{id}/se/log`): `"browser"` for console
/// messages, `"performance"` for trace events.
#[derive(Debug)]
pub(crate) struct Logs(pub(crate) &'static str);

impl WebDriverCompatibleCommand for Logs {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

/// A Chrome DevTools Protocol command through ChromeDriver
/// (`POST /session/{id}/goog/cdp/execute`), e.g. to emulate a dark colour scheme.
#[derive(Debug)]
pub(crate) struct Cdp {
    pub(crate) command: String,
    pub(crate) params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.command, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
