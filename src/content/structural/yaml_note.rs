//! Notes with YAML front matter (Jekyll, Hugo, Obsidian, MkDocs): one paper per file,
//! its title, links, authors and short fields in `key: value` lines between `---` lines,
//! the rest of the note below.
//!
//! Only the shapes bots write are read: `key: value` (quoted or not), `key: [a, b]`,
//! `key:` followed by `- item` lines, and `key: >-` / `key: |` blocks. Anything else in
//! the block is left alone; it is metadata, not words of the summary.

use chrono::NaiveDate;

/// One front-matter key and its value, as text (list items joined by `, `).
pub struct YamlField {
    pub key: String,
    pub value: String,
    /// Whether the value held keys of its own (a list of maps, `prompts:` over
    /// `- title: …` and `prompt: |-`): flattened into one line, it is no prose.
    pub nested: bool,
}

/// The note's own date from its front matter's `date:` key: the post date Jekyll, Hugo and Obsidian give a note (`date: 2026-02-19`,
/// `date: "2026-02-19T08:00:00+09:00"`, `date: 2026-02-19 10:00:00 +0900`). A value
/// that does not open with a real date (`date: TBD`, `date: 19 Feb`) dates nothing.
///
/// A page whose front matter names no paper (a blog post of the day's papers, as the
/// Fuwari theme for Astro writes one) is dated by its `published:` key too: there it is
/// the post's date, not a paper's.
pub fn front_date(body: &str) -> Option<NaiveDate> {
    front_key_date(body, &["date"]).or_else(|| {
        let names_a_paper = split(body).is_some_and(|(fields, _)| has(&fields, LINK_KEYS));
        if names_a_paper {
            None
        } else {
            front_published(body)
        }
    })
}

/// Keys that give the paper's own date (its arXiv submission), not the note's: a stamp
/// that dates the note only where nothing else on the site dates anything.
const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "published_date",
    "publish_date",
    "published_at",
    "date_published",
    "submitted",
];

/// The paper's own date from the front matter (`published: "2026-06-10"`).
pub fn front_published(body: &str) -> Option<NaiveDate> {
    front_key_date(body, PUBLISHED_KEYS)
}

