//! `papertrail serve`: build into memory, serve it over HTTP, rebuild on every change
//! and live-reload open pages.
//!
//! The site lives in a map (output path → bytes) and never touches `public/`; paper
//! pages, feed archives and the export, most of a long archive's bytes, are not in it
//! but rendered from the model when asked for. At start, and when everything is
//! rendered again, only the pages a reader opens first are rendered before answering;
//! the rest follows in the background ([`background`]). A change to a digest
//! re-parses only that file and patches the model in place ([`crate::model::Live`]),
//! reading again only the digest files that name the same dates and ids; where a
//! patch cannot be made (a tag renamed, a paper hidden on other days, the last model
//! had errors) the model is built again from every digest file. Either way only the
//! files the change reaches are rendered ([`crate::render::Renderer::render_affected`]),
//! the pages a reader is likely on before the browsers reload and the rest (shifted
//! pages, search index, sitemap) after, and the files of routes the new model no
//! longer has are dropped. When site-wide counts change, every page is refreshed in
//! the background. A template, theme, static or config change reloads them and
//! renders everything.
//! Content errors keep the last good site online and show up in the terminal and as
//! an overlay on every page. The reload script and overlay are added to HTML responses
//! here, at serve time, so no build ever contains them.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use anyhow::{Context as _, Result};
use notify::EventKind;

use crate::config::Config;
use crate::model::Site;
use crate::render::urls::Urls;
use crate::render::{Renderer, Sink};

mod background;
mod body;
mod http;
mod overlay;
mod rebuild;
mod stale;
mod watch;

use body::Body;
use rebuild::State;

/// The endpoint the reload script listens to (server-sent events).
pub const EVENTS_PATH: &str = "/__papertrail/events";

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: String,
    /// 0 picks a free port; the chosen one is printed.
    pub port: u16,
}

type Files = HashMap<String, Body>;

/// What the HTTP threads read and the rebuild thread writes.
#[derive(Default)]
struct Served {
    files: RwLock<Files>,
    /// The error overlay, while the content has errors.
    overlay: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<String>>>,
    rebuilds: AtomicU64,
    /// Bumped by every rebuild; a background refresh of an older one is discarded.
    generation: AtomicU64,
    /// The site-wide facts (counts, years) every served page was rendered with.
    page_facts: Mutex<String>,
    /// What paper pages, feed archives and the export are rendered from when asked
    /// for: they are not kept in `files`. `None` while the model is being patched in place (a request waits
    /// on the lock) or before anything was built.
    on_request: RwLock<Option<PageSource>>,
    /// Whether files are still being rendered in the background (requests for missing
    /// ones wait).
    pending: background::Pending,
}

/// The model of the served site, with what it is rendered through.
pub(super) struct PageSource {
    pub(super) site: Arc<Site>,
    pub(super) config: Arc<Config>,
    pub(super) theme: Arc<crate::render::theme::Theme>,
}

impl PageSource {
    /// `f` of a renderer of this model, as `serve` renders: rare files on request.
    pub(super) fn with_renderer<T>(&self, f: impl FnOnce(&Renderer) -> T) -> T {
        served_renderer(&self.site, &self.config, &self.theme, f)
    }
}

/// `f` of the renderer `serve` uses for `site`: paper pages, feed archives and the
/// export are made when asked for, not kept in memory.
fn served_renderer<T>(
    site: &Site,
    config: &Config,
    theme: &crate::render::theme::Theme,
    f: impl FnOnce(&Renderer) -> T,
) -> T {
    let urls = Urls::new(&config.base_url);
    f(&Renderer::new(site, config, &urls, theme).with_rare_files_on_request())
}

impl Served {
    /// The file made on request whose output path is `file`, rendered now; `None`
    /// if no such file is made on request.
    fn render_on_request(&self, file: &str) -> Option<Result<Vec<u8>>> {
        self.with_renderer(|r| r.render_on_request(file))?
    }

    /// Whether `file` is made on request.
    fn has_on_request(&self, file: &str) -> bool {
        self.with_renderer(|r| r.is_rare_file(file)) == Some(true)
    }

    /// `f` of a renderer of the served model, if there is one.
    fn with_renderer<T>(&self, f: impl FnOnce(&Renderer) -> T) -> Option<T> {
        let source = self.on_request.read().unwrap_or_else(|e| e.into_inner());
        Some(source.as_ref()?.with_renderer(f))
    }

