//! Related papers: those sharing the most tags with a paper, nearest in time.

use super::Site;
use super::tags::tag_list_order;

impl Site {
    /// Up to `n` papers sharing the most tags with paper `i`, nearest in time first: the
    /// "related" list of a paper's page (the renderer calls this); `serve` uses it to
    /// find the pages a changed paper appears on as related. Each tag's list is sorted
    /// by (last day, newest first; id), so the paper's neighbours there are found by
    /// binary search and only a window around it is scored: the cost does not grow
    /// with the archive.
    pub fn related(&self, i: usize, n: usize) -> Vec<usize> {
        self.related_by(i, n, None)
    }

    /// [`Site::related`], with `index` from [`Site::related_index`] when the caller
    /// asks for many papers.
    pub fn related_by(&self, i: usize, n: usize, index: Option<&RelatedIndex>) -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        let papers = &self.papers;
        let me = &papers[i];
        // A paper's place in every tag list; comparing ranks instead of (day, id) keys
        // spares the binary searches a cache miss and a string comparison per step.
        let before = |p: usize| match index {
            Some(index) => index.rank[p] < index.rank[i],
            None => {
                let key = |p: usize| (std::cmp::Reverse(papers[p].last_day()), &papers[p].id);
                key(p) < key(i)
            }
        };
        let bits = index.and_then(|index| index.tag_bits.as_deref());
        let shared_with = |j: usize| match bits {
            Some(bits) => (bits[j] & bits[i]).count_ones() as usize,
            None => papers[j]
                .tags
                .iter()
                .filter(|t| me.tags.contains(t))
                .count(),
        };
        // Most shared tags, then nearest, then index: a total order, so the first `n`
        // candidates in it are one list whatever order candidates come in.
        let order = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
            b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        };
        // The best `n` (shared, distance, index) so far, in that order. A paper met in
        // several of my tags' windows keeps the distance from the first: `seen`
        // remembers them (a hash set of paper indices; sorting the candidates to find
        // repeats cost more than the rest of this function).
        let mut seen = SmallSet::with_room_for(me.tags.len() * (2 * RELATED_WINDOW + 1));
        let mut best: Vec<(usize, usize, usize)> = Vec::with_capacity(n + 1);
        for &t in &me.tags {
            let list = &self.tags[t].papers;
            let at = list.partition_point(|&p| before(p));
            let from = at.saturating_sub(RELATED_WINDOW);
            let to = (at + RELATED_WINDOW + 1).min(list.len());
            for (k, &j) in list[from..to].iter().enumerate() {
                if j == i || !seen.insert(j) {
                    continue;
                }
                let candidate = (shared_with(j), (from + k).abs_diff(at), j);
                if best.len() == n
                    && best
                        .last()
                        .is_some_and(|worst| order(&candidate, worst).is_ge())
                {
                    continue;
                }
                let at = best.partition_point(|b| order(b, &candidate).is_lt());
                best.insert(at, candidate);
                best.truncate(n);
            }
        }
        best.into_iter().map(|s| s.2).collect()
    }
}

/// What [`Site::related_by`] needs to find many papers' related papers fast, built once
/// per render of many pages (a negligible part of a build).
pub struct RelatedIndex {
    /// Each paper's position in the order of every tag's list (last day, newest first;
    /// then id), by paper index.
    rank: Vec<u32>,
    /// Each paper's tags as a bit set, so shared tags are counted without loading every
    /// candidate paper; `None` past 64 tags.
    tag_bits: Option<Vec<u64>>,
}

impl Site {
    pub fn related_index(&self) -> RelatedIndex {
        let papers = &self.papers;
        let mut rank = vec![0; papers.len()];
        for (position, p) in tag_list_order(papers).into_iter().enumerate() {
            rank[p] = position as u32;
        }
        let tag_bits = (self.tags.len() <= 64).then(|| {
            papers
                .iter()
                .map(|p| p.tags.iter().fold(0u64, |bits, &t| bits | 1 << t))
                .collect()
        });
        RelatedIndex { rank, tag_bits }
    }
}

/// A set of paper indices for one call of [`Site::related_by`]: open addressing with
/// linear probing in a table at least twice the most it will hold.
struct SmallSet {
    slots: Vec<usize>,
}

impl SmallSet {
    const EMPTY: usize = usize::MAX;

    fn with_room_for(n: usize) -> Self {
        SmallSet {
            slots: vec![Self::EMPTY; (2 * n).next_power_of_two().max(16)],
        }
    }

