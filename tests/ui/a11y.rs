//! What a screen-reader or keyboard-only user meets, read from the AccessKit tree the screen
//! reader reads: names, roles, states, focus, live regions. The same journeys run through
//! AT-SPI in `tests/a11y/` (`tools/a11y.sh`).

use egui::Key;
use egui::accesskit::{Live, Role};
use egui_kittest::kittest::{self, NodeT as _, Queryable};

use crate::{focused_label, harness, harness_sized, label, search_field};

/// The root node is the window: screen readers name the window by it.
#[test]
fn the_window_is_named_by_its_title() {
    let h = harness();
    let root = h.root();
    let name = root.accesskit_node().label().unwrap_or_default();
    assert!(
        name.starts_with("Sociaal Kompas 2017-2020"),
        "window named '{name}'"
    );
}

/// Finding: ten toolbar stops and an unnamed one before the first wedge. Now the first Tab
/// stop skips to the content: Enter puts focus on the einddoel.
#[test]
fn the_first_tab_stop_skips_to_the_content() {
    let mut h = harness();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Naar de inhoud"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "0")));
    // No focusable thing without a name anywhere on the compass.
    let unnamed: Vec<String> = h
        .root()
        .query_all(kittest::by())
        .filter(|n| {
            let a = n.accesskit_node();
            a.data().supports_action(egui::accesskit::Action::Focus)
                && a.label().unwrap_or_default().trim().is_empty()
                && a.value().unwrap_or_default().trim().is_empty()
        })
        .map(|n| format!("{:?}", n.accesskit_node().role()))
        .collect();
    assert!(unnamed.is_empty(), "unnamed stops: {unnamed:?}");
}

/// Finding: the Openen window left focus on its button, Escape did not close it and focus then
/// dropped to the window. Now: a dialog named by its title takes focus, keeps Tab inside,
/// closes on Escape and gives focus back to what opened it.
#[test]
fn a_dialog_takes_focus_keeps_it_and_gives_it_back() {
    let mut h = harness();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let opener = focused_label(&h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_role_and_label(Role::Dialog, "Kompas openen");
    assert_eq!(focused_label(&h).as_deref(), Some("Kompas openen"));
    // Tab goes round inside the dialog, never to the compass behind it.
    for _ in 0..12 {
        h.key_press(Key::Tab);
        h.run();
        let now = focused_label(&h).unwrap_or_default();
        assert!(
            !now.starts_with("Koers") && !now.starts_with("Einddoel") && now != "⌂ Home",
            "Tab left the dialog for '{now}'"
        );
    }
    h.key_press(Key::Escape);
    h.run();
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Dialog, "Kompas openen")
            .is_none()
    );
    assert_eq!(focused_label(&h), opener, "focus back where it was");
    // Escape closed the dialog only: the view behind did not go back a level.
    assert_eq!(crate::view(&h), kompas::nav::View::Compass);
}

/// egui's windows name their buttons in English ("Close window"); the dialogs do not.
#[test]
fn dialogs_speak_dutch() {
    let mut h = harness();
    use kompas::ui::command::{Command, UiCommand};
    for (command, title) in [
        (UiCommand::ShowOpenWindow, "Kompas openen"),
        (UiCommand::ShowImageExport, "Exporteer als afbeelding"),
    ] {
        h.state_mut()
            .apply(&egui::Context::default(), Command::Ui(command));
        h.run();
        h.get_by_role_and_label(Role::Dialog, title);
        assert!(h.query_by_label_contains("window").is_none());
        h.key_press(Key::Escape);
        h.run();
        assert!(h.query_by_role(Role::Dialog).is_none(), "{title} closed");
    }
    h.get_by_label("Notities").click();
    h.run();
    h.get_by_role_and_label(Role::Dialog, "Notities en partners");
    assert!(h.query_by_label_contains("window").is_none());
    h.get_by_role_and_label(Role::Button, "Sluiten").click();
    h.run();
    assert!(h.query_by_role(Role::Dialog).is_none());
}

