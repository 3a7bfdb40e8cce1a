//! The begrippenlijst as a lookup: entries merged by term (a term listed twice appears once,
//! with every definition and every koers it is listed under), and the places in a text where
//! a begrip occurs, respecting word boundaries and common Dutch inflections.

use foldhash::{HashMap, HashMapExt as _};
use std::ops::Range;

use crate::model::{Ix, Kompas};
use crate::text::{Token, fold, tokens};

/// One definition of a term, with the elements it is listed under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The definition, verbatim.
    pub text: String,
    /// Elements (koersen) under which the begrippenlijst lists it.
    pub elements: Vec<Ix>,
}

/// A term of the begrippenlijst with all its definitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The term as first written.
    pub term: String,
    /// Its definitions; usually one, two for Respijtzorg and LHBT.
    pub definitions: Vec<Definition>,
}

impl Entry {
    /// Every element the term is listed under, in order, without repeats.
    pub fn elements(&self) -> Vec<Ix> {
        let mut out: Vec<Ix> = Vec::new();
        for d in &self.definitions {
            for &e in &d.elements {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }
}

/// Where a begrip occurs in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermHit {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index into [`Glossary::entries`].
    pub entry: usize,
}

/// A way of writing a term, as folded words.
#[derive(Clone, Debug)]
struct Variant {
    entry: usize,
    words: Vec<String>,
}

/// Endings a word may take and still be the begrip: plural and inflection
/// (mantelzorger → mantelzorgers, opvoedkundig → opvoedkundige).
const ENDINGS: &[&str] = &["", "s", "en", "n", "e", "er", "ers", "es"];

/// Words shorter than this are matched exactly only (no endings), so "VOG" does not match "voge".
const MIN_STEM: usize = 4;

/// Length of the key under which variants are found from a text's word.
const KEY_LEN: usize = 4;

/// The begrippenlijst of one compass, ready to look terms up.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    /// Entries in the order the begrippenlijst first lists them.
    pub entries: Vec<Entry>,
    variants: HashMap<String, Vec<Variant>>,
}

fn key(word: &str) -> String {
    word.chars().take(KEY_LEN).collect()
}

/// The stems of a term word: itself, and without a plural ending when long enough
/// (statushouders → statushouder), so both numbers match.
fn stems(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    for end in ["s", "en", "n"] {
        if let Some(stem) = word.strip_suffix(end)
            && stem.chars().count() >= MIN_STEM
        {
            out.push(stem.to_owned());
        }
    }
    out
}

fn word_matches(text_word: &str, term_word: &str) -> bool {
    if term_word.chars().count() < MIN_STEM {
        return text_word == term_word;
    }
    stems(term_word).iter().any(|stem| {
        text_word
            .strip_prefix(stem.as_str())
            .is_some_and(|rest| ENDINGS.contains(&rest))
    })
}

/// Ways a begrippenlijst term is written in running text: without its parenthetical part
/// ("Werkgeversservicepunt"), with it unbracketed ("Gemeentelijke toegang"), and the part in
/// brackets when it is a name or abbreviation ("WSP", "Bbz").
fn variants_of(term: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut without = String::new();
    let mut inside = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in term.chars() {
        match c {
            '(' => {
                depth += 1;
                current.clear();
            }
            ')' if depth > 0 => {
                depth -= 1;
                inside.push(current.trim().to_owned());
            }
            _ if depth > 0 => current.push(c),
            _ => without.push(c),
        }
    }
    let without = without.split_whitespace().collect::<Vec<_>>().join(" ");
    let unbracketed = term.replace(['(', ')'], "");
    // A lone word left after dropping an optional part ("toegang" of "(Gemeentelijke)
    // toegang") is too general to stand for the begrip.
    let dropped_prefix = term.trim_start().starts_with('(');
    if !(dropped_prefix && without.split_whitespace().count() < 2) {
        out.push(without);
    }
    out.push(unbracketed);
    for part in inside {
        if part.chars().next().is_some_and(char::is_uppercase) {
            out.push(part);
        }
    }
    out.retain(|v| !tokens(v).is_empty());
    out.dedup();
    out
}

