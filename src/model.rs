//! The compass as a graph: typed elements, parent→child edges in document order and room for
//! typed cross-links. Built by [`crate::load`]; read by everything else. Free of egui.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

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
}

/// What a node of the compass graph is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// An element of the goal tree.
    #[default]
    Tree,
    /// Trend `i` of [`crate::content::Content::trends`].
    Trend(usize),
}

/// Kinds of cross-links between elements (beyond the tree).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// "Also relates to": the document's own cross-reference between elements.
    Related,
    /// A trend → an element its kansen come back in ("komt terug in kompaskoers").
    Trend,
    /// A trend → the element its kansen table gives as an example.
    Voorbeeld,
}

/// An edge of the compass graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Parent → child in the goal tree.
    Child,
    /// A typed cross-link.
    Link(LinkKind),
}

/// A glossary entry, tied to the element it is listed under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Begrip {
    /// The term as written ("Respijtzorg").
    pub term: String,
    /// Its definition, verbatim.
    pub definition: String,
    /// The element (a koers in the Sociaal Kompas) it is listed under.
    pub element: Ix,
}

/// A loaded compass: metadata, level names, the goal tree as a petgraph graph, and the glossary.
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
    /// Number of tree elements (the graph also holds content nodes).
    tree_len: usize,
    root: Ix,
    by_id: HashMap<NodeId, Ix>,
    /// Children in document order, indexed by `Ix::index()`; petgraph's own edge order is
    /// reverse insertion order, so the order is kept here once instead of sorted on each call.
    children: Vec<Vec<Ix>>,
    parent: Vec<Option<Ix>>,
}

/// Builds a [`Kompas`] element by element; used by the loader and importers.
#[derive(Debug, Default)]
pub struct KompasBuilder {
    graph: DiGraph<Element, Relation>,
    by_id: HashMap<NodeId, Ix>,
    children: Vec<Vec<Ix>>,
    parent: Vec<Option<Ix>>,
}

impl KompasBuilder {
    /// Adds an element under `parent` (the root has none) and returns its index.
    /// The caller guarantees ids are unique (the loader validates first).
    pub fn add(&mut self, parent: Option<Ix>, element: Element) -> Ix {
        let id = element.id.clone();
        let ix = self.graph.add_node(element);
        self.by_id.insert(id, ix);
        self.children.push(Vec::new());
        self.parent.push(parent);
        if let Some(p) = parent {
            self.graph.add_edge(p, ix, Relation::Child);
            if let Some(list) = self.children.get_mut(p.index()) {
                list.push(ix);
            }
        }
        ix
    }

