//! Formulas in titles and text: MathML on pages, their characters everywhere else.
//!
//! Bots copy titles with TeX in them (`L$^2$M`, `$\textbf{Only-IF}$`). A page draws
//! them as MathML; a browser tab, a feed entry and a search result can only show text,
//! where the formula's characters read better than its source. Only the formulas of a
//! title are read as markup; every other character is text.

use pulldown_cmark::{Event, Options, Parser};

/// A title's HTML when it holds mathematics that converts: the text escaped, each
/// `$…$` as MathML. `None` otherwise, and templates print the plain title. Only the
/// formulas are read as markup; every other character of a title is text.
pub fn title_html(title: &str) -> Option<String> {
    if !title.contains('$') {
        return None;
    }
    let mut maths = super::math::Formulas::new(title);
    let mut html = String::with_capacity(title.len() + 16);
    let mut at = 0;
    for (event, range) in Parser::new_ext(title, Options::ENABLE_MATH).into_offset_iter() {
        if let Event::InlineMath(tex) | Event::DisplayMath(tex) = &event
            && range.start >= at
        {
            push_escaped(&mut html, title.get(at..range.start).unwrap_or(""));
            let source = title.get(range.clone()).unwrap_or("");
            push_escaped(&mut html, &maths.add(tex, source, false));
            at = range.end;
        }
    }
    push_escaped(&mut html, title.get(at..).unwrap_or(""));
    let (html, _) = maths.substitute(html, String::new());
    html.contains("<math").then_some(html)
}

/// `title` (or any text kept with its TeX: a field's text) as plain text, each formula
/// as the text of its MathML (`L$^2$M` is `L²M`), for where markup cannot go: a
/// browser tab, a description, a feed, a search result. A formula that cannot be
/// converted stays as written.
pub fn math_as_text(title: &str) -> std::borrow::Cow<'_, str> {
    // memchr's search, not `str::contains`, which looks a word at a time: this runs
    // over whole summaries (lists, feeds, the search index), nearly all without a `$`.
    if memchr::memchr(b'$', title.as_bytes()).is_none() {
        return title.into();
    }
    let mut text = String::with_capacity(title.len());
    let mut at = 0;
    for (event, range) in Parser::new_ext(title, Options::ENABLE_MATH).into_offset_iter() {
        if let Event::InlineMath(tex) | Event::DisplayMath(tex) = &event
            && range.start >= at
        {
            text.push_str(title.get(at..range.start).unwrap_or(""));
            let source = title.get(range.clone()).unwrap_or("");
            match super::math::mathml(tex, false).and_then(|m| super::math_text::plain(&m)) {
                Some(plain) => text.push_str(&plain),
                None => text.push_str(source),
            }
            at = range.end;
        }
    }
    text.push_str(title.get(at..).unwrap_or(""));
    text.into()
}

/// `text` escaped for HTML text and attribute values.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_in_titles_read_as_their_characters() {
        assert_eq!(math_as_text("L$^2$M: Memory"), "L²M: Memory");
        assert_eq!(math_as_text("LLM$\\times$MapReduce"), "LLM×MapReduce");
        assert_eq!(math_as_text("$\\textbf{Only-IF}$: When"), "Only-IF: When");
        assert_eq!(math_as_text("Cheap $k$-NN at $10\\%$"), "Cheap k-NN at 10%");
        assert_eq!(math_as_text("$x_{t-1}$ from $x_t$"), "xₜ₋₁ from xₜ");
        // Dollar amounts are text; what does not convert stays as written.
        assert_eq!(math_as_text("From $5 to $6 a day"), "From $5 to $6 a day");
        assert_eq!(
            math_as_text("A $\\nosuchcommand{x}$ b"),
            "A $\\nosuchcommand{x}$ b"
        );
        assert_eq!(math_as_text("No formula *here*"), "No formula *here*");
    }
}
