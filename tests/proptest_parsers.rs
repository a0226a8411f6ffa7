//! Property tests of the parsers, on stable, in `cargo test`: no input panics, every
//! diagnostic names a real line, generated well-formed digests read back exactly, and
//! the sanitiser never lets active content through.
//!
//! The properties themselves live in `fuzz/common/checks.rs`, shared with the cargo-fuzz
//! targets, so a crash the fuzzer finds is replayed here: save its input under
//! `fuzz/seeds/<target>/` (replayed by `fuzz_seeds_keep_their_properties`) and add a
//! named test with its bytes to the `regressions` module below.
//!
//! Cases per property are few so that the file runs in a few seconds in debug builds;
//! `PROPTEST_CASES=5000 cargo test --release --test proptest_parsers` searches harder.

#[allow(dead_code)]
#[path = "../fuzz/common/checks.rs"]
mod checks;

use std::path::Path;

use papertrail::content::{self, ParseOptions};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;

/// `n` cases, or `PROPTEST_CASES` when set.
fn config(n: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    ProptestConfig {
        cases,
        // Failures are kept as named tests in `regressions`, not in a side file.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn no_errors(diags: &papertrail::diagnostic::Diagnostics, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !diags.has_errors(),
        "unexpected errors:\n{diags}\nin:\n{text}"
    );
    Ok(())
}

// --- (a) anything at all ------------------------------------------------------------

/// Pieces of every format, so random inputs get past the first line of each parser.
const TOKENS: &[&str] = &[
    "## Papers for 2025-07-04\n",
    "## Papers for 2025-02-30\n",
    "| Title | Authors | Summary |\n",
    "| Category | Title | Authors | Summary | Link |\n",
    "|---|---|---|\n",
    "|",
    "\\|",
    "\n  ",
    "\n",
    "\r\n",
    "\r",
    "\u{FEFF}",
    " (Read more on [arXiv](https://arxiv.org/abs/2507.02592) or [HuggingFace](https://huggingface.co/papers/2507.02592v2))",
    "[Read more](https://arxiv.org/pdf/2507.00001)",
    "### Title: ",
    "Link: https://huggingface.co/papers/2506.23918\n",
    "Link: https://blog.example.org/x/\n",
    "Summary: ",
    "AI-generated summary",
    "\t\t\t ",
    " - \n",
    "+++\n",
    "date = 2025-07-04\n",
    "[papers.\"2507.02592\"]\nhidden = true\n",
    "draft = true\n",
    "## ",
    "arxiv: 2507.02592\n",
    "link: https://example.org\n",
    "authors: A, B\n",
    "### Abstract\n",
    "<!--",
    "-->",
    "<p>",
    "<br>",
    "&amp;",
    "<script>",
    "Here's a summary of the paper: ",
    "é",
    "🚀",
    "\u{0}",
    "\u{85}",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => select(TOKENS).prop_map(String::from),
            1 => "[ -~]{0,8}",
            1 => "\\PC{0,3}",
        ],
        0..48,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(128))]

    /// Raw bytes, as a file of any kind could hold.
    #[test]
    fn any_bytes_parse_without_panic(data in prop::collection::vec(any::<u8>(), 0..512)) {
        checks::parse_digest(&data).map_err(TestCaseError::fail)?;
    }

    /// Fragments of the real formats, shuffled: reaches deep into every parser.
    #[test]
    fn token_soup_parses_without_panic(text in token_soup(), cut in any::<prop::sample::Index>()) {
        let bytes = text.as_bytes();
        checks::parse_digest(bytes).map_err(TestCaseError::fail)?;
        // Two files of the same day, cut anywhere (even inside a character).
        let at = cut.index(bytes.len() + 1);
        let mut two = bytes[..at].to_vec();
        two.extend_from_slice(b"\0\0");
        two.extend_from_slice(&bytes[at..]);
        checks::parse_digest(&two).map_err(TestCaseError::fail)?;
        for (name, target) in checks::TARGETS.iter().filter(|(n, _)| *n != "parse_digest") {
            target(bytes).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        }
    }
}

// --- shared generators --------------------------------------------------------------

/// A title word that markdown leaves alone (starts with a letter; no `*_[]<>&` etc.).
fn title_word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Za-z][A-Za-z0-9-]{0,9}",
        2 => select(&[
            "Résumé", "naïve", "Ångström", "表格", "学习", "🚀", "Δ-Net", "Straße", "α", "日本語モデル",
        ][..]).prop_map(String::from),
        1 => Just("|".to_string()),
    ]
}

