//! Removing the previous output folder after the swap, on every core.
//!
//! Once the new output is swapped in, the previous one (a folder per page: about
//! 22,000 files and folders at 365 days, ten times that at 3650) is removed before the
//! build returns. Removed by one thread, as `std::fs::remove_dir_all` does, it was a
//! serial tail of every build in which the other cores sat idle. Unlinks in different
//! folders do not wait for each other, so the entries of each folder are removed in
//! parallel; each folder is opened once and its entries are removed relative to it, so
//! no path is looked up from the root again.
//!
//! Most of the previous output's files are known without listing it: the unchanged
//! files the build linked into the new output have the same names in the previous one.
//! Those are removed first, each folder opened by its name, its known files unlinked
//! and the folder removed, deepest first: a listing of each folder (two calls at least)
//! was a third of the calls the removal made. What is left after (files the build did
//! not link, folders still holding them) is listed and removed as before.

use std::io;
use std::path::Path;

/// Removes the folder `path` and everything in it, given files `known` that it holds
/// (paths relative to it with `/` between folders; others may be there too, and a known
/// one missing is no error). Symbolic links are removed, never followed.
pub fn remove_tree_holding(path: &Path, known: &[String]) -> io::Result<()> {
    imp::remove_known(path, known);
    imp::remove_tree(path)
}

#[cfg(target_os = "linux")]
mod imp {
    use std::ffi::CString;
    use std::io;
    use std::os::fd::{AsFd as _, BorrowedFd, OwnedFd};
    use std::path::Path;

    use rayon::prelude::*;
    use rustix::fs::{
        AtFlags, CWD, Dir, FileType, Mode, OFlags, ResolveFlags, openat, openat2, statat, unlinkat,
    };

