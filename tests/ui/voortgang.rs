//! Voortgang at the desk and in the room: a year's progress on the compass with its sentence
//! for screen readers, the year's record in the detail panel, the Voortgang window, and V
//! while presenting.

use super::*;
use egui::accesskit::Role;
use kompas::notes::{Edit, YearEdit};
use kompas::ui::command::{Command, NotesCommand, UiCommand};

fn set(h: &mut Harness<'static, KompasApp>, id: &str, year: i32, status: &str) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Command::Notes(NotesCommand::Annotate(
            id.into(),
            Edit::Jaar(year, YearEdit::Status(Some(status.into()))),
        )),
    );
}

#[test]
fn a_years_progress_shows_on_the_compass_and_is_said_for_each_koers() {
    let mut h = harness();
    set(&mut h, "1.1.1.1", 2018, "afgerond");
    set(&mut h, "1.1.1.2", 2019, "afgerond");
    set(&mut h, "1.1.1.3", 2019, "vervallen");
    set(&mut h, "1.2.1.1", 2019, "in uitvoering");
    h.run();
    // Off at first: the shapes are named as always.
    assert!(h.query_by_label_contains("afgerond in").is_none());
    h.get_by_role_and_label(Role::ComboBox, "Voortgang")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "2019").click();
    h.run();
    // Koers 1.1 has 27 inspanningen: one vervallen is not counted, two are afgerond (one
    // since 2018).
    let koers = format!("{}. Koers 1.1: 2 van 26 afgerond in 2019", label(&h, "1.1"));
    h.get_by_label(&koers);
    h.get_by_label_contains("Hoofddoel 1: 2 van 119 afgerond in 2019");
    assert!(painted_text(&h).contains("2 van 440 afgerond (0%)"));
    // Said with its year, as a live region: choosing a year is announced.
    let said = h.get_by_label("2019: 2 van 440 afgerond (0%)");
    assert_eq!(
        kittest::NodeT::accesskit_node(&said).live(),
        egui::accesskit::Live::Polite
    );
    // The year before: one.
    h.get_by_role_and_label(Role::ComboBox, "Voortgang")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "2018").click();
    h.run();
    h.get_by_label_contains("Koers 1.1: 1 van 27 afgerond in 2018");
    // Presenting: V turns it off and on again, and the room sees the year.
    h.key_press(Key::F5);
    h.run();
    let text = painted_text(&h);
    assert!(
        text.contains("Voortgang 2018: 1 van 441 afgerond"),
        "{text}"
    );
    h.key_press(Key::V);
    h.run();
    assert!(!painted_text(&h).contains("Voortgang 2018"));
    assert!(h.query_by_label_contains("afgerond in").is_none());
    h.key_press(Key::V);
    h.run();
    assert!(painted_text(&h).contains("Voortgang 2018"));
}

#[test]
fn the_years_record_is_kept_from_the_detail_panel_and_listed_in_the_voortgang_window() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Command::Notes(NotesCommand::SetUserName("Anna".into())),
    );
    h.get_by_label(&label(&h, "1.3")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.3.2")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.3.2.2")).click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Voortgangsjaar")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "2019").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "Status 2019: afgerond")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Wat is bereikt in 2019")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Wat is bereikt in 2019")
        .type_text("Drie scholen verduurzaamd.");
    h.run();
    let a = h.state().notes().get("1.3.2.2").unwrap();
    let r = &a.voortgang[&2019];
    assert_eq!(r.status.as_deref(), Some("afgerond"));
    assert_eq!(r.voortgang, "Drie scholen verduurzaamd.");
    assert!(
        a.history
            .iter()
            .any(|e| e.field == "status 2019" && e.by == "Anna")
    );
    // The Voortgang window: the table lists every inspanning; filtered to afgerond in 2019,
    // only this one.
    h.state_mut()
        .apply(&ctx, Command::Ui(UiCommand::ShowVoortgang));
    h.run();
    h.get_by_label_contains("441 elementen");
    h.get_by_role_and_label(Role::ComboBox, "Status")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "afgerond").click();
    h.run();
    h.get_by_label_contains("Kies een jaar");
    h.get_by_role_and_label(Role::ComboBox, "Jaar")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "2019").click();
    h.run();
    h.get_by_label_contains("1 elementen");
    // Wat is veranderd between 2018 and 2019: this one is new.
    h.get_by_label("Wat is veranderd").click();
    h.run();
    h.get_by_label_contains("1 veranderd tussen 2018 en 2019");
}

#[test]
fn indicator_values_are_entered_per_year_and_the_jaarverslag_is_written_from_the_window() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Command::Ui(UiCommand::ShowVoortgang));
    h.run();
    h.get_by_label("Indicatoren").click();
    h.run();
    // The first indicator (cliënttevredenheid comes third): a measured value for 2019, typed
    // the Dutch way, and a target.
    let jaar = h
        .get_all_by_role_and_label(Role::TextInput, "Jaar")
        .next()
        .unwrap();
    jaar.focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Jaar")
        .next()
        .unwrap()
        .type_text("2019");
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Waarde")
        .next()
        .unwrap()
        .focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Waarde")
        .next()
        .unwrap()
        .type_text("7.410");
    h.run();
    h.get_all_by_label("Meting bewaren").next().unwrap().click();
    h.run();
    let m = &h.state().notes().indicatoren["fysieke-beperking"];
    assert_eq!(m.waarden.get(&2019), Some(&7410.0));
    // The table beside the chart says it in words.
    h.get_by_label_contains("7.410");
    // The jaarverslag of 2019 as Markdown, from the window.
    h.get_by_label("Jaarverslag en export").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("verslag-2019.md");
    let field = h.get_by_role_and_label(Role::TextInput, "Bestand");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Bestand")
        .type_text(out.to_str().unwrap());
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Jaar")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(Role::Button, "2019").click();
    h.run();
    h.get_by_label("Jaarverslag 2019 schrijven").click();
    h.run();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("# Jaarverslag 2019 — Sociaal Kompas 2017-2020"),
        "{text}"
    );
    assert!(
        text.contains("| Huishoudens met een fysieke beperking | 7.410 huishoudens |"),
        "{text}"
    );
    h.get_by_label_contains("Geschreven:");
    // A value typed wrong is taken away again.
    h.get_by_label("Indicatoren").click();
    h.run();
    h.get_by_label("Verwijder de meting van 2019").click();
    h.run();
    assert!(
        !h.state()
            .notes()
            .indicatoren
            .contains_key("fysieke-beperking")
    );
}
