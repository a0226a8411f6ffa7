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
    mathml: Vec<String>,
    /// The TeX as written (with its dollars), for the plain text.
    sources: Vec<String>,
    errors: Vec<String>,
}

impl Formulas {
    pub fn new(src: &str) -> Self {
        Formulas {
            enabled: !src.contains([OPEN, CLOSE]),
            mathml: Vec::new(),
            sources: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The text that stands for a formula in the events: a placeholder for its MathML,
    /// or `source` (as written, dollars and all) when it cannot be converted.
    pub fn add<'s>(&mut self, tex: &str, source: &'s str, display: bool) -> CowStr<'s> {
        if !self.enabled {
            return source.into();
        }
        let mode = if display {
            MathDisplay::Block
        } else {
            MathDisplay::Inline
        };
        let converted = CONVERTER
            .as_ref()
            .and_then(|c| c.convert_with_local_state(tex.trim(), mode).ok())
            .and_then(|r| plain_mathml(&r.mathml));
        match converted {
            Some(mathml) => {
                let k = self.mathml.len();
                self.mathml.push(mathml);
                self.sources.push(source.to_string());
                format!("{OPEN}{k}{CLOSE}").into()
            }
            None => {
                self.errors.push(source.to_string());
                source.into()
            }
        }
    }

    /// `html` with each placeholder replaced by its MathML, and `text` by its source.
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
        let mut f = Formulas::new("");
        assert_eq!(
            &*f.add(r"\href{javascript:alert(1)}{x}", "$…$", false),
            "$…$"
        );
        assert_eq!(f.into_errors(), vec!["$…$".to_string()]);
    }

    #[test]
    fn a_source_holding_a_placeholder_character_keeps_its_tex() {
        let mut f = Formulas::new("\u{E000}0\u{E001} $x$");
        assert_eq!(&*f.add("x", "$x$", false), "$x$");
        assert!(f.into_errors().is_empty());
    }
}