fn title_words() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(title_word(), 1..9)
}

fn arxiv_id() -> impl Strategy<Value = String> {
    "[0-9]{4}\\.[0-9]{5}"
}

fn person() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}",
        1 => select(&["Zoë Ångström", "李雷", "José Núñez", "Łukasz Kaiser", "A. B. Chen"][..])
            .prop_map(String::from),
        1 => "[a-z][a-z0-9-]{2,8}",
    ]
}

/// Prose that no lint rewrites: lower-case words, one full stop.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{1,10}", 1..12).prop_map(|w| format!("{}.", w.join(" ")))
}

/// Whitespace around the feed dumps' `AI-generated summary` marker.
fn gap() -> impl Strategy<Value = String> {
    "[ \t]{1,12}"
}

// --- (b) table digests --------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Layout {
    /// `Title | Authors | Summary`, links in the title cell.
    TitleLinks,
    /// `Category | Title | Authors | Summary`, the title a markdown link.
    Category,
    /// `Title | Authors | Summary | Link`.
    LinkColumn,
}

#[derive(Debug, Clone)]
struct Row {
    words: Vec<String>,
    /// Where the title wraps onto a second line starting with two spaces, if it does.
    wrap: Option<usize>,
    id: String,
    version: Option<u8>,
    authors: Vec<String>,
    summary: String,
    category: String,
}

fn row() -> impl Strategy<Value = Row> {
    (
        title_words(),
        any::<prop::sample::Index>(),
        any::<bool>(),
        arxiv_id(),
        prop::option::of(1u8..9),
        prop::collection::vec(person(), 1..5),
        sentence(),
        "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?",
    )
        .prop_map(
            |(words, at, wraps, id, version, authors, summary, category)| Row {
                wrap: wraps.then(|| 1 + at.index(words.len())),
                words,
                id,
                version,
                authors,
                summary,
                category,
            },
        )
}

#[derive(Debug, Clone)]
struct TableSection {
    date: (i32, u32, u32),
    layout: Layout,
    rows: Vec<Row>,
}

fn table_section() -> impl Strategy<Value = TableSection> {
    (
        (2000i32..2031, 1u32..13, 1u32..29),
        select(&[Layout::TitleLinks, Layout::Category, Layout::LinkColumn][..]),
        prop::collection::vec(row(), 1..6),
    )
        .prop_map(|(date, layout, rows)| TableSection { date, layout, rows })
}

/// `|` as a table cell must spell it.
fn cell_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The title's source: words with `|` escaped, then `tail` (the links, if any), broken
/// onto a second line starting with two spaces at the wrap point.
fn wrapped_title(row: &Row, tail: &str) -> String {
    let words: Vec<String> = row.words.iter().map(|w| cell_escape(w)).collect();
    let split = row.wrap.map_or(words.len(), |k| k.min(words.len()));
    let first = words[..split].join(" ");
    let mut rest: Vec<&str> = words[split..].iter().map(String::as_str).collect();
    if !tail.is_empty() {
        rest.push(tail);
    }
    let rest = rest.join(" ");
    if rest.is_empty() {
        first
    } else if row.wrap.is_some() {
        format!("{first}\n  {rest}")
    } else {
        format!("{first} {rest}")
    }
}

