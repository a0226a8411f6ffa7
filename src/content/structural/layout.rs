//! Which lines start a paper: the layout of a file, found from the file itself.
//!
//! Every line that could open an entry (a heading of some level, a list item of some
//! depth, a bold or linked first line of a paragraph, a `Title:` line, a table row) is
//! a candidate of its *unit*. For each unit the file is cut into segments, one per
//! candidate, and each segment's paper identifiers are counted where an entry keeps its
//! own: in the title line, in a line labelled as a link, behind a link that says `arXiv`
//! or `PDF`. The coarsest unit whose segments mostly hold exactly one paper is the
//! entry: a heading that holds a whole note beats the bullets inside it, and a
//! category heading that holds twenty papers loses to the headings under it.

use ahash::AHashSet as HashSet;

use super::anchors::{anchors_a_title, is_other_address, strong_refs};
use super::ids::{self, PaperRef};
use super::key_set::KeySet;
use super::labels::{self, Role};
use super::lines::{Line, LineKind};
use super::numbering::{number_of, strip_number};

/// What kind of line opens an entry, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Heading(u8),
    /// A `Title:` line (bold or plain label, or a list item holding one).
    TitleLabel,
    /// A paragraph whose first line is bold or a link.
    Para,
    Item(u8),
    Row,
}

/// One candidate entry: lines `start..end` of the line list, opened by `start`.
#[derive(Debug, Clone)]
pub struct Segment<'s> {
    pub start: usize,
    pub end: usize,
    /// The paper the entry is about, when it has one: a mention the scan found.
    pub anchor: Option<&'s PaperRef>,
}

/// The unit of `lines[i]`, if it can open an entry; `refs` are the mentions of each
/// line, found once by [`Scan::new`].
fn unit_of(lines: &[Line<'_>], refs: &[Vec<PaperRef>], i: usize) -> Option<Unit> {
    let line = &lines[i];
    match line.kind {
        // A heading that names a day holds that day's papers; it is no paper's.
        // A heading that names a field (`## Summary`, `## Abstract`) is a part of
        // something, never a paper's title.
        LineKind::Heading(level, text) => {
            // A heading that names a paper opens an entry, dated or not.
            let named = !refs[i].is_empty();
            let opens = named
                || (crate::content::date_text::find_date(text).is_none()
                    || title_with_date(text).is_some()
                    || numbered_title_with_date(text)
                    || over_authors_line(lines, i))
                    && labels::known_role(labels::strip_ornaments(strip_number(text))).is_none();
            opens.then_some(Unit::Heading(level))
        }
        LineKind::Item(depth, text) => match line.label {
            Some(label) if label.role == Some(Role::Title) => Some(Unit::TitleLabel),
            Some(_) => None,
            // A table of contents' item (`- [Title](#paper-1)`) points at an entry.
            None if links_only_within(text) => None,
            None => Some(Unit::Item(depth)),
        },
        LineKind::Text(text) => {
            if let Some(label) = line.label {
                return (label.role == Some(Role::Title)).then_some(Unit::TitleLabel);
            }
            let starts_paragraph = i == 0
                || matches!(
                    lines[i - 1].kind,
                    LineKind::Blank | LineKind::Heading(..) | LineKind::Rule | LineKind::Html(_)
                );
            (starts_paragraph
                && (opens_like_a_title(text) || plain_title_over_link(lines, refs, i)))
            .then_some(Unit::Para)
        }
        // Rows are settled by `units`, which knows whether a table's rule came first.
        LineKind::Row(_) => None,
        _ => None,
    }
}

/// A title stamped with a date in brackets at its end (`🎓 Quiet Lasers for Small
/// Labs (2025-06-18)`, the paper's arXiv date): the title without the stamp. A day's
/// heading (`Papers (2025-06-18)`, `Daily Digest [2025-06-18]`) has fewer than three
/// words beside its date.
pub fn title_with_date(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let close = t
        .chars()
        .next_back()
        .filter(|c| matches!(c, ')' | '）' | ']'))?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        _ => '[',
    };
    let at = t.rfind(open)?;
    let stamp = &t[at + open.len_utf8()..t.len() - close.len_utf8()];
    let title = t[..at].trim_end();
    let stamp_is_date = crate::content::date_text::find_date(stamp).is_some()
        && !stamp.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let words = labels::strip_ornaments(title).split_whitespace().count();
    (stamp_is_date && stamp.len() <= 20 && words >= 3).then_some(title)
}

