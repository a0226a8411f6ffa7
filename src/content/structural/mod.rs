//! The general reader: papers found by the structure of a file, for the layouts no
//! family parser knows.
//!
//! Every bot writes its own markdown, and its prompt changes it every few months, so
//! this reader assumes no layout. It classifies lines ([`lines`]), finds the paper
//! identifiers in them ([`ids`]), picks the kind of line that opens one entry per paper
//! ([`layout`], from the mentions that name an entry's paper: [`anchors`]) and reads
//! each entry's fields by their labels ([`entry`], [`labels`]). Headings above the
//! entries give categories ([`category`]) and dates (sections). An overview linking
//! notes is told from a digest by its links ([`note_links`]). What it cannot place is
//! said in a [`Survey`], which names the links it saw.

mod anchors;
pub(super) mod category;
mod entry;
pub mod ids;
mod inline_fields;
mod key_set;
mod known_labels;
mod labels;
mod layout;
mod lines;
mod link_text;
mod linked_note;
mod mention_spots;
mod meta_line;
mod name_split;
mod names_line;
mod note_links;
mod numbering;
mod paper_match;
mod row;
mod series;
mod stamp;
mod survey;
mod title;
mod untitled;
mod yaml_note;

use ahash::AHashSet as HashSet;
use std::path::Path;

use chrono::NaiveDate;

use super::{Entry, ParseOptions, Section};
use crate::diagnostic::{Diagnostics, UnreadPaper};
use layout::{Scan, Unit};
use lines::{Line, LineKind};
use note_links::{is_note_target, link_targets, links_a_note};

pub use note_links::{DatedNoteLink, dated_note_links, indexes_notes, links_to_no_paper};
pub use stamp::has_date_line;
pub use survey::{NO_ENTRY_HOLDS, Survey, empty_links, linked_papers, paper_keys, survey};
pub use yaml_note::front_date as yaml_front_date;
pub use yaml_note::front_published as yaml_front_published;

/// At most this many passes: entries of one unit, then of another in what is left
/// (a list of "also today" links under headings of papers).
const ROUNDS: usize = 3;

