//! The renders `serve` runs behind the pages it answers with: the whole site after
//! the first pages, and every page again when the site-wide counts change.
//!
//! A long archive takes many seconds to render whole, and a reader first opens the
//! home page and the newest days: `serve` renders those, starts answering, and renders
//! everything else here, on its own thread, serving each file as it comes. A request
//! for a file that is not in yet waits for it ([`Pending::wait_for`]) rather than
//! getting a 404. A rebuild stops this render (its files are of an older model); the
//! rebuild thread then starts it again from the new model, so the site always ends up
//! whole.

use std::io::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::{PageSource, Served, ServingSink, facts};
use crate::render::Affected;

/// Holds the background render back this many milliseconds before it starts, so that
/// tests can reliably ask for pages and edit files while it has not finished.
const HOLD_VAR: &str = "PAPERTRAIL_SERVE_HOLD_BACKGROUND_MS";

/// Whether a render of files not yet served is under way, for requests to wait on.
#[derive(Default)]
pub(super) struct Pending {
    running: Mutex<bool>,
    changed: Condvar,
}

impl Pending {
    /// Files are still to come: requests for missing ones wait.
    pub(super) fn start(&self) {
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = true;
    }

    /// Nothing more is coming: waiting requests get what there is (or a 404).
    pub(super) fn end(&self) {
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = false;
        self.changed.notify_all();
    }

    /// Files were added: waiting requests look again.
    pub(super) fn notify(&self) {
        // Taken so that a request between its look and its wait does not miss this.
        let _running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        self.changed.notify_all();
    }

    /// Waits until one of `files` is served or nothing more is coming.
    pub(super) fn wait_for(&self, served: &Served, files: &[&str]) {
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let there = {
                let served = served.files.read().unwrap_or_else(|e| e.into_inner());
                files.iter().any(|f| served.contains_key(*f))
            };
            if there || !*running {
                return;
            }
            running = self
                .changed
                .wait(running)
                .unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Renders every file of `source` in the background, serving each as it is rendered,
/// for the rebuild of generation `generation`. The thread returns true when a newer
/// rebuild stopped it before the end (the site is then not whole).
pub(super) fn render_rest(
    served: &Arc<Served>,
    source: PageSource,
    generation: u64,
) -> std::thread::JoinHandle<bool> {
    served.pending.start();
    let served = Arc::clone(served);
    std::thread::spawn(move || {
        let started = Instant::now();
        // Ends the wait of requests however this thread ends, but when a newer rebuild
        // stopped it: that rebuild renders the rest again, and they wait for it.
        let mut ending = Ending(Some(&served.pending));
        if held_back(&served, generation) {
            ending.0 = None;
            return true;
        }
        let sink = ServingSink {
            served: &served,
            generation,
            count: Default::default(),
        };
        let rendered = source.with_renderer(|r| r.render_all(&sink));
        let files = served.files.write().unwrap_or_else(|e| e.into_inner());
        if served.generation.load(Ordering::SeqCst) != generation {
            ending.0 = None;
            return true;
        }
        match rendered {
            Ok(_) => {
                *served.page_facts.lock().unwrap_or_else(|e| e.into_inner()) =
                    facts(&source.site, &source.config);
                drop(files);
                println!(
                    "then rendered all {} files in {} ms (background)",
                    sink.count.load(Ordering::Relaxed),
                    started.elapsed().as_millis()
                );
            }
            Err(e) => {
                drop(files);
                eprintln!("error: {e:#}");
            }
        }
        let _ = std::io::stdout().flush();
        false
    })
}

/// Ends [`Pending`] when dropped, if still set.
struct Ending<'a>(Option<&'a Pending>);

impl Drop for Ending<'_> {
    fn drop(&mut self) {
        if let Some(pending) = self.0 {
            pending.end();
        }
    }
}

/// Re-renders every page of `source` on one thread, serving each as it is rendered,
/// for the rebuild of generation `generation`, whose site-wide facts are `now`: every
/// page shows them, and the next edit is not kept waiting for all of them. A newer
/// rebuild discards the refresh (and starts its own if still needed). The thread
/// returns false: the site is whole with or without it.
pub(super) fn refresh_pages(
    served: &Arc<Served>,
    source: PageSource,
    generation: u64,
    now: String,
) -> std::thread::JoinHandle<bool> {
    let served = Arc::clone(served);
    std::thread::spawn(move || {
        let started = Instant::now();
        let sink = ServingSink {
            served: &served,
            generation,
            count: Default::default(),
        };
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build() else {
            return false;
        };
        let every_page = Affected {
            pages: true,
            ..Affected::default()
        };
        let rendered =
            pool.install(|| source.with_renderer(|r| r.render_affected(&every_page, &sink)));
        if rendered.is_err() {
            return false;
        }
        let count = sink.count.load(Ordering::Relaxed);
        let files = served.files.write().unwrap_or_else(|e| e.into_inner());
        if served.generation.load(Ordering::SeqCst) == generation {
            *served.page_facts.lock().unwrap_or_else(|e| e.into_inner()) = now;
            drop(files);
            println!(
                "refreshed all {count} pages for the new site-wide counts in {} ms (background)",
                started.elapsed().as_millis()
            );
            let _ = std::io::stdout().flush();
        }
        false
    })
}

/// Waits out [`HOLD_VAR`], if set; true if a newer rebuild started meanwhile.
fn held_back(served: &Served, generation: u64) -> bool {
    let hold = std::env::var(HOLD_VAR)
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_millis);
    let until = Instant::now() + hold;
    while Instant::now() < until {
        if served.generation.load(Ordering::SeqCst) != generation {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    served.generation.load(Ordering::SeqCst) != generation
}
