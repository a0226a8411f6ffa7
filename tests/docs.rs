//! The documentation stays true: every relative link in README.md, docs/ and
//! benches/README.md leads somewhere, and the samples of papertrail's output shown there
//! are what the binary prints today.
//!
//! A sample is a fenced block right after a `<!-- sample: NAME -->` line. The tests here
//! know each NAME; a sample that loses its marker fails `every_marked_sample_is_tested`,
//! so none silently stops being checked.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Site, run_in};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The repository's own folder.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, every markdown file under docs/, and benches/README.md.
fn doc_files(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![root.join("README.md"), root.join("benches/README.md")];
    let mut stack = vec![root.join("docs")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// GitHub's anchor for a heading: lowercase, every character that is not a letter, a
/// digit, `-` or `_` dropped, spaces turned into `-`; a repeated anchor gets `-1`, `-2`.
fn github_anchors(markdown: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some(text) = heading.take() else { continue };
                let slug: String = text
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter_map(|c| match c {
                        ' ' => Some('-'),
                        '-' | '_' => Some(c),
                        c if c.is_alphanumeric() => Some(c),
                        _ => None,
                    })
                    .collect();
                let count = seen.entry(slug.clone()).or_insert(0);
                let anchor = if *count == 0 {
                    slug.clone()
                } else {
                    format!("{slug}-{count}")
                };
                *count += 1;
                anchors.insert(anchor);
            }
            _ => {}
        }
    }
    anchors
}

/// Every link and image target in `markdown`, with the line it is on.
fn link_targets(markdown: &str) -> Vec<(usize, String)> {
    let mut targets = Vec::new();
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            let line = markdown[..range.start].matches('\n').count() + 1;
            targets.push((line, dest_url.into_string()));
        }
    }
    targets
}

/// Whether a link leaves the repository (a web address, a mail address).
fn is_external(target: &str) -> bool {
    target.contains("://") || target.starts_with("mailto:")
}

/// Every relative link in `files` that does not resolve, as `file:line: message`, and
/// how many relative links were checked.
fn broken_links(root: &Path, files: &[PathBuf]) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in files {
        let shown = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("{shown}: cannot be read: {e}"));
                continue;
            }
        };
        for (line, target) in link_targets(&text) {
            if is_external(&target) {
                continue;
            }
            checked += 1;
            let (path, fragment) = match target.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (target.as_str(), None),
            };
            let dest = if path.is_empty() {
                file.clone()
            } else if let Some(from_root) = path.strip_prefix('/') {
                root.join(from_root)
            } else {
                file.parent().unwrap_or(root).join(path)
            };
            if !dest.exists() {
                problems.push(format!("{shown}:{line}: `{target}`: no such file"));
                continue;
            }
            let Some(fragment) = fragment else { continue };
            if dest.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let anchors = std::fs::read_to_string(&dest)
                .map(|t| github_anchors(&t))
                .unwrap_or_default();
            if !anchors.contains(fragment) {
                problems.push(format!(
                    "{shown}:{line}: `{target}`: no heading with the anchor `#{fragment}`"
                ));
            }
        }
    }
    (problems, checked)
}

#[test]
fn every_relative_link_resolves() {
    let files = doc_files(repo());
    for expected in ["README.md", "docs/README.md", "benches/README.md"] {
        assert!(
            files.contains(&repo().join(expected)),
            "{expected} is not among the checked files: {files:?}"
        );
    }
    let (problems, checked) = broken_links(repo(), &files);
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
    // The README alone links every page of the guide; far fewer means links were missed.
    assert!(checked >= 30, "only {checked} relative links were found");
}

#[test]
fn the_link_check_reports_missing_files_and_headings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path
    };
    write(
        "docs/b.md",
        "# Title\n\n## When `updated` moves: `feed-state.tsv`\n\n## Notes\n\n## Notes\n",
    );
    let a = write(
        "docs/a.md",
        "# A\n\n[fine](b.md#when-updated-moves-feed-statetsv) [second notes](b.md#notes-1)\n\
         [gone](missing.md) and ![gone too](img/none.png)\n\n\
         [no heading](b.md#nowhere) [self](#a) [self, wrong](#b)\n\
         [web](https://example.org/missing.md)\n\n```\n[in code](nowhere.md)\n```\n",
    );
    let (problems, checked) = broken_links(dir.path(), &[a]);
    assert_eq!(
        problems,
        [
            "docs/a.md:4: `missing.md`: no such file",
            "docs/a.md:4: `img/none.png`: no such file",
            "docs/a.md:6: `b.md#nowhere`: no heading with the anchor `#nowhere`",
            "docs/a.md:6: `#b`: no heading with the anchor `#b`",
        ]
    );
    assert_eq!(checked, 7);
}

