//! The rebuild loop: what `serve` keeps of the site between changes, and what it does
//! with each burst of them.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use rayon::prelude::*;

use super::overlay::overlay_html;
use super::stale::ServedRoutes;
use super::watch::{Change, MAX_COALESCE, QUIET};
use super::{MemorySink, PageSource, Served, ServingSink, facts};
use crate::config::Config;
use crate::content::{self, Digest, ParseOptions};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::model::{self, Site};
use crate::render::{Affected, Renderer, theme::Theme};

/// The rebuild thread's view of the site: settings, theme, every parsed file and the
/// last good model.
pub(super) struct State {
    /// The site folder as the user named it: files are read and named through it.
    pub(super) root: PathBuf,
    /// The same folder, canonical: what is watched, and so what events name.
    pub(super) real_root: PathBuf,
    /// The content folder, as config.toml names it under the user's root.
    pub(super) content_dir: PathBuf,
    /// The same folder, canonical (what events under it name).
    pub(super) real_content_dir: PathBuf,
    base_url: String,
    config: Option<Arc<Config>>,
    theme: Option<Arc<Theme>>,
    /// What every digest that parsed names (dates and ids), by path. The digests
    /// themselves are not kept: a patch reads again the few files it needs, and a whole
    /// model is built from the files read again.
    file_keys: BTreeMap<PathBuf, model::Keys>,
    /// Every digest file's problems, by path (a file that did not parse is only here).
    pub(super) file_diags: BTreeMap<PathBuf, Diagnostics>,
    /// Every warning of the site served (of its files and of the model), for the
    /// summary printed at start and after each rebuild.
    warnings: Diagnostics,
    /// The model of the site being served.
    site: Option<Arc<Site>>,
    /// The index that patches `site` one changed file at a time; set while `site` is
    /// the error-free model of every digest in `file_keys`.
    live: Option<model::Live>,
    /// The tag rules compiled for the current config.
    matcher: Option<Arc<crate::tagging::Matcher>>,
    /// The background refresh of every page or render of the rest of the site, if one
    /// is running; it returns whether a newer rebuild stopped it before the site was
    /// whole.
    refresh: Option<std::thread::JoinHandle<bool>>,
    /// The last render of the rest of the site was stopped before its end: the next
    /// rebuild renders it again.
    incomplete: bool,
    /// Dates and paper ids touched since the last good render.
    pending_dates: BTreeSet<NaiveDate>,
    pending_papers: BTreeSet<String>,
    /// A full rebuild is owed (the last one failed on config or theme).
    needs_full: bool,
    /// The route files of the site being served.
    routes: ServedRoutes,
    /// Some file links notes under dated headings (see [`content::index_dates`]): a
    /// change is not patched in.
    indexes_date_notes: bool,
}

impl State {
    pub(super) fn new(root: &Path, real_root: PathBuf, base_url: &str) -> State {
        let content_dir =
            Config::load(root).map_or_else(|_| root.join("content"), |c| c.content_path(root));
        State {
            root: root.to_path_buf(),
            real_root,
            // config.toml names the folder; `full` reads it again at every reload.
            content_dir: content_dir.clone(),
            real_content_dir: super::watch::real_path(&content_dir),
            base_url: base_url.to_string(),
            config: None,
            theme: None,
            file_keys: BTreeMap::new(),
            file_diags: BTreeMap::new(),
            warnings: Diagnostics::default(),
            site: None,
            live: None,
            matcher: None,
            refresh: None,
            incomplete: false,
            pending_dates: BTreeSet::new(),
            pending_papers: BTreeSet::new(),
            needs_full: true,
            routes: ServedRoutes::default(),
            indexes_date_notes: false,
        }
    }

    fn parse_options(&self) -> ParseOptions {
        self.config
            .as_ref()
            .map(|c| ParseOptions::from_config(c))
            .unwrap_or_default()
    }

    /// The settings' `ignored_content` (nothing before a config was read).
    pub(super) fn ignored(&self) -> &globset::GlobSet {
        static NOTHING: std::sync::LazyLock<globset::GlobSet> =
            std::sync::LazyLock::new(globset::GlobSet::empty);
        self.config.as_ref().map_or(&NOTHING, |c| &c.ignored)
    }

