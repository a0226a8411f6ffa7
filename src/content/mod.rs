//! Reading `content/`: finding digest files, decoding them, and parsing each with the
//! parser for its format.
//!
//! The output is a list of [`Digest`]s, one per file, holding the entries exactly as the
//! file states them (with line numbers). Joining entries into papers and days is the
//! model's job, so each parser stays a pure function of one file's text.

pub mod arxiv;
mod bot_words;
mod cjk_strong;
pub mod code_link;
pub mod date_text;
mod decode;
pub mod feed_dump;
mod finish;
pub mod front_matter;
pub mod index_dates;
mod line_split;
pub mod lint;
pub mod list;
mod marks;
pub mod markup;
mod markup_bytes;
mod markup_label;
mod markup_text;
mod math;
mod math_text;
pub mod native;
mod read_text;
pub mod structural;
pub mod table;
mod tex_text;
mod title_math;
mod trim;
mod unread;
pub mod web_url;
mod wikilinks;
pub mod window_date;
pub mod words;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind, UnreadPaper};
pub use decode::{decode, is_forbidden_char, may_start_forbidden_char};
pub use front_matter::{FrontMatter, PaperOverride};
pub use markup::Markup;

/// Which syntax an entry was written in; decides whose fields win when entries merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Table,
    FeedDump,
    /// One heading per paper (the daily-arXiv-ai-enhanced family).
    List,
    /// papertrail's own hand-written format.
    Native,
    /// Any other layout, read by its structure ([`structural`]).
    Structural,
}

/// One item of a digest: a paper when it has an arXiv id, otherwise a plain link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub format: Format,
    /// Plain text, whitespace collapsed.
    pub title: String,
    pub arxiv_id: Option<String>,
    /// The item's own link when it is not a paper (a blog post), or the first link given.
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// The long summary (table digests).
    pub summary: Option<Markup>,
    /// The one-sentence gist (feed dumps, before "AI-generated summary").
    pub gist: Option<Markup>,
    /// The paper's abstract (feed dumps, after "AI-generated summary").
    pub abstract_: Option<Markup>,
    /// Tags the file states for this entry (the `Category` column).
    pub tags: Vec<String>,
    /// The paper's code or project page as the entry labels it (a `Code` column, a
    /// `Code:` line, a `[GitHub](…)` link); see [`code_link`].
    pub code: Option<String>,
}

impl Entry {
    /// An entry of `format` on `line` titled `title`, with no field yet.
    pub fn new(line: usize, format: Format, title: String) -> Entry {
        Entry {
            line,
            format,
            title,
            arxiv_id: None,
            url: None,
            authors: Vec::new(),
            summary: None,
            gist: None,
            abstract_: None,
            tags: Vec::new(),
            code: None,
        }
    }
}

/// A run of entries under one date: a `## Papers for DATE` section, or the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The date in the section's heading, if it has one.
    pub date: Option<NaiveDate>,
    /// Line of the heading, or of the first entry when there is no heading.
    pub line: usize,
    pub entries: Vec<Entry>,
    /// Whether `date` is the papers' own date line (`Published: 2026-04-21`) rather
    /// than a heading's: used only when neither front matter nor the path dates the
    /// file, and then with a `stamped-date` warning.
    pub stamped: bool,
}

/// One digest file, parsed.
#[derive(Debug, Clone)]
pub struct Digest {
    /// Path as shown to the user (root joined with the path under it).
    pub path: PathBuf,
    pub front: FrontMatter,
    /// Line of `date` in the front matter, for diagnostics.
    pub front_date_line: usize,
    /// The day the file's path names (a file name or folder), or failing that, its
    /// YAML front matter's `date`.
    pub file_date: Option<NaiveDate>,
    pub sections: Vec<Section>,
    /// The notes this file links under dated headings, when it reads as no paper's
    /// entry itself: an index of notes (see [`index_dates`]).
    pub note_links: Vec<structural::DatedNoteLink>,
    /// The day an index of notes lists this file under, when nothing else dates it; set
    /// by [`index_dates::apply`] over all files.
    pub index_date: Option<NaiveDate>,
}

