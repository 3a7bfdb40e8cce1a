//! Painting the compass from its cache and the theme: the shapes (faded outside the spotlight,
//! lighter under the pointer), the einddoel, trend highlights, the selection, the labels and
//! the focus ring. Decides nothing; every colour comes from the theme.

use egui::{Shape, Stroke};

use super::cache::{Cache, circle_points, wedge_mesh};
use super::interact::Focused;
use super::layout::Hit;
use super::layout::polar;
use crate::model::Ix;
use crate::ui::view_ctx::ViewCtx;

/// What this frame's painting depends on besides the cache.
pub(super) struct State {
    hovered: Option<Hit>,
    focused: Focused,
    /// Wedges of the selected element and its ancestors.
    selected: Vec<usize>,
    /// Wedges of the koersen of the trend hovered in the legend.
    highlighted: Vec<usize>,
}

impl State {
    pub(super) fn new(
        cache: &Cache,
        cx: &ViewCtx<'_>,
        hovered: Option<Hit>,
        focused: Focused,
        highlight: &[Ix],
    ) -> Self {
        let layout = &cache.layout;
        let selected = cx
            .location
            .focus(cx.kompas)
            .map(|s| cx.kompas.path(s))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|ix| layout.wedge_of(ix))
            .collect();
        let highlighted = highlight
            .iter()
            .filter_map(|&ix| layout.wedge_of(ix))
            .collect();
        Self {
            hovered,
            focused,
            selected,
            highlighted,
        }
    }
}

/// High contrast leaves the outer ring white: each of its wedges carries its sector's colour
/// in a band along its inner edge, and a heavy line parts the sectors, so a sector reads as
/// one by its shape too, not by colour alone.
fn sector_bands(
    painter: &egui::Painter,
    cache: &Cache,
    cx: &ViewCtx<'_>,
    share: f32,
    faded: &dyn Fn(Ix) -> bool,
) {
    let theme = cx.theme;
    let layout = &cache.layout;
    for w in layout.wedges.iter().filter(|w| w.ring > 0) {
        let mut strip = *w;
        strip.outer_px = w.inner_px + (w.outer_px - w.inner_px) * share;
        let fill = theme.band_fill(cx.kompas.color(w.ix));
        let fill = if faded(w.ix) { theme.faded(fill) } else { fill };
        painter.add(Shape::mesh(wedge_mesh(
            &strip,
            layout.center,
            cache.steps_per_rad,
            fill,
        )));
    }
}

/// The heavy lines between sectors (high contrast), from the einddoel to the rim.
fn sector_borders(painter: &egui::Painter, cache: &Cache, border: Stroke) {
    let layout = &cache.layout;
    let outer = layout
        .wedges
        .iter()
        .map(|w| w.outer_px)
        .fold(layout.core_radius_px, f32::max);
    for w in layout.wedges.iter().filter(|w| w.ring == 0) {
        for a in [w.start_rad, w.end_rad] {
            painter.line_segment(
                [
                    polar(layout.center, w.inner_px, a),
                    polar(layout.center, outer, a),
                ],
                border,
            );
        }
    }
}

/// Paints the whole compass.
pub(super) fn compass(painter: &egui::Painter, cache: &Cache, cx: &ViewCtx<'_>, state: &State) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let layout = &cache.layout;
    // While presenting with a sector in the spotlight, the others fade back.
    let faded = |ix: Ix| {
        cx.spotlight
            .is_some_and(|s| kompas.sector_of(ix) != Some(s))
    };
    for (i, w) in layout.wedges.iter().enumerate() {
        let base = theme.sector_fill(kompas.color(w.ix), w.ring);
        let mut mesh = cache.meshes[i].clone();
        let fill = if faded(w.ix) {
            Some(theme.faded(base))
        } else if state.hovered == Some(Hit::Wedge(i)) {
            Some(theme.hovered(base))
        } else {
            None
        };
        if let Some(fill) = fill {
            for v in &mut mesh.vertices {
                v.color = fill;
            }
        }
        painter.add(Shape::mesh(mesh));
    }
    if let Some(band) = theme.sector_band() {
        sector_bands(painter, cache, cx, band.0, &faded);
    }
    for outline in &cache.outlines {
        painter.add(Shape::closed_line(
            outline.clone(),
            Stroke::new(2.0, theme.separator),
        ));
    }
    if let Some((_, border)) = theme.sector_band() {
        sector_borders(painter, cache, border);
    }
    let core_fill = theme.core_fill(kompas.element(kompas.root()).color);
    let core_fill = if state.hovered == Some(Hit::Core) {
        theme.hovered(core_fill)
    } else {
        core_fill
    };
    painter.circle_filled(layout.center, layout.core_radius_px, core_fill);

    for &i in &state.highlighted {
        painter.add(Shape::closed_line(
            cache.outlines[i].clone(),
            Stroke::new(4.0, theme.focus),
        ));
    }
    for &i in &state.selected {
        let w = &layout.wedges[i];
        let ink = theme.text_on(theme.sector_fill(kompas.color(w.ix), w.ring));
        painter.add(Shape::closed_line(
            cache.outlines[i].clone(),
            Stroke::new(2.5, ink),
        ));
    }

    for (i, w) in layout.wedges.iter().enumerate() {
        let fill = theme.sector_fill(kompas.color(w.ix), w.ring);
        let ink = if faded(w.ix) {
            theme.faded_text(theme.faded(fill))
        } else {
            theme.text_on(fill)
        };
        cache.labels[i].paint(painter, ink);
    }
    cache.core_label.paint(painter, theme.text_on(core_fill));

    if let Some(focused) = state.focused {
        let (outline, fill) = match focused {
            Some(w) => (
                cache.outlines[w].clone(),
                theme.sector_fill(kompas.color(layout.wedges[w].ix), layout.wedges[w].ring),
            ),
            None => (
                circle_points(layout.center, layout.core_radius_px, 64),
                core_fill,
            ),
        };
        // Two tones: a halo in the shape's text colour under the focus colour, so the ring
        // stands out (3:1) on any fill, also the blue einddoel under a blue ring.
        let ring = theme.focus_stroke();
        let halo = Stroke::new(ring.width + 3.0, theme.text_on(fill));
        painter.add(Shape::closed_line(outline.clone(), halo));
        painter.add(Shape::closed_line(outline, ring));
    }
}
