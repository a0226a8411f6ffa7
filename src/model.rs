//! The site model: papers keyed by arXiv id, days, and tags, built from parsed digests.
//!
//! This is where entries from different files and formats meet. The same id on one day
//! in a table and in a feed dump becomes one paper with the best field from each; the
//! same id on a later day adds that day to the paper. Renderers only read this model.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use ahash::AHashMap;

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{Digest, Entry, Format, Markup, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::tagging;

#[cfg(test)]
mod reference;

#[derive(Debug, Clone)]
pub struct Site {
    /// Ascending by date.
    pub days: Vec<Day>,
    /// Ascending by id. Hidden papers are not here.
    pub papers: Vec<Paper>,
    /// Ascending by slug.
    pub tags: Vec<Tag>,
}

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
    fn empty(date: NaiveDate) -> Day {
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
    fn listed_in(&mut self, digest: &Digest) {
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

/// The arXiv id a front matter override names, normalised; an error when it names none.
fn override_id(digest: &Digest, id: &str, diags: &mut Diagnostics) -> Option<String> {
    let norm = crate::content::arxiv::parse_bare(id);
    if norm.is_none() {
        diags.push(
            Diagnostic::error(
                &digest.path,
                1,
                format!("front matter: `papers.\"{id}\"` is not an arXiv id like 2507.02592"),
            )
            .kind(Kind::FrontMatter),
        );
    }
    norm
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub summary: Option<Markup>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub summary: Option<Markup>,
    pub gist: Option<Markup>,
    pub abstract_: Option<Markup>,
    pub note: Option<Markup>,
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
}

/// One entry seen on one day, with where it was written.
#[derive(Clone, Copy)]
struct Appearance<'a> {
    date: NaiveDate,
    /// The day's place in the order days were first seen (see [`assemble`]).
    day: usize,
    file: usize,
    /// Where `entry` is: section and entry index in `digests[file]`.
    at: (usize, usize),
    /// `entry.line`, kept here so ordering a day's papers reads no entry.
    line: usize,
    entry: &'a Entry,
}

/// Every entry with an arXiv id, grouped by id, the ids ascending: what
/// `BTreeMap<&str, Vec<Appearance>>` held, in two flat vectors.
struct Listed<'a> {
    ids: Vec<&'a str>,
    /// The appearances of `ids[g]` are `apps[start[g]..start[g + 1]]`, in digest order
    /// (file, section, entry).
    start: Vec<usize>,
    apps: Vec<Appearance<'a>>,
}

impl<'a> Listed<'a> {
    /// Groups `flat` (id number, appearance), in digest order, by the ids that
    /// `ids_by_number` gives the numbers: the ids are sorted once each, and the
    /// appearances counting-sorted by id, keeping their order within an id.
    fn group(ids_by_number: Vec<&'a str>, flat: Vec<(usize, Appearance<'a>)>) -> Listed<'a> {
        let mut keyed: Vec<(u128, usize)> = ids_by_number
            .iter()
            .enumerate()
            .map(|(n, id)| (prefix_key(id), n))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| ids_by_number[a.1].cmp(ids_by_number[b.1]))
        });
        let order: Vec<usize> = keyed.into_iter().map(|(_, n)| n).collect();
        let mut place = vec![0; order.len()];
        for (g, &n) in order.iter().enumerate() {
            place[n] = g;
        }
        let mut start = vec![0; order.len() + 1];
        for &(n, _) in &flat {
            start[place[n] + 1] += 1;
        }
        for g in 0..order.len() {
            start[g + 1] += start[g];
        }
        let mut next = start.clone();
        let mut from = vec![0; flat.len()];
        for (i, &(n, _)) in flat.iter().enumerate() {
            let at = &mut next[place[n]];
            from[*at] = i;
            *at += 1;
        }
        Listed {
            ids: order.iter().map(|&n| ids_by_number[n]).collect(),
            start,
            apps: from.iter().map(|&i| flat[i].1).collect(),
        }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    fn apps(&self, g: usize) -> &[Appearance<'a>] {
        &self.apps[self.start[g]..self.start[g + 1]]
    }
}

/// The first 16 bytes of `s`, big-endian, zero-padded: where two strings' keys differ,
/// they order the strings as the strings do (the first differing byte is either a byte
/// of both, or a byte of one against padding, where the other string ended: the shorter
/// is a prefix, and smaller, and the padding 0 no more than the byte), so sorting ids
/// compares whole strings only where the keys are equal.
fn prefix_key(s: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = s.len().min(16);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// Each paper's tag names, interned: the distinct names once, and per paper the numbers
/// of its names (each once). A `BTreeSet<String>` per paper cost a map node and a
/// string per tag per paper to build, count and drop.
struct TagNames {
    names: Vec<String>,
    /// Paper `p`'s names are `of[start[p]..start[p + 1]]`.
    start: Vec<usize>,
    of: Vec<usize>,
}

impl TagNames {
    fn new(names: Vec<String>, per_paper: &[Vec<usize>]) -> TagNames {
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

    /// As sets of names, as [`Live`] keeps them.
    fn into_sets(self) -> Vec<BTreeSet<String>> {
        (0..self.start.len().saturating_sub(1))
            .map(|p| self.of(p).iter().map(|&k| self.names[k].clone()).collect())
            .collect()
    }
}

/// Every tag name as written (in entries, front matter and rules), numbered by its
/// collapsed form, so papers are merged (in parallel) with numbers instead of strings:
/// each spelling is collapsed and hashed once per build, not once per paper.
struct NameTable<'a> {
    /// Distinct collapsed names, none empty, by number.
    names: Vec<String>,
    by_name: AHashMap<String, usize>,
    /// Each spelling to its collapsed name's number; `None` when that is empty.
    spelling: AHashMap<&'a str, Option<usize>>,
}

impl<'a> NameTable<'a> {
    fn new() -> Self {
        NameTable {
            names: Vec::new(),
            by_name: AHashMap::new(),
            spelling: AHashMap::new(),
        }
    }

    /// Numbers `written` (if new) and returns its number.
    fn add(&mut self, written: &'a str) -> Option<usize> {
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
    fn get(&self, written: &str) -> Option<usize> {
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
struct TagNumbers<'a> {
    table: NameTable<'a>,
    /// By file: the numbers of its front matter's tags.
    files: Vec<Vec<usize>>,
    /// By rule: the number of its tag.
    rules: Vec<Option<usize>>,
}

/// Where a paper's long fields are, so they can be moved out of the digests instead of
/// copied (an archive's summaries are most of its memory): file, section, entry.
#[derive(Default)]
struct Sources {
    summary: Option<(usize, usize, usize)>,
    gist: Option<(usize, usize, usize)>,
    abstract_: Option<(usize, usize, usize)>,
}

/// Builds the model. Every problem is reported; a problem never drops data silently.
///
/// Given the digests by value (`Vec<Digest>`), summaries, gists and abstracts are moved
/// into the papers, not copied, so a large archive is held in memory once, not twice;
/// given a reference, they are copied.
pub fn build<'d>(digests: impl Into<Digests<'d>>, config: &Config) -> (Site, Diagnostics) {
    let matcher = tagging::Matcher::new(&config.tag_rules);
    let (site, diags, _) = build_from(digests.into(), config, &matcher);
    (site, diags)
}

/// Digests the model is built from: owned (fields are moved out) or borrowed (copied).
pub enum Digests<'d> {
    Owned(Vec<Digest>),
    Borrowed(&'d [Digest]),
}

impl From<Vec<Digest>> for Digests<'_> {
    fn from(v: Vec<Digest>) -> Self {
        Digests::Owned(v)
    }
}

impl<'d> From<&'d [Digest]> for Digests<'d> {
    fn from(v: &'d [Digest]) -> Self {
        Digests::Borrowed(v)
    }
}

