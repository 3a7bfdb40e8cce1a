//! Mind maps and outlines in and out: FreeMind/Freeplane `.mm` and OPML.
//!
//! Both readers turn a file into a flat [`Outline`] (no recursion anywhere, so 10 000 levels of
//! nesting cannot overflow the stack), which [`to_kompas`] turns into a compass: the root is the
//! top goal, its children the sectors, deeper nodes the next levels. What a mind map cannot say
//! (level names, the compass's title, stable ids) travels in `kompas-*` attributes, which the
//! writers add, so a compass survives the trip to a mind-map tool and back.

pub mod freeplane;
pub mod html;
pub mod opml;

use foldhash::{HashMap, HashSet, HashSetExt as _};
use std::path::Path;

use crate::format::{ElementDef, FORMAT_VERSION, KompasDef, LevelDef};
use crate::load::{self, LoadError, Loaded, is_valid_id};
use crate::model::Rgb;
use crate::problem::{Problem, Severity};

/// Deepest tree a mind map may have; a compass with more levels is not a compass.
pub const MAX_DEPTH: usize = 64;
/// Deepest XML nesting read (HTML notes nest deeper than nodes).
pub const MAX_XML_DEPTH: usize = 1024;
/// Most nodes read from one file.
pub const MAX_NODES: usize = 1_000_000;
/// Longest text of one node or note, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// Attribute names Kompas writes and reads on nodes (Freeplane attributes, OPML attributes).
pub mod attr {
    /// The element's stable id.
    pub const ID: &str = "kompas-id";
    /// The number the document shows ("1.3").
    pub const LABEL: &str = "kompas-label";
    /// The element's colour (#RRGGBB).
    pub const COLOR: &str = "kompas-kleur";
    /// OPML only: ids of related elements, separated by spaces.
    pub const RELATED: &str = "kompas-gerelateerd";
    /// OPML only: the element's longer text, when the outline has no `_note`.
    pub const TEXT: &str = "kompas-tekst";
    /// On the root: the compass's title.
    pub const TITLE: &str = "kompas-titel";
    /// On the root: the municipality.
    pub const MUNICIPALITY: &str = "kompas-gemeente";
    /// On the root: the period.
    pub const PERIOD: &str = "kompas-periode";
    /// On the root: the source.
    pub const SOURCE: &str = "kompas-bron";
    /// On the root: `kompas-niveau-1` … the level names from the top.
    pub const LEVEL_PREFIX: &str = "kompas-niveau-";
    /// Suffix of a level's plural: `kompas-niveau-2-meervoud`.
    pub const PLURAL_SUFFIX: &str = "-meervoud";
    /// OPML only: `kompas-attribuut-1-naam` and `-waarde` carry an attribute whose name
    /// cannot be an XML attribute's ("birth date").
    pub const ATTRIBUTE_PREFIX: &str = "kompas-attribuut-";
    /// Suffix of a carried attribute's name.
    pub const ATTRIBUTE_NAME: &str = "-naam";
    /// Suffix of a carried attribute's value.
    pub const ATTRIBUTE_VALUE: &str = "-waarde";
    /// OPML only: the element's icons, one per line.
    pub const TAGS: &str = "kompas-pictogrammen";
    /// OPML only: the element's image.
    pub const IMAGE: &str = "kompas-afbeelding";

    /// Whether `name` is one of the attributes above (Kompas's own), not the map's.
    pub fn is_own(name: &str) -> bool {
        [
            ID,
            LABEL,
            COLOR,
            RELATED,
            TEXT,
            TITLE,
            MUNICIPALITY,
            PERIOD,
            SOURCE,
            TAGS,
            IMAGE,
        ]
        .contains(&name)
            || name.starts_with(LEVEL_PREFIX)
            || name.starts_with(ATTRIBUTE_PREFIX)
    }
}

