//! Summaries as readers scan them: bots write structured summaries as one paragraph
//! ("Main objective: … Key methodology: … Results: …", or "a) … b) … c) …"), which reads
//! as a wall of text. [`labelled`] turns such a paragraph into one paragraph per part,
//! its label in `<strong>`; `lead.rs` finds the line a list shows for a summary with
//! the pieces kept here.
//!
//! Both work on the summary's rendered, sanitised HTML (so inline markup such as links
//! and emphasis survives), and only ever cut a paragraph between its own top-level
//! pieces of text: never inside an element, so what they return stays balanced.

use std::borrow::Cow;

/// `html` with every paragraph made of labelled parts split into one paragraph per
/// part; unchanged (borrowed) when no paragraph has two labelled parts, or when the
/// HTML is not a plain sequence of paragraphs.
pub fn labelled(html: &str) -> Cow<'_, str> {
    // Searched for bytes, with SIMD: a pattern of two chars is matched a character at
    // a time, and this runs over every summary twice (its page and its day's).
    if memchr::memchr2(b':', b')', html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    let Some(paragraphs) = paragraphs(html) else {
        return Cow::Borrowed(html);
    };
    let mut out = String::new();
    let mut changed = false;
    for content in paragraphs {
        let parts = parts(content);
        if parts.len() < 2 {
            push_paragraph(&mut out, content);
            continue;
        }
        changed = true;
        let lead = content[..parts[0].start].trim();
        if !lead.is_empty() {
            push_paragraph(&mut out, lead);
        }
        for (k, part) in parts.iter().enumerate() {
            let end = parts.get(k + 1).map_or(content.len(), |next| next.start);
            let body = trim_breaks(&content[part.body..end]);
            out.push_str("<p><strong>");
            out.push_str(&part.label);
            out.push_str("</strong> ");
            out.push_str(body);
            out.push_str("</p>");
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Whether a paragraph's content is only a label: its text ends with a colon and has
/// at most six words, or it has at most three words and no sentence end ("Summary",
/// "Key findings").
pub(super) fn is_bare_label(content: &str) -> bool {
    let text = strip_tags(content);
    let text = text.trim();
    // Counted up to seven, as far as the tests below look: a long paragraph is not a
    // label, and counting all its words was most of finding a list's lead.
    let words = text.split_whitespace().take(7).count();
    words == 0 || text.ends_with(':') && words <= 6 || words <= 3 && !ends_sentence(text)
}

pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?'])
}

/// The text of `html` without its elements (entities kept, so still HTML).
pub(super) fn strip_tags(html: &str) -> String {
    strip_tags_with(html, |_| false)
}

/// The text of `html` without its elements; a tag for which `breaks` holds becomes a
/// line break.
pub(super) fn strip_tags_with(html: &str, breaks: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // memchr's search rather than `str::find`, which looks a word at a time.
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let end =
            memchr::memchr(b'>', &rest.as_bytes()[open..]).map_or(rest.len(), |e| open + e + 1);
        if breaks(&rest[open..end]) {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn push_paragraph(out: &mut String, content: &str) {
    out.push_str("<p>");
    out.push_str(content);
    out.push_str("</p>");
}

/// The contents of each `<p>…</p>` when `html` is nothing but paragraphs (and
/// whitespace between them).
pub(super) fn paragraphs(html: &str) -> Option<Vec<&str>> {
    let (out, rest) = leading_paragraphs(html);
    (rest.is_empty() && !out.is_empty()).then_some(out)
}

/// The contents of each `<p>…</p>` that opens `html`, and what follows them (a list,
/// a heading, or nothing).
pub(super) fn leading_paragraphs(html: &str) -> (Vec<&str>, &str) {
    let mut out = Vec::new();
    let mut rest = html.trim_start();
    // Paragraphs do not nest, and text's own `<` is escaped, so the first `</p>`
    // closes each one.
    while let Some(inner) = rest.strip_prefix("<p>")
        && let Some(end) = inner.find("</p>")
    {
        out.push(&inner[..end]);
        rest = inner[end + 4..].trim_start();
    }
    (out, rest)
}

/// Where the text of `content` is at the top level (outside any element): for each
/// byte, whether it is such text. Tags themselves count as not text; `<br>` is a void
/// element and does not open a level.
fn top_level(content: &str) -> Vec<bool> {
    let bytes = content.as_bytes();
    let mut top = vec![false; bytes.len()];
    let mut depth = 0usize;
    let mut i = 0;
    // From tag to tag: the text between two is all at one depth.
    while i < bytes.len() {
        let open = memchr::memchr(b'<', &bytes[i..]).map_or(bytes.len(), |at| i + at);
        if depth == 0 {
            top[i..open].fill(true);
        }
        if open == bytes.len() {
            break;
        }
        let end = content[open..]
            .find('>')
            .map_or(bytes.len(), |e| open + e + 1);
        let tag = &content[open..end];
        if tag.starts_with("</") {
            depth = depth.saturating_sub(1);
        } else if !is_void(tag) {
            depth += 1;
        }
        i = end;
    }
    top
}

fn is_void(tag: &str) -> bool {
    let name = tag
        .trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("");
    tag.ends_with("/>") || matches!(name.to_ascii_lowercase().as_str(), "br" | "img" | "wbr")
}

/// One labelled part of a paragraph: where it starts, its label (as HTML, with its
/// colon or bracket) and where its text starts.
pub(super) struct Part<'a> {
    pub(super) start: usize,
    pub(super) label: Cow<'a, str>,
    pub(super) body: usize,
}

/// The labelled parts of a paragraph's content: named labels at sentence starts if
/// there are two or more, else an enumeration `a) b) …` or `1) 2) …` of two or more
/// items of a few words each, or `i) ii) iii) …` (`I) II) III) …`) of three or more.
pub(super) fn parts(content: &str) -> Vec<Part<'_>> {
    let top = top_level(content);
    let named = named_labels(content, &top);
    if named.len() >= 2 {
        return named;
    }
    for (kind, least) in [
        (Count::Letters, 2),
        (Count::Digits, 2),
        (Count::Roman(false), 3),
        (Count::Roman(true), 3),
    ] {
        let items = enumeration(content, &top, kind);
        if items.len() >= least {
            return items;
        }
    }
    Vec::new()
}

/// How an enumeration counts its items.
#[derive(Clone, Copy)]
enum Count {
    Letters,
    Digits,
    /// Roman numerals, upper case when true.
    Roman(bool),
}

const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

impl Count {
    /// The marker of item `k` (from 0), without its brackets; `None` past the last.
    fn marker(self, k: usize) -> Option<Cow<'static, str>> {
        match self {
            Count::Letters => {
                let c = char::from_u32(u32::from(b'a') + u32::try_from(k).ok()?)?;
                c.is_ascii_lowercase().then(|| Cow::Owned(c.to_string()))
            }
            Count::Digits => Some(Cow::Owned((k + 1).to_string())),
            Count::Roman(upper) => ROMAN.get(k).map(|r| {
                if upper {
                    Cow::Owned(r.to_ascii_uppercase())
                } else {
                    Cow::Borrowed(*r)
                }
            }),
        }
    }
}

/// Whether a part may start at byte `i`: at the start of the paragraph, or after the end
/// of a sentence (`.`, `!`, `?`, `;`, or a line break) and whitespace, all at the top
/// level.
fn at_sentence_start(content: &str, top: &[bool], i: usize) -> bool {
    let before = content[..i].trim_end();
    if before.is_empty() {
        return true;
    }
    if before.len() == i || !top[before.len()..i].iter().all(|&t| t) {
        // No whitespace before `i`, or it is inside an element.
        return before.ends_with("<br>") || before.ends_with("<br/>") || before.ends_with("<br />");
    }
    if before.ends_with("<br>") || before.ends_with("<br/>") || before.ends_with("<br />") {
        return true;
    }
    let last = before.len() - before.chars().next_back().map_or(1, char::len_utf8);
    top[last] && before.ends_with(['.', '!', '?', ';'])
}

/// Named labels: one to six words, the first capitalised, then `:` and whitespace,
/// each at a sentence start; or such words in `<strong>`/`<b>` there.
fn named_labels<'a>(content: &'a str, top: &[bool]) -> Vec<Part<'a>> {
    let mut out = Vec::new();
    // Every label holds a colon after its start, and starts with a tag or a capital:
    // the positions that cannot start one, nearly all of a summary, are passed over
    // before the costlier sentence test.
    let Some(last_colon) = content.rfind(':') else {
        return out;
    };
    let mut i = 0;
    while i <= last_colon {
        let rest = &content[i..];
        let starts_here = (rest.starts_with('<') || top[i] && rest.starts_with(char::is_uppercase))
            && at_sentence_start(content, top, i);
        if starts_here && let Some((label, body)) = named_label_at(rest) {
            out.push(Part {
                start: i,
                label,
                body: i + body,
            });
            i += body;
            continue;
        }
        i += content[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A named label at the start of `s`: the label's HTML (its words and colon) and where
/// the text after it starts.
fn named_label_at(s: &str) -> Option<(Cow<'_, str>, usize)> {
    for (open, close) in [("<strong>", "</strong>"), ("<b>", "</b>")] {
        if let Some(inner) = s.strip_prefix(open) {
            let end = inner.find(close)?;
            let after = &inner[end + close.len()..];
            // The colon inside the element or right after it.
            let (words, after) = match after.strip_prefix(':') {
                Some(rest) => (&inner[..end], rest),
                None => (inner[..end].strip_suffix(':')?, after),
            };
            if !is_label_words(words) || !after.starts_with(char::is_whitespace) {
                return None;
            }
            return Some((Cow::Owned(format!("{words}:")), s.len() - after.len()));
        }
    }
    let colon = s.find(':')?;
    let words = &s[..colon];
    if words.len() > 60 || !is_label_words(words) {
        return None;
    }
    let after = &s[colon + 1..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((Cow::Borrowed(&s[..=colon]), colon + 1))
}

/// Whether `words` can be a label: one to six words ("Principal implication for AI
/// practitioners"), the first capitalised and not a pronoun that starts a sentence of
/// prose ("We find: …").
fn is_label_words(words: &str) -> bool {
    const PROSE: [&str; 8] = ["We", "Our", "It", "Its", "They", "This", "These", "I"];
    let count = words.split(' ').count();
    (1..=6).contains(&count)
        && words.starts_with(|c: char| c.is_uppercase())
        && !PROSE.contains(&words.split(' ').next().unwrap_or(""))
        && words.split(' ').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '/' | '(' | ')'))
        })
}

