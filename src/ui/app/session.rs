//! Everything of one open compass, in one place: the model and what is derived from it (built
//! off the UI thread when a compass is opened), where the user is, its notes, its search and
//! every view's cache. Opening another compass replaces the whole session, so no cache can
//! outlive the compass it was made for.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::glossary::Glossary;
use crate::model::{Ix, Kompas, NodeId};
use crate::nav::{History, Location, View};
use crate::notes::Filter;
use crate::problem::Problem;
use crate::search::SearchIndex;
use crate::ui::command::Commands;
use crate::ui::compass::CompassView;
use crate::ui::glossary_view::GlossaryView;
use crate::ui::kaart_view::KaartView;
use crate::ui::marked_text::Marks;
use crate::ui::notes_editor::NotesEditor;
use crate::ui::notes_state::NotesState;
use crate::ui::notes_window::NotesWindow;
use crate::ui::outline::OutlineView;
use crate::ui::page_view::PageView;
use crate::ui::presentation::Presentation;
use crate::ui::search_view::SearchState;
use crate::ui::theme::Theme;
use crate::ui::view_ctx::ViewCtx;

/// A compass with everything derived from it once, so frames only look up. Built on the
/// thread that loads the compass; the slower half ([`Derived`]) may follow from a thread of
/// its own, so the compass is drawn and usable while it is made.
pub struct Prepared {
    /// The compass (shared with the thread that derives the rest).
    pub kompas: Arc<Kompas>,
    /// Its begrippenlijst.
    pub glossary: Glossary,
    /// Begrippen in the texts and the search index; empty until [`Prepared::is_ready`].
    pub derived: Derived,
    /// Where [`Derived`] arrives when it is made on another thread.
    pending: Option<Receiver<Derived>>,
    /// Warnings found while loading.
    pub warnings: Vec<Problem>,
}

/// What takes time to derive from a compass: begrippen in every text and the search index.
#[derive(Default)]
pub struct Derived {
    /// Where begrippen occur in each element.
    pub marks: Marks,
    /// For each begrip, the elements that use it.
    pub usages: Vec<Vec<Ix>>,
    /// The search index (without notes until the first search).
    pub index: SearchIndex,
}

impl Derived {
    /// Finds the begrippen in every text and indexes the compass for search.
    pub fn new(kompas: &Kompas, glossary: &Glossary) -> Self {
        let marks = Marks::new(kompas, glossary);
        crate::ui::report_time("begrippen in de teksten");
        let usages = marks.usages(kompas, glossary.entries.len());
        let index = SearchIndex::new(kompas, glossary);
        crate::ui::report_time("zoekindex");
        Self {
            marks,
            usages,
            index,
        }
    }
}

impl Prepared {
    /// Derives glossary, marks and search index from `kompas`, all before returning.
    pub fn new(kompas: Kompas, warnings: Vec<Problem>) -> Self {
        let glossary = Glossary::new(&kompas);
        let derived = Derived::new(&kompas, &glossary);
        Self {
            kompas: Arc::new(kompas),
            glossary,
            derived,
            pending: None,
            warnings,
        }
    }

    /// Derives the glossary now and the rest on a thread of its own, calling `wake` when it
    /// is there (so the UI draws again and picks it up in [`Prepared::poll`]).
    pub fn in_background(
        kompas: Kompas,
        warnings: Vec<Problem>,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        Self::in_background_with(kompas, warnings, wake, Derived::new)
    }

    /// [`Prepared::in_background`] with the derivation given (a test holds it back to see
    /// the app while it runs).
    pub fn in_background_with(
        kompas: Kompas,
        warnings: Vec<Problem>,
        wake: impl Fn() + Send + 'static,
        derive: impl FnOnce(&Kompas, &Glossary) -> Derived + Send + 'static,
    ) -> Self {
        let glossary = Glossary::new(&kompas);
        let kompas = Arc::new(kompas);
        let (tx, rx) = std::sync::mpsc::channel();
        let (k, g) = (Arc::clone(&kompas), glossary.clone());
        let spawned = std::thread::Builder::new()
            .name("kompas-zoekindex".into())
            .spawn(move || {
                // The app may have closed or opened another compass; then nobody listens.
                let _ = tx.send(derive(&k, &g));
                wake();
            });
        let (derived, pending) = match spawned {
            Ok(_) => (Derived::default(), Some(rx)),
            // Without a thread: all of it now, slower but complete.
            Err(_) => (Derived::new(&kompas, &glossary), None),
        };
        Self {
            kompas,
            glossary,
            derived,
            pending,
            warnings,
        }
    }

