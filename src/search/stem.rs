//! English stemming for the search index: Porter's 1980 rules, so that `models` and
//! `model`, or `decoding` and `decode`, are one indexed term.
//!
//! `themes/default/static/search.js` stems query words with the same rules, written the
//! same way step for step; `tests/fixtures/stem_vectors.tsv` holds words and their stems,
//! checked here and in the browser checks, so the two cannot drift apart unnoticed.
//! Only words of plain lowercase ASCII letters are stemmed: numbers, identifiers and
//! other scripts are indexed as they are.

/// The stem of `word`, or `word` itself when it is not plain `[a-z]` or is shorter than
/// three letters.
pub fn stem(word: &str) -> String {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w: Vec<u8> = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    replace_longest(&mut w, STEP2);
    replace_longest(&mut w, STEP3);
    step4(&mut w);
    step5(&mut w);
    // Every byte is still an ASCII letter.
    w.into_iter().map(char::from).collect()
}

/// Whether `w[i]` is a consonant: not a vowel, and `y` only after a vowel (or first).
fn consonant(w: &[u8], i: usize) -> bool {
    match w[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => false,
        b'y' => i == 0 || !consonant(w, i - 1),
        _ => true,
    }
}

/// Porter's m: the number of vowel-consonant sequences in `w` (`[C](VC)^m[V]`).
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut vowel_seen = false;
    for i in 0..w.len() {
        if consonant(w, i) {
            if vowel_seen {
                m += 1;
                vowel_seen = false;
            }
        } else {
            vowel_seen = true;
        }
    }
    m
}

/// Whether `w` has a vowel.
fn has_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !consonant(w, i))
}

/// Whether `w` ends in a double consonant.
fn double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && consonant(w, n - 1)
}

/// Porter's *o: `w` ends consonant-vowel-consonant, the last not `w`, `x` or `y`.
fn cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && consonant(w, n - 3)
        && !consonant(w, n - 2)
        && consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
}

/// `w` without `suffix`, when it ends with it.
fn stem_of<'a>(w: &'a [u8], suffix: &str) -> Option<&'a [u8]> {
    w.strip_suffix(suffix.as_bytes())
}

/// Replaces `suffix` with `by` at the end of `w` (which ends with `suffix`).
fn set_suffix(w: &mut Vec<u8>, suffix: &str, by: &str) {
    w.truncate(w.len() - suffix.len());
    w.extend_from_slice(by.as_bytes());
}

/// Plurals: `sses` -> `ss`, `ies` -> `i`, `s` -> nothing (but not `ss`).
fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"s") && !w.ends_with(b"ss") {
        w.truncate(w.len() - 1);
    }
}

/// Past tenses and gerunds: `eed`, `ed`, `ing`, then tidying what is left.
fn step1b(w: &mut Vec<u8>) {
    if let Some(s) = stem_of(w, "eed") {
        if measure(s) > 0 {
            w.truncate(w.len() - 1);
        }
        return;
    }
    let removed = ["ed", "ing"]
        .into_iter()
        .find(|suffix| stem_of(w, suffix).is_some_and(has_vowel));
    let Some(suffix) = removed else { return };
    w.truncate(w.len() - suffix.len());
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if double_consonant(w) && !matches!(w[w.len() - 1], b'l' | b's' | b'z') {
        w.pop();
    } else if measure(w) == 1 && cvc(w) {
        w.push(b'e');
    }
}

/// A final `y` after a vowel somewhere becomes `i`.
fn step1c(w: &mut [u8]) {
    let n = w.len();
    if w[n - 1] == b'y' && has_vowel(&w[..n - 1]) {
        w[n - 1] = b'i';
    }
}

/// Double suffixes to single ones, when the rest has m > 0.
const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("abli", "able"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
];

/// `-ic-`, `-full`, `-ness` and the like, when the rest has m > 0.
const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

/// Replaces the longest suffix of `rules` that `w` ends with, when the rest of the word
/// has m > 0; a longest suffix whose rest fails stops the step.
fn replace_longest(w: &mut Vec<u8>, rules: &[(&str, &str)]) {
    let found = rules
        .iter()
        .filter(|(suffix, _)| w.ends_with(suffix.as_bytes()))
        .max_by_key(|(suffix, _)| suffix.len());
    if let Some(&(suffix, by)) = found
        && measure(&w[..w.len() - suffix.len()]) > 0
    {
        set_suffix(w, suffix, by);
    }
}

/// Suffixes removed when the rest has m > 1 (`ion` only after `s` or `t`).
const STEP4: &[&str] = &[
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
];

fn step4(w: &mut Vec<u8>) {
    let found = STEP4
        .iter()
        .filter(|suffix| w.ends_with(suffix.as_bytes()))
        .max_by_key(|suffix| suffix.len());
    if let Some(suffix) = found {
        let rest = &w[..w.len() - suffix.len()];
        let ion_ok = *suffix != "ion" || rest.ends_with(b"s") || rest.ends_with(b"t");
        if measure(rest) > 1 && ion_ok {
            w.truncate(rest.len());
        }
    }
}

/// A final `e` goes when m > 1 (or m = 1 and not *o); a final `ll` loses an `l` when m > 1.
fn step5(w: &mut Vec<u8>) {
    if let Some(rest) = stem_of(w, "e") {
        let m = measure(rest);
        if m > 1 || (m == 1 && !cvc(rest)) {
            w.pop();
        }
    }
    if measure(w) > 1 && double_consonant(w) && w.ends_with(b"l") {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared vectors: the browser checks hold `search.js` to the same file.
    const VECTORS: &str = include_str!("../../tests/fixtures/stem_vectors.tsv");

    #[test]
    fn stems_match_the_shared_vectors() {
        let mut n = 0;
        for (line_no, line) in VECTORS.lines().enumerate() {
            let Some((word, want)) = line.split_once('\t') else {
                panic!("line {}: no tab in {line:?}", line_no + 1);
            };
            assert_eq!(stem(word), want, "line {}: {word}", line_no + 1);
            n += 1;
        }
        assert!(n > 500, "only {n} vectors");
    }

    #[test]
    fn porters_examples() {
        for (word, want) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("connections", "connect"),
            ("hopeful", "hope"),
            ("generalizations", "gener"),
            ("controlling", "control"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn the_issues_pairs_share_a_stem() {
        assert_eq!(stem("models"), stem("model"));
        assert_eq!(stem("decoding"), stem("decode"));
        assert_eq!(stem("diffusion"), "diffus");
    }

    #[test]
    fn other_words_are_left_alone() {
        for word in ["4o", "gpt4", "ünïcode", "is", "llms2", ""] {
            assert_eq!(stem(word), word);
        }
    }
}
