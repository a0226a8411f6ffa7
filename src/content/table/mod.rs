//! Format A: markdown tables under `## Papers for DATE` headings.
//!
//! Bots wrap long title cells onto a second physical line that does not start with `|`,
//! and a GFM parser would split such a row in two. So physical lines are first joined
//! into logical rows by counting cells against the header; only then is each cell's
//! inline markdown handed to pulldown-cmark.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;

mod cell;
mod detect;
mod prose;
mod row;
mod row_dates;
mod stamp;

pub use row_dates::has_dated_rows;
use row_dates::is_paper_date_column;
use row_dates::row_date;

use cell::{link_targets, parse_title_cell, split_authors};
pub use detect::looks_like;
pub use row::split_cells;
use row::{assemble_row, cells_for_header, row_is_closed};

use super::arxiv::{self, IdSource};
use super::web_url::web_url;
use super::{Entry, Format, Section, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Title,
    Authors,
    Summary,
    Category,
    Link,
    /// The paper's code or project page (`Code`, `代码`, `GitHub`, `Repo`).
    Code,
    /// The paper's own date (`Publish Date`: arXiv's, not the digest's day): it lists
    /// the row on that day only in a file with no other date for it, or one whose rows'
    /// dates are too far apart to be one day's ([`row_dates`]).
    PaperDate,
    /// arXiv's comment on the paper (`8 pages, 3 figures`, `Accepted at …`): published
    /// after the summary.
    Comment,
    Other,
}

struct Header {
    columns: Vec<Column>,
    line: usize,
}

