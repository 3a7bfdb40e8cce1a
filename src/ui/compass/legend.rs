//! The legend beside the compass: its title, the sectors with their colours and full
//! titles, and the trends (hovering one highlights the koersen it feeds).

use egui::{Sense, Stroke, Ui, vec2};

use crate::model::Ix;
use crate::nav::Location;
use crate::ui::command::Command;
use crate::ui::view_ctx::ViewCtx;

/// The legend beside the compass: the sectors with their colours and full titles, and the
/// trends (hover one to see the koersen it feeds). Returns the elements to highlight.
pub(super) fn legend_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, children: bool) -> Vec<Ix> {
    let kompas = cx.kompas;
    let theme = cx.theme;
    ui.style_mut().interaction.selectable_labels = false;
    ui.add_space(8.0);
    crate::ui::widgets::heading_label(ui, egui::RichText::new(&kompas.meta.title).heading(), 1);
    if !kompas.meta.municipality.is_empty() {
        ui.label(
            egui::RichText::new(format!("Gemeente {}", kompas.meta.municipality))
                .color(theme.text_muted),
        );
    }
    ui.add_space(12.0);
    let sector_level = kompas.levels.get(1).map_or("Sector", |l| l.plural.as_str());
    crate::ui::widgets::heading_label(ui, egui::RichText::new(sector_level).strong(), 2);
    ui.add_space(4.0);
    let sectors = kompas.sectors();
    let shown = sectors.len().min(super::layout::MAX_SECTOR_WEDGES);
    for &s in &sectors[..shown] {
        let el = kompas.element(s);
        ui.horizontal_top(|ui| {
            let side = ui.text_style_height(&egui::TextStyle::Body);
            let (r, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
            ui.painter()
                .rect_filled(r, 4.0, theme.sector_fill(kompas.color(s), 0));
            ui.painter().rect_stroke(
                r,
                4.0,
                Stroke::new(1.0, theme.card_border),
                egui::StrokeKind::Inside,
            );
            ui.add(egui::Label::new(format!("{}. {}", kompas.number(s), el.title)).wrap());
        });
        if children {
            // The compass could not show these whole: here they are, each a link.
            for &c in kompas.children(s) {
                ui.horizontal_top(|ui| {
                    ui.add_space(26.0);
                    let text = format!("{} {}", kompas.number(c), kompas.element(c).title);
                    let size = ui.style().text_styles[&egui::TextStyle::Body].size * 0.93;
                    if crate::ui::widgets::wrapped_link(ui, &text, size).clicked() {
                        cx.push(Command::Open(kompas.element(c).id.clone()));
                    }
                });
            }
        }
        ui.add_space(6.0);
    }
    if sectors.len() > shown {
        let plural = super::sectors_word(kompas);
        ui.label(
            egui::RichText::new(format!(
                "… en nog {} {plural}; klik op het kompas voor de lijst",
                sectors.len() - shown
            ))
            .color(theme.text_muted),
        );
    }
    let highlight = if cx.from_afar {
        Vec::new()
    } else {
        trends_ui(ui, cx)
    };
    if cx.from_afar {
        // The room, or the reader of a slide, cannot click.
        return highlight;
    }
    ui.add_space(12.0);
    ui.label(
        egui::RichText::new(
            "Klik op een vlak om het te openen. Met het toetsenbord: Tab en de pijltjes kiezen, \
             Enter opent, Esc gaat een niveau terug.",
        )
        .small()
        .color(theme.text_muted),
    );
    highlight
}

/// Trends are for the desk: hovering or focusing one points at the koersen it feeds (returned),
/// and each is a link to the trends page.
fn trends_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) -> Vec<Ix> {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let mut highlight = Vec::new();
    // Trends are for the desk: they point at koersen when hovered and open their page.
    if !kompas.content.trends.is_empty() {
        ui.add_space(8.0);
        crate::ui::widgets::heading_label(ui, egui::RichText::new("Trends").strong(), 2);
        for t in &kompas.content.trends {
            let resp = ui
                .add(egui::Label::new(format!("{}. {}", t.number, t.title)).sense(Sense::click()))
                .on_hover_text(format!(
                    "Wijst de {} aan waar deze trend terugkomt; klik voor de uitleg",
                    kompas
                        .levels
                        .get(2)
                        .map_or_else(|| "elementen".to_owned(), |l| l.plural.to_lowercase())
                ));
            // A link to the trends page, not a "label" one can click.
            let name = format!("{}. {}", t.number, t.title);
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
            if resp.has_focus() {
                ui.painter().rect_stroke(
                    resp.rect.expand(2.0),
                    4.0,
                    theme.focus_stroke(),
                    egui::StrokeKind::Outside,
                );
            }
            if resp.hovered() || resp.has_focus() {
                highlight = kompas.trend_koersen(t);
            }
            if resp.clicked() {
                cx.push(Command::Go(Location {
                    view: crate::nav::View::Over("trends".into()),
                    selected: None,
                }));
            }
        }
    }
    highlight
}

