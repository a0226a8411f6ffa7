//! The command line: a thin layer over the library, shaped like Zola's.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use papertrail::build::{BuildError, BuildOptions, build};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            output_dir,
            base_url,
        } => {
            let output_dir = output_dir.unwrap_or_else(|| cli.root.join("public"));
            let opts = BuildOptions {
                root: cli.root,
                output_dir,
                base_url,
            };
            match build(&opts) {
                Ok(report) => {
                    eprint!("{}", report.diagnostics);
                    if !report.diagnostics.is_empty() {
                        eprintln!("{} warning(s)", report.diagnostics.warning_count());
                    }
                    println!("{}", report.summary());
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diags)) => {
                    eprint!("{diags}");
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
    }
}
