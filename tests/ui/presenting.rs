//! Workshop mode, zoom and pictures of a view.

use super::*;

#[test]
fn presenting_steps_through_the_compass_in_order_and_wraps() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting());
    // Panels are hidden: no search field, no Home button.
    assert!(h.query_by_label("⌂ Home").is_none());
    let seq = kompas::nav::presentation_sequence(h.state().kompas());
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().location(), &seq[0]);
    // Right, PageDown and Space step forward, as clickers send them.
    for (i, key) in [Key::ArrowRight, Key::PageDown, Key::Space]
        .into_iter()
        .enumerate()
    {
        h.key_press(key);
        h.run();
        assert_eq!(h.state().location(), &seq[i + 1], "after {key:?}");
    }
    // The position is a polite status: spoken with the title of the step.
    let status = h.get_by_role(egui::accesskit::Role::Status);
    let node = kittest::NodeT::accesskit_node(&status);
    assert!(
        node.label().unwrap_or_default().starts_with(
            "Koerskaart 1.1 — hoofdinspanning 1 van 5: Kennis en vaardigheden voor opgroeien"
        ),
        "{:?}",
        node.label()
    );
    assert_eq!(node.live(), egui::accesskit::Live::Polite);
    // On to the next hoofdinspanning (past this one's slides): focus on its title.
    while h.state().location() == &seq[3] {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().location(), &seq[4]);
    let k = kompas::load_embedded().unwrap().kompas;
    let next = &k.element(seq[4].focus(&k).unwrap()).title;
    assert!(
        h.get_by_role_and_label(egui::accesskit::Role::Heading, next)
            .is_focused()
    );
    h.key_press(Key::Home);
    h.run();
    for _ in 0..3 {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().location(), &seq[2]);
    // A number jumps to that hoofddoel, with it in the spotlight.
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(h.state().location().selected, Some("3".into()));
    h.get_by_label_contains("Hoofddoel 3 — 3 van 4: ");
    // Back from the very start wraps to the end, forward from the end to the start.
    h.key_press(Key::Home);
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().location(), seq.last().unwrap());
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().location(), &seq[0]);
    // Escape ends the presentation.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
    h.get_by_label("⌂ Home");
}

#[test]
fn presenting_hides_notes_unless_asked_and_then_shows_their_text() {
    let mut h = harness_sized(1280.0, 720.0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        kompas::ui::command::Command::Notes(kompas::ui::command::NotesCommand::SetUserName(
            "Anna".into(),
        )),
    );
    h.state_mut().apply(
        &ctx,
        kompas::ui::command::Command::Notes(kompas::ui::command::NotesCommand::Annotate(
            "1.1.1.1".into(),
            kompas::notes::Edit::Note("intern".into()),
        )),
    );
    h.state_mut().apply(
        &ctx,
        kompas::ui::command::Command::Go(kompas::nav::Location {
            view: View::Kaart("1.1".into()),
            selected: Some("1.1".into()),
        }),
    );
    h.run();
    h.get_by_label("Heeft een notitie");
    h.key_press(Key::F5);
    h.run();
    // The kaart is presented a hoofdinspanning at a time: its first one, titled.
    let k = kompas::load_embedded().unwrap().kompas;
    let first = &k.element(k.get("1.1.1").unwrap()).title;
    h.get_by_role_and_label(egui::accesskit::Role::Heading, first);
    assert!(
        h.query_by_label("Heeft een notitie").is_none(),
        "the note marker is hidden while presenting"
    );
    assert!(h.query_by_label("intern").is_none());
    h.key_press(Key::N);
    h.run();
    // N shows the notes themselves to the room, not the desk's filter bar.
    h.get_by_label("intern");
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::ComboBox, "status")
            .is_none()
    );
    h.key_press(Key::N);
    h.run();
    assert!(h.query_by_label("intern").is_none());
}

