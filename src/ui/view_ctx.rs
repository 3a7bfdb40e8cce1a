//! What every view gets: read access to the model and where the user is, and the queue to
//! push commands to.

use egui::Response;

use crate::model::{Kompas, NodeId};
use crate::nav::Location;
use crate::ui::command::{Command, Commands};
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

    /// True when `id` is the selected element.
    pub fn is_selected(&self, id: &NodeId) -> bool {
        self.location.selected.as_ref() == Some(id)
    }
}
