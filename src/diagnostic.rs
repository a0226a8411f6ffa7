//! Problems found in the user's files, as values.
//!
//! Parsers never stop at the first problem: they collect every diagnostic so a build or a
//! check can list them all at once, each naming the file and line.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// What a diagnostic is about. Each kind has a stable name, shown by `build`'s summary and
/// `check` (human and JSON), and accepted by `[lint] allow` in config.toml to silence
/// warnings a site has decided to live with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    // Warnings: the build publishes, having recovered or removed what it names.
    ControlCharacter,
    LlmPreamble,
    FollowUpQuestions,
    ScrapedComment,
    UsernameAuthors,
    EmptyAuthors,
    EmptySummary,
    MismatchedLinks,
    SchemelessLink,
    UnknownColumn,
    StrayText,
    SurplusCells,
    EmptyDay,
    EmptyFile,
    UnreadPapers,
    DuplicateEntry,
    UnusedOverride,
    DateConflict,
    FeedState,
    BotError,
    UnconvertedMath,
    TitleVariant,
    Undated,
    Untitled,
    StampedDate,
    // Errors: a person must decide.
    InvalidUtf8,
    BadDate,
    BadRow,
    BadHeader,
    MissingTitle,
    MissingLink,
    FrontMatter,
    NoDate,
    TitleConflict,
    NoPapers,
    Config,
    Io,
    /// The theme, the templates, the output folder, the file system: problems of the
    /// site rather than of one digest.
    Site,
}

