//! `kompas check`: counts per level and per sector, and every problem.

use std::fmt::Write as _;

use crate::model::Kompas;

/// The counts table `kompas check` prints.
pub(crate) fn report(kompas: &Kompas) -> String {
    let mut out = String::new();
    let m = &kompas.meta;
    let _ = writeln!(out, "{}", m.title);
    if !m.municipality.is_empty() || !m.period.is_empty() {
        let _ = writeln!(out, "gemeente {} · {}", m.municipality, m.period);
    }
    let _ = writeln!(out);
    let counts = kompas.count_per_level();
    let width = kompas
        .levels
        .iter()
        .map(|l| l.plural.chars().count())
        .max()
        .unwrap_or(6)
        .max("Begrippen".len());
    let _ = writeln!(out, "{:<width$}  {:>7}", "Niveau", "Aantal");
    for (level, count) in kompas.levels.iter().zip(&counts) {
        let _ = writeln!(out, "{:<width$}  {count:>7}", level.plural);
    }
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}",
        "Begrippen",
        kompas.begrippen.len()
    );

    let _ = writeln!(out);
    let sector_level = kompas.levels.get(1).map_or("Sector", |l| l.name.as_str());
    let below: Vec<&str> = kompas
        .levels
        .iter()
        .skip(2)
        .map(|l| l.plural.as_str())
        .collect();
    let col = below
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .max(7);
    let _ = write!(out, "{sector_level:<10}");
    for name in &below {
        let _ = write!(out, "  {name:>col$}");
    }
    let _ = writeln!(out, "  Titel");
    for &sector in kompas.sectors() {
        let el = kompas.element(sector);
        let counts = kompas.count_below(sector);
        let label = el.label.as_deref().unwrap_or(el.id.as_str());
        let _ = write!(out, "{label:<10}");
        for n in counts.iter().skip(2) {
            let _ = write!(out, "  {n:>col$}");
        }
        let title: String = el.title.chars().take(60).collect();
        let ellipsis = if el.title.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(out, "  {title}{ellipsis}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_every_level_and_sector() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let r = report(&k);
        for (level, n) in k.levels.iter().zip(k.count_per_level()) {
            let line = r.lines().find(|l| l.starts_with(&level.plural)).unwrap();
            assert!(line.trim_end().ends_with(&n.to_string()), "{line}");
        }
        assert!(
            r.lines()
                .any(|l| l.starts_with("Begrippen") && l.trim_end().ends_with("82"))
        );
        assert_eq!(
            r.lines()
                .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                .count(),
            4
        );
    }
}
