//! Code links: a repository or project page a digest gives for a paper (a column, a
//! labelled line, a `[Code]` link, a URL in the abstract) is a "Code" link on the
//! paper's entries and page, and in the export; a link several papers share is not.

mod common;

use std::path::Path;

use common::{Site, assert_clean, run_in, tree};
use papertrail::content::{Entry, ParseOptions, parse_digest};
use papertrail::diagnostic::Diagnostics;

fn entries(name: &str, text: &str) -> (Vec<Entry>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let digest =
        parse_digest(Path::new(name), text, &ParseOptions::default(), &mut diags).expect("parses");
    let entries = digest
        .sections
        .into_iter()
        .flat_map(|s| s.entries)
        .collect();
    (entries, diags)
}

fn codes(entries: &[Entry]) -> Vec<Option<&str>> {
    entries.iter().map(|e| e.code.as_deref()).collect()
}

#[test]
fn a_code_column_of_a_table_digest() {
    let (e, diags) = entries(
        "2025-03-01.md",
        "## Papers for 2025-03-01\n\n| Title | Authors | Summary | Code |\n|---|---|---|---|\n\
         | One ([arXiv](https://arxiv.org/abs/2503.00001)) | Ann Lee | Text. | [GitHub](https://github.com/ann/one.git) |\n\
         | Two ([arXiv](https://arxiv.org/abs/2503.00002)) | Bo Chen | Text. | - |\n",
    );
    assert_eq!(codes(&e), [Some("https://github.com/ann/one"), None]);
    assert!(
        !diags
            .items
            .iter()
            .any(|d| d.message.contains("unknown column")),
        "{diags:?}"
    );
}

#[test]
fn a_labelled_code_line_is_the_link_and_not_a_summary_part() {
    let text = "# 今日论文\n\n\
        ## 1. [A Paper About Agents](https://arxiv.org/abs/2503.00003)\n\n\
        **作者**: Ann Lee, Bo Chen\n\n\
        **摘要**: Agents plan with tools.\n\n\
        [View Paper](https://github.com/big/library)\n\n\
        **代码**: [https://github.com/ann/agents](https://github.com/ann/agents)\n\n\
        ## 2. [A Paper About Vision](https://arxiv.org/abs/2503.00004)\n\n\
        **摘要**: Images are read.\n\n\
        - **Code**: https://ann.example.org/vision/ (weights and a demo)\n\n\
        ## 3. [A Paper About Sound](https://arxiv.org/abs/2503.00005)\n\n\
        **摘要**: Sounds are heard.\n\n\
        **Repo**: to be released\n";
    let (e, _) = entries("2025-03-01.md", text);
    assert_eq!(
        codes(&e),
        [
            Some("https://github.com/ann/agents"),
            Some("https://ann.example.org/vision/"),
            None
        ]
    );
    let summary = |i: usize| e[i].summary.as_ref().map_or("", |m| m.text.as_str());
    // A bare link line says nothing more; words beside a link, or instead of one, stay.
    assert!(!summary(0).contains("github"), "{}", summary(0));
    assert!(summary(1).contains("weights and a demo"), "{}", summary(1));
    assert!(summary(2).contains("to be released"), "{}", summary(2));
}

#[test]
fn code_links_by_their_text_in_a_line_of_links() {
    let text = "# Papers\n\n\
        ### [Fast Sorting](https://arxiv.org/abs/2503.00006)\n\n\
        [PDF](https://arxiv.org/pdf/2503.00006) | [项目主页](https://sorting.example.org/)\n\n\
        A summary of the sort.\n";
    let (e, _) = entries("2025-03-01.md", text);
    assert_eq!(codes(&e), [Some("https://sorting.example.org/")]);
}

#[test]
fn a_github_column_beats_a_repository_among_other_links() {
    let text = "# Weekly picks\n\n| # | Title | Links | GitHub |\n|---|---|---|---|\n\
        | 1 | Foo Paper | [arXiv](https://arxiv.org/abs/2503.00021) [View](https://github.com/big/library) | [repo](https://github.com/ann/foo) |\n\
        | 2 | Bar Paper | [arXiv](https://arxiv.org/abs/2503.00022) [View](https://github.com/big/library) | — |\n\
        | 3 | Baz Paper | [arXiv](https://arxiv.org/abs/2503.00023) | https://github.com/ann |\n";
    let (e, _) = entries("2025-03-01.md", text);
    assert_eq!(
        codes(&e),
        [
            Some("https://github.com/ann/foo"),
            Some("https://github.com/big/library"),
            None
        ]
    );
}

#[test]
fn a_code_field_in_a_hand_written_digest() {
    let text = "## Hand Written\narxiv: 2503.00007\ncode: https://gitlab.com/ann/hand\n\nWhy it matters.\n";
    let (e, diags) = entries("2025-03-01.md", text);
    assert_eq!(codes(&e), [Some("https://gitlab.com/ann/hand")]);
    assert!(!diags.has_errors(), "{diags:?}");
}

