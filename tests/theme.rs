//! The default theme's search index, JSON export, related papers and page budgets.

mod common;

use common::{Site, tree};
use papertrail::search::encode::read_postings;

fn demo_site() -> Site {
    Site::demo(|c| c)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

#[test]
fn search_index_export_and_related_papers() {
    let site = demo_site();
    site.build_ok(&[]);
    let files = tree(&site.public());

    // The export: one gzipped NDJSON line per paper (a file a year, newest year first),
    // and the day list with every day's paper ids.
    let ndjson: String = files
        .iter()
        .filter(|(k, _)| k.starts_with("data/papers/") && k.ends_with(".ndjson.gz"))
        .rev()
        .map(|(_, v)| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&v[..]), &mut text)
                .expect("gzip of utf-8");
            text
        })
        .collect();
    let papers: Vec<serde_json::Value> = ndjson.lines().map(|l| json(l.as_bytes())).collect();
    let pages = files
        .keys()
        .filter(|k| k.starts_with("papers/") && k.ends_with("/index.html"))
        .count();
    assert_eq!(papers.len(), pages);
    for p in &papers {
        for field in [
            "id", "title", "url", "authors", "tags", "days", "arxiv", "pdf", "hf",
        ] {
            assert!(!p[field].is_null(), "paper without {field}: {p}");
        }
    }
    let ids: std::collections::BTreeSet<&str> = papers
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    let days = json(&files["data/days.json"]);
    let days = days.as_array().expect("list");
    assert!(!days.is_empty());
    let mut listed = 0;
    for d in days {
        for id in d["papers"].as_array().expect("papers") {
            assert!(ids.contains(id.as_str().expect("id")), "{id} not exported");
            listed += 1;
        }
    }
    assert!(listed >= papers.len());

    // The search index: the first paper's title words are all in their term shards,
    // and its document is where the postings say.
    let first = &papers[0];
    let title = first["title"].as_str().expect("title");
    let docs = json(&files["search/d/0.json"]);
    assert_eq!(docs[0][0], first["id"]);
    let meta = json(&files["search/meta.json"]);
    let split: Vec<&str> = meta["split"]
        .as_array()
        .expect("split")
        .iter()
        .map(|p| p.as_str().expect("prefix"))
        .collect();
    for word in papertrail_words(title) {
        let two: String = word.chars().take(2).collect();
        let n = if split.contains(&two.as_str()) { 3 } else { 2 };
        let key: String = word.chars().take(n).collect();
        let shard = json(&files[&format!("search/t/{key}.json")]);
        let postings = shard[&word].as_str().unwrap_or_else(|| panic!("{word}"));
        let postings = read_postings(postings).unwrap_or_else(|| panic!("{word}"));
        // Document 0, in the title (field 3): the first value is 0 * 4 + 3.
        assert_eq!(postings[0], 3, "{word}");
    }

    // Related papers on a paper page, and the search page with its script.
    let with_related = files
        .iter()
        .filter(|(k, v)| {
            k.starts_with("papers/") && String::from_utf8_lossy(v).contains("<h2>Related</h2>")
        })
        .count();
    assert!(
        with_related * 2 > pages,
        "only {with_related} of {pages} pages have related papers"
    );
    let search = String::from_utf8_lossy(&files["search/index.html"]).into_owned();
    assert!(search.contains("search.js") && search.contains("<noscript>"));
    assert!(files["search.js"].len() < 50_000 && files["style.css"].len() < 30_000);
}

/// Issue 5: a day page shows every paper with its title, authors, tags, gist or summary
/// and links to arXiv, the PDF and Hugging Face.
#[test]
fn day_pages_show_every_paper_with_its_links() {
    let site = demo_site();
    site.build_ok(&[]);
    let files = tree(&site.public());
    let days = json(&files["data/days.json"]);
    let mut checked = 0;
    for day in days.as_array().expect("list") {
        let date = day["date"].as_str().expect("date").replace('-', "/");
        let page = String::from_utf8_lossy(&files[&format!("{date}/index.html")]).into_owned();
        for id in day["papers"].as_array().expect("papers") {
            let id = id.as_str().expect("id");
            let start = page
                .find(&format!("id=\"arxiv-{id}\""))
                .unwrap_or_else(|| panic!("{id} missing on {date}"));
            let article = &page[start..start + page[start..].find("</article>").expect("end")];
            for link in [
                format!("https://arxiv.org/abs/{id}"),
                format!("https://arxiv.org/pdf/{id}"),
                format!("https://huggingface.co/papers/{id}"),
            ] {
                assert!(article.contains(&link), "{id} on {date}: no {link}");
            }
            // What the paper's own page has, its entry on the day has too.
            let own =
                String::from_utf8_lossy(&files[&format!("papers/{id}/index.html")]).into_owned();
            let has_text = own.contains("<div class=\"gist\">")
                || ["Summary", "Abstract"]
                    .iter()
                    .any(|h| own.contains(&format!("<h2>{h}</h2>")));
            assert!(
                article.contains("<h2><a href="),
                "{id} on {date}: no title link"
            );
            let meta = article
                .split("</h2>\n<p>")
                .nth(1)
                .and_then(|rest| rest.split("</p>").next())
                .unwrap_or_else(|| panic!("{id} on {date}: no authors and tags line"));
            let text =
                article.contains("<details><summary>") || article.matches("<p>").count() >= 3;
            // The summary is written once, on the paper's page: the day folds a link to
            // it (which the theme's script fills when opened).
            if let Some(at) = own.find("<section id=\"summary\"><h2>Summary</h2>") {
                let section = &own[at..at + own[at..].find("</section>").expect("end")];
                assert!(
                    article.contains(&format!("papers/{id}/#summary\">")),
                    "{id} on {date}: no link to its summary"
                );
                for paragraph in section.split("<p>").skip(2) {
                    let paragraph = paragraph.trim_end_matches("</p>");
                    assert!(
                        paragraph.len() < 40 || !page.contains(paragraph),
                        "{id} on {date}: its summary is on the day page"
                    );
                }
            }
            for (part, in_entry, on_paper_page) in [
                (
                    "authors",
                    !meta.trim_start().starts_with(['<', '\u{b7}']) && !meta.trim().is_empty(),
                    own.contains("class=\"authors\""),
                ),
                ("tags", meta.contains("/tags/"), own.contains("<p>Tags:")),
                ("gist or summary", text, has_text),
            ] {
                assert_eq!(in_entry, on_paper_page, "{id} on {date}: {part}");
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} papers checked");
}

/// The tokenizer of `src/search/words.rs`, restated (`a-z0-9` titles only).
fn papertrail_words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "via", "we", "with",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()) && w.is_ascii())
        .map(|w| papertrail::search::stem::stem(&w))
        .collect()
}