/// The fenced block after the `<!-- sample: NAME -->` line of `file` (relative to the
/// repository).
fn sample(file: &str, name: &str) -> String {
    let text = std::fs::read_to_string(repo().join(file)).expect("read doc");
    let marker = format!("<!-- sample: {name} -->");
    let mut lines = text
        .lines()
        .skip_while(|l| l.trim() != marker)
        .skip(1)
        .skip_while(|l| l.trim().is_empty());
    let fence = lines.next().unwrap_or_default();
    assert!(
        fence.starts_with("```"),
        "{file}: no fenced block right after `{marker}`"
    );
    let mut block = String::new();
    for line in lines.by_ref() {
        if line.starts_with("```") {
            return block;
        }
        block.push_str(line);
        block.push('\n');
    }
    panic!("{file}: the block after `{marker}` is not closed");
}

/// Every `<!-- sample: NAME -->` marker in the documentation, as (file, NAME).
fn marked_samples() -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for file in doc_files(repo()) {
        let text = std::fs::read_to_string(&file).expect("read doc");
        let rel = file
            .strip_prefix(repo())
            .expect("in repo")
            .display()
            .to_string();
        for line in text.lines() {
            let line = line.trim();
            if let Some(name) = line
                .strip_prefix("<!-- sample: ")
                .and_then(|rest| rest.strip_suffix(" -->"))
            {
                found.insert((rel.clone(), name.to_string()));
            }
        }
    }
    found
}

/// The samples the tests below check.
const TESTED_SAMPLES: &[(&str, &str)] = &[
    ("README.md", "demo-build"),
    ("README.md", "error-digest"),
    ("README.md", "error-build"),
    ("docs/commands.md", "demo-summary"),
    ("docs/commands.md", "check"),
    ("docs/formats.md", "format-table"),
    ("docs/formats.md", "format-feed-dump"),
    ("docs/formats.md", "format-native"),
    ("docs/formats.md", "front-matter"),
    ("docs/config.md", "tag-rules"),
];

#[test]
fn every_marked_sample_is_tested() {
    let tested: BTreeSet<(String, String)> = TESTED_SAMPLES
        .iter()
        .map(|(f, n)| (f.to_string(), n.to_string()))
        .collect();
    assert_eq!(marked_samples(), tested);
}

/// What a terminal shows: diagnostics go to stderr and come before the summary on
/// stdout. Build times differ run to run, so `in 0.21 s` becomes `in TIME`.
fn shown(out: &Output) -> String {
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    without_time(&text)
}

/// `text` with the time at the end of a summary line replaced by `TIME`.
fn without_time(text: &str) -> String {
    let time = regex::Regex::new(r"(?m) in [0-9.]+ m?s$").expect("regex");
    time.replace_all(text, " in TIME").into_owned()
}

#[test]
fn readme_keeps_the_two_commands() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    for command in ["cargo run --release -- build", "cargo test"] {
        assert!(readme.contains(command), "README.md lost `{command}`");
    }
}

#[test]
fn demo_build_output_is_what_the_docs_show() {
    let site = Site::demo(|config| config);
    let out = run_in(site.root(), &["build"]);
    assert!(out.status.success(), "{}", shown(&out));
    let printed = shown(&out);
    assert_eq!(printed, without_time(&sample("README.md", "demo-build")));
    let summary = printed.lines().last().unwrap_or_default().to_string() + "\n";
    assert!(summary.starts_with("Built "), "{printed}");
    assert_eq!(
        summary,
        without_time(&sample("docs/commands.md", "demo-summary"))
    );
}

