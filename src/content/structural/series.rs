//! A numbered series of headings that each open one paper, the paper's sections written
//! as headings around them.
//!
//! Some bots write a day's papers as `### 1. Title` over `**arXiv**: [id](…)`, then the
//! paper's analysis under headings of its own: `## Why this paper?`, `## Method` over
//! `### Encoder` and `### Router`. Sections at the papers' own level outnumber the
//! papers and sections a level above cut them off, so no level of heading holds one
//! paper each and the plain cut of [`super::layout`] reads none. The numbers say which
//! headings are the papers: counted in order, each with a link of its own right under
//! it, they open the entries, and every heading up to the next one is a section of the
//! paper above it, until a heading that closes the list (see [`closes`]).

use ahash::AHashMap as HashMap;

use super::anchors::{anchors_a_title, is_other_address};
use super::ids::PaperRef;
use super::labels;
use super::layout::{Scan, Segment, Unit};
use super::lines::LineKind;
use super::numbering::{number_of, strip_number};

/// Lines (blank ones aside) under a numbered heading that may come before its paper's
/// link: a link further down is in the paper's text, not its head.
const HEAD_LINES: usize = 5;

/// The entries of a numbered series of headings.
pub(super) struct Series<'s> {
    pub segments: Vec<Segment<'s>>,
    /// Whether two or more papers have a section of one name (`## Method` under each):
    /// the headings between the papers are the papers' sections, not groups of them.
    pub sectioned: bool,
}

/// The entries of a numbered series of headings of `level`, when the file has one: at
/// least two headings numbered one after another (`### 1.`, `### 2.`, …), two in three
/// of them or more with a paper link or id of their own on their line or in the first
/// lines under it, each paper another. A numbered heading without one that keeps the
/// count (`### 3.` whose link is empty) still ends the paper above it, and opens no
/// entry.
pub(super) fn segments<'s>(scan: &'s Scan<'_, '_>, level: u8) -> Option<Series<'s>> {
    let lines = scan.lines;
    let numbered = scan.headings.iter().filter_map(|&i| match lines[i].kind {
        LineKind::Heading(l, text)
            if l == level && scan.units[i] == Some(Unit::Heading(level)) && !scan.folded[i] =>
        {
            number_of(text).map(|n| (i, n))
        }
        _ => None,
    });
    // The series: from the first numbered heading that names its paper, each heading
    // that carries the count on. A numbered heading out of the count with a paper of
    // its own means the numbers are not one list; one without (`### 1. Encoder` inside
    // a paper) is a section.
    let mut starts: Vec<(usize, Option<&PaperRef>)> = Vec::new();
    let mut next = 0;
    for (i, n) in numbered {
        let anchor = head_anchor(scan, i);
        if starts.is_empty() {
            if anchor.is_some() {
                starts.push((i, anchor));
                next = n + 1;
            }
        } else if n == next {
            starts.push((i, anchor));
            next += 1;
        } else if anchor.is_some() {
            return None;
        }
    }
    let mut keys: Vec<&str> = starts
        .iter()
        .filter_map(|(_, a)| a.map(PaperRef::key))
        .collect();
    let anchored = keys.len();
    keys.sort_unstable();
    keys.dedup();
    if anchored < 2 || keys.len() < anchored || anchored * 3 < starts.len() * 2 {
        return None;
    }
    let recurring = recurring_sections(scan, level, &starts);
    let segments = starts
        .iter()
        .enumerate()
        .map(|(k, &(start, anchor))| {
            let next = starts.get(k + 1).map(|&(at, _)| at);
            let until = next.unwrap_or(lines.len());
            let end = (start + 1..until)
                .find(|&j| closes(scan, level, j, until, next, anchor, &recurring))
                .unwrap_or(until);
            Segment { start, end, anchor }
        })
        .collect();
    Some(Series {
        segments,
        sectioned: !recurring.is_empty(),
    })
}

/// The paper a numbered heading names: a link or id on its own line, else the one paper
/// of the labelled links and ids in the first lines under it, before any other heading.
/// None when those lines open entries of their own (a group's heading over titled
/// items) or name two papers; a DOI beside an arXiv link is the same paper's.
fn head_anchor<'s>(scan: &'s Scan<'_, '_>, i: usize) -> Option<&'s PaperRef> {
    let lines = scan.lines;
    if let Some(r) = scan.refs[i]
        .first()
        .filter(|r| anchors_a_title(lines[i].text(), r))
    {
        return Some(r);
    }
    let mut found: Option<&PaperRef> = None;
    let head = (i + 1..lines.len())
        .filter(|&j| lines[j].kind != LineKind::Blank)
        .take(HEAD_LINES);
    for j in head {
        if matches!(lines[j].kind, LineKind::Heading(..)) {
            break;
        }
        if scan.units[j].is_some() && !scan.refs[j].is_empty() {
            return None;
        }
        for r in scan.strong[j].iter().map(|&k| &scan.refs[j][k]) {
            match found {
                None => found = Some(r),
                Some(f) if f.key() == r.key() || is_other_address(r) && !is_other_address(f) => {}
                Some(f) if is_other_address(f) && !is_other_address(r) => found = Some(r),
                Some(_) => return None,
            }
        }
    }
    found
}

