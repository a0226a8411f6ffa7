//! Tags: keyword rules that assign them, and slugs that name their pages; and a
//! summary's first sentence, which the rules weigh double and feeds show as a blurb.
//!
//! Slugs become path segments, so they are made by the `slug` crate (ASCII, `a-z0-9-`)
//! and then checked for collisions: two names that differ only in case or spacing are
//! one tag; two different names that slug alike get distinct slugs, never one page.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use sha2::{Digest as _, Sha256};

use crate::config::TagRule;

/// Longest slug, in bytes; long enough to read, short enough for any file system.
const MAX_SLUG: usize = 60;

/// Weight of a keyword found in the title; a keyword found in the summary weighs 1.
const TITLE_WEIGHT: usize = 2;

/// Weight a rule needs to tag a paper: a title match, a match in the summary's first
/// sentence, or two further on. One passing mention in a summary ("unlike image
/// models, …") says little about what the paper is about.
const ENOUGH: usize = 2;

/// Tags a paper gets before a rule its title does not name stops counting: such a rule
/// tags only as the first or second heaviest. A rule the title names always tags, however
/// many do: a video paper is found under Video even when agents and benchmarks weigh
/// more in its summary.
const SUMMARY_ONLY_TAGS: usize = 2;

/// A rule not matched in the title needs at least 1/`SHARE` of the heaviest rule's
/// weight. Long summaries name their topic many times and other fields a few times in
/// passing ("an efficient method", "on three benchmarks"); those few are not the topic.
const SHARE: usize = 3;

/// Matches every rule's keywords over a paper's title and summary in one pass each.
///
/// A rule's weight for a paper is [`TITLE_WEIGHT`] if a keyword is in the title plus one
/// for each keyword match in the summary, two in its first sentence. Rules weighing [`ENOUGH`] tag the paper when
/// the title names them or they weigh a [`SHARE`] of the heaviest; at most
/// every rule the title names, and [`SUMMARY_ONLY_TAGS`] more at most, heaviest first. When none weighs enough, the heaviest rule
/// with a single summary match still tags it: a weak guess beats no tag at all, since an
/// untagged paper can only be found by date or search. Tags come strongest first, so a
/// listing that shows a paper's tags leads with what its title says it is.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the rules it belongs to, each with whether it is a prefix there
    /// (`agent*`). One keyword in two rules is one pattern, so both rules count it.
    patterns: Vec<Vec<(usize, bool)>>,
    tags: Vec<String>,
}

