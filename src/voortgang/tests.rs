use super::*;
use crate::model::{Element, KompasBuilder, Level, Meta, NodeKind};
use crate::notes::{Edit, YearEdit};

/// E ─┬─ 1 ─┬─ 1.1 ─┬─ 1.1.1
///    │     │       ├─ 1.1.2
///    │     │       └─ 1.1.3
///    │     └─ 1.2 ─── 1.2.1
///    └─ 2 ─── 2.1 ─┬─ 2.1.1
///                  └─ 2.1.2
fn fixture() -> Kompas {
    let mut b = KompasBuilder::default();
    let el = |id: &str, depth: usize| Element {
        id: id.into(),
        depth,
        label: (depth > 0).then(|| id.to_owned()),
        title: format!("titel {id}"),
        text: None,
        color: None,
        kind: NodeKind::Tree,
        carried: None,
    };
    let root = b.add(None, el("E", 0));
    let one = b.add(Some(root), el("1", 1));
    let two = b.add(Some(root), el("2", 1));
    let k11 = b.add(Some(one), el("1.1", 2));
    let k12 = b.add(Some(one), el("1.2", 2));
    let k21 = b.add(Some(two), el("2.1", 2));
    for id in ["1.1.1", "1.1.2", "1.1.3"] {
        b.add(Some(k11), el(id, 3));
    }
    b.add(Some(k12), el("1.2.1", 3));
    for id in ["2.1.1", "2.1.2"] {
        b.add(Some(k21), el(id, 3));
    }
    let level = |n: &str, p: &str| Level {
        name: n.into(),
        plural: p.into(),
    };
    b.finish(
        Meta {
            title: "Proefkompas".into(),
            ..Meta::default()
        },
        vec![
            level("Einddoel", "Einddoelen"),
            level("Hoofddoel", "Hoofddoelen"),
            level("Koers", "Koersen"),
            level("Inspanning", "Inspanningen"),
        ],
        Vec::new(),
    )
    .unwrap()
}

fn set(f: &mut NotesFile, id: &str, year: i32, status: &str) {
    assert!(f.edit(
        id,
        "",
        "Anna",
        Edit::Jaar(year, YearEdit::Status(Some(status.into())))
    ));
}

/// 2018: 1.1.1 afgerond, 1.1.2 in uitvoering, 2.1.1 vervallen.
/// 2019: 1.1.2 afgerond, 1.2.1 in uitvoering; the rest carries over from 2018.
fn notes() -> NotesFile {
    let mut f = NotesFile::default();
    set(&mut f, "1.1.1", 2018, "afgerond");
    set(&mut f, "1.1.2", 2018, "in uitvoering");
    set(&mut f, "2.1.1", 2018, "vervallen");
    set(&mut f, "1.1.2", 2019, "afgerond");
    set(&mut f, "1.2.1", 2019, "in uitvoering");
    // A status on a koers is not counted: only elements without children are.
    set(&mut f, "1.1", 2019, "afgerond");
    f
}

#[test]
fn the_rollup_counts_what_holds_in_the_year_up_the_tree() {
    let k = fixture();
    let f = notes();
    let ix = |id: &str| k.get(id).unwrap();
    let r = Rollup::compute(&k, &f, 2019);
    assert_eq!(
        r.columns,
        [
            "niet gestart",
            "in voorbereiding",
            "in uitvoering",
            "afgerond",
            "vervallen",
            "geen status"
        ]
    );
    // Koers 1.1: 1.1.1 afgerond (2018 carries over), 1.1.2 afgerond, 1.1.3 none.
    assert_eq!(r.counts(ix("1.1")), [0, 0, 0, 2, 0, 1]);
    assert_eq!((r.done(ix("1.1")), r.counted(ix("1.1"))), (2, 3));
    assert_eq!(r.percent(ix("1.1")), Some(67));
    // Hoofddoel 1: 1.1's three and 1.2.1 in uitvoering.
    assert_eq!(r.counts(ix("1")), [0, 0, 1, 2, 0, 1]);
    // Hoofddoel 2: 2.1.1 vervallen is left out of the denominator.
    assert_eq!(r.counts(ix("2")), [0, 0, 0, 0, 1, 1]);
    assert_eq!((r.done(ix("2")), r.counted(ix("2"))), (0, 1));
    assert_eq!(r.percent(ix("2")), Some(0));
    // Einddoel: six counted elements, one vervallen.
    assert_eq!(r.total(ix("E")), 6);
    assert_eq!(r.counted(ix("E")), 5);
    assert_eq!(r.percent(ix("E")), Some(40));
    assert_eq!(
        r.sentence(&k, ix("1.1")),
        "Koers 1.1: 2 van 3 afgerond in 2019"
    );
    assert_eq!(
        r.breakdown(ix("1")),
        "in uitvoering: 1, afgerond: 2, geen status: 1"
    );

    // 2018: 1.1.2 was still in uitvoering; 2017: nothing yet.
    let r18 = Rollup::compute(&k, &f, 2018);
    assert_eq!(r18.counts(ix("1.1")), [0, 0, 1, 1, 0, 1]);
    let r17 = Rollup::compute(&k, &f, 2017);
    assert_eq!(r17.counts(ix("E")), [0, 0, 0, 0, 0, 6]);
    assert!(!r17.has_any(ix("E")));
    assert_eq!(r17.percent(ix("E")), Some(0));
}

