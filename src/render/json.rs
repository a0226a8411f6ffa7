//! JSON strings and arrays appended by hand, for the export's one line per paper.
//!
//! The export is a full copy of every paper's texts, and serde_json escapes a string a
//! byte at a time through a table: that loop was most of the time the export took
//! before compressing. Here a block of bytes with nothing to escape is copied whole.
//! What is written is what serde_json's compact writer gives, byte for byte (the tests
//! hold the two equal).

/// Whether `b` is escaped in a JSON string, as serde_json does it: control characters,
/// `"` and `\` (DEL and everything past ASCII are written as they are).
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Bytes looked at per step. The test of a block has no early exit, so the compiler
/// compares its bytes at once; most blocks of prose hold nothing to escape.
const BLOCK: usize = 16;

/// Appends `b` escaped: the short forms serde_json uses, else `\u00XX` in lower case.
fn push_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        _ => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        }
    }
}

/// Appends `s` as a JSON string, quotes included.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `run` is the start of the bytes not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + BLOCK).min(bytes.len());
        let block = &bytes[i..end];
        if block.len() == BLOCK && !block.iter().fold(false, |any, &b| any | needs_escape(b)) {
            i = end;
            continue;
        }
        for (k, &b) in block.iter().enumerate() {
            if needs_escape(b) {
                out.extend_from_slice(&bytes[run..i + k]);
                push_escape(out, b);
                run = i + k + 1;
            }
        }
        i = end;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Appends `s` as a JSON string, or `null`.
pub fn push_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends the strings of `items` as a JSON array.
pub fn push_str_array<'a>(out: &mut Vec<u8>, items: impl IntoIterator<Item = &'a str>) {
    out.push(b'[');
    for (k, s) in items.into_iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        push_str(out, s);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_json(s: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, s);
        String::from_utf8(out).expect("JSON of a str is UTF-8")
    }

    #[test]
    fn strings_are_what_serde_json_writes() {
        let every_byte: String = (0u8..0x80).map(char::from).collect();
        for s in [
            "",
            "plain",
            "a \"quoted\" back\\slash",
            "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "été — 中文 \u{2028} 😀",
            "sixteen bytes ok\"sixteen bytes ok\\",
            every_byte.as_str(),
        ] {
            assert_eq!(as_json(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn arrays_and_null_are_what_serde_json_writes() {
        let mut out = Vec::new();
        push_str_array(&mut out, ["a", "b\"", ""]);
        push_str_array(&mut out, []);
        push_opt_str(&mut out, None);
        push_opt_str(&mut out, Some("x"));
        let want = serde_json::to_string(&["a", "b\"", ""]).unwrap()
            + &serde_json::to_string::<[&str; 0]>(&[]).unwrap()
            + &serde_json::to_string(&None::<&str>).unwrap()
            + &serde_json::to_string(&Some("x")).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_what_serde_json_writes(s in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            proptest::prop_assert_eq!(as_json(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
