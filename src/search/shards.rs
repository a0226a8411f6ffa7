//! Which file of `search/t/` holds a term, the rule `search.js` follows to find it.
//!
//! A term whose first two characters are plain `[a-z0-9]` lives in the file of those two
//! characters (`t/mo.json`), or of its first three when that two-character beginning is
//! `split`, its terms being more than [`SPLIT_BYTES`] (`t/mod.json`). Those are at most
//! 36 × 36 beginnings, most of them rare, whatever the archive.
//!
//! Every other term (the bigrams of Chinese, Japanese or Korean text, accented names) is
//! put in one of a power of two of hash buckets by its first two characters (three when
//! those two are `split`, as above; a beginning whose terms are all bigrams is never
//! split, as a third character would not tell them apart), `t/_u<n>.json`: one file
//! per two-character beginning would be one per pair of CJK characters, tens of
//! thousands of files on a few months of Chinese summaries, and a static host counts
//! every file. The bucket count is sized from those terms' bytes and never passes
//! [`MAX_BUCKETS`], so the number of files is bounded whatever the script. Terms sharing
//! their first two characters share a bucket, so a query word still finds every term it
//! begins in the one file.

use std::collections::BTreeMap;

use super::encode::{bucket, json_size};

/// Bytes of JSON the terms of one two-character beginning may have before they are
/// split into files by three characters; also the size the hash buckets are sized for.
pub(crate) const SPLIT_BYTES: usize = 16 * 1024;

/// The most hash buckets the terms of other scripts are spread over.
pub const MAX_BUCKETS: u32 = 1024;

/// Terms with their postings.
pub(crate) type Terms = Vec<(String, Vec<u32>)>;

/// The first two characters of `term`: what decides its shard.
pub(crate) fn prefix(term: &str) -> &str {
    let end = term.char_indices().nth(2).map_or(term.len(), |(i, _)| i);
    &term[..end]
}

