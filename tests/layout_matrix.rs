//! Layouts nobody described, built from the parts bots combine: a title line (a heading,
//! a bold line, a list item; numbered or not; linked or not), a paper link in one of the
//! ways bots write it, authors under one of their labels, and summary fields as labelled
//! lines, sub-headings, quotes, folds or plain paragraphs; with or without separators,
//! preambles, category headings and footers. Every combination a seeded walk reaches is
//! written as a day's file and read the way `build` reads it; each must give back every
//! paper, its exact title and authors, and every word of its summary, with no word of
//! one paper landing in another's.
//!
//! Real archives each show one point of this space; the reader is meant to hold across
//! it, since the next bot will pick its own point.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use papertrail::content::{self, Entry, ParseOptions};
use papertrail::diagnostic::Diagnostics;

#[path = "layout_matrix/parts.rs"]
mod parts;

use parts::*;

fn read(text: &str) -> (Vec<Entry>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let entries = content::parse_digest(
        Path::new("content/2026-03-01.md"),
        text,
        &ParseOptions::default(),
        &mut diags,
    )
    .map(|d| d.sections.into_iter().flat_map(|s| s.entries).collect())
    .unwrap_or_default();
    (entries, diags)
}

fn published_text(e: &Entry) -> String {
    [&e.summary, &e.gist, &e.abstract_]
        .into_iter()
        .flatten()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What is wrong with the reading of this layout, if anything.
fn fault(layout: &Layout) -> Option<String> {
    let text = write_file(layout);
    let (entries, _) = read(&text);
    let ids: Vec<_> = entries.iter().map(|e| e.arxiv_id.clone()).collect();
    let want: Vec<_> = PAPERS.iter().map(|p| Some(p.id.to_string())).collect();
    if ids != want {
        return Some(format!("papers {ids:?}"));
    }
    for (e, p) in entries.iter().zip(PAPERS) {
        if e.title != p.title {
            return Some(format!("title {:?}", e.title));
        }
        if e.authors != layout.authors.expected(p) {
            return Some(format!("authors {:?}", e.authors));
        }
        let published = published_text(e);
        for s in layout.summary.sentences(p) {
            if !published.contains(s) {
                return Some(format!("{} lost {s:?} (has {published:?})", p.id));
            }
        }
        for other in PAPERS.iter().filter(|o| o.id != p.id) {
            if let Some(s) = other.body.iter().find(|s| published.contains(*s)) {
                return Some(format!("{} took {s:?}", p.id));
            }
        }
    }
    None
}

/// A small deterministic generator, so that the walk is the same on every run.
struct Walk(u64);

impl Walk {
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        from[((self.0 >> 33) % from.len() as u64) as usize]
    }

    fn layout(&mut self) -> Layout {
        Layout {
            head: self.pick(HEADS),
            link: self.pick(LINKS),
            link_at: self.pick(LINK_AT),
            authors: self.pick(AUTHORS),
            summary: self.pick(SUMMARIES),
            fields: self.pick(FIELD_STYLES),
            bold_labels: self.pick(&[false, true]),
            rule_between: self.pick(&[false, true]),
            preamble: self.pick(&[false, true]),
            categories: self.pick(&[false, true]),
            footer: self.pick(&[false, true]),
            keywords_and_score: self.pick(&[false, true]),
            image: self.pick(&[false, true]),
            published: self.pick(&[false, true]),
            contents: self.pick(&[false, true]),
            trends: self.pick(&[false, true]),
        }
    }
}

#[test]
fn every_layout_gives_back_every_paper_and_word() {
    let runs: usize = std::env::var("LAYOUT_MATRIX_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let mut walk = Walk(0x5eed);
    let mut faults: BTreeMap<String, Vec<(Layout, String)>> = BTreeMap::new();
    for _ in 0..runs {
        let layout = walk.layout();
        if let Some(why) = fault(&layout) {
            if std::env::var_os("LAYOUT_MATRIX_DUMP").is_some() {
                eprintln!("FAULT\t{layout:?}\t{}", why.replace('\n', " "));
                // `LAYOUT_MATRIX_SHOW=<part of a layout's name>`: its file and entries.
                if let Ok(only) = std::env::var("LAYOUT_MATRIX_SHOW")
                    && format!("{layout:?}").contains(&only)
                {
                    let (entries, _) = read(&write_file(&layout));
                    eprintln!("{}\n{entries:#?}", write_file(&layout));
                }
            }
            let kind = why.split(' ').next().unwrap_or("").to_string();
            faults.entry(kind).or_default().push((layout, why));
        }
    }
    if faults.is_empty() {
        return;
    }
    let mut report = String::new();
    for (kind, list) in &faults {
        let _ = writeln!(report, "{kind}: {} layouts", list.len());
        for (layout, why) in list.iter().take(3) {
            let _ = writeln!(
                report,
                "  {layout:?}\n    {why}\n---\n{}---",
                write_file(layout)
            );
        }
    }
    panic!(
        "{} of {runs} layouts misread:\n{report}",
        faults.values().map(Vec::len).sum::<usize>()
    );
}