/// Parses the body of a table digest. `first_line` is the file line `body` starts on.
pub fn parse(
    path: &Path,
    dated_elsewhere: bool,
    body: &str,
    first_line: usize,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    let lines: Vec<&str> = body.split('\n').collect();
    let mut sections: Vec<Section> = Vec::new();
    let mut header: Option<Header> = None;
    let mut last_row_closed = true;
    // Inside a table that is text of the file: its rows are skipped.
    let mut text_table = false;
    // Whether some table of the file has a Title column, and whether some table links
    // anything: beside such a table, one that does not is text of the file.
    let headers = || {
        lines
            .windows(2)
            .enumerate()
            .filter(|(_, w)| is_separator_row(w[1]) && w[0].trim_start().starts_with('|'))
    };
    let titled_elsewhere = headers().any(|(_, w)| detect::has_title_column(w[0].trim()));
    let linking_table = headers().any(|(k, _)| detect::links_anything(&lines[k + 2..]));
    // (line, date) of rows with a date of their own, for [`row_dates::regroup`].
    let mut own_dates: Vec<(usize, NaiveDate)> = Vec::new();
    // Lines of the tables read for papers (header, rule, rows), left to no other reader.
    let mut table_rows = vec![false; lines.len()];
    // The last heading that names no day, the topic it names for the table under it
    // (`## Robotics` over a table of robotics papers), and each row's topic by line.
    let mut last_heading: Option<&str> = None;
    let mut table_topic: Option<String> = None;
    let mut row_topics: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        let lineno = first_line + i;
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            text_table = false;
        }
        if let Some(heading) = heading_text(trimmed) {
            header = None;
            text_table = false;
            last_heading = Some(heading);
            if let Some(rest) = strip_prefix_ci(heading, "papers for") {
                last_heading = None;
                let date = parse_heading_date(path, rest, lineno, diags);
                sections.push(Section {
                    date,
                    line: lineno,
                    entries: Vec::new(),
                    stamped: false,
                });
            } else if let Some(date) = super::date_text::find_date(heading) {
                // A README the bot rewrites each day, dated by its own heading
                // (`## Updated on 2026.04.30`) over tables per topic.
                last_heading = None;
                sections.push(Section {
                    date: Some(date),
                    line: lineno,
                    entries: Vec::new(),
                    stamped: false,
                });
            }
            i += 1;
            continue;
        }
        if trimmed.starts_with('|') {
            let next_is_separator = lines.get(i + 1).is_some_and(|l| is_separator_row(l));
            if next_is_separator {
                i += 2;
                // A table that links nothing beside one that does (a report's figures,
                // a comparison of the papers above by name) lists no papers: it is
                // text of the file. So is one without a Title column beside a table
                // that has one (a comparison of approaches citing papers): what it
                // links is reported with the file's other unread links.
                if linking_table && !detect::links_anything(&lines[i..])
                    || titled_elsewhere && !detect::has_title_column(trimmed)
                {
                    header = None;
                    text_table = true;
                    continue;
                }
                header = Some(parse_header(path, trimmed, lineno, diags));
                table_topic = last_heading.and_then(super::structural::category::normalise);
                if let Some(read) = table_rows.get_mut(i - 2..i) {
                    read.fill(true);
                }
                continue;
            }
            if text_table {
                i += 1;
                continue;
            }
            let Some(h) = &header else {
                diags.push(Diagnostic::error(
                    path,
                    lineno,
                    "table row before any header: a table starts with a header row and a `|---|` line",
                ).kind(Kind::BadRow));
                i += 1;
                continue;
            };
            let row = assemble_row(&lines[i..], h.columns.len());
            last_row_closed = row_is_closed(&row.text);
            if let Some(read) = table_rows.get_mut(i..i + row.lines) {
                read.fill(true);
            }
            i += row.lines;
            let Some(cells) =
                cells_for_header(path, &row, &lines[i - row.lines..], lineno, h, diags)
            else {
                continue;
            };
            // A row of dashes and `(empty)` is a bot's way of saying the day has no
            // paper: the day is reported as empty, not the row as broken.
            if detect::is_placeholder_row(&cells) {
                continue;
            }
            if h.columns.contains(&Column::Title)
                && let Some(entry) = entry_from_cells(path, &h.columns, &cells, lineno, opts, diags)
            {
                if !dated_elsewhere && let Some(date) = row_date(&h.columns, &cells) {
                    own_dates.push((entry.line, date));
                }
                if let Some(topic) = &table_topic {
                    row_topics.push((entry.line, topic.clone()));
                }
                current_section(&mut sections, lineno).entries.push(entry);
            }
            continue;
        }
        // A rule (`---`) after a table is layout, no stray text.
        let rule = trimmed.len() >= 3
            && (trimmed.bytes().all(|b| b == b'-' || b == b' ')
                || trimmed.bytes().all(|b| b == b'*' || b == b' ')
                || trimmed.bytes().all(|b| b == b'_' || b == b' '));
        if rule {
            header = None;
        } else if !trimmed.is_empty() && header.is_some() {
            if !last_row_closed {
                if let Some(entry) = sections.last_mut().and_then(|s| s.entries.last_mut()) {
                    diags.push(Diagnostic::warning(
                        path,
                        lineno,
                        format!(
                            "line continues the row of line {} after its last cell; it was not added to any cell",
                            entry.line
                        ),
                    ).kind(Kind::StrayText));
                }
            } else {
                diags.push(
                    Diagnostic::warning(
                        path,
                        lineno,
                        "text between table rows belongs to no row and is ignored",
                    )
                    .kind(Kind::StrayText),
                );
            }
            header = None;
        }
        i += 1;
    }
    sections.retain(|s| !s.entries.is_empty() || s.date.is_some());
    tag_by_topic(&mut sections, &row_topics);
    let mut sections = if own_dates.is_empty() {
        sections
    } else {
        row_dates::regroup(sections, &own_dates)
    };
    stamp::date_undated(&mut sections, body, dated_elsewhere);
    prose::add_entries(
        path,
        dated_elsewhere,
        body,
        first_line,
        &table_rows,
        opts,
        &mut sections,
        diags,
    );
    sections
}

/// Tags each row with the topic of the heading over its table, when the file's tables
/// stand under two topics or more (`## Robotics`, `## Vision`): one table under one
/// heading (`## Today's papers`) names the file's content, not a topic.
fn tag_by_topic(sections: &mut [Section], row_topics: &[(usize, String)]) {
    let first = row_topics.first().map(|(_, t)| t);
    if row_topics.iter().all(|(_, t)| Some(t) == first) {
        return;
    }
    let by_line: ahash::AHashMap<usize, &str> = row_topics
        .iter()
        .map(|(line, topic)| (*line, topic.as_str()))
        .collect();
    for entry in sections.iter_mut().flat_map(|s| s.entries.iter_mut()) {
        if let Some(&topic) = by_line.get(&entry.line)
            && !entry.tags.iter().any(|t| t == topic)
        {
            entry.tags.push(topic.to_string());
        }
    }
}

/// `summary` followed by arXiv's comment on the paper, as a labelled paragraph of its
/// own (the summary alone when the comment says nothing).
fn append_comment(summary: &mut Option<super::Markup>, comment: &str) {
    let labelled = markup::block(&format!("**Comment:** {comment}"));
    match summary {
        Some(m) => {
            m.html.push_str(&labelled.html);
            if !m.text.is_empty() {
                m.text.push(' ');
            }
            m.text.push_str(&labelled.text);
            m.math_errors.extend(labelled.math_errors);
        }
        None => *summary = Some(labelled),
    }
}

