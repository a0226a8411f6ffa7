//! Links to notes of the site: how an index of one-note-per-paper files is told from a
//! digest.
//!
//! Vaults and Jekyll or Hugo sites keep a note per paper and an overview linking them.
//! The overview names the same papers as the notes; read as a digest it would publish
//! each paper twice. Its links to notes (`paper.md`, `/2026/03/01/paper`, `[[2604.07019]]`)
//! say what it is.

use chrono::NaiveDate;

use super::ids;

/// Whether a line's link points at a note of the site: a markdown file or page beside
/// it, or a page path of the site (`/202604/12/a-paper`), not a web address or an
/// anchor.
pub(super) fn links_a_note(text: &str) -> bool {
    may_link(text) && (links_an_id_note(text) || links_a_page_note(text))
}

/// Whether `text` holds a `[[`, a `](` or a `<`, one of which every link to a note
/// holds: found in one pass, where the two tests below search a line that has none
/// (most entries' first lines and fields) three times.
fn may_link(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'[', b']', b'<', b).any(|i| match b[i] {
        b'[' => b.get(i + 1) == Some(&b'['),
        b']' => b.get(i + 1) == Some(&b'('),
        _ => true,
    })
}

/// [`links_a_note`] for a wiki link (`[[2604.07019]]`).
fn links_an_id_note(text: &str) -> bool {
    // memchr finds the `[[`: every line before an entry's first paper is asked.
    let b = text.as_bytes();
    memchr::memchr_iter(b'[', b).any(|i| b.get(i + 1) == Some(&b'['))
        && crate::content::wikilinks::targets(text).any(names_an_id_note)
}

/// [`links_a_note`] for a markdown or HTML link to a page of the site.
fn links_a_page_note(text: &str) -> bool {
    // Asked of every entry's first line, which mostly holds no link.
    if crate::content::marks::link_middle(text).is_none()
        && !(text.contains('<') && text.contains("href="))
    {
        return false;
    }
    link_targets(text).any(is_note_target)
}

/// Whether a wiki link's target is a note named by its paper's arXiv id
/// (`[[2604.07019v1]]`, `[[papers/2605.29548]]`), as vaults of one note per paper name
/// them: the paper is read from that note. A wiki link to any other name is a concept
/// of the vault, not a paper's note.
fn names_an_id_note(target: &str) -> bool {
    let name = target.rsplit('/').next().unwrap_or(target);
    let name = name.strip_suffix(".md").unwrap_or(name);
    let (id, version) = match name.split_once('v') {
        Some((id, v)) => (id, Some(v)),
        None => (name, None),
    };
    let Some((yymm, number)) = id.split_once('.') else {
        return false;
    };
    yymm.len() == 4
        && (4..=5).contains(&number.len())
        && yymm
            .bytes()
            .chain(number.bytes())
            .all(|b| b.is_ascii_digit())
        && version.is_none_or(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a link's target is a note of the site (see [`links_a_note`]). HTML `href`s
/// count as markdown links do: indexes written as HTML tables link the notes' pages
/// (`./papers/a-paper.html`).
pub(super) fn is_note_target(target: &str) -> bool {
    let md = target.ends_with(".md") || target.contains(".md#");
    // Only a relative page: an absolute `.html` path may be anything on the web.
    let html_page = target.ends_with(".html") && !target.starts_with('/');
    let page = target.starts_with('/') && target.len() > 1 && !target.starts_with("//");
    // A page bundle beside the index (Hugo: `a-paper-2607-00001/`), not a way up (`../`).
    let bundle = !target.starts_with('/')
        && target.ends_with('/')
        && target
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .is_some_and(|last| last.bytes().any(|b| b.is_ascii_alphabetic()));
    !target.contains("://")
        && !target.starts_with('#')
        && (md || html_page || page || bundle || names_a_pretty_page(target))
        && !target.ends_with("index.md")
        && !target.ends_with("README.md")
        && !target.ends_with("index.html")
}

/// The targets of a line's links, trimmed: markdown links (`[text](target)`) and HTML
/// `href`s, quoted or not.
pub(super) fn link_targets(text: &str) -> impl Iterator<Item = &str> {
    // memchr finds the markers: this is asked of every line of a table digest, whose
    // rows are long, and a `str` pattern search cost more than the rest of it.
    let b = text.as_bytes();
    let markdown = memchr::memmem::find_iter(b, b"](")
        .map(move |at| text[at + 2..].split(')').next().unwrap_or(""));
    let html = memchr::memmem::find_iter(b, b"href=").map(move |at| {
        let rest = text[at + 5..].trim_start();
        match rest.strip_prefix(['"', '\'']) {
            Some(quoted) => quoted.split(['"', '\'']).next().unwrap_or(""),
            None => rest.split([' ', '>']).next().unwrap_or(""),
        }
    });
    markdown.chain(html).map(str::trim)
}

/// Whether `body` links anything on the web that names no paper (a blog post, a
/// repository): an item the reader passes over. Links into a repository's own folders
/// and files (`github.com/…/tree/…`, `…/blob/…`) and to a site's front page are
/// navigation, and images are not items.
pub fn links_to_no_paper(body: &str) -> bool {
    body.split('\n').any(|line| {
        link_targets(line).any(|target| {
            // A site's front page (`[arXiv.org](https://arxiv.org)`, a footer's credit)
            // is no item: an item has a path.
            let path = target
                .split_once("://")
                .and_then(|(_, rest)| rest.split_once('/'))
                .map_or("", |(_, path)| path);
            (target.starts_with("http://") || target.starts_with("https://"))
                && !path.trim_matches('/').is_empty()
                && ids::find(target).is_empty()
                && !target.contains("/tree/")
                && !target.contains("/blob/")
                && !target.ends_with(".png")
                && !target.ends_with(".svg")
                && !target.contains("img.shields.io")
        })
    })
}

/// Whether `body` is an index of notes rather than a digest: its lines that link notes
/// of the site are at least half as many as the papers it names.
pub fn indexes_notes(body: &str) -> bool {
    // Asked of every table digest, which links papers, not notes: the papers are
    // counted only when some line links a note.
    let wiki = memchr::memmem::find(body.as_bytes(), b"[[").is_some();
    if !wiki && !links_somewhere_relative(body) {
        return false;
    }
    let note_links = body
        .split('\n')
        .filter(|l| wiki && links_an_id_note(l) || links_a_page_note(l))
        .count();
    note_links >= 1 && note_links * 2 >= super::survey(body, 1).papers
}

/// Whether some link of `body` has a target without a scheme (`paper.md`,
/// `/2026/03/01/paper`, `a-paper/`): only such a link can be a note's. A table digest's
/// links are all `https://`: one pass of memchr says so.
fn links_somewhere_relative(body: &str) -> bool {
    let b = body.as_bytes();
    let relative = |at: usize| {
        let rest = &body[at..];
        let rest = rest.trim_start().trim_start_matches(['"', '\'']);
        !(rest.starts_with("http") || rest.starts_with('#') || rest.starts_with("mailto:"))
    };
    memchr::memmem::find_iter(b, b"](").any(|at| relative(at + 2))
        || memchr::memmem::find_iter(b, b"href=").any(|at| relative(at + 5))
}

/// Whether a relative target names a page of the site by its pretty URL, without an
/// extension (`papers/2604.01658-a-paper`, `papers/2604.01658`, as Jekyll and Hugo serve
/// a note): a folder and a name, and no file extension (`figs/a.png`, `paper.pdf`).
fn names_a_pretty_page(target: &str) -> bool {
    let target = target.split(['#', '?']).next().unwrap_or("");
    let target = target.trim_start_matches("./");
    let Some((_, name)) = target.rsplit_once('/') else {
        return false;
    };
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphabetic()));
    // Not a site path or a way up (`/x`, `../x`): those leave the folder empty or
    // open with a dot.
    !target.starts_with(['/', '.'])
        && !target.contains(':')
        && !name.is_empty()
        && extension.is_none()
}

