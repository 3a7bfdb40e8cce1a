//! Tests of the invitation page.
use super::*;
use crate::notes::{Edit, NotesFile};
use crate::review::BegripLine;
use crate::review::{ShareNotes, invite, invite_for_year};

fn kompas() -> crate::model::Kompas {
    crate::load::load_embedded().unwrap().kompas
}

/// Three inspanningen for Welzijn (one with an internal note), one for Sport.
fn notes() -> NotesFile {
    let mut n = NotesFile::default();
    for (id, partner) in [
        ("1.1.1.1", "Welzijn"),
        ("1.1.1.2", "Welzijn"),
        ("1.1.2.1", "Welzijn"),
        ("1.5.2.3", "Sport"),
    ] {
        n.edit(id, "", "Gemeente", Edit::Partners(vec![partner.into()]));
    }
    n.edit(
        "1.1.1.1",
        "",
        "Gemeente",
        Edit::Note("INTERN: budget loopt over".into()),
    );
    n.edit(
        "1.5.2.3",
        "",
        "Gemeente",
        Edit::Note("INTERN: sportnotitie".into()),
    );
    n
}

/// The text a reader gets, and the page parsed.
fn text_of(page: &str) -> String {
    scraper::Html::parse_document(page)
        .root_element()
        .text()
        .collect()
}

#[test]
fn only_what_was_assigned_and_no_unticked_note_is_on_the_page() {
    let k = kompas();
    let n = notes();
    let (_, file) = invite(&n, &k, "Welzijn", "Gemeente", ShareNotes::No);
    let page = page(&file);
    for id in ["1.1.1.1", "1.1.1.2", "1.1.2.1"] {
        assert!(page.contains(&format!("data-id=\"{id}\"")), "{id} asked");
    }
    let doc = scraper::Html::parse_document(&page);
    let asked = doc
        .select(&scraper::Selector::parse("section.item").unwrap())
        .count();
    assert_eq!(asked, 3, "exactly the three of Welzijn");
    assert!(
        !page.contains("1.5.2.3"),
        "Sport's inspanning is not on Welzijn's page"
    );
    assert!(!page.contains("INTERN"), "no internal note unless ticked");
    // Ticked: the note goes out, Sport's still does not.
    let (_, shared) = invite(&n, &k, "Welzijn", "Gemeente", ShareNotes::Yes);
    let text = text_of(&page_of(&shared));
    assert!(text.contains("INTERN: budget loopt over"));
    assert!(!text.contains("sportnotitie"));
    // Each inspanning's words, its koers's introduction once, verbatim.
    let text = text_of(&page);
    for item in &file.items {
        assert!(text.contains(&item.title), "{} verbatim", item.id);
    }
    let koers = &file.items[0].context[1];
    assert_eq!(koers.name, "Koers 1.1");
    let intro = koers.text.split("\n\n").next().unwrap();
    assert_eq!(text.matches(intro).count(), 1, "the introduction once");
    assert!(
        page.contains("class=\"begrip\""),
        "begrippen linked to their definition"
    );
}

fn page_of(file: &ReviewFile) -> String {
    page(file)
}

#[test]
fn hostile_titles_notes_and_names_are_shown_as_text() {
    let k = kompas();
    let n = notes();
    let (_, mut file) = invite(&n, &k, "Welzijn", "Gemeente", ShareNotes::Yes);
    let evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    file.partner = evil.into();
    file.kompas = evil.into();
    file.exported_by = evil.into();
    file.statuses = vec![evil.into()];
    file.items[0].title = evil.into();
    file.items[0].note = evil.into();
    file.items[0].context[0].text = evil.into();
    file.begrippen.push(BegripLine {
        term: evil.into(),
        definition: evil.into(),
    });
    let page = page(&file);
    assert!(!page.contains("<script>alert"), "a title ran as script");
    assert!(!page.contains("<img"), "a note became an element");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let doc = scraper::Html::parse_document(&page);
    let scripts = doc
        .select(&scraper::Selector::parse("script").unwrap())
        .count();
    assert_eq!(scripts, 1, "only the page's own script");
    // The data the script reads back is the text as it was.
    let form = doc
        .select(&scraper::Selector::parse("form").unwrap())
        .next()
        .unwrap();
    assert_eq!(form.value().attr("data-partner"), Some(evil));
}

