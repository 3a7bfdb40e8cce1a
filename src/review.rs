//! The offline partner round trip. The municipality exports one file per partner with the
//! elements assigned to them, their context and the current notes; the partner opens it in
//! Kompas, writes reactions and saves it back; the municipality imports the reaction files.
//!
//! Import is a plan first (what is new, changed, the same, or in conflict with a local edit)
//! and then an apply with a choice per conflict. Partner words are always stored as reactions,
//! whatever is chosen, so nothing anyone wrote is lost. Reaction files are untrusted input:
//! size-limited, version-checked, and only ever read into the notes store.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Kompas;
use crate::notes::{NotesFile, Reaction, now};

/// Newest review-file format this build reads and writes.
pub const REVIEW_FORMAT: u32 = 1;

/// Review files larger than this are refused.
pub const MAX_REVIEW_BYTES: u64 = 32 * 1024 * 1024;

/// Longest text field accepted from a review file (characters).
const MAX_TEXT: usize = 100_000;

/// Most items accepted from one review file.
const MAX_ITEMS: usize = 100_000;

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
}

impl ReactionDraft {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty() && self.status.is_none() && self.proposal.trim().is_empty()
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
    /// The municipality's note when exported (read-only for the partner).
    pub note: String,
    /// The municipality's status when exported.
    pub status: Option<String>,
    /// The partner's own latest reaction when exported, so they can see and revise it.
    pub previous: Option<ReactionDraft>,
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
    /// The elements.
    pub items: Vec<ReviewItem>,
}

impl Default for ReviewFile {
    fn default() -> Self {
        Self {
            format: REVIEW_FORMAT,
            kind: ReviewKind::Uitnodiging,
            kompas: String::new(),
            partner: String::new(),
            exported_at: String::new(),
            exported_by: String::new(),
            answered_at: String::new(),
            answered_by: String::new(),
            statuses: Vec::new(),
            items: Vec::new(),
        }
    }
}

/// Why a review file is refused.
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
}

/// Builds the file for `partner`: every element assigned to them, in document order, with its
/// context, the current note and status, and their own latest reaction.
pub fn export_for_partner(
    notes: &NotesFile,
    kompas: &Kompas,
    partner: &str,
    who: &str,
) -> ReviewFile {
    let mut items = Vec::new();
    for ix in kompas.document_order() {
        let el = kompas.element(ix);
        let Some(a) = notes.get(el.id.as_str()) else {
            continue;
        };
        if !a.partners.iter().any(|p| p == partner) {
            continue;
        }
        let context = kompas
            .path(ix)
            .into_iter()
            .skip(1)
            .filter(|&p| p != ix)
            .map(|p| ContextLine {
                name: kompas.short_name(p),
                title: kompas.element(p).title.clone(),
            })
            .collect();
        items.push(ReviewItem {
            id: el.id.to_string(),
            name: kompas.short_name(ix),
            title: el.title.clone(),
            context,
            note: a.note.clone(),
            status: a.status.clone(),
            previous: a
                .latest_reaction(partner)
                .filter(|r| !r.is_empty())
                .map(|r| ReactionDraft {
                    note: r.note.clone(),
                    status: r.status.clone(),
                    proposal: r.proposal.clone(),
                }),
            reaction: ReactionDraft::default(),
        });
    }
    ReviewFile {
        kind: ReviewKind::Uitnodiging,
        kompas: kompas.meta.title.clone(),
        partner: partner.to_owned(),
        exported_at: now(),
        exported_by: who.to_owned(),
        statuses: notes.statuses.clone(),
        items,
        ..ReviewFile::default()
    }
}