/// The file, and the line of each row (per section).
fn write_table(sections: &[TableSection]) -> (String, Vec<Vec<usize>>) {
    let mut out = String::new();
    let mut lines = Vec::new();
    let line_now = |s: &str| 1 + s.matches('\n').count();
    for section in sections {
        let (y, m, d) = section.date;
        out.push_str(&format!("## Papers for {y:04}-{m:02}-{d:02}\n\n"));
        out.push_str(match section.layout {
            Layout::TitleLinks => "| Title | Authors | Summary |\n|-------|---------|---------|\n",
            Layout::Category => "| Category | Title | Authors | Summary |\n|---|---|---|---|\n",
            Layout::LinkColumn => {
                "| Title | Authors | Summary | Link |\n|:------|:-------:|--------:|------|\n"
            }
        });
        let mut row_lines = Vec::new();
        for row in &section.rows {
            row_lines.push(line_now(&out));
            let version = row.version.map(|v| format!("v{v}")).unwrap_or_default();
            let authors = row.authors.join(", ");
            let id = &row.id;
            let line = match section.layout {
                Layout::TitleLinks => {
                    let links = format!(
                        "(Read more on [arXiv](https://arxiv.org/abs/{id}{version}) or [HuggingFace](https://huggingface.co/papers/{id}))"
                    );
                    format!(
                        "| {}| {authors} | {} |",
                        wrapped_title(row, &links),
                        row.summary
                    )
                }
                Layout::Category => format!(
                    "| {} | [{}](https://huggingface.co/papers/{id}{version}) | {authors} | {} |",
                    row.category,
                    wrapped_title(row, ""),
                    row.summary
                ),
                Layout::LinkColumn => format!(
                    "| {} | {authors} | {} | [Read more](https://arxiv.org/abs/{id}{version}) |",
                    wrapped_title(row, ""),
                    row.summary
                ),
            };
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
        lines.push(row_lines);
    }
    (out, lines)
}

/// Byte-level dress a real file may wear: BOM, CRLF, trailing spaces.
fn dress(text: &str, bom: bool, crlf: bool, trailing: bool) -> Vec<u8> {
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        out.push_str(line);
        if trailing && !line.is_empty() {
            out.push_str("  \t");
        }
    }
    out.into_bytes()
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn table_digests_read_back(
        sections in prop::collection::vec(table_section(), 1..4),
        bom in any::<bool>(),
        crlf in any::<bool>(),
        trailing in any::<bool>(),
    ) {
        let (text, row_lines) = write_table(&sections);
        let bytes = dress(&text, bom, crlf, trailing);
        let path = Path::new("content/notes.md");
        let (digest, diags) = content::parse_bytes(path, &bytes, &ParseOptions::default());
        no_errors(&diags, &text)?;
        checks::check_diagnostics(&diags, checks::max_line(&bytes)).map_err(TestCaseError::fail)?;
        let digest = digest.expect("a digest");
        prop_assert_eq!(digest.sections.len(), sections.len(), "{}", text);
        for ((got, want), lines) in digest.sections.iter().zip(&sections).zip(&row_lines) {
            let (y, m, d) = want.date;
            prop_assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(y, m, d));
            prop_assert_eq!(got.entries.len(), want.rows.len(), "{}", text);
            for ((entry, row), &line) in got.entries.iter().zip(&want.rows).zip(lines) {
                prop_assert_eq!(entry.arxiv_id.as_deref(), Some(row.id.as_str()), "{}", text);
                prop_assert_eq!(&entry.title, &row.words.join(" "), "{}", text);
                prop_assert_eq!(&entry.authors, &row.authors, "{}", text);
                prop_assert_eq!(entry.line, line, "{}", text);
                let summary = entry.summary.as_ref().map(|s| s.text.as_str());
                prop_assert_eq!(summary, Some(row.summary.as_str()), "{}", text);
                if let Layout::Category = want.layout {
                    prop_assert_eq!(&entry.tags, &vec![row.category.clone()], "{}", text);
                }
            }
        }
    }
}

// --- (c) feed dumps -----------------------------------------------------------------

#[derive(Debug, Clone)]
enum FeedLink {
    HuggingFace(String),
    Arxiv(String, Option<u8>),
    Blog(String),
}

#[derive(Debug, Clone)]
struct FeedItem {
    separators: usize,
    /// The title's words, in the lines they are written on (the first after `### Title:`,
    /// the rest indented).
    title_lines: Vec<Vec<String>>,
    indent: &'static str,
    link: FeedLink,
    field_case: usize,
    /// `(gist, gap before the marker, gap after)` when the summary has the marker.
    gist: Option<(String, String, String)>,
    /// The abstract's lines.
    abstract_: Vec<String>,
}

fn feed_link() -> impl Strategy<Value = FeedLink> {
    prop_oneof![
        2 => arxiv_id().prop_map(FeedLink::HuggingFace),
        1 => (arxiv_id(), prop::option::of(1u8..9)).prop_map(|(id, v)| FeedLink::Arxiv(id, v)),
        1 => "[a-z]{3,10}".prop_map(FeedLink::Blog),
    ]
}

