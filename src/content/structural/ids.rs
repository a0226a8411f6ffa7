//! Paper identifiers in a line of markdown: what anchors an entry.
//!
//! A bot may name a paper by an arXiv, Hugging Face or alphaXiv link, an OpenReview
//! forum, a DOI, a PubMed record, or a bare arXiv id (`arXiv:2507.01234`, `[2507.01234]`). Each is found
//! with where it sits in the line and the text of the link that holds it, so the reader
//! can tell a title link (`[A Title](…)`) from a link labelled `arXiv` or `PDF`.

use std::sync::LazyLock;

use super::paper_match;
use crate::content::arxiv;

/// One paper identifier found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperRef {
    /// The arXiv id, for arXiv, Hugging Face and alphaXiv links and bare ids.
    pub arxiv_id: Option<String>,
    /// The paper's URL: the link as written (with a scheme), or the abs page of a bare id.
    pub url: String,
    /// What the line calls it: the text of the markdown link holding it, if any.
    pub link_text: Option<String>,
    /// Byte range in the line of the whole mention (the markdown link when there is one).
    pub start: usize,
    pub end: usize,
}

impl PaperRef {
    /// The key two mentions of one paper share.
    pub fn key(&self) -> &str {
        self.arxiv_id.as_deref().unwrap_or(&self.url)
    }
}

/// Every paper identifier in `line`, in order.
pub fn find(line: &str) -> Vec<PaperRef> {
    find_with(line, true)
}

/// [`find`]; with `skip_repeats` false, a link whose target repeats its text is
/// searched twice (what the tests hold the skip to).
fn find_with(line: &str, skip_repeats: bool) -> Vec<PaperRef> {
    // Most lines of a digest hold no digit-dot-digit and no paper host: skip them fast.
    if !may_hold_ref(line.as_bytes()) {
        return Vec::new();
    }
    let mut refs = Vec::new();
    // `paper_match` finds each mention; which alternative matched, and the id in it, is
    // read off the mention's text (see `groups`).
    // A search resumes after each mention while the rest of the line may hold another:
    // the last search of a line, which finds nothing, was most of the cost of a line
    // with one link.
    let mut from = 0;
    while from == 0 || may_hold_another(&line.as_bytes()[from..]) {
        let Some(whole) = paper_match::find_at(line, from) else {
            break;
        };
        from = whole.1;
        let mention = groups(&line[whole.0..whole.1]);
        let (arxiv_id, url) = match mention {
            Groups::Url { url, id } => {
                let raw = url.trim_end_matches(['.', ',', ';']);
                let url = if crate::content::marks::scheme_separator(raw).is_some() {
                    raw.to_string()
                } else {
                    format!("https://{raw}")
                };
                (id.map(str::to_string), url)
            }
            Groups::Id { id, bare } => {
                if bare && !standalone(line, whole.0, whole.1) || !plausible_id(id) {
                    continue;
                }
                (Some(id.to_string()), arxiv::abs_url(id))
            }
        };
        let (start, end, link_text) = enclosing_link(line, whole.0, whole.1);
        // `[2507.01234](https://arxiv.org/abs/2507.01234)`: the id in the text and the
        // URL are one mention; the URL is the link's.
        if let Some(last) = refs.last_mut().filter(|r: &&mut PaperRef| start < r.end) {
            if matches!(mention, Groups::Url { .. }) {
                last.url = url;
                last.arxiv_id = arxiv_id.or(last.arxiv_id.take());
            }
            continue;
        }
        refs.push(PaperRef {
            arxiv_id,
            url,
            link_text,
            start,
            end,
        });
        if skip_repeats
            && matches!(mention, Groups::Url { .. })
            && let Some(target_end) = repeated_as_target(line, whole.0, whole.1)
        {
            from = target_end;
        }
    }
    refs
}

