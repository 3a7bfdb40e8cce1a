//! The app as a user meets it, driven through AccessKit: click by label, press keys.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use eframe::Storage as _;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{self, Queryable};
use kompas::nav::View;
use kompas::ui::app::KompasApp;

fn harness() -> Harness<'static, KompasApp> {
    harness_sized(1280.0, 800.0)
}

fn harness_sized(w: f32, h: f32) -> Harness<'static, KompasApp> {
    harness_on(kompas::load_embedded().unwrap().kompas, w, h)
}

/// A folder of its own for the notes of the compasses a test opens, so no test reads or
/// writes the notes in the user's data folder.
fn notes_dir() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("notities-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn harness_on(kompas: kompas::Kompas, w: f32, h: f32) -> Harness<'static, KompasApp> {
    use kompas::ui::command::{Command, Flag, NotesCommand, OnOff};
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        // Grids settle their column widths over a few frames.
        .with_max_steps(16)
        .build_eframe(|cc| {
            let mut app = KompasApp::new(&cc.egui_ctx, kompas, Vec::new(), None);
            app.apply(&cc.egui_ctx, Command::Set(Flag::Animations, OnOff::Off));
            app.apply(
                &cc.egui_ctx,
                Command::Notes(NotesCommand::SetDir(notes_dir())),
            );
            app
        });
    h.run();
    h
}

/// The accessible name of an element: "Koers 1.1: Meer jeugd groeit op in een veilige omgeving".
fn label(h: &Harness<'_, KompasApp>, id: &str) -> String {
    let k = h.state().kompas();
    kompas::ui::widgets::access_label(k, k.get(id).unwrap())
}

fn focused_label(h: &Harness<'_, KompasApp>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .and_then(|n| kittest::NodeT::accesskit_node(&n).label())
}

fn view(h: &Harness<'_, KompasApp>) -> View {
    h.state().location().view.clone()
}

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
    // Enter opens the koers; focus lands on its first hoofdinspanning.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(view(&h), View::Page("1.1".into()));
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

fn search_field<'a>(h: &'a Harness<'_, KompasApp>) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Zoeken")
}

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
    // Results are grouped by level and show the place of each.
    h.get_by_label_contains("Hoofdinspanningen (");
    h.get_by_label_contains("Inspanningen (");
    let first = h.state().search().hits.first().cloned().unwrap();
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
    for e in &glossary.entries {
        h.get_by_label(&e.term);
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
    // A note and a status.
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Tekst")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Tekst")
        .type_text("Frisse scholen: eerst de haalbaarheidsstudie.");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Status")
        .click();
    h.run();
    h.get_by_label("● in uitvoering").click();
    h.run();
    let a = h.state().notes().get("1.3.2.2").unwrap();
    assert_eq!(a.note, "Frisse scholen: eerst de haalbaarheidsstudie.");
    assert_eq!(a.status.as_deref(), Some("in uitvoering"));
    assert_eq!(a.updated_by, "Anna");
    // The marker: the entry's bullet is the status dot with a pen for the note.
    assert!(h.query_all_by_label("●").count() >= 1);
    h.get_by_label("✎");
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

    let file = kompas::review::read(&path).unwrap();
    let p = path.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_eframe(move |cc| kompas::ui::partner_app::PartnerApp::new(&cc.egui_ctx, file, &p));
    h.run();
    // The context and the municipality's note are shown.
    h.get_by_label(
        "Koers 3.1: Meer inwoners voelen zich betrokken bij elkaar, buurt en/of de gemeente",
    );
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
    h.get_by_label("Reactie opslaan").click();
    h.run();
    let saved = kompas::review::read(&dir.path().join("kompas-Welzijn-reactie.ron")).unwrap();
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
    // And the example inspanning knows where else it comes back.
    h.get_all_by_role_and_label(egui::accesskit::Role::Link, "Inspanning 2.4.2.9")
        .next()
        .unwrap()
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
        assert_eq!(view(&h), View::Over(id));
        assert!(h.query_all_by_label(&title).count() >= 1, "{title}");
    }
}

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
    for (i, key) in [Key::ArrowRight, Key::PageDown, Key::Space, Key::ArrowRight]
        .into_iter()
        .enumerate()
    {
        h.key_press(key);
        h.run();
        assert_eq!(h.state().location(), &seq[i + 1], "after {key:?}");
    }
    h.get_by_label("Koers 1.2 — 2 van 16");
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(h.state().location(), &seq[3]);
    // A number jumps to that hoofddoel, with it in the spotlight.
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(h.state().location().selected, Some("3".into()));
    h.get_by_label("Hoofddoel 3 — 3 van 4");
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
fn presenting_hides_notes_unless_asked_and_enlarges_a_hoofdinspanning() {
    let mut h = harness();
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
    h.get_by_label("✎");
    h.key_press(Key::F5);
    h.run();
    assert!(
        h.query_by_label("✎").is_none(),
        "the note marker is hidden while presenting"
    );
    h.key_press(Key::N);
    h.run();
    h.get_by_label("✎");
    h.key_press(Key::N);
    h.run();
    // Choosing a hoofdinspanning shows it alone; Escape returns to the whole kaart.
    h.get_by_label(&label(&h, "1.1.2")).click_accesskit();
    h.run();
    assert_eq!(h.state().enlarged(), Some(&"1.1.2".into()));
    assert!(h.query_by_label(&label(&h, "1.1.1")).is_none());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().enlarged(), None);
    assert!(h.state().is_presenting());
    h.get_by_label(&label(&h, "1.1.1"));
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

/// Steps until the compass being opened in the background has arrived.
fn wait_for_opening(h: &mut Harness<'static, KompasApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    h.step();
    while h.state().is_opening() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

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
    let row = format!("2.3  {}", k.element(koers).title);
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(view(&h), View::Page("2.3".into()));
    // The path to the selection stays open; the selection itself can be opened.
    h.get_by_label(&format!("Dichtklappen: {hoofddoel}"));
    h.get_by_label(&format!("Openklappen: {}", label(&h, "2.3")))
        .click();
    h.run();
    let first = k.children(koers)[0];
    h.get_by_label(&format!(
        "{}  {}",
        k.element(first).label.clone().unwrap_or_default(),
        k.element(first).title
    ));
}

/// Every text painted in the last frame, joined by spaces (labels are painted, not widgets).
fn painted_text(h: &Harness<'_, KompasApp>) -> String {
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        collect_text(&clipped.shape, &mut out);
    }
    out.join(" ")
}

fn collect_text(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect_text(s, out)),
        _ => {}
    }
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