#[test]
fn the_policy_allows_the_pages_own_style_and_script_and_nothing_else() {
    let k = kompas();
    let (_, file) = invite(&notes(), &k, "Welzijn", "Gemeente", ShareNotes::No);
    let page = page(&file);
    let doc = scraper::Html::parse_document(&page);
    let one = |sel: &str| {
        doc.select(&scraper::Selector::parse(sel).unwrap())
            .next()
            .unwrap()
    };
    let csp = one("meta[http-equiv=Content-Security-Policy]")
        .value()
        .attr("content")
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    let style: String = one("style").text().collect();
    let script: String = one("script").text().collect();
    assert!(csp.contains(&csp_hash(&style)), "the style's hash");
    assert!(csp.contains(&csp_hash(&script)), "the script's hash");
    assert!(!csp.contains("unsafe"), "{csp}");
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "nothing from elsewhere"
    );
}

#[test]
fn fifty_inspanningen_of_the_sociaal_kompas_stay_under_250_kb() {
    let k = kompas();
    let mut n = NotesFile::default();
    // Fifty spread over the compass, so many koersen bring their introductions.
    let leaves: Vec<_> = k
        .document_order()
        .into_iter()
        .filter(|&ix| k.is_leaf(ix) && k.element(ix).depth == 4)
        .collect();
    let step = leaves.len() / 50;
    for &ix in leaves.iter().step_by(step).take(50) {
        n.edit(
            k.element(ix).id.as_str(),
            "",
            "Gemeente",
            Edit::Partners(vec!["Welzijn".into()]),
        );
    }
    let (_, file) = invite_for_year(&n, &k, "Welzijn", "Gemeente", ShareNotes::No, Some(2019));
    assert_eq!(file.items.len(), 50);
    let size = page(&file).len();
    assert!(size <= 250_000, "{size} bytes");
}

/// The reaction file exactly as the page's script writes it (its escapes included) is a
/// review file Kompas reads.
#[test]
fn the_reaction_the_script_writes_is_read_by_kompas() {
    let text = "(\n    format: 2,\n    kind: Reactie,\n    invitation: \"welzijn-20261202-1\",\n    kompas: \"Sociaal Kompas 2017-2020\",\n    partner: \"Welzijn\",\n    exported_at: \"2026-12-02T10:00:00Z\",\n    exported_by: \"Gemeente\",\n    answered_at: \"2026-12-02T11:00:00Z\",\n    answered_by: \"Piet \\\"P\\\" \\\\ Jansen\",\n    statuses: [\"niet gestart\", \"afgerond\"],\n    element_name: (\"inspanning\", \"inspanningen\"),\n    jaar: Some(2019),\n    items: [\n        (\n            id: \"1.1.1.1\",\n            name: \"Inspanning 1.1.1.1\",\n            title: \"t\",\n            reaction: (\n                note: \"regel een\\nregel twee\\tmet tab \\u{1b} en é ✓\",\n                status: Some(\"afgerond\"),\n                proposal: \"\",\n                voortgang: \"tien buurten\",\n            ),\n        ),\n    ],\n)\n";
    let file = crate::review::parse(text).unwrap();
    assert_eq!(file.kind, crate::review::ReviewKind::Reactie);
    assert_eq!(file.answered_by, "Piet \"P\" \\ Jansen");
    let r = &file.items[0].reaction;
    assert_eq!(r.note, "regel een\nregel twee\tmet tab \u{1b} en é ✓");
    assert_eq!(r.status.as_deref(), Some("afgerond"));
    assert_eq!(file.jaar, Some(2019));
}
