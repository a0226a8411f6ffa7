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
    /// Watches the site folder (config.toml, folders that appear), the content folder and
    /// the theme folders, by their canonical paths: what the watcher reports is then
    /// matched against those, however the user named the root.
    pub(super) fn watch(&self, watcher: &mut notify::RecommendedWatcher) {
        let _ = watcher.watch(&self.real_root, RecursiveMode::NonRecursive);
        let dirs = ["templates", "themes", "static"].map(|d| self.real_root.join(d));
        for path in std::iter::once(&self.real_content_dir).chain(&dirs) {
            if path.is_dir() {
                let _ = watcher.watch(path, RecursiveMode::Recursive);
            }
        }
    }

    pub(super) fn classify(&self, paths: &BTreeSet<PathBuf>) -> Change {
        let mut content_paths = BTreeSet::new();
        let mut rescan = false;
        for event_path in paths {
            if let Ok(rel) = event_path.strip_prefix(&self.real_root) {
                let top = rel.components().next().map(|c| c.as_os_str());
                if top.is_some_and(|t| {
                    ["config.toml", "templates", "themes", "static"]
                        .iter()
                        .any(|name| t == *name)
                }) {
                    return Change::Full;
                }
            }
            let Ok(inside) = event_path.strip_prefix(&self.real_content_dir) else {
                continue;
            };
            if inside
                .components()
                .any(|p| p.as_os_str().to_string_lossy().starts_with('.'))
                || content::is_ignored(inside, self.ignored())
            {
                continue;
            }
            // The same file as `content::discover` names it, under the user's root.
            let path = &self.content_dir.join(inside);
            if content::is_digest_name(path)
                && !is_editor_noise(path)
                && !content::is_note_source(path)
            {
                content_paths.insert(path.clone());
            } else if !is_editor_noise(path) && self.is_folder(path) {
                // A folder created, removed or renamed: look at the whole tree. Other
                // files (an editor's or `perl -i`'s temporary file) are not digests and
                // cannot hold any: a rescan would cost a walk of the archive for nothing.
                rescan = true;
            }
        }
        if rescan {
            match content::discover(&self.content_dir, self.ignored()) {
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

/// `path` made absolute with every symlink resolved, as the watcher reports paths under
/// a watched canonical folder; a path that does not exist (yet) resolves through its
/// nearest existing ancestor.
pub(super) fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return missing.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
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

    #[test]
    fn a_notes_txt_twin_is_no_change_to_the_content() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("content/202604/02");
        std::fs::create_dir_all(&dir).expect("mkdir");
        for name in ["2603.23719v1-a.md", "2603.23719v1-a.txt", "2026-04-02.txt"] {
            std::fs::write(dir.join(name), "# x\n").expect("write");
        }
        let state = State::new(
            root.path(),
            real_path(root.path()),
            "http://127.0.0.1:1111/",
        );
        let real = real_path(&dir);
        let changed = |name: &str| state.classify(&BTreeSet::from([real.join(name)]));
        assert!(matches!(changed("2603.23719v1-a.txt"), Change::Nothing));
        assert!(matches!(changed("2026-04-02.txt"), Change::Content(_)));
        assert!(matches!(changed("2603.23719v1-a.md"), Change::Content(_)));
    }
}
