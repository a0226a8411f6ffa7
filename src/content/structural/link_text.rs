//! Link texts that name where a link goes (`PDF`, `arXiv`, `Code`, a URL, `Read more on
//! Hugging Face`) rather than what the paper is called: titles, labels and anchors all
//! ask about a link's text, and the labels' module is long enough without them.

use super::labels::strip_ornaments;

/// Link texts that name where a link goes rather than what the paper is called.
pub fn is_generic_link_text(text: &str) -> bool {
    let t = strip_ornaments(text.trim())
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`' || c == '[' || c == ']')
        .trim();
    // memchr finds the `://`: every link's text is asked, most are a URL.
    if t.is_empty() || crate::content::marks::scheme_separator(t).is_some() {
        return true;
    }
    let lower = t.to_lowercase();
    if crate::content::arxiv::parse_bare(&lower).is_some() {
        return true;
    }
    // A DOI written as the link's text (`[doi:10.1186/s1](…)`, `[10.1088/x](…)`) names
    // its target as a bare arXiv id does: no title.
    let doi = lower.strip_prefix("doi:").unwrap_or(&lower).trim_start();
    if doi.starts_with("10.") && doi.contains('/') && !doi.contains(char::is_whitespace) {
        return true;
    }
    // An address without its scheme (`arxiv.org/abs/2603.01234`, `www.x.org/paper`):
    // a host with a dot, then a path, and no space.
    if let Some((host, _)) = lower.split_once('/')
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        && !lower.contains(char::is_whitespace)
    {
        return true;
    }
    let generic = [
        "arxiv",
        "pdf",
        "paper",
        "link",
        "abs",
        "abstract",
        "hf",
        "huggingface",
        "hugging face",
        "html",
        "code",
        "github",
        "gitlab",
        "repo",
        "repository",
        "project",
        "project page",
        "page",
        "website",
        "homepage",
        "here",
        "read more",
        "read paper",
        "read",
        "view",
        "more",
        "alphaxiv",
        "openreview",
        "doi",
        "source",
        "链接",
        "论文",
        "原文",
        "论文链接",
        "原文链接",
        "阅读原文",
        "pdf链接",
        "代码",
        "项目",
        "项目主页",
        "主页",
        "详情",
        "papers.cool",
        "cool",
        "kimi",
        "site",
        "demo",
        "dataset",
        "model",
        "models",
        "data",
        "video",
        "blog",
        "slides",
        "poster",
        "back",
        "top",
        "arxiv page",
        "arxiv link",
        "hf page",
        "paper page",
        "full paper",
        "preprint",
        "download",
        "bib",
        "bibtex",
        "cite",
        "html version",
        "ar5iv",
        "scholar",
    ];
    if generic.contains(&lower.as_str()) {
        return true;
    }
    // A date (`[2025-08-28](…/pdf/…)`: when the paper came out) names no title.
    if t.len() <= 20
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"-/. ".contains(&b))
        && crate::content::date_text::find_date(t).is_some()
    {
        return true;
    }
    if is_call_to_action(&lower) {
        return true;
    }
    // A listing's number (`[#38](…abs/…)` before the titled link, `[12](…)`).
    let number = t.strip_prefix('#').unwrap_or(t);
    if (1..=5).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // `arXiv:2507.01234`, `arXiv 2507.01234v2`, `PDF 📄`.
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= 3
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with("arxiv") || w == "pdf" || w == "hf"
        })
}

/// Whether a link's text (lower-cased) asks the reader to follow it rather than names a
/// paper: `View details on Hugging Face`, `Read more on arXiv`, `到 Huggingface 论文主页查看
///详情`, `点击阅读全文`, `자세히 보기`.
fn is_call_to_action(lower: &str) -> bool {
    const CJK: [&str; 11] = [
        "查看",
        "详情",
        "詳情",
        "点击",
        "點擊",
        "阅读全文",
        "閱讀全文",
        "前往",
        "詳細はこちら",
        "자세히",
        "보기",
    ];
    if lower.chars().count() <= 24 && CJK.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() <= 6
        && [
            "view", "see", "read", "go", "visit", "click", "open", "check", "more",
        ]
        .contains(first)
        && [
            "details",
            "detail",
            "here",
            "more",
            "arxiv",
            "huggingface",
            "face",
            "pdf",
            "openreview",
            "summary",
        ]
        .contains(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_to_follow_a_link_name_no_paper() {
        for text in [
            "到 Huggingface 论文主页查看详情",
            "点击阅读全文",
            "View details on Hugging Face",
            "Read more on Hugging Face",
            "See more",
            "자세히 보기",
            "#38",
            "7",
        ] {
            assert!(is_generic_link_text(text), "{text}");
        }
        for text in [
            "See, Hear, and Read: Multimodal Agents",
            "Read Between the Lines of Long Context Models",
            "View Synthesis from a Single Image",
            "深度学习中的注意力机制研究",
        ] {
            assert!(!is_generic_link_text(text), "{text}");
        }
    }

    #[test]
    fn generic_link_texts() {
        for t in [
            "arXiv",
            "PDF",
            "📄 Paper",
            "arXiv:2507.01234",
            "2507.01234",
            "链接",
            "[HF]",
            "arxiv.org/abs/2507.01234",
            "www.example-lab.org/paper",
        ] {
            assert!(is_generic_link_text(t), "{t}");
        }
        for t in [
            "Attention Is All You Need",
            "Code as Policies",
            "A PDF Parser for Science",
            "Node.js/Deno Bundlers Compared",
            "Qwen2.5-VL/7B",
        ] {
            assert!(!is_generic_link_text(t), "{t}");
        }
    }
}