/// One node as read, flat: its parent comes before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    /// Index of the parent in [`Outline::nodes`]; `None` for the root.
    pub parent: Option<usize>,
    /// 0 for the root.
    pub depth: usize,
    /// The node's text, verbatim.
    pub text: String,
    /// Its note as plain text.
    pub note: Option<String>,
    /// The file's own id for the node (`ID` in a mind map), which links point at.
    pub file_id: Option<String>,
    /// `kompas-*` attributes (name, value).
    pub attrs: Vec<(String, String)>,
    /// Background colour given by the tool, if any.
    pub color: Option<String>,
    /// File ids this node links to.
    pub links: Vec<(String, usize)>,
    /// The node's hyperlink (`LINK` in a mind map, `url` in an outline).
    pub hyperlink: Option<String>,
    /// The tool's own attributes (name, value), in the file's order.
    pub attributes: Vec<(String, String)>,
    /// Named icons.
    pub tags: Vec<String>,
    /// An image shown on the node, by its address.
    pub image: Option<String>,
    /// A tool's helper node (Freeplane's group start or summary brace), not content.
    pub helper: bool,
    /// Byte offset of the node in the file, for messages.
    pub offset: usize,
}

impl Node {
    /// The value of a `kompas-*` attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A mind map or outline as read: nodes in document order (pre-order), root first.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// The nodes.
    pub nodes: Vec<Node>,
    /// A title the file gives outside the tree (OPML's `<head><title>`).
    pub title: Option<String>,
}

/// What a file is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A folder with `kompas.ron`, or one `.ron` file.
    Ron,
    /// FreeMind/Freeplane `.mm`.
    MindMap,
    /// OPML outline.
    Opml,
}

impl Format {
    /// The format of `path`, from its extension (a folder is RON).
    pub fn of(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("mm") => Self::MindMap,
            Some("opml") => Self::Opml,
            _ => Self::Ron,
        }
    }
}

/// Opens any compass: a folder, a `.ron` file, a `.mm` mind map or an `.opml` outline.
///
/// # Errors
/// Every problem found, with file and place.
pub fn open(path: &Path) -> Result<Loaded, LoadError> {
    match Format::of(path) {
        Format::Ron => load::load_path(path),
        Format::MindMap | Format::Opml => import(path, &Defaults::for_file(path)),
    }
}

/// Reads a `.mm` or `.opml` file (by its extension; anything else is read as OPML) into a
/// compass, with `defaults` where the file says nothing.
///
/// # Errors
/// Every problem found, with file and place.
pub fn import(path: &Path, defaults: &Defaults) -> Result<Loaded, LoadError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // XML may be in any encoding its declaration names (ISO-8859-1 OPML is common).
    let text = crate::fsio::read_bytes(path, crate::source::MAX_FILE_BYTES)
        .and_then(crate::fsio::xml_text_of)
        .map_err(|e| LoadError {
            problems: vec![Problem::file_error(&name, e.to_string())],
        })?;
    // The reader's warnings (a second root, unknown elements) are the user's to see too.
    let mut warnings = Vec::new();
    let outline = match Format::of(path) {
        Format::MindMap => freeplane::read_with_warnings(&text, &name, &mut warnings)?,
        Format::Opml | Format::Ron => opml::read(&text, &name)?,
    };
    let bare = bare_ampersands(&text);
    if let Some(&first) = bare.first() {
        warnings.push(Problem::at_offset(
            Severity::Warning,
            &name,
            &text,
            first,
            format!(
                "{} losse \"&\" in attribuutwaarden (hoort \"&amp;\" te zijn) als tekst gelezen; de eerste staat hier",
                bare.len()
            ),
        ));
    }
    match to_kompas(&outline, &name, &text, defaults) {
        Ok(mut loaded) => {
            warnings.append(&mut loaded.warnings);
            loaded.warnings = warnings;
            Ok(loaded)
        }
        Err(mut e) => {
            warnings.append(&mut e.problems);
            Err(LoadError { problems: warnings })
        }
    }
}

/// What an import falls back on where the file says nothing.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// Level names from the top, when the file has none.
    pub levels: Vec<String>,
    /// Title, when the file has none (the file name, say).
    pub title: String,
}

