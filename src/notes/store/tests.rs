//! Tests of the parent module.
use super::*;
use crate::notes::Edit;

fn with_note(text: &str) -> NotesFile {
    let mut f = NotesFile::default();
    f.edit("1.1", "", "Anna", Edit::Note(text.into()));
    f
}

#[test]
fn save_is_atomic_and_keeps_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/notities.ron");
    let mut f = NotesFile::default();
    f.edit("1.1", "", "Anna", Edit::Note("een".into()));
    save(&path, &f).unwrap();
    f.edit("1.1", "", "Bert", Edit::Note("twee".into()));
    save(&path, &f).unwrap();
    let (now, outcome) = open(&path).unwrap();
    assert_eq!(outcome, OpenOutcome::Loaded);
    assert_eq!(now.get("1.1").unwrap().note, "twee");
    let backup = parse(&fs::read_to_string(backup_path(&path)).unwrap()).unwrap();
    assert_eq!(backup.get("1.1").unwrap().note, "een");
}

#[test]
fn a_damaged_file_is_kept_aside_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let f = with_note("goed");
    save(&path, &f).unwrap();
    save(&path, &f).unwrap(); // now notities.ron.bak holds a good copy too
    let damaged = "(format: 1, notes: {\"1.1\": (note: \"kapot";
    fs::write(&path, damaged).unwrap();
    let (loaded, outcome) = open(&path).unwrap();
    let OpenOutcome::Damaged {
        kept_at,
        from_backup,
        ..
    } = &outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(from_backup);
    assert_eq!(loaded.get("1.1").unwrap().note, "goed");
    assert_eq!(
        fs::read_to_string(kept_at).unwrap(),
        damaged,
        "the damaged file is kept as it was"
    );
    assert!(
        kept_at
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("notities.ron.beschadigd-")
    );
    let msg = outcome.message().unwrap();
    assert!(
        msg.contains("bewaard als") && msg.contains("beschadigd"),
        "{msg}"
    );
    save(&path, &loaded).unwrap();
    assert_eq!(fs::read_to_string(kept_at).unwrap(), damaged);
    // Without a backup the store starts empty, still keeping the damaged file.
    fs::remove_file(backup_path(&path)).unwrap();
    fs::write(&path, "niet eens RON").unwrap();
    let (empty, outcome) = open(&path).unwrap();
    assert!(empty.notes.is_empty());
    assert!(matches!(
        outcome,
        OpenOutcome::Damaged {
            from_backup: false,
            ..
        }
    ));
}

#[test]
fn another_writers_version_is_kept_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let mut mine = with_note("van Anna");
    let saved = save_text(&path, &to_text(&mine).unwrap(), None).unwrap();
    let mut theirs = NotesFile::default();
    theirs.edit("2.2", "", "Bert", Edit::Note("van Bert".into()));
    fs::write(&path, to_text(&theirs).unwrap()).unwrap();
    mine.edit("1.1", "", "Anna", Edit::Note("van Anna, later".into()));
    let again = save_text(&path, &to_text(&mine).unwrap(), saved.stamp).unwrap();
    let kept = again.kept_aside.unwrap();
    assert!(kept.to_string_lossy().contains("andere-versie"));
    assert_eq!(
        parse(&fs::read_to_string(&kept).unwrap())
            .unwrap()
            .get("2.2")
            .unwrap()
            .note,
        "van Bert"
    );
    let third = save_text(&path, &to_text(&mine).unwrap(), again.stamp).unwrap();
    assert!(third.kept_aside.is_none());
    assert!(backup_path(&path).exists());
}

#[test]
fn text_with_quotes_newlines_and_hashes_round_trips() {
    let tricky = "Zeg \"ja\"\nnieuwe regel, backslash \\ en r#\"raw\"# en emoji \u{1F600}";
    let back = parse(&to_text(&with_note(tricky)).unwrap()).unwrap();
    assert_eq!(back.get("1.1").unwrap().note, tricky);
}

