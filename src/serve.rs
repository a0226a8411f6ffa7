//! `papertrail serve`: build into memory, serve it over HTTP, rebuild on every change
//! and live-reload open pages.
//!
//! The site lives in a map (output path → bytes) and never touches `public/`. A change
//! to one digest re-parses only that file, rebuilds the model from the cached digests
//! and re-renders only the files the change reaches ([`Renderer::render_affected`]); a
//! template, theme, static or config change rebuilds everything. Content errors keep
//! the last good site online and show up in the terminal and as an overlay on every
//! page. The reload script and overlay are added to HTML responses here, at serve time,
//! so no build ever contains them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{Datelike, NaiveDate};
use notify::{EventKind, RecursiveMode, Watcher as _};
use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Digest, ParseOptions};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{self, Site};
use crate::render::urls::{Route, Urls};
use crate::render::{Affected, Renderer, Sink, theme::Theme};

/// The endpoint the reload script listens to (server-sent events).
pub const EVENTS_PATH: &str = "/__papertrail/events";

/// How long the watcher waits for more events after the first one of a burst.
const QUIET: Duration = Duration::from_millis(10);
/// The longest a burst of events is coalesced before rebuilding anyway.
const MAX_COALESCE: Duration = Duration::from_millis(200);

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: String,
    /// 0 picks a free port; the chosen one is printed.
    pub port: u16,
}

type Files = HashMap<String, Arc<[u8]>>;

/// What the HTTP threads read and the rebuild thread writes.
#[derive(Default)]
struct Shared {
    files: RwLock<Files>,
    /// The error overlay, while the content has errors.
    overlay: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<String>>>,
    rebuilds: AtomicU64,
    /// Bumped by every rebuild; a background refresh of an older one is discarded.
    generation: AtomicU64,
    /// The site-wide facts (counts, years) every served page was rendered with.
    page_facts: Mutex<String>,
}

impl Shared {
    fn reload(&self) {
        let n = self.rebuilds.fetch_add(1, Ordering::SeqCst) + 1;
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send(format!("event: reload\ndata: {n}\n\n")).is_ok());
    }
}

/// A background refresh's sink: stops the render as soon as a newer rebuild starts.
struct RefreshSink<'a> {
    files: MemorySink,
    shared: &'a Shared,
    generation: u64,
}

impl Sink for RefreshSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if self.shared.generation.load(Ordering::SeqCst) != self.generation {
            return Err(std::io::Error::other("superseded by a newer rebuild"));
        }
        self.files.put(path, bytes)
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
            .insert(path.to_string(), Arc::from(bytes));
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
    let shared = Arc::new(Shared::default());

    let (tx, rx) = mpsc::channel();
    // Reads are not changes, and papertrail's own reads of content/ (a rescan opens
    // every folder) would otherwise wake the rebuild loop with a storm of them.
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if !matches!(&event, Ok(e) if matches!(e.kind, EventKind::Access(_))) {
            let _ = tx.send(event);
        }
    })
    .context("cannot watch files")?;
    let mut state = State::new(&opts.root, &base_url);
    state.watch(&mut watcher);
    let started = Instant::now();
    state.full(&shared);
    println!(
        "Serving {} at {base_url} (built in {} ms); watching {}/, templates/, themes/, static/ and config.toml. Ctrl+C stops.",
        crate::diagnostic::display_path(&opts.root),
        started.elapsed().as_millis(),
        state.rel(&state.content_dir)
    );
    let _ = std::io::stdout().flush();

    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || handle(request, &shared));
            }
        });
    }
    state.run(&rx, &mut watcher, &shared);
    Ok(())
}

// ---------------------------------------------------------------------------------
// Rebuilding

/// The rebuild thread's view of the site: settings, theme, every parsed file and the
/// last good model.
struct State {
    root: PathBuf,
    content_dir: PathBuf,
    base_url: String,
    config: Option<Arc<Config>>,
    theme: Option<Arc<Theme>>,
    /// Every digest that parsed, sorted by path (the order `content::load` reads them in).
    digests: Vec<Digest>,
    /// Every digest file's problems, by path (a file that did not parse is only here).
    file_diags: BTreeMap<PathBuf, Diagnostics>,
    /// The model of the site being served.
    site: Option<Arc<Site>>,
    /// The index that patches `site` one changed file at a time; set while `site` is
    /// the error-free model of every digest in `digests`.
    live: Option<model::Live>,
    /// The tag rules compiled for the current config.
    matcher: Option<Arc<crate::tagging::Matcher>>,
    /// The background refresh of every page, if one is running.
    refresh: Option<std::thread::JoinHandle<()>>,
    /// Dates and paper ids touched since the last good render.
    pending_dates: BTreeSet<NaiveDate>,
    pending_papers: BTreeSet<String>,
    /// A full rebuild is owed (the last one failed on config or theme).
    needs_full: bool,
}

