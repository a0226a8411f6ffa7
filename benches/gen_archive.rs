//! gen_archive: a seeded, dependency-free generator of synthetic papertrail archives.
//!
//! Build (std only, no crates):
//!     rustc -O benches/gen_archive.rs -o target/gen_archive
//! Run:
//!     target/gen_archive --days N --seed S --out DIR [--start 2016-01-01] [--force]
//!
//! Writes DIR/config.toml and DIR/content/YYYY/MM/YYYY-MM-DD.md (plus
//! YYYY-MM-DD-feed.md on days that carry both a table digest and a feed dump).
//! The shape mimics the two real digest formats of the seed files (one of each):
//!
//! * consecutive days from --start, 10..=40 papers a day (uniform);
//! * ~20% of days have BOTH a table file and a feed file sharing most ids; of the
//!   rest, 60% are table digests (format A) and 40% feed dumps (format B), so about
//!   68% of days carry a table and 52% a feed;
//! * ~1/4 of table files use the `| Category | Title | Authors | Summary |` header;
//! * ~1/3 of titles are longer than 72 characters and wrap onto a second physical
//!   line that starts with two spaces, exactly as arXiv titles do in the seeds;
//! * new-style arXiv ids YYMM.NNNNN from the day's month (or the previous month
//!   early in a month), unique per paper; ~5% of rows repeat an earlier paper
//!   (same id, title, authors and text) on a later day;
//! * feed dumps reproduce the seed's ` - ` separators, `Link:` lines and the
//!   `gist <tabs> AI-generated summary <tabs> abstract` pattern byte for byte,
//!   plus about one blog item a day (non-arXiv link, `<p>` HTML summary).
//!
//! Output is a pure function of (--seed, --days, --start): byte-identical across runs.
//! Everything is ASCII except some author names and the occasional `×`; line ends are LF.

// The modules live in benches/gen_archive/ so that this file stays the one to compile.
#[path = "gen_archive/dates.rs"]
mod dates;
#[path = "gen_archive/formats.rs"]
mod formats;
#[path = "gen_archive/rng.rs"]
mod rng;
#[path = "gen_archive/text.rs"]
mod text;
#[path = "gen_archive/topics.rs"]
mod topics;
#[path = "gen_archive/words.rs"]
mod words;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Instant;

use dates::*;
use formats::*;
use rng::*;
use text::*;
use topics::*;

struct Args {
    days: usize,
    seed: u64,
    out: PathBuf,
    start: i64,
    force: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_archive --days N --seed S --out DIR [--start YYYY-MM-DD] [--force]\n\
         \n\
         Writes DIR/config.toml and DIR/content/YYYY/MM/YYYY-MM-DD[-feed].md.\n\
         Same --seed, --days and --start give byte-identical output.\n\
         --start defaults to 2016-01-01. DIR/content must not exist unless --force\n\
         is given, which deletes DIR/content first."
    );
    exit(2)
}

fn parse_args() -> Args {
    let mut days = None;
    let mut seed = None;
    let mut out = None;
    let mut start = parse_date("2016-01-01").unwrap();
    let mut force = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| {
            it.next().unwrap_or_else(|| {
                eprintln!("gen_archive: {} needs a value", name);
                usage()
            })
        };
        match a.as_str() {
            "--days" => days = Some(val("--days").parse::<usize>().unwrap_or_else(|_| usage())),
            "--seed" => seed = Some(val("--seed").parse::<u64>().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(val("--out"))),
            "--start" => {
                let v = val("--start");
                start = parse_date(&v).unwrap_or_else(|| {
                    eprintln!("gen_archive: bad --start date {:?} (want YYYY-MM-DD)", v);
                    usage()
                })
            }
            "--force" => force = true,
            "-h" | "--help" => usage(),
            other => {
                eprintln!("gen_archive: unknown argument {:?}", other);
                usage()
            }
        }
    }
    match (days, seed, out) {
        (Some(days), Some(seed), Some(out)) => Args {
            days,
            seed,
            out,
            start,
            force,
        },
        _ => usage(),
    }
}

fn die(msg: String) -> ! {
    eprintln!("gen_archive: {}", msg);
    exit(1)
}

fn write_file(path: &Path, data: &str, bytes: &mut u64, files: &mut u64) {
    fs::write(path, data).unwrap_or_else(|e| die(format!("writing {}: {}", path.display(), e)));
    *bytes += data.len() as u64;
    *files += 1;
}