/// Where the target ends of a link whose text is the URL mention `start..end` and
/// whose target repeats it byte for byte (`[https://arxiv.org/pdf/…](https://arxiv.org/pdf/…)`,
/// as feeds write links). The search would find the same mention in the target, with
/// the same groups, and fold it into this one, changing nothing: no part of the
/// expression [`paper_match`] stands for takes a `]` or a `)`, so the text and the
/// target, ended by one and the other, match alike; and neither `]` nor `(` starts a
/// match, so the next search would find it.
fn repeated_as_target(line: &str, start: usize, end: usize) -> Option<usize> {
    let rest = line[end..]
        .strip_prefix("](")?
        .strip_prefix(&line[start..end])?;
    (line[..start].ends_with('[') && rest.starts_with(')')).then(|| line.len() - rest.len())
}

/// What the expression of [`paper_match`] matched in one mention: a paper URL (the
/// `url` group, with the `id` group for arXiv, Hugging Face and alphaXiv hosts), or an
/// arXiv id alone (`pid` after an `arXiv:` prefix, or `bare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Groups<'m> {
    Url { url: &'m str, id: Option<&'m str> },
    Id { id: &'m str, bare: bool },
}

/// The groups of a mention [`paper_match`] found, read off its text. The alternatives start
/// differently (a digit for a bare id, `arxiv` and no dot for a prefixed one, a scheme
/// or host for a URL), and an id is the `NNNN.NNNN[N]` right after a known prefix, so
/// this gives what a capturing search would, at a fraction of its cost on every link.
fn groups(m: &str) -> Groups<'_> {
    let b = m.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        return Groups::Id {
            id: id_at(m, 0).unwrap_or(m),
            bare: true,
        };
    }
    if starts_with_ci(b, b"arxiv") && b.get(5) != Some(&b'.') {
        let at = b.iter().position(u8::is_ascii_digit).unwrap_or(b.len());
        return Groups::Id {
            id: id_at(m, at).unwrap_or(m),
            bare: false,
        };
    }
    let mut rest = 0;
    for scheme in [&b"https://"[..], b"http://"] {
        if starts_with_ci(b, scheme) {
            rest = scheme.len();
            break;
        }
    }
    for sub in [&b"www."[..], b"export."] {
        if starts_with_ci(&b[rest..], sub) {
            rest += sub.len();
            break;
        }
    }
    let id = [
        &b"arxiv.org/abs/"[..],
        b"arxiv.org/pdf/",
        b"arxiv.org/html/",
        b"huggingface.co/papers/",
        b"alphaxiv.org/abs/",
    ]
    .into_iter()
    .find(|path| starts_with_ci(&b[rest..], path))
    .and_then(|path| id_at(m, rest + path.len()));
    Groups::Url { url: m, id }
}

/// `NNNN.NNNN` or `NNNN.NNNNN` at byte `at` of `m` (five digits when there are).
fn id_at(m: &str, at: usize) -> Option<&str> {
    let b = m.as_bytes().get(at..)?;
    let four = b.len() >= 9 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'.';
    let digits = b
        .get(5..)?
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (four && digits >= 4).then(|| &m[at..at + 5 + digits])
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Cheap test for whether `find` can match: a digit, a dot and a digit in a row, or
/// the start of a paper host without one (OpenReview, PubMed).
fn may_hold_ref(b: &[u8]) -> bool {
    static OPENREVIEW: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"openreview"));
    static PUBMED: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"://pubmed."));
    // Both hosts are in a link's target: a line with no `/` names neither. Written in
    // lower case mostly; in any case (`HTTPS://OPENREVIEW.NET/…`) now and then.
    has_digit_dot_digit(b)
        || memchr::memchr(b'/', b).is_some()
            && (OPENREVIEW.find(b).is_some() || PUBMED.find(b).is_some() || may_hold_another(b))
}

/// Whether `b` holds `://pubmed.` in any case, found from its colons: a line holds few.
fn has_pubmed(b: &[u8]) -> bool {
    memchr::memchr_iter(b':', b).any(|i| {
        b.get(i..i + 10)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"://pubmed."))
    })
}

