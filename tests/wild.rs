//! What real bot archives do, in fixtures of our own words (`tests/fixtures/wild/`): each
//! is a site folder built the way a user builds it (from inside the folder, no `--root`),
//! and every paper, link and warning is checked against the fixture's `expected.toml`.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

const BIN: &str = env!("CARGO_BIN_EXE_papertrail");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    days: usize,
    papers: usize,
    links: usize,
    /// Warning kinds and how many of each; a kind not listed must not appear.
    warnings: BTreeMap<String, usize>,
    #[serde(default)]
    paper: Vec<ExpectedPaper>,
    #[serde(default)]
    link: Vec<ExpectedLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPaper {
    id: String,
    title: String,
    authors: Vec<String>,
    #[serde(default)]
    tags_have: Vec<String>,
    #[serde(default)]
    tags_lack: Vec<String>,
    gist: Option<String>,
    #[serde(default)]
    summary_has: Vec<String>,
    #[serde(default)]
    summary_lacks: Vec<String>,
    #[serde(default)]
    abstract_has: Vec<String>,
    #[serde(default)]
    abstract_lacks: Vec<String>,
    /// The exported code link; `""` for none. Not checked when absent.
    code: Option<String>,
    /// The days the paper is listed on. Not checked when absent.
    days: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedLink {
    title: String,
    url: String,
    #[serde(default)]
    summary_has: Vec<String>,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The fixture copied into a temporary folder (the build writes `public/` and
/// `feed-state.tsv` beside its content).
fn site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wild")
        .join(name);
    copy_dir(&fixture.join("content"), &root.join("content"));
    (dir, root)
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root)
        .output()
        .unwrap()
}

/// The export's paper records by id.
fn exported_papers(public: &Path) -> BTreeMap<String, serde_json::Value> {
    let mut papers = BTreeMap::new();
    // A site of links alone has no paper records.
    let Ok(files) = std::fs::read_dir(public.join("data/papers")) else {
        return papers;
    };
    for entry in files {
        let path = entry.unwrap().path();
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        for line in text.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            papers.insert(record["id"].as_str().unwrap().to_string(), record);
        }
    }
    papers
}

fn text(v: &serde_json::Value) -> &str {
    v.as_str().unwrap_or("")
}

fn check_fixture(name: &str) {
    let expected: Expected = toml::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/wild")
                .join(name)
                .join("expected.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let (_dir, root) = site(name);

    let out = run(&root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: build failed:\n{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "Built {} day{}, {} paper{}",
            expected.days,
            if expected.days == 1 { "" } else { "s" },
            expected.papers,
            if expected.papers == 1 { "" } else { "s" },
        )),
        "{name}: {stdout}"
    );

    let papers = exported_papers(&root.join("public"));
    assert_eq!(papers.len(), expected.papers, "{name}: {:?}", papers.keys());
    assert_eq!(
        expected.paper.len(),
        expected.papers,
        "{name}: list every paper"
    );
    for want in &expected.paper {
        let got = papers
            .get(&want.id)
            .unwrap_or_else(|| panic!("{name}: {} is not on the site", want.id));
        assert_eq!(text(&got["title"]), want.title, "{name} {}", want.id);
        let authors: Vec<&str> = got["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(text)
            .collect();
        assert_eq!(authors, want.authors, "{name} {}", want.id);
        let tags: Vec<&str> = got["tags"].as_array().unwrap().iter().map(text).collect();
        for tag in &want.tags_have {
            assert!(tags.contains(&tag.as_str()), "{name} {}: {tags:?}", want.id);
        }
        for tag in &want.tags_lack {
            assert!(
                !tags.contains(&tag.as_str()),
                "{name} {}: {tags:?}",
                want.id
            );
        }
        if let Some(gist) = &want.gist {
            assert_eq!(text(&got["gist"]), gist, "{name} {}", want.id);
        }
        if let Some(days) = &want.days {
            let got_days: Vec<&str> = got["days"].as_array().unwrap().iter().map(text).collect();
            assert_eq!(&got_days, days, "{name} {}", want.id);
        }
        for (field, pieces, present) in [
            ("summary", &want.summary_has, true),
            ("summary", &want.summary_lacks, false),
            ("abstract", &want.abstract_has, true),
            ("abstract", &want.abstract_lacks, false),
        ] {
            for piece in pieces {
                assert_eq!(
                    text(&got[field]).contains(piece.as_str()),
                    present,
                    "{name} {}: {field} {:?} {} {piece:?}",
                    want.id,
                    got[field],
                    if present { "lacks" } else { "has" },
                );
            }
        }
        if let Some(code) = &want.code {
            assert_eq!(text(&got["code"]), code, "{name} {}: code", want.id);
        }
        // The page shows the title as text, angle brackets and all (its tab title with
        // each formula as its characters).
        let page =
            std::fs::read_to_string(root.join("public/papers").join(&want.id).join("index.html"))
                .unwrap();
        let escaped = papertrail::content::markup::math_as_text(&want.title)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\'', "&apos;");
        assert!(page.contains(&escaped), "{name} {}: page title", want.id);
    }

    let days: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("public/data/days.json")).unwrap())
            .unwrap();
    let days = days.as_array().unwrap();
    assert_eq!(days.len(), expected.days, "{name}");
    let links: Vec<(&str, &str, &str)> = days
        .iter()
        .flat_map(|d| d["links"].as_array().unwrap())
        .map(|l| (text(&l["title"]), text(&l["url"]), text(&l["summary"])))
        .collect();
    assert_eq!(links.len(), expected.links, "{name}: {links:?}");
    for want in &expected.link {
        let found = links
            .iter()
            .find(|(title, url, _)| *title == want.title && *url == want.url);
        let Some((_, _, summary)) = found else {
            panic!("{name}: no link {} in {links:?}", want.title);
        };
        for part in &want.summary_has {
            assert!(summary.contains(part.as_str()), "{name}: {summary}");
        }
    }

    let out = run(&root, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{name}: {report}");
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        *kinds.entry(text(&d["kind"]).to_string()).or_default() += 1;
    }
    let want: BTreeMap<String, usize> = expected
        .warnings
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .collect();
    assert_eq!(kinds, want, "{name}: {report}");
}

