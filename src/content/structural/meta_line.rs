//! A line of an entry's metadata between middle dots or pipes, with no words of its
//! own: `_2026-03-12_ · https://arxiv.org/abs/2603.12144v1 · `cs.CV``. Bots write one
//! under each title; its date and link are the entry's, its categories are tags, and
//! none of it is text of the summary.

/// The categories of a line of metadata, when `text` is one: two or more pieces, each a
/// date (and time), an address or a link alone, a category code or an arXiv id. `None`
/// for any other line, which most are.
pub fn categories(text: &str) -> Option<Vec<String>> {
    // Most lines hold neither separator: memchr says so before anything is split.
    memchr::memchr2(b'|', 0xB7, text.as_bytes())?;
    let pieces: Vec<&str> = text
        .split(" · ")
        .flat_map(|piece| piece.split(" | "))
        .map(str::trim)
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut tags = Vec::new();
    // A line of links alone is a line of links (a code link among them is read as
    // such): a date makes a line the entry's metadata, or categories beside a link.
    let (mut dated, mut linked, mut status, mut scored) = (false, false, false, false);
    for raw in pieces {
        let piece = raw.trim_matches(['_', '*']).trim();
        let code = piece.trim_matches('`');
        if piece.is_empty() {
            continue;
        } else if is_date_time(piece) {
            dated = true;
        } else if is_address(piece) || is_bare_id(piece) {
            linked = true;
        } else if super::category::has_code(code)
            && let Some(tag) = super::category::normalise(code)
            && !code.contains(' ')
        {
            tags.push(tag);
        } else if let Some(strong) = status_of(raw) {
            status = true;
            scored |= strong;
        } else {
            return None;
        }
    }
    // A bot's status words only beside a date and a score or a word on code: a bold
    // piece without them may be a name or a label.
    let status_ok = !status || dated && scored;
    (status_ok && (dated || linked && !tags.is_empty())).then_some(tags)
}

/// A bot's status of a paper in a line of metadata: a star or score (`⭐0.0`, `🔥 12`),
/// a badge in bold of a few words before one (`**新论文** ⭐0.0`, `**New**`), or that
/// it has no code (`无代码`, `No code`). `Some(true)` for a piece with a score or a
/// word on code, `Some(false)` for a badge alone, `None` for any other piece.
fn status_of(raw: &str) -> Option<bool> {
    let (badge, rest) = match raw.strip_prefix("**").and_then(|r| r.split_once("**")) {
        Some((badge, rest)) => (Some(badge.trim()), rest.trim()),
        None => (None, raw.trim()),
    };
    let badge_ok = badge.is_none_or(|b| {
        !b.is_empty() && b.chars().count() <= 16 && b.split_whitespace().count() <= 3
    });
    let score = |s: &str| {
        let number = s
            .trim_start_matches(['⭐', '★', '🔥', '👍', '▲', '🌟'])
            .trim_start();
        number.len() < s.len()
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let no_code = ["无代码", "暂无代码", "no code", "code: n/a", "code: none"]
        .iter()
        .any(|n| rest.eq_ignore_ascii_case(n));
    if !badge_ok {
        None
    } else if score(rest) || no_code {
        Some(true)
    } else {
        (rest.is_empty() && badge.is_some()).then_some(false)
    }
}

/// `2026-03-12`, `2026-03-12 09:15 UTC`, `2026/03/12`.
fn is_date_time(piece: &str) -> bool {
    piece.len() <= 30
        && piece.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | ' ' | 'T' | 'Z' | 'U' | 'C')
        })
        && crate::content::date_text::find_date(piece).is_some()
}

/// An address alone (`https://arxiv.org/abs/…`) or a link alone (`[arXiv](…)`).
fn is_address(piece: &str) -> bool {
    let bare = (piece.starts_with("http://") || piece.starts_with("https://"))
        && !piece.contains(char::is_whitespace);
    let link = piece.starts_with('[')
        && piece.ends_with(')')
        && piece
            .find("](")
            .is_some_and(|mid| !piece[mid + 2..].contains(char::is_whitespace));
    bare || link
}

/// `arXiv:2603.12144`, `2603.12144v1`: an id and nothing else.
fn is_bare_id(piece: &str) -> bool {
    let id = piece
        .strip_prefix("arXiv:")
        .or_else(|| piece.strip_prefix("arxiv:"))
        .unwrap_or(piece)
        .trim();
    !id.contains(char::is_whitespace)
        && id.split_once('.').is_some_and(|(yymm, rest)| {
            yymm.len() == 4
                && yymm.bytes().all(|b| b.is_ascii_digit())
                && rest.bytes().take_while(u8::is_ascii_digit).count() >= 4
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_and_lines_with_words() {
        assert_eq!(
            categories("_2026-03-12_ · https://arxiv.org/abs/2603.12144v1 · `cs.CV`"),
            Some(vec!["cs.CV".to_string()])
        );
        assert_eq!(
            categories(
                "2026-03-12 09:15 UTC | [arXiv](https://arxiv.org/abs/2603.12144) | cs.RO · cs.AI"
            ),
            Some(vec!["cs.RO".to_string(), "cs.AI".to_string()])
        );
        assert_eq!(
            categories("arXiv:2603.12144 · 2026-03-12"),
            Some(Vec::new())
        );
        // Words of their own: text, not metadata.
        assert_eq!(categories("Matched: grasping · 2026-03-12"), None);
        assert_eq!(categories("We test it on 2026-03-12 · and it works"), None);
        assert_eq!(categories("`cs.CV` · `cs.RO`"), None);
        assert_eq!(categories("2026-03-12"), None);
        assert_eq!(categories("Ann Lee · Bo Chen"), None);
        // A bot's status beside a date: metadata, no tags.
        assert_eq!(
            categories("**新论文** ⭐0.0 | 2025-02-06 | 无代码"),
            Some(Vec::new())
        );
        assert_eq!(
            categories("**Updated** | 🔥 12 | 2025-02-06 | No code"),
            Some(Vec::new())
        );
        // Without a date, or with words of a sentence, it is text.
        assert_eq!(categories("**新论文** ⭐0.0 | 无代码"), None);
        assert_eq!(categories("**Ann Lee** · Bo Chen · 2025-02-06"), None);
        assert_eq!(categories("**Ann Lee** · 2025-02-06"), None);
        assert_eq!(
            categories("**A new way to fold paper cranes today** · 2025-02-06"),
            None
        );
        assert_eq!(
            categories("[PDF](https://arxiv.org/pdf/2503.00006) | [Code](https://x.org/)"),
            None
        );
    }
}