impl Defaults {
    /// Defaults for a file: its name (without extension) as title.
    pub fn for_file(path: &Path) -> Self {
        Self {
            levels: Vec::new(),
            title: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// Level names where neither the file nor the user gives any: a goal, its themes, their goals,
/// and so on; beyond six levels they are numbered.
pub fn default_level(depth: usize) -> (String, String) {
    let names = [
        ("Einddoel", "Einddoelen"),
        ("Thema", "Thema's"),
        ("Doel", "Doelen"),
        ("Subdoel", "Subdoelen"),
        ("Inspanning", "Inspanningen"),
        ("Actie", "Acties"),
    ];
    names.get(depth).map_or_else(
        || {
            let n = format!("Niveau {}", depth + 1);
            (n.clone(), n)
        },
        |(s, p)| ((*s).to_owned(), (*p).to_owned()),
    )
}

/// Turns an outline into a compass, checked like a RON compass; `text` is the file's text, for
/// placing messages.
///
/// # Errors
/// Every problem that stops the compass from being used.
pub fn to_kompas(
    outline: &Outline,
    file: &str,
    text: &str,
    defaults: &Defaults,
) -> Result<Loaded, LoadError> {
    let (def, warnings) = to_def(outline, file, text, defaults)?;
    load::load_def(def, file, warnings)
}

/// Turns an outline into compass definitions, with the warnings found on the way.
///
/// # Errors
/// An empty outline.
#[expect(
    clippy::too_many_lines,
    reason = "one pass that turns the outline into compass definitions, checking as it goes"
)]
pub fn to_def(
    outline: &Outline,
    file: &str,
    text: &str,
    defaults: &Defaults,
) -> Result<(KompasDef, Vec<Problem>), LoadError> {
    let mut warnings = Vec::new();
    let Some(root) = outline.nodes.first() else {
        return Err(LoadError {
            problems: vec![Problem::file_error(
                file,
                "de mindmap is leeg: er staat geen enkele knoop in",
            )],
        });
    };
    let warn = |warnings: &mut Vec<Problem>, node: &Node, message: String| {
        warnings.push(Problem::at_offset(
            Severity::Warning,
            file,
            text,
            node.offset,
            message,
        ));
    };
    let labels = positional_labels(outline);
    let ids = assign_ids(outline, &labels, file, text, &mut warnings);
    let max_depth = outline.nodes.iter().map(|n| n.depth).max().unwrap_or(0);

    // Level names: the file's, else the caller's, else sensible defaults.
    let mut levels = Vec::new();
    for depth in 0..=max_depth {
        let key = format!("{}{}", attr::LEVEL_PREFIX, depth + 1);
        let plural_key = format!("{key}{}", attr::PLURAL_SUFFIX);
        let (default_name, default_plural) = default_level(depth);
        let (name, plural) = match (root.attr(&key), defaults.levels.get(depth)) {
            (Some(n), _) => (n.to_owned(), root.attr(&plural_key).unwrap_or(n).to_owned()),
            (None, Some(n)) => (n.clone(), n.clone()),
            (None, None) => (default_name, default_plural),
        };
        levels.push(LevelDef {
            plural: (plural != name).then_some(plural),
            name,
        });
    }

    // Elements, built bottom-up without recursion: children come after their parent.
    let mut defs: Vec<Option<ElementDef>> = Vec::with_capacity(outline.nodes.len());
    let mut children: Vec<Vec<ElementDef>> = vec![Vec::new(); outline.nodes.len()];
    let file_ids: HashMap<&str, usize> = outline
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.file_id.as_deref().map(|f| (f, i)))
        .collect();
    for (i, node) in outline.nodes.iter().enumerate() {
        let title = if node.text.trim().is_empty() {
            warn(
                &mut warnings,
                node,
                "knoop zonder tekst; getoond als '(zonder tekst)'".into(),
            );
            "(zonder tekst)".to_owned()
        } else {
            node.text.clone()
        };
        let color = node
            .attr(attr::COLOR)
            .or(node.color.as_deref())
            .and_then(|c| Rgb::parse_hex(c).map(Rgb::to_hex));
        let mut related = Vec::new();
        for (target, offset) in &node.links {
            match file_ids.get(target.as_str()).and_then(|&t| ids.get(t)) {
                Some(t) if *t == ids[i] => {}
                Some(t) => {
                    if !related.contains(t) {
                        related.push(t.clone());
                    }
                }
                None => warnings.push(Problem::at_offset(
                    Severity::Warning,
                    file,
                    text,
                    *offset,
                    format!("de pijl wijst naar '{target}', een knoop die niet bestaat; genegeerd"),
                )),
            }
        }
        let note = exact_text(node);
        defs.push(Some(ElementDef {
            id: ids[i].clone(),
            level: None,
            // A node Kompas wrote has its label, or none; others get their place as one.
            label: node.attr(attr::LABEL).map(str::to_owned).or_else(|| {
                node.attr(attr::ID)
                    .is_none()
                    .then(|| labels[i].clone())
                    .flatten()
            }),
            title,
            text: note,
            color,
            related,
            link: node.hyperlink.clone(),
            attributes: node.attributes.clone(),
            tags: node.tags.clone(),
            image: node.image.clone(),
            children: Vec::new(),
        }));
    }
    for i in (0..outline.nodes.len()).rev() {
        let Some(mut def) = defs.get_mut(i).and_then(Option::take) else {
            continue;
        };
        let mut own = std::mem::take(&mut children[i]);
        own.reverse();
        def.children = own;
        match outline.nodes[i].parent {
            Some(p) if p < i => children[p].push(def),
            _ => defs[i] = Some(def),
        }
    }
    let Some(Some(root_def)) = defs.into_iter().next() else {
        return Err(LoadError {
            problems: vec![Problem::file_error(
                file,
                "de mindmap heeft geen hoofdknoop",
            )],
        });
    };
    let title = root
        .attr(attr::TITLE)
        .map(str::to_owned)
        .or_else(|| outline.title.clone().filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| {
            if defaults.title.is_empty() {
                root_def.title.clone()
            } else {
                defaults.title.clone()
            }
        });
    let def = KompasDef {
        format: FORMAT_VERSION,
        title,
        municipality: root.attr(attr::MUNICIPALITY).unwrap_or_default().to_owned(),
        period: root.attr(attr::PERIOD).unwrap_or_default().to_owned(),
        source: root
            .attr(attr::SOURCE)
            .map_or_else(|| format!("geïmporteerd uit {file}"), str::to_owned),
        levels,
        root: root_def,
        include: Vec::new(),
        begrippen: Vec::new(),
    };
    Ok((def, warnings))
}

