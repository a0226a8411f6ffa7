//! Feeds: valid (RFC 4287 checks feed-rs does not make), stable (ids across a move,
//! `updated` across rebuilds but moved by an edit), granular (per day, per paper, per
//! tag, RFC 5005 archives), and discoverable from every page.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use common::{BIN, Site, assert_valid_atom, parse_feed, tree};

const BASE: &str = "http://127.0.0.1:1111/";

fn demo_site(config_extra: &str) -> Site {
    Site::demo(|c| {
        if config_extra.is_empty() {
            c
        } else {
            c.replace("feed_limit = 30", config_extra)
        }
    })
}

fn hostile_site() -> Site {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let site = Site::new(
        &std::fs::read_to_string(fixture.join("config.toml")).unwrap(),
        &[],
    );
    for (rel, bytes) in tree(&fixture.join("content")) {
        site.write(&format!("content/{rel}"), &bytes);
    }
    site
}

/// Every feed of a built site: path under the output → bytes.
fn feeds(site: &Site) -> BTreeMap<String, Vec<u8>> {
    tree(&site.public())
        .into_iter()
        .filter(|(rel, _)| rel.ends_with("atom.xml"))
        .collect()
}

fn link(feed: &feed_rs::model::Feed, rel: &str) -> Option<String> {
    feed.links
        .iter()
        .find(|l| l.rel.as_deref() == Some(rel))
        .map(|l| l.href.clone())
}

/// Follows `prev-archive` from a subscription feed and returns every entry id of the
/// whole history, checking each archive on the way.
fn history(site: &Site, base: &str, rel: &str) -> (Vec<String>, usize) {
    let mut ids = Vec::new();
    let mut archives = 0;
    let mut next = Some(format!("{base}{rel}"));
    let current = format!("{base}{rel}");
    while let Some(url) = next {
        let path = url.strip_prefix(base).expect("under base");
        let xml = site.read(path);
        let feed = parse_feed(xml.as_bytes());
        if url != current {
            archives += 1;
            assert!(xml.contains("<fh:archive/>"), "{path} is not an archive");
            assert_eq!(link(&feed, "current").as_deref(), Some(current.as_str()));
            assert!(link(&feed, "next-archive").is_none(), "{path}");
            // An archived entry never corrected gives its date once, as `updated`.
            for e in &feed.entries {
                assert!(e.updated.is_some(), "{path}: {}", e.id);
                assert_ne!(e.published, e.updated, "{path}: {}", e.id);
            }
        } else {
            assert!(!xml.contains("<fh:archive/>"));
            assert!(feed.entries.iter().all(|e| e.published.is_some()), "{path}");
        }
        ids.extend(feed.entries.iter().map(|e| e.id.clone()));
        next = link(&feed, "prev-archive");
    }
    (ids, archives)
}

#[test]
fn every_feed_of_the_demo_and_the_hostile_fixture_is_valid() {
    for site in [
        demo_site("feed_limit = 4\ntag_feed_archives = true"),
        hostile_site(),
    ] {
        site.build_ok(&[]);
        let all = feeds(&site);
        assert!(all.len() >= 10, "{:?}", all.keys());
        // Every kind of feed document: the site's, the papers' and a tag's archives.
        for prefix in ["archive/", "papers/archive/", "tags/"] {
            let archive = |k: &&String| k.starts_with(prefix) && k.contains("archive/");
            assert!(all.keys().any(|k| archive(&k)), "{prefix}");
        }
        for (rel, bytes) in &all {
            assert_valid_atom(bytes, &format!("{BASE}{rel}"));
            let text = String::from_utf8(bytes.clone()).unwrap();
            for bad in [
                "<script",
                "&lt;script",
                "javascript:",
                "onerror",
                "\u{FFFE}",
            ] {
                assert!(!text.contains(bad), "{bad} in {rel}");
            }
        }
    }
}