fn feed_item() -> impl Strategy<Value = FeedItem> {
    (
        0usize..3,
        prop::collection::vec(title_words(), 1..4),
        select(&["  ", "\t", "    "][..]),
        feed_link(),
        0usize..3,
        prop::option::of((sentence(), gap(), gap())),
        prop::collection::vec(sentence(), 1..4),
    )
        .prop_map(
            |(separators, title_lines, indent, link, field_case, gist, abstract_)| FeedItem {
                separators,
                title_lines,
                indent,
                link,
                field_case,
                gist,
                abstract_,
            },
        )
}

/// The file and the line of each `### Title:`.
fn write_feed(items: &[FeedItem]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut lines = Vec::new();
    for item in items {
        for _ in 0..item.separators {
            out.push_str(" - \n");
        }
        lines.push(1 + out.matches('\n').count());
        let [title, link, summary] = [
            ["### Title:", "Link:", "Summary:"],
            ["### title:", "link:", "summary:"],
            ["### TITLE:", "LINK:", "SUMMARY:"],
        ][item.field_case];
        out.push_str(&format!("{title} {}\n", item.title_lines[0].join(" ")));
        for more in &item.title_lines[1..] {
            out.push_str(&format!("{}{}\n", item.indent, more.join(" ")));
        }
        let url = match &item.link {
            FeedLink::HuggingFace(id) => format!("https://huggingface.co/papers/{id}"),
            FeedLink::Arxiv(id, v) => format!(
                "https://arxiv.org/abs/{id}{}",
                v.map(|v| format!("v{v}")).unwrap_or_default()
            ),
            FeedLink::Blog(slug) => format!("https://blog.example.org/{slug}/"),
        };
        out.push_str(&format!("{link} {url}\n"));
        let first = match &item.gist {
            Some((gist, before, after)) => format!("{gist}{before}AI-generated summary{after}"),
            None => String::new(),
        };
        out.push_str(&format!("{summary} {first}{}\n", item.abstract_.join("\n")));
        out.push('\n');
    }
    (out, lines)
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn feed_dumps_read_back(
        items in prop::collection::vec(feed_item(), 1..6),
        bom in any::<bool>(),
        crlf in any::<bool>(),
        trailing in any::<bool>(),
    ) {
        let (text, title_lines) = write_feed(&items);
        let bytes = dress(&text, bom, crlf, trailing);
        let path = Path::new("content/2025/07/2025-07-04-feed.md");
        let (digest, diags) = content::parse_bytes(path, &bytes, &ParseOptions::default());
        no_errors(&diags, &text)?;
        checks::check_diagnostics(&diags, checks::max_line(&bytes)).map_err(TestCaseError::fail)?;
        let digest = digest.expect("a digest");
        prop_assert_eq!(digest.sections.len(), 1, "{}", text);
        let entries = &digest.sections[0].entries;
        prop_assert_eq!(entries.len(), items.len(), "{}", text);
        for ((entry, item), &line) in entries.iter().zip(&items).zip(&title_lines) {
            let title: Vec<String> = item.title_lines.iter().flatten().cloned().collect();
            prop_assert_eq!(&entry.title, &title.join(" "), "{}", text);
            prop_assert_eq!(entry.line, line, "{}", text);
            let id = match &item.link {
                FeedLink::HuggingFace(id) | FeedLink::Arxiv(id, _) => Some(id.as_str()),
                FeedLink::Blog(_) => None,
            };
            prop_assert_eq!(entry.arxiv_id.as_deref(), id, "{}", text);
            let gist = entry.gist.as_ref().map(|m| m.text.as_str());
            prop_assert_eq!(gist, item.gist.as_ref().map(|g| g.0.as_str()), "{}", text);
            let abstract_ = item.abstract_.join(" ");
            let (want_summary, want_abstract) = match id {
                Some(_) => (None, Some(abstract_.as_str())),
                None => (Some(abstract_.as_str()), None),
            };
            prop_assert_eq!(entry.summary.as_ref().map(|m| m.text.as_str()), want_summary, "{}", text);
            prop_assert_eq!(entry.abstract_.as_ref().map(|m| m.text.as_str()), want_abstract, "{}", text);
        }
    }
}

// --- (d) the sanitiser --------------------------------------------------------------

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "<script",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=\"alert(1)\"/>",
    "<IMG SRC=\"jav&#x09;ascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href='JaVaScRiPt:alert(1)'>x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)\n",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<object data=\"x.swf\"></object>",
    "<embed src=\"x.swf\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<a href=\"https://ok.example/\"><img src=x onerror=alert(1)></a>",
    "<scr<script>ipt>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><svg onload=alert(1)>",
];