/// Presenting, beside the compass: the step's subject (the spotlight, else the einddoel) as a
/// title, and each of its children with number and full title, at the room's sizes. Nothing is
/// cut: where the list is long the text steps down to the smallest size the room still reads.
pub(super) fn spotlight_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    use crate::ui::theme::{PRESENT_BODY_PT, PRESENT_MIN_BODY_PT, PRESENT_TITLE_PT};
    let kompas = cx.kompas;
    let theme = cx.theme;
    let subject = cx.spotlight.unwrap_or_else(|| kompas.root());
    let el = kompas.element(subject);
    let children = kompas.children(subject);
    // The largest body size at which everything fits the height.
    let fits = |ui: &Ui, body: f32| {
        let width = ui.available_width();
        let title = body * PRESENT_TITLE_PT / PRESENT_BODY_PT;
        let h = |text: &str, size: f32| {
            ui.fonts_mut(|f| {
                f.layout(
                    text.to_owned(),
                    egui::FontId::proportional(size),
                    theme.text,
                    width - 2.0 * size,
                )
                .size()
                .y
            })
        };
        let mut total = h(&kompas.short_name(subject), body) + h(&el.title, title) + body;
        let progress_line = if cx.voortgang.is_some() {
            body * 1.3
        } else {
            0.0
        };
        for &c in children {
            total += h(&kompas.element(c).title, body) + body * 0.5 + progress_line;
        }
        total <= ui.available_height()
    };
    let mut body = PRESENT_BODY_PT;
    while body > PRESENT_MIN_BODY_PT && !fits(ui, body) {
        body -= 1.0;
    }
    let title = body * PRESENT_TITLE_PT / PRESENT_BODY_PT;
    ui.label(
        egui::RichText::new(kompas.short_name(subject))
            .size(body)
            .color(theme.text_muted),
    );
    crate::ui::widgets::heading_label(
        ui,
        egui::RichText::new(&el.title)
            .size(title)
            .family(crate::ui::theme::bold()),
        1,
    );
    ui.add_space(body);
    for &c in children {
        let child = kompas.element(c);
        ui.horizontal_top(|ui| {
            let number = kompas.number(c);
            let fill = theme.sector_fill(kompas.color(c), 0);
            let (r, _) = ui.allocate_exact_size(vec2(body * 2.2, body * 1.3), Sense::hover());
            ui.painter().rect_filled(r, 4.0, fill);
            ui.painter().text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                number,
                egui::FontId::new(body * 0.9, crate::ui::theme::bold()),
                theme.text_on(fill),
            );
            ui.vertical(|ui| {
                ui.add(egui::Label::new(egui::RichText::new(&child.title).size(body)).wrap());
                // With a year's progress shown, each one's share, in words for the room.
                if let Some(r) = cx.voortgang {
                    let share = r
                        .percent(c)
                        .map_or_else(String::new, |p| format!(" ({p}%)"));
                    ui.label(
                        egui::RichText::new(format!(
                            "{} van {} afgerond in {}{share}",
                            r.done(c),
                            r.counted(c),
                            r.year
                        ))
                        .size(body * 0.9)
                        .color(theme.text_muted),
                    );
                }
            });
        });
        ui.add_space(body * 0.5);
    }
}
