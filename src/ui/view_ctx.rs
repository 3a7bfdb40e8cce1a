//! What every view gets: read access to the model and where the user is, and the queue to
//! push commands to.

use egui::Response;

use crate::glossary::Glossary;
use crate::model::{Ix, Kompas, NodeId};
use crate::nav::Location;
use crate::ui::command::{Command, Commands};
use crate::ui::marked_text::{MarkStyle, Marks, begrip_tooltip, marked_label};
use crate::ui::theme::Theme;

/// The context of one view for one frame.
pub struct ViewCtx<'a> {
    /// The compass.
    pub kompas: &'a Kompas,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// Where the user is.
    pub location: &'a Location,
    /// Where commands go.
    pub commands: &'a mut Commands,
    /// The element whose widget should take keyboard focus when drawn.
    pub focus_request: &'a mut Option<NodeId>,
    /// The begrippenlijst.
    pub glossary: &'a Glossary,
    /// Where begrippen occur in each element.
    pub marks: &'a Marks,
    /// The annotations.
    pub notes: &'a crate::notes::NotesFile,
    /// The user's name, recorded with changes (empty until set).
    pub user: &'a str,
    /// Which elements to show in lists (the notes filter).
    pub filter: &'a crate::notes::Filter,
    /// Show notes and markers (off while presenting, unless turned on).
    pub show_notes: bool,
    /// Bumped whenever the notes change, for caches derived from them.
    pub notes_generation: u64,
    /// Presenting: large, calm, only the current view.
    pub presenting: bool,
    /// Read from afar (presenting, or a picture for a slide): larger text, no desk hints.
    pub from_afar: bool,
    /// While presenting on the compass: the sector in the spotlight (the others fade).
    pub spotlight: Option<Ix>,
    /// The roll-up of the year whose progress the compass shows, when it shows it.
    pub voortgang: Option<&'a crate::voortgang::Rollup>,
    /// The years progress can be shown for.
    pub voortgang_years: &'a [i32],
}

/// Which text of an element to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Its title.
    Title,
    /// Its longer text.
    Text,
}

impl ViewCtx<'_> {
    /// Queues a command.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Gives `response` the keyboard focus (and scrolls to it) when it is the one asked for.
    pub fn take_focus(&mut self, response: &Response, id: &NodeId) {
        if self.focus_request.as_ref() == Some(id) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
            *self.focus_request = None;
        }
    }

    /// Shows a text of element `ix` with its begrippen underlined; hovering one shows its
    /// definition. Returns the entry under the pointer, so a caller inside a clickable block
    /// can open the begrip instead of the block.
    pub fn element_text(
        &self,
        ui: &mut egui::Ui,
        ix: Ix,
        which: Which,
        font: egui::FontId,
    ) -> Option<usize> {
        let el = self.kompas.element(ix);
        let (text, terms) = match which {
            Which::Title => (el.title.as_str(), self.marks.title(ix)),
            Which::Text => (el.text.as_deref().unwrap_or_default(), self.marks.text(ix)),
        };
        let style = MarkStyle {
            font,
            color: self.theme.text,
            term_underline: egui::Stroke::new(1.0, self.theme.text_muted),
            match_bg: egui::Color32::TRANSPARENT,
        };
        let hit = marked_label(ui, text, terms, &[], &style)?;
        begrip_tooltip(ui, self.glossary, &hit, Some("Klik voor de begrippenlijst"));
        ui.ctx().set_cursor_icon(egui::CursorIcon::Help);
        Some(hit.entry)
    }

    /// Like [`Self::element_text`] for text outside a clickable block: a click on a begrip
    /// opens it in the begrippenlijst.
    pub fn element_text_linked(
        &mut self,
        ui: &mut egui::Ui,
        ix: Ix,
        which: Which,
        font: egui::FontId,
    ) {
        if let Some(entry) = self.element_text(ui, ix, which, font)
            && ui.input(|i| i.pointer.primary_clicked())
        {
            self.push(Command::ShowBegrip(entry));
        }
    }

    /// True when `id` is the selected element.
    pub fn is_selected(&self, id: &NodeId) -> bool {
        self.location.selected.as_ref() == Some(id)
    }
}
