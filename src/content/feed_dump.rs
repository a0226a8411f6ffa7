//! Format B: a dump of feed items, `### Title:` / `Link:` / `Summary:` blocks.
//!
//! These files carry no date (it comes from front matter or the path), titles wrap onto
//! indented lines, summaries are HTML, and Hugging Face summaries join a gist and the
//! abstract with an "AI-generated summary" marker that is split here.

use std::path::Path;

use super::arxiv;
use super::line_split::HashLines;
use super::web_url::entry_url;
use super::{Entry, Format, Section, markup};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

const TITLE: &str = "### title:";
const AI_MARKER: &str = "AI-generated summary";

/// True when the body has at least one `### Title:` entry and a `Link:` line: a bot
/// that writes `### Title:` over its own fields (` - **Arxiv link:** …`) is read by its
/// structure, not held to this format's fields, which every one of its entries lacks.
pub fn looks_like(hashed: &HashLines<'_>, body: &str) -> bool {
    hashed
        .starting_with("###")
        .any(|mut from| from.next().is_some_and(is_title_line))
        && body.split('\n').any(|line| field(line, "link").is_some())
}

fn is_title_line(line: &str) -> bool {
    line.get(..TITLE.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(TITLE))
}

/// A line made only of `-` and spaces, used between items.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c == '-' || c == ' ')
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let t = line.trim_start();
    let head = t.get(..name.len())?;
    (head.eq_ignore_ascii_case(name) && t[name.len()..].starts_with(':'))
        .then(|| t[name.len() + 1..].trim())
}

#[derive(PartialEq)]
enum State {
    Outside,
    Title,
    Fields,
    Summary,
}

struct Pending {
    line: usize,
    title: String,
    link: Option<String>,
    summary: Vec<String>,
}

