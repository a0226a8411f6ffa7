//! The URL layout, in one place.
//!
//! Every page, feed and asset has a [`Route`]; its output file and its public URL are
//! both derived from it, and the URL is always `base_url` + path. So a site published
//! under a subpath (`https://user.github.io/repo/`) never gets a root-absolute link.

use chrono::{Datelike, NaiveDate};

/// The feeds page, which says how to subscribe (`feeds/`); the header's Feed link.
pub const FEEDS_PAGE: &str = "feeds/";

/// Which feed an archive document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedOf<'a> {
    /// `/atom.xml`
    Site,
    /// `/papers/atom.xml`
    Papers,
    /// `/tags/<slug>/atom.xml`
    Tag(&'a str),
}

/// Where something lives in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'a> {
    /// The home page, `/`: the latest days.
    Home,
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// Every year and month with their paper counts: `/archive/` (beside the feed
    /// archive documents `/archive/N/atom.xml`).
    Archive,
    Paper(&'a str),
    Tags,
    /// Tag page `n` (1-based): `/tags/<slug>/`, `/tags/<slug>/page/2/`, …
    Tag(&'a str, usize),
    TagFeed(&'a str),
    Feed,
    /// One entry per paper, newest first.
    PapersFeed,
    /// Archive document `n` (1-based, oldest first) of a feed cut by `feed_limit`
    /// (RFC 5005).
    FeedArchive(FeedOf<'a>, usize),
    /// The JSON Feed 1.1 version of a subscription feed, beside its `atom.xml`.
    JsonFeed(FeedOf<'a>),
    Sitemap,
    /// Part `n` (1-based) of a sitemap split past 50,000 URLs.
    SitemapPart(usize),
    Robots,
    NotFound,
    /// A theme or site static file, by its path under `static/`.
    Static(&'a str),
}

impl Route<'_> {
    /// Path relative to the site root, as it appears after `base_url`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.push_path(&mut path);
        path
    }

    /// Appends [`Route::path`] to `out`: URLs are built for every link of every page,
    /// and one buffer per URL instead of one per piece is measurably cheaper.
    fn push_path(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = match self {
            Route::Home => Ok(()),
            Route::Day(d) => write!(out, "{:04}/{:02}/{:02}/", d.year(), d.month(), d.day()),
            Route::Month(y, m) => write!(out, "{y:04}/{m:02}/"),
            Route::Year(y) => write!(out, "{y:04}/"),
            Route::Archive => out.write_str("archive/"),
            Route::Paper(id) => {
                out.extend(["papers/", id, "/"]);
                Ok(())
            }
            Route::Tags => out.write_str("tags/"),
            Route::Tag(slug, 1) => write!(out, "tags/{slug}/"),
            Route::Tag(slug, n) => write!(out, "tags/{slug}/page/{n}/"),
            Route::TagFeed(slug) => write!(out, "tags/{slug}/atom.xml"),
            Route::Feed => out.write_str("atom.xml"),
            Route::PapersFeed => out.write_str("papers/atom.xml"),
            Route::FeedArchive(FeedOf::Site, n) => write!(out, "archive/{n}/atom.xml"),
            Route::FeedArchive(FeedOf::Papers, n) => write!(out, "papers/archive/{n}/atom.xml"),
            Route::FeedArchive(FeedOf::Tag(slug), n) => {
                write!(out, "tags/{slug}/archive/{n}/atom.xml")
            }
            Route::JsonFeed(FeedOf::Site) => out.write_str("feed.json"),
            Route::JsonFeed(FeedOf::Papers) => out.write_str("papers/feed.json"),
            Route::JsonFeed(FeedOf::Tag(slug)) => write!(out, "tags/{slug}/feed.json"),
            Route::Sitemap => out.write_str("sitemap.xml"),
            Route::SitemapPart(n) => write!(out, "sitemap-{n}.xml"),
            Route::Robots => out.write_str("robots.txt"),
            Route::NotFound => out.write_str("404.html"),
            Route::Static(p) => out.write_str(p.trim_start_matches('/')),
        };
    }

    /// The file written for this route, relative to the output folder.
    pub fn file(&self) -> String {
        let path = self.path();
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }
}

/// Turns routes into URLs: absolute under `base_url` (feeds, sitemap, canonical links),
/// or relative to one page ([`Urls::relative_from`]), which is what pages link with.
///
/// Relative links keep pages small (a long archive has tens of thousands of paper
/// pages, and `https://user.github.io/repo/` in each of their links adds up), and
/// they keep working wherever the folder is served from, `file://` included.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    /// What route paths are appended to: `base`, or `../` once per folder level.
    prefix: String,
    /// The number of `../` in `prefix`; `None` when it is `base`.
    depth: Option<usize>,
}

impl Urls {
    /// `base` must end with `/` (the config guarantees it).
    pub fn new(base: &str) -> Urls {
        Urls {
            base: base.to_string(),
            prefix: base.to_string(),
            depth: None,
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// How many folders below the site root the page these URLs are for is; `None`
    /// when they are absolute.
    pub fn depth(&self) -> Option<usize> {
        self.depth
    }

    /// The URL of `route`: absolute, or relative to the page these URLs are for.
    pub fn of(&self, route: &Route) -> String {
        let mut url = String::with_capacity(self.prefix.len() + 40);
        url.push_str(&self.prefix);
        route.push_path(&mut url);
        if url.is_empty() { "./".into() } else { url }
    }

    /// The absolute URL of `route`, whatever page these URLs are for.
    pub fn absolute(&self, route: &Route) -> String {
        let mut url = String::with_capacity(self.base.len() + 40);
        url.push_str(&self.base);
        route.push_path(&mut url);
        url
    }

    /// URLs for links on the page at `from`. The 404 page keeps absolute URLs: hosts
    /// serve it at whatever path was missing, so relative links would break there.
    pub fn relative_from(&self, from: &Route) -> Urls {
        if matches!(from, Route::NotFound) {
            return self.clone();
        }
        let path = from.path();
        let depth = path.matches('/').count();
        Urls {
            base: self.base.clone(),
            prefix: "../".repeat(depth),
            depth: Some(depth),
        }
    }
}

/// Kinds of output file, as [`output_kind`] names them.
pub mod kind {
    pub const PAPER_PAGES: &str = "paper pages";
    pub const DAY_PAGES: &str = "day pages";
    pub const TAG_PAGES: &str = "tag pages";
    pub const TAG_FEED_ARCHIVES: &str = "tag feed archives";
    pub const PAPER_FEED_ARCHIVES: &str = "paper feed archives";
    pub const DAY_FEED_ARCHIVES: &str = "day feed archives";
    pub const FEEDS: &str = "subscription feeds";
    pub const CALENDARS: &str = "month and year pages";
    pub const SITEMAPS: &str = "sitemaps";
    pub const SEARCH: &str = "search index";
    pub const EXPORT: &str = "data export";
    pub const OTHER: &str = "other";
}

/// The kind of the output file or folder at `rel` (a path inside the site), for the
/// build's account of where its bytes go.
pub fn output_kind(rel: &str) -> &'static str {
    let mut parts = rel.split('/');
    let first = parts.next().unwrap_or_default();
    let second = parts.next();
    let third = parts.next();
    let is_archive = |p: Option<&str>| p == Some("archive");
    let numbered = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if first == "tags" && is_archive(third) {
        kind::TAG_FEED_ARCHIVES
    } else if first == "papers" && is_archive(second) {
        kind::PAPER_FEED_ARCHIVES
    } else if first == "archive" && second.is_some_and(numbered) {
        kind::DAY_FEED_ARCHIVES
    } else if rel.ends_with("atom.xml") || rel.ends_with("feed.json") {
        kind::FEEDS
    } else if first == "papers" && second.is_some() {
        kind::PAPER_PAGES
    } else if first == "tags" && second.is_some() {
        kind::TAG_PAGES
    } else if numbered(first) && second.is_some() {
        match third {
            Some(t) if t != "index.html" => kind::DAY_PAGES,
            _ => kind::CALENDARS,
        }
    } else if first.starts_with("sitemap") {
        kind::SITEMAPS
    } else if first == "search" && second.is_some() {
        kind::SEARCH
    } else if first == "data" {
        kind::EXPORT
    } else {
        kind::OTHER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_fixed() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
        let cases = [
            (Route::Home, "index.html"),
            (Route::Day(d), "2025/07/04/index.html"),
            (Route::Month(2025, 7), "2025/07/index.html"),
            (Route::Year(2025), "2025/index.html"),
            (Route::Paper("2507.02592"), "papers/2507.02592/index.html"),
            (Route::Tags, "tags/index.html"),
            (Route::Tag("llms", 1), "tags/llms/index.html"),
            (Route::Tag("llms", 2), "tags/llms/page/2/index.html"),
            (Route::TagFeed("llms"), "tags/llms/atom.xml"),
            (Route::Feed, "atom.xml"),
            (Route::PapersFeed, "papers/atom.xml"),
            (Route::FeedArchive(FeedOf::Site, 2), "archive/2/atom.xml"),
            (
                Route::FeedArchive(FeedOf::Tag("llms"), 1),
                "tags/llms/archive/1/atom.xml",
            ),
            (Route::Sitemap, "sitemap.xml"),
            (Route::Robots, "robots.txt"),
            (Route::NotFound, "404.html"),
        ];
        for (route, file) in cases {
            assert_eq!(route.file(), file);
        }
    }

    #[test]
    fn urls_keep_the_subpath() {
        let u = Urls::new("https://u.github.io/repo/");
        assert_eq!(u.of(&Route::Home), "https://u.github.io/repo/");
        assert_eq!(u.of(&Route::Feed), "https://u.github.io/repo/atom.xml");
    }

    #[test]
    fn relative_urls_climb_to_the_root() {
        let u = Urls::new("https://u.github.io/repo/");
        let home = u.relative_from(&Route::Home);
        assert_eq!(home.of(&Route::Home), "./");
        assert_eq!(home.of(&Route::Paper("2507.1")), "papers/2507.1/");
        let paper = u.relative_from(&Route::Paper("2507.1"));
        assert_eq!(paper.of(&Route::Home), "../../");
        assert_eq!(paper.of(&Route::Tag("llms", 2)), "../../tags/llms/page/2/");
        assert_eq!(
            paper.absolute(&Route::Paper("2507.1")),
            "https://u.github.io/repo/papers/2507.1/"
        );
        let d = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
        assert_eq!(
            u.relative_from(&Route::Day(d)).of(&Route::Feed),
            "../../../atom.xml"
        );
        let missing = u.relative_from(&Route::NotFound);
        assert_eq!(missing.of(&Route::Tags), "https://u.github.io/repo/tags/");
    }

    #[test]
    fn output_kinds_follow_the_layout() {
        for (rel, want) in [
            ("papers/2507.02592/index.html", kind::PAPER_PAGES),
            ("papers/2507.02592", kind::PAPER_PAGES),
            ("papers/atom.xml", kind::FEEDS),
            ("papers/archive/3/atom.xml", kind::PAPER_FEED_ARCHIVES),
            ("papers/archive", kind::PAPER_FEED_ARCHIVES),
            ("tags/llms/archive/1/atom.xml", kind::TAG_FEED_ARCHIVES),
            ("tags/llms/page/2/index.html", kind::TAG_PAGES),
            ("tags/llms/feed.json", kind::FEEDS),
            ("archive/2/atom.xml", kind::DAY_FEED_ARCHIVES),
            ("archive/index.html", kind::OTHER),
            ("2025/07/04/index.html", kind::DAY_PAGES),
            ("2025/07/04", kind::DAY_PAGES),
            ("2025/07/index.html", kind::CALENDARS),
            ("sitemap-2.xml", kind::SITEMAPS),
            ("search/t/ab.json", kind::SEARCH),
            ("data/papers/2025.ndjson.gz", kind::EXPORT),
            ("index.html", kind::OTHER),
        ] {
            assert_eq!(output_kind(rel), want, "{rel}");
        }
    }
}
