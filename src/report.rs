//! Showing diagnostics to people (rustc style, the source line with the spot marked)
//! and to bots (JSON).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, display_path};

/// Reads each file named by a diagnostic once, to quote its lines.
#[derive(Default)]
struct Sources {
    files: HashMap<PathBuf, Option<String>>,
}

impl Sources {
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

/// `path:line:col: severity: message`, then the source line with the spot marked.
pub fn human(diags: &Diagnostics) -> String {
    let mut sources = Sources::default();
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
            let text: String = text.chars().take(300).collect();
            let group = Group::with_level(level).element(
                Snippet::source(text.as_str())
                    .line_start(d.line)
                    .annotation(AnnotationKind::Primary.span(span(&text, d.col))),
            );
            out.push_str(&renderer.render(&[group]));
            out.push('\n');
        }
    }
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
    source: Option<String>,
}

/// One JSON object: `{"errors": N, "warnings": N, "diagnostics": [...]}`.
pub fn json(diags: &Diagnostics) -> String {
    let mut sources = Sources::default();
    let items: Vec<JsonDiagnostic> = diags
        .items
        .iter()
        .map(|d: &Diagnostic| JsonDiagnostic {
            severity: d.severity,
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
        assert_eq!(json["diagnostics"][0]["source"], "  | A | x |");
    }

    #[test]
    fn spans() {
        assert_eq!(span("  abc def", 0), 2..9);
        assert_eq!(span("  abc def", 3), 2..5);
        assert_eq!(span("é x", 1), 0..2);
    }
}