/// Reads the entries of a body whose layout no family parser claims. Sections follow
/// dated headings; a body without one is one undated section. `path_dated`: whether the
/// file's path names its day (worked out once, by the caller).
pub fn parse(
    path: &Path,
    path_dated: bool,
    body: &str,
    first_line: usize,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    // A note whose YAML front matter names its paper: the front matter is the entry's
    // head, the note below it the rest of the entry.
    if let Some((mut fields, start)) = yaml_note::split(body) {
        // The note below the front matter, from its line `start` on.
        let rest = body
            .match_indices('\n')
            .nth(start.saturating_sub(1))
            .map_or("", |(at, _)| &body[at + 1..]);
        // Whether the front matter itself names the note's work (not the one paper its
        // body links, found below).
        let linked_by_front = yaml_note::link(&fields).is_some();
        // A note whose front matter gives the title but no link (Hugo, `title:` and
        // `date:` only), and whose body reads as no entry: the one paper its body
        // links is the note's paper.
        if yaml_note::titled_without_link(&fields) {
            let mut own = Diagnostics::default();
            let sections = parse_lines(path, path_dated, rest, first_line + start, opts, &mut own);
            let lone = sections
                .iter()
                .all(|s| s.entries.is_empty())
                .then(|| lone_paper_link(rest, first_line + start))
                .flatten();
            let Some(url) = lone else {
                diags.extend(own);
                return sections;
            };
            fields.push(yaml_note::YamlField {
                key: "url".to_string(),
                value: url,
                nested: false,
            });
        }
        // A note whose front matter links its paper but leaves the title to the note's
        // own top heading (an Obsidian vault's `url:` and `# Title`).
        let titled_by_h1 = yaml_note::linked_without_title(&fields);
        if titled_by_h1 && let (Some(h1), _) = take_first_h1(rest) {
            fields.push(yaml_note::YamlField {
                key: "title".to_string(),
                value: h1,
                nested: false,
            });
        }
        if let Some(mut head) = yaml_note::as_markdown(&fields) {
            // The note's own top heading, above its sections, is its title as shown
            // (front matter may prefix it, `[论文解读] …`): it wins, and is not read
            // twice. A note that has several top headings (`# 一句话总结`, `# TL;DR`,
            // `# 核心贡献`) writes its sections at that level: the front matter titles
            // it, and those are sections under that title. So is a top heading below
            // the note's sections (`## 摘要`, then `# 论文总结：…` inside an LLM's long
            // summary): it titles that summary, not the paper.
            let sections_first = !titled_by_h1 && !yaml_note::opens_with_top_heading(rest);
            let (h1, rest) = if yaml_note::top_headings(rest) >= 2 || sections_first {
                let rest = if titled_by_h1 {
                    take_first_h1(rest).1
                } else {
                    rest.to_string()
                };
                (None, yaml_note::sections_under_title(&rest))
            } else {
                take_first_h1(rest)
            };
            // A heading that is the front matter's title cut short (`# Graph Imputation`
            // under `title: "Graph Imputation of Missing Modalities"`) gives way to it.
            let first_line_end = head.find('\n').unwrap_or(head.len());
            if let Some(h1) = h1.filter(|h1| !cuts_short(h1, &head[2..first_line_end])) {
                head.replace_range(..first_line_end, &format!("# {h1}"));
            }
            // The head takes no more lines than the front matter it stands for, so it
            // is numbered inside it and the note's lines keep their own numbers.
            let head_lines = head.lines().count();
            let text = format!("{head}{rest}");
            let numbered_from = (first_line + start)
                .saturating_sub(head_lines)
                .max(first_line);
            let mut own = Diagnostics::default();
            let mut sections = parse_lines(path, path_dated, &text, numbered_from, opts, &mut own);
            // A note the reader finds no entry in: the one work its front matter links,
            // a page that is no paper (a blog post the bot follows) or its paper beside
            // another it cites.
            // So is one where the reader finds entries of other papers, where the front
            // matter names a paper: they are papers its text cites.
            let work = yaml_note::link_as_written(&fields)
                .filter(|_| linked_by_front)
                .and_then(|link| linked_note::own_work(&link));
            let entries = || sections.iter().flat_map(|s| &s.entries);
            if let Some(work) = work
                && (entries().next().is_none()
                    || work
                        .arxiv_id
                        .as_deref()
                        .is_some_and(|id| entries().any(|e| e.arxiv_id.as_deref() != Some(id))))
            {
                let mut linked_diags = Diagnostics::default();
                if let Some(linked) = linked_note::read(
                    path,
                    path_dated,
                    &text,
                    numbered_from,
                    work,
                    opts,
                    &mut linked_diags,
                ) {
                    sections = linked;
                    own = linked_diags;
                }
            }
            diags.extend(own);
            // Line numbers of the note itself: the head stands on the front matter's line.
            for e in sections.iter_mut().flat_map(|s| s.entries.iter_mut()) {
                e.line = first_line;
            }
            return sections;
        }
        return parse_lines(path, path_dated, rest, first_line + start, opts, diags);
    }
    parse_lines(path, path_dated, body, first_line, opts, diags)
}

/// Whether heading `h1` is `title` cut short: its first words, fewer than all.
fn cuts_short(h1: &str, title: &str) -> bool {
    let words = |s: &str| {
        super::markup::plain(s)
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
    };
    let (h, t) = (words(h1), words(title));
    !h.is_empty() && h.len() < t.len() && t.starts_with(&h)
}

