//! Category headings above a group of entries, as tags.
//!
//! One category is spelt many ways across a year of a bot's files (`## cs.RO`,
//! `## Robotics (cs.RO)`, `## 机器人学 (Robotics) [cs.RO]`, `## 🤖 Robotics (12)`), so
//! a heading gives its arXiv category code when it has one, else its English name when
//! it has one in brackets, else its words without ornaments and counts.

use std::sync::LazyLock;

use regex::Regex;

static ARXIV_CATEGORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(cs|math|stat|eess|econ|q-bio|q-fin|astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph)\.([A-Z]{2}|[a-z]{2}(?:-[a-z]{2})?)\b")
        .expect("static regex")
});

/// The archives [`ARXIV_CATEGORY`] knows, as its alternation lists them.
const ARCHIVES: [&str; 20] = [
    "cs", "math", "stat", "eess", "econ", "q-bio", "q-fin", "astro-ph", "cond-mat", "gr-qc",
    "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nlin", "nucl-ex", "nucl-th", "physics",
    "quant-ph",
];

/// Whether `archive` is one of [`ARCHIVES`], in any ASCII case.
fn is_archive(archive: &str) -> bool {
    ARCHIVES.iter().any(|a| a.eq_ignore_ascii_case(archive))
}

/// The code whose dot is byte `dot` of `text`, when [`ARXIV_CATEGORY`] surely matches
/// it there: `archive.XX`, a known archive and two ASCII letters, between ASCII
/// characters that are no word's (or the text's ends). Found without the expression,
/// whose Unicode word boundaries and case folding cost more to compile than a digest
/// costs to read; `None` says nothing.
fn code_at(text: &str, dot: usize) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    let outside_word = |c: Option<&u8>| {
        c.is_none_or(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == b'_'))
    };
    let start = b[..dot]
        .iter()
        .rposition(|c| !(c.is_ascii_alphabetic() || *c == b'-'))
        .map_or(0, |i| i + 1);
    let sub = b.get(dot + 1..dot + 3)?;
    (start < dot
        && outside_word(start.checked_sub(1).map(|i| &b[i]))
        && is_archive(&text[start..dot])
        && sub.iter().all(u8::is_ascii_alphabetic)
        && outside_word(b.get(dot + 3)))
    .then(|| (&text[start..dot], &text[dot + 1..dot + 3]))
}

/// What [`ARXIV_CATEGORY`] finds first in `text`, split at its dot, when the text's
/// first dot is a sure code's ([`code_at`]): no match can start before it, since every
/// match's archive ends at a dot and holds none.
fn first_code(text: &str) -> Option<(&str, &str)> {
    code_at(text, memchr::memchr(b'.', text.as_bytes())?)
}

/// Whether `text` is an arXiv category and nothing else: an archive (`hep-ph`) or an
/// archive and its subject class (`cs.CL`, `physics.ins-det`).
pub fn is_code(text: &str) -> bool {
    let (archive, class) = text.split_once('.').unwrap_or((text, "ab"));
    is_archive(archive)
        && (2..=12).contains(&class.len())
        && class.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// Whether `text` holds a sure code ([`code_at`]) at any of its dots.
fn has_plain_code(text: &str) -> bool {
    memchr::memchr_iter(b'.', text.as_bytes()).any(|dot| code_at(text, dot).is_some())
}

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[(\[（【]\s*(?:total:?\s*)?\d+\s*(?:papers?|篇|편|项|条|articles?)?\s*[)\]）】]|[-—:：]\s*\d+\s*(?:papers?|篇|편|项|条)|\d+\s*(?:papers?|篇|편))\s*$")
        .expect("static regex")
});

/// The tag a category heading (or a category field's value) names, or `None` for text
/// that names no category: a table of contents, a date, a count, a sentence.
///
/// Remembered per thread: a digest names the same few categories on entry after entry,
/// and reading one costs a markdown render and regex searches.
pub fn normalise(text: &str) -> Option<String> {
    thread_local! {
        static SEEN: std::cell::RefCell<ahash::AHashMap<String, Option<String>>> =
            std::cell::RefCell::new(ahash::AHashMap::new());
    }
    // A category is short; longer text is read each time rather than kept.
    if text.len() > 80 {
        return read(text);
    }
    SEEN.with(|seen| {
        if let Some(known) = seen.borrow().get(text) {
            return known.clone();
        }
        let tag = read(text);
        let mut seen = seen.borrow_mut();
        if seen.len() >= 4096 {
            seen.clear();
        }
        seen.insert(text.to_string(), tag.clone());
        tag
    })
}