/// Finding: a notes file of a newer version was moved aside and work went on with an empty
/// store. Now it is refused and left where it is.
#[test]
fn a_newer_format_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    fs::write(&path, "(format: 9, nieuw_veld: 1)").unwrap();
    let err = open(&path).unwrap_err();
    assert!(matches!(err, NotesError::Newer { version: 9, .. }), "{err}");
    assert!(err.to_string().contains("Werk Kompas bij"), "{err}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing moved"
    );
}

/// Finding: `--notes hoofddoel-1.ron` read a compass part as an empty store and overwrote
/// it. Now foreign RON is refused and nothing is written.
#[test]
fn a_compass_part_is_not_a_notes_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoofddoel-1.ron");
    let part = "(sectors: [(id: \"1\", title: \"Iedereen\")])";
    fs::write(&path, part).unwrap();
    let err = open(&path).unwrap_err();
    assert!(matches!(err, NotesError::Foreign { .. }), "{err}");
    let err = update(&path, |f| f.add_partner("x")).unwrap_err();
    assert!(matches!(err, NotesError::Foreign { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), part);
    assert!(!backup_path(&path).exists(), "no backup made of it either");
}

/// Finding: read-only commands renamed a folder given as the notes file; a file the user
/// may not read was moved aside and replaced.
#[test]
fn read_errors_are_not_damage_and_read_only_opens_never_write() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map");
    fs::create_dir(&folder).unwrap();
    let err = open_read_only(&folder).unwrap_err();
    assert!(matches!(err, NotesError::Unreadable { .. }), "{err}");
    let err = open(&folder).unwrap_err();
    assert!(matches!(err, NotesError::Unreadable { .. }), "{err}");
    assert!(folder.is_dir());
    // Damage, read-only: reported, not moved.
    let damaged = dir.path().join("kapot.ron");
    fs::write(&damaged, "(format: 1, notes: {").unwrap();
    assert!(matches!(
        open_read_only(&damaged),
        Err(NotesError::Damaged { .. })
    ));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    // A missing file read-only: empty, and still missing.
    let none = dir.path().join("nog-niet.ron");
    assert!(open_read_only(&none).unwrap().notes.is_empty());
    assert!(!none.exists());
}

/// Finding: a 30 MB status was accepted and the 94 MB file then counted as damaged. Fields
/// are bounded now, a file over the limits is refused untouched, and nothing over the
/// size limit is ever written.
#[test]
fn one_size_limit_for_reading_and_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let mut f = NotesFile::default();
    f.notes.entry("1.1".into()).or_default().status = Some("x".repeat(300));
    fs::write(&path, to_text(&f).unwrap()).unwrap();
    let err = open(&path).unwrap_err();
    assert!(matches!(err, NotesError::Foreign { .. }), "{err}");
    assert!(path.exists(), "left where it was");
    let big = "x".repeat(usize::try_from(MAX_NOTES_BYTES).unwrap() + 1);
    let err = save_text(&dir.path().join("groot.ron"), &big, None).unwrap_err();
    assert!(matches!(err, NotesError::TooLarge { .. }), "{err}");
    assert!(!dir.path().join("groot.ron").exists());
}

/// Finding: two `review import` runs on one file both reported success and one partner's
/// reactions were lost. Writers now take turns under the lock.
#[test]
fn writers_under_the_lock_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || {
                update(&path, |f| {
                    // Slow enough that the writers would overlap without the lock.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    f.edit(
                        &format!("{i}.1"),
                        "",
                        "Anna",
                        Edit::Note(format!("van {i}")),
                    )
                })
                .unwrap()
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let (f, _) = open(&path).unwrap();
    assert_eq!(f.notes.len(), 8, "every writer's note is there");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(to_text(&with_note("met BOM")).unwrap().into_bytes());
    fs::write(&path, bytes).unwrap();
    assert_eq!(open(&path).unwrap().0.get("1.1").unwrap().note, "met BOM");
}
