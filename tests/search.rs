//! The search index on text in other scripts: Chinese summaries must not take a file
//! per pair of characters, and a word, even from the middle of a clause, must be found
//! through its bigrams in the files `search.js` computes for them.

mod common;

use std::collections::BTreeMap;

use common::{Site, tree};
use papertrail::search::encode::read_postings;
use papertrail::search::shards::{MAX_BUCKETS, shard_key};

/// A day of `n` papers whose summaries are runs of CJK characters picked by a fixed
/// sequence: thousands of distinct bigrams.
fn cjk_day(n: u32) -> String {
    let mut day = String::from(
        "## Papers for 2016-03-03\n\n| Category | Title | Authors | Summary |\n|---|---|---|---|\n",
    );
    let mut x: u32 = 12345;
    let mut next = || {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (x >> 8) % 3000
    };
    for i in 0..n {
        let mut summary = String::new();
        for _ in 0..12 {
            for _ in 0..6 {
                summary.push(char::from_u32(0x4e00 + next()).expect("CJK"));
            }
            summary.push('，');
        }
        day.push_str(&format!(
            "| Misc | Survey number {i} (Read more on [arXiv](https://arxiv.org/abs/1603.{:05})) | Ann Lee | {summary} |\n",
            i + 1000
        ));
    }
    day
}

/// The search index of `site`: meta.json and every term file by key.
fn index(
    site: &Site,
) -> (
    serde_json::Value,
    BTreeMap<String, BTreeMap<String, Vec<u32>>>,
) {
    let files = tree(&site.public().join("search"));
    let meta = serde_json::from_slice(&files["meta.json"]).expect("meta.json");
    let terms = files
        .iter()
        .filter_map(|(path, bytes)| {
            let key = path.strip_prefix("t/")?.strip_suffix(".json")?;
            let file: BTreeMap<String, String> = serde_json::from_slice(bytes).expect("term file");
            let file = file
                .into_iter()
                .map(|(term, text)| {
                    let postings = read_postings(&text).expect("postings");
                    (term, postings)
                })
                .collect();
            Some((key.to_string(), file))
        })
        .collect();
    (meta, terms)
}

#[test]
fn chinese_summaries_take_a_bounded_number_of_files_each_term_where_its_key_says() {
    let site = Site::new(
        "title = \"t\"\nbase_url = \"https://example.org/\"\n",
        &[
            ("content/2016-03-03.md", &cjk_day(400)),
            ("content/2016-03-02.md", include_str!("browser/cjk.md")),
        ],
    );
    site.build_ok(&[]);
    let (meta, files) = index(&site);
    let buckets = u32::try_from(meta["buckets"].as_u64().expect("buckets")).expect("u32");
    let split: Vec<&str> = meta["split"]
        .as_array()
        .expect("split")
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(buckets.is_power_of_two() && buckets <= MAX_BUCKETS);
    let mut cjk_terms = 0;
    for (key, terms) in &files {
        for term in terms.keys() {
            let two: String = term.chars().take(2).collect();
            assert_eq!(
                &shard_key(term, split.contains(&two.as_str()), buckets),
                key,
                "{term}"
            );
            cjk_terms += usize::from(key.starts_with("_u"));
        }
    }
    // 400 × 12 runs of six characters: thousands of bigrams, at most `buckets` files.
    assert!(cjk_terms > 4000, "{cjk_terms}");
    let other_files = files.keys().filter(|k| k.starts_with("_u")).count();
    assert!(
        other_files <= buckets as usize,
        "{other_files} of {buckets}"
    );
    assert!(files.len() < 200, "{} term files", files.len());

    // A word typed in Chinese, Japanese or Korean is found with its paper, and with it
    // alone, even from the middle of a clause: every bigram of the word is a term, in the
    // file of its characters, with the paper's document number (papers are numbered
    // newest first: the hand-written day is older than the generated one).
    let docs = tree(&site.public().join("search/d"));
    let doc_of = |id: &str| {
        docs.iter()
            .flat_map(|(f, bytes)| {
                let n: usize = f.trim_end_matches(".json").parse().expect("number");
                let list: Vec<serde_json::Value> = serde_json::from_slice(bytes).expect("docs");
                list.into_iter()
                    .enumerate()
                    .map(move |(i, d)| (n * 20 + i, d))
            })
            .find(|(_, d)| d[0] == id)
            .map(|(n, _)| n as u32)
            .expect("document")
    };
    let found = |word: &str| -> Vec<u32> {
        let chars: Vec<char> = word.chars().collect();
        let mut all: Option<Vec<u32>> = None;
        for pair in chars.windows(2) {
            let term: String = pair.iter().collect();
            let file = &files[&shard_key(&term, split.contains(&term.as_str()), buckets)];
            let docs: Vec<u32> = file
                .get(&term)
                .map(|postings| postings.iter().map(|v| v >> 2).collect())
                .unwrap_or_default();
            all = Some(match all {
                None => docs,
                Some(before) => before.into_iter().filter(|d| docs.contains(d)).collect(),
            });
        }
        all.unwrap_or_default()
    };
    for (word, id) in [
        ("方言语料", "1603.00202"),
        ("耳语录音", "1603.00202"),
        ("毛笔", "1603.00203"),
        ("小型化", "1603.00204"),
        ("携帯端末", "1603.00204"),
        ("형태소", "1603.00205"),
    ] {
        assert_eq!(found(word), [doc_of(id)], "{word}");
    }
    // No run of CJK text is a term: only its bigrams.
    assert!(
        files
            .values()
            .flat_map(|f| f.keys())
            .all(|t| t.chars().count() <= 2 || !t.chars().all(|c| c > '\u{2e80}')),
        "a CJK term of three characters or more"
    );
}
