//! A note whose front matter titles it and links its one work, when the general reader
//! finds no entry in it. Two cases:
//!
//! - The link is a page that is no paper: a blog post or a lab's news item that a bot
//!   follows beside the day's papers (`source: "BAIR Blog"`, `url: "https://…/blog/…"`,
//!   then `# Title` and the bot's summary). The bot filed it as one of the day's items,
//!   so it is published as a link to another work.
//! - The link is the note's paper, but the note cites another paper in its text (a
//!   bullet naming a companion paper `[arXiv:…]`), and no layout of entries fits two
//!   papers in one note. The front matter says which paper the note is about.
//!
//! Either way the note is one entry under its title, with its summary, rather than a
//! file reported as holding nothing.

use std::path::Path;

use chrono::NaiveDate;

use super::entry;
use super::ids::{self, PaperRef};
use super::layout::Unit;
use super::lines;
use crate::content::{ParseOptions, Section};
use crate::diagnostic::Diagnostics;

/// What the note is about, from `link` (its front matter's link, as its head writes it:
/// a URL, or `arXiv:ID`): its paper, or a page to publish (`http` or `https`).
pub fn own_work(link: &str) -> Option<PaperRef> {
    if let Some(paper) = ids::find(link).into_iter().next() {
        return Some(PaperRef {
            start: 0,
            end: 0,
            link_text: None,
            ..paper
        });
    }
    let url = crate::content::web_url::web_url(link)?;
    Some(PaperRef {
        arxiv_id: None,
        url,
        link_text: None,
        start: 0,
        end: 0,
    })
}

/// The one entry of a note written as `text` (the front matter's head, its second line
/// the link's, then the note), about `work`. `None` when the note gives no title.
pub fn read(
    path: &Path,
    path_dated: bool,
    text: &str,
    first_line: usize,
    work: PaperRef,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Vec<Section>> {
    // The head's line labelling the link (`**arXiv**: …`) says nothing the anchor does
    // not: left empty, so that the lines after it keep their numbers.
    let text = match text.split_once('\n') {
        Some((title, rest)) => {
            let after = rest.find('\n').map_or("", |at| &rest[at..]);
            format!("{title}\n{after}")
        }
        None => return None,
    };
    let all = lines::classify(&text, first_line);
    if !matches!(all.first()?.kind, lines::LineKind::Heading(1, _)) {
        return None;
    }
    let anchor = work;
    let separated = super::inline_fields::may_separate_any(&text);
    let entry = entry::build(
        path,
        &all,
        &[],
        Unit::Heading(1),
        &anchor,
        Vec::new(),
        separated,
        opts,
        diags,
    )?;
    let stamp: Option<NaiveDate> = if path_dated {
        None
    } else {
        super::stamp::of(&all).filter(|&date| super::stamp::fits(&entry, date))
    };
    let mut is_entry_start = vec![false; all.len()];
    is_entry_start[0] = true;
    let in_note_tail = vec![false; all.len()];
    Some(super::sections(
        &all,
        &is_entry_start,
        &in_note_tail,
        None,
        vec![(0, Unit::Heading(1), entry, stamp)],
    ))
}
