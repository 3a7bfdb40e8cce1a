//! OPML outlines: `<opml><head><title>..</title></head><body><outline text="..">`. Notes are
//! read from `_note` (the attribute outliners such as OmniOutliner and Workflowy use).

use quick_xml::events::Event;

use super::{MAX_DEPTH, MAX_NODES, MAX_XML_DEPTH, Node, Outline, attr};
use crate::load::LoadError;
use crate::model::{Ix, Kompas};

/// What an open XML element is, while reading.
#[derive(Debug)]
enum Frame {
    Opml,
    Head,
    Title,
    Body,
    /// An outline, by node index; `None` for the synthetic root's place.
    Outline(usize),
    Skip,
}

/// Reads an OPML outline. When the body holds more than one top-level outline, they become
/// the sectors under a root named after the document's title.
///
/// # Errors
/// Invalid XML, a file that is no OPML, and the limits, each with line and column.
pub fn read(text: &str, file: &str) -> Result<Outline, LoadError> {
    read_outline(text, file)
}

/// What an outline carries beyond its text and note, in the file's order: every attribute
/// (a feed's `type`, `xmlUrl` and `htmlUrl`, a `description`), `title` only where it was not
/// taken for the text, and the attributes Kompas wrote in pairs because their names cannot be
/// XML's. `url` is the hyperlink and not among them.
fn carried_attributes(attrs: &[(String, String)], title_is_text: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = attrs
        .iter()
        .filter(|(n, _)| {
            let read_elsewhere = matches!(n.as_str(), "text" | "_note" | "url")
                || (title_is_text && n == "title")
                || attr::is_own(n);
            !read_elsewhere
        })
        .cloned()
        .collect();
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    for i in 1.. {
        let key = format!("{}{i}", attr::ATTRIBUTE_PREFIX);
        let Some(name) = get(&format!("{key}{}", attr::ATTRIBUTE_NAME)) else {
            break;
        };
        let value = get(&format!("{key}{}", attr::ATTRIBUTE_VALUE)).unwrap_or_default();
        out.push((name, value));
    }
    out
}

