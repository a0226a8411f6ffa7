//! HTML pages through the theme: home, days, months, years, papers, tags, 404.

use anyhow::Result;
use serde::Serialize;

use super::urls::{FeedOf, Route};
use super::views::{self, Ctx, FeedLink, PageMeta, Pagination};
use super::{Job, Renderer, theme};
use crate::config::Config;
use crate::model::Site;

/// Bytes reserved for a page's HTML before rendering it.
const PAGE_CAPACITY: usize = 16 * 1024;

/// How many of the newest days the home page lists: up to `days_per_page`, stopping
/// after the day that brings it to `home_papers` papers, and never fewer than one. A
/// bot that writes hundreds of papers a day would otherwise make a home page of
/// thousands of entries, megabytes a reader loads first, when each day has its page.
pub(super) fn home_days(site: &Site, config: &Config) -> usize {
    let mut papers = 0;
    let mut days = 0;
    for day in site.days.iter().rev().take(config.days_per_page) {
        if days > 0 && papers >= config.home_papers {
            break;
        }
        papers += day.papers.len();
        days += 1;
    }
    days
}

impl Renderer<'_> {
    /// About how many bytes the leads of lists take (each paper's line on its days'
    /// pages, the home page and its tags' pages, with its paragraph's tags): what
    /// `list_leads = false` would save.
    pub fn list_lead_bytes(&self) -> u64 {
        use rayon::prelude::*;
        let site = self.ctx.site;
        let on_home: ahash::AHashSet<usize> = site
            .days
            .iter()
            .rev()
            .take(home_days(site, self.ctx.config))
            .flat_map(|d| d.papers.iter().copied())
            .collect();
        site.papers
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                let Some(lead) = &self.leads.of(i, p).0 else {
                    return 0;
                };
                let rows = p.days.len() + p.tags.len() + usize::from(on_home.contains(&i));
                ((lead.len() + "<p></p>\n".len()) * rows) as u64
            })
            .sum()
    }

    pub(super) fn render(
        &self,
        ctx: &Ctx,
        template: &str,
        meta: PageMeta,
        data: impl Serialize,
    ) -> Result<Vec<u8>> {
        let mut context = self.base.clone();
        match ctx.shared {
            Some(shared) => context.insert_value("site", shared.site.clone()),
            None => context.insert("site", &ctx.site_view(&self.years)),
        }
        context.insert("page", &meta);
        context.extend(
            tera::Context::from_serialize(&data)
                .map_err(|e| anyhow::anyhow!("{}", theme::template_error(&e)))?,
        );
        // Most pages are 4–40 KB: one allocation instead of a chain of doublings.
        let mut out = Vec::with_capacity(PAGE_CAPACITY);
        self.theme
            .tera
            .render_to(template, &context, &mut out)
            .map_err(|e| anyhow::anyhow!("{}", theme::template_error(&e)))?;
        Ok(out)
    }

    pub(super) fn meta(
        &self,
        ctx: &Ctx,
        kind: &'static str,
        title: String,
        description: String,
        route: &Route,
    ) -> PageMeta {
        // The feeds a page advertises: the site's feed everywhere; the every-paper feed on
        // the pages that list days and tags (home, days, months, years, the tag index);
        // a tag's feed on its pages. A paper's page names only the site's feed: its tags
        // link to their pages, which advertise their feeds, and repeating every tag's pair
        // of links in the head of every paper page was the largest block of markup the
        // site repeated.
        let config = ctx.config;
        let site = ctx.site;
        let mut feeds = vec![FeedLink {
            title: config.title.clone(),
            url: ctx.urls.of(&Route::Feed),
            json_url: (kind != "paper").then(|| ctx.urls.of(&Route::JsonFeed(FeedOf::Site))),
        }];
        if matches!(kind, "home" | "day" | "month" | "year" | "tags" | "feeds") {
            feeds.push(FeedLink {
                title: format!("{} — every paper", config.title),
                url: ctx.urls.of(&Route::PapersFeed),
                json_url: Some(ctx.urls.of(&Route::JsonFeed(FeedOf::Papers))),
            });
        }
        if let Route::Tag(slug, _) = route
            && let Some(tag) = site.tags.iter().find(|t| t.slug == *slug)
        {
            feeds.push(FeedLink {
                title: format!("{} — {}", config.title, tag.name),
                url: ctx.urls.of(&Route::TagFeed(&tag.slug)),
                json_url: Some(ctx.urls.of(&Route::JsonFeed(FeedOf::Tag(&tag.slug)))),
            });
        }
        PageMeta {
            kind,
            title,
            description,
            url: ctx.urls.absolute(route),
            feeds,
        }
    }

    pub(super) fn page(&self, job: Job, route: &Route) -> Result<Vec<u8>> {
        let urls = self.ctx.urls.relative_from(route);
        let ctx = &Ctx {
            site: self.ctx.site,
            config: self.ctx.config,
            urls: &urls,
            shared: self.shared(&urls),
            leads: Some(&self.leads),
        };
        let site = ctx.site;
        let config = ctx.config;
        match job {
            Job::Home => {
                // The latest days only: every older day has its own page, reached from
                // the archive page, its month's calendar and the days around it, so
                // home pages that paged through the whole history would repeat every
                // entry of the site a second time.
                let shown = home_days(site, config);
                let newest_first: Vec<usize> = (0..site.days.len()).rev().take(shown).collect();
                #[derive(Serialize)]
                struct Home<'a> {
                    days: Vec<views::DayView<'a>>,
                    /// The newest day not on the home page.
                    earlier: Option<views::DayLink>,
                }
                let earlier = site
                    .days
                    .len()
                    .checked_sub(shown + 1)
                    .map(|i| ctx.day_link(&site.days[i]));
                let meta = self.meta(
                    ctx,
                    "home",
                    config.title.clone(),
                    config.description.clone(),
                    route,
                );
                self.render(
                    ctx,
                    "index.html",
                    meta,
                    Home {
                        days: newest_first.iter().map(|&i| ctx.day(i)).collect(),
                        earlier,
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
                    let titles: Vec<&str> = day
                        .papers
                        .iter()
                        .take(3)
                        .map(|p| p.title.as_ref())
                        .collect();
                    format!("{} papers: {}", day.papers.len(), titles.join("; "))
                });
                let meta = self.meta(ctx, "day", title, description, route);
                #[derive(Serialize)]
                struct D<'a> {
                    day: views::DayView<'a>,
                }
                self.render(ctx, "day.html", meta, D { day })
            }
            Job::Paper(i) => {
                let paper = ctx.paper(i);
                let meta = self.meta(
                    ctx,
                    "paper",
                    paper.title.to_string(),
                    crate::content::markup::truncate_words(
                        &paper.blurb_text[paper.prose_start..],
                        200,
                    ),
                    route,
                );
                #[derive(Serialize)]
                struct P<'a> {
                    paper: views::PaperView<'a>,
                    related: Vec<views::PaperLink<'a>>,
                }
                let related = site
                    .related_by(i, crate::model::RELATED, self.related.get())
                    .into_iter()
                    .map(|j| ctx.paper_link(&site.papers[j]))
                    .collect();
                self.render(ctx, "paper.html", meta, P { paper, related })
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
                    ctx,
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
                    ctx,
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
                    ctx,
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
                    prev: Option<views::YearLink>,
                    next: Option<views::YearLink>,
                }
                let pos = self.years.iter().position(|&(year, _)| year == y);
                let year_link = |i: Option<usize>| {
                    let &(year, days) = self.years.get(i?)?;
                    Some(views::YearLink {
                        year,
                        url: ctx.urls.of(&Route::Year(year)),
                        days,
                    })
                };
                self.render(
                    ctx,
                    "year.html",
                    meta,
                    Y {
                        year: y,
                        months,
                        papers,
                        days,
                        prev: year_link(pos.and_then(|p| p.checked_sub(1))),
                        next: year_link(pos.map(|p| p + 1)),
                    },
                )
            }
            Job::Archive => {
                let years = ctx.archive(&self.months);
                // Distinct papers, as home and search count them; a year's and a month's
                // counts are the papers listed then, so a paper listed twice counts twice.
                let meta = self.meta(
                    ctx,
                    "archive",
                    "Archive".into(),
                    format!(
                        "{} papers over {} days, by year and month",
                        site.papers.len(),
                        site.days.len()
                    ),
                    route,
                );
                let counts: Vec<((i32, u32), usize)> = self
                    .months
                    .iter()
                    .map(|(&ym, days)| (ym, days.iter().map(|&i| site.days[i].papers.len()).sum()))
                    .collect();
                #[derive(Serialize)]
                struct A {
                    years: Vec<views::ArchiveYear>,
                    chart: Option<String>,
                }
                let chart = super::chart::per_month(&counts, "Papers listed");
                self.render(ctx, "archive.html", meta, A { years, chart })
            }
            Job::Tags => {
                let mut tags: Vec<views::TagLink> =
                    site.tags.iter().map(|t| ctx.tag_link(t)).collect();
                tags.sort_by_key(|t| t.name.to_lowercase());
                let meta = self.meta(
                    ctx,
                    "tags",
                    "Tags".into(),
                    format!("All {} tags of {}", tags.len(), config.title),
                    route,
                );
                #[derive(Serialize)]
                struct T<'a> {
                    tags: Vec<views::TagLink<'a>>,
                }
                self.render(ctx, "tags.html", meta, T { tags })
            }
            Job::Tag(t, n) => {
                let tag = &site.tags[t];
                let per = config.papers_per_tag_page;
                let papers: Vec<views::PaperEntry> = tag
                    .papers
                    .iter()
                    .skip((n - 1) * per)
                    .take(per)
                    .map(|&p| ctx.paper_entry(p))
                    .collect();
                let title = if n == 1 {
                    format!("Papers tagged {}", tag.name)
                } else {
                    format!("Papers tagged {} — page {n}", tag.name)
                };
                let meta = self.meta(
                    ctx,
                    "tag",
                    title,
                    format!("{} papers tagged {}", tag.papers.len(), tag.name),
                    route,
                );
                // Papers per month of their first listing, on the tag's first page.
                let chart = (n == 1)
                    .then(|| {
                        let mut counts = std::collections::BTreeMap::<(i32, u32), usize>::new();
                        for &p in &tag.papers {
                            let d = site.papers[p].first_day();
                            *counts
                                .entry((chrono::Datelike::year(&d), chrono::Datelike::month(&d)))
                                .or_default() += 1;
                        }
                        let counts: Vec<_> = counts.into_iter().collect();
                        super::chart::per_month(&counts, &format!("Papers tagged {}", tag.name))
                    })
                    .flatten();
                #[derive(Serialize)]
                struct T<'a> {
                    tag: views::TagLink<'a>,
                    papers: Vec<views::PaperEntry<'a>>,
                    pagination: Pagination,
                    chart: Option<String>,
                }
                let total = self.tag_pages(t);
                self.render(
                    ctx,
                    "tag.html",
                    meta,
                    T {
                        tag: ctx.tag_link(tag),
                        papers,
                        pagination: Pagination::new(n, total, |k| {
                            ctx.urls.of(&Route::Tag(&tag.slug, k))
                        }),
                        chart,
                    },
                )
            }
            Job::Search => {
                let meta = self.meta(
                    ctx,
                    "search",
                    "Search".into(),
                    format!(
                        "Search the {} papers of {}",
                        site.papers.len(),
                        config.title
                    ),
                    route,
                );
                self.render(ctx, "search.html", meta, serde_json::json!({}))
            }
            Job::FeedsPage => {
                let meta = self.meta(
                    ctx,
                    "feeds",
                    "Feeds".into(),
                    format!("How to follow {} in a feed reader", config.title),
                    route,
                );
                self.render(ctx, theme::FEEDS, meta, self.feeds_page(ctx))
            }
            Job::NotFound => {
                let meta = self.meta(
                    ctx,
                    "404",
                    "Page not found".into(),
                    config.description.clone(),
                    route,
                );
                self.render(ctx, "404.html", meta, serde_json::json!({}))
            }
            _ => anyhow::bail!("not a page: {job:?}"),
        }
    }
}

