//! The scripts the GitHub Action runs, run here against local stand-ins: the installer
//! against a release folder reached through a `file://` URL (a good archive, a wrong
//! checksum, a missing one, `latest`). tests/deploy.rs runs the feed-state script.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::output_text;
use sha2::{Digest, Sha256};

const TARGET: &str = "x86_64-unknown-linux-musl";

/// What the archive holds instead of a release binary.
const STAND_IN: &str = "#!/bin/sh\necho \"papertrail 0.9.1 (stand-in)\"\n";

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join(name)
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A release folder laid out as GitHub serves one, at `releases/download/v0.9.1/` and
/// `releases/latest/download/`: the archive for [`TARGET`] (a stand-in binary at its
/// top: a script, as packing the real debug binary takes seconds) and its checksum file,
/// whose hash is `hash` when given.
fn release(hash: Option<&str>) -> tempfile::TempDir {
    release_for(TARGET, hash)
}

/// [`release`] for any target: a `.zip` holding `papertrail.exe` for Windows (made with
/// Python's zipfile, which every machine running `.ci/run` has), else a `.tar.gz`.
fn release_for(target: &str, hash: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let stage = dir.path().join("stage");
    std::fs::create_dir_all(&stage).expect("stage");
    let windows = target.contains("-windows-");
    let exe = if windows {
        "papertrail.exe"
    } else {
        "papertrail"
    };
    std::fs::write(stage.join(exe), STAND_IN).expect("stand-in binary");
    let archive = format!(
        "papertrail-{target}.{}",
        if windows { "zip" } else { "tar.gz" }
    );
    let built = dir.path().join(&archive);
    let out = if windows {
        Command::new("python3")
            .args(["-m", "zipfile", "-c"])
            .arg(&built)
            .arg(stage.join(exe))
            .output()
    } else {
        Command::new("tar")
            .arg("-czf")
            .arg(&built)
            .arg("-C")
            .arg(&stage)
            .arg(exe)
            .output()
    }
    .expect("archiver runs");
    assert!(out.status.success(), "{}", output_text(&out));
    let bytes = std::fs::read(&built).expect("archive");
    let sums = format!(
        "{}  {archive}\n",
        hash.map_or_else(|| hex(&bytes), str::to_string)
    );
    for folder in ["releases/download/v0.9.1", "releases/latest/download"] {
        let folder = dir.path().join(folder);
        std::fs::create_dir_all(&folder).expect("release folder");
        std::fs::write(folder.join(&archive), &bytes).expect("archive");
        std::fs::write(folder.join(format!("papertrail-{target}.sha256")), &sums).expect("sums");
    }
    dir
}

fn install(release: &Path, version: &str, dest: &Path) -> Output {
    install_for(TARGET, release, version, dest)
}

fn install_for(target: &str, release: &Path, version: &str, dest: &Path) -> Output {
    Command::new("bash")
        .arg(script("install-papertrail.sh"))
        .arg(version)
        .arg(dest)
        .env(
            "PAPERTRAIL_REPOSITORY",
            format!("file://{}", release.display()),
        )
        .env("PAPERTRAIL_TARGET", target)
        .output()
        .expect("bash runs")
}

#[test]
fn installs_the_windows_zip() {
    let target = "x86_64-pc-windows-msvc";
    let release = release_for(target, None);
    let dest = release.path().join("bin");
    let out = install_for(target, release.path(), "0.9.1", &dest);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(
        std::fs::read_to_string(dest.join("papertrail.exe")).expect("installed"),
        STAND_IN
    );
}

#[test]
fn installs_a_verified_release_binary() {
    let release = release(None);
    let dest = release.path().join("bin");
    let out = install(release.path(), "v0.9.1", &dest);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("installed papertrail 0.9.1"),
        "{}",
        output_text(&out)
    );
    let run = Command::new(dest.join("papertrail"))
        .arg("--version")
        .output()
        .expect("installed binary runs");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "papertrail 0.9.1 (stand-in)\n"
    );

    let latest = release.path().join("latest");
    let out = install(release.path(), "latest", &latest);
    assert!(out.status.success(), "{}", output_text(&out));
    assert!(latest.join("papertrail").is_file());
}

