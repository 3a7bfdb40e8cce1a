//! Real mind maps, checked against an independent reading of their XML (roxmltree, not the
//! importer's quick-xml): every node, its text, note, details, hyperlink and attributes must
//! be in the compass Kompas makes of it, and again after a trip through Kompas's own `.mm`.
//!
//! The corpus is what Debian's `freeplane` package ships (its documentation maps in several
//! languages and its templates). `.ci/run` unpacks the package and sets `KOMPAS_CORPUS`; on a
//! machine without it the test says so and checks nothing, unless `KOMPAS_REQUIRE_CORPUS` is
//! set (as in CI), when a missing corpus fails.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use std::path::{Path, PathBuf};

use kompas::mindmap;

/// Text without any white space (and without the "• " Kompas puts before list items), so
/// line breaking and folding do not count, only the characters.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '•')
        .collect()
}

/// The text of an HTML subtree as an XML reader sees it, without head, style and script.
fn html_text(node: roxmltree::Node<'_, '_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        // Kompas names each image by its alt text or file name.
        if d.has_tag_name("img") {
            let src = d.attribute("src").unwrap_or_default();
            let file = src.rsplit(['/', '\\']).next().unwrap_or(src);
            let alt = d.attribute("alt").filter(|a| !a.trim().is_empty());
            out.push_str(&format!("[afbeelding: {}]", alt.unwrap_or(file)));
        }
        if d.is_text()
            && !d
                .ancestors()
                .any(|a| matches!(a.tag_name().name(), "head" | "style" | "script" | "title"))
        {
            out.push_str(d.text().unwrap_or_default());
        }
    }
    out
}

/// What the independent reading expects of one node.
#[derive(Debug)]
struct Expected {
    id: Option<String>,
    text: Option<String>,
    /// Note and details: each must be found in the element's text.
    carried: Vec<String>,
    /// The hyperlink (`LINK`).
    link: Option<String>,
    /// The map's attributes, in order.
    attributes: Vec<(String, String)>,
    /// The icons.
    tags: Vec<String>,
    /// The image (an external object's `URI`).
    image: Option<String>,
}

fn is_helper(n: roxmltree::Node<'_, '_>) -> bool {
    let hook = n.children().any(|c| {
        c.has_tag_name("hook")
            && matches!(c.attribute("NAME"), Some("FirstGroupNode" | "SummaryNode"))
    });
    let text = n.attribute("TEXT").unwrap_or_default().trim().is_empty()
        && !n.children().any(|c| c.has_tag_name("richcontent"));
    hook && text && !n.children().any(|c| c.has_tag_name("node"))
}

fn expected(doc: &roxmltree::Document<'_>) -> Vec<Expected> {
    let mut out = Vec::new();
    // The map's first node is the root; a second one is skipped by the importer (with a
    // warning), and helper nodes are left out.
    let Some(root) = doc
        .root_element()
        .children()
        .find(|c| c.has_tag_name("node"))
    else {
        return out;
    };
    for n in root.descendants().filter(|n| n.has_tag_name("node")) {
        if is_helper(n) {
            continue;
        }
        let rich = |kind: &str| {
            n.children()
                .find(|c| c.has_tag_name("richcontent") && c.attribute("TYPE") == Some(kind))
                .map(html_text)
        };
        let text = match (rich("NODE"), n.attribute("TEXT")) {
            (Some(t), _) => Some(t),
            // HTML in the attribute itself: read as XHTML where it is that, else not compared.
            (None, Some(t)) if t.trim_start().to_ascii_lowercase().starts_with("<html>") => {
                roxmltree::Document::parse(t)
                    .ok()
                    .map(|d| html_text(d.root_element()))
            }
            (None, t) => Some(t.unwrap_or_default().to_owned()),
        };
        let carried: Vec<String> = ["NOTE", "DETAILS"].iter().filter_map(|k| rich(k)).collect();
        let attributes = n
            .children()
            .filter(|c| c.has_tag_name("attribute"))
            .filter_map(|a| {
                Some((
                    a.attribute("NAME")?.to_owned(),
                    a.attribute("VALUE")?.to_owned(),
                ))
            })
            .collect();
        let tags = n
            .children()
            .filter(|c| c.has_tag_name("icon"))
            .filter_map(|i| i.attribute("BUILTIN").map(str::to_owned))
            .collect();
        let image = n
            .children()
            .find(|c| c.has_tag_name("hook") && c.attribute("NAME") == Some("ExternalObject"))
            .and_then(|h| h.attribute("URI").map(str::to_owned));
        out.push(Expected {
            id: n.attribute("ID").map(str::to_owned),
            text,
            carried,
            link: n
                .attribute("LINK")
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
            attributes,
            tags,
            image,
        });
    }
    out
}

