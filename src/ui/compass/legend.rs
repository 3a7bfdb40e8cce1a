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
        let plural = kompas
            .levels
            .get(1)
            .map_or_else(|| "onderdelen".to_owned(), |l| l.plural.to_lowercase());
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
