//! Level 1: the compass. The einddoel in the middle, the sectors around it, their children in
//! the outer ring; every shape is hoverable, clickable and reachable by keyboard and screen
//! reader. Geometry lives in [`crate::ui::compass_layout`]; this file fits labels and paints.

use std::sync::Arc;

use egui::{
    Color32, Event, EventFilter, FontId, Galley, Id, Key, Mesh, Pos2, Rect, Response, Role, Sense,
    Shape, Stroke, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use crate::model::{Ix, Kompas};
use crate::nav::{Location, location_for};
use crate::ui::command::Command;
use crate::ui::compass_layout::{CompassLayout, Hit, Proportions, Wedge};
use crate::ui::label_flow::{FlowLine, FlowShape, flow, flow_partial};
use crate::ui::theme::{self, MAX_LABEL_PX, MIN_LABEL_PX, Theme};
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::{access_label, element_id};

/// Widget-id scope of the compass's shapes.
pub const SCOPE: &str = "kompas";

/// A label flowed into its shape: lines of text, each centred in the width the shape has at
/// its height.
#[derive(Clone, Debug)]
struct FittedLabel {
    /// Each line: its top-left corner and its text.
    lines: Vec<(Pos2, Arc<Galley>)>,
    /// The box around the lines (also the shape's keyboard and screen-reader target).
    rect: Rect,
    /// Rotation of the text around each line's top-left corner: 0 for the usual horizontal
    /// lines, the radial direction for a single line in a wedge too thin for them.
    angle_rad: f32,
    /// How many words of the text are shown.
    words_shown: usize,
}

impl FittedLabel {
    fn empty(at: Pos2) -> Self {
        Self {
            lines: Vec::new(),
            rect: Rect::from_center_size(at, Vec2::splat(2.0)),
            angle_rad: 0.0,
            words_shown: 0,
        }
    }

    fn paint(&self, painter: &egui::Painter, color: Color32) {
        for (pos, galley) in &self.lines {
            if self.angle_rad == 0.0 {
                painter.galley(*pos, galley.clone(), color);
            } else {
                painter.add(
                    egui::epaint::TextShape::new(*pos, galley.clone(), color)
                        .with_angle(self.angle_rad),
                );
            }
        }
    }

    /// The corners of every line as drawn (rotated when the label is).
    #[cfg(test)]
    fn corners(&self) -> Vec<Pos2> {
        let rot = egui::emath::Rot2::from_angle(self.angle_rad);
        self.lines
            .iter()
            .flat_map(|(pos, g)| {
                let s = g.size();
                [
                    vec2(0.0, 0.0),
                    vec2(s.x, 0.0),
                    vec2(0.0, s.y),
                    vec2(s.x, s.y),
                ]
                .map(|v| *pos + rot * v)
            })
            .collect()
    }
}

/// Everything that only changes when the size, the theme or the compass changes.
struct Cache {
    key: CacheKey,
    layout: CompassLayout,
    outlines: Vec<Vec<Pos2>>,
    meshes: Vec<Mesh>,
    labels: Vec<FittedLabel>,
    core_label: FittedLabel,
    /// The shapes in document order (the tab order): `None` is the centre, else a wedge.
    tab_order: Vec<(Option<usize>, Ix)>,
}

#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    rect: Rect,
    theme: theme::ThemeKind,
    kompas_len: usize,
    kompas_root: String,
    pixels_per_point: f32,
}

/// The compass view; holds its layout cache between frames.
#[derive(Default)]
pub struct CompassView {
    cache: Option<Cache>,
    /// Annotated elements per outer-ring element, for the badges; with the notes generation
    /// it was counted for.
    badges: Option<(u64, Vec<(Ix, usize)>)>,
    /// Elements to highlight: the koersen of the trend hovered in the legend (last frame).
    highlight: Vec<Ix>,
}

/// Radius of a note badge outside the compass.
const BADGE_RADIUS_PX: f32 = 9.0;

/// For each element of the outer ring, how many elements at or below it have an annotation.
fn count_badges(kompas: &Kompas, notes: &crate::notes::NotesFile) -> Vec<(Ix, usize)> {
    let mut counts: std::collections::HashMap<Ix, usize> = std::collections::HashMap::new();
    for (id, a) in &notes.notes {
        if a.is_empty() {
            continue;
        }
        let Some(ix) = kompas.get(id) else { continue };
        if let Some(&at_ring) = kompas.path(ix).get(2) {
            *counts.entry(at_ring).or_default() += 1;
        }
    }
    let mut out: Vec<(Ix, usize)> = counts.into_iter().collect();
    out.sort_by_key(|(ix, _)| ix.index());
    out
}

