//! Commands: what views ask the app to do. Views only read the model and push commands; the
//! app applies them in one place (`app/command_handling.rs`), which keeps history, focus and
//! saving in one spot. The commands a user gives by button, menu or key are [`UiCommand`]s,
//! which carry their own text, tooltip and keys; the rest carry what they act on.

mod ui_command;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use ui_command::{
    PRESENTING_EXTRA_KEYS, Scope, UiCommand, WIDGET_KEYS, key_table, shortcut_text,
};

use crate::model::NodeId;
use crate::nav::Location;
use crate::ui::theme::ThemeKind;

/// A setting or mode that is on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Animated view changes.
    Animations,
    /// The outline panel.
    Outline,
    /// The begrippenlijst panel.
    Glossary,
    /// Notes shown while presenting.
    NotesWhenPresenting,
    /// Presenting.
    Presenting,
    /// The presenter window while presenting.
    PresenterWindow,
    /// Full screen.
    Fullscreen,
}

/// On or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnOff {
    /// On.
    On,
    /// Off.
    Off,
}

impl OnOff {
    /// True for [`OnOff::On`].
    pub fn is_on(self) -> bool {
        self == Self::On
    }
}

impl From<bool> for OnOff {
    fn from(on: bool) -> Self {
        if on { Self::On } else { Self::Off }
    }
}

/// The format of a notes export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesFormat {
    /// Comma-separated values, for a spreadsheet.
    Csv,
    /// Markdown, for reading.
    Markdown,
}

/// What is done to the notes.
#[derive(Clone, Debug, PartialEq)]
pub enum NotesCommand {
    /// Change the annotation of an element.
    Annotate(NodeId, crate::notes::Edit),
    /// Add a partner organisation to the list.
    AddPartner(String),
    /// Add a status to the list.
    AddStatus(String),
    /// Set the user's name (recorded with every change).
    SetUserName(String),
    /// Write the invitation for a partner to a path (with or without the municipality's own
    /// notes, asking for a year's progress or not) and record it in the notes.
    ExportForPartner(String, PathBuf, crate::review::ShareNotes, Option<i32>),
    /// Apply an import plan (file label, plan, choice per conflict).
    ApplyImport(
        String,
        crate::review::Plan,
        BTreeMap<usize, crate::review::Choice>,
    ),
    /// Revert the last import.
    UndoImport,
    /// Export all notes to a path.
    Export(PathBuf, NotesFormat),
    /// Keep the notes of this compass in another file from now on.
    SetPath(PathBuf),
    /// Keep the notes of compasses without a file of their own in this folder (for the next
    /// compass opened).
    SetDir(PathBuf),
    /// Filter the lists by notes.
    SetFilter(crate::notes::Filter),
}

/// What is done about voortgang.
#[derive(Clone, Debug, PartialEq)]
pub enum VoortgangCommand {
    /// Show this year's progress on the compass (`None`: off).
    SetYear(Option<i32>),
    /// Apply the checked rows of a spreadsheet (its label for the message).
    Apply(String, Vec<crate::voortgang::csv::Row>),
    /// Set or clear a value of an indicator: id, which, year, value.
    Meting(
        String,
        crate::ui::voortgang_view::MetingKind,
        i32,
        Option<f64>,
    ),
    /// Write the jaarverslag of a year or the records as a spreadsheet.
    Write(PathBuf, crate::ui::voortgang_view::Output, i32),
}

/// Something a view wants done.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command the user gave by button, menu or key.
    Ui(UiCommand),
    /// Go to a location (a step in the history when the view changes).
    Go(Location),
    /// Show an element at its canonical place.
    Open(NodeId),
    /// Select an element within the current view.
    Select(NodeId),
    /// Switch theme.
    SetTheme(ThemeKind),
    /// Turn a setting or mode on or off.
    Set(Flag, OnOff),
    /// Set the user's zoom (1.0 is normal).
    SetZoom(f32),
    /// Open the begrippenlijst at an entry (index into the glossary's entries).
    ShowBegrip(usize),
    /// Something done to the notes.
    Notes(NotesCommand),
    /// Something about voortgang.
    Voortgang(VoortgangCommand),
    /// Presenting: jump to sector `n` (from 0) with it in the spotlight.
    JumpToSector(usize),
    /// Open another compass (in the background; the current one stays until it is ready).
    OpenKompas(crate::ui::open_window::OpenTarget),
    /// Render a view at a size (pixels) in the current theme to a PNG file.
    ExportImage(Location, [u32; 2], PathBuf),
    /// Write every slide of the presentation at this size, and the handout, into a folder.
    ExportPresentation([u32; 2], PathBuf),
    /// Publish the compass as a website into a new folder, with a year's progress or not.
    Publish(PathBuf, Option<i32>),
}

impl From<UiCommand> for Command {
    fn from(c: UiCommand) -> Self {
        Self::Ui(c)
    }
}

/// The queue views push to during a frame.
#[derive(Debug, Default)]
pub struct Commands {
    queue: Vec<Command>,
}

impl Commands {
    /// Asks for `command` to be applied after this frame's views are drawn.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.queue.push(command.into());
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