#[test]
fn a_table_bot_archive() {
    check_fixture("table-bot");
}

#[test]
fn a_list_bot_archive() {
    check_fixture("list-bot");
}

#[test]
fn a_feed_dump_archive() {
    check_fixture("feed-bot");
}

/// The build log of an archive with many warnings is a summary, one line per kind.
#[test]
fn build_log_is_one_line_per_warning_kind() {
    let (_dir, root) = site("table-bot");
    let out = run(&root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{stderr}");
    assert!(
        lines[0].starts_with("warning[surplus-cells]: 2 × ")
            && lines[0].ends_with("(first: content/2026/01/12.md:5:298)"),
        "{stderr}"
    );
    assert!(lines[5].contains("papertrail check"), "{stderr}");
    // An accepted kind is silenced in both outputs.
    std::fs::write(
        root.join("config.toml"),
        "[lint]\nallow = [\"surplus-cells\", \"empty-day\"]\n",
    )
    .unwrap();
    let out = run(&root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("surplus-cells") && !stderr.contains("empty-day"),
        "{stderr}"
    );
    let out = run(&root, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("surplus-cells"), "{stderr}");
    assert!(
        stderr.contains("check passed: 0 error(s), 3 warning(s)"),
        "{stderr}"
    );
}

/// Content with digest files but no paper in any of them fails, saying what is read.
#[test]
fn content_with_no_papers_fails_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/2026-01-01.md"),
        "# Notes\n\nNothing here.\n",
    )
    .unwrap();
    let out = run(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("error[no-papers]"), "{stderr}");
    assert!(stderr.contains("list digests"), "{stderr}");
    assert!(!root.join("public").exists());
}

#[test]
fn a_bullet_list_with_badges_and_empty_topic_files() {
    check_fixture("badge-bullets");
}

#[test]
fn code_links_beside_site_wide_links_and_footers() {
    check_fixture("code-links");
}

#[test]
fn notes_beside_an_index_of_notes() {
    check_fixture("cn-note-index");
}

#[test]
fn a_firehose_with_new_and_replaced_listings() {
    check_fixture("firehose-new-replaced");
}

#[test]
fn notes_named_by_id_beside_a_day_report_of_id_tables() {
    check_fixture("hf-notes-idtable");
}

#[test]
fn jekyll_posts_with_yaml_front_matter() {
    check_fixture("jekyll-ja-posts");
}

