//! "Exporteer als afbeelding": the current view as a PNG for a slide, rendered on a
//! background thread so the app stays responsive while a 4K picture is made.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::model::Kompas;
use crate::nav::{Location, View};
use crate::ui::command::{Command, Commands};
use crate::ui::render::{self, RenderRequest};

/// The sizes offered; any other can be typed.
pub(super) const SIZES: [([u32; 2], &str); 3] = [
    ([1920, 1080], "1920 × 1080 (Full HD)"),
    ([3840, 2160], "3840 × 2160 (4K)"),
    ([1280, 720], "1280 × 720"),
];

/// Where an export stands.
#[derive(Debug, Default)]
enum State {
    #[default]
    Idle,
    Busy(Receiver<Result<(PathBuf, f64), String>>),
    Done(PathBuf, f64),
    Failed(String),
}

/// The export window and the export running in the background.
#[derive(Debug)]
pub(super) struct ImageExport {
    /// Whether the window is shown.
    pub open: bool,
    /// Width and height chosen.
    pub size: [u32; 2],
    /// Where the picture goes, as typed.
    pub path: String,
    /// The location the current path was proposed for, so a new view proposes a new name.
    proposed_for: Option<Location>,
    state: State,
    dialog: crate::ui::dialog::DialogFocus,
}

impl Default for ImageExport {
    fn default() -> Self {
        Self {
            open: false,
            size: SIZES[0].0,
            path: String::new(),
            proposed_for: None,
            state: State::Idle,
            dialog: crate::ui::dialog::DialogFocus::default(),
        }
    }
}

/// A file name that says what the picture shows: "kompas.png", "kompas-1.3.png",
/// "kompas-kaart-1.3.png".
pub(super) fn file_name_for(location: &Location) -> String {
    let what = match &location.view {
        View::Compass => String::new(),
        View::Page(id) => format!("-{id}"),
        View::Kaart(id) => format!("-kaart-{id}"),
        View::Over(page) => format!("-over-{page}"),
    };
    format!("kompas{what}.png")
}

impl ImageExport {
    /// True while a picture is being made.
    pub(super) fn is_busy(&self) -> bool {
        matches!(self.state, State::Busy(_))
    }

    /// Starts rendering `request` and writing it to `path` on a background thread.
    pub(super) fn start(
        &mut self,
        kompas: Kompas,
        request: RenderRequest,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        if self.is_busy() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("afbeelding".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let result = render::render_png(kompas, &request)
                    .map_err(|e| e.to_string())
                    .and_then(|png| {
                        crate::write::write_atomic(&path, &png).map_err(|e| {
                            format!("{} kon niet worden geschreven: {e}", path.display())
                        })
                    })
                    .map(|()| (path, started.elapsed().as_secs_f64()));
                // The window may be closed by now; then nobody needs the answer.
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        self.state = match spawned {
            Ok(_) => State::Busy(rx),
            Err(e) => State::Failed(format!("kon niet beginnen: {e}")),
        };
    }

    /// Picks up a finished export.
    fn poll(&mut self) {
        if let State::Busy(rx) = &self.state {
            self.state = match rx.try_recv() {
                Ok(Ok((path, secs))) => State::Done(path, secs),
                Ok(Err(message)) => State::Failed(message),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    State::Failed("het maken van de afbeelding is afgebroken".into())
                }
            };
        }
    }

