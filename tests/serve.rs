//! `papertrail serve`: the real binary on a free loopback port, spoken to over plain
//! HTTP/1.1 with `TcpStream`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::Site;
use common::server::{Server, WAIT};

/// The reload script `serve` adds to every page.
const RELOAD: &str = "<script>(()=>{const s=new EventSource(\"/__papertrail/events\");s.addEventListener(\"reload\",()=>location.reload());})();</script>\n";

const DAY: &str = "\
## Papers for 2025-07-04

| Title | Authors | Summary |
|-------|---------|---------|
| Alpha Paper (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann A | Alpha summary text. |
| Beta Paper (Read more on [arXiv](https://arxiv.org/abs/2507.00002)) | Bob B | Beta summary text. |
";

const OTHER_DAY: &str = "\
## Papers for 2025-07-05

| Title | Authors | Summary |
|-------|---------|---------|
| Gamma Paper (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) | Cy C | Gamma summary text. |
";

fn site() -> Site {
    Site::new(
        "title = \"Serve test\"\nbase_url = \"https://example.org/sub/\"\n",
        &[
            ("content/2025/07/2025-07-04.md", DAY),
            ("content/2025/07/2025-07-05.md", OTHER_DAY),
        ],
    )
}

#[test]
fn serves_pages_with_types_reload_script_and_404() {
    let site = site();
    let server = Server::start(&site);

    let day = server.get("/2025/07/04/");
    assert_eq!(day.status, 200);
    assert_eq!(day.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(day.body.contains("Alpha Paper"), "{}", day.body);
    // base_url is the local address, not the configured one.
    let local = format!("http://127.0.0.1:{}/", server.port);
    assert!(day.body.contains(&local), "{}", day.body);
    assert!(!day.body.contains("https://example.org/sub/"));
    assert!(day.body.contains("/__papertrail/events"), "reload script");

    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let feed = server.get("/atom.xml");
    assert_eq!(
        feed.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert!(!feed.body.contains("__papertrail"));
    // Kept compressed, sent so to clients that take gzip, and whole to the others.
    let gzip = [("Accept-Encoding", "gzip, deflate")];
    let packed = common::server::get_with(server.port, "/atom.xml", &gzip);
    assert_eq!(packed.header("content-encoding"), Some("gzip"));
    let mut unpacked = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&packed.bytes[..]),
        &mut unpacked,
    )
    .expect("gzip");
    assert_eq!(unpacked, feed.body);
    assert_eq!(feed.header("content-encoding"), None);
    // Pages get the reload script, so they are sent as they are.
    let page = common::server::get_with(server.port, "/2025/07/04/", &gzip);
    assert_eq!(page.header("content-encoding"), None);
    assert!(page.body.contains("/__papertrail/events"));

    let home = server.get("/");
    assert_eq!(home.status, 200);
    let redirect = server.get("/2025/07/04");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/2025/07/04/"));

    let miss = server.get("/no/such/page/");
    assert_eq!(miss.status, 404);
    assert!(miss.body.contains("Page not found"), "{}", miss.body);
    assert_eq!(
        miss.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(server.get("/../etc/passwd").status, 400);

    // Nothing was written to disk.
    assert!(!site.public().exists());
}

#[test]
fn rebuilds_after_a_change_and_shows_errors_as_an_overlay() {
    let site = site();
    let mut server = Server::start(&site);
    assert!(server.get("/2025/07/04/").body.contains("Alpha Paper"));

    // An edit to one day file: that day, its papers and the home page follow.
    site.write(
        "content/2025/07/2025-07-04.md",
        DAY.replace("Alpha Paper", "Renamed Paper").as_bytes(),
    );
    server.poll("/2025/07/04/", |r| r.body.contains("Renamed Paper"));
    server.poll("/papers/2507.00001/", |r| r.body.contains("Renamed Paper"));
    server.poll("/", |r| r.body.contains("Renamed Paper"));
    let line = server.wait_line(|l| l.starts_with("rebuilt "));
    assert!(
        line.contains("2025-07-04.md") && line.contains(" ms"),
        "{line}"
    );
    // The other day is untouched and still served.
    assert!(server.get("/2025/07/05/").body.contains("Gamma Paper"));

    // A new day file appears.
    site.write(
        "content/2025/07/2025-07-06.md",
        OTHER_DAY
            .replace("2025-07-05", "2025-07-06")
            .replace("Gamma", "Delta")
            .replace("2507.00003", "2507.00004")
            .as_bytes(),
    );
    let day = server.poll("/2025/07/06/", |r| r.status == 200);
    assert!(day.body.contains("Delta Paper"));
    server.poll("/2025/07/05/", |r| r.body.contains("/2025/07/06/"));
    // The home page shows the new site-wide counts.
    server.poll("/", |r| r.body.contains("4 papers over 3 days"));

    // An editor's way of saving (`perl -i`, vim): a temporary file renamed over the day.
    let tmp = site.root().join("content/2025/07/XXpt3mp");
    std::fs::write(&tmp, DAY.replace("Alpha Paper", "Saved Via Rename Paper"))
        .expect("temporary file");
    std::fs::rename(&tmp, site.root().join("content/2025/07/2025-07-04.md")).expect("rename");
    server.poll("/2025/07/04/", |r| {
        r.body.contains("Saved Via Rename Paper")
    });
    // A day in a folder that did not exist: the new folder is looked through.
    site.write(
        "content/2025/08/2025-08-01.md",
        OTHER_DAY
            .replace("2025-07-05", "2025-08-01")
            .replace("Gamma", "Epsilon")
            .replace("2507.00003", "2508.00005")
            .as_bytes(),
    );
    server.poll("/2025/08/01/", |r| r.body.contains("Epsilon Paper"));
    std::fs::remove_dir_all(site.root().join("content/2025/08")).expect("remove folder");
    server.poll("/2025/08/01/", |r| r.status == 404);
    site.write(
        "content/2025/07/2025-07-04.md",
        DAY.replace("Alpha Paper", "Renamed Paper").as_bytes(),
    );
    server.poll("/2025/07/04/", |r| r.body.contains("Renamed Paper"));

    // A content error: the overlay names file and line; the last good pages stay.
    site.write(
        "content/2025/07/2025-07-04.md",
        b"## Papers for 2025-02-30\n\n| Title | Authors | Summary |\n|---|---|---|\n| Broken (Read more on [arXiv](https://arxiv.org/abs/2507.00009)) | X |\n",
    );
    let r = server.poll("/2025/07/05/", |r| r.body.contains("papertrail-overlay"));
    assert!(r.body.contains("Gamma Paper"), "old content still served");
    assert!(
        r.body.contains("content/2025/07/2025-07-04.md:"),
        "overlay names the file: {}",
        r.body
    );
    let overlay = &r.body[r.body.find("papertrail-overlay").expect("overlay")..];
    assert!(
        overlay.contains("2025-07-04.md:1") || overlay.contains("2025-07-04.md:5"),
        "overlay names the line: {overlay}"
    );
    assert!(server.get("/2025/07/04/").body.contains("Renamed Paper"));
    server.wait_line(|l| l.contains("2025-07-04.md:") && l.contains("error"));

    // Fixing the file removes the overlay and renders the new content.
    site.write(
        "content/2025/07/2025-07-04.md",
        DAY.replace("Alpha Paper", "Fixed Paper").as_bytes(),
    );
    let r = server.poll("/2025/07/04/", |r| r.body.contains("Fixed Paper"));
    assert!(!r.body.contains("papertrail-overlay"));
}

#[test]
fn template_change_rebuilds_everything_and_events_stream() {
    let site = site();
    let mut server = Server::start(&site);

    // The reload channel answers as an event stream.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(
        stream,
        "GET /__papertrail/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    while !head.ends_with("\r\n\r\n") {
        let mut line = String::new();
        if reader.read_line(&mut line).expect("read head") == 0 {
            break;
        }
        head.push_str(&line);
    }
    assert!(head.contains("text/event-stream"), "{head}");

    site.write(
        "templates/404.html",
        b"{% extends \"base.html\" %}{% block main %}<h1>Custom missing page</h1>{% endblock main %}",
    );
    server.poll("/nope", |r| {
        r.status == 404 && r.body.contains("Custom missing page")
    });
    server.wait_line(|l| l.starts_with("rebuilt everything"));
    let mut line = String::new();
    let deadline = Instant::now() + WAIT;
    while !line.starts_with("event: reload") {
        assert!(Instant::now() < deadline, "no reload event");
        line.clear();
        reader.read_line(&mut line).expect("reload event");
    }
}

/// The files of a built site whose served bytes are compared (text, so they can be
/// read back as strings).
fn built_text_files(public: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![public.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("read_dir")
            .map(Result::unwrap)
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("html" | "xml" | "json" | "txt" | "ndjson")
            ) {
                let rel = path.strip_prefix(public).expect("under public");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Served files that differ from `public` (as built), by path.
fn differences(server: &Server, public: &std::path::Path) -> Vec<String> {
    let mut differ = Vec::new();
    for rel in built_text_files(public) {
        let built = std::fs::read_to_string(public.join(&rel)).expect("read built file");
        let served = server.get(&format!("/{rel}"));
        if served.status != 200 || served.body.replacen(RELOAD, "", 1) != built {
            differ.push(rel);
        }
    }
    differ
}

/// After each kind of incremental edit, every page, feed and document that a full
/// build of the edited content writes is served with the same bytes (once the
/// background work after the reload is done).
#[test]
fn incremental_rebuilds_serve_what_a_full_build_writes() {
    let served = Site::demo(|c| c);
    let built = Site::demo(|c| c);
    let mut server = Server::start(&served);
    let base = format!("http://127.0.0.1:{}/", server.port);
    let day = "content/2026/09/2026-09-14.md";
    let original = std::fs::read_to_string(served.root().join(day)).expect("day file");
    let new_day = "content/2026/09/2026-09-22.md";
    let new_day_text = "## Papers for 2026-09-22\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n\
| Brand New Paper on Protein Folding (Read more on [arXiv](https://arxiv.org/abs/2609.99001)) | New Author | A new summary about proteins. |\n\
| Sparse Verifiers: Cheap Step-Level Checking for Mathematical Reasoning in Large Language Models (Read more on [arXiv](https://arxiv.org/abs/2609.09031)) | Hannah Okafor | Listed again. |\n";
    let edits: Vec<(&str, &str, Option<String>)> = vec![
        // A word in a summary.
        (
            "summary text",
            day,
            Some(original.replacen(" the ", " THE ", 1)),
        ),
        // A title that gets other tags from the keyword rules.
        (
            "title and tags",
            day,
            Some(original.replacen(
                " (Read more on",
                " with Diffusion for Robot Navigation (Read more on",
                1,
            )),
        ),
        // A new day after the newest, with a new paper and one listed before.
        ("new day", new_day, Some(new_day_text.to_string())),
        // A tag no paper had before, from front matter: patched in, not rebuilt.
        (
            "new tag",
            new_day,
            Some(format!(
                "+++\ntags = [\"Protein Science\"]\n+++\n{new_day_text}"
            )),
        ),
        // A row appended to it.
        (
            "new row",
            new_day,
            Some(format!(
                "+++\ntags = [\"Protein Science\"]\n+++\n{new_day_text}| Another Fresh Paper About Image Segmentation (Read more on [arXiv](https://arxiv.org/abs/2609.00002)) | Other Author | Segments images. |\n"
            )),
        ),
        // The tag's only papers lose it: the tag goes, patched out.
        ("tag removed", new_day, Some(new_day_text.to_string())),
        // The day removed again.
        ("day removed", new_day, None),
    ];
    for (what, rel, text) in edits {
        for site in [&served, &built] {
            match &text {
                Some(t) => site.write(rel, t.as_bytes()),
                None => std::fs::remove_file(site.root().join(rel)).expect("remove"),
            }
        }
        let line = server.wait_line(|l| l.starts_with("rebuilt "));
        // The model is patched (the line then has a `read` time), not rebuilt, except
        // where a tag is renamed.
        if what != "title and tags" {
            assert!(
                line.contains("; read ") && !line.contains("(whole)"),
                "{what}: {line}"
            );
        }
        let _ = std::fs::remove_dir_all(built.public());
        // Without the feed state a build dates feed entries by content, as `serve` does.
        let _ = std::fs::remove_file(built.root().join("feed-state.tsv"));
        let out = built.build(&["--base-url", &base]);
        assert!(out.status.success(), "{what}: build failed: {out:?}");
        let deadline = Instant::now() + WAIT;
        loop {
            let differ = differences(&server, &built.public());
            if differ.is_empty() {
                break;
            }
            if Instant::now() >= deadline {
                let first = &differ[0];
                let want = std::fs::read_to_string(built.public().join(first)).unwrap_or_default();
                let got = server.get(&format!("/{first}")).body;
                let at = want
                    .bytes()
                    .zip(got.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(want.len().min(got.len()));
                let from = at.saturating_sub(200);
                panic!(
                    "after the {what} edit these served files differ from a full build: {differ:?}\n\
                     {first} built: …{}…\n{first} served: …{}…",
                    want.get(from..(at + 200).min(want.len())).unwrap_or(""),
                    got.get(from..(at + 200).min(got.len())).unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        // A tag that came and went: its pages and feeds are served exactly while it is.
        let tag_status = |path: &str| server.get(path).status;
        let expect = if matches!(what, "new tag" | "new row") {
            200
        } else {
            404
        };
        for path in ["/tags/protein-science/", "/tags/protein-science/atom.xml"] {
            assert_eq!(tag_status(path), expect, "{what}: {path}");
        }
    }
}

/// Paper pages and feed archive documents are not kept: each is rendered from the
/// model when asked for, and is the file a build writes, before and after an edit; a
/// paper's folder without its slash is redirected, and an id or archive number the
/// site does not have gets the 404 page.
#[test]
fn files_rendered_on_request_are_the_built_files() {
    // Archives of every feed: the site's, the papers' and tags' (opt-in).
    let config = |c: String| {
        c.replace(
            "feed_limit = 30",
            "feed_limit = 5\ntag_feed_archives = true",
        )
    };
    let served = Site::demo(config);
    let built = Site::demo(config);
    let mut server = Server::start(&served);
    let base = format!("http://127.0.0.1:{}/", server.port);
    let rare = |built: &Site| -> Vec<String> {
        let mut files: Vec<String> = common::tree(&built.public())
            .into_keys()
            .filter(|f| {
                (f.starts_with("papers/")
                    && f.ends_with("/index.html")
                    && f.matches('/').count() == 2)
                    || f.contains("archive/")
                    || f.starts_with("data/")
            })
            .collect();
        files.sort();
        files
    };
    let same = |server: &Server, built: &Site, rel: &str| {
        let want = std::fs::read(built.public().join(rel)).expect("built file");
        let got = server.get(&format!("/{rel}"));
        let got = if rel.ends_with(".html") {
            got.body.replacen(RELOAD, "", 1).into_bytes()
        } else {
            got.bytes
        };
        got == want
    };
    built.build_ok(&["--base-url", &base]);
    let pages = rare(&built);
    for kind in [
        "papers/2",
        "archive/1/",
        "papers/archive/2/",
        "tags/",
        "data/days.json",
        "data/papers/2026.ndjson.gz",
    ] {
        assert!(
            pages.iter().any(|f| f.starts_with(kind)),
            "no {kind} file made on request in {pages:?}"
        );
    }
    for rel in &pages {
        assert!(
            same(&server, &built, rel),
            "{rel} differs from the built file"
        );
    }
    let id = pages
        .iter()
        .find_map(|f| f.strip_prefix("papers/")?.strip_suffix("/index.html"))
        .expect("a paper page");
    let bare = server.get(&format!("/papers/{id}"));
    assert_eq!(bare.status, 301);
    assert_eq!(
        bare.header("location"),
        Some(format!("/papers/{id}/").as_str())
    );
    for missing in [
        "/papers/0000.00000/",
        "/archive/0/atom.xml",
        "/archive/01/atom.xml",
        "/papers/archive/999/atom.xml",
        "/data/papers/1999.ndjson.gz",
        "/data/papers/02026.ndjson.gz",
        "/tags/no-such-tag/archive/1/atom.xml",
    ] {
        let got = server.get(missing);
        assert_eq!(got.status, 404, "{missing}");
        assert!(
            got.body.contains("Page not found"),
            "{missing}: {}",
            got.body
        );
    }

    // A title edit: the paper's page and its neighbours' related lists follow.
    let day = "content/2026/09/2026-09-14.md";
    let original = std::fs::read_to_string(served.root().join(day)).expect("day file");
    let edited = original.replacen(" (Read more on", " Revisited (Read more on", 1);
    for site in [&served, &built] {
        site.write(day, edited.as_bytes());
    }
    server.wait_line(|l| l.starts_with("rebuilt "));
    std::fs::remove_dir_all(built.public()).expect("remove public");
    let _ = std::fs::remove_file(built.root().join("feed-state.tsv"));
    built.build_ok(&["--base-url", &base]);
    let changed: Vec<&String> = pages
        .iter()
        .filter(|rel| {
            std::fs::read_to_string(built.public().join(rel))
                .unwrap_or_default()
                .contains(" Revisited")
        })
        .collect();
    assert!(!changed.is_empty(), "the edit shows on no paper page");
    for rel in rare(&built) {
        assert!(
            same(&server, &built, &rel),
            "{rel} differs from the built file after the edit"
        );
    }
}

/// Files of routes a change takes away stop being served: a tag's every file (pages,
/// Atom and JSON feeds, feed archives) when the model is patched, and a paper's page
/// and a feed archive document when the model is built again after an error.
#[test]
fn files_of_removed_routes_stop_being_served() {
    // The tag is on two days, so its feed has an archive document.
    let tagged = format!("+++\ntags = [\"Vanishing Topic\"]\n+++\n{DAY}");
    let tagged_other = format!("+++\ntags = [\"Vanishing Topic\"]\n+++\n{OTHER_DAY}");
    let third_day = OTHER_DAY
        .replace("07-05", "07-06")
        .replace("Gamma", "Delta")
        .replace("00003", "00004");
    let site = Site::new(
        "title = \"Removals\"\nfeed_limit = 1\npapers_per_tag_page = 1\ntag_feed_archives = true\n",
        &[
            ("content/2025/07/2025-07-04.md", tagged.as_str()),
            ("content/2025/07/2025-07-05.md", tagged_other.as_str()),
            ("content/2025/07/2025-07-06.md", third_day.as_str()),
        ],
    );
    // Every file the tag has, as a build writes them.
    site.build_ok(&[]);
    let tag_dir = site.public().join("tags/vanishing-topic");
    let mut tag_files: Vec<String> = common::tree(&tag_dir)
        .into_keys()
        .map(|rel| format!("/tags/vanishing-topic/{rel}"))
        .collect();
    tag_files.sort();
    for kind in [
        "/index.html",
        "/page/2/index.html",
        "/atom.xml",
        "/feed.json",
        "/archive/1/atom.xml",
    ] {
        let want = format!("/tags/vanishing-topic{kind}");
        assert!(tag_files.contains(&want), "{want} not in {tag_files:?}");
    }
    std::fs::remove_dir_all(site.public()).expect("remove public");

    let mut server = Server::start(&site);
    for file in &tag_files {
        assert_eq!(server.get(file).status, 200, "{file}");
    }
    // The tag goes: the model is patched.
    site.write("content/2025/07/2025-07-05.md", OTHER_DAY.as_bytes());
    server.wait_line(|l| l.starts_with("rebuilt "));
    site.write("content/2025/07/2025-07-04.md", DAY.as_bytes());
    let line = server.wait_line(|l| l.starts_with("rebuilt "));
    assert!(
        line.contains("; read ") && !line.contains("(whole)"),
        "{line}"
    );
    for file in &tag_files {
        server.poll(file, |r| r.status == 404);
    }

    // After an error in the model it is built again; a day the fix drops goes, with
    // its paper and the archive document that held it. Days of 2, 1 and 1 papers with
    // `feed_limit = 1`: the newest in the papers feed, the others an archive each.
    assert_eq!(server.get("/papers/2507.00003/").status, 200);
    assert_eq!(server.get("/papers/archive/2/atom.xml").status, 200);
    // One id with two titles and other authors on one day: an error of the model, not
    // of the file.
    let clash = format!(
        "{OTHER_DAY}| Another Title (Read more on [arXiv](https://arxiv.org/abs/2507.00003)) | Dee D | Text. |\n"
    );
    site.write("content/2025/07/2025-07-05.md", clash.as_bytes());
    server.wait_line(|l| l.contains("has errors"));
    std::fs::remove_file(site.root().join("content/2025/07/2025-07-05.md")).expect("remove");
    let line = server.wait_line(|l| l.starts_with("rebuilt "));
    assert!(line.contains("(whole)"), "{line}");
    server.poll("/papers/2507.00003/", |r| r.status == 404);
    server.poll("/papers/archive/2/atom.xml", |r| r.status == 404);
    assert_eq!(server.get("/papers/archive/1/atom.xml").status, 200);
    assert_eq!(server.get("/papers/2507.00001/").status, 200);
}

#[test]
fn serves_and_watches_the_content_dir() {
    let site = Site::new(
        "content_dir = \"archive\"\nignored_content = [\"README.md\"]\n",
        &[],
    );
    site.write("archive/2025/07/04.md", DAY.as_bytes());
    site.write(
        "archive/README.md",
        OTHER_DAY.replace("Gamma", "Readme").as_bytes(),
    );
    let server = Server::start_in(site.root(), &[]);
    assert!(server.get("/2025/07/04/").body.contains("Alpha Paper"));
    assert_eq!(server.get("/2025/07/05/").status, 404);

    site.write("archive/2025/07/05.md", OTHER_DAY.as_bytes());
    server.poll("/2025/07/05/", |r| r.body.contains("Gamma Paper"));
    // An edit to an ignored file changes nothing.
    site.write(
        "archive/README.md",
        OTHER_DAY.replace("Gamma", "Still Readme").as_bytes(),
    );
    site.write(
        "archive/2025/07/04.md",
        DAY.replace("Alpha Paper", "Later Paper").as_bytes(),
    );
    server.poll("/2025/07/04/", |r| r.body.contains("Later Paper"));
    assert!(!server.get("/2025/07/05/").body.contains("Readme Paper"));
}

/// Holds `serve`'s render of the rest of the site back this many milliseconds after
/// `Serving`, so that the tests below surely ask and edit while it has not finished.
const HOLD: (&str, &str) = ("PAPERTRAIL_SERVE_HOLD_BACKGROUND_MS", "2000");

/// A build of `site` with the served base URL, as `serve` renders it.
fn build_for(site: &Site, server: &Server) {
    let base = format!("http://127.0.0.1:{}/", server.port);
    let _ = std::fs::remove_dir_all(site.public());
    // Without the feed state a build dates feed entries by content, as `serve` does.
    let _ = std::fs::remove_file(site.root().join("feed-state.tsv"));
    let out = site.build(&["--base-url", &base]);
    assert!(out.status.success(), "build failed: {out:?}");
}

/// Right after `Serving`, before the rest of the site is rendered, a request for a
/// file rendered only in the background (an old day, a tag page, the search index, the
/// sitemap) waits for it and gets the bytes a build writes, not a 404; a file the site
/// does not have still gets the 404 page once that render is done.
#[test]
fn files_asked_for_right_after_start_are_the_built_files() {
    let served = Site::demo(|c| c);
    let built = Site::demo(|c| c);
    let mut server = Server::start_with_env(&served, &[HOLD]);
    let deep = [
        "2026/08/28/index.html",
        "tags/agents/index.html",
        "search/meta.json",
        "sitemap.xml",
    ];
    let answers: Vec<_> = deep.iter().map(|f| server.get(&format!("/{f}"))).collect();
    build_for(&built, &server);
    for (file, answer) in deep.iter().zip(answers) {
        assert_eq!(answer.status, 200, "{file}: {}", answer.body);
        let want = std::fs::read_to_string(built.public().join(file)).expect("built file");
        assert!(
            answer.body.replacen(RELOAD, "", 1) == want,
            "{file} differs"
        );
    }
    assert_eq!(server.get("/no/such/page/").status, 404);
    assert!(differences(&server, &built.public()).is_empty());
    server.wait_line(|l| l.starts_with("then rendered all ") && l.ends_with("(background)"));
}

/// An edit made right after `Serving` stops the render of the rest of the site (its
/// pages are of the model before the edit); the site still ends up whole, every file
/// as a full build of the edited content writes it.
#[test]
fn an_edit_right_after_start_still_ends_in_the_whole_site() {
    let served = Site::demo(|c| c);
    let built = Site::demo(|c| c);
    let mut server = Server::start_with_env(&served, &[HOLD]);
    // A new day after the newest: new routes, shifted pages, a longer search index.
    let new_day = "content/2026/09/2026-09-22.md";
    let text = "## Papers for 2026-09-22\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n\
| Brand New Paper on Protein Folding (Read more on [arXiv](https://arxiv.org/abs/2609.99001)) | New Author | A new summary about proteins. |\n";
    for site in [&served, &built] {
        site.write(new_day, text.as_bytes());
    }
    server.wait_line(|l| l.starts_with("rebuilt "));
    build_for(&built, &server);
    let deadline = Instant::now() + WAIT;
    loop {
        let differ = differences(&server, &built.public());
        if differ.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "these served files differ from a full build: {differ:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A note dated only by the index that lists it moves with the index: an edit to the
/// index (another file than the note) rebuilds the site, and an edit to the note keeps
/// the index's day.
#[test]
fn notes_dated_by_an_index_follow_edits_to_either_file() {
    let index = "# Reading list\n\n## 2026-03-05 Picks\n\n- [Kite Routing](papers/kite-routing)\n";
    let note = "# Kite Routing: Reading the Wind\n\n**arXiv**: [2603.40105](https://arxiv.org/abs/2603.40105)\n\nA router that reads the wind.\n";
    let site = Site::new(
        "title = \"Index dates\"\nbase_url = \"https://example.org/\"\n",
        &[
            ("content/index.md", index),
            ("content/papers/kite-routing.md", note),
        ],
    );
    let mut server = Server::start(&site);
    let page = server.get("/papers/2603.40105/");
    assert!(
        page.body.contains("datetime=\"2026-03-05\""),
        "{}",
        page.body
    );

    site.write(
        "content/index.md",
        index.replace("2026-03-05", "2026-03-07").as_bytes(),
    );
    server.poll("/papers/2603.40105/", |r| {
        r.body.contains("datetime=\"2026-03-07\"")
    });
    server.poll("/2026/03/07/", |r| r.body.contains("Kite Routing"));
    server.wait_line(|l| l.starts_with("rebuilt "));

    site.write(
        "content/papers/kite-routing.md",
        note.replace("reads the wind", "reads the tide").as_bytes(),
    );
    let page = server.poll("/papers/2603.40105/", |r| r.body.contains("reads the tide"));
    assert!(
        page.body.contains("datetime=\"2026-03-07\""),
        "{}",
        page.body
    );
}
