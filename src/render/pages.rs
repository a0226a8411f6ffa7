//! HTML pages through the theme: home, days, months, years, papers, tags, 404.

use anyhow::Result;
use serde::Serialize;

use super::urls::Route;
use super::views::{self, FeedLink, PageMeta, Pagination};
use super::{Job, Renderer, theme};

impl Renderer<'_> {
    pub(super) fn render(
        &self,
        template: &str,
        meta: PageMeta,
        data: impl Serialize,
    ) -> Result<Vec<u8>> {
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

    pub(super) fn meta(
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

    pub(super) fn page(&self, job: Job, route: &Route) -> Result<Vec<u8>> {
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