/// Notes dated only by their YAML `date:` (not by path or heading), beside notes in day
/// folders whose fields sit under a `## 基本情報` heading, and an index that links them.
#[test]
fn jekyll_notes_dated_by_their_front_matter() {
    check_fixture("jekyll-dated-notes");
}

/// Fields on one `|`-separated line, two-column field tables and category headings over
/// bold titles, with a footer under the last rule.
#[test]
fn inline_fields_field_tables_and_a_footer() {
    check_fixture("inline-field-radar");
}

/// Notes with Hugo's or Zola's TOML front matter: their keys are read or passed over,
/// a date with a time is on its day, and a title only in front matter titles the paper.
#[test]
fn hugo_and_zola_notes_with_toml_front_matter() {
    check_fixture("hugo-toml-notes");
}

#[test]
fn topic_files_with_html_labels_and_category_headings() {
    check_fixture("cn-font-labels");
}

#[test]
fn emoji_lines_and_a_table_of_more_papers() {
    check_fixture("emoji-lines-cn");
}

#[test]
fn one_paper_per_run_with_a_sub_heading_per_field() {
    check_fixture("field-subheadings");
}

#[test]
fn notes_with_yaml_front_matter_in_day_folders() {
    check_fixture("frontmatter-notes");
}

#[test]
fn translated_headings_over_original_titles() {
    check_fixture("hf-cn-translated");
}

#[test]
fn numbered_h1_papers_with_category_links() {
    check_fixture("hot-papers-h1");
}

#[test]
fn mkdocs_notes_in_html_wrappers_beside_indexes() {
    check_fixture("mkdocs-html-notes");
}

