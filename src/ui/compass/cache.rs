//! The compass's cache: layout, outlines, meshes, fitted labels and tab order, built once per
//! size and theme so that a frame only paints.

use egui::{Color32, Mesh, Pos2, Rect, Ui};

use super::label_flow::FlowShape;
use super::labels::{FittedLabel, fit_label, fit_ring};
use super::layout::{CompassLayout, Proportions, Wedge, polar};
use crate::model::{Ix, Kompas};
use crate::ui::theme::{self, MAX_LABEL_PX, Theme};

/// Everything that only changes when the size or the theme changes: geometry, the filled
/// shapes, fitted labels and the tab order. The compass itself cannot change under it: the
/// view lives in the session of one open compass.
pub(super) struct Cache {
    pub(super) key: CacheKey,
    pub(super) layout: CompassLayout,
    pub(super) outlines: Vec<Vec<Pos2>>,
    pub(super) meshes: Vec<Mesh>,
    /// How finely arcs are cut at this size ([`arc_steps_per_rad`]), for everything drawn
    /// along the wedges' edges.
    pub(super) steps_per_rad: f32,
    pub(super) labels: Vec<FittedLabel>,
    pub(super) core_label: FittedLabel,
    /// The shapes in document order (the tab order): `None` is the centre, else a wedge.
    pub(super) tab_order: Vec<(Option<usize>, Ix)>,
    /// Some title in the outer ring does not fit whole: the legend then lists them all.
    pub(super) outer_cut: bool,
}

/// What the cache was built for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct CacheKey {
    pub(super) rect: Rect,
    pub(super) theme: theme::ThemeKind,
    pub(super) pixels_per_point: f32,
    /// The sector ring carries the sectors' titles; without (the legend beside the compass
    /// gives them) it shows large numbers and is narrower, so the outer ring has more room.
    pub(super) sector_titles: bool,
    /// Every ring shows numbers only (presenting: the titles are beside the compass, large).
    pub(super) numbers_only: bool,
}

pub(super) fn circle_points(center: Pos2, r: f32, n: usize) -> Vec<Pos2> {
    (0..n)
        .map(|i| polar(center, r, std::f32::consts::TAU * i as f32 / n as f32))
        .collect()
}

/// A quarter or more of the ring's single elements cannot show their whole title.
fn mostly_cut(kompas: &Kompas, layout: &CompassLayout, fitted: &[(usize, FittedLabel)]) -> bool {
    let singles: Vec<_> = fitted
        .iter()
        .filter(|(i, _)| layout.wedges[*i].count == 1)
        .collect();
    let cut = singles
        .iter()
        .filter(|(i, l)| {
            let total = 1 + kompas
                .element(layout.wedges[*i].ix)
                .title
                .split_whitespace()
                .count();
            l.words_shown < total
        })
        .count();
    !singles.is_empty() && cut * 4 >= singles.len()
}

/// How finely an arc of radius `radius_px` (the compass's outer radius, in pixels) is cut:
/// as few straight pieces as keep each within a fifth of a pixel of the true arc (the sagitta
/// r(1 − cos θ/2) ≈ rθ²/8). Finer cutting is not seen, but costs: long thin triangles are
/// what a software renderer is slowest at, and the wedges were a third of each frame.
pub(super) fn arc_steps_per_rad(radius_px: f32) -> f32 {
    const TOLERANCE_PX: f32 = 0.2;
    (radius_px.max(1.0) / (8.0 * TOLERANCE_PX)).sqrt().max(8.0)
}

pub(super) fn build_cache(ui: &Ui, key: CacheKey, kompas: &Kompas, theme: &Theme) -> Cache {
    super::labels::new_measuring_round();
    let radius = key.rect.width() / 2.0;
    let proportions = if key.sector_titles {
        Proportions::default()
    } else {
        Proportions::numbers_in_sectors()
    };
    let layout = CompassLayout::new(kompas, key.rect.center(), radius, proportions);
    let steps_per_rad = arc_steps_per_rad(radius * key.pixels_per_point);
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
        let titles = (ring > 0 || key.sector_titles) && !key.numbers_only;
        let mut fitted = fit_ring(ui, kompas, &layout, ring, titles);
        if titles && ring > 0 && !key.sector_titles && mostly_cut(kompas, &layout, &fitted) {
            // With the legend beside the compass (which then lists every title), a ring of
            // "Meer…" stubs, some turned on their side, tells less than its numbers, large
            // and all alike (a small window, or zoomed in far).
            fitted = fit_ring(ui, kompas, &layout, ring, false);
        }
        for (i, label) in fitted {
            if let Some(slot) = labels.get_mut(i) {
                *slot = Some(label);
            }
        }
    }
    // Typed here: left to inference, the macOS build (where itertools is in the graph) overflows
    // evaluating `zip(&labels)` below.
    let labels: Vec<FittedLabel> = labels
        .into_iter()
        .map(|l| l.unwrap_or_else(|| FittedLabel::empty(layout.center)))
        .collect();
    let core_shape = FlowShape::disk(layout.center, layout.core_radius_px, 10.0);
    // Presenting gives the einddoel's title in full beside the compass; a small core would
    // only show it cut ("Meetellen en meedoen in…").
    let core_label = if key.numbers_only {
        FittedLabel::empty(layout.center)
    } else {
        fit_label(
            ui,
            &core_shape,
            None,
            &kompas.element(kompas.root()).title,
            true,
            MAX_LABEL_PX + 6.0,
            false,
        )
    };
    let mut tab_order = vec![(None, kompas.root())];
    for &s in kompas.sectors() {
        // A group of sectors is one stop too, at its first sector.
        tab_order.extend(
            layout
                .wedge_of(s)
                .filter(|&w| layout.wedges[w].ix == s)
                .map(|w| (Some(w), s)),
        );
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
    let outer_cut = layout
        .wedges
        .iter()
        .zip(&labels)
        .any(|(w, l): (&Wedge, &FittedLabel)| {
            w.ring == 1
                && w.count == 1
                && l.words_shown <= kompas.element(w.ix).title.split_whitespace().count()
        });
    Cache {
        key,
        tab_order,
        outer_cut,
        layout,
        outlines,
        meshes,
        steps_per_rad,
        labels,
        core_label,
    }
}

