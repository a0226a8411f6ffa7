//! `papertrail init`: turns a folder, most often a repository where a bot commits one
//! digest a day, into a site that GitHub Pages publishes, without asking anything.
//!
//! It looks at what is there (where the dated digest files are, the git remote, the
//! workflows that commit files) and writes `config.toml`, the Pages workflow and the
//! `.gitignore` lines for what builds leave behind. It never overwrites a file: when
//! `config.toml` or the workflow exists it stops before writing anything, and
//! `.gitignore` only gets the lines it lacks.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::report;

mod discover;
mod workflow;

use discover::slash_path;
pub use discover::{ContentFound, find_content};
use workflow::REPOSITORY;
pub use workflow::{
    PagesSite, WORKFLOW_PATH, committing_workflows, github_pages, workflow, workflow_name,
};

/// What builds leave in the site's folder, for `.gitignore`: the site itself (in
/// `output`), a staging folder a killed build left behind, the feed state half-written.
fn generated(output: &str) -> [String; 3] {
    [
        format!("/{output}/"),
        format!("/.{output}.papertrail-staging-*"),
        "/feed-state.tsv.tmp".to_string(),
    ]
}

/// The output folder `init` names when the site's `public/` holds another tool's files
/// (an Astro or Next.js project's static files): the underscore keeps Jekyll from
/// publishing it, should the repository also be a Jekyll site.
pub const OTHER_OUTPUT_DIR: &str = "_papertrail";

/// The most lines `init` prints: its report must be read, not scrolled (a 300-day bot
/// repository has thousands of warnings, each of which `papertrail check` lists).
pub const MAX_REPORT_LINES: usize = 25;

/// Errors quoted one line each; `papertrail check` shows every one in full.
const MAX_ERROR_LINES: usize = 5;

/// What `init` found and wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub dir: PathBuf,
    /// Files created or appended to, as paths from the current folder (like every path
    /// `init` prints), each with what was done.
    pub written: Vec<(String, String)>,
    pub content_dir: String,
    /// Dated digest files found in `content_dir` (0 in a new site).
    pub digests: usize,
    /// Files there that are not digests, put in `ignored_content`.
    pub ignored: usize,
    /// Folders of dated files outside `content_dir`, with how many each holds.
    pub left_out: Vec<(String, usize)>,
    /// `.txt` files beside a note of the same name, which builds pass over.
    pub note_sources: usize,
    /// The folder held nothing but hidden entries (`.git`): a site started from nothing.
    pub started_empty: bool,
    pub base_url: String,
    /// No GitHub remote: `base_url` is a placeholder to edit.
    pub placeholder: bool,
    /// Names of the workflows that commit files, which the Pages workflow runs after.
    pub after: Vec<String>,
    /// The folder builds write to, when not `public` (which holds another tool's files).
    pub output_dir: Option<String>,
}

/// What a build of the new site would make of it: `check`'s diagnostics, and the days and
/// papers read when the site loaded.
#[derive(Debug, Clone)]
pub struct Checked {
    pub diagnostics: Diagnostics,
    /// What the site holds; None when it did not load.
    pub read: Option<Read>,
}

/// Days, papers and link-only entries (a bioRxiv note, a blog post) a site holds.
#[derive(Debug, Clone, Copy)]
pub struct Read {
    pub days: usize,
    pub papers: usize,
    pub links: usize,
}

/// Reads the site in `dir` as `papertrail check` does, keeping what was read.
pub fn check_site(dir: &Path) -> Checked {
    match crate::build::load_site(dir, None) {
        Ok((config, site, mut diagnostics)) => {
            if let Err(d) = crate::build::load_theme(dir, &config) {
                diagnostics.push(d);
            }
            let links: usize = site.days.iter().map(|d| d.links.len()).sum();
            Checked {
                diagnostics,
                read: Some(Read {
                    days: site.days.len(),
                    papers: site.papers.len(),
                    links,
                }),
            }
        }
        Err(crate::build::BuildError::Content(diagnostics)) => Checked {
            diagnostics,
            read: None,
        },
        Err(crate::build::BuildError::Other(e)) => Checked {
            diagnostics: Diagnostic::error(dir, 0, format!("{e:#}")).into(),
            read: None,
        },
    }
}

