//! Every validation rule, each with a broken copy of a small valid compass
//! (`tests/fixtures/mini`), plus the acceptance cases on a copy of the real compass.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kompas::problem::Place;
use kompas::{Problem, Severity, load_path};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("kompas/leidschendam-voorburg-2017-2020")
}

/// Copies a compass folder into a fresh temp dir.
fn copy_of(src: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

/// Replaces `from` by `to` in one file of a compass copy; the text must be there once.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The problems of a broken compass (it must fail to load).
fn problems(dir: &Path) -> Vec<Problem> {
    match load_path(dir) {
        Ok(_) => panic!("a broken compass loaded"),
        Err(e) => e.problems,
    }
}

fn errors(dir: &Path) -> Vec<Problem> {
    problems(dir)
        .into_iter()
        .filter(Problem::is_error)
        .collect()
}

/// Loads a broken fixture and returns its single error, checking file and message.
fn single_error(dir: &Path, file: &str, needle: &str) -> Problem {
    let errs = errors(dir);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = errs.into_iter().next().unwrap();
    assert_eq!(e.file, file, "{e}");
    assert!(e.message.contains(needle), "{needle:?} not in: {e}");
    e
}

fn assert_element(p: &Problem, id: &str, line: usize) {
    assert_eq!(
        p.place,
        Place::Element {
            id: id.into(),
            line: Some(line)
        },
        "{p}"
    );
}

#[test]
fn the_fixture_itself_is_valid() {
    let loaded = load_path(&fixture()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.kompas.count_per_level(), [1, 2, 2, 3]);
    let k = &loaded.kompas;
    let links = k.links_from(k.get("2.1").unwrap());
    assert_eq!(links.len(), 1);
    assert_eq!(k.links_to(k.get("1.1").unwrap()).len(), 1);
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-1.ron",
        "title: \"Meer kinderen sporten\",",
        "title: \"Meer kinderen sporten\"",
    );
    let e = single_error(d.path(), "thema-1.ron", "komma");
    let Place::Position {
        line, col, snippet, ..
    } = &e.place
    else {
        panic!("{e}")
    };
    assert_eq!((*line, *col), (13, 21));
    assert!(snippet.contains("text:"), "{snippet}");
}

#[test]
fn unclosed_string_is_explained() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-2.ron",
        "\"Start een buurtkamer.\"",
        "\"Start een buurtkamer.",
    );
    let e = single_error(d.path(), "thema-2.ron", "");
    assert!(matches!(e.place, Place::Position { .. }), "{e}");
}

#[test]
fn misspelt_field_is_refused_not_ignored() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-1.ron",
        "children: [\n                (",
        "chilren: [\n                (",
    );
    let e = single_error(d.path(), "thema-1.ron", "onbekend veld 'chilren'");
    assert!(e.message.contains("children"), "{e}");
}

#[test]
fn duplicate_id_names_both_places() {
    let d = copy_of(&fixture());
    edit(d.path(), "thema-2.ron", "id: \"2.1.1\"", "id: \"1.1.2\"");
    let e = single_error(d.path(), "thema-2.ron", "dubbele id");
    assert!(e.message.contains("thema-1.ron:16"), "{e}");
    assert_element(&e, "1.1.2", 15);
}

#[test]
fn element_at_the_wrong_depth_for_its_level() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-1.ron",
        "(id: \"1.1.1\", level: \"Actie\"",
        "(id: \"1.1.1\", level: \"Doel\"",
    );
    let e = single_error(
        d.path(),
        "thema-1.ron",
        "heeft niveau 'Doel' maar staat op de plek van een Actie",
    );
    assert_element(&e, "1.1.1", 15);
}

#[test]
fn element_deeper_than_the_levels() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-2.ron",
        "(id: \"2.1.1\", level: \"Actie\", title: \"Start een buurtkamer.\"),",
        "(id: \"2.1.1\", title: \"Start een buurtkamer.\", children: [(id: \"2.1.1.1\", title: \"Te diep\")]),",
    );
    let e = single_error(
        d.path(),
        "thema-2.ron",
        "diepte 5 maar het kompas heeft maar 4 niveaus",
    );
    assert_element(&e, "2.1.1.1", 15);
}

