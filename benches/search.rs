//! Search: one query on the Sociaal Kompas (target ≤ 1 ms per keystroke) and on a generated
//! compass of about 100 000 elements (target ≤ 20 ms), and building the index.

#![expect(
    clippy::unwrap_used,
    reason = "A benchmark that cannot set up is a failed benchmark."
)]

use criterion::{Criterion, criterion_group, criterion_main};
use kompas::generate::{Spec, synthetic};
use kompas::glossary::Glossary;
use kompas::search::SearchIndex;

fn bench(c: &mut Criterion) {
    let kompas = kompas::load_embedded().unwrap().kompas;
    let glossary = Glossary::new(&kompas);
    c.bench_function("search index: sociaal kompas", |b| {
        b.iter(|| SearchIndex::new(&kompas, &glossary));
    });
    let index = SearchIndex::new(&kompas, &glossary);
    for q in ["mantelzorg", "clientondersteunnig", "eenzaam jongeren", "m"] {
        c.bench_function(&format!("search: sociaal kompas '{q}'"), |b| {
            b.iter(|| index.search(q, 200));
        });
    }

    let big = synthetic(&Spec::with_elements(100_000, 11));
    let big_glossary = Glossary::new(&big);
    let mut group = c.benchmark_group("100k");
    group.sample_size(10);
    group.bench_function(format!("search index: {} elements", big.len()), |b| {
        b.iter(|| SearchIndex::new(&big, &big_glossary));
    });
    let big_index = SearchIndex::new(&big, &big_glossary);
    for q in ["mantelzorgers", "mantelzorgrs", "jongeren wijk", "st"] {
        group.bench_function(format!("search: {} elements '{q}'", big.len()), |b| {
            b.iter(|| big_index.search(q, 200));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
