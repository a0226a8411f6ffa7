//! End-to-end builds of fixture sites, checked through the files they write.

mod common;

use common::{
    Site, assert_clean, assert_valid_atom, links, output_text, parse_feed, run_in, seed_site, tree,
};

const SUBPATH: &str = "https://user.github.io/repo/";

fn demo_site() -> Site {
    Site::demo(|c| c)
}

#[test]
fn seeds_make_one_day_of_seventeen_papers_and_a_blog_link() {
    let Some(site) = seed_site("") else { return };
    let out = site.build_ok(&[]);
    assert!(out.contains("Built 1 day, 17 papers"), "{out}");
    let day = site.read("2025/07/04/index.html");
    assert_eq!(day.matches("<article id=\"arxiv-").count(), 17);
    assert!(day.contains("My Honest Advice for Aspiring Machine Learning Engineers"));
    assert!(day.contains("href=\"https://towardsdatascience.com/my-honest-advice-for-aspiring-machine-learning-engineers/\""));

    let paper = site.read("papers/2507.02813/index.html");
    assert!(paper.contains(
        "<h1>LangScene-X: Reconstruct Generalizable 3D Language-Embedded Scenes with TriMap Video Diffusion</h1>"
    ));
    // Authors and long summary from the table, gist and abstract from the feed dump.
    assert!(paper.contains("Minghui Yang, Jiawei Chi, Hao Li, Fangfu Liu, hanyang-21"));
    assert!(paper.contains("LangScene-X is a generative framework that reconstructs"));
    assert!(
        paper.contains("<div class=\"gist\"><p>A novel generative framework named LangScene-X")
    );
    assert!(paper.contains("Recovering 3D structures with open-vocabulary scene understanding"));
    assert!(!paper.contains("AI-generated summary"));

    // A paper only in the feed dump keeps its unsplit summary as the abstract.
    let crisp = site.read("papers/2506.23121/index.html");
    assert!(crisp.contains("<h2>Abstract</h2><p>Multi-organ medical segmentation"));
    assert_valid_atom(
        site.read("atom.xml").as_bytes(),
        "http://127.0.0.1:1111/atom.xml",
    );
}

#[test]
fn demo_site_builds_every_route_of_the_layout() {
    let site = demo_site();
    let out = site.build_ok(&["--base-url", SUBPATH]);
    assert!(out.contains("Built 7 days"), "{out}");
    for rel in [
        "index.html",
        "2026/09/16/index.html",
        "2026/09/index.html",
        "2026/index.html",
        "papers/2609.09412/index.html",
        "tags/index.html",
        "tags/agents/index.html",
        "tags/agents/atom.xml",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "style.css",
    ] {
        assert!(site.public().join(rel).is_file(), "missing {rel}");
    }
    // A paper listed on two days links both.
    let repeat = site.read("papers/2609.09412/index.html");
    assert!(repeat.contains("\"../../2026/09/14/#arxiv-2609.09412\""));
    assert!(repeat.contains("\"../../2026/09/21/#arxiv-2609.09412\""));
    // The Category column became tags.
    assert!(
        site.public()
            .join("tags/computer-vision/index.html")
            .is_file()
    );
}

