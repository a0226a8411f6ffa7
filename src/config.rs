//! `config.toml`: the site's settings, read once at the start of a build.
//!
//! Every key has a default so that a folder holding only `content/` builds, and unknown
//! keys are errors: a typo in a setting should be reported, not silently ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// The keyword rules used when `config.toml` has no `tag_rules` key at all.
const DEFAULT_TAG_RULES: &str = include_str!("default_tag_rules.toml");

/// The site's settings from `config.toml`, every key with a default.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Absolute URL the site is published under, with or without a subpath.
    pub base_url: String,
    pub title: String,
    pub description: String,
    /// Author named in every feed (RFC 4287 requires one).
    pub author: String,
    /// BCP 47 language tag of the pages and feeds.
    pub language: String,
    /// Theme folder under `themes/`; `default` is also built into the binary.
    pub theme: String,
    /// Days in `/atom.xml` and papers in each tag feed.
    pub feed_limit: usize,
    /// Days on the home page, at most.
    pub days_per_page: usize,
    /// Papers on the home page before its last day: it stops after the day that
    /// reaches this many (always listing at least one day).
    pub home_papers: usize,
    /// Papers per tag page (`/tags/<slug>/`, `/tags/<slug>/page/2/`, …).
    pub papers_per_tag_page: usize,
    /// Write RFC 5005 archive documents behind each tag's feed. Off by default: they
    /// repeat the papers feed's archives once per tag, the largest block of a long
    /// archive's output after the paper pages.
    pub tag_feed_archives: bool,
    /// Write archive documents behind `/papers/atom.xml` (the whole history of papers
    /// for feed readers).
    pub paper_feed_archives: bool,
    /// Show each paper's one-line lead (its gist or first sentence) in lists of papers:
    /// day, home and tag pages. Off, lists show titles, authors, tags and links.
    pub list_leads: bool,
    /// Prefix of every Atom id. Ids must not change when the site moves, so they are
    /// `tag:` URIs (RFC 4151) rather than URLs; set this once and never change it.
    pub feed_id_base: Option<String>,
    /// Keyword rules that add tags to papers by matching title and summary.
    pub tag_rules: Vec<TagRule>,
    /// Build files marked `draft = true` too.
    pub drafts: bool,
    /// Remove LLM preambles ("Here's a summary of …") from summaries.
    pub strip_preambles: bool,
    /// Remove a chatbot's trailing "Follow-up questions: 1. … 2. …" from summaries.
    pub strip_follow_ups: bool,
    /// How diagnostics are reported: `[lint] allow = ["empty-authors", …]`.
    pub lint: LintConfig,
    /// The folder holding the digests, relative to the site's root: a bot's repository
    /// keeps them where the bot writes them (`archive/`, `data/`), not in `content/`.
    pub content_dir: String,
    /// Globs, relative to `content_dir`, of files and folders that are not digests (a
    /// bot's README.md, its notes): skipped on purpose instead of read and warned about.
    pub ignored_content: Vec<String>,
    /// The folder `build` writes the site to, relative to the site's root. A repository
    /// whose `public/` belongs to another tool (Astro, Next.js, Hugo keep their static
    /// files there) names another one here; `--output-dir` overrides it.
    pub output_dir: String,
    /// `ignored_content`, compiled once when the file is read.
    #[serde(skip)]
    pub ignored: globset::GlobSet,
}

/// The `[lint]` table: warning kinds the site has accepted, clippy style. Allowed kinds
/// are still repaired as usual; they are just not reported.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LintConfig {
    /// Stable kind names, as `papertrail check` shows them in brackets.
    pub allow: Vec<String>,
}

impl LintConfig {
    /// Whether a warning of this kind is silenced. Errors never are.
    pub fn allows(&self, kind: Kind) -> bool {
        self.allow.iter().any(|name| name == kind.name())
    }
}

/// One keyword rule: a paper whose title or summary contains any keyword gets the tag.
///
/// A keyword matches at the start of a word and, unless it ends with `*`, at the end of
/// one too, ignoring ASCII case: `agent*` matches "agents" and "agentic", `RL` matches
/// "RL" but not "RLHF".
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TagRule {
    pub tag: String,
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
struct DefaultRules {
    tag_rules: Vec<TagRule>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base_url: "http://127.0.0.1:1111/".into(),
            title: "Daily papers".into(),
            description: "A daily digest of AI research papers.".into(),
            author: String::new(),
            language: "en".into(),
            theme: "default".into(),
            feed_limit: 30,
            days_per_page: 7,
            home_papers: 200,
            papers_per_tag_page: 50,
            tag_feed_archives: false,
            paper_feed_archives: true,
            list_leads: true,
            feed_id_base: None,
            tag_rules: default_tag_rules(),
            drafts: false,
            strip_preambles: true,
            strip_follow_ups: true,
            lint: LintConfig::default(),
            content_dir: "content".into(),
            ignored_content: Vec::new(),
            output_dir: "public".into(),
            ignored: globset::GlobSet::empty(),
        }
    }
}

