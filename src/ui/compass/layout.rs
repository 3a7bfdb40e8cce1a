//! Pure geometry of the radial compass: rings, wedges, hit testing and the boxes labels fit
//! in. No painting here, so all of it is unit-tested.
//!
//! Angles are in radians, 0 at twelve o'clock, growing clockwise (screen y points down).

use std::f32::consts::TAU;

use egui::{Pos2, vec2};

use crate::model::{Ix, Kompas};

/// Proportions of the compass relative to its outer radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Proportions {
    /// Radius of the central circle (the einddoel).
    pub core: f32,
    /// Outer radius of the sector ring; the ring starts just outside the core.
    pub sector_outer: f32,
    /// Radial gap between rings.
    pub gap: f32,
}

impl Proportions {
    /// When the sector ring shows only numbers (the legend gives the titles): a larger
    /// centre for the einddoel, a narrow number ring, the rest for the outer ring's words.
    pub(crate) fn numbers_in_sectors() -> Self {
        Self {
            core: 0.22,
            sector_outer: 0.33,
            gap: 0.012,
        }
    }
}

impl Default for Proportions {
    fn default() -> Self {
        Self {
            core: 0.22,
            sector_outer: 0.5,
            gap: 0.012,
        }
    }
}

/// One clickable annular sector.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Wedge {
    /// The element it shows.
    pub ix: Ix,
    /// 0 for the sector ring, 1 for the ring outside it.
    pub ring: usize,
    /// Start angle.
    pub start_rad: f32,
    /// End angle (greater than the start).
    pub end_rad: f32,
    /// Inner radius.
    pub inner_px: f32,
    /// Outer radius.
    pub outer_px: f32,
    /// How many elements it stands for: 1, or a run of siblings from `ix` to `last` when
    /// there are too many to draw one by one.
    pub count: usize,
    /// The last element it stands for (`ix` itself unless it is a group).
    pub last: Ix,
}

/// The narrowest an outer wedge may be, measured along its outer edge: narrower ones are
/// drawn as one wedge for a run of siblings, so a ring of 5 000 stays a ring and not a blur.
pub(crate) const MIN_WEDGE_PX: f32 = 22.0;

/// A sector counts at most this many children towards its angle, so one huge sector does not
/// squeeze the others to slivers.
pub(crate) const MAX_SECTOR_WEIGHT: usize = 60;

/// Most wedges in the sector ring: beyond this (a flat list of 112 podcasts, a map of 100 000
/// sectors) runs of sectors share a wedge that opens the list of them, and the outer ring is
/// left out, so the compass stays a compass and its cost stays bounded.
pub(crate) const MAX_SECTOR_WEDGES: usize = 36;

/// What a point on the compass is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hit {
    /// The central circle.
    Core,
    /// A wedge, by index into [`CompassLayout::wedges`].
    Wedge(usize),
}

/// The whole compass laid out in a square.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompassLayout {
    /// Centre of the compass.
    pub center: Pos2,
    /// Outer radius.
    pub radius_px: f32,
    /// Radius of the central circle.
    pub core_radius_px: f32,
    /// Sector wedges first (document order), then the outer ring's wedges (document order).
    pub wedges: Vec<Wedge>,
    /// For elements drawn in a group: the group's wedge.
    member_of: std::collections::HashMap<Ix, usize>,
}

/// A point at `radius_px` from `center` in direction `angle_rad`.
pub(crate) fn polar(center: Pos2, radius_px: f32, angle_rad: f32) -> Pos2 {
    center + vec2(angle_rad.sin(), -angle_rad.cos()) * radius_px
}

/// The angle of `p` around `center`, in `[0, TAU)`.
pub(crate) fn angle_of(center: Pos2, p: Pos2) -> f32 {
    let d = p - center;
    let a = d.x.atan2(-d.y);
    if a < 0.0 { a + TAU } else { a }
}