/// Ids for every node: the `kompas-id` written by Kompas, else the file's own stable id, else
/// one made from the position ("1.3.2"), so an outline without ids still loads. The first two
/// stay the same when the map is edited, so notes keep their element.
fn assign_ids(
    outline: &Outline,
    labels: &[Option<String>],
    file: &str,
    text: &str,
    warnings: &mut Vec<Problem>,
) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut ids: Vec<Option<String>> = Vec::with_capacity(outline.nodes.len());
    for node in &outline.nodes {
        let given = node
            .attr(attr::ID)
            .filter(|id| is_valid_id(id))
            .or_else(|| node.file_id.as_deref().filter(|id| is_valid_id(id)));
        match given {
            Some(id) if used.insert(id.to_owned()) => ids.push(Some(id.to_owned())),
            Some(id) => {
                warnings.push(Problem::at_offset(
                    Severity::Warning,
                    file,
                    text,
                    node.offset,
                    format!("id '{id}' komt vaker voor; deze knoop krijgt een nieuwe id"),
                ));
                ids.push(None);
            }
            None => ids.push(None),
        }
    }
    ids.into_iter()
        .zip(labels)
        .map(|(id, label)| {
            id.unwrap_or_else(|| {
                let base = label.clone().unwrap_or_else(|| "0".to_owned());
                let mut candidate = base.clone();
                let mut n = 2;
                while !used.insert(candidate.clone()) {
                    candidate = format!("{base}-{n}");
                    n += 1;
                }
                candidate
            })
        })
        .collect()
}

