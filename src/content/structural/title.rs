//! An entry's title: read from its first line (the text of the link to the paper, or
//! the line without its number, ornaments, link labels and date stamp), and the links
//! with generic texts (`[PDF](…)`, `<a href="…">arXiv</a>`) that titles and text leave
//! out.

use super::ids;
use super::labels;
use super::layout::{self, Unit};
use super::lines::{Line, LineKind, strip_tags};
use super::name_split::{plain_words, without_count, without_title_noise};
use super::names_line::names_line;
use super::numbering::strip_number;
use crate::content::marks::link_middle;
use crate::content::markup;

/// The title in an entry's first line, and any names written after it on that line
/// (`[Title](…) — Ann Lee, Bo Chen`).
pub(super) fn title_of(first: &Line<'_>, unit: Unit) -> (String, Option<String>) {
    let text = first.text();
    if unit == Unit::TitleLabel
        && let Some(label) = first.label
    {
        return (clean_title(label.value), None);
    }
    if unit == Unit::Row {
        return (String::new(), None);
    }
    // `## 📌 Title: A Paper`: a heading that labels its own text as the title.
    if let LineKind::Heading(_, heading) = first.kind
        && let Some(label) = super::lines::LineLabel::of(heading)
        && label.role == Some(labels::Role::Title)
        && !label.value.is_empty()
    {
        return (clean_title(label.value), None);
    }
    let text = strip_number(labels::strip_ornaments(text));
    // A heading's date stamp is when the paper came out, not part of its title; so is
    // one that opens a listed paper (`- [2026-02-12] **Title** — Ann Lee et.al.`).
    let text = match first.kind {
        LineKind::Heading(..) => layout::title_with_date(text).unwrap_or(text),
        _ => text,
    };
    let text = without_leading_date(text);
    // The link to the paper, when its text is a title.
    let refs = ids::find(text);
    if let Some(r) = refs.iter().find(|r| {
        r.link_text
            .as_deref()
            .is_some_and(|t| !labels::is_generic_link_text(t))
    }) {
        let title = markup::plain(r.link_text.as_deref().unwrap_or(""));
        let after = text[r.end..].trim();
        let before = text[..r.start].trim();
        let names = [after, before]
            .into_iter()
            .map(|s| s.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace()))
            .map(|s| {
                s.trim_start_matches(['-', '—', '–', '|', ':', '：', ','])
                    .trim()
            })
            .map(|s| s.strip_prefix("by ").unwrap_or(s))
            .map(|s| s.trim_matches(['(', ')']))
            .find_map(|s| {
                names_line(s, false).map(str::to_string).or_else(|| {
                    // A byline of surnames (`Liu, Zhao, Lo`) pairs no "Last, First":
                    // its names are kept apart by middle dots.
                    names_line(names_before_venue(s)?, false)
                        .map(|n| without_count(n).replace(", ", " · "))
                })
            });
        return (strip_title_noise(&title), names);
    }
    // `[#38](…abs/ID) [Title](https://mirror/arxiv/ID)`: the paper's link is the listing's
    // number, and the next link, to a page of the same id, is titled.
    if let Some(title) = refs
        .first()
        .and_then(|r| Some((r.end, r.arxiv_id.as_deref()?)))
        .and_then(|(end, id)| titled_link_to(&text[end..], id))
    {
        return (title, None);
    }
    // `**Title** - Ann Lee, Bo Chen et al. - [2025-08-28](…)`: the bold span is the
    // title, the names after it its authors.
    if let Some((title, names)) = bold_title_then_names(text) {
        return (title, Some(names));
    }
    // `- **[4] Short Title (hep-ph)** — a sentence … URL`: the bold span is the title.
    if matches!(unit, Unit::Item(_) | Unit::Para)
        && let Some(title) = bold_title_then_text(text)
    {
        return (title, None);
    }
    // `<b>1. Title</b> ⭐ 66`: a bold span followed by nothing but a score or badge.
    if let Some(title) = bold_title_alone(text) {
        return (title, None);
    }
    let title = clean_title_of(text, &refs);
    if !title.is_empty() {
        return (without_badges(&title), None);
    }
    // A heading that is only a link whose text looks like a label (a paper called
    // "Code"): the text is still the title, unless it is the id or the URL itself.
    let named = refs.iter().find_map(|r| {
        r.link_text
            .as_deref()
            .filter(|t| !t.contains("://") && crate::content::arxiv::parse_bare(t).is_none())
    });
    (named.map(markup::plain).unwrap_or_default(), None)
}

