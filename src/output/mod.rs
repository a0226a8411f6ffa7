//! Writing the output folder so that a failed or killed build never damages it.
//!
//! A build writes into a staging folder beside the output, then swaps the two in one
//! atomic `renameat2(RENAME_EXCHANGE)` on Linux (two renames elsewhere). Until that
//! instant the previous output is whole; after it, the new one is. Files whose bytes did
//! not change are hard links to the previous output's files, so they keep their mtimes
//! and a deploy that syncs by mtime uploads only what changed.
//!
//! A build replaces the whole output folder, so it must be sure the folder is its own:
//! every output holds a small stamp file ([`STAMP`]), and a non-empty folder without
//! one is refused (a file, a hand-made site, a home folder typed by mistake).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result, bail};

use crate::render::Sink;

mod folder;
pub mod pages_size;
mod remove;
pub use pages_size::PagesSize;

const STAGING_MARK: &str = ".papertrail-staging-";

/// The stamp in every output folder: a folder holding it is replaced whole by the next
/// build.
pub const STAMP: &str = ".papertrail";
const STAMP_TEXT: &str =
    "This folder is written by `papertrail build`, which replaces all of it each time.\n";

/// Files every papertrail output has had, stamp or not: a folder holding all of them
/// was built by a papertrail from before the stamp, and is taken as papertrail's.
const UNSTAMPED_OUTPUT: [&str; 8] = [
    "index.html",
    "404.html",
    "atom.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
    "papers/atom.xml",
    "tags/index.html",
];

/// A staging folder for one build.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    /// `staging`, open.
    staging_folder: folder::Folder,
    /// `target`, open, when it held a previous output as staging began; when not, no
    /// file is looked up there (a first build writes ~120,000 files at 3650 days).
    previous: Option<folder::Folder>,
    files: AtomicU64,
    bytes: AtomicU64,
    unchanged: AtomicU64,
    /// The files linked from the previous output, which therefore holds them by the
    /// same names: removed by name after the swap, without listing their folders.
    linked: std::sync::Mutex<Vec<String>>,
    /// Every file and folder written, counted as GitHub Pages counts a site.
    tally: std::sync::Mutex<pages_size::Tally>,
    committed: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct WriteStats {
    pub files: u64,
    pub bytes: u64,
    pub unchanged: u64,
    /// The size GitHub Pages counts for the whole folder (the stamp file included).
    pub pages: PagesSize,
}

impl Staging {
    /// Prepares a staging folder beside `target`. Refuses targets that are not ours to
    /// replace: the site root itself, a file, or a non-empty folder papertrail did not
    /// write.
    pub fn begin(target: &Path, root: &Path) -> Result<Staging> {
        let shown = match crate::diagnostic::display_path(target) {
            // `-o .` displays as nothing: name the folder as it was typed.
            s if s.is_empty() => target.display().to_string(),
            s => s,
        };
        let target = absolute(target)?;
        let root = absolute(root)?;
        if root == target {
            bail!(
                "refusing to write the site into {shown} (the site folder itself): a build replaces the whole output folder; choose another --output-dir, such as public"
            );
        }
        if root.starts_with(&target) {
            bail!("refusing to write the site into {shown}: it contains the site's own files");
        }
        check_replaceable(&target, &shown)?;
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
        let staging = Staging {
            staging_folder: folder::Folder::open(&staging)
                .with_context(|| format!("cannot open {}", staging.display()))?,
            previous: match target.is_dir() {
                true => Some(
                    folder::Folder::open(&target)
                        .with_context(|| format!("cannot open {}", target.display()))?,
                ),
                false => None,
            },
            target,
            staging,
            files: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            unchanged: AtomicU64::new(0),
            linked: Default::default(),
            tally: Default::default(),
            committed: false,
        };
        // The stamp is not part of the site, so not counted in what a build wrote.
        staging
            .write_or_link(STAMP, STAMP_TEXT.as_bytes())
            .with_context(|| format!("cannot write {STAMP} in {}", staging.staging.display()))?;
        staging.record(STAMP, STAMP_TEXT.len());
        Ok(staging)
    }

    /// Writes `bytes` to `rel` in the staging folder, or hard-links the previous
    /// output's file when it holds the same bytes; true when it was linked.
    fn write_or_link(&self, rel: &str, bytes: &[u8]) -> io::Result<bool> {
        self.ensure_folder_of(rel)?;
        if let Some(previous) = &self.previous
            && previous.holds(rel, bytes)
            && previous.link_into(&self.staging_folder, rel).is_ok()
        {
            return Ok(true);
        }
        self.staging_folder.write(rel, bytes)?;
        Ok(false)
    }

    fn record(&self, rel: &str, bytes: usize) {
        let kind = crate::render::urls::output_kind(rel);
        if let Ok(mut tally) = self.tally.lock() {
            tally.file(rel, bytes as u64, kind);
        }
    }

