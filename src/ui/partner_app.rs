//! The partner's side of the review: Kompas opened on a file from the municipality. It shows
//! each assigned element in its context with the municipality's note, and lets the partner
//! write a reaction, report a status and propose a change, then save a reaction file to send
//! back. Works offline with nothing but this program and that file.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::notes::now;
use crate::review::{self, ReviewFile, ReviewKind};
use crate::ui::theme::{self, Theme, ThemeKind};

/// The partner app.
pub struct PartnerApp {
    file: ReviewFile,
    /// Where the reaction is saved, as typed.
    out_path: String,
    /// The outcome of the last save.
    message: Option<String>,
    theme: Theme,
}

/// Where a reaction to `invitation` is saved by default: beside it, "-reactie" added.
pub fn default_reaction_path(invitation: &Path) -> PathBuf {
    let stem = invitation
        .file_stem()
        .map_or_else(|| "kompas".into(), |s| s.to_string_lossy().into_owned());
    let stem = stem.strip_suffix("-reactie").unwrap_or(&stem).to_owned();
    invitation.with_file_name(format!("{stem}-reactie.ron"))
}

impl PartnerApp {
    /// The app on a review file read from `path`.
    pub fn new(ctx: &egui::Context, file: ReviewFile, path: &Path) -> Self {
        theme::install_fonts(ctx);
        let theme = Theme::new(ThemeKind::Light);
        ctx.set_visuals(theme.visuals());
        ctx.global_style_mut(theme::apply_text_styles);
        let out = if file.kind == ReviewKind::Reactie {
            path.to_path_buf()
        } else {
            default_reaction_path(path)
        };
        Self {
            file,
            out_path: out.display().to_string(),
            message: None,
            theme,
        }
    }

    /// The file as edited so far.
    pub fn file(&self) -> &ReviewFile {
        &self.file
    }

    fn save(&mut self) {
        let path = PathBuf::from(self.out_path.trim());
        self.file.kind = ReviewKind::Reactie;
        self.file.answered_at = now();
        self.message = Some(match review::write(&path, &self.file) {
            Ok(()) => format!(
                "Opgeslagen: {}. Stuur dit bestand terug naar de gemeente.",
                path.display()
            ),
            Err(e) => format!("Opslaan lukte niet ({}): {e}", path.display()),
        });
    }

