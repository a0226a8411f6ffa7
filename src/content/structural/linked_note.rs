//! A note whose front matter titles it and links a page that is no paper: a blog post
//! or a lab's news item that a bot follows beside the day's papers (`source: "BAIR
//! Blog"`, `url: "https://…/blog/…"`, then `# Title` and the bot's summary). The bot
//! filed it as one of the day's items, so it is published as a link to another work,
//! under its title with its summary, rather than reported as a file with nothing in it.

use std::path::Path;

use chrono::NaiveDate;

use super::entry;
use super::ids::{self, PaperRef};
use super::layout::Unit;
use super::lines;
use crate::content::{ParseOptions, Section};
use crate::diagnostic::Diagnostics;

/// The note's own address, when `link` (its front matter's link) is a page to publish
/// (`http` or `https`) that names no paper.
pub fn own_page(link: &str) -> Option<String> {
    let url = crate::content::web_url::web_url(link)?;
    ids::find(&url).is_empty().then_some(url)
}

/// The one entry of a note written as `text` (the front matter's head, its second line
/// the link's, then the note), linking `url`. `None` when the note gives no title.
pub fn read(
    path: &Path,
    path_dated: bool,
    text: &str,
    first_line: usize,
    url: String,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Vec<Section>> {
    // The head's line labelling the link (`**arXiv**: …`) says nothing of this page:
    // left empty, so that the lines after it keep their numbers.
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
    let anchor = PaperRef {
        arxiv_id: None,
        url,
        link_text: None,
        start: 0,
        end: 0,
    };
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
        super::stamp_of(&all).filter(|&date| super::stamp_fits(&entry, date))
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
