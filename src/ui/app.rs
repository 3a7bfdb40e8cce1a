//! The app: holds the compass and where the user is, draws the panels, and applies the
//! commands the views push, in one place.

use egui::{Event, Id, Key, KeyboardShortcut, Modifiers, PointerButton, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::glossary::Glossary;
use crate::model::{Ix, Kompas, NodeId};
use crate::nav::{self, History, Location, View};
use crate::notes::Filter;
use crate::problem::Problem;
use crate::search::SearchIndex;
use crate::ui::command::{Command, Commands};
use crate::ui::compass_view::CompassView;
use crate::ui::detail::DetailView;
use crate::ui::glossary_view::GlossaryView;
use crate::ui::kaart_view::KaartView;
use crate::ui::marked_text::Marks;
use crate::ui::notes_editor::NotesEditor;
use crate::ui::notes_state::NotesState;
use crate::ui::notes_window::NotesWindow;
use crate::ui::outline::OutlineView;
use crate::ui::page_view::PageView;
use crate::ui::presentation::Presentation;
use crate::ui::search_view::{self, SearchState};
use crate::ui::theme::{self, Theme, ThemeKind};
use crate::ui::view_ctx::ViewCtx;

/// State that survives a restart (`#[serde(default)]` so older saves keep loading).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colour theme.
    pub theme: ThemeKind,
    /// Animate view changes.
    pub animations: bool,
    /// Show the outline panel.
    pub outline: bool,
    /// Show the begrippenlijst panel.
    pub glossary: bool,
    /// The user's name, recorded with every change to a note.
    pub user_name: String,
    /// A notes file chosen by the user (a shared drive); else the default in the data folder.
    pub notes_path: Option<std::path::PathBuf>,
    /// The last location per compass (keyed by compass title), restored on start.
    pub last_location: Vec<(String, Location)>,
    /// Show notes and assignments while presenting (they may not be for the room).
    pub notes_when_presenting: bool,
    /// Zoom per screen (keyed by its size).
    pub zoom: Vec<(String, f32)>,
    /// Compasses opened recently, newest first.
    pub recent: Vec<crate::ui::open_window::Recent>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeKind::default(),
            animations: true,
            outline: false,
            glossary: false,
            user_name: String::new(),
            notes_path: None,
            last_location: Vec::new(),
            notes_when_presenting: false,
            zoom: Vec::new(),
            recent: Vec::new(),
        }
    }
}

impl Settings {
    /// Where to start in `kompas`: the last place the user was in it, if it still exists.
    fn start_for(&self, kompas: &Kompas) -> Location {
        self.location_for(&kompas.meta.title)
            .filter(|l| l.is_valid_in(kompas))
            .cloned()
            .unwrap_or_default()
    }

    fn location_for(&self, title: &str) -> Option<&Location> {
        self.last_location
            .iter()
            .find(|(t, _)| t == title)
            .map(|(_, l)| l)
    }

    fn zoom_for(&self, screen: &str) -> f32 {
        self.zoom
            .iter()
            .find(|(s, _)| s == screen)
            .map_or(1.0, |(_, z)| *z)
    }

    fn remember_zoom(&mut self, screen: &str, zoom: f32) {
        self.zoom.retain(|(s, _)| s != screen);
        self.zoom.push((screen.to_owned(), zoom));
        self.zoom.truncate(10);
    }

    fn remember(&mut self, title: &str, loc: Location) {
        self.last_location.retain(|(t, _)| t != title);
        self.last_location.insert(0, (title.to_owned(), loc));
        self.last_location.truncate(20);
    }
}

/// An open compass with everything derived from it once, at load, so frames only look up.
pub struct Session {
    /// The compass.
    pub kompas: Kompas,
    /// Its begrippenlijst.
    pub glossary: Glossary,
    /// Where begrippen occur in each element.
    pub marks: Marks,
    /// For each begrip, the elements that use it.
    pub usages: Vec<Vec<Ix>>,
    /// The search index.
    pub index: SearchIndex,
}

impl Session {
    /// Derives glossary, marks and search index from `kompas`.
    pub fn new(kompas: Kompas) -> Self {
        let glossary = Glossary::new(&kompas);
        let marks = Marks::new(&kompas, &glossary);
        let usages = glossary.usages(&kompas);
        let index = SearchIndex::new(&kompas, &glossary);
        Self {
            kompas,
            glossary,
            marks,
            usages,
            index,
        }
    }
}

/// Which view the right-hand panel shows when both could.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SideTab {
    #[default]
    Details,
    Begrippen,
}

/// The sector in the spotlight while presenting: the selected sector on the compass.
fn spotlight_of(kompas: &Kompas, loc: &Location) -> Option<Ix> {
    if loc.view != View::Compass {
        return None;
    }
    loc.focus(kompas)
        .filter(|&ix| kompas.element(ix).depth == 1)
}

/// The id of the search field, so shortcuts can focus it.
fn search_id() -> Id {
    Id::unique("zoekveld")
}

