//! "Over het kompas": the introduction, handleiding, chapters and appendices of the document
//! as readable pages, with the typed sections (principes, trends and their kansen, knooppunten,
//! beleid, samenvatting, indicatoren) in place and every reference a link.

use egui::{RichText, Stroke, Ui};

use crate::content::{Block, Indicator, Trend};
use crate::model::{Ix, Kompas};
use crate::nav::{Location, View};
use crate::ui::command::Command;
use crate::ui::theme;
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

/// A paragraph; a web address in it is a link that opens in the browser.
fn paragraph(ui: &mut Ui, text: &str) {
    let parts = with_links(text);
    if parts.iter().all(|(_, link)| !link) {
        ui.add(egui::Label::new(RichText::new(text).size(16.0)).wrap());
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (piece, link) in parts {
                if link {
                    // Coloured and underlined in the text itself: the theme's text colour
                    // would otherwise paint over the link colour.
                    let color = ui.visuals().hyperlink_color;
                    ui.hyperlink_to(
                        RichText::new(piece).size(16.0).color(color).underline(),
                        piece,
                    );
                } else {
                    ui.add(egui::Label::new(RichText::new(piece).size(16.0)).wrap());
                }
            }
        });
    }
    ui.add_space(8.0);
}

/// `text` cut into plain pieces and web addresses (`true`), in order.
fn with_links(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("http://").or_else(|| rest.find("https://")) {
        let end = rest[start..]
            .find(|c: char| c.is_whitespace() || c == ')' || c == '”')
            .map_or(rest.len(), |e| start + e);
        // A sentence's full stop or comma after the address is not part of it.
        let end = start
            + rest[start..end]
                .trim_end_matches(['.', ',', ';', ':'])
                .len();
        if start > 0 {
            out.push((&rest[..start], false));
        }
        out.push((&rest[start..end], true));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
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
                    crate::ui::widgets::heading_label(
                        ui,
                        RichText::new("Over het kompas")
                            .size(18.0)
                            .family(theme::bold()),
                        2,
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
                            egui::Button::selectable(selected, p.nav_title())
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        );
                        // A link-like button, the page shown marked selected (not a toggle).
                        crate::ui::widgets::as_navigation(ui, &resp, p.nav_title(), selected);
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
            let title = crate::ui::widgets::heading(
                ui,
                egui::Id::unique(("over-titel", page_id)),
                RichText::new(&page.title).size(26.0).family(theme::bold()),
                1,
                cx.theme,
            );
            // Opening a page puts focus on its title, as on every other view.
            let wanted = crate::nav::over_focus_id(page_id);
            if cx.focus_request.as_ref() == Some(&wanted) {
                title.request_focus();
                *cx.focus_request = None;
            }
            ui.add_space(10.0);
            for (n, block) in page.blocks.iter().enumerate() {
                block_ui(ui, cx, block, egui::Id::unique(("over-blok", page_id, n)));
            }
        });
}

#[expect(
    clippy::too_many_lines,
    reason = "one match over the block kinds of a page"
)]
/// `id` is this block's own: two headings may read the same on one page.
fn block_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, block: &Block, id: egui::Id) {
    let kompas = cx.kompas;
    let content = &kompas.content;
    match block {
        Block::Kop(t) => {
            ui.add_space(6.0);
            crate::ui::widgets::heading(
                ui,
                id,
                RichText::new(t).size(19.0).family(theme::bold()),
                2,
                cx.theme,
            );
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

/// The kansen table of a trend, a block per row so nothing runs past the column: the kans,
/// the koersen it comes back in, the example inspanning. Each row is named whole for screen
/// readers, with its column names.
fn kansen_table(ui: &mut Ui, cx: &mut ViewCtx<'_>, i: usize, t: &Trend) {
    let muted = cx.theme.text_muted;
    for (row, k) in t.kansen.iter().enumerate() {
        let koersen = cx.kompas.kans_koersen(k);
        egui::Frame::NONE
            .stroke(Stroke::new(1.0, cx.theme.card_border))
            .corner_radius(theme::CARD_RADIUS_PX)
            .inner_margin(10)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let name = format!(
                    "Kans of uitdaging: {}. Komt o.a. terug in kompaskoers: {}. Voorbeeld inspanning: {}",
                    k.text,
                    koersen
                        .iter()
                        .map(|&e| cx.kompas.short_name(e))
                        .collect::<Vec<_>>()
                        .join(", "),
                    k.voorbeeld
                );
                let first = ui.add(egui::Label::new(RichText::new(&k.text).size(16.0)).wrap());
                first.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Row, true, &name));
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Komt o.a. terug in kompaskoers:").color(muted));
                    for &koers in &koersen {
                        element_link(ui, cx, koers);
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Voorbeeld inspanning:").color(muted));
                    ui.add(egui::Label::new(&k.voorbeeld).wrap());
                });
                if let Some(ex) = cx.kompas.kans_voorbeeld(k) {
                    let text = crate::ui::widgets::access_label(cx.kompas, ex);
                    if crate::ui::widgets::wrapped_link(ui, &text, 15.0).clicked() {
                        cx.push(Command::Open(cx.kompas.element(ex).id.clone()));
                    }
                }
            });
        ui.add_space(6.0);
        let _ = (i, row);
    }
}

