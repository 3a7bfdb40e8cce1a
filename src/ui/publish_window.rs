//! "Publiceer als website…": where to write the site and whether a year's progress goes on
//! it; publishing itself is a command the app applies (`kompas publish` does the same).

use std::path::PathBuf;

use egui::RichText;

use crate::ui::command::{Command, Commands};
use crate::ui::theme::Theme;

/// The window's state.
#[derive(Default)]
pub struct PublishWindow {
    /// Shown or not.
    pub open: bool,
    /// The folder as typed.
    pub folder: String,
    /// The year whose progress goes on the site, if any.
    pub year: Option<i32>,
    /// The outcome of the last publication.
    pub message: Option<String>,
    dialog: crate::ui::dialog::DialogFocus,
}

impl PublishWindow {
    /// Draws the window (also closed, so its dialog gives focus back).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        years: &[i32],
        theme: &Theme,
        commands: &mut Commands,
    ) {
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(ctx, &mut open, "Publiceer als website", 620.0, theme, |ui| {
            ui.label("Een website van het kompas: losse pagina's zonder server, cookies of verzoeken naar elders. Zet de map zoals hij is op een webserver, of open index.html vanaf schijf.");
            if self.folder.is_empty() {
                self.folder = crate::ui::widgets::documents_dir()
                    .join("kompas-website")
                    .display()
                    .to_string();
            }
            ui.horizontal(|ui| {
                let label = ui.label("Map");
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(420.0))
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                if let Some(y) = crate::ui::voortgang_view::year_picker(
                    ui,
                    "website-jaar",
                    "Voortgang op de website",
                    self.year,
                    years,
                    "geen",
                ) {
                    self.year = y;
                }
            });
            ui.label(
                RichText::new("Alleen statussen en aantallen; notities en teksten van de notities gaan nooit mee.")
                    .small()
                    .color(theme.text_muted),
            );
            let folder = self.folder.trim();
            if ui
                .add_enabled(!folder.is_empty(), egui::Button::new("Publiceren"))
                .clicked()
            {
                commands.push(Command::Publish(PathBuf::from(folder), self.year));
            }
            if let Some(m) = &self.message {
                crate::ui::widgets::live_label(ui, RichText::new(m).strong());
            }
        });
        self.dialog = dialog;
        self.open = open;
    }
}
