//! The desktop app, split by how long its state lives (as rerun splits its viewer app):
//!
//! - [`settings`]: what survives a restart;
//! - [`session`]: everything of the one open compass (model, derived indexes, notes, search,
//!   history and every view's cache), replaced whole when another compass is opened;
//! - this file: what lives as long as the window (theme, zoom, the windows for opening and
//!   exporting, the command queue) and the frame: keys → chrome → central view → windows →
//!   commands applied;
//! - [`chrome`]: bars, trail, side panel and message windows around the view;
//! - [`keyboard`]: keys to commands, zoom;
//! - [`command_handling`]: the one place where commands change anything.

mod chrome;
mod command_handling;
mod keyboard;
pub mod session;
pub mod settings;

use egui::Ui;

use crate::model::Kompas;
use crate::nav::Location;
use crate::problem::Problem;
use crate::ui::command::Commands;
use crate::ui::image_export::ImageExport;
use crate::ui::open_window::{OpenTarget, OpenWindow, Recent};
use crate::ui::search_view::SearchState;
use crate::ui::theme::{self, Theme};
pub use session::{Derived, Prepared, Session};
pub use settings::{SETTINGS_KEY, Settings};

/// The windows that live as long as the app: opening a compass, exporting a picture, and the
/// report of a compass that could not be opened.
#[derive(Default)]
struct Windows {
    open: OpenWindow,
    image_export: ImageExport,
    /// A compass that could not be opened: its path, every problem, and what is shown
    /// instead.
    load_failure: Option<(String, Vec<Problem>, &'static str)>,
    /// The window listing the load warnings.
    show_warnings: bool,
    warnings_dialog: crate::ui::dialog::DialogFocus,
    failure_dialog: crate::ui::dialog::DialogFocus,
}

/// The Kompas desktop app.
pub struct KompasApp {
    /// Persisted between runs.
    settings: Settings,
    /// Colours and sizes of the chosen theme.
    theme: Theme,
    /// The open compass with everything of it.
    session: Session,
    /// Commands pushed this frame, applied at its end.
    commands: Commands,
    windows: Windows,
    zoom: keyboard::Zoom,
    /// The search field should take focus this frame.
    focus_search: bool,
    /// Rendering a picture: only the view, no bars, panels or indicator.
    exporting: bool,
    /// The window title last sent, so it is only sent on change.
    title_sent: String,
    /// Input held back for the next frame: a second focus move in one frame (see
    /// [`keyboard::one_focus_move_per_frame`]).
    held_events: Vec<egui::Event>,
    /// The compass the app was started on is still being read: the window shows that, and a
    /// failure falls back on the built-in compass.
    opening_at_start: bool,
    /// The window's first frame is only its background, so the window appears before the
    /// compass is laid out (the window is shown once a frame is drawn).
    blank_first_frame: bool,
    /// When the process started and how many frames were reported, to report start-up
    /// (`KOMPAS_TIJDEN=1`): the first frames, each with its own time.
    started: Option<(std::time::Instant, u32)>,
}

impl KompasApp {
    /// An app on `kompas`, with settings restored from `storage` when given. Its notes are
    /// kept in memory until [`Self::open_notes`].
    pub fn new(
        ctx: &egui::Context,
        kompas: Kompas,
        warnings: Vec<Problem>,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        Self::with_prepared(ctx, Prepared::new(kompas, warnings), storage)
    }

    /// The app on `kompas`, drawn at once: the begrippen in its texts and the search index
    /// are made on a thread of their own and arrive a moment later (a large compass is usable
    /// before its index is there).
    pub fn starting(
        ctx: &egui::Context,
        kompas: Kompas,
        warnings: Vec<Problem>,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        let wake = ctx.clone();
        let prepared = Prepared::in_background(kompas, warnings, move || wake.request_repaint());
        Self::starting_on(ctx, prepared, storage)
    }

