//! A paper's own date, as a note's labelled line gives it (`**Published:** 2026-04-21`,
//! `> **Date**：2025-02-03`): a stamp, which dates the paper only where nothing else on
//! the site dates anything, and only when it can be that paper's date.

use chrono::NaiveDate;

use super::labels;
use super::lines::Line;
use crate::content::Entry;

/// Whether one of a file's first lines gives a paper's own date in a labelled line
/// (`> **Date**：2025-02-03`, `**Published:** …`): a stamp, which dates the paper where
/// nothing else on the site dates anything. For `init`, before any reader looks.
pub fn has_date_line(text: &str) -> bool {
    // Classified as the reader classifies them, so that `init` and `build` agree on
    // which lines give a date.
    let head = text
        .match_indices('\n')
        .nth(63)
        .map_or(text, |(at, _)| &text[..at]);
    of(&super::lines::classify(head, 1)).is_some()
}

/// The date of a paper's own labelled date line (`**Published:** 2026-04-21 |
/// **Updated:** …`, `发布日期：…`): the first among `lines`, the paper's.
pub(super) fn of(lines: &[Line<'_>]) -> Option<NaiveDate> {
    lines.iter().find_map(|l| {
        l.label
            .filter(|label| label.role == Some(labels::Role::Date))
            .and_then(|label| crate::content::date_text::find_date(label.value))
    })
}

/// Whether a paper's own date can be its date: not before the month before the one its
/// arXiv id was given in (`2603.23003` in March 2026). A paper sent in on a month's last
/// days is given the next month's id, so a source may date `2604.00806` on 31 March; a
/// bot that fills every note with a placeholder (`published: "2025-01-01"`) dates
/// nothing.
pub(super) fn fits(entry: &Entry, date: NaiveDate) -> bool {
    let Some(id) = entry.arxiv_id.as_deref() else {
        return true;
    };
    let yymm = id.split_once('.').map(|(yymm, _)| yymm).unwrap_or("");
    if yymm.len() != 4 || !yymm.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let (yy, mm) = (yymm[..2].parse::<i32>(), yymm[2..].parse::<u32>());
    match (yy, mm) {
        (Ok(yy), Ok(mm)) => {
            let (year, month) = if mm == 1 {
                (1999 + yy, 12)
            } else {
                (2000 + yy, mm - 1)
            };
            NaiveDate::from_ymd_opt(year, month, 1).is_none_or(|before| date >= before)
        }
        _ => true,
    }
}
