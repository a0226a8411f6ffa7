//! Where a bot keeps its digests: the folder `init` makes `content_dir`, found from
//! the dated files under a repository, and what in it is not a digest.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::content;

/// Folders never searched for digests: papertrail's own, and other tools' output.
const NOT_CONTENT: [&str; 6] = [
    "public",
    "target",
    "node_modules",
    "themes",
    "templates",
    "static",
];

/// The folder chosen for `content_dir`, and what in it is not a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFound {
    /// Relative to the site's folder, `/`-separated; `.` for the folder itself.
    pub dir: String,
    pub digests: usize,
    /// Digest-named files in `dir` that carry no date (README.md, notes), relative to
    /// `dir`, and when `dir` is the top, the folders of [`NOT_CONTENT`] there: they go
    /// into `ignored_content`.
    pub undated: Vec<String>,
    /// Folders of dated files outside `dir`, with how many each holds: `init` says what
    /// it left out (a bot's second set of pages for the same days, say).
    pub left_out: Vec<(String, usize)>,
    /// `.txt` files in `dir` beside a note of the same name, which builds pass over
    /// ([`content::is_note_source`]).
    pub note_sources: usize,
}

/// The folder holding the most dated digest files (`YYYY-MM-DD` in the name, or
/// `YYYY/MM/DD.md`), counted at the folder above their year and month folders; ties go
/// to the shorter, then the first, path. `content` when there is none.
pub fn find_content(dir: &Path) -> Result<ContentFound> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    // The days each folder's files are named by, to tell an archive split in two (its
    // older days in one folder, its newest in another) from two copies of it.
    let mut days: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for path in walk(dir)? {
        let Ok(rel) = path.strip_prefix(dir) else {
            continue;
        };
        let Some(day) = content::date_from_path(rel) else {
            continue;
        };
        // The folder above the first day, month or year folder on the way down (a
        // note in `2026-08-04/llm/` counts for the folder holding `2026-08-04`).
        let parent = rel.parent().unwrap_or(Path::new(""));
        let mut folder = PathBuf::new();
        for part in parent.components() {
            let name = part.as_os_str().to_str().unwrap_or("");
            if is_date_folder(name) {
                break;
            }
            folder.push(part);
        }
        *counts.entry(slash_path(&folder)).or_default() += 1;
        days.entry(slash_path(&folder)).or_default().insert(day);
    }
    // No file named by its day: a digest the bot rewrites in place (a `README.md`, a
    // `digest.md`) names the day in its first heading, or dates each row of its tables.
    // Such files count instead. So does one dated only by a labelled line above its
    // papers (`**Search window:** …`, `**Last Updated:** …`), though beside files named
    // by their day such a line is a README's, which stays out as before.
    let rewritten = counts.is_empty();
    // Those files by their path from `dir`, read once here, and the copies among them.
    let mut self_dated_files: HashSet<PathBuf> = HashSet::new();
    let mut copies: HashSet<PathBuf> = HashSet::new();
    if rewritten {
        let mut dated = Vec::new();
        for path in walk(dir)? {
            let Ok(rel) = path.strip_prefix(dir) else {
                continue;
            };
            if let Some(text) = self_dated(&path, true) {
                let keys: HashSet<String> =
                    content::structural::paper_keys(&text).into_iter().collect();
                dated.push((rel.to_path_buf(), keys));
            }
        }
        for (i, (rel, _)) in dated.iter().enumerate() {
            if is_copy(i, &dated) {
                copies.insert(rel.clone());
                continue;
            }
            let folder = rel.parent().unwrap_or(Path::new(""));
            *counts.entry(slash_path(folder)).or_default() += 1;
            self_dated_files.insert(rel.clone());
        }
    }
    let best = counts
        .iter()
        .max_by(|(a, n), (b, m)| n.cmp(m).then(b.len().cmp(&a.len())).then(b.cmp(a)))
        .map(|(folder, n)| (folder.clone(), *n))
        .map(|best| topics_parent(&counts, best, rewritten))
        .map(|best| split_archive_parent(&counts, &days, best));
    let Some((folder, digests)) = best else {
        return Ok(ContentFound {
            dir: "content".into(),
            digests: 0,
            undated: Vec::new(),
            left_out: Vec::new(),
            note_sources: 0,
        });
    };
    // An index above the folder that dates notes in it (a Jekyll site's `index.md`
    // listing `papers/` under dated headings): the folder moves up to hold it, or the
    // notes it alone dates would have no day.
    let by_index = index_dated(dir)?;
    let dates_inside = by_index.notes.iter().any(|note| note.starts_with(&folder));
    let folder = by_index
        .indexes
        .iter()
        .filter(|_| dates_inside)
        .filter_map(|(index, dated)| {
            let above = index.parent().unwrap_or(Path::new(""));
            let holds = Path::new(&folder).starts_with(above) && above != Path::new(&folder);
            holds.then_some((above, *dated))
        })
        .max_by_key(|(_, dated)| *dated)
        .map_or(folder, |(above, _)| slash_path(above));
    let root = dir.join(&folder);
    let mut undated = Vec::new();
    // Digests at the top: the folders never searched would be read by builds.
    if folder.is_empty() {
        undated.extend(
            NOT_CONTENT
                .iter()
                .filter(|name| root.join(name).is_dir())
                .map(|name| name.to_string()),
        );
    }
    let (files, note_sources) = walk_counting_sources(&root)?;
    for path in files {
        let Ok(rel) = path.strip_prefix(&root) else {
            continue;
        };
        let from_top = path.strip_prefix(dir).ok();
        let copy = from_top.is_some_and(|p| copies.contains(p));
        let dates_itself = || match from_top {
            Some(p) if rewritten => self_dated_files.contains(p),
            _ => self_dated(&path, false).is_some(),
        };
        let listed = || from_top.is_some_and(|p| by_index.dates(p));
        let dated = || {
            content::date_from_path(rel).is_some()
                || has_front_matter(&path)
                || dates_itself()
                || listed()
        };
        if copy || !dated() {
            undated.push(slash_path(rel));
        }
    }
    undated.sort();
    let inside = |other: &str| {
        folder.is_empty() || other == folder || other.starts_with(&format!("{folder}/"))
    };
    let mut left_out: BTreeMap<String, usize> = counts
        .iter()
        .filter(|(other, _)| !inside(other))
        .map(|(other, n)| (other.clone(), *n))
        .collect();
    // Beside files named by their day, a file outside the folder that dates itself in
    // another way and lists papers (a README rewritten with the latest day, topic files
    // under a dated heading) is left out too, and said so: it may be the newest day, or
    // a copy of days the folder holds, which only the owner can tell.
    if !rewritten {
        for path in walk(dir)? {
            let Ok(rel) = path.strip_prefix(dir) else {
                continue;
            };
            let holder = slash_path(rel.parent().unwrap_or(Path::new("")));
            if inside(&holder) || content::date_from_path(rel).is_some() {
                continue;
            }
            if let Some(text) = self_dated(&path, true)
                && !content::structural::paper_keys(&text).is_empty()
            {
                *left_out.entry(holder).or_default() += 1;
            }
        }
    }
    let left_out = left_out
        .into_iter()
        .map(|(other, n)| (if other.is_empty() { ".".into() } else { other }, n))
        .collect();
    Ok(ContentFound {
        dir: if folder.is_empty() {
            ".".into()
        } else {
            folder
        },
        digests,
        undated,
        left_out,
        note_sources,
    })
}

