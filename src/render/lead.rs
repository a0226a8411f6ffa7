//! The one line a list shows of a summary: its first sentence, or its first labelled
//! part's text, never a bare label nor a part that only states facts when prose follows.
//! Kept apart from the splitting of labelled parts in `labels.rs`, whose pieces it uses.

use super::labels::{
    ends_sentence, is_bare_label, leading_paragraphs, paragraphs, parts, sentence_end, strip_tags,
    strip_tags_with, trim_breaks,
};

/// The one line a list shows for a summary (inline HTML, fit inside a `<summary>` or a
/// `<p>`), and whether the summary holds more than it. Never a bare label: paragraphs
/// that are only a label ("Summary", "**Key points:**") are passed over; a paragraph of
/// labelled parts gives the sentence before its first part when that is prose, else the
/// first part's text without its label; any other paragraph its first sentence. A
/// sentence longer than `max` bytes of HTML, or a summary that is not a sequence of
/// paragraphs, gives the start of its text cut at a word. `None` when the summary is
/// nothing but labels.
pub fn lead(html: &str, max: usize) -> Option<(String, bool)> {
    let Some(paragraphs) = paragraphs(html) else {
        return text_lead(html, max);
    };
    // Parts that state facts (arXiv's comments line, keywords) are passed over when
    // prose follows them; bare labels always are.
    let past_facts = leading_facts(&paragraphs);
    let skip = if past_facts < paragraphs.len() {
        past_facts
    } else {
        paragraphs.iter().take_while(|p| is_bare_label(p)).count()
    };
    let (first, others) = paragraphs[skip..].split_first()?;
    let parts = parts(first);
    if let [part, _, ..] = parts.as_slice() {
        let before = first[..part.start].trim();
        if ends_sentence(&strip_tags(before)) && !is_bare_label(before) {
            let (lead, _) = sentence_lead(before, max);
            return Some((lead, true));
        }
        // The first part that is not a fact, if one is; the last part runs to the end.
        let at = parts
            .iter()
            .position(|p| !super::fact_labels::opens_with_fact(&strip_tags(&p.label)))
            .unwrap_or(0);
        let end = parts.get(at + 1).map_or(first.len(), |n| n.start);
        let body = trim_breaks(&first[parts[at].body..end])
            .trim_end_matches([',', ';'])
            .trim_end();
        let (lead, _) = sentence_lead(body, max);
        return (!lead.is_empty()).then_some((lead, true));
    }
    let (lead, more) = sentence_lead(first, max);
    Some((lead, more || !others.is_empty()))
}

/// The first sentence of a paragraph's content, or the start of its text cut at a word
/// when that sentence is longer than `max` bytes; and whether the content holds more.
fn sentence_lead(content: &str, max: usize) -> (String, bool) {
    let (lead, rest) = match sentence_end(content) {
        Some((end, next)) => (&content[..end], &content[next..]),
        None => (content, ""),
    };
    if lead.len() > max {
        return cut_text(&strip_tags(content), max);
    }
    (lead.trim().to_string(), !rest.trim().is_empty())
}

/// [`lead`] for HTML that is not a sequence of paragraphs (lists, headings, quotes):
/// the text of its blocks, labels passed over, cut at a word.
fn text_lead(html: &str, max: usize) -> Option<(String, bool)> {
    let text = strip_tags_with(html, |tag| {
        let name = tag.trim_start_matches(['<', '/']);
        [
            "p",
            "li",
            "h",
            "br",
            "div",
            "blockquote",
            "tr",
            "ul",
            "ol",
            "dd",
            "dt",
        ]
        .iter()
        .any(|b| name.starts_with(b))
    });
    let blocks: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .skip_while(|b| is_bare_label(b))
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let (lead, more) = cut_text(&blocks.join(" "), max);
    Some((lead, more || blocks.len() > 1))
}

