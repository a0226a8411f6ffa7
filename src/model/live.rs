//! Keeping a model up to date one file at a time, for `serve`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::assemble::{Assembled, Digests, LongFieldsAt, assemble, build_from, copy_long_fields};
use super::{Day, Paper, Site, Tag};
use crate::config::Config;
use crate::content::Digest;
use crate::diagnostic::Diagnostics;
use crate::tagging;

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
            if let Some(date) = digest
                .front
                .date
                .or(section.date)
                .or(digest.file_date)
                .or(digest.index_date)
            {
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
    /// Days, papers or tags were added or removed.
    pub structure: bool,
    /// Days, papers or tags went away, or a tag lost papers: pages and feeds of the
    /// model before may have no counterpart now.
    pub shrank: bool,
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
    /// Each paper's tag names, strongest first, parallel to `Site::papers`.
    tag_names: Vec<Vec<String>>,
    /// How many papers have each tag spelling.
    counts: BTreeMap<String, usize>,
    assigned: BTreeMap<String, (String, String)>,
    /// How many papers name each code link.
    codes: super::code::Counts,
    /// Whether some file dates papers by their own date lines: whether those dates
    /// count depends on every file of the site ([`super::dating::stamps_date`]), which
    /// a patch does not read, so such a site is built again on every change.
    stamped_files: bool,
}

/// Whether `digest` has papers dated only by their own date lines.
fn has_stamps(digest: &Digest) -> bool {
    digest.sections.iter().any(|s| s.stamped)
}