fn main() {
    let args = parse_args();
    let t0 = Instant::now();
    let content = args.out.join("content");
    if content.exists() {
        if args.force {
            fs::remove_dir_all(&content)
                .unwrap_or_else(|e| die(format!("removing {}: {}", content.display(), e)));
        } else {
            die(format!(
                "{} already exists (remove it or pass --force)",
                content.display()
            ));
        }
    }
    fs::create_dir_all(&content)
        .unwrap_or_else(|e| die(format!("creating {}: {}", content.display(), e)));

    let mut bytes = 0u64;
    let mut files = 0u64;
    write_file(
        &args.out.join("config.toml"),
        "title = \"Synthetic archive\"\nbase_url = \"https://example.org/archive/\"\n",
        &mut bytes,
        &mut files,
    );

    let mut rng = Rng::new(args.seed);
    let mut papers: Vec<Paper> = Vec::new();
    let mut first_day: Vec<usize> = Vec::new(); // day index each paper first appeared
    let mut next_num: HashMap<u32, u32> = HashMap::new(); // yymm -> last number used
    let (mut rows, mut repeats, mut blogs, mut wrapped) = (0u64, 0u64, 0u64, 0u64);
    let (mut n_table, mut n_feed, mut n_both, mut n_cat) = (0u64, 0u64, 0u64, 0u64);
    let mut buf = String::with_capacity(1 << 20);
    let mut last_month = (0i64, 0u32);

    // Creates a new paper for `date` and returns its index.
    let mut new_paper = |rng: &mut Rng,
                         papers: &mut Vec<Paper>,
                         first_day: &mut Vec<usize>,
                         day: usize,
                         date: (i64, u32, u32)|
     -> usize {
        let (y, m, d) = date;
        let early = d <= 7;
        let (py, pm) = if rng.chance(if early { 0.35 } else { 0.08 }) {
            if m == 1 { (y - 1, 12) } else { (y, m - 1) }
        } else {
            (y, m)
        };
        let yymm = ((py.rem_euclid(100)) as u32) * 100 + pm;
        let e = next_num.entry(yymm).or_insert(0);
        *e += rng.range(1, 25) as u32;
        if *e > 99_999 {
            die(format!("ran out of arXiv numbers for {:04}", yymm));
        }
        let id = format!("{:04}.{:05}", yymm, *e);
        let t1 = rng.below(TOPICS.len());
        let t2 = if rng.chance(0.4) {
            rng.below(TOPICS.len())
        } else {
            t1
        };
        let name = make_name(rng);
        let c = Ctx {
            name: &name,
            t1: &TOPICS[t1],
            t2: &TOPICS[t2],
        };
        let want_long = rng.chance(1.0 / 3.0);
        let title = make_title(rng, &c, want_long);
        let authors = make_authors(rng, &name);
        let seed = rng.next_u64();
        papers.push(Paper {
            id,
            title,
            name,
            authors,
            t1,
            t2,
            seed,
        });
        first_day.push(day);
        papers.len() - 1
    };

    for day in 0..args.days {
        let date = civil_from_days(args.start + day as i64);
        let (y, m, d) = date;
        let date_s = format!("{:04}-{:02}-{:02}", y, m, d);
        let dir = content.join(format!("{:04}", y)).join(format!("{:02}", m));
        if (y, m) != last_month {
            fs::create_dir_all(&dir)
                .unwrap_or_else(|e| die(format!("creating {}: {}", dir.display(), e)));
            last_month = (y, m);
        }

        // Pick the day's papers: ~5% repeats of a paper first seen in the last 90 days.
        let n = rng.range(10, 40);
        let lo = first_day.partition_point(|&fd| fd + 90 < day);
        let hi = first_day.partition_point(|&fd| fd < day);
        let mut ids: Vec<usize> = Vec::with_capacity(n + 4);
        for _ in 0..n {
            if hi > lo && rng.chance(0.05) {
                let cand = lo + rng.below(hi - lo);
                if !ids.contains(&cand) {
                    ids.push(cand);
                    repeats += 1;
                    continue;
                }
            }
            let i = new_paper(&mut rng, &mut papers, &mut first_day, day, date);
            ids.push(i);
        }

        let r = rng.unit();
        let (has_table, has_feed) = if r < 0.2 {
            n_both += 1;
            (true, true)
        } else if r < 0.2 + 0.8 * 0.6 {
            (true, false)
        } else {
            (false, true)
        };

        if has_table {
            n_table += 1;
            let with_cat = rng.chance(0.25);
            n_cat += with_cat as u64;
            buf.clear();
            write_table(&papers, &ids, &date_s, with_cat, &mut buf);
            rows += ids.len() as u64;
            write_file(
                &dir.join(format!("{}.md", date_s)),
                &buf,
                &mut bytes,
                &mut files,
            );
        }
        if has_feed {
            n_feed += 1;
            let feed_ids: Vec<usize> = if has_table {
                // Same day from another bot: most ids shared, a few dropped or added,
                // order slightly perturbed.
                let mut v: Vec<usize> = ids.iter().copied().filter(|_| !rng.chance(0.12)).collect();
                for _ in 0..rng.range(0, 3) {
                    let i = new_paper(&mut rng, &mut papers, &mut first_day, day, date);
                    let at = rng.below(v.len() + 1);
                    v.insert(at, i);
                }
                for _ in 0..rng.range(0, 3) {
                    if v.len() >= 2 {
                        let k = rng.below(v.len() - 1);
                        v.swap(k, k + 1);
                    }
                }
                v
            } else {
                ids.clone()
            };
            buf.clear();
            blogs += write_feed(&papers, &feed_ids, date, &mut rng, &mut buf) as u64;
            rows += feed_ids.len() as u64;
            let name = if has_table {
                format!("{}-feed.md", date_s)
            } else {
                format!("{}.md", date_s)
            };
            write_file(&dir.join(name), &buf, &mut bytes, &mut files);
        }
    }

    for p in &papers {
        if wrap72(&p.title).1.is_some() {
            wrapped += 1;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    // writeln! rather than println!: a closed stdout (`| head -1`) must not panic.
    use std::io::Write as _;
    let mut so = std::io::stdout().lock();
    let _ = writeln!(
        so,
        "days={} files={} papers={} rows={} bytes={}",
        args.days,
        files,
        papers.len(),
        rows,
        bytes
    );
    let _ = writeln!(
        so,
        "detail: table_days={} feed_days={} both_days={} category_tables={} wrapped_titles={} repeat_rows={} blog_items={} elapsed={:.2}s",
        n_table, n_feed, n_both, n_cat, wrapped, repeats, blogs, secs
    );
}