    /// [`Self::starting`] on a compass prepared already (perhaps still deriving its index).
    pub fn starting_on(
        ctx: &egui::Context,
        prepared: Prepared,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        let mut app = Self::with_prepared(ctx, prepared, storage);
        app.blank_first_frame = true;
        app
    }

    fn with_prepared(
        ctx: &egui::Context,
        prepared: Prepared,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        theme::install_fonts(ctx);
        crate::ui::report_time("lettertypen");
        let settings: Settings = storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
            .unwrap_or_default()
            .migrate();
        let start = settings.start_for(&prepared.kompas);
        let theme = Theme::new(settings.theme);
        // Ctrl+/−/0 are commands of the app, so zoom can be remembered per screen.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let app = Self {
            session: Session::new(prepared, start, None),
            settings,
            theme,
            commands: Commands::default(),
            windows: Windows::default(),
            zoom: keyboard::Zoom::default(),
            focus_search: false,
            exporting: false,
            title_sent: String::new(),
            held_events: Vec::new(),
            opening_at_start: false,
            blank_first_frame: false,
            started: None,
        };
        app.apply_style(ctx);
        app
    }

    /// Draws only the view, for rendering a picture.
    pub fn set_exporting(&mut self, on: bool) {
        self.exporting = on;
    }

    /// The window background of the current theme.
    pub fn background(&self) -> egui::Color32 {
        self.theme.bg
    }

    /// True while presenting.
    pub fn is_presenting(&self) -> bool {
        self.session.presentation.active
    }

    /// "2/3" when the step shown is a long one split into slides.
    pub fn slide_page(&self) -> Option<String> {
        let s = &self.session;
        s.presentation.paging.label(s.location())
    }

    /// The user's zoom.
    pub fn zoom(&self) -> f32 {
        self.zoom.user
    }

    /// Keeps the notes in `path` (opened now; a damaged file is kept aside and reported).
    pub fn open_notes(&mut self, path: std::path::PathBuf) {
        self.session.notes = crate::ui::notes_state::NotesState::open(path);
    }

    /// The annotations.
    pub fn notes(&self) -> &crate::notes::NotesFile {
        self.session.notes.file()
    }

    /// Saves unsaved notes now (on exit).
    pub fn flush_notes(&mut self) {
        self.session.notes.save_now();
    }

    /// Reports a compass that could not be opened (the app shows the built-in one instead).
    pub fn set_load_failure(&mut self, path: String, problems: Vec<Problem>) {
        self.windows.load_failure = Some((
            path,
            problems,
            "Het ingebouwde Sociaal Kompas wordt getoond.",
        ));
    }

    /// Reports the time from `started` to the end of the first frame on stderr, when the
    /// environment variable `KOMPAS_TIJDEN` is set (for measuring start-up).
    pub fn report_first_frame_since(&mut self, started: std::time::Instant) {
        if std::env::var_os("KOMPAS_TIJDEN").is_some() {
            eprintln!("app klaar na {} ms", started.elapsed().as_millis());
            self.started = Some((started, 0));
        }
    }

    /// Records what is open now in the recent list.
    pub fn opened(&mut self, target: OpenTarget) {
        let title = self.session.kompas().meta.title.clone();
        crate::ui::open_window::remember(&mut self.settings.recent, Recent { title, target });
    }

    /// Starts reading the compass the app was started on; until it is there the window
    /// says what is being opened (see [`Self::is_opening_at_start`]).
    pub fn open_at_start(
        &mut self,
        early: crate::ui::open_window::EarlyOpening,
        ctx: &egui::Context,
    ) {
        self.windows.open.adopt(early, ctx);
        self.opening_at_start = true;
    }

    /// True while the compass the app was started on is still being read.
    pub fn is_opening_at_start(&self) -> bool {
        self.opening_at_start
    }

    /// True while a compass is being opened in the background, or its search index made.
    pub fn is_opening(&self) -> bool {
        self.windows.open.is_busy() || !self.session.prepared.is_ready()
    }