/// A numbered heading of six words or more that holds a date (`12. A Workshop on
/// Tides, May 1, 2026, Bergen`, `7. Bursts of FRB 20240114A Seen Twice`): a paper's
/// title, one of a numbered list. A day's heading is a few words beside its date and
/// seldom numbered.
fn numbered_title_with_date(text: &str) -> bool {
    let t = labels::strip_ornaments(text);
    super::name_split::numbered(t) && t.split_whitespace().count() >= 6
}

/// A heading right over a labelled authors line (`# A Workshop on Tides, May 1, 2026`
/// / `**Authors**: …`): a paper's title, whatever date it holds. A day's heading is
/// over papers, never over names.
fn over_authors_line(lines: &[Line<'_>], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(2)
        .any(|l| {
            l.label
                .is_some_and(|label| label.role == Some(Role::Authors))
        })
}

/// A paragraph line that reads as a title: bold (not a label), or a link with a title's
/// text, possibly numbered.
fn opens_like_a_title(text: &str) -> bool {
    let t = labels::strip_ornaments(text);
    let t = strip_number(t);
    if t.starts_with("**") || t.starts_with("__") {
        return labels::labelled(t).is_none() && !bold_field_name(t);
    }
    // A title in HTML bold (`<strong>Title</strong> - Ann Lee`, from a `<summary>`).
    if t.starts_with('<')
        && let Some((bold, _)) = super::title::html_bold(t)
    {
        let bold = bold.trim();
        return !bold.ends_with([':', '：']) && labels::known_role(bold).is_none();
    }
    if t.starts_with('[') {
        return ids::find(t).first().is_some_and(|r| {
            r.start == 0
                && r.link_text
                    .as_deref()
                    .is_some_and(|x| !labels::is_generic_link_text(x))
        });
    }
    false
}

/// A line that is only a field's name in bold (`**Summary**`, `__Abstract__`), over the
/// paragraph that holds the field: part of an entry, not a paper's title.
fn bold_field_name(text: &str) -> bool {
    let t = text.trim_end();
    let inner = ["**", "__"].iter().find_map(|m| {
        t.strip_prefix(m)
            .and_then(|r| r.strip_suffix(m))
            .filter(|inner| !inner.contains(m))
    });
    inner.is_some_and(|inner| {
        let name = inner.trim().trim_end_matches([':', '：']).trim_end();
        labels::known_role(labels::strip_ornaments(name)).is_some()
    })
}

/// A plain first line of a paragraph whose next lines link the paper (`Title` / `Ann
/// Lee, Bo Chen` / `https://arxiv.org/abs/…`), as plain-text digests write entries: a
/// short line, not a sentence, with no paper link of its own.
fn plain_title_over_link(lines: &[Line<'_>], refs: &[Vec<PaperRef>], i: usize) -> bool {
    let text = lines[i].text();
    if !refs[i].is_empty() || text.ends_with(['.', '。', ':', '：']) || text.chars().count() > 250
    {
        return false;
    }
    lines[i + 1..]
        .iter()
        .zip(&refs[i + 1..])
        .take(4)
        .take_while(|(l, _)| matches!(l.kind, LineKind::Text(_) | LineKind::Item(..)))
        .any(|(l, line_refs)| {
            let t = l.text();
            let link_line = l.label.is_some_and(|label| label.role == Some(Role::Link));
            let bare_url = t.starts_with("http") && !t.contains(char::is_whitespace);
            (link_line || bare_url) && !line_refs.is_empty()
        })
}

/// Whether `lines[j]` ends a segment of `unit` opened earlier; `floor` is the level of
/// the last heading above the segment (0 for none). A heading inside a `<details>`
/// block that opens no entry is the folded text's outline: it ends none.
fn ends(unit: Unit, scan: &Scan<'_, '_>, j: usize, floor: u8) -> bool {
    let (lines, units) = (scan.lines, &scan.units[..]);
    match (unit, lines[j].kind) {
        (Unit::Heading(_), LineKind::Heading(..)) if scan.folded[j] && units[j].is_none() => false,
        (Unit::Heading(level), LineKind::Heading(l, _)) => l <= level,
        (Unit::Heading(_), _) => false,
        // A deep heading that names a field (`#### Abstract` under a bold title) is a
        // part of the entry above it. One a level under the headings above the entries
        // (`### Summary` at the end of a digest whose title is `##`) is the digest's.
        (_, LineKind::Heading(l, text)) => !(l >= 3 && l > floor + 1 && names_a_field(text)),
        // A labelled item at the entry's depth (`- **Authors:** …`) is one of its fields.
        (Unit::Item(depth), LineKind::Item(d, _)) => {
            d < depth || (d == depth && units[j].is_some())
        }
        (Unit::Item(_), _) => units[j] == Some(Unit::TitleLabel) || units[j] == Some(Unit::Para),
        (Unit::Row, LineKind::Row(_)) => true,
        (Unit::Row, kind) => !matches!(kind, LineKind::Text(_)),
        (u, _) => units[j] == Some(u),
    }
}

/// Whether every link of a line points into its own page (`[Title](#paper-1)`), and
/// there is one.
fn links_only_within(text: &str) -> bool {
    text.contains("](#") && !text.contains("](http") && !text.contains("://")
}

/// Whether a line is a field's name over a list: a label with no value (`**Key
/// contributions**:`), or a few words ending in a colon (`Key contributions:`).
fn names_a_list(line: &Line<'_>, refs: &[PaperRef]) -> bool {
    if !refs.is_empty() {
        return false;
    }
    if let Some(label) = line.label {
        return label.value.trim().is_empty() && label.role != Some(Role::Title);
    }
    let LineKind::Text(text) = line.kind else {
        return false;
    };
    let t = text.trim_end();
    t.ends_with([':', '：']) && t.split_whitespace().count() <= 4
}

/// Whether a heading's text is a field's name (`Abstract`, `🔑 TL;DR`, `2. 方法`).
fn names_a_field(text: &str) -> bool {
    labels::known_role(labels::strip_ornaments(strip_number(text)))
        .is_some_and(|r| r != Role::Title)
}

/// Statistics of one unit over the lines.
struct Fit<'s> {
    segments: Vec<Segment<'s>>,
    anchored: usize,
    clean: usize,
}

/// What every unit's fit needs of each line, worked out once.
pub struct Scan<'l, 'a> {
    pub lines: &'l [Line<'a>],
    pub units: Vec<Option<Unit>>,
    /// Every mention in the line.
    pub refs: Vec<Vec<PaperRef>>,
    /// The mentions that count for an entry the line does not open, as indices into
    /// the line's `refs`.
    pub strong: Vec<Vec<usize>>,
    /// Whether the line is inside a `<details>` block.
    pub folded: Vec<bool>,
    /// The headings' lines, in order: what a numbered series is looked for in, without
    /// going over the rest of a long file again.
    pub headings: Vec<usize>,
}

