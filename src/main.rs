//! The command line: a thin layer over the library, shaped like Zola's.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use papertrail::build::{BuildError, BuildOptions, build, check};
use papertrail::content::native;
use papertrail::diagnostic::Diagnostics;
use papertrail::report;

#[derive(Parser)]
#[command(
    name = "papertrail",
    version,
    about = "Static site generator for daily AI-paper digests"
)]
struct Cli {
    /// Folder holding config.toml and content/.
    #[arg(short, long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build {
        /// Where to write the site [default: <root>/public].
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
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            output_dir,
            base_url,
        } => {
            let output_dir = output_dir.unwrap_or_else(|| cli.root.join("public"));
            run_build(&BuildOptions {
                root: cli.root,
                output_dir,
                base_url,
            })
        }
        Command::Check {
            format,
            deny_warnings,
        } => run_check(&cli.root, format, deny_warnings),
        Command::New { date } => run_new(&cli.root, date.as_deref()),
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{}", report::human(diags));
    }
}

fn run_build(opts: &BuildOptions) -> ExitCode {
    match build(opts) {
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
            if !report.diagnostics.is_empty() {
                eprintln!("{} warning(s)", report.diagnostics.warning_count());
            }
            println!("{}", report.summary());
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) => {
            print_diagnostics(&diags);
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
            eprintln!(
                "{}: {} error(s), {} warning(s)",
                if diags.has_errors() {
                    "check failed"
                } else {
                    "check passed"
                },
                diags.error_count(),
                diags.warning_count()
            );
        }
    }
    if diags.has_errors() || (deny_warnings && !diags.is_empty()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_new(root: &std::path::Path, date: Option<&str>) -> ExitCode {
    let date = match date {
        None => chrono::Local::now().date_naive(),
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                eprintln!("error: `{text}` is not a date like 2025-07-04");
                return ExitCode::FAILURE;
            }
        },
    };
    let path = root
        .join("content")
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
