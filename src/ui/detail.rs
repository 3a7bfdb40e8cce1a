//! The detail panel: the selected element's full text and its place in the tree. Later issues
//! add the glossary and notes here.

use egui::{RichText, Ui};

use crate::model::{Ix, Kompas};
use crate::ui::command::{Command, Commands};
use crate::ui::theme::{self, Theme};
use crate::ui::widgets::access_label;

/// The detail panel.
#[derive(Default)]
pub struct DetailView;

impl DetailView {
    /// Draws the details of `ix`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        kompas: &Kompas,
        theme: &Theme,
        ix: Ix,
        commands: &mut Commands,
    ) {
        let el = kompas.element(ix);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let fill = theme.sector_fill(kompas.color(ix), 0);
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter().circle_filled(r.center(), 7.0, fill);
                    ui.label(
                        RichText::new(kompas.short_name(ix))
                            .strong()
                            .color(theme.text_muted),
                    );
                });
                ui.add_space(4.0);
                ui.label(RichText::new(&el.title).size(19.0).family(theme::bold()));
                if let Some(text) = &el.text {
                    ui.add_space(6.0);
                    ui.label(text);
                }
                ui.add_space(12.0);
                let path = kompas.path(ix);
                if path.len() > 1 {
                    ui.label(RichText::new("Plaats in het kompas").strong());
                    for (depth, &p) in path.iter().enumerate().take(path.len() - 1) {
                        ui.horizontal_top(|ui| {
                            ui.add_space(12.0 * depth as f32);
                            ui.label("›");
                            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                            if ui.link(access_label(kompas, p)).clicked() {
                                commands.push(Command::Open(kompas.element(p).id.clone()));
                            }
                        });
                    }
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
            });
    }
}