/// The Kompas desktop app.
pub struct KompasApp {
    session: Session,
    /// Warnings found while loading, shown once in a dismissible bar.
    warnings: Vec<Problem>,
    settings: Settings,
    history: History,
    theme: Theme,
    commands: Commands,
    /// The element whose widget should take keyboard focus when next drawn.
    focus_request: Option<NodeId>,
    /// When the view last changed, for the transition.
    view_changed_at: f64,
    compass: CompassView,
    page: PageView,
    kaart: KaartView,
    detail: DetailView,
    outline: OutlineView,
    glossary_view: GlossaryView,
    search: SearchState,
    /// The search field should take focus this frame.
    focus_search: bool,
    /// The result cursor moved: scroll it into view.
    scroll_to_cursor: bool,
    /// The begrip to show in the begrippenlijst, and whether to scroll to it.
    glossary_focus: Option<(usize, bool)>,
    side_tab: SideTab,
    /// The window title last sent, so it is only sent on change.
    title_sent: String,
    /// A compass that could not be opened: its path and every problem, shown until dismissed.
    /// A compass that could not be opened: its path, every problem, and what is shown instead.
    load_failure: Option<(String, Vec<Problem>, &'static str)>,
    /// The "Kompas openen" window and an opening in progress.
    open_window: crate::ui::open_window::OpenWindow,
    /// The annotations and their saving.
    notes: NotesState,
    notes_editor: NotesEditor,
    /// Which elements lists show.
    filter: Filter,
    /// The notes generation the search index was built for.
    index_generation: u64,
    notes_window: NotesWindow,
    over: crate::ui::over_view::OverView,
    /// Workshop mode.
    presentation: Presentation,
    /// The user's zoom on the current screen.
    user_zoom: f32,
    /// The screen the zoom belongs to.
    screen: Option<String>,
    /// Rendering a picture: only the view, no bars, panels or indicator.
    exporting: bool,
    image_export: crate::ui::image_export::ImageExport,
    /// When the process started, to report the time to the first frame (`KOMPAS_TIJDEN=1`).
    started: Option<std::time::Instant>,
}

/// Key under which [`Settings`] are stored by eframe.
pub const SETTINGS_KEY: &str = "kompas-instellingen";

impl KompasApp {
    /// An app on `kompas`, with settings restored from `storage` when given.
    pub fn new(
        ctx: &egui::Context,
        kompas: Kompas,
        warnings: Vec<Problem>,
        storage: Option<&dyn eframe::Storage>,
    ) -> Self {
        theme::install_fonts(ctx);
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let start = settings.start_for(&kompas);
        let theme = Theme::new(settings.theme);
        // Ctrl+/−/0 are handled here, so zoom can be remembered per screen.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            session: Session::new(kompas),
            warnings,
            settings,
            history: History::new(start),
            theme,
            commands: Commands::default(),
            focus_request: None,
            view_changed_at: f64::NEG_INFINITY,
            compass: CompassView::default(),
            page: PageView::default(),
            kaart: KaartView::default(),
            detail: DetailView,
            outline: OutlineView::default(),
            glossary_view: GlossaryView::default(),
            search: SearchState::default(),
            focus_search: false,
            scroll_to_cursor: false,
            glossary_focus: None,
            side_tab: SideTab::default(),
            title_sent: String::new(),
            load_failure: None,
            open_window: crate::ui::open_window::OpenWindow::default(),
            notes: NotesState::in_memory(),
            notes_editor: NotesEditor::default(),
            filter: Filter::default(),
            index_generation: 0,
            notes_window: NotesWindow::default(),
            over: crate::ui::over_view::OverView,
            presentation: Presentation::default(),
            user_zoom: 1.0,
            screen: None,
            exporting: false,
            image_export: crate::ui::image_export::ImageExport::default(),
            started: None,
        };
        app.presentation = Presentation::new(&app.session.kompas);
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
        self.presentation.active
    }

    /// The hoofdinspanning shown enlarged, if any.
    pub fn enlarged(&self) -> Option<&NodeId> {
        self.presentation.enlarged.as_ref()
    }

    /// The user's zoom.
    pub fn zoom(&self) -> f32 {
        self.user_zoom
    }

    /// Keeps the notes in `path` (opened now; a damaged file is kept aside and reported).
    pub fn open_notes(&mut self, path: std::path::PathBuf) {
        self.notes = NotesState::open(path);
    }

    /// Where the notes are saved: the user's choice, else the default for this compass.
    pub fn notes_path_for(settings: &Settings, kompas: &Kompas) -> Option<std::path::PathBuf> {
        settings
            .notes_path
            .clone()
            .or_else(|| crate::notes::default_path(&kompas.meta.title))
    }

    /// The annotations.
    pub fn notes(&self) -> &crate::notes::NotesFile {
        self.notes.file()
    }

    /// Saves unsaved notes now (on exit).
    pub fn flush_notes(&mut self) {
        self.notes.save_now();
    }