impl<'d> From<&'d Vec<Digest>> for Digests<'d> {
    fn from(v: &'d Vec<Digest>) -> Self {
        Digests::Borrowed(v)
    }
}

/// What [`assemble`] makes of the digests: everything but the long fields (only where
/// they are) and the tags (only their names, per paper).
struct Assembled {
    /// Ascending by date, days without papers or links included.
    days: Vec<Day>,
    papers: Vec<Paper>,
    /// Each paper's tag names, parallel to `papers`.
    tag_names: TagNames,
    sources: Vec<Sources>,
    diags: Diagnostics,
}

/// The model and each paper's tag names (parallel to `site.papers`).
fn build_from(
    store: Digests,
    config: &Config,
    matcher: &tagging::Matcher,
) -> (Site, Diagnostics, TagNames) {
    let refs: Vec<&Digest> = match &store {
        Digests::Owned(v) => v.iter().collect(),
        Digests::Borrowed(v) => v.iter().collect(),
    };
    let Assembled {
        days,
        mut papers,
        tag_names,
        sources,
        diags,
    } = assemble(&refs, config, matcher);
    drop(refs);
    // Nothing borrows the digests any more: move (or copy) the long fields in.
    let leftover = match store {
        Digests::Owned(mut digests) => {
            for (paper, from) in papers.iter_mut().zip(sources) {
                let mut take =
                    |at: Option<(usize, usize, usize)>,
                     field: fn(&mut Entry) -> &mut Option<Markup>| {
                        let (f, s, e) = at?;
                        field(&mut digests[f].sections[s].entries[e]).take()
                    };
                paper.summary = take(from.summary, |e| &mut e.summary);
                paper.gist = take(from.gist, |e| &mut e.gist);
                paper.abstract_ = take(from.abstract_, |e| &mut e.abstract_);
            }
            digests
        }
        Digests::Borrowed(digests) => {
            let refs: Vec<&Digest> = digests.iter().collect();
            copy_long_fields(&mut papers, sources, &refs);
            Vec::new()
        }
    };

    // What is left of owned digests (titles, authors, fields not chosen) is freed
    // beside building the tags, digests in parallel: freeing them one by one took
    // as long as the rest of `build_from` after `assemble`.
    use rayon::prelude::*;
    let (tags, ()) = rayon::join(
        || build_tags(&mut papers, &tag_names),
        move || leftover.into_par_iter().for_each(drop),
    );
    let days: Vec<Day> = days
        .into_iter()
        .filter(|d| !d.papers.is_empty() || !d.links.is_empty())
        .collect();
    (Site { days, papers, tags }, diags, tag_names)
}

fn copy_long_fields(papers: &mut [Paper], sources: Vec<Sources>, digests: &[&Digest]) {
    for (paper, from) in papers.iter_mut().zip(sources) {
        let copy = |at: Option<(usize, usize, usize)>, field: fn(&Entry) -> &Option<Markup>| {
            let (f, s, e) = at?;
            field(&digests[f].sections[s].entries[e]).clone()
        };
        paper.summary = copy(from.summary, |e| &e.summary);
        paper.gist = copy(from.gist, |e| &e.gist);
        paper.abstract_ = copy(from.abstract_, |e| &e.abstract_);
    }
}

