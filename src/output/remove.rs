//! Removing the previous output folder after the swap, on every core.
//!
//! Once the new output is swapped in, the previous one (a folder per page: about
//! 22,000 files and folders at 365 days, ten times that at 3650) is removed before the
//! build returns. Removed by one thread, as `std::fs::remove_dir_all` does, it was a
//! serial tail of every build in which the other cores sat idle. Unlinks in different
//! folders do not wait for each other, so the entries of each folder are removed in
//! parallel; each folder is opened once and its entries are removed relative to it, so
//! no path is looked up from the root again.

use std::io;
use std::path::Path;

/// Removes the folder `path` and everything in it. Symbolic links are removed, never
/// followed.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    imp::remove_tree(path)
}

#[cfg(target_os = "linux")]
mod imp {
    use std::ffi::CString;
    use std::io;
    use std::os::fd::{AsFd as _, BorrowedFd, OwnedFd};
    use std::path::Path;

    use rayon::prelude::*;
    use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, openat, statat, unlinkat};

    /// Opens folders only: a symbolic link in their place is an error, not followed.
    const FOLDER: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::CLOEXEC);

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
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert!(keep.join("precious").is_file());
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(remove_tree(&dir.path().join("nothing")).is_err());
    }
}