/// Whether two papers of the given `starts` (the headings of `level` that hold a paper,
/// in order) have a section of one name after them, before the next: asked before a file
/// whose headings already hold one paper each is searched for a series, which would
/// only cut its papers differently when they share sections. A file of thousands of
/// numbered papers with no section between them is not searched.
pub(super) fn papers_share_sections(
    scan: &Scan<'_, '_>,
    level: u8,
    starts: impl Iterator<Item = usize>,
) -> bool {
    let lines = scan.lines;
    let mut starts = starts.peekable();
    // The paper each name was last seen under.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut paper = 0;
    for &j in &scan.headings {
        let mut opens = false;
        while let Some(at) = starts.next_if(|&at| at <= j) {
            paper += 1;
            opens |= at == j;
        }
        let LineKind::Heading(l, text) = lines[j].kind else {
            continue;
        };
        if opens || paper == 0 || l > level || scan.folded[j] {
            continue;
        }
        match seen.insert(section_name(text), paper) {
            Some(before) if before != paper => return true,
            _ => {}
        }
    }
    false
}

/// A heading's name as a section: without number and ornaments.
fn section_name(text: &str) -> &str {
    labels::strip_ornaments(strip_number(text)).trim()
}

/// The names of the sections (headings at the series' level or above) that two or more
/// papers of the series have: the bot's sections of every paper, never the list's end.
fn recurring_sections<'t>(
    scan: &Scan<'_, 't>,
    level: u8,
    starts: &[(usize, Option<&PaperRef>)],
) -> HashMap<&'t str, usize> {
    let lines = scan.lines;
    let mut papers_with: HashMap<&'t str, usize> = HashMap::new();
    for (k, &(start, _)) in starts.iter().enumerate() {
        let until = starts.get(k + 1).map_or(lines.len(), |&(at, _)| at);
        // A folded summary's own outline (`<details>` over `## 1. Goals`) is the
        // paper's text whatever the level, and cuts no paper short.
        let mut names: Vec<&'t str> = (start + 1..until)
            .filter(|&j| !scan.folded[j])
            .filter_map(|j| match lines[j].kind {
                LineKind::Heading(l, text) if l <= level => Some(section_name(text)),
                _ => None,
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            *papers_with.entry(name).or_default() += 1;
        }
    }
    papers_with.retain(|_, n| *n >= 2);
    papers_with
}

