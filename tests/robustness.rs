//! No input can make the loader panic: mutated and truncated copies of the real files.

use kompas::source::{SOCIAAL_KOMPAS, Source};
use proptest::prelude::*;

/// The embedded compass with one file replaced.
fn with_file(index: usize, text: String) -> Source {
    let mut files: Vec<(String, String)> = SOCIAAL_KOMPAS
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    let slot = index % files.len();
    files[slot].1 = text;
    Source::Memory(files)
}

fn file_text(index: usize) -> &'static str {
    SOCIAAL_KOMPAS[index % SOCIAAL_KOMPAS.len()].1
}

/// Cuts `text` at a char boundary near `at` (a fraction of its length).
fn cut(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const PIECES: &[&str] = &[
    "(", ")", "[", "]", ",", "\"", ":", "id", "children", "\\", "/*", "Some(", "é", "\u{f0b7}",
    "\0",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn truncated_files_never_panic(file in 0usize..6, at in 0.0f64..1.0) {
        let text = file_text(file);
        let source = with_file(file, text[..cut(text, at)].to_owned());
        if let Err(e) = kompas::load(&source) {
            prop_assert!(!e.problems.is_empty());
        }
    }

    #[test]
    fn mutated_files_never_panic(
        file in 0usize..6,
        edits in prop::collection::vec((0.0f64..1.0, 0usize..40, 0usize..PIECES.len()), 1..6),
    ) {
        let mut text = file_text(file).to_owned();
        for (at, remove, piece) in edits {
            let start = cut(&text, at);
            let mut end = (start + remove).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, PIECES[piece]);
        }
        let source = with_file(file, text);
        match kompas::load(&source) {
            Ok(loaded) => prop_assert!(!loaded.kompas.is_empty()),
            Err(e) => {
                prop_assert!(e.problems.iter().any(kompas::Problem::is_error));
                for p in &e.problems {
                    prop_assert!(!p.to_string().is_empty());
                }
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let mut text = String::from("(sectors: [");
    for i in 0..10_000 {
        text.push_str(&format!("(id: \"x{i}\", title: \"t\", children: ["));
    }
    let source = with_file(1, text);
    let err = kompas::load(&source).unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("te diep genest")),
        "{:?}",
        err.problems
    );
}

#[test]
fn binary_garbage_is_refused() {
    let source = with_file(
        0,
        String::from_utf8_lossy(&[0xff, 0xfe, 0, 1, 2, 3]).into_owned(),
    );
    assert!(kompas::load(&source).is_err());
}

/// Finding 16: the nesting message said "meer dan 256 lagen" while it triggers at 63 levels
/// of elements; it now says what a steward sees.
#[test]
fn the_nesting_limit_is_named_in_elements() {
    let nested = |n: usize| {
        let mut s = String::from(
            "(format: 1, title: \"t\", levels: [(name: \"L\")], root: (id: \"0\", title: \"r\", children: [",
        );
        for i in 0..n {
            s.push_str(&format!("(id: \"x{i}\", title: \"t\", children: ["));
        }
        s.push(']');
        s.push_str(&")]".repeat(n));
        s.push_str("))");
        Source::Memory(vec![("kompas.ron".into(), s)])
    };
    let err = kompas::load(&nested(63)).unwrap_err();
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.contains("ongeveer 60 niveaus")),
        "{:?}",
        err.problems
    );
    // 50 levels are too deep for the level names but not for the reader.
    let err = kompas::load(&nested(50)).unwrap_err();
    assert!(!err.problems.iter().any(|p| p.message.contains("genest")));
}

/// Findings 9, 12 and 16: a FIFO as a compass file hung the loader; an include that is a link
/// read (and quoted) a file outside the compass folder; a byte-order mark was refused.
#[cfg(unix)]
#[test]
fn files_that_are_not_what_they_seem() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("kompas");
    std::fs::create_dir(&folder).unwrap();
    let main = "(format: 1, title: \"t\", levels: [(name: \"E\"), (name: \"S\")], root: (id: \"0\", title: \"r\"), include: [\"deel.ron\"])";
    std::fs::write(folder.join("kompas.ron"), format!("\u{feff}{main}")).unwrap();
    // A link to a secret outside the folder.
    let secret = dir.path().join("geheim.ron");
    std::fs::write(
        &secret,
        "(sectors: [(id: \"1\", title: \"GEHEIME REGEL\")])",
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, folder.join("deel.ron")).unwrap();
    let err = kompas::load_path(&folder).unwrap_err();
    let text = format!("{:?}", err.problems);
    assert!(text.contains("buiten de kompasmap"), "{text}");
    assert!(
        !text.contains("GEHEIME"),
        "the target is never quoted: {text}"
    );
    assert!(
        !text.contains("UTF-8") && !text.contains("BOM"),
        "the BOM is fine: {text}"
    );
    // A FIFO as the include and as kompas.ron: refused at once.
    std::fs::remove_file(folder.join("deel.ron")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(folder.join("deel.ron"))
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo");
    let started = std::time::Instant::now();
    let err = kompas::load_path(&folder).unwrap_err();
    assert!(format!("{:?}", err.problems).contains("FIFO"));
    let fifo = dir.path().join("pijp.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    assert!(kompas::load_path(&fifo).is_err());
    let map = dir.path().join("kaart.mm");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&map)
            .status()
            .unwrap()
            .success()
    );
    let err = kompas::mindmap::open(&map).unwrap_err();
    assert!(format!("{:?}", err.problems).contains("FIFO"));
    assert!(
        started.elapsed().as_secs() < 5,
        "nothing waited for a writer"
    );
}
