//! The rest of a compass beside its tree: readable pages and typed sections (leidende
//! principes, trends with their kansen, knooppunten, policy documents, the summary per element
//! and indicatoren with their values). All optional: a compass without them loads fine.

use crate::model::Ix;

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
    /// Title.
    pub title: String,
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

impl Trend {
    /// Every koers any of its kansen comes back in, in order, without repeats.
    pub fn koersen(&self) -> Vec<Ix> {
        let mut out: Vec<Ix> = Vec::new();
        for k in &self.kansen {
            for &e in &k.koersen {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }
}

/// A row of a kansen table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kans {
    /// The kans or uitdaging.
    pub text: String,
    /// Elements it comes back in.
    pub koersen: Vec<Ix>,
    /// The example as worded in the table.
    pub voorbeeld: String,
    /// The element the example is.
    pub inspanning: Option<Ix>,
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

    /// Trends with a kans that comes back in `koers`, with those kansen.
    pub fn trends_for(&self, koers: Ix) -> Vec<(usize, Vec<&Kans>)> {
        self.trends
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let kansen: Vec<&Kans> = t
                    .kansen
                    .iter()
                    .filter(|k| k.koersen.contains(&koers))
                    .collect();
                (!kansen.is_empty()).then_some((i, kansen))
            })
            .collect()
    }

    /// Kansen whose example is element `ix`, with their trend.
    pub fn kansen_with_example(&self, ix: Ix) -> Vec<(usize, &Kans)> {
        self.trends
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                t.kansen
                    .iter()
                    .filter(move |k| k.inspanning == Some(ix))
                    .map(move |k| (i, k))
            })
            .collect()
    }

    /// Indicatoren of trend `i`.
    pub fn indicatoren_of(&self, trend: usize) -> Vec<&Indicator> {
        self.indicatoren
            .iter()
            .filter(|ind| ind.trend == Some(trend))
            .collect()
    }
}
