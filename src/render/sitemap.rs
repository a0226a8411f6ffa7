//! `sitemap.xml`, split into an index of parts past 50,000 URLs (sitemaps.org).

use anyhow::Result;

use super::urls::Route;
use super::{Job, Renderer};

/// Sitemaps may hold at most 50,000 URLs.
pub(super) const SITEMAP_LIMIT: usize = 50_000;

/// Whether the page a job makes is listed in the sitemap (feeds and documents are not).
fn in_sitemap(job: &Job) -> bool {
    !matches!(
        job,
        Job::Static(_)
            | Job::Feed
            | Job::TagFeed(_)
            | Job::PapersFeed
            | Job::FeedArchive(..)
            | Job::JsonFeed(_)
            | Job::Sitemap
            | Job::Robots
            | Job::NotFound
    )
}

impl Renderer<'_> {
    pub(super) fn sitemap_urls(&self, jobs: &[Job]) -> Vec<String> {
        jobs.iter()
            .filter(|j| in_sitemap(j))
            .filter_map(|&j| self.route(j))
            .map(|r| self.ctx.urls.of(&r))
            .collect()
    }

    /// How many URLs [`Self::sitemap_urls`] lists, without building them.
    pub(super) fn sitemap_url_count(&self, jobs: &[Job]) -> usize {
        jobs.iter()
            .filter(|j| in_sitemap(j) && self.route(**j).is_some())
            .count()
    }

    /// `sitemap.xml`; past 50,000 URLs it becomes an index of `sitemap-N.xml` parts.
    pub(super) fn sitemap(
        &self,
        jobs: &[Job],
        put: &dyn Fn(&str, &[u8]) -> Result<()>,
    ) -> Result<()> {
        const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        const NS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
        let urls = self.sitemap_urls(jobs);
        let urlset = |urls: &[String]| {
            let mut xml = format!("{HEAD}<urlset {NS}>\n");
            for u in urls {
                xml.push_str("<url><loc>");
                super::escape::push_html(&mut xml, u);
                xml.push_str("</loc></url>\n");
            }
            xml.push_str("</urlset>\n");
            xml
        };
        if urls.len() <= SITEMAP_LIMIT {
            return put(&Route::Sitemap.file(), urlset(&urls).as_bytes());
        }
        let mut index = format!("{HEAD}<sitemapindex {NS}>\n");
        for (n, chunk) in urls.chunks(SITEMAP_LIMIT).enumerate() {
            let route = Route::SitemapPart(n + 1);
            index.push_str(&format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                self.ctx.urls.of(&route)
            ));
            put(&route.file(), urlset(chunk).as_bytes())?;
        }
        index.push_str("</sitemapindex>\n");
        put(&Route::Sitemap.file(), index.as_bytes())
    }
}