enum Change {
    Full,
    Content(BTreeSet<PathBuf>),
    Nothing,
}

impl State {
    fn new(root: &Path, base_url: &str) -> State {
        State {
            root: root.to_path_buf(),
            // config.toml names the folder; `full` reads it again at every reload.
            content_dir: Config::load(root)
                .map_or_else(|_| root.join("content"), |c| c.content_path(root)),
            base_url: base_url.to_string(),
            config: None,
            theme: None,
            digests: Vec::new(),
            file_diags: BTreeMap::new(),
            site: None,
            live: None,
            matcher: None,
            refresh: None,
            pending_dates: BTreeSet::new(),
            pending_papers: BTreeSet::new(),
            needs_full: true,
        }
    }

    fn watch(&self, watcher: &mut notify::RecommendedWatcher) {
        let _ = watcher.watch(&self.root, RecursiveMode::NonRecursive);
        let dirs = ["templates", "themes", "static"].map(|d| self.root.join(d));
        for path in std::iter::once(&self.content_dir).chain(&dirs) {
            if path.is_dir() {
                let _ = watcher.watch(path, RecursiveMode::Recursive);
            }
        }
    }

    /// The settings' `ignored_content` (nothing before a config was read).
    fn ignored(&self) -> &globset::GlobSet {
        static NOTHING: std::sync::LazyLock<globset::GlobSet> =
            std::sync::LazyLock::new(globset::GlobSet::empty);
        self.config.as_ref().map_or(&NOTHING, |c| &c.ignored)
    }

    fn parse_options(&self) -> ParseOptions {
        self.config
            .as_ref()
            .map(|c| ParseOptions::from_config(c))
            .unwrap_or_default()
    }

