//! Mathematics in digests, published as MathML.
//!
//! Summaries of papers carry TeX (`$\textbf{Only-IF}$`, `L$^2$M`, `$\mathcal{O}(n)$`);
//! shown as source it reads as noise. pulldown-cmark finds the formulas and math-core
//! turns each into MathML Core, which current browsers draw without JavaScript or web
//! fonts, so pages stay static and light.
//!
//! The sanitiser never sees that MathML (allowing MathML through an HTML sanitiser is
//! where mutation XSS lives): a formula stands in the markdown events as a placeholder
//! of two private-use characters around its number, and its MathML replaces the
//! placeholder once the HTML around it has been made safe. A summary that already holds
//! one of those characters keeps its TeX as source. What math-core cannot convert (an
//! unknown command, an unbalanced brace) stays as the source the bot wrote, and is
//! reported by the caller.

use std::sync::LazyLock;

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};
use pulldown_cmark::CowStr;

/// Opens a placeholder.
const OPEN: char = '\u{E000}';
/// Closes a placeholder.
const CLOSE: char = '\u{E001}';

/// One converter for the process: its configuration is fixed and conversion takes
/// `&self`. `None` only if math-core refused its own defaults.
static CONVERTER: LazyLock<Option<LatexToMathML>> =
    LazyLock::new(|| LatexToMathML::new(MathCoreConfig::default()).ok());

/// The formulas of one piece of markdown, in the order they were met.
pub struct Formulas {
    /// False when the source itself holds a placeholder character.
    enabled: bool,
    /// Whether only the text is wanted ([`Formulas::for_text`]).
    text_only: bool,
    mathml: Vec<String>,
    /// The TeX as written (with its dollars), for the plain text.
    sources: Vec<String>,
    errors: Vec<String>,
}

impl Formulas {
    pub fn new(src: &str) -> Self {
        Formulas {
            enabled: !src.contains([OPEN, CLOSE]),
            text_only: false,
            mathml: Vec::new(),
            sources: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Formulas of markdown read for its text alone: [`Formulas::add`] gives the source,
    /// the text of a formula whether or not it converts, without converting it.
    pub fn for_text(src: &str) -> Self {
        Formulas {
            text_only: true,
            ..Formulas::new(src)
        }
    }

    /// The text that stands for a formula in the events: a placeholder for its MathML,
    /// or `source` (as written, dollars and all) when it cannot be converted.
    pub fn add<'s>(&mut self, tex: &str, source: &'s str, display: bool) -> CowStr<'s> {
        if !self.enabled || self.text_only {
            return source.into();
        }
        match mathml(tex, display) {
            Some(mathml) => self.push(mathml, source),
            None => {
                self.errors.push(source.to_string());
                source.into()
            }
        }
    }

    /// As [`Formulas::add`], for TeX that may not be a formula at all (a code span
    /// holding `$…$`): `None`, and nothing reported, when it does not convert.
    pub fn try_add<'s>(&mut self, tex: &str, source: &'s str, display: bool) -> Option<CowStr<'s>> {
        if !self.enabled {
            return Some(source.into());
        }
        let mathml = mathml(tex, display)?;
        Some(self.push(mathml, source))
    }

    /// Keeps a converted formula; its placeholder.
    fn push<'s>(&mut self, mathml: String, source: &str) -> CowStr<'s> {
        let k = self.mathml.len();
        self.mathml.push(mathml);
        self.sources.push(source.to_string());
        format!("{OPEN}{k}{CLOSE}").into()
    }

    /// `html` with each placeholder replaced by its MathML, and `text` by its source:
    /// text is what a paper's title and fields are kept as (the export, the search
    /// index and feeds read it through [`super::title_math::math_as_text`]).
    pub fn substitute(&self, html: String, text: String) -> (String, String) {
        if self.mathml.is_empty() {
            return (html, text);
        }
        (replace(&html, &self.mathml), replace(&text, &self.sources))
    }

    /// The formulas shown as source because they could not be converted.
    pub fn into_errors(self) -> Vec<String> {
        self.errors
    }
}

