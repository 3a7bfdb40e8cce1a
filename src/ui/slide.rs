//! Presenting a page or one part of a kaart as slides: the step's title in a band at the top
//! of every slide, and below it the text at presenting size, split into as many slides as it
//! needs ("1/2" in the position strip) so nothing is hidden below the fold.
//!
//! [`paginate`] is the pure geometry (rows of known height into pages of known height);
//! [`ui`] measures the text, asks it for the pages and paints the one shown.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, FontId, Galley, RichText, Sense, Ui};

use crate::model::Ix;
use crate::nav::{Location, View};
use crate::ui::theme::{self, mix};
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::element_id;

/// Body text of a slide in points (24 px and more at 1280×720 with the presenting zoom).
const BODY_PT: f32 = 16.0;
/// A note under an inspanning (notes shown with N).
const NOTE_PT: f32 = 15.0;
/// The line over the title ("Koers 1.1 › Hoofdinspanning A").
const CONTEXT_PT: f32 = 15.0;
/// The step's title.
const TITLE_PT: f32 = 24.0;
/// The smallest a long title steps down to on a small screen (still larger than the body).
const TITLE_MIN_PT: f32 = 19.0;
/// The share of the screen's height a title may take before it steps down.
const TITLE_MAX_SHARE: f32 = 0.3;
/// Indent per level of a list, and of a note under its entry.
const INDENT_PT: f32 = 22.0;
/// Space between paragraphs and entries.
const GAP_PT: f32 = 10.0;

/// Which page of the step shown is on screen, and how many it has.
#[derive(Debug, Default)]
pub struct Paging {
    /// The page shown (from 0).
    page: usize,
    /// Pages of the step, as last measured.
    pages: usize,
    /// The step these belong to; another step starts at its first page.
    of: Option<Location>,
    /// Arrived backwards: show the last page once it is measured.
    from_end: bool,
}

impl Paging {
    /// Records that `loc` has `pages` pages and returns the one to show, and whether that
    /// changed what the position strip says (drawn earlier in the frame).
    pub fn sync(&mut self, loc: &Location, pages: usize) -> (usize, bool) {
        let before = (self.page, self.pages, self.of.as_ref() == Some(loc));
        if self.of.as_ref() != Some(loc) {
            self.of = Some(loc.clone());
            self.page = 0;
            self.from_end = false;
        }
        self.pages = pages.max(1);
        // Until the user turns a page: the count can still change while the zoom settles.
        if self.from_end {
            self.page = self.pages - 1;
        }
        self.page = self.page.min(self.pages - 1);
        (self.page, before != (self.page, self.pages, true))
    }

    /// "2/3" when `loc` is the step measured and it has more than one page.
    pub fn label(&self, loc: &Location) -> Option<String> {
        (self.of.as_ref() == Some(loc) && self.pages > 1)
            .then(|| format!("{}/{}", self.page + 1, self.pages))
    }

    /// Turns to the next page of `loc`; false when it has none (then step on).
    pub fn next(&mut self, loc: &Location) -> bool {
        let turn = self.of.as_ref() == Some(loc) && self.page + 1 < self.pages;
        self.from_end = false;
        if turn {
            self.page += 1;
        }
        turn
    }

    /// Turns back a page of `loc`; false on its first page (then step back).
    pub fn previous(&mut self, loc: &Location) -> bool {
        let turn = self.of.as_ref() == Some(loc) && self.page > 0;
        self.from_end = false;
        if turn {
            self.page -= 1;
        }
        turn
    }

    /// Arriving at `loc` backwards: its last page is shown (clamped once it is measured).
    pub fn arrive_at_end(&mut self, loc: &Location) {
        self.of = Some(loc.clone());
        self.page = 0;
        self.pages = 1;
        self.from_end = true;
    }
}

/// A block of text to flow onto slides: the height of each of its rows, the space before it,
/// and whether it should rather move to the next slide whole than be split.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Space above the block (dropped at the top of a slide).
    pub gap_before: f32,
    /// Height of each row.
    pub rows: Vec<f32>,
    /// A short entry: moved whole to the next slide when it does not fit (still split when
    /// it is taller than a whole slide).
    pub keep_together: bool,
}

