//! Domain lint: what summarising bots typically get wrong, reported as warnings.
//!
//! Two repairs are safe to make automatically, because what they remove is the chatbot
//! talking to its user rather than the summary: an LLM preamble at the start ("Here's a
//! summary of the paper following your guidelines:") and a trailing list of
//! "Follow-up questions:". Both are removed from pages, feeds and the export unless
//! `strip_preambles = false` / `strip_follow_ups = false`; the rest only warns.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::ParseOptions;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

static PREAMBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:sure|certainly|okay|ok|absolutely)[!,.]\s*)?(?:here(?:'s|’s| is| are)\b[^\n.:]{0,160}?\b(?:summary|summarization|overview|breakdown|analysis)\b[^\n:]{0,160}?[:.]|[^\n.:]{0,160}?\bfollowing (?:your|the) (?:guidelines|instructions)\b[^\n.:]{0,80}?[:.])\s*",
    )
    .expect("static regex")
});

/// A "Follow-up questions" label: with its colon, so that prose that merely mentions
/// follow-up questions ("followed by biased follow-up questions, and …") is left alone.
static FOLLOW_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\*\*|__)?\bfollow[- ]up questions\b(?:\s*(?:\*\*|__))?\s*:")
        .expect("static regex")
});

static BOT_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:librarian bot|this is an automated message|i am a bot|beep boop)\b")
        .expect("static regex")
});

/// Checks a summary's markdown source and returns the text to render: the same, or
/// without its LLM preamble when `opts.strip_preambles` is set.
pub fn summary_source<'a>(
    path: &Path,
    line: usize,
    src: &'a str,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Cow<'a, str> {
    lint_summary(path, line, src, opts, diags, true)
}

/// [`summary_source`]; with `prechecks` false, every regex runs on every summary (what
/// the tests hold the cheap pre-checks to).
fn lint_summary<'a>(
    path: &Path,
    line: usize,
    src: &'a str,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
    prechecks: bool,
) -> Cow<'a, str> {
    let mut out = Cow::Borrowed(src);
    // A preamble is at the start and under 400 bytes long (the pattern's bounds); the
    // regex engine would otherwise walk the whole summary.
    let head = src.get(..src.floor_char_boundary(512)).unwrap_or("");
    let lower = if prechecks {
        src.to_ascii_lowercase()
    } else {
        String::new()
    };
    let lower = lower.as_bytes();
    let lower_head = lower.get(..head.len()).unwrap_or(lower);
    let may = |hint: bool| !prechecks || hint;
    if let Some(m) = may(may_have_preamble(head, names_guideline(lower_head)))
        .then(|| PREAMBLE.find(head))
        .flatten()
    {
        let preamble = m.as_str().trim();
        let shown: String = preamble.chars().take(60).collect();
        let ellipsis = if shown.len() < preamble.len() {
            "…"
        } else {
            ""
        };
        if opts.strip_preambles {
            out = Cow::Borrowed(src.get(m.end()..).unwrap_or(""));
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "summary starts with an LLM preamble (`{shown}{ellipsis}`); it was removed"
                    ),
                )
                .kind(Kind::LlmPreamble),
            );
        } else {
            diags.push(Diagnostic::warning(
                path,
                line,
                format!("summary starts with an LLM preamble (`{shown}{ellipsis}`); `strip_preambles = true` removes it"),
            ).kind(Kind::LlmPreamble));
        }
    }
    if let Some(m) = may(HINTS.follow_up.find(lower).is_some())
        .then(|| FOLLOW_UP.find(&out))
        .flatten()
    {
        let message = if opts.strip_follow_ups {
            "summary ends with a chatbot's \"Follow-up questions\"; they were removed"
        } else {
            "summary ends with a chatbot's \"Follow-up questions\"; `strip_follow_ups = true` removes them"
        };
        let start = m.start();
        if opts.strip_follow_ups {
            out = match out {
                Cow::Borrowed(s) => Cow::Borrowed(s.get(..start).unwrap_or(s).trim_end()),
                Cow::Owned(s) => Cow::Owned(s.get(..start).unwrap_or(&s).trim_end().to_string()),
            };
        }
        diags.push(Diagnostic::warning(path, line, message).kind(Kind::FollowUpQuestions));
    }
    if let Some(m) = may(holds_any(lower, &HINTS.bot_comment))
        .then(|| BOT_COMMENT.find(src))
        .flatten()
    {
        diags.push(
            Diagnostic::warning(
                path,
                line,
                format!(
                    "summary looks like a scraped comment (`{}`), not a summary of the paper",
                    m.as_str()
                ),
            )
            .kind(Kind::ScrapedComment),
        );
    }
    out
}

