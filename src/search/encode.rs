//! What every postings file shares (term shards and phrase buckets): the encoding,
//! `{"key":"numbers",…}` with each key's ascending numbers delta-encoded and written as
//! a string of base-91 digits ([`push_number`]), and the hash that spreads keys over a
//! power of two of files. The term index and the phrase index both write through here,
//! so neither depends on the other for it.
//!
//! The digits rather than JSON numbers because postings are most of the index's bytes,
//! and a JSON number takes a digit per factor of ten plus a comma: a typical gap between
//! two papers of a term is two or three decimal digits and a comma, and one or two
//! characters here. `search.js` reads them back with `numbers()`.

use anyhow::Result;

/// Digits below this end a number; digits from it up carry on to the next, more
/// significant one (see [`push_number`]).
const FINAL_DIGITS: u32 = 60;
/// How many digits carry on: with [`FINAL_DIGITS`], the 91 characters a JSON string
/// holds unescaped from `#` to `~`, leaving out `\`.
const CARRY_DIGITS: u32 = 31;

/// The character of digit `d` (below 91): `#` (0x23) onwards, skipping `\` (0x5c).
fn digit(d: u32) -> char {
    let code = 0x23 + d + u32::from(d >= 0x5c - 0x23);
    char::from_u32(code).unwrap_or('#')
}

/// Appends `x` to `out` as base-91 digits, least significant first. A number is a run of
/// carrying digits (each worth its value times the product of the [`CARRY_DIGITS`]
/// before it) closed by one final digit, so no separator is needed: `x` below 60 takes
/// one character, below 1,920 two, below 59,580 three. The reader sums `digit *
/// CARRY_DIGITS^position` over the run, ending at the first digit below
/// [`FINAL_DIGITS`].
pub(crate) fn push_number(out: &mut String, mut x: u32) {
    while x >= FINAL_DIGITS {
        x -= FINAL_DIGITS;
        out.push(digit(FINAL_DIGITS + x % CARRY_DIGITS));
        x /= CARRY_DIGITS;
    }
    out.push(digit(x));
}

/// Characters [`push_number`] writes for `x`.
fn number_len(mut x: u32) -> usize {
    let mut len = 1;
    while x >= FINAL_DIGITS {
        x = (x - FINAL_DIGITS) / CARRY_DIGITS;
        len += 1;
    }
    len
}

/// Bytes `"term":"postings",` takes in a shard (or a pair in a phrase file), near enough
/// to decide splits.
pub(crate) fn json_size(term: &str, postings: &[u32]) -> usize {
    let mut prev = 0;
    let digits: usize = postings
        .iter()
        .map(|&v| {
            let delta = v - prev;
            prev = v;
            number_len(delta)
        })
        .sum();
    term.len() + 6 + digits
}

/// `{"term":"postings",…}` for `list`, in its order, each term's ascending numbers
/// delta-encoded by [`push_number`]: a term shard, or a phrase file with pairs for terms.
pub(crate) fn postings_json(list: &[(String, Vec<u32>)]) -> Result<String> {
    let mut json = String::from("{");
    for (i, (term, postings)) in list.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(term)?);
        json.push_str(":\"");
        let mut prev = 0;
        for &v in postings {
            push_number(&mut json, v - prev);
            prev = v;
        }
        json.push('"');
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

/// The numbers of a postings string, as `search.js`'s `numbers()` reads them: `None`
/// for a character no digit is written as, a number past `u32`, or a number left
/// unfinished. Each is a delta; [`read_postings`] adds them up. The tests read the index
/// back through this, as a reader of the files would.
pub fn read_numbers(text: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let (mut value, mut weight) = (0u64, 1u64);
    for c in text.chars() {
        let code = u64::from(c);
        if !(0x23..=0x7e).contains(&code) || code == 0x5c {
            return None;
        }
        let d = code - 0x23 - u64::from(code > 0x5c);
        value = value.checked_add(d.checked_mul(weight)?)?;
        if d < u64::from(FINAL_DIGITS) {
            out.push(u32::try_from(value).ok()?);
            (value, weight) = (0, 1);
        } else {
            weight = weight.checked_mul(u64::from(CARRY_DIGITS))?;
        }
    }
    (weight == 1).then_some(out)
}

