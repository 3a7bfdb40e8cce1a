//! Level 1: the compass. The einddoel in the middle, the sectors around it, their children in
//! the outer ring; every shape is hoverable, clickable and reachable by keyboard and screen
//! reader.
//!
//! [`CompassView::ui`] reads as the steps of an egui widget (egui's `toggle_switch.rs`: size →
//! allocate → interact → paint): the [`cache`] for this size and theme (pure geometry from
//! [`layout`], labels fitted by [`labels`]) → a hit test of the pointer → [`interact`] (one
//! focusable widget per shape, keys, clicks) → [`paint`] from the cache and the theme, then the
//! note [`badges`] and the [`legend`] beside it.

mod badges;
mod cache;
mod interact;
pub(super) mod label_flow;
mod labels;
pub(super) mod layout;
mod legend;
mod paint;
mod progress;

use egui::{Id, Rect, Sense, Ui, Vec2, pos2, vec2};

use crate::model::Ix;
use crate::ui::view_ctx::ViewCtx;
use cache::{Cache, CacheKey, build_cache};

/// Widget-id scope of the compass's shapes.
pub(super) const SCOPE: &str = "kompas";

/// The compass view; lives in the session of one open compass, so its caches can never show
/// another compass.
#[derive(Default)]
pub struct CompassView {
    cache: Option<Cache>,
    badges: badges::Badges,
    /// Elements to highlight: the koersen of the trend hovered in the legend (last frame).
    highlight: Vec<Ix>,
}

impl CompassView {
    /// Draws the compass in the available space, with a legend beside it when there is room.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        let avail = ui.available_rect_before_wrap();
        // A flat list (a feed list, a long agenda) has no ring to speak of: slivers without
        // labels. It is shown as a list instead.
        if cx.kompas.sectors().len() > RING_MAX_SECTORS && !cx.presenting {
            list_ui(ui, cx);
            return;
        }
        if cx.presenting {
            self.presenting_ui(ui, avail, cx);
            return;
        }
        // Read from afar the legend's text is half as large again, and gets the room for it.
        let max_legend = if cx.from_afar {
            avail.width() * 0.36
        } else {
            420.0
        };
        let legend_w = (avail.width() - avail.height()).clamp(0.0, max_legend);
        let show_legend = legend_w >= 240.0;
        let compass_rect = if show_legend {
            Rect::from_min_max(avail.min, pos2(avail.max.x - legend_w, avail.max.y))
        } else {
            avail
        };
        let (strip, compass_rect) = progress::split(compass_rect, cx);
        self.compass_ui(ui, compass_rect, cx, !show_legend);
        progress::corner_ui(ui, strip, cx);
        if show_legend {
            let legend_rect =
                Rect::from_min_max(pos2(avail.max.x - legend_w, avail.min.y), avail.max)
                    .shrink(16.0);
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(legend_rect));
            if cx.from_afar {
                for font in child.style_mut().text_styles.values_mut() {
                    font.size *= crate::ui::theme::FROM_AFAR_SCALE;
                }
            }
            let children = self.cache.as_ref().is_some_and(|c| c.outer_cut);
            // Nobody scrolls a projected screen or a picture: no scroll bar to suggest it.
            let bar = if cx.from_afar {
                egui::scroll_area::ScrollBarVisibility::AlwaysHidden
            } else {
                egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded
            };
            let hovered = egui::ScrollArea::vertical()
                .id_salt("legenda")
                .auto_shrink(false)
                .scroll_bar_visibility(bar)
                .show(&mut child, |ui| legend::legend_ui(ui, cx, children))
                .inner;
            // A pointer resting where the window opened highlights nothing (see
            // `pointer_has_moved`).
            let hovered = if crate::ui::widgets::pointer_has_moved(ui.ctx()) {
                hovered
            } else {
                Vec::new()
            };
            if hovered != self.highlight {
                self.highlight = hovered;
                ui.ctx().request_repaint();
            }
        }
        ui.allocate_rect(avail, Sense::hover());
    }

    /// For the room: the compass with numbers, and beside it, large and in full, the step's
    /// subject and what it holds (the einddoel and its hoofddoelen, a hoofddoel and its koersen).
    fn presenting_ui(&mut self, ui: &mut Ui, avail: Rect, cx: &mut ViewCtx<'_>) {
        let compass_w = avail.height().min(avail.width() * 0.5);
        let compass_rect = Rect::from_min_size(avail.min, vec2(compass_w, avail.height()));
        let (strip, compass_rect) = progress::split(compass_rect, cx);
        self.compass_ui(ui, compass_rect, cx, false);
        progress::corner_ui(ui, strip, cx);
        let text_rect =
            Rect::from_min_max(pos2(avail.min.x + compass_w + 24.0, avail.min.y), avail.max);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(text_rect));
        legend::spotlight_ui(&mut child, cx);
        ui.allocate_rect(avail, Sense::hover());
    }

    fn compass_ui(&mut self, ui: &mut Ui, rect: Rect, cx: &mut ViewCtx<'_>, sector_titles: bool) {
        // Room around the circle for the note badges, when there are notes to count.
        let badge_room = if cx.show_notes && !cx.notes.notes.is_empty() {
            4.0 * badges::RADIUS_PX
        } else {
            0.0
        };
        let side = rect.width().min(rect.height()) - 24.0 - badge_room - 2.0 * progress::room(cx);
        if side < 50.0 {
            return;
        }
        let square = Rect::from_center_size(rect.center(), Vec2::splat(side));

        // 1. The cache: geometry, meshes and labels for this size and theme.
        let key = CacheKey {
            rect: square,
            theme: cx.theme.kind,
            pixels_per_point: ui.ctx().pixels_per_point(),
            sector_titles,
            numbers_only: cx.presenting,
        };
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            self.cache = Some(build_cache(ui, key, cx.kompas, cx.theme));
        }
        let Some(cache) = &self.cache else { return };

        // 2. Hit test: one pointer widget over the whole compass; the geometry says which shape.
        // Not a Tab stop: keyboard and screen readers use the shapes' own widgets below.
        let area = ui.interact(square, Id::unique((SCOPE, "area")), Sense::CLICK);
        let name = format!("Kompas: {}", cx.kompas.meta.title);
        ui.ctx().accesskit_node_builder(area.id, |b| {
            b.set_role(egui::accesskit::Role::Image);
            b.set_label(name);
        });
        let hovered = ui
            .ctx()
            .pointer_hover_pos()
            // The compass's own rectangle, not the Ui's: what the Ui has allocated so far
            // depends on the containers around it.
            .filter(|_| {
                ui.rect_contains_pointer(rect) && crate::ui::widgets::pointer_has_moved(ui.ctx())
            })
            .and_then(|p| cache.layout.hit_test(p));

        // 3. Interact: a focusable widget per shape (keyboard, screen readers), clicks.
        let focused = interact::shapes(ui, cache, cx);
        interact::pointer(ui, cache, cx, &area, hovered);

        // 4. Paint from the cache and the theme.
        let state = paint::State::new(cache, cx, hovered, focused, &self.highlight);
        paint::compass(&ui.painter_at(rect), cache, cx, &state);
        if let Some(rollup) = cx.voortgang {
            progress::paint(&ui.painter_at(rect), cache, cx, rollup);
        }
        if cx.show_notes {
            self.badges.ui(ui, cache, cx);
        }
        interact::tooltip(ui, cache, cx, &area, hovered);
    }
}

