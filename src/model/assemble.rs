//! Building the model: every digest's entries merged into days and papers.

use std::collections::BTreeMap;

use ahash::AHashMap;
use chrono::NaiveDate;

use super::dating::{resolve_date, stamps_date};
use super::tags::{NameTable, TagNames, TagNumbers, build_tags};
pub(super) use super::title_conflict::{Refiled, title_conflict};
use super::{Day, Link, Paper, Site};
use crate::config::Config;
pub(super) use crate::content::words::is_mostly_cjk;
use crate::content::{Digest, Entry, Format, Markup, lint, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::tagging;

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

/// Where a paper's long fields are, so they can be moved out of the digests instead of
/// copied (an archive's summaries are most of its memory): file, section, entry.
#[derive(Default)]
pub(super) struct LongFieldsAt {
    summary: Option<(usize, usize, usize)>,
    /// The summary of the same day in the other script (a bot writing an English and
    /// a Chinese file), and that entry's title: both languages are kept.
    other_language: Option<((usize, usize, usize), String)>,
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
pub(super) struct Assembled {
    /// Ascending by date, days without papers or links included.
    pub(super) days: Vec<Day>,
    pub(super) papers: Vec<Paper>,
    /// Each paper's tag names, parallel to `papers`.
    pub(super) tag_names: TagNames,
    pub(super) sources: Vec<LongFieldsAt>,
    pub(super) diags: Diagnostics,
}

/// The model and each paper's tag names (parallel to `site.papers`).
pub(super) fn build_from(
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
    } = assemble(&refs, config, matcher, stamps_date(&refs, config));
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
                if let Some((at, title)) = from.other_language {
                    let other = take(Some(at), |e| &mut e.summary);
                    paper.summary = join_languages(paper.summary.take(), other, &title);
                }
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
    super::code::settle(&mut papers);
    (Site { days, papers, tags }, diags, tag_names)
}

/// A summary followed by the same paper's summary in another language, under the title
/// that file gave it.
fn join_languages(main: Option<Markup>, other: Option<Markup>, title: &str) -> Option<Markup> {
    let Some(other) = other else { return main };
    let Some(main) = main else { return Some(other) };
    let heading = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(Markup {
        html: format!(
            "{}\n<p><strong>{heading}</strong></p>\n{}",
            main.html, other.html
        ),
        text: format!("{} {title} {}", main.text, other.text),
        math_errors: [main.math_errors, other.math_errors].concat(),
    })
}

pub(super) fn copy_long_fields(
    papers: &mut [Paper],
    sources: Vec<LongFieldsAt>,
    digests: &[&Digest],
) {
    for (paper, from) in papers.iter_mut().zip(sources) {
        let copy = |at: Option<(usize, usize, usize)>, field: fn(&Entry) -> &Option<Markup>| {
            let (f, s, e) = at?;
            field(&digests[f].sections[s].entries[e]).clone()
        };
        paper.summary = copy(from.summary, |e| &e.summary);
        if let Some((at, title)) = from.other_language {
            let other = copy(Some(at), |e| &e.summary);
            paper.summary = join_languages(paper.summary.take(), other, &title);
        }
        paper.gist = copy(from.gist, |e| &e.gist);
        paper.abstract_ = copy(from.abstract_, |e| &e.abstract_);
    }
}

/// Merges the digests' entries into days and papers (long fields and tags left out).
/// `stamps`: whether papers' own date lines date them ([`stamps_date`] of the whole
/// site, which `digests` may be a part of).
pub(super) fn assemble<'a>(
    digests: &[&'a Digest],
    config: &Config,
    matcher: &'a tagging::Matcher,
    stamps: bool,
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
    // Per paper, where it was last listed: (section number, day, format, file, line).
    // The same paper twice in one section, or twice on one day in files of one layout
    // (a topic file and the day's file of one bot), is a duplicate; a table and a feed
    // dump of the same day are two bots whose fields merge.
    let mut last_listed: Vec<LastListed<'_>> = Vec::with_capacity(entries);
    let mut sections = 0;
    // Days in the order first seen; `day_at` gives their place by date.
    let mut days: Vec<Day> = Vec::new();
    let mut day_at: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut overrides: BTreeMap<String, Vec<(usize, &crate::content::PaperOverride)>> =
        BTreeMap::new();
    let mut table = NameTable::new();
    let rules = matcher.tag_names().iter().map(|t| table.add(t)).collect();
    let mut file_tags = vec![Vec::new(); digests.len()];

    let mut relisted = super::relisted::Relisted::default();
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
            let date = match resolve_date(digest, section, stamps, &mut diags) {
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
                            last_listed.push((0, usize::MAX, Format::Native, 0, 0, &[]));
                            ids_by_number.len() - 1
                        });
                        let (section_was, day_was, format_was, file_was, first, tags_were) =
                            last_listed[n];
                        if section_was == sections && !filed_apart(tags_were, &entry.tags) {
                            diags.push(Diagnostic::warning(
                                &digest.path,
                                entry.line,
                                format!("{id} is listed twice on {date} (first on line {first}); the entries are merged"),
                            ).kind(Kind::DuplicateEntry));
                        } else if day_was == day_index
                            && format_was == entry.format
                            && file_was != file
                        {
                            relisted.note(id, date, entry.line, file_was, first);
                        }
                        last_listed[n] = (
                            sections,
                            day_index,
                            entry.format,
                            file,
                            entry.line,
                            &entry.tags,
                        );
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
                    None => day.links.push(Link::of(entry)),
                }
            }
        }
        if let Some(warning) = relisted.take_warning(digests, file) {
            diags.push(warning);
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

/// The same id with two different titles on one day means two rows were mixed up.
fn check_title_conflicts(digests: &[&Digest], listed: &Listed, diags: &mut Diagnostics) {
    let mut refiled = Refiled::default();
    for (g, id) in listed.ids.iter().enumerate() {
        let apps = listed.apps(g);
        for (i, a) in apps.iter().enumerate() {
            let Some(b) = apps[..i].iter().find(|b| b.date == a.date) else {
                continue;
            };
            let (x, y) = (&a.entry.title, &b.entry.title);
            // A title in another script is the paper's translation, not a mix-up.
            if x != y
                && !title_key(x).eq(title_key(y))
                && is_mostly_cjk(x) == is_mostly_cjk(y)
                && !refiled.take(id, (a.file, a.entry), (b.file, b.entry))
            {
                diags.push(title_conflict(
                    digests,
                    id,
                    (a.file, a.entry),
                    (b.file, b.entry),
                ));
            }
        }
    }
    for warning in refiled.warnings(digests) {
        diags.push(warning);
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
pub(super) type Seen<'e> = (NaiveDate, usize, (usize, usize), &'e Entry);

/// A paper's fields, each from the appearance best placed to know it: the table's bot
/// writes authors and long summaries, the feed carries gist and abstract. Ties go to
/// the earliest day, then file order. Returns the paper without tags, long fields (the
/// caller moves them in from where [`LongFieldsAt`] says) or overrides, and its [`Brief`].
pub(super) fn choose_fields<'e, A>(
    id: &str,
    apps: &[A],
    seen: impl Fn(&A) -> Seen<'e>,
) -> (Paper, LongFieldsAt, Brief<'e>) {
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
    // A field that only says it was not reported is not the paper's text.
    let says = |m: &Option<Markup>| m.as_ref().is_some_and(|m| !lint::says_nothing(&m.text));
    let summary = best_app(Format::Table, &|e| says(&e.summary));
    let gist = best_app(Format::FeedDump, &|e| says(&e.gist));
    let abstract_ = best_app(Format::FeedDump, &|e| says(&e.abstract_));
    let brief = [
        gist.and_then(|(_, _, _, e)| e.gist.as_ref()),
        summary.and_then(|(_, _, _, e)| e.summary.as_ref()),
        abstract_.and_then(|(_, _, _, e)| e.abstract_.as_ref()),
    ];
    // Only a paper listed twice on one day can have a second language.
    let other_language = summary
        .filter(|_| apps.len() > 1)
        .and_then(|(date, _, _, chosen)| {
            let cjk = chosen
                .summary
                .as_ref()
                .is_some_and(|m| is_mostly_cjk(&m.text));
            apps.iter().map(&seen).find(|&(d, _, _, e)| {
                d == date
                    && e.summary
                        .as_ref()
                        .is_some_and(|m| !m.is_empty() && is_mostly_cjk(&m.text) != cjk)
            })
        });
    let from = LongFieldsAt {
        summary: summary.map(loc),
        other_language: other_language.map(|app| (loc(app), app.3.title.clone())),
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
        code: None,
        code_candidates: super::code::candidates(apps.iter().map(&seen), &brief),
        tags: Vec::new(),
        days,
    };
    (paper, from, brief)
}

/// Front matter's corrections of a paper (title, authors, note), which beat every
/// digest; their tags are the caller's to add.
pub(super) fn apply_overrides<'o>(
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
/// as numbers of [`TagNumbers`], strongest first (see [`super::tags::strongest_first`]).
fn merge_paper(
    id: &str,
    apps: &[Appearance],
    overrides: Option<&Vec<(usize, &crate::content::PaperOverride)>>,
    matcher: &tagging::Matcher,
    numbers: &TagNumbers,
) -> (Paper, Vec<usize>, LongFieldsAt) {
    let (mut paper, from, brief) = choose_fields(id, apps, |a| (a.date, a.file, a.at, a.entry));
    let overrides = overrides.into_iter().flatten().map(|&(_, o)| o);
    apply_overrides(&mut paper, overrides.clone());
    let rules = matcher.rules_for(&paper.title, &rule_text(&brief));
    let tags = super::tags::strongest_first(
        overrides.flat_map(|o| o.tags.iter().filter_map(|t| numbers.table.get(t))),
        apps.iter()
            .flat_map(|a| a.entry.tags.iter().filter_map(|t| numbers.table.get(t))),
        rules
            .iter()
            .filter_map(|&r| numbers.rules.get(r).copied().flatten()),
        apps.iter()
            .flat_map(|a| numbers.files.get(a.file).into_iter().flatten().copied()),
    );
    (paper, tags, from)
}

/// The texts keyword rules read beside the title, in the order they are tried: the gist,
/// the summary, the abstract (see [`rule_text`]).
pub(super) type Brief<'e> = [Option<&'e Markup>; 3];