    /// Looks up an element added earlier.
    pub fn get(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id).copied()
    }

    /// Adds a typed cross-link.
    pub fn link(&mut self, from: Ix, to: Ix, kind: LinkKind) {
        self.graph.add_edge(from, to, Relation::Link(kind));
    }

    /// Adds a node beside the tree (a trend), reachable only through links.
    pub fn add_content_node(&mut self, element: Element) -> Ix {
        let id = element.id.clone();
        let ix = self.graph.add_node(element);
        self.by_id.insert(id, ix);
        self.children.push(Vec::new());
        self.parent.push(None);
        ix
    }

    /// Finishes the compass; `None` when no element was added.
    pub fn finish(self, meta: Meta, levels: Vec<Level>, begrippen: Vec<Begrip>) -> Option<Kompas> {
        let root = self.graph.node_indices().next()?;
        let tree_len = self
            .graph
            .node_weights()
            .filter(|e| e.kind == NodeKind::Tree)
            .count();
        Some(Kompas {
            meta,
            levels,
            begrippen,
            content: crate::content::Content::default(),
            tree_len,
            graph: self.graph,
            root,
            by_id: self.by_id,
            children: self.children,
            parent: self.parent,
        })
    }
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

    /// The element at `ix`, or `None` for a foreign index.
    pub fn try_element(&self, ix: Ix) -> Option<&Element> {
        self.graph.node_weight(ix)
    }

    /// Looks an element up by its stable id.
    pub fn get(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id).copied()
    }

    /// Children in document order.
    pub fn children(&self, ix: Ix) -> &[Ix] {
        self.children.get(ix.index()).map_or(&[], Vec::as_slice)
    }

    /// The parent, `None` for the root.
    pub fn parent(&self, ix: Ix) -> Option<Ix> {
        self.parent.get(ix.index()).copied().flatten()
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

    /// The sector `ix` lies in (itself for a sector), `None` for the root.
    pub fn sector_of(&self, ix: Ix) -> Option<Ix> {
        self.path(ix).get(1).copied()
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

    /// Position of `ix` among its siblings, from 0.
    pub fn sibling_index(&self, ix: Ix) -> usize {
        self.parent(ix)
            .and_then(|p| self.children(p).iter().position(|&c| c == ix))
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
    pub fn at_depth(&self, depth: usize) -> Vec<Ix> {
        self.document_order()
            .into_iter()
            .filter(|&ix| self.element(ix).depth == depth)
            .collect()
    }

    /// Number of elements per depth, from the root down.
    pub fn count_per_level(&self) -> Vec<usize> {
        let mut counts = vec![0; self.levels.len().max(1)];
        for ix in self
            .graph
            .node_indices()
            .filter(|&ix| self.graph[ix].kind == NodeKind::Tree)
        {
            let d = self.graph[ix].depth;
            if d >= counts.len() {
                counts.resize(d + 1, 0);
            }
            if let Some(c) = counts.get_mut(d) {
                *c += 1;
            }
        }
        counts
    }

    /// Number of descendants of `ix` per depth (the element itself included at its depth).
    pub fn count_below(&self, ix: Ix) -> Vec<usize> {
        let mut counts = vec![0; self.levels.len()];
        let mut stack = vec![ix];
        while let Some(cur) = stack.pop() {
            let d = self.element(cur).depth;
            if d >= counts.len() {
                counts.resize(d + 1, 0);
            }
            if let Some(c) = counts.get_mut(d) {
                *c += 1;
            }
            stack.extend_from_slice(self.children(cur));
        }
        counts
    }

    /// Typed cross-links leaving `ix`, in the order they were written.
    pub fn links_from(&self, ix: Ix) -> Vec<(LinkKind, Ix)> {
        self.links(ix, petgraph::Direction::Outgoing)
    }

    /// Typed cross-links arriving at `ix`, in the order they were written.
    pub fn links_to(&self, ix: Ix) -> Vec<(LinkKind, Ix)> {
        self.links(ix, petgraph::Direction::Incoming)
    }

    fn links(&self, ix: Ix, dir: petgraph::Direction) -> Vec<(LinkKind, Ix)> {
        // petgraph walks a node's edges newest first; sorting by edge index restores file order.
        let mut out: Vec<_> = self
            .graph
            .edges_directed(ix, dir)
            .filter_map(|e| match e.weight() {
                Relation::Link(kind) => {
                    let other = if dir == petgraph::Direction::Outgoing {
                        e.target()
                    } else {
                        e.source()
                    };
                    Some((e.id(), *kind, other))
                }
                Relation::Child => None,
            })
            .collect();
        out.sort_by_key(|(edge, _, _)| *edge);
        out.into_iter()
            .map(|(_, kind, other)| (kind, other))
            .collect()
    }

    /// The previous and next element at the same depth in document order (for "vorige/volgende
    /// koers"), wrapping around neither end.
    pub fn neighbours_at_depth(&self, ix: Ix) -> (Option<Ix>, Option<Ix>) {
        let same = self.at_depth(self.element(ix).depth);
        let Some(pos) = same.iter().position(|&o| o == ix) else {
            return (None, None);
        };
        let prev = pos.checked_sub(1).and_then(|p| same.get(p).copied());
        (prev, same.get(pos + 1).copied())
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

    /// The underlying graph, for algorithms and export.
    pub fn graph(&self) -> &DiGraph<Element, Relation> {
        &self.graph
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