impl Glossary {
    /// The glossary of `kompas`.
    pub fn new(kompas: &Kompas) -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_term: HashMap<String, usize> = HashMap::new();
        for b in &kompas.begrippen {
            let Some(under) = kompas.listed_under(b) else {
                continue;
            };
            let slot = *by_term.entry(fold(b.term.trim())).or_insert_with(|| {
                entries.push(Entry {
                    term: b.term.trim().to_owned(),
                    definitions: Vec::new(),
                });
                entries.len() - 1
            });
            let Some(entry) = entries.get_mut(slot) else {
                continue;
            };
            match entry
                .definitions
                .iter_mut()
                .find(|d| d.text == b.definition)
            {
                Some(d) => d.elements.push(under),
                None => entry.definitions.push(Definition {
                    text: b.definition.clone(),
                    elements: vec![under],
                }),
            }
        }
        Self::indexed(entries)
    }

    /// A glossary of loose terms and definitions (a partner's invitation carries the ones
    /// its texts use), listed under no element.
    pub fn from_terms<'a>(terms: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        for (term, definition) in terms {
            let definition = Definition {
                text: definition.to_owned(),
                elements: Vec::new(),
            };
            match entries.iter_mut().find(|e| fold(&e.term) == fold(term)) {
                Some(e) => e.definitions.push(definition),
                None => entries.push(Entry {
                    term: term.trim().to_owned(),
                    definitions: vec![definition],
                }),
            }
        }
        Self::indexed(entries)
    }

    /// The entries with every way of writing each term indexed for [`Self::find`].
    fn indexed(entries: Vec<Entry>) -> Self {
        let mut variants: HashMap<String, Vec<Variant>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for v in variants_of(&e.term) {
                let words: Vec<String> = tokens(&v).into_iter().map(|t| t.folded).collect();
                let Some(first) = words.first() else { continue };
                let list = variants.entry(key(first)).or_default();
                if !list.iter().any(|o| o.entry == i && o.words == words) {
                    list.push(Variant { entry: i, words });
                }
            }
        }
        // Longer variants first, so "Nieuw beschut werk" wins over a shorter one.
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each list is sorted on its own; their order does not matter"
        )]
        for list in variants.values_mut() {
            list.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
        }
        Self { entries, variants }
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the compass has no begrippen.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry indices in alphabetical order of their term (ignoring case and accents).
    pub fn alphabetical(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_cached_key(|&i| {
            self.entries
                .get(i)
                .map(|e| fold(&e.term))
                .unwrap_or_default()
        });
        order
    }

    /// Entries listed under element `ix`, in begrippenlijst order.
    pub fn for_element(&self, ix: Ix) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| {
                self.entries
                    .get(i)
                    .is_some_and(|e| e.elements().contains(&ix))
            })
            .collect()
    }

    /// Every place in `text` where a begrip occurs, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        // A compass without begrippen (most mind maps) has nothing to find: no tokenising.
        if self.variants.is_empty() {
            return Vec::new();
        }
        let toks: Vec<Token> = tokens(text);
        let mut hits = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let found = toks
                .get(i)
                .and_then(|t| self.variants.get(&key(&t.folded)))
                .and_then(|list| {
                    list.iter().find(|v| {
                        v.words.iter().enumerate().all(|(k, w)| {
                            toks.get(i + k).is_some_and(|t| word_matches(&t.folded, w))
                        })
                    })
                });
            match found {
                Some(v) => {
                    let n = v.words.len();
                    let start = toks.get(i).map_or(0, |t| t.range.start);
                    let end = toks.get(i + n - 1).map_or(start, |t| t.range.end);
                    hits.push(TermHit {
                        range: start..end,
                        entry: v.entry,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> (Kompas, Glossary) {
        let k = crate::load::load_embedded().unwrap().kompas;
        let g = Glossary::new(&k);
        (k, g)
    }

    fn entry<'a>(g: &'a Glossary, term: &str) -> (usize, &'a Entry) {
        g.entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.term == term)
            .unwrap()
    }

    fn found(g: &Glossary, text: &str) -> Vec<(String, String)> {
        g.find(text)
            .into_iter()
            .map(|h| (text[h.range].to_owned(), g.entries[h.entry].term.clone()))
            .collect()
    }

    #[test]
    fn all_82_begrippen_are_in_the_glossary_merged_by_term() {
        let (k, g) = glossary();
        assert_eq!(k.begrippen.len(), 82);
        // LHBT and Respijtzorg are listed twice: 80 distinct terms.
        assert_eq!(g.len(), 80);
        let total: usize = g
            .entries
            .iter()
            .flat_map(|e| &e.definitions)
            .map(|d| d.elements.len())
            .sum();
        assert_eq!(total, 82, "every listing is kept");
        let (_, respijt) = entry(&g, "Respijtzorg");
        assert_eq!(respijt.definitions.len(), 2);
        let koersen: Vec<_> = respijt
            .elements()
            .iter()
            .map(|&e| k.element(e).id.to_string())
            .collect();
        assert_eq!(koersen, ["2.5", "4.3"]);
        let (_, lhbt) = entry(&g, "LHBT");
        let koersen: Vec<_> = lhbt
            .elements()
            .iter()
            .map(|&e| k.element(e).id.to_string())
            .collect();
        assert_eq!(koersen, ["1.1", "3.2"]);
        let alpha = g.alphabetical();
        assert_eq!(g.entries[alpha[0]].term, "(Gemeentelijke) toegang");
        assert_eq!(g.entries[alpha[1]].term, "21st century skills");
    }

    #[test]
    fn terms_are_marked_in_a_known_inspanning() {
        let (k, g) = glossary();
        // Inspanning 2.1.2.3: "Zorg voor voldoende professionele en vrijwillige respijtzorg, ..."
        let text = &k.element(k.get("2.1.2.3").unwrap()).title;
        let hits = found(&g, text);
        assert!(
            hits.contains(&("respijtzorg".into(), "Respijtzorg".into())),
            "{hits:?}"
        );
        // Inflections and plurals: mantelzorger(s) is the begrip Mantelzorg.
        assert!(
            hits.contains(&("mantelzorger".into(), "Mantelzorg".into())),
            "{hits:?}"
        );
    }

    #[test]
    fn word_boundaries_and_variants() {
        let (_, g) = glossary();
        assert_eq!(
            found(&g, "de mantelzorgers en hun mantelzorgcafé"),
            [("mantelzorgers".into(), "Mantelzorg".into())]
        );
        assert_eq!(
            found(&g, "LHBT'ers en statushouder"),
            [
                ("LHBT".into(), "LHBT".into()),
                ("statushouder".into(), "Statushouders".into())
            ]
        );
        assert_eq!(
            found(&g, "het WSP en het Werkgeversservicepunt"),
            [
                ("WSP".into(), "Werkgeversservicepunt (WSP)".into()),
                (
                    "Werkgeversservicepunt".into(),
                    "Werkgeversservicepunt (WSP)".into()
                )
            ]
        );
        assert_eq!(
            found(&g, "een VOG aanvragen, voges"),
            [("VOG".into(), "VOG".into())]
        );
        assert!(
            found(&g, "toegang tot de zorg").is_empty(),
            "the optional part of (Gemeentelijke) toegang is not a term of its own"
        );
        assert_eq!(
            found(&g, "de gemeentelijke toegang"),
            [(
                "gemeentelijke toegang".into(),
                "(Gemeentelijke) toegang".into()
            )]
        );
    }
}
