//! Voortgang on the compass: for the year shown, a band along each wedge's arc with the share
//! afgerond filled (outside the circle for the outer ring, along the inner edge of the sector
//! ring), the year picker and what the band means; the sentences screen readers hear are
//! added to the shapes' names in [`super::interact`].

use egui::{FontId, Rect, RichText, Ui, pos2, vec2};

use super::cache::{Cache, wedge_mesh};
use super::layout::Wedge;
use crate::model::{Ix, Kompas};
use crate::ui::command::{Command, VoortgangCommand};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use crate::voortgang::Rollup;

/// Thickness of the band for this frame: larger when read from afar.
pub(super) fn band_px(cx: &ViewCtx<'_>) -> f32 {
    theme::PROGRESS_BAND_PX * if cx.from_afar { 1.8 } else { 1.0 }
}

/// Room to keep around the circle for the outer ring's bands.
pub(super) fn room(cx: &ViewCtx<'_>) -> f32 {
    if cx.voortgang.is_some() {
        band_px(cx) + 4.0
    } else {
        0.0
    }
}

/// Done and counted (without vervallen) under a wedge: one element, or a run of siblings.
pub(super) fn totals(kompas: &Kompas, rollup: &Rollup, w: &Wedge) -> (u32, u32) {
    if w.count <= 1 {
        return (rollup.done(w.ix), rollup.counted(w.ix));
    }
    let Some(parent) = kompas.parent(w.ix) else {
        return (rollup.done(w.ix), rollup.counted(w.ix));
    };
    let siblings = kompas.children(parent);
    let from = siblings.iter().position(|&s| s == w.ix).unwrap_or(0);
    let to = siblings.iter().position(|&s| s == w.last).unwrap_or(from);
    siblings
        .get(from..=to)
        .unwrap_or_default()
        .iter()
        .fold((0, 0), |(d, c), &s| {
            (d + rollup.done(s), c + rollup.counted(s))
        })
}

/// Whether the year picker (about 190 × 26 points) at the top left of `area` stays clear of
/// the circle drawn in the middle of it, note badges included.
fn corner_is_free(area: Rect) -> bool {
    const PICKER: egui::Vec2 = egui::Vec2::new(190.0, 26.0);
    let r = area.width().min(area.height()) / 2.0 - 12.0;
    let corner = area.min + PICKER;
    corner.distance(area.center()) > r + 24.0
}

/// The band of each wedge: the track, and the done share of it filled.
pub(super) fn paint(painter: &egui::Painter, cache: &Cache, cx: &ViewCtx<'_>, rollup: &Rollup) {
    let layout = &cache.layout;
    let band = band_px(cx);
    for w in &layout.wedges {
        // A thin sector ring has no room for a band beside its number: there the koersen's
        // bands and the sentences carry it.
        if w.ring == 0 && w.outer_px - w.inner_px < 6.0 * band {
            continue;
        }
        let (inner, outer) = if w.ring == 0 {
            (w.inner_px + 2.0, w.inner_px + 2.0 + band)
        } else {
            (w.outer_px + 3.0, w.outer_px + 3.0 + band)
        };
        // A hair of space between neighbours, so each wedge's band reads as its own.
        let gap = (1.5 / outer).min(w.span_rad() * 0.1);
        let track = Wedge {
            inner_px: inner,
            outer_px: outer,
            start_rad: w.start_rad + gap,
            end_rad: w.end_rad - gap,
            ..*w
        };
        painter.add(wedge_mesh(
            &track,
            layout.center,
            cache.steps_per_rad,
            cx.theme.progress_track,
        ));
        let (done, counted) = totals(cx.kompas, rollup, w);
        if counted > 0 && done > 0 {
            let share = f32::from(u16::try_from(done).unwrap_or(u16::MAX))
                / f32::from(u16::try_from(counted).unwrap_or(u16::MAX)).max(1.0);
            let filled = Wedge {
                end_rad: track.start_rad + track.span_rad() * share.min(1.0),
                ..track
            };
            painter.add(wedge_mesh(
                &filled,
                layout.center,
                cache.steps_per_rad,
                cx.theme.progress_done,
            ));
        }
    }
}

