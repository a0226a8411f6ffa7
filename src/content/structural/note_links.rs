//! Links to notes of the site: how an index of one-note-per-paper files is told from a
//! digest.
//!
//! Vaults and Jekyll or Hugo sites keep a note per paper and an overview linking them.
//! The overview names the same papers as the notes; read as a digest it would publish
//! each paper twice. Its links to notes (`paper.md`, `/2026/03/01/paper`, `[[2604.07019]]`)
//! say what it is.

use super::ids;

/// Whether a line's link points at a note of the site: a markdown file or page beside
/// it, or a page path of the site (`/202604/12/a-paper`), not a web address or an
/// anchor.
pub(super) fn links_a_note(text: &str) -> bool {
    links_an_id_note(text) || links_a_page_note(text)
}

/// [`links_a_note`] for a wiki link (`[[2604.07019]]`).
fn links_an_id_note(text: &str) -> bool {
    text.contains("[[") && crate::content::wikilinks::targets(text).any(names_an_id_note)
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
        && (md || html_page || page || bundle)
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