    /// The compass shown.
    pub fn kompas(&self) -> &Kompas {
        self.session.kompas()
    }

    /// Where the user is.
    pub fn location(&self) -> &Location {
        self.session.location()
    }

    /// The persisted settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The search state (query and results).
    pub fn search(&self) -> &SearchState {
        &self.session.search
    }

    /// The begrip the begrippenlijst shows, if open.
    pub fn shown_begrip(&self) -> Option<usize> {
        self.session
            .glossary_focus
            .map(|(i, _)| i)
            .filter(|_| self.settings.glossary)
    }

    fn apply_style(&self, ctx: &egui::Context) {
        ctx.set_visuals(self.theme.visuals());
        ctx.global_style_mut(theme::apply_text_styles);
    }

    /// Shows a compass opened in the background in a new session, or reports why it could
    /// not be opened.
    fn finish_opening(&mut self, ctx: &egui::Context) {
        let Some(result) = self.windows.open.poll() else {
            return;
        };
        match result {
            Ok((target, prepared)) => {
                // The notes of the compass being left are saved before anything changes.
                self.session.notes.save_now();
                self.replace_session(*prepared);
                // The first compass appears without a transition; another one with it.
                if !std::mem::take(&mut self.opening_at_start) {
                    self.session.view_changed_at = ctx.input(|i| i.time);
                }
                self.windows.load_failure = None;
                self.windows.open.open = false;
                self.opened(target);
            }
            Err((target, e)) if std::mem::take(&mut self.opening_at_start) => {
                // Started on a compass that cannot be read: the built-in one, and why.
                let loaded = crate::ui::load_built_in();
                self.replace_session(Prepared::new(loaded.kompas, loaded.warnings));
                self.set_load_failure(target.describe(), e.problems);
            }
            Err((target, e)) => {
                self.windows.load_failure = Some((
                    target.describe(),
                    e.problems,
                    "Het huidige kompas blijft open.",
                ));
            }
        }
    }

