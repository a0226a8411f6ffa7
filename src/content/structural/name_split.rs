//! Cheap forms of the string splits and trims that read titles, lists of names and
//! fields.
//!
//! Every entry's first lines are tested as lists of names, part by part, and a split or
//! trim by a string pattern sets up a substring searcher each time; names are short and
//! rarely hold ` and ` or `et al`, so these test for the pattern first.

use std::sync::LazyLock;

use crate::content::trim::{trim, trim_end};
use memchr::memmem::Finder;

/// The pieces of `text` between ` and `s, as `text.split(" and ")` gives them.
pub fn split_and(text: &str) -> impl Iterator<Item = &str> {
    let has = text.as_bytes().windows(5).any(|w| w == b" and ");
    let (whole, split) = if has {
        (None, Some(text.split(" and ")))
    } else {
        (Some(text), None)
    };
    whole.into_iter().chain(split.into_iter().flatten())
}

/// `text` without a trailing `et al.` however a bot spells it (`et al`, `et.al.`, and a
/// sentence's own full stop after it, `et.al..`).
pub fn without_et_al(text: &str) -> &str {
    let t = trim_end(text).trim_end_matches('.');
    t.strip_suffix("et al")
        .or_else(|| t.strip_suffix("et.al"))
        .filter(|head| head.is_empty() || head.ends_with([' ', ',']))
        .unwrap_or(text)
}

/// `text.trim_start_matches(prefix)`: every leading copy of `prefix` removed.
pub fn trim_start_str<'a>(mut text: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// Whether `text` opens with a number and `. ` (`1. …`): what
/// `text.split_once(". ")` gives when the part before it is digits, found without
/// searching the whole field for `. `.
pub fn numbered(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && text[digits..].starts_with(". ")
}

/// Whether `text` is printable ASCII words between single spaces, with no link and no
/// URL: text that `drop_generic_links` returns as it is, found without splitting it
/// into words and joining them again.
pub fn plain_words(text: &str) -> bool {
    // The double space and `http` are found by memchr's searchers, built once: titles
    // of every entry pass here.
    static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"  "));
    static HTTP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"http"));
    let b = text.as_bytes();
    // Every byte is tested, with no early exit, so that the test is vectorised.
    let printable = !b
        .iter()
        .fold(false, |other, c| other | !(b' '..=b'~').contains(c));
    printable
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && DOUBLE_SPACE.find(b).is_none()
        && !b.contains(&b'[')
        && HTTP.find(b).is_none()
}

/// Whether `title` is left as it is by `strip_title_noise`: it starts with none of the
/// separators it strips or an opening bracket, and ends with none of them or a closing
/// bracket.
pub fn without_title_noise(title: &str) -> bool {
    const SEPARATORS: [char; 9] = ['|', '-', '—', '–', ':', '：', ',', '·', '•'];
    let t = trim(title);
    // An ASCII letter or digit at each end (most titles) is none of them.
    let b = t.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return true;
    }
    !t.starts_with(SEPARATORS)
        && !t.starts_with(['[', '(', '（', '【'])
        && !t.ends_with(SEPARATORS)
        && !t.ends_with([')', '）', ']', '】'])
}

/// Names without a trailing count of the rest: `等 7 位作者`, `等`, `et al.`.
pub fn without_count(text: &str) -> &str {
    let t = trim(text);
    // ASCII holds no `等`: a list of Latin names is not searched for it.
    let t = match (!t.is_ascii()).then(|| t.rfind('等')).flatten() {
        Some(i) if t[i..].chars().count() <= 10 => t[..i].trim_end(),
        _ => t,
    };
    without_et_al(t).trim_end().trim_end_matches(',').trim_end()
}

