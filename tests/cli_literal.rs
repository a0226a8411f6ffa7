//! Every command as a person types it: run from inside the site folder, with no
//! `--root`, and relative paths (`papertrail build -o out`, `papertrail new 2025-02-03`,
//! `papertrail import feed.xml`). The other tests name an absolute temporary root, which
//! hides any code that mixes the root up with the current folder.

mod common;

use std::path::Path;

use common::server::Server;
use common::{Site, output_text as text, run_in as run};

const DAY: &str = "\
## Papers for 2025-07-04

| Title | Authors | Summary |
|-------|---------|---------|
| Alpha Paper (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann A | Alpha summary text. |
";

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Saved papers</title>
<link>https://example.org/</link>
<description>A saved feed</description>
<item>
  <title>Imported Paper</title>
  <link>https://arxiv.org/abs/2511.01234</link>
  <description>Imported summary.</description>
  <pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate>
</item>
</channel>
</rss>
"#;

fn site() -> Site {
    Site::new(
        "title = \"Literal\"\nbase_url = \"https://example.org/\"\n",
        &[("content/2025/07/2025-07-04.md", DAY)],
    )
}

fn ok(cwd: &Path, args: &[&str]) -> String {
    let out = run(cwd, args);
    assert!(out.status.success(), "papertrail {args:?}:\n{}", text(&out));
    text(&out)
}

#[test]
fn build_writes_public_and_a_relative_output_folder() {
    let site = site();
    ok(site.root(), &["build"]);
    assert!(site.root().join("public/2025/07/04/index.html").is_file());
    ok(site.root(), &["build", "-o", "out"]);
    let day = std::fs::read_to_string(site.root().join("out/2025/07/04/index.html"))
        .expect("the relative output folder is under the current one");
    assert!(day.contains("Alpha Paper"));
}

#[test]
fn check_names_files_relative_to_the_site_folder() {
    let site = site();
    let out = ok(site.root(), &["check"]);
    assert!(out.contains("check passed"), "{out}");
    site.write(
        "content/2025/07/2025-07-05.md",
        b"## Papers for 2025-02-30\n\n| Title | Authors | Summary |\n|---|---|---|\n",
    );
    let out = run(site.root(), &["check"]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("\ncontent/2025/07/2025-07-05.md:1")
            || said.starts_with("content/2025/07/2025-07-05.md:1"),
        "{said}"
    );
}

#[test]
fn new_writes_the_day_under_content() {
    let site = site();
    let out = ok(site.root(), &["new", "2025-02-03"]);
    assert_eq!(out.trim(), "content/2025/02/2025-02-03.md");
    assert!(site.root().join("content/2025/02/2025-02-03.md").is_file());
    ok(site.root(), &["check"]);
}

#[test]
fn import_reads_a_relative_feed_file() {
    let site = site();
    site.write("feed.xml", RSS.as_bytes());
    let out = ok(site.root(), &["import", "feed.xml"]);
    assert!(
        out.contains("created content/2025/11/2025-11-17-import.md"),
        "{out}"
    );
    let day = std::fs::read_to_string(site.root().join("content/2025/11/2025-11-17-import.md"))
        .expect("imported day");
    assert!(day.contains("Imported Paper"), "{day}");
    ok(site.root(), &["build"]);
    assert!(site.root().join("public/2025/11/17/index.html").is_file());
}

/// However the site folder is named — not at all (run from inside it), `.`, relative
/// from its parent or a sibling, or through a symlink — an edit reaches the served page.
#[test]
fn rebuilds_however_the_root_is_named() {
    let outer = tempfile::tempdir().expect("tempdir");
    let site_dir = outer.path().join("site");
    let sibling = outer.path().join("elsewhere");
    std::fs::create_dir_all(site_dir.join("content/2025/07")).expect("mkdir");
    std::fs::create_dir_all(&sibling).expect("mkdir");
    std::fs::write(site_dir.join("config.toml"), "title = \"Roots\"\n").expect("config");
    let day = site_dir.join("content/2025/07/2025-07-04.md");
    std::fs::write(&day, DAY).expect("day");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&site_dir, outer.path().join("link")).expect("symlink");

    let ways: Vec<(&str, &std::path::Path, Vec<&str>)> = vec![
        ("no --root", &site_dir, vec![]),
        ("--root .", &site_dir, vec!["--root", "."]),
        ("--root site", outer.path(), vec!["--root", "site"]),
        ("--root ../site", &sibling, vec!["--root", "../site"]),
        #[cfg(unix)]
        ("--root link", outer.path(), vec!["--root", "link"]),
    ];
    let mut title = "Alpha Paper".to_string();
    for (n, (way, cwd, args)) in ways.into_iter().enumerate() {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        let mut server = Server::start_in(cwd, &args);
        // The startup line names the folder as typed (or as the current one).
        let named = match way {
            "no --root" | "--root ." => "Serving the current folder at ",
            _ => &format!("Serving {} at ", args[1].to_string_lossy()),
        };
        assert!(server.banner.starts_with(named), "{way}: {}", server.banner);
        assert!(server.get("/2025/07/04/").body.contains(&title), "{way}");
        title = format!("Edited Paper {n}");
        std::fs::write(&day, DAY.replace("Alpha Paper", &title)).expect("edit");
        let line = server.wait_line(|l| l.starts_with("rebuilt "));
        assert!(line.contains("2025-07-04.md"), "{way}: {line}");
        server.poll("/2025/07/04/", |r| r.body.contains(&title));
    }
}

