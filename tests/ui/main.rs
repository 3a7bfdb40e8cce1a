//! The app as a user meets it, driven through AccessKit: click by label, press keys. One
//! file per subject; the harness and the helpers they share are here.

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

pub(crate) fn harness() -> Harness<'static, KompasApp> {
    harness_sized(1280.0, 800.0)
}

pub(crate) fn harness_sized(w: f32, h: f32) -> Harness<'static, KompasApp> {
    harness_on(kompas::load_embedded().unwrap().kompas, w, h)
}

/// A folder of its own for the notes of the compasses a test opens, so no test reads or
/// writes the notes in the user's data folder.
pub(crate) fn notes_dir() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("notities-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) fn harness_on(kompas: kompas::Kompas, w: f32, h: f32) -> Harness<'static, KompasApp> {
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
pub(crate) fn label(h: &Harness<'_, KompasApp>, id: &str) -> String {
    let k = h.state().kompas();
    kompas::ui::widgets::access_label(k, k.get(id).unwrap())
}

pub(crate) fn focused_label(h: &Harness<'_, KompasApp>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .and_then(|n| kittest::NodeT::accesskit_node(&n).label())
}

pub(crate) fn view(h: &Harness<'_, KompasApp>) -> View {
    h.state().location().view.clone()
}

pub(crate) fn search_field<'a>(h: &'a Harness<'_, KompasApp>) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Zoeken")
}

/// Steps until the compass being opened in the background has arrived.
pub(crate) fn wait_for_opening(h: &mut Harness<'static, KompasApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    h.step();
    while h.state().is_opening() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// Every text painted in the last frame, joined by spaces (labels are painted, not widgets).
pub(crate) fn painted_text(h: &Harness<'_, KompasApp>) -> String {
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        collect_text(&clipped.shape, &mut out);
    }
    out.join(" ")
}

pub(crate) fn collect_text(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
        egui::Shape::Vec(v) => v.iter().for_each(|s| collect_text(s, out)),
        _ => {}
    }
}

mod a11y;
mod compasses;
mod layout;
mod navigation;
mod notes;
mod presenting;
mod publish;
mod search;
mod voortgang;