/// `text` without a date stamp that opens it, in brackets or bold (`[2026-02-12]`,
/// `**2026-02-12 04:00**`), and the separator after it (` · `, ` - `); `text` itself
/// when it opens with none.
fn without_leading_date(text: &str) -> &str {
    let Some(first) = text
        .bytes()
        .next()
        .filter(|b| matches!(b, b'[' | b'(' | b'*'))
    else {
        return text;
    };
    let (close, skip) = match first {
        b'[' => ("]", 1),
        b'(' => (")", 1),
        _ if text.starts_with("**") => ("**", 2),
        _ => return text,
    };
    let Some(end) = text[skip..].find(close).map(|e| e + skip) else {
        return text;
    };
    let stamp = &text[skip..end];
    // A date and perhaps a time: digits and their separators, nothing else.
    let dated = stamp.len() <= 20
        && stamp
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.' | b':' | b' '))
        && crate::content::date_text::find_date(stamp).is_some();
    let rest = text[end + close.len()..].trim_start();
    // A bracketed date followed by `(` is a link's text (`[2026-02-12](…)`).
    if !dated || rest.is_empty() || rest.starts_with('(') {
        return text;
    }
    rest.strip_prefix(['·', '-', '—', '–', '|'])
        .map_or(rest, str::trim_start)
}