#[test]
fn build_refuses_a_file_or_a_folder_it_did_not_write() {
    let site = site();
    site.write("notes.txt", b"my notes");
    let out = run(site.root(), &["build", "-o", "notes.txt"]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(said.contains("notes.txt: it is a file"), "{said}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes.txt")).expect("notes"),
        "my notes"
    );
    // A hand-made site for Pages: an index.html is no proof papertrail built it.
    site.write("docs/index.html", b"<h1>mine</h1>");
    site.write("docs/CNAME", b"example.org");
    let out = run(site.root(), &["build", "-o", "docs"]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(said.contains("refusing to replace docs: "), "{said}");
    assert!(said.contains("not written by papertrail"), "{said}");
    assert!(site.root().join("docs/CNAME").is_file());
    // What papertrail wrote it replaces, every time.
    ok(site.root(), &["build", "-o", "out"]);
    assert!(site.root().join("out/.papertrail").is_file());
    ok(site.root(), &["build", "-o", "out"]);
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .expect("read site")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_day_the_calendar_lacks_is_named_as_such() {
    let site = site();
    let out = run(site.root(), &["new", "2025-02-30"]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("2025-02-30 does not exist: February 2025 has 28 days"),
        "{said}"
    );
    let out = run(site.root(), &["new", "tomorrow"]);
    assert!(text(&out).contains("`tomorrow` is not a date like 2025-07-04"));
    let out = run(site.root(), &["import", "--date", "2025-04-31", "feed.xml"]);
    assert!(
        text(&out).contains("April 2025 has 30 days"),
        "{}",
        text(&out)
    );
}

/// chrono alone reads `26-1-1` as the year 26 and would file the day under content/0026/.
#[test]
fn a_short_date_is_refused_with_its_shape() {
    let site = site();
    for args in [
        &["new", "26-1-1"][..],
        &["import", "--date", "26-1-1", "feed.xml"],
        &["new", "0026-01-01x"],
    ] {
        let out = run(site.root(), args);
        let said = text(&out);
        assert!(!out.status.success(), "{args:?}: {said}");
        assert!(said.contains("is not a date like 2025-07-04"), "{said}");
        if args.contains(&"26-1-1") {
            assert!(said.contains("YYYY-MM-DD, with a 4-digit year"), "{said}");
        }
    }
    assert!(!site.root().join("content/0026").exists());
    assert!(!site.root().join("content/26").exists());
}

#[test]
fn building_into_the_site_folder_names_it() {
    let site = site();
    for (dir, named) in [(".", "into . (the site folder itself)"), ("./", "into ./ ")] {
        let out = run(site.root(), &["build", "-o", dir]);
        let said = text(&out);
        assert!(!out.status.success(), "{said}");
        assert!(said.contains(named), "{said}");
    }
}

#[test]
fn a_base_url_without_a_scheme_gets_one_suggested() {
    let site = site();
    let out = run(
        site.root(),
        &["build", "--base-url", "example.github.io/repo/"],
    );
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("write it as `https://example.github.io/repo/`"),
        "{said}"
    );
}

#[test]
fn a_missing_theme_is_one_message_naming_the_built_in_one() {
    let site = Site::new(
        "title = \"Literal\"\ntheme = \"fancy\"\n",
        &[("content/2025/07/2025-07-04.md", DAY)],
    );
    let first_error = |args: &[&str]| {
        let out = run(site.root(), args);
        assert!(!out.status.success(), "{args:?}");
        let said = text(&out);
        said.lines()
            .find(|l| l.contains("error:"))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no error line: {said}"))
    };
    let built = first_error(&["build"]);
    assert_eq!(built, first_error(&["check"]));
    assert!(
        built.contains("themes/fancy") && built.contains("`default`"),
        "{built}"
    );
}

#[test]
fn serve_without_content_says_what_is_wrong_and_starts_once_it_is_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = Server::start_in(dir.path(), &[]);
    let line = server.startup_or_next_line(|l| l.starts_with("error: "));
    assert!(line.contains("nothing to serve"), "{line}");
    assert!(!line.contains("last good"), "{line}");
    let page = server.get("/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("papertrail-overlay"), "{}", page.body);
    assert!(
        page.body.contains("content folder not found"),
        "{}",
        page.body
    );
    assert!(page.body.contains("nothing is built yet"), "{}", page.body);
    std::fs::create_dir_all(dir.path().join("content/2025/07")).expect("content");
    std::fs::write(dir.path().join("content/2025/07/2025-07-04.md"), DAY).expect("day");
    server.poll("/2025/07/04/", |r| {
        r.status == 200 && r.body.contains("Alpha Paper")
    });
}
