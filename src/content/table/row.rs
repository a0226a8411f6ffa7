//! Table rows: joining a bot's physical lines into logical rows, splitting them into
//! cells, and matching the cells to the header's columns, recovering what has one
//! reasonable reading (a stray `|` in the Summary) and reporting what has not.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use super::{Column, Header, column_names, heading_text};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// A logical row: physical lines joined with a space.
pub(super) struct Row<'a> {
    pub(super) text: Cow<'a, str>,
    /// How many physical lines it took.
    pub(super) lines: usize,
    /// Where each physical line starts in `text`, and how many bytes of that line's
    /// leading whitespace were trimmed (to map a byte of `text` back to a column).
    starts: Vec<(usize, usize)>,
}

/// Whether a row so far ends with a closing, unescaped `|`.
pub(super) fn row_is_closed(row: &str) -> bool {
    let row = row.trim_end();
    row.ends_with('|') && !row.ends_with("\\|")
}

/// Joins physical lines into one logical row. A line that does not start with `|`
/// continues the row while it has fewer than `ncols` cells or has not been closed by a
/// final `|` (bots wrap long titles and summaries); a line starting with `|` continues
/// it only while the row so far ends inside a cell. Blank lines and headings end it.
pub(super) fn assemble_row<'a>(lines: &[&'a str], ncols: usize) -> Row<'a> {
    let first = lines.first().copied().unwrap_or("");
    let mut row = Row {
        text: Cow::Borrowed(first.trim()),
        lines: 1,
        starts: vec![(0, first.len() - first.trim_start().len())],
    };
    while let Some(next) = lines.get(row.lines) {
        let next_trimmed = next.trim();
        let closed = row_is_closed(&row.text);
        let short = raw_cells(&row.text).count() < ncols;
        let continues = if next_trimmed.starts_with('|') {
            !closed && short
        } else {
            short || !closed
        };
        if next_trimmed.is_empty() || heading_text(next_trimmed).is_some() || !continues {
            break;
        }
        let joined = row.text.to_mut();
        joined.push(' ');
        row.starts
            .push((joined.len(), next.len() - next.trim_start().len()));
        joined.push_str(next_trimmed);
        row.lines += 1;
    }
    row
}

/// Line (1-based, from `first_line`) and column (in characters) of byte `at` of a row.
fn row_position(row: &Row<'_>, lines: &[&str], first_line: usize, at: usize) -> (usize, usize) {
    let index = row
        .starts
        .partition_point(|&(start, _)| start <= at)
        .saturating_sub(1);
    let (start, trimmed) = row.starts.get(index).copied().unwrap_or((0, 0));
    let physical = lines.get(index).copied().unwrap_or("");
    let byte = (trimmed + at.saturating_sub(start)).min(physical.len());
    let col = physical
        .char_indices()
        .take_while(|&(i, _)| i < byte)
        .count();
    (first_line + index, col + 1)
}

/// The cells of a row, matched to the header's columns, or `None` (reported) when the
/// row cannot be read.
///
/// A row with more cells than the header is a bot's unescaped `|` in free text (math
/// such as `|G-1|` in a Summary, `OSp$(1|2M)$` in a Title, a code span such as
/// `π(y|x)`): the surplus belongs to a column of free text, so it is joined back into the
/// first of Summary, Title and Comment after which every cell still reads as its column,
/// pipes and all, and the row is published with a warning pointing at the first stray
/// pipe. A row with fewer cells, or whose surplus cannot be placed, is an error: which
/// cell is missing is for a person to say.
pub(super) fn cells_for_header<'r>(
    path: &Path,
    row: &'r Row<'_>,
    lines: &[&str],
    lineno: usize,
    header: &Header,
    diags: &mut Diagnostics,
) -> Option<Vec<Cow<'r, str>>> {
    let ncols = header.columns.len();
    let spans = cell_spans(&row.text);
    let cells_of = |spans: &[Range<usize>]| -> Vec<Cow<'r, str>> {
        spans
            .iter()
            .map(|r| unescape_pipes(row.text[r.clone()].trim()))
            .collect()
    };
    if spans.len() == ncols {
        return Some(cells_of(&spans));
    }
    let describe = || {
        format!(
            "row has {} cells but the header on line {} has {} ({})",
            spans.len(),
            header.line,
            ncols,
            column_names(&header.columns)
        )
    };
    if spans.len() > ncols {
        let surplus = spans.len() - ncols;
        let placed = [Column::Summary, Column::Title, Column::Comment]
            .into_iter()
            .filter_map(|free| header.columns.iter().position(|&c| c == free))
            .find_map(|at| {
                let mut joined = spans.clone();
                joined.splice(
                    at..=at + surplus,
                    std::iter::once(spans[at].start..spans[at + surplus].end),
                );
                let cells = cells_of(&joined);
                reads_as_columns(&header.columns, &cells).then_some((at, cells))
            });
        let first_stray = placed
            .as_ref()
            .map_or(spans[0].end, |(at, _)| spans[*at].end);
        let (line, col) = row_position(row, lines, lineno, first_stray);
        if let Some((at, cells)) = placed {
            diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "{}: the {} extra `|` were kept as part of the {:?} (write `\\|` for a pipe in a cell)",
                        describe(),
                        surplus,
                        header.columns[at]
                    ),
                )
                .with_col(col)
                .kind(Kind::SurplusCells),
            );
            return Some(cells);
        }
        diags.push(
            Diagnostic::error(
                path,
                line,
                format!("{}, and no column of free text takes the extra `|` with every other cell still reading as its column; write `\\|` for a pipe in a cell", describe()),
            )
            .with_col(col)
            .kind(Kind::BadRow),
        );
        return None;
    }
    diags.push(
        Diagnostic::error(
            path,
            lineno,
            format!(
                "{}; a wrapped row must continue on lines that do not start with `|`",
                describe()
            ),
        )
        .kind(Kind::BadRow),
    );
    None
}