// Cheap pre-checks. The regexes above are case-insensitive in Unicode's sense and
// costly to run: one had no literal to search for, so the regex engine walked every
// byte of every summary, and `PREAMBLE`'s bounded repeats are slow wherever it runs.
// Every match holds one of the pieces below, which memchr's literal search finds fast in
// the summary's ASCII lower case; most summaries hold none, and then no regex runs. Under `(?i)`
// the only non-ASCII characters that match an ASCII letter are U+017F (long s, for `s`)
// and U+212A (Kelvin sign, for `k`), so no piece has an `s` or a `k`.

/// Literal pieces of the lint patterns, in lower case.
struct Hints {
    /// `following `, which every match of `PREAMBLE`'s "following your guidelines"
    /// holds before one of [`GUIDELINE_ENDS`].
    following: Finder<'static>,
    /// In every match of `FOLLOW_UP`.
    follow_up: Finder<'static>,
    /// One of these is in every match of `BOT_COMMENT`.
    bot_comment: [Finder<'static>; 4],
}

static HINTS: LazyLock<Hints> = LazyLock::new(|| Hints {
    following: Finder::new("following "),
    follow_up: Finder::new("up que"),
    bot_comment: [
        Finder::new("librarian bot"),
        Finder::new("automated me"),
        Finder::new("i am a bot"),
        Finder::new("beep boop"),
    ],
});

/// What follows `following ` in every match of `PREAMBLE`'s "following your guidelines".
const GUIDELINE_ENDS: [&[u8]; 4] = [b"your guideline", b"the guideline", b"your in", b"the in"];

/// Whether the lower-case head of a summary holds `following ` and one of
/// [`GUIDELINE_ENDS`]: one search where one for each whole piece took four.
fn names_guideline(lower_head: &[u8]) -> bool {
    HINTS.following.find_iter(lower_head).any(|at| {
        let rest = &lower_head[at + b"following ".len()..];
        GUIDELINE_ENDS.iter().any(|end| rest.starts_with(end))
    })
}

/// Whether `text` holds one of `pieces`.
fn holds_any(text: &[u8], pieces: &[Finder<'static>]) -> bool {
    pieces.iter().any(|piece| piece.find(text).is_some())
}

/// Words a preamble can start with (after whitespace); `ok` covers `okay`.
const PREAMBLE_OPENERS: [&str; 5] = ["here", "sure", "certainly", "ok", "absolutely"];

/// False only when `PREAMBLE` cannot match `head`: a match names a guideline
/// (`guideline`: "following your guidelines" is in the head) or starts, after
/// whitespace, with one of `PREAMBLE_OPENERS`. Under `(?i)` an opener's `s` can be
/// U+017F and its `k` U+212A; any other non-ASCII character opens no preamble, so a
/// summary in Chinese is decided here and not by the regex engine, which would fall
/// back to its slowest search on a non-ASCII head.
fn may_have_preamble(head: &str, guideline: bool) -> bool {
    if guideline {
        return true;
    }
    let mut opening = [0u8; 12];
    let mut len = 0;
    for c in head.trim_start().chars().take(opening.len()) {
        opening[len] = match c {
            '\u{17F}' => b's',
            '\u{212A}' => b'k',
            c if c.is_ascii() => c as u8,
            // No opener has this character: the opening ends before it.
            _ => break,
        };
        len += 1;
    }
    let opening = &opening[..len];
    PREAMBLE_OPENERS.iter().any(|word| {
        opening
            .get(..word.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(word.as_bytes()))
    })
}

static BOT_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\bapi (?:quota|rate limit|key)\b[^\n]{0,40}?\b(?:exceeded|reached|invalid|error)\b|\bquota exceeded\b|\brate limit(?:ed| exceeded| reached)\b|\b(?:error|failed|failure) (?:generating|to generate|while generating|in generating)\b|\bsummary (?:generation )?(?:failed|unavailable|not available)\b|\binsufficient_quota\b|\btoo many requests\b|\binternal server error\b|\brequest timed out\b|\bno (?:llm |openai |api )*key configured\b|\bshowing abstract only\b|\bai\s*分析失败|达到\s*api\s*配额|api\s*配额|配额(?:已)?(?:用尽|不足|超限)|生成失败|摘要生成失败|无法生成|请求失败|调用失败|额度不足)",
    )
    .expect("static regex")
});