#[test]
fn the_hostile_fixture_escapes_tags_and_titles() {
    let site = hostile_site();
    site.build_ok(&[]);
    let feed = parse_feed(site.read("papers/atom.xml").as_bytes());
    let labels: BTreeSet<String> = feed
        .entries
        .iter()
        .flat_map(|e| e.categories.iter().filter_map(|c| c.label.clone()))
        .collect();
    assert!(labels.contains("R&D"), "{labels:?}");
    assert!(labels.contains("Q&A <x> \"y\""), "{labels:?}");
    assert!(
        feed.title
            .unwrap()
            .content
            .starts_with("Hostile <feed> & \"friends\" ]]>"),
    );
}

#[test]
fn papers_and_tag_feeds_have_categories_and_authors_newest_first() {
    let site = demo_site("");
    site.build_ok(&[]);
    let feed = parse_feed(site.read("papers/atom.xml").as_bytes());
    // The newest whole days within 30 papers.
    assert_eq!(feed.entries.len(), 21);
    let published: Vec<_> = feed.entries.iter().map(|e| e.published.unwrap()).collect();
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(feed.entries.iter().all(|e| e.id.contains(":paper:")));
    assert!(feed.entries.iter().any(|e| !e.categories.is_empty()));
    assert!(feed.entries.iter().any(|e| !e.authors.is_empty()));
    let tag = parse_feed(site.read("tags/agents/atom.xml").as_bytes());
    assert!(tag.entries.iter().all(|e| {
        e.categories
            .iter()
            .any(|c| c.term == "agents" && c.label.as_deref() == Some("Agents"))
    }));
}

#[test]
fn archives_keep_the_whole_history_subscribable_and_immutable() {
    let site = demo_site("feed_limit = 4");
    site.build_ok(&[]);
    // 7 days: the latest 4 in the subscription feed, the first 3 in one archive.
    let (days, archives) = history(&site, BASE, "atom.xml");
    assert_eq!(archives, 1);
    assert_eq!(days.len(), 7);
    assert_eq!(days.iter().collect::<BTreeSet<_>>().len(), 7);
    // 75 papers on 7 days, each day larger than 4: a document per day.
    let (papers, archives) = history(&site, BASE, "papers/atom.xml");
    assert_eq!(archives, 6);
    assert_eq!(papers.len(), 75);
    assert_eq!(papers.iter().collect::<BTreeSet<_>>().len(), 75);
    for rel in feeds(&site).keys() {
        if let Some(feed_rel) = rel.strip_suffix("atom.xml")
            && !feed_rel.contains("archive/")
        {
            let (ids, _) = history(&site, BASE, rel);
            assert!(!ids.is_empty(), "{rel}");
        }
    }
    // A new day appends: existing archives keep their bytes, but the newest, which
    // takes the days the subscription feed no longer holds.
    let before = feeds(&site);
    site.write(
        "content/2026/09/2026-09-30.md",
        b"+++\ndate = 2026-09-30\n+++\n\n## A new paper\narxiv: 2609.99999\n\nNew.\n",
    );
    site.build_ok(&[]);
    let after = feeds(&site);
    for (rel, bytes) in &before {
        let newest = ["archive/1/atom.xml", "papers/archive/6/atom.xml"];
        if rel.contains("archive/") && !newest.contains(&rel.as_str()) {
            assert!(Some(bytes) == after.get(rel), "{rel} changed");
        }
    }
    // The day the new one pushed out of the subscription feed is archived.
    assert!(after.contains_key("papers/archive/7/atom.xml"));
    assert!(after.len() >= before.len());
    let (papers, _) = history(&site, BASE, "papers/atom.xml");
    assert_eq!(papers.len(), 76);
    assert_eq!(papers.iter().collect::<BTreeSet<_>>().len(), 76);
}

