//! Field labels: what a bot calls each part of an entry, in English and Chinese, and
//! what papertrail does with it.
//!
//! Bots label fields in many ways (`**TL;DR**:`, `TL;DR:`, `> **TL;DR:**`, `📝 Summary:`,
//! `【摘要】`, `#### Abstract`, `<summary>Abstract</summary>`); the label's words decide
//! the role, whatever the markup around them.

use std::borrow::Cow;

use super::known_labels::KNOWN;
use super::lines::Line;
pub use super::link_text::is_generic_link_text;
use crate::content::trim::{trim, trim_start};

/// What a labelled field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Authors,
    /// The one-sentence TL;DR.
    Gist,
    Abstract,
    /// Arxiv categories or topics: tags.
    Category,
    /// A link to the paper, its PDF or code: anchors the entry, not text.
    Link,
    /// A date the bot stamps (published, submitted): known from the day already.
    Date,
    /// Any other part of the summary (Motivation, Method, 结论…), kept with its label.
    Summary,
}

/// [`KNOWN`] as a map: a lookup costs one hash, where a `match` on strings compares
/// the key with the labels one after another.
static KNOWN_ROLES: std::sync::LazyLock<ahash::AHashMap<Cow<'static, str>, Role>> =
    std::sync::LazyLock::new(|| {
        let mut map = ahash::AHashMap::new();
        for (labels, role) in KNOWN {
            for label in *labels {
                // The first listing of a label wins, as the first arm of a `match` did.
                map.entry(Cow::Borrowed(*label)).or_insert(*role);
            }
        }
        // Each Chinese label in Traditional characters too, where the listed one
        // takes no other role.
        for (labels, role) in KNOWN {
            for label in *labels {
                let traditional = in_traditional(label);
                if traditional != *label {
                    map.entry(Cow::Owned(traditional)).or_insert(*role);
                }
            }
        }
        map
    });

/// `label` with its Simplified characters written in Traditional ones.
fn in_traditional(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            super::known_labels::TRADITIONAL
                .iter()
                .find(|(simplified, _)| *simplified == c)
                .map_or(c, |(_, traditional)| *traditional)
        })
        .collect()
}

/// The role of a label, or `None` when its words are not a known label (a bold phrase
/// of prose, a plain "We note:").
pub fn known_role(label: &str) -> Option<Role> {
    // Every known label is short; most text before a colon is prose.
    if label.len() > 80 {
        return None;
    }
    let longest = *LONGEST_KNOWN;
    // Most labels are written as listed (`作者`, `摘要`): found without normalising,
    // which a test shows gives every listed label its own role.
    if label.len() <= longest
        && let Some(role) = KNOWN_ROLES.get(label)
    {
        return Some(*role);
    }
    // ASCII with an ASCII letter or digit at each end and no capital (`new 001`, a
    // listing's tag) is its own normalised label: it is not trimmed and looked up again.
    if is_own_key(label) {
        return None;
    }
    // Lower-casing keeps the length of ASCII and shrinks no character to less than a
    // third of its bytes (the Kelvin sign to `k`): text longer than that is no known
    // label, and is not lower-cased to be looked up (every heading is asked).
    let kept = trimmed_label(label);
    if kept.len() > longest * if kept.is_ascii() { 1 } else { 3 } {
        return None;
    }
    let key = lower_cased(kept);
    KNOWN_ROLES.get(&*key).copied()
}

/// Whether `label` is what [`trimmed_label`] and [`lower_cased`] make of it: ASCII
/// with a letter or digit at each end (nothing to trim, no ornament, colon or bracket)
/// and no capital letter.
fn is_own_key(label: &str) -> bool {
    let b = label.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
        && b.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase())
}

/// The length in bytes of the longest known label.
static LONGEST_KNOWN: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
    KNOWN
        .iter()
        .flat_map(|(labels, _)| labels.iter())
        .map(|l| l.len())
        .max()
        .unwrap_or(0)
});

/// The role of any label: a known one, else a part of the summary.
pub fn role(label: &str) -> Role {
    known_role(label).unwrap_or(Role::Summary)
}

/// The labels [`is_summary_name`] knows, normalised.
const SUMMARY_NAMES: [&str; 7] = [
    "summary",
    "executive summary",
    "ai summary",
    "ai_summary",
    "总结",
    "概要",
    "概述",
];

