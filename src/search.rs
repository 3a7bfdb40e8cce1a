//! Full-text search over the compass, its begrippen and notes: case- and diacritics-blind,
//! matching word prefixes and tolerating a typo or two, ranked with title and whole-word hits
//! first. An inverted index over folded words keeps a query fast on 100 000 elements.

use foldhash::HashMap;
use std::ops::Range;

use crate::glossary::Glossary;
use crate::model::{Ix, Kompas, NodeId};
use crate::text::{fold, tokens};

/// Longest query looked at, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words of a query looked at.
pub const MAX_QUERY_WORDS: usize = 12;
/// Longest word of a query looked at (a longer one matches nothing a person typed).
const MAX_WORD_CHARS: usize = 64;

/// What a search result is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An element of the tree.
    Element(Ix),
    /// A glossary entry (index into [`Glossary::entries`]).
    Begrip(usize),
    /// The note on an element.
    Note(NodeId),
}

/// Which text of a document matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// An element's title or a begrip's term.
    Title,
    /// An element's longer text, a definition or a note.
    Body,
}

/// One searchable text of a document.
#[derive(Clone, Debug)]
struct Field {
    kind: FieldKind,
    text: String,
    /// Byte ranges of its words.
    /// Byte ranges as `u32` (a text is at most a few MB): half the memory of `usize` on
    /// a million words.
    words: Vec<Range<u32>>,
}

#[derive(Clone, Debug)]
struct Doc {
    target: Target,
    fields: Vec<Field>,
}

/// An occurrence of a vocabulary word: document, field, word position in that field.
#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    field: u16,
    word: u32,
}

/// How a query word met a document word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// Within the typo tolerance.
    Fuzzy,
    /// The query word starts the document word.
    Prefix,
    /// The same word.
    Exact,
}

impl MatchKind {
    fn weight(self) -> f32 {
        match self {
            Self::Exact => 3.0,
            Self::Prefix => 2.0,
            Self::Fuzzy => 1.0,
        }
    }
}

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// What matched.
    pub target: Target,
    /// Higher is better.
    pub score: f32,
    /// Matched words per field kind, as byte ranges into that field's text.
    pub title_matches: Vec<Range<usize>>,
    /// Matched words in the body text.
    pub body_matches: Vec<Range<usize>>,
    /// True when every query word matched in the title.
    pub in_title: bool,
    /// Its document in the index that found it, so its text is found without a search.
    doc: usize,
}

/// The search index of one compass.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    vocab: HashMap<String, u32>,
    /// Vocabulary sorted, for prefix ranges: (word, id).
    sorted: Vec<(String, u32)>,
    /// The same words as characters, for the typo scan without allocating per word.
    sorted_chars: Vec<Vec<char>>,
    postings: Vec<Vec<Posting>>,
}

impl SearchIndex {
    /// Indexes every element and begrip of `kompas`.
    pub fn new(kompas: &Kompas, glossary: &Glossary) -> Self {
        let mut index = Self::default();
        for ix in kompas.document_order() {
            let el = kompas.element(ix);
            let mut fields = vec![(FieldKind::Title, el.title.clone())];
            if let Some(t) = &el.text {
                fields.push((FieldKind::Body, t.clone()));
            }
            // A mind map's attributes and icons are found too ("eigenaar Anna", "idea").
            let carried = el.carried();
            for (name, value) in &carried.attributes {
                fields.push((FieldKind::Body, format!("{name}: {value}")));
            }
            if !carried.tags.is_empty() {
                fields.push((FieldKind::Body, carried.tags.join(", ")));
            }
            index.add(Target::Element(ix), fields);
        }
        for (i, e) in glossary.entries.iter().enumerate() {
            let mut fields = vec![(FieldKind::Title, e.term.clone())];
            fields.extend(
                e.definitions
                    .iter()
                    .map(|d| (FieldKind::Body, d.text.clone())),
            );
            index.add(Target::Begrip(i), fields);
        }
        index.finish();
        index
    }

