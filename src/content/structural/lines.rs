//! A digest's lines, each classified by the markdown structure it opens.
//!
//! The structural reader looks at a file as a sequence of lines, not as a full
//! CommonMark tree: bots break markdown's rules (a row wrapped onto the next line, a
//! `<details>` block around bold labels, a list item run on without its indent), and a
//! line classification keeps every line, with its number, whatever the file does.

use super::labels::{Role, known_role, labelled_with_role, strip_ornaments};
use super::mention_spots::MentionSpots;
use crate::content::trim::{trim, trim_end, trim_start};

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind<'a> {
    Blank,
    /// `## text` (level, text without the hashes and closing hashes).
    Heading(u8, &'a str),
    /// `- text`, `* text`, `1. text`, `1) text` (depth from the indent, text after the
    /// marker).
    Item(u8, &'a str),
    /// A table row: `| … |`.
    Row(&'a str),
    /// A table's `|---|---|` line.
    TableRule,
    /// `---`, `***`, `___`: a thematic break.
    Rule,
    /// A line that is only HTML layout: `<details>`, `</details>`, `<summary>…</summary>`,
    /// `<div …>`, `<br>`, `<a id=…></a>`.
    Html(&'a str),
    /// A line inside a fenced code block, or a fence.
    Code(&'a str),
    /// A line of an HTML comment: read by nobody.
    Comment,
    /// Anything else: a paragraph's line (a leading `>` quote marker removed).
    Text(&'a str),
}

/// One line of the body: its file line number and kind.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: usize,
    pub kind: LineKind<'a>,
    /// Leading spaces (a tab counts four): a wrapped field continues on indented lines.
    pub indent: u16,
    /// The label the line's text opens with, if any: found once here, since the layout
    /// scan and the entry's fields both ask for it, of most lines more than once.
    pub label: Option<LineLabel<'a>>,
    /// Whether the line's bytes hold what every paper mention holds ([`MentionSpots`]):
    /// when not, its text names no paper and is not searched for one.
    pub may_name_paper: bool,
    /// Whether the line is HTML or text holding a `<` and `details` or `DETAILS`
    /// ([`may_fold`]): only such a line may open or close a `<details>` block
    /// ([`super::layout::details_tags`]). Tested once here: the layout scan, the entries
    /// and the sections each ask it of every line.
    pub may_fold: bool,
}

/// A labelled line's label and value ([`labelled_with_role`]), and the label's known role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineLabel<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub role: Option<Role>,
}

impl<'a> LineLabel<'a> {
    /// The label of `text`, a line's text as [`Line::text`] gives it.
    pub fn of(text: &'a str) -> Option<Self> {
        labelled_with_role(text).map(|(name, value, role)| LineLabel {
            name,
            value,
            role: role.unwrap_or_else(|| known_role(name)),
        })
    }
}

impl<'a> Line<'a> {
    /// The line's text as a reader sees it (the marker of a heading or item removed).
    pub fn text(&self) -> &'a str {
        match self.kind {
            LineKind::Heading(_, t)
            | LineKind::Item(_, t)
            | LineKind::Row(t)
            | LineKind::Html(t)
            | LineKind::Code(t)
            | LineKind::Text(t) => t,
            LineKind::Blank | LineKind::TableRule | LineKind::Rule | LineKind::Comment => "",
        }
    }
}

/// Classifies every line of `body`, whose first line is file line `first_line`.
pub fn classify(body: &str, first_line: usize) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(body.len() / 40 + 1);
    let mut fence: Option<&str> = None;
    let mut in_comment = false;
    let mut spots = MentionSpots::new(body);
    // A body without a `<` holds no `<details>` fold: its lines are not searched for one.
    let any_tag = memchr::memchr(b'<', body.as_bytes()).is_some();
    // Where `raw` starts in `body`: the pieces are split at single newlines.
    let mut at = 0;
    for (i, raw) in crate::content::line_split::split(body).enumerate() {
        let no = first_line + i;
        let may_name_paper = spots.any_in(at, at + raw.len());
        at += raw.len() + 1;
        let trimmed = trim(raw);
        let indent = raw
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .map(|b| if b == b'\t' { 4u16 } else { 1 })
            .fold(0u16, u16::saturating_add);
        // An HTML comment is a note to whoever edits the file (a template, an example
        // entry), never an entry.
        // A Jekyll Liquid tag alone on its line (`{% raw %}`, `{% endraw %}`) is a
        // note to the site generator, never text of the entry above it.
        let opens_comment = trimmed.starts_with("<!--");
        if in_comment || opens_comment || is_liquid_tag(trimmed) {
            in_comment = (in_comment || opens_comment) && !raw.contains("-->");
            out.push(Line {
                no,
                kind: LineKind::Comment,
                indent,
                label: None,
                may_name_paper,
                may_fold: false,
            });
            continue;
        }
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            out.push(Line {
                no,
                kind: LineKind::Code(raw),
                indent,
                label: None,
                may_name_paper,
                may_fold: false,
            });
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            out.push(Line {
                no,
                kind: LineKind::Code(raw),
                indent,
                label: None,
                may_name_paper,
                may_fold: false,
            });
            continue;
        }
        let kind = kind_of(raw);
        // A heading's text is read as a field's name, never as `Label: value`.
        let label = match kind {
            LineKind::Item(_, t) | LineKind::Row(t) | LineKind::Html(t) | LineKind::Text(t) => {
                LineLabel::of(t)
            }
            _ => None,
        };
        out.push(Line {
            no,
            kind,
            indent,
            label,
            may_name_paper,
            may_fold: any_tag && may_fold(kind),
        });
    }
    key_value_tables(&mut out);
    out
}

