//! CPU time of one headless frame of the app: the compass, and the largest koerskaart (4.3,
//! 51 inspanningen). Target: at most 1 ms per frame.

#![allow(clippy::unwrap_used)] // A benchmark that cannot set up is a failed benchmark.

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::nav::{Location, View};
use kompas::ui::app::KompasApp;
use kompas::ui::command::Command;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 720.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut KompasApp) {
    let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
    out.textures_delta.clear();
    // Tessellation is part of a real frame's CPU cost.
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
}

fn app_at(location: Option<Location>) -> (egui::Context, KompasApp) {
    let ctx = egui::Context::default();
    let kompas = kompas::load_embedded().unwrap().kompas;
    let mut app = KompasApp::new(&ctx, kompas, Vec::new(), None);
    app.apply(&ctx, Command::SetAnimations(false));
    if let Some(loc) = location {
        app.apply(&ctx, Command::Go(loc));
    }
    // Warm up: fonts, layout caches, galley caches.
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

fn bench(c: &mut Criterion) {
    let (ctx, mut app) = app_at(None);
    c.bench_function("frame: kompas 1280x720", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });

    let kaart = Location {
        view: View::Kaart("4.3".into()),
        selected: Some("4.3.3.2".into()),
    };
    let (ctx, mut app) = app_at(Some(kaart));
    c.bench_function("frame: koerskaart 4.3 1280x720", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