fn corpus() -> Vec<PathBuf> {
    let Some(dir) = std::env::var_os("KOMPAS_CORPUS") else {
        assert!(
            std::env::var_os("KOMPAS_REQUIRE_CORPUS").is_none(),
            "KOMPAS_REQUIRE_CORPUS is set but KOMPAS_CORPUS is not"
        );
        eprintln!("KOMPAS_CORPUS niet gezet: geen echte mindmaps om te vergelijken");
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "mm") {
                files.push(p);
            }
        }
    }
    files.sort();
    if std::env::var_os("KOMPAS_REQUIRE_CORPUS").is_some() {
        assert!(files.len() >= 10, "a corpus of real maps: {files:?}");
    }
    files
}

/// Compares the compass made of `path` with the independent reading; returns (nodes, texts
/// compared, notes and details found, links, attributes and icons compared).
fn check(
    path: &Path,
    kompas: &kompas::Kompas,
    expected: &[Expected],
) -> (usize, usize, usize, usize) {
    let name = path.display();
    let elements: Vec<_> = kompas
        .document_order()
        .into_iter()
        .map(|ix| kompas.element(ix))
        .collect();
    assert_eq!(
        elements.len(),
        expected.len(),
        "{name}: every node, no more"
    );
    let (mut texts, mut carried, mut fields) = (0, 0, 0);
    for (el, want) in elements.iter().zip(expected) {
        let got = el.carried();
        let place = format!("{name} {}", el.id.as_str());
        assert_eq!(got.link, want.link, "{place}: hyperlink");
        assert_eq!(got.attributes, want.attributes, "{place}: attributes");
        assert_eq!(got.tags, want.tags, "{place}: icons");
        assert_eq!(got.image, want.image, "{place}: image");
        fields += usize::from(want.link.is_some())
            + want.attributes.len()
            + want.tags.len()
            + usize::from(want.image.is_some());
        if let Some(id) = &want.id {
            assert_eq!(el.id.as_str(), id, "{name}: in document order");
        }
        if let Some(t) = &want.text
            && !squeeze(t).is_empty()
        {
            assert_eq!(squeeze(&el.title), squeeze(t), "{name} {}", el.id.as_str());
            texts += 1;
        }
        let body = squeeze(el.text.as_deref().unwrap_or_default());
        for c in &want.carried {
            assert!(
                body.contains(&squeeze(c)),
                "{name} {}: {c:?} not in {:?}",
                el.id.as_str(),
                el.text
            );
            carried += 1;
        }
    }
    (elements.len(), texts, carried, fields)
}

/// Every (element, attribute) pair Freeplane itself writes, from the corpus's maps.
fn freeplane_vocabulary(files: &[PathBuf]) -> std::collections::HashSet<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    for path in files {
        let source = std::fs::read_to_string(path).unwrap();
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let doc = roxmltree::Document::parse_with_options(&source, options).unwrap();
        for n in doc.descendants().filter(roxmltree::Node::is_element) {
            // Inside rich content is HTML, not Freeplane's own vocabulary.
            if n.ancestors().skip(1).any(|a| a.has_tag_name("richcontent")) {
                continue;
            }
            seen.insert((n.tag_name().name().to_owned(), String::new()));
            for a in n.attributes() {
                seen.insert((n.tag_name().name().to_owned(), a.name().to_owned()));
            }
        }
    }
    seen
}

/// A map Kompas writes uses only elements and attributes Freeplane itself writes, in the
/// places it writes them, with unique node ids: Freeplane reads it as one of its own.
fn assert_freeplane_would_write_it(
    name: &str,
    written: &str,
    vocabulary: &std::collections::HashSet<(String, String)>,
) {
    let doc = roxmltree::Document::parse(written)
        .unwrap_or_else(|e| panic!("{name}: the written map is no XML: {e}"));
    assert!(doc.root_element().has_tag_name("map"), "{name}");
    let mut ids = std::collections::HashSet::new();
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        if n.ancestors().skip(1).any(|a| a.has_tag_name("richcontent")) {
            continue;
        }
        let tag = n.tag_name().name().to_owned();
        assert!(
            vocabulary.contains(&(tag.clone(), String::new())),
            "{name}: Freeplane writes no <{tag}>"
        );
        for a in n.attributes() {
            assert!(
                vocabulary.contains(&(tag.clone(), a.name().to_owned())),
                "{name}: Freeplane writes no {} on <{tag}>",
                a.name()
            );
        }
        if let Some(id) = n.attribute("ID") {
            assert!(ids.insert(id.to_owned()), "{name}: id {id} twice");
        }
    }
}