/// A line that opens with a bold title and goes on, after a dash or bar, with the
/// authors' names (and links): the title and the names.
fn bold_title_then_names(text: &str) -> Option<(String, String)> {
    let (title, rest) = match text.strip_prefix("**") {
        Some(bold) => bold.split_once("**")?,
        None => html_bold(text)?,
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(['-', '—', '–', '|'])
        .filter(|r| r.starts_with(char::is_whitespace))?;
    let names = clean_title(rest);
    // One name after the title is its author, as the dash says. Badges may follow the
    // names after a middle dot (`Ann Lee et.al.. [arXiv](…) · ❌ Code`).
    let names = names_line(&names, true)
        .or_else(|| names_line(names.split(" · ").next()?.trim(), true))?
        .to_string();
    let title = markup::plain(title).trim().to_string();
    (!title.is_empty()).then_some((title, names))
}

/// A line that opens with a bold span holding no link, then a dash and the paper's
/// description (its link comes later): the span, without its number and without an
/// arXiv category in brackets at its end (`[4] Short Title (hep-ph)` is `Short Title`).
fn bold_title_then_text(text: &str) -> Option<String> {
    let (bold, _) = bold_span_then_dash(text)?;
    let plain = markup::plain(strip_number(bold.trim()));
    let mut title = plain.trim();
    if let Some(inner) = title.strip_suffix(')')
        && let Some(open) = inner.rfind(" (")
        && super::category::is_code(&inner[open + 2..])
    {
        title = inner[..open].trim_end();
    }
    (!title.is_empty()).then(|| title.to_string())
}

/// The words after a bold title and its dash ([`bold_title_then_text`]), without the
/// links to the paper and bare URLs: the paper's description.
pub(super) fn text_after_bold_title(text: &str) -> Option<String> {
    let text = strip_number(labels::strip_ornaments(text));
    let (_, rest) = bold_span_then_dash(text)?;
    let rest = rest.trim_start().trim_start_matches(['—', '–', '-']).trim();
    let kept = drop_generic_links(&clean_title(rest));
    (!kept.is_empty()).then_some(kept)
}

/// A line's opening bold span holding no link, and what follows it, when a dash
/// follows it.
fn bold_span_then_dash(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix("**")?;
    // The `**` that a dash follows closes the span: one inside a formula
    // (`$D_s^{**}$`) does not.
    let dash_after = |rest: &str| {
        rest.trim_start()
            .strip_prefix(['—', '–', '-'])
            .is_some_and(|r| r.starts_with(char::is_whitespace))
    };
    let (close, _) = inner
        .match_indices("**")
        .find(|&(at, _)| dash_after(&inner[at + 2..]))?;
    let bold = &inner[..close];
    if bold.contains("](") || bold.contains("://") {
        return None;
    }
    Some((bold, &inner[close + 2..]))
}

/// A title without the badges a bot appends (`Title 📦代码 📦代码`, `Title 💻Code`,
/// `Title ⭐⭐⭐ [GitHub ✓]`): a last word that is a symbol and a generic link word, or
/// such words in brackets.
fn without_badges(title: &str) -> String {
    let mut t = title.trim_end();
    while let Some((head, last)) = t.rsplit_once(char::is_whitespace) {
        if let Some(head) = without_bracketed_badge(t) {
            t = head;
            continue;
        }
        let badge = last.starts_with(|c: char| !c.is_alphanumeric() && !c.is_ascii())
            && labels::is_generic_link_text(last);
        if !badge || head.trim().is_empty() {
            break;
        }
        t = head.trim_end();
    }
    t.to_string()
}

/// `title` without a badge in brackets at its end (`[GitHub ✓]`, `[📦 Code]`): a
/// generic link word beside symbols only, after words of the title.
fn without_bracketed_badge(title: &str) -> Option<&str> {
    let inner = title.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let head = inner[..open].trim_end();
    let words: Vec<&str> = inner[open + 1..].split_whitespace().collect();
    let symbol = |w: &&str| !w.chars().any(char::is_alphanumeric);
    let badge = words.iter().any(symbol)
        && words.iter().any(|w| !symbol(w))
        && words
            .iter()
            .all(|w| symbol(w) || labels::is_generic_link_text(w));
    (badge && !head.is_empty()).then_some(head)
}

/// A line that opens with an HTML bold span holding no link and goes on with no words
/// (a collapsed entry's `<summary><b>1. Title</b> ⭐ 66</summary>`, its upvotes after
/// it): the span, without its number. Markdown bold is read as before, by the rest of
/// the line.
fn bold_title_alone(text: &str) -> Option<String> {
    let (bold, rest) = html_bold(text)?;
    if bold.contains("](") || bold.contains("://") || rest.chars().any(char::is_alphabetic) {
        return None;
    }
    let title = markup::plain(strip_number(bold.trim()));
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The text of a line's opening `<strong>…</strong>` or `<b>…</b>`, and what follows.
pub(super) fn html_bold(text: &str) -> Option<(&str, &str)> {
    for (open, close) in [("<strong>", "</strong>"), ("<b>", "</b>")] {
        if let Some(rest) = text.strip_prefix(open) {
            return rest.split_once(close);
        }
    }
    None
}

/// A title written in a line with links to the paper: the links with generic texts,
/// bare URLs and ids removed, and the markup made plain.
pub(super) fn clean_title(text: &str) -> String {
    clean_title_of(text, &ids::find(text))
}

/// [`clean_title`], with the mentions in `text` found already.
fn clean_title_of(text: &str, refs: &[ids::PaperRef]) -> String {
    // A line without a mention (a heading's title) is read as it is, not copied.
    let kept: std::borrow::Cow<'_, str> = if refs.is_empty() {
        text.into()
    } else {
        let mut kept = String::with_capacity(text.len());
        let mut at = 0;
        for r in refs {
            kept.push_str(&text[at..r.start]);
            if let Some(t) = r
                .link_text
                .as_deref()
                .filter(|t| !labels::is_generic_link_text(t))
            {
                kept.push_str(t);
            }
            at = r.end;
        }
        kept.push_str(&text[at..]);
        kept.into()
    };
    let kept = without_leading_category_chip(&kept);
    // Plain words that are a literal line (most titles) are what `drop_generic_links`
    // and `markup::plain` would return: they are not copied by both to say so.
    if plain_words(&kept) && markup::is_literal_line(&kept) {
        return strip_title_noise(&kept);
    }
    // Other links with generic texts (`[Code](https://github.com/…)`).
    let kept = drop_generic_links(&kept);
    strip_title_noise(&markup::plain(&kept))
}

/// A title that opens with its arXiv category as a code span, before a dash
/// (`` `cs.AI` - A Title ``, after the number if any): the category is a tag (read with
/// the chips), not a word of the title. The dash goes with the title's noise.
fn without_leading_category_chip(text: &str) -> std::borrow::Cow<'_, str> {
    let start = text.trim_start();
    // After a list or heading number (`1. `), if any.
    let number = start.len()
        - start
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', ')'])
            .trim_start()
            .len();
    let rest = &start[number..];
    let Some(inner) = rest.strip_prefix('`') else {
        return text.into();
    };
    let Some(close) = inner.find('`') else {
        return text.into();
    };
    let after = inner[close + 1..].trim_start();
    let dashed = after
        .strip_prefix(['-', '—', '–', ':', '|'])
        .is_some_and(|t| t.starts_with(char::is_whitespace));
    if !dashed || !super::category::has_code(&inner[..close]) {
        return text.into();
    }
    format!("{}{}", &start[..number], after).into()
}

