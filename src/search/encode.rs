//! What every postings file shares (term shards and phrase buckets): the encoding,
//! `{"key":[numbers],…}` with each key's ascending numbers delta-encoded, and the hash
//! that spreads keys over a power of two of files. The term index and the phrase index
//! both write through here, so neither depends on the other for it.

use anyhow::Result;

/// Bytes `"term":[postings],` takes in a shard (or a pair in a phrase file), near enough
/// to decide splits.
pub(crate) fn json_size(term: &str, postings: &[u32]) -> usize {
    let mut prev = 0;
    let digits: usize = postings
        .iter()
        .map(|&v| {
            let delta = v - prev;
            prev = v;
            delta.checked_ilog10().map_or(1, |d| d as usize + 1) + 1
        })
        .sum();
    term.len() + 5 + digits
}

/// `{"term":[postings],…}` for `list`, in its order, each term's ascending numbers
/// delta-encoded: a term shard, or a phrase file with pairs for terms.
pub(crate) fn postings_json(list: &[(String, Vec<u32>)]) -> Result<String> {
    let mut json = String::from("{");
    let mut number = itoa::Buffer::new();
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
            json.push_str(number.format(v - prev));
            prev = v;
        }
        json.push(']');
    }
    json.push('}');
    Ok(json)
}

/// FNV-1a, 32 bits, of `bytes`: `search.js` computes the same to find a pair's bucket.
pub(crate) fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The bucket of `key` among `count` (a power of two). The hash's high half is folded
/// into the low one: FNV-1a's low bits alone barely change with a key's last letter.
pub(crate) fn bucket(key: &str, count: u32) -> u32 {
    let h = fnv1a(key.as_bytes());
    (h ^ (h >> 16)) & (count - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values() {
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn search_js_hashes_with_the_same_constants() {
        let js = include_str!("../../themes/default/static/search.js");
        assert!(
            js.contains("0x811c9dc5") && js.contains("0x01000193") && js.contains("h ^ (h >>> 16)")
        );
    }

    #[test]
    fn json_size_counts_what_a_shard_writes() {
        // "term":[5,2,10]
        assert_eq!(
            json_size("term", &[5, 7, 17]),
            r#""term":[5,2,10]"#.len() + 1
        );
        assert_eq!(json_size("x", &[0]), r#""x":[0]"#.len() + 1);
    }

    #[test]
    fn postings_are_written_delta_encoded_in_order() {
        let list = vec![("b".to_string(), vec![3, 4, 9]), ("a".to_string(), vec![0])];
        assert_eq!(postings_json(&list).unwrap(), r#"{"b":[3,1,5],"a":[0]}"#);
    }
}
