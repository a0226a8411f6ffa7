//! The list family: one heading per paper, as the daily-arXiv-ai-enhanced bots and their
//! forks write it.
//!
//! ```text
//! # cs.CL [[Back]](#toc)
//! ### [1] [Title of the paper](https://arxiv.org/abs/2507.02122)
//! *Author One,Author Two*
//! **TL;DR**: One sentence.
//! <details> … **Motivation:** … **Method:** … Abstract: hard-wrapped … </details>
//! ```
//!
//! The forks differ in small ways (bold or plain labels, the colon inside or outside the
//! bold, `#` or `##` category headings, a table of contents, labels in other languages),
//! so fields are recognised by their labels rather than by position: the TL;DR is the
//! gist, the abstract is the abstract, every other labelled field is kept, in order and
//! with its label, as the summary, and the category heading becomes a tag.

use std::path::Path;

use super::arxiv;
use super::line_split::HashLines;
use super::web_url::web_url;
use super::{Entry, Format, Section, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// True when the body has a paper heading: numbered with a link (`### [1] [Title](URL)`),
/// or a link to an arXiv paper (`## [Title](https://arxiv.org/abs/ID)`) with the family's
/// italic author line or a bold label other than the authors' (`**Interest Score:**`)
/// under it.
///
/// A plain linked heading alone is no sign of this family: many bots title their papers
/// so and give authors, links and fields in layouts of their own (`Authors:` lines,
/// bullets, sub-headings), which the general reader reads by their labels and this
/// parser would misread (an italic footer taken for the last paper's authors).
pub fn looks_like(hashed: &HashLines<'_>) -> bool {
    // A heading gives a URL only from a link to an `http` address: a heading without
    // one (most, in a file of another family) is not read. The searcher is built once.
    static LINK_TO_HTTP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"](http"));
    // Only a heading can be an entry's: the other lines are not visited.
    hashed.starting_with("#").any(|mut from| {
        let Some(line) = from.next() else {
            return false;
        };
        if LINK_TO_HTTP.find(line.as_bytes()).is_none() {
            return false;
        }
        entry_heading(line).is_some_and(|h| {
            h.url.is_some_and(|url| {
                h.numbered
                    || (arxiv::id_from_url(url).is_some()
                        && from
                            .find(|l| !l.trim().is_empty())
                            .is_some_and(|l| author_line(l).is_some() || is_other_bold_label(l)))
            })
        })
    })
}

/// A paper heading: `### [N] [Title](URL)`, `### [N] Title` or `### [Title](URL)`, the
/// last also as `## <a id="ID"></a>[Title](URL) [[back]](#toc)`.
struct Heading<'a> {
    level: usize,
    numbered: bool,
    title: &'a str,
    url: Option<&'a str>,
}

/// Heading level (number of `#`) and text of a markdown heading line.
fn heading(line: &str) -> Option<(usize, &str)> {
    // Most lines are no heading: found before trimming them.
    if !line.starts_with('#') {
        return None;
    }
    let t = line.trim_end();
    let level = t.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&level) && t[level..].starts_with([' ', '\t']))
        .then(|| (level, t[level..].trim()))
}

fn entry_heading(line: &str) -> Option<Heading<'_>> {
    let (level, text) = heading(line)?;
    if level < 2 {
        return None;
    }
    let (numbered, rest) = match text.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (true, rest.trim())
        }
        _ => (false, text),
    };
    // An anchor before the link and a link back to the contents after it.
    let rest = match rest.strip_prefix("<a ").and_then(|r| r.split_once("</a>")) {
        Some((_, after)) => after.trim_start(),
        None => rest,
    };
    let rest = match rfind_back_link(rest) {
        Some(back) if rest[back..].contains("](#") => rest[..back].trim_end(),
        _ => rest,
    };
    // `[Title](URL)`: the title may hold brackets and `](` of its own, so the link's
    // `](` is the last one before an `http` URL that runs to the closing parenthesis.
    if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(')'))
        && let Some(split) = inner.rfind("](http")
    {
        let url = inner[split + 2..].trim();
        return Some(Heading {
            level,
            numbered,
            title: &inner[..split],
            url: Some(url),
        });
    }
    numbered.then_some(Heading {
        level,
        numbered,
        title: rest,
        url: None,
    })
}

