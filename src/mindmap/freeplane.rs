//! FreeMind/Freeplane `.mm` files: `<map>` with nested `<node TEXT=".." ID="..">`, notes as
//! `<richcontent TYPE="NOTE">` HTML, links as `<arrowlink DESTINATION="..">`.

use quick_xml::events::{BytesStart, Event};

use super::html;
use super::{MAX_DEPTH, MAX_NODES, MAX_TEXT_BYTES, MAX_XML_DEPTH, Node, Outline, attr};
use crate::load::LoadError;
use crate::model::{Ix, Kompas};
use crate::problem::{Problem, Severity};

/// Elements of a node that Kompas does not use but that are normal in a mind map.
const KNOWN: &[&str] = &[
    "icon",
    "font",
    "edge",
    "cloud",
    "hook",
    "attribute_layout",
    "attribute_registry",
    "properties",
    "map_styles",
    "stylenode",
    "conditional_styles",
    "linktarget",
    "label",
    "text",
    "richcontent",
    "attribute",
    "arrowlink",
    "node",
    "alias",
];

/// What an open XML element is, while reading.
#[derive(Debug)]
enum Frame {
    Map,
    /// A node, by index.
    Node(usize),
    /// The HTML of a node's text, note or details, from byte `start` of the file (read
    /// whole by the HTML reader when it closes).
    Rich {
        node: usize,
        kind: RichKind,
        start: usize,
    },
    /// Anything whose contents are not needed.
    Skip,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RichKind {
    Text,
    Note,
    Details,
}

fn name_of(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// Reads a mind map.
///
/// # Errors
/// Invalid XML, a file that is no mind map, and the limits ([`MAX_DEPTH`] levels,
/// [`MAX_NODES`] nodes, [`MAX_TEXT_BYTES`] per text), each with line and column.
pub fn read(text: &str, file: &str) -> Result<Outline, LoadError> {
    let mut warnings = Vec::new();
    read_with_warnings(text, file, &mut warnings)
}

/// Like [`read`], collecting warnings (unknown elements) too.
///
/// # Errors
/// See [`read`].
#[expect(
    clippy::too_many_lines,
    reason = "one XML event loop: its state (the node stack, the open note) would be scattered if split"
)]
pub fn read_with_warnings(
    text: &str,
    file: &str,
    warnings: &mut Vec<Problem>,
) -> Result<Outline, LoadError> {
    let fail = super::failure(file, text);
    let mut reader = super::xml_reader(text);
    let mut outline = Outline::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut seen_map = false;
    // Each unknown element is reported once, where it first occurs.
    let mut unknown: Vec<String> = Vec::new();
    let note_unknown = |unknown: &mut Vec<String>,
                        warnings: &mut Vec<Problem>,
                        name: &str,
                        place: &str,
                        offset: usize| {
        if !KNOWN.contains(&name) && !unknown.iter().any(|u| u == name) {
            unknown.push(name.to_owned());
            warnings.push(Problem::at_offset(
                Severity::Warning,
                file,
                text,
                offset,
                format!("onbekend element <{name}> {place}; genegeerd"),
            ));
        }
    };
    let mut dropped = Dropped::default();
    loop {
        let (offset, event) = super::next_event(&mut reader, &fail)?;
        if let Some((e, empty)) = super::opening(&event) {
            if stack.len() >= MAX_XML_DEPTH {
                return Err(fail(
                    offset,
                    format!("de XML is dieper genest dan {MAX_XML_DEPTH} niveaus"),
                ));
            }
            let name = name_of(e);
            let frame = match stack.last_mut() {
                None => {
                    if name != "map" {
                        return Err(fail(
                            offset,
                            format!(
                                "dit is geen FreeMind/Freeplane-mindmap: het begint met <{name}> in plaats van <map>"
                            ),
                        ));
                    }
                    seen_map = true;
                    Frame::Map
                }
                Some(Frame::Map) if name == "node" => {
                    if outline.nodes.is_empty() {
                        new_node(&mut outline, None, e, offset).map_err(|m| fail(offset, m))?
                    } else {
                        warnings.push(Problem::at_offset(
                            Severity::Warning,
                            file,
                            text,
                            offset,
                            "een tweede hoofdknoop; een mindmap heeft er één, deze wordt overgeslagen",
                        ));
                        Frame::Skip
                    }
                }
                Some(Frame::Node(parent)) => {
                    let parent = *parent;
                    match name.as_str() {
                        "node" => {
                            let depth = outline.nodes.get(parent).map_or(0, |n| n.depth) + 1;
                            if depth >= MAX_DEPTH {
                                return Err(fail(
                                    offset,
                                    format!(
                                        "de mindmap is dieper dan {MAX_DEPTH} niveaus; een kompas heeft er hoogstens {MAX_DEPTH}"
                                    ),
                                ));
                            }
                            if outline.nodes.len() >= MAX_NODES {
                                return Err(fail(
                                    offset,
                                    format!("de mindmap heeft meer dan {MAX_NODES} knopen"),
                                ));
                            }
                            new_node(&mut outline, Some(parent), e, offset)
                                .map_err(|m| fail(offset, m))?
                        }
                        "richcontent" => {
                            let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                            let kind = match attrs
                                .iter()
                                .find(|(n, _)| n == "TYPE")
                                .map(|(_, v)| v.as_str())
                            {
                                Some("NOTE") => Some(RichKind::Note),
                                Some("DETAILS") => Some(RichKind::Details),
                                Some("NODE") => Some(RichKind::Text),
                                _ => None,
                            };
                            let start = usize::try_from(reader.buffer_position()).unwrap_or(offset);
                            kind.map_or(Frame::Skip, |kind| Frame::Rich {
                                node: parent,
                                kind,
                                start,
                            })
                        }
                        "arrowlink" => {
                            let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                            if let Some((_, dest)) =
                                attrs.into_iter().find(|(n, _)| n == "DESTINATION")
                                && let Some(node) = outline.nodes.get_mut(parent)
                            {
                                node.links.push((dest, offset));
                            }
                            Frame::Skip
                        }
                        "attribute" => {
                            let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                            let get = |k: &str| {
                                attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
                            };
                            if let (Some(n), Some(v)) = (get("NAME"), get("VALUE"))
                                && let Some(node) = outline.nodes.get_mut(parent)
                            {
                                if attr::is_own(&n) {
                                    node.attrs.push((n, v));
                                } else {
                                    node.attributes.push((n, v));
                                }
                            }
                            Frame::Skip
                        }
                        "icon" => {
                            let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                            if let Some((_, name)) = attrs.into_iter().find(|(n, _)| n == "BUILTIN")
                                && let Some(node) = outline.nodes.get_mut(parent)
                            {
                                node.tags.push(name);
                            }
                            Frame::Skip
                        }
                        "hook" => {
                            let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                            match attrs
                                .iter()
                                .find(|(n, _)| n == "NAME")
                                .map(|(_, v)| v.as_str())
                            {
                                Some("FirstGroupNode" | "SummaryNode") => {
                                    if let Some(node) = outline.nodes.get_mut(parent) {
                                        node.helper = true;
                                    }
                                }
                                Some("ExternalObject") => {
                                    let uri = attrs
                                        .iter()
                                        .find(|(n, _)| n == "URI")
                                        .map(|(_, v)| v.clone());
                                    if let Some(node) = outline.nodes.get_mut(parent) {
                                        node.image = uri;
                                    }
                                    dropped.count(Kept::Image, offset);
                                }
                                _ => {}
                            }
                            Frame::Skip
                        }
                        other => {
                            note_unknown(&mut unknown, warnings, other, "in een knoop", offset);
                            Frame::Skip
                        }
                    }
                }
                Some(Frame::Map) => {
                    note_unknown(&mut unknown, warnings, &name, "in de mindmap", offset);
                    Frame::Skip
                }
                Some(Frame::Skip | Frame::Rich { .. }) => Frame::Skip,
            };
            if empty {
                close(&mut outline, &frame, text, offset).map_err(|m| fail(offset, m))?;
            } else {
                stack.push(frame);
            }
            continue;
        }
        match event {
            Event::End(_) => {
                if let Some(frame) = stack.pop() {
                    if let Frame::Rich { start, .. } = frame
                        && text.get(start..offset).is_some_and(|m| m.contains("<img"))
                    {
                        dropped.count(Kept::Image, start);
                    }
                    close(&mut outline, &frame, text, offset).map_err(|m| fail(offset, m))?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    super::check_end(&fail, text, seen_map, stack.len(), "mindmap", "map")?;
    let helpers = remove_helpers(&mut outline);
    if let Some(first) = helpers.first() {
        dropped.helpers = (helpers.len(), *first);
    }
    dropped.report(file, text, warnings);
    Ok(outline)
}

/// What a map carries that Kompas shows only in part, counted for one warning per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    /// An image (an external object, or `<img>` in a note): named, not shown.
    Image,
}

/// Counts per kind, with where each kind was first met.
#[derive(Debug, Default)]
struct Dropped {
    counts: Vec<(Kept, usize, usize)>,
    /// Helper nodes left out, and the offset of the first.
    helpers: (usize, usize),
}

impl Dropped {
    fn count(&mut self, kind: Kept, offset: usize) {
        match self.counts.iter_mut().find(|(k, ..)| *k == kind) {
            Some((_, n, _)) => *n += 1,
            None => self.counts.push((kind, 1, offset)),
        }
    }

    /// One warning per kind, at its first place: nothing is dropped without a word.
    fn report(&self, file: &str, text: &str, warnings: &mut Vec<Problem>) {
        for &(kind, n, offset) in &self.counts {
            let message = match kind {
                Kept::Image => format!(
                    "{n} afbeelding(en) niet getoond; hun bestandsnaam staat bij het onderdeel"
                ),
            };
            warnings.push(Problem::at_offset(
                Severity::Warning,
                file,
                text,
                offset,
                message,
            ));
        }
        let (n, offset) = self.helpers;
        if n > 0 {
            warnings.push(Problem::at_offset(
                Severity::Warning,
                file,
                text,
                offset,
                format!(
                    "{n} hulpknoop/-knopen van Freeplane (groep of samenvatting, zonder tekst) overgeslagen"
                ),
            ));
        }
    }
}

/// Leaves out Freeplane's helper nodes (a group's start, a summary's brace) that hold no text
/// of their own; their children move up to the helper's parent. Returns the offsets of those
/// left out.
fn remove_helpers(outline: &mut Outline) -> Vec<usize> {
    let n = outline.nodes.len();
    let has_children = {
        let mut v = vec![false; n];
        for node in &outline.nodes {
            if let Some(p) = node.parent
                && let Some(slot) = v.get_mut(p)
            {
                *slot = true;
            }
        }
        v
    };
    let remove: Vec<bool> = outline
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            node.helper
                && node.parent.is_some()
                && node.text.trim().is_empty()
                && node.note.as_deref().is_none_or(|t| t.trim().is_empty())
                && node.hyperlink.is_none()
                && node.attributes.is_empty()
                && node.tags.is_empty()
                && node.image.is_none()
                && !has_children.get(i).copied().unwrap_or(false)
        })
        .collect();
    if !remove.contains(&true) {
        return Vec::new();
    }
    let mut new_index = vec![None; n];
    let mut next = 0;
    for (i, r) in remove.iter().enumerate() {
        if !r {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    let offsets = outline
        .nodes
        .iter()
        .zip(&remove)
        .filter(|(_, r)| **r)
        .map(|(node, _)| node.offset)
        .collect();
    let old = std::mem::take(&mut outline.nodes);
    outline.nodes = old
        .into_iter()
        .zip(remove)
        .filter(|(_, r)| !r)
        .map(|(mut node, _)| {
            node.parent = node
                .parent
                .and_then(|p| new_index.get(p).copied().flatten());
            node
        })
        .collect();
    offsets
}

/// Ends `frame`, which closes at byte `end`: a rich content's HTML, from its start to here,
/// becomes its node's text, note or details.
fn close(outline: &mut Outline, frame: &Frame, source: &str, end: usize) -> Result<(), String> {
    let &Frame::Rich { node, kind, start } = frame else {
        return Ok(());
    };
    let markup = source.get(start..end).unwrap_or_default();
    if markup.len() > MAX_TEXT_BYTES {
        return Err("een notitie is langer dan 1 MB".into());
    }
    let text = html::to_text(markup);
    if let Some(n) = outline.nodes.get_mut(node) {
        match kind {
            RichKind::Text => n.text = text,
            // A node with both keeps both: the details first, as Freeplane shows them.
            RichKind::Note => {
                n.note = Some(match n.note.take() {
                    Some(details) if !details.is_empty() => format!("{details}\n\n{text}"),
                    _ => text,
                });
            }
            RichKind::Details => {
                n.note = Some(match n.note.take() {
                    Some(note) if !note.is_empty() => format!("{text}\n\n{note}"),
                    _ => text,
                });
            }
        }
    }
    Ok(())
}

fn new_node(
    outline: &mut Outline,
    parent: Option<usize>,
    e: &BytesStart<'_>,
    offset: usize,
) -> Result<Frame, String> {
    let attrs = super::attributes(e)?;
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let depth = parent
        .and_then(|p| outline.nodes.get(p))
        .map_or(0, |n| n.depth + 1);
    outline.nodes.push(Node {
        parent,
        depth,
        // Older FreeMind and Freeplane files put HTML in the TEXT attribute itself.
        text: get("TEXT")
            .or_else(|| get("LOCALIZED_TEXT"))
            .map(|t| {
                if html::is_html_document(&t) {
                    html::to_text(&t)
                } else {
                    t
                }
            })
            .unwrap_or_default(),
        note: None,
        file_id: get("ID"),
        attrs: Vec::new(),
        color: get("BACKGROUND_COLOR"),
        links: Vec::new(),
        offset,
        hyperlink: get("LINK").filter(|l| !l.trim().is_empty()),
        attributes: Vec::new(),
        tags: Vec::new(),
        image: None,
        helper: false,
    });
    Ok(Frame::Node(outline.nodes.len() - 1))
}

/// The id a mind map gives an element: Freeplane wants an XML name, so "1.3" becomes
/// "ID_1.3"; the element's own id travels in a `kompas-id` attribute.
fn map_id(id: &str) -> String {
    format!("ID_{id}")
}

/// Writes the compass's tree as a Freeplane mind map: every element with its text as note,
/// its id, label and colour as attributes, related elements as arrows, and the compass's
/// title, levels and source on the root. The begrippenlijst and the pages beside the tree
/// have no place in a mind map and are left out (the caller says so).
pub fn write(kompas: &Kompas) -> String {
    let mut out = String::with_capacity(kompas.len() * 400);
    out.push_str("<map version=\"freeplane 1.9.13\">\n");
    out.push_str("<!-- Geschreven door Kompas. Attributen kompas-* bewaren ids, niveaus en gegevens van het kompas. -->\n");
    // Depth-first with an explicit stack: (element, closing?).
    let mut stack: Vec<(Ix, bool)> = vec![(kompas.root(), false)];
    while let Some((ix, closing)) = stack.pop() {
        let depth = kompas.element(ix).depth;
        let indent = " ".repeat(depth.min(32));
        if closing {
            out.push_str(&indent);
            out.push_str("</node>\n");
            continue;
        }
        write_node_open(kompas, ix, &indent, &mut out);
        stack.push((ix, true));
        for &child in kompas.children(ix).iter().rev() {
            stack.push((child, false));
        }
    }
    out.push_str("</map>\n");
    out
}

fn write_node_open(kompas: &Kompas, ix: Ix, indent: &str, out: &mut String) {
    use std::fmt::Write as _;
    let el = kompas.element(ix);
    let esc = super::escape_attr;
    let _ = write!(
        out,
        "{indent}<node TEXT=\"{}\" ID=\"{}\"",
        esc(&el.title),
        esc(&map_id(el.id.as_str()))
    );
    if let Some(c) = el.color {
        let _ = write!(
            out,
            " BACKGROUND_COLOR=\"{}\"",
            c.to_hex().to_ascii_lowercase()
        );
    }
    let carried = el.carried();
    if let Some(link) = &carried.link {
        let _ = write!(out, " LINK=\"{}\"", esc(link));
    }
    out.push_str(">\n");
    for tag in &carried.tags {
        let _ = writeln!(out, "{indent}<icon BUILTIN=\"{}\"/>", esc(tag));
    }
    if let Some(image) = &carried.image {
        let _ = writeln!(
            out,
            "{indent}<hook URI=\"{}\" NAME=\"ExternalObject\"/>",
            esc(image)
        );
    }
    let mut attribute = |name: &str, value: &str| {
        let _ = writeln!(
            out,
            "{indent}<attribute NAME=\"{}\" VALUE=\"{}\"/>",
            esc(name),
            esc(value)
        );
    };
    // The map's own attributes first, as Freeplane showed them.
    for (name, value) in &carried.attributes {
        attribute(name, value);
    }
    attribute(attr::ID, el.id.as_str());
    if let Some(label) = &el.label {
        attribute(attr::LABEL, label);
    }
    if let Some(c) = el.color {
        attribute(attr::COLOR, &c.to_hex());
    }
    if ix == kompas.root() {
        attribute(attr::TITLE, &kompas.meta.title);
        attribute(attr::MUNICIPALITY, &kompas.meta.municipality);
        attribute(attr::PERIOD, &kompas.meta.period);
        attribute(attr::SOURCE, &kompas.meta.source);
        for (i, level) in kompas.levels.iter().enumerate() {
            let key = format!("{}{}", attr::LEVEL_PREFIX, i + 1);
            attribute(&key, &level.name);
            attribute(&format!("{key}{}", attr::PLURAL_SUFFIX), &level.plural);
        }
    }
    if let Some(text) = &el.text {
        // HTML loses tabs, carriage returns, non-breaking spaces and notes of only spaces:
        // then the exact text travels beside the note.
        let html_loses =
            text.chars().any(|c| matches!(c, '\t' | '\r' | '\u{a0}')) || text.trim().is_empty();
        if html_loses {
            attribute(attr::TEXT, text);
        }
        let _ = writeln!(
            out,
            "{indent}<richcontent TYPE=\"NOTE\">\n{}\n{indent}</richcontent>",
            html::to_html(text)
        );
    }
    for target in super::related(kompas, ix) {
        let _ = writeln!(
            out,
            "{indent}<arrowlink DESTINATION=\"{}\"/>",
            esc(&map_id(kompas.element(target).id.as_str()))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"<map version="freeplane 1.9.13">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="Iedereen doet mee" ID="ID_100" CREATED="1" MODIFIED="2">
<hook NAME="MapStyle"><map_styles><stylenode LOCALIZED_TEXT="styles.root_node"><stylenode TEXT="x"/></stylenode></map_styles></hook>
<node TEXT="Wonen &amp; zorg" POSITION="right" ID="ID_200" BACKGROUND_COLOR="#f2c037">
<icon BUILTIN="yes"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>

  </head>
  <body>
    <p>
      Eerste regel
    </p>
    <p>
      Tweede&#160;&#160;regel &eacute;n meer
    </p>
  </body>
</html>
</richcontent>
<node ID="ID_210"><richcontent TYPE="NODE"><html><body><p>Rijke <b>tekst</b></p></body></html></richcontent></node>
<node TEXT="Regel 1&#xa;regel 2" ID="ID_220"><arrowlink DESTINATION="ID_300"/></node>
</node>
<node TEXT="Werk" ID="ID_300"><unknown-thing/></node>
</node>
</map>"##;

    #[test]
    fn a_freeplane_map_reads_with_notes_rich_text_and_links() {
        let mut warnings = Vec::new();
        let o = read_with_warnings(SAMPLE, "x.mm", &mut warnings).unwrap();
        let texts: Vec<&str> = o.nodes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Iedereen doet mee",
                "Wonen & zorg",
                "Rijke tekst",
                "Regel 1\nregel 2",
                "Werk"
            ]
        );
        assert_eq!(
            o.nodes[1].note.as_deref(),
            Some("Eerste regel\nTweede  regel én meer")
        );
        assert_eq!(o.nodes[3].links.len(), 1);
        assert_eq!(o.nodes[1].color.as_deref(), Some("#f2c037"));
        assert_eq!(o.nodes[4].depth, 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].to_string().contains("unknown-thing"));
        // The icon is a tag.
        assert_eq!(o.nodes[1].tags, ["yes"]);
        let loaded =
            super::super::to_kompas(&o, "x.mm", SAMPLE, &super::super::Defaults::default())
                .unwrap();
        let k = loaded.kompas;
        assert_eq!(k.sectors().len(), 2);
        let link_from = k.get("ID_220").unwrap();
        let to = k.get("ID_300").unwrap();
        assert_eq!(
            super::super::related(&k, link_from).collect::<Vec<_>>(),
            vec![to]
        );
    }

    /// Finding: hyperlinks, the tool's attributes, images and icons were dropped without a
    /// word (now they are fields of their own), and Freeplane's group and summary helpers became "(zonder tekst)" elements.
    #[test]
    fn what_a_node_carries_is_kept_or_counted_and_helpers_are_left_out() {
        let map = r#"<map version="freeplane 1.7.0">
<node TEXT="Kaart" ID="ID_1">
<node TEXT="Site" ID="ID_2" LINK="https://www.freeplane.org/">
<attribute NAME="eigenaar" VALUE="Anna"/>
<attribute NAME="kompas-label" VALUE="A"/>
</node>
<node TEXT="" ID="ID_3"><hook NAME="FirstGroupNode"/></node>
<node TEXT="Plaatje" ID="ID_4"><hook NAME="ExternalObject" URI="foto.png"/>
<richcontent TYPE="NOTE"><html><body><p>zie <img src="a.png"/> hier</p></body></html></richcontent>
</node>
<node TEXT="" ID="ID_5"><hook NAME="SummaryNode"/></node>
</node>
</map>"#;
        let mut warnings = Vec::new();
        let o = read_with_warnings(map, "x.mm", &mut warnings).unwrap();
        let texts: Vec<&str> = o.nodes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Kaart", "Site", "Plaatje"], "helpers left out");
        assert_eq!(o.nodes[1].note, None, "nothing put into the note");
        assert_eq!(
            o.nodes[1].hyperlink.as_deref(),
            Some("https://www.freeplane.org/")
        );
        assert_eq!(
            o.nodes[1].attributes,
            [("eigenaar".to_owned(), "Anna".to_owned())]
        );
        assert_eq!(o.nodes[1].attr("kompas-label"), Some("A"));
        assert_eq!(o.nodes[2].image.as_deref(), Some("foto.png"));
        assert_eq!(o.nodes[2].parent, Some(0));
        let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        for needle in ["2 afbeelding(en) niet getoond", "2 hulpknoop/-knopen"] {
            assert!(
                shown.iter().any(|w| w.contains(needle)),
                "{needle}: {shown:#?}"
            );
        }
    }

    #[test]
    fn broken_maps_name_the_place() {
        for (text, needle, line) in [
            ("<map><node TEXT=\"a\"></map>", "</node>", 1),
            ("<map>\n<node TEXT=\"a\">\n</nood></map>", "</node>", 3),
            ("<opml/>", "<map>", 1),
            ("", "geen <map>", 1),
            ("<map>\n<node TEXT=\"a\" TEXT=\"b\"/></map>", "attribuut", 2),
        ] {
            let err = read(text, "kapot.mm").unwrap_err();
            let shown = err.problems[0].to_string();
            assert!(shown.contains(needle), "{text:?}: {shown}");
            assert!(
                shown.starts_with(&format!("kapot.mm:{line}:")),
                "{text:?}: {shown}"
            );
        }
    }

    #[test]
    fn ten_thousand_levels_are_refused_without_overflowing_the_stack() {
        let deep = format!(
            "<map>{}{}</map>",
            "<node TEXT=\"x\">".repeat(10_000),
            "</node>".repeat(10_000)
        );
        let err = read(&deep, "diep.mm").unwrap_err();
        assert!(err.problems[0].message.contains("dieper"), "{err:?}");
    }
}