impl<'l, 'a> Scan<'l, 'a> {
    pub fn new(lines: &'l [Line<'a>]) -> Self {
        let refs: Vec<Vec<PaperRef>> = lines
            .iter()
            .map(|l| {
                if l.may_name_paper {
                    ids::find(l.text())
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut units: Vec<Option<Unit>> = Vec::with_capacity(lines.len());
        let mut in_table = false;
        // A list under a field's name with no value of its own (`**Key
        // contributions**:` over `1. …` items), inside an entry, is that field's text:
        // its items open no entry unless they name a paper. Holds from the name to the
        // list's end. Before any entry (`Today's papers:` over the list of them) it is
        // no field's.
        let mut field_list = false;
        let mut in_entry = false;
        // How many `<details>` blocks the line is in.
        let mut depth = 0usize;
        let mut folded = Vec::with_capacity(lines.len());
        let mut headings = Vec::new();
        for i in 0..lines.len() {
            let line = &lines[i];
            let (opened, closed) = details_tags(line);
            let inside = depth > 0;
            folded.push(inside);
            depth = (depth + opened).saturating_sub(closed);
            match line.kind {
                LineKind::Blank => {}
                // A bold item (`2. **Next Title**`) reads as a title, not as a line of
                // the list above it.
                LineKind::Item(_, text) => {
                    if field_list {
                        field_list = !opens_like_a_title(text);
                    }
                }
                LineKind::Heading(..) => {
                    field_list = false;
                    in_entry = false;
                    headings.push(i);
                }
                _ => field_list = in_entry && names_a_list(line, &refs[i]),
            }
            let unit = match line.kind {
                LineKind::TableRule => {
                    in_table = true;
                    None
                }
                LineKind::Row(_) if in_table => Some(Unit::Row),
                LineKind::Row(_) | LineKind::Text(_) if in_table => None,
                // A folded text's own outline (an LLM's summary of one paper under
                // `# 论文总结`, `## 1. 主要贡献`, `### 解决了什么问题`) is inside its
                // paper's entry: its headings open none unless they name a paper.
                LineKind::Heading(..) if inside && refs[i].is_empty() => {
                    in_table = false;
                    None
                }
                LineKind::Item(..) if field_list && refs[i].is_empty() => {
                    in_table = false;
                    None
                }
                _ => {
                    in_table = false;
                    unit_of(lines, &refs, i)
                }
            };
            in_entry |= unit.is_some();
            units.push(unit);
        }
        // Most lines name no paper: theirs is decided here, without a call.
        let strong = lines
            .iter()
            .zip(&refs)
            .map(|(l, r)| {
                if r.is_empty() {
                    Vec::new()
                } else {
                    strong_refs(l, r)
                }
            })
            .collect();
        Scan {
            lines,
            units,
            refs,
            strong,
            folded,
            headings,
        }
    }
}

/// Whether every anchored segment of a fit opens on a line that reads as a title.
fn opened_by_titles(f: &Fit<'_>, scan: &Scan<'_, '_>) -> bool {
    f.segments.iter().filter(|s| s.anchor.is_some()).all(|s| {
        let line = &scan.lines[s.start];
        match line.kind {
            LineKind::Item(_, text) => {
                scan.units[s.start] == Some(Unit::TitleLabel) || opens_like_a_title(text)
            }
            _ => true,
        }
    })
}

impl<'s> Fit<'s> {
    /// The papers the segments are about.
    fn papers(&self) -> HashSet<&'s str> {
        self.segments
            .iter()
            .filter_map(|s| s.anchor.map(PaperRef::key))
            .collect()
    }
}

/// How many `<details>` blocks a line of HTML opens and closes.
///
/// Asked of every line by the layout scan, the entries and the sections: most hold no
/// tag, as classifying the line found, which is answered here without a call.
#[inline]
pub(super) fn details_tags(line: &Line<'_>) -> (usize, usize) {
    if !line.may_fold {
        return (0, 0);
    }
    counted_details_tags(line)
}

/// [`details_tags`] of a line that may hold a tag.
fn counted_details_tags(line: &Line<'_>) -> (usize, usize) {
    let t = match line.kind {
        LineKind::Html(t) | LineKind::Text(t) => t,
        _ => return (0, 0),
    };
    let lower = t.to_ascii_lowercase();
    (
        lower.matches("<details").count(),
        lower.matches("</details").count(),
    )
}

fn fit<'s>(unit: Unit, scan: &'s Scan<'_, '_>) -> Fit<'s> {
    let (lines, units) = (scan.lines, &scan.units[..]);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| units[i] == Some(unit))
        .collect();
    let mut segments = Vec::with_capacity(starts.len());
    let (mut anchored, mut clean) = (0, 0);
    // Cleared for each segment, not allocated again.
    let mut head_keys = KeySet::new();
    let mut keys = KeySet::new();
    // The level of the last heading above each start, found in one pass.
    let mut floor = 0u8;
    let mut seen = 0usize;
    for &start in &starts {
        if !matches!(unit, Unit::Heading(_)) {
            for line in &lines[seen..start] {
                if let LineKind::Heading(l, text) = line.kind
                    && !names_a_field(text)
                {
                    floor = l;
                }
            }
            seen = start;
        }
        let mut end = start + 1;
        while end < lines.len() && !ends(unit, scan, end, floor) {
            end += 1;
        }
        let title_ref = scan.refs[start]
            .first()
            .filter(|r| anchors_a_title(lines[start].text(), r));
        // The head (up to the first sub-heading) names the entry's own paper; a
        // "Related" section further down may name others.
        head_keys.clear();
        keys.clear();
        let mut first_strong: Option<&PaperRef> = None;
        let mut in_head = true;
        // A paper first named under a deeper heading that is no field label (`#### [new
        // 001] Title` under `## New`) is that heading's: this segment only holds it.
        let mut holds_entries = false;
        // Whether the first sub-heading, no field's name, opens entries of a finer kind;
        // not when the sub-headings before the first paper is named count on from one
        // (`### 1. Main work`, `### 2. Highlights`, … `### 4. Scores` over a closing link
        // to the paper): those are the entry's own numbered sections. A numbered series
        // of papers gives each its own number under its heading.
        let mut sub_heading_opens_entries = false;
        let mut sections_before_paper = 0u32;
        let mut counts_on = true;
        // Whether a heading or the start of a finer entry came after the first paper:
        // a DOI past it is no longer beside that paper's link.
        let mut parted = false;
        for (((line, strong), refs_here), unit_here) in lines[start + 1..end]
            .iter()
            .zip(&scan.strong[start + 1..end])
            .zip(&scan.refs[start + 1..end])
            .zip(&units[start + 1..end])
        {
            // The first paper met is a table row's, or a list item's or paragraph's
            // own title: an entry of a finer kind, which this segment holds.
            if first_strong.is_none()
                && let Some(&first) = strong.first()
            {
                // A bold title before a link with a generic text (`- **Title** - Ann
                // Lee - [2025-08-28](…)`) titles the item as a title link does.
                let titled = || {
                    refs_here[first]
                        .link_text
                        .as_deref()
                        .is_none_or(|t| !labels::is_generic_link_text(t))
                        || matches!(line.kind, LineKind::Item(_, t)
                            if strip_number(labels::strip_ornaments(t)).starts_with("**"))
                };
                holds_entries |= matches!(unit_here, Some(Unit::Row))
                    || matches!(unit_here, Some(Unit::Item(_) | Unit::Para)) && titled();
            }
            // A card that links its paper's note (`<a href="a-paper/">Title</a>`) before
            // the paper's own link: the paper is the note's, this is an index.
            if first_strong.is_none()
                && strong.is_empty()
                && super::note_links::links_a_note(line.text())
            {
                holds_entries = true;
            }
            if first_strong.is_some()
                && (unit_here.is_some() || matches!(line.kind, LineKind::Heading(..)))
            {
                parted = true;
            }
            if let LineKind::Heading(_, text) = line.kind {
                if in_head && head_keys.is_empty() && first_strong.is_none() {
                    sub_heading_opens_entries =
                        labels::known_role(labels::strip_ornaments(strip_number(text))).is_none();
                }
                if first_strong.is_none() && strong.is_empty() {
                    sections_before_paper += 1;
                    counts_on &= number_of(text) == Some(sections_before_paper);
                }
                // The entry's own fields (`#### TL;DR`, `## Abstract`) are still its
                // head; another section (`## Related`) is not.
                in_head &= names_a_field(text);
            }
            for r in strong.iter().map(|&k| &refs_here[k]) {
                // A DOI or OpenReview link beside an arXiv link (on its line or a field
                // line after it) is the same paper's; one under another heading or
                // opening an item of its own (a journal paper listed among arXiv ones)
                // is not.
                if is_other_address(r)
                    && !parted
                    && first_strong.is_some_and(|f| !is_other_address(f))
                {
                    continue;
                }
                if in_head && !is_other_address(r) && first_strong.is_some_and(is_other_address) {
                    // The other address came first: the arXiv link names the same paper.
                    if let Some(other) = first_strong {
                        keys.remove(other.key());
                        head_keys.remove(other.key());
                    }
                    first_strong = None;
                }
                keys.insert(r.key());
                if in_head {
                    head_keys.insert(r.key());
                }
                if first_strong.is_none()
                    || in_head
                        && head_keys.len() == 1
                        && !first_strong.is_some_and(|f| head_keys.contains(f.key()))
                {
                    first_strong = Some(r);
                    parted = false;
                }
            }
            if keys.len() > 1 && head_keys.len() != 1 || !in_head && head_keys.len() == 1 {
                break;
            }
        }
        holds_entries |= sub_heading_opens_entries && !(counts_on && sections_before_paper >= 2);
        // A heading over titled items of two or more papers (`### Also today` above
        // `- **[4] Title** — … URL` bullets) is a group, not a paper: its items are
        // entries of a finer kind, read in a later round.
        // So is a heading that names no paper before its first sub-heading, when the
        // sub-headings open entries and name two or more (`## 🤖 Speech` over `### [1]
        // Title` headings with their ids below).
        let group = title_ref.is_none()
            && holds_entries
            && (head_keys.len() > 1 || head_keys.is_empty() && keys.len() > 1);
        let anchor = title_ref.or(first_strong).filter(|_| !group);
        if anchor.is_some() {
            anchored += 1;
            if title_ref.is_some() || (head_keys.len() == 1 || keys.len() <= 1) && !holds_entries {
                clean += 1;
            }
        }
        segments.push(Segment { start, end, anchor });
    }
    Fit {
        segments,
        anchored,
        clean,
    }
}

