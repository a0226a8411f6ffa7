//! A dated file that is one paper with no title anywhere: a summary and a line that is
//! only the paper's link, as a bot writes when it keeps one paper a day. The paper is
//! published under its arXiv id, with a warning, rather than dropped.

use std::path::Path;

use super::entry;
use super::layout::{Scan, Unit};
use super::lines::{Line, LineKind};
use crate::content::{Entry, ParseOptions};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// The one paper of `all`, titled by its id, when the file names exactly one paper on
/// a line of its own and nothing else read an entry from it.
pub fn read(
    path: &Path,
    path_dated: bool,
    all: &[Line<'_>],
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    // An undated file (a README that mentions a paper) is no day's paper.
    if !path_dated {
        return None;
    }
    let scan = Scan::new(all);
    let mut mentions = scan
        .strong
        .iter()
        .zip(&scan.refs)
        .zip(all)
        .flat_map(|((strong, refs), line)| strong.iter().map(move |&k| (&refs[k], line)));
    let (anchor, line) = mentions.next()?;
    if mentions.any(|(r, _)| r.key() != anchor.key()) {
        return None;
    }
    let id = anchor.arxiv_id.as_deref()?;
    // The link stands alone on its line (`[Link](…)`), not inside a sentence.
    let text = line.text().trim_end();
    if anchor.start > 0 || anchor.end < text.len() {
        return None;
    }
    let title = format!("arXiv {id}");
    let mut lines = Vec::with_capacity(all.len() + 1);
    lines.push(Line {
        no: line.no,
        kind: LineKind::Heading(1, &title),
        indent: 0,
        label: None,
        may_name_paper: false,
        may_fold: false,
    });
    lines.extend_from_slice(all);
    let mut entry = entry::build(
        path,
        &lines,
        &[],
        Unit::Heading(1),
        anchor,
        Vec::new(),
        true,
        opts,
        diags,
    )?;
    // The reader cleans ids out of titles; this title is the id.
    entry.title.clone_from(&title);
    diags.push(
        Diagnostic::warning(
            path,
            line.no,
            format!(
                "the file gives {} no title; it is published as `{title}`",
                anchor.url
            ),
        )
        .kind(Kind::Untitled),
    );
    Some(entry)
}