/// Whether a line of `kind` may hold a `<details>` or `</details>` tag that
/// [`super::layout::details_tags`] counts: a line of HTML or text with a `<` and the
/// tag's name. Most lines hold no `<`, which memchr says at once.
pub fn may_fold(kind: LineKind<'_>) -> bool {
    let (LineKind::Html(t) | LineKind::Text(t)) = kind else {
        return false;
    };
    memchr::memchr(b'<', t.as_bytes()).is_some() && (t.contains("details") || t.contains("DETAILS"))
}

/// A two-column table whose rows name fields (`| **Authors** | Ann Lee |`, `| arXiv |
/// [2603.01234](…) |`) is a record of one paper, as a note writes its metadata: each row
/// is read as the line `Authors: Ann Lee`, and its header (`| Field | Value |`) and rule
/// are layout. A table of papers (a `Title` column over rows of titles) is left as it is.
fn key_value_tables<'a>(lines: &mut [Line<'a>]) {
    let mut i = 0;
    while i + 1 < lines.len() {
        if !(matches!(lines[i].kind, LineKind::Row(_))
            && matches!(lines[i + 1].kind, LineKind::TableRule))
        {
            i += 1;
            continue;
        }
        let body = i + 2;
        let end = body
            + lines[body..]
                .iter()
                .take_while(|l| matches!(l.kind, LineKind::Row(_)))
                .count();
        // A value may hold pipes of its own (`[abs](…) | [pdf](…)`): the header says
        // how many columns there are.
        fn two_cells<'a>(l: &Line<'a>) -> Option<(&'a str, &'a str)> {
            match l.kind {
                LineKind::Row(t) => name_and_value(t),
                _ => None,
            }
        }
        let named = lines[body..end]
            .iter()
            .filter_map(two_cells)
            .filter(|(name, _)| known_role(name).is_some())
            .count();
        let rows = end - body;
        let header_cells = match lines[i].kind {
            LineKind::Row(t) => name_and_value(t).filter(|(_, v)| !v.contains('|')),
            _ => None,
        };
        if rows > 0
            && header_cells.is_some()
            && lines[body..end].iter().all(|l| two_cells(l).is_some())
            && named * 2 >= rows
        {
            lines[i].kind = LineKind::Blank;
            lines[i].label = None;
            lines[i + 1].kind = LineKind::Blank;
            for line in &mut lines[body..end] {
                if let (LineKind::Row(t), Some((name, value))) = (line.kind, two_cells(line)) {
                    line.kind = LineKind::Text(t);
                    line.may_fold = may_fold(line.kind);
                    line.label = Some(LineLabel {
                        name,
                        value,
                        role: known_role(name),
                    });
                }
            }
        }
        i = end.max(i + 2);
    }
}

/// A table row's first cell and the rest (`| name | value |`), the name without bold
/// or ornaments; `None` for a row of one cell.
fn name_and_value(row: &str) -> Option<(&str, &str)> {
    let inner = row.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let (name, value) = inner.split_once('|')?;
    let name = strip_ornaments(name.trim())
        .trim_matches(|c| c == '*' || c == '_')
        .trim();
    (!name.is_empty()).then_some((name, value.trim()))
}

/// Whether `trimmed` is one Liquid tag (`{% … %}`) and nothing else: the first byte is
/// tested before anything is searched.
fn is_liquid_tag(trimmed: &str) -> bool {
    trimmed.starts_with("{%") && trimmed.ends_with("%}") && !trimmed[2..].contains("{%")
}

