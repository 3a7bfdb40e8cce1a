//! The outline panel: the whole tree as collapsible levels, for finding any element by
//! browsing. The path to the selected element is kept open.

use egui::collapsing_header::CollapsingState;
use egui::{Id, RichText, Ui};

use crate::model::{Ix, Kompas};
use crate::ui::command::{Command, Commands};
use crate::ui::theme::Theme;
use crate::ui::widgets::access_label;

/// The outline panel.
#[derive(Default)]
pub struct OutlineView;

impl OutlineView {
    /// Draws the tree; `selected` is the element to reveal.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        kompas: &Kompas,
        theme: &Theme,
        selected: Option<Ix>,
        commands: &mut Commands,
    ) {
        let reveal = selected.map(|s| kompas.path(s)).unwrap_or_default();
        ui.add_space(6.0);
        ui.label(RichText::new("Overzicht").strong());
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                row_ui(
                    ui,
                    kompas,
                    theme,
                    kompas.root(),
                    selected,
                    &reveal,
                    commands,
                );
                for &s in kompas.sectors() {
                    node_ui(ui, kompas, theme, s, selected, &reveal, commands);
                }
            });
    }
}

fn node_ui(
    ui: &mut Ui,
    kompas: &Kompas,
    theme: &Theme,
    ix: Ix,
    selected: Option<Ix>,
    reveal: &[Ix],
    commands: &mut Commands,
) {
    if kompas.children(ix).is_empty() {
        ui.horizontal(|ui| {
            ui.add_space(ui.spacing().indent);
            row_ui(ui, kompas, theme, ix, selected, reveal, commands);
        });
        return;
    }
    let id = Id::unique(("outline", kompas.element(ix).id.as_str()));
    let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
    if reveal.contains(&ix) && Some(ix) != selected && !state.is_open() {
        state.set_open(true);
    }
    state
        .show_header(ui, |ui| {
            row_ui(ui, kompas, theme, ix, selected, reveal, commands)
        })
        .body(|ui| {
            for &c in kompas.children(ix) {
                node_ui(ui, kompas, theme, c, selected, reveal, commands);
            }
        });
}

fn row_ui(
    ui: &mut Ui,
    kompas: &Kompas,
    theme: &Theme,
    ix: Ix,
    selected: Option<Ix>,
    _reveal: &[Ix],
    commands: &mut Commands,
) {
    let el = kompas.element(ix);
    let number = el.label.as_deref().unwrap_or(el.id.as_str());
    let text = if kompas.children(ix).is_empty() && el.depth + 1 == kompas.levels.len() {
        el.title.clone()
    } else {
        format!("{number}  {}", el.title)
    };
    let resp = ui
        .add(egui::Button::selectable(
            selected == Some(ix),
            RichText::new(text).color(theme.text),
        ))
        .on_hover_text(access_label(kompas, ix));
    if resp.clicked() {
        commands.push(Command::Open(el.id.clone()));
    }
}
