//! `feed-state.tsv`: when each feed entry last really changed.
//!
//! Atom readers re-notify when an entry's `updated` moves, so it must move when the
//! entry's text changes (a typo fixed by hand) and only then: not on a rebuild, a theme
//! change, a new `base_url` or a new day. The content alone cannot tell *when* an edit
//! happened, so papertrail keeps a small state file beside `content/`, one line per
//! entry:
//!
//! ```text
//! day:2026-09-21<TAB>3f9a…<TAB>2026-09-21T00:00:00Z
//! paper:2609.09412<TAB>8c01…<TAB>2026-10-02T08:15:42Z
//! ```
//!
//! the entry's key, a hash of what a reader sees (title, content, summary, authors,
//! categories; the site's URL taken out) and its `updated`. A build compares each
//! entry's hash with the file: the same hash keeps the recorded time; a different hash
//! means an edit, and `updated` becomes the build's time (`SOURCE_DATE_EPOCH` when set);
//! an entry the file does not know gets its content date (the day, or the paper's first
//! day), so a site without the file builds exactly as before. The file is rewritten only
//! when something changed, sorted, one line per entry, so it diffs and merges well in
//! git when someone commits it with the content.
//!
//! Every build also publishes the state it used as `feed-state.tsv` at the root of the
//! site. A deploy in CI starts from a fresh clone, and committing the file back would
//! need write access to a bot's branch (and race the bot's own pushes); instead the
//! deploy downloads the previous state from the published site before building (see
//! `action.yml` and docs/deploy.md), so what readers last saw is what the next build
//! keeps.
//!
//! It can never make a build fail: an unreadable or malformed file is a warning (and is
//! left alone), a file that cannot be written is a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// The file's name, in the site's root beside `content/`.
pub const FILE: &str = crate::content::SITE_STAMP_FILE;

const HEADER: &str = "# papertrail feed state: entry key, content hash, updated (RFC 3339). Published with the site as feed-state.tsv; see docs/feeds.md.\n";

#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    hash: String,
    updated: DateTime<Utc>,
}

/// The state file, loaded, plus what this build changed in it.
#[derive(Debug)]
pub struct FeedState {
    path: PathBuf,
    records: BTreeMap<String, Record>,
    now: DateTime<Utc>,
    /// Unreadable or malformed: used for nothing and never overwritten.
    broken: bool,
    dirty: bool,
}

/// The time edits are stamped with: `SOURCE_DATE_EPOCH` (reproducible builds) when set,
/// else the clock, in whole seconds.
pub fn build_time() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(|| DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap_or_default())
}