/// Each document of a paper feed's history, newest first: the days its entries first
/// appeared on, and its entry ids.
fn documents(site: &Site, rel: &str) -> Vec<(BTreeSet<String>, Vec<String>)> {
    let mut out = Vec::new();
    let mut next = Some(format!("{BASE}{rel}"));
    while let Some(url) = next {
        let feed = parse_feed(site.read(url.strip_prefix(BASE).unwrap()).as_bytes());
        let days = feed
            .entries
            .iter()
            .map(|e| e.published.or(e.updated).unwrap().date_naive().to_string())
            .collect();
        out.push((days, feed.entries.iter().map(|e| e.id.clone()).collect()));
        next = link(&feed, "prev-archive");
    }
    out
}

#[test]
fn feeds_hold_whole_days_and_their_archives_every_paper_once() {
    // The newest day has more papers than the limit: it is whole in the feed.
    let whole = demo_site("feed_limit = 1000");
    whole.build_ok(&[]);
    let on_newest = parse_feed(whole.read("papers/atom.xml").as_bytes())
        .entries
        .iter()
        .filter(|e| e.published.unwrap().date_naive().to_string() == "2026-09-21")
        .count();
    let site = demo_site("feed_limit = 4\ntag_feed_archives = true");
    site.build_ok(&[]);
    let feed = parse_feed(site.read("papers/atom.xml").as_bytes());
    assert!(feed.entries.len() > 4, "{}", feed.entries.len());
    let days: BTreeSet<String> = feed
        .entries
        .iter()
        .map(|e| e.published.unwrap().date_naive().to_string())
        .collect();
    assert_eq!(days, BTreeSet::from(["2026-09-21".to_string()]));
    assert_eq!(feed.entries.len(), on_newest);
    // Its JSON Feed holds the same whole day.
    let json: serde_json::Value = serde_json::from_str(&site.read("papers/feed.json")).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), feed.entries.len());

    // Every paper feed: no day in two documents, and the subscription feed and its
    // archives hold every paper of the feed exactly once.
    let mut checked = 0;
    for rel in feeds(&whole).keys() {
        if rel == "atom.xml" || rel.contains("archive/") {
            continue;
        }
        let all: Vec<String> = parse_feed(whole.read(rel).as_bytes())
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect();
        let docs = documents(&site, rel);
        let mut seen_days = BTreeSet::new();
        for (days, _) in &docs {
            assert!(
                seen_days.is_disjoint(days),
                "{rel}: a day cut in two: {days:?}"
            );
            seen_days.extend(days.iter().cloned());
        }
        let mut ids: Vec<String> = docs.into_iter().flat_map(|(_, ids)| ids).collect();
        assert_eq!(ids.len(), all.len(), "{rel}");
        ids.sort();
        let mut all = all;
        all.sort();
        assert_eq!(ids, all, "{rel}");
        checked += 1;
    }
    assert!(checked > 5, "{checked}");
}

#[test]
fn ids_do_not_change_with_base_url() {
    let site = demo_site("feed_limit = 5");
    let ids = |site: &Site| -> BTreeMap<String, (String, Vec<String>)> {
        feeds(site)
            .into_iter()
            .map(|(rel, bytes)| {
                let f = parse_feed(&bytes);
                (rel, (f.id, f.entries.into_iter().map(|e| e.id).collect()))
            })
            .collect()
    };
    site.build_ok(&[]);
    let before = ids(&site);
    site.build_ok(&["--base-url", "https://papers.example.com/sub/"]);
    let after = ids(&site);
    assert_eq!(before, after);
    assert!(
        site.read("papers/atom.xml")
            .contains("href=\"https://papers.example.com/sub/papers/atom.xml\"")
    );
}

fn updated_of(site: &Site, rel: &str) -> BTreeMap<String, String> {
    parse_feed(site.read(rel).as_bytes())
        .entries
        .into_iter()
        .map(|e| (e.id, e.updated.unwrap().to_rfc3339()))
        .collect()
}

