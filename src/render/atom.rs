//! Atom feeds (RFC 4287), written directly rather than through a template, so that
//! escaping, required elements and ids cannot be broken by a theme.
//!
//! Ids are `tag:` URIs built from the date or arXiv id, so they survive a move to another
//! domain or subpath; timestamps come from the content, never from the clock.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use super::escape::{push_xml_element_text, push_xml_text};
use crate::content::is_forbidden_char;
use crate::dates::{datetime, midnight, push_datetime, timestamp};

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
    pub entries: Vec<Entry<'a>>,
    /// An RFC 5005 archive document (`<fh:archive/>`).
    pub archive: bool,
    /// More feed-level links: `current`, `prev-archive` (`(rel, href)`).
    pub links: Vec<(&'static str, String)>,
    /// Used when there are no entries; otherwise the newest entry's `updated`.
    pub fallback_updated: NaiveDate,
    /// The `scheme` of the entries' categories (the site's tags page).
    pub category_scheme: &'a str,
}

/// One entry, borrowing what it can from the site model: an archive document holds
/// many, and a build writes every paper's entry several times (papers and tag feeds).
pub struct Entry<'a> {
    pub id: String,
    pub title: Cow<'a, str>,
    pub url: String,
    pub published: NaiveDate,
    pub updated: DateTime<Utc>,
    /// Entry authors; the feed's author applies when empty.
    pub authors: Vec<&'a str>,
    /// Sanitised HTML with absolute links.
    pub content_html: String,
    pub summary_text: Option<Cow<'a, str>>,
    /// `(term, label)`; the feed's `category_scheme` is their scheme.
    pub categories: Vec<(&'a str, &'a str)>,
    /// A page the entry is about beside its own (a paper's code): `rel="related"`.
    pub related: Option<&'a str>,
}

impl Entry<'_> {
    /// A hash of what a reader sees in the entry, with `base` (the site's URL) taken
    /// out, so that moving the site, a rebuild or a theme change keeps it and an edit
    /// of the text changes it.
    pub fn content_hash(&self, base: &str) -> String {
        content_hash(
            base,
            &self.title,
            &self.content_html,
            self.summary_text.as_deref(),
            self.authors.iter().copied(),
            self.categories.iter().copied(),
        )
    }
}

/// [`Entry::content_hash`] of an entry with these parts, for callers that can hash an
/// entry without building it (every entry of the site is hashed on every build).
pub fn content_hash<'a>(
    base: &str,
    title: &str,
    content_html: &str,
    summary_text: Option<&str>,
    authors: impl IntoIterator<Item = &'a str>,
    categories: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut h = Sha256::new();
    // Each `base` in the text hashed as "/", as `str::replace` would write it, without
    // the copy.
    let finder = memchr::memmem::Finder::new(base);
    for part in [title, content_html] {
        let mut from = 0;
        if !base.is_empty() {
            for at in finder.find_iter(part.as_bytes()) {
                h.update(&part.as_bytes()[from..at]);
                h.update(b"/");
                from = at + base.len();
            }
        }
        h.update(&part.as_bytes()[from..]);
        h.update([0]);
    }
    h.update(summary_text.unwrap_or("").as_bytes());
    h.update([0]);
    for a in authors {
        h.update(a.as_bytes());
        h.update([1]);
    }
    h.update([0]);
    for (term, label) in categories {
        h.update(term.as_bytes());
        h.update([1]);
        h.update(label.as_bytes());
        h.update([1]);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(24);
    for b in &h.finalize()[..12] {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 15)]));
    }
    hex
}

