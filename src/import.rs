//! `papertrail import`: items of an RSS 2.0, Atom or JSON Feed document into day files.
//!
//! Each item goes to the day of its date (`published`, else `updated`, or `--date`), in
//! papertrail's own format, into `YYYY/MM/YYYY-MM-DD-import.md` under the content folder
//! (`content_dir`): created when missing, appended to otherwise. Nothing already there is
//! ever rewritten. An
//! item whose arXiv id or link already appears anywhere on its day, in any file, is
//! skipped, so importing the same feed twice adds nothing. Items without an arXiv id are
//! kept as links.
//!
//! papertrail's own feeds read back: a per-paper or tag feed entry is one paper (its
//! id, authors, categories and summary), and a `/atom.xml` day entry is split back into
//! the papers and links it lists.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::content::native::{self, NativeEntry};
use crate::content::{self, arxiv, markup};

/// One item found in a feed, before it is placed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub date: Option<NaiveDate>,
    pub entry: NativeEntry,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Files written, with how many items each received.
    pub files: Vec<(PathBuf, usize, bool)>,
    pub added: usize,
    /// Items already on their day.
    pub skipped: usize,
    /// Items that could not be imported, with why.
    pub problems: Vec<String>,
}

impl Report {
    pub fn summary(&self) -> String {
        format!(
            "Imported {} item(s) into {} file(s); {} already present, {} not importable",
            self.added,
            self.files.len(),
            self.skipped,
            self.problems.len()
        )
    }
}

fn unescape(s: &str) -> String {
    quick_xml::escape::unescape(s)
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| s.to_string())
}

/// Text of a title that may hold HTML: tags dropped, entities decoded.
fn plain_title(s: &str, html: bool) -> String {
    let s = if html {
        let re = regex::Regex::new(r"<[^>]*>").expect("regex");
        unescape(&re.replace_all(s, ""))
    } else {
        s.to_string()
    };
    markup::collapse_whitespace(s.trim())
}

/// A URL fit for a `link:` line: one token, http(s).
fn clean_url(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && (s.starts_with("https://") || s.starts_with("http://")))
    .then(|| s.to_string())
}

/// The arXiv id of a URL (which may run on into the rest of an HTML attribute).
fn id_in(s: &str) -> Option<String> {
    let url = s.split(['"', '<', ' ']).next().unwrap_or(s);
    arxiv::id_from_url(url).map(|x| x.0)
}

/// papertrail's own HTML for a paper, without the parts papertrail adds around the
/// summary (the authors line and the arXiv · PDF · Hugging Face · Page links).
fn strip_papertrail_html(html: &str, has_authors: bool) -> String {
    let mut body = html.trim();
    if has_authors
        && body.starts_with("<p><em>")
        && let Some(end) = body.find("</em></p>")
    {
        body = body[end + "</em></p>".len()..].trim_start();
    }
    if let Some(pos) = body.rfind("<p><a href=\"https://arxiv.org/abs/")
        && body[pos..].contains(">Hugging Face</a>")
    {
        body = body[..pos].trim_end();
    }
    body.to_string()
}

/// The code link in papertrail's closing line of links (`… · <a href="URL"
/// rel="nofollow noopener">Code</a> · …`), read back as the code link it was.
fn papertrail_code(html: &str) -> Option<String> {
    const END: &str = "\" rel=\"nofollow noopener\">Code</a>";
    let links = &html[html.rfind("<p><a href=\"https://arxiv.org/abs/")?..];
    let end = links.find(END)?;
    let start = links[..end].rfind("<a href=\"")? + "<a href=\"".len();
    content::code_link::from_labelled(&unescape(&links[start..end]))
}

