//! Atomicity: a build killed at any moment (SIGKILL) leaves the previous `public/`
//! whole, and the next build cleans up after it.
//!
//! The test builds version A of a generated site (150 table-format day files), changes
//! every title and summary (version B), then starts builds of B and SIGKILLs them at
//! delays spread over a build's measured duration. After each kill `public/` must be
//! byte-for-byte the tree it held before (killed before the swap) or the tree of the
//! killed build's content (killed after it): never a mix, never missing. When a kill lands
//! after the swap the content switches back to the other version, so every kill checks a
//! real change. Which outcome a given delay yields is not asserted. A last, unkilled build
//! must succeed, produce the current version's tree and remove every staging folder the
//! killed builds left.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Site, tree};

const DAYS: usize = 150;
const PAPERS_PER_DAY: usize = 1;
/// Kill points spread over a build's duration (besides a few early fixed ones).
const MIN_SPREAD: u64 = 6;
const MAX_SPREAD: u64 = 14;
/// About how long the test sleeps before kills in all.
const KILL_SLEEPS: Duration = Duration::from_secs(6);
/// No new kill starts after this, so a very slow machine stays near 20 s.
const BUDGET: Duration = Duration::from_secs(15);

type Tree = BTreeMap<String, Vec<u8>>;

/// One day file in the table format; `version` appears in every title and summary.
fn day_file(day: usize, version: &str) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day as u64);
    let mut s = format!(
        "## Papers for {}\n\n| Title | Authors | Summary |\n|---|---|---|\n",
        date.format("%Y-%m-%d")
    );
    for p in 0..PAPERS_PER_DAY {
        let n = day * PAPERS_PER_DAY + p + 1;
        let id = format!("2501.{n:05}");
        writeln!(
            s,
            "| Title {n} {version} (Read more on [arXiv](https://arxiv.org/abs/{id})) | A. Author, B. Author | \
             Summary {n}, version {version}: this paper studies something at some length so that pages have \
             a realistic size; it proposes a method, evaluates it on benchmarks and reports gains. |"
        )
        .unwrap();
    }
    s
}

fn write_version(site: &Site, version: &str) {
    for day in 0..DAYS {
        let date =
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day as u64);
        site.write(
            &format!("content/{}.md", date.format("%Y/%m/%Y-%m-%d")),
            day_file(day, version).as_bytes(),
        );
    }
    // The reference trees are builds of each version without history: forget when
    // feed entries last changed, or switching back and forth would move their
    // `updated` (see feed-state.tsv in the README).
    let _ = std::fs::remove_file(site.root().join("feed-state.tsv"));
}

fn staging_leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.papertrail-staging-"))
        .collect()
}

#[derive(Debug, PartialEq, Eq)]
enum Held {
    /// The output of the last completed build, whole.
    Old,
    /// The output of the build that was killed, whole.
    New,
}

/// Which whole tree `public/` holds, or a description of how it is broken.
fn classify(public: &Path, old: &Tree, new: &Tree) -> Result<Held, String> {
    if !public.is_dir() {
        return Err("public/ is missing".into());
    }
    let now = tree(public);
    if &now == old {
        return Ok(Held::Old);
    }
    if &now == new {
        return Ok(Held::New);
    }
    let diff = |other: &Tree| {
        let missing = other.keys().filter(|k| !now.contains_key(*k)).count();
        let extra = now.keys().filter(|k| !other.contains_key(*k)).count();
        let changed = now
            .iter()
            .filter(|(k, v)| other.get(*k).is_some_and(|o| o != *v))
            .count();
        format!("{missing} missing, {extra} extra, {changed} differing")
    };
    Err(format!(
        "public/ is neither tree: vs the old one {}; vs the new one {}",
        diff(old),
        diff(new)
    ))
}

