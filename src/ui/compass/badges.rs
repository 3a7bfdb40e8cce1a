//! Note badges outside the outer ring: how many elements under each wedge have a note.

use egui::{Color32, FontId, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use super::cache::Cache;
use super::layout::polar;
use crate::model::{Ix, Kompas};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::element_id;

/// Radius of a note badge outside the compass.
pub(super) const RADIUS_PX: f32 = 9.0;

/// The counts, with the notes generation they were made for.
#[derive(Default)]
pub(super) struct Badges {
    counted: Option<(u64, Vec<(Ix, usize)>)>,
}

/// For each element of the outer ring, how many elements at or below it have a note.
fn count(kompas: &Kompas, notes: &crate::notes::NotesFile) -> Vec<(Ix, usize)> {
    let mut counts: std::collections::HashMap<Ix, usize> = std::collections::HashMap::new();
    for (id, a) in &notes.notes {
        if a.is_empty() {
            continue;
        }
        let Some(ix) = kompas.get(id) else { continue };
        if let Some(at_ring) = kompas.ancestor_at(ix, 2) {
            *counts.entry(at_ring).or_default() += 1;
        }
    }
    let mut out: Vec<(Ix, usize)> = counts.into_iter().collect();
    out.sort_by_key(|(ix, _)| ix.index());
    out
}

impl Badges {
    /// Paints the badges, each a named label for screen readers with a hover text.
    pub(super) fn ui(&mut self, ui: &Ui, cache: &Cache, cx: &ViewCtx<'_>) {
        let kompas = cx.kompas;
        let theme = cx.theme;
        let layout = &cache.layout;
        if self
            .counted
            .as_ref()
            .is_none_or(|(g, _)| *g != cx.notes_generation)
        {
            self.counted = Some((cx.notes_generation, count(kompas, cx.notes)));
        }
        let Some((_, counted)) = &self.counted else {
            return;
        };
        // Elements drawn as one group share one badge.
        let mut per_wedge: std::collections::BTreeMap<usize, (Ix, usize)> =
            std::collections::BTreeMap::new();
        for &(ix, n) in counted {
            if let Some(w) = layout.wedge_of(ix) {
                per_wedge.entry(w).or_insert((layout.wedges[w].ix, 0)).1 += n;
            }
        }
        let painter = ui.painter();
        for (&w, &(ix, n)) in &per_wedge {
            let wedge = &layout.wedges[w];
            let at = polar(
                layout.center,
                wedge.outer_px + RADIUS_PX + 3.0 + super::progress::room(cx),
                wedge.mid_rad(),
            );
            painter.circle(at, RADIUS_PX, theme.focus, Stroke::new(1.5, theme.bg));
            painter.text(
                at,
                egui::Align2::CENTER_CENTER,
                n.to_string(),
                FontId::new(11.0, theme::condensed_bold()),
                Color32::WHITE,
            );
            let r = Rect::from_center_size(at, Vec2::splat(2.0 * RADIUS_PX));
            let label = format!("{n} met notities onder {}", kompas.short_name(ix));
            let resp = ui.interact(
                r,
                element_id("kompas-notities", &kompas.element(ix).id),
                Sense::hover(),
            );
            resp.widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
            resp.on_hover_text(label);
        }
    }
}