/// "1", "1.3", "1.3.2": each node's place under the root (the root has none).
fn positional_labels(outline: &Outline) -> Vec<Option<String>> {
    let mut labels: Vec<Option<String>> = Vec::with_capacity(outline.nodes.len());
    let mut counts: Vec<usize> = vec![0; outline.nodes.len()];
    for node in &outline.nodes {
        let label = node.parent.and_then(|p| {
            let n = counts.get_mut(p)?;
            *n += 1;
            Some(match labels.get(p)? {
                Some(parent) => format!("{parent}.{n}"),
                None => n.to_string(),
            })
        });
        labels.push(label);
    }
    labels
}

/// Reads attributes of a start tag as (name, unescaped value); a broken attribute is an error
/// at the tag.
pub(crate) fn attributes(
    e: &quick_xml::events::BytesStart<'_>,
) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("ongeldig attribuut: {err}"))?;
        let name = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        // A bare "&" (common in feed lists: "?a=1&b=2") is read as text, as feed readers do;
        // the import warns at its place (see `bare_ampersands`).
        let value: std::borrow::Cow<'_, str> =
            match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => v,
                Err(err) => lenient_value(&String::from_utf8_lossy(&a.value))
                    .ok_or_else(|| format!("ongeldige waarde van attribuut {name}: {err}"))?
                    .into(),
            };
        if value.len() > MAX_TEXT_BYTES {
            return Err(format!(
                "attribuut {name} is langer dan {} MB",
                MAX_TEXT_BYTES / 1024 / 1024
            ));
        }
        out.push((name, value.into_owned()));
    }
    Ok(out)
}

/// An attribute value with its references decoded and any "&" that starts none kept as text;
/// white space normalised as XML does for attributes.
fn lenient_value(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at].replace(['\t', '\n', '\r'], " "));
        let after = &rest[at + 1..];
        let end = reference_end(after);
        if let Some(end) = end {
            let name = &after[..end];
            let c = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32).map(String::from)
            } else {
                html::entity(name).map(str::to_owned)
            };
            // A reference to nothing known is broken XML, not a stray character.
            out.push_str(&c?);
            rest = &after[end + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(&rest.replace(['\t', '\n', '\r'], " "));
    Some(out)
}

