//! Entries written as prose beside a table of papers: a report that lists the day's
//! papers in a table and then reads some of them closely in cards (`<details>` blocks,
//! headings, bold titles with links), or leads with such entries and sums them up in a
//! table.
//!
//! The table reader reads the table; what is left of the file (the table's rows
//! blanked, so that every line keeps its number) is read by the general reader. An
//! entry of both that names one paper (the same id, the same link or the same title)
//! is one paper: the table's title, its authors when the row gives them, and the
//! entry's text as the summary. An entry the table does not list is a paper of its
//! own. A row of a side table (a comparison citing older papers) opens no entry here:
//! tables are the table reader's, and it has called those text.

use std::path::Path;

use ahash::AHashSet as HashSet;

use super::super::{Entry, Format, ParseOptions, Section, structural, unread};
use crate::content::words::title_key;
use crate::diagnostic::{Diagnostics, Kind};

/// Adds to `sections` (read from `body` by the table reader, with entries) the entries
/// the general reader finds in the lines of `body` the table reader did not read as
/// rows of a table of papers (`table_rows[i]` for line `i`).
#[allow(clippy::too_many_arguments)]
pub(super) fn add_entries(
    path: &Path,
    dated_elsewhere: bool,
    body: &str,
    first_line: usize,
    table_rows: &[bool],
    opts: &ParseOptions,
    sections: &mut [Section],
    diags: &mut Diagnostics,
) {
    if sections.iter().all(|s| s.entries.is_empty()) {
        return;
    }
    let lines: Vec<&str> = crate::content::line_split::split(body).collect();
    // Most table digests link nothing off their tables: nothing to read. Asked of every
    // table digest, whose rows are most of its bytes: those are not searched.
    let off_rows = |i: usize| !table_rows.get(i).copied().unwrap_or(false);
    if !lines
        .iter()
        .enumerate()
        .any(|(i, l)| off_rows(i) && !structural::ids::find(l).is_empty())
    {
        return;
    }
    let rest = blank_lines(&lines, table_rows);
    let mut own = Diagnostics::default();
    let found = structural::parse(path, dated_elsewhere, &rest, first_line, opts, &mut own);
    let opens_table_row = |e: &Entry| {
        e.line
            .checked_sub(first_line)
            .and_then(|i| lines.get(i))
            .is_some_and(|l| l.trim_start().starts_with('|'))
    };
    // Rows of side tables are the table reader's, which called them text: their links
    // are checked below with the file's other lines.
    let prose: Vec<Entry> = found
        .into_iter()
        .flat_map(|s| s.entries)
        .filter(|e| !opens_table_row(e))
        .collect();
    if prose.is_empty() {
        return;
    }
    let prose_starts: Vec<usize> = prose.iter().map(|e| e.line).collect();
    // Table entries (section, index) already given a prose entry's text.
    let mut merged: HashSet<(usize, usize)> = HashSet::new();
    let mut added = false;
    for entry in prose {
        let same = sections.iter().enumerate().find_map(|(si, s)| {
            s.entries.iter().enumerate().find_map(|(ei, t)| {
                let free = t.format == Format::Table && !merged.contains(&(si, ei));
                (free && same_paper(t, &entry)).then_some((si, ei))
            })
        });
        match same {
            Some((si, ei)) => {
                merged.insert((si, ei));
                take_text(&mut sections[si].entries[ei], entry);
            }
            None => {
                added = true;
                section_of(sections, entry.line).entries.push(entry);
            }
        }
    }
    // The general reader's own warnings stand, but for unread papers: which papers are
    // read is known only now, with the table's. When it gave text to the table's papers
    // alone, the file is checked as any table digest is, around its rows; else every
    // line off the table's rows and the entries' own lines is.
    diags.extend(Diagnostics {
        items: own
            .items
            .into_iter()
            .filter(|d| d.kind != Kind::UnreadPapers)
            .collect(),
    });
    if added {
        let starts: Vec<usize> = prose_starts
            .iter()
            .filter_map(|l| l.checked_sub(first_line))
            .collect();
        let claimed = entry_lines(&lines, &starts, table_rows);
        let mut entry_line = |no: usize, _: &str| {
            no.checked_sub(first_line)
                .and_then(|i| claimed.get(i))
                .copied()
                .unwrap_or(false)
        };
        unread::report_off(path, body, first_line, sections, &mut entry_line, diags);
    }
}

