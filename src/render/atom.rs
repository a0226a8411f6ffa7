//! Atom feeds (RFC 4287), written directly rather than through a template, so that
//! escaping, required elements and ids cannot be broken by a theme.
//!
//! Ids are `tag:` URIs built from the date or arXiv id, so they survive a move to another
//! domain or subpath; timestamps come from the content, never from the clock.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use quick_xml::escape::escape;
use sha2::{Digest as _, Sha256};

use crate::content::is_forbidden_char;

pub const MEDIA_TYPE: &str = "application/atom+xml";

/// RFC 5005 (Feed Paging and Archiving).
pub const HISTORY_NS: &str = "http://purl.org/syndication/history/1.0";

/// One feed document.
pub struct Feed<'a> {
    pub id: String,
    pub title: &'a str,
    pub subtitle: &'a str,
    pub language: &'a str,
    /// Where the feed itself is published (`rel="self"`).
    pub self_url: String,
    /// The page the feed mirrors (`rel="alternate"`).
    pub alternate_url: String,
    /// Base for relative references in content (`xml:base`).
    pub base_url: &'a str,
    pub author: &'a str,
    pub generator_version: &'a str,
    pub entries: Vec<Entry>,
    /// An RFC 5005 archive document (`<fh:archive/>`).
    pub archive: bool,
    /// More feed-level links: `current`, `prev-archive` (`(rel, href)`).
    pub links: Vec<(&'static str, String)>,
    /// Used when there are no entries; otherwise the newest entry's `updated`.
    pub fallback_updated: NaiveDate,
}

pub struct Entry {
    pub id: String,
    pub title: String,
    pub url: String,
    pub published: NaiveDate,
    pub updated: DateTime<Utc>,
    /// Entry authors; the feed's author applies when empty.
    pub authors: Vec<String>,
    /// Sanitised HTML with absolute links.
    pub content_html: String,
    pub summary_text: Option<String>,
    /// `(term, label, scheme)`.
    pub categories: Vec<(String, String, String)>,
}

