//! LaTeX text commands in prose, as the emphasis they mean.
//!
//! arXiv abstracts are written in LaTeX, and bots copy them as they are: "we introduce
//! the \textit{epistemic neural network}", "a new \textbf{Convolution-enhanced} model".
//! Outside `$…$` markdown leaves those commands as text, so a reader sees the source.
//! A command with one plain argument becomes the markup it stands for; anything else
//! (nested braces, an unknown command) is left as written. Chat models also write
//! formulas between `\(…\)` and `\[…\]`, which markdown reads as escaped brackets;
//! those become the `$…$` and `$$…$$` the math reader knows.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// What a text command's argument becomes.
#[derive(Clone, Copy)]
enum Shape {
    Emphasis,
    Strong,
    Code,
    Plain,
}

fn shape(command: &str) -> Option<Shape> {
    Some(match command {
        "textit" | "emph" | "textsl" => Shape::Emphasis,
        "textbf" => Shape::Strong,
        "texttt" => Shape::Code,
        "textrm" | "textsc" | "textsf" | "textnormal" | "underline" | "mbox" | "text" => {
            Shape::Plain
        }
        _ => return None,
    })
}

/// The events for `text` with its text commands as markup; `None` when it has none.
pub fn events(text: &str) -> Option<Vec<Event<'static>>> {
    if !text.contains('\\') {
        return None;
    }
    let mut out: Vec<Event<'static>> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let mut found = false;
    while let Some(at) = rest.find('\\') {
        let after = &rest[at + 1..];
        let name_len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        let arg = after[name_len..]
            .strip_prefix('{')
            .and_then(|a| Some(&a[..a.find('}')?]));
        match (shape(&after[..name_len]), arg) {
            (Some(shape), Some(arg)) if !arg.contains(['{', '\\']) && !arg.trim().is_empty() => {
                found = true;
                plain.push_str(&rest[..at]);
                if !plain.is_empty() {
                    out.push(Event::Text(CowStr::from(std::mem::take(&mut plain))));
                }
                let arg_text = CowStr::from(arg.to_string());
                match shape {
                    Shape::Emphasis => {
                        out.push(Event::Start(Tag::Emphasis));
                        out.push(Event::Text(arg_text));
                        out.push(Event::End(TagEnd::Emphasis));
                    }
                    Shape::Strong => {
                        out.push(Event::Start(Tag::Strong));
                        out.push(Event::Text(arg_text));
                        out.push(Event::End(TagEnd::Strong));
                    }
                    Shape::Code => out.push(Event::Code(arg_text)),
                    Shape::Plain => out.push(Event::Text(arg_text)),
                }
                rest = &after[name_len + 1 + arg.len() + 1..];
            }
            _ => {
                plain.push_str(&rest[..=at]);
                rest = after;
            }
        }
    }
    if !found {
        return None;
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Event::Text(CowStr::from(plain)));
    }
    Some(out)
}

