//! The site model: papers keyed by arXiv id, days, and tags, built from parsed digests.
//!
//! This is where entries from different files and formats meet. The same id on one day
//! in a table and in a feed dump becomes one paper with the best field from each; the
//! same id on a later day adds that day to the paper. Renderers only read this model.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{Digest, Entry, Format, Markup, markup};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::tagging;

#[derive(Debug, Clone)]
pub struct Site {
    /// Ascending by date.
    pub days: Vec<Day>,
    /// Ascending by id. Hidden papers are not here.
    pub papers: Vec<Paper>,
    /// Ascending by slug.
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone)]
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

#[derive(Debug, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub summary: Option<Markup>,
}

#[derive(Debug, Clone)]
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
struct Appearance<'a> {
    date: NaiveDate,
    file: usize,
    /// Where `entry` is: section and entry index in `digests[file]`.
    at: (usize, usize),
    entry: &'a Entry,
    day_tags: &'a [String],
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
    build_from(digests.into(), config)
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

fn build_from(store: Digests, config: &Config) -> (Site, Diagnostics) {
    let digests: &[Digest] = match &store {
        Digests::Owned(v) => v,
        Digests::Borrowed(v) => v,
    };
    let mut diags = Diagnostics::default();
    let mut appearances: BTreeMap<&str, Vec<Appearance>> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    let mut overrides: BTreeMap<String, Vec<(usize, &crate::content::PaperOverride)>> =
        BTreeMap::new();

    for (file, digest) in digests.iter().enumerate() {
        if digest.front.draft && !config.drafts {
            continue;
        }
        for (id, o) in &digest.front.papers {
            match crate::content::arxiv::parse_bare(id) {
                Some(norm) => overrides.entry(norm).or_default().push((file, o)),
                None => diags.push(Diagnostic::error(
                    &digest.path,
                    1,
                    format!("front matter: `papers.\"{id}\"` is not an arXiv id like 2507.02592"),
                )),
            }
        }
        for (section_index, section) in digest.sections.iter().enumerate() {
            let date = match resolve_date(digest, section, &mut diags) {
                Some(d) => d,
                None => continue,
            };
            let day = days.entry(date).or_insert_with(|| Day {
                date,
                title: None,
                description: None,
                papers: Vec::new(),
                links: Vec::new(),
                sources: Vec::new(),
            });
            if day.title.is_none() {
                day.title = digest.front.title.clone();
            }
            if day.description.is_none() {
                day.description = digest.front.description.clone();
            }
            if !day.sources.contains(&digest.path) {
                day.sources.push(digest.path.clone());
            }
            let mut seen_here: HashMap<&str, usize> = HashMap::new();
            for (entry_index, entry) in section.entries.iter().enumerate() {
                match &entry.arxiv_id {
                    Some(id) => {
                        if let Some(first) = seen_here.insert(id, entry.line) {
                            diags.push(Diagnostic::warning(
                                &digest.path,
                                entry.line,
                                format!("{id} is listed twice on {date} (first on line {first}); the entries are merged"),
                            ));
                        }
                        appearances.entry(id).or_default().push(Appearance {
                            date,
                            file,
                            at: (section_index, entry_index),
                            entry,
                            day_tags: &digest.front.tags,
                        });
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

    check_title_conflicts(digests, &appearances, &mut diags);

    let hidden: BTreeSet<&str> = overrides
        .iter()
        .filter(|(_, os)| os.iter().any(|(_, o)| o.hidden))
        .map(|(id, _)| id.as_str())
        .collect();
    for id in overrides.keys() {
        if !appearances.contains_key(id.as_str()) {
            let (file, _) = overrides[id][0];
            diags.push(Diagnostic::warning(
                &digests[file].path,
                1,
                format!("front matter overrides {id}, which no digest lists"),
            ));
        }
    }

    let matcher = tagging::Matcher::new(&config.tag_rules);
    let mut papers: Vec<Paper> = Vec::new();
    let mut paper_tag_names: Vec<BTreeSet<String>> = Vec::new();
    let mut sources: Vec<Sources> = Vec::new();
    for (id, apps) in &appearances {
        if hidden.contains(id) {
            continue;
        }
        let (paper, tags, from) = merge_paper(id, apps, overrides.get(*id), &matcher);
        papers.push(paper);
        paper_tag_names.push(tags);
        sources.push(from);
    }

    let index: HashMap<&str, usize> = papers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for (id, apps) in &appearances {
        let Some(&i) = index.get(id) else { continue };
        let mut dates: Vec<NaiveDate> = apps.iter().map(|a| a.date).collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            if let Some(day) = days.get_mut(&date) {
                day.papers.push(i);
            }
        }
    }
    // Papers in digest order: by file, then line, of their first entry that day.
    let position: HashMap<(NaiveDate, usize), (usize, usize)> = appearances
        .iter()
        .filter_map(|(id, apps)| Some((index.get(id)?, apps)))
        .flat_map(|(&i, apps)| {
            apps.iter()
                .map(move |a| ((a.date, i), (a.file, a.entry.line)))
        })
        .fold(HashMap::new(), |mut m, (k, v)| {
            m.entry(k)
                .and_modify(|old: &mut (usize, usize)| *old = (*old).min(v))
                .or_insert(v);
            m
        });
    for day in days.values_mut() {
        day.papers.sort_by_key(|&i| position[&(day.date, i)]);
    }
    drop(position);
    drop(index);
    drop(hidden);
    drop(overrides);
    drop(appearances);
    // Nothing borrows the digests any more: move (or copy) the long fields in.
    match store {
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
        }
        Digests::Borrowed(digests) => {
            for (paper, from) in papers.iter_mut().zip(sources) {
                let copy = |at: Option<(usize, usize, usize)>,
                            field: fn(&Entry) -> &Option<Markup>| {
                    let (f, s, e) = at?;
                    field(&digests[f].sections[s].entries[e]).clone()
                };
                paper.summary = copy(from.summary, |e| &e.summary);
                paper.gist = copy(from.gist, |e| &e.gist);
                paper.abstract_ = copy(from.abstract_, |e| &e.abstract_);
            }
        }
    }

    let tags = build_tags(&mut papers, &paper_tag_names);
    let days: Vec<Day> = days
        .into_values()
        .filter(|d| !d.papers.is_empty() || !d.links.is_empty())
        .collect();
    (Site { days, papers, tags }, diags)
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
            diags.push(Diagnostic::warning(
                &digest.path,
                section.line,
                format!("heading says {heading} but front matter says {date}; using {date}"),
            ));
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
        ));
    }
    None
}

