//! The compass as one petgraph graph: the goal tree as `Child` edges that carry their place
//! among the siblings, and every cross-link (related, trend → kans → koers, kans → voorbeeld,
//! begrip → element) as a typed `Link` edge. The graph is the one source of truth: subtree
//! walks, the path to the root and "what points here" are petgraph traversals, and the one
//! ordered cache (children in document order, elements per level) is derived from the child
//! edges in [`Structure::derive`]. Built by [`crate::load`]; read by everything else. Free of
//! egui.

use foldhash::HashMap;
use std::borrow::Borrow;
use std::fmt;

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeReference, NodeIndex};
use petgraph::visit::{Dfs, DfsPostOrder, EdgeFiltered, EdgeRef};
use serde::{Deserialize, Serialize};

mod build;
pub mod content;

pub use build::KompasBuilder;

/// Index of an element in the compass graph; cheap to copy, valid for one loaded [`Kompas`].
pub type Ix = NodeIndex<u32>;

/// The stable id of an element as written in the RON files (`1.3.2.5`).
///
/// Notes and partner reviews key on it for years, so it is never derived from position.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub String);

impl NodeId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for NodeId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for NodeId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

/// An sRGB colour from the data (`"#F2C037"`); the UI decides how to use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#RRGGBB` (the `#` is optional). Returns `None` for anything else.
    pub fn parse_hex(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#').unwrap_or(s.trim());
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Self(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#RRGGBB`, the form the files use.
    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.x), 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio with `other`, 1 to 21.
    pub fn contrast(self, other: Self) -> f64 {
        let (la, lb) = (self.luminance(), other.luminance());
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// This colour moved `t` (0–1) of the way to `other`.
    pub fn mix(self, other: Self, t: f64) -> Self {
        let m = |x: u8, y: u8| {
            let (x, y) = (f64::from(x), f64::from(y));
            (x + (y - x) * t).round().clamp(0.0, 255.0) as u8
        };
        Self(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// One level of the goal tree (Einddoel, Hoofddoel, Koers, ...), named by the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    /// Singular name, e.g. "Koers".
    pub name: String,
    /// Plural name, e.g. "Koersen".
    pub plural: String,
}

/// Descriptive metadata of a compass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Title, e.g. "Sociaal Kompas 2017-2020".
    pub title: String,
    /// The municipality that wrote it.
    pub municipality: String,
    /// The period it covers, e.g. "2017-2020".
    pub period: String,
    /// Where the content comes from.
    pub source: String,
}

/// One element of the goal tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// Stable id.
    pub id: NodeId,
    /// Depth in the tree, which is also the index into [`Kompas::levels`].
    pub depth: usize,
    /// The number or letter the document shows ("1.3", "B"), if any.
    pub label: Option<String>,
    /// The element's own words.
    pub title: String,
    /// Longer text, such as a koers's introduction.
    pub text: Option<String>,
    /// Colour given in the data (sectors have one).
    pub color: Option<Rgb>,
    /// A tree element, or a node for content beside the tree (a trend) that links into it.
    pub kind: NodeKind,
    /// What a mind map gave the element beyond these fields; boxed, as most have none.
    pub carried: Option<Box<Carried>>,
}

impl Element {
    /// What the element carries beyond the compass's fields (empty for most).
    pub fn carried(&self) -> &Carried {
        static NONE: Carried = Carried {
            link: None,
            attributes: Vec::new(),
            tags: Vec::new(),
            image: None,
        };
        self.carried.as_deref().unwrap_or(&NONE)
    }
}

/// What an element carries beyond a compass's own fields, as a mind map or outline gave it,
/// so that it is shown and written back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    /// A web address or file the element points to.
    pub link: Option<String>,
    /// Name–value pairs in the source's order.
    pub attributes: Vec<(String, String)>,
    /// Named tags (a mind map's icons).
    pub tags: Vec<String>,
    /// An image the source shows on the element, by its address.
    pub image: Option<String>,
}

impl Carried {
    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.link.is_none()
            && self.attributes.is_empty()
            && self.tags.is_empty()
            && self.image.is_none()
    }

    /// `Some(self)` boxed when it holds anything.
    pub fn boxed(self) -> Option<Box<Self>> {
        (!self.is_empty()).then(|| Box::new(self))
    }
}

