//! The command line: a thin layer over the library, shaped like Zola's.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use papertrail::build::{BuildError, BuildOptions, build, check};
use papertrail::config::Config;
use papertrail::content::native;
use papertrail::diagnostic::Diagnostics;
use papertrail::report;

/// Rendering makes many short-lived strings on several threads, and glibc's allocator
/// spent a large share of a build's CPU in malloc and free; mimalloc spends much less
/// (benches/README.md has the figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks for transparent huge pages, and the kernel then faults in and zeroes
/// 2 MiB at a time where a build touches a few KiB of each: a much higher peak memory
/// for no gain in speed. Off for this process.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

#[derive(Parser)]
#[command(
    name = "papertrail",
    version,
    about = "Static site generator for daily AI-paper digests"
)]
struct Cli {
    /// Folder holding config.toml and the content folder.
    #[arg(short, long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build {
        /// Where to write the site [default: `output_dir` of config.toml, <root>/public].
        #[arg(short, long)]
        output_dir: Option<PathBuf>,
        /// Publish under this URL instead of config.toml's base_url.
        #[arg(short = 'u', long)]
        base_url: Option<String>,
    },
    /// Read and check everything, write nothing; exit 1 on errors.
    Check {
        /// `human` (rustc style) or `json` (one object on stdout, for bots).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write a new day file in papertrail's own format (refuses to overwrite).
    New {
        /// The day, YYYY-MM-DD [default: today].
        date: Option<String>,
    },
    /// Build into memory and serve it, rebuilding and live-reloading on every change.
    Serve {
        /// Address to listen on.
        #[arg(short, long, default_value = "127.0.0.1")]
        interface: String,
        /// Port to listen on (0 picks a free one).
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
    },
    /// Add the items of RSS 2.0, Atom or JSON Feed documents to the day files in the
    /// content folder (appends; never rewrites; importing twice adds nothing).
    Import {
        /// Feed files to read; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Put every item on this day (YYYY-MM-DD) instead of the day of its date.
        #[arg(long)]
        date: Option<String>,
    },
    /// Make a folder (a bot's repository, or an empty one) a site published with GitHub
    /// Pages: writes config.toml, the Pages workflow and .gitignore lines; never
    /// overwrites anything.
    Init {
        /// The folder [default: the root, `.`].
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            output_dir,
            base_url,
        } => run_build(&BuildOptions {
            root: cli.root,
            output_dir,
            base_url,
        }),
        Command::Check {
            format,
            deny_warnings,
        } => run_check(&cli.root, format, deny_warnings),
        Command::New { date } => run_new(&cli.root, date.as_deref()),
        Command::Serve { interface, port } => {
            let opts = papertrail::serve::ServeOptions {
                root: cli.root,
                interface,
                port,
            };
            match papertrail::serve::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import { files, date } => run_import(&cli.root, &files, date.as_deref()),
        Command::Init { dir } => run_init(&dir.unwrap_or(cli.root)),
    }
}

