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
pub fn id_from_url(url: &str) -> Option<(String, IdSource)> {
    let caps = ID_IN_URL.captures(url.trim())?;
    let source = if caps[0].to_ascii_lowercase().contains("huggingface") {
        IdSource::HuggingFace
    } else {
        IdSource::Arxiv
    };
    Some((caps[1].to_string(), source))
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
    format!("https://arxiv.org/abs/{id}")
}

pub fn pdf_url(id: &str) -> String {
    format!("https://arxiv.org/pdf/{id}")
}

pub fn hf_url(id: &str) -> String {
    format!("https://huggingface.co/papers/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

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
