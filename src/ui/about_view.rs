//! "Over het kompas": the introduction, handleiding, chapters and appendices of the document
//! as readable pages, with the typed sections (principes, trends and their kansen, knooppunten,
//! beleid, samenvatting, indicatoren) in place and every reference a link.

use egui::{Color32, RichText, Sense, Stroke, Ui, vec2};

use crate::content::{Block, Indicator, Trend};
use crate::model::{Ix, Kompas};
use crate::nav::{Location, View};
use crate::ui::command::Command;
use crate::ui::theme::{self, mix};
use crate::ui::view_ctx::ViewCtx;

/// A link to an element, named "Koers 2.3" with its title on hover.
fn element_link(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
    let k = cx.kompas;
    if ui
        .link(k.short_name(ix))
        .on_hover_text(&k.element(ix).title)
        .clicked()
    {
        cx.push(Command::Open(k.element(ix).id.clone()));
    }
}

fn paragraph(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(16.0)).wrap());
    ui.add_space(8.0);
}

/// Draws page `page_id`.
pub(crate) fn ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, page_id: &str) {
    let kompas = cx.kompas;
    let content = &kompas.content;
    let wide = ui.available_width() > 900.0;
    egui::Panel::left("over-inhoud")
        .resizable(false)
        .exact_size(if wide { 280.0 } else { 200.0 })
        .frame(egui::Frame::NONE.inner_margin(egui::Margin {
            right: 12,
            ..Default::default()
        }))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("over-lijst")
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("Over het kompas")
                            .size(18.0)
                            .family(theme::bold()),
                    );
                    let mut group = "";
                    for p in &content.pages {
                        if p.group != group {
                            group = &p.group;
                            ui.add_space(8.0);
                            ui.label(RichText::new(group).strong().color(cx.theme.text_muted));
                        }
                        let selected = p.id == page_id;
                        let resp = ui.add(
                            egui::Button::selectable(selected, &p.title)
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        );
                        if selected && cx.focus_request.is_some() {
                            resp.request_focus();
                            *cx.focus_request = None;
                        }
                        if resp.clicked() {
                            cx.push(Command::Go(Location {
                                view: View::Over(p.id.clone()),
                                selected: None,
                            }));
                        }
                    }
                });
        });
    let Some(page) = content.page(page_id) else {
        ui.label("Deze pagina bestaat niet in dit kompas.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt(("over-pagina", page_id))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(900.0));
            ui.label(RichText::new(&page.group).color(cx.theme.text_muted));
            ui.label(RichText::new(&page.title).size(26.0).family(theme::bold()));
            ui.add_space(10.0);
            for block in &page.blocks {
                block_ui(ui, cx, block);
            }
        });
}

#[expect(
    clippy::too_many_lines,
    reason = "one match over the block kinds of a page"
)]
fn block_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block) {
    let kompas = cx.kompas;
    let content = &kompas.content;
    match block {
        Block::Kop(t) => {
            ui.add_space(6.0);
            ui.label(RichText::new(t).size(19.0).family(theme::bold()));
            ui.add_space(4.0);
        }
        Block::Alinea(t) => paragraph(ui, t),
        Block::Lijst(items) => {
            for item in items {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("•").size(16.0));
                    ui.add(egui::Label::new(RichText::new(item).size(16.0)).wrap());
                });
            }
            ui.add_space(8.0);
        }
        Block::Principes => {
            for p in &content.principes {
                card(ui, cx, |ui, _| {
                    ui.label(
                        RichText::new(format!("{}. {}", p.id, p.title))
                            .size(17.0)
                            .strong(),
                    );
                    ui.add(egui::Label::new(&p.text).wrap());
                });
            }
        }
        Block::Trends => {
            for (i, t) in content.trends.iter().enumerate() {
                card(ui, cx, |ui, cx| {
                    ui.label(
                        RichText::new(format!("{}. {}", t.number, t.title))
                            .size(17.0)
                            .strong(),
                    );
                    ui.add(egui::Label::new(&t.summary).wrap());
                    koersen_line(ui, cx, t);
                    indicator_list(ui, cx, i);
                });
            }
        }
        Block::TrendsVolledig => {
            for (i, t) in content.trends.iter().enumerate() {
                ui.add_space(6.0);
                ui.label(
                    RichText::new(format!("{}. {}", t.number, t.title))
                        .size(19.0)
                        .family(theme::bold()),
                );
                paragraph(ui, &t.text);
                paragraph(ui, &t.kansen_intro);
                kansen_table(ui, cx, i, t);
                ui.add_space(12.0);
            }
        }
        Block::Knooppunten => {
            for k in &content.knooppunten {
                card(ui, cx, |ui, _| {
                    ui.label(
                        RichText::new(format!("{}. {}", k.id, k.title))
                            .size(17.0)
                            .strong(),
                    );
                    ui.add(egui::Label::new(&k.text).wrap());
                });
            }
        }
        Block::Beleid => {
            egui::Grid::new("beleid")
                .striped(true)
                .num_columns(2)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.label(RichText::new("Document").strong());
                    ui.label(RichText::new("Verseonnummer").strong());
                    ui.end_row();
                    for b in &content.beleid {
                        ui.add(egui::Label::new(&b.title).wrap());
                        ui.label(b.number.as_deref().unwrap_or("—"));
                        ui.end_row();
                    }
                });
        }
        Block::Samenvatting => {
            for s in &content.samenvatting {
                card(ui, cx, |ui, cx| {
                    ui.horizontal_wrapped(|ui| {
                        element_link(ui, cx, s.element);
                        ui.label(RichText::new(&s.title).strong());
                    });
                    ui.add(egui::Label::new(&s.text).wrap());
                });
            }
        }
        Block::Indicatoren => {
            for ind in &content.indicatoren {
                indicator_ui(ui, cx, ind);
            }
        }
    }
}