/// Where the ";" of a reference ("amp;", "#233;", "#x26;") at the start of `after` is: `None`
/// when the "&" before it starts no reference at all.
fn reference_end(after: &str) -> Option<usize> {
    after.find(';').filter(|&e| e > 0 && e <= 32).filter(|&e| {
        let name = &after[..e];
        name.starts_with('#') || name.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// Byte offsets of each "&" inside a tag's quoted value that starts no reference (`&amp;`,
/// `&#38;`, `&#x26;`, a named entity): what [`attributes`] reads as text.
pub(crate) fn bare_ampersands(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (in_tag, quote, b) {
            (false, _, b'<') => {
                let rest = &bytes[i..];
                in_tag = !rest.starts_with(b"<!--") && !rest.starts_with(b"<![CDATA[");
            }
            (true, None, b'"' | b'\'') => quote = Some(b),
            (true, Some(q), _) if b == q => quote = None,
            (true, None, b'>') => in_tag = false,
            (true, Some(_), b'&') => {
                let after = text.get(i + 1..).unwrap_or_default();
                // "&name;" and "&#…;" are references (an unknown one is refused as broken).
                let ok = reference_end(after).is_some();
                if !ok {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    out
}

/// A reader over a whole file's text that checks that end tags match.
pub(crate) fn xml_reader(text: &str) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader
}

/// How a reader reports a fatal problem: an error at a byte offset of `text` in `file`.
pub(crate) fn failure<'a>(
    file: &'a str,
    text: &'a str,
) -> impl Fn(usize, String) -> LoadError + 'a {
    move |offset, message| LoadError {
        problems: vec![Problem::at_offset(
            Severity::Error,
            file,
            text,
            offset,
            message,
        )],
    }
}

/// The next event and the byte offset where it starts; an XML error becomes a Dutch message
/// at the place the parser stopped.
pub(crate) fn next_event<'a>(
    reader: &mut quick_xml::Reader<&'a [u8]>,
    fail: &impl Fn(usize, String) -> LoadError,
) -> Result<(usize, quick_xml::events::Event<'a>), LoadError> {
    let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
    match reader.read_event() {
        Ok(e) => Ok((offset, e)),
        Err(e) => {
            let at = usize::try_from(reader.error_position()).unwrap_or(offset);
            Err(fail(at, xml_message(&e)))
        }
    }
}

/// The tag of a start or empty element, and whether it is empty (closes at once).
pub(crate) fn opening<'e, 'a>(
    event: &'e quick_xml::events::Event<'a>,
) -> Option<(&'e quick_xml::events::BytesStart<'a>, bool)> {
    match event {
        quick_xml::events::Event::Start(e) => Some((e, false)),
        quick_xml::events::Event::Empty(e) => Some((e, true)),
        _ => None,
    }
}

/// The end of a file: it must have had its root element (`<map>`, `<opml>`), and every
/// element must be closed.
pub(crate) fn check_end(
    fail: &impl Fn(usize, String) -> LoadError,
    text: &str,
    seen_root: bool,
    open_elements: usize,
    what: &str,
    root_tag: &str,
) -> Result<(), LoadError> {
    if !seen_root {
        return Err(fail(
            0,
            format!("dit is geen {what}: er staat geen <{root_tag}> in (leeg bestand?)"),
        ));
    }
    if open_elements > 0 {
        return Err(fail(
            text.len(),
            "het bestand houdt op voordat alle elementen zijn afgesloten".into(),
        ));
    }
    Ok(())
}

/// The elements `ix` names as related ("also relates to").
pub(crate) fn related(
    kompas: &crate::model::Kompas,
    ix: crate::model::Ix,
) -> impl Iterator<Item = crate::model::Ix> {
    kompas
        .links_from(ix)
        .into_iter()
        .filter(|(kind, _)| *kind == crate::model::LinkKind::Related)
        .map(|(_, to)| to)
}

/// A Dutch sentence for an XML error.
pub(crate) fn xml_message(err: &quick_xml::Error) -> String {
    use quick_xml::errors::IllFormedError as I;
    match err {
        quick_xml::Error::IllFormed(I::MissingEndTag(name)) => {
            format!("het element <{name}> wordt niet afgesloten (</{name}> ontbreekt)")
        }
        quick_xml::Error::IllFormed(I::UnmatchedEndTag(name)) => {
            format!("</{name}> sluit niets af")
        }
        quick_xml::Error::IllFormed(I::MismatchedEndTag { expected, found }) => {
            format!("hier wordt </{expected}> verwacht, maar er staat </{found}>")
        }
        quick_xml::Error::Syntax(e) => format!("ongeldige XML: {e}"),
        other => format!("ongeldige XML: {other}"),
    }
}

/// Escapes text for an XML attribute value, keeping line breaks and tabs as character
/// references (a literal newline in an attribute would read back as a space).
pub(crate) fn escape_attr(s: &str) -> String {
    html::escape(s, true)
}

/// The element's longer text: the note as the file shows it, but the exact text Kompas wrote
/// beside it (`kompas-tekst`) when the note still says the same; a note edited in a mind-map
/// tool wins. HTML cannot carry tabs, carriage returns, non-breaking spaces or a note of only
/// spaces, which is why the attribute is there.
fn exact_text(node: &Node) -> Option<String> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match (&node.note, node.attr(attr::TEXT)) {
        (Some(note), Some(exact)) if squash(note) == squash(exact) => Some(exact.to_owned()),
        (Some(note), _) => Some(note.clone()).filter(|n| !n.trim().is_empty()),
        (None, Some(exact)) => Some(exact.to_owned()),
        (None, None) => None,
    }
}

/// True for a character XML 1.0 allows in a document at all (not even a character reference
/// can carry the others).
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Elements whose texts hold characters XML 1.0 does not allow (control characters): a mind
/// map with them would not open in Freeplane. The exporters replace them with U+FFFD; the
/// command line refuses to export until they are gone.
pub fn xml_problems(kompas: &crate::model::Kompas) -> Vec<String> {
    let bad = |s: &str| s.chars().find(|&c| !xml_allows(c));
    let mut out = Vec::new();
    for ix in kompas.document_order() {
        let el = kompas.element(ix);
        let mut texts = std::iter::once(&el.title)
            .chain(el.text.as_ref())
            .chain(el.label.as_ref());
        if let Some(c) = texts.find_map(|t| bad(t)) {
            out.push(format!(
                "{} ({}): teken U+{:04X} mag niet in XML",
                kompas.short_name(ix),
                el.id,
                u32::from(c)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finding: a bare "&" in an attribute (80 of 118 OPML files of a public feed collection)
    /// refused the whole file, and the error pointed at the start of the tag.
    #[test]
    fn a_bare_ampersand_in_an_attribute_is_text_with_a_warning_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.opml");
        let opml = "<opml version=\"2.0\"><head><title>Feeds</title></head><body>\n\
                    <outline text=\"Nieuws &amp; meer\" xmlUrl=\"http://x/rss?a=1&b=2\"/>\n\
                    <outline text=\"R&D &#233;n &eacute;\"/>\n</body></opml>";
        std::fs::write(&path, opml).unwrap();
        let loaded = import(&path, &Defaults::for_file(&path)).unwrap();
        let k = &loaded.kompas;
        let titles: Vec<&str> = k
            .sectors()
            .iter()
            .map(|&s| k.element(s).title.as_str())
            .collect();
        assert_eq!(titles, ["Nieuws & meer", "R&D én é"]);
        assert_eq!(
            k.element(k.sectors()[0]).carried().attributes,
            [("xmlUrl".to_owned(), "http://x/rss?a=1&b=2".to_owned())]
        );
        let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        let w = shown
            .iter()
            .find(|w| w.contains("losse"))
            .expect("a warning");
        // Line 2, at the "&" itself, not at the start of the tag.
        let col = opml.lines().nth(1).unwrap().find("&b").unwrap() + 1;
        assert!(w.starts_with(&format!("feeds.opml:2:{col}")), "{w}");
        assert!(w.contains("2 losse"), "{w}");
    }

    fn node(parent: Option<usize>, depth: usize, text: &str) -> Node {
        Node {
            parent,
            depth,
            text: text.into(),
            ..Node::default()
        }
    }

    #[test]
    fn positions_become_labels_and_ids_when_the_file_has_none() {
        let outline = Outline {
            nodes: vec![
                node(None, 0, "Doel"),
                node(Some(0), 1, "A"),
                node(Some(1), 2, "A1"),
                node(Some(1), 2, "A2"),
                node(Some(0), 1, "B"),
                node(Some(4), 2, "B1"),
            ],
            title: None,
        };
        let (def, warnings) = to_def(&outline, "x.opml", "", &Defaults::default()).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(def.root.id, "0");
        assert_eq!(def.root.children[0].children[1].id, "1.2");
        assert_eq!(
            def.root.children[1].children[0].label.as_deref(),
            Some("2.1")
        );
        assert_eq!(def.levels.len(), 3);
        assert_eq!(def.levels[1].name, "Thema");
        assert_eq!(def.title, "Doel");
    }

    #[test]
    fn given_ids_win_and_duplicates_are_renamed_with_a_warning() {
        let mut a = node(Some(0), 1, "A");
        a.file_id = Some("ID_1".into());
        let mut b = node(Some(0), 1, "B");
        b.file_id = Some("ID_1".into());
        let mut c = node(Some(0), 1, "C");
        c.attrs.push((attr::ID.into(), "2".into()));
        let outline = Outline {
            nodes: vec![node(None, 0, "Doel"), a, b, c],
            title: None,
        };
        let (def, warnings) = to_def(&outline, "x.mm", "", &Defaults::default()).unwrap();
        let ids: Vec<&str> = def.root.children.iter().map(|c| c.id.as_str()).collect();
        // "2" is taken by C's kompas-id, so B gets "2-2".
        assert_eq!(ids, ["ID_1", "2-2", "2"]);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn an_empty_outline_is_a_clear_error() {
        let err = to_def(&Outline::default(), "leeg.mm", "", &Defaults::default()).unwrap_err();
        assert!(err.problems[0].to_string().contains("leeg"), "{err:?}");
    }
}