    /// Whether marks and search index are there.
    pub fn is_ready(&self) -> bool {
        self.pending.is_none()
    }

    /// Takes the derived data if it has arrived; true when it did just now.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok(derived) => {
                self.derived = derived;
                self.pending = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                // The thread died: derive here rather than go without search.
                self.derived = Derived::new(&self.kompas, &self.glossary);
                self.pending = None;
                true
            }
        }
    }
}

/// Which view the right-hand panel shows when both could.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    /// The selection's details.
    #[default]
    Details,
    /// The begrippenlijst.
    Begrippen,
}

/// The views and their caches.
#[derive(Default)]
pub struct Views {
    /// Level 1.
    pub compass: CompassView,
    /// Level 2.
    pub page: PageView,
    /// Level 3.
    pub kaart: KaartView,
    /// The outline panel.
    pub outline: OutlineView,
    /// The begrippenlijst panel.
    pub glossary: GlossaryView,
    /// The notes editor in the detail panel.
    pub notes_editor: NotesEditor,
}

/// One open compass.
pub struct Session {
    /// The compass and what is derived from it.
    pub prepared: Prepared,
    /// The notes generation the search index includes.
    pub index_generation: Option<u64>,
    /// Whether the search index holds notes (so emptied notes are re-indexed too).
    pub index_has_notes: bool,
    /// Back/forward history; its current step is where the user is.
    pub history: History,
    /// The element whose widget should take keyboard focus when next drawn.
    pub focus_request: Option<NodeId>,
    /// When the view last changed (app time), for the transition.
    pub view_changed_at: f64,
    /// The notes and their saving.
    pub notes: NotesState,
    /// Which elements lists show.
    pub filter: Filter,
    /// The search (query and results).
    pub search: SearchState,
    /// The result cursor moved: scroll it into view.
    pub scroll_to_cursor: bool,
    /// The begrip the begrippenlijst shows, and whether to scroll to it.
    pub glossary_focus: Option<(usize, bool)>,
    /// What the side panel shows when both could.
    pub side_tab: SideTab,
    /// The steps of presenting and the slide shown of a long one.
    pub presentation: Presentation,
    /// The notes window and reaction files read into it.
    pub notes_window: NotesWindow,
    /// The views.
    pub views: Views,
    /// The year on the compass, its roll-up and the Voortgang window.
    pub voortgang: crate::ui::voortgang_view::VoortgangState,
    /// The "Publiceer als website" window.
    pub publish: crate::ui::publish_window::PublishWindow,
}

/// How the views of a frame are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// At the desk: everything.
    Desk,
    /// Presenting to a room; notes only when asked for.
    Presenting {
        /// Show notes and markers.
        notes: bool,
    },
    /// A picture for a slide or a report (`kompas render`, Afbeelding opslaan): read from
    /// afar like presenting, without the desk's hints and without notes.
    Picture,
}

/// What a frame's views draw with: the view context and, beside it, what the views own.
pub struct Frame<'a> {
    /// The context every view gets.
    pub cx: ViewCtx<'a>,
    /// The views.
    pub views: &'a mut Views,
    /// The search.
    pub search: &'a SearchState,
    /// The search index.
    pub index: &'a SearchIndex,
    /// Whether the index is there yet (it is made beside the UI when a compass opens).
    pub search_ready: bool,
    /// For each begrip, the elements that use it.
    pub usages: &'a [Vec<Ix>],
    /// The begrip the begrippenlijst shows.
    pub glossary_focus: &'a mut Option<(usize, bool)>,
    /// Presenting: which slide of a long step is shown.
    pub paging: &'a mut crate::ui::slide::Paging,
}