/// Choices that change what parsers produce.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions {
    /// Remove LLM preambles ("Here's a summary of …") from summaries.
    pub strip_preambles: bool,
    /// Remove a chatbot's trailing "Follow-up questions: …" from summaries.
    pub strip_follow_ups: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            strip_preambles: true,
            strip_follow_ups: true,
        }
    }
}

impl ParseOptions {
    /// The parse options a site's config asks for.
    pub fn from_config(config: &crate::config::Config) -> Self {
        ParseOptions {
            strip_preambles: config.strip_preambles,
            strip_follow_ups: config.strip_follow_ups,
        }
    }
}

/// Every digest under `content_dir` (less what `ignored` matches), in path order, and
/// every problem found.
pub fn load(
    content_dir: &Path,
    ignored: &globset::GlobSet,
    opts: &ParseOptions,
) -> (Vec<Digest>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let paths = match discover(content_dir, ignored) {
        Ok(paths) => paths,
        Err(d) => {
            diagnostics.push(d);
            return (Vec::new(), diagnostics);
        }
    };
    let results: Vec<(Option<Digest>, Diagnostics)> = paths
        .par_iter()
        .map(|path| read_digest(path, opts))
        .collect();
    let mut digests = Vec::with_capacity(results.len());
    for (digest, diags) in results {
        diagnostics.extend(diags);
        digests.extend(digest);
    }
    index_dates::apply(&mut digests);
    (digests, diagnostics)
}

/// Digest files under `dir`: `.md`, `.markdown` and `.txt`, skipping hidden entries,
/// a note's `.txt` twin ([`is_note_source`]), the files and folders `ignored` matches (paths relative to `dir`, see
/// [`is_ignored`]) and sites papertrail built there. Sorted, so that everything
/// downstream is deterministic.
pub fn discover(dir: &Path, ignored: &globset::GlobSet) -> Result<Vec<PathBuf>, Diagnostic> {
    if !dir.is_dir() {
        return Err(Diagnostic::error(
            dir,
            0,
            "content folder not found (use --root to point at the site)",
        )
        .kind(Kind::Io));
    }
    let mut paths = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let skipped = || {
                e.path()
                    .strip_prefix(dir)
                    .is_ok_and(|rel| ignored.is_match(rel))
            };
            let built = || e.file_type().is_dir() && is_built_site(e.path());
            !hidden && !skipped() && !built()
        });
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Diagnostic::error(path, 0, format!("cannot read: {e}")).kind(Kind::Io)
        })?;
        if entry.file_type().is_file()
            && is_digest_name(entry.path())
            && !is_note_source(entry.path())
        {
            paths.push(entry.into_path());
        }
    }
    Ok(paths)
}

/// Whether `dir` holds a site papertrail built: its `index.html` beside the feed
/// stamps it publishes. A bot's README at the root of its repository is read with
/// `content_dir = "."`, where `public/` is inside the content folder, and its
/// `robots.txt` was read as a digest from the second build on.
fn is_built_site(dir: &Path) -> bool {
    dir.join(SITE_STAMP_FILE).is_file() && dir.join("index.html").is_file()
}

/// The file at the top of every site papertrail builds: the feed stamps it publishes
/// (`feed_state` names its file by this), which mark a built site for [`discover`].
pub const SITE_STAMP_FILE: &str = "feed-state.tsv";

/// Whether `rel` (a path relative to the content folder) or a folder holding it is
/// matched by `ignored`: what [`discover`] skips, for callers that see one path at a time.
pub fn is_ignored(rel: &Path, ignored: &globset::GlobSet) -> bool {
    rel.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| ignored.is_match(a))
}

