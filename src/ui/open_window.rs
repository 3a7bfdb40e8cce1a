//! "Kompas openen": the built-in compasses, the recently opened ones, a typed path and the file
//! dialog. Opening happens on a background thread (a 50 000-element mind map takes a moment),
//! so the window stays responsive and the current compass stays until the new one is ready.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::load::{LoadError, Loaded};
use crate::ui::command::{Command, Commands};

/// What can be opened.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpenTarget {
    /// A compass built into the app, by its key in [`crate::source::BUILT_IN`].
    BuiltIn(String),
    /// A folder, `.ron`, `.mm` or `.opml` file.
    Path(PathBuf),
}

impl OpenTarget {
    /// How to show it in a list or message.
    pub fn describe(&self) -> String {
        match self {
            Self::BuiltIn(key) => crate::source::BUILT_IN
                .iter()
                .find(|(_, k, _)| k == key)
                .map_or_else(|| key.clone(), |(name, _, _)| format!("ingebouwd: {name}")),
            Self::Path(p) => p.display().to_string(),
        }
    }

    /// Loads it (slow for large files: call off the UI thread).
    ///
    /// # Errors
    /// Every problem found.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        match self {
            Self::BuiltIn(key) => {
                let files = crate::source::BUILT_IN
                    .iter()
                    .find(|(_, k, _)| k == key)
                    .map_or(crate::source::SOCIAAL_KOMPAS, |(_, _, f)| *f);
                crate::load::load(&crate::source::Source::Embedded(files))
            }
            Self::Path(p) => crate::mindmap::open(p),
        }
    }
}

/// A compass opened before, for the recent list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    /// Its title when it was opened.
    pub title: String,
    /// Where it is.
    pub target: OpenTarget,
}

/// How many compasses the recent list keeps.
pub const MAX_RECENT: usize = 10;

/// Puts `entry` first in `recent`, without duplicates, keeping at most [`MAX_RECENT`].
pub fn remember(recent: &mut Vec<Recent>, entry: Recent) {
    recent.retain(|r| r.target != entry.target);
    recent.insert(0, entry);
    recent.truncate(MAX_RECENT);
}

/// A compass loaded in the background, ready to be shown: what was opened and the compass
/// with everything derived from it and its warnings.
pub type Opened = (OpenTarget, Box<crate::ui::app::Prepared>);

/// The outcome of an opening: the compass, or what was being opened and why it failed.
pub type OpenResult = Result<Opened, (OpenTarget, LoadError)>;

/// Whom to wake when something loaded in the background is there: the UI's context, which
/// an opening started before the window exists gets only later.
#[derive(Clone, Default)]
pub struct Waker(std::sync::Arc<std::sync::Mutex<Option<egui::Context>>>);

impl Waker {
    /// A waker for a UI that is there.
    pub fn for_ctx(ctx: &egui::Context) -> Self {
        let waker = Self::default();
        waker.set(ctx);
        waker
    }