/// Which lines are an entry's: the table's rows, and each prose entry's lines from
/// the one it starts on (`starts`, indexes into `lines`) up to the next entry, or to the
/// `</details>` closing the fold it opened in (a card).
fn entry_lines(lines: &[&str], starts: &[usize], table_rows: &[bool]) -> Vec<bool> {
    let mut claimed: Vec<bool> = (0..lines.len())
        .map(|i| table_rows.get(i).copied().unwrap_or(false))
        .collect();
    let mut sorted = starts.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    for (k, &start) in sorted.iter().enumerate() {
        let end = sorted.get(k + 1).copied().unwrap_or(lines.len());
        let mut depth = 0usize;
        for i in start..end.min(lines.len()) {
            claimed[i] = true;
            let lower = lines[i].to_ascii_lowercase();
            let close = lower.matches("</details").count();
            depth += lower.matches("<details").count();
            if close > depth {
                break;
            }
            depth -= close;
        }
    }
    claimed
}

/// `lines` joined again, those `blank` names left empty.
fn blank_lines(lines: &[&str], blank: &[bool]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !blank.get(i).copied().unwrap_or(false) {
            out.push_str(line);
        }
    }
    out
}

/// The section an entry on line `line` belongs to: the last that starts at or before
/// it, else the first.
fn section_of(sections: &mut [Section], line: usize) -> &mut Section {
    let at = sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.line <= line)
        .max_by_key(|(_, s)| s.line)
        .map_or(0, |(k, _)| k);
    &mut sections[at]
}

/// Whether a table's entry and a prose entry name one paper: the same arXiv id, the
/// same link, or the same title (letters and digits compared, a trailing remark in
/// brackets such as a system's name aside).
fn same_paper(table: &Entry, prose: &Entry) -> bool {
    if let (Some(a), Some(b)) = (&table.arxiv_id, &prose.arxiv_id) {
        return a.eq_ignore_ascii_case(b);
    }
    if let (Some(a), Some(b)) = (&table.url, &prose.url)
        && a.trim_end_matches('/')
            .eq_ignore_ascii_case(b.trim_end_matches('/'))
    {
        return true;
    }
    let (a, b) = (title_key(&table.title), title_key(&prose.title));
    if a.len() < 12 || b.len() < 12 {
        return false;
    }
    a == b || title_key(bare_title(&table.title)) == b || a == title_key(bare_title(&prose.title))
}

/// `title` without a last remark in brackets (`Title (SysName)`).
fn bare_title(title: &str) -> &str {
    let t = title.trim_end();
    match t.strip_suffix(')').and_then(|head| head.rfind('(')) {
        Some(open) if open > 0 => t[..open].trim_end(),
        _ => t,
    }
}

/// The prose entry's text becomes the table entry's: its summary, and its gist,
/// abstract, authors, id and code where the row gives none. The tags stay the
/// table's: the headings over a report's cards rate the papers (`Outstanding`,
/// `Keep`) rather than name their subjects.
fn take_text(table: &mut Entry, prose: Entry) {
    if prose.summary.is_some() {
        table.summary = prose.summary;
    }
    table.gist = table.gist.take().or(prose.gist);
    table.abstract_ = table.abstract_.take().or(prose.abstract_);
    if table.authors.is_empty() {
        table.authors = prose.authors;
    }
    if table.arxiv_id.is_none() && prose.arxiv_id.is_some() {
        table.arxiv_id = prose.arxiv_id;
        table.url = prose.url.or(table.url.take());
    }
    table.code = table.code.take().or(prose.code);
}