/// Finding: the koerskaart was three columns of small text with no sign of more below, and
/// long koers pages were cut at the bottom. Now a step too long for the screen is split into
/// slides ("1/2" in the strip), every slide under the step's title, and all the text is on
/// them, word for word.
#[test]
fn a_long_step_is_split_into_slides_with_every_word_on_one_of_them() {
    use egui::accesskit::Role;
    let mut h = harness_sized(1280.0, 720.0);
    h.key_press(Key::F5);
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    let seq = kompas::nav::presentation_sequence(&k);
    // The first step too long for one slide at 1280×720 (a hoofdinspanning on its kaart).
    let at = (0..seq.len())
        .find(|&i| {
            h.state_mut().apply(
                &egui::Context::default(),
                kompas::ui::command::Command::Go(seq[i].clone()),
            );
            h.run();
            h.state().slide_page().is_some()
        })
        .expect("some step takes more than one slide");
    let part = seq[at].focus(&k).unwrap();
    let el = k.element(part);
    let pages = h.state().slide_page().unwrap();
    let (_, total) = pages.split_once('/').unwrap();
    let total: usize = total.parse().unwrap();
    assert_eq!(pages, format!("1/{total}"));
    let mut words = Vec::new();
    for page in 1..=total {
        assert_eq!(h.state().slide_page(), Some(format!("{page}/{total}")));
        assert_eq!(
            h.state().location(),
            &seq[at],
            "turning a slide is not a step"
        );
        // The title on every slide, and the strip says which slide.
        h.get_by_role_and_label(Role::Heading, &el.title);
        let status = h.get_by_role(Role::Status);
        let spoken = kittest::NodeT::accesskit_node(&status)
            .label()
            .unwrap_or_default();
        assert!(
            spoken.ends_with(&format!("(dia {page} van {total})")),
            "{spoken}"
        );
        for node in h.get_all_by_role(Role::ListItem) {
            let text = kittest::NodeT::accesskit_node(&node)
                .label()
                .unwrap_or_default();
            words.extend(text.split_whitespace().map(str::to_owned));
        }
        h.key_press(Key::ArrowRight);
        h.run();
    }
    // Every entry under the hoofdinspanning, in document order.
    fn titles(k: &kompas::model::Kompas, ix: kompas::model::Ix, out: &mut Vec<String>) {
        for &c in k.children(ix) {
            out.extend(k.element(c).title.split_whitespace().map(str::to_owned));
            titles(k, c, out);
        }
    }
    let mut expected = Vec::new();
    titles(&k, part, &mut expected);
    assert_eq!(words, expected, "every word once, in order");
    // Past the last slide comes the next step; back from it, the last slide again.
    assert_eq!(h.state().location(), &seq[at + 1]);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().location(), &seq[at]);
    assert_eq!(h.state().slide_page(), Some(format!("{total}/{total}")));
}

#[test]
fn zoom_changes_the_text_size() {
    let mut h = harness();
    // In screen pixels: zoom makes points larger.
    let label_height = |h: &Harness<'_, KompasApp>| {
        h.get_by_label("⌂ Home").rect().height() * h.ctx.pixels_per_point()
    };
    let before = label_height(&h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(
        (h.state().zoom() - 1.21).abs() < 0.01,
        "{}",
        h.state().zoom()
    );
    let after = label_height(&h);
    assert!(after > before * 1.15, "{before} → {after}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((label_height(&h) - before).abs() < 0.5);
}

#[test]
fn the_current_view_is_exported_as_a_picture_from_the_menu() {
    let mut h = harness();
    h.get_by_label(&label(&h, "2.3")).click_accesskit();
    h.run();
    h.get_by_label("⚙ Beeld").click();
    h.run();
    h.get_by_label("Exporteer als afbeelding…").click();
    h.run();
    // The proposed name says what the picture shows.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Bestand");
    let proposed = field.value().unwrap_or_default();
    assert!(proposed.ends_with("kompas-2.3.png"), "{proposed}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dia-2.3.png");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Bestand")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("1280 × 720").click();
    h.run();
    h.get_by_label("Opslaan").click();
    // The spinner keeps repainting while the picture is made, so step rather than run.
    h.step();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.query_by_label_contains("Opgeslagen").is_none() && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    h.get_by_label_contains("Opgeslagen");
    let png = std::fs::read(&path).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1280, 720));
}

