//! Reads a compass from its RON files, checks everything a data steward could get wrong and
//! builds the graph. Every problem is collected; nothing in the input can make this panic.

//!
//! [`read`] gathers the files, [`check`] finds every problem, [`build`] makes the graph.

mod build;
mod check;
mod read;

use std::path::Path;

use crate::format::KompasDef;
use crate::model::Kompas;
use crate::problem::Problem;
use crate::source::Source;

pub use check::is_valid_id;
use read::{Collected, FileText};

/// A compass that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The compass.
    pub kompas: Kompas,
    /// Things that look wrong but do not stop loading.
    pub warnings: Vec<Problem>,
}

/// A compass that could not be loaded: every problem found, errors and warnings.
#[derive(Debug, thiserror::Error)]
#[error("{} in het kompas", count_dutch(.problems.iter().filter(|p| p.is_error()).count(), "fout", "fouten"))]
pub struct LoadError {
    /// All problems, in file order.
    pub problems: Vec<Problem>,
}

fn count_dutch(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Loads the compass at `path` (a folder or a single `.ron` file).
///
/// # Errors
/// Every problem that stops the compass from being used.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load(&Source::from_path(path))
}

/// Loads the embedded Sociaal Kompas.
///
/// # Errors
/// Only if the embedded files are broken, which the tests rule out.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    load(&Source::embedded())
}

/// Loads a compass from a [`Source`].
///
/// # Errors
/// Every problem that stops the compass from being used, with file and place.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let mut problems = Vec::new();
    let Some(collected) = read::collect(source, &mut problems) else {
        return Err(LoadError { problems });
    };
    check_and_build(&collected, problems, &source.main_name())
}

/// Loads a compass given as definitions, as an importer makes them; problems are reported
/// under `file`, after the importer's own `warnings`.
///
/// # Errors
/// Every problem that stops the compass from being used.
pub fn load_def(
    mut def: KompasDef,
    file: &str,
    problems: Vec<Problem>,
) -> Result<Loaded, LoadError> {
    let sectors = std::mem::take(&mut def.root.children)
        .into_iter()
        .map(|s| (0, s))
        .collect();
    let begrippen = std::mem::take(&mut def.begrippen)
        .into_iter()
        .map(|b| (0, b))
        .collect();
    let collected = Collected {
        def,
        files: vec![FileText {
            name: file.to_owned(),
            text: String::new(),
        }],
        incomplete: false,
        sectors,
        begrippen,
        content: Vec::new(),
    };
    check_and_build(&collected, problems, file)
}

fn check_and_build(
    collected: &Collected,
    mut problems: Vec<Problem>,
    main_name: &str,
) -> Result<Loaded, LoadError> {
    let checked = check::check(collected, &mut problems);
    if problems.iter().any(Problem::is_error) {
        return Err(LoadError { problems });
    }
    if let Some(kompas) = build::build(collected, &checked) {
        Ok(Loaded {
            kompas,
            warnings: problems,
        })
    } else {
        problems.push(Problem::file_error(
            main_name,
            "het kompas heeft geen elementen",
        ));
        Err(LoadError { problems })
    }
}
