//! The term index and the document files, and the writing of the whole index.
//!
//! Layout, under `search/` in the output (documented in docs/themes.md):
//!
//! - `search/d/<n>.json`: documents `n * DOCS_PER_SHARD ..`, each
//!   `[id, title, authors, date, [tag names], excerpt]`, newest paper first (the
//!   document number is the position in that order). Small files, because a search's
//!   results are spread over the archive's years and each one fetched costs a file.
//! - `search/t/<key>.json`: `{term: postings}` for the terms (the stems of indexed
//!   words, see [`super::stem`]) of one shard ([`super::shards`]: by their first two
//!   or three characters, or a hash bucket for other scripts). Postings are
//!   ascending values `doc * 4 + field`, `field` being where the term is strongest in
//!   the document ([`Field`]: 3 title or arXiv id, 2 tags, 1 authors, 0 summary only),
//!   delta-encoded and written as a string of digits ([`super::encode`]).
//! - `search/meta.json`: `{"buckets": n, "pairs": n, "split": [two-character
//!   prefixes]}`: the hash buckets of terms in other scripts, the buckets of the phrase
//!   index, and the prefixes whose terms are sharded by three characters.
//! - `search/p/<bucket>.json`: the phrase index, pairs of stems side by side in titles
//!   (see [`super::pairs`]).
//!
//! A query word of three or more characters loads one term shard and matches every term
//! it prefixes; shorter words, and the bigrams of CJK text, match exactly. So a search
//! fetches the small `meta.json` once and one small file per word (per bigram) plus the
//! document shards of the results it shows, whatever the size of the archive.
//! The tokenizer ([`super::words`]) and the stemmer ([`super::stem`]) here and in
//! `search.js` must agree.

use std::borrow::Cow;

use anyhow::Result;
use rayon::prelude::*;

use super::encode::postings_json;
use super::pairs::{Pairs, pair_buckets};
use super::shards::shard;
use super::stem::stem;
use super::words::{for_each_token, for_each_word};
use crate::content::markup::math_as_text;
use crate::model::{Paper, Site};

/// Documents per `search/d/<n>.json` file.
pub(crate) const DOCS_PER_SHARD: usize = 20;

/// Characters of a paper's blurb kept as its result excerpt.
const EXCERPT_CHARS: usize = 160;

/// Where in a paper a term is found, weakest first: `search.js` ranks a paper by the
/// weakest field among the query's words (every word in the title first), then newest.
#[derive(Clone, Copy)]
enum Field {
    Summary = 0,
    Authors = 1,
    Tags = 2,
    /// The title, or the arXiv id (a query for an id wants that paper first).
    Title = 3,
}

/// The terms and postings of a run of consecutive documents.
#[derive(Default)]
struct Postings {
    /// Term number by term.
    ids: ahash::AHashMap<String, u32>,
    /// By term number: the term and its ascending `doc * 4 + field` values.
    terms: Vec<(String, Vec<u32>)>,
    /// By term number: the last document in its values, plus one (0: none yet).
    last_doc: Vec<u32>,
    /// Every two neighbouring indexed words of each title, as term numbers, for the
    /// phrase index.
    pairs: Pairs,
    /// The words left out between two of a pair, by gap number - 1 (see [`Pairs`]).
    gaps: Vec<String>,
    /// Gap number by words.
    gap_ids: ahash::AHashMap<String, u32>,
}

