//! Writing the output folder so that a failed or killed build never damages it.
//!
//! A build writes into a staging folder beside the output, then swaps the two in one
//! atomic `renameat2(RENAME_EXCHANGE)` on Linux (two renames elsewhere). Until that
//! instant the previous output is whole; after it, the new one is. Files whose bytes did
//! not change are hard links to the previous output's files, so they keep their mtimes
//! and a deploy that syncs by mtime uploads only what changed.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result, bail};

use crate::render::Sink;

const STAGING_MARK: &str = ".papertrail-staging-";

/// A staging folder for one build.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    /// Whether `target` held a previous output when staging began; when not, no file
    /// is looked up there (a first build writes ~120,000 files at 3650 days).
    has_previous: bool,
    files: AtomicU64,
    bytes: AtomicU64,
    unchanged: AtomicU64,
    committed: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteStats {
    pub files: u64,
    pub bytes: u64,
    pub unchanged: u64,
}

impl Staging {
    /// Prepares a staging folder beside `target`. Refuses targets that are not ours to
    /// replace: the site root itself, or a non-empty folder without an `index.html`.
    pub fn begin(target: &Path, root: &Path) -> Result<Staging> {
        let target = absolute(target)?;
        let root = absolute(root)?;
        if root.starts_with(&target) {
            bail!(
                "refusing to write the site into {}: it contains the site's own files",
                target.display()
            );
        }
        if target.is_dir() && !target.join("index.html").is_file() {
            let mut entries = fs::read_dir(&target)
                .with_context(|| format!("cannot read {}", target.display()))?;
            if entries.next().is_some() {
                bail!(
                    "refusing to replace {}: it is not empty and has no index.html, so it does not look like a site papertrail built; remove it or choose another --output-dir",
                    target.display()
                );
            }
        }
        let parent = target
            .parent()
            .context("the output folder needs a parent folder")?;
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = target
            .file_name()
            .context("the output folder needs a name")?
            .to_string_lossy()
            .into_owned();
        remove_stale_staging(parent, &name);
        let staging = parent.join(format!(".{name}{STAGING_MARK}{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)
                .with_context(|| format!("cannot clear {}", staging.display()))?;
        }
        fs::create_dir(&staging).with_context(|| format!("cannot create {}", staging.display()))?;
        Ok(Staging {
            has_previous: target.is_dir(),
            target,
            staging,
            files: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            unchanged: AtomicU64::new(0),
            committed: false,
        })
    }

    pub fn stats(&self) -> WriteStats {
        WriteStats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        }
    }

    /// Swaps the staging folder in. The previous output is removed afterwards.
    pub fn commit(mut self) -> Result<WriteStats> {
        let stats = self.stats();
        if self.target.exists() {
            swap(&self.staging, &self.target).with_context(|| {
                format!("cannot move the new site into {}", self.target.display())
            })?;
            // `staging` now holds the previous output.
            let _ = fs::remove_dir_all(&self.staging);
        } else {
            fs::rename(&self.staging, &self.target).with_context(|| {
                format!("cannot move the new site into {}", self.target.display())
            })?;
        }
        self.committed = true;
        Ok(stats)
    }

    /// Creates the folder `path` goes in. Most pages have a folder of their own, so one
    /// `mkdir` usually does it (no lock, no set of created folders to consult).
    fn ensure_parent(&self, path: &Path) -> io::Result<()> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        match fs::create_dir(parent) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(parent),
            Err(e) => Err(e),
        }
    }
}

/// Whether the file at `path` holds exactly `bytes`: one open, one `fstat`, and a read
/// only when the lengths agree.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    if !file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
    {
        return false;
    }
    let mut old = Vec::with_capacity(bytes.len() + 1);
    file.read_to_end(&mut old).is_ok() && old == bytes
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if rel.is_empty()
            || rel.starts_with('/')
            || rel
                .split('/')
                .any(|seg| seg.is_empty() || seg == "." || seg == "..")
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {rel:?}"),
            ));
        }
        let dest = self.staging.join(rel);
        self.ensure_parent(&dest)?;
        let previous = self.target.join(rel);
        if self.has_previous
            && same_bytes(&previous, bytes)
            && fs::hard_link(&previous, &dest).is_ok()
        {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            fs::write(&dest, bytes)?;
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    /// A build that did not commit leaves no staging folder behind.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))
}

/// Removes staging folders of builds that were killed (their process is gone).
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = format!(".{name}{STAGING_MARK}");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let alive = pid.parse::<u32>().is_ok_and(|pid| {
            pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
        });
        if !alive || !Path::new("/proc").is_dir() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // File systems without RENAME_EXCHANGE fall back to two renames.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            swap_by_renames(a, b)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    swap_by_renames(a, b)
}

/// Leaves `a` holding what `b` held and vice versa, with a short window in which `b`
/// does not exist (the previous output is then still whole under a temporary name).
fn swap_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let tmp = a.with_extension("old");
    fs::rename(b, &tmp)?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&tmp, b);
        return Err(e);
    }
    fs::rename(&tmp, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_swaps_and_keeps_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir(&root).unwrap();
        let out = dir.path().join("public");
        let s = Staging::begin(&out, &root).unwrap();
        s.put("index.html", b"one").unwrap();
        s.put("a/b.html", b"same").unwrap();
        s.commit().unwrap();
        let ino = |p: &Path| {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(p).unwrap().ino()
        };
        let before = ino(&out.join("a/b.html"));
        let s = Staging::begin(&out, &root).unwrap();
        s.put("index.html", b"two").unwrap();
        s.put("a/b.html", b"same").unwrap();
        let stats = s.commit().unwrap();
        assert_eq!(stats.unchanged, 1);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"two");
        assert_eq!(ino(&out.join("a/b.html")), before);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }

    #[test]
    fn dropped_staging_leaves_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir(&root).unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("index.html"), b"old").unwrap();
        {
            let s = Staging::begin(&out, &root).unwrap();
            s.put("index.html", b"new").unwrap();
        }
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn refuses_foreign_folders_and_escaping_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir(&root).unwrap();
        fs::write(root.join("config.toml"), "").unwrap();
        assert!(Staging::begin(&root, &root).is_err());
        assert!(Staging::begin(dir.path(), &root).is_err());
        let s = Staging::begin(&dir.path().join("out"), &root).unwrap();
        for bad in ["../x", "/etc/passwd", "a/../../x", "", "a//b"] {
            assert!(s.put(bad, b"x").is_err(), "{bad}");
        }
    }
}
