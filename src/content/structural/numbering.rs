//! Entry numbers in front of titles: `1.`, `[12]`, `Paper 3:`, `一、`, `1️⃣`.
//!
//! Bots number their entries in every way a list can be numbered, and a title keeps
//! none of it. The number is taken off before a line is asked whether it names a field,
//! reads as a title or opens an entry.

/// `text` without a leading number: `1.`, `[1]`, `1)`, `(1)`, `#1`, `No. 1`, `1、`.
pub fn strip_number(text: &str) -> &str {
    let t = crate::content::trim::trim_start(text);
    // A Chinese ordinal: `一、`, `十二、`.
    // Asked of every heading: memchr rules out `、` (lead byte 0xE3) for most of them.
    // (A line that opens with `[` has no such number: its `[` is no numeral.)
    if !t.starts_with('[')
        && memchr::memchr(0xE3, t.as_bytes()).is_some()
        && let Some((n, rest)) = t.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十百".contains(c))
    {
        return rest.trim_start();
    }
    // A listing's tag and number: `[new 001]`, `[replaced 12]`, `[cross 3]`.
    // memchr finds the `]`: a search by characters cost more than the rest here.
    if let Some((inside, rest)) = t
        .strip_prefix('[')
        .and_then(|r| memchr::memchr(b']', r.as_bytes()).map(|at| (&r[..at], &r[at + 1..])))
        && is_tag_and_number(inside)
        && !rest.starts_with('(')
    {
        return rest.trim_start();
    }
    // A keycap number (`1️⃣ Title`, `🔟 Title`).
    let keycap = t.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(rest) = t[keycap..]
        .strip_prefix("\u{fe0f}\u{20e3}")
        .or_else(|| t[keycap..].strip_prefix('\u{20e3}'))
        .filter(|_| keycap > 0)
        .or_else(|| t.strip_prefix('🔟'))
    {
        return rest.trim_start();
    }
    // `Paper 3: Title`, `Paper #3 - Title`.
    if let Some(rest) = t
        .strip_prefix("Paper ")
        .or_else(|| t.strip_prefix("paper "))
    {
        let rest = rest.strip_prefix('#').unwrap_or(rest);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=4).contains(&digits)
            && let Some(after) = [":", "：", ".", ")", " -", " —", " –", " |"]
                .iter()
                .find_map(|sep| rest[digits..].strip_prefix(sep))
            && after.is_empty() | after.starts_with(char::is_whitespace)
        {
            return after.trim_start();
        }
    }
    let t2 = t
        .strip_prefix("No.")
        .or_else(|| t.strip_prefix("no."))
        .map_or(t, str::trim_start);
    let (open, rest) = match t2.strip_prefix(['[', '(', '#', '（']) {
        Some(rest) => (true, rest),
        None => (false, t2),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return t;
    }
    let after = &rest[digits..];
    let after = if open {
        match after.strip_prefix([']', ')', '）']) {
            Some(a) => a,
            None if t2.starts_with('#') => after,
            None => return t,
        }
    } else {
        match after.strip_prefix(['.', ')', '、', ':', '：']) {
            Some(a) => a,
            None => return t,
        }
    };
    let after = after.strip_prefix(['.', ':', '：']).unwrap_or(after);
    if after.is_empty()
        || after.starts_with(char::is_whitespace)
        || !after.starts_with(|c: char| c.is_ascii_digit())
    {
        after.trim_start()
    } else {
        t
    }
}

/// The number in front of a title (`3.` → 3, `[12]` → 12, `Paper 3:` → 3, `十二、` →
/// 12, `🔟` → 10), when [`strip_number`] takes one off: what tells a numbered series of
/// entries (`### 1.`, `### 2.`) from sections that only look numbered.
pub fn number_of(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let prefix = &t[..t.len() - strip_number(t).len()];
    if prefix.is_empty() {
        return None;
    }
    let digits: String = prefix
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    if prefix.starts_with('🔟') {
        return Some(10);
    }
    chinese_number(prefix.split('、').next()?)
}

/// A Chinese ordinal under a hundred (`一`, `十`, `十二`, `二十三`).
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|at| at as u32 / 3 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

/// Whether `inside` is a listing's tag and number (`new 001`): two words, letters then
/// digits.
fn is_tag_and_number(inside: &str) -> bool {
    // As listings write them, ASCII with one space: decided by bytes, where splitting
    // into words by Unicode's whitespace cost more than the rest of `strip_number`.
    let b = inside.as_bytes();
    if let Some(space) = memchr::memchr(b' ', b) {
        let (w, n) = (&b[..space], &b[space + 1..]);
        if !w.is_empty()
            && !n.is_empty()
            && w.iter().all(u8::is_ascii_alphabetic)
            && n.iter().all(u8::is_ascii_digit)
        {
            return true;
        }
    }
    let mut words = inside.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(w), Some(n), None)
            if w.chars().all(char::is_alphabetic) && n.bytes().all(|b| b.is_ascii_digit())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_before_titles() {
        assert_eq!(strip_number("1. Title"), "Title");
        assert_eq!(strip_number("[12] Title"), "Title");
        assert_eq!(strip_number("#3 Title"), "Title");
        assert_eq!(strip_number("(4) Title"), "Title");
        assert_eq!(strip_number("2025 Survey"), "2025 Survey");
        assert_eq!(strip_number("3D Gaussians"), "3D Gaussians");
        assert_eq!(strip_number("1.5B Model"), "1.5B Model");
        assert_eq!(strip_number("[new 091] Title"), "Title");
        assert_eq!(strip_number("[Title](x)"), "[Title](x)");
        assert_eq!(strip_number("Paper 3: Title"), "Title");
        assert_eq!(strip_number("1\u{fe0f}\u{20e3} Title"), "Title");
        assert_eq!(strip_number("🔟 Title"), "Title");
        assert_eq!(strip_number("Paper #12 - Title"), "Title");
        assert_eq!(strip_number("Paper Mills at Scale"), "Paper Mills at Scale");
        assert_eq!(strip_number("Paper 2.0 Reviewed"), "Paper 2.0 Reviewed");
    }

    #[test]
    fn the_numbers_themselves() {
        assert_eq!(number_of("1. Title"), Some(1));
        assert_eq!(number_of("[12] Title"), Some(12));
        assert_eq!(number_of("Paper #3 - Title"), Some(3));
        assert_eq!(number_of("No. 7. Title"), Some(7));
        assert_eq!(number_of("十二、Title"), Some(12));
        assert_eq!(number_of("二十三、Title"), Some(23));
        assert_eq!(number_of("三、Title"), Some(3));
        assert_eq!(number_of("🔟 Title"), Some(10));
        assert_eq!(number_of("4\u{fe0f}\u{20e3} Title"), Some(4));
        assert_eq!(number_of("3D Rotary Embeddings"), None);
        assert_eq!(number_of("1.1 Sub-section"), None);
        assert_eq!(number_of("Method"), None);
    }
}
