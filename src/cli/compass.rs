//! `kompas check`, `search`, `import` and `export`: a compass read, checked, searched, or
//! turned into a mind map and back.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{MapFormat, load_optional, print_problems};

pub(super) fn import(
    file: &std::path::Path,
    out: &std::path::Path,
    levels: Vec<String>,
    replace: crate::write::Replace,
) -> ExitCode {
    use crate::mindmap::{Defaults, Format};
    if Format::of(file) == Format::Ron {
        eprintln!(
            "{}: fout: alleen .mm- en .opml-bestanden worden ingelezen",
            file.display()
        );
        return ExitCode::FAILURE;
    }
    let defaults = Defaults {
        levels,
        ..Defaults::for_file(file)
    };
    let loaded = match crate::mindmap::import(file, &defaults) {
        Ok(l) => l,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er is niets geschreven.");
            return ExitCode::FAILURE;
        }
    };
    print_problems(&loaded.warnings);
    match crate::write::write_dir(&loaded.kompas, out, replace) {
        Ok(()) => {
            say!(
                "{} elementen ({} sectoren) geschreven naar {}",
                loaded.kompas.len(),
                loaded.kompas.sectors().len(),
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

pub(super) fn export(format: MapFormat, out: &std::path::Path, path: Option<&PathBuf>) -> ExitCode {
    let loaded = match load_to_write(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let k = &loaded.kompas;
    let invalid = crate::mindmap::xml_problems(k);
    if !invalid.is_empty() {
        for p in &invalid {
            eprintln!("{p}");
        }
        eprintln!(
            "\n{} tekens die XML niet toestaat (stuurtekens); een mindmap met die tekens opent niet in Freeplane. Haal ze uit het kompas; er is niets geschreven.",
            invalid.len()
        );
        return ExitCode::FAILURE;
    }
    let text = match format {
        MapFormat::Mm => crate::mindmap::freeplane::write(k),
        MapFormat::Opml => crate::mindmap::opml::write(k),
    };
    if let Err(e) = crate::write::write_atomic(out, text.as_bytes()) {
        eprintln!("Kon {} niet schrijven: {e}", out.display());
        return ExitCode::FAILURE;
    }
    say!("{} elementen geschreven naar {}", k.len(), out.display());
    // Say what a mind map cannot hold, so nobody thinks it is gone.
    let pages = k.content.pages.len();
    if !k.begrippen.is_empty() || !k.content.is_empty() {
        eprintln!(
            "Let op: de begrippenlijst ({} begrippen) en de inhoud naast de boom ({pages} pagina's, trends, indicatoren) passen niet in een mindmap en staan alleen in de RON-bestanden.",
            k.begrippen.len()
        );
    }
    ExitCode::SUCCESS
}

pub(super) fn check(path: Option<&PathBuf>) -> ExitCode {
    match load_optional(path) {
        Ok(loaded) => {
            say_part!("{}", crate::check::report(&loaded.kompas));
            print_problems(&loaded.warnings);
            say!(
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

pub(super) fn search(query: &str, path: Option<&PathBuf>, limit: usize) -> ExitCode {
    let loaded = match load_optional(path) {
        Ok(l) => l,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er kan niet in worden gezocht.");
            return ExitCode::FAILURE;
        }
    };
    let kompas = &loaded.kompas;
    let glossary = crate::glossary::Glossary::new(kompas);
    let index = crate::search::SearchIndex::new(kompas, &glossary);
    let hits = index.search(query, limit);
    if hits.is_empty() {
        eprintln!("Niets gevonden voor '{query}'.");
        return ExitCode::from(1);
    }
    say!("id\tniveau\ttitel\tplaats");
    for hit in hits {
        let line = match hit.target {
            crate::search::Target::Element(ix) => {
                let el = kompas.element(ix);
                let level = kompas.level(ix).map_or("", |l| l.name.as_str());
                let parent = kompas
                    .parent(ix)
                    .map(|p| kompas.breadcrumb(p))
                    .unwrap_or_default();
                format!("{}\t{level}\t{}\t{parent}", el.id, el.title)
            }
            crate::search::Target::Begrip(i) => {
                let Some(entry) = glossary.entries.get(i) else {
                    continue;
                };
                let koersen: Vec<String> = entry
                    .elements()
                    .iter()
                    .map(|&e| kompas.short_name(e))
                    .collect();
                format!(
                    "-\tBegrip\t{}\tBegrippenlijst › {}",
                    entry.term,
                    koersen.join(", ")
                )
            }
            crate::search::Target::Note(id) => format!("{id}\tNotitie\t\t"),
        };
        say!("{line}");
    }
    ExitCode::SUCCESS
}

/// Runs `kompas publish`: the site into a new folder, renamed into place.
pub(super) fn publish(
    out: &std::path::Path,
    replace: crate::write::Replace,
    path: Option<&PathBuf>,
    progress: Option<(PathBuf, i32)>,
) -> ExitCode {
    let notes = match &progress {
        Some((file, _)) => match crate::notes::open_read_only(file) {
            Ok(n) => Some(n),
            Err(e) => {
                eprintln!("{e}; er is niets geschreven.");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let loaded = match load_to_write(path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let began = std::time::Instant::now();
    let year = progress.map(|(_, y)| y);
    let files = crate::publish::site_with(&loaded.kompas, notes.as_ref().zip(year));
    if let Err(e) = crate::write::write_folder(&files, out, replace) {
        eprintln!("Kon {} niet schrijven: {e}", out.display());
        return ExitCode::FAILURE;
    }
    say!(
        "{} pagina's ({} kB) geschreven naar {} in {} ms; open {} in een browser.",
        files.iter().filter(|(f, _)| f.ends_with(".html")).count(),
        crate::publish::size(&files) / 1024,
        out.display(),
        began.elapsed().as_millis(),
        out.join("index.html").display()
    );
    ExitCode::SUCCESS
}

/// The compass to write something from, or every problem said and the exit code: nothing is
/// written from a compass that does not load.
fn load_to_write(path: Option<&PathBuf>) -> Result<crate::load::Loaded, ExitCode> {
    load_optional(path).map_err(|e| {
        print_problems(&e.problems);
        eprintln!("\n{e}; er is niets geschreven.");
        ExitCode::FAILURE
    })
}
