//! `content_dir` and `ignored_content`: digests read where a bot keeps them, every
//! command run the way a user types it (inside the site, no `--root`).

mod common;

use std::process::Output;

use common::{Site, assert_clean, output_text, run_in};

const CONFIG: &str = "\
base_url = \"https://alice.github.io/daily-papers/\"
content_dir = \"archive\"
ignored_content = [\"README.md\", \"drafts\"]
";

const DAY: &str = "\
## Papers for 2025-07-04

| Title | Authors | Summary |
|-------|---------|---------|
| Folded Napkin Transformers (Read more on [arXiv](https://arxiv.org/abs/2507.04001)) | Ada Quill | Napkins, folded. |
";

/// A bot's README, which repeats its latest day: read as a digest, its papers would
/// show up twice.
const README: &str = "\
# The archive

One file a day, written by the bot. The latest:

## Papers for 2025-07-03

| Title | Authors | Summary |
|-------|---------|---------|
| Readme Only Paper (Read more on [arXiv](https://arxiv.org/abs/2507.03001)) | Bo Tt | From the README. |
";

/// A bot's layout: `archive/YYYY/MM/DD.md`, a README and a drafts folder beside them.
fn bot_site(config: &str) -> Site {
    let site = Site::new(config, &[]);
    site.write("archive/2025/07/04.md", DAY.as_bytes());
    site.write("archive/README.md", README.as_bytes());
    // A draft in the feed-dump format, with no date anywhere: an error if read.
    site.write(
        "archive/drafts/later.md",
        b"### Title: Draft Paper\nLink: https://arxiv.org/abs/2507.04009\nSummary: Later.\n",
    );
    site.write("archive/2025/07/04.jsonl", b"{\"id\": \"2507.04001\"}\n");
    std::fs::remove_dir(site.root().join("content")).expect("no content/");
    site
}

/// The binary run inside the site's folder, as typed: `papertrail ARGS`.
fn run(site: &Site, args: &[&str]) -> Output {
    run_in(site.root(), args)
}

#[test]
fn builds_from_content_dir_skipping_ignored_files() {
    let site = bot_site(CONFIG);
    let out = run(&site, &["build"]);
    assert_clean(&out);
    assert!(
        site.read("2025/07/04/index.html")
            .contains("Folded Napkin Transformers")
    );
    assert!(!site.public().join("2025/07/03").exists());
    assert!(!site.public().join("papers/2507.03001").exists());
    let check = run(&site, &["check"]);
    assert!(check.status.success());
    assert!(
        output_text(&check).contains("check passed: 0 error(s), 0 warning(s)"),
        "{}",
        output_text(&check)
    );
}

#[test]
fn without_ignored_content_the_readme_and_drafts_are_read() {
    let site = bot_site(&CONFIG.replace("ignored_content = [\"README.md\", \"drafts\"]\n", ""));
    let out = run(&site, &["check"]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("archive/drafts/later.md"),
        "{}",
        output_text(&out)
    );
    let only_readme = bot_site(&CONFIG.replace("\"README.md\", ", ""));
    let out = run(&only_readme, &["build"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        only_readme
            .read("papers/2507.03001/index.html")
            .contains("Readme Only Paper")
    );
}

#[test]
fn diagnostics_name_the_real_path() {
    let site = bot_site(CONFIG);
    site.write(
        "archive/2025/07/05.md",
        b"## Papers for 2025-07-05\n\n| Title | Authors | Summary |\n|---|---|---|\n| Broken row |\n",
    );
    let shown = output_text(&run(&site, &["check"]));
    assert!(shown.contains("archive/2025/07/05.md:"), "{shown}");
    assert!(!shown.contains("content/"), "{shown}");
}

#[test]
fn missing_content_dir_is_named() {
    let site = bot_site(&CONFIG.replace("\"archive\"", "\"papers\""));
    let out = run(&site, &["build"]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("papers: error[io]: content folder not found"),
        "{}",
        output_text(&out)
    );
}

#[test]
fn new_and_import_write_into_content_dir() {
    let site = bot_site(CONFIG);
    let out = run(&site, &["new", "2025-07-09"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(site.root().join("archive/2025/07/2025-07-09.md").is_file());
    assert!(!site.root().join("content").exists());

    let feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": [\
        {\"id\": \"1\", \"url\": \"https://arxiv.org/abs/2507.04002\", \"title\": \"Second Napkin\", \
        \"date_published\": \"2025-07-04T08:00:00Z\"}]}";
    std::fs::write(site.root().join("feed.json"), feed).expect("feed");
    let out = run(&site, &["import", "feed.json"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        site.root()
            .join("archive/2025/07/2025-07-04-import.md")
            .is_file(),
        "{}",
        output_text(&out)
    );
    let out = run(&site, &["build"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(site.read("2025/07/04/index.html").contains("Second Napkin"));
}

#[test]
fn a_bad_glob_is_a_config_error_with_its_line() {
    let site = bot_site("content_dir = \"archive\"\nignored_content = [\"[oops\"]\n");
    let out = run(&site, &["check"]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("config.toml:2"),
        "{}",
        output_text(&out)
    );
}

/// A README at the root of a bot's repository is read with `content_dir = "."`, so the
/// site's own output folder sits inside the content folder: building again, from inside
/// the folder as a user does, reads none of it (its `robots.txt` was read as a digest).
#[test]
fn a_second_build_with_the_root_as_content_reads_none_of_its_output() {
    let site = Site::new(
        "base_url = \"https://alice.github.io/daily-papers/\"\ncontent_dir = \".\"\n",
        &[("2025-07-04.md", DAY)],
    );
    std::fs::remove_dir(site.root().join("content")).expect("no content/");
    let first = run(&site, &["build"]);
    assert_clean(&first);
    assert!(site.root().join("public/robots.txt").is_file());
    let second = run(&site, &["build"]);
    assert_clean(&second);
    let text = output_text(&second);
    assert!(text.contains("Built 1 day, 1 paper,"), "{text}");
    assert!(!text.contains("warning"), "{text}");
}
