//! The yearly cycle through the command line, as a staff member runs it: import a year's
//! progress from a spreadsheet (a bad one refused with every row named), read the summary,
//! export it and read it back, and write the jaarverslag.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::process::Command;

fn kompas_cmd(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kompas"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one staff member's year, step by step"
)]
fn a_years_progress_goes_from_a_spreadsheet_to_the_summary_and_the_jaarverslag() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notities.ron");
    let notes = notes.to_str().unwrap();
    let sheet = dir.path().join("2019.csv");
    // Dutch Excel: semicolons, a byte-order mark, a text with a semicolon in quotes.
    std::fs::write(
        &sheet,
        "\u{feff}id;jaar;status;voortgang\r\n\
         1.1.1.1;2019;afgerond;\"Tien buurten; elk met een spreekuur\"\r\n\
         1.1.1.2;2019;in uitvoering;\r\n\
         1.1.1.3;2019;kwijt;\r\n\
         9.9.9;2019;afgerond;\r\n\
         1.1.1.4;negentien;afgerond;\r\n\
         1.2.1.1;2019;vervallen;Niet meer nodig\r\n",
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();

    let (code, _, err) = kompas_cmd(&["voortgang", "import", sheet, "--notes", notes]);
    assert_eq!(code, 1, "{err}");
    for line in [4, 5, 6] {
        assert!(
            err.contains(&format!("2019.csv:{line}: ")),
            "line {line}: {err}"
        );
    }
    assert!(
        err.contains("Er is niets ingelezen: 3 regels met een fout"),
        "{err}"
    );
    let (_, out, _) = kompas_cmd(&["voortgang", "--jaar", "2019", "--notes", notes]);
    assert!(
        out.lines().next().unwrap().contains("afgerond: 0\t"),
        "nothing applied: {out}"
    );

    let (code, out, err) = kompas_cmd(&[
        "voortgang",
        "import",
        sheet,
        "--notes",
        notes,
        "--skip-invalid",
        "--by",
        "Anna",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("3 regels ingelezen"), "{out}");

    // One line per hoofddoel and koers, in document order, id first, tab-separated.
    let (code, out, _) = kompas_cmd(&["voortgang", "--jaar", "2019", "--notes", notes]);
    assert_eq!(code, 0);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 4 + 16);
    let ids: Vec<&str> = lines.iter().map(|l| l[0]).collect();
    assert_eq!(&ids[..7], ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "2"]);
    let koers_11 = &lines[1];
    assert_eq!(
        koers_11[1..],
        [
            "niet gestart: 0",
            "in voorbereiding: 0",
            "in uitvoering: 1",
            "afgerond: 1",
            "vervallen: 0",
            "geen status: 25",
            "4%"
        ]
    );
    // Koers 1.2 has one vervallen inspanning: left out of the denominator (0 of 23).
    assert_eq!(lines[2][5], "vervallen: 1");
    // A year before any record: nothing afgerond.
    let (_, out, _) = kompas_cmd(&["voortgang", "--jaar", "2018", "--notes", notes]);
    assert!(out.lines().all(|l| l.ends_with("\t0%")), "{out}");

    // Export and read back: the same records.
    let csv = dir.path().join("uit.csv");
    let (code, _, err) = kompas_cmd(&[
        "voortgang",
        "export",
        "--format",
        "csv",
        "--out",
        csv.to_str().unwrap(),
        "--notes",
        notes,
    ]);
    assert_eq!(code, 0, "{err}");
    let exported = std::fs::read_to_string(&csv).unwrap();
    assert!(
        exported.contains("\"Tien buurten; elk met een spreekuur\""),
        "{exported}"
    );
    let other = dir.path().join("ander.ron");
    let (code, _, err) = kompas_cmd(&[
        "voortgang",
        "import",
        csv.to_str().unwrap(),
        "--notes",
        other.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let a = kompas::notes::open_read_only(std::path::Path::new(notes)).unwrap();
    let b = kompas::notes::open_read_only(&other).unwrap();
    for (id, ann) in &a.notes {
        assert_eq!(b.get(id).unwrap().voortgang, ann.voortgang, "{id}");
    }

    // The jaarverslag, as a web page: headings, tables with headers, the words verbatim.
    let html = dir.path().join("jaarverslag.html");
    let (code, _, err) = kompas_cmd(&[
        "jaarverslag",
        "--jaar",
        "2019",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
        "--notes",
        notes,
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"nl\">"));
    assert!(page.contains("Tien buurten; elk met een spreekuur"));
    assert_eq!(
        page.matches("<h2 ").count(),
        4 + 1,
        "four hoofddoelen and the indicatoren"
    );
    assert_eq!(page.matches("<h3 ").count(), 16);
    assert!(page.contains("<th scope=\"col\">Status</th>"));
    assert_accessible_structure(&page);
}

/// What a screen reader needs of the page, read by an HTML parser: the language, one h1,
/// headings that never skip a level, every section named by its heading, every table with a
/// caption and header cells for its columns and rows, no empty heading or cell.
fn assert_accessible_structure(page: &str) {
    use scraper::{Html, Selector};
    let doc = Html::parse_document(page);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let html = doc.select(&sel("html")).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("nl"), "the page's language");
    assert_eq!(doc.select(&sel("h1")).count(), 1, "one h1");
    let mut last = 1;
    for h in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level: u32 = h.value().name()[1..].parse().unwrap();
        assert!(
            level <= last + 1,
            "heading {} skips a level",
            h.text().collect::<String>()
        );
        assert!(
            !h.text().collect::<String>().trim().is_empty(),
            "an empty heading"
        );
        last = level;
    }
    for section in doc.select(&sel("section")) {
        let by = section.value().attr("aria-labelledby").unwrap();
        let named = doc.select(&sel(&format!("#{by}"))).next();
        assert!(
            named.is_some(),
            "section labelled by #{by}, which is missing"
        );
    }
    for table in doc.select(&sel("table")) {
        assert!(
            table.select(&sel("caption")).next().is_some(),
            "a table without caption"
        );
        let head: Vec<_> = table.select(&sel("thead th")).collect();
        assert!(
            !head.is_empty()
                && head
                    .iter()
                    .all(|th| th.value().attr("scope") == Some("col")),
            "column headers with scope=col"
        );
        for row in table.select(&sel("tbody tr")) {
            let first = row
                .first_child()
                .and_then(scraper::ElementRef::wrap)
                .unwrap();
            assert_eq!(
                (first.value().name(), first.value().attr("scope")),
                ("th", Some("row")),
                "each row starts with its header"
            );
            for cell in row.select(&sel("td, th")) {
                assert!(
                    !cell.text().collect::<String>().trim().is_empty(),
                    "an empty cell"
                );
            }
        }
    }
}

