//! The yearly cycle at 50 000 elements: the roll-up of one year (target ≤ 5 ms), switching
//! the year on the compass and drawing it (target ≤ 4 ms), and reading, checking and applying
//! a spreadsheet of 50 000 rows (target ≤ 1 s).

#![expect(
    clippy::unwrap_used,
    reason = "A benchmark that cannot set up is a failed benchmark."
)]

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::notes::{Edit, NotesFile, YearEdit};
use kompas::ui::command::{Command, NotesCommand, VoortgangCommand};
use kompas::voortgang::{Prepared, Rollup, csv};

mod common;

const STATUSES: [&str; 5] = [
    "niet gestart",
    "in voorbereiding",
    "in uitvoering",
    "afgerond",
    "vervallen",
];

#[expect(
    clippy::too_many_lines,
    reason = "set-up and five measurements of one compass, in order"
)]
fn bench(c: &mut Criterion) {
    let kompas = kompas::generate::synthetic(&kompas::generate::Spec::with_elements(50_000, 1));
    let leaves: Vec<String> = kompas
        .document_order()
        .into_iter()
        .filter(|&ix| kompas.is_leaf(ix))
        .map(|ix| kompas.element(ix).id.as_str().to_owned())
        .collect();
    let mut notes = NotesFile::default();
    for (i, id) in leaves.iter().enumerate() {
        for year in [2018, 2019] {
            let status = STATUSES[(i + year as usize) % 5];
            notes.edit(
                id,
                "",
                "Anna",
                Edit::Jaar(year, YearEdit::Status(Some(status.into()))),
            );
        }
    }
    let mut sheet = String::from("id;jaar;status;voortgang\n");
    for (i, id) in kompas
        .document_order()
        .into_iter()
        .map(|ix| kompas.element(ix).id.as_str())
        .take(50_000)
        .enumerate()
    {
        sheet.push_str(&format!(
            "{id};2020;{};Voortgang van regel {i}: gesprekken gevoerd, plan klaar\n",
            STATUSES[i % 5]
        ));
    }
    let mut group = c.benchmark_group("voortgang");
    group.sample_size(20);
    group.bench_function(
        format!(
            "roll-up of one year from the notes (prepare and count), {} elements",
            kompas.len()
        ),
        |b| {
            b.iter(|| Rollup::compute(&kompas, &notes, 2019));
        },
    );
    let prepared = Prepared::new(&kompas, &notes);
    group.bench_function(
        format!(
            "switch the year (roll-up from prepared notes), {} elements",
            kompas.len()
        ),
        |b| {
            b.iter(|| Rollup::of(&kompas, &prepared, 2019));
        },
    );
    // The app on the same compass with the same notes, the compass drawn at 1920×1080: the
    // year switched (roll-up from the prepared notes) and the frame drawn with its bands.
    let size = egui::vec2(1920.0, 1080.0);
    let (ctx, mut app) = common::app_on(kompas.clone(), None, size);
    for (id, a) in &notes.notes {
        for (year, r) in &a.voortgang {
            let status = r.status.clone();
            app.apply(
                &ctx,
                Command::Notes(NotesCommand::Annotate(
                    id.as_str().into(),
                    Edit::Jaar(*year, YearEdit::Status(status)),
                )),
            );
        }
    }
    app.apply(
        &ctx,
        Command::Voortgang(VoortgangCommand::SetYear(Some(2019))),
    );
    for _ in 0..3 {
        common::frame(&ctx, &mut app, size);
    }
    let mut year = 2018;
    group.bench_function(
        format!(
            "switch the year and draw the compass, {} elements",
            kompas.len()
        ),
        |b| {
            b.iter(|| {
                year = if year == 2018 { 2019 } else { 2018 };
                app.apply(
                    &ctx,
                    Command::Voortgang(VoortgangCommand::SetYear(Some(year))),
                );
                common::frame(&ctx, &mut app, size);
            });
        },
    );
    group.bench_function("check 50 000 spreadsheet rows", |b| {
        b.iter(|| csv::check(sheet.as_bytes(), &kompas, &notes.statuses).unwrap());
    });
    group.sample_size(10);
    group.bench_function("check and apply 50 000 spreadsheet rows", |b| {
        b.iter_batched(
            || notes.clone(),
            |mut n| {
                let checked = csv::check(sheet.as_bytes(), &kompas, &n.statuses).unwrap();
                assert!(checked.problems.is_empty(), "{:?}", checked.problems);
                csv::apply(&mut n, &kompas, &checked.rows, "Anna")
            },
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