/// [`normalise`], read from the text.
fn read(text: &str) -> Option<String> {
    let name = match text.find("[[") {
        Some(back) => &text[..back],
        None => text,
    };
    let name = crate::content::markup::plain(name);
    // Each expression is compiled when first asked, and most names give it no cause: a
    // code holds a dot, a count a digit.
    if let Some((archive, sub)) = first_code(&name).or_else(|| {
        name.contains('.')
            .then(|| ARXIV_CATEGORY.find(&name))
            .flatten()
            .and_then(|m| m.as_str().split_once('.'))
    }) {
        let archive = archive.to_lowercase();
        let sub = if archive == "math"
            || archive == "cs"
            || archive == "stat"
            || archive == "eess"
            || archive == "econ"
            || archive.starts_with('q')
        {
            sub.to_uppercase()
        } else {
            sub.to_string()
        };
        return Some(format!("{archive}.{sub}"));
    }
    let name = super::numbering::strip_number(super::labels::strip_ornaments(&name));
    // `\d` is a decimal digit of any script, each of which is numeric.
    let name = if name.chars().any(char::is_numeric) {
        COUNT.replace(name, "")
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    let name = crate::content::trim::trim(&name);
    // `机器人学 (Robotics)`: the English name in brackets.
    let name = match (name.find(['(', '（']), name.ends_with([')', '）'])) {
        (Some(open), true) if open > 0 => {
            let inner = name[open..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .trim();
            let outer = name[..open].trim();
            if is_cjk(outer) && !is_cjk(inner) && !inner.is_empty() {
                inner
            } else {
                name
            }
        }
        _ => name,
    };
    let lower = name.to_lowercase();
    // `Today's papers (3)`: a count after the name says how many entries follow.
    let lower = without_count(&lower);
    let not_a_category = name.is_empty()
        || name.chars().count() > 60
        || [
            "table of contents",
            "contents",
            "toc",
            "目录",
            "summary",
            "overview",
            "papers",
            "today's papers",
            "daily papers",
            "今日论文",
            "오늘의 논문",
            "论文列表",
            "paper list",
            "index",
            "其他",
            "others",
            "other",
            "misc",
            "references",
            "更多",
            "more",
            "highlights",
            "featured",
            "featured papers",
            "top papers",
            "重点关注",
            "重點關注",
            "今日論文",
            "論文列表",
            "目錄",
            // The kind of page a site generator files a note under, the same on every
            // note (`categories: ["论文详情"]`): no topic.
            "论文详情",
            "论文笔记",
            "论文解读",
            "論文詳情",
            "paper",
            "paper details",
            "paper notes",
            "post",
            "posts",
            "notes",
        ]
        .contains(&lower)
        || lists_papers_by_their_rank(lower)
        || name.contains([':', '：', '。'])
        || name.ends_with('.')
        || crate::content::date_text::find_date(name).is_some()
        || !name.chars().any(char::is_alphabetic);
    (!not_a_category).then(|| name.to_string())
}

/// A heading that says which papers follow, not what they are about: `Today's Trending
/// Papers`, `Latest papers`, `Hot picks of the week`. Every word is one of a listing's
/// and one of them names the papers.
fn lists_papers_by_their_rank(lower: &str) -> bool {
    const PAPERS: &[&str] = &["papers", "paper", "picks", "articles", "preprints", "reads"];
    const RANK: &[&str] = &[
        "today's",
        "todays",
        "today",
        "daily",
        "latest",
        "trending",
        "new",
        "newest",
        "top",
        "hot",
        "hottest",
        "recent",
        "featured",
        "popular",
        "selected",
        "editor's",
        "our",
        "this",
        "week's",
        "weeks",
        "week",
        "of",
        "the",
        "day",
        "most",
        "upvoted",
        "liked",
        "notable",
        "must",
        "must-read",
        "ai",
        "hf",
        "hugging",
        "face",
        "arxiv",
    ];
    // A typographic apostrophe (`Today’s`) read as the plain one.
    let lower = if lower.contains('’') {
        std::borrow::Cow::Owned(lower.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(lower)
    };
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| PAPERS.contains(w))
        && words.iter().all(|w| PAPERS.contains(w) || RANK.contains(w))
}

/// `name` without a count in brackets at its end (`today's papers (3)`, `精选（5）`).
fn without_count(name: &str) -> &str {
    let Some(open) = name.rfind(['(', '（']) else {
        return name;
    };
    let inside = name[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let closed = name.ends_with([')', '）']);
    if closed && !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit()) && open > 0 {
        name[..open].trim_end()
    } else {
        name
    }
}

/// The category a dated heading names beside its day (`# 🔐 Security | 2026-03-03`),
/// unless the rest is the digest's own title (`Daily Papers`, `每日 arXiv 论文精选`).
pub fn of_dated_heading(text: &str) -> Option<String> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:19|20)[0-9]{2}\s*[-/._年]\s*[0-9]{1,2}\s*[-/._月]\s*[0-9]{1,2}\s*日?|(?:19|20)[0-9]{6}")
            .expect("static regex")
    });
    let rest = DATE.replace_all(text, " ");
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "|-—–·:：,()（）[]".contains(c));
    let lower = rest.to_lowercase();
    let generic = [
        "daily",
        "paper",
        "digest",
        "arxiv",
        "report",
        "newsletter",
        "weekly",
        "hot",
        "日报",
        "论文",
        "每日",
        "精选",
        "今日",
        "周报",
        "速递",
        "update",
    ];
    if generic.iter().any(|g| lower.contains(g)) {
        return None;
    }
    normalise(rest)
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Whether a heading names an arXiv category (then it is a category wherever it stands).
pub fn has_code(text: &str) -> bool {
    // Every match holds a dot.
    memchr::memchr(b'.', text.as_bytes()).is_some()
        && (has_plain_code(text) || ARXIV_CATEGORY.is_match(text))
}