/// The folder above `best` when a folder beside it holds the days just before or just
/// after its own, none of them the same: a bot that moves its older days into an
/// archive folder (`Archive/2026-07/…` beside `markdown/` of the latest days) keeps one
/// archive in two places. Copies of one archive share their days, and a stray example
/// file or two is no part of it, so both keep `best`.
fn split_archive_parent(
    counts: &BTreeMap<String, usize>,
    days: &BTreeMap<String, BTreeSet<NaiveDate>>,
    best: (String, usize),
) -> (String, usize) {
    // How far apart the two parts' days may be: a bot may pause a few weeks.
    const MAX_GAP_DAYS: i64 = 31;
    let (Some(own), false) = (days.get(&best.0), best.0.is_empty()) else {
        return best;
    };
    let (Some(first), Some(last)) = (own.first(), own.last()) else {
        return best;
    };
    let parent = best.0.rsplit_once('/').map_or("", |(p, _)| p);
    let sibling_of =
        |folder: &str| folder != best.0 && folder.rsplit_once('/').map_or("", |(p, _)| p) == parent;
    let continues = days.iter().any(|(folder, theirs)| {
        let (Some(their_first), Some(their_last)) = (theirs.first(), theirs.last()) else {
            return false;
        };
        let gap = if their_first > last {
            (*their_first - *last).num_days()
        } else if their_last < first {
            (*first - *their_last).num_days()
        } else {
            return false;
        };
        sibling_of(folder) && theirs.len() >= 2 && gap <= MAX_GAP_DAYS
    });
    if !continues {
        return best;
    }
    let under = |folder: &str| parent.is_empty() || folder.starts_with(&format!("{parent}/"));
    let total = counts
        .iter()
        .filter(|(folder, _)| under(folder))
        .map(|(_, n)| n)
        .sum();
    (parent.to_string(), total)
}