/// The ascending values of a postings string: [`read_numbers`], each added to the one
/// before.
pub fn read_postings(text: &str) -> Option<Vec<u32>> {
    let mut sum = 0u32;
    read_numbers(text)?
        .into_iter()
        .map(|d| {
            sum = sum.checked_add(d)?;
            Some(sum)
        })
        .collect()
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
        let list = vec![("term".to_string(), vec![5, 7, 17, 5000, 80_000])];
        let json = postings_json(&list).unwrap();
        // Less the braces, plus the comma between two terms.
        assert_eq!(json_size("term", &list[0].1), json.len() - 2 + 1);
        assert_eq!(json_size("x", &[0]), r##""x":"#""##.len() + 1);
    }

    #[test]
    fn postings_are_written_delta_encoded_in_order() {
        let list = vec![("b".to_string(), vec![3, 4, 9]), ("a".to_string(), vec![0])];
        // Digits 3, 1 and 5 are the characters 0x23 + 3, + 1, + 5.
        assert_eq!(postings_json(&list).unwrap(), r##"{"b":"&$(","a":"#"}"##);
    }

    #[test]
    fn numbers_take_one_two_or_three_characters_as_they_grow() {
        let len = |x| {
            let mut s = String::new();
            push_number(&mut s, x);
            assert_eq!(s.len(), number_len(x), "{x}");
            s.len()
        };
        assert_eq!([len(0), len(59), len(60), len(1919)], [1, 1, 2, 2]);
        assert_eq!([len(1920), len(59_579), len(59_580)], [3, 3, 4]);
    }

    #[test]
    fn every_number_reads_back_and_no_character_needs_escaping() {
        let mut numbers: Vec<u32> = (0..70_000).collect();
        numbers.extend([1_000_000, 123_456_789, u32::MAX / 4, u32::MAX]);
        let mut text = String::new();
        for &x in &numbers {
            push_number(&mut text, x);
        }
        assert_eq!(read_numbers(&text), Some(numbers));
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json.len(), text.len() + 2, "a character was escaped");
        assert!(!text.contains('\\') && !text.contains('"'));
    }

    #[test]
    fn postings_read_back_as_written_and_bad_text_is_none() {
        let list = vec![("t".to_string(), vec![3, 4, 9, 70_000, 70_001])];
        let json = postings_json(&list).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            read_postings(parsed["t"].as_str().unwrap()),
            Some(list[0].1.clone())
        );
        // A carrying digit with nothing after it, a backslash, a letter past `~`.
        assert_eq!(read_numbers("~"), None);
        assert_eq!(read_numbers("\\"), None);
        assert_eq!(read_numbers("é"), None);
        assert_eq!(read_numbers(""), Some(vec![]));
    }

    /// The shared vectors: the browser checks hold `search.js`'s `numbers()` to them.
    const VECTORS: &str = include_str!("../../tests/fixtures/number_vectors.tsv");

    #[test]
    fn numbers_match_the_shared_vectors() {
        let mut n = 0;
        for line in VECTORS.lines().filter(|l| !l.starts_with('#')) {
            let (numbers, text) = line.split_once('\t').unwrap();
            let numbers: Vec<u32> = numbers.split(',').map(|x| x.parse().unwrap()).collect();
            let mut written = String::new();
            for &x in &numbers {
                push_number(&mut written, x);
            }
            assert_eq!(written, text, "{line:?}");
            assert_eq!(read_numbers(text), Some(numbers), "{line:?}");
            n += 1;
        }
        assert!(n >= 15, "only {n} vectors");
    }

    #[test]
    fn search_js_reads_digits_with_the_same_constants() {
        let js = include_str!("../../themes/default/static/search.js");
        assert!(js.contains(&format!(
            "var FINAL = {FINAL_DIGITS}, CARRY = {CARRY_DIGITS};"
        )));
        assert!(js.contains("s.charCodeAt(i) - 0x23") && js.contains("if (d > 0x5c - 0x23) d--;"));
    }
}
