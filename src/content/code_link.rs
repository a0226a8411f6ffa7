//! Code links: the repository or project page a digest gives for a paper.
//!
//! Bots name a paper's code in many places: a `Code` / `代码` / `GitHub` column, a
//! labelled line (`**Code**: …`, `Project page: …`, `项目主页：…`), a link whose text is
//! `[Code]`, or only in the abstract ("Code is available at https://github.com/…").
//! Every parser asks this module, so that one rule decides what a code link is:
//!
//! - a labelled line or column may point to any web page (a project page), but never to
//!   the paper itself (arXiv, Hugging Face paper pages, OpenReview, DOI …);
//! - text under no such label yields only a repository on a code host (GitHub, GitLab,
//!   Codeberg, Bitbucket);
//! - a code host's URL counts only when it names a repository (`github.com/owner/repo`),
//!   normalised (no `.git`, trailing `/` or `#readme`); a deeper path is kept as given.
//!
//! Which link a paper finally shows (and whether a link many papers share is anyone's)
//! is the model's decision: see `model::code`.

use std::sync::LazyLock;

use super::marks;

/// Hosts whose repositories are code links wherever they appear.
const CODE_HOSTS: [&str; 4] = ["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"];

/// Hosts of the paper itself (its abstract, PDF, reviews, DOI): never a code link.
const PAPER_HOSTS: [&str; 13] = [
    "arxiv.org",
    "openreview.net",
    "doi.org",
    "pubmed.ncbi.nlm.nih.gov",
    "alphaxiv.org",
    "papers.cool",
    "semanticscholar.org",
    "paperswithcode.com",
    "aclanthology.org",
    "scholar.google.com",
    "researchgate.net",
    "ieeexplore.ieee.org",
    "dl.acm.org",
];

/// First path segments of a code host that are its own pages, not an owner.
const HOST_PAGES: [&str; 14] = [
    "orgs",
    "topics",
    "search",
    "marketplace",
    "features",
    "about",
    "settings",
    "login",
    "sponsors",
    "collections",
    "explore",
    "trending",
    "users",
    "apps",
];

/// Whether a field's label (a column name, the words before a colon) names the code:
/// `Code`, `GitHub`, `Repo`, `Project page`, `代码`, `项目主页` …, with any bold,
/// ornament or colon around it.
pub fn is_code_label(label: &str) -> bool {
    // A label that opens with a letter, a digit or a CJK ideograph keeps it first when
    // trimmed: one that no code label opens with (lower-cased) decides most labels, of
    // every link and field, before they are trimmed.
    if let Some(c) = label.chars().next()
        && (c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
        && !opens_a_code_label(c.to_ascii_lowercase())
    {
        return false;
    }
    let t = label
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| matches!(c, '*' | '_' | '`' | ':' | '：') || c.is_whitespace());
    // Every link text and label of every line is asked, so most are decided without
    // lower-casing them. Outside ASCII only the Kelvin sign lower-cases into it (to
    // `k`), and the CJK labels have no case: text lower-cases to a label only when it
    // is no longer than the label, or two bytes more for each `k` written as a Kelvin
    // sign, which no label reaches the longest one's length with.
    if t.len() > CODE_LABEL_MAX_BYTES {
        return false;
    }
    if t.is_ascii() {
        return CODE_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l));
    }
    if !t.contains('\u{212A}') {
        return CODE_LABELS.contains(&t);
    }
    let lower = t.to_lowercase();
    CODE_LABELS.contains(&lower.as_str())
}

/// Whether one of [`CODE_LABELS`] opens with `c` (a test holds the list to it).
fn opens_a_code_label(c: char) -> bool {
    matches!(c, 'c' | 's' | 'g' | 'r' | 'p' | '代' | '开' | '项')
}

/// What [`is_code_label`] accepts, lower-case.
const CODE_LABELS: [&str; 24] = [
    "code",
    "codes",
    "code link",
    "code url",
    "source code",
    "github",
    "github link",
    "github repo",
    "gitlab",
    "repo",
    "repository",
    "code repository",
    "project",
    "project page",
    "project website",
    "代码",
    "代码链接",
    "代码地址",
    "开源代码",
    "开源地址",
    "项目",
    "项目主页",
    "项目地址",
    "项目页面",
];

