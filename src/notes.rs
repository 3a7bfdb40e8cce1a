//! Annotations on elements: a note, status, priority, years and assigned partners, with who
//! changed what and when, and the reactions partners sent back. Stored apart from the compass,
//! keyed by element id, in a RON file that is written atomically with a backup; a damaged file
//! is kept aside, never overwritten. Nothing anyone wrote is dropped: replaced values go to the
//! history, and notes on ids the compass no longer has are kept.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Kompas;

/// Newest notes-file format this build reads and writes.
pub const NOTES_FORMAT: u32 = 1;

/// Notes files larger than this are refused as damaged or foreign.
pub const MAX_NOTES_BYTES: u64 = 256 * 1024 * 1024;

/// The statuses a new store starts with; the list is data, editable in the app.
pub const DEFAULT_STATUSES: [&str; 5] = [
    "niet gestart",
    "in voorbereiding",
    "in uitvoering",
    "afgerond",
    "vervallen",
];

/// How urgent an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Hoog.
    Hoog,
    /// Middel.
    Middel,
    /// Laag.
    Laag,
}

impl Priority {
    /// All, in menu order.
    pub const ALL: [Self; 3] = [Self::Hoog, Self::Middel, Self::Laag];

    /// Dutch name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Hoog => "hoog",
            Self::Middel => "middel",
            Self::Laag => "laag",
        }
    }
}

/// One earlier value of a field, kept when it was replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    /// When it was replaced (RFC 3339).
    pub at: String,
    /// Who replaced it.
    pub by: String,
    /// Which field ("notitie", "status", ...).
    pub field: String,
    /// The value before the change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub old: String,
    /// The value after the change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub new: String,
}

/// A partner's reaction on an element, as imported from a reaction file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reaction {
    /// The partner organisation.
    pub partner: String,
    /// The person who wrote it.
    pub by: String,
    /// When the partner saved it (RFC 3339).
    pub at: String,
    /// Their note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The status they report, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A change they propose to the element's text or plan.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proposal: String,
    /// When it was imported.
    pub imported_at: String,
}

impl Reaction {
    /// True when the reaction says nothing.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty() && self.status.is_none() && self.proposal.trim().is_empty()
    }

    /// True when two reactions say the same (ignoring when they were imported).
    pub fn same_words(&self, other: &Self) -> bool {
        self.note == other.note && self.status == other.status && self.proposal == other.proposal
    }
}

/// The annotation of one element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotation {
    /// Free text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// One of the store's statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// The years it concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
    /// Assigned partners.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Who last changed it.
    pub updated_by: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// The element's title when it was last annotated, to notice when the text changed.
    pub seen_title: String,
    /// Earlier values, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Partner reactions, in the order they were imported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<Reaction>,
}

impl Annotation {
    /// True when there is nothing in it worth keeping.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty()
            && self.status.is_none()
            && self.priority.is_none()
            && self.years.is_empty()
            && self.partners.is_empty()
            && self.history.is_empty()
            && self.reactions.is_empty()
    }

    /// The latest reaction of `partner`, if any.
    pub fn latest_reaction(&self, partner: &str) -> Option<&Reaction> {
        self.reactions.iter().rev().find(|r| r.partner == partner)
    }
}

/// The notes file: statuses and partners of this organisation and the annotations by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotesFile {
    /// Format version.
    pub format: u32,
    /// Title of the compass the notes are about (for a person opening the file).
    pub kompas: String,
    /// The statuses to choose from.
    pub statuses: Vec<String>,
    /// The partner organisations to assign to.
    pub partners: Vec<String>,
    /// Annotations by element id.
    pub notes: BTreeMap<String, Annotation>,
}

impl Default for NotesFile {
    fn default() -> Self {
        Self {
            format: NOTES_FORMAT,
            kompas: String::new(),
            statuses: DEFAULT_STATUSES.iter().map(|s| (*s).to_owned()).collect(),
            partners: Vec::new(),
            notes: BTreeMap::new(),
        }
    }
}

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

