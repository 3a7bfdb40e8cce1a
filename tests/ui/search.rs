//! Search, the begrippenlijst and the pages of "Over het kompas".

use super::*;

#[test]
fn search_type_a_misspelt_query_press_enter_and_the_element_is_shown() {
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run();
    assert!(
        search_field(&h).is_focused(),
        "Ctrl+F focuses the search field"
    );
    search_field(&h).type_text("clientondersteunnig");
    h.run();
    // Results are grouped by level, top-down, and show the place of each; the cursor
    // starts on the best hit.
    h.get_by_label_contains("Hoofdinspanningen (");
    h.get_by_label_contains("Inspanningen (");
    let s = h.state().search();
    let levels: Vec<usize> = s
        .hits
        .iter()
        .filter_map(|hit| match hit.target {
            kompas::search::Target::Element(ix) => Some(h.state().kompas().element(ix).depth),
            _ => None,
        })
        .collect();
    assert!(
        levels.windows(2).all(|w| w[0] <= w[1]),
        "top-down: {levels:?}"
    );
    let first = s.hits[s.cursor].clone();
    let kompas::search::Target::Element(ix) = first.target else {
        panic!("{first:?}")
    };
    let want = h.state().kompas().element(ix).id.clone();
    // Down moves the cursor, Enter opens the result under it.
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowUp);
    h.key_press(Key::Enter);
    h.run();
    assert!(
        !h.state().search().is_active(),
        "opening a result ends the search"
    );
    assert_eq!(h.state().location().selected, Some(want.clone()));
    let k = h.state().kompas();
    let expected = kompas::nav::location_for(k, k.get(want.as_str()).unwrap());
    assert_eq!(
        h.state().location(),
        &expected,
        "the result opens at its place"
    );

    // An inspanning opens in its koerskaart, selected and focused.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run();
    search_field(&h).type_text("kwikstart");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(view(&h), View::Kaart("1.1".into()));
    assert_eq!(h.state().location().selected, Some("1.1.1.6".into()));
    assert_eq!(
        focused_label(&h),
        Some(label(&h, "1.1.1.6")),
        "the element has the focus"
    );
}

#[test]
fn slash_opens_search_and_escape_returns_to_where_the_user_was() {
    let mut h = harness();
    h.get_by_label(&label(&h, "1.4")).click_accesskit();
    h.run();
    h.key_press(Key::Slash);
    h.run();
    search_field(&h).type_text("eenzaamheid");
    h.run();
    assert!(h.state().search().is_active());
    assert_eq!(
        search_field(&h).value().as_deref(),
        Some("eenzaamheid"),
        "the slash is not typed"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().search().is_active());
    assert_eq!(
        view(&h),
        View::Page("1.4".into()),
        "Escape leaves the search, not the page"
    );
}

#[test]
fn a_begrip_opens_in_the_glossary_with_both_definitions() {
    let mut h = harness();
    h.get_by_label(&label(&h, "2.5")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "2.5.3")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "2.5.3.4")).click_accesskit();
    h.run();
    // The detail panel lists the begrippen of the selected inspanning as buttons.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Respijtzorg")
        .click_accesskit();
    h.run();
    let shown = h.state().shown_begrip().unwrap();
    let kompas = h.state().kompas();
    let glossary = kompas::glossary::Glossary::new(kompas);
    assert_eq!(glossary.entries[shown].term, "Respijtzorg");
    for d in &glossary.entries[shown].definitions {
        h.get_by_label(&d.text);
    }
    // Both koersen it is listed under are links.
    for koers in ["Koers 2.5", "Koers 4.3"] {
        assert!(
            !h.get_all_by_role_and_label(egui::accesskit::Role::Link, koers)
                .collect::<Vec<_>>()
                .is_empty()
        );
    }
}

#[test]
fn the_glossary_lists_every_term_and_filters() {
    let mut h = harness();
    h.get_by_label("Begrippen").click();
    h.run();
    let kompas = h.state().kompas();
    let glossary = kompas::glossary::Glossary::new(kompas);
    // Each term a heading (level 3 under "Begrippenlijst"), so a screen reader can jump.
    for e in &glossary.entries {
        h.get_by_role_and_label(egui::accesskit::Role::Heading, &e.term);
    }
    // Typing in the filter leaves only matching terms.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter")
        .type_text("respijt");
    h.run();
    h.get_by_label("Respijtzorg");
    assert!(h.query_by_label("Taalhuis").is_none());
}

