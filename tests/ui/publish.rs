//! Publishing the website from the app.

use super::*;
use egui::accesskit::Role;
use kompas::ui::command::Command;

#[test]
fn the_website_is_published_from_the_beeld_menu_into_a_new_folder() {
    let mut h = harness_sized(1280.0, 800.0);
    h.get_by_label("⚙ Beeld").click();
    h.run();
    h.get_by_label("Publiceer als website…").click();
    h.run();
    h.get_by_role_and_label(Role::Dialog, "Publiceer als website");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("website");
    let field = h.get_by_role_and_label(Role::TextInput, "Map");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Map")
        .type_text(out.to_str().unwrap());
    h.run();
    h.get_by_label("Publiceren").click();
    h.run();
    h.get_by_label_contains("Gepubliceerd: 42 pagina's");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"nl\">"));
    // A second time into the same folder is refused: nothing is overwritten unasked.
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Command::Publish(out.clone(), None));
    h.run();
    h.get_by_label_contains("Niet gepubliceerd");
}