/// The rows of one block on one slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slice {
    /// Which block.
    pub block: usize,
    /// Its rows on this slide.
    pub rows: Range<usize>,
}

/// Flows `blocks` onto slides of `page_height`: in order, every row once, a slide never
/// taller than `page_height` unless one row alone is. Always at least one (maybe empty) slide.
pub fn paginate(blocks: &[Block], page_height: f32) -> Vec<Vec<Slice>> {
    let mut pages: Vec<Vec<Slice>> = vec![Vec::new()];
    let mut y = 0.0_f32;
    for (b, block) in blocks.iter().enumerate() {
        let total: f32 = block.rows.iter().sum();
        let mut gap = if y > 0.0 { block.gap_before } else { 0.0 };
        if block.keep_together && y > 0.0 && y + gap + total > page_height && total <= page_height {
            pages.push(Vec::new());
            y = 0.0;
            gap = 0.0;
        }
        y += gap;
        let mut start = 0;
        for (r, h) in block.rows.iter().enumerate() {
            if y + h > page_height && y > 0.0 {
                if r > start
                    && let Some(p) = pages.last_mut()
                {
                    p.push(Slice {
                        block: b,
                        rows: start..r,
                    });
                }
                pages.push(Vec::new());
                y = 0.0;
                start = r;
            }
            y += h;
        }
        if block.rows.len() > start
            && let Some(p) = pages.last_mut()
        {
            p.push(Slice {
                block: b,
                rows: start..block.rows.len(),
            });
        }
    }
    pages
}

/// Like [`paginate`], with the slides evenly filled: as few slides as `page_height` allows,
/// each as short as still gives that many (six entries make three and three, not five and
/// one).
pub fn paginate_balanced(blocks: &[Block], page_height: f32) -> Vec<Vec<Slice>> {
    let pages = paginate(blocks, page_height);
    if pages.len() < 2 {
        return pages;
    }
    let (mut lo, mut hi) = (page_height / pages.len() as f32, page_height);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if paginate(blocks, mid).len() > pages.len() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    paginate(blocks, hi)
}

/// What a block shows.
struct Part {
    /// The element it belongs to (focus and screen readers).
    element: Option<Ix>,
    /// Indent in points.
    indent: f32,
    /// A bullet in this colour before its first row.
    bullet: Option<Color32>,
    /// Highlighted (the selected entry).
    selected: bool,
    /// What screen readers call it: a paragraph, a list item, a note.
    role: egui::accesskit::Role,
    galley: Arc<Galley>,
}

/// Draws the step `loc` of element `ix` (a page, or the part of a kaart it selects) as the
/// slide `paging` says, and records how many slides it takes.
pub fn ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix, paging: &mut Paging) {
    let kompas = cx.kompas;
    let loc = cx.location.clone();
    // A kaart shows the part holding the selection (its first part when none does).
    let subject = match &loc.view {
        View::Kaart(_) => {
            let path = loc
                .focus(kompas)
                .map(|f| kompas.path(f))
                .unwrap_or_default();
            let parts = kompas.children(ix);
            parts
                .iter()
                .copied()
                .find(|p| path.contains(p))
                .or_else(|| parts.first().copied())
                .unwrap_or(ix)
        }
        _ => ix,
    };
    header_ui(ui, cx, subject);
    ui.add_space(GAP_PT);
    // Rows are placed exactly where paginate counted them.
    ui.spacing_mut().item_spacing.y = 0.0;
    let width = ui.available_width();
    let parts = parts(ui, cx, subject, matches!(loc.view, View::Kaart(_)), width);
    let blocks: Vec<Block> = parts.iter().map(block_of).collect();
    let pages = paginate_balanced(&blocks, ui.available_height().max(1.0));
    let (page, changed) = paging.sync(&loc, pages.len());
    if changed {
        ui.ctx().request_repaint();
    }
    for (i, slice) in pages.get(page).into_iter().flatten().enumerate() {
        let Some(part) = parts.get(slice.block) else {
            continue;
        };
        // The same spacing paginate counted: none at the top of a slide or inside a block.
        if i > 0 && slice.rows.start == 0 {
            ui.add_space(blocks[slice.block].gap_before);
        }
        slice_ui(ui, cx, part, slice.rows.clone());
    }
}