/// What a bot wrote instead of a summary when its model call failed ("API quota
/// exceeded", "达到API配额限制"): the matched words, when a short text is one.
pub fn bot_error(text: &str) -> Option<String> {
    // A long summary that mentions rate limits is about them, not an error.
    // Four bytes at most to a character: the length decides without counting, unless
    // it is between 240 and 960 bytes.
    // ASCII text (most) has as many characters as bytes: not counted.
    if text.len() > 4 * 240 || text.len() > 240 && (text.is_ascii() || text.chars().count() > 240) {
        return None;
    }
    // Most fields hold none of the words every match holds: a look for them costs less
    // than the expression (and than compiling it, on a site where no field calls for it).
    if !super::bot_words::may_hold_one(text) {
        return None;
    }
    let m = BOT_ERROR.find(text)?;
    // Words deep inside a text that goes on well past them are the text's subject
    // (`…解决了“模型随意生成文字导致工具调用失败”的老问题`, `当用户的配额已用尽、…时自动降级`):
    // a bot's failure stands at the start of what it wrote instead.
    if text[..m.start()].chars().count() > 20 && text.chars().count() > 40 {
        return None;
    }
    // Listed beside other conditions (`当用户的配额已用尽、系统负载超过阈值…`), they are
    // one case of several that the text describes.
    if text[m.end()..].starts_with(['、', '或', '和']) {
        return None;
    }
    // "Cannot generate" and "generation failed" are words of prose too (`模型仍无法生成
    // 正确答案`, `现有模型无法生成大规模世界`): they are the bot's own failure only alone
    // or beside the name of what it failed to write (`无法生成摘要`, `摘要生成失败`).
    if matches!(m.as_str(), "无法生成" | "生成失败")
        && text.chars().count() > 12
        && !["摘要", "总结"]
            .iter()
            .any(|what| text[m.end()..].starts_with(what))
    {
        return None;
    }
    Some(m.as_str().to_string())
}