/// `[Code](url)`, `[Project](url)` and bare URLs removed from a line.
pub(super) fn drop_generic_links(text: &str) -> String {
    if plain_words(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = link_middle(&rest[open..]).map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i + 1) else {
            break;
        };
        let label = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if !labels::is_generic_link_text(label) || label.contains('[') {
            out.push_str(&rest[open..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.split_whitespace()
        .filter(|w| !w.starts_with("http://") && !w.starts_with("https://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without its tags, and without the HTML links whose text only names the
/// link (`<a href="…">PDF</a>`), as [`drop_generic_links`] does for markdown.
pub(super) fn without_generic_html_links(text: &str) -> String {
    // ASCII lower-casing keeps byte offsets.
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(open) = lower[at..].find("<a ").map(|i| at + i) {
        let Some(close) = lower[open..].find("</a>").map(|i| open + i) else {
            break;
        };
        out.push_str(&text[at..open]);
        let inner = strip_tags(&text[open..close]);
        if !labels::is_generic_link_text(&inner) {
            out.push_str(&inner);
        }
        at = close + "</a>".len();
    }
    out.push_str(&text[at..]);
    strip_tags(&out)
}

/// Separators and empty brackets left at a title's ends once its links are gone:
/// `Title |`, `Title ()`, `Title (Read more on or )`. A hyphen or bar that is part of
/// a word (`Δ-Net`, `a-`) stays.
fn strip_title_noise(title: &str) -> String {
    if without_title_noise(title) {
        return title.trim().to_string();
    }
    let mut t = title.trim();
    loop {
        let before = t;
        // A trailing parenthetical left with only the words around its links.
        if t.ends_with([')', '）'])
            && let Some(open) = t.rfind(['(', '（'])
        {
            let inside = t[open..].trim_matches(['(', ')', '（', '）']);
            // A parenthetical against a word is part of a name (`Prio(+)`), not what
            // links left behind.
            let hugs_word = t[..open]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let filler = !hugs_word
                && inside.split_whitespace().all(|w| {
                    matches!(
                        w.to_lowercase()
                            .trim_matches(|c: char| !c.is_alphanumeric()),
                        "" | "read"
                            | "more"
                            | "on"
                            | "or"
                            | "and"
                            | "at"
                            | "via"
                            | "see"
                            | "links"
                            | "link"
                    )
                });
            if filler {
                t = t[..open].trim_end();
            }
        }
        // A trailing bracket left with a link's label alone (`[pdf: ]` once its address
        // was taken out).
        if t.ends_with(']')
            && let Some(open) = t.rfind('[')
        {
            let inside = &t[open + 1..t.len() - 1];
            let label_only = inside
                .split(|c: char| c.is_whitespace() || c == ':')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "pdf" | "html" | "abs" | "code" | "link" | "links"
                    )
                });
            if label_only && open > 0 {
                t = t[..open].trim_end();
            }
        }
        // Brackets emptied of an id (`[2603.01234] Title`).
        for pair in ["[]", "()", "（）", "【】"] {
            if let Some(rest) = t.strip_prefix(pair) {
                t = rest.trim_start();
            }
            if let Some(rest) = t.strip_suffix(pair) {
                t = rest.trim_end();
            }
        }
        for sep in ['|', '-', '—', '–', ':', '：', ',', '·', '•'] {
            if let Some(rest) = t.strip_suffix(sep)
                && (rest.is_empty() || rest.ends_with(char::is_whitespace))
            {
                t = rest.trim_end();
            }
            if let Some(rest) = t.strip_prefix(sep)
                && (rest.is_empty() || rest.starts_with(char::is_whitespace))
            {
                t = rest.trim_start();
            }
        }
        if t == before {
            break;
        }
    }
    t.to_string()
}

/// The names that open a line after a title's link, before where and when the paper
/// came out: `Liu, Zhao, Lo (SMU + others), arXiv 2605.25871 (May 2026)` and
/// `Ba, Su — arXiv 2605.22992` give `Liu, Zhao, Lo` and `Ba, Su`. `None` when nothing
/// follows the names.
fn names_before_venue(text: &str) -> Option<&str> {
    let mut names = [" — ", " – ", " | "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .map_or(text, |at| &text[..at])
        .trim();
    // Parts after a comma that hold a number or say arXiv: a year, an id, a venue.
    while let Some(at) = names.rfind(", ") {
        let part = &names[at + 2..];
        if !part.bytes().any(|b| b.is_ascii_digit()) && !part.to_ascii_lowercase().contains("arxiv")
        {
            break;
        }
        names = names[..at].trim_end();
    }
    // The affiliations in brackets after the last name.
    if names.ends_with(')')
        && let Some(open) = names.rfind('(')
    {
        names = names[..open].trim_end();
    }
    (names.len() < text.trim().len() && !names.is_empty()).then_some(names)
}

/// The text of the first markdown link in `rest` whose address holds `id`, when it is a
/// title rather than a generic word.
fn titled_link_to(rest: &str, id: &str) -> Option<String> {
    let rest = rest.trim_start();
    let inner = rest.strip_prefix('[')?;
    let close = inner.find("](")?;
    let (text, after) = (&inner[..close], &inner[close + 2..]);
    let url = &after[..after.find(')')?];
    (url.contains(id) && !labels::is_generic_link_text(text) && !text.trim().is_empty())
        .then(|| clean_title(&markup::plain(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_addresses_leave_no_brackets_behind() {
        assert_eq!(
            clean_title(
                "Patch Training (http://arxiv.org/abs/2407.92665v1) [pdf: http://arxiv.org/pdf/2407.92665v1]"
            ),
            "Patch Training"
        );
        assert_eq!(clean_title("Lists [of Things]"), "Lists [of Things]");
    }

    #[test]
    fn a_listing_number_before_a_titled_link_to_the_same_paper() {
        let line = "[#38](https://arxiv.org/abs/2508.91009) [SproutBench: Safe Sprouts](https://papers.cool/arxiv/2508.91009)  #38 幼苗基准";
        let refs = ids::find(line);
        assert_eq!(
            titled_link_to(&line[refs[0].end..], "2508.91009").as_deref(),
            Some("SproutBench: Safe Sprouts")
        );
        assert_eq!(
            titled_link_to(" [Other](https://example.com/x)", "2508.91009"),
            None
        );
    }

    #[test]
    fn a_category_chip_before_a_dash_is_no_part_of_the_title() {
        assert_eq!(
            clean_title("`cs.AI` - Folding Paper Cranes [PDF](https://arxiv.org/pdf/2601.00001)"),
            "Folding Paper Cranes"
        );
        assert_eq!(clean_title("`cs.CL` — 折纸鹤"), "折纸鹤");
        // Not a category, or no dash: kept as written.
        assert_eq!(clean_title("`vLLM` - Fast Serving"), "vLLM - Fast Serving");
        assert_eq!(clean_title("`cs.AI` Cranes"), "cs.AI Cranes");
    }

    #[test]
    fn a_parenthetical_against_a_word_is_part_of_the_title() {
        assert_eq!(
            strip_title_noise("Aggregation Beyond Prio(+)"),
            "Aggregation Beyond Prio(+)"
        );
        assert_eq!(strip_title_noise("Bounds on R(·)"), "Bounds on R(·)");
        // What links leave behind, apart from the title, goes.
        assert_eq!(strip_title_noise("Lanterns ( | )"), "Lanterns");
        assert_eq!(strip_title_noise("Lanterns (read more)"), "Lanterns");
    }

    #[test]
    fn badges_in_brackets_after_a_title() {
        assert_eq!(
            without_badges("Folding Lanterns: A Study ⭐⭐⭐⭐ [GitHub ✓]"),
            "Folding Lanterns: A Study"
        );
        assert_eq!(without_badges("Lanterns [📦 Code]"), "Lanterns");
        // Words in brackets that are the title's, or a link word alone, stay.
        assert_eq!(without_badges("Lanterns [Extended]"), "Lanterns [Extended]");
        assert_eq!(without_badges("Lanterns [Code]"), "Lanterns [Code]");
    }

    #[test]
    fn titles_from_first_lines() {
        let line = |text| Line {
            no: 1,
            indent: 0,
            kind: LineKind::Heading(3, text),
            label: None,
            may_name_paper: true,
            may_fold: false,
        };
        assert_eq!(
            title_of(
                &line("1. [A Title](https://arxiv.org/abs/2601.00001)"),
                Unit::Heading(3),
            )
            .0,
            "A Title"
        );
        assert_eq!(title_of(&line("**A Title** [arXiv](https://arxiv.org/abs/2601.00001) | [PDF](https://arxiv.org/pdf/2601.00001)"), Unit::Heading(3)).0, "A Title");
        assert_eq!(
            title_of(&line("A Title (arXiv:2601.00001)"), Unit::Heading(3)).0,
            "A Title"
        );
        let text = "A Title [PDF](https://arxiv.org/pdf/2601.00001) <https://x.org/y>";
        assert_eq!(
            clean_title_of(text, &ids::find(text)),
            "A Title https://x.org/y"
        );
        assert_eq!(clean_title(text), clean_title_of(text, &ids::find(text)));
        let (t, names) = title_of(
            &line("[A Title](https://arxiv.org/abs/2601.00001) — Ann Lee, Bo Chen"),
            Unit::Heading(3),
        );
        assert_eq!(
            (t.as_str(), names.as_deref()),
            ("A Title", Some("Ann Lee, Bo Chen"))
        );
        // A link whose text is the paper's date is no title; the bold text before is.
        let item = Line {
            no: 1,
            indent: 0,
            kind: LineKind::Item(
                0,
                "**A Title: With Colon** - Ann Lee, Bo Chen et al. - [2025-08-28](http://arxiv.org/pdf/2508.00001v1)",
            ),
            label: None,
            may_name_paper: true,
            may_fold: false,
        };
        let (t, names) = title_of(&item, Unit::Item(0));
        assert_eq!(
            (t.as_str(), names.as_deref()),
            ("A Title: With Colon", Some("Ann Lee, Bo Chen et al."))
        );
    }

    #[test]
    fn names_after_a_titles_link_end_where_the_venue_starts() {
        let heading = |text: &'static str| {
            let line = Line {
                no: 1,
                indent: 0,
                kind: LineKind::Heading(3, text),
                label: None,
                may_name_paper: true,
                may_fold: false,
            };
            title_of(&line, Unit::Heading(3)).1
        };
        assert_eq!(
            heading(
                "[A Title](https://arxiv.org/pdf/2605.25871) — Liu, Zhao, Lo (SMU + others), arXiv 2605.25871 (May 2026)"
            )
            .as_deref(),
            Some("Liu · Zhao · Lo")
        );
        assert_eq!(
            heading("[A Title](https://arxiv.org/abs/2606.26344) — Kothari, Zhu, Sung, et al., arXiv:2606.26344, 2026").as_deref(),
            Some("Kothari · Zhu · Sung")
        );
        assert_eq!(
            heading("[A Title](https://arxiv.org/pdf/2605.24171) — Camarato, Hmaiti, Mohaisen — arXiv 2605.24171 (May 2026)").as_deref(),
            Some("Camarato · Hmaiti · Mohaisen")
        );
        // A sentence after the link names no one.
        assert_eq!(
            heading("[A Title](https://arxiv.org/abs/2601.00001) — a study of 12 models, 2026")
                .as_deref(),
            None
        );
        assert_eq!(names_before_venue("Ann Lee, Bo Chen"), None);
    }
}
