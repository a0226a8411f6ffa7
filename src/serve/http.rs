//! HTTP: files from memory, redirects to folders, the 404 page, and the server-sent
//! events stream the reload script listens to.

use std::io::Write as _;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::overlay::inject;
use super::{Body, EVENTS_PATH, Served};

pub(super) fn handle(request: tiny_http::Request, served: &Served) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS_PATH {
        return events(request, served);
    }
    let method = request.method().clone();
    if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
        let _ = request.respond(tiny_http::Response::empty(405));
        return;
    }
    let Some(rel) = decode_path(path) else {
        let _ = request.respond(tiny_http::Response::empty(400));
        return;
    };
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.clone()
    };
    let folder = format!("{rel}/index.html");
    let missing = !served
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .contains_key(&file);
    if missing && !served.has_on_request(&file) && !served.has_on_request(&folder) {
        // Rendered in the background after start or a rebuild: it may be on its way.
        served.pending.wait_for(served, &[&file, &folder]);
    }
    let files = served.files.read().unwrap_or_else(|e| e.into_inner());
    let kept = files.get(&file).cloned();
    let nothing_built = files.is_empty();
    let is_folder = kept.is_none() && files.contains_key(&folder);
    let not_found = files.get("404.html").cloned();
    drop(files);
    let rendered = match kept {
        Some(_) => None,
        None => served.render_on_request(&file),
    };
    let (status, file, body) = match (kept, rendered) {
        (Some(body), _) => (200, file, body),
        (None, Some(Ok(bytes))) => (200, file, Body::Plain(Arc::from(bytes))),
        (None, Some(Err(e))) => {
            eprintln!("error: cannot render {file}: {e:#}");
            let _ = request.respond(tiny_http::Response::empty(500));
            return;
        }
        (None, None) if is_folder || served.has_on_request(&folder) => {
            let location = format!("{path}/");
            let response =
                tiny_http::Response::empty(301).with_header(header("Location", &location));
            let _ = request.respond(response);
            return;
        }
        // Nothing built yet (the first build failed): a page for the error overlay.
        (None, None) if nothing_built => (
            503,
            "index.html".to_string(),
            Body::Plain(Arc::from(&b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>papertrail serve</title></head><body></body></html>\n"[..])),
        ),
        (None, None) => match not_found {
            Some(b) => (404, "404.html".to_string(), b),
            None => (
                404,
                "404.txt".into(),
                Body::Plain(Arc::from(&b"404 Not Found\n"[..])),
            ),
        },
    };
    let mime = mime_type(&file);
    if let Body::Gzip(packed) = &body
        && !mime.starts_with("text/html")
        && accepts_gzip(&request)
    {
        let response = tiny_http::Response::from_data(packed.to_vec())
            .with_status_code(status)
            .with_header(header("Content-Type", mime))
            .with_header(header("Content-Encoding", "gzip"))
            .with_header(header("Vary", "Accept-Encoding"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let Some(body) = body.unpack() else {
        let _ = request.respond(tiny_http::Response::empty(500));
        return;
    };
    let body: Vec<u8> = if mime.starts_with("text/html") {
        let overlay = served
            .overlay
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        inject(&body, overlay.as_deref())
    } else {
        body
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// Whether the client takes gzip-encoded responses.
fn accepts_gzip(request: &tiny_http::Request) -> bool {
    request.headers().iter().any(|h| {
        h.field.equiv("Accept-Encoding")
            && h.value
                .as_str()
                .split(',')
                .any(|coding| coding.split(';').next().is_some_and(|c| c.trim() == "gzip"))
    })
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("valid header")
    })
}

/// Holds a server-sent-events stream open, sending `reload` after each rebuild.
fn events(request: tiny_http::Request, served: &Served) {
    let (tx, rx) = mpsc::channel::<String>();
    served
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let msg = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(msg.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            return;
        }
    }
}

/// A request path as an output path: percent-decoded, without the leading `/`, and
/// refused if it tries to leave the site.
fn decode_path(path: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(path.len());
    let raw = path.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' {
            let hex = std::str::from_utf8(raw.get(i + 1..i + 3)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(bytes).ok()?;
    let rel = text.trim_start_matches('/').to_string();
    if rel.split('/').any(|s| s == ".." || s == ".") || rel.contains('\\') || rel.contains("//") {
        return None;
    }
    Some(rel)
}

/// The Content-Type for an output file, by its name.
pub fn mime_type(file: &str) -> &'static str {
    let ext = file
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    if file.ends_with("atom.xml") {
        return "application/atom+xml; charset=utf-8";
    }
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_decode_and_refuse_escapes() {
        assert_eq!(decode_path("/2025/07/04/").as_deref(), Some("2025/07/04/"));
        assert_eq!(decode_path("/a%20b.html").as_deref(), Some("a b.html"));
        assert_eq!(decode_path("/../etc/passwd"), None);
        assert_eq!(decode_path("/%2e%2e/x"), None);
        assert_eq!(decode_path("/%zz"), None);
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            mime_type("tags/x/atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(mime_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(mime_type("sitemap.xml"), "application/xml; charset=utf-8");
        assert_eq!(mime_type("a.bin"), "application/octet-stream");
    }
}