fn build_at(site: &Site, epoch: i64, extra: &[&str]) {
    let out = Command::new(BIN)
        .arg("--root")
        .arg(site.root())
        .arg("build")
        .args(extra)
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const DAY1: &str = "+++\ndate = 2026-03-02\n+++\n\n## First paper\narxiv: 2603.00001\nauthors: Ann\ntags: robots\n\nThe frist summary.\n\n## Second paper\narxiv: 2603.00002\n\nAnother summary.\n";

#[test]
fn updated_is_stable_across_rebuilds_and_moved_only_by_an_edit() {
    let site = Site::new("", &[("content/2026/03/2026-03-02.md", DAY1)]);
    // 2026-03-05T12:00:00Z
    let t1 = 1_772_712_000;
    build_at(&site, t1, &[]);
    let first = feeds(&site);
    let papers = updated_of(&site, "papers/atom.xml");
    assert!(
        papers.values().all(|u| u == "2026-03-02T00:00:00+00:00"),
        "{papers:?}"
    );
    let state = std::fs::read_to_string(site.root().join("feed-state.tsv")).unwrap();
    assert!(state.contains("paper:2603.00001\t"), "{state}");

    // A rebuild later, from scratch, with another theme-independent clock: same bytes.
    std::fs::remove_dir_all(site.public()).unwrap();
    build_at(&site, t1 + 86_400, &[]);
    assert_eq!(first, feeds(&site));

    // Another base_url changes links, not `updated`.
    build_at(
        &site,
        t1 + 2 * 86_400,
        &["--base-url", "https://x.example/"],
    );
    assert_eq!(papers, updated_of(&site, "papers/atom.xml"));
    build_at(&site, t1 + 2 * 86_400, &[]);

    // A new day does not move the old entries.
    site.write(
        "content/2026/03/2026-03-03.md",
        b"+++\ndate = 2026-03-03\n+++\n\n## Third paper\narxiv: 2603.00003\n\nNew.\n## First paper\narxiv: 2603.00001\n",
    );
    build_at(&site, t1 + 3 * 86_400, &[]);
    let after_new_day = updated_of(&site, "papers/atom.xml");
    for (id, u) in &papers {
        assert_eq!(after_new_day.get(id), Some(u), "{id}");
    }
    let days = updated_of(&site, "atom.xml");

    // A typo fixed by hand moves that paper, and the days listing it, to the build time.
    site.write(
        "content/2026/03/2026-03-02.md",
        DAY1.replace("frist", "first").as_bytes(),
    );
    let t_edit = t1 + 4 * 86_400;
    build_at(&site, t_edit, &[]);
    let edited = updated_of(&site, "papers/atom.xml");
    let moved: Vec<&String> = edited
        .iter()
        .filter(|(id, u)| after_new_day.get(*id) != Some(u))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(moved.len(), 1, "{edited:?} {after_new_day:?}");
    assert!(moved[0].ends_with(":paper:2603.00001"));
    assert_eq!(edited[moved[0]], "2026-03-09T12:00:00+00:00");
    let edited_days = updated_of(&site, "atom.xml");
    let day_moved: Vec<&String> = edited_days
        .iter()
        .filter(|(id, u)| days.get(*id) != Some(u))
        .map(|(id, _)| id)
        .collect();
    // Both days list that paper (and show its summary); the edit shows on both.
    assert_eq!(day_moved.len(), 2, "{day_moved:?}");
    assert!(day_moved[0].ends_with(":day:2026-03-02"));
    assert!(day_moved[1].ends_with(":day:2026-03-03"));

    // And the next rebuild keeps the new time.
    let snapshot = feeds(&site);
    build_at(&site, t_edit + 86_400, &[]);
    assert_eq!(snapshot, feeds(&site));
}

#[test]
fn a_broken_state_file_never_fails_the_build() {
    let site = Site::new("", &[("content/2026/03/2026-03-02.md", DAY1)]);
    site.write("feed-state.tsv", b"<<<<<<< HEAD\nnot a line\n");
    let out = site.build_ok(&[]);
    assert!(out.contains("feed-state.tsv"), "{out}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("feed-state.tsv")).unwrap(),
        "<<<<<<< HEAD\nnot a line\n"
    );
    assert_valid_atom(
        site.read("papers/atom.xml").as_bytes(),
        &format!("{BASE}papers/atom.xml"),
    );
}

#[test]
fn pages_link_the_feeds_they_belong_to() {
    let site = demo_site("");
    site.build_ok(&[]);
    // Pages link their feeds relative to themselves; resolve as a feed reader does.
    let alternates = |rel: &str| -> Vec<String> {
        let html = site.read(rel);
        let here = url::Url::parse(&format!("{BASE}{}", rel.trim_end_matches("index.html")))
            .expect("page URL");
        html.split("<link ")
            .skip(1)
            .filter(|l| l.contains("rel=\"alternate\"") && l.contains("application/atom+xml"))
            .filter_map(|l| l.split("href=\"").nth(1))
            .filter_map(|l| l.split('"').next())
            .map(|l| here.join(l).expect("resolves").to_string())
            .collect()
    };
    for rel in ["index.html", "2026/09/16/index.html", "tags/index.html"] {
        let links = alternates(rel);
        assert!(
            links.contains(&format!("{BASE}atom.xml")),
            "{rel}: {links:?}"
        );
        assert!(links.contains(&format!("{BASE}papers/atom.xml")), "{rel}");
    }
    assert!(alternates("tags/agents/index.html").contains(&format!("{BASE}tags/agents/atom.xml")));
    // A paper's page names the site's feed only: its tags' feeds are one link away, on
    // the tag pages, rather than repeated in the head of every paper page.
    let paper = parse_feed(site.read("tags/agents/atom.xml").as_bytes()).entries[0]
        .id
        .rsplit_once(":paper:")
        .unwrap()
        .1
        .to_string();
    assert_eq!(
        alternates(&format!("papers/{paper}/index.html")),
        vec![format!("{BASE}atom.xml")]
    );
    // Every advertised Atom feed has its JSON Feed beside it, but on paper pages: one
    // link less in the head of every one of them.
    for rel in ["index.html", "tags/agents/index.html"] {
        let html = site.read(rel);
        assert_eq!(
            html.matches("application/atom+xml").count(),
            html.matches("application/feed+json").count(),
            "{rel}"
        );
    }
    let html = site.read(&format!("papers/{paper}/index.html"));
    assert!(!html.contains("application/feed+json"));
}

#[test]
fn json_feeds_mirror_the_atom_feeds() {
    let mut authored = 0;
    for site in [demo_site(""), hostile_site()] {
        site.build_ok(&[]);
        for (rel, atom_bytes) in feeds(&site) {
            if rel.contains("archive/") {
                continue;
            }
            let json_rel = rel.replace("atom.xml", "feed.json");
            let text = site.read(&json_rel);
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["version"], "https://jsonfeed.org/version/1.1");
            assert_eq!(value["feed_url"], format!("{BASE}{json_rel}"));
            let json = parse_feed(text.as_bytes());
            let atom = parse_feed(&atom_bytes);
            let ids = |f: &feed_rs::model::Feed| {
                f.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&json), ids(&atom), "{json_rel}");
            assert!(json.entries.iter().all(|e| e.updated.is_some()));
            // Each item names the authors its Atom twin names, as JSON Feed 1.1's
            // `authors` array of `{name}`; one without falls back to the feed's, in
            // both formats.
            let names = |v: &serde_json::Value| -> Vec<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .map(|p| {
                                let obj = p.as_object().expect("an author is an object");
                                assert_eq!(obj.len(), 1, "{json_rel}: {p}");
                                p["name"].as_str().expect("a name").to_string()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let atom_names = |people: &[feed_rs::model::Person]| -> Vec<String> {
                people.iter().filter_map(|p| p.name.clone()).collect()
            };
            assert_eq!(names(&value["authors"]), atom_names(&atom.authors));
            let items = value["items"].as_array().expect("items");
            for (item, entry) in items.iter().zip(&atom.entries) {
                assert_eq!(
                    names(&item["authors"]),
                    atom_names(&entry.authors),
                    "{json_rel}: {}",
                    entry.id
                );
                authored += usize::from(item.get("authors").is_some());
            }
            assert!(!text.contains("<script"), "{json_rel}");
        }
    }
    // Paper items with their authors, in the papers and tag feeds.
    assert!(authored > 50, "{authored}");
}

/// Paper id → (author names, category terms) of a paper feed's entries.
fn credits(feed: &feed_rs::model::Feed) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    feed.entries
        .iter()
        .map(|e| {
            let authors = e.authors.iter().filter_map(|p| p.name.clone()).collect();
            let terms = e.categories.iter().map(|c| c.term.clone()).collect();
            (e.id.clone(), (authors, terms))
        })
        .collect()
}