/// The folder above `best` when `best` is one of its topics: a bot that files each
/// day under one folder per arXiv category (`cs-CL/2026-02-03/`, `cs-RO/2026-02-03/`),
/// or under three or more folders of dated files, or notes that date themselves under
/// two or more, writes one site across them. Two
/// folders of other names may be two copies of one archive, and a folder holding four
/// fifths of the dated files is the site beside some strays: `best` stays.
fn topics_parent(
    counts: &BTreeMap<String, usize>,
    best: (String, usize),
    rewritten: bool,
) -> (String, usize) {
    if best.0.is_empty() {
        return best;
    }
    let parent = best.0.rsplit_once('/').map_or("", |(p, _)| p);
    let children: Vec<(&str, usize)> = counts
        .iter()
        .filter_map(|(folder, n)| {
            let name = match folder.rsplit_once('/') {
                Some((p, name)) if p == parent => name,
                None if parent.is_empty() && !folder.is_empty() => folder.as_str(),
                _ => return None,
            };
            Some((name, *n))
        })
        .collect();
    let total: usize = children.iter().map(|(_, n)| n).sum();
    // A folder of digests beside a few stray dated files is the site on its own.
    let shared = best.1 * 5 < total * 4;
    // Files that date themselves (notes, READMEs) were already told from their copies,
    // so two folders of them are two topics.
    let topics = children.len() >= 3
        || children.len() >= 2
            && (rewritten || children.iter().all(|(name, _)| is_category_code(name)));
    if shared && topics {
        (parent.to_string(), total)
    } else {
        best
    }
}

/// An arXiv category as a folder name: `cs-CL`, `cs.CV`, `eess-SY`, `astro-ph.GA`.
fn is_category_code(name: &str) -> bool {
    let Some((archive, class)) = name.rsplit_once(['.', '-']) else {
        return false;
    };
    let archive = archive.strip_suffix("-ph").unwrap_or(archive);
    (2..=8).contains(&archive.len())
        && archive.bytes().all(|b| b.is_ascii_lowercase())
        && (2..=3).contains(&class.len())
        && class.bytes().all(|b| b.is_ascii_uppercase())
}

/// A folder of one year, month, week or day: `2025`, `07`, `202507`, `0704`,
/// `2025-07-04`, `20250704_Fri`, `2026-W06`. The site's content is the folder above them.
fn is_date_folder(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(name.len(), 2 | 4 | 6) && name.bytes().all(|b| b.is_ascii_digit())
        || is_month_folder(name)
        || content::date_text::find_date(name).is_some()
        || content::date_text::iso_week_monday(name).is_some()
        || content::date_text::MONTH_NAMES
            .iter()
            .any(|m| lower == *m || lower.len() == 3 && m.starts_with(&lower))
}

/// A month's folder named by its year and month: `2026-07`, `2026_07`, `2026.07`.
fn is_month_folder(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'_' | b'.')
        && name[5..].parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
}

/// Digest-named files under `dir`, sorted, skipping hidden entries, [`NOT_CONTENT`] and
/// a note's `.txt` twin, as builds do.
fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    walk_counting_sources(dir).map(|(files, _)| files)
}