fn run_init(dir: &std::path::Path) -> ExitCode {
    match papertrail::init::init(dir) {
        Ok(done) => {
            // A short report (at most 25 lines), failing when the site would not publish.
            let checked = papertrail::init::check_site(dir);
            print!("{}", done.report(&checked));
            if done.failure(&checked).is_some() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// config.toml under `root`, or its problems printed.
fn load_config(root: &std::path::Path) -> Result<Config, ExitCode> {
    Config::load(root).map_err(|diags| {
        print_diagnostics(&diags);
        ExitCode::FAILURE
    })
}

fn run_import(root: &std::path::Path, files: &[PathBuf], date: Option<&str>) -> ExitCode {
    let date = match date.map(parse_day) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(message)) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut items = Vec::new();
    for file in files {
        let bytes = if file.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
        } else {
            std::fs::read(file)
        };
        let read = bytes
            .map_err(anyhow::Error::from)
            .and_then(|b| papertrail::import::read_feed(&b, date));
        match read {
            Ok(found) => items.extend(found),
            Err(e) => {
                eprintln!("error: {}: {e:#}", file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let config = match load_config(root) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match papertrail::import::import(&config.content_path(root), &config.ignored, items) {
        Ok(report) => {
            for p in &report.problems {
                eprintln!("warning: {p}");
            }
            for (path, n, created) in &report.files {
                println!(
                    "{} {} ({n} item(s))",
                    if *created { "created" } else { "appended to" },
                    papertrail::diagnostic::display_path(path)
                );
            }
            println!("{}", report.summary());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{}", report::human(diags));
    }
}

/// A build's log: every error in full (each must be fixed), warnings one line per kind.
fn print_build_diagnostics(diags: &Diagnostics) {
    print_diagnostics(&diags.errors_only());
    eprint!("{}", report::summary(diags));
}

fn run_build(opts: &BuildOptions) -> ExitCode {
    match build(opts) {
        Ok(report) => {
            print_build_diagnostics(&report.diagnostics);
            println!("{}", report.summary());
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_build_diagnostics(&diags);
            eprintln!(
                "error: build failed with {} error(s) and {} warning(s); the previous output was left untouched",
                diags.error_count(),
                diags.warning_count()
            );
            ExitCode::FAILURE
        }
        Err(BuildError::Other(e)) => {
            eprintln!("error: {e:#}");
            eprintln!("the previous output was left untouched");
            ExitCode::FAILURE
        }
    }
}

fn run_check(root: &std::path::Path, format: Format, deny_warnings: bool) -> ExitCode {
    let diags = check(root);
    match format {
        Format::Json => println!("{}", report::json(&diags)),
        Format::Human => {
            print_diagnostics(&diags);
            eprintln!("{}", check_line(&diags));
        }
    }
    if diags.has_errors() || (deny_warnings && !diags.is_empty()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `check`'s one-line result.
fn check_line(diags: &Diagnostics) -> String {
    format!(
        "{}: {} error(s), {} warning(s)",
        if diags.has_errors() {
            "check failed"
        } else {
            "check passed"
        },
        diags.error_count(),
        diags.warning_count()
    )
}

fn run_new(root: &std::path::Path, date: Option<&str>) -> ExitCode {
    let date = match date {
        None => chrono::Local::now().date_naive(),
        Some(text) => match parse_day(text) {
            Ok(d) => d,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::FAILURE;
            }
        },
    };
    let config = match load_config(root) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let path = config
        .content_path(root)
        .join(date.format("%Y/%m").to_string())
        .join(format!("{}.md", date.format("%Y-%m-%d")));
    let write = || -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        std::io::Write::write_all(&mut file, native::new_day_file(date, &[]).as_bytes())
    };
    match write() {
        Ok(()) => {
            println!("{}", papertrail::diagnostic::display_path(&path));
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; edit it, or add papers to it by hand",
                papertrail::diagnostic::display_path(&path)
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!(
                "error: cannot write {}: {e}",
                papertrail::diagnostic::display_path(&path)
            );
            ExitCode::FAILURE
        }
    }
}

/// A day given as YYYY-MM-DD on the command line, or what is wrong with it: a day the
/// calendar does not have is told apart from text that is not a date at all.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    // chrono reads `26-1-1` as the year 26; nobody files a digest then, so a year must
    // have its four digits, and a short one is told how to write it.
    if let [y, m, d] = parts[..]
        && [y, m, d]
            .iter()
            .all(|p| !p.is_empty() && digits(p, p.len()))
        && !(y.len() == 4 && m.len() <= 2 && d.len() <= 2)
    {
        return Err(format!(
            "`{text}` is not a date like 2025-07-04: write it as YYYY-MM-DD, with a 4-digit year"
        ));
    }
    if digits(parts[0], 4)
        && let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
    {
        return Ok(date);
    }
    if let [y, m, d] = parts[..]
        && digits(y, 4)
        && digits(m, 2)
        && digits(d, 2)
        && let (Ok(year), Ok(month)) = (y.parse::<i32>(), m.parse::<u32>())
    {
        let first = NaiveDate::from_ymd_opt(year, month, 1);
        let next = NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1);
        return Err(match (first, next) {
            (Some(first), Some(next)) => format!(
                "{text} does not exist: {} {year} has {} days",
                first.format("%B"),
                (next - first).num_days()
            ),
            _ => format!("{text} does not exist: there is no month {m}"),
        });
    }
    Err(format!("`{text}` is not a date like 2025-07-04"))
}