/// An enumeration `a) … b) …` (or `(a) … (b) …`, `1) … 2) …`, `i) … ii) …`) counting
/// up from its first item, each marker at the top level after whitespace, each item
/// three words or more.
fn enumeration<'a>(content: &'a str, top: &[bool], count: Count) -> Vec<Part<'a>> {
    let mut out: Vec<Part> = Vec::new();
    let mut want = count.marker(0);
    let mut i = 0;
    let mut close: Option<usize> = None;
    while let Some(marker) = want.as_deref()
        && i < content.len()
    {
        // A marker's `)` follows its number, so a marker starting at `i` or later ends
        // at the next `)` or past it: none starts further back from it than its length.
        let next = match close {
            Some(at) if at >= i => at,
            _ => match memchr::memchr(b')', &content.as_bytes()[i..]) {
                Some(at) => i + at,
                None => break,
            },
        };
        close = Some(next);
        let earliest = next.saturating_sub(marker.len() + 1);
        if earliest > i {
            i = earliest;
            while !content.is_char_boundary(i) {
                i += 1;
            }
        }
        if top[i]
            && content.is_char_boundary(i)
            && (i == 0 || content[..i].ends_with(char::is_whitespace))
            && let Some(len) = marker_at(&content[i..], marker)
        {
            out.push(Part {
                start: i,
                label: Cow::Borrowed(content[i..i + len].trim_end()),
                body: i + len,
            });
            want = count.marker(out.len());
            i += len;
            continue;
        }
        i += content[i..].chars().next().map_or(1, char::len_utf8);
    }
    let items_long = out.iter().enumerate().all(|(k, part)| {
        let end = out.get(k + 1).map_or(content.len(), |next| next.start);
        content[part.body..end].split_whitespace().count() >= 3
    });
    if items_long { out } else { Vec::new() }
}

