//! Building a [`Kompas`]: nodes and edges go into the graph, then the ordered structure is
//! derived from the child edges, once.

use foldhash::HashMap;

use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;

use super::{Begrip, Element, Ix, Kompas, Level, LinkKind, Meta, NodeId, NodeKind, Relation};

/// The tree's order, derived from the graph's child edges in one place ([`Self::derive`]) so
/// that frames and walks do not sort edges: children in document order (one flat array with an
/// offset per node) and the tree elements of each level in document order.
#[derive(Clone, Debug, Default)]
pub(super) struct Structure {
    /// Children of node `i` are `children[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    children: Vec<Ix>,
    /// Tree elements per depth, in document order.
    pub(super) by_depth: Vec<Vec<Ix>>,
    /// Each node's place in its level's list (`u32::MAX` for nodes beside the tree).
    pub(super) rank: Vec<u32>,
}

impl Structure {
    pub(super) fn derive(graph: &DiGraph<Element, Relation>, root: Ix) -> Self {
        let n = graph.node_count();
        let mut edges: Vec<(u32, u32, Ix)> = graph
            .edge_references()
            .filter_map(|e| match *e.weight() {
                Relation::Child { ordinal } => {
                    Some((e.source().index() as u32, ordinal, e.target()))
                }
                Relation::Link(_) => None,
            })
            .collect();
        edges.sort_unstable_by_key(|&(parent, ordinal, _)| (parent, ordinal));
        let mut offsets = vec![0u32; n + 1];
        for &(parent, _, _) in &edges {
            if let Some(o) = offsets.get_mut(parent as usize + 1) {
                *o += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let children: Vec<Ix> = edges.into_iter().map(|(_, _, child)| child).collect();
        let mut s = Self {
            offsets,
            children,
            by_depth: Vec::new(),
            rank: vec![u32::MAX; n],
        };
        let mut stack = vec![root];
        while let Some(ix) = stack.pop() {
            let depth = graph[ix].depth;
            if s.by_depth.len() <= depth {
                s.by_depth.resize_with(depth + 1, Vec::new);
            }
            if let (Some(level), Some(rank)) =
                (s.by_depth.get_mut(depth), s.rank.get_mut(ix.index()))
            {
                *rank = level.len() as u32;
                level.push(ix);
            }
            stack.extend(s.children_of(ix).iter().rev());
        }
        s
    }

    pub(super) fn children_of(&self, ix: Ix) -> &[Ix] {
        let i = ix.index();
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.children.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Builds a [`Kompas`] node by node; used by the loader and the importers.
#[derive(Debug, Default)]
pub struct KompasBuilder {
    graph: DiGraph<Element, Relation>,
    by_id: HashMap<NodeId, Ix>,
    /// How many children each node has so far: the ordinal of the next child edge.
    next_ordinal: Vec<u32>,
}

impl KompasBuilder {
    /// Adds an element under `parent` (the root has none) as its last child; returns its index.
    /// The caller guarantees ids are unique (the loader validates first).
    pub fn add(&mut self, parent: Option<Ix>, element: Element) -> Ix {
        let ix = self.add_node(element);
        if let Some(p) = parent {
            let ordinal = self.next_ordinal.get(p.index()).copied().unwrap_or(0);
            if let Some(next) = self.next_ordinal.get_mut(p.index()) {
                *next += 1;
            }
            self.graph.add_edge(p, ix, Relation::Child { ordinal });
        }
        ix
    }

    fn add_node(&mut self, element: Element) -> Ix {
        let id = element.id.clone();
        let ix = self.graph.add_node(element);
        self.by_id.insert(id, ix);
        self.next_ordinal.push(0);
        ix
    }

    /// Looks up a node added earlier by its id.
    pub fn get(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id).copied()
    }

    /// Adds a typed cross-link.
    pub fn link(&mut self, from: Ix, to: Ix, kind: LinkKind) {
        self.graph.add_edge(from, to, Relation::Link(kind));
    }

    /// Adds a node beside the tree (a trend, a kans, a begrip), reachable only through links.
    pub fn add_content_node(&mut self, element: Element) -> Ix {
        self.add_node(element)
    }

    /// Adds a begrip as a node linked to the element it is listed under.
    pub fn add_begrip(&mut self, index: usize, term: &str, under: Ix) -> Ix {
        let node = self.add_node(Element {
            id: format!("begrip:{index}").as_str().into(),
            depth: usize::MAX,
            label: None,
            title: term.to_owned(),
            text: None,
            color: None,
            kind: NodeKind::Begrip(index),
            carried: None,
        });
        self.link(node, under, LinkKind::ListedUnder);
        node
    }

    /// Finishes the compass; `None` when no element was added. The first node is the root.
    pub fn finish(self, meta: Meta, levels: Vec<Level>, begrippen: Vec<Begrip>) -> Option<Kompas> {
        let root = self.graph.node_indices().next()?;
        let tree_len = self
            .graph
            .node_weights()
            .filter(|e| e.kind == NodeKind::Tree)
            .count();
        let structure = Structure::derive(&self.graph, root);
        Some(Kompas {
            meta,
            levels,
            begrippen,
            content: crate::content::Content::default(),
            tree_len,
            graph: self.graph,
            root,
            by_id: self.by_id,
            structure,
        })
    }
}