impl Postings {
    /// Indexes `paper` as document `doc`, which is after every document indexed so far.
    /// Fields are read strongest first, so that a term's first posting for the document
    /// is its strongest.
    fn add(&mut self, site: &Site, paper: &Paper, doc: u32, buf: &mut String) {
        let mut add = |word: &str, field: Field| {
            let id = self.id(word);
            // The small array of last documents is looked at, not the term's list: most
            // words come many times in one document, and the lists are all over memory.
            let last = &mut self.last_doc[id as usize];
            if *last != doc + 1 {
                *last = doc + 1;
                self.terms[id as usize].1.push(doc * 4 + field as u32);
            }
            id
        };
        let mut before = None;
        let mut pairs = Vec::new();
        let mut gap = String::new();
        for_each_token(&math_as_text(&paper.title), buf, |w, indexed| {
            if !indexed {
                if before.is_some() {
                    gap.push_str(w);
                    gap.push(' ');
                }
                return;
            }
            let id = add(w, Field::Title);
            if let Some(first) = before.replace(id) {
                pairs.push((first, gap.trim_end().to_string(), id));
            }
            gap.clear();
        });
        for_each_word(&paper.id, buf, |w| {
            add(w, Field::Title);
        });
        for &t in &paper.tags {
            for_each_word(&site.tags[t].name, buf, |w| {
                add(w, Field::Tags);
            });
        }
        for a in &paper.authors {
            for_each_word(a, buf, |w| {
                add(w, Field::Authors);
            });
        }
        for m in [&paper.gist, &paper.summary, &paper.abstract_]
            .into_iter()
            .flatten()
        {
            for_each_word(&math_as_text(&m.text), buf, |w| {
                add(w, Field::Summary);
            });
        }
        for (first, gap, second) in pairs {
            let gap = self.gap(&gap);
            self.pairs.push((first, gap, second, doc));
        }
    }

    /// The gap number of the words `gap` (0 for none), numbered when new.
    fn gap(&mut self, gap: &str) -> u32 {
        if gap.is_empty() {
            return 0;
        }
        if let Some(&id) = self.gap_ids.get(gap) {
            return id;
        }
        self.gaps.push(gap.to_string());
        let id = self.gaps.len() as u32;
        self.gap_ids.insert(gap.to_string(), id);
        id
    }

    /// Appends `later`, whose documents all come after this one's.
    fn append(&mut self, later: Postings) {
        // Later's term numbers as this one numbers them.
        let mut number = Vec::with_capacity(later.terms.len());
        for ((term, list), last) in later.terms.into_iter().zip(later.last_doc) {
            let id = self.id(&term);
            if !list.is_empty() {
                self.last_doc[id as usize] = last;
            }
            self.terms[id as usize].1.extend(list);
            number.push(id);
        }
        let gap_number: Vec<u32> = later.gaps.iter().map(|g| self.gap(g)).collect();
        self.pairs
            .extend(later.pairs.into_iter().map(|(a, gap, b, doc)| {
                let gap = gap.checked_sub(1).map_or(0, |g| gap_number[g as usize]);
                (number[a as usize], gap, number[b as usize], doc)
            }));
    }

    /// The number of `term`, which gets empty postings when it is new.
    fn id(&mut self, term: &str) -> u32 {
        match self.ids.get(term) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as u32;
                self.ids.insert(term.to_string(), id);
                self.terms.push((term.to_string(), Vec::new()));
                self.last_doc.push(0);
                id
            }
        }
    }
}

/// The index's terms: each word's postings under its stem ([`stem`]), the postings of
/// words with one stem merged (a document keeps its strongest value), and by term
/// number the number of its stem. Stemming the distinct words, rather than every word
/// as it is read, keeps it off the hot path.
fn by_stem(terms: Vec<(String, Vec<u32>)>) -> (Vec<(String, Vec<u32>)>, Vec<u32>) {
    let mut index: ahash::AHashMap<String, usize> = ahash::AHashMap::new();
    let mut stemmed: Vec<(String, Vec<u32>)> = Vec::with_capacity(terms.len());
    let mut stem_of = Vec::with_capacity(terms.len());
    for (term, postings) in terms {
        let s = stem(&term);
        match index.get(&s) {
            Some(&i) => {
                stemmed[i].1.extend(postings);
                stem_of.push(i as u32);
            }
            None => {
                index.insert(s.clone(), stemmed.len());
                stem_of.push(stemmed.len() as u32);
                stemmed.push((s, postings));
            }
        }
    }
    // Merged lists are sorted and deduplicated unless every document comes once, in
    // order (a list sorted with one document twice still needs its duplicate dropped).
    for (_, postings) in stemmed
        .iter_mut()
        .filter(|(_, p)| !p.windows(2).all(|w| w[0] >> 2 < w[1] >> 2))
    {
        // Values are `doc * 4 + field`: sorted, a document's strongest value is its last.
        postings.sort_unstable();
        postings.dedup_by(|later, earlier| {
            let same = *later >> 2 == *earlier >> 2;
            if same {
                *earlier = *later;
            }
            same
        });
    }
    (stemmed, stem_of)
}

