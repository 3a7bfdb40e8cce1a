//! Flowing a label's words into a compass shape: each line gets the width the shape has at
//! its height, so text fills a tilted wedge instead of a small box inside it. Pure geometry on
//! word widths; the compass view measures the words and paints the lines.

use std::f32::consts::PI;
use std::ops::Range;

use egui::{Pos2, vec2};

use super::layout::Wedge;

/// A ring segment (or disk) to flow text into, already shrunk by a margin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FlowShape {
    center: Pos2,
    inner_px: f32,
    outer_px: f32,
    /// Boundary directions and the margin to keep from them; `None` for a full disk or ring.
    sides: Option<(egui::Vec2, egui::Vec2)>,
    margin_px: f32,
    /// Where text should preferably sit when a line crosses the shape twice.
    anchor: Pos2,
}

fn dir(angle_rad: f32) -> egui::Vec2 {
    vec2(angle_rad.sin(), -angle_rad.cos())
}

impl FlowShape {
    /// The text area of a wedge. A wedge wider than half a turn is narrowed to the half turn
    /// around its middle, which keeps the shape convex between its sides.
    pub(crate) fn of_wedge(w: &Wedge, center: Pos2, margin_px: f32) -> Self {
        let half = (w.span_rad() / 2.0).min(PI / 2.0);
        let mid = w.mid_rad();
        let sides = (w.span_rad() < 2.0 * PI - 1e-3).then(|| (dir(mid - half), dir(mid + half)));
        Self {
            center,
            inner_px: w.inner_px + margin_px,
            outer_px: w.outer_px - margin_px,
            sides,
            margin_px,
            anchor: w.point_at(center, 0.5),
        }
    }

    /// The text area of a disk.
    pub(crate) fn disk(center: Pos2, radius_px: f32, margin_px: f32) -> Self {
        Self {
            center,
            inner_px: 0.0,
            outer_px: radius_px - margin_px,
            sides: None,
            margin_px,
            anchor: center,
        }
    }

    /// Where text is preferably placed.
    pub(crate) fn anchor(&self) -> Pos2 {
        self.anchor
    }

    /// Top and bottom of the shape's bounding box.
    fn y_range(&self) -> (f32, f32) {
        (self.center.y - self.outer_px, self.center.y + self.outer_px)
    }

    /// The x-interval that lies inside the shape for every y in `[ya, yb]`, or `None`.
    pub(crate) fn band(&self, ya: f32, yb: f32) -> Option<(f32, f32)> {
        let (dya, dyb) = (ya - self.center.y, yb - self.center.y);
        let far = dya.abs().max(dyb.abs());
        if far >= self.outer_px {
            return None;
        }
        let half_outer = (self.outer_px * self.outer_px - far * far).sqrt();
        let (mut lo, mut hi) = (-half_outer, half_outer);
        if let Some((d0, d1)) = self.sides {
            // Clockwise of the start side and anticlockwise of the end side, each at least a
            // margin away; both are linear in x, so checking the band's two edges suffices.
            for dy in [dya, dyb] {
                for (d, sign) in [(d0, 1.0_f32), (d1, -1.0)] {
                    // sign * cross(d, (x, dy)) >= margin  <=>  sign*(d.x*dy - d.y*x) >= margin
                    let a = -sign * d.y;
                    let b = self.margin_px - sign * d.x * dy;
                    if a.abs() < 1e-6 {
                        if b > 0.0 {
                            return None;
                        }
                    } else if a > 0.0 {
                        lo = lo.max(b / a);
                    } else {
                        hi = hi.min(b / a);
                    }
                }
            }
        }
        if lo >= hi {
            return None;
        }
        // Keep out of the inner circle: it is widest where the band comes nearest the centre.
        let near = if dya <= 0.0 && dyb >= 0.0 {
            0.0
        } else {
            dya.abs().min(dyb.abs())
        };
        if near < self.inner_px {
            let e = (self.inner_px * self.inner_px - near * near).sqrt();
            let left = (lo, hi.min(-e));
            let right = (lo.max(e), hi);
            // Two pieces, left and right of the inner circle: keep the one nearer the anchor.
            let ax = self.anchor.x - self.center.x;
            let pick = [left, right]
                .into_iter()
                .filter(|iv| iv.0 < iv.1)
                .min_by(|p, q| {
                    ((p.0 + p.1) / 2.0 - ax)
                        .abs()
                        .total_cmp(&((q.0 + q.1) / 2.0 - ax).abs())
                })?;
            lo = pick.0;
            hi = pick.1;
        }
        Some((self.center.x + lo, self.center.x + hi))
    }
}

/// One line of flowed text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FlowLine {
    /// The words on this line.
    pub words: Range<usize>,
    /// Top of the line.
    pub top_px: f32,
    /// Horizontal centre of the line's space.
    pub center_x: f32,
    /// Width of the words on the line.
    pub width_px: f32,
}

/// Width of words `range` set on one line; `spaces[i]` is the gap before word `i` when it
/// follows another word on the same line (0 after a hyphen, where a word was split).
fn span_width(widths: &[f32], spaces: &[f32], range: Range<usize>) -> f32 {
    let start = range.start;
    range
        .map(|i| {
            widths.get(i).copied().unwrap_or(0.0)
                + if i > start {
                    spaces.get(i).copied().unwrap_or(0.0)
                } else {
                    0.0
                }
        })
        .sum()
}