/// `text.rfind(" [[")`, found from the `[`s of the text: a substring searcher set up
/// for every heading of a long file costs more than the few brackets a heading holds.
fn rfind_back_link(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memrchr_iter(b'[', b)
        .find(|&j| j >= 2 && b[j - 1] == b'[' && b[j - 2] == b' ')
        .map(|j| j - 2)
}

/// A category section heading (`# cs.CL [[Back]](#toc)`, `## astro-ph.GA`): its name,
/// or `None` for headings that name no category (the table of contents).
fn category(text: &str) -> Option<String> {
    let name = match text.find("[[") {
        Some(back) => &text[..back],
        None => text,
    };
    let name = markup::plain(name);
    let lower = name.to_lowercase();
    let not_a_category = name.is_empty()
        || ["table of contents", "contents", "toc", "目录"].contains(&lower.as_str())
        || name.contains([':', '：'])
        || super::find_iso_date(&name).is_some();
    (!not_a_category).then_some(name)
}

/// Labels written without bold that start a field. Bold labels (`**Anything:**`) are
/// recognised whatever they say; plain ones only from this list, so that a wrapped
/// abstract line starting with "Results: " is not taken for a new field.
const PLAIN_LABELS: [&str; 24] = [
    "tl;dr",
    "tldr",
    "motivation",
    "method",
    "methods",
    "result",
    "results",
    "conclusion",
    "conclusions",
    "abstract",
    "keywords",
    "relevance score",
    "main category",
    "background",
    "data",
    "comment",
    "comments",
    "ai_comments",
    "ai_abstract",
    "summary",
    "translation",
    "摘要翻译",
    "摘要",
    "limitations",
];

/// What a labelled field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Gist,
    Abstract,
    Category,
    /// The code or project page: the entry's code link.
    Code,
    Summary,
}

fn role(label: &str) -> Role {
    match label.to_lowercase().as_str() {
        "tl;dr" | "tldr" => Role::Gist,
        "abstract" => Role::Abstract,
        "main category" | "category" | "categories" => Role::Category,
        code if super::code_link::is_code_label(code) => Role::Code,
        _ => Role::Summary,
    }
}

/// A labelled field's start: `**Label:** value`, `**Label**: value`, `Label: value`,
/// each possibly quoted (`> **TL;DR:** …`). Returns the label and the value's start.
fn labelled(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let t = t.strip_prefix('>').map_or(t, str::trim_start);
    if let Some(bold) = t.strip_prefix("**") {
        let end = bold.find("**")?;
        let inside = bold[..end].trim();
        let after = bold[end + 2..].trim_start();
        let (label, value) = match inside.strip_suffix([':', '：']) {
            Some(label) => (label.trim(), after),
            None => (inside, after.strip_prefix([':', '：'])?.trim_start()),
        };
        return (!label.is_empty() && label.chars().count() <= 40).then_some((label, value));
    }
    let colon = t.find([':', '：'])?;
    let label = t[..colon].trim();
    let lower = label.to_lowercase();
    PLAIN_LABELS.contains(&lower.as_str()).then(|| {
        let after = &t[colon..];
        let skip = after.chars().next().map_or(0, char::len_utf8);
        (label, after[skip..].trim_start())
    })
}

/// Whether a line starts with a bold label that does not name the authors: the family
/// gives its authors in italics, and a bot that labels them writes its own layout.
fn is_other_bold_label(line: &str) -> bool {
    is_bold_label(line)
        && labelled(line)
            .is_none_or(|(label, _)| !AUTHOR_LABELS.contains(&label.to_lowercase().as_str()))
}

/// Whether a line starts with a bold label (`**Label:**`, `> **Label**:`).
fn is_bold_label(line: &str) -> bool {
    let t = line.trim_start();
    t.strip_prefix('>')
        .map_or(t, str::trim_start)
        .starts_with("**")
        && labelled(line).is_some()
}

