//! Progress in spreadsheets, where staff keep it today: reading a CSV file with the columns
//! `id;jaar;status;voortgang` (and optionally `prioriteit`, `begroot`, `realisatie`), as Dutch
//! Excel writes it (semicolons, or commas; UTF-8 with or without byte-order mark, or
//! Windows-1252), and writing the records back out the same way.
//!
//! Reading checks every row before anything is applied: each problem is reported with its
//! line number, and nothing changes unless every row is good (or the caller chooses to skip
//! the bad ones). An empty cell leaves that field as it is; it never clears a record.

use crate::model::Kompas;
use crate::notes::{
    self, Edit, MAX_TEXT_CHARS, NotesFile, Priority, YEARS, YearEdit, format_euro, parse_euro,
};

/// Largest spreadsheet read, in bytes.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// Most rows read from one spreadsheet.
pub const MAX_ROWS: usize = 1_000_000;

/// The columns written, in order; reading needs `id` and `jaar` and takes the rest by name.
pub const COLUMNS: [&str; 8] = [
    "id",
    "titel",
    "jaar",
    "status",
    "voortgang",
    "prioriteit",
    "begroot",
    "realisatie",
];

/// One good row: what it sets for one element in one year (`None`: the cell was empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Line in the file where the row starts.
    pub line: u64,
    /// The element's id.
    pub id: String,
    /// The year.
    pub year: i32,
    /// The status, spelled as the store spells it.
    pub status: Option<String>,
    /// What was achieved.
    pub voortgang: Option<String>,
    /// Priority.
    pub priority: Option<Priority>,
    /// Budget in cents.
    pub begroot: Option<i64>,
    /// Spent in cents.
    pub realisatie: Option<i64>,
}

/// A row that cannot be applied, and why (in Dutch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Line in the file.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// A spreadsheet read and checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// The good rows, in file order.
    pub rows: Vec<Row>,
    /// Every bad row.
    pub problems: Vec<RowProblem>,
    /// Things worth telling that are not errors (the encoding guessed, columns ignored).
    pub remarks: Vec<String>,
}

/// Reads and checks a spreadsheet's bytes against `kompas` and the store's statuses.
///
/// # Errors
/// A Dutch description when the file as a whole cannot be read: no `id` or `jaar` column,
/// not a table at all, too many rows.
pub fn check(bytes: &[u8], kompas: &Kompas, statuses: &[String]) -> Result<Checked, String> {
    let mut out = Checked::default();
    // Windows line ends as plain ones: the csv reader counts the lines of CRLF files one
    // short, and a line break inside a quoted text is a line break either way.
    let text = decode(bytes, &mut out.remarks).replace("\r\n", "\n");
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| (first_line.bytes().filter(|b| b == d).count(), *d == b';'))
        .unwrap_or(b';');
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let Some(first) = records.next() else {
        return Err("het bestand is leeg".into());
    };
    let first = first.map_err(|e| format!("regel 1: {e}"))?;
    let (columns, first_is_data) = header(&first, kompas)?;
    let col = |name: &str| columns.iter().position(|c| c == name);
    let Some(id_col) = col("id") else {
        return Err("er is geen kolom 'id'".into());
    };
    let Some(year_col) = col("jaar") else {
        return Err("er is geen kolom 'jaar'".into());
    };
    let ignored: Vec<&str> = columns
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty() && !COLUMNS.contains(c))
        .collect();
    if !ignored.is_empty() {
        out.remarks
            .push(format!("kolommen genegeerd: {}", ignored.join(", ")));
    }
    let cells = Cells {
        id: id_col,
        year: year_col,
        status: col("status"),
        voortgang: col("voortgang"),
        priority: col("prioriteit"),
        begroot: col("begroot"),
        realisatie: col("realisatie"),
        width: columns.len(),
    };
    let mut seen: foldhash::HashMap<(String, i32), u64> = foldhash::HashMap::default();
    let rest = first_is_data
        .then_some(Ok(first))
        .into_iter()
        .chain(records);
    for (n, record) in rest.enumerate() {
        if n >= MAX_ROWS {
            return Err(format!("meer dan {MAX_ROWS} regels"));
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, ::csv::Position::line);
                out.problems.push(RowProblem {
                    line,
                    message: format!("onleesbare regel: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, ::csv::Position::line);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match cells.read(&record, line, kompas, statuses) {
            Ok(row) => {
                if let Some(earlier) = seen.insert((row.id.clone(), row.year), line) {
                    out.problems.push(RowProblem {
                        line,
                        message: format!(
                            "{} in {} staat ook al op regel {earlier}",
                            row.id, row.year
                        ),
                    });
                } else {
                    out.rows.push(row);
                }
            }
            Err(messages) => out.problems.extend(
                messages
                    .into_iter()
                    .map(|message| RowProblem { line, message }),
            ),
        }
    }
    Ok(out)
}

/// The column names of the first row, or, when it is already a row of data (its first cell
/// is an id of the compass), the documented order; true in the second case.
fn header(first: &::csv::StringRecord, kompas: &Kompas) -> Result<(Vec<String>, bool), String> {
    let names: Vec<String> = first.iter().map(|c| c.trim().to_lowercase()).collect();
    if names.iter().any(|h| h == "id") {
        Ok((names, false))
    } else if first
        .get(0)
        .is_some_and(|id| kompas.get(id.trim()).is_some())
    {
        Ok((
            ["id", "jaar", "status", "voortgang"]
                .map(str::to_owned)
                .to_vec(),
            true,
        ))
    } else {
        Err("de eerste regel noemt geen kolom 'id' (verwacht: id;jaar;status;voortgang)".into())
    }
}

/// UTF-8 (a byte-order mark dropped), else Windows-1252 as older Excel writes it.
fn decode(bytes: &[u8], remarks: &mut Vec<String>) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(t) = std::str::from_utf8(bytes) {
        t.to_owned()
    } else {
        remarks.push("geen UTF-8: gelezen als Windows-1252 (zoals oudere Excel schrijft)".into());
        encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
    }
}

