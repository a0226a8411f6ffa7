//! papertrail's own format, for people typing in an editor.
//!
//! One paper per `## ` heading, `key: value` fields right under it, then a markdown
//! body (the summary), optionally followed by `### Abstract` and the abstract:
//!
//! ```markdown
//! ## WebSailor: Navigating Super-human Reasoning for Web Agent
//! arxiv: 2507.02592
//! authors: Liwen Zhang, Huifeng Yin
//! tags: agents, reasoning
//! gist: One sentence on what the paper does.
//!
//! The summary, in markdown, as many paragraphs as you like.
//!
//! ### Abstract
//!
//! The paper's abstract.
//! ```
//!
//! The writer here is the parser's inverse (`papertrail new` and `import` use it), so
//! what papertrail writes reads back exactly.

use std::path::Path;

use chrono::NaiveDate;

use super::line_split::HashLines;
use super::web_url::entry_url;
use super::{Entry, Format, ParseOptions, Section, arxiv, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

const FIELDS: &[&str] = &["arxiv", "link", "authors", "tags", "gist", "code"];

/// True when some `## ` heading is directly followed by an `arxiv:` or `link:` field.
pub fn looks_like(hashed: &HashLines<'_>) -> bool {
    // The line after each heading (`## `): the other lines are not visited.
    hashed.starting_with("## ").any(|mut from| {
        from.nth(1)
            .and_then(field)
            .is_some_and(|(key, _)| key == "arxiv" || key == "link")
    })
}

fn entry_heading(line: &str) -> Option<&str> {
    line.strip_prefix("## ").map(str::trim)
}

/// `key: value` with a one-word ASCII key, lower-cased.
fn field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key.to_ascii_lowercase(), value.trim()))
}

fn is_abstract_heading(line: &str) -> bool {
    line.strip_prefix("### ")
        .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("abstract"))
}

struct Pending<'a> {
    line: usize,
    title: &'a str,
    fields: Vec<(usize, String, &'a str)>,
    summary: Vec<&'a str>,
    abstract_: Option<Vec<&'a str>>,
}

/// Parses a native body into one undated section.
pub fn parse(
    path: &Path,
    body: &str,
    first_line: usize,
    opts: &ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    let mut entries = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut in_fields = false;
    let mut in_comment = false;
    for (i, line) in body.split('\n').enumerate() {
        let lineno = first_line + i;
        let line = line.trim_end();
        if in_comment || line.trim_start().starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        if let Some(title) = entry_heading(line) {
            if let Some(p) = pending.take() {
                entries.extend(finish(path, p, opts, diags));
            }
            pending = Some(Pending {
                line: lineno,
                title,
                fields: Vec::new(),
                summary: Vec::new(),
                abstract_: None,
            });
            in_fields = true;
            continue;
        }
        let Some(p) = pending.as_mut() else {
            if !line.trim().is_empty() && !line.starts_with('#') {
                diags.push(
                    Diagnostic::warning(
                        path,
                        lineno,
                        "text before the first `## ` paper heading is ignored",
                    )
                    .kind(Kind::StrayText),
                );
            }
            continue;
        };
        if in_fields {
            if let Some((key, value)) = field(line) {
                p.fields.push((lineno, key, value));
                continue;
            }
            in_fields = false;
            if line.trim().is_empty() {
                continue;
            }
        }
        if is_abstract_heading(line) {
            p.abstract_ = Some(Vec::new());
        } else if let Some(abs) = p.abstract_.as_mut() {
            abs.push(line);
        } else {
            p.summary.push(line);
        }
    }
    if let Some(p) = pending.take() {
        entries.extend(finish(path, p, opts, diags));
    }
    super::undated_section(entries)
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(markup::plain)
        .filter(|s| !s.is_empty())
        .collect()
}