/// Year pages lead to the years beside them and to the archive page, which lists every
/// year and month with their papers and is linked from every page's header.
#[test]
fn archive_page_lists_years_and_months_and_year_pages_link_their_neighbours() {
    let day = |id: &str| {
        format!(
            "| Title | Authors | Summary |\n|---|---|---|\n| P {id} (Read more on [arXiv](https://arxiv.org/abs/{id})) | Ann Lee | S. |\n"
        )
    };
    let site = Site::new(
        "",
        &[
            ("content/2024-12-30.md", &day("2412.00001")),
            ("content/2025-01-02.md", &day("2501.00001")),
            ("content/2025-01-03.md", &day("2501.00002")),
            ("content/2025-03-04.md", &day("2503.00001")),
            // Listed again: a listing in March, not a fifth paper.
            ("content/2025-03-05.md", &day("2501.00001")),
        ],
    );
    site.build_ok(&[]);
    let read = |p: &str| std::fs::read_to_string(site.public().join(p)).expect(p);
    let y2025 = read("2025/index.html");
    assert!(
        y2025.contains("<a rel=\"prev\" href=\"../2024/\">"),
        "{y2025}"
    );
    assert!(!y2025.contains("rel=\"next\""), "{y2025}");
    assert!(read("2024/index.html").contains("<a rel=\"next\" href=\"../2025/\">"));
    let march = y2025.find("../2025/03/").expect("March");
    let january = y2025.find("../2025/01/").expect("January");
    assert!(march < january, "months newest first");

    let archive = read("archive/index.html");
    let at = |s: &str| {
        archive
            .find(s)
            .unwrap_or_else(|| panic!("no {s} in {archive}"))
    };
    assert!(
        at("<a href=\"../2025/\">2025</a> <small>4 papers, 4 days</small>")
            < at("<a href=\"../2024/\">2024</a>")
    );
    assert!(
        at("<a href=\"../2025/01/\">January</a> <small>2</small>")
            < at("<a href=\"../2025/03/\">March</a> <small>2</small>")
    );
    // The lead counts distinct papers, as the home page and search do.
    assert!(archive.contains("4 papers over 5 days"), "{archive}");
    assert!(read("index.html").contains("4 papers over 5 days"));
    // A month links its year relative to itself, like every other link.
    let january = read("2025/01/index.html");
    let year_link = january
        .split("\">All of 2025</a>")
        .next()
        .expect("year link");
    assert!(
        year_link.ends_with("href=\"../../2025/") || year_link.ends_with("href=\"../"),
        "{january}"
    );
    assert!(archive.contains("<a href=\"../2024/12/\">December</a> <small>1</small>"));
    for page in [
        "index.html",
        "2025/index.html",
        "2025/01/02/index.html",
        "papers/2501.00001/index.html",
        "tags/index.html",
        "404.html",
    ] {
        let html = read(page);
        assert!(
            html.contains("archive/\">Archive</a>"),
            "{page} has no Archive link"
        );
    }
    // The feed archive documents keep their place beside the page.
    assert!(read("2025/01/index.html").contains("archive/\">Archive</a>"));
}

/// A paper page leads with the days it was listed and its links, then its gist, then
/// its summary.
#[test]
fn paper_pages_lead_with_their_days() {
    let site = demo_site();
    site.build_ok(&[]);
    let page = std::fs::read_to_string(site.public().join("papers/2609.09412/index.html"))
        .expect("a paper listed on two days");
    let listed = page.find("<p>Listed on ").expect("listed line");
    let arxiv = page.find(">arXiv 2609.09412</a>").expect("arXiv link");
    let summary = page.find("<h2>Summary</h2>").expect("summary");
    assert!(listed < arxiv && arxiv < summary, "{page}");
    assert!(page[listed..arxiv].contains("14 Sep 2026</time></a>, <a"));
    assert!(page[listed..arxiv].contains("21 Sep 2026"));
    if let Some(gist) = page.find("<div class=\"gist\">") {
        assert!(arxiv < gist && gist < summary);
    }
}