impl Done {
    /// Why the site would not publish, if it would not: errors, or digests of which no
    /// paper was read, or a folder with files but no digest.
    pub fn failure(&self, checked: &Checked) -> Option<String> {
        let errors = checked.diagnostics.error_count();
        if errors > 0 {
            return Some(format!(
                "check failed: {errors} error(s), {} warning(s); the site would not build",
                checked.diagnostics.warning_count()
            ));
        }
        let entries = checked.read.map_or(0, |r| r.papers + r.links);
        if entries > 0 || self.started_empty {
            return None;
        }
        let folder = display_path_or_dot(&self.dir.join(&self.content_dir));
        Some(if self.digests > 0 {
            format!(
                "no paper was read from the {} dated digest file(s) in {folder}; papertrail reads {}",
                self.digests,
                content::FORMATS_READ
            )
        } else {
            format!(
                "no digest found in {}: papertrail reads .md, .markdown and .txt files with a YYYY-MM-DD date in their name or a YYYY/MM/DD.md path",
                display_path_or_dot(&self.dir)
            )
        })
    }

    /// What was found and written, the warnings by kind, `check`'s result and the one
    /// step left, in at most [`MAX_REPORT_LINES`] lines.
    pub fn report(&self, checked: &Checked) -> String {
        let mut head = Vec::new();
        let folder = display_path_or_dot(&self.dir.join(&self.content_dir));
        head.push(if self.digests > 0 {
            format!(
                "found {} dated digest file(s) in {folder} (content_dir = {}{})",
                self.digests,
                toml_string(&self.content_dir),
                if self.ignored > 0 {
                    format!(
                        "; {} other file(s) there go in ignored_content",
                        self.ignored
                    )
                } else {
                    String::new()
                }
            )
        } else {
            format!(
                "found no dated digest file; content_dir = {}",
                toml_string(&self.content_dir)
            )
        });
        if !self.left_out.is_empty() {
            let files: usize = self.left_out.iter().map(|(_, n)| n).sum();
            let folders: Vec<String> = self
                .left_out
                .iter()
                .take(3)
                .map(|(folder, n)| format!("{folder} ({n})"))
                .collect();
            let more = self.left_out.len().saturating_sub(folders.len());
            head.push(format!(
                "left out {files} dated file(s) outside {folder}: {}{}; to read them too, set content_dir to a folder holding both",
                folders.join(", "),
                if more > 0 { format!(" and {more} more folder(s)") } else { String::new() }
            ));
        }
        if self.note_sources > 0 {
            head.push(format!(
                "passed over {} .txt file(s) beside a note of the same name (the note's source text, not a digest)",
                self.note_sources
            ));
        }
        if let Some(Read {
            days,
            papers,
            links,
        }) = checked.read
        {
            head.push(if links > 0 {
                format!("read {days} day(s), {papers} paper(s) and {links} link(s) to other works")
            } else {
                format!("read {days} day(s), {papers} paper(s)")
            });
        }
        head.push(if self.placeholder {
            format!(
                "base_url = \"{}\" is a placeholder (no GitHub remote `origin`): edit it in config.toml",
                self.base_url
            )
        } else {
            format!("base_url = \"{}\" (from the remote `origin`)", self.base_url)
        });
        if !self.after.is_empty() {
            let names: Vec<String> = self.after.iter().map(|n| format!("\"{n}\"")).collect();
            head.push(format!(
                "the site is rebuilt after each run of {} (it commits files)",
                names.join(", ")
            ));
        }
        if let Some(output) = &self.output_dir {
            head.push(format!(
                "public/ holds another tool's files, which a build would replace: the site is written to {output}/ (output_dir = {})",
                toml_string(output)
            ));
        }
        for (path, what) in &self.written {
            head.push(format!("{what} {path}"));
        }

        let diags = &checked.diagnostics;
        let mut errors: Vec<String> = diags
            .items
            .iter()
            .filter(|d| d.is_error())
            .take(MAX_ERROR_LINES)
            .map(|d| d.to_string())
            .collect();
        if diags.error_count() > errors.len() {
            errors.push(format!(
                "error: {} more; `papertrail check` shows every one",
                diags.error_count() - errors.len()
            ));
        }
        let failure = self.failure(checked);
        let result = failure.clone().unwrap_or_else(|| {
            format!(
                "check passed: 0 error(s), {} warning(s)",
                diags.warning_count()
            )
        });
        let next = match (&failure, diags.has_errors()) {
            (Some(_), true) => {
                "Next: fix the errors (`papertrail check` lists each with its line), then run `papertrail build`.".to_string()
            }
            (Some(_), false) => format!(
                "Next: point content_dir in {} at the digests, or add a day with `papertrail new`.",
                display_path(&self.dir.join("config.toml"))
            ),
            (None, _) => "Next: commit and push, then on GitHub choose Settings → Pages → Source: GitHub Actions (this replaces a Jekyll or branch site the repository may already publish).".to_string(),
        };
        // The warnings get the lines the rest leaves: one per kind, then the count.
        let fixed = head.len() + errors.len() + 2;
        let kinds = MAX_REPORT_LINES.saturating_sub(fixed + 2);
        let mut out = String::new();
        for line in head.iter().chain(&errors) {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&report::summary_of_kinds(diags, kinds));
        out.push_str(&result);
        out.push('\n');
        out.push_str(&next);
        out.push('\n');
        out
    }
}