fn finish(path: &Path, p: Pending, opts: &ParseOptions, diags: &mut Diagnostics) -> Option<Entry> {
    let mut entry = Entry::new(p.line, Format::Native, markup::plain(p.title));
    for (line, key, value) in p.fields {
        match key.as_str() {
            "arxiv" => {
                match arxiv::parse_bare(value).or_else(|| arxiv::id_from_url(value).map(|x| x.0)) {
                    Some(id) => entry.arxiv_id = Some(id),
                    None => diags.push(Diagnostic::error(
                        path,
                        line,
                        format!("`{value}` is not an arXiv id like 2507.02592"),
                    ).kind(Kind::BadRow)),
                }
            }
            "link" => match entry_url(value) {
                Some((url, guessed)) => {
                    if guessed {
                        diags.push(Diagnostic::warning(
                            path,
                            line,
                            format!("`link: {value}` has no scheme; published as `{url}`"),
                        ).kind(Kind::SchemelessLink));
                    }
                    if entry.arxiv_id.is_none() {
                        entry.arxiv_id = arxiv::id_from_url(&url).map(|x| x.0);
                    }
                    entry.url = Some(url);
                }
                None => diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("`link: {value}` is no http(s) URL"),
                ).kind(Kind::MissingLink)),
            },
            "authors" => entry.authors = list(value),
            "tags" => entry.tags = list(value),
            "gist" => entry.gist = Some(markup::block(value)).filter(|m| !m.is_empty()),
            "code" => match super::code_link::from_labelled(value) {
                Some(url) => entry.code = Some(url),
                None => diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("`code: {value}` is no http(s) URL of a repository or project page"),
                ).kind(Kind::BadRow)),
            },
            other => diags.push(Diagnostic::error(
                path,
                line,
                format!(
                    "unknown field `{other}` (known: {}); leave a blank line before the summary",
                    FIELDS.join(", ")
                ),
            ).kind(Kind::BadRow)),
        }
    }
    if entry.title.is_empty() {
        diags.push(
            Diagnostic::error(path, p.line, "paper heading has no title").kind(Kind::MissingTitle),
        );
        return None;
    }
    if entry.arxiv_id.is_none() && entry.url.is_none() {
        diags.push(
            Diagnostic::error(
                path,
                p.line,
                format!(
                    "`{}` needs an `arxiv:` or a `link:` field right under its heading",
                    entry.title
                ),
            )
            .kind(Kind::MissingLink),
        );
        return None;
    }
    if entry.url.is_none() {
        entry.url = entry.arxiv_id.as_deref().map(arxiv::abs_url);
    }
    let joined = p.summary.join("\n");
    let summary = super::lint::summary_source(path, p.line + 1, &joined, opts, diags);
    entry.summary = Some(markup::block(&summary)).filter(|m| !m.is_empty());
    entry.abstract_ = p
        .abstract_
        .map(|lines| markup::block(&lines.join("\n")))
        .filter(|m| !m.is_empty());
    Some(entry)
}

/// One paper as written by hand: markdown sources, not rendered HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NativeEntry {
    pub title: String,
    pub arxiv_id: Option<String>,
    pub link: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub gist: Option<String>,
    pub summary: Option<String>,
    pub abstract_: Option<String>,
    /// The paper's repository or project page.
    pub code: Option<String>,
}

/// Escapes the characters that would make a one-line value mean something else in
/// markdown, so that `markup::plain` gives the value back.
fn escape_inline(s: &str) -> String {
    let s = markup::collapse_whitespace(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let leading_marker = i == 0 && matches!(c, '-' | '+' | '=' | '>' | '#');
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '|' | '~' | '#'
        ) || leading_marker
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. Title" would start an ordered list.
    if let Some(pos) = out.find(['.', ')'])
        && pos > 0
        && out[..pos].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(pos, '\\');
    }
    out
}

