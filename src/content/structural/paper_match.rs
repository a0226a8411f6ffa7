//! Where a paper mention starts and ends in a line: what the paper expression
//! (`PATTERN`, kept for the tests) matches, found by hand for [`super::ids`].
//!
//! The expression was searched on every line that may name a paper (every link line of
//! a digest), a forward and a reverse pass of a lazy DFA per mention, and compiling it
//! cost half as much again on a day of a few thousand papers. The mentions it matches are
//! few and fixed in shape, so each start is tried here the way a backtracking engine
//! would try the expression: alternatives in their order, optional parts taken when
//! they can be, the leftmost start winning. The expression stays in the tests below,
//! which hold this matcher to it.
//!
//! The expression ignores case as Unicode does: its `s` also matches the long s `ſ`
//! (U+017F), and its letter class `[A-Za-z]` also takes `ſ` and the Kelvin sign
//! (U+212A); `\s` is Unicode's white space. Each is kept here.

/// The expression this matcher stands for (`(?i)`, leftmost-first), for the tests.
#[cfg(test)]
pub const PATTERN: &str = concat!(
    r"(?i)(?P<url>(?:https?://)?(?:www\.|export\.)?(?:",
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|alphaxiv\.org/abs/)(?P<id>[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?(?:\.pdf)?",
    r"|openreview\.net/(?:forum|pdf)\?id=[A-Za-z0-9_-]+",
    r"|(?:dx\.)?doi\.org/10\.[0-9]{4,9}/[^\s)\]>|]+",
    r"|(?:bio|med)rxiv\.org/content/10\.[0-9]{4,9}/[0-9.]+(?:v[0-9]+)?",
    r")",
    // A PubMed record, always written with its scheme (what finds it fast: see
    // `mention_spots`).
    r"|https?://pubmed\.ncbi\.nlm\.nih\.gov/[0-9]+",
    r")",
    r"|(?P<prefixed>arxiv:\s?|arxiv\s+id:?\s*)(?P<pid>[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?",
    r"|(?P<bare>[0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?",
);

/// Bytes a mention can start with: a scheme or host's first letter (`h`, `w`, `e`, `a`,
/// `o`, `d`, `b`, `m`, in either case) or a digit.
static STARTS: [bool; 256] = {
    let mut table = [false; 256];
    let firsts = b"hweaodbmHWEAODBM0123456789";
    let mut i = 0;
    while i < firsts.len() {
        table[firsts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The first mention in `line` starting at or after byte `from`, as `(start, end)`.
pub fn find_at(line: &str, from: usize) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    (from..b.len())
        .filter(|&s| STARTS[usize::from(b[s])] && may_start(b, s))
        .find_map(|s| match_at(b, s).map(|end| (s, end)))
}

/// Whether the two bytes at `s` open what a mention opens with (`ht`tps, `hu`ggingface,
/// `ww`w, `ex`port, `ar`xiv, `al`phaxiv, `op`enreview, `dx`, `do`i, `bi`orxiv,
/// `me`drxiv, two digits): a letter of prose that opens none is passed at once.
fn may_start(b: &[u8], s: usize) -> bool {
    let Some(&next) = b.get(s + 1) else {
        return false;
    };
    let next = next.to_ascii_lowercase();
    match b[s].to_ascii_lowercase() {
        b'h' => next == b't' || next == b'u',
        b'w' => next == b'w',
        b'e' => next == b'x',
        b'a' => next == b'r' || next == b'l',
        b'o' => next == b'p',
        b'd' => next == b'x' || next == b'o',
        b'b' => next == b'i',
        b'm' => next == b'e',
        _ => next.is_ascii_digit(),
    }
}

/// The end of the mention starting at `s`, if one does.
fn match_at(b: &[u8], s: usize) -> Option<usize> {
    url(b, s)
        .or_else(|| pubmed(b, s))
        .or_else(|| prefixed(b, s))
        .or_else(|| id_end(b, s))
}

/// The `url` alternative's first branch: an optional scheme and `www.`/`export.`, then
/// a host and path. Each optional part is tried taken first, then left out.
fn url(b: &[u8], s: usize) -> Option<usize> {
    let scheme = scheme_len(b, s);
    for skip in [scheme, Some(0)].into_iter().flatten() {
        let at = s + skip;
        let sub = lit(b, at, b"www.").or_else(|| lit(b, at, b"export."));
        for sub in [sub, Some(at)].into_iter().flatten() {
            if let Some(end) = host_and_path(b, sub) {
                return Some(end);
            }
        }
    }
    None
}

/// The length of `https://` or `http://` at `s` (any case, `ſ` for the `s`).
fn scheme_len(b: &[u8], s: usize) -> Option<usize> {
    let at = lit(b, s, b"http")?;
    let at = s_at(b, at).unwrap_or(at);
    lit(b, at, b"://").map(|end| end - s)
}

/// The branches after the optional scheme and subdomain, in their order.
fn host_and_path(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at)?.to_ascii_lowercase() {
        b'a' | b'h' => {
            let path = lit(b, at, b"arxiv.org/")
                .and_then(|p| {
                    abs(b, p)
                        .or_else(|| lit(b, p, b"pdf/"))
                        .or_else(|| lit(b, p, b"html/"))
                })
                .or_else(|| {
                    let p = lit(b, at, b"huggingface.co/paper")?;
                    lit(b, s_at(b, p)?, b"/")
                })
                .or_else(|| abs(b, lit(b, at, b"alphaxiv.org/")?))?;
            let end = id_end(b, path)?;
            Some(lit(b, end, b".pdf").unwrap_or(end))
        }
        b'o' => {
            let p = lit(b, at, b"openreview.net/")?;
            let p = lit(b, p, b"forum").or_else(|| lit(b, p, b"pdf"))?;
            let p = lit(b, p, b"?id=")?;
            let end = run(b, p, |c| {
                c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == '-'
                    || c == '\u{17F}'
                    || c == '\u{212A}'
            });
            (end > p).then_some(end)
        }
        b'd' => {
            let p = lit(b, at, b"dx.").unwrap_or(at);
            let p = lit(b, p, b"doi.org/10.")?;
            let p = registrant(b, p)?;
            let end = run(b, p, |c| {
                !c.is_whitespace() && !matches!(c, ')' | ']' | '>' | '|')
            });
            (end > p).then_some(end)
        }
        b'b' | b'm' => {
            let p = lit(b, at, b"biorxiv.org/content/10.")
                .or_else(|| lit(b, at, b"medrxiv.org/content/10."))?;
            let p = registrant(b, p)?;
            let end = p + b[p..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == b'.')
                .count();
            (end > p).then(|| version(b, end))
        }
        _ => None,
    }
}

/// `abs/` at `at` (any case, `ſ` for the `s`).
fn abs(b: &[u8], at: usize) -> Option<usize> {
    let p = lit(b, at, b"ab")?;
    lit(b, s_at(b, p)?, b"/")
}

/// The end of `[0-9]{4,9}/` at `at`: a DOI's registrant code and its slash.
fn registrant(b: &[u8], at: usize) -> Option<usize> {
    let digits = digits(b, at);
    ((4..=9).contains(&digits) && b.get(at + digits) == Some(&b'/')).then_some(at + digits + 1)
}

/// The `pubmed` branch: `https?://pubmed.ncbi.nlm.nih.gov/` and digits.
fn pubmed(b: &[u8], s: usize) -> Option<usize> {
    let p = s + scheme_len(b, s)?;
    let p = lit(b, p, b"pubmed.ncbi.nlm.nih.gov/")?;
    let digits = digits(b, p);
    (digits > 0).then_some(p + digits)
}

/// `arXiv:` with one optional space, or `arXiv id:` with spaces, then an id.
fn prefixed(b: &[u8], s: usize) -> Option<usize> {
    let p = lit(b, s, b"arxiv")?;
    if b.get(p) == Some(&b':') {
        let p = p + 1;
        let spaced = space_at(b, p).and_then(|q| id_end(b, q));
        return spaced.or_else(|| id_end(b, p));
    }
    let q = spaces(b, p);
    if q == p {
        return None;
    }
    let q = lit(b, q, b"id")?;
    let q = if b.get(q) == Some(&b':') { q + 1 } else { q };
    id_end(b, spaces(b, q))
}

/// The end of an id (`NNNN.NNNN`, a fifth digit when there is one) and its version
/// (`v2`) at `at`.
fn id_end(b: &[u8], at: usize) -> Option<usize> {
    if digits(b, at) < 4 || b.get(at + 4) != Some(&b'.') {
        return None;
    }
    let after = digits(b, at + 5).min(5);
    (after >= 4).then(|| version(b, at + 5 + after))
}

/// `at`, moved past a version (`v` or `V` and digits) when one stands there.
fn version(b: &[u8], at: usize) -> usize {
    match b.get(at) {
        Some(b'v' | b'V') if digits(b, at + 1) > 0 => at + 1 + digits(b, at + 1),
        _ => at,
    }
}

/// How many ASCII digits run from `at`.
fn digits(b: &[u8], at: usize) -> usize {
    b.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

/// The end of `word` (lower-case ASCII) at `at`, in any case.
fn lit(b: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    b.get(at..at + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        .then_some(at + word.len())
}

/// The end of an `s` at `at`: `s`, `S`, or the long s `ſ`, which case folding makes one.
fn s_at(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at)? {
        b's' | b'S' => Some(at + 1),
        _ => lit(b, at, "\u{17F}".as_bytes()),
    }
}

/// The character at byte `at` of `b`, which is a `str`'s bytes and `at` a boundary.
fn char_at(b: &[u8], at: usize) -> Option<char> {
    let rest = b.get(at..)?;
    let len = match *rest.first()? {
        c if c < 0x80 => 1,
        c if c >= 0xF0 => 4,
        c if c >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()
}

/// The end of the run of characters from `at` that `keep` takes.
fn run(b: &[u8], at: usize, keep: impl Fn(char) -> bool) -> usize {
    let mut end = at;
    while let Some(c) = char_at(b, end).filter(|&c| keep(c)) {
        end += c.len_utf8();
    }
    end
}

/// The end of one white-space character at `at`.
fn space_at(b: &[u8], at: usize) -> Option<usize> {
    char_at(b, at)
        .filter(|c| c.is_whitespace())
        .map(|c| at + c.len_utf8())
}

/// The end of the white space that runs from `at`.
fn spaces(b: &[u8], at: usize) -> usize {
    run(b, at, char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static PAPER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(PATTERN).expect("static regex"));

    /// Every match of the expression from `from` on, as `find_at` gives them.
    fn by_regex(line: &str, from: usize) -> Option<(usize, usize)> {
        PAPER.find_at(line, from).map(|m| (m.start(), m.end()))
    }

    fn agree(line: &str) {
        for from in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
            assert_eq!(
                find_at(line, from),
                by_regex(line, from),
                "{line:?} from {from}"
            );
        }
    }

    #[test]
    fn each_kind_of_mention_as_the_expression_finds_it() {
        for line in [
            "[A](https://arxiv.org/abs/2507.01234v2) and arXiv:2507.01234, ARXIV ID: 1501.0001",
            "HTTP://WWW.ArXiv.org/PDF/2507.01234V3.PDF; export.arxiv.org/html/2507.12345",
            "huggingface.co/papers/2507.01234 https://alphaxiv.org/abs/2507.1234 2507.12345v1",
            "https://openreview.net/forum?id=Ab_c-1 doi.org/10.1145/3581783.361 dx.doi.org/10.1/x",
            "https://www.biorxiv.org/content/10.1101/2024.01.02.123v2 arxiv  2507.01234",
            "https://pubmed.ncbi.nlm.nih.gov/40000001/ HTTP://PUBMED.NCBI.NLM.NIH.GOV/4",
            "arxiv.org/abs/2507.1234 arxiv\u{a0}id:2507.01234 arXiv:\t2507.0123 arXiv: 2507.01234",
            "httpſ://arxiv.org/abſ/2507.01234 huggingface.co/paperſ/2507.01234 openreview.net/pdf?id=ſ\u{212A}",
            "doi.org/10.1234567890/x doi.org/10.123/x doi.org/10.1234/ab\u{3000}c 12345.67890 1234.123456",
            "https://https://arxiv.org/abs/2507.01234 wwwarxiv.org/abs/2507.01234 export.doi.org/10.1234/x)",
            "arxiv  id  2507.01234 arxiv id:  2507.01234v12 medrxiv.org/content/10.12345/1.2.v3",
        ] {
            agree(line);
        }
    }

    /// Pieces of mentions and of what stands around them, in the cases the
    /// expression's case folding and white space reach.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("https://"),
            Just("http://"),
            Just("HTTPS://"),
            Just("httpſ://"),
            Just("www."),
            Just("export."),
            Just("arxiv.org/"),
            Just("arXiv.org/abs/"),
            Just("abſ/"),
            Just("pdf/"),
            Just("html/"),
            Just("huggingface.co/papers/"),
            Just("alphaxiv.org/abs/"),
            Just("openreview.net/forum?id="),
            Just("openreview.net/pdf?id="),
            Just("dx."),
            Just("doi.org/10."),
            Just("biorxiv.org/content/10."),
            Just("medrxiv.org/content/10."),
            Just("pubmed.ncbi.nlm.nih.gov/"),
            Just("arxiv:"),
            Just("arXiv "),
            Just("arxiv"),
            Just("id:"),
            Just(" id"),
            Just("2507"),
            Just("01234"),
            Just("1234"),
            Just("12"),
            Just("5"),
            Just("."),
            Just("v2"),
            Just("V"),
            Just(".pdf"),
            Just("/"),
            Just(")"),
            Just("]"),
            Just(">"),
            Just("|"),
            Just(" "),
            Just("\t"),
            Just("\u{a0}"),
            Just("\u{3000}"),
            Just("ſ"),
            Just("\u{212A}"),
            Just("_-"),
            Just("a"),
            Just("h"),
            Just("X"),
            Just("中"),
            Just("["),
            Just("]("),
            Just("é"),
        ];
        prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn finds_what_the_expression_finds(text in line()) {
            agree(&text);
        }

        #[test]
        fn finds_what_the_expression_finds_in_any_text(text in any::<String>()) {
            agree(&text);
        }
    }
}
