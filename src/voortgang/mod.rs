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

impl Rollup {
    /// Adds up the statuses of `year` under every element: one pass over the annotations,
    /// one post-order walk of the petgraph tree.
    pub fn compute(kompas: &Kompas, notes: &NotesFile, year: i32) -> Self {
        let mut columns: Vec<String> = notes.statuses.clone();
        // Each counted element's column; a status outside the store's list gets its own.
        let bound = kompas.index_bound();
        let mut column_of: Vec<u32> = vec![u32::MAX; bound];
        for (id, a) in &notes.notes {
            let (Some(ix), Some(status)) = (kompas.get(id), a.status_in(year)) else {
                continue;
            };
            if !kompas.is_leaf(ix) {
                continue;
            }
            let col = match columns.iter().position(|c| c == status) {
                Some(c) => c,
                None => {
                    columns.push(status.to_owned());
                    columns.len() - 1
                }
            };
            if let Some(slot) = column_of.get_mut(ix.index()) {
                *slot = u32::try_from(col).unwrap_or(u32::MAX);
            }
        }
        let geen = columns.len();
        columns.push(GEEN_STATUS.to_owned());
        let width = columns.len();
        let mut counts = vec![0u32; bound * width];
        for ix in kompas.post_order(kompas.root()) {
            let at = ix.index() * width;
            let children = kompas.children(ix);
            if children.is_empty() {
                let col = column_of
                    .get(ix.index())
                    .map_or(geen, |&c| if c == u32::MAX { geen } else { c as usize });
                if let Some(c) = counts.get_mut(at + col) {
                    *c += 1;
                }
            } else {
                for &child in children {
                    let from = child.index() * width;
                    for k in 0..width {
                        let add = counts.get(from + k).copied().unwrap_or(0);
                        if let Some(c) = counts.get_mut(at + k) {
                            *c += add;
                        }
                    }
                }
            }
        }
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
        self.counts.get(ix.index() * w..(ix.index() + 1) * w).unwrap_or(&[])
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
        counts.iter().take(counts.len().saturating_sub(1)).any(|&c| c > 0)
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
