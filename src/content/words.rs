//! Plain text by words: runs of whitespace collapsed to one space, and text cut at a
//! word to fit a length. Titles, summaries, tag names and excerpts all pass through
//! here, mostly already collapsed, so the common case is checked in one cheap pass.

use std::sync::LazyLock;

/// At most `max` characters, cut at a word boundary and ended with `…` when cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    let Some(end) = char_offset(text, max) else {
        return text.to_string();
    };
    let cut = text.get(..end).unwrap_or(text);
    // Chinese and Japanese have no spaces: a line may break beside any of their
    // characters, so such text is not cut back to a space far before the limit.
    let beside_cjk = text[end..].chars().next().is_some_and(is_spaceless_script)
        || cut.chars().next_back().is_some_and(is_spaceless_script);
    let cut = if beside_cjk {
        cut
    } else {
        let space = cut.rfind(' ');
        // Only a CJK character after the last space moves the cut, so only that tail
        // is searched (every list entry and page description is cut here).
        let tail = space.unwrap_or(0);
        let after_cjk = cut[tail..]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_spaceless_script(c))
            .map(|(i, c)| tail + i + c.len_utf8());
        match (space, after_cjk) {
            (Some(s), Some(k)) if k > s => &cut[..k],
            (Some(s), _) => &cut[..s],
            (None, Some(k)) => &cut[..k],
            (None, None) => cut,
        }
    };
    let mut out = String::with_capacity(cut.len() + '…'.len_utf8());
    out.push_str(cut);
    out.push('…');
    out
}

/// A character of a script written without spaces between words (CJK ideographs, kana,
/// hangul, and their punctuation).
pub(crate) fn is_spaceless_script(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FFF}'
        | '\u{3001}'..='\u{303F}'
        | '\u{3040}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Byte offset of character number `n` (from 0), if `text` has more than `n`
/// characters. Text is mostly ASCII, where the offset is `n` itself.
fn char_offset(text: &str, n: usize) -> Option<usize> {
    if text.len() <= n {
        return None;
    }
    if text.as_bytes().get(..n).is_some_and(<[u8]>::is_ascii) {
        return Some(n);
    }
    text.char_indices().nth(n).map(|(i, _)| i)
}

/// Runs of whitespace (tabs, newlines, spaces) become one space; ends trimmed.
///
/// Whitespace is `char::is_whitespace`, as for `str::split_whitespace`. This runs on
/// the text of every title and summary, which are nearly always collapsed already; that
/// is checked first, in one cheap pass.
pub fn collapse_whitespace(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // `s[copy_from..]` is not copied yet; it starts right after a whitespace run.
    let mut copy_from = 0;
    let mut i = 0;
    while let Some((start, end)) = next_whitespace_run(s, i) {
        let lone_inner_space = end == start + 1
            && bytes.get(start) == Some(&b' ')
            && start > copy_from
            && end < bytes.len();
        if !lone_inner_space {
            push_word_run(&mut out, s.get(copy_from..start).unwrap_or(""));
            copy_from = end;
        }
        i = end;
    }
    push_word_run(&mut out, s.get(copy_from..).unwrap_or(""));
    out
}

/// [`collapse_whitespace`], borrowing `s` when it is collapsed already: the model
/// collapses every tag name of every paper, and nearly all are.
pub fn collapsed(s: &str) -> std::borrow::Cow<'_, str> {
    if is_collapsed(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(collapse_whitespace(s))
    }
}

/// Whitespace bytes other than the space: other ASCII whitespace, and the lead byte of
/// every non-ASCII whitespace character (U+0085, U+00A0, U+1680, U+2000 to U+3000),
/// which some non-whitespace shares.
const MAYBE_BYTES: [u8; 9] = [b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3];

/// True when `collapse_whitespace(s)` is `s`: no whitespace but single spaces between
/// words. May say false for some such strings (non-ASCII near a lead byte above).
fn is_collapsed(s: &str) -> bool {
    // Words with single spaces between them: not empty, no space at either end, no
    // two in a row, and no other whitespace. The bytes are classed a chunk at a time
    // and the double space found by memchr, which costs fewer instructions a byte than
    // following the spaces byte by byte through every title and summary.
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if first == b' ' || last == b' ' || has_maybe_space(b) {
        return false;
    }
    DOUBLE_SPACE.find(b).is_none()
}

/// Whether any byte of `b` is one of [`MAYBE_BYTES`].
fn has_maybe_space(b: &[u8]) -> bool {
    super::markup_bytes::any_byte_in(b, &MAYBE_SPACE)
}

/// 1 for each of [`MAYBE_BYTES`], 0 for any other byte.
static MAYBE_SPACE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < MAYBE_BYTES.len() {
        table[MAYBE_BYTES[i] as usize] = 1;
        i += 1;
    }
    table
};

/// Appends words already joined by single spaces, after a space when `out` has words.
fn push_word_run(out: &mut String, run: &str) {
    if run.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(run);
}

/// The first maximal run of whitespace characters at or after byte `from` (a char
/// boundary), as a byte range.
fn next_whitespace_run(s: &str, from: usize) -> Option<(usize, usize)> {
    let start = whitespace_at_or_after(s, from)?;
    let mut end = start;
    while let Some(len) = whitespace_len(s, end) {
        end += len;
    }
    Some((start, end))
}