    /// Adds `x` (not [`Self::EMPTY`]); false when it was already there.
    fn insert(&mut self, x: usize) -> bool {
        let mask = self.slots.len() - 1;
        let mut at = (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) & mask;
        loop {
            match self.slots[at] {
                Self::EMPTY => {
                    self.slots[at] = x;
                    return true;
                }
                y if y == x => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// How far along a tag's list related papers are looked for.
pub const RELATED_WINDOW: usize = 24;
/// Related papers on a paper's page.
pub const RELATED: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paper, Tag};
    use chrono::NaiveDate;

    /// A site of `n` papers over 40 days with pseudo-random tags, its tag lists in the
    /// model's order (newest appearance first, then id).
    fn random_site(n: usize, tags: usize) -> Site {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut papers: Vec<Paper> = (0..n)
            .map(|i| {
                let mut own: Vec<usize> = (0..1 + next() as usize % 4)
                    .map(|_| next() as usize % tags)
                    .collect();
                own.sort_unstable();
                own.dedup();
                let first = start + chrono::Days::new(next() % 40);
                let mut days = vec![first];
                if next() % 10 == 0 {
                    days.push(first + chrono::Days::new(1 + next() % 5));
                }
                Paper {
                    id: format!("2501.{i:05}"),
                    title: format!("Paper {i}"),
                    authors: Vec::new(),
                    summary: None,
                    gist: None,
                    abstract_: None,
                    note: None,
                    code: None,
                    code_candidates: Vec::new(),
                    tags: own,
                    days,
                }
            })
            .collect();
        papers.sort_by(|a, b| a.id.cmp(&b.id));
        let mut tag_list: Vec<Tag> = (0..tags)
            .map(|t| Tag {
                name: format!("Tag {t:02}"),
                slug: format!("tag-{t:02}"),
                papers: Vec::new(),
            })
            .collect();
        for (i, p) in papers.iter().enumerate() {
            for &t in &p.tags {
                tag_list[t].papers.push(i);
            }
        }
        for tag in &mut tag_list {
            tag.papers.sort_by(|&a, &b| {
                let key = |p: usize| (std::cmp::Reverse(papers[p].last_day()), &papers[p].id);
                key(a).cmp(&key(b))
            });
        }
        Site {
            days: Vec::new(),
            papers,
            tags: tag_list,
        }
    }

    /// [`Site::related`] as it was first written, candidates deduplicated by sorting:
    /// the statement the faster one is checked against.
    fn related_by_sorting(site: &Site, i: usize, n: usize) -> Vec<usize> {
        let papers = &site.papers;
        let me = &papers[i];
        let key = |p: usize| (std::cmp::Reverse(papers[p].last_day()), &papers[p].id);
        let mut seen: Vec<(usize, usize, usize)> = Vec::new();
        for (order, &t) in me.tags.iter().enumerate() {
            let list = &site.tags[t].papers;
            let at = list.partition_point(|&p| key(p) < key(i));
            let from = at.saturating_sub(RELATED_WINDOW);
            let to = (at + RELATED_WINDOW + 1).min(list.len());
            seen.extend(
                list[from..to]
                    .iter()
                    .enumerate()
                    .filter(|&(_, &j)| j != i)
                    .map(|(k, &j)| (j, order, (from + k).abs_diff(at))),
            );
        }
        seen.sort_unstable();
        seen.dedup_by_key(|s| s.0);
        let mut scored: Vec<(usize, usize, usize)> = seen
            .into_iter()
            .map(|(j, _, d)| {
                let shared = papers[j]
                    .tags
                    .iter()
                    .filter(|t| me.tags.contains(t))
                    .count();
                (shared, d, j)
            })
            .collect();
        scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.into_iter().take(n).map(|s| s.2).collect()
    }

    #[test]
    fn related_is_what_sorting_every_candidate_gives() {
        for (n, tags) in [(600, 12), (300, 3), (400, 70)] {
            let site = random_site(n, tags);
            let index = site.related_index();
            for i in 0..site.papers.len() {
                for k in [1, RELATED, 10] {
                    let want = related_by_sorting(&site, i, k);
                    assert_eq!(site.related_by(i, k, Some(&index)), want, "paper {i}, {k}");
                    assert_eq!(site.related(i, k), want, "paper {i}, {k}");
                }
            }
        }
    }

    #[test]
    fn small_set_keeps_each_index_once() {
        let mut set = SmallSet::with_room_for(100);
        // 100 inserts of 61 different values, colliding in the table.
        for x in (0..100).map(|x| (x * 7919 % 61) << 30) {
            let first = !set.slots.contains(&x);
            assert_eq!(set.insert(x), first);
        }
        assert!(!set.insert(0));
    }

    #[test]
    fn related_with_an_index_is_related_without() {
        let site = random_site(600, 12);
        let index = site.related_index();
        assert!(index.tag_bits.is_some(), "12 tags fit in the bit set");
        let mut with_some = 0;
        for i in 0..site.papers.len() {
            let plain = site.related(i, RELATED);
            assert_eq!(
                site.related_by(i, RELATED, Some(&index)),
                plain,
                "paper {i}"
            );
            assert!(!plain.contains(&i));
            with_some += usize::from(!plain.is_empty());
        }
        assert!(
            with_some > 500,
            "only {with_some} papers have related papers"
        );
    }

    #[test]
    fn no_tag_bits_past_sixty_four_tags() {
        assert!(random_site(50, 64).related_index().tag_bits.is_some());
        let site = random_site(300, 65);
        let index = site.related_index();
        assert!(index.tag_bits.is_none());
        for i in 0..site.papers.len() {
            assert_eq!(
                site.related_by(i, RELATED, Some(&index)),
                site.related(i, RELATED)
            );
        }
    }
}