/// Whether a field's whole text only says the paper did not report it: the filler a
/// bot's prompt makes it write for a field it must fill ("原文未明确报告。", "N/A", "Not
/// mentioned"). Such a field is no text: a list would lead with it and a feed carry it.
pub fn says_nothing(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '。', '!', '！', ';', '；', ' '])
        .trim();
    // At most four bytes a character: a longer text is decided without counting.
    if t.len() > 4 * 24 || t.len() > 24 && t.chars().count() > 24 {
        return false;
    }
    const CJK: [&str; 6] = ["未明确报告", "未报告", "未提及", "未说明", "未给出", "暂无"];
    if CJK.iter().any(|p| t.contains(p)) {
        return true;
    }
    matches!(
        t.to_ascii_lowercase().as_str(),
        "n/a"
            | "na"
            | "none"
            | "無"
            | "无"
            | "not reported"
            | "not clearly reported"
            | "not mentioned"
            | "not specified"
            | "not stated"
            | "not provided"
            | "not available"
            | "no information"
            | "tbd"
    )
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
        diags.push(
            Diagnostic::warning(
                path,
                line,
                format!(
                    "author list holds only usernames ({}); the paper's authors are missing",
                    authors.join(", ")
                ),
            )
            .kind(Kind::UsernameAuthors),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One search for `following ` finds what a search for each whole piece found.
    #[test]
    fn guideline_pieces_after_following() {
        for (head, holds) in [
            ("here is a summary following your guidelines:", true),
            ("following the guideline", true),
            ("a following your instructions.", true),
            ("following the in", true),
            ("following following the instructions", true),
            ("following your lead", false),
            ("following  your guidelines", false),
            ("followingthe guideline", false),
            ("", false),
        ] {
            assert_eq!(names_guideline(head.as_bytes()), holds, "{head}");
        }
    }

    #[test]
    fn bot_error_words_are_in_every_match() {
        // Only two characters beyond ASCII match an ASCII letter when case is ignored.
        let letter = Regex::new("(?i)^[a-z]$").expect("regex");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if letter.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(
                    c.is_ascii_alphabetic() || c == '\u{17F}' || c == '\u{212A}',
                    "{c}"
                );
            }
        }
        for t in [
            "API quota exceeded",
            "api key is invalid: error",
            "Quota Exceeded",
            "Rate limited",
            "Error generating summary",
            "failed to generate",
            "Summary generation failed",
            "insufficient_quota",
            "Too Many Requests",
            "Internal Server Error",
            "Request timed out",
            "(No LLM key configured — showing abstract only.)",
            "No API key configured",
            "达到API配额限制",
            "错误：AI分析失败。",
            "配额已用尽",
            "摘要生成失败",
            "无法生成",
            "请求失败",
            "调用失败",
            "额度不足",
            "\u{17F}ummary failed",
        ] {
            assert!(bot_error(t).is_some(), "{t}");
            assert!(super::super::bot_words::may_hold_one(t), "{t}");
        }
        assert!(!super::super::bot_words::may_hold_one(
            "We propose a method for graphs."
        ));
        // In a sentence about a model, failing to generate is the paper's subject.
        assert_eq!(
            bot_error(
                "结果表明，有些知识隐藏得如此之深，以至于模型在内部完全知道答案，却在重复采样一千次后仍无法生成它。"
            ),
            None
        );
        assert_eq!(bot_error("我们分析失败案例以改进模型。"), None);
        // Prose about failures, the words deep inside a long sentence.
        assert_eq!(
            bot_error(
                "通过在训练阶段强制模型输出结构化的标记，解决了“模型随意生成文字导致工具调用失败”的老问题，格式错误率大幅降低。"
            ),
            None
        );
        assert_eq!(
            bot_error(
                "降级策略：当用户的配额已用尽、系统负载超过阈值或路由器判断当前请求不值得消耗高成本模型时，自动切换到小模型。"
            ),
            None
        );
        assert_eq!(
            bot_error("解决现有3D生成模型无法生成大规模世界的问题"),
            None
        );
        assert!(bot_error("抱歉，由于服务繁忙，本篇论文暂时无法生成摘要，请稍后在页面上刷新重试。谢谢您的耐心等待！").is_some());
        assert!(bot_error("生成失败。").is_some());
    }

    #[test]
    fn fillers_say_nothing() {
        for t in [
            "原文未明确报告。",
            "原文节选未明确报告",
            " N/A ",
            "Not mentioned.",
            "暂无",
            "无",
        ] {
            assert!(says_nothing(t), "{t}");
        }
        for t in [
            "A study of agents.",
            "None of the models finishes the tasks.",
            "原文未明确报告的数据集被作者补充收集，并在三项任务上评测了十个模型的表现。",
            "",
        ] {
            assert!(!says_nothing(t), "{t}");
        }
    }
    use proptest::prelude::*;

    /// `summary_source` as it was: every regex on every summary.
    fn summary_source_reference(
        path: &Path,
        line: usize,
        src: &str,
        opts: &ParseOptions,
        diags: &mut Diagnostics,
    ) -> String {
        lint_summary(path, line, src, opts, diags, false).into_owned()
    }

    /// The hints rely on this: `(?i)` lets no non-ASCII character match an ASCII
    /// letter except U+017F (long s) and U+212A (Kelvin sign).
    #[test]
    fn only_s_and_k_have_non_ascii_case_variants() {
        let letter = Regex::new("(?i)^[a-z]$").unwrap();
        let mut buf = [0; 4];
        let odd: Vec<char> = (0x80..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| letter.is_match(c.encode_utf8(&mut buf)))
            .collect();
        assert_eq!(odd, ['\u{17F}', '\u{212A}']);
    }

    /// Summaries made of the lint patterns' words in any case, with the odd letters
    /// that match them, so that hints and regexes both fire.
    fn lintish() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "here's",
            "Here’s",
            "here is",
            "are",
            "summary",
            "overview",
            "of the paper",
            "following",
            "your",
            "the",
            "guidelines",
            "instructions",
            "Sure",
            "ok",
            "okay",
            "Certainly",
            "absolutely",
            "follow-up",
            "follow up",
            "questions",
            "queſtions",
            "librarian bot",
            "this is an automated message",
            "this iſ an automated meſſage",
            "i am a bot",
            "beep boop",
            "Beep Boop",
            "FOLLOW",
            "ſure",
            "o\u{212A}",
            "OKAY",
            "摘要：",
            "这是一份总结",
            "\u{3000}",
            "paper",
            "x",
        ]);
        let piece = prop_oneof![
            4 => word.prop_map(str::to_string),
            2 => Just(" ".to_string()),
            1 => "[.:!,\n\t]",
            1 => "[a-z]{1,5}",
        ];
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn summary_source_agrees_with_reference(src in lintish(), strip in any::<bool>()) {
            let opts = ParseOptions { strip_preambles: strip, strip_follow_ups: strip };
            let (mut fast, mut slow) = (Diagnostics::default(), Diagnostics::default());
            let path = Path::new("a.md");
            let out = summary_source(path, 3, &src, &opts, &mut fast);
            prop_assert_eq!(out.as_ref(), summary_source_reference(path, 3, &src, &opts, &mut slow));
            prop_assert_eq!(fast, slow);
        }
    }

    /// The openers' look-alike letters and a Chinese opening, which the pre-check
    /// decides without the regex: the same result as running it.
    #[test]
    fn preamble_precheck_agrees_on_look_alike_and_cjk_openings() {
        let opts = ParseOptions {
            strip_preambles: true,
            strip_follow_ups: true,
        };
        for (src, stripped) in [
            ("\u{17F}ure! Here's a summary of the work: It works.", true),
            (
                "O\u{212A}, here is an overview of the paper: It works.",
                true,
            ),
            ("\u{3000}Here is a summary of it: It works.", true),
            ("摘要：Here's a summary of the work: It works.", false),
            ("这是一份总结。Here's a summary: It works.", false),
        ] {
            let (mut fast, mut slow) = (Diagnostics::default(), Diagnostics::default());
            let path = Path::new("a.md");
            let out = summary_source(path, 3, src, &opts, &mut fast);
            let reference = summary_source_reference(path, 3, src, &opts, &mut slow);
            assert_eq!(out.as_ref(), reference.as_str(), "{src}");
            assert_eq!(fast, slow, "{src}");
            assert_eq!(out.as_ref() != src, stripped, "{src}");
        }
    }

    fn run(src: &str, strip: bool) -> (String, Diagnostics) {
        let mut d = Diagnostics::default();
        let opts = ParseOptions {
            strip_preambles: strip,
            strip_follow_ups: strip,
        };
        let out = summary_source(Path::new("a.md"), 3, src, &opts, &mut d);
        (out.into_owned(), d)
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
    fn follow_ups_are_removed_and_bot_comments_warn() {
        for src in [
            "Good summary. **Follow-up questions:** 1. Why? 2. How?",
            "Good summary.  Follow-up Questions:  1.  Why?",
            "Good summary. **Follow-up questions**: - Why?",
        ] {
            let (out, d) = run(src, true);
            assert_eq!(out, "Good summary.", "{src}");
            assert_eq!(d.warning_count(), 1);
            assert_eq!(d.items[0].kind, Kind::FollowUpQuestions);
            let (kept, d) = run(src, false);
            assert_eq!(kept, src);
            assert_eq!(d.warning_count(), 1);
        }
        // Prose that mentions follow-up questions is a summary, not a chatbot's list.
        let prose = "Models face biased follow-up questions, and we evaluate 11 of them.";
        let (out, d) = run(prose, true);
        assert_eq!(out, prose);
        assert!(d.is_empty(), "{d}");
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
