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
fn lists_without_leads_show_titles_authors_and_tags() {
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
        // Tag pages leave the paper's links to its page (the title).
        let links = !page.starts_with("tags/");
        assert!(
            e.contains("Ann Lee") && e.contains("https://arxiv.org/abs/2501.00001") == links,
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
fn tag_pages_list_compact_entries_with_their_date_and_no_outside_links() {
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
    // A paper is on each of its tags' pages: its links are on its own page, one click
    // away, rather than on all of them.
    assert!(
        !e.contains("arxiv.org")
            && !e.contains("huggingface.co")
            && e.contains("papers/2501.00001/"),
        "{e}"
    );
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
    // Earlier days read as on a day page: an arrow and the short date.
    assert!(
        home.contains("<a rel=\"prev\" href=\"2025/01/02/\">← <time datetime=\"2025-01-02\">2 Jan 2025</time></a>"),
        "{home}"
    );
    let day = site.read("2025/01/03/index.html");
    assert!(day.contains("\">← 2 Jan 2025</a>"), "{day}");
    // A month's page names the month once: no calendar caption linking to itself.
    let month = site.read("2025/01/index.html");
    assert!(month.contains("<h1>January 2025</h1>"), "{month}");
    assert!(!month.contains("<caption>"), "{month}");
    assert!(
        month.contains("<table class=\"calendar\" aria-label=\"January 2025\">"),
        "{month}"
    );
    // The year's page keeps a caption per month, each a link to its month.
    let year = site.read("2025/index.html");
    assert!(
        year.contains("<caption><a href=\"../2025/01/\">January 2025</a>"),
        "{year}"
    );
}

/// A bot that writes hundreds of papers a day: the home page stops after the day that
/// brings it to `home_papers` papers, and lists one day even when that day alone has
/// more; the link to earlier days starts after the last day shown. Run from inside the
/// site folder, as the README shows.
#[test]
fn home_stops_after_the_day_that_reaches_home_papers() {
    // Days 1 to 4 with 3, 1, 2 and 4 papers.
    let mut files = Vec::new();
    let mut n = 0;
    for (day, papers) in [(1, 3), (2, 1), (3, 2), (4, 4)] {
        let mut text = String::from("| Title | Authors | Summary |\n|---|---|---|\n");
        for _ in 0..papers {
            n += 1;
            text.push_str(&format!(
                "| Paper {n} (Read more on [arXiv](https://arxiv.org/abs/2501.{n:05})) | A. B | On day {day}. |\n"
            ));
        }
        files.push((format!("content/2025-01-0{day}.md"), text));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let shown = |config: &str| {
        let site = Site::new(config, &refs);
        common::assert_clean(&common::run_in(site.root(), &["build"]));
        let home = site.read("index.html");
        let days: Vec<u32> = (1..=4)
            .filter(|d| home.contains(&format!("<h2><a href=\"2025/01/0{d}/\">")))
            .collect();
        let earlier = home.contains("rel=\"prev\"");
        (days, earlier)
    };
    // Day 4 alone reaches 4; with day 3, 6.
    assert_eq!(shown("home_papers = 4\n"), (vec![4], true));
    assert_eq!(shown("home_papers = 5\n"), (vec![3, 4], true));
    assert_eq!(shown("home_papers = 1\n"), (vec![4], true));
    // days_per_page still caps it; the default (200) lists up to 7 days.
    assert_eq!(
        shown("home_papers = 100\ndays_per_page = 3\n"),
        (vec![2, 3, 4], true)
    );
    assert_eq!(shown(""), (vec![1, 2, 3, 4], false));
    // Zero is refused, naming the key.
    let site = Site::new("home_papers = 0\n", &refs);
    let out = common::run_in(site.root(), &["build"]);
    assert!(!out.status.success());
    assert!(
        common::output_text(&out).contains("`home_papers` must be at least 1"),
        "{}",
        common::output_text(&out)
    );
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
    // Where only text can go (the tab title, the description), formulas are their
    // characters.
    assert!(page.contains("<title>Sparse LLM×MapReduce Sums"), "{page}");
    assert!(
        page.contains("content=\"We reach 𝒪")
            && page.contains("(n²) with L²M for $5 and $10 a run."),
        "{page}"
    );
    let day = site.read("2025/02/03/index.html");
    assert!(day.contains("Sparse LLM<math>"), "{day}");
    assert!(page.contains("<msup><mi>n</mi><mn>2</mn></msup>"), "{page}");
    assert!(page.contains("for $5 and $10 a run."), "{page}");
    // What the reader sees holds no TeX.
    assert!(!page.contains("\\mathcal"), "{page}");
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

/// The line of text an entry of a list shows (its fold's `<summary>`, or the paragraph
/// between the authors and the links), as plain text; `None` when it shows none.
fn lead_text(entry: &str) -> Option<String> {
    let html = match entry.find("<summary>") {
        Some(start) => {
            let rest = &entry[start + "<summary>".len()..];
            &rest[..rest.find("</summary>").expect("end of summary")]
        }
        None => {
            // The title, the authors' line, then the lead if any, then the links.
            let line = entry.lines().nth(2)?;
            let inner = line.strip_prefix("<p>")?.strip_suffix("</p>")?;
            if inner.starts_with("<a href=\"https://arxiv.org/") {
                return None;
            }
            inner
        }
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text.trim().to_string())
}

/// Whether `lead` is text a reader can use: not empty, not a bare label ("Summary",
/// "Key findings:", "i)").
fn is_real_lead(lead: &str) -> bool {
    let words = lead.split_whitespace().count();
    words >= 3 && !lead.ends_with(':') && lead != "Summary"
}

/// Every entry of every list page (days, home, tags) under `public`, with its page.
fn listed_entries(public: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (rel, bytes) in common::tree(public) {
        let listing = rel == "index.html"
            || rel.starts_with("tags/") && rel.ends_with("index.html") && rel != "tags/index.html"
            || rel.len() == "2025/01/02/index.html".len()
                && rel.starts_with(|c: char| c.is_ascii_digit());
        if !listing {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        let mut rest = html.as_str();
        while let Some(start) = rest.find("<article") {
            let end = start + rest[start..].find("</article>").expect("end");
            out.push((rel.clone(), rest[start..end].to_string()));
            rest = &rest[end..];
        }
    }
    out
}

fn assert_every_entry_has_a_lead(public: &std::path::Path) -> usize {
    let entries = listed_entries(public);
    let missing: Vec<_> = entries
        .iter()
        .filter(|(_, e)| !lead_text(e).is_some_and(|l| is_real_lead(&l)))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} entries without a lead, first: {:?}",
        missing.len(),
        entries.len(),
        missing.first()
    );
    entries.len()
}

const ROMAN_SUMMARY: &str = "i) the authors build a benchmark of agent tasks that need long plans over many tools and \
    days of simulated work, with graders written by hand for each task; ii) ten open and closed models are \
    tested on it under the same budget of steps and tokens, with and without a planner in the loop; iii) none \
    of them finishes more than a third of the tasks, and planning errors account for most failures seen.";

/// Bots that number a summary `i) … ii) … iii) …` in one long sentence: lists show the
/// first part's text, never a bare "Summary", and the paper's page one paragraph a part.
#[test]
fn roman_numbered_summaries_lead_with_their_first_part() {
    let table = format!(
        "| Category | Title | Authors | Summary |\n|---|---|---|---|\n\
         | Agents | Roman Parts (Read more on [arXiv](https://arxiv.org/abs/2501.00021)) | Ann Lee | {ROMAN_SUMMARY} |\n\
         | Agents | Upper Parts (Read more on [arXiv](https://arxiv.org/abs/2501.00022)) | Bo Chen | \
         Summary: (I) A new benchmark of agent tasks is built; (II) ten models are tested on it; \
         (III) none of them plans well enough. |\n"
    );
    let site = Site::new("", &[("content/2025-01-02.md", &table)]);
    site.build_ok(&[]);
    let first = "the authors build a benchmark of agent tasks that need long plans over many tools and \
                 days of simulated work, with graders written by hand for each task";
    for page in [
        "2025/01/02/index.html",
        "index.html",
        "tags/agents/index.html",
    ] {
        let html = site.read(page);
        let e = entry(&html, "2501.00021");
        assert_eq!(lead_text(e).as_deref(), Some(first), "{page}: {e}");
        let e = entry(&html, "2501.00022");
        assert_eq!(
            lead_text(e).as_deref(),
            Some("A new benchmark of agent tasks is built"),
            "{page}: {e}"
        );
    }
    // On the day page the rest is folded away, a link to the paper's page.
    let day = site.read("2025/01/02/index.html");
    assert!(entry(&day, "2501.00021").contains("<details><summary>the authors build"));
    let page = site.read("papers/2501.00021/index.html");
    for part in ["i)", "ii)", "iii)"] {
        assert!(
            page.contains(&format!("<p><strong>{part}</strong> ")),
            "{part}: {page}"
        );
    }
    let page = site.read("papers/2501.00022/index.html");
    assert!(
        page.contains("<p>Summary:</p><p><strong>(I)</strong> A new benchmark"),
        "{page}"
    );
}

/// Summaries in every shape bots write (prose, a first sentence too long for a line,
/// named labels, letters, numbers, roman numerals, a bare heading before the text, a
/// list): every entry on every day, home and tag page has a line of text.
#[test]
fn every_listed_entry_has_a_lead_on_a_generated_archive() {
    let shapes = [
        "A plain first sentence. And a second one.".to_string(),
        format!("{} the end.", "a very long first sentence that goes on".repeat(12)),
        "Main objective: Find out whether agents plan. Key methodology: Ten tasks. Results: Badly.".into(),
        "The work has parts: a) a new dataset of clips, b) a model trained on it, c) five benchmarks tested.".into(),
        "Aim (1) build a benchmark of tasks (2) test ten models on it".into(),
        ROMAN_SUMMARY.into(),
        "**Summary** (i) one part of the summary; (ii) another part of it; (iii) the last part here.".into(),
        "**Key findings:** The models plan badly.".into(),
        "1. Builds a benchmark of tasks. 2. Tests ten models on it.".into(),
    ];
    let mut files = Vec::new();
    for day in 1..=6u32 {
        let mut table =
            String::from("| Category | Title | Authors | Summary |\n|---|---|---|---|\n");
        for row in 0..shapes.len() as u32 {
            let n = day * 100 + row;
            let shape = &shapes[((day + row) as usize) % shapes.len()];
            let tag = ["Agents", "Vision", "Audio"][(n % 3) as usize];
            table.push_str(&format!(
                "| {tag} | Paper {n} (Read more on [arXiv](https://arxiv.org/abs/2501.{n:05})) | Ann Lee | {shape} |\n"
            ));
        }
        files.push((format!("content/2025-01-{day:02}.md"), table));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = Site::new("", &refs);
    site.build_ok(&[]);
    let n = assert_every_entry_has_a_lead(&site.public());
    assert!(n >= 6 * shapes.len() * 2, "{n} entries");
}

#[test]
fn every_listed_entry_of_the_demo_has_a_lead() {
    let site = Site::demo(|c| c);
    site.build_ok(&[]);
    let n = assert_every_entry_has_a_lead(&site.public());
    assert!(n > 50, "{n} entries");
}

/// A paper's tags read strongest first wherever they are listed: the bot's own category,
/// then every topic the title names (heaviest, then in rule order), then what only the
/// summary names, and last the tags a file gives all its papers.
#[test]
fn entries_list_tags_strongest_first() {
    let table = "+++\ntags = [\"Weekly Picks\"]\n+++\n\
        | Category | Title | Authors | Summary |\n|---|---|---|---|\n\
        | Surveys | Diffusion Policies for Video Robots (Read more on [arXiv](https://arxiv.org/abs/2501.00011)) | Ann Lee | \
        Agents plan with agents. Many agents and more agents act as agents here. |\n";
    let site = Site::new("", &[("content/2025-01-02.md", table)]);
    site.build_ok(&[]);
    let want = [
        "Surveys",
        "Robotics",
        "Video",
        "Diffusion",
        "Agents",
        "Weekly Picks",
    ];
    let names = |html: &str| -> Vec<String> {
        let e = entry(html, "2501.00011");
        e.split("/tags/")
            .skip(1)
            .filter_map(|s| {
                let text = &s[s.find("\">")? + 2..];
                Some(text[..text.find("</a>")?].to_string())
            })
            .collect()
    };
    assert_eq!(names(&site.read("2025/01/02/index.html")), want);
    let paper = site.read("papers/2501.00011/index.html");
    let tags_at = paper.find("/tags/").expect("tags on the paper page");
    let order: Vec<usize> = want
        .iter()
        .map(|t| {
            paper[tags_at..]
                .find(&format!(">{t}</a>"))
                .unwrap_or_else(|| panic!("{t} missing on the paper page"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}
