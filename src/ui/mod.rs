//! The egui app: a thin layer over the core. Views read the model and push
//! [`command::Command`]s; [`app::KompasApp`] applies them.

mod about_view;
pub mod app;
mod carried;
pub mod command;
mod compass;
mod detail;
mod dialog;
mod glossary_view;
pub mod handout;
mod image_export;
mod kaart_view;
mod marked_text;
mod notes_editor;
mod notes_state;
mod notes_window;
pub mod open_window;
mod outline;
mod page_view;
pub mod partner_app;
mod presentation;
mod presenter_window;
pub mod render;
mod search_view;
pub mod slide;
pub mod theme;
mod view_ctx;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::load::{self, Loaded};
use crate::problem::Problem;

/// Loads what the app should show: the compass at `path` or the embedded one. A compass that
/// cannot be loaded is reported (every problem) and the embedded one is shown instead.
pub fn load_for_app(path: Option<&PathBuf>) -> (Loaded, Vec<Problem>) {
    let Some(path) = path else {
        return match load::load_embedded() {
            Ok(l) => (l, Vec::new()),
            Err(e) => unreachable_embedded(&e),
        };
    };
    match crate::mindmap::open(path) {
        Ok(l) => (l, Vec::new()),
        Err(e) => {
            let fallback = match load::load_embedded() {
                Ok(l) => l,
                Err(e) => unreachable_embedded(&e),
            };
            (fallback, e.problems)
        }
    }
}

fn unreachable_embedded(e: &load::LoadError) -> ! {
    // The embedded compass is checked by the tests; failing here is a build defect.
    panic!("het ingebouwde kompas is ongeldig: {:?}", e.problems)
}

/// Starts the partner's side of the review on a file from the municipality.
fn run_partner(path: &std::path::Path, file: crate::review::ReviewFile) -> ExitCode {
    let title = format!("{} — reactie van {} — Kompas", file.kompas, file.partner);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("kompas")
            .with_inner_size([1100.0, 800.0])
            .with_min_inner_size([800.0, 600.0]),
        ..Default::default()
    };
    let path = path.to_path_buf();
    match eframe::run_native(
        "kompas-partner",
        options,
        Box::new(move |cc| {
            Ok(Box::new(partner_app::PartnerApp::new(
                &cc.egui_ctx,
                file,
                &path,
            )))
        }),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Kompas kon geen venster openen: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Starts the desktop app on the compass at `path`, or the embedded one; a partner file
/// from the municipality opens the partner's review instead.
pub fn run_app(path: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    if let Some(p) = path.as_ref().filter(|p| p.is_file())
        && let Ok(file) = crate::review::read(p)
    {
        return run_partner(p, file);
    }
    let (loaded, load_problems) = load_for_app(path.as_ref());
    if std::env::var_os("KOMPAS_TIJDEN").is_some() {
        eprintln!(
            "geladen en gecontroleerd na {} ms",
            started.elapsed().as_millis()
        );
    }
    for p in &load_problems {
        eprintln!("{p}");
    }
    let title = format!("{} — Kompas", loaded.kompas.meta.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("kompas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 600.0]),
        persist_window: true,
        ..Default::default()
    };
    let opened_path = path
        .clone()
        .filter(|_| load_problems.is_empty())
        .map(|p| std::fs::canonicalize(&p).unwrap_or(p));
    let failed_path = path.filter(|_| !load_problems.is_empty());
    let result = eframe::run_native(
        "kompas",
        options,
        Box::new(move |cc| {
            let mut app =
                app::KompasApp::new(&cc.egui_ctx, loaded.kompas, loaded.warnings, cc.storage);
            app.report_first_frame_since(started);
            if let Some(notes) = app.settings().notes_path_for(app.kompas()) {
                app.open_notes(notes);
            }
            match (failed_path, opened_path) {
                (Some(p), _) => app.set_load_failure(p.display().to_string(), load_problems),
                (None, Some(p)) => app.opened(open_window::OpenTarget::Path(p)),
                (None, None) => app.opened(open_window::OpenTarget::BuiltIn(
                    crate::source::BUILT_IN
                        .first()
                        .map_or_else(String::new, |(_, key, _)| (*key).to_owned()),
                )),
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Kompas kon geen venster openen: {e}");
            ExitCode::FAILURE
        }
    }
}
