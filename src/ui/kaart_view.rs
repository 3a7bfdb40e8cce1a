//! Level 3: the kaart of an element (the koerskaart): every child with all its descendants,
//! in columns on wide windows and one column on narrow ones; every element selectable.

use egui::{FontId, RichText, Stroke, Ui};

use crate::model::Ix;
use crate::nav::{Location, View};
use crate::ui::command::Command;
use crate::ui::page_view::header_ui;
use crate::ui::theme::{self, mix};
use crate::ui::view_ctx::{ViewCtx, Which};
use crate::ui::widgets::{BlockStyle, access_label, clickable_block, element_id};

/// Widget-id scope of the kaart's entries.
pub(super) const SCOPE: &str = "kaart";

/// Narrowest column before the kaart drops to fewer columns.
const COLUMN_MIN_PX: f32 = 420.0;

/// The kaart view; remembers the row heights of a very long kaart.
#[derive(Default)]
pub struct KaartView {
    rows: crate::ui::widgets::VirtualRows,
}

impl KaartView {
    /// Draws the kaart of `ix`.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
        let kompas = cx.kompas;
        egui::ScrollArea::vertical()
            .id_salt(("kaart", kompas.element(ix).id.as_str()))
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    header_ui(ui, cx, ix);
                    ui.add_space(4.0);
                    if ui.link("Naar de pagina met de inleiding").clicked() {
                        cx.push(Command::Go(Location {
                            view: View::Page(kompas.element(ix).id.clone()),
                            selected: cx.location.selected.clone(),
                        }));
                    }
                    ui.add_space(6.0);
                    if cx.show_notes {
                        filter_bar_ui(ui, cx);
                    }
                    ui.add_space(6.0);
                    let children = kompas.children(ix);
                    let columns = ((ui.available_width() / COLUMN_MIN_PX).floor() as usize)
                        .clamp(1, 3)
                        .min(children.len().max(1));
                    // Rows of blocks in document order, so the kaart reads A B C, D E (left to
                    // right, then down), as the eye and Tab both go.
                    let rows: Vec<&[Ix]> = children.chunks(columns).collect();
                    let long = rows.len() > crate::ui::widgets::VIRTUAL_FROM_ROWS;
                    let wanted: Option<usize> = long
                        .then(|| {
                            cx.location.focus(kompas).and_then(|f| {
                                kompas
                                    .path(f)
                                    .into_iter()
                                    .find_map(|p| children.iter().position(|&c| c == p))
                            })
                        })
                        .flatten()
                        .map(|p| p / columns);
                    let mut draw_row = |ui: &mut Ui, i: usize| {
                        let Some(row) = rows.get(i) else { return };
                        ui.columns(columns, |cols| {
                            for (col, &child) in cols.iter_mut().zip(*row) {
                                block_ui(col, cx, child);
                            }
                        });
                        ui.add_space(12.0);
                    };
                    if long {
                        // A kaart of hundreds of blocks: only the rows in sight are laid out.
                        let key =
                            crate::ui::widgets::VirtualRows::key_for(ix, ui.available_width());
                        self.rows.show(
                            ui,
                            key,
                            rows.len(),
                            |i| wanted == Some(i),
                            // A block: its heading and about two lines per entry.
                            |i| {
                                rows.get(i).map_or(80.0, |row| {
                                    row.iter()
                                        .map(|&c| 72.0 + 44.0 * kompas.children(c).len() as f32)
                                        .fold(0.0, f32::max)
                                        + 12.0
                                })
                            },
                            draw_row,
                        );
                    } else {
                        for i in 0..rows.len() {
                            draw_row(ui, i);
                        }
                    }
                });
            });
    }
}

/// Filters for the notes: by status, by partner, mine, with notes.
fn filter_bar_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let mut f = cx.filter.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Toon:").strong());
        let status_label = ui.label("status");
        egui::ComboBox::from_id_salt("filter-status")
            .selected_text(f.status.clone().unwrap_or_else(|| "elke".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.status, None, "elke status");
                for s in &cx.notes.statuses {
                    ui.selectable_value(&mut f.status, Some(s.clone()), s);
                }
            })
            .response
            .labelled_by(status_label.id);
        let partner_label = ui.label("partner");
        egui::ComboBox::from_id_salt("filter-partner")
            .selected_text(f.partner.clone().unwrap_or_else(|| "elke".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.partner, None, "elke partner");
                for p in &cx.notes.partners {
                    ui.selectable_value(&mut f.partner, Some(p.clone()), p);
                }
            })
            .response
            .labelled_by(partner_label.id);
        let mut mine = f.mine.is_some();
        // "mijn inspanningen": the leaves' name, from the data.
        let leaves = cx
            .kompas
            .levels
            .last()
            .map_or_else(|| "elementen".to_owned(), |l| l.plural.to_lowercase());
        if ui
            .add_enabled(
                !cx.user.is_empty(),
                egui::Checkbox::new(&mut mine, format!("mijn {leaves}")),
            )
            .on_disabled_hover_text("Vul eerst uw naam in bij een notitie")
            .changed()
        {
            f.mine = mine.then(|| cx.user.to_owned());
        }
        ui.checkbox(&mut f.with_note, "met notities");
        if !f.is_empty() && ui.button("Alles tonen").clicked() {
            f = crate::notes::Filter::default();
        }
    });
    if &f != cx.filter {
        cx.push(Command::Notes(crate::ui::command::NotesCommand::SetFilter(
            f,
        )));
    }
}

