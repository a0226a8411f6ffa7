//! `papertrail init` in a scratch copy of a bot's repository: run as its owner would,
//! inside the repository with no `--root`, then `papertrail build` with no edits.

mod common;

use std::path::Path;
use std::process::Command;

use common::{BIN, assert_clean, output_text, run_in};

/// A day in format A (a table digest), as the bot files it: `archive/YYYY/MM/DD.md`.
fn day(date: &str, id: &str, title: &str) -> String {
    format!(
        "## Papers for {date}\n\n\
         | Title | Authors | Summary |\n\
         |-------|---------|---------|\n\
         | {title} (Read more on [arXiv](https://arxiv.org/abs/{id}) or \
         [HuggingFace](https://huggingface.co/papers/{id}))| Pat Tern, Lin Ear | \
         A short summary of {title}. |\n"
    )
}

/// The bot's workflow: it commits and pushes what it fetched.
const BOT_WORKFLOW: &str = "\
name: Daily papers
on:
  schedule:
    - cron: \"0 5 * * *\"
  workflow_dispatch:
permissions:
  contents: write
jobs:
  fetch:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - run: python fetch.py
      - run: |
          git add -A
          git commit -m \"papers of the day\"
          git push
";

/// A workflow that commits nothing.
const LINT_WORKFLOW: &str = "\
name: Lint
on: [push]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: echo fine  # git push is only mentioned here
";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", output_text(&out));
}

/// A scratch bot repository with `remote` as its origin (none when empty).
fn bot_repo(remote: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "archive/2025/07/03.md",
        &day("2025-07-03", "2507.03101", "Sparse Kettles"),
    );
    write(
        "archive/2025/07/04.md",
        &day("2025-07-04", "2507.04101", "Gradient Teapots"),
    );
    write(
        "archive/2025/07/05.md",
        &day("2025-07-05", "2507.05101", "Attention Saucers"),
    );
    write("archive/2025/07/05.jsonl", "{\"id\": \"2507.05101\"}\n");
    write(
        "README.md",
        &format!(
            "# Daily papers\n\nThe latest day:\n\n{}",
            day("2025-07-05", "2507.05101", "Attention Saucers")
        ),
    );
    write("notes/2025-06-30.md", "a stray dated note\n");
    write(".github/workflows/daily.yml", BOT_WORKFLOW);
    write(".github/workflows/lint.yaml", LINT_WORKFLOW);
    write(".gitignore", "__pycache__/\npublic\n");
    git(root, &["init", "-q", "-b", "main"]);
    if !remote.is_empty() {
        git(root, &["remote", "add", "origin", remote]);
    }
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn init_then_build_in_a_bot_repository() {
    let repo = bot_repo("https://github.com/alice/daily-papers.git");
    let root = repo.path();
    let out = run_in(root, &["init"]);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    for line in [
        "wrote config.toml",
        "wrote .github/workflows/papertrail.yml",
        "Settings → Pages → Source: GitHub Actions",
        "check passed: 0 error(s), 0 warning(s)",
    ] {
        assert!(shown.contains(line), "`{line}` missing from:\n{shown}");
    }

    let config = read(root, "config.toml");
    assert!(config.contains("content_dir = \"archive\""), "{config}");
    assert!(config.contains("title = \"daily-papers\""), "{config}");
    assert!(
        config.contains("base_url = \"https://alice.github.io/daily-papers/\""),
        "{config}"
    );

    let workflow = read(root, ".github/workflows/papertrail.yml");
    assert!(
        workflow
            .contains("workflow_run:\n    workflows: [\"Daily papers\"]\n    types: [completed]"),
        "{workflow}"
    );
    assert!(!workflow.contains("\"Lint\""), "{workflow}");
    for trigger in ["push:", "schedule:", "workflow_dispatch:"] {
        assert!(workflow.contains(trigger), "{trigger} missing:\n{workflow}");
    }
    // After every completed run of the bot, whatever its conclusion: a bot that commits
    // and then fails a later step has still changed the digests.
    assert!(!workflow.contains("conclusion"), "{workflow}");
    // Read-only: the workflow pushes nothing to the bot's branch.
    assert!(
        workflow.contains("permissions:\n  contents: read\n  pages: write\n  id-token: write\n"),
        "{workflow}"
    );
    assert!(!workflow.contains("commit-feed-state"), "{workflow}");
    assert!(
        workflow.contains("uses: papertrail-ssg/papertrail@v1"),
        "{workflow}"
    );
    assert!(workflow.contains("actions/deploy-pages@"), "{workflow}");
    // No Rust toolchain: the action brings the binary.
    assert!(!workflow.contains("cargo") && !workflow.contains("rust-toolchain"));

    // The existing .gitignore keeps its lines; `public` is not added twice.
    let gitignore = read(root, ".gitignore");
    assert!(
        gitignore.starts_with("__pycache__/\npublic\n"),
        "{gitignore}"
    );
    assert!(!gitignore.contains("/public/"), "{gitignore}");
    assert!(
        gitignore.contains("/.public.papertrail-staging-*"),
        "{gitignore}"
    );

    let out = run_in(root, &["build"]);
    let shown = assert_clean(&out);
    assert!(shown.contains("Built 3 days, 3 papers"), "{shown}");
    let home = read(root, "public/index.html");
    assert!(home.contains("Attention Saucers"));
    assert!(read(root, "public/sitemap.xml").contains("https://alice.github.io/daily-papers/"));
}

