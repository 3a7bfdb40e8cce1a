//! Mutation fuzzing of every surface that reads untrusted input: the compass loader, the
//! Freeplane and OPML importers, the notes store, and partner reaction files through the whole
//! import (parse, plan against an invitation, apply). Every mutated input must come back as a
//! compass or a message, never a panic, and quickly.
//!
//! The mutator is deterministic (a seed), works on bytes, and mixes bit flips, interesting
//! bytes, tokens of each format, deletions, duplications, splices between seed files and
//! truncation. A failing input is written to `target/fuzz-funde/` so it can be replayed.
//!
//! CI runs a short round (a few hundred inputs per surface). The full run, 100 000 inputs per
//! surface, takes about five minutes on two cores:
//!
//! ```sh
//! KOMPAS_FUZZ=100000 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! `KOMPAS_FUZZ_SEED` picks another sequence of inputs.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use kompas::mindmap::{self, Defaults, freeplane, opml};
use kompas::notes::{self, Edit, NotesFile};
use kompas::review::{self, ReactionDraft, ReviewKind, ShareNotes};
use kompas::source::{SOCIAAL_KOMPAS, Source};

/// SplitMix64: small, and the same seed gives the same inputs everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// Bytes that break parsers: delimiters, quotes, escapes, NUL, invalid UTF-8.
const BYTES: &[u8] = b"\0\xff\xfe\xc3<>&\"'()[]{},:;\\/\n\r\t#!?=-";

/// Pieces of the formats, so mutations reach past the first syntax error.
const TOKENS: &[&str] = &[
    "<node TEXT=\"",
    "</node>",
    "<node/>",
    "<map>",
    "</map>",
    "<richcontent TYPE=\"NOTE\">",
    "</richcontent>",
    "<html><body><p>",
    "</p></body></html>",
    "<![CDATA[",
    "]]>",
    "&#x0;",
    "&#1114112;",
    "&amp;",
    "&nbsp;",
    "&",
    "<outline text=\"",
    "</outline>",
    "_note=\"",
    "<attribute NAME=\"kompas-id\" VALUE=\"",
    "<arrowlink DESTINATION=\"",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    "(id: \"",
    "children: [",
    "title: \"",
    "text: \"",
    "Some(",
    "None",
    "include: [\"",
    "format: 9",
    "format: 1",
    "r#\"",
    "\"#",
    "\\u{0}",
    "notes: {",
    "\"1.1\": (",
    "status: \"",
    "reactions: [",
    "invitation: \"",
    "kind: Reactie",
    "items: [(id: \"",
    "partner: \"",
    "reaction: (note: \"",
    "🙂",
    "\u{202e}",
    "\u{feff}",
];

/// One mutated copy of `seed`, sometimes spliced with `other`.
fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(8) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << rng.below(8);
            }
            1 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] = BYTES[rng.below(BYTES.len())];
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.bytes());
            }
            3 => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(256)).min(b.len());
                let piece = b[at..end].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, piece);
            }
            5 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + rng.below(512)).min(other.len());
                b.splice(at..at, other[from..end].iter().copied());
            }
            6 => b.truncate(at),
            _ => {
                // A run of one byte: long lines, deep nesting.
                let c = BYTES[rng.below(BYTES.len())];
                b.splice(at..at, std::iter::repeat_n(c, rng.below(2000)));
            }
        }
    }
    b
}

