//! The model as it was built before it was made faster (before `Listed`, `TagNames`
//! and member lists filled in order): the statement the faster build is tested
//! against. Only the parts that changed are here; the rest is the model's own.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::assemble::{
    LongFieldsAt, Refiled, apply_overrides, choose_fields, copy_long_fields, is_mostly_cjk,
    override_id, rule_text, title_conflict,
};
use super::dating::{resolve_date, stamps_date};
use super::{Day, Link, Paper, Site, Tag};
use crate::config::Config;
use crate::content::words::title_key;
use crate::content::{Digest, Entry, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::tagging;

/// One entry seen on one day, with where it was written.
struct Appearance<'a> {
    date: NaiveDate,
    file: usize,
    /// Where `entry` is: section and entry index in `digests[file]`.
    at: (usize, usize),
    entry: &'a Entry,
    day_tags: &'a [String],
}

/// What [`assemble`] makes of the digests: everything but the long fields (only where
/// they are) and the tags (only their names, per paper).
struct Assembled {
    days: BTreeMap<NaiveDate, Day>,
    papers: Vec<Paper>,
    /// Each paper's tag names, parallel to `papers`.
    tag_names: Vec<Vec<String>>,
    sources: Vec<LongFieldsAt>,
    diags: Diagnostics,
}

/// The model from borrowed digests (long fields copied), and each paper's tag names.
pub(super) fn build_from(
    digests: &[Digest],
    config: &Config,
    matcher: &tagging::Matcher,
) -> (Site, Diagnostics, Vec<Vec<String>>) {
    let refs: Vec<&Digest> = digests.iter().collect();
    let Assembled {
        days,
        mut papers,
        tag_names,
        sources,
        diags,
    } = assemble(&refs, config, matcher);
    copy_long_fields(&mut papers, sources, &refs);
    let tags = build_tags(&mut papers, &tag_names);
    let days: Vec<Day> = days
        .into_values()
        .filter(|d| !d.papers.is_empty() || !d.links.is_empty())
        .collect();
    super::code::settle(&mut papers);
    (Site { days, papers, tags }, diags, tag_names)
}

