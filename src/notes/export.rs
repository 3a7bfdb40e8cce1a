//! Notes out of Kompas for people: CSV for a spreadsheet, Markdown for reading, every word
//! of every note, reaction and history entry included.

use super::{NotesFile, show_years};
use crate::model::Kompas;

/// Rows for CSV and Markdown exports: one per annotation, reactions and history flattened
/// into text so every word is in the export.
pub fn export_rows(file: &NotesFile, kompas: &Kompas) -> Vec<[String; 11]> {
    file.notes
        .iter()
        .map(|(id, a)| {
            let ix = kompas.get(id);
            let title = ix.map_or_else(
                || "(niet meer in het kompas)".to_owned(),
                |ix| kompas.element(ix).title.clone(),
            );
            let level = ix
                .and_then(|ix| kompas.level(ix))
                .map_or_else(String::new, |l| l.name.clone());
            let reactions = a
                .reactions
                .iter()
                .map(|r| {
                    let mut parts = vec![format!("{} ({}, {})", r.partner, r.by, r.at)];
                    if !r.note.is_empty() {
                        parts.push(format!("notitie: {}", r.note));
                    }
                    if let Some(s) = &r.status {
                        parts.push(format!("status: {s}"));
                    }
                    if !r.proposal.is_empty() {
                        parts.push(format!("voorstel: {}", r.proposal));
                    }
                    parts.join("; ")
                })
                .collect::<Vec<_>>()
                .join(" | ");
            let history = a
                .history
                .iter()
                .map(|h| format!("{} {} {}: '{}' → '{}'", h.at, h.by, h.field, h.old, h.new))
                .collect::<Vec<_>>()
                .join(" | ");
            [
                id.clone(),
                level,
                title,
                a.note.clone(),
                a.status.clone().unwrap_or_default(),
                a.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
                show_years(&a.years),
                a.partners.join(", "),
                format!("{} {}", a.updated_by, a.updated_at)
                    .trim()
                    .to_owned(),
                reactions,
                history,
            ]
        })
        .collect()
}

/// Column names of [`export_rows`].
pub const EXPORT_HEADER: [&str; 11] = [
    "id",
    "niveau",
    "titel",
    "notitie",
    "status",
    "prioriteit",
    "jaren",
    "partners",
    "laatst gewijzigd",
    "reacties",
    "geschiedenis",
];

/// The notes as CSV (UTF-8, comma separated, quoted where needed).
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn to_csv(file: &NotesFile, kompas: &Kompas) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(EXPORT_HEADER)?;
    for row in export_rows(file, kompas) {
        w.write_record(&row)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The notes as a Markdown document, grouped in document order with orphans at the end.
pub fn to_markdown(file: &NotesFile, kompas: &Kompas) -> String {
    let mut out = format!("# Notities bij {}\n\n", kompas.meta.title);
    let rows = export_rows(file, kompas);
    for row in rows {
        let [
            id,
            level,
            title,
            note,
            status,
            priority,
            years,
            partners,
            updated,
            reactions,
            history,
        ] = row;
        out.push_str(&format!("## {level} {id}: {title}\n\n"));
        for (k, v) in [
            ("Status", status),
            ("Prioriteit", priority),
            ("Jaren", years),
            ("Partners", partners),
            ("Laatst gewijzigd", updated),
        ] {
            if !v.is_empty() {
                out.push_str(&format!("- **{k}:** {v}\n"));
            }
        }
        if !note.is_empty() {
            out.push_str(&format!("\n{note}\n"));
        }
        if !reactions.is_empty() {
            out.push_str(&format!("\n**Reacties:** {reactions}\n"));
        }
        if !history.is_empty() {
            out.push_str(&format!("\n*Geschiedenis:* {history}\n"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Edit, Reaction};

    fn kompas() -> Kompas {
        crate::load::load_embedded().unwrap().kompas
    }

    #[test]
    fn exports_carry_every_word() {
        let k = kompas();
        let mut f = NotesFile::default();
        f.edit(
            "1.1.1.1",
            "",
            "Anna",
            Edit::Note("Notitie, met \"quotes\"\nen een regel".into()),
        );
        f.edit(
            "1.1.1.1",
            "",
            "Anna",
            Edit::Partners(vec!["Welzijn".into()]),
        );
        f.notes
            .get_mut("1.1.1.1")
            .unwrap()
            .reactions
            .push(Reaction {
                partner: "Welzijn".into(),
                note: "Wij pakken dit op".into(),
                proposal: "Ook de bibliotheek".into(),
                ..Default::default()
            });
        f.edit("7.7", "", "Anna", Edit::Note("zonder plek".into()));
        let csv = to_csv(&f, &k).unwrap();
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][3], "Notitie, met \"quotes\"\nen een regel");
        assert!(
            rows[0][9].contains("Wij pakken dit op") && rows[0][9].contains("Ook de bibliotheek")
        );
        assert_eq!(&rows[1][2], "(niet meer in het kompas)");
        let md = to_markdown(&f, &k);
        assert!(md.contains("Wij pakken dit op") && md.contains("zonder plek"));
    }
}