impl FeedState {
    /// Reads `<root>/feed-state.tsv`; a missing file is an empty state.
    pub fn load(root: &Path, now: DateTime<Utc>, diags: &mut Diagnostics) -> FeedState {
        let path = root.join(FILE);
        let mut state = FeedState {
            path,
            records: BTreeMap::new(),
            now,
            broken: false,
            dirty: false,
        };
        let text = match std::fs::read_to_string(&state.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return state,
            Err(e) => {
                diags.push(Diagnostic::warning(
                    &state.path,
                    0,
                    format!("cannot read the feed state ({e}); entry dates come from the content and the file is left alone"),
                ).kind(Kind::FeedState));
                state.broken = true;
                return state;
            }
        };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells = line.split('\t');
            let parsed = match (cells.next(), cells.next(), cells.next(), cells.next()) {
                (Some(key), Some(hash), Some(updated), None) if !key.is_empty() => {
                    DateTime::parse_from_rfc3339(updated).ok().map(|t| {
                        (
                            key.to_string(),
                            Record {
                                hash: hash.to_string(),
                                updated: t.with_timezone(&Utc),
                            },
                        )
                    })
                }
                _ => None,
            };
            match parsed {
                Some((key, record)) => {
                    state.records.insert(key, record);
                }
                None => {
                    diags.push(Diagnostic::warning(
                        &state.path,
                        i + 1,
                        "not a `key<TAB>hash<TAB>RFC 3339 time` line (a merge conflict?); the feed state is ignored and left alone until it is fixed or deleted",
                    ).kind(Kind::FeedState));
                    state.broken = true;
                    state.records.clear();
                    return state;
                }
            }
        }
        state
    }

    /// The entry's `updated`: kept while `hash` is unchanged, the build time after an
    /// edit, `first` for an entry never seen before.
    pub fn updated(&mut self, key: &str, hash: &str, first: DateTime<Utc>) -> DateTime<Utc> {
        if self.broken {
            return first;
        }
        match self.records.get_mut(key) {
            Some(r) if r.hash == hash => r.updated,
            Some(r) => {
                // Never backwards, even with a wrong clock.
                let t = self.now.max(r.updated + chrono::Duration::seconds(1));
                *r = Record {
                    hash: hash.to_string(),
                    updated: t,
                };
                self.dirty = true;
                t
            }
            None => {
                self.records.insert(
                    key.to_string(),
                    Record {
                        hash: hash.to_string(),
                        updated: first,
                    },
                );
                self.dirty = true;
                first
            }
        }
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEADER);
        for (key, r) in &self.records {
            // Pushed piece by piece: a `format!` per entry cost more than the rest.
            let updated = crate::dates::datetime(r.updated);
            for piece in [key.as_str(), "\t", &r.hash, "\t", &updated, "\n"] {
                out.push_str(piece);
            }
        }
        out
    }

    /// The state to publish with the site as `public/feed-state.tsv`, so that the next
    /// deploy can start from what readers last saw (the workflow downloads it from the
    /// published site) without committing anything to the repository. None when the
    /// local file is broken: publishing a state nobody could read would only pass the
    /// problem on.
    pub fn published_text(&self) -> Option<String> {
        (!self.broken).then(|| self.to_text())
    }

    /// Writes the file if this build changed it (atomically: a temporary file renamed
    /// over it). A failure is a warning, never an error.
    pub fn save(&self, diags: &mut Diagnostics) {
        if self.broken || !self.dirty {
            return;
        }
        let tmp = self.path.with_extension("tsv.tmp");
        let result =
            std::fs::write(&tmp, self.to_text()).and_then(|()| std::fs::rename(&tmp, &self.path));
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            diags.push(Diagnostic::warning(
                &self.path,
                0,
                format!("cannot write the feed state ({e}); edited entries will get a new `updated` again on the next build"),
            ).kind(Kind::FeedState));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn keeps_moves_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Diagnostics::default();
        let now = t("2026-11-22T06:00:00Z");
        let first = t("2026-09-21T00:00:00Z");
        let mut s = FeedState::load(dir.path(), now, &mut d);
        assert_eq!(s.updated("day:2026-09-21", "aa", first), first);
        s.save(&mut d);
        let mut s = FeedState::load(dir.path(), now, &mut d);
        assert_eq!(s.updated("day:2026-09-21", "aa", first), first);
        assert!(!s.dirty);
        assert_eq!(s.updated("day:2026-09-21", "bb", first), now);
        s.save(&mut d);
        let mut s = FeedState::load(dir.path(), t("2020-01-01T00:00:00Z"), &mut d);
        assert_eq!(s.updated("day:2026-09-21", "bb", first), now);
        assert_eq!(
            s.updated("day:2026-09-21", "cc", first),
            now + chrono::Duration::seconds(1)
        );
        assert!(d.is_empty(), "{d}");
    }

    #[test]
    fn a_broken_file_is_a_warning_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let text = "<<<<<<< HEAD\nday:x\taa\t2026-01-01T00:00:00Z\n";
        std::fs::write(dir.path().join(FILE), text).unwrap();
        let mut d = Diagnostics::default();
        let first = t("2026-09-21T00:00:00Z");
        let mut s = FeedState::load(dir.path(), first, &mut d);
        assert_eq!(d.warning_count(), 1);
        assert_eq!(s.updated("day:x", "zz", first), first);
        s.save(&mut d);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(FILE)).unwrap(),
            text
        );
    }
}