impl Matcher {
    pub fn new(rules: &[TagRule]) -> Matcher {
        let mut keywords: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<(usize, bool)>> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (rule, r) in rules.iter().enumerate() {
            for k in &r.keywords {
                let k = k.trim();
                let (word, prefix) = match k.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (k, false),
                };
                // A keyword of only hyphens would match every space.
                let word = unhyphenate(word);
                if word.trim().is_empty() {
                    continue;
                }
                let at = *index.entry(word.to_ascii_lowercase()).or_insert_with(|| {
                    keywords.push(word);
                    patterns.push(Vec::new());
                    patterns.len() - 1
                });
                patterns[at].push((rule, prefix));
            }
        }
        // Leftmost-longest: where "vision-language-action" matches, the shorter
        // "vision-language" of another rule at the same place does not count too, and
        // the search gets a prefilter. Rules are short keywords, so the DFA stays small;
        // should it fail to build, the default kind does.
        let build = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(kind)
                .build(&keywords)
        };
        let automaton = build(Some(AhoCorasickKind::DFA))
            .or_else(|_| build(None))
            .ok();
        Matcher {
            automaton,
            patterns,
            tags: rules.iter().map(|r| r.tag.trim().to_string()).collect(),
        }
    }

    /// Tag names of [`Matcher::rules_for`], in its order.
    pub fn tags_for(&self, title: &str, summaries: &[&str]) -> Vec<&str> {
        self.rules_for(title, summaries)
            .into_iter()
            .map(|rule| self.tags[rule].as_str())
            .collect()
    }

    /// Each rule's tag name, trimmed, by rule index.
    pub fn tag_names(&self) -> &[String] {
        &self.tags
    }

    /// Indices of the rules that tag a paper with this title, heaviest first (among
    /// equals, the earlier rule). Of `summaries`
    /// (its texts, best first: gist, summary, abstract) the first in which any keyword
    /// matches is read, so a summary in a language the keywords are not in gives way to
    /// the next text instead of leaving only the title.
    pub fn rules_for(&self, title: &str, summaries: &[&str]) -> Vec<usize> {
        if self.automaton.is_none() {
            return Vec::new();
        }
        let mut weight = vec![0usize; self.tags.len()];
        for text in summaries {
            self.each_match(text, |rule| weight[rule] += 1);
            // The first sentence says what the paper is about; the rest, also how.
            self.each_match(first_sentence(text), |rule| weight[rule] += 1);
            if weight.iter().any(|&w| w > 0) {
                break;
            }
        }
        let mut in_title = vec![false; self.tags.len()];
        self.each_match(title, |rule| in_title[rule] = true);
        for (w, &t) in weight.iter_mut().zip(&in_title) {
            if t {
                *w += TITLE_WEIGHT;
            }
        }
        let mut ranked: Vec<usize> = (0..weight.len()).filter(|&r| weight[r] > 0).collect();
        // Heaviest first; among equals, the earlier rule (rules are listed in the order
        // their tags should win).
        ranked.sort_by(|&a, &b| weight[b].cmp(&weight[a]).then(a.cmp(&b)));
        let mut chosen: Vec<usize> = Vec::new();
        match ranked.first() {
            None => {}
            Some(&best) if weight[best] < ENOUGH => chosen.push(best),
            Some(&best) => {
                for r in ranked.into_iter().take_while(|&r| weight[r] >= ENOUGH) {
                    // A topic the title names is always the paper's; past the first
                    // [`SUMMARY_ONLY_TAGS`], one the summary alone names is a side topic.
                    if in_title[r]
                        || weight[r] * SHARE >= weight[best] && chosen.len() < SUMMARY_ONLY_TAGS
                    {
                        chosen.push(r);
                    }
                }
            }
        }
        // What the title names is what the paper is: it leads, then the rest by weight.
        chosen.sort_by_key(|&r| !in_title[r]);
        chosen
    }

    /// Calls `found` with the rule of each keyword match in `text` that starts a word and
    /// ends one (a prefix keyword need not end one; a plural `s` may follow any keyword).
    /// Hyphens count as spaces, so `chain of thought` finds "chain-of-thought".
    fn each_match(&self, text: &str, mut found: impl FnMut(usize)) {
        let Some(ac) = &self.automaton else {
            return;
        };
        let text = unhyphenate(text);
        for m in ac.find_iter(&text) {
            let before = text.get(..m.start()).and_then(|t| t.chars().next_back());
            if before.is_some_and(is_word_char) {
                continue;
            }
            let ends_word = ends_word_at(&text, m.end());
            let mut last = None;
            for &(rule, prefix) in &self.patterns[m.pattern().as_usize()] {
                // A rule that lists a keyword twice counts it once.
                if (prefix || ends_word) && last != Some(rule) {
                    found(rule);
                    last = Some(rule);
                }
            }
        }
    }
}

/// `text` up to the first ". " that ends at least 40 bytes in (through its period),
/// else all of it. The search starts where such a period can be (byte 39), with
/// `memmem`, instead of trying every ". " from the start (`match_indices`), which cost
/// far more per paper.
pub fn first_sentence(text: &str) -> &str {
    const SHORTEST: usize = 40;
    text.as_bytes()
        .get(SHORTEST - 1..)
        .and_then(|rest| memchr::memmem::find(rest, b". "))
        .and_then(|at| text.get(..SHORTEST + at))
        .unwrap_or(text)
}

/// `text` with every `-` made a space (same length, so offsets agree).
fn unhyphenate(text: &str) -> String {
    text.replace('-', " ")
}

/// Whether a word ends at `at`, allowing one plural `s` before the end.
fn ends_word_at(text: &str, at: usize) -> bool {
    let mut after = text.get(at..).unwrap_or_default().chars();
    match after.next() {
        None => true,
        Some('s' | 'S') => !after.next().is_some_and(is_word_char),
        Some(c) => !is_word_char(c),
    }
}

/// Whether `c` continues a word: letters and digits of alphabets written with spaces
/// between words (Latin, Greek, Cyrillic). Chinese, Japanese or Korean text runs on
/// without spaces, so an English term inside it ("基于MDPs的方法") is still a word.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphanumeric() && c < '\u{0530}')
}

/// The form under which two tag names count as the same tag.
pub fn normalize(name: &str) -> String {
    crate::content::markup::collapse_whitespace(name).to_lowercase()
}

/// A slug that is safe as one path segment: never empty, never `.` or `..`, no `/`.
pub fn slugify(name: &str) -> String {
    let mut s = slug::slugify(name);
    if s.len() > MAX_SLUG {
        s.truncate(MAX_SLUG);
        while s.ends_with('-') {
            s.pop();
        }
    }
    if s.is_empty() {
        let hash = Sha256::digest(name.as_bytes());
        s = format!(
            "tag-{:02x}{:02x}{:02x}{:02x}",
            hash[0], hash[1], hash[2], hash[3]
        );
    }
    s
}

