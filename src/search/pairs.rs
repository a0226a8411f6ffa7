//! The phrase index: for every two stems that stand side by side in some title, the
//! papers whose titles hold them so. `search.js` ranks a paper whose title holds the
//! query as a phrase (each pair of neighbouring query words side by side, in order)
//! before one whose title holds the words apart.
//!
//! Two stems are side by side when only words the index leaves out (stop words and
//! one-character words) stand between them, and those words are part of the pair:
//! *Mixture of Experts* holds `mixtur of expert`, which the query `mixture of experts`
//! makes, while *Pottery Agent and Benchmark* holds `agent and benchmark`, not the
//! `agent benchmark` of the query `agent benchmark`.
//!
//! Layout: `search/p/<bucket>.json`, `{"first second": [docs]}` with the two stems
//! joined by a space (by the words between them, each followed by a space, when there
//! are any) and the documents ascending, delta-encoded (document numbers as in
//! `search/t/`). A pair's bucket is [`bucket`]: the FNV-1a hash of its UTF-8 bytes,
//! folded, modulo the bucket count `meta.json` gives as `pairs`, a power of two chosen so
//! that a bucket holds about [`PAIR_BYTES`]; empty buckets are not written.
//!
//! Why pairs in their own files rather than word positions in the term files: a query
//! fetches the term file of every word, and those hold every term sharing its first
//! letters (`model`, `modal`, `modul`, …); positions would add a number to each of their
//! title postings, which is most of the growth a phrase test costs. A pair file costs one
//! small request per pair of query words and holds only pairs.

use std::collections::BTreeMap;

use anyhow::Result;

use super::encode::{bucket, json_size, postings_json};

/// Bytes of JSON a pair bucket is sized for.
pub(crate) const PAIR_BYTES: usize = 8 * 1024;

/// Title word pairs as they are read: `(first term, gap, second term, document)`, the
/// terms numbered as the index numbers them, the gap 0 when nothing stands between them
/// or else 1 + the number of the words between them in the index's list of gaps,
/// documents ascending.
pub(crate) type Pairs = Vec<(u32, u32, u32, u32)>;

/// The pair buckets: the bucket count and each non-empty bucket's JSON by bucket
/// number. `pairs` holds term numbers of `stems` (index `stem_of[term]`) and gaps of
/// `gaps` (index `gap - 1`).
pub(crate) fn pair_buckets(
    stems: &[&str],
    stem_of: &[u32],
    gaps: &[String],
    pairs: Pairs,
) -> Result<(u32, BTreeMap<u32, String>)> {
    // Pair -> its documents, in ascending order of pair and then document: pairs are
    // read in document order, and a stable sort keeps it within each pair.
    let mut pairs: Pairs = pairs
        .into_iter()
        .map(|(a, gap, b, doc)| (stem_of[a as usize], gap, stem_of[b as usize], doc))
        .collect();
    pairs.sort_by_key(|&(a, gap, b, _)| (a, gap, b));
    pairs.dedup();
    let mut lists: Vec<(String, Vec<u32>)> = Vec::new();
    let mut previous = None;
    for (a, gap, b, doc) in pairs {
        // A pair's documents come one after another: its key is written once, when
        // the pair changes (pushed piece by piece; `format!` cost more than the rest
        // of the loop).
        if let Some((_, docs)) = lists.last_mut()
            && previous == Some((a, gap, b))
        {
            docs.push(doc);
            continue;
        }
        previous = Some((a, gap, b));
        let (first, second) = (stems[a as usize], stems[b as usize]);
        let between = gap.checked_sub(1).map(|g| gaps[g as usize].as_str());
        let mut key =
            String::with_capacity(first.len() + second.len() + between.map_or(1, |g| g.len() + 2));
        key.push_str(first);
        key.push(' ');
        if let Some(between) = between {
            key.push_str(between);
            key.push(' ');
        }
        key.push_str(second);
        match lists.last_mut() {
            Some((last, docs)) if *last == key => docs.push(doc),
            _ => lists.push((key, vec![doc])),
        }
    }
    let bytes: usize = lists.iter().map(|(k, d)| json_size(k, d)).sum();
    let count = bytes.div_ceil(PAIR_BYTES).max(1).next_power_of_two();
    let count = u32::try_from(count)?;
    let mut buckets: BTreeMap<u32, Vec<(String, Vec<u32>)>> = BTreeMap::new();
    for (key, docs) in lists {
        buckets
            .entry(bucket(&key, count))
            .or_default()
            .push((key, docs));
    }
    let mut out = BTreeMap::new();
    for (n, mut list) in buckets {
        list.sort();
        out.insert(n, postings_json(&list)?);
    }
    Ok((count, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::read_postings;

    #[test]
    fn pairs_group_by_stems_with_documents_ascending_once() {
        // Terms 0 "videos", 1 "video" (both stem 0, "video"), 2 "diffusion" (stem 1).
        let stems = ["video", "diffus"];
        let stem_of = [0, 0, 1];
        let pairs = vec![
            (0, 0, 2, 3),
            (1, 0, 2, 3),
            (1, 0, 2, 7),
            (2, 0, 1, 7),
            (0, 0, 2, 12),
            (1, 1, 2, 13),
        ];
        let gaps = ["and".to_string()];
        let (count, buckets) = pair_buckets(&stems, &stem_of, &gaps, pairs).unwrap();
        assert_eq!(count, 1);
        let bucket: BTreeMap<String, String> = serde_json::from_str(&buckets[&0]).unwrap();
        let read = |pair: &str| read_postings(&bucket[pair]).unwrap();
        assert_eq!(bucket.len(), 3);
        assert_eq!(read("diffus video"), [7]);
        assert_eq!(read("video and diffus"), [13]);
        assert_eq!(read("video diffus"), [3, 7, 12]);
    }

    #[test]
    fn pairs_spread_over_a_power_of_two_of_buckets_by_hash() {
        let stems: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
        let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
        let stem_of: Vec<u32> = (0..3000).collect();
        let pairs: Pairs = (0..2999).map(|i| (i, 0, i + 1, i)).collect();
        let (count, buckets) = pair_buckets(&stems, &stem_of, &[], pairs).unwrap();
        assert!(count > 1 && count.is_power_of_two(), "{count}");
        let mut seen = 0;
        for (n, json) in &buckets {
            let map: BTreeMap<String, String> = serde_json::from_str(json).unwrap();
            for key in map.keys() {
                assert_eq!(bucket(key, count), *n, "{key}");
            }
            seen += map.len();
            assert!(
                json.len() < 2 * PAIR_BYTES,
                "bucket {n}: {} bytes",
                json.len()
            );
        }
        assert_eq!(seen, 2999);
    }
}