/// The date opening the value of the first of `keys` in the front matter.
fn front_key_date(body: &str, keys: &[&str]) -> Option<NaiveDate> {
    let mut lines = body.split('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for raw in lines {
        let line = raw.trim_end();
        if line == "---" || line == "..." {
            return None;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if !keys.contains(&snake_key(key).as_str()) {
            continue;
        }
        let value = unquote(value.trim());
        // The date opens the value; a time or zone may follow it.
        let head = value.get(..10)?;
        let rest = &value[10..];
        if !(rest.is_empty() || rest.starts_with(['T', ' ', 't'])) {
            return None;
        }
        return crate::content::date_text::find_date(head);
    }
    None
}

/// The front matter's fields and the line (0-based, in `body`) the note starts on, when
/// `body` opens with a `---` block.
pub fn split(body: &str) -> Option<(Vec<YamlField>, usize)> {
    let mut lines = body.split('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut fields: Vec<YamlField> = Vec::new();
    let mut block: Option<usize> = None;
    // The quote that a value opened and has not closed yet: a quoted scalar over
    // several lines (`practical_value: '- one…` … `- four.'`).
    let mut open_quote: Option<char> = None;
    for (i, raw) in lines.enumerate() {
        let line = raw.trim_end();
        if let Some(quote) = open_quote
            && let Some(f) = fields.last_mut()
        {
            let piece = line.trim();
            let closed = piece.strip_suffix(quote);
            open_quote = closed.is_none().then_some(quote);
            push_folded(&mut f.value, closed.unwrap_or(piece));
            continue;
        }
        if line == "---" || line == "..." {
            return Some((fields, i + 2));
        }
        let indented = raw.starts_with([' ', '\t']);
        if indented || line.trim_start().starts_with("- ") {
            if let Some(f) = fields.last_mut() {
                let item = line.trim();
                let listed = item.strip_prefix("- ");
                // Outside a block, a line under a key is a list item; a key inside one,
                // or an indented line that is no item, is a map's.
                f.nested |= block.is_none()
                    && (listed.is_none_or(is_map_key) || item.ends_with(['|', '>']));
                // A map's value may be a quoted scalar over several lines too.
                let inner = listed.unwrap_or(item);
                let scalar = inner.split_once(": ").map_or(inner, |(_, v)| v.trim());
                if block.is_none() {
                    open_quote = opened_quote(scalar);
                    // A map's block scalar (`prompt: |-`): its lines are text, whatever
                    // they open with, up to the next key of the front matter.
                    if is_block_indicator(scalar) {
                        block = Some(i);
                    }
                }
                let item = listed.map(unquote).unwrap_or(item);
                if !item.is_empty() {
                    let sep = if block.is_some() { " " } else { ", " };
                    if !f.value.is_empty() {
                        f.value.push_str(sep);
                    }
                    f.value.push_str(item);
                }
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        block = is_block_indicator(value).then_some(i);
        let value = if block.is_some() { "" } else { value };
        let value = if let Some(quote) = opened_quote(value) {
            open_quote = Some(quote);
            let mut folded = String::new();
            push_folded(&mut folded, &value[1..]);
            folded
        } else {
            value
                .strip_prefix('[')
                .and_then(|v| v.strip_suffix(']'))
                .map(|list| list.split(',').map(unquote).collect::<Vec<_>>().join(", "))
                .unwrap_or_else(|| unquote(value).to_string())
        };
        fields.push(YamlField {
            key: snake_key(key),
            value,
            nested: false,
        });
    }
    None
}

/// Whether a value opens a block scalar (`>-`, `|`).
fn is_block_indicator(value: &str) -> bool {
    matches!(value, ">" | ">-" | "|" | "|-" | ">+" | "|+")
}

/// The quote a value opens and does not close on its line, if any.
fn opened_quote(value: &str) -> Option<char> {
    value
        .chars()
        .next()
        .filter(|&q| matches!(q, '\'' | '"'))
        .filter(|&q| value.len() == 1 || !value.ends_with(q))
}

/// Whether a list item opens with a key of a map (`title: Trajectory quality`).
fn is_map_key(item: &str) -> bool {
    item.split_once(": ").is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    })
}

/// Appends one line of a quoted scalar to `value`, folded as YAML folds it (lines
/// joined by a space) and kept on one line, as every field is; a list item's marker
/// (`- `) goes, since the items become one run of text.
fn push_folded(value: &mut String, line: &str) {
    let line = line.trim();
    let line = line.strip_prefix("- ").unwrap_or(line);
    if line.is_empty() {
        return;
    }
    if !value.is_empty() {
        value.push(' ');
    }
    value.push_str(line);
}

/// A front-matter key in lower snake case, as the key lists below write it: Astro and
/// Next.js sites name theirs in camel case (`arxivId`, `paperTitle`, `publishedAt`),
/// Hugo's in kebab case (`paper-title`).
fn snake_key(key: &str) -> String {
    let key = key.trim();
    let mut out = String::with_capacity(key.len() + 4);
    let mut lower_before = false;
    for c in key.chars() {
        if c.is_uppercase() && lower_before {
            out.push('_');
        }
        lower_before = c.is_lowercase() || c.is_ascii_digit();
        match c {
            '-' | ' ' => out.push('_'),
            c => out.extend(c.to_lowercase()),
        }
    }
    // arXiv's own capital is no word break: `arXivId` is `arxiv_id`.
    if out.contains("ar_xiv") {
        out = out.replace("ar_xiv", "arxiv");
    }
    out
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(s)
}

/// Keys that name the note's paper by its link or id.
const LINK_KEYS: &[&str] = &[
    "arxiv_url",
    "arxiv",
    "arxiv_id",
    "url",
    "link",
    "pdf",
    "paper_url",
    "doi",
    "hf_url",
    "openreview",
    "source_url",
];

/// Keys that give the note's title.
/// The paper's own title first: a blog's note may title itself otherwise.
const TITLE_KEYS: &[&str] = &["paper_title", "title", "name"];

/// Whether the front matter has a non-empty value for one of `keys`.
fn has(fields: &[YamlField], keys: &[&str]) -> bool {
    fields
        .iter()
        .any(|f| keys.contains(&f.key.as_str()) && !f.value.is_empty())
}

/// The note's link as its front matter gives it: the first of the link keys it has.
pub fn link(fields: &[YamlField]) -> Option<&str> {
    LINK_KEYS.iter().find_map(|k| {
        fields
            .iter()
            .find(|f| f.key == *k && !f.value.is_empty())
            .map(|f| f.value.as_str())
    })
}

/// [`link`] as the note's head writes it: a URL, or a bare id as `arXiv:ID`.
pub fn link_as_written(fields: &[YamlField]) -> Option<String> {
    let link = link(fields)?;
    Some(
        if link.contains("://") || link.to_ascii_lowercase().starts_with("arxiv:") {
            link.to_string()
        } else {
            format!("arXiv:{link}")
        },
    )
}

/// Whether the front matter titles the note but names no link of its paper.
pub fn titled_without_link(fields: &[YamlField]) -> bool {
    has(fields, TITLE_KEYS) && !has(fields, LINK_KEYS)
}

/// Whether the front matter links the note's paper but gives no title.
pub fn linked_without_title(fields: &[YamlField]) -> bool {
    has(fields, LINK_KEYS) && !has(fields, TITLE_KEYS)
}

/// Whether an `author` value lists several people. Jekyll, Hugo and Astro give a page
/// one `author`, its writer (a blog's owner, a bot's name): the paper's authors are
/// that key only when it lists them.
fn names_several(value: &str) -> bool {
    value.contains([',', ';', '，', '、']) || value.contains(" and ")
}

/// The markdown a note's front matter stands for: a title heading and labelled lines
/// the general reader reads like any other entry's.
pub fn as_markdown(fields: &[YamlField]) -> Option<String> {
    // The first of `keys` the note has, in the order of `keys`.
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            fields
                .iter()
                .find(|f| f.key == *k && !f.value.is_empty())
                .map(|f| f.value.as_str())
        })
    };
    let title = get(TITLE_KEYS)?;
    let link = link_as_written(fields)?;
    let mut md = format!("# {title}\n**arXiv**: {link}\n");
    let read = [
        (&["authors", "author"][..], "Authors"),
        (GIST_KEYS, "TL;DR"),
        (
            &[
                "arxiv_categories",
                "categories",
                "category",
                "primary_category",
                "tags",
                "topic",
                "topics",
            ][..],
            "Categories",
        ),
        (&["abstract", "arxiv_abstract"][..], "Abstract"),
        (&["summary", "blurb", "description"][..], "Summary"),
        (&["motivation"][..], "Motivation"),
        (&["method"][..], "Method"),
        (&["result", "results"][..], "Result"),
        (&["conclusion"][..], "Conclusion"),
        // The paper's date: a stamp, which dates the note only where nothing else
        // on the site dates anything.
        (PUBLISHED_KEYS, "Published"),
    ];
    for (keys, label) in read {
        // Every key of the kind: `primary_category` and `tags` both name categories.
        let values: Vec<&str> = fields
            .iter()
            .filter(|f| keys.contains(&f.key.as_str()) && !f.value.is_empty())
            .filter(|f| f.key != "author" || names_several(&f.value))
            .map(|f| f.value.as_str())
            .collect();
        if !values.is_empty() {
            let v = if label == "Categories" {
                values.join(", ")
            } else {
                values[0].to_string()
            };
            md.push_str(&format!("**{label}**: {v}\n"));
        }
    }
    // Prose under a key of the bot's own (`practical_value`, `direction`): words of
    // the note, kept as a part of the summary under the key's name.
    for f in fields {
        let known = read.iter().any(|(keys, _)| keys.contains(&f.key.as_str()))
            || TITLE_KEYS.contains(&f.key.as_str())
            || LINK_KEYS.contains(&f.key.as_str());
        if !known && !f.nested && is_prose_key(&f.key) && is_prose(&f.value) {
            md.push_str(&format!("**{}**: {}\n", key_label(&f.key), f.value));
        }
    }
    Some(md)
}