/// Papers B and C share a link with A: three papers, so it is nobody's. D's abstract
/// names its repository; E's is the site-wide link too, but it also names its own.
fn site() -> Site {
    let table = "## Papers for 2025-03-02\n\n| Title | Authors | Summary | Code |\n|---|---|---|---|\n\
        | Table Paper ([arXiv](https://arxiv.org/abs/2503.00011)) | Ann Lee | It works. | https://github.com/ann/table |\n";
    let list = "# Daily notes\n\n\
        ## [Paper A](https://arxiv.org/abs/2503.00012)\n\n\
        [View](https://github.com/big/library)\n\n\
        A summary of A.\n\n\
        ## [Paper B](https://arxiv.org/abs/2503.00013)\n\n\
        [View](https://github.com/big/library)\n\n\
        A summary of B.\n\n\
        ## [Paper C](https://arxiv.org/abs/2503.00014)\n\n\
        [View](https://github.com/big/library)\n\n\
        A summary of C. Code is available at https://github.com/cy/sea.\n";
    let feed = "### Title: Paper D\nLink: https://huggingface.co/papers/2503.00015\n\
        Summary: A gist. AI-generated summary We study things. Our code is available at https://github.com/dee/dee.\n";
    Site::new(
        "title = \"Digest\"\nbase_url = \"https://example.org/\"\n",
        &[
            ("content/2025-03-02.md", table),
            ("content/2025-03-02-notes.md", list),
            ("content/2025-03-02-feed.md", feed),
        ],
    )
}

fn code_link(url: &str) -> String {
    format!("<a href=\"{url}\" rel=\"nofollow noopener\">Code</a>")
}

#[test]
fn the_code_link_is_on_the_day_entry_and_the_paper_page() {
    let site = site();
    let out = run_in(site.root(), &["build"]);
    assert_clean(&out);
    let public = site.public();
    let read = |rel: &str| std::fs::read_to_string(public.join(rel)).expect(rel);
    let day = read("2025/03/02/index.html");
    for (id, url) in [
        ("2503.00011", "https://github.com/ann/table"),
        ("2503.00014", "https://github.com/cy/sea"),
        ("2503.00015", "https://github.com/dee/dee"),
    ] {
        let link = code_link(url);
        let page = read(&format!("papers/{id}/index.html"));
        assert!(page.contains(&link), "{id}: {page}");
        let at = day.find(&format!("id=\"arxiv-{id}\"")).expect(id);
        let entry = &day[at..at + day[at..].find("</article>").expect("end")];
        assert!(entry.contains(&link), "{id}: {entry}");
    }
    for id in ["2503.00012", "2503.00013"] {
        let page = read(&format!("papers/{id}/index.html"));
        assert!(!page.contains(">Code</a>"), "{id}: {page}");
    }
    assert!(
        !day.contains(&code_link("https://github.com/big/library")),
        "{day}"
    );

    let feed = read("papers/atom.xml");
    assert!(
        feed.contains("<link rel=\"related\" href=\"https://github.com/ann/table\"/>"),
        "{feed}"
    );
    assert!(!feed.contains("github.com/big/library\"/>"), "{feed}");

    let first = tree(&public);
    let export = first
        .iter()
        .find(|(path, _)| path.starts_with("data/papers/"))
        .map(|(_, bytes)| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
                .expect("gzip");
            text
        })
        .expect("export");
    assert!(
        export.contains("\"code\":\"https://github.com/ann/table\""),
        "{export}"
    );
    assert!(export.contains("\"code\":null"), "{export}");

    // Byte-identical when built again.
    std::fs::remove_dir_all(&public).expect("clean");
    assert_clean(&run_in(site.root(), &["build"]));
    assert!(tree(&public) == first, "second build differs");
}

/// A bot that ends every day with a link to its own repository, which the reader
/// takes for the last paper's: shared by three papers, it is none of theirs.
#[test]
fn a_footer_link_on_every_day_is_no_papers_code() {
    let mut digests = Vec::new();
    for day in 1..=3 {
        let text = format!(
            "# Papers of 2025-04-0{day}\n\n\
             ## 1. [First of day {day}](https://arxiv.org/abs/2504.0000{day})\n\n\
             **Summary**: The first paper.\n\n\
             ## 2. [Last of day {day}](https://arxiv.org/abs/2504.0001{day})\n\n\
             **Summary**: The last paper. Code: https://github.com/last/paper{day}.\n\n\
             ---\n\n\
             - GitHub: [daily-bot](https://github.com/someone/daily-bot)\n"
        );
        let mut diags = Diagnostics::default();
        let path = format!("content/2025-04-0{day}.md");
        digests.push(
            parse_digest(
                Path::new(&path),
                &text,
                &ParseOptions::default(),
                &mut diags,
            )
            .expect("parses"),
        );
    }
    let stated: Vec<Option<String>> = digests
        .iter()
        .flat_map(|d| &d.sections)
        .flat_map(|s| &s.entries)
        .map(|e| e.code.clone())
        .collect();
    assert!(
        stated
            .iter()
            .any(|c| c.as_deref() == Some("https://github.com/someone/daily-bot")),
        "the footer is read as the last paper's link: {stated:?}"
    );
    let (site, _) = papertrail::model::build(&digests, &papertrail::config::Config::default());
    let codes: Vec<(&str, Option<&str>)> = site
        .papers
        .iter()
        .map(|p| (p.id.as_str(), p.code.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("2504.00001", None),
            ("2504.00002", None),
            ("2504.00003", None),
            ("2504.00011", Some("https://github.com/last/paper1")),
            ("2504.00012", Some("https://github.com/last/paper2")),
            ("2504.00013", Some("https://github.com/last/paper3")),
        ]
    );
}