/// The link of the one paper a note's body names, when it names exactly one (by
/// links and ids that count as mentions) and is no index: it links no note file of the
/// site (`a-paper.md`, `./a-paper.html`) and at most one page (a note's way back to its
/// day, `/site/posts/2026-07-21/`).
fn lone_paper_link(text: &str, first_line: usize) -> Option<String> {
    let all = lines::classify(text, first_line);
    let note_file = |t: &str| !t.starts_with('/') && is_note_target(t);
    if all.iter().any(|l| link_targets(l.text()).any(note_file))
        || all
            .iter()
            .filter(|l| links_a_note(l.text()))
            .nth(1)
            .is_some()
    {
        return None;
    }
    let scan = Scan::new(&all);
    let mut mentions = scan
        .strong
        .iter()
        .zip(&scan.refs)
        .flat_map(|(strong, refs)| strong.iter().map(move |&k| &refs[k]));
    let first = mentions.next()?;
    if mentions.any(|r| r.key() != first.key()) {
        return None;
    }
    Some(first.url.clone())
}

/// `text`'s first `# ` heading (its text) and `text` with that line left empty.
fn take_first_h1(text: &str) -> (Option<String>, String) {
    let mut out = String::with_capacity(text.len());
    let mut h1 = None;
    for line in text.split('\n') {
        if h1.is_none() && line.starts_with("# ") {
            h1 = Some(line[2..].trim().to_string()).filter(|t| !t.is_empty());
            // Kept as an empty line, so that the lines after it keep their numbers.
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    (h1, out)
}

fn parse_lines(
    path: &Path,
    path_dated: bool,
    body: &str,
    first_line: usize,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    let all = lines::classify(body, first_line);
    let separated = inline_fields::may_separate_any(body);
    // A file that its path does not date may date each paper by the paper's own date
    // line (`**Published:** 2026-04-21`): see [`stamp_of`].
    let stamped = !path_dated;
    let mut found: Vec<(usize, Unit, Entry, Option<NaiveDate>)> = Vec::new();
    let mut read: HashSet<String> = HashSet::new();
    let mut covered = vec![false; all.len()];
    let mut is_entry_start = vec![false; all.len()];
    // Lines whose words an entry published (or a note this index links will), and the
    // first round's mentions of every line: what [`report_unread`] weighs.
    let mut published = vec![false; all.len()];
    let mut all_refs: Vec<Vec<ids::PaperRef>> = Vec::new();
    let mut in_note_tail = vec![false; all.len()];
    let mut note_lines = vec![false; all.len()];
    let mut note_entries = 0;
    for _ in 0..ROUNDS {
        let index: Vec<usize> = (0..all.len()).filter(|&i| !covered[i]).collect();
        // The first round reads every line: no copy.
        let copied: Vec<Line<'_>>;
        let sub: &[Line<'_>] = if index.len() == all.len() {
            &all
        } else {
            copied = index.iter().map(|&i| all[i]).collect();
            &copied
        };
        let mut scan = Scan::new(sub);
        let Some((unit, mut segments)) = layout::choose(&scan) else {
            if all_refs.is_empty() {
                all_refs = scan.refs;
            }
            break;
        };
        // A note's one entry opened by a line that ends at a heading (`- **标题**: …`
        // over `## 2. 研究目标`): the sections below are the note's, not nobody's.
        if found.is_empty()
            && let Some(end) = note_tail(&all, unit, &segments)
            && let Some(seg) = segments.iter_mut().find(|s| s.anchor.is_some())
        {
            for flag in &mut in_note_tail[seg.end..end] {
                *flag = true;
            }
            seg.end = end;
        }
        // A paper's sections written as headings at its own level or above (`## Method`
        // between a numbered series' `### 1.` and `### 2.`) are its fields: they name
        // no category.
        if let Unit::Heading(level) = unit {
            let mut headings = scan.headings.iter().copied().peekable();
            for seg in segments.iter().filter(|s| s.anchor.is_some()) {
                while headings.next_if(|&k| k <= seg.start).is_some() {}
                while let Some(k) = headings.next_if(|&k| k < seg.end) {
                    if matches!(sub[k].kind, LineKind::Heading(l, _) if l <= level) {
                        in_note_tail[index[k]] = true;
                    }
                }
            }
        }
        // Most segments give an entry: grown one by one, the list of these large values
        // was copied at every doubling.
        found.reserve(segments.len());
        let mut new = 0;
        let mut this_round: Vec<&str> = Vec::new();
        let header = row::headers(sub);
        for seg in &segments {
            let Some(anchor) = seg.anchor else { continue };
            for k in seg.start..seg.end {
                covered[index[k]] = true;
            }
            is_entry_start[index[seg.start]] = true;
            // An index's link to a note of its own (`[Title](paper.md)`) is that note's
            // entry, read from the note.
            if links_a_note(sub[seg.start].text()) {
                note_entries += 1;
                mark(&mut published, &index[seg.start..seg.end]);
                mark(&mut note_lines, &index[seg.start..seg.end]);
                continue;
            }
            // A paper an earlier round read is not read again from finer entries (an
            // "also today" list); listed twice by entries of one kind (two versions,
            // two topics), it is given twice, for the model to warn about.
            if read.contains(anchor.key()) {
                continue;
            }
            this_round.push(anchor.key());
            let seg_lines = &sub[seg.start..seg.end];
            let entry = match unit {
                Unit::Row => row::build(
                    path,
                    seg_lines,
                    header[seg.start].map(|h| sub[h].text()),
                    anchor,
                    opts,
                    diags,
                ),
                _ => entry::build(
                    path,
                    seg_lines,
                    &scan.refs[seg.start],
                    unit,
                    anchor,
                    Vec::new(),
                    separated,
                    opts,
                    diags,
                ),
            };
            if let Some(entry) = entry {
                let stamp = if stamped && unit != Unit::Row {
                    stamp::of(seg_lines).filter(|&date| stamp::fits(&entry, date))
                } else {
                    None
                };
                found.push((index[seg.start], unit, entry, stamp));
                mark(&mut published, &index[seg.start..seg.end]);
                new += 1;
            }
        }
        read.extend(this_round.drain(..).map(str::to_string));
        drop(segments);
        if all_refs.is_empty() {
            all_refs = std::mem::take(&mut scan.refs);
        }
        if new == 0 {
            break;
        }
    }
    // An index of notes (`- [Title](paper.md)` beside each paper) lists papers that
    // the notes themselves give in full: it is not a second copy.
    // Papers, not entries: a paper listed twice (its results, its sources) is one.
    let distinct = found
        .iter()
        .map(|(_, _, e, _)| e.arxiv_id.as_deref().or(e.url.as_deref()))
        .collect::<HashSet<_>>()
        .len();
    let index_of_notes = note_entries >= 1 && note_entries >= distinct
        || found.is_empty() && all.iter().filter(|l| links_a_note(l.text())).count() >= 2;
    if index_of_notes {
        // What else it links (a paper recommended every day) is lost unless a note or
        // another file gives it: the model keeps the warning only then.
        if !all_refs.is_empty() {
            report_unread(path, &all, &all_refs, &note_lines, &[], diags);
        }
        return Vec::new();
    }
    if found.is_empty()
        && let Some(entry) = untitled::read(path, path_dated, &all, opts, diags)
    {
        is_entry_start[0] = true;
        let stamp = if stamped {
            stamp::of(&all).filter(|&date| stamp::fits(&entry, date))
        } else {
            None
        };
        found.push((0, Unit::Heading(1), entry, stamp));
    }
    if !found.is_empty() {
        report_unread(path, &all, &all_refs, &published, &found, diags);
    }
    found.sort_by_key(|(i, _, _, _)| *i);
    drop_badge_authors(&mut found);
    // A file its path does not date may be dated by a labelled line above its first
    // paper (`**Search window:** A to B`, `**Last Updated:** …`): as a dated heading.
    let window = if path_dated {
        None
    } else {
        let first = found.first().map_or(0, |(i, _, _, _)| *i);
        all[..first]
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l.kind, LineKind::Text(_) | LineKind::Item(..)))
            .find_map(|(i, l)| crate::content::window_date::of_line(l.text()).map(|d| (i, d)))
    };
    sections(&all, &is_entry_start, &in_note_tail, window, found)
}

