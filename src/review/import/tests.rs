//! Tests of the parent module.
use super::*;
use crate::notes::Edit;
use crate::review::{ReviewItem, ReviewKind, ShareNotes, invite, read, write};

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

/// An invitation for `partner`, recorded in `n` as the app and the CLI do.
fn export(n: &mut NotesFile, k: &Kompas, partner: &str) -> ReviewFile {
    let (inv, file) = invite(n, k, partner, "Gemeente", ShareNotes::No);
    n.invitations.push(inv);
    file
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
        ..ReactionDraft::default()
    };
    file
}

fn round_trip(file: &ReviewFile) -> ReviewFile {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("welzijn.ron");
    write(&path, file).unwrap();
    read(&path).unwrap()
}

fn no_titles(_: &str) -> String {
    String::new()
}

#[test]
fn export_holds_the_partners_elements_with_context_and_no_internal_notes() {
    let k = kompas();
    let mut n = municipality();
    let f = export(&mut n, &k, "Welzijn");
    let ids: Vec<_> = f.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1.1.1.1", "1.1.1.2"]);
    let ctx: Vec<_> = f.items[0].context.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(ctx, ["Hoofddoel 1", "Koers 1.1", "Hoofdinspanning A"]);
    assert_eq!(
        f.items[0].note, "",
        "internal notes stay home unless shared"
    );
    assert_eq!(f.items[0].title, k.element(k.get("1.1.1.1").unwrap()).title);
    assert_eq!(f.statuses, n.statuses);
    // The record: what was sent, under the id the file carries.
    let inv = n.invitation(&f.invitation).unwrap();
    assert_eq!(inv.partner, "Welzijn");
    assert_eq!(inv.items.len(), 2);
    assert_eq!(inv.items[0].status.as_deref(), Some("niet gestart"));
    let (_, shared) = invite(&n, &k, "Welzijn", "Gemeente", ShareNotes::Yes);
    assert_eq!(shared.items[0].note, "notitie bij 1.1.1.1");
    assert_ne!(
        shared.invitation, f.invitation,
        "every invitation has its own id"
    );
}

