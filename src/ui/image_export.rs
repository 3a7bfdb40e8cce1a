//! "Exporteer als afbeelding" and "Presentatie exporteren": the current view as a PNG for a
//! slide, or every slide of the presentation with its PDF handout into a folder, rendered on
//! a background thread (with progress) so the app stays responsive.

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

/// What is exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum ExportKind {
    /// The current view as one picture.
    #[default]
    Picture,
    /// Every slide of the presentation and the handout, into a folder.
    Presentation,
}

impl ExportKind {
    fn title(self) -> &'static str {
        match self {
            Self::Picture => "Exporteer als afbeelding",
            Self::Presentation => "Presentatie exporteren",
        }
    }
}

/// What the background thread reports.
#[derive(Debug)]
enum Report {
    /// Slides made so far, at step `.1` of `.2`.
    Progress(usize, usize, usize),
    /// Written: where, how long it took, how many slides (0 for a picture).
    Done(PathBuf, f64, usize),
    Failed(String),
}

/// Where an export stands.
#[derive(Debug, Default)]
enum State {
    #[default]
    Idle,
    /// Running, with the last progress: slides made, step, steps.
    Busy(Receiver<Report>, (usize, usize, usize)),
    Done(PathBuf, f64, usize),
    Failed(String),
}

/// The export window and the export running in the background.
#[derive(Debug)]
pub(super) struct ImageExport {
    /// Whether the window is shown.
    pub open: bool,
    /// A picture or the presentation.
    pub kind: ExportKind,
    /// Width and height chosen.
    pub size: [u32; 2],
    /// Where the picture goes, as typed.
    pub path: String,
    /// What the current path was proposed for (the presentation: for the home location),
    /// so a new view proposes a new name.
    proposed_for: Option<(ExportKind, Location)>,
    state: State,
    dialog: crate::ui::dialog::DialogFocus,
}

impl Default for ImageExport {
    fn default() -> Self {
        Self {
            open: false,
            kind: ExportKind::Picture,
            size: SIZES[0].0,
            path: String::new(),
            proposed_for: None,
            state: State::Idle,
            dialog: crate::ui::dialog::DialogFocus::default(),
        }
    }
}