/// One "author" of one word under two or more papers of a file, alone each time, is a
/// badge the bot puts under every title (`_最新论文_`, `_高票/有代码_`) or its
/// placeholder for none (`暂未从摘要提取到`), not a person.
fn drop_badge_authors(found: &mut [(usize, Unit, Entry, Option<NaiveDate>)]) {
    // Each name with the distinct papers it stands alone under.
    let mut lone: ahash::AHashMap<&str, HashSet<&str>> = ahash::AHashMap::new();
    for (_, _, e, _) in found.iter() {
        // A Latin name of two words may well write two papers of a day alone.
        if let [name] = e.authors.as_slice()
            && !name.contains(char::is_whitespace)
        {
            let paper = e.arxiv_id.as_deref().or(e.url.as_deref()).unwrap_or("");
            lone.entry(name.as_str()).or_default().insert(paper);
        }
    }
    let mut badges: HashSet<String> = lone
        .iter()
        .filter(|(_, papers)| papers.len() >= 2)
        .map(|(name, _)| name.to_string())
        .collect();
    if badges.is_empty() {
        return;
    }
    // How often each paper is listed in the file (counted only for a file with badges).
    let mut listed: ahash::AHashMap<&str, usize> = ahash::AHashMap::new();
    for (_, _, e, _) in found.iter() {
        let paper = e.arxiv_id.as_deref().or(e.url.as_deref()).unwrap_or("");
        *listed.entry(paper).or_default() += 1;
    }
    // In a file whose bot badges its titles, a one-word name alone under a paper the
    // file lists twice (`_最新论文_` under its second listing) is a badge too.
    badges.extend(
        lone.iter()
            .filter(|(_, papers)| {
                papers.len() == 1
                    && papers
                        .iter()
                        .all(|p| listed.get(p).is_some_and(|&n| n >= 2))
            })
            .map(|(name, _)| name.to_string()),
    );
    for (_, _, e, _) in found.iter_mut() {
        if let [name] = e.authors.as_slice()
            && badges.contains(name)
        {
            e.authors.clear();
        }
    }
}

