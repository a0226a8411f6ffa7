//! The size GitHub Pages counts for a site, worked out from the files a build wrote.
//!
//! Pages refuses a site over 1 GB, and what it measures is not the sum of the files:
//! `actions/upload-pages-artifact` packs the folder with GNU tar
//! (`tar --dereference --hard-dereference -cf artifact.tar --exclude=.git
//! --exclude=.github .`), in which every file and every folder costs a 512-byte header,
//! each file's bytes are padded to a multiple of 512, a path longer than 100 bytes costs
//! a long-name header and its padded name, and the archive ends with two zero blocks,
//! padded to a 10,240-byte record. A site of 100,000 small pages in their own folders
//! counts about a third more than its bytes. `tests/pages_size.rs` holds the count
//! equal to a real `tar` of a built site.

use std::collections::BTreeMap;

/// A tar block.
const BLOCK: u64 = 512;
/// GNU tar writes whole records of 20 blocks.
const RECORD: u64 = 20 * BLOCK;
/// Bytes of a name that fit in a tar header; a longer one gets a GNU long-name entry.
const NAME_FIELD: usize = 100;

fn padded(n: u64) -> u64 {
    n.div_ceil(BLOCK) * BLOCK
}

/// The extra bytes of a member whose name (as tar writes it, `./` first) is `len` bytes.
fn long_name(len: usize) -> u64 {
    if len > NAME_FIELD {
        // A `././@LongLink` header, then the name with its NUL, padded.
        BLOCK + padded(len as u64 + 1)
    } else {
        0
    }
}

/// Tar bytes of the file at `rel` (a path inside the site, no leading `./`) holding
/// `size` bytes.
pub fn file_bytes(rel: &str, size: u64) -> u64 {
    BLOCK + padded(size) + long_name(2 + rel.len())
}

/// Tar bytes of the folder at `rel` (written `./rel/`).
pub fn folder_bytes(rel: &str) -> u64 {
    BLOCK + long_name(2 + rel.len() + 1)
}

/// What a site counts for GitHub Pages, in all and by kind of output.
#[derive(Debug, Clone, Default)]
pub struct PagesSize {
    /// Bytes of the artifact: what Pages compares with its 1 GB limit.
    pub bytes: u64,
    pub files: u64,
    pub folders: u64,
    /// Tar bytes of each kind's files and folders (end blocks in no kind), largest first.
    pub by_kind: Vec<(&'static str, u64)>,
}

impl PagesSize {
    /// Tar bytes of the output of kind `kind` (0 when there is none).
    pub fn of_kind(&self, kind: &str) -> u64 {
        self.by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |&(_, b)| b)
    }
}

/// The artifact counted as files and folders are written, in any order, each once.
#[derive(Debug, Default)]
pub struct Tally {
    files: u64,
    folders: u64,
    sum: u64,
    kinds: BTreeMap<&'static str, u64>,
}

impl Tally {
    /// A file at `rel` holding `size` bytes, of kind `kind`.
    pub fn file(&mut self, rel: &str, size: u64, kind: &'static str) {
        let b = file_bytes(rel, size);
        *self.kinds.entry(kind).or_default() += b;
        self.sum += b;
        self.files += 1;
    }

    /// A folder at `rel` (not the site's folder itself, which [`Tally::size`] adds), of
    /// kind `kind`.
    pub fn folder(&mut self, rel: &str, kind: &'static str) {
        let b = folder_bytes(rel);
        *self.kinds.entry(kind).or_default() += b;
        self.sum += b;
        self.folders += 1;
    }

    /// The artifact of everything counted so far.
    pub fn size(&self) -> PagesSize {
        // The site's folder itself (`./`), then two zero blocks, padded to a record.
        let sum = self.sum + BLOCK + 2 * BLOCK;
        let mut by_kind: Vec<(&'static str, u64)> =
            self.kinds.iter().map(|(&k, &b)| (k, b)).collect();
        by_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        PagesSize {
            bytes: sum.div_ceil(RECORD) * RECORD,
            files: self.files,
            folders: self.folders,
            by_kind,
        }
    }
}

/// Counts the artifact of a site made of `files` (path inside the site, bytes), every
/// folder on their paths included, sorting each path into a kind with `kind_of` (which
/// sees folders' paths too).
pub fn measure<'a>(
    files: impl IntoIterator<Item = (&'a str, u64)>,
    kind_of: impl Fn(&str) -> &'static str,
) -> PagesSize {
    let mut tally = Tally::default();
    let mut folders: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (rel, bytes) in files {
        tally.file(rel, bytes, kind_of(rel));
        let mut at = rel.len();
        while let Some(slash) = rel[..at].rfind('/') {
            if !folders.insert(&rel[..slash]) {
                break;
            }
            at = slash;
        }
    }
    for folder in folders {
        tally.folder(folder, kind_of(folder));
    }
    tally.size()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_padding_long_names_and_records() {
        assert_eq!(file_bytes("a", 0), 512);
        assert_eq!(file_bytes("a", 1), 1024);
        assert_eq!(file_bytes("a", 512), 1024);
        assert_eq!(file_bytes("a", 513), 1536);
        // `./` and 98 bytes fit; 99 need a long name (header and a padded name).
        assert_eq!(file_bytes(&"x".repeat(98), 1), 1024);
        assert_eq!(file_bytes(&"x".repeat(99), 1), 2048);
        // A folder's name ends with `/`.
        assert_eq!(folder_bytes(&"x".repeat(97)), 512);
        assert_eq!(folder_bytes(&"x".repeat(98)), 1536);
        let size = measure([("a/b/c.html", 10), ("a/d.html", 600)], |p| {
            if p.starts_with("a/b") { "b" } else { "other" }
        });
        assert_eq!((size.files, size.folders), (2, 2));
        // 1024 + 1536 + two folders + `./` + end blocks: 4608, one record.
        assert_eq!(size.bytes, 10240);
        assert_eq!(size.of_kind("b"), 1024 + 512);
        assert_eq!(size.of_kind("other"), 1536 + 512);
    }
}
