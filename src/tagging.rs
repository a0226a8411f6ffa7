//! Tags: keyword rules that assign them, and slugs that name their pages.
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

/// Matches every rule's keywords over a text in one pass.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the rule it belongs to and whether it is a prefix (`agent*`).
    patterns: Vec<(usize, bool)>,
    tags: Vec<String>,
}

impl Matcher {
    pub fn new(rules: &[TagRule]) -> Matcher {
        let mut keywords = Vec::new();
        let mut patterns = Vec::new();
        for (rule, r) in rules.iter().enumerate() {
            for k in &r.keywords {
                let k = k.trim();
                let (word, prefix) = match k.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (k, false),
                };
                if !word.is_empty() {
                    keywords.push(word.to_string());
                    patterns.push((rule, prefix));
                }
            }
        }
        // A DFA: overlapping search gets no prefilter, so every byte of every paper's
        // rule text takes a transition, and a DFA's is the cheapest. Rules are short
        // keywords, so it stays small; should it fail to build, the default kind does.
        let build = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
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

    /// Tag names whose rules match `text`, in rule order: what [`Matcher::rules_for`]
    /// finds, by name (the model numbers names itself; tests read them).
    #[cfg(test)]
    pub(crate) fn tags_for(&self, text: &str) -> Vec<&str> {
        self.rules_for(text)
            .into_iter()
            .map(|rule| self.tags[rule].as_str())
            .collect()
    }

    /// Each rule's tag name, trimmed, by rule index.
    pub fn tag_names(&self) -> &[String] {
        &self.tags
    }

    /// Indices of the rules that match `text`, ascending.
    pub fn rules_for(&self, text: &str) -> Vec<usize> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hit = vec![false; self.tags.len()];
        let mut remaining = self.tags.len();
        for m in ac.find_overlapping_iter(text) {
            let (rule, prefix) = self.patterns[m.pattern().as_usize()];
            if hit[rule] {
                continue;
            }
            let starts_word = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let ends_word = prefix || m.end() == bytes.len() || !is_word_byte(bytes[m.end()]);
            if starts_word && ends_word {
                hit[rule] = true;
                remaining -= 1;
                if remaining == 0 {
                    break;
                }
            }
        }
        hit.iter()
            .enumerate()
            .filter_map(|(rule, &h)| h.then_some(rule))
            .collect()
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
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
        assert_eq!(m.tags_for("Agentic web browsing"), ["Agents"]);
        assert_eq!(m.tags_for("we use RLHF"), Vec::<&str>::new());
        assert_eq!(m.tags_for("an RL method"), ["RL"]);
        assert_eq!(m.tags_for("Deep Reinforcement Learning."), ["RL"]);
        assert_eq!(m.tags_for("reagent chemistry"), Vec::<&str>::new());
        assert_eq!(m.tags_for("agents with RL"), ["Agents", "RL"]);
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