#[test]
fn a_partner_reports_the_years_progress_through_their_file() {
    use kompas::notes::{Edit, NotesFile};
    use kompas::review::{self, ReactionDraft, ReviewKind};
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notities.ron");
    let mut n = NotesFile::default();
    n.edit(
        "1.1.1.1",
        "",
        "Anna",
        Edit::Partners(vec!["Welzijn".into()]),
    );
    kompas::notes::save(&notes, &n).unwrap();
    let notes = notes.to_str().unwrap();
    let invitation = dir.path().join("welzijn.ron");
    let (code, out, err) = kompas_cmd(&[
        "review",
        "export",
        "--partner",
        "Welzijn",
        "--jaar",
        "2019",
        "--out",
        invitation.to_str().unwrap(),
        "--notes",
        notes,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let mut f = review::read(&invitation).unwrap();
    assert_eq!(f.jaar, Some(2019));
    f.kind = ReviewKind::Reactie;
    f.answered_by = "Piet".into();
    f.answered_at = kompas::notes::now();
    f.items[0].reaction = ReactionDraft {
        status: Some("afgerond".into()),
        voortgang: "Twaalf ouderavonden".into(),
        ..ReactionDraft::default()
    };
    review::write(&invitation, &f).unwrap();
    let (code, out, err) = kompas_cmd(&[
        "review",
        "import",
        invitation.to_str().unwrap(),
        "--notes",
        notes,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 status, 1 voortgangstekst"), "{out}");
    let (_, out, _) = kompas_cmd(&["voortgang", "--jaar", "2019", "--notes", notes]);
    assert!(out.lines().nth(1).unwrap().contains("afgerond: 1"), "{out}");
}