impl Kind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [Kind; 38] = [
        Kind::ControlCharacter,
        Kind::LlmPreamble,
        Kind::FollowUpQuestions,
        Kind::ScrapedComment,
        Kind::UsernameAuthors,
        Kind::EmptyAuthors,
        Kind::EmptySummary,
        Kind::MismatchedLinks,
        Kind::SchemelessLink,
        Kind::UnknownColumn,
        Kind::StrayText,
        Kind::SurplusCells,
        Kind::EmptyDay,
        Kind::EmptyFile,
        Kind::UnreadPapers,
        Kind::DuplicateEntry,
        Kind::UnusedOverride,
        Kind::DateConflict,
        Kind::FeedState,
        Kind::BotError,
        Kind::UnconvertedMath,
        Kind::TitleVariant,
        Kind::Undated,
        Kind::Untitled,
        Kind::StampedDate,
        Kind::InvalidUtf8,
        Kind::BadDate,
        Kind::BadRow,
        Kind::BadHeader,
        Kind::MissingTitle,
        Kind::MissingLink,
        Kind::FrontMatter,
        Kind::NoDate,
        Kind::TitleConflict,
        Kind::NoPapers,
        Kind::Config,
        Kind::Io,
        Kind::Site,
    ];

    /// The stable name: kebab case, as `[lint] allow` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::ControlCharacter => "control-character",
            Kind::LlmPreamble => "llm-preamble",
            Kind::FollowUpQuestions => "follow-up-questions",
            Kind::ScrapedComment => "scraped-comment",
            Kind::UsernameAuthors => "username-authors",
            Kind::EmptyAuthors => "empty-authors",
            Kind::EmptySummary => "empty-summary",
            Kind::MismatchedLinks => "mismatched-links",
            Kind::SchemelessLink => "schemeless-link",
            Kind::UnknownColumn => "unknown-column",
            Kind::StrayText => "stray-text",
            Kind::SurplusCells => "surplus-cells",
            Kind::EmptyDay => "empty-day",
            Kind::EmptyFile => "empty-file",
            Kind::UnreadPapers => "unread-papers",
            Kind::DuplicateEntry => "duplicate-entry",
            Kind::UnusedOverride => "unused-override",
            Kind::DateConflict => "date-conflict",
            Kind::FeedState => "feed-state",
            Kind::BotError => "bot-error",
            Kind::UnconvertedMath => "unconverted-math",
            Kind::TitleVariant => "title-variant",
            Kind::Undated => "undated",
            Kind::Untitled => "untitled",
            Kind::StampedDate => "stamped-date",
            Kind::InvalidUtf8 => "invalid-utf8",
            Kind::BadDate => "bad-date",
            Kind::BadRow => "bad-row",
            Kind::BadHeader => "bad-header",
            Kind::MissingTitle => "missing-title",
            Kind::MissingLink => "missing-link",
            Kind::FrontMatter => "front-matter",
            Kind::NoDate => "no-date",
            Kind::TitleConflict => "title-conflict",
            Kind::NoPapers => "no-papers",
            Kind::Config => "config",
            Kind::Io => "io",
            Kind::Site => "site",
        }
    }

    /// Whether diagnostics of this kind are warnings (the build goes on) rather than
    /// errors (a person must decide).
    pub fn is_warning(self) -> bool {
        self < Kind::InvalidUtf8
    }

    /// What diagnostics of this kind report, for a summary line that stands for many.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::ControlCharacter => "control characters removed from the text",
            Kind::LlmPreamble => {
                "summaries start with an LLM preamble (removed unless strip_preambles = false)"
            }
            Kind::FollowUpQuestions => {
                "summaries end with a chatbot's \"Follow-up questions\" (removed unless strip_follow_ups = false)"
            }
            Kind::ScrapedComment => "summaries look like a scraped comment, not a summary",
            Kind::UsernameAuthors => "author lists hold only usernames",
            Kind::EmptyAuthors => "empty Authors cells",
            Kind::EmptySummary => "empty Summary cells",
            Kind::MismatchedLinks => "rows whose links name two different papers",
            Kind::SchemelessLink => "links without `https://`, read with it",
            Kind::UnknownColumn => "unknown table columns ignored",
            Kind::StrayText => "lines that belong to no entry",
            Kind::SurplusCells => "rows with unescaped `|` kept in a text cell",
            Kind::EmptyDay => "days whose digest lists no papers",
            Kind::EmptyFile => "files from which no paper was read",
            Kind::UnreadPapers => "files linking papers that no entry was read for",
            Kind::DuplicateEntry => "papers listed twice on one day (merged)",
            Kind::UnusedOverride => "front-matter overrides for papers no digest lists",
            Kind::DateConflict => {
                "headings whose date differs from the front matter's or the path's"
            }
            Kind::FeedState => "problems with feed-state.tsv",
            Kind::Undated => "papers with no date in files read by structure (not published)",
            Kind::Untitled => "papers whose file gives no title (published under their arXiv id)",
            Kind::StampedDate => {
                "papers dated only by their own date (a `Published:` line, a front-matter `published`), listed on that day"
            }
            Kind::TitleVariant => {
                "papers with two titles on one day, read by structure or listed by the same authors (one is published)"
            }
            Kind::BotError => "fields holding a bot's error message instead of text (left out)",
            Kind::UnconvertedMath => "TeX that could not be turned into MathML (shown as written)",
            Kind::InvalidUtf8 => "files that are not UTF-8",
            Kind::BadDate => "dates that cannot be read",
            Kind::BadRow => "rows that cannot be read",
            Kind::BadHeader => "table headers that cannot be read",
            Kind::MissingTitle => "entries without a title",
            Kind::MissingLink => "entries without a link",
            Kind::FrontMatter => "front matter that cannot be read",
            Kind::NoDate => "papers with no date",
            Kind::TitleConflict => "papers with two titles on one day",
            Kind::NoPapers => "content with no papers",
            Kind::Config => "problems in config.toml",
            Kind::Io => "files that cannot be read",
            Kind::Site => "problems with the theme or output",
        }
    }

    /// The kind with this stable name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem in a user's file: where it is, how bad, what kind, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub path: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub col: usize,
    pub message: String,
    /// What an `empty-day` warning is about: another file may give that day its
    /// papers, which only the model, having read every file, knows.
    #[serde(skip)]
    pub empty_day: Option<EmptyDay>,
    /// What an `unread-papers` warning is about: another file may publish those papers,
    /// which only the model knows.
    #[serde(skip)]
    pub unread: Vec<UnreadPaper>,
    /// What else an `unread-papers` warning says, kept when the model narrows its
    /// papers; boxed, since few warnings have it.
    #[serde(skip)]
    pub unread_more: Option<Box<UnreadMore>>,
}