/// Whether each cell of a row still reads as its column once the surplus of stray pipes
/// was joined into one cell: the Authors name no address, the Link holds one, the
/// paper's date has a digit and the Title is not empty. A join in the wrong column moves
/// a piece of text into one of them.
fn reads_as_columns(columns: &[Column], cells: &[Cow<'_, str>]) -> bool {
    columns
        .iter()
        .zip(cells)
        .all(|(column, cell)| match column {
            Column::Authors => !cell.contains("http"),
            Column::Link => {
                cell.is_empty() || cell.contains("://") || cell.bytes().any(|b| b.is_ascii_digit())
            }
            Column::PaperDate => cell.is_empty() || cell.bytes().any(|b| b.is_ascii_digit()),
            Column::Title => !cell.trim().is_empty(),
            _ => true,
        })
}

/// Byte ranges of a row's cells as written (untrimmed, `\|` still escaped): the pieces
/// between unescaped pipes after a leading one, the last piece only when not blank.
pub(super) fn cell_spans(row: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = usize::from(row.starts_with('|'));
    while let Some(end) = row.get(start..).and_then(find_cell_end) {
        spans.push(start..start + end);
        start += end + 1;
    }
    if row.get(start..).is_some_and(|rest| !rest.trim().is_empty()) {
        spans.push(start..row.len());
    }
    spans
}

/// Cells of a row: split on `|` not escaped by `\`, outer pipes dropped, `\|` unescaped.
pub fn split_cells(row: &str) -> Vec<Cow<'_, str>> {
    raw_cells(row).map(unescape_pipes).collect()
}

/// The cells of a row as written (`\|` still escaped), trimmed: the pieces between
/// unescaped pipes after a leading one, the last piece only when not blank. Slices of
/// `row`, so counting a wrapped row's cells as it grows allocates nothing.
pub(super) fn raw_cells(row: &str) -> impl Iterator<Item = &str> {
    let row = row.trim();
    let mut rest = Some(row.strip_prefix('|').unwrap_or(row));
    std::iter::from_fn(move || {
        let piece = rest?;
        match find_cell_end(piece) {
            Some(end) => {
                rest = piece.get(end + 1..);
                piece.get(..end).map(str::trim)
            }
            None => {
                rest = None;
                Some(piece.trim()).filter(|cell| !cell.is_empty())
            }
        }
    })
}

/// The first `|` in `piece` not escaped by a `\` before it. (A `\` cannot itself be
/// escaped, and the byte before `piece` is a `|`, so looking one byte back is enough.)
fn find_cell_end(piece: &str) -> Option<usize> {
    let bytes = piece.as_bytes();
    memchr::memchr_iter(b'|', bytes).find(|&i| i == 0 || bytes.get(i - 1) != Some(&b'\\'))
}

/// A cell's text: `\|` becomes `|`.
fn unescape_pipes(cell: &str) -> Cow<'_, str> {
    if cell.contains("\\|") {
        Cow::Owned(cell.replace("\\|", "|"))
    } else {
        Cow::Borrowed(cell)
    }
}
