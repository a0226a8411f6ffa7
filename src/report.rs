//! Showing diagnostics to people (rustc style, the source line with the spot marked),
//! to bots (JSON), and to a build log (one line per kind, so the news is not drowned by
//! warnings about files written a year ago).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Severity, display_path};

/// Reads each file named by a diagnostic once, to quote its lines.
#[derive(Default)]
struct SourceLines {
    files: HashMap<PathBuf, Option<String>>,
}

impl SourceLines {
    fn line(&mut self, path: &Path, line: usize) -> Option<String> {
        if line == 0 {
            return None;
        }
        let text = self.files.entry(path.to_path_buf()).or_insert_with(|| {
            std::fs::read(path)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        let text = text.as_deref()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        text.split('\n')
            .nth(line - 1)
            .map(|l| l.trim_end_matches('\r').to_string())
    }
}

/// Byte range to mark: from the column to the end of its word, or the whole line.
fn span(line: &str, col: usize) -> std::ops::Range<usize> {
    if col > 0
        && let Some((start, _)) = line.char_indices().nth(col - 1)
    {
        let end = line[start..]
            .find(char::is_whitespace)
            .map_or(line.len(), |i| start + i);
        return start..end.max(start + line[start..].chars().next().map_or(0, char::len_utf8));
    }
    let start = line.len() - line.trim_start().len();
    start..line.trim_end().len().max(start)
}

/// Characters of a source line shown around the spot (bot rows run to thousands).
const WINDOW: usize = 100;

/// The part of a long line worth quoting: its start when the diagnostic has no column,
/// else a window centred on the column, so that the cause is always in view. Returns
/// the text (with `…` where it was cut) and the column within it.
fn window(line: &str, col: usize) -> (String, usize) {
    let chars = line.chars().count();
    if chars <= WINDOW {
        return (line.to_string(), col);
    }
    let first = if col == 0 {
        0
    } else {
        (col - 1).saturating_sub(WINDOW / 2).min(chars - WINDOW)
    };
    let mut text = String::new();
    if first > 0 {
        text.push('…');
    }
    text.extend(line.chars().skip(first).take(WINDOW));
    if first + WINDOW < chars {
        text.push('…');
    }
    let col = if col == 0 {
        0
    } else {
        col - first + usize::from(first > 0)
    };
    (text, col)
}

/// `path:line:col: severity[kind]: message`, then the source line with the spot marked.
pub fn human(diags: &Diagnostics) -> String {
    let mut sources = SourceLines::default();
    let renderer = Renderer::plain();
    let mut out = String::new();
    for d in &diags.items {
        out.push_str(&d.to_string());
        out.push('\n');
        if let Some(text) = sources.line(&d.path, d.line)
            && !text.trim().is_empty()
        {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let (text, col) = window(&text, d.col);
            let group = Group::with_level(level).element(
                Snippet::source(text.as_str())
                    .line_start(d.line)
                    .annotation(AnnotationKind::Primary.span(span(&text, col))),
            );
            out.push_str(&renderer.render(&[group]));
            out.push('\n');
        }
    }
    out
}

/// Most lines `summary` prints for warnings; kinds past it are counted in one line.
const SUMMARY_KINDS: usize = 30;

/// Warnings for a build log: one line per kind with its count and first place,
/// most frequent first, then where to see them all. Errors are not summarised: each
/// must be fixed, so `human` lists them in full.
pub fn summary(diags: &Diagnostics) -> String {
    summary_of_kinds(diags, SUMMARY_KINDS)
}

/// [`summary`] with at most `max_kinds` lines of kinds (at least one): `init` prints its
/// whole report in a screenful, whatever the number of kinds.
pub fn summary_of_kinds(diags: &Diagnostics, max_kinds: usize) -> String {
    let max_kinds = max_kinds.max(1);
    let mut kinds: Vec<(Kind, usize, &Diagnostic)> = Vec::new();
    for d in diags.items.iter().filter(|d| !d.is_error()) {
        match kinds.iter_mut().find(|(k, _, _)| *k == d.kind) {
            Some((_, n, _)) => *n += 1,
            None => kinds.push((d.kind, 1, d)),
        }
    }
    if kinds.is_empty() {
        return String::new();
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for (kind, n, first) in kinds.iter().take(max_kinds) {
        let place = match (first.line, first.col) {
            (0, _) => display_path(&first.path),
            (line, 0) => format!("{}:{line}", display_path(&first.path)),
            (line, col) => format!("{}:{line}:{col}", display_path(&first.path)),
        };
        let what = if *n == 1 {
            first.message.clone()
        } else {
            kind.describe().to_string()
        };
        out.push_str(&format!("warning[{kind}]: {n} × {what} (first: {place})\n"));
    }
    if kinds.len() > max_kinds {
        let rest: usize = kinds[max_kinds..].iter().map(|k| k.1).sum();
        out.push_str(&format!(
            "warning: {rest} more of {} other kinds\n",
            kinds.len() - max_kinds
        ));
    }
    out.push_str(&format!(
        "{} warning(s); run `papertrail check` for every place, or silence a kind with `[lint] allow = [\"{}\"]` in config.toml\n",
        diags.warning_count(),
        kinds[0].0
    ));
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    kind: Kind,
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
    source: Option<String>,
}

/// One JSON object: `{"errors": N, "warnings": N, "diagnostics": [...]}`.
pub fn json(diags: &Diagnostics) -> String {
    let mut sources = SourceLines::default();
    let items: Vec<JsonDiagnostic> = diags
        .items
        .iter()
        .map(|d: &Diagnostic| JsonDiagnostic {
            severity: d.severity,
            kind: d.kind,
            path: display_path(&d.path),
            line: d.line,
            column: d.col,
            message: &d.message,
            source: sources.line(&d.path, d.line),
        })
        .collect();
    serde_json::json!({
        "errors": diags.error_count(),
        "warnings": diags.warning_count(),
        "diagnostics": items,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_spot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "first\n  | A | x |\n").unwrap();
        let diags: Diagnostics = Diagnostic::error(&path, 2, "row has 2 cells").into();
        let text = human(&diags);
        assert!(text.contains(":2: error: row has 2 cells"), "{text}");
        assert!(text.contains("2 |   | A | x |"), "{text}");
        assert!(text.contains("^^^^^^^^^"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&json(&diags)).unwrap();
        assert_eq!(json["errors"], 1);
        assert_eq!(json["diagnostics"][0]["line"], 2);
        assert_eq!(json["diagnostics"][0]["kind"], "site");
        assert_eq!(json["diagnostics"][0]["source"], "  | A | x |");
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let line = format!(
            "| {} | x | a |G-1| b {} |",
            "t".repeat(300),
            "s".repeat(300)
        );
        let col = line.find("|G").unwrap() + 1;
        let (text, at) = window(&line, col);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.chars().count() <= WINDOW + 2);
        assert_eq!(text.chars().nth(at - 1), Some('|'), "{text} {at}");
        assert!(text.contains("a |G-1| b"), "{text}");
        let (start, at) = window(&line, 0);
        assert!(start.starts_with("| ttt") && at == 0);
        assert_eq!(window("short", 3), ("short".to_string(), 3));
    }

    #[test]
    fn summary_is_one_line_per_kind() {
        let mut diags = Diagnostics::default();
        for line in [12, 40, 7] {
            diags.push(
                Diagnostic::warning("content/b.md", line, "summary ends with follow-ups")
                    .kind(Kind::FollowUpQuestions),
            );
        }
        diags.push(
            Diagnostic::warning("content/a.md", 3, "empty Authors cell").kind(Kind::EmptyAuthors),
        );
        diags.sort();
        let text = summary(&diags);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].starts_with("warning[follow-up-questions]: 3 × ")
                && lines[0].ends_with("(first: content/b.md:7)"),
            "{text}"
        );
        assert_eq!(
            lines[1],
            "warning[empty-authors]: 1 × empty Authors cell (first: content/a.md:3)"
        );
        assert!(lines[2].contains("papertrail check"), "{text}");
        assert_eq!(summary(&Diagnostics::default()), "");
        let short = summary_of_kinds(&diags, 1);
        let lines: Vec<&str> = short.lines().collect();
        assert_eq!(lines.len(), 3, "{short}");
        assert_eq!(lines[1], "warning: 1 more of 1 other kinds");
    }

    #[test]
    fn spans() {
        assert_eq!(span("  abc def", 0), 2..9);
        assert_eq!(span("  abc def", 3), 2..5);
        assert_eq!(span("é x", 1), 0..2);
    }
}