/// Why an `unread-papers` warning's papers were not read, when there is more to say
/// than that no entry is about them (the file gave no entry at all), and its links to
/// nothing (`**Link:** []()`): entries whose bot gave no address, which no other file
/// can answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnreadMore {
    pub why: Option<String>,
    /// The links' lines.
    pub empty_links: Vec<usize>,
}

/// A paper a file links where no entry of it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadPaper {
    /// The arXiv id, or the link of a paper without one.
    pub key: String,
    pub url: String,
    pub line: usize,
}

impl UnreadPaper {
    /// The `unread-papers` warning of a file for `papers`, at the line of the first;
    /// none when there is none.
    pub fn warning(path: &Path, papers: Vec<UnreadPaper>) -> Option<Diagnostic> {
        UnreadPaper::report(path, papers, Vec::new(), None)
    }

    /// The `unread-papers` warning of a file for `papers` and the lines of its links to
    /// nothing, saying `why` the papers were not read when there is more to say than
    /// that no entry is about them; none when there is neither.
    pub fn report(
        path: &Path,
        papers: Vec<UnreadPaper>,
        empty_links: Vec<usize>,
        why: Option<String>,
    ) -> Option<Diagnostic> {
        let line = papers
            .first()
            .map(|p| p.line)
            .into_iter()
            .chain(empty_links.first().copied())
            .min()?;
        let more = UnreadMore { why, empty_links };
        let message = UnreadPaper::message(&papers, &more);
        let mut d = Diagnostic::warning(path, line, message)
            .kind(Kind::UnreadPapers)
            .for_unread(papers);
        if more != UnreadMore::default() {
            d.unread_more = Some(Box::new(more));
        }
        Some(d)
    }

    /// The warning's text for `papers` and the links to nothing `more` names (not both
    /// none), with why they were not read.
    pub fn message(papers: &[UnreadPaper], more: &UnreadMore) -> String {
        let (empty_links, why) = (&more.empty_links, more.why.as_deref());
        let mut parts: Vec<String> = Vec::new();
        if !papers.is_empty() {
            let examples: Vec<String> = papers
                .iter()
                .take(3)
                .map(|p| format!("{} on line {}", p.url, p.line))
                .collect();
            let more = match papers.len() {
                n if n > 3 => format!(" and {} more", n - 3),
                _ => String::new(),
            };
            parts.push(format!(
                "{} paper(s) linked here were not read: {}{more}",
                papers.len(),
                examples.join(", "),
            ));
            parts.push(
                why.unwrap_or("no entry of this file is about them and no entry's text cites them")
                    .to_string(),
            );
        }
        if !empty_links.is_empty() {
            let shown: Vec<String> = empty_links.iter().take(3).map(usize::to_string).collect();
            let more = match empty_links.len() {
                n if n > 3 => format!(" and {} more", n - 3),
                _ => String::new(),
            };
            let empty = format!(
                "{} link(s) on line(s) {}{more} are empty (`[]()`, or a paper site's address without its id), so the entries they stand in name no paper and are not published",
                empty_links.len(),
                shown.join(", "),
            );
            match why.filter(|_| papers.is_empty()) {
                Some(why) => parts.push(format!("{why}: {empty}")),
                None => parts.push(empty),
            }
        }
        parts.join("; ")
    }
}

/// The day a file lists no papers for, and what the file holds instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyDay {
    pub date: chrono::NaiveDate,
    /// Links to something other than a paper (a blog post, a repository): items the
    /// reader passed over, which stay reported when other files publish the day.
    pub holds_other_links: bool,
}