/// A filled annular sector as a triangle strip (egui's polygon fill needs convex shapes).
pub(super) fn wedge_mesh(w: &Wedge, center: Pos2, steps_per_rad: f32, color: Color32) -> Mesh {
    let steps = ((w.span_rad() * steps_per_rad).ceil() as u32).max(2);
    let mut mesh = Mesh::default();
    for i in 0..=steps {
        let a = w.start_rad + w.span_rad() * i as f32 / steps as f32;
        mesh.colored_vertex(polar(center, w.inner_px, a), color);
        mesh.colored_vertex(polar(center, w.outer_px, a), color);
        if i > 0 {
            let b = 2 * i;
            mesh.add_triangle(b - 2, b - 1, b);
            mesh.add_triangle(b - 1, b + 1, b);
        }
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Vec2, pos2, vec2};

    #[test]
    fn arcs_are_cut_as_coarsely_as_the_eye_allows() {
        for r in [40.0_f32, 300.0, 500.0, 1000.0, 2000.0] {
            let step = 1.0 / arc_steps_per_rad(r);
            let sagitta = r * (1.0 - (step / 2.0).cos());
            assert!(sagitta <= 0.2 + 1e-3, "r {r}: {sagitta} px off the arc");
        }
        // A compass of 300 px radius: about 14 pieces per radian (it was 50).
        assert!((12.0..16.0).contains(&arc_steps_per_rad(300.0)));
    }

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
        let theme = Theme::new(theme::ThemeKind::Light);
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
                    pixels_per_point: 1.0,
                    sector_titles: true,
                    numbers_only: false,
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

    /// The compass as `kompas render` draws it at 1280×720 (the legend beside it).
    fn rendered_at_1280_by_720(theme: &Theme) -> CacheKey {
        CacheKey {
            rect: Rect::from_center_size(pos2(430.0, 360.0), Vec2::splat(664.0)),
            theme: theme.kind,
            pixels_per_point: 1.0,
            sector_titles: false,
            numbers_only: false,
        }
    }

    /// Finding: at 1280×720 koers labels differed in size from wedge to wedge and hoofddoel 3
    /// was about 8 px. With the hoofddoel titles in the legend (the ring shows their
    /// numbers), every koers title is whole, at one size of at least 12 px.
    #[test]
    fn at_1280_by_720_every_koers_title_is_whole_and_the_same_size() {
        let kompas = crate::load::load_embedded().unwrap().kompas;
        let theme = Theme::new(theme::ThemeKind::Light);
        with_ui(vec2(1280.0, 720.0), |ui| {
            let cache = build_cache(ui, rendered_at_1280_by_720(&theme), &kompas, &theme);
            let mut sizes = Vec::new();
            for (i, wedge) in cache.layout.wedges.iter().enumerate() {
                let l = &cache.labels[i];
                let text: String = l.lines.iter().map(|(_, g)| g.text().to_owned()).collect();
                let id = &kompas.element(wedge.ix).id;
                assert!(!text.contains('…'), "{id} cut: {text}");
                if wedge.ring == 1 {
                    let title_words = kompas.element(wedge.ix).title.split_whitespace().count();
                    assert_eq!(l.words_shown, title_words + 1, "{id} whole");
                    sizes.push(l.lines[0].1.job.sections[0].format.font_id.size);
                }
            }
            let (lo, hi) = sizes
                .iter()
                .fold((f32::MAX, 0.0_f32), |(lo, hi), &s| (lo.min(s), hi.max(s)));
            assert!(lo >= 12.0, "smallest koers label {lo} px");
            assert!(hi - lo <= 1.0, "one size per ring: {lo}..{hi} px");
        });
    }

    /// Oegstgeest's 23 themes at 1280×720: too thin for their titles, so the ring shows
    /// their numbers, large (the legend beside it has the titles). A size search that skipped
    /// sizes once set them as 7-px stubs ("Samen met…") instead: in a thin wedge text can fit
    /// at one size, not at the next smaller and again below it, so only a scan from the top
    /// finds the size every label should have.
    #[test]
    fn oegstgeest_at_1280_by_720_shows_its_numbers_large() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("kompas/oegstgeest-sociaal-domein");
        let kompas = crate::load::load_path(&path).unwrap().kompas;
        let theme = Theme::new(theme::ThemeKind::Light);
        with_ui(vec2(1280.0, 720.0), |ui| {
            let cache = build_cache(ui, rendered_at_1280_by_720(&theme), &kompas, &theme);
            for (i, wedge) in cache.layout.wedges.iter().enumerate() {
                if wedge.ring == 1 && wedge.count == 1 {
                    let l = &cache.labels[i];
                    let text: String = l.lines.iter().map(|(_, g)| g.text().to_owned()).collect();
                    let size = l.lines[0].1.job.sections[0].format.font_id.size;
                    assert_eq!(l.words_shown, 1, "only the number: {text:?}");
                    assert!(size >= 20.0, "{text:?} at {size} px");
                }
            }
        });
    }

    #[test]
    fn any_compass_shape_gets_a_label_in_every_shape() {
        let theme = Theme::new(theme::ThemeKind::Light);
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
                    pixels_per_point: 1.0,
                    sector_titles: true,
                    numbers_only: false,
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