    /// Adds the notes (element id, note text) and re-sorts; called when notes change.
    pub fn with_notes<'a>(mut self, notes: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        for (id, text) in notes {
            if !text.trim().is_empty() {
                self.add(
                    Target::Note(NodeId::from(id)),
                    vec![(FieldKind::Body, text.to_owned())],
                );
            }
        }
        self.finish();
        self
    }

    fn add(&mut self, target: Target, fields: Vec<(FieldKind, String)>) {
        let doc = self.docs.len() as u32;
        let mut stored = Vec::with_capacity(fields.len());
        for (f, (kind, text)) in fields.into_iter().enumerate() {
            let toks = tokens(&text);
            for (w, t) in toks.iter().enumerate() {
                // Most words are known already: look up before allocating a key.
                let id = if let Some(&id) = self.vocab.get(t.folded.as_str()) {
                    id
                } else {
                    let next = self.postings.len() as u32;
                    self.vocab.insert(t.folded.clone(), next);
                    self.postings.push(Vec::new());
                    next
                };
                if let Some(list) = self.postings.get_mut(id as usize) {
                    list.push(Posting {
                        doc,
                        field: f as u16,
                        word: w as u32,
                    });
                }
            }
            stored.push(Field {
                kind,
                words: toks
                    .into_iter()
                    .map(|t| {
                        let to32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                        to32(t.range.start)..to32(t.range.end)
                    })
                    .collect(),
                text,
            });
        }
        self.docs.push(Doc {
            target,
            fields: stored,
        });
    }

    fn finish(&mut self) {
        // Lists grow by doubling; what is left over would stay for the life of the compass.
        for list in &mut self.postings {
            list.shrink_to_fit();
        }
        self.sorted = self.vocab.iter().map(|(w, &id)| (w.clone(), id)).collect();
        self.sorted.sort_unstable();
        self.sorted_chars = self
            .sorted
            .iter()
            .map(|(w, _)| w.chars().collect())
            .collect();
    }

    /// Number of documents (elements, begrippen, notes).
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The text of a field of a hit's document (title or first body), for display.
    pub fn text(&self, hit: &Hit, kind: FieldKind) -> Option<&str> {
        // The hit knows its document; a hit from another index finds nothing.
        let doc = self.docs.get(hit.doc).filter(|d| d.target == hit.target)?;
        doc.fields
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.text.as_str())
    }

    /// Vocabulary words a query word matches, with how.
    fn candidates(&self, q: &str) -> Vec<(u32, MatchKind)> {
        let mut out = Vec::new();
        if let Some(&id) = self.vocab.get(q) {
            out.push((id, MatchKind::Exact));
        }
        let qlen = q.chars().count();
        if qlen >= 2 {
            let start = self.sorted.partition_point(|(w, _)| w.as_str() < q);
            for (w, id) in self.sorted.iter().skip(start) {
                if !w.starts_with(q) {
                    break;
                }
                if w != q {
                    out.push((*id, MatchKind::Prefix));
                }
            }
        }
        // A typo or two: one in words up to 7 letters, two in longer ones; also against the
        // start of longer words, so a misspelt word still finds while it is being typed.
        if qlen >= 4 {
            let max = if qlen <= 7 { 1 } else { 2 };
            let qc: Vec<char> = q.chars().collect();
            let mut rows = DistanceRows::default();
            for ((w, id), wc) in self.sorted.iter().zip(&self.sorted_chars) {
                let wlen = wc.len();
                if wlen + max < qlen || w.starts_with(q) {
                    continue;
                }
                let whole = wlen <= qlen + max && rows.within(&qc, wc, max);
                let head = !whole
                    && wlen > qlen
                    && rows.within(&qc, wc.get(..qlen).unwrap_or(wc), max.min(1));
                if (whole || head) && !out.iter().any(|(o, _)| o == id) {
                    out.push((*id, MatchKind::Fuzzy));
                }
            }
        }
        out
    }

    /// The best `limit` results for `query`, best first. Every query word must match.
    #[expect(
        clippy::too_many_lines,
        reason = "the ranking of one query in one place: field weights, typos and grouping read together"
    )]
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        // A query is a few words; a pasted page must not make every keystroke slow.
        let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => &query[..end],
            None => query,
        };
        let words: Vec<String> = tokens(query)
            .into_iter()
            .map(|t| t.folded)
            .filter(|w| w.chars().count() <= MAX_WORD_CHARS)
            .take(MAX_QUERY_WORDS)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        // Per document: per query word the best (score, field kind) and the matched ranges.
        struct Acc {
            best: Vec<f32>,
            title_all: Vec<bool>,
            title: Vec<Range<usize>>,
            body: Vec<Range<usize>>,
        }
        let n = words.len();
        let mut acc: HashMap<u32, Acc> = HashMap::default();
        for (qi, q) in words.iter().enumerate() {
            for (word_id, kind) in self.candidates(q) {
                let Some(list) = self.postings.get(word_id as usize) else {
                    continue;
                };
                for p in list {
                    // Only documents that matched every earlier query word stay in the running.
                    if qi > 0 && !acc.contains_key(&p.doc) {
                        continue;
                    }
                    let Some(doc) = self.docs.get(p.doc as usize) else {
                        continue;
                    };
                    let Some(field) = doc.fields.get(p.field as usize) else {
                        continue;
                    };
                    let field_weight = if field.kind == FieldKind::Title {
                        3.0
                    } else {
                        1.0
                    };
                    let score = field_weight * kind.weight();
                    let entry = acc.entry(p.doc).or_insert_with(|| Acc {
                        best: vec![0.0; n],
                        title_all: vec![false; n],
                        title: Vec::new(),
                        body: Vec::new(),
                    });
                    if let Some(b) = entry.best.get_mut(qi)
                        && score > *b
                    {
                        *b = score;
                    }
                    if field.kind == FieldKind::Title
                        && let Some(t) = entry.title_all.get_mut(qi)
                    {
                        *t = true;
                    }
                    if let Some(range) = field
                        .words
                        .get(p.word as usize)
                        .map(|r| r.start as usize..r.end as usize)
                    {
                        let target = if field.kind == FieldKind::Title {
                            &mut entry.title
                        } else {
                            &mut entry.body
                        };
                        // Body matches only in the first body field are shown.
                        if (field.kind == FieldKind::Title
                            || doc.fields.iter().position(|f| f.kind == FieldKind::Body)
                                == Some(p.field as usize))
                            && !target.contains(&range)
                        {
                            target.push(range);
                        }
                    }
                }
            }
            // Drop documents that missed this word.
            acc.retain(|_, a| a.best.get(qi).is_some_and(|&b| b > 0.0));
        }
        let mut hits: Vec<(u32, Hit)> = acc
            .into_iter()
            .filter_map(|(d, mut a)| {
                let doc = self.docs.get(d as usize)?;
                let in_title = a.title_all.iter().all(|&t| t);
                let mut score: f32 = a.best.iter().sum();
                if in_title {
                    score += 2.0;
                    // A title that is nothing but the query ("Mantelzorg") is the thing itself;
                    // among the rest, shorter titles say more about the query.
                    let title_words = doc
                        .fields
                        .iter()
                        .find(|f| f.kind == FieldKind::Title)
                        .map_or(1, |f| f.words.len().max(1));
                    if a.title.len() >= title_words {
                        score += 3.0;
                    }
                    score += 1.0 / title_words as f32;
                }
                a.title.sort_by_key(|r| r.start);
                a.body.sort_by_key(|r| r.start);
                Some((
                    d,
                    Hit {
                        target: doc.target.clone(),
                        score,
                        title_matches: a.title,
                        body_matches: a.body,
                        in_title,
                        doc: d as usize,
                    },
                ))
            })
            .collect();
        // Best score first; document order among equals, so results are stable.
        hits.sort_by(|(da, a), (db, b)| b.score.total_cmp(&a.score).then(da.cmp(db)));
        hits.truncate(limit);
        hits.into_iter().map(|(_, h)| h).collect()
    }
}