/// The length of the marker `want` at the start of `s` (`b) `, `(b) `, `2) `, `ii) `),
/// its trailing whitespace included.
fn marker_at(s: &str, want: &str) -> Option<usize> {
    let open = usize::from(s.starts_with('('));
    let rest = s[open..].strip_prefix(want)?;
    let rest = rest.strip_prefix(')')?;
    rest.starts_with(char::is_whitespace)
        .then_some(open + want.len() + 2)
}

/// Where the first sentence of a paragraph's content ends (just after its `.`, `!` or
/// `?`), and where the next one starts; `None` if it is one sentence.
pub(super) fn sentence_end(content: &str) -> Option<(usize, usize)> {
    let top = top_level(content);
    let bytes = content.as_bytes();
    for i in 0..bytes.len() {
        if !top[i] || !matches!(bytes[i], b'.' | b'!' | b'?') {
            continue;
        }
        let after = &content[i + 1..];
        let next = after.trim_start();
        if next.len() == after.len() || next.is_empty() {
            continue;
        }
        let starts_sentence = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !starts_sentence || bytes[i] == b'.' && is_abbreviation(&content[..i]) {
            continue;
        }
        return Some((i + 1, content.len() - next.len()));
    }
    None
}

/// Whether the word before a full stop is an abbreviation or an initial, after which a
/// capital letter does not start a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '>')
        .next()
        .unwrap_or("");
    let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    single_capital
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "e.g" | "i.e" | "al" | "vs" | "etc" | "fig" | "eq" | "approx" | "cf" | "no" | "sec"
        )
}