/// Markdown link targets of a cell that name a host without a scheme, with the URL
/// each is published as.
fn schemeless_targets(cell: &str) -> Vec<(String, String)> {
    cell.split("](")
        .skip(1)
        .filter_map(|rest| {
            let raw = rest.split(')').next()?.trim();
            match super::web_url::entry_url(raw)? {
                (url, true) => Some((raw.to_string(), url)),
                _ => None,
            }
        })
        .collect()
}

fn current_section(sections: &mut Vec<Section>, line: usize) -> &mut Section {
    if sections.is_empty() {
        sections.push(Section {
            date: None,
            line,
            entries: Vec::new(),
            stamped: false,
        });
    }
    let last = sections.len() - 1;
    &mut sections[last]
}

fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        Some(line[hashes..].trim())
    } else {
        None
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s[prefix.len()..].trim())
}

fn parse_heading_date(
    path: &Path,
    rest: &str,
    line: usize,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let token = rest.split_whitespace().next().unwrap_or("");
    let token = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    match NaiveDate::parse_from_str(token, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            let looks_like_date = token.len() == 10 && token.as_bytes()[4] == b'-';
            let message = if looks_like_date {
                format!("`{token}` is not a real date")
            } else {
                format!(
                    "cannot read a date in this heading; expected `## Papers for YYYY-MM-DD`, found `{rest}`"
                )
            };
            diags.push(Diagnostic::error(path, line, message).kind(Kind::BadDate));
            None
        }
    }
}

fn is_separator_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn parse_header(path: &Path, line: &str, lineno: usize, diags: &mut Diagnostics) -> Header {
    let columns: Vec<Column> = split_cells(line)
        .iter()
        .map(|cell| match markup::plain(cell).to_ascii_lowercase().as_str() {
            "title" | "paper" => Column::Title,
            "authors" | "author" => Column::Authors,
            "summary" | "description" | "abstract" => Column::Summary,
            "category" | "categories" | "classification" | "tags" | "tag" | "topic" => {
                Column::Category
            }
            "link" | "links" | "url" | "pdf" | "arxiv" | "abs" => Column::Link,
            name if is_paper_date_column(name) => Column::PaperDate,
            "comment" | "comments" => Column::Comment,
            name if super::code_link::is_code_label(name) => Column::Code,
            other => {
                diags.push(Diagnostic::warning(
                    path,
                    lineno,
                    format!("unknown column `{other}` is ignored (known: Title, Authors, Summary, Category, Link, Code, Date, Comment)"),
                ).kind(Kind::UnknownColumn));
                Column::Other
            }
        })
        .collect();
    if !columns.contains(&Column::Title) {
        diags.push(
            Diagnostic::error(
                path,
                lineno,
                "table header has no `Title` column, so its rows cannot become papers",
            )
            .kind(Kind::BadHeader),
        );
    }
    Header {
        columns,
        line: lineno,
    }
}

/// The tags a Category cell names: one, or several when a bot wrote a list literal
/// (`['Multimodal', 'Text-to-3D']`).
fn category_names(cell: &str) -> Vec<String> {
    let trimmed = cell.trim();
    match trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(list) if !trimmed.contains("](") => list
            .split(',')
            .map(|name| markup::plain(name.trim().trim_matches(['\'', '"'])))
            .filter(|name| !name.is_empty())
            .collect(),
        _ => Some(markup::plain(cell))
            .filter(|name| !name.is_empty())
            .into_iter()
            .collect(),
    }
}