/// The same id with two different titles on one day means two rows were mixed up.
fn check_title_conflicts(
    digests: &[Digest],
    appearances: &BTreeMap<&str, Vec<Appearance>>,
    diags: &mut Diagnostics,
) {
    for (id, apps) in appearances {
        for (i, a) in apps.iter().enumerate() {
            let Some(b) = apps[..i].iter().find(|b| b.date == a.date) else {
                continue;
            };
            if title_key(&a.entry.title) != title_key(&b.entry.title) {
                diags.push(Diagnostic::error(
                    &digests[a.file].path,
                    a.entry.line,
                    format!(
                        "{id} is titled `{}` here but `{}` at {}:{} on the same day",
                        a.entry.title,
                        b.entry.title,
                        crate::diagnostic::display_path(&digests[b.file].path),
                        b.entry.line
                    ),
                ));
            }
        }
    }
}

fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Chooses each field from the appearance best placed to know it: the table's bot
/// writes authors and long summaries, the feed carries gist and abstract. Ties go to
/// the earliest day, then file order. Front matter overrides beat both.
fn merge_paper(
    id: &str,
    apps: &[Appearance],
    overrides: Option<&Vec<(usize, &crate::content::PaperOverride)>>,
    matcher: &tagging::Matcher,
) -> (Paper, BTreeSet<String>, Sources) {
    // Hand-written entries beat both bots; then the bot that knows the field best.
    let rank = |format: Format, prefer: Format| match format {
        Format::Native => 0,
        f if f == prefer => 1,
        _ => 2,
    };
    let best_app = |prefer: Format, pick: &dyn Fn(&Entry) -> bool| -> Option<&Appearance> {
        apps.iter()
            .filter(|a| pick(a.entry))
            .min_by_key(|a| (rank(a.entry.format, prefer), a.date, a.file, a.entry.line))
    };
    let best = |prefer: Format, pick: &dyn Fn(&Entry) -> bool| -> Option<&Entry> {
        best_app(prefer, pick).map(|a| a.entry)
    };
    let loc = |a: &Appearance| (a.file, a.at.0, a.at.1);
    let title =
        best(Format::Table, &|e| !e.title.is_empty()).map_or_else(String::new, |e| e.title.clone());
    let authors = best(Format::Table, &|e| !e.authors.is_empty())
        .map_or_else(Vec::new, |e| e.authors.clone());
    // The long fields are moved in by the caller; here only where they are is noted.
    let summary = best_app(Format::Table, &|e| e.summary.is_some());
    let gist = best_app(Format::FeedDump, &|e| e.gist.is_some());
    let abstract_ = best_app(Format::FeedDump, &|e| e.abstract_.is_some());
    let brief = gist
        .and_then(|a| a.entry.gist.as_ref())
        .or(summary.and_then(|a| a.entry.summary.as_ref()))
        .or(abstract_.and_then(|a| a.entry.abstract_.as_ref()));
    let from = Sources {
        summary: summary.map(loc),
        gist: gist.map(loc),
        abstract_: abstract_.map(loc),
    };
    let mut days: Vec<NaiveDate> = apps.iter().map(|a| a.date).collect();
    days.sort();
    days.dedup();

    let mut paper = Paper {
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
    let mut tags: BTreeSet<String> = BTreeSet::new();
    for a in apps {
        tags.extend(a.entry.tags.iter().cloned());
        tags.extend(a.day_tags.iter().cloned());
    }
    for (_, o) in overrides.into_iter().flatten() {
        if let Some(t) = &o.title {
            paper.title = markup::collapse_whitespace(t);
        }
        if let Some(a) = &o.authors {
            paper.authors = a.clone();
        }
        if let Some(n) = &o.note {
            paper.note = Some(markup::block(n));
        }
        tags.extend(o.tags.iter().cloned());
    }
    tags.extend(
        matcher
            .tags_for(&rule_text(&paper.title, brief))
            .into_iter()
            .map(str::to_string),
    );
    let tags = tags
        .into_iter()
        .map(|t| markup::collapse_whitespace(&t))
        .filter(|t| !t.is_empty())
        .collect();
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

fn first_sentence(text: &str) -> &str {
    text.match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i >= 40)
        .map_or(text, |i| &text[..i])
}

fn build_tags(papers: &mut [Paper], names: &[BTreeSet<String>]) -> Vec<Tag> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for set in names {
        for n in set {
            *counts.entry(n.clone()).or_default() += 1;
        }
    }
    let assigned = tagging::assign_slugs(&counts);
    let mut by_slug: BTreeMap<&str, (&str, Vec<usize>)> = BTreeMap::new();
    for (display, slug) in assigned.values() {
        by_slug.insert(slug, (display, Vec::new()));
    }
    for (i, set) in names.iter().enumerate() {
        let slugs: BTreeSet<&str> = set
            .iter()
            .map(|n| assigned[&tagging::normalize(n)].1.as_str())
            .collect();
        for s in slugs {
            if let Some(entry) = by_slug.get_mut(s) {
                entry.1.push(i);
            }
        }
    }
    let mut tags: Vec<Tag> = by_slug
        .into_iter()
        .map(|(slug, (name, mut members))| {
            members.sort_by(|&a, &b| {
                papers[b]
                    .last_day()
                    .cmp(&papers[a].last_day())
                    .then_with(|| papers[a].id.cmp(&papers[b].id))
            });
            Tag {
                name: name.to_string(),
                slug: slug.to_string(),
                papers: members,
            }
        })
        .collect();
    tags.retain(|t| !t.papers.is_empty());
    for (t, tag) in tags.iter().enumerate() {
        for &p in &tag.papers {
            papers[p].tags.push(t);
        }
    }
    for p in papers.iter_mut() {
        let tag_names: Vec<String> = p
            .tags
            .iter()
            .map(|&t| tags[t].name.to_lowercase())
            .collect();
        let mut order: Vec<usize> = (0..p.tags.len()).collect();
        order.sort_by(|&a, &b| tag_names[a].cmp(&tag_names[b]));
        p.tags = order.into_iter().map(|k| p.tags[k]).collect();
    }
    tags
}
