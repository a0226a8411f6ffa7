//! A table digest dated by its stamp line. A README a bot rewrites in place (`- **Last
//! Updated**: 2025-11-12 11:13:00 UTC` over one table of papers) names its day on a
//! labelled line, not in a heading or its path; the general reader takes that line too
//! (see `window_date`), and a table of the same file should not be undated for being a
//! table.

use super::Section;

/// `sections` with the stamp line's date given to all of them, when none is dated and
/// the file is not dated elsewhere (its path, its front matter).
pub(super) fn date_undated(sections: &mut [Section], body: &str, dated_elsewhere: bool) {
    if dated_elsewhere || sections.iter().any(|s| s.date.is_some()) {
        return;
    }
    if let Some(date) = crate::content::window_date::of_text(body) {
        for s in sections.iter_mut() {
            s.date = Some(date);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_dates_an_undated_table() {
        let body = "# Papers\n\n- **Last Updated**: 2025-11-12 11:13:00 UTC\n\n| # | Title |\n|---|---|\n| 1 | [A](https://openreview.net/forum?id=abc) |\n";
        let mut sections = vec![Section {
            date: None,
            line: 5,
            entries: Vec::new(),
            stamped: false,
        }];
        date_undated(&mut sections, body, true);
        assert_eq!(sections[0].date, None);
        date_undated(&mut sections, body, false);
        assert_eq!(
            sections[0].date,
            chrono::NaiveDate::from_ymd_opt(2025, 11, 12)
        );
    }
}