    pub fn stats(&self) -> WriteStats {
        let pages = match self.tally.lock() {
            Ok(tally) => tally.size(),
            Err(_) => PagesSize::default(),
        };
        WriteStats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            pages,
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
            let linked = match self.linked.get_mut() {
                Ok(linked) => std::mem::take(linked),
                Err(_) => Vec::new(),
            };
            let _ = remove::remove_tree_holding(&self.staging, &linked);
        } else {
            fs::rename(&self.staging, &self.target).with_context(|| {
                format!("cannot move the new site into {}", self.target.display())
            })?;
        }
        self.committed = true;
        Ok(stats)
    }

    /// Creates the folder the file `rel` goes in, and those above it, counting each
    /// folder it creates (each is created once, whichever thread gets there first). Most
    /// pages have a folder of their own, so one `mkdir` usually does it (no lock, no set
    /// of created folders to consult).
    fn ensure_folder_of(&self, rel: &str) -> io::Result<()> {
        let Some((folder, _)) = rel.rsplit_once('/') else {
            return Ok(());
        };
        let created = match self.staging_folder.create_folder(folder) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.ensure_folder_of(folder)?;
                self.staging_folder.create_folder(folder)?
            }
            other => other?,
        };
        if created {
            let kind = crate::render::urls::output_kind(folder);
            if let Ok(mut tally) = self.tally.lock() {
                tally.folder(folder, kind);
            }
        }
        Ok(())
    }
}

/// Fails unless `target` (shown as `shown`) is missing, an empty folder or papertrail's
/// output: a build replaces all of it.
fn check_replaceable(target: &Path, shown: &str) -> Result<()> {
    match fs::metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {shown}")),
        Ok(meta) if !meta.is_dir() => bail!(
            "refusing to write the site to {shown}: it is a file, and a build makes a folder there; name another folder with `output_dir` in config.toml (or --output-dir)"
        ),
        Ok(_) => {}
    }
    let mut entries = fs::read_dir(target).with_context(|| format!("cannot read {shown}"))?;
    if is_papertrails(target) || entries.next().is_none() {
        return Ok(());
    }
    bail!(
        "refusing to replace {shown}: a build replaces the whole folder, and this one is not empty and was not written by papertrail (it has no {STAMP} file); name another folder with `output_dir` in config.toml (or --output-dir), or empty this one first"
    )
}

/// Whether a folder was written by papertrail: it has the stamp, or every file an
/// output of a version before the stamp had.
fn is_papertrails(dir: &Path) -> bool {
    dir.join(STAMP).is_file() || UNSTAMPED_OUTPUT.iter().all(|f| dir.join(f).is_file())
}

/// Whether `dir` is a folder of another tool's files, which a build would refuse to
/// replace: not empty, and not written by papertrail (an Astro or Next.js project's
/// `public/` of static files). `init` then names another output folder.
pub fn holds_other_files(dir: &Path) -> bool {
    dir.is_dir()
        && !is_papertrails(dir)
        && fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
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
        if self.write_or_link(rel, bytes)? {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut linked) = self.linked.lock() {
                linked.push(rel.to_string());
            }
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        self.record(rel, bytes.len());
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
        fs::write(out.join(STAMP), STAMP_TEXT).unwrap();
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

    fn site(dir: &Path) -> PathBuf {
        let root = dir.join("site");
        fs::create_dir_all(&root).unwrap();
        root
    }

    #[test]
    fn refuses_a_file_and_leaves_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = site(dir.path());
        let notes = dir.path().join("notes.txt");
        fs::write(&notes, "my notes").unwrap();
        let err = Staging::begin(&notes, &root).err().expect("refused");
        assert!(format!("{err:#}").contains("it is a file"), "{err:#}");
        assert_eq!(fs::read_to_string(&notes).unwrap(), "my notes");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no staging left"
        );
    }

    #[test]
    fn refuses_a_folder_papertrail_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let root = site(dir.path());
        let docs = dir.path().join("docs");
        fs::create_dir(&docs).unwrap();
        fs::write(docs.join("index.html"), "<h1>mine</h1>").unwrap();
        fs::write(docs.join("CNAME"), "example.org").unwrap();
        let err = Staging::begin(&docs, &root).err().expect("refused");
        let msg = format!("{err:#}");
        assert!(
            msg.contains("not written by papertrail") && msg.contains(STAMP),
            "{msg}"
        );
        assert_eq!(fs::read_dir(&docs).unwrap().count(), 2);
    }

    #[test]
    fn replaces_stamped_empty_and_unstamped_papertrail_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = site(dir.path());
        // Empty: taken, and stamped by the build.
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        let s = Staging::begin(&out, &root).unwrap();
        s.put("index.html", b"one").unwrap();
        assert_eq!(s.commit().unwrap().files, 1, "the stamp is not counted");
        assert!(out.join(STAMP).is_file());
        fs::write(out.join("CNAME"), "example.org").unwrap();
        // Stamped: replaced whole, the stamp linked as an unchanged file.
        let s = Staging::begin(&out, &root).unwrap();
        s.put("index.html", b"two").unwrap();
        s.commit().unwrap();
        assert!(!out.join("CNAME").exists());
        assert!(out.join(STAMP).is_file());
        // Built before stamps: every file papertrail always writes is there.
        let old = dir.path().join("old");
        for f in UNSTAMPED_OUTPUT {
            let path = old.join(f);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let s = Staging::begin(&old, &root).unwrap();
        s.put("index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(old.join(STAMP).is_file());
        // One of them missing: not papertrail's.
        let partial = dir.path().join("partial");
        for f in &UNSTAMPED_OUTPUT[1..] {
            let path = partial.join(f);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        assert!(Staging::begin(&partial, &root).is_err());
    }
}
