//! Small building blocks shared by the views: ids, clickable blocks, focus rings.

use egui::{
    Color32, CornerRadius, Id, Rect, Response, Role, Sense, Shape, Stroke, StrokeKind, Ui,
    WidgetInfo,
};

use crate::model::{Ix, Kompas, NodeId};
use crate::ui::theme::{CARD_RADIUS_PX, Theme};

/// The egui id of an element's widget in one view, stable across frames.
pub fn element_id(scope: &'static str, id: &NodeId) -> Id {
    Id::unique((scope, id.as_str()))
}

/// "Koers 1.3: Inwoners bereiken …": the accessible name of an element, with its full text.
pub fn access_label(kompas: &Kompas, ix: Ix) -> String {
    format!("{}: {}", kompas.short_name(ix), kompas.element(ix).title)
}

/// Looks of a [`clickable_block`].
#[derive(Clone, Copy, Debug)]
pub struct BlockStyle {
    /// Background.
    pub fill: Color32,
    /// Background when hovered.
    pub hover_fill: Color32,
    /// Border.
    pub border: Stroke,
    /// A bar on the left in this colour (the sector's), if any.
    pub accent: Option<Color32>,
    /// Drawn as selected (thicker border in the accent or focus colour).
    pub selected: bool,
    /// Inner margin.
    pub margin_px: f32,
}

/// A block of any contents that is one clickable, focusable widget with an accessible name.
/// Its background is painted behind the contents after they are laid out, so the block is as
/// tall as what it holds.
pub fn clickable_block(
    ui: &mut Ui,
    id: Id,
    theme: &Theme,
    style: BlockStyle,
    label: &str,
    add_contents: impl FnOnce(&mut Ui),
) -> Response {
    let bg = ui.painter().add(Shape::Noop);
    let accent_w = if style.accent.is_some() { 6.0 } else { 0.0 };
    let inner = egui::Frame::NONE
        .inner_margin(egui::Margin {
            left: (style.margin_px + accent_w) as i8,
            right: style.margin_px as i8,
            top: style.margin_px as i8,
            bottom: style.margin_px as i8,
        })
        .show(ui, |ui| {
            ui.style_mut().interaction.selectable_labels = false;
            ui.set_width(ui.available_width());
            add_contents(ui);
        });
    let rect = inner.response.rect;
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, style.selected, label));
    let radius = CornerRadius::same(CARD_RADIUS_PX);
    let fill = if response.hovered() {
        style.hover_fill
    } else {
        style.fill
    };
    let mut shapes = vec![Shape::rect_filled(rect, radius, fill)];
    if let Some(accent) = style.accent {
        let bar = Rect::from_min_max(rect.min, egui::pos2(rect.min.x + accent_w, rect.max.y));
        shapes.push(Shape::rect_filled(
            bar,
            CornerRadius {
                nw: CARD_RADIUS_PX,
                sw: CARD_RADIUS_PX,
                ne: 0,
                se: 0,
            },
            accent,
        ));
    }
    let border = if style.selected {
        Stroke::new(2.5, style.accent.unwrap_or(theme.focus))
    } else {
        style.border
    };
    shapes.push(Shape::rect_stroke(rect, radius, border, StrokeKind::Inside));
    if response.has_focus() {
        shapes.push(Shape::rect_stroke(
            rect.expand(2.0),
            radius,
            theme.focus_stroke(),
            StrokeKind::Outside,
        ));
    }
    ui.painter().set(bg, Shape::Vec(shapes));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

/// The standard card look in a theme, with an optional sector colour.
pub fn card_style(theme: &Theme, accent: Option<Color32>, selected: bool) -> BlockStyle {
    BlockStyle {
        fill: theme.card_bg,
        hover_fill: theme.surface_hover(theme.card_bg),
        border: Stroke::new(1.0, theme.card_border),
        accent,
        selected,
        margin_px: 12.0,
    }
}

/// The user's documents folder (else home, else the working folder): where exports go first.
pub fn documents_dir() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// The user's pictures folder, else [`documents_dir`].
pub fn pictures_dir() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.picture_dir().map(std::path::Path::to_path_buf))
        .unwrap_or_else(documents_dir)
}
