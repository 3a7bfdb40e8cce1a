//! `kompas notes` and `kompas review`: the notes store and the partner round trip from the
//! command line.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{ExportFormat, NotesArgs, NotesCommand, ReviewCommand, load_optional};
use crate::model::Kompas;
use crate::notes::{self, NotesFile};
use crate::review::{self, ChangeKind, Choice};

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

/// The compass and its notes (path, contents) for these arguments.
fn open(args: &NotesArgs) -> Result<(Kompas, PathBuf, NotesFile), ExitCode> {
    let kompas = match load_optional(args.kompas.as_ref()) {
        Ok(l) => l.kompas,
        Err(e) => {
            for p in &e.problems {
                eprintln!("{p}");
            }
            return Err(fail(format!("{e}; het kompas kan niet worden geopend.")));
        }
    };
    let Some(path) = args
        .notes
        .clone()
        .or_else(|| notes::default_path(&kompas.meta.title))
    else {
        return Err(fail(
            "Geen gebruikersmap gevonden voor de notities; geef --notes BESTAND.",
        ));
    };
    match notes::open(&path) {
        Ok((file, outcome)) => {
            if let Some(m) = outcome.message() {
                eprintln!("{m}");
            }
            Ok((kompas, path, file))
        }
        Err(e) => Err(fail(e)),
    }
}

fn write_out(out: Option<&Path>, text: &str) -> ExitCode {
    if let Some(path) = out {
        match crate::write::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("Geschreven: {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("Kon {} niet schrijven: {e}", path.display())),
        }
    } else {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        ExitCode::SUCCESS
    }
}

/// Runs `kompas notes ...`.
pub(super) fn notes(command: NotesCommand) -> ExitCode {
    match command {
        NotesCommand::Export { format, out, args } => {
            let (kompas, _, file) = match open(&args) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let text = match format {
                ExportFormat::Csv => match notes::to_csv(&file, &kompas) {
                    Ok(t) => t,
                    Err(e) => return fail(format!("CSV maken lukte niet: {e}")),
                },
                ExportFormat::Md => notes::to_markdown(&file, &kompas),
            };
            write_out(out.as_deref(), &text)
        }
    }
}

fn user(by: &str) -> String {
    if by.trim().is_empty() {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "onbekend".into())
    } else {
        by.trim().to_owned()
    }
}

/// Runs `kompas review ...`.
#[expect(
    clippy::too_many_lines,
    reason = "one match over the review subcommands, each a few lines"
)]
pub(super) fn review(command: ReviewCommand) -> ExitCode {
    match command {
        ReviewCommand::Export {
            partner,
            out,
            by,
            args,
        } => {
            let (kompas, _, file) = match open(&args) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let export = review::export_for_partner(&file, &kompas, &partner, &user(&by));
            if export.items.is_empty() {
                return fail(format!(
                    "Aan '{partner}' is niets toegewezen; er is geen bestand gemaakt."
                ));
            }
            match review::write(&out, &export) {
                Ok(()) => {
                    println!(
                        "{} elementen voor {partner} geschreven naar {}",
                        export.items.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("Kon {} niet schrijven: {e}", out.display())),
            }
        }
        ReviewCommand::Import {
            files,
            theirs,
            ours,
            by,
            args,
        } => {
            let (kompas, path, mut store) = match open(&args) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let who = user(&by);
            let mut unresolved = 0;
            for f in &files {
                let file = match review::read(f) {
                    Ok(file) => file,
                    Err(e) => return fail(format!("{}: {e}", f.display())),
                };
                if file.kind != review::ReviewKind::Reactie {
                    return fail(format!(
                        "{}: dit is een uitnodiging, geen reactiebestand van een partner.",
                        f.display()
                    ));
                }
                let plan = review::plan(&store, &file, &kompas.meta.title);
                println!("{} — {} ({})", f.display(), plan.partner, plan.answered);
                if let Some(other) = &plan.other_kompas {
                    println!("  let op: dit bestand hoort bij '{other}'");
                }
                for kind in [
                    ChangeKind::Nieuw,
                    ChangeKind::Gewijzigd,
                    ChangeKind::Ingetrokken,
                    ChangeKind::Gelijk,
                    ChangeKind::Conflict,
                ] {
                    println!("  {:<12} {}", kind.label(), plan.count(kind));
                }
                let mut choices = BTreeMap::new();
                for i in plan.conflicts() {
                    let Some(c) = plan.changes.get(i) else {
                        continue;
                    };
                    println!(
                        "  conflict {} ({:?}): eigen '{}' / partner '{}' (was '{}')",
                        c.id, c.subject, c.ours, c.theirs, c.base
                    );
                    if theirs {
                        choices.insert(i, Choice::Theirs);
                    } else if ours {
                        choices.insert(i, Choice::Ours);
                    }
                }
                let title_of = |id: &str| {
                    kompas
                        .get(id)
                        .map(|ix| kompas.element(ix).title.clone())
                        .unwrap_or_default()
                };
                let applied = review::apply(&mut store, &plan, &choices, &who, &title_of);
                unresolved += applied.unresolved;
                println!(
                    "  opgeslagen: {} reacties, {} statussen",
                    applied.reactions, applied.statuses
                );
            }
            if let Err(e) = notes::save(&path, &store) {
                return fail(e);
            }
            println!("Notities bijgewerkt: {}", path.display());
            if unresolved > 0 {
                println!(
                    "{unresolved} conflict(en) niet toegepast; de reacties zijn wel bewaard. Kies met --theirs of --ours."
                );
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
    }
}
