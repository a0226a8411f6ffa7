//! Whether text holds a byte that starts markdown markup, and so whether a line is
//! literal text to pulldown-cmark.
//!
//! Every field of every paper is tested before it is rendered (text without such a
//! byte needs no markdown parser), both by `markup` and by `markup_label`, which renders
//! a bold label before literal text; one table serves both.

/// Bytes that start inline markup (emphasis, code, links, HTML, entities, escapes,
/// strikethrough, mathematics) or end a line. Without them a line is text to
/// pulldown-cmark.
const fn is_markup_byte(b: u8) -> bool {
    b < 0x20
        || b == 0x7F
        || b == b'\\'
        || b == b'`'
        || b == b'*'
        || b == b'_'
        || b == b'~'
        || b == b'['
        || b == b']'
        || b == b'<'
        || b == b'>'
        || b == b'&'
        || b == b'$'
}

/// [`is_markup_byte`] of every byte, looked up: 1 for a markup byte.
static MARKUP_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_markup_byte(b as u8) as u8;
        b += 1;
    }
    table
};

/// True when pulldown-cmark reads `src` (trimmed, not empty) as one paragraph holding
/// `src` as literal text: one line, no byte of inline markup, and a start that opens no
/// block (heading, list, rule, setext underline). Titles, authors, tags and most table
/// summaries are such lines; parsing them as markdown was most of `markup::render`'s cost.
pub(super) fn is_literal_line(src: &str) -> bool {
    literal_with(src, has_markup_byte)
}

/// [`is_literal_line`], with `marked` saying whether the line holds a byte of markup.
#[inline]
pub(super) fn literal_with(src: &str, marked: impl Fn(&[u8]) -> bool) -> bool {
    let bytes = src.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if matches!(first, b'#' | b'-' | b'+' | b'=') || marked(bytes) {
        return false;
    }
    // `1.` or `1)` opens an ordered list.
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    digits == 0 || !matches!(bytes.get(digits), Some(b'.' | b')'))
}

/// [`MARKUP_BYTE`] without `$`, which opens a formula: its text is its source.
static MARKUP_BUT_DOLLAR: [u8; 256] = {
    let mut table = MARKUP_BYTE;
    table[b'$' as usize] = 0;
    table
};

/// Whether any byte of `bytes` is a markup byte other than `$`.
pub fn has_markup_but_dollar(bytes: &[u8]) -> bool {
    any_byte_in(bytes, &MARKUP_BUT_DOLLAR)
}

/// [`MARKUP_BYTE`], with 2 added for the lead bytes of every white space character
/// past ASCII (U+0085, U+00A0, U+1680, U+2000 to U+3000), which some other characters
/// share. (White space in ASCII other than the space is a control byte, markup already.)
static MARKUP_OR_SPACE: [u8; 256] = {
    let mut table = MARKUP_BYTE;
    table[0xC2] |= 2;
    table[0xE1] |= 2;
    table[0xE2] |= 2;
    table[0xE3] |= 2;
    table
};

/// The classes of [`MARKUP_OR_SPACE`] that bytes of `bytes` are in, or-ed: 1 when one is a
/// markup byte, 2 when one may start white space other than the space. Every byte is
/// looked at: most texts asked hold neither.
pub fn markup_or_space(bytes: &[u8]) -> u8 {
    bytes
        .iter()
        .fold(0, |classes, &b| classes | MARKUP_OR_SPACE[usize::from(b)])
}

/// Whether any byte of `bytes` is a markup byte. Most fields hold no markup and are
/// read to the end.
pub fn has_markup_byte(bytes: &[u8]) -> bool {
    any_byte_in(bytes, &MARKUP_BYTE)
}

/// Whether any byte of `bytes` is non-zero in `table` (a byte class looked up). The
/// lookups of a chunk are or-ed together and tested once, which costs fewer
/// instructions a byte than a test after each lookup. The markup test here and the
/// whitespace test of [`super::words`] both search this way.
#[inline]
pub(super) fn any_byte_in(bytes: &[u8], table: &[u8; 256]) -> bool {
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk
            .iter()
            .fold(0u8, |any, &b| any | table[usize::from(b)])
            != 0
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| table[usize::from(b)] != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_of_inline_markup() {
        let special = b"\x7F\\`*_~[]<>&$";
        for b in 0..=255u8 {
            assert_eq!(is_markup_byte(b), b < 0x20 || special.contains(&b), "{b}");
        }
        let long = "a".repeat(100);
        assert!(!has_markup_byte(long.as_bytes()));
        for at in [0, 31, 32, 63, 64, 99] {
            let mut with = long.clone().into_bytes();
            with[at] = b'*';
            assert!(has_markup_byte(&with), "{at}");
        }
        assert!(!has_markup_byte("中文，没有标记".as_bytes()));
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let classes = markup_or_space(b);
            assert_eq!(classes & 1 != 0, has_markup_byte(b), "{c:?}");
            if c.is_whitespace() && c != ' ' {
                assert_ne!(classes, 0, "{c:?}");
            }
        }
    }
}