    /// Draws the app.
    #[expect(
        clippy::too_many_lines,
        reason = "the partner window top to bottom; to be split when the partner layout is reworked"
    )]
    pub fn ui(&mut self, ui: &mut Ui) {
        egui::Panel::top("partner-kop").show(ui, |ui| {
            ui.add_space(6.0);
            ui.label(RichText::new(format!("{} — reactie van {}", self.file.kompas, self.file.partner)).size(20.0).family(theme::bold()));
            ui.label(format!(
                "{} elementen zijn aan u toegewezen door {} ({}). Schrijf per element uw reactie en sla het bestand op.",
                self.file.items.len(),
                if self.file.exported_by.is_empty() { "de gemeente" } else { &self.file.exported_by },
                crate::ui::notes_editor::short_time(&self.file.exported_at)
            ));
            ui.add_space(6.0);
        });
        egui::Panel::bottom("partner-opslaan").show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Uw naam");
                ui.add(egui::TextEdit::singleline(&mut self.file.answered_by).desired_width(200.0))
                    .labelled_by(label.id);
                let label = ui.label("Opslaan als");
                ui.add(egui::TextEdit::singleline(&mut self.out_path).desired_width(360.0))
                    .labelled_by(label.id);
                if ui.button("Kies…").clicked()
                    && let Some(p) = rfd::FileDialog::new()
                        .set_file_name("reactie.ron")
                        .save_file()
                {
                    self.out_path = p.display().to_string();
                }
                let ok =
                    !self.file.answered_by.trim().is_empty() && !self.out_path.trim().is_empty();
                if ui
                    .add_enabled(
                        ok,
                        egui::Button::new(RichText::new("Reactie opslaan").strong()),
                    )
                    .clicked()
                {
                    self.save();
                }
            });
            if let Some(m) = &self.message {
                ui.label(RichText::new(m).strong());
            }
            ui.add_space(6.0);
        });
        egui::CentralPanel::default_margins()
            .frame(
                egui::Frame::central_panel(ui.style())
                    .fill(self.theme.bg)
                    .inner_margin(16),
            )
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        ui.set_max_width(ui.available_width().min(980.0));
                        let statuses = self.file.statuses.clone();
                        for (i, item) in self.file.items.iter_mut().enumerate() {
                            egui::Frame::NONE
                                .fill(self.theme.card_bg)
                                .stroke(egui::Stroke::new(1.0, self.theme.card_border))
                                .corner_radius(theme::CARD_RADIUS_PX)
                                .inner_margin(12)
                                .show(ui, |ui| {
                                    ui.set_width(ui.available_width());
                                    for c in &item.context {
                                        ui.label(
                                            RichText::new(format!("{}: {}", c.name, c.title))
                                                .small()
                                                .color(self.theme.text_muted),
                                        );
                                    }
                                    ui.label(RichText::new(&item.name).strong());
                                    ui.label(RichText::new(&item.title).size(16.0));
                                    if !item.note.is_empty() || item.status.is_some() {
                                        ui.add_space(4.0);
                                        ui.label(RichText::new("Van de gemeente").strong().small());
                                        if let Some(s) = &item.status {
                                            ui.label(format!("Status: {s}"));
                                        }
                                        if !item.note.is_empty() {
                                            ui.label(&item.note);
                                        }
                                    }
                                    if let Some(prev) = &item.previous {
                                        ui.label(
                                            RichText::new(format!(
                                                "Uw vorige reactie: {}",
                                                prev.note
                                            ))
                                            .italics(),
                                        );
                                    }
                                    ui.add_space(6.0);
                                    let label = ui.label(RichText::new("Uw reactie").strong());
                                    ui.add(
                                        egui::TextEdit::multiline(&mut item.reaction.note)
                                            .desired_rows(3)
                                            .desired_width(f32::INFINITY),
                                    )
                                    .labelled_by(label.id);
                                    ui.horizontal_wrapped(|ui| {
                                        let label = ui.label("Status volgens u");
                                        egui::ComboBox::from_id_salt(("partner-status", i))
                                            .selected_text(
                                                item.reaction
                                                    .status
                                                    .clone()
                                                    .unwrap_or_else(|| "—".into()),
                                            )
                                            .show_ui(ui, |ui| {
                                                ui.selectable_value(
                                                    &mut item.reaction.status,
                                                    None,
                                                    "—",
                                                );
                                                for s in &statuses {
                                                    ui.selectable_value(
                                                        &mut item.reaction.status,
                                                        Some(s.clone()),
                                                        s,
                                                    );
                                                }
                                            })
                                            .response
                                            .labelled_by(label.id);
                                    });
                                    let label = ui.label("Voorstel tot wijziging (optioneel)");
                                    ui.add(
                                        egui::TextEdit::multiline(&mut item.reaction.proposal)
                                            .desired_rows(2)
                                            .desired_width(f32::INFINITY),
                                    )
                                    .labelled_by(label.id);
                                });
                            ui.add_space(10.0);
                        }
                    });
            });
    }
}

impl eframe::App for PartnerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        Self::ui(self, ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.bg.to_normalized_gamma_f32()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reaction_goes_beside_the_invitation() {
        assert_eq!(
            default_reaction_path(Path::new("/a/kompas-Welzijn.ron")),
            Path::new("/a/kompas-Welzijn-reactie.ron")
        );
        assert_eq!(
            default_reaction_path(Path::new("/a/x-reactie.ron")),
            Path::new("/a/x-reactie.ron")
        );
    }
}
