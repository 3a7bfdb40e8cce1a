//! Kompas at 530 and at 50 000 elements: loading and validating, building the search index,
//! searching, importing a Freeplane map, and one headless frame of the compass and of the
//! longest list. Targets at 50 000: load and validate ≤ 500 ms, search ≤ 20 ms, frame ≤ 4 ms.

#![expect(
    clippy::unwrap_used,
    reason = "A benchmark that cannot set up is a failed benchmark."
)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::generate::{Spec, synthetic};
use kompas::model::Kompas;
use kompas::nav::{Location, View};
use kompas::source::Source;
use kompas::ui::command::{Command, Flag, OnOff};

mod common;

use common::{app_on, frame};

/// Full HD.
const SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The compasses measured: the Sociaal Kompas, 50 000 elements in a deep tree (8 sectors of 9
/// koersen), and 50 000 in a wide one (6 sectors of 800 koersen of 10).
fn compasses() -> Vec<(&'static str, Kompas)> {
    vec![
        ("sociaal kompas", kompas::load_embedded().unwrap().kompas),
        ("50k diep", synthetic(&Spec::with_elements(50_000, 1))),
        (
            "50k breed",
            synthetic(&Spec {
                sectors: 6,
                fanout: vec![800, 10],
                seed: 1,
            }),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("schaal");
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    for (name, k) in compasses() {
        let files = kompas::write::to_files(&k).unwrap();
        let source = Source::Memory(files);
        g.bench_function(format!("laden en controleren: {name}"), |b| {
            b.iter(|| kompas::load(&source).unwrap());
        });
        let glossary = kompas::glossary::Glossary::new(&k);
        g.bench_function(format!("zoekindex bouwen: {name}"), |b| {
            b.iter(|| kompas::search::SearchIndex::new(&k, &glossary));
        });
        let index = kompas::search::SearchIndex::new(&k, &glossary);
        g.bench_function(format!("zoeken 'mantelzorgers': {name}"), |b| {
            b.iter(|| index.search("mantelzorgers", 50));
        });
        let mm = kompas::mindmap::freeplane::write(&k);
        g.bench_function(format!("Freeplane-map openen: {name}"), |b| {
            b.iter(|| {
                let o = kompas::mindmap::freeplane::read(&mm, "x.mm").unwrap();
                kompas::mindmap::to_kompas(&o, "x.mm", &mm, &Default::default()).unwrap()
            });
        });
        let (ctx, mut app) = app_on(k.clone(), None, SIZE);
        g.bench_function(format!("beeld kompas 1920x1080: {name}"), |b| {
            b.iter(|| frame(&ctx, &mut app, SIZE));
        });
        // The longest list: the page of the sector with the most children.
        let Some(&widest) = k.sectors().iter().max_by_key(|&&s| k.children(s).len()) else {
            continue;
        };
        let page = Location {
            view: View::Page(k.element(widest).id.clone()),
            selected: None,
        };
        let (ctx, mut app) = app_on(k.clone(), Some(page), SIZE);
        g.bench_function(
            format!(
                "beeld lijst van {} onderdelen: {name}",
                k.children(widest).len()
            ),
            |b| b.iter(|| frame(&ctx, &mut app, SIZE)),
        );
        // The outline with the widest sector open (an element in it selected).
        let inside = k
            .children(widest)
            .last()
            .map(|&c| kompas::nav::location_for(&k, c));
        let mut app_outline = app_on(k.clone(), inside, SIZE);
        app_outline
            .1
            .apply(&app_outline.0, Command::Set(Flag::Outline, OnOff::On));
        for _ in 0..3 {
            frame(&app_outline.0, &mut app_outline.1, SIZE);
        }
        g.bench_function(
            format!("beeld grootste kaart met overzicht open: {name}"),
            |b| b.iter(|| frame(&app_outline.0, &mut app_outline.1, SIZE)),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
