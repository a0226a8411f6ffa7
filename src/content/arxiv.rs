//! arXiv identifiers: the key that joins the same paper across files, formats and days.

use std::sync::LazyLock;

use regex::Regex;

static ID_IN_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|alphaxiv\.org/abs/)(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?(?:[/?#]|$)",
    )
    .expect("static regex")
});

static BARE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$").expect("static regex"));

/// Where an id was found, so a mismatch between an arXiv and a Hugging Face link in
/// one row can be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSource {
    Arxiv,
    HuggingFace,
}

/// The arXiv id named by a URL (`abs/`, `pdf/`, `html/` or `papers/`), version dropped.
///
/// This runs for every link of every entry. An ASCII URL (all of them, in practice) is
/// read by hand, which gives what `ID_IN_URL` gives; any other goes to the regex, whose
/// `\d` and `(?i)` take non-ASCII digits and letters too.
pub fn id_from_url(url: &str) -> Option<(String, IdSource)> {
    let url = url.trim();
    if url.is_ascii() {
        id_from_ascii_url(url)
    } else {
        id_from_url_regex(url)
    }
}

fn id_from_url_regex(url: &str) -> Option<(String, IdSource)> {
    let caps = ID_IN_URL.captures(url)?;
    let source = if caps[0].to_ascii_lowercase().contains("huggingface") {
        IdSource::HuggingFace
    } else {
        IdSource::Arxiv
    };
    Some((caps[1].to_string(), source))
}

/// The prefixes `ID_IN_URL` accepts before an id, in lower case.
const ID_PREFIXES: [(&str, IdSource); 5] = [
    ("arxiv.org/abs/", IdSource::Arxiv),
    ("arxiv.org/pdf/", IdSource::Arxiv),
    ("arxiv.org/html/", IdSource::Arxiv),
    ("huggingface.co/papers/", IdSource::HuggingFace),
    ("alphaxiv.org/abs/", IdSource::Arxiv),
];

/// `ID_IN_URL` on an ASCII URL: the leftmost prefix followed by a well-formed id.
fn id_from_ascii_url(url: &str) -> Option<(String, IdSource)> {
    let lower = url.to_ascii_lowercase();
    // Every prefix starts with `a` or `h`.
    memchr::memchr2_iter(b'a', b'h', lower.as_bytes()).find_map(|start| {
        let rest = lower.get(start..)?;
        ID_PREFIXES.iter().find_map(|&(prefix, source)| {
            let id = id_after_prefix(rest.strip_prefix(prefix)?)?;
            Some((id.to_string(), source))
        })
    })
}

/// The id at the start of `tail` (lower case) if the rest of `ID_IN_URL` matches:
/// `\d{4}\.\d{4,5}`, then an optional `v\d+` and `.pdf`, then `/`, `?`, `#` or the end.
/// The pattern's repeats are greedy and what follows each can never be a digit, so
/// taking every digit there is and checking the count is the same.
fn id_after_prefix(tail: &str) -> Option<&str> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let year_month = digits(tail);
    let number = digits(tail.get(year_month + 1..)?);
    if year_month != 4 || tail.as_bytes().get(4) != Some(&b'.') || !(4..=5).contains(&number) {
        return None;
    }
    let id_len = 5 + number;
    let mut rest = tail.get(id_len..)?;
    if let Some(version) = rest.strip_prefix('v') {
        let n = digits(version);
        if n == 0 {
            return None;
        }
        rest = version.get(n..)?;
    }
    rest = rest.strip_prefix(".pdf").unwrap_or(rest);
    let ends = rest.is_empty() || rest.starts_with(['/', '?', '#']);
    ends.then(|| tail.get(..id_len)).flatten()
}

/// An id written on its own, as in `arxiv: 2507.02592v2` or front matter keys.
pub fn parse_bare(s: &str) -> Option<String> {
    BARE_ID.captures(s.trim()).map(|c| c[1].to_string())
}

/// True for strings that are valid ids already normalised (safe as a path segment).
pub fn is_id(s: &str) -> bool {
    parse_bare(s).as_deref() == Some(s)
}

pub fn abs_url(id: &str) -> String {
    concat("https://arxiv.org/abs/", id)
}

pub fn pdf_url(id: &str) -> String {
    concat("https://arxiv.org/pdf/", id)
}

pub fn hf_url(id: &str) -> String {
    concat("https://huggingface.co/papers/", id)
}