/// A list of names split into names: commas, semicolons, `and`, CJK separators.
pub fn split_authors(text: &str) -> Vec<String> {
    // `（` and `。` are the only characters that start a note: their lead bytes (0xEF,
    // 0xE3) are absent from most lists.
    let notes_removed;
    let text = if memchr::memchr2(0xEF, 0xE3, text.as_bytes()).is_none() {
        text
    } else {
        notes_removed = without_cjk_notes(text);
        &notes_removed
    };
    let plain = crate::content::markup::plain(without_count(without_sentences(text)));
    // arXiv's own author lines put affiliations in ASCII brackets, with commas inside
    // (`Ann Lee (1), Bo Chen (2) ((1) Univ A, (2) Lab B)`, `Ann Lee (Lab X, Univ Y)`):
    // those commas separate no names. Lists without a bracket, most, skip this.
    let pieces = if memchr::memchr(b'(', plain.as_bytes()).is_some() && balanced(&plain) {
        pieces_outside_brackets(&plain)
    } else {
        name_pieces(&plain)
    };
    // A name a piece, mostly: the list is not grown name by name.
    let mut names: Vec<String> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        for name in split_and(piece) {
            let name = trim(without_et_al(trim(name)));
            let name = trim(trim_start_str(name, "and "));
            // Markers after a name: first author, corresponding author, notes.
            let name = name
                .trim_end_matches([
                    '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '✉', '†', '‡', '*',
                ])
                .trim_end();
            // `Ann Lee 等 (Lab X)`: "and others" before the affiliations.
            let name = name.strip_suffix('等').map_or(name, str::trim_end);
            // A link whose address a markdown reader refused (a space in the query,
            // `[Ann Lee](https://…?query=Ann Lee)`) leaves the name in brackets.
            let name = name
                .strip_prefix('[')
                .and_then(|n| n.strip_suffix(']'))
                .filter(|n| !n.contains(['[', ']']))
                .unwrap_or(name);
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    }
    // `Hale, Jordan, Kim, Soo-ah`: "Last, First" pairs flattened into one list, every
    // item a single capitalised word. Only commas flatten pairs: names separated by a
    // middle dot are names each.
    let single_words = names.iter().all(|n| {
        !n.contains(' ')
            && n.chars().next().is_some_and(char::is_uppercase)
            && n.chars()
                .all(|c| c.is_alphabetic() && c.is_ascii() || c == '-' || c == '\'')
    });
    if names.len() >= 4 && names.len().is_multiple_of(2) && single_words && !plain.contains(" · ")
    {
        return names
            .chunks(2)
            .map(|p| format!("{} {}", p[1], p[0]))
            .collect();
    }
    names
}

/// A list of names without the sentences a bot wrote after it (`Ann Lee, Bo Chen
/// (Lab X). Chen is followed.`): the list ends at the first full stop after a word
/// that is no initial (`H. Rao` stays whole) and before a capital letter.
fn without_sentences(text: &str) -> &str {
    static STOP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b". "));
    // Words that stand lower-case inside a name (`Ann de Vries`).
    const PARTICLES: [&str; 10] = [
        "van", "von", "de", "der", "da", "di", "del", "la", "le", "bin",
    ];
    for at in STOP.find_iter(text.as_bytes()) {
        let word = text[..at]
            .rsplit(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .next()
            .unwrap_or("");
        // A surname of three letters or more, or a closing bracket; not initials
        // (`Y.H.`) or an abbreviated first name (`Wm.`, `Md.`).
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let surname = letters >= 3 && !word.contains('.') || word.ends_with(')');
        // A sentence: a capital, then a word in lower case (`Not on …`, `Chen is …`).
        let mut next = text[at + 2..].split_whitespace();
        let sentence = next
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && next
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase) && !PARTICLES.contains(&w));
        let kept_a_name = text[..at].trim().contains(' ');
        if surname && sentence && kept_a_name {
            return &text[..at];
        }
    }
    text
}

