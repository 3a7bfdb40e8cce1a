//! Layout at the sizes users meet: no text runs out of the box it stands in.

use super::*;
use kompas::ui::command::{Command, UiCommand};

/// Every view a desk user reaches, by the commands that reach it.
fn views() -> Vec<(&'static str, Vec<Command>)> {
    let go = |view: View, selected: Option<&str>| {
        Command::Go(kompas::nav::Location {
            view,
            selected: selected.map(Into::into),
        })
    };
    vec![
        ("kompas", vec![]),
        ("koers", vec![go(View::Page("4.3".into()), None)]),
        ("kaart", vec![go(View::Kaart("4.3".into()), None)]),
        (
            "inspanning",
            vec![go(View::Kaart("4.3".into()), Some("4.3.3.2"))],
        ),
        ("begrippen", vec![Command::Ui(UiCommand::ToggleGlossary)]),
        ("overzicht", vec![Command::Ui(UiCommand::ToggleOutline)]),
        ("trends", vec![go(View::Over("trends".into()), None)]),
        (
            "indicatoren",
            vec![go(View::Over("indicatoren".into()), None)],
        ),
        ("notities", vec![Command::Ui(UiCommand::ShowNotesWindow)]),
    ]
}

/// Every piece of text painted in the last frame, with the rectangle it is clipped to.
fn painted_texts<T>(h: &Harness<'_, T>) -> Vec<(String, egui::Rect, egui::Rect)> {
    fn walk(
        shape: &egui::Shape,
        clip: egui::Rect,
        out: &mut Vec<(String, egui::Rect, egui::Rect)>,
    ) {
        match shape {
            egui::Shape::Text(t) => {
                let rect = t.visual_bounding_rect();
                if !t.galley.text().trim().is_empty() {
                    out.push((t.galley.text().to_owned(), rect, clip));
                }
            }
            egui::Shape::Vec(shapes) => {
                for s in shapes {
                    walk(s, clip, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in &h.output().shapes {
        walk(&c.shape, c.clip_rect, &mut out);
    }
    out
}

/// What a cut label looks like to the check: a line too long for the panel it stands in.
#[test]
fn the_check_sees_a_cut_label() {
    let h = Harness::new_ui(|ui| {
        egui::Panel::left("smal").exact_size(100.0).show(ui, |ui| {
            ui.add(egui::Label::new("Een regel die veel te lang is voor dit paneel").extend());
        });
    });
    let cut = painted_texts(&h)
        .into_iter()
        .filter(|(_, rect, clip)| rect.right() > clip.right() + 1.0)
        .count();
    assert_eq!(cut, 1);
}

/// Text cut off at the side of its panel, window or scroll area shows as half a word: egui
/// clips it there. (Running off the bottom of a scroll area is scrolling, not a fault.)
#[test]
fn no_text_leaves_its_box_at_any_size() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (w, h_px) in [(800.0, 600.0), (1280.0, 720.0), (1920.0, 1080.0)] {
        for (name, commands) in views() {
            let mut h = harness_sized(w, h_px);
            let ctx = h.ctx.clone();
            for c in commands {
                h.state_mut().apply(&ctx, c);
            }
            h.run();
            for (text, rect, clip) in painted_texts(&h) {
                // Only what is on screen: text scrolled out of view vertically is fine.
                if rect.bottom() < clip.top() || rect.top() > clip.bottom() {
                    continue;
                }
                checked += 1;
                let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h_px));
                let visible = clip.intersect(screen);
                if rect.left() < visible.left() - 1.0 || rect.right() > visible.right() + 1.0 {
                    let short: String = text.chars().take(60).collect();
                    problems.push(format!(
                        "{w}×{h_px} {name}: ‘{short}’ x {:.0}–{:.0} cut at {:.0}–{:.0}",
                        rect.left(),
                        rect.right(),
                        visible.left(),
                        visible.right()
                    ));
                }
            }
        }
    }
    eprintln!("{checked} texts checked against their box");
    assert!(checked > 2000, "the check must see the texts: {checked}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The pixels a frame asks the renderer to fill, as a share of the window: the sum of its
/// triangles' areas. Under a software renderer (a laptop without GPU driver, a remote
/// desktop, Xvfb) every frame costs in proportion; the central panel's own background once
/// doubled the compass view's (1.5 windows), though the window is cleared to that colour.
#[test]
fn the_compass_view_fills_the_window_about_once_per_frame() {
    let mut h = harness_sized(1280.0, 800.0);
    h.step();
    let shapes = h.output().shapes.clone();
    let area: f64 = h
        .ctx
        .tessellate(shapes, 1.0)
        .iter()
        .filter_map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => Some(m),
            egui::epaint::Primitive::Callback(_) => None,
        })
        .flat_map(|m| {
            m.indices.chunks(3).map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| m.vertices[i as usize].pos);
                f64::from(((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0)
            })
        })
        .sum();
    let windows = area / (1280.0 * 800.0);
    assert!(
        (0.3..0.8).contains(&windows),
        "{windows:.2} windows of pixels per frame"
    );
}
