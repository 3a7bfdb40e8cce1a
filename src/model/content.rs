//! The rest of a compass beside its tree: readable pages and typed sections (leidende
//! principes, trends with their kansen, knooppunten, policy documents, the summary per element
//! and indicatoren with their values). All optional: a compass without them loads fine.

use super::{Ix, Kompas, LinkKind, NodeKind};

pub use crate::format::BlockDef as Block;

/// Everything beside the tree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Content {
    /// Readable pages, in document order.
    pub pages: Vec<Page>,
    /// Leidende principes.
    pub principes: Vec<Principe>,
    /// Trends.
    pub trends: Vec<Trend>,
    /// Knooppunten.
    pub knooppunten: Vec<Knooppunt>,
    /// Policy documents.
    pub beleid: Vec<Beleid>,
    /// Summary per element.
    pub samenvatting: Vec<Samenvatting>,
    /// Indicatoren.
    pub indicatoren: Vec<Indicator>,
}

/// A page of running text.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Stable id.
    pub id: String,
    /// Title, as the document writes it.
    pub title: String,
    /// A short title for lists and the trail, when the heading is not one.
    pub nav: Option<String>,
    /// Group it is listed under.
    pub group: String,
    /// Contents.
    pub blocks: Vec<Block>,
}

/// A leidend principe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principe {
    /// Letter or number.
    pub id: String,
    /// Title.
    pub title: String,
    /// Explanation.
    pub text: String,
}

/// A trend, a node of its own in the graph, linked to the koersen its kansen come back in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    /// Stable id.
    pub id: String,
    /// Number in the top 5.
    pub number: String,
    /// Title.
    pub title: String,
    /// Short description.
    pub summary: String,
    /// Full description.
    pub text: String,
    /// The sentence introducing the kansen.
    pub kansen_intro: String,
    /// The kansen table.
    pub kansen: Vec<Kans>,
    /// Its node in the graph.
    pub node: Ix,
}

/// A row of a kansen table: a node of the graph, linked to the elements it comes back in
/// ([`LinkKind::KomtTerugIn`]) and to its example ([`LinkKind::Voorbeeld`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kans {
    /// The kans or uitdaging.
    pub text: String,
    /// The example as worded in the table.
    pub voorbeeld: String,
    /// Its node in the graph.
    pub node: Ix,
}

/// A knooppunt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Knooppunt {
    /// Number.
    pub id: String,
    /// Title.
    pub title: String,
    /// Explanation.
    pub text: String,
}

/// A policy document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Beleid {
    /// Title.
    pub title: String,
    /// Registration number.
    pub number: Option<String>,
}

/// The summary of one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Samenvatting {
    /// The element.
    pub element: Ix,
    /// Its title as the summary words it.
    pub title: String,
    /// The text.
    pub text: String,
}

/// A figure with its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// Index of its trend in [`Content::trends`].
    pub trend: Option<usize>,
    /// Source.
    pub source: String,
    /// The sentence that gives the values.
    pub text: String,
    /// Values.
    pub values: Vec<Value>,
}

/// One value.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// What it is the value of.
    pub label: String,
    /// The number.
    pub value: f64,
    /// As the document writes it.
    pub shown: String,
}

impl Page {
    /// The title to list the page by: its short title, else its heading.
    pub fn nav_title(&self) -> &str {
        self.nav.as_deref().unwrap_or(&self.title)
    }
}

impl Content {
    /// True when there is nothing beside the tree.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
            && self.principes.is_empty()
            && self.trends.is_empty()
            && self.knooppunten.is_empty()
            && self.beleid.is_empty()
            && self.samenvatting.is_empty()
            && self.indicatoren.is_empty()
    }

    /// The page with `id`.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// Indicatoren of trend `i`.
    pub fn indicatoren_of(&self, trend: usize) -> Vec<&Indicator> {
        self.indicatoren
            .iter()
            .filter(|ind| ind.trend == Some(trend))
            .collect()
    }
}

/// The links between the content and the tree, read from the graph.
impl Kompas {
    /// The elements a kans comes back in, in the order the table gives them.
    pub fn kans_koersen(&self, kans: &Kans) -> Vec<Ix> {
        self.linked_from(kans.node, LinkKind::KomtTerugIn)
    }

    /// The element a kans gives as its example.
    pub fn kans_voorbeeld(&self, kans: &Kans) -> Option<Ix> {
        self.linked_from(kans.node, LinkKind::Voorbeeld)
            .first()
            .copied()
    }

    /// Every element any kans of `trend` comes back in, in order, without repeats: two steps
    /// through the graph, trend → kans → element.
    pub fn trend_koersen(&self, trend: &Trend) -> Vec<Ix> {
        let mut out: Vec<Ix> = Vec::new();
        for kans in self.linked_from(trend.node, LinkKind::Kans) {
            for e in self.linked_from(kans, LinkKind::KomtTerugIn) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Trends with a kans that comes back in `koers`, with those kansen: what points at the
    /// koers, walked backwards through the graph.
    pub fn trends_for(&self, koers: Ix) -> Vec<(usize, Vec<&Kans>)> {
        self.kansen_linking(koers, LinkKind::KomtTerugIn)
    }

    /// Kansen whose example is element `ix`, with their trend.
    pub fn kansen_with_example(&self, ix: Ix) -> Vec<(usize, &Kans)> {
        self.kansen_linking(ix, LinkKind::Voorbeeld)
            .into_iter()
            .flat_map(|(t, kansen)| kansen.into_iter().map(move |k| (t, k)))
            .collect()
    }

    /// The kansen that link to `ix` with `kind`, grouped per trend, in document order.
    fn kansen_linking(&self, ix: Ix, kind: LinkKind) -> Vec<(usize, Vec<&Kans>)> {
        let mut rows: Vec<(usize, usize)> = self
            .linking_to(ix, kind)
            .into_iter()
            .filter_map(|n| match self.element(n).kind {
                NodeKind::Kans { trend, row } => Some((trend, row)),
                _ => None,
            })
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let mut out: Vec<(usize, Vec<&Kans>)> = Vec::new();
        for (trend, row) in rows {
            let Some(kans) = self
                .content
                .trends
                .get(trend)
                .and_then(|t| t.kansen.get(row))
            else {
                continue;
            };
            match out.last_mut() {
                Some((t, list)) if *t == trend => list.push(kans),
                _ => out.push((trend, vec![kans])),
            }
        }
        out
    }
}