/// The entry unit of `lines` and its segments: the coarsest unit whose anchored
/// segments are mostly about one paper each. `None` when no unit anchors a paper.
pub fn choose<'s>(scan: &'s Scan<'_, '_>) -> Option<(Unit, Vec<Segment<'s>>)> {
    let mut present: Vec<Unit> = scan
        .units
        .iter()
        .flatten()
        .copied()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    present.sort();
    let qualifies = |f: &Fit<'_>| {
        f.clean >= 1 && f.clean * 2 >= f.anchored && f.anchored * 4 >= f.segments.len()
    };
    for (at, &unit) in present.iter().enumerate() {
        let f = fit(unit, scan);
        // Headings of a level that hold no paper each may still be a numbered series
        // of papers, with sections beside and above them; where every paper has its
        // own heading, the series is the entry when the headings between the papers
        // are sections the papers share, which would otherwise cut the papers short.
        if let Unit::Heading(level) = unit
            && (!qualifies(&f)
                || super::series::papers_share_sections(
                    scan,
                    level,
                    f.segments
                        .iter()
                        .filter(|s| s.anchor.is_some())
                        .map(|s| s.start),
                ))
            && let Some(series) = super::series::segments(scan, level)
            && (!qualifies(&f) || series.sectioned)
        {
            let mut segments = series.segments;
            end_before_footer(scan, &mut segments);
            return Some((unit, segments));
        }
        if !qualifies(&f) {
            continue;
        }
        // Some segments hold two papers or more: the unit is a category's heading over
        // entries of a finer kind (`## Vision` over `**Title**` paragraphs) when a finer
        // unit reads every paper this one reads, and more, one to an entry, each opened
        // by a line that reads as a title (not `- retweets: 812` over a tweet that links
        // another paper).
        if f.clean < f.anchored {
            let coarse = f.papers();
            for &finer in &present[at + 1..] {
                let g = fit(finer, scan);
                if qualifies(&g) && g.clean == g.anchored && opened_by_titles(&g, scan) {
                    let fine = g.papers();
                    if fine.len() > coarse.len() && coarse.is_subset(&fine) {
                        let mut segments = g.segments;
                        end_before_footer(scan, &mut segments);
                        return Some((finer, segments));
                    }
                }
            }
        }
        let mut segments = f.segments;
        end_before_footer(scan, &mut segments);
        return Some((unit, segments));
    }
    None
}