    /// Waits for changes and rebuilds, forever.
    fn run(
        &mut self,
        rx: &Receiver<notify::Result<notify::Event>>,
        watcher: &mut notify::RecommendedWatcher,
        shared: &Arc<Shared>,
    ) {
        loop {
            let Ok(first) = rx.recv() else { return };
            let t0 = Instant::now();
            let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
            // Read events never get here: the watcher callback drops them.
            let mut collect = |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    paths.extend(event.paths);
                }
            };
            collect(first);
            loop {
                match rx.recv_timeout(QUIET) {
                    Ok(event) => collect(event),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
                if t0.elapsed() > MAX_COALESCE {
                    break;
                }
            }
            match self.classify(&paths) {
                Change::Nothing => {}
                Change::Full => {
                    // After the reload: config.toml may have moved the content folder.
                    self.full(shared);
                    self.watch(watcher);
                    println!("rebuilt everything in {} ms", t0.elapsed().as_millis());
                }
                Change::Content(changed) => {
                    if self.needs_full {
                        self.full(shared);
                        println!("rebuilt everything in {} ms", t0.elapsed().as_millis());
                    } else {
                        self.incremental(&changed, shared, t0);
                    }
                }
            }
            let _ = std::io::stdout().flush();
        }
    }

    fn classify(&self, paths: &BTreeSet<PathBuf>) -> Change {
        let mut content_paths = BTreeSet::new();
        let mut rescan = false;
        for path in paths {
            // The watcher reports absolute paths; the rest of the state names files as
            // the root was given (`.` when run inside the site).
            let local = std::path::absolute(&self.root)
                .ok()
                .and_then(|abs| path.strip_prefix(abs).ok())
                .map(|rel| self.root.join(rel));
            let path = local.as_ref().unwrap_or(path);
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
            let Some(top) = parts.next() else { continue };
            match top.as_ref() {
                "config.toml" | "templates" | "themes" | "static" => return Change::Full,
                _ => {
                    let Ok(inside) = path.strip_prefix(&self.content_dir) else {
                        continue;
                    };
                    if inside
                        .components()
                        .any(|p| p.as_os_str().to_string_lossy().starts_with('.'))
                        || content::is_ignored(inside, self.ignored())
                    {
                        continue;
                    }
                    if is_digest_name(path) {
                        content_paths.insert(path.clone());
                    } else if !is_editor_noise(path) && self.is_folder(path) {
                        // A folder created, removed or renamed: look at the whole tree.
                        // Other files (an editor's or `perl -i`'s temporary file) are
                        // not digests and cannot hold any: a rescan would cost a walk
                        // of the archive for nothing.
                        rescan = true;
                    }
                }
            }
        }
        if rescan {
            match content::discover(&self.content_dir, self.ignored()) {
                Ok(found) => {
                    let found: BTreeSet<PathBuf> = found.into_iter().collect();
                    content_paths.extend(
                        found
                            .iter()
                            .filter(|p| !self.file_diags.contains_key(*p))
                            .cloned(),
                    );
                    content_paths.extend(
                        self.file_diags
                            .keys()
                            .filter(|p| !found.contains(*p))
                            .cloned(),
                    );
                }
                Err(_) => return Change::Full,
            }
        }
        if content_paths.is_empty() {
            Change::Nothing
        } else {
            Change::Content(content_paths)
        }
    }

    /// Whether `path` is a folder now, or was one: a folder holding digests read before.
    fn is_folder(&self, path: &Path) -> bool {
        path.is_dir()
            || self
                .file_diags
                .range(path.to_path_buf()..)
                .next()
                .is_some_and(|(known, _)| known.starts_with(path) && known != path)
    }

    /// Reloads config and theme, re-reads every file and renders everything.
    fn full(&mut self, shared: &Shared) {
        shared.generation.fetch_add(1, Ordering::SeqCst);
        self.stop_refresh();
        self.needs_full = true;
        self.live = None;
        let config = Config::load(&self.root).and_then(|mut c| {
            c.set_base_url(&self.base_url)
                .map_err(|m| Diagnostic::error("--base-url", 0, m).into())
                .map(|()| c)
        });
        let config = match config {
            Ok(c) => c,
            Err(diags) => return self.fail(&diags, shared),
        };
        let theme = match Theme::load(&self.root, &config.theme) {
            Ok(t) => t,
            Err(e) => {
                let d = Diagnostic::error(
                    self.root.join("themes").join(&config.theme),
                    0,
                    format!("{e:#}"),
                );
                return self.fail(&d.into(), shared);
            }
        };
        self.matcher = Some(Arc::new(crate::tagging::Matcher::new(&config.tag_rules)));
        self.content_dir = config.content_path(&self.root);
        self.config = Some(Arc::new(config));
        self.theme = Some(Arc::new(theme));
        let opts = self.parse_options();
        let parsed: Vec<(PathBuf, Option<Digest>, Diagnostics)> =
            match content::discover(&self.content_dir, self.ignored()) {
                Ok(paths) => paths
                    .into_par_iter()
                    .map(|p| {
                        let (digest, diags) = content::read_digest(&p, &opts);
                        (p, digest, diags)
                    })
                    .collect(),
                Err(d) => return self.fail(&d.into(), shared),
            };
        self.digests.clear();
        self.file_diags.clear();
        for (path, digest, diags) in parsed {
            self.digests.extend(digest);
            self.file_diags.insert(path, diags);
        }
        // Settings, theme and files are all read: from here on, content edits can be
        // handled one file at a time. With no good model for this config, the next
        // success renders everything.
        self.needs_full = false;
        let (site, diags, live) = match self.model() {
            Ok(built) => built,
            Err(diags) => {
                self.site = None;
                return self.fail(&diags, shared);
            }
        };
        if self.serve_all(site, live, shared).is_some() {
            print_warnings(&diags);
        }
    }

    /// Renders all of `site` into memory and serves it instead of everything before;
    /// returns the number of files, or None after showing a render error.
    fn serve_all(&mut self, site: Site, live: model::Live, shared: &Shared) -> Option<usize> {
        let sink = MemorySink::default();
        if let Err(e) = self.renderer_run(&site, |r| r.render_all(&sink).map(|s| s.files)) {
            let d = Diagnostic::error(&self.root, 0, format!("{e:#}"));
            self.fail(&d.into(), shared);
            return None;
        }
        let files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let count = files.len();
        *shared.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        *shared.overlay.write().unwrap_or_else(|e| e.into_inner()) = None;
        if let Some(config) = &self.config {
            *shared.page_facts.lock().unwrap_or_else(|e| e.into_inner()) = facts(&site, config);
        }
        self.site = Some(Arc::new(site));
        self.live = Some(live);
        self.pending_dates.clear();
        self.pending_papers.clear();
        shared.reload();
        Some(count)
    }

    /// Re-parses `changed`, rebuilds the model and re-renders what the change reaches.
    fn incremental(&mut self, changed: &BTreeSet<PathBuf>, shared: &Arc<Shared>, t0: Instant) {
        shared.generation.fetch_add(1, Ordering::SeqCst);
        let opts = self.parse_options();
        let mut changes = Vec::new();
        let mut phases = crate::timings::Phases::since(t0);
        phases.mark("coalesce");
        for path in changed {
            self.file_diags.remove(path);
            let slot = self
                .digests
                .binary_search_by(|d| d.path.as_path().cmp(path));
            let mut change = model::FileChange {
                path: path.clone(),
                before: None,
                after: None,
            };
            if let Ok(i) = slot {
                let old = self.digests.remove(i);
                self.note(&old);
                change.before = self.config.as_ref().map(|c| model::Keys::of(&old, c));
            }
            if path.is_file() {
                let (digest, diags) = content::read_digest(path, &opts);
                self.file_diags.insert(path.clone(), diags);
                if let Some(digest) = digest {
                    self.note(&digest);
                    change.after = self.config.as_ref().map(|c| model::Keys::of(&digest, c));
                    let at = slot.unwrap_or_else(|i| i);
                    self.digests.insert(at, digest);
                }
            }
            changes.push(change);
            phases.mark("read file");
        }
        let names: Vec<String> = changed.iter().map(|p| self.rel(p)).collect();
        let parsed_at = t0.elapsed();
        // The background refresh reads the model: stop it (the new generation makes it
        // give up after the page it is on) so the model can be patched in place.
        self.stop_refresh();
        if self.live.is_some() && !self.file_diags.values().any(|d| d.has_errors()) {
            match self.patch(&changes) {
                Ok((affected, stale, warnings)) => {
                    return self.finish(
                        &names, shared, t0, parsed_at, &affected, &stale, &warnings, false,
                    );
                }
                Err(model::NotPatched::Errors(errors)) => {
                    self.live = None;
                    let mut all = Diagnostics::default();
                    for d in self.file_diags.values() {
                        all.extend(d.clone());
                    }
                    all.extend(errors);
                    all.sort();
                    self.fail(&all, shared);
                    println!(
                        "{} has errors; still serving the last good site ({} ms)",
                        names.join(", "),
                        t0.elapsed().as_millis()
                    );
                    return;
                }
                Err(model::NotPatched::Rebuild(why)) => {
                    self.live = None;
                    println!("({why}: building the model again)");
                }
            }
        }
        let (site, diags, live) = match self.model() {
            Ok(built) => built,
            Err(all) => {
                self.fail(&all, shared);
                println!(
                    "{} has errors; still serving the last good site ({} ms)",
                    names.join(", "),
                    t0.elapsed().as_millis()
                );
                return;
            }
        };
        let modelled_at = t0.elapsed();
        let old = self.site.take().filter(|old| {
            // A tag shown under another name is on pages no change list reaches.
            old.tags
                .iter()
                .map(|t| (&t.slug, &t.name))
                .eq(site.tags.iter().map(|t| (&t.slug, &t.name)))
        });
        let Some(old) = old else {
            // Nothing good was served yet, or tags were renamed: render everything.
            let Some(count) = self.serve_all(site, live, shared) else {
                return;
            };
            print_warnings(&diags);
            println!(
                "rebuilt {} in {} ms ({count} files; model {} ms)",
                names.join(", "),
                t0.elapsed().as_millis(),
                (modelled_at - parsed_at).as_millis()
            );
            return;
        };
        let affected = affected(&old, &site, &self.pending_dates, &self.pending_papers);
        let stale = match &self.config {
            Some(config) => stale_files(&old, &site, config),
            None => Vec::new(),
        };
        drop(old);
        self.site = Some(Arc::new(site));
        self.live = Some(live);
        self.finish(
            &names, shared, t0, parsed_at, &affected, &stale, &diags, true,
        );
    }

    /// Patches the model for `changes`: what to re-render, the files that went away and
    /// the changed files' warnings.
    fn patch(
        &mut self,
        changes: &[model::FileChange],
    ) -> Result<(Affected, Vec<String>, Diagnostics), model::NotPatched> {
        let (Some(live), Some(site), Some(config)) =
            (self.live.as_mut(), self.site.as_mut(), self.config.as_ref())
        else {
            return Err(model::NotPatched::Rebuild("no model"));
        };
        let site = Arc::make_mut(site);
        let days_before = site.days.len();
        let update = live.update(site, &self.digests, changes, config)?;
        let mut stale = Vec::new();
        for date in &update.removed_dates {
            stale.push(Route::Day(*date).file());
            let month = |d: &model::Day| (d.date.year(), d.date.month());
            if !site
                .days
                .iter()
                .any(|d| month(d) == (date.year(), date.month()))
            {
                stale.push(Route::Month(date.year(), date.month()).file());
                if !site.days.iter().any(|d| d.date.year() == date.year()) {
                    stale.push(Route::Year(date.year()).file());
                }
            }
        }
        let pages = |n: usize, per: usize| n.div_ceil(per).max(1);
        for n in pages(site.days.len(), config.days_per_page) + 1
            ..=pages(days_before, config.days_per_page)
        {
            stale.push(Route::Home(n).file());
        }
        for id in &update.removed_papers {
            stale.push(Route::Paper(id).file());
        }
        let per = config.papers_per_tag_page;
        for slug in &update.removed_tags {
            let before = update.tag_sizes_before.get(slug).copied().unwrap_or(0);
            let feed = crate::render::urls::FeedOf::Tag(slug);
            stale.push(Route::Tag(slug, 1).file());
            stale.push(Route::TagFeed(slug).file());
            stale.push(Route::JsonFeed(feed).file());
            for n in 1..=crate::render::archive_count(before, config.feed_limit) {
                stale.push(Route::FeedArchive(feed, n).file());
            }
        }
        for (slug, &before) in &update.tag_sizes_before {
            let now = site
                .tags
                .iter()
                .find(|t| &t.slug == slug)
                .map_or(0, |t| t.papers.len());
            for n in pages(now, per) + 1..=pages(before, per) {
                stale.push(Route::Tag(slug, n).file());
            }
        }
        let affected = Affected {
            dates: update.dates,
            papers: update.papers,
            tags: update.tags,
            structure: update.structure,
            pages: false,
        };
        Ok((affected, stale, update.warnings))
    }

    /// Renders what `affected` reaches from the new model, swaps it in, reloads the
    /// browsers, then renders the site-wide rest.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &mut self,
        names: &[String],
        shared: &Arc<Shared>,
        t0: Instant,
        parsed_at: Duration,
        affected: &Affected,
        stale: &[String],
        diags: &Diagnostics,
        rebuilt_model: bool,
    ) {
        let modelled_at = t0.elapsed();
        let Some(site) = self.site.clone() else {
            return;
        };
        let sink = MemorySink::default();
        let count = match self.renderer_run(&site, |r| r.render_affected(affected, &sink)) {
            Ok(n) => n,
            Err(e) => {
                // The model is newer than the pages: the next change renders everything.
                self.live = None;
                self.site = None;
                self.needs_full = true;
                let d = Diagnostic::error(&self.root, 0, format!("{e:#}"));
                return self.fail(&d.into(), shared);
            }
        };
        let rendered_at = t0.elapsed();
        {
            let new_files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
            let mut files = shared.files.write().unwrap_or_else(|e| e.into_inner());
            for path in stale {
                files.remove(path);
            }
            files.extend(new_files);
        }
        *shared.overlay.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.pending_dates.clear();
        self.pending_papers.clear();
        shared.reload();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "rebuilt {} in {} ms ({count} files{}; read {:.0}, model {:.0}{}, render {:.0} ms)",
            names.join(", "),
            t0.elapsed().as_millis(),
            if stale.is_empty() {
                String::new()
            } else {
                format!(", {} removed", stale.len())
            },
            ms(parsed_at),
            ms(modelled_at - parsed_at),
            if rebuilt_model { " (whole)" } else { "" },
            ms(rendered_at - modelled_at),
        );
        let _ = std::io::stdout().flush();
        print_warnings(diags);
        // Then the rest: shifted pages, feed archives, search index, export, sitemap.
        let t1 = Instant::now();
        let sink = MemorySink::default();
        match self.renderer_run(&site, |r| r.render_affected_rest(affected, &sink)) {
            Ok(0) => {}
            Ok(n) => {
                let new_files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
                shared
                    .files
                    .write()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(new_files);
                println!(
                    "  then {n} more files (shifted pages, feed archives, search index, export, sitemap) in {} ms",
                    t1.elapsed().as_millis()
                );
            }
            Err(e) => eprintln!("error: {e:#}"),
        }
        drop(site);
        self.refresh_if_facts_changed(shared);
    }

    /// Stops the background refresh, if one runs (a newer generation makes it give up
    /// after its current page), and waits for it to let go of the model.
    fn stop_refresh(&mut self) {
        if let Some(handle) = self.refresh.take() {
            let _ = handle.join();
        }
    }

    /// Every page shows site-wide counts; when they changed, re-renders the whole site
    /// in the background on one thread, so the next edit is not kept waiting. A newer
    /// rebuild discards the refresh (and starts its own if still needed).
    fn refresh_if_facts_changed(&mut self, shared: &Arc<Shared>) {
        let (Some(site), Some(config), Some(theme)) = (&self.site, &self.config, &self.theme)
        else {
            return;
        };
        let now = facts(site, config);
        if *shared.page_facts.lock().unwrap_or_else(|e| e.into_inner()) == now {
            return;
        }
        let (site, config, theme) = (Arc::clone(site), Arc::clone(config), Arc::clone(theme));
        let shared = Arc::clone(shared);
        let generation = shared.generation.load(Ordering::SeqCst);
        self.refresh = Some(std::thread::spawn(move || {
            let started = Instant::now();
            let sink = RefreshSink {
                files: MemorySink::default(),
                shared: &shared,
                generation,
            };
            let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build() else {
                return;
            };
            let urls = Urls::new(&config.base_url);
            let every_page = Affected {
                pages: true,
                ..Affected::default()
            };
            let rendered = pool.install(|| {
                Renderer::new(&site, &config, &urls, &theme).render_affected(&every_page, &sink)
            });
            if rendered.is_err() {
                return;
            }
            let new_files = sink
                .files
                .files
                .into_inner()
                .unwrap_or_else(|e| e.into_inner());
            let count = new_files.len();
            let mut files = shared.files.write().unwrap_or_else(|e| e.into_inner());
            if shared.generation.load(Ordering::SeqCst) == generation {
                files.extend(new_files);
                *shared.page_facts.lock().unwrap_or_else(|e| e.into_inner()) = now;
                drop(files);
                println!(
                    "refreshed all {count} pages for the new site-wide counts in {} ms (background)",
                    started.elapsed().as_millis()
                );
                let _ = std::io::stdout().flush();
            }
        }));
    }

    /// Remembers what a digest (before or after a change) names, to re-render it.
    fn note(&mut self, d: &Digest) {
        for section in &d.sections {
            if let Some(date) = d.front.date.or(section.date).or(d.path_date) {
                self.pending_dates.insert(date);
            }
            for e in &section.entries {
                if let Some(id) = &e.arxiv_id {
                    self.pending_papers.insert(id.clone());
                }
            }
        }
        for id in d.front.papers.keys() {
            if let Some(id) = content::arxiv::parse_bare(id) {
                self.pending_papers.insert(id);
            }
        }
    }

    /// The model from the cached digests (and the index to patch it) and every
    /// warning, or every error.
    fn model(&self) -> Result<(Site, Diagnostics, model::Live), Diagnostics> {
        let mut all = Diagnostics::default();
        for d in self.file_diags.values() {
            all.extend(d.clone());
        }
        let Some(config) = self.config.as_ref() else {
            return Err(all);
        };
        if !all.has_errors() {
            let matcher = match &self.matcher {
                Some(m) => Arc::clone(m),
                None => Arc::new(crate::tagging::Matcher::new(&config.tag_rules)),
            };
            let (site, model_diags, live) = model::Live::build(&self.digests, config, matcher);
            all.extend(model_diags);
            if !all.has_errors() {
                all.sort();
                return Ok((site, all, live));
            }
        }
        all.sort();
        Err(all)
    }

    fn renderer_run<T>(&self, site: &Site, f: impl FnOnce(&Renderer) -> Result<T>) -> Result<T> {
        let config = self.config.as_ref().context("no config")?;
        let theme = self.theme.as_ref().context("no theme")?;
        let urls = Urls::new(&config.base_url);
        f(&Renderer::new(site, config, &urls, theme))
    }

    /// Shows errors in the terminal and the browser; the last good site stays.
    fn fail(&mut self, diags: &Diagnostics, shared: &Shared) {
        eprint!("{}", crate::report::human(diags));
        eprintln!(
            "error: {} error(s); still serving the last good site",
            diags.error_count()
        );
        *shared.overlay.write().unwrap_or_else(|e| e.into_inner()) =
            Some(overlay_html(diags, &self.root));
        shared.reload();
    }

    fn rel(&self, path: &Path) -> String {
        crate::diagnostic::display_path(path.strip_prefix(&self.root).unwrap_or(path))
    }
}