/// [`walk`], and how many `.txt` twins of notes it passed over.
fn walk_counting_sources(dir: &Path) -> Result<(Vec<PathBuf>, usize)> {
    let mut out = Vec::new();
    let mut sources = 0;
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let skipped = name.starts_with('.')
                || e.file_type().is_dir() && NOT_CONTENT.contains(&name.as_ref());
            e.depth() == 0 || !skipped
        });
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if entry.file_type().is_file() && content::is_digest_name(entry.path()) {
            if content::is_note_source(entry.path()) {
                sources += 1;
            } else {
                out.push(entry.into_path());
            }
        }
    }
    Ok((out, sources))
}

/// The notes indexes date, and each index with how many notes it dates; by path from
/// the folder searched.
struct IndexDated {
    notes: HashSet<PathBuf>,
    indexes: Vec<(PathBuf, usize)>,
}

impl IndexDated {
    /// Whether `path` is a note an index dates, or an index that dates some.
    fn dates(&self, path: &Path) -> bool {
        self.notes.contains(path) || self.indexes.iter().any(|(index, _)| index == path)
    }
}

/// The notes under `dir` that an index of notes lists under dated headings, as the
/// build dates them ([`content::index_dates`]).
fn index_dated(dir: &Path) -> Result<IndexDated> {
    let files: Vec<(PathBuf, PathBuf)> = walk(dir)?
        .into_iter()
        .filter_map(|p| Some((p.strip_prefix(dir).ok()?.to_path_buf(), p)))
        .collect();
    let by_key: BTreeMap<String, &PathBuf> = files
        .iter()
        .map(|(rel, _)| (content::index_dates::key_of_file(rel), rel))
        .collect();
    let keys = by_key.keys().cloned().collect();
    let mut found = IndexDated {
        notes: HashSet::new(),
        indexes: Vec::new(),
    };
    for (rel, path) in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let links = content::structural::dated_note_links(&text, 1);
        if links.is_empty() || !content::structural::indexes_notes(&text) {
            continue;
        }
        let from = rel.parent().unwrap_or(Path::new(""));
        let dated = links
            .iter()
            .filter_map(|l| content::index_dates::resolve(from, &l.target, &keys))
            .filter_map(|key| by_key.get(&key))
            .filter(|note| found.notes.insert((**note).clone()))
            .count();
        if dated > 0 {
            found.indexes.push((rel.clone(), dated));
        }
    }
    Ok(found)
}

/// The text of a file that dates itself: its first heading (in its first 64 lines)
/// holds a date (`# Daily Digest - 2026-02-27`, `## Updated on 2026.04.30`), or its
/// tables give each row a date of its own (`| Title | Date | Abstract |`, a README of
/// each topic's latest papers), or, when `rewritten` (no file is named by its day), a
/// labelled line, a later heading or its front matter names its day ([`window_dated`],
/// [`front_dated`]), or a labelled line gives its paper's own date (a note's `Date:`).
fn self_dated(path: &Path, rewritten: bool) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let dated = heading_dated(&text)
        || content::table::has_dated_rows(&text)
        || rewritten
            && (window_dated(&text)
                || front_dated(&text)
                || content::structural::has_date_line(&text));
    dated.then_some(text)
}

/// Whether file `i` of `dated` (path, paper keys) is a copy of another: every paper it
/// names is in another file, which names more or, naming the same, comes first. A
/// README rewritten each day is often copied for GitHub Pages (`docs/index.md`), and
/// read twice every paper would be listed twice a day.
fn is_copy(i: usize, dated: &[(PathBuf, HashSet<String>)]) -> bool {
    let (_, keys) = &dated[i];
    !keys.is_empty()
        && dated.iter().enumerate().any(|(j, (_, other))| {
            j != i && keys.is_subset(other) && (other.len() > keys.len() || j < i)
        })
}