#[test]
fn empty_title() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-2.ron",
        "title: \"Minder eenzaamheid\"",
        "title: \"  \"",
    );
    let e = single_error(d.path(), "thema-2.ron", "titel (title) is leeg");
    assert_element(&e, "2.1", 10);
}

#[test]
fn begrip_refers_to_unknown_element() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "begrippen.ron",
        "element: \"2.1\"",
        "element: \"9.9\"",
    );
    single_error(d.path(), "begrippen.ron", "onbekend element '9.9'");
}

#[test]
fn empty_begrip() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "begrippen.ron",
        "definition: \"een ruimte in de wijk waar iedereen binnen kan lopen\"",
        "definition: \"\"",
    );
    single_error(d.path(), "begrippen.ron", "definitie (definition) is leeg");
}

#[test]
fn sector_without_children() {
    let d = copy_of(&fixture());
    let text = "(\n    sectors: [\n        (id: \"2\", level: \"Thema\", title: \"Samen wonen\"),\n    ],\n)\n";
    fs::write(d.path().join("thema-2.ron"), text).unwrap();
    edit(
        d.path(),
        "begrippen.ron",
        "element: \"2.1\"",
        "element: \"2\"",
    );
    // Reported, but the compass still loads: mind maps often have such branches.
    let loaded = load_path(d.path()).unwrap();
    let e = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("sector zonder kinderen"))
        .unwrap();
    assert_eq!(e.file, "thema-2.ron");
    assert_element(e, "2", 3);
}

#[test]
fn compass_without_sectors() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "kompas.ron",
        "include: [\"thema-1.ron\", \"thema-2.ron\", \"begrippen.ron\"],",
        "",
    );
    single_error(d.path(), "kompas.ron", "geen sectoren");
}

#[test]
fn missing_level_names() {
    let d = copy_of(&fixture());
    let text = fs::read_to_string(d.path().join("kompas.ron")).unwrap();
    let start = text.find("    levels: [").unwrap();
    let end = text[start..].find("],").unwrap() + start + 2;
    fs::write(
        d.path().join("kompas.ron"),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let errs = errors(d.path());
    assert!(
        errs.iter().any(|e| e.message.contains("geen niveaunamen")),
        "{errs:#?}"
    );
    // Without names every element's `level` is unknown too; each is reported.
    assert!(
        errs.iter()
            .all(|e| e.file == "kompas.ron" || e.message.contains("niveaus")),
        "{errs:#?}"
    );
}

#[test]
fn duplicate_and_empty_level_names() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "kompas.ron",
        "(name: \"Doel\", plural: \"Doelen\")",
        "(name: \"Thema\", plural: \"Doelen\")",
    );
    let errs = errors(d.path());
    assert!(
        errs.iter()
            .any(|e| e.message.contains("'Thema' komt twee keer voor")),
        "{errs:#?}"
    );
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "kompas.ron",
        "(name: \"Doel\", plural: \"Doelen\")",
        "(name: \"\")",
    );
    let errs = errors(d.path());
    assert!(
        errs.iter()
            .any(|e| e.message.contains("niveau 3 heeft geen naam")),
        "{errs:#?}"
    );
}

#[test]
fn invalid_colour() {
    let d = copy_of(&fixture());
    edit(d.path(), "thema-1.ron", "#F2C037", "geel");
    let e = single_error(d.path(), "thema-1.ron", "'geel' is geen kleur");
    assert_element(&e, "1", 4);
}

#[test]
fn invalid_id_characters() {
    let d = copy_of(&fixture());
    edit(d.path(), "thema-1.ron", "id: \"1.1.2\"", "id: \"1.1 2\"");
    single_error(d.path(), "thema-1.ron", "een id mag alleen");
}