impl Session {
    /// A session on a prepared compass, starting at `start`, with its notes at `notes_path`
    /// (in memory when `None`).
    pub fn new(
        prepared: Prepared,
        start: Location,
        notes_path: Option<std::path::PathBuf>,
    ) -> Self {
        let presentation = Presentation::new(&prepared.kompas);
        Self {
            prepared,
            index_generation: None,
            index_has_notes: false,
            history: History::new(start),
            focus_request: None,
            view_changed_at: f64::NEG_INFINITY,
            notes: notes_path.map_or_else(NotesState::in_memory, NotesState::open),
            filter: Filter::default(),
            search: SearchState::default(),
            scroll_to_cursor: false,
            glossary_focus: None,
            side_tab: SideTab::default(),
            presentation,
            notes_window: NotesWindow::default(),
            views: Views::default(),
            voortgang: crate::ui::voortgang_view::VoortgangState::default(),
            publish: crate::ui::publish_window::PublishWindow::default(),
        }
    }

    /// The compass.
    pub fn kompas(&self) -> &Kompas {
        &self.prepared.kompas
    }

    /// Where keyboard focus belongs in the view shown: the selection, else the view's subject,
    /// else the einddoel. Used wherever focus would otherwise fall to the window.
    pub(super) fn shown_focus(&self) -> NodeId {
        let loc = self.location();
        let kompas = self.kompas();
        loc.selected
            .clone()
            .or_else(|| loc.subject().cloned())
            .unwrap_or_else(|| kompas.element(kompas.root()).id.clone())
    }

    /// Where the user is.
    pub fn location(&self) -> &Location {
        self.history.current()
    }

    /// The one constructor of the view context: the compass, where the user is and how the
    /// frame is shown, with the views beside it so both can be borrowed at once.
    pub fn frame<'a>(
        &'a mut self,
        theme: &'a Theme,
        user: &'a str,
        commands: &'a mut Commands,
        mode: Mode,
    ) -> Frame<'a> {
        let kompas = &self.prepared.kompas;
        let location = self.history.current();
        let presenting = matches!(mode, Mode::Presenting { .. });
        let spotlight = if presenting && location.view == View::Compass {
            location
                .focus(kompas)
                .filter(|&ix| kompas.element(ix).depth == 1)
        } else {
            None
        };
        let cx = ViewCtx {
            kompas,
            theme,
            location,
            commands,
            focus_request: &mut self.focus_request,
            glossary: &self.prepared.glossary,
            marks: &self.prepared.derived.marks,
            notes: self.notes.file(),
            user,
            filter: &self.filter,
            show_notes: match mode {
                Mode::Desk => true,
                Mode::Presenting { notes } => notes,
                Mode::Picture => false,
            },
            notes_generation: self.notes.generation,
            presenting,
            from_afar: presenting || mode == Mode::Picture,
            spotlight,
            voortgang: self.voortgang.rollup(),
            voortgang_years: self.voortgang.years(),
        };
        Frame {
            cx,
            views: &mut self.views,
            search: &self.search,
            index: &self.prepared.derived.index,
            search_ready: self.prepared.is_ready(),
            usages: &self.prepared.derived.usages,
            glossary_focus: &mut self.glossary_focus,
            paging: &mut self.presentation.paging,
        }
    }

    /// Runs the search again if the query changed, re-indexing first when notes changed since
    /// the index was built (notes are searchable; indexing is only done when searching).
    pub fn refresh_search(&mut self) {
        // Until the index is there, the query waits (the search says it is getting ready).
        if !self.prepared.is_ready() {
            return;
        }
        if self.index_generation != Some(self.notes.generation) {
            self.index_generation = Some(self.notes.generation);
            let notes = &self.notes.file().notes;
            // The index made at opening has no notes: re-indexing is only needed when there
            // are notes to find, or were.
            if !notes.is_empty() || self.index_has_notes {
                let p = &mut self.prepared;
                let pairs = notes.iter().map(|(id, a)| (id.as_str(), a.note.as_str()));
                p.derived.index = SearchIndex::new(&p.kompas, &p.glossary).with_notes(pairs);
                self.index_has_notes = !notes.is_empty();
            }
            self.search.invalidate();
        }
        self.search
            .refresh(&self.prepared.kompas, &self.prepared.derived.index);
    }
}
