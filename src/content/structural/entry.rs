//! One entry's fields, from the lines of its segment.
//!
//! The first line gives the title (the text of the link to the paper, or the line
//! without its number, ornaments and link labels); the lines after it give the authors
//! (a labelled line, or an italic, bold or plain list of names right under the title)
//! and the fields, each from what marks it: a label, a sub-heading, a `<summary>`.
//! Text under no label is the summary; a field's label decides whether it is the gist,
//! the abstract, tags, or a labelled part of the summary.

use std::borrow::Cow;
use std::path::Path;

use super::ids::{self, PaperRef};
use super::labels::{self, Role};
use super::layout::Unit;
use super::lines::{Line, LineKind, strip_tags};
use super::name_split::{numbered, split_authors};
use super::names_line::names_line;
use super::numbering::strip_number;
use super::title::{clean_title, drop_generic_links, title_of, without_generic_html_links};
use crate::content::code_link;
use crate::content::marks::{link_middle, scheme_separator};
use crate::content::trim::trim;
use crate::content::web_url::entry_url;
use crate::content::words::is_mostly_cjk;
use crate::content::{Entry, Format, ParseOptions, lint, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// A field being read: its label (empty for text under no label), role and lines.
/// Its label and lines are borrowed from the segment's lines when written there
/// (most are: an abstract is one long line), not copied.
struct Field<'a> {
    label: Cow<'a, str>,
    role: Role,
    /// Lines kept as written (list items keep their marker), for markdown.
    markdown: Vec<Cow<'a, str>>,
    /// Opened by a sub-heading: with no text of its own it titles the fields below it.
    heading: bool,
}

/// The lines of an entry that opens inside a fold (a card: `<details>` over a
/// `<summary>` and the paper's heading) up to the `</details>` closing that fold: what
/// follows is no longer the paper's (the next card's `<summary>`, a footer).
fn inside_its_fold<'l, 'a>(lines: &'l [Line<'a>]) -> &'l [Line<'a>] {
    let mut depth = 0usize;
    for (i, line) in lines.iter().enumerate() {
        let (open, close) = super::layout::details_tags(line);
        depth += open;
        if close > depth {
            return &lines[..=i];
        }
        depth -= close;
    }
    lines
}