#[test]
fn related_to_unknown_id() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-2.ron",
        "related: [\"1.1\"]",
        "related: [\"1.7\"]",
    );
    let e = single_error(d.path(), "thema-2.ron", "onbekende id '1.7'");
    assert_element(&e, "2.1", 10);
}

#[test]
fn missing_included_file() {
    let d = copy_of(&fixture());
    fs::remove_file(d.path().join("thema-2.ron")).unwrap();
    let errs = errors(d.path());
    assert!(
        errs.iter()
            .any(|e| e.file == "thema-2.ron" && e.message.contains("bestaat niet")),
        "{errs:#?}"
    );
}

#[test]
fn include_cannot_leave_the_folder_or_repeat() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "kompas.ron",
        "\"begrippen.ron\"]",
        "\"begrippen.ron\", \"../geheim.ron\", \"thema-1.ron\"]",
    );
    let errs = errors(d.path());
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0].message.contains("geen gewone bestandsnaam"));
    assert!(errs[1].message.contains("meer dan één keer"));
}

#[test]
fn newer_format_is_refused_with_advice() {
    let d = copy_of(&fixture());
    edit(d.path(), "kompas.ron", "format: 1,", "format: 7,");
    single_error(d.path(), "kompas.ron", "werk Kompas bij");
}

#[test]
fn missing_folder_is_a_clear_message() {
    let errs = errors(Path::new("/nonexistent/kompas"));
    assert!(errs[0].message.contains("niet gevonden"), "{errs:#?}");
}

#[test]
fn warnings_do_not_stop_loading() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-2.ron",
        "(id: \"2.1.1\", level: \"Actie\", title: \"Start een buurtkamer.\"),",
        "",
    );
    let loaded = load_path(d.path()).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].severity, Severity::Warning);
    assert!(
        loaded.warnings[0].message.contains("geen Acties"),
        "{}",
        loaded.warnings[0]
    );
}

#[test]
fn references_into_a_broken_file_are_not_reported_twice() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-1.ron",
        "title: \"Meer kinderen sporten\",",
        "title: \"Meer kinderen sporten\"",
    );
    // 2.1 relates to 1.1 in the unreadable file: only the syntax error is reported.
    single_error(d.path(), "thema-1.ron", "komma");
}

#[test]
fn problems_in_several_files_are_all_reported() {
    let d = copy_of(&fixture());
    edit(
        d.path(),
        "thema-1.ron",
        "title: \"Meer kinderen sporten\",",
        "title: \"Meer kinderen sporten\"",
    );
    edit(
        d.path(),
        "thema-2.ron",
        "title: \"Minder eenzaamheid\"",
        "title: \"\"",
    );
    edit(
        d.path(),
        "begrippen.ron",
        "term: \"Buurtkamer\"",
        "term: \"\"",
    );
    let files: Vec<_> = errors(d.path()).into_iter().map(|e| e.file).collect();
    assert_eq!(files, ["thema-1.ron", "thema-2.ron", "begrippen.ron"]);
}

// --- The acceptance cases, on a copy of the real compass, through the binary. ---

