//! Which day a section's papers are listed on: the file's front matter, a dated
//! heading, the file's own date (its path or YAML `date`), the index that lists it, or
//! last the papers' own date lines, with a warning wherever two of them disagree.

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::{Digest, Format};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// Whether papers' own date lines ([`crate::content::Section::stamped`]) may date them:
/// only on a site none of whose files is dated by its front matter, path or a heading.
/// Where some are, a paper's own date is the day it was published on arXiv, not a day
/// of the digest: a note of the paper kept beside the dated digests would list it a
/// second time, on another day.
pub(super) fn stamps_date(digests: &[&Digest], config: &Config) -> bool {
    !digests.iter().any(|d| {
        (!d.front.draft || config.drafts)
            && (d.front.date.is_some()
                || d.file_date.is_some()
                || d.index_date.is_some()
                || d.sections.iter().any(|s| !s.stamped && s.date.is_some()))
    })
}

/// The day of `section` of `digest`, or `None` (with a warning or an error) when
/// nothing dates it.
pub(super) fn resolve_date(
    digest: &Digest,
    section: &crate::content::Section,
    stamps: bool,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    // A paper's own date line (`Published: 2026-04-21`) dates it only where nothing
    // else does ([`stamps_date`]): front matter and the path outrank it without a word.
    if section.stamped {
        if let Some(date) = digest.front.date.or(digest.file_date).or(digest.index_date) {
            return Some(date);
        }
        if let Some(date) = section.date.filter(|_| stamps) {
            diags.push(
                Diagnostic::warning(
                    &digest.path,
                    section.line,
                    format!("{} paper(s) here have no date in the file's path, front matter or headings; listed on {date}, the date of their own date line", section.entries.len()),
                )
                .kind(Kind::StampedDate),
            );
            return Some(date);
        }
    }
    // A stamp that may not date the papers leaves them undated.
    let heading = if section.stamped { None } else { section.date };
    if let Some(date) = digest.front.date {
        if let Some(heading) = heading
            && heading != date
        {
            diags.push(
                Diagnostic::warning(
                    &digest.path,
                    section.line,
                    format!("heading says {heading} but front matter says {date}; using {date}"),
                )
                .kind(Kind::DateConflict),
            );
        }
        return Some(date);
    }
    if let (Some(heading), Some(file_date)) = (heading, digest.file_date)
        && heading != file_date
    {
        let source = if crate::content::date_from_path(&digest.path).is_some() {
            "path"
        } else {
            "front matter"
        };
        diags.push(
            Diagnostic::warning(
                &digest.path,
                section.line,
                format!(
                    "heading says {heading} but the file's {source} says {file_date}; using {heading}"
                ),
            )
            .kind(Kind::DateConflict),
        );
    }
    // An index's date last: the note's own headings and path know better.
    if let Some(date) = heading.or(digest.file_date).or(digest.index_date) {
        return Some(date);
    }
    // A file read by its structure may be no digest at all (a navigation page, a
    // README, notes kept by topic): its undated papers are reported, not fatal.
    let read_by_structure = section
        .entries
        .iter()
        .all(|e| e.format == Format::Structural);
    if !section.entries.is_empty() && read_by_structure {
        diags.push(Diagnostic::warning(
            &digest.path,
            section.line,
            format!("{} paper(s) here have no date and are not published: add `date = YYYY-MM-DD` in `+++` front matter, a dated heading, or a date in the file or folder name", section.entries.len()),
        ).kind(Kind::Undated));
    } else if !section.entries.is_empty() {
        let advice = match crate::content::date_text::impossible_date_in(&digest.path) {
            Some(shape) => format!("`{shape}` in the file name is not a real date; rename the file or add `date = YYYY-MM-DD` in `+++` front matter"),
            None => "no date for these papers: add `date = YYYY-MM-DD` in `+++` front matter, a `## Papers for YYYY-MM-DD` heading, or a YYYY-MM-DD in the file name".to_string(),
        };
        diags.push(Diagnostic::error(&digest.path, section.line, advice).kind(Kind::NoDate));
    }
    None
}