/// Whether `label` only says "this is the summary" (`Summary`, `AI summary`, `总结`):
/// printed before the summary's first part it repeats the heading above it, and a list
/// would show the bare word as the start of the paper's lead.
pub fn is_summary_name(label: &str) -> bool {
    // A label that opens with an ASCII letter or a CJK ideograph keeps it first when
    // normalised (lower-cased): one that no name opens with is decided without
    // normalising the label (every entry's first field is asked).
    if let Some(c) = label.chars().next()
        && (c.is_ascii_alphabetic() || is_cjk_ideograph(c))
        && !matches!(c.to_ascii_lowercase(), 's' | 'e' | 'a' | '总' | '概')
    {
        return false;
    }
    SUMMARY_NAMES.contains(&&*normalise(label))
}

/// A label lower-cased, without markup, ornaments, a trailing colon or a parenthesised
/// translation (`Abstract (摘要)` is `abstract`).
pub fn normalise(label: &str) -> std::borrow::Cow<'_, str> {
    lower_cased(trimmed_label(label))
}

/// [`normalise`] before lower-casing.
fn trimmed_label(label: &str) -> &str {
    let t = strip_ornaments(trim(label));
    let t = t.trim_matches(|c: char| c == '*' || c == '_' || c == '`' || c.is_whitespace());
    let t = trim(t.trim_end_matches([':', '：']));
    // The end first: a search for the bracket is a walk through every character.
    if !t.ends_with([')', '）']) {
        return t;
    }
    match t.find(['(', '（']) {
        Some(open) if open > 0 => t[..open].trim(),
        _ => t,
    }
}

/// `t` lower-cased, borrowed when it has no upper-case letter.
fn lower_cased(t: &str) -> std::borrow::Cow<'_, str> {
    if t.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(t.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

/// Whether a label says its value is a translation (`Title (ZH)`, `标题（中文）`,
/// `Translated title`), not the original.
pub fn names_a_translation(label: &str) -> bool {
    let lower = label.to_lowercase();
    [
        "(zh", "（zh", "(cn", "（cn", "(中", "（中", "中文", "翻译", "译文", "translat", "(ja",
        "(ko",
    ]
    .iter()
    .any(|mark| lower.contains(mark))
}

/// `text` without leading emoji, symbols and ornaments (`📝 `, `🔗`, `▶ `).
pub fn strip_ornaments(text: &str) -> &str {
    // An ASCII letter, digit or mark is no ornament, and neither is a CJK ideograph
    // (every one is a letter, as a test checks): no Unicode tables to ask.
    if text
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii_alphanumeric() || b.is_ascii_punctuation())
        || text.chars().next().is_some_and(is_cjk_ideograph)
    {
        return text;
    }
    text.trim_start_matches(|c: char| {
        c.is_whitespace()
            || !(c.is_alphanumeric()
                || c.is_ascii_punctuation()
                || matches!(c, '【' | '「' | '《' | '（'))
    })
}

/// A labelled line: `**Label:** value`, `**Label**: value`, `__Label__:`, `Label: value`
/// (a plain label only when it is a known one), `【Label】value`, each possibly after an
/// ornament. Returns the label and the value.
pub fn labelled(line: &str) -> Option<(&str, &str)> {
    labelled_with_role(line).map(|(label, value, _)| (label, value))
}