/// Merges the digests' entries into days and papers (long fields and tags left out).
fn assemble<'a>(
    digests: &[&'a Digest],
    config: &Config,
    matcher: &'a tagging::Matcher,
) -> Assembled {
    let mut diags = Diagnostics::default();
    // Each id gets a number when first seen; its appearances are collected flat and
    // grouped by id at the end ([`Listed::group`]).
    let entries: usize = digests
        .iter()
        .flat_map(|d| &d.sections)
        .map(|s| s.entries.len())
        .sum();
    let mut number: AHashMap<&str, usize> = AHashMap::with_capacity(entries);
    let mut ids_by_number: Vec<&str> = Vec::with_capacity(entries);
    let mut flat: Vec<(usize, Appearance)> = Vec::with_capacity(entries);
    // By id number: the section (counted from 1) and line it was last listed on, to
    // find ids listed twice in one section.
    let mut last_listed: Vec<(usize, usize)> = Vec::with_capacity(entries);
    let mut sections = 0;
    // Days in the order first seen; `day_at` gives their place by date.
    let mut days: Vec<Day> = Vec::new();
    let mut day_at: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut overrides: BTreeMap<String, Vec<(usize, &crate::content::PaperOverride)>> =
        BTreeMap::new();
    let mut table = NameTable::new();
    let rules = matcher.tag_names().iter().map(|t| table.add(t)).collect();
    let mut file_tags = vec![Vec::new(); digests.len()];

    for (file, &digest) in digests.iter().enumerate() {
        if digest.front.draft && !config.drafts {
            continue;
        }
        file_tags[file] = digest
            .front
            .tags
            .iter()
            .filter_map(|t| table.add(t))
            .collect();
        for (id, o) in &digest.front.papers {
            if let Some(norm) = override_id(digest, id, &mut diags) {
                for t in &o.tags {
                    table.add(t);
                }
                overrides.entry(norm).or_default().push((file, o));
            }
        }
        for (section_index, section) in digest.sections.iter().enumerate() {
            let date = match resolve_date(digest, section, &mut diags) {
                Some(d) => d,
                None => continue,
            };
            let day_index = *day_at.entry(date).or_insert_with(|| {
                days.push(Day::empty(date));
                days.len() - 1
            });
            let day = &mut days[day_index];
            day.listed_in(digest);
            sections += 1;
            for (entry_index, entry) in section.entries.iter().enumerate() {
                match &entry.arxiv_id {
                    Some(id) => {
                        let n = *number.entry(id).or_insert_with(|| {
                            ids_by_number.push(id);
                            last_listed.push((0, 0));
                            ids_by_number.len() - 1
                        });
                        let (section_was, first) = last_listed[n];
                        if section_was == sections {
                            diags.push(Diagnostic::warning(
                                &digest.path,
                                entry.line,
                                format!("{id} is listed twice on {date} (first on line {first}); the entries are merged"),
                            ).kind(Kind::DuplicateEntry));
                        }
                        last_listed[n] = (sections, entry.line);
                        for t in &entry.tags {
                            table.add(t);
                        }
                        flat.push((
                            n,
                            Appearance {
                                date,
                                day: day_index,
                                file,
                                at: (section_index, entry_index),
                                line: entry.line,
                                entry,
                            },
                        ));
                    }
                    None => day.links.push(Link {
                        title: entry.title.clone(),
                        url: entry.url.clone().unwrap_or_default(),
                        summary: entry.summary.clone().or_else(|| entry.abstract_.clone()),
                    }),
                }
            }
        }
    }
    drop(number);
    let listed = Listed::group(ids_by_number, flat);

    check_title_conflicts(digests, &listed, &mut diags);

    // Each listed id's overrides; an override of an id no digest lists is reported.
    type Overrides<'o> = Vec<(usize, &'o crate::content::PaperOverride)>;
    let mut overridden: Vec<Option<&Overrides>> = vec![None; listed.len()];
    for (id, os) in &overrides {
        match listed.ids.binary_search(&id.as_str()) {
            Ok(g) => overridden[g] = Some(os),
            Err(_) => {
                if let Some(&(file, _)) = os.first() {
                    diags.push(
                        Diagnostic::warning(
                            &digests[file].path,
                            1,
                            format!("front matter overrides {id}, which no digest lists"),
                        )
                        .kind(Kind::UnusedOverride),
                    );
                }
            }
        }
    }
    let visible: Vec<usize> = (0..listed.len())
        .filter(|&g| !overridden[g].is_some_and(|os| os.iter().any(|(_, o)| o.hidden)))
        .collect();

    // Each paper is merged on its own, so in parallel; `unzip` keeps id order.
    use rayon::prelude::*;
    let numbers = TagNumbers {
        table,
        files: file_tags,
        rules,
    };
    let (papers, (names, sources)): (Vec<_>, (Vec<_>, Vec<_>)) = visible
        .par_iter()
        .map(|&g| {
            let (paper, names, from) = merge_paper(
                listed.ids[g],
                listed.apps(g),
                overridden[g],
                matcher,
                &numbers,
            );
            (paper, (names, from))
        })
        .unzip();
    let tag_names = TagNames::new(numbers.table.names, &names);
    drop(names);

    // Papers in digest order: by file, then line, of their first entry that day; then
    // by index. (file, line, paper) of each paper on each day:
    let mut listed_on: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); days.len()];
    for (p, &g) in visible.iter().enumerate() {
        let apps = listed.apps(g);
        for (j, a) in apps.iter().enumerate() {
            if apps[..j].iter().any(|b| b.day == a.day) {
                continue;
            }
            let (file, line) = apps[j + 1..]
                .iter()
                .filter(|b| b.day == a.day)
                .fold((a.file, a.line), |first, b| first.min((b.file, b.line)));
            listed_on[a.day].push((file, line, p));
        }
    }
    for (day, mut list) in days.iter_mut().zip(listed_on) {
        list.sort_unstable();
        day.papers = list.into_iter().map(|(_, _, p)| p).collect();
    }
    let mut days: Vec<Option<Day>> = days.into_iter().map(Some).collect();
    let days: Vec<Day> = day_at.values().filter_map(|&d| days[d].take()).collect();
    Assembled {
        days,
        papers,
        tag_names,
        sources,
        diags,
    }
}

fn resolve_date(
    digest: &Digest,
    section: &crate::content::Section,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    if let Some(date) = digest.front.date {
        if let Some(heading) = section.date
            && heading != date
        {
            diags.push(
                Diagnostic::warning(
                    &digest.path,
                    section.line,
                    format!("heading says {heading} but front matter says {date}; using {date}"),
                )
                .kind(Kind::DateConflict),
            );
        }
        return Some(date);
    }
    if let Some(date) = section.date.or(digest.path_date) {
        return Some(date);
    }
    if !section.entries.is_empty() {
        diags.push(Diagnostic::error(
            &digest.path,
            section.line,
            "no date for these papers: add `date = YYYY-MM-DD` in `+++` front matter, a `## Papers for YYYY-MM-DD` heading, or a YYYY-MM-DD in the file name",
        ).kind(Kind::NoDate));
    }
    None
}

/// The error for one id with two titles on one day: `here` (file, entry) against the
/// entry seen first.
fn title_conflict(
    digests: &[&Digest],
    id: &str,
    here: (usize, &Entry),
    first: (usize, &Entry),
) -> Diagnostic {
    Diagnostic::error(
        &digests[here.0].path,
        here.1.line,
        format!(
            "{id} is titled `{}` here but `{}` at {}:{} on the same day",
            here.1.title,
            first.1.title,
            crate::diagnostic::display_path(&digests[first.0].path),
            first.1.line
        ),
    )
    .kind(Kind::TitleConflict)
}

/// The same id with two different titles on one day means two rows were mixed up.
fn check_title_conflicts(digests: &[&Digest], listed: &Listed, diags: &mut Diagnostics) {
    for (g, id) in listed.ids.iter().enumerate() {
        let apps = listed.apps(g);
        for (i, a) in apps.iter().enumerate() {
            let Some(b) = apps[..i].iter().find(|b| b.date == a.date) else {
                continue;
            };
            let (x, y) = (&a.entry.title, &b.entry.title);
            if x != y && !title_key(x).eq(title_key(y)) {
                diags.push(title_conflict(
                    digests,
                    id,
                    (a.file, a.entry),
                    (b.file, b.entry),
                ));
            }
        }
    }
}

/// What titles are compared by: their letters and digits, lower-cased (compared as
/// they come, with no string built).
fn title_key(title: &str) -> impl Iterator<Item = char> + '_ {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// What choosing a paper's fields needs to know of one of its appearances: its day,
/// file, place in the file (section, entry) and entry.
type Seen<'e> = (NaiveDate, usize, (usize, usize), &'e Entry);

