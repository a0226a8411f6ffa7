//! The default theme's lists as a reader scans them: compact entries on day, home and tag
//! pages, the day page's tag filter, and summaries written as labelled parts.

mod common;

use common::Site;

/// Two days: one paper with a labelled summary and a gist-less first sentence, one with
/// a gist from a feed dump, one with four authors.
fn site() -> Site {
    let table = "| Category | Title | Authors | Summary |\n|---|---|---|---|\n\
        | Agents | Labelled Parts (Read more on [arXiv](https://arxiv.org/abs/2501.00001)) | Ann Lee, Bo Chen, Cy Dee, Di Eve | \
        A study of agents. Main objective: Find out whether agents plan. Key methodology: Ten tasks, three models. Results: They plan badly. |\n\
        | Vision | Plain Prose (Read more on [arXiv](https://arxiv.org/abs/2501.00002)) | Ann Lee | \
        First sentence here. Second sentence there. |\n";
    let second = "| Category | Title | Authors | Summary |\n|---|---|---|---|\n\
        | Agents | Later Agents (Read more on [arXiv](https://arxiv.org/abs/2501.00003)) | Fay Gee | \
        Only one sentence. |\n";
    Site::new(
        "",
        &[
            ("content/2025-01-02.md", table),
            ("content/2025-01-03.md", second),
        ],
    )
}

fn entry<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<article id=\"arxiv-{id}\">"))
        .or_else(|| page.find(&format!("papers/{id}/\"")))
        .unwrap_or_else(|| panic!("{id} missing in {page}"));
    let start = page[..start + "<article".len()]
        .rfind("<article")
        .unwrap_or(start);
    &page[start..start + page[start..].find("</article>").expect("end")]
}

#[test]
fn entries_show_three_authors_the_first_sentence_and_fold_a_link_to_the_summary() {
    let site = site();
    site.build_ok(&[]);
    let day = site.read("2025/01/02/index.html");
    let labelled = entry(&day, "2501.00001");
    assert!(
        labelled.contains("Ann Lee, Bo Chen, Cy Dee et al."),
        "{labelled}"
    );
    assert!(!labelled.contains("Di Eve"));
    // The fold holds a link to the summary on the paper's page, not the summary: it is
    // written once, there.
    assert!(
        labelled.contains("<details><summary>A study of agents.</summary><a href=\"../../../papers/2501.00001/#summary\">Full summary</a></details>"),
        "{labelled}"
    );
    for rest in ["Main objective", "Second sentence there."] {
        assert!(!day.contains(rest), "{rest} on the day page");
    }
    let page = site.read("papers/2501.00001/index.html");
    assert!(
        page.contains("<section id=\"summary\"><h2>Summary</h2>"),
        "{page}"
    );
    assert!(page.contains("Main objective"));
    let plain = entry(&day, "2501.00002");
    assert!(plain.contains("<details><summary>First sentence here.</summary><a href=\"../../../papers/2501.00002/#summary\">"), "{plain}");
    // One sentence: nothing to fold.
    let single = entry(&site.read("2025/01/03/index.html"), "2501.00003").to_string();
    assert!(
        !single.contains("<details>") && single.contains("<p>Only one sentence.</p>"),
        "{single}"
    );
    for link in [
        "https://arxiv.org/abs/2501.00001",
        "https://arxiv.org/pdf/2501.00001",
        "https://huggingface.co/papers/2501.00001",
    ] {
        assert!(labelled.contains(link), "{link}");
    }
}

#[test]
fn lists_without_leads_show_titles_authors_tags_and_links() {
    let site = site();
    site.write("config.toml", b"list_leads = false\n");
    site.build_ok(&[]);
    for page in [
        "2025/01/02/index.html",
        "index.html",
        "tags/agents/index.html",
    ] {
        let html = site.read(page);
        let e = entry(&html, "2501.00001");
        assert!(
            !e.contains("A study of agents") && !e.contains("<details>"),
            "{page}: {e}"
        );
        assert!(
            e.contains("Ann Lee") && e.contains("https://arxiv.org/abs/2501.00001"),
            "{e}"
        );
    }
    assert!(
        site.read("papers/2501.00001/index.html")
            .contains("A study of agents.")
    );
}