    /// Reports a compass that could not be opened (the app shows the built-in one instead).
    pub fn set_load_failure(&mut self, path: String, problems: Vec<Problem>) {
        self.load_failure = Some((
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
            self.started = Some(started);
        }
    }

    /// Records what is open now in the recent list.
    pub fn opened(&mut self, target: crate::ui::open_window::OpenTarget) {
        crate::ui::open_window::remember(
            &mut self.settings.recent,
            crate::ui::open_window::Recent {
                title: self.session.kompas.meta.title.clone(),
                target,
            },
        );
    }

    /// True while a compass is being opened in the background.
    pub fn is_opening(&self) -> bool {
        self.open_window.is_busy()
    }

    /// Shows a compass opened in the background, or reports why it could not be opened.
    fn finish_opening(&mut self, ctx: &egui::Context) {
        let Some(result) = self.open_window.poll() else {
            return;
        };
        match result {
            Ok((target, session, warnings)) => {
                // The notes of the compass being left are saved before anything changes.
                self.notes.save_now();
                self.session = *session;
                self.warnings = warnings;
                let kompas = &self.session.kompas;
                self.history = History::new(self.settings.start_for(kompas));
                self.presentation = Presentation::new(kompas);
                self.search.clear();
                self.filter = Filter::default();
                self.glossary_focus = None;
                self.load_failure = None;
                self.open_window.open = false;
                self.view_changed_at = ctx.input(|i| i.time);
                if let Some(path) = Self::notes_path_for(&self.settings, &self.session.kompas) {
                    self.notes = NotesState::open(path);
                } else {
                    self.notes = NotesState::in_memory();
                }
                // Forces the search index to take in the new compass's notes.
                self.index_generation = u64::MAX;
                self.opened(target);
            }
            Err((target, e)) => {
                self.load_failure = Some((
                    target.describe(),
                    e.problems,
                    "Het huidige kompas blijft open.",
                ));
            }
        }
    }

    /// The compass shown.
    pub fn kompas(&self) -> &Kompas {
        &self.session.kompas
    }

    /// Where the user is.
    pub fn location(&self) -> &Location {
        self.history.current()
    }

    /// The persisted settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The search state (query and results).
    pub fn search(&self) -> &SearchState {
        &self.search
    }

    /// The begrip the begrippenlijst shows, if open.
    pub fn shown_begrip(&self) -> Option<usize> {
        self.glossary_focus
            .map(|(i, _)| i)
            .filter(|_| self.settings.glossary)
    }

    fn apply_style(&self, ctx: &egui::Context) {
        ctx.set_visuals(self.theme.visuals());
        ctx.global_style_mut(theme::apply_text_styles);
    }

    /// Applies one command; this is the only place the location changes.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let kompas = &self.session.kompas;
        let before = self.history.current().clone();
        match command {
            Command::Go(loc) => self.history.go(loc),
            Command::Open(id) => {
                if let Some(ix) = kompas.get(id.as_str()) {
                    self.history.go(nav::location_for(kompas, ix));
                    // Opening from search ends the search; the element is selected and focused.
                    self.search.clear();
                    self.focus_request = Some(id);
                }
            }
            Command::Select(id) => {
                let mut loc = self.history.current().clone();
                // While presenting, choosing a hoofdinspanning on a koerskaart enlarges it.
                if self.presentation.active
                    && let View::Kaart(subject) = &loc.view
                    && let (Some(s), Some(c)) =
                        (kompas.get(subject.as_str()), kompas.get(id.as_str()))
                    && kompas.parent(c) == Some(s)
                {
                    self.presentation.enlarged = Some(id.clone());
                }
                loc.selected = Some(id);
                self.history.go(loc);
            }
            Command::Back => {
                self.history.back();
            }
            Command::Forward => {
                self.history.forward();
            }
            Command::Home => {
                let came_from = self
                    .history
                    .current()
                    .focus(kompas)
                    .and_then(|f| kompas.sector_of(f));
                self.history.go(Location {
                    view: View::Compass,
                    selected: came_from.map(|s| kompas.element(s).id.clone()),
                });
            }
            Command::Up => {
                if let Some(up) = nav::up(kompas, self.history.current()) {
                    self.history.go(up);
                }
            }
            Command::Sibling(forward) => {
                if let Some(loc) = nav::sibling(kompas, self.history.current(), forward) {
                    self.history.go(loc);
                }
            }
            Command::SetTheme(kind) => {
                self.settings.theme = kind;
                self.theme = Theme::new(kind);
                self.apply_style(ctx);
            }
            Command::SetAnimations(on) => self.settings.animations = on,
            Command::SetOutline(on) => self.settings.outline = on,
            Command::ShowBegrip(entry) => {
                self.settings.glossary = true;
                self.side_tab = SideTab::Begrippen;
                self.glossary_focus = Some((entry, true));
                self.search.clear();
            }
            Command::SetGlossary(on) => {
                self.settings.glossary = on;
                if on {
                    self.side_tab = SideTab::Begrippen;
                }
            }
            Command::Annotate(id, edit) => {
                let title = kompas
                    .get(id.as_str())
                    .map(|ix| kompas.element(ix).title.clone())
                    .unwrap_or_default();
                let now = ctx.input(|i| i.time);
                self.notes
                    .edit(id.as_str(), &title, &self.settings.user_name, edit, now);
            }
            Command::AddPartner(name) => {
                if !self.notes.file().partners.contains(&name) {
                    self.notes
                        .file_mut(ctx.input(|i| i.time))
                        .add_partner(&name);
                }
            }
            Command::SetUserName(name) => self.settings.user_name = name,
            Command::ShowNotesWindow => self.notes_window.open = true,
            Command::ExportForPartner(partner, path) => {
                let who = if self.settings.user_name.is_empty() {
                    "gemeente"
                } else {
                    &self.settings.user_name
                };
                let file =
                    crate::review::export_for_partner(self.notes.file(), kompas, &partner, who);
                self.notes_window.status = Some(match crate::review::write(&path, &file) {
                    Ok(()) => format!(
                        "{} elementen voor {partner} geschreven naar {}",
                        file.items.len(),
                        path.display()
                    ),
                    Err(e) => format!("Kon {} niet schrijven: {e}", path.display()),
                });
            }
            Command::ApplyImport(label, plan, choices) => {
                let now = ctx.input(|i| i.time);
                self.notes.snapshot(label.clone());
                let title_of = |id: &str| {
                    kompas
                        .get(id)
                        .map(|ix| kompas.element(ix).title.clone())
                        .unwrap_or_default()
                };
                let who = if self.settings.user_name.is_empty() {
                    "gemeente"
                } else {
                    &self.settings.user_name
                };
                let applied =
                    crate::review::apply(self.notes.file_mut(now), &plan, &choices, who, &title_of);
                self.notes_window.status = Some(format!(
                    "{label}: {} reacties bewaard, {} statussen bijgewerkt{}.",
                    applied.reactions,
                    applied.statuses,
                    if applied.unresolved > 0 {
                        format!(", {} conflict(en) niet toegepast", applied.unresolved)
                    } else {
                        String::new()
                    }
                ));
            }
            Command::UndoImport => {
                let now = ctx.input(|i| i.time);
                if let Some(label) = self.notes.undo_import(now) {
                    self.notes_window.status =
                        Some(format!("Import van {label} ongedaan gemaakt."));
                }
            }
            Command::ExportNotes(path, markdown) => {
                let text = if markdown {
                    Ok(crate::notes::to_markdown(self.notes.file(), kompas))
                } else {
                    crate::notes::to_csv(self.notes.file(), kompas).map_err(|e| e.to_string())
                };
                self.notes_window.status = Some(
                    match text.map(|t| crate::write::write_atomic(&path, t.as_bytes())) {
                        Ok(Ok(())) => format!("Geschreven: {}", path.display()),
                        Ok(Err(e)) => format!("Kon {} niet schrijven: {e}", path.display()),
                        Err(e) => format!("Exporteren lukte niet: {e}"),
                    },
                );
            }
            Command::SetNotesPath(path) => {
                self.notes.move_to(path.clone());
                if self.notes.path.as_ref() == Some(&path) {
                    self.settings.notes_path = Some(path);
                }
            }
            Command::SetFilter(filter) => self.filter = filter,
            Command::SetPresenting(on) => {
                self.presentation.active = on;
                self.presentation.enlarged = None;
                self.search.clear();
            }
            Command::SetFullscreen(on) => {
                self.presentation.fullscreen = on;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Command::Enlarge(id) => self.presentation.enlarged = id,
            Command::SetNotesWhenPresenting(on) => self.settings.notes_when_presenting = on,
            Command::SetZoom(z) => {
                self.user_zoom = z.clamp(
                    crate::ui::presentation::ZOOM_RANGE.0,
                    crate::ui::presentation::ZOOM_RANGE.1,
                );
                if let Some(screen) = &self.screen {
                    self.settings.remember_zoom(screen, self.user_zoom);
                }
            }
            Command::ShowImageExport => self.image_export.open = true,
            Command::ShowOpenWindow => self.open_window.open = true,
            Command::OpenKompas(target) => self.open_window.start(target, ctx),
            Command::ExportImage(location, size, path) => {
                let request = crate::ui::render::RenderRequest {
                    size,
                    location,
                    theme: self.settings.theme,
                };
                self.image_export
                    .start(self.session.kompas.clone(), request, path, ctx);
            }
            Command::AddStatus(status) => {
                if !self.notes.file().statuses.contains(&status) {
                    self.notes
                        .file_mut(ctx.input(|i| i.time))
                        .statuses
                        .push(status);
                }
            }
        }
        let after = self.history.current().clone();
        if after.view != before.view {
            self.view_changed_at = ctx.input(|i| i.time);
            // Keyboard users land on what they opened (or came back from); on a page that
            // means its first card, since the page's own subject is not a widget there.
            let kompas = &self.session.kompas;
            self.focus_request = match (&after.view, &after.selected) {
                (View::Page(s) | View::Kaart(s), Some(sel)) if s == sel => kompas
                    .get(s.as_str())
                    .and_then(|ix| kompas.children(ix).first().copied())
                    .map(|c| kompas.element(c).id.clone()),
                (_, selected) => selected.clone().or_else(|| after.subject().cloned()),
            };
        }
        if after != before {
            self.settings
                .remember(&self.session.kompas.meta.title, after);
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        // Ctrl+F, or "/" outside a text field, goes to the search field.
        let in_text = ctx.text_edit_focused();
        let find = ctx.input_mut(|i| {
            let ctrl_f = i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F));
            let slash = !in_text && i.consume_key(Modifiers::NONE, Key::Slash);
            if slash {
                // The "/" must not land in the field it opens.
                i.events
                    .retain(|e| !matches!(e, Event::Text(t) if t == "/"));
            }
            ctrl_f || slash
        });
        if find {
            self.focus_search = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)))
        {
            self.commands.push(Command::ShowOpenWindow);
        }
        // While results are shown, Escape closes them and the arrows move through them.
        if self.search.is_active() {
            let in_field = ctx.memory(|m| m.has_focus(search_id()));
            let (esc, down, up) = ctx.input_mut(|i| {
                (
                    i.key_pressed(Key::Escape),
                    in_field && i.consume_key(Modifiers::NONE, Key::ArrowDown),
                    in_field && i.consume_key(Modifiers::NONE, Key::ArrowUp),
                )
            });
            if esc {
                self.search.clear();
                ctx.memory_mut(|m| m.surrender_focus(search_id()));
                return;
            }
            if down || up {
                self.search.move_cursor(down);
                self.scroll_to_cursor = true;
            }
        }
        // Focused buttons and shapes leave these keys alone; a text field keeps them.
        if ctx.text_edit_focused() {
            return;
        }
        let alt = |k| KeyboardShortcut::new(Modifiers::ALT, k);
        let (back, forward, up, home, prev, next) = ctx.input_mut(|i| {
            let back = i.consume_shortcut(&alt(Key::ArrowLeft))
                || i.pointer.button_pressed(PointerButton::Extra1);
            let forward = i.consume_shortcut(&alt(Key::ArrowRight))
                || i.pointer.button_pressed(PointerButton::Extra2);
            let up = i.key_pressed(Key::Escape) || i.consume_key(Modifiers::NONE, Key::Backspace);
            let home = i.consume_key(Modifiers::NONE, Key::Home);
            let prev = i.consume_key(Modifiers::NONE, Key::PageUp);
            let next = i.consume_key(Modifiers::NONE, Key::PageDown);
            (back, forward, up, home, prev, next)
        });
        let queue = [
            (back, Command::Back),
            (forward, Command::Forward),
            (up, Command::Up),
            (home, Command::Home),
            (prev, Command::Sibling(false)),
            (next, Command::Sibling(true)),
        ];
        for (pressed, command) in queue {
            if pressed {
                self.commands.push(command);
            }
        }
    }

    /// Zoom per screen: restored when the window is on another screen, changed with
    /// Ctrl+/−/0 and Ctrl+scroll, larger while presenting.
    fn update_zoom(&mut self, ctx: &egui::Context) {
        let screen = crate::ui::presentation::screen_key(ctx);
        if screen != self.screen {
            self.user_zoom = screen.as_deref().map_or(1.0, |s| self.settings.zoom_for(s));
            self.screen = screen;
        }
        let z = crate::ui::presentation::user_zoom(ctx, self.user_zoom);
        if (z - self.user_zoom).abs() > 1e-4 {
            self.commands.push(Command::SetZoom(z));
            self.user_zoom = z;
        }
        crate::ui::presentation::apply_zoom(ctx, self.user_zoom, self.presentation.active);
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let m = &self.session.kompas.meta;
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
        self.window_title(&ctx);
        self.update_zoom(&ctx);
        let here = self.history.current().clone();
        for c in self.presentation.keys(
            &ctx,
            &self.session.kompas,
            &here,
            self.settings.notes_when_presenting,
        ) {
            self.commands.push(c);
        }
        self.keyboard(&ctx);
        let now = ctx.input(|i| i.time);
        self.notes.tick(now);
        if self.notes.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                crate::ui::notes_state::SAVE_DELAY_S,
            ));
        }
        if self.search.is_active() {
            self.refresh_search();
        }

        let loc = self.history.current().clone();
        let focus = loc.focus(&self.session.kompas);
        // Presenting shows only the current view.
        if !self.presentation.active && !self.exporting {
            self.chrome_ui(ui, &loc, focus);
        }
        egui::CentralPanel::default_margins()
            .frame(
                egui::Frame::central_panel(ui.style())
                    .fill(self.theme.bg)
                    .inner_margin(16),
            )
            .show(ui, |ui| self.central_ui(ui, &loc));

        if !self.exporting {
            self.presentation
                .overlay_ui(&ctx, &self.session.kompas, &loc, &self.theme);
        }
        self.load_failure_ui(&ctx);
        self.dropped_files(&ctx);
        if self.notes_window.open {
            let input = crate::ui::notes_window::NotesWindowInput {
                kompas: &self.session.kompas,
                notes: self.notes.file(),
                path: self.notes.path.as_deref(),
                undo: self.notes.undo_label(),
                theme: &self.theme,
            };
            self.notes_window.ui(&ctx, &input, &mut self.commands);
        }
        self.image_export.ui(&ctx, &loc, &mut self.commands);
        self.open_window
            .ui(&ctx, &self.settings.recent, &mut self.commands);
        self.finish_opening(&ctx);

        for command in self.commands.take() {
            self.apply(&ctx, command);
        }
    }

    /// Everything around the central view: bars, trail, messages, outline and side panel.
    fn chrome_ui(&mut self, ui: &mut Ui, loc: &Location, focus: Option<Ix>) {
        egui::Panel::top("bovenbalk")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.top_bar_ui(ui));
        let crumbs_loc = self.history.current().clone();
        egui::Panel::top("kruimelpad")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(12, 4)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    // Previous/next sit right of the trail they move along.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        self.sibling_buttons_ui(ui, &crumbs_loc);
                        ui.with_layout(
                            egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                            |ui| {
                                self.breadcrumbs_ui(ui, &crumbs_loc);
                            },
                        );
                    });
                });
            });
        if !self.warnings.is_empty() {
            egui::Panel::bottom("waarschuwingen").show(ui, |ui| self.warnings_ui(ui));
        }
        if let Some(message) = self.notes.message.clone() {
            egui::Panel::bottom("notitiemelding").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Notities:").strong());
                    ui.label(message);
                    if ui.button("Sluiten").clicked() {
                        self.notes.message = None;
                    }
                });
            });
        }
        if self.settings.outline {
            egui::Panel::left("overzicht")
                .resizable(true)
                .default_size(theme::OUTLINE_WIDTH_PX)
                .show(ui, |ui| {
                    self.outline.ui(
                        ui,
                        &self.session.kompas,
                        &self.theme,
                        focus,
                        &mut self.commands,
                    );
                });
        }
        self.side_panel_ui(ui, loc, focus);
    }

    /// The right-hand panel: details of the selection and/or the begrippenlijst.
    fn side_panel_ui(&mut self, ui: &mut Ui, loc: &Location, focus: Option<Ix>) {
        // Details show what the central view does not: the selection on a kaart or a page
        // (not the page's own subject, which the page shows in full).
        let detail = match &loc.view {
            View::Compass | View::Over(_) => None,
            View::Kaart(_) => focus,
            View::Page(subject) => {
                focus.filter(|_| loc.selected.as_ref().is_some_and(|s| s != subject))
            }
        };
        let glossary = self.settings.glossary;
        if detail.is_none() && !glossary {
            return;
        }
        egui::Panel::right("zijpaneel")
            .resizable(true)
            .default_size(theme::DETAIL_WIDTH_PX)
            .min_size(260.0)
            .max_size(theme::DETAIL_WIDTH_PX + 160.0)
            .show(ui, |ui| {
                if detail.is_some() && glossary {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut self.side_tab, SideTab::Details, "Details");
                        ui.selectable_value(&mut self.side_tab, SideTab::Begrippen, "Begrippen");
                    });
                    ui.separator();
                }
                let tab = match (detail, glossary) {
                    (Some(_), true) => self.side_tab,
                    (Some(_), false) => SideTab::Details,
                    _ => SideTab::Begrippen,
                };
                let session = &self.session;
                let mut cx = ViewCtx {
                    kompas: &session.kompas,
                    theme: &self.theme,
                    location: loc,
                    commands: &mut self.commands,
                    focus_request: &mut self.focus_request,
                    glossary: &session.glossary,
                    marks: &session.marks,
                    notes: self.notes.file(),
                    user: &self.settings.user_name,
                    filter: &self.filter,
                    show_notes: true,
                    notes_generation: self.notes.generation,
                    presenting: false,
                    spotlight: None,
                    enlarged: None,
                };
                match (tab, detail) {
                    (SideTab::Details, Some(ix)) => {
                        self.detail.ui(ui, &mut cx, ix, &mut self.notes_editor);
                    }
                    _ => self.glossary_view.ui(
                        ui,
                        &mut cx,
                        &mut self.glossary_focus,
                        &session.usages,
                    ),
                }
            });
    }

    /// Reaction files dropped on the window go to "Reacties inlezen".
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        // A compass (folder, .ron, .mm, .opml) opens; partners' reaction files are read in.
        let (compasses, dropped): (Vec<_>, Vec<_>) = dropped
            .into_iter()
            .partition(|p| crate::ui::open_window::is_compass(p));
        if let Some(first) = compasses.into_iter().next() {
            self.commands.push(Command::OpenKompas(
                crate::ui::open_window::OpenTarget::Path(first),
            ));
        }
        if dropped.is_empty() {
            return;
        }
        self.notes_window.open = true;
        self.notes_window
            .read_files(&dropped, self.notes.file(), &self.session.kompas);
    }

    fn load_failure_ui(&mut self, ctx: &egui::Context) {
        let Some((path, problems, instead)) = &self.load_failure else {
            return;
        };
        let mut open = true;
        egui::Window::new("Kompas kon niet worden geopend")
            .collapsible(false)
            .default_width(640.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .open(&mut open)
            .show(ctx, |ui| {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                ui.label(format!(
                    "{path} bevat {errors} {}. {instead}",
                    if errors == 1 { "fout" } else { "fouten" }
                ));
                ui.add_space(6.0);
                egui::ScrollArea::both().max_height(360.0).show(ui, |ui| {
                    for p in problems {
                        ui.add(egui::Label::new(RichText::new(p.to_string()).monospace()).extend());
                    }
                });
            });
        if !open {
            self.load_failure = None;
        }
    }

    fn central_ui(&mut self, ui: &mut Ui, loc: &Location) {
        // A short fade-and-rise when the view changes, unless switched off.
        if self.settings.animations {
            let t = ((ui.input(|i| i.time) - self.view_changed_at) as f32 / theme::TRANSITION_S)
                .clamp(0.0, 1.0);
            if t < 1.0 {
                let eased = 1.0 - (1.0 - t) * (1.0 - t);
                ui.set_opacity(eased);
                ui.add_space(12.0 * (1.0 - eased));
                ui.ctx().request_repaint();
            }
        }
        let session = &self.session;
        let subject = loc.subject().and_then(|id| session.kompas.get(id.as_str()));
        let mut cx = ViewCtx {
            kompas: &session.kompas,
            theme: &self.theme,
            location: loc,
            commands: &mut self.commands,
            focus_request: &mut self.focus_request,
            glossary: &session.glossary,
            marks: &session.marks,
            notes: self.notes.file(),
            user: &self.settings.user_name,
            filter: &self.filter,
            show_notes: !self.presentation.active || self.settings.notes_when_presenting,
            notes_generation: self.notes.generation,
            presenting: self.presentation.active,
            spotlight: self
                .presentation
                .active
                .then(|| spotlight_of(&session.kompas, loc))
                .flatten(),
            enlarged: self
                .presentation
                .enlarged
                .as_ref()
                .filter(|_| self.presentation.active),
        };
        if self.search.is_active() {
            search_view::results_ui(
                ui,
                &mut cx,
                &self.search,
                &session.index,
                self.scroll_to_cursor,
            );
            self.scroll_to_cursor = false;
            return;
        }
        match (&loc.view, subject) {
            (View::Page(_), Some(ix)) => self.page.ui(ui, &mut cx, ix),
            (View::Kaart(_), Some(ix)) => self.kaart.ui(ui, &mut cx, ix),
            (View::Over(page), _) => self.over.ui(ui, &mut cx, page),
            _ => self.compass.ui(ui, &mut cx),
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            let big = |s: &str| RichText::new(s).size(16.0);
            if ui
                .add(egui::Button::new(big("⌂ Home")))
                .on_hover_text("Naar het kompas (Home)")
                .clicked()
            {
                self.commands.push(Command::Home);
            }
            if ui
                .add_enabled(self.history.can_back(), egui::Button::new(big("← Terug")))
                .on_hover_text("Terug (Alt+←)")
                .clicked()
            {
                self.commands.push(Command::Back);
            }
            if ui
                .add_enabled(
                    self.history.can_forward(),
                    egui::Button::new(big("Vooruit →")),
                )
                .on_hover_text("Vooruit (Alt+→)")
                .clicked()
            {
                self.commands.push(Command::Forward);
            }
            if ui
                .button(big("Openen…"))
                .on_hover_text("Een ander kompas of een mindmap openen (Ctrl+O)")
                .clicked()
            {
                self.commands.push(Command::ShowOpenWindow);
            }
            if let Some(target) = self.open_window.busy_with() {
                ui.spinner()
                    .on_hover_text(format!("Bezig met openen: {}", target.describe()));
            }
            ui.add_space(12.0);
            self.search_field_ui(ui);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.menu_button(big("⚙ Beeld"), |ui| {
                    for kind in ThemeKind::ALL {
                        if ui
                            .radio(self.settings.theme == kind, kind.label())
                            .clicked()
                        {
                            self.commands.push(Command::SetTheme(kind));
                        }
                    }
                    ui.separator();
                    let mut anim = self.settings.animations;
                    if ui.checkbox(&mut anim, "Overgangen animeren").changed() {
                        self.commands.push(Command::SetAnimations(anim));
                    }
                    ui.separator();
                    if ui.button("Presenteren (F5)").clicked() {
                        self.commands.push(Command::SetPresenting(true));
                        ui.close();
                    }
                    let full = self.presentation.fullscreen;
                    if ui
                        .button(if full {
                            "Volledig scherm uit (F11)"
                        } else {
                            "Volledig scherm (F11)"
                        })
                        .clicked()
                    {
                        self.commands.push(Command::SetFullscreen(!full));
                    }
                    let mut notes = self.settings.notes_when_presenting;
                    if ui
                        .checkbox(&mut notes, "Notities tonen tijdens presenteren (N)")
                        .changed()
                    {
                        self.commands.push(Command::SetNotesWhenPresenting(notes));
                    }
                    if ui.button("Exporteer als afbeelding…").clicked() {
                        self.commands.push(Command::ShowImageExport);
                        ui.close();
                    }
                    ui.separator();
                    ui.horizontal(|ui| {
                        ui.label("Zoom");
                        if ui.button("−").on_hover_text("Ctrl+−").clicked() {
                            self.commands.push(Command::SetZoom(self.user_zoom / 1.1));
                        }
                        ui.label(format!("{:.0}%", self.user_zoom * 100.0));
                        if ui.button("+").on_hover_text("Ctrl++").clicked() {
                            self.commands.push(Command::SetZoom(self.user_zoom * 1.1));
                        }
                        if ui.button("100%").on_hover_text("Ctrl+0").clicked() {
                            self.commands.push(Command::SetZoom(1.0));
                        }
                    });
                });
                if let Some(first) = self.session.kompas.content.pages.first()
                    && ui
                        .button(big("Over het kompas"))
                        .on_hover_text("Inleiding, handleiding, trends en bijlagen")
                        .clicked()
                {
                    self.commands.push(Command::Go(Location {
                        view: View::Over(first.id.clone()),
                        selected: None,
                    }));
                }
                if ui
                    .button(big("Notities"))
                    .on_hover_text("Notities, partners en reacties")
                    .clicked()
                {
                    self.commands.push(Command::ShowNotesWindow);
                }
                let mut glossary = self.settings.glossary;
                if ui.toggle_value(&mut glossary, big("Begrippen")).changed() {
                    self.commands.push(Command::SetGlossary(glossary));
                }
                let mut outline = self.settings.outline;
                if ui.toggle_value(&mut outline, big("☰ Overzicht")).changed() {
                    self.commands.push(Command::SetOutline(outline));
                }
            });
        });
    }

    /// Runs the search again if the query changed, re-indexing first when notes changed
    /// since the index was built (notes are searchable; indexing is only done when searching).
    fn refresh_search(&mut self) {
        if self.notes.generation != self.index_generation {
            self.index_generation = self.notes.generation;
            let s = &mut self.session;
            let notes = self
                .notes
                .file()
                .notes
                .iter()
                .map(|(id, a)| (id.as_str(), a.note.as_str()));
            s.index = SearchIndex::new(&s.kompas, &s.glossary).with_notes(notes);
            self.search.invalidate();
        }
        self.search
            .refresh(&self.session.kompas, &self.session.index);
    }

    fn search_field_ui(&mut self, ui: &mut Ui) {
        let label = ui.label(RichText::new("Zoeken").size(16.0));
        let edit = egui::TextEdit::singleline(&mut self.search.query)
            .id(search_id())
            .hint_text("woord, begrip… (Ctrl+F)")
            .desired_width(240.0)
            .font(egui::FontId::proportional(16.0));
        let resp = ui.add(edit).labelled_by(label.id);
        if self.focus_search {
            resp.request_focus();
            self.focus_search = false;
        }
        if resp.has_focus() {
            // Up and down move through the results, not away from the field.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    resp.id,
                    egui::EventFilter {
                        vertical_arrows: true,
                        horizontal_arrows: true,
                        ..Default::default()
                    },
                );
            });
        }
        if resp.changed() {
            self.refresh_search();
        }
        if resp.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(open) = self.search.open_command(&self.session.kompas)
        {
            self.commands.push(open);
        }
    }

    fn sibling_buttons_ui(&mut self, ui: &mut Ui, loc: &Location) {
        let kompas = &self.session.kompas;
        let Some(subject) = loc.subject().and_then(|id| kompas.get(id.as_str())) else {
            return;
        };
        let level = kompas
            .level(subject)
            .map_or_else(String::new, |l| l.name.to_lowercase());
        let big = |s: String| RichText::new(s).size(16.0);
        let next = nav::sibling(kompas, loc, true);
        let prev = nav::sibling(kompas, loc, false);
        if ui
            .add_enabled(
                next.is_some(),
                egui::Button::new(big(format!("Volgende {level} ▶"))),
            )
            .on_hover_text("PageDown")
            .clicked()
        {
            self.commands.push(Command::Sibling(true));
        }
        if ui
            .add_enabled(
                prev.is_some(),
                egui::Button::new(big(format!("◀ Vorige {level}"))),
            )
            .on_hover_text("PageUp")
            .clicked()
        {
            self.commands.push(Command::Sibling(false));
        }
    }

    /// Einddoel › Hoofddoel 1 › Koers 1.3 › Hoofdinspanning B, every step clickable.
    fn breadcrumbs_ui(&mut self, ui: &mut Ui, loc: &Location) {
        let kompas = &self.session.kompas;
        let path: Vec<Ix> = loc
            .focus(kompas)
            .map(|f| kompas.path(f))
            .unwrap_or_else(|| vec![kompas.root()]);
        for (i, &ix) in path.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("›").size(16.0));
            }
            let el = kompas.element(ix);
            let text = if i == 0 {
                kompas
                    .level(ix)
                    .map_or_else(|| el.title.clone(), |l| l.name.clone())
            } else {
                kompas.short_name(ix)
            };
            let is_last = i + 1 == path.len();
            let resp = ui
                .add(
                    egui::Button::new(RichText::new(text).size(16.0).strong())
                        .frame(!is_last)
                        .frame_when_inactive(false),
                )
                .on_hover_text(&el.title);
            if resp.clicked() {
                if i == 0 {
                    self.commands.push(Command::Home);
                } else {
                    self.commands.push(Command::Open(el.id.clone()));
                }
            }
        }
        // "Over het kompas" pages sit beside the tree: Einddoel › Over het kompas › page.
        if let View::Over(page) = &loc.view
            && let Some(p) = kompas.content.page(page)
        {
            ui.label(RichText::new("›").size(16.0));
            ui.label(RichText::new("Over het kompas").size(16.0).strong());
            ui.label(RichText::new("›").size(16.0));
            ui.label(RichText::new(&p.title).size(16.0).strong());
        }
    }

    fn warnings_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let n = self.warnings.len();
            ui.label(format!(
                "Het kompas is geladen met {n} waarschuwing{}: {}",
                if n == 1 { "" } else { "en" },
                self.warnings
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ));
            if ui.button("Sluiten").clicked() {
                self.warnings.clear();
            }
        });
    }
}

impl eframe::App for KompasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        KompasApp::ui(self, ui);
        if let Some(t) = self.started.take() {
            eprintln!(
                "eerste beeld na {} ms ({} elementen)",
                t.elapsed().as_millis(),
                self.session.kompas.len()
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        self.notes.save_now();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.notes.save_now();
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.bg.to_normalized_gamma_f32()
    }
}