fn print_warnings(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{}", crate::report::human(diags));
    }
}

fn is_digest_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown" | "txt")
    ) && !is_editor_noise(path)
}

/// Swap files, backups and the like that editors write beside the file being edited.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// What a change reaches in the new model, given the dates and ids it touched.
fn affected(
    old: &Site,
    new: &Site,
    dates: &BTreeSet<NaiveDate>,
    papers: &BTreeSet<String>,
) -> Affected {
    let structure = !old
        .days
        .iter()
        .map(|d| d.date)
        .eq(new.days.iter().map(|d| d.date))
        || !old
            .papers
            .iter()
            .map(|p| &p.id)
            .eq(new.papers.iter().map(|p| &p.id))
        || !old
            .tags
            .iter()
            .map(|t| &t.slug)
            .eq(new.tags.iter().map(|t| &t.slug));
    let mut dates = dates.clone();
    let mut tags = BTreeSet::new();
    for site in [old, new] {
        for p in site.papers.iter().filter(|p| papers.contains(&p.id)) {
            dates.extend(p.days.iter().copied());
            tags.extend(p.tags.iter().map(|&t| site.tags[t].slug.clone()));
        }
    }
    // Tags whose member list changed are redone whole; others only where the papers are.
    fn members<'s>(site: &'s Site, slug: &str) -> Option<Vec<&'s str>> {
        let tag = site.tags.iter().find(|t| t.slug == slug)?;
        Some(
            tag.papers
                .iter()
                .map(|&p| site.papers[p].id.as_str())
                .collect(),
        )
    }
    tags.retain(|slug| members(old, slug) != members(new, slug));
    Affected {
        dates,
        papers: papers.clone(),
        tags,
        structure,
        pages: false,
    }
}