/// How many inputs per surface: `KOMPAS_FUZZ`, else a short CI round.
fn runs() -> usize {
    std::env::var("KOMPAS_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 300 } else { 3000 })
}

fn seed() -> u64 {
    std::env::var("KOMPAS_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_261_201)
}

/// Runs `surface` on `runs()` mutations of the seeds; a panic or an input slower than the
/// budget fails the test, with the input saved for replay.
fn fuzz(name: &str, seeds: &[Vec<u8>], surface: impl Fn(&[u8])) {
    let mut rng = Rng(seed() ^ name.bytes().fold(0, |h, b| h * 31 + u64::from(b)));
    let budget = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 3 });
    let started = Instant::now();
    let n = runs();
    let mut slowest = Duration::ZERO;
    for i in 0..n {
        let s = &seeds[rng.below(seeds.len())];
        let o = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, s, o);
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| surface(&input)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        if result.is_err() || took > budget {
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../fuzz-funde");
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{name}-{i}.bin"));
            std::fs::write(&file, &input).unwrap();
            panic!(
                "{name}: input {i} {} ({took:?}); saved as {}",
                if result.is_err() {
                    "panicked"
                } else {
                    "took too long"
                },
                file.display()
            );
        }
    }
    eprintln!(
        "{name}: {n} inputs in {:.1} s, slowest {:.1} ms",
        started.elapsed().as_secs_f64(),
        slowest.as_secs_f64() * 1000.0
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_loader_survives_mutated_compass_files() {
    let seeds: Vec<Vec<u8>> = SOCIAAL_KOMPAS
        .iter()
        .map(|(_, t)| t.as_bytes().to_vec())
        .collect();
    fuzz("laden", &seeds, |input| {
        // The mutated text replaces one file of the compass (chosen by its first byte).
        let slot = input
            .first()
            .map_or(0, |&b| usize::from(b) % SOCIAAL_KOMPAS.len());
        let files = SOCIAAL_KOMPAS
            .iter()
            .enumerate()
            .map(|(i, (n, t))| {
                let t = if i == slot {
                    text(input)
                } else {
                    (*t).to_owned()
                };
                ((*n).to_owned(), t)
            })
            .collect();
        if let Err(e) = kompas::load(&Source::Memory(files)) {
            assert!(e.problems.iter().any(kompas::Problem::is_error));
        }
    });
}

fn map_seeds() -> Vec<Vec<u8>> {
    let k = kompas::load_embedded().unwrap().kompas;
    let small = kompas::generate::synthetic(&kompas::generate::Spec {
        sectors: 3,
        fanout: vec![2, 2],
        seed: 5,
    });
    vec![
        freeplane::write(&small).into_bytes(),
        opml::write(&small).into_bytes(),
        freeplane::write(&k).into_bytes()[..20_000].to_vec(),
        br#"<map><node TEXT="a" ID="ID_1"><richcontent TYPE="NOTE"><html><head><style>p{}</style></head><body><p>x<br/>y</p><pre>a
b</pre></body></html></richcontent><node TEXT="&lt;html&gt;&lt;b&gt;b&lt;/b&gt;" LINK="https://x"><attribute NAME="k" VALUE="v"/><arrowlink DESTINATION="ID_1"/></node></node></map>"#.to_vec(),
    ]
}

#[test]
fn the_freeplane_importer_survives_mutated_maps() {
    fuzz("freeplane", &map_seeds(), |input| {
        let t = text(input);
        if let Ok(o) = freeplane::read(&t, "x.mm") {
            let _ = mindmap::to_kompas(&o, "x.mm", &t, &Defaults::default());
        }
    });
}

#[test]
fn the_opml_importer_survives_mutated_outlines() {
    fuzz("opml", &map_seeds(), |input| {
        let t = text(input);
        if let Ok(o) = opml::read(&t, "x.opml") {
            let _ = mindmap::to_kompas(&o, "x.opml", &t, &Defaults::default());
        }
    });
}

/// Notes of the municipality with an invitation to Welzijn, and its answer.
fn review_fixture() -> (kompas::Kompas, NotesFile, review::ReviewFile) {
    let k = kompas::load_embedded().unwrap().kompas;
    let mut n = NotesFile::default();
    for id in ["1.1.1.1", "1.1.1.2"] {
        n.edit(id, "", "Gemeente", Edit::Partners(vec!["Welzijn".into()]));
        n.edit(id, "", "Gemeente", Edit::Note(format!("notitie {id}")));
        n.edit(
            id,
            "",
            "Gemeente",
            Edit::Status(Some("niet gestart".into())),
        );
    }
    let (inv, mut file) = review::invite(&n, &k, "Welzijn", "Gemeente", ShareNotes::No);
    n.invitations.push(inv);
    file.kind = ReviewKind::Reactie;
    file.items[0].reaction = ReactionDraft {
        note: "Wij doen mee".into(),
        status: Some("afgerond".into()),
        proposal: "meer".into(),
        ..ReactionDraft::default()
    };
    (k, n, file)
}

#[test]
fn the_notes_store_survives_mutated_notes_files() {
    let (_, n, _) = review_fixture();
    let seeds = vec![notes::to_text(&n).unwrap().into_bytes()];
    fuzz("notities", &seeds, |input| {
        if let Ok(f) = notes::parse(&text(input)) {
            // What parses is within the limits and can be written back.
            let again = notes::to_text(&f).unwrap();
            assert!(notes::parse(&again).is_ok());
        }
    });
}

#[test]
fn review_import_survives_mutated_reaction_files() {
    let (k, n, file) = review_fixture();
    let seeds = vec![kompas::format::to_ron(&file).unwrap().into_bytes()];
    fuzz("reacties", &seeds, |input| {
        let Ok(file) = review::parse(&text(input)) else {
            return;
        };
        let Ok(plan) = review::plan(&n, &file, &k) else {
            return;
        };
        let mut store = n.clone();
        let all: BTreeMap<usize, review::Choice> = (0..plan.changes.len())
            .map(|i| (i, review::Choice::Theirs))
            .collect();
        review::apply(&mut store, &plan, &all, "Gemeente", &|_| String::new());
        // Whatever the file said, only the invited elements can have changed.
        for (id, a) in &store.notes {
            if !["1.1.1.1", "1.1.1.2"].contains(&id.as_str()) {
                assert_eq!(Some(a), n.notes.get(id), "{id} changed");
            }
            assert!(
                a.status.as_ref().is_none_or(|s| store.statuses.contains(s)),
                "unknown status on {id}"
            );
        }
        assert!(notes::parse(&notes::to_text(&store).unwrap()).is_ok());
    });
}
