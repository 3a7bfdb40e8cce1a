//! Reading a compass's files: the main file, its includes (inside the compass folder), each
//! parsed on its own so every syntax error is reported.

use std::collections::HashSet;

use crate::format::{self, BegripDef, ElementDef, KompasDef, PartDef};
use crate::problem::Problem;
use crate::source::{self, ReadError, Source};

/// One part of the compass as read: its file name and text.
pub(super) struct FileText {
    pub(super) name: String,
    pub(super) text: String,
}

/// Everything read from the files, before checking.
pub(super) struct Collected {
    pub(super) def: KompasDef,
    pub(super) files: Vec<FileText>,
    /// True when an included file could not be read or parsed: references into it cannot be
    /// checked then, and reporting them would only bury the real error.
    pub(super) incomplete: bool,
    /// Sectors with the index (into `files`) of the file that holds them.
    pub(super) sectors: Vec<(usize, ElementDef)>,
    pub(super) begrippen: Vec<(usize, BegripDef)>,
    /// The content parts (sectors and begrippen taken out), with their file.
    pub(super) content: Vec<(usize, PartDef)>,
}

fn read_problem(file: &str, err: &ReadError) -> Problem {
    Problem::file_error(file, err.to_string())
}

/// The main file: its name, its text and what it defines; `None` (with the problem reported)
/// when it is missing, unreadable or not valid RON.
fn read_main(source: &Source, problems: &mut Vec<Problem>) -> Option<(String, String, KompasDef)> {
    let main_name = source.main_name();
    let text = match source.read_main() {
        Ok(t) => t,
        Err(ReadError::Missing) => {
            problems.push(Problem::file_error(
                &main_name,
                format!(
                    "{} niet gevonden: is dit een kompasmap met een bestand {}?",
                    source.display_name(),
                    source::MAIN_FILE
                ),
            ));
            return None;
        }
        Err(e) => {
            problems.push(read_problem(&main_name, &e));
            return None;
        }
    };
    match format::from_ron(&text) {
        Ok(def) => Some((main_name, text, def)),
        Err(e) => {
            problems.push(Problem::ron(&main_name, &text, &e));
            None
        }
    }
}

/// Reads the main file and every include, each parsed on its own.
pub(super) fn collect(source: &Source, problems: &mut Vec<Problem>) -> Option<Collected> {
    let (main_name, text, mut def) = read_main(source, problems)?;
    let mut files = vec![FileText {
        name: main_name.clone(),
        text,
    }];
    // The sectors move out of the root: the walks visit them through `sectors`.
    let mut sectors: Vec<(usize, ElementDef)> = std::mem::take(&mut def.root.children)
        .into_iter()
        .map(|s| (0, s))
        .collect();
    let mut begrippen: Vec<(usize, BegripDef)> =
        def.begrippen.iter().cloned().map(|b| (0, b)).collect();
    let mut content: Vec<(usize, PartDef)> = Vec::new();
    let mut seen = HashSet::new();
    seen.insert(main_name.clone());
    let mut incomplete = false;
    for name in &def.include {
        if !source::is_plain_file_name(name) {
            problems.push(Problem::file_error(
                &main_name,
                format!(
                    "include '{name}' is geen gewone bestandsnaam in de kompasmap (geen mappen of '..')"
                ),
            ));
            continue;
        }
        if !seen.insert(name.clone()) {
            problems.push(Problem::file_error(
                &main_name,
                format!("include '{name}' staat er meer dan één keer (of verwijst naar het hoofdbestand)"),
            ));
            continue;
        }
        let text = match source.read(name) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::file_error(
                    name,
                    format!("genoemd in include van {main_name}, maar {e}"),
                ));
                incomplete = true;
                continue;
            }
        };
        match format::from_ron::<PartDef>(&text) {
            Ok(part) => {
                let ix = files.len();
                let mut part = part;
                sectors.extend(
                    std::mem::take(&mut part.sectors)
                        .into_iter()
                        .map(|s| (ix, s)),
                );
                begrippen.extend(
                    std::mem::take(&mut part.begrippen)
                        .into_iter()
                        .map(|b| (ix, b)),
                );
                content.push((ix, part));
                files.push(FileText {
                    name: name.clone(),
                    text,
                });
            }
            Err(e) => {
                problems.push(Problem::ron(name, &text, &e));
                incomplete = true;
            }
        }
    }
    Some(Collected {
        def,
        incomplete,
        files,
        sectors,
        begrippen,
        content,
    })
}
