//! CPU time of one headless frame of the app: the compass, and the largest koerskaart (4.3,
//! 51 inspanningen). Target: at most 1 ms per frame. And a frame of the compass while the
//! window is being resized: every frame a new size, so the labels are fitted again.

#![expect(
    clippy::unwrap_used,
    reason = "A benchmark that cannot set up is a failed benchmark."
)]

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::nav::{Location, View};
use kompas::ui::app::KompasApp;

mod common;

use common::frame;

/// The window: a projector's 1280×720.
const SIZE: egui::Vec2 = egui::vec2(1280.0, 720.0);

fn app_at(location: Option<Location>) -> (egui::Context, KompasApp) {
    common::app_on(kompas::load_embedded().unwrap().kompas, location, SIZE)
}

fn bench(c: &mut Criterion) {
    let (ctx, mut app) = app_at(None);
    c.bench_function("frame: kompas 1280x720", |b| {
        b.iter(|| frame(&ctx, &mut app, SIZE));
    });

    let (ctx, mut app) = app_at(None);
    let mut wider = false;
    c.bench_function("frame: kompas while resizing 1280x720", |b| {
        b.iter(|| {
            wider = !wider;
            let size = if wider {
                SIZE + egui::vec2(0.0, 2.0)
            } else {
                SIZE
            };
            frame(&ctx, &mut app, size);
        });
    });

    let kaart = Location {
        view: View::Kaart("4.3".into()),
        selected: Some("4.3.3.2".into()),
    };
    let (ctx, mut app) = app_at(Some(kaart));
    c.bench_function("frame: koerskaart 4.3 1280x720", |b| {
        b.iter(|| frame(&ctx, &mut app, SIZE));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