/// A feed's addresses as a reader is given them: absolute, under `base_url`.
#[derive(Serialize)]
pub(super) struct FeedAddresses {
    atom: String,
    json: String,
}

/// A tag and its feeds' addresses.
#[derive(Serialize)]
pub(super) struct ExampleTag<'a> {
    tag: views::TagLink<'a>,
    feeds: FeedAddresses,
}

/// What `feeds.html` receives.
#[derive(Serialize)]
pub(super) struct FeedsPage<'a> {
    /// `/atom.xml`: a day per entry.
    site_feed: FeedAddresses,
    /// `/papers/atom.xml`: a paper per entry.
    papers_feed: FeedAddresses,
    /// A tag's feeds with `<slug>` for the tag: `…/tags/<slug>/atom.xml`.
    tag_feed: FeedAddresses,
    /// The tag with the most papers (the first by slug among equals), to show a tag's
    /// addresses with; none on a site without tags.
    example_tag: Option<ExampleTag<'a>>,
    feed_limit: usize,
}

impl<'a> Renderer<'a> {
    fn feeds_page(&self, ctx: &Ctx<'a>) -> FeedsPage<'a> {
        let urls = ctx.urls;
        let of = |atom: Route, json: Route| FeedAddresses {
            atom: urls.absolute(&atom),
            json: urls.absolute(&json),
        };
        let slug = "<slug>";
        let example_tag = ctx
            .site
            .tags
            .iter()
            .max_by(|a, b| {
                a.papers
                    .len()
                    .cmp(&b.papers.len())
                    .then(b.slug.cmp(&a.slug))
            })
            .map(|tag| {
                let feeds = of(
                    Route::TagFeed(&tag.slug),
                    Route::JsonFeed(FeedOf::Tag(&tag.slug)),
                );
                ExampleTag {
                    tag: ctx.tag_link(tag),
                    feeds,
                }
            });
        FeedsPage {
            site_feed: of(Route::Feed, Route::JsonFeed(FeedOf::Site)),
            papers_feed: of(Route::PapersFeed, Route::JsonFeed(FeedOf::Papers)),
            tag_feed: of(Route::TagFeed(slug), Route::JsonFeed(FeedOf::Tag(slug))),
            example_tag,
            feed_limit: ctx.config.feed_limit.max(1),
        }
    }
}
