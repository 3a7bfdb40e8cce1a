//! The partner round trip through the command line, as the municipality would run it:
//! assign three partners, export their files, let them answer (one conflicting with a local
//! edit), import all three, and find every word in the CSV export.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::path::Path;
use std::process::Command;

use kompas::notes::{self, Edit, NotesFile};
use kompas::review::{self, ReactionDraft, ReviewKind};

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

fn answer(path: &Path, id: &str, note: &str, status: Option<&str>, proposal: &str) {
    let mut f = review::read(path).unwrap();
    f.kind = ReviewKind::Reactie;
    f.answered_by = "Partner".into();
    f.answered_at = notes::now();
    let item = f.items.iter_mut().find(|i| i.id == id).unwrap();
    item.reaction = ReactionDraft {
        note: note.into(),
        status: status.map(str::to_owned),
        proposal: proposal.into(),
        ..ReactionDraft::default()
    };
    review::write(path, &f).unwrap();
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one end-to-end journey, step by step"
)]
fn three_partners_round_trip_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notities.ron");
    let s = store.to_str().unwrap();
    let mut n = NotesFile::default();
    for (id, partner) in [
        ("1.1.1.1", "Welzijn"),
        ("2.1.2.3", "Zorg"),
        ("1.5.4.1", "Sport"),
    ] {
        n.add_partner(partner);
        n.edit(id, "", "Gemeente", Edit::Partners(vec![partner.into()]));
        n.edit(
            id,
            "",
            "Gemeente",
            Edit::Status(Some("niet gestart".into())),
        );
    }
    notes::save(&store, &n).unwrap();

    let mut files = Vec::new();
    for partner in ["Welzijn", "Zorg", "Sport"] {
        let out = dir.path().join(format!("{partner}.ron"));
        let (code, stdout, stderr) = kompas_cmd(&[
            "review",
            "export",
            "--partner",
            partner,
            "--out",
            out.to_str().unwrap(),
            "--notes",
            s,
        ]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(stdout.contains("1 inspanning voor"), "{stdout}");
        files.push(out);
    }
    answer(
        &files[0],
        "1.1.1.1",
        "Welzijn: loopt via het Sociaal Servicepunt",
        Some("in uitvoering"),
        "",
    );
    answer(
        &files[1],
        "2.1.2.3",
        "Zorg: respijtzorg wordt uitgebreid",
        Some("afgerond"),
        "Noem ook logeerhuizen",
    );
    answer(
        &files[2],
        "1.5.4.1",
        "Sport: gymzalen 's avonds open",
        None,
        "",
    );
    // A local edit that conflicts with Zorg's status.
    let (mut n, _) = notes::open(&store).unwrap();
    n.edit(
        "2.1.2.3",
        "",
        "Gemeente",
        Edit::Status(Some("in voorbereiding".into())),
    );
    n.edit(
        "2.1.2.3",
        "",
        "Gemeente",
        Edit::Note("Gemeente: eerst budget regelen".into()),
    );
    notes::save(&store, &n).unwrap();

    let mut args = vec!["review", "import"];
    let names: Vec<String> = files
        .iter()
        .map(|f| f.to_str().unwrap().to_owned())
        .collect();
    args.extend(names.iter().map(String::as_str));
    args.extend(["--notes", s]);
    let (code, stdout, stderr) = kompas_cmd(&args);
    assert_eq!(
        code, 2,
        "an unresolved conflict is reported: {stdout}{stderr}"
    );
    assert!(
        stdout.contains("2.1.2.3 (Status)")
            && stdout.contains("'in voorbereiding'")
            && stdout.contains("'afgerond'"),
        "{stdout}"
    );
    let nieuw = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("nieuw") && l.trim_end().ends_with('1'))
        .count();
    assert_eq!(nieuw, 3, "{stdout}");

    let (code, csv, _) = kompas_cmd(&["notes", "export", "--format", "csv", "--notes", s]);
    assert_eq!(code, 0);
    for words in [
        "Welzijn: loopt via het Sociaal Servicepunt",
        "Zorg: respijtzorg wordt uitgebreid",
        "Noem ook logeerhuizen",
        "Sport: gymzalen 's avonds open",
        "Gemeente: eerst budget regelen",
        "afgerond",
    ] {
        assert!(csv.contains(words), "{words} missing from the CSV");
    }
    let (mut n, _) = notes::open(&store).unwrap();
    assert_eq!(
        n.get("2.1.2.3").unwrap().status.as_deref(),
        Some("in voorbereiding"),
        "nothing conflicting applied"
    );
    assert_eq!(
        n.get("1.1.1.1").unwrap().status.as_deref(),
        Some("in uitvoering"),
        "non-conflicting status applied"
    );

    // Settling with --theirs; importing the same files again adds no duplicate reactions.
    let mut args = vec!["review", "import", "--theirs"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["--notes", s]);
    let (code, stdout, _) = kompas_cmd(&args);
    assert_eq!(code, 0, "{stdout}");
    (n, _) = notes::open(&store).unwrap();
    assert_eq!(
        n.get("2.1.2.3").unwrap().status.as_deref(),
        Some("afgerond")
    );
    assert_eq!(n.get("2.1.2.3").unwrap().reactions.len(), 1);
    assert!(
        n.get("2.1.2.3")
            .unwrap()
            .history
            .iter()
            .any(|h| h.old == "in voorbereiding")
    );

    let (code, md, _) = kompas_cmd(&["notes", "export", "--format", "md", "--notes", s]);
    assert_eq!(code, 0);
    assert!(md.contains("Noem ook logeerhuizen"));
}

#[test]
fn an_invitation_is_not_imported_and_a_newer_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notities.ron");
    let mut n = NotesFile::default();
    n.edit(
        "1.1.1.1",
        "",
        "Gemeente",
        Edit::Partners(vec!["Welzijn".into()]),
    );
    notes::save(&store, &n).unwrap();
    let out = dir.path().join("w.ron");
    kompas_cmd(&[
        "review",
        "export",
        "--partner",
        "Welzijn",
        "--out",
        out.to_str().unwrap(),
        "--notes",
        store.to_str().unwrap(),
    ]);
    let (code, _, stderr) = kompas_cmd(&[
        "review",
        "import",
        out.to_str().unwrap(),
        "--notes",
        store.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("uitnodiging"), "{stderr}");
    std::fs::write(&out, "(format: 7, kind: Reactie, partner: \"Welzijn\")").unwrap();
    let (code, _, stderr) = kompas_cmd(&[
        "review",
        "import",
        out.to_str().unwrap(),
        "--notes",
        store.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("formaatversie 7"), "{stderr}");
}