/// Byte offset of the first whitespace character at or after `from`.
fn whitespace_at_or_after(s: &str, mut i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        // Printable ASCII other than the space is the common case: one compare.
        if b.wrapping_sub(b'!') < 0x7F - b'!' {
            i += 1;
            continue;
        }
        match whitespace_len(s, i) {
            Some(_) => return Some(i),
            None => {
                i += s
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8)
            }
        }
    }
    None
}

/// Length in bytes of the character at byte `i` if it is whitespace.
fn whitespace_len(s: &str, i: usize) -> Option<usize> {
    let &b = s.as_bytes().get(i)?;
    if b.is_ascii() {
        return matches!(b, b' ' | b'\t'..=b'\r').then_some(1);
    }
    let c = s.get(i..)?.chars().next()?;
    c.is_whitespace().then(|| c.len_utf8())
}

/// Whether most letters of `text` (the first few hundred) are Chinese, Japanese or
/// Korean: a translation's script, for keeping both languages of one paper.
///
/// Called on every field of every entry of a firehose, so it stops as soon as the
/// first [`CJK_SAMPLE`] letters are decided and tests ASCII without Unicode tables.
pub fn is_mostly_cjk(text: &str) -> bool {
    // ASCII holds no CJK letter: tested a word at a time, where the loop below goes
    // character by character through an English abstract's first letters.
    if text.is_ascii() {
        return false;
    }
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            other += 1;
        } else if !c.is_alphabetic() {
            continue;
        } else if in_cjk_block(c) {
            cjk += 1;
        } else {
            other += 1;
        }
        // Past half the sample one side has won, whatever the rest holds.
        if cjk * 2 > CJK_SAMPLE {
            return true;
        }
        if other * 2 >= CJK_SAMPLE || cjk + other == CJK_SAMPLE {
            break;
        }
    }
    cjk > other
}

/// Whether `c` is in a block of Chinese, Japanese or Korean script: kana, the CJK
/// ideographs (with extension A) and Hangul syllables.
pub fn in_cjk_block(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// How many letters [`is_mostly_cjk`] looks at.
const CJK_SAMPLE: usize = 400;

/// What two spellings of one title share: its letters and digits, lower case (`Graph
/// RAG: a Survey` and `GraphRAG — A survey` give one key).
pub fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The obvious `is_mostly_cjk`: the first 400 letters, counted.
    fn mostly_cjk_reference(text: &str) -> bool {
        let (mut cjk, mut letters) = (0usize, 0usize);
        for c in text.chars().filter(|c| c.is_alphabetic()).take(400) {
            letters += 1;
            if matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
            {
                cjk += 1;
            }
        }
        cjk * 2 > letters
    }

    proptest! {
        #[test]
        fn mostly_cjk_agrees_with_counting(
            parts in proptest::collection::vec(("[a-zé ]{0,30}", "[\\u{4E00}-\\u{4E20}\\u{3041}-\\u{3043}\\u{30FB}、。 ]{0,30}", "[0-9.,;!]{0,5}"), 0..40)
        ) {
            let text: String = parts.iter().map(|(a, b, c)| format!("{a}{b}{c}")).collect();
            prop_assert_eq!(is_mostly_cjk(&text), mostly_cjk_reference(&text));
        }
    }

    /// The obvious `collapse_whitespace`.
    fn collapse_reference(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The obvious `truncate_words`.
    fn truncate_reference(text: &str, max: usize) -> String {
        if text.chars().count() <= max {
            return text.to_string();
        }
        let cut: String = text.chars().take(max).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{cut}…")
    }

    /// Words, single spaces and every kind of whitespace, including non-ASCII
    /// whitespace and letters that share its lead bytes.
    fn spaced_words() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[a-zA-Z0-9.,;:!?-]{1,6}",
            3 => Just(" ".to_string()),
            1 => "[\t\n\r\x0B\x0C]",
            1 => "[\u{A0}\u{85}\u{1680}\u{2000}\u{2028}\u{3000}\u{FFFD}é€ſK😀]",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    #[test]
    fn every_whitespace_char_starts_with_a_byte_is_collapsed_checks() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            if c.is_whitespace() && c != ' ' {
                assert!(MAYBE_SPACE[usize::from(first)] != 0, "{c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn collapse_agrees_with_split_whitespace(src in spaced_words()) {
            prop_assert_eq!(collapse_whitespace(&src), collapse_reference(&src));
        }

        #[test]
        fn collapse_agrees_on_any_text(src in any::<String>()) {
            prop_assert_eq!(collapse_whitespace(&src), collapse_reference(&src));
        }

        #[test]
        fn truncate_agrees(src in spaced_words(), max in 0usize..40) {
            prop_assert_eq!(truncate_words(&src, max), truncate_reference(&src, max));
        }
    }

    #[test]
    fn truncates_at_words() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three", 9), "one two…");
        // Chinese breaks beside any character, not back at a far space.
        assert_eq!(
            truncate_words("我们介绍了Hunyuan3D 2.0，一个先进的大规模三维合成系统", 20),
            "我们介绍了Hunyuan3D 2.0，一…"
        );
        assert_eq!(truncate_words("模型 Hunyuan3Dlarge", 10), "模型…");
        assert_eq!(truncate_words("一二三四五六", 3), "一二三…");
    }
}