#[test]
fn paper_pages_show_labelled_summaries_as_paragraphs() {
    let site = site();
    site.build_ok(&[]);
    let page = site.read("papers/2501.00001/index.html");
    assert!(page.contains(
        "<h2>Summary</h2><p>A study of agents.</p><p><strong>Main objective:</strong> Find out whether agents plan.</p>"
    ), "{page}");
}

#[test]
fn home_lists_every_day_with_the_same_entries_less_the_folded_summary() {
    let site = site();
    site.build_ok(&[]);
    let home = site.read("index.html");
    for id in ["2501.00001", "2501.00002", "2501.00003"] {
        let e = entry(&home, id);
        assert!(
            e.contains("<h3><a href=") && e.contains("https://arxiv.org/pdf/"),
            "{e}"
        );
    }
    assert!(!home.contains("paper-list"));
    // The summary is a click away on the paper's page and folded on the day's.
    let e = entry(&home, "2501.00001");
    assert!(
        e.contains("<p>A study of agents.</p>") && !e.contains("<details>"),
        "{e}"
    );
}

#[test]
fn tag_pages_list_compact_entries_with_their_date() {
    let site = site();
    site.build_ok(&[]);
    let tag = site.read("tags/agents/index.html");
    let e = entry(&tag, "2501.00001");
    assert!(
        e.contains(
            "<time datetime=\"2025-01-02\">2 Jan 2025</time> · Ann Lee, Bo Chen, Cy Dee et al."
        ),
        "{e}"
    );
    assert!(
        e.contains("<p>A study of agents.</p>") && !e.contains("<details>"),
        "{e}"
    );
    assert!(e.contains("https://huggingface.co/papers/2501.00001"));
    // Every paper of the page has the page's tag: it is not repeated in each entry.
    assert!(!e.contains("tags/agents/"), "{e}");
    assert!(entry(&tag, "2501.00003").contains("Fay Gee"));
}

/// The filter is CSS: one link per tag of the day with its count, each the target of a
/// rule that hides the entries without that tag, and an "All" link.
#[test]
fn day_pages_filter_by_tag_without_script() {
    let site = site();
    site.build_ok(&[]);
    let day = site.read("2025/01/02/index.html");
    assert!(
        day.contains("<a href=\"#main\">All <small>2</small></a>"),
        "{day}"
    );
    assert!(day.contains("<a id=\"t-agents\" href=\"#t-agents\">Agents <small>1</small></a>"));
    assert!(day.contains("<a id=\"t-vision\" href=\"#t-vision\">Vision <small>1</small></a>"));
    let style = &day[day.find("<style>").expect("style")..day.find("</style>").expect("end")];
    for slug in ["agents", "vision"] {
        assert!(
            style.contains(&format!(
                ":has(#t-{slug}:target) article:not(:has([href$=\"s/{slug}/\"]))"
            )),
            "{style}"
        );
    }
    // The filter is CSS: the page's one script is the one that fills the folds.
    assert_eq!(day.matches("<script").count(), 1);
    assert!(day.contains("fold.js\" defer></script>"), "{day}");
    // The heading carries the date; the line under it does not repeat it.
    assert!(day.contains("<h1>Papers for <time datetime=\"2025-01-02\">Thursday, 2 January 2025</time></h1>\n<p class=\"lead\">2 papers</p>"), "{day}");
}

/// The home page lists the latest `days_per_page` days and then points to the day before
/// them and to the archive: no `/page/N/` repeats the whole history a second time.
#[test]
fn home_lists_the_latest_days_then_points_to_earlier_ones() {
    let day = |n: u32| {
        format!(
            "| Title | Authors | Summary |\n|---|---|---|\n\
             | Day {n} Paper (Read more on [arXiv](https://arxiv.org/abs/2501.0000{n})) | A. B | On day {n}. |\n"
        )
    };
    let files: Vec<(String, String)> = (1..=4)
        .map(|n| (format!("content/2025-01-0{n}.md"), day(n)))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = Site::new("days_per_page = 2\n", &refs);
    site.build_ok(&[]);
    let home = site.read("index.html");
    assert!(home.contains("papers/2501.00004/") && home.contains("papers/2501.00003/"));
    assert!(!home.contains("papers/2501.00002/"), "{home}");
    assert!(home.contains("href=\"2025/01/02/\""), "{home}");
    assert!(home.contains("href=\"archive/\""), "{home}");
    assert!(!site.public().join("page").exists());
}

