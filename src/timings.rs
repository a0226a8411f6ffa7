//! Where a build's time goes, printed to stderr when `PAPERTRAIL_TIMINGS` is set.
//!
//! The benchmark (`benches/run.sh`) needs more than one wall time to say what to make
//! faster; this is the cheapest answer that ships in the release binary: a few clock
//! reads per phase and one per render job, summed by job kind across threads.

use std::sync::Mutex;
use std::time::Instant;

/// Whether timings are printed; read once.
pub fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PAPERTRAIL_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// Wall time of sequential phases.
pub struct Phases {
    last: Instant,
    start: Instant,
}

impl Default for Phases {
    fn default() -> Self {
        Self::new()
    }
}

impl Phases {
    pub fn new() -> Self {
        let now = Instant::now();
        Phases {
            last: now,
            start: now,
        }
    }

    /// Phases counted from `start` (a file event, say) instead of now.
    pub fn since(start: Instant) -> Self {
        Phases { last: start, start }
    }

    /// Ends the phase called `name`.
    pub fn mark(&mut self, name: &str) {
        let now = Instant::now();
        if enabled() {
            eprintln!(
                "timing: {name:<14} {:>8.1} ms (at {:.1} ms)",
                (now - self.last).as_secs_f64() * 1e3,
                (now - self.start).as_secs_f64() * 1e3
            );
        }
        self.last = now;
    }
}

/// Thread time summed by kind, for work spread over rayon's threads.
#[derive(Default)]
pub struct ByKind {
    /// (kind, nanoseconds, jobs)
    kinds: Mutex<Vec<(&'static str, u64, u64)>>,
}

impl ByKind {
    /// Runs `f`, adding its time to `kind` when timings are on.
    pub fn time<T>(&self, kind: &'static str, f: impl FnOnce() -> T) -> T {
        if !enabled() {
            return f();
        }
        let t = Instant::now();
        let out = f();
        let ns = t.elapsed().as_nanos() as u64;
        let mut kinds = self.kinds.lock().unwrap_or_else(|e| e.into_inner());
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, total, count)) => {
                *total += ns;
                *count += 1;
            }
            None => kinds.push((kind, ns, 1)),
        }
        out
    }

    /// Prints each kind's summed thread time, largest first.
    pub fn print(&self) {
        if !enabled() {
            return;
        }
        let mut rows = self.kinds.lock().unwrap_or_else(|e| e.into_inner()).clone();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (kind, ns, count) in rows {
            eprintln!(
                "timing:   {kind:<16} {:>8.1} ms thread time, {count} jobs",
                ns as f64 / 1e6
            );
        }
    }
}