    /// Waits for changes and rebuilds, forever.
    pub(super) fn run(
        &mut self,
        rx: &Receiver<notify::Result<notify::Event>>,
        watcher: &mut notify::RecommendedWatcher,
        served: &Arc<Served>,
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
                    self.full(served);
                    self.watch(watcher);
                    println!("rebuilt everything in {} ms", t0.elapsed().as_millis());
                }
                Change::Content(changed) => {
                    if self.needs_full {
                        // A folder that was missing (the content folder itself) may be
                        // there now: watch it too.
                        self.full(served);
                        self.watch(watcher);
                        println!("rebuilt everything in {} ms", t0.elapsed().as_millis());
                    } else {
                        self.incremental(&changed, served, t0);
                    }
                }
            }
            let _ = std::io::stdout().flush();
        }
    }

    /// Reloads config and theme, re-reads every file and renders everything.
    pub(super) fn full(&mut self, served: &Arc<Served>) {
        let mut phases = crate::timings::Phases::new();
        served.generation.fetch_add(1, Ordering::SeqCst);
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
            Err(diags) => return self.fail(&diags, served),
        };
        let theme = match crate::build::load_theme(&self.root, &config) {
            Ok(t) => t,
            Err(d) => return self.fail(&d.into(), served),
        };
        self.matcher = Some(Arc::new(crate::tagging::Matcher::new(&config.tag_rules)));
        self.content_dir = config.content_path(&self.root);
        self.real_content_dir = super::watch::real_path(&self.content_dir);
        self.config = Some(Arc::new(config));
        self.theme = Some(Arc::new(theme));
        let paths = match content::discover(&self.content_dir, self.ignored()) {
            Ok(paths) => paths,
            Err(d) => return self.fail(&d.into(), served),
        };
        self.file_diags.clear();
        self.file_keys.clear();
        let digests = self.read_all(paths);
        phases.mark("read+parse");
        // Settings, theme and files are all read: from here on, content edits can be
        // handled one file at a time. With no good model for this config, the next
        // success renders everything.
        self.needs_full = false;
        let (site, diags, live) = match self.model(digests) {
            Ok(built) => built,
            Err(diags) => {
                self.site = None;
                return self.fail(&diags, served);
            }
        };
        phases.mark("model");
        if self.serve_all(site, live, served).is_some() {
            phases.mark("first pages");
            self.warnings = diags;
            print_warnings(&self.warnings, self.config.as_deref());
        }
    }

    /// Renders the first pages of `site` into memory and serves them instead of
    /// everything before, then the rest in the background; returns the number of
    /// first files, or None after showing a render error.
    fn serve_all(&mut self, site: Site, live: model::Live, served: &Arc<Served>) -> Option<usize> {
        let sink = MemorySink::default();
        if let Err(e) = self.renderer_run(&site, |r| r.render_first(&sink)) {
            let d = Diagnostic::error(&self.root, 0, format!("{e:#}"));
            self.fail(&d.into(), served);
            return None;
        }
        let files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let count = files.len();
        if let Ok(routes) = self.renderer_run(&site, |r| Ok(r.route_files())) {
            self.routes = ServedRoutes::new(routes);
        }
        *served.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        *served.overlay.write().unwrap_or_else(|e| e.into_inner()) = None;
        if let Some(config) = &self.config {
            *served.page_facts.lock().unwrap_or_else(|e| e.into_inner()) = facts(&site, config);
        }
        self.site = Some(Arc::new(site));
        self.live = Some(live);
        self.show_model(served);
        self.pending_dates.clear();
        self.pending_papers.clear();
        served.pending.notify();
        self.render_rest(served);
        served.reload();
        Some(count)
    }

    /// Re-parses `changed`, rebuilds the model and re-renders what the change reaches.
    fn incremental(&mut self, changed: &BTreeSet<PathBuf>, served: &Arc<Served>, t0: Instant) {
        served.generation.fetch_add(1, Ordering::SeqCst);
        let opts = self.parse_options();
        let mut changes = Vec::new();
        let mut phases = crate::timings::Phases::since(t0);
        phases.mark("coalesce");
        // The changed files as read now, for the patch to take instead of reading them
        // again.
        let mut fresh: BTreeMap<PathBuf, Digest> = BTreeMap::new();
        for path in changed {
            self.file_diags.remove(path);
            let mut change = model::FileChange {
                path: path.clone(),
                before: self.file_keys.remove(path),
                after: None,
            };
            if let Some(keys) = &change.before {
                self.note(keys);
            }
            if path.is_file() {
                let (digest, diags) = content::read_digest(path, &opts);
                self.file_diags.insert(path.clone(), diags);
                if let (Some(digest), Some(config)) = (digest, &self.config) {
                    let keys = model::Keys::of(&digest, config);
                    self.note(&keys);
                    self.file_keys.insert(path.clone(), keys.clone());
                    change.after = Some(keys);
                    fresh.insert(path.clone(), digest);
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
        let dates_notes =
            self.indexes_date_notes || fresh.values().any(|d| !d.note_links.is_empty());
        if self.live.is_some() && !dates_notes && !self.file_diags.values().any(|d| d.has_errors())
        {
            match self.patch(&changes, fresh, served) {
                Ok((affected, shrank, warnings)) => {
                    self.patch_warnings(changed, warnings);
                    return self.finish(
                        &names,
                        served,
                        t0,
                        parsed_at,
                        &affected,
                        shrank,
                        Model::Patched,
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
                    return self.fail_edit(&all, &names, served, t0);
                }
                Err(model::NotPatched::Rebuild(why)) => {
                    self.live = None;
                    println!("({why}: building the model again)");
                }
            }
        }
        let paths: Vec<PathBuf> = self.file_diags.keys().cloned().collect();
        self.file_keys.clear();
        let digests = self.read_all(paths);
        let (site, diags, live) = match self.model(digests) {
            Ok(built) => built,
            Err(all) => return self.fail_edit(&all, &names, served, t0),
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
            let Some(count) = self.serve_all(site, live, served) else {
                return;
            };
            self.warnings = diags;
            print_warnings(&self.warnings, self.config.as_deref());
            println!(
                "rebuilt {} in {} ms ({count} files; model {} ms)",
                names.join(", "),
                t0.elapsed().as_millis(),
                (modelled_at - parsed_at).as_millis()
            );
            return;
        };
        let affected = affected(&old, &site, &self.pending_dates, &self.pending_papers);
        let shrank = site.shrank_from(&old);
        drop(old);
        self.site = Some(Arc::new(site));
        self.live = Some(live);
        let model = Model::Rebuilt;
        self.warnings = diags;
        self.finish(&names, served, t0, parsed_at, &affected, shrank, model);
    }

    /// The site's warnings after a patch: those of the `changed` files as read now and
    /// the model's `warnings` about them, in place of what they had.
    fn patch_warnings(&mut self, changed: &BTreeSet<PathBuf>, warnings: Diagnostics) {
        // A file's `empty-day` and `unread-papers` warnings depend on what the other
        // files give: an edit anywhere may settle or revive them, so they are taken
        // again from every file and settled against the patched site.
        let settled_by_others =
            |d: &Diagnostic| matches!(d.kind, Kind::EmptyDay | Kind::UnreadPapers);
        self.warnings
            .items
            .retain(|d| !changed.iter().any(|p| p == &d.path) && !settled_by_others(d));
        for (path, diags) in &self.file_diags {
            let items = diags.items.iter();
            if changed.contains(path) {
                self.warnings.items.extend(items.cloned());
            } else {
                self.warnings
                    .items
                    .extend(items.filter(|d| settled_by_others(d)).cloned());
            }
        }
        if let Some(site) = self.site.as_ref() {
            model::drop_published_elsewhere(&mut self.warnings, site);
        }
        self.warnings.extend(warnings);
        self.warnings.sort();
    }

    /// Patches the model for `changes`: what to re-render, whether the model shrank
    /// and the changed files' warnings.
    fn patch(
        &mut self,
        changes: &[model::FileChange],
        mut fresh: BTreeMap<PathBuf, Digest>,
        served: &Served,
    ) -> Result<(Affected, bool, Diagnostics), model::NotPatched> {
        let opts = self.parse_options();
        // Files made on request read the model: they wait while it is patched, and
        // let go of it, so that it is patched in place and not copied.
        let mut shown = served.on_request.write().unwrap_or_else(|e| e.into_inner());
        *shown = None;
        let update = self.patch_model(changes, &mut fresh, &opts);
        *shown = self.page_source();
        update
    }

    /// [`Self::patch`] once no one else holds the model.
    fn patch_model(
        &mut self,
        changes: &[model::FileChange],
        fresh: &mut BTreeMap<PathBuf, Digest>,
        opts: &ParseOptions,
    ) -> Result<(Affected, bool, Diagnostics), model::NotPatched> {
        let (Some(live), Some(site), Some(config)) =
            (self.live.as_mut(), self.site.as_mut(), self.config.as_ref())
        else {
            return Err(model::NotPatched::Rebuild("no model"));
        };
        let site = Arc::make_mut(site);
        // The changed files as just read; the others that share a date or id with them
        // as they are on disk.
        let mut load = |path: &Path| {
            fresh
                .remove(path)
                .or_else(|| content::read_digest(path, opts).0)
        };
        let update = live.update(site, &mut load, changes, config)?;
        let affected = Affected {
            dates: update.dates,
            papers: update.papers,
            tags: update.tags,
            structure: update.structure,
            pages: false,
        };
        Ok((affected, update.shrank, update.warnings))
    }

    /// Renders what `affected` reaches from the new model, swaps it in, reloads the
    /// browsers, then renders the site-wide rest.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &mut self,
        names: &[String],
        served: &Arc<Served>,
        t0: Instant,
        parsed_at: Duration,
        affected: &Affected,
        shrank: bool,
        model: Model,
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
                return self.fail(&d.into(), served);
            }
        };
        let rendered_at = t0.elapsed();
        let stale = if shrank {
            self.stale_files(&site)
        } else {
            Vec::new()
        };
        {
            let new_files = sink.files.into_inner().unwrap_or_else(|e| e.into_inner());
            let mut files = served.files.write().unwrap_or_else(|e| e.into_inner());
            for path in &stale {
                files.remove(path);
            }
            files.extend(new_files);
        }
        served.pending.notify();
        *served.overlay.write().unwrap_or_else(|e| e.into_inner()) = None;
        self.show_model(served);
        self.pending_dates.clear();
        self.pending_papers.clear();
        served.reload();
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
            if model == Model::Rebuilt {
                " (whole)"
            } else {
                ""
            },
            ms(rendered_at - modelled_at),
        );
        let _ = std::io::stdout().flush();
        print_warnings(&self.warnings, self.config.as_deref());
        // Then the rest: shifted pages, search index, sitemap.
        // Served as each is rendered: collected first, the new files would be held
        // beside the ones they replace (the search index is large).
        let t1 = Instant::now();
        let sink = ServingSink::new(served);
        match self.renderer_run(&site, |r| r.render_affected_rest(affected, &sink)) {
            Ok(0) => {}
            Ok(n) => {
                println!(
                    "  then {n} more files (shifted pages, search index, sitemap) in {} ms",
                    t1.elapsed().as_millis()
                );
            }
            Err(e) => eprintln!("error: {e:#}"),
        }
        if !shrank && (affected.structure || !affected.tags.is_empty()) {
            // Routes may have come (a day, a paper, a tag page): the list that the next
            // removal is taken from follows, out of the reload's way.
            let _ = self.stale_files(&site);
        }
        drop(site);
        if self.incomplete {
            self.render_rest(served);
        } else {
            self.refresh_if_facts_changed(served);
        }
    }

    /// Renders the whole site in the background, serving each file as it comes
    /// ([`super::background`]).
    fn render_rest(&mut self, served: &Arc<Served>) {
        self.stop_refresh();
        let Some(source) = self.page_source() else {
            return served.pending.end();
        };
        let generation = served.generation.load(Ordering::SeqCst);
        self.incomplete = false;
        self.refresh = Some(super::background::render_rest(served, source, generation));
    }

    /// The files of the routes the served site had and `site` has not, and `site`'s
    /// routes kept for the next time. Asked before the reload only when the model
    /// shrank (a model that grew or changed keeps every route), else after it.
    fn stale_files(&mut self, site: &Site) -> Vec<String> {
        match self.renderer_run(site, |r| Ok(r.route_files())) {
            Ok(now) => self.routes.replace(now),
            Err(_) => Vec::new(),
        }
    }

    /// Stops the background refresh, if one runs (a newer generation makes it give up
    /// after its current page), and waits for it to let go of the model.
    fn stop_refresh(&mut self) {
        if let Some(handle) = self.refresh.take()
            && handle.join().unwrap_or(true)
        {
            self.incomplete = true;
        }
    }

    /// Every page shows site-wide counts; when they changed, re-renders the whole site
    /// in the background on one thread, so the next edit is not kept waiting. A newer
    /// rebuild discards the refresh (and starts its own if still needed).
    fn refresh_if_facts_changed(&mut self, served: &Arc<Served>) {
        let (Some(site), Some(config)) = (&self.site, &self.config) else {
            return;
        };
        let now = facts(site, config);
        if *served.page_facts.lock().unwrap_or_else(|e| e.into_inner()) == now {
            return;
        }
        let Some(source) = self.page_source() else {
            return;
        };
        let generation = served.generation.load(Ordering::SeqCst);
        self.refresh = Some(super::background::refresh_pages(
            served, source, generation, now,
        ));
    }

    /// Remembers what a digest (before or after a change) names, to re-render it.
    fn note(&mut self, keys: &model::Keys) {
        self.pending_dates.extend(keys.dates.iter().copied());
        self.pending_papers.extend(keys.ids.iter().cloned());
    }

    /// Reads and parses `paths` (in parallel), noting each file's problems and what it
    /// names; returns the digests that parsed, in path order.
    fn read_all(&mut self, mut paths: Vec<PathBuf>) -> Vec<Digest> {
        paths.sort();
        let opts = self.parse_options();
        let parsed: Vec<(PathBuf, Option<Digest>, Diagnostics)> = paths
            .into_par_iter()
            .map(|p| {
                let (digest, diags) = content::read_digest(&p, &opts);
                (p, digest, diags)
            })
            .collect();
        let mut digests = Vec::with_capacity(parsed.len());
        for (path, digest, diags) in parsed {
            if let (Some(digest), Some(_)) = (digest, &self.config) {
                digests.push(digest);
            }
            self.file_diags.insert(path, diags);
        }
        // A note an index dates takes its day from another file: a change to either
        // is not one file's, and such a site is rebuilt whole on every change.
        content::index_dates::apply(&mut digests);
        self.indexes_date_notes = digests.iter().any(|d| !d.note_links.is_empty());
        if let Some(config) = &self.config {
            for digest in &digests {
                self.file_keys
                    .insert(digest.path.clone(), model::Keys::of(digest, config));
            }
        }
        digests
    }

    /// The model of `digests` (and the index to patch it) and every warning, or every
    /// error.
    fn model(&self, digests: Vec<Digest>) -> Result<(Site, Diagnostics, model::Live), Diagnostics> {
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
            let (site, model_diags, live) = model::Live::build(digests, config, matcher);
            all.extend(model_diags);
            model::drop_published_elsewhere(&mut all, &site);
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
        super::served_renderer(site, config, theme, f)
    }

    /// The served model, for pages made on request.
    fn page_source(&self) -> Option<PageSource> {
        Some(PageSource {
            site: Arc::clone(self.site.as_ref()?),
            config: Arc::clone(self.config.as_ref()?),
            theme: Arc::clone(self.theme.as_ref()?),
        })
    }

    /// Makes pages on request from the current model.
    fn show_model(&self, served: &Served) {
        *served.on_request.write().unwrap_or_else(|e| e.into_inner()) = self.page_source();
    }

    /// [`Self::fail`] for an edit of the files `names`, started at `t0`.
    fn fail_edit(&mut self, diags: &Diagnostics, names: &[String], served: &Served, t0: Instant) {
        self.fail(diags, served);
        println!(
            "{} has errors ({} ms)",
            names.join(", "),
            t0.elapsed().as_millis()
        );
    }

    /// Shows errors in the terminal and the browser; the last good site stays, if
    /// there is one.
    fn fail(&mut self, diags: &Diagnostics, served: &Served) {
        // No render is running (each rebuild stops it first): nothing more is coming.
        served.pending.end();
        // Every error in full, the warnings one line per kind, as `build` prints them.
        eprint!("{}", crate::report::human(&diags.errors_only()));
        print_warnings(diags, self.config.as_deref());
        let has_site = !served
            .files
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty();
        if has_site {
            eprintln!(
                "error: {} error(s); still serving the last good site",
                diags.error_count()
            );
        } else {
            eprintln!(
                "error: {} error(s); nothing to serve until they are fixed (the site appears as soon as it builds)",
                diags.error_count()
            );
        }
        *served.overlay.write().unwrap_or_else(|e| e.into_inner()) =
            Some(overlay_html(diags, &self.root, has_site));
        served.reload();
    }

    pub(super) fn rel(&self, path: &Path) -> String {
        crate::diagnostic::display_path(path.strip_prefix(&self.root).unwrap_or(path))
    }
}

/// The warnings of the site one line per kind, as `build` prints them: a long archive
/// has thousands, which `papertrail check` lists.
/// Kinds that config.toml's `[lint] allow` silences are left out, as `build` leaves them.
fn print_warnings(diags: &Diagnostics, config: Option<&Config>) {
    match config.filter(|c| !c.lint.allow.is_empty()) {
        Some(config) => {
            let mut shown = diags.clone();
            shown
                .items
                .retain(|d| d.is_error() || !config.lint.allows(d.kind));
            eprint!("{}", crate::report::summary(&shown));
        }
        None => eprint!("{}", crate::report::summary(diags)),
    }
}

/// How the model of a change was made, for the rebuild line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Model {
    /// Patched in place ([`model::Live::update`]).
    Patched,
    /// Built again from every cached digest.
    Rebuilt,
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