    /// The window.
    pub(super) fn ui(
        &mut self,
        ctx: &egui::Context,
        location: &Location,
        theme: &crate::ui::theme::Theme,
        commands: &mut Commands,
    ) {
        self.poll();
        if !self.open {
            let mut closed = false;
            self.dialog.show(
                ctx,
                &mut closed,
                "Exporteer als afbeelding",
                0.0,
                theme,
                |_| (),
            );
            return;
        }
        if self.proposed_for.as_ref() != Some(location) {
            self.proposed_for = Some(location.clone());
            let dir = Path::new(self.path.trim())
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(crate::ui::widgets::pictures_dir, Path::to_path_buf);
            self.path = dir.join(file_name_for(location)).display().to_string();
        }
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(
            ctx,
            &mut open,
            "Exporteer als afbeelding",
            520.0,
            theme,
            |ui| {
                self.contents_ui(ui, location, commands);
            },
        );
        self.dialog = dialog;
        self.open = open;
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn contents_ui(&mut self, ui: &mut Ui, location: &Location, commands: &mut Commands) {
        ui.label("Het huidige beeld, zonder knoppen en panelen, als PNG.");
        ui.add_space(6.0);
        ui.label(RichText::new("Afmeting").strong());
        for (size, label) in SIZES {
            ui.radio_value(&mut self.size, size, label);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("Bestand");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(380.0))
                .labelled_by(label.id);
            // Without a desktop portal the dialog returns nothing at once; the typed path stays.
            if ui.button("Kies…").clicked()
                && let Some(p) = rfd::FileDialog::new()
                    .add_filter("PNG", &["png"])
                    .set_file_name(file_name_of(&self.path))
                    .save_file()
            {
                self.path = p.display().to_string();
            }
        });
        ui.add_space(6.0);
        let path = PathBuf::from(self.path.trim());
        let valid = !self.path.trim().is_empty();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(valid && !self.is_busy(), egui::Button::new("Opslaan"))
                .clicked()
            {
                let path = if path.extension().is_none() {
                    path.with_extension("png")
                } else {
                    path.clone()
                };
                commands.push(Command::ExportImage(location.clone(), self.size, path));
            }
            match &self.state {
                State::Idle => {}
                State::Busy(_) => {
                    ui.spinner();
                    crate::ui::widgets::live_label(ui, "Bezig…");
                }
                State::Done(p, secs) => {
                    crate::ui::widgets::live_label(
                        ui,
                        format!("Opgeslagen: {} ({secs:.1} s)", p.display()),
                    );
                }
                State::Failed(message) => {
                    let color = ui.visuals().error_fg_color;
                    crate::ui::widgets::live_label(ui, RichText::new(message).color(color));
                }
            }
        });
    }
}

fn file_name_of(path: &str) -> String {
    Path::new(path.trim()).file_name().map_or_else(
        || "kompas.png".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_what_the_picture_shows() {
        let kompas = crate::load::load_embedded()
            .expect("ingebouwd kompas")
            .kompas;
        let home = file_name_for(&Location::home());
        assert_eq!(home, "kompas.png");
        let kaart = render::parse_view(&kompas, Some("kaart:1.3")).expect("kaart");
        assert_eq!(file_name_for(&kaart), "kompas-kaart-1.3.png");
    }

    #[test]
    fn an_export_writes_a_png_and_reports_it() {
        let kompas = crate::load::load_embedded()
            .expect("ingebouwd kompas")
            .kompas;
        let dir = tempfile::tempdir().expect("tijdelijke map");
        let path = dir.path().join("dia.png");
        let ctx = egui::Context::default();
        let mut export = ImageExport::default();
        let request = RenderRequest {
            size: [320, 200],
            location: Location::home(),
            theme: crate::ui::theme::ThemeKind::Light,
            presenting: false,
        };
        export.start(kompas, request, path.clone(), &ctx);
        assert!(export.is_busy());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while export.is_busy() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            export.poll();
        }
        assert!(
            matches!(export.state, State::Done(ref p, _) if *p == path),
            "{:?}",
            export.state
        );
        let bytes = std::fs::read(&path).expect("png geschreven");
        assert!(bytes.starts_with(b"\x89PNG"));
    }

    #[test]
    fn a_failed_write_is_reported_not_lost() {
        let kompas = crate::load::load_embedded()
            .expect("ingebouwd kompas")
            .kompas;
        let ctx = egui::Context::default();
        let mut export = ImageExport::default();
        let request = RenderRequest {
            size: [64, 64],
            location: Location::home(),
            theme: crate::ui::theme::ThemeKind::Light,
            presenting: false,
        };
        let path = PathBuf::from("/map/die/niet/bestaat/dia.png");
        export.start(kompas, request, path, &ctx);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while export.is_busy() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            export.poll();
        }
        assert!(
            matches!(export.state, State::Failed(ref m) if m.contains("niet")),
            "{:?}",
            export.state
        );
    }
}