/// A paper's fields, each from the appearance best placed to know it: the table's bot
/// writes authors and long summaries, the feed carries gist and abstract. Ties go to
/// the earliest day, then file order. Returns the paper without tags, long fields (the
/// caller moves them in from where [`Sources`] says) or overrides, and its brief (the
/// text keyword rules read besides the title).
fn choose_fields<'e, A>(
    id: &str,
    apps: &[A],
    seen: impl Fn(&A) -> Seen<'e>,
) -> (Paper, Sources, Option<&'e Markup>) {
    // Hand-written entries beat both bots; then the bot that knows the field best.
    let rank = |format: Format, prefer: Format| match format {
        Format::Native => 0,
        f if f == prefer => 1,
        _ => 2,
    };
    let best_app = |prefer: Format, pick: &dyn Fn(&Entry) -> bool| -> Option<Seen<'e>> {
        apps.iter()
            .map(&seen)
            .filter(|&(_, _, _, e)| pick(e))
            .min_by_key(|&(date, file, _, e)| (rank(e.format, prefer), date, file, e.line))
    };
    let best = |prefer: Format, pick: &dyn Fn(&Entry) -> bool| -> Option<&'e Entry> {
        best_app(prefer, pick).map(|(_, _, _, e)| e)
    };
    let loc = |(_, file, at, _): Seen<'e>| (file, at.0, at.1);
    let title =
        best(Format::Table, &|e| !e.title.is_empty()).map_or_else(String::new, |e| e.title.clone());
    let authors = best(Format::Table, &|e| !e.authors.is_empty())
        .map_or_else(Vec::new, |e| e.authors.clone());
    // The long fields are moved in by the caller; here only where they are is noted.
    let summary = best_app(Format::Table, &|e| e.summary.is_some());
    let gist = best_app(Format::FeedDump, &|e| e.gist.is_some());
    let abstract_ = best_app(Format::FeedDump, &|e| e.abstract_.is_some());
    let brief = gist
        .and_then(|(_, _, _, e)| e.gist.as_ref())
        .or(summary.and_then(|(_, _, _, e)| e.summary.as_ref()))
        .or(abstract_.and_then(|(_, _, _, e)| e.abstract_.as_ref()));
    let from = Sources {
        summary: summary.map(loc),
        gist: gist.map(loc),
        abstract_: abstract_.map(loc),
    };
    let mut days: Vec<NaiveDate> = apps.iter().map(|a| seen(a).0).collect();
    days.sort();
    days.dedup();
    let paper = Paper {
        id: id.to_string(),
        title,
        authors,
        summary: None,
        gist: None,
        abstract_: None,
        note: None,
        tags: Vec::new(),
        days,
    };
    (paper, from, brief)
}

/// Front matter's corrections of a paper (title, authors, note), which beat every
/// digest; their tags are the caller's to add.
fn apply_overrides<'o>(
    paper: &mut Paper,
    overrides: impl IntoIterator<Item = &'o crate::content::PaperOverride>,
) {
    for o in overrides {
        if let Some(t) = &o.title {
            paper.title = markup::collapse_whitespace(t);
        }
        if let Some(a) = &o.authors {
            paper.authors = a.clone();
        }
        if let Some(n) = &o.note {
            paper.note = Some(markup::block(n));
        }
    }
}

/// [`choose_fields`], then front matter's overrides and the tags from every source,
/// as numbers of [`TagNumbers`].
fn merge_paper(
    id: &str,
    apps: &[Appearance],
    overrides: Option<&Vec<(usize, &crate::content::PaperOverride)>>,
    matcher: &tagging::Matcher,
    numbers: &TagNumbers,
) -> (Paper, Vec<usize>, Sources) {
    let (mut paper, from, brief) = choose_fields(id, apps, |a| (a.date, a.file, a.at, a.entry));
    // The numbers of the tag names, collapsed (empty ones left out), each once.
    let mut tags: Vec<usize> = Vec::new();
    for a in apps {
        tags.extend(a.entry.tags.iter().filter_map(|t| numbers.table.get(t)));
        tags.extend(numbers.files.get(a.file).into_iter().flatten());
    }
    let overrides = overrides.into_iter().flatten().map(|&(_, o)| o);
    apply_overrides(&mut paper, overrides.clone());
    for o in overrides {
        tags.extend(o.tags.iter().filter_map(|t| numbers.table.get(t)));
    }
    let rules = matcher.rules_for(&rule_text(&paper.title, brief));
    tags.extend(
        rules
            .iter()
            .filter_map(|&r| numbers.rules.get(r).copied().flatten()),
    );
    tags.sort_unstable();
    tags.dedup();
    (paper, tags, from)
}

/// The text keyword rules read: the title and the paper's summary in brief (the gist,
/// else the first sentence of the summary or abstract). Whole summaries mention so many
/// methods in passing that every paper would get most tags.
fn rule_text(title: &str, brief: Option<&Markup>) -> String {
    let mut text = title.to_string();
    if let Some(m) = brief {
        text.push('\n');
        text.push_str(first_sentence(&m.text));
    }
    text
}

/// `text` up to the first ". " that ends at least 40 bytes in (through its period),
/// else all of it. The search starts where such a period can be (byte 39), with
/// `memmem`: `match_indices` from the start cost 1.5k instructions a paper.
fn first_sentence(text: &str) -> &str {
    const SHORTEST: usize = 40;
    text.as_bytes()
        .get(SHORTEST - 1..)
        .and_then(|rest| memchr::memmem::find(rest, b". "))
        .and_then(|at| text.get(..SHORTEST + at))
        .unwrap_or(text)
}

/// The tags, ascending by slug, each listing its papers newest appearance first (then
/// by id); and each paper's tags, ordered by lower-cased name.
fn build_tags(papers: &mut [Paper], names: &TagNames) -> Vec<Tag> {
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
    // Each paper's tags (names of one tag counted once), ascending.
    let mut start = Vec::with_capacity(papers.len() + 1);
    start.push(0);
    let mut of: Vec<usize> = Vec::with_capacity(names.of.len());
    let mut mine: Vec<usize> = Vec::new();
    for p in 0..papers.len() {
        mine.clear();
        mine.extend(names.of(p).iter().filter_map(|&k| tag_of_name[k]));
        mine.sort_unstable();
        mine.dedup();
        of.extend_from_slice(&mine);
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
    // A paper's tags are ordered by lower-cased name, ties by slug: a rank per tag.
    let mut by_name: Vec<usize> = (0..tags.len()).collect();
    by_name.sort_by_cached_key(|&t| tags[t].name.to_lowercase());
    let mut rank = vec![0; tags.len()];
    for (r, &t) in by_name.iter().enumerate() {
        rank[t] = r;
    }
    for (p, paper) in papers.iter_mut().enumerate() {
        paper.tags = of[start[p]..start[p + 1]]
            .iter()
            .filter_map(|&t| kept[t])
            .collect();
        paper.tags.sort_unstable_by_key(|&t| rank[t]);
    }
    tags
}

// ---------------------------------------------------------------------------------
// Keeping a model up to date one file at a time (`serve`)

/// The dates and paper ids a digest names: what a change to it can reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub dates: BTreeSet<NaiveDate>,
    /// Ids listed (with an arXiv id) or overridden in front matter.
    pub ids: BTreeSet<String>,
}

impl Keys {
    /// What `digest` contributes to the model (nothing, for a draft that is not shown).
    pub fn of(digest: &Digest, config: &Config) -> Keys {
        let mut keys = Keys::default();
        if digest.front.draft && !config.drafts {
            return keys;
        }
        for section in &digest.sections {
            if let Some(date) = digest.front.date.or(section.date).or(digest.path_date) {
                keys.dates.insert(date);
            }
            keys.ids
                .extend(section.entries.iter().filter_map(|e| e.arxiv_id.clone()));
        }
        keys.ids.extend(
            digest
                .front
                .papers
                .keys()
                .filter_map(|id| crate::content::arxiv::parse_bare(id)),
        );
        keys
    }
}

/// One changed file: what it named before the change and what it names now (`None`:
/// the file did not exist or did not parse).
#[derive(Debug, Clone)]
pub struct FileChange {
    pub path: PathBuf,
    pub before: Option<Keys>,
    pub after: Option<Keys>,
}