impl CompassView {
    /// Draws the compass in the available space, with a legend beside it when there is room.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        let avail = ui.available_rect_before_wrap();
        let legend_w = (avail.width() - avail.height()).clamp(0.0, 420.0);
        let show_legend = legend_w >= 240.0;
        let compass_rect = if show_legend {
            Rect::from_min_max(avail.min, pos2(avail.max.x - legend_w, avail.max.y))
        } else {
            avail
        };
        self.compass_ui(ui, compass_rect, cx);
        if show_legend {
            let legend_rect =
                Rect::from_min_max(pos2(avail.max.x - legend_w, avail.min.y), avail.max)
                    .shrink(16.0);
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(legend_rect));
            let hovered = legend_ui(&mut child, cx);
            if hovered != self.highlight {
                self.highlight = hovered;
                ui.ctx().request_repaint();
            }
        }
        ui.allocate_rect(avail, Sense::hover());
    }

    fn compass_ui(&mut self, ui: &mut Ui, rect: Rect, cx: &mut ViewCtx<'_>) {
        let kompas = cx.kompas;
        let theme = cx.theme;
        // Room around the circle for the note badges.
        let side = rect.width().min(rect.height()) - 24.0 - 4.0 * BADGE_RADIUS_PX;
        if side < 50.0 {
            return;
        }
        let square = Rect::from_center_size(rect.center(), Vec2::splat(side));
        let pixels_per_point = ui.ctx().pixels_per_point();
        let root_title = &kompas.element(kompas.root()).title;
        // Compared field by field, so an unchanged frame allocates nothing.
        let fresh = self.cache.as_ref().is_some_and(|c| {
            c.key.rect == square
                && c.key.theme == theme.kind
                && c.key.kompas_len == kompas.len()
                && c.key.kompas_root == *root_title
                && c.key.pixels_per_point == pixels_per_point
        });
        if !fresh {
            let key = CacheKey {
                rect: square,
                theme: theme.kind,
                kompas_len: kompas.len(),
                kompas_root: root_title.clone(),
                pixels_per_point,
            };
            self.cache = Some(build_cache(ui, key, kompas, theme));
        }
        let Some(cache) = &self.cache else { return };
        let layout = &cache.layout;

        // Pointer: one widget over the whole compass; the hit test decides which shape.
        let area = ui.interact(square, Id::unique((SCOPE, "area")), Sense::click());
        let hovered = ui
            .ctx()
            .pointer_hover_pos()
            .filter(|_| ui.ui_contains_pointer())
            .and_then(|p| layout.hit_test(p));

        // Keyboard and screen readers: one focusable widget per shape, in document order.
        let mut responses: Vec<(Option<usize>, Ix, Response)> =
            Vec::with_capacity(layout.wedges.len() + 1);
        let root = kompas.root();
        for &(w, ix) in &cache.tab_order {
            let rect = w.map_or(cache.core_label.rect, |w| cache.labels[w].rect);
            let label = wedge_access_label(kompas, w.map(|w| &layout.wedges[w]), ix);
            responses.push((w, ix, shape_widget(ui, kompas, ix, rect, &label)));
        }

        let selected = cx.location.focus(kompas);
        let selected_wedges: Vec<usize> = selected
            .map(|s| kompas.path(s))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|ix| layout.wedge_of(ix))
            .collect();
        let highlighted: Vec<usize> = self
            .highlight
            .iter()
            .filter_map(|&ix| layout.wedge_of(ix))
            .collect();
        let painter = ui.painter_at(rect);

        // Shapes. While presenting with a sector in the spotlight, the others fade back.
        let faded = |ix: Ix| {
            cx.spotlight
                .is_some_and(|s| kompas.sector_of(ix) != Some(s))
        };
        for (i, w) in layout.wedges.iter().enumerate() {
            let base = theme.sector_fill(kompas.color(w.ix), w.ring);
            let mut mesh = cache.meshes[i].clone();
            let fill = if faded(w.ix) {
                Some(theme.faded(base))
            } else if hovered == Some(Hit::Wedge(i)) {
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
        let core_fill = theme.core_fill(kompas.element(root).color);
        let core_fill = if hovered == Some(Hit::Core) {
            theme.hovered(core_fill)
        } else {
            core_fill
        };
        painter.circle_filled(layout.center, layout.core_radius_px, core_fill);

        // The koersen of the trend hovered in the legend stand out.
        for (i, _) in layout.wedges.iter().enumerate() {
            if highlighted.contains(&i) {
                painter.add(Shape::closed_line(
                    cache.outlines[i].clone(),
                    Stroke::new(4.0, theme.focus),
                ));
            }
        }

        // Selection: the selected element and its ancestors get an outline.
        for (i, w) in layout.wedges.iter().enumerate() {
            if selected_wedges.contains(&i) {
                let ink = theme.text_on(theme.sector_fill(kompas.color(w.ix), w.ring));
                painter.add(Shape::closed_line(
                    cache.outlines[i].clone(),
                    Stroke::new(2.5, ink),
                ));
            }
        }

        // Labels.
        for (i, w) in layout.wedges.iter().enumerate() {
            let fill = theme.sector_fill(kompas.color(w.ix), w.ring);
            let ink = if faded(w.ix) {
                theme.faded_text(theme.faded(fill))
            } else {
                theme.text_on(fill)
            };
            cache.labels[i].paint(&painter, ink);
        }
        cache.core_label.paint(&painter, theme.text_on(core_fill));

        // Focus ring, keyboard movement (once per frame: a moved focus must not move again
        // when its new owner is visited later in this loop), activation.
        let order: Vec<Ix> = responses.iter().map(|(_, ix, _)| *ix).collect();
        let mut moved = false;
        for (w, ix, resp) in &responses {
            let id = &kompas.element(*ix).id;
            if cx.focus_request.as_ref() == Some(id) {
                resp.request_focus();
                *cx.focus_request = None;
            }
            if resp.has_focus() && !moved {
                ui.memory_mut(|m| {
                    m.set_focus_lock_filter(
                        resp.id,
                        EventFilter {
                            horizontal_arrows: true,
                            vertical_arrows: true,
                            ..Default::default()
                        },
                    );
                });
                let outline = match w {
                    Some(w) => cache.outlines[*w].clone(),
                    None => circle_points(layout.center, layout.core_radius_px, 64),
                };
                painter.add(Shape::closed_line(outline, theme.focus_stroke()));
                if let Some(target) = arrow_target(ui, kompas, &order, *ix) {
                    ui.memory_mut(|m| {
                        m.request_focus(element_id(SCOPE, &kompas.element(target).id))
                    });
                    moved = true;
                }
            }
            if resp.clicked() {
                let wedge = w.map(|w| &layout.wedges[w]);
                cx.push(Command::Go(open_location(kompas, wedge, *ix)));
            }
        }

        // Note badges: how many elements under each koers have an annotation.
        if cx.show_notes {
            if self
                .badges
                .as_ref()
                .is_none_or(|(g, _)| *g != cx.notes_generation)
            {
                self.badges = Some((cx.notes_generation, count_badges(kompas, cx.notes)));
            }
            if let Some((_, badges)) = &self.badges {
                // Elements drawn as one group share one badge.
                let mut per_wedge: std::collections::BTreeMap<usize, (Ix, usize)> =
                    std::collections::BTreeMap::new();
                for &(ix, n) in badges {
                    if let Some(w) = layout.wedge_of(ix) {
                        per_wedge.entry(w).or_insert((layout.wedges[w].ix, 0)).1 += n;
                    }
                }
                for (&w, &(ix, n)) in &per_wedge {
                    let wedge = &layout.wedges[w];
                    let at = crate::ui::compass_layout::polar(
                        layout.center,
                        wedge.outer_px + BADGE_RADIUS_PX + 3.0,
                        wedge.mid_rad(),
                    );
                    painter.circle(at, BADGE_RADIUS_PX, theme.focus, Stroke::new(1.5, theme.bg));
                    painter.text(
                        at,
                        egui::Align2::CENTER_CENTER,
                        n.to_string(),
                        FontId::new(11.0, theme::condensed_bold()),
                        Color32::WHITE,
                    );
                    let r = Rect::from_center_size(at, Vec2::splat(2.0 * BADGE_RADIUS_PX));
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

        // Pointer clicks and the tooltip with the full text.
        if let Some(hit) = hovered {
            let (ix, wedge) = match hit {
                Hit::Core => (root, None),
                Hit::Wedge(i) => (layout.wedges[i].ix, Some(&layout.wedges[i])),
            };
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            if area.clicked() {
                cx.push(Command::Go(open_location(kompas, wedge, ix)));
            }
            let group = wedge.filter(|w| w.count > 1);
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                area.id,
                egui::PopupAnchor::Pointer,
            )
            .gap(14.0)
            .show(|ui| {
                ui.set_max_width(340.0);
                if let Some(w) = group {
                    let (number, words) = wedge_text(kompas, w);
                    ui.label(egui::RichText::new(number).strong());
                    ui.label(format!("{words}: te veel om apart te tonen."));
                    ui.label(egui::RichText::new("Klik voor de lijst.").small());
                    return;
                }
                ui.label(egui::RichText::new(kompas.short_name(ix)).strong());
                ui.label(&kompas.element(ix).title);
                if let Some(below) = kompas.levels.get(kompas.element(ix).depth + 1) {
                    let n = kompas.children(ix).len();
                    if n > 0 {
                        ui.label(
                            egui::RichText::new(format!(
                                "{n} {}",
                                if n == 1 { &below.name } else { &below.plural }
                            ))
                            .small(),
                        );
                    }
                }
            });
        }
    }
}

/// Where activating a shape leads: the compass centre selects the einddoel, a shape opens its
/// element's page, and a group of siblings opens the page listing them all.
fn open_location(kompas: &Kompas, wedge: Option<&Wedge>, ix: Ix) -> Location {
    match wedge
        .filter(|w| w.count > 1)
        .and_then(|_| kompas.parent(ix))
    {
        Some(parent) => location_for(kompas, parent),
        None => location_for(kompas, ix),
    }
}

fn number_of(kompas: &Kompas, ix: Ix) -> String {
    let el = kompas.element(ix);
    el.label.clone().unwrap_or_else(|| el.id.to_string())
}

/// The number and words a wedge shows: its element's, or for a group "1.1–1.67" and
/// "67 koersen".
fn wedge_text(kompas: &Kompas, w: &Wedge) -> (String, String) {
    if w.count > 1 {
        let plural = kompas
            .level(w.ix)
            .map_or_else(|| "elementen".to_owned(), |l| l.plural.to_lowercase());
        (
            format!("{}–{}", number_of(kompas, w.ix), number_of(kompas, w.last)),
            format!("{} {plural}", w.count),
        )
    } else {
        (number_of(kompas, w.ix), kompas.element(w.ix).title.clone())
    }
}

/// The accessible name of a wedge: the element's, or for a group what it holds.
fn wedge_access_label(kompas: &Kompas, w: Option<&Wedge>, ix: Ix) -> String {
    match w.filter(|w| w.count > 1) {
        Some(w) => {
            let plural = kompas
                .level(ix)
                .map_or_else(|| "Elementen".to_owned(), |l| l.plural.clone());
            format!(
                "{plural} {} t/m {} ({} stuks, te klein om apart te tonen)",
                number_of(kompas, w.ix),
                number_of(kompas, w.last),
                w.count
            )
        }
        None => access_label(kompas, ix),
    }
}

/// The focusable widget of one shape, named with the element's full text.
fn shape_widget(ui: &mut Ui, kompas: &Kompas, ix: Ix, rect: Rect, label: &str) -> Response {
    let id = element_id(SCOPE, &kompas.element(ix).id);
    let rect = if rect.area() < 4.0 {
        Rect::from_center_size(rect.center(), Vec2::splat(2.0))
    } else {
        rect
    };
    let resp = ui.interact(rect, id, Sense::click());
    resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    resp
}

/// Arrow keys on a focused shape: ←/→ go round its ring, ↑ to the element it belongs to
/// (inward), ↓ to its first child (outward). Tab follows document order.
fn arrow_target(ui: &Ui, kompas: &Kompas, on_compass: &[Ix], ix: Ix) -> Option<Ix> {
    let pressed = |k: Key| {
        ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(e, Event::Key { key, pressed: true, modifiers, .. } if *key == k && !modifiers.any())
            })
        })
    };
    let depth = kompas.element(ix).depth;
    let ring: Vec<Ix> = on_compass
        .iter()
        .copied()
        .filter(|&o| kompas.element(o).depth == depth)
        .collect();
    let pos = ring.iter().position(|&o| o == ix)?;
    if pressed(Key::ArrowRight) {
        return ring.get((pos + 1) % ring.len()).copied();
    }
    if pressed(Key::ArrowLeft) {
        return ring.get((pos + ring.len() - 1) % ring.len()).copied();
    }
    if pressed(Key::ArrowUp) {
        return kompas.parent(ix);
    }
    if pressed(Key::ArrowDown) {
        return kompas
            .children(ix)
            .first()
            .copied()
            .filter(|c| on_compass.contains(c));
    }
    None
}

