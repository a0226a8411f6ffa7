//! The two- and three-byte marks that links are read by (`](` between a markdown
//! link's text and target, `://` after a URL's scheme), found from their first byte.
//!
//! Every line, label and URL of a digest is asked for them, and `str::find` or
//! `str::contains` with a string pattern sets up a substring searcher per call, which
//! costs more than the search on text this short. These give what those give.

/// Byte offset of the first `](` in `text`: `text.find("](")`.
pub fn link_middle(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(b']', b).find(|&i| b.get(i + 1) == Some(&b'('))
}

/// Byte offset of the first `://` in `text`: `text.find("://")`.
pub fn scheme_separator(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(b':', b).find(|&i| b.get(i + 1..i + 3) == Some(b"//"))
}

/// `text.split_once("://")`.
pub fn split_scheme(text: &str) -> Option<(&str, &str)> {
    scheme_separator(text).map(|at| (&text[..at], &text[at + 3..]))
}

/// Text without its links to other pages of the same site (`[← Daily summary](../2026-08-07.md)`,
/// `[⬆️ Back to the category](#cs-cl)`): a line of them and of paper links is the site's
/// navigation, as a line of generic links is. Found by [`link_middle`]'s mark.
pub fn without_site_links(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("](") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid + 2..].find(')').map(|c| mid + 2 + c) else {
            break;
        };
        let target = rest[mid + 2..close].trim();
        let on_site = !target.contains("://")
            && !rest[open + 1..mid].contains('[')
            && (target.starts_with('#')
                || target.ends_with(".md")
                || target.contains(".md#")
                || target.ends_with('/'));
        out.push_str(&rest[..open]);
        if !on_site {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_str_find() {
        for text in [
            "",
            "]",
            ":",
            "](",
            "://",
            ":/",
            "a]b](c",
            "]]((",
            "[x] (y) [z](https://a.org/b)",
            "https://a.org/b",
            "x: y :/ z ://w",
            "中文](链接://",
            "::://",
        ] {
            assert_eq!(link_middle(text), text.find("]("), "{text:?}");
            assert_eq!(scheme_separator(text), text.find("://"), "{text:?}");
            assert_eq!(split_scheme(text), text.split_once("://"), "{text:?}");
        }
    }
}
