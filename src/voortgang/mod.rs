//! Voortgang: the yearly cycle of the compass. Each element has a record per year in the
//! notes ([`crate::notes::YearRecord`]); this module adds them up the goal tree for one year
//! ([`Rollup`]), compares two years ([`changes`]), reads and writes them as spreadsheets
//! ([`csv`], [`xlsx`]) and writes the year's report ([`verslag`]). Free of egui.
//!
//! What is counted: the elements without children (the inspanningen of the Sociaal Kompas,
//! whatever a compass calls its lowest level), each with the status that holds in the year
//! ([`crate::notes::Annotation::status_in`]); an element without one counts as "geen status".
//! The share afgerond leaves vervallen out of the denominator.

pub mod csv;
pub mod verslag;
pub mod xlsx;

use crate::model::{Ix, Kompas};
use crate::notes::NotesFile;

/// The column of elements that have no status in the year.
pub const GEEN_STATUS: &str = "geen status";

/// The status that counts as done.
pub const AFGEROND: &str = "afgerond";

/// The status that is left out of the share's denominator.
pub const VERVALLEN: &str = "vervallen";

/// Counts per status for every element of the tree, for one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollup {
    /// The year counted.
    pub year: i32,
    /// The statuses counted, in the store's order, then any other status found, then
    /// [`GEEN_STATUS`].
    pub columns: Vec<String>,
    /// `columns.len()` counts per node index.
    counts: Vec<u32>,
    afgerond: Option<usize>,
    vervallen: Option<usize>,
}

/// What a roll-up needs of the notes and the tree, prepared once per change of the notes so
/// that counting another year is a pass over arrays: every counted element's statuses by
/// year as column numbers, and the tree's post-order from petgraph's walk.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    columns: Vec<String>,
    /// Per counted element with records: its node index and its range in `records`.
    elements: Vec<(u32, u32, u32)>,
    /// (year, column) pairs, ascending by year per element.
    records: Vec<(i32, u32)>,
    /// The tree's elements with children after their children.
    post_order: Vec<u32>,
    bound: usize,
}