/// Whether a file name has one of the digest extensions (`.md`, `.markdown`, `.txt`).
pub fn is_digest_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown" | "txt")
    )
}

/// Whether `path` is a `.txt` file beside a note of the same name (`a.txt` next to
/// `a.md`): the note's other form, not a digest of its own. Note bots save the text
/// of each paper they summarise next to the note (a PDF read into text, references
/// and all), and read as a digest it published the papers the paper cites as papers
/// of its day; a plain-text copy of a digest would only list its papers twice.
pub fn is_note_source(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
        && ["md", "markdown"]
            .iter()
            .any(|ext| path.with_extension(ext).is_file())
}

/// Reads and parses one file: what [`parse_bytes`] gives for its bytes.
pub fn read_digest(path: &Path, opts: &ParseOptions) -> (Option<Digest>, Diagnostics) {
    let mut diags = Diagnostics::default();
    match read_text::read_text(path, &mut diags) {
        Ok(text) => {
            let digest = text.and_then(|text| parse_digest(path, &text, opts, &mut diags));
            (digest, diags)
        }
        Err(e) => (
            None,
            Diagnostic::error(path, 0, format!("cannot read: {e}"))
                .kind(Kind::Io)
                .into(),
        ),
    }
}

/// Parses a file's bytes; `path` names it in diagnostics and may supply its date.
/// Never panics, whatever the bytes.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &ParseOptions,
) -> (Option<Digest>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let digest = decode(path, bytes, &mut diags)
        .and_then(|text| parse_digest(path, &text, opts, &mut diags));
    (digest, diags)
}

