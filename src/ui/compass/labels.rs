//! Label fitting: each shape's number and title flowed into the shape at the largest calm
//! size that fits (one size per ring), radial lines for thin wedges, "…" only when nothing
//! else fits. Pure text layout: measures with egui's fonts, paints nothing.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Pos2, Rect, Ui, Vec2, pos2, vec2};

use super::label_flow::{FlowLine, FlowShape, flow, flow_partial};
use super::layout::{CompassLayout, Wedge, polar};
use crate::model::Kompas;
use crate::ui::theme::{self, MAX_LABEL_PX, MIN_LABEL_PX, NUMBER_LABEL_PX};

/// Fonts for measuring words only: the same faces as egui's, but glyphs are drawn without
/// hinting and at one position per pixel. Fitting tries every label at several sizes, and
/// egui draws every glyph of every text it lays out (hinted, at four positions per pixel):
/// that was most of the time of the compass's first frame. Widths do not depend on either
/// (advances are the font's own, scaled; a test holds it), so what fits here fits there; the
/// label's own lines are laid out by egui as always.
struct Measure {
    fonts: egui::epaint::text::Fonts,
}

static MEASURE: std::sync::Mutex<Option<Measure>> = std::sync::Mutex::new(None);

/// Options of the measuring fonts.
fn measuring_options() -> egui::epaint::text::TextOptions {
    egui::epaint::text::TextOptions {
        font_hinting: false,
        subpixel_binning: false,
        ..Default::default()
    }
}

/// Starts a new round of measuring (a cache is built): what the last round did not use is
/// let go, and the glyph atlas is emptied when it is mostly full, so memory stays bounded
/// however often the window is resized or zoomed.
pub(super) fn new_measuring_round() {
    let mut guard = MEASURE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(m) = guard.as_mut() {
        m.fonts.begin_pass(
            measuring_options(),
            egui::epaint::text::ViewportKey::default(),
        );
    }
}