/// One child with its descendants, as a tinted block.
fn block_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let accent = theme.sector_fill(kompas.color(ix), 0);
    let tint_t = if theme.kind == theme::ThemeKind::HighContrast {
        1.0
    } else {
        0.82
    };
    let tint = mix(accent, theme.card_bg, tint_t);
    egui::Frame::NONE
        .fill(theme.card_bg)
        .stroke(Stroke::new(1.0, theme.card_border))
        .corner_radius(theme::CARD_RADIUS_PX)
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let el = kompas.element(ix);
            let style = BlockStyle {
                fill: tint,
                hover_fill: theme.surface_hover(tint),
                border: Stroke::NONE,
                accent: Some(accent),
                selected: cx.is_selected(&el.id),
                margin_px: 10.0,
            };
            let label = access_label(kompas, ix);
            let mut term = None;
            let resp = clickable_block(ui, element_id(SCOPE, &el.id), theme, style, &label, |ui| {
                ui.horizontal_top(|ui| {
                    let number = el.label.as_deref().unwrap_or(el.id.as_str());
                    ui.label(RichText::new(number).size(18.0).family(theme::bold()));
                    term = cx.element_text(ui, ix, Which::Title, FontId::new(16.0, theme::bold()));
                });
            });
            cx.take_focus(&resp, &el.id);
            if resp.clicked() {
                cx.push(pointer_or_select(term, &el.id, &resp));
            }
            ui.add_space(4.0);
            entries_ui(ui, cx, ix, 0);
        });
}

/// The descendants of `ix` as a list, indented per level.
fn entries_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix, indent: usize) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    for &c in kompas.children(ix) {
        let el = kompas.element(c);
        // The notes filter hides leaves that do not pass (a selected one stays visible).
        let annotation = cx.notes.get(el.id.as_str());
        if kompas.children(c).is_empty()
            && cx.show_notes
            && !cx.filter.accepts(annotation)
            && !cx.is_selected(&el.id)
        {
            continue;
        }
        let is_selected = cx.is_selected(&el.id);
        let fill = if is_selected {
            mix(theme.focus, theme.card_bg, 0.85)
        } else {
            theme.card_bg
        };
        let style = BlockStyle {
            fill,
            hover_fill: theme.surface_hover(theme.card_bg),
            border: Stroke::NONE,
            accent: None,
            selected: is_selected,
            margin_px: 6.0,
        };
        ui.horizontal_top(|ui| {
            ui.add_space(16.0 * indent as f32);
            let label = access_label(kompas, c);
            let mut term = None;
            let resp = clickable_block(ui, element_id(SCOPE, &el.id), theme, style, &label, |ui| {
                ui.horizontal_top(|ui| {
                    marker_ui(ui, cx, c);
                    term = cx.element_text(ui, c, Which::Title, FontId::proportional(15.0));
                });
            });
            cx.take_focus(&resp, &el.id);
            if resp.clicked() {
                cx.push(pointer_or_select(term, &el.id, &resp));
            }
        });
        if !kompas.children(c).is_empty() {
            entries_ui(ui, cx, c, indent + 1);
        }
    }
}

/// The bullet of an entry: its status colour and a pen when it has a note (with the details on
/// hover), or the sector's colour when it has no annotation or notes are hidden.
fn marker_ui(ui: &mut Ui, cx: &ViewCtx<'_>, ix: Ix) {
    let kompas = cx.kompas;
    let annotation = cx
        .notes
        .get(kompas.element(ix).id.as_str())
        .filter(|_| cx.show_notes);
    let status_index = annotation
        .and_then(|a| a.status.as_ref())
        .and_then(|s| cx.notes.statuses.iter().position(|o| o == s));
    let (glyph, color) = match status_index {
        Some(i) => ("●", theme::status_color(i)),
        None => ("•", cx.theme.sector_fill(kompas.color(ix), 0)),
    };
    let resp =
        ui.add(egui::Label::new(RichText::new(glyph).size(16.0).color(color)).selectable(false));
    // Screen readers hear what the signs mean, not "bullet".
    let status = annotation.and_then(|a| a.status.clone());
    ui.ctx().accesskit_node_builder(resp.id, |b| match status {
        Some(s) => name_sign(b, format!("Status: {s}")),
        None => b.set_hidden(),
    });
    let Some(a) = annotation else { return };
    if !a.note.trim().is_empty() {
        let pen = ui.add(
            egui::Label::new(RichText::new("✎").size(14.0).color(cx.theme.text_muted))
                .selectable(false),
        );
        ui.ctx()
            .accesskit_node_builder(pen.id, |b| name_sign(b, "Heeft een notitie".into()));
    }
    let mut parts = Vec::new();
    if let Some(s) = &a.status {
        parts.push(format!("status: {s}"));
    }
    if !a.partners.is_empty() {
        parts.push(format!("partners: {}", a.partners.join(", ")));
    }
    if !a.note.trim().is_empty() {
        parts.push("met notitie".to_owned());
    }
    if !a.reactions.is_empty() {
        parts.push(format!("{} reactie(s)", a.reactions.len()));
    }
    if !parts.is_empty() {
        resp.on_hover_text(parts.join(" · "));
    }
}

/// A sign (a dot, a pen) is an image named by what it means: a label would be read by its
/// text, the glyph.
fn name_sign(b: &mut egui::accesskit::Node, name: String) {
    b.set_role(egui::accesskit::Role::Image);
    b.clear_value();
    b.set_label(name);
}

/// A click on an entry selects it, unless the pointer was on an underlined begrip: then the
/// begrip opens. A keyboard Enter always selects.
fn pointer_or_select(
    term: Option<usize>,
    id: &crate::model::NodeId,
    resp: &egui::Response,
) -> Command {
    match term {
        Some(entry) if resp.ctx.input(|i| i.pointer.any_click()) => Command::ShowBegrip(entry),
        _ => Command::Select(id.clone()),
    }
}