/// Files of the old model that the new one no longer has.
fn stale_files(old: &Site, new: &Site, config: &Config) -> Vec<String> {
    let mut out = Vec::new();
    let new_dates: BTreeSet<NaiveDate> = new.days.iter().map(|d| d.date).collect();
    for d in old.days.iter().filter(|d| !new_dates.contains(&d.date)) {
        out.push(Route::Day(d.date).file());
    }
    let months = |s: &Site| -> BTreeSet<(i32, u32)> {
        s.days
            .iter()
            .map(|d| (d.date.year(), d.date.month()))
            .collect()
    };
    let new_months = months(new);
    for &(y, m) in months(old).difference(&new_months) {
        out.push(Route::Month(y, m).file());
        if !new_months.iter().any(|&(ny, _)| ny == y) {
            out.push(Route::Year(y).file());
        }
    }
    out.dedup();
    let pages = |n: usize, per: usize| n.div_ceil(per).max(1);
    for n in pages(new.days.len(), config.days_per_page) + 1
        ..=pages(old.days.len(), config.days_per_page)
    {
        out.push(Route::Home(n).file());
    }
    let new_ids: BTreeSet<&str> = new.papers.iter().map(|p| p.id.as_str()).collect();
    for p in old
        .papers
        .iter()
        .filter(|p| !new_ids.contains(p.id.as_str()))
    {
        out.push(Route::Paper(&p.id).file());
    }
    let new_tags: HashMap<&str, usize> = new
        .tags
        .iter()
        .map(|t| (t.slug.as_str(), t.papers.len()))
        .collect();
    let per = config.papers_per_tag_page;
    for t in &old.tags {
        let keep = new_tags.get(t.slug.as_str()).map_or(0, |&n| pages(n, per));
        if keep == 0 {
            out.push(Route::TagFeed(&t.slug).file());
        }
        for n in keep + 1..=pages(t.papers.len(), per) {
            out.push(Route::Tag(&t.slug, n).file());
        }
    }
    out
}