/// The folder a presentation export proposes.
const PRESENTATION_DIR: &str = "kompas-presentatie";

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
        matches!(self.state, State::Busy(..))
    }

    /// Starts rendering `request` and writing it to `path` on a background thread.
    pub(super) fn start(
        &mut self,
        kompas: Kompas,
        request: RenderRequest,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        self.spawn(ctx, "afbeelding", move |_| {
            let png = render::render_png(kompas, &request).map_err(|e| e.to_string())?;
            crate::write::write_atomic(&path, &png)
                .map_err(|e| format!("{} kon niet worden geschreven: {e}", path.display()))?;
            Ok((path, 0))
        });
    }

    /// Starts writing every slide of the presentation of `kompas`, and the handout, into
    /// the folder `dir` on a background thread, reporting progress as it goes.
    pub(super) fn start_presentation(
        &mut self,
        kompas: Kompas,
        size: [u32; 2],
        theme: crate::ui::theme::ThemeKind,
        dir: PathBuf,
        ctx: &egui::Context,
    ) {
        self.spawn(ctx, "presentatie", move |progress| {
            let count = crate::ui::handout::write_presentation(
                &kompas,
                size,
                theme,
                &dir,
                |slide, made| {
                    progress(made, slide.step.0 + 1, slide.step.1);
                },
            )?;
            Ok((dir, count))
        });
    }

    /// Runs `work` on a thread of its own; it reports progress through the function it is
    /// given and returns what was written and how many slides.
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce(&dyn Fn(usize, usize, usize)) -> Result<(PathBuf, usize), String>
        + Send
        + 'static,
    ) {
        if self.is_busy() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let progress = |made, step, steps| {
                    // The window may be closed by now; then nobody needs the answer.
                    let _ = tx.send(Report::Progress(made, step, steps));
                    ctx.request_repaint();
                };
                let report = match work(&progress) {
                    Ok((path, count)) => Report::Done(path, started.elapsed().as_secs_f64(), count),
                    Err(message) => Report::Failed(message),
                };
                let _ = tx.send(report);
                ctx.request_repaint();
            });
        self.state = match spawned {
            Ok(_) => State::Busy(rx, (0, 0, 0)),
            Err(e) => State::Failed(format!("kon niet beginnen: {e}")),
        };
    }

    /// Picks up progress and a finished export.
    fn poll(&mut self) {
        loop {
            let State::Busy(rx, progress) = &mut self.state else {
                return;
            };
            self.state = match rx.try_recv() {
                Ok(Report::Progress(made, step, steps)) => {
                    *progress = (made, step, steps);
                    continue;
                }
                Ok(Report::Done(path, secs, count)) => State::Done(path, secs, count),
                Ok(Report::Failed(message)) => State::Failed(message),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    State::Failed("het exporteren is afgebroken".into())
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
            self.dialog
                .show(ctx, &mut closed, self.kind.title(), 0.0, theme, |_| ());
            return;
        }
        // The presentation is proposed as one folder, whatever is shown.
        let proposal = match self.kind {
            ExportKind::Picture => (self.kind, location.clone()),
            ExportKind::Presentation => (self.kind, Location::home()),
        };
        if self.proposed_for.as_ref() != Some(&proposal) {
            self.proposed_for = Some(proposal);
            let dir = Path::new(self.path.trim())
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(crate::ui::widgets::pictures_dir, Path::to_path_buf);
            let name = match self.kind {
                ExportKind::Picture => file_name_for(location),
                ExportKind::Presentation => PRESENTATION_DIR.to_owned(),
            };
            self.path = dir.join(name).display().to_string();
        }
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(ctx, &mut open, self.kind.title(), 520.0, theme, |ui| {
            self.contents_ui(ui, location, commands);
        });
        self.dialog = dialog;
        self.open = open;
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn contents_ui(&mut self, ui: &mut Ui, location: &Location, commands: &mut Commands) {
        ui.label(match self.kind {
            ExportKind::Picture => "Het huidige beeld, zonder knoppen en panelen, als PNG.",
            ExportKind::Presentation => {
                "Elke stap van de presentatie als dia (PNG, op volgorde genummerd) en alle \
                 dia's samen als hand-out (PDF), in één map."
            }
        });
        ui.add_space(6.0);
        ui.label(RichText::new("Afmeting").strong());
        for (size, label) in SIZES {
            ui.radio_value(&mut self.size, size, label);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label(match self.kind {
                ExportKind::Picture => "Bestand",
                ExportKind::Presentation => "Map",
            });
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(380.0))
                .labelled_by(label.id);
            // Without a desktop portal the dialog returns nothing at once; the typed path stays.
            if ui.button("Kies…").clicked() {
                let chosen = match self.kind {
                    ExportKind::Picture => rfd::FileDialog::new()
                        .add_filter("PNG", &["png"])
                        .set_file_name(file_name_of(&self.path))
                        .save_file(),
                    ExportKind::Presentation => rfd::FileDialog::new().pick_folder(),
                };
                if let Some(p) = chosen {
                    self.path = p.display().to_string();
                }
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
                commands.push(match self.kind {
                    ExportKind::Picture => {
                        let path = if path.extension().is_none() {
                            path.with_extension("png")
                        } else {
                            path.clone()
                        };
                        Command::ExportImage(location.clone(), self.size, path)
                    }
                    ExportKind::Presentation => {
                        Command::ExportPresentation(self.size, path.clone())
                    }
                });
            }
            match &self.state {
                State::Idle => {}
                State::Busy(_, (made, step, steps)) => {
                    ui.spinner();
                    if *steps > 0 {
                        ui.add(
                            egui::ProgressBar::new(*step as f32 / *steps as f32)
                                .desired_width(120.0),
                        );
                        // Not a live region: a count every fraction of a second is noise.
                        ui.label(format!("{made} dia's, stap {step} van {steps}"));
                    } else {
                        crate::ui::widgets::live_label(ui, "Bezig…");
                    }
                }
                State::Done(p, secs, count) => {
                    let what = if *count > 0 {
                        format!("{count} dia's en de hand-out in ")
                    } else {
                        String::new()
                    };
                    crate::ui::widgets::live_label(
                        ui,
                        format!("Opgeslagen: {what}{} ({secs:.1} s)", p.display()),
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
            matches!(export.state, State::Done(ref p, _, 0) if *p == path),
            "{:?}",
            export.state
        );
        let bytes = std::fs::read(&path).expect("png geschreven");
        assert!(bytes.starts_with(b"\x89PNG"));
    }

    #[test]
    fn a_presentation_export_writes_every_slide_and_a_handout_of_as_many_pages() {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let kompas = crate::load::load_path(&fixture)
            .expect("mini-kompas")
            .kompas;
        let steps = crate::nav::presentation_sequence(&kompas).len();
        let dir = tempfile::tempdir().expect("tijdelijke map");
        let out = dir.path().join("dia's");
        let ctx = egui::Context::default();
        let mut export = ImageExport::default();
        export.start_presentation(
            kompas,
            [320, 180],
            crate::ui::theme::ThemeKind::HighContrast,
            out.clone(),
            &ctx,
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while export.is_busy() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            export.poll();
        }
        let State::Done(ref p, _, count) = export.state else {
            panic!("{:?}", export.state);
        };
        assert_eq!(p, &out);
        assert!(count >= steps, "{count} slides for {steps} steps");
        let mut pngs: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".png"))
            .collect();
        pngs.sort();
        assert_eq!(pngs.len(), count);
        assert!(pngs[0].starts_with("001-"), "{pngs:?}");
        let pdf = std::fs::read(out.join(crate::ui::handout::HANDOUT_FILE)).expect("hand-out");
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/Subtype /Image").count(), count);
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