/// A markdown body that cannot start a new entry or the abstract.
fn escape_body(s: &str) -> String {
    s.trim()
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                format!("\\{l}")
            } else {
                l.trim_end().to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes entries in the native format (no front matter).
pub fn write_entries(entries: &[NativeEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        out.push_str(&format!("## {}\n", escape_inline(&e.title)));
        if let Some(id) = &e.arxiv_id {
            out.push_str(&format!("arxiv: {id}\n"));
        }
        if let Some(link) = &e.link {
            out.push_str(&format!("link: {}\n", link.trim()));
        }
        let join = |xs: &[String]| {
            xs.iter()
                .map(|x| escape_inline(&x.replace(',', " ")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !e.authors.is_empty() {
            out.push_str(&format!("authors: {}\n", join(&e.authors)));
        }
        if !e.tags.is_empty() {
            out.push_str(&format!("tags: {}\n", join(&e.tags)));
        }
        if let Some(gist) = e.gist.as_deref().filter(|g| !g.trim().is_empty()) {
            out.push_str(&format!("gist: {}\n", markup::collapse_whitespace(gist)));
        }
        if let Some(code) = e.code.as_deref().and_then(super::web_url::web_url) {
            out.push_str(&format!("code: {code}\n"));
        }
        if let Some(summary) = e.summary.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push_str(&format!("\n{}\n", escape_body(summary)));
        }
        if let Some(abs) = e.abstract_.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push_str(&format!("\n### Abstract\n\n{}\n", escape_body(abs)));
        }
        out.push('\n');
    }
    out
}

/// A new day file: front matter with the date, and a comment explaining the format.
pub fn new_day_file(date: NaiveDate, entries: &[NativeEntry]) -> String {
    format!(
        "+++\ndate = {}\n+++\n\n<!--\nOne paper per `## Title` heading, fields right under it, then the summary:\n\n## The paper's title\narxiv: 2507.02592\nauthors: First Author, Second Author\ntags: agents, reasoning\ngist: One sentence on what it does.\n\nThe summary, in markdown.\n\n### Abstract\n\nThe abstract, if you have it.\n\nA post that is not on arXiv takes `link: https://…` instead of `arxiv:`.\n-->\n\n{}",
        date.format("%Y-%m-%d"),
        write_entries(entries)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> (Vec<Section>, Diagnostics) {
        let mut d = Diagnostics::default();
        let s = parse(Path::new("n.md"), text, 1, &ParseOptions::default(), &mut d);
        (s, d)
    }

    #[test]
    fn reads_fields_summary_and_abstract() {
        let text = "## WebSailor: Web *Agents*\narxiv: 2507.02592v2\nauthors: A. One, B. Two\ntags: agents, reasoning\ngist: It browses.\n\nFirst paragraph.\n\nSecond.\n\n### Abstract\n\nWe study browsing.\n\n## A blog post\nlink: https://blog.example.org/x\n\nWhy it matters.\n";
        let (s, d) = parse_str(text);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries;
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title, "WebSailor: Web Agents");
        assert_eq!(e[0].arxiv_id.as_deref(), Some("2507.02592"));
        assert_eq!(e[0].authors, ["A. One", "B. Two"]);
        assert_eq!(e[0].tags, ["agents", "reasoning"]);
        assert_eq!(e[0].gist.as_ref().unwrap().text, "It browses.");
        assert_eq!(
            e[0].summary.as_ref().unwrap().html,
            "<p>First paragraph.</p>\n<p>Second.</p>"
        );
        assert_eq!(e[0].abstract_.as_ref().unwrap().text, "We study browsing.");
        assert_eq!(e[1].arxiv_id, None);
        assert_eq!(e[1].url.as_deref(), Some("https://blog.example.org/x"));
        assert_eq!(e[1].line, 15);
    }

    #[test]
    fn link_must_be_an_http_url() {
        let (s, d) = parse_str("## Odd\nlink: https://x.org/a b\n\nText.\n");
        assert!(d.is_empty(), "{d}");
        assert_eq!(s[0].entries[0].url.as_deref(), Some("https://x.org/a%20b"));
        let (s, d) = parse_str("## Evil\nlink: javascript:alert(1)\n\nText.\n");
        assert!(s.iter().all(|s| s.entries.is_empty()));
        assert_eq!((d.items[0].line, d.items[0].kind), (2, Kind::MissingLink));
        assert!(d.items[0].message.contains("javascript:alert(1)"), "{d}");
        let (s, d) = parse_str("## Bare\nlink: www.example.org/post\n\nText.\n");
        assert_eq!(
            s[0].entries[0].url.as_deref(),
            Some("https://www.example.org/post")
        );
        assert_eq!((d.error_count(), d.warning_count()), (0, 1), "{d}");
        assert_eq!(
            (d.items[0].line, d.items[0].kind),
            (2, Kind::SchemelessLink)
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like(&HashLines::new("## T\narxiv: 2507.00001\n")));
        assert!(!looks_like(&HashLines::new(
            "## Papers for 2025-07-04\n\n| Title |\n"
        )));
    }

    #[test]
    fn unknown_field_and_missing_id_are_errors() {
        let (_, d) = parse_str("## T\narxiv: 2507.00001\nauthor: x\n\n## U\nauthors: y\n");
        assert_eq!(d.error_count(), 2, "{d}");
        assert_eq!((d.items[0].line, d.items[1].line), (3, 5));
        assert!(
            d.items[1]
                .message
                .contains("needs an `arxiv:` or a `link:`")
        );
    }

    #[test]
    fn writer_round_trips() {
        let entries = vec![
            NativeEntry {
                title: "1. A *tricky* [title] with <html> & pipes | ~ #hash".into(),
                arxiv_id: Some("2507.02592".into()),
                link: None,
                authors: vec!["Ann Lee".into(), "bob_99".into()],
                tags: vec!["LLMs".into(), "C++".into()],
                gist: Some("It *works*.".into()),
                summary: Some("Para one.\n\n## Not a heading\n\nPara two.".into()),
                abstract_: Some("The abstract.".into()),
                code: Some("https://github.com/ann/tricky".into()),
            },
            NativeEntry {
                title: "- Blog".into(),
                link: Some("https://example.org/post".into()),
                ..NativeEntry::default()
            },
        ];
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let text = new_day_file(date, &entries);
        let mut d = Diagnostics::default();
        let digest = super::super::parse_digest(
            Path::new("2026-11-22.md"),
            &text,
            &ParseOptions::default(),
            &mut d,
        )
        .unwrap();
        assert!(d.is_empty(), "{d}\n{text}");
        assert_eq!(digest.front.date, Some(date));
        let got = &digest.sections[0].entries;
        assert_eq!(got.len(), 2);
        for (g, w) in got.iter().zip(&entries) {
            assert_eq!(g.title, w.title, "{text}");
            assert_eq!(g.authors, w.authors);
            assert_eq!(g.tags, w.tags);
            assert_eq!(g.code, w.code);
            assert_eq!(
                g.gist.as_ref().map(|m| m.text.clone()),
                w.gist.as_deref().map(|s| markup::block(s).text)
            );
            assert_eq!(
                g.summary.as_ref().map(|m| m.text.clone()),
                w.summary
                    .as_deref()
                    .map(|s| markup::block(&escape_body(s)).text)
            );
            assert_eq!(
                g.abstract_.as_ref().map(|m| m.text.clone()),
                w.abstract_.as_deref().map(|s| markup::block(s).text)
            );
        }
        assert!(
            got[0]
                .summary
                .as_ref()
                .unwrap()
                .text
                .contains("## Not a heading")
        );
        assert_eq!(got[1].url.as_deref(), Some("https://example.org/post"));
    }

    #[test]
    fn empty_new_file_has_no_entries_and_says_so() {
        let text = new_day_file(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(), &[]);
        let mut d = Diagnostics::default();
        let digest =
            super::super::parse_digest(Path::new("x.md"), &text, &ParseOptions::default(), &mut d)
                .unwrap();
        // A day with no paper yet is not an error, but it is not silent either.
        assert_eq!(d.items.len(), 1, "{d}");
        assert_eq!(d.items[0].kind, crate::diagnostic::Kind::EmptyDay);
        assert!(digest.sections.iter().all(|s| s.entries.is_empty()));
    }
}
