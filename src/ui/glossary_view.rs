//! The begrippenlijst panel: every term alphabetically with a filter, or grouped per koers as
//! in the document; each with its definition(s), the koersen it is listed under and the
//! elements that use it, all as links.

use egui::{RichText, Ui};

use crate::model::Ix;
use crate::text::fold;
use crate::ui::command::Command;
use crate::ui::theme::{self, mix};
use crate::ui::view_ctx::ViewCtx;

/// The panel's own state.
#[derive(Debug, Default)]
pub struct GlossaryView {
    /// Filter text.
    pub filter: String,
    /// Grouped per koers (as in the document) instead of alphabetical.
    pub per_element: bool,
}

impl GlossaryView {
    /// Draws the panel; `focus` is the entry to show (scrolled to and highlighted),
    /// `usages[i]` the elements that use entry `i`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        focus: &mut Option<(usize, bool)>,
        usages: &[Vec<Ix>],
    ) {
        let glossary = cx.glossary;
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            crate::ui::widgets::heading_label(
                ui,
                RichText::new("Begrippenlijst")
                    .size(18.0)
                    .family(theme::bold()),
                2,
            );
            ui.label(RichText::new(format!("({})", glossary.len())).color(cx.theme.text_muted));
        });
        if glossary.is_empty() {
            ui.label("Dit kompas heeft geen begrippenlijst.");
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            let edit = egui::TextEdit::singleline(&mut self.filter)
                .hint_text("term of woord uit de definitie")
                .desired_width(ui.available_width() - 8.0);
            ui.add(edit).labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.per_element, false, "A–Z");
            let per = cx
                .kompas
                .levels
                .get(2)
                .map_or("Per onderdeel".to_owned(), |l| {
                    format!("Per {}", l.name.to_lowercase())
                });
            ui.selectable_value(&mut self.per_element, true, per);
        });
        ui.separator();
        let filter = fold(self.filter.trim());
        let matches = |i: usize| {
            filter.is_empty()
                || glossary.entries.get(i).is_some_and(|e| {
                    fold(&e.term).contains(&filter)
                        || e.definitions
                            .iter()
                            .any(|d| fold(&d.text).contains(&filter))
                })
        };
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                if self.per_element {
                    let mut groups: Vec<(Ix, Vec<usize>)> = Vec::new();
                    for ix in cx.kompas.document_order() {
                        let list: Vec<usize> = glossary
                            .for_element(ix)
                            .into_iter()
                            .filter(|&i| matches(i))
                            .collect();
                        if !list.is_empty() {
                            groups.push((ix, list));
                        }
                    }
                    for (ix, list) in groups {
                        ui.add_space(6.0);
                        ui.label(
                            RichText::new(crate::ui::widgets::access_label(cx.kompas, ix))
                                .strong()
                                .color(cx.theme.text_muted),
                        );
                        for i in list {
                            entry_ui(ui, cx, i, Some(ix), focus, usages);
                        }
                    }
                } else {
                    for i in glossary.alphabetical().into_iter().filter(|&i| matches(i)) {
                        entry_ui(ui, cx, i, None, focus, usages);
                    }
                }
            });
    }
}

fn entry_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    i: usize,
    only: Option<Ix>,
    focus: &mut Option<(usize, bool)>,
    usages: &[Vec<Ix>],
) {
    let Some(entry) = cx.glossary.entries.get(i) else {
        return;
    };
    let kompas = cx.kompas;
    let focused = focus.is_some_and(|(f, _)| f == i);
    let fill = if focused {
        mix(cx.theme.focus, cx.theme.panel_bg, 0.88)
    } else {
        cx.theme.panel_bg
    };
    let resp = egui::Frame::NONE
        .fill(fill)
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // A heading that can hold focus: opening a begrip (from search, a link, a
            // marked word) puts focus here, so a screen reader reads the term and definition.
            let term = crate::ui::widgets::heading(
                ui,
                egui::Id::unique(("begrip", i)),
                RichText::new(&entry.term).strong().size(16.0),
                3,
                cx.theme,
            );
            if focus.is_some_and(|(f, scroll)| f == i && scroll) {
                term.request_focus();
            }
            for d in &entry.definitions {
                if only.is_some_and(|o| !d.elements.contains(&o)) {
                    continue;
                }
                ui.label(&d.text);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("bij").small().color(cx.theme.text_muted));
                    for &e in &d.elements {
                        if ui
                            .link(RichText::new(kompas.short_name(e)).small())
                            .on_hover_text(&kompas.element(e).title)
                            .clicked()
                        {
                            cx.push(Command::Open(kompas.element(e).id.clone()));
                        }
                    }
                });
            }
            let used = usages.get(i).map_or(&[][..], Vec::as_slice);
            if !used.is_empty() {
                egui::CollapsingHeader::new(
                    RichText::new(format!(
                        "Gebruikt in {} {}",
                        used.len(),
                        if used.len() == 1 {
                            "element"
                        } else {
                            "elementen"
                        }
                    ))
                    .small(),
                )
                .id_salt(("gebruik", i))
                .default_open(focused)
                .show(ui, |ui| {
                    for &e in used {
                        let text =
                            format!("{} · {}", kompas.short_name(e), kompas.element(e).title);
                        if ui.link(RichText::new(text).small()).clicked() {
                            cx.push(Command::Open(kompas.element(e).id.clone()));
                        }
                    }
                });
            }
        })
        .response;
    if let Some((f, scroll)) = focus
        && *f == i
        && *scroll
    {
        resp.scroll_to_me(Some(egui::Align::TOP));
        *scroll = false;
    }
    ui.add_space(2.0);
}
