//! A body's lines, found with `memchr`.
//!
//! Every digest is cut into lines several times (each family's `looks_like`, then the
//! reader that claims it), and `str::lines` and `str::split('\n')` look for the newline
//! with a slower search than `memchr`'s vectorised one. These give the same lines, so
//! testing a long body costs little.

/// The pieces of `body` between newlines, as `body.split('\n')` gives them (a body that
/// ends with a newline has an empty last piece).
pub fn split(body: &str) -> Split<'_> {
    Split {
        rest: Some(body),
        newlines: memchr::memchr_iter(b'\n', body.as_bytes()),
        at: 0,
    }
}

/// The lines of `body` as [`str::lines`] gives them: split at `\n`, the `\r` of a
/// `\r\n` removed, and no empty last line after a final newline.
pub fn lines(body: &str) -> Lines<'_> {
    Lines(split(body))
}

/// The lines of `body` that start with `prefix`, as [`lines`] gives them. A format's
/// detector that reads only such lines (headings) need not visit every line of a long
/// file it does not claim: memchr finds a newline followed by the prefix.
/// [`HashLines`] finds them for the detectors; this is what the tests hold it to.
#[cfg(test)]
pub fn lines_starting_with<'a>(body: &'a str, prefix: &str) -> impl Iterator<Item = Lines<'a>> {
    line_starts(body, prefix).map(move |start| lines(body.get(start..).unwrap_or("")))
}

/// Where each line of `body` that starts with `prefix` starts, in order.
fn line_starts<'a>(body: &'a str, prefix: &str) -> impl Iterator<Item = usize> + 'a {
    let needle = [b"\n", prefix.as_bytes()].concat();
    let finder = memchr::memmem::Finder::new(&needle).into_owned();
    let first = body.starts_with(prefix).then_some(0);
    let mut from = 0;
    let rest = std::iter::from_fn(move || {
        let at = from + finder.find(body.as_bytes().get(from..)?)?;
        from = at + 1;
        Some(at + 1)
    });
    first.into_iter().chain(rest)
}

/// The lines of a body that open with `#`, found in one pass. The native, feed-dump and
/// list detectors each read only lines that open with their heading (`## `, `###`,
/// `#`), and each searched a long file that none of them claims for its own.
pub struct HashLines<'a> {
    body: &'a str,
    starts: Vec<usize>,
}

impl<'a> HashLines<'a> {
    pub fn new(body: &'a str) -> Self {
        HashLines {
            body,
            starts: line_starts(body, "#").collect(),
        }
    }

    /// The lines from each line that starts with `prefix` (which opens with `#`) on, as
    /// [`lines_starting_with`] gives them.
    pub fn starting_with<'p>(&'p self, prefix: &'p str) -> impl Iterator<Item = Lines<'a>> + 'p {
        let body = self.body;
        self.starts
            .iter()
            .map(move |&start| body.get(start..).unwrap_or(""))
            .filter(move |rest| rest.starts_with(prefix))
            .map(lines)
    }
}

/// The iterator of [`lines`].
pub struct Lines<'a>(Split<'a>);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = &mut self.0;
        let body = s.rest?;
        match s.newlines.next() {
            Some(nl) => {
                let line = body.get(s.at..nl)?;
                s.at = nl + 1;
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => {
                s.rest = None;
                body.get(s.at..).filter(|last| !last.is_empty())
            }
        }
    }
}

/// The iterator of [`split`].
pub struct Split<'a> {
    rest: Option<&'a str>,
    newlines: memchr::Memchr<'a>,
    at: usize,
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let body = self.rest?;
        match self.newlines.next() {
            Some(nl) => {
                let line = body.get(self.at..nl);
                self.at = nl + 1;
                line
            }
            None => {
                self.rest = None;
                body.get(self.at..)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_lines_as_std() {
        for body in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\r\n",
            "a\r\nb\r\n\r\n",
            "a\nb",
            "\na\n\nb\n",
            "一\n二\r\n",
            "\r",
            "a\r\r\n",
        ] {
            assert_eq!(
                split(body).collect::<Vec<_>>(),
                body.split('\n').collect::<Vec<_>>(),
                "{body:?}"
            );
            assert_eq!(
                lines(body).collect::<Vec<_>>(),
                body.lines().collect::<Vec<_>>(),
                "{body:?}"
            );
        }
    }

    /// Each item is the lines from one that starts with the prefix on, as `lines`
    /// gives them.
    #[test]
    fn lines_starting_with_a_prefix() {
        for body in [
            "",
            "#",
            "# a\n## b\r\nx\n#c\n ## d\n##",
            "x\n## a\n## b\n",
            "## a",
            "a ## b\n\n##\r\n## c\r",
        ] {
            for prefix in ["#", "## ", "###"] {
                let all: Vec<&str> = lines(body).collect();
                let want: Vec<Vec<&str>> = (0..all.len())
                    .filter(|&i| all[i].starts_with(prefix))
                    .map(|i| all[i..].to_vec())
                    .collect();
                let got: Vec<Vec<&str>> = lines_starting_with(body, prefix)
                    .map(Iterator::collect)
                    .collect();
                assert_eq!(got, want, "{body:?} {prefix:?}");
                let hashed = HashLines::new(body);
                let found: Vec<Vec<&str>> = hashed
                    .starting_with(prefix)
                    .map(Iterator::collect)
                    .collect();
                assert_eq!(found, want, "{body:?} {prefix:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn hash_lines_are_the_lines_starting_with_each_prefix(
            body in "(#{0,4}[ a\r]{0,2}\n?){0,12}",
        ) {
            let hashed = HashLines::new(&body);
            for prefix in ["#", "## ", "###"] {
                let plain: Vec<Vec<&str>> =
                    lines_starting_with(&body, prefix).map(Iterator::collect).collect();
                let found: Vec<Vec<&str>> =
                    hashed.starting_with(prefix).map(Iterator::collect).collect();
                proptest::prop_assert_eq!(found, plain);
            }
        }
    }
}