/// Merges the digests' entries into days and papers (long fields and tags left out).
fn assemble(digests: &[&Digest], config: &Config, matcher: &tagging::Matcher) -> Assembled {
    let mut diags = Diagnostics::default();
    let stamps = stamps_date(digests, config);
    let mut appearances: BTreeMap<&str, Vec<Appearance>> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    let mut overrides: BTreeMap<String, Vec<(usize, &crate::content::PaperOverride)>> =
        BTreeMap::new();

    // Per id, where it was last listed: the same checks as the model's, written plainly.
    let mut sections = 0usize;
    type Listed<'a> = (
        usize,
        NaiveDate,
        crate::content::Format,
        usize,
        usize,
        &'a Vec<String>,
    );
    let mut last_listed: HashMap<&str, Listed<'_>> = HashMap::new();
    let mut relisted = super::relisted::Relisted::default();
    for (file, digest) in digests.iter().enumerate() {
        if digest.front.draft && !config.drafts {
            continue;
        }
        for (id, o) in &digest.front.papers {
            if let Some(norm) = override_id(digest, id, &mut diags) {
                overrides.entry(norm).or_default().push((file, o));
            }
        }
        for (section_index, section) in digest.sections.iter().enumerate() {
            let date = match resolve_date(digest, section, stamps, &mut diags) {
                Some(d) => d,
                None => continue,
            };
            let day = days.entry(date).or_insert_with(|| Day::empty(date));
            day.listed_in(digest);
            sections += 1;
            for (entry_index, entry) in section.entries.iter().enumerate() {
                match &entry.arxiv_id {
                    Some(id) => {
                        let here = (sections, date, entry.format, file, entry.line, &entry.tags);
                        match last_listed.insert(id, here) {
                            Some((s, _, _, _, first, tags))
                                if s == sections
                                    && !super::assemble::filed_apart(tags, &entry.tags) =>
                            {
                                diags.push(Diagnostic::warning(
                                    &digest.path,
                                    entry.line,
                                    format!("{id} is listed twice on {date} (first on line {first}); the entries are merged"),
                                ).kind(Kind::DuplicateEntry));
                            }
                            Some((_, d, format, f, first, _))
                                if d == date && format == entry.format && f != file =>
                            {
                                relisted.note(id, date, entry.line, f, first);
                            }
                            _ => {}
                        }
                        appearances.entry(id).or_default().push(Appearance {
                            date,
                            file,
                            at: (section_index, entry_index),
                            entry,
                            day_tags: &digest.front.tags,
                        });
                    }
                    None => day.links.push(Link::of(entry)),
                }
            }
        }
        if let Some(warning) = relisted.take_warning(digests, file) {
            diags.push(warning);
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

    // Each paper is merged on its own, so in parallel; `unzip` keeps id order.
    use rayon::prelude::*;
    let visible: Vec<(&&str, &Vec<Appearance>)> = appearances
        .iter()
        .filter(|(id, _)| !hidden.contains(*id))
        .collect();
    let (papers, (paper_tag_names, sources)): (Vec<_>, (Vec<_>, Vec<_>)) = visible
        .par_iter()
        .map(|&(id, apps)| {
            let (paper, tags, from) = merge_paper(id, apps, overrides.get(*id), matcher);
            (paper, (tags, from))
        })
        .unzip();

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
    Assembled {
        days,
        papers,
        tag_names: paper_tag_names,
        sources,
        diags,
    }
}

/// The same id with two different titles on one day means two rows were mixed up.
fn check_title_conflicts(
    digests: &[&Digest],
    appearances: &BTreeMap<&str, Vec<Appearance>>,
    diags: &mut Diagnostics,
) {
    let mut refiled = Refiled::default();
    for (id, apps) in appearances {
        for (i, a) in apps.iter().enumerate() {
            let Some(b) = apps[..i].iter().find(|b| b.date == a.date) else {
                continue;
            };
            if title_key(&a.entry.title) != title_key(&b.entry.title)
                && is_mostly_cjk(&a.entry.title) == is_mostly_cjk(&b.entry.title)
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

/// The model's own field choice and overrides; tags as sets of names.
fn merge_paper(
    id: &str,
    apps: &[Appearance],
    overrides: Option<&Vec<(usize, &crate::content::PaperOverride)>>,
    matcher: &tagging::Matcher,
) -> (Paper, Vec<String>, LongFieldsAt) {
    let (mut paper, from, brief) = choose_fields(id, apps, |a| (a.date, a.file, a.at, a.entry));
    let overrides = overrides.into_iter().flatten().map(|&(_, o)| o);
    apply_overrides(&mut paper, overrides.clone());
    let rules = matcher.tags_for(&paper.title, &rule_text(&brief));
    let collapsed = |t: &String| markup::collapse_whitespace(t);
    let tags = super::tags::strongest_first(
        overrides.flat_map(|o| o.tags.iter().map(collapsed)),
        apps.iter().flat_map(|a| a.entry.tags.iter().map(collapsed)),
        rules.into_iter().map(markup::collapse_whitespace),
        apps.iter().flat_map(|a| a.day_tags.iter().map(collapsed)),
    );
    let tags = tags.into_iter().filter(|t| !t.is_empty()).collect();
    (paper, tags, from)
}

fn build_tags(papers: &mut [Paper], names: &[Vec<String>]) -> Vec<Tag> {
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
    // A paper's tags in the order of its names, a tag named twice where first named.
    for (p, set) in papers.iter_mut().zip(names) {
        let order: Vec<usize> = set
            .iter()
            .filter_map(|n| {
                let slug = &assigned[&tagging::normalize(n)].1;
                tags.iter().position(|t| &t.slug == slug)
            })
            .collect();
        p.tags.sort_by_key(|t| order.iter().position(|o| o == t));
    }
    tags
}