impl Wedge {
    /// Angle in the middle of the wedge.
    pub(crate) fn mid_rad(&self) -> f32 {
        (self.start_rad + self.end_rad) / 2.0
    }

    /// Angular size.
    pub(crate) fn span_rad(&self) -> f32 {
        self.end_rad - self.start_rad
    }

    /// True when `p` lies in the wedge (start angle and inner radius inclusive).
    pub(crate) fn contains(&self, center: Pos2, p: Pos2) -> bool {
        let r = (p - center).length();
        if r < self.inner_px || r >= self.outer_px {
            return false;
        }
        let a = angle_of(center, p);
        a >= self.start_rad && a < self.end_rad
    }

    /// The outline as a closed polygon, `steps_per_rad` points per radian of arc.
    pub(crate) fn outline(&self, center: Pos2, steps_per_rad: f32) -> Vec<Pos2> {
        let steps = ((self.span_rad() * steps_per_rad).ceil() as usize).max(2);
        let mut pts = Vec::with_capacity(2 * steps + 2);
        for i in 0..=steps {
            let a = self.start_rad + self.span_rad() * i as f32 / steps as f32;
            pts.push(polar(center, self.outer_px, a));
        }
        for i in (0..=steps).rev() {
            let a = self.start_rad + self.span_rad() * i as f32 / steps as f32;
            pts.push(polar(center, self.inner_px, a));
        }
        pts
    }

    /// A point inside the wedge at a fraction `t` between inner and outer radius.
    pub(crate) fn point_at(&self, center: Pos2, t: f32) -> Pos2 {
        polar(
            center,
            self.inner_px + (self.outer_px - self.inner_px) * t,
            self.mid_rad(),
        )
    }
}

/// Too many sectors for a ring: [`MAX_SECTOR_WEDGES`] equal wedges, each a run of sectors.
fn grouped_sectors(
    sectors: &[Ix],
    inner_px: f32,
    outer_px: f32,
    member_of: &mut std::collections::HashMap<Ix, usize>,
) -> Vec<Wedge> {
    let per = sectors.len().div_ceil(MAX_SECTOR_WEDGES).max(1);
    let groups: Vec<&[Ix]> = sectors.chunks(per).collect();
    let step = TAU / groups.len().max(1) as f32;
    let mut wedges = Vec::with_capacity(groups.len());
    for (i, group) in groups.iter().enumerate() {
        let (Some(&first), Some(&last)) = (group.first(), group.last()) else {
            continue;
        };
        for &m in *group {
            member_of.insert(m, wedges.len());
        }
        wedges.push(Wedge {
            ix: first,
            ring: 0,
            start_rad: step * i as f32,
            end_rad: if i + 1 == groups.len() {
                TAU
            } else {
                step * (i + 1) as f32
            },
            inner_px,
            outer_px,
            count: group.len(),
            last,
        });
    }
    wedges
}

