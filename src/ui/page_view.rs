//! Level 2: one element's page, such as a koers page: its number, title, the element above it,
//! its introduction and its children as cards in the sector's colour.

use egui::{RichText, Ui};

use crate::model::{Ix, Kompas};
use crate::nav::{self, Location, View};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view_ctx::{ViewCtx, Which};
use crate::ui::widgets::{access_label, card_style, clickable_block, element_id};

/// Widget-id scope of the cards on a page.
pub(super) const SCOPE: &str = "pagina";

/// The page view; remembers the row heights of a long list of children.
#[derive(Default)]
pub struct PageView {
    rows: crate::ui::widgets::VirtualRows,
}

impl PageView {
    /// Draws the page of `ix`.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
        let kompas = cx.kompas;
        let theme = cx.theme;
        let el = kompas.element(ix);
        let accent = theme.sector_fill(kompas.color(ix), 0);
        // A scroll position of its own per page: another page opens at its top.
        egui::ScrollArea::vertical()
            .id_salt(("pagina", el.id.as_str()))
            .auto_shrink(false)
            .show(ui, |ui| {
                // Lines of about 90 characters read comfortably; wider pages only add eye travel.
                let width = ui.available_width().min(960.0);
                ui.vertical_centered(|ui| {
                    ui.set_max_width(width);
                    ui.vertical(|ui| {
                        header_ui(ui, cx, ix);
                        if let Some(text) = &el.text {
                            ui.add_space(8.0);
                            ui.label(RichText::new(text).size(16.0));
                        }
                        crate::ui::carried::ui(ui, cx, ix, 16.0);
                        ui.add_space(12.0);
                        if nav::has_kaart(kompas, ix) {
                            let label = kaart_label(kompas, ix);
                            if ui.button(RichText::new(label.clone()).size(16.0)).clicked() {
                                cx.push(Command::Go(Location {
                                    view: View::Kaart(el.id.clone()),
                                    selected: cx.location.selected.clone(),
                                }));
                            }
                            ui.add_space(12.0);
                        }
                        let children = kompas.children(ix);
                        if let Some(level) = kompas.levels.get(el.depth + 1)
                            && !children.is_empty()
                        {
                            let name = if children.len() == 1 {
                                &level.name
                            } else {
                                &level.plural
                            };
                            ui.label(RichText::new(name).size(18.0).strong());
                            ui.add_space(6.0);
                        }
                        let columns = if ui.available_width() >= 760.0 { 2 } else { 1 };
                        let rows: Vec<&[Ix]> = children.chunks(columns).collect();
                        // Only the rows in sight are laid out; the one to focus or showing
                        // the selection is always there.
                        let long = rows.len() > crate::ui::widgets::VIRTUAL_FROM_ROWS;
                        let wanted: Option<usize> = long
                            .then(|| {
                                children.iter().position(|&c| {
                                    let id = &kompas.element(c).id;
                                    cx.focus_request.as_ref() == Some(id)
                                        || cx.location.selected.as_ref() == Some(id)
                                })
                            })
                            .flatten()
                            .map(|p| p / columns);
                        let mut draw_row = |ui: &mut Ui, i: usize| {
                            let Some(row) = rows.get(i) else { return };
                            ui.columns(columns, |cols| {
                                for (col, &child) in cols.iter_mut().zip(*row) {
                                    card_ui(col, cx, ix, child, accent);
                                }
                            });
                            ui.add_space(8.0);
                        };
                        if long {
                            let key =
                                crate::ui::widgets::VirtualRows::key_for(ix, ui.available_width());
                            // A card: its title in one to three lines and the count below.
                            self.rows.show(
                                ui,
                                key,
                                rows.len(),
                                |i| wanted == Some(i),
                                |_| 92.0,
                                draw_row,
                            );
                        } else {
                            for i in 0..rows.len() {
                                draw_row(ui, i);
                            }
                        }
                        crate::ui::about_view::trends_for_koers_ui(ui, cx, ix);
                    });
                });
            });
    }
}

/// "Koerskaart openen": the kaart is named after the element's level, as the seed does.
pub(super) fn kaart_label(kompas: &Kompas, ix: Ix) -> String {
    match kompas.level(ix) {
        Some(l) if !l.name.is_empty() => format!("{}kaart openen", l.name),
        _ => "Kaart openen".to_owned(),
    }
}

/// "Koers 1.3" over the title, and the element above it as a link.
pub(super) fn header_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let el = kompas.element(ix);
    let fill = theme.sector_fill(kompas.color(ix), 0);
    ui.add_space(12.0);
    egui::Frame::NONE
        .fill(fill)
        .corner_radius(theme::CARD_RADIUS_PX)
        .inner_margin(egui::Margin::symmetric(16, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let ink = theme.text_on(fill);
            ui.label(
                RichText::new(kompas.short_name(ix))
                    .size(16.0)
                    .strong()
                    .color(ink),
            );
            let title = crate::ui::widgets::heading(
                ui,
                element_id("kop", &el.id),
                RichText::new(&el.title)
                    .size(26.0)
                    .family(theme::bold())
                    .color(ink),
                1,
                theme,
            );
            cx.take_focus(&title, &el.id);
        });
    if let Some(parent) = kompas.parent(ix) {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Onderdeel van").color(theme.text_muted));
            if ui.link(access_label(kompas, parent)).clicked() {
                cx.push(Command::Open(kompas.element(parent).id.clone()));
            }
        });
    }
}

fn card_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, page: Ix, child: Ix, accent: egui::Color32) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let el = kompas.element(child);
    let label = access_label(kompas, child);
    let style = card_style(theme, Some(accent), cx.is_selected(&el.id));
    let mut term = None;
    let resp = clickable_block(ui, element_id(SCOPE, &el.id), theme, style, &label, |ui| {
        ui.horizontal_top(|ui| {
            let number = el.label.as_deref().unwrap_or(el.id.as_str());
            ui.label(RichText::new(number).size(20.0).family(theme::bold()));
            term = cx.element_text(ui, child, Which::Title, egui::FontId::proportional(16.0));
        });
        let n = kompas.children(child).len();
        if let Some(level) = kompas.levels.get(el.depth + 1)
            && n > 0
        {
            let name = if n == 1 { &level.name } else { &level.plural };
            ui.label(RichText::new(format!("{n} {name}")).color(theme.text_muted));
        }
    });
    cx.take_focus(&resp, &el.id);
    if resp.clicked() {
        match term.filter(|_| ui.input(|i| i.pointer.any_click())) {
            Some(entry) => cx.push(Command::ShowBegrip(entry)),
            None => cx.push(Command::Go(nav::open_child(kompas, page, child))),
        }
    }
}