/// Builds the entry of one segment; `None` (with a diagnostic) when it has no title.
/// `first_refs` are the mentions in its first line, found already by the layout scan;
/// `separated` is false when no line of the file holds a `|` or a `·` (see
/// [`super::inline_fields::may_separate_any`]).
#[allow(clippy::too_many_arguments)]
pub fn build<'a>(
    path: &Path,
    lines: &[Line<'a>],
    first_refs: &[PaperRef],
    unit: Unit,
    anchor: &PaperRef,
    mut tags: Vec<String>,
    separated: bool,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let lines = inside_its_fold(lines);
    // A line of several fields (`**Authors**: … | **arXiv**: …`) is read as a line each;
    // only a file that holds a separator of fields at all (`separated`) is searched.
    let split_lines = separated
        .then(|| super::inline_fields::split(lines))
        .flatten();
    let lines = split_lines.as_deref().unwrap_or(lines);
    let first = &lines[0];
    let (mut title, authors_text) = title_of(first, unit);
    let first_links_paper = !first_refs.is_empty() || unit == Unit::TitleLabel;
    let mut translated: Option<String> = None;
    // A title heading hard-wrapped as arXiv's API wraps titles: its next line, indented,
    // carries on (`# SEAgent: … Learning from` / `  Experience`).
    let mut title_open = matches!(first.kind, LineKind::Heading(..));
    // arXiv categories written as chips on the title's line or the next (`cs.CV`).
    for line in lines.iter().take(3) {
        // Most lines hold no code span: memchr says so before a split searches them.
        let text = line.text();
        if memchr::memchr(b'`', text.as_bytes()).is_none() {
            continue;
        }
        for chip in text.split('`').skip(1).step_by(2) {
            if super::category::has_code(chip)
                && let Some(tag) = super::category::normalise(chip)
                && !tags.contains(&tag)
            {
                tags.push(tag);
            }
        }
    }
    let mut fields: Vec<Field> = Vec::new();
    // A stated code link beats a repository linked under another text (`[View](…)`).
    let (mut code, mut weak) = (code_link::from_link_texts(first.text()), None);
    let mut authors: Option<String> = None;
    let mut body_lines = 0usize;
    // Inside an abstract only a bold label starts a new field (a wrapped line of the
    // abstract may start with "Results:").
    let in_abstract = |fields: &[Field]| fields.last().is_some_and(|f| f.role == Role::Abstract);
    // The field that text goes to is closed by `</details>` and by a rule.
    let mut open = true;
    let first_depth = match first.kind {
        LineKind::Item(d, _) => d,
        _ => 0,
    };
    // `- **Title** — what the paper does. URL`: the sentence after the title is the
    // paper's summary.
    if matches!(unit, Unit::Item(_) | Unit::Para)
        && let Some(text) = super::title::text_after_bold_title(first.text())
    {
        push_text(&mut fields, &mut open, Cow::Owned(text));
    }
    for line in &lines[1..] {
        let text = line.text();
        // Only the lines right after a title, plain text, can carry it on.
        title_open &= matches!(line.kind, LineKind::Text(_)) && line.label.is_none();
        match line.kind {
            LineKind::Blank => {
                if let Some(f) = fields.last_mut().filter(|_| open) {
                    f.markdown.push(Cow::Borrowed(""));
                }
                continue;
            }
            LineKind::Rule => {
                open = false;
                continue;
            }
            LineKind::Comment => continue,
            LineKind::Html(html) => {
                let lower = html.to_ascii_lowercase();
                if lower.starts_with("</details") || lower.ends_with("</details>") {
                    open = false;
                }
                let inner = strip_tags(html);
                let inner = inner.trim();
                if lower.contains("<summary")
                    && !inner.is_empty()
                    && let Some(role) = labels::known_role(inner).filter(|r| *r != Role::Link)
                {
                    fields.push(Field::new(Cow::Owned(inner.to_string()), role));
                    open = true;
                }
                continue;
            }
            LineKind::Heading(_, h) => {
                let label = labels::strip_ornaments(strip_number(h)).trim();
                let label = markup::plain(label);
                if label.is_empty() {
                    continue;
                }
                let role = labels::role(&label);
                if role == Role::Title && title.is_empty() {
                    continue;
                }
                let mut f = Field::new(Cow::Owned(label), role);
                f.heading = true;
                fields.push(f);
                open = true;
                continue;
            }
            LineKind::Code(c) => {
                push_text(&mut fields, &mut open, Cow::Borrowed(c));
                continue;
            }
            // An Obsidian callout's head (`> [!summary] 一句话结论`) names the field
            // its quoted lines hold: by its title, else by its kind.
            LineKind::Text(t) if let Some((kind, name)) = callout_head(t) => {
                let role = labels::known_role(name)
                    .or_else(|| labels::known_role(kind))
                    .unwrap_or(Role::Summary);
                let name = if name.is_empty() { kind } else { name };
                fields.push(Field::new(Cow::Borrowed(name), role));
                open = true;
                continue;
            }
            _ => {}
        }
        // A title wrapped onto indented lines (`**原文标题：** … Hour-Long` / `  Videos`).
        if title_open && line.indent > 0 && matches!(line.kind, LineKind::Text(_)) {
            let more = clean_title(text);
            if !more.is_empty() {
                title.push(' ');
                title.push_str(&more);
            }
            continue;
        }
        title_open = false;
        body_lines += 1;
        // Under a sub-heading that names a field of the record (`### 👥 Authors`,
        // `### 🏷️ Categories`, `### 🔗 Links`), the lines are that field.
        // A line with a label of another known field (`**作者**:` under a heading of
        // links) is that field, not a line of the one above.
        let under = fields
            .last()
            .filter(|_| open)
            .map(|f| f.role)
            .filter(|&r| line.label.and_then(|l| l.role).is_none_or(|own| own == r));
        match under {
            Some(Role::Authors) => {
                if authors.is_none() {
                    authors = Some(text.to_string());
                }
                continue;
            }
            Some(Role::Category) => {
                let value = labels::field_label(line).map_or(Cow::Borrowed(text), |(_, v, _)| v);
                for name in super::category::names(&value) {
                    if let Some(tag) =
                        super::category::normalise(name).filter(|t| !tags.contains(t))
                    {
                        tags.push(tag);
                    }
                }
                continue;
            }
            Some(Role::Link) => {
                let label = fields.last().map(|f| f.label.as_ref());
                code = code.or_else(|| code_link::from_link_line(label, text));
                weak = weak.or_else(|| code_link::from_text(text));
                continue;
            }
            Some(Role::Date) => continue,
            Some(Role::Title) if title.is_empty() => {
                title = clean_title(text);
                continue;
            }
            _ => {}
        }
        let item_depth = match line.kind {
            LineKind::Item(d, _) => Some(d),
            _ => None,
        };
        // The names under the title: before any field, on one of the first lines.
        // One name alone is an author only right under the title or after a marker
        // (`👤 Ann Lee`); anywhere else it may be a subtitle.
        let one_name_ok = body_lines == 1 || labels::strip_ornaments(text) != text;
        // A by-line, or a line of names in italics, says what it is wherever it stands
        // in the head (under a translated title's original, say).
        let by_line = || {
            let t = labels::strip_ornaments(text);
            let plain = t.trim_start_matches(['*', '_']);
            plain.starts_with("by ")
                || plain.starts_with("By ")
                || (t.starts_with('*') || t.starts_with('_')) && !t.starts_with("**")
        };
        // A line that opens with a known label (`Authors — Ann Lee`) is that field,
        // whatever its value looks like.
        let known_label = line.label.is_some_and(|l| l.role.is_some());
        if authors.is_none()
            && fields.is_empty()
            && !known_label
            && (body_lines <= 2 || body_lines <= 5 && by_line())
            && let Some(names) = names_line(text, one_name_ok)
        {
            authors = Some(names.to_string());
            continue;
        }
        let label = labels::field_label(line)
            .filter(|_| !in_abstract(&fields) || labels::is_bold_label(line));
        if let Some((label, value, role)) = label {
            let (label_as_written, value_as_written) = (label.clone(), value.clone());
            let (label, value) = (&*label, &*value);
            match role {
                Role::Authors => {
                    if authors.is_none() {
                        authors = Some(value.to_string());
                    }
                    continue;
                }
                // The original title under a translated heading (`**原文标题：**`), or
                // the title of an entry whose first line held none.
                // A translation of the title the entry has (`**Title (ZH)**: …`, or a
                // CJK `标题：` under a Latin heading) is a labelled line of its text,
                // not its title.
                Role::Title
                    if !title.is_empty()
                        && (labels::names_a_translation(label)
                            || is_mostly_cjk(value) && !is_mostly_cjk(&title)) =>
                {
                    let mut f = Field::new(label_as_written, Role::Summary);
                    f.markdown.push(value_as_written);
                    fields.push(f);
                    open = true;
                    continue;
                }
                Role::Title if title.is_empty() || !first_links_paper => {
                    let written = value;
                    let value = clean_title(value);
                    // A bare `标题：` whose text follows on the next line, inside a
                    // bot's preamble: the title the entry has stays. A `标题：` that is
                    // only the paper's id says the entry has none: the heading above,
                    // which names no paper, is a section's (`## 1. Paper Snapshot`).
                    if value.is_empty() && !title.is_empty() {
                        if !first_links_paper && !ids::find(written).is_empty() {
                            title.clear();
                        }
                        continue;
                    }
                    // The heading's title with its acronym before (`# HCAPO: Hindsight
                    // …` over `タイトル: Hindsight …`) or a subtitle after it: the
                    // label only repeats part of it, and the fuller title stands.
                    if title.len() > value.len()
                        && (title.ends_with(value.as_str()) || title.starts_with(value.as_str()))
                    {
                        continue;
                    }
                    if !title.is_empty() {
                        translated = Some(std::mem::take(&mut title));
                    }
                    title = value;
                    title_open = true;
                    continue;
                }
                Role::Link | Role::Date => {
                    // Asked twice below: worked out once.
                    let code_label = code_link::is_code_label(label);
                    if role == Role::Link {
                        code = code.or_else(|| {
                            if code_label {
                                code_link::from_labelled(value)
                            } else {
                                code_link::from_link_texts(value)
                            }
                        });
                        weak = weak.or_else(|| code_link::from_text(value));
                    }
                    // A code line with words beside its link (or none) keeps them.
                    if code_label && code_link::has_other_words(value) {
                        let mut f = Field::new(label_as_written, Role::Summary);
                        f.markdown.push(value_as_written);
                        fields.push(f);
                        open = true;
                        continue;
                    }
                    if role == Role::Link
                        && title.is_empty()
                        && let Some(t) = ids::find(value).first().and_then(|r| r.link_text.clone())
                        && !labels::is_generic_link_text(&t)
                    {
                        title = markup::plain(&t);
                    }
                    continue;
                }
                // A sentence under a category's label (`**类别（category）**：SocKET 把
                // 社会语言划分为…几大块。`) describes; it names no tags, and is kept.
                Role::Category if super::category::is_sentence(value) => {
                    let mut f = Field::new(label_as_written, Role::Summary);
                    f.markdown.push(value_as_written);
                    fields.push(f);
                    open = true;
                    continue;
                }
                Role::Category => {
                    for name in super::category::names(value) {
                        let name = super::category::normalise(name).unwrap_or_default();
                        if !name.is_empty() && !tags.contains(&name) {
                            tags.push(name);
                        }
                    }
                    continue;
                }
                _ => {
                    let mut f = Field::new(label_as_written, role);
                    if !value.is_empty() {
                        f.markdown.push(value_as_written);
                    }
                    fields.push(f);
                    open = true;
                    continue;
                }
            }
        }
        // A label alone in HTML (`<span class="label">先用一句话判断</span>`) opens a field;
        // a link whose text is a label (`<a href="…">arXiv</a>`) is a link, not a field.
        if text.starts_with('<') && !text.contains("href") {
            let inner = strip_tags(text);
            let inner = inner.trim();
            if let Some(role) = labels::known_role(inner).filter(|_| !inner.is_empty()) {
                fields.push(Field::new(Cow::Owned(inner.to_string()), role));
                open = true;
                continue;
            }
        }
        if let Some(codes) = category_links(text) {
            for tag in codes {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            continue;
        }
        // `_2026-03-12_ · https://arxiv.org/abs/… · `cs.CV``: the entry's metadata.
        if let Some(codes) = super::meta_line::categories(text) {
            for tag in codes {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            continue;
        }
        if is_link_only(text) {
            code = code.or_else(|| code_link::from_link_line(None, text));
            weak = weak.or_else(|| code_link::from_text(text));
            continue;
        }
        let markdown = match (item_depth, line.kind) {
            (Some(d), LineKind::Item(..)) => {
                let depth =
                    d.saturating_sub(first_depth + u8::from(unit == Unit::Item(first_depth)));
                Cow::Owned(format!("{}- {}", "  ".repeat(usize::from(depth)), text))
            }
            _ => Cow::Borrowed(text),
        };
        push_text(&mut fields, &mut open, markdown);
    }
    // A bot that wrote the id where the title goes (`**标题**: 2603.00001v1`, `### 1.
    // [Pool] 2603.00001`) gave no title: the paper is published under its id.
    if title.is_empty() || is_only_a_tag(&title) {
        let Some(id) = anchor.arxiv_id.as_deref() else {
            diags.push(untitled(path, first.no, "an entry", &anchor.url));
            return None;
        };
        title = format!("arXiv {id}");
        diags.push(
            Diagnostic::warning(
                path,
                first.no,
                format!(
                    "the entry gives {} no title; it is published as `{title}`",
                    anchor.url
                ),
            )
            .kind(Kind::Untitled),
        );
    }
    let authors = authors
        .or(authors_text)
        .map(|a| split_authors(&a))
        .unwrap_or_default();
    lint::authors(path, first.no, &authors, diags);
    let (mut gist, mut abstract_, mut summary) = (None, None, String::new());
    if let Some(t) = translated {
        fields.insert(
            0,
            Field {
                label: Cow::Borrowed(""),
                role: Role::Summary,
                markdown: vec![Cow::Owned(t)],
                heading: false,
            },
        );
    }
    // Asked only of an abstract in a CJK script, which is rare.
    let has_latin_abstract = || {
        fields
            .iter()
            .any(|f| f.role == Role::Abstract && !is_mostly_cjk(&f.markdown.join(" ")))
    };
    // A sub-heading over fields of its own (`## 2. Goals` over `- **Problem**: …`) is
    // written before the first of them that has text.
    let mut group: Option<&str> = None;
    for f in &fields {
        if matches!(
            f.role,
            Role::Authors | Role::Category | Role::Link | Role::Date | Role::Title
        ) {
            continue;
        }
        if f.heading {
            group = None;
        }
        // A field of one line (most are, with the blank lines after it) is that line:
        // no copy joins it. Blank lines at the end are trimmed off the joined text anyway.
        let written =
            f.markdown.len() - f.markdown.iter().rev().take_while(|l| l.is_empty()).count();
        let joined;
        let value = match &f.markdown[..written] {
            [only] => only.as_ref(),
            lines => {
                joined = lines.join("\n");
                joined.as_str()
            }
        };
        let value = crate::content::arxiv::without_announcement(trim(value));
        // A bot that cut a field to nothing writes its ellipsis alone (`**摘要**: ...`):
        // there is no text to show.
        // A text that opens with none of them is not all of them: its first byte (`.`,
        // or the first of `…` or `。`) decides most without the standard library's trim.
        let value = if value
            .as_bytes()
            .first()
            .is_none_or(|b| matches!(b, b'.' | 0xE2 | 0xE3))
            && value.trim_matches(['.', '…', '。']).is_empty()
        {
            ""
        } else {
            value
        };
        if value.is_empty() {
            if f.heading && !f.label.is_empty() && !matches!(f.role, Role::Gist | Role::Abstract) {
                group = Some(f.label.as_ref());
            }
            continue;
        }
        // A section listing other notes or papers (`## 🔗 Similar papers` over `- [[note|Title]]
        // (85.6% similar)` items) links elsewhere, as a site's navigation does: it is not
        // this paper's text.
        if f.heading && f.role == Role::Summary && lists_only_links(value) {
            continue;
        }
        if let Some(what) = lint::bot_error(value) {
            diags.push(
                Diagnostic::warning(
                    path,
                    first.no,
                    format!("{} of `{title}` is a bot's error message ({what}), not text; it is left out", if f.label.is_empty() { "the text".to_string() } else { format!("`{}`", f.label) }),
                )
                .kind(Kind::BotError),
            );
            continue;
        }
        // memchr's search: an abstract is a long line, and `str::contains` reads it slowly.
        let single_line = memchr::memchr(b'\n', value.as_bytes()).is_none();
        let listed = single_line.then(|| markup::run_in_list(value)).flatten();
        let value = listed.as_deref().map_or(value, str::trim_end);
        let single_line = single_line && listed.is_none();
        // `cell_block` of a single line is `block` once `run_in_list` found no list in
        // it, as it did just above.
        let render = markup::block;
        match f.role {
            Role::Gist if gist.is_none() => gist = Some(render(value)),
            // The paper's own abstract (in its language, not a translation) is the
            // abstract; another goes to the summary under its label.
            Role::Abstract
                if abstract_.is_none() && (!is_mostly_cjk(value) || !has_latin_abstract()) =>
            {
                abstract_ = Some(render(value))
            }
            _ => {
                if let Some(heading) = group.take() {
                    if !summary.is_empty() {
                        summary.push_str("\n\n");
                    }
                    summary.push_str("**");
                    summary.push_str(heading.trim_end_matches([':', '：']));
                    summary.push_str("**");
                }
                let first_part = summary.is_empty();
                // The part's label, separators and text, grown for at once.
                summary.reserve(f.label.len() + value.len() + 8);
                if !first_part {
                    summary.push_str("\n\n");
                }
                let says_only_summary = first_part && labels::is_summary_name(&f.label);
                if !f.label.is_empty() && !says_only_summary {
                    let block =
                        value.starts_with(['-', '*', '+', '>']) || !single_line || numbered(value);
                    let label = f.label.trim_end_matches([':', '：']);
                    summary.push_str("**");
                    summary.push_str(label);
                    // A question (`Q1: 这篇论文试图解决什么问题？`) takes no colon after it.
                    summary.push_str(if label.ends_with(['?', '？']) {
                        "**"
                    } else {
                        ":**"
                    });
                    summary.push_str(if block { "\n\n" } else { " " });
                }
                summary.push_str(value);
            }
        }
    }
    let summary = lint::summary_source(path, first.no, &summary, opts, diags);
    let summary = if memchr::memchr(b'\n', summary.as_bytes()).is_none() {
        markup::cell_block(&summary)
    } else {
        markup::block(&summary)
    };
    let summary = Some(summary).filter(|m| !m.is_empty());
    let url = entry_url(&anchor.url).map(|(u, _)| u);
    Some(Entry {
        line: first.no,
        format: Format::Structural,
        title,
        arxiv_id: anchor.arxiv_id.clone(),
        url,
        authors,
        summary,
        gist: gist.filter(|m| !m.is_empty()),
        abstract_: abstract_.filter(|m| !m.is_empty()),
        tags,
        code: code.or(weak),
    })
}

impl<'a> Field<'a> {
    fn new(label: Cow<'a, str>, role: Role) -> Self {
        let label = match label {
            Cow::Borrowed(l) => Cow::Borrowed(trim(l)),
            Cow::Owned(l) if trim(&l).len() == l.len() => Cow::Owned(l),
            Cow::Owned(l) => Cow::Owned(trim(&l).to_string()),
        };
        Field {
            label,
            role,
            // A line and the blank after it, as most fields hold: allocated at once.
            markdown: Vec::with_capacity(2),
            heading: false,
        }
    }
}

/// An Obsidian callout's head, `[!kind] Title` (the quote marker gone): its kind and
/// title (empty when it has none).
fn callout_head(text: &str) -> Option<(&str, &str)> {
    let (kind, name) = text.strip_prefix("[!")?.split_once(']')?;
    let kind = kind.trim_end_matches(['+', '-']);
    (!kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
        .then(|| (kind, name.trim()))
}

fn push_text<'a>(fields: &mut Vec<Field<'a>>, open: &mut bool, markdown: Cow<'a, str>) {
    if !*open || fields.is_empty() {
        fields.push(Field::new(Cow::Borrowed(""), Role::Summary));
        *open = true;
    }
    if let Some(f) = fields.last_mut() {
        f.markdown.push(markdown);
    }
}

/// The arXiv categories of a line that only links them (`[cs.SD](…/list/cs.SD/recent) |
/// [eess.AS](…)`).
fn category_links(text: &str) -> Option<Vec<String>> {
    if !text.contains("](") {
        return None;
    }
    let mut codes = Vec::new();
    let mut rest = text;
    let mut outside = String::new();
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find("](").map(|i| open + i)?;
        let end = rest[close..].find(')').map(|i| close + i + 1)?;
        outside.push_str(&rest[..open]);
        let label = &rest[open + 1..close];
        if !super::category::has_code(label) {
            return None;
        }
        codes.extend(super::category::normalise(label));
        rest = &rest[end..];
    }
    outside.push_str(rest);
    let only_separators = !outside.chars().any(char::is_alphanumeric);
    (only_separators && !codes.is_empty()).then_some(codes)
}

/// A line that is only links with generic texts or URLs (`[arXiv](…) | [PDF](…)`).
fn is_link_only(text: &str) -> bool {
    if link_middle(text).is_none() && scheme_separator(text).is_none() {
        return false;
    }
    // A toolbar's link chip in HTML (`<a href="…">📄 arXiv: 2506.00001v2</a>`).
    if text.starts_with('<') && text.contains("href") {
        return !without_generic_html_links(text)
            .chars()
            .any(char::is_alphanumeric);
    }
    // Category chips (`cs.CL (计算语言学)`) are tags, read above.
    let unchipped: String = text
        .split('`')
        .enumerate()
        .filter(|(i, part)| i % 2 == 0 || !super::category::has_code(part))
        .map(|(_, part)| part)
        .collect();
    let rest = drop_generic_links(&crate::content::marks::without_site_links(&unchipped));
    let rest = markup::plain(&rest);
    !rest.chars().any(char::is_alphanumeric) && (text.contains("](") || text.contains("://"))
}

/// Whether text is a list of two or more items each of which is only a link (a wiki link
/// `[[note|Title]]` or `[Title](url)`), with at most a note in brackets after it.
fn lists_only_links(text: &str) -> bool {
    let mut items = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let item = match line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .or_else(|| line.strip_prefix("+ "))
        {
            Some(item) => strip_number(item.trim_start()),
            None if strip_number(line).len() < line.len() => strip_number(line),
            None => return false,
        };
        let rest = if let Some(wiki) = item.strip_prefix("[[") {
            match wiki.find("]]") {
                Some(end) => &wiki[end + 2..],
                None => return false,
            }
        } else if item.starts_with('[') {
            match item
                .find("](")
                .and_then(|at| item[at..].find(')').map(|end| at + end))
            {
                Some(end) => &item[end + 1..],
                None => return false,
            }
        } else {
            return false;
        };
        let rest = rest.trim();
        if !(rest.is_empty()
            || rest.starts_with('(') && rest.ends_with(')') && rest.chars().count() <= 40)
        {
            return false;
        }
        items += 1;
    }
    items >= 2
}