/// Whether every ASCII bracket of `text` is closed, and none is closed before it opens:
/// an unbalanced list (cut off by its bot) is split as if it had no brackets.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    for b in text.bytes() {
        match b {
            b'(' => depth += 1,
            b')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// The pieces of a list of names between the separators outside ASCII brackets, each
/// without the bracketed notes that end it (`Ann Lee (1) ((1) Univ A, (2) Lab B)` is
/// `Ann Lee`): affiliations and their markers are no part of a name.
fn pieces_outside_brackets(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | ';' | '，' | '、' | '；' if depth == 0 => {
                pieces.push(without_trailing_brackets(&text[start..at]));
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(without_trailing_brackets(&text[start..]));
    pieces
}

/// `piece` without the bracketed groups at its end, when a name stands before them
/// (`Ann Lee (Lab X)` is `Ann Lee`; `(Lab X)` alone stays as written).
fn without_trailing_brackets(piece: &str) -> &str {
    let mut rest = piece.trim();
    while rest.ends_with(')') {
        // The bracket that opens the last group: walk back to depth 0.
        let mut depth = 0usize;
        let mut open = None;
        for (at, c) in rest.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        open = Some(at);
                        break;
                    }
                }
                _ => {}
            }
        }
        match open {
            Some(at) if !rest[..at].trim().is_empty() => rest = rest[..at].trim_end(),
            _ => break,
        }
    }
    rest
}

/// A list of names without the notes a bot wrote into it in Chinese: affiliations in
/// full-width brackets (`Ann Lee（某大学计算机系）`, nested ones too) and a sentence
/// after the names (`Ann Lee 等。主要作者来自……`, `Ann Lee，其中第一作者为……`).
fn without_cjk_notes(text: &str) -> String {
    let text = text.split_once('。').map_or(text, |(names, _)| names);
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' => depth += 1,
            '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // The first clause that is no name (more than eight characters, in Chinese) ends
    // the names: what follows it is about them.
    let mut start = 0;
    for (at, c) in out.char_indices().chain([(out.len(), ',')]) {
        if c != ',' && c != '，' {
            continue;
        }
        let piece = out[start..at].trim();
        if piece.chars().count() > 8 && crate::content::words::is_mostly_cjk(piece) {
            out.truncate(start);
            break;
        }
        start = at + c.len_utf8();
    }
    out
}