#[test]
fn archived_paper_entries_keep_authors_categories_and_one_short_line() {
    // Every paper in the subscription feed, to compare the archived entries with.
    let whole = demo_site("feed_limit = 1000");
    whole.build_ok(&[]);
    let full = parse_feed(whole.read("papers/atom.xml").as_bytes());
    let expected = credits(&full);
    assert!(expected.values().any(|(a, _)| a.len() > 1));
    // What a subscription entry carries and an archived one must not: the full summary.
    let contents: BTreeMap<String, String> = full
        .entries
        .iter()
        .filter_map(|e| Some((e.id.clone(), e.content.as_ref()?.body.clone()?)))
        .collect();
    assert!(contents.len() > 50);

    let site = demo_site("feed_limit = 4\ntag_feed_archives = true");
    site.build_ok(&[]);
    let archives: Vec<String> = feeds(&site)
        .into_keys()
        .filter(|rel| rel.contains("/archive/") && !rel.starts_with("archive/"))
        .collect();
    let mut checked = BTreeSet::new();
    for rel in &archives {
        let feed = parse_feed(site.read(rel).as_bytes());
        for e in &feed.entries {
            let (authors, terms) = &expected[&e.id];
            let (got_authors, got_terms) = &credits(&feed)[&e.id];
            // Authors in order; a paper without any falls back to the feed's author.
            assert_eq!(got_authors, authors, "{rel}: {}", e.id);
            assert_eq!(got_terms, terms, "{rel}: {}", e.id);
            let summary = e.summary.as_ref().map_or("", |s| s.content.as_str());
            assert!(
                !summary.trim().is_empty() && summary.chars().count() <= 111,
                "{rel}: {} summary {summary:?}",
                e.id
            );
            assert!(e.content.is_none(), "{rel}: {} has content", e.id);
            let xml = site.read(rel);
            if let Some(body) = contents.get(&e.id) {
                // No sentence of the full summary past the short line's length.
                let long = body.split("</p>").find(|p| p.len() > 200);
                assert!(long.is_none_or(|p| !xml.contains(&p[60..200])), "{rel}");
            }
            checked.insert(rel.starts_with("tags/"));
        }
    }
    // Both the papers feed's archives and tags' were read.
    assert_eq!(checked.len(), 2, "{archives:?}");
}

