//! Tags: names interned and numbered while papers are merged, then slugged and listed.

use std::collections::BTreeMap;

use ahash::AHashMap;
use chrono::NaiveDate;

use super::{Paper, Tag};
use crate::content::markup;
use crate::tagging;

/// Each paper's tag names, interned: the distinct names once, and per paper the numbers
/// of its names (each once). A `BTreeSet<String>` per paper cost a map node and a
/// string per tag per paper to build, count and drop.
pub(super) struct TagNames {
    names: Vec<String>,
    /// Paper `p`'s names are `of[start[p]..start[p + 1]]`.
    start: Vec<usize>,
    of: Vec<usize>,
}

impl TagNames {
    pub(super) fn new(names: Vec<String>, per_paper: &[Vec<usize>]) -> TagNames {
        let mut start = Vec::with_capacity(per_paper.len() + 1);
        start.push(0);
        let mut of = Vec::with_capacity(per_paper.iter().map(Vec::len).sum());
        for paper in per_paper {
            of.extend_from_slice(paper);
            start.push(of.len());
        }
        TagNames { names, start, of }
    }

    fn of(&self, p: usize) -> &[usize] {
        &self.of[self.start[p]..self.start[p + 1]]
    }

    /// As lists of names, strongest first, as [`Live`] keeps them.
    pub(super) fn into_lists(self) -> Vec<Vec<String>> {
        (0..self.start.len().saturating_sub(1))
            .map(|p| self.of(p).iter().map(|&k| self.names[k].clone()).collect())
            .collect()
    }
}

/// A paper's tags from every source, strongest first and each once: what a person set
/// in front matter for this paper, what the bot gave the entry (a column, a category
/// heading), what keyword rules found (in the matcher's order: what the title names
/// first), and last what a file's front matter gives every paper in it. Listings show
/// tags in this order, so a paper's first tags say what it is.
pub(super) fn strongest_first<T: PartialEq>(
    overrides: impl IntoIterator<Item = T>,
    entries: impl IntoIterator<Item = T>,
    rules: impl IntoIterator<Item = T>,
    files: impl IntoIterator<Item = T>,
) -> Vec<T> {
    let mut tags: Vec<T> = Vec::new();
    for t in overrides
        .into_iter()
        .chain(entries)
        .chain(rules)
        .chain(files)
    {
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

/// Every tag name as written (in entries, front matter and rules), numbered by its
/// collapsed form, so papers are merged (in parallel) with numbers instead of strings:
/// each spelling is collapsed and hashed once per build, not once per paper.
pub(super) struct NameTable<'a> {
    /// Distinct collapsed names, none empty, by number.
    pub(super) names: Vec<String>,
    by_name: AHashMap<String, usize>,
    /// Each spelling to its collapsed name's number; `None` when that is empty.
    spelling: AHashMap<&'a str, Option<usize>>,
}

impl<'a> NameTable<'a> {
    pub(super) fn new() -> Self {
        NameTable {
            names: Vec::new(),
            by_name: AHashMap::new(),
            spelling: AHashMap::new(),
        }
    }

    /// Numbers `written` (if new) and returns its number.
    pub(super) fn add(&mut self, written: &'a str) -> Option<usize> {
        if let Some(&n) = self.spelling.get(written) {
            return n;
        }
        let name = markup::collapsed(written);
        let n = (!name.is_empty()).then(|| match self.by_name.get(name.as_ref()) {
            Some(&n) => n,
            None => {
                self.names.push(name.to_string());
                self.by_name.insert(name.into_owned(), self.names.len() - 1);
                self.names.len() - 1
            }
        });
        self.spelling.insert(written, n);
        n
    }

    /// The number of `written`, which [`NameTable::add`] was given.
    pub(super) fn get(&self, written: &str) -> Option<usize> {
        match self.spelling.get(written) {
            Some(&n) => n,
            // Not reached: every name merged is added first. Collapsing here keeps
            // the answer right should one be missed.
            None => self
                .by_name
                .get(markup::collapsed(written).as_ref())
                .copied(),
        }
    }
}

/// Tag numbers `merge_paper` reads: every spelling's, each file's own tags', each
/// keyword rule's.
pub(super) struct TagNumbers<'a> {
    pub(super) table: NameTable<'a>,
    /// By file: the numbers of its front matter's tags.
    pub(super) files: Vec<Vec<usize>>,
    /// By rule: the number of its tag.
    pub(super) rules: Vec<Option<usize>>,
}

/// The tags, ascending by slug, each listing its papers newest appearance first (then
/// by id); and each paper's tags in the order of its names (strongest first), two
/// names of one tag counted once, where the first stands.
pub(super) fn build_tags(papers: &mut [Paper], names: &TagNames) -> Vec<Tag> {
    // Slugs are assigned once per distinct name, not looked up per paper.
    let mut count = vec![0usize; names.names.len()];
    for &k in &names.of {
        count[k] += 1;
    }
    let counts: BTreeMap<String, usize> = names
        .names
        .iter()
        .zip(&count)
        .filter(|&(_, &c)| c > 0)
        .map(|(n, &c)| (n.clone(), c))
        .collect();
    let assigned = tagging::assign_slugs(&counts);
    let mut by_slug: BTreeMap<&str, &str> = BTreeMap::new();
    for (display, slug) in assigned.values() {
        by_slug.insert(slug, display);
    }
    let slugs: Vec<(&str, &str)> = by_slug.into_iter().collect();
    let tag_of_name: Vec<Option<usize>> = names
        .names
        .iter()
        .map(|n| {
            let slug = &assigned.get(&tagging::normalize(n))?.1;
            slugs.binary_search_by(|(s, _)| (*s).cmp(slug)).ok()
        })
        .collect();
    // Each paper's tags (names of one tag counted once, where the first stands).
    let mut start = Vec::with_capacity(papers.len() + 1);
    start.push(0);
    let mut of: Vec<usize> = Vec::with_capacity(names.of.len());
    for p in 0..papers.len() {
        let from = of.len();
        for t in names.of(p).iter().filter_map(|&k| tag_of_name[k]) {
            if !of[from..].contains(&t) {
                of.push(t);
            }
        }
        start.push(of.len());
    }
    // Taken in the tag lists' order, papers join each of their tags' lists in it.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); slugs.len()];
    for p in tag_list_order(papers) {
        for &t in &of[start[p]..start[p + 1]] {
            members[t].push(p);
        }
    }
    let mut kept: Vec<Option<usize>> = vec![None; slugs.len()];
    let mut tags: Vec<Tag> = Vec::with_capacity(slugs.len());
    for (t, ((slug, name), members)) in slugs.iter().zip(members).enumerate() {
        if !members.is_empty() {
            kept[t] = Some(tags.len());
            tags.push(Tag {
                name: name.to_string(),
                slug: slug.to_string(),
                papers: members,
            });
        }
    }
    for (p, paper) in papers.iter_mut().enumerate() {
        paper.tags = of[start[p]..start[p + 1]]
            .iter()
            .filter_map(|&t| kept[t])
            .collect();
    }
    tags
}

/// Paper indices in the order of every tag's list: newest last day first, then by id.
/// Papers are in id order, so a stable sort by last day alone gives it.
pub(super) fn tag_list_order(papers: &[Paper]) -> Vec<usize> {
    let last: Vec<NaiveDate> = papers.iter().map(Paper::last_day).collect();
    let mut order: Vec<usize> = (0..papers.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(last[p]));
    order
}