/// A link to a note under a dated heading of an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedNoteLink {
    /// The link's target as written (`papers/a-paper.md`, `/2026/03/01/a-paper/`).
    pub target: String,
    pub date: NaiveDate,
    /// 1-based line of the link.
    pub line: usize,
}

/// The notes an index links under dated headings (`## 2026-04-26 Picks` over `| [Title](
/// papers/a-paper) | … |`), each with the date of the nearest heading above it that
/// names one. A heading no deeper than that one which names no date ends it (`##
/// Older notes`); a deeper one (`### cs.IR`) groups under it. Links before any dated
/// heading date nothing, and neither do links in code blocks.
pub fn dated_note_links(body: &str, first_line: usize) -> Vec<DatedNoteLink> {
    let mut out = Vec::new();
    let mut current: Option<(usize, NaiveDate)> = None;
    let mut in_code = false;
    for (i, line) in body.split('\n').enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let level = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&level) && t[level..].starts_with([' ', '\t']) {
            match crate::content::date_text::find_date(&t[level..]) {
                Some(date) => current = Some((level, date)),
                None if current.is_some_and(|(l, _)| level <= l) => current = None,
                None => {}
            }
            continue;
        }
        let Some((_, date)) = current else {
            continue;
        };
        if crate::content::marks::link_middle(line).is_none() && !line.contains("href=") {
            continue;
        }
        for target in link_targets(line).filter(|t| is_note_target(t)) {
            out.push(DatedNoteLink {
                target: target.to_string(),
                date,
                line: first_line + i,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_pages_of_the_site_are_notes() {
        for target in [
            "papers/2604.01658-a-paper",
            "papers/2604.01658",
            "./papers/a-paper",
            "papers/a-paper#method",
        ] {
            assert!(is_note_target(target), "{target}");
        }
        for target in [
            "figs/plot.png",
            "papers/paper.pdf",
            "a-paper",
            "../README",
            "mailto:someone@example.org",
            "https://arxiv.org/abs/2604.01658",
            "#paper-1",
        ] {
            assert!(!is_note_target(target), "{target}");
        }
    }

    #[test]
    fn an_index_dates_the_notes_under_its_dated_headings() {
        let body = "\
# Reading list

[About](papers/about)

## 2026-04-26 Picks: retrieval

### cs.IR

| Paper | One line |
|---|---|
| [A](papers/a-paper) | x |
| [B](papers/b.md) | [arXiv](https://arxiv.org/abs/2604.00001) |

```
[C](papers/in-code)
```

## 2026-04-25 Picks

- <a href=\"papers/c.html\">C</a>

## Older notes

- [D](papers/d-paper)
";
        let links: Vec<(String, String, usize)> = dated_note_links(body, 1)
            .into_iter()
            .map(|l| (l.target, l.date.to_string(), l.line))
            .collect();
        let want = [
            ("papers/a-paper", "2026-04-26", 11),
            ("papers/b.md", "2026-04-26", 12),
            ("papers/c.html", "2026-04-25", 20),
        ];
        assert_eq!(
            links,
            want.map(|(t, d, l)| (t.to_string(), d.to_string(), l))
        );
    }
}