#[test]
fn killed_builds_leave_the_previous_output_whole() {
    let started = Instant::now();
    let site = Site::new(
        "base_url = \"https://example.org/\"\ntitle = \"Kill test\"\n",
        &[],
    );

    // Version B, built once elsewhere to learn its tree.
    write_version(&site, "beta");
    let reference = site.root().join("reference");
    site.build_ok(&["--output-dir", reference.to_str().unwrap()]);
    let tree_b = tree(&reference);
    std::fs::remove_dir_all(&reference).unwrap();

    // Version A in public/, built twice: the second build, which replaces an existing
    // output as the killed builds do, tells how long such a build takes.
    write_version(&site, "alpha");
    site.build_ok(&[]);
    let t = Instant::now();
    site.build_ok(&[]);
    let build_time = t.elapsed();
    let tree_a = tree(&site.public());
    assert!(
        tree_a.len() > DAYS * PAPERS_PER_DAY,
        "{} files",
        tree_a.len()
    );
    assert_ne!(tree_a, tree_b);

    // Kill points: a few fixed early ones, then evenly spread up to 1.3× the build time
    // so that some land around and after the swap. Their number is chosen so that the
    // sleeps add up to about KILL_SLEEPS whatever the machine's speed.
    let span = build_time.mul_f64(1.3);
    let mut delays: Vec<u64> = vec![0, 5, 20, 50];
    let spread = (KILL_SLEEPS.as_secs_f64() / (span.as_secs_f64() * 0.55)) as u64;
    let spread = spread.clamp(MIN_SPREAD, MAX_SPREAD);
    let span = span.as_millis() as u64;
    delays.extend((1..=spread).map(|i| i * span / spread));
    delays.sort_unstable();
    delays.dedup();

    // The content alternates: while `public/` holds `prev`, builds of `next` are killed.
    // A kill that lands after the swap leaves `next`; the content then switches back, so
    // every kill point checks a real change of output.
    let versions = [("alpha", &tree_a), ("beta", &tree_b)];
    let mut prev = 0; // index into `versions` of what public/ holds
    write_version(&site, versions[1].0);
    let (mut before_swap, mut after_swap, mut exited) = (0, 0, 0);
    let mut outcomes = Vec::new();
    // Builds killed here run slower than the timed one (each first removes the staging
    // folder the previous kill left), so when no kill has yet landed after the swap the
    // delays keep growing until one does.
    let mut planned = delays.into_iter();
    let mut last = 0;
    loop {
        let delay = match planned.next() {
            Some(d) => d,
            None if after_swap + exited == 0 => last * 3 / 2,
            None => break,
        };
        last = delay;
        if started.elapsed() > BUDGET {
            break;
        }
        let next = 1 - prev;
        let mut child = Command::new(BIN)
            .arg("--root")
            .arg(site.root())
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn papertrail");
        std::thread::sleep(Duration::from_millis(delay));
        let finished_first = child.try_wait().expect("try_wait").is_some();
        // SIGKILL on Unix.
        if let Err(e) = child.kill() {
            assert!(finished_first, "kill: {e}");
        }
        let status = child.wait().expect("wait");
        let got =
            classify(&site.public(), versions[prev].1, versions[next].1).unwrap_or_else(|e| {
                panic!(
                    "after a kill at {delay} ms ({status}), building {} over {}: {e}",
                    versions[next].0, versions[prev].0
                )
            });
        let landed = if got == Held::Old {
            versions[prev].0
        } else {
            versions[next].0
        };
        outcomes.push(format!("{delay}ms→{landed}"));
        if finished_first {
            assert!(status.success(), "the build at {delay} ms failed: {status}");
            assert_eq!(
                got,
                Held::New,
                "a finished build at {delay} ms left the old tree"
            );
            exited += 1;
        } else if got == Held::Old {
            before_swap += 1;
        } else {
            after_swap += 1;
        }
        if got == Held::New {
            prev = next;
            write_version(&site, versions[1 - prev].0);
        }
    }
    eprintln!(
        "a build replacing public/ took {build_time:?}; {} kills: {before_swap} before the swap, \
         {after_swap} after it, {exited} after the build had exited: {}",
        outcomes.len(),
        outcomes.join(" ")
    );
    assert!(
        outcomes.len() >= 4,
        "only {} kill points ran in the time budget",
        outcomes.len()
    );

    // A normal build succeeds, leaves exactly the current content's tree, and clears the
    // staging folders of killed builds.
    let next = 1 - prev;
    let out = site.build(&[]);
    assert!(
        out.status.success(),
        "build after kills failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        classify(&site.public(), versions[prev].1, versions[next].1),
        Ok(Held::New),
        "public/ is not version {} after a full build",
        versions[next].0
    );
    let left = staging_leftovers(&site);
    assert!(left.is_empty(), "stale staging folders remain: {left:?}");
    eprintln!("kill test took {:?}", started.elapsed());
}
