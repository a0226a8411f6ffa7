//! The diagnostic for one arXiv id given two titles on one day: an error when two rows
//! were mixed up, a warning when the two entries are one paper renamed or read by
//! structure. Kept apart from the assembly that finds such pairs, which is long enough.

use crate::content::{Digest, Entry, Format};
use crate::diagnostic::{Diagnostic, Kind};

/// The error for one id with two titles on one day: `here` (file, entry) against the
/// entry seen first.
pub(crate) fn title_conflict(
    digests: &[&Digest],
    id: &str,
    here: (usize, &Entry),
    first: (usize, &Entry),
) -> Diagnostic {
    // Entries read by their structure come from layouts that list a paper under a
    // translated, shortened or prefixed title in one file and in full in another (an
    // index and its note, a topic file and the day's file): the title the model chooses
    // is published, and the other is a warning, not a decision for a person.
    let structural = here.1.format == Format::Structural || first.1.format == Format::Structural;
    // Two entries with the same authors are one paper renamed between its versions (a
    // generator that keeps a table per topic updates one row and not the other); rows
    // mixed up would pair a title with another paper's names.
    // So are two entries whose links name two versions of it (`…v1` and `…v2`): a
    // tracker that lists each new version as it comes.
    let versions = (version_of(here.1), version_of(first.1));
    let renamed = !here.1.authors.is_empty() && here.1.authors == first.1.authors
        || matches!(versions, (Some(a), Some(b)) if a != b);
    let path = &digests[here.0].path;
    let message = format!(
        "{id} is titled `{}` here but `{}` at {}:{} on the same day{}",
        here.1.title,
        first.1.title,
        crate::diagnostic::display_path(&digests[first.0].path),
        first.1.line,
        if renamed {
            " by the same authors (a paper renamed between versions); the first title is published"
        } else {
            ""
        }
    );
    if structural || renamed {
        Diagnostic::warning(path, here.1.line, message).kind(Kind::TitleVariant)
    } else {
        Diagnostic::error(path, here.1.line, message).kind(Kind::TitleConflict)
    }
}

/// The version an entry's link names (`2608.00001v2` gives `2`), if any.
fn version_of(entry: &Entry) -> Option<&str> {
    let (id, url) = (entry.arxiv_id.as_deref()?, entry.url.as_deref()?);
    let rest = url.get(url.find(id)? + id.len()..)?.strip_prefix('v')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| &rest[..digits])
}