#[test]
fn real_freeplane_maps_keep_every_node_text_note_link_and_attribute() {
    let files = corpus();
    let vocabulary = freeplane_vocabulary(&files);
    let (mut nodes, mut texts, mut carried, mut fields) = (0, 0, 0, 0);
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &source,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap();
        let want = expected(&doc);
        let loaded = mindmap::import(path, &mindmap::Defaults::for_file(path))
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let (n, t, c, f) = check(path, &loaded.kompas, &want);
        nodes += n;
        texts += t;
        carried += c;
        fields += f;
        // Through Kompas's own .mm and back: well-formed, and the same again.
        let written = mindmap::freeplane::write(&loaded.kompas);
        assert_freeplane_would_write_it(&path.display().to_string(), &written, &vocabulary);
        let dir = tempfile::tempdir().unwrap();
        let again = dir.path().join("terug.mm");
        std::fs::write(&again, &written).unwrap();
        let back = mindmap::import(&again, &mindmap::Defaults::for_file(&again)).unwrap();
        // The same check against the written map: Freeplane gets its LINK, attributes, icons
        // and images back as its own.
        check(path, &back.kompas, &want);
        let a: Vec<_> = loaded.kompas.document_order();
        let b: Vec<_> = back.kompas.document_order();
        assert_eq!(a.len(), b.len(), "{}: round trip", path.display());
        for (x, y) in a.iter().zip(&b) {
            let (x, y) = (loaded.kompas.element(*x), back.kompas.element(*y));
            assert_eq!(x.title, y.title, "{}: round trip", path.display());
            assert_eq!(x.carried(), y.carried(), "{}: round trip", path.display());
            assert_eq!(
                x.text.as_deref().unwrap_or_default().trim(),
                y.text.as_deref().unwrap_or_default().trim(),
                "{}: round trip",
                path.display()
            );
        }
    }
    eprintln!(
        "{} mindmaps: {nodes} knopen, {texts} teksten, {carried} notities/details, {fields} koppelingen/attributen/pictogrammen/afbeeldingen vergeleken",
        files.len()
    );
}

/// OPML written to the OPML 2.0 spec's examples (a subscription list in ISO-8859-1, a
/// directory of links, encoded HTML in `text`), against an independent reading: every outline,
/// its text (HTML read as text), note and every attribute worth keeping.
#[test]
fn opml_from_the_spec_examples_keeps_every_outline_and_what_it_carries() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/opml");
    let mut outlines = 0;
    for name in ["subscriptionList.opml", "directory.opml"] {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).unwrap();
        // The independent reading decodes ISO-8859-1 by hand (each byte is its code point).
        let source: String = if name.starts_with("subscription") {
            bytes.iter().map(|&b| char::from(b)).collect()
        } else {
            String::from_utf8(bytes).unwrap()
        };
        let doc = roxmltree::Document::parse(&source).unwrap();
        let want: Vec<roxmltree::Node<'_, '_>> = doc
            .descendants()
            .filter(|n| n.has_tag_name("outline"))
            .collect();
        let loaded = mindmap::import(&path, &mindmap::Defaults::for_file(&path))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let k = &loaded.kompas;
        // The root is the document's title; the outlines follow in document order.
        let elements: Vec<_> = k.document_order().into_iter().skip(1).collect();
        assert_eq!(elements.len(), want.len(), "{name}: every outline");
        for (&ix, n) in elements.iter().zip(&want) {
            let el = k.element(ix);
            let text = n.attribute("text").unwrap_or_default();
            // Encoded HTML: the text without its tags.
            let plain = if text.contains('<') {
                let wrapped = format!("<x>{}</x>", text.replace("<br/>", " "));
                roxmltree::Document::parse(&wrapped)
                    .map(|d| html_text(d.root_element()))
                    .unwrap_or_else(|_| text.to_owned())
            } else {
                text.to_owned()
            };
            assert_eq!(squeeze(&el.title), squeeze(&plain), "{name}");
            assert!(
                !el.title.contains('<'),
                "{name}: no raw markup in {:?}",
                el.title
            );
            let body = squeeze(el.text.as_deref().unwrap_or_default());
            if let Some(note) = n.attribute("_note") {
                assert!(body.contains(&squeeze(note)), "{name}: note of {text}");
            }
            // `url` is the hyperlink; every other attribute is kept, in order.
            assert_eq!(el.carried().link.as_deref(), n.attribute("url"), "{name}");
            let attributes: Vec<(String, String)> = n
                .attributes()
                .filter(|a| !matches!(a.name(), "text" | "_note" | "url"))
                .map(|a| (a.name().to_owned(), a.value().to_owned()))
                .collect();
            assert_eq!(el.carried().attributes, attributes, "{name}: {text}");
            outlines += 1;
        }
        // Through Kompas's own OPML and back: the same outlines, links and attributes, and
        // feed readers still find `xmlUrl` where they look for it.
        let written = mindmap::opml::write(k);
        let tmp = tempfile::tempdir().unwrap();
        let again = tmp.path().join("terug.opml");
        std::fs::write(&again, &written).unwrap();
        let back = mindmap::import(&again, &mindmap::Defaults::for_file(&again)).unwrap();
        let (a, b) = (k.document_order(), back.kompas.document_order());
        assert_eq!(a.len(), b.len(), "{name}: round trip");
        for (x, y) in a.iter().zip(&b) {
            let (x, y) = (k.element(*x), back.kompas.element(*y));
            assert_eq!(x.title, y.title, "{name}: round trip");
            assert_eq!(x.carried(), y.carried(), "{name}: round trip");
        }
        for n in &want {
            if let Some(feed) = n.attribute("xmlUrl") {
                let escaped = feed.replace('&', "&amp;");
                assert!(
                    written.contains(&format!("xmlUrl=\"{escaped}\"")),
                    "{name}: {feed}"
                );
            }
        }
    }
    assert_eq!(outlines, 9);
}