/// Errors saving or opening notes.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// Writing failed; the old file is intact.
    #[error("notities opslaan in {path} lukte niet: {source}")]
    Write {
        /// The notes file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
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
}

/// The current time as RFC 3339, second precision.
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// `path` with `suffix` added to its file name: notities.ron → notities.ron.bak.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where the previous version of a notes file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// Parses a notes file's text.
///
/// # Errors
/// A Dutch description of what is wrong.
pub fn parse(text: &str) -> Result<NotesFile, String> {
    let file: NotesFile = crate::format::from_ron(text).map_err(|e| {
        format!(
            "regel {}, kolom {}: {}",
            e.span.start.line,
            e.span.start.col,
            crate::problem::dutch_ron_message(&e.code)
        )
    })?;
    if file.format > NOTES_FORMAT {
        return Err(format!(
            "formaatversie {} is nieuwer dan deze versie van Kompas leest ({NOTES_FORMAT})",
            file.format
        ));
    }
    Ok(file)
}

fn read(path: &Path) -> Result<Option<NotesFile>, String> {
    match crate::source::read_limited(path) {
        Ok(text) => parse(&text).map(Some),
        Err(crate::source::ReadError::Missing) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Opens the notes at `path`. A damaged file is renamed to
/// `<naam>.beschadigd-<tijd>` (never overwritten) and the backup is used when it is readable.
///
/// # Errors
/// Only when a damaged file cannot be moved aside; then nothing is touched.
pub fn open(path: &Path) -> Result<(NotesFile, OpenOutcome), NotesError> {
    open_stamped(path).map(|(f, o, _)| (f, o))
}

/// Like [`open`], also returning the stamp of the file as read.
///
/// # Errors
/// See [`open`].
pub fn open_stamped(path: &Path) -> Result<(NotesFile, OpenOutcome, Option<Stamp>), NotesError> {
    let before = stamp(path);
    match read(path) {
        Ok(Some(file)) => Ok((file, OpenOutcome::Loaded, before)),
        Ok(None) => Ok((NotesFile::default(), OpenOutcome::New, None)),
        Err(reason) => {
            let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
            let mut kept_at = with_suffix(path, &format!(".beschadigd-{stamp}"));
            let mut n = 1;
            while kept_at.exists() {
                kept_at = with_suffix(path, &format!(".beschadigd-{stamp}-{n}"));
                n += 1;
            }
            fs::rename(path, &kept_at).map_err(|source| NotesError::KeepAside {
                path: path.to_path_buf(),
                source,
            })?;
            let backup = read(&backup_path(path)).ok().flatten();
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
/// previous version as `<path>.bak`. `expected` is the stamp of the file as this app last
/// saw it: when the file changed since (another writer), that version is kept aside under
/// `<naam>.andere-versie-<tijd>` instead of being overwritten or becoming the backup; a
/// damaged file is kept as `<naam>.beschadigd-<tijd>`.
///
/// # Errors
/// The write failed; the previous file is intact.
pub fn save_text(path: &Path, text: &str, expected: Option<Stamp>) -> Result<Saved, NotesError> {
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
        if expected == Some(current) {
            // Ours, as we left it: it becomes the backup. A hard link is instant; where the
            // file system has none (some network shares), copy.
            let backup = backup_path(path);
            let tmp = with_suffix(&backup, ".nieuw");
            let _ = fs::remove_file(&tmp);
            if fs::hard_link(path, &tmp).is_err() {
                fs::copy(path, &tmp).map_err(wrap)?;
            }
            fs::rename(&tmp, &backup).map_err(wrap)?;
        } else {
            let what = if read(path).is_ok() {
                "andere-versie"
            } else {
                "beschadigd"
            };
            let kept = aside(path, what);
            fs::copy(path, &kept).map_err(wrap)?;
            saved.kept_aside = Some(kept);
        }
    }
    crate::write::write_atomic(path, text.as_bytes()).map_err(wrap)?;
    saved.stamp = stamp(path);
    Ok(saved)
}

/// Saves `file` at `path` (see [`save_text`]), trusting whatever is there now; for the
/// command line, which reads and writes in one go.
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
        .collect::<Vec<_>>()
        .join("-");
    format!("notities-{slug}.ron")
}

/// One change to an annotation, applied by [`NotesFile::edit`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Replace the note.
    Note(String),
    /// Set or clear the status.
    Status(Option<String>),
    /// Set or clear the priority.
    Priority(Option<Priority>),
    /// Set the years.
    Years(Vec<i32>),
    /// Set the assigned partners.
    Partners(Vec<String>),
}

impl Edit {
    fn field(&self) -> &'static str {
        match self {
            Self::Note(_) => "notitie",
            Self::Status(_) => "status",
            Self::Priority(_) => "prioriteit",
            Self::Years(_) => "jaren",
            Self::Partners(_) => "partners",
        }
    }
}

fn show_years(y: &[i32]) -> String {
    y.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses "2018, 2019-2020" into years; `None` when something is not a year.
pub fn parse_years(s: &str) -> Option<Vec<i32>> {
    let mut out = Vec::new();
    for part in s.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()) {
        let part = part.trim();
        if let Some((a, b)) = part.split_once('-') {
            let (a, b): (i32, i32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            if !(1900..=2200).contains(&a) || !(a..=a + 50).contains(&b) {
                return None;
            }
            out.extend(a..=b);
        } else {
            let y: i32 = part.parse().ok()?;
            if !(1900..=2200).contains(&y) {
                return None;
            }
            out.push(y);
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// A filter over annotated elements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this status.
    pub status: Option<String>,
    /// Only assigned to this partner.
    pub partner: Option<String>,
    /// Only assigned to the user (their name is one of the partners).
    pub mine: Option<String>,
    /// Only with a note.
    pub with_note: bool,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.partner.is_none() && self.mine.is_none() && !self.with_note
    }

    /// True when `a` (possibly absent) passes.
    pub fn accepts(&self, a: Option<&Annotation>) -> bool {
        if self.is_empty() {
            return true;
        }
        let Some(a) = a else { return false };
        self.status
            .as_ref()
            .is_none_or(|s| a.status.as_ref() == Some(s))
            && self.partner.as_ref().is_none_or(|p| a.partners.contains(p))
            && self.mine.as_ref().is_none_or(|me| a.partners.contains(me))
            && (!self.with_note || !a.note.trim().is_empty())
    }
}

impl NotesFile {
    /// The annotation of `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.notes.get(id)
    }

    /// Applies `edit` to the annotation of element `id` as `who`, recording the old value in
    /// the history. `title` is the element's current title, remembered to notice later
    /// changes. Returns false when nothing changed.
    pub fn edit(&mut self, id: &str, title: &str, who: &str, edit: Edit) -> bool {
        let a = self.notes.entry(id.to_owned()).or_default();
        let (old, new) = match &edit {
            Edit::Note(n) => (a.note.clone(), n.clone()),
            Edit::Status(s) => (
                a.status.clone().unwrap_or_default(),
                s.clone().unwrap_or_default(),
            ),
            Edit::Priority(p) => (
                a.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
                p.map(|p| p.label().to_owned()).unwrap_or_default(),
            ),
            Edit::Years(y) => (show_years(&a.years), show_years(y)),
            Edit::Partners(p) => (a.partners.join(", "), p.join(", ")),
        };
        if old == new {
            if a.is_empty() {
                self.notes.remove(id);
            }
            return false;
        }
        let at = now();
        // Typing a note is many small edits: one history entry per editing session (same
        // person, same field, within ten minutes) keeps the history readable without losing
        // the text as it was before the session.
        let continues = a.history.last().is_some_and(|h| {
            h.field == edit.field() && h.by == who && within_minutes(&h.at, &at, 10)
        });
        match a.history.last_mut() {
            Some(last) if continues => last.new.clone_from(&new),
            _ => a.history.push(HistoryEntry {
                at: at.clone(),
                by: who.to_owned(),
                field: edit.field().to_owned(),
                old,
                new,
            }),
        }
        match edit {
            Edit::Note(n) => a.note = n,
            Edit::Status(s) => a.status = s,
            Edit::Priority(p) => a.priority = p,
            Edit::Years(y) => a.years = y,
            Edit::Partners(p) => a.partners = p,
        }
        a.updated_by = who.to_owned();
        a.updated_at = at;
        title.clone_into(&mut a.seen_title);
        true
    }

    /// Ids annotated here that `kompas` does not have ("notities zonder plek").
    pub fn orphans(&self, kompas: &Kompas) -> Vec<&str> {
        self.notes
            .keys()
            .filter(|id| kompas.get(id).is_none())
            .map(String::as_str)
            .collect()
    }

    /// True when element `id`'s title differs from the one it had when annotated.
    pub fn text_changed(&self, id: &str, current_title: &str) -> bool {
        self.notes
            .get(id)
            .is_some_and(|a| !a.seen_title.is_empty() && a.seen_title != current_title)
    }

    /// Adds a partner to the list (if new).
    pub fn add_partner(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || self.partners.iter().any(|p| p == name) {
            return false;
        }
        self.partners.push(name.to_owned());
        true
    }
}

fn within_minutes(a: &str, b: &str, minutes: i64) -> bool {
    let (Ok(a), Ok(b)) = (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) else {
        return false;
    };
    (b.as_second() - a.as_second()).abs() <= minutes * 60
}

/// Rows for CSV and Markdown exports: one per annotation, reactions and history flattened
/// into text so every word is in the export.
pub fn export_rows(file: &NotesFile, kompas: &Kompas) -> Vec<[String; 11]> {
    file.notes
        .iter()
        .map(|(id, a)| {
            let ix = kompas.get(id);
            let title = ix.map_or_else(
                || "(niet meer in het kompas)".to_owned(),
                |ix| kompas.element(ix).title.clone(),
            );
            let level = ix
                .and_then(|ix| kompas.level(ix))
                .map_or_else(String::new, |l| l.name.clone());
            let reactions = a
                .reactions
                .iter()
                .map(|r| {
                    let mut parts = vec![format!("{} ({}, {})", r.partner, r.by, r.at)];
                    if !r.note.is_empty() {
                        parts.push(format!("notitie: {}", r.note));
                    }
                    if let Some(s) = &r.status {
                        parts.push(format!("status: {s}"));
                    }
                    if !r.proposal.is_empty() {
                        parts.push(format!("voorstel: {}", r.proposal));
                    }
                    parts.join("; ")
                })
                .collect::<Vec<_>>()
                .join(" | ");
            let history = a
                .history
                .iter()
                .map(|h| format!("{} {} {}: '{}' → '{}'", h.at, h.by, h.field, h.old, h.new))
                .collect::<Vec<_>>()
                .join(" | ");
            [
                id.clone(),
                level,
                title,
                a.note.clone(),
                a.status.clone().unwrap_or_default(),
                a.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
                show_years(&a.years),
                a.partners.join(", "),
                format!("{} {}", a.updated_by, a.updated_at)
                    .trim()
                    .to_owned(),
                reactions,
                history,
            ]
        })
        .collect()
}

/// Column names of [`export_rows`].
pub const EXPORT_HEADER: [&str; 11] = [
    "id",
    "niveau",
    "titel",
    "notitie",
    "status",
    "prioriteit",
    "jaren",
    "partners",
    "laatst gewijzigd",
    "reacties",
    "geschiedenis",
];

/// The notes as CSV (UTF-8, comma separated, quoted where needed).
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn to_csv(file: &NotesFile, kompas: &Kompas) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(EXPORT_HEADER)?;
    for row in export_rows(file, kompas) {
        w.write_record(&row)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The notes as a Markdown document, grouped in document order with orphans at the end.
pub fn to_markdown(file: &NotesFile, kompas: &Kompas) -> String {
    let mut out = format!("# Notities bij {}\n\n", kompas.meta.title);
    let rows = export_rows(file, kompas);
    for row in rows {
        let [
            id,
            level,
            title,
            note,
            status,
            priority,
            years,
            partners,
            updated,
            reactions,
            history,
        ] = row;
        out.push_str(&format!("## {level} {id}: {title}\n\n"));
        for (k, v) in [
            ("Status", status),
            ("Prioriteit", priority),
            ("Jaren", years),
            ("Partners", partners),
            ("Laatst gewijzigd", updated),
        ] {
            if !v.is_empty() {
                out.push_str(&format!("- **{k}:** {v}\n"));
            }
        }
        if !note.is_empty() {
            out.push_str(&format!("\n{note}\n"));
        }
        if !reactions.is_empty() {
            out.push_str(&format!("\n**Reacties:** {reactions}\n"));
        }
        if !history.is_empty() {
            out.push_str(&format!("\n*Geschiedenis:* {history}\n"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kompas() -> Kompas {
        crate::load::load_embedded().unwrap().kompas
    }

    #[test]
    fn edits_record_who_when_and_the_old_value() {
        let mut f = NotesFile::default();
        assert!(f.edit("1.1.1.1", "t", "Anna", Edit::Note("eerste".into())));
        assert!(f.edit(
            "1.1.1.1",
            "t",
            "Anna",
            Edit::Status(Some("in uitvoering".into()))
        ));
        assert!(
            !f.edit(
                "1.1.1.1",
                "t",
                "Anna",
                Edit::Status(Some("in uitvoering".into()))
            ),
            "no change"
        );
        assert!(f.edit("1.1.1.1", "t", "Bert", Edit::Note("tweede".into())));
        let a = f.get("1.1.1.1").unwrap();
        assert_eq!(a.note, "tweede");
        assert_eq!(a.updated_by, "Bert");
        assert!(a.updated_at.parse::<jiff::Timestamp>().is_ok());
        let fields: Vec<_> = a
            .history
            .iter()
            .map(|h| (h.by.as_str(), h.field.as_str(), h.old.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Anna", "notitie", ""),
                ("Anna", "status", ""),
                ("Bert", "notitie", "eerste")
            ]
        );
        // Typing on in the same session extends the last entry instead of adding one per key.
        assert!(f.edit("1.1.1.1", "t", "Bert", Edit::Note("tweede!".into())));
        assert_eq!(f.get("1.1.1.1").unwrap().history.len(), 3);
        assert_eq!(f.get("1.1.1.1").unwrap().history[2].new, "tweede!");
        // Clearing an untouched empty annotation leaves nothing behind.
        assert!(!f.edit("2.2", "t", "Anna", Edit::Note(String::new())));
        assert!(f.get("2.2").is_none());
    }

    #[test]
    fn years_parse_lists_and_ranges() {
        assert_eq!(parse_years("2019, 2017-2018"), Some(vec![2017, 2018, 2019]));
        assert_eq!(parse_years(""), Some(vec![]));
        assert_eq!(parse_years("volgend jaar"), None);
        assert_eq!(parse_years("2020-2010"), None);
    }

    #[test]
    fn orphans_and_changed_texts_are_noticed() {
        let k = kompas();
        let mut f = NotesFile::default();
        f.edit("9.9.9", "weg", "Anna", Edit::Note("blijft bewaard".into()));
        f.edit(
            "1.1",
            "Meer jeugd groeit op in een veilige omgeving",
            "Anna",
            Edit::Note("x".into()),
        );
        f.edit("1.2", "een oudere titel", "Anna", Edit::Note("y".into()));
        assert_eq!(f.orphans(&k), ["9.9.9"]);
        let title = |id: &str| k.element(k.get(id).unwrap()).title.clone();
        assert!(!f.text_changed("1.1", &title("1.1")));
        assert!(f.text_changed("1.2", &title("1.2")));
    }

    #[test]
    fn filters_by_status_partner_mine_and_note() {
        let mut f = NotesFile::default();
        f.edit("a", "", "Anna", Edit::Status(Some("afgerond".into())));
        f.edit(
            "b",
            "",
            "Anna",
            Edit::Partners(vec!["Welzijn".into(), "Anna".into()]),
        );
        f.edit("c", "", "Anna", Edit::Note("iets".into()));
        let pass = |flt: &Filter| -> Vec<&str> {
            ["a", "b", "c", "d"]
                .into_iter()
                .filter(|id| flt.accepts(f.get(id)))
                .collect()
        };
        assert_eq!(pass(&Filter::default()), ["a", "b", "c", "d"]);
        assert_eq!(
            pass(&Filter {
                status: Some("afgerond".into()),
                ..Default::default()
            }),
            ["a"]
        );
        assert_eq!(
            pass(&Filter {
                partner: Some("Welzijn".into()),
                ..Default::default()
            }),
            ["b"]
        );
        assert_eq!(
            pass(&Filter {
                mine: Some("Anna".into()),
                ..Default::default()
            }),
            ["b"]
        );
        assert_eq!(
            pass(&Filter {
                with_note: true,
                ..Default::default()
            }),
            ["c"]
        );
    }

    #[test]
    fn save_is_atomic_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/notities.ron");
        let mut f = NotesFile::default();
        f.edit("1.1", "", "Anna", Edit::Note("een".into()));
        save(&path, &f).unwrap();
        f.edit("1.1", "", "Bert", Edit::Note("twee".into()));
        save(&path, &f).unwrap();
        let (now, outcome) = open(&path).unwrap();
        assert_eq!(outcome, OpenOutcome::Loaded);
        assert_eq!(now.get("1.1").unwrap().note, "twee");
        let backup = parse(&fs::read_to_string(backup_path(&path)).unwrap()).unwrap();
        assert_eq!(backup.get("1.1").unwrap().note, "een");
    }

    #[test]
    fn a_crash_between_write_and_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notities.ron");
        let mut f = NotesFile::default();
        f.edit("1.1", "", "Anna", Edit::Note("veilig".into()));
        save(&path, &f).unwrap();
        // What a crash after writing the temporary file but before the rename leaves behind:
        let tmp = dir
            .path()
            .join(format!(".notities.ron.tmp-{}", std::process::id()));
        fs::write(&tmp, "(format: 1, notes: {\"1.1\": (note: \"half").unwrap();
        let (again, outcome) = open(&path).unwrap();
        assert_eq!(outcome, OpenOutcome::Loaded);
        assert_eq!(again.get("1.1").unwrap().note, "veilig");
        // The next save replaces the leftover temporary file.
        save(&path, &again).unwrap();
        assert!(!tmp.exists());
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notities.ron");
        let mut f = NotesFile::default();
        f.edit("1.1", "", "Anna", Edit::Note("goed".into()));
        save(&path, &f).unwrap();
        save(&path, &f).unwrap(); // now notities.ron.bak holds a good copy too
        let damaged = "(format: 1, notes: {\"1.1\": (note: \"kapot";
        fs::write(&path, damaged).unwrap();
        let (loaded, outcome) = open(&path).unwrap();
        let OpenOutcome::Damaged {
            kept_at,
            from_backup,
            ..
        } = &outcome
        else {
            panic!("{outcome:?}")
        };
        assert!(from_backup);
        assert_eq!(loaded.get("1.1").unwrap().note, "goed");
        assert_eq!(
            fs::read_to_string(kept_at).unwrap(),
            damaged,
            "the damaged file is kept as it was"
        );
        assert!(
            kept_at
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("notities.ron.beschadigd-")
        );
        let msg = outcome.message().unwrap();
        assert!(
            msg.contains("bewaard als") && msg.contains("beschadigd"),
            "{msg}"
        );
        // Saving now writes a new file; the kept one is untouched and the good backup stays.
        save(&path, &loaded).unwrap();
        assert_eq!(fs::read_to_string(kept_at).unwrap(), damaged);
        // Without a backup the store starts empty, still keeping the damaged file.
        fs::remove_file(backup_path(&path)).unwrap();
        fs::write(&path, "niet eens RON").unwrap();
        let (empty, outcome) = open(&path).unwrap();
        assert!(empty.notes.is_empty());
        assert!(matches!(
            outcome,
            OpenOutcome::Damaged {
                from_backup: false,
                ..
            }
        ));
    }

    #[test]
    fn another_writers_version_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notities.ron");
        let mut mine = NotesFile::default();
        mine.edit("1.1", "", "Anna", Edit::Note("van Anna".into()));
        let saved = save_text(&path, &to_text(&mine).unwrap(), None).unwrap();
        // A colleague writes the shared file in between (and it is a second longer).
        let mut theirs = NotesFile::default();
        theirs.edit("2.2", "", "Bert", Edit::Note("van Bert".into()));
        fs::write(&path, to_text(&theirs).unwrap()).unwrap();
        mine.edit("1.1", "", "Anna", Edit::Note("van Anna, later".into()));
        let again = save_text(&path, &to_text(&mine).unwrap(), saved.stamp).unwrap();
        let kept = again.kept_aside.unwrap();
        assert!(kept.to_string_lossy().contains("andere-versie"));
        assert_eq!(
            parse(&fs::read_to_string(&kept).unwrap())
                .unwrap()
                .get("2.2")
                .unwrap()
                .note,
            "van Bert"
        );
        // Our expected stamp now matches: the next save is a plain one with a backup.
        let third = save_text(&path, &to_text(&mine).unwrap(), again.stamp).unwrap();
        assert!(third.kept_aside.is_none());
        assert!(backup_path(&path).exists());
    }

    #[test]
    fn text_with_quotes_newlines_and_hashes_round_trips() {
        let mut f = NotesFile::default();
        let tricky = "Zeg \"ja\"\nnieuwe regel, backslash \\ en r#\"raw\"# en emoji \u{1F600}";
        f.edit("1.1", "", "Anna", Edit::Note(tricky.into()));
        let back = parse(&to_text(&f).unwrap()).unwrap();
        assert_eq!(back.get("1.1").unwrap().note, tricky);
    }

    #[test]
    fn a_newer_format_is_refused_not_misread() {
        let e = parse("(format: 9)").unwrap_err();
        assert!(e.contains("nieuwer"), "{e}");
    }

    #[test]
    fn exports_carry_every_word() {
        let k = kompas();
        let mut f = NotesFile::default();
        f.edit(
            "1.1.1.1",
            "",
            "Anna",
            Edit::Note("Notitie, met \"quotes\"\nen een regel".into()),
        );
        f.edit(
            "1.1.1.1",
            "",
            "Anna",
            Edit::Partners(vec!["Welzijn".into()]),
        );
        f.notes
            .get_mut("1.1.1.1")
            .unwrap()
            .reactions
            .push(Reaction {
                partner: "Welzijn".into(),
                note: "Wij pakken dit op".into(),
                proposal: "Ook de bibliotheek".into(),
                ..Default::default()
            });
        f.edit("7.7", "", "Anna", Edit::Note("zonder plek".into()));
        let csv = to_csv(&f, &k).unwrap();
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][3], "Notitie, met \"quotes\"\nen een regel");
        assert!(
            rows[0][9].contains("Wij pakken dit op") && rows[0][9].contains("Ook de bibliotheek")
        );
        assert_eq!(&rows[1][2], "(niet meer in het kompas)");
        let md = to_markdown(&f, &k);
        assert!(md.contains("Wij pakken dit op") && md.contains("zonder plek"));
    }
}