/// Every link in every page and feed stays under the base URL's subpath and resolves to
/// a file the build wrote, fragments included.
#[test]
fn subpath_links_all_resolve() {
    let site = demo_site();
    site.build_ok(&["--base-url", SUBPATH]);
    let files = tree(&site.public());
    let mut checked = 0;
    for (rel, bytes) in &files {
        if !(rel.ends_with(".html") || rel.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        for bad in ["href=\"/", "src=\"/", "href='/"] {
            assert!(!text.contains(bad), "{rel} has a root-absolute link");
        }
        // Pages link relative to themselves (the 404 page, served at any path, and the
        // feeds link absolutely): resolve each link as a browser would.
        let here = url::Url::parse(&format!("{SUBPATH}{}", rel.trim_end_matches("index.html")))
            .expect("page URL");
        for link in links(&text) {
            if rel == "404.html" || rel.ends_with(".xml") {
                assert!(
                    link.contains("://") || link.starts_with('#'),
                    "{rel}: relative {link}"
                );
            }
            let link = here.join(&link).expect("link resolves").to_string();
            let Some(local) = link.strip_prefix(SUBPATH) else {
                assert!(
                    !link.contains("user.github.io"),
                    "{rel}: {link} drops the subpath"
                );
                continue;
            };
            let (path, fragment) = local.split_once('#').unwrap_or((local, ""));
            let file = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            let target = files
                .get(&file)
                .unwrap_or_else(|| panic!("{rel}: broken link {link}"));
            if !fragment.is_empty() {
                let target = String::from_utf8_lossy(target);
                assert!(
                    target.contains(&format!("id=\"{fragment}\"")),
                    "{rel}: missing #{fragment} in {file}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn every_feed_is_valid_and_self_referencing() {
    let site = demo_site();
    site.build_ok(&["--base-url", SUBPATH]);
    let mut feeds = 0;
    for (rel, bytes) in tree(&site.public()) {
        if rel.ends_with("atom.xml") {
            assert_valid_atom(&bytes, &format!("{SUBPATH}{rel}"));
            feeds += 1;
        }
    }
    assert!(feeds >= 10, "{feeds} feeds");
    let feed = parse_feed(site.read("atom.xml").as_bytes());
    assert_eq!(feed.entries.len(), 7);
    assert_eq!(
        feed.entries[0].updated.unwrap().to_rfc3339(),
        "2026-09-21T00:00:00+00:00"
    );
    let html = feed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .as_ref()
        .unwrap();
    assert!(
        html.contains(&format!("href=\"{SUBPATH}papers/")),
        "absolute links in content"
    );
}

#[test]
fn feed_ids_survive_a_change_of_base_url() {
    let site = demo_site();
    site.build_ok(&["--base-url", SUBPATH]);
    let ids = |xml: String| {
        let feed = parse_feed(xml.as_bytes());
        (
            feed.id,
            feed.entries.into_iter().map(|e| e.id).collect::<Vec<_>>(),
        )
    };
    let before = (
        ids(site.read("atom.xml")),
        ids(site.read("tags/agents/atom.xml")),
    );
    site.build_ok(&["--base-url", "https://papers.example.com/"]);
    let after = (
        ids(site.read("atom.xml")),
        ids(site.read("tags/agents/atom.xml")),
    );
    assert_eq!(before, after);
    assert!(
        site.read("atom.xml")
            .contains("https://papers.example.com/2026/09/21/")
    );
}

#[test]
fn builds_are_byte_identical() {
    let site = demo_site();
    site.build_ok(&[]);
    let first = tree(&site.public());
    std::fs::remove_dir_all(site.public()).unwrap();
    site.build_ok(&[]);
    let second = tree(&site.public());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (rel, bytes) in &first {
        assert!(bytes == &second[rel], "{rel} differs between builds");
    }
}

#[test]
fn rebuild_keeps_unchanged_files_and_their_mtimes() {
    let site = demo_site();
    site.build_ok(&[]);
    let page = site.public().join("papers/2609.09412/index.html");
    let mtime = std::fs::metadata(&page).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = site.build_ok(&[]);
    assert!(out.contains(" unchanged)"), "{out}");
    assert_eq!(std::fs::metadata(&page).unwrap().modified().unwrap(), mtime);
}

#[test]
fn failed_build_lists_every_error_and_keeps_previous_output() {
    let site = demo_site();
    site.build_ok(&[]);
    let before = tree(&site.public());
    site.write(
        "content/2026/10/2026-10-01.md",
        b"## Papers for 2026-02-30\n| Title | Authors | Summary |\n|---|---|---|\n| A (Read more on [arXiv](https://arxiv.org/abs/2610.00001)) | x |\n",
    );
    site.write("content/2026/10/bad.md", b"ok\n\xff\n");
    let out = site.build(&[]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2026-10-01.md:1: error[bad-date]: `2026-02-30` is not a real date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2026-10-01.md:4: error[bad-row]: row has 2 cells"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad.md:2:1: error[invalid-utf8]: invalid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("previous output was left untouched"),
        "{stderr}"
    );
    assert_eq!(tree(&site.public()), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_folder_with_only_content_builds_with_the_embedded_theme() {
    let site = Site::new(
        "",
        &[(
            "content/2025-07-04.md",
            "| Title | Authors | Summary |\n|---|---|---|\n| A paper on agents (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | A. B | Agents do things. |\n",
        )],
    );
    std::fs::remove_file(site.root().join("config.toml")).unwrap();
    let out = site.build_ok(&[]);
    assert!(out.contains("Built 1 day, 1 paper,"), "{out}");
    assert!(site.read("index.html").contains("A paper on agents"));
    assert!(site.public().join("style.css").is_file());
}

/// A theme written before the feeds page (and the archive page) gets the default
/// theme's, drawn inside its own `base.html`.
#[test]
fn a_theme_without_the_feeds_page_gets_the_default_one() {
    let site = Site::new(
        "theme = \"bare\"\n",
        &[(
            "content/2025-07-04.md",
            "### Title: T\nLink: https://arxiv.org/abs/2507.00001\nSummary: s\n",
        )],
    );
    site.write(
        "themes/bare/templates/base.html",
        b"<!doctype html><title>Bare</title><main>{% block main %}{% endblock main %}</main>",
    );
    for name in [
        "index", "day", "paper", "tags", "tag", "month", "year", "404", "search",
    ] {
        site.write(
            &format!("themes/bare/templates/{name}.html"),
            b"{% extends \"base.html\" %}{% block main %}{% endblock main %}",
        );
    }
    site.build_ok(&[]);
    let page = site.read("feeds/index.html");
    assert!(
        page.starts_with("<!doctype html><title>Bare</title>"),
        "{page}"
    );
    assert!(page.contains("papers/atom.xml</code>"), "{page}");
}

#[test]
fn site_templates_override_the_theme() {
    let site = Site::new(
        "",
        &[
            (
                "content/2025-07-04.md",
                "### Title: T\nLink: https://arxiv.org/abs/2507.00001\nSummary: s\n",
            ),
            (
                "templates/404.html",
                "{% extends \"base.html\" %}{% block main %}<p>Custom lost page</p>{% endblock main %}",
            ),
        ],
    );
    site.build_ok(&[]);
    assert!(site.read("404.html").contains("Custom lost page"));
    assert!(site.read("404.html").contains("<header class=\"site\">"));
}

#[test]
fn hostile_markup_and_names_stay_inert_and_inside_the_output() {
    let site = Site::new(
        "",
        &[(
            "content/2025-07-04.md",
            "| Category | Title | Authors | Summary |\n|---|---|---|---|\n\
             | ../../escape | <script>alert(1)</script>Evil (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | x | <img src=x onerror=alert(1)> [a](javascript:alert(1)) <iframe src=https://e></iframe> |\n\
             | a/b | Two (Read more on [arXiv](https://arxiv.org/abs/2507.00002)) | x | &lt;script&gt;alert(1)&lt;/script&gt; |\n\
             | .. | Three (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) | x | <a href=\"data:text/html,x\">d</a> |\n",
        )],
    );
    site.build_ok(&[]);
    let root = site.root().canonicalize().unwrap();
    for (rel, bytes) in tree(site.root()) {
        let path = site.root().join(&rel).canonicalize().unwrap();
        assert!(path.starts_with(&root), "{rel} escaped");
        if rel.starts_with("public/") && (rel.ends_with(".html") || rel.ends_with(".xml")) {
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            // Feeds carry HTML escaped once more: decode once to see the HTML a reader gets.
            let markup = if rel.ends_with(".xml") {
                text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
            } else {
                text
            };
            // The theme's own scripts (the search, the day's folds) are the only ones a page
            // may load.
            let markup = markup
                .replace("<script src=\"../search.js\"></script>", "")
                .replace("<script src=\"../../../fold.js\" defer></script>", "");
            for bad in ["<script", "onerror=", "javascript:", "<iframe", "data:text"] {
                assert!(!markup.contains(bad), "{rel} contains {bad}");
            }
        }
    }
    let tags = site.public().join("tags");
    assert!(
        tags.join("escape/index.html").is_file(),
        "`../../escape` becomes `escape`"
    );
    assert!(tags.join("a-b/index.html").is_file(), "`a/b` becomes `a-b`");
    let hashed = std::fs::read_dir(&tags)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("tag-"))
        .count();
    assert_eq!(hashed, 1, "`..` gets a hashed slug");
}

#[test]
fn links_without_a_followable_target_are_words_and_entry_links_are_http() {
    let site = Site::new(
        "",
        &[(
            "content/2025-07-04-feed.md",
            "### Title: Post\nLink: https://blog.example.org/a?b=1&c=<2>\n\
             Summary: See [click here](javascript:alert(1)) and <a href=\"data:text/html,x\">\
             <em>this</em></a> or [that](https://example.org/ok).\n",
        )],
    );
    assert_clean(&run_in(site.root(), &["build"]));
    let day = site.read("2025/07/04/index.html");
    assert!(
        day.contains("See click here and <em>this</em> or <a href=\"https://example.org/ok\""),
        "{day}"
    );
    assert!(day.contains("href=\"https://blog.example.org/a?b=1&amp;c=%3C2%3E\""));
    for (rel, bytes) in tree(&site.public()) {
        let html = String::from_utf8_lossy(&bytes);
        for tag in html
            .split("<a")
            .skip(1)
            .filter(|t| t.starts_with([' ', '>']))
        {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            assert!(tag.contains("href="), "{rel}: <a{tag}>");
        }
    }

    // A `javascript:` entry link is refused with its file and line; public/ stays.
    let before = tree(&site.public());
    site.write(
        "content/2025-07-04-feed.md",
        b"### Title: Evil\nLink: javascript:alert(1)\nSummary: x\n",
    );
    let out = run_in(site.root(), &["build"]);
    let text = output_text(&out);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("2025-07-04-feed.md:1"), "{text}");
    assert!(text.contains("javascript:alert(1)"), "{text}");
    assert_eq!(tree(&site.public()), before);

    // A link that starts with its host is published with https:// and a warning.
    site.write(
        "content/2025-07-04-feed.md",
        b"### Title: Bare\nLink: blog.example.org/bare\nSummary: x\n",
    );
    let out = run_in(site.root(), &["build"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("warning[schemeless-link]"), "{text}");
    assert!(
        site.read("2025/07/04/index.html")
            .contains("href=\"https://blog.example.org/bare\""),
        "{text}"
    );
}

#[test]
fn cli_help_version_and_bad_base_url() {
    let out = std::process::Command::new(common::BIN)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("build"));
    let out = std::process::Command::new(common::BIN)
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("papertrail "));
    let site = Site::new("", &[]);
    let out = site.build(&["--base-url", "/repo/"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("base_url"));
}
