//! What a file that gave no entry links: the papers it names, for the warning that says
//! none was read, and why.

use ahash::AHashSet as HashSet;

use super::ids;
use super::lines::{self, Line, LineKind};
use super::note_links::links_a_note;
use crate::diagnostic::UnreadPaper;

/// Why the general reader read no entry of a file that links papers.
pub const NO_ENTRY_HOLDS: &str = "no heading, list item, bold line, table row or `Title:` line holds one paper each with a title beside it";

/// What a file that yielded no entry holds, for the message that says so.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Survey {
    /// Distinct papers linked or named.
    pub papers: usize,
    /// The first few of them, as written.
    pub examples: Vec<String>,
    /// Line of the first mention.
    pub first_line: usize,
    /// Links to markdown notes beside the file (an index of notes).
    pub note_links: usize,
}

impl Survey {
    /// Why nothing was read, in a sentence for the warning.
    pub fn reason(&self) -> String {
        if self.papers == 0 {
            return String::new();
        }
        format!(
            "it links {} paper(s) ({}; first on line {}), but {NO_ENTRY_HOLDS}",
            self.papers,
            self.examples.join(", "),
            self.first_line
        )
    }
}

/// The papers a body links or names, by key (an arXiv id, a DOI, …).
pub fn paper_keys(body: &str) -> HashSet<String> {
    body.split('\n')
        .flat_map(ids::find)
        .map(|r| r.key().to_string())
        .collect()
}

/// Counts what a body names: papers and note links.
pub fn survey(body: &str, first_line: usize) -> Survey {
    let mut keys: HashSet<String> = HashSet::new();
    let mut s = Survey::default();
    for (i, line) in body.split('\n').enumerate() {
        if links_a_note(line) {
            s.note_links += 1;
        }
        for r in ids::find(line) {
            if keys.is_empty() {
                s.first_line = first_line + i;
            }
            if keys.insert(r.key().to_string()) && s.examples.len() < 3 {
                s.examples.push(r.url.clone());
            }
        }
    }
    s.papers = keys.len();
    s
}

/// Each paper a body links or names, once, on the line it is first named: what a file
/// that gave no entry passed over. Comments and code are not read.
pub fn linked_papers(body: &str, first_line: usize) -> Vec<UnreadPaper> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut papers = Vec::new();
    for line in read_lines(body, first_line) {
        for r in ids::find(line.text()) {
            if seen.insert(r.key().to_string()) {
                papers.push(UnreadPaper {
                    key: r.key().to_string(),
                    url: r.url.clone(),
                    line: line.no,
                });
            }
        }
    }
    papers
}

/// The lines of a body that hold a link to nothing (`[]()`, `**Paper link:** [PDF]()`),
/// outside comments and code: where a bot wrote an entry's link without its address,
/// the entry names no paper.
pub fn empty_links(body: &str, first_line: usize) -> Vec<usize> {
    read_lines(body, first_line)
        .filter(|l| links_to_nothing(l.text()))
        .map(|l| l.no)
        .collect()
}

/// The lines of a body a reader reads: not comments, not code.
fn read_lines(body: &str, first_line: usize) -> impl Iterator<Item = Line<'_>> {
    lines::classify(body, first_line)
        .into_iter()
        .filter(|l| !matches!(l.kind, LineKind::Comment | LineKind::Code(_)))
}

/// Whether a line holds a link with no address (`[]()`, `[PDF]()`) or a paper site's
/// address cut before its id (`**Arxiv link:** https://arxiv.org/abs/`). A `[]()` in a
/// code span is written about, not written as a link, and an image's link to nothing
/// (`[![Papers](badge.svg)]()`) is a badge, no entry's.
pub fn links_to_nothing(line: &str) -> bool {
    // Asked of every line no entry holds: memchr finds the few `]` there are.
    let b = line.as_bytes();
    lacks_its_id(b)
        || memchr::memchr_iter(b']', b)
            .filter(|&at| b[at + 1..].starts_with(b"()"))
            .any(|at| {
                let before = &line[..at];
                before.contains('[')
                    && !before.ends_with(')')
                    && before.bytes().filter(|&b| b == b'`').count() % 2 == 0
            })
}

/// The paths of paper sites' addresses that an id completes.
const ID_PATHS: [&[u8]; 4] = [
    b"arxiv.org/abs/",
    b"arxiv.org/pdf/",
    b"arxiv.org/html/",
    b"huggingface.co/papers/",
];

/// Whether a line holds an arXiv or Hugging Face paper address that ends where its id
/// should start: a bot that lost the id still wrote the rest.
fn lacks_its_id(b: &[u8]) -> bool {
    ID_PATHS.iter().any(|path| {
        memchr::memmem::find_iter(b, path).any(|at| {
            b.get(at + path.len())
                .is_none_or(|c| c.is_ascii_whitespace() || b")]>\"'|*`".contains(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_nothing_outside_code() {
        let body = "### 1. A Title\n**Link:** []()\n\n### 2. B Title\n**Link:** [PDF]()\n\nWrite `[]()` for none.\n```\n[]()\n```\n[Fine](https://arxiv.org/abs/2601.00001)\n[![Papers](https://img.shields.io/badge/Papers-2-blue)]()\n - **Arxiv link:** https://arxiv.org/abs/\n[PDF](https://arxiv.org/pdf/) [HF](https://huggingface.co/papers/2601.00002)\n";
        assert_eq!(empty_links(body, 10), [11, 14, 22, 23]);
    }

    #[test]
    fn each_paper_once_where_first_named() {
        let body = "[A](https://arxiv.org/abs/2601.00001)\n\n[again](https://arxiv.org/pdf/2601.00001)\n[B](https://arxiv.org/abs/2601.00002)\n";
        let got: Vec<(String, usize)> = linked_papers(body, 5)
            .into_iter()
            .map(|p| (p.key, p.line))
            .collect();
        assert_eq!(
            got,
            [("2601.00001".to_string(), 5), ("2601.00002".to_string(), 8)]
        );
    }
}
