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
    // A button, not a toggle button ("niet ingedrukt" on every card): the one shown is
    // marked selected.
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    if style.selected {
        ui.ctx()
            .accesskit_node_builder(response.id, |b| b.set_selected(true));
    }
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

/// Lists longer than this are drawn virtually (see [`VirtualRows`]).
pub const VIRTUAL_FROM_ROWS: usize = 60;

/// Heights of the rows of a long list, remembered between frames, so rows out of sight are
/// skipped (their space kept) instead of laid out: a list of 5 000 costs about what the
/// twenty rows on screen cost. Rows not yet seen count at the average height of those seen.
#[derive(Debug, Default)]
pub struct VirtualRows {
    key: u64,
    /// Height per row including the spacing after it (0 while unknown).
    heights: Vec<f32>,
}

impl VirtualRows {
    /// The key of the list of `ix`'s children at a width: another element or a resized
    /// window is another list.
    pub fn key_for(ix: Ix, width_px: f32) -> u64 {
        ix.index() as u64 * 4096 + width_px as u64
    }

    /// Draws rows `0..n` with `row`, skipping those outside the visible part of `ui` unless
    /// `always(i)` (a row holding the focus or the selection must exist to be focused).
    /// `estimate(i)` guesses a row's height before it was ever drawn (a good guess keeps a
    /// row scrolled to where it really is). `key` identifies the list; a new key forgets
    /// the heights.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        key: u64,
        n: usize,
        always: impl Fn(usize) -> bool,
        estimate: impl Fn(usize) -> f32,
        mut row: impl FnMut(&mut Ui, usize),
    ) {
        if self.key != key || self.heights.len() != n {
            self.key = key;
            self.heights = vec![0.0; n];
        }
        let spacing = ui.spacing().item_spacing.y;
        // A margin above and below, so rows are ready before they scroll into view.
        let visible = ui.clip_rect().expand2(egui::vec2(0.0, 300.0));
        for i in 0..n {
            let top = ui.cursor().top();
            let known = self.heights.get(i).copied().unwrap_or(0.0);
            let estimate = if known > 0.0 { known } else { estimate(i) };
            if always(i) || (top + estimate >= visible.top() && top <= visible.bottom()) {
                row(ui, i);
                let drawn = ui.cursor().top() - top;
                if let Some(h) = self.heights.get_mut(i) {
                    *h = drawn.max(1.0);
                }
            } else {
                ui.add_space((estimate - spacing).max(0.0));
            }
        }
    }
}

/// A link whose text wraps like a paragraph (egui's own link stays on one line): underlined
/// in the link colour, a pointing hand, and the role of a link for screen readers.
pub(crate) fn wrapped_link(ui: &mut Ui, text: &str, size: f32) -> Response {
    let color = ui.visuals().hyperlink_color;
    let resp = ui.add(
        egui::Label::new(
            egui::RichText::new(text)
                .size(size)
                .color(color)
                .underline(),
        )
        .sense(Sense::click())
        .wrap(),
    );
    resp.widget_info(|| WidgetInfo::labeled(Role::Link, true, text));
    if resp.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    resp
}

/// A heading: text that screen readers announce as a heading of `level` (1 for the view's
/// own title) and that can take keyboard focus, so opening a view can put focus on its title
/// instead of somewhere below it. Shows the focus ring when focused.
pub(crate) fn heading(
    ui: &mut Ui,
    id: Id,
    text: egui::RichText,
    level: usize,
    theme: &Theme,
) -> Response {
    let plain = text.text().to_owned();
    // Painted, not a Label: one node in the accessibility tree, the heading itself.
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        ui.available_width(),
        egui::TextStyle::Body,
    );
    let (rect, _) = ui.allocate_exact_size(galley.size(), Sense::hover());
    let resp = ui.interact(rect, id, Sense::focusable_noninteractive());
    ui.painter()
        .galley(rect.min, galley, ui.visuals().text_color());
    ui.ctx().accesskit_node_builder(resp.id, |b| {
        b.set_role(Role::Heading);
        b.set_level(level);
        b.set_label(plain);
    });
    if resp.has_focus() {
        ui.painter().rect_stroke(
            resp.rect.expand(3.0),
            CornerRadius::same(4),
            theme.focus_stroke(),
            StrokeKind::Outside,
        );
    }
    resp
}

/// A message that screen readers speak when it appears or changes, without moving focus (a
/// polite live region): search counts, the workshop position, "Opgeslagen".
pub(crate) fn live_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    let resp = ui.label(text);
    mark_live(ui.ctx(), resp.id);
    resp
}

/// Makes the widget `id` (drawn this frame) a polite live region.
pub(crate) fn mark_live(ctx: &egui::Context, id: Id) {
    ctx.accesskit_node_builder(id, |b| b.set_live(egui::accesskit::Live::Polite));
}

