//! The detail panel: the selected element's full text, its place in the tree, and the
//! begrippen it uses (as buttons, so a keyboard user reaches every definition).

use egui::{FontId, RichText, Ui};

use crate::model::Ix;
use crate::ui::command::Command;
use crate::ui::notes_editor::NotesEditor;
use crate::ui::theme;
use crate::ui::view_ctx::{ViewCtx, Which};
use crate::ui::widgets::access_label;

/// The detail panel's heading, where F6 puts focus.
pub(crate) fn heading_id() -> egui::Id {
    egui::Id::unique("detail-kop")
}

/// Draws the details of `ix`.
pub(crate) fn ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix, notes: &mut NotesEditor) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let el = kompas.element(ix);
    // Each selection starts at its title.
    egui::ScrollArea::vertical()
        .id_salt(("detail", el.id.as_str()))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(8.0);
            let fill = theme.sector_fill(kompas.color(ix), 0);
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter().circle_filled(r.center(), 7.0, fill);
                // The panel's heading, for jumping to it (F6); the title follows in full.
                crate::ui::widgets::heading(
                    ui,
                    heading_id(),
                    RichText::new(kompas.short_name(ix))
                        .strong()
                        .color(theme.text_muted),
                    2,
                    theme,
                );
            });
            ui.add_space(4.0);
            cx.element_text_linked(ui, ix, Which::Title, FontId::new(19.0, theme::bold()));
            if el.text.is_some() {
                ui.add_space(6.0);
                cx.element_text_linked(ui, ix, Which::Text, FontId::proportional(15.0));
            }
            crate::ui::carried::ui(ui, cx, ix, 15.0);
            ui.add_space(12.0);
            let path = kompas.path(ix);
            if path.len() > 1 {
                crate::ui::widgets::heading_label(
                    ui,
                    RichText::new("Plaats in het kompas").strong(),
                    3,
                );
                for (depth, &p) in path.iter().enumerate().take(path.len() - 1) {
                    ui.horizontal_top(|ui| {
                        ui.add_space(12.0 * depth as f32);
                        let sign = ui.add(egui::Label::new("›").selectable(false));
                        ui.ctx().accesskit_node_builder(sign.id, |b| b.set_hidden());
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                        if ui.link(access_label(kompas, p)).clicked() {
                            cx.push(Command::Open(kompas.element(p).id.clone()));
                        }
                    });
                }
                ui.add_space(12.0);
            }
            crate::ui::about_view::example_of_ui(ui, cx, ix);
            // Begrippen in this element's words, each a button: focus + Enter opens it.
            let mut terms: Vec<usize> = Vec::new();
            for hit in cx.marks.title(ix).iter().chain(cx.marks.text(ix)) {
                if !terms.contains(&hit.entry) {
                    terms.push(hit.entry);
                }
            }
            if !terms.is_empty() {
                ui.label(RichText::new("Begrippen in deze tekst").strong());
                ui.horizontal_wrapped(|ui| {
                    for entry in terms {
                        let Some(e) = cx.glossary.entries.get(entry) else {
                            continue;
                        };
                        let definition = e
                            .definitions
                            .first()
                            .map(|d| d.text.as_str())
                            .unwrap_or_default();
                        if ui.button(&e.term).on_hover_text(definition).clicked() {
                            cx.push(Command::ShowBegrip(entry));
                        }
                    }
                });
                ui.add_space(12.0);
            }
            let n = kompas.children(ix).len();
            if let Some(level) = kompas.levels.get(el.depth + 1)
                && n > 0
            {
                ui.label(format!(
                    "{n} {}",
                    if n == 1 { &level.name } else { &level.plural }
                ));
            }
            ui.label(
                RichText::new(format!("Id: {}", el.id))
                    .small()
                    .color(theme.text_muted),
            );
            // Notes on koersen and everything below them.
            if el.depth >= 2 && cx.show_notes {
                ui.add_space(8.0);
                notes.ui(ui, cx, ix);
            }
        });
}
