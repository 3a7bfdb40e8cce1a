//! Opening other compasses and mind maps.

use super::*;

#[test]
fn another_compass_opens_from_the_list_and_a_mind_map_from_a_typed_path() {
    let mut h = harness();
    h.get_by_label("Openen…").click();
    h.run();
    h.get_by_label("Beleidsplan sociaal domein, Oegstgeest")
        .click();
    wait_for_opening(&mut h);
    let k = h.state().kompas();
    assert_eq!(k.meta.municipality, "Oegstgeest");
    assert_eq!(k.sectors().len(), 5);
    // Its thema's are on the compass, named by its own level names.
    let thema = label(&h, "4");
    assert!(thema.starts_with("Thema 4: "), "{thema}");
    h.get_by_label(&thema);
    // A mind map written from the Sociaal Kompas, opened by typing its path (Ctrl+O).
    let dir = tempfile::tempdir().unwrap();
    let mm = dir.path().join("sociaal.mm");
    let sk = kompas::load_embedded().unwrap().kompas;
    std::fs::write(&mm, kompas::mindmap::freeplane::write(&sk)).unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Pad")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Pad")
        .type_text(&mm.display().to_string());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Openen")
        .click();
    wait_for_opening(&mut h);
    assert_eq!(h.state().kompas().len(), sk.len());
    // Both sit in the recent list, newest first.
    let recent: Vec<String> = h
        .state()
        .settings()
        .recent
        .iter()
        .map(|r| r.title.clone())
        .collect();
    assert_eq!(
        recent,
        [
            "Sociaal Kompas 2017-2020".to_owned(),
            "Beleidsplan sociaal domein Oegstgeest".to_owned(),
        ],
        "{recent:?}"
    );
}

#[test]
fn a_broken_compass_is_reported_and_the_current_one_stays() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let mm = dir.path().join("kapot.mm");
    std::fs::write(&mm, "<map>\n<node TEXT=\"a\">\n</map>").unwrap();
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::OpenKompas(kompas::ui::open_window::OpenTarget::Path(mm)),
    );
    wait_for_opening(&mut h);
    h.get_by_label_contains("kapot.mm:3:");
    h.get_by_label_contains("Het huidige kompas blijft open.");
    assert_eq!(h.state().kompas().meta.title, "Sociaal Kompas 2017-2020");
}