/// What an update changed in the model, for choosing the files to re-render.
#[derive(Debug, Default, Clone)]
pub struct Update {
    /// Days whose content changed, and every day the changed papers are (or were) on.
    pub dates: BTreeSet<NaiveDate>,
    /// Changed papers that are in the new model.
    pub papers: BTreeSet<String>,
    /// Slugs of tags whose member list changed (members or their order).
    pub tags: BTreeSet<String>,
    /// Days or papers were added or removed.
    pub structure: bool,
    pub removed_dates: Vec<NaiveDate>,
    pub removed_papers: Vec<String>,
    /// Slugs of tags that lost their last paper (their sizes before are in
    /// `tag_sizes_before`).
    pub removed_tags: Vec<String>,
    /// Changed tags' member counts before the update (for pages that disappear).
    pub tag_sizes_before: BTreeMap<String, usize>,
    /// Warnings the model has about the changed files.
    pub warnings: Diagnostics,
}

/// Why [`Live::update`] did not patch the model.
#[derive(Debug)]
pub enum NotPatched {
    /// The changed files give the model errors; nothing was changed.
    Errors(Diagnostics),
    /// A change the patch does not handle (a tag appears, disappears or is renamed, a
    /// paper is hidden or shown on days the change does not touch): build the model
    /// again from all digests. Nothing was changed.
    Rebuild(&'static str),
}

/// What `serve` keeps beside its model to patch it one changed file at a time: which
/// files name each id and date, the compiled tag rules, and each paper's tag names.
pub struct Live {
    matcher: std::sync::Arc<tagging::Matcher>,
    id_files: HashMap<String, BTreeSet<std::sync::Arc<std::path::Path>>>,
    date_files: BTreeMap<NaiveDate, BTreeSet<std::sync::Arc<std::path::Path>>>,
    /// Each paper's tag names, parallel to `Site::papers`.
    tag_names: Vec<BTreeSet<String>>,
    /// How many papers have each tag spelling.
    counts: BTreeMap<String, usize>,
    assigned: BTreeMap<String, (String, String)>,
}

impl Live {
    /// Builds the model from every digest (as [`build`] does, copying the long fields)
    /// and the index to patch it with.
    pub fn build(
        digests: &[Digest],
        config: &Config,
        matcher: std::sync::Arc<tagging::Matcher>,
    ) -> (Site, Diagnostics, Live) {
        let (site, diags, tag_names) = build_from(Digests::Borrowed(digests), config, &matcher);
        let mut live = Live {
            matcher,
            id_files: HashMap::new(),
            date_files: BTreeMap::new(),
            tag_names: tag_names.into_sets(),
            counts: BTreeMap::new(),
            assigned: BTreeMap::new(),
        };
        for d in digests {
            let path: std::sync::Arc<std::path::Path> = std::sync::Arc::from(d.path.as_path());
            live.add_keys(&path, &Keys::of(d, config));
        }
        for names in &live.tag_names {
            for n in names {
                *live.counts.entry(n.clone()).or_default() += 1;
            }
        }
        live.assigned = tagging::assign_slugs(&live.counts);
        (site, diags, live)
    }

    fn add_keys(&mut self, path: &std::sync::Arc<std::path::Path>, keys: &Keys) {
        for id in &keys.ids {
            self.id_files
                .entry(id.clone())
                .or_default()
                .insert(path.clone());
        }
        for date in &keys.dates {
            self.date_files
                .entry(*date)
                .or_default()
                .insert(path.clone());
        }
    }

    fn remove_keys(&mut self, path: &std::path::Path, keys: &Keys) {
        for id in &keys.ids {
            if let Some(set) = self.id_files.get_mut(id) {
                set.remove(path);
                if set.is_empty() {
                    self.id_files.remove(id);
                }
            }
        }
        for date in &keys.dates {
            if let Some(set) = self.date_files.get_mut(date) {
                set.remove(path);
                if set.is_empty() {
                    self.date_files.remove(date);
                }
            }
        }
    }