#[test]
fn tag_feed_archives_only_when_turned_on_and_paper_archives_can_be_turned_off() {
    let archived = |site: &Site, prefix: &str| {
        feeds(site)
            .into_keys()
            .filter(|rel| rel.starts_with(prefix) && rel.contains("/archive/"))
            .count()
    };
    let site = demo_site("feed_limit = 4");
    site.build_ok(&[]);
    assert_eq!(archived(&site, "tags/"), 0, "tag feed archives are opt-in");
    assert!(archived(&site, "papers/") > 0);
    // A tag feed without archives links to none.
    let tag = site.read("tags/agents/atom.xml");
    assert!(!tag.contains("prev-archive"), "{tag}");
    let (ids, archives) = history(&site, BASE, "tags/agents/atom.xml");
    assert_eq!(archives, 0);
    assert!(ids.len() >= 4, "{ids:?}");

    let site = demo_site("feed_limit = 4\ntag_feed_archives = true");
    site.build_ok(&[]);
    assert!(archived(&site, "tags/") > 0);
    assert!(site.read("tags/agents/atom.xml").contains("prev-archive"));

    let site = demo_site("feed_limit = 4\npaper_feed_archives = false");
    site.build_ok(&[]);
    assert_eq!(archived(&site, "papers/"), 0);
    assert!(!site.read("papers/atom.xml").contains("prev-archive"));
    // The days' archives stay: they are small, and `/atom.xml` is the site's feed.
    assert!(feeds(&site).keys().any(|rel| rel.starts_with("archive/")));
}

