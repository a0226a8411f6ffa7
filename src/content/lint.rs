//! Domain lint: what summarising bots typically get wrong, reported as warnings.
//!
//! LLM preambles ("Here's a summary of the paper following your guidelines:") are the one
//! repair that is safe to make automatically, so they are stripped unless
//! `strip_preambles = false`; the rest only warns.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::ParseOptions;
use crate::diagnostic::{Diagnostic, Diagnostics};

static PREAMBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:sure|certainly|okay|ok|absolutely)[!,.]\s*)?(?:here(?:'s|’s| is| are)\b[^\n.:]{0,160}?\b(?:summary|summarization|overview|breakdown|analysis)\b[^\n:]{0,160}?[:.]|[^\n.:]{0,160}?\bfollowing (?:your|the) (?:guidelines|instructions)\b[^\n.:]{0,80}?[:.])\s*",
    )
    .expect("static regex")
});

static FOLLOW_UP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bfollow[- ]up questions\b").expect("static regex"));

static BOT_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:librarian bot|this is an automated message|i am a bot|beep boop)\b")
        .expect("static regex")
});

/// Checks a summary's markdown source and returns the text to render: the same, or
/// without its LLM preamble when `opts.strip_preambles` is set.
pub fn summary_source(
    path: &Path,
    line: usize,
    src: &str,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> String {
    let mut out = src.to_string();
    // A preamble is at the start and under 400 bytes long (the pattern's bounds); the
    // regex engine would otherwise walk the whole summary.
    // (`str::floor_char_boundary` needs Rust 1.91; the crate supports 1.88.)
    let mut head = src.len().min(512);
    while !src.is_char_boundary(head) {
        head -= 1;
    }
    if let Some(m) = PREAMBLE.find(&src[..head]) {
        let preamble = m.as_str().trim();
        let shown: String = preamble.chars().take(60).collect();
        let ellipsis = if shown.len() < preamble.len() {
            "…"
        } else {
            ""
        };
        if opts.strip_preambles {
            out = src[m.end()..].to_string();
            diags.push(Diagnostic::warning(
                path,
                line,
                format!(
                    "summary starts with an LLM preamble (`{shown}{ellipsis}`); it was removed"
                ),
            ));
        } else {
            diags.push(Diagnostic::warning(
                path,
                line,
                format!("summary starts with an LLM preamble (`{shown}{ellipsis}`); `strip_preambles = true` removes it"),
            ));
        }
    }
    if FOLLOW_UP.is_match(src) {
        diags.push(Diagnostic::warning(
            path,
            line,
            "summary contains the chatbot's \"Follow-up questions\"; delete them from the digest",
        ));
    }
    if let Some(m) = BOT_COMMENT.find(src) {
        diags.push(Diagnostic::warning(
            path,
            line,
            format!(
                "summary looks like a scraped comment (`{}`), not a summary of the paper",
                m.as_str()
            ),
        ));
    }
    out
}

/// An author list made only of usernames (`xxwu, hanyang-21`) names nobody.
pub fn authors(path: &Path, line: usize, authors: &[String], diags: &mut Diagnostics) {
    let is_handle = |a: &String| {
        !a.contains(' ')
            && a.bytes()
                .any(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && a.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    };
    if !authors.is_empty() && authors.iter().all(is_handle) {
        diags.push(Diagnostic::warning(
            path,
            line,
            format!(
                "author list holds only usernames ({}); the paper's authors are missing",
                authors.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str, strip: bool) -> (String, Diagnostics) {
        let mut d = Diagnostics::default();
        let opts = ParseOptions {
            strip_preambles: strip,
        };
        let out = summary_source(Path::new("a.md"), 3, src, &opts, &mut d);
        (out, d)
    }

    #[test]
    fn preambles_are_stripped_and_reported() {
        for src in [
            "Here's a summary of the paper following your guidelines: The paper studies X.",
            "Here is a concise summary of the AI research paper: The paper studies X.",
            "Sure! Here's a breakdown of the paper. The paper studies X.",
            "Okay, here is a summary following the instructions: The paper studies X.",
        ] {
            let (out, d) = run(src, true);
            assert_eq!(out, "The paper studies X.", "{src}");
            assert_eq!(d.warning_count(), 1);
            assert_eq!(d.items[0].line, 3);
            let (kept, d) = run(src, false);
            assert_eq!(kept, src);
            assert_eq!(d.warning_count(), 1);
        }
    }

    #[test]
    fn ordinary_summaries_pass() {
        for src in [
            "This paper presents WebSailor, a post-training methodology.",
            "The primary result shows a 12% gain. Here is the key: scale.",
            "We summarize prior work on agents: they fail.",
        ] {
            let (out, d) = run(src, true);
            assert_eq!(out, src);
            assert!(d.is_empty(), "{src}: {d}");
        }
    }

    #[test]
    fn follow_ups_and_bot_comments_warn() {
        let (_, d) = run("Good summary. **Follow-up questions:** 1. Why?", true);
        assert_eq!(d.warning_count(), 1);
        let (_, d) = run("This is an automated message from the Librarian Bot.", true);
        assert_eq!(d.warning_count(), 1);
    }

    #[test]
    fn handle_only_authors() {
        let mut d = Diagnostics::default();
        authors(
            Path::new("a"),
            1,
            &["xxwu".into(), "hanyang-21".into()],
            &mut d,
        );
        authors(Path::new("a"), 2, &["Ken Tsui".into()], &mut d);
        authors(
            Path::new("a"),
            3,
            &["Liwen Zhang".into(), "xxwu".into()],
            &mut d,
        );
        assert_eq!(d.items.len(), 1);
        assert_eq!(d.items[0].line, 1);
    }
}