/// An indicator: a bar per value (scaled to the largest), with the numbers as the document
/// writes them, so the chart and its table are one and a screen reader reads every value.
fn indicator_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ind: &Indicator) {
    card(ui, cx, |ui, cx| {
        crate::ui::widgets::heading(
            ui,
            egui::Id::unique(("indicator", ind.id.as_str())),
            RichText::new(&ind.title).size(17.0).strong(),
            3,
            cx.theme,
        );
        // The chart and, beside it (below on a narrow page), the same values as a table,
        // which is what a screen reader reads.
        let wide = ui.available_width() > 620.0;
        let layout = if wide {
            egui::Layout::left_to_right(egui::Align::TOP)
        } else {
            egui::Layout::top_down(egui::Align::LEFT)
        };
        ui.with_layout(layout, |ui| {
            let chart_w = if wide {
                (ui.available_width() * 0.6).min(420.0)
            } else {
                ui.available_width()
            };
            indicator_chart(ui, cx, ind, chart_w);
            ui.add_space(12.0);
            ui.vertical(|ui| indicator_table(ui, ind));
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

/// The values as bars with axes (egui_plot), read-only: no dragging or zooming a figure.
fn indicator_chart(ui: &mut Ui, cx: &ViewCtx<'_>, ind: &Indicator, width: f32) {
    use egui_plot::{Bar, BarChart, Plot};
    let bars: Vec<Bar> = ind
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            Bar::new(i as f64, v.value)
                .name(&v.label)
                .width(0.6)
                .fill(cx.theme.focus)
        })
        .collect();
    let labels: Vec<String> = ind.values.iter().map(|v| v.label.clone()).collect();
    let top = if ind.unit == "cijfer" {
        10.0
    } else if ind.unit.starts_with('%') {
        100.0
    } else {
        0.0
    };
    let chart = BarChart::new(ind.title.clone(), bars).color(cx.theme.focus);
    // Each value written above its bar, as the document writes it.
    let texts: Vec<egui_plot::Text> = ind
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            egui_plot::Text::new(
                v.label.clone(),
                egui_plot::PlotPoint::new(i as f64, v.value),
                RichText::new(&v.shown).strong().size(15.0),
            )
            .color(cx.theme.text)
            .anchor(egui::Align2::CENTER_BOTTOM)
        })
        .collect();
    let most = ind.values.iter().map(|v| v.value).fold(top, f64::max);
    let resp = Plot::new(("indicator-grafiek", ind.id.as_str()))
        .width(width)
        .height(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
        .y_axis_min_width(44.0)
        .grid_spacing(24.0..=120.0)
        .include_y(0.0)
        .include_y(most * 1.18)
        .show_axes([true, false])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(chart);
            for t in texts {
                plot.text(t);
            }
        })
        .response;
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Grafiek: {} (de waarden staan in de tabel ernaast)",
                ind.title
            ),
        )
    });
}

/// The values as rows: label and value as the document writes it; each row named whole.
fn indicator_table(ui: &mut Ui, ind: &Indicator) {
    egui::Grid::new(("indicator-tabel", ind.id.as_str()))
        .num_columns(2)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Wanneer").strong());
            ui.label(RichText::new("Waarde").strong());
            ui.end_row();
            for v in &ind.values {
                let row = ui.label(&v.label);
                row.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Row,
                        true,
                        format!("{}: {}", v.label, v.shown),
                    )
                });
                ui.label(RichText::new(&v.shown).strong());
                ui.end_row();
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