/// Runs `f` with the measuring fonts at `pixels_per_point`.
fn measuring<R>(
    pixels_per_point: f32,
    f: impl FnOnce(&mut egui::epaint::text::FontsView<'_>) -> R,
) -> R {
    let mut guard = MEASURE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let m = guard.get_or_insert_with(|| Measure {
        fonts: egui::epaint::text::Fonts::new(measuring_options(), theme::font_definitions()),
    });
    f(&mut m.fonts.with_pixels_per_point(pixels_per_point))
}

/// A label flowed into its shape: lines of text, each centred in the width the shape has at
/// its height.
#[derive(Clone, Debug)]
pub(super) struct FittedLabel {
    /// Each line: its top-left corner and its text.
    pub(super) lines: Vec<(Pos2, Arc<Galley>)>,
    /// The box around the lines (also the shape's keyboard and screen-reader target).
    pub(super) rect: Rect,
    /// Rotation of the text around each line's top-left corner: 0 for the usual horizontal
    /// lines, the radial direction for a single line in a wedge too thin for them.
    pub(super) angle_rad: f32,
    /// How many words of the text are shown.
    pub(super) words_shown: usize,
}

impl FittedLabel {
    pub(super) fn empty(at: Pos2) -> Self {
        Self {
            lines: Vec::new(),
            rect: Rect::from_center_size(at, Vec2::splat(2.0)),
            angle_rad: 0.0,
            words_shown: 0,
        }
    }

    pub(super) fn paint(&self, painter: &egui::Painter, color: Color32) {
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
    pub(super) fn corners(&self) -> Vec<Pos2> {
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

/// The number and words a wedge shows: its element's, or for a group "1.1–1.67" and
/// "67 koersen".
pub(super) fn wedge_text(kompas: &Kompas, w: &Wedge) -> (String, String) {
    if w.count > 1 {
        let plural = kompas
            .level(w.ix)
            .map_or_else(|| "elementen".to_owned(), |l| l.plural.to_lowercase());
        (
            format!("{}–{}", kompas.number(w.ix), kompas.number(w.last)),
            format!("{} {plural}", w.count),
        )
    } else {
        (
            kompas.number(w.ix).to_owned(),
            url_label(&kompas.element(w.ix).title)
                .unwrap_or_else(|| kompas.element(w.ix).title.clone()),
        )
    }
}

/// A title that is a bare web address is one long word no wedge can hold: it is shown as its
/// host and last path part ("freeplane.org › docs"), words a wedge can wrap. `None` for any
/// other title.
pub(super) fn url_label(title: &str) -> Option<String> {
    let t = title.trim();
    if t.contains(char::is_whitespace) {
        return None;
    }
    let rest = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .or_else(|| t.strip_prefix("www."))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next()?;
    Some(match parts.next_back() {
        Some(last) => format!("{host} › {last}"),
        None => host.to_owned(),
    })
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

/// Where a label's words go at which size, before any of it is laid out for painting.
struct Plan {
    size_px: f32,
    /// The lines and the words they hold (cut, with "…", when not all fit); `None` when not
    /// even one word fits.
    lines: Option<(Vec<FlowLine>, Vec<Token>)>,
}

/// The font of word `i`: the number (word 0, when there is one) and bold labels in bold.
fn word_family(bold: bool, has_number: bool, i: usize) -> egui::FontFamily {
    if bold || (has_number && i == 0) {
        theme::condensed_bold()
    } else {
        theme::condensed()
    }
}

/// Flows `number` (bold; on its own line when `number_alone`) and `title` into `shape` at the
/// largest legible size up to `max_px` that fits; when nothing fits at the smallest size, as
/// many whole words as fit, then "…".
pub(super) fn fit_label(
    ui: &Ui,
    shape: &FlowShape,
    number: Option<&str>,
    title: &str,
    bold: bool,
    max_px: f32,
    number_alone: bool,
) -> FittedLabel {
    let plan = plan_label(
        ui,
        shape,
        number,
        title,
        bold,
        max_px,
        number_alone,
        Sizes::ThatCouldFit,
    );
    let family = |i: usize| word_family(bold, number.is_some(), i);
    match &plan.lines {
        Some((lines, words)) => assemble(ui, lines, words, plan.size_px, &family),
        None => FittedLabel::empty(shape.anchor()),
    }
}

/// The line height at `size`, each word's width (word `i` in `family(i)`) and the space
/// before it (none for a word glued to the one before), measured by the measuring fonts.
fn word_metrics(
    ppp: f32,
    size: f32,
    words: &[Token],
    family: &dyn Fn(usize) -> egui::FontFamily,
) -> (f32, Vec<f32>, Vec<f32>) {
    let measure = |text: &str, i: usize| -> f32 {
        measuring(ppp, |f| {
            f.layout_no_wrap(
                text.to_owned(),
                FontId::new(size, family(i)),
                Color32::PLACEHOLDER,
            )
            .size()
            .x
        })
    };
    let line_px = measuring(ppp, |f| {
        f.row_height(&FontId::new(size, theme::condensed()))
    });
    let space_px = measure("x x", 1) - 2.0 * measure("x", 1);
    let widths: Vec<f32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| measure(&w.text, i))
        .collect();
    let spaces: Vec<f32> = words
        .iter()
        .map(|w| if w.glued { 0.0 } else { space_px })
        .collect();
    (line_px, widths, spaces)
}

/// How much narrower than scaled a word may turn out when measured at another size (whole
/// pixels of rounding at either size, and then some).
const SCALING_SLACK_PX: f32 = 2.0;

/// Which sizes [`plan_label`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sizes {
    /// Only those where the scaled widths could fit (what the app does).
    ThatCouldFit,
    /// Every one (for the test that skipping changes nothing).
    #[cfg(test)]
    Every,
}

/// [`fit_label`] without laying out the lines for painting: measuring only.
#[expect(
    clippy::too_many_arguments,
    reason = "fit_label's own arguments and which sizes to measure"
)]
fn plan_label(
    ui: &Ui,
    shape: &FlowShape,
    number: Option<&str>,
    title: &str,
    bold: bool,
    max_px: f32,
    number_alone: bool,
    sizes: Sizes,
) -> Plan {
    let words = tokens(number, title);
    let family = |i: usize| word_family(bold, number.is_some(), i);
    let ppp = ui.ctx().pixels_per_point();
    let metrics = |size: f32, words: &[Token]| word_metrics(ppp, size, words, &family);
    let first_alone = number.is_some() && number_alone;
    let at = |size: f32| {
        let (line_px, widths, spaces) = metrics(size, &words);
        flow(shape, &widths, &spaces, line_px, first_alone)
    };
    // From the top size down, the first that fits. Every size is considered (in a thin wedge
    // text can fit at 16 px, not at 15 and again at 14), but one is measured only where the
    // words could fit: their widths at the top size, scaled to this size and each given
    // SCALING_SLACK_PX of doubt. Widths grow in proportion to the size but for rounding (a
    // test holds the slack), and narrower words never fit worse, so a size skipped would not
    // have fitted measured either; measuring is what costs (the font code lays out and draws
    // each word at each size).
    let top = max_px.floor();
    if top >= MIN_LABEL_PX {
        let (_, top_widths, top_spaces) = metrics(top, &words);
        let could_fit = |size: f32| {
            let k = size / top;
            let doubt = |v: &[f32]| -> Vec<f32> {
                v.iter()
                    .map(|w| (w * k - SCALING_SLACK_PX).max(0.0))
                    .collect()
            };
            let line_px = measuring(ppp, |f| {
                f.row_height(&FontId::new(size, theme::condensed()))
            });
            flow(
                shape,
                &doubt(&top_widths),
                &doubt(&top_spaces),
                line_px,
                first_alone,
            )
            .is_some()
        };
        let mut size = top;
        while size >= MIN_LABEL_PX {
            if (size == top || sizes != Sizes::ThatCouldFit || could_fit(size))
                && let Some(lines) = at(size)
            {
                return Plan {
                    size_px: size,
                    lines: Some((lines, words)),
                };
            }
            size -= 1.0;
        }
    }
    // The number beside the text instead of above it gives the text one more line.
    let size = MIN_LABEL_PX;
    let (line_px, widths, spaces) = metrics(size, &words);
    if first_alone && let Some(lines) = flow(shape, &widths, &spaces, line_px, false) {
        return Plan {
            size_px: size,
            lines: Some((lines, words)),
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
                return Plan {
                    size_px: small,
                    lines: Some((lines, words)),
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
            return Plan {
                size_px: size,
                lines: Some((lines, cut)),
            };
        }
    }
    Plan {
        size_px: size,
        lines: None,
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
    let mid = polar(center, (r_from + r_to) / 2.0, a);
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
pub(super) fn fit_ring(
    ui: &Ui,
    kompas: &Kompas,
    layout: &CompassLayout,
    ring: usize,
    titles: bool,
) -> Vec<(usize, FittedLabel)> {
    let shapes: Vec<(usize, FlowShape, String, String)> = layout
        .ring(ring)
        .map(|i| {
            let w = &layout.wedges[i];
            let (number, title) = wedge_text(kompas, w);
            // Without titles a single element shows its number; a group still says what it
            // holds.
            let title = if titles || w.count > 1 {
                title
            } else {
                String::new()
            };
            (i, FlowShape::of_wedge(w, layout.center, 4.0), number, title)
        })
        .collect();
    let max_px = if titles {
        MAX_LABEL_PX
    } else {
        NUMBER_LABEL_PX
    };
    // Measured first (the size each would get alone), laid out for painting only at the
    // ring's size: a label is measured at several sizes, but drawn at one.
    let calm = shapes
        .iter()
        .map(|(_, shape, number, title)| {
            // The outer ring has room to set the number apart; the sector ring needs the line.
            plan_label(
                ui,
                shape,
                Some(number),
                title,
                false,
                max_px,
                ring > 0,
                Sizes::ThatCouldFit,
            )
            .size_px
        })
        .fold(max_px, f32::min)
        + 1.0;
    shapes
        .iter()
        .map(|(i, shape, number, title)| {
            // From the calm size down it lands where it did alone if that was below it.
            let label = fit_label(
                ui,
                shape,
                Some(number),
                title,
                false,
                calm.min(max_px),
                ring > 0,
            );
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What fitting relies on: a word is exactly as wide in the measuring fonts (no hinting,
    /// one position per pixel) as in egui's own, at every size and zoom labels are set in.
    #[test]
    fn measured_widths_are_the_widths_egui_lays_out() {
        let words = ring_words();
        assert!(words.len() > 150, "{} words", words.len());
        for ppp in [1.0_f32, 1.25, 2.0] {
            let ctx = egui::Context::default();
            crate::ui::theme::install_fonts(&ctx);
            let input = egui::RawInput::default();
            ctx.run_ui(input.clone(), |_| {}).textures_delta.clear();
            ctx.set_pixels_per_point(ppp);
            let mut output = ctx.run_ui(input, |ui| {
                for size in (8..=34).map(|s| s as f32) {
                    for family in [theme::condensed(), theme::condensed_bold()] {
                        let font = FontId::new(size, family);
                        for w in &words {
                            let egui_w = ui.ctx().fonts_mut(|f| {
                                f.layout_no_wrap(w.clone(), font.clone(), Color32::PLACEHOLDER)
                                    .size()
                            });
                            let ours = measuring(ppp, |f| {
                                f.layout_no_wrap(w.clone(), font.clone(), Color32::PLACEHOLDER)
                                    .size()
                            });
                            assert_eq!(egui_w, ours, "{w:?} at {size} px, zoom {ppp}");
                        }
                        let rows = (
                            ui.ctx().fonts_mut(|f| f.row_height(&font)),
                            measuring(ppp, |f| f.row_height(&font)),
                        );
                        assert_eq!(rows.0, rows.1, "row height at {size} px, zoom {ppp}");
                    }
                }
            });
            output.textures_delta.clear();
        }
    }

    /// The slack the size search gives scaled widths: measured at any size from 8 px up to
    /// a top size, a word is never narrower than its width at the top, scaled, less the slack.
    #[test]
    fn scaled_widths_stay_within_the_slack() {
        let words = ring_words();
        for ppp in [1.0_f32, 1.25, 2.0] {
            for top in [MAX_LABEL_PX, MAX_LABEL_PX + 6.0, NUMBER_LABEL_PX] {
                for family in [theme::condensed(), theme::condensed_bold()] {
                    let width = |w: &str, size: f32| {
                        measuring(ppp, |f| {
                            f.layout_no_wrap(
                                w.to_owned(),
                                FontId::new(size, family.clone()),
                                Color32::PLACEHOLDER,
                            )
                            .size()
                            .x
                        })
                    };
                    for w in &words {
                        let at_top = width(w, top);
                        for size in (8..top as i32).map(|s| s as f32) {
                            let scaled = at_top * size / top;
                            assert!(
                                width(w, size) >= scaled - SCALING_SLACK_PX,
                                "{w:?} at {size} px: {} < {scaled} - slack (zoom {ppp})",
                                width(w, size)
                            );
                        }
                    }
                }
            }
        }
    }

    /// Skipping the sizes the scaled widths rule out changes no label: every ring label of
    /// both compasses and of compasses of other shapes, at desk, projector and full-HD sizes,
    /// gets the size and the words a measurement of every size gives.
    #[test]
    fn skipping_sizes_changes_no_label() {
        let mut compasses = built_in().to_vec();
        for (sectors, koersen) in [(3, 2), (6, 10), (12, 4)] {
            compasses.push(crate::generate::synthetic(&crate::generate::Spec {
                sectors,
                fanout: vec![koersen, 3],
                seed: 5,
            }));
        }
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        let input = egui::RawInput::default();
        ctx.run_ui(input.clone(), |_| {}).textures_delta.clear();
        let mut output = ctx.run_ui(input, |ui| {
            let mut labels = 0;
            for kompas in &compasses {
                for side in [400.0_f32, 520.0, 664.0, 900.0] {
                    for proportions in [
                        super::super::layout::Proportions::default(),
                        super::super::layout::Proportions::numbers_in_sectors(),
                    ] {
                        let layout =
                            CompassLayout::new(kompas, pos2(side, side), side / 2.0, proportions);
                        for (i, w) in layout.wedges.iter().enumerate() {
                            let (number, title) = wedge_text(kompas, w);
                            let shape = FlowShape::of_wedge(w, layout.center, 4.0);
                            let alone = w.ring > 0;
                            let plan = |sizes| {
                                let p = plan_label(
                                    ui,
                                    &shape,
                                    Some(&number),
                                    &title,
                                    false,
                                    MAX_LABEL_PX,
                                    alone,
                                    sizes,
                                );
                                (p.size_px, p.lines.map(|(l, w)| (l.len(), w.len())))
                            };
                            assert_eq!(
                                plan(Sizes::ThatCouldFit),
                                plan(Sizes::Every),
                                "wedge {i} {number} at {side}"
                            );
                            labels += 1;
                        }
                    }
                }
            }
            assert!(labels > 500, "{labels} labels");
        });
        output.textures_delta.clear();
    }

    /// Both built-in compasses: the Sociaal Kompas and Oegstgeest.
    fn built_in() -> [Kompas; 2] {
        let oegstgeest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("kompas/oegstgeest-sociaal-domein");
        [
            crate::load::load_embedded().unwrap().kompas,
            crate::load::load_path(&oegstgeest).unwrap().kompas,
        ]
    }

    /// The words the rings of both built-in compasses show.
    fn ring_words() -> Vec<String> {
        let mut words: Vec<String> = ["x x", "x", "…", "Leidschendam-", "(begeleid", "werkplek."]
            .map(str::to_owned)
            .to_vec();
        for kompas in built_in() {
            for &s in kompas.sectors() {
                for ix in std::iter::once(s).chain(kompas.children(s).iter().copied()) {
                    let e = kompas.element(ix);
                    words.push(e.id.as_str().to_owned());
                    for w in e.title.split_whitespace() {
                        words.push(w.to_owned());
                        words.push(format!("{w}…"));
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        words
    }

    /// Finding: a title that is a bare URL got no label at all.
    #[test]
    fn a_bare_web_address_is_labelled_by_its_host_and_last_part() {
        assert_eq!(
            url_label("https://www.freeplane.org/wiki/index.php/Home?x=1").as_deref(),
            Some("freeplane.org › Home")
        );
        assert_eq!(
            url_label("http://example.org/").as_deref(),
            Some("example.org")
        );
        assert_eq!(url_label("Meer jeugd groeit op"), None);
        assert_eq!(url_label("zie https://x.org"), None);
    }
}
