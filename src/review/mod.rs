//! The offline partner round trip. The municipality sends one invitation per partner with the
//! elements assigned to them and their context ([`invite`]), and records in its own notes
//! what it sent. The partner opens the invitation in Kompas, writes reactions and sends the
//! file back; the municipality imports the reaction files ([`import`]).
//!
//! Reaction files come back by e-mail and are untrusted: bounded and version-checked here, and
//! on import matched to the invitation they answer. A partner can react only to what they were
//! asked, statuses must be in the municipality's list, and the base of every change is what
//! the municipality sent, never what the file claims. Import is a plan first (new, changed,
//! the same, in conflict, refused) and then an apply with a choice per conflict; partner words
//! are always stored as reactions, so nothing anyone wrote is lost.

pub mod html;
mod import;
mod invite;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use import::{Applied, Change, ChangeKind, Choice, Plan, Refusal, Subject, apply, plan};
pub use invite::{ShareNotes, invite, invite_for_year};

/// Newest review-file format this build reads and writes. Version 2 carries the invitation
/// id; version 1 files answer no recorded invitation and are refused on import.
pub const REVIEW_FORMAT: u32 = 2;

/// The extension of an invitation written for Kompas (its MIME type:
/// `application/x-kompas-uitnodiging`). Kompas reads a review file by its content, so a
/// `.ron` invitation opens just as well.
pub const INVITATION_EXT: &str = "kompas-uitnodiging";

/// The extension of a partner's reaction file (`application/x-kompas-reactie`).
pub const REACTION_EXT: &str = "kompas-reactie";

/// Review files larger than this are refused.
pub const MAX_REVIEW_BYTES: u64 = 32 * 1024 * 1024;

/// Longest text field accepted from a review file (characters): the notes store's limit.
pub const MAX_TEXT: usize = crate::notes::MAX_TEXT_CHARS;

/// Longest name, status or time accepted from a review file (characters).
pub const MAX_NAME: usize = crate::notes::MAX_NAME_CHARS;

/// Most items accepted from one review file.
pub const MAX_ITEMS: usize = 100_000;

/// Which way a review file travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewKind {
    /// From the municipality to a partner.
    Uitnodiging,
    /// From the partner back, with reactions.
    Reactie,
}

/// One level of an element's context ("Koers 1.3: ...").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContextLine {
    /// Level and number, e.g. "Koers 1.3".
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its longer text (a koers's introduction), so the partner reads what it is about.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A begrip the invitation's texts use, with its definition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BegripLine {
    /// The term.
    pub term: String,
    /// Its definition, verbatim.
    pub definition: String,
}

/// What a partner writes about one element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReactionDraft {
    /// Their note.
    pub note: String,
    /// The status they report.
    pub status: Option<String>,
    /// A change they propose.
    pub proposal: String,
    /// What was achieved in the year asked about (only when the invitation asks for a year).
    pub voortgang: String,
}

impl ReactionDraft {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty()
            && self.status.is_none()
            && self.proposal.trim().is_empty()
            && self.voortgang.trim().is_empty()
    }
}

/// One element in a review file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewItem {
    /// The element's id.
    pub id: String,
    /// "Inspanning 1.3.2.5".
    pub name: String,
    /// The element's words.
    pub title: String,
    /// Where it stands: hoofddoel, koers, hoofdinspanning.
    pub context: Vec<ContextLine>,
    /// The municipality's note, only when the staff member chose to share it.
    pub note: String,
    /// The municipality's status when exported.
    pub status: Option<String>,
    /// The partner's own latest reaction when exported, so they can see and revise it.
    pub previous: Option<ReactionDraft>,
    /// The asked year's status and what was achieved, as the municipality has them.
    pub year_record: Option<crate::notes::YearRecord>,
    /// What the partner writes now.
    pub reaction: ReactionDraft,
}

/// A review file (both directions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewFile {
    /// Format version.
    pub format: u32,
    /// Direction.
    pub kind: ReviewKind,
    /// The invitation this file is or answers (recorded in the municipality's notes).
    pub invitation: String,
    /// The compass's title.
    pub kompas: String,
    /// The partner organisation.
    pub partner: String,
    /// When and by whom it was exported.
    pub exported_at: String,
    /// Who exported it.
    pub exported_by: String,
    /// When the partner saved their reactions.
    pub answered_at: String,
    /// Who answered.
    pub answered_by: String,
    /// The statuses the partner can choose from.
    pub statuses: Vec<String>,
    /// What the elements are called, one and many ("inspanning", "inspanningen").
    pub element_name: (String, String),
    /// The begrippen used in the elements and their context.
    pub begrippen: Vec<BegripLine>,
    /// The elements.
    pub items: Vec<ReviewItem>,
    /// The year whose progress is asked: the status the partner gives is that year's, and
    /// they can say what was achieved.
    pub jaar: Option<i32>,
}