    /// Opens folders only: a symbolic link in their place is an error, not followed.
    const FOLDER: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::CLOEXEC);

    /// Removes what it can of the files `known` in the folder `path` and of their
    /// folders (see the module documentation); anything it cannot is left.
    pub fn remove_known(path: &Path, known: &[String]) {
        let Ok(root) = openat(CWD, path, FOLDER, Mode::empty()) else {
            return;
        };
        // Each folder holding a known file, and every folder above it, with its files.
        let mut folders: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        let mut top: Vec<&str> = Vec::new();
        for rel in known {
            let Some((folder, name)) = rel.rsplit_once('/') else {
                top.push(rel);
                continue;
            };
            folders.entry(folder).or_default().push(name);
            let mut above = folder;
            while let Some((parent, _)) = above.rsplit_once('/') {
                folders.entry(parent).or_default();
                above = parent;
            }
        }
        top.par_iter().for_each(|name| {
            let _ = unlinkat(&root, *name, AtFlags::empty());
        });
        // Deepest first, so that each folder is empty of folders by its turn.
        let mut by_depth: Vec<Vec<(&str, Vec<&str>)>> = Vec::new();
        for (folder, files) in folders {
            let depth = folder.matches('/').count();
            if by_depth.len() <= depth {
                by_depth.resize_with(depth + 1, Vec::new);
            }
            by_depth[depth].push((folder, files));
        }
        for level in by_depth.iter().rev() {
            level.par_iter().for_each(|(folder, files)| {
                // Never through a symbolic link, nor out of the folder being removed.
                let resolve = ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS;
                let Ok(fd) = openat2(&root, *folder, FOLDER, Mode::empty(), resolve) else {
                    return;
                };
                for name in files {
                    let _ = unlinkat(&fd, *name, AtFlags::empty());
                }
                drop(fd);
                // Fails when the folder still holds something: left for the listing.
                let _ = unlinkat(&root, *folder, AtFlags::REMOVEDIR);
            });
        }
    }

    pub fn remove_tree(path: &Path) -> io::Result<()> {
        let folder = openat(CWD, path, FOLDER, Mode::empty())?;
        empty(folder)?;
        std::fs::remove_dir(path)
    }

    /// Removes everything in the open folder `folder`.
    fn empty(folder: OwnedFd) -> io::Result<()> {
        let mut dir = Dir::new(folder)?;
        let mut entries: Vec<(CString, bool)> = Vec::new();
        while let Some(entry) = dir.read() {
            let entry = entry?;
            let name = entry.file_name();
            if name == c"." || name == c".." {
                continue;
            }
            let is_folder = match entry.file_type() {
                FileType::Directory => true,
                FileType::Unknown => {
                    let fd = dir.fd()?;
                    let stat = statat(fd, name, AtFlags::SYMLINK_NOFOLLOW)?;
                    FileType::from_raw_mode(stat.st_mode) == FileType::Directory
                }
                _ => false,
            };
            entries.push((name.to_owned(), is_folder));
        }
        let fd = dir.fd()?;
        let remove = |(name, is_folder): &(CString, bool)| remove_entry(fd, name, *is_folder);
        // A folder of one page holds one or two files: not worth a split.
        if entries.len() > 2 {
            entries.par_iter().try_for_each(remove)
        } else {
            entries.iter().try_for_each(remove)
        }
    }

    fn remove_entry(parent: BorrowedFd, name: &CString, is_folder: bool) -> io::Result<()> {
        if is_folder {
            let folder = openat(parent, name.as_c_str(), FOLDER, Mode::empty())?;
            empty(folder)?;
            unlinkat(parent, name.as_c_str(), AtFlags::REMOVEDIR)?;
        } else {
            unlinkat(parent.as_fd(), name.as_c_str(), AtFlags::empty())?;
        }
        Ok(())
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    /// The listing removes everything: nothing is gained from knowing files here.
    pub fn remove_known(_path: &std::path::Path, _known: &[String]) {}

    pub fn remove_tree(path: &std::path::Path) -> std::io::Result<()> {
        std::fs::remove_dir_all(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn removes_nested_folders_and_links_without_following_them() {
        let dir = tempfile::tempdir().unwrap();
        let keep = dir.path().join("keep");
        fs::create_dir(&keep).unwrap();
        fs::write(keep.join("precious"), "x").unwrap();
        let tree = dir.path().join("tree");
        for i in 0..20 {
            let page = tree.join(format!("papers/{i}"));
            fs::create_dir_all(&page).unwrap();
            fs::write(page.join("index.html"), "page").unwrap();
        }
        fs::create_dir_all(tree.join("a/b/c/d")).unwrap();
        fs::write(tree.join("a/b/c/d/deep.txt"), "deep").unwrap();
        fs::write(tree.join("top.html"), "top").unwrap();
        std::os::unix::fs::symlink(&keep, tree.join("link")).unwrap();
        remove_tree_holding(&tree, &[]).unwrap();
        assert!(!tree.exists());
        assert!(keep.join("precious").is_file());
    }

    #[cfg(unix)]
    #[test]
    fn known_files_are_removed_by_name_and_the_rest_by_listing() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir_all(outside.join("x")).unwrap();
        fs::write(outside.join("x/index.html"), "keep").unwrap();
        let tree = dir.path().join("tree");
        for rel in ["index.html", "papers/1/index.html", "papers/2/index.html"] {
            let path = tree.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "page").unwrap();
        }
        // Not known: beside a known file, in a folder of its own, deeper down.
        fs::write(tree.join("papers/1/extra.txt"), "x").unwrap();
        fs::create_dir_all(tree.join("tags/t/page/2")).unwrap();
        fs::write(tree.join("tags/t/page/2/index.html"), "x").unwrap();
        // A link to a folder outside, under a known name: never followed.
        std::os::unix::fs::symlink(&outside, tree.join("linked")).unwrap();
        let known: Vec<String> = [
            "index.html",
            "papers/1/index.html",
            "papers/2/index.html",
            "linked/x/index.html",
            "tags/t/index.html",
            "missing/index.html",
        ]
        .map(String::from)
        .to_vec();
        remove_tree_holding(&tree, &known).unwrap();
        assert!(!tree.exists());
        assert_eq!(
            fs::read_to_string(outside.join("x/index.html")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nothing");
        assert!(remove_tree_holding(&missing, &["a/b".to_string()]).is_err());
    }
}