/// `path` (which exists) as a path from the current folder, with `..` when it is
/// elsewhere (a workflow at the top of the repository above the site), so that every
/// path `init` prints is read the same way.
fn from_here(path: &Path) -> String {
    let (Ok(cwd), Ok(abs)) = (
        std::env::current_dir().and_then(|c| c.canonicalize()),
        path.canonicalize(),
    ) else {
        return display_path_or_dot(path);
    };
    let common = cwd
        .components()
        .zip(abs.components())
        .take_while(|(a, b)| a == b)
        .count();
    // Only the root in common: an absolute path reads better than a row of `..`.
    if common <= 1 {
        return abs.display().to_string();
    }
    let mut rel = PathBuf::new();
    for _ in cwd.components().skip(common) {
        rel.push("..");
    }
    rel.extend(abs.components().skip(common));
    display_path_or_dot(&rel)
}

/// A path as the current folder sees it; `.` for the current folder itself.
fn display_path_or_dot(path: &Path) -> String {
    let shown = display_path(path);
    if shown.is_empty() { ".".into() } else { shown }
}

/// Sets up `dir` (created when missing) as a site published by GitHub Pages.
pub fn init(dir: &Path) -> Result<Done> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // GitHub reads workflows at the repository's top, which may be above the site.
    let (top, site) = repository_top(dir);
    let workflow_file = top.join(WORKFLOW_PATH);
    for path in [dir.join("config.toml"), workflow_file.clone()] {
        if path.exists() {
            bail!(
                "{} already exists; init writes nothing over existing files (remove it to start again)",
                crate::diagnostic::display_path(&path)
            );
        }
    }
    // Before anything is written: whether there was anything to read at all.
    let started_empty = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .flatten()
        .all(|e| e.file_name().to_string_lossy().starts_with('.'));
    let found = find_content(dir)?;
    let remote = git(dir, &["remote", "get-url", "origin"]);
    let pages = remote.as_deref().and_then(github_pages);
    let title = match &pages {
        Some(p) => p.repo.clone(),
        None => folder_name(dir),
    };
    let (base_url, placeholder) = match &pages {
        Some(p) => (p.url.clone(), false),
        None => ("https://OWNER.github.io/REPOSITORY/".to_string(), true),
    };
    let after = committing_workflows(&top.join(".github/workflows"))?;
    let branch = git(dir, &["symbolic-ref", "--short", "HEAD"]).unwrap_or_else(|| "main".into());

    let output_dir =
        crate::output::holds_other_files(&dir.join("public")).then(|| OTHER_OUTPUT_DIR.to_string());
    let output = output_dir.as_deref().unwrap_or("public");
    let mut written = Vec::new();
    let content_path = dir.join(&found.dir);
    if !content_path.is_dir() {
        std::fs::create_dir_all(&content_path)
            .with_context(|| format!("cannot create {}", content_path.display()))?;
        written.push((
            format!(
                "{}/ (empty; `papertrail new` writes a day)",
                from_here(&content_path)
            ),
            "created".into(),
        ));
    }
    let config = config_text(
        &title,
        &base_url,
        placeholder,
        &found,
        output_dir.as_deref(),
    );
    create(dir, "config.toml", &config)?;
    written.push((from_here(&dir.join("config.toml")), "wrote".into()));
    create(
        &top,
        WORKFLOW_PATH,
        &workflow(&branch, &after, &site, output),
    )?;
    written.push((from_here(&workflow_file), "wrote".into()));
    if let Some(what) = extend_gitignore(dir, output)? {
        written.push((from_here(&dir.join(".gitignore")), what));
    }
    Ok(Done {
        dir: dir.to_path_buf(),
        written,
        content_dir: found.dir,
        digests: found.digests,
        ignored: found.undated.len(),
        left_out: found.left_out,
        note_sources: found.note_sources,
        started_empty,
        base_url,
        placeholder,
        after,
        output_dir,
    })
}