impl Diagnostic {
    pub fn error(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Site,
            path: path.as_ref().to_path_buf(),
            line,
            col: 0,
            message: message.into(),
            empty_day: None,
            unread: Vec::new(),
            unread_more: None,
        }
    }

    pub fn warning(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, message)
        }
    }

    /// Names what the diagnostic is about.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Names the day an `empty-day` warning is about.
    pub fn for_day(mut self, day: EmptyDay) -> Self {
        self.empty_day = Some(day);
        self
    }

    /// Names the papers an `unread-papers` warning is about.
    pub fn for_unread(mut self, papers: Vec<UnreadPaper>) -> Self {
        self.unread = papers;
        self
    }

    pub fn with_col(mut self, col: usize) -> Self {
        self.col = col;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = display_path(&self.path);
        let severity = match (self.severity, self.kind) {
            (Severity::Error, Kind::Site) => "error".to_string(),
            (Severity::Error, kind) => format!("error[{kind}]"),
            (Severity::Warning, kind) => format!("warning[{kind}]"),
        };
        match (self.line, self.col) {
            (0, _) => write!(f, "{path}: {severity}: {}", self.message),
            (line, 0) => write!(f, "{path}:{line}: {severity}: {}", self.message),
            (line, col) => write!(f, "{path}:{line}:{col}: {severity}: {}", self.message),
        }
    }
}

/// A path as the user typed it: without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.strip_prefix(".").unwrap_or(path);
    shown.display().to_string()
}

/// A list of diagnostics, in the order they should be shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// The errors alone, which a log prints in full (warnings are summed up by kind).
    pub fn errors_only(&self) -> Diagnostics {
        Diagnostics {
            items: self
                .items
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        }
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Orders by file, then line, so output is stable whatever order files were read in.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.col, b.severity).cmp(&(&b.path, b.line, b.col, a.severity))
        });
        self.items.dedup();
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_a_compiler() {
        let d = Diagnostic::error("./content/a.md", 3, "bad row")
            .with_col(5)
            .kind(Kind::BadRow);
        assert_eq!(d.to_string(), "content/a.md:3:5: error[bad-row]: bad row");
        let w = Diagnostic::warning("content/a.md", 0, "empty").kind(Kind::EmptyFile);
        assert_eq!(w.to_string(), "content/a.md: warning[empty-file]: empty");
        let site = Diagnostic::error("themes/x", 0, "no such theme");
        assert_eq!(site.to_string(), "themes/x: error: no such theme");
    }

    #[test]
    fn unread_papers_say_which_and_why() {
        let paper = |n: usize| UnreadPaper {
            key: format!("2603.0000{n}"),
            url: format!("https://arxiv.org/abs/2603.0000{n}"),
            line: 10 * n,
        };
        let plain = UnreadPaper::warning(Path::new("a.md"), vec![paper(1)]).unwrap();
        assert_eq!(
            plain.message,
            "1 paper(s) linked here were not read: https://arxiv.org/abs/2603.00001 on line 10; no entry of this file is about them and no entry's text cites them"
        );
        // A file that gave no entry says why, and names its links to nothing.
        let why = "no entry was read from the digest for 2026-03-05".to_string();
        let d = UnreadPaper::report(
            Path::new("a.md"),
            vec![paper(2)],
            vec![7, 9],
            Some(why.clone()),
        )
        .unwrap();
        assert_eq!(d.line, 7);
        assert_eq!(
            d.message,
            "1 paper(s) linked here were not read: https://arxiv.org/abs/2603.00002 on line 20; no entry was read from the digest for 2026-03-05; 2 link(s) on line(s) 7, 9 are empty (`[]()`, or a paper site's address without its id), so the entries they stand in name no paper and are not published"
        );
        let empty = UnreadPaper::report(Path::new("a.md"), Vec::new(), vec![3, 4, 5, 6], Some(why))
            .unwrap();
        assert_eq!(
            empty.message,
            "no entry was read from the digest for 2026-03-05: 4 link(s) on line(s) 3, 4, 5 and 1 more are empty (`[]()`, or a paper site's address without its id), so the entries they stand in name no paper and are not published"
        );
        assert!(UnreadPaper::report(Path::new("a.md"), Vec::new(), Vec::new(), None).is_none());
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("x", 99), (1, 2));
    }
}