fn overlay_html(diags: &Diagnostics, root: &Path) -> String {
    let mut items = String::new();
    for d in diags.items.iter().filter(|d| d.is_error()) {
        let mut shown = d.clone();
        if let Ok(rel) = d.path.strip_prefix(root) {
            shown.path = rel.to_path_buf();
        }
        items.push_str(&format!(
            "<li>{}</li>",
            crate::render::escape::html(&shown.to_string())
        ));
    }
    format!(
        "<div id=\"papertrail-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;background:rgba(20,0,0,.92);color:#fdd;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap\">\
<p style=\"font-weight:bold;color:#fff\">papertrail: the content has {} error(s); showing the last good build</p><ul>{items}</ul>\
<p><button type=\"button\" onclick=\"this.closest('#papertrail-overlay').remove()\">Dismiss</button></p></div>\n",
        diags.error_count()
    )
}

/// The script added to every HTML response: reloads the page after each rebuild.
const RELOAD_SCRIPT: &str = "<script>(()=>{const s=new EventSource(\"/__papertrail/events\");s.addEventListener(\"reload\",()=>location.reload());})();</script>\n";

// ---------------------------------------------------------------------------------
// HTTP

fn handle(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == EVENTS_PATH {
        return events(request, shared);
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
    let files = shared.files.read().unwrap_or_else(|e| e.into_inner());
    let found = if rel.is_empty() || rel.ends_with('/') {
        files
            .get(&format!("{rel}index.html"))
            .map(|b| (format!("{rel}index.html"), Arc::clone(b)))
    } else {
        files.get(&rel).map(|b| (rel.clone(), Arc::clone(b)))
    };
    let (status, file, body) = match found {
        Some((file, body)) => (200, file, body),
        None if files.contains_key(&format!("{rel}/index.html")) => {
            drop(files);
            let location = format!("{path}/");
            let response =
                tiny_http::Response::empty(301).with_header(header("Location", &location));
            let _ = request.respond(response);
            return;
        }
        None => match files.get("404.html") {
            Some(b) => (404, "404.html".to_string(), Arc::clone(b)),
            None => (404, "404.txt".into(), Arc::from(&b"404 Not Found\n"[..])),
        },
    };
    drop(files);
    let mime = mime_type(&file);
    let body: Vec<u8> = if mime.starts_with("text/html") {
        let overlay = shared
            .overlay
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        inject(&body, overlay.as_deref())
    } else {
        body.to_vec()
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("valid header")
    })
}