/// [`labelled`], with the label's [`known_role`] when finding the label asked for it
/// (`Some`): a line's label is looked up when lines are classified, and a second look-up
/// of the same label cost as much as the first.
pub fn labelled_with_role(line: &str) -> Option<(&str, &str, Option<Option<Role>>)> {
    let t = strip_ornaments(trim_start(line));
    // A line of fields set in italics (`*🕒 **Published:** 2026-06-10 · …*`) is read
    // inside its marks.
    if let Some(inner) = italic_fields(t) {
        return labelled_with_role(inner);
    }
    for mark in ["**", "__"] {
        if let Some(bold) = t.strip_prefix(mark) {
            let end = find_double(bold, mark.as_bytes()[0])?;
            let inside = trim(&bold[..end]);
            let after = trim_start(&bold[end + 2..]);
            let (label, value, role) = match inside.strip_suffix([':', '：']) {
                Some(label) => (trim(label), after, None),
                None => match after.strip_prefix([':', '：']) {
                    Some(value) => (inside, trim_start(value), None),
                    // `**Abstract**` alone on its line: a known field whose text
                    // follows on the next lines.
                    None if after.is_empty() => match find_colon(inside) {
                        None => {
                            let role = known_role(inside)?;
                            (inside, "", Some(role))
                        }
                        // `**Label: value**`, the whole field in bold.
                        Some(colon) => {
                            let label = trim(&inside[..colon]);
                            let role = known_role(label)?;
                            let value = &inside[colon..];
                            let skip = value.chars().next().map_or(0, char::len_utf8);
                            (label, trim_start(&value[skip..]), Some(role))
                        }
                    },
                    // `**作者** Ann Lee | **机构** …`: a known label in bold with no
                    // colon, its value after a space.
                    None if after.starts_with(char::is_alphanumeric)
                        && known_role(inside).is_some() =>
                    {
                        (inside, after, None)
                    }
                    // `**Authors.** Ann Lee`, `**Abstract** — We …`, `**[Method]** We …`:
                    // a known label run in as papers head their paragraphs, or before
                    // a dash, or in brackets.
                    None => {
                        let (label, value) = run_in_label(inside, after)?;
                        let role = known_role(label)?;
                        (label, value, Some(role))
                    }
                },
            };
            let stripped = strip_ornaments(label);
            // The role looked up is the label's only when no ornament came off it.
            let role = role.filter(|_| stripped.len() == label.len()).map(Some);
            let label = stripped;
            let link = label.as_bytes().windows(2).any(|w| w == b"](");
            // A label of at most 40 bytes has at most 40 characters, uncounted.
            let short = label.len() <= 40 || label.chars().count() <= 40;
            return (!label.is_empty() && short && !link).then_some((label, value, role));
        }
    }
    if let Some(rest) = t.strip_prefix('【') {
        let (label, value) = rest.split_once('】')?;
        return (!label.is_empty() && label.chars().count() <= 20).then(|| {
            (
                label.trim(),
                value.trim_start_matches([':', '：']).trim_start(),
                None,
            )
        });
    }
    if let Some(rest) = t.strip_prefix('[') {
        // `[Abstract] We …`: a known label in brackets (a link's text is followed by
        // its target, and is no label). memchr finds the `]`: every listing's heading
        // (`[new 001] Title`) is asked.
        let at = memchr::memchr(b']', rest.as_bytes())?;
        let (label, value) = (&rest[..at], &rest[at + 1..]);
        let label = trim(label);
        if value.starts_with(['(', '[']) {
            return None;
        }
        return known_role(label).map(|role| (label, trim_start(value), Some(Some(role))));
    }
    let Some(colon) = find_colon(t) else {
        // `Authors — Ann Lee`: a known label before a dash.
        let (label, value) = dashed_label(t)?;
        return known_role(label).map(|role| (label, value, Some(Some(role))));
    };
    let label = trim(&t[..colon]);
    // `https://…` is no label.
    if t[colon..].starts_with("://") {
        return None;
    }
    known_role(label).map(|role| {
        let after = &t[colon..];
        let skip = after.chars().next().map_or(0, char::len_utf8);
        (label, trim_start(&after[skip..]), Some(Some(role)))
    })
}

/// The inside of a line wrapped in one `*` or `_` that opens with a bold label
/// (`*📅 **Published:** 2026-06-10*`); `None` for any other line.
fn italic_fields(t: &str) -> Option<&str> {
    let mark = *t.as_bytes().first()?;
    if !matches!(mark, b'*' | b'_') || t.as_bytes().get(1) == Some(&mark) {
        return None;
    }
    let inner = t[1..].trim_end().strip_suffix(char::from(mark))?;
    if inner.ends_with(char::from(mark)) {
        return None;
    }
    let inner = strip_ornaments(inner.trim_start());
    (inner.starts_with("**") || inner.starts_with("__")).then_some(inner)
}

/// The label and value of a bold label with no colon: `Authors.` before its value (run
/// in, as papers head a paragraph), `Abstract` before a dash and its value, or
/// `[Method]`. Whether the label is a known one is the caller's to ask.
fn run_in_label<'a>(inside: &'a str, after: &'a str) -> Option<(&'a str, &'a str)> {
    if after.is_empty() {
        return None;
    }
    if let Some(label) = inside.strip_suffix(['.', '。']) {
        return Some((label.trim_end(), after));
    }
    if let Some(label) = inside.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        return Some((label.trim(), after));
    }
    let value = after
        .strip_prefix(['—', '–', '-', '−'])
        .filter(|v| v.starts_with(' '))?;
    Some((inside, value.trim_start()))
}

