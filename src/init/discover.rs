//! Where a bot keeps its digests: the folder `init` makes `content_dir`, found from
//! the dated files under a repository, and what in it is not a digest.

use std::collections::BTreeMap;
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
}

/// The folder holding the most dated digest files (`YYYY-MM-DD` in the name, or
/// `YYYY/MM/DD.md`), counted at the folder above their year and month folders; ties go
/// to the shorter, then the first, path. `content` when there is none.
pub fn find_content(dir: &Path) -> Result<ContentFound> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for path in walk(dir)? {
        let Ok(rel) = path.strip_prefix(dir) else {
            continue;
        };
        if content::date_from_path(rel).is_none() {
            continue;
        }
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
    }
    let best = counts
        .into_iter()
        .max_by(|(a, n), (b, m)| n.cmp(m).then(b.len().cmp(&a.len())).then(b.cmp(a)));
    let Some((folder, digests)) = best else {
        return Ok(ContentFound {
            dir: "content".into(),
            digests: 0,
            undated: Vec::new(),
        });
    };
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
    for path in walk(&root)? {
        let Ok(rel) = path.strip_prefix(&root) else {
            continue;
        };
        if content::date_from_path(rel).is_none() && !has_front_matter(&path) {
            undated.push(slash_path(rel));
        }
    }
    undated.sort();
    Ok(ContentFound {
        dir: if folder.is_empty() {
            ".".into()
        } else {
            folder
        },
        digests,
        undated,
    })
}

/// A folder of one year, month or day: `2025`, `07`, `202507`, `0704`, `2025-07-04`,
/// `20250704_Fri`. The site's content is the folder above them.
fn is_date_folder(name: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = name.to_ascii_lowercase();
    matches!(name.len(), 2 | 4 | 6) && name.bytes().all(|b| b.is_ascii_digit())
        || content::date_text::find_date(name).is_some()
        || MONTHS
            .iter()
            .any(|m| lower == *m || lower.len() == 3 && m.starts_with(&lower))
}

/// Digest-named files under `dir`, sorted, skipping hidden entries and [`NOT_CONTENT`].
fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
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
            out.push(entry.into_path());
        }
    }
    Ok(out)
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