#[test]
fn init_takes_the_pages_address_from_an_ssh_remote() {
    let repo = bot_repo("git@github.com:Alice/daily-papers.git");
    let out = run_in(repo.path(), &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let config = read(repo.path(), "config.toml");
    assert!(
        config.contains("base_url = \"https://alice.github.io/daily-papers/\""),
        "{config}"
    );
}

#[test]
fn init_gives_a_user_site_its_root_address() {
    let repo = bot_repo("git@github.com:alice/alice.github.io.git");
    let out = run_in(repo.path(), &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let config = read(repo.path(), "config.toml");
    assert!(
        config.contains("base_url = \"https://alice.github.io/\""),
        "{config}"
    );
    assert!(config.contains("title = \"alice.github.io\""), "{config}");
}

#[test]
fn init_without_a_remote_writes_a_placeholder_that_says_so() {
    let repo = bot_repo("");
    let out = run_in(repo.path(), &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("placeholder"),
        "{}",
        output_text(&out)
    );
    let config = read(repo.path(), "config.toml");
    assert!(
        config.contains("https://OWNER.github.io/REPOSITORY/"),
        "{config}"
    );
    assert!(config.contains("# A placeholder"), "{config}");
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let repo = bot_repo("https://github.com/alice/daily-papers");
    let root = repo.path();
    assert!(run_in(root, &["init"]).status.success());
    let before = common::tree(root);
    let again = run_in(root, &["init"]);
    assert!(!again.status.success());
    assert!(
        output_text(&again).contains("config.toml already exists"),
        "{}",
        output_text(&again)
    );
    assert_eq!(common::tree(root), before, "a refused init changed files");

    // A workflow of that name alone stops it too, before config.toml is written.
    let other = bot_repo("https://github.com/alice/daily-papers");
    let mine = "name: mine\non: push\njobs: {}\n";
    std::fs::write(other.path().join(".github/workflows/papertrail.yml"), mine).expect("write");
    let out = run_in(other.path(), &["init"]);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("papertrail.yml already exists"),
        "{}",
        output_text(&out)
    );
    assert!(!other.path().join("config.toml").exists());
    assert_eq!(read(other.path(), ".github/workflows/papertrail.yml"), mine);
}

#[test]
fn init_in_an_empty_folder_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["init", "site"])
        .output()
        .expect("run papertrail");
    assert!(out.status.success(), "{}", output_text(&out));
    let site = dir.path().join("site");
    assert!(read(&site, "config.toml").contains("content_dir = \"content\""));
    assert!(site.join("content").is_dir());
    assert_eq!(read(&site, ".gitignore").matches("/public/").count(), 1);
    assert!(run_in(&site, &["new", "2025-07-04"]).status.success());
    let out = run_in(&site, &["build"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(site.join("public/index.html").is_file());
}

#[test]
fn a_site_in_a_sub_folder_gets_its_workflow_at_the_repository_top() {
    let repo = bot_repo("https://github.com/alice/daily-papers.git");
    let root = repo.path();
    std::fs::create_dir_all(root.join("site")).expect("mkdir");
    std::fs::rename(root.join("archive"), root.join("site/archive")).expect("move");
    let out = run_in(&root.join("site"), &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let workflow = read(root, ".github/workflows/papertrail.yml");
    assert!(workflow.contains("root: \"site\""), "{workflow}");
    assert!(workflow.contains("path: \"site/public\""), "{workflow}");
    assert!(
        workflow.contains("workflows: [\"Daily papers\"]"),
        "{workflow}"
    );
    assert!(!root.join("site/.github").exists());
    assert!(read(root, "site/config.toml").contains("content_dir = \"archive\""));
    assert_clean(&run_in(&root.join("site"), &["build"]));
}

#[test]
fn digests_at_the_top_make_the_top_the_content_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for (i, date) in ["2025-07-03", "2025-07-04"].iter().enumerate() {
        let id = format!("2507.0{i}201");
        std::fs::write(
            root.join(format!("{date}.md")),
            day(date, &id, "Top Level Paper"),
        )
        .expect("day");
    }
    std::fs::write(root.join("README.md"), "# Papers\n").expect("readme");
    std::fs::create_dir_all(root.join("node_modules/x")).expect("mkdir");
    std::fs::write(
        root.join("node_modules/x/README.md"),
        "## Papers for 2025-07-03\n",
    )
    .expect("module readme");
    let out = run_in(root, &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    let config = read(root, "config.toml");
    assert!(config.contains("content_dir = \".\""), "{config}");
    assert!(
        config.contains("ignored_content = [\"README.md\", \"node_modules\"]"),
        "{config}"
    );
    assert_clean(&run_in(root, &["build"]));
}

/// Bots file notes under day folders, with topic folders below them, or runs under
/// month-name folders: init picks the folder above the first dated one, whatever sits
/// beneath it.
#[test]
fn day_folders_with_topics_and_month_names_make_one_content_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let note = |title: &str, id: &str| {
        format!("# {title}\n\n**arXiv**: [{id}](https://arxiv.org/abs/{id})\n\nA short note.\n")
    };
    for (folder, topic, id) in [
        ("2026-08-03", "agents", "2608.00001"),
        ("2026-08-03", "vision", "2608.00002"),
        ("2026-08-04", "agents", "2608.00003"),
    ] {
        let path = root.join("docs/daily").join(folder).join(topic);
        std::fs::create_dir_all(&path).expect("mkdir");
        std::fs::write(path.join(format!("{id}.md")), note("A Topic Note", id)).expect("note");
    }
    let out = run_in(root, &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(read(root, "config.toml").contains("content_dir = \"docs/daily\""));
    assert!(
        output_text(&out).contains("read 2 day(s), 3 paper(s)"),
        "{}",
        output_text(&out)
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for (month, name, id) in [
        ("november", "30-11-2025_08-00.md", "2511.00001"),
        ("december", "01-12-2025_08-00.md", "2512.00001"),
        ("december", "02-12-2025_08-00.md", "2512.00002"),
    ] {
        let path = root.join("runs/2025").join(month);
        std::fs::create_dir_all(&path).expect("mkdir");
        std::fs::write(path.join(name), note("A Run Note", id)).expect("note");
    }
    let out = run_in(root, &["init"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(read(root, "config.toml").contains("content_dir = \"runs\""));
    assert!(
        output_text(&out).contains("read 3 day(s), 3 paper(s)"),
        "{}",
        output_text(&out)
    );
}

/// Prints of `init` are read, not scrolled: at most this many lines.
const MAX_LINES: usize = 25;

#[test]
fn init_on_a_noisy_archive_reports_in_a_screenful() {
    let repo = bot_repo("https://github.com/alice/daily-papers.git");
    let root = repo.path();
    // 300 days, each with a row missing its authors and one whose summary starts with
    // an LLM's preamble: hundreds of warnings of a few kinds, as real bots write them.
    for n in 0..300u32 {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")
            + chrono::Duration::days(i64::from(n));
        let (y, m, d) = (date.format("%Y"), date.format("%m"), date.format("%d"));
        let path = root.join(format!("archive/{y}/{m}/{d}.md"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(
            path,
            format!(
                "## Papers for {date}\n\n\
                 | Title | Authors | Summary |\n\
                 |-------|---------|---------|\n\
                 | Paper A{n} (Read more on [arXiv](https://arxiv.org/abs/2401.{n:05})) |  | A summary. |\n\
                 | Paper B{n} (Read more on [arXiv](https://arxiv.org/abs/2402.{n:05})) | Ann Lee | \
                 Here's a summary of the paper following your guidelines: it works. |\n"
            ),
        )
        .expect("day");
    }
    let out = run_in(root, &["init"]);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    let lines = shown.lines().count();
    assert!(lines <= MAX_LINES, "{lines} lines:\n{shown}");
    let result = shown
        .lines()
        .find(|l| l.starts_with("check passed: 0 error(s), "))
        .unwrap_or_else(|| panic!("no check line in:\n{shown}"));
    let warnings: usize = result
        .trim_start_matches("check passed: 0 error(s), ")
        .trim_end_matches(" warning(s)")
        .parse()
        .expect("a count");
    assert!(warnings >= 600, "{shown}");
    // One line per kind, as build prints them, and the found and written files.
    for line in [
        "warning[empty-authors]: 300 × ",
        "warning[llm-preamble]: 300 × ",
        "found 303 dated digest file(s) in archive (content_dir = \"archive\"",
        "read 303 day(s), 603 paper(s)",
        "wrote .github/workflows/papertrail.yml",
        "Next: commit and push",
    ] {
        assert!(shown.contains(line), "`{line}` missing from:\n{shown}");
    }
}

#[test]
fn init_fails_when_the_site_would_not_build() {
    let repo = bot_repo("https://github.com/alice/daily-papers.git");
    let root = repo.path();
    std::fs::write(
        root.join("archive/2025/07/06.md"),
        "## Papers for 2025-02-30\n\n| Title | Authors | Summary |\n|---|---|---|\n| X (Read more on [arXiv](https://arxiv.org/abs/2507.06101)) | A B | S. |\n",
    )
    .expect("bad day");
    let out = run_in(root, &["init"]);
    let shown = output_text(&out);
    assert!(!out.status.success(), "{shown}");
    assert!(shown.contains("error[bad-date]"), "{shown}");
    assert!(shown.contains("check failed: 1 error(s)"), "{shown}");
    assert!(shown.contains("the site would not build"), "{shown}");
    assert!(shown.contains("Next: fix the errors"), "{shown}");
    assert!(shown.lines().count() <= MAX_LINES, "{shown}");
}

#[test]
fn init_fails_when_it_finds_nothing_it_can_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("data")).expect("mkdir");
    std::fs::write(root.join("data/papers.jsonl"), "{\"id\": \"2507.00001\"}\n").expect("jsonl");
    std::fs::write(root.join("README.md"), "# Papers, as JSON lines\n").expect("readme");
    let out = run_in(root, &["init"]);
    let shown = output_text(&out);
    assert!(!out.status.success(), "{shown}");
    assert!(shown.contains("no digest found"), "{shown}");
    assert!(shown.contains("YYYY-MM-DD"), "{shown}");

    // Dated files of which no paper can be read: the reason is the formats read.
    let other = tempfile::tempdir().expect("tempdir");
    let day = other.path().join("archive/2025/07/04.md");
    std::fs::create_dir_all(day.parent().expect("parent")).expect("mkdir");
    std::fs::write(&day, "Nothing papertrail reads, only prose.\n").expect("day");
    let out = run_in(other.path(), &["init"]);
    let shown = output_text(&out);
    assert!(!out.status.success(), "{shown}");
    assert!(shown.contains("no paper was read"), "{shown}");
    assert!(shown.contains("papertrail reads table digests"), "{shown}");
}

#[test]
fn init_of_a_new_folder_names_every_path_from_the_current_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run_in(dir.path(), &["init", "fresh/my-site"]);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    let written: Vec<&str> = shown
        .lines()
        .filter(|l| l.starts_with("wrote ") || l.starts_with("created "))
        .collect();
    assert_eq!(written.len(), 4, "{shown}");
    for line in written {
        let path = line.split_once(' ').map_or("", |(_, p)| p);
        assert!(path.starts_with("fresh/my-site/"), "{line}");
        let file = path.split(' ').next().unwrap_or(path);
        assert!(dir.path().join(file).exists(), "{line} names no file");
    }
    // The one manual step says what it replaces.
    assert!(
        shown.contains("Source: GitHub Actions (this replaces a Jekyll or branch site"),
        "{shown}"
    );
}

/// A web project whose `public/` holds its own static files (Astro, Next.js): `init`
/// names another output folder, so the first `build` neither fails on `public/` nor
/// replaces it, and the workflow uploads what the build writes.
#[test]
fn init_beside_another_tools_public_folder_writes_the_site_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let note = root.join("src/content/papers/2602.80001/echo.md");
    std::fs::create_dir_all(note.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &note,
        "---\narxivId: \"2602.80001\"\npaperTitle: \"Prompt Echoes\"\nsourceUrl: \"https://arxiv.org/abs/2602.80001\"\npublishedAt: \"2026-02-20T09:15:00-05:00\"\n---\n\n## Why\n\nIt helps.\n",
    )
    .expect("note");
    std::fs::create_dir_all(root.join("public")).expect("mkdir");
    std::fs::write(root.join("public/favicon.svg"), "<svg/>").expect("favicon");
    git(root, &["init", "-q", "-b", "main"]);

    let out = run_in(root, &["init"]);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(
        shown.contains("the site is written to _papertrail/"),
        "{shown}"
    );
    assert!(read(root, "config.toml").contains("output_dir = \"_papertrail\""));
    assert!(read(root, ".github/workflows/papertrail.yml").contains("path: \"_papertrail\""));
    assert!(read(root, ".gitignore").contains("/_papertrail/"));

    let out = run_in(root, &["build"]);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("Built 1 day, 1 paper,"), "{shown}");
    assert!(
        root.join("_papertrail/papers/2602.80001/index.html")
            .is_file()
    );
    let public: Vec<_> = std::fs::read_dir(root.join("public"))
        .expect("public")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(public, ["favicon.svg"]);
}

/// Without `init`'s choice, the refusal says how to choose.
#[test]
fn a_build_that_would_replace_another_tools_folder_names_the_setting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).expect("mkdir");
    std::fs::write(
        root.join("content/2025-07-04.md"),
        day("2025-07-04", "2507.04101", "Gradient Teapots"),
    )
    .expect("day");
    std::fs::create_dir_all(root.join("public")).expect("mkdir");
    std::fs::write(root.join("public/logo.png"), "png").expect("logo");
    let out = run_in(root, &["build"]);
    let shown = output_text(&out);
    assert!(!out.status.success(), "{shown}");
    assert!(shown.contains("`output_dir` in config.toml"), "{shown}");
    assert_eq!(read(root, "public/logo.png"), "png");

    std::fs::write(root.join("config.toml"), "output_dir = \"site\"\n").expect("config");
    let out = run_in(root, &["build"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(root.join("site/2025/07/04/index.html").is_file());
    std::fs::write(root.join("config.toml"), "output_dir = \".\"\n").expect("config");
    let out = run_in(root, &["build"]);
    let shown = output_text(&out);
    assert!(!out.status.success(), "{shown}");
    assert!(shown.contains("config.toml:1"), "{shown}");
}

/// A README rewritten with the newest papers under a `Last Updated:` line, beside an
/// archive of files named by their day: `init`, run inside the repository, keeps the
/// archive and names the README it left out.
#[test]
fn init_names_a_rewritten_readme_it_leaves_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    let paper = |id: &str, title: &str| format!("- **[{title}](https://arxiv.org/abs/{id})**\n");
    write(
        "archives/README-2026-03-03.md",
        &paper("2603.00001", "Reeds Bend Light"),
    );
    write(
        "archives/README-2026-03-04.md",
        &paper("2603.00002", "Moss Holds Water"),
    );
    write(
        "README.md",
        &format!(
            "# Agent papers\n\n**Last Updated:** 2026-03-05\n\n{}",
            paper("2603.00003", "Lichen Reads Air")
        ),
    );
    let out = run_in(root, &["init"]);
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        read(root, "config.toml").contains("content_dir = \"archives\""),
        "{text}"
    );
    assert!(
        text.contains("left out 1 dated file(s) outside archives: . (1)"),
        "{text}"
    );
}
