//! Notes at the desk and the partner's side of the review.

use super::*;

#[test]
fn annotate_an_inspanning_filter_by_status_and_see_the_marker() {
    let mut h = harness();
    h.get_by_label(&label(&h, "1.3")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.3.2")).click_accesskit();
    h.run();
    h.get_by_label(&label(&h, "1.3.2.2")).click_accesskit();
    h.run();
    // The name is asked once.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Naam")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Naam")
        .type_text("Anna");
    h.run();
    h.get_by_label("Bewaren").click();
    h.run();
    assert_eq!(h.state().settings().user_name, "Anna");
    // The name field is gone: focus is on the note, not lost.
    h.run();
    assert!(
        h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Tekst")
            .is_focused(),
        "after Bewaren the note field has focus"
    );
    // A note and a status.
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Tekst")
        .type_text("Frisse scholen: eerst de haalbaarheidsstudie.");
    h.run();
    // Status and priority are radio buttons named with their field and value.
    let geen = h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Status: geen");
    assert_eq!(
        kittest::NodeT::accesskit_node(&geen).toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let r = h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Status: in uitvoering");
    r.click_accesskit();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Prioriteit: geen");
    let a = h.state().notes().get("1.3.2.2").unwrap();
    assert_eq!(a.note, "Frisse scholen: eerst de haalbaarheidsstudie.");
    assert_eq!(a.status.as_deref(), Some("in uitvoering"));
    assert_eq!(a.updated_by, "Anna");
    // The marker: the entry's bullet is the status dot with a pen for the note.
    // Named for what they mean, not "●" and "✎".
    h.get_by_role_and_label(egui::accesskit::Role::Image, "Status: in uitvoering");
    h.get_by_role_and_label(egui::accesskit::Role::Image, "Heeft een notitie");
    assert!(h.query_by_label("✎").is_none());
    // Filter by status: only the annotated inspanning is left in the koerskaart.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "status")
        .click_accesskit();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "in uitvoering")
        .click();
    h.run();
    let k = h.state().kompas();
    let others: Vec<String> = ["1.3.1.1", "1.3.2.1", "1.3.4.6"]
        .iter()
        .map(|id| label(&h, id))
        .collect();
    for other in &others {
        assert!(h.query_by_label(other).is_none(), "{other} is filtered out");
    }
    h.get_by_label(&label(&h, "1.3.2.2"));
    let _ = k;
    // The compass shows a badge on koers 1.3.
    h.key_press(Key::Home);
    h.run();
    h.get_by_label("1 met notities onder Koers 1.3");
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one journey of a partner, step by step"
)]
fn a_partner_opens_their_file_writes_a_reaction_and_saves_it() {
    let k = kompas::load_embedded().unwrap().kompas;
    let mut notes = kompas::notes::NotesFile::default();
    notes.edit(
        "3.1.2.4",
        "",
        "Gemeente",
        kompas::notes::Edit::Partners(vec!["Welzijn".into()]),
    );
    notes.edit(
        "3.1.2.4",
        "",
        "Gemeente",
        kompas::notes::Edit::Note("Graag jullie planning.".into()),
    );
    // The staff member chose to share the note with the partner.
    let (record, invitation) = kompas::review::invite(
        &notes,
        &k,
        "Welzijn",
        "Gemeente",
        kompas::review::ShareNotes::Yes,
    );
    notes.invitations.push(record);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kompas-Welzijn.ron");
    kompas::review::write(&path, &invitation).unwrap();

    let open = |path: &std::path::Path| {
        let file = kompas::review::read(path).unwrap();
        let p = path.to_path_buf();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1100.0, 800.0))
            .build_eframe(move |cc| {
                kompas::ui::partner_app::PartnerApp::new(&cc.egui_ctx, file, &p)
            });
        h.run();
        h
    };
    let mut h = open(&path);
    // Plain words, the context in full (the koers with its introduction), the note.
    h.get_by_label_contains("vraagt uw reactie op 1 inspanning");
    h.get_by_label("Koers 3.1");
    h.get_by_label("Meer inwoners voelen zich betrokken bij elkaar, buurt en/of de gemeente");
    h.get_by_label("Inleiding van Koers 3.1");
    h.get_by_label("Graag jullie planning.");
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Uw reactie")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Uw reactie")
        .type_text("Wij starten in maart.");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Status volgens u")
        .click_accesskit();
    h.run();
    h.get_by_label("in voorbereiding").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Uw naam")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Uw naam")
        .type_text("Piet");
    h.run();
    // Not saved as a reaction yet, and the window says so; the draft is kept as typed.
    h.get_by_label_contains("Nog niet opgeslagen als reactie");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.step();
    h.run();
    let draft = dir.path().join("kompas-Welzijn-concept.kompas-reactie");
    assert!(draft.exists(), "the draft is written as one types");
    // Closing now asks; the window stays.
    h.event(egui::Event::WindowFocused(true));
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Reactie nog niet opgeslagen");
    h.get_by_label("Verder werken").click();
    h.run();
    // Opened again (say after a crash): the words are back.
    let mut again = open(&path);
    again.get_by_label_contains("Uw concept van");
    assert_eq!(
        again.state().file().items[0].reaction.note,
        "Wij starten in maart."
    );
    again.get_by_label("Reactie opslaan").click();
    again.run();
    again.get_by_label_contains("Stuur dit bestand terug naar Gemeente");
    let saved =
        kompas::review::read(&dir.path().join("kompas-Welzijn-reactie.kompas-reactie")).unwrap();
    assert_eq!(saved.kind, kompas::review::ReviewKind::Reactie);
    assert_eq!(saved.answered_by, "Piet");
    assert_eq!(saved.items[0].reaction.note, "Wij starten in maart.");
    assert_eq!(
        saved.items[0].reaction.status.as_deref(),
        Some("in voorbereiding")
    );
    // The municipality imports it: every word arrives.
    let plan = kompas::review::plan(&notes, &saved, &k).unwrap();
    kompas::review::apply(&mut notes, &plan, &Default::default(), "Gemeente", &|_| {
        String::new()
    });
    let a = notes.get("3.1.2.4").unwrap();
    assert_eq!(
        a.latest_reaction("Welzijn").unwrap().note,
        "Wij starten in maart."
    );
    assert_eq!(a.status.as_deref(), Some("in voorbereiding"));
}