/// Where a note's one entry ends when the lines after it are the note's own sections
/// (`## 2. Goals`, `## Method` after the `## 1. Snapshot` or the `- **Title**:` that
/// opens it): the layout gives one paper, not a table row, and what follows its
/// segment opens no other paper and starts no other day. The sections run while their
/// headings are numbered or name a field; a digest's footer (`## Subscribe`) is not
/// the paper's. `None` when there is no such section.
fn note_tail(all: &[Line<'_>], unit: Unit, segments: &[layout::Segment<'_>]) -> Option<usize> {
    let mut anchored = segments.iter().filter(|s| s.anchor.is_some());
    let (seg, None) = (anchored.next()?, anchored.next()) else {
        return None;
    };
    if unit == Unit::Row {
        return None;
    }
    let own = seg.anchor?.key();
    let ends_at = |ends: &dyn Fn(u8, &str) -> bool| {
        all[seg.end..]
            .iter()
            .position(|l| matches!(l.kind, LineKind::Heading(level, text) if ends(level, text)))
            .map_or(all.len(), |at| seg.end + at)
    };
    let holds_only_own = |end: usize| {
        let rest = &all[seg.end..end];
        if rest.iter().all(|l| l.kind == LineKind::Blank) {
            return false;
        }
        let scan = Scan::new(rest);
        !layout::choose(&scan)
            .is_some_and(|(_, segs)| segs.iter().filter_map(|s| s.anchor).any(|r| r.key() != own))
    };
    // Up to a day's heading or one above the entry's own, when it names no other paper:
    // a note's second part under a top heading of its own (`# 论文详细解读` after the
    // abstract, the note titled by a `# ` heading too) is still about its one paper.
    // (A heading above the entry's is the page's next part, a newsletter's `## 语音播报`
    // under its one `### 1.` paper; other papers there, even outside any entry, make it
    // a digest's next part, `## Also worth a look`.)
    let Unit::Heading(own_level) = unit else {
        let end = ends_at(&|_, text| !names_a_section(text));
        return holds_only_own(end).then_some(end);
    };
    let to_day =
        ends_at(&|level, text| level < own_level || super::date_text::find_date(text).is_some());
    let names_no_other = || {
        all[seg.end..to_day]
            .iter()
            .all(|l| ids::find(l.text()).iter().all(|r| r.key() == own))
    };
    if holds_only_own(to_day) && names_no_other() {
        return Some(to_day);
    }
    let end = ends_at(&|_, text| !names_a_section(text));
    holds_only_own(end).then_some(end)
}

