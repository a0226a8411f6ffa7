//! The default theme's search index, JSON export, related papers and page budgets.

mod common;

use common::{Site, tree};

fn demo_site() -> Site {
    Site::demo(|c| c)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

#[test]
fn search_index_export_and_related_papers() {
    let site = demo_site();
    site.build_ok(&[]);
    let files = tree(&site.public());

    // The export: one gzipped NDJSON line per paper (a file a year, newest year first),
    // and the day list with every day's paper ids.
    let ndjson: String = files
        .iter()
        .filter(|(k, _)| k.starts_with("data/papers/") && k.ends_with(".ndjson.gz"))
        .rev()
        .map(|(_, v)| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&v[..]), &mut text)
                .expect("gzip of utf-8");
            text
        })
        .collect();
    let papers: Vec<serde_json::Value> = ndjson.lines().map(|l| json(l.as_bytes())).collect();
    let pages = files
        .keys()
        .filter(|k| k.starts_with("papers/") && k.ends_with("/index.html"))
        .count();
    assert_eq!(papers.len(), pages);
    for p in &papers {
        for field in [
            "id", "title", "url", "authors", "tags", "days", "arxiv", "pdf", "hf",
        ] {
            assert!(!p[field].is_null(), "paper without {field}: {p}");
        }
    }
    let ids: std::collections::BTreeSet<&str> = papers
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    let days = json(&files["data/days.json"]);
    let days = days.as_array().expect("list");
    assert!(!days.is_empty());
    let mut listed = 0;
    for d in days {
        for id in d["papers"].as_array().expect("papers") {
            assert!(ids.contains(id.as_str().expect("id")), "{id} not exported");
            listed += 1;
        }
    }
    assert!(listed >= papers.len());

    // The search index: the first paper's title words are all in their term shards,
    // and its document is where the postings say.
    let first = &papers[0];
    let title = first["title"].as_str().expect("title");
    let docs = json(&files["search/d/0.json"]);
    assert_eq!(docs[0][0], first["id"]);
    for word in papertrail_words(title) {
        let key: String = word.chars().take(3).collect();
        let shard = json(&files[&format!("search/t/{key}.json")]);
        let postings = shard[&word].as_array().unwrap_or_else(|| panic!("{word}"));
        // Document 0, in the title: the first value is 0 * 2 + 1.
        assert_eq!(postings[0], 1, "{word}");
    }

    // Related papers on a paper page, and the search page with its script.
    let with_related = files
        .iter()
        .filter(|(k, v)| {
            k.starts_with("papers/") && String::from_utf8_lossy(v).contains("<h2>Related</h2>")
        })
        .count();
    assert!(
        with_related * 2 > pages,
        "only {with_related} of {pages} pages have related papers"
    );
    let search = String::from_utf8_lossy(&files["search/index.html"]).into_owned();
    assert!(search.contains("search.js") && search.contains("<noscript>"));
    assert!(files["search.js"].len() < 50_000 && files["style.css"].len() < 30_000);
}

/// The tokenizer of `src/render/search.rs`, restated (`a-z0-9` titles only).
fn papertrail_words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()) && w.is_ascii())
        .collect()
}
