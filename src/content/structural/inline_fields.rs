//! Several fields on one line (`**Authors**: Ann Lee | **arXiv**: [2603.01234](…) |
//! **Published**: 2026-02-24`), as bots write a paper's metadata in a row: split into
//! one line a field, so that each value ends where the next label starts instead of
//! running to the end of the line.

use super::lines::{Line, LineKind, LineLabel};

/// The fields of a labelled line holding a `|` or a `·`, one piece each; empty for any
/// other line, which most are.
fn fields<'a>(line: &Line<'a>) -> Vec<&'a str> {
    let text = line.text();
    if line.label.is_none() || !may_separate(text) {
        return Vec::new();
    }
    parts(unwrapped(text))
}

/// Whether `text` may hold a separator of fields: a `|`, or the last byte of `·`
/// (a cheap test; [`parts`] finds the separators themselves).
fn may_separate(text: &str) -> bool {
    memchr::memchr2(b'|', 0xB7, text.as_bytes()).is_some()
}

/// [`may_separate`] of a whole file's body: when false, none of its lines holds
/// several fields, and its entries' lines need not be searched one by one (a feed's
/// day of papers holds no separator, and its abstracts are long).
pub fn may_separate_any(body: &str) -> bool {
    may_separate(body)
}

/// `text` without the single `*` or `_` around it that sets a line of fields in
/// italics (`*🕒 **Published:** … · **Source:** …*`).
fn unwrapped(text: &str) -> &str {
    let t = text.trim();
    for mark in ['*', '_'] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|i| i.strip_suffix(mark))
            && !inner.starts_with(mark)
            && !inner.ends_with(mark)
        {
            return inner.trim();
        }
    }
    text
}

/// The lines, each line of several fields given as one line a field; `None` when no
/// line holds more than one, so that an entry of single fields is read as written.
/// Each line's pieces are found once.
pub fn split<'a>(lines: &[Line<'a>]) -> Option<Vec<Line<'a>>> {
    let mut out: Option<Vec<Line<'a>>> = None;
    for (at, line) in lines.iter().enumerate() {
        let pieces = fields(line);
        if pieces.len() < 2 {
            if let Some(out) = out.as_mut() {
                out.push(*line);
            }
            continue;
        }
        let out = out.get_or_insert_with(|| {
            let mut v = Vec::with_capacity(lines.len() + pieces.len());
            v.extend_from_slice(&lines[..at]);
            v
        });
        for (k, part) in pieces.into_iter().enumerate() {
            let label = LineLabel::of(part);
            // `**代码**: 暂无`, `Demo: N/A`: a field that says there is none.
            if k > 0 && label.is_some_and(|l| crate::content::lint::says_nothing(l.value)) {
                continue;
            }
            let kind = match line.kind {
                LineKind::Item(depth, _) if k == 0 => LineKind::Item(depth, part),
                _ => LineKind::Text(part),
            };
            out.push(Line {
                kind,
                label,
                may_fold: super::lines::may_fold(kind),
                ..*line
            });
        }
    }
    out
}

/// The label of the field of a line of several fields that holds byte `at` of `text`;
/// `None` when the line has one field only.
pub fn label_at(text: &str, at: usize) -> Option<LineLabel<'_>> {
    if !may_separate(text) {
        return None;
    }
    let parts = parts(unwrapped(text));
    if parts.len() < 2 {
        return None;
    }
    let base = text.as_ptr() as usize;
    parts
        .into_iter()
        .rev()
        .find(|p| p.as_ptr() as usize - base <= at)
        .and_then(LineLabel::of)
}

/// The pieces of `text` between pipes (or middle dots) that open with a label of a
/// known field or a bold label; a pipe inside a value (`[abs](…) | [pdf](…)`) stays in
/// it. An escaped pipe (`\|`, from a table cell) separates as a pipe does.
fn parts(text: &str) -> Vec<&str> {
    let mut starts = vec![0];
    for (at, sep) in text.match_indices(['|', '·']) {
        let rest = text[at + sep.len()..].trim_start();
        let bold = rest.starts_with("**") || rest.starts_with("__");
        if LineLabel::of(rest).is_some_and(|l| l.role.is_some() || bold) {
            starts.push(text.len() - rest.len());
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |&next| {
            // Back over the pipe and spaces before the next label.
            text[..next]
                .trim_end()
                .trim_end_matches(['|', '·'])
                .trim_end_matches('\\')
                .trim_end()
                .len()
        });
        let piece = text[start..end].trim();
        if !piece.is_empty() {
            out.push(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::structural::lines::classify;

    /// Whether a line holds a second field after a `|`.
    fn has_more(line: &Line<'_>) -> bool {
        fields(line).len() > 1
    }

    /// The label and value of each line the first line of `text` is split into.
    fn fields_of(text: &str) -> Vec<Option<(&str, &str)>> {
        split(&classify(text, 1)[..1])
            .unwrap_or_default()
            .iter()
            .map(|l| l.label.map(|l| (l.name, l.value)))
            .collect()
    }

    #[test]
    fn fields_on_one_line_become_lines() {
        let text = "**Authors**: Ann Lee, Bo Chen | **arXiv**: [2603.01234](https://arxiv.org/abs/2603.01234) | Published: 2026-02-24\n";
        assert!(has_more(&classify(text, 1)[0]));
        assert_eq!(
            fields_of(text),
            [
                Some(("Authors", "Ann Lee, Bo Chen")),
                Some(("arXiv", "[2603.01234](https://arxiv.org/abs/2603.01234)")),
                Some(("Published", "2026-02-24")),
            ]
        );
    }

    #[test]
    fn fields_between_middle_dots_in_italics() {
        assert_eq!(
            fields_of(
                "*🕒 **Published (v1):** 2026-06-10 13:06 UTC  ·  **Source:** Arxiv  ·  [link](https://arxiv.org/abs/2606.00001)*\n"
            ),
            [
                Some(("Published (v1)", "2026-06-10 13:06 UTC")),
                Some((
                    "Source",
                    "Arxiv  ·  [link](https://arxiv.org/abs/2606.00001)"
                )),
            ]
        );
        // Names between middle dots are one field: the line is not split.
        assert!(!has_more(
            &classify("**Authors:** Ann Lee · Bo Chen · Cy Dor\n", 1)[0]
        ));
    }

    #[test]
    fn the_field_of_a_mention() {
        let text = "👥 **Authors**: Ann Lee | **PDF**: https://arxiv.org/pdf/2603.01234";
        let at = text.find("https").unwrap();
        assert_eq!(label_at(text, at).map(|l| l.name), Some("PDF"));
        assert_eq!(label_at(text, 5).map(|l| l.name), Some("Authors"));
        assert!(label_at("**PDF**: https://arxiv.org/pdf/2603.01234", 9).is_none());
    }

    #[test]
    fn escaped_pipes_and_empty_fields() {
        assert_eq!(
            fields_of("备注: AAAI Oral \\| Project Page: https://example.org/p | **Demo**: 暂无\n"),
            [
                Some(("备注", "AAAI Oral")),
                Some(("Project Page", "https://example.org/p")),
            ]
        );
    }

    #[test]
    fn pipes_inside_a_value_stay() {
        let lines = classify(
            "**Links**: [abs](https://arxiv.org/abs/2603.01234) | [pdf](https://arxiv.org/pdf/2603.01234)\n",
            1,
        );
        assert!(!has_more(&lines[0]));
        let lines = classify("Title: A | B of C\n", 1);
        assert!(!has_more(&lines[0]));
    }
}
