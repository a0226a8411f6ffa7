//! Obsidian's wiki links (`[[Note]]`, `[[Note|shown text]]`) as the text a reader of the
//! vault sees. Vault notes link concepts and other notes this way; the notes they name
//! are no pages of the site, so the link is its text. pulldown-cmark's own wiki-link
//! option is not used: it also reads `[[pdf]](URL)`, a link whose text is `[pdf]` that
//! bots write by the thousand, as a wiki link followed by text.

use std::borrow::Cow;

use memchr::memmem;

/// Longest wiki link read, in bytes: brackets around a paragraph are something else.
const MAX_LINK: usize = 200;

/// `src` with each wiki link replaced by its shown text: what follows `|`, or the whole
/// target. Brackets followed by `(` are a markdown link (`[[pdf]](URL)`), double
/// brackets around no letter are notation (a quantum code's `[[288,16,12]]`), and text
/// in code spans or between `$`s is code or mathematics: all stay as written.
pub fn unwrap(src: &str) -> Cow<'_, str> {
    if memmem::find(src.as_bytes(), b"[[").is_none() {
        return Cow::Borrowed(src);
    }
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let (mut copied, mut i) = (0, 0);
    let (mut in_code, mut in_math) = (false, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            // A run of backticks opens or closes a code span, and of dollars a formula
            // (close enough: a span is closed by a run of the same length, and bots
            // rarely nest them).
            b'`' | b'$' => {
                let mark = bytes[i];
                let run = bytes[i..].iter().take_while(|&&b| b == mark).count();
                if mark == b'`' {
                    in_code = !in_code;
                } else if !in_code {
                    in_math = !in_math;
                }
                i += run;
            }
            b'[' if !in_code && !in_math && bytes.get(i + 1) == Some(&b'[') => {
                match link_at(src, i) {
                    Some((end, shown)) => {
                        out.push_str(&src[copied..i]);
                        out.push_str(shown);
                        copied = end;
                        i = end;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(src);
    }
    out.push_str(&src[copied..]);
    Cow::Owned(out)
}

/// The notes `src`'s wiki links name (`[[Note]]`, `[[folder/Note|shown]]`,
/// `[[Note#Part]]`): each target without its shown text and its heading.
pub fn targets(src: &str) -> impl Iterator<Item = &str> {
    src.split("[[").skip(1).filter_map(|rest| {
        let inner = &rest[..rest.find("]]")?];
        if inner.is_empty() || inner.len() > MAX_LINK || inner.contains(['[', ']', '\n']) {
            return None;
        }
        // In a table the alias bar is escaped (`[[Note\|shown]]`).
        let target = inner.split(['|', '#']).next().unwrap_or("");
        let target = target.trim_end_matches('\\').trim();
        (!target.is_empty()).then_some(target)
    })
}

/// The wiki link opening at `start` (`[[`): where it ends and its shown text.
fn link_at(src: &str, start: usize) -> Option<(usize, &str)> {
    let inner_start = start + 2;
    let rest = &src[inner_start..];
    let close = memmem::find(rest.as_bytes(), b"]]")?;
    let inner = &rest[..close];
    if inner.is_empty()
        || inner.len() > MAX_LINK
        || inner.contains(['[', ']', '\n'])
        || !inner.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let end = inner_start + close + 2;
    if src[end..].starts_with('(') {
        return None;
    }
    let shown = match inner.split_once('|') {
        Some((_, alias)) if !alias.trim().is_empty() => alias,
        Some((target, _)) => target,
        None => inner,
    };
    Some((end, shown.trim()))
}

#[cfg(test)]
mod tests {
    use super::unwrap;

    #[test]
    fn wiki_links_are_their_shown_text() {
        assert_eq!(
            unwrap("概念：[[多模态基础模型]] [[智能体 Agent]]"),
            "概念：多模态基础模型 智能体 Agent"
        );
        assert_eq!(
            unwrap("next: [[Deep reading workflow|read it in full]]."),
            "next: read it in full."
        );
        assert_eq!(unwrap("[[Note|]] and [[ ]]"), "Note and [[ ]]");
        assert_eq!(unwrap(r"a \$5 fee [[Note]]"), r"a \$5 fee Note");
    }

    #[test]
    fn targets_are_the_notes_named() {
        let found: Vec<&str> = super::targets(
            "| [[2604.07019v1]] A title | [[papers/2605.29548\\|Short]] [[Note#Part]] [[ ]] |",
        )
        .collect();
        assert_eq!(found, ["2604.07019v1", "papers/2605.29548", "Note"]);
        assert_eq!(super::targets("[a] [[unclosed").count(), 0);
    }

    #[test]
    fn markdown_links_code_and_plain_brackets_stay() {
        for src in [
            "[[pdf]](https://arxiv.org/pdf/2601.00001) [[Back]](#toc-1)",
            "`[[not a link]]` in code",
            "a [[b] c",
            "matrix [[1, 2], [3, 4]]",
            "an indecomposable [[288,16,12]] code",
            "paired test $p=[[p]]$ and $$[[x]]$$",
            "no brackets at all",
        ] {
            assert_eq!(unwrap(src), src);
        }
    }
}