/// The built-in ML topic rules, documented in the README.
pub fn default_tag_rules() -> Vec<TagRule> {
    toml::from_str::<DefaultRules>(DEFAULT_TAG_RULES)
        .map(|d| d.tag_rules)
        .unwrap_or_default()
}

impl Config {
    /// Reads `config.toml` under `root`; a missing file means all defaults.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join("config.toml");
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let bytes = e.as_bytes();
                    let line = 1 + bytes[..e.utf8_error().valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                    return Err(Diagnostic::error(path, line, "file is not valid UTF-8")
                        .kind(Kind::Config)
                        .into());
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(Diagnostic::error(path, 0, format!("cannot read: {e}"))
                    .kind(Kind::Config)
                    .into());
            }
        };
        Config::parse(&path, &text)
    }

    /// Parses config text; `path` only names the file in diagnostics.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostics> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|span| crate::diagnostic::line_col(text, span.start))
                .unwrap_or((0, 0));
            Diagnostics::from(
                Diagnostic::error(path, line, e.message().to_string())
                    .kind(Kind::Config)
                    .with_col(col),
            )
        })?;
        let mut problems = Diagnostics::default();
        if let Err(msg) = crate::base_url::validate(&config.base_url) {
            problems.push(
                Diagnostic::error(path, line_of_key(text, "base_url"), msg).kind(Kind::Config),
            );
        }
        for (key, value) in [
            ("feed_limit", config.feed_limit),
            ("days_per_page", config.days_per_page),
            ("home_papers", config.home_papers),
            ("papers_per_tag_page", config.papers_per_tag_page),
        ] {
            if value == 0 {
                problems.push(
                    Diagnostic::error(
                        path,
                        line_of_key(text, key),
                        format!("`{key}` must be at least 1"),
                    )
                    .kind(Kind::Config),
                );
            }
        }
        for rule in &config.tag_rules {
            if rule.tag.trim().is_empty() || rule.keywords.iter().any(|k| k.trim().is_empty()) {
                problems.push(
                    Diagnostic::error(
                        path,
                        line_of_key(text, "tag_rules"),
                        "a tag rule needs a non-empty `tag` and non-empty `keywords`",
                    )
                    .kind(Kind::Config),
                );
            }
        }
        for name in &config.lint.allow {
            let message = match Kind::from_name(name) {
                Some(kind) if kind.is_warning() => continue,
                Some(_) => format!("`{name}` is an error, and errors cannot be allowed"),
                None => format!(
                    "unknown lint kind `{name}`; the kinds are: {}",
                    Kind::ALL
                        .iter()
                        .filter(|k| k.is_warning())
                        .map(|k| k.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            problems.push(
                Diagnostic::error(path, line_of_key(text, "allow"), message).kind(Kind::Config),
            );
        }
        if config.content_dir.trim().is_empty() {
            problems.push(
                Diagnostic::error(
                    path,
                    line_of_key(text, "content_dir"),
                    "`content_dir` must name a folder (`.` for the site's root)",
                )
                .kind(Kind::Config),
            );
        }
        let output = config.output_dir.trim().trim_end_matches('/');
        if output.is_empty() || output == "." || output == "./" {
            problems.push(
                Diagnostic::error(
                    path,
                    line_of_key(text, "output_dir"),
                    "`output_dir` must name a folder of its own (a build replaces the whole folder), such as \"public\"",
                )
                .kind(Kind::Config),
            );
        }
        match compile_globs(&config.ignored_content) {
            Ok(set) => config.ignored = set,
            Err(msg) => problems.push(
                Diagnostic::error(path, line_of_key(text, "ignored_content"), msg)
                    .kind(Kind::Config),
            ),
        }
        if problems.has_errors() {
            return Err(problems);
        }
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if config.author.trim().is_empty() {
            config.author = config.title.clone();
        }
        Ok(config)
    }

    /// Replaces `base_url` (from `--base-url` or `serve`), with the same checks as the file.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        crate::base_url::validate(url)?;
        self.base_url = url.to_string();
        if !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
        Ok(())
    }

    /// The folder the digests are read from (and `new` and `import` write to).
    pub fn content_path(&self, root: &Path) -> PathBuf {
        let dir = self.content_dir.trim_end_matches('/');
        if dir == "." || dir.is_empty() {
            root.to_path_buf()
        } else {
            root.join(dir.strip_prefix("./").unwrap_or(dir))
        }
    }

    /// The folder the site is written to when `--output-dir` does not say.
    pub fn output_path(&self, root: &Path) -> PathBuf {
        let dir = self.output_dir.trim().trim_end_matches('/');
        root.join(dir.strip_prefix("./").unwrap_or(dir))
    }

    /// The `tag:` URI prefix shared by every feed and entry id of this site.
    pub fn feed_id_base(&self) -> String {
        match &self.feed_id_base {
            Some(base) => base.trim_end_matches(':').to_string(),
            None => format!("tag:papertrail,2025:{}", slug::slugify(&self.title)),
        }
    }
}