impl Live {
    /// Builds the model from every digest (as [`build`] does, moving the long fields
    /// in) and the index to patch it with. The digests are not kept: [`Live::update`]
    /// reads the few it needs again.
    pub fn build(
        digests: Vec<Digest>,
        config: &Config,
        matcher: std::sync::Arc<tagging::Matcher>,
    ) -> (Site, Diagnostics, Live) {
        let keys: Vec<(std::sync::Arc<std::path::Path>, Keys)> = digests
            .iter()
            .map(|d| (std::sync::Arc::from(d.path.as_path()), Keys::of(d, config)))
            .collect();
        let stamped_files = digests.iter().any(has_stamps);
        let (site, diags, tag_names) = build_from(Digests::Owned(digests), config, &matcher);
        let mut live = Live {
            matcher,
            id_files: HashMap::new(),
            date_files: BTreeMap::new(),
            tag_names: tag_names.into_lists(),
            counts: BTreeMap::new(),
            assigned: BTreeMap::new(),
            codes: super::code::Counts::of(&site.papers),
            stamped_files,
        };
        for (path, keys) in &keys {
            live.add_keys(path, keys);
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

    /// Patches `site` for `changes`. `load` gives a file's digest as it is after them
    /// (`None`: gone, or not parsed); it is asked only for the files that name a changed
    /// date or id, so the cost follows the change, not the archive. On `Err` neither
    /// `site` nor `self` changed.
    pub fn update(
        &mut self,
        site: &mut Site,
        load: &mut dyn FnMut(&std::path::Path) -> Option<Digest>,
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
        // In path order, as a build reads them.
        let loaded: Vec<Digest> = paths.iter().filter_map(|p| load(p)).collect();
        if self.stamped_files || loaded.iter().any(has_stamps) {
            return Err(NotPatched::Rebuild(
                "papers dated by their own date lines (`Published: …`)",
            ));
        }
        let subset: Vec<&Digest> = loaded.iter().collect();

        // The model of just those files: exact for the changed dates and ids.
        let Assembled {
            days: mini_days,
            papers: mut mini_papers,
            tag_names: mini_names,
            sources,
            diags,
        } = assemble(&subset, config, &self.matcher, false);
        let mut mini_days: BTreeMap<NaiveDate, Day> =
            mini_days.into_iter().map(|d| (d.date, d)).collect();
        let mini_names = mini_names.into_lists();
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
            let sources: Vec<LongFieldsAt> = sources
                .into_iter()
                .zip(&keep)
                .map(|(s, &k)| if k { s } else { LongFieldsAt::default() })
                .collect();
            copy_long_fields(&mut mini_papers, sources, &subset);
        }
        // Mini index -> id, for the days.
        let mini_ids: Vec<String> = mini_papers.iter().map(|p| p.id.clone()).collect();
        let mut fresh: BTreeMap<String, (Paper, Vec<String>)> = BTreeMap::new();
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

        // A code link that becomes shared, or stops being, changes papers not in reach.
        let Some(codes) = self.codes.replaced(
            old.values().map(|&i| &site.papers[i]),
            fresh.values().map(|(p, _)| p),
        ) else {
            return Err(NotPatched::Rebuild(
                "a code link is shared by more or fewer papers",
            ));
        };
        for (p, _) in fresh.values_mut() {
            p.code = codes.choose(p);
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
            // In the order of the names (strongest first), as a full build has them.
            let mut list: Vec<usize> = Vec::new();
            for n in names {
                match tag_of(n) {
                    Some(t) if !list.contains(&t) => list.push(t),
                    Some(_) => {}
                    None => return Err(NotPatched::Rebuild("a tag has no slug")),
                };
            }
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
                    && before.code == p.code
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
            update.tags.insert(site.tags[t].slug.clone());
        }
        for (id, &i) in &old {
            if !fresh.contains_key(*id) {
                update.dates.extend(site.papers[i].days.iter().copied());
            }
        }
        let removed_papers: Vec<String> = old
            .keys()
            .filter(|id| !fresh.contains_key(**id))
            .map(|id| id.to_string())
            .collect();
        update.shrank |= !removed_papers.is_empty()
            || !gone.is_empty()
            || touched.values().any(|&delta| delta < 0);
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
        if !removed_papers.is_empty() || !inserted.is_empty() {
            update.structure = true;
            let removed: BTreeSet<usize> = removed_papers.iter().map(|id| old_index[id]).collect();
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
                let mut add = |id: &String, site: &mut Site, names: &mut Vec<Vec<String>>| {
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
                    update.structure = true;
                    update.shrank = true;
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
        self.codes = codes;
        Ok(update)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testgen::{random_digests, tag_fields};

    /// One random edit of `digests`: a file rewritten, added or removed. Returns the
    /// digests after it (sorted by path) and the change.
    fn random_edit(digests: &[Digest], seed: u64, config: &Config) -> (Vec<Digest>, FileChange) {
        let mut after = digests.to_vec();
        let other = random_digests(seed ^ 0x5555);
        let pick = (seed as usize / 3) % (digests.len() + 1);
        let path = match after.get(pick) {
            Some(d) => d.path.clone(),
            None => PathBuf::from(format!("content/{pick:02}-new.md")),
        };
        let before = after.iter().position(|d| d.path == path);
        let old = before.map(|i| after.remove(i));
        // A third of the edits remove a file (when there is one to remove).
        let new = (!seed.is_multiple_of(3) || old.is_none()).then(|| {
            let mut d = other[seed as usize % other.len()].clone();
            d.path = path.clone();
            d
        });
        if let Some(d) = &new {
            after.push(d.clone());
        }
        after.sort_by(|a, b| a.path.cmp(&b.path));
        let change = FileChange {
            path,
            before: old.as_ref().map(|d| Keys::of(d, config)),
            after: new.as_ref().map(|d| Keys::of(d, config)),
        };
        (after, change)
    }

    /// `digests` less the files a build reports errors in (until none is left).
    fn without_errors(
        mut digests: Vec<Digest>,
        config: &Config,
        matcher: &tagging::Matcher,
    ) -> Vec<Digest> {
        loop {
            let (_, diags, _) = build_from(Digests::Borrowed(&digests), config, matcher);
            let bad: BTreeSet<&std::path::Path> = diags
                .items
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.path.as_path())
                .collect();
            if bad.is_empty() {
                return digests;
            }
            let bad: BTreeSet<PathBuf> = bad.into_iter().map(PathBuf::from).collect();
            digests.retain(|d| !bad.contains(&d.path));
        }
    }

    /// Random digests and one random edit, patched with [`Live::update`], give the
    /// model a fresh build of the edited digests gives, and say what changed.
    #[test]
    fn a_patched_model_is_a_fresh_build() {
        let config = Config {
            drafts: true,
            ..Config::default()
        };
        let matcher = std::sync::Arc::new(tagging::Matcher::new(&config.tag_rules));
        let (mut patched, mut refused, mut failed) = (0, 0, 0);
        for seed in 0..1000u64 {
            let digests = without_errors(random_digests(seed), &config, &matcher);
            let (mut site, diags, mut live) =
                Live::build(digests.clone(), &config, std::sync::Arc::clone(&matcher));
            if diags.has_errors() {
                continue;
            }
            let (after, change) = random_edit(&digests, seed, &config);
            let (want, want_diags, _) = build_from(Digests::Borrowed(&after), &config, &matcher);
            let before = site.clone();
            let mut load = |path: &std::path::Path| after.iter().find(|d| d.path == path).cloned();
            match live.update(&mut site, &mut load, &[change], &config) {
                Ok(update) => {
                    patched += 1;
                    assert!(!want_diags.has_errors(), "seed {seed}: patched with errors");
                    assert_eq!(site.days, want.days, "seed {seed}");
                    assert_eq!(site.papers, want.papers, "seed {seed}");
                    assert_eq!(tag_fields(&site), tag_fields(&want), "seed {seed}");
                    // What `serve` relies on to find the files that go: days, papers
                    // and tags that come or go are `structure`; a tag whose member list
                    // changed is in `tags`.
                    let dates = |s: &Site| s.days.iter().map(|d| d.date).collect::<Vec<_>>();
                    let ids = |s: &Site| s.papers.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
                    let slugs =
                        |s: &Site| s.tags.iter().map(|t| t.slug.clone()).collect::<Vec<_>>();
                    if dates(&before) != dates(&want)
                        || ids(&before) != ids(&want)
                        || slugs(&before) != slugs(&want)
                    {
                        assert!(update.structure, "seed {seed}: structure changed");
                    }
                    if want.shrank_from(&before) {
                        assert!(update.shrank, "seed {seed}: the model shrank");
                    }
                    for tag in &want.tags {
                        let was = before.tags.iter().find(|t| t.slug == tag.slug);
                        let members = |site: &Site, list: &[usize]| -> Vec<String> {
                            list.iter().map(|&p| site.papers[p].id.clone()).collect()
                        };
                        if was.is_some_and(|t| {
                            members(&before, &t.papers) != members(&want, &tag.papers)
                        }) {
                            assert!(
                                update.tags.contains(&tag.slug),
                                "seed {seed}: {} changed",
                                tag.slug
                            );
                        }
                    }
                }
                Err(NotPatched::Rebuild(_)) => {
                    refused += 1;
                    assert_eq!(
                        site.papers, before.papers,
                        "seed {seed}: refused, yet changed"
                    );
                    assert_eq!(site.days, before.days, "seed {seed}: refused, yet changed");
                }
                Err(NotPatched::Errors(_)) => {
                    failed += 1;
                    assert!(
                        want_diags.has_errors(),
                        "seed {seed}: errors a build has not"
                    );
                    assert_eq!(
                        site.papers, before.papers,
                        "seed {seed}: failed, yet changed"
                    );
                }
            }
        }
        eprintln!("patched {patched}, refused {refused}, failed {failed}");
        assert!(patched > 400, "only {patched} edits were patched");
    }
}