/// `Label — value` (or `–`, `-`, `−` between spaces) in the first words of a line: the
/// label before the first such dash and the value after it. Labels are short, so only a
/// line's first bytes are searched.
fn dashed_label(t: &str) -> Option<(&str, &str)> {
    const LONGEST: usize = 48;
    let head = &t.as_bytes()[..t.len().min(LONGEST)];
    memchr::memchr_iter(b' ', head).find_map(|space| {
        let value = t[space + 1..]
            .strip_prefix(['—', '–', '-', '−'])
            .filter(|v| v.starts_with(' '))?;
        let label = t[..space].trim_end();
        (!label.is_empty()).then(|| (label, value.trim_start()))
    })
}

/// A character of the CJK Unified Ideographs block.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `text.find([':', '：'])` by bytes: a line is searched for its colon on every read,
/// and `memchr` finds the ASCII colon and the lead byte of the full-width one faster
/// than a search by characters.
fn find_colon(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b':', 0xEF, b)
        .find(|&i| b[i] == b':' || b[i..].starts_with("：".as_bytes()))
}

/// `text.find` of a doubled ASCII mark (`**`, `__`), without a substring searcher to
/// set up for a needle of two bytes.
fn find_double(text: &str, mark: u8) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr_iter(mark, b).find(|&i| b.get(i + 1) == Some(&mark))
}

/// [`labelled`], also through HTML: `**<font …>作者：</font>** …`, `<strong>作者</strong> …`
/// (a known label in `<strong>` or `<b>` needs no colon).
#[cfg(test)]
pub fn labelled_html(line: &str) -> Option<(String, String)> {
    if let Some((label, value)) = labelled(line) {
        return Some((label.to_string(), value.to_string()));
    }
    labelled_in_html(line)
}

/// A labelled line whose label is worth a field (a bold label, or a plain known one,
/// also when HTML dresses it), as [`labelled_html`] reads it, and the label's role.
/// The label and value are borrowed from the line when it has them as written (most
/// lines: the value is an abstract, copied once into its field).
pub fn field_label<'a>(line: &Line<'a>) -> Option<(Cow<'a, str>, Cow<'a, str>, Role)> {
    match line.label {
        Some(l) => Some((
            Cow::Borrowed(l.name),
            Cow::Borrowed(l.value),
            l.role.unwrap_or(Role::Summary),
        )),
        None => labelled_in_html(line.text()).map(|(name, value)| {
            let role = role(&name);
            (Cow::Owned(name), Cow::Owned(value), role)
        }),
    }
}