/// The length in bytes of the longest of [`CODE_LABELS`].
const CODE_LABEL_MAX_BYTES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < CODE_LABELS.len() {
        if CODE_LABELS[i].len() > max {
            max = CODE_LABELS[i].len();
        }
        i += 1;
    }
    max
};

/// The code link of a labelled value (`**Code**: [GitHub](https://github.com/a/b)`, a
/// Code cell): its first web URL that is not the paper's; a code host's URL only when it
/// names a repository. `None` when it gives no such URL ("coming soon").
pub fn from_labelled(value: &str) -> Option<String> {
    urls(value, false).find_map(|url| {
        if is_paper_link(url) {
            return None;
        }
        if is_code_host(url) {
            return repository(url);
        }
        crate::content::web_url::web_url(url)
    })
}

/// The code link among a line's links by their text (`[Code](…)`, `[GitHub](…)`,
/// `[项目主页](…)`), as [`from_labelled`] takes it.
pub fn from_link_texts(line: &str) -> Option<String> {
    let mut rest = line;
    // The brackets are found by memchr: every link line is read here.
    while let Some(open) = memchr::memchr(b'[', rest.as_bytes()) {
        let after = &rest[open + 1..];
        let Some(close) = marks::link_middle(after) else {
            break;
        };
        let text = &after[..close];
        let target = &after[close + 2..];
        let end = memchr::memchr(b')', target.as_bytes()).unwrap_or(target.len());
        if !text.contains('[')
            && is_code_label(text)
            && let Some(url) = from_labelled(&target[..end])
        {
            return Some(url);
        }
        rest = &after[close..];
    }
    None
}

/// The code link a line of links states (`Links: [arXiv](…) [Code](…)`), under `label`
/// when it has one: any page under a code label, else a `[Code](…)` link. A repository
/// the line links under another text (`[View](https://github.com/…)`) is a weaker
/// candidate: [`from_text`].
pub fn from_link_line(label: Option<&str>, line: &str) -> Option<String> {
    if label.is_some_and(is_code_label) {
        return from_labelled(line);
    }
    from_link_texts(line)
}

/// The first repository on a code host that `text` names, bare or as a link target.
/// `text` may be markdown or HTML (an `&` ends a URL there, as it starts an entity).
pub fn from_text(text: &str) -> Option<String> {
    repositories(text).next()
}

/// Every repository on a code host that `text` names, in order, as [`from_text`].
pub fn repositories(text: &str) -> impl Iterator<Item = String> {
    // A repository's URL holds its host's name, and most text names no code host:
    // such text is not searched for URLs at all.
    let text = if names_code_host(text) { text } else { "" };
    urls(text, true).filter_map(repository)
}

/// Whether `text` holds the name of one of [`CODE_HOSTS`] in any ASCII case, as every
/// URL that [`repository`] takes does: found from the dot in each name.
fn names_code_host(text: &str) -> bool {
    let b = text.as_bytes();
    let ends_ci = |at: usize, word: &[u8]| {
        at >= word.len() && b[at - word.len()..at].eq_ignore_ascii_case(word)
    };
    let starts_ci = |at: usize, word: &[u8]| {
        b.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr_iter(b'.', b).any(|dot| {
        CODE_HOST_PARTS
            .iter()
            .any(|(name, tld)| starts_ci(dot + 1, tld) && ends_ci(dot, name))
    })
}

/// [`CODE_HOSTS`], each cut at its dot.
const CODE_HOST_PARTS: [(&[u8], &[u8]); 4] = [
    (b"github", b"com"),
    (b"gitlab", b"com"),
    (b"codeberg", b"org"),
    (b"bitbucket", b"org"),
];

/// Whether `words` hold anything beside their links: words a reader should still see
/// when a labelled line becomes a code link (`Code: https://… (PyTorch)`), or that a
/// code line without a link says ("to be released", a tool's name). A word that only
/// says there is none (`暂无`, `N/A`) is nothing to see.
pub fn has_other_words(words: &str) -> bool {
    let mut kept = String::with_capacity(words.len());
    let mut rest = words;
    // Link texts that are labels or URLs say nothing more than the link.
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let target = &after[close + 2..];
        let Some(end) = target.find(')') else { break };
        let text = &after[..close];
        kept.push_str(&rest[..open]);
        if !(is_code_label(text) || text.contains("://") || is_link_word(text)) {
            kept.push_str(text);
        }
        rest = &target[end + 1..];
    }
    kept.push_str(rest);
    let kept: Vec<&str> = kept
        .split_whitespace()
        .filter(|w| !w.contains("://"))
        .collect();
    let none = kept
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if matches!(
        none.as_str(),
        "暂无" | "无" | "none" | "n/a" | "na" | "null" | "暂未开源" | "未开源" | "no code"
    ) {
        return false;
    }
    kept.iter()
        .any(|w| w.chars().any(char::is_alphanumeric) && !is_link_word(w))
}

