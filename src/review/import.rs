//! Reading a reaction file into the notes: a plan first (matched to the invitation it
//! answers; what is new, changed, the same, in conflict, or refused), then an apply.

use std::collections::BTreeMap;

use super::{ReactionDraft, ReviewError, ReviewFile, printable};
use crate::model::Kompas;
use crate::notes::{Edit, Invitation, NotesFile, Reaction, YearEdit, now};

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
    /// The element's status (that year's, when the invitation asked for a year).
    Status,
    /// What was achieved in the year asked about.
    Voortgang,
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

/// Something in a reaction file that is not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Element id.
    pub id: String,
    /// The element's name as the compass gives it (or the id).
    pub name: String,
    /// Why, in Dutch.
    pub reason: String,
}

/// The result of reading one reaction file against the notes and the invitation it answers,
/// before anything is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The partner.
    pub partner: String,
    /// Who answered and when.
    pub answered: String,
    /// The invitation answered.
    pub invitation: String,
    /// Every change, in file order.
    pub changes: Vec<Change>,
    /// What is not applied: elements not asked, repeated, unknown statuses.
    pub refused: Vec<Refusal>,
    /// The reactions to store, one per item that says something or withdraws.
    reactions: Vec<(String, Reaction)>,
    /// The statuses the notes accept.
    statuses: Vec<String>,
    /// The year the invitation asked about, from the municipality's record of it.
    pub jaar: Option<i32>,
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
        if !r.voortgang.is_empty() {
            parts.push(format!("voortgang: {}", r.voortgang));
        }
        parts.join(" — ")
    })
    .unwrap_or_default()
}

/// The invitation `file` answers, checked: it must be recorded in `notes`, for the same
/// partner and for the compass that is open.
fn invitation_of<'n>(
    notes: &'n NotesFile,
    file: &ReviewFile,
    kompas: &Kompas,
) -> Result<&'n Invitation, ReviewError> {
    let inv = notes.invitation(&file.invitation).ok_or_else(|| {
        ReviewError::NoInvitation(if file.invitation.is_empty() {
            " (het bestand noemt er geen; het komt van een oudere Kompas)".to_owned()
        } else {
            format!(" (‘{}’)", printable(&file.invitation))
        })
    })?;
    if inv.partner != file.partner {
        return Err(ReviewError::WrongPartner {
            expected: inv.partner.clone(),
            found: printable(&file.partner),
        });
    }
    for found in [&file.kompas, &inv.kompas] {
        if *found != kompas.meta.title {
            return Err(ReviewError::WrongKompas {
                expected: kompas.meta.title.clone(),
                found: printable(found),
            });
        }
    }
    Ok(inv)
}

/// How the partner's reaction relates to their latest one here: new, changed, withdrawn or
/// the same. The words are always kept, whatever it is.
fn reaction_kind(
    ours: Option<&ReactionDraft>,
    theirs: &ReactionDraft,
    sent_previous: Option<&ReactionDraft>,
) -> Option<ChangeKind> {
    let words_changed = |a: &ReactionDraft, b: &ReactionDraft| {
        a.note != b.note
            || a.proposal != b.proposal
            || a.status != b.status
            || a.voortgang != b.voortgang
    };
    match (ours, theirs.is_empty()) {
        (None, true) => None,
        (None, false) => Some(ChangeKind::Nieuw),
        (Some(o), true) => sent_previous
            .map(|_| ChangeKind::Ingetrokken)
            .filter(|_| !o.is_empty()),
        (Some(o), false) if !words_changed(o, theirs) => Some(ChangeKind::Gelijk),
        (Some(_), false) => Some(ChangeKind::Gewijzigd),
    }
}