#[test]
fn error_output_is_what_the_docs_show() {
    let digest = sample("README.md", "error-digest");
    let site = Site::new("", &[("content/2026/10/2026-10-01.md", &digest)]);
    let out = run_in(site.root(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", shown(&out));
    assert_eq!(shown(&out), sample("README.md", "error-build"));
    assert!(!site.public().exists(), "a failed build wrote public/");

    // The same row on a real date: `check` reports the row alone.
    site.write(
        "content/2026/10/2026-10-01.md",
        digest.replace("2026-02-30", "2026-10-01").as_bytes(),
    );
    let out = run_in(site.root(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", shown(&out));
    assert_eq!(shown(&out), sample("docs/commands.md", "check"));
}

#[test]
fn format_samples_build_without_a_problem() {
    let native = sample("docs/formats.md", "format-native");
    // The front matter sample's overrides name the paper of the native sample; its body
    // follows the front matter there.
    let native_body = native.splitn(3, "+++\n").nth(2).unwrap_or_default();
    let front_matter = sample("docs/formats.md", "front-matter") + native_body;
    let site = Site::new(
        "",
        &[
            (
                "content/2025/07/2025-07-04.md",
                &sample("docs/formats.md", "format-table"),
            ),
            (
                "content/2025/07/2025-07-04-feed.md",
                &sample("docs/formats.md", "format-feed-dump"),
            ),
            ("content/2026/11/2026-11-22.md", &native),
            ("content/2025/07/corrections.md", &front_matter),
        ],
    );
    let out = run_in(site.root(), &["check", "--deny-warnings"]);
    assert!(out.status.success(), "{}", shown(&out));
    let out = run_in(site.root(), &["build"]);
    assert!(out.status.success(), "{}", shown(&out));
    let printed = shown(&out);
    // The draft file is checked but not published: two days, three papers.
    assert!(printed.starts_with("Built 2 days, 3 papers,"), "{printed}");
    let table = site.read("papers/2507.02813/index.html");
    assert!(table.contains("LangScene-X"), "{table}");
    let feed_dump = site.read("papers/2506.23918/index.html");
    assert!(feed_dump.contains("Thinking with Images"), "{feed_dump}");
    let native_page = site.read("papers/2507.02592/index.html");
    assert!(native_page.contains("WebSailor"), "{native_page}");
    let day = site.read("2026/11/22/index.html");
    assert!(day.contains("https://example.org/post"), "{day}");
}

#[test]
fn tag_rule_sample_tags_papers() {
    let rules = sample("docs/config.md", "tag-rules");
    let digest = "## Papers for 2025-07-04\n\n| Title | Authors | Summary |\n|---|---|---|\n\
                  | Agentic search (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) \
                  | Ann Lee | A study. |\n\
                  | Better tool use (Read more on [arXiv](https://arxiv.org/abs/2507.00002)) \
                  | Ann Lee | A study. |\n\
                  | Pure vision (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) \
                  | Ann Lee | A study. |\n";
    let site = Site::new(&rules, &[("content/2025/07/2025-07-04.md", digest)]);
    let out = run_in(site.root(), &["build"]);
    assert!(out.status.success(), "{}", shown(&out));
    let tag = site.read("tags/agents/index.html");
    assert!(tag.contains("Agentic search"), "{tag}");
    assert!(tag.contains("Better tool use"), "{tag}");
    assert!(!tag.contains("Pure vision"), "{tag}");
}

/// The workflows the docs offer other repositories name only what exists there: the
/// action by its published name, no script or local action of this repository, and no
/// installer that has nothing to install yet.
#[test]
fn workflows_shown_to_other_repositories_can_be_copied() {
    let root = repo();
    let mut shown = Vec::new();
    for file in doc_files(root) {
        let text = std::fs::read_to_string(&file).expect("doc");
        let mut in_yaml = false;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with("```") {
                in_yaml = line.trim() == "```yaml";
                continue;
            }
            if in_yaml {
                shown.push((format!("{}:{}", file.display(), n + 1), line.to_string()));
            }
        }
        for stale in [
            "commit-feed-state",
            "cargo binstall papertrail",
            "current major",
        ] {
            assert!(
                !text.contains(stale),
                "{} still says `{stale}`",
                file.display()
            );
        }
    }
    let example = root.join(".github/workflows/import.yml");
    let text = std::fs::read_to_string(&example).expect("import.yml");
    for (n, line) in text.lines().enumerate() {
        shown.push((format!("{}:{}", example.display(), n + 1), line.to_string()));
    }
    assert!(shown.len() > 20, "no workflow found in the docs");
    for (place, line) in &shown {
        let code = line.split(" #").next().unwrap_or(line);
        assert!(!code.contains("uses: ./"), "{place}: {line}");
        assert!(!code.contains("scripts/"), "{place}: {line}");
        if let Some(action) = code.trim().strip_prefix("- uses: ")
            && action.contains("papertrail")
        {
            assert!(
                action.starts_with("papertrail-ssg/papertrail@"),
                "{place}: {line}"
            );
        }
    }
}