/// The rows' heights of a part: each row to the next one's top, the last to the galley's end.
fn block_of(part: &Part) -> Block {
    let rows = &part.galley.rows;
    let heights = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let next = rows
                .get(i + 1)
                .map_or(part.galley.rect.bottom(), |n| n.min_y());
            next - r.min_y()
        })
        .collect();
    Block {
        gap_before: if part.indent > 0.0 && part.bullet.is_none() {
            2.0
        } else {
            GAP_PT
        },
        rows: heights,
        keep_together: part.element.is_some(),
    }
}

/// The title band: where the step sits ("Hoofddoel 1 › Koers 1.1") over its title, a heading
/// that takes focus when the step opens.
fn header_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let el = kompas.element(ix);
    let fill = theme.sector_fill(kompas.color(ix), 0);
    let ink = theme.text_on(fill);
    let context = match kompas.parent(ix).filter(|&p| kompas.element(p).depth > 0) {
        Some(p) => format!("{} › {}", kompas.short_name(p), kompas.short_name(ix)),
        None => kompas.short_name(ix),
    };
    egui::Frame::NONE
        .fill(fill)
        .stroke(theme.band_stroke())
        .corner_radius(theme::CARD_RADIUS_PX)
        .inner_margin(egui::Margin::symmetric(16, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(context).size(CONTEXT_PT).strong().color(ink));
            // A long title on a small screen steps down rather than leave no room below it.
            let limit = ui.ctx().content_rect().height() * TITLE_MAX_SHARE;
            let mut size = TITLE_PT;
            while size > TITLE_MIN_PT
                && ui
                    .painter()
                    .layout(
                        el.title.clone(),
                        FontId::new(size, theme::bold()),
                        ink,
                        ui.available_width(),
                    )
                    .size()
                    .y
                    > limit
            {
                size -= 1.0;
            }
            let title = crate::ui::widgets::heading(
                ui,
                element_id("kop", &el.id),
                RichText::new(&el.title)
                    .size(size)
                    .family(theme::bold())
                    .color(ink),
                1,
                theme,
            );
            cx.take_focus(&title, &el.id);
        });
}

/// The blocks of a slide: a page's introduction (and its children when they have no kaart
/// of their own to show them), or a kaart part's entries with their notes.
fn parts(ui: &Ui, cx: &ViewCtx<'_>, ix: Ix, kaart: bool, width: f32) -> Vec<Part> {
    let kompas = cx.kompas;
    let theme = cx.theme;
    let painter = ui.painter();
    let body = FontId::proportional(BODY_PT);
    let text = |s: &str, font: FontId, color: Color32, indent: f32| {
        painter.layout(s.to_owned(), font, color, (width - indent).max(40.0))
    };
    let mut out = Vec::new();
    let accent = theme.legible_on(theme.sector_fill(kompas.color(ix), 0), theme.bg);
    if !kaart {
        for para in kompas
            .element(ix)
            .text
            .as_deref()
            .unwrap_or_default()
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            out.push(Part {
                element: None,
                indent: 0.0,
                bullet: None,
                selected: false,
                role: egui::accesskit::Role::Paragraph,
                galley: text(para, body.clone(), theme.text, 0.0),
            });
        }
        if crate::nav::has_kaart(kompas, ix) {
            return out;
        }
    }
    // The entries below, indented per level, each with its note when notes are shown.
    let mut stack: Vec<(Ix, usize)> = kompas.children(ix).iter().rev().map(|&c| (c, 0)).collect();
    while let Some((c, depth)) = stack.pop() {
        let el = kompas.element(c);
        let indent = INDENT_PT * (depth as f32 + 1.0);
        out.push(Part {
            element: Some(c),
            indent,
            bullet: Some(accent),
            selected: cx.is_selected(&el.id),
            role: egui::accesskit::Role::ListItem,
            galley: text(&el.title, body.clone(), theme.text, indent),
        });
        if cx.show_notes
            && let Some(note) = note_for_the_room(cx, c)
        {
            out.push(Part {
                element: None,
                indent: indent + INDENT_PT,
                bullet: None,
                selected: false,
                role: egui::accesskit::Role::Note,
                galley: text(
                    &note,
                    FontId::proportional(NOTE_PT),
                    theme.text_muted,
                    indent + INDENT_PT,
                ),
            });
        }
        stack.extend(kompas.children(c).iter().rev().map(|&g| (g, depth + 1)));
    }
    out
}