/// A heading that is not a tab stop (a group title in a list): a label that screen readers
/// announce as a heading of `level` and can jump to.
pub(crate) fn heading_label(ui: &mut Ui, text: egui::RichText, level: usize) -> Response {
    let plain = text.text().to_owned();
    let resp = ui.add(egui::Label::new(text).wrap());
    ui.ctx().accesskit_node_builder(resp.id, |b| {
        b.set_role(Role::Heading);
        b.set_level(level);
        b.set_label(plain);
    });
    resp
}

/// A navigation entry drawn as a selectable button (outline rows, page lists): a button named
/// `name`, the current one marked selected, not a toggle button that reads "niet ingedrukt".
pub(crate) fn as_navigation(ui: &Ui, resp: &Response, name: &str, selected: bool) {
    resp.widget_info(|| WidgetInfo::labeled(Role::Button, true, name));
    ui.ctx().accesskit_node_builder(resp.id, |b| {
        b.clear_toggled();
        if selected {
            b.set_selected(true);
        }
    });
}

/// The focus ring around `resp` when it has keyboard focus, for widgets that draw none.
pub(crate) fn focus_ring(ui: &Ui, resp: &Response, theme: &Theme) {
    if resp.has_focus() {
        ui.painter().rect_stroke(
            resp.rect.expand(2.0),
            CornerRadius::same(4),
            theme.focus_stroke(),
            StrokeKind::Outside,
        );
    }
}

/// The web addresses in `text` (words starting with `http://` or `https://`, without trailing
/// punctuation), in order, each once.
pub fn web_addresses(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_start_matches(['(', '<', '"', '\'']);
        if !(word.starts_with("http://") || word.starts_with("https://")) {
            continue;
        }
        let url = word.trim_end_matches(['.', ',', ';', ':', ')', '>', '"', '\'', '!', '?']);
        if url.len() > "https://".len() && !out.contains(&url) {
            out.push(url);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_found_without_their_punctuation() {
        let text = "Koppeling: https://www.freeplane.org/\nzie (http://x.org/a?b=1), en https://www.freeplane.org/.";
        assert_eq!(
            web_addresses(text),
            ["https://www.freeplane.org/", "http://x.org/a?b=1"]
        );
        assert!(web_addresses("geen adres, wel http:// alleen").is_empty());
    }
}

/// Draws `add_contents` on the window's own background: the window is cleared to `bg`
/// (`eframe::App::clear_color`) and nothing paints it again, which would cost a screenful of
/// pixels in every frame under a software renderer. The UI stack is still told the colour,
/// so scroll areas fade their edges into it.
pub(crate) fn on_window_background<R>(
    ui: &mut egui::Ui,
    bg: egui::Color32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let info = egui::UiStackInfo::default().with_frame(egui::Frame::NONE.fill(bg));
    ui.scope_builder(egui::UiBuilder::new().ui_stack_info(info), add_contents)
        .inner
}

/// Where the pointer stood when the app first saw it, until it moves or presses.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PointerStart {
    Unseen,
    At(egui::Pos2),
    Moved,
}

/// True once the pointer has moved (or pressed) since it was first seen over the app. A
/// pointer that merely rests where the window opens neither highlights a shape nor opens a
/// tooltip: on a projector a tooltip covered the compass until someone touched the mouse,
/// and its fade kept the app drawing for most of a second after start.
pub(crate) fn pointer_has_moved(ctx: &egui::Context) -> bool {
    let id = egui::Id::unique("kompas-pointer-start");
    let (now, pressed) = ctx.input(|i| (i.pointer.latest_pos(), i.pointer.any_down()));
    ctx.data_mut(|d| {
        let state = d.get_temp_mut_or_insert_with(id, || PointerStart::Unseen);
        let next = match (*state, now) {
            (PointerStart::Moved, _) => PointerStart::Moved,
            _ if pressed => PointerStart::Moved,
            (PointerStart::Unseen, Some(p)) => PointerStart::At(p),
            (PointerStart::At(first), Some(p)) if first != p => PointerStart::Moved,
            (other, _) => other,
        };
        *state = next;
        next == PointerStart::Moved
    })
}

/// No tooltip opens before the pointer has moved (see [`pointer_has_moved`]); after that,
/// egui's usual delay. Called once per frame before anything is drawn.
pub(crate) fn tooltips_wait_for_the_pointer(ctx: &egui::Context) {
    let delay = if pointer_has_moved(ctx) {
        crate::ui::theme::TOOLTIP_DELAY_S
    } else {
        f32::INFINITY
    };
    if ctx.global_style().interaction.tooltip_delay != delay {
        ctx.global_style_mut(|s| s.interaction.tooltip_delay = delay);
    }
}
