use super::*;

/// The text a reader gets: every text node as it is, in order (a link inside a sentence
/// splits it into nodes, not into words).
fn decoded(html: &str) -> String {
    scraper::Html::parse_document(html)
        .root_element()
        .text()
        .collect::<String>()
}

#[test]
fn every_word_of_the_compass_is_on_the_site() {
    let k = crate::load::load_embedded().unwrap().kompas;
    let files = site(&k);
    let all: String = files
        .iter()
        .filter(|(f, _)| f.ends_with(".html"))
        .map(|(_, t)| decoded(t))
        .collect::<Vec<_>>()
        .join("\n");
    let mut missing = Vec::new();
    for ix in k.document_order() {
        let el = k.element(ix);
        if !all.contains(el.title.as_str()) {
            missing.push(el.id.to_string());
        }
        if let Some(t) = &el.text {
            for para in t.split("\n\n") {
                if !all.contains(para) {
                    missing.push(format!("tekst van {}", el.id));
                }
            }
        }
    }
    let g = crate::glossary::Glossary::new(&k);
    for e in &g.entries {
        if !all.contains(e.term.as_str()) {
            missing.push(e.term.clone());
        }
        for d in &e.definitions {
            if !all.contains(d.text.as_str()) {
                missing.push(format!("definitie van {}", e.term));
            }
        }
    }
    for p in &k.content.pages {
        if !all.contains(p.title.as_str()) {
            missing.push(p.title.clone());
        }
        for b in &p.blocks {
            if let Block::Alinea(t) | Block::Kop(t) = b
                && !all.contains(t.as_str())
            {
                missing.push(format!(
                    "{}: {}",
                    p.id,
                    t.chars().take(40).collect::<String>()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{} missing: {missing:?}", missing.len());
    // One page per hoofddoel and koers, the start page, begrippen, zoeken with its index,
    // the style sheet, toegankelijkheid, one page listing everything and every page of Over
    // het kompas. No koers is split: the largest holds far fewer than PAGE_LIMIT elements.
    assert_eq!(files.len(), 7 + 4 + 16 + k.content.pages.len());
}

/// Every `href` of every page names a page of the site, and its anchor an id on that page.
fn broken_links(files: &[(String, String)]) -> Vec<String> {
    let docs: std::collections::BTreeMap<&str, scraper::Html> = files
        .iter()
        .filter(|(f, _)| f.ends_with(".html"))
        .map(|(f, t)| (f.as_str(), scraper::Html::parse_document(t)))
        .collect();
    let a = scraper::Selector::parse("a[href]").unwrap();
    let mut broken = Vec::new();
    for (name, doc) in &docs {
        for link in doc.select(&a) {
            let href = link.value().attr("href").unwrap_or_default();
            let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
            let file = if file.is_empty() { *name } else { file };
            let Some(target) = docs.get(file) else {
                broken.push(format!("{name} → {href}"));
                continue;
            };
            if !anchor.is_empty() {
                let id = scraper::Selector::parse(&format!("[id=\"{anchor}\"]")).unwrap();
                if target.select(&id).next().is_none() {
                    broken.push(format!("{name} → {href}"));
                }
            }
        }
    }
    broken
}

#[test]
fn every_link_leads_to_a_page_of_the_site_and_an_anchor_on_it() {
    let k = crate::load::load_embedded().unwrap().kompas;
    let broken = broken_links(&site(&k));
    assert!(
        broken.is_empty(),
        "{} broken: {:?}",
        broken.len(),
        &broken[..broken.len().min(10)]
    );
}

#[test]
fn a_large_compass_is_split_into_small_pages_that_still_hold_every_element() {
    let k = crate::generate::synthetic(&crate::generate::Spec::with_elements(8_000, 7));
    let files = site(&k);
    let mut largest = ("", 0);
    for (name, text) in &files {
        if name.ends_with(".html") && text.len() > largest.1 {
            largest = (name, text.len());
        }
    }
    assert!(
        largest.1 < 200_000,
        "{} is {} bytes: too large a page",
        largest.0,
        largest.1
    );
    let broken = broken_links(&files);
    assert!(
        broken.is_empty(),
        "{} broken: {:?}",
        broken.len(),
        &broken[..broken.len().min(10)]
    );
    // Every element is on a page: an anchor of its own or a page of its own, exactly once.
    let all: String = files
        .iter()
        .filter(|(f, _)| f.ends_with(".html") && !f.starts_with("alles"))
        .map(|(_, t)| t.as_str())
        .collect();
    for ix in k.document_order().into_iter().skip(1) {
        let id = crate::text::slug(k.element(ix).id.as_str());
        let anchor = format!("id=\"e-{id}\"");
        let page = format!("-{id}.html\"");
        assert!(
            all.matches(&anchor).count() == 1 || all.contains(&page),
            "{} has no place on the site",
            k.element(ix).id
        );
    }
    // The list of everything is split too, and holds every element once.
    let listed: usize = files
        .iter()
        .filter(|(f, _)| f.starts_with("alles"))
        .map(|(_, t)| {
            let doc = scraper::Html::parse_document(t);
            doc.select(&scraper::Selector::parse("ul.alles > li > a").unwrap())
                .count()
        })
        .sum();
    assert_eq!(listed, k.len(), "every element listed once");
    assert!(
        files.iter().any(|(f, _)| f == "alles-8.html"),
        "8 000 elements → 8 list pages"
    );
}

#[test]
fn the_search_index_holds_every_element_and_no_title_can_end_it() {
    let k = crate::load::load_embedded().unwrap().kompas;
    let files = site(&k);
    let index = &files.iter().find(|(f, _)| f == "zoekindex.js").unwrap().1;
    assert_eq!(
        index.lines().filter(|l| l.starts_with('[')).count(),
        k.len()
    );
    assert!(
        index.contains("[\"Koers 1.1: "),
        "names as the app shows them"
    );
    let hostile = json_string("a\"b\\c</script>\n\u{2028}");
    assert_eq!(
        hostile, r#""a\"b\\c\u003c/script>\n\u2028""#,
        "no title ends the string or script"
    );
}

#[test]
fn hostile_titles_are_text_and_nothing_is_fetched_from_elsewhere() {
    let mut k = crate::load::load_embedded().unwrap().kompas;
    k.meta.title = "<script>alert(1)</script> & \"co\"".into();
    let files = site(&k);
    for (name, text) in &files {
        assert!(!text.contains("<script>alert"), "{name} runs a title");
        if name.ends_with(".html") {
            assert!(
                !text.contains("http://") || !text.contains("src=\"http"),
                "{name}"
            );
            assert!(!text.contains("https://"), "{name} refers elsewhere");
        }
    }
}

#[test]
fn a_years_progress_goes_out_as_statuses_and_counts_never_the_notes() {
    use crate::notes::{Edit, NotesFile, YearEdit};
    let k = crate::load::load_embedded().unwrap().kompas;
    let mut n = NotesFile::default();
    n.edit(
        "1.1.1.1",
        "",
        "Anna",
        Edit::Note("INTERN: niet voor de website".into()),
    );
    n.edit(
        "1.1.1.1",
        "",
        "Anna",
        Edit::Jaar(2019, YearEdit::Status(Some("afgerond".into()))),
    );
    n.edit(
        "1.1.1.1",
        "",
        "Anna",
        Edit::Jaar(
            2019,
            YearEdit::Voortgang("INTERN: tekst van het jaar".into()),
        ),
    );
    let files = site_with(&k, Some((&n, 2019)));
    let page = |name: &str| {
        files
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, t)| decoded(t))
            .unwrap()
    };
    assert!(page("koers-1-1.html").contains("Voortgang 2019: 1 van 27 afgerond (4%)"));
    assert!(page("koers-1-1.html").contains("(2019: afgerond)"));
    assert!(page("index.html").contains("Voortgang 2019: 1 van 441 afgerond (0%)"));
    for (name, text) in &files {
        assert!(
            !text.contains("INTERN"),
            "{name} shows what the notes keep inside"
        );
    }
    // Begrippen in texts link to their definition.
    let links = files
        .iter()
        .map(|(_, t)| t.matches("class=\"begrip\"").count())
        .sum::<usize>();
    assert!(links > 50, "{links} begrippen linked");
}
