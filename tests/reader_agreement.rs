//! The family parsers and the general reader agree: a file in one of the three families
//! papertrail was taught (tables, the list family, its own format) gives the same papers,
//! titles, authors and tags when it is read by its structure alone. The families stay
//! as fast paths; this keeps the general reader honest on the layouts whose truth is
//! known.

use std::path::Path;

use papertrail::content::{self, Entry, Format, ParseOptions, structural};
use papertrail::diagnostic::Diagnostics;
use proptest::prelude::*;
use proptest::sample::select;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Z][a-z]{1,9}",
        2 => "[a-z][a-z0-9-]{0,8}",
        1 => select(&["Résumé", "表格", "学习", "Δ-Net", "3D", "LLM", "R$^2$"][..]).prop_map(String::from),
    ]
}

/// One-word labels of fields (docs/formats.md): a heading that is only one of them is
/// read as that field by the general reader, which cannot tell the paper "By" from a
/// by-line. No generated title is one of them.
const FIELD_WORDS: &[&str] = &[
    "by",
    "name",
    "title",
    "author",
    "authors",
    "researchers",
    "gist",
    "tldr",
    "abstract",
    "summary",
    "category",
    "categories",
    "subject",
    "subjects",
    "tag",
    "tags",
    "topic",
    "topics",
    "field",
    "area",
    "arxiv",
    "id",
    "link",
    "links",
    "url",
    "pdf",
    "paper",
    "abs",
    "hf",
    "huggingface",
    "code",
    "github",
    "project",
    "website",
    "homepage",
    "source",
    "doi",
    "openreview",
    "alphaxiv",
    "kimi",
    "date",
    "published",
    "submitted",
    "updated",
];

fn title() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..9)
        .prop_map(|w| {
            let mut t = w.join(" ");
            // A title starts with a word, as every generated family writes it.
            if !t.starts_with(|c: char| c.is_alphabetic()) {
                t.insert_str(0, "On ");
            }
            t
        })
        .prop_filter("a field's label, not a title", |t| {
            !FIELD_WORDS.contains(&t.to_lowercase().as_str())
        })
}

fn person() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}",
        1 => select(&["Zoë Ångström", "José Núñez", "Łukasz Kaiser", "A. B. Chen"][..]).prop_map(String::from),
    ]
    // A line `By Aa` is a by-line, which the general reader reads as the name after it.
    .prop_filter("a by-line, not a name", |p| !p.starts_with("By "))
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{1,10}", 2..12).prop_map(|w| format!("{}.", w.join(" ")))
}

#[derive(Debug, Clone)]
struct Paper {
    title: String,
    id: String,
    authors: Vec<String>,
    gist: String,
    abstract_: String,
}

fn paper() -> impl Strategy<Value = Paper> {
    (
        title(),
        (1u32..25, 1u32..13, 0u32..100_000),
        prop::collection::vec(person(), 1..5),
        sentence(),
        sentence(),
    )
        .prop_map(|(title, (y, m, n), authors, gist, abstract_)| Paper {
            title,
            id: format!("{:02}{:02}.{:05}", y + 15, m, n),
            authors,
            gist,
            abstract_,
        })
}

/// Papers with distinct ids, in categories.
fn papers() -> impl Strategy<Value = Vec<(String, Paper)>> {
    prop::collection::vec(
        (select(&["cs.CL", "cs.CV", "astro-ph.GA"][..]), paper()),
        1..8,
    )
    .prop_map(|v| {
        let mut seen = std::collections::HashSet::new();
        let mut v: Vec<(String, Paper)> = v
            .into_iter()
            .filter(|(_, p)| seen.insert(p.id.clone()))
            .map(|(c, p)| (c.to_string(), p))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    })
}

fn list_file(papers: &[(String, Paper)], bold_labels: bool) -> String {
    let mut out = String::from("<div id=toc></div>\n\n# Table of Contents\n\n");
    let mut last = "";
    for (cat, _) in papers {
        if cat != last {
            out.push_str(&format!("- [{cat}](#{cat})\n"));
            last = cat;
        }
    }
    last = "";
    for (n, (cat, p)) in papers.iter().enumerate() {
        if cat != last {
            out.push_str(&format!(
                "\n<div id='{cat}'></div>\n\n# {cat} [[Back]](#toc)\n\n"
            ));
            last = cat;
        }
        let tldr = if bold_labels { "**TL;DR**:" } else { "TL;DR:" };
        let abs = if bold_labels {
            "**Abstract:**"
        } else {
            "Abstract:"
        };
        out.push_str(&format!(
            "### [{}] [{}](https://arxiv.org/abs/{})\n*{}*\n\n{tldr} {}\n\n<details>\n  <summary>Details</summary>\n\n{abs} {}\n\n</details>\n\n",
            n + 1,
            p.title,
            p.id,
            p.authors.join(", "),
            p.gist,
            p.abstract_
        ));
    }
    out
}