/// Opening another compass replaces everything of the first: an edited compass with as many
/// elements and the same einddoel shows its own labels, and no note badge of the first.
#[test]
fn another_compass_of_the_same_shape_shows_its_own_labels_and_no_old_badges() {
    use kompas::generate::{Spec, synthetic};
    use kompas::ui::command::{Command, NotesCommand};
    let spec = |seed| Spec {
        sectors: 4,
        fanout: vec![3, 2],
        seed,
    };
    let a = synthetic(&spec(1));
    let b = synthetic(&spec(2));
    assert_eq!(a.len(), b.len());
    assert_eq!(
        a.element(a.root()).title,
        b.element(b.root()).title,
        "the same einddoel"
    );
    let dir = tempfile::tempdir().unwrap();
    kompas::write::write_dir(&b, dir.path(), kompas::write::Replace::No).unwrap();

    let mut h = harness_on(a.clone(), 1280.0, 800.0);
    let noted = a.element(a.at_depth(3)[0]).id.clone();
    h.state_mut().apply(
        &egui::Context::default(),
        Command::Notes(NotesCommand::Annotate(
            noted,
            kompas::notes::Edit::Note("Een notitie in kompas A".into()),
        )),
    );
    h.run();
    h.get_by_label_contains("met notities onder");
    for &ix in a.at_depth(2) {
        h.get_by_label(&kompas::ui::widgets::access_label(&a, ix));
    }

    h.state_mut().apply(
        &egui::Context::default(),
        Command::OpenKompas(kompas::ui::open_window::OpenTarget::Path(
            dir.path().to_path_buf(),
        )),
    );
    wait_for_opening(&mut h);
    // What is painted: every koers label is B's (the first two words of its title show).
    let painted = painted_text(&h);
    let first_words = |k: &kompas::Kompas, ix| {
        k.element(ix)
            .title
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for &ix in b.at_depth(2) {
        let words = first_words(&b, ix);
        assert!(painted.contains(&words), "{words} not painted in {painted}");
    }
    for &ix in a.at_depth(2) {
        let words = first_words(&a, ix);
        let in_b = b
            .document_order()
            .into_iter()
            .any(|o| b.element(o).title.contains(&words));
        if !in_b {
            assert!(!painted.contains(&words), "A's {words} still painted");
        }
    }
    for ix in b
        .document_order()
        .into_iter()
        .filter(|&ix| b.element(ix).depth <= 2)
    {
        h.get_by_role_and_label(
            egui::accesskit::Role::Button,
            &kompas::ui::widgets::access_label(&b, ix),
        );
    }
    for &ix in a.at_depth(2) {
        let old = kompas::ui::widgets::access_label(&a, ix);
        assert!(h.query_by_label(&old).is_none(), "{old} still shown");
    }
    assert!(
        h.query_by_label_contains("met notities onder").is_none(),
        "a badge of compass A on compass B"
    );
}

/// Finding: a flat list of 112 podcasts became 112 unlabelled slivers. A compass with more
/// sectors than a ring can label is shown as a list of them, each row opening its sector.
#[test]
fn a_compass_too_flat_for_a_ring_is_shown_as_a_list_that_opens_its_rows() {
    use kompas::generate::{Spec, synthetic};
    let k = synthetic(&Spec {
        sectors: 112,
        fanout: vec![1],
        seed: 5,
    });
    let mut h = harness_on(k.clone(), 1280.0, 800.0);
    h.run();
    h.get_by_label_contains("112 ");
    h.get_by_label_contains("te veel voor een kompasroos");
    let first = k.sectors()[0];
    let el = k.element(first);
    let number = el
        .label
        .clone()
        .unwrap_or_else(|| el.id.as_str().to_owned());
    let row = format!("{number} {}", el.title);
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(
        h.state().location(),
        &kompas::nav::location_for(&k, first),
        "the row opens its sector"
    );
    // A compass with a ring keeps it: no list there.
    let ring = synthetic(&Spec {
        sectors: 8,
        fanout: vec![1],
        seed: 5,
    });
    let h = harness_on(ring, 1280.0, 800.0);
    assert!(
        h.query_by_label_contains("te veel voor een kompasroos")
            .is_none()
    );
}

/// A mind map's hyperlink (LINK), attributes, icons and image are shown on the page and in
/// the detail panel: the hyperlink as a link that opens in the browser, a link to another node
/// as a link that opens that element, attributes as name and value.
#[test]
fn a_mind_maps_hyperlink_and_attributes_are_shown_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mm = dir.path().join("links.mm");
    std::fs::write(
        &mm,
        "<map><node TEXT=\"Kaart\"><node TEXT=\"Site\" ID=\"ID_2\" LINK=\"https://www.freeplane.org/\">\
         <attribute NAME=\"birth date\" VALUE=\"1 mei 1990\"/><icon BUILTIN=\"idea\"/>\
         <hook NAME=\"ExternalObject\" URI=\"foto.png\"/></node>\
         <node TEXT=\"Ander\" ID=\"ID_3\" LINK=\"#ID_2\"/></node></map>",
    )
    .unwrap();
    let k = kompas::mindmap::import(&mm, &kompas::mindmap::Defaults::for_file(&mm))
        .unwrap()
        .kompas;
    let site = k.get("ID_2").unwrap();
    let mut h = harness_on(k.clone(), 1280.0, 800.0);
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::Go(kompas::nav::Location {
            view: kompas::nav::View::Page("ID_2".into()),
            selected: Some("ID_2".into()),
        }),
    );
    h.run();
    assert_eq!(
        h.state().location().selected,
        Some(k.element(site).id.clone())
    );
    // On the page and in the detail panel.
    assert!(
        h.get_all_by_role_and_label(egui::accesskit::Role::Heading, "Koppelingen")
            .count()
            >= 1
    );
    let links = h
        .get_all_by_role_and_label(egui::accesskit::Role::Link, "https://www.freeplane.org/")
        .count();
    assert!(links >= 1, "the hyperlink as a link");
    for heading in ["Eigenschappen", "Pictogrammen", "Afbeelding"] {
        assert!(
            h.get_all_by_role_and_label(egui::accesskit::Role::Heading, heading)
                .count()
                >= 1,
            "{heading}"
        );
    }
    for text in ["birth date", "1 mei 1990", "idea", "foto.png"] {
        assert!(h.get_all_by_label(text).count() >= 1, "{text}");
    }
    // A link to another node of the map opens that element.
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::Go(kompas::nav::Location {
            view: kompas::nav::View::Page("ID_3".into()),
            selected: Some("ID_3".into()),
        }),
    );
    h.run();
    let to_site = format!("→ {}", kompas::ui::widgets::access_label(&k, site));
    h.get_all_by_label(&to_site).next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().location().selected,
        Some(k.element(site).id.clone())
    );
}

/// Issue 21: a compass given on the command line is read while the window is made. The
/// window first shows only what is being opened; a file that cannot be read leaves the
/// built-in compass with the reason, as before.
#[test]
fn a_compass_from_the_command_line_opens_after_the_window_and_a_broken_one_falls_back() {
    use kompas::ui::open_window::{EarlyOpening, OpenTarget};
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("sociaal.mm");
    let sk = kompas::load_embedded().unwrap().kompas;
    std::fs::write(&good, kompas::mindmap::freeplane::write(&sk)).unwrap();
    let bad = dir.path().join("kapot.mm");
    std::fs::write(&bad, "<map>\n<node TEXT=\"a\">\n</map>").unwrap();
    for (path, works) in [(good, true), (bad, false)] {
        let placeholder = kompas::ui::placeholder(&path).unwrap();
        let early = EarlyOpening::start(OpenTarget::Path(path.clone()));
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .with_max_steps(16)
            .build_eframe(|cc| {
                let mut app =
                    KompasApp::starting(&cc.egui_ctx, placeholder.kompas, Vec::new(), None);
                app.open_at_start(early, &cc.egui_ctx);
                app
            });
        assert!(h.state().is_opening_at_start() || !h.state().is_opening());
        wait_for_opening(&mut h);
        assert!(!h.state().is_opening_at_start());
        let k = h.state().kompas();
        assert_eq!(k.len(), sk.len(), "{}", path.display());
        if works {
            assert_eq!(k.meta.title, sk.meta.title);
        } else {
            h.get_by_label_contains("kapot.mm:3:");
            h.get_by_label_contains("Het ingebouwde Sociaal Kompas wordt getoond.");
        }
    }
}