/// Parses and checks an untrusted review file's text.
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
    if let Ok(v) = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Version>(text)
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
    if file.partner.trim().is_empty() || file.partner.chars().count() > 200 {
        return Err(ReviewError::Invalid(
            "de naam van de partner ontbreekt of is te lang".into(),
        ));
    }
    if file.items.len() > MAX_ITEMS {
        return Err(ReviewError::TooLarge(format!(
            "{} elementen (hoogstens {MAX_ITEMS})",
            file.items.len()
        )));
    }
    for item in &file.items {
        if !crate::load::is_valid_id(&item.id) {
            return Err(ReviewError::Invalid(format!(
                "ongeldige id '{}'",
                item.id.chars().take(70).collect::<String>()
            )));
        }
        let texts = [
            &item.reaction.note,
            &item.reaction.proposal,
            &item.note,
            &item.title,
        ];
        if texts.iter().any(|t| t.chars().count() > MAX_TEXT) {
            return Err(ReviewError::TooLarge(format!(
                "een tekst bij {} is langer dan {MAX_TEXT} tekens",
                item.id
            )));
        }
    }
    Ok(file)
}

/// Reads a review file from disk.
///
/// # Errors
/// See [`parse`]; also unreadable or oversized files.
pub fn read(path: &Path) -> Result<ReviewFile, ReviewError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        ReviewError::Read(format!("{} kan niet worden gelezen: {e}", path.display()))
    })?;
    if meta.len() > MAX_REVIEW_BYTES {
        return Err(ReviewError::TooLarge(format!(
            "{} MB (hoogstens {} MB)",
            meta.len() / 1024 / 1024,
            MAX_REVIEW_BYTES / 1024 / 1024
        )));
    }
    let text = crate::source::read_limited(path)
        .map_err(|e| ReviewError::Read(format!("{}: {e}", path.display())))?;
    parse(&text)
}

/// Writes a review file atomically.
///
/// # Errors
/// I/O or serialisation failures.
pub fn write(path: &Path, file: &ReviewFile) -> std::io::Result<()> {
    let text = crate::format::to_ron(file).map_err(std::io::Error::other)?;
    crate::write::write_atomic(path, text.as_bytes())
}

/// How one part of a reaction relates to what the municipality has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// New: nothing like it was there.
    Nieuw,
    /// The partner changed it, the municipality did not.
    Gewijzigd,
    /// The partner withdrew their earlier reaction.
    Ingetrokken,
    /// Both sides made the same change; nothing to do.
    Gelijk,
    /// Both sides changed it differently: someone must choose.
    Conflict,
}

impl ChangeKind {
    /// Dutch name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Nieuw => "nieuw",
            Self::Gewijzigd => "gewijzigd",
            Self::Ingetrokken => "ingetrokken",
            Self::Gelijk => "gelijk",
            Self::Conflict => "conflict",
        }
    }
}

/// What a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The partner's reaction text (note and proposal).
    Reactie,
    /// The element's status.
    Status,
}

/// One planned change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Element id.
    pub id: String,
    /// The element's name (from the file, also for ids the compass no longer has).
    pub name: String,
    /// Reaction or status.
    pub subject: Subject,
    /// How it relates.
    pub kind: ChangeKind,
    /// What the municipality has now.
    pub ours: String,
    /// What the partner sent.
    pub theirs: String,
    /// What both had when the file was exported.
    pub base: String,
}

/// The result of reading one reaction file against the notes, before anything is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The partner.
    pub partner: String,
    /// Who answered and when.
    pub answered: String,
    /// Every change, in file order.
    pub changes: Vec<Change>,
    /// The reactions to store, one per item that says something or withdraws.
    reactions: Vec<(String, Reaction)>,
    /// The compass title in the file differs from the compass's.
    pub other_kompas: Option<String>,
}

/// How to settle a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep the municipality's value.
    Ours,
    /// Take the partner's value.
    Theirs,
}

impl Plan {
    /// Number of changes of each kind.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Indices of the conflicts, for choosing.
    pub fn conflicts(&self) -> Vec<usize> {
        (0..self.changes.len())
            .filter(|&i| {
                self.changes
                    .get(i)
                    .is_some_and(|c| c.kind == ChangeKind::Conflict)
            })
            .collect()
    }
}

fn reaction_text(r: Option<&ReactionDraft>) -> String {
    r.map(|r| {
        let mut parts = Vec::new();
        if !r.note.is_empty() {
            parts.push(r.note.clone());
        }
        if !r.proposal.is_empty() {
            parts.push(format!("voorstel: {}", r.proposal));
        }
        parts.join(" — ")
    })
    .unwrap_or_default()
}

