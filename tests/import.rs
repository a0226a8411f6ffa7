//! `papertrail import`: papertrail's own feeds round-trip, a third-party RSS 2.0 and a
//! JSON Feed land on the right days, and importing is idempotent and append-only.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{BIN, Site, parse_feed, tree};

fn demo_site() -> Site {
    Site::demo(|c| c.replace("feed_limit = 30", "feed_limit = 1000"))
}

fn import(site: &Site, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .arg("--root")
        .arg(site.root())
        .arg("import")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Paper id → (title, first day, tags) from a site's per-paper feed.
fn papers(site: &Site) -> BTreeMap<String, (String, String, BTreeSet<String>)> {
    parse_feed(site.read("papers/atom.xml").as_bytes())
        .entries
        .into_iter()
        .map(|e| {
            let id = e.id.rsplit_once(":paper:").unwrap().1.to_string();
            let tags = e
                .categories
                .iter()
                .filter_map(|c| c.label.clone())
                .collect();
            (
                id,
                (
                    e.title.unwrap().content,
                    e.published.unwrap().date_naive().to_string(),
                    tags,
                ),
            )
        })
        .collect()
}

/// Day → (arXiv ids, link URLs) from a site's `/atom.xml`.
fn days(site: &Site) -> BTreeMap<String, usize> {
    parse_feed(site.read("atom.xml").as_bytes())
        .entries
        .into_iter()
        .map(|e| {
            let html = e.content.unwrap().body.unwrap();
            (
                e.published.unwrap().date_naive().to_string(),
                html.matches("<li>").count(),
            )
        })
        .collect()
}

#[test]
fn the_per_paper_feed_round_trips() {
    let demo = demo_site();
    demo.build_ok(&[]);
    let feed = demo.public().join("papers/atom.xml");
    let copy = Site::new("feed_limit = 1000\n", &[]);
    let out = import(&copy, &[feed.to_str().unwrap()], None);
    assert!(
        stdout(&out).contains("Imported 75 item(s)"),
        "{}",
        stdout(&out)
    );
    copy.build_ok(&[]);
    let (a, b) = (papers(&demo), papers(&copy));
    assert_eq!(a.len(), b.len());
    for (id, (title, first, tags)) in &a {
        let (t2, f2, tags2) = &b[id];
        assert_eq!((title, first), (t2, f2), "{id}");
        assert!(tags.is_subset(tags2), "{id}: {tags:?} {tags2:?}");
    }
    // Summaries come back without papertrail's own link line.
    let text = std::fs::read_to_string(
        walk_md(&copy.root().join("content"))
            .into_iter()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(!text.contains(">Hugging Face<"), "{text}");
    assert!(text.contains("authors: "), "{text}");
    // A code link comes back as the paper's code link.
    let code = r#"<a href="https://github.com/chart2code-demo/chart-to-code" rel="nofollow noopener">Code</a>"#;
    assert!(demo.read("papers/2609.11655/index.html").contains(code));
    let page = copy.read("papers/2609.11655/index.html");
    assert!(page.contains(code), "{page}");
}

fn walk_md(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = tree(dir)
        .into_keys()
        .filter(|k| k.ends_with(".md"))
        .map(|k| dir.join(k))
        .collect();
    out.sort();
    out
}

#[test]
fn the_day_feed_round_trips() {
    let demo = demo_site();
    demo.build_ok(&[]);
    let feed = demo.public().join("atom.xml");
    let copy = Site::new("feed_limit = 1000\n", &[]);
    import(&copy, &[feed.to_str().unwrap()], None);
    copy.build_ok(&[]);
    assert_eq!(days(&demo), days(&copy));
    let ids = |s: &Site| papers(s).into_keys().collect::<BTreeSet<_>>();
    assert_eq!(ids(&demo), ids(&copy));
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Daily papers (unofficial)</title>
<link>https://example.org/</link>
<description>Scraped daily papers</description>
<item>
  <title>Tiny Agents &amp; Big Tools</title>
  <link>https://huggingface.co/papers/2511.01234</link>
  <description>&lt;p&gt;Agents that use &lt;b&gt;tools&lt;/b&gt;.&lt;/p&gt;</description>
  <category>Agents</category>
  <category>R&amp;D</category>
  <dc:creator>Ada Lovelace</dc:creator>
  <pubDate>Mon, 17 Nov 2025 08:00:00 GMT</pubDate>
  <guid>https://huggingface.co/papers/2511.01234</guid>
</item>
<item>
  <title>Diffusion, again</title>
  <link>https://arxiv.org/abs/2511.05678v2</link>
  <description>A diffusion paper.</description>
  <pubDate>Tue, 18 Nov 2025 23:30:00 +0000</pubDate>
</item>
<item>
  <title>Why we read papers (a blog post)</title>
  <link>https://blog.example.org/why</link>
  <description>Not on arXiv.</description>
  <pubDate>Tue, 18 Nov 2025 10:00:00 GMT</pubDate>
</item>
</channel>
</rss>
"#;

#[test]
fn a_third_party_rss_feed_lands_on_its_days_and_imports_once() {
    let site = Site::new("", &[]);
    site.write("feed.xml", RSS.as_bytes());
    let feed = site.root().join("feed.xml");
    let out = import(&site, &[feed.to_str().unwrap()], None);
    assert!(stdout(&out).contains("Imported 3 item(s) into 2 file(s)"));
    let day17 = site.root().join("content/2025/11/2025-11-17-import.md");
    let day18 = site.root().join("content/2025/11/2025-11-18-import.md");
    let text17 = std::fs::read_to_string(&day17).unwrap();
    assert!(text17.contains("arxiv: 2511.01234"), "{text17}");
    assert!(text17.contains("tags: Agents, R\\&D"), "{text17}");
    assert!(text17.contains("authors: Ada Lovelace"), "{text17}");
    let text18 = std::fs::read_to_string(&day18).unwrap();
    assert!(text18.contains("arxiv: 2511.05678\n"), "{text18}");
    assert!(
        text18.contains("link: https://blog.example.org/why"),
        "{text18}"
    );

    // Twice: nothing added, nothing rewritten.
    let out = import(&site, &[feed.to_str().unwrap()], None);
    assert!(
        stdout(&out).contains("Imported 0 item(s)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&day17).unwrap(), text17);

    // A person edits the file; a later import with one new item appends, keeping it.
    let edited = text17.replace("Tiny Agents", "Tiny Agents (edited)");
    std::fs::write(&day17, &edited).unwrap();
    let more = RSS.replace(
        "<item>\n  <title>Diffusion, again</title>",
        "<item><title>New one</title><link>https://arxiv.org/abs/2511.09999</link><pubDate>Mon, 17 Nov 2025 09:00:00 GMT</pubDate></item>\n<item>\n  <title>Diffusion, again</title>",
    );
    let out = import(&site, &["-"], Some(more.as_bytes()));
    assert!(
        stdout(&out).contains("Imported 1 item(s)"),
        "{}",
        stdout(&out)
    );
    let now = std::fs::read_to_string(&day17).unwrap();
    assert!(now.starts_with(&edited), "{now}");
    assert!(now.contains("arxiv: 2511.09999"));

    // An item already on its day in another file (any format) is not added again.
    site.write(
        "content/2025/11/2025-11-19.md",
        b"## Papers for 2025-11-19\n\n| Title | Authors | Summary |\n|---|---|---|\n| Known ([arXiv](https://arxiv.org/abs/2511.07777)) | X | S |\n",
    );
    let known = RSS.replace("2511.05678v2", "2511.07777").replace(
        "Tue, 18 Nov 2025 23:30:00 +0000",
        "Wed, 19 Nov 2025 10:00:00 +0000",
    );
    let out = import(&site, &["-"], Some(known.as_bytes()));
    assert!(
        stdout(&out).contains("Imported 0 item(s)"),
        "{}",
        stdout(&out)
    );

    let built = site.build_ok(&[]);
    assert!(built.contains("Built 3 days"), "{built}");
    let day = site.read("2025/11/18/index.html");
    assert!(day.contains("https://blog.example.org/why"));
}

#[test]
fn json_feed_and_date_override() {
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[
        {"id":"1","url":"https://arxiv.org/abs/2512.00001","title":"A JSON paper","content_html":"<p>Body</p>","tags":["Speech"],"date_published":"2025-12-01T10:00:00Z"},
        {"id":"2","url":"https://example.org/post","title":"A post","content_text":"Text"}]}"#;
    let site = Site::new("", &[]);
    import(&site, &["--date", "2025-12-24", "-"], Some(json.as_bytes()));
    let text =
        std::fs::read_to_string(site.root().join("content/2025/12/2025-12-24-import.md")).unwrap();
    assert!(text.contains("arxiv: 2512.00001"), "{text}");
    assert!(text.contains("tags: Speech"), "{text}");
    assert!(text.contains("link: https://example.org/post"), "{text}");
    site.build_ok(&[]);
}

#[test]
fn papertrails_own_json_feed_round_trips() {
    let demo = demo_site();
    demo.build_ok(&[]);
    let feed = demo.public().join("papers/feed.json");
    let copy = Site::new("feed_limit = 1000\n", &[]);
    import(&copy, &[feed.to_str().unwrap()], None);
    copy.build_ok(&[]);
    let (a, b) = (papers(&demo), papers(&copy));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (id, (title, first, _)) in &a {
        assert_eq!((title, first), (&b[id].0, &b[id].1), "{id}");
    }
}