/// `/atom.xml` on the benchmark generator's archive (a month in the feed and a month in
/// its archive), built from inside the site folder as a user runs it: its day entries
/// list their papers with a line and links each, the full text being in the paper feeds.
#[test]
fn the_site_feed_of_a_generated_month_stays_under_300_kb() {
    let work = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generator = work.path().join("gen_archive");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let compiled = Command::new(rustc)
        .arg(repo.join("benches/gen_archive.rs"))
        .arg("-o")
        .arg(&generator)
        .output()
        .unwrap();
    assert!(compiled.status.success(), "{compiled:?}");
    let site = work.path().join("site");
    let generated = Command::new(&generator)
        .args(["--days", "60", "--seed", "42", "--out"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(generated.status.success(), "{generated:?}");
    common::assert_clean(&common::run_in(&site, &["build"]));

    let bytes = std::fs::read(site.join("public/atom.xml")).unwrap();
    assert_valid_atom(&bytes, "https://example.org/archive/atom.xml");
    assert!(
        bytes.len() <= 300 * 1024,
        "/atom.xml is {} bytes for 30 days",
        bytes.len()
    );
    let feed = parse_feed(&bytes);
    assert_eq!(feed.entries.len(), 30);
    let papers: usize = feed
        .entries
        .iter()
        .map(|e| {
            let html = e.content.as_ref().and_then(|c| c.body.as_deref()).unwrap();
            assert!(html.contains("\">arXiv</a></li>"), "{html}");
            html.matches("https://arxiv.org/abs/").count()
        })
        .sum();
    // Enough papers for the bound to matter: the benchmark's density, ~25 a day.
    assert!(papers >= 600, "{papers} papers");
}

/// The header's Feed link opens a page that says how to subscribe, with the feeds'
/// addresses to copy, rather than raw XML; pages keep their feed autodiscovery.
#[test]
fn the_feed_link_opens_a_page_on_how_to_subscribe() {
    let site = demo_site("");
    site.build_ok(&[]);
    let page = site.read("feeds/index.html");
    for address in [
        "atom.xml",
        "feed.json",
        "papers/atom.xml",
        "papers/feed.json",
        "tags/&lt;slug&gt;/atom.xml",
        "tags/&lt;slug&gt;/feed.json",
    ] {
        // Absolute, under the base URL: a reader is given it out of the page.
        assert!(
            page.contains(&format!("<code>{BASE}{address}</code>")),
            "{address}"
        );
    }
    assert!(page.contains("href=\"../tags/\""), "links the tags page");
    assert!(page.to_lowercase().contains("subscribe"));
    assert!(!page.contains("<?xml-stylesheet"));
    // Every page's header links it; none links the raw feed as "Feed".
    for rel in [
        "index.html",
        "2026/09/16/index.html",
        "tags/agents/index.html",
        "feeds/index.html",
    ] {
        let html = site.read(rel);
        let depth = rel.matches('/').count();
        let want = format!("<a href=\"{}feeds/\">Feed</a>", "../".repeat(depth));
        assert!(html.contains(&want), "{rel}: no {want}");
        assert!(!html.contains("atom.xml\">Feed</a>"), "{rel}");
        assert!(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    }
    assert!(
        site.read("sitemap.xml")
            .contains(&format!("<loc>{BASE}feeds/</loc>"))
    );
    for rel in ["atom.xml", "papers/atom.xml"] {
        assert!(!site.read(rel).contains("<?xml-stylesheet"), "{rel}");
    }
}
