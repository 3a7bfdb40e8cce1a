//! Workshop mode: presenting the compass full screen with large type, stepping through it with
//! the keys a presentation clicker sends (see [`crate::ui::command::UiCommand`]), a discreet
//! position indicator, and zoom that is remembered per screen.

use egui::RichText;

use crate::model::Kompas;
use crate::nav::{self, Location};
use crate::ui::theme::{Theme, mix};

/// How much larger everything is while presenting the compass (its own text is sized for
/// the room: see [`crate::ui::theme::PRESENT_BODY_PT`]).
pub(super) const PRESENT_ZOOM: f32 = 1.3;
/// How much larger pages and kaarten are while presenting: their 15-point body text becomes
/// 24 px at 1280×720, what the back row still reads.
pub(super) const PRESENT_PAGE_ZOOM: f32 = 1.6;

/// Smallest and largest zoom the user can set.
pub(super) const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// The state of workshop mode.
#[derive(Debug, Default)]
pub struct Presentation {
    /// Presenting (panels hidden, large type, stepping keys).
    pub active: bool,
    /// Which slide of a long step is shown.
    pub paging: crate::ui::slide::Paging,
    /// Full screen.
    pub fullscreen: bool,
    /// The steps, in order (computed once per compass).
    sequence: Vec<Location>,
}

impl Presentation {
    /// Workshop mode for `kompas`, not active.
    pub fn new(kompas: &Kompas) -> Self {
        Self {
            sequence: nav::presentation_sequence(kompas),
            ..Self::default()
        }
    }

    /// The steps.
    pub fn sequence(&self) -> &[Location] {
        &self.sequence
    }

    /// The position indicator, one line at the bottom right of a strip of its own, so it
    /// never covers the step: "Koers 2.3 — 8 van 16".
    pub fn indicator_ui(&self, ui: &mut egui::Ui, kompas: &Kompas, loc: &Location, theme: &Theme) {
        if !self.active {
            return;
        }
        let base = nav::position_label(kompas, loc);
        let page = self.paging.label(loc);
        // "Koers 2.1 — 6 van 16 · 1/2": a long step's slide after it.
        let text = page
            .as_ref()
            .map_or_else(|| base.clone(), |p| format!("{base} · {p}"));
        let spoken_page = page
            .map(|p| format!(" (dia {})", p.replace('/', " van ")))
            .unwrap_or_default();
        // Spoken on every step: where we are and what the room sees.
        let spoken = loc.focus(kompas).map_or_else(
            || text.clone(),
            |ix| format!("{base}: {}{spoken_page}", kompas.element(ix).title),
        );
        egui::Panel::bottom("positie")
            .frame(
                egui::Frame::NONE
                    .fill(mix(theme.panel_bg, theme.bg, 0.3))
                    .inner_margin(egui::Margin::symmetric(16, 4)),
            )
            .show(ui, |ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let resp = ui.add(
                        egui::Label::new(RichText::new(text).size(15.0).color(theme.text_muted))
                            .extend(),
                    );
                    // A status, named by what is spoken (a label is read by its text).
                    ui.ctx().accesskit_node_builder(resp.id, |b| {
                        b.set_role(egui::accesskit::Role::Status);
                        b.clear_value();
                        b.set_label(spoken);
                        b.set_live(egui::accesskit::Live::Polite);
                    });
                });
            });
    }
}

/// A name for the screen the window is on, to remember zoom per screen.
pub(super) fn screen_key(ctx: &egui::Context) -> Option<String> {
    ctx.input(|i| i.viewport().monitor_size)
        .map(|s| format!("{}x{}", s.x.round(), s.y.round()))
}

/// Sets egui's zoom to the user's zoom, times the presenting zoom of the view shown
/// (`presenting`: `None` at the desk).
pub(super) fn apply_zoom(ctx: &egui::Context, user_zoom: f32, presenting: Option<&nav::View>) {
    // Presenting scales with the screen: what is 24 px on a 1280-wide projector is 36 px on a
    // 1920-wide one (widths in the screen's own points, so a HiDPI laptop is not counted
    // twice).
    let screen_w = ctx.content_rect().width() * ctx.zoom_factor();
    let room = (screen_w / 1280.0).max(1.0);
    let target = user_zoom
        * match presenting {
            None => 1.0,
            Some(nav::View::Compass) => PRESENT_ZOOM * room,
            Some(_) => PRESENT_PAGE_ZOOM * room,
        };
    if (ctx.zoom_factor() - target).abs() > 1e-4 {
        ctx.set_zoom_factor(target);
    }
}
