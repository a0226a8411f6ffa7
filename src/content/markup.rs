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

pub(super) use super::markup_bytes::{is_literal_line, literal_with};
pub use super::title_math::{math_as_text, title_html};
use super::trim::trim;
pub use super::words::{collapse_whitespace, collapsed, truncate_words};

/// A piece of user text, rendered once: sanitised HTML for pages and feeds, plain text
/// for titles, meta descriptions, search and lint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Markup {
    pub html: String,
    pub text: String,
    /// TeX (`$…$`, `$$…$$`) that could not be turned into MathML and is shown as its
    /// source; the parsers warn about each.
    pub math_errors: Vec<String>,
}

impl Markup {
    pub fn is_empty(&self) -> bool {
        trim(&self.text).is_empty() && trim(&self.html).is_empty()
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
    // Math is read so that `*` and `_` inside `$…$` stay mathematics, not emphasis, and
    // is published as MathML (see `math`).
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH
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
/// What [`inline`] gives as text, without writing the HTML (see `markup_text`).
pub fn plain(src: &str) -> String {
    super::markup_text::plain(src)
}

/// Renders a summary that a bot wrote on one line (a table cell) as blocks: a
/// paragraph, or, when it is a numbered list run into one line ("1. Aim: … 2. Method:
/// … 3. …"), a list with one item per number. Markdown alone would read that as one
/// item holding every other number.
pub fn cell_block(src: &str) -> Markup {
    match run_in_list(src) {
        Some(list) => block(&list),
        None => block(src),
    }
}

/// A numbered list run into one line (`1. … 2. …`, `1. …；2. …`) as markdown, one item
/// a line; `None` when the line is no such list.
pub fn run_in_list(src: &str) -> Option<String> {
    let items = inline_list_items(trim(src))?;
    let mut list = String::with_capacity(src.len() + 8 * items.len());
    for (n, item) in items.iter().enumerate() {
        list.push_str(&format!("{}. {}\n", n + 1, item.trim()));
    }
    Some(list)
}

/// The items of a numbered list written on one line: `src` starts with `1.` (or `1)`)
/// and `2.`, `3.`, … follow in order, each after whitespace or a separator (`；`, `;`,
/// `。`, as Chinese summaries run them on: `1. …；2. …；3. …`). `None` unless there
/// are at least two items.
fn inline_list_items(src: &str) -> Option<Vec<&str>> {
    let marker_len = |s: &str, n: usize| {
        // The number `n` as written (no leading zero) and a `.` or `)` right after it.
        let len = s.bytes().take_while(u8::is_ascii_digit).count();
        let digits = &s[..len];
        if digits.starts_with('0') || digits.parse::<usize>().ok() != Some(n) {
            return None;
        }
        let rest = &s[len..];
        let after = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        // `1.5` is a number, not an item; a CJK word may follow the marker directly.
        (after.starts_with(char::is_whitespace)
            || after.starts_with(|c: char| !c.is_ascii() && c.is_alphabetic()))
        .then_some(digits.len() + 1)
    };
    let mut start = marker_len(src, 1)?;
    let mut items = Vec::new();
    let mut n = 2;
    let mut from = start;
    while let Some(found) = src[from..]
        .find(|c: char| c.is_ascii_digit())
        .map(|i| from + i)
    {
        let preceded_by_space =
            src[..found].ends_with(|c: char| c.is_whitespace() || matches!(c, '；' | ';' | '。'));
        match marker_len(&src[found..], n).filter(|_| preceded_by_space) {
            Some(len) => {
                items.push(src[start..found].trim_end_matches(['；', ';']));
                start = found + len;
                from = start;
                n += 1;
            }
            None => {
                from = found
                    + src[found..]
                        .find(|c: char| !c.is_ascii_digit())
                        .unwrap_or(src.len() - found);
                if from >= src.len() {
                    break;
                }
            }
        }
    }
    items.push(&src[start..]);
    (items.len() >= 2).then_some(items)
}

fn render(src: &str, inline: bool) -> Markup {
    let src = trim(src);
    if src.is_empty() {
        return Markup::default();
    }
    if is_literal_line(src) {
        return literal_line(src, inline);
    }
    if let Some(labelled) = super::markup_label::render(src, inline) {
        return labelled;
    }
    render_markdown(src, inline)
}

/// What pulldown-cmark makes of a literal line: the text unchanged (it has nothing to
/// escape), in a paragraph unless `inline`.
fn literal_line(src: &str, inline: bool) -> Markup {
    let html = if inline {
        src.to_string()
    } else {
        let mut html = String::with_capacity(src.len() + 7);
        html.push_str("<p>");
        html.push_str(src);
        html.push_str("</p>");
        html
    };
    Markup {
        html,
        text: literal_text(src),
        math_errors: Vec::new(),
    }
}

/// The text of a literal line: `src` with its whitespace collapsed.
pub(super) fn literal_text(src: &str) -> String {
    // No control characters and trimmed: ASCII without a double space is collapsed
    // already, which memchr checks faster than `collapse_whitespace` can.
    // The searcher is built once: building it per line cost more than the search.
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let collapsed = src.is_ascii() && DOUBLE_SPACE.find(src.as_bytes()).is_none();
    if collapsed {
        src.to_string()
    } else {
        collapse_whitespace(src)
    }
}

/// The general path: pulldown-cmark, then ammonia when the markdown produced raw HTML,
/// a link or an image. `src` is trimmed and not empty. Never inlined: its frame is
/// large, and the literal paths of `render` should not set it up.
#[inline(never)]
pub(super) fn render_markdown(src: &str, inline: bool) -> Markup {
    let unwrapped = super::wikilinks::unwrap(src);
    let src = unwrapped.as_ref();
    let dollars = super::tex_text::dollar_math(src);
    let src = dollars.as_deref().unwrap_or(src);
    let marked = super::cjk_strong::mark_pairs(src);
    let src = marked.as_deref().unwrap_or(src);
    let mut maths = super::math::Formulas::new(src);
    let mut events = text_preserving_events(src, &mut maths);
    if marked.is_some() {
        events = super::cjk_strong::strong_events(events);
    }
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
        html = unwrap_hrefless_links(SANITIZER.clean(&html).to_string());
        text = text_of_html(&html);
    } else {
        collect_text(events.iter().cloned(), &mut text);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    let mut html = html.trim_end().to_string();
    if inline {
        html = strip_single_paragraph(html);
    }
    let (html, text) = maths.substitute(html, text);
    Markup {
        html,
        text: collapse_whitespace(&text),
        math_errors: maths.into_errors(),
    }
}

#[cfg(test)]
pub(super) fn render_markdown_for_test(src: &str, inline: bool) -> Markup {
    render_markdown(src, inline)
}

/// An `<a>` start tag or end tag as ammonia serialises them: attribute values always in
/// double quotes (a `"` inside one is `&quot;`, a `>` is not escaped), and `<` in text
/// always escaped, so every match is a real tag. `<abbr>` does not match.
static LINK_TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r#"<a(?:\s(?:[^">]|"[^"]*")*)?>|</a>"#).expect("static regex")
});

