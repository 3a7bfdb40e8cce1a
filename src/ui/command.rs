//! Commands: what views ask the app to do. Views only read the model and push commands; the
//! app applies them in one place, which keeps history and focus handling in one spot.

use crate::model::NodeId;
use crate::nav::Location;
use crate::ui::theme::ThemeKind;

/// Something a view wants done.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Go to a location (a step in the history when the view changes).
    Go(Location),
    /// Show an element at its canonical place.
    Open(NodeId),
    /// Select an element within the current view.
    Select(NodeId),
    /// Back in the history.
    Back,
    /// Forward in the history.
    Forward,
    /// To the compass.
    Home,
    /// One level up.
    Up,
    /// The previous (`false`) or next (`true`) element at the same depth.
    Sibling(bool),
    /// Switch theme.
    SetTheme(ThemeKind),
    /// Turn view transitions on or off.
    SetAnimations(bool),
    /// Show or hide the outline panel.
    SetOutline(bool),
    /// Open the begrippenlijst at an entry (index into the glossary's entries).
    ShowBegrip(usize),
    /// Show or hide the begrippenlijst.
    SetGlossary(bool),
    /// Change the annotation of an element.
    Annotate(NodeId, crate::notes::Edit),
    /// Add a partner organisation to the list.
    AddPartner(String),
    /// Set the user's name (recorded with every change).
    SetUserName(String),
    /// Open the notes window.
    ShowNotesWindow,
    /// Write the review file for a partner to a path.
    ExportForPartner(String, std::path::PathBuf),
    /// Apply an import plan (file label, plan, choice per conflict).
    ApplyImport(
        String,
        crate::review::Plan,
        std::collections::BTreeMap<usize, crate::review::Choice>,
    ),
    /// Revert the last import.
    UndoImport,
    /// Export all notes to a path, as Markdown when true, else CSV.
    ExportNotes(std::path::PathBuf, bool),
    /// Keep the notes in another file from now on.
    SetNotesPath(std::path::PathBuf),
    /// Add a status to the list.
    AddStatus(String),
    /// Filter the lists by notes.
    SetFilter(crate::notes::Filter),
    /// Start or stop presenting.
    SetPresenting(bool),
    /// Full screen on or off.
    SetFullscreen(bool),
    /// Show one hoofdinspanning of a koerskaart enlarged (or none).
    Enlarge(Option<NodeId>),
    /// Show notes and assignments while presenting.
    SetNotesWhenPresenting(bool),
    /// Set the user's zoom (1.0 is normal).
    SetZoom(f32),
    /// Show the "Kompas openen" window.
    ShowOpenWindow,
    /// Open another compass (in the background; the current one stays until it is ready).
    OpenKompas(crate::ui::open_window::OpenTarget),
    /// Show the "Exporteer als afbeelding" window.
    ShowImageExport,
    /// Render a view at a size (pixels) in the current theme to a PNG file.
    ExportImage(Location, [u32; 2], std::path::PathBuf),
}

/// The queue views push to during a frame.
#[derive(Debug, Default)]
pub struct Commands {
    queue: Vec<Command>,
}

impl Commands {
    /// Asks for `command` to be applied after this frame's views are drawn.
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Takes the queued commands.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.queue)
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}