#[test]
fn from_a_trend_to_a_koers_and_back_via_its_link() {
    let mut h = harness();
    h.get_by_label("Over het kompas").click();
    h.run();
    assert!(matches!(view(&h), View::Over(_)));
    h.get_by_label("Bijlage Trends en hun impact op het Sociaal Kompas")
        .click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Over("trends".into()));
    // The kansen table links to the koersen; "Koers 2.4" opens that koers's page.
    h.get_all_by_role_and_label(egui::accesskit::Role::Link, "Koers 2.4")
        .next()
        .unwrap()
        .click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Page("2.4".into()));
    // The koers page lists the trends that point at it, as links back.
    h.get_by_label("Trends die naar deze koers wijzen");
    h.get_by_role_and_label(
        egui::accesskit::Role::Link,
        "Trend 1: Langer thuis: zorg dichtbij en integraal",
    )
    .click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Over("trends".into()));
    // And the example inspanning (named by number and words) knows where else it comes back.
    h.query_all_by_role(egui::accesskit::Role::Link)
        .find(|n| {
            kittest::NodeT::accesskit_node(n)
                .label()
                .is_some_and(|l| l.starts_with("Inspanning 2.4.2.9: "))
        })
        .expect("the example is a link with its number and words")
        .click_accesskit();
    h.run();
    assert_eq!(h.state().location().selected, Some("2.4.2.9".into()));
    h.get_by_label("Voorbeeld bij een trend");
}

#[test]
fn every_page_of_the_document_opens() {
    let mut h = harness();
    let pages: Vec<(String, String)> = h
        .state()
        .kompas()
        .content
        .pages
        .iter()
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect();
    for (id, title) in pages {
        let ctx = h.ctx.clone();
        h.state_mut().apply(
            &ctx,
            kompas::ui::command::Command::Go(kompas::nav::Location {
                view: View::Over(id.clone()),
                selected: None,
            }),
        );
        h.run();
        assert_eq!(view(&h), View::Over(id.clone()));
        // The page's title is its heading (level 1).
        h.get_by_role_and_label(egui::accesskit::Role::Heading, &title);
        if id == "trends" {
            // The source of the trends is a link, not plain text.
            assert!(
                h.query_all_by_role(egui::accesskit::Role::Link).any(|n| {
                    kittest::NodeT::accesskit_node(&n)
                        .label()
                        .is_some_and(|l| l.contains("gemeentenvandetoekomst"))
                }),
                "the trends' source is a link"
            );
        }
    }
}

/// Issue 21: the search index is made beside the UI. The compass is drawn and usable at once;
/// a query typed meanwhile says the search is getting ready, and is answered as soon as the
/// index is there. (The test holds the index back until it has looked.)
#[test]
fn the_compass_is_usable_while_its_search_index_is_made() {
    use kompas::ui::app::{Derived, Prepared};
    use kompas::ui::command::{Command, Flag, OnOff};
    let k = kompas::load_embedded().unwrap().kompas;
    let (release, held) = std::sync::mpsc::channel::<()>();
    let prepared = Prepared::in_background_with(
        k,
        Vec::new(),
        || {},
        move |k, g| {
            let _ = held.recv();
            Derived::new(k, g)
        },
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .build_eframe(|cc| {
            let mut app = KompasApp::starting_on(&cc.egui_ctx, prepared, None);
            app.apply(&cc.egui_ctx, Command::Set(Flag::Animations, OnOff::Off));
            app
        });
    h.run();
    assert!(h.state().is_opening(), "the index is held back");
    // The compass is there: its sectors can be reached.
    h.get_by_label(&label(&h, "1"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run();
    search_field(&h).type_text("mantelzorg");
    // The spinner keeps drawing: a few frames, not until it settles.
    h.run_steps(4);
    h.get_by_label_contains("Zoeken wordt voorbereid");
    assert!(h.state().search().hits.is_empty());
    release.send(()).unwrap();
    wait_for_opening(&mut h);
    h.run();
    assert!(
        !h.state().search().hits.is_empty(),
        "answered once the index is there"
    );
    h.get_by_label_contains("Hoofdinspanningen (");
}