/// Where each field is in a row.
struct Cells {
    id: usize,
    year: usize,
    status: Option<usize>,
    voortgang: Option<usize>,
    priority: Option<usize>,
    begroot: Option<usize>,
    realisatie: Option<usize>,
    width: usize,
}

impl Cells {
    /// One row, or every problem in it.
    fn read(
        &self,
        record: &::csv::StringRecord,
        line: u64,
        kompas: &Kompas,
        statuses: &[String],
    ) -> Result<Row, Vec<String>> {
        let mut problems = Vec::new();
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|c| !c.is_empty())
        };
        if record.len() > self.width && record.iter().skip(self.width).any(|c| !c.trim().is_empty())
        {
            problems.push(format!(
                "{} cellen waar de kop er {} heeft (staat er een scheidingsteken in een tekst zonder aanhalingstekens?)",
                record.len(),
                self.width
            ));
        }
        let id = cell(Some(self.id)).unwrap_or_default().to_owned();
        if id.is_empty() {
            problems.push("geen id".into());
        } else if kompas.get(&id).is_none() {
            problems.push(format!("onbekend element '{id}'"));
        }
        let year_text = cell(Some(self.year)).unwrap_or_default();
        let year = year_text.parse::<i32>().ok().filter(|y| YEARS.contains(y));
        if year.is_none() {
            problems.push(format!(
                "'{year_text}' is geen jaar (tussen {} en {})",
                YEARS.start(),
                YEARS.end()
            ));
        }
        let status = cell(self.status).map(|s| {
            statuses
                .iter()
                .find(|known| known.to_lowercase() == s.to_lowercase())
                .cloned()
                .ok_or_else(|| {
                    format!("onbekende status '{s}' (kies uit: {})", statuses.join(", "))
                })
        });
        let status = match status.transpose() {
            Ok(s) => s,
            Err(m) => {
                problems.push(m);
                None
            }
        };
        let voortgang = cell(self.voortgang).map(str::to_owned);
        if voortgang
            .as_ref()
            .is_some_and(|v| v.chars().count() > MAX_TEXT_CHARS)
        {
            problems.push(format!(
                "de voortgangstekst is langer dan {MAX_TEXT_CHARS} tekens"
            ));
        }
        let priority = cell(self.priority).and_then(|p| {
            let found = Priority::ALL
                .into_iter()
                .find(|x| x.label() == p.to_lowercase());
            if found.is_none() {
                problems.push(format!("onbekende prioriteit '{p}' (hoog, middel of laag)"));
            }
            found
        });
        let mut money = |i: Option<usize>, name: &str| {
            cell(i).and_then(|m| {
                let v = parse_euro(m);
                if v.is_none() {
                    problems.push(format!("'{m}' is geen bedrag ({name})"));
                }
                v
            })
        };
        let begroot = money(self.begroot, "begroot");
        let realisatie = money(self.realisatie, "realisatie");
        match year {
            Some(year) if problems.is_empty() => Ok(Row {
                line,
                id,
                year,
                status,
                voortgang,
                priority,
                begroot,
                realisatie,
            }),
            _ => Err(problems),
        }
    }
}

