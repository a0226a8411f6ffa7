//! `papertrail check` and `papertrail new`, through the real binary.

mod common;

use std::process::Command;

use common::{BIN, Site, seed_site};

fn check(site: &Site, extra: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .arg("--root")
        .arg(site.root())
        .arg("check")
        .args(extra)
        .output()
        .expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ROW: &str = "| Title | Authors | Summary |\n|---|---|---|\n";

#[test]
fn reports_every_error_with_source_and_writes_nothing() {
    let site = Site::new(
        "",
        &[
            (
                "content/2025/07/2025-07-04.md",
                &format!(
                    "## Papers for 2025-07-04\n{ROW}| Alpha (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann Lee | s |\n| Beta (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Bo Chen | s |\n| Gamma | Ann Lee |\n"
                ),
            ),
            (
                "content/undated.md",
                "### Title: T\nLink: https://arxiv.org/abs/2507.00009\nSummary: s\n",
            ),
            (
                "content/2025-07-05.md",
                "+++\ntitle = \"x\"\ndraft = maybe\n+++\n",
            ),
            ("content/2025-13-01-feed.md", "## Papers for 2025-13-01\n"),
        ],
    );
    let (ok, _, stderr) = check(&site, &[]);
    assert!(!ok);
    for expected in [
        "content/2025/07/2025-07-04.md:5: error[title-conflict]: 2507.00001 is titled `Beta` here but `Alpha`",
        "content/2025/07/2025-07-04.md:6: error[bad-row]: row has 2 cells",
        "content/undated.md:1: error[no-date]: no date for these papers",
        "content/2025-07-05.md:3:9: error[front-matter]: front matter:",
        "content/2025-13-01-feed.md:1: error[bad-date]: `2025-13-01` is not a real date",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    // rustc style: the source line, numbered, with the spot marked.
    assert!(stderr.contains("6 | | Gamma | Ann Lee |"), "{stderr}");
    assert!(stderr.contains("3 | draft = maybe"), "{stderr}");
    assert!(stderr.contains("check failed: 5 error(s)"), "{stderr}");
    assert!(!site.public().exists(), "check wrote output");
}

#[test]
fn json_format_for_bots() {
    let site = Site::new(
        "",
        &[(
            "content/2025-07-04.md",
            &format!(
                "{ROW}| A (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | xxwu, hanyang-21 | Here's a summary of the paper following your guidelines: It works. |\n"
            ),
        )],
    );
    let (ok, stdout, _) = check(&site, &["--format", "json"]);
    assert!(ok, "warnings alone pass");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["errors"], 0);
    assert_eq!(v["warnings"], 2);
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("only usernames")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("LLM preamble")),
        "{messages:?}"
    );
    let path = format!("{}/content/2025-07-04.md", site.root().display());
    assert_eq!(v["diagnostics"][0]["path"], path.as_str());
    let (ok, _, _) = check(&site, &["--deny-warnings"]);
    assert!(!ok, "--deny-warnings fails on warnings");
}

#[test]
fn preamble_is_stripped_from_pages_unless_disabled() {
    let digest = format!(
        "{ROW}| A (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann Lee | Here is a concise summary of the paper: It works well. |\n"
    );
    let site = Site::new("", &[("content/2025-07-04.md", &digest)]);
    let out = site.build_ok(&[]);
    assert!(out.contains("LLM preamble"), "build prints warnings: {out}");
    assert!(out.contains("1 warning(s)"), "{out}");
    let page = site.read("papers/2507.00001/index.html");
    assert!(
        page.contains("It works well.") && !page.contains("concise summary"),
        "{page}"
    );
    let kept = Site::new(
        "strip_preambles = false",
        &[("content/2025-07-04.md", &digest)],
    );
    kept.build_ok(&[]);
    assert!(
        kept.read("papers/2507.00001/index.html")
            .contains("Here is a concise summary")
    );
}

#[test]
fn seeds_check_without_false_errors() {
    let Some(site) = seed_site("") else { return };
    let (ok, _, stderr) = check(&site, &[]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("check passed: 0 error(s)"), "{stderr}");
}

#[test]
fn demo_content_shows_its_lint_warnings_and_no_errors() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(BIN)
        .arg("--root")
        .arg(repo)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], 0);
    let messages: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("LLM preamble")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("Follow-up questions")),
        "{messages:?}"
    );
}

#[test]
fn new_writes_a_day_file_that_reads_back_and_refuses_to_overwrite() {
    let site = Site::new("", &[]);
    let run = |args: &[&str]| {
        Command::new(BIN)
            .arg("--root")
            .arg(site.root())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["new", "2026-11-20"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = site.root().join("content/2026/11/2026-11-20.md");
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .ends_with("content/2026/11/2026-11-20.md")
    );
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("+++\ndate = 2026-11-20\n+++\n"),
        "{written}"
    );
    let out = run(&["new", "2026-11-20"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        written,
        "not overwritten"
    );
    assert!(!run(&["new", "2026-02-30"]).status.success());

    // A person adds a paper under the guide and the site builds it.
    std::fs::write(&path, format!("{written}## Hand-Written Paper on Agents\narxiv: 2611.01234\nauthors: Ann Lee, Bo Chen\ntags: favourites\ngist: Agents that *write*.\n\nA summary typed by hand.\n\n### Abstract\n\nThe abstract.\n")).unwrap();
    let (ok, _, stderr) = check(&site, &["--deny-warnings"]);
    assert!(ok, "{stderr}");
    site.build_ok(&[]);
    let page = site.read("papers/2611.01234/index.html");
    assert!(page.contains("<h1>Hand-Written Paper on Agents</h1>"));
    assert!(page.contains("Ann Lee, Bo Chen"));
    assert!(page.contains("<em>write</em>"));
    assert!(site.public().join("tags/favourites/index.html").is_file());
    let out = run(&["new"]);
    assert!(out.status.success(), "today by default");
}

/// A file named for a day the calendar lacks is told so, not told to add a date.
#[test]
fn an_impossible_date_in_a_file_name_is_named() {
    let site = Site::new(
        "",
        &[(
            "content/2026-02-30.md",
            "### Title: T\nLink: https://arxiv.org/abs/2602.00009\nSummary: s\n",
        )],
    );
    let (ok, _, stderr) = check(&site, &[]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("error[no-date]: `2026-02-30` in the file name is not a real date"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("add a YYYY-MM-DD in the file name"),
        "{stderr}"
    );
}