/// `src` with each `\(…\)` formula as `$…$` and each `\[…\]` as `$$…$$`; `None` when it
/// has none. A formula is one line at most (display ones may span lines), holds no `$`,
/// and looks like TeX (see [`looks_like_tex`]); code spans and blocks are left alone.
pub fn dollar_math(src: &str) -> Option<String> {
    if !src.contains("\\(") && !src.contains("\\[") {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    let mut found = false;
    while let Some(at) = rest.find(['\\', '`']) {
        if rest[at..].starts_with('`') {
            // Code (a span or a fenced block) is copied as it is: `\(\w+\)` there is a
            // regular expression. It ends at the next run of as many backticks.
            let run = rest[at..].bytes().take_while(|&b| b == b'`').count();
            let ticks = &rest[at..at + run];
            let end = rest[at + run..]
                .find(ticks)
                .map_or(rest.len(), |i| at + run + i + run);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let (open, close, fence) = match rest[at + 1..].chars().next() {
            Some('(') => ("\\(", "\\)", "$"),
            Some('[') => ("\\[", "\\]", "$$"),
            _ => {
                let step = at + 1 + rest[at + 1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..step]);
                rest = &rest[step..];
                continue;
            }
        };
        let body_at = at + open.len();
        let formula = rest[body_at..]
            .find(close)
            .map(|end| &rest[body_at..body_at + end]);
        match formula {
            Some(tex)
                if looks_like_tex(tex.trim())
                    && !tex.contains('$')
                    && (fence == "$$" || !tex.contains('\n')) =>
            {
                found = true;
                out.push_str(&rest[..at]);
                out.push_str(fence);
                out.push_str(tex.trim());
                out.push_str(fence);
                rest = &rest[body_at + tex.len() + close.len()..];
            }
            _ => {
                out.push_str(&rest[..body_at]);
                rest = &rest[body_at..];
            }
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Whether bracketed text is a formula rather than words in escaped brackets (the way
/// markdown writes a literal `[title]`): a command, a script or a brace, or one letter.
fn looks_like_tex(tex: &str) -> bool {
    tex.contains(['\\', '^', '_', '{'])
        || tex.chars().count() == 1 && tex.chars().all(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    // The later tests go through the markdown renderer, as digests meet these commands.
    use crate::content::markup::block;

    fn html(text: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, events(text).unwrap_or_default().into_iter());
        out
    }

    #[test]
    fn bracketed_formulas_become_dollar_formulas() {
        assert_eq!(
            dollar_math(r"Skill-\(\alpha\) and \( x^2 \) with \[\sum_i x_i\] end").as_deref(),
            Some(r"Skill-$\alpha$ and $x^2$ with $$\sum_i x_i$$ end")
        );
        assert_eq!(dollar_math(r"a \(b$ \) c \( \) d \(e"), None);
        // Escaped brackets around words are markdown's, not a formula's.
        assert_eq!(dollar_math(r"a \[title\] and \(see above\)"), None);
        assert_eq!(dollar_math(r"size \(n\)").as_deref(), Some("size $n$"));
        // Code keeps its backslashes: a regular expression, a fenced block.
        assert_eq!(dollar_math(r"match `\(\w+\)` here"), None);
        assert_eq!(
            dollar_math("```\n\\(x^2\\)\n```\nthen \\(y_1\\)").as_deref(),
            Some("```\n\\(x^2\\)\n```\nthen $y_1$")
        );
        assert_eq!(dollar_math("plain \\n text"), None);
    }

    #[test]
    fn text_commands_become_markup() {
        assert_eq!(
            html(r"the \textit{epistemic net} and \textbf{ViT}, \texttt{x<y} or \textsc{Mix}."),
            "the <em>epistemic net</em> and <strong>ViT</strong>, <code>x&lt;y</code> or Mix."
        );
        // Unknown commands, nested braces and empty arguments are left as written.
        assert!(events(r"a \foo{b} c").is_none());
        assert!(events(r"\textbf{a {b}} c").is_none());
        assert!(events(r"\emph{} c \textit{").is_none());
        assert!(events("no command").is_none());
        assert_eq!(
            html(r"\emph{x} \foo \textit{y}"),
            "<em>x</em> \\foo <em>y</em>"
        );
    }

    #[test]
    fn a_formula_quoted_as_code_is_mathematics_and_other_code_stays_code() {
        let m =
            block(r"a mode `$\mathrm{Long}$`, a box $\boxed{42}$, code `$HOME` and `$\nosuch{x}$`");
        assert_eq!(m.html.matches("<math>").count(), 2, "{}", m.html);
        assert!(
            !m.html.contains("boxed") && m.html.contains("<mn>42</mn>"),
            "{}",
            m.html
        );
        assert!(m.html.contains("<code>$HOME</code>"), "{}", m.html);
        assert!(m.html.contains(r"<code>$\nosuch{x}$</code>"), "{}", m.html);
        assert!(m.math_errors.is_empty(), "{:?}", m.math_errors);
    }

    #[test]
    fn latex_text_commands_in_a_code_block_stay_code() {
        let m = block("Cite it:\n\n```\n@article{x, title={A \\textbf{Bold} Idea}}\n```");
        assert!(
            m.html.contains(r"title={A \textbf{Bold} Idea}}"),
            "{}",
            m.html
        );
        assert!(!m.html.contains("<strong>"), "{}", m.html);
    }

    #[test]
    fn latex_text_commands_in_prose_are_emphasis() {
        let m = block(
            r"We introduce the \textit{epistemic neural network} (ENN) and a \textbf{new} $\textbf{x}$ model.",
        );
        assert!(
            m.html.starts_with("<p>We introduce the <em>epistemic neural network</em> (ENN) and a <strong>new</strong> <math>"),
            "{}",
            m.html
        );
        assert!(
            m.text.contains("the epistemic neural network (ENN)"),
            "{}",
            m.text
        );
    }
}