fn circle_points(center: Pos2, r: f32, n: usize) -> Vec<Pos2> {
    (0..n)
        .map(|i| {
            crate::ui::compass_layout::polar(center, r, std::f32::consts::TAU * i as f32 / n as f32)
        })
        .collect()
}

fn build_cache(ui: &Ui, key: CacheKey, kompas: &Kompas, theme: &Theme) -> Cache {
    let radius = key.rect.width() / 2.0;
    let layout = CompassLayout::new(kompas, key.rect.center(), radius, Proportions::default());
    let steps_per_rad = (radius / 6.0).clamp(12.0, 80.0);
    let outlines: Vec<_> = layout
        .wedges
        .iter()
        .map(|w| w.outline(layout.center, steps_per_rad))
        .collect();
    let meshes = layout
        .wedges
        .iter()
        .map(|w| {
            wedge_mesh(
                w,
                layout.center,
                steps_per_rad,
                theme.sector_fill(kompas.color(w.ix), w.ring),
            )
        })
        .collect();
    let mut labels: Vec<Option<FittedLabel>> = vec![None; layout.wedges.len()];
    for ring in 0..2 {
        for (i, label) in fit_ring(ui, kompas, &layout, ring) {
            if let Some(slot) = labels.get_mut(i) {
                *slot = Some(label);
            }
        }
    }
    let labels = labels
        .into_iter()
        .map(|l| l.unwrap_or_else(|| FittedLabel::empty(layout.center)))
        .collect();
    let core_shape = FlowShape::disk(layout.center, layout.core_radius_px, 10.0);
    let core_label = fit_label(
        ui,
        &core_shape,
        None,
        &kompas.element(kompas.root()).title,
        true,
        MAX_LABEL_PX + 6.0,
        false,
    )
    .label;
    let mut tab_order = vec![(None, kompas.root())];
    for &s in kompas.sectors() {
        tab_order.extend(layout.wedge_of(s).map(|w| (Some(w), s)));
        for &c in kompas.children(s) {
            // A group is one stop, at its first element.
            tab_order.extend(
                layout
                    .wedge_of(c)
                    .filter(|&w| layout.wedges[w].ix == c)
                    .map(|w| (Some(w), c)),
            );
        }
    }
    Cache {
        key,
        tab_order,
        layout,
        outlines,
        meshes,
        labels,
        core_label,
    }
}

