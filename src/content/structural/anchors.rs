//! Which paper mentions on a line name the entry they stand in.
//!
//! An entry cites other papers in its prose and fields; only some mentions say which
//! paper the entry is about: a link on its title line, a link labelled `arXiv` or
//! `PDF`, a bare id in a short field of its own. The layout is chosen by these, so a
//! summary that cites ten papers is still one entry.

use super::ids::PaperRef;
use super::labels::{self, Role};
use super::lines::Line;
use super::lines::LineKind;
use super::numbering::strip_number;

/// Whether a mention on an entry's first line names that entry's paper: a link, or an
/// id standing at either end of the line (`**2507.01234** Title`, `Title (2507.01234)`),
/// not an id in the middle of a sentence about it.
pub(super) fn anchors_a_title(text: &str, r: &PaperRef) -> bool {
    if r.link_text.is_some() || text.get(r.start..r.end).is_some_and(|m| m.contains("://")) {
        return true;
    }
    let trim = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || "*_`()[]（）【】:：-—|".contains(c))
            .to_string()
    };
    let before = trim(strip_number(text.get(..r.start).unwrap_or("")));
    let after = trim(text.get(r.end..).unwrap_or(""));
    before.is_empty() || after.split_whitespace().count() <= 3
}

/// Paper mentions that tell which paper a segment is about: all in its first line; on
/// other lines, those behind a link labelled `arXiv`/`PDF`/…, in a line labelled as a
/// link, or a bare URL or `arXiv:` id on a short line. A title link of another entry or
/// a citation in prose does not count, and neither does anything in a deeper heading.
/// They are given as indices into `refs`: copying the mentions cost more than reading
/// them where they are.
pub(super) fn strong_refs(line: &Line<'_>, refs: &[PaperRef]) -> Vec<usize> {
    let text = line.text();
    if refs.is_empty() {
        return Vec::new();
    }
    if matches!(line.kind, LineKind::Heading(..) | LineKind::Code(_)) {
        return Vec::new();
    }
    let link_line = line
        .label
        .is_some_and(|label| label.role == Some(Role::Link));
    // No more characters than bytes: most lines are decided without counting.
    let short = text.len() <= 160 || text.chars().count() <= 160;
    (0..refs.len())
        .filter(|&k| {
            link_line
                || match &refs[k].link_text {
                    Some(t) => labels::is_generic_link_text(t),
                    None => {
                        (short || in_a_short_field(line, &refs[k]))
                            && !cited_in_a_field(line, &refs[k])
                    }
                }
        })
        .collect()
}

/// Whether a bare mention on a long line of several fields stands in a short one (`… |
/// **PDF**: https://arxiv.org/pdf/… | …`).
fn in_a_short_field(line: &Line<'_>, r: &PaperRef) -> bool {
    line.label.is_some()
        && super::inline_fields::label_at(line.text(), r.start)
            .is_some_and(|l| l.name.len() + l.value.len() <= 160)
}

/// Whether a bare mention stands in a labelled field that is about something else: a
/// known field of text (`Comments: text overlap with arXiv:2406.14228`, `摘要：…`), or
/// a label papertrail does not know whose value is more than the id (`备注：… arXiv:…
/// by other authors`), as opposed to `arXiv ID: 2507.01234`.
fn cited_in_a_field(line: &Line<'_>, r: &PaperRef) -> bool {
    let Some(label) = line.label else {
        return false;
    };
    // On a line of several fields, the field that holds the mention.
    let label = super::inline_fields::label_at(line.text(), r.start).unwrap_or(label);
    match label.role {
        Some(Role::Link | Role::Title) => false,
        Some(_) => true,
        None => {
            let text = line.text();
            let words = |s: &str| {
                s.split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            };
            // What is left of the value once the label and the mention are taken out;
            // a note in brackets right after the id (`2603.00001v1（注：…）`) is about
            // the id, not other words of the value.
            let after = text.get(r.end..).unwrap_or("");
            let after = after
                .trim_start()
                .strip_prefix(['(', '（'])
                .and_then(|note| note.split_once([')', '）']))
                .map_or(after, |(_, rest)| rest);
            let value_words = (words(text.get(..r.start).unwrap_or("")) + words(after))
                .saturating_sub(label.name.split_whitespace().count());
            value_words > 1
        }
    }
}

/// Whether a mention names no arXiv paper (a DOI, an OpenReview forum, a PubMed
/// record): beside an arXiv link in one entry's head, another address of the same
/// paper (`**DOI**: 10.1177/…`, `[arXiv](…), [OpenReview](…)`), not a second one.
pub(super) fn is_other_address(r: &PaperRef) -> bool {
    r.arxiv_id.is_none()
}
