//! The machine-readable export, for scripts and bots (documented in the README):
//!
//! - `data/papers/YYYY.ndjson.gz`: gzip-compressed NDJSON, one JSON object per line,
//!   one line per paper first listed in that year, newest first. One file per year keeps
//!   every file far below GitHub's 100 MB limit; gzip shrinks the text several times
//!   over, and every language reads it with its standard library.
//! - `data/days.json`: every day, newest first: its date, page, title, description,
//!   the ids of its papers in digest order, and its other links.
//!
//! Text fields are plain text (the summaries' markdown rendered and stripped), so a
//! script never has to sanitise HTML.

use std::io::Write as _;

use anyhow::Result;
use chrono::Datelike;
use flate2::{Compression, write::GzEncoder};
use rayon::prelude::*;
use serde::Serialize;

use super::Renderer;
use super::urls::Route;
use crate::content::arxiv;
use crate::model::Paper;
use crate::search::doc_order;

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
    /// The paper's code or project page, or null.
    code: Option<&'a str>,
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
    papers: Vec<&'a str>,
    links: Vec<LinkRecord<'a>>,
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
            days: p.days.iter().map(|&d| crate::dates::iso_date(d)).collect(),
            gist: p.gist.as_ref().map(|m| m.text.as_str()),
            summary: p.summary.as_ref().map(|m| m.text.as_str()),
            abstract_: p.abstract_.as_ref().map(|m| m.text.as_str()),
            note: p.note.as_ref().map(|m| m.text.as_str()),
            arxiv: arxiv::abs_url(&p.id),
            pdf: arxiv::pdf_url(&p.id),
            hf: arxiv::hf_url(&p.id),
            code: p.code.as_deref(),
        }
    }

    /// Writes `data/`, or only its file `only`; returns the number of files written.
    pub(super) fn export(
        &self,
        put: &(dyn Fn(&str, &[u8]) -> Result<()> + Sync),
        only: Option<&str>,
    ) -> Result<usize> {
        let wanted = |path: &str| only.is_none_or(|f| f == path);
        let site = self.ctx.site;
        let urls = self.ctx.urls;

        // Papers come newest first, so each year is one contiguous run of them.
        let order = doc_order(&site.papers);
        let mut years: Vec<&[usize]> = Vec::new();
        let mut rest = order.as_slice();
        while let Some(&first) = rest.first() {
            let year = site.papers[first].first_day().year();
            let n = rest
                .iter()
                .position(|&p| site.papers[p].first_day().year() != year)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(n);
            years.push(run);
            rest = tail;
        }
        let years: Vec<(String, &[usize])> = years
            .into_iter()
            .map(|run| {
                let year = site.papers[run[0]].first_day().year();
                (format!("data/papers/{year}.ndjson.gz"), run)
            })
            .filter(|(path, _)| wanted(path))
            .collect();
        years.par_iter().try_for_each(|(path, run)| -> Result<()> {
            // Serialised first, compressed in one call: the encoder pays per write.
            let mut ndjson = Vec::with_capacity(run.len() * 2048);
            for &p in run.iter() {
                serde_json::to_writer(&mut ndjson, &self.paper_record(&site.papers[p]))?;
                ndjson.push(b'\n');
            }
            // Level 2, not 1: zlib-rs's fastest level is a quicker, looser matcher, and
            // on Chinese summaries it writes a third more bytes than level 2, which
            // takes about half as long again. Past 2 the bytes barely fall and the time
            // climbs; the export is a full copy of every paper, and Pages counts it.
            let mut gz = GzEncoder::new(Vec::new(), Compression::new(2));
            gz.write_all(&ndjson)?;
            put(path, &gz.finish()?)
        })?;
        if !wanted("data/days.json") {
            return Ok(years.len());
        }

        let days: Vec<DayRecord> = site
            .days
            .iter()
            .rev()
            .map(|day| DayRecord {
                date: crate::dates::iso_date(day.date),
                url: urls.of(&Route::Day(day.date)),
                title: day.title.as_deref(),
                description: day.description.as_deref(),
                papers: day
                    .papers
                    .iter()
                    .map(|&p| site.papers[p].id.as_str())
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
            })
            .collect();
        put("data/days.json", serde_json::to_string(&days)?.as_bytes())?;
        Ok(years.len() + 1)
    }
}