/// A filled annular sector as a triangle strip (egui's polygon fill needs convex shapes).
fn wedge_mesh(w: &Wedge, center: Pos2, steps_per_rad: f32, color: Color32) -> Mesh {
    let steps = ((w.span_rad() * steps_per_rad).ceil() as u32).max(2);
    let mut mesh = Mesh::default();
    for i in 0..=steps {
        let a = w.start_rad + w.span_rad() * i as f32 / steps as f32;
        mesh.colored_vertex(
            crate::ui::compass_layout::polar(center, w.inner_px, a),
            color,
        );
        mesh.colored_vertex(
            crate::ui::compass_layout::polar(center, w.outer_px, a),
            color,
        );
        if i > 0 {
            let b = 2 * i;
            mesh.add_triangle(b - 2, b - 1, b);
            mesh.add_triangle(b - 1, b + 1, b);
        }
    }
    mesh
}

/// The words of a label, split after hyphens so "Leidschendam-Voorburg" can wrap as the
/// document's own hyphen allows; `glued` marks a piece that follows its predecessor without a
/// space.
#[derive(Clone, Debug, PartialEq)]
struct Token {
    text: String,
    glued: bool,
}

fn tokens(number: Option<&str>, title: &str) -> Vec<Token> {
    let mut out: Vec<Token> = number
        .map(|n| Token {
            text: n.to_owned(),
            glued: false,
        })
        .into_iter()
        .collect();
    for word in title.split_whitespace() {
        let mut glued = false;
        let mut rest = word;
        while let Some(pos) = rest.find('-').filter(|&p| p > 0 && p + 1 < rest.len()) {
            out.push(Token {
                text: rest[..=pos].to_owned(),
                glued,
            });
            glued = true;
            rest = &rest[pos + 1..];
        }
        out.push(Token {
            text: rest.to_owned(),
            glued,
        });
    }
    out
}

