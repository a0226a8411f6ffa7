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
use super::json;
use super::urls::Route;
use crate::content::arxiv;
use crate::model::Paper;
use crate::search::doc_order;

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
    /// Appends `p`'s line of the export, without its newline: the JSON object
    /// `{id, title, url, authors, tags, days, gist, summary, abstract, note, arxiv, pdf,
    /// hf, code}` in that order, as serde_json would write it compact.
    fn push_paper_record(&self, out: &mut Vec<u8>, p: &'a Paper) {
        let site = self.ctx.site;
        let text = |m: &'a Option<crate::content::Markup>| m.as_ref().map(|m| m.text.as_str());
        out.extend_from_slice(b"{\"id\":");
        json::push_str(out, &p.id);
        out.extend_from_slice(b",\"title\":");
        json::push_str(out, &p.title);
        out.extend_from_slice(b",\"url\":");
        json::push_str(out, &self.ctx.urls.of(&Route::Paper(&p.id)));
        out.extend_from_slice(b",\"authors\":");
        json::push_str_array(out, p.authors.iter().map(String::as_str));
        out.extend_from_slice(b",\"tags\":");
        json::push_str_array(out, p.tags.iter().map(|&t| site.tags[t].name.as_str()));
        out.extend_from_slice(b",\"days\":");
        let days: Vec<String> = p.days.iter().map(|&d| crate::dates::iso_date(d)).collect();
        json::push_str_array(out, days.iter().map(String::as_str));
        for (name, value) in [
            (&b",\"gist\":"[..], text(&p.gist)),
            (b",\"summary\":", text(&p.summary)),
            (b",\"abstract\":", text(&p.abstract_)),
            (b",\"note\":", text(&p.note)),
        ] {
            out.extend_from_slice(name);
            json::push_opt_str(out, value);
        }
        out.extend_from_slice(b",\"arxiv\":");
        json::push_str(out, &arxiv::abs_url(&p.id));
        out.extend_from_slice(b",\"pdf\":");
        json::push_str(out, &arxiv::pdf_url(&p.id));
        out.extend_from_slice(b",\"hf\":");
        json::push_str(out, &arxiv::hf_url(&p.id));
        out.extend_from_slice(b",\"code\":");
        json::push_opt_str(out, p.code.as_deref());
        out.push(b'}');
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
                self.push_paper_record(&mut ndjson, &site.papers[p]);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A paper's line as it was written through serde, the statement the hand-written
    /// one is held to.
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
        code: Option<&'a str>,
    }

    #[test]
    fn paper_lines_are_what_serde_json_writes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (config, site, _) = crate::build::load_site(root, None).expect("demo loads");
        let theme = super::super::theme::Theme::load(root, &config.theme).expect("theme");
        let urls = super::super::urls::Urls::new(&config.base_url);
        let renderer = Renderer::new(&site, &config, &urls, &theme);
        let text = |m: &'_ Option<crate::content::Markup>| m.as_ref().map(|m| m.text.clone());
        let mut with_code = 0;
        for p in &site.papers {
            let (gist, summary, abstract_, note) = (
                text(&p.gist),
                text(&p.summary),
                text(&p.abstract_),
                text(&p.note),
            );
            let record = PaperRecord {
                id: &p.id,
                title: &p.title,
                url: urls.of(&Route::Paper(&p.id)),
                authors: &p.authors,
                tags: p.tags.iter().map(|&t| site.tags[t].name.as_str()).collect(),
                days: p.days.iter().map(|&d| crate::dates::iso_date(d)).collect(),
                gist: gist.as_deref(),
                summary: summary.as_deref(),
                abstract_: abstract_.as_deref(),
                note: note.as_deref(),
                arxiv: arxiv::abs_url(&p.id),
                pdf: arxiv::pdf_url(&p.id),
                hf: arxiv::hf_url(&p.id),
                code: p.code.as_deref(),
            };
            let mut line = Vec::new();
            renderer.push_paper_record(&mut line, p);
            assert_eq!(
                String::from_utf8(line).unwrap(),
                serde_json::to_string(&record).unwrap(),
                "{}",
                p.id
            );
            with_code += usize::from(p.code.is_some());
        }
        assert!(site.papers.len() > 50 && with_code > 0);
    }
}
