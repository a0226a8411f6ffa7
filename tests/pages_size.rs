//! The size `build` reports for GitHub Pages is the size of the artifact Pages counts:
//! the tar `actions/upload-pages-artifact` makes of the output folder, byte for byte.

mod common;

use std::process::Command;

use common::Site;
use papertrail::build::{BuildOptions, build};

/// GNU tar, as on GitHub's runners; `None` where `tar` is another one.
fn gnu_tar() -> Option<()> {
    let out = Command::new("tar").arg("--version").output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .contains("GNU tar")
        .then_some(())
}

#[test]
fn pages_size_equals_the_upload_actions_tar() {
    if gnu_tar().is_none() {
        eprintln!("skipped: no GNU tar");
        return;
    }
    let site = Site::demo(|c| c);
    // Paths past tar's 100-byte name field (long-name entries), an empty file and one
    // of exactly one block, beside the demo's pages, feeds and folders.
    let deep = format!("static/{}/{}", "a".repeat(60), "b".repeat(50));
    site.write(&format!("{deep}.txt"), b"long name");
    site.write(&format!("{}/{}.txt", "static/c", "d".repeat(96)), b"");
    site.write("static/block.txt", &[b'x'; 512]);
    let report = build(&BuildOptions {
        root: site.root().to_path_buf(),
        output_dir: Some(site.public()),
        base_url: None,
    })
    .expect("the demo builds");
    let tar = Command::new("tar")
        .args([
            "--dereference",
            "--hard-dereference",
            "-cf",
            "-",
            "--exclude=.git",
            "--exclude=.github",
            ".",
        ])
        .current_dir(site.public())
        .output()
        .expect("tar runs");
    assert!(tar.status.success());
    let pages = &report.written.pages;
    assert_eq!(pages.bytes, tar.stdout.len() as u64);
    assert!(pages.files > 500 && pages.folders > 100, "{pages:?}");
    // Every byte but the end blocks is in a kind.
    let kinds: u64 = pages.by_kind.iter().map(|(_, b)| b).sum();
    assert!(kinds < pages.bytes && pages.bytes - kinds <= 512 + 1024 + 10240);
    assert!(
        pages.of_kind("paper pages") > 0 && pages.of_kind("day pages") > 0,
        "{pages:?}"
    );

    // A second build, every file now a hard link to the first's: the same count.
    let again = build(&BuildOptions {
        root: site.root().to_path_buf(),
        output_dir: Some(site.public()),
        base_url: None,
    })
    .expect("the demo builds again");
    assert!(again.written.unchanged > 500);
    assert_eq!(again.written.pages.bytes, pages.bytes);
    assert!(report.summary().contains("as GitHub Pages counts it"));
}