#[test]
fn export_import_round_trip_keeps_every_field() {
    let k = kompas();
    let mut n = municipality();
    let f = export(&mut n, &k, "Welzijn");
    let f = answer(
        f,
        "1.1.1.1",
        "Wij doen dit samen met de bibliotheek.",
        Some("in uitvoering"),
        "Voeg 'en bibliotheken' toe.",
    );
    let back = round_trip(&f);
    assert_eq!(back, f, "every field survives the file");
    let p = plan(&n, &back, &k).unwrap();
    assert_eq!(p.count(ChangeKind::Nieuw), 1);
    assert_eq!(
        p.count(ChangeKind::Gewijzigd),
        1,
        "the status: changed by the partner only"
    );
    let applied = apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    assert_eq!(
        applied,
        Applied {
            refused: 0,
            reactions: 1,
            statuses: 1,
            unresolved: 0,
            voortgang: 0
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
        a.history
            .iter()
            .any(|h| h.field == "status" && h.old == "niet gestart" && h.by.contains("Welzijn"))
    );
}

/// Finding 1: a Welzijn reaction changed the status of an inspanning assigned to Sport, of
/// an unassigned one and of one without notes ("gewijzigd 3, conflict 0"), and `--theirs`
/// set a made-up status. Now each is refused and listed, and nothing outside the
/// invitation changes.
#[test]
fn a_partner_can_change_only_what_was_asked() {
    let k = kompas();
    let mut n = municipality();
    n.edit(
        "2.1.1.1",
        "",
        "Gemeente",
        Edit::Status(Some("afgerond".into())),
    );
    let before = n.clone();
    let mut f = export(&mut n, &k, "Welzijn");
    f.kind = ReviewKind::Reactie;
    let hostile = |id: &str, status: &str| ReviewItem {
        id: id.into(),
        // The file claims whatever suits it as the "was" value.
        status: Some(status.into()),
        reaction: ReactionDraft {
            status: Some("vervallen".into()),
            note: "weg ermee".into(),
            ..ReactionDraft::default()
        },
        ..ReviewItem::default()
    };
    f.items.push(hostile("1.5.2.3", "vervallen")); // Sport's
    f.items.push(hostile("2.1.1.1", "vervallen")); // unassigned, has a status
    f.items.push(hostile("3.1.1.1", "vervallen")); // no notes at all
    f.items.push(hostile("9.9.9.9", "vervallen")); // unknown id
    for item in &mut f.items[..2] {
        item.reaction.note = "weg ermee".into();
    }
    f.items[0].reaction.status = Some("GEHACKT".into());
    f.items.push(f.items[1].clone()); // a duplicate
    f.items.last_mut().unwrap().reaction.note = "tweede keer".into();
    let p = plan(&n, &round_trip(&f), &k).unwrap();
    let refused: Vec<(&str, &str)> = p
        .refused
        .iter()
        .map(|r| (r.id.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(refused.len(), 6, "{refused:#?}");
    for id in ["1.5.2.3", "2.1.1.1", "3.1.1.1", "9.9.9.9"] {
        assert!(
            refused
                .iter()
                .any(|(i, r)| *i == id && r.contains("niet aan Welzijn gevraagd")),
            "{id}: {refused:?}"
        );
    }
    assert!(
        refused
            .iter()
            .any(|(i, r)| *i == "1.1.1.1" && r.contains("GEHACKT"))
    );
    assert!(
        refused
            .iter()
            .any(|(i, r)| *i == "1.1.1.2" && r.contains("meer dan eens"))
    );
    // Even choosing the partner's side for everything changes nothing outside.
    let all_theirs: BTreeMap<usize, Choice> =
        (0..p.changes.len()).map(|i| (i, Choice::Theirs)).collect();
    let applied = apply(&mut n, &p, &all_theirs, "Gemeente", &no_titles);
    assert_eq!(applied.statuses, 0);
    assert_eq!(applied.refused, 6);
    for id in ["1.5.2.3", "2.1.1.1", "3.1.1.1", "9.9.9.9"] {
        assert_eq!(n.get(id), before.get(id), "{id} untouched");
    }
    assert_eq!(
        n.get("1.1.1.1").unwrap().status.as_deref(),
        Some("niet gestart")
    );
    // The partner's words on what they were asked are still kept.
    let r = n
        .get("1.1.1.1")
        .unwrap()
        .latest_reaction("Welzijn")
        .unwrap();
    assert_eq!((r.note.as_str(), r.status.as_ref()), ("weg ermee", None));
    assert_eq!(
        n.get("1.1.1.2")
            .unwrap()
            .latest_reaction("Welzijn")
            .unwrap()
            .note,
        "weg ermee",
        "the first of a duplicate counts"
    );
}

/// Finding 1: the base of a status change came from the file, so a change was never a
/// conflict. The base is what the municipality sent.
#[test]
fn the_base_is_what_was_sent_not_what_the_file_claims() {
    let k = kompas();
    let mut n = municipality();
    let mut f = answer(
        export(&mut n, &k, "Welzijn"),
        "1.1.1.2",
        "Loopt al.",
        Some("in uitvoering"),
        "",
    );
    // Meanwhile the municipality set the status itself, and the file lies about the past.
    n.edit(
        "1.1.1.2",
        "",
        "Gemeente",
        Edit::Status(Some("in voorbereiding".into())),
    );
    f.items[1].status = Some("in voorbereiding".into());
    let p = plan(&n, &f, &k).unwrap();
    let conflicts = p.conflicts();
    assert_eq!(conflicts.len(), 1);
    let c = &p.changes[conflicts[0]];
    assert_eq!(
        (c.ours.as_str(), c.theirs.as_str(), c.base.as_str()),
        ("in voorbereiding", "in uitvoering", "niet gestart")
    );
    let mut undecided = n.clone();
    let applied = apply(&mut undecided, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    assert_eq!(applied.unresolved, 1);
    assert_eq!(
        undecided.get("1.1.1.2").unwrap().status.as_deref(),
        Some("in voorbereiding")
    );
    let mut choices = BTreeMap::new();
    choices.insert(conflicts[0], Choice::Theirs);
    apply(&mut n, &p, &choices, "Gemeente", &no_titles);
    let a = n.get("1.1.1.2").unwrap();
    assert_eq!(a.status.as_deref(), Some("in uitvoering"));
    assert!(a.history.iter().any(|h| h.old == "in voorbereiding"));
}

/// Finding 1: a forged partner name, a reaction for another compass and one without an
/// invitation were accepted (the other compass only with "let op").
#[test]
fn files_that_answer_no_invitation_here_are_refused_whole() {
    let k = kompas();
    let mut n = municipality();
    let f = answer(export(&mut n, &k, "Welzijn"), "1.1.1.1", "ja", None, "");
    let mut forged = f.clone();
    forged.partner = "Sport".into();
    assert!(matches!(
        plan(&n, &forged, &k),
        Err(ReviewError::WrongPartner { .. })
    ));
    let mut other = f.clone();
    other.kompas = "Ander kompas".into();
    assert!(matches!(
        plan(&n, &other, &k),
        Err(ReviewError::WrongKompas { .. })
    ));
    let oegstgeest = crate::load::load(&crate::source::Source::Embedded(crate::source::OEGSTGEEST))
        .unwrap()
        .kompas;
    assert!(matches!(
        plan(&n, &f, &oegstgeest),
        Err(ReviewError::WrongKompas { .. })
    ));
    let mut unknown = f.clone();
    unknown.invitation = "verzonnen".into();
    assert!(matches!(
        plan(&n, &unknown, &k),
        Err(ReviewError::NoInvitation(_))
    ));
    let mut old = f;
    old.invitation.clear();
    let e = plan(&n, &old, &k).unwrap_err();
    assert!(e.to_string().contains("oudere Kompas"), "{e}");
}

#[test]
fn the_same_change_on_both_sides_is_not_a_conflict() {
    let k = kompas();
    let mut n = municipality();
    let f = answer(
        export(&mut n, &k, "Welzijn"),
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
    let p = plan(&n, &f, &k).unwrap();
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
        export(&mut n, &k, "Welzijn"),
        "1.1.1.1",
        "Eerste reactie",
        None,
        "",
    );
    let p = plan(&n, &first, &k).unwrap();
    apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    // The next invitation shows their earlier reaction; they revise it.
    let again = export(&mut n, &k, "Welzijn");
    assert_eq!(
        again.items[0].previous.as_ref().unwrap().note,
        "Eerste reactie"
    );
    let revised = answer(again, "1.1.1.1", "Herziene reactie", None, "");
    let p = plan(&n, &revised, &k).unwrap();
    assert_eq!(p.changes[0].kind, ChangeKind::Gewijzigd);
    apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    let p = plan(&n, &revised, &k).unwrap();
    assert_eq!(p.changes[0].kind, ChangeKind::Gelijk, "twice is once");
    let withdrawn = answer(export(&mut n, &k, "Welzijn"), "1.1.1.1", "", None, "");
    let p = plan(&n, &withdrawn, &k).unwrap();
    assert_eq!(p.changes[0].kind, ChangeKind::Ingetrokken);
    apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
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
        export(&mut n, &k, "Welzijn"),
        "1.1.1.1",
        "Welzijn zegt ja",
        Some("in uitvoering"),
        "",
    );
    let sport = answer(
        export(&mut n, &k, "Sport"),
        "1.5.2.3",
        "Sport zegt misschien",
        None,
        "Meer beweegcoaches",
    );
    let zorg = answer(
        export(&mut n, &k, "Zorg"),
        "2.1.2.3",
        "Zorg wil respijtzorg uitbreiden",
        Some("afgerond"),
        "",
    );
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
        let p = plan(&n, &round_trip(&file), &k).unwrap();
        let choices: BTreeMap<usize, Choice> = p
            .conflicts()
            .into_iter()
            .map(|c| (c, Choice::Ours))
            .collect();
        apply(&mut n, &p, &choices, "Gemeente", &no_titles);
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
fn a_partner_reports_a_years_progress_into_that_years_record() {
    use crate::notes::{YearEdit, YearRecord};
    let k = kompas();
    let mut n = municipality();
    n.edit(
        "1.1.1.2",
        "",
        "Gemeente",
        Edit::Jaar(2019, YearEdit::Voortgang("Eerste gesprekken".into())),
    );
    let (inv, file) =
        crate::review::invite_for_year(&n, &k, "Welzijn", "Gemeente", ShareNotes::No, Some(2019));
    n.invitations.push(inv);
    assert_eq!(file.jaar, Some(2019));
    assert_eq!(
        file.items[1].year_record,
        Some(YearRecord {
            voortgang: "Eerste gesprekken".into(),
            ..YearRecord::default()
        })
    );
    let mut file = round_trip(&file);
    file.kind = ReviewKind::Reactie;
    file.answered_by = "Piet (Welzijn)".into();
    file.answered_at = "2026-11-20T10:00:00Z".into();
    file.items[0].reaction = ReactionDraft {
        status: Some("afgerond".into()),
        voortgang: "Twaalf ouderavonden gehouden.".into(),
        ..ReactionDraft::default()
    };
    file.items[1].reaction = ReactionDraft {
        voortgang: "Gesprekken met alle scholen".into(),
        ..ReactionDraft::default()
    };
    // Meanwhile the municipality wrote its own text for 1.1.1.2 in 2019: a conflict.
    n.edit(
        "1.1.1.2",
        "",
        "Gemeente",
        Edit::Jaar(
            2019,
            YearEdit::Voortgang("Gesprekken met vier scholen".into()),
        ),
    );
    // A year invitation cannot change the year the partner was not asked about: the file's
    // own claim of a year is not what counts, the invitation's record is.
    file.jaar = Some(2020);
    let p = plan(&n, &file, &k).unwrap();
    assert_eq!(p.jaar, Some(2019));
    let kinds: Vec<(&str, Subject, ChangeKind)> = p
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.subject, c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("1.1.1.1", Subject::Reactie, ChangeKind::Nieuw),
            ("1.1.1.1", Subject::Status, ChangeKind::Gewijzigd),
            ("1.1.1.1", Subject::Voortgang, ChangeKind::Gewijzigd),
            ("1.1.1.2", Subject::Reactie, ChangeKind::Nieuw),
            ("1.1.1.2", Subject::Voortgang, ChangeKind::Conflict),
        ]
    );
    let applied = apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    assert_eq!(
        (applied.statuses, applied.voortgang, applied.unresolved),
        (1, 1, 1)
    );
    let a = n.get("1.1.1.1").unwrap();
    assert_eq!(a.voortgang[&2019].status.as_deref(), Some("afgerond"));
    assert_eq!(
        a.voortgang[&2019].voortgang,
        "Twaalf ouderavonden gehouden."
    );
    assert_eq!(
        a.status.as_deref(),
        Some("niet gestart"),
        "the current status is not the year's"
    );
    assert!(!a.voortgang.contains_key(&2020));
    // The conflict left ours; the partner's words are in their reaction.
    let b = n.get("1.1.1.2").unwrap();
    assert_eq!(b.voortgang[&2019].voortgang, "Gesprekken met vier scholen");
    let r = b.latest_reaction("Welzijn").unwrap();
    assert_eq!(
        (r.jaar, r.voortgang.as_str()),
        (Some(2019), "Gesprekken met alle scholen")
    );
}

#[test]
fn progress_sent_on_an_invitation_without_a_year_is_refused_and_the_rest_kept() {
    let k = kompas();
    let mut n = municipality();
    let mut file = export(&mut n, &k, "Welzijn");
    file.kind = ReviewKind::Reactie;
    file.items[0].reaction = ReactionDraft {
        note: "Loopt goed".into(),
        voortgang: "Alles af".into(),
        ..ReactionDraft::default()
    };
    let p = plan(&n, &file, &k).unwrap();
    assert_eq!(p.refused.len(), 1, "{:?}", p.refused);
    assert!(p.refused[0].reason.contains("niet om voortgang"));
    apply(&mut n, &p, &BTreeMap::new(), "Gemeente", &no_titles);
    let a = n.get("1.1.1.1").unwrap();
    assert!(a.voortgang.is_empty());
    let r = a.latest_reaction("Welzijn").unwrap();
    assert_eq!((r.note.as_str(), r.voortgang.as_str()), ("Loopt goed", ""));
}