/// The sentence for a shape's accessible name and tooltip: "Koers 1.3: 12 van 30 afgerond in
/// 2019", or for a run of siblings their sum.
pub(super) fn sentence(kompas: &Kompas, rollup: &Rollup, w: Option<&Wedge>, ix: Ix) -> String {
    match w.filter(|w| w.count > 1) {
        Some(w) => {
            let (done, counted) = totals(kompas, rollup, w);
            format!("samen {done} van {counted} afgerond in {}", rollup.year)
        }
        None => rollup.sentence(kompas, ix),
    }
}

/// At the desk: the year picker in the corner above the compass, and when progress is shown,
/// the whole compass's share and what the band means. While presenting: the year, large.
pub(super) fn corner_ui(ui: &mut Ui, at: Rect, cx: &mut ViewCtx<'_>) {
    let kompas = cx.kompas;
    if cx.presenting || cx.from_afar {
        if let Some(r) = cx.voortgang {
            let root = kompas.root();
            let text = format!(
                "Voortgang {}: {} van {} afgerond",
                r.year,
                r.done(root),
                r.counted(root)
            );
            // A live region: turning progress on (V) or another year is announced.
            let mut child =
                ui.new_child(egui::UiBuilder::new().max_rect(at.shrink2(vec2(4.0, 2.0))));
            crate::ui::widgets::live_label(
                &mut child,
                RichText::new(text)
                    .font(FontId::new(theme::PRESENT_BODY_PT, theme::bold()))
                    .color(cx.theme.text),
            );
        }
        return;
    }
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(at)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let years = cx.voortgang_years;
    let year = cx.voortgang.map(|r| r.year);
    if let Some(chosen) = crate::ui::voortgang_view::year_picker(
        &mut child,
        "kompas-jaar",
        "Voortgang",
        year,
        years,
        "uit",
    ) {
        cx.push(Command::Voortgang(VoortgangCommand::SetYear(chosen)));
    }
    if let Some(r) = cx.voortgang {
        let root = kompas.root();
        let share = r
            .percent(root)
            .map_or_else(String::new, |p| format!(" ({p}%)"));
        // A live region: choosing another year is announced with its share (the year said
        // too; on screen it stands in the picker beside it).
        let shown = format!("{} van {} afgerond{share}", r.done(root), r.counted(root));
        let said = format!("{}: {shown}", r.year);
        let resp = crate::ui::widgets::live_label(&mut child, RichText::new(shown).strong());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &said));
        let (swatch, _) = child.allocate_exact_size(vec2(18.0, 10.0), egui::Sense::hover());
        child
            .painter()
            .rect_filled(swatch, 2.0, cx.theme.progress_done);
        child.label(
            RichText::new("afgerond; vervallen telt niet mee")
                .small()
                .color(cx.theme.text_muted),
        );
    }
}

/// The compass's area split into the strip above it for the year and its summary (only as
/// high as the picker alone when progress is off: it sits in the corner the circle leaves
/// free) and what is left for the compass.
pub(super) fn split(area: Rect, cx: &ViewCtx<'_>) -> (Rect, Rect) {
    // Off, the picker alone fits in the corner the circle leaves free, unless the area is
    // narrow beside its height (a zoomed window): then it gets a strip of its own.
    let strip_h = match (cx.voortgang.is_some(), cx.from_afar) {
        (false, false) if !corner_is_free(area) => 30.0,
        (true, false) => 30.0,
        (true, true) => theme::PRESENT_BODY_PT * 1.7,
        (false, _) => 0.0,
    };
    let strip = Rect::from_min_max(area.min, pos2(area.max.x, area.min.y + strip_h.max(24.0)));
    let rest = Rect::from_min_max(pos2(area.min.x, area.min.y + strip_h), area.max);
    (strip, rest)
}
