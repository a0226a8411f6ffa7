//! The tokenizer: the words of a text as the index holds them (before stemming).
//! `search.js` splits what is typed the same way: lowercase, split on anything that is
//! not a letter or digit, drop one-character words and [`STOP`] words.

/// Words too common to index; `search.js` has the same list.
pub(crate) const STOP: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
    "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
];

/// Bytes of the longest word in [`STOP`].
const STOP_MAX_LEN: usize = 5;

/// Words of `text`, lowercased, without one-character words and stop words: the plain
/// statement of what [`for_each_word`] does faster.
#[cfg(test)]
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
}

/// Calls `f` with each indexed word of `text` (as [`words`] yields them), lowercased
/// into a reused buffer: the index tokenises the whole archive's text, and a `String`
/// per word was most of its time.
pub(crate) fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for_each_token(text, buf, |w, indexed| {
        if indexed {
            f(w);
        }
    });
}

/// Calls `f` with every word of `text`, lowercased, and whether it is indexed (not a
/// one-character word nor a stop word): titles keep the words left out between two
/// indexed ones, which a phrase must match too.
pub(crate) fn for_each_token(text: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A word: the longest run of alphanumeric characters from `start`.
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match text[i..].chars().next() {
                    Some(c) if c.is_alphanumeric() => {
                        ascii = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let word = &text[start..i];
        // Past the separator after it (one character).
        i += text[i..].chars().next().map_or(1, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        buf.clear();
        if ascii {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&word.to_lowercase());
        }
        let indexed = word.chars().nth(1).is_some()
            && (buf.len() > STOP_MAX_LEN || !STOP.contains(&buf.as_str()));
        f(buf, indexed);
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
    fn stop_max_len_is_the_longest_stop_word() {
        assert_eq!(STOP.iter().map(|w| w.len()).max(), Some(STOP_MAX_LEN));
    }

    #[test]
    fn for_each_word_yields_what_words_does() {
        for text in [
            "The GPT-4o model: Chain-of-Thought for ΣΟΦΟΣ Ünïcode x ÀB a-b İstanbul",
            "  --ab×cd… é  ée 2×2 ½ x1 OUR Their\u{0}\u{1F600}a😀bc",
            "",
            "é",
            "trailing word",
        ] {
            let mut buf = String::new();
            let mut seen = Vec::new();
            for_each_word(text, &mut buf, |w| seen.push(w.to_string()));
            assert_eq!(seen, words(text).collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn tokens_are_every_word_each_with_whether_it_is_indexed() {
        let mut buf = String::new();
        let mut seen = Vec::new();
        for_each_token("Agent and a Benchmark, X-ray", &mut buf, |w, i| {
            seen.push((w.to_string(), i))
        });
        let want = [
            ("agent", true),
            ("and", false),
            ("a", false),
            ("benchmark", true),
        ];
        let want: Vec<(String, bool)> = want
            .iter()
            .map(|&(w, i)| (w.to_string(), i))
            .chain([("x".to_string(), false), ("ray".to_string(), true)])
            .collect();
        assert_eq!(seen, want);
    }

    proptest::proptest! {
        #[test]
        fn for_each_word_matches_words_on_any_text(
            text in "(\\PC|[a-zA-Z0-9 ,.-]|[éΣİẞK×½😀]){0,40}"
        ) {
            let mut buf = String::new();
            let mut seen = Vec::new();
            for_each_word(&text, &mut buf, |w| seen.push(w.to_string()));
            proptest::prop_assert_eq!(seen, words(&text).collect::<Vec<_>>());
        }
    }
}
