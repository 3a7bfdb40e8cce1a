//! The outline panel: the whole tree as collapsible levels, for finding any element by
//! browsing. The path to the selected element is kept open. The open part of the tree is
//! flattened into rows once per change and drawn with `show_rows`, so a level of 5 000
//! elements costs what the rows on screen cost.

use std::collections::HashSet;

use egui::{RichText, Ui};

use crate::model::{Ix, Kompas};
use crate::ui::command::{Command, Commands};
use crate::ui::theme::Theme;
use crate::ui::widgets::access_label;

/// The outline panel.
#[derive(Default)]
pub struct OutlineView {
    /// Elements whose children are shown.
    open: HashSet<Ix>,
    /// The open tree as rows (element, depth), in document order.
    rows: Vec<(Ix, usize)>,
    /// The compass (size and root title) and selection the rows were made for.
    built_for: Option<(usize, String, Option<Ix>)>,
    /// Set when `open` changed.
    dirty: bool,
    /// Row to scroll to on the next frame (the selection, once revealed).
    scroll_to: Option<usize>,
}

/// Height of one row of the outline.
const ROW_PX: f32 = 24.0;

impl OutlineView {
    /// The rows of the open tree: the root, then each element whose parent is open.
    fn flatten(&mut self, kompas: &Kompas) {
        self.rows.clear();
        let mut stack: Vec<(Ix, usize)> = vec![(kompas.root(), 0)];
        while let Some((ix, depth)) = stack.pop() {
            self.rows.push((ix, depth));
            // The root's children (the sectors) are always listed.
            if depth == 0 || self.open.contains(&ix) {
                for &c in kompas.children(ix).iter().rev() {
                    stack.push((c, depth + 1));
                }
            }
        }
    }

    /// Draws the tree; `selected` is the element to reveal.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        kompas: &Kompas,
        theme: &Theme,
        selected: Option<Ix>,
        commands: &mut Commands,
    ) {
        let root_title = &kompas.element(kompas.root()).title;
        let same_compass = self
            .built_for
            .as_ref()
            .is_some_and(|(n, t, _)| *n == kompas.len() && t == root_title);
        let same_selection = self
            .built_for
            .as_ref()
            .is_some_and(|(_, _, s)| *s == selected);
        if !same_compass || !same_selection {
            if !same_compass {
                // Another compass: its indices mean other elements.
                self.open.clear();
            }
            // Reveal the selection: every element on its path opens.
            if let Some(s) = selected {
                for p in kompas.path(s) {
                    if p != s {
                        self.open.insert(p);
                    }
                }
            }
            self.built_for = Some((kompas.len(), root_title.clone(), selected));
            self.dirty = true;
            self.scroll_to = selected.map(|s| s.index());
        }
        if self.dirty {
            self.flatten(kompas);
            self.dirty = false;
            if let Some(target) = self.scroll_to.take() {
                self.scroll_to = self.rows.iter().position(|(ix, _)| ix.index() == target);
            }
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Overzicht").strong());
        ui.add_space(4.0);
        let mut area = egui::ScrollArea::vertical()
            .auto_shrink(false)
            .id_salt("overzicht-rijen");
        if let Some(row) = self.scroll_to.take() {
            // Bring the selection into view, a few rows from the top.
            area = area.vertical_scroll_offset((row as f32 - 3.0).max(0.0) * ROW_PX);
        }
        let mut toggled = None;
        let indent = ui.spacing().indent;
        area.show_rows(ui, ROW_PX, self.rows.len(), |ui, range| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for &(ix, depth) in self.rows.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    ui.set_height(ROW_PX - ui.spacing().item_spacing.y);
                    ui.add_space(indent * depth.saturating_sub(1) as f32);
                    if depth > 0 && !kompas.children(ix).is_empty() {
                        let open = self.open.contains(&ix);
                        let name = access_label(kompas, ix);
                        let resp = ui
                            .add(egui::Button::new(if open { "▾" } else { "▸" }).frame(false))
                            .on_hover_text(if open { "Dichtklappen" } else { "Openklappen" });
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!(
                                    "{} {name}",
                                    if open {
                                        "Dichtklappen:"
                                    } else {
                                        "Openklappen:"
                                    }
                                ),
                            )
                        });
                        if resp.clicked() {
                            toggled = Some(ix);
                        }
                    } else if depth > 0 {
                        ui.add_space(indent);
                    }
                    row_ui(ui, kompas, theme, ix, selected, commands);
                });
            }
        });
        if let Some(ix) = toggled {
            if !self.open.remove(&ix) {
                self.open.insert(ix);
            }
            self.dirty = true;
        }
    }
}

fn row_ui(
    ui: &mut Ui,
    kompas: &Kompas,
    theme: &Theme,
    ix: Ix,
    selected: Option<Ix>,
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
    crate::ui::widgets::as_navigation(ui, &resp, &access_label(kompas, ix), selected == Some(ix));
    if resp.clicked() {
        commands.push(Command::Open(el.id.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_tree_flattens_in_document_order() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let mut o = OutlineView::default();
        o.flatten(&k);
        // Closed: the root and its sectors.
        assert_eq!(o.rows.len(), 1 + k.sectors().len());
        let koers = k.get("2.3").unwrap();
        for p in k.path(koers) {
            o.open.insert(p);
        }
        o.flatten(&k);
        let ids: Vec<&str> = o
            .rows
            .iter()
            .map(|(ix, _)| k.element(*ix).id.as_str())
            .collect();
        // Sector 2 shows its koersen, koers 2.3 its hoofdinspanningen, in order.
        let at = ids.iter().position(|&i| i == "2.3").unwrap();
        assert_eq!(ids[at - 3..at], ["2", "2.1", "2.2"]);
        assert_eq!(ids[at + 1], "2.3.1");
        assert_eq!(o.rows[at].1, 2);
        let expected = 1 + 4 + 5 + k.children(koers).len();
        assert_eq!(o.rows.len(), expected);
    }
}
