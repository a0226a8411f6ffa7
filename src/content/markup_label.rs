//! A line that opens with a bold label (`**简介:** text`), rendered without the
//! markdown parser.
//!
//! The general reader writes each labelled part of an entry's summary as `**Label:**`
//! before its text, so nearly every summary it reads has this one piece of markup and
//! would otherwise go through pulldown-cmark for it. When the label and the text hold
//! no other markup, pulldown-cmark's output is known: the label in `<strong>`, the text
//! as written. Anything else takes the general path.

use std::sync::LazyLock;

use super::markup::Markup;
use super::markup_bytes::markup_or_space;
use super::words::{collapse_whitespace, collapsed};

/// What pulldown-cmark makes of `src` (trimmed, not empty) when it is `**Label:** text`
/// with no other markup; `None` for any other source.
///
/// The opening `**` is followed by a character that is not whitespace, and the closing
/// one follows a colon (punctuation) and precedes a space, so the pair is strong
/// emphasis. Neither the label nor the text has a byte that starts inline markup, a
/// control character or a line break, so both are literal text.
#[inline(never)]
pub(super) fn render(src: &str, inline: bool) -> Option<Markup> {
    let rest = src.strip_prefix("**")?;
    // The first `**`, found from its first `*` by memchr: a label is short, and a
    // substring searcher costs more to start than the search.
    let b = rest.as_bytes();
    let close = memchr::memchr_iter(b'*', b).find(|&i| b.get(i + 1) == Some(&b'*'))?;
    let label = &rest[..close];
    let after = &rest[close + 2..];
    let text = after.strip_prefix(' ')?;
    // Markup and white space other than the space, in one pass over each.
    let classes = markup_or_space(label.as_bytes()) | markup_or_space(text.as_bytes());
    let opens = label.chars().next().is_some_and(|c| !c.is_whitespace())
        && text.chars().next().is_some_and(|c| !c.is_whitespace());
    if !(opens && label.ends_with([':', '：']) && classes & 1 == 0) {
        return None;
    }
    let mut html = String::with_capacity(src.len() + 24);
    if !inline {
        html.push_str("<p>");
    }
    html.push_str("<strong>");
    html.push_str(label);
    html.push_str("</strong>");
    html.push_str(after);
    if !inline {
        html.push_str("</p>");
    }
    // The words of the events, as `collect_text` joins them: the label and the text.
    // (It ends them with the paragraph's space, which collapsing removes.)
    let mut words = String::with_capacity(src.len());
    words.push_str(label);
    words.push_str(after);
    // Collapsed already, as most are, the words are the text: not copied again. Words
    // that open and end with no white space (as the label and the trimmed text do) and
    // hold no white space but single spaces are collapsed; the pass above found no other
    // white space, which leaves the double space to look for.
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let single_spaces = classes & 2 == 0
        && !words.starts_with(' ')
        && !words.ends_with(' ')
        && DOUBLE_SPACE.find(words.as_bytes()).is_none();
    let text = if single_spaces || matches!(collapsed(&words), std::borrow::Cow::Borrowed(_)) {
        words
    } else {
        collapse_whitespace(&words)
    };
    Some(Markup {
        html,
        text,
        math_errors: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `render` is given sources trimmed, as `markup::render` passes them.
    fn check(src: &str) {
        let src = src.trim();
        for inline in [false, true] {
            if let Some(fast) = render(src, inline) {
                assert_eq!(
                    fast,
                    super::super::markup::render_markdown_for_test(src, inline),
                    "{src:?} inline={inline}"
                );
            }
        }
    }

    #[test]
    fn same_as_pulldown_cmark() {
        for src in [
            "**简介:** Retrieval efficient planning.",
            "**简介：** 中文 text, with \"quotes\" and 'ticks'",
            "**Method:** a  b   c",
            "**TL;DR:** x",
            "**Score:** 8/10 (high) 100% = yes! #1 - ok + 1. +",
            "**A:** 1. not a list",
            "**A:** b ** c",
            "** A:** b",
            "**A:**b",
            "**A** b",
            "**A:**  b",
            "**A:** b\u{3000}c",
            "**A:**\u{a0}b",
        ] {
            check(src);
        }
        assert!(render("**简介:** Retrieval.", false).is_some());
        assert!(render("**A:** b *c*", false).is_none());
    }

    proptest! {
        #[test]
        fn same_as_pulldown_cmark_on_any_text(
            label in "[a-zA-Z简介 \u{a0}\u{2003}—,.;!?'\"()#+=%/-]{1,12}[:：]",
            text in "[a-zA-Z0-9简介 \u{3000}\u{a0}\u{2003}\u{85}—,.;!?'\"()#+=%/-]{1,40}",
        ) {
            check(&format!("**{label}** {text}"));
        }
    }
}