/// An author line: the whole line in single `*` or `_` (not bold).
fn author_line(line: &str) -> Option<&str> {
    let t = line.trim();
    if t.starts_with("**") || t.starts_with("__") {
        return None;
    }
    let inner = t
        .strip_prefix('*')
        .and_then(|r| r.split_once('*'))
        .or_else(|| t.strip_prefix('_').and_then(|r| r.split_once('_')))?
        .0;
    (!inner.trim().is_empty()).then_some(inner)
}

/// Lines that hold layout only: the `<details>` wrapper and anchors.
fn is_layout(line: &str) -> bool {
    let t = line.trim().to_ascii_lowercase();
    t.is_empty()
        || t.starts_with("<details")
        || t.starts_with("</details")
        || t.starts_with("<summary")
        || (t.starts_with("<div") && t.ends_with("</div>"))
        || t.chars()
            .all(|c| c == '-' || c == '*' || c == '_' || c == ' ')
        || only_site_links(line)
}

/// A line of links to the page's own anchors or the site's other pages alone
/// (`[⬆️ Back to the category](#cscr) | [⬆️ Contents](#toc)`): navigation.
fn only_site_links(line: &str) -> bool {
    let rest = super::marks::without_site_links(line);
    rest.len() < line.len() && !rest.chars().any(char::is_alphanumeric)
}

/// One paper as it is read.
struct Pending<'a> {
    line: usize,
    heading: Heading<'a>,
    tag: Option<String>,
    authors: Option<&'a str>,
    /// `(label, lines)` in file order; text before any label has an empty label.
    fields: Vec<(&'a str, Vec<&'a str>)>,
    /// Whether a labelled field has started (after which no line is the author line).
    labelled: bool,
}

/// Parses the body of a list digest into one undated section.
pub fn parse(
    path: &Path,
    path_dated: bool,
    body: &str,
    first_line: usize,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    let mut entries = Vec::new();
    let mut pending: Option<Pending<'_>> = None;
    let mut tag: Option<String> = None;
    // A file whose path names no day may name it in a heading above its first paper
    // (`# arXiv cs.CV Daily Digest — 2026-07-14 (KST)` in `2026/07/report_14.md`).
    // Files dated by their path are read as before: the path's date holds.
    let mut heading_date: Option<(chrono::NaiveDate, usize)> = None;
    // A file that keeps every day (`## 📅 2026-08-21` over each day's papers, newest on
    // top) names a day in each such heading: the papers under it are that day's.
    let mut days: Vec<Section> = Vec::new();
    for (i, raw) in body.split('\n').enumerate() {
        let lineno = first_line + i;
        if let Some(h) = entry_heading(raw) {
            if let Some(p) = pending.take() {
                entries.extend(finish(path, p, opts, diags));
            }
            pending = Some(Pending {
                line: lineno,
                heading: h,
                tag: tag.clone(),
                authors: None,
                fields: Vec::new(),
                labelled: false,
            });
            continue;
        }
        if let Some((level, text)) = heading(raw) {
            // Below the paper's own heading level, a heading is one of its fields
            // (`### Background`, `### Summary` under `## [Title](URL)`); above it, a
            // category section.
            if let Some(p) = pending.as_mut().filter(|p| level > p.heading.level) {
                p.fields.push((text, Vec::new()));
                p.labelled = true;
                continue;
            }
            if let Some(p) = pending.take() {
                entries.extend(finish(path, p, opts, diags));
            }
            if !path_dated && let Some(date) = super::date_text::find_date(text) {
                if heading_date.is_none() && entries.is_empty() {
                    heading_date = Some((date, lineno));
                } else if let Some((day, line)) = heading_date
                    && !entries.is_empty()
                {
                    days.push(Section {
                        date: Some(day),
                        line,
                        entries: std::mem::take(&mut entries),
                        stamped: false,
                    });
                    heading_date = Some((date, lineno));
                }
                // A day's heading is no category.
                tag = None;
                continue;
            }
            tag = category(text);
            continue;
        }
        let Some(p) = pending.as_mut() else {
            // The table of contents and anything else before the first paper: links to
            // the sections below, not papers.
            continue;
        };
        if is_layout(raw) {
            continue;
        }
        if p.authors.is_none()
            && !p.labelled
            && let Some(authors) = author_line(raw)
        {
            p.authors = Some(authors);
            continue;
        }
        // `- **作者**: Ann Lee, Bo Chen et al.`: a bullet labelled as the authors.
        if p.authors.is_none()
            && let Some((label, value)) =
                labelled(raw.trim_start().strip_prefix("- ").unwrap_or(raw))
            && AUTHOR_LABELS.contains(&label.to_lowercase().as_str())
        {
            p.authors = Some(without_et_al(value));
            continue;
        }
        // Inside an abstract, plain `Methods:` or `Code:` lines are the abstract's own
        // text; only a bold label starts a new field there.
        let in_abstract = p
            .fields
            .last()
            .is_some_and(|(label, _)| role(label) == Role::Abstract);
        match labelled(raw).filter(|_| !in_abstract || is_bold_label(raw)) {
            Some((label, value)) => {
                p.fields.push((label, vec![value]));
                p.labelled = true;
            }
            None => match p.fields.last_mut() {
                Some((_, lines)) => lines.push(raw.trim()),
                None => p.fields.push(("", vec![raw.trim()])),
            },
        }
    }
    if let Some(p) = pending.take() {
        entries.extend(finish(path, p, opts, diags));
    }
    match heading_date {
        Some((date, line)) if !entries.is_empty() => {
            days.push(Section {
                date: Some(date),
                line,
                entries,
                stamped: false,
            });
            days
        }
        _ if !days.is_empty() => days,
        _ => super::undated_section(entries),
    }
}

