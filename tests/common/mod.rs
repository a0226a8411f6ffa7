//! Helpers shared by the integration tests: fixture sites in temporary folders, running
//! the real binary, and reading its output back.

#![allow(dead_code)]

pub mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Utc};

pub const BIN: &str = env!("CARGO_BIN_EXE_papertrail");

/// A site in a temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new(config: &str, files: &[(&str, &str)]) -> Site {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), config).expect("config");
        std::fs::create_dir_all(dir.path().join("content")).expect("content");
        let site = Site { dir };
        for (path, text) in files {
            site.write(path, text.as_bytes());
        }
        site
    }

    /// The bundled demo site (config.toml and content/), with its config text passed
    /// through `edit` first.
    pub fn demo(edit: impl FnOnce(String) -> String) -> Site {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = std::fs::read_to_string(repo.join("config.toml")).unwrap_or_default();
        let site = Site::new(&edit(config), &[]);
        for (rel, bytes) in tree(&repo.join("content")) {
            site.write(&format!("content/{rel}"), &bytes);
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    pub fn build(&self, extra: &[&str]) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.arg("--root").arg(self.root()).arg("build").args(extra);
        cmd.output().expect("run papertrail")
    }

    /// Builds and panics with the program's output unless it succeeded.
    pub fn build_ok(&self, extra: &[&str]) -> String {
        let out = self.build(extra);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "build failed:\n{stderr}\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        stderr + &String::from_utf8_lossy(&out.stdout)
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Every file under `dir`, relative path → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The seeds, when the shared folder sits beside the repository.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/seeds is missing under CI"
        );
        eprintln!("skipping: ../shared/seeds not found");
        None
    }
}

/// The two seeds laid out as one day, as the core issue describes.
pub fn seed_site(config: &str) -> Option<Site> {
    let seeds = seeds_dir()?;
    let table = std::fs::read(seeds.join("000_51e53e9b74fd0806.txt")).expect("seed 000");
    let feed = std::fs::read(seeds.join("001_4b6eea86ccf07e00.txt")).expect("seed 001");
    let site = Site::new(config, &[]);
    site.write("content/2025/07/2025-07-04.md", &table);
    site.write("content/2025/07/2025-07-04-feed.md", &feed);
    Some(site)
}

/// Parses a feed strictly enough to check what feed-rs would otherwise paper over: no
/// invented ids, RFC 3339 timestamps only.
pub fn parse_feed(xml: &[u8]) -> feed_rs::model::Feed {
    feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(|s| {
            DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        })
        .sanitize_content(false)
        .build()
        .parse(xml)
        .expect("feed parses")
}

/// The checks RFC 4287 asks for that feed-rs does not make. `published_at` is the URL
/// the feed is served from.
pub fn assert_valid_atom(xml: &[u8], published_at: &str) {
    let text = std::str::from_utf8(xml).expect("utf-8");
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    assert!(
        !text
            .chars()
            .any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}'))
    );
    let feed = parse_feed(xml);
    assert!(feed.id.starts_with("tag:"), "feed id {:?}", feed.id);
    assert!(
        feed.title
            .as_ref()
            .is_some_and(|t| !t.content.trim().is_empty())
    );
    assert!(feed.updated.is_some(), "feed updated is RFC 3339");
    let self_link = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref() == Some("self"))
        .expect("self link");
    assert_eq!(self_link.href, published_at);
    assert!(
        feed.links
            .iter()
            .any(|l| l.rel.as_deref() == Some("alternate"))
    );
    let feed_has_author = !feed.authors.is_empty();
    let mut ids = std::collections::BTreeSet::new();
    for e in &feed.entries {
        assert!(e.id.starts_with("tag:"), "entry id {:?}", e.id);
        assert!(ids.insert(e.id.clone()), "duplicate entry id {}", e.id);
        assert!(
            e.title
                .as_ref()
                .is_some_and(|t| !t.content.trim().is_empty()),
            "entry {} title",
            e.id
        );
        assert!(e.updated.is_some(), "entry {} updated", e.id);
        assert!(
            feed_has_author || !e.authors.is_empty(),
            "entry {} has no author",
            e.id
        );
        let has_alternate = e.links.iter().any(|l| l.href.starts_with("http"));
        assert!(
            e.content.is_some() || has_alternate,
            "entry {} has no content or link",
            e.id
        );
        if let Some(body) = e.content.as_ref().and_then(|c| c.body.as_ref()) {
            assert!(
                !body.contains("href=\"/"),
                "root-relative link in entry {}",
                e.id
            );
        }
    }
}

/// Every `href="…"` and `src="…"` value in an HTML page.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    out
}

/// The binary run inside `dir` as a user types it: `papertrail ARGS`, no `--root`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run papertrail")
}

/// A program's standard output, then its standard error.
pub fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Asserts that a run succeeded without a warning; returns what it printed.
pub fn assert_clean(out: &Output) -> String {
    let text = output_text(out);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("warning"), "{text}");
    text
}
