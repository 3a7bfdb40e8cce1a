//! Saving 10 000 notes: serialising (on the UI thread) and writing atomically with a backup
//! (on the saver thread). Target: at most 50 ms in all.

#![expect(
    clippy::unwrap_used,
    reason = "A benchmark that cannot set up is a failed benchmark."
)]

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::notes::{self, Edit, NotesFile};

fn ten_thousand() -> NotesFile {
    let mut f = NotesFile::default();
    for i in 0..10_000 {
        let id = format!("{}.{}.{}.{}", i % 4 + 1, i % 5 + 1, i % 7 + 1, i);
        f.edit(&id, "Een inspanning van gemiddelde lengte om de titel mee te bewaren.", "Anna", Edit::Note(format!("Notitie {i}: overleg met partners over de uitvoering, planning en budget in de wijk.")));
        f.edit(&id, "", "Anna", Edit::Status(Some("in uitvoering".into())));
        f.edit(
            &id,
            "",
            "Anna",
            Edit::Partners(vec!["Welzijn".into(), "Sport".into()]),
        );
    }
    f
}

fn bench(c: &mut Criterion) {
    let f = ten_thousand();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notities.ron");
    let mut group = c.benchmark_group("notes");
    group.sample_size(20);
    group.bench_function("serialise 10 000 notes", |b| {
        b.iter(|| notes::to_text(&f).unwrap());
    });
    let text = notes::to_text(&f).unwrap();
    let mut stamp = notes::save_text(&path, &text, None).unwrap().stamp;
    group.bench_function("write 10 000 notes atomically with backup", |b| {
        b.iter(|| stamp = notes::save_text(&path, &text, stamp).unwrap().stamp);
    });
    group.bench_function(
        "save 10 000 notes (serialise and write, the saver thread's work)",
        |b| {
            b.iter(|| {
                stamp = notes::save_text(&path, &notes::to_text(&f).unwrap(), stamp)
                    .unwrap()
                    .stamp;
            });
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
