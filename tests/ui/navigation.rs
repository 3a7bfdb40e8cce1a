//! Finding one's way: the compass, pages, kaarten, the keyboard, breadcrumbs, history, the outline.

use super::*;

#[test]
fn every_shape_of_the_compass_is_named_with_its_full_text() {
    let h = harness();
    let k = h.state().kompas();
    for ix in k
        .document_order()
        .into_iter()
        .filter(|&ix| k.element(ix).depth <= 2)
    {
        let name = kompas::ui::widgets::access_label(k, ix);
        h.get_by_role_and_label(egui::accesskit::Role::Button, &name);
    }
}

#[test]
fn clicking_a_koers_shows_its_hoofdinspanningen() {
    let mut h = harness();
    let koers = label(&h, "2.3");
    h.get_by_label(&koers).click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Page("2.3".into()));
    let k = h.state().kompas();
    let his: Vec<String> = k
        .children(k.get("2.3").unwrap())
        .iter()
        .map(|&c| kompas::ui::widgets::access_label(k, c))
        .collect();
    assert_eq!(his.len(), 4);
    for hi in &his {
        h.get_by_label(hi);
    }
    // Its introduction is on the page.
    h.get_by_label_contains("Betaald werk is niet alleen van belang");
}

#[test]
fn opening_a_hoofdinspanning_lists_its_inspanningen() {
    let mut h = harness();
    h.get_by_label(&label(&h, "4.3")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "4.3.3")).click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Kaart("4.3".into()));
    assert_eq!(h.state().location().selected, Some("4.3.3".into()));
    let k = h.state().kompas();
    let koers = k.get("4.3").unwrap();
    let mut n = 0;
    for &hi in k.children(koers) {
        for &insp in k.children(hi) {
            h.get_by_label(&kompas::ui::widgets::access_label(k, insp));
            n += 1;
        }
    }
    assert_eq!(n, 51, "the largest koerskaart shows all its inspanningen");
}

#[test]
fn selecting_an_inspanning_shows_it_in_the_detail_panel() {
    let mut h = harness();
    h.get_by_label(&label(&h, "1.2")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.2.2")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.2.2.3")).click_accesskit();
    h.run();
    assert_eq!(h.state().location().selected, Some("1.2.2.3".into()));
    // The detail panel shows the place in the tree as links.
    h.get_by_role_and_label(egui::accesskit::Role::Link, &label(&h, "1.2.2"));
    h.get_by_role_and_label(egui::accesskit::Role::Link, &label(&h, "1.2"));
}