/// Authors from papertrail's `<p><em>A, B</em></p>` line.
fn papertrail_authors(html: &str) -> Vec<String> {
    let html = html.trim_start();
    match html
        .strip_prefix("<p><em>")
        .and_then(|rest| rest.split_once("</em></p>"))
    {
        Some((names, _)) => unescape(names)
            .split(", ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        None => Vec::new(),
    }
}

/// Splits a papertrail `/atom.xml` day entry back into its papers and links: one list
/// item each, `<li><a href="PAGE">Title</a> — line <a href="ARXIV">arXiv</a></li>`
/// (a link has no arXiv link). Entries with a heading per paper, which papertrail wrote
/// before, go to [`split_day_sections`].
fn split_day(html: &str, date: Option<NaiveDate>) -> Vec<Item> {
    const ITEM: &str = "<li><a href=\"";
    const ARXIV: &str = " <a href=\"https://arxiv.org/abs/";
    if !html.contains(ITEM) {
        return split_day_sections(html, date);
    }
    let mut out = Vec::new();
    for chunk in html.split(ITEM).skip(1) {
        let Some((url, rest)) = chunk.split_once("\">") else {
            continue;
        };
        let Some((title, rest)) = rest.split_once("</a>") else {
            continue;
        };
        let rest = rest.split_once("</li>").map_or(rest, |(item, _)| item);
        let (line, id) = match rest.rfind(ARXIV) {
            Some(at) => (&rest[..at], id_in(&rest[at + " <a href=\"".len()..])),
            None => (rest, None),
        };
        let line = line.trim_start().strip_prefix("—").unwrap_or(line);
        let line = plain_title(line, true);
        out.push(Item {
            date,
            entry: NativeEntry {
                title: plain_title(title, true),
                link: if id.is_none() {
                    clean_url(&unescape(url))
                } else {
                    None
                },
                arxiv_id: id,
                summary: Some(line).filter(|l| !l.is_empty()),
                ..NativeEntry::default()
            },
        });
    }
    out
}

/// Splits a day entry with a heading per paper and link (`<h3><a href="PAGE">Title</a></h3>`,
/// then its authors, summary and links), as papertrail wrote them before day entries
/// became lists.
fn split_day_sections(html: &str, date: Option<NaiveDate>) -> Vec<Item> {
    let mut out = Vec::new();
    for chunk in html.split("<h3><a href=\"").skip(1) {
        let Some((url, rest)) = chunk.split_once("\">") else {
            continue;
        };
        let Some((title, rest)) = rest.split_once("</a></h3>") else {
            continue;
        };
        let rest = rest.trim();
        let id = rest
            .find("<p><a href=\"https://arxiv.org/abs/")
            .and_then(|pos| id_in(&rest[pos + "<p><a href=\"".len()..]));
        let authors = if id.is_some() {
            papertrail_authors(rest)
        } else {
            Vec::new()
        };
        let body = if id.is_some() {
            strip_papertrail_html(rest, !authors.is_empty())
        } else {
            rest.to_string()
        };
        let url = unescape(url);
        out.push(Item {
            date,
            entry: NativeEntry {
                title: plain_title(&unescape(title), false),
                link: if id.is_none() { clean_url(&url) } else { None },
                arxiv_id: id,
                authors,
                summary: Some(body).filter(|b| !b.trim().is_empty()),
                ..NativeEntry::default()
            },
        });
    }
    out
}

/// Reads a feed (RSS 2.0, Atom, JSON Feed) into items.
pub fn read_feed(bytes: &[u8], date: Option<NaiveDate>) -> Result<Vec<Item>> {
    let feed = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build()
        .parse(bytes)
        .map_err(|e| anyhow::anyhow!("not an RSS, Atom or JSON feed: {e}"))?;
    let mut items = Vec::new();
    for e in feed.entries {
        let when = date.or_else(|| e.published.or(e.updated).map(|t| t.date_naive()));
        let content = e.content.as_ref().and_then(|c| c.body.clone());
        if e.id.contains(":day:")
            && let Some(html) = &content
            && (html.contains("<li><a href=\"") || html.contains("<h3><a href=\""))
        {
            items.extend(split_day(html, when));
            continue;
        }
        let links: Vec<String> = e
            .links
            .iter()
            .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .filter_map(|l| clean_url(&l.href))
            .collect();
        let own_id =
            e.id.rsplit_once(":paper:")
                .and_then(|(_, id)| arxiv::parse_bare(id));
        let mut id = own_id
            .or_else(|| links.iter().find_map(|l| id_in(l)))
            .or_else(|| id_in(&e.id));
        if id.is_none()
            && let Some(html) = &content
            && html.contains("<p><a href=\"https://arxiv.org/abs/")
        {
            id = html
                .rfind("<p><a href=\"https://arxiv.org/abs/")
                .and_then(|pos| id_in(&html[pos + "<p><a href=\"".len()..]));
        }
        let mut authors: Vec<String> = e
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(person_name)
            .flat_map(split_names)
            .collect();
        if authors.is_empty()
            && let Some(html) = &content
        {
            authors = papertrail_authors(html);
        }
        let summary_text = e
            .summary
            .as_ref()
            .map(|t| crate::content::arxiv::without_announcement(t.content.trim()).to_string());
        let (gist, summary) = match (&content, summary_text) {
            (Some(html), s) => (
                s.filter(|s| !s.is_empty() && !s.contains('\n') && s.len() < 600),
                Some(strip_papertrail_html(html, !authors.is_empty())),
            ),
            (None, s) => (None, s),
        };
        let title = e
            .title
            .as_ref()
            .map(|t| {
                plain_title(
                    &t.content,
                    t.content_type.essence().to_string().contains("html"),
                )
            })
            .filter(|t| !t.is_empty())
            .or_else(|| links.first().cloned());
        let Some(title) = title else { continue };
        let mut tags: Vec<String> = Vec::new();
        for c in &e.categories {
            let name = markup::collapse_whitespace(c.label.as_deref().unwrap_or(&c.term).trim());
            if !name.is_empty() && !tags.contains(&name) {
                tags.push(name);
            }
        }
        items.push(Item {
            date: when,
            entry: NativeEntry {
                title,
                link: if id.is_none() {
                    links.first().cloned()
                } else {
                    None
                },
                arxiv_id: id,
                authors,
                tags,
                gist,
                summary: summary.filter(|s| !s.trim().is_empty()),
                abstract_: None,
                code: content.as_deref().and_then(papertrail_code),
            },
        });
    }
    Ok(items)
}

/// The name in an author field: RSS 2.0's `<author>` is `email (Name)`, which feed-rs
/// leaves as `(Name)`; an email address alone names nobody, and is not published.
fn person_name(field: &str) -> &str {
    let field = field.trim();
    let field = match field.rsplit_once(" (") {
        Some((email, rest)) if is_email(email) => rest.strip_suffix(')').unwrap_or(rest),
        _ => field,
    };
    if let Some(inner) = field.strip_prefix('(').and_then(|f| f.strip_suffix(')')) {
        return inner.trim();
    }
    if is_email(field) { "" } else { field }
}

/// One word with an `@` inside: an email address, not a name.
fn is_email(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && text
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// The people one author field names. arXiv's RSS puts every author in one
/// `<dc:creator>`, comma-separated; a single "Last, First" name stays whole.
fn split_names(field: &str) -> Vec<String> {
    let parts: Vec<String> = field
        .split([',', '\n'])
        .map(|n| markup::collapse_whitespace(n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    let each_is_a_full_name = parts.len() > 1 && parts.iter().all(|p| p.contains(' '));
    if each_is_a_full_name {
        parts
    } else {
        let whole = markup::collapse_whitespace(field.trim());
        if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        }
    }
}

fn url_key(u: &str) -> String {
    u.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// Keys (`arxiv:ID`, `url:URL`) of everything already on each day.
fn existing(dir: &Path, ignored: &globset::GlobSet) -> BTreeMap<NaiveDate, HashSet<String>> {
    let mut out: BTreeMap<NaiveDate, HashSet<String>> = BTreeMap::new();
    if !dir.is_dir() {
        return out;
    }
    let (digests, _) = content::load(dir, ignored, &content::ParseOptions::default());
    for d in &digests {
        for s in &d.sections {
            let Some(date) = s.date.or(d.front.date).or(d.file_date).or(d.index_date) else {
                continue;
            };
            let keys = out.entry(date).or_default();
            for e in &s.entries {
                if let Some(id) = &e.arxiv_id {
                    keys.insert(format!("arxiv:{id}"));
                }
                if let Some(u) = &e.url {
                    keys.insert(format!("url:{}", url_key(u)));
                }
            }
        }
    }
    out
}

/// The file an import writes a day's new items to, under the content folder.
pub fn import_path(content_dir: &Path, date: NaiveDate) -> PathBuf {
    content_dir
        .join(date.format("%Y/%m").to_string())
        .join(format!("{}-import.md", date.format("%Y-%m-%d")))
}

/// Writes `items` into the day files under `content_dir` (whose files `ignored` matches
/// are not read). Never rewrites existing text: a day's import file is created, or
/// appended to.
pub fn import(content_dir: &Path, ignored: &globset::GlobSet, items: Vec<Item>) -> Result<Report> {
    let mut report = Report::default();
    let mut seen = existing(content_dir, ignored);
    let mut by_day: BTreeMap<NaiveDate, Vec<NativeEntry>> = BTreeMap::new();
    for item in items {
        let Some(date) = item.date else {
            report.problems.push(format!(
                "`{}` has no date; pass --date YYYY-MM-DD",
                item.entry.title
            ));
            continue;
        };
        let e = item.entry;
        if e.arxiv_id.is_none() && e.link.is_none() {
            report
                .problems
                .push(format!("`{}` has neither an arXiv id nor a link", e.title));
            continue;
        }
        let mut keys = Vec::new();
        if let Some(id) = &e.arxiv_id {
            keys.push(format!("arxiv:{id}"));
            keys.push(format!("url:{}", url_key(&arxiv::abs_url(id))));
        }
        if let Some(l) = &e.link {
            keys.push(format!("url:{}", url_key(l)));
        }
        let day = seen.entry(date).or_default();
        if keys.iter().any(|k| day.contains(k)) {
            report.skipped += 1;
            continue;
        }
        day.extend(keys);
        by_day.entry(date).or_default().push(e);
    }
    for (date, entries) in by_day {
        let path = import_path(content_dir, date);
        let created = !path.exists();
        let text = if created {
            native::new_day_file(date, &entries)
        } else {
            let old = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let sep = if old.ends_with("\n\n") || old.is_empty() {
                ""
            } else if old.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            format!("{old}{sep}{}", native::write_entries(&entries))
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let tmp = path.with_extension("md.tmp");
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .with_context(|| format!("cannot write {}", path.display()))?;
        report.added += entries.len();
        report.files.push((path, entries.len(), created));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RSS 2.0 wants `<author>` to be an email address, with the name in parentheses;
    /// feed-rs keeps the parenthesised part as the name.
    #[test]
    fn rss_author_email_and_name_gives_the_name() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<link>https://example.org/</link><description>d</description>
<item><title>A</title><link>https://arxiv.org/abs/2507.01234</link>
<author>ann@example.org (Ann Lee)</author><pubDate>Fri, 04 Jul 2025 00:00:00 GMT</pubDate></item>
<item><title>B</title><link>https://arxiv.org/abs/2507.01235</link>
<author>bo@example.org</author><pubDate>Fri, 04 Jul 2025 00:00:00 GMT</pubDate></item>
</channel></rss>"#;
        let items = read_feed(rss, None).unwrap();
        assert_eq!(items[0].entry.authors, ["Ann Lee"]);
        assert_eq!(items[1].entry.authors, Vec::<String>::new());
        assert_eq!(person_name("(Ann Lee)"), "Ann Lee");
        assert_eq!(person_name("ann@example.org (Ann Lee)"), "Ann Lee");
        assert_eq!(person_name("Ann Lee"), "Ann Lee");
        assert_eq!(person_name("Lee (Ann)"), "Lee (Ann)");
    }

    #[test]
    fn arxiv_rss_imports_cleanly() {
        let rss = include_bytes!("../tests/fixtures/import/arxiv-cs-ai.rss");
        let items = read_feed(rss, None).unwrap();
        assert_eq!(items.len(), 2);
        let first = &items[0].entry;
        assert_eq!(first.arxiv_id.as_deref(), Some("2507.01234"));
        assert_eq!(first.authors, ["Alice Zhang", "Bob Okafor", "Chen Wei"]);
        assert_eq!(
            first.summary.as_deref(),
            Some(
                "Agents that call slow tools waste most of their time waiting. We schedule the calls as a tide table and halve the wall-clock time on three benchmarks."
            )
        );
        assert_eq!(first.tags, ["cs.AI", "cs.LG"]);
        let second = &items[1].entry;
        assert_eq!(second.authors, ["Dana Ruiz"]);
        assert!(
            second
                .summary
                .as_deref()
                .unwrap()
                .starts_with("A small model counts sheep")
        );
        assert_eq!(items[0].date, NaiveDate::from_ymd_opt(2025, 7, 4));
    }

    /// Day entries as papertrail writes them (a list) and as it wrote them before (a
    /// heading per paper) split into the same papers and links.
    #[test]
    fn day_entries_split_in_both_forms() {
        let date = NaiveDate::from_ymd_opt(2025, 7, 4);
        let list = "<p>A good day.</p>\n<ul>\n\
            <li><a href=\"https://x.org/papers/2507.01234/\">Tides &amp; &lt;Tools&gt;</a> \
            — Agents wait less&#8230; <a href=\"https://arxiv.org/abs/2507.01234\">arXiv</a></li>\n\
            <li><a href=\"https://blog.example.org/why?a=1&amp;b=2\">Why</a> — A post.</li>\n</ul>\n";
        let sections = "<h3><a href=\"https://x.org/papers/2507.01234/\">Tides &amp; &lt;Tools&gt;</a></h3>\n\
            <p><em>Ada Lee, Bo Li</em></p>\n<p>Agents wait less…</p>\n\
            <p><a href=\"https://arxiv.org/abs/2507.01234\">arXiv</a> · \
            <a href=\"https://arxiv.org/pdf/2507.01234\">PDF</a> · \
            <a href=\"https://huggingface.co/papers/2507.01234\">Hugging Face</a> · \
            <a href=\"https://x.org/papers/2507.01234/\">Page</a></p>\n\
            <h3><a href=\"https://blog.example.org/why?a=1&amp;b=2\">Why</a></h3>\n<p>A post.</p>\n";
        for (html, summary, link_summary) in [
            (list, "Agents wait less…", "A post."),
            (sections, "<p>Agents wait less…</p>", "<p>A post.</p>"),
        ] {
            let items = split_day(html, date);
            assert_eq!(items.len(), 2, "{html}");
            let paper = &items[0].entry;
            assert_eq!(paper.arxiv_id.as_deref(), Some("2507.01234"));
            assert_eq!(paper.title, "Tides & <Tools>");
            assert_eq!(paper.link, None);
            assert_eq!(paper.summary.as_deref(), Some(summary));
            let link = &items[1].entry;
            assert_eq!(link.arxiv_id, None);
            assert_eq!(link.title, "Why");
            assert_eq!(
                link.link.as_deref(),
                Some("https://blog.example.org/why?a=1&b=2")
            );
            assert_eq!(link.summary.as_deref(), Some(link_summary));
            assert!(items.iter().all(|i| i.date == date));
        }
    }

    #[test]
    fn names_split_only_when_each_part_is_a_name() {
        assert_eq!(split_names("Zhang, Alice"), ["Zhang, Alice"]);
        assert_eq!(split_names("A. Lee, Bo Li"), ["A. Lee", "Bo Li"]);
        assert_eq!(split_names("  "), Vec::<String>::new());
        assert_eq!(
            crate::content::arxiv::without_announcement("plain text"),
            "plain text"
        );
    }
}
