//! TOML front matter between `+++` lines, the convention Zola users know.
//!
//! It is how people correct what a bot wrote without touching the bot's lines: a date,
//! a title, tags, and per-paper overrides keyed by arXiv id.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind, line_col};

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(default, deserialize_with = "de_date")]
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub description: Option<String>,
    /// Tags added to every paper of this file.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A draft is read and checked but not published (unless `drafts = true`).
    #[serde(default)]
    pub draft: bool,
    /// The body's format (`table`, `feed`, `list`, `native`) when its shape would be
    /// read otherwise; usually detected.
    pub format: Option<String>,
    /// Per-paper corrections, keyed by arXiv id: `[papers."2507.02592"]`.
    #[serde(default)]
    pub papers: BTreeMap<String, PaperOverride>,
    /// The `title` of another tool's page (a Hugo or Zola note of one paper): the
    /// paper's title when the note's body gives none.
    #[serde(skip)]
    pub page_title: Option<String>,
    /// Entries another tool's page keeps in its front matter (Hugo's `[[items]]` with a
    /// `title` and a `paper` link each), written as markdown the general reader reads
    /// before the body.
    #[serde(skip)]
    pub entries: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PaperOverride {
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub hidden: bool,
    /// Markdown shown on the paper's page.
    pub note: Option<String>,
    pub title: Option<String>,
    pub authors: Option<Vec<String>>,
}

fn de_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    use serde::de::Error;
    let value = toml::Value::deserialize(d)?;
    let text = match &value {
        // A date and time (`2026-02-19T08:00:00+08:00`, as Hugo writes it) is on the
        // day it names.
        toml::Value::Datetime(dt) => match dt.date {
            Some(date) => format!("{date}"),
            None => return Err(D::Error::custom("`date` must be a date like 2025-07-04")),
        },
        toml::Value::String(s) => {
            let s = s.trim();
            match s.get(..10) {
                Some(day) if s[10..].starts_with(['T', ' ']) => day.to_string(),
                _ => s.to_string(),
            }
        }
        _ => return Err(D::Error::custom("`date` must be a date like 2025-07-04")),
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| D::Error::custom(format!("`{text}` is not a valid date (YYYY-MM-DD)")))
}

/// Splits `text` into front matter, the line of its `date` key, and the body with the
/// 1-based line the body starts on.
pub fn split<'a>(
    path: &Path,
    text: &'a str,
) -> Result<(FrontMatter, usize, &'a str, usize), Diagnostic> {
    let Some(after_open) = text.strip_prefix("+++\n").or_else(|| {
        text.strip_prefix("+++")
            .filter(|rest| rest.trim_start_matches([' ', '\t']).starts_with('\n'))
            .map(|rest| &rest[rest.find('\n').map_or(rest.len(), |i| i + 1)..])
    }) else {
        return Ok((FrontMatter::default(), 0, text, 1));
    };
    let open_len = text.len() - after_open.len();
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((block_end, body_start)) = close else {
        return Err(Diagnostic::error(
            path,
            1,
            "front matter opened with `+++` is never closed by a `+++` line",
        )
        .kind(Kind::FrontMatter));
    };
    let block = &after_open[..block_end];
    let front: FrontMatter = match toml::from_str(block) {
        Ok(front) => front,
        // Front matter Hugo or Zola wrote for its own pages: their keys are read or
        // passed over, and only a key none of the three knows is an error.
        Err(e) if names_a_foreign_key(e.message()) || names_entries(e.message(), block) => {
            other_tools(path, block)?
        }
        Err(e) => {
            let (line, col) = e.span().map_or((1, 0), |s| line_col(block, s.start));
            return Err(Diagnostic::error(
                path,
                line + 1,
                format!("front matter: {}", e.message().trim()),
            )
            .kind(Kind::FrontMatter)
            .with_col(col));
        }
    };
    let date_line = block
        .lines()
        .position(|l| l.trim_start().starts_with("date"))
        .map_or(1, |i| i + 2);
    let body = &after_open[body_start..];
    let body_line = line_col(text, open_len + body_start).0;
    Ok((front, date_line, body, body_line))
}

/// Keys Hugo, Zola and Jekyll define for their pages that papertrail has no use for, or
/// reads as tags (`categories`, Zola's `[taxonomies]`). An existing site's notes carry
/// them; they are no typos.
const FOREIGN_KEYS: &[&str] = &[
    "categories",
    "taxonomies",
    "extra",
    "params",
    "slug",
    "weight",
    "aliases",
    "template",
    "updated",
    "lastmod",
    "publishdate",
    "publishDate",
    "expirydate",
    "expiryDate",
    "author",
    "authors",
    "summary",
    "series",
    "keywords",
    "images",
    "image",
    "cover",
    "toc",
    "math",
    "layout",
    "type",
    "url",
    "path",
    "permalink",
    "render",
    "in_search_index",
    "subtitle",
    "comments",
    "menu",
    "excerpt",
];