/// Parses the body of a feed dump into one undated section.
pub fn parse(
    path: &Path,
    body: &str,
    first_line: usize,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Vec<Section> {
    let mut entries = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut state = State::Outside;
    for (i, raw) in body.split('\n').enumerate() {
        let lineno = first_line + i;
        let line = raw.trim_end();
        if is_title_line(line) {
            if let Some(p) = pending.take() {
                entries.extend(finish(path, p, opts, diags));
            }
            pending = Some(Pending {
                line: lineno,
                title: line[TITLE.len()..].trim().to_string(),
                link: None,
                summary: Vec::new(),
            });
            state = State::Title;
            continue;
        }
        let Some(p) = pending.as_mut() else {
            if !line.trim().is_empty() && !is_separator(line) && !line.starts_with('#') {
                diags.push(
                    Diagnostic::warning(
                        path,
                        lineno,
                        "text before the first `### Title:` entry is ignored",
                    )
                    .kind(Kind::StrayText),
                );
            }
            continue;
        };
        if state != State::Summary {
            if let Some(link) = field(line, "link") {
                p.link = Some(link.to_string());
                state = State::Fields;
                continue;
            }
            if let Some(summary) = field(line, "summary") {
                p.summary.push(summary.to_string());
                state = State::Summary;
                continue;
            }
        }
        match state {
            State::Title if raw.starts_with([' ', '\t']) && !line.trim().is_empty() => {
                p.title.push(' ');
                p.title.push_str(line.trim());
            }
            State::Summary if !is_separator(line) => p.summary.push(line.to_string()),
            _ if line.trim().is_empty() || is_separator(line) => {}
            _ => diags.push(
                Diagnostic::warning(
                    path,
                    lineno,
                    "line is not part of a Title, Link or Summary field and is ignored",
                )
                .kind(Kind::StrayText),
            ),
        }
    }
    if let Some(p) = pending.take() {
        entries.extend(finish(path, p, opts, diags));
    }
    super::undated_section(entries)
}

fn finish(
    path: &Path,
    p: Pending,
    opts: &super::ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let title = markup::plain(&p.title);
    if title.is_empty() {
        diags.push(
            Diagnostic::error(path, p.line, "entry has an empty title").kind(Kind::MissingTitle),
        );
        return None;
    }
    let Some(raw_link) = p.link.filter(|l| !l.is_empty()) else {
        diags.push(
            Diagnostic::error(path, p.line, format!("entry `{title}` has no `Link:` line"))
                .kind(Kind::MissingLink),
        );
        return None;
    };
    let Some((link, guessed)) = entry_url(&raw_link) else {
        diags.push(
            Diagnostic::error(
                path,
                p.line,
                format!("entry `{title}` has a `Link:` that is no http(s) URL: `{raw_link}`"),
            )
            .kind(Kind::MissingLink),
        );
        return None;
    };
    if guessed {
        diags.push(
            Diagnostic::warning(
                path,
                p.line,
                format!("`Link: {raw_link}` has no scheme; published as `{link}`"),
            )
            .kind(Kind::SchemelessLink),
        );
    }
    let arxiv_id = arxiv::id_from_url(&link).map(|(id, _)| id);
    let joined = p.summary.join("\n");
    let summary = super::lint::summary_source(path, p.line, joined.trim(), opts, diags);
    let summary = summary.trim();
    let (gist, rest) = match summary.find(AI_MARKER) {
        Some(pos) => (Some(&summary[..pos]), &summary[pos + AI_MARKER.len()..]),
        None => (None, summary),
    };
    let gist = gist.map(markup::block).filter(|m| !m.is_empty());
    let rest = markup::block(rest);
    let rest = (!rest.is_empty()).then_some(rest);
    let (summary, abstract_) = if arxiv_id.is_some() {
        (None, rest)
    } else {
        (rest, None)
    };
    Some(Entry {
        line: p.line,
        format: Format::FeedDump,
        title,
        arxiv_id,
        url: Some(link),
        authors: Vec::new(),
        summary,
        gist,
        abstract_,
        tags: Vec::new(),
        code: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> (Vec<Section>, Diagnostics) {
        let mut d = Diagnostics::default();
        let s = parse(Path::new("f.md"), text, 1, &Default::default(), &mut d);
        (s, d)
    }

    #[test]
    fn entries_with_wrapped_title_and_split_summary() {
        let text = " - \n### Title: Thinking with Images: Foundations, Methods, and\n  Future Frontiers\nLink: https://huggingface.co/papers/2506.23918\nSummary: Gist sentence. \t\t\t\t \t\t\t\t\tAI-generated summary \t\t\t\t \t\tThe abstract.\n\n - \n - \n";
        let (s, d) = parse_str(text);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries[0];
        assert_eq!(
            e.title,
            "Thinking with Images: Foundations, Methods, and Future Frontiers"
        );
        assert_eq!(e.arxiv_id.as_deref(), Some("2506.23918"));
        assert_eq!(e.gist.as_ref().unwrap().text, "Gist sentence.");
        assert_eq!(e.abstract_.as_ref().unwrap().text, "The abstract.");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn blog_item_is_a_link_with_sanitised_summary() {
        let text = "### Title: My Advice\nLink: https://blog.example.org/advice/\nSummary: <p>What it takes</p>\n<p>The post <a href=\"https://blog.example.org/advice/\" onclick=\"x()\">My Advice</a> appeared first.</p>\n";
        let (s, d) = parse_str(text);
        assert!(d.is_empty(), "{d}");
        let e = &s[0].entries[0];
        assert_eq!(e.arxiv_id, None);
        assert_eq!(e.url.as_deref(), Some("https://blog.example.org/advice/"));
        let html = &e.summary.as_ref().unwrap().html;
        assert!(html.contains("<p>What it takes</p>"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }

    #[test]
    fn unsplit_summary_is_the_abstract() {
        let text = "### Title: CRISP\nLink: https://huggingface.co/papers/2506.23121\nSummary: Multi-organ segmentation is crucial.\n";
        let (s, _) = parse_str(text);
        let e = &s[0].entries[0];
        assert_eq!(e.gist, None);
        assert_eq!(
            e.abstract_.as_ref().unwrap().text,
            "Multi-organ segmentation is crucial."
        );
    }

    #[test]
    fn missing_link_is_an_error() {
        let (s, d) = parse_str("### Title: Lost\nSummary: x\n");
        assert!(s.is_empty());
        assert_eq!(d.error_count(), 1);
        assert_eq!(d.items[0].line, 1);
    }

    #[test]
    fn link_is_published_as_a_valid_http_url() {
        let (s, d) =
            parse_str("### Title: Odd\nLink: https://blog.example.org/a?b=1&c=<2>\nSummary: x\n");
        assert!(d.is_empty(), "{d}");
        assert_eq!(
            s[0].entries[0].url.as_deref(),
            Some("https://blog.example.org/a?b=1&c=%3C2%3E")
        );
        let (s, d) = parse_str("### Title: Evil\nLink: javascript:alert(1)\nSummary: x\n");
        assert!(s.is_empty());
        assert_eq!((d.error_count(), d.items[0].line), (1, 1));
        assert_eq!(d.items[0].kind, Kind::MissingLink);
        assert!(d.items[0].message.contains("javascript:alert(1)"), "{d}");
    }

    #[test]
    fn a_link_without_its_scheme_is_published_with_https_and_a_warning() {
        let (s, d) = parse_str("### Title: Bare\nLink: arxiv.org/abs/2507.00001\nSummary: x\n");
        assert_eq!(
            s[0].entries[0].url.as_deref(),
            Some("https://arxiv.org/abs/2507.00001")
        );
        assert_eq!(s[0].entries[0].arxiv_id.as_deref(), Some("2507.00001"));
        assert_eq!((d.error_count(), d.warning_count()), (0, 1), "{d}");
        assert_eq!(
            (d.items[0].line, d.items[0].kind),
            (1, Kind::SchemelessLink)
        );
    }
}
