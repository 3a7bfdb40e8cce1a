//! The compass's interaction: one focusable widget per shape in document order (what Tab,
//! the arrow keys and screen readers move through), activation by keyboard and pointer, and
//! the tooltip with the full text. Nothing here paints the compass itself.

use egui::{Event, EventFilter, Key, Rect, Response, Role, Sense, Ui, Vec2, WidgetInfo};

use super::SCOPE;
use super::cache::Cache;
use super::labels::wedge_text;
use super::layout::{Hit, Wedge};
use crate::model::{Ix, Kompas};
use crate::nav::{Location, location_for};
use crate::ui::command::Command;
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::{access_label, element_id};

/// The shape that has keyboard focus: its wedge (`None` for the centre).
pub(super) type Focused = Option<Option<usize>>;

/// Creates the focusable widget of every shape; takes a pending focus request, moves focus
/// with the arrow keys (once per frame) and opens what is activated. Returns the focused shape.
pub(super) fn shapes(ui: &mut Ui, cache: &Cache, cx: &mut ViewCtx<'_>) -> Focused {
    let kompas = cx.kompas;
    let layout = &cache.layout;
    let responses: Vec<(Option<usize>, Ix, Response)> = cache
        .tab_order
        .iter()
        .map(|&(w, ix)| {
            let rect = w.map_or(cache.core_label.rect, |w| cache.labels[w].rect);
            let wedge = w.map(|w| &layout.wedges[w]);
            let mut label = wedge_access_label(kompas, wedge, ix);
            if let Some(r) = cx.voortgang {
                label = format!(
                    "{label}. {}",
                    super::progress::sentence(kompas, r, wedge, ix)
                );
            }
            (w, ix, shape_widget(ui, kompas, ix, rect, &label))
        })
        .collect();
    let order: Vec<Ix> = responses.iter().map(|(_, ix, _)| *ix).collect();
    let mut focused = None;
    for (w, ix, resp) in &responses {
        let id = &kompas.element(*ix).id;
        if cx.focus_request.as_ref() == Some(id) {
            resp.request_focus();
            *cx.focus_request = None;
        }
        // A moved focus must not move again when its new owner is visited later in this loop.
        if resp.has_focus() && focused.is_none() {
            focused = Some(*w);
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
            if let Some(target) = arrow_target(ui, kompas, &order, *ix) {
                ui.memory_mut(|m| m.request_focus(element_id(SCOPE, &kompas.element(target).id)));
            }
        }
        if resp.clicked() {
            let wedge = w.map(|w| &layout.wedges[w]);
            cx.push(Command::Go(open_location(kompas, wedge, *ix)));
        }
    }
    focused
}

/// The pointer over the compass: the hand cursor over a shape, a click opens it.
pub(super) fn pointer(
    ui: &Ui,
    cache: &Cache,
    cx: &mut ViewCtx<'_>,
    area: &Response,
    hovered: Option<Hit>,
) {
    let Some(hit) = hovered else { return };
    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    if area.clicked() {
        let (ix, wedge) = hit_element(cache, cx.kompas, hit);
        cx.push(Command::Go(open_location(cx.kompas, wedge, ix)));
    }
}

fn hit_element<'a>(cache: &'a Cache, kompas: &Kompas, hit: Hit) -> (Ix, Option<&'a Wedge>) {
    match hit {
        Hit::Core => (kompas.root(), None),
        Hit::Wedge(i) => (cache.layout.wedges[i].ix, Some(&cache.layout.wedges[i])),
    }
}

/// The full text of the shape under the pointer, beside it.
pub(super) fn tooltip(
    ui: &Ui,
    cache: &Cache,
    cx: &ViewCtx<'_>,
    area: &Response,
    hovered: Option<Hit>,
) {
    let Some(hit) = hovered else { return };
    let kompas = cx.kompas;
    let (ix, wedge) = hit_element(cache, kompas, hit);
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
        let progress = cx.voortgang.map(|r| {
            (
                super::progress::sentence(kompas, r, wedge, ix),
                r.breakdown(ix),
            )
        });
        if let Some(w) = group {
            let (number, words) = wedge_text(kompas, w);
            ui.label(egui::RichText::new(number).strong());
            ui.label(format!("{words}: te veel om apart te tonen."));
            if let Some((sentence, _)) = &progress {
                ui.label(sentence);
            }
            ui.label(egui::RichText::new("Klik voor de lijst.").small());
            return;
        }
        ui.label(egui::RichText::new(kompas.short_name(ix)).strong());
        ui.label(&kompas.element(ix).title);
        if let Some((sentence, breakdown)) = &progress {
            ui.label(egui::RichText::new(sentence).strong());
            ui.label(egui::RichText::new(breakdown).small());
        }
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

/// Where activating a shape leads: the compass centre selects the einddoel, a shape opens its
/// element's page, and a group of siblings opens the page listing them all.
fn open_location(kompas: &Kompas, wedge: Option<&Wedge>, ix: Ix) -> Location {
    match wedge
        .filter(|w| w.count > 1)
        .and_then(|_| kompas.parent(ix))
    {
        // A run of sectors: the page of the root lists them all, at the first of the run.
        Some(root) if root == kompas.root() => Location {
            view: crate::nav::View::Page(kompas.element(root).id.clone()),
            selected: Some(kompas.element(ix).id.clone()),
        },
        Some(parent) => location_for(kompas, parent),
        None => location_for(kompas, ix),
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
                kompas.number(w.ix),
                kompas.number(w.last),
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