/// Whether the heading on line `j` (at the series' level or above), inside the run of
/// the paper that `anchor` names up to `until` (the next paper's heading, `next`, or the
/// end), closes the list rather than opening a section of that paper: a heading that
/// holds a date (another day); a heading over the next paper with no text of its own (a
/// group's, `## Part II` over `### 3.`); after the last paper, a section no other paper
/// has whose text names other papers (`## Also noted` over a table of them).
fn closes(
    scan: &Scan<'_, '_>,
    level: u8,
    j: usize,
    until: usize,
    next: Option<usize>,
    anchor: Option<&PaperRef>,
    recurring: &HashMap<&str, usize>,
) -> bool {
    let lines = scan.lines;
    let LineKind::Heading(l, text) = lines[j].kind else {
        return false;
    };
    if l > level || scan.folded[j] {
        return false;
    }
    if crate::content::date_text::find_date(text).is_some() {
        return true;
    }
    if let Some(next) = next {
        return lines[j + 1..next]
            .iter()
            .all(|l| matches!(l.kind, LineKind::Blank | LineKind::Rule | LineKind::Comment));
    }
    if recurring.contains_key(section_name(text)) {
        return false;
    }
    let own = anchor.map(PaperRef::key);
    lines[j + 1..until]
        .iter()
        .zip(&scan.refs[j + 1..until])
        .take_while(|(line, _)| !matches!(line.kind, LineKind::Heading(h, _) if h <= l))
        .any(|(_, refs)| refs.iter().any(|r| Some(r.key()) != own))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::structural::layout::choose;
    use crate::content::structural::lines::classify;

    /// The entry unit and, for each entry, its first and last line's text.
    fn entries(text: &str) -> Option<(Unit, Vec<(String, String)>)> {
        let lines = classify(text, 1);
        let scan = Scan::new(&lines);
        let (unit, segments) = choose(&scan)?;
        let out = segments
            .iter()
            .filter(|s| s.anchor.is_some())
            .map(|s| {
                let last = lines[s.start..s.end]
                    .iter()
                    .rev()
                    .find(|l| l.kind != LineKind::Blank)
                    .map_or("", |l| match l.kind {
                        LineKind::Rule => "---",
                        _ => l.text(),
                    });
                (lines[s.start].text().to_string(), last.to_string())
            })
            .collect();
        Some((unit, out))
    }

    fn paper(n: u32, id: &str) -> String {
        format!(
            "### {n}. Paper Number {n} ⭐⭐⭐\n\n**arXiv**: [{id}](https://arxiv.org/abs/{id})\n\n## Why read it\nScore {n}.\n\n## Method\n### Encoder\nEncodes {n}.\n### Router\nRoutes {n}.\n\n## Claims\n### Limits\n- Limit {n}.\n\n"
        )
    }

    #[test]
    fn numbered_papers_keep_their_sections_above_and_beside_them() {
        let mut day = String::from("# Report 2026-01-31\n\n## Today's papers (3)\n\n---\n\n");
        for (n, id) in [(1, "2608.00001"), (2, "2608.00002"), (3, "2608.00003")] {
            day.push_str(&paper(n, id));
        }
        let (unit, got) = entries(&day).unwrap();
        assert_eq!(unit, Unit::Heading(3));
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "1. Paper Number 1 ⭐⭐⭐");
        assert_eq!(got[0].1, "Limit 1.");
        assert_eq!(got[2].1, "Limit 3.");
    }

    #[test]
    fn a_closing_list_of_other_papers_is_not_the_last_papers() {
        let mut day = String::from("# Report\n\n## Today's papers\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str(&paper(2, "2608.00002"));
        day.push_str("---\n\n## Also noted\n\n| # | Paper |\n|---|---|\n| 1 | [Other One](https://arxiv.org/abs/2608.00009) |\n");
        let (_, got) = entries(&day).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "---");
        // A section of the last paper that only it has, naming no other paper, is its.
        let mut day = String::from("# Report\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str(&paper(2, "2608.00002"));
        day.push_str("## Trade-offs\nSlower to train.\n");
        let (_, got) = entries(&day).unwrap();
        assert_eq!(got[1].1, "Slower to train.");
    }

    #[test]
    fn folded_outlines_are_no_shared_sections() {
        // Each paper folds a summary whose headings repeat from paper to paper; the
        // digest's own section after the last paper is not that paper's.
        let mut readme = String::from("# Bot\n## Recent\n");
        for n in 1..=2 {
            readme.push_str(&format!(
                "### {n}. [Paper {n}](https://arxiv.org/abs/2601.0000{n})\n<details>\n<summary>Summary</summary>\n\n## 1. Goals\ntext {n}\n## 2. Results\ntext {n}\n\n</details>\n\n"
            ));
        }
        readme.push_str("## Configuration\nKeywords: LLM, RL.\n");
        let (unit, got) = entries(&readme).unwrap();
        assert_eq!(unit, Unit::Heading(3));
        assert_eq!(got[1].1, "</details>");
    }

    #[test]
    fn a_group_heading_over_the_next_paper_ends_the_one_above() {
        let mut day = String::from("# Report\n\n## Part one\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str("## Part two\n\n");
        day.push_str(&paper(2, "2608.00002"));
        let (_, got) = entries(&day).unwrap();
        assert_eq!(got[0].1, "Limit 1.");
    }

    #[test]
    fn numbers_out_of_order_or_without_links_are_no_series() {
        // Sections numbered like papers, under one paper: one entry, the note's.
        let note = "# A Note\n\n**arXiv**: [2608.00001](https://arxiv.org/abs/2608.00001)\n\n## 1. Goals\ntext\n## 2. Method\ntext\n## 3. Results\ntext\n";
        let (unit, got) = entries(note).unwrap();
        assert_eq!((unit, got.len()), (Unit::Heading(1), 1));
        // Two papers numbered 1 and 3, no 2 between them: not one list.
        let mut day = String::from("# Report\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str(&paper(3, "2608.00003"));
        assert!(segments_at(&day, 3).is_none());
        // The same paper twice is no series of papers.
        let mut day = String::from("# Report\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str(&paper(2, "2608.00001"));
        assert!(segments_at(&day, 3).is_none());
        // A numbered group over titled items is a group, not a paper.
        let groups = "## 1. Vision\n- [A Title](https://arxiv.org/abs/2608.00001)\n- [B Title](https://arxiv.org/abs/2608.00002)\n## 2. Speech\n- [C Title](https://arxiv.org/abs/2608.00003)\n";
        assert!(segments_at(groups, 2).is_none());
    }

    #[test]
    fn a_paper_whose_link_is_empty_still_ends_the_one_above() {
        let mut day = String::from("# Report\n\n");
        day.push_str(&paper(1, "2608.00001"));
        day.push_str(&paper(2, "2608.00002"));
        day.push_str(&paper(3, "2608.00003"));
        day.push_str(
            &paper(4, "2608.00004")
                .replace("[2608.00004](https://arxiv.org/abs/2608.00004)", "[]()"),
        );
        let segments = segments_at(&day, 3).unwrap();
        assert_eq!(segments.len(), 4);
        assert!(segments[3].2.is_none());
        assert!(segments[2].1 <= segments[3].0);
    }

    fn segments_at(text: &str, level: u8) -> Option<Vec<(usize, usize, Option<String>)>> {
        let lines = classify(text, 1);
        let scan = Scan::new(&lines);
        segments(&scan, level).map(|s| {
            s.segments
                .iter()
                .map(|s| (s.start, s.end, s.anchor.map(|a| a.key().to_string())))
                .collect()
        })
    }
}