#[test]
fn keyboard_only_from_the_compass_to_an_inspanning_and_back_home() {
    let mut h = harness();
    // Tab until the einddoel in the middle of the compass has focus.
    let einddoel = label(&h, "0");
    for _ in 0..30 {
        if focused_label(&h).as_deref() == Some(einddoel.as_str()) {
            break;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    assert_eq!(focused_label(&h), Some(einddoel));
    // Down goes outward: hoofddoel 1, then its first koers; right goes round the ring.
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1")));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1.1")));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1.2")));
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(
        focused_label(&h),
        Some(label(&h, "4.3")),
        "left from the first koers wraps to the last"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    // Enter opens the koers; focus lands on its title, a heading at the top of the page.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(view(&h), View::Page("1.1".into()));
    let k = kompas::load_embedded().unwrap().kompas;
    let title = k.element(k.get("1.1").unwrap()).title.clone();
    assert_eq!(focused_label(&h), Some(title));
    // Tab walks on, past the link to its hoofddoel and the kaart, to the first card.
    for _ in 0..4 {
        if focused_label(&h) == Some(label(&h, "1.1.1")) {
            break;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    assert_eq!(focused_label(&h), Some(label(&h, "1.1.1")));
    // Tab to the second, Enter opens the koerskaart there.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1.1.2")));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(view(&h), View::Kaart("1.1".into()));
    assert_eq!(focused_label(&h), Some(label(&h, "1.1.2")));
    // Tab to its first inspanning and select it.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1.1.2.1")));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().location().selected, Some("1.1.2.1".into()));
    // Escape climbs: koerskaart → koers page → hoofddoel page → compass.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(view(&h), View::Page("1.1".into()));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(view(&h), View::Page("1".into()));
    assert_eq!(
        focused_label(&h),
        Some(label(&h, "1.1")),
        "focus returns to where we came from"
    );
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(view(&h), View::Compass);
    assert_eq!(focused_label(&h), Some(label(&h, "1")));
}

#[test]
fn home_key_and_button_return_to_the_compass() {
    let mut h = harness();
    h.get_by_label(&label(&h, "3.2")).click_accesskit();
    h.run();
    h.key_press(Key::Home);
    h.run();
    assert_eq!(view(&h), View::Compass);
    h.get_by_label(&label(&h, "3.2")).click_accesskit();
    h.run();
    h.get_by_label("⌂ Home").click();
    h.run();
    assert_eq!(view(&h), View::Compass);
}

#[test]
fn breadcrumbs_back_and_forward() {
    let mut h = harness();
    h.get_by_label(&label(&h, "2.2")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "2.2.4")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "2.2.4.2")).click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Kaart("2.2".into()));
    // Breadcrumb trail: Einddoel › Hoofddoel 2 › Koers 2.2 › Hoofdinspanning D › Inspanning 2.2.4.2.
    for crumb in [
        "Einddoel",
        "Hoofddoel 2",
        "Koers 2.2",
        "Hoofdinspanning D",
        "Inspanning 2.2.4.2",
    ] {
        h.get_by_role_and_label(egui::accesskit::Role::Button, crumb);
    }
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Hoofddoel 2")
        .click();
    h.run();
    assert_eq!(view(&h), View::Page("2".into()));
    // Back returns to the koerskaart, forward to the hoofddoel page again.
    h.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowLeft);
    h.run();
    assert_eq!(view(&h), View::Kaart("2.2".into()));
    assert_eq!(h.state().location().selected, Some("2.2.4.2".into()));
    h.get_by_label("Vooruit →").click();
    h.run();
    assert_eq!(view(&h), View::Page("2".into()));
    h.get_by_label("← Terug").click();
    h.get_by_label("← Terug").click();
    h.run();
    h.run();
    assert!(matches!(view(&h), View::Page(_) | View::Compass));
    // The mouse's back button works too.
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(640.0, 400.0),
        button: egui::PointerButton::Extra2,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    assert_ne!(view(&h), View::Compass);
}

#[test]
fn previous_and_next_koers_without_going_home() {
    let mut h = harness();
    h.get_by_label(&label(&h, "1.5")).click_accesskit();
    h.run();
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(view(&h), View::Page("2.1".into()));
    h.get_by_label("◀ Vorige koers").click();
    h.run();
    assert_eq!(view(&h), View::Page("1.5".into()));
}

#[test]
fn the_compass_draws_at_the_smallest_window() {
    let mut h = harness_sized(800.0, 600.0);
    h.get_by_label(&label(&h, "4.3")).click_accesskit();
    h.run();
    assert_eq!(view(&h), View::Page("4.3".into()));
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_last_view_and_theme_are_remembered_between_runs() {
    let mut h = harness();
    h.get_by_label(&label(&h, "3.3")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "3.3.2")).click_accesskit();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        kompas::ui::command::Command::SetTheme(kompas::ui::theme::ThemeKind::Dark),
    );
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);

    let kompas = kompas::load_embedded().unwrap().kompas;
    let again = KompasApp::new(
        &egui::Context::default(),
        kompas,
        Vec::new(),
        Some(&storage),
    );
    assert_eq!(again.location().view, View::Kaart("3.3".into()));
    assert_eq!(again.location().selected, Some("3.3.2".into()));
    assert_eq!(again.settings().theme, kompas::ui::theme::ThemeKind::Dark);

    // A saved place that no longer exists (another version of the compass) falls back home.
    let mut settings = again.settings().clone();
    settings.last_location[0].1.view = View::Page("9.9".into());
    storage.set_string(
        kompas::ui::app::SETTINGS_KEY,
        ron::to_string(&settings).unwrap(),
    );
    let kompas = kompas::load_embedded().unwrap().kompas;
    let fallback = KompasApp::new(
        &egui::Context::default(),
        kompas,
        Vec::new(),
        Some(&storage),
    );
    assert_eq!(fallback.location().view, View::Compass);
}

