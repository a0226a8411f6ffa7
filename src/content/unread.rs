//! Papers a family reader passed over: a file whose entries were read may still link a
//! paper that no entry is about (a "also this week" line, an entry the reader could not
//! open). Nothing may vanish without a word, so each such link is named in one warning
//! per file. The general reader knows which lines its entries hold and reports its own
//! (see `structural`); the family readers are checked here, by the links before their
//! first entry and after their last against the entries read and the text they publish.

use ahash::AHashSet as HashSet;
use std::path::Path;

use super::{Section, structural};
use crate::diagnostic::{Diagnostics, UnreadPaper};

/// Warns, once for the file, of the papers `body` links that no entry of `sections` is
/// about and no entry's text cites. A file with no entry says so in `empty-file`.
pub fn report(
    path: &Path,
    body: &str,
    first_line: usize,
    sections: &[Section],
    diags: &mut Diagnostics,
) {
    let entries = || sections.iter().flat_map(|s| &s.entries);
    if entries().next().is_none() {
        return;
    }
    // A family reader says so when it cannot read an entry between two it read (a bad
    // row, an entry with no link): what it may pass over in silence is the text before
    // its first entry, and after its last one (a footer, an "also this week"), which
    // starts at the first blank line, heading or rule below the last entry's line.
    let (first_entry, last_entry) = entries()
        .map(|e| e.line)
        .fold((usize::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    let mut after_last = false;
    let mut entry_line = |no: usize, line: &str| {
        if no < first_entry || after_last {
            return false;
        }
        if no > last_entry {
            let t = line.trim();
            after_last = t.is_empty() || t.starts_with('#') || t.starts_with("---");
        }
        true
    };
    report_off(path, body, first_line, sections, &mut entry_line, diags);
}

/// Warns, once for the file, of the papers `body` links on lines `entry_line(no,
/// line)` does not claim for an entry, that no entry of `sections` is about and no
/// entry's text cites.
pub fn report_off(
    path: &Path,
    body: &str,
    first_line: usize,
    sections: &[Section],
    entry_line: &mut dyn FnMut(usize, &str) -> bool,
    diags: &mut Diagnostics,
) {
    let entries = || sections.iter().flat_map(|s| &s.entries);
    let known: HashSet<&str> = entries()
        .flat_map(|e| e.arxiv_id.as_deref().into_iter().chain(e.url.as_deref()))
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut unread: Vec<UnreadPaper> = Vec::new();
    let mut in_comment = false;
    for (i, line) in super::line_split::split(body).enumerate() {
        let no = first_line + i;
        if entry_line(no, line) {
            continue;
        }
        // HTML comments are notes to whoever edits the file (`new` writes its example
        // entry in one), never read.
        let line = match (in_comment, line.find("<!--")) {
            (true, _) => match line.find("-->") {
                Some(end) => {
                    in_comment = false;
                    &line[end + 3..]
                }
                None => continue,
            },
            (false, Some(start)) => {
                in_comment = !line[start..].contains("-->");
                &line[..start]
            }
            (false, None) => line,
        };
        if !may_link_paper(line) {
            continue;
        }
        for r in structural::ids::find(line) {
            let key = r.key();
            if known.contains(key)
                || known.contains(r.url.as_str())
                || !seen.insert(key.to_string())
            {
                continue;
            }
            unread.push(UnreadPaper {
                key: key.to_string(),
                url: r.url.clone(),
                line: no,
            });
        }
    }
    if unread.is_empty() {
        return;
    }
    // A paper an entry's text cites (`builds on arXiv:2601.00077`, a linked name) is
    // published as written there.
    unread.retain(|p| {
        !entries().any(|e| {
            [&e.summary, &e.gist, &e.abstract_]
                .into_iter()
                .flatten()
                .any(|m| m.html.contains(p.key.as_str()) || m.html.contains(p.url.as_str()))
        })
    });
    if let Some(w) = UnreadPaper::warning(path, unread) {
        diags.push(w);
    }
}

/// Whether a line may name a paper by a link or a prefixed id: it names a paper host
/// or says `arXiv`. A bare number (`27.7`) in a family digest's text is no entry the
/// reader missed, and searching every line with a number for ids cost as much as
/// reading the file.
fn may_link_paper(line: &str) -> bool {
    use memchr::memmem::find;
    let b = line.as_bytes();
    [
        &b"xiv"[..],
        b"Xiv",
        b"XIV",
        b"doi.org",
        b"openreview",
        b"huggingface.co",
        b"pubmed",
    ]
    .into_iter()
    .any(|needle| find(b, needle).is_some())
}