impl CompassLayout {
    /// Lays out `kompas` in a circle of `radius_px` around `center`: the root in the middle,
    /// the sectors in the first ring and their children in the outer ring. Each sector's angle
    /// is proportional to its number of children, so every outer wedge gets the same angle.
    pub(crate) fn new(kompas: &Kompas, center: Pos2, radius_px: f32, p: Proportions) -> Self {
        let sectors = kompas.sectors();
        let core = radius_px * p.core;
        let gap = radius_px * p.gap;
        let mut member_of = std::collections::HashMap::new();
        if sectors.len() > MAX_SECTOR_WEDGES {
            let wedges = grouped_sectors(sectors, core + gap, radius_px, &mut member_of);
            return Self {
                center,
                radius_px,
                core_radius_px: core,
                wedges,
                member_of,
            };
        }
        let has_outer = sectors.iter().any(|&s| !kompas.children(s).is_empty());
        let weight = |s: Ix| kompas.children(s).len().clamp(1, MAX_SECTOR_WEIGHT) as f32;
        let total: f32 = sectors.iter().map(|&s| weight(s)).sum::<f32>().max(1.0);
        let sector_outer = if has_outer {
            radius_px * p.sector_outer
        } else {
            radius_px
        };
        let mut wedges = Vec::with_capacity(sectors.len());
        let mut outer = Vec::new();
        let min_span_rad = MIN_WEDGE_PX / radius_px.max(1.0);
        let mut angle = 0.0_f32;
        for &s in sectors {
            let span = TAU * weight(s) / total;
            wedges.push(Wedge {
                ix: s,
                ring: 0,
                start_rad: angle,
                end_rad: angle + span,
                inner_px: core + gap,
                outer_px: sector_outer,
                count: 1,
                last: s,
            });
            let children = kompas.children(s);
            // Runs of `per` siblings share a wedge when single ones would be too narrow.
            let room = ((span / min_span_rad).floor() as usize).max(1);
            let per = children.len().div_ceil(room).max(1);
            let groups: Vec<&[Ix]> = children.chunks(per).collect();
            let step = span / groups.len().max(1) as f32;
            for (i, group) in groups.iter().enumerate() {
                let (Some(&first), Some(&last)) = (group.first(), group.last()) else {
                    continue;
                };
                if group.len() > 1 {
                    for &m in *group {
                        member_of.insert(m, outer.len());
                    }
                }
                outer.push(Wedge {
                    ix: first,
                    ring: 1,
                    start_rad: angle + step * i as f32,
                    end_rad: angle + step * (i + 1) as f32,
                    inner_px: sector_outer + gap,
                    outer_px: radius_px,
                    count: group.len(),
                    last,
                });
            }
            angle += span;
        }
        // Float sums can leave the last wedge a hair short of a full turn; close the circle.
        if let Some(last) = wedges.last_mut() {
            last.end_rad = TAU;
        }
        if let Some(last) = outer.last_mut() {
            last.end_rad = TAU;
        }
        let offset = wedges.len();
        wedges.extend(outer);
        let member_of = member_of
            .into_iter()
            .map(|(ix, w)| (ix, w + offset))
            .collect();
        Self {
            center,
            radius_px,
            core_radius_px: core,
            wedges,
            member_of,
        }
    }

    /// What is under `p`, if anything.
    pub(crate) fn hit_test(&self, p: Pos2) -> Option<Hit> {
        let r = (p - self.center).length();
        if r < self.core_radius_px {
            return Some(Hit::Core);
        }
        self.wedges
            .iter()
            .position(|w| w.contains(self.center, p))
            .map(Hit::Wedge)
    }

    /// The wedge showing `ix` (alone or in a group), if it is on the compass.
    pub(crate) fn wedge_of(&self, ix: Ix) -> Option<usize> {
        self.member_of
            .get(&ix)
            .copied()
            .or_else(|| self.wedges.iter().position(|w| w.ix == ix))
    }