/// Notes with no date anywhere (not in a heading, the file name or a folder) cannot
/// make days: the build fails with `no-papers` and says that the papers are undated.
#[test]
fn undated_layouts_fail_and_say_why() {
    let name = "bare-id-monthly";
    let (_dir, root) = site(name);
    let out = run(&root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{name}: {stderr}");
    assert!(stderr.contains("error[no-papers]"), "{name}: {stderr}");
    assert!(stderr.contains("warning[undated]"), "{name}: {stderr}");
    assert!(!root.join("public").exists(), "{name}");
}

#[test]
fn one_day_in_two_languages_and_a_topic_file() {
    check_fixture("bilingual-topics");
}

/// Every wild layout, as a user meets papertrail: `papertrail init` from inside the
/// bot's folder (no arguments), then `papertrail build`. init finds the content, reads
/// every paper and reports in at most 25 lines; an undated layout makes it fail.
#[test]
fn init_then_build_from_inside_each_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wild");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 17, "{names:?}");
    for name in names {
        let expected: Expected = toml::from_str(
            &std::fs::read_to_string(fixtures.join(&name).join("expected.toml")).unwrap(),
        )
        .unwrap();
        let (_dir, root) = site(&name);
        let out = run(&root, &["init"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines = stdout.lines().count() + stderr.lines().count();
        assert!(lines <= 25, "{name}: {lines} lines:\n{stdout}{stderr}");
        if expected.days == 0 {
            assert!(!out.status.success(), "{name}: {stdout}{stderr}");
            continue;
        }
        assert!(out.status.success(), "{name}: {stdout}{stderr}");
        // init counts what it read as the build publishes it: papers, and links apart.
        let read = if expected.links > 0 {
            format!(
                "{} paper(s) and {} link(s) to other works",
                expected.papers, expected.links
            )
        } else {
            format!("{} paper(s)", expected.papers)
        };
        assert!(stdout.contains(&read), "{name}: {stdout}");
        let out = run(&root, &["build"]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_note_per_paper_beside_a_day_index() {
    check_fixture("notes-per-paper");
}

#[test]
fn notes_behind_an_html_toolbar_with_html_day_indexes() {
    check_fixture("toolbar-notes");
}

#[test]
fn subject_files_in_day_folders_named_with_the_month() {
    check_fixture("subject-readmes");
}

#[test]
fn notes_whose_title_heading_wraps_onto_an_indented_line() {
    check_fixture("wrapped-hf-notes");
}

#[test]
fn one_paper_a_day_with_a_dated_heading_then_with_no_title() {
    check_fixture("one-a-day");
}

/// Dated digests that list no paper at all publish no empty site either.
#[test]
fn dated_content_with_no_papers_fails() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/2026-01-01.md"),
        "## Papers for 2026-01-01\n\n| Title | Authors | Summary |\n|---|---|---|\n",
    )
    .unwrap();
    let out = run(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("error[no-papers]"), "{stderr}");
    assert!(!root.join("public").exists());
}

#[test]
fn dash_bullets_then_collapsed_summaries() {
    check_fixture("dash-bullets-details");
}

#[test]
fn notes_naming_their_paper_by_a_labelled_bare_id() {
    check_fixture("labelled-id-notes");
}

#[test]
fn a_korean_briefing_with_untitled_backlog_papers() {
    check_fixture("korean-briefing");
}

#[test]
fn a_biology_digest_of_doi_and_pubmed_records() {
    check_fixture("bio-digest");
}

#[test]
fn a_list_fork_whose_model_quota_ran_out() {
    check_fixture("list-quota-failures");
}

#[test]
fn radar_notes_dated_by_their_own_published_line() {
    check_fixture("radar-abstract-notes");
}

#[test]
fn notes_filed_by_month_dated_by_a_quoted_date_line_with_a_second_part() {
    check_fixture("monthly-dated-notes");
}

/// Beside dated digests, a paper's own date line dates nothing: it is the paper's arXiv
/// date, not a day of the digest, and would list the paper a second time on another
/// day. A note of a paper the digests list adds nothing; a note of any other paper is
/// reported undated, as before. Built from inside the site folder.
#[test]
fn own_date_lines_count_only_where_no_file_is_dated() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("content/2026-03-05.md"),
        "# Papers\n\n## 1. Tidal Power from Small Estuaries\n\n\
         **Authors:** Maren Holt\n\n[arXiv](https://arxiv.org/abs/2603.01001)\n\n\
         **TL;DR:** Small estuaries give steady power at slack tide.\n",
    )
    .unwrap();
    for (id, title) in [
        ("2603.01001", "Tidal Power from Small Estuaries"),
        ("2603.01002", "Salt Gradients as Batteries"),
    ] {
        std::fs::write(
            root.join(format!("content/notes/{id}.md")),
            format!(
                "# {title}\n\n**Authors:** Maren Holt\n\nA paragraph of the abstract.\n\n\
                 **Published:** 2026-03-01\n\n[arXiv](https://arxiv.org/abs/{id})\n"
            ),
        )
        .unwrap();
    }
    let out = run(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning[undated]"), "{stderr}");
    assert!(!stderr.contains("stamped-date"), "{stderr}");
    assert!(root.join("public/2026/03/05/index.html").exists());
    assert!(
        !root.join("public/2026/03/01").exists(),
        "a day made of a date line"
    );
    assert!(root.join("public/papers/2603.01001/index.html").exists());
    assert!(!root.join("public/papers/2603.01002").exists());
}

#[test]
fn jekyll_lists_in_liquid_raw_tags_with_arxiv_author_affiliations() {
    check_fixture("jekyll-raw-lists");
}

#[test]
fn japanese_numbered_headings_with_noted_bare_links() {
    check_fixture("ja-bracket-numbered");
}

#[test]
fn a_list_digest_dated_by_its_title_heading_only() {
    check_fixture("list-dated-heading");
}

/// A paper linked on a line no entry holds is reported with its file, line and link,
/// unless another file publishes it; papers an entry cites are not lost. Built and
/// checked from inside the site folder.
#[test]
fn papers_linked_outside_every_entry_are_reported_unless_published_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/2026-03-05.md"),
        "# Papers 2026-03-05\n\n### [Tidal Power from Small Estuaries](https://arxiv.org/abs/2603.01001)\n\
         **Authors:** Maren Holt\n\nIt improves on arXiv:2601.00077.\n\n\
         ## Also worth a look\n\n\
         Two more from this week, https://arxiv.org/abs/2603.01009 and https://arxiv.org/abs/2603.01002, which we could not summarise before the deadline.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/2026-03-06.md"),
        "# Papers 2026-03-06\n\n### [Salt Gradients as Batteries](https://arxiv.org/abs/2603.01002)\n\
         **Authors:** Ivo Kern\n\nSalt water stores charge.\n",
    )
    .unwrap();
    let out = run(root, &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning[unread-papers]"), "{stderr}");
    let out = run(root, &["check"]);
    let report =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = report.lines().filter(|l| l.contains("not read")).collect();
    assert_eq!(lines.len(), 1, "{report}");
    assert!(
        lines[0].contains("1 paper(s)")
            && lines[0].contains("https://arxiv.org/abs/2603.01009 on line 10")
            && !lines[0].contains("2603.01002")
            && !lines[0].contains("2601.00077"),
        "{report}"
    );
    assert!(report.contains("content/2026-03-05.md:10"), "{report}");
    assert!(root.join("public/papers/2603.01002/index.html").exists());
    assert!(!root.join("public/papers/2603.01009").exists());
}

