//! What a cell holds: the title and its links, link targets in any markup, authors.

use super::super::markup;

/// Title text and link targets of a title cell, in any of the shapes bots write:
/// `Title (Read more on [arXiv](URL) or [HuggingFace](URL))`, the older
/// `Title - read more on [arXiv](URL) or [HuggingFace](URL)`, `[Title](URL)`, or plain.
pub(super) fn parse_title_cell(cell: &str) -> (String, Vec<String>) {
    let links = link_targets(cell);
    // "Read more on" introduces the links, with or without their scheme.
    let title_src = match find_ci(cell, "read more")
        .filter(|&pos| !links.is_empty() || cell[pos..].contains("]("))
    {
        Some(pos) => {
            let before = cell[..pos].trim_end();
            let opener = before.strip_suffix('(').or_else(|| {
                // The dash form: ` - read more`, the dash standing alone.
                ['-', '–', '—']
                    .iter()
                    .find_map(|&dash| before.strip_suffix(dash))
                    .filter(|rest| rest.ends_with(char::is_whitespace))
            });
            opener.unwrap_or(before)
        }
        None => cell,
    };
    (markup::plain(title_src), links)
}

/// Byte offset of the first `needle` in `haystack`, ignoring ASCII case, without
/// lower-casing a copy of the cell: memchr finds where the needle's first byte is.
pub(super) fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, bytes).find(|&i| {
        bytes
            .get(i..i + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// Every http(s) URL in a cell, whatever markup surrounds it: markdown links, autolinks,
/// HTML attributes or bare text. A markdown parser would miss links inside raw HTML.
///
/// A URL is what `https?://[^\s()<>\[\]"'`|]+` matches (leftmost, not overlapping), read
/// by hand from each `http` that memchr finds: this runs on every title and link cell.
pub fn link_targets(cell: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut searched_to = 0;
    for start in memchr::memmem::find_iter(cell.as_bytes(), "http") {
        if start < searched_to {
            continue;
        }
        if let Some(url) = url_at(cell, start) {
            searched_to = start + url.len();
            urls.push(url.trim_end_matches(['.', ',', ';', ':']).to_string());
        }
    }
    urls
}

/// The URL starting at byte `start` (where `http` is), if one does.
fn url_at(cell: &str, start: usize) -> Option<&str> {
    let from_start = cell.get(start..)?;
    let after_http = from_start.get(4..)?;
    let body = after_http
        .strip_prefix("s://")
        .or_else(|| after_http.strip_prefix("://"))?;
    let body_len = body
        .char_indices()
        .find(|&(_, c)| !is_url_char(c))
        .map_or(body.len(), |(i, _)| i);
    let url_len = from_start.len() - body.len() + body_len;
    (body_len > 0).then(|| from_start.get(..url_len)).flatten()
}

/// Characters a bare URL runs on with: not whitespace, brackets, quotes or a pipe.
fn is_url_char(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '(' | ')' | '<' | '>' | '[' | ']' | '"' | '\'' | '`' | '|'
        )
}

pub(super) fn split_authors(cell: &str) -> Vec<String> {
    markup::plain(cell)
        .split([',', ';'])
        // The first author and the rest unnamed: `Ann Lee et.al.`, `Ann Lee et al.`.
        .map(|a| {
            let a = a.trim();
            ["et.al.", "et al.", "et al"]
                .iter()
                .find_map(|tail| a.strip_suffix(tail))
                .unwrap_or(a)
                .trim()
                .to_string()
        })
        .filter(|a| !a.is_empty())
        .collect()
}

/// The text a cell folds away in one `<details>` block (`<details><summary>Show</summary>
/// <p>The abstract…</p></details>`, as a README of each topic's latest papers writes
/// its abstracts): what is inside, without the toggle's label, which a page showing the
/// text open has no use for. Any other cell is returned as it is.
pub(super) fn inside_details(cell: &str) -> &str {
    let t = cell.trim();
    let Some(open) = t
        .get(..8)
        .filter(|head| head.eq_ignore_ascii_case("<details"))
        .and_then(|_| t.find('>'))
    else {
        return cell;
    };
    let Some(body) = t
        .len()
        .checked_sub(10)
        .and_then(|end| t.get(end..))
        .filter(|tail| tail.eq_ignore_ascii_case("</details>"))
        .and_then(|_| t.get(open + 1..t.len() - 10))
    else {
        return cell;
    };
    let body = body.trim_start();
    let Some(label_end) = body
        .get(..9)
        .filter(|head| head.eq_ignore_ascii_case("<summary>"))
        .and_then(|_| find_ci(body, "</summary>"))
    else {
        return cell;
    };
    let inside = body[label_end + 10..].trim();
    // One block: a second `<details>` inside would be cut in two.
    if inside.is_empty() || find_ci(inside, "<details").is_some() {
        return cell;
    }
    inside
}

/// The text of a cell that is one HTML paragraph (`<p>Accepted at KiteConf</p>`, what a
/// folded comment holds), to run on after a label; any other cell as it is.
pub(super) fn one_paragraph(cell: &str) -> &str {
    let t = cell.trim();
    let inner = t
        .get(..3)
        .filter(|head| head.eq_ignore_ascii_case("<p>"))
        .and_then(|_| t.len().checked_sub(4))
        .filter(|&end| {
            end >= 3
                && t.get(end..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case("</p>"))
        })
        .and_then(|end| t.get(3..end));
    match inner {
        Some(inner) if find_ci(inner, "<p").is_none() => inner,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::{inside_details, one_paragraph};

    #[test]
    fn a_cell_of_one_paragraph_is_its_text() {
        assert_eq!(
            one_paragraph("<p>Accepted at KiteConf</p>"),
            "Accepted at KiteConf"
        );
        for cell in ["8 pages", "<p>a</p><p>b</p>", "<p>", "<p></p>x", "<pé"] {
            assert_eq!(one_paragraph(cell), cell);
        }
    }

    #[test]
    fn a_folded_cell_is_its_inside_without_the_toggle() {
        assert_eq!(
            inside_details("<details><summary>Show</summary><p>We fold kites.</p></details>"),
            "<p>We fold kites.</p>"
        );
        assert_eq!(
            inside_details(
                " <DETAILS open> <summary>Accep...</summary>Accepted at KiteConf</details> "
            ),
            "Accepted at KiteConf"
        );
        for cell in [
            "Plain text.",
            "<details><summary>Show</summary></details>",
            "<details>no toggle</details>",
            "<details><summary>A</summary>a</details> and <details><summary>B</summary>b</details>",
            "<details><summary>Show</summary>cut off",
            "<detailsé",
        ] {
            assert_eq!(inside_details(cell), cell);
        }
    }
}
