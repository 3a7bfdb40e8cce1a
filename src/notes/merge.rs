//! Merging two versions of a notes file that grew apart from one base: the app's own (ours)
//! and one a colleague saved meanwhile on the shared drive (theirs). Per element and per field:
//! what only one side changed is taken; where both changed the same field differently, ours
//! stays and theirs goes into the element's history, so no word is lost, and the caller is
//! told which. History, reactions, statuses, partners and invitations are unions.

use std::collections::BTreeSet;

use super::{Annotation, HistoryEntry, Meetreeks, NotesFile, YearRecord};

/// A field both sides changed differently: ours was kept, theirs is in the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeNote {
    /// Element id.
    pub id: String,
    /// The field ("notitie", "status", ...).
    pub field: &'static str,
    /// Who wrote the other version.
    pub by: String,
}

/// Merges `ours` and `theirs`, both grown from `base`.
pub fn merge(
    base: &NotesFile,
    ours: &NotesFile,
    theirs: &NotesFile,
) -> (NotesFile, Vec<MergeNote>) {
    let mut out = ours.clone();
    let mut notes = Vec::new();
    union_into(&mut out.statuses, &theirs.statuses);
    union_into(&mut out.partners, &theirs.partners);
    for inv in &theirs.invitations {
        if out.invitation(&inv.id).is_none() {
            out.invitations.push(inv.clone());
        }
    }
    merge_meetreeksen(base, &mut out, theirs);
    let ids: BTreeSet<&String> = ours.notes.keys().chain(theirs.notes.keys()).collect();
    let empty = Annotation::default();
    for id in ids {
        let b = base.notes.get(id).unwrap_or(&empty);
        let o = ours.notes.get(id).unwrap_or(&empty);
        let t = theirs.notes.get(id).unwrap_or(&empty);
        if o == t || t == b {
            continue;
        }
        let merged = if o == b {
            t.clone()
        } else {
            merge_annotation(id, b, o, t, &mut notes)
        };
        if merged.is_empty() {
            out.notes.remove(id);
        } else {
            out.notes.insert(id.clone(), merged);
        }
    }
    (out, notes)
}

fn union_into<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T]) {
    for x in from {
        if !into.contains(x) {
            into.push(x.clone());
        }
    }
}

/// Both sides changed this annotation: field by field.
fn merge_annotation(
    id: &str,
    b: &Annotation,
    o: &Annotation,
    t: &Annotation,
    notes: &mut Vec<MergeNote>,
) -> Annotation {
    let mut m = o.clone();
    union_into(&mut m.history, &t.history);
    m.history.sort_by(|x, y| x.at.cmp(&y.at));
    for r in &t.reactions {
        if !m
            .reactions
            .iter()
            .any(|x| x.partner == r.partner && x.at == r.at && x.same_words(r))
        {
            m.reactions.push(r.clone());
        }
    }
    let year_clashes = merge_years(b, o, t, &mut m.voortgang);
    let mut conflict = |field: &'static str, theirs: String, ours: String| {
        m.history.push(HistoryEntry {
            at: t.updated_at.clone(),
            by: format!("{} (andere versie, samengevoegd)", t.updated_by),
            field: field.to_owned(),
            old: theirs,
            new: ours,
        });
        notes.push(MergeNote {
            id: id.to_owned(),
            field,
            by: t.updated_by.clone(),
        });
    };
    // Each field: one side changed it, take that side; both, keep ours and record theirs.
    macro_rules! field {
        ($f:ident, $name:literal, $show:expr) => {
            if o.$f == b.$f {
                m.$f = t.$f.clone();
            } else if t.$f != b.$f && t.$f != o.$f {
                conflict($name, $show(&t.$f), $show(&o.$f));
            }
        };
    }
    field!(note, "notitie", |s: &String| s.clone());
    field!(status, "status", |s: &Option<String>| s
        .clone()
        .unwrap_or_default());
    field!(priority, "prioriteit", |p: &Option<super::Priority>| p
        .map(|p| p.label().to_owned())
        .unwrap_or_default());
    field!(years, "jaren", |y: &Vec<i32>| super::show_years(y));
    field!(partners, "partners", |p: &Vec<String>| p.join(", "));
    for (theirs, ours) in year_clashes {
        conflict("voortgang", theirs, ours);
    }
    if t.updated_at > m.updated_at && o.note == b.note && o.status == b.status {
        m.updated_at.clone_from(&t.updated_at);
        m.updated_by.clone_from(&t.updated_by);
    }
    m
}

