//! The records as an Excel workbook (`rust_xlsxwriter`): the first sheet has one row per
//! element and year as the CSV export, the second the roll-up of one year per element of
//! every level above the counted one, in document order.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{Rollup, csv::records};
use crate::model::Kompas;
use crate::notes::{NotesFile, Priority};

/// The workbook's bytes, with the roll-up of `year` on the second sheet.
///
/// # Errors
/// A Dutch description when the workbook cannot be made.
pub fn export(kompas: &Kompas, notes: &NotesFile, year: i32) -> Result<Vec<u8>, String> {
    build(kompas, notes, year).map_err(|e| format!("het Excel-bestand maken lukte niet: {e}"))
}

fn build(kompas: &Kompas, notes: &NotesFile, year: i32) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let euro = Format::new().set_num_format("€ #,##0.00");
    let percent = Format::new().set_num_format("0%");

    let sheet = book.add_worksheet();
    sheet.set_name("Voortgang")?;
    for (c, name) in super::csv::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, (id, title, y, r)) in (1u32..).zip(records(kompas, notes)) {
        sheet.write_string(row, 0, id)?;
        sheet.write_string(row, 1, title)?;
        sheet.write_number(row, 2, y)?;
        sheet.write_string(row, 3, r.status.as_deref().unwrap_or_default())?;
        sheet.write_string(row, 4, &r.voortgang)?;
        sheet.write_string(row, 5, r.priority.map(Priority::label).unwrap_or_default())?;
        for (c, m) in [(6, r.begroot), (7, r.realisatie)] {
            if let Some(cents) = m {
                #[expect(clippy::cast_precision_loss, reason = "cents of a budget fit in f64")]
                sheet.write_number_with_format(row, c, cents as f64 / 100.0, &euro)?;
            }
        }
    }
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(4, 60)?;

    let rollup = Rollup::compute(kompas, notes, year);
    let sheet = book.add_worksheet();
    sheet.set_name(format!("Samenvatting {year}"))?;
    let mut header = vec!["id".to_owned(), "niveau".to_owned(), "titel".to_owned()];
    header.extend(rollup.columns.iter().cloned());
    header.push("geteld (zonder vervallen)".into());
    header.push("aandeel afgerond".into());
    for (c, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for ix in kompas.document_order() {
        if kompas.is_leaf(ix) {
            continue;
        }
        let el = kompas.element(ix);
        sheet.write_string(row, 0, el.id.as_str())?;
        sheet.write_string(row, 1, kompas.level(ix).map_or("", |l| l.name.as_str()))?;
        sheet.write_string(row, 2, &el.title)?;
        let counts = rollup.counts(ix);
        for (c, n) in counts.iter().enumerate() {
            sheet.write_number(row, col(3 + c), *n)?;
        }
        let after = col(3 + counts.len());
        sheet.write_number(row, after, rollup.counted(ix))?;
        if let Some(share) = rollup.share(ix) {
            sheet.write_number_with_format(row, after + 1, share, &percent)?;
        }
        row += 1;
    }
    sheet.set_column_width(2, 50)?;
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