/// `s` without whitespace and line breaks at either end.
pub(super) fn trim_breaks(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let next = ["<br>", "<br/>", "<br />"]
            .iter()
            .fold(s, |s, br| s.strip_suffix(br).unwrap_or(s))
            .trim_end();
        if next.len() == s.len() {
            return s;
        }
        s = next;
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// [`top_level`] a byte at a time, as first written.
    fn top_level_plain(content: &str) -> Vec<bool> {
        let (bytes, mut top) = (content.as_bytes(), vec![false; content.len()]);
        let (mut depth, mut i) = (0usize, 0);
        while i < bytes.len() {
            if bytes[i] == b'<' {
                let end = content[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
                let tag = &content[i..end];
                if tag.starts_with("</") {
                    depth = depth.saturating_sub(1);
                } else if !is_void(tag) {
                    depth += 1;
                }
                i = end;
                continue;
            }
            top[i] = depth == 0;
            i += 1;
        }
        top
    }

    proptest::proptest! {
        #[test]
        fn top_level_is_the_plain_one(s in "(<|>|</|<br>|<b>|<img/>|a|é| |:){0,40}") {
            proptest::prop_assert_eq!(top_level(&s), top_level_plain(&s));
        }
    }

    #[test]
    fn named_labels_mid_paragraph_become_labelled_paragraphs() {
        let html = "<p>Main objective: To cut verifier cost. Key methodology: A sparse \
                    verifier is called on uncertain steps. Results: 22% of the compute.</p>";
        assert_eq!(
            labelled(html),
            "<p><strong>Main objective:</strong> To cut verifier cost.</p>\
             <p><strong>Key methodology:</strong> A sparse verifier is called on uncertain steps.</p>\
             <p><strong>Results:</strong> 22% of the compute.</p>"
        );
    }

    #[test]
    fn the_long_labels_of_summary_bots_are_found() {
        let html = "<p>Main research question or objective: Can X? Key methodology: Y. \
                    Primary results: 3% better. Principal implication for AI practitioners: \
                    use Y. Objective(s): none.</p>";
        let out = labelled(html);
        for label in [
            "Main research question or objective:",
            "Key methodology:",
            "Primary results:",
            "Principal implication for AI practitioners:",
            "Objective(s):",
        ] {
            assert!(
                out.contains(&format!("<p><strong>{label}</strong> ")),
                "{out}"
            );
        }
        // Prose that happens to hold colons is not labelled.
        let prose = "<p>We find two things: speed. Our method works: it is fast.</p>";
        assert!(matches!(labelled(prose), Cow::Borrowed(_)));
    }

    #[test]
    fn text_before_the_first_label_stays_a_paragraph() {
        let html = "<p>This paper studies X. Objective: find Y. Results: Y found.</p>";
        assert_eq!(
            labelled(html),
            "<p>This paper studies X.</p><p><strong>Objective:</strong> find Y.</p>\
             <p><strong>Results:</strong> Y found.</p>"
        );
    }

    #[test]
    fn lettered_and_numbered_parts_are_split() {
        let html = "<p>The work has three parts: a) a new dataset of clips, b) a model \
                    trained on it, c) an evaluation on five benchmarks.</p>";
        assert_eq!(
            labelled(html),
            "<p>The work has three parts:</p><p><strong>a)</strong> a new dataset of clips,</p>\
             <p><strong>b)</strong> a model trained on it,</p>\
             <p><strong>c)</strong> an evaluation on five benchmarks.</p>"
        );
        let numbered = "<p>Aim (1) build a benchmark of tasks (2) test ten models on it</p>";
        assert_eq!(
            labelled(numbered),
            "<p>Aim</p><p><strong>(1)</strong> build a benchmark of tasks</p>\
             <p><strong>(2)</strong> test ten models on it</p>"
        );
    }

    #[test]
    fn labels_already_in_strong_are_split_too() {
        let html = "<p><strong>Goal:</strong> speed up decoding. <strong>Method</strong>: \
                    draft tokens in parallel.</p>";
        assert_eq!(
            labelled(html),
            "<p><strong>Goal:</strong> speed up decoding.</p>\
             <p><strong>Method:</strong> draft tokens in parallel.</p>"
        );
    }

    #[test]
    fn line_breaks_start_parts() {
        let html = "<p>Objective: find Y.<br>\nMethod: search for it</p>";
        assert_eq!(
            labelled(html),
            "<p><strong>Objective:</strong> find Y.</p><p><strong>Method:</strong> search for it</p>"
        );
    }

    #[test]
    fn ordinary_prose_is_left_alone() {
        for html in [
            "<p>Plain summary with one Note: only a single label here.</p>",
            "<p>We compare (a) and (b) here.</p>",
            "<p>Ratio 3:1 at time 10:30, see https://x.org and the results: fine.</p>",
            "<p>Items b) then a) are out of order and short.</p>",
            "<ul><li>Objective: a</li><li>Results: b</li></ul>",
            "<p>Uses <a href=\"https://x.org/a:b\">Main goal: x. Results: y.</a> inline.</p>",
        ] {
            assert!(matches!(labelled(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn labels_inside_elements_are_not_cut() {
        let html = "<p>Main: <em>Objective: a. Results: b.</em> done. Results: fine.</p>";
        // Only `Main:` and the last `Results:` are at the top level.
        assert_eq!(
            labelled(html),
            "<p><strong>Main:</strong> <em>Objective: a. Results: b.</em> done.</p>\
             <p><strong>Results:</strong> fine.</p>"
        );
    }

    #[test]
    fn roman_numerals_are_split_like_letters() {
        let html = "<p>(i) A benchmark of agent tasks is built. (ii) Ten models are tested \
                    on it. (iii) None of them plans well.</p>";
        assert_eq!(
            labelled(html),
            "<p><strong>(i)</strong> A benchmark of agent tasks is built.</p>\
             <p><strong>(ii)</strong> Ten models are tested on it.</p>\
             <p><strong>(iii)</strong> None of them plans well.</p>"
        );
        let upper = "<p>I) first part of it, II) second part of it, III) third part of it, \
                     IV) fourth part of it</p>";
        assert_eq!(labelled(upper).matches("<p><strong>").count(), 4, "{upper}");
        let lower = "<p>Summary: i) one two three; ii) four five six; iii) seven eight nine; \
                     iv) ten eleven twelve; v) and the rest; vi) goes on here</p>";
        let out = labelled(lower);
        assert!(out.starts_with("<p>Summary:</p><p><strong>i)</strong> one two three;</p>"));
        assert!(
            out.ends_with("<p><strong>vi)</strong> goes on here</p>"),
            "{out}"
        );
    }

    #[test]
    fn prose_with_numerals_is_not_split() {
        for html in [
            // Not i, ii, iii in order.
            "<p>Results (i.e. scores) hold for (i) the encoder and (ii) the decoder of it.</p>",
            "<p>Part I) of the study covers two models, and part II) the others here.</p>",
            "<p>We test i) three small models, iii) two large models, ii) one more of them.</p>",
            "<p>As Figure I) shows, things go well in three ways.</p>",
            // Items of fewer than three words.
            "<p>Both (i) speed, (ii) memory, (iii) accuracy improve.</p>",
        ] {
            assert!(matches!(labelled(html), Cow::Borrowed(_)), "{html}");
        }
    }

    /// HTML cut short or holding little, which neither splitting nor a lead may panic
    /// on.
    pub(in crate::render) const AWKWARD_HTML: &[&str] = &[
        "",
        "<p>",
        "<p></p>",
        "<p>a) </p>",
        "<p>é: ü. Ö: x</p>",
        "<p><strong>A</p>",
        "<p><strong>X:</strong></p>",
        "<p>(a) x y z (b)</p>",
        "<p>A. B. C.</p>",
    ];

    #[test]
    fn no_input_panics() {
        for html in AWKWARD_HTML {
            let _ = labelled(html);
        }
    }
}