/// Sanitised HTML with every `<a>` that has no `href` replaced by its content. The
/// sanitiser drops a target it does not allow (`javascript:`, `data:`) but keeps the
/// element, with the `rel` it adds: text that looks like a link and goes nowhere, and an
/// `a` with `rel` but no `href` is invalid HTML. The words and inner markup stay.
fn unwrap_hrefless_links(html: String) -> String {
    if !html.contains("<a") {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    // For each `<a>` open at this point of the text: whether its tags are kept.
    let mut open_kept = Vec::new();
    let mut copied_to = 0;
    for tag in LINK_TAG.find_iter(&html) {
        let keep = if tag.as_str() == "</a>" {
            open_kept.pop().unwrap_or(true)
        } else {
            // ` href="` cannot occur inside a quoted value, whose `"` are escaped.
            let has_href = tag.as_str().contains(" href=\"");
            open_kept.push(has_href);
            has_href
        };
        if !keep {
            out.push_str(html.get(copied_to..tag.start()).unwrap_or(""));
            copied_to = tag.end();
        }
    }
    if copied_to == 0 {
        return html;
    }
    out.push_str(html.get(copied_to..).unwrap_or(""));
    out
}

/// pulldown-cmark's events for `src`, with mathematics as placeholders for its MathML
/// (`maths` keeps both), and two changes so that sanitising never removes words a reader
/// of the digest sees:
/// - a tag that is no HTML element (`<think>`, `<tag>`) is text, not markup to strip;
/// - a link whose target is not an absolute URL (`[1109,9,14](8,13)`) is its own
///   source text, since the sanitiser would drop the target and a reader saw both.
pub(super) fn text_preserving_events<'s>(
    src: &'s str,
    maths: &mut super::math::Formulas,
) -> Vec<Event<'s>> {
    let mut events = Vec::new();
    let mut skip_until_link_end = 0usize;
    // Text in a code block is code: a LaTeX command there (a BibTeX entry) stays as written.
    let mut in_code_block = false;
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        if skip_until_link_end > 0 {
            match event {
                Event::Start(Tag::Link { .. }) => skip_until_link_end += 1,
                Event::End(TagEnd::Link) => skip_until_link_end -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Link { ref dest_url, .. }) if !has_scheme(dest_url) => {
                skip_until_link_end = 1;
                events.push(Event::Text(src.get(range).unwrap_or("").into()));
            }
            Event::InlineMath(ref tex) | Event::DisplayMath(ref tex) => {
                let display = matches!(event, Event::DisplayMath(_));
                let source = src.get(range).unwrap_or("");
                events.push(Event::Text(maths.add(tex, source, display)));
            }
            // Bots quote formulas as code (`` `$\mathrm{Long}$` ``): a code span that is
            // one formula which converts is that formula.
            Event::Code(ref code) => {
                let source = src.get(range).unwrap_or("");
                match quoted_formula(code).and_then(|tex| maths.try_add(tex, source, false)) {
                    Some(formula) => events.push(Event::Text(formula)),
                    None => events.push(event),
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                events.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(event);
            }
            Event::Text(ref text) if !in_code_block && text.contains('\\') => {
                match super::tex_text::events(text) {
                    Some(shaped) => {
                        for e in shaped {
                            events.push(e);
                        }
                    }
                    None => events.push(event),
                }
            }
            Event::Html(html) => events.push(Event::Html(escape_unknown_tags(html))),
            Event::InlineHtml(html) => events.push(Event::InlineHtml(escape_unknown_tags(html))),
            other => events.push(other),
        }
    }
    events
}