/// A fitted label and the size it got, so a ring can settle on one size.
struct Fit {
    label: FittedLabel,
    size_px: f32,
}

/// Flows `number` (bold; on its own line when `number_alone`) and `title` into `shape` at the
/// largest legible size up to `max_px` that fits; when nothing fits at the smallest size, as
/// many whole words as fit, then "…".
fn fit_label(
    ui: &Ui,
    shape: &FlowShape,
    number: Option<&str>,
    title: &str,
    bold: bool,
    max_px: f32,
    number_alone: bool,
) -> Fit {
    let words = tokens(number, title);
    let family = |i: usize| {
        if bold || (number.is_some() && i == 0) {
            theme::condensed_bold()
        } else {
            theme::condensed()
        }
    };
    let measure = |text: &str, size: f32, i: usize| -> Arc<Galley> {
        ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                FontId::new(size, family(i)),
                Color32::PLACEHOLDER,
            )
        })
    };
    let metrics = |size: f32, words: &[Token]| {
        let line_px = ui
            .ctx()
            .fonts_mut(|f| f.row_height(&FontId::new(size, theme::condensed())));
        let space_px = measure("x x", size, 1).size().x - 2.0 * measure("x", size, 1).size().x;
        let widths: Vec<f32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| measure(&w.text, size, i).size().x)
            .collect();
        let spaces: Vec<f32> = words
            .iter()
            .map(|w| if w.glued { 0.0 } else { space_px })
            .collect();
        (line_px, widths, spaces)
    };
    let first_alone = number.is_some() && number_alone;
    let mut size = max_px.floor();
    while size >= MIN_LABEL_PX {
        let (line_px, widths, spaces) = metrics(size, &words);
        if let Some(lines) = flow(shape, &widths, &spaces, line_px, first_alone) {
            return Fit {
                label: assemble(ui, &lines, &words, size, &family),
                size_px: size,
            };
        }
        size -= 1.0;
    }
    // The number beside the text instead of above it gives the text one more line.
    let size = MIN_LABEL_PX;
    let (line_px, widths, spaces) = metrics(size, &words);
    if first_alone && let Some(lines) = flow(shape, &widths, &spaces, line_px, false) {
        return Fit {
            label: assemble(ui, &lines, &words, size, &family),
            size_px: size,
        };
    }
    // Cut off: the longest run of whole words that fits with an ellipsis after it.
    let (_, placed) = flow_partial(shape, &widths, &spaces, line_px, first_alone);
    if placed <= 2 {
        // Only the number would show (a long first word, "Leidschendam-"): a smaller size
        // that shows the words is better than the number alone.
        let mut small = MIN_LABEL_PX - 1.0;
        while small >= theme::LAST_RESORT_LABEL_PX {
            let (line_px, widths, spaces) = metrics(small, &words);
            if let Some(lines) = flow(shape, &widths, &spaces, line_px, false) {
                return Fit {
                    label: assemble(ui, &lines, &words, small, &family),
                    size_px: small,
                };
            }
            small -= 1.0;
        }
    }
    for keep in (1..=placed.min(words.len())).rev() {
        let mut cut: Vec<Token> = words.iter().take(keep).cloned().collect();
        if keep < words.len()
            && keep > 1
            && let Some(last) = cut.last_mut()
        {
            last.text.push('…');
        }
        let (_, cut_widths, cut_spaces) = metrics(size, &cut);
        if let Some(lines) = flow(shape, &cut_widths, &cut_spaces, line_px, first_alone) {
            return Fit {
                label: assemble(ui, &lines, &cut, size, &family),
                size_px: size,
            };
        }
    }
    Fit {
        label: FittedLabel::empty(shape.anchor()),
        size_px: size,
    }
}