/// Assigns one display name and one unique slug to each distinct tag.
///
/// `names` holds every spelling seen, with how often. Spellings that normalise alike are
/// one tag shown under its most frequent spelling; distinct tags whose slugs collide get
/// `-2`, `-3`… in the order of their normalised names, so the result is deterministic.
pub fn assign_slugs(names: &BTreeMap<String, usize>) -> BTreeMap<String, (String, String)> {
    let mut groups: BTreeMap<String, Vec<(&String, usize)>> = BTreeMap::new();
    for (name, &count) in names {
        groups
            .entry(normalize(name))
            .or_default()
            .push((name, count));
    }
    let bases: BTreeMap<&String, String> = groups.keys().map(|k| (k, slugify(k))).collect();
    let mut used = std::collections::BTreeSet::new();
    let mut by_key = BTreeMap::new();
    for (key, spellings) in &groups {
        let display = spellings
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(n, _)| crate::content::markup::collapse_whitespace(n))
            .unwrap_or_default();
        let base = slugify(&display);
        let mut slug = base.clone();
        let mut n = 1;
        // A suffixed slug must not take the plain slug another tag will want.
        while used.contains(&slug) || (n > 1 && bases.iter().any(|(k, b)| *k != key && *b == slug))
        {
            n += 1;
            slug = format!("{base}-{n}");
        }
        used.insert(slug.clone());
        by_key.insert(key.clone(), (display, slug));
    }
    by_key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Vec<TagRule> {
        vec![
            TagRule {
                tag: "Agents".into(),
                keywords: vec!["agent*".into()],
            },
            TagRule {
                tag: "RL".into(),
                keywords: vec!["RL".into(), "reinforcement learning".into()],
            },
        ]
    }

    #[test]
    fn keyword_boundaries() {
        let m = Matcher::new(&rules());
        let title = |t| m.tags_for(t, &[]);
        assert_eq!(title("Agentic web browsing"), ["Agents"]);
        assert_eq!(title("we use RLHF"), Vec::<&str>::new());
        assert_eq!(title("an RL method"), ["RL"]);
        assert_eq!(title("Deep Reinforcement Learning."), ["RL"]);
        assert_eq!(title("Deep Reinforcement-Learning."), ["RL"]);
        assert_eq!(title("RLs"), ["RL"]);
        assert_eq!(title("RLsd"), Vec::<&str>::new());
        assert_eq!(title("reagent chemistry"), Vec::<&str>::new());
        assert_eq!(title("agents with RL"), ["Agents", "RL"]);
        // Scripts written without spaces end words; letters of spaced ones do not.
        assert_eq!(title("基于RL的智能体"), ["RL"]);
        assert_eq!(title("（RLs）"), ["RL"]);
        assert_eq!(title("éRL ρRL RLж"), Vec::<&str>::new());
        let dashes = Matcher::new(&[TagRule {
            tag: "Dashes".into(),
            keywords: vec!["-".into(), " - *".into()],
        }]);
        assert_eq!(dashes.tags_for("a - b", &["x - y"]), Vec::<&str>::new());
    }

    /// `rest` after a first sentence that matches no keyword.
    fn later(rest: &str) -> String {
        format!("This paper is about something else entirely. {rest}")
    }

    #[test]
    fn summary_matches_need_two_hits_unless_nothing_else_matches() {
        let m = Matcher::new(&rules());
        // One mention in the summary tags a paper nothing else tags...
        assert_eq!(
            m.tags_for("A title", &[&later("we train agents")]),
            ["Agents"]
        );
        // ...but not beside a rule with more weight.
        assert_eq!(
            m.tags_for("An RL method", &[&later("it could also drive agents")]),
            ["RL"]
        );
        assert_eq!(
            m.tags_for("A method", &[&later("RL for agents; agents learn by RL")]),
            ["Agents", "RL"]
        );
        // Between two single mentions, the earlier rule wins.
        assert_eq!(
            m.tags_for("A title", &[&later("RL for agents")]),
            ["Agents"]
        );
        assert_eq!(m.tags_for("A title", &["nothing here"]), Vec::<&str>::new());
    }

    #[test]
    fn the_first_sentence_weighs_double() {
        let m = Matcher::new(&rules());
        let summary = "We study how agents plan with a learned model. It uses RL.";
        assert_eq!(m.tags_for("A title", &[summary]), ["Agents"]);
        // A summary shorter than a first sentence is all first sentence.
        assert_eq!(m.tags_for("A title", &["agents with RL"]), ["Agents", "RL"]);
    }

    #[test]
    fn passing_mentions_beside_a_frequent_topic_do_not_tag() {
        let m = Matcher::new(&rules());
        let agents = |n| later(&"agents ".repeat(n));
        // Two mentions of RL beside six of agents are a third: both tag...
        assert_eq!(
            m.tags_for("A method", &[&format!("{} RL, RL", agents(6))]),
            ["Agents", "RL"]
        );
        // ...beside seven they are passing mentions, unless the title names RL.
        assert_eq!(
            m.tags_for("A method", &[&format!("{} RL, RL", agents(7))]),
            ["Agents"]
        );
        // (and then RL leads: what the title names comes first).
        assert_eq!(
            m.tags_for("An RL method", &[&format!("{} RL", agents(9))]),
            ["RL", "Agents"]
        );
    }

    #[test]
    fn the_first_text_with_a_keyword_is_read() {
        let m = Matcher::new(&rules());
        // A summary the keywords cannot read gives way to the abstract...
        assert_eq!(
            m.tags_for(
                "A title",
                &["智能体的强化学习", &later("agents learn by RL; RL helps")]
            ),
            ["RL"]
        );
        // ...but a summary they can read is the only one read.
        assert_eq!(
            m.tags_for("A title", &[&later("two agents"), "RL and RL and RL"]),
            ["Agents"]
        );
    }

    #[test]
    fn every_topic_the_title_names_and_two_the_summary_names() {
        let rules: Vec<TagRule> = ["a", "b", "c", "d"]
            .iter()
            .map(|k| TagRule {
                tag: k.to_uppercase(),
                keywords: vec![format!("w{k}")],
            })
            .collect();
        let m = Matcher::new(&rules);
        let tags = |title, summary: &str| m.tags_for(title, &[&later(summary)]);
        // Strongest first: what the title names, then by weight, then rule order.
        assert_eq!(tags("wc", "wa wa wb wb wc"), ["C", "A"]);
        assert_eq!(tags("", "wa wa wb wb wc wc wc"), ["C", "A"]);
        // No cap on what the title names, however the summary weighs.
        assert_eq!(tags("wa wb wc wd", ""), ["A", "B", "C", "D"]);
        assert_eq!(tags("wd", "wa wa wa wb wb wb wc wc wc"), ["D", "A", "B"]);
        assert_eq!(tags("wd wb", "wb wb wb"), ["B", "D"]);
    }

    /// [`first_sentence`] as first written.
    fn first_sentence_by_match_indices(text: &str) -> &str {
        text.match_indices(". ")
            .map(|(i, _)| i + 1)
            .find(|&i| i >= 40)
            .map_or(text, |i| &text[..i])
    }

    #[test]
    fn first_sentence_at_the_edges() {
        let a38 = "a".repeat(38);
        for text in [
            String::new(),
            ". ".to_string(),
            format!("{a38}. x. y"),
            format!("{a38}a. x. y"),
            format!("{a38}aa. x. y"),
            format!("{a38}é. x"),
            format!("{a38}.. . x"),
            format!("{a38}a."),
        ] {
            assert_eq!(
                first_sentence(&text),
                first_sentence_by_match_indices(&text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn first_sentence_is_what_match_indices_found(text in "[a. é]{0,90}") {
            proptest::prop_assert_eq!(
                first_sentence(&text),
                first_sentence_by_match_indices(&text)
            );
        }
    }

    #[test]
    fn slugs_are_one_safe_segment() {
        for name in [
            "../../etc",
            "a/b",
            "\u{0}\u{7}x",
            "..",
            "/",
            "机器学习",
            "🚀🚀",
            &"x".repeat(500),
        ] {
            let s = slugify(name);
            assert!(!s.is_empty() && s != "." && s != "..", "{name:?} -> {s:?}");
            assert!(s.len() <= MAX_SLUG + 4, "{s}");
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s}"
            );
        }
    }

    #[test]
    fn collisions_merge_or_disambiguate() {
        let names: BTreeMap<String, usize> =
            [("LLM", 3), ("llm", 1), ("C++", 1), ("C", 2), ("c--", 1)]
                .into_iter()
                .map(|(n, c)| (n.to_string(), c))
                .collect();
        let slugs = assign_slugs(&names);
        assert_eq!(slugs["llm"], ("LLM".to_string(), "llm".to_string()));
        let mut all: Vec<&String> = slugs.values().map(|(_, s)| s).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), slugs.len(), "{slugs:?}");
        assert_eq!(slugs["c"].1, "c");
    }
}