/// Papers in document order: newest first day first, then by id.
pub fn doc_order(papers: &[Paper]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..papers.len()).collect();
    order.sort_by(|&a, &b| {
        papers[b]
            .first_day()
            .cmp(&papers[a].first_day())
            .then_with(|| papers[a].id.cmp(&papers[b].id))
    });
    order
}

/// Writes the whole index of `site` through `put` (path under the output, bytes):
/// `search/meta.json`, `search/t/*.json`, `search/p/*.json` and `search/d/*.json`.
pub fn write(site: &Site, put: &(dyn Fn(&str, &[u8]) -> Result<()> + Sync)) -> Result<()> {
    let order = doc_order(&site.papers);

    // Chunks of documents are tokenised in parallel and appended in chunk order,
    // which keeps every posting list ascending. Appending as chunks finish (rather
    // than after all of them) keeps only a few chunks' dictionaries alive at once;
    // holding all of them raised a long archive's peak memory markedly.
    const CHUNK: usize = 1024;
    anyhow::ensure!(
        u32::try_from(order.len().saturating_mul(4)).is_ok(),
        "{} papers are more than the search index can number",
        order.len()
    );
    let all = order
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut postings = Postings::default();
            let mut buf = String::new();
            for (k, &p) in chunk.iter().enumerate() {
                let doc = (c * CHUNK + k) as u32;
                postings.add(site, &site.papers[p], doc, &mut buf);
            }
            postings
        })
        .reduce(Postings::default, |mut earlier, later| {
            if earlier.terms.is_empty() {
                return later;
            }
            earlier.append(later);
            earlier
        });
    drop(all.ids);
    drop(all.gap_ids);
    let (all_terms, stem_of) = by_stem(all.terms);
    let (pair_count, pair_files) = {
        let stems: Vec<&str> = all_terms.iter().map(|(s, _)| s.as_str()).collect();
        pair_buckets(&stems, &stem_of, &all.gaps, all.pairs)?
    };
    drop(stem_of);

    let (split, buckets, shards) = shard(all_terms);
    put(
        "search/meta.json",
        serde_json::to_string(
            &serde_json::json!({ "split": split, "pairs": pair_count, "buckets": buckets }),
        )?
        .as_bytes(),
    )?;
    pair_files
        .into_par_iter()
        .map(|(n, json)| put(&format!("search/p/{n}.json"), json.as_bytes()))
        .collect::<Result<Vec<()>>>()?;
    shards
        .into_par_iter()
        .map(|(key, list)| {
            put(
                &format!("search/t/{key}.json"),
                postings_json(&list)?.as_bytes(),
            )
        })
        .collect::<Result<Vec<()>>>()?;

    order
        .par_chunks(DOCS_PER_SHARD)
        .enumerate()
        .map(|(n, chunk)| {
            type Doc<'a> = (&'a str, Cow<'a, str>, String, String, Vec<&'a str>, String);
            let docs: Vec<Doc> = chunk
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
                        math_as_text(&paper.title),
                        authors,
                        crate::dates::iso_date(paper.first_day()),
                        paper
                            .tags
                            .iter()
                            .map(|&t| site.tags[t].name.as_str())
                            .collect(),
                        paper.blurb().map_or_else(String::new, |b| {
                            crate::content::markup::truncate_words(
                                &math_as_text(&b.text),
                                EXCERPT_CHARS,
                            )
                        }),
                    )
                })
                .collect();
            let json = serde_json::to_string(&docs)?;
            put(&format!("search/d/{n}.json"), json.as_bytes())
        })
        .collect::<Result<Vec<()>>>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_stem_share_postings_with_the_strongest_value_per_document() {
        let terms = vec![
            ("models".to_string(), vec![0, 9, 16]),
            ("gpt4".to_string(), vec![7]),
            ("model".to_string(), vec![3, 8, 20]),
            ("modeling".to_string(), vec![6]),
        ];
        // Doc 0: summary in "models", title in "model"; doc 1: tags in "modeling"; doc 2:
        // summary in "model", authors in "models"; docs 4 and 5 from one word each.
        let (got, stem_of) = by_stem(terms);
        assert_eq!(stem_of, [0, 1, 0, 0]);
        assert_eq!(
            got,
            [
                ("model".to_string(), vec![3, 6, 9, 16, 20]),
                ("gpt4".to_string(), vec![7]),
            ]
        );
    }

    /// A paper titled `title`, id `id`, with a summary of `summary`.
    fn paper(title: &str, id: &str, summary: &str) -> Paper {
        Paper {
            id: id.to_string(),
            title: title.to_string(),
            authors: vec!["Ada Video".to_string()],
            summary: Some(crate::content::markup::Markup {
                html: String::new(),
                text: summary.to_string(),
                math_errors: Vec::new(),
            }),
            gist: None,
            abstract_: None,
            note: None,
            code: None,
            code_candidates: Vec::new(),
            tags: Vec::new(),
            days: vec![chrono::NaiveDate::from_ymd_opt(2025, 7, 4).unwrap()],
        }
    }

    /// The title pairs of `postings` as words.
    fn pairs_of(postings: &Postings) -> Vec<(&str, &str, &str, u32)> {
        let term = |id: u32| postings.terms[id as usize].0.as_str();
        let gap = |g: u32| {
            g.checked_sub(1)
                .map_or("", |g| postings.gaps[g as usize].as_str())
        };
        postings
            .pairs
            .iter()
            .map(|&(a, g, b, doc)| (term(a), gap(g), term(b), doc))
            .collect()
    }

    #[test]
    fn titles_give_pairs_of_neighbouring_indexed_words_across_chunks() {
        let site = crate::model::Site {
            days: Vec::new(),
            papers: Vec::new(),
            tags: Vec::new(),
        };
        let mut buf = String::new();
        let mut first = Postings::default();
        // Stop words and one-letter words are not indexed: a pair keeps them between its
        // words. The id and the summary give none.
        first.add(
            &site,
            &paper(
                "Mixture of Experts: a Video model",
                "2501.00001",
                "video diffusion",
            ),
            0,
            &mut buf,
        );
        let mut later = Postings::default();
        later.add(
            &site,
            &paper(
                "Agent and the Benchmark: Diffusion, video",
                "2501.00002",
                "x",
            ),
            1,
            &mut buf,
        );
        first.append(later);
        assert_eq!(
            pairs_of(&first),
            [
                ("mixture", "of", "experts", 0),
                ("experts", "a", "video", 0),
                ("video", "", "model", 0),
                ("agent", "and the", "benchmark", 1),
                ("benchmark", "", "diffusion", 1),
                ("diffusion", "", "video", 1),
            ]
        );
    }

    #[test]
    fn titles_make_the_pairs_of_the_shared_vectors() {
        let site = crate::model::Site {
            days: Vec::new(),
            papers: Vec::new(),
            tags: Vec::new(),
        };
        let vectors = include_str!("../../tests/fixtures/pair_vectors.tsv");
        let mut n = 0;
        for line in vectors.lines().filter(|l| !l.starts_with('#')) {
            let (title, want) = line.split_once('\t').unwrap();
            let mut postings = Postings::default();
            postings.add(&site, &paper(title, "x", ""), 0, &mut String::new());
            let got: Vec<String> = pairs_of(&postings)
                .into_iter()
                .map(|(a, gap, b, _)| {
                    let words = [stem(a), gap.to_string(), stem(b)];
                    words
                        .iter()
                        .filter(|w| !w.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            assert_eq!(got.join("|"), want, "{title}");
            n += 1;
        }
        assert!(n >= 8);
    }

    #[test]
    fn search_js_reads_documents_in_shards_of_the_size_written() {
        let js = include_str!("../../themes/default/static/search.js");
        assert!(js.contains(&format!("var PER = {DOCS_PER_SHARD},")));
    }
}
