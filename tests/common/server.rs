//! A running `papertrail serve` for the tests: the real binary on a free loopback port,
//! spoken to over plain HTTP/1.1 with `TcpStream`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{BIN, Site};

/// The longest a test waits for the server to answer or to show a change.
pub const WAIT: Duration = Duration::from_secs(30);

/// A running `papertrail serve`, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    lines: mpsc::Receiver<String>,
    /// The `Serving … at …` line.
    pub banner: String,
    /// The lines printed before it.
    pub startup: Vec<String>,
}

impl Server {
    pub fn start(site: &Site) -> Server {
        let root = site.root().as_os_str().to_owned();
        Server::start_in(site.root(), &["--root".as_ref(), root.as_os_str()])
    }

    /// Starts `papertrail serve` on `site` with the environment variables `env`.
    pub fn start_with_env(site: &Site, env: &[(&str, &str)]) -> Server {
        let root = site.root().as_os_str().to_owned();
        Server::spawn(site.root(), &["--root".as_ref(), root.as_os_str()], env)
    }

    /// Starts `papertrail [args] serve --port 0` from the folder `cwd`.
    pub fn start_in(cwd: &Path, args: &[&std::ffi::OsStr]) -> Server {
        Server::spawn(cwd, args, &[])
    }

    fn spawn(cwd: &Path, args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(BIN)
            .current_dir(cwd)
            .envs(env.iter().copied())
            .args(args)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start papertrail serve");
        let (tx, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().expect("stderr")),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut server = Server {
            child,
            port: 0,
            lines,
            banner: String::new(),
            startup: Vec::new(),
        };
        let deadline = Instant::now() + WAIT;
        let line = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match server.lines.recv_timeout(left) {
                Ok(line) if line.contains("Serving ") => break line,
                Ok(line) => server.startup.push(line),
                Err(_) => panic!("no startup line; output:\n{}", server.startup.join("\n")),
            }
        };
        server.banner = line.clone();
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        server.port = port;
        server
    }

    /// The first line printed at startup or after it that matches `pred`.
    pub fn startup_or_next_line(&mut self, pred: impl Fn(&str) -> bool) -> String {
        match self.startup.iter().find(|l| pred(l)) {
            Some(line) => line.clone(),
            None => self.wait_line(pred),
        }
    }

    /// The next output line matching `pred`, within the bounded wait.
    pub fn wait_line(&mut self, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if pred(&line) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!("no matching line; output so far:\n{}", seen.join("\n"));
    }

    pub fn get(&self, path: &str) -> Response {
        get(self.port, path)
    }

    /// Polls `path` until `pred` holds for the response.
    pub fn poll(&self, path: &str, pred: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + WAIT;
        loop {
            let r = self.get(path);
            if pred(&r) {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "{path} never matched; last response:\n{}",
                r.body
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy).
    pub body: String,
    /// The body as sent.
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One GET request, answered in full.
pub fn get(port: u16, path: &str) -> Response {
    get_with(port, path, &[])
}

/// One GET request with extra request headers, answered in full.
pub fn get_with(port: u16, path: &str, headers: &[(&str, &str)]) -> Response {
    let extra: String = headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}\r\n"))
        .collect();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}Connection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("head and body");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = &raw[split + 4..];
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let bytes = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}

fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = s.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&s[..eol]);
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        let rest = &s[eol + 2..];
        if n == 0 || rest.len() < n {
            break;
        }
        out.extend_from_slice(&rest[..n]);
        s = rest.get(n + 2..).unwrap_or(&[]);
    }
    out
}
