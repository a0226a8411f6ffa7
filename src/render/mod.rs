//! From the site model to output files: pages through the theme, feeds, sitemap.
//!
//! Rendering is a list of independent jobs, one per output file, run in parallel. Each
//! job borrows the model and hands its bytes to a [`Sink`], which decides where they go
//! (a staging folder for `build`).

pub mod atom;
pub mod theme;
pub mod urls;
pub mod views;

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::model::Site;
use theme::Theme;
use urls::{Route, Urls};
use views::{Ctx, FeedLink, PageMeta, Pagination};

/// Sitemaps may hold at most 50,000 URLs (sitemaps.org); past that we write an index.
const SITEMAP_LIMIT: usize = 50_000;

/// Receives every output file. Called from several threads at once.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Home(usize),
    Day(usize),
    Month(i32, u32),
    Year(i32),
    Paper(usize),
    Tags,
    Tag(usize, usize),
    TagFeed(usize),
    Feed,
    Sitemap,
    Robots,
    NotFound,
    Static(usize),
}

/// Counts of what was rendered, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub feeds: usize,
    pub files: usize,
}

pub struct Renderer<'a> {
    ctx: Ctx<'a>,
    theme: &'a Theme,
    base: tera::Context,
    months: BTreeMap<(i32, u32), Vec<usize>>,
    home_pages: usize,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, config: &'a Config, urls: &'a Urls, theme: &'a Theme) -> Self {
        let ctx = Ctx { site, config, urls };
        let mut base = tera::Context::new();
        base.insert("config", &views::ConfigView::new(config));
        base.insert("site", &ctx.site_view());
        let mut months: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
        for (i, d) in site.days.iter().enumerate() {
            months
                .entry((d.date.year(), d.date.month()))
                .or_default()
                .push(i);
        }
        let home_pages = site.days.len().div_ceil(config.days_per_page).max(1);
        Renderer {
            ctx,
            theme,
            base,
            months,
            home_pages,
        }
    }

    fn tag_pages(&self, tag: usize) -> usize {
        self.ctx.site.tags[tag]
            .papers
            .len()
            .div_ceil(self.ctx.config.papers_per_tag_page)
            .max(1)
    }

    fn jobs(&self) -> Vec<Job> {
        let site = self.ctx.site;
        let mut jobs: Vec<Job> = (1..=self.home_pages).map(Job::Home).collect();
        jobs.extend((0..site.days.len()).map(Job::Day));
        jobs.extend(self.months.keys().map(|&(y, m)| Job::Month(y, m)));
        let mut years: Vec<i32> = self.months.keys().map(|&(y, _)| y).collect();
        years.dedup();
        jobs.extend(years.into_iter().map(Job::Year));
        jobs.extend((0..site.papers.len()).map(Job::Paper));
        jobs.push(Job::Tags);
        for t in 0..site.tags.len() {
            jobs.extend((1..=self.tag_pages(t)).map(|n| Job::Tag(t, n)));
            jobs.push(Job::TagFeed(t));
        }
        jobs.extend([Job::Feed, Job::Sitemap, Job::Robots, Job::NotFound]);
        jobs.extend((0..self.theme.statics.len()).map(Job::Static));
        jobs
    }

    fn route(&self, job: Job) -> Option<Route<'a>> {
        let site = self.ctx.site;
        Some(match job {
            Job::Home(n) => Route::Home(n),
            Job::Day(i) => Route::Day(site.days[i].date),
            Job::Month(y, m) => Route::Month(y, m),
            Job::Year(y) => Route::Year(y),
            Job::Paper(i) => Route::Paper(&site.papers[i].id),
            Job::Tags => Route::Tags,
            Job::Tag(t, n) => Route::Tag(&site.tags[t].slug, n),
            Job::TagFeed(t) => Route::TagFeed(&site.tags[t].slug),
            Job::Feed => Route::Feed,
            Job::Sitemap => Route::Sitemap,
            Job::Robots => Route::Robots,
            Job::NotFound => Route::NotFound,
            Job::Static(_) => return None,
        })
    }

    /// Renders every output file into `sink`.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<RenderStats> {
        let jobs = self.jobs();
        jobs.par_iter()
            .try_for_each(|&job| self.run_job(job, &jobs, sink))?;
        let mut stats = RenderStats {
            files: jobs.len(),
            ..RenderStats::default()
        };
        for job in &jobs {
            match job {
                Job::TagFeed(_) | Job::Feed => stats.feeds += 1,
                Job::Sitemap | Job::Robots | Job::Static(_) => {}
                _ => stats.pages += 1,
            }
        }
        let urls = self.sitemap_urls(&jobs).len();
        if urls > SITEMAP_LIMIT {
            stats.files += urls.div_ceil(SITEMAP_LIMIT);
        }
        Ok(stats)
    }

    fn run_job(&self, job: Job, jobs: &[Job], sink: &dyn Sink) -> Result<()> {
        let put = |path: &str, bytes: &[u8]| {
            sink.put(path, bytes)
                .with_context(|| format!("cannot write {path}"))
        };
        if let Job::Static(i) = job {
            let (path, source) = &self.theme.statics[i];
            return put(path, &Theme::static_bytes(source)?);
        }
        let route = self.route(job).context("route")?;
        let bytes = match job {
            Job::Feed => self.site_feed().into_bytes(),
            Job::TagFeed(t) => self.tag_feed(t).into_bytes(),
            Job::Sitemap => return self.sitemap(jobs, &put),
            Job::Robots => format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                self.ctx.urls.of(&Route::Sitemap)
            )
            .into_bytes(),
            _ => self.page(job, &route)?,
        };
        put(&route.file(), &bytes)
    }

    fn render(&self, template: &str, meta: PageMeta, data: impl Serialize) -> Result<Vec<u8>> {
        let mut context = self.base.clone();
        context.insert("page", &meta);
        context.extend(
            tera::Context::from_serialize(&data)
                .map_err(|e| anyhow::anyhow!("{}", theme::template_error(&e)))?,
        );
        let mut out = Vec::new();
        self.theme
            .tera
            .render_to(template, &context, &mut out)
            .map_err(|e| anyhow::anyhow!("{}", theme::template_error(&e)))?;
        Ok(out)
    }

    fn meta(
        &self,
        kind: &'static str,
        title: String,
        description: String,
        route: &Route,
    ) -> PageMeta {
        let mut feeds = vec![FeedLink {
            title: self.ctx.config.title.clone(),
            url: self.ctx.urls.of(&Route::Feed),
        }];
        if let Route::Tag(slug, _) = route
            && let Some(tag) = self.ctx.site.tags.iter().find(|t| t.slug == *slug)
        {
            feeds.push(FeedLink {
                title: format!("{} — {}", self.ctx.config.title, tag.name),
                url: self.ctx.urls.of(&Route::TagFeed(slug)),
            });
        }
        PageMeta {
            kind,
            title,
            description,
            url: self.ctx.urls.of(route),
            feeds,
        }
    }

    fn page(&self, job: Job, route: &Route) -> Result<Vec<u8>> {
        let ctx = &self.ctx;
        let site = ctx.site;
        let config = ctx.config;
        match job {
            Job::Home(n) => {
                let per = config.days_per_page;
                let newest_first: Vec<usize> = (0..site.days.len())
                    .rev()
                    .skip((n - 1) * per)
                    .take(per)
                    .collect();
                #[derive(Serialize)]
                struct Home<'a> {
                    days: Vec<views::DayView<'a>>,
                    pagination: Pagination,
                }
                let title = if n == 1 {
                    config.title.clone()
                } else {
                    format!("{} — page {n}", config.title)
                };
                let meta = self.meta("home", title, config.description.clone(), route);
                self.render(
                    "index.html",
                    meta,
                    Home {
                        days: newest_first.iter().map(|&i| ctx.day(i)).collect(),
                        pagination: Pagination::new(n, self.home_pages, |k| {
                            ctx.urls.of(&Route::Home(k))
                        }),
                    },
                )
            }
            Job::Day(i) => {
                let day = ctx.day(i);
                let title = match day.title {
                    Some(t) => format!("{t} — {}", day.link.short),
                    None => format!("Papers for {}", day.link.long),
                };
                let description = day.description.map(str::to_string).unwrap_or_else(|| {
                    let titles: Vec<&str> = day.papers.iter().take(3).map(|p| p.title).collect();
                    format!("{} papers: {}", day.papers.len(), titles.join("; "))
                });
                let meta = self.meta("day", title, description, route);
                #[derive(Serialize)]
                struct D<'a> {
                    day: views::DayView<'a>,
                }
                self.render("day.html", meta, D { day })
            }
            Job::Paper(i) => {
                let paper = ctx.paper(&site.papers[i]);
                let meta = self.meta(
                    "paper",
                    paper.title.to_string(),
                    description_of(paper.blurb_text),
                    route,
                );
                #[derive(Serialize)]
                struct P<'a> {
                    paper: views::PaperView<'a>,
                }
                self.render("paper.html", meta, P { paper })
            }
            Job::Month(y, m) => {
                let month = ctx.month(y, m, &self.months[&(y, m)]);
                let keys: Vec<&(i32, u32)> = self.months.keys().collect();
                let pos = keys.iter().position(|k| **k == (y, m)).unwrap_or(0);
                let link = |k: Option<&&(i32, u32)>| {
                    k.map(|&&(y, m)| {
                        let name = chrono::NaiveDate::from_ymd_opt(y, m, 1)
                            .map(|d| d.format("%B %Y").to_string())
                            .unwrap_or_default();
                        MonthLink {
                            name,
                            url: ctx.urls.of(&Route::Month(y, m)),
                        }
                    })
                };
                let meta = self.meta(
                    "month",
                    format!("Papers in {}", month.name),
                    format!(
                        "{} papers over {} days in {}",
                        month.papers,
                        month.days.len(),
                        month.name
                    ),
                    route,
                );
                #[derive(Serialize)]
                struct MonthLink {
                    name: String,
                    url: String,
                }
                #[derive(Serialize)]
                struct M {
                    month: views::MonthView,
                    prev: Option<MonthLink>,
                    next: Option<MonthLink>,
                }
                self.render(
                    "month.html",
                    meta,
                    M {
                        month,
                        prev: pos.checked_sub(1).and_then(|p| link(keys.get(p))),
                        next: link(keys.get(pos + 1)),
                    },
                )
            }
            Job::Year(y) => {
                let months: Vec<views::MonthView> = self
                    .months
                    .range((y, 0)..(y, 13))
                    .map(|(&(y, m), days)| ctx.month(y, m, days))
                    .collect();
                let papers: usize = months.iter().map(|m| m.papers).sum();
                let days: usize = months.iter().map(|m| m.days.len()).sum();
                let meta = self.meta(
                    "year",
                    format!("Papers in {y}"),
                    format!("{papers} papers over {days} days in {y}"),
                    route,
                );
                #[derive(Serialize)]
                struct Y {
                    year: i32,
                    months: Vec<views::MonthView>,
                    papers: usize,
                    days: usize,
                }
                self.render(
                    "year.html",
                    meta,
                    Y {
                        year: y,
                        months,
                        papers,
                        days,
                    },
                )
            }
            Job::Tags => {
                let mut tags: Vec<views::TagLink> =
                    site.tags.iter().map(|t| ctx.tag_link(t)).collect();
                tags.sort_by_key(|t| t.name.to_lowercase());
                let meta = self.meta(
                    "tags",
                    "Tags".into(),
                    format!("All {} tags of {}", tags.len(), config.title),
                    route,
                );
                #[derive(Serialize)]
                struct T<'a> {
                    tags: Vec<views::TagLink<'a>>,
                }
                self.render("tags.html", meta, T { tags })
            }
            Job::Tag(t, n) => {
                let tag = &site.tags[t];
                let per = config.papers_per_tag_page;
                let papers: Vec<views::PaperView> = tag
                    .papers
                    .iter()
                    .skip((n - 1) * per)
                    .take(per)
                    .map(|&p| ctx.paper(&site.papers[p]))
                    .collect();
                let title = if n == 1 {
                    format!("Papers tagged {}", tag.name)
                } else {
                    format!("Papers tagged {} — page {n}", tag.name)
                };
                let meta = self.meta(
                    "tag",
                    title,
                    format!("{} papers tagged {}", tag.papers.len(), tag.name),
                    route,
                );
                #[derive(Serialize)]
                struct T<'a> {
                    tag: views::TagLink<'a>,
                    papers: Vec<views::PaperView<'a>>,
                    pagination: Pagination,
                }
                let total = self.tag_pages(t);
                self.render(
                    "tag.html",
                    meta,
                    T {
                        tag: ctx.tag_link(tag),
                        papers,
                        pagination: Pagination::new(n, total, |k| {
                            ctx.urls.of(&Route::Tag(&tag.slug, k))
                        }),
                    },
                )
            }
            Job::NotFound => {
                let meta = self.meta(
                    "404",
                    "Page not found".into(),
                    config.description.clone(),
                    route,
                );
                self.render("404.html", meta, serde_json::json!({}))
            }
            _ => anyhow::bail!("not a page: {job:?}"),
        }
    }

    fn feed_id(&self, what: &str) -> String {
        format!("{}:{what}", self.ctx.config.feed_id_base())
    }

    fn site_feed(&self) -> String {
        let ctx = &self.ctx;
        let site = ctx.site;
        let entries = site
            .days
            .iter()
            .rev()
            .take(ctx.config.feed_limit)
            .map(|day| {
                let link = ctx.day_link(day);
                let mut html = String::new();
                if let Some(d) = &day.description {
                    html.push_str(&format!("<p>{}</p>\n", escape_html(d)));
                }
                for &p in &day.papers {
                    html.push_str(&paper_feed_html(ctx, &site.papers[p], true));
                }
                for l in &day.links {
                    html.push_str(&format!(
                        "<h3><a href=\"{}\">{}</a></h3>\n{}\n",
                        escape_html(&l.url),
                        escape_html(&l.title),
                        l.summary.as_ref().map_or("", |m| m.html.as_str())
                    ));
                }
                atom::Entry {
                    id: self.feed_id(&format!("day:{}", link.date)),
                    title: match &day.title {
                        Some(t) => format!("{t} ({})", link.long),
                        None => format!("Papers for {} ({} papers)", link.long, day.papers.len()),
                    },
                    url: link.url,
                    published: day.date,
                    updated: day.date,
                    content_html: html,
                    summary_text: None,
                    categories: Vec::new(),
                }
            })
            .collect();
        atom::Feed {
            id: self.feed_id("feed"),
            title: &ctx.config.title,
            subtitle: &ctx.config.description,
            language: &ctx.config.language,
            self_url: ctx.urls.of(&Route::Feed),
            alternate_url: ctx.urls.of(&Route::Home(1)),
            base_url: ctx.urls.base(),
            author: &ctx.config.author,
            generator_version: env!("CARGO_PKG_VERSION"),
            entries,
            fallback_updated: fallback_date(site),
        }
        .to_xml()
    }

    fn tag_feed(&self, t: usize) -> String {
        let ctx = &self.ctx;
        let site = ctx.site;
        let tag = &site.tags[t];
        let entries = tag
            .papers
            .iter()
            .take(ctx.config.feed_limit)
            .map(|&p| self.paper_entry(&site.papers[p]))
            .collect();
        let title = format!("{} — {}", ctx.config.title, tag.name);
        let subtitle = format!("Papers tagged {}", tag.name);
        atom::Feed {
            id: self.feed_id(&format!("tag:{}", tag.slug)),
            title: &title,
            subtitle: &subtitle,
            language: &ctx.config.language,
            self_url: ctx.urls.of(&Route::TagFeed(&tag.slug)),
            alternate_url: ctx.urls.of(&Route::Tag(&tag.slug, 1)),
            base_url: ctx.urls.base(),
            author: &ctx.config.author,
            generator_version: env!("CARGO_PKG_VERSION"),
            entries,
            fallback_updated: fallback_date(site),
        }
        .to_xml()
    }

    fn paper_entry(&self, paper: &crate::model::Paper) -> atom::Entry {
        let ctx = &self.ctx;
        atom::Entry {
            id: self.feed_id(&format!("paper:{}", paper.id)),
            title: paper.title.clone(),
            url: ctx.urls.of(&Route::Paper(&paper.id)),
            published: paper.first_day(),
            updated: paper.last_day(),
            content_html: paper_feed_html(ctx, paper, false),
            summary_text: paper.gist.as_ref().map(|m| m.text.clone()),
            categories: paper
                .tags
                .iter()
                .map(|&t| {
                    let tag = &ctx.site.tags[t];
                    (
                        tag.slug.clone(),
                        tag.name.clone(),
                        ctx.urls.of(&Route::Tags),
                    )
                })
                .collect(),
        }
    }

    fn sitemap_urls(&self, jobs: &[Job]) -> Vec<String> {
        jobs.iter()
            .filter(|j| {
                !matches!(
                    j,
                    Job::Static(_)
                        | Job::Feed
                        | Job::TagFeed(_)
                        | Job::Sitemap
                        | Job::Robots
                        | Job::NotFound
                )
            })
            .filter_map(|&j| self.route(j))
            .map(|r| self.ctx.urls.of(&r))
            .collect()
    }

    /// `sitemap.xml`; past 50,000 URLs it becomes an index of `sitemap-N.xml` parts.
    fn sitemap(&self, jobs: &[Job], put: &dyn Fn(&str, &[u8]) -> Result<()>) -> Result<()> {
        const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        const NS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
        let urls = self.sitemap_urls(jobs);
        let urlset = |urls: &[String]| {
            let mut xml = format!("{HEAD}<urlset {NS}>\n");
            for u in urls {
                xml.push_str(&format!(
                    "<url><loc>{}</loc></url>\n",
                    quick_xml::escape::escape(u.as_str())
                ));
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

/// Escapes text for HTML and XML: `& < > " '`. Unlike Tera's default it leaves `/`
/// alone, which keeps URLs readable and pages small.
pub fn escape_html(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// HTML for one paper inside a feed entry: absolute links only.
fn paper_feed_html(ctx: &Ctx, p: &crate::model::Paper, heading: bool) -> String {
    let esc = escape_html;
    let url = ctx.urls.of(&Route::Paper(&p.id));
    let mut html = String::new();
    if heading {
        html.push_str(&format!(
            "<h3><a href=\"{}\">{}</a></h3>\n",
            esc(&url),
            esc(&p.title)
        ));
    }
    if !p.authors.is_empty() {
        html.push_str(&format!("<p><em>{}</em></p>\n", esc(&p.authors.join(", "))));
    }
    let body = if heading {
        p.blurb()
    } else {
        p.summary.as_ref().or(p.blurb())
    };
    if let Some(m) = body {
        if m.html.starts_with('<')
            && (m.html.starts_with("<p") || m.html.starts_with("<ul") || m.html.starts_with("<ol"))
        {
            html.push_str(&m.html);
        } else {
            html.push_str(&format!("<p>{}</p>", m.html));
        }
        html.push('\n');
    }
    html.push_str(&format!(
        "<p><a href=\"{}\">arXiv</a> · <a href=\"{}\">PDF</a> · <a href=\"{}\">Hugging Face</a> · <a href=\"{}\">Page</a></p>\n",
        crate::content::arxiv::abs_url(&p.id),
        crate::content::arxiv::pdf_url(&p.id),
        crate::content::arxiv::hf_url(&p.id),
        esc(&url)
    ));
    html
}

fn description_of(text: &str) -> String {
    const MAX: usize = 200;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// `updated` for a feed with no entries: the newest day, else a fixed epoch, never the
/// clock.
fn fallback_date(site: &Site) -> chrono::NaiveDate {
    site.latest_day().map(|d| d.date).unwrap_or_default()
}