pub fn timestamp(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// RFC 3339 in UTC with a `Z`, whole seconds.
pub fn datetime(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Midnight UTC of a day.
pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}

impl Entry {
    /// A hash of what a reader sees in the entry, with `base` (the site's URL) taken
    /// out, so that moving the site, a rebuild or a theme change keeps it and an edit
    /// of the text changes it.
    pub fn content_hash(&self, base: &str) -> String {
        let mut h = Sha256::new();
        let strip = |s: &str| s.replace(base, "/");
        for part in [&self.title, &self.content_html] {
            h.update(strip(part).as_bytes());
            h.update([0]);
        }
        h.update(self.summary_text.as_deref().unwrap_or("").as_bytes());
        h.update([0]);
        for a in &self.authors {
            h.update(a.as_bytes());
            h.update([1]);
        }
        h.update([0]);
        for (term, label, _) in &self.categories {
            h.update(term.as_bytes());
            h.update([1]);
            h.update(label.as_bytes());
            h.update([1]);
        }
        h.finalize()[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Escaped text with every character XML 1.0 forbids removed.
fn text(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_forbidden_char) {
        let clean: String = s.chars().filter(|&c| !is_forbidden_char(c)).collect();
        Cow::Owned(escape(clean.as_str()).into_owned())
    } else {
        escape(s)
    }
}

impl Feed<'_> {
    pub fn to_xml(&self) -> String {
        let updated = self
            .entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or(midnight(self.fallback_updated));
        let mut out = String::with_capacity(1024 + self.entries.len() * 2048);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        let fh = if self.archive {
            format!(" xmlns:fh=\"{HISTORY_NS}\"")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"{fh} xml:base=\"{}\" xml:lang=\"{}\">",
            text(self.base_url),
            text(self.language)
        );
        let _ = writeln!(out, "<id>{}</id>", text(&self.id));
        let _ = writeln!(out, "<title>{}</title>", text(self.title));
        if !self.subtitle.is_empty() {
            let _ = writeln!(out, "<subtitle>{}</subtitle>", text(self.subtitle));
        }
        let _ = writeln!(out, "<updated>{}</updated>", datetime(updated));
        let _ = writeln!(out, "<author><name>{}</name></author>", text(self.author));
        let _ = writeln!(
            out,
            "<link rel=\"self\" type=\"{MEDIA_TYPE}\" href=\"{}\"/>",
            text(&self.self_url)
        );
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            text(&self.alternate_url)
        );
        for (rel, href) in &self.links {
            let _ = writeln!(
                out,
                "<link rel=\"{}\" type=\"{MEDIA_TYPE}\" href=\"{}\"/>",
                text(rel),
                text(href)
            );
        }
        if self.archive {
            out.push_str("<fh:archive/>\n");
        }
        let _ = writeln!(
            out,
            "<generator uri=\"https://github.com/papertrail-ssg/papertrail\" version=\"{}\">papertrail</generator>",
            text(self.generator_version)
        );
        for e in &self.entries {
            out.push_str("<entry>\n");
            let _ = writeln!(out, "<id>{}</id>", text(&e.id));
            let _ = writeln!(out, "<title>{}</title>", text(&e.title));
            let _ = writeln!(out, "<published>{}</published>", timestamp(e.published));
            let _ = writeln!(out, "<updated>{}</updated>", datetime(e.updated));
            for a in &e.authors {
                let _ = writeln!(out, "<author><name>{}</name></author>", text(a));
            }
            let _ = writeln!(
                out,
                "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                text(&e.url)
            );
            for (term, label, scheme) in &e.categories {
                // Archives leave out the scheme (the same tags URL on every category):
                // they hold the whole history, so every byte there is paid per paper.
                if self.archive {
                    let _ = writeln!(
                        out,
                        "<category term=\"{}\" label=\"{}\"/>",
                        text(term),
                        text(label)
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "<category term=\"{}\" label=\"{}\" scheme=\"{}\"/>",
                        text(term),
                        text(label),
                        text(scheme)
                    );
                }
            }
            if let Some(summary) = &e.summary_text {
                let _ = writeln!(out, "<summary>{}</summary>", text(summary));
            }
            if !e.content_html.is_empty() {
                let _ = writeln!(
                    out,
                    "<content type=\"html\">{}</content>",
                    text(&e.content_html)
                );
            }
            out.push_str("</entry>\n");
        }
        out.push_str("</feed>\n");
        out
    }
}

impl Feed<'_> {
    /// The same feed as JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), published
    /// at `feed_url`.
    pub fn to_json(&self, feed_url: &str) -> String {
        let clean = |s: &str| -> String { s.chars().filter(|&c| !is_forbidden_char(c)).collect() };
        let items: Vec<serde_json::Value> = self
            .entries
            .iter()
            .map(|e| {
                let mut item = serde_json::json!({
                    "id": e.id,
                    "url": e.url,
                    "title": clean(&e.title),
                    "content_html": clean(&e.content_html),
                    "date_published": timestamp(e.published),
                    "date_modified": datetime(e.updated),
                });
                if let Some(s) = &e.summary_text {
                    item["summary"] = clean(s).into();
                }
                if !e.authors.is_empty() {
                    item["authors"] = e
                        .authors
                        .iter()
                        .map(|a| serde_json::json!({ "name": clean(a) }))
                        .collect();
                }
                if !e.categories.is_empty() {
                    item["tags"] = e.categories.iter().map(|(_, l, _)| clean(l)).collect();
                }
                item
            })
            .collect();
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": clean(self.title),
            "description": clean(self.subtitle),
            "home_page_url": self.alternate_url,
            "feed_url": feed_url,
            "language": self.language,
            "authors": [{ "name": clean(self.author) }],
            "items": items,
        });
        let mut out = serde_json::to_string_pretty(&feed).unwrap_or_default();
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        assert_eq!(text("a<b & \u{1}c\"\u{FFFE}"), "a&lt;b &amp; c&quot;");
    }
}
