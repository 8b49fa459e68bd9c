//! A static file server for the built app, on a free loopback port, for one test.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

/// Serves the files of one folder on `127.0.0.1`; stops when dropped.
pub struct StaticServer {
    /// Every request served, as "METHOD path status", for diagnosing a stuck page.
    pub log: Arc<std::sync::Mutex<Vec<String>>>,
    server: Option<Arc<Server>>,
    thread: Option<JoinHandle<()>>,
    port: u16,
}

/// Holds back the responses to some requests until opened: for a test of what the page
/// does before a file has arrived.
#[derive(Default)]
pub struct Gate {
    open: std::sync::Mutex<bool>,
    opened: std::sync::Condvar,
}

impl Gate {
    /// Let the held responses (and every later one) go.
    pub fn open(&self) {
        if let Ok(mut open) = self.open.lock() {
            *open = true;
        }
        self.opened.notify_all();
    }

    fn wait(&self) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        while !*open {
            open = match self.opened.wait(open) {
                Ok(open) => open,
                Err(_) => return,
            };
        }
    }
}

/// Files compressed ahead (brotli, quality 11) with their ETags, for serving as a static
/// host does (GitHub Pages: brotli, ETag, `max-age=600`).
type Compressed = std::collections::HashMap<PathBuf, (Vec<u8>, String)>;

impl StaticServer {
    /// Start serving `root` on a free loopback port.
    pub fn start(root: PathBuf) -> StaticServer {
        StaticServer::serve(root, None, None)
    }

    /// Start serving `root`, holding back every file whose path ends with `suffix` until
    /// the returned gate is opened.
    pub fn start_holding(root: PathBuf, suffix: &str) -> (StaticServer, Arc<Gate>) {
        let gate = Arc::new(Gate::default());
        let held = (suffix.to_string(), Arc::clone(&gate));
        (StaticServer::serve(root, None, Some(held)), gate)
    }

    /// Start serving `root` as a static host does: each file brotli-compressed (to a
    /// browser that accepts it), with an ETag and `Cache-Control: max-age=600`.
    pub fn start_like_pages(root: PathBuf) -> StaticServer {
        let mut compressed = Compressed::new();
        let mut folders = vec![root.clone()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(bytes) = std::fs::read(&path) {
                    let mut out = Vec::new();
                    let params = brotli::enc::BrotliEncoderParams {
                        quality: 11,
                        lgwin: 22,
                        ..Default::default()
                    };
                    if brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).is_ok() {
                        let tag = format!("\"{:08x}-{}\"", crc32(&bytes), bytes.len());
                        compressed.insert(path, (out, tag));
                    }
                }
            }
        }
        StaticServer::serve(root, Some(Arc::new(compressed)), None)
    }

    fn serve(
        root: PathBuf,
        compressed: Option<Arc<Compressed>>,
        held: Option<(String, Arc<Gate>)>,
    ) -> StaticServer {
        let server = Server::http("127.0.0.1:0")
            .unwrap_or_else(|e| panic!("starting the static server: {e}"));
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .unwrap_or_else(|| panic!("the static server has no IP address"));
        let server = Arc::new(server);
        let serving = Arc::clone(&server);
        let log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let logging = Arc::clone(&log);
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                // One thread per response: a response the browser reads slowly (a preload
                // it has parked) must not hold up the requests behind it.
                let root = root.clone();
                let compressed = compressed.clone();
                let held = held.clone();
                if let Ok(mut log) = logging.lock() {
                    log.push(format!("{} {}", request.method(), request.url()));
                }
                std::thread::spawn(move || {
                    if let Some((suffix, gate)) = held {
                        if url_path(&request).ends_with(&suffix) {
                            gate.wait();
                        }
                    }
                    let _ = match compressed {
                        Some(compressed) => respond_like_pages(&root, &compressed, request),
                        None => respond(&root, request),
                    };
                });
            }
        });
        StaticServer {
            log,
            server: Some(server),
            thread: Some(thread),
            port,
        }
    }

    /// The base URL, ending in `/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl StaticServer {
    /// Stop serving and close the port: from now on the app's origin refuses every
    /// connection, as when the network is off.
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.unblock();
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The path of a request's URL (no query or fragment).
fn url_path(request: &tiny_http::Request) -> String {
    request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string()
}

fn respond(root: &Path, request: tiny_http::Request) -> std::io::Result<()> {
    let path = url_path(&request);
    match resolve(root, &path).and_then(|file| Some((std::fs::read(&file).ok()?, file))) {
        Some((bytes, file)) => {
            let mut response = Response::from_data(bytes);
            if let Ok(header) = Header::from_bytes("Content-Type", content_type(&file)) {
                response.add_header(header);
            }
            if let Ok(header) = Header::from_bytes("Cache-Control", "no-cache") {
                response.add_header(header);
            }
            request.respond(response)
        }
        None => request.respond(Response::from_string("not found").with_status_code(404)),
    }
}

/// A simple checksum for ETags.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// As a static host: brotli when accepted, ETag (304 when it matches), max-age=600.
fn respond_like_pages(
    root: &Path,
    compressed: &Compressed,
    request: tiny_http::Request,
) -> std::io::Result<()> {
    let path = url_path(&request);
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.to_string().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    let accepts_br = header("Accept-Encoding").is_some_and(|v| v.contains("br"));
    let if_none_match = header("If-None-Match");
    let Some(file) = resolve(root, &path) else {
        return request.respond(Response::from_string("not found").with_status_code(404));
    };
    let Some((brotli, tag)) = compressed.get(&file) else {
        return respond(root, request);
    };
    let headers = [
        ("Content-Type", content_type(&file).to_string()),
        ("Cache-Control", "max-age=600".to_string()),
        ("ETag", tag.clone()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    if if_none_match.as_deref() == Some(tag.as_str()) {
        let mut response = Response::empty(304);
        for (name, value) in &headers {
            if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(h);
            }
        }
        return request.respond(response);
    }
    let mut response = if accepts_br {
        let mut r = Response::from_data(brotli.clone());
        if let Ok(h) = Header::from_bytes("Content-Encoding", "br") {
            r.add_header(h);
        }
        r
    } else {
        Response::from_data(std::fs::read(&file)?)
    };
    for (name, value) in &headers {
        if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    request.respond(response)
}

/// The file for a URL path, never outside `root`; `/` is `index.html`.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    if file.is_dir() {
        Some(file.join("index.html")).filter(|f| f.is_file())
    } else {
        Some(file).filter(|f| f.is_file())
    }
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}
