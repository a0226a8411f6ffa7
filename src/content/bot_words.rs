//! Whether a field may be a bot's error message: a look for the words every such
//! message holds, before the expression that decides ([`super::lint::bot_error`]).
//!
//! The general reader asks it of every short field, and most hold none of the words.
//! Each word is filed under a pair of its bytes that is rare in prose (`ge`, `qu`,
//! `mm`, `bs`), and the first byte of each pair under a table of bytes: the scan stops
//! at a byte of the table (a few letters of every sentence), a test of the next byte
//! sends most of those on, and only a filed pair has its words compared. Comparing the
//! words at every byte of the table was most of the cost of a summary.

/// The words one of which every match of the bot-error expression holds (ASCII ones
/// in any case), each with where in it the pair of bytes it is filed under starts.
const WORDS: [(&str, usize); 17] = [
    ("generat", 0),
    ("configured", 5),
    ("showing abstract", 9),
    ("rate limit", 7),
    ("api ", 1),
    ("quota", 0),
    ("too many requests", 11),
    ("request timed out", 2),
    ("internal server error", 12),
    ("summary", 2),
    ("无法生成", 0),
    ("分析失败", 3),
    ("生成失败", 0),
    ("请求失败", 0),
    ("调用失败", 0),
    ("配额", 0),
    ("额度不足", 0),
];

/// The two characters beyond ASCII that the expression, ignoring case as Unicode does,
/// takes for an ASCII letter: the long s (`s`) and the Kelvin sign (`k`). Text with
/// either is left to the expression.
const FOLDED: [&str; 2] = ["\u{17F}", "\u{212A}"];

/// Word `i` of [`WORDS`] and then of [`FOLDED`] (filed at its first byte).
const fn filed_word(i: usize) -> (&'static str, usize) {
    if i < WORDS.len() {
        WORDS[i]
    } else {
        (FOLDED[i - WORDS.len()], 0)
    }
}

/// How many words [`filed_word`] gives.
const FILED: usize = WORDS.len() + FOLDED.len();

/// A pair of bytes as the filter files it: both with bit 5 set, which makes an ASCII
/// letter lower case (any other byte may change too: the filter only has to pass every
/// pair a word can be written with, and the text's bytes are changed alike).
const fn key(a: u8, b: u8) -> usize {
    (((a | 0x20) as usize) << 8) | (b | 0x20) as usize
}

/// The key of the pair each word is filed under.
const fn word_key(i: usize) -> usize {
    let (word, at) = filed_word(i);
    let b = word.as_bytes();
    key(b[at], b[at + 1])
}

/// Whether `c` is the first byte of a pair a word is filed under, in either case:
/// where the scan stops (a test holds it to the words).
const fn is_first(c: u8) -> bool {
    matches!(c | 0x20, b'b' | b'g' | b'm' | b'p' | b'q' | b'v')
        || c.wrapping_sub(0xE6) < 4
        || c == 0xC5
        || c == 0xE2
}

/// [`is_first`] of every byte, looked up.
static FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = is_first(c as u8);
        c += 1;
    }
    table
};

/// The pairs' keys, one bit a key.
static PAIRS: [u64; 1024] = {
    let mut table = [0u64; 1024];
    let mut i = 0;
    while i < FILED {
        let k = word_key(i);
        table[k >> 6] |= 1 << (k & 63);
        i += 1;
    }
    table
};

/// Whether `text` holds one of the words (ASCII ones in any case), or a character of
/// [`FOLDED`]: when not, the bot-error expression cannot match it.
pub(super) fn may_hold_one(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| FIRST[usize::from(c)] && pair_at(b, i))
}

/// Whether the pair at byte `i` (an [`is_first`] byte) is filed, and one of its words
/// is written there.
#[inline]
fn pair_at(b: &[u8], i: usize) -> bool {
    let Some(&next) = b.get(i + 1) else {
        return false;
    };
    let k = key(b[i], next);
    PAIRS[k >> 6] >> (k & 63) & 1 != 0 && word_at(b, i)
}

