//! Bytes to the text every reader reads: UTF-8 checked (an error names the line and
//! column), the byte-order mark dropped, CRLF made LF, and the characters no HTML page
//! or XML feed may carry removed, each removal reported.
//!
//! Every file passes through here, so most bytes are copied in blocks without being
//! looked at one by one.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// UTF-8 text with the byte-order mark dropped, CRLF made LF, and characters that no
/// HTML page or XML feed may carry removed (each removal is reported).
pub fn decode(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
            diags.push(
                Diagnostic::error(
                    path,
                    line,
                    format!(
                        "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                        bytes[e.valid_up_to()]
                    ),
                )
                .kind(Kind::InvalidUtf8)
                .with_col(col),
            );
            return None;
        }
    };
    Some(clean_text(path, text, diags))
}

/// Bytes where `clean_text` must look at the character: `\r` and the bytes that may
/// start a forbidden one ([`may_start_forbidden_char`]). Every other byte is copied as
/// it is.
static DECODE_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b == b'\r' as usize || may_start_forbidden_char(b as u8);
        b += 1;
    }
    table
};

/// Width of the blocks `next_stop` checks at once.
const BLOCK: usize = 16;

/// Offset of the first byte at or after `from` that `DECODE_STOP` names.
///
/// Most text is printable ASCII with tabs and newlines, so whole blocks are first
/// checked to be just that, with no early exit (the compiler turns it into a few
/// vector instructions); a block that is not (text in another script) is then checked
/// for a stop the same way, and only a block that holds one is looked at byte by byte.
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        let rest = bytes.get(i..)?;
        if let Some(block) = rest.first_chunk::<BLOCK>() {
            if !block_is_plain(block)
                && block_has_stop(block)
                && let Some(offset) = block.iter().position(|&b| DECODE_STOP[usize::from(b)])
            {
                return Some(i + offset);
            }
            i += BLOCK;
        } else {
            return rest
                .iter()
                .position(|&b| DECODE_STOP[usize::from(b)])
                .map(|offset| i + offset);
        }
    }
}

/// True when every byte is printable ASCII, a tab or a newline (none is a stop).
fn block_is_plain(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(true, |plain, &b| {
        plain & ((b' '..0x7F).contains(&b) | (b == b'\t') | (b == b'\n'))
    })
}

/// True when a byte of the block is one `DECODE_STOP` names, tested by comparisons
/// with no early exit, which the compiler turns into vector instructions where a
/// look-up in the table is made byte by byte.
fn block_has_stop(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(false, |stop, &b| {
        stop | ((b < b' ') & (b != b'\t') & (b != b'\n'))
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == 0xEF)
            | (b.wrapping_sub(0xF0) < 5)
    })
}

/// `text` with CRLF and lone CR made LF and forbidden characters removed, each
/// removal reported (once per line).
pub(super) fn clean_text(path: &Path, text: &str, diags: &mut Diagnostics) -> String {
    clean_text_with(path, text, diags, next_stop)
}

/// Whether [`clean_text`] would change `text`: it holds a `\r` or a forbidden
/// character. Text read a block at a time is asked block by block, while each is in
/// cache, and copied again only when one is.
pub(super) fn needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_stop(bytes, i) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if c == '\r' || is_forbidden_char(c) {
            return true;
        }
        i = at + c.len_utf8();
    }
    false
}

/// [`clean_text`], looking at the characters `next_stop(bytes, from)` names (the
/// first at or after `from` that may need a change); the tests give it one that names
/// every character.
fn clean_text_with(
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
    next_stop: impl Fn(&[u8], usize) -> Option<usize>,
) -> String {
    let bytes = text.as_bytes();
    // Copy runs of good text in one go; only `\r` and forbidden characters (rare) stop
    // a run. Line numbers are counted only when a removal is reported.
    let mut out = String::with_capacity(text.len());
    let mut run_start = 0;
    // Line of byte `counted_to`, advanced only when a removal is reported.
    let (mut line, mut counted_to) = (1, 0);
    let mut reported_line = 0;
    let mut i = 0;
    while let Some(at) = next_stop(bytes, i) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i = at + c.len_utf8();
        let cr = c == '\r';
        if !cr && !is_forbidden_char(c) {
            continue;
        }
        out.push_str(text.get(run_start..at).unwrap_or(""));
        run_start = i;
        if cr {
            if bytes.get(i) != Some(&b'\n') {
                out.push('\n');
            }
            continue;
        }
        // A line ends at `\n` or at a `\r` not followed by `\n`.
        line += (counted_to..at)
            .filter(|&j| {
                bytes[j] == b'\n' || (bytes[j] == b'\r' && bytes.get(j + 1) != Some(&b'\n'))
            })
            .count();
        counted_to = at;
        if reported_line != line {
            reported_line = line;
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!("control character U+{:04X} removed", c as u32),
                )
                .kind(Kind::ControlCharacter),
            );
        }
    }
    out.push_str(text.get(run_start..).unwrap_or(""));
    out
}

