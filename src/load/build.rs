//! Building the graph from a checked compass: elements with their child edges, related links,
//! begrippen, and the content beside the tree with its nodes and links.

use super::check::Checked;
use super::read::Collected;
use crate::format::ElementDef;
use crate::model::{Begrip, Carried, Element, Kompas, KompasBuilder, LinkKind, Meta, Rgb};

fn to_element(def: &ElementDef, depth: usize) -> Element {
    Element {
        id: def.id.as_str().into(),
        depth,
        label: def.label.clone(),
        title: def.title.clone(),
        text: def.text.clone(),
        color: def.color.as_deref().and_then(Rgb::parse_hex),
        kind: crate::model::NodeKind::Tree,
        carried: Carried {
            link: def.link.clone(),
            attributes: def.attributes.clone(),
            tags: def.tags.clone(),
            image: def.image.clone(),
        }
        .boxed(),
    }
}

pub(super) fn build(c: &Collected, checked: &Checked) -> Option<Kompas> {
    let mut b = KompasBuilder::default();
    let root = b.add(None, to_element(&c.def.root, 0));
    let mut stack: Vec<(crate::model::Ix, &ElementDef, usize)> =
        c.sectors.iter().rev().map(|(_, s)| (root, s, 1)).collect();
    let mut related = Vec::new();
    if !c.def.root.related.is_empty() {
        related.push((root, &c.def.root.related));
    }
    while let Some((parent, def, depth)) = stack.pop() {
        let ix = b.add(Some(parent), to_element(def, depth));
        if !def.related.is_empty() {
            related.push((ix, &def.related));
        }
        for child in def.children.iter().rev() {
            stack.push((ix, child, depth + 1));
        }
    }
    for (from, targets) in related {
        for t in targets {
            if let Some(to) = b.get(t) {
                b.link(from, to, LinkKind::Related);
            }
        }
    }
    let mut begrippen = Vec::with_capacity(c.begrippen.len());
    for (_, d) in &c.begrippen {
        let Some(under) = b.get(&d.element) else {
            continue;
        };
        let term = d.term.trim();
        let node = b.add_begrip(begrippen.len(), term, under);
        begrippen.push(Begrip {
            term: term.to_owned(),
            definition: d.definition.trim().to_owned(),
            node,
        });
    }
    let meta = Meta {
        title: c.def.title.clone(),
        municipality: c.def.municipality.clone(),
        period: c.def.period.clone(),
        source: c.def.source.clone(),
    };
    let content = build_content(c, &mut b);
    let mut kompas = b.finish(meta, checked.levels.clone(), begrippen)?;
    kompas.content = content;
    Some(kompas)
}

/// Turns the content parts into [`crate::content::Content`], adding a graph node per trend
/// with its links to the elements it names.
fn build_content(c: &Collected, b: &mut KompasBuilder) -> crate::content::Content {
    use crate::content::{
        Beleid, Content, Indicator, Knooppunt, Page, Principe, Samenvatting, Value,
    };
    let mut content = Content::default();
    for (_, part) in &c.content {
        content.pages.extend(part.pages.iter().map(|p| Page {
            id: p.id.clone(),
            title: p.title.clone(),
            nav: p.nav.clone(),
            group: p.group.clone(),
            blocks: p.blocks.clone(),
        }));
        content
            .principes
            .extend(part.principes.iter().map(|p| Principe {
                id: p.id.clone(),
                title: p.title.clone(),
                text: p.text.clone(),
            }));
        content
            .knooppunten
            .extend(part.knooppunten.iter().map(|k| Knooppunt {
                id: k.id.clone(),
                title: k.title.clone(),
                text: k.text.clone(),
            }));
        content.beleid.extend(part.beleid.iter().map(|d| Beleid {
            title: d.title.clone(),
            number: d.number.clone(),
        }));
        for t in &part.trends {
            let trend = build_trend(t, content.trends.len(), b);
            content.trends.push(trend);
        }
        content
            .samenvatting
            .extend(part.samenvatting.iter().filter_map(|s| {
                Some(Samenvatting {
                    element: b.get(&s.element)?,
                    title: s.title.clone(),
                    text: s.text.clone(),
                })
            }));
    }
    // Indicators name trends by id; resolve once all trends are in.
    for (_, part) in &c.content {
        content.indicatoren.extend(part.indicatoren.iter().map(|i| {
            Indicator {
                id: i.id.clone(),
                title: i.title.clone(),
                unit: i.unit.clone(),
                trend: i
                    .trend
                    .as_ref()
                    .and_then(|t| content.trends.iter().position(|x| &x.id == t)),
                source: i.source.clone(),
                text: i.text.clone(),
                values: i
                    .values
                    .iter()
                    .map(|v| Value {
                        label: v.label.clone(),
                        value: v.value,
                        shown: v.shown.clone(),
                    })
                    .collect(),
            }
        }));
    }
    content
}

/// A trend as a node of the graph, with a node per row of its kansen table linked to the
/// elements the row comes back in and to its example.
fn build_trend(
    t: &crate::format::TrendDef,
    index: usize,
    b: &mut KompasBuilder,
) -> crate::content::Trend {
    use crate::content::{Kans, Trend};
    let node = b.add_content_node(Element {
        id: format!("trend:{}", t.id).as_str().into(),
        depth: usize::MAX,
        label: Some(t.number.clone()),
        title: t.title.clone(),
        text: Some(t.summary.clone()),
        color: None,
        kind: crate::model::NodeKind::Trend(index),
        carried: None,
    });
    let mut kansen = Vec::with_capacity(t.kansen.len());
    for (row, k) in t.kansen.iter().enumerate() {
        let kans = b.add_content_node(Element {
            id: format!("trend:{}:kans:{row}", t.id).as_str().into(),
            depth: usize::MAX,
            label: None,
            title: k.text.clone(),
            text: None,
            color: None,
            kind: crate::model::NodeKind::Kans { trend: index, row },
            carried: None,
        });
        b.link(node, kans, LinkKind::Kans);
        let koersen: Vec<_> = k.koersen.iter().filter_map(|id| b.get(id)).collect();
        for to in koersen {
            b.link(kans, to, LinkKind::KomtTerugIn);
        }
        if let Some(to) = k.inspanning.as_deref().and_then(|id| b.get(id)) {
            b.link(kans, to, LinkKind::Voorbeeld);
        }
        kansen.push(Kans {
            text: k.text.clone(),
            voorbeeld: k.voorbeeld.clone(),
            node: kans,
        });
    }
    Trend {
        id: t.id.clone(),
        number: t.number.clone(),
        title: t.title.clone(),
        summary: t.summary.clone(),
        text: t.text.clone(),
        kansen_intro: t.kansen_intro.clone(),
        kansen,
        node,
    }
}