impl Feed<'_> {
    pub fn to_xml(&self) -> String {
        let updated = self
            .entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or(midnight(self.fallback_updated));
        let size: usize = self
            .entries
            .iter()
            .map(|e| 400 + e.content_html.len() + e.title.len())
            .sum();
        let mut out = String::with_capacity(1024 + size + size / 8);
        // Appends `text` as an attribute value (`t`) or as element text (`e`).
        let t = push_xml_text;
        let e = push_xml_element_text;
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        if self.archive {
            out.push_str(" xmlns:fh=\"");
            out.push_str(HISTORY_NS);
            out.push('"');
        }
        out.push_str(" xml:base=\"");
        t(&mut out, self.base_url);
        out.push_str("\" xml:lang=\"");
        t(&mut out, self.language);
        out.push_str("\">\n<id>");
        e(&mut out, &self.id);
        out.push_str("</id>\n<title>");
        e(&mut out, self.title);
        out.push_str("</title>\n");
        if !self.subtitle.is_empty() {
            out.push_str("<subtitle>");
            e(&mut out, self.subtitle);
            out.push_str("</subtitle>\n");
        }
        out.push_str("<updated>");
        push_datetime(&mut out, updated);
        out.push_str("</updated>\n<author><name>");
        e(&mut out, self.author);
        out.push_str("</name></author>\n");
        let link = |out: &mut String, rel: &str, media: &str, href: &str| {
            out.push_str("<link rel=\"");
            t(out, rel);
            out.push_str("\" type=\"");
            out.push_str(media);
            out.push_str("\" href=\"");
            t(out, href);
            out.push_str("\"/>\n");
        };
        link(&mut out, "self", MEDIA_TYPE, &self.self_url);
        link(&mut out, "alternate", "text/html", &self.alternate_url);
        for (rel, href) in &self.links {
            link(&mut out, rel, MEDIA_TYPE, href);
        }
        if self.archive {
            out.push_str("<fh:archive/>\n");
        }
        out.push_str("<generator uri=\"https://github.com/papertrail-ssg/papertrail\" version=\"");
        t(&mut out, self.generator_version);
        out.push_str("\">papertrail</generator>\n");
        for entry in &self.entries {
            out.push_str("<entry>\n<id>");
            e(&mut out, &entry.id);
            out.push_str("</id>\n<title>");
            e(&mut out, &entry.title);
            out.push_str("</title>\n");
            let published = midnight(entry.published);
            // In archives, an entry never corrected says its date once: `updated` is
            // required, `published` optional, and readers show `updated` without it.
            if !self.archive || published != entry.updated {
                out.push_str("<published>");
                push_datetime(&mut out, published);
                out.push_str("</published>\n");
            }
            out.push_str("<updated>");
            push_datetime(&mut out, entry.updated);
            out.push_str("</updated>\n");
            for a in &entry.authors {
                out.push_str("<author><name>");
                e(&mut out, a);
                out.push_str("</name></author>\n");
            }
            if self.archive {
                // An archive's entries hold the whole history: `rel` defaults to
                // "alternate", and the type says what every reader assumes.
                out.push_str("<link href=\"");
                t(&mut out, &entry.url);
                out.push_str("\"/>\n");
            } else {
                link(&mut out, "alternate", "text/html", &entry.url);
                // Archives leave it out: the content links it, and every byte there is
                // paid per paper.
                if let Some(related) = entry.related {
                    out.push_str("<link rel=\"related\" href=\"");
                    t(&mut out, related);
                    out.push_str("\"/>\n");
                }
            }
            for &(term, label) in &entry.categories {
                out.push_str("<category term=\"");
                t(&mut out, term);
                // Archives keep the term only (the tag's slug; the label and the scheme,
                // the same tags URL on every category, are left out): they hold the
                // whole history, so every byte there is paid per paper.
                if !self.archive {
                    out.push_str("\" label=\"");
                    t(&mut out, label);
                    out.push_str("\" scheme=\"");
                    t(&mut out, self.category_scheme);
                }
                out.push_str("\"/>\n");
            }
            if let Some(summary) = &entry.summary_text {
                out.push_str("<summary>");
                e(&mut out, summary);
                out.push_str("</summary>\n");
            }
            if !entry.content_html.is_empty() {
                out.push_str("<content type=\"html\">");
                e(&mut out, &entry.content_html);
                out.push_str("</content>\n");
            }
            out.push_str("</entry>\n");
        }
        out.push_str("</feed>\n");
        out
    }
}

/// `s` without the characters XML 1.0 forbids, which JSON Feed readers choke on too.
fn clean(s: &str) -> Cow<'_, str> {
    if super::escape::may_hold_forbidden(s) && s.chars().any(is_forbidden_char) {
        Cow::Owned(s.chars().filter(|&c| !is_forbidden_char(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// JSON Feed 1.1 documents, borrowed from a [`Feed`]. Fields are in name order, the
/// order this document had when it was built as a `serde_json::Value`.
#[derive(Serialize)]
struct JsonFeed<'a> {
    authors: [JsonAuthor<'a>; 1],
    description: Cow<'a, str>,
    feed_url: &'a str,
    home_page_url: &'a str,
    items: Vec<JsonItem<'a>>,
    language: &'a str,
    title: Cow<'a, str>,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: Cow<'a, str>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    content_html: Cow<'a, str>,
    date_modified: String,
    date_published: String,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<Cow<'a, str>>,
    title: Cow<'a, str>,
    url: &'a str,
}

impl Feed<'_> {
    /// The same feed as JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), published
    /// at `feed_url`.
    pub fn to_json(&self, feed_url: &str) -> String {
        let items = self
            .entries
            .iter()
            .map(|e| JsonItem {
                authors: e
                    .authors
                    .iter()
                    .map(|&a| JsonAuthor { name: clean(a) })
                    .collect(),
                content_html: clean(&e.content_html),
                date_modified: datetime(e.updated),
                date_published: timestamp(e.published),
                id: &e.id,
                summary: e.summary_text.as_deref().map(clean),
                tags: e.categories.iter().map(|&(_, l)| clean(l)).collect(),
                title: clean(&e.title),
                url: &e.url,
            })
            .collect();
        let feed = JsonFeed {
            authors: [JsonAuthor {
                name: clean(self.author),
            }],
            description: clean(self.subtitle),
            feed_url,
            home_page_url: &self.alternate_url,
            items,
            language: self.language,
            title: clean(self.title),
            version: "https://jsonfeed.org/version/1.1",
        };
        let mut out = serde_json::to_string_pretty(&feed).unwrap_or_default();
        out.push('\n');
        out
    }
}