/// Whether a TOML error is an unknown key that another tool defines.
fn names_a_foreign_key(message: &str) -> bool {
    message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .is_some_and(|(key, _)| FOREIGN_KEYS.contains(&key))
}

/// Whether a TOML error is an unknown key whose value is a list of entries: tables that
/// each have a `title` (a Hugo page's `[[items]]`).
fn names_entries(message: &str, block: &str) -> bool {
    let Some((key, _)) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
    else {
        return false;
    };
    toml::from_str::<toml::Table>(block)
        .ok()
        .and_then(|t| t.get(key).cloned())
        .is_some_and(|v| entry_tables(&v).is_some())
}

/// The tables of a front-matter value that lists entries: an array of tables, each
/// with a `title` string.
fn entry_tables(value: &toml::Value) -> Option<Vec<&toml::Table>> {
    let tables: Vec<&toml::Table> = value
        .as_array()?
        .iter()
        .map(toml::Value::as_table)
        .collect::<Option<_>>()?;
    (!tables.is_empty()
        && tables
            .iter()
            .all(|t| t.get("title").and_then(toml::Value::as_str).is_some()))
    .then_some(tables)
}

/// Entries of front matter as markdown: a `## title` heading, the paper's link, its
/// topics, summary and text, as a digest would write them.
fn entries_markdown(tables: &[&toml::Table]) -> String {
    let text = |t: &toml::Table, key: &str| {
        t.get(key)
            .and_then(toml::Value::as_str)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let list = |t: &toml::Table, key: &str| -> Vec<String> {
        t.get(key)
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let mut md = String::new();
    for t in tables {
        let Some(title) = text(t, "title") else {
            continue;
        };
        md.push_str(&format!("## {}\n\n", title.replace('\n', " ")));
        let link = ["paper", "arxiv", "arxiv_url", "pdf", "url", "link"]
            .iter()
            .find_map(|k| text(t, k));
        if let Some(link) = link {
            md.push_str(&format!("**Link**: {link}\n"));
        }
        let mut topics = list(t, "topics");
        topics.extend(list(t, "tags"));
        topics.extend(text(t, "subtopic"));
        if !topics.is_empty() {
            md.push_str(&format!("**Categories**: {}\n", topics.join(", ")));
        }
        if let Some(authors) = text(t, "authors")
            .or_else(|| Some(list(t, "authors").join(", ")).filter(|a| !a.is_empty()))
        {
            md.push_str(&format!("**Authors**: {authors}\n"));
        }
        if let Some(summary) = text(t, "summary") {
            md.push_str(&format!("**Summary**: {}\n", summary.replace('\n', " ")));
        }
        if let Some(content) = text(t, "content") {
            md.push('\n');
            md.push_str(&content);
            md.push('\n');
        }
        md.push('\n');
    }
    md
}

/// Front matter that carries another tool's keys: those are set aside (`categories`
/// and `[taxonomies]`' lists join `tags`), and so are `title` and `description`, which
/// describe that tool's page (a paper's note), not a day. The rest is read as
/// papertrail's. An error names the line of the key it is about.
fn other_tools(path: &Path, block: &str) -> Result<FrontMatter, Diagnostic> {
    let error = |line: usize, message: String| {
        Diagnostic::error(path, line + 1, format!("front matter: {}", message.trim()))
            .kind(Kind::FrontMatter)
    };
    let mut table: toml::Table = toml::from_str(block).map_err(|e| {
        let line = e.span().map_or(1, |s| line_col(block, s.start).0);
        error(line, e.message().to_string())
    })?;
    let mut tags: Vec<String> = Vec::new();
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect()
    };
    tags.extend(strings(table.get("categories")));
    if let Some(tax) = table.get("taxonomies") {
        tags.extend(strings(tax.get("tags")));
        tags.extend(strings(tax.get("categories")));
    }
    for key in FOREIGN_KEYS {
        table.remove(*key);
    }
    // Lists of entries under keys of that tool's own (`[[items]]`).
    let listing: Vec<String> = table
        .iter()
        .filter(|(_, v)| entry_tables(v).is_some())
        .map(|(k, _)| k.clone())
        .collect();
    let mut entries = String::new();
    for key in listing {
        if let Some(value) = table.remove(&key)
            && let Some(tables) = entry_tables(&value)
        {
            entries.push_str(&entries_markdown(&tables));
        }
    }
    // The title and description of another tool's page are a note's, not a day's.
    let page_title = table
        .remove("title")
        .and_then(|t| t.as_str().map(str::to_string));
    table.remove("description");
    let mut front = FrontMatter::deserialize(table).map_err(|e| {
        let message = e.message().to_string();
        // The key the message names (`unknown field `tittle``), where it stands.
        let line = message
            .split('`')
            .nth(1)
            .map_or(1, |key| line_of_key(block, key).max(1));
        error(line, message)
    })?;
    for tag in tags {
        if !front.tags.contains(&tag) {
            front.tags.push(tag);
        }
    }
    front.page_title = page_title;
    front.entries = (!entries.is_empty()).then_some(entries);
    Ok(front)
}

/// Line of the first `key =` inside the front matter at the top of `text`, 0 if none.
pub fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter() {
        let (fm, _, body, line) = split(Path::new("a.md"), "## Papers\n").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!((body, line), ("## Papers\n", 1));
    }

    #[test]
    fn full_front_matter() {
        let text = "+++\ndate = 2025-07-04\ntitle = \"Fixed\"\ntags = [\"x\"]\n\n[papers.\"2507.02592\"]\nnote = \"see *also*\"\nhidden = true\n+++\nbody\n";
        let (fm, date_line, body, line) = split(Path::new("a.md"), text).unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2025, 7, 4));
        assert_eq!(date_line, 2);
        assert_eq!(fm.title.as_deref(), Some("Fixed"));
        assert!(fm.papers["2507.02592"].hidden);
        assert_eq!((body, line), ("body\n", 10));
    }

    #[test]
    fn a_pages_entries_in_front_matter_are_read_and_a_typo_is_still_an_error() {
        let text = "+++\ntitle = 'Day'\ndate = 2025-05-19T00:00:00+08:00\n\n[[items]]\ntitle = \"Knitting Hands\"\ntopics = [\"robots\"]\nsummary = \"It knits.\"\npaper = \"https://arxiv.org/abs/2505.90002\"\ncontent = \"Line one.\\nLine two.\"\n+++\nbody\n";
        let (fm, _, _, _) = split(Path::new("a.md"), text).unwrap();
        let md = fm.entries.unwrap();
        assert!(md.starts_with("## Knitting Hands\n\n**Link**: https://arxiv.org/abs/2505.90002\n**Categories**: robots\n**Summary**: It knits.\n\nLine one.\nLine two.\n"), "{md}");
        // A misspelt key of papertrail's own is still caught.
        let typo = "+++\ntittle = \"x\"\n+++\n";
        assert!(split(Path::new("a.md"), typo).is_err());
        let not_entries = "+++\nitems = [1, 2]\n+++\n";
        assert!(split(Path::new("a.md"), not_entries).is_err());
    }

    #[test]
    fn error_line_is_the_file_line() {
        let text = "+++\ntitle = \"ok\"\ndate = 2025-02-30\n+++\n";
        let err = split(Path::new("a.md"), text).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        let text = "+++\ntitle = \"ok\"\n\ntittle = 1\n+++\n";
        let err = split(Path::new("a.md"), text).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.contains("tittle"), "{err}");
    }

    #[test]
    fn front_matter_of_hugo_and_zola_pages() {
        let hugo = "+++\ntitle = \"A note\"\ndate = 2026-02-19T08:00:00+08:00\ndraft = false\ncategories = [\"physics\"]\ntags = [\"optics\"]\nslug = \"a-note\"\n[params]\nmath = true\n+++\nbody\n";
        let (fm, _, body, _) = split(Path::new("a.md"), hugo).unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2026, 2, 19));
        assert_eq!(fm.tags, ["optics", "physics"]);
        assert_eq!(fm.title, None);
        assert_eq!(body, "body\n");
        let zola = "+++\ntitle = \"A note\"\ndate = \"2026-02-19 08:00:00\"\nweight = 3\n[taxonomies]\ntags = [\"lasers\"]\n[extra]\ncover = \"a.png\"\n+++\n";
        let (fm, _, _, _) = split(Path::new("a.md"), zola).unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2026, 2, 19));
        assert_eq!(fm.tags, ["lasers"]);
        // A key no tool knows is still a typo, on its line.
        let typo = "+++\ncategories = [\"x\"]\n\ntittle = 1\n+++\n";
        let err = split(Path::new("a.md"), typo).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.contains("tittle"), "{err}");
        // Papertrail's own front matter with a time in its date: the day it names.
        let own = "+++\ndate = 2026-02-19T23:30:00\ntitle = \"Late\"\n+++\n";
        let (fm, _, _, _) = split(Path::new("a.md"), own).unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2026, 2, 19));
        assert_eq!(fm.title.as_deref(), Some("Late"));
    }

    #[test]
    fn unclosed_is_an_error() {
        assert!(split(Path::new("a.md"), "+++\ntitle = \"x\"\n").is_err());
    }
}