fn table_file(papers: &[(String, Paper)], category_column: bool) -> String {
    let mut out = String::from("## Papers for 2026-03-01\n\n");
    if category_column {
        out.push_str("| Category | Title | Authors | Summary |\n|---|---|---|---|\n");
    } else {
        out.push_str("| Title | Authors | Summary |\n|---|---|---|\n");
    }
    for (cat, p) in papers {
        let title = format!(
            "{} (Read more on [arXiv](https://arxiv.org/abs/{}) or [HuggingFace](https://huggingface.co/papers/{}))",
            p.title, p.id, p.id
        );
        let title = title.replace('|', "\\|");
        if category_column {
            out.push_str(&format!(
                "| {cat} | {title} | {} | {} |\n",
                p.authors.join(", "),
                p.abstract_
            ));
        } else {
            out.push_str(&format!(
                "| {title} | {} | {} |\n",
                p.authors.join(", "),
                p.abstract_
            ));
        }
    }
    out
}

fn native_file(papers: &[(String, Paper)]) -> String {
    let mut out = String::new();
    for (_, p) in papers {
        out.push_str(&format!(
            "## {}\narxiv: {}\nauthors: {}\ngist: {}\n\n{}\n\n",
            p.title,
            p.id,
            p.authors.join(", "),
            p.gist,
            p.abstract_
        ));
    }
    out
}

fn family(text: &str) -> (Format, Vec<Entry>) {
    let mut d = Diagnostics::default();
    let digest = content::parse_digest(
        Path::new("2026-03-01.md"),
        text,
        &ParseOptions::default(),
        &mut d,
    )
    .expect("parses");
    let format = digest
        .sections
        .first()
        .and_then(|s| s.entries.first())
        .map(|e| e.format);
    (
        format.unwrap_or(Format::Structural),
        digest
            .sections
            .into_iter()
            .flat_map(|s| s.entries)
            .collect(),
    )
}

fn general(text: &str) -> Vec<Entry> {
    let mut d = Diagnostics::default();
    structural::parse(
        Path::new("2026-03-01.md"),
        true,
        text,
        1,
        &ParseOptions::default(),
        &mut d,
    )
    .into_iter()
    .flat_map(|s| s.entries)
    .collect()
}

/// What both readers must agree on.
fn key(e: &Entry) -> (Option<String>, String, Vec<String>) {
    (e.arxiv_id.clone(), e.title.clone(), e.authors.clone())
}

fn agree(
    text: &str,
    expect: Format,
    with_tags: bool,
    with_gist: bool,
) -> Result<(), TestCaseError> {
    let (format, fam) = family(text);
    prop_assert_eq!(format, expect, "{}", text);
    let read = general(text);
    prop_assert_eq!(fam.len(), read.len(), "{}", text);
    for (a, b) in fam.iter().zip(&read) {
        prop_assert_eq!(key(a), key(b), "{}", text);
        if with_tags {
            prop_assert_eq!(&a.tags, &b.tags, "{}", text);
        }
        if with_gist {
            let text_of = |m: &Option<content::Markup>| m.as_ref().map(|m| m.text.clone());
            prop_assert_eq!(text_of(&a.gist), text_of(&b.gist), "{}", text);
            prop_assert_eq!(text_of(&a.abstract_), text_of(&b.abstract_), "{}", text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn list_family_and_general_reader_agree(ps in papers(), bold in any::<bool>()) {
        agree(&list_file(&ps, bold), Format::List, true, true)?;
    }

    #[test]
    fn table_family_and_general_reader_agree(ps in papers(), category in any::<bool>()) {
        agree(&table_file(&ps, category), Format::Table, false, false)?;
    }

    #[test]
    fn native_format_and_general_reader_agree(ps in papers()) {
        agree(&native_file(&ps), Format::Native, false, false)?;
    }
}