const BENIGN: &[&str] = &[
    "plain words",
    "*emphasis* and **strong**",
    "`code <b>`",
    "a < b && c > d",
    "R&amp;D",
    "<p>para</p>",
    "<br>",
    "<a href=\"https://example.org/x\">a link</a>",
    "[link](https://example.org/y)",
    "<https://arxiv.org/abs/2507.02592>",
    "- item",
    "1. item",
    "> quote",
    "```\ncode block\n```",
    "    indented code",
    "javascript: is a language",
    "<ul><li>x</li></ul>",
    "<div>",
    "</div>",
    "\"",
    "'",
];

/// Where a fragment is put: prose, markdown structure, inside HTML, inside a link.
const CONTEXTS: &[&str] = &[
    "{}",
    "*{}*",
    "> {}",
    "- {}",
    "1. {}",
    "[{}](https://example.org)",
    "<p>{}</p>",
    "<div>{}</div>",
    "<a href=\"https://example.org\">{}</a>",
    "<td>{}</td>",
    "`{}`",
    "\n\n{}\n\n",
    "<!-- {} -->",
    "<p title=\"{}\">t</p>",
];

fn hostile_markdown() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        2 => select(HOSTILE).prop_map(String::from),
        1 => select(BENIGN).prop_map(String::from),
    ];
    let piece = (fragment, select(CONTEXTS)).prop_map(|(f, c)| c.replace("{}", &f));
    let glue = select(&["", " ", "\n", "\n\n", "<br>"][..]);
    prop::collection::vec((piece, glue), 1..7).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, g)| format!("{p}{g}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn sanitiser_lets_nothing_active_through(src in hostile_markdown()) {
        checks::sanitiser(src.as_bytes()).map_err(TestCaseError::fail)?;
        // The same text as a summary in each format goes through the same sanitiser.
        let table = format!(
            "| Title | Authors | Summary |\n|---|---|---|\n| T (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | A B | {} |\n",
            src.replace('\n', " ").replace('|', "\\|")
        );
        checks::parse_table(table.as_bytes()).map_err(TestCaseError::fail)?;
        let feed = format!("### Title: T\nLink: https://blog.example.org/x/\nSummary: {src}\n");
        checks::parse_feed_dump(feed.as_bytes()).map_err(TestCaseError::fail)?;
    }
}

/// The checker itself must recognise what it is meant to catch.
#[test]
fn active_content_checker_catches_the_classics() {
    for bad in [
        "<script>x</script>",
        "<p><SCRIPT>x",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:x\">x</a>",
        "<a href=' JAVA&#x09;SCRIPT:x'>x</a>",
        "<a href=\"&#106;avascript:x\">x</a>",
        "<a href=\"&#0000106avascript:x\">x</a>",
        "<a href=data:text/html,x>x</a>",
        "<svg>",
        "<p style=\"color:red\">x</p>",
        "<a href=\"x\"",
    ] {
        assert!(checks::active_content(bad).is_some(), "{bad}");
    }
    for good in [
        "<p>javascript: alert(1) is text</p>",
        "&lt;script&gt;",
        "<a href=\"https://x/?q=javascript:\" rel=\"nofollow noopener noreferrer\">x</a>",
        "<p title=\"onerror=x\">x</p>",
        "<code>a &lt; b</code>",
        "<!-- comment -->",
    ] {
        assert_eq!(checks::active_content(good), None, "{good}");
    }
}

// --- replays and regressions --------------------------------------------------------

/// Every committed fuzz input (`fuzz/seeds/<target>/*`, crashes included once found)
/// through the same target body the fuzzer runs.
#[test]
fn fuzz_seeds_keep_their_properties() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut replayed = 0;
    for (name, target) in checks::TARGETS {
        let dir = seeds.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no seeds in {}", dir.display());
        for file in files {
            let bytes = std::fs::read(&file).expect("seed");
            if let Err(e) = target(&bytes) {
                panic!("{}: {e}", file.display());
            }
            replayed += 1;
        }
    }
    assert!(replayed >= checks::TARGETS.len());
}

/// Crashes and broken properties found by fuzzing, minimised, one test each.
mod regressions {
    #[allow(unused_imports)]
    use super::checks;
}