/// An entry's status and note text, as the room should read them (notes shown with N).
fn note_for_the_room(cx: &ViewCtx<'_>, ix: Ix) -> Option<String> {
    room_text(cx.notes.get(cx.kompas.element(ix).id.as_str())?)
}

/// An annotation's status and note as one line ("Status: gestart — tekst"); `None` when it
/// has neither. The slides and the presenter window say it alike.
pub(super) fn room_text(a: &crate::notes::Annotation) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(status) = &a.status {
        parts.push(format!("Status: {status}"));
    }
    if !a.note.trim().is_empty() {
        parts.push(a.note.trim().to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(" — "))
}

/// Paints `rows` of a part: the galley shifted up to its first row and clipped to them.
fn slice_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, part: &Part, rows: Range<usize>) {
    let galley = &part.galley;
    let (Some(first), Some(last)) = (galley.rows.get(rows.start), rows.end.checked_sub(1)) else {
        return;
    };
    let top = first.min_y();
    let bottom = galley
        .rows
        .get(rows.end)
        .map_or(galley.rect.bottom(), |n| n.min_y());
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, bottom - top), Sense::hover());
    let text_min = rect.min + egui::vec2(part.indent, 0.0);
    if part.selected {
        ui.painter().rect_filled(
            egui::Rect::from_min_max(
                text_min - egui::vec2(6.0, 2.0),
                rect.max + egui::vec2(0.0, 2.0),
            ),
            4.0,
            mix(cx.theme.focus, cx.theme.card_bg, 0.8),
        );
    }
    if let Some(color) = part.bullet.filter(|_| rows.start == 0) {
        let h = first.rect().height();
        ui.painter().circle_filled(
            text_min + egui::vec2(-12.0, h * 0.55),
            (h * 0.14).max(3.0),
            color,
        );
    }
    // Exactly the rows' band: the rows before and after it are on other slides.
    ui.painter()
        .with_clip_rect(rect.intersect(ui.clip_rect()))
        .galley(
            text_min - egui::vec2(0.0, top),
            galley.clone(),
            cx.theme.text,
        );
    // Screen readers read the rows on this slide; an entry can take focus when asked for.
    let text: String = galley.rows[rows.start..=last]
        .iter()
        .map(|r| r.row.text())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let id = match part.element {
        Some(e) => element_id("dia", &cx.kompas.element(e).id),
        None => ui.make_persistent_id(("dia-tekst", rect.min.y.to_bits())),
    };
    let resp = ui.interact(rect, id, Sense::focusable_noninteractive());
    ui.ctx().accesskit_node_builder(resp.id, |b| {
        b.set_role(part.role);
        b.set_label(text);
    });
    if let Some(e) = part.element.filter(|_| rows.start == 0) {
        let id = cx.kompas.element(e).id.clone();
        cx.take_focus(&resp, &id);
    }
    if resp.has_focus() {
        ui.painter().rect_stroke(
            rect.expand(3.0),
            4.0,
            cx.theme.focus_stroke(),
            egui::StrokeKind::Outside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(rows: &[f32], keep: bool) -> Block {
        Block {
            gap_before: 10.0,
            rows: rows.to_vec(),
            keep_together: keep,
        }
    }

    /// Every row of every block once, in order.
    fn rows_in_order(pages: &[Vec<Slice>]) -> Vec<(usize, usize)> {
        pages
            .iter()
            .flatten()
            .flat_map(|s| s.rows.clone().map(move |r| (s.block, r)))
            .collect()
    }

    #[test]
    fn what_fits_is_one_slide() {
        let pages = paginate(&[block(&[30.0; 3], false), block(&[30.0], true)], 200.0);
        assert_eq!(pages.len(), 1);
        assert_eq!(rows_in_order(&pages), vec![(0, 0), (0, 1), (0, 2), (1, 0)]);
    }

    #[test]
    fn a_long_paragraph_is_split_between_rows_and_nothing_is_lost() {
        let pages = paginate(&[block(&[30.0; 10], false)], 100.0);
        assert_eq!(pages.len(), 4);
        assert_eq!(rows_in_order(&pages).len(), 10);
        for p in &pages {
            let h: f32 = p.iter().map(|s| s.rows.len() as f32 * 30.0).sum();
            assert!(h <= 100.0, "{h}");
        }
    }

    #[test]
    fn a_short_entry_moves_whole_to_the_next_slide() {
        // 60 used, the entry of two rows (60) does not fit in what is left (40): it moves.
        let pages = paginate(
            &[block(&[30.0, 30.0], true), block(&[30.0, 30.0], true)],
            100.0,
        );
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[1],
            vec![Slice {
                block: 1,
                rows: 0..2
            }]
        );
        // A paragraph is split instead.
        let pages = paginate(
            &[block(&[30.0, 30.0], true), block(&[30.0, 30.0], false)],
            100.0,
        );
        assert_eq!(pages[0].len(), 2);
        assert_eq!(
            pages[0][1],
            Slice {
                block: 1,
                rows: 0..1
            }
        );
    }

    #[test]
    fn balanced_slides_share_the_entries_evenly() {
        let blocks: Vec<Block> = (0..6).map(|_| block(&[30.0], true)).collect();
        // 40 per entry with its gap: five fit in 200, the sixth would be alone.
        assert_eq!(
            paginate(&blocks, 200.0)
                .iter()
                .map(Vec::len)
                .collect::<Vec<_>>(),
            [5, 1]
        );
        let balanced = paginate_balanced(&blocks, 200.0);
        assert_eq!(balanced.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3]);
        assert_eq!(rows_in_order(&balanced).len(), 6);
    }

    #[test]
    fn a_row_taller_than_a_slide_still_gets_one_and_empty_input_one_empty_slide() {
        let pages = paginate(&[block(&[300.0], true), block(&[10.0], false)], 100.0);
        assert_eq!(rows_in_order(&pages), vec![(0, 0), (1, 0)]);
        assert_eq!(paginate(&[], 100.0), vec![Vec::new()]);
    }

    #[test]
    fn paging_turns_pages_within_a_step_and_starts_another_at_its_first() {
        let a = Location::home();
        let b = Location {
            view: View::Page("1.1".into()),
            selected: None,
        };
        let mut p = Paging::default();
        assert_eq!(p.sync(&a, 3).0, 0);
        assert!(p.next(&a));
        assert!(p.next(&a));
        assert!(!p.next(&a), "no fourth page");
        assert_eq!(p.label(&a).as_deref(), Some("3/3"));
        assert_eq!(p.label(&b), None);
        assert!(!p.next(&b), "another step is not turned");
        assert_eq!(p.sync(&b, 2).0, 0);
        assert!(!p.previous(&b));
        p.arrive_at_end(&a);
        assert_eq!(p.sync(&a, 1).0, 0);
        assert_eq!(
            p.sync(&a, 3),
            (2, true),
            "arriving backwards shows the last page, also once the zoom has settled"
        );
        assert_eq!(p.sync(&a, 3), (2, false));
        assert!(p.previous(&a));
        assert_eq!(
            p.sync(&a, 4).0,
            1,
            "turned by hand: stays where it was turned to"
        );
        assert_eq!(p.sync(&a, 1).0, 0);
        assert_eq!(p.label(&a), None);
    }
}