/// The texts of a [`Brief`] that a paper has, for [`tagging::Matcher::rules_for`]: it
/// reads the first in which any keyword matches, so a summary in another language
/// gives way to the English abstract. All of a text is read; a passing mention weighs
/// too little to tag on its own.
pub(super) fn rule_text<'e>(brief: &Brief<'e>) -> Vec<&'e str> {
    brief.iter().flatten().map(|m| m.text.as_str()).collect()
}

/// The arXiv id a front matter override names, normalised; an error when it names none.
pub(super) fn override_id(digest: &Digest, id: &str, diags: &mut Diagnostics) -> Option<String> {
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

/// Where a paper was last listed: its section (counted over the site), day, format,
/// file, line and tags, for the duplicate checks.
type LastListed<'a> = (usize, usize, Format, usize, usize, &'a [String]);

/// Whether two listings of a paper in one section file it under different categories
/// (a topic table each, `## Robotics` and `## Vision`): listed twice on purpose, merged
/// with both tags and not reported.
pub(super) fn filed_apart(first: &[String], second: &[String]) -> bool {
    !first.is_empty() && !second.is_empty() && first != second
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reference;
    use crate::model::testgen::{random_digests, tag_fields};

    proptest::proptest! {
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
            assert_eq!(names.into_lists(), want_names, "seed {seed}");
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
}
