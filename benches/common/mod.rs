//! Headless frames of the app, shared by the frame benchmarks.

use kompas::model::Kompas;
use kompas::nav::Location;
use kompas::ui::app::KompasApp;
use kompas::ui::command::{Command, Flag, OnOff};

/// Input for one frame of a window of `size` points.
fn input(size: egui::Vec2) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    }
}

/// One frame, tessellation included: that is part of a real frame's CPU cost.
pub(crate) fn frame(ctx: &egui::Context, app: &mut KompasApp, size: egui::Vec2) {
    let mut out = ctx.run_ui(input(size), |ui| app.ui(ui));
    out.textures_delta.clear();
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
}

/// The app on `kompas` at `location`, warmed up: fonts, layout and galley caches filled.
pub(crate) fn app_on(
    kompas: Kompas,
    location: Option<Location>,
    size: egui::Vec2,
) -> (egui::Context, KompasApp) {
    let ctx = egui::Context::default();
    let mut app = KompasApp::new(&ctx, kompas, Vec::new(), None);
    app.apply(&ctx, Command::Set(Flag::Animations, OnOff::Off));
    if let Some(loc) = location {
        app.apply(&ctx, Command::Go(loc));
    }
    for _ in 0..5 {
        frame(&ctx, &mut app, size);
    }
    (ctx, app)
}