    fn reload(&self) {
        let n = self.rebuilds.fetch_add(1, Ordering::SeqCst) + 1;
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send(format!("event: reload\ndata: {n}\n\n")).is_ok());
    }
}

/// A sink that serves each file as soon as it is rendered (a second copy of every
/// file would double their memory until the render ends), and stops the render as
/// soon as a newer rebuild starts, whose files it must not overwrite: for the
/// background refresh and the work after a reload.
struct ServingSink<'a> {
    served: &'a Served,
    generation: u64,
    count: AtomicU64,
}

impl<'a> ServingSink<'a> {
    /// For a render of the current rebuild.
    fn new(served: &'a Served) -> Self {
        ServingSink {
            served,
            generation: served.generation.load(Ordering::SeqCst),
            count: AtomicU64::new(0),
        }
    }
}

impl Sink for ServingSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let body = Body::pack(path, bytes);
        let mut files = self.served.files.write().unwrap_or_else(|e| e.into_inner());
        // Checked under the lock, so a newer rebuild's file is never overwritten.
        if self.served.generation.load(Ordering::SeqCst) != self.generation {
            return Err(std::io::Error::other("superseded by a newer rebuild"));
        }
        files.insert(path.to_string(), body);
        drop(files);
        self.count.fetch_add(1, Ordering::Relaxed);
        self.served.pending.notify();
        Ok(())
    }
}

/// Site-wide facts every page shows (counts, years, latest day).
fn facts(site: &Site, config: &Config) -> String {
    let urls = Urls::new(&config.base_url);
    let ctx = crate::render::views::Ctx {
        site,
        config,
        urls: &urls,
        shared: None,
        leads: None,
    };
    serde_json::to_string(&ctx.site_view(&crate::render::views::year_counts(site)))
        .unwrap_or_default()
}

/// Collects a render's files, to be swapped in together.
#[derive(Default)]
struct MemorySink {
    files: Mutex<Files>,
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.files
            .lock()
            .map_err(|_| std::io::Error::other("lock poisoned"))?
            .insert(path.to_string(), Body::pack(path, bytes));
        Ok(())
    }
}

/// Builds, serves, and rebuilds on change until the process is stopped.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let addr = format!("{}:{}", opts.interface, opts.port);
    let server = tiny_http::Server::http(&addr)
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .context("not an IP listener")?;
    let host = match opts.interface.as_str() {
        "0.0.0.0" | "::" | "[::]" => "127.0.0.1".to_string(),
        h if h.contains(':') && !h.starts_with('[') => format!("[{h}]"),
        h => h.to_string(),
    };
    let base_url = format!("http://{host}:{port}/");
    let served = Arc::new(Served::default());

    let (tx, rx) = mpsc::channel();
    // Reads are not changes, and papertrail's own reads of content/ (a rescan opens
    // every folder) would otherwise wake the rebuild loop with a storm of them.
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if !matches!(&event, Ok(e) if matches!(e.kind, EventKind::Access(_))) {
            let _ = tx.send(event);
        }
    })
    .context("cannot watch files")?;
    // The watcher reports absolute paths of what it watches; it watches the canonical
    // folder, so events are matched against that, while files are read and named in
    // messages as the user spelled the root.
    let real_root = opts.root.canonicalize().with_context(|| {
        format!(
            "cannot serve {}: the folder cannot be opened",
            shown_root(&opts.root)
        )
    })?;
    let mut state = State::new(&opts.root, real_root, &base_url);
    state.watch(&mut watcher);
    let started = Instant::now();
    state.full(&served);
    println!(
        "Serving {} at {base_url} (ready in {} ms); watching {}/, templates/, themes/, static/ and config.toml. Ctrl+C stops.",
        shown_root(&opts.root),
        started.elapsed().as_millis(),
        state.rel(&state.content_dir)
    );
    let _ = std::io::stdout().flush();

    {
        let served = Arc::clone(&served);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let served = Arc::clone(&served);
                std::thread::spawn(move || http::handle(request, &served));
            }
        });
    }
    state.run(&rx, &mut watcher, &served);
    Ok(())
}

/// The site folder as the user named it, for messages.
fn shown_root(root: &Path) -> String {
    match crate::diagnostic::display_path(root) {
        shown if shown.is_empty() => "the current folder".to_string(),
        shown => shown,
    }
}
