//! Dialogs keyboard and screen-reader users can rely on. A dialog is modal (Tab stays inside
//! it, the rest of the app waits behind a veil), announces itself as a dialog named by its
//! title, puts focus on that title when it opens, closes on Escape (after any open popup
//! inside it) or with its own "Sluiten" button, and gives focus back to what opened it. egui's
//! own window title bar is not used: its close button is named in English ("Close window").

use egui::accesskit::Role;
use egui::{Id, RichText, Ui, UiBuilder};

use crate::ui::theme::{self, Theme};

/// What a dialog remembers between frames.
#[derive(Debug, Default)]
pub(crate) struct DialogFocus {
    /// Shown in the last frame.
    was_open: bool,
    /// What had focus when the dialog opened: focus goes back there when it closes.
    opener: Option<Id>,
    /// Just closed: focus goes back to this in the next frame (or to the fallback).
    restore: Option<Id>,
    /// Frames left in which to check that focus did land back somewhere.
    returning: u8,
}

/// The id of a dialog's title, which takes focus when the dialog opens.
pub(crate) fn title_id(title: &str) -> Id {
    Id::unique(("dialoog-titel", title))
}

/// Where focus goes when the widget that opened a dialog is gone (a menu entry that closed):
/// the skip link's target, set by the app.
pub(crate) fn fallback_focus_id() -> Id {
    Id::unique("dialoog-terugval")
}

impl DialogFocus {
    /// Shows the dialog while `*open`; `width` is its preferred width in points (it never
    /// leaves the screen). Returns what `add_contents` returned, when shown.
    pub(crate) fn show<R>(
        &mut self,
        ctx: &egui::Context,
        open: &mut bool,
        title: &str,
        width: f32,
        theme: &Theme,
        add_contents: impl FnOnce(&mut Ui) -> R,
    ) -> Option<R> {
        if !*open {
            self.after_close(ctx);
            return None;
        }
        let just_opened = !self.was_open;
        if just_opened {
            self.opener = ctx.memory(egui::Memory::focused);
            self.was_open = true;
        }
        let screen = ctx.content_rect();
        let width = width.min(screen.width() - 64.0).max(160.0);
        let max_height = (screen.height() - 120.0).max(120.0);
        let frame = egui::Frame::window(&ctx.global_style()).inner_margin(16);
        let modal = egui::Modal::new(Id::unique(("dialoog", title)))
            .frame(frame)
            .backdrop_color(theme.backdrop())
            .show(ctx, |ui| {
                ui.set_width(width);
                let builder = UiBuilder::new()
                    .accessibility_role(Role::Dialog)
                    .accessibility_label(title);
                ui.scope_builder(builder, |ui| {
                    let heading = crate::ui::widgets::heading(
                        ui,
                        title_id(title),
                        RichText::new(title)
                            .size(theme::DIALOG_TITLE_PX)
                            .family(theme::bold()),
                        1,
                        theme,
                    );
                    if just_opened {
                        heading.request_focus();
                    }
                    ui.add_space(8.0);
                    // What does not fit scrolls inside the contents, so "Sluiten" stays in view.
                    let inner = ui
                        .allocate_ui(egui::vec2(width, max_height - 80.0), add_contents)
                        .inner;
                    ui.add_space(8.0);
                    let close = ui
                        .with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                            ui.button("Sluiten")
                                .on_hover_text("Sluiten (Esc)")
                                .clicked()
                        })
                        .inner;
                    (inner, close)
                })
                .inner
            });
        let should_close = modal.should_close();
        let (inner, close) = modal.inner;
        if close || should_close {
            *open = false;
            self.after_close(ctx);
        }
        Some(inner)
    }

    /// Gives focus back to the opener once the dialog is closed, and makes sure it landed. The
    /// frame after closing still has the dialog as egui's modal layer, which takes focus from
    /// everything below it: the opener is asked for in that frame, after it was drawn.
    fn after_close(&mut self, ctx: &egui::Context) {
        if self.was_open {
            self.was_open = false;
            self.restore = Some(self.opener.take().unwrap_or_else(fallback_focus_id));
            ctx.request_repaint();
        } else if let Some(target) = self.restore.take() {
            ctx.memory_mut(|m| m.request_focus(target));
            self.returning = 4;
            ctx.request_repaint();
        } else if self.returning > 0 {
            self.returning -= 1;
            if focus_is_lost(ctx) {
                ctx.memory_mut(|m| m.request_focus(fallback_focus_id()));
                self.returning = 0;
            }
            ctx.request_repaint();
        }
    }
}

/// Nothing has focus, or (with a screen reader listening) what has it is not in the tree, so
/// the screen reader would be left on the window.
fn focus_is_lost(ctx: &egui::Context) -> bool {
    let screen_reader = ctx
        .accesskit_node_builder(egui::accesskit_root_id(), |_| ())
        .is_some();
    ctx.memory(egui::Memory::focused)
        .is_none_or(|id| screen_reader && !ctx.has_accesskit_node(id))
}
