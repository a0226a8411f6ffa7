//! File warnings that another file may answer: a file that lists no papers for its day
//! (a day's table of subjects, an index of notes elsewhere) is only news when no other
//! file gives that day papers, and a paper one file links without an entry is only lost
//! when no other file publishes it. Files are read one at a time; the model has read
//! them all.

use ahash::AHashSet as HashSet;
use chrono::NaiveDate;

use super::Site;
use crate::diagnostic::{Diagnostics, Kind, UnreadMore, UnreadPaper};

/// Drops each `empty-day` warning whose day the site publishes from other files, unless
/// its file holds links the reader passed over: that one is told the day is published.
/// Drops from each `unread-papers` warning the papers the site publishes, and the
/// warning when none is left, it names no link to nothing and its day (a file that gave
/// no entry) is published.
/// A day file that gave no entry but links papers says so in `unread-papers`: it keeps
/// saying that its day is not published when other files publish all its papers but
/// not the day.
pub fn drop_published_elsewhere(diags: &mut Diagnostics, site: &Site) {
    drop_published_empty_days(diags, site);
    drop_published_unread(diags, site);
}

/// The days the site publishes.
fn published_days(site: &Site) -> HashSet<NaiveDate> {
    site.days
        .iter()
        .filter(|d| !d.papers.is_empty() || !d.links.is_empty())
        .map(|d| d.date)
        .collect()
}

fn drop_published_empty_days(diags: &mut Diagnostics, site: &Site) {
    if !diags.items.iter().any(|d| d.kind == Kind::EmptyDay) {
        return;
    }
    let published = published_days(site);
    diags.items.retain_mut(|d| {
        let Some(empty) = d
            .empty_day
            .filter(|e| d.kind == Kind::EmptyDay && published.contains(&e.date))
        else {
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

fn drop_published_unread(diags: &mut Diagnostics, site: &Site) {
    if !diags.items.iter().any(|d| !d.unread.is_empty()) {
        return;
    }
    let published: HashSet<&str> = site
        .papers
        .iter()
        .map(|p| p.id.as_str())
        .chain(
            site.days
                .iter()
                .flat_map(|d| &d.links)
                .map(|l| l.url.as_str()),
        )
        .collect();
    // Worked out only when a file that gave no entry may have lost its day.
    let days = if diags
        .items
        .iter()
        .any(|d| !d.unread.is_empty() && d.empty_day.is_some())
    {
        published_days(site)
    } else {
        HashSet::default()
    };
    let none = UnreadMore::default();
    diags.items.retain_mut(|d| {
        if d.unread.is_empty() {
            return true;
        }
        let before = d.unread.len();
        d.unread
            .retain(|p| !published.contains(p.key.as_str()) && !published.contains(p.url.as_str()));
        let more = d.unread_more.as_deref().unwrap_or(&none);
        // The day of a file that gave no entry, when no other file publishes it.
        let lost_day = d
            .empty_day
            .map(|e| e.date)
            .filter(|day| !days.contains(day));
        if d.unread.is_empty() && more.empty_links.is_empty() {
            if let Some(day) = lost_day {
                d.message = format!(
                    "the digest for {day} gives no paper: the papers it links are published from other files, but the day is not"
                );
            }
            return lost_day.is_some();
        }
        if d.unread.len() < before {
            let first = d.unread.first().map(|p| p.line);
            if let Some(line) = first
                .into_iter()
                .chain(more.empty_links.first().copied())
                .min()
            {
                d.line = line;
            }
            d.message = UnreadPaper::message(&d.unread, more);
        }
        // Links to nothing are lost whatever other files publish.
        true
    });
}