/// The status: a three-way merge of what was sent, what we have, what they send. The base is
/// the municipality's own record, never the file's claim.
fn status_change(
    item: &super::ReviewItem,
    sent: &crate::notes::InvitedItem,
    theirs: &ReactionDraft,
    current: Option<&crate::notes::Annotation>,
    name: &str,
    jaar: Option<i32>,
) -> Option<Change> {
    let theirs_status = theirs.status.as_ref()?;
    // For a year, the base is that year's record as sent and ours is that year's record now.
    let (sent_status, ours_status) = match jaar {
        Some(y) => (
            sent.year_record.as_ref().and_then(|r| r.status.clone()),
            current
                .and_then(|a| a.voortgang.get(&y))
                .and_then(|r| r.status.clone()),
        ),
        None => (sent.status.clone(), current.and_then(|a| a.status.clone())),
    };
    three_way(
        item,
        name,
        Subject::Status,
        sent_status.unwrap_or_default(),
        ours_status.unwrap_or_default(),
        theirs_status.clone(),
    )
}

/// What was achieved in the year asked: merged three ways like the status.
fn voortgang_change(
    item: &super::ReviewItem,
    sent: &crate::notes::InvitedItem,
    theirs: &ReactionDraft,
    current: Option<&crate::notes::Annotation>,
    name: &str,
    jaar: i32,
) -> Option<Change> {
    if theirs.voortgang.trim().is_empty() {
        return None;
    }
    let base = sent
        .year_record
        .as_ref()
        .map(|r| r.voortgang.clone())
        .unwrap_or_default();
    let ours = current
        .and_then(|a| a.voortgang.get(&jaar))
        .map(|r| r.voortgang.clone())
        .unwrap_or_default();
    three_way(
        item,
        name,
        Subject::Voortgang,
        base,
        ours,
        theirs.voortgang.clone(),
    )
}

/// A change of `subject` from what was sent (`base`), what the municipality has now (`ours`)
/// and what the partner sends (`theirs`); `None` when the partner left it as sent.
fn three_way(
    item: &super::ReviewItem,
    name: &str,
    subject: Subject,
    base: String,
    ours: String,
    theirs: String,
) -> Option<Change> {
    if theirs == base {
        return None;
    }
    let kind = if ours == theirs {
        ChangeKind::Gelijk
    } else if ours == base {
        ChangeKind::Gewijzigd
    } else {
        ChangeKind::Conflict
    };
    Some(Change {
        id: item.id.clone(),
        name: name.to_owned(),
        subject,
        kind,
        ours,
        theirs,
        base,
    })
}

