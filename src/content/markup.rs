//! Markdown and HTML from digests, turned into HTML that is safe to publish.
//!
//! Digest text is untrusted: bots copy feed summaries verbatim, and those can carry
//! scripts. Everything goes through pulldown-cmark; anything that produced raw HTML, a
//! link or an image then goes through ammonia with a small allowlist. Plain prose (most
//! summaries) has neither, and pulldown-cmark escapes text itself, so it skips the
//! sanitiser, which keeps large archives fast.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A piece of user text, rendered once: sanitised HTML for pages and feeds, plain text
/// for titles, meta descriptions, search and lint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Markup {
    pub html: String,
    pub text: String,
}

impl Markup {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.html.trim().is_empty()
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&'static str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "i",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "ul",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&'static str> = ["http", "https", "mailto"].into_iter().collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .url_schemes(schemes)
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("nofollow noopener noreferrer"));
    builder
});

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Renders a block of markdown (a summary, an abstract, a note).
pub fn block(src: &str) -> Markup {
    render(src, false)
}

/// Renders the markdown of one table cell: inline content, no surrounding `<p>`.
pub fn inline(src: &str) -> Markup {
    render(src, true)
}

/// Plain text of inline markdown (titles, authors, categories), whitespace collapsed.
pub fn plain(src: &str) -> String {
    render(src, true).text
}

fn render(src: &str, inline: bool) -> Markup {
    let src = src.trim();
    if src.is_empty() {
        return Markup::default();
    }
    let events: Vec<Event<'_>> = Parser::new_ext(src, options()).collect();
    let needs_sanitizer = events.iter().any(|e| {
        matches!(
            e,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(Tag::Link { .. } | Tag::Image { .. })
        )
    });
    let mut text = String::new();
    let mut html = String::with_capacity(src.len() + 16);
    if needs_sanitizer {
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html = SANITIZER.clean(&html).to_string();
        text = text_of_html(&html);
    } else {
        collect_text(events.iter().cloned(), &mut text);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    let mut html = html.trim_end().to_string();
    if inline {
        html = strip_single_paragraph(html);
    }
    Markup {
        html,
        text: collapse_whitespace(&text),
    }
}

fn collect_text<'a>(events: impl Iterator<Item = Event<'a>>, out: &mut String) {
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            // `<br>` and block tags separate words; other markup vanishes.
            Event::InlineHtml(h) | Event::Html(h)
                if h.contains("<br") || h.contains("<p") || h.contains("</p") =>
            {
                out.push(' ')
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
}

static STRIP_ALL: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.clean_content_tags(["script", "style"].into_iter().collect());
    b
});

static BLOCK_TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)<(/?)(p|br|li|div|h[1-6]|blockquote|pre|ul|ol|tr|td|th)\b")
        .expect("static regex")
});

/// Text of sanitised HTML: tags dropped, block boundaries kept as spaces, and the few
/// entities html5ever's serialiser writes decoded.
fn text_of_html(html: &str) -> String {
    let spaced = BLOCK_TAG.replace_all(html, " <$1$2");
    let stripped = STRIP_ALL.clean(&spaced).to_string();
    let decoded = stripped
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    collapse_whitespace(&decoded)
}

fn strip_single_paragraph(html: String) -> String {
    if let Some(inner) = html
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        return inner.to_string();
    }
    html
}

/// At most `max` characters, cut at a word boundary and ended with `…` when cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// Runs of whitespace (tabs, newlines, spaces) become one space; ends trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_prose_is_escaped_without_sanitizer() {
        let m = block("a < b & c");
        assert_eq!(m.html, "<p>a &lt; b &amp; c</p>");
        assert_eq!(m.text, "a < b & c");
    }

    #[test]
    fn inline_keeps_markup_without_paragraph() {
        let m = inline("uses `FlashAttention` and *LoRA*<br>twice");
        assert_eq!(
            m.html,
            "uses <code>FlashAttention</code> and <em>LoRA</em><br>twice"
        );
        assert_eq!(m.text, "uses FlashAttention and LoRA twice");
    }

    #[test]
    fn truncates_at_words() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three", 9), "one two…");
    }

    #[test]
    fn entities_decode_in_text() {
        assert_eq!(plain("R&amp;D &lt;3"), "R&D <3");
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        for hostile in [
            "<script>alert(1)</script>hi",
            "<img src=x onerror=alert(1)>hi",
            "<iframe src=\"https://evil\"></iframe>hi",
            "<object data=\"x\"></object>hi",
            "[click](javascript:alert(1)) hi",
            "<a href=\"javascript:alert(1)\">x</a> hi",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a> hi",
            "<a href=\"&#106;avascript:alert(1)\">x</a> hi",
            "[x](&#106;avascript:alert(1)) hi",
            "<svg onload=alert(1)>hi",
            "<p style=\"background:url(javascript:alert(1))\">hi</p>",
        ] {
            let html = block(hostile).html.to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "<iframe",
                "<object",
                "javascript:",
                "data:",
                "<svg",
                "style=",
            ] {
                assert!(!html.contains(bad), "{hostile:?} gave {html:?}");
            }
            assert!(html.contains("hi"), "{hostile:?} lost its text: {html:?}");
        }
    }

    #[test]
    fn safe_links_survive_with_rel() {
        let m = block("<p>The post <a href=\"https://example.org/x\">X</a>.</p>");
        assert!(
            m.html.contains("href=\"https://example.org/x\""),
            "{}",
            m.html
        );
        assert!(m.html.contains("rel=\"nofollow noopener noreferrer\""));
        assert_eq!(m.text, "The post X.");
    }
}