/// Finding: the search count changed silently and ↑ ↓ only toggled `pressed` on results. Now
/// the count is a polite live region and the result under the cursor is the field's active
/// descendant, so each is spoken while typing goes on.
#[test]
fn search_counts_are_announced_and_the_cursor_is_spoken() {
    let mut h = harness();
    search_field(&h).focus();
    h.run();
    search_field(&h).type_text("mantelzorg");
    h.run();
    let count = h.get_by_label_contains("resultaten voor ‘mantelzorg’");
    assert_eq!(count.accesskit_node().live(), Live::Polite);
    // The screen reader's focus is the result under the cursor (the field's active
    // descendant) while the keyboard stays in the field.
    let first = focused_label(&h).expect("a result is spoken");
    assert!(first.contains(" — "), "a result: '{first}'");
    h.key_press(Key::ArrowDown);
    h.run();
    let field_has_keys = h.ctx.memory(|m| m.has_focus(egui::Id::unique("zoekveld")));
    assert!(field_has_keys, "typing stays in the field");
    let field = search_field(&h);
    let active = field
        .accesskit_node()
        .active_descendant()
        .expect("the field names the result under the cursor");
    assert_eq!(active.role(), Role::Button);
    assert_eq!(active.is_selected(), Some(true));
    assert_ne!(active.label(), Some(first), "↓ moved to the next result");
    // Results are buttons, not toggle buttons ("niet ingedrukt" on every one).
    // (The panel switches in the bar are toggles, rightly.)
    let results: Vec<_> = h
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(" — "))
        })
        .collect();
    assert!(results.len() >= 10);
    for n in results {
        assert_eq!(
            n.accesskit_node().toggled(),
            None,
            "{:?}",
            n.accesskit_node().label()
        );
    }
}

/// The steps of the trail are links; the "›" between them is neither a stop nor read out.
#[test]
fn trail_separators_are_not_read() {
    let mut h = harness_sized(1280.0, 800.0);
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::Open("2.3".into()),
    );
    h.run();
    for n in h.query_all_by_label("›") {
        assert!(n.accesskit_node().is_hidden(), "a visible '›' node");
    }
}

/// The legend and the begrippenlijst have headings to jump by; the compass canvas is a named
/// image, not an unnamed stop.
#[test]
fn headings_and_the_canvas_are_named() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Heading, "Sociaal Kompas 2017-2020");
    h.get_by_role_and_label(Role::Heading, "Hoofddoelen");
    h.get_by_role_and_label(Role::Image, "Kompas: Sociaal Kompas 2017-2020");
    h.get_by_role_and_label(Role::Link, "1. Langer thuis: zorg dichtbij en integraal");
    h.get_by_label("Begrippen").click();
    h.run();
    h.get_by_role_and_label(Role::Heading, "Begrippenlijst");
}

/// F6 goes to the detail panel's heading and, from anywhere in the panel, back to the
/// selection; F1 opens "Over het kompas" with focus on the page's title.
#[test]
fn f6_reaches_the_details_and_f1_the_pages() {
    let mut h = harness();
    h.state_mut().apply(
        &egui::Context::default(),
        kompas::ui::command::Command::Open("1.1.1.1".into()),
    );
    h.run();
    h.key_press(Key::F6);
    h.run();
    let heading = h.get_by_role_and_label(Role::Heading, "Inspanning 1.1.1.1");
    assert!(heading.is_focused());
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::F6);
    h.run();
    h.run();
    assert_eq!(focused_label(&h), Some(label(&h, "1.1.1.1")));
    h.key_press(Key::F1);
    h.run();
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Woord vooraf"));
    // The page list: buttons, the page shown selected.
    let current = h.get_by_role_and_label(Role::Button, "Woord vooraf");
    assert_eq!(current.accesskit_node().is_selected(), Some(true));
    assert_eq!(current.accesskit_node().toggled(), None);
}
