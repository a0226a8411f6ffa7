//! Empty days that are not empty: a file that lists no papers for its day (a day's
//! table of subjects, an index of notes elsewhere) is only news when no other file
//! gives that day papers. Files are read one at a time; the model has read them all.

use ahash::AHashSet as HashSet;
use chrono::NaiveDate;

use super::Site;
use crate::diagnostic::{Diagnostics, Kind};

/// Drops each `empty-day` warning whose day the site publishes from other files, unless
/// its file holds links the reader passed over: that one is told the day is published.
pub fn drop_published_empty_days(diags: &mut Diagnostics, site: &Site) {
    if !diags.items.iter().any(|d| d.kind == Kind::EmptyDay) {
        return;
    }
    let published: HashSet<NaiveDate> = site
        .days
        .iter()
        .filter(|d| !d.papers.is_empty() || !d.links.is_empty())
        .map(|d| d.date)
        .collect();
    diags.items.retain_mut(|d| {
        let Some(empty) = d.empty_day.filter(|e| published.contains(&e.date)) else {
            return true;
        };
        if empty.holds_other_links {
            d.message = format!(
                "this file lists no papers for {}, only links that name none; the day is published from other files",
                empty.date
            );
        }
        empty.holds_other_links
    });
}