/// What a node of the compass graph is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// An element of the goal tree.
    #[default]
    Tree,
    /// Trend `i` of [`crate::content::Content::trends`].
    Trend(usize),
    /// Row `row` of the kansen table of trend `trend`.
    Kans {
        /// Index of the trend.
        trend: usize,
        /// Index of the row in its table.
        row: usize,
    },
    /// Entry `i` of [`Kompas::begrippen`].
    Begrip(usize),
}

/// Kinds of cross-links (every edge that is not the tree's own parent → child).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// "Also relates to": the document's own cross-reference between elements.
    Related,
    /// A trend → one row of its kansen table.
    Kans,
    /// A kans → an element it comes back in ("komt terug in kompaskoers").
    KomtTerugIn,
    /// A kans → the element the table gives as its example.
    Voorbeeld,
    /// A begrip → the element it is listed under.
    ListedUnder,
}

/// An edge of the compass graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Parent → child in the goal tree; `ordinal` is the child's place among its siblings
    /// (petgraph lists a node's edges newest first, so the document order lives on the edge).
    Child {
        /// Place among the siblings, from 0.
        ordinal: u32,
    },
    /// A typed cross-link.
    Link(LinkKind),
}

/// A glossary entry: a node of the graph, linked to the element it is listed under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Begrip {
    /// The term as written ("Respijtzorg").
    pub term: String,
    /// Its definition, verbatim.
    pub definition: String,
    /// Its node; its [`LinkKind::ListedUnder`] edge leads to the element.
    pub node: Ix,
}

/// A loaded compass: metadata, level names, the goal tree and its links as a petgraph graph,
/// the glossary and the content beside the tree.
#[derive(Clone, Debug)]
pub struct Kompas {
    /// Title, municipality, period, source.
    pub meta: Meta,
    /// Level names from root (index 0) to leaves.
    pub levels: Vec<Level>,
    /// The begrippenlijst in document order.
    pub begrippen: Vec<Begrip>,
    /// Pages and typed sections beside the tree.
    pub content: crate::content::Content,
    graph: DiGraph<Element, Relation>,
    /// Number of tree elements (the graph also holds trends, kansen and begrippen).
    tree_len: usize,
    root: Ix,
    by_id: HashMap<NodeId, Ix>,
    structure: build::Structure,
}

fn is_child_edge(e: EdgeReference<'_, Relation>) -> bool {
    matches!(e.weight(), Relation::Child { .. })
}

impl Kompas {
    /// The top goal (einddoel).
    pub fn root(&self) -> Ix {
        self.root
    }

    /// Number of elements in the tree.
    pub fn len(&self) -> usize {
        self.tree_len
    }

    /// Always false: a compass has at least its root.
    pub fn is_empty(&self) -> bool {
        self.tree_len == 0
    }

    /// The element at `ix`.
    ///
    /// # Panics
    /// If `ix` does not belong to this compass (indices come from this compass only).
    pub fn element(&self, ix: Ix) -> &Element {
        &self.graph[ix]
    }