fn check_output(path: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kompas"))
        .arg("check")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_prints_the_counts_of_the_embedded_compass() {
    let out = Command::new(env!("CARGO_BIN_EXE_kompas"))
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for (name, n) in [
        ("Einddoelen", 1),
        ("Hoofddoelen", 4),
        ("Koersen", 16),
        ("Hoofdinspanningen", 71),
        ("Inspanningen", 441),
        ("Begrippen", 82),
    ] {
        let line = stdout.lines().find(|l| l.starts_with(name)).unwrap();
        assert_eq!(
            line.split_whitespace().last(),
            Some(n.to_string().as_str()),
            "{line}"
        );
    }
}

#[test]
fn check_on_a_syntax_error_in_the_real_compass() {
    let d = copy_of(&real());
    edit(
        d.path(),
        "hoofddoel-3.ron",
        "(id: \"3.2.1.1\", level: \"Inspanning\",",
        "(id: \"3.2.1.1\" level: \"Inspanning\",",
    );
    let (ok, _, stderr) = check_output(d.path());
    assert!(!ok);
    let first = stderr.lines().next().unwrap();
    assert!(first.starts_with("hoofddoel-3.ron:"), "{stderr}");
    assert!(first.contains("komma"), "{stderr}");
    assert!(stderr.contains("(id: \"3.2.1.1\" level:"), "{stderr}");
}

#[test]
fn check_on_three_model_errors_in_the_real_compass() {
    let d = copy_of(&real());
    edit(
        d.path(),
        "hoofddoel-1.ron",
        "id: \"1.2.3.4\"",
        "id: \"1.2.3.3\"",
    );
    edit(
        d.path(),
        "hoofddoel-4.ron",
        "title: \"Vraag vaker advies aan de Raad voor de Kinderbescherming.\"",
        "title: \"\"",
    );
    edit(
        d.path(),
        "begrippen.ron",
        "term: \"VOG\",\n            definition: \"verklaring omtrent gedrag.\",\n            element: \"4.1\"",
        "term: \"VOG\",\n            definition: \"verklaring omtrent gedrag.\",\n            element: \"3.9\"",
    );
    let (ok, _, stderr) = check_output(d.path());
    assert!(!ok);
    let lines: Vec<_> = stderr.lines().filter(|l| l.contains(": fout")).collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with("hoofddoel-1.ron:")
            && lines[0].contains("1.2.3.3")
            && lines[0].contains("dubbele id"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with("hoofddoel-4.ron:") && lines[1].contains("titel"),
        "{stderr}"
    );
    assert!(
        lines[2].starts_with("begrippen.ron") && lines[2].contains("3.9"),
        "{stderr}"
    );
    assert!(stderr.contains("3 fouten"), "{stderr}");
}

#[test]
fn content_links_to_unknown_elements_are_errors() {
    let d = copy_of(&fixture());
    std::fs::write(
        d.path().join("inhoud.ron"),
        "(\n    trends: [(id: \"t\", title: \"Trend\", kansen: [(text: \"k\", koersen: [\"1.1\", \"5.5\"], inspanning: \"1.1.9\")])],\n    indicatoren: [(id: \"i\", title: \"I\", trend: \"onbekend\")],\n    samenvatting: [(element: \"8.8\", title: \"S\")],\n)\n",
    )
    .unwrap();
    edit(
        d.path(),
        "kompas.ron",
        "\"begrippen.ron\"]",
        "\"begrippen.ron\", \"inhoud.ron\"]",
    );
    let errs = errors(d.path());
    let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(errs.len(), 4, "{messages:#?}");
    assert!(errs.iter().all(|e| e.file == "inhoud.ron"));
    assert!(messages.iter().any(|m| m.contains("'5.5'")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("voorbeeld") && m.contains("'1.1.9'"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("onbekende trend 'onbekend'"))
    );
    assert!(messages.iter().any(|m| m.contains("'8.8'")));
}

#[test]
fn a_compass_without_content_loads_and_content_is_optional_per_section() {
    let k = load_path(&fixture()).unwrap().kompas;
    assert!(k.content.is_empty());
    let d = copy_of(&fixture());
    std::fs::write(
        d.path().join("inhoud.ron"),
        "(principes: [(id: \"A\", title: \"Samen\")])\n",
    )
    .unwrap();
    edit(
        d.path(),
        "kompas.ron",
        "\"begrippen.ron\"]",
        "\"begrippen.ron\", \"inhoud.ron\"]",
    );
    let k = load_path(d.path()).unwrap().kompas;
    assert_eq!(k.content.principes.len(), 1);
    assert!(k.content.trends.is_empty());
}

/// `kompas check | grep -q 441` and `kompas search zorg | head -n 1`: a reader that stops
/// reading early must not make the tool panic ("failed printing to stdout") or fail.
#[test]
fn a_reader_that_stops_early_ends_the_tool_quietly() {
    use std::process::Stdio;
    for args in [&["check"][..], &["search", "zorg", "--limit", "500"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kompas"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the tool has written a byte (it is still loading).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    }
}