/// A framed card for one item of a section.
fn card(ui: &mut Ui, cx: &mut ViewCtx<'_>, add: impl FnOnce(&mut Ui, &mut ViewCtx<'_>)) {
    egui::Frame::NONE
        .fill(cx.theme.card_bg)
        .stroke(Stroke::new(1.0, cx.theme.card_border))
        .corner_radius(theme::CARD_RADIUS_PX)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui, cx);
        });
    ui.add_space(8.0);
}

/// "Komt terug in: Koers 2.2 · Koers 2.5 …"
fn koersen_line(ui: &mut Ui, cx: &mut ViewCtx<'_>, t: &Trend) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Komt terug in:").color(cx.theme.text_muted));
        for koers in cx.kompas.trend_koersen(t) {
            element_link(ui, cx, koers);
        }
    });
}

fn indicator_list(ui: &mut Ui, cx: &mut ViewCtx<'_>, trend: usize) {
    let inds = cx.kompas.content.indicatoren_of(trend);
    if inds.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Cijfers:").color(cx.theme.text_muted));
        if ui
            .link(
                inds.iter()
                    .map(|i| i.title.as_str())
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
            .clicked()
        {
            cx.push(Command::Go(Location {
                view: View::Over("indicatoren".into()),
                selected: None,
            }));
        }
    });
}

/// The kansen table of a trend: kans, the koersen it comes back in, the example inspanning.
fn kansen_table(ui: &mut Ui, cx: &mut ViewCtx<'_>, i: usize, t: &Trend) {
    // Text columns share the width; the koersen column only needs its links.
    let text_col = ((ui.available_width() - 190.0) / 2.0).max(160.0);
    egui::Grid::new(("kansen", i))
        .striped(true)
        .num_columns(3)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Kansen en uitdagingen").strong());
            ui.label(RichText::new("Komt o.a. terug in kompaskoers").strong());
            ui.label(RichText::new("Voorbeeld inspanning").strong());
            ui.end_row();
            for k in &t.kansen {
                ui.vertical(|ui| {
                    ui.set_width(text_col);
                    ui.add(egui::Label::new(&k.text).wrap());
                });
                ui.vertical(|ui| {
                    for koers in cx.kompas.kans_koersen(k) {
                        element_link(ui, cx, koers);
                    }
                });
                ui.vertical(|ui| {
                    ui.set_width(text_col);
                    ui.add(egui::Label::new(&k.voorbeeld).wrap());
                    if let Some(ex) = cx.kompas.kans_voorbeeld(k) {
                        element_link(ui, cx, ex);
                    }
                });
                ui.end_row();
            }
        });
}

