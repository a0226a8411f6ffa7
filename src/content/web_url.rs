//! The target of an entry's link, as a page may publish it.
//!
//! Digests name each entry's link in their own syntax (`Link:` lines, `link:` fields,
//! heading links), and a bot copies it from a feed as it finds it. It becomes the
//! `href` of a heading on day pages and in feeds, outside the markup sanitiser, so it is
//! checked here: only `http` and `https` are followable (a `javascript:` link would run
//! in the reader's browser), and characters no URL may hold raw are percent-encoded.

/// `raw` (trimmed) as an `http(s)` URL to publish, or `None` when it has another scheme
/// or no host. Space, `"`, `<`, `>`, `` ` ``, `{`, `}`, `|` and `^` become `%XX`, as a
/// browser sends them; nothing else changes, so a URL that was valid stays byte-identical.
pub fn web_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let (scheme, rest) = super::marks::split_scheme(raw)?;
    let host_start = rest.chars().next()?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        || matches!(host_start, '/' | '?' | '#')
        || host_start.is_whitespace()
    {
        return None;
    }
    // Nearly every URL is printable ASCII with nothing to encode: copied as it is.
    // Every byte is tested, with no early exit, so that the test is vectorised.
    let to_encode = raw.bytes().fold(false, |found, b| {
        found
            | !b.is_ascii_graphic()
            | matches!(b, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'^')
    });
    if !to_encode {
        return Some(raw.to_string());
    }
    let mut url = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^' => {
                url.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_control() => url.push_str(&format!("%{:02X}", u32::from(c))),
            c => url.push(c),
        }
    }
    Some(url)
}

/// An entry's link as [`web_url`] takes it, or, when it starts with a host and no scheme
/// (`arxiv.org/abs/2507.00001`, `www.example.org/post`), that link with `https://` in
/// front: a bot that dropped the scheme meant the web, and the entry is published with
/// a `schemeless-link` warning rather than stopping the build. `None` (another scheme,
/// or no host) stays an error for the caller: there is no link to guess.
pub fn entry_url(raw: &str) -> Option<(String, bool)> {
    if let Some(url) = web_url(raw) {
        return Some((url, false));
    }
    let raw = raw.trim();
    let host = raw.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let is_host = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic) && tld.chars().count() >= 2);
    if !is_host {
        return None;
    }
    web_url(&format!("https://{raw}")).map(|url| (url, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls_pass_unchanged() {
        for url in [
            "https://arxiv.org/abs/2507.00001",
            "http://blog.example.org/a?b=1&c=2#top",
            "HTTPS://Example.org",
            "https://例え.jp/パス",
        ] {
            assert_eq!(web_url(url).as_deref(), Some(url));
        }
        assert_eq!(
            web_url("  https://x.org/a  ").as_deref(),
            Some("https://x.org/a")
        );
    }

    #[test]
    fn characters_no_url_holds_are_encoded() {
        assert_eq!(
            web_url("https://blog.example.org/a?b=1&c=<2>").as_deref(),
            Some("https://blog.example.org/a?b=1&c=%3C2%3E")
        );
        assert_eq!(
            web_url("https://x.org/a b\"{|}^`").as_deref(),
            Some("https://x.org/a%20b%22%7B%7C%7D%5E%60")
        );
    }

    #[test]
    fn other_schemes_and_hostless_urls_are_refused() {
        for url in [
            "javascript:alert(1)",
            "javascript://x.org/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "ftp://x.org/file",
            "//x.org/a",
            "/papers/x",
            "https:///x",
            "https://",
            "x.org",
            "",
        ] {
            assert_eq!(web_url(url), None, "{url:?}");
        }
    }

    #[test]
    fn a_link_that_starts_with_its_host_is_read_as_https() {
        assert_eq!(
            entry_url("arxiv.org/abs/2507.00001"),
            Some(("https://arxiv.org/abs/2507.00001".to_string(), true))
        );
        assert_eq!(
            entry_url(" www.example.org/a b "),
            Some(("https://www.example.org/a%20b".to_string(), true))
        );
        assert_eq!(
            entry_url("https://x.org/a"),
            Some(("https://x.org/a".to_string(), false))
        );
        for not_a_host in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/papers/x",
            "x",
            "x.org:8080/a",
            "1.2",
            "mailto:a@b.org",
            "a..org/x",
            "-x.org",
            "",
        ] {
            assert_eq!(entry_url(not_a_host), None, "{not_a_host}");
        }
    }
}
