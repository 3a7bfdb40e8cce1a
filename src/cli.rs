//! The command line: `kompas [PATH]` opens the app, `kompas check [PATH]` checks a compass.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::load::{self, LoadError, Loaded};
use crate::problem::Problem;

/// Kompas: navigeer en werk met een beleidskompas.
#[derive(Debug, Parser)]
#[command(name = "kompas", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Een kompasmap of .ron-bestand om te openen; zonder pad het ingebouwde Sociaal Kompas.
    pub path: Option<PathBuf>,
    /// Wat te doen; zonder opdracht opent de app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The command-line tools.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer een kompas: aantallen per niveau en per sector, en elk probleem.
    Check {
        /// Kompasmap of .ron-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
}

/// Loads the compass at `path`, or the embedded one.
///
/// # Errors
/// Every problem found.
pub fn load_optional(path: Option<&PathBuf>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => load::load_path(p),
        None => load::load_embedded(),
    }
}

/// Runs a command-line tool and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { path } => check(path.as_ref()),
    }
}

fn print_problems(problems: &[Problem]) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "{p}");
    }
}

fn check(path: Option<&PathBuf>) -> ExitCode {
    match load_optional(path) {
        Ok(loaded) => {
            print!("{}", crate::check::report(&loaded.kompas));
            print_problems(&loaded.warnings);
            println!(
                "\nGeen fouten{}.",
                match loaded.warnings.len() {
                    0 => String::new(),
                    1 => ", 1 waarschuwing".to_owned(),
                    n => format!(", {n} waarschuwingen"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_problems(&e.problems);
            let warnings = e.problems.iter().filter(|p| !p.is_error()).count();
            let mut summary = format!("\n{e}");
            if warnings > 0 {
                summary.push_str(&format!(" en {warnings} waarschuwing(en)"));
            }
            eprintln!("{summary}; het kompas kan zo niet worden gebruikt.");
            ExitCode::FAILURE
        }
    }
}