/// The words (and characters of [`FOLDED`]) whose pair starts with byte `first`, in
/// lower case, with where the pair starts in each.
fn filed_under(first: u8) -> &'static [(&'static str, usize)] {
    match first {
        b'g' => &[("generat", 0), ("configured", 5)],
        b'b' => &[("showing abstract", 9)],
        b'm' => &[("rate limit", 7), ("summary", 2)],
        b'p' => &[("api ", 1)],
        b'q' => &[
            ("quota", 0),
            ("too many requests", 11),
            ("request timed out", 2),
        ],
        b'v' => &[("internal server error", 12)],
        0xE6 => &[("无法生成", 0), ("分析失败", 3)],
        0xE7 => &[("生成失败", 0)],
        0xE8 => &[("请求失败", 0), ("调用失败", 0)],
        0xE9 => &[("配额", 0), ("额度不足", 0)],
        0xC5 => &[("\u{17F}", 0)],
        0xE2 => &[("\u{212A}", 0)],
        _ => &[],
    }
}

/// Whether a word filed under the pair at byte `i` is written there.
#[inline(never)]
fn word_at(b: &[u8], i: usize) -> bool {
    filed_under(b[i].to_ascii_lowercase())
        .iter()
        .any(|&(word, at)| {
            // The byte after the pair first: where most filed pairs of prose part from
            // the word (`agent`, `language`, `quantum`).
            let third = word.as_bytes().get(at + 2);
            third.is_none_or(|&w| b.get(i + 2).is_some_and(|t| t.to_ascii_lowercase() == w))
                && i.checked_sub(at)
                    .and_then(|start| b.get(start..start + word.len()))
                    .is_some_and(|s| s.eq_ignore_ascii_case(word.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`may_hold_one`] stands for, searched the slow way.
    fn holds_one(text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        WORDS.iter().any(|(w, _)| lower.contains(w)) || FOLDED.iter().any(|c| text.contains(c))
    }

    #[test]
    fn the_first_bytes_of_the_pairs() {
        for c in 0..=255u8 {
            let first = (0..FILED).any(|i| {
                let (word, at) = filed_word(i);
                word.as_bytes()[at].eq_ignore_ascii_case(&c)
            });
            assert_eq!(is_first(c), first, "{c:#x}");
        }
        // Every word is filed under the first byte of its pair, lower case, and
        // nothing else is.
        let mut filed: Vec<(&str, usize)> = (0..=255u8).flat_map(filed_under).copied().collect();
        let mut words: Vec<(&str, usize)> = (0..FILED).map(filed_word).collect();
        filed.sort();
        words.sort();
        assert_eq!(filed, words);
        for i in 0..FILED {
            let (word, at) = filed_word(i);
            assert_eq!(word, word.to_ascii_lowercase(), "{word}");
            assert!(
                filed_under(word.as_bytes()[at]).contains(&(word, at)),
                "{word}"
            );
        }
    }

    #[test]
    fn every_word_at_its_pair_in_either_case() {
        for (w, at) in WORDS {
            assert!(at + 1 < w.len(), "{w}");
            for written in [w.to_string(), w.to_ascii_uppercase(), format!("x {w}.")] {
                assert!(may_hold_one(&written), "{written}");
            }
        }
        for c in FOLDED {
            assert!(may_hold_one(&format!("{c}ummary")), "{c}");
        }
        for text in [
            "",
            "g",
            "We propose a method for graphs.",
            "Robot alignment safety learning retrieval efficient alignment.",
            "我们提出一种方法。",
        ] {
            assert!(!may_hold_one(text), "{text}");
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z ]{1,8}",
            "[gGmMpPqQvVyYnNfFbBsSuUrReEiI ]{1,6}",
            prop::sample::select(WORDS.iter().map(|(w, _)| w.to_string()).collect::<Vec<_>>()),
            prop::sample::select(
                WORDS
                    .iter()
                    .map(|(w, _)| w.to_ascii_uppercase())
                    .collect::<Vec<_>>()
            ),
            // A word cut short, or with a letter changed.
            prop::sample::select(
                WORDS
                    .iter()
                    .filter(|(w, _)| w.is_ascii())
                    .map(|(w, _)| w[1..].to_string())
                    .collect::<Vec<_>>()
            ),
            prop::sample::select(
                WORDS
                    .iter()
                    .filter(|(w, _)| w.is_ascii())
                    .map(|(w, _)| w[..w.len() - 1].to_string())
                    .collect::<Vec<_>>()
            ),
            Just("生成".to_string()),
            Just("失败".to_string()),
            Just("额".to_string()),
            Just("\u{17F}".to_string()),
            Just("\u{212A}".to_string()),
            Just("\u{17E}\u{2129}".to_string()),
            Just("中文".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn finds_what_a_search_for_each_word_finds(
            pieces in prop::collection::vec(piece(), 0..8)
        ) {
            let text = pieces.concat();
            prop_assert_eq!(may_hold_one(&text), holds_one(&text));
        }
    }
}
