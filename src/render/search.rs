//! The search index: a static, sharded prefix index read by `search.js`.
//!
//! Layout, under `search/` in the output (documented in the README):
//!
//! - `search/d/<n>.json`: documents `n * DOCS_PER_SHARD ..`, each
//!   `[id, title, authors, date]`, newest paper first (the document number is the
//!   position in that order).
//! - `search/t/<key>.json`: `{term: postings}` for every term whose first three
//!   characters (the whole term when shorter) are `key`. Postings are ascending values
//!   `doc * 2 + strong` (`strong` is 1 when the term is in the title, authors or tags,
//!   0 when only in the summary), delta-encoded. Keys that are not plain `[a-z0-9]` are
//!   written as `_` + the hex of their UTF-8 bytes.
//!
//! A query word of three or more characters loads one term shard and matches every term
//! it prefixes; shorter words match exactly. So a search fetches one small file per word
//! plus the document shards of the results it shows, whatever the size of the archive.
//! The tokenizer here and in `search.js` must agree: lowercase, split on anything that is
//! not a letter or digit, drop one-character words and [`STOP`] words.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use rayon::prelude::*;

use super::Renderer;
use crate::model::Paper;

/// Documents per `search/d/<n>.json` file.
pub(super) const DOCS_PER_SHARD: usize = 500;

/// Words too common to index; `search.js` has the same list.
const STOP: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
    "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
];

/// Words of `text`, lowercased, without one-character words and stop words.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

/// The shard a term lives in, as a file name stem.
pub fn shard_key(term: &str) -> String {
    let key: String = term.chars().take(3).collect();
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        key
    } else {
        let mut hex = String::from("_");
        for b in key.bytes() {
            hex.push_str(&format!("{b:02x}"));
        }
        hex
    }
}

/// Every indexed word of a paper into `seen`: 1 when it is in the title, authors, tags
/// or id, 0 when only in the gist, summary or abstract.
fn terms_of(site: &crate::model::Site, paper: &Paper, seen: &mut HashMap<String, u32>) {
    let mut strong = String::new();
    strong.push_str(&paper.title);
    for a in &paper.authors {
        strong.push(' ');
        strong.push_str(a);
    }
    for &t in &paper.tags {
        strong.push(' ');
        strong.push_str(&site.tags[t].name);
    }
    strong.push(' ');
    strong.push_str(&paper.id);
    for w in words(&strong) {
        seen.insert(w, 1);
    }
    for m in [&paper.gist, &paper.summary, &paper.abstract_]
        .into_iter()
        .flatten()
    {
        for w in words(&m.text) {
            seen.entry(w).or_insert(0);
        }
    }
}

/// Papers in document order: newest first day first, then by id.
pub(super) fn doc_order(papers: &[Paper]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..papers.len()).collect();
    order.sort_by(|&a, &b| {
        papers[b]
            .first_day()
            .cmp(&papers[a].first_day())
            .then_with(|| papers[a].id.cmp(&papers[b].id))
    });
    order
}

impl Renderer<'_> {
    /// Writes `search/d/*.json` and `search/t/*.json`.
    pub(super) fn search_index(
        &self,
        put: &(dyn Fn(&str, &[u8]) -> Result<()> + Sync),
    ) -> Result<()> {
        let site = self.ctx.site;
        let order = doc_order(&site.papers);

        // term -> ascending `doc * 2 + strong`. Chunks of documents are tokenised in
        // parallel; appending their lists in chunk order keeps every list ascending.
        const CHUNK: usize = 1024;
        let chunks: Vec<HashMap<String, Vec<u32>>> = order
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| -> Result<HashMap<String, Vec<u32>>> {
                let mut terms: HashMap<String, Vec<u32>> = HashMap::new();
                let mut seen: HashMap<String, u32> = HashMap::new();
                for (k, &p) in chunk.iter().enumerate() {
                    let doc = u32::try_from(c * CHUNK + k)?;
                    terms_of(site, &site.papers[p], &mut seen);
                    for (w, strong) in seen.drain() {
                        terms.entry(w).or_default().push(doc * 2 + strong);
                    }
                }
                Ok(terms)
            })
            .collect::<Result<_>>()?;
        let mut terms: HashMap<String, Vec<u32>> = HashMap::new();
        for chunk in chunks {
            for (w, postings) in chunk {
                terms.entry(w).or_default().extend(postings);
            }
        }

        let mut shards: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
        for (term, postings) in terms {
            shards
                .entry(shard_key(&term))
                .or_default()
                .push((term, postings));
        }
        shards
            .into_par_iter()
            .map(|(key, mut list)| {
                list.sort();
                let mut json = String::from("{");
                for (i, (term, postings)) in list.iter().enumerate() {
                    if i > 0 {
                        json.push(',');
                    }
                    json.push_str(&serde_json::to_string(term)?);
                    json.push_str(":[");
                    let mut prev = 0;
                    for (j, &v) in postings.iter().enumerate() {
                        if j > 0 {
                            json.push(',');
                        }
                        json.push_str(&(v - prev).to_string());
                        prev = v;
                    }
                    json.push(']');
                }
                json.push('}');
                put(&format!("search/t/{key}.json"), json.as_bytes())
            })
            .collect::<Result<Vec<()>>>()?;

        order
            .par_chunks(DOCS_PER_SHARD)
            .enumerate()
            .map(|(n, chunk)| {
                let docs: Vec<(&str, &str, String, String)> = chunk
                    .iter()
                    .map(|&p| {
                        let paper = &site.papers[p];
                        let mut authors = paper
                            .authors
                            .iter()
                            .take(3)
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", ");
                        if paper.authors.len() > 3 {
                            authors.push_str(" et al.");
                        }
                        (
                            paper.id.as_str(),
                            paper.title.as_str(),
                            authors,
                            paper.first_day().format("%Y-%m-%d").to_string(),
                        )
                    })
                    .collect();
                let json = serde_json::to_string(&docs)?;
                put(&format!("search/d/{n}.json"), json.as_bytes())
            })
            .collect::<Result<Vec<()>>>()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_split_and_filtered() {
        let w: Vec<String> = words("The GPT-4o model: Chain-of-Thought for Ünïcode x").collect();
        assert_eq!(w, ["gpt", "4o", "model", "chain", "thought", "ünïcode"]);
    }

    #[test]
    fn shard_keys_are_safe_file_names() {
        assert_eq!(shard_key("model"), "mod");
        assert_eq!(shard_key("4o"), "4o");
        assert_eq!(shard_key("ünï"), "_c3bc6ec3af");
    }
}
