//! The `duplicate-entry` warning for a paper that one file lists again after another
//! file of the same day. A bot that writes a file per category and then a file per topic
//! lists most of a day's papers twice, by design: one warning per paper would be tens of
//! thousands on a year of it. A file that repeats one paper gets that paper's warning; a
//! file that repeats several gets one that counts them and names the first.

use chrono::NaiveDate;

use crate::content::Digest;
use crate::diagnostic::{Diagnostic, Kind};

/// The papers the file being read lists again after another file of the same day.
#[derive(Default)]
pub(super) struct Relisted {
    count: usize,
    /// The first: its id, day, line here, and the file and line that listed it first.
    first: Option<(String, NaiveDate, usize, usize, usize)>,
}

impl Relisted {
    /// Notes that the file being read lists `id` on `date` at `line`, after file `was`
    /// listed it at `was_line`.
    pub(super) fn note(
        &mut self,
        id: &str,
        date: NaiveDate,
        line: usize,
        was: usize,
        was_line: usize,
    ) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((id.to_string(), date, line, was, was_line));
        }
    }

    /// The warning for file `here` (none when it repeats nothing); the count starts
    /// again for the next file.
    pub(super) fn take_warning(&mut self, digests: &[&Digest], here: usize) -> Option<Diagnostic> {
        let count = std::mem::take(&mut self.count);
        let (id, date, line, was, was_line) = self.first.take()?;
        let first_at = format!(
            "{}:{was_line}",
            crate::diagnostic::display_path(&digests[was].path)
        );
        let message = if count == 1 {
            format!("{id} is listed twice on {date} (first at {first_at}); the entries are merged")
        } else {
            format!(
                "{count} papers of this file are listed on their day in another file too (the \
                 first: {id} on {date}, first at {first_at}); the entries are merged"
            )
        };
        Some(Diagnostic::warning(&digests[here].path, line, message).kind(Kind::DuplicateEntry))
    }
}