/// Tries to set all words starting at `y0`. `first_alone` puts word 0 (the number) on a line
/// of its own. Returns the lines and how many words fit (all of them on success).
fn place(
    shape: &FlowShape,
    widths: &[f32],
    spaces: &[f32],
    line_px: f32,
    y0: f32,
    first_alone: bool,
) -> (Vec<FlowLine>, usize) {
    let mut lines = Vec::new();
    let mut next = 0;
    let mut y = y0;
    while next < widths.len() {
        let Some((lo, hi)) = shape.band(y, y + line_px) else {
            break;
        };
        let room = hi - lo;
        let start = next;
        let mut end = next;
        while end < widths.len() {
            let w = span_width(widths, spaces, start..end + 1);
            if w > room {
                break;
            }
            end += 1;
            if first_alone && start == 0 {
                break;
            }
        }
        if end == start {
            break;
        }
        lines.push(FlowLine {
            words: start..end,
            top_px: y,
            center_x: (lo + hi) / 2.0,
            width_px: span_width(widths, spaces, start..end),
        });
        next = end;
        y += line_px;
    }
    (lines, next)
}

/// Flows words of the given widths into `shape`, one line every `line_px`. Returns the lines
/// of the vertically centred placement that fits all words, or `None` when none does.
pub(crate) fn flow(
    shape: &FlowShape,
    widths: &[f32],
    spaces: &[f32],
    line_px: f32,
    first_alone: bool,
) -> Option<Vec<FlowLine>> {
    let (top, bottom) = shape.y_range();
    let step = (line_px / 4.0).max(0.5);
    let mut fits = Vec::new();
    let mut y0 = top;
    while y0 + line_px <= bottom {
        let (lines, placed) = place(shape, widths, spaces, line_px, y0, first_alone);
        if placed == widths.len() {
            fits.push(lines);
        } else if !fits.is_empty() {
            // Past the run of fitting positions; the shape is convex enough that no second
            // run follows in practice, and the middle of this run is the centred one.
            break;
        }
        y0 += step;
    }
    let mid = fits.len() / 2;
    fits.into_iter().nth(mid)
}

/// The most words (from the start) that fit, for text that must be cut off: returns the lines
/// and the number of words placed, preferring the placement that fits the most.
pub(crate) fn flow_partial(
    shape: &FlowShape,
    widths: &[f32],
    spaces: &[f32],
    line_px: f32,
    first_alone: bool,
) -> (Vec<FlowLine>, usize) {
    let (top, bottom) = shape.y_range();
    let step = (line_px / 4.0).max(0.5);
    let mut best: (Vec<FlowLine>, usize) = (Vec::new(), 0);
    let mut y0 = top;
    while y0 + line_px <= bottom {
        let (lines, placed) = place(shape, widths, spaces, line_px, y0, first_alone);
        if placed > best.1 {
            best = (lines, placed);
        }
        y0 += step;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::compass::layout::{CompassLayout, Proportions};
    use egui::pos2;

    fn layout() -> CompassLayout {
        let k = crate::load::load_embedded().unwrap().kompas;
        CompassLayout::new(&k, pos2(400.0, 400.0), 300.0, Proportions::default())
    }

    /// Every line's box lies inside its wedge.
    fn assert_inside(w: &Wedge, center: Pos2, lines: &[FlowLine], line_px: f32) {
        for l in lines {
            let x0 = l.center_x - l.width_px / 2.0;
            for p in [
                pos2(x0, l.top_px),
                pos2(x0 + l.width_px, l.top_px),
                pos2(x0, l.top_px + line_px),
                pos2(x0 + l.width_px, l.top_px + line_px),
            ] {
                let r = (p - center).length();
                assert!(
                    r >= w.inner_px - 0.01 && r <= w.outer_px + 0.01,
                    "{p:?} at r={r} outside {w:?}"
                );
                let a = crate::ui::compass::layout::angle_of(center, p);
                let a = if a < w.start_rad - 0.5 {
                    a + 2.0 * PI
                } else {
                    a
                };
                assert!(
                    a >= w.start_rad - 1e-3 && a <= w.end_rad + 1e-3,
                    "{p:?} at {a} outside {w:?}"
                );
            }
        }
    }

    #[test]
    fn text_flows_inside_every_wedge() {
        let l = layout();
        let widths = vec![20.0, 30.0, 55.0, 12.0, 40.0, 33.0, 18.0, 26.0];
        for w in &l.wedges {
            let shape = FlowShape::of_wedge(w, l.center, 3.0);
            let lines =
                flow(&shape, &widths, &[4.0; 8], 14.0, true).unwrap_or_else(|| panic!("{w:?}"));
            assert_eq!(
                lines.first().unwrap().words,
                0..1,
                "the number stands alone"
            );
            assert_eq!(lines.last().unwrap().words.end, widths.len());
            assert_inside(w, l.center, &lines, 14.0);
        }
    }

    #[test]
    fn too_much_text_does_not_fit_but_part_of_it_does() {
        let l = layout();
        let w = &l.wedges[4];
        let shape = FlowShape::of_wedge(w, l.center, 3.0);
        let widths = vec![50.0; 200];
        assert!(flow(&shape, &widths, &[4.0; 200], 14.0, false).is_none());
        let (lines, placed) = flow_partial(&shape, &widths, &[4.0; 200], 14.0, false);
        assert!(placed > 3 && placed < 200, "{placed}");
        assert_inside(w, l.center, &lines, 14.0);
        // A word wider than the whole shape never fits.
        assert!(flow(&shape, &[10_000.0], &[4.0], 14.0, false).is_none());
    }

    #[test]
    fn disk_bands_are_chords() {
        let s = FlowShape::disk(pos2(0.0, 0.0), 100.0, 0.0);
        let (lo, hi) = s.band(-10.0, 10.0).unwrap();
        let half = (100.0f32 * 100.0 - 100.0).sqrt();
        assert!((lo + half).abs() < 1e-3 && (hi - half).abs() < 1e-3);
        assert!(s.band(99.0, 101.0).is_none());
    }
}