/// The repository's top folder and the site's folder relative to it (`""` when the
/// site is the top, or when `dir` is in no repository: then the top is `dir`).
fn repository_top(dir: &Path) -> (PathBuf, String) {
    let top =
        git(dir, &["rev-parse", "--show-toplevel"]).and_then(|t| Path::new(&t).canonicalize().ok());
    let here = dir.canonicalize().ok();
    if let (Some(top), Some(here)) = (top, here)
        && let Ok(rel) = here.strip_prefix(&top)
        && !rel.as_os_str().is_empty()
    {
        return (top, slash_path(rel));
    }
    (dir.to_path_buf(), String::new())
}

/// Writes a new file; fails if one appeared since the check.
fn create(dir: &Path, rel: &str, text: &str) -> Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The folder's own name, for a title when there is no remote.
fn folder_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Daily papers".into())
}

/// A git command's trimmed output in `dir`, or None (no git, no repository, no remote).
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// A TOML string literal.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn config_text(
    title: &str,
    base_url: &str,
    placeholder: bool,
    found: &ContentFound,
    output_dir: Option<&str>,
) -> String {
    let mut out = format!(
        "# papertrail settings, written by `papertrail init`. Every key is optional; the\n\
         # full list is in the README of {REPOSITORY}.\n\
         title = {}\n",
        toml_string(title)
    );
    if placeholder {
        out.push_str(
            "# A placeholder: there was no GitHub remote. Set the address the site is published\n\
             # at; the Pages workflow passes GitHub's own address instead, so this one is for\n\
             # builds on your machine and for `papertrail check`.\n",
        );
    } else {
        out.push_str(
            "# From the git remote. The Pages workflow passes the address GitHub reports (a custom\n\
             # domain too), so this one is for builds on your machine.\n",
        );
    }
    let _ = writeln!(out, "base_url = {}", toml_string(base_url));
    out.push_str("# The folder holding the digests.\n");
    let _ = writeln!(out, "content_dir = {}", toml_string(&found.dir));
    if !found.undated.is_empty() {
        out.push_str("# Files there that carry no date and are not digests: skipped on purpose.\n");
        let list: Vec<String> = found.undated.iter().map(|s| toml_string(s)).collect();
        let _ = writeln!(out, "ignored_content = [{}]", list.join(", "));
    }
    if let Some(output) = output_dir {
        out.push_str(
            "# public/ holds another tool's files, which a build would replace: the site is\n\
             # written here instead.\n",
        );
        let _ = writeln!(out, "output_dir = {}", toml_string(output));
    }
    out
}

