//! Whether a line is a list of person names (an authors' line under a title, written
//! without a label): the structural reader asks it of the first lines of each entry,
//! the title reader of the words beside a title's link.

use super::labels;
use super::name_split::{split_and, without_count};
use super::numbering::strip_number;
use crate::content::marks::{link_middle, scheme_separator};

/// A line that is a list of names: in single `*` or `_`, or bold, or plain, with a
/// comma (or `and`, `et al.`) and no sentence.
pub(super) fn names_line(text: &str, one_name_ok: bool) -> Option<&str> {
    let t = labels::strip_ornaments(text.trim());
    // A table's row is no by-line.
    if t.starts_with('|') {
        return None;
    }
    // A by-line (`by Ann Lee, Bo Chen`, `*By Ann Lee*`) names the authors after its `by`.
    for (open, close) in [("", ""), ("*", "*"), ("_", "_")] {
        if let Some(names) = t
            .strip_prefix(open)
            .and_then(|r| r.strip_suffix(close))
            .and_then(|r| r.strip_prefix("by ").or_else(|| r.strip_prefix("By ")))
        {
            let names = names.trim();
            return (looks_like_names(names, true) && !names.contains('*')).then_some(names);
        }
    }
    let bold = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .or_else(|| t.strip_prefix("__").and_then(|r| r.strip_suffix("__")));
    let inner = if let Some(b) = bold {
        // A bold line right under the title: one name is enough. Not a numbered one
        // (`**一、本文主要工作**`), a field's name, or one word of five CJK characters
        // or more (`**主要工作介绍**`): those open a section.
        let single_long_cjk = !b.contains([',', '，', '、', ';', '；', '·'])
            && b.chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count()
                >= 5;
        let section = strip_number(b).len() != b.len()
            || labels::known_role(b.trim()).is_some()
            || single_long_cjk;
        return (!section && looks_like_names(b, true) && !b.contains("**")).then_some(b);
    } else if let Some(i) = t.strip_prefix('*').and_then(|r| r.strip_suffix('*')) {
        // A whole line in italics right under the title is the authors' line in the
        // list family; it may be one name.
        return (!i.trim().is_empty() && !i.contains('*') && looks_like_names(i, true))
            .then_some(i);
    } else if let Some(i) = t.strip_prefix('_').and_then(|r| r.strip_suffix('_')) {
        return (!i.trim().is_empty() && looks_like_names(i, true)).then_some(i);
    } else {
        t
    };
    (looks_like_names(inner, one_name_ok) && !inner.contains("**")).then_some(inner)
}

/// The end of `text`: its last `n` bytes, or fewer, to start at a character.
fn last_bytes(text: &str, n: usize) -> &str {
    let mut at = text.len().saturating_sub(n);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    &text[at..]
}

/// Whether text reads as a list of person names rather than prose.
fn looks_like_names(text: &str, lenient: bool) -> bool {
    // A labelled line (`简介: …`) has its colon near the start: the cheapest test first.
    const STOPS: [char; 7] = [':', '：', '。', '!', '?', '！', '？'];
    // `without_count` cuts text only at a `等` at most ten characters (forty bytes) from
    // its end; else it trims spaces, commas and `et al` off the ends, none of them a
    // stop: a stop in `text` is then a stop in what it leaves.
    if text.contains(STOPS) && !last_bytes(text.trim_end(), 40).contains('等') {
        return false;
    }
    let t = without_count(text).trim();
    if t.is_empty() || t.contains(STOPS) {
        return false;
    }
    if link_middle(t).is_some() || scheme_separator(t).is_some() || t.chars().count() > 3000 {
        return false;
    }
    let parts: Vec<&str> = t
        .split([',', ';', '，', '、', '；'])
        .flat_map(split_and)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return false;
    }
    let name_like = |p: &str| {
        let p = super::name_split::without_et_al(p).trim();
        let words: Vec<&str> = p.split_whitespace().collect();
        if p.is_empty() {
            return true;
        }
        // A year names a venue (`ECCV 2024`, `Accepted by VIS 2024`), never a person.
        if p.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
        {
            return false;
        }
        if p.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            return p.chars().count() <= 6;
        }
        let capital = |w: &&str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        };
        // First and last words capitalised, particles between (`Remi Tachet des
        // Combes`, `Harm van Seijen`), at most one lower-case word in a row.
        (1..=6).contains(&words.len())
            && words.first().is_some_and(capital)
            && words.last().is_some_and(capital)
            && words
                .iter()
                .filter(|w| !capital(w))
                .all(|w| w.chars().count() <= 4)
            && !p.ends_with('.')
            || p.ends_with('.') && words.len() <= 3 && words.last().is_some_and(|w| w.len() <= 3)
    };
    let ok = parts.iter().filter(|p| name_like(p)).count();
    let several = parts.len() >= 2 || t.contains("et al") || t.contains("et.al");
    ok == parts.len() && (several || lenient)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(names_line("*Ann Lee, Bo Chen*", false).is_some());
        assert!(names_line("**Ann Lee, Bo Chen, Cy de Vries**", false).is_some());
        assert!(names_line("Ann Lee, Bo Chen and Dee Fox", false).is_some());
        assert!(names_line("张三, 李四", false).is_some());
        assert!(names_line("We propose a method, and it works.", false).is_none());
        assert!(names_line("**TL;DR**: x", false).is_none());
        assert!(names_line("Ann Lee", false).is_none());
        assert!(names_line("Accepted by VIS 2024", true).is_none());
        assert!(names_line("ECCV 2024", true).is_none());
        assert!(names_line("👤 Ann Lee 等", true).is_some());
        assert!(names_line("*Ann Lee*", false).is_some());
        assert_eq!(
            names_line("by Ann Lee, Bo Chen", false),
            Some("Ann Lee, Bo Chen")
        );
        assert_eq!(names_line("*By Ann Lee*", false), Some("Ann Lee"));
        assert!(names_line("by the way, we found it.", false).is_none());
        // A stop ends a list of names, unless it is in the count cut off after `等`.
        assert!(names_line("**分类: stat.ML**", true).is_none());
        assert!(names_line("Ann Lee, Bo Chen?", false).is_none());
        assert!(names_line("Ann Lee, Bo Chen 等: 3", false).is_some());
        assert!(names_line("Ann Lee 等, Bo: Chen", false).is_none());
        assert!(names_line("Ann Lee: x, Bo Chen 等一十位作者 ", false).is_none());
        assert!(names_line("Ann Lee, Bo Chen 等：一二三四五六七八 ", false).is_some());
        assert_eq!(last_bytes("ab等", 2), "");
        assert_eq!(last_bytes("ab等", 3), "等");
        assert_eq!(last_bytes("ab等", 9), "ab等");
    }
}