#[test]
fn an_obsidian_vault_of_item_notes_titled_by_their_heading() {
    check_fixture("obsidian-vault-items");
}

#[test]
fn hugo_notes_titled_in_front_matter_beside_card_day_pages() {
    check_fixture("hugo-card-notes");
}

#[test]
fn weekly_roundups_in_iso_week_folders() {
    check_fixture("iso-week-roundups");
}

#[test]
fn tables_per_source_with_files_kept_beside_the_digest() {
    check_fixture("multi-source-tables");
}

/// A day's index of note cards that recommends more old papers than it has notes names
/// those papers once, in `unread-papers`, and is not also reported as a file from which
/// nothing was read.
#[test]
fn an_index_with_more_papers_than_notes_names_them_once() {
    let (_dir, root) = site("hugo-card-notes");
    let index = root.join("content/posts/2026-07-21/_index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    let card = |id: &str| {
        format!(
            "<div class=\"paper-card paper-card-classic\">\n<div class=\"card-body\">\n\
             <a class=\"card-title\" href=\"https://arxiv.org/abs/{id}\">A Classic Numbered {id}</a>\n\
             </div></div>\n\n"
        )
    };
    let classics: String = (11..=18).map(|n| card(&format!("1602.900{n}"))).collect();
    let more = format!("{classics}## 📋 其他论文");
    std::fs::write(&index, text.replacen("## 📋 其他论文", &more, 1)).unwrap();
    let out = run(&root, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["unread-papers"], "{report}");
    let message = report["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("9 paper(s)") && message.contains("1602.90011"),
        "{message}"
    );
}

#[test]
fn report_entries_under_a_status_line_of_stars_date_and_code() {
    check_fixture("status-line-reports");
}

#[test]
fn notes_in_day_folders_with_question_sub_headings() {
    check_fixture("dated-folder-qa-notes");
}

#[test]
fn an_astro_collection_of_notes_with_quoted_values_over_lines() {
    check_fixture("astro-collected-papers");
}

#[test]
fn weekly_bullets_opening_with_a_date_in_brackets() {
    check_fixture("weekly-dated-bullets");
}

#[test]
fn numbered_headings_opening_with_a_category_chip_and_a_dash() {
    check_fixture("category-chip-headings");
}

#[test]
fn a_readme_rewritten_daily_with_a_table_per_topic() {
    check_fixture("readme-topic-tables");
}

#[test]
fn a_readme_of_keyword_tables_dated_by_their_rows() {
    check_fixture("readme-dated-rows");
}

#[test]
fn scored_daily_picks_named_by_year_and_month_day() {
    check_fixture("scored-daily-picks");
}

#[test]
fn a_doi_majority_digest_with_details_under_numbered_headings() {
    check_fixture("doi-majority-details");
}

#[test]
fn a_weekly_file_dated_only_by_its_search_window() {
    check_fixture("search-window-weekly");
    let (_dir, root) = site("search-window-weekly");
    assert!(run(&root, &["build"]).status.success());
    let days: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("public/data/days.json")).unwrap())
            .unwrap();
    assert_eq!(days[0]["date"], "2026-02-02", "{days}");
}

#[test]
fn a_readme_of_collapsed_papers_dated_by_its_last_updated_line() {
    check_fixture("details-upvotes-readme");
}

#[test]
fn topic_files_with_a_dated_section_per_day() {
    check_fixture("topic-files-dated-sections");
}

#[test]
fn rows_of_bold_labels_without_colons_under_topic_headings() {
    check_fixture("field-rows-colonless");
}

#[test]
fn headings_that_label_their_title() {
    check_fixture("title-label-headings");
}

#[test]
fn badge_lines_under_titles_and_a_weekly_file() {
    check_fixture("badge-lines-weekly");
}

#[test]
fn notes_named_by_their_ids_beside_wiki_link_overviews() {
    check_fixture("id-named-vault-notes");
}