/// Parses a decoded file: front matter, then the body in whichever format it uses.
pub fn parse_digest(
    path: &Path,
    text: &str,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Digest> {
    let (front, front_date_line, body, body_line) = match front_matter::split(path, text) {
        Ok(parts) => parts,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    // Entries kept in front matter are read after the body, the page's own text (which
    // then stands before the first entry, as a digest's introduction does).
    let with_entries;
    let body = match &front.entries {
        Some(entries) => {
            with_entries = format!("{body}\n\n{entries}");
            with_entries.as_str()
        }
        None => body,
    };
    let format = match front.format.as_deref().map(Format::from_name) {
        None => detect(body),
        Some(Some(format)) => format,
        Some(None) => {
            diags.push(
                Diagnostic::error(
                    path,
                    front_matter::line_of_key(text, "format"),
                    format!(
                        "unknown format `{}`; use one of {}",
                        front.format.as_deref().unwrap_or(""),
                        Format::NAMES.join(", ")
                    ),
                )
                .kind(Kind::FrontMatter),
            );
            return None;
        }
    };
    // The file's day from outside its body, worked out once: the list and general
    // readers ask whether there is one (a heading or a paper's own date line may date a
    // file that has none). A note of a Jekyll, Hugo or Obsidian site that its path does
    // not date dates itself in YAML front matter (`date: 2026-02-19`), and those tools
    // list it on that day. Where the path names a day, a YAML `date` is often the
    // paper's own (its submission), so the path wins.
    let file_date = date_from_path(path).or_else(|| structural::yaml_front_date(body));
    let errors_before = diags.error_count();
    let dated = FileDated {
        path: file_date.is_some(),
        front: front.date.is_some(),
    };
    let mut sections = parse_as(format, path, dated, body, body_line, opts, diags);
    // A family parser that found no entry and no fault leaves the file to the general
    // reader: a layout that merely resembles the family's.
    if format != Format::Structural
        && diags.error_count() == errors_before
        && sections.iter().all(|s| s.entries.is_empty())
    {
        let mut general = Diagnostics::default();
        let found = structural::parse(
            path,
            file_date.is_some(),
            body,
            body_line,
            opts,
            &mut general,
        );
        if found.iter().any(|s| !s.entries.is_empty()) {
            sections = found;
            diags.extend(general);
        }
    }
    // A note of another tool titled only in its front matter (a Hugo page's `title`
    // over `**arXiv**: …` lines): read again under that title.
    if let Some(title) = &front.page_title
        && sections.iter().all(|s| s.entries.is_empty())
        && diags.error_count() == errors_before
    {
        let titled = format!("# {title}\n{body}");
        let mut general = Diagnostics::default();
        let found = structural::parse(
            path,
            file_date.is_some(),
            &titled,
            body_line.saturating_sub(1).max(1),
            opts,
            &mut general,
        );
        if found.iter().any(|s| !s.entries.is_empty()) {
            sections = found;
            diags.extend(general);
        }
    }
    finish::drop_nameless_authors(&mut sections);
    finish::report_unconverted_math(path, &sections, diags);
    // A file whose entries could not be read says so in its errors already.
    if diags.error_count() == errors_before {
        report_empty(path, &front, &sections, body, body_line, diags);
        // The general reader reports the papers it passed over itself, in a file of
        // its own and beside a table of papers.
        if sections
            .iter()
            .flat_map(|s| &s.entries)
            .all(|e| e.format != Format::Structural)
        {
            unread::report(path, body, body_line, &sections, diags);
        }
    }
    // A file that gives no paper of its own may be an index that dates its notes.
    let note_links = if sections.iter().all(|s| s.entries.is_empty()) {
        structural::dated_note_links(body, body_line)
    } else {
        Vec::new()
    };
    Some(Digest {
        path: path.to_path_buf(),
        front,
        front_date_line,
        file_date,
        sections,
        note_links,
        index_date: None,
    })
}

/// Where a file's day is named outside its body.
#[derive(Clone, Copy)]
struct FileDated {
    /// The file's path (or YAML `date`) names its day.
    path: bool,
    /// Its front matter does.
    front: bool,
}

/// The sections `format`'s parser reads from a body.
fn parse_as(
    format: Format,
    path: &Path,
    dated: FileDated,
    body: &str,
    body_line: usize,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    match format {
        Format::Native => native::parse(path, body, body_line, opts, diags),
        Format::FeedDump => feed_dump::parse(path, body, body_line, opts, diags),
        Format::List => list::parse(path, dated.path, body, body_line, opts, diags),
        Format::Table => {
            let elsewhere = dated.path || dated.front;
            table::parse(path, elsewhere, body, body_line, opts, diags)
        }
        Format::Structural => structural::parse(path, dated.path, body, body_line, opts, diags),
    }
}

/// The one section of a format whose files carry no date of their own (the date comes
/// from front matter or the path); none when the file had no entry.
fn undated_section(entries: Vec<Entry>) -> Vec<Section> {
    match entries.first() {
        None => Vec::new(),
        Some(first) => vec![Section {
            date: None,
            line: first.line,
            entries,
            stamped: false,
        }],
    }
}

impl Format {
    /// The names front matter's `format` key takes, in `Format` order.
    pub const NAMES: [&'static str; 5] = ["table", "feed", "list", "native", "auto"];

    /// The format front matter names (`format = "list"`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "table" => Some(Format::Table),
            "feed" | "feed-dump" => Some(Format::FeedDump),
            "list" => Some(Format::List),
            "native" => Some(Format::Native),
            "auto" | "structural" => Some(Format::Structural),
            _ => None,
        }
    }
}

/// The format a file's body is written in, from its shape: papertrail's own headings
/// with an `arxiv:` or `link:` field, `### Title:` entries, numbered `### [1] [Title](URL)`
/// headings, a table with a `Title` column; anything else is read by its structure. A
/// table whose rows link notes of the site (`[[2604.07019v1]] Title`) is an index of
/// them, and the general reader knows indexes.
pub fn detect(body: &str) -> Format {
    // The lines opening with `#`, which three of the detectors read, found once.
    let hashed = line_split::HashLines::new(body);
    if native::looks_like(&hashed) {
        Format::Native
    } else if feed_dump::looks_like(&hashed, body) {
        Format::FeedDump
    } else if list::looks_like(&hashed) {
        Format::List
    } else if table::looks_like(body) && !structural::indexes_notes(body) {
        Format::Table
    } else {
        Format::Structural
    }
}

/// What papertrail reads, for messages about files it read nothing from.
pub const FORMATS_READ: &str = "table digests (`## Papers for DATE` and a `| Title | Authors | Summary |` table), feed dumps (`### Title:` / `Link:` / `Summary:`), list digests (`### [1] [Title](URL)` headings), papertrail's own format (`## Title` with an `arxiv:` or `link:` line), and any layout where a heading, list item, bold line, table row or `Title:` line holds a title beside a link to the paper (arXiv, Hugging Face, OpenReview, DOI, PubMed)";

/// Says so when a file yields no paper: a file with nothing papertrail can read, or a
/// dated section (a bot's day) whose table is empty. Nothing vanishes without a word.
fn report_empty(
    path: &Path,
    front: &FrontMatter,
    sections: &[Section],
    body: &str,
    body_line: usize,
    diags: &mut Diagnostics,
) {
    let no_entries = sections.iter().all(|s| s.entries.is_empty());
    // A dated file that links papers, or writes its entries' links empty, and gave no
    // entry is no day without papers: it says which papers and why.
    if no_entries {
        let mut days: Vec<NaiveDate> = front
            .date
            .into_iter()
            .chain(sections.iter().filter_map(|s| s.date))
            .collect();
        days.dedup();
        if !days.is_empty() && report_unread_day(path, &days, body, body_line, diags) {
            return;
        }
    }
    // A day file kept by hand (its front matter names the day) is a day in progress.
    if let Some(date) = front.date.filter(|_| no_entries) {
        diags.push(
            Diagnostic::warning(
                path,
                0,
                format!("the day file for {date} lists no papers yet; the day is not published"),
            )
            .kind(Kind::EmptyDay),
        );
        return;
    }
    if no_entries && sections.iter().all(|s| s.date.is_none()) {
        let survey = structural::survey(body, body_line);
        // An index of notes (`- [Title](paper.md)`, maybe beside some paper links) names
        // papers read from the notes themselves; the general reader has named those of
        // its other links that no note may give (`unread-papers`).
        let named_unread = || {
            diags
                .items
                .iter()
                .any(|d| d.kind == Kind::UnreadPapers && d.path == path)
        };
        if survey.note_links > 0 && (survey.note_links * 2 >= survey.papers || named_unread()) {
            return;
        }
        let message = if survey.papers > 0 {
            format!("no paper was read from this file: {}", survey.reason())
        } else if body.trim().is_empty() {
            // A bot that wrote a topic file on a day with nothing on the topic.
            "the file is empty".to_string()
        } else {
            format!("no paper was read from this file; papertrail reads {FORMATS_READ}")
        };
        let line = if survey.papers > 0 {
            survey.first_line
        } else {
            0
        };
        diags.push(Diagnostic::warning(path, line, message).kind(Kind::EmptyFile));
        return;
    }
    // A day another file gives papers is not empty: the model drops those warnings, or
    // words them so, when the file holds links the reader passed over.
    let mut holds_other_links = None;
    for s in sections.iter().filter(|s| s.entries.is_empty()) {
        if let Some(date) = s.date {
            // Asked only of a file with an empty day: it reads the file's every link.
            let holds_other_links =
                *holds_other_links.get_or_insert_with(|| structural::links_to_no_paper(body));
            diags.push(
                Diagnostic::warning(
                    path,
                    s.line.max(body_line),
                    format!("the digest for {date} lists no papers; the day is not published"),
                )
                .kind(Kind::EmptyDay)
                .for_day(crate::diagnostic::EmptyDay {
                    date,
                    holds_other_links,
                }),
            );
        }
    }
}

/// Warns of a dated file that gave no entry though it links papers or writes links to
/// nothing (`**论文链接：** []()` under each entry): one `unread-papers` warning naming
/// the papers with their lines, the empty links, and why no entry was read. An index of
/// notes is left to `empty-day`: its papers are read from the notes. Whether it warned.
fn report_unread_day(
    path: &Path,
    days: &[NaiveDate],
    body: &str,
    body_line: usize,
    diags: &mut Diagnostics,
) -> bool {
    let empty = structural::empty_links(body, body_line);
    let papers = structural::linked_papers(body, body_line);
    if papers.is_empty() && empty.is_empty()
        || diags
            .items
            .iter()
            .any(|d| d.kind == Kind::UnreadPapers && d.path == path)
    {
        return false;
    }
    // Entries are the papers it links and the links it leaves empty; a file that links
    // notes as often is an index.
    let note_links = structural::survey(body, body_line).note_links;
    if note_links > 0 && note_links * 2 >= papers.len() + empty.len() {
        return false;
    }
    let named: Vec<String> = days.iter().map(NaiveDate::to_string).collect();
    let named = named.join(", ");
    let why = if papers.is_empty() {
        format!("no entry was read from the digest for {named}")
    } else {
        format!(
            "no entry was read from the digest for {named}: {}",
            structural::NO_ENTRY_HOLDS
        )
    };
    if let Some(w) = UnreadPaper::report(path, papers, empty, Some(why)) {
        // The day, for the model: other files may publish the papers but not the day.
        diags.push(w.for_day(crate::diagnostic::EmptyDay {
            date: days[0],
            holds_other_links: false,
        }));
    }
    true
}

/// A date in the file's path: in its name or any folder, in any form bots use (see
/// [`date_text::date_from_path`]).
pub fn date_from_path(path: &Path) -> Option<NaiveDate> {
    date_text::date_from_path(path)
}

/// The first valid `YYYY-MM-DD` in a string.
pub fn find_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let boundary_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let end_ok = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if boundary_ok
            && end_ok
            && digits(0..4)
            && w[4] == b'-'
            && digits(5..7)
            && w[7] == b'-'
            && digits(8..10)
        {
            NaiveDate::parse_from_str(std::str::from_utf8(w).ok()?, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_paths() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(
            date_from_path(Path::new("content/2025/07/2025-07-04.md")),
            d(2025, 7, 4)
        );
        assert_eq!(
            date_from_path(Path::new("c/2025-07-04-feed.md")),
            d(2025, 7, 4)
        );
        assert_eq!(
            date_from_path(Path::new("archive/2025/07/04.md")),
            d(2025, 7, 4)
        );
        assert_eq!(date_from_path(Path::new("c/2025-02-30.md")), None);
        assert_eq!(date_from_path(Path::new("c/notes.md")), None);
        assert_eq!(date_from_path(Path::new("c/12025-07-04.md")), None);
    }

    #[test]
    fn a_txt_beside_a_note_of_its_name_is_no_digest() {
        let dir = tempfile::tempdir().unwrap();
        let day = dir.path().join("202604/02");
        std::fs::create_dir_all(&day).unwrap();
        for name in [
            "2603.23719v1-a.md",
            "2603.23719v1-a.txt",
            "2026-04-02.txt",
            "b.markdown",
            "b.txt",
        ] {
            std::fs::write(day.join(name), "# x\n").unwrap();
        }
        assert!(is_note_source(&day.join("2603.23719v1-a.txt")));
        assert!(is_note_source(&day.join("b.txt")));
        assert!(!is_note_source(&day.join("2026-04-02.txt")));
        assert!(!is_note_source(&day.join("2603.23719v1-a.md")));
        let found = discover(dir.path(), &globset::GlobSet::empty()).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["2026-04-02.txt", "2603.23719v1-a.md", "b.markdown"]);
    }
}