#[test]
fn a_wrong_checksum_installs_nothing() {
    let release = release(Some(&"0".repeat(64)));
    let dest = release.path().join("bin");
    let out = install(release.path(), "0.9.1", &dest);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("SHA-256 mismatch"),
        "{}",
        output_text(&out)
    );
    assert!(!dest.join("papertrail").exists());
}

#[test]
fn a_checksum_file_without_the_archive_installs_nothing() {
    let release = release(None);
    let sums = release.path().join(format!(
        "releases/download/v0.9.1/papertrail-{TARGET}.sha256"
    ));
    std::fs::write(&sums, format!("{}  other.tar.gz\n", "a".repeat(64))).expect("sums");
    let dest = release.path().join("bin");
    let out = install(release.path(), "0.9.1", &dest);
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("has no SHA-256 for"),
        "{}",
        output_text(&out)
    );
    assert!(!dest.exists());
}

#[test]
fn a_missing_release_is_named() {
    let release = release(None);
    let out = install(release.path(), "0.9.2", &release.path().join("bin"));
    assert!(!out.status.success());
    assert!(
        output_text(&out).contains("cannot download") && output_text(&out).contains("v0.9.2"),
        "{}",
        output_text(&out)
    );
    let bad = install(release.path(), "nine", &release.path().join("bin"));
    assert!(
        output_text(&bad).contains("version must look like"),
        "{}",
        output_text(&bad)
    );
}

/// The project's address is written once, in Cargo.toml: init, the action and the
/// scripts read it from there, and every mention in the docs and workflows must agree.
#[test]
fn project_address_is_written_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repository = env!("CARGO_PKG_REPOSITORY");
    let slug = repository
        .strip_prefix("https://github.com/")
        .expect("a GitHub repository");
    let mention = regex::Regex::new(r"github\.com/([\w.-]+/papertrail)\b|\b([\w.-]+/papertrail)@")
        .expect("regex");
    let mut files = vec![root.join("README.md"), root.join("action.yml")];
    for dir in ["docs", ".github/workflows", "scripts", "src"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if entry.file_type().is_file() {
                files.push(entry.into_path());
            }
        }
    }
    let mut seen = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for found in mention.captures_iter(&text) {
            let named = found.get(1).or(found.get(2)).map_or("", |m| m.as_str());
            assert_eq!(named, slug, "{} names another repository", file.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "no mention of {slug} found");
}

/// scripts/previous-feed-state.sh in `dir` with the site published at `base_url`.
fn previous_feed_state(dir: &Path, base_url: &str, cached: &Path) -> Output {
    Command::new("bash")
        .arg(script("previous-feed-state.sh"))
        .current_dir(dir)
        .env("BASE_URL", base_url)
        .env("CACHED", cached)
        .env_remove("GITHUB_OUTPUT")
        .output()
        .expect("bash runs")
}

#[test]
fn a_published_page_that_is_not_a_state_file_replaces_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let published = tmp.path().join("published");
    std::fs::create_dir_all(&site).expect("site");
    std::fs::create_dir_all(&published).expect("published");
    let local = "# papertrail feed state: test\nday:2025-07-04\taa\t2025-07-04T00:00:00Z\n";
    std::fs::write(site.join("feed-state.tsv"), local).expect("local state");
    // A host answering with a page (status 200) where the state file should be.
    std::fs::write(published.join("feed-state.tsv"), "<html>not here</html>").expect("page");
    let base_url = format!("file://{}/", published.display());
    let cached = tmp.path().join("cache/feed-state.tsv");
    let out = previous_feed_state(&site, &base_url, &cached);
    let shown = output_text(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("not a papertrail feed state"), "{shown}");
    assert!(
        shown.contains("the repository's own feed-state.tsv"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("feed-state.tsv")).expect("state"),
        local
    );

    // A real published state wins over the local one.
    let newer = "# papertrail feed state: test\nday:2025-07-04\tbb\t2026-01-01T00:00:00Z\n";
    std::fs::write(published.join("feed-state.tsv"), newer).expect("published state");
    let out = previous_feed_state(&site, &base_url, &cached);
    assert!(
        output_text(&out).contains("read from the published site"),
        "{}",
        output_text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.join("feed-state.tsv")).expect("state"),
        newer
    );
}