/// The records per year into `m`, field by field like the annotation's own fields; returns
/// theirs and ours of each field both changed (ours is kept).
fn merge_years(
    b: &Annotation,
    o: &Annotation,
    t: &Annotation,
    m: &mut std::collections::BTreeMap<i32, YearRecord>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let years: BTreeSet<i32> = o
        .voortgang
        .keys()
        .chain(t.voortgang.keys())
        .copied()
        .collect();
    let none = YearRecord::default();
    for y in years {
        let rb = b.voortgang.get(&y).unwrap_or(&none);
        let ro = o.voortgang.get(&y).unwrap_or(&none);
        let rt = t.voortgang.get(&y).unwrap_or(&none);
        if ro == rt || rt == rb {
            continue;
        }
        let mut r = ro.clone();
        let mut clashes = Vec::new();
        macro_rules! field {
            ($f:ident, $name:literal) => {
                if ro.$f == rb.$f {
                    r.$f = rt.$f.clone();
                } else if rt.$f != rb.$f && rt.$f != ro.$f {
                    clashes.push($name);
                }
            };
        }
        field!(status, "status");
        field!(voortgang, "voortgang");
        field!(priority, "prioriteit");
        field!(begroot, "begroot");
        field!(realisatie, "realisatie");
        for name in clashes {
            let show = |x: &YearRecord| match name {
                "status" => x.status.clone().unwrap_or_default(),
                "voortgang" => x.voortgang.clone(),
                "prioriteit" => x.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
                "begroot" => x.begroot.map(super::format_euro).unwrap_or_default(),
                _ => x.realisatie.map(super::format_euro).unwrap_or_default(),
            };
            out.push((format!("{name} {y}: {}", show(rt)), show(ro)));
        }
        if r.is_empty() {
            m.remove(&y);
        } else {
            m.insert(y, r);
        }
    }
    out
}

/// Indicator values: a year only one side measured is taken; where both changed a value,
/// ours stays (measured values are facts from a source, so a clash is rare and visible).
fn merge_meetreeksen(base: &NotesFile, out: &mut NotesFile, theirs: &NotesFile) {
    let none = Meetreeks::default();
    for (id, t) in &theirs.indicatoren {
        let b = base.indicatoren.get(id).unwrap_or(&none);
        let o = out.indicatoren.entry(id.clone()).or_default();
        if o.nulmeting == b.nulmeting {
            o.nulmeting = t.nulmeting;
        }
        if o.streefwaarde == b.streefwaarde {
            o.streefwaarde = t.streefwaarde;
        }
        for (y, v) in &t.waarden {
            let ours_unchanged = o.waarden.get(y) == b.waarden.get(y);
            if ours_unchanged {
                o.waarden.insert(*y, *v);
            }
        }
        for y in b.waarden.keys() {
            if !t.waarden.contains_key(y) && o.waarden.get(y) == b.waarden.get(y) {
                o.waarden.remove(y);
            }
        }
    }
    out.indicatoren.retain(|_, m| !m.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Edit, Reaction};

    fn base() -> NotesFile {
        let mut f = NotesFile::default();
        f.edit("a", "", "Anna", Edit::Note("begin".into()));
        f.edit("b", "", "Anna", Edit::Status(Some("niet gestart".into())));
        f
    }

    #[test]
    fn what_one_side_changed_is_taken_and_both_sides_keep_their_words() {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.edit("a", "", "Anna", Edit::Note("van Anna".into()));
        theirs.edit("b", "", "Bert", Edit::Status(Some("afgerond".into())));
        theirs.edit("c", "", "Bert", Edit::Note("nieuw van Bert".into()));
        theirs.add_partner("Welzijn");
        theirs.notes.get_mut("b").unwrap().reactions.push(Reaction {
            partner: "Sport".into(),
            note: "gedaan".into(),
            ..Reaction::default()
        });
        let (m, notes) = merge(&base, &ours, &theirs);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(m.get("a").unwrap().note, "van Anna");
        assert_eq!(m.get("b").unwrap().status.as_deref(), Some("afgerond"));
        assert_eq!(m.get("b").unwrap().reactions.len(), 1);
        assert_eq!(m.get("c").unwrap().note, "nieuw van Bert");
        assert!(m.partners.contains(&"Welzijn".to_owned()));
    }

    #[test]
    fn the_same_field_changed_twice_keeps_ours_and_puts_theirs_in_the_history() {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.edit("a", "", "Anna", Edit::Note("Anna's versie".into()));
        theirs.edit("a", "", "Bert", Edit::Note("Berts versie".into()));
        theirs.edit("a", "", "Bert", Edit::Status(Some("afgerond".into())));
        let (m, notes) = merge(&base, &ours, &theirs);
        let a = m.get("a").unwrap();
        assert_eq!(a.note, "Anna's versie");
        assert_eq!(
            a.status.as_deref(),
            Some("afgerond"),
            "their other field is taken"
        );
        assert_eq!(
            notes,
            [MergeNote {
                id: "a".into(),
                field: "notitie",
                by: "Bert".into()
            }]
        );
        assert!(
            a.history
                .iter()
                .any(|h| h.old == "Berts versie" && h.by.contains("andere versie")),
            "Bert's words are in the history: {:?}",
            a.history
        );
    }
}