/// Reads a reaction file against the notes: what is new, changed, withdrawn, the same, or in
/// conflict with a local edit. Changes nothing.
pub fn plan(notes: &NotesFile, file: &ReviewFile, kompas_title: &str) -> Plan {
    let imported_at = now();
    let mut changes = Vec::new();
    let mut reactions = Vec::new();
    for item in &file.items {
        let current = notes.get(&item.id);
        let ours_latest = current.and_then(|a| a.latest_reaction(&file.partner));
        let theirs = &item.reaction;
        let as_draft = |r: &Reaction| ReactionDraft {
            note: r.note.clone(),
            status: r.status.clone(),
            proposal: r.proposal.clone(),
        };
        let ours_draft = ours_latest.filter(|r| !r.is_empty()).map(as_draft);
        // The reaction itself: the partner's words, always kept.
        let words_changed = |a: &ReactionDraft, b: &ReactionDraft| {
            a.note != b.note || a.proposal != b.proposal || a.status != b.status
        };
        let kind = match (&ours_draft, theirs.is_empty()) {
            (None, true) => None,
            (None, false) => Some(ChangeKind::Nieuw),
            (Some(o), true) => item
                .previous
                .as_ref()
                .map(|_| ChangeKind::Ingetrokken)
                .filter(|_| !o.is_empty()),
            (Some(o), false) if !words_changed(o, theirs) => Some(ChangeKind::Gelijk),
            (Some(_), false) => Some(ChangeKind::Gewijzigd),
        };
        if let Some(kind) = kind {
            if kind != ChangeKind::Gelijk {
                reactions.push((
                    item.id.clone(),
                    Reaction {
                        partner: file.partner.clone(),
                        by: file.answered_by.clone(),
                        at: file.answered_at.clone(),
                        note: theirs.note.clone(),
                        status: theirs.status.clone(),
                        proposal: theirs.proposal.clone(),
                        imported_at: imported_at.clone(),
                    },
                ));
            }
            changes.push(Change {
                id: item.id.clone(),
                name: item.name.clone(),
                subject: Subject::Reactie,
                kind,
                ours: reaction_text(ours_draft.as_ref()),
                theirs: reaction_text(Some(theirs)),
                base: reaction_text(item.previous.as_ref()),
            });
        }
        // The status: a three-way merge of what was exported, what we have, what they send.
        if let Some(theirs_status) = &theirs.status
            && Some(theirs_status) != item.status.as_ref()
        {
            let ours_status = current.and_then(|a| a.status.clone());
            let kind = if ours_status.as_ref() == Some(theirs_status) {
                ChangeKind::Gelijk
            } else if ours_status == item.status {
                ChangeKind::Gewijzigd
            } else {
                ChangeKind::Conflict
            };
            changes.push(Change {
                id: item.id.clone(),
                name: item.name.clone(),
                subject: Subject::Status,
                kind,
                ours: ours_status.unwrap_or_default(),
                theirs: theirs_status.clone(),
                base: item.status.clone().unwrap_or_default(),
            });
        }
    }
    Plan {
        partner: file.partner.clone(),
        answered: format!("{} {}", file.answered_by, file.answered_at)
            .trim()
            .to_owned(),
        changes,
        reactions,
        other_kompas: (!file.kompas.is_empty() && file.kompas != kompas_title)
            .then(|| file.kompas.clone()),
    }
}

/// What an apply did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Reactions stored.
    pub reactions: usize,
    /// Statuses changed.
    pub statuses: usize,
    /// Conflicts left as they were because no choice was made.
    pub unresolved: usize,
}

