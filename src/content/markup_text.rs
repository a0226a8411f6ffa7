//! The plain text of markdown, without the HTML that [`super::markup::render`] makes
//! beside it.
//!
//! Titles, names and labels are kept as text only ([`super::markup::plain`]), yet a
//! title with a formula (`… with $O(n^{2})$ Cost`) went through the whole renderer:
//! its formula converted to MathML and its HTML written, both then dropped. The text of
//! a formula is its source whether or not it converts, so here formulas are not
//! converted, and no HTML is written. Markdown whose text comes from the sanitised HTML
//! (a link, raw HTML) or from re-paired CJK emphasis takes the renderer's own path.

use pulldown_cmark::{Event, Tag};

use super::markup::{
    collect_text, literal_text, literal_with, render_markdown, text_preserving_events,
};
use super::math::Formulas;
use super::words::collapse_whitespace;

/// `markup::inline(src).text`: the plain text of inline markdown, whitespace collapsed.
pub(super) fn plain(src: &str) -> String {
    let src = src.trim();
    if src.is_empty() {
        return String::new();
    }
    // A literal line is its own text; so is one whose only markup is `$` (a title with
    // a formula, `… with $O(n^{2})$ Cost`): the text of a formula is its source, and a
    // `$` that opens none is a character of the text.
    if literal_with(src, super::markup_bytes::has_markup_but_dollar) {
        return literal_text(src);
    }
    if let Some(labelled) = super::markup_label::render(src, true) {
        return labelled.text;
    }
    text_of_markdown(src)
}

/// `render_markdown(src, true).text`, for `src` trimmed and not empty.
#[inline(never)]
pub(super) fn text_of_markdown(src: &str) -> String {
    let unwrapped = super::wikilinks::unwrap(src);
    let src = unwrapped.as_ref();
    let dollars = super::tex_text::dollar_math(src);
    let shaped = dollars.as_deref().unwrap_or(src);
    if super::cjk_strong::mark_pairs(shaped).is_some() {
        return render_markdown(src, true).text;
    }
    let mut maths = Formulas::for_text(shaped);
    let events = text_preserving_events(shaped, &mut maths);
    let needs_sanitizer = events.iter().any(|e| {
        matches!(
            e,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(Tag::Link { .. } | Tag::Image { .. })
        )
    });
    if needs_sanitizer {
        return render_markdown(src, true).text;
    }
    let mut text = String::new();
    collect_text(events.into_iter(), &mut text);
    // A code span quoting a formula is still converted (whether it converts decides
    // its text): its placeholder is replaced by its source here.
    let (_, text) = maths.substitute(String::new(), text);
    collapse_whitespace(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(src: &str) {
        assert_eq!(
            plain(src),
            crate::content::markup::inline(src).text,
            "{src:?}"
        );
        let src = src.trim();
        if src.is_empty() {
            return;
        }
        assert_eq!(
            text_of_markdown(src),
            render_markdown(src, true).text,
            "{src:?}"
        );
    }

    #[test]
    fn text_as_the_renderer_gives_it() {
        for src in [
            "Cheap Attention with $O(n^{2})$ Cost",
            "A $\\frac{1}{2$ broken formula and $x$",
            "Quoted `$\\mathrm{Long}$` formula and `code`",
            "Quoted `$\\unknowncommand{x}$` formula",
            "$$E = mc^2$$ displayed",
            "**Bold** and *italic* with $a_i$ and \\alpha",
            "[A link](https://example.com) and $x$",
            "<b>raw</b> html $y$",
            "**中文加粗：**文本 $z$",
            "Text with \u{E000}0\u{E001} and $x$",
            "Price is $5 and $6",
            "~~gone~~ and `a  b`",
            "  A literal  title ",
            "Cheap  Attention with $O(n^{2})$ Cost",
            "$x$",
            "$$x$$ and $ y $ and $5 and $6$",
            "1. $x$",
            "# $x$",
            "$a$$b$ $$ $$$ $",
            "A $x {y} ^2 (z)$ é 中文 $α$",
            "**Label:** text",
            "",
            " ",
        ] {
            same(src);
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z ]{1,8}",
            Just("$x^2$".to_string()),
            Just("$\\frac{a}{b}$".to_string()),
            Just("$$\\sum_i$$".to_string()),
            Just("$\\bad{".to_string()),
            Just("`$y$`".to_string()),
            Just("**b**".to_string()),
            Just("_e_".to_string()),
            Just("[l](https://x.org)".to_string()),
            Just("<i>h</i>".to_string()),
            Just("中文".to_string()),
            Just("\\beta".to_string()),
            Just("  ".to_string()),
        ]
    }

    fn dollar_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ]{1,6}",
            "[$]{1,3}",
            "[(){}^=+#.,:;!?'\"/|-]{1,3}",
            Just("中文".to_string()),
            Just("é".to_string()),
            Just("\u{3000}".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn text_with_dollars_agrees_with_the_renderer(
            pieces in prop::collection::vec(dollar_piece(), 1..10)
        ) {
            same(&pieces.concat());
        }

        #[test]
        fn text_agrees_with_the_renderer(pieces in prop::collection::vec(piece(), 1..8)) {
            let src = pieces.concat();
            let src = src.trim();
            prop_assume!(!src.is_empty());
            prop_assert_eq!(text_of_markdown(src), render_markdown(src, true).text);
        }
    }
}
