//! Rows listed on their own dates. A README that a bot rewrites each day with the latest
//! papers of each topic (the layout of the cv-arxiv-daily generator and its forks) holds
//! years of papers under one `## Updated on …` heading, each row with its `Publish Date`.
//! Listed on the heading's day, the whole archive would be one day's page; each row is
//! listed on its own date instead.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::row::split_cells;
use super::{Column, Section, is_separator_row};
use crate::content::date_text::find_date;
use crate::content::markup;

/// Whether a column named `name` (its plain text, lower-cased) holds each paper's own
/// date.
pub(super) fn is_paper_date_column(name: &str) -> bool {
    matches!(name, "publish date" | "published" | "date" | "submitted")
}

/// Whether `text` holds a table whose rows carry their own dates: a header naming a
/// date column ([`is_paper_date_column`]) over a row whose cell there holds a date. A
/// file rewritten in place with such a table needs no other date (see [`regroup`]).
pub fn has_dated_rows(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if !line.starts_with('|') {
            continue;
        }
        let Some(at) = split_cells(line)
            .iter()
            .position(|c| is_paper_date_column(&markup::plain(c).to_ascii_lowercase()))
        else {
            continue;
        };
        if !lines.next().is_some_and(is_separator_row) {
            continue;
        }
        if let Some(row) = lines.next()
            && let Some(cell) = split_cells(row).get(at)
            && find_date(cell).is_some()
        {
            return true;
        }
    }
    false
}

/// The date a row gives its paper in a `Publish Date` column, if it has one.
pub(super) fn row_date(columns: &[Column], cells: &[Cow<'_, str>]) -> Option<NaiveDate> {
    let at = columns.iter().position(|c| *c == Column::PaperDate)?;
    find_date(cells.get(at)?)
}

/// More days than this between a section's earliest and latest row dates make it a
/// cumulative list, not one day's papers: a daily or weekly digest's rows carry dates
/// within a few days of one another.
const ONE_LIST_SPAN_DAYS: i64 = 14;

/// Moves the entries of `sections` that `own` (entry line, row date, in line order)
/// dates into sections of their own dates, where a section has no date or its rows'
/// dates span more than [`ONE_LIST_SPAN_DAYS`]. Entries without a date stay where they
/// were; a section left empty by the move goes (it was no day of papers).
pub(super) fn regroup(sections: Vec<Section>, own: &[(usize, NaiveDate)]) -> Vec<Section> {
    let date_of = |line: usize| {
        own.binary_search_by_key(&line, |&(l, _)| l)
            .ok()
            .map(|i| own[i].1)
    };
    let mut out = Vec::with_capacity(sections.len());
    for mut section in sections {
        let dates: Vec<NaiveDate> = section
            .entries
            .iter()
            .filter_map(|e| date_of(e.line))
            .collect();
        let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
            out.push(section);
            continue;
        };
        let spread = (*last - *first).num_days() > ONE_LIST_SPAN_DAYS;
        if section.date.is_some() && !spread {
            out.push(section);
            continue;
        }
        // New sections in the order their dates first appear, as the rows are.
        // A running list holds a thousand days and more: each date's place is looked up.
        let mut by_date: Vec<Section> = Vec::new();
        let mut place: HashMap<NaiveDate, usize> = HashMap::new();
        let mut kept = Vec::new();
        for entry in std::mem::take(&mut section.entries) {
            let Some(date) = date_of(entry.line) else {
                kept.push(entry);
                continue;
            };
            match place.get(&date) {
                Some(&at) => by_date[at].entries.push(entry),
                None => {
                    place.insert(date, by_date.len());
                    by_date.push(Section {
                        date: Some(date),
                        line: entry.line,
                        entries: vec![entry],
                        stamped: false,
                    });
                }
            }
        }
        if !kept.is_empty() {
            section.entries = kept;
            out.push(section);
        }
        out.extend(by_date);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::diagnostic::Diagnostics;

    /// (date, ids) of each section `text` gives, read as a file with (`elsewhere`) or
    /// without another date.
    fn days(text: &str, elsewhere: bool) -> Vec<(Option<NaiveDate>, Vec<String>)> {
        let mut d = Diagnostics::default();
        let sections = super::super::parse(
            Path::new("README.md"),
            elsewhere,
            text,
            1,
            &Default::default(),
            &mut d,
        );
        assert!(!d.has_errors(), "{d}");
        sections
            .into_iter()
            .map(|s| {
                let ids = s.entries.into_iter().filter_map(|e| e.arxiv_id).collect();
                (s.date, ids)
            })
            .collect()
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn row(date: &str, n: u32) -> String {
        format!(
            "|**{date}**|**Paper {n}**|Ann Lee et.al.|[2601.{n:05}](http://arxiv.org/abs/2601.{n:05})|null|\n"
        )
    }

    const HEADER: &str = "|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n";

    #[test]
    fn a_running_list_is_listed_on_its_rows_dates() {
        let text = format!(
            "## Updated on 2026.03.02\n\n## Kites\n\n{HEADER}{}{}{}",
            row("2026-02-27", 1),
            row("2026-01-05", 2),
            row("2026-02-27", 3)
        );
        assert_eq!(
            days(&text, false),
            [
                (
                    date("2026-02-27"),
                    vec!["2601.00001".into(), "2601.00003".into()]
                ),
                (date("2026-01-05"), vec!["2601.00002".to_string()]),
            ]
        );
        // A file whose path or front matter names its day keeps every row on it.
        assert_eq!(days(&text, true).len(), 1);
        // A row with no date of its own stays on the heading's day.
        let undated = format!(
            "## Updated on 2026.03.02\n\n## Kites\n\n{HEADER}{}{}{}",
            row("2026-02-27", 1),
            row("soon", 2),
            row("2026-01-05", 3)
        );
        assert_eq!(
            days(&undated, false),
            [
                (date("2026-03-02"), vec!["2601.00002".to_string()]),
                (date("2026-02-27"), vec!["2601.00001".to_string()]),
                (date("2026-01-05"), vec!["2601.00003".to_string()]),
            ]
        );
    }

    #[test]
    fn a_days_list_keeps_its_day_and_an_undated_one_takes_its_rows() {
        // Rows published within two weeks of each other are one day's list.
        let daily = format!(
            "## Papers for 2026-03-02\n\n{HEADER}{}{}",
            row("2026-02-27", 1),
            row("2026-02-16", 2)
        );
        assert_eq!(
            days(&daily, false),
            [(
                date("2026-03-02"),
                vec!["2601.00001".into(), "2601.00002".into()]
            )]
        );
        // With no date anywhere but the rows', the rows date themselves.
        let undated = format!(
            "## Kites\n\n{HEADER}{}{}",
            row("2026-02-27", 1),
            row("2026-02-26", 2)
        );
        assert_eq!(
            days(&undated, false),
            [
                (date("2026-02-27"), vec!["2601.00001".to_string()]),
                (date("2026-02-26"), vec!["2601.00002".to_string()]),
            ]
        );
    }
}
