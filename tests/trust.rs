//! The attack run's findings against the command line, each as the user (or the attacker)
//! meets it: partner files that overreach, notes files that are not what they seem, two
//! writers at once, hostile text on the terminal.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::path::{Path, PathBuf};
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
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Notes with `partners` each assigned one inspanning, and an invitation file per partner.
fn invited(dir: &Path, partners: &[(&str, &str)]) -> (PathBuf, Vec<PathBuf>) {
    let store = dir.join("notities.ron");
    let mut n = NotesFile::default();
    for (id, partner) in partners {
        n.add_partner(partner);
        n.edit(id, "", "Gemeente", Edit::Partners(vec![(*partner).into()]));
    }
    notes::save(&store, &n).unwrap();
    let files = partners
        .iter()
        .map(|(_, partner)| {
            let out = dir.join(format!("{partner}.ron"));
            let (code, stdout, stderr) = kompas_cmd(&[
                "review",
                "export",
                "--partner",
                partner,
                "--out",
                out.to_str().unwrap(),
                "--notes",
                store.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{stdout}{stderr}");
            out
        })
        .collect();
    (store, files)
}

fn answer(path: &Path, by: &str, note: &str) {
    let mut f = review::read(path).unwrap();
    f.kind = ReviewKind::Reactie;
    f.answered_by = by.into();
    f.answered_at = notes::now();
    for item in &mut f.items {
        item.reaction = ReactionDraft {
            note: note.into(),
            ..ReactionDraft::default()
        };
    }
    review::write(path, &f).unwrap();
}

/// Finding 5: two `review import` runs on one notes file both exited 0 and one partner's
/// reactions were lost (15 of 15 runs). They now take turns under the lock.
#[test]
fn two_imports_at_once_lose_no_reaction() {
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let (store, files) = invited(dir.path(), &[("1.1.1.1", "Welzijn"), ("2.1.1.1", "Zorg")]);
        answer(&files[0], "Piet", "van Welzijn");
        answer(&files[1], "Kees", "van Zorg");
        let s = store.to_str().unwrap().to_owned();
        let runs: Vec<_> = files
            .iter()
            .map(|f| {
                let (f, s) = (f.to_str().unwrap().to_owned(), s.clone());
                std::thread::spawn(move || kompas_cmd(&["review", "import", &f, "--notes", &s]))
            })
            .collect();
        for r in runs {
            let (code, out, err) = r.join().unwrap();
            assert_eq!(code, 0, "{out}{err}");
        }
        let (n, _) = notes::open(&store).unwrap();
        for (id, words) in [("1.1.1.1", "van Welzijn"), ("2.1.1.1", "van Zorg")] {
            assert_eq!(
                n.get(id)
                    .and_then(|a| a.reactions.first())
                    .map(|r| r.note.as_str()),
                Some(words),
                "round {round}: {id}"
            );
        }
    }
}

/// Finding 4: `kompas notes export --notes SOMEDIR` renamed the folder; read-only commands
/// must never write.
#[test]
fn exporting_notes_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map");
    std::fs::create_dir(&folder).unwrap();
    let (code, _, stderr) = kompas_cmd(&["notes", "export", "--notes", folder.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("geen gewoon bestand"), "{stderr}");
    assert!(folder.is_dir());
    let damaged = dir.path().join("kapot.ron");
    std::fs::write(&damaged, "(format: 1, notes: {").unwrap();
    let (code, _, stderr) = kompas_cmd(&["notes", "export", "--notes", damaged.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("beschadigd") && stderr.contains("niets mee gedaan"),
        "{stderr}"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "nothing moved aside or created");
}

/// Finding 3: `--notes hoofddoel-1.ron` read a compass part as an empty store and overwrote
/// it (and its backup on a second run).
#[test]
fn a_compass_part_given_as_notes_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let part = dir.path().join("hoofddoel-1.ron");
    let text = "(sectors: [(id: \"1\", title: \"Iedereen doet mee\")])\n";
    std::fs::write(&part, text).unwrap();
    for _ in 0..2 {
        let (code, _, stderr) = kompas_cmd(&[
            "review",
            "export",
            "--partner",
            "Welzijn",
            "--out",
            dir.path().join("w.ron").to_str().unwrap(),
            "--notes",
            part.to_str().unwrap(),
        ]);
        assert_eq!(code, 1);
        assert!(stderr.contains("geen notitiebestand"), "{stderr}");
    }
    assert_eq!(std::fs::read_to_string(&part).unwrap(), text);
    assert!(!notes::backup_path(&part).exists());
}

/// Finding 16: a multi-file import said "opgeslagen" and saved nothing when a later file was
/// bad. Now every file is checked first; one bad file means nothing is applied, and it says so.
#[test]
fn one_bad_file_among_several_applies_nothing_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let (store, files) = invited(dir.path(), &[("1.1.1.1", "Welzijn")]);
    answer(&files[0], "Piet", "goed");
    let bad = dir.path().join("kapot.ron");
    std::fs::write(
        &bad,
        "(kind: Reactie, partner: \"Sport\", invitation: \"verzonnen\")",
    )
    .unwrap();
    let before = std::fs::read_to_string(&store).unwrap();
    let (code, stdout, stderr) = kompas_cmd(&[
        "review",
        "import",
        files[0].to_str().unwrap(),
        bad.to_str().unwrap(),
        "--notes",
        store.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("kapot.ron") && stderr.contains("Er is niets ingelezen"),
        "{stderr}"
    );
    assert!(!stdout.contains("bijgewerkt"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&store).unwrap(), before);
}

/// Finding 15: escape codes in a partner's name or answer reached the terminal.
#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let (store, files) = invited(dir.path(), &[("1.1.1.1", "Welzijn")]);
    let mut f = review::read(&files[0]).unwrap();
    f.kind = ReviewKind::Reactie;
    f.answered_by = "Piet\u{1b}[2J\u{1b}]0;gehackt\u{7}".into();
    f.items[0].reaction.status = Some("\u{1b}[31mGEHACKT".into());
    review::write(&files[0], &f).unwrap();
    let (code, stdout, stderr) = kompas_cmd(&[
        "review",
        "import",
        files[0].to_str().unwrap(),
        "--notes",
        store.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}"), "shown, not sent: {stdout}");
    assert!(stdout.contains("geweigerd"), "{stdout}");
}

/// A Freeplane map with two sectors whose ids differ only in case.
fn map_with_ids(ids: &[&str]) -> String {
    let mut mm = String::from("<map version=\"freeplane 1.9.13\">\n<node TEXT=\"Wortel\">\n");
    for id in ids {
        mm.push_str(&format!(
            "<node TEXT=\"Sector {id}\"><attribute NAME=\"kompas-id\" VALUE=\"{id}\"/>\
             <node TEXT=\"Kind van {id}\"/></node>\n"
        ));
    }
    mm.push_str("</node>\n</map>\n");
    mm
}

/// Findings 6 and 7: `import --out EXISTING` silently replaced `kompas.ron` and orphaned the
/// old parts; sector ids `A` and `a` both became `thema-a.ron` (one lost, the folder did not
/// load); a level `.Thema` gave a hidden file the loader refuses; a 300-character level name
/// failed after `kompas.ron` was already written.
#[test]
fn importing_into_a_folder_is_safe_and_every_name_works() {
    let dir = tempfile::tempdir().unwrap();
    let mm = dir.path().join("kaart.mm");
    std::fs::write(&mm, map_with_ids(&["A", "a", "con"])).unwrap();
    let out = dir.path().join("kompas");
    let long = "Thema".repeat(60);
    for levels in [".Thema,Doel,Actie".to_owned(), format!("Visie,{long},Doel")] {
        let _ = std::fs::remove_dir_all(&out);
        let (code, stdout, stderr) = kompas_cmd(&[
            "import",
            mm.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--niveaus",
            &levels,
        ]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        let loaded = kompas::load_path(&out).unwrap();
        assert_eq!(loaded.kompas.sectors().len(), 3, "no sector lost");
        for entry in std::fs::read_dir(&out).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.starts_with('.'), "hidden {name}");
            assert!(name.len() <= 70, "{name}");
            assert!(!name.to_lowercase().starts_with("con."), "{name}");
        }
    }
    // The folder is now a compass: a second import is refused and changes nothing.
    let before = std::fs::read_to_string(out.join("kompas.ron")).unwrap();
    std::fs::write(&mm, map_with_ids(&["X"])).unwrap();
    let (code, _, stderr) = kompas_cmd(&[
        "import",
        mm.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("niet leeg") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("kompas.ron")).unwrap(),
        before
    );
    // With --force it is replaced whole: no old part files left behind.
    let (code, stdout, stderr) = kompas_cmd(&[
        "import",
        mm.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(kompas::load_path(&out).unwrap().kompas.sectors().len(), 1);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        2,
        "kompas.ron and one part"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Finding 11: `kompas generate` with a huge fanout panicked or grew until killed.
#[test]
fn generate_refuses_what_does_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g");
    let huge = usize::MAX.to_string();
    let (code, _, stderr) = kompas_cmd(&[
        "generate",
        "--sectors",
        "4",
        "--fanout",
        &format!("{huge},{huge}"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ontelbaar") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert!(!out.exists());
}