/// A single line along the radius, for a wedge too thin for horizontal lines: it reads
/// outward on the right half of the compass and inward on the left, so it is never upside
/// down. Shows as many whole words as fit, then "…".
fn fit_radial(ui: &Ui, w: &Wedge, center: Pos2, number: &str, title: &str) -> Option<FittedLabel> {
    let font = FontId::new(MIN_LABEL_PX, theme::condensed());
    let line_px = ui.ctx().fonts_mut(|f| f.row_height(&font));
    let margin = 2.0;
    // Only where the wedge is at least a line (plus margins) wide.
    let r_from = (w.inner_px + margin).max((line_px + 2.0 * margin) / w.span_rad().max(1e-3));
    let r_to = w.outer_px - margin;
    let room = r_to - r_from;
    if room < 2.0 * line_px {
        return None;
    }
    let words: Vec<&str> = std::iter::once(number)
        .chain(title.split_whitespace())
        .collect();
    let measure = |text: String| {
        ui.ctx()
            .fonts_mut(|f| f.layout_no_wrap(text, font.clone(), Color32::PLACEHOLDER))
    };
    let mut shown = words.len();
    let galley = loop {
        let mut text = words.get(..shown).unwrap_or_default().join(" ");
        // "1.1…" would read as a number; the number alone reads as a label.
        if shown < words.len() && shown > 1 {
            text.push('…');
        }
        let g = measure(text);
        if g.size().x <= room || shown <= 1 {
            break g;
        }
        shown -= 1;
    };
    if galley.size().x > room {
        return None;
    }
    let a = w.mid_rad();
    let outward = vec2(a.sin(), -a.cos());
    let (dir, angle) = if a <= std::f32::consts::PI {
        (outward, outward.y.atan2(outward.x))
    } else {
        (-outward, (-outward.y).atan2(-outward.x))
    };
    let mid = crate::ui::compass_layout::polar(center, (r_from + r_to) / 2.0, a);
    let normal = vec2(-dir.y, dir.x);
    let pos = mid - dir * (galley.size().x / 2.0) - normal * (galley.size().y / 2.0);
    Some(FittedLabel {
        lines: vec![(pos, galley)],
        rect: Rect::from_center_size(mid, Vec2::splat(6.0)),
        angle_rad: angle,
        words_shown: shown,
    })
}

