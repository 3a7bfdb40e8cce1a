//! The presenter window: a second window, meant for the facilitator's laptop while the main
//! window is full screen on the projector. It shows the step the room sees, what the next
//! press brings, the notes on what is shown and the time since presenting started, and takes
//! the same keys and clicker as the main window.

use egui::{RichText, Ui, ViewportBuilder, ViewportClass, ViewportId};

use crate::ui::command::{Command, Commands, Flag, OnOff, UiCommand};
use crate::ui::presentation::PresenterInfo;
use crate::ui::theme::Theme;

/// The keys the presenter window passes on, as the main window takes them while presenting.
const KEYS: [UiCommand; 6] = [
    UiCommand::NextStep,
    UiCommand::PreviousStep,
    UiCommand::FirstStep,
    UiCommand::StopPresenting,
    UiCommand::ToggleNotesWhenPresenting,
    UiCommand::TogglePresenterWindow,
];

/// Shows the presenter window with `info`, pushing what the facilitator asks for.
pub(super) fn show(
    ctx: &egui::Context,
    info: &PresenterInfo,
    theme: &Theme,
    commands: &mut Commands,
) {
    let builder = ViewportBuilder::default()
        .with_title("Kompas — presentator")
        .with_inner_size([760.0, 520.0]);
    ctx.show_viewport_immediate(
        ViewportId::from_hash_of("presentator"),
        builder,
        |ui, class| {
            // A window of its own has its own keys; embedded in the main window (a backend
            // with one window, the tests), the main window's keys already step.
            if class != ViewportClass::EmbeddedWindow {
                for command in KEYS {
                    let pressed =
                        ui.input_mut(|i| command.shortcuts().iter().any(|s| i.consume_shortcut(s)));
                    if pressed {
                        commands.push(Command::Ui(command));
                    }
                }
                if ui.input(|i| i.viewport().close_requested()) {
                    commands.push(Command::Set(Flag::PresenterWindow, OnOff::Off));
                }
            }
            egui::CentralPanel::default()
                .frame(egui::Frame::central_panel(ui.style()).fill(theme.panel_bg))
                .show(ui, |ui| contents_ui(ui, info, theme, commands));
        },
    );
}

fn contents_ui(ui: &mut Ui, info: &PresenterInfo, theme: &Theme, commands: &mut Commands) {
    ui.horizontal(|ui| {
        crate::ui::widgets::heading_label(ui, RichText::new("Nu in de zaal").size(15.0), 2);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let resp = ui.label(RichText::new(&info.elapsed).size(22.0).strong());
            ui.ctx().accesskit_node_builder(resp.id, |b| {
                b.set_role(egui::accesskit::Role::Timer);
                b.clear_value();
                b.set_label(format!("Verstreken tijd {}", info.elapsed));
            });
        });
    });
    ui.label(RichText::new(&info.now).color(theme.text_muted));
    ui.label(RichText::new(&info.now_title).size(22.0).strong());
    ui.add_space(10.0);
    crate::ui::widgets::heading_label(ui, RichText::new("Straks").size(15.0), 2);
    ui.label(RichText::new(&info.next.0).color(theme.text_muted));
    ui.label(RichText::new(&info.next.1).size(17.0));
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        for command in [UiCommand::PreviousStep, UiCommand::NextStep] {
            let text = if command == UiCommand::NextStep {
                "Volgende ▶"
            } else {
                "◀ Vorige"
            };
            if ui
                .button(RichText::new(text).size(17.0))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                commands.push(Command::Ui(command));
            }
        }
    });
    ui.add_space(10.0);
    crate::ui::widgets::heading_label(ui, RichText::new("Notities").size(15.0), 2);
    if info.notes.is_empty() {
        ui.label(RichText::new("Geen notities bij wat nu getoond wordt.").color(theme.text_muted));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (who, note) in &info.notes {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(who).strong());
                ui.label(note);
            });
        }
    });
}
