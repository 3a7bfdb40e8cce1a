//! The command line: `kompas [PATH]` opens the app; `kompas check`, `search`, `import`,
//! `export`, `generate`, `notes`, `review`, `voortgang`, `jaarverslag` and `render` are tools that need no window. The
//! argument definitions are in [`args`]; each group of tools has a file of its own.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::load::{self, LoadError, Loaded};
use crate::problem::Problem;

/// Prints a line of a tool's output; see [`write_out`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*), true)
    };
}

/// Prints a tool's output without adding a line end; see [`write_out`].
macro_rules! say_part {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*), false)
    };
}

mod args;
mod compass;
mod notes;
#[cfg(feature = "gui")]
mod render;
mod voortgang;

pub use args::{
    Cli, Command, ExportFormat, InvitationFormat, MapFormat, NotesArgs, NotesCommand, ReportFormat,
    ReviewCommand, SheetFormat, VoortgangCommand,
};

/// Loads the compass at `path`, or the embedded one.
///
/// # Errors
/// Every problem found.
pub fn load_optional(path: Option<&PathBuf>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => crate::mindmap::open(p),
        None => load::load_embedded(),
    }
}

/// Writes a tool's output to standard output.
///
/// `println!` panics when the reader has gone away (`kompas check | grep -q 441`, `| head`).
/// A reader that stopped reading has what it wanted, so the tool ends quietly with success,
/// as a C tool ended by SIGPIPE would, but without making a `pipefail` shell see a failure.
/// Any other write error (a full disk) is said and ends the tool with failure.
#[expect(
    clippy::exit,
    reason = "Output is written from deep inside each tool; a reader that left ends the process \
              here, as SIGPIPE would, rather than threading a write error through every tool."
)]
pub(crate) fn write_out(args: std::fmt::Arguments<'_>, line_end: bool) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| {
            if line_end {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("Kon de uitvoer niet schrijven: {e}");
        std::process::exit(1);
    }
}

/// Runs a command-line tool and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { path } => compass::check(path.as_ref()),
        Command::Search { query, path, limit } => compass::search(&query, path.as_ref(), limit),
        Command::Notes { command } => notes::notes(command),
        #[cfg(feature = "gui")]
        Command::Render {
            out,
            presenting,
            view,
            size,
            theme,
            voortgang,
            notes,
            path,
        } => {
            if presenting {
                render::slides(&out, &size, &theme, path.as_ref())
            } else {
                let shown = render::Shown { notes, voortgang };
                render::render(&out, view.as_deref(), &size, &theme, path.as_ref(), shown)
            }
        }
        Command::Review { command } => notes::review(command),
        Command::PakketBestanden { out } => package_files(&out),
        Command::Voortgang {
            command,
            jaar,
            notes,
            path,
        } => voortgang::voortgang(command, jaar, notes, path),
        Command::Jaarverslag {
            jaar,
            format,
            out,
            notes,
            path,
        } => voortgang::jaarverslag(jaar, format, &out, notes, path),
        Command::Import {
            file,
            out,
            niveaus,
            force,
        } => compass::import(&file, &out, niveaus, replace(force)),
        Command::Export { format, out, path } => compass::export(format, &out, path.as_ref()),
        Command::Publish {
            out,
            jaar,
            notes,
            force,
            path,
        } => compass::publish(&out, replace(force), path.as_ref(), notes.zip(jaar)),
        Command::Generate {
            elements,
            sectors,
            fanout,
            seed,
            out,
            force,
        } => {
            let spec = match (sectors, fanout) {
                (Some(sectors), Some(fanout)) => crate::generate::Spec {
                    sectors,
                    fanout,
                    seed,
                },
                _ => crate::generate::Spec::with_elements(elements, seed),
            };
            match spec.element_count() {
                Some(n) if n <= crate::generate::MAX_ELEMENTS => {}
                count => {
                    eprintln!(
                        "Dat zijn {} elementen; meer dan {} wordt niet gemaakt.",
                        count.map_or_else(|| "ontelbaar veel".to_owned(), |n| n.to_string()),
                        crate::generate::MAX_ELEMENTS
                    );
                    return ExitCode::FAILURE;
                }
            }
            let kompas = crate::generate::synthetic(&spec);
            match crate::write::write_dir(&kompas, &out, replace(force)) {
                Ok(()) => {
                    say!(
                        "{} elementen geschreven naar {}",
                        kompas.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("Kon {} niet schrijven: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Prints every problem on standard error, one per line.
fn print_problems(problems: &[Problem]) {
    for p in problems {
        eprintln!("{p}");
    }
}

fn replace(force: bool) -> crate::write::Replace {
    if force {
        crate::write::Replace::Yes
    } else {
        crate::write::Replace::No
    }
}

/// The man page (from the clap definitions, with `clap_mangen`) and the shell completions
/// (`clap_complete`) that the Debian package installs.
fn package_files(out: &std::path::Path) -> ExitCode {
    use clap::CommandFactory as _;
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(out)?;
        let cmd = Cli::command();
        // kompas.1 and a page per command (kompas-check.1, ...), which kompas.1 refers to.
        clap_mangen::generate_to(cmd.clone(), out)?;
        for (shell, name) in [
            (clap_complete::Shell::Bash, "kompas.bash"),
            (clap_complete::Shell::Zsh, "_kompas"),
            (clap_complete::Shell::Fish, "kompas.fish"),
        ] {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut cmd.clone(), "kompas", &mut text);
            crate::fsio::write_atomic(&out.join(name), &text)?;
        }
        Ok(())
    };
    match write() {
        Ok(()) => {
            say!(
                "Man-pagina en aanvullingen geschreven naar {}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Kon niet schrijven naar {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