/// One set from `ignored_content`. A glob's `*` crosses `/` (as in Zola), so `*.jsonl`
/// skips such files at any depth; the error names the glob that does not parse.
fn compile_globs(globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut set = globset::GlobSetBuilder::new();
    for glob in globs {
        let compiled = globset::Glob::new(glob)
            .map_err(|e| format!("`ignored_content`: `{glob}` is not a glob: {}", e.kind()))?;
        set.add(compiled);
    }
    set.build()
        .map_err(|e| format!("`ignored_content` cannot be compiled: {e}"))
}

/// Line of the first `key =` in the text, for pointing at a bad value.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) && l[key.len()..].trim_start().starts_with(['=', ']'])
                || l.starts_with(&format!("[[{key}]]"))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty() {
        let c = Config::parse(Path::new("config.toml"), "").unwrap();
        assert_eq!(c.feed_limit, 30);
        assert!(
            c.tag_rules.len() >= 14,
            "default rules: {}",
            c.tag_rules.len()
        );
        assert!(c.base_url.ends_with('/'));
    }

    #[test]
    fn explicit_empty_rules_disable_defaults() {
        let c = Config::parse(Path::new("config.toml"), "tag_rules = []").unwrap();
        assert!(c.tag_rules.is_empty());
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err =
            Config::parse(Path::new("config.toml"), "title = \"x\"\nfeed_limt = 3\n").unwrap_err();
        let d = &err.items[0];
        assert_eq!(d.line, 2);
        assert!(d.message.contains("feed_limt"), "{}", d.message);
    }

    #[test]
    fn bad_base_url_names_the_line() {
        let err = Config::parse(
            Path::new("config.toml"),
            "title = \"x\"\nbase_url = \"nope\"\n",
        )
        .unwrap_err();
        assert_eq!(err.items[0].line, 2);
    }

    #[test]
    fn lint_allow_takes_warning_kinds_only() {
        let c = Config::parse(
            Path::new("config.toml"),
            "[lint]\nallow = [\"empty-authors\", \"follow-up-questions\"]\n",
        )
        .unwrap();
        assert!(c.lint.allows(Kind::EmptyAuthors));
        assert!(!c.lint.allows(Kind::LlmPreamble));
        let err = Config::parse(
            Path::new("config.toml"),
            "[lint]\nallow = [\"empty-author\"]\n",
        )
        .unwrap_err();
        assert_eq!(err.items[0].line, 2);
        assert!(
            err.items[0].message.contains("empty-authors"),
            "{}",
            err.items[0].message
        );
        let err =
            Config::parse(Path::new("config.toml"), "[lint]\nallow = [\"bad-row\"]\n").unwrap_err();
        assert!(
            err.items[0].message.contains("cannot be allowed"),
            "{}",
            err.items[0].message
        );
    }

    #[test]
    fn content_dir_and_ignored_content() {
        let c = Config::parse(
            Path::new("config.toml"),
            "content_dir = \"archive/\"\nignored_content = [\"README.md\", \"*.jsonl\"]\n",
        )
        .unwrap();
        assert_eq!(c.content_path(Path::new("site")), Path::new("site/archive"));
        assert!(c.ignored.is_match("README.md"));
        assert!(c.ignored.is_match("2025/07/notes.jsonl"));
        assert!(!c.ignored.is_match("2025/07/04.md"));
        let root = Config::parse(Path::new("config.toml"), "content_dir = \".\"").unwrap();
        assert_eq!(root.content_path(Path::new("site")), Path::new("site"));
        let default = Config::parse(Path::new("config.toml"), "").unwrap();
        assert_eq!(default.content_path(Path::new(".")), Path::new("./content"));
    }

    #[test]
    fn bad_glob_names_the_line() {
        let err = Config::parse(
            Path::new("config.toml"),
            "title = \"x\"\nignored_content = [\"a[\"]\n",
        )
        .unwrap_err();
        assert_eq!(err.items[0].line, 2);
        assert!(
            err.items[0].message.contains("`a[`"),
            "{}",
            err.items[0].message
        );
    }

    #[test]
    fn base_url_gets_trailing_slash() {
        let c = Config::parse(
            Path::new("config.toml"),
            "base_url = \"https://u.github.io/repo\"",
        )
        .unwrap();
        assert_eq!(c.base_url, "https://u.github.io/repo/");
    }
}
