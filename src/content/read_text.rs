//! A digest file read into its text a block at a time.
//!
//! Read whole, a large file (a firehose bot's day of two thousand papers in one file)
//! was written into memory by the kernel, then checked as UTF-8, then scanned and
//! copied by [`super::decode`], each pass over a buffer larger than the processor's
//! caches and so fetched again from memory. Read a block at a time, each block is
//! checked and scanned while the kernel's copy of it is still in cache, and copied
//! once, into the text. The result, diagnostics included, is what
//! [`super::decode::decode`] gives for the file's bytes: a block that is not UTF-8
//! hands the whole file to it.

use std::cell::Cell;
use std::io::{ErrorKind, Read};
use std::path::Path;

use super::decode::{clean_text, decode, needs_cleaning};
use crate::diagnostic::Diagnostics;

/// Bytes read at a time: the kernel's copy, the check and the copy into the text then
/// work within the first-level cache.
const BLOCK: usize = 32 * 1024;

/// The text of the file at `path`, as [`decode`] gives it for the file's bytes.
pub fn read_text(path: &Path, diags: &mut Diagnostics) -> std::io::Result<Option<String>> {
    let mut file = std::fs::File::open(path)?;
    // The size is a hint for the text's capacity; a file that grows while read is
    // read to its end all the same.
    let size = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    let mut buf = BLOCK_BUF.take();
    let text = read_text_from(&mut file, path, size, BLOCK, &mut buf, diags);
    BLOCK_BUF.set(buf);
    text
}

thread_local! {
    /// The block buffer of a reading thread, kept from file to file: a buffer made for
    /// each file would be zeroed for each, where a small file is not much larger.
    static BLOCK_BUF: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// [`read_text`] from `reader`, whose size `size` is a hint (0 when unknown), at most
/// `block` bytes at a time, read into `buf` (grown as needed).
fn read_text_from(
    reader: &mut impl Read,
    path: &Path,
    size: usize,
    block: usize,
    buf: &mut Vec<u8>,
    diags: &mut Diagnostics,
) -> std::io::Result<Option<String>> {
    let mut text = String::with_capacity(size);
    // A small file needs no block larger than itself (plus the byte that finds its
    // end); a block holds more than the three bytes of a character carried over.
    let want = match size {
        0 => block,
        _ => block.min(size.saturating_add(1)),
    }
    .max(8);
    if buf.len() < want {
        buf.resize(want, 0);
    }
    let buf = &mut buf[..want];
    // Bytes at the start of `buf` carried from the last block: a character cut short.
    let mut kept = 0;
    let mut dirty = false;
    loop {
        let n = match reader.read(&mut buf[kept..]) {
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let filled = kept + n;
        if n == 0 {
            if kept > 0 {
                // The file ends inside a character.
                return whole(text, &buf[..filled], reader, path, diags);
            }
            break;
        }
        let cut = whole_chars(&buf[..filled]);
        // Checked by SIMD, as fast on text in other scripts as on ASCII, where the
        // standard library's check slows on anything but ASCII. An error is left to
        // `decode`, which names where it is.
        let Ok(piece) = simdutf8::basic::from_utf8(&buf[..cut]) else {
            return whole(text, &buf[..filled], reader, path, diags);
        };
        dirty = dirty || needs_cleaning(piece);
        text.push_str(piece);
        buf.copy_within(cut..filled, 0);
        kept = filled - cut;
    }
    // The byte-order mark, which `decode` drops before anything else.
    if text.starts_with('\u{FEFF}') {
        text.replace_range(..'\u{FEFF}'.len_utf8(), "");
    }
    Ok(Some(if dirty {
        clean_text(path, &text, diags)
    } else {
        text
    }))
}

/// How many of `bytes` come before a character that its last bytes start but do not
/// finish (which the next block may finish): all of them when there is none.
fn whole_chars(bytes: &[u8]) -> usize {
    let len = bytes.len();
    // The last byte that is no continuation byte, at most three back.
    let Some(back) = bytes.iter().rev().take(4).position(|&b| b & 0xC0 != 0x80) else {
        return len;
    };
    let start = len - 1 - back;
    let needs = match bytes[start] {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    };
    if len - start < needs { start } else { len }
}

/// The file's bytes (those read as `text`, then `rest`, then what `reader` still
/// holds) given to [`decode`]: a file that is not UTF-8 is reported by it.
fn whole(
    text: String,
    rest: &[u8],
    reader: &mut impl Read,
    path: &Path,
    diags: &mut Diagnostics,
) -> std::io::Result<Option<String>> {
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(rest);
    reader.read_to_end(&mut bytes)?;
    Ok(decode(path, &bytes, diags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader that gives at most `most` bytes a call, as a pipe or a slow disk may.
    struct Trickle<'a> {
        bytes: &'a [u8],
        most: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.most).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn both(bytes: &[u8], size: usize, block: usize, most: usize) {
        let path = Path::new("x.md");
        let (mut read, mut whole) = (Diagnostics::default(), Diagnostics::default());
        let mut reader = Trickle { bytes, most };
        let got = read_text_from(&mut reader, path, size, block, &mut Vec::new(), &mut read).ok();
        assert_eq!(got, Some(decode(path, bytes, &mut whole)), "{bytes:?}");
        assert_eq!(read, whole, "{bytes:?}");
    }

    #[test]
    fn reads_what_decode_gives() {
        let cases: [&[u8]; 9] = [
            b"",
            b"\xEF\xBB\xBF# T\r\nx\r",
            b"\xEF\xBB",
            "é😀分类\u{FEFF}".as_bytes(),
            b"ab\xF0\x9F\x98",
            b"a\xFFb",
            b"line\n\x01\x02\nnext\x7F",
            b"a\r\n\r\nb\rc",
            "x\u{85}y\u{FDD0}z\u{10FFFF}".as_bytes(),
        ];
        for bytes in cases {
            for block in [4, 5, 7, 64, BLOCK] {
                for most in [1, 3, usize::MAX] {
                    both(bytes, bytes.len(), block, most);
                    both(bytes, 0, block, most);
                }
            }
        }
    }

    /// Text with line ends of every kind, controls, noncharacters, a byte-order mark,
    /// characters of every length and bytes that are not UTF-8.
    fn dirty_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            4 => "[a-z \n]{1,12}".prop_map(String::into_bytes),
            2 => "[\r\n\t\x00-\x1F\x7F]".prop_map(String::into_bytes),
            2 => "[\u{80}-\u{A0}\u{FDCF}-\u{FDF0}\u{FEFF}\u{FFFD}-\u{FFFF}\u{10FFFF}é分😀]"
                .prop_map(String::into_bytes),
            1 => prop::collection::vec(any::<u8>(), 1..3),
        ];
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn read_text_agrees_with_decode(
            bytes in dirty_bytes(),
            block in 4usize..24,
            most in 1usize..40,
            hinted in any::<bool>(),
        ) {
            let size = if hinted { bytes.len() } else { 0 };
            both(&bytes, size, block, most);
        }

        #[test]
        fn read_text_agrees_on_any_bytes(bytes in any::<Vec<u8>>(), block in 4usize..24) {
            both(&bytes, bytes.len(), block, usize::MAX);
        }
    }
}
