//! The machine-readable export, for scripts and bots (documented in the README):
//!
//! - `data/papers/YYYY.ndjson`: one JSON object per line, one line per paper first listed
//!   in that year, newest first (one file per year keeps every file small enough for
//!   GitHub, whose limit is 100 MB a file).
//! - `data/days/YYYY-MM-DD.json`: one day, its papers in full and its other links.
//! - `data/days.json`: every day, newest first, with its page, its JSON and its count.
//!
//! Text fields are plain text (the summaries' markdown rendered and stripped), so a
//! script never has to sanitise HTML.

use anyhow::Result;
use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;

use super::Renderer;
use super::search::doc_order;
use super::urls::Route;
use crate::content::arxiv;
use crate::model::{Day, Paper};

#[derive(Serialize)]
struct PaperRecord<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    authors: &'a [String],
    tags: Vec<&'a str>,
    days: Vec<String>,
    gist: Option<&'a str>,
    summary: Option<&'a str>,
    #[serde(rename = "abstract")]
    abstract_: Option<&'a str>,
    note: Option<&'a str>,
    arxiv: String,
    pdf: String,
    hf: String,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    title: &'a str,
    url: &'a str,
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct DayRecord<'a> {
    date: String,
    url: String,
    title: Option<&'a str>,
    description: Option<&'a str>,
    papers: Vec<PaperRecord<'a>>,
    links: Vec<LinkRecord<'a>>,
}

#[derive(Serialize)]
struct DayIndexEntry {
    date: String,
    url: String,
    json: String,
    papers: usize,
}

/// The route of one day's JSON.
pub(super) fn day_json_path(day: &Day) -> String {
    format!("data/days/{}.json", day.date.format("%Y-%m-%d"))
}

impl<'a> Renderer<'a> {
    fn paper_record(&self, p: &'a Paper) -> PaperRecord<'a> {
        let site = self.ctx.site;
        PaperRecord {
            id: &p.id,
            title: &p.title,
            url: self.ctx.urls.of(&Route::Paper(&p.id)),
            authors: &p.authors,
            tags: p.tags.iter().map(|&t| site.tags[t].name.as_str()).collect(),
            days: p
                .days
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            gist: p.gist.as_ref().map(|m| m.text.as_str()),
            summary: p.summary.as_ref().map(|m| m.text.as_str()),
            abstract_: p.abstract_.as_ref().map(|m| m.text.as_str()),
            note: p.note.as_ref().map(|m| m.text.as_str()),
            arxiv: arxiv::abs_url(&p.id),
            pdf: arxiv::pdf_url(&p.id),
            hf: arxiv::hf_url(&p.id),
        }
    }

    /// Writes `data/`; returns the number of files.
    pub(super) fn export(&self, put: &(dyn Fn(&str, &[u8]) -> Result<()> + Sync)) -> Result<usize> {
        let site = self.ctx.site;
        let urls = self.ctx.urls;

        // Papers come newest first, so each year is contiguous and is written as soon as
        // it is complete: only one year's text is held at a time.
        let mut years = 0;
        let mut current: Option<(i32, String)> = None;
        for p in doc_order(&site.papers) {
            let paper = &site.papers[p];
            let year = paper.first_day().year();
            if current.as_ref().is_some_and(|(y, _)| *y != year)
                && let Some((y, ndjson)) = current.take()
            {
                put(&format!("data/papers/{y}.ndjson"), ndjson.as_bytes())?;
                years += 1;
            }
            let ndjson = &mut current.get_or_insert_with(|| (year, String::new())).1;
            ndjson.push_str(&serde_json::to_string(&self.paper_record(paper))?);
            ndjson.push('\n');
        }
        if let Some((y, ndjson)) = current.take() {
            put(&format!("data/papers/{y}.ndjson"), ndjson.as_bytes())?;
            years += 1;
        }

        site.days.par_iter().try_for_each(|day| {
            let record = DayRecord {
                date: day.date.format("%Y-%m-%d").to_string(),
                url: urls.of(&Route::Day(day.date)),
                title: day.title.as_deref(),
                description: day.description.as_deref(),
                papers: day
                    .papers
                    .iter()
                    .map(|&p| self.paper_record(&site.papers[p]))
                    .collect(),
                links: day
                    .links
                    .iter()
                    .map(|l| LinkRecord {
                        title: &l.title,
                        url: &l.url,
                        summary: l.summary.as_ref().map(|m| m.text.as_str()),
                    })
                    .collect(),
            };
            put(
                &day_json_path(day),
                serde_json::to_string(&record)?.as_bytes(),
            )
        })?;

        let index: Vec<DayIndexEntry> = site
            .days
            .iter()
            .rev()
            .map(|d| DayIndexEntry {
                date: d.date.format("%Y-%m-%d").to_string(),
                url: urls.of(&Route::Day(d.date)),
                json: urls.of(&Route::Static(&day_json_path(d))),
                papers: d.papers.len(),
            })
            .collect();
        put("data/days.json", serde_json::to_string(&index)?.as_bytes())?;
        Ok(site.days.len() + years + 1)
    }
}