/// TeX in summaries is MathML on the paper page, without a script; dollar amounts stay
/// text, and TeX that cannot be converted is shown as written and named in a warning.
#[test]
fn mathematics_in_summaries_is_mathml_and_what_cannot_be_converted_is_reported() {
    let table = "| Category | Title | Authors | Summary |\n|---|---|---|---|\n\
        | Math | Sparse LLM$\\times$MapReduce Sums (Read more on [arXiv](https://arxiv.org/abs/2501.00011)) | Ann Lee | \
        We reach $\\mathcal{O}(n^2)$ with L$^2$M for $5 and $10 a run. |\n\
        | Math | Broken Sums (Read more on [arXiv](https://arxiv.org/abs/2501.00012)) | Bo Chen | \
        A typo: $\\nosuchmacro{x}$ stays. |\n";
    let site = Site::new("", &[("content/2025-02-03.md", table)]);
    let log = site.build_ok(&[]);
    let page = site.read("papers/2501.00011/index.html");
    // Two formulas in the summary and one in the title, which the head keeps as text.
    assert_eq!(page.matches("<math>").count(), 3, "{page}");
    assert!(
        page.contains(
            "<h1>Sparse LLM<math><mo lspace=\"0\" rspace=\"0\">×</mo></math>MapReduce Sums</h1>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<title>Sparse LLM$\\times$MapReduce Sums"),
        "{page}"
    );
    let day = site.read("2025/02/03/index.html");
    assert!(day.contains("Sparse LLM<math>"), "{day}");
    assert!(page.contains("<msup><mi>n</mi><mn>2</mn></msup>"), "{page}");
    assert!(page.contains("for $5 and $10 a run."), "{page}");
    // What the reader sees holds no TeX (the description meta keeps the source words).
    let main = &page[page.find("<main").expect("main")..];
    assert!(!main.contains("\\mathcal"), "{main}");
    let broken = site.read("papers/2501.00012/index.html");
    assert!(broken.contains("$\\nosuchmacro{x}$ stays"), "{broken}");
    assert!(
        log.contains("unconverted-math") && log.contains("2025-02-03.md"),
        "{log}"
    );
    let check = common::run_in(site.root(), &["check"]);
    let text = common::output_text(&check);
    assert!(
        text.contains("2025-02-03.md:4") && text.contains("$\\nosuchmacro{x}$"),
        "{text}"
    );
}

/// A tag page and the archive page chart papers per month: bars without script, and the
/// same numbers in words for whoever cannot see them.
#[test]
fn tag_and_archive_pages_chart_papers_per_month() {
    let row = |id: &str, title: &str| {
        format!(
            "| Vision | {title} (Read more on [arXiv](https://arxiv.org/abs/{id})) | Ann Lee | A study. |\n"
        )
    };
    let head = "| Category | Title | Authors | Summary |\n|---|---|---|---|\n";
    let jan = format!("{head}{}", row("2501.00021", "Winter Views"));
    let mar = format!(
        "{head}{}{}",
        row("2503.00022", "Spring Views"),
        row("2503.00023", "Spring Scenes")
    );
    let site = Site::new(
        "",
        &[
            ("content/2025-01-05.md", &jan),
            ("content/2025-03-02.md", &mar),
        ],
    );
    site.build_ok(&[]);
    let tag = site.read("tags/vision/index.html");
    let words = "Papers tagged Vision per month, Jan 2025 to Mar 2025: 3 in all; \
                 the busiest month was Mar 2025 with 2.";
    assert!(
        tag.contains(&format!("<figcaption>{words}</figcaption>")),
        "{tag}"
    );
    assert!(
        tag.contains(r#"role="img""#) && tag.contains(r#"fill="currentColor""#),
        "{tag}"
    );
    // January and March have bars, February none.
    assert_eq!(tag.matches("<rect ").count(), 2, "{tag}");
    let archive = site.read("archive/index.html");
    assert!(
        archive.contains("Papers listed per month, Jan 2025 to Mar 2025: 3 in all"),
        "{archive}"
    );
}