/// Whether the rest of a line after a mention may hold another: every mention
/// [`paper_match`] finds holds a digit, a dot and a digit in a row, or `openreview` or `://pubmed.`
/// in any case. The expression has no look-around, so a search from the end of a
/// mention finds what one over the whole line would.
fn may_hold_another(rest: &[u8]) -> bool {
    has_digit_dot_digit(rest)
        || memchr::memchr2_iter(b'o', b'O', rest).any(|i| {
            rest.get(i..i + 10)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"openreview"))
        })
        || has_pubmed(rest)
}

/// Whether `b` holds a digit, a dot and a digit in a row.
fn has_digit_dot_digit(b: &[u8]) -> bool {
    memchr::memchr_iter(b'.', b)
        .any(|i| i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// A bare id must stand alone: not a piece of a longer number, a version string, a
/// file name or a URL path.
fn standalone(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let ok_before = before.is_none_or(|c| !(c.is_alphanumeric() || "/.=-_#".contains(c)));
    let ok_after = after.is_none_or(|c| {
        !(c.is_alphanumeric()
            || c == '.' && line[end + 1..].starts_with(char::is_alphanumeric)
            || "/=-_".contains(c))
    });
    ok_before && ok_after
}

/// `YYMM.NNNNN`: a real month, and five digits from 2015 on.
fn plausible_id(id: &str) -> bool {
    let month = id.get(2..4).and_then(|m| m.parse::<u32>().ok());
    let year = id.get(..2).and_then(|y| y.parse::<u32>().ok());
    let number = id.len() - 5;
    matches!(month, Some(1..=12))
        && year.is_some_and(|y| {
            if number == 5 {
                y >= 15
            } else {
                y <= 14 || number == 4
            }
        })
}

/// The markdown link `[text](url)` around `start..end` (the URL), as its range and
/// text; or the mention itself when it is not a link target. A link whose text is the
/// id itself (`[2507.01234](…)`) is found too, since the id inside its text matches.
fn enclosing_link(line: &str, start: usize, end: usize) -> (usize, usize, Option<String>) {
    // `…](URL)`: the URL is a link target.
    let before = &line[..start];
    if before.ends_with("](") || before.ends_with("]( ") {
        // The last `](` before the URL: the one it ends with, or before its space.
        let open_paren = if before.ends_with("](") {
            start - 2
        } else {
            start - 3
        };
        if let Some(open) = matching_open_bracket(line, open_paren) {
            let close =
                memchr::memchr(b')', &line.as_bytes()[end..]).map_or(line.len(), |i| end + i + 1);
            return (open, close, Some(line[open + 1..open_paren].to_string()));
        }
    }
    // `<a href="URL">text</a>`: an HTML link, its text without tags.
    if (line[..start].ends_with("href=\"") || line[..start].ends_with("href='"))
        && let (Some(open), Some(gt)) = (line[..start].rfind("<a"), line[end..].find('>'))
    {
        let text_start = end + gt + 1;
        if let Some(close) = line[text_start..].find("</a>") {
            let text = super::lines::strip_tags(&line[text_start..text_start + close]);
            return (open, text_start + close + 4, Some(text.trim().to_string()));
        }
    }
    // `[ID](…)`: the mention is the text of a link.
    if line[..start].ends_with('[') && line[end..].starts_with("](") {
        let close =
            memchr::memchr(b')', &line.as_bytes()[end..]).map_or(line.len(), |i| end + i + 1);
        return (start - 1, close, Some(line[start..end].to_string()));
    }
    (start, end, None)
}

/// The `[` that opens the link text ending at `close` (the `]` of `](`), allowing
/// brackets nested inside the text (`[Title with [x] in it](…)`).
fn matching_open_bracket(line: &str, close: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line[..close].char_indices().rev() {
        match c {
            ']' => depth += 1,
            '[' if depth == 0 => return Some(i),
            '[' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expression `paper_match` stands for.
    static PAPER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(paper_match::PATTERN).expect("static regex"));

    fn ids(line: &str) -> Vec<String> {
        find(line).iter().map(|r| r.key().to_string()).collect()
    }

    #[test]
    fn every_kind_of_mention() {
        assert_eq!(
            ids("[A Title](https://arxiv.org/abs/2507.01234v2)"),
            ["2507.01234"]
        );
        assert_eq!(
            ids("see arXiv:2507.01234 and [2506.00001]"),
            ["2507.01234", "2506.00001"]
        );
        assert_eq!(
            ids("https://huggingface.co/papers/2507.01234"),
            ["2507.01234"]
        );
        assert_eq!(ids("arxiv.org/pdf/2507.01234.pdf"), ["2507.01234"]);
        assert_eq!(
            ids("[OR](https://openreview.net/forum?id=Ab_c-1)"),
            ["https://openreview.net/forum?id=Ab_c-1"]
        );
        assert_eq!(
            ids("doi: https://doi.org/10.1145/3581783.361"),
            ["https://doi.org/10.1145/3581783.361"]
        );
        // A PubMed record, written bare as biology digests do; its trailing slash is
        // not part of the key.
        assert_eq!(
            ids("- **URL:** https://pubmed.ncbi.nlm.nih.gov/40000001/"),
            ["https://pubmed.ncbi.nlm.nih.gov/40000001"]
        );
        // Not ids: versions, prices, file names, other URLs, impossible months.
        assert!(ids("version 2025.10001 of x").is_empty());
        assert!(ids("v1.2.3 costs 12.50 and file 2507.01234.tar").is_empty());
        assert!(ids("https://example.org/2507.01234").is_empty());
        assert!(ids("batch 2513.01234").is_empty());
    }

    /// `groups` reads what the capturing search of `PAPER` would.
    #[test]
    fn groups_agree_with_captures() {
        let lines = [
            "[A](https://arxiv.org/abs/2507.01234v2) and arXiv:2507.01234, ARXIV ID: 1501.0001",
            "HTTP://WWW.ArXiv.org/PDF/2507.01234V3.PDF; export.arxiv.org/html/2507.12345",
            "huggingface.co/papers/2507.01234 https://alphaxiv.org/abs/2507.1234 2507.12345v1",
            "https://openreview.net/forum?id=Ab_c-1 doi.org/10.1145/3581783.361 dx.doi.org/10.1/x",
            "https://www.biorxiv.org/content/10.1101/2024.01.02.123v2 arxiv  2507.01234 arXiv:\t2507.0123",
            "https://pubmed.ncbi.nlm.nih.gov/40000001/ and HTTP://PUBMED.NCBI.NLM.NIH.GOV/40000002",
            "arxiv.org/abs/2507.1234 arxiv\u{a0}id:2507.01234 [2507.01234](https://arxiv.org/abs/2507.01234)",
        ];
        for line in lines {
            for found in PAPER.find_iter(line) {
                let m = found.as_str();
                let caps = PAPER.captures(m).expect("a match matches itself");
                let expected = match caps.name("url") {
                    Some(url) => Groups::Url {
                        url: url.as_str(),
                        id: caps.name("id").map(|i| i.as_str()),
                    },
                    None => Groups::Id {
                        id: caps
                            .name("pid")
                            .or_else(|| caps.name("bare"))
                            .map(|i| i.as_str())
                            .expect("an id"),
                        bare: caps.name("bare").is_some(),
                    },
                };
                assert_eq!(caps.get(0).map(|c| c.as_str()), Some(m));
                assert_eq!(groups(m), expected, "{m}");
            }
        }
    }

    /// Skipping a link's target that repeats its text finds what searching it finds.
    #[test]
    fn a_repeated_target_is_skipped_alike() {
        let urls = [
            "http://arxiv.org/pdf/2508.42421v1",
            "https://arxiv.org/abs/2508.42421",
            "arxiv.org/abs/2508.42421.",
            "HTTPS://HUGGINGFACE.CO/PAPERS/2508.42421",
            "https://openreview.net/forum?id=Ab_c-1",
            "https://doi.org/10.1145/3581783.3612",
            "https://www.biorxiv.org/content/10.1101/2024.01.02.123v2",
            "https://pubmed.ncbi.nlm.nih.gov/40000001",
        ];
        for url in urls {
            for line in [
                format!("[{url}]({url})"),
                format!("- **链接: [{url}]({url})**"),
                format!("[{url}]({url}) [PDF]({url}) and arXiv:2401.00002"),
                format!("[{url}]({url}x)"),
                format!("[{url}]( {url})"),
                format!("[a {url}]({url})"),
                format!("[{url}]({url}"),
                format!("[{url}](https://arxiv.org/abs/2401.00003)"),
            ] {
                assert_eq!(find_with(&line, true), find_with(&line, false), "{line}");
            }
        }
        let line = "[http://arxiv.org/pdf/2508.42421v1](http://arxiv.org/pdf/2508.42421v1)";
        let refs = find(line);
        assert_eq!(refs.len(), 1);
        assert_eq!((refs[0].start, refs[0].end), (0, line.len()));
        assert_eq!(refs[0].key(), "2508.42421");
    }

    /// The search resumes after a mention only while the rest of the line may hold
    /// another: one of every kind, in any case, is still found after the first.
    #[test]
    fn a_second_mention_of_each_kind_is_found() {
        for second in [
            "2401.12345",
            "arXiv:2401.12346v2",
            "ARXIV:2401.12347",
            "https://huggingface.co/papers/2401.12348",
            "https://openreview.net/forum?id=Ab",
            "HTTPS://OPENREVIEW.NET/FORUM?ID=Cd",
            "https://doi.org/10.1145/3581783.3612",
            "https://pubmed.ncbi.nlm.nih.gov/40000001/",
            "HTTPS://PUBMED.NCBI.NLM.NIH.GOV/40000002",
        ] {
            let line = format!("[T](https://arxiv.org/abs/2401.00001) and {second}");
            assert_eq!(find(&line).len(), 2, "{line}");
        }
    }

    #[test]
    fn upper_case_hosts_alone_on_a_line() {
        for line in [
            "- **OPENREVIEW**: HTTPS://OPENREVIEW.NET/FORUM?ID=AbCd",
            "- **PUBMED**: HTTPS://PUBMED.NCBI.NLM.NIH.GOV/40000002/",
            "[OpenReview](https://OpenReview.net/forum?id=Ef_1)",
        ] {
            assert_eq!(find(line).len(), 1, "{line}");
            let spots = super::super::lines::classify(line, 1);
            assert!(spots[0].may_name_paper, "{line}");
        }
    }

    #[test]
    fn html_links_have_their_text() {
        let line = r#"<h3><a href="https://arxiv.org/abs/2507.01234">A <b>Bold</b> Title</a></h3>"#;
        let refs = find(line);
        assert_eq!(refs.len(), 1, "{refs:?}");
        assert_eq!(refs[0].link_text.as_deref(), Some("A Bold Title"));
        assert_eq!(
            &line[refs[0].start..refs[0].end],
            r#"<a href="https://arxiv.org/abs/2507.01234">A <b>Bold</b> Title</a>"#
        );
    }

    #[test]
    fn link_text_and_range() {
        let line = "### 1. [Title [x] y](https://arxiv.org/abs/2507.01234) [PDF](https://arxiv.org/pdf/2507.01234)";
        let refs = find(line);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].link_text.as_deref(), Some("Title [x] y"));
        assert_eq!(
            &line[refs[0].start..refs[0].end],
            "[Title [x] y](https://arxiv.org/abs/2507.01234)"
        );
        assert_eq!(refs[1].link_text.as_deref(), Some("PDF"));
        let refs = find("[2507.01234](https://arxiv.org/abs/2507.01234)");
        assert_eq!(refs.len(), 1, "{refs:?}");
    }
}
