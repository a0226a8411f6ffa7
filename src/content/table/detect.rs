//! Whether a body is a table digest, asked of every file that names no format.
//!
//! Only a line that opens with `#` (a heading) or `|` (a row) tells, and in most
//! bodies those are few among long lines of prose: the lines are found from the `#`
//! and `|` bytes, which memchr finds, rather than every line being cut out and trimmed.

use super::{heading_text, is_separator_row, split_cells, strip_prefix_ci};
use crate::content::markup;

/// True when the body has a `## Papers for DATE` heading or a table whose header names
/// a `Title` or `Paper` column: the table family. Other tables (a note's table of
/// results) are left to the general reader.
pub fn looks_like(body: &str) -> bool {
    let b = body.as_bytes();
    // Hits before this byte are in a line already read.
    let mut next_line = 0;
    for hit in memchr::memchr2_iter(b'#', b'|', b) {
        if hit < next_line {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..hit]).map_or(0, |nl| nl + 1);
        let end = memchr::memchr(b'\n', &b[hit..]).map_or(b.len(), |i| hit + i);
        next_line = end + 1;
        // The line tells only when the byte opens it, after its indent.
        if !body[start..hit].chars().all(char::is_whitespace) {
            continue;
        }
        let t = body[hit..end].trim_end();
        // The line above is the header when it is a row.
        let header = || {
            let above_end = start.checked_sub(1)?;
            let above_start = memchr::memrchr(b'\n', &b[..above_end]).map_or(0, |nl| nl + 1);
            let above = body[above_start..above_end].trim_start();
            above.starts_with('|').then(|| above.trim_end())
        };
        if line_tells(t, header) {
            return true;
        }
    }
    false
}

/// Whether line `t` (trimmed, opening with `#` or `|`) is a table digest's: a `Papers
/// for` heading, or the rule under a `header` row that names the family's columns.
fn line_tells<'a>(t: &str, header: impl FnOnce() -> Option<&'a str>) -> bool {
    if heading_text(t).is_some_and(|h| strip_prefix_ci(h, "papers for").is_some()) {
        return true;
    }
    let Some(h) = is_separator_row(t).then(header).flatten() else {
        return false;
    };
    let names: Vec<String> = split_cells(h)
        .iter()
        .map(|c| markup::plain(c).to_ascii_lowercase())
        .collect();
    let has = |wanted: &[&str]| names.iter().any(|n| wanted.contains(&n.as_str()));
    // `Paper` alone may be a column of ids (a table of scores); the family writes
    // titles beside authors or summaries.
    has(&["title"]) || has(&["paper"]) && has(&["authors", "author", "summary"])
}

/// Whether a header row names a Title column (`Title` or `Paper`, the family's).
pub(super) fn has_title_column(header: &str) -> bool {
    split_cells(header).iter().any(|c| {
        let name = markup::plain(c).to_ascii_lowercase();
        name == "title" || name == "paper"
    })
}

/// Whether every cell of a row is empty, a placeholder (`—`, `-`, `n/a`) or a remark in
/// brackets (`_(empty)_`, `*(no papers surfaced in the 24 h window)*`): a row that
/// stands for no paper.
pub(super) fn is_placeholder_row<S: AsRef<str>>(cells: &[S]) -> bool {
    // Asked of every row: a cell longer than any placeholder (a title, a summary)
    // settles it before any cell is made plain.
    if cells
        .iter()
        .any(|c| c.as_ref().trim().len() > 80 || c.as_ref().contains("]("))
    {
        return false;
    }
    cells.iter().all(|c| {
        let raw = c.as_ref();
        // Most cells are plain words: made plain only when they hold markup.
        let plain = if raw.contains(['[', '<', '`', '$', '&', '\\']) {
            markup::plain(raw).to_ascii_lowercase()
        } else {
            raw.to_ascii_lowercase()
        };
        let t = plain.trim().trim_matches(['_', '*', ' ']);
        let remark = t.starts_with(['(', '（']) && t.ends_with([')', '）']);
        remark || matches!(t, "" | "—" | "-" | "–" | "n/a" | "none" | "无" | "暂无")
    })
}

/// Whether the table whose rows start `rows` (up to its first blank line or heading)
/// links anything: a table of papers links each paper; one that links nothing is a
/// report's figures or a comparison of papers by name.
pub(super) fn links_anything(rows: &[&str]) -> bool {
    rows.iter()
        .take_while(|l| {
            let t = l.trim();
            !t.is_empty() && heading_text(t).is_none()
        })
        .any(|l| l.contains("://") || l.contains("href=") || l.contains("]("))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_rows() {
        assert!(is_placeholder_row(&["—", "_(empty)_", "—", " "]));
        assert!(is_placeholder_row(&["—", "*(no papers today)*", "—"]));
        assert!(!is_placeholder_row(&["—", "A Title", "—"]));
    }
    use proptest::prelude::*;

    /// `looks_like` as it read every line, cut out and trimmed.
    fn looks_like_by_lines(body: &str) -> bool {
        let mut header: Option<&str> = None;
        for line in crate::content::line_split::lines(body) {
            let t = line.trim_start();
            if !t.starts_with(['#', '|']) {
                header = None;
                continue;
            }
            let t = t.trim_end();
            if line_tells(t, || header) {
                return true;
            }
            header = t.starts_with('|').then_some(t);
        }
        false
    }

    #[test]
    fn table_digests_and_others() {
        for (body, table) in [
            ("## Papers for 2025-07-04\n| a |\n", true),
            ("  ## papers FOR x\n", true),
            ("| Title | Authors |\n|---|---|\n| A | B |\n", true),
            ("\u{3000}| Paper | Summary |\r\n | --- | --- |\r\n", true),
            ("| Paper | Score |\n|---|---|\n", false),
            ("| Title |\n\n|---|\n", false),
            ("| Title |\ntext | x\n|---|\n", false),
            ("text | Title |\n|---|\n", false),
            ("#### [new 001] Title\n- **x**\n> y | z\n", false),
            ("", false),
        ] {
            assert_eq!(looks_like(body), table, "{body:?}");
            assert_eq!(looks_like_by_lines(body), table, "{body:?}");
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("| Title | Authors |".to_string()),
            Just("| Paper | Summary |".to_string()),
            Just("| Paper |".to_string()),
            Just("|---|---|".to_string()),
            Just(" | :-: |".to_string()),
            Just("## Papers for 2025-07-04".to_string()),
            Just("### [1] x".to_string()),
            Just("#".to_string()),
            Just("|".to_string()),
            Just("\u{3000}".to_string()),
            Just(" ".to_string()),
            "[a-z|#-]{1,6}",
        ]
    }

    proptest! {
        #[test]
        fn agrees_with_the_reading_of_every_line(pieces in prop::collection::vec(piece(), 0..16)) {
            let body = pieces.concat();
            prop_assert_eq!(looks_like(&body), looks_like_by_lines(&body));
        }
    }
}