/// The pieces of a list of names between its separators, as
/// `text.split([',', ';', '，', '、', '；'])` gives them: ASCII text, most lists, is cut
/// at its commas and semicolons by memchr, not read character by character.
fn name_pieces(text: &str) -> Vec<&str> {
    if !text.is_ascii() {
        // A middle dot between spaces separates names too (`Ann Lee ¹ · Bo Chen`); one
        // inside a name (`Abdulla·Emet`) does not.
        return text
            .split([',', ';', '，', '、', '；'])
            .flat_map(|piece| piece.split(" · "))
            .collect();
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for i in memchr::memchr2_iter(b',', b';', text.as_bytes()) {
        pieces.push(&text[at..i]);
        at = i + 1;
    }
    pieces.push(&text[at..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_left_in_brackets_or_before_a_count_word() {
        assert_eq!(
            split_authors(
                "[Wen Xi](https://arxiv.org/search/?query=Wen Xi), [Lan Wei](https://arxiv.org/search/?query=Lan Wei)"
            ),
            ["Wen Xi", "Lan Wei"]
        );
        assert_eq!(
            split_authors("Hong Zhao, Manling Li 等 (UIUC, Stanford)"),
            ["Hong Zhao", "Manling Li"]
        );
    }

    #[test]
    fn middle_dots_and_author_markers() {
        assert_eq!(
            split_authors("**Ann Lee** ¹ · Bo Chen · Cy Dor ✉"),
            ["Ann Lee", "Bo Chen", "Cy Dor"]
        );
        assert_eq!(
            split_authors("阿卜·杜拉, Bo Chen"),
            ["阿卜·杜拉", "Bo Chen"]
        );
    }

    #[test]
    fn notes_in_a_list_of_names() {
        assert_eq!(
            split_authors("Ann Lee（甲大学（CS）系）, Bo Chen et al.（机构未标注，推测为高校）"),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("Ann Lee (Lab), Bo Chen 等。主要作者来自某研究所（X）。"),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("Ann Lee, Bo Chen等，主要作者来自某大学语言学系，长期研究方言"),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("张三，李四，欧阳娜娜"),
            ["张三", "李四", "欧阳娜娜"]
        );
    }

    #[test]
    fn sentences_after_the_names() {
        for names in [
            "Savannah Thais, Wm. Matthew Kennedy, Abhi Ache",
            "Xiao Shen, Chloe Y.H. Huang, Jon Elmer",
            "Hong Lu, Z.L. Victor Wei, Qun Zhang",
            "Dan L.K. Yamins, Ann Lee",
            "Ann Lee. Bo de Vries",
        ] {
            assert_eq!(without_sentences(names), names);
        }
        assert_eq!(
            split_authors("H. Rao, Z. Dong, H. Wang. Not on the list, came through an alert."),
            ["H. Rao", "Z. Dong", "H. Wang"]
        );
        assert_eq!(
            split_authors("Ann Lee, Bo Chen (Lab X). Chen is followed."),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("A. B. Smith, C. D. Jones"),
            ["A. B. Smith", "C. D. Jones"]
        );
        assert_eq!(
            without_sentences("Ann Lee et al. Bo Chen"),
            "Ann Lee et al. Bo Chen"
        );
        // A name abbreviated alone (`Md.`) is no sentence's end.
        assert_eq!(
            split_authors("Md. Ann Rahman, Bo Chen"),
            ["Md. Ann Rahman", "Bo Chen"]
        );
    }

    #[test]
    fn affiliations_in_ascii_brackets() {
        assert_eq!(
            split_authors("Ann Lee (1), Bo Chen (2), Cy Dor (1) ((1) Univ A, (2) Lab B)"),
            ["Ann Lee", "Bo Chen", "Cy Dor"]
        );
        assert_eq!(
            split_authors("Ann Lee (Lab X, Univ Y), Bo Chen (Univ Z)"),
            ["Ann Lee", "Bo Chen"]
        );
        // A bracket inside a name stays; an unclosed one splits as before.
        assert_eq!(
            split_authors("Ann (Annie)Lee, Bo Chen"),
            ["Ann (Annie)Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("Ann Lee (Lab X, Univ Y"),
            ["Ann Lee (Lab X", "Univ Y"]
        );
    }

    #[test]
    fn same_as_std() {
        for text in [
            "",
            "a",
            "a and b",
            "a and b and c",
            " and ",
            "andand",
            "Sand andy",
        ] {
            assert_eq!(
                split_and(text).collect::<Vec<_>>(),
                text.split(" and ").collect::<Vec<_>>()
            );
        }
        for text in [
            "", "1. a", "12. b. c", "1.5. x", "a. 1. b", "1 . x", "1.", "x",
        ] {
            let reference = text
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(numbered(text), reference, "{text}");
        }
        for text in [
            "A Title",
            "A  Title",
            " A",
            "A [x](y)",
            "see https://x",
            "A\tB",
            "标题",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(!plain_words(text) || joined == text, "{text}");
        }
        assert!(plain_words("Efficient Language Gradient: A Benchmark (v2)"));
        for (text, want) in [
            ("", ""),
            ("Ann Lee et al.", "Ann Lee "),
            ("Ann Lee et.al..", "Ann Lee "),
            ("Ann Lee, et al", "Ann Lee, "),
            ("et al.", ""),
            ("Ann Lee", "Ann Lee"),
            ("Margaret al.", "Margaret al."),
            ("Ann Leet al", "Ann Leet al"),
        ] {
            assert_eq!(without_et_al(text), want, "{text}");
        }
        for text in [
            "",
            "a",
            ",",
            "a,b;c",
            ",a,,b;",
            "a，b、c；d",
            "Ann Lee, Bo Chen; 张三、李四",
        ] {
            assert_eq!(
                name_pieces(text),
                text.split([',', ';', '，', '、', '；']).collect::<Vec<_>>()
            );
        }
        for text in ["", "and x", "and and x", "andx", "x and ", "and "] {
            assert_eq!(
                trim_start_str(text, "and "),
                text.trim_start_matches("and ")
            );
        }
    }
}
