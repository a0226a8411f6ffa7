//! Notes dated by the index that lists them.
//!
//! A Jekyll or Hugo site of one note per paper often dates a note nowhere in the note:
//! not in its path, its front matter or a heading. The site's index lists the notes
//! under dated headings (`## 2026-04-26 Picks` over links to `papers/a-paper`), and
//! that is the only day the owner gave them. Such a note takes that day; one that
//! dates itself keeps its own.
//!
//! It is worked out over all files at once, after each is read on its own: a note does
//! not know which index lists it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};

use chrono::NaiveDate;

use super::Digest;

/// Sets [`Digest::index_date`] of every file that nothing else dates and an index
/// links under a dated heading: the earliest such date when several do. Returns how
/// many files it dated.
pub fn apply(digests: &mut [Digest]) -> usize {
    for d in digests.iter_mut() {
        d.index_date = None;
    }
    if digests.iter().all(|d| d.note_links.is_empty()) {
        return 0;
    }
    // Each file's key, worked out once: the links are resolved against them all, and
    // each file then looks its own up.
    let file_keys: Vec<String> = digests.iter().map(|d| key_of_file(&d.path)).collect();
    let keys: BTreeSet<String> = file_keys.iter().cloned().collect();
    let mut dates: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for d in digests.iter() {
        let dir = d.path.parent().unwrap_or(Path::new(""));
        for link in &d.note_links {
            if let Some(key) = resolve(dir, &link.target, &keys) {
                dates
                    .entry(key)
                    .and_modify(|date| *date = (*date).min(link.date))
                    .or_insert(link.date);
            }
        }
    }
    let mut dated = 0;
    for (d, key) in digests.iter_mut().zip(&file_keys) {
        if d.file_date.is_some() || d.front.date.is_some() || !d.note_links.is_empty() {
            continue;
        }
        // Only a file whose papers no heading dates: a paper's own date line
        // (`Published: …`) is its submission, not the day the index lists it on.
        if d.sections
            .iter()
            .all(|s| s.date.is_some() && !s.stamped || s.entries.is_empty())
        {
            continue;
        }
        if let Some(&date) = dates.get(key) {
            d.index_date = Some(date);
            dated += 1;
        }
    }
    dated
}

/// A file's path as links name it: `/`-separated, without its extension, and a
/// folder's `index` page as the folder.
pub fn key_of_file(path: &Path) -> String {
    let key = normalise(path.components());
    let key = ["md", "markdown", "txt"]
        .iter()
        .find_map(|ext| key.strip_suffix(ext)?.strip_suffix('.'))
        .unwrap_or(&key);
    without_index(key).to_string()
}

/// `path` with `.` and `..` resolved, its parts joined by `/`.
fn normalise<'a>(parts: impl Iterator<Item = Component<'a>>) -> String {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        match part {
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name.to_string_lossy().into_owned()),
        }
    }
    out.join("/")
}

fn without_index(key: &str) -> &str {
    let key = key.trim_end_matches('/');
    key.strip_suffix("/index")
        .or_else(|| key.strip_suffix("/_index"))
        .unwrap_or(key)
}

/// The key of the file a link from a file in `dir` names, among `keys`: a relative
/// target from `dir`; a site path (`/papers/a-paper/`) from `dir` or any folder above
/// it, as the site's root may be any of them.
pub fn resolve(dir: &Path, target: &str, keys: &BTreeSet<String>) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    let target = target.trim_end_matches('/');
    let target = [".md", ".markdown", ".html", ".htm"]
        .iter()
        .find_map(|ext| target.strip_suffix(ext))
        .unwrap_or(target);
    let target = without_index(target);
    if target.is_empty() {
        return None;
    }
    let found = |base: &Path| {
        let key = normalise(base.join(target.trim_start_matches('/')).components());
        keys.contains(&key).then_some(key)
    };
    if target.starts_with('/') {
        dir.ancestors().find_map(found)
    } else {
        found(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::structural::DatedNoteLink;
    use crate::content::{Entry, Format, FrontMatter, Section};
    use std::path::PathBuf;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn note(path: &str, file_date: Option<&str>, heading_date: Option<&str>) -> Digest {
        let mut entry = Entry::new(1, Format::Structural, "A Paper".into());
        entry.arxiv_id = Some("2603.00001".into());
        Digest {
            path: PathBuf::from(path),
            front: FrontMatter::default(),
            front_date_line: 0,
            file_date: file_date.map(date),
            sections: vec![Section {
                date: heading_date.map(date),
                line: 1,
                entries: vec![entry],
                stamped: false,
            }],
            note_links: Vec::new(),
            index_date: None,
        }
    }

    fn index(path: &str, links: &[(&str, &str)]) -> Digest {
        Digest {
            path: PathBuf::from(path),
            front: FrontMatter::default(),
            front_date_line: 0,
            file_date: None,
            sections: Vec::new(),
            note_links: links
                .iter()
                .enumerate()
                .map(|(i, (target, d))| DatedNoteLink {
                    target: target.to_string(),
                    date: date(d),
                    line: i + 1,
                })
                .collect(),
            index_date: None,
        }
    }

    #[test]
    fn an_index_dates_the_notes_nothing_else_dates() {
        let mut digests = vec![
            index(
                "site/index.md",
                &[
                    ("papers/a", "2026-04-26"),
                    ("papers/b.md", "2026-04-25"),
                    ("/papers/c/", "2026-04-24"),
                    ("./papers/d.html#top", "2026-04-23"),
                    ("papers/a.md", "2026-04-20"),
                    ("papers/self-dated", "2026-04-22"),
                    ("papers/by-heading", "2026-04-22"),
                    ("papers/missing", "2026-04-22"),
                ],
            ),
            note("site/papers/a.md", None, None),
            note("site/papers/b.md", None, None),
            note("site/papers/c/index.md", None, None),
            note("site/papers/d.md", None, None),
            note("site/papers/self-dated.md", Some("2026-01-01"), None),
            note("site/papers/by-heading.md", None, Some("2026-01-02")),
            note("site/papers/unlisted.md", None, None),
        ];
        assert_eq!(apply(&mut digests), 4);
        let got: Vec<Option<String>> = digests
            .iter()
            .map(|d| d.index_date.map(|d| d.to_string()))
            .collect();
        let want = [
            None,
            // The earliest of the two days the index lists it on.
            Some("2026-04-20"),
            Some("2026-04-25"),
            Some("2026-04-24"),
            Some("2026-04-23"),
            None,
            None,
            None,
        ];
        assert_eq!(got, want.map(|d| d.map(str::to_string)));
    }

    #[test]
    fn a_second_pass_forgets_an_index_that_is_gone() {
        let mut digests = vec![
            index("index.md", &[("papers/a", "2026-04-26")]),
            note("papers/a.md", None, None),
        ];
        assert_eq!(apply(&mut digests), 1);
        digests.remove(0);
        assert_eq!(apply(&mut digests), 0);
        assert_eq!(digests[0].index_date, None);
    }

    #[test]
    fn links_up_and_out_of_the_folder() {
        let mut digests = vec![
            index("site/days/index.md", &[("../papers/a.md", "2026-04-26")]),
            note("site/papers/a.md", None, None),
        ];
        assert_eq!(apply(&mut digests), 1);
        assert_eq!(digests[1].index_date, Some(date("2026-04-26")));
    }
}
