//! Atom feeds (RFC 4287), written directly rather than through a template, so that
//! escaping, required elements and ids cannot be broken by a theme.
//!
//! Ids are `tag:` URIs built from the date or arXiv id, so they survive a move to another
//! domain or subpath; timestamps come from the content, never from the clock.

use chrono::NaiveDate;
use quick_xml::escape::escape;

use crate::content::is_forbidden_char;

pub const MEDIA_TYPE: &str = "application/atom+xml";

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
    /// Used when there are no entries; otherwise the newest entry's `updated`.
    pub fallback_updated: NaiveDate,
}

pub struct Entry {
    pub id: String,
    pub title: String,
    pub url: String,
    pub published: NaiveDate,
    pub updated: NaiveDate,
    /// Sanitised HTML with absolute links.
    pub content_html: String,
    pub summary_text: Option<String>,
    /// `(term, label, scheme)`.
    pub categories: Vec<(String, String, String)>,
}

pub fn timestamp(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// Escaped text with every character XML 1.0 forbids removed.
fn text(s: &str) -> String {
    let clean: String = s.chars().filter(|&c| !is_forbidden_char(c)).collect();
    escape(clean.as_str()).into_owned()
}

impl Feed<'_> {
    pub fn to_xml(&self) -> String {
        let updated = self
            .entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or(self.fallback_updated);
        let mut out = String::with_capacity(1024 + self.entries.len() * 2048);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"{}\" xml:lang=\"{}\">\n",
            text(self.base_url),
            text(self.language)
        ));
        out.push_str(&format!("<id>{}</id>\n", text(&self.id)));
        out.push_str(&format!("<title>{}</title>\n", text(self.title)));
        if !self.subtitle.is_empty() {
            out.push_str(&format!("<subtitle>{}</subtitle>\n", text(self.subtitle)));
        }
        out.push_str(&format!("<updated>{}</updated>\n", timestamp(updated)));
        out.push_str(&format!(
            "<author><name>{}</name></author>\n",
            text(self.author)
        ));
        out.push_str(&format!(
            "<link rel=\"self\" type=\"{MEDIA_TYPE}\" href=\"{}\"/>\n",
            text(&self.self_url)
        ));
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            text(&self.alternate_url)
        ));
        out.push_str(&format!(
            "<generator uri=\"https://github.com/papertrail-ssg/papertrail\" version=\"{}\">papertrail</generator>\n",
            text(self.generator_version)
        ));
        for e in &self.entries {
            out.push_str("<entry>\n");
            out.push_str(&format!("<id>{}</id>\n", text(&e.id)));
            out.push_str(&format!("<title>{}</title>\n", text(&e.title)));
            out.push_str(&format!(
                "<published>{}</published>\n",
                timestamp(e.published)
            ));
            out.push_str(&format!("<updated>{}</updated>\n", timestamp(e.updated)));
            out.push_str(&format!(
                "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                text(&e.url)
            ));
            for (term, label, scheme) in &e.categories {
                out.push_str(&format!(
                    "<category term=\"{}\" label=\"{}\" scheme=\"{}\"/>\n",
                    text(term),
                    text(label),
                    text(scheme)
                ));
            }
            if let Some(summary) = &e.summary_text {
                out.push_str(&format!("<summary>{}</summary>\n", text(summary)));
            }
            out.push_str(&format!(
                "<content type=\"html\">{}</content>\n",
                text(&e.content_html)
            ));
            out.push_str("</entry>\n");
        }
        out.push_str("</feed>\n");
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
