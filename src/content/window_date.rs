//! The day a digest names in a labelled line above its papers, for files that neither
//! their path nor a heading dates: a weekly search's window (`**Search window:**
//! 2026-01-01 to 2026-01-07`), a rewritten README's stamp (`**Last Updated:** August
//! 22, 2026`).
//!
//! Such a file is one day's digest like any other; without this line `init` finds no
//! dated file and `build` leaves its papers undated. A window is dated by its first
//! day, as a weekly roundup named by its ISO week is by the week's Monday.

use chrono::NaiveDate;

use super::date_text::find_date;

/// Labels of a line that dates the whole file, lower case and without ornaments. A
/// paper's own date (`Published:`, `Submitted:`) is not among them: it is the
/// paper's, not the digest's.
const LABELS: &[&str] = &[
    "search window",
    "window",
    "date range",
    "period",
    "coverage",
    "covering",
    "time range",
    "last updated",
    "last update",
    "updated",
    "updated on",
    "updated at",
    "检索窗口",
    "时间范围",
    "时间窗口",
    "统计区间",
    "更新时间",
    "最后更新",
    "更新日期",
];

/// The date of `line` when it is a labelled date line of the file (see [`LABELS`]):
/// the first date of its value, so a range gives its first day.
pub fn of_line(line: &str) -> Option<NaiveDate> {
    let t = line
        .trim()
        .trim_start_matches(['-', '*', '+', '>', ' ', '\t'])
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_start();
    let (label, value) = split_label(t)?;
    let label: String = label
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .collect::<String>()
        .trim()
        .to_lowercase();
    LABELS
        .contains(&label.as_str())
        .then(|| find_date(value))
        .flatten()
}

/// `Label: value` or `标签：值`, the label short (a few words) and the value not empty.
fn split_label(t: &str) -> Option<(&str, &str)> {
    let at = t.find([':', '：'])?;
    let sep = t[at..].chars().next()?.len_utf8();
    let (label, value) = (&t[..at], &t[at + sep..]);
    // `**Label:**` keeps its closing stars after the colon.
    let value = value.trim_start_matches(['*', '_']).trim();
    (label.chars().count() <= 24 && !value.is_empty()).then_some((label, value))
}

/// The file-dating line of `text` above its first paper: the first line, before any
/// line that names a paper (within a few hundred lines), whose label dates the file.
/// For `init`, which looks at a file before any reader does.
pub fn of_text(text: &str) -> Option<NaiveDate> {
    text.lines()
        .take(300)
        .take_while(|l| super::structural::ids::find(l).is_empty())
        .find_map(of_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn labelled_windows_and_stamps() {
        assert_eq!(
            of_line("**Search window:** 2026-01-01 to 2026-01-07"),
            d(2026, 1, 1)
        );
        assert_eq!(of_line("**Last Updated:** August 22, 2026"), d(2026, 8, 22));
        assert_eq!(
            of_line("- 时间范围：2026-03-02 ~ 2026-03-08"),
            d(2026, 3, 2)
        );
        assert_eq!(of_line("> 🕒 Updated: 2026-02-03"), d(2026, 2, 3));
        // A paper's own date, prose, a label with no date: nothing.
        assert_eq!(of_line("**Published:** 2026-02-03"), None);
        assert_eq!(of_line("We searched from 2026-01-01 to 2026-01-07."), None);
        assert_eq!(of_line("**Updated:** weekly"), None);
        assert_eq!(of_line(""), None);
    }

    #[test]
    fn only_above_the_first_paper() {
        let text = "# Weekly\n\n**Search window:** 2026-01-05 to 2026-01-11\n\n### 1. A\n[arXiv](https://arxiv.org/abs/2601.00001)\n";
        assert_eq!(of_text(text), d(2026, 1, 5));
        let late = "# Weekly\n\n### 1. A\n[arXiv](https://arxiv.org/abs/2601.00001)\n\n**Updated:** 2026-01-09\n";
        assert_eq!(of_text(late), None);
    }
}