/// `text` (escaped HTML text, no elements) with its whitespace collapsed and cut at a
/// word to about a third of `max` characters, `…` marking the cut; and whether it was
/// cut. Entities hold no whitespace, so a cut never splits one.
fn cut_text(text: &str, max: usize) -> (String, bool) {
    let text = crate::content::markup::collapse_whitespace(text);
    let cut = crate::content::markup::truncate_words(&text, max * 3 / 5);
    let more = cut.len() != text.len();
    (cut, more)
}

/// How many of `paragraphs` open the text with facts or bare labels, which a lead
/// passes over when prose follows them.
fn leading_facts(paragraphs: &[&str]) -> usize {
    paragraphs
        .iter()
        .take_while(|p| is_bare_label(p) || super::fact_labels::opens_with_fact(&strip_tags(p)))
        .count()
}

/// Where prose starts in `text`, the plain text of the summary `html`: past its
/// leading paragraphs of facts (arXiv's `Comments:` line), as the lead passes them, when
/// prose follows them. A page's meta description and a list's brief start there. 0 when
/// the text opens with prose, or when the end of those facts cannot be found in `text`.
pub fn prose_start(html: &str, text: &str) -> usize {
    // Most summaries open with prose: asked of the text first, at no cost.
    if !super::fact_labels::opens_with_fact(text) {
        return 0;
    }
    // The paragraphs that open the summary, and whatever follows them (a list under a
    // later label is prose too).
    let (paragraphs, rest) = leading_paragraphs(html);
    let past = leading_facts(&paragraphs);
    if past == 0 || past == paragraphs.len() && rest.is_empty() {
        return 0;
    }
    // The facts' text as the plain text writes it: entities decoded; white space of
    // any kind (math writes no-break spaces) matches any.
    let facts: Vec<String> = paragraphs[..past]
        .iter()
        .map(|p| {
            let t = strip_tags(p);
            quick_xml::escape::unescape(&t).map_or_else(|_| t.clone(), |u| u.into_owned())
        })
        .collect();
    let end = prefix_end(text, &facts.join(" ")).unwrap_or(0);
    end + (text.len() - end - text[end..].trim_start().len())
}