/// Finding: at 1280×720 presenting cut titles ("Meetellen en meedoen in…", "3") and the
/// indicator wrapped mid-word over the content. Now every step's title is a whole heading inside
/// the screen, the compass steps list the subject's children in full, and the indicator is one
/// line in a strip of its own below the view.
#[test]
fn every_step_shows_its_title_whole_and_the_indicator_is_one_line() {
    use egui::accesskit::Role;
    let mut h = harness_sized(1280.0, 720.0);
    h.key_press(Key::F5);
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    let seq = kompas::nav::presentation_sequence(&k);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
    for step in &seq {
        h.state_mut().apply(
            &egui::Context::default(),
            kompas::ui::command::Command::Go(step.clone()),
        );
        h.run();
        let ix = step.focus(&k).unwrap();
        let title = &k.element(ix).title;
        let heading = h.get_by_role_and_label(Role::Heading, title);
        let r = kittest::NodeT::accesskit_node(&heading)
            .bounding_box()
            .unwrap();
        let rect = egui::Rect::from_min_max(
            egui::pos2(r.x0 as f32, r.y0 as f32),
            egui::pos2(r.x1 as f32, r.y1 as f32),
        );
        assert!(screen.contains_rect(rect), "{title} at {rect:?}");
        let status = h.get_by_role(Role::Status);
        let s = kittest::NodeT::accesskit_node(&status)
            .bounding_box()
            .unwrap();
        assert!(s.y1 - s.y0 < 40.0, "indicator of one line: {s:?}");
        assert!(s.y0 >= f64::from(rect.max.y), "indicator below the title");
        if step.view == kompas::nav::View::Compass {
            // The subject's children in full beside the compass.
            for &c in k.children(ix) {
                h.get_by_label(&k.element(c).title);
            }
        }
    }
}

/// The slides and the handout come out of the app too, not only `kompas render`.
#[test]
fn the_presentation_is_exported_from_the_menu_into_a_folder() {
    let mut h = harness();
    h.get_by_label("⚙ Beeld").click();
    h.run();
    h.get_by_label("Presentatie exporteren…").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Heading, "Presentatie exporteren");
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Map");
    let proposed = field.value().unwrap_or_default();
    assert!(proposed.ends_with("kompas-presentatie"), "{proposed}");
    // The picture export still proposes a file.
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("⚙ Beeld").click();
    h.run();
    h.get_by_label("Exporteer als afbeelding…").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Bestand");
}

/// Two screens: P opens the presenter window (in a backend with one window, as here, it is
/// drawn inside the main one), which follows every step and shows what comes next.
#[test]
fn the_presenter_window_follows_the_steps_and_shows_what_comes_next() {
    use egui::accesskit::Role;
    let mut h = harness_sized(1280.0, 720.0);
    h.key_press(Key::F5);
    h.run();
    assert!(
        h.query_by_label("Nu in de zaal").is_none(),
        "off until asked for"
    );
    h.key_press(Key::P);
    h.run();
    h.get_by_role_and_label(Role::Heading, "Nu in de zaal");
    h.get_by_role_and_label(Role::Heading, "Straks");
    // The strip below the room's view and the presenter's "now" both say it.
    assert!(h.get_all_by_label("Einddoel").count() >= 2);
    // What comes next is hoofddoel 1; one press later it is in the room.
    h.get_by_label("Hoofddoel 1 — 1 van 4");
    h.key_press(Key::ArrowRight);
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    let hoofddoel = &k.element(k.get("1").unwrap()).title;
    assert!(h.get_all_by_label(hoofddoel).count() >= 1);
    h.get_by_label("Koers 1.1 — 1 van 16");
    let timer = h.get_by_role(Role::Timer);
    assert!(
        kittest::NodeT::accesskit_node(&timer)
            .label()
            .unwrap_or_default()
            .starts_with("Verstreken tijd 0:0")
    );
    // The choice is remembered; P closes it again.
    h.key_press(Key::P);
    h.run();
    assert!(h.query_by_label("Nu in de zaal").is_none());
}