fn column_names(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn entry_from_cells(
    path: &Path,
    columns: &[Column],
    cells: &[Cow<'_, str>],
    line: usize,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let mut entry = Entry::new(line, Format::Table, String::new());
    let mut links: Vec<String> = Vec::new();
    let mut comment = None;
    for (column, cell) in columns.iter().zip(cells) {
        if cell.is_empty() && matches!(column, Column::Authors | Column::Summary) {
            diags.push(
                Diagnostic::warning(path, line, format!("empty {column:?} cell")).kind(
                    if *column == Column::Authors {
                        Kind::EmptyAuthors
                    } else {
                        Kind::EmptySummary
                    },
                ),
            );
        }
        match column {
            Column::Title => {
                let (title, title_links) = parse_title_cell(cell);
                entry.title = title;
                links.extend(title_links);
            }
            Column::Authors => {
                entry.authors = split_authors(cell);
                super::lint::authors(path, line, &entry.authors, diags);
            }
            Column::Summary => {
                let cell = cell::inside_details(cell);
                let m =
                    markup::cell_block(&super::lint::summary_source(path, line, cell, opts, diags));
                entry.summary = (!m.is_empty()).then_some(m);
            }
            Column::Category => {
                for tag in category_names(cell) {
                    if !entry.tags.contains(&tag) {
                        entry.tags.push(tag);
                    }
                }
            }
            Column::Link => links.extend(link_targets(cell)),
            Column::Code => {
                if entry.code.is_none() {
                    entry.code = super::code_link::from_labelled(cell);
                }
            }
            Column::Comment => {
                let cell = cell::one_paragraph(cell::inside_details(cell)).trim();
                // What bots write for no comment.
                let none = ["null", "none", "n/a", "-"]
                    .iter()
                    .any(|n| cell.eq_ignore_ascii_case(n));
                comment = (!cell.is_empty() && !none).then_some(cell);
            }
            Column::PaperDate | Column::Other => {}
        }
    }
    if let Some(comment) = comment {
        append_comment(&mut entry.summary, comment);
    }
    // No http(s) link, but a link target that starts with its host (`[arXiv](arxiv.org/
    // abs/…)`): the web was meant, as for a feed dump's `Link:` line.
    if links.is_empty() {
        let targets = columns
            .iter()
            .zip(cells)
            .filter(|(c, _)| matches!(c, Column::Title | Column::Link))
            .flat_map(|(_, cell)| schemeless_targets(cell));
        for (raw, url) in targets {
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!("link `{raw}` has no scheme; published as `{url}`"),
                )
                .kind(Kind::SchemelessLink),
            );
            links.push(url);
        }
    }
    let mut found: Vec<(String, IdSource)> =
        links.iter().filter_map(|l| arxiv::id_from_url(l)).collect();
    found.sort_by_key(|(_, source)| *source != IdSource::Arxiv);
    if let Some((id, _)) = found.first() {
        entry.arxiv_id = Some(id.clone());
        if let Some((other, _)) = found.iter().find(|(o, _)| o != id) {
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!("links name two different papers ({id} and {other}); using {id}"),
                )
                .kind(Kind::MismatchedLinks),
            );
        }
    }
    // A `[Code](…)` link, or a repository, beside the paper's link in its cells.
    if entry.code.is_none() && entry.arxiv_id.is_some() {
        entry.code = columns
            .iter()
            .zip(cells)
            .filter(|(c, _)| matches!(c, Column::Title | Column::Link))
            .find_map(|(_, cell)| super::code_link::from_link_texts(cell))
            .or_else(|| links.iter().find_map(|l| super::code_link::repository(l)));
    }
    entry.url = links.into_iter().next().and_then(|l| web_url(&l));
    if entry.title.is_empty() {
        diags
            .push(Diagnostic::error(path, line, "row has an empty title").kind(Kind::MissingTitle));
    }
    if entry.url.is_none() {
        // A bot's listing of files it keeps (`[Title](downloads/a.pdf)`): no paper and
        // no page of the web, so no entry; said, not fatal.
        let file = columns
            .iter()
            .zip(cells)
            .filter(|(c, _)| matches!(c, Column::Title | Column::Link))
            .flat_map(|(_, cell)| relative_targets(cell))
            .next();
        if let Some(file) = file {
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "row links `{file}`, a file beside the digest, not a paper or a web page; left out"
                    ),
                )
                .kind(Kind::StrayText),
            );
            return None;
        }
        diags.push(Diagnostic::error(
            path,
            line,
            "row has no link: put an arXiv or Hugging Face link in the title cell or a Link column",
        ).kind(Kind::MissingLink));
    }
    Some(entry)
}

/// Markdown link targets of a cell that are paths of files beside the digest
/// (`downloads/a.pdf`, `../papers/b.pdf`): no scheme, no host, no anchor.
fn relative_targets(cell: &str) -> impl Iterator<Item = &str> {
    cell.split("](").skip(1).filter_map(|rest| {
        let target = rest.split(')').next()?.trim();
        let first = target.split('/').next().unwrap_or("");
        let relative = !target.is_empty()
            && !target.contains("://")
            && !target.starts_with(['#', '/'])
            && !target.starts_with("mailto:")
            && target.contains('.')
            // `arxiv.org/abs/…` is a host without its scheme, read elsewhere.
            && !(first.contains('.') && !matches!(first, "." | "..") && target.contains('/'));
        relative.then_some(target)
    })
}

#[cfg(test)]
mod tests;