/// Whether `text` is plain `[a-z0-9]`.
fn plain(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The shard a term lives in, as a file name stem: its first two characters, or three
/// when `split`; themselves when plain `[a-z0-9]`, else `_` and the hex of their UTF-8
/// bytes (a plain beginning followed by another script). A term whose first two
/// characters are not plain goes instead to `_u` and the bucket of those two (or three)
/// characters among `buckets`.
pub fn shard_key(term: &str, split: bool, buckets: u32) -> String {
    if !plain(prefix(term)) {
        let end = term
            .char_indices()
            .nth(if split { 3 } else { 2 })
            .map_or(term.len(), |(i, _)| i);
        return format!("_u{}", bucket(&term[..end], buckets));
    }
    let key: String = term.chars().take(if split { 3 } else { 2 }).collect();
    if plain(&key) {
        key
    } else {
        let mut hex = String::from("_");
        for b in key.bytes() {
            hex.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            hex.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        hex
    }
}

/// The term files of `terms`: what `meta.json` says of them (the split two-character
/// beginnings, ascending, and the bucket count) and each file's terms, sorted, by key.
pub(crate) fn shard(terms: Terms) -> (Vec<String>, u32, BTreeMap<String, Terms>) {
    let mut by_prefix: BTreeMap<String, Terms> = BTreeMap::new();
    let mut other_bytes = 0;
    for (term, postings) in terms {
        let two = prefix(&term);
        if !plain(two) {
            other_bytes += json_size(&term, &postings);
        }
        by_prefix
            .entry(two.to_string())
            .or_default()
            .push((term, postings));
    }
    let buckets = other_bytes
        .div_ceil(SPLIT_BYTES)
        .max(1)
        .next_power_of_two()
        .min(MAX_BUCKETS as usize) as u32;
    let mut split = Vec::new();
    let mut shards: BTreeMap<String, Terms> = BTreeMap::new();
    for (two, terms) in by_prefix {
        // Only terms of three characters or more could move: a beginning of CJK bigrams
        // stays whole, and out of `meta.json`'s list.
        let three = terms.iter().map(|(t, p)| json_size(t, p)).sum::<usize>() > SPLIT_BYTES
            && terms.iter().any(|(t, _)| t.chars().nth(2).is_some());
        for (term, postings) in terms {
            shards
                .entry(shard_key(&term, three, buckets))
                .or_default()
                .push((term, postings));
        }
        if three {
            split.push(two);
        }
    }
    for list in shards.values_mut() {
        list.sort();
    }
    (split, buckets, shards)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared vectors: the browser checks hold `search.js` to the same file.
    const VECTORS: &str = include_str!("../../tests/fixtures/shard_vectors.tsv");

    #[test]
    fn shard_keys_match_the_shared_vectors() {
        let mut n = 0;
        for line in VECTORS.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "{line:?}");
            let buckets: u32 = f[2].parse().unwrap();
            assert_eq!(shard_key(f[0], f[1] == "1", buckets), f[3], "{line:?}");
            n += 1;
        }
        assert!(n >= 20, "only {n} vectors");
    }

    #[test]
    fn shard_keys_are_safe_file_names() {
        assert_eq!(shard_key("model", true, 8), "mod");
        assert_eq!(shard_key("model", false, 8), "mo");
        assert_eq!(shard_key("4o", true, 8), "4o");
        assert_eq!(shard_key("coñac", true, 8), "_636fc3b1");
        assert_eq!(shard_key("ünï", true, 1), "_u0");
        // Split, a term's first three characters choose its bucket.
        assert_ne!(
            shard_key("通过模拟", true, 1024),
            shard_key("通过实验", true, 1024)
        );
        assert_eq!(
            shard_key("通过模拟", false, 1024),
            shard_key("通过实验", false, 1024)
        );
        assert_eq!(prefix("ünï"), "ün");
        assert_eq!(prefix("a"), "a");
    }

    /// `n` terms of CJK characters, most beginning differently, in 40 papers each.
    fn cjk_terms(n: u32) -> Terms {
        (0..n)
            .map(|i| {
                let c = |k: u32| char::from_u32(0x4e00 + k % 20000).unwrap();
                let term: String = [c(i), c(i / 7 + 3), c(i * 13 + 5)].into_iter().collect();
                (term, (0..40).map(|k| k * 400_000 + i).collect())
            })
            .collect()
    }

    #[test]
    fn other_scripts_take_a_bounded_number_of_files_whatever_their_count() {
        let mut terms = cjk_terms(60_000);
        terms.push(("model".to_string(), vec![3]));
        let (split, buckets, shards) = shard(terms);
        assert_eq!(buckets, MAX_BUCKETS);
        assert!(split.is_empty());
        assert!(shards.len() <= MAX_BUCKETS as usize + 1, "{}", shards.len());
        // Every term is in the file its key names, and a term's beginning names one file.
        for (key, list) in &shards {
            for (term, _) in list {
                assert_eq!(&shard_key(term, false, buckets), key);
            }
        }
        // A few terms: a bucket or two, not one file per beginning.
        let (_, buckets, shards) = shard(cjk_terms(40));
        assert_eq!(buckets, 1);
        assert_eq!(shards.len(), 1);
    }

    #[test]
    fn plain_beginnings_split_by_three_past_the_limit() {
        let terms: Terms = (0..3000)
            .map(|i| {
                (
                    format!("co{}", char::from(b'a' + (i % 26) as u8)) + &i.to_string(),
                    vec![i],
                )
            })
            .chain([("zebra".to_string(), vec![1])])
            .collect();
        let (split, _, shards) = shard(terms);
        assert_eq!(split, ["co"]);
        assert!(shards.contains_key("coa") && shards.contains_key("ze"));
        assert!(!shards.contains_key("co"));
        // So are other scripts' beginnings.
        let terms: Terms = (0..3000)
            .map(|i| {
                (
                    format!("通过{}", char::from_u32(0x4e00 + i).unwrap()),
                    vec![i * 4],
                )
            })
            .chain([("现有".to_string(), vec![1])])
            .collect();
        let (split, buckets, shards) = shard(terms);
        assert_eq!(split, ["通过"]);
        // A bigram too common for one file is not split: it has no third character.
        let (split, _, _) = shard(vec![("通过".to_string(), (0..9000).collect())]);
        assert!(split.is_empty());
        assert!(
            shards.len() > 2,
            "{buckets} buckets, {} files",
            shards.len()
        );
    }
}