impl Prepared {
    /// Resolves every annotation once: its element, and each year's status as a column.
    pub fn new(kompas: &Kompas, notes: &NotesFile) -> Self {
        let mut columns: Vec<String> = notes.statuses.clone();
        let mut elements = Vec::new();
        let mut records = Vec::new();
        for (id, a) in &notes.notes {
            let Some(ix) = kompas.get(id).filter(|&ix| kompas.is_leaf(ix)) else {
                continue;
            };
            let start = records.len();
            for (&year, r) in &a.voortgang {
                let Some(status) = r.status.as_deref() else {
                    continue;
                };
                let col = if let Some(c) = columns.iter().position(|c| c == status) {
                    c
                } else {
                    columns.push(status.to_owned());
                    columns.len() - 1
                };
                records.push((year, to_u32(col)));
            }
            if records.len() > start {
                elements.push((to_u32(ix.index()), to_u32(start), to_u32(records.len())));
            }
        }
        columns.push(GEEN_STATUS.to_owned());
        let post_order = kompas
            .post_order(kompas.root())
            .map(|ix| to_u32(ix.index()))
            .collect();
        Self {
            columns,
            elements,
            records,
            post_order,
            bound: kompas.index_bound(),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Rollup {
    /// Adds up the statuses of `year` under every element of the tree.
    pub fn compute(kompas: &Kompas, notes: &NotesFile, year: i32) -> Self {
        Self::of(kompas, &Prepared::new(kompas, notes), year)
    }

    /// Adds up the statuses of `year` from prepared notes: one pass over the records, one
    /// over the post-order.
    pub fn of(kompas: &Kompas, p: &Prepared, year: i32) -> Self {
        let width = p.columns.len();
        let geen = width - 1;
        let mut counts = vec![0u32; p.bound * width];
        // Every element without children counts once, in "geen status" unless a record says.
        for &ix in &p.post_order {
            if kompas
                .children(crate::model::Ix::new(ix as usize))
                .is_empty()
                && let Some(c) = counts.get_mut(ix as usize * width + geen)
            {
                *c += 1;
            }
        }
        for &(ix, start, end) in &p.elements {
            let recs = p.records.get(start as usize..end as usize).unwrap_or(&[]);
            let upto = recs.partition_point(|(y, _)| *y <= year);
            if let Some(&(_, col)) = upto.checked_sub(1).and_then(|i| recs.get(i)) {
                let at = ix as usize * width;
                if let Some(c) = counts.get_mut(at + geen) {
                    *c -= 1;
                }
                if let Some(c) = counts.get_mut(at + col as usize) {
                    *c += 1;
                }
            }
        }
        for &ix in &p.post_order {
            let at = ix as usize * width;
            for &child in kompas.children(crate::model::Ix::new(ix as usize)) {
                let from = child.index() * width;
                for k in 0..width {
                    let add = counts.get(from + k).copied().unwrap_or(0);
                    if let Some(c) = counts.get_mut(at + k) {
                        *c += add;
                    }
                }
            }
        }
        let columns = p.columns.clone();
        let find = |name: &str| columns.iter().position(|c| c == name);
        Self {
            year,
            afgerond: find(AFGEROND),
            vervallen: find(VERVALLEN),
            columns,
            counts,
        }
    }

    /// The counts under `ix` (itself included when it has no children), one per column.
    pub fn counts(&self, ix: Ix) -> &[u32] {
        let w = self.columns.len();
        self.counts
            .get(ix.index() * w..(ix.index() + 1) * w)
            .unwrap_or(&[])
    }

    /// How many counted elements are under `ix` with `status`.
    pub fn count(&self, ix: Ix, status: &str) -> u32 {
        self.columns
            .iter()
            .position(|c| c == status)
            .and_then(|i| self.counts(ix).get(i).copied())
            .unwrap_or(0)
    }

    /// How many elements are counted under `ix`.
    pub fn total(&self, ix: Ix) -> u32 {
        self.counts(ix).iter().sum()
    }

    /// How many are afgerond under `ix`.
    pub fn done(&self, ix: Ix) -> u32 {
        self.column(ix, self.afgerond)
    }

    /// The denominator of the share: all counted but the vervallen ones.
    pub fn counted(&self, ix: Ix) -> u32 {
        self.total(ix) - self.column(ix, self.vervallen)
    }

    fn column(&self, ix: Ix, col: Option<usize>) -> u32 {
        col.and_then(|c| self.counts(ix).get(c).copied())
            .unwrap_or(0)
    }

    /// The share afgerond, 0 to 1; `None` when nothing is counted.
    pub fn share(&self, ix: Ix) -> Option<f64> {
        let n = self.counted(ix);
        (n > 0).then(|| f64::from(self.done(ix)) / f64::from(n))
    }

    /// The share as a whole percentage, rounded half up; `None` when nothing is counted.
    pub fn percent(&self, ix: Ix) -> Option<u32> {
        let n = self.counted(ix);
        (n > 0).then(|| (self.done(ix) * 100 + n / 2) / n)
    }

    /// True when any element under `ix` has a status in this year.
    pub fn has_any(&self, ix: Ix) -> bool {
        let counts = self.counts(ix);
        counts
            .iter()
            .take(counts.len().saturating_sub(1))
            .any(|&c| c > 0)
    }

    /// "Koers 1.3: 12 van 30 afgerond in 2019": what a screen reader says and a tooltip shows.
    pub fn sentence(&self, kompas: &Kompas, ix: Ix) -> String {
        format!(
            "{}: {} van {} afgerond in {}",
            kompas.short_name(ix),
            self.done(ix),
            self.counted(ix),
            self.year
        )
    }

    /// The counts of `ix` as "afgerond: 12, in uitvoering: 3, …", zero counts left out.
    pub fn breakdown(&self, ix: Ix) -> String {
        self.columns
            .iter()
            .zip(self.counts(ix))
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| format!("{c}: {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The years to offer: those of the compass's period ("2017-2020"), every year with a record
/// or a measured value, and the current year; ascending.
pub fn candidate_years(kompas: &Kompas, notes: &NotesFile) -> Vec<i32> {
    let mut years = crate::notes::parse_years(&kompas.meta.period).unwrap_or_default();
    years.extend(notes.years_recorded());
    years.push(crate::notes::this_year());
    years.retain(|y| crate::notes::YEARS.contains(y));
    years.sort_unstable();
    years.dedup();
    years
}

/// How an element's status differs between two years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The element.
    pub element: Ix,
    /// Its status in the first year (`None`: none).
    pub from: Option<String>,
    /// Its status in the second year.
    pub to: Option<String>,
}

impl Change {
    /// "nieuw", "vervallen" or "gewijzigd": how the change is grouped.
    pub fn kind(&self) -> &'static str {
        match (&self.from, self.to.as_deref()) {
            (_, Some(VERVALLEN) | None) => "vervallen of weggevallen",
            (None, Some(_)) => "nieuw",
            (Some(_), Some(_)) => "gewijzigd",
        }
    }
}

/// Every element whose status in `to` differs from that in `from`, in document order: what
/// moved from in uitvoering to afgerond, what was added, what was dropped.
pub fn changes(kompas: &Kompas, notes: &NotesFile, from: i32, to: i32) -> Vec<Change> {
    let mut rank = vec![usize::MAX; kompas.index_bound()];
    for (i, ix) in kompas.document_order().into_iter().enumerate() {
        if let Some(r) = rank.get_mut(ix.index()) {
            *r = i;
        }
    }
    let mut out: Vec<(usize, Change)> = notes
        .notes
        .iter()
        .filter_map(|(id, a)| {
            let ix = kompas.get(id)?;
            let (f, t) = (a.status_in(from), a.status_in(to));
            (f != t).then(|| {
                (
                    rank.get(ix.index()).copied().unwrap_or(usize::MAX),
                    Change {
                        element: ix,
                        from: f.map(str::to_owned),
                        to: t.map(str::to_owned),
                    },
                )
            })
        })
        .collect();
    out.sort_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests;