    /// A new session on `prepared`, at the place and with the notes the settings keep for it.
    fn replace_session(&mut self, prepared: Prepared) {
        let start = self.settings.start_for(&prepared.kompas);
        let notes = self.settings.notes_path_for(&prepared.kompas);
        self.session = Session::new(prepared, start, notes);
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let m = &self.session.kompas().meta;
        let title = if m.municipality.is_empty() {
            format!("{} — Kompas", m.title)
        } else {
            format!("{} — {} — Kompas", m.title, m.municipality)
        };
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// Draws the whole app into `ui` (the root of the window, or a test harness).
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.session.prepared.poll() {
            // The index arrived: a query typed meanwhile is answered now.
            self.session.search.invalidate();
            crate::ui::report_time("zoekindex in gebruik");
        }
        self.window_title(&ctx);
        // Screen readers name the window by its root node, which egui leaves unnamed.
        let title = self.title_sent.clone();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |b| b.set_label(title));
        let presenting = self.session.presentation.active;
        let shown = presenting.then(|| self.session.location().view.clone());
        self.zoom.update(&ctx, &mut self.settings, shown.as_ref());
        self.keyboard(&ctx);
        let now = ctx.input(|i| i.time);
        self.session.notes.tick(now);
        if self.session.notes.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                crate::ui::notes_state::SAVE_DELAY_S,
            ));
        }
        if self.session.search.is_active() {
            self.session.refresh_search();
        }
        {
            let s = &mut self.session;
            let generation = s.notes.generation;
            s.voortgang
                .refresh(&s.prepared.kompas, s.notes.file(), generation);
        }

        // Presenting shows only the current view, and where it stands in a strip below.
        if !presenting && !self.exporting {
            self.chrome_ui(ui);
        }
        if !self.exporting {
            let s = &self.session;
            s.presentation
                .indicator_ui(ui, s.kompas(), s.location(), &self.theme);
        }
        // No fill: two thirds of the pixels the compass view asked of a software renderer
        // in every frame were this panel's background (see BENCHMARKS.md).
        let bg = self.theme.bg;
        egui::CentralPanel::default_margins()
            .frame(egui::Frame::NONE.inner_margin(16))
            .show(ui, |ui| {
                crate::ui::widgets::on_window_background(ui, bg, |ui| self.central_ui(ui));
            });

        self.load_failure_ui(&ctx);
        self.warnings_window_ui(&ctx);
        self.dropped_files(&ctx);
        let s = &mut self.session;
        // Drawn closed too: a dialog gives focus back in the frame after it closed.
        {
            let input = crate::ui::notes_window::NotesWindowInput {
                kompas: &s.prepared.kompas,
                notes: s.notes.file(),
                path: s.notes.path.as_deref(),
                undo: s.notes.undo_label(),
                years: s.voortgang.years(),
                theme: &self.theme,
            };
            s.notes_window.ui(&ctx, &input, &mut self.commands);
        }
        {
            let input = crate::ui::voortgang_view::Input {
                kompas: &s.prepared.kompas,
                notes: s.notes.file(),
                generation: s.notes.generation,
                theme: &self.theme,
            };
            s.voortgang.window_ui(&ctx, &input, &mut self.commands);
        }
        s.publish
            .ui(&ctx, s.voortgang.years(), &self.theme, &mut self.commands);
        let loc = s.location().clone();
        self.windows
            .image_export
            .ui(&ctx, &loc, &self.theme, &mut self.commands);
        self.windows
            .open
            .ui(&ctx, &self.settings.recent, &self.theme, &mut self.commands);
        self.finish_opening(&ctx);
        if presenting && self.settings.presenter_window && !self.exporting {
            let s = &self.session;
            let info = crate::ui::presentation::PresenterInfo::new(
                &s.presentation,
                s.kompas(),
                s.location(),
                s.notes.file(),
                now,
            );
            crate::ui::presenter_window::show(&ctx, &info, &self.theme, &mut self.commands);
            // The clock ticks.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }

        for command in self.commands.take() {
            self.apply(&ctx, command);
        }
    }
}

/// CPU time of all the process's threads so far, in ms (Linux; 0 elsewhere), for the frame
/// log: the renderer's threads are where a software renderer's time goes.
fn process_cpu_ms() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .sum::<f64>()
        / 1e6
}

impl eframe::App for KompasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let begun = std::time::Instant::now();
        crate::ui::widgets::tooltips_wait_for_the_pointer(ui.ctx());
        if std::mem::take(&mut self.blank_first_frame) {
            // Nothing drawn: the window is cleared to the theme's background.
            ui.ctx().request_repaint();
        } else {
            Self::ui(self, ui);
        }
        if let Some((t, n)) = &mut self.started {
            if *n == 0 {
                eprintln!(
                    "eerste beeld na {} ms ({} elementen)",
                    t.elapsed().as_millis(),
                    self.session.kompas().len()
                );
            }
            // The first frames one by one: where start-up time goes after the first.
            eprintln!(
                "beeld {n} na {} ms: {:.1} ms in de app, {:.0} ms CPU van het proces; letteratlas {:?}; {:?}",
                t.elapsed().as_millis(),
                begun.elapsed().as_secs_f64() * 1000.0,
                process_cpu_ms(),
                ui.ctx().fonts(|f| f.font_image_size()),
                ui.ctx().repaint_causes()
            );
            // What came in (window-system events cause frames of their own).
            eprintln!("   invoer: {:?}", ui.input(|i| i.raw.events.clone()));
            *n += 1;
            if *n >= 40 {
                self.started = None;
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        self.session.notes.save_now();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.session.notes.save_now();
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        keyboard::one_focus_move_per_frame(&mut self.held_events, &mut raw_input.events);
        if !self.held_events.is_empty() {
            ctx.request_repaint();
        }
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.bg.to_normalized_gamma_f32()
    }
}