#[test]
fn a_status_outside_the_list_gets_its_own_column() {
    let k = fixture();
    let mut f = notes();
    set(&mut f, "1.1.3", 2019, "on hold");
    let r = Rollup::compute(&k, &f, 2019);
    assert_eq!(r.columns.get(5).map(String::as_str), Some("on hold"));
    assert_eq!(r.count(k.get("1.1").unwrap(), "on hold"), 1);
    assert_eq!(r.count(k.get("1.1").unwrap(), GEEN_STATUS), 0);
}

#[test]
fn changes_between_two_years_are_listed_in_document_order() {
    let k = fixture();
    let f = notes();
    let c = changes(&k, &f, 2018, 2019);
    let seen: Vec<(&str, Option<&str>, Option<&str>, &str)> = c
        .iter()
        .map(|c| {
            (
                k.element(c.element).id.as_str(),
                c.from.as_deref(),
                c.to.as_deref(),
                c.kind(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("1.1", None, Some("afgerond"), "nieuw"),
            (
                "1.1.2",
                Some("in uitvoering"),
                Some("afgerond"),
                "gewijzigd"
            ),
            ("1.2.1", None, Some("in uitvoering"), "nieuw"),
        ]
    );
}

#[test]
fn format_one_files_migrate_status_and_years_into_year_records() {
    let old = r#"(
    format: 1,
    kompas: "Proefkompas",
    statuses: ["niet gestart", "in uitvoering", "afgerond"],
    partners: [],
    notes: {
        "1.1.1": (note: "loopt", status: Some("in uitvoering"), priority: Some(Hoog), years: [2018, 2019], updated_by: "Anna", updated_at: "2019-03-01T10:00:00Z", seen_title: "titel 1.1.1"),
        "1.1.2": (note: "zonder jaren", status: Some("afgerond"), updated_by: "Anna", updated_at: "2019-03-01T10:00:00Z", seen_title: ""),
    },
)"#;
    let f = crate::notes::parse(old).unwrap();
    assert_eq!(f.format, crate::notes::NOTES_FORMAT);
    let a = f.get("1.1.1").unwrap();
    assert_eq!(
        a.voortgang.keys().copied().collect::<Vec<_>>(),
        [2018, 2019]
    );
    assert_eq!(a.voortgang[&2019].status.as_deref(), Some("in uitvoering"));
    assert_eq!(
        a.voortgang[&2019].priority,
        Some(crate::notes::Priority::Hoog)
    );
    assert_eq!(a.note, "loopt", "nothing else changes");
    assert_eq!(a.status.as_deref(), Some("in uitvoering"));
    // Without years there is no year to put the status in: it stays the current status only.
    assert!(f.get("1.1.2").unwrap().voortgang.is_empty());
    // Written and read again: the same.
    let again = crate::notes::parse(&crate::notes::to_text(&f).unwrap()).unwrap();
    assert_eq!(again, f);
    let r = Rollup::compute(&fixture(), &f, 2019);
    assert_eq!(r.count(fixture().get("1.1").unwrap(), "in uitvoering"), 1);
}

#[test]
fn euros_are_read_and_written_the_dutch_way() {
    use crate::notes::{format_euro, parse_euro};
    for (text, cents) in [
        ("€ 1.234,56", 123_456),
        ("1234,5", 123_450),
        ("1.234", 123_400),
        ("1.234.567", 123_456_700),
        ("1234.56", 123_456),
        ("-50", -5_000),
        ("€\u{a0}12", 1_200),
        ("0,05", 5),
    ] {
        assert_eq!(parse_euro(text), Some(cents), "{text}");
    }
    for bad in ["", "twaalf", "1,234,5", "12,345", "1e5", "€"] {
        assert_eq!(parse_euro(bad), None, "{bad}");
    }
    assert_eq!(format_euro(123_456), "€ 1.234,56");
    assert_eq!(format_euro(100_000_000), "€ 1.000.000");
    assert_eq!(format_euro(-505), "-€ 5,05");
}

#[test]
fn a_spreadsheet_is_checked_row_by_row_before_anything_is_applied() {
    let k = fixture();
    let mut f = NotesFile::default();
    let sheet = "\u{feff}id;jaar;status;voortgang\n\
        1.1.1;2019;Afgerond;\"Klaar; met een puntkomma\"\n\
        1.1.9;2019;afgerond;\n\
        1.1.2;twintig;afgerond;\n\
        1.1.3;2019;half klaar;\n\
        \n\
        1.2.1;2019;;alleen tekst\n\
        1.1.1;2019;afgerond;dubbel\n";
    let checked = csv::check(sheet.as_bytes(), &k, &f.statuses).unwrap();
    let problems: Vec<(u64, &str)> = checked
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (3, "onbekend element '1.1.9'"),
            (4, "'twintig' is geen jaar (tussen 1900 en 2200)"),
            (
                5,
                "onbekende status 'half klaar' (kies uit: niet gestart, in voorbereiding, in uitvoering, afgerond, vervallen)"
            ),
            (8, "1.1.1 in 2019 staat ook al op regel 2"),
        ]
    );
    assert_eq!(checked.rows.len(), 2);
    assert_eq!(
        checked.rows[0].status.as_deref(),
        Some("afgerond"),
        "the store's spelling"
    );
    assert_eq!(
        checked.rows[0].voortgang.as_deref(),
        Some("Klaar; met een puntkomma")
    );
    assert_eq!(
        checked.rows[1].status, None,
        "an empty cell changes nothing"
    );
    let applied = csv::apply(&mut f, &k, &checked.rows, "Anna");
    assert_eq!(applied.changed, 2);
    assert_eq!(f.get("1.1.1").unwrap().status_in(2019), Some("afgerond"));
    assert_eq!(
        f.get("1.2.1").unwrap().voortgang[&2019].voortgang,
        "alleen tekst"
    );
    // Applying again changes nothing, and the history holds one entry per field changed.
    assert_eq!(csv::apply(&mut f, &k, &checked.rows, "Anna").changed, 0);
    assert_eq!(f.get("1.1.1").unwrap().history.len(), 2);
}

