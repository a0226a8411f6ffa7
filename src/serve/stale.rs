//! The files a change takes away: routes the old model had and the new one has not.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::config::Config;
use crate::model::Site;
use crate::render::urls::Route;

/// Files of the old model that the new one no longer has.
pub(super) fn stale_files(old: &Site, new: &Site, config: &Config) -> Vec<String> {
    let mut out = Vec::new();
    let new_dates: BTreeSet<NaiveDate> = new.days.iter().map(|d| d.date).collect();
    for d in old.days.iter().filter(|d| !new_dates.contains(&d.date)) {
        out.push(Route::Day(d.date).file());
    }
    let months = |s: &Site| -> BTreeSet<(i32, u32)> {
        s.days
            .iter()
            .map(|d| (d.date.year(), d.date.month()))
            .collect()
    };
    let new_months = months(new);
    for &(y, m) in months(old).difference(&new_months) {
        out.push(Route::Month(y, m).file());
        if !new_months.iter().any(|&(ny, _)| ny == y) {
            out.push(Route::Year(y).file());
        }
    }
    out.dedup();
    let pages = |n: usize, per: usize| n.div_ceil(per).max(1);
    for n in pages(new.days.len(), config.days_per_page) + 1
        ..=pages(old.days.len(), config.days_per_page)
    {
        out.push(Route::Home(n).file());
    }
    let new_ids: BTreeSet<&str> = new.papers.iter().map(|p| p.id.as_str()).collect();
    for p in old
        .papers
        .iter()
        .filter(|p| !new_ids.contains(p.id.as_str()))
    {
        out.push(Route::Paper(&p.id).file());
    }
    let new_tags: HashMap<&str, usize> = new
        .tags
        .iter()
        .map(|t| (t.slug.as_str(), t.papers.len()))
        .collect();
    let per = config.papers_per_tag_page;
    for t in &old.tags {
        let keep = new_tags.get(t.slug.as_str()).map_or(0, |&n| pages(n, per));
        if keep == 0 {
            out.push(Route::TagFeed(&t.slug).file());
        }
        for n in keep + 1..=pages(t.papers.len(), per) {
            out.push(Route::Tag(&t.slug, n).file());
        }
    }
    out
}
