//! Where in a body a paper mention may stand, found in one pass over the whole body.
//!
//! Every mention the id search matches holds a digit, a dot and a digit in a row,
//! `://pubmed.` or `openreview.` (in any case), and most lines of a digest hold none of them.
//! Asking each line for them took two searches a line; the body is searched for them once instead, and
//! a line whose bytes hold no such spot is known to hold no mention.

/// The spots of a body, in order, asked about its lines in order.
pub struct MentionSpots {
    /// Byte offsets of each dot between two digits and each dot of `://pubmed.` and
    /// `openreview.`.
    spots: Vec<usize>,
    /// The first spot not before the last line asked about.
    next: usize,
}

impl MentionSpots {
    pub fn new(body: &str) -> Self {
        let b = body.as_bytes();
        let spots: Vec<usize> = memchr::memchr_iter(b'.', b)
            .filter(|&i| {
                i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                    // The dots of `://pubmed.` and `openreview.`, in any case
                    // (`OPENREVIEW.NET`), met on the same pass over the dots: a search
                    // of its own cost as much as this pass, and one by the `o`s of the
                    // text many times more.
                    || i >= 9
                        && b[i - 1] | 0x20 == b'd'
                        && b[i - 9..i].eq_ignore_ascii_case(b"://pubmed")
                    || i >= 10
                        && b[i - 1] | 0x20 == b'w'
                        && b[i - 10..i].eq_ignore_ascii_case(b"openreview")
            })
            .collect();
        MentionSpots { spots, next: 0 }
    }

    /// Whether bytes `start..end` of the body hold a spot. Lines are asked in order:
    /// `start` never goes back.
    pub fn any_in(&mut self, start: usize, end: usize) -> bool {
        while self.spots.get(self.next).is_some_and(|&s| s < start) {
            self.next += 1;
        }
        self.spots.get(self.next).is_some_and(|&s| s < end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ids, lines::classify};

    /// A line the id search finds a mention in is never passed over, whatever the kind
    /// of mention, its case, or the line's markup.
    #[test]
    fn every_line_with_a_mention_may_name_a_paper() {
        let mentions = [
            "2401.12345",
            "arXiv:2401.12345v2",
            "ARXIV:2401.12345",
            "ArXiv ID: 2401.12345",
            "[A Title](https://arxiv.org/abs/2401.12345)",
            "https://huggingface.co/papers/2401.12345",
            "HTTPS://HUGGINGFACE.CO/PAPERS/2401.12345",
            "alphaxiv.org/abs/2401.12345",
            "[OR](https://openreview.net/forum?id=Ab_c-1)",
            "https://doi.org/10.1145/3581783.3612",
            "https://www.biorxiv.org/content/10.1101/2024.01.02.123v2",
            "https://pubmed.ncbi.nlm.nih.gov/40000001/",
        ];
        let shapes = [
            "{m}",
            "- {m}",
            "## 1. {m}",
            "> **Link:** {m}",
            "| x | {m} |",
            "   see {m} here.",
        ];
        for m in mentions {
            for shape in shapes {
                let line = shape.replace("{m}", m);
                let body = format!("# Day\n\nSome prose. 1.5 more\n{line}\nMore prose\n");
                let lines = classify(&body, 1);
                let mut found = false;
                for l in &lines {
                    if !ids::find(l.text()).is_empty() {
                        found = true;
                        assert!(l.may_name_paper, "{line:?}: {:?}", l.text());
                    }
                }
                assert!(found, "{line:?}");
            }
        }
    }

    #[test]
    fn lines_without_a_spot_name_no_paper() {
        let body = "# A title\n\n- a list, v2, www.example.org\nText. With 1. a number\n";
        assert!(classify(body, 1).iter().all(|l| !l.may_name_paper));
        let body = "x\n1.2\nopenreview.net/forum?id=a\nOPENREVIEW.NET/forum?id=b\nopenreview\n\n";
        let flags: Vec<bool> = classify(body, 1).iter().map(|l| l.may_name_paper).collect();
        assert_eq!(flags, [false, true, true, true, false, false, false]);
    }
}
