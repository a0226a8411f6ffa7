//! An open folder that a build writes files into or compares them with, addressed by
//! paths relative to it.
//!
//! A build makes or links some 12,000 files at 365 days (ten times that at 3650), each
//! with a handful of calls: a folder, an open of the previous file, a read, a link. By
//! full path, every one of those calls walks the whole path from the root again; on
//! Linux the folder is opened once and each call names only the part below it. The
//! bytes of a previous file are read into one buffer per thread, not a new one per file.

use std::io;
use std::path::Path;

/// A folder of files; see the module documentation.
pub struct Folder {
    imp: imp::OpenFolder,
}

impl Folder {
    /// Opens the existing folder `path`.
    pub fn open(path: &Path) -> io::Result<Folder> {
        Ok(Folder {
            imp: imp::OpenFolder::open(path)?,
        })
    }

    /// Creates the folder `rel`, whose parent must exist; false when it already did.
    pub fn create_folder(&self, rel: &str) -> io::Result<bool> {
        match self.imp.mkdir(rel) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether the file `rel` holds exactly `bytes`: one open and reads up to one byte
    /// past `bytes.len()`, so a longer file is told apart without asking its length
    /// first (a folder, or anything else that cannot be read, holds nothing).
    pub fn holds(&self, rel: &str, bytes: &[u8]) -> bool {
        use std::io::Read as _;
        thread_local! {
            static OLD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let Ok(file) = self.imp.open_file(rel) else {
            return false;
        };
        OLD.with_borrow_mut(|old| {
            old.clear();
            old.reserve(bytes.len() + 1);
            let limit = bytes.len() as u64 + 1;
            file.take(limit).read_to_end(old).is_ok() && old.as_slice() == bytes
        })
    }

    /// Makes `rel` in `dest` a hard link to this folder's file `rel`.
    pub fn link_into(&self, dest: &Folder, rel: &str) -> io::Result<()> {
        self.imp.link(rel, &dest.imp)
    }

    /// Writes `bytes` to the new file `rel`, replacing one that is there.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        use std::io::Write as _;
        self.imp.create(rel)?.write_all(bytes)
    }
}

#[cfg(target_os = "linux")]
mod imp {
    use std::fs::File;
    use std::io;
    use std::os::fd::OwnedFd;
    use std::path::Path;

    use rustix::fs::{AtFlags, CWD, Mode, OFlags, linkat, mkdirat, openat};

    /// What `std::fs` creates folders and files with (before the umask).
    const FOLDER_MODE: u32 = 0o777;
    const FILE_MODE: u32 = 0o666;

    pub struct OpenFolder(OwnedFd);

    impl OpenFolder {
        pub fn open(path: &Path) -> io::Result<OpenFolder> {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            Ok(OpenFolder(openat(CWD, path, flags, Mode::empty())?))
        }

        pub fn mkdir(&self, rel: &str) -> io::Result<()> {
            Ok(mkdirat(&self.0, rel, Mode::from_raw_mode(FOLDER_MODE))?)
        }

        pub fn open_file(&self, rel: &str) -> io::Result<File> {
            let fd = openat(
                &self.0,
                rel,
                OFlags::RDONLY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            Ok(File::from(fd))
        }

        pub fn create(&self, rel: &str) -> io::Result<File> {
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::TRUNC | OFlags::CLOEXEC;
            let fd = openat(&self.0, rel, flags, Mode::from_raw_mode(FILE_MODE))?;
            Ok(File::from(fd))
        }

        pub fn link(&self, rel: &str, dest: &OpenFolder) -> io::Result<()> {
            Ok(linkat(&self.0, rel, &dest.0, rel, AtFlags::empty())?)
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::fs::{self, File};
    use std::io;
    use std::path::{Path, PathBuf};

    pub struct OpenFolder(PathBuf);

    impl OpenFolder {
        pub fn open(path: &Path) -> io::Result<OpenFolder> {
            if !path.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{} is not a folder", path.display()),
                ));
            }
            Ok(OpenFolder(path.to_path_buf()))
        }

        pub fn mkdir(&self, rel: &str) -> io::Result<()> {
            fs::create_dir(self.0.join(rel))
        }

        pub fn open_file(&self, rel: &str) -> io::Result<File> {
            File::open(self.0.join(rel))
        }

        pub fn create(&self, rel: &str) -> io::Result<File> {
            File::create(self.0.join(rel))
        }

        pub fn link(&self, rel: &str, dest: &OpenFolder) -> io::Result<()> {
            fs::hard_link(self.0.join(rel), dest.0.join(rel))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compares_and_links_by_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        let (a, b) = (Folder::open(&a).unwrap(), Folder::open(&b).unwrap());
        assert!(a.create_folder("x").unwrap());
        assert!(!a.create_folder("x").unwrap());
        assert!(a.create_folder("x/y/z").is_err(), "parents are not made");
        a.write("x/f.html", b"page").unwrap();
        assert!(a.holds("x/f.html", b"page"));
        assert!(!a.holds("x/f.html", b"pages"));
        assert!(!a.holds("x/f.html", b"pagE"));
        assert!(!a.holds("x/missing", b""));
        assert!(!a.holds("x", b""), "a folder holds no bytes");
        b.create_folder("x").unwrap();
        a.link_into(&b, "x/f.html").unwrap();
        assert!(b.holds("x/f.html", b"page"));
        a.write("x/f.html", b"longer page").unwrap();
        assert!(a.holds("x/f.html", b"longer page"));
    }
}
