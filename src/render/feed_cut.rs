//! Where a feed is cut into documents. It has its own module because the rule is the
//! feeds' promise to readers: a subscription document ends on a day boundary and holds
//! the newest day whole, and its archive documents start where it ends, so no paper is
//! lost between them and none is in two.

use std::ops::Range;

/// Where a feed's entries (oldest first) go: see [`cut`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The subscription document's entries: the newest whole days.
    pub current: Range<usize>,
    /// Each archive document's entries, oldest first; they end where `current` starts.
    pub archives: Vec<Range<usize>>,
}

/// Cuts a feed whose days bring `day_sizes` entries each (oldest first, in entry order)
/// at day boundaries. The subscription document holds the newest days, adding older
/// ones while the total stays within `limit`, and never less than the newest day whole.
/// With `archives`, the entries before it are cut into archive documents the same way
/// from the oldest day: each adds days while it stays within `limit`, and holds at least
/// one. Documents counted from the oldest day only grow at their newest end as days
/// arrive, so every archive document but the newest never changes.
pub fn cut(day_sizes: &[usize], limit: usize, archives: bool) -> Cut {
    let limit = limit.max(1);
    let total: usize = day_sizes.iter().sum();
    let mut held = 0;
    for (k, &n) in day_sizes.iter().enumerate().rev() {
        let first = k + 1 == day_sizes.len();
        if !first && held + n > limit {
            break;
        }
        held += n;
    }
    let start = total - held;
    let mut out = Vec::new();
    if archives {
        let (mut from, mut at) = (0, 0);
        for &n in day_sizes {
            if at >= start {
                break;
            }
            if at > from && at + n - from > limit {
                out.push(from..at);
                from = at;
            }
            at += n;
        }
        if at > from {
            out.push(from..at);
        }
    }
    Cut {
        current: start..total,
        archives: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Day sizes, oldest first, from a small seeded generator (no clock, no crate).
    fn days(seed: u64, n: usize) -> Vec<usize> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                1 + (x >> 33) as usize % 70
            })
            .collect()
    }

    /// Entry positions where a day starts, and the end.
    fn boundaries(sizes: &[usize]) -> Vec<usize> {
        let mut at = 0;
        let mut out = vec![0];
        for n in sizes {
            at += n;
            out.push(at);
        }
        out
    }

    #[test]
    fn a_day_larger_than_the_limit_is_whole_in_the_feed() {
        let c = cut(&[3, 5, 59], 30, true);
        assert_eq!(c.current, 8..67);
        assert_eq!(c.archives, vec![0..8]);
        // Older days join the newest while the limit allows.
        let c = cut(&[10, 12, 9, 8], 30, true);
        assert_eq!(c.current, 10..39);
        assert_eq!(c.archives, vec![0..10]);
        // Everything fits: no archive.
        assert_eq!(
            cut(&[2, 3], 30, true),
            Cut {
                current: 0..5,
                archives: vec![]
            }
        );
        assert_eq!(
            cut(&[], 30, true),
            Cut {
                current: 0..0,
                archives: vec![]
            }
        );
        // Archives off: the same subscription document, nothing behind it.
        assert!(cut(&[3, 5, 59], 30, false).archives.is_empty());
    }

    #[test]
    fn cuts_fall_on_day_boundaries_and_hold_every_entry_once() {
        for seed in 0..200 {
            let sizes = days(seed, (seed % 40) as usize);
            let total: usize = sizes.iter().sum();
            let bounds = boundaries(&sizes);
            for limit in [1, 7, 30, 100] {
                let c = cut(&sizes, limit, true);
                // The archives, then the subscription document: every entry once.
                let mut at = 0;
                for r in c.archives.iter().chain([&c.current]) {
                    assert_eq!(r.start, at, "seed {seed} limit {limit}: {c:?}");
                    assert!(bounds.contains(&r.start) && bounds.contains(&r.end));
                    let days = bounds
                        .iter()
                        .filter(|&&b| b > r.start && b <= r.end)
                        .count();
                    // Within the limit, or one day that is larger.
                    assert!(r.end - r.start <= limit || days == 1, "{c:?}");
                    at = r.end;
                }
                assert_eq!(at, total);
                if let Some(&newest) = sizes.last() {
                    assert!(c.current.len() >= newest);
                    // One more day would not fit.
                    let before = bounds.iter().rev().find(|&&b| b < c.current.start);
                    if let Some(&b) = before {
                        assert!(c.current.end - b > limit, "seed {seed} limit {limit}");
                    }
                }
                for w in c.archives.windows(2) {
                    // An archive is closed only when the next day would not fit.
                    let next = bounds.iter().find(|&&b| b > w[0].end).copied();
                    assert!(next.is_some_and(|n| n - w[0].start > limit), "{c:?}");
                }
                // A new day leaves every archive but the newest as it was.
                let mut more = sizes.clone();
                more.push(1 + (seed as usize * 7) % 50);
                let later = cut(&more, limit, true);
                let kept = c.archives.len().saturating_sub(1);
                assert_eq!(later.archives[..kept], c.archives[..kept], "seed {seed}");
                if let Some(last) = c.archives.last() {
                    assert_eq!(later.archives[kept].start, last.start);
                    assert!(later.archives[kept].end >= last.end);
                }
            }
        }
    }
}