/// MathML as the site publishes it: no links (`\href` would carry a digest's URL past
/// the sanitiser; such a formula stays source) and no `style` or `class` attributes
/// (sizes and spacing tweaks, and class names of a stylesheet the site does not ship).
/// math-core writes every attribute value in double quotes without one inside.
/// The MathML of `tex` (repaired if it fails as written), or `None` when it cannot be
/// converted.
pub fn mathml(tex: &str, display: bool) -> Option<String> {
    let mode = if display {
        MathDisplay::Block
    } else {
        MathDisplay::Inline
    };
    let convert = |tex: &str| {
        CONVERTER
            .as_ref()
            .and_then(|c| c.convert_with_local_state(tex.trim(), mode).ok())
            .and_then(|r| plain_mathml(&r.mathml))
    };
    convert(tex).or_else(|| convert(&repaired(tex)?))
}

fn plain_mathml(mathml: &str) -> Option<String> {
    if mathml.contains("<a ") || mathml.contains("href") {
        return None;
    }
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(at) = [" style=\"", " class=\""]
        .iter()
        .filter_map(|attr| rest.find(attr))
        .min()
    {
        out.push_str(&rest[..at]);
        // Past the attribute's name and opening quote, then past its closing quote.
        let value = &rest[at + 8..];
        let end = value.find('"')?;
        rest = &value[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// `tex` with what bots and markdown do to TeX undone, and commands the converter lacks
/// replaced by near equivalents; `None` when nothing changed. Tried only on a formula
/// that failed as written: an unescaped `%` (a comment to TeX, a percent sign to the
/// bot), `\_` (markdown's escape), `\dotsc` and kin, `\mbox`, `\widetilde`,
/// `\unicode{x2013}`, size commands, `\smash` and `\boxed` (dropped: a boxed answer
/// shows unboxed), `\href{url}{text}` (the text).
fn repaired(tex: &str) -> Option<String> {
    let mut out = String::with_capacity(tex.len() + 8);
    let mut rest = tex;
    while let Some(c) = rest.chars().next() {
        if c == '%' {
            out.push_str("\\%");
            rest = &rest[1..];
            continue;
        }
        if c != '\\' {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        if name_len == 0 {
            // `\_` is markdown's; `\%`, `\{`, `\\` and the like stay.
            match rest[1..].chars().next() {
                Some('_') => out.push('_'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
            rest = &rest[1 + rest[1..].chars().next().map_or(0, char::len_utf8)..];
            continue;
        }
        let name = &rest[1..1 + name_len];
        let after = &rest[1 + name_len..];
        rest = after;
        match name {
            "dotsc" | "dotsb" | "dotsm" | "dotso" | "dotsi" => out.push_str("\\dots"),
            "mbox" | "textnormal" => out.push_str("\\text"),
            "widetilde" => out.push_str("\\tilde"),
            "widehat" => out.push_str("\\hat"),
            "smash" | "tiny" | "scriptsize" | "footnotesize" | "small" | "normalsize" | "large"
            | "Large" | "LARGE" | "huge" | "Huge" | "displaystyle" | "boxed" | "fbox" => {}
            "unicode" => {
                let arg = braced(after);
                let ch = arg
                    .and_then(|(a, _)| a.trim().strip_prefix(['x', 'X']))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32);
                match (ch, arg) {
                    (Some(ch), Some((_, next))) => {
                        out.push_str("\\text{");
                        out.push(ch);
                        out.push('}');
                        rest = next;
                    }
                    _ => out.push_str("\\unicode"),
                }
            }
            "href" => match braced(after).and_then(|(_, next)| Some((next, braced(next)?))) {
                Some((_, (text, next))) => {
                    out.push_str("\\text{");
                    out.push_str(text);
                    out.push('}');
                    rest = next;
                }
                None => out.push_str("\\href"),
            },
            _ => {
                out.push('\\');
                out.push_str(name);
            }
        }
    }
    (out != tex).then_some(out)
}

/// The text of a `{…}` group at the start of `s` (after spaces) and what follows it;
/// nested braces are balanced.
fn braced(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start().strip_prefix('{')?;
    let mut depth = 1usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[..i], &s[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// `s` with every well-formed placeholder replaced by its entry of `by`.
fn replace(s: &str, by: &[String]) -> String {
    let mut out = String::with_capacity(s.len() + by.iter().map(String::len).sum::<usize>());
    let mut rest = s;
    while let Some(open) = rest.find(OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + OPEN.len_utf8()..];
        let found = after.find(CLOSE).and_then(|close| {
            let k: usize = after[..close].parse().ok()?;
            Some((by.get(k)?, close))
        });
        match found {
            Some((with, close)) => {
                out.push_str(with);
                rest = &after[close + CLOSE.len_utf8()..];
            }
            None => {
                out.push(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_in_order_and_malformed_ones_kept() {
        let by = vec!["<math>a</math>".to_string(), "<math>b</math>".to_string()];
        assert_eq!(
            replace("x \u{E000}1\u{E001} y \u{E000}0\u{E001}", &by),
            "x <math>b</math> y <math>a</math>"
        );
        assert_eq!(replace("\u{E000}9\u{E001}", &by), "\u{E000}9\u{E001}");
        assert_eq!(replace("\u{E000}", &by), "\u{E000}");
    }

    #[test]
    fn links_are_refused_and_style_and_class_dropped() {
        assert_eq!(
            plain_mathml(r#"<math><mtext><a href="javascript:x">x</a></mtext></math>"#),
            None
        );
        assert_eq!(
            plain_mathml(r#"<math><mspace style="margin-left:-0.1667em;"/><mtext style="font-size:80%"><span class="math-core-serif-font">x</span></mtext></math>"#)
                .as_deref(),
            Some("<math><mspace/><mtext><span>x</span></mtext></math>")
        );
        // `\href` gives its text, never a link.
        let mut f = Formulas::new("");
        let out = f
            .add(r"\href{javascript:alert(1)}{x}", "$…$", false)
            .to_string();
        let (html, _) = f.substitute(out, String::new());
        assert!(html.contains(">x<") && !html.contains("href"), "{html}");
    }

    #[test]
    fn what_bots_do_to_tex_is_undone_before_giving_up() {
        assert_eq!(
            repaired(r"\textbf{19.72%}").as_deref(),
            Some(r"\textbf{19.72\%}")
        );
        assert_eq!(repaired(r"\sigma\_T").as_deref(), Some(r"\sigma_T"));
        assert_eq!(repaired(r"a,\dotsc,b").as_deref(), Some(r"a,\dots,b"));
        assert_eq!(
            repaired(r"\smash{\tilde{O}(d)}").as_deref(),
            Some(r"{\tilde{O}(d)}")
        );
        assert_eq!(
            repaired(r"a\unicode{x2013}b").as_deref(),
            Some("a\\text{–}b")
        );
        assert_eq!(
            repaired(r"\href{https://x.org}{site}").as_deref(),
            Some(r"\text{site}")
        );
        assert_eq!(repaired(r"x^2 \% \{a\}"), None);
        // Each of these fails as written and converts once repaired.
        for tex in [
            r"\textbf{19.72%}",
            r"\tilde{O}(dH^2\bar\sigma\_T)",
            r"C_1\otimes\dotsc\otimes C_t",
            r"\smash{\tilde{O}(d\sqrt{T})}",
            r"\mathbb{E}\|\widetilde Y_k\|^2",
            r"a\unicode{x2013}b",
        ] {
            let mut f = Formulas::new("");
            let out = f.add(tex, "$…$", false);
            assert!(out.starts_with(OPEN), "{tex}: {out}");
            assert!(f.into_errors().is_empty(), "{tex}");
        }
    }

    #[test]
    fn a_source_holding_a_placeholder_character_keeps_its_tex() {
        let mut f = Formulas::new("\u{E000}0\u{E001} $x$");
        assert_eq!(&*f.add("x", "$x$", false), "$x$");
        assert!(f.into_errors().is_empty());
    }
}