impl Default for ReviewFile {
    fn default() -> Self {
        Self {
            format: REVIEW_FORMAT,
            kind: ReviewKind::Uitnodiging,
            invitation: String::new(),
            kompas: String::new(),
            partner: String::new(),
            exported_at: String::new(),
            exported_by: String::new(),
            answered_at: String::new(),
            answered_by: String::new(),
            statuses: Vec::new(),
            element_name: ("onderdeel".into(), "onderdelen".into()),
            begrippen: Vec::new(),
            items: Vec::new(),
            jaar: None,
        }
    }
}

impl ReviewFile {
    /// Who sent the invitation, or "de gemeente" when no one was named.
    pub fn sender(&self) -> &str {
        let by = self.exported_by.trim();
        if by.is_empty() || by == crate::notes::UNKNOWN_USER {
            "de gemeente"
        } else {
            by
        }
    }

    /// "1 inspanning", "3 inspanningen".
    pub fn count_text(&self) -> String {
        let (one, many) = &self.element_name;
        crate::text::count(self.items.len(), one, many)
    }
}

/// Why a review file is refused as a whole.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReviewError {
    /// Could not be read.
    #[error("{0}")]
    Read(String),
    /// Not a review file, or broken.
    #[error("dit is geen geldig Kompas-partnerbestand: {0}")]
    Invalid(String),
    /// From a newer Kompas.
    #[error(
        "dit partnerbestand heeft formaatversie {0}; deze versie van Kompas leest tot en met versie {REVIEW_FORMAT}. Werk Kompas bij."
    )]
    Version(u32),
    /// Exceeds a limit.
    #[error("dit partnerbestand is te groot: {0}")]
    TooLarge(String),
    /// An invitation, not a partner's reaction.
    #[error("dit is een uitnodiging, geen reactiebestand van een partner")]
    NotAReaction,
    /// It answers no invitation recorded in these notes.
    #[error(
        "dit reactiebestand hoort bij geen uitnodiging in deze notities{0}; alleen reacties op een uitnodiging uit deze notities worden ingelezen"
    )]
    NoInvitation(String),
    /// The partner named in the file is not the one invited.
    #[error("de uitnodiging was voor ‘{expected}’, maar het bestand zegt ‘{found}’")]
    WrongPartner {
        /// The invited partner.
        expected: String,
        /// The name in the file.
        found: String,
    },
    /// The file is about another compass than the one open.
    #[error("dit bestand hoort bij ‘{found}’, niet bij ‘{expected}’")]
    WrongKompas {
        /// The compass open (and invited about).
        expected: String,
        /// The compass named in the file.
        found: String,
    },
}

/// Parses and checks an untrusted review file's text: its version, every id, and every field
/// against the limits.
///
/// # Errors
/// A Dutch reason when it is not a review file Kompas can safely read.
pub fn parse(text: &str) -> Result<ReviewFile, ReviewError> {
    // The version is checked before the rest, so a newer file gets the right message even
    // when its other fields are unknown here (serde ignores them in this small struct).
    #[derive(Deserialize)]
    struct Version {
        #[serde(default)]
        format: u32,
    }
    if let Ok(v) = crate::format::from_ron::<Version>(text)
        && v.format > REVIEW_FORMAT
    {
        return Err(ReviewError::Version(v.format));
    }
    let file: ReviewFile = crate::format::from_ron(text).map_err(|e| {
        ReviewError::Invalid(format!(
            "regel {}, kolom {}: {}",
            e.span.start.line,
            e.span.start.col,
            crate::problem::dutch_ron_message(&e.code)
        ))
    })?;
    if file.format > REVIEW_FORMAT {
        return Err(ReviewError::Version(file.format));
    }
    check_bounds(&file)?;
    Ok(file)
}

