//! Random digests for the model's tests: made to meet every case the model handles.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::Site;
use crate::content::{Digest, Entry, Format, Markup};

/// Pseudo-random numbers (xorshift) for the generated inputs below.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn some_of(&mut self, from: &[&str], most: usize) -> Vec<String> {
        (0..self.below(most + 1))
            .map(|_| self.pick(from).to_string())
            .collect()
    }
}

/// Digests made to meet every case the model handles: ids listed twice in a
/// section, on several days and in several files, with clashing titles; lines out
/// of order; tag names that differ in case and spacing or slug alike; overrides
/// that hide, retitle, retag, or name ids nobody lists; drafts; missing dates.
pub(super) fn random_digests(seed: u64) -> Vec<Digest> {
    use crate::content::{FrontMatter, PaperOverride, Section};
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Ids of several lengths, some a prefix of another, one past 16 bytes.
    let ids = [
        "2501.00001",
        "2501.00002",
        "2501.0001",
        "2501.00010",
        "2501.000011",
        "2412.99999",
        "2501.00001v2-and-more",
        "2502.12345",
        "2502.12346",
        "1999.00001",
        "2501.00003",
        "2501.00004",
    ];
    let override_ids = [
        "2501.00001",
        "2501.00002",
        "2501.0001",
        "2502.12345",
        "2599.99999",
        "garbage",
        "arXiv:2501.00003v4",
    ];
    let titles = [
        "Alpha Beta",
        "alpha beta!",
        "Alpha  Beta",
        "Gamma",
        "Agents for reinforcement learning",
        "",
    ];
    let tags = [
        "LLM",
        "llm",
        " LLM ",
        "Large  Language Models",
        "large language models",
        "C++",
        "C",
        "c--",
        "",
        "  ",
        "Zeta",
        "alpha",
        "Alpha",
        "Émile",
        "émile",
    ];
    let texts = [
        "We train agents. With reinforcement learning and much more text after it.",
        "A diffusion model for images, evaluated on a benchmark of many tasks. Then more.",
        "Short.",
        "LLM agents plan; a language model writes code for them in this long sentence.",
        "Code is at https://github.com/ann/one.",
        "See https://github.com/bo/two and https://github.com/ann/one.",
    ];
    let codes = [
        "https://github.com/ann/one",
        "https://github.com/bo/two",
        "https://example.org/project",
    ];
    let dates: Vec<NaiveDate> = (0..6)
        .map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(d))
        .collect();
    let date = |rng: &mut Rng| dates[rng.below(dates.len())];
    let markup = |rng: &mut Rng| {
        rng.chance(60).then(|| {
            let text = rng.pick(&texts).to_string();
            Markup {
                html: format!("<p>{text}</p>"),
                text,
                math_errors: Vec::new(),
            }
        })
    };
    let formats = [Format::Table, Format::FeedDump, Format::Native];
    (0..1 + rng.below(10))
        .map(|f| {
            let mut papers = BTreeMap::new();
            for _ in 0..rng.below(3) {
                papers.insert(
                    rng.pick(&override_ids).to_string(),
                    PaperOverride {
                        tags: rng.some_of(&tags, 2),
                        hidden: rng.chance(30),
                        note: rng.chance(30).then(|| "a *note*".to_string()),
                        title: rng.chance(30).then(|| " Fixed   title ".to_string()),
                        authors: rng.chance(30).then(|| vec!["Someone".to_string()]),
                    },
                );
            }
            let front = FrontMatter {
                date: rng.chance(30).then(|| date(&mut rng)),
                title: rng.chance(50).then(|| format!("Title {f}")),
                description: rng.chance(50).then(|| format!("About {f}")),
                tags: rng.some_of(&tags, 2),
                draft: rng.chance(10),
                format: None,
                papers,
                page_title: None,
                entries: None,
            };
            let sections = (0..rng.below(4))
                .map(|_| Section {
                    date: rng.chance(70).then(|| date(&mut rng)),
                    line: 1 + rng.below(50),
                    entries: (0..rng.below(8))
                        .map(|_| Entry {
                            line: 1 + rng.below(60),
                            format: formats[rng.below(3)],
                            title: rng.pick(&titles).to_string(),
                            arxiv_id: rng.chance(85).then(|| rng.pick(&ids).to_string()),
                            url: rng.chance(50).then(|| "https://example.org/".to_string()),
                            authors: rng.some_of(&["Ann", "Bob", "Cy"], 2),
                            summary: markup(&mut rng),
                            gist: markup(&mut rng),
                            abstract_: markup(&mut rng),
                            tags: rng.some_of(&tags, 2),
                            code: rng.chance(20).then(|| rng.pick(&codes).to_string()),
                        })
                        .collect(),
                    stamped: rng.chance(1),
                })
                .collect();
            Digest {
                path: PathBuf::from(format!("content/{f:02}.md")),
                front,
                front_date_line: 2,
                file_date: rng.chance(60).then(|| date(&mut rng)),
                sections,
                note_links: Vec::new(),
                index_date: None,
            }
        })
        .collect()
}

/// Each tag's name, slug and papers, to compare two models' tags.
pub(super) fn tag_fields(site: &Site) -> Vec<(&str, &str, &[usize])> {
    site.tags
        .iter()
        .map(|t| (t.name.as_str(), t.slug.as_str(), t.papers.as_slice()))
        .collect()
}
