//! Each paper's code link, decided over the whole site.
//!
//! An entry states its paper's code (`content::code_link`), or the paper's own text
//! names a repository ("Code is available at …"). But bots also put one link on every
//! paper (a site-wide "View" link to a library), or end each day with a link to their own
//! repository that readers take for the last paper's: a link that several papers share
//! is nobody's code. Whether a link is shared is only known once every digest is read,
//! so the parsers and [`super::assemble`] keep each paper's candidates, and [`settle`]
//! chooses: the first candidate that fewer than [`SHARED_BY`] papers name.

use std::collections::{BTreeMap, HashMap};

use super::Paper;
use super::assemble::{Brief, Seen};
use crate::content::{Format, code_link};

/// Repositories read from one text at most (an awesome-list summary names dozens).
const TEXT_LINKS: usize = 4;

/// A link named by this many distinct papers or more is no paper's code link.
pub const SHARED_BY: usize = 3;

/// A paper's code links, best first: the ones its entries state (hand-written entries
/// first, then by day, file and line, as `seen` orders them), then the first repository
/// named in its abstract, summary or gist (all of them: a link that other papers share
/// may come first).
pub(super) fn candidates<'e>(
    seen: impl Iterator<Item = Seen<'e>>,
    brief: &Brief<'e>,
) -> Vec<String> {
    let mut stated: Vec<Seen<'e>> = seen.filter(|s| s.3.code.is_some()).collect();
    stated.sort_by_key(|&(date, file, _, e)| (rank(e.format), date, file, e.line));
    let [gist, summary, abstract_] = *brief;
    let texts = [abstract_, summary, gist];
    let mut out: Vec<String> = Vec::new();
    let from_text = texts
        .into_iter()
        .flatten()
        .flat_map(|m| code_link::repositories(&m.html).take(TEXT_LINKS));
    for url in stated
        .into_iter()
        .filter_map(|(_, _, _, e)| e.code.clone())
        .chain(from_text)
    {
        if !out.iter().any(|u| key(u) == key(&url)) {
            out.push(url);
        }
    }
    out
}

/// The rank of an entry's stated code link: hand-written entries first.
fn rank(format: Format) -> u8 {
    u8::from(format != Format::Native)
}

/// What links are compared by: GitHub and the other hosts ignore case in names.
fn key(url: &str) -> String {
    url.trim_end_matches('/').to_lowercase()
}

/// How many papers name each code link (by [`key`]).
#[derive(Debug, Default, Clone)]
pub struct Counts(HashMap<String, usize>);

impl Counts {
    pub(super) fn of(papers: &[Paper]) -> Counts {
        let mut counts = Counts::default();
        for p in papers {
            counts.add(p, 1);
        }
        counts
    }

    fn add(&mut self, paper: &Paper, by: isize) {
        for url in &paper.code_candidates {
            let n = self.0.entry(key(url)).or_default();
            *n = n.saturating_add_signed(by);
        }
        // Only a removal can bring a count to 0; sweeping on every addition made
        // counting all papers quadratic.
        if by < 0 {
            self.0.retain(|_, n| *n > 0);
        }
    }

    fn shared(&self, url: &str) -> bool {
        self.0.get(&key(url)).is_some_and(|&n| n >= SHARED_BY)
    }

    /// The code link `paper` shows: its first candidate no [`SHARED_BY`] papers share.
    pub(super) fn choose(&self, paper: &Paper) -> Option<String> {
        paper
            .code_candidates
            .iter()
            .find(|u| !self.shared(u))
            .cloned()
    }

    /// These counts with `before` papers replaced by `after`, or `None` when that makes
    /// a link shared or no longer shared: other papers' code links change then.
    pub(super) fn replaced<'p>(
        &self,
        before: impl IntoIterator<Item = &'p Paper>,
        after: impl IntoIterator<Item = &'p Paper>,
    ) -> Option<Counts> {
        let mut delta: BTreeMap<String, isize> = BTreeMap::new();
        for (p, by) in before
            .into_iter()
            .map(|p| (p, -1))
            .chain(after.into_iter().map(|p| (p, 1)))
        {
            for url in &p.code_candidates {
                *delta.entry(key(url)).or_default() += by;
            }
        }
        let mut counts = self.clone();
        for (k, d) in delta {
            let was = counts.0.get(&k).copied().unwrap_or(0);
            let now = was.saturating_add_signed(d);
            if (was >= SHARED_BY) != (now >= SHARED_BY) {
                return None;
            }
            if now == 0 {
                counts.0.remove(&k);
            } else {
                counts.0.insert(k, now);
            }
        }
        Some(counts)
    }
}

/// Sets every paper's `code` from its candidates, links shared by [`SHARED_BY`] papers
/// or more left out; returns the counts.
pub(super) fn settle(papers: &mut [Paper]) -> Counts {
    let counts = Counts::of(papers);
    for p in papers.iter_mut() {
        p.code = counts.choose(p);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(id: &str, codes: &[&str]) -> Paper {
        Paper {
            id: id.to_string(),
            title: id.to_string(),
            authors: Vec::new(),
            summary: None,
            gist: None,
            abstract_: None,
            note: None,
            code: None,
            code_candidates: codes.iter().map(|c| c.to_string()).collect(),
            tags: Vec::new(),
            days: Vec::new(),
        }
    }

    #[test]
    fn a_link_three_papers_share_is_nobodys() {
        let site_wide = "https://github.com/big/library";
        let mut papers = vec![
            paper("1", &[site_wide, "https://github.com/ann/one"]),
            paper("2", &["https://GitHub.com/Big/Library/"]),
            paper("3", &[site_wide]),
            paper("4", &["https://github.com/bo/two", site_wide]),
            paper("5", &["https://github.com/cy/pair"]),
            paper("6", &["https://github.com/cy/pair"]),
        ];
        settle(&mut papers);
        let codes: Vec<Option<&str>> = papers.iter().map(|p| p.code.as_deref()).collect();
        assert_eq!(
            codes,
            [
                Some("https://github.com/ann/one"),
                None,
                None,
                Some("https://github.com/bo/two"),
                Some("https://github.com/cy/pair"),
                Some("https://github.com/cy/pair"),
            ]
        );
    }

    #[test]
    fn replacing_papers_refuses_to_cross_the_threshold() {
        let pair = "https://github.com/cy/pair";
        let papers = vec![paper("1", &[pair]), paper("2", &[pair])];
        let counts = Counts::of(&papers);
        let third = paper("3", &[pair]);
        assert!(counts.replaced([], [&third]).is_none());
        let other = paper("3", &["https://github.com/dee/own"]);
        let now = counts.replaced([], [&other]);
        assert!(now.is_some_and(|c| c.choose(&other).is_some()));
        assert!(counts.replaced([&papers[0]], [&papers[0]]).is_some());
    }
}
