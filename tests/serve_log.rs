//! What `papertrail serve` prints: the site's warnings one line per kind, as `build`
//! does, at start and after each rebuild; never one line per warning (a long archive
//! has thousands).

mod common;

use std::cell::RefCell;

use common::Site;
use common::server::Server;

/// A row whose summary opens with an LLM's preamble (a `llm-preamble` warning).
fn row(id: u32, title: &str) -> String {
    format!(
        "| {title} (Read more on [arXiv](https://arxiv.org/abs/2507.{id:05})) | Ann A | Here's a summary of the paper following your guidelines: {title} is studied. |\n"
    )
}

fn day(date: &str, rows: &[String]) -> String {
    format!(
        "## Papers for {date}\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n{}",
        rows.concat()
    )
}

/// Whether `line` is one warning printed on its own (`path:line:col: warning[kind]: …`).
fn single_warning(line: &str) -> bool {
    line.contains(": warning[")
}

#[test]
fn serve_prints_the_warning_summary_at_start_and_after_each_rebuild() {
    let site = Site::new(
        "title = \"Serve log\"\nbase_url = \"https://example.org/\"\n",
        &[
            (
                "content/2025-07-04.md",
                &day("2025-07-04", &[row(1, "Alpha"), row(2, "Beta")]),
            ),
            (
                "content/2025-07-05.md",
                &day("2025-07-05", &[row(3, "Gamma")]),
            ),
        ],
    );
    // What `build` prints of them, the line to expect from serve too.
    let built = site.build_ok(&[]);
    let kind_line = built
        .lines()
        .find(|l| l.starts_with("warning[llm-preamble]: "))
        .unwrap_or_else(|| panic!("no summary line in:\n{built}"))
        .to_string();
    assert!(kind_line.contains("3 × "), "{kind_line}");

    let mut server = Server::start(&site);
    server.startup_or_next_line(|l| l == kind_line);
    // Warnings go to stderr and the banner to stdout, read by two threads: the count
    // may arrive just after the banner.
    server.startup_or_next_line(|l| l.starts_with("3 warning(s); run `papertrail check`"));
    assert!(!server.startup.iter().any(|l| single_warning(l)));

    // A fourth in a new row: the summary after the rebuild counts every file's.
    site.write(
        "content/2025-07-05.md",
        day("2025-07-05", &[row(3, "Gamma"), row(4, "Delta")]).as_bytes(),
    );
    let seen = RefCell::new(Vec::new());
    let line = server.wait_line(|l| {
        seen.borrow_mut().push(l.to_string());
        l.starts_with("warning[llm-preamble]: ")
    });
    assert!(
        line.contains("4 × ") && line.contains("content/2025-07-04.md:"),
        "{line}"
    );
    server.wait_line(|l| {
        seen.borrow_mut().push(l.to_string());
        l.starts_with("4 warning(s); run `papertrail check`")
    });
    let seen = seen.into_inner();
    assert!(!seen.iter().any(|l| single_warning(l)), "{seen:?}");

    // The file that had two loses them: the summary counts what is left.
    site.write(
        "content/2025-07-04.md",
        day("2025-07-04", &[]).replace("|-------|---------|---------|\n", "|-------|---------|---------|\n| Plain (Read more on [arXiv](https://arxiv.org/abs/2507.00001)) | Ann A | Plain text. |\n").as_bytes(),
    );
    let line = server.wait_line(|l| l.starts_with("warning[llm-preamble]: "));
    assert!(
        line.contains("2 × ") && line.contains("content/2025-07-05.md:"),
        "{line}"
    );
}

/// A paper one file links without an entry is reported until another file publishes it,
/// and again when that file drops it: the edited file is not the one warned about.
#[test]
fn serve_settles_unread_papers_against_every_file_after_an_edit() {
    let footer = "\nAlso worth a look this week: https://arxiv.org/abs/2507.00099\n";
    let site = Site::new(
        "title = \"Serve log\"\nbase_url = \"https://example.org/\"\n",
        &[
            (
                "content/2025-07-04.md",
                &(day("2025-07-04", &[row(1, "Alpha")]) + footer),
            ),
            (
                "content/2025-07-05.md",
                &day("2025-07-05", &[row(3, "Gamma")]),
            ),
        ],
    );
    let mut server = Server::start(&site);
    let line = server.startup_or_next_line(|l| l.starts_with("warning[unread-papers]: "));
    assert!(
        line.contains("1 × ") && line.contains("content/2025-07-04.md:"),
        "{line}"
    );
    // Two preambles, the footer's line as stray text, and the unread paper.
    server.startup_or_next_line(|l| l.starts_with("4 warning(s); run `papertrail check`"));

    // The other file lists the paper: the first file's warning goes.
    site.write(
        "content/2025-07-05.md",
        day("2025-07-05", &[row(3, "Gamma"), row(99, "Omega")]).as_bytes(),
    );
    let seen = RefCell::new(Vec::new());
    // Three preambles and the stray line.
    server.wait_line(|l| {
        seen.borrow_mut().push(l.to_string());
        l.starts_with("4 warning(s); run `papertrail check`")
    });
    let seen = seen.into_inner();
    assert!(
        !seen.iter().any(|l| l.starts_with("warning[unread-papers]")),
        "{seen:?}"
    );

    // And drops it again: the warning is back, though its file did not change.
    site.write(
        "content/2025-07-05.md",
        day("2025-07-05", &[row(3, "Gamma")]).as_bytes(),
    );
    let line = server.wait_line(|l| l.starts_with("warning[unread-papers]: "));
    assert!(line.contains("content/2025-07-04.md:"), "{line}");
}

/// Kinds `[lint] allow` silences are left out of serve's summary, as of build's, at start
/// and after a rebuild.
#[test]
fn serve_leaves_allowed_kinds_out_of_its_summary() {
    let site = Site::new(
        "title = \"Serve log\"\nbase_url = \"https://example.org/\"\n[lint]\nallow = [\"llm-preamble\"]\n",
        &[
            (
                "content/2025-07-04.md",
                &day("2025-07-04", &[row(1, "Alpha"), row(2, "Beta")]),
            ),
            ("content/2025-07-05.md", &day("2025-07-05", &[])),
        ],
    );
    let built = site.build_ok(&[]);
    assert!(!built.contains("llm-preamble"), "{built}");
    assert!(built.contains("warning[empty-day]: "), "{built}");

    let mut server = Server::start(&site);
    // Warnings go to stderr and the banner to stdout, read by two threads: some may
    // arrive after the start-up lines, so every line up to the count is kept.
    let count = |l: &str| l.starts_with("1 warning(s); run `papertrail check`");
    let seen = RefCell::new(server.startup.clone());
    if !server.startup.iter().any(|l| count(l)) {
        server.wait_line(|l| {
            seen.borrow_mut().push(l.to_string());
            count(l)
        });
    }
    let seen = seen.into_inner();
    assert!(
        seen.iter().any(|l| l.starts_with("warning[empty-day]: ")),
        "{seen:?}"
    );
    assert!(!seen.iter().any(|l| l.contains("llm-preamble")), "{seen:?}");

    site.write(
        "content/2025-07-04.md",
        day(
            "2025-07-04",
            &[row(1, "Alpha"), row(2, "Beta"), row(3, "Gamma")],
        )
        .as_bytes(),
    );
    let seen = RefCell::new(Vec::new());
    server.wait_line(|l| {
        seen.borrow_mut().push(l.to_string());
        l.starts_with("1 warning(s); run `papertrail check`")
    });
    let seen = seen.into_inner();
    assert!(!seen.iter().any(|l| l.contains("llm-preamble")), "{seen:?}");
}