    /// Patches `site` for `changes`, given every digest after them (sorted by path).
    /// Only the digests that name a changed date or id are read again, so the cost
    /// follows the change, not the archive. On `Err` neither `site` nor `self` changed.
    pub fn update(
        &mut self,
        site: &mut Site,
        digests: &[Digest],
        changes: &[FileChange],
        config: &Config,
    ) -> Result<Update, NotPatched> {
        // What the change reaches: every date and id the changed files name, before or
        // after; and every file that names one of those (they are merged with it).
        let mut ids: BTreeSet<String> = BTreeSet::new();
        let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
        for c in changes {
            for k in c.before.iter().chain(&c.after) {
                ids.extend(k.ids.iter().cloned());
                dates.extend(k.dates.iter().copied());
            }
        }
        let changed_paths: BTreeSet<&std::path::Path> =
            changes.iter().map(|c| c.path.as_path()).collect();
        let mut paths: BTreeSet<&std::path::Path> = BTreeSet::new();
        for id in &ids {
            paths.extend(self.id_files.get(id).into_iter().flatten().map(|p| &**p));
        }
        for date in &dates {
            paths.extend(
                self.date_files
                    .get(date)
                    .into_iter()
                    .flatten()
                    .map(|p| &**p),
            );
        }
        paths.extend(changed_paths.iter().copied());
        let subset: Vec<&Digest> = paths
            .iter()
            .filter_map(|p| {
                digests
                    .binary_search_by(|d| d.path.as_path().cmp(p))
                    .ok()
                    .map(|i| &digests[i])
            })
            .collect();

        // The model of just those files: exact for the changed dates and ids.
        let Assembled {
            days: mini_days,
            papers: mut mini_papers,
            tag_names: mini_names,
            sources,
            diags,
        } = assemble(&subset, config, &self.matcher);
        let mut mini_days: BTreeMap<NaiveDate, Day> =
            mini_days.into_iter().map(|d| (d.date, d)).collect();
        let mini_names = mini_names.into_sets();
        if diags.has_errors() {
            let mut errors = Diagnostics::default();
            errors.extend(diags);
            return Err(NotPatched::Errors(errors));
        }
        let mut warnings = Diagnostics::default();
        for d in diags.items {
            if changed_paths.contains(d.path.as_path()) {
                warnings.push(d);
            }
        }
        let keep: Vec<bool> = mini_papers.iter().map(|p| ids.contains(&p.id)).collect();
        {
            // Long fields only for the papers taken over.
            let sources: Vec<Sources> = sources
                .into_iter()
                .zip(&keep)
                .map(|(s, &k)| if k { s } else { Sources::default() })
                .collect();
            copy_long_fields(&mut mini_papers, sources, &subset);
        }
        // Mini index -> id, for the days.
        let mini_ids: Vec<String> = mini_papers.iter().map(|p| p.id.clone()).collect();
        let mut fresh: BTreeMap<String, (Paper, BTreeSet<String>)> = BTreeMap::new();
        for ((paper, names), k) in mini_papers.into_iter().zip(mini_names).zip(keep) {
            if k {
                fresh.insert(paper.id.clone(), (paper, names));
            }
        }
        let find =
            |site: &Site, id: &str| site.papers.binary_search_by(|p| p.id.as_str().cmp(id)).ok();
        let old: BTreeMap<&str, usize> = ids
            .iter()
            .filter_map(|id| Some((id.as_str(), find(site, id)?)))
            .collect();

        // A paper hidden or shown on days the change does not touch: rebuild.
        for (id, &i) in &old {
            if !fresh.contains_key(*id) && site.papers[i].days.iter().any(|d| !dates.contains(d)) {
                return Err(NotPatched::Rebuild("a paper was hidden"));
            }
        }
        for (id, (p, _)) in &fresh {
            if !old.contains_key(id.as_str()) && p.days.iter().any(|d| !dates.contains(d)) {
                return Err(NotPatched::Rebuild("a hidden paper was shown"));
            }
        }

        // Tags: the same names must give the same tags, else rebuild.
        let mut counts = self.counts.clone();
        for &i in old.values() {
            for n in &self.tag_names[i] {
                if let Some(c) = counts.get_mut(n) {
                    *c -= 1;
                    if *c == 0 {
                        counts.remove(n);
                    }
                }
            }
        }
        for (_, names) in fresh.values() {
            for n in names {
                *counts.entry(n.clone()).or_default() += 1;
            }
        }
        let assigned = tagging::assign_slugs(&counts);
        // A tag shown under another name or slug is on pages no change list reaches;
        // new tags and tags that lost their last paper are patched in and out.
        if self
            .assigned
            .iter()
            .any(|(key, was)| assigned.get(key).is_some_and(|now| now != was))
        {
            return Err(NotPatched::Rebuild("a tag was renamed"));
        }
        let gone: BTreeSet<&str> = self
            .assigned
            .iter()
            .filter(|(key, _)| !assigned.contains_key(*key))
            .map(|(_, (_, slug))| slug.as_str())
            .collect();
        let mut added: Vec<(String, String)> = assigned
            .iter()
            .filter(|(key, _)| !self.assigned.contains_key(*key))
            .map(|(_, named)| named.clone())
            .collect();
        added.sort_by(|a, b| a.1.cmp(&b.1));
        // Tag indices from here on are those of the tag list with `added` merged in by
        // slug and `gone` left out; `site.tags` gets them once nothing can fail.
        // (slug, name, index in `site.tags` if the tag is not new)
        let mut merged: Vec<(String, String, Option<usize>)> = site
            .tags
            .iter()
            .enumerate()
            .filter(|(_, tag)| !gone.contains(tag.slug.as_str()))
            .map(|(t, tag)| (tag.slug.clone(), tag.name.clone(), Some(t)))
            .chain(
                added
                    .iter()
                    .map(|(name, slug)| (slug.clone(), name.clone(), None)),
            )
            .collect();
        merged.sort_by(|a, b| a.0.cmp(&b.0));
        let mut old_to_new: Vec<Option<usize>> = vec![None; site.tags.len()];
        for (t, m) in merged.iter().enumerate() {
            if let Some(old) = m.2 {
                old_to_new[old] = Some(t);
            }
        }
        let tag_of = |name: &String| -> Option<usize> {
            let slug = &assigned.get(&tagging::normalize(name))?.1;
            merged.binary_search_by(|m| m.0.cmp(slug)).ok()
        };
        let mut new_tags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (id, (_, names)) in &fresh {
            let mut set: BTreeSet<usize> = BTreeSet::new();
            for n in names {
                match tag_of(n) {
                    Some(t) => set.insert(t),
                    None => return Err(NotPatched::Rebuild("a tag has no slug")),
                };
            }
            let mut list: Vec<usize> = set.into_iter().collect();
            list.sort_by_key(|&t| merged[t].1.to_lowercase());
            new_tags.insert(id.clone(), list);
        }
        // Tags whose member list changes (members, or a member's place) and by how much.
        let mut touched: BTreeMap<usize, isize> = BTreeMap::new();
        for id in &ids {
            let before: Vec<usize> = old.get(id.as_str()).map_or_else(Vec::new, |&i| {
                // A tag that is gone has no page left to update.
                site.papers[i]
                    .tags
                    .iter()
                    .filter_map(|&t| old_to_new[t])
                    .collect()
            });
            let after: &[usize] = new_tags.get(id).map_or(&[], |v| v);
            let moved = match (old.get(id.as_str()), fresh.get(id)) {
                (Some(&i), Some((p, _))) => site.papers[i].last_day() != p.last_day(),
                _ => false,
            };
            for &t in &before {
                if !after.contains(&t) {
                    *touched.entry(t).or_default() -= 1;
                } else if moved {
                    touched.entry(t).or_default();
                }
            }
            for &t in after.iter().filter(|t| !before.contains(t)) {
                *touched.entry(t).or_default() += 1;
            }
        }
        for (&t, &delta) in &touched {
            let size = merged[t].2.map_or(0, |old| site.tags[old].papers.len());
            if size as isize + delta <= 0 {
                return Err(NotPatched::Rebuild("a tag lost its last paper"));
            }
        }

        // Nothing can fail from here on: patch.
        let mut update = Update {
            warnings,
            ..Update::default()
        };
        // Papers whose page would come out the same are left alone (their tags
        // compared in the new index space, before `site.tags` moves to it).
        for (id, (p, _)) in &fresh {
            let same = old.get(id.as_str()).is_some_and(|&i| {
                let before = &site.papers[i];
                before
                    .tags
                    .iter()
                    .map(|&t| old_to_new[t])
                    .eq(new_tags[id].iter().map(|&t| Some(t)))
                    && before.id == p.id
                    && before.title == p.title
                    && before.authors == p.authors
                    && before.summary == p.summary
                    && before.gist == p.gist
                    && before.abstract_ == p.abstract_
                    && before.note == p.note
                    && before.days == p.days
            });
            if !same {
                update.papers.insert(id.clone());
                update.dates.extend(p.days.iter().copied());
                if let Some(&i) = old.get(id.as_str()) {
                    update.dates.extend(site.papers[i].days.iter().copied());
                }
            }
        }
        if !added.is_empty() || !gone.is_empty() {
            // Tags that come or go are pages, feeds and sitemap entries that come or go.
            update.structure = true;
            for tag in site.tags.iter().filter(|t| gone.contains(t.slug.as_str())) {
                update.removed_tags.push(tag.slug.clone());
                update
                    .tag_sizes_before
                    .insert(tag.slug.clone(), tag.papers.len());
            }
            let mut old_tags: Vec<Option<Tag>> = std::mem::take(&mut site.tags)
                .into_iter()
                .map(Some)
                .collect();
            site.tags = merged
                .into_iter()
                .map(|(slug, name, old)| {
                    old.and_then(|t| old_tags[t].take()).unwrap_or(Tag {
                        name,
                        slug,
                        papers: Vec::new(),
                    })
                })
                .collect();
            for paper in &mut site.papers {
                // Only changed papers had a tag that is gone; they get new tags below.
                paper.tags = paper.tags.iter().filter_map(|&t| old_to_new[t]).collect();
            }
        }
        for &t in touched.keys() {
            update
                .tag_sizes_before
                .insert(site.tags[t].slug.clone(), site.tags[t].papers.len());
            update.tags.insert(site.tags[t].slug.clone());
        }
        for (id, &i) in &old {
            if !fresh.contains_key(*id) {
                update.dates.extend(site.papers[i].days.iter().copied());
            }
        }
        update.removed_papers = old
            .keys()
            .filter(|id| !fresh.contains_key(**id))
            .map(|id| id.to_string())
            .collect();
        let inserted: Vec<String> = fresh
            .keys()
            .filter(|id| !old.contains_key(id.as_str()))
            .cloned()
            .collect();
        let old_index: BTreeMap<String, usize> =
            old.iter().map(|(id, &i)| (id.to_string(), i)).collect();
        drop(old);

        let fresh_ids: Vec<String> = fresh.keys().cloned().collect();
        // Papers: remove and insert, keeping `Site::papers` sorted by id.
        if !update.removed_papers.is_empty() || !inserted.is_empty() {
            update.structure = true;
            let removed: BTreeSet<usize> = update
                .removed_papers
                .iter()
                .map(|id| old_index[id])
                .collect();
            let appends = removed.is_empty()
                && site
                    .papers
                    .last()
                    .is_none_or(|last| inserted.iter().all(|id| *id > last.id));
            if appends {
                for id in &inserted {
                    if let Some((p, names)) = fresh.remove(id) {
                        site.papers.push(p);
                        self.tag_names.push(names);
                    }
                }
            } else {
                let old_papers = std::mem::take(&mut site.papers);
                let old_names = std::mem::take(&mut self.tag_names);
                let mut remap = vec![usize::MAX; old_papers.len()];
                let mut adds = inserted.iter().peekable();
                let mut add = |id: &String, site: &mut Site, names: &mut Vec<BTreeSet<String>>| {
                    if let Some((p, n)) = fresh.remove(id) {
                        site.papers.push(p);
                        names.push(n);
                    }
                };
                for (i, (p, names)) in old_papers.into_iter().zip(old_names).enumerate() {
                    while let Some(id) = adds.next_if(|id| **id < p.id) {
                        add(id, site, &mut self.tag_names);
                    }
                    if !removed.contains(&i) {
                        remap[i] = site.papers.len();
                        site.papers.push(p);
                        self.tag_names.push(names);
                    }
                }
                for id in adds {
                    add(id, site, &mut self.tag_names);
                }
                let apply = |list: &mut Vec<usize>| {
                    list.retain(|&p| remap[p] != usize::MAX);
                    for p in list.iter_mut() {
                        *p = remap[*p];
                    }
                };
                for day in &mut site.days {
                    apply(&mut day.papers);
                }
                for tag in &mut site.tags {
                    apply(&mut tag.papers);
                }
            }
        }
        // Changed papers' data, tag names and tags.
        for (id, (p, names)) in fresh {
            if let Some(i) = find(site, &id) {
                site.papers[i] = p;
                self.tag_names[i] = names;
            }
        }
        let changed_index: BTreeSet<usize> =
            fresh_ids.iter().filter_map(|id| find(site, id)).collect();
        for &i in &changed_index {
            site.papers[i].tags = new_tags
                .get(&site.papers[i].id)
                .cloned()
                .unwrap_or_default();
        }
        // Tag member lists: drop the changed papers, insert them where they now belong.
        {
            let papers = &site.papers;
            let key = |p: usize| {
                (
                    std::cmp::Reverse(papers[p].last_day()),
                    papers[p].id.as_str(),
                )
            };
            for &t in touched.keys() {
                let list = &mut site.tags[t].papers;
                list.retain(|p| !changed_index.contains(p));
                for &i in &changed_index {
                    if papers[i].tags.contains(&t) {
                        let at = list.partition_point(|&q| key(q) < key(i));
                        list.insert(at, i);
                    }
                }
            }
        }
        // Days: the changed dates from the small model, paper indices mapped by id.
        for date in &dates {
            let slot = site.days.binary_search_by(|d| d.date.cmp(date));
            let day = mini_days.remove(date).and_then(|mut day| {
                day.papers = day
                    .papers
                    .iter()
                    .filter_map(|&m| find(site, &mini_ids[m]))
                    .collect();
                (!day.papers.is_empty() || !day.links.is_empty()).then_some(day)
            });
            match (slot, day) {
                (Ok(i), Some(day)) => {
                    if site.days[i] != day {
                        update.dates.insert(*date);
                        site.days[i] = day;
                    }
                }
                (Ok(i), None) => {
                    site.days.remove(i);
                    update.dates.insert(*date);
                    update.removed_dates.push(*date);
                    update.structure = true;
                }
                (Err(i), Some(day)) => {
                    update.dates.insert(*date);
                    site.days.insert(i, day);
                    update.structure = true;
                }
                (Err(_), None) => {}
            }
        }
        // The index follows the files.
        for c in changes {
            if let Some(k) = &c.before {
                self.remove_keys(&c.path, k);
            }
            if let Some(k) = &c.after {
                let path: std::sync::Arc<std::path::Path> = std::sync::Arc::from(c.path.as_path());
                self.add_keys(&path, k);
            }
        }
        self.counts = counts;
        self.assigned = assigned;
        Ok(update)
    }
}

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
/// per render of many pages (0.03% of a 3650-day build's CPU samples).
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

/// Paper indices in the order of every tag's list: newest last day first, then by id.
/// Papers are in id order, so a stable sort by last day alone gives it.
fn tag_list_order(papers: &[Paper]) -> Vec<usize> {
    let last: Vec<NaiveDate> = papers.iter().map(Paper::last_day).collect();
    let mut order: Vec<usize> = (0..papers.len()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(last[p]));
    order
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

    /// Pseudo-random numbers (xorshift) for the generated inputs below.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn chance(&mut self, percent: u64) -> bool {
            self.next() % 100 < percent
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }

        fn some_of(&mut self, from: &[&str], most: usize) -> Vec<String> {
            (0..self.below(most + 1))
                .map(|_| self.pick(from).to_string())
                .collect()
        }
    }

    /// Digests made to meet every case the model handles: ids listed twice in a
    /// section, on several days and in several files, with clashing titles; lines out
    /// of order; tag names that differ in case and spacing or slug alike; overrides
    /// that hide, retitle, retag, or name ids nobody lists; drafts; missing dates.
    fn random_digests(seed: u64) -> Vec<Digest> {
        use crate::content::{FrontMatter, PaperOverride, Section};
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        // Ids of several lengths, some a prefix of another, one past 16 bytes.
        let ids = [
            "2501.00001",
            "2501.00002",
            "2501.0001",
            "2501.00010",
            "2501.000011",
            "2412.99999",
            "2501.00001v2-and-more",
            "2502.12345",
            "2502.12346",
            "1999.00001",
            "2501.00003",
            "2501.00004",
        ];
        let override_ids = [
            "2501.00001",
            "2501.00002",
            "2501.0001",
            "2502.12345",
            "2599.99999",
            "garbage",
            "arXiv:2501.00003v4",
        ];
        let titles = [
            "Alpha Beta",
            "alpha beta!",
            "Alpha  Beta",
            "Gamma",
            "Agents for reinforcement learning",
            "",
        ];
        let tags = [
            "LLM",
            "llm",
            " LLM ",
            "Large  Language Models",
            "large language models",
            "C++",
            "C",
            "c--",
            "",
            "  ",
            "Zeta",
            "alpha",
            "Alpha",
            "Émile",
            "émile",
        ];
        let texts = [
            "We train agents. With reinforcement learning and much more text after it.",
            "A diffusion model for images, evaluated on a benchmark of many tasks. Then more.",
            "Short.",
            "LLM agents plan; a language model writes code for them in this long sentence.",
        ];
        let dates: Vec<NaiveDate> = (0..6)
            .map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d))
            .collect();
        let date = |rng: &mut Rng| dates[rng.below(dates.len())];
        let markup = |rng: &mut Rng| {
            rng.chance(60).then(|| {
                let text = rng.pick(&texts).to_string();
                Markup {
                    html: format!("<p>{text}</p>"),
                    text,
                }
            })
        };
        let formats = [Format::Table, Format::FeedDump, Format::Native];
        (0..1 + rng.below(10))
            .map(|f| {
                let mut papers = BTreeMap::new();
                for _ in 0..rng.below(3) {
                    papers.insert(
                        rng.pick(&override_ids).to_string(),
                        PaperOverride {
                            tags: rng.some_of(&tags, 2),
                            hidden: rng.chance(30),
                            note: rng.chance(30).then(|| "a *note*".to_string()),
                            title: rng.chance(30).then(|| " Fixed   title ".to_string()),
                            authors: rng.chance(30).then(|| vec!["Someone".to_string()]),
                        },
                    );
                }
                let front = FrontMatter {
                    date: rng.chance(30).then(|| date(&mut rng)),
                    title: rng.chance(50).then(|| format!("Title {f}")),
                    description: rng.chance(50).then(|| format!("About {f}")),
                    tags: rng.some_of(&tags, 2),
                    draft: rng.chance(10),
                    format: None,
                    papers,
                };
                let sections = (0..rng.below(4))
                    .map(|_| Section {
                        date: rng.chance(70).then(|| date(&mut rng)),
                        line: 1 + rng.below(50),
                        entries: (0..rng.below(8))
                            .map(|_| Entry {
                                line: 1 + rng.below(60),
                                format: formats[rng.below(3)],
                                title: rng.pick(&titles).to_string(),
                                arxiv_id: rng.chance(85).then(|| rng.pick(&ids).to_string()),
                                url: rng.chance(50).then(|| "https://example.org/".to_string()),
                                authors: rng.some_of(&["Ann", "Bob", "Cy"], 2),
                                summary: markup(&mut rng),
                                gist: markup(&mut rng),
                                abstract_: markup(&mut rng),
                                tags: rng.some_of(&tags, 2),
                            })
                            .collect(),
                    })
                    .collect();
                Digest {
                    path: PathBuf::from(format!("content/{f:02}.md")),
                    front,
                    front_date_line: 2,
                    path_date: rng.chance(60).then(|| date(&mut rng)),
                    sections,
                }
            })
            .collect()
    }

    fn tag_fields(site: &Site) -> Vec<(&str, &str, &[usize])> {
        site.tags
            .iter()
            .map(|t| (t.name.as_str(), t.slug.as_str(), t.papers.as_slice()))
            .collect()
    }

    /// [`first_sentence`] as first written.
    fn first_sentence_by_match_indices(text: &str) -> &str {
        text.match_indices(". ")
            .map(|(i, _)| i + 1)
            .find(|&i| i >= 40)
            .map_or(text, |i| &text[..i])
    }

    #[test]
    fn first_sentence_at_the_edges() {
        let a38 = "a".repeat(38);
        for text in [
            String::new(),
            ". ".to_string(),
            format!("{a38}. x. y"),
            format!("{a38}a. x. y"),
            format!("{a38}aa. x. y"),
            format!("{a38}é. x"),
            format!("{a38}.. . x"),
            format!("{a38}a."),
        ] {
            assert_eq!(
                first_sentence(&text),
                first_sentence_by_match_indices(&text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn first_sentence_is_what_match_indices_found(text in "[a. é]{0,90}") {
            proptest::prop_assert_eq!(
                first_sentence(&text),
                first_sentence_by_match_indices(&text)
            );
        }

        /// Ids sorted by (prefix key, id) are sorted: tried on strings that share
        /// long prefixes, hold NUL bytes, and run past 16 bytes.
        #[test]
        fn prefix_keys_order_strings_as_strings(
            mut ids in proptest::collection::vec("[0\\x00a.]{0,20}", 0..40),
        ) {
            let mut want = ids.clone();
            want.sort();
            ids.sort_by(|a, b| prefix_key(a).cmp(&prefix_key(b)).then_with(|| a.cmp(b)));
            proptest::prop_assert_eq!(ids, want);
        }
    }

    #[test]
    fn model_is_what_the_first_build_made() {
        let plain = Config::default();
        let mut spaced = Config {
            drafts: true,
            ..Config::default()
        };
        spaced.tag_rules.push(crate::config::TagRule {
            tag: "  Large   Language Models ".into(),
            keywords: vec!["language model".into(), "LLM*".into()],
        });
        let mut listed = 0;
        for seed in 0..400 {
            let digests = random_digests(seed);
            let config = if seed % 2 == 0 { &plain } else { &spaced };
            let matcher = tagging::Matcher::new(&config.tag_rules);
            let (want, want_diags, want_names) = reference::build_from(&digests, config, &matcher);
            let (site, diags, names) = build_from(Digests::Borrowed(&digests), config, &matcher);
            assert_eq!(site.days, want.days, "seed {seed}");
            assert_eq!(site.papers, want.papers, "seed {seed}");
            assert_eq!(tag_fields(&site), tag_fields(&want), "seed {seed}");
            assert_eq!(diags, want_diags, "seed {seed}");
            assert_eq!(names.into_sets(), want_names, "seed {seed}");
            let (owned, owned_diags, _) =
                build_from(Digests::Owned(digests.clone()), config, &matcher);
            assert_eq!(owned.days, want.days, "seed {seed}");
            assert_eq!(owned.papers, want.papers, "seed {seed}");
            assert_eq!(tag_fields(&owned), tag_fields(&want), "seed {seed}");
            assert_eq!(owned_diags, want_diags, "seed {seed}");
            listed += want.papers.len();
        }
        assert!(listed > 2000, "only {listed} papers in all");
    }

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
