//! How well the built-in tag rules describe papers, measured on a labelled set.
//!
//! `tests/fixtures/tags/labelled.toml` holds invented papers, each with the built-in
//! tags a careful reader gives it. The rules' precision and recall per tag must stay at
//! or above the floors below, so a rule change that tags worse fails here; and the table
//! in docs/tags.md must be the one the rules produce today, so the docs cannot drift
//! from the rules. `cargo test --test tag_quality -- --nocapture` prints the table.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::Path;

use common::{Site, run_in};

use papertrail::config::{TagRule, default_tag_rules};
use papertrail::tagging::Matcher;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    paper: Vec<LabelledPaper>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelledPaper {
    title: String,
    summary: String,
    tags: Vec<String>,
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn labelled() -> Vec<LabelledPaper> {
    let path = repo().join("tests/fixtures/tags/labelled.toml");
    let text = std::fs::read_to_string(&path).expect("read labelled.toml");
    toml::from_str::<Labelled>(&text)
        .expect("parse labelled.toml")
        .paper
}

/// Counts for one tag over the labelled set.
#[derive(Default, Clone, Copy)]
struct Counts {
    /// Papers the rules tag that the labels tag too.
    hits: usize,
    /// Papers the rules tag that the labels do not.
    wrong: usize,
    /// Papers the labels tag that the rules miss.
    missed: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.hits, self.hits + self.wrong)
    }
    fn recall(&self) -> f64 {
        ratio(self.hits, self.hits + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Per-tag counts, papers the rules leave untagged, and rule tags given in all.
struct Measured {
    per_tag: BTreeMap<String, Counts>,
    /// Papers the rules leave untagged.
    untagged: usize,
    /// Papers the labels tag but the rules do not.
    missed: usize,
    /// Papers the labels tag.
    labelled: usize,
    given: usize,
    papers: usize,
}

fn measure(rules: &[TagRule], papers: &[LabelledPaper]) -> Measured {
    let matcher = Matcher::new(rules);
    let mut per_tag: BTreeMap<String, Counts> = rules
        .iter()
        .map(|r| (r.tag.clone(), Counts::default()))
        .collect();
    let (mut untagged, mut missed, mut labelled, mut given) = (0, 0, 0, 0);
    for p in papers {
        let got: BTreeSet<&str> = matcher
            .tags_for(&p.title, &[p.summary.as_str()])
            .into_iter()
            .collect();
        let want: BTreeSet<&str> = p.tags.iter().map(String::as_str).collect();
        untagged += usize::from(got.is_empty());
        missed += usize::from(got.is_empty() && !want.is_empty());
        labelled += usize::from(!want.is_empty());
        given += got.len();
        for (tag, c) in per_tag.iter_mut() {
            match (got.contains(tag.as_str()), want.contains(tag.as_str())) {
                (true, true) => c.hits += 1,
                (true, false) => c.wrong += 1,
                (false, true) => c.missed += 1,
                (false, false) => {}
            }
        }
    }
    Measured {
        per_tag,
        untagged,
        missed,
        labelled,
        given,
        papers: papers.len(),
    }
}

/// The table docs/tags.md shows, in rule order.
fn table(rules: &[TagRule], m: &Measured) -> String {
    let mut out = String::from(
        "| tag | labelled papers | tagged by the rules | precision | recall |\n|---|---|---|---|---|\n",
    );
    for r in rules {
        let c = m.per_tag[&r.tag];
        out.push_str(&format!(
            "| {} | {} | {} | {:.2} | {:.2} |\n",
            r.tag,
            c.hits + c.missed,
            c.hits + c.wrong,
            c.precision(),
            c.recall()
        ));
    }
    out.push_str(&format!(
        "\n{} papers, {} of them with labels; the rules leave {} untagged, {} of those \
         with labels; {:.2} rule tags per paper.\n",
        m.papers,
        m.labelled,
        m.untagged,
        m.missed,
        m.given as f64 / m.papers as f64
    ));
    out
}

#[test]
fn every_label_is_a_built_in_tag_and_every_tag_is_labelled() {
    let rules = default_tag_rules();
    let names: BTreeSet<&str> = rules.iter().map(|r| r.tag.as_str()).collect();
    let papers = labelled();
    assert!(papers.len() >= 200, "{} labelled papers", papers.len());
    let mut used = BTreeMap::<&str, usize>::new();
    for p in &papers {
        for t in &p.tags {
            assert!(
                names.contains(t.as_str()),
                "{:?}: unknown tag {t:?}",
                p.title
            );
            *used.entry(t).or_default() += 1;
        }
    }
    for n in &names {
        let count = used.get(n).copied().unwrap_or(0);
        assert!(count >= 4, "tag {n:?} labels only {count} papers");
    }
}

/// Floors each tag keeps on the labelled set: (tag, precision, recall). Each is what the
/// built-in rules reach, rounded down to a multiple of 0.05, so a change that costs a
/// tag a paper fails here (and one that gains papers may raise its floor).
const FLOORS: &[(&str, f64, f64)] = &[
    ("Agents", 0.90, 0.70),
    ("Reasoning", 1.00, 0.75),
    ("Code", 0.70, 0.90),
    ("Robotics", 0.90, 0.80),
    ("Speech & Audio", 0.90, 1.00),
    ("Video", 0.90, 0.90),
    ("3D", 1.00, 1.00),
    ("Diffusion", 1.00, 1.00),
    ("Reinforcement Learning", 1.00, 0.80),
    ("Retrieval", 0.80, 0.90),
    ("Recommendation", 1.00, 1.00),
    ("Graphs", 1.00, 0.85),
    ("Time Series", 0.85, 0.70),
    ("Biology & Medicine", 0.90, 0.90),
    ("Science", 0.75, 0.80),
    ("Multilingual", 1.00, 1.00),
    ("Interpretability", 0.80, 0.70),
    ("Safety", 0.90, 0.75),
    ("AI & Society", 0.70, 0.80),
    ("Efficiency", 0.75, 0.60),
    ("Architectures", 1.00, 0.80),
    ("Benchmarks", 0.65, 0.65),
    ("Datasets", 0.50, 0.65),
    ("Multimodal", 1.00, 0.35),
    ("Computer Vision", 0.60, 0.55),
    ("LLMs", 0.85, 0.65),
];

#[test]
fn built_in_rules_keep_their_precision_and_recall() {
    let rules = default_tag_rules();
    let m = measure(&rules, &labelled());
    let shown = table(&rules, &m);
    println!("{shown}");
    assert_eq!(
        FLOORS.iter().map(|f| f.0).collect::<Vec<_>>(),
        rules.iter().map(|r| r.tag.as_str()).collect::<Vec<_>>(),
        "a floor for every built-in tag, in rule order"
    );
    let mut low = Vec::new();
    for &(tag, precision, recall) in FLOORS {
        let c = m.per_tag[tag];
        if c.precision() < precision || c.recall() < recall {
            low.push(format!(
                "{tag}: precision {:.2} (floor {precision:.2}), recall {:.2} (floor {recall:.2})",
                c.precision(),
                c.recall()
            ));
        }
    }
    assert!(low.is_empty(), "below the floors:\n{}", low.join("\n"));
    // Over all tags, most rule tags are ones a careful reader gives too.
    let (hits, given): (usize, usize) = m
        .per_tag
        .values()
        .fold((0, 0), |(h, g), c| (h + c.hits, g + c.hits + c.wrong));
    assert!(
        hits * 100 >= given * 85,
        "precision over all tags {hits}/{given} is below 0.85"
    );
    // A paper the labels give a tag should get one: at most 2% go without.
    assert!(
        m.missed * 50 <= m.labelled,
        "{} of {} labelled papers untagged",
        m.missed,
        m.labelled
    );
}

#[test]
fn docs_show_the_table_the_rules_produce() {
    let rules = default_tag_rules();
    let m = measure(&rules, &labelled());
    let shown = table(&rules, &m);
    let docs = std::fs::read_to_string(repo().join("docs/tags.md")).expect("read docs/tags.md");
    assert!(
        docs.contains(&shown),
        "docs/tags.md does not hold the current table; it is:\n\n{shown}"
    );
}

/// The build reads a paper's title and summary as the matcher does: the labelled papers
/// as one table digest, built from inside the site folder, carry in the export the tags
/// `Matcher::tags_for` gives them.
#[test]
fn build_tags_papers_as_the_matcher_does() {
    let papers = labelled();
    let mut digest =
        String::from("## Papers for 2025-01-02\n\n| Title | Authors | Summary |\n|---|---|---|\n");
    let mut want = BTreeMap::new();
    let matcher = Matcher::new(&default_tag_rules());
    for (i, p) in papers.iter().enumerate() {
        let id = format!("2501.{:05}", i + 1);
        digest.push_str(&format!(
            "| {} (Read more on [arXiv](https://arxiv.org/abs/{id})) | Ann Lee | {} |\n",
            p.title, p.summary
        ));
        let tags: BTreeSet<String> = matcher
            .tags_for(&p.title, &[p.summary.as_str()])
            .into_iter()
            .map(String::from)
            .collect();
        want.insert(id, tags);
    }
    let site = Site::new("", &[("content/2025/01/2025-01-02.md", &digest)]);
    let out = run_in(site.root(), &["build"]);
    assert!(out.status.success(), "{}", common::output_text(&out));
    let mut got = BTreeMap::new();
    let dir = site.public().join("data/papers");
    for entry in std::fs::read_dir(&dir).expect("data/papers") {
        let file = std::fs::File::open(entry.expect("entry").path()).expect("open");
        for line in std::io::BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
            let paper: serde_json::Value =
                serde_json::from_str(&line.expect("line")).expect("json");
            let tags: BTreeSet<String> = paper["tags"]
                .as_array()
                .expect("tags")
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect();
            got.insert(paper["id"].as_str().expect("id").to_string(), tags);
        }
    }
    assert_eq!(got, want);
}

/// A gist the keywords cannot read (a summary in Chinese, as some bots write) gives way
/// to the paper's English abstract, built from inside the site folder.
#[test]
fn a_gist_in_another_language_gives_way_to_the_abstract() {
    let feed = "### Title: A Study of Something\n\
                Link: https://arxiv.org/abs/2507.00001\n\
                Summary: 本文研究如何让机器抓取物体。 \t\t AI-generated summary \t\t \
                We train robot policies for manipulation. The robots grasp unseen objects.\n";
    let site = Site::new("", &[("content/2025-07-04.md", feed)]);
    let out = run_in(site.root(), &["build"]);
    assert!(out.status.success(), "{}", common::output_text(&out));
    let page = site.read("tags/robotics/index.html");
    assert!(page.contains("A Study of Something"), "{page}");
}
