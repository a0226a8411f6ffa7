//! Bold that CommonMark leaves as asterisks in Chinese and Japanese text.
//!
//! CommonMark decides whether a `**` opens or closes by the characters beside it: a run
//! that follows punctuation closes only when whitespace or punctuation comes next.
//! Chinese puts no space between words, so in `**对比学习（contrastive learning）**有效`
//! the closing run follows `）` and precedes `有`, and both runs stay on the page as
//! asterisks. Summary bots write exactly that, often. The parser hands such runs over
//! as text; this pass reads a pair of them beside CJK text as the bold its writer
//! meant, which is what markdown-it's CJK-friendly extension does.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Stand-ins for a pair's runs while the parser reads the text: private-use
/// characters, which CommonMark reads as letters, so they change no other run's reading.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// `src` with each `**…**` pair that CommonMark would leave as asterisks beside CJK
/// text written with stand-ins, or `None` when it has none. Pairs are the `**` runs of
/// a line taken two by two, as a writer pairs them; lines with code spans are left as
/// they are, and so is a pair holding math, a link, a tag or another asterisk.
pub(super) fn mark_pairs(src: &str) -> Option<String> {
    if src.is_ascii() || !src.contains("**") || src.contains([OPEN, CLOSE]) {
        return None;
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        let runs = if line.contains('`') {
            Vec::new()
        } else {
            double_runs(line)
        };
        for pair in runs.chunks_exact(2) {
            let (open, close) = (pair[0], pair[1]);
            let (before, inner, after) =
                (&line[..open], &line[open + 2..close], &line[close + 2..]);
            if is_cjk_pair(before, inner, after)
                && !(can_open(before, inner) && can_close(inner, after))
            {
                out.push_str(&src[copied..line_start + open]);
                out.push(OPEN);
                out.push_str(inner);
                out.push(CLOSE);
                copied = line_start + close + 2;
            }
        }
        line_start += line.len();
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&src[copied..]);
    Some(out)
}

/// `events` with the stand-ins of [`mark_pairs`] as strong emphasis; in code and raw
/// HTML, where a line may still have held them, they are asterisks again.
pub(super) fn strong_events(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len() + 4);
    let mut in_code_block = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(ref text) if !in_code_block && text.contains([OPEN, CLOSE]) => {
                split_text(text, &mut out);
                continue;
            }
            Event::Text(ref t)
            | Event::Code(ref t)
            | Event::Html(ref t)
            | Event::InlineHtml(ref t)
                if t.contains([OPEN, CLOSE]) =>
            {
                let restored = CowStr::from(t.replace([OPEN, CLOSE], "**"));
                out.push(match event {
                    Event::Code(_) => Event::Code(restored),
                    Event::Html(_) => Event::Html(restored),
                    Event::InlineHtml(_) => Event::InlineHtml(restored),
                    _ => Event::Text(restored),
                });
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Pushes `text` as text events, each stand-in a start or end of strong emphasis.
fn split_text<'s>(text: &str, out: &mut Vec<Event<'s>>) {
    let mut rest = text;
    while let Some(at) = rest.find([OPEN, CLOSE]) {
        if at > 0 {
            out.push(Event::Text(CowStr::from(rest[..at].to_string())));
        }
        out.push(if rest[at..].starts_with(OPEN) {
            Event::Start(Tag::Strong)
        } else {
            Event::End(TagEnd::Strong)
        });
        rest = &rest[at + OPEN.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// Byte offsets of the runs of exactly two asterisks in `line`, not escaped.
fn double_runs(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'*' {
            i += 1;
        }
        if i - start == 2 && (start == 0 || bytes[start - 1] != b'\\') {
            runs.push(start);
        }
    }
    runs
}

/// Whether `**inner**` is bold that may need this pass: its text neither empty nor
/// edged with whitespace nor holding markup that could cross the pair, and CJK text on
/// one side of a run.
fn is_cjk_pair(before: &str, inner: &str, after: &str) -> bool {
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() || inner.contains(['*', '$', '[', ']', '<']) {
        return false;
    }
    let cjk = |c: Option<char>| c.is_some_and(super::words::is_spaceless_script);
    cjk(before.chars().next_back())
        || cjk(after.chars().next())
        || cjk(Some(first))
        || cjk(Some(last))
}

/// CommonMark's punctuation: ASCII punctuation and any other character that is no
/// letter, digit, space or control (CJK brackets and stops among them).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace()
}

/// Whether a `**` between `before` and `inner` is left-flanking, so may open.
fn can_open(before: &str, inner: &str) -> bool {
    let next = inner.chars().next();
    let prev = before.chars().next_back();
    next.is_some_and(|n| !n.is_whitespace())
        && (next.is_some_and(|n| !is_punctuation(n))
            || prev.is_none_or(|p| p.is_whitespace() || is_punctuation(p)))
}

/// Whether a `**` between `inner` and `after` is right-flanking, so may close.
fn can_close(inner: &str, after: &str) -> bool {
    let prev = inner.chars().next_back();
    let next = after.chars().next();
    prev.is_some_and(|p| !p.is_whitespace())
        && (prev.is_some_and(|p| !is_punctuation(p))
            || next.is_none_or(|n| n.is_whitespace() || is_punctuation(n)))
}

#[cfg(test)]
mod tests {
    use super::super::markup::render_markdown_for_test as render;

    #[test]
    fn bold_beside_chinese_punctuation_is_strong() {
        let m = render(
            "方法导致**对比学习（contrastive learning）**有效，且**稳定**。",
            false,
        );
        assert_eq!(
            m.html,
            "<p>方法导致<strong>对比学习（contrastive learning）</strong>有效，且<strong>稳定</strong>。</p>"
        );
        assert_eq!(
            m.text,
            "方法导致对比学习（contrastive learning）有效，且稳定。"
        );
    }

    #[test]
    fn bold_the_parser_reads_and_asterisks_of_other_text_stay_as_they_are() {
        // Read by CommonMark already: unchanged.
        assert_eq!(
            render("结果 **很好** 了", false).html,
            "<p>结果 <strong>很好</strong> 了</p>"
        );
        // No CJK beside the runs: CommonMark's reading stands.
        assert_eq!(
            render("a **b)**c 中文", false).html,
            "<p>a **b)**c 中文</p>"
        );
        // Whitespace inside the pair, a lone run, longer runs, code.
        for src in [
            "中文** 空格**文",
            "只有一个**符号",
            "中文***三个（a）***文",
            "代码`**（a）**文`",
            "```\n代码**（a）**文\n```",
            "    缩进**（a）**文",
            "<div>标签**（a）**文</div>",
        ] {
            assert!(render(src, false).html.contains("**"), "{src}");
        }
    }
}