/// The notes window makes the invitation as a web page by default: most partners have only a
/// browser. Kompas's own file is one choice away.
#[test]
fn the_invitation_is_a_web_page_unless_kompas_is_chosen() {
    use egui::accesskit::Role;
    use kompas::ui::command::{Command, NotesCommand, UiCommand};
    let mut h = harness_sized(1280.0, 800.0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Command::Notes(NotesCommand::AddPartner("Welzijn".into())),
    );
    for id in ["1.1.1.1", "1.1.1.2"] {
        h.state_mut().apply(
            &ctx,
            Command::Notes(NotesCommand::Annotate(
                id.into(),
                kompas::notes::Edit::Partners(vec!["Welzijn".into()]),
            )),
        );
    }
    h.state_mut()
        .apply(&ctx, Command::Ui(UiCommand::ShowNotesWindow));
    h.run();
    h.get_by_label("Partners").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let field = h.get_by_role_and_label(Role::TextInput, "Map voor de bestanden");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Map voor de bestanden")
        .type_text(dir.path().to_str().unwrap());
    h.run();
    let web = h.get_by_label_contains("webpagina (.html)");
    assert_eq!(
        kittest::NodeT::accesskit_node(&web).toggled(),
        Some(egui::accesskit::Toggled::True),
        "a web page unless chosen otherwise"
    );
    h.get_by_label("Exporteer voor Welzijn").click();
    h.run();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].extension().unwrap(), "html");
    let page = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        page.contains("data-id=\"1.1.1.2\""),
        "the assigned inspanningen"
    );
    assert_eq!(h.state().notes().invitations.len(), 1, "recorded");
    // Kompas's own file, chosen.
    h.get_by_role_and_label(Role::RadioButton, "Kompas-bestand (.kompas-uitnodiging)")
        .click();
    h.run();
    h.get_by_label("Exporteer voor Welzijn").click();
    h.run();
    let ron = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "kompas-uitnodiging")
        .count();
    assert_eq!(ron, 1, "Kompas's file beside the page");
}
