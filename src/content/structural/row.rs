//! Table rows as entries, for tables the table family does not claim: a row that links
//! a paper is one entry, its columns named by the header (or, without a title column,
//! the title is the text of the link to the paper, or the row's longest cell).

use std::path::Path;

use super::ids::PaperRef;
use super::labels::{self, Role};
use super::lines::{Line, LineKind};
use crate::content::table::split_cells;
use crate::content::web_url::entry_url;
use crate::content::{Entry, Format, ParseOptions, lint, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// For each line, the line of the header row of the table it is in.
pub fn headers(lines: &[Line<'_>]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut current = None;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::TableRule if i > 0 && matches!(lines[i - 1].kind, LineKind::Row(_)) => {
                current = Some(i - 1);
            }
            LineKind::Row(_) | LineKind::TableRule | LineKind::Text(_) => {}
            _ => current = None,
        }
        out.push(current);
    }
    out
}

/// The entry of one row (and the lines that continue it).
pub fn build(
    path: &Path,
    lines: &[Line<'_>],
    header: Option<&str>,
    anchor: &PaperRef,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let first = &lines[0];
    let text: String = lines
        .iter()
        .map(|l| l.text().trim())
        .collect::<Vec<_>>()
        .join(" ");
    let cells = split_cells(&text);
    let names: Vec<String> = header
        .map(|h| split_cells(h).iter().map(|c| markup::plain(c)).collect())
        .unwrap_or_default();
    let mut title = String::new();
    let mut authors = Vec::new();
    let mut tags = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let mut gist = None;
    let mut abstract_ = None;
    // A Code column beats a repository in another column of links.
    let (mut code, mut weak) = (None, None);
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        // Category chips beside a title (`` `cs.LG (机器学习)` ``) are tags.
        for chip in cell.split('`').skip(1).step_by(2) {
            if super::category::has_code(chip)
                && let Some(tag) = super::category::normalise(chip).filter(|t| !tags.contains(t))
            {
                tags.push(tag);
            }
        }
        let name = names.get(i).map(String::as_str).unwrap_or("");
        let role = match labels::known_role(name) {
            Some(r) => r,
            // A numbering or unnamed column holds no words of the paper: read like a
            // date column (skipped), but for a long link text that can be the title.
            None if name.is_empty() || matches!(name, "#" | "no." | "no" | "序号" | "rank") => {
                Role::Date
            }
            None => Role::Summary,
        };
        match role {
            Role::Title => title = title_text(cell),
            Role::Authors => {
                authors = markup::plain(cell)
                    .split([',', ';', '，', '、'])
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
            }
            Role::Category => {
                tags.extend(
                    cell.split([',', ';', '，', '、'])
                        .filter_map(super::category::normalise),
                );
            }
            Role::Gist => gist = Some(markup::cell_block(cell)),
            Role::Abstract => abstract_ = Some(markup::cell_block(cell)),
            Role::Link | Role::Date => {
                if role == Role::Link {
                    use crate::content::code_link::{from_link_line, from_text};
                    code = code.or_else(|| from_link_line(Some(name), cell));
                    weak = weak.or_else(|| from_text(cell));
                }
                if title.is_empty() {
                    let t = title_text(cell);
                    if !t.is_empty() && name.is_empty() && t.chars().count() > 12 {
                        title = t;
                    }
                }
            }
            Role::Summary => {
                if lint::bot_error(cell).is_some() {
                    diags.push(Diagnostic::warning(path, first.no, format!("the `{name}` cell is a bot's error message, not text; it is left out")).kind(Kind::BotError));
                    continue;
                }
                parts.push(
                    if name.is_empty() || parts.is_empty() && labels::is_summary_name(name) {
                        cell.to_string()
                    } else {
                        format!("**{name}:** {cell}")
                    },
                );
            }
        }
    }
    if title.is_empty() {
        title = anchor
            .link_text
            .as_deref()
            .filter(|t| !labels::is_generic_link_text(t))
            .map(markup::plain)
            .unwrap_or_default();
    }
    if title.is_empty() {
        diags.push(super::entry::untitled(
            path,
            first.no,
            "the row",
            &anchor.url,
        ));
        return None;
    }
    let summary = parts.join("\n\n");
    let summary = lint::summary_source(path, first.no, &summary, opts, diags);
    let summary = Some(markup::block(&summary)).filter(|m| !m.is_empty());
    Some(Entry {
        line: first.no,
        format: Format::Structural,
        title,
        arxiv_id: anchor.arxiv_id.clone(),
        url: entry_url(&anchor.url).map(|(u, _)| u),
        authors,
        summary,
        gist,
        abstract_,
        tags,
        code: code.or(weak),
    })
}

/// A title cell's text: the text of its link when it is one, else the cell without
/// its links to the paper (`Title (Read more on [arXiv](…) or [HuggingFace](…))`).
fn title_text(cell: &str) -> String {
    let refs = super::ids::find(cell);
    if let Some(t) = refs.iter().find_map(|r| {
        r.link_text
            .as_deref()
            .filter(|t| !labels::is_generic_link_text(t))
    }) {
        return markup::plain(t);
    }
    super::title::clean_title(cell)
}
