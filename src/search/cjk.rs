//! Which characters the index reads as CJK text, cut into overlapping pairs of
//! characters (bigrams) rather than into words.
//!
//! Chinese and Japanese are written without spaces, so a run of letters is a whole
//! clause, and a word in its middle is neither a term nor the beginning of one. A
//! dictionary that finds the words would be megabytes of data in two languages and in
//! two programs (this one and `search.js`); bigrams need none and find any word of two
//! characters or more, which is why Lucene's CJK analysis and most engines without a
//! dictionary index them: `知识图谱` is `知识`, `识图` and `图谱`, wherever it stands.
//!
//! The scripts are Han, Hiragana, Katakana (with the prolonged sound mark `ー`, which
//! Unicode counts as common to both kana) and Hangul, the ones Lucene's bigram filter
//! takes by default. Korean is written with spaces, but its words carry their particles
//! (`한국어를`, `한국어는`), so whole words would not find one another; bigrams do.
//!
//! A query needs every bigram of a word, in any order: the term index keeps no
//! positions, and pairs of neighbouring bigrams (as [`super::pairs`] keeps for titles,
//! where CJK titles get them too) would be every three characters of every summary, a
//! second index larger than the first. The bigrams of a technical term seldom meet apart
//! in one paper; those of common characters (`下的推理`) do, and find more papers.
//!
//! [`RANGES`] is the one list: `search.js` holds the same ranges as a regular expression,
//! and a test below checks that it does.

/// The code points read as CJK, each range inclusive, ascending. Only letters and digits
/// among them count (see [`is_cjk`]): `・` sits among the katakana but is punctuation.
pub(crate) const RANGES: &[(u32, u32)] = &[
    (0x1100, 0x11FF),   // Hangul Jamo
    (0x3005, 0x3007),   // 々 〆 〇
    (0x3021, 0x3029),   // Hangzhou numerals
    (0x3038, 0x303B),   // more Han numerals and the vertical iteration mark
    (0x3041, 0x309F),   // Hiragana
    (0x30A1, 0x30FF),   // Katakana, with ー
    (0x3131, 0x318E),   // Hangul compatibility jamo
    (0x31F0, 0x31FF),   // Katakana phonetic extensions
    (0x3400, 0x4DBF),   // CJK extension A
    (0x4E00, 0x9FFF),   // CJK unified ideographs
    (0xA960, 0xA97F),   // Hangul Jamo extended A
    (0xAC00, 0xD7FF),   // Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),   // CJK compatibility ideographs
    (0xFF66, 0xFF9F),   // halfwidth Katakana
    (0xFFA0, 0xFFDC),   // halfwidth Hangul
    (0x20000, 0x323AF), // CJK extensions B to H, compatibility supplement
];

/// Whether `c` is a letter or digit of CJK text, indexed by bigrams.
pub(crate) fn is_cjk(c: char) -> bool {
    let c = u32::from(c);
    // Below the first range: the common case of Latin text, decided at once.
    c >= 0x1100
        && RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
        && char::from_u32(c).is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ascending_and_apart() {
        for w in RANGES.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:?}");
        }
    }

    #[test]
    fn han_kana_and_hangul_are_cjk_and_their_punctuation_is_not() {
        for c in ['知', '々', 'の', 'デ', 'ー', 'ｶ', '한', '𠀀'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', 'é', 'σ', '・', '，', '。', '５', 'Ａ', '〜'] {
            assert!(!is_cjk(c), "{c}");
        }
    }

    /// `search.js` writes the ranges as one character class, `\u{…}` escapes in order.
    #[test]
    fn search_js_reads_the_same_ranges() {
        let class: String = RANGES
            .iter()
            .map(|&(lo, hi)| format!("\\u{{{lo:x}}}-\\u{{{hi:x}}}"))
            .collect();
        let js = include_str!("../../themes/default/static/search.js");
        assert!(
            js.contains(&format!("var CJK = '{class}';")),
            "search.js lacks var CJK = '{class}';"
        );
    }
}