fn kind_of(raw: &str) -> LineKind<'_> {
    let line = trim_end(raw);
    let t = trim_start(line);
    let indent = line.len() - t.len();
    if t.is_empty() {
        return LineKind::Blank;
    }
    // A quote marker is layout: `> **TL;DR:** …` is a labelled line.
    let t = match t.strip_prefix('>') {
        Some(rest) if !rest.starts_with('>') || trim(after_marks(rest, b'>')).is_empty() => {
            let inner = trim(after_marks(rest, b'>'));
            if inner.is_empty() {
                return LineKind::Blank;
            }
            return match kind_of(inner) {
                LineKind::Heading(..) | LineKind::Row(_) | LineKind::TableRule => {
                    LineKind::Text(inner)
                }
                other => other,
            };
        }
        _ => t,
    };
    if indent < 4 {
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t']))
        {
            let text = trim_end(before_marks(trim(&t[hashes..]), b'#'));
            return LineKind::Heading(hashes as u8, text);
        }
        if is_rule(t) {
            return LineKind::Rule;
        }
    }
    if t.starts_with('|') {
        if t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
            return LineKind::TableRule;
        }
        return LineKind::Row(t);
    }
    if let Some(text) = item_text(t) {
        return LineKind::Item((indent / 2).min(6) as u8, text);
    }
    if t.starts_with('<') {
        if let Some(inner) = summary_title(t) {
            return LineKind::Text(inner);
        }
        if is_layout_html(t) {
            return LineKind::Html(t);
        }
    }
    // HTML a bot wrote instead of markdown: `<h3>…</h3>` is a heading, `<li>…` an item.
    if let Some(kind) = html_block(t) {
        return kind;
    }
    LineKind::Text(t)
}

/// `s.trim_start_matches(mark)` for an ASCII `mark`, by bytes (every quoted line is
/// asked).
fn after_marks(s: &str, mark: u8) -> &str {
    &s[s.bytes().take_while(|&b| b == mark).count()..]
}

/// `s.trim_end_matches(mark)` for an ASCII `mark`, by bytes (every heading is asked).
fn before_marks(s: &str, mark: u8) -> &str {
    &s[..s.len() - s.bytes().rev().take_while(|&b| b == mark).count()]
}

/// A thematic break: three or more of one of `-`, `*`, `_`, and nothing else but
/// spaces. Stops at the first other character, so a long item is not scanned whole.
fn is_rule(t: &str) -> bool {
    let mut first = None;
    let mut count = 0;
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        match first {
            None if matches!(c, '-' | '*' | '_') => first = Some(c),
            Some(f) if f == c => {}
            _ => return false,
        }
        count += 1;
    }
    count >= 3
}

/// The text after a list marker: `- `, `* `, `+ `, `1. `, `1) `, `•`.
fn item_text(t: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• ", "· "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(trim_start(rest));
        }
    }
    if matches!(t, "-" | "*" | "+") {
        return Some("");
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) {
        let rest = &t[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')', '、'])
            && (after.starts_with([' ', '\t']) || (rest.starts_with('、') && !after.is_empty()))
        {
            return Some(after.trim_start());
        }
    }
    None
}

/// The inside of a `<details>` summary that is a paper's head, not a field's name:
/// `<summary><strong>Title</strong> - Ann Lee - [pdf](…)</summary>`, a bold title
/// with the paper's link, as bots write one collapsed entry per paper; or a numbered
/// bold title whose link is inside the block (`<summary><b>1. Title</b> ⭐ 66</summary>`
/// over a `**Links:**` line), which no field's name is.
fn summary_title(t: &str) -> Option<&str> {
    let lower = t.get(..9)?.to_ascii_lowercase();
    if lower != "<summary>" || !t.ends_with("</summary>") {
        return None;
    }
    let inner = t[9..t.len() - "</summary>".len()].trim();
    let bold = ["<strong>", "<b>", "**"]
        .iter()
        .find_map(|open| inner.strip_prefix(open));
    let numbered = |b: &str| {
        let digits = b.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && b[digits..].starts_with(['.', ')'])
            && b[digits + 1..].starts_with(' ')
    };
    // A bold name of a few words that is no field's (`<b>Abstract</b>`, `<b>Show
    // more</b>`): a folded entry's title.
    let titled = |b: &str| {
        let name = b
            .split('<')
            .next()
            .unwrap_or(b)
            .trim_end_matches("**")
            .trim();
        let long = name.split_whitespace().count() >= 3
            || name.chars().filter(|c| !c.is_ascii()).count() >= 6;
        long && known_role(name).is_none()
    };
    bold.is_some_and(|b| numbered(b) || titled(b) || !super::ids::find(inner).is_empty())
        .then_some(inner)
}