/// The label of a line that [`labelled`] finds none in, read through its HTML.
fn labelled_in_html(line: &str) -> Option<(String, String)> {
    if !line.contains('<') {
        return None;
    }
    let mut text = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>').map(|i| open + i) else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..close]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name = tag.split_whitespace().next().unwrap_or("");
        if name == "strong" || name == "b" {
            text.push_str("**");
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let text = text.replace("****", "");
    if let Some((label, value)) = labelled(&text) {
        return Some((label.to_string(), value.to_string()));
    }
    // `**作者** Ann Lee`: a known label in bold, without a colon.
    let t = strip_ornaments(text.trim_start());
    let inner = t.strip_prefix("**")?;
    let end = inner.find("**")?;
    let label = inner[..end].trim();
    let value = inner[end + 2..].trim();
    (known_role(label).is_some() && !value.is_empty())
        .then(|| (label.to_string(), value.to_string()))
}

/// Whether a line starts with a bold label.
pub fn is_bold_label(line: &Line<'_>) -> bool {
    let t = strip_ornaments(line.text().trim_start());
    (t.starts_with("**") || t.starts_with("__") || t.starts_with('【')) && line.label.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names() {
        for label in [
            "Summary",
            "**Summary:**",
            "📝 AI Summary",
            "Executive summary (摘要)",
            "总结：",
            "概述",
        ] {
            assert!(is_summary_name(label), "{label}");
        }
        for label in ["简介", "Abstract", "TL;DR", "Sum", "总", "Method"] {
            assert!(!is_summary_name(label), "{label}");
        }
        // The first characters that `is_summary_name` lets through are the names'.
        for name in SUMMARY_NAMES {
            assert!(is_summary_name(name), "{name}");
        }
    }

    #[test]
    fn labels_in_every_dress() {
        assert_eq!(labelled("**TL;DR**: x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("**TL;DR:** x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("📝 **Summary**：x"), Some(("Summary", "x")));
        assert_eq!(labelled("Abstract: x"), Some(("Abstract", "x")));
        assert_eq!(labelled("作者：张三, 李四"), Some(("作者", "张三, 李四")));
        assert_eq!(labelled("【摘要】x"), Some(("摘要", "x")));
        assert_eq!(labelled("We note: x"), None);
        assert_eq!(
            labelled("**分类: cs.SD; cs.AI**"),
            Some(("分类", "cs.SD; cs.AI"))
        );
        let owned = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            labelled_html("**<font color=#1a73e8>作者：</font>** A, B"),
            owned("作者", "A, B")
        );
        assert_eq!(
            labelled_html("<span><strong>作者</strong> A, B</span>"),
            owned("作者", "A, B")
        );
        assert_eq!(labelled_html("**TL;DR**: x"), owned("TL;DR", "x"));
        assert_eq!(labelled("**bold** text"), None);
        // Run-in labels, labels before a dash and in brackets, when known.
        assert_eq!(
            labelled("**Authors.** Ann Lee"),
            Some(("Authors", "Ann Lee"))
        );
        assert_eq!(labelled("**摘要。** 我们"), Some(("摘要", "我们")));
        assert_eq!(labelled("**Abstract** — We x"), Some(("Abstract", "We x")));
        assert_eq!(labelled("**TL;DR** - x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("**[Method]** We x"), Some(("Method", "We x")));
        assert_eq!(labelled("[Abstract] We x"), Some(("Abstract", "We x")));
        assert_eq!(
            labelled("Main contributions – x"),
            Some(("Main contributions", "x"))
        );
        assert_eq!(labelled("Authors — Ann Lee"), Some(("Authors", "Ann Lee")));
        assert_eq!(labelled("**Note.** We x"), None);
        assert_eq!(
            labelled("*🕒 **Published (v1):** 2026-06-10 · **Source:** x*"),
            Some(("Published (v1)", "2026-06-10 · **Source:** x"))
        );
        assert_eq!(labelled("*Ann Lee, Bo Chen*"), None);
        // Traditional Chinese labels play their Simplified twins' roles.
        assert_eq!(role("分類"), Role::Category);
        assert_eq!(role("發表日期"), Role::Date);
        assert_eq!(role("論文標題"), Role::Title);
        assert_eq!(role("arXiv所屬領域"), Role::Category);
        assert_eq!(role("入選理由"), Role::Summary);
        assert_eq!(labelled("**Abstract.**"), None);
        assert_eq!(labelled("**Abstract**"), Some(("Abstract", "")));
        assert_eq!(labelled("**Lantern Maps**"), None);
        assert_eq!(labelled("[Abstract](https://x.org) text"), None);
        assert_eq!(labelled("[Abstract][1] text"), None);
        assert_eq!(labelled("Ann Lee - Bo Chen"), None);
        assert_eq!(labelled("Abstract-level view - of x"), None);
        assert_eq!(labelled("**Abstract** -x"), None);
        assert_eq!(labelled("https://arxiv.org/abs/2507.01234"), None);
        assert_eq!(role("Abstract (摘要)"), Role::Abstract);
        assert_eq!(role("🔗 arXiv"), Role::Link);
        assert_eq!(role("Authors"), Role::Authors);
        assert_eq!(role("Novelty"), Role::Summary);
    }

    #[test]
    fn listed_labels_normalise_to_their_own_role() {
        for (labels, role) in KNOWN {
            for label in *labels {
                assert_eq!(KNOWN_ROLES.get(&*normalise(label)), Some(role), "{label}");
            }
        }
        assert_eq!(strip_ornaments("📝 Summary"), "Summary");
        assert_eq!(strip_ornaments(" 【摘要】"), "【摘要】");
        assert_eq!(strip_ornaments("**x"), "**x");
        assert!(('\u{4E00}'..='\u{9FFF}').all(|c| c.is_alphanumeric()));
    }

    proptest::proptest! {
        /// A label [`is_own_key`] names is what normalising makes of it, so that
        /// [`known_role`] may answer from the first look-up.
        #[test]
        fn own_keys_normalise_to_themselves(label in "[a-zA-Z0-9 .:：()（）*_`📝é摘要-]{1,12}") {
            if is_own_key(&label) {
                proptest::prop_assert_eq!(&*normalise(&label), label.as_str());
            }
        }
    }

    #[test]
    fn byte_searches_find_what_str_find_does() {
        for text in [
            "a: b",
            "标题：x: y",
            "no colon",
            "：",
            "**a**",
            "a*b**c",
            "__x__",
            "—:",
        ] {
            assert_eq!(find_colon(text), text.find([':', '：']), "{text}");
            assert_eq!(find_double(text, b'*'), text.find("**"), "{text}");
            assert_eq!(find_double(text, b'_'), text.find("__"), "{text}");
        }
    }
}
