//! What a file that gave no entry links: the papers it names, for the warning that says
//! none was read, and why.

use ahash::AHashSet as HashSet;

use super::ids;
use super::note_links::links_a_note;

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
            "it links {} paper(s) ({}; first on line {}), but no heading, list item, bold line, table row or `Title:` line holds one paper each with a title beside it",
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