/// The byte after `prefix` in `text` when `text` opens with it, a run of white space
/// in either matching a run in the other.
fn prefix_end(text: &str, prefix: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    let mut p = prefix.trim().chars().peekable();
    while let Some(pc) = p.next() {
        if pc.is_whitespace() {
            while p.next_if(|c| c.is_whitespace()).is_some() {}
            t.next_if(|(_, c)| c.is_whitespace())?;
            while t.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        } else if t.next().map(|(_, c)| c) != Some(pc) {
            return None;
        }
    }
    Some(t.peek().map_or(text.len(), |&(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead_of(html: &str) -> (String, bool) {
        lead(html, 400).unwrap_or_else(|| panic!("no lead for {html}"))
    }

    #[test]
    fn a_lead_passes_over_facts_when_prose_follows() {
        let html = "<p><strong>Comments:</strong> 13 pages, 3 figures</p>\
                    <p><strong>What's New:</strong> A corpus of lantern songs. More.</p>";
        assert_eq!(
            lead_of(html),
            (
                "<strong>What's New:</strong> A corpus of lantern songs.".to_string(),
                true
            )
        );
        let html = "<p>Keywords: lanterns. Summary: A corpus of songs. Results: good.</p>";
        assert_eq!(lead_of(html).0, "A corpus of songs.");
        // Nothing but facts: the first is the lead, as before.
        assert_eq!(
            lead_of("<p>Comments: 13 pages, 3 figures</p>").0,
            "Comments: 13 pages, 3 figures"
        );
    }

    #[test]
    fn lead_is_the_first_sentence_and_tells_whether_there_is_more() {
        let html = "<p>First one, e.g. with <em>emphasis. Not here</em>. Second one. Third.</p>\
                    <p>Another.</p>";
        assert_eq!(
            lead_of(html),
            (
                "First one, e.g. with <em>emphasis. Not here</em>.".to_string(),
                true
            )
        );
        assert_eq!(
            lead_of("<p>Only one sentence.</p>"),
            ("Only one sentence.".to_string(), false)
        );
        assert_eq!(
            lead_of("<p>One.</p><p>Two.</p>"),
            ("One.".to_string(), true)
        );
        // Initials do not end a sentence.
        assert_eq!(
            lead_of("<p>By J. Smith et al. The end.</p>").0,
            "By J. Smith et al. The end."
        );
    }

    #[test]
    fn a_sentence_too_long_or_a_list_gives_the_start_of_its_text() {
        let long = format!("<p>{}end.</p>", "word <em>x</em> ".repeat(100));
        let (lead, more) = lead_of(&long);
        assert!(
            lead.starts_with("word x word x") && lead.ends_with('…'),
            "{lead}"
        );
        assert!(more && lead.len() < 260, "{lead}");
        assert_eq!(
            lead_of(
                "<p><strong>Summary</strong></p><ol><li>A model of tasks.</li><li>Two.</li></ol>"
            ),
            ("A model of tasks. Two.".to_string(), true)
        );
        assert_eq!(
            lead_of("<ul><li>Key points:</li><li>It works &amp; fast.</li></ul>"),
            ("It works &amp; fast.".to_string(), false)
        );
    }

    #[test]
    fn a_lead_is_never_a_bare_label() {
        for (html, want) in [
            (
                "<p>Summary</p><p>A model that plans. It works.</p>",
                "A model that plans.",
            ),
            (
                "<p><strong>Key findings:</strong></p><p>Agents plan badly. Often.</p>",
                "Agents plan badly.",
            ),
            (
                "<p>Main objective: To cut verifier cost. Results: 22% of it.</p>",
                "To cut verifier cost.",
            ),
            (
                "<p>Summary: i) a new benchmark of agent tasks; ii) ten models tested on it; \
                 iii) all of them fail at planning.</p>",
                "a new benchmark of agent tasks",
            ),
            (
                "<p>The work has three parts: a) a new dataset of clips, b) a model \
                 trained on it, c) an evaluation on five benchmarks.</p>",
                "a new dataset of clips",
            ),
            (
                "<p>A study of agents. Objective: find Y. Results: Y found.</p>",
                "A study of agents.",
            ),
        ] {
            assert_eq!(lead_of(html), (want.to_string(), true), "{html}");
        }
        assert_eq!(lead("<p>Summary</p>", 400), None);
        assert_eq!(lead("<p><strong>Results:</strong></p>", 400), None);
    }

    #[test]
    fn no_input_panics() {
        for html in super::super::labels::tests::AWKWARD_HTML {
            let _ = lead(html, 10);
            let _ = lead(html, 0);
        }
    }

    #[test]
    fn a_description_starts_past_the_comments_line() {
        let html = "<p><strong>Comments:</strong> 13 pages, 3 figures &amp; 2 tables</p>\n<p><strong>What's New:</strong> A small model.</p>";
        let text = "Comments: 13 pages, 3 figures & 2 tables What's New: A small model.";
        assert_eq!(
            &text[prose_start(html, text)..],
            "What's New: A small model."
        );
        // Prose first, or facts alone: the text is kept whole.
        let html = "<p>A small model.</p><p><strong>Comments:</strong> 13 pages</p>";
        assert_eq!(prose_start(html, "A small model. Comments: 13 pages"), 0);
        let html = "<p><strong>Comments:</strong> 13 pages</p>";
        assert_eq!(prose_start(html, "Comments: 13 pages"), 0);
        // A list after the facts is prose too.
        let html = "<p><strong>Comments:</strong> 13 pages</p><ul><li>A model.</li></ul>";
        let text = "Comments: 13 pages A model.";
        assert_eq!(&text[prose_start(html, text)..], "A model.");
    }

    #[test]
    fn math_in_the_comments_line() {
        let html = "<p><strong>Comments:</strong> Code at <math><mtext><i>this https URL</i></mtext></math></p>\n<p><strong>What's New:</strong> A model.</p>";
        let text = "Comments: Code at this\u{a0}https\u{a0}URL What's New: A model.";
        assert_eq!(&text[prose_start(html, text)..], "What's New: A model.");
    }
}
