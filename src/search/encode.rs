//! The one encoding every postings file shares (term shards and phrase buckets):
//! `{"key":[numbers],…}`, each key's ascending numbers delta-encoded. Both the term
//! index and the phrase index write through here, so neither depends on the other for it.

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

#[cfg(test)]
mod tests {
    use super::*;

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