#[expect(
    clippy::too_many_lines,
    reason = "one XML event loop: its state (the outline stack) would be scattered if split"
)]
fn read_outline(text: &str, file: &str) -> Result<Outline, LoadError> {
    let fail = super::failure(file, text);
    let mut reader = super::xml_reader(text);
    let mut stack: Vec<Frame> = Vec::new();
    // Top-level outlines are read under a provisional root (index 0), dropped if there is
    // exactly one of them.
    let mut outline = Outline::default();
    outline.nodes.push(Node::default());
    let mut title = String::new();
    let mut seen_opml = false;
    let mut top_level = 0usize;
    loop {
        let (offset, event) = super::next_event(&mut reader, &fail)?;
        if let Some((e, empty)) = super::opening(&event) {
            if stack.len() >= MAX_XML_DEPTH {
                return Err(fail(
                    offset,
                    format!("de XML is dieper genest dan {MAX_XML_DEPTH} niveaus"),
                ));
            }
            let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            let frame = match (stack.last(), name.as_str()) {
                (None, "opml") => {
                    seen_opml = true;
                    Frame::Opml
                }
                (None, other) => {
                    return Err(fail(
                        offset,
                        format!("dit is geen OPML: het begint met <{other}> in plaats van <opml>"),
                    ));
                }
                (Some(Frame::Opml), "head") => Frame::Head,
                (Some(Frame::Opml), "body") => Frame::Body,
                (Some(Frame::Head), "title") => Frame::Title,
                (Some(Frame::Body | Frame::Outline(_)), "outline") => {
                    let parent = if let Some(Frame::Outline(p)) = stack.last() {
                        *p
                    } else {
                        top_level += 1;
                        0
                    };
                    let depth = outline.nodes.get(parent).map_or(0, |n| n.depth) + 1;
                    if depth > MAX_DEPTH {
                        return Err(fail(
                            offset,
                            format!(
                                "de outline is dieper dan {MAX_DEPTH} niveaus; een kompas heeft er hoogstens {MAX_DEPTH}"
                            ),
                        ));
                    }
                    if outline.nodes.len() > MAX_NODES {
                        return Err(fail(
                            offset,
                            format!("de outline heeft meer dan {MAX_NODES} onderdelen"),
                        ));
                    }
                    let attrs = super::attributes(e).map_err(|m| fail(offset, m))?;
                    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                    let links = get(attr::RELATED)
                        .map(|r| {
                            r.split_whitespace()
                                .map(|id| (id.to_owned(), offset))
                                .collect()
                        })
                        .unwrap_or_default();
                    let file_id = get(attr::ID);
                    let text = get("text");
                    let attributes = carried_attributes(&attrs, text.is_none());
                    let hyperlink = get("url").filter(|u| !u.trim().is_empty());
                    let tags = get(attr::TAGS)
                        .map(|t| t.split('\n').map(str::to_owned).collect())
                        .unwrap_or_default();
                    let image = get(attr::IMAGE);
                    outline.nodes.push(Node {
                        parent: Some(parent),
                        depth,
                        // The OPML spec allows encoded HTML in `text`; it is read as HTML,
                        // except in what Kompas wrote itself (its texts are verbatim).
                        text: text
                            .or_else(|| get("title"))
                            .map(|t| {
                                if file_id.is_none() && super::html::looks_like_html(&t) {
                                    super::html::to_text(&t)
                                } else {
                                    t
                                }
                            })
                            .unwrap_or_default(),
                        note: get("_note"),
                        file_id,
                        attrs: attrs.into_iter().filter(|(n, _)| attr::is_own(n)).collect(),
                        color: None,
                        links,
                        offset,
                        hyperlink,
                        attributes,
                        tags,
                        image,
                        helper: false,
                    });
                    Frame::Outline(outline.nodes.len() - 1)
                }
                _ => Frame::Skip,
            };
            if !empty {
                stack.push(frame);
            }
            continue;
        }
        match event {
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) if matches!(stack.last(), Some(Frame::Title)) => {
                title.push_str(
                    &t.decode()
                        .map_err(|e| fail(offset, format!("ongeldige tekst: {e}")))?,
                );
            }
            Event::GeneralRef(r) if matches!(stack.last(), Some(Frame::Title)) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    title.push(c);
                } else {
                    let name = r.decode().map(|n| n.into_owned()).unwrap_or_default();
                    title.push_str(super::html::entity(&name).unwrap_or(""));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    super::check_end(&fail, text, seen_opml, stack.len(), "OPML", "opml")?;
    if top_level == 0 {
        outline.nodes.clear();
    } else if top_level == 1 {
        // The single top-level outline is the root: drop the provisional one and shift.
        outline.nodes.remove(0);
        for n in &mut outline.nodes {
            n.depth -= 1;
            n.parent = n
                .parent
                .and_then(|p| p.checked_sub(1))
                .filter(|_| n.depth > 0);
        }
    } else if let Some(root) = outline.nodes.first_mut() {
        root.text = if title.trim().is_empty() {
            file.to_owned()
        } else {
            title.trim().to_owned()
        };
    }
    let title = title.trim();
    outline.title = (!title.is_empty()).then(|| title.to_owned());
    Ok(outline)
}

/// Writes the compass's tree as OPML 2.0: `text` is the title, `_note` the longer text, and
/// `kompas-*` attributes keep ids, labels, colours, related elements and, on the top outline,
/// the compass's levels and source.
pub fn write(kompas: &Kompas) -> String {
    use std::fmt::Write as _;
    let esc = super::escape_attr;
    let mut out = String::with_capacity(kompas.len() * 300);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head>\n<title>{}</title>\n</head>\n<body>\n",
        super::html::escape_text(&kompas.meta.title)
    );
    let mut stack: Vec<(Ix, bool)> = vec![(kompas.root(), false)];
    while let Some((ix, closing)) = stack.pop() {
        let el = kompas.element(ix);
        let indent = " ".repeat(el.depth.min(32));
        if closing {
            let _ = writeln!(out, "{indent}</outline>");
            continue;
        }
        let _ = write!(out, "{indent}<outline text=\"{}\"", esc(&el.title));
        if let Some(text) = &el.text {
            let _ = write!(out, " _note=\"{}\"", esc(text));
            // A note of only spaces is taken for an empty one; the exact text says it is not.
            if text.trim().is_empty() {
                let _ = write!(out, " {}=\"{}\"", attr::TEXT, esc(text));
            }
        }
        let _ = write!(out, " {}=\"{}\"", attr::ID, esc(el.id.as_str()));
        if let Some(label) = &el.label {
            let _ = write!(out, " {}=\"{}\"", attr::LABEL, esc(label));
        }
        if let Some(c) = el.color {
            let _ = write!(out, " {}=\"{}\"", attr::COLOR, c.to_hex());
        }
        let related: Vec<String> = super::related(kompas, ix)
            .map(|t| kompas.element(t).id.to_string())
            .collect();
        if !related.is_empty() {
            let _ = write!(out, " {}=\"{}\"", attr::RELATED, esc(&related.join(" ")));
        }
        write_carried(el.carried(), &mut out);
        if ix == kompas.root() {
            for (name, value) in [
                (attr::TITLE, &kompas.meta.title),
                (attr::MUNICIPALITY, &kompas.meta.municipality),
                (attr::PERIOD, &kompas.meta.period),
                (attr::SOURCE, &kompas.meta.source),
            ] {
                let _ = write!(out, " {name}=\"{}\"", esc(value));
            }
            for (i, level) in kompas.levels.iter().enumerate() {
                let key = format!("{}{}", attr::LEVEL_PREFIX, i + 1);
                let _ = write!(
                    out,
                    " {key}=\"{}\" {key}{}=\"{}\"",
                    esc(&level.name),
                    attr::PLURAL_SUFFIX,
                    esc(&level.plural)
                );
            }
        }
        let children = kompas.children(ix);
        if children.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            stack.push((ix, true));
            for &child in children.iter().rev() {
                stack.push((child, false));
            }
        }
    }
    out.push_str("</body>\n</opml>\n");
    out
}