#[test]
fn commas_windows_1252_and_no_header_are_read_too() {
    let k = fixture();
    let statuses = NotesFile::default().statuses;
    let sheet = "1.1.1,2019,afgerond,\"Caf\u{e9}, klaar\"\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(sheet);
    let checked = csv::check(&bytes, &k, &statuses).unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert_eq!(
        checked.rows[0].voortgang.as_deref(),
        Some("Caf\u{e9}, klaar")
    );
    assert_eq!(checked.remarks.len(), 1, "the guessed encoding is said");
    assert!(csv::check(b"naam;waarde\nx;y\n", &k, &statuses).is_err());
    assert!(csv::check(b"", &k, &statuses).is_err());
}

#[test]
fn the_export_reads_back_as_the_same_records() {
    let k = fixture();
    let mut f = notes();
    f.edit(
        "1.1.1",
        "",
        "Anna",
        Edit::Jaar(
            2019,
            YearEdit::Voortgang("Regel één\nregel \"twee\"; klaar".into()),
        ),
    );
    f.edit(
        "1.1.1",
        "",
        "Anna",
        Edit::Jaar(2019, YearEdit::Begroot(Some(123_456))),
    );
    f.edit(
        "1.1.1",
        "",
        "Anna",
        Edit::Jaar(2019, YearEdit::Realisatie(Some(-5))),
    );
    let text = csv::export(&k, &f).unwrap();
    let checked = csv::check(text.as_bytes(), &k, &f.statuses).unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let mut fresh = NotesFile::default();
    csv::apply(&mut fresh, &k, &checked.rows, "Bert");
    for (id, a) in &f.notes {
        assert_eq!(
            fresh.get(id).map(|b| &b.voortgang),
            Some(&a.voortgang),
            "{id}"
        );
    }
    let xlsx = xlsx::export(&k, &f, 2019).unwrap();
    assert!(xlsx.starts_with(b"PK"), "a zip file");
}

#[test]
fn the_jaarverslag_has_every_section_in_order_and_the_texts_verbatim() {
    let k = fixture();
    let mut f = notes();
    f.edit(
        "1.1.2",
        "",
        "Anna",
        Edit::Jaar(2019, YearEdit::Voortgang("Tien <buurten> & meer".into())),
    );
    let v = verslag::build(&k, &f, 2019);
    let names: Vec<&str> = v.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Hoofddoel 1",
            "Koers 1.1",
            "Koers 1.2",
            "Hoofddoel 2",
            "Koers 2.1"
        ]
    );
    assert_eq!(v.overall, "2 van 5 afgerond (40%)");
    assert_eq!(v.sections[1].bereikt[0].text, "Tien <buurten> & meer");
    let md = v.to_markdown();
    assert!(
        md.contains("### Koers 1.1: titel 1.1\n\n2 van 3 afgerond (67%)"),
        "{md}"
    );
    assert!(md.contains("Tien \\<buurten\\> & meer"), "{md}");
    let html = v.to_html();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(html.contains("Tien &lt;buurten&gt; &amp; meer"));
    assert!(html.contains("<th scope=\"col\">Status</th>"));
}