/// The warning for an entry whose paper has no title to publish.
/// A title that is only a bracketed tag left beside an id (`[Pool]`, `[Repost]`).
fn is_only_a_tag(title: &str) -> bool {
    title
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .is_some_and(|inner| !inner.contains(['[', ']']) && inner.split_whitespace().count() <= 2)
}

pub(super) fn untitled(path: &Path, line: usize, what: &str, url: &str) -> Diagnostic {
    Diagnostic::warning(
        path,
        line,
        format!("{what} for {url} has no title that papertrail can read; it is not published"),
    )
    .kind(Kind::MissingTitle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_the_sites_own_links_is_navigation() {
        assert!(is_link_only(
            "[← Daily summary](../2026-08-07.md) · [Relationship graph](relationships.md) · [Hugging Face](https://huggingface.co/papers/2608.00001) · [arXiv](https://arxiv.org/abs/2608.00001)"
        ));
        assert!(is_link_only(
            "[⬆️ 返回分类顶部](#cscr) | [⬆️ 返回总目录](#toc)"
        ));
        assert!(!is_link_only("See [the method](#method) for how we sort."));
        assert!(!is_link_only(
            "[A Paper Title](https://arxiv.org/abs/2608.00001)"
        ));
    }

    #[test]
    fn a_list_of_links_to_other_notes_is_no_text() {
        assert!(lists_only_links(
            "- [[2025-09-23/Other_20250923|Other Paper]] (85.6% similar)\n- [[x|Y]]\n"
        ));
        assert!(lists_only_links(
            "1. [A](https://arxiv.org/abs/2601.00001)\n2. [B](https://arxiv.org/abs/2601.00002)"
        ));
        assert!(!lists_only_links("- [[x|Y]]"));
        assert!(!lists_only_links("- [A](u) improves on B.\n- [C](v)"));
        assert!(!lists_only_links("We build on [[x|Y]].\n- [[a|b]]"));
    }
}
