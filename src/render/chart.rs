//! Papers per month as a small static chart, for tag pages and the archive page.
//!
//! A topic's rise and fall over the years is what a list of pages cannot show. The chart
//! is inline SVG written at build time: no script, no image file to fetch, bars in the
//! colour the theme's CSS gives it (`currentColor`, so dark mode follows the page), and
//! its numbers in words
//! beside it (a caption naming the total, the span and the busiest month), which is what
//! a screen reader reads; the SVG itself is `role="img"` with the same words.

use std::fmt::Write;

/// Months shown as short names in the caption.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Width of the drawing, in SVG units; it scales to the column.
const WIDTH: usize = 600;
/// Height of the tallest bar.
const BARS: usize = 64;
/// Room under the bars for a row of labels (month names, years).
const AXIS: usize = 14;
/// Widest room for one month: a chart of a few months stays small.
const MAX_STEP: f64 = 40.0;

/// A `<figure>` with the chart of `counts` (papers per `(year, month)`, ascending, months
/// without papers may be absent), or `None` when they span fewer than two months (one
/// bar says nothing a count does not). `what` names the papers ("papers tagged Video").
pub fn per_month(counts: &[((i32, u32), usize)], what: &str) -> Option<String> {
    let (&(first, _), &(last, _)) = (counts.first()?, counts.last()?);
    let span = month_index(last) - month_index(first) + 1;
    if span < 2 {
        return None;
    }
    let mut bars = vec![0usize; usize::try_from(span).ok()?];
    for &(ym, n) in counts {
        let at = usize::try_from(month_index(ym) - month_index(first)).ok()?;
        if let Some(b) = bars.get_mut(at) {
            *b += n;
        }
    }
    let total: usize = bars.iter().sum();
    let max = bars.iter().copied().max().unwrap_or(0).max(1);
    let (busiest, busiest_n) = bars
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
        .map_or((0, 0), |(i, &n)| (i, n));
    let name = |i: usize| {
        let m = month_index(first) + i as i64;
        format!("{} {}", MONTHS[m.rem_euclid(12) as usize], m.div_euclid(12))
    };
    let caption = format!(
        "{} per month, {} to {}: {total} in all; the busiest month was {} with {busiest_n}.",
        super::escape::html(what),
        name(0),
        name(bars.len() - 1),
        name(busiest),
    );
    // A short span draws narrow bars at the left, not a few wide blocks.
    let step = (WIDTH as f64 / bars.len() as f64).min(MAX_STEP);
    let width = (step * bars.len() as f64).ceil();
    let bar = (step * 0.8).max(0.5);
    // Up to a year, each bar is named; longer spans name their years.
    let named = bars.len() <= 12;
    let height = BARS + if named { 2 * AXIS } else { AXIS };
    let mut svg = String::with_capacity(64 * bars.len() + 512);
    let _ = write!(
        svg,
        r#"<figure class="chart"><svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{caption}" fill="currentColor">"#,
    );
    for (i, &n) in bars.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let h = (n * BARS).div_ceil(max);
        let _ = write!(
            svg,
            r#"<rect x="{:.1}" y="{}" width="{bar:.1}" height="{h}"/>"#,
            i as f64 * step,
            BARS - h
        );
    }
    let label = |svg: &mut String, i: usize, row: usize, text: &str| {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{}" font-size="11">{text}</text>"#,
            i as f64 * step,
            BARS + row * AXIS - 2,
        );
    };
    if named {
        for i in 0..bars.len() {
            let m = month_index(first) + i as i64;
            label(&mut svg, i, 1, MONTHS[m.rem_euclid(12) as usize]);
            if i == 0 || m.rem_euclid(12) == 0 {
                label(&mut svg, i, 2, &m.div_euclid(12).to_string());
            }
        }
    } else {
        // A label under each January (and under the first bar), thinned to fit.
        let years = bars.len().div_ceil(12);
        let every = years.div_ceil(10).max(1);
        for i in 0..bars.len() {
            let m = month_index(first) + i as i64;
            if i == 0 || m.rem_euclid(12) == 0 && m.div_euclid(12) % every as i64 == 0 {
                // The first label stands alone only when the next January is far enough.
                if i == 0 && m.rem_euclid(12) > 8 {
                    continue;
                }
                label(&mut svg, i, 1, &m.div_euclid(12).to_string());
            }
        }
    }
    let _ = write!(svg, "</svg><figcaption>{caption}</figcaption></figure>");
    Some(svg)
}

/// Months since year 0, so that spans and steps are plain subtraction.
fn month_index((year, month): (i32, u32)) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_month_with_papers_and_words_for_readers() {
        let svg = per_month(
            &[((2024, 11), 3), ((2025, 1), 6), ((2025, 2), 1)],
            "papers tagged <Video>",
        )
        .expect("a chart");
        // Nov, (Dec empty), Jan, Feb: three bars over four months.
        assert_eq!(svg.matches("<rect ").count(), 3, "{svg}");
        assert!(svg.contains(r#"height="64""#), "{svg}");
        let caption = "papers tagged &lt;Video&gt; per month, Nov 2024 to Feb 2025: 10 in all; \
                       the busiest month was Jan 2025 with 6.";
        assert!(
            svg.contains(&format!("<figcaption>{caption}</figcaption>")),
            "{svg}"
        );
        assert!(svg.contains(&format!(r#"aria-label="{caption}""#)), "{svg}");
        assert!(svg.contains(">2025</text>"), "{svg}");
        // Four months: each named, narrow bars rather than blocks across the page.
        assert!(
            svg.contains(">Nov</text>") && svg.contains(">Feb</text>"),
            "{svg}"
        );
        assert!(svg.contains(r#"viewBox="0 0 160 92""#), "{svg}");
    }

    #[test]
    fn a_single_month_is_no_chart() {
        assert_eq!(per_month(&[((2025, 1), 6)], "papers"), None);
        assert_eq!(per_month(&[], "papers"), None);
    }

    #[test]
    fn years_are_thinned_on_long_spans() {
        let counts: Vec<((i32, u32), usize)> = (2000..2030)
            .flat_map(|y| (1..=12).map(move |m| ((y, m), 1)))
            .collect();
        let svg = per_month(&counts, "papers").expect("a chart");
        assert_eq!(svg.matches("<rect ").count(), 360);
        assert!(svg.matches("<text ").count() <= 11, "{svg}");
        assert!(svg.contains(r#"viewBox="0 0 600 78""#), "{svg}");
        assert!(!svg.contains(">Jan</text>"), "{svg}");
    }
}