    /// Wedges of one ring, as indices, in order around the circle.
    pub(crate) fn ring(&self, ring: usize) -> impl Iterator<Item = usize> + '_ {
        self.wedges
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.ring == ring)
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;
    use std::f32::consts::PI;

    fn layout() -> (Kompas, CompassLayout) {
        let k = crate::load::load_embedded().unwrap().kompas;
        let l = CompassLayout::new(&k, pos2(500.0, 400.0), 300.0, Proportions::default());
        (k, l)
    }

    fn id_at(k: &Kompas, l: &CompassLayout, p: Pos2) -> Option<String> {
        match l.hit_test(p)? {
            Hit::Core => Some("core".into()),
            Hit::Wedge(i) => Some(k.element(l.wedges[i].ix).id.to_string()),
        }
    }

    #[test]
    fn wedges_cover_the_circle_once_per_ring() {
        let (k, l) = layout();
        assert_eq!(l.wedges.len(), 4 + 16);
        for ring in 0..2 {
            let ws: Vec<_> = l.ring(ring).map(|i| l.wedges[i]).collect();
            assert_eq!(ws[0].start_rad, 0.0);
            assert_eq!(ws.last().unwrap().end_rad, TAU);
            for pair in ws.windows(2) {
                assert!((pair[0].end_rad - pair[1].start_rad).abs() < 1e-5);
            }
        }
        // Every koers gets the same angle: 16 koersen, 22.5° each.
        for i in l.ring(1) {
            assert!((l.wedges[i].span_rad() - TAU / 16.0).abs() < 1e-4);
        }
        // A koers lies within its hoofddoel's angles.
        for i in l.ring(1) {
            let w = l.wedges[i];
            let s = l.wedge_of(k.parent(w.ix).unwrap()).unwrap();
            assert!(
                w.start_rad >= l.wedges[s].start_rad - 1e-5
                    && w.end_rad <= l.wedges[s].end_rad + 1e-5
            );
        }
    }

    #[test]
    fn points_hit_the_right_element() {
        let (k, l) = layout();
        let c = l.center;
        assert_eq!(id_at(&k, &l, c).as_deref(), Some("core"));
        assert_eq!(id_at(&k, &l, c + vec2(0.0, -65.0)).as_deref(), Some("core"));
        // Just right of twelve o'clock: hoofddoel 1, koers 1.1.
        assert_eq!(id_at(&k, &l, polar(c, 100.0, 0.01)).as_deref(), Some("1"));
        assert_eq!(id_at(&k, &l, polar(c, 250.0, 0.01)).as_deref(), Some("1.1"));
        // Just left of twelve o'clock: the last hoofddoel and koers.
        assert_eq!(
            id_at(&k, &l, polar(c, 100.0, TAU - 0.01)).as_deref(),
            Some("4")
        );
        assert_eq!(
            id_at(&k, &l, polar(c, 250.0, -0.01)).as_deref(),
            Some("4.3")
        );
        // Half way round: koersen 1.1-2.3 are the first 8 of 16, so 180° is the start of 2.4.
        assert_eq!(
            id_at(&k, &l, polar(c, 250.0, PI + 0.01)).as_deref(),
            Some("2.4")
        );
        assert_eq!(
            id_at(&k, &l, polar(c, 250.0, PI - 0.01)).as_deref(),
            Some("2.3")
        );
        // Outside the compass, and in the gaps between rings.
        assert_eq!(id_at(&k, &l, polar(c, 301.0, 1.0)), None);
        assert_eq!(id_at(&k, &l, polar(c, 300.0 * 0.22 + 1.0, 1.0)), None);
        assert_eq!(id_at(&k, &l, polar(c, 300.0 * 0.5 + 1.0, 1.0)), None);
    }

    #[test]
    fn angles_run_clockwise_from_twelve() {
        let c = pos2(0.0, 0.0);
        assert!((angle_of(c, pos2(0.0, -1.0)) - 0.0).abs() < 1e-6);
        assert!((angle_of(c, pos2(1.0, 0.0)) - PI / 2.0).abs() < 1e-6);
        assert!((angle_of(c, pos2(0.0, 1.0)) - PI).abs() < 1e-6);
        assert!((angle_of(c, pos2(-1.0, 0.0)) - 3.0 * PI / 2.0).abs() < 1e-6);
        let p = polar(c, 2.0, 1.0);
        assert!((angle_of(c, p) - 1.0).abs() < 1e-5 && ((p - c).length() - 2.0).abs() < 1e-5);
    }

    /// Finding: a map of 100 000 sectors became 100 000 slivers, each a widget with a label,
    /// and the app grew past 4 GB.
    #[test]
    fn a_hundred_thousand_sectors_make_a_few_dozen_wedges() {
        let k = crate::generate::synthetic(&crate::generate::Spec {
            sectors: 100_000,
            fanout: vec![],
            seed: 1,
        });
        let l = CompassLayout::new(&k, pos2(0.0, 0.0), 300.0, Proportions::default());
        assert_eq!(l.wedges.len(), MAX_SECTOR_WEDGES);
        let s = k.sectors();
        assert_eq!(l.wedge_of(s[0]), Some(0));
        assert_eq!(l.wedge_of(s[99_999]), Some(MAX_SECTOR_WEDGES - 1));
        assert_eq!(l.wedges.iter().map(|w| w.count).sum::<usize>(), 100_000);
        assert!((l.wedges.last().unwrap().end_rad - TAU).abs() < 1e-6);
    }

    #[test]
    fn any_number_of_sectors_and_children() {
        // A compass with 3 sectors of 2, 10 and 4 children, built from the fixture's format.
        let mut text = String::from(
            "(title: \"t\", levels: [(name: \"A\"), (name: \"B\"), (name: \"C\")], root: (id: \"0\", title: \"r\", children: [",
        );
        for (s, n) in [(1, 2), (2, 10), (3, 4)] {
            text.push_str(&format!("(id: \"{s}\", title: \"s\", children: ["));
            for c in 1..=n {
                text.push_str(&format!("(id: \"{s}.{c}\", title: \"c\"),"));
            }
            text.push_str("]),");
        }
        text.push_str("]))");
        let k = crate::load(&crate::Source::Memory(vec![("kompas.ron".into(), text)]))
            .unwrap()
            .kompas;
        let l = CompassLayout::new(&k, pos2(0.0, 0.0), 100.0, Proportions::default());
        assert_eq!(l.ring(0).count(), 3);
        assert_eq!(l.ring(1).count(), 16);
        let spans: Vec<f32> = l
            .ring(0)
            .map(|i| l.wedges[i].span_rad() / TAU * 16.0)
            .collect();
        assert!(
            (spans[0] - 2.0).abs() < 1e-4
                && (spans[1] - 10.0).abs() < 1e-4
                && (spans[2] - 4.0).abs() < 1e-4
        );
        // Every wedge is hit at its middle.
        for (i, w) in l.wedges.iter().enumerate() {
            assert_eq!(l.hit_test(w.point_at(l.center, 0.5)), Some(Hit::Wedge(i)));
        }
    }

    #[test]
    fn too_many_children_are_grouped_into_wedges_wide_enough_to_see() {
        let k = crate::generate::synthetic(&crate::generate::Spec {
            sectors: 3,
            fanout: vec![2000],
            seed: 5,
        });
        let radius = 300.0;
        let l = CompassLayout::new(&k, pos2(400.0, 400.0), radius, Proportions::default());
        let outer: Vec<&Wedge> = l.ring(1).map(|i| &l.wedges[i]).collect();
        assert!(outer.len() < 6000, "{} outer wedges", outer.len());
        // Every wedge is at least MIN_WEDGE_PX wide along its outer edge.
        for w in &outer {
            assert!(w.span_rad() * w.outer_px >= MIN_WEDGE_PX - 1e-3, "{w:?}");
        }
        // Every element is in exactly one wedge, and the groups add up to all of them.
        assert_eq!(outer.iter().map(|w| w.count).sum::<usize>(), 6000);
        for &s in k.sectors() {
            for &c in k.children(s) {
                let w = l.wedge_of(c).unwrap();
                let wedge = &l.wedges[w];
                let siblings = k.children(s);
                let first = siblings.iter().position(|&x| x == wedge.ix).unwrap();
                let last = siblings.iter().position(|&x| x == wedge.last).unwrap();
                let me = siblings.iter().position(|&x| x == c).unwrap();
                assert!(first <= me && me <= last);
                assert_eq!(last - first + 1, wedge.count);
            }
        }
        // The Sociaal Kompas has room for every koers on its own.
        let (_, sk) = layout();
        assert!(sk.wedges.iter().all(|w| w.count == 1));
    }
}
