//! Where a compass's files come from: a folder, a single RON file, or the binary itself.

use std::fs;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: nothing legitimate in a compass comes close, and an
/// untrusted file must not make the app read gigabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The name of the main file of a compass folder.
pub const MAIN_FILE: &str = "kompas.ron";

/// A compass's files, read on demand by name.
#[derive(Clone, Debug)]
pub enum Source {
    /// A folder with `kompas.ron` and its part files.
    Dir(PathBuf),
    /// One RON file holding the whole compass; it may include files beside it.
    File(PathBuf),
    /// The compass compiled into the binary.
    Embedded(&'static [(&'static str, &'static str)]),
    /// Files held in memory (name, text): written by an importer, or made by a test.
    Memory(Vec<(String, String)>),
}

/// Why a file could not be read; the loader turns it into a Dutch [`crate::Problem`].
pub use crate::fsio::ReadError;

/// The Sociaal Kompas 2017-2020 of Leidschendam-Voorburg, embedded so `cargo run` works anywhere.
pub static SOCIAAL_KOMPAS: &[(&str, &str)] = &[
    (
        "kompas.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/kompas.ron"),
    ),
    (
        "hoofddoel-1.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/hoofddoel-1.ron"),
    ),
    (
        "hoofddoel-2.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/hoofddoel-2.ron"),
    ),
    (
        "hoofddoel-3.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/hoofddoel-3.ron"),
    ),
    (
        "hoofddoel-4.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/hoofddoel-4.ron"),
    ),
    (
        "begrippen.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/begrippen.ron"),
    ),
    (
        "inhoud.ron",
        include_str!("../kompas/leidschendam-voorburg-2017-2020/inhoud.ron"),
    ),
];

/// The Beleidsplan sociaal domein of Oegstgeest, the second example: 5 thema's, other levels.
pub static OEGSTGEEST: &[(&str, &str)] = &[
    (
        "kompas.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/kompas.ron"),
    ),
    (
        "thema-1.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/thema-1.ron"),
    ),
    (
        "thema-2.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/thema-2.ron"),
    ),
    (
        "thema-3.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/thema-3.ron"),
    ),
    (
        "thema-4.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/thema-4.ron"),
    ),
    (
        "thema-5.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/thema-5.ron"),
    ),
    (
        "inhoud.ron",
        include_str!("../kompas/oegstgeest-sociaal-domein/inhoud.ron"),
    ),
];

/// The files of a compass compiled into the binary: (name, text).
pub type EmbeddedFiles = &'static [(&'static str, &'static str)];

/// The compasses built into the app: (name shown, short key, files).
pub static BUILT_IN: &[(&str, &str, EmbeddedFiles)] = &[
    (
        "Sociaal Kompas 2017-2020, Leidschendam-Voorburg",
        "sociaal-kompas",
        SOCIAAL_KOMPAS,
    ),
    (
        "Beleidsplan sociaal domein, Oegstgeest",
        "oegstgeest",
        OEGSTGEEST,
    ),
];

impl Source {
    /// The embedded default compass.
    pub fn embedded() -> Self {
        Self::Embedded(SOCIAAL_KOMPAS)
    }

    /// A folder or a single `.ron` file, decided by what `path` is.
    pub fn from_path(path: &Path) -> Self {
        if path.is_file() {
            Self::File(path.to_path_buf())
        } else {
            Self::Dir(path.to_path_buf())
        }
    }

    /// How to name this source to a person.
    pub fn display_name(&self) -> String {
        match self {
            Self::Dir(p) | Self::File(p) => p.display().to_string(),
            Self::Embedded(_) => "ingebouwd: Sociaal Kompas Leidschendam-Voorburg".to_owned(),
            Self::Memory(_) => "in het geheugen".to_owned(),
        }
    }

    /// The name under which the main file is reported.
    pub fn main_name(&self) -> String {
        match self {
            Self::File(p) => p.file_name().map_or_else(
                || MAIN_FILE.to_owned(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Self::Dir(_) | Self::Embedded(_) | Self::Memory(_) => MAIN_FILE.to_owned(),
        }
    }

    /// Reads the main file.
    ///
    /// # Errors
    /// See [`ReadError`].
    pub fn read_main(&self) -> Result<String, ReadError> {
        match self {
            Self::File(p) => read_limited(p),
            Self::Dir(_) | Self::Embedded(_) | Self::Memory(_) => self.read(MAIN_FILE),
        }
    }

    /// Reads a file by its name relative to the compass (no folders allowed in the name). A
    /// name that leads outside the compass folder (a link to elsewhere) is refused unread.
    ///
    /// # Errors
    /// See [`ReadError`].
    pub fn read(&self, name: &str) -> Result<String, ReadError> {
        match self {
            Self::Dir(dir) => read_inside(dir, name),
            Self::File(file) => {
                let dir = file.parent().unwrap_or_else(|| Path::new("."));
                read_inside(dir, name)
            }
            Self::Embedded(files) => files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, text)| (*text).to_owned())
                .ok_or(ReadError::Missing),
            Self::Memory(files) => files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, text)| text.clone())
                .ok_or(ReadError::Missing),
        }
    }
}

/// Reads a UTF-8 file, refusing files over [`MAX_FILE_BYTES`] and anything that is not a
/// regular file.
///
/// # Errors
/// See [`ReadError`].
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    crate::fsio::read_text(path, MAX_FILE_BYTES)
}

/// Reads `name` in `dir`, refusing it when it resolves outside `dir` (a link planted in a
/// compass folder must not make Kompas read, or quote, a file elsewhere).
fn read_inside(dir: &Path, name: &str) -> Result<String, ReadError> {
    let path = dir.join(name);
    let (Ok(real_dir), Ok(real)) = (fs::canonicalize(dir), fs::canonicalize(&path)) else {
        // Missing (or unreadable): the read says which, in its own words.
        return read_limited(&path);
    };
    if !real.starts_with(&real_dir) {
        return Err(ReadError::Outside);
    }
    read_limited(&real)
}

/// True when `name` is a plain file name in the compass folder (no path, no `..`), so an
/// include can never reach outside it.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.starts_with('.')
}
