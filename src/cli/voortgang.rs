//! `kompas voortgang` and `kompas jaarverslag`: the yearly cycle from the command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::notes::{fail, locate, user, write_out};
use super::{NotesArgs, ReportFormat, SheetFormat, VoortgangCommand};
use crate::notes;
use crate::voortgang::{self, Rollup};

/// Runs `kompas voortgang ...`.
pub(super) fn voortgang(
    command: Option<VoortgangCommand>,
    jaar: Option<i32>,
    notes: Option<PathBuf>,
    path: Option<PathBuf>,
) -> ExitCode {
    match command {
        Some(VoortgangCommand::Import {
            file,
            skip_invalid,
            by,
            args,
        }) => import(&file, skip_invalid, &user(&by), &args),
        Some(VoortgangCommand::Export {
            format,
            out,
            jaar,
            args,
        }) => export(format, &out, jaar, &args),
        None => {
            let Some(year) = jaar else {
                return fail(
                    "Geef het jaar: kompas voortgang --jaar 2019 (of kompas voortgang import/export).",
                );
            };
            summary(year, notes, path)
        }
    }
}

/// The compass and its notes, read only.
fn open(
    notes_path: Option<PathBuf>,
    kompas_path: Option<PathBuf>,
) -> Result<(crate::model::Kompas, notes::NotesFile), ExitCode> {
    let (kompas, path) = locate(&NotesArgs {
        notes: notes_path,
        kompas: kompas_path,
    })?;
    // Reading to report never changes anything on disk.
    let file = notes::open_read_only(&path).map_err(fail)?;
    Ok((kompas, file))
}

/// One line per element of the two levels under the top, in document order: id, the count
/// of each status as "status: n", and the share afgerond as a whole percentage.
fn summary(year: i32, notes_path: Option<PathBuf>, path: Option<PathBuf>) -> ExitCode {
    let (kompas, file) = match open(notes_path, path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let rollup = Rollup::compute(&kompas, &file, year);
    let mut out = String::new();
    for ix in kompas.document_order() {
        let depth = kompas.element(ix).depth;
        if !(1..=2).contains(&depth) {
            continue;
        }
        let mut cells = vec![kompas.element(ix).id.as_str().to_owned()];
        cells.extend(
            rollup
                .columns
                .iter()
                .zip(rollup.counts(ix))
                .map(|(c, n)| format!("{c}: {n}")),
        );
        cells.push(
            rollup
                .percent(ix)
                .map_or_else(|| "–".to_owned(), |p| format!("{p}%")),
        );
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    write_out(None, &out)
}

fn import(file: &Path, skip_invalid: bool, who: &str, args: &NotesArgs) -> ExitCode {
    let (kompas, path) = match locate(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let bytes = match crate::fsio::read_bytes(file, voortgang::csv::MAX_CSV_BYTES) {
        Ok(b) => b,
        Err(e) => return fail(format!("{}: {e}", file.display())),
    };
    let outcome = notes::update(&path, |store| {
        let checked = voortgang::csv::check(&bytes, &kompas, &store.statuses)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        for r in &checked.remarks {
            eprintln!("{}: {r}", file.display());
        }
        for p in &checked.problems {
            eprintln!("{}:{}: {}", file.display(), p.line, p.message);
        }
        if !checked.problems.is_empty() && !skip_invalid {
            return Err(format!(
                "Er is niets ingelezen: {} met een fout (hierboven, met regelnummer). Verbeter ze, of geef --skip-invalid om alleen de {} goede in te lezen.",
                crate::text::count(checked.problems.len(), "regel", "regels"),
                checked.rows.len()
            ));
        }
        let applied = voortgang::csv::apply(store, &kompas, &checked.rows, who);
        Ok((applied, checked.problems.len()))
    });
    match outcome {
        Ok((Ok((applied, skipped)), opened)) => {
            if let Some(m) = opened.message() {
                eprintln!("{m}");
            }
            say!(
                "{} ingelezen: {} veranderden iets, {} al gelijk{}. Notities: {}",
                crate::text::count(applied.changed + applied.unchanged, "regel", "regels"),
                applied.changed,
                applied.unchanged,
                if skipped > 0 {
                    format!("; {skipped} overgeslagen")
                } else {
                    String::new()
                },
                path.display()
            );
            ExitCode::SUCCESS
        }
        Ok((Err(message), _)) => fail(message),
        Err(e) => fail(e),
    }
}

fn export(format: SheetFormat, out: &Path, jaar: Option<i32>, args: &NotesArgs) -> ExitCode {
    let (kompas, file) = match open(args.notes.clone(), args.kompas.clone()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let bytes = match format {
        SheetFormat::Csv => voortgang::csv::export(&kompas, &file).map(String::into_bytes),
        SheetFormat::Xlsx => {
            let year = jaar
                .or_else(|| file.years_recorded().last().copied())
                .unwrap_or_else(notes::this_year);
            voortgang::xlsx::export(&kompas, &file, year)
        }
    };
    match bytes {
        Ok(b) => match crate::fsio::write_atomic(out, &b) {
            Ok(()) => {
                eprintln!("Geschreven: {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("Kon {} niet schrijven: {e}", out.display())),
        },
        Err(e) => fail(e),
    }
}

/// Runs `kompas jaarverslag`.
pub(super) fn jaarverslag(
    year: i32,
    format: ReportFormat,
    out: &Path,
    notes_path: Option<PathBuf>,
    path: Option<PathBuf>,
) -> ExitCode {
    if !notes::YEARS.contains(&year) {
        return fail(format!("{year} is geen jaar."));
    }
    let (kompas, file) = match open(notes_path, path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let v = voortgang::verslag::build(&kompas, &file, year);
    let text = match format {
        ReportFormat::Md => v.to_markdown(),
        ReportFormat::Html => v.to_html(),
    };
    write_out(Some(out), &text)
}
