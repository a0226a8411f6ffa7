//! Escaping text for HTML and XML, appended to the output in one pass.
//!
//! Every page and feed escapes most of its bytes (titles, authors, whole summaries in
//! feed content), so this runs over more text than anything else in a build. Runs of
//! bytes that need nothing are copied whole; only the five special characters and the
//! lead bytes of characters XML 1.0 forbids are looked at.

use crate::content::{is_forbidden_char, may_start_forbidden_char};

/// What a byte asks for: copied as is, escaped, or (for XML text) a look at the
/// character it starts, which may be one XML forbids.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Plain,
    Special,
    MaybeForbidden,
}

const CLASSES: [Class; 256] = {
    let mut t = [Class::Plain; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'&' | b'<' | b'>' | b'"' | b'\'' => Class::Special,
            byte if may_start_forbidden_char(byte) => Class::MaybeForbidden,
            _ => Class::Plain,
        };
        b += 1;
    }
    t
};

fn entity(b: u8) -> &'static str {
    match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        _ => "&apos;",
    }
}

/// Where the first of `& < > " '` in `bytes` is, found with SIMD: most text has none or
/// few, and a page is mostly text.
fn find_special(bytes: &[u8]) -> Option<usize> {
    let quote = memchr::memchr2(b'"', b'\'', bytes);
    let markup = memchr::memchr3(b'&', b'<', b'>', &bytes[..quote.unwrap_or(bytes.len())]);
    markup.or(quote)
}

/// Whether `bytes` holds one of `& < > " '`: every byte is looked at, with no early exit,
/// which lets the compiler compare many bytes at once (this runs for nearly everything
/// a template prints).
fn has_special(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |any, &b| {
        any | matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
    })
}

/// Text shorter than this is searched for `& < > " '` a byte at a time: most of what a
/// template prints (names, dates, URLs, titles) is this short, and starting the two
/// SIMD searches of [`find_special`] costs more than looking at each of its bytes.
const SHORT_TEXT: usize = 64;

/// Hands `s` escaped for HTML to `put`, piece by piece: runs of text as they are and
/// entities for `& < > " '`.
fn html_pieces<E>(s: &str, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    if s.len() < SHORT_TEXT {
        // Most short text (names, dates, URLs) needs nothing: handed over whole.
        if !has_special(s.as_bytes()) {
            return put(s);
        }
        let mut run = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            if CLASSES[b as usize] == Class::Special {
                put(&s[run..i])?;
                put(entity(b))?;
                run = i + 1;
            }
        }
        return put(&s[run..]);
    }
    let mut rest = s;
    while let Some(at) = find_special(rest.as_bytes()) {
        put(&rest[..at])?;
        put(entity(rest.as_bytes()[at]))?;
        rest = &rest[at + 1..];
    }
    put(rest)
}

/// Appends `s` escaped for HTML text or an attribute value (`& < > " '`; `/` is left
/// alone, which keeps URLs readable and pages small).
pub fn push_html(out: &mut String, s: &str) {
    let Ok(()) = html_pieces::<std::convert::Infallible>(s, |piece| {
        out.push_str(piece);
        Ok(())
    });
}

/// [`push_html`] into a new string.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_html(&mut out, s);
    out
}

/// [`push_html`] to a writer, in the shape Tera wants for its escape function.
pub fn write_html(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    html_pieces(s, |piece| out.write_all(piece.as_bytes()))
}

/// Appends `s` escaped as XML text (`& < > " '`), without the characters XML 1.0
/// forbids ([`is_forbidden_char`]).
pub fn push_xml_text(out: &mut String, s: &str) {
    push_xml(out, s, false);
}

/// Appends `s` escaped as the text of an XML element: only `&`, `<`, and a `>` that
/// would end `]]>`, are escaped, since quotes need no escaping outside attributes. Feed
/// content is escaped HTML, whose every tag would otherwise grow by `&gt;` and its
/// every attribute by two `&quot;`.
pub fn push_xml_element_text(out: &mut String, s: &str) {
    push_xml(out, s, true);
}

/// [`push_xml_text`], or [`push_xml_element_text`] when `element` is set.
fn push_xml(out: &mut String, s: &str, element: bool) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match CLASSES[b as usize] {
            Class::Special => {
                let kept = element
                    && match b {
                        b'"' | b'\'' => true,
                        b'>' => !bytes[..i].ends_with(b"]]"),
                        _ => false,
                    };
                if kept {
                    i += 1;
                    continue;
                }
                out.push_str(&s[run..i]);
                out.push_str(entity(b));
                i += 1;
                run = i;
            }
            Class::MaybeForbidden => {
                // `b` is ASCII or a lead byte, so `i` is a character boundary.
                let c = s[i..].chars().next().unwrap_or_default();
                let len = c.len_utf8().max(1);
                if is_forbidden_char(c) {
                    out.push_str(&s[run..i]);
                    run = i + len;
                }
                i += len;
            }
            Class::Plain => i += 1,
        }
    }
    out.push_str(&s[run..]);
}

/// Whether `s` may hold a character XML 1.0 forbids: false is sure, true means look
/// closer ([`is_forbidden_char`]).
pub fn may_hold_forbidden(s: &str) -> bool {
    s.bytes().any(may_start_forbidden_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain statement of [`push_xml_text`].
    fn xml_text_slow(s: &str) -> String {
        let clean: String = s.chars().filter(|&c| !is_forbidden_char(c)).collect();
        quick_xml::escape::escape(clean.as_str()).into_owned()
    }

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        let mut out = String::new();
        push_xml_text(
            &mut out,
            "a<b & \u{1}c\"\u{FFFE}'\u{85}\u{FDD0}\u{1FFFF}é\u{10FFFD}",
        );
        assert_eq!(out, "a&lt;b &amp; c&quot;&apos;é\u{10FFFD}");
        assert_eq!(html("x\u{1}<y>"), "x\u{1}&lt;y&gt;");
    }

    #[test]
    fn element_text_escapes_only_what_xml_text_needs() {
        let mut out = String::new();
        push_xml_element_text(&mut out, "<a href=\"x\">it's</a> ]]> ]> &\u{1}");
        assert_eq!(out, "&lt;a href=\"x\">it's&lt;/a> ]]&gt; ]> &amp;");
        // Unescaped, it is the text itself.
        assert_eq!(
            quick_xml::escape::unescape(&out).unwrap(),
            "<a href=\"x\">it's</a> ]]> ]> &"
        );
    }

    proptest::proptest! {
        #[test]
        fn matches_quick_xml_on_any_text(
            s in "(\\PC|[<>&\"'\\x00-\\x1f\\x7f]|[\u{80}-\u{9f}\u{fdd0}-\u{fdef}\u{fffe}\u{ffff}\u{1fffe}\u{10ffff}]|[a-zé ]){0,40}"
        ) {
            let want = quick_xml::escape::escape(s.as_str()).into_owned();
            proptest::prop_assert_eq!(html(&s), want.clone());
            // Long text takes the SIMD search, short text the byte loop.
            let long = s.repeat(SHORT_TEXT);
            proptest::prop_assert_eq!(html(&long), want.repeat(SHORT_TEXT));
            let mut written = Vec::new();
            write_html(&s, &mut written).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(written).unwrap(), want.clone());
            if s.chars().any(is_forbidden_char) {
                proptest::prop_assert!(may_hold_forbidden(&s));
            }
            let mut out = String::new();
            push_xml_text(&mut out, &s);
            proptest::prop_assert_eq!(out, xml_text_slow(&s));
        }
    }
}