/// Whether a file rewritten in place names its day other than in its first heading:
/// a labelled line above its first paper (`**Search window:** 2026-01-01 to
/// 2026-01-07`), or a later heading in its first 64 lines (a topic file's `# Topic`
/// over `## 📅 2026-08-21`, the newest day on top).
fn window_dated(text: &str) -> bool {
    content::window_date::of_text(text).is_some()
        || text
            .lines()
            .take(64)
            .map(str::trim_start)
            .filter(|l| l.starts_with('#') && l.trim_start_matches('#').starts_with([' ', '\t']))
            .any(|heading| content::date_text::find_date(heading).is_some())
}

/// Whether a note's YAML front matter dates it or its paper (`date:`, `published:`):
/// a folder of such notes, none named by its day, is a site of its own.
fn front_dated(text: &str) -> bool {
    content::structural::yaml_front_date(text).is_some()
        || content::structural::yaml_front_published(text).is_some()
}

/// Whether a file's first heading (in its first 64 lines) holds a date.
fn heading_dated(text: &str) -> bool {
    text.lines()
        .take(64)
        .map(str::trim_start)
        .find(|l| l.starts_with('#') && l.trim_start_matches('#').starts_with([' ', '\t']))
        .is_some_and(|heading| content::date_text::find_date(heading).is_some())
}

/// Whether a file starts with front matter, which may give it a date.
fn has_front_matter(path: &Path) -> bool {
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = head[..n]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head[..n]);
    head.starts_with(b"---") || head.starts_with(b"+++")
}