/// What applying rows did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Rows that changed something.
    pub changed: usize,
    /// Rows that said what the notes already said.
    pub unchanged: usize,
}

/// Applies good rows to the notes as `who`: every change goes through the store's edits,
/// so the old value is in the element's history.
pub fn apply(notes: &mut NotesFile, kompas: &Kompas, rows: &[Row], who: &str) -> Applied {
    let mut applied = Applied::default();
    for row in rows {
        let title = kompas
            .get(&row.id)
            .map(|ix| kompas.element(ix).title.as_str())
            .unwrap_or_default();
        let edits = [
            row.status.clone().map(|s| YearEdit::Status(Some(s))),
            row.voortgang.clone().map(YearEdit::Voortgang),
            row.priority.map(|p| YearEdit::Priority(Some(p))),
            row.begroot.map(|m| YearEdit::Begroot(Some(m))),
            row.realisatie.map(|m| YearEdit::Realisatie(Some(m))),
        ];
        let mut changed = false;
        for e in edits.into_iter().flatten() {
            changed |= notes.edit(&row.id, title, who, Edit::Jaar(row.year, e));
        }
        if changed {
            applied.changed += 1;
        } else {
            applied.unchanged += 1;
        }
    }
    applied
}

/// Every record of every element as a spreadsheet Dutch Excel opens as it is: semicolons,
/// a byte-order mark, one row per element and year in document order, amounts as `1234,56`.
///
/// # Errors
/// Only if the CSV writer fails.
pub fn export(kompas: &Kompas, notes: &NotesFile) -> Result<String, String> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let err = |e: ::csv::Error| e.to_string();
    w.write_record(COLUMNS).map_err(err)?;
    for (id, title, year, r) in records(kompas, notes) {
        let money = |m: Option<i64>| m.map(plain_amount).unwrap_or_default();
        w.write_record([
            id,
            title,
            &year.to_string(),
            r.status.as_deref().unwrap_or_default(),
            &r.voortgang,
            r.priority.map(Priority::label).unwrap_or_default(),
            &money(r.begroot),
            &money(r.realisatie),
        ])
        .map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    let mut text = String::from('\u{feff}');
    text.push_str(&String::from_utf8_lossy(&bytes));
    Ok(text)
}

/// An amount as a Dutch spreadsheet reads it back: `-1234,5` → `-1234,50`, no thousands
/// separator (those would be read as text by some programs).
pub fn plain_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let a = cents.unsigned_abs();
    format!("{sign}{},{:02}", a / 100, a % 100)
}

/// Every (id, title, year, record) in document order, also of ids the compass no longer has
/// (after the others, by id), so an export loses nothing.
pub fn records<'a>(
    kompas: &'a Kompas,
    notes: &'a NotesFile,
) -> impl Iterator<Item = (&'a str, &'a str, i32, &'a notes::YearRecord)> + 'a {
    let known = kompas.document_order().into_iter().filter_map(move |ix| {
        let el = kompas.element(ix);
        notes
            .notes
            .get(el.id.as_str())
            .map(|a| (el.id.as_str(), el.title.as_str(), a))
    });
    let orphans = notes
        .notes
        .iter()
        .filter(move |(id, _)| kompas.get(id).is_none())
        .map(|(id, a)| (id.as_str(), "", a));
    known
        .chain(orphans)
        .flat_map(|(id, title, a)| a.voortgang.iter().map(move |(y, r)| (id, title, *y, r)))
}

/// Cents as the money format the report uses.
pub fn shown_amount(cents: Option<i64>) -> String {
    cents.map(format_euro).unwrap_or_default()
}