/// Every field of a review file within its limit.
fn check_bounds(file: &ReviewFile) -> Result<(), ReviewError> {
    let long = |s: &str, max: usize| s.chars().count() > max;
    if file.partner.trim().is_empty() || long(&file.partner, MAX_NAME) {
        return Err(ReviewError::Invalid(
            "de naam van de partner ontbreekt of is te lang".into(),
        ));
    }
    let names = [
        &file.invitation,
        &file.kompas,
        &file.exported_at,
        &file.exported_by,
        &file.answered_at,
        &file.answered_by,
    ];
    if names.iter().any(|s| long(s, MAX_NAME)) || file.statuses.iter().any(|s| long(s, MAX_NAME)) {
        return Err(ReviewError::TooLarge(format!(
            "een naam, tijd of status is langer dan {MAX_NAME} tekens"
        )));
    }
    let (one, many) = &file.element_name;
    let begrip_long = file
        .begrippen
        .iter()
        .any(|b| long(&b.term, MAX_NAME) || long(&b.definition, MAX_TEXT));
    if long(one, MAX_NAME) || long(many, MAX_NAME) || begrip_long {
        return Err(ReviewError::TooLarge(
            "een begrip of naam is langer dan toegestaan".into(),
        ));
    }
    if file.items.len() > MAX_ITEMS
        || file.statuses.len() > crate::notes::MAX_LIST
        || file.begrippen.len() > crate::notes::MAX_LIST
    {
        return Err(ReviewError::TooLarge(format!(
            "{} elementen (hoogstens {MAX_ITEMS})",
            file.items.len()
        )));
    }
    for item in &file.items {
        if !crate::load::is_valid_id(&item.id) {
            return Err(ReviewError::Invalid(format!(
                "ongeldige id '{}'",
                printable(&item.id.chars().take(70).collect::<String>())
            )));
        }
        let drafts = std::iter::once(&item.reaction).chain(item.previous.as_ref());
        let mut texts = vec![&item.note, &item.title];
        let mut short = vec![&item.name];
        for d in drafts {
            texts.extend([&d.note, &d.proposal, &d.voortgang]);
            short.extend(d.status.as_ref());
        }
        if let Some(r) = &item.year_record {
            texts.push(&r.voortgang);
            short.extend(r.status.as_ref());
        }
        short.extend(item.status.as_ref());
        for c in &item.context {
            texts.extend([&c.title, &c.text]);
            short.push(&c.name);
        }
        if texts.iter().any(|t| long(t, MAX_TEXT)) || short.iter().any(|t| long(t, MAX_NAME)) {
            return Err(ReviewError::TooLarge(format!(
                "een tekst bij {} is langer dan toegestaan ({MAX_TEXT} tekens, namen en statussen {MAX_NAME})",
                item.id
            )));
        }
    }
    Ok(())
}

/// Text from an untrusted file made safe to print on a terminal: control characters (escape
/// sequences among them) are shown as `\u{…}` instead of being sent to the terminal.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a review file from disk.
///
/// # Errors
/// See [`parse`]; also unreadable, oversized or not regular files.
pub fn read(path: &Path) -> Result<ReviewFile, ReviewError> {
    let text = crate::fsio::read_text(path, MAX_REVIEW_BYTES).map_err(|e| match e {
        crate::fsio::ReadError::TooLarge(limit) => {
            ReviewError::TooLarge(format!("meer dan {} MB", limit / 1024 / 1024))
        }
        e => ReviewError::Read(format!("{}: {e}", path.display())),
    })?;
    parse(&text)
}

/// Writes a review file atomically.
///
/// # Errors
/// I/O or serialisation failures.
pub fn write(path: &Path, file: &ReviewFile) -> std::io::Result<()> {
    let text = crate::format::to_ron(file).map_err(std::io::Error::other)?;
    crate::fsio::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_files_are_checked() {
        assert!(matches!(
            parse("(format: 99, kind: Reactie, partner: \"x\")"),
            Err(ReviewError::Version(99))
        ));
        assert!(matches!(parse("geen ron"), Err(ReviewError::Invalid(_))));
        assert!(matches!(
            parse("(kind: Reactie, partner: \"\")"),
            Err(ReviewError::Invalid(_))
        ));
        let bad_id = "(kind: Reactie, partner: \"p\", items: [(id: \"../../etc/passwd\")])";
        assert!(matches!(parse(bad_id), Err(ReviewError::Invalid(_))));
        let long = format!(
            "(kind: Reactie, partner: \"p\", items: [(id: \"1\", reaction: (note: \"{}\"))])",
            "x".repeat(MAX_TEXT + 1)
        );
        assert!(matches!(parse(&long), Err(ReviewError::TooLarge(_))));
        // Finding: a 30 MB status was accepted.
        let status = format!(
            "(kind: Reactie, partner: \"p\", items: [(id: \"1\", reaction: (status: \"{}\"))])",
            "s".repeat(MAX_NAME + 1)
        );
        assert!(matches!(parse(&status), Err(ReviewError::TooLarge(_))));
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("groot.ron");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_REVIEW_BYTES + 1).unwrap();
        assert!(matches!(read(&big), Err(ReviewError::TooLarge(_))));
    }

    /// Finding: escape codes in a partner name or status reached the terminal unfiltered.
    #[test]
    fn escape_codes_are_shown_not_sent() {
        let hostile = "Welzijn\u{1b}[2J\u{1b}]0;gehackt\u{7}";
        let shown = printable(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown}");
        assert!(shown.starts_with("Welzijn\\u{1b}[2J"), "{shown}");
        assert_eq!(printable("regel\nnog een\tregel"), "regel\nnog een\tregel");
    }
}