pub(super) fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(files: &[&str]) -> ContentFound {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "# x\n").unwrap();
        }
        find_content(dir.path()).unwrap()
    }

    #[test]
    fn category_folders_make_one_site() {
        let f = found(&[
            "docs/cs-CL/2026-02-03/papers/a.md",
            "docs/cs-CL/2026-02-03/papers/b.md",
            "docs/cs-CL/2026-02-04/papers/c.md",
            "docs/cs-RO/2026-02-03/papers/d.md",
            "docs/cs-RO/2026-02-04/papers/e.md",
        ]);
        assert_eq!((f.dir.as_str(), f.digests), ("docs", 5));
        let f = found(&[
            "notes/vision/2026-02-03.md",
            "notes/vision/2026-02-04.md",
            "notes/speech/2026-02-03.md",
            "notes/robots/2026-02-03.md",
        ]);
        assert_eq!((f.dir.as_str(), f.digests), ("notes", 4));
    }

    #[test]
    fn a_digest_rewritten_in_place_is_found_by_its_dated_heading() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        std::fs::write(
            dir.path().join("out/digest.md"),
            "# Daily Digest - 2026-02-27\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("NOTES.md"), "# Notes\n\nNo day here.\n").unwrap();
        let f = find_content(dir.path()).unwrap();
        assert_eq!((f.dir.as_str(), f.digests), ("out", 1));
        // A dated file name wins: headings are not read at all.
        assert_eq!(found(&["a/2026-02-27.md", "b/readme.md"]).dir, "a");
    }

    #[test]
    fn a_readme_of_tables_dating_their_rows_is_found() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("README.md"),
            "# Daily Papers\n\nLast update: 2026-02-27\n\n## Kites\n\
             | **Title** | **Date** | **Abstract** |\n| --- | --- | --- |\n\
             | **[Paper Kites](http://arxiv.org/abs/2602.91001v1)** | 2026-02-25 | Kites. |\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("NOTES.md"),
            "# Notes\n\n| Date | What |\n|---|---|\n| soon | kites |\n",
        )
        .unwrap();
        let f = find_content(dir.path()).unwrap();
        assert_eq!((f.dir.as_str(), f.digests), (".", 1));
    }

    #[test]
    fn a_copy_of_a_dated_readme_is_ignored_and_topic_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let table = |ids: &[&str]| {
            let rows: String = ids
                .iter()
                .map(|id| format!("|**2026-02-25**|**Paper {id}**|Ann Lee|[{id}](http://arxiv.org/abs/{id})|\n"))
                .collect();
            format!(
                "## Updated on 2026.03.02\n\n|Publish Date|Title|Authors|PDF|\n|---|---|---|---|\n{rows}"
            )
        };
        let write = |rel: &str, text: String| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("README.md", table(&["2602.91001", "2602.91002"]));
        write(
            "docs/index.md",
            format!(
                "---\nlayout: default\n---\n{}",
                table(&["2602.91001", "2602.91002"])
            ),
        );
        let f = find_content(dir.path()).unwrap();
        assert_eq!((f.dir.as_str(), f.digests), (".", 1));
        assert_eq!(f.undated, ["docs/index.md"]);
        // Two topics sharing a paper are two digests.
        std::fs::remove_dir_all(dir.path().join("docs")).unwrap();
        write("LG.md", table(&["2602.91002", "2602.91003"]));
        let f = find_content(dir.path()).unwrap();
        assert_eq!((f.dir.as_str(), f.digests), (".", 2));
        assert!(f.undated.is_empty(), "{:?}", f.undated);
    }

    #[test]
    fn week_folders_are_date_folders() {
        let f = found(&["weekly/2026-W05/README.md", "weekly/2026-W06/README.md"]);
        assert_eq!((f.dir.as_str(), f.digests), ("weekly", 2));
        assert!(f.undated.is_empty(), "{:?}", f.undated);
    }

    #[test]
    fn an_archive_split_by_age_is_read_from_the_folder_above() {
        let mut files: Vec<String> = (1..=9)
            .map(|d| format!("Archive/2026-07/digest_2026-07-0{d}.md"))
            .collect();
        files.extend((10..=12).map(|d| format!("markdown/digest_2026-07-{d}.md")));
        files.push("README.md".into());
        let refs: Vec<&str> = files.iter().map(String::as_str).collect();
        let f = found(&refs);
        assert_eq!((f.dir.as_str(), f.digests), (".", 12));
        assert!(f.left_out.is_empty(), "{:?}", f.left_out);
        // The same days in both: two sets of pages, and the larger stays alone, with
        // the other said to be left out.
        let f = found(&[
            "docs/reports/2026-07-01.md",
            "docs/reports/2026-07-02.md",
            "docs/reports/2026-07-03.md",
            "docs/sources/2026-07-02.md",
            "docs/sources/2026-07-03.md",
        ]);
        assert_eq!(f.dir, "docs/reports");
        assert_eq!(f.left_out, [("docs/sources".to_string(), 2)]);
    }

    #[test]
    fn files_outside_that_date_themselves_another_way_are_said_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let write = |f: &str, text: &str| {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        };
        let paper = |id: &str| format!("- **[A Paper](https://arxiv.org/abs/{id})**\n");
        write("archive/2026-03-03/LLM.md", &paper("2603.00001"));
        write("archive/2026-03-04/LLM.md", &paper("2603.00002"));
        // A README rewritten with the latest papers, dated by a labelled line.
        write(
            "README.md",
            &format!(
                "# Agent papers\n\n**Last Updated:** 2026-03-05\n\n{}",
                paper("2603.00003")
            ),
        );
        // Topic snapshots under a dated heading.
        write(
            "hot/LLM.md",
            &format!("# LLM Papers · 2026-03-03\n\n{}", paper("2603.00004")),
        );
        write(
            "hot/RL.md",
            &format!("# RL Papers · 2026-03-03\n\n{}", paper("2603.00005")),
        );
        // Dated, but no paper: no digest to mention.
        write(
            "docs/changelog.md",
            "# Changes · 2026-03-01\n\nFaster builds.\n",
        );
        let f = find_content(dir.path()).unwrap();
        assert_eq!(f.dir, "archive");
        assert_eq!(
            f.left_out,
            [(".".to_string(), 1), ("hot".to_string(), 2)],
            "{:?}",
            f.left_out
        );
    }

    #[test]
    fn two_copies_or_a_few_strays_keep_the_largest_folder() {
        let f = found(&[
            "daily/2026-02-03.md",
            "daily/2026-02-04.md",
            "daily/2026-02-05.md",
            "backup/2026-02-03.md",
            "backup/2026-02-04.md",
        ]);
        assert_eq!(f.dir, "daily");
        let mut many: Vec<String> = (1..=9).map(|d| format!("data/2026-02-0{d}.md")).collect();
        many.push("docs/2026-01-01.md".into());
        many.push("examples/2026-01-01.md".into());
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(found(&refs).dir, "data");
    }
}