    /// The UI is there now.
    pub fn set(&self, ctx: &egui::Context) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(ctx.clone());
        }
    }

    /// Asks the UI to draw again (and so pick up what arrived); nothing before it is there,
    /// as its first frame looks anyway.
    pub fn wake(&self) {
        if let Some(ctx) = self.0.lock().ok().and_then(|slot| slot.clone()) {
            ctx.request_repaint();
        }
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

/// Loads `target` with its glossary; the begrippen in its texts and its search index follow
/// from a thread of their own, waking the UI when they are there.
fn open_session(target: OpenTarget, waker: &Waker) -> OpenResult {
    match target.load() {
        Ok(loaded) => {
            crate::ui::report_time("geladen");
            let wake = waker.clone();
            Ok((
                target,
                Box::new(crate::ui::app::Prepared::in_background(
                    loaded.kompas,
                    loaded.warnings,
                    move || wake.wake(),
                )),
            ))
        }
        Err(e) => Err((target, e)),
    }
}

/// An opening started before the app's window exists (so reading the file overlaps with
/// creating the window); [`OpenWindow::adopt`] takes it over.
#[derive(Debug)]
pub struct EarlyOpening {
    target: OpenTarget,
    rx: Receiver<OpenResult>,
    waker: Waker,
}

impl EarlyOpening {
    /// Starts reading `target` on a background thread now.
    pub fn start(target: OpenTarget) -> Self {
        let waker = Waker::default();
        let rx = spawn_opening(target.clone(), &waker);
        Self { target, rx, waker }
    }
}

/// Opens `target` on a thread of its own (on this one if none can be made) and sends the
/// outcome.
fn spawn_opening(target: OpenTarget, waker: &Waker) -> Receiver<OpenResult> {
    let (tx, rx) = std::sync::mpsc::channel();
    let job = (target.clone(), waker.clone(), tx.clone());
    let spawned = std::thread::Builder::new()
        .name("kompas-openen".into())
        .spawn(move || {
            let (target, waker, tx) = job;
            // Nobody may be waiting any more (the app closed); nothing to do then.
            let _ = tx.send(open_session(target, &waker));
            waker.wake();
        });
    if spawned.is_err() {
        // Without a thread, open on this one: slower, but it opens.
        let _ = tx.send(open_session(target, waker));
    }
    rx
}

/// The "Kompas openen" window and an opening in progress.
#[derive(Debug, Default)]
pub struct OpenWindow {
    /// Whether the window is shown.
    pub open: bool,
    /// The path as typed.
    pub path: String,
    busy: Option<(OpenTarget, Receiver<OpenResult>)>,
    dialog: crate::ui::dialog::DialogFocus,
}

impl OpenWindow {
    /// True while a compass is being opened.
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// What is being opened, if anything.
    pub fn busy_with(&self) -> Option<&OpenTarget> {
        self.busy.as_ref().map(|(t, _)| t)
    }

    /// Starts loading `target` on a background thread, with its glossary and search index.
    pub fn start(&mut self, target: OpenTarget, ctx: &egui::Context) {
        let rx = spawn_opening(target.clone(), &Waker::for_ctx(ctx));
        self.busy = Some((target, rx));
    }

    /// Takes over an opening started before the window was there.
    pub fn adopt(&mut self, early: EarlyOpening, ctx: &egui::Context) {
        early.waker.set(ctx);
        self.busy = Some((early.target, early.rx));
    }

    /// A finished opening, if there is one.
    pub fn poll(&mut self) -> Option<OpenResult> {
        let (_, rx) = self.busy.as_ref()?;
        match rx.try_recv() {
            Ok(result) => {
                self.busy = None;
                Some(result)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                let (target, _) = self.busy.take()?;
                Some(Err((
                    target,
                    LoadError {
                        problems: vec![crate::Problem::file_error(
                            "kompas",
                            "het openen is afgebroken (interne fout)",
                        )],
                    },
                )))
            }
        }
    }

    /// The window.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        recent: &[Recent],
        theme: &crate::ui::theme::Theme,
        commands: &mut Commands,
    ) {
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(ctx, &mut open, "Kompas openen", 560.0, theme, |ui| {
            self.contents_ui(ui, recent, commands);
        });
        self.dialog = dialog;
        self.open = open && self.open;
    }

    fn contents_ui(&mut self, ui: &mut Ui, recent: &[Recent], commands: &mut Commands) {
        let mut chosen: Option<OpenTarget> = None;
        ui.label(RichText::new("Ingebouwd").strong());
        for (name, key, _) in crate::source::BUILT_IN {
            if ui.button(*name).clicked() {
                chosen = Some(OpenTarget::BuiltIn((*key).to_owned()));
            }
        }
        if !recent.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Recent geopend").strong());
            for r in recent {
                let (exists, place) = match &r.target {
                    OpenTarget::Path(p) => (p.exists(), p.display().to_string()),
                    OpenTarget::BuiltIn(_) => (true, r.target.describe()),
                };
                let response = ui
                    .add_enabled(exists, egui::Button::new(&r.title))
                    .on_hover_text(&place)
                    .on_disabled_hover_text(format!("Niet gevonden: {place}"));
                if response.clicked() {
                    chosen = Some(r.target.clone());
                }
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Ander kompas").strong());
        ui.label("Een kompasmap, een .ron-bestand, een mindmap (.mm, FreeMind/Freeplane) of een OPML-outline. U kunt een map of bestand ook op het venster slepen.");
        ui.horizontal(|ui| {
            let label = ui.label("Pad");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path)
                        .desired_width((ui.available_width() - 110.0).clamp(120.0, 340.0)),
                )
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let typed = self.path.trim();
            if (ui
                .add_enabled(!typed.is_empty(), egui::Button::new("Openen"))
                .clicked()
                || enter)
                && !typed.is_empty()
            {
                chosen = Some(OpenTarget::Path(PathBuf::from(typed)));
            }
        });
        ui.horizontal(|ui| {
            // Without a desktop portal these return nothing at once; the typed path remains.
            if ui.button("Map kiezen…").clicked()
                && let Some(dir) = rfd::FileDialog::new().pick_folder()
            {
                chosen = Some(OpenTarget::Path(dir));
            }
            if ui.button("Bestand kiezen…").clicked()
                && let Some(file) = rfd::FileDialog::new()
                    .add_filter("Kompas of mindmap", &["ron", "mm", "opml"])
                    .pick_file()
            {
                chosen = Some(OpenTarget::Path(file));
            }
        });
        if let Some(target) = self.busy_with() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Bezig met openen: {}", target.describe()));
            });
        }
        if let Some(target) = chosen {
            commands.push(Command::OpenKompas(target));
        }
    }
}

/// True when a dropped or given file is a compass to open rather than a partner's file.
pub fn is_compass(path: &Path) -> bool {
    if path.is_dir() {
        return true;
    }
    match crate::mindmap::Format::of(path) {
        crate::mindmap::Format::MindMap | crate::mindmap::Format::Opml => true,
        crate::mindmap::Format::Ron => crate::review::read(path).is_err(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recent_list_keeps_the_newest_first_without_doubles() {
        let mut recent = Vec::new();
        for i in 0..15 {
            remember(
                &mut recent,
                Recent {
                    title: format!("k{i}"),
                    target: OpenTarget::Path(PathBuf::from(format!("/k{}", i % 12))),
                },
            );
        }
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0].title, "k14");
        assert_eq!(recent[1].title, "k13");
        let paths: std::collections::HashSet<_> = recent.iter().map(|r| &r.target).collect();
        assert_eq!(paths.len(), recent.len());
    }

    #[test]
    fn built_in_compasses_load() {
        for (_, key, _) in crate::source::BUILT_IN {
            let loaded = OpenTarget::BuiltIn((*key).to_owned()).load().unwrap();
            assert!(loaded.kompas.sectors().len() >= 4);
        }
    }
}
