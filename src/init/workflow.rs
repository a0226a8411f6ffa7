//! The Pages workflow `init` writes, the bot workflows it runs after, and the Pages
//! address of a GitHub remote.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

/// The project's address, written once in Cargo.toml.
pub(super) const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The workflow `init` writes, with `@NAME@` markers filled in by [`workflow`].
const WORKFLOW_TEMPLATE: &str = include_str!("../init_workflow.yml");

/// Where the workflow goes, relative to the folder.
pub const WORKFLOW_PATH: &str = ".github/workflows/papertrail.yml";

/// A GitHub repository and the address GitHub Pages publishes it at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagesSite {
    pub owner: String,
    pub repo: String,
    pub url: String,
}

/// The Pages address of a GitHub remote: `https://github.com/OWNER/REPO(.git)`,
/// `git@github.com:OWNER/REPO.git` or `ssh://git@github.com/OWNER/REPO.git` give
/// `https://owner.github.io/REPO/`, and a repository named `OWNER.github.io` gives
/// `https://owner.github.io/`. None for other hosts.
pub fn github_pages(remote: &str) -> Option<PagesSite> {
    let remote = remote.trim();
    let path = if let Some(rest) = remote.strip_prefix("git@github.com:") {
        rest
    } else {
        let (_, rest) = remote.split_once("://")?;
        let (host, path) = rest.split_once('/')?;
        let host = host.rsplit('@').next()?;
        let host = host.split(':').next()?;
        if !host.eq_ignore_ascii_case("github.com") && !host.eq_ignore_ascii_case("www.github.com")
        {
            return None;
        }
        path
    };
    let path = path.trim_end_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let (owner, repo) = path.split_once('/')?;
    let valid = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    if !valid(owner) || !valid(repo) {
        return None;
    }
    let host = format!("{}.github.io", owner.to_ascii_lowercase());
    let url = if repo.eq_ignore_ascii_case(&host) {
        format!("https://{host}/")
    } else {
        format!("https://{host}/{repo}/")
    };
    Some(PagesSite {
        owner: owner.to_string(),
        repo: repo.to_string(),
        url,
    })
}

/// The Pages workflow: on pushes to `branch`, after each workflow in `after`, daily and
/// by hand; `site` is the site's folder in the repository (`""` at its top).
pub fn workflow(branch: &str, after: &[String], site: &str, output: &str) -> String {
    let action = REPOSITORY
        .trim_end_matches('/')
        .strip_prefix("https://github.com/")
        .unwrap_or(REPOSITORY);
    let workflow_run = if after.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = after.iter().map(|n| yaml_string(n)).collect();
        format!(
            "  # Commits that a workflow pushes with GITHUB_TOKEN start no other workflow, so a\n\
             \x20 # push trigger never sees the bot's commits: run after the bot instead.\n\
             \x20 workflow_run:\n\
             \x20   workflows: [{}]\n\
             \x20   types: [completed]\n",
            names.join(", ")
        )
    };
    WORKFLOW_TEMPLATE
        .replace("@REPOSITORY@", REPOSITORY)
        .replace("@ACTION@", action)
        .replace("@BRANCH@", &yaml_string(branch))
        .replace("@WORKFLOW_RUN@\n", &workflow_run)
        .replace("@CRON@", "17 6")
        .replace(
            "@WITH@",
            &if site.is_empty() {
                String::new()
            } else {
                format!("        with:\n          root: {}\n", yaml_string(site))
            },
        )
        .replace(
            "@PUBLIC@",
            &yaml_string(&if site.is_empty() {
                output.to_string()
            } else {
                format!("{site}/{output}")
            }),
        )
}

/// A double-quoted YAML string.
fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markers of a workflow step that commits: a `git commit` or `git push` in a script, or
/// an action made to commit and push.
const COMMIT_MARKERS: [&str; 6] = [
    "git commit",
    "git push",
    "stefanzweifel/git-auto-commit-action",
    "EndBug/add-and-commit",
    "ad-m/github-push-action",
    "actions-js/push",
];

/// The names of the workflows in `dir` that commit files, sorted.
///
/// Only the top-level `name:` is needed, so a line reader does it rather than a YAML
/// crate: the one maintained choice is a large dependency for one scalar, and a workflow
/// that GitHub accepts has its top-level keys at the start of a line. A workflow
/// without `name:` is named by its path, as GitHub names it.
pub fn committing_workflows(dir: &Path) -> Result<Vec<String>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut names = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", dir.display()))?
            .path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml")
        ) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        // Comments are not steps: a line is cut at its `#` comment (one that starts the
        // line or follows a blank, as YAML has it).
        let commits = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with('#') {
                    ""
                } else {
                    l.split(" #").next().unwrap_or(l)
                }
            })
            .any(|l| COMMIT_MARKERS.iter().any(|m| l.contains(m)));
        if commits {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            names.push(workflow_name(&text).unwrap_or_else(|| format!(".github/workflows/{file}")));
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// The top-level `name:` of a workflow, unquoted, without a trailing comment.
pub fn workflow_name(text: &str) -> Option<String> {
    let line = text.lines().find(|l| l.starts_with("name:"))?;
    let value = line["name:".len()..].trim();
    let name = if let Some(rest) = value.strip_prefix('"') {
        rest.split_once('"')?.0.replace("\\\"", "\"")
    } else if let Some(rest) = value.strip_prefix('\'') {
        rest.split_once('\'')?.0.to_string()
    } else {
        value.split(" #").next().unwrap_or(value).trim().to_string()
    };
    // A block scalar (`name: >`) or an empty value names nothing usable here.
    (!name.is_empty() && !name.starts_with(['|', '>'])).then_some(name)
}