/// Applies a plan as `who`: stores every reaction, applies non-conflicting status changes, and
/// settles each conflict by `choices` (by index into `plan.changes`); a conflict without a
/// choice is left alone. The partner's words are in the stored reactions either way.
pub fn apply(
    notes: &mut NotesFile,
    plan: &Plan,
    choices: &BTreeMap<usize, Choice>,
    who: &str,
    title_of: &dyn Fn(&str) -> String,
) -> Applied {
    let mut applied = Applied::default();
    for (id, reaction) in &plan.reactions {
        notes
            .notes
            .entry(id.clone())
            .or_default()
            .reactions
            .push(reaction.clone());
        applied.reactions += 1;
    }
    for (i, c) in plan.changes.iter().enumerate() {
        if c.subject != Subject::Status {
            continue;
        }
        let take = match c.kind {
            ChangeKind::Gewijzigd | ChangeKind::Nieuw => true,
            ChangeKind::Conflict => match choices.get(&i) {
                Some(Choice::Theirs) => true,
                Some(Choice::Ours) => false,
                None => {
                    applied.unresolved += 1;
                    false
                }
            },
            ChangeKind::Gelijk | ChangeKind::Ingetrokken => false,
        };
        if take {
            let by = format!("{who} (reactie van {})", plan.partner);
            if notes.edit(
                &c.id,
                &title_of(&c.id),
                &by,
                crate::notes::Edit::Status(Some(c.theirs.clone())),
            ) {
                applied.statuses += 1;
            }
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::Edit;

    fn kompas() -> Kompas {
        crate::load::load_embedded().unwrap().kompas
    }

    /// The municipality's notes: three inspanningen, two for Welzijn, one for Sport.
    fn municipality() -> NotesFile {
        let mut n = NotesFile::default();
        for (id, partner) in [
            ("1.1.1.1", "Welzijn"),
            ("1.1.1.2", "Welzijn"),
            ("1.5.2.3", "Sport"),
        ] {
            n.edit(id, "", "Gemeente", Edit::Partners(vec![partner.into()]));
            n.edit(id, "", "Gemeente", Edit::Note(format!("notitie bij {id}")));
            n.edit(
                id,
                "",
                "Gemeente",
                Edit::Status(Some("niet gestart".into())),
            );
        }
        n
    }

    fn answer(
        mut file: ReviewFile,
        id: &str,
        note: &str,
        status: Option<&str>,
        proposal: &str,
    ) -> ReviewFile {
        file.kind = ReviewKind::Reactie;
        file.answered_by = "Piet (Welzijn)".into();
        file.answered_at = "2026-11-20T10:00:00Z".into();
        let item = file.items.iter_mut().find(|i| i.id == id).unwrap();
        item.reaction = ReactionDraft {
            note: note.into(),
            status: status.map(str::to_owned),
            proposal: proposal.into(),
        };
        file
    }

    fn round_trip(file: &ReviewFile) -> ReviewFile {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("welzijn.ron");
        write(&path, file).unwrap();
        read(&path).unwrap()
    }

    #[test]
    fn export_holds_the_partners_elements_with_context_and_notes() {
        let k = kompas();
        let n = municipality();
        let f = export_for_partner(&n, &k, "Welzijn", "Gemeente");
        let ids: Vec<_> = f.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["1.1.1.1", "1.1.1.2"]);
        let ctx: Vec<_> = f.items[0].context.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(ctx, ["Hoofddoel 1", "Koers 1.1", "Hoofdinspanning A"]);
        assert_eq!(f.items[0].note, "notitie bij 1.1.1.1");
        assert_eq!(f.items[0].title, k.element(k.get("1.1.1.1").unwrap()).title);
        assert_eq!(f.statuses, n.statuses);
    }

    #[test]
    fn export_import_round_trip_keeps_every_field() {
        let k = kompas();
        let mut n = municipality();
        let f = export_for_partner(&n, &k, "Welzijn", "Gemeente");
        let f = answer(
            f,
            "1.1.1.1",
            "Wij doen dit samen met de bibliotheek.",
            Some("in uitvoering"),
            "Voeg 'en bibliotheken' toe.",
        );
        let back = round_trip(&f);
        assert_eq!(back, f, "every field survives the file");
        let p = plan(&n, &back, &k.meta.title);
        assert_eq!(p.count(ChangeKind::Nieuw), 1);
        assert_eq!(
            p.count(ChangeKind::Gewijzigd),
            1,
            "the status: changed by the partner only"
        );
        let applied = apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &|_| String::new());
        assert_eq!(
            applied,
            Applied {
                reactions: 1,
                statuses: 1,
                unresolved: 0
            }
        );
        let a = n.get("1.1.1.1").unwrap();
        assert_eq!(a.status.as_deref(), Some("in uitvoering"));
        let r = a.latest_reaction("Welzijn").unwrap();
        assert_eq!(
            (r.note.as_str(), r.proposal.as_str(), r.by.as_str()),
            (
                "Wij doen dit samen met de bibliotheek.",
                "Voeg 'en bibliotheken' toe.",
                "Piet (Welzijn)"
            )
        );
        assert!(
            a.history.iter().any(|h| h.field == "status"
                && h.old == "niet gestart"
                && h.by.contains("Welzijn"))
        );
    }

    #[test]
    fn a_conflict_with_a_local_edit_waits_for_a_choice_and_loses_no_word() {
        let k = kompas();
        let mut n = municipality();
        let f = answer(
            export_for_partner(&n, &k, "Welzijn", "Gemeente"),
            "1.1.1.2",
            "Loopt al.",
            Some("in uitvoering"),
            "",
        );
        // Meanwhile the municipality set the status itself.
        n.edit(
            "1.1.1.2",
            "",
            "Gemeente",
            Edit::Status(Some("in voorbereiding".into())),
        );
        let p = plan(&n, &f, &k.meta.title);
        let conflicts = p.conflicts();
        assert_eq!(conflicts.len(), 1);
        let c = &p.changes[conflicts[0]];
        assert_eq!(
            (c.ours.as_str(), c.theirs.as_str(), c.base.as_str()),
            ("in voorbereiding", "in uitvoering", "niet gestart")
        );
        // Without a choice nothing conflicting is applied, but the reaction is stored.
        let mut undecided = n.clone();
        let applied = apply(&mut undecided, &p, &BTreeMap::new(), "Gemeente", &|_| {
            String::new()
        });
        assert_eq!(applied.unresolved, 1);
        assert_eq!(
            undecided.get("1.1.1.2").unwrap().status.as_deref(),
            Some("in voorbereiding")
        );
        assert_eq!(
            undecided
                .get("1.1.1.2")
                .unwrap()
                .latest_reaction("Welzijn")
                .unwrap()
                .status
                .as_deref(),
            Some("in uitvoering")
        );
        // Choosing theirs applies it; ours stays in the history.
        let mut choices = BTreeMap::new();
        choices.insert(conflicts[0], Choice::Theirs);
        apply(&mut n, &p, &choices, "Gemeente", &|_| String::new());
        let a = n.get("1.1.1.2").unwrap();
        assert_eq!(a.status.as_deref(), Some("in uitvoering"));
        assert!(a.history.iter().any(|h| h.old == "in voorbereiding"));
    }

    #[test]
    fn the_same_change_on_both_sides_is_not_a_conflict() {
        let k = kompas();
        let mut n = municipality();
        let f = answer(
            export_for_partner(&n, &k, "Welzijn", "Gemeente"),
            "1.1.1.1",
            "",
            Some("afgerond"),
            "",
        );
        n.edit(
            "1.1.1.1",
            "",
            "Gemeente",
            Edit::Status(Some("afgerond".into())),
        );
        let p = plan(&n, &f, &k.meta.title);
        assert_eq!(p.conflicts().len(), 0);
        assert!(
            p.changes
                .iter()
                .any(|c| c.subject == Subject::Status && c.kind == ChangeKind::Gelijk)
        );
    }

    #[test]
    fn a_revised_or_withdrawn_reaction_is_a_new_version_never_a_loss() {
        let k = kompas();
        let mut n = municipality();
        let first = answer(
            export_for_partner(&n, &k, "Welzijn", "Gemeente"),
            "1.1.1.1",
            "Eerste reactie",
            None,
            "",
        );
        let p = plan(&n, &first, &k.meta.title);
        apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &|_| String::new());
        // The next export shows their earlier reaction; they revise it.
        let again = export_for_partner(&n, &k, "Welzijn", "Gemeente");
        assert_eq!(
            again.items[0].previous.as_ref().unwrap().note,
            "Eerste reactie"
        );
        let revised = answer(again.clone(), "1.1.1.1", "Herziene reactie", None, "");
        let p = plan(&n, &revised, &k.meta.title);
        assert_eq!(p.changes[0].kind, ChangeKind::Gewijzigd);
        apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &|_| String::new());
        // Importing the same file twice changes nothing.
        let p = plan(&n, &revised, &k.meta.title);
        assert_eq!(p.changes[0].kind, ChangeKind::Gelijk);
        // Withdrawn: an empty answer where there was a reaction.
        let withdrawn = answer(
            export_for_partner(&n, &k, "Welzijn", "Gemeente"),
            "1.1.1.1",
            "",
            None,
            "",
        );
        let p = plan(&n, &withdrawn, &k.meta.title);
        assert_eq!(p.changes[0].kind, ChangeKind::Ingetrokken);
        apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &|_| String::new());
        let notes: Vec<_> = n
            .get("1.1.1.1")
            .unwrap()
            .reactions
            .iter()
            .map(|r| r.note.as_str())
            .collect();
        assert_eq!(
            notes,
            ["Eerste reactie", "Herziene reactie", ""],
            "every version is kept"
        );
    }

    #[test]
    fn three_partners_one_conflict_every_word_ends_up_in_the_csv() {
        let k = kompas();
        let mut n = municipality();
        n.edit(
            "2.1.2.3",
            "",
            "Gemeente",
            Edit::Partners(vec!["Zorg".into()]),
        );
        let welzijn = answer(
            export_for_partner(&n, &k, "Welzijn", "Gemeente"),
            "1.1.1.1",
            "Welzijn zegt ja",
            Some("in uitvoering"),
            "",
        );
        let sport = answer(
            export_for_partner(&n, &k, "Sport", "Gemeente"),
            "1.5.2.3",
            "Sport zegt misschien",
            None,
            "Meer beweegcoaches",
        );
        let zorg = answer(
            export_for_partner(&n, &k, "Zorg", "Gemeente"),
            "2.1.2.3",
            "Zorg wil respijtzorg uitbreiden",
            Some("afgerond"),
            "",
        );
        // A local edit that conflicts with Zorg's status.
        n.edit(
            "2.1.2.3",
            "",
            "Gemeente",
            Edit::Status(Some("in uitvoering".into())),
        );
        n.edit(
            "2.1.2.3",
            "",
            "Gemeente",
            Edit::Note("Lokale notitie die blijft".into()),
        );
        for file in [welzijn, sport, zorg] {
            let file = round_trip(&file);
            let p = plan(&n, &file, &k.meta.title);
            let mut choices = BTreeMap::new();
            for c in p.conflicts() {
                choices.insert(c, Choice::Ours);
            }
            apply(&mut n, &p, &choices, "Gemeente", &|_| String::new());
        }
        let csv = crate::notes::to_csv(&n, &k).unwrap();
        for words in [
            "Welzijn zegt ja",
            "Sport zegt misschien",
            "Meer beweegcoaches",
            "Zorg wil respijtzorg uitbreiden",
            "afgerond",
            "Lokale notitie die blijft",
            "notitie bij 1.1.1.1",
        ] {
            assert!(csv.contains(words), "{words} missing from the CSV");
        }
        assert_eq!(
            n.get("2.1.2.3").unwrap().status.as_deref(),
            Some("in uitvoering"),
            "ours was chosen"
        );
    }

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
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("groot.ron");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_REVIEW_BYTES + 1).unwrap();
        assert!(matches!(read(&big), Err(ReviewError::TooLarge(_))));
    }

    #[test]
    fn ids_the_compass_no_longer_has_are_kept() {
        let k = kompas();
        let mut n = NotesFile::default();
        let file = ReviewFile {
            kind: ReviewKind::Reactie,
            partner: "Welzijn".into(),
            items: vec![ReviewItem {
                id: "9.9.9.9".into(),
                reaction: ReactionDraft {
                    note: "over iets dat verdween".into(),
                    ..Default::default()
                },
                ..Default::default()
            }],
            ..Default::default()
        };
        let p = plan(&n, &file, &k.meta.title);
        apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &|_| String::new());
        assert_eq!(n.orphans(&k), ["9.9.9.9"]);
    }
}
