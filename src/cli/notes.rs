//! `kompas notes` and `kompas review`: the notes store and the partner round trip from the
//! command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{
    ExportFormat, InvitationFormat, NotesArgs, NotesCommand, ReviewCommand, load_optional,
};
use crate::model::Kompas;
use crate::notes;
use crate::review::{self, ChangeKind, Choice};
use crate::text::count;

pub(super) fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

/// The compass and where its notes are, for these arguments.
pub(super) fn locate(args: &NotesArgs) -> Result<(Kompas, PathBuf), ExitCode> {
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
    Ok((kompas, path))
}

pub(super) fn write_out(out: Option<&Path>, text: &str) -> ExitCode {
    if let Some(path) = out {
        match crate::write::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("Geschreven: {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("Kon {} niet schrijven: {e}", path.display())),
        }
    } else {
        say_part!("{text}");
        ExitCode::SUCCESS
    }
}

/// Runs `kompas notes ...`.
pub(super) fn notes(command: NotesCommand) -> ExitCode {
    match command {
        NotesCommand::Export { format, out, args } => {
            let (kompas, path) = match locate(&args) {
                Ok(x) => x,
                Err(code) => return code,
            };
            // Reading to export never changes anything on disk.
            let file = match notes::open_read_only(&path) {
                Ok(f) => f,
                Err(e) => return fail(e),
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

pub(super) fn user(by: &str) -> String {
    if by.trim().is_empty() {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| notes::UNKNOWN_USER.into())
    } else {
        by.trim().to_owned()
    }
}

/// Runs `kompas review ...`.
pub(super) fn review(command: ReviewCommand) -> ExitCode {
    match command {
        ReviewCommand::Export {
            partner,
            out,
            by,
            met_notities,
            jaar,
            format,
            args,
        } => {
            let share = if met_notities {
                review::ShareNotes::Yes
            } else {
                review::ShareNotes::No
            };
            if jaar.is_some_and(|y| !notes::YEARS.contains(&y)) {
                return fail("Dat is geen jaar.");
            }
            export(&partner, &out, &user(&by), (share, jaar, format), &args)
        }
        ReviewCommand::Import {
            files,
            theirs,
            ours,
            by,
            args,
        } => {
            let choice = match (theirs, ours) {
                (true, _) => Some(Choice::Theirs),
                (_, true) => Some(Choice::Ours),
                _ => None,
            };
            import(&files, choice, &user(&by), &args)
        }
    }
}

/// Writes the invitation for `partner` and records it in the notes, under the lock.
fn export(
    partner: &str,
    out: &Path,
    who: &str,
    (share, jaar, format): (review::ShareNotes, Option<i32>, InvitationFormat),
    args: &NotesArgs,
) -> ExitCode {
    let (kompas, path) = match locate(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let done = notes::update(&path, |store| {
        let (invitation, file) = review::invite_for_year(store, &kompas, partner, who, share, jaar);
        if file.items.is_empty() {
            return Err(format!(
                "Aan '{}' is niets toegewezen; er is geen bestand gemaakt.",
                review::printable(partner)
            ));
        }
        match format {
            InvitationFormat::Ron => review::write(out, &file),
            InvitationFormat::Html => review::html::write(out, &file),
        }
        .map_err(|e| format!("Kon {} niet schrijven: {e}", out.display()))?;
        store.invitations.push(invitation);
        let sent: Vec<_> = file
            .items
            .iter()
            .filter_map(|i| kompas.get(&i.id))
            .collect();
        Ok(kompas.count_of(&sent))
    });
    match done {
        Ok((Ok(n), outcome)) => {
            if let Some(m) = outcome.message() {
                eprintln!("{m}");
            }
            say!(
                "{n} voor {} geschreven naar {}{}",
                review::printable(partner),
                out.display(),
                if share == review::ShareNotes::Yes {
                    " (met de notities van de gemeente)"
                } else {
                    ""
                }
            );
            ExitCode::SUCCESS
        }
        Ok((Err(message), _)) => fail(message),
        Err(e) => fail(e),
    }
}

/// Reads every reaction file first; only when all of them answer an invitation in these
/// notes is anything applied, all of it under the lock, in one save.
fn import(files: &[PathBuf], choice: Option<Choice>, who: &str, args: &NotesArgs) -> ExitCode {
    let (kompas, path) = match locate(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut read = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        match review::read(f) {
            Ok(file) => read.push((f, file)),
            Err(e) => bad.push(format!("{}: {e}", f.display())),
        }
    }
    let title_of = |id: &str| {
        kompas
            .get(id)
            .map(|ix| kompas.element(ix).title.clone())
            .unwrap_or_default()
    };
    let outcome = notes::update(&path, |store| {
        let mut plans = Vec::new();
        for (f, file) in &read {
            match review::plan(store, file, &kompas) {
                Ok(plan) => plans.push((*f, plan)),
                Err(e) => bad.push(format!("{}: {e}", f.display())),
            }
        }
        if !bad.is_empty() {
            return Err(bad.clone());
        }
        let mut unresolved = 0;
        for (f, plan) in &plans {
            report(f, plan);
            let choices: BTreeMap<usize, Choice> = plan
                .conflicts()
                .into_iter()
                .filter_map(|i| choice.map(|c| (i, c)))
                .collect();
            let applied = review::apply(store, plan, &choices, who, &title_of);
            unresolved += applied.unresolved;
            say!(
                "  toegepast: {}, {}, {}; geweigerd: {}; conflicten open: {}",
                count(applied.reactions, "reactie", "reacties"),
                count(applied.statuses, "status", "statussen"),
                count(applied.voortgang, "voortgangstekst", "voortgangsteksten"),
                applied.refused,
                applied.unresolved
            );
        }
        Ok(unresolved)
    });
    match outcome {
        Ok((Ok(unresolved), open)) => {
            if let Some(m) = open.message() {
                eprintln!("{m}");
            }
            say!("Notities bijgewerkt: {}", path.display());
            if unresolved > 0 {
                say!(
                    "{} niet toegepast; de reacties zijn wel bewaard. Kies met --theirs of --ours.",
                    count(unresolved, "conflict", "conflicten")
                );
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Ok((Err(bad), _)) => {
            for b in &bad {
                eprintln!("{b}");
            }
            fail(format!(
                "Er is niets ingelezen: {} van de {} bestanden kan niet worden vertrouwd. Los dat op of laat {} weg.",
                bad.len(),
                files.len(),
                if bad.len() == 1 { "het" } else { "ze" }
            ))
        }
        Err(e) => fail(e),
    }
}

/// One reaction file's plan on standard output: counts, refusals with reasons, conflicts.
fn report(f: &Path, plan: &review::Plan) {
    say!("{} — {} ({})", f.display(), plan.partner, plan.answered);
    for kind in [
        ChangeKind::Nieuw,
        ChangeKind::Gewijzigd,
        ChangeKind::Ingetrokken,
        ChangeKind::Gelijk,
        ChangeKind::Conflict,
    ] {
        say!("  {:<12} {}", kind.label(), plan.count(kind));
    }
    for r in &plan.refused {
        say!("  geweigerd   {} ({}): {}", r.name, r.id, r.reason);
    }
    for i in plan.conflicts() {
        if let Some(c) = plan.changes.get(i) {
            say!(
                "  conflict    {} ({:?}): eigen '{}' / partner '{}' (verstuurd: '{}')",
                c.id,
                c.subject,
                review::printable(&c.ours),
                review::printable(&c.theirs),
                review::printable(&c.base)
            );
        }
    }
}