/// Reads a reaction file against the notes and the invitation it answers: what is new,
/// changed, withdrawn, the same, in conflict with a local edit, or refused. Changes nothing.
///
/// # Errors
/// The file answers no invitation in these notes, names another partner, or is about
/// another compass: nothing of it can be trusted then.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the file's items, each step one rule of what is trusted"
)]
pub fn plan(notes: &NotesFile, file: &ReviewFile, kompas: &Kompas) -> Result<Plan, ReviewError> {
    if file.kind != super::ReviewKind::Reactie {
        return Err(ReviewError::NotAReaction);
    }
    let inv = invitation_of(notes, file, kompas)?;
    let imported_at = now();
    let mut changes = Vec::new();
    let mut reactions = Vec::new();
    let mut refused = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let name_of = |id: &str| {
        kompas
            .get(id)
            .map_or_else(|| id.to_owned(), |ix| kompas.short_name(ix))
    };
    for item in &file.items {
        let refuse = |reason: String| Refusal {
            id: item.id.clone(),
            name: name_of(&item.id),
            reason,
        };
        if !seen.insert(item.id.as_str()) {
            refused.push(refuse(
                "staat meer dan eens in het bestand; alleen de eerste telt".into(),
            ));
            continue;
        }
        let Some(sent) = inv.items.iter().find(|i| i.id == item.id) else {
            if !item.reaction.is_empty() {
                refused.push(refuse(format!("is niet aan {} gevraagd", inv.partner)));
            }
            continue;
        };
        let mut theirs = item.reaction.clone();
        if let Some(s) = &theirs.status
            && !notes.statuses.contains(s)
        {
            refused.push(refuse(format!(
                "status ‘{}’ staat niet in de lijst van de gemeente; de rest van de reactie is bewaard",
                printable(s)
            )));
            theirs.status = None;
        }
        if inv.jaar.is_none() && !theirs.voortgang.trim().is_empty() {
            refused.push(refuse(
                "er is niet om voortgang over een jaar gevraagd; de rest van de reactie is bewaard"
                    .into(),
            ));
            theirs.voortgang.clear();
        }
        let current = notes.get(&item.id);
        let as_draft = |r: &Reaction| ReactionDraft {
            note: r.note.clone(),
            status: r.status.clone(),
            proposal: r.proposal.clone(),
            voortgang: r.voortgang.clone(),
        };
        let ours_draft = current
            .and_then(|a| a.latest_reaction(&inv.partner))
            .filter(|r| !r.is_empty())
            .map(as_draft);
        let sent_previous = sent.previous.as_ref().map(as_draft);
        let kind = reaction_kind(ours_draft.as_ref(), &theirs, sent_previous.as_ref());
        if let Some(kind) = kind {
            if kind != ChangeKind::Gelijk {
                reactions.push((
                    item.id.clone(),
                    Reaction {
                        partner: inv.partner.clone(),
                        by: file.answered_by.clone(),
                        at: file.answered_at.clone(),
                        note: theirs.note.clone(),
                        status: theirs.status.clone(),
                        proposal: theirs.proposal.clone(),
                        imported_at: imported_at.clone(),
                        jaar: inv.jaar,
                        voortgang: theirs.voortgang.clone(),
                    },
                ));
            }
            changes.push(Change {
                id: item.id.clone(),
                name: name_of(&item.id),
                subject: Subject::Reactie,
                kind,
                ours: reaction_text(ours_draft.as_ref()),
                theirs: reaction_text(Some(&theirs)),
                base: reaction_text(sent_previous.as_ref()),
            });
        }
        let name = name_of(&item.id);
        if let Some(change) = status_change(item, sent, &theirs, current, &name, inv.jaar) {
            changes.push(change);
        }
        if let Some(y) = inv.jaar
            && let Some(change) = voortgang_change(item, sent, &theirs, current, &name, y)
        {
            changes.push(change);
        }
    }
    Ok(Plan {
        partner: inv.partner.clone(),
        answered: printable(format!("{} {}", file.answered_by, file.answered_at).trim()),
        invitation: inv.id.clone(),
        changes,
        refused,
        reactions,
        statuses: notes.statuses.clone(),
        jaar: inv.jaar,
    })
}

/// What an apply did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Parts of the file not applied, and why (from the plan).
    pub refused: usize,
    /// Reactions stored.
    pub reactions: usize,
    /// Statuses changed.
    pub statuses: usize,
    /// Progress texts taken into a year's record.
    pub voortgang: usize,
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
    let mut applied = Applied {
        refused: plan.refused.len(),
        ..Applied::default()
    };
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
        if c.subject == Subject::Reactie {
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
        let by = format!("{who} (reactie van {})", plan.partner);
        let edit = match (c.subject, plan.jaar) {
            // Only statuses from the municipality's list, whatever was chosen.
            (Subject::Status, _) if !plan.statuses.contains(&c.theirs) => None,
            (Subject::Status, None) => Some(Edit::Status(Some(c.theirs.clone()))),
            (Subject::Status, Some(y)) => {
                Some(Edit::Jaar(y, YearEdit::Status(Some(c.theirs.clone()))))
            }
            (Subject::Voortgang, Some(y)) => {
                Some(Edit::Jaar(y, YearEdit::Voortgang(c.theirs.clone())))
            }
            (Subject::Voortgang, None) | (Subject::Reactie, _) => None,
        };
        if take
            && let Some(edit) = edit
            && notes.edit(&c.id, &title_of(&c.id), &by, edit)
        {
            if c.subject == Subject::Status {
                applied.statuses += 1;
            } else {
                applied.voortgang += 1;
            }
        }
    }
    applied
}

#[cfg(test)]
mod tests;
