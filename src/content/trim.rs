//! `str::trim` and its one-sided forms, deciding at once for text that needs no trim.
//!
//! The general reader trims each line, label and field several times on its way to an
//! entry, and most of them are trimmed already. The standard library's trim is a call
//! that decodes the character at each end and asks Unicode whether it is white space;
//! here an end whose character cannot be white space (an ASCII byte other than white
//! space, or a character whose first byte no white space starts with, as every CJK
//! character's) is kept without that, and every other end is left to the standard
//! library, so the result is always its own.

/// Whether the byte at an end of a text is a whole character that no trim removes: an
/// ASCII byte that `char::is_whitespace` does not name (space, tab, line feed, vertical
/// tab, form feed, carriage return). A byte of a longer character says nothing alone.
#[inline]
const fn kept(b: u8) -> bool {
    b < 0x80 && !matches!(b, b' ' | b'\t'..=b'\r')
}

/// Whether a character whose UTF-8 form starts with byte `lead` (not ASCII) may be
/// white space: every white space character past ASCII (U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) starts with one of these.
#[inline]
const fn may_start_space(lead: u8) -> bool {
    matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// Whether the first character of `b` (a `str`'s bytes) is one that no trim removes.
#[inline]
fn kept_first(b: &[u8]) -> bool {
    match b.first() {
        Some(&first) if first < 0x80 => kept(first),
        Some(&first) => !may_start_space(first),
        None => false,
    }
}

/// Whether the last character of `b` (a `str`'s bytes) is one that no trim removes:
/// its first byte is found back over the continuation bytes (three at most).
#[inline]
fn kept_last(b: &[u8]) -> bool {
    let Some((&last, _)) = b.split_last() else {
        return false;
    };
    if last < 0x80 {
        return kept(last);
    }
    let lead = b
        .iter()
        .rev()
        .take(4)
        .find(|&&c| c >= 0xC0)
        .copied()
        .unwrap_or(0xC2);
    !may_start_space(lead)
}

/// `s.trim()`.
#[inline]
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if kept_first(b) && kept_last(b) {
        s
    } else {
        s.trim()
    }
}

/// `s.trim_start()`.
#[inline]
pub fn trim_start(s: &str) -> &str {
    if kept_first(s.as_bytes()) {
        s
    } else {
        s.trim_start()
    }
}

/// `s.trim_end()`.
#[inline]
pub fn trim_end(s: &str) -> &str {
    if kept_last(s.as_bytes()) {
        s
    } else {
        s.trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_ascii_end_as_the_standard_library_trims_it() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            assert_eq!(kept(b), !c.is_whitespace(), "{b:#x}");
            for s in [
                format!("{c}x{c}"),
                format!("{c}"),
                format!("x{c}"),
                format!("{c}x"),
            ] {
                assert_eq!(trim(&s), s.trim(), "{s:?}");
                assert_eq!(trim_start(&s), s.trim_start(), "{s:?}");
                assert_eq!(trim_end(&s), s.trim_end(), "{s:?}");
            }
        }
        for s in [
            "",
            " ",
            "\u{3000}摘要\u{3000}",
            "\u{a0}x",
            "x\u{2003}",
            "é",
            "\u{b}x\u{c}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn no_white_space_at_an_end_is_kept() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            // White space is never kept; every other character is, unless its first
            // byte is one that white space starts with (then the standard library asks).
            let kept = !c.is_whitespace() && (b[0] < 0x80 || !may_start_space(b[0]));
            assert_eq!(kept_first(b), kept, "{c:?}");
            assert_eq!(kept_last(b), kept, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn same_as_the_standard_library(s in "[ \t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{a9}\u{1680}\u{2003}\u{2014}\u{2029}\u{205f}\u{3000}\u{3001}a-z摘要é😀]{0,12}") {
            prop_assert_eq!(trim(&s), s.trim());
            prop_assert_eq!(trim_start(&s), s.trim_start());
            prop_assert_eq!(trim_end(&s), s.trim_end());
        }
    }
}