#[test]
fn the_outline_opens_a_level_and_goes_to_an_element() {
    let mut h = harness();
    h.get_by_label("☰ Overzicht").click();
    h.run();
    let hoofddoel = label(&h, "2");
    h.get_by_label(&format!("Openklappen: {hoofddoel}")).click();
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    let koers = k.get("2.3").unwrap();
    // A row is named as everywhere else, "Koers 2.3: …", a button (not a toggle).
    let row = label(&h, "2.3");
    // (The compass's wedge has the same name: the outline's row is the one at the left.)
    let node = h
        .query_all_by_role_and_label(egui::accesskit::Role::Button, &row)
        .min_by_key(|n| {
            kittest::NodeT::accesskit_node(n)
                .bounding_box()
                .map_or(i64::MAX, |r| r.x0 as i64)
        })
        .unwrap();
    assert_eq!(kittest::NodeT::accesskit_node(&node).toggled(), None);
    node.click();
    h.run();
    assert_eq!(view(&h), View::Page("2.3".into()));
    // The path to the selection stays open; the selection itself can be opened.
    h.get_by_label(&format!("Dichtklappen: {hoofddoel}"));
    h.get_by_label(&format!("Openklappen: {}", label(&h, "2.3")))
        .click();
    h.run();
    let first = k.children(koers)[0];
    // Its first child shows in the outline as well as on the page.
    assert_eq!(
        h.query_all_by_label(&label(&h, k.element(first).id.as_str()))
            .count(),
        2
    );
}

/// Every control of the two bars at the top, with its place on screen.
fn bar_controls(h: &Harness<'_, KompasApp>) -> Vec<(String, egui::Rect)> {
    use egui::accesskit::Role;
    h.root()
        .query_all(kittest::by())
        .filter_map(|n| {
            let a = kittest::NodeT::accesskit_node(&n);
            let keep = matches!(
                a.role(),
                Role::Button | Role::Link | Role::TextInput | Role::CheckBox | Role::Label
            );
            let r = a.bounding_box()?;
            let rect = egui::Rect::from_min_max(
                egui::pos2(r.x0 as f32, r.y0 as f32),
                egui::pos2(r.x1 as f32, r.y1 as f32),
            );
            let name = a.label().or_else(|| a.value()).unwrap_or_default();
            // The skip link is unseen until focused, and then drawn over the bar on purpose.
            let keep = keep && name != "Naar de inhoud";
            // The bars: below them, or scrolled away above, is the view.
            (keep && rect.min.y >= 0.0 && rect.max.y < 90.0 && rect.area() > 1.0)
                .then_some((name, rect))
        })
        .collect()
}

/// Finding: at 1024×768 the search field sat under "☰ Overzicht"; at 800×600 five buttons
/// overlapped; at 1280 with zoom 120 % too. Now the bar folds into a menu instead.
#[test]
fn the_bars_never_overlap_at_any_size_or_zoom() {
    for (w, hgt) in [
        (800.0, 600.0),
        (1024.0, 768.0),
        (1280.0, 720.0),
        (1920.0, 1080.0),
    ] {
        let mut h = harness_sized(w, hgt);
        for zoom in [1.0_f32, 1.2, 1.5] {
            h.state_mut().apply(
                &egui::Context::default(),
                kompas::ui::command::Command::SetZoom(zoom),
            );
            // Open a koers so the trail and previous/next are there too.
            h.state_mut().apply(
                &egui::Context::default(),
                kompas::ui::command::Command::Open("2.3".into()),
            );
            h.run();
            let controls = bar_controls(&h);
            if std::env::var_os("KOMPAS_TOON").is_some() {
                eprintln!("{w}x{hgt} @{zoom}: {controls:#?}");
            }
            assert!(controls.len() >= 6, "{w}x{hgt} @{zoom}: {controls:?}");
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, hgt));
            for (i, (a, ra)) in controls.iter().enumerate() {
                assert!(
                    screen.expand(1.0).contains_rect(*ra),
                    "{w}x{hgt} @{zoom}: '{a}' off screen at {ra:?}"
                );
                for (b, rb) in &controls[i + 1..] {
                    let overlap = ra.intersect(*rb);
                    assert!(
                        !overlap.is_positive() || overlap.area() < 2.0,
                        "{w}x{hgt} @{zoom}: '{a}' {ra:?} overlaps '{b}' {rb:?}"
                    );
                }
            }
        }
    }
}

