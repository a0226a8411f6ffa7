//! `str::trim` and its one-sided forms, deciding at once for text that needs no trim.
//!
//! The general reader trims each line, label and field several times on its way to an
//! entry, and most of them are trimmed already. The standard library's trim is a call
//! that decodes the character at each end and asks Unicode whether it is white space;
//! here an end that is an ASCII byte other than white space is kept without that, and
//! every other end is left to the standard library, so the result is always its own.

/// Whether the byte at an end of a text is a whole character that no trim removes: an
/// ASCII byte that `char::is_whitespace` does not name (space, tab, line feed, vertical
/// tab, form feed, carriage return). A byte of a longer character says nothing alone.
#[inline]
const fn kept(b: u8) -> bool {
    b < 0x80 && !matches!(b, b' ' | b'\t'..=b'\r')
}

/// `s.trim()`.
#[inline]
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if kept(first) && kept(last) => s,
        _ => s.trim(),
    }
}

/// `s.trim_start()`.
#[inline]
pub fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&first) if kept(first) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`.
#[inline]
pub fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&last) if kept(last) => s,
        _ => s.trim_end(),
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

    proptest! {
        #[test]
        fn same_as_the_standard_library(s in "[ \t\n\u{b}\u{c}\r\u{a0}\u{3000}a-z摘要é]{0,12}") {
            prop_assert_eq!(trim(&s), s.trim());
            prop_assert_eq!(trim_start(&s), s.trim_start());
            prop_assert_eq!(trim_end(&s), s.trim_end());
        }
    }
}