/// Words that only point at a link (`here`, `link`, `GitHub`).
fn is_link_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(w.as_str(), "here" | "link" | "github" | "gitlab" | "url") || is_code_label(&w)
}

/// Whether `url` is a page of the paper itself, never its code.
pub fn is_paper_link(url: &str) -> bool {
    let Some((host, path)) = host_and_path(url) else {
        return false;
    };
    let on = |h: &str| host == h || host.ends_with(&format!(".{h}"));
    PAPER_HOSTS.iter().any(|h| on(h))
        || ((on("huggingface.co") || on("hf.co")) && path.starts_with("papers"))
}

fn is_code_host(url: &str) -> bool {
    host_and_path(url).is_some_and(|(host, _)| CODE_HOSTS.contains(&host.as_str()))
}

/// A code host's URL naming a repository, normalised: `https://github.com/owner/repo`
/// (no `.git`, query, `/` or `#readme` after it), or a deeper path as given (less a
/// trailing `/` and `#readme`). `None` for other hosts, and for an owner or the host
/// alone.
pub fn repository(url: &str) -> Option<String> {
    // Most URLs in a digest are the paper's: rejected before the host is copied.
    if !on_code_host(url) {
        return None;
    }
    let (host, path) = host_and_path(url)?;
    if !CODE_HOSTS.contains(&host.as_str()) {
        return None;
    }
    let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
    let (path_only, query) = path.split_once('?').unwrap_or((path, ""));
    let path_only = path_only.trim_end_matches('/');
    let segments: Vec<&str> = path_only.split('/').collect();
    if segments.len() < 2
        || segments.iter().any(|s| s.is_empty())
        || HOST_PAGES.contains(&segments[0].to_ascii_lowercase().as_str())
    {
        return None;
    }
    // A repository's issues, pull requests or discussions are talk about it, not its
    // code: a digest's "report a problem" button links `…/issues/new?title=…`, often
    // of the bot's own repository.
    if segments.get(2).is_some_and(|page| {
        ["issues", "pulls", "pull", "discussions", "compare"]
            .contains(&page.to_ascii_lowercase().as_str())
    }) {
        return None;
    }
    let mut out = format!("https://{host}/");
    if segments.len() == 2 {
        let repo = segments[1].strip_suffix(".git").unwrap_or(segments[1]);
        if repo.is_empty() {
            return None;
        }
        out.push_str(segments[0]);
        out.push('/');
        out.push_str(repo);
    } else {
        out.push_str(path_only);
        if !query.is_empty() {
            out.push('?');
            out.push_str(query);
        }
        if !fragment.is_empty() && !fragment.eq_ignore_ascii_case("readme") {
            out.push('#');
            out.push_str(fragment);
        }
    }
    crate::content::web_url::web_url(&out)
}

/// Whether `url` is an http(s) URL on a code host: what [`host_and_path`] and
/// [`CODE_HOSTS`] decide, without copying the host to lower-case it.
fn on_code_host(url: &str) -> bool {
    let Some((scheme, rest)) = marks::split_scheme(url) else {
        return false;
    };
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return false;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    let host = match host.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
        _ => host,
    };
    CODE_HOSTS.iter().any(|h| host.eq_ignore_ascii_case(h))
}

/// The host (lower-case, without `www.`) and the path after its `/` of an http(s) URL.
fn host_and_path(url: &str) -> Option<(String, &str)> {
    let (scheme, rest) = marks::split_scheme(url)?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let path = rest[end..].strip_prefix('/').unwrap_or(&rest[end..]);
    Some((host, path))
}