/// The TeX of a code span that is one formula (`$x_i$` or `$$x_i$$`), if it is one.
fn quoted_formula(code: &str) -> Option<&str> {
    let inner = code.strip_prefix('$')?.strip_suffix('$')?;
    let inner = inner
        .strip_prefix('$')
        .and_then(|i| i.strip_suffix('$'))
        .unwrap_or(inner);
    (!inner.is_empty() && inner.trim() == inner && !inner.contains('$')).then_some(inner)
}

/// Whether a link target starts with a URL scheme (`https:`, `mailto:`, and also
/// `javascript:`, whose target the sanitiser then drops, keeping the words). A target
/// without one (`8,13`, `#x`, `paper.pdf`) cannot be followed from a published page.
fn has_scheme(url: &str) -> bool {
    let url = url.trim_start();
    let scheme = url.find(':').map_or("", |colon| &url[..colon]);
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Tags of HTML itself. Any other tag-shaped text is a word of the digest.
static HTML_ELEMENTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    "a abbr address area article aside audio b base bdi bdo blockquote body br button \
     canvas caption center cite code col colgroup data datalist dd del details dfn dialog \
     div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 \
     h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li \
     link main map mark math menu meta meter nav noscript object ol optgroup option output \
     p param picture pre progress q rp rt ruby s samp script search section select slot \
     small source span strike strong style sub summary sup svg table tbody td template \
     textarea tfoot th thead time title tr track tt u ul var video wbr"
        .split_whitespace()
        .collect()
});

static TAG_START: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)").expect("static regex"));