    /// Looks an element up by its stable id.
    pub fn get(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id).copied()
    }

    /// Children in document order.
    pub fn children(&self, ix: Ix) -> &[Ix] {
        self.structure.children_of(ix)
    }

    /// The parent, `None` for the root and for nodes beside the tree: the source of the one
    /// incoming child edge.
    pub fn parent(&self, ix: Ix) -> Option<Ix> {
        self.graph
            .edges_directed(ix, Direction::Incoming)
            .find(|e| is_child_edge(*e))
            .map(|e| e.source())
    }

    /// The sectors: the children of the root (hoofddoelen in the Sociaal Kompas).
    pub fn sectors(&self) -> &[Ix] {
        self.children(self.root)
    }

    /// The path from the root to `ix`, both included.
    pub fn path(&self, ix: Ix) -> Vec<Ix> {
        let mut path = vec![ix];
        let mut cur = ix;
        while let Some(p) = self.parent(cur) {
            path.push(p);
            cur = p;
        }
        path.reverse();
        path
    }

    /// The place of an element as "Einddoel › Hoofddoel 1 › Koers 1.3".
    pub fn breadcrumb(&self, ix: Ix) -> String {
        self.path(ix)
            .iter()
            .map(|&p| self.short_name(p))
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The sector `ix` lies in (itself for a sector), `None` for the root.
    pub fn sector_of(&self, ix: Ix) -> Option<Ix> {
        let mut cur = ix;
        let mut below = None;
        while let Some(p) = self.parent(cur) {
            below = Some(cur);
            cur = p;
        }
        below
    }

    /// The ancestor of `ix` at `depth` (itself at its own depth), `None` when it is higher.
    pub fn ancestor_at(&self, ix: Ix, depth: usize) -> Option<Ix> {
        let mut cur = ix;
        while self.element(cur).depth > depth {
            cur = self.parent(cur)?;
        }
        (self.element(cur).depth == depth).then_some(cur)
    }

    /// Every element of the subtree of `ix` (itself included), by a depth-first walk of the
    /// child edges, in no particular order: for counts and roll-ups.
    pub fn subtree(&self, ix: Ix) -> impl Iterator<Item = Ix> + '_ {
        let tree = EdgeFiltered::from_fn(&self.graph, is_child_edge);
        let mut dfs = Dfs::new(&tree, ix);
        std::iter::from_fn(move || dfs.next(&tree))
    }

    /// Every element of the subtree of `ix` with children before their parent (petgraph's
    /// depth-first post-order over the child edges): the order a roll-up adds up in.
    pub fn post_order(&self, ix: Ix) -> impl Iterator<Item = Ix> + '_ {
        let tree = EdgeFiltered::from_fn(&self.graph, is_child_edge);
        let mut dfs = DfsPostOrder::new(&tree, ix);
        std::iter::from_fn(move || dfs.next(&tree))
    }

    /// One more than the highest node index: the length of a table indexed by [`Ix`].
    pub fn index_bound(&self) -> usize {
        self.graph.node_count()
    }

    /// True for an element without children (an inspanning in the Sociaal Kompas).
    pub fn is_leaf(&self, ix: Ix) -> bool {
        self.children(ix).is_empty()
    }

    /// The level of an element.
    pub fn level(&self, ix: Ix) -> Option<&Level> {
        self.levels.get(self.element(ix).depth)
    }

    /// The colour to draw an element in: its own, else its nearest ancestor's.
    pub fn color(&self, ix: Ix) -> Option<Rgb> {
        let mut cur = Some(ix);
        while let Some(c) = cur {
            if let Some(col) = self.element(c).color {
                return Some(col);
            }
            cur = self.parent(c);
        }
        None
    }

    /// Position of `ix` among its siblings, from 0: the ordinal on its child edge.
    pub fn sibling_index(&self, ix: Ix) -> usize {
        self.graph
            .edges_directed(ix, Direction::Incoming)
            .find_map(|e| match e.weight() {
                Relation::Child { ordinal } => Some(*ordinal as usize),
                Relation::Link(_) => None,
            })
            .unwrap_or(0)
    }

    /// All elements in document (depth-first, pre-)order.
    pub fn document_order(&self) -> Vec<Ix> {
        let mut out = Vec::with_capacity(self.len());
        let mut stack = vec![self.root];
        while let Some(ix) = stack.pop() {
            out.push(ix);
            stack.extend(self.children(ix).iter().rev());
        }
        out
    }

    /// All elements at one depth, in document order.
    pub fn at_depth(&self, depth: usize) -> &[Ix] {
        self.structure
            .by_depth
            .get(depth)
            .map_or(&[], Vec::as_slice)
    }

    /// Number of elements per depth, from the root down (at least one entry per level).
    pub fn count_per_level(&self) -> Vec<usize> {
        let mut counts: Vec<usize> = self.structure.by_depth.iter().map(Vec::len).collect();
        if counts.len() < self.levels.len().max(1) {
            counts.resize(self.levels.len().max(1), 0);
        }
        counts
    }

    /// Number of elements in the subtree of `ix` per depth (itself included at its depth).
    pub fn count_below(&self, ix: Ix) -> Vec<usize> {
        let mut counts = vec![0; self.levels.len()];
        for cur in self.subtree(ix) {
            let d = self.element(cur).depth;
            if d >= counts.len() {
                counts.resize(d + 1, 0);
            }
            if let Some(c) = counts.get_mut(d) {
                *c += 1;
            }
        }
        counts
    }

    /// Typed cross-links leaving `ix`, in the order they were written.
    pub fn links_from(&self, ix: Ix) -> Vec<(LinkKind, Ix)> {
        self.links(ix, Direction::Outgoing)
    }

    /// Typed cross-links arriving at `ix` ("what points here"), in the order they were written.
    pub fn links_to(&self, ix: Ix) -> Vec<(LinkKind, Ix)> {
        self.links(ix, Direction::Incoming)
    }

    /// The nodes `ix` links to with links of `kind`, in the order they were written.
    pub fn linked_from(&self, ix: Ix, kind: LinkKind) -> Vec<Ix> {
        self.links_from(ix)
            .into_iter()
            .filter_map(|(k, to)| (k == kind).then_some(to))
            .collect()
    }

    /// The nodes that link to `ix` with links of `kind`, in the order they were written.
    pub fn linking_to(&self, ix: Ix, kind: LinkKind) -> Vec<Ix> {
        self.links_to(ix)
            .into_iter()
            .filter_map(|(k, from)| (k == kind).then_some(from))
            .collect()
    }

    fn links(&self, ix: Ix, dir: Direction) -> Vec<(LinkKind, Ix)> {
        // petgraph walks a node's edges newest first; sorting by edge index restores file order.
        let mut out: Vec<_> = self
            .graph
            .edges_directed(ix, dir)
            .filter_map(|e| match e.weight() {
                Relation::Link(kind) => {
                    let other = match dir {
                        Direction::Outgoing => e.target(),
                        Direction::Incoming => e.source(),
                    };
                    Some((e.id(), *kind, other))
                }
                Relation::Child { .. } => None,
            })
            .collect();
        out.sort_by_key(|(edge, _, _)| *edge);
        out.into_iter()
            .map(|(_, kind, other)| (kind, other))
            .collect()
    }

    /// The element a begrip is listed under.
    pub fn listed_under(&self, begrip: &Begrip) -> Option<Ix> {
        self.linked_from(begrip.node, LinkKind::ListedUnder)
            .first()
            .copied()
    }

    /// The begrippen listed under `ix` (indices into [`Self::begrippen`]), in document order.
    pub fn begrippen_of(&self, ix: Ix) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .linking_to(ix, LinkKind::ListedUnder)
            .into_iter()
            .filter_map(|b| match self.element(b).kind {
                NodeKind::Begrip(i) => Some(i),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The previous and next element at the same depth in document order (for "vorige/volgende
    /// koers"), wrapping around neither end.
    pub fn neighbours_at_depth(&self, ix: Ix) -> (Option<Ix>, Option<Ix>) {
        let same = self.at_depth(self.element(ix).depth);
        let Some(&rank) = self.structure.rank.get(ix.index()) else {
            return (None, None);
        };
        if same.get(rank as usize) != Some(&ix) {
            return (None, None);
        }
        let pos = rank as usize;
        let prev = pos.checked_sub(1).and_then(|p| same.get(p).copied());
        (prev, same.get(pos + 1).copied())
    }

    /// The place of `ix` among the elements of its level, from 0.
    pub fn rank_at_depth(&self, ix: Ix) -> Option<usize> {
        self.structure
            .rank
            .get(ix.index())
            .filter(|&&r| r != u32::MAX)
            .map(|&r| r as usize)
    }

    /// The number or letter an element shows: its label, else its id.
    pub fn number(&self, ix: Ix) -> &str {
        let el = self.element(ix);
        el.label.as_deref().unwrap_or(el.id.as_str())
    }

    /// "1 inspanning", "3 inspanningen": a count of `elements` named by their level when they
    /// share one, else "onderdeel"/"onderdelen".
    pub fn count_of(&self, elements: &[Ix]) -> String {
        let n = elements.len();
        let depth = elements.first().map(|&ix| self.element(ix).depth);
        let level = depth
            .filter(|&d| elements.iter().all(|&ix| self.element(ix).depth == d))
            .and_then(|d| self.levels.get(d));
        let (one, many) = level.map_or(("onderdeel".to_owned(), "onderdelen".to_owned()), |l| {
            (l.name.to_lowercase(), l.plural.to_lowercase())
        });
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// A short display name: "Koers 1.3" or "Inspanning 1.3.2.5".
    pub fn short_name(&self, ix: Ix) -> String {
        let el = self.element(ix);
        let level = self.level(ix).map_or("", |l| l.name.as_str());
        // The root is one of a kind: its level name says it all ("Einddoel").
        let label = match &el.label {
            Some(l) => l.as_str(),
            None if el.depth == 0 => "",
            None => el.id.as_str(),
        };
        format!("{level} {label}").trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(id: &str, depth: usize) -> Element {
        Element {
            id: id.into(),
            depth,
            label: None,
            title: format!("titel {id}"),
            text: None,
            color: None,
            kind: NodeKind::Tree,
            carried: None,
        }
    }

    fn small() -> Kompas {
        let mut b = KompasBuilder::default();
        let root = b.add(None, el("0", 0));
        let s1 = b.add(
            Some(root),
            Element {
                color: Some(Rgb(1, 2, 3)),
                ..el("1", 1)
            },
        );
        let s2 = b.add(Some(root), el("2", 1));
        b.add(Some(s1), el("1.1", 2));
        b.add(Some(s1), el("1.2", 2));
        b.add(Some(s2), el("2.1", 2));
        let levels = ["A", "B", "C"]
            .iter()
            .map(|n| Level {
                name: (*n).into(),
                plural: format!("{n}s"),
            })
            .collect();
        b.finish(Meta::default(), levels, Vec::new()).unwrap()
    }

    #[test]
    fn children_keep_document_order_and_paths_run_from_root() {
        let k = small();
        let ids: Vec<_> = k
            .sectors()
            .iter()
            .map(|&i| k.element(i).id.as_str())
            .collect();
        assert_eq!(ids, ["1", "2"]);
        let ix = k.get("1.2").unwrap();
        let path: Vec<_> = k
            .path(ix)
            .iter()
            .map(|&i| k.element(i).id.to_string())
            .collect();
        assert_eq!(path, ["0", "1", "1.2"]);
        assert_eq!(k.sector_of(ix), k.get("1"));
        assert_eq!(k.color(ix), Some(Rgb(1, 2, 3)));
        assert_eq!(k.color(k.get("2.1").unwrap()), None);
    }

    #[test]
    fn counts_and_neighbours() {
        let k = small();
        assert_eq!(k.count_per_level(), [1, 2, 3]);
        assert_eq!(k.count_below(k.get("1").unwrap()), [0, 1, 2]);
        assert_eq!(k.sibling_index(k.get("1.2").unwrap()), 1);
        assert_eq!(k.at_depth(2).len(), 3);
        assert_eq!(k.ancestor_at(k.get("1.2").unwrap(), 1), k.get("1"));
        assert_eq!(k.ancestor_at(k.get("1").unwrap(), 2), None);
        assert_eq!(k.breadcrumb(k.get("1.2").unwrap()), "A › B 1 › C 1.2");
        let (prev, next) = k.neighbours_at_depth(k.get("1.2").unwrap());
        assert_eq!(prev, k.get("1.1"));
        assert_eq!(next, k.get("2.1"));
        assert_eq!(k.neighbours_at_depth(k.get("1.1").unwrap()).0, None);
        let order: Vec<_> = k
            .document_order()
            .iter()
            .map(|&i| k.element(i).id.to_string())
            .collect();
        assert_eq!(order, ["0", "1", "1.1", "1.2", "2", "2.1"]);
    }

    #[test]
    fn hex_colours_parse_and_print() {
        assert_eq!(Rgb::parse_hex("#F2C037"), Some(Rgb(0xF2, 0xC0, 0x37)));
        assert_eq!(Rgb::parse_hex("f2c037"), Some(Rgb(0xF2, 0xC0, 0x37)));
        assert_eq!(Rgb::parse_hex("#F2C03"), None);
        assert_eq!(Rgb::parse_hex("#GGGGGG"), None);
        assert_eq!(Rgb::parse_hex("#ÄÄÄ"), None);
        assert_eq!(Rgb(0xF2, 0xC0, 0x37).to_hex(), "#F2C037");
    }
}