/// The http(s) URLs in `text`, in order, each without the punctuation that ends the
/// sentence or the markup around it (`.`, `,`, `)`, `**`). With `html`, an `&` ends a
/// URL (it starts an entity there).
fn urls(text: &str, html: bool) -> impl Iterator<Item = &str> {
    // Built once: every link line and summary is searched, and building a searcher
    // for each search cost more than the search.
    static HTTP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"http"));
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = HTTP.find(&bytes[from..]).map(|i| from + i) {
            from = at + 4;
            let rest = &text[at..];
            let body_at = if rest[4..].starts_with("s://") {
                8
            } else if rest[4..].starts_with("://") {
                7
            } else {
                continue;
            };
            // Not the middle of a word (`xhttps://`).
            if text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let len = rest[body_at..]
                .char_indices()
                .find(|&(_, c)| ends_url(c, html))
                .map_or(rest.len() - body_at, |(i, _)| i);
            let url = rest[..body_at + len]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_', '\'']);
            from = at + body_at + len;
            if url.len() > body_at {
                return Some(url);
            }
        }
        None
    })
}

#[inline]
fn ends_url(c: char, html: bool) -> bool {
    // Nearly every character of a URL is ASCII: decided without the Unicode tables.
    if c.is_ascii() {
        return matches!(
            c,
            ' ' | '\t'
                ..='\r' | '<' | '>' | '"' | '`' | '|' | '[' | ']' | '(' | ')' | '{' | '}' | '\\'
        ) || (html && c == '&');
    }
    c.is_whitespace()
        || matches!(c, '<' | '>' | '"' | '`' | '|' | '[' | ']' | '(' | ')' | '{' | '}' | '\\')
        || (html && c == '&')
        // CJK punctuation and full-width forms (`。`, `，`, `）`).
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text is searched for repositories only when it names a code host, in any case.
    #[test]
    fn code_hosts_are_named_in_any_case() {
        for text in [
            "https://github.com/ann/tool",
            "see https://GITHUB.COM/ann/tool.",
            "x https://www.GitLab.com/ann/tool",
            "https://codeberg.org/ann/tool",
            "(https://BitBucket.ORG/ann/tool)",
        ] {
            assert!(names_code_host(text), "{text}");
            assert!(from_text(text).is_some(), "{text}");
        }
        for (host, (name, tld)) in CODE_HOSTS.iter().zip(CODE_HOST_PARTS) {
            assert_eq!(host.as_bytes(), [name, b".", tld].concat());
        }
        for text in [
            "https://arxiv.org/abs/2401.00001 on github",
            "gitlab. com",
            "",
        ] {
            assert!(!names_code_host(text), "{text}");
        }
    }

    #[test]
    fn repositories_are_normalised() {
        for (raw, want) in [
            ("https://github.com/ann/tool", "https://github.com/ann/tool"),
            (
                "http://github.com/ann/tool.git",
                "https://github.com/ann/tool",
            ),
            (
                "https://www.github.com/ann/tool/",
                "https://github.com/ann/tool",
            ),
            (
                "https://github.com/ann/tool#readme",
                "https://github.com/ann/tool",
            ),
            (
                "https://github.com/ann/tool?tab=readme-ov-file",
                "https://github.com/ann/tool",
            ),
            (
                "https://github.com/ann/tool/tree/main/x",
                "https://github.com/ann/tool/tree/main/x",
            ),
            (
                "https://GitLab.com/group/sub/tool",
                "https://gitlab.com/group/sub/tool",
            ),
            (
                "https://codeberg.org/ann/tool",
                "https://codeberg.org/ann/tool",
            ),
        ] {
            assert_eq!(repository(raw).as_deref(), Some(want), "{raw}");
        }
        for not_a_repo in [
            "https://github.com",
            "https://github.com/",
            "https://github.com/ann",
            "https://github.com/ann/",
            "https://github.com/topics/llm",
            "https://github.com/ann/.git",
            "https://github.com/ann/tool/issues/new?title=Feedback",
            "https://github.com/ann/tool/pull/12",
            "https://github.com/ann/tool/discussions",
            "https://example.org/ann/tool",
            "https://arxiv.org/abs/2507.00001",
        ] {
            assert_eq!(repository(not_a_repo), None, "{not_a_repo}");
        }
    }

    #[test]
    fn text_yields_the_first_repository_without_trailing_punctuation() {
        let cases = [
            (
                "Code is available at https://github.com/ann/tool.",
                "https://github.com/ann/tool",
            ),
            (
                "(see https://github.com/ann/tool), and more",
                "https://github.com/ann/tool",
            ),
            (
                "Our code: https://gitlab.com/ann/tool, free.",
                "https://gitlab.com/ann/tool",
            ),
            (
                "代码见 https://github.com/ann/tool。",
                "https://github.com/ann/tool",
            ),
            (
                "See https://arxiv.org/abs/2507.00001 and https://github.com/ann/tool!",
                "https://github.com/ann/tool",
            ),
            (
                r#"<a href="https://github.com/ann/tool">here</a>"#,
                "https://github.com/ann/tool",
            ),
            (
                "**https://github.com/ann/tool**",
                "https://github.com/ann/tool",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(from_text(text).as_deref(), Some(want), "{text}");
        }
        for none in [
            "Project page: https://ann.github.io/tool.",
            "Follow https://github.com/ann for updates.",
            "https://huggingface.co/spaces/ann/tool",
            "No link at all.",
            "xhttps://github.com/ann/tool",
        ] {
            assert_eq!(from_text(none), None, "{none}");
        }
    }

    #[test]
    fn labelled_values_may_name_any_page_but_the_papers() {
        for (value, want) in [
            (
                "[https://github.com/ann/tool](https://github.com/ann/tool)",
                "https://github.com/ann/tool",
            ),
            (
                "[GitHub](https://github.com/ann/tool.git)",
                "https://github.com/ann/tool",
            ),
            ("https://ann.github.io/tool/", "https://ann.github.io/tool/"),
            (
                "https://huggingface.co/spaces/ann/tool",
                "https://huggingface.co/spaces/ann/tool",
            ),
            (
                "[arXiv](https://arxiv.org/abs/2507.00001) [Code](https://github.com/ann/tool)",
                "https://github.com/ann/tool",
            ),
        ] {
            assert_eq!(from_labelled(value).as_deref(), Some(want), "{value}");
        }
        for none in [
            "coming soon",
            "https://arxiv.org/abs/2507.00001",
            "https://huggingface.co/papers/2507.00001",
            "https://openreview.net/forum?id=abc",
            "https://doi.org/10.1000/xyz",
            "https://github.com/ann",
            "javascript:alert(1)",
        ] {
            assert_eq!(from_labelled(none), None, "{none}");
        }
    }

    #[test]
    fn code_labels_in_english_and_chinese() {
        for label in [
            "Code",
            "**Code**:",
            "代码",
            "代码：",
            "GitHub",
            "Repo",
            "Project page",
            "项目主页",
            "🔗 Code",
            "CODE LINK",
            "github repo:",
            "开源代码",
        ] {
            assert!(is_code_label(label), "{label}");
        }
        for label in CODE_LABELS {
            assert!(
                label.chars().next().is_some_and(opens_a_code_label),
                "{label}"
            );
        }
        for label in [
            "Paper",
            "arXiv",
            "PDF",
            "Abstract",
            "Website",
            "链接",
            "3 code",
            "Codex",
            "代码库",
        ] {
            assert!(!is_code_label(label), "{label}");
        }
    }

    #[test]
    fn links_by_their_text() {
        assert_eq!(
            from_link_texts(
                "[Title](https://arxiv.org/abs/2507.00001) | [代码](https://github.com/ann/tool)"
            )
            .as_deref(),
            Some("https://github.com/ann/tool")
        );
        assert_eq!(
            from_link_texts("[View Paper](https://github.com/ann/tool)"),
            None
        );
    }

    #[test]
    fn other_words_beside_the_link() {
        assert!(!has_other_words("[GitHub](https://github.com/ann/tool)"));
        assert!(!has_other_words(
            "[https://github.com/ann/tool](https://github.com/ann/tool)"
        ));
        assert!(!has_other_words("https://github.com/ann/tool"));
        assert!(has_other_words(
            "https://github.com/ann/tool (PyTorch, MIT licence)"
        ));
        assert!(has_other_words("coming soon"));
        assert!(has_other_words("LanternKV 工具包"));
        assert!(!has_other_words("暂无"));
        assert!(!has_other_words("N/A"));
    }
}
