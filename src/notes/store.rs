//! The notes file on disk. Notes sit on shared drives that several colleagues open, and a
//! `--notes` path can point anywhere, so the store tells apart:
//!
//! - a file it may not or cannot read (permission, a folder, a FIFO, over the size limit):
//!   refused with a message, nothing moved;
//! - a file from a newer Kompas, or RON that is not a notes file (a compass part, say):
//!   refused with a message, nothing moved;
//! - a damaged notes file (not RON at all: a half-written or garbled file): kept aside as
//!   `<naam>.beschadigd-<tijd>`, never overwritten, and the backup used when it is good.
//!
//! Read-only commands never write. Every save checks the size limit first (a file that could
//! not be read back is never written), keeps the previous good version as `<naam>.bak`, and
//! keeps a colleague's version found in its way as `<naam>.andere-versie-<tijd>`. Writers take
//! the lock beside the file around read, merge and write ([`update`]).

use std::fs;
use std::path::{Path, PathBuf};

use super::{NOTES_FORMAT, NotesFile, check_limits};
use crate::fsio::{self, ReadError};

/// The one size limit of a notes file, for reading and for writing.
pub const MAX_NOTES_BYTES: u64 = 64 * 1024 * 1024;

/// What happened when notes were opened, for a message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenOutcome {
    /// Read as it was.
    Loaded,
    /// No file yet; an empty store.
    New,
    /// The file was damaged: it was moved to `kept_at` and the backup was loaded instead
    /// (`from_backup`) or the store starts empty.
    Damaged {
        /// Where the damaged file now is.
        kept_at: PathBuf,
        /// Why it could not be read.
        reason: String,
        /// True when the previous version (backup) could be loaded.
        from_backup: bool,
    },
}

impl OpenOutcome {
    /// A Dutch message for the user, if there is something to say.
    pub fn message(&self) -> Option<String> {
        match self {
            Self::Loaded | Self::New => None,
            Self::Damaged {
                kept_at,
                reason,
                from_backup,
            } => Some(format!(
                "Het notitiebestand kon niet worden gelezen ({reason}). Het is bewaard als {}. {}",
                kept_at.display(),
                if *from_backup {
                    "De vorige versie (reservekopie) is geladen; wijzigingen daarna staan nog in het bewaarde bestand."
                } else {
                    "Er wordt met een lege notitielijst verder gewerkt; het bewaarde bestand wordt nooit overschreven."
                }
            )),
        }
    }
}

