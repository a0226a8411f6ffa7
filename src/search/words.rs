//! The tokenizer: the terms of a text as the index holds them (before stemming).
//! `search.js` splits what is typed the same way: lowercase, split on anything that is
//! not a letter or digit, drop one-character words and [`STOP`] words; a run of CJK text
//! ([`super::cjk`]) gives its overlapping pairs of characters instead (`知识图谱`:
//! `知识`, `识图`, `图谱`), or the character itself when it stands alone.

use super::cjk::is_cjk;

/// Words too common to index; `search.js` has the same list.
pub(crate) const STOP: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
    "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
];

/// Bytes of the longest word in [`STOP`].
const STOP_MAX_LEN: usize = 5;

/// Whether the lowercased word `word` is one of [`STOP`]: matched as bytes, which the
/// compiler turns into a few comparisons of its length and bytes, where `STOP.contains`
/// was a string comparison per stop word for every short word of the archive's text. A
/// test holds the two lists equal.
fn is_stop(word: &[u8]) -> bool {
    matches!(
        word,
        b"an"
            | b"and"
            | b"are"
            | b"as"
            | b"at"
            | b"be"
            | b"by"
            | b"for"
            | b"from"
            | b"in"
            | b"into"
            | b"is"
            | b"it"
            | b"its"
            | b"of"
            | b"on"
            | b"or"
            | b"our"
            | b"that"
            | b"the"
            | b"their"
            | b"this"
            | b"to"
            | b"via"
            | b"we"
            | b"with"
    )
}