/// Whether a heading after a note's head is a section of the note: numbered (`## 3.
/// Method`) or named as a field (`## Results`), and holding no date (a day's heading).
fn names_a_section(text: &str) -> bool {
    if super::date_text::find_date(text).is_some() {
        return false;
    }
    let bare = numbering::strip_number(text);
    let numbered = bare.len() < text.trim_start().len();
    numbered || labels::known_role(labels::strip_ornaments(bare)).is_some()
}

/// Sets `lines`' marks in `published`.
fn mark(published: &mut [bool], lines: &[usize]) {
    for &i in lines {
        published[i] = true;
    }
}

/// One warning for the papers a file links on lines no entry published, that no entry
/// is about and no published text cites: a paper the reader passed over, where the
/// file's other papers were read (a file that gave none says so in `empty-file`). Links
/// to nothing (`**Link:** []()`) on those lines are entries whose bot gave no address:
/// the warning names their lines too.
fn report_unread(
    path: &Path,
    all: &[Line<'_>],
    refs: &[Vec<ids::PaperRef>],
    published: &[bool],
    found: &[(usize, Unit, Entry, Option<NaiveDate>)],
    diags: &mut Diagnostics,
) {
    let empty: Vec<usize> = all
        .iter()
        .zip(published)
        .filter(|(l, p)| {
            !**p && matches!(
                l.kind,
                LineKind::Text(_) | LineKind::Item(..) | LineKind::Row(_)
            ) && survey::links_to_nothing(l.text())
        })
        .map(|(l, _)| l.no)
        .collect();
    // Most files mention no paper off the lines their entries published: the ids
    // those entries give are then not gathered.
    if refs
        .iter()
        .zip(published)
        .all(|(line_refs, p)| *p || line_refs.is_empty())
    {
        if let Some(w) = UnreadPaper::report(path, Vec::new(), empty, None) {
            diags.push(w);
        }
        return;
    }
    let mut known: HashSet<&str> = found
        .iter()
        .flat_map(|(_, _, e, _)| e.arxiv_id.as_deref().into_iter().chain(e.url.as_deref()))
        .collect();
    for (line_refs, _) in refs.iter().zip(published).filter(|(_, p)| **p) {
        known.extend(line_refs.iter().map(ids::PaperRef::key));
    }
    let mut unread: Vec<UnreadPaper> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for ((line_refs, line), _) in refs.iter().zip(all).zip(published).filter(|(_, p)| !**p) {
        for r in line_refs {
            if !known.contains(r.key()) && !known.contains(r.url.as_str()) && seen.insert(r.key()) {
                unread.push(UnreadPaper {
                    key: r.key().to_string(),
                    url: r.url.clone(),
                    line: line.no,
                });
            }
        }
    }
    if let Some(w) = UnreadPaper::report(path, unread, empty, None) {
        diags.push(w);
    }
}

/// Entries grouped under the dated headings above them, each with the category of
/// the nearest heading above it that names one. An entry under no dated heading that
/// has a date of its own (`stamp`) goes to a section of that date, marked
/// [`Section::stamped`]: the model uses it only when nothing else dates the file.
fn sections(
    all: &[Line<'_>],
    is_entry_start: &[bool],
    in_note_tail: &[bool],
    window: Option<(usize, NaiveDate)>,
    found: Vec<(usize, Unit, Entry, Option<NaiveDate>)>,
) -> Vec<Section> {
    // Headings that are not entries, counted per level: a level with several is a
    // grouping (categories); the file's one title heading is not.
    // A heading inside a `<details>` block is the outline of a folded text (a
    // paper's summary), no category of the entries after it.
    let mut folded = vec![false; all.len()];
    let mut depth = 0usize;
    for (i, line) in all.iter().enumerate() {
        let (opened, closed) = layout::details_tags(line);
        folded[i] = depth > 0;
        depth = (depth + opened).saturating_sub(closed);
    }
    let mut per_level = [0usize; 7];
    for (i, line) in all.iter().enumerate() {
        if let LineKind::Heading(level, _) = line.kind
            && !is_entry_start[i]
            && !in_note_tail[i]
            && !folded[i]
        {
            per_level[usize::from(level)] += 1;
        }
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut cats: [Option<String>; 7] = Default::default();
    // The level of the file's first heading (its title): a heading under it groups.
    let top_level = all.iter().find_map(|l| match l.kind {
        LineKind::Heading(level, _) => Some(usize::from(level)),
        _ => None,
    });
    // The line of each entry, looked at for every line: peeking at the entries
    // themselves moved each large entry out and back at every line of the file.
    let starts: Vec<usize> = found.iter().map(|(at, _, _, _)| *at).collect();
    let mut next = 0;
    let mut found = found.into_iter();
    for (i, line) in all.iter().enumerate() {
        // The file's labelled date line, unless a dated heading came first.
        if let Some((at, date)) = window
            && at == i
            && sections.is_empty()
        {
            sections.push(Section {
                date: Some(date),
                line: line.no,
                entries: Vec::new(),
                stamped: false,
            });
        }
        // A note's sections are its entry's fields.
        if let LineKind::Heading(level, text) = line.kind
            && !is_entry_start[i]
            && !in_note_tail[i]
            && !folded[i]
        {
            let level = usize::from(level);
            for c in &mut cats[level..] {
                *c = None;
            }
            if let Some(date) = super::date_text::find_date(text) {
                // `# 🔐 大模型安全相关研究 | 2026年03月03日`: a topic file's title
                // names its category beside the day.
                cats[level] = category::of_dated_heading(text);
                sections.push(Section {
                    date: Some(date),
                    line: line.no,
                    entries: Vec::new(),
                    stamped: false,
                });
            } else if per_level[level] >= 2
                || category::has_code(text)
                || top_level.is_some_and(|top| top < level)
            {
                cats[level] = category::normalise(text);
            }
        }
        while starts.get(next) == Some(&i) {
            next += 1;
            let Some((_, unit, mut entry, stamp)) = found.next() else {
                break;
            };
            let above = match unit {
                Unit::Heading(l) => usize::from(l),
                _ => cats.len(),
            };
            if let Some(tag) = cats[..above].iter().rev().flatten().next()
                && !entry.tags.contains(tag)
            {
                entry.tags.insert(0, tag.clone());
            }
            // Under a dated heading the heading dates the entry; elsewhere its own date
            // line, if it has one, starts or continues a section of that date.
            let last = sections.last().map(|s| (s.date, s.stamped));
            let wanted = match last {
                Some((Some(_), false)) => None,
                _ => Some((stamp, stamp.is_some())),
            };
            if let Some((date, stamped)) = wanted
                && last != Some((date, stamped))
            {
                sections.push(Section {
                    date,
                    line: entry.line,
                    entries: Vec::new(),
                    stamped,
                });
            }
            if let Some(s) = sections.last_mut() {
                // The entries left go to this section unless another starts: most files
                // have one, whose list of large entries then never grows by copying.
                if s.entries.is_empty() {
                    s.entries.reserve_exact(found.len() + 1);
                }
                s.entries.push(entry);
            }
        }
    }
    sections.retain(|s| !s.entries.is_empty() || s.date.is_some());
    // A section that another followed gives back what it kept for the entries left.
    for s in &mut sections {
        s.entries.shrink_to_fit();
    }
    sections
}

#[cfg(test)]
mod tests;