/// Holds a server-sent-events stream open, sending `reload` after each rebuild.
fn events(request: tiny_http::Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel::<String>();
    shared
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

/// Adds the reload script (and the error overlay) before `</body>`.
fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(o) = overlay {
        extra.push_str(o);
    }
    extra.push_str(RELOAD_SCRIPT);
    let at = rfind(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
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
    fn injects_before_body_end() {
        let out = inject(b"<html><body>x</body></html>", Some("<div>E</div>"));
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("<html><body>x<div>E</div><script>"));
        assert!(out.ends_with("</script>\n</body></html>"));
    }

    #[test]
    fn only_folders_make_a_rescan() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("content/2025/07");
        std::fs::create_dir_all(&dir).expect("mkdir");
        let mut state = State::new(root.path(), "http://127.0.0.1:1111/");
        state.file_diags.insert(
            root.path().join("content/2024/01/2024-01-02.md"),
            Diagnostics::default(),
        );
        // An existing folder, and one that is gone but held digests read before.
        assert!(state.is_folder(&dir));
        assert!(state.is_folder(&root.path().join("content/2024/01")));
        assert!(state.is_folder(&root.path().join("content/2024")));
        // A temporary file, a digest, and a name that only starts like a known folder.
        assert!(!state.is_folder(&dir.join("XXZrHaO3")));
        assert!(!state.is_folder(&root.path().join("content/2024/01/2024-01-02.md")));
        assert!(!state.is_folder(&root.path().join("content/2024/0")));
        assert!(!state.is_folder(&root.path().join("content/2024/01b")));
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