/// Finding: a koers page opened scrolled to its first card, its coloured header under the
/// trail (click a koers, PageDown; on 4.3 the start of the introduction was hidden too).
#[test]
fn every_koers_page_opens_with_its_title_in_view() {
    use egui::accesskit::Role;
    let mut h = harness_sized(1280.0, 720.0);
    h.get_by_label(&label(&h, "1.1")).click_accesskit();
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    for &koers in k.at_depth(2) {
        let id = k.element(koers).id.to_string();
        assert_eq!(view(&h), View::Page(id.as_str().into()));
        let heading = h.get_by_role_and_label(Role::Heading, &k.element(koers).title);
        let r = kittest::NodeT::accesskit_node(&heading)
            .bounding_box()
            .unwrap();
        // Below the two bars (about 75 px) and inside the window.
        assert!(r.y0 >= 70.0 && r.y1 <= 720.0, "{id}: title at {r:?}");
        assert!(heading.is_focused(), "{id}: focus on the title");
        h.key_press(Key::PageDown);
        h.run();
    }
}

/// Finding: kaart blocks stacked by column height read A C D / B E; they read A B C / D E.
#[test]
fn kaart_blocks_read_left_to_right_then_down() {
    let mut h = harness_sized(1920.0, 1080.0);
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::Go(kompas::nav::Location {
            view: View::Kaart("2.1".into()),
            selected: Some("2.1".into()),
        }),
    );
    h.run();
    let k = kompas::load_embedded().unwrap().kompas;
    let tops: Vec<(f64, f64)> = k
        .children(k.get("2.1").unwrap())
        .iter()
        .map(|&c| {
            let name = kompas::ui::widgets::access_label(&k, c);
            let node = h.get_by_label(&name);
            let r = kittest::NodeT::accesskit_node(&node)
                .bounding_box()
                .unwrap();
            (r.y0, r.x0)
        })
        .collect();
    assert!(tops.len() >= 4, "{tops:?}");
    // Row by row: the next block is to the right on the same row, or on a lower row.
    for w in tops.windows(2) {
        let ((y0, x0), (y1, x1)) = (w[0], w[1]);
        assert!(
            (y1 - y0).abs() < 1.0 && x1 > x0 || y1 > y0 + 1.0,
            "reading order broken: {tops:?}"
        );
    }
}

/// A pointer that happens to rest over the compass when the window opens shows no tooltip
/// (on a projector it covered the compass until someone touched the mouse); once it moves,
/// the shape under it shows its full text.
#[test]
fn a_resting_pointer_opens_no_tooltip_until_it_moves() {
    let mut h = harness_sized(1280.0, 800.0);
    let shape = h.get_by_label(&label(&h, "1.1")).rect().center();
    h.hover_at(shape);
    for _ in 0..40 {
        h.step();
    }
    h.run();
    assert!(
        !painted_text(&h).contains("5 Hoofdinspanningen"),
        "no tooltip for a pointer that has not moved"
    );
    h.hover_at(shape + egui::vec2(2.0, 1.0));
    h.run();
    assert!(
        painted_text(&h).contains("5 Hoofdinspanningen"),
        "the tooltip once it moves: {}",
        painted_text(&h)
    );
}