/// Fits every label of one ring at one calm size: at most two points above the smallest
/// size the ring needs, so neighbouring shapes do not shout at different volumes.
fn fit_ring(
    ui: &Ui,
    kompas: &Kompas,
    layout: &CompassLayout,
    ring: usize,
) -> Vec<(usize, FittedLabel)> {
    let shapes: Vec<(usize, FlowShape, String, String)> = layout
        .ring(ring)
        .map(|i| {
            let w = &layout.wedges[i];
            let (number, title) = wedge_text(kompas, w);
            (i, FlowShape::of_wedge(w, layout.center, 4.0), number, title)
        })
        .collect();
    let first: Vec<Fit> = shapes
        .iter()
        .map(|(_, shape, number, title)| {
            // The outer ring has room to set the number apart; the sector ring needs the line.
            fit_label(
                ui,
                shape,
                Some(number),
                title,
                false,
                MAX_LABEL_PX,
                ring > 0,
            )
        })
        .collect();
    let calm = first.iter().map(|f| f.size_px).fold(MAX_LABEL_PX, f32::min) + 2.0;
    shapes
        .iter()
        .zip(first)
        .map(|((i, shape, number, title), fit)| {
            let label = if fit.size_px > calm {
                fit_label(ui, shape, Some(number), title, false, calm, ring > 0).label
            } else {
                fit.label
            };
            let total = 1 + title.split_whitespace().count();
            let label = if label.words_shown < total.min(3) {
                // Too thin for lines across: one line along the radius, if it shows more.
                fit_radial(ui, &layout.wedges[*i], layout.center, number, title)
                    .filter(|r| r.words_shown > label.words_shown)
                    .unwrap_or(label)
            } else {
                label
            };
            (*i, label)
        })
        .collect()
}

/// Turns flowed lines into galleys placed on the canvas.
fn assemble(
    ui: &Ui,
    lines: &[FlowLine],
    words: &[Token],
    size: f32,
    family: &dyn Fn(usize) -> egui::FontFamily,
) -> FittedLabel {
    let mut out = Vec::with_capacity(lines.len());
    let mut rect = Rect::NOTHING;
    for line in lines {
        // Each word in its own font (the number bold), as it was measured.
        let mut job = egui::text::LayoutJob::default();
        for i in line.words.clone() {
            let Some(w) = words.get(i) else { continue };
            let format = egui::TextFormat {
                font_id: FontId::new(size, family(i)),
                color: Color32::PLACEHOLDER,
                ..Default::default()
            };
            if i > line.words.start && !w.glued {
                job.append(
                    " ",
                    0.0,
                    egui::TextFormat {
                        font_id: FontId::new(size, family(i.max(1))),
                        ..format.clone()
                    },
                );
            }
            job.append(&w.text, 0.0, format);
        }
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        let pos = pos2(line.center_x - galley.size().x / 2.0, line.top_px);
        rect = rect.union(Rect::from_min_size(pos, galley.size()));
        out.push((pos, galley));
    }
    let words_shown = lines.last().map_or(0, |l| l.words.end);
    FittedLabel {
        lines: out,
        rect,
        angle_rad: 0.0,
        words_shown,
    }
}