/// Raw HTML with the `<` of every tag that is not an HTML element escaped, so that the
/// sanitiser keeps it as text.
fn escape_unknown_tags(html: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    let unknown = |name: &str| !HTML_ELEMENTS.contains(name.to_ascii_lowercase().as_str());
    if !TAG_START.captures_iter(&html).any(|c| unknown(&c[2])) {
        return html;
    }
    TAG_START
        .replace_all(&html, |c: &regex::Captures<'_>| {
            if unknown(&c[2]) {
                format!("&lt;{}{}", &c[1], &c[2])
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
        .into()
}

pub(super) fn collect_text<'a>(events: impl Iterator<Item = Event<'a>>, out: &mut String) {
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
        .replace("&#160;", " ")
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mathematics_becomes_mathml_and_money_stays_text() {
        let m = block(r"We get $\textbf{Only-IF}$ and L$^2$M, LLM$\times$MapReduce.");
        assert!(!m.html.contains('$'), "{}", m.html);
        assert_eq!(m.html.matches("<math>").count(), 3, "{}", m.html);
        assert!(
            m.html.contains("<mo lspace=\"0\" rspace=\"0\">×</mo>"),
            "{}",
            m.html
        );
        // The plain text (search, descriptions) keeps what the bot wrote.
        assert_eq!(
            m.text,
            r"We get $\textbf{Only-IF}$ and L$^2$M, LLM$\times$MapReduce."
        );
        assert!(m.math_errors.is_empty());
        let display = block(r"$$\frac{a}{b}$$");
        assert!(
            display.html.contains("<math display=\"block\"><mfrac>"),
            "{}",
            display.html
        );
        for money in [
            "Costs $5 and $10 a month.",
            "From $10M to $20M.",
            "price $5, then $6",
        ] {
            let m = block(money);
            assert_eq!(m.html, format!("<p>{money}</p>"));
            assert!(m.math_errors.is_empty());
        }
    }

    #[test]
    fn titles_with_mathematics_get_html_and_others_none() {
        assert_eq!(title_html("Plain <b> & title"), None);
        assert_eq!(title_html("Costs $5 and $10"), None);
        let html = title_html("LLM$\\times$MapReduce: <fast> & $\\textbf{Only-IF}$").expect("math");
        assert!(html.starts_with("LLM<math>"), "{html}");
        assert!(
            html.contains("</math>MapReduce: &lt;fast&gt; &amp; <math>"),
            "{html}"
        );
        // Markdown in a title is not read: only the formula is.
        let html = title_html("1. *Not* emphasis $x^2$").expect("math");
        assert!(html.starts_with("1. *Not* emphasis <math>"), "{html}");
    }

    #[test]
    fn mathematics_that_cannot_be_converted_stays_source_and_is_reported() {
        let m = block(r"bad $\nosuchcommand{x}$ here");
        assert_eq!(m.html, r"<p>bad $\nosuchcommand{x}$ here</p>");
        assert_eq!(m.math_errors, vec![r"$\nosuchcommand{x}$".to_string()]);
    }

    #[test]
    fn mathematics_never_carries_markup_through() {
        let m = block(r"$\text{<script>alert(1)</script>}$ and $a<b$");
        assert!(!m.html.contains("<script"), "{}", m.html);
        assert!(m.html.contains("<mo>&lt;</mo>"), "{}", m.html);
        // A placeholder character already in the text turns conversion off.
        let m = block("\u{E000}0\u{E001} $x$");
        assert!(
            m.html.contains("$x$") && !m.html.contains("<math"),
            "{}",
            m.html
        );
    }

    /// `render` as it was before literal lines skipped pulldown-cmark.
    fn render_reference(src: &str, inline: bool) -> Markup {
        let src = src.trim();
        if src.is_empty() {
            return Markup::default();
        }
        render_markdown(src, inline)
    }

    /// Text made of markdown's special characters, digits, words, every kind of
    /// whitespace and a few non-ASCII letters, so that literal and markup lines both occur.
    fn markdownish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[a-zA-Z]{1,6}",
            2 => Just(" ".to_string()),
            1 => "[0-9]{1,3}[.)]?",
            3 => "[-#+=>*_`~\\\\\\[\\]()<>&!|:;.,'\"/%$^{}]",
            1 => "[\t\n\r\x0B\x0C\x00\x7F]",
            1 => "[\u{A0}\u{85}\u{2028}\u{3000}\u{FFFD}é€ſK😀]",
            1 => prop::sample::select(vec![
                "&amp;", "&lt;", "&#65;", "<br>", "<p>", "</p>", "<b>x</b>", "[a](http://x.org)",
                "![i](http://x.org/i.png)", "<http://x.org>", "1. ", "- ", "***", "---", "```",
                "    ", "\n\n", "  \n", "\\\n", "==", "~~s~~", "*e*", "__s__",
                "[j](javascript:x)", "<a href=\"javascript:x\">", "<a name=n>", "</a>",
            ]).prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn render_agrees_with_pulldown_cmark(src in markdownish(), inline in any::<bool>()) {
            prop_assert_eq!(render(&src, inline), render_reference(&src, inline));
        }

        #[test]
        fn render_agrees_on_mostly_literal_lines(
            src in "[a-zA-Z0-9 .,:;()'\"!?%/|^$#=+\u{A0}\u{3000}é-]{0,30}",
            inline in any::<bool>(),
        ) {
            prop_assert_eq!(render(&src, inline), render_reference(&src, inline));
        }

        #[test]
        fn every_published_link_has_a_target(src in markdownish(), inline in any::<bool>()) {
            let html = render(&src, inline).html;
            for tag in LINK_TAG.find_iter(&html).filter(|t| t.as_str() != "</a>") {
                prop_assert!(tag.as_str().contains(" href=\""), "{:?} gave {:?}", src, html);
            }
            prop_assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
        }

    }

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
    fn words_that_look_like_markup_are_kept() {
        // A tag that is no HTML element is text.
        let m = inline("Let's <think> about it </think> now");
        assert_eq!(m.text, "Let's <think> about it </think> now");
        assert!(m.html.contains("&lt;think&gt;"), "{}", m.html);
        // A link without a followable target is its own source text.
        let m = block("Cells [1109,9,14](8,13) and [a](#b) stay.");
        assert_eq!(m.text, "Cells [1109,9,14](8,13) and [a](#b) stay.");
        assert!(!m.html.contains("<a"), "{}", m.html);
        // Real HTML still goes through the sanitiser.
        assert_eq!(plain("A <b>bold</b> word"), "A bold word");
    }

    #[test]
    fn numbered_list_on_one_line_is_a_whole_list() {
        let m = cell_block("1. Aim: graphs. 2. Method: a 2.5 B model. 3. Result: 97.2 on MOSES.");
        assert_eq!(
            m.html,
            "<ol>\n<li>Aim: graphs.</li>\n<li>Method: a 2.5 B model.</li>\n<li>Result: 97.2 on MOSES.</li>\n</ol>"
        );
        assert_eq!(
            m.text,
            "Aim: graphs. Method: a 2.5 B model. Result: 97.2 on MOSES."
        );
        assert_eq!(
            cell_block("Plain text, 1. not a list").html,
            "<p>Plain text, 1. not a list</p>"
        );
        assert_eq!(inline_list_items("1. only one"), None);
        assert_eq!(
            inline_list_items("1. a 2) b 3. c"),
            Some(vec![" a ", " b ", " c"])
        );
        for no_list in [
            "01. a 02. b",
            "1. a 12. b",
            "1. a 02. b",
            "11. a 12. b",
            "1.5 a 2. b",
        ] {
            assert_eq!(inline_list_items(no_list), None, "{no_list}");
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

    #[test]
    fn link_with_a_dropped_target_is_its_words() {
        // Markdown and HTML links to `javascript:` or `data:` keep their text and inner
        // markup, without an `<a>` (which the sanitiser would leave with only `rel`).
        for (src, want) in [
            ("[click](javascript:alert(1)) hi", "<p>click hi</p>"),
            (
                "[*a* `b`](javascript:x) hi",
                "<p><em>a</em> <code>b</code> hi</p>",
            ),
            ("[x](&#106;avascript:alert(1)) hi", "<p>x hi</p>"),
            (
                "<a href=\"data:text/html,x\" title=\"t\">x <b>y</b></a> hi",
                "<p>x <b>y</b> hi</p>",
            ),
            ("<a name=\"n\">anchor</a> hi", "<p>anchor hi</p>"),
            // A `>` inside a kept attribute does not end the tag early.
            (
                "<a title=\"a>b\" href=\"javascript:x\">t</a> hi",
                "<p>t hi</p>",
            ),
        ] {
            let m = block(src);
            assert_eq!(m.html, want, "{src:?}");
        }
        assert_eq!(inline("[click](javascript:alert(1)) hi").html, "click hi");
        assert_eq!(plain("[click](javascript:alert(1)) hi"), "click hi");
    }

    #[test]
    fn only_links_without_a_target_are_unwrapped() {
        let m = block("[a](https://x.org/) then [b](javascript:x) then [c](mailto:c@x.org)");
        assert_eq!(
            m.html,
            "<p><a href=\"https://x.org/\" rel=\"nofollow noopener noreferrer\">a</a> then b \
             then <a href=\"mailto:c@x.org\" rel=\"nofollow noopener noreferrer\">c</a></p>"
        );
        assert_eq!(m.text, "a then b then c");
        // `<abbr>` is no link.
        assert_eq!(
            inline("<abbr title=\"t\">LLM</abbr> and [x](javascript:x)").html,
            "<abbr title=\"t\">LLM</abbr> and x"
        );
    }

    #[test]
    fn mathematics_keeps_its_stars_and_run_in_lists_split() {
        let m = block("The loss $a*b*c$ and *emphasis*.");
        assert_eq!(m.text, "The loss $a*b*c$ and emphasis.");
        assert!(
            m.html.contains("∗</mo><mi>b</mi>") && m.html.contains("</math> and <em>emphasis</em>"),
            "{}",
            m.html
        );
        let m = block("Prices of $5 and $10 stay text.");
        assert_eq!(m.text, "Prices of $5 and $10 stay text.");
        let m = cell_block("1. 提出方法；2. 构建数据集；3. 实验验证。");
        assert!(m.html.starts_with("<ol>"), "{}", m.html);
        assert_eq!(m.html.matches("<li>").count(), 3, "{}", m.html);
        assert!(m.html.contains("<li>提出方法</li>"), "{}", m.html);
    }
}