/// Errors opening or saving notes. Each says what was done with the file: nothing, unless
/// stated.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// The file could not be read; it was left as it is.
    #[error("het notitiebestand {path} kan niet worden gebruikt: {reason}; er is niets mee gedaan")]
    Unreadable {
        /// The notes file.
        path: PathBuf,
        /// Why.
        reason: ReadError,
    },
    /// Written by a newer Kompas; it was left as it is.
    #[error(
        "het notitiebestand {path} heeft formaatversie {version}; deze versie van Kompas leest tot en met versie {NOTES_FORMAT}. Werk Kompas bij; er is niets met het bestand gedaan"
    )]
    Newer {
        /// The notes file.
        path: PathBuf,
        /// Its format version.
        version: u32,
    },
    /// Readable, but not a Kompas notes file (or one over the limits); left as it is.
    #[error("{path} is geen notitiebestand van Kompas ({reason}); er is niets mee gedaan")]
    Foreign {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Damaged (opened read-only, so not moved aside).
    #[error("het notitiebestand {path} is beschadigd ({reason}); er is niets mee gedaan")]
    Damaged {
        /// The notes file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Writing failed; the old file is intact.
    #[error("notities opslaan in {path} lukte niet: {source}")]
    Write {
        /// The notes file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The notes would be larger than a notes file may be; nothing was written.
    #[error(
        "de notities zouden {} MB worden, meer dan de {} MB die een notitiebestand mag zijn; er is niets opgeslagen",
        .bytes / 1024 / 1024,
        MAX_NOTES_BYTES / 1024 / 1024
    )]
    TooLarge {
        /// Size of the serialised notes.
        bytes: u64,
    },
    /// Serialising failed (cannot happen with these types).
    #[error("notities omzetten naar RON lukte niet: {0}")]
    Ron(#[from] ron::Error),
    /// A damaged file could not be moved aside, so nothing was done with it.
    #[error("het beschadigde notitiebestand {path} kon niet opzij worden gezet: {source}")]
    KeepAside {
        /// The damaged file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The lock beside the file could not be taken.
    #[error("het notitiebestand {path} kon niet worden vergrendeld: {source}")]
    Lock {
        /// The notes file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// `path` with `suffix` added to its file name: notities.ron → notities.ron.bak.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where the previous version of a notes file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// What a notes file's text turned out to be.
#[derive(Debug)]
enum Parsed {
    /// A notes file.
    Good(Box<NotesFile>),
    /// From a newer Kompas.
    Newer(u32),
    /// RON, but not a notes file, or one over the limits.
    Foreign(String),
    /// Not RON at all: half-written or garbled.
    Damaged(String),
}

fn parse_classified(text: &str) -> Parsed {
    // The version first, so a newer file is recognised even when its fields are unknown here.
    #[derive(serde::Deserialize)]
    struct Version {
        #[serde(default)]
        format: u32,
    }
    if let Ok(v) = crate::format::from_ron::<Version>(text)
        && v.format > NOTES_FORMAT
    {
        return Parsed::Newer(v.format);
    }
    match crate::format::from_ron::<NotesFile>(text) {
        Ok(mut file) => match check_limits(&file) {
            Ok(()) => {
                file.migrate();
                Parsed::Good(Box::new(file))
            }
            Err(reason) => Parsed::Foreign(reason),
        },
        Err(e) => {
            let reason = format!(
                "regel {}, kolom {}: {}",
                e.span.start.line,
                e.span.start.col,
                crate::problem::dutch_ron_message(&e.code)
            );
            // Valid RON of another shape is someone else's file; only what is not RON at all
            // (a file cut off, garbled) is damage.
            if crate::format::from_ron::<ron::Value>(text).is_ok() {
                Parsed::Foreign(reason)
            } else {
                Parsed::Damaged(reason)
            }
        }
    }
}

/// Parses a notes file's text.
///
/// # Errors
/// A Dutch description of what is wrong.
pub fn parse(text: &str) -> Result<NotesFile, String> {
    match parse_classified(text) {
        Parsed::Good(f) => Ok(*f),
        Parsed::Newer(v) => Err(format!(
            "formaatversie {v} is nieuwer dan deze versie van Kompas leest ({NOTES_FORMAT})"
        )),
        Parsed::Foreign(r) => Err(format!("geen notitiebestand van Kompas: {r}")),
        Parsed::Damaged(r) => Err(r),
    }
}

/// Reads and classifies the file at `path`; `Ok(None)` when there is none. Every outcome but
/// damage is final here.
fn read_classified(path: &Path) -> Result<Option<Result<NotesFile, String>>, NotesError> {
    let text = match fsio::read_text(path, MAX_NOTES_BYTES) {
        Ok(t) => t,
        Err(ReadError::Missing) => return Ok(None),
        Err(ReadError::NotUtf8) => return Ok(Some(Err("het is geen UTF-8-tekst".into()))),
        Err(reason) => {
            return Err(NotesError::Unreadable {
                path: path.to_path_buf(),
                reason,
            });
        }
    };
    match parse_classified(&text) {
        Parsed::Good(f) => Ok(Some(Ok(*f))),
        Parsed::Newer(version) => Err(NotesError::Newer {
            path: path.to_path_buf(),
            version,
        }),
        Parsed::Foreign(reason) => Err(NotesError::Foreign {
            path: path.to_path_buf(),
            reason,
        }),
        Parsed::Damaged(reason) => Ok(Some(Err(reason))),
    }
}

/// A good notes file at `path`, if there is one (for backups).
fn read_good(path: &Path) -> Option<NotesFile> {
    match read_classified(path) {
        Ok(Some(Ok(file))) => Some(file),
        _ => None,
    }
}

/// Opens the notes at `path`. A damaged file is renamed to `<naam>.beschadigd-<tijd>` (never
/// overwritten) and the backup is used when it is good.
///
/// # Errors
/// A file that cannot be read, is newer or is not a notes file: refused, nothing moved; or a
/// damaged file that cannot be moved aside.
pub fn open(path: &Path) -> Result<(NotesFile, OpenOutcome), NotesError> {
    open_stamped(path).map(|(f, o, _)| (f, o))
}

/// Like [`open`], also returning the stamp of the file as read.
///
/// # Errors
/// See [`open`].
pub fn open_stamped(path: &Path) -> Result<(NotesFile, OpenOutcome, Option<Stamp>), NotesError> {
    fsio::clean_stale_temps(path);
    let before = stamp(path);
    match read_classified(path)? {
        Some(Ok(file)) => Ok((file, OpenOutcome::Loaded, before)),
        None => Ok((NotesFile::default(), OpenOutcome::New, None)),
        Some(Err(reason)) => {
            let kept_at = aside(path, "beschadigd");
            fs::rename(path, &kept_at).map_err(|source| NotesError::KeepAside {
                path: path.to_path_buf(),
                source,
            })?;
            let backup = read_good(&backup_path(path));
            let from_backup = backup.is_some();
            Ok((
                backup.unwrap_or_default(),
                OpenOutcome::Damaged {
                    kept_at,
                    reason,
                    from_backup,
                },
                None,
            ))
        }
    }
}

/// Opens the notes at `path` to read them only: nothing on disk changes, whatever is there.
/// A missing file is an empty store.
///
/// # Errors
/// Anything but a good notes file, damaged ones included.
pub fn open_read_only(path: &Path) -> Result<NotesFile, NotesError> {
    match read_classified(path)? {
        Some(Ok(file)) => Ok(file),
        None => Ok(NotesFile::default()),
        Some(Err(reason)) => Err(NotesError::Damaged {
            path: path.to_path_buf(),
            reason,
        }),
    }
}

/// Reads, changes and writes the notes at `path` under the lock beside it, so another Kompas
/// doing the same waits and then works on this result instead of overwriting it. Returns
/// what `change` returned and how the file was found.
///
/// # Errors
/// See [`open`] and [`save_text`]; a failed change writes nothing.
pub fn update<R>(
    path: &Path,
    change: impl FnOnce(&mut NotesFile) -> R,
) -> Result<(R, OpenOutcome), NotesError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| NotesError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let _lock = fsio::Lock::acquire(path).map_err(|source| NotesError::Lock {
        path: path.to_path_buf(),
        source,
    })?;
    let (mut file, outcome, before) = open_stamped(path)?;
    let result = change(&mut file);
    save_text(path, &to_text(&file)?, before)?;
    Ok((result, outcome))
}

/// Serialises notes the way they are stored: indented to the level of each annotation, its
/// history entries and reactions one per line, strings unescaped (raw where they need it),
/// which is what makes saving 10 000 notes fast.
///
/// # Errors
/// Only if RON serialisation fails.
pub fn to_text(file: &NotesFile) -> Result<String, NotesError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .escape_strings(false)
        .depth_limit(4);
    let mut text = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .to_string_pretty(file, config)?;
    text.push('\n');
    Ok(text)
}

/// What a notes file on disk looked like when this app last read or wrote it, to notice
/// when someone else (a colleague on a shared drive) wrote it in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The stamp of the file at `path`, if it exists.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// What a save did besides writing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The file as now written.
    pub stamp: Option<Stamp>,
    /// Someone else's version (or a damaged file) found in the way, kept here.
    pub kept_aside: Option<PathBuf>,
}

fn aside(path: &Path, what: &str) -> PathBuf {
    let time = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut kept = with_suffix(path, &format!(".{what}-{time}"));
    let mut n = 1;
    while kept.exists() {
        kept = with_suffix(path, &format!(".{what}-{time}-{n}"));
        n += 1;
    }
    kept
}

/// Writes `text` to `path` atomically (temporary file, flush to disk, rename), keeping the
/// previous version as `<path>.bak` when it is a good notes file. `expected` is the stamp of
/// the file as this app last saw it: when the file changed since (another writer), that
/// version is kept aside under `<naam>.andere-versie-<tijd>` instead of being overwritten or
/// becoming the backup; a damaged file is kept as `<naam>.beschadigd-<tijd>`.
///
/// # Errors
/// The text is over the limit, or the write failed; the previous file is intact.
pub fn save_text(path: &Path, text: &str, expected: Option<Stamp>) -> Result<Saved, NotesError> {
    if text.len() as u64 > MAX_NOTES_BYTES {
        return Err(NotesError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    let wrap = |source| NotesError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        fs::create_dir_all(dir).map_err(wrap)?;
    }
    let mut saved = Saved::default();
    if let Some(current) = stamp(path) {
        // Ours, as we left it (a good notes file: we read or wrote it): it becomes the backup.
        // Anything else is kept aside, never made the backup.
        if expected == Some(current) {
            // A hard link is instant; where the file system has none (some shares), copy.
            let backup = backup_path(path);
            let tmp = with_suffix(&backup, ".nieuw");
            let _ = fs::remove_file(&tmp);
            if fs::hard_link(path, &tmp).is_err() {
                fs::copy(path, &tmp).map_err(wrap)?;
            }
            fs::rename(&tmp, &backup).map_err(wrap)?;
        } else {
            let what = if read_good(path).is_some() {
                "andere-versie"
            } else {
                "beschadigd"
            };
            let kept = aside(path, what);
            fs::copy(path, &kept).map_err(wrap)?;
            saved.kept_aside = Some(kept);
        }
    }
    fsio::write_atomic(path, text.as_bytes()).map_err(wrap)?;
    saved.stamp = stamp(path);
    Ok(saved)
}

/// Saves `file` at `path` (see [`save_text`]), trusting whatever is there now.
///
/// # Errors
/// See [`save_text`].
pub fn save(path: &Path, file: &NotesFile) -> Result<(), NotesError> {
    save_text(path, &to_text(file)?, stamp(path)).map(|_| ())
}

/// The default place of the notes of a compass: the user's data folder, one file per compass.
pub fn default_path(kompas_title: &str) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("nl", "Kompas", "kompas")?;
    Some(dirs.data_dir().join(file_name_for(kompas_title)))
}

/// The file name of a compass's notes: `notities-<title in lower case, words joined by ->.ron`.
pub fn file_name_for(kompas_title: &str) -> String {
    let slug: String = kompas_title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(12)
        .collect::<Vec<_>>()
        .join("-");
    format!("notities-{slug}.ron")
}

#[cfg(test)]
mod tests;