/// An indicator: a bar per value (scaled to the largest), with the numbers as the document
/// writes them, so the chart and its table are one and a screen reader reads every value.
fn indicator_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ind: &Indicator) {
    card(ui, cx, |ui, cx| {
        ui.label(RichText::new(&ind.title).size(17.0).strong());
        let max = ind
            .values
            .iter()
            .map(|v| v.value)
            .fold(0.0_f64, f64::max)
            .max(f64::EPSILON);
        // Marks (out of 10) are drawn against 10, counts and percentages against the largest.
        let scale = if ind.unit == "cijfer" {
            10.0
        } else if ind.unit.starts_with('%') {
            100.0_f64.max(max)
        } else {
            max
        };
        let bar = cx.theme.focus;
        egui::Grid::new(("indicator", ind.id.as_str()))
            .num_columns(3)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                for v in &ind.values {
                    ui.label(&v.label);
                    let width = 260.0;
                    let (rect, resp) = ui.allocate_exact_size(vec2(width, 18.0), Sense::hover());
                    let fill = (v.value / scale).clamp(0.0, 1.0) as f32;
                    ui.painter()
                        .rect_filled(rect, 3.0, mix(bar, cx.theme.card_bg, 0.85));
                    ui.painter().rect_filled(
                        egui::Rect::from_min_size(
                            rect.min,
                            vec2(rect.width() * fill, rect.height()),
                        ),
                        3.0,
                        bar,
                    );
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Meter,
                            true,
                            format!("{}: {}", v.label, v.shown),
                        )
                    });
                    ui.label(RichText::new(&v.shown).strong().color(Color32::PLACEHOLDER));
                    ui.end_row();
                }
            });
        ui.label(
            RichText::new(format!("Eenheid: {} · Bron: {}", ind.unit, ind.source))
                .small()
                .color(cx.theme.text_muted),
        );
        ui.add(egui::Label::new(RichText::new(&ind.text).italics()).wrap());
        if let Some(t) = ind.trend.and_then(|t| cx.kompas.content.trends.get(t)) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Trend:").color(cx.theme.text_muted));
                if ui.link(&t.title).clicked() {
                    cx.push(Command::Go(Location {
                        view: View::Over("trends".into()),
                        selected: None,
                    }));
                }
            });
        }
    });
}

/// On a koers page: the trends whose kansen come back in this koers, with their example
/// inspanningen (which may stand under another koers): the document's cross-references.
pub(super) fn trends_for_koers_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, koers: Ix) {
    let kompas: &Kompas = cx.kompas;
    let found = kompas.trends_for(koers);
    if found.is_empty() {
        return;
    }
    ui.add_space(12.0);
    let level = kompas.level(koers).map_or_else(
        || "dit element".to_owned(),
        |l| format!("deze {}", l.name.to_lowercase()),
    );
    ui.label(
        RichText::new(format!("Trends die naar {level} wijzen"))
            .size(18.0)
            .strong(),
    );
    for (i, kansen) in found {
        let Some(t) = kompas.content.trends.get(i) else {
            continue;
        };
        card(ui, cx, |ui, cx| {
            if ui
                .link(RichText::new(format!("Trend {}: {}", t.number, t.title)).strong())
                .clicked()
            {
                cx.push(Command::Go(Location {
                    view: View::Over("trends".into()),
                    selected: None,
                }));
            }
            for k in kansen {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("• {}", k.text));
                    if let Some(ex) = kompas.kans_voorbeeld(k) {
                        ui.label(RichText::new("voorbeeld:").color(cx.theme.text_muted));
                        // The example by its words, not only its number.
                        let text = crate::ui::widgets::access_label(kompas, ex);
                        if crate::ui::widgets::wrapped_link(ui, &text, 15.0).clicked() {
                            cx.push(Command::Open(kompas.element(ex).id.clone()));
                        }
                    }
                });
            }
        });
    }
}

/// In the detail panel of an inspanning the trends give as an example: where else it comes back.
pub(super) fn example_of_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
    let found = cx.kompas.kansen_with_example(ix);
    if found.is_empty() {
        return;
    }
    ui.label(RichText::new("Voorbeeld bij een trend").strong());
    for (i, k) in found {
        let Some(t) = cx.kompas.content.trends.get(i) else {
            continue;
        };
        ui.label(format!("Trend {}: {} — {}", t.number, t.title, k.text));
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Komt ook terug in:").color(cx.theme.text_muted));
            for koers in cx.kompas.kans_koersen(k) {
                element_link(ui, cx, koers);
            }
        });
    }
    ui.add_space(8.0);
}