/// Ends the last entry at a thematic break that closes the file's entries: what follows
/// it (`---` over `*Generated automatically.*`) is the digest's footer, not the last
/// paper's text. Only in a file of several entries none of which holds text after a
/// break of its own (a bot may write `---` between a paper's head and its summary), and
/// only for a short footer: at most three lines of plain text that name no paper and no
/// field.
fn end_before_footer(scan: &Scan<'_, '_>, segments: &mut [Segment<'_>]) {
    let lines = scan.lines;
    // The last break inside a segment with text after it, in the segment.
    let break_before_text = |seg: &Segment<'_>| {
        let at = (seg.start + 1..seg.end)
            .rev()
            .find(|&i| lines[i].kind == LineKind::Rule)?;
        lines[at + 1..seg.end]
            .iter()
            .any(|l| l.kind != LineKind::Blank)
            .then_some(at)
    };
    let Some((last, others)) = segments.split_last_mut() else {
        return;
    };
    if others.is_empty() || others.iter().any(|s| break_before_text(s).is_some()) {
        return;
    }
    let Some(at) = break_before_text(last) else {
        return;
    };
    let tail: Vec<usize> = (at + 1..last.end)
        .filter(|&i| lines[i].kind != LineKind::Blank)
        .collect();
    let footer = tail.len() <= 3
        && tail.iter().all(|&i| {
            scan.refs[i].is_empty()
                && lines[i].label.is_none()
                && matches!(lines[i].kind, LineKind::Text(_) | LineKind::Comment)
        });
    if footer {
        last.end = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::structural::lines::classify;

    fn unit(text: &str) -> Option<Unit> {
        let lines = classify(text, 1);
        choose(&Scan::new(&lines)).map(|(u, _)| u)
    }

    #[test]
    fn coarsest_unit_with_one_paper_each() {
        let cats = "# Daily\n## cs.CV\n### 1. [A](https://arxiv.org/abs/2601.00001)\ntext\n### 2. [B](https://arxiv.org/abs/2601.00002)\n## cs.RO\n### 3. [C](https://arxiv.org/abs/2601.00003)\n";
        assert_eq!(unit(cats), Some(Unit::Heading(3)));
        let note = "# A Note Title\n\n**arXiv**: [2601.00001](https://arxiv.org/abs/2601.00001)\n\n## Related\n- [Other](https://arxiv.org/abs/2601.00009)\n- [Another Paper](https://arxiv.org/abs/2601.00008)\n";
        assert_eq!(unit(note), Some(Unit::Heading(1)));
        let bullets = "## cs.CV\n- [A](https://arxiv.org/abs/2601.00001) Ann Lee\n  - summary\n- [B](https://arxiv.org/abs/2601.00002)\n";
        assert_eq!(unit(bullets), Some(Unit::Item(0)));
        let labelled = "## Today\nTitle: A\nAuthors: X\nURL: https://arxiv.org/abs/2601.00001\n\nTitle: B\nURL: https://arxiv.org/abs/2601.00002\n";
        assert_eq!(unit(labelled), Some(Unit::TitleLabel));
        let paras = "# Day\n\n**A Title**\nAnn Lee\n[arXiv](https://arxiv.org/abs/2601.00001)\n\n**B Title**\n[PDF](https://arxiv.org/pdf/2601.00002)\n";
        assert_eq!(unit(paras), Some(Unit::Para));
        let table = "| Paper | Link |\n|---|---|\n| A | [arXiv](https://arxiv.org/abs/2601.00001) |\n| B | [arXiv](https://arxiv.org/abs/2601.00002) |\n";
        assert_eq!(unit(table), Some(Unit::Row));
        assert_eq!(unit("# Notes\n\nNothing to read.\n"), None);
        // A folded summary's own headings are the paper's text, not entries.
        let mut folded = String::from("# Bot\n## Recent\n");
        for n in 1..=3 {
            folded.push_str(&format!("### {n}. [P{n}](https://arxiv.org/abs/2601.0000{n})\n**Authors**: Ann Lee\n<details>\n<summary>Summary</summary>\n\n# Summary of P{n}\n## 1. Goals\n### What\n### How\n### Why\n## 2. Results\n### Data\n\n</details>\n\n"));
        }
        assert_eq!(unit(&folded), Some(Unit::Heading(3)));
    }

    #[test]
    fn titles_stamped_with_a_date() {
        assert_eq!(
            title_with_date("🎓 Quiet Lasers for Small Labs (2025-06-18)"),
            Some("🎓 Quiet Lasers for Small Labs")
        );
        assert_eq!(title_with_date("Papers (2025-06-18)"), None);
        assert_eq!(title_with_date("Daily Digest [2025-06-18]"), None);
        assert_eq!(title_with_date("Quiet Lasers for Small Labs"), None);
        assert_eq!(title_with_date("Quiet Lasers for Labs (v2)"), None);
        let note = "## 🎓 Quiet Lasers for Small Labs (2025-06-18)\n\n- 🇬🇧 Lasers can be quiet.\n- 🔗 [http://arxiv.org/abs/2506.15684v1](http://arxiv.org/abs/2506.15684v1)\n";
        assert_eq!(unit(note), Some(Unit::Heading(2)));
    }

    #[test]
    fn numbered_titles_holding_a_date() {
        assert!(numbered_title_with_date(
            "12. A Workshop on Tides, April 27--May 1, 2026, Bergen"
        ));
        assert!(numbered_title_with_date(
            "7. Twin Drifts in the Bursts of FRB 20240114A Seen Twice"
        ));
        assert!(!numbered_title_with_date("3. Papers of 2025-06-18"));
        assert!(!numbered_title_with_date(
            "A Workshop on Tides, April 27--May 1, 2026, Bergen"
        ));
        let note = "## 12. A Workshop on Tides, April 27--May 1, 2026, Bergen\n- **URL**: [https://arxiv.org/abs/2602.15531](https://arxiv.org/abs/2602.15531)\n";
        assert_eq!(unit(note), Some(Unit::Heading(2)));
    }
}
