//! The diagnostic for one arXiv id given two titles on one day: an error when two rows
//! were mixed up, a warning when the two entries are one paper renamed or read by
//! structure. Kept apart from the assembly that finds such pairs, which is long enough.

use std::collections::BTreeMap;

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
    let renamed = renamed(here.1, first.1);
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
    if is_variant(here.1, first.1) {
        Diagnostic::warning(path, here.1.line, message).kind(Kind::TitleVariant)
    } else {
        Diagnostic::error(path, here.1.line, message).kind(Kind::TitleConflict)
    }
}

/// Whether two titles of one paper are variants, a warning, rather than two rows mixed
/// up, an error. Entries read by their structure come from layouts that list a paper
/// under a translated, shortened or prefixed title in one file and in full in another
/// (an index and its note, a topic file and the day's file): the title the model
/// chooses is published, and the other is no decision for a person. So is a paper
/// [`renamed`] between versions.
fn is_variant(here: &Entry, first: &Entry) -> bool {
    here.format == Format::Structural || first.format == Format::Structural || renamed(here, first)
}

/// Whether two entries are one paper renamed between its versions. Two entries with the
/// same authors are (a generator that keeps a table per topic updates one row and not
/// the other); rows mixed up would pair a title with another paper's names. So are two
/// entries whose links name two versions of it (`…v1` and `…v2`): a tracker that lists
/// each new version as it comes.
fn renamed(here: &Entry, first: &Entry) -> bool {
    let versions = (version_of(here), version_of(first));
    !here.authors.is_empty() && here.authors == first.authors
        || matches!(versions, (Some(a), Some(b)) if a != b)
}

/// The papers of each file that one listing titles differently from another listing
/// under another category: a bot that writes a paper once per category it is
/// cross-listed in, and translates or rewrites its title each time. Such a file would
/// give a warning for most of its papers; it gets one that counts them and shows the
/// first. Only what would be a warning is gathered here: two rows of one table mixed up
/// stay an error, whatever their categories.
#[derive(Default)]
pub(crate) struct Refiled<'e> {
    /// By file: how many papers, and the first (id, this listing, the first listing).
    by_file: BTreeMap<usize, (usize, RefiledExample<'e>)>,
}

/// One paper of [`Refiled`]: its id, and the later and the first listing.
type RefiledExample<'e> = (&'e str, &'e Entry, &'e Entry);

impl<'e> Refiled<'e> {
    /// Takes the pair `here` and `first` (one id, one day, two titles) if one file files
    /// it under two categories and the titles are variants, not a mix-up; says whether
    /// it took it.
    pub(crate) fn take(
        &mut self,
        id: &'e str,
        here: (usize, &'e Entry),
        first: (usize, &'e Entry),
    ) -> bool {
        if here.0 != first.0
            || !is_variant(here.1, first.1)
            || !super::assemble::filed_apart(&first.1.tags, &here.1.tags)
        {
            return false;
        }
        self.by_file
            .entry(here.0)
            .and_modify(|(count, _)| *count += 1)
            .or_insert((1, (id, here.1, first.1)));
        true
    }

    /// One `title-variant` warning a file, in file order.
    pub(crate) fn warnings(self, digests: &[&Digest]) -> impl Iterator<Item = Diagnostic> {
        self.by_file
            .into_iter()
            .map(|(file, (count, (id, here, first)))| {
                let papers = if count == 1 { "paper" } else { "papers" };
                let message = format!(
                    "{count} {papers} listed under several categories in this file carry another \
                 title under each (the first: {id} is `{}` on line {} and `{}` on line {}); \
                 the first title of each is published",
                    first.title, first.line, here.title, here.line
                );
                Diagnostic::warning(&digests[file].path, first.line, message)
                    .kind(Kind::TitleVariant)
            })
    }
}

/// The version an entry's link names (`2608.00001v2` gives `2`), if any.
fn version_of(entry: &Entry) -> Option<&str> {
    let (id, url) = (entry.arxiv_id.as_deref()?, entry.url.as_deref()?);
    let rest = url.get(url.find(id)? + id.len()..)?.strip_prefix('v')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| &rest[..digits])
}