/// Keys of a one-line gist.
const GIST_KEYS: &[&str] = &[
    "tldr",
    "tl;dr",
    "tl_dr",
    "gist",
    "one_liner",
    "one_line",
    "oneliner",
];

/// Whether a key not read otherwise may hold the note's prose: not a title (a
/// translated one, `title_zh`), a date, an address or a site generator's setting.
fn is_prose_key(key: &str) -> bool {
    const SETTINGS: &[&str] = &[
        "layout",
        "permalink",
        "slug",
        "lang",
        "language",
        "image",
        "cover",
        "thumbnail",
        "draft",
        "template",
        "type",
        "weight",
        "aliases",
        "path",
        "file",
        "source",
    ];
    !(key.contains("title")
        || key.contains("date")
        || key.ends_with("_url")
        || key.ends_with("_at")
        || SETTINGS.contains(&key))
}

/// Whether a value reads as prose: five words or more, or ten CJK characters, and not
/// an address.
fn is_prose(value: &str) -> bool {
    let words = value.split_whitespace().take(5).count();
    let cjk = value
        .chars()
        .filter(|&c| crate::content::words::in_cjk_block(c))
        .take(10)
        .count();
    (words >= 5 || cjk >= 10) && !value.trim_start().starts_with("http")
}

/// A key as a label: `practical_value` is `Practical value`.
fn key_label(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The lines of `text`, each with whether it is text outside a fenced code block (a
/// fence itself is not): where a `#` opens a heading.
fn lines_outside_code(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut in_code = false;
    text.split('\n').map(move |line| {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            (line, false)
        } else {
            (line, !in_code)
        }
    })
}

/// How many `# ` headings `text` has outside code blocks.
pub fn top_headings(text: &str) -> usize {
    lines_outside_code(text)
        .filter(|&(line, outside)| outside && line.starts_with("# "))
        .count()
}

/// Whether the first heading of `text` outside code blocks is a `# ` one: a note's
/// title heading stands above its sections.
pub fn opens_with_top_heading(text: &str) -> bool {
    lines_outside_code(text)
        .filter(|&(_, outside)| outside)
        .find_map(|(line, _)| {
            let level = line.bytes().take_while(|&b| b == b'#').count();
            let after = &line[level..];
            (level > 0 && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(level)
        })
        == Some(1)
}

/// `text` with each `# ` heading outside code blocks written one level down, under the
/// title the note's front matter gives; every line keeps its number.
pub fn sections_under_title(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (line, outside) in lines_outside_code(text) {
        if outside && line.starts_with("# ") {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_headings_outside_code() {
        let note = "## 摘要\ntext\n```\n# a comment\n```\n# 论文总结\n#tag\n# Two";
        assert_eq!(top_headings(note), 2);
        assert!(!opens_with_top_heading(note));
        assert!(opens_with_top_heading(
            "```\n## x\n```\n#tag\n# Title\n## Part"
        ));
        assert!(!opens_with_top_heading("no heading at all"));
        assert_eq!(
            sections_under_title(note),
            "## 摘要\ntext\n```\n# a comment\n```\n## 论文总结\n#tag\n## Two"
        );
    }

    #[test]
    fn a_notes_own_date_in_the_shapes_site_tools_write() {
        let date = |body: &str| front_date(body).map(|d| d.to_string());
        let on = |d: &str| Some(d.to_string());
        assert_eq!(
            date("---\ntitle: x\ndate: 2026-02-19\n---\n"),
            on("2026-02-19")
        );
        assert_eq!(date("---\nDate: \"2026-02-19\"\n---\n"), on("2026-02-19"));
        assert_eq!(
            date("---\ndate: 2026-02-19T08:00:00+09:00\n---\n"),
            on("2026-02-19")
        );
        assert_eq!(
            date("---\ndate: 2026-02-19 10:00:00 +0900\n---\n"),
            on("2026-02-19")
        );
        assert_eq!(date("---\ndate: 2026/02/19\n---\n"), on("2026-02-19"));
        // No date: not a real one, not at the value's start, another key, no block,
        // a `date` below the block.
        assert_eq!(date("---\ndate: 2026-02-30\n---\n"), None);
        assert_eq!(date("---\ndate: TBD\n---\n"), None);
        assert_eq!(date("---\ndate: 19 Feb 2026\n---\n"), None);
        assert_eq!(date("---\ndate: 2026-02-191\n---\n"), None);
        // `published` is the paper's date in a note that names its paper.
        assert_eq!(
            date("---\narxiv_id: 2602.00001\npublished: 2026-02-19\n---\n"),
            None
        );
        assert_eq!(date("---\nupdated_date: 2026-02-19\n---\n"), None);
        assert_eq!(date("# Title\ndate: 2026-02-19\n"), None);
        assert_eq!(date("---\ntitle: x\n---\ndate: 2026-02-19\n"), None);
        assert_eq!(date("---\ndate: 2026-02-19"), on("2026-02-19"));
        assert_eq!(date("---\ndate: 2026-02-1\u{e9}\n---\n"), None);
        // The paper's own date is another key, read on its own.
        let published = |body: &str| front_published(body).map(|d| d.to_string());
        assert_eq!(
            published("---\ntitle: x\npublished: \"2026-06-10\"\n---\n"),
            on("2026-06-10")
        );
        assert_eq!(
            published("---\npublished_date: 2026-06-10T13:06:11+00:00\n---\n"),
            on("2026-06-10")
        );
        assert_eq!(published("---\ndate: 2026-06-10\n---\n"), None);
    }

    #[test]
    fn reads_the_shapes_bots_write() {
        let body = "---\ntitle: \"A: Title\"\nauthors:\n  - Ann Lee\n  - Bo Chen\ntags: [\"x\", y]\nabstract: >-\n  Line one\n  line two.\narxiv_id: \"2603.00001v1\"\n---\n# Body\n";
        let (fields, start) = split(body).unwrap();
        assert_eq!(start, 11);
        let md = as_markdown(&fields).unwrap();
        assert!(
            md.starts_with("# A: Title\n**arXiv**: arXiv:2603.00001v1\n"),
            "{md}"
        );
        // One line a field: never more lines than the front matter it stands for.
        assert!(md.lines().count() <= start, "{md}");
        assert!(md.contains("**Authors**: Ann Lee, Bo Chen"), "{md}");
        assert!(md.contains("**Abstract**: Line one line two."), "{md}");
    }

    #[test]
    fn quoted_values_over_lines_and_prose_under_a_bots_own_keys() {
        let body = "---\ntitle: 'Quiet Lanterns: Reading at Night, Slowly,\n  and Well'\n\
                    title_zh: 安静的灯笼：慢慢地、好好地在夜里读书的方法研究\n\
                    arxiv_id: '2605.00001'\none_liner: 一盏随书页移动的灯笼让夜读更久\n\
                    practical_value: '- 书店可以用它。\n\n  - 图书馆也可以。'\n\
                    direction: 柔和的光照与阅读时长之间的关系研究\nsource: hf-daily\n\
                    prompts:\n  - title: \"Ask about lanterns\"\n    prompt: \"Say how bright:\n\
                    Rule: never too bright.\"\n  - title: Block\n    prompt: |-\n      \"Quoted\" start\n\
                    topic: Human Factors\nscore: 6\n---\n";
        let (fields, start) = split(body).unwrap();
        let md = as_markdown(&fields).unwrap();
        assert!(
            md.starts_with("# Quiet Lanterns: Reading at Night, Slowly, and Well\n"),
            "{md}"
        );
        assert!(md.lines().count() <= start, "{md}");
        assert!(
            md.contains("**TL;DR**: 一盏随书页移动的灯笼让夜读更久"),
            "{md}"
        );
        assert!(
            md.contains("**Practical value**: 书店可以用它。 图书馆也可以。"),
            "{md}"
        );
        assert!(md.contains("**Direction**: 柔和的光照"), "{md}");
        assert!(md.contains("**Categories**: Human Factors"), "{md}");
        // A translated title, settings, scores and a list of maps are no prose; the
        // lines of a quoted value inside that list are not keys of the front matter.
        for absent in ["安静的灯笼", "hf-daily", "Prompts", "Rule", "Score"] {
            assert!(!md.contains(absent), "{absent}: {md}");
        }
    }

    #[test]
    fn camel_case_keys_of_site_generators() {
        let body = "---

arxivId: \"2602.00009\"\ncatchyTitle: \"Short and sweet\"\nblurb: \"What it does.\"\npaperTitle: \"The Paper's Own Title\"\ntags: [\"agents\"]\nsourceUrl: \"https://arxiv.org/abs/2602.00009\"\nauthor: \"Good bot\"\npublishedAt: \"2026-02-26T07:30:00-05:00\"\n---\n## Body\n";
        let (fields, _) = split(body).unwrap();
        let md = as_markdown(&fields).unwrap();
        assert!(
            md.starts_with("# The Paper's Own Title\n**arXiv**: arXiv:2602.00009\n"),
            "{md}"
        );
        assert!(md.contains("**Summary**: What it does."), "{md}");
        assert!(md.contains("**Categories**: agents"), "{md}");
        assert_eq!(
            front_published(body).map(|d| d.to_string()).as_deref(),
            Some("2026-02-26")
        );
        assert_eq!(snake_key("arxivId"), "arxiv_id");
        assert_eq!(snake_key("paper-title"), "paper_title");
        assert_eq!(snake_key("HF_URL"), "hf_url");
        assert_eq!(snake_key("arXivId"), "arxiv_id");
        // The note names its paper: `publishedAt` is the paper's date, not the note's.
        assert_eq!(front_date(body), None);
        let post = "---\ntitle: Papers of the week\npublished: 2026-02-17\ntags: [ai]\n---\n### 1. A Paper\n";
        assert_eq!(
            front_date(post).map(|d| d.to_string()).as_deref(),
            Some("2026-02-17")
        );
        // `author` is the note's writer, unless it lists the paper's authors.
        assert!(!md.contains("**Authors**"), "{md}");
        let listed = "---\ntitle: T\narxiv_id: 2602.00009\nauthor: [Ann Lee, Bo Chen]\n---\n";
        let (fields, _) = split(listed).unwrap();
        assert!(
            as_markdown(&fields)
                .unwrap()
                .contains("**Authors**: Ann Lee, Bo Chen"),
        );
        assert_eq!(snake_key("arXiv"), "arxiv");
    }
}