/// Whether a category field's value is a sentence, not a list of names: it ends as a
/// sentence does: `。`, or `.` after six words or more. (A long list is still a list:
/// arXiv's `Subjects: Robotics (cs.RO); Computer Vision and Pattern Recognition (cs.CV)`.)
pub(super) fn is_sentence(value: &str) -> bool {
    let v = value.trim();
    v.ends_with(['。', '！', '？']) || v.ends_with('.') && v.split_whitespace().nth(5).is_some()
}

/// The names a category field lists: separated by commas and the like, or hashtags
/// (`#3DVision #DiffusionModels`), each without its `#`.
pub(super) fn names(value: &str) -> Vec<&str> {
    let hashtags = value.contains('#')
        && value
            .split_whitespace()
            .all(|w| w.len() > 1 && w.starts_with('#'));
    if hashtags {
        value
            .split_whitespace()
            .map(|w| w.trim_start_matches('#'))
            .collect()
    } else {
        split_at_separators(value)
    }
}

/// `value.split([',', ';', '，', '；', '、', '|'])`, by bytes, without decoding a
/// character: in UTF-8 an ASCII byte and a lead byte (`，` `；` `、` open with 0xEF and
/// 0xE3) only ever start a character, so matching their bytes finds the same places.
fn split_at_separators(value: &str) -> Vec<&str> {
    let b = value.as_bytes();
    let mut parts = Vec::with_capacity(4);
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let width = match b[i] {
            b',' | b';' | b'|' => 1,
            0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8C | 0x9B])) => 3,
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x81]) => 3,
            _ => 0,
        };
        if width == 0 {
            i += 1;
            continue;
        }
        parts.push(&value[start..i]);
        i += width;
        start = i;
    }
    parts.push(&value[start..]);
    parts
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sentence_under_a_category_label_names_no_tags() {
        assert!(is_sentence(
            "SocKET 把社会语言划分为幽默&讽刺、冒犯、情感&情绪、可信度等几大块，每块内部又有若干具体任务。"
        ));
        assert!(is_sentence(
            "The paper falls under robotics and computer vision."
        ));
        assert!(!is_sentence("cs.CV, cs.LG"));
        assert!(!is_sentence("机器人学、计算机视觉"));
        assert!(!is_sentence("Robotics; Computer Vision; Machine Learning."));
        assert!(!is_sentence(
            "Robotics (cs.RO); Computer Vision and Pattern Recognition (cs.CV)"
        ));
    }

    use super::*;

    #[test]
    fn hashtags_name_one_category_each() {
        assert_eq!(
            names("#3DVision #DiffusionModels"),
            ["3DVision", "DiffusionModels"]
        );
        assert_eq!(names("cs.CV, cs.LG"), ["cs.CV", " cs.LG"]);
        for value in [
            "",
            ",",
            "a；b，c、d|e;f,g",
            "机器人，视觉；语言、",
            "a ， b",
            "ｂ，ｃ",
        ] {
            assert_eq!(
                split_at_separators(value),
                value
                    .split([',', ';', '，', '；', '、', '|'])
                    .collect::<Vec<_>>(),
                "{value}"
            );
        }
    }

    #[test]
    fn sure_codes_are_the_expression_s_matches() {
        for text in [
            "stat.ML",
            "cs.cl",
            "Math-Ph.AB",
            "q-bio.NC",
            "physics.xy",
            "论文 cs.LG cs.CV",
        ] {
            let (archive, sub) = first_code(text).unwrap();
            let m = ARXIV_CATEGORY.find(text).unwrap();
            assert_eq!(m.as_str(), format!("{archive}.{sub}"), "{text}");
        }
        for text in [
            "cs.CLX",
            "foo.AB",
            "cs.A",
            "cs.A1",
            ".AB",
            "cs.中文",
            "cs.str-el",
            "v1.2 cs.AI",
        ] {
            assert_eq!(first_code(text), None, "{text}");
        }
        for text in [
            "论文 cs.LG cs.CL",
            "(cs.RO)",
            "cs.AI",
            "x [stat.ML]",
            "eess.AS; cs.SD",
            "v1.2 cs.AI",
        ] {
            assert!(has_plain_code(text), "{text}");
            assert!(ARXIV_CATEGORY.is_match(text), "{text}");
        }
        for text in [
            "机器人cs.RO",
            "cs.ROX",
            "xcs.RO",
            "cs_x.RO",
            "cs.RO中",
            "v1.2",
            "cs.R",
        ] {
            assert!(!has_plain_code(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn sure_codes_agree_with_the_expression(
            text in "([a-zA-Z .\\-_()中ſ]{0,4}(cs|Stat|q-bio|math-ph|hep|x)?[.]?[a-zA-Z]{0,3}){1,3}[ 中x.\\-]?[a-z]{0,2}"
        ) {
            proptest::prop_assert_eq!(has_code(&text), ARXIV_CATEGORY.is_match(&text));
            if has_plain_code(&text) {
                proptest::prop_assert!(ARXIV_CATEGORY.is_match(&text));
            }
            if let Some((archive, sub)) = first_code(&text) {
                let m = ARXIV_CATEGORY.find(&text);
                proptest::prop_assert_eq!(m.map(|m| m.as_str().split_once('.')), Some(Some((archive, sub))));
            }
        }
    }

    #[test]
    fn one_tag_per_category() {
        for spelling in [
            "cs.RO",
            "Robotics (cs.RO)",
            "机器人学 (Robotics) [cs.RO]",
            "cs.ro [[Back]](#toc)",
        ] {
            assert_eq!(normalise(spelling).as_deref(), Some("cs.RO"), "{spelling}");
        }
        assert_eq!(normalise("🤖 Robotics (12)").as_deref(), Some("Robotics"));
        assert_eq!(
            normalise("机器人学 (Robotics)").as_deref(),
            Some("Robotics")
        );
        assert_eq!(normalise("astro-ph.GA").as_deref(), Some("astro-ph.GA"));
        assert_eq!(
            normalise("Computer Vision - 23 papers").as_deref(),
            Some("Computer Vision")
        );
        assert_eq!(normalise("目录"), None);
        assert_eq!(normalise("2026-03-01"), None);
        assert_eq!(normalise("今日总计: 12"), None);
        // Sections of every day's digest, counted or not, are no categories.
        assert_eq!(normalise("Today's papers (3)"), None);
        // Nor are the kind of page and what says which papers follow.
        for generic in [
            "论文详情",
            "Posts",
            "Paper notes",
            "Today's Trending Papers",
            "Latest Papers",
            "Hot picks of the week",
            "Most upvoted papers",
            "Today’s papers",
        ] {
            assert_eq!(normalise(generic), None, "{generic}");
        }
        // A topic beside those words is a category.
        assert_eq!(
            normalise("Trending Robotics Papers").as_deref(),
            Some("Trending Robotics Papers")
        );
        assert_eq!(normalise("重點關注"), None);
        assert_eq!(normalise("Highlights"), None);
        // Korean counts papers with 편; "today's papers" names no category.
        assert_eq!(normalise("🤖 에이전트 (12편)").as_deref(), Some("에이전트"));
        assert_eq!(normalise("📚 오늘의 논문 (3편)"), None);
    }
}