/// Whether `b` may be the first byte of a character [`is_forbidden_char`] names: the
/// ASCII controls it names, and the lead bytes of its others (C1 controls start with
/// 0xC2, U+FDD0.. and U+FFFE/F with 0xEF, the other planes' noncharacters with 0xF0 to
/// 0xF4). Byte tables of the decoder and the escaper are made from it.
pub const fn may_start_forbidden_char(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2 | 0xEF | 0xF0..=0xF4)
}

/// Characters XML 1.0 forbids, plus C1 controls and noncharacters HTML rejects.
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        || matches!(c as u32, 0xFDD0..=0xFDEF)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `clean_text` as it was: every character looked at.
    fn clean_text_reference(path: &Path, text: &str, diags: &mut Diagnostics) -> String {
        // Every byte that starts a character (is not a continuation byte).
        let every_char =
            |bytes: &[u8], from: usize| (from..bytes.len()).find(|&i| bytes[i] & 0xC0 != 0x80);
        clean_text_with(path, text, diags, every_char)
    }

    #[test]
    fn decode_stop_bytes_cover_every_forbidden_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            if is_forbidden_char(c) {
                assert!(may_start_forbidden_char(first), "{c:?}");
            }
            if c == '\r' || is_forbidden_char(c) {
                assert!(DECODE_STOP[usize::from(first)], "{c:?}");
            }
        }
    }

    #[test]
    fn block_stops_are_the_table_s() {
        for b in 0..=u8::MAX {
            let stop = DECODE_STOP[usize::from(b)];
            assert_eq!(block_has_stop(&[b; BLOCK]), stop, "{b:#04X}");
            let mut block = [b'a'; BLOCK];
            block[BLOCK - 1] = b;
            assert_eq!(block_has_stop(&block), stop, "{b:#04X} last");
            // Among bytes of another script, which are no stops.
            let mut block = [0xE5; BLOCK];
            block[3] = b;
            assert_eq!(block_has_stop(&block), stop, "{b:#04X} among others");
        }
    }

    /// Text with line ends of every kind, controls, C1 controls and noncharacters.
    fn dirty_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "[a-z ]{1,8}",
            2 => "[a-z \t\n]{16,40}",
            2 => "[\r\n\t]",
            2 => "[\x00-\x1F\x7F]",
            1 => "[\u{80}-\u{A0}\u{FDCF}-\u{FDF0}\u{FFFD}-\u{FFFF}\u{1FFFE}\u{1FFFF}\u{10FFFF}é😀]",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn clean_text_agrees_with_reference(text in dirty_text()) {
            let (mut fast, mut slow) = (Diagnostics::default(), Diagnostics::default());
            let path = Path::new("x.md");
            prop_assert_eq!(clean_text(path, &text, &mut fast), clean_text_reference(path, &text, &mut slow));
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn clean_text_agrees_on_any_text(text in any::<String>()) {
            let (mut fast, mut slow) = (Diagnostics::default(), Diagnostics::default());
            let path = Path::new("x.md");
            prop_assert_eq!(clean_text(path, &text, &mut fast), clean_text_reference(path, &text, &mut slow));
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn needs_cleaning_when_clean_text_changes(text in dirty_text()) {
            let mut diags = Diagnostics::default();
            let changed = clean_text(Path::new("x.md"), &text, &mut diags) != text;
            prop_assert_eq!(needs_cleaning(&text), changed);
        }

        #[test]
        fn needs_cleaning_when_any_text_changes(text in any::<String>()) {
            let mut diags = Diagnostics::default();
            let changed = clean_text(Path::new("x.md"), &text, &mut diags) != text;
            prop_assert_eq!(needs_cleaning(&text), changed);
        }
    }

    #[test]
    fn decode_strips_bom_crlf_and_controls() {
        let mut diags = Diagnostics::default();
        let text = decode(
            Path::new("x.md"),
            b"\xEF\xBB\xBFa\r\nb\x00c\r\n",
            &mut diags,
        )
        .unwrap();
        assert_eq!(text, "a\nbc\n");
        assert_eq!(diags.items.len(), 1);
        assert_eq!(diags.items[0].line, 2);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let mut diags = Diagnostics::default();
        assert!(decode(Path::new("x.md"), b"ok\nab\xFFc", &mut diags).is_none());
        let d = &diags.items[0];
        assert_eq!((d.line, d.col), (2, 3));
        assert!(d.is_error());
    }
}