/// Reusable rows for a bounded optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions), so the typo scan over the vocabulary allocates nothing per word.
#[derive(Default)]
struct DistanceRows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl DistanceRows {
    /// True when `a` and `b` are at most `max` edits apart; stops as soon as they cannot be.
    fn within(&mut self, a: &[char], b: &[char], max: usize) -> bool {
        if a.len().abs_diff(b.len()) > max {
            return false;
        }
        let n = b.len();
        self.prev2.clear();
        self.prev2.resize(n + 1, 0);
        self.prev.clear();
        self.prev.extend(0..=n);
        self.cur.clear();
        self.cur.resize(n + 1, 0);
        for i in 1..=a.len() {
            self.cur[0] = i;
            let mut row_min = i;
            for j in 1..=n {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (self.prev[j] + 1)
                    .min(self.cur[j - 1] + 1)
                    .min(self.prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(self.prev2[j - 2] + 1);
                }
                self.cur[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > max {
                return false;
            }
            std::mem::swap(&mut self.prev2, &mut self.prev);
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        self.prev[n] <= max
    }
}

/// Folds a query the way the index folds text (for highlighting elsewhere).
pub fn fold_query(query: &str) -> String {
    fold(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (Kompas, SearchIndex) {
        let k = crate::load::load_embedded().unwrap().kompas;
        let g = Glossary::new(&k);
        let i = SearchIndex::new(&k, &g);
        (k, i)
    }

    /// A result's excerpt comes from its own document, found without a scan; a hit kept from
    /// another index (another compass) finds no text rather than a wrong one.
    #[test]
    fn a_hit_knows_the_text_it_came_from() {
        let (k, i) = index();
        let hits = i.search("mantelzorgers", 50);
        let with_body = hits
            .iter()
            .find(|h| !h.body_matches.is_empty())
            .expect("a hit in a body");
        let body = i.text(with_body, FieldKind::Body).unwrap();
        let Target::Element(ix) = with_body.target else {
            panic!("{:?}", with_body.target)
        };
        assert_eq!(Some(body), k.element(ix).text.as_deref());
        let r = with_body.body_matches[0].clone();
        assert!(fold(&body[r]).starts_with("mantelzorg"));
        let other = SearchIndex::new(&k, &Glossary::default());
        let mut stale = with_body.clone();
        stale.doc = 0;
        assert_eq!(other.text(&stale, FieldKind::Body), None);
    }

    fn ids(k: &Kompas, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .filter_map(|h| match &h.target {
                Target::Element(ix) => Some(k.element(*ix).id.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn diacritics_and_case_do_not_matter() {
        let (k, i) = index();
        let a = i.search("clientondersteuning", 100);
        let b = i.search("Cliëntondersteuning", 100);
        assert!(!a.is_empty());
        assert_eq!(ids(&k, &a), ids(&k, &b));
        // Koers 2.1's intro and hoofdinspanning 2.1.6 mention it.
        assert!(
            ids(&k, &a).contains(&"2.1.6".to_owned()),
            "{:?}",
            ids(&k, &a)
        );
    }

    #[test]
    fn typos_are_tolerated() {
        let (k, i) = index();
        let exact = ids(&k, &i.search("eenzaamheid", 100));
        assert!(exact.len() >= 4, "{exact:?}");
        let typo = ids(&k, &i.search("eenzamheid", 100));
        let swapped = ids(&k, &i.search("eenzaamhied", 100));
        for id in &exact {
            assert!(typo.contains(id), "typo lost {id}");
            assert!(swapped.contains(id), "transposition lost {id}");
        }
        assert!(i.search("xqzwv", 10).is_empty());
    }

    #[test]
    fn word_prefixes_match() {
        let (k, i) = index();
        let hits = ids(&k, &i.search("mantelz", 200));
        assert!(
            hits.contains(&"2.1.2".to_owned()),
            "mantelzorgers in hoofdinspanning 2.1.2"
        );
        assert!(
            hits.contains(&"2.5.3.4".to_owned()),
            "mantelzorgers in inspanning 2.5.3.4"
        );
    }

    #[test]
    fn title_and_whole_word_hits_rank_first() {
        let (k, i) = index();
        let hits = i.search("mantelzorg", 200);
        // The begrip "Mantelzorg" itself (term = whole title) comes first.
        assert!(matches!(hits[0].target, Target::Begrip(_)), "{:?}", hits[0]);
        // An exact whole word in a title outranks a prefix hit in a title.
        let first_prefix_only = hits.iter().position(|h| h.score < 9.0 + 2.0).unwrap();
        assert!(first_prefix_only > 0);
        assert!(hits[..first_prefix_only].iter().all(|h| h.in_title));
        let koers_hit = hits
            .iter()
            .position(|h| h.target == Target::Element(k.get("2.1").unwrap()));
        let title_hit = hits
            .iter()
            .position(|h| h.target == Target::Element(k.get("2.1.2").unwrap()));
        assert!(
            title_hit < koers_hit,
            "title hit before a hit in an intro text"
        );
    }

    #[test]
    fn all_words_must_match_and_are_highlighted() {
        let (k, i) = index();
        let hits = i.search("jeugd veilige", 50);
        assert!(!hits.is_empty());
        assert_eq!(
            ids(&k, &hits)[0],
            "1.1",
            "koers 1.1 has both words in its title"
        );
        let title = &k.element(k.get("1.1").unwrap()).title;
        let marked: Vec<&str> = hits[0]
            .title_matches
            .iter()
            .map(|r| &title[r.clone()])
            .collect();
        assert_eq!(marked, ["jeugd", "veilige"]);
        for h in &hits {
            let Target::Element(ix) = h.target else {
                continue;
            };
            let el = k.element(ix);
            let all = format!(
                "{} {}",
                fold(&el.title),
                fold(el.text.as_deref().unwrap_or(""))
            );
            assert!(all.contains("jeugd") || all.contains("jeug"), "{}", el.id);
        }
    }

    #[test]
    fn bounded_distance_agrees_with_strsim() {
        let words = [
            "mantelzorg",
            "mantelzrog",
            "mantlezorg",
            "eenzaamheid",
            "eenzamheid",
            "abc",
            "",
            "zorg",
            "zrog",
            "jongeren",
        ];
        let mut rows = DistanceRows::default();
        for a in words {
            for b in words {
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for max in 0..3 {
                    assert_eq!(
                        rows.within(&ac, &bc, max),
                        strsim::osa_distance(a, b) <= max,
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    /// Finding 16: a 100 KB query took 3 s.
    #[test]
    fn a_pasted_page_as_query_is_quick() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let g = Glossary::new(&k);
        let index = SearchIndex::new(&k, &g);
        let page = "mantelzorgers ".repeat(8000);
        let started = std::time::Instant::now();
        let _ = index.search(&page, 50);
        let _ = index.search(&"x".repeat(100_000), 50);
        assert!(
            started.elapsed().as_millis() < 500,
            "{:?}",
            started.elapsed()
        );
        assert!(
            !index.search(&page, 50).is_empty(),
            "the first words still count"
        );
    }

    #[test]
    fn notes_are_searchable() {
        let (_, i) = index();
        let id = NodeId::from("1.1.1.1");
        let i = i.with_notes([(id.as_str(), "Overleg met de GGD over de planning")]);
        let hits = i.search("planning ggd", 10);
        assert_eq!(hits.first().map(|h| &h.target), Some(&Target::Note(id)));
    }
}