/// Labels of an authors bullet under a paper's heading.
const AUTHOR_LABELS: &[&str] = &["authors", "author", "作者", "著者", "저자"];

/// An authors value without the `et al.` (`等`) a bot puts after the first few names.
fn without_et_al(value: &str) -> &str {
    let v = value.trim_end();
    ["et al.", "et al", "等"]
        .iter()
        .find_map(|tail| v.strip_suffix(tail))
        .map_or(v, str::trim_end)
}

fn finish(
    path: &Path,
    p: Pending<'_>,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let title = markup::plain(p.heading.title);
    if title.is_empty() {
        diags.push(
            Diagnostic::error(path, p.line, "paper heading has an empty title")
                .kind(Kind::MissingTitle),
        );
        return None;
    }
    let Some(url) = p.heading.url.and_then(web_url) else {
        diags.push(
            Diagnostic::error(
                path,
                p.line,
                format!("`{title}` has no link: write the heading as `### [N] [{title}](URL)`"),
            )
            .kind(Kind::MissingLink),
        );
        return None;
    };
    let authors: Vec<String> = p
        .authors
        .map(|a| {
            markup::plain(a)
                .split([',', ';', '，'])
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty())
                .collect()
        })
        .unwrap_or_default();
    super::lint::authors(path, p.line, &authors, diags);
    let mut tags: Vec<String> = p.tag.into_iter().collect();
    let (mut gist, mut abstract_, mut summary) = (None, None, String::new());
    let mut code = None;
    for (label, lines) in &p.fields {
        let value = lines.join("\n");
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        // A field in which the bot wrote its model's failure (`TL;DR: 达到API配额限制`,
        // `Motivation: Error: API quota exceeded`) holds no text of the paper. Such a
        // message is a few words: the fields of a paper, hundreds of bytes each, are
        // not searched for one (that cost the list family a tenth of its reading time).
        if value.len() <= 64
            && let Some(what) = super::lint::bot_error(value)
        {
            let field = if label.is_empty() {
                "the text".to_string()
            } else {
                format!("`{label}`")
            };
            diags.push(
                Diagnostic::warning(
                    path,
                    p.line,
                    format!("{field} of `{title}` is a bot's error message ({what}), not text; it is left out"),
                )
                .kind(Kind::BotError),
            );
            continue;
        }
        let role = role(label);
        if role == Role::Code && code.is_none() {
            code = super::code_link::from_labelled(value);
            // The line is the link (or says there is none); words beside it stay.
            if !super::code_link::has_other_words(value)
                && (code.is_some() || !value.contains("://"))
            {
                continue;
            }
        }
        match role {
            Role::Gist if gist.is_none() => gist = Some(markup::block(value)),
            Role::Abstract if abstract_.is_none() => abstract_ = Some(markup::block(value)),
            Role::Category => {
                let name = markup::plain(value);
                if !name.is_empty() && !tags.contains(&name) {
                    tags.push(name);
                }
            }
            _ => {
                if !summary.is_empty() {
                    summary.push_str("\n\n");
                }
                // A numbered list run into one line (`1. …。2. …`) is a list of its
                // items; markdown alone makes it one item holding the other numbers.
                let listed = (!value.contains('\n'))
                    .then(|| markup::run_in_list(value))
                    .flatten();
                if !label.is_empty() {
                    // A value that opens a block (a list, a quote) goes under its label.
                    let block = listed.is_some()
                        || value.starts_with(['-', '*', '+', '>'])
                        || value.split_once(". ").is_some_and(|(n, _)| {
                            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
                        });
                    summary.push_str(&format!("**{label}:**"));
                    summary.push_str(if block { "\n\n" } else { " " });
                }
                summary.push_str(listed.as_deref().unwrap_or(value));
            }
        }
    }
    // A `[Code](…)` link among the lines under no label (kept in the summary as written).
    if code.is_none() {
        code = p
            .fields
            .iter()
            .filter(|(label, _)| label.is_empty())
            .flat_map(|(_, lines)| lines)
            .find_map(|line| super::code_link::from_link_texts(line));
    }
    let summary = super::lint::summary_source(path, p.line, &summary, opts, diags);
    let summary = Some(markup::block(&summary)).filter(|m| !m.is_empty());
    let arxiv_id = arxiv::id_from_url(&url).map(|(id, _)| id);
    Some(Entry {
        line: p.line,
        format: Format::List,
        title,
        arxiv_id,
        url: Some(url),
        authors,
        summary,
        gist: gist.filter(|m| !m.is_empty()),
        abstract_: abstract_.filter(|m| !m.is_empty()),
        tags,
        code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_lines_are_layout() {
        assert!(is_layout(
            "[⬆️ 返回分类顶部](#cscr) | [⬆️ 返回总目录](#toc)"
        ));
        assert!(is_layout("[← Daily summary](../2026-08-07.md)"));
        assert!(!is_layout("See [the method](#method) for how."));
        assert!(!is_layout("[Title](https://arxiv.org/abs/2601.00001)"));
    }

    #[test]
    fn back_links_found_as_rfind_finds_them() {
        for t in [
            "",
            " [[",
            "[[",
            "a [[b]](#toc)",
            "[T](u) [[back]](#toc) [[top]](#t)",
            "x[[ [[",
            "[new 001] Title",
            "a  [[[",
        ] {
            assert_eq!(rfind_back_link(t), t.rfind(" [["), "{t}");
        }
    }

    fn parse_str(text: &str) -> (Vec<Section>, Diagnostics) {
        let mut d = Diagnostics::default();
        let s = parse(
            Path::new("l.md"),
            false,
            text,
            1,
            &Default::default(),
            &mut d,
        );
        (s, d)
    }

    const BOLD: &str = "<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CL](#cs.CL) [Total: 2]\n\n<div id='cs.CL'></div>\n\n# cs.CL [[Back]](#toc)\n\n### [1] [A Study of $|x|$ [Brackets] in Titles](https://arxiv.org/abs/2507.02122)\n*Ana Ruiz,Ben Ode, Chen Li*\n\n**TL;DR**: One sentence.\n\n\n<details>\n  <summary>Details</summary>\n\n**Motivation:** Why it matters.\n\n**Method:** How it\nworks.\n\n**Abstract:** The abstract,\nhard-wrapped.\n\n</details>\n\n### [2] [A Blog Post](https://example.org/post)\n*Dee Fox*\n\n**TL;DR:** Another.\n";

    #[test]
    fn bold_labels_category_and_toc() {
        assert!(looks_like(&HashLines::new(BOLD)));
        // Only a heading with a link to an `http` address is a list entry's.
        assert!(!looks_like(&HashLines::new(
            "### [1] A Title\n### [new 2] [B](#b)\n"
        )));
        assert!(looks_like(&HashLines::new(
            "x\n### [1] [A Title](https://example.org/a)\n"
        )));
        assert!(looks_like(&HashLines::new(
            "## [A](https://arxiv.org/abs/2501.00001)\n*Ann Lee*\n"
        )));
        // A linked heading over lines of another layout is for the general reader.
        assert!(!looks_like(&HashLines::new(
            "## [A](https://arxiv.org/abs/2501.00001)\n"
        )));
        assert!(!looks_like(&HashLines::new(
            "## [A](https://arxiv.org/abs/2501.00001)\n\nAuthors: Ann Lee\n\n> text\n"
        )));
        let (s, d) = parse_str(BOLD);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries;
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title, "A Study of $|x|$ [Brackets] in Titles");
        assert_eq!(e[0].arxiv_id.as_deref(), Some("2507.02122"));
        assert_eq!(e[0].authors, ["Ana Ruiz", "Ben Ode", "Chen Li"]);
        assert_eq!(e[0].tags, ["cs.CL"]);
        assert_eq!(e[0].gist.as_ref().unwrap().text, "One sentence.");
        assert_eq!(
            e[0].abstract_.as_ref().unwrap().text,
            "The abstract, hard-wrapped."
        );
        let summary = e[0].summary.as_ref().unwrap();
        assert_eq!(
            summary.text,
            "Motivation: Why it matters. Method: How it works."
        );
        assert!(
            summary
                .html
                .starts_with("<p><strong>Motivation:</strong> Why"),
            "{}",
            summary.html
        );
        assert_eq!(e[0].line, 11);
        // A heading that links elsewhere is kept as a link item.
        assert_eq!(
            (e[1].arxiv_id.as_deref(), e[1].url.as_deref()),
            (None, Some("https://example.org/post"))
        );
        assert_eq!(e[1].gist.as_ref().unwrap().text, "Another.");
    }

    #[test]
    fn a_numbered_list_run_into_a_labelled_line_is_a_list() {
        let text = "## cs.LG\n### [1] [Sparse Probes](https://arxiv.org/abs/2508.00977)\n*Yi Gao*\n\nTL;DR: 稀疏探针。\n\n<details>\n  <summary>Details</summary>\nMethod: 1. 设计一种稀疏探针。2. 收集一个小型数据集；3) 在三个基准上评测。\n\nResult: 效果更好。\n\n</details>\n";
        let (s, _) = parse_str(text);
        let html = &s[0].entries[0].summary.as_ref().unwrap().html;
        assert_eq!(html.matches("<li>").count(), 3, "{html}");
        assert!(html.contains("<li>收集一个小型数据集</li>"), "{html}");
        assert!(
            html.contains("<strong>Result:</strong> 效果更好。"),
            "{html}"
        );
    }

    #[test]
    fn plain_labels_and_other_languages() {
        let text = "## astro-ph.GA\n### [1] [Radio Sky](https://arxiv.org/abs/2508.00976v2)\n*Yi Gao, Pat Ng*\n\nMain category: astro-ph.GA\n\nTL;DR: 射电天空变源普查。\n\n<details>\n  <summary>Details</summary>\nMotivation: 研究背景。\n\nAbstract: A wide range of phenomena,\nResults: a wrapped line that is not a label.\n\n</details>\n";
        assert!(looks_like(&HashLines::new(text)));
        let (s, d) = parse_str(text);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries[0];
        assert_eq!(e.arxiv_id.as_deref(), Some("2508.00976"));
        assert_eq!(e.tags, ["astro-ph.GA"]);
        assert_eq!(e.gist.as_ref().unwrap().text, "射电天空变源普查。");
        assert_eq!(e.summary.as_ref().unwrap().text, "Motivation: 研究背景。");
        // Plain "Results:" starts a field only where a label can stand: here it is in
        // the list of labels, so the wrapped abstract ends and a Results field begins;
        // nothing is lost either way.
        let all = format!(
            "{} {}",
            e.abstract_.as_ref().unwrap().text,
            e.summary.as_ref().unwrap().text
        );
        assert!(all.contains("a wrapped line that is not a label"), "{all}");
    }

    #[test]
    fn heading_without_link_is_an_error_naming_the_title() {
        let (s, d) = parse_str("# cs.AI\n### [3] No Link Here\n*A B*\n**TL;DR:** x\n");
        assert!(s.is_empty());
        assert_eq!(d.error_count(), 1);
        assert_eq!((d.items[0].line, d.items[0].kind), (2, Kind::MissingLink));
    }

    #[test]
    fn heading_link_is_published_as_a_valid_http_url() {
        let (s, d) = parse_str("# cs.AI\n### [3] [Odd](https://x.org/a?q=<b>)\n*A B*\n");
        assert!(d.is_empty(), "{d}");
        assert_eq!(
            s[0].entries[0].url.as_deref(),
            Some("https://x.org/a?q=%3Cb%3E")
        );
        let (s, d) = parse_str("# cs.AI\n### [3] [Evil](httpx:alert(1))\n*A B*\n");
        assert!(s.is_empty());
        assert_eq!((d.items[0].line, d.items[0].kind), (2, Kind::MissingLink));
    }

    #[test]
    fn anchored_headings_with_sub_headings_and_a_toc() {
        let text = "# Table of Contents\n\n## Dark Matter\n\n- [Short title](#2604.00001v1)\n\n# Dark Matter\n\n## <a id=\"2604.00001v1\"></a>[Heavy [u,v](2-1) Halos](http://arxiv.org/abs/2604.00001v1)\n\n**Interest Score:** `0.68`\n\n### Background Knowledge\n\n- A point.\n\n### Summary\n\n- Another point.\n\n## <a id=\"2604.00002v2\"></a>[Second](http://arxiv.org/abs/2604.00002v2) [[back]](#toc-1)\n\n> *Zweiter Titel*\n\n*Ann Lee, Bo Li*\n\nAbstract: First line\nMethods: still the abstract.\n";
        assert!(looks_like(&HashLines::new(text)));
        let (s, d) = parse_str(text);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries;
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].title, "Heavy [u,v](2-1) Halos");
        assert_eq!(e[0].arxiv_id.as_deref(), Some("2604.00001"));
        assert_eq!(e[0].tags, ["Dark Matter"]);
        assert_eq!(
            e[0].summary.as_ref().unwrap().text,
            "Interest Score: 0.68 Background Knowledge: A point. Summary: Another point."
        );
        assert_eq!(e[1].title, "Second");
        assert_eq!(e[1].authors, ["Ann Lee", "Bo Li"]);
        assert_eq!(
            e[1].abstract_.as_ref().unwrap().text,
            "First line Methods: still the abstract."
        );
        assert_eq!(e[1].summary.as_ref().unwrap().text, "Zweiter Titel");
        // Headings that only organise the file name no category.
        assert_eq!(category("目录"), None);
        assert_eq!(category("今日总计: 12"), None);
        assert_eq!(category("2025-04-24"), None);
        assert_eq!(category("cs.CL [[Back]](#toc)").as_deref(), Some("cs.CL"));
    }

    #[test]
    fn labels() {
        assert_eq!(labelled("**TL;DR**: x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("**TL;DR:** x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("> **TL;DR:** x"), Some(("TL;DR", "x")));
        assert_eq!(labelled("Abstract: x"), Some(("Abstract", "x")));
        assert_eq!(labelled("摘要翻译：x"), Some(("摘要翻译", "x")));
        assert_eq!(labelled("We note: x"), None);
        assert_eq!(labelled("**bold** text"), None);
    }
}
