//! Painting the compass from its cache and the theme: the shapes (faded outside the spotlight,
//! lighter under the pointer), the einddoel, trend highlights, the selection, the labels and
//! the focus ring. Decides nothing; every colour comes from the theme.

use egui::{Shape, Stroke};

use super::cache::{Cache, circle_points};
use super::interact::Focused;
use super::layout::Hit;
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
        painter.add(Shape::closed_line(
            cache.outlines[i].clone(),
            Stroke::new(2.0, theme.separator),
        ));
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
