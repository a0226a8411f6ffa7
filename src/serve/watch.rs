//! Watching the site folder: which events are changes, and of what kind.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use super::State;
use crate::content;

/// How long the watcher waits for more events after the first one of a burst.
pub(super) const QUIET: Duration = Duration::from_millis(10);
/// The longest a burst of events is coalesced before rebuilding anyway.
pub(super) const MAX_COALESCE: Duration = Duration::from_millis(200);

pub(super) enum Change {
    Full,
    Content(BTreeSet<PathBuf>),
    Nothing,
}

impl State {
    pub(super) fn watch(&self, watcher: &mut notify::RecommendedWatcher) {
        let _ = watcher.watch(&self.real_root, RecursiveMode::NonRecursive);
        for dir in ["content", "templates", "themes", "static"] {
            let path = self.real_root.join(dir);
            if path.is_dir() {
                let _ = watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
    }

    pub(super) fn classify(&self, paths: &BTreeSet<PathBuf>) -> Change {
        let mut content_paths = BTreeSet::new();
        let mut rescan = false;
        for event_path in paths {
            let Ok(rel) = event_path.strip_prefix(&self.real_root) else {
                continue;
            };
            // The same file as `content::discover` names it, under the user's root.
            let path = &self.root.join(rel);
            let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
            let Some(top) = parts.next() else { continue };
            match top.as_ref() {
                "config.toml" | "templates" | "themes" | "static" => return Change::Full,
                "content" => {
                    let rest: Vec<_> = parts.collect();
                    if rest.iter().any(|p| p.starts_with('.')) {
                        continue;
                    }
                    if content::is_digest_name(path) && !is_editor_noise(path) {
                        content_paths.insert(path.clone());
                    } else if !is_editor_noise(path) && self.is_folder(path) {
                        // A folder created, removed or renamed: look at the whole tree.
                        // Other files (an editor's or `perl -i`'s temporary file) are
                        // not digests and cannot hold any: a rescan would cost a walk
                        // of the archive for nothing.
                        rescan = true;
                    }
                }
                _ => {}
            }
        }
        if rescan {
            match content::discover(&self.content_dir) {
                Ok(found) => {
                    let found: BTreeSet<PathBuf> = found.into_iter().collect();
                    content_paths.extend(
                        found
                            .iter()
                            .filter(|p| !self.file_diags.contains_key(*p))
                            .cloned(),
                    );
                    content_paths.extend(
                        self.file_diags
                            .keys()
                            .filter(|p| !found.contains(*p))
                            .cloned(),
                    );
                }
                Err(_) => return Change::Full,
            }
        }
        if content_paths.is_empty() {
            Change::Nothing
        } else {
            Change::Content(content_paths)
        }
    }

    /// Whether `path` is a folder now, or was one: a folder holding digests read before.
    pub(super) fn is_folder(&self, path: &Path) -> bool {
        path.is_dir()
            || self
                .file_diags
                .range(path.to_path_buf()..)
                .next()
                .is_some_and(|(known, _)| known.starts_with(path) && known != path)
    }
}

/// Swap files, backups and the like that editors write beside the file being edited.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;

    #[test]
    fn only_folders_make_a_rescan() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("content/2025/07");
        std::fs::create_dir_all(&dir).expect("mkdir");
        let mut state = State::new(
            root.path(),
            root.path().to_path_buf(),
            "http://127.0.0.1:1111/",
        );
        state.file_diags.insert(
            root.path().join("content/2024/01/2024-01-02.md"),
            Diagnostics::default(),
        );
        // An existing folder, and one that is gone but held digests read before.
        assert!(state.is_folder(&dir));
        assert!(state.is_folder(&root.path().join("content/2024/01")));
        assert!(state.is_folder(&root.path().join("content/2024")));
        // A temporary file, a digest, and a name that only starts like a known folder.
        assert!(!state.is_folder(&dir.join("XXZrHaO3")));
        assert!(!state.is_folder(&root.path().join("content/2024/01/2024-01-02.md")));
        assert!(!state.is_folder(&root.path().join("content/2024/0")));
        assert!(!state.is_folder(&root.path().join("content/2024/01b")));
    }
}