/// Adds the lines of [`generated`] that `.gitignore` lacks; what was done, if anything.
fn extend_gitignore(dir: &Path, output: &str) -> Result<Option<String>> {
    let path = dir.join(".gitignore");
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let present: Vec<&str> = old
        .as_deref()
        .unwrap_or("")
        .lines()
        .map(|l| l.trim().trim_start_matches('/').trim_end_matches('/'))
        .collect();
    let generated = generated(output);
    let missing: Vec<&String> = generated
        .iter()
        .filter(|g| !present.contains(&g.trim_start_matches('/').trim_end_matches('/')))
        .collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let mut text = old.clone().unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# papertrail: the built site and what an interrupted build leaves\n");
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    let tmp = dir.join(".gitignore.papertrail-tmp");
    std::fs::write(&tmp, &text)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Some(if old.is_some() {
        format!("added {} line(s) to", missing.len())
    } else {
        "wrote".into()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_address_from_each_remote_form() {
        let https = github_pages("https://github.com/Alice/daily-papers.git").unwrap();
        assert_eq!(https.url, "https://alice.github.io/daily-papers/");
        assert_eq!(https.repo, "daily-papers");
        let bare = github_pages("https://github.com/alice/daily-papers").unwrap();
        assert_eq!(bare.url, "https://alice.github.io/daily-papers/");
        let ssh = github_pages("git@github.com:alice/daily-papers.git").unwrap();
        assert_eq!(ssh.url, "https://alice.github.io/daily-papers/");
        let ssh_url = github_pages("ssh://git@github.com/alice/daily-papers.git").unwrap();
        assert_eq!(ssh_url.url, "https://alice.github.io/daily-papers/");
        let token = github_pages("https://x-access-token:abc@github.com/alice/p.git").unwrap();
        assert_eq!(token.url, "https://alice.github.io/p/");
        let user = github_pages("git@github.com:Alice/alice.github.io.git").unwrap();
        assert_eq!(user.url, "https://alice.github.io/");
        assert_eq!(github_pages("https://gitlab.com/alice/p.git"), None);
        assert_eq!(github_pages("git@github.com:alice"), None);
        assert_eq!(github_pages("/srv/git/p.git"), None);
    }

    /// Every kind of warning many times over, and more errors than are quoted: the
    /// report still fits, and says where the rest are.
    #[test]
    fn the_report_fits_whatever_the_diagnostics() {
        let mut diagnostics = Diagnostics::default();
        for (i, kind) in crate::diagnostic::Kind::ALL.iter().enumerate() {
            for line in 1..=40 {
                let d = if i % 3 == 0 {
                    Diagnostic::error("content/a.md", line, "broken")
                } else {
                    Diagnostic::warning("content/a.md", line, "odd")
                };
                diagnostics.push(d.kind(*kind));
            }
        }
        let done = Done {
            dir: PathBuf::from("."),
            written: vec![
                ("config.toml".into(), "wrote".into()),
                (WORKFLOW_PATH.into(), "wrote".into()),
                (".gitignore".into(), "wrote".into()),
            ],
            content_dir: "archive".into(),
            digests: 300,
            ignored: 2,
            left_out: Vec::new(),
            note_sources: 0,
            started_empty: false,
            base_url: "https://alice.github.io/p/".into(),
            placeholder: false,
            after: vec!["Daily papers".into(), "Weekly".into()],
            output_dir: Some(OTHER_OUTPUT_DIR.into()),
        };
        let checked = Checked {
            diagnostics,
            read: None,
        };
        let text = done.report(&checked);
        assert!(text.lines().count() <= MAX_REPORT_LINES, "{text}");
        assert!(text.contains("error: "), "{text}");
        assert!(
            text.contains("more; `papertrail check` shows every one"),
            "{text}"
        );
        assert!(text.contains("other kinds"), "{text}");
        assert!(done.failure(&checked).is_some());
        assert!(text.ends_with("then run `papertrail build`.\n"), "{text}");
    }

    #[test]
    fn workflow_names_quoted_bare_and_commented() {
        assert_eq!(
            workflow_name("on: push\nname: Daily papers\n").as_deref(),
            Some("Daily papers")
        );
        assert_eq!(
            workflow_name("name: \"Daily: papers\"  # bot\n").as_deref(),
            Some("Daily: papers")
        );
        assert_eq!(workflow_name("name: 'Daily'\n").as_deref(), Some("Daily"));
        assert_eq!(
            workflow_name("name: Daily # the bot\n").as_deref(),
            Some("Daily")
        );
        assert_eq!(workflow_name("jobs:\n  x:\n    name: step\n"), None);
        assert_eq!(workflow_name("name: >\n  folded\n"), None);
    }

    #[test]
    fn generated_workflow_names_each_committing_workflow() {
        let text = workflow(
            "main",
            &["Daily papers".into(), "Say \"hi\"".into()],
            "",
            "public",
        );
        assert!(
            text.contains("workflows: [\"Daily papers\", \"Say \\\"hi\\\"\"]"),
            "{text}"
        );
        assert!(text.contains("branches: [\"main\"]"));
        assert!(!workflow("main", &[], "", "public").contains("workflow_run:"));
        let nested = workflow("main", &[], "site", "public");
        assert!(nested.contains("          root: \"site\"\n"), "{nested}");
        assert!(nested.contains("path: \"site/public\""), "{nested}");
        for marker in [
            "@REPOSITORY@",
            "@ACTION@",
            "@BRANCH@",
            "@WORKFLOW_RUN@",
            "@CRON@",
        ] {
            assert!(!text.contains(marker), "{marker} left in\n{text}");
        }
    }
}