#[test]
fn a_readme_whose_folded_summaries_have_headings_of_their_own() {
    check_fixture("folded-summary-readme");
}

#[test]
fn a_report_whose_side_tables_list_no_papers() {
    check_fixture("report-side-tables");
}

#[test]
fn a_report_whose_table_papers_are_read_closely_in_cards() {
    check_fixture("report-deep-read-cards");
}

#[test]
fn notes_whose_front_matter_dates_are_placeholders() {
    check_fixture("venue-notes-undated");
}

#[test]
fn keyword_notices_with_title_headings_and_a_broken_later_layout() {
    check_fixture("keyword-title-blocks");
}

#[test]
fn an_archive_split_between_an_archive_folder_and_the_latest_days() {
    check_fixture("split-archive-folders");
}

#[test]
fn scored_picks_labelled_in_traditional_chinese() {
    check_fixture("tw-scored-picks");
}

#[test]
fn notes_dated_only_by_their_papers_published_date() {
    check_fixture("yaml-published-notes");
}

#[test]
fn labels_run_in_with_a_period_a_dash_or_brackets() {
    check_fixture("run-in-labels");
}

#[test]
fn topic_lists_with_a_line_of_metadata_under_each_title() {
    check_fixture("topic-meta-lines");
}

/// Numbered papers with sections above and beside them; the days read with no entry
/// say why, naming the links (a paper another day publishes left out) or the empty ones,
/// and a day whose papers other days publish still says the day is not.
#[test]
fn numbered_papers_with_sections_of_their_own() {
    check_fixture("numbered-report-sections");
    let (_dir, root) = site("numbered-report-sections");
    assert!(run(&root, &["build"]).status.success());
    let out = run(&root, &["check"]);
    let report = String::from_utf8_lossy(&out.stderr);
    let of = |day: &str| report.lines().find(|l| l.contains(day)).unwrap_or("");
    let linked = of("2026-03-05.md:8: warning[unread-papers]");
    assert!(
        linked.contains("2603.41007 on line 8")
            && !linked.contains("2603.41002")
            && linked.contains("no entry was read from the digest for 2026-03-05"),
        "{report}"
    );
    assert!(of("2026-03-04.md:12").contains("2 link(s) on line(s) 12, 50 are empty"));
    assert!(of("2026-03-03.md:109").contains("1 link(s) on line(s) 109 are empty"));
    // Its one paper published from another day, the day itself is still lost.
    assert!(of("2026-03-06.md:8").contains("2026-03-06 gives no paper"));
}

#[test]
fn newsletter_sections_closed_by_a_link_to_follow() {
    check_fixture("hf-newsletter-sections");
}

#[test]
fn jekyll_posts_whose_model_section_says_it_had_no_key() {
    check_fixture("jekyll-math-digest");
}

#[test]
fn a_content_collection_of_notes_in_camel_case_front_matter() {
    check_fixture("astro-collection-notes");
}

#[test]
fn daily_snapshots_of_topic_tables_with_pipes_in_titles() {
    check_fixture("topic-table-snapshots");
}

#[test]
fn hugo_pages_whose_front_matter_lists_the_days_entries() {
    check_fixture("hugo-front-matter-items");
}

#[test]
fn korean_notes_linking_one_paper_on_arxiv_and_openreview() {
    check_fixture("korean-venue-notes");
}

#[test]
fn korean_vault_notes_with_sections_under_emoji_headings() {
    check_fixture("korean-linked-notes");
}

#[test]
fn headings_with_bare_addresses_and_a_venue_line() {
    check_fixture("bare-link-headings");
}

/// A summary that opens with arXiv's comments line: the paper page's meta description
/// (what search results and link previews show) starts at its prose, as lists do.
#[test]
fn a_meta_description_starts_past_the_comments_line() {
    let (_dir, root) = site("bare-link-headings");
    assert!(run(&root, &["init"]).status.success());
    assert!(run(&root, &["build"]).status.success());
    let page = std::fs::read_to_string(root.join("public/papers/2407.70003/index.html")).unwrap();
    let description = page
        .split("<meta name=\"description\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        description.starts_with("What&apos;s New: A detector that counts herons"),
        "{description}"
    );
    assert!(
        page.contains("12 pages, 5 figures"),
        "the comments stay on the page"
    );
}

#[test]
fn mirror_listings_whose_paper_link_is_the_listing_number() {
    check_fixture("mirror-link-headings");
}