/// The legend beside the compass: the sectors with their colours and full titles, and the
/// trends (hover one to see the koersen it feeds). Returns the elements to highlight.
fn legend_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>) -> Vec<Ix> {
    let kompas = cx.kompas;
    let theme = cx.theme;
    ui.style_mut().interaction.selectable_labels = false;
    ui.add_space(8.0);
    ui.label(egui::RichText::new(&kompas.meta.title).heading());
    if !kompas.meta.municipality.is_empty() {
        ui.label(
            egui::RichText::new(format!("Gemeente {}", kompas.meta.municipality))
                .color(theme.text_muted),
        );
    }
    ui.add_space(12.0);
    let sector_level = kompas.levels.get(1).map_or("Sector", |l| l.plural.as_str());
    ui.label(egui::RichText::new(sector_level).strong());
    ui.add_space(4.0);
    for &s in kompas.sectors() {
        let el = kompas.element(s);
        ui.horizontal_top(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
            ui.painter()
                .rect_filled(r, 4.0, theme.sector_fill(kompas.color(s), 0));
            ui.painter().rect_stroke(
                r,
                4.0,
                Stroke::new(1.0, theme.card_border),
                egui::StrokeKind::Inside,
            );
            let number = el.label.as_deref().unwrap_or(el.id.as_str());
            ui.add(egui::Label::new(format!("{number}. {}", el.title)).wrap());
        });
        ui.add_space(6.0);
    }
    let mut highlight = Vec::new();
    if !kompas.content.trends.is_empty() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new("Trends").strong());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` inside a real egui frame with the app's fonts.
    fn with_ui(size: Vec2, f: impl FnOnce(&mut Ui)) {
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..Default::default()
        };
        // Fonts are loaded on the first pass; fit on the second.
        ctx.run_ui(input.clone(), |_| {}).textures_delta.clear();
        let mut f = Some(f);
        ctx.run_ui(input, |ui| {
            if let Some(f) = f.take() {
                f(ui);
            }
        })
        .textures_delta
        .clear();
    }

    #[test]
    fn labels_fit_inside_their_wedges_at_every_window_size() {
        let kompas = crate::load::load_embedded().unwrap().kompas;
        let theme = Theme::new(theme::ThemeKind::Licht);
        for (w, h) in [
            (800.0, 600.0),
            // 1280×720 less the app's bars: the compass the window actually shows.
            (1280.0, 640.0),
            (1280.0, 720.0),
            (1920.0, 1080.0),
            (3840.0, 2160.0),
        ] {
            with_ui(vec2(w, h), |ui| {
                let side = h - 100.0;
                let key = CacheKey {
                    rect: Rect::from_center_size(
                        pos2(side / 2.0, side / 2.0 + 50.0),
                        Vec2::splat(side),
                    ),
                    theme: theme.kind,
                    kompas_len: kompas.len(),
                    kompas_root: String::new(),
                    pixels_per_point: 1.0,
                };
                let cache = build_cache(ui, key, &kompas, &theme);
                for (i, wedge) in cache.layout.wedges.iter().enumerate() {
                    let l = &cache.labels[i];
                    let id = &kompas.element(wedge.ix).id;
                    assert!(!l.lines.is_empty(), "{w}x{h}: {id} has no label");
                    // Every corner of every line lies inside its own wedge: nothing overlaps
                    // another shape, nothing is clipped.
                    for (pos, galley) in &l.lines {
                        let r = Rect::from_min_size(*pos, galley.size());
                        for c in [
                            r.left_top(),
                            r.right_top(),
                            r.left_bottom(),
                            r.right_bottom(),
                        ] {
                            let inside = Wedge {
                                inner_px: wedge.inner_px - 0.5,
                                outer_px: wedge.outer_px + 0.5,
                                ..*wedge
                            };
                            assert!(
                                inside.contains(cache.layout.center, c)
                                    || wedge.end_rad >= std::f32::consts::TAU - 1e-3,
                                "{w}x{h}: label of {id} leaves its wedge at {c:?}"
                            );
                        }
                    }
                    let size = l.lines[0].1.job.sections[0].format.font_id.size;
                    assert!(
                        size >= theme::LAST_RESORT_LABEL_PX,
                        "{w}x{h}: {id} at {size}px"
                    );
                    // More than the number: at least one word of the title shows (at 800×600
                    // "Leidschendam-" is wider than hoofddoel 3's ring even at 9 px).
                    assert!(
                        h < 640.0 || l.words_shown >= 2,
                        "{w}x{h}: {id} shows only its number"
                    );
                }
                if h >= 1080.0 {
                    // At full HD every koers title fits whole.
                    for (i, wedge) in cache.layout.wedges.iter().enumerate() {
                        if wedge.ring == 1 {
                            let last = cache.labels[i].lines.last().unwrap().1.text().to_owned();
                            assert!(
                                !last.ends_with('…'),
                                "{w}x{h}: {} cut off",
                                kompas.element(wedge.ix).id
                            );
                        }
                    }
                }
            });
        }
    }

    #[test]
    fn any_compass_shape_gets_a_label_in_every_shape() {
        let theme = Theme::new(theme::ThemeKind::Licht);
        for (sectors, koersen) in [(3, 2), (3, 10), (6, 2), (6, 10)] {
            let spec = crate::generate::Spec {
                sectors,
                fanout: vec![koersen, 3],
                seed: 3,
            };
            let kompas = crate::generate::synthetic(&spec);
            with_ui(vec2(800.0, 600.0), |ui| {
                let key = CacheKey {
                    rect: Rect::from_min_size(pos2(20.0, 60.0), Vec2::splat(500.0)),
                    theme: theme.kind,
                    kompas_len: kompas.len(),
                    kompas_root: String::new(),
                    pixels_per_point: 1.0,
                };
                let cache = build_cache(ui, key, &kompas, &theme);
                assert_eq!(cache.layout.ring(0).count(), sectors);
                assert_eq!(cache.layout.ring(1).count(), sectors * koersen);
                for (i, wedge) in cache.layout.wedges.iter().enumerate() {
                    let l = &cache.labels[i];
                    assert!(
                        !l.lines.is_empty(),
                        "{sectors}x{koersen}: {} unlabelled",
                        kompas.element(wedge.ix).id
                    );
                    let slack = Wedge {
                        inner_px: wedge.inner_px - 0.5,
                        outer_px: wedge.outer_px + 0.5,
                        ..*wedge
                    };
                    for c in l.corners() {
                        assert!(
                            slack.contains(cache.layout.center, c)
                                || wedge.end_rad >= std::f32::consts::TAU - 1e-3,
                            "{sectors}x{koersen}: label of {} leaves its wedge",
                            kompas.element(wedge.ix).id
                        );
                    }
                }
                assert_eq!(cache.tab_order.len(), 1 + sectors + sectors * koersen);
            });
        }
    }
}