/// `a` then `b` in one allocation (`format!` costs several times more, and every list
/// of papers makes these links for each paper).
fn concat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// Text without the head of arXiv's RSS description (`arXiv:2509.18661v1 Announce Type:
/// cross Abstract: …`), which bots paste before the abstract and `import` reads from the
/// feed: the id is the entry's own, the announcement type is the feed's bookkeeping.
pub fn without_announcement(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("arXiv:") else {
        return text;
    };
    let Some(at) = rest
        .get(..rest.len().min(40))
        .and_then(|h| h.find("Announce Type:"))
    else {
        return text;
    };
    let after = rest[at + "Announce Type:".len()..].trim_start();
    // The type is one word (`new`, `cross`, `replace`, `replace-cross`).
    let after = after
        .split_once(char::is_whitespace)
        .map_or("", |(_, r)| r.trim_start());
    after
        .strip_prefix("Abstract:")
        .map_or(after, str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_feed_heads_are_not_text() {
        assert_eq!(
            without_announcement("arXiv:2509.18661v1 Announce Type: cross \nAbstract: The growth."),
            "The growth."
        );
        assert_eq!(
            without_announcement("arXiv:2509.18661 Announce Type: new Abstract: We."),
            "We."
        );
        assert_eq!(
            without_announcement("arXiv:2509.18661 is ours."),
            "arXiv:2509.18661 is ours."
        );
        assert_eq!(without_announcement("We cite arXiv:1."), "We cite arXiv:1.");
    }
    use proptest::prelude::*;

    /// URLs made of the pieces `ID_IN_URL` looks for, in any case, with digits of other
    /// scripts and near misses.
    fn urlish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(vec![
                "https://", "http://", "arxiv.org/", "ArXiv.Org/", "abs/", "pdf/", "html/",
                "HTML/", "huggingface.co/papers/", "HuggingFace.co/Papers/", "alphaxiv.org/abs/",
                "alpharxiv.org/abs/", "2507.", "02592", "0259", "025921", "v", "V", "v12", ".pdf",
                ".PDF", "/", "?", "#", "#community", ".", " ", "\u{661}\u{662}", "\u{17F}", "x",
            ]).prop_map(str::to_string),
            2 => "[0-9]{1,6}",
            1 => "[a-z./?#v]{1,3}",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn id_from_url_agrees_with_the_regex(url in urlish()) {
            prop_assert_eq!(id_from_url(&url), id_from_url_regex(url.trim()));
        }

        #[test]
        fn id_from_url_agrees_on_any_text(url in any::<String>()) {
            prop_assert_eq!(id_from_url(&url), id_from_url_regex(url.trim()));
        }
    }

    #[test]
    fn ids_from_every_url_shape() {
        for (url, id) in [
            ("https://arxiv.org/abs/2507.02592", "2507.02592"),
            ("https://arxiv.org/abs/2507.02592v3", "2507.02592"),
            ("http://arxiv.org/pdf/2507.02592v1.pdf", "2507.02592"),
            ("https://arxiv.org/pdf/2507.02592", "2507.02592"),
            ("https://huggingface.co/papers/2506.23918", "2506.23918"),
            (
                "https://huggingface.co/papers/2506.23918#community",
                "2506.23918",
            ),
            ("https://arxiv.org/abs/1501.0001", "1501.0001"),
        ] {
            assert_eq!(id_from_url(url).map(|x| x.0).as_deref(), Some(id), "{url}");
        }
        assert_eq!(
            id_from_url("https://huggingface.co/papers/2506.23918")
                .unwrap()
                .1,
            IdSource::HuggingFace
        );
    }

    #[test]
    fn non_paper_urls_have_no_id() {
        for url in [
            "https://towardsdatascience.com/my-honest-advice/",
            "https://arxiv.org/list/cs.AI/recent",
            "https://huggingface.co/papers/2506.239180000",
            "https://example.org/2507.02592",
        ] {
            assert_eq!(id_from_url(url), None, "{url}");
        }
    }

    #[test]
    fn bare_ids() {
        assert_eq!(
            parse_bare("arXiv:2507.02592v2").as_deref(),
            Some("2507.02592")
        );
        assert_eq!(parse_bare("../etc"), None);
        assert!(is_id("2507.02592"));
        assert!(!is_id("2507.02592v1"));
    }
}
