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