/// What each byte is to the word scanner: a lowercase letter or a digit, an uppercase
/// letter, or neither (ASCII separators, and every byte of other characters).
const LOWER_OR_DIGIT: u8 = 1;
const UPPER: u8 = 2;
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_alphanumeric() {
            LOWER_OR_DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Terms of `text`: its words lowercased, without one-character words and stop words,
/// and the bigrams of its CJK runs; the plain statement of what [`for_each_word`] does
/// faster.
#[cfg(test)]
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    for run in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = run.chars().collect();
        // The run's pieces: CJK text, and the words before, between and after.
        for piece in chars.chunk_by(|&a, &b| is_cjk(a) == is_cjk(b)) {
            if is_cjk(piece[0]) {
                if piece.len() == 1 {
                    out.push(piece[0].to_string());
                }
                out.extend(piece.windows(2).map(|w| w.iter().collect::<String>()));
            } else {
                let w = piece.iter().collect::<String>().to_lowercase();
                if piece.len() > 1 && !STOP.contains(&w.as_str()) {
                    out.push(w);
                }
            }
        }
    }
    out.into_iter()
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
/// one-character word nor a stop word), and with the bigrams of its CJK text, always
/// indexed: titles keep the words left out between two indexed ones, which a phrase must
/// match too.
pub(crate) fn for_each_token(text: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII separators gives nothing: skipped at once, rather than a
        // character at a time as an empty word.
        if bytes[i] < 0x80 && WORD_BYTE[bytes[i] as usize] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        if bytes[i] >= 0x80 && text[i..].chars().next().is_some_and(is_cjk) {
            // A run of CJK text: each two neighbouring characters, or a lone one.
            let len = text[i..]
                .char_indices()
                .find(|&(_, c)| !is_cjk(c))
                .map_or(text.len() - i, |(at, _)| at);
            let run = &text[i..i + len];
            let mut ends = run.char_indices().map(|(at, _)| at).skip(1).chain([len]);
            let (mut from, mut mid) = (0, ends.next().unwrap_or(len));
            let mut lone = true;
            for end in ends {
                f(&run[from..end], true);
                (from, mid, lone) = (mid, end, false);
            }
            if lone {
                f(run, true);
            }
            i += len;
            continue;
        }
        // A word: the longest run of alphanumeric characters from `start` that are not
        // CJK.
        let mut ascii = true;
        // Whether an ASCII uppercase letter was seen: most words need no lowercasing.
        let mut upper = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let class = WORD_BYTE[b as usize];
            if class != 0 {
                upper |= class;
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match text[i..].chars().next() {
                    Some(c) if c.is_alphanumeric() && !is_cjk(c) => {
                        ascii = false;
                        i += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let word = &text[start..i];
        // Past the separator after it (one character), unless CJK text starts there.
        match bytes.get(i) {
            Some(&b) if b < 0x80 => i += 1,
            Some(_) => {
                if let Some(c) = text[i..].chars().next()
                    && !is_cjk(c)
                {
                    i += c.len_utf8();
                }
            }
            None => {}
        }
        if word.is_empty() {
            continue;
        }
        buf.clear();
        let indexed = if ascii {
            buf.push_str(word);
            if upper & UPPER != 0 {
                buf.make_ascii_lowercase();
            }
            buf.len() > 1 && !is_stop(buf.as_bytes())
        } else {
            buf.push_str(&word.to_lowercase());
            word.chars().nth(1).is_some()
                && (buf.len() > STOP_MAX_LEN || !STOP.contains(&buf.as_str()))
        };
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
    fn is_stop_is_membership_of_stop() {
        for w in STOP {
            assert!(is_stop(w.as_bytes()), "{w}");
        }
        let vectors = VECTORS.split(|c: char| !c.is_ascii_alphanumeric());
        for w in [
            "", "a", "x", "ann", "an\0", "the\0", "thee", "them", "these", "within", "onto",
            "ours", "vi", "fro",
        ]
        .into_iter()
        .chain(vectors)
        {
            assert_eq!(is_stop(w.as_bytes()), STOP.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn for_each_word_yields_what_words_does() {
        for text in [
            "The GPT-4o model: Chain-of-Thought for ΣΟΦΟΣ Ünïcode x ÀB a-b İstanbul",
            "  --ab×cd… é  ée 2×2 ½ x1 OUR Their\u{0}\u{1F600}a😀bc",
            "",
            "é",
            "trailing word",
            "知识图谱，图 a知b 𠀀𠀁x データ・한국어",
            "图",
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

    /// The shared vectors: the browser checks hold `search.js` to the same file.
    const VECTORS: &str = include_str!("../../tests/fixtures/word_vectors.tsv");

    #[test]
    fn tokens_match_the_shared_vectors() {
        let mut n = 0;
        for line in VECTORS.lines().filter(|l| !l.starts_with('#')) {
            let (text, want) = line.split_once('\t').unwrap();
            let mut got = Vec::new();
            for_each_token(text, &mut String::new(), |w, indexed| {
                got.push(if indexed {
                    w.to_string()
                } else {
                    format!("-{w}")
                })
            });
            assert_eq!(got.join("|"), want, "{text:?}");
            n += 1;
        }
        assert!(n >= 10, "only {n} vectors");
    }

    #[test]
    fn cjk_text_gives_its_bigrams_and_latin_words_beside_it_stay_words() {
        let w: Vec<String> = words("用GPT-4o构建的知识图谱，图").collect();
        assert_eq!(
            w,
            [
                "用", "gpt", "4o", "构建", "建的", "的知", "知识", "识图", "图谱", "图"
            ]
        );
        // A word from the middle of a clause is among the clause's terms.
        let clause: Vec<String> = words("1构建的知识图谱最丰富").collect();
        assert!(words("知识图谱").all(|b| clause.contains(&b)));
        let w: Vec<String> = words("データ拡張を行う 한국어를").collect();
        assert_eq!(
            w,
            [
                "デー", "ータ", "タ拡", "拡張", "張を", "を行", "行う", "한국", "국어", "어를"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn for_each_word_matches_words_on_any_text(
            text in "(\\PC|[a-zA-Z0-9 ,.-]|[éΣİẞK×½😀]|[知识图谱のデー・，한𠀀]){0,40}"
        ) {
            let mut buf = String::new();
            let mut seen = Vec::new();
            for_each_word(&text, &mut buf, |w| seen.push(w.to_string()));
            proptest::prop_assert_eq!(seen, words(&text).collect::<Vec<_>>());
        }
    }
}