/// More sectors than this, and the compass is shown as a list: a ring of 40 slivers still
/// carries numbers, more carry nothing readable.
pub(crate) const RING_MAX_SECTORS: usize = 40;

/// The compass as a list of its sectors, for a compass too flat for a ring: the einddoel as the
/// heading, why there is no ring, and every sector as a row that opens it.
fn list_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let root = kompas.root();
    let title = crate::ui::widgets::heading(
        ui,
        crate::ui::widgets::element_id("kop", &kompas.element(root).id),
        egui::RichText::new(&kompas.element(root).title)
            .size(24.0)
            .family(crate::ui::theme::bold()),
        1,
        theme,
    );
    cx.take_focus(&title, &kompas.element(root).id);
    let sectors = kompas.sectors();
    let level = sectors_word(kompas);
    ui.label(
        egui::RichText::new(format!(
            "{} {level} op het eerste niveau: te veel voor een kompasroos, dus hier als lijst.",
            sectors.len()
        ))
        .color(theme.text_muted),
    );
    ui.add_space(8.0);
    let row_h = ui.spacing().interact_size.y.max(22.0) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("sectorlijst")
        .auto_shrink(false)
        .show_rows(ui, row_h, sectors.len(), |ui, rows| {
            for &s in sectors.get(rows).unwrap_or_default() {
                let el = kompas.element(s);
                let number = el.label.as_deref().unwrap_or(el.id.as_str());
                let name = format!("{number} {}", el.title);
                let selected = cx.is_selected(&el.id);
                let resp = ui.add_sized(
                    [ui.available_width(), row_h - 6.0],
                    egui::Button::selectable(selected, name.as_str())
                        .right_text(kompas_count(kompas, s)),
                );
                crate::ui::widgets::as_navigation(ui, &resp, &name, selected);
                cx.take_focus(&resp, &el.id);
                if resp.clicked() {
                    cx.push(crate::ui::command::Command::Go(crate::nav::location_for(
                        kompas, s,
                    )));
                }
            }
        });
}

/// What the compass calls its sectors, in lower case ("hoofddoelen"; "onderdelen" without a
/// level name).
pub(super) fn sectors_word(kompas: &crate::model::Kompas) -> String {
    kompas
        .levels
        .get(1)
        .map_or_else(|| "onderdelen".to_owned(), |l| l.plural.to_lowercase())
}

/// "12 Thema's" under a sector, or nothing.
fn kompas_count(kompas: &crate::model::Kompas, ix: Ix) -> String {
    let n = kompas.children(ix).len();
    match kompas.levels.get(kompas.element(ix).depth + 1) {
        Some(l) if n > 0 => format!("{n} {}", if n == 1 { &l.name } else { &l.plural }),
        _ => String::new(),
    }
}