/// A line that holds only layout markup, no words of the paper.
fn is_layout_html(t: &str) -> bool {
    if !t.starts_with('<') {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let tag_only = |name: &str| {
        lower.starts_with(&format!("<{name}")) || lower.starts_with(&format!("</{name}"))
    };
    if (tag_only("details")
        || tag_only("div")
        || tag_only("br")
        || tag_only("hr")
        || tag_only("p>")
        || lower == "</p>"
        || tag_only("center"))
        && lower.ends_with('>')
        && !strip_tags(t).trim().chars().any(char::is_alphanumeric)
    {
        return true;
    }
    // A button is the page's controls (`☆ 收藏`, `🔗 分享`), never the paper's text.
    if lower.starts_with("<button") && lower.ends_with("</button>") {
        return true;
    }
    if lower.starts_with("<summary") && lower.trim_end().ends_with("</summary>") {
        return true;
    }
    if (lower.starts_with("<details") && lower.contains("<summary"))
        && lower.ends_with("</summary>")
    {
        return true;
    }
    lower.starts_with("<a ")
        && lower.ends_with("</a>")
        && !strip_tags(t).trim().chars().any(char::is_alphanumeric)
}

/// A line that opens with `<h1>`…`<h6>` or `<li>`, as the heading or item it is; its
/// text keeps inner markup (an `<a href>` names the paper).
fn html_block(t: &str) -> Option<LineKind<'_>> {
    // Asked of every line of text: one that opens no tag is passed before it is copied
    // or searched for the tag's end.
    if !t.starts_with('<') {
        return None;
    }
    let lower = t.get(..4)?.to_ascii_lowercase();
    let open_end = t.find('>')?;
    let inner = |close: &str| {
        let body = &t[open_end + 1..];
        let end = body.to_ascii_lowercase().rfind(close).unwrap_or(body.len());
        body[..end].trim()
    };
    if lower.starts_with("<h") && lower.as_bytes()[2].is_ascii_digit() {
        let level = lower.as_bytes()[2] - b'0';
        if (1..=6).contains(&level) && matches!(lower.as_bytes()[3], b'>' | b' ') {
            return Some(LineKind::Heading(level, inner("</h")));
        }
    }
    if lower.starts_with("<li") && matches!(lower.as_bytes()[3], b'>' | b' ') {
        return Some(LineKind::Item(0, inner("</li")));
    }
    None
}

/// `text` with every `<…>` tag removed.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn marks_come_off_as_the_standard_library_takes_them(s in "[>#a 中]{0,8}") {
            proptest::prop_assert_eq!(after_marks(&s, b'>'), s.trim_start_matches('>'));
            proptest::prop_assert_eq!(before_marks(&s, b'#'), s.trim_end_matches('#'));
        }
    }

    #[test]
    fn rules_are_three_of_one_mark_and_spaces() {
        for rule in ["---", "***", "___", "- - -", " * * * ", "-----", "_ _ _ _"] {
            assert!(is_rule(rule), "{rule}");
        }
        for not in [
            "--",
            "- item",
            "***bold***",
            "-*-",
            "",
            "  ",
            "-- x",
            "===",
            "* * *x",
        ] {
            assert!(!is_rule(not), "{not}");
        }
    }

    fn kinds(text: &str) -> Vec<LineKind<'_>> {
        classify(text, 1).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn classifies_each_shape() {
        use LineKind::*;
        assert_eq!(
            kinds(
                "## Title ##\n- item\n  * sub\n1. one\n12) two\n| a | b |\n|---|---|\n---\n<details>\n<summary>Details</summary>\n**bold** text\n> **TL;DR:** x\n\n```\n# not a heading\n```\n#hashtag"
            ),
            vec![
                Heading(2, "Title"),
                Item(0, "item"),
                Item(1, "sub"),
                Item(0, "one"),
                Item(0, "two"),
                Row("| a | b |"),
                TableRule,
                Rule,
                Html("<details>"),
                Html("<summary>Details</summary>"),
                Text("**bold** text"),
                Text("**TL;DR:** x"),
                Blank,
                Code("```"),
                Code("# not a heading"),
                Code("```"),
                Text("#hashtag"),
            ]
        );
    }

    #[test]
    fn emphasis_is_not_an_item() {
        assert_eq!(
            kinds("*Ann Lee, Bo Chen*"),
            vec![LineKind::Text("*Ann Lee, Bo Chen*")]
        );
        assert_eq!(kinds("**Title**"), vec![LineKind::Text("**Title**")]);
        assert_eq!(
            kinds("2025.07 was a month"),
            vec![LineKind::Text("2025.07 was a month")]
        );
    }
}
