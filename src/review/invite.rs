//! Making an invitation: the file for one partner (their assigned elements with context) and
//! the record of it that the municipality keeps in its notes, against which the reaction is
//! later checked.

use super::{BegripLine, ContextLine, ReactionDraft, ReviewFile, ReviewItem, ReviewKind};
use crate::model::Kompas;
use crate::notes::{Invitation, InvitedItem, NotesFile, Reaction, now};

/// Whether the municipality's own notes go into the invitation. They are internal by default:
/// a staff member has to choose to share them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShareNotes {
    /// Only titles, context and statuses.
    #[default]
    No,
    /// The municipality's notes on each element too.
    Yes,
}

/// A fresh invitation id: the partner's name and the moment, plus a random part so two
/// invitations made in the same second differ.
fn new_id(partner: &str) -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    let slug: String = partner
        .chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .take(24)
        .collect();
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    let time = jiff::Timestamp::now().strftime("%Y%m%d%H%M%S").to_string();
    format!("{slug}-{time}-{:08x}", h.finish() & 0xffff_ffff)
}

/// The invitation for `partner`: every element assigned to them, in document order, with its
/// context, the current status and their own latest reaction; the municipality's notes only
/// when `share` says so. Returns the record to keep in the notes and the file to send; the
/// caller keeps the record only when the file was written.
pub fn invite(
    notes: &NotesFile,
    kompas: &Kompas,
    partner: &str,
    who: &str,
    share: ShareNotes,
) -> (Invitation, ReviewFile) {
    invite_for_year(notes, kompas, partner, who, share, None)
}

/// [`invite`] asking also for the progress of `jaar`: each element goes with that year's
/// record (status and what was achieved) as the municipality has it, which the reaction is
/// later merged against.
pub fn invite_for_year(
    notes: &NotesFile,
    kompas: &Kompas,
    partner: &str,
    who: &str,
    share: ShareNotes,
    jaar: Option<i32>,
) -> (Invitation, ReviewFile) {
    let mut items = Vec::new();
    let mut record = Vec::new();
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
                text: kompas.element(p).text.clone().unwrap_or_default(),
            })
            .collect();
        let previous: Option<&Reaction> = a.latest_reaction(partner).filter(|r| !r.is_empty());
        let year_record = jaar.map(|y| a.voortgang.get(&y).cloned().unwrap_or_default());
        items.push(ReviewItem {
            id: el.id.to_string(),
            name: kompas.short_name(ix),
            title: el.title.clone(),
            context,
            note: match share {
                ShareNotes::Yes => a.note.clone(),
                ShareNotes::No => String::new(),
            },
            status: a.status.clone(),
            previous: previous.map(|r| ReactionDraft {
                note: r.note.clone(),
                status: r.status.clone(),
                proposal: r.proposal.clone(),
                voortgang: r.voortgang.clone(),
            }),
            year_record: year_record.clone(),
            reaction: ReactionDraft::default(),
        });
        record.push(InvitedItem {
            id: el.id.to_string(),
            status: a.status.clone(),
            previous: previous.cloned(),
            year_record,
        });
    }
    let sent: Vec<_> = items.iter().filter_map(|i| kompas.get(&i.id)).collect();
    let element_name = level_words(kompas, &sent);
    let begrippen = begrippen_used(kompas, &items);
    let at = now();
    let invitation = Invitation {
        id: new_id(partner),
        partner: partner.to_owned(),
        kompas: kompas.meta.title.clone(),
        at: at.clone(),
        by: who.to_owned(),
        items: record,
        jaar,
    };
    let file = ReviewFile {
        kind: ReviewKind::Uitnodiging,
        invitation: invitation.id.clone(),
        kompas: kompas.meta.title.clone(),
        partner: partner.to_owned(),
        exported_at: at,
        exported_by: who.to_owned(),
        statuses: notes.statuses.clone(),
        element_name,
        begrippen,
        items,
        jaar,
        ..ReviewFile::default()
    };
    (invitation, file)
}

/// What the elements are called, from their level when they share one.
fn level_words(kompas: &Kompas, elements: &[crate::model::Ix]) -> (String, String) {
    let depth = elements.first().map(|&ix| kompas.element(ix).depth);
    depth
        .filter(|&d| elements.iter().all(|&ix| kompas.element(ix).depth == d))
        .and_then(|d| kompas.levels.get(d))
        .map_or(("onderdeel".into(), "onderdelen".into()), |l| {
            (l.name.to_lowercase(), l.plural.to_lowercase())
        })
}

/// The begrippen whose terms occur in what the partner reads, in the begrippenlijst's order.
fn begrippen_used(kompas: &Kompas, items: &[ReviewItem]) -> Vec<BegripLine> {
    let glossary = crate::glossary::Glossary::new(kompas);
    let mut used: Vec<usize> = Vec::new();
    let texts = items.iter().flat_map(|i| {
        std::iter::once(i.title.as_str()).chain(
            i.context
                .iter()
                .flat_map(|c| [c.title.as_str(), c.text.as_str()]),
        )
    });
    for text in texts {
        for hit in glossary.find(text) {
            if !used.contains(&hit.entry) {
                used.push(hit.entry);
            }
        }
    }
    used.sort_unstable();
    used.iter()
        .filter_map(|&e| glossary.entries.get(e))
        .flat_map(|e| {
            e.definitions.iter().map(|d| BegripLine {
                term: e.term.clone(),
                definition: d.text.clone(),
            })
        })
        .collect()
}
