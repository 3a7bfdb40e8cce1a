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
pub mod publish_window;
pub mod render;
mod search_view;
pub mod slide;
pub mod theme;
mod view_ctx;
pub mod voortgang_view;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::load::{self, Loaded};

/// The built-in compass (the first of [`crate::source::BUILT_IN`]).
pub fn load_built_in() -> Loaded {
    match load::load_embedded() {
        Ok(l) => l,
        Err(e) => unreachable_embedded(&e),
    }
}

/// What the window shows while the compass at `path` is read: its file name, nothing else.
/// (`None` cannot happen: the builder has its root.)
pub fn placeholder(path: &std::path::Path) -> Option<Loaded> {
    use crate::model::{Element, KompasBuilder, Level, Meta, NodeKind};
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut b = KompasBuilder::default();
    b.add(
        None,
        Element {
            id: "0".into(),
            depth: 0,
            label: None,
            title: name.clone(),
            text: None,
            color: None,
            kind: NodeKind::Tree,
            carried: None,
        },
    );
    let kompas = b.finish(
        Meta {
            title: name,
            ..Meta::default()
        },
        vec![Level {
            name: "Einddoel".into(),
            plural: "Einddoelen".into(),
        }],
        Vec::new(),
    )?;
    Some(Loaded {
        kompas,
        warnings: Vec::new(),
    })
}

fn unreachable_embedded(e: &load::LoadError) -> ! {
    // The embedded compass is checked by the tests; failing here is a build defect.
    panic!("het ingebouwde kompas is ongeldig: {:?}", e.problems)
}

/// The window's icon: the package's 256 px compass, decoded once at start (a few ms).
fn window_icon() -> Option<std::sync::Arc<egui::IconData>> {
    let bytes: &[u8] = include_bytes!("../../assets/package/icons/kompas-256.png");
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        _ => return None,
    };
    Some(std::sync::Arc::new(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    }))
}

/// Starts the partner's side of the review on a file from the municipality.
fn run_partner(path: &std::path::Path, file: crate::review::ReviewFile) -> ExitCode {
    let title = format!("{} — reactie van {} — Kompas", file.kompas, file.partner);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("kompas")
            .with_icon(window_icon().unwrap_or_default())
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

/// When `run_app` began, for the start-up breakdown that `KOMPAS_TIJDEN=1` prints.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Prints "`what` na N ms" (since the app began) when `KOMPAS_TIJDEN` is set.
pub(crate) fn report_time(what: &str) {
    if let Some(started) = STARTED.get()
        && std::env::var_os("KOMPAS_TIJDEN").is_some()
    {
        // Memory as the system sees it (Linux), beside the time.
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .map(|l| l.trim_start_matches("VmRSS:").trim().to_owned())
            })
            .unwrap_or_default();
        eprintln!(
            "{what} na {:.1} ms ({rss})",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Starts the desktop app on the compass at `path`, or the embedded one; a partner file
/// from the municipality opens the partner's review instead.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the path is the process's argument, handed over once"
)]
pub fn run_app(path: Option<PathBuf>) -> ExitCode {
    let started = *STARTED.get_or_init(std::time::Instant::now);
    // A mind map or outline is never a partner file: not read twice to find out.
    let maybe_review = |p: &&PathBuf| {
        p.is_file()
            && !matches!(
                crate::mindmap::Format::of(p),
                crate::mindmap::Format::MindMap | crate::mindmap::Format::Opml
            )
    };
    if let Some(p) = path.as_ref().filter(maybe_review)
        && let Ok(file) = crate::review::read(p)
    {
        return run_partner(p, file);
    }
    // A file is read after the window is up (a large one takes a second); the built-in
    // compass is there at once.
    // Reading it starts now, beside creating the window.
    let (loaded, opening) = match &path {
        Some(p) => (
            placeholder(p).unwrap_or_else(load_built_in),
            Some(open_window::EarlyOpening::start(
                open_window::OpenTarget::Path(
                    std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                ),
            )),
        ),
        None => (load_built_in(), None),
    };
    let title = format!("{} — Kompas", loaded.kompas.meta.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("kompas")
            .with_icon(window_icon().unwrap_or_default())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 600.0]),
        persist_window: true,
        ..Default::default()
    };
    report_time("venster gevraagd");
    let result = eframe::run_native(
        "kompas",
        options,
        Box::new(move |cc| {
            report_time("venster en GL klaar");
            let mut app =
                app::KompasApp::starting(&cc.egui_ctx, loaded.kompas, loaded.warnings, cc.storage);
            app.report_first_frame_since(started);
            if let Some(early) = opening {
                app.open_at_start(early, &cc.egui_ctx);
            } else {
                if let Some(notes) = app.settings().notes_path_for(app.kompas()) {
                    app.open_notes(notes);
                }
                app.opened(open_window::OpenTarget::BuiltIn(
                    crate::source::BUILT_IN
                        .first()
                        .map_or_else(String::new, |(_, key, _)| (*key).to_owned()),
                ));
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

#[cfg(test)]
mod icon_tests {
    #[test]
    fn the_window_icon_is_the_packages_compass() {
        let icon = super::window_icon().expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4, "RGBA");
        // The middle is the needle's dark hub, the corner transparent.
        let px = |x: usize, y: usize| &icon.rgba[(y * 256 + x) * 4..(y * 256 + x) * 4 + 4];
        assert_eq!(px(0, 0)[3], 0, "transparent corner");
        assert!(px(128, 128)[..3].iter().all(|&c| c < 80), "dark hub");
    }
}
