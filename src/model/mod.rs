//! The site model: papers keyed by arXiv id, days, and tags, built from parsed digests.
//!
//! This is where entries from different files and formats meet. The same id on one day
//! in a table and in a feed dump becomes one paper with the best field from each; the
//! same id on a later day adds that day to the paper. Renderers only read this model.
//!
//! Here are the types; `assemble` builds them from digests, `tags` names and lists
//! the tags, `related` finds a paper's related papers, and `live` patches a model
//! one changed file at a time for `serve`.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::content::{Digest, Markup};

mod assemble;
mod code;
mod dating;
mod live;
mod published_elsewhere;
#[cfg(test)]
mod reference;
mod related;
mod relisted;
mod tags;
#[cfg(test)]
mod testgen;
mod title_conflict;

pub use crate::tagging::first_sentence;
pub use assemble::{Digests, build};
pub use live::{FileChange, Keys, Live, NotPatched, Update};
pub use published_elsewhere::drop_published_elsewhere;
pub use related::{RELATED, RELATED_WINDOW, RelatedIndex};

/// The whole site as the renderers read it: every shown day, paper and tag, each list
/// sorted, cross-referenced by index.
#[derive(Debug, Clone)]
pub struct Site {
    /// Ascending by date.
    pub days: Vec<Day>,
    /// Ascending by id. Hidden papers are not here.
    pub papers: Vec<Paper>,
    /// Ascending by slug.
    pub tags: Vec<Tag>,
}

/// One date of the archive: the papers and links listed on it, from every file that
/// names it. A day page, and an entry in the feeds.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub title: Option<String>,
    pub description: Option<String>,
    /// Indices into `Site::papers`, in the order the digests list them.
    pub papers: Vec<usize>,
    /// Items without an arXiv id (blog posts), in file order.
    pub links: Vec<Link>,
    /// The files this day was read from.
    pub sources: Vec<PathBuf>,
}

impl Day {
    pub(super) fn empty(date: NaiveDate) -> Day {
        Day {
            date,
            title: None,
            description: None,
            papers: Vec::new(),
            links: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Notes that `digest` lists this day: the first front matter's title and
    /// description win, and the file joins the sources.
    pub(super) fn listed_in(&mut self, digest: &Digest) {
        if self.title.is_none() {
            self.title = digest.front.title.clone();
        }
        if self.description.is_none() {
            self.description = digest.front.description.clone();
        }
        if !self.sources.contains(&digest.path) {
            self.sources.push(digest.path.clone());
        }
    }
}

/// An item without an arXiv id (a blog post, say), shown on its day only.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub summary: Option<Markup>,
}

impl Link {
    /// The link an entry with no arXiv id stands for. A link has no fields to show its
    /// words under, so its text is every field the entry gave, in reading order: the
    /// gist (a note's one-line conclusion), the summary, the abstract.
    pub fn of(entry: &crate::content::Entry) -> Link {
        let parts: Vec<&Markup> = [&entry.gist, &entry.summary, &entry.abstract_]
            .into_iter()
            .flatten()
            .filter(|m| !m.is_empty())
            .collect();
        let summary = match parts.as_slice() {
            [] => None,
            [one] => Some((*one).clone()),
            many => Some(Markup {
                html: many
                    .iter()
                    .map(|m| m.html.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
                text: many
                    .iter()
                    .map(|m| m.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                math_errors: many.iter().flat_map(|m| m.math_errors.clone()).collect(),
            }),
        };
        Link {
            title: entry.title.clone(),
            url: entry.url.clone().unwrap_or_default(),
            summary,
        }
    }
}

/// One arXiv paper, merged from every entry that lists it: its fields chosen from the
/// source best placed to know each, every day it appeared on, and its tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub summary: Option<Markup>,
    pub gist: Option<Markup>,
    pub abstract_: Option<Markup>,
    pub note: Option<Markup>,
    /// The paper's code or project page, if a digest gives one no other two papers
    /// share (see `code`).
    pub code: Option<String>,
    /// Every code link the digests give for the paper, best first; `code` is the first
    /// that is not shared.
    pub code_candidates: Vec<String>,
    /// Indices into `Site::tags`, ordered by tag name.
    pub tags: Vec<usize>,
    /// Every day the paper appeared on, ascending.
    pub days: Vec<NaiveDate>,
}

impl Paper {
    pub fn first_day(&self) -> NaiveDate {
        self.days[0]
    }

    pub fn last_day(&self) -> NaiveDate {
        self.days[self.days.len() - 1]
    }

    /// The short text shown in lists: gist, else summary, else abstract.
    pub fn blurb(&self) -> Option<&Markup> {
        self.gist
            .as_ref()
            .or(self.summary.as_ref())
            .or(self.abstract_.as_ref())
    }
}

/// A tag: its name as shown, its URL slug, and the papers that carry it.
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    /// Indices into `Site::papers`, newest appearance first.
    pub papers: Vec<usize>,
}

impl Site {
    pub fn paper_count(&self) -> usize {
        self.papers.len()
    }

    pub fn latest_day(&self) -> Option<&Day> {
        self.days.last()
    }

    /// Whether this model lacks a day, paper or tag that `before` had, or lists fewer
    /// papers under a tag: whether pages and feeds made from `before` may have no
    /// counterpart here.
    pub fn shrank_from(&self, before: &Site) -> bool {
        // Each list is sorted by its key, so one pass over both tells.
        fn lost<'s, T, K: Ord>(before: &'s [T], now: &'s [T], key: impl Fn(&'s T) -> K) -> bool {
            let mut now = now.iter().map(&key).peekable();
            before.iter().map(&key).any(|k| {
                while now.next_if(|n| *n < k).is_some() {}
                now.next_if(|n| *n == k).is_none()
            })
        }
        lost(&before.days, &self.days, |d| d.date)
            || lost(&before.papers, &self.papers, |p| p.id.as_str())
            || before.tags.iter().any(|t| {
                self.tags
                    .binary_search_by(|n| n.slug.cmp(&t.slug))
                    .map_or(true, |i| self.tags[i].papers.len() < t.papers.len())
            })
    }
}