/// The element's hyperlink as `url` and its attributes under their own names; from the
/// first name that cannot be an XML attribute's ("birth date") or is taken, the rest travel
/// as `kompas-attribuut-N` pairs, which are read after the others, so the order holds. Icons
/// and the image travel in `kompas-pictogrammen` and `kompas-afbeelding`.
fn write_carried(carried: &crate::model::Carried, out: &mut String) {
    use std::fmt::Write as _;
    let esc = super::escape_attr;
    // `url` is always the hyperlink; an attribute of that name is a pair.
    let mut used: Vec<&str> = vec!["text", "_note", "url"];
    if let Some(link) = &carried.link {
        let _ = write!(out, " url=\"{}\"", esc(link));
    }
    let mut pairs = 0;
    for (name, value) in &carried.attributes {
        if pairs == 0
            && is_xml_name(name)
            && !name.starts_with("kompas-")
            && !used.contains(&name.as_str())
        {
            let _ = write!(out, " {name}=\"{}\"", esc(value));
            used.push(name);
        } else {
            pairs += 1;
            let key = format!("{}{pairs}", attr::ATTRIBUTE_PREFIX);
            let _ = write!(
                out,
                " {key}{}=\"{}\" {key}{}=\"{}\"",
                attr::ATTRIBUTE_NAME,
                esc(name),
                attr::ATTRIBUTE_VALUE,
                esc(value)
            );
        }
    }
    if !carried.tags.is_empty() {
        let _ = write!(out, " {}=\"{}\"", attr::TAGS, esc(&carried.tags.join("\n")));
    }
    if let Some(image) = &carried.image {
        let _ = write!(out, " {}=\"{}\"", attr::IMAGE, esc(image));
    }
}

/// Whether `name` can be written as an attribute's name (ASCII letters, digits, `_`, `-`, `.`,
/// not starting with a digit, `-` or `.`; no namespaces).
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        // Names starting "xml" are reserved but common ("xmlUrl"); a namespace declaration
        // is not an attribute.
        && !name.starts_with("xmlns")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_top_level_outlines_share_a_root_named_after_the_title() {
        let text = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>Beleid &amp; zo</title></head><body>
<outline text="Zorg" _note="Uitleg&#10;tweede regel"><outline text="Thuis"/></outline>
<outline text="Werk"><outline text="Banen"/></outline>
</body></opml>"#;
        let o = read(text, "x.opml").unwrap();
        let texts: Vec<&str> = o.nodes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Beleid & zo", "Zorg", "Thuis", "Werk", "Banen"]);
        assert_eq!(o.nodes[1].note.as_deref(), Some("Uitleg\ntweede regel"));
        assert_eq!(o.nodes[4].parent, Some(3));
    }

    #[test]
    fn one_top_level_outline_is_the_root() {
        let text = r#"<opml><body><outline text="Doel"><outline text="A"><outline text="A1"/></outline></outline></body></opml>"#;
        let o = read(text, "x.opml").unwrap();
        let shape: Vec<(Option<usize>, usize)> =
            o.nodes.iter().map(|n| (n.parent, n.depth)).collect();
        assert_eq!(shape, [(None, 0), (Some(0), 1), (Some(1), 2)]);
    }

    #[test]
    fn an_empty_body_and_broken_xml_are_clear_errors() {
        let o = read("<opml><body/></opml>", "leeg.opml").unwrap();
        let err = super::super::to_def(&o, "leeg.opml", "", &super::super::Defaults::default())
            .unwrap_err();
        assert!(err.problems[0].to_string().contains("leeg"));
        let err = read(
            "<opml><body><outline text=\"a\"></body></opml>",
            "kapot.opml",
        )
        .unwrap_err();
        assert!(
            err.problems[0].to_string().starts_with("kapot.opml:1:"),
            "{err:?}"
        );
    }
}
