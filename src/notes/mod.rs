//! Annotations on elements: a note, status, priority, years and assigned partners, with who
//! changed what and when, and the reactions partners sent back. Stored apart from the compass,
//! keyed by element id, in a RON file ([`store`]): written atomically with a backup, under a
//! lock, merged with a colleague's version rather than overwriting it ([`merge`]); a file that
//! cannot be read is refused untouched, and only a damaged one is kept aside. Nothing anyone
//! wrote is dropped: replaced values go to the history, and notes on ids the compass no longer
//! has are kept. Every field is bounded, so no file can grow past what can be read back.

mod export;
mod merge;
mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Kompas;

pub use export::{EXPORT_HEADER, export_rows, to_csv, to_markdown};
pub use merge::{MergeNote, merge};
pub use store::{
    MAX_NOTES_BYTES, NotesError, OpenOutcome, Saved, Stamp, backup_path, default_path,
    file_name_for, open, open_read_only, open_stamped, parse, save, save_text, stamp, to_text,
    update,
};

/// Newest notes-file format this build reads and writes. Format 2 added the records per year
/// ([`YearRecord`]) and the indicator values ([`Meetreeks`]); a format-1 file is migrated as it
/// is read ([`NotesFile::migrate`]).
pub const NOTES_FORMAT: u32 = 2;

/// Earliest and latest year a record or value may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Longest note, reaction or proposal, in characters (a long letter is 20 000).
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Longest status, partner name or person's name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Most statuses, partners, years or invitations in one list.
pub const MAX_LIST: usize = 1_000;

/// The statuses a new store starts with; the list is data, editable in the app.
pub const DEFAULT_STATUSES: [&str; 5] = [
    "niet gestart",
    "in voorbereiding",
    "in uitvoering",
    "afgerond",
    "vervallen",
];

/// How urgent an element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Hoog.
    Hoog,
    /// Middel.
    Middel,
    /// Laag.
    Laag,
}

impl Priority {
    /// All, in menu order.
    pub const ALL: [Self; 3] = [Self::Hoog, Self::Middel, Self::Laag];

    /// Dutch name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Hoog => "hoog",
            Self::Middel => "middel",
            Self::Laag => "laag",
        }
    }
}

/// One earlier value of a field, kept when it was replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HistoryEntry {
    /// When it was replaced (RFC 3339).
    pub at: String,
    /// Who replaced it.
    pub by: String,
    /// Which field ("notitie", "status", ...).
    pub field: String,
    /// The value before the change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub old: String,
    /// The value after the change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub new: String,
}

/// What happened to an element in one year: the yearly cycle of the compass ("voortgang").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct YearRecord {
    /// One of the store's statuses, at the end of (or during) that year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// What was achieved ("wat hebben we bereikt"), verbatim.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub voortgang: String,
    /// The priority it had that year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Budgeted money, in euro cents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub begroot: Option<i64>,
    /// Money spent, in euro cents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisatie: Option<i64>,
}

impl YearRecord {
    /// True when the record says nothing.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.voortgang.trim().is_empty()
            && self.priority.is_none()
            && self.begroot.is_none()
            && self.realisatie.is_none()
    }
}

/// Measured values of one indicator of the compass, per year, with its baseline and target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meetreeks {
    /// The baseline: year and value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nulmeting: Option<(i32, f64)>,
    /// The target: year and value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streefwaarde: Option<(i32, f64)>,
    /// Measured value per year.
    pub waarden: BTreeMap<i32, f64>,
}

impl Meetreeks {
    /// True when nothing was measured or set.
    pub fn is_empty(&self) -> bool {
        self.nulmeting.is_none() && self.streefwaarde.is_none() && self.waarden.is_empty()
    }
}

/// A partner's reaction on an element, as imported from a reaction file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reaction {
    /// The partner organisation.
    pub partner: String,
    /// The person who wrote it.
    pub by: String,
    /// When the partner saved it (RFC 3339).
    pub at: String,
    /// Their note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The status they report, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A change they propose to the element's text or plan.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proposal: String,
    /// When it was imported.
    pub imported_at: String,
    /// The year the reaction reports on, when the invitation asked for one; its status is
    /// then that year's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jaar: Option<i32>,
    /// What was achieved in that year, in the partner's words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub voortgang: String,
}

impl Reaction {
    /// True when the reaction says nothing.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty()
            && self.status.is_none()
            && self.proposal.trim().is_empty()
            && self.voortgang.trim().is_empty()
    }

    /// True when two reactions say the same (ignoring when they were imported).
    pub fn same_words(&self, other: &Self) -> bool {
        self.note == other.note
            && self.status == other.status
            && self.proposal == other.proposal
            && self.jaar == other.jaar
            && self.voortgang == other.voortgang
    }
}

/// The annotation of one element.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Annotation {
    /// Free text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// One of the store's statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// The years it concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
    /// Assigned partners.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Who last changed it.
    pub updated_by: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// The element's title when it was last annotated, to notice when the text changed.
    pub seen_title: String,
    /// Earlier values, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Partner reactions, in the order they were imported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<Reaction>,
    /// What happened per year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub voortgang: BTreeMap<i32, YearRecord>,
}

impl Annotation {
    /// True when there is nothing in it worth keeping.
    pub fn is_empty(&self) -> bool {
        self.note.trim().is_empty()
            && self.status.is_none()
            && self.priority.is_none()
            && self.years.is_empty()
            && self.partners.is_empty()
            && self.history.is_empty()
            && self.reactions.is_empty()
            && self.voortgang.values().all(YearRecord::is_empty)
    }

    /// The status that holds in `year`: that of the latest record up to and including that
    /// year which gives one (a koers finished in 2018 is still finished in 2019 unless a
    /// later record says otherwise).
    pub fn status_in(&self, year: i32) -> Option<&str> {
        self.voortgang
            .range(..=year)
            .rev()
            .find_map(|(_, r)| r.status.as_deref())
    }

    /// The latest reaction of `partner`, if any.
    pub fn latest_reaction(&self, partner: &str) -> Option<&Reaction> {
        self.reactions.iter().rev().find(|r| r.partner == partner)
    }
}

/// What the municipality sent to a partner in one invitation: the record a reaction file is
/// checked against, so a partner can only react to what was asked and the base of every
/// change is what was sent, never what the reaction file claims.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Invitation {
    /// Unique id, written into the invitation file and expected back in the reaction.
    pub id: String,
    /// The partner organisation.
    pub partner: String,
    /// The title of the compass it is about.
    pub kompas: String,
    /// When it was made (RFC 3339).
    pub at: String,
    /// Who made it.
    pub by: String,
    /// The elements asked about, with what was sent.
    pub items: Vec<InvitedItem>,
    /// The year whose progress the partner is asked to report, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jaar: Option<i32>,
}

/// One element of an invitation and the values sent with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InvitedItem {
    /// The element's id.
    pub id: String,
    /// The status sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The partner's own latest reaction, sent back to them to revise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Reaction>,
    /// The asked year's record as sent: its status and what was achieved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_record: Option<YearRecord>,
}

impl NotesFile {
    /// The invitation with `id`.
    pub fn invitation(&self, id: &str) -> Option<&Invitation> {
        self.invitations.iter().find(|i| i.id == id)
    }
}

/// The notes file: statuses and partners of this organisation and the annotations by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotesFile {
    /// Format version.
    pub format: u32,
    /// Title of the compass the notes are about (for a person opening the file).
    pub kompas: String,
    /// The statuses to choose from.
    pub statuses: Vec<String>,
    /// The partner organisations to assign to.
    pub partners: Vec<String>,
    /// Annotations by element id.
    pub notes: BTreeMap<String, Annotation>,
    /// Invitations sent to partners, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invitations: Vec<Invitation>,
    /// Measured values of the compass's indicatoren, by indicator id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub indicatoren: BTreeMap<String, Meetreeks>,
}

impl Default for NotesFile {
    fn default() -> Self {
        Self {
            format: NOTES_FORMAT,
            kompas: String::new(),
            statuses: DEFAULT_STATUSES.iter().map(|s| (*s).to_owned()).collect(),
            partners: Vec::new(),
            notes: BTreeMap::new(),
            invitations: Vec::new(),
            indicatoren: BTreeMap::new(),
        }
    }
}

/// The name recorded when nobody is named and the system gives no user name either.
pub const UNKNOWN_USER: &str = "onbekend";

/// The current time as RFC 3339, second precision.
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// The current year (UTC).
pub fn this_year() -> i32 {
    now().get(..4).and_then(|y| y.parse().ok()).unwrap_or(2020)
}

/// One change to an annotation, applied by [`NotesFile::edit`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Replace the note.
    Note(String),
    /// Set or clear the status.
    Status(Option<String>),
    /// Set or clear the priority.
    Priority(Option<Priority>),
    /// Set the years.
    Years(Vec<i32>),
    /// Set the assigned partners.
    Partners(Vec<String>),
    /// Change one field of the record of a year.
    Jaar(i32, YearEdit),
}

/// One change to a year's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YearEdit {
    /// Set or clear that year's status.
    Status(Option<String>),
    /// Replace what was achieved.
    Voortgang(String),
    /// Set or clear that year's priority.
    Priority(Option<Priority>),
    /// Set or clear the budget, in cents.
    Begroot(Option<i64>),
    /// Set or clear the money spent, in cents.
    Realisatie(Option<i64>),
}

impl YearEdit {
    fn name(&self) -> &'static str {
        match self {
            Self::Status(_) => "status",
            Self::Voortgang(_) => "voortgang",
            Self::Priority(_) => "prioriteit",
            Self::Begroot(_) => "begroot",
            Self::Realisatie(_) => "realisatie",
        }
    }

    /// The field's value in `r`, as the history shows it.
    fn shown_in(&self, r: &YearRecord) -> String {
        match self {
            Self::Status(_) => r.status.clone().unwrap_or_default(),
            Self::Voortgang(_) => r.voortgang.clone(),
            Self::Priority(_) => r.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
            Self::Begroot(_) => r.begroot.map(format_euro).unwrap_or_default(),
            Self::Realisatie(_) => r.realisatie.map(format_euro).unwrap_or_default(),
        }
    }

    /// Makes the change in `r`.
    pub fn apply(self, r: &mut YearRecord) {
        match self {
            Self::Status(s) => r.status = s,
            Self::Voortgang(v) => r.voortgang = v,
            Self::Priority(p) => r.priority = p,
            Self::Begroot(m) => r.begroot = m,
            Self::Realisatie(m) => r.realisatie = m,
        }
    }
}

/// Cents as Dutch euros: `€ 1.234,56`, `€ 1.000` for whole euros, `-€ 5,00`.
pub fn format_euro(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    match abs % 100 {
        0 => format!("{sign}€ {grouped}"),
        c => format!("{sign}€ {grouped},{c:02}"),
    }
}

/// Reads an amount of euros as people type it into a Dutch spreadsheet: `€ 1.234,56`,
/// `1234,5`, `1.234`, `1234.56`, `-50`. `None` when it is not an amount (or absurdly large).
pub fn parse_euro(s: &str) -> Option<i64> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}')
        .collect();
    let t = t.strip_prefix("EUR").unwrap_or(&t);
    let (neg, t) = t.strip_prefix('-').map_or((false, t), |r| (true, r));
    if t.is_empty() {
        return None;
    }
    // A comma is the decimal sign and points group thousands; without a comma, a point
    // followed by exactly three digits (once or more) groups thousands, else it is decimal.
    let (int, frac) = if let Some((i, f)) = t.rsplit_once(',') {
        (i.replace('.', ""), f.to_owned())
    } else if let Some((i, f)) = t.rsplit_once('.') {
        if f.len() == 3 && i.split('.').skip(1).all(|g| g.len() == 3) {
            (t.replace('.', ""), String::new())
        } else {
            (i.to_owned(), f.to_owned())
        }
    } else {
        (t.to_owned(), String::new())
    };
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    if !digits(&int) || !(frac.is_empty() || (digits(&frac) && frac.len() <= 2)) || int.len() > 15 {
        return None;
    }
    let euros: i64 = int.parse().ok()?;
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let v = euros.checked_mul(100)?.checked_add(cents)?;
    Some(if neg { -v } else { v })
}

impl Edit {
    /// Whether the edit stays within the limits of the store.
    ///
    /// # Errors
    /// A Dutch description of the limit it exceeds.
    pub fn check(&self) -> Result<(), String> {
        let name_ok = |s: &str| s.chars().count() <= MAX_NAME_CHARS;
        match self {
            Self::Note(n) if n.chars().count() > MAX_TEXT_CHARS => Err(format!(
                "een notitie is hooguit {MAX_TEXT_CHARS} tekens lang"
            )),
            Self::Status(Some(s)) if !name_ok(s) => Err(format!(
                "een status is hooguit {MAX_NAME_CHARS} tekens lang"
            )),
            Self::Years(y) if y.len() > MAX_LIST => Err(format!("hooguit {MAX_LIST} jaren")),
            Self::Jaar(y, _) if !YEARS.contains(y) => Err(format!(
                "{y} is geen jaar tussen {} en {}",
                YEARS.start(),
                YEARS.end()
            )),
            Self::Jaar(_, YearEdit::Voortgang(t)) if t.chars().count() > MAX_TEXT_CHARS => Err(
                format!("een voortgangstekst is hooguit {MAX_TEXT_CHARS} tekens lang"),
            ),
            Self::Jaar(_, YearEdit::Status(Some(s))) if !name_ok(s) => Err(format!(
                "een status is hooguit {MAX_NAME_CHARS} tekens lang"
            )),
            Self::Partners(p) if p.len() > MAX_LIST || !p.iter().all(|p| name_ok(p)) => Err(
                format!("hooguit {MAX_LIST} partners van hooguit {MAX_NAME_CHARS} tekens"),
            ),
            _ => Ok(()),
        }
    }

    /// The field's name in the history: "notitie", or "status 2019" for a year's record.
    fn field(&self) -> String {
        match self {
            Self::Note(_) => "notitie".into(),
            Self::Status(_) => "status".into(),
            Self::Priority(_) => "prioriteit".into(),
            Self::Years(_) => "jaren".into(),
            Self::Partners(_) => "partners".into(),
            Self::Jaar(y, e) => format!("{} {y}", e.name()),
        }
    }
}

fn show_years(y: &[i32]) -> String {
    y.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses "2018, 2019-2020" into years; `None` when something is not a year.
pub fn parse_years(s: &str) -> Option<Vec<i32>> {
    let mut out = Vec::new();
    for part in s.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()) {
        let part = part.trim();
        if let Some((a, b)) = part.split_once('-') {
            let (a, b): (i32, i32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            if !(1900..=2200).contains(&a) || !(a..=a + 50).contains(&b) {
                return None;
            }
            out.extend(a..=b);
        } else {
            let y: i32 = part.parse().ok()?;
            if !(1900..=2200).contains(&y) {
                return None;
            }
            out.push(y);
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// A filter over annotated elements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this status.
    pub status: Option<String>,
    /// Only assigned to this partner.
    pub partner: Option<String>,
    /// Only assigned to the user (their name is one of the partners).
    pub mine: Option<String>,
    /// Only with a note.
    pub with_note: bool,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.partner.is_none() && self.mine.is_none() && !self.with_note
    }

    /// True when `a` (possibly absent) passes.
    pub fn accepts(&self, a: Option<&Annotation>) -> bool {
        if self.is_empty() {
            return true;
        }
        let Some(a) = a else { return false };
        self.status
            .as_ref()
            .is_none_or(|s| a.status.as_ref() == Some(s))
            && self.partner.as_ref().is_none_or(|p| a.partners.contains(p))
            && self.mine.as_ref().is_none_or(|me| a.partners.contains(me))
            && (!self.with_note || !a.note.trim().is_empty())
    }
}

impl NotesFile {
    /// The annotation of `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.notes.get(id)
    }

    /// Applies `edit` to the annotation of element `id` as `who`, recording the old value in
    /// the history. `title` is the element's current title, remembered to notice later
    /// changes. Returns false when nothing changed.
    pub fn edit(&mut self, id: &str, title: &str, who: &str, edit: Edit) -> bool {
        if edit.check().is_err() || who.chars().count() > MAX_NAME_CHARS {
            return false;
        }
        let a = self.notes.entry(id.to_owned()).or_default();
        let (old, new) = match &edit {
            Edit::Note(n) => (a.note.clone(), n.clone()),
            Edit::Status(s) => (
                a.status.clone().unwrap_or_default(),
                s.clone().unwrap_or_default(),
            ),
            Edit::Priority(p) => (
                a.priority.map(|p| p.label().to_owned()).unwrap_or_default(),
                p.map(|p| p.label().to_owned()).unwrap_or_default(),
            ),
            Edit::Years(y) => (show_years(&a.years), show_years(y)),
            Edit::Partners(p) => (a.partners.join(", "), p.join(", ")),
            Edit::Jaar(y, e) => {
                let before = a.voortgang.get(y).cloned().unwrap_or_default();
                let mut after = before.clone();
                e.clone().apply(&mut after);
                (e.shown_in(&before), e.shown_in(&after))
            }
        };
        if old == new {
            if a.is_empty() {
                self.notes.remove(id);
            }
            return false;
        }
        let at = now();
        // Typing a note is many small edits: one history entry per editing session (same
        // person, same field, within ten minutes) keeps the history readable without losing
        // the text as it was before the session.
        let field = edit.field();
        let continues = a
            .history
            .last()
            .is_some_and(|h| h.field == field && h.by == who && within_minutes(&h.at, &at, 10));
        match a.history.last_mut() {
            Some(last) if continues => last.new.clone_from(&new),
            _ => a.history.push(HistoryEntry {
                at: at.clone(),
                by: who.to_owned(),
                field,
                old,
                new,
            }),
        }
        match edit {
            Edit::Note(n) => a.note = n,
            Edit::Status(s) => a.status = s,
            Edit::Priority(p) => a.priority = p,
            Edit::Years(y) => a.years = y,
            Edit::Partners(p) => a.partners = p,
            Edit::Jaar(y, e) => {
                let r = a.voortgang.entry(y).or_default();
                e.apply(r);
                if r.is_empty() {
                    a.voortgang.remove(&y);
                }
            }
        }
        a.updated_by = who.to_owned();
        a.updated_at = at;
        title.clone_into(&mut a.seen_title);
        true
    }

    /// Ids annotated here that `kompas` does not have ("notities zonder plek").
    pub fn orphans(&self, kompas: &Kompas) -> Vec<&str> {
        self.notes
            .keys()
            .filter(|id| kompas.get(id).is_none())
            .map(String::as_str)
            .collect()
    }

    /// True when element `id`'s title differs from the one it had when annotated.
    pub fn text_changed(&self, id: &str, current_title: &str) -> bool {
        self.notes
            .get(id)
            .is_some_and(|a| !a.seen_title.is_empty() && a.seen_title != current_title)
    }

    /// Brings a file of an older format up to [`NOTES_FORMAT`]. Format 1 had one status and
    /// a list of years per element: each of those years becomes a record with that status
    /// (and priority), so what the file said about those years is what the roll-ups count.
    pub fn migrate(&mut self) {
        if self.format < 2 {
            for a in self.notes.values_mut() {
                if a.status.is_none() && a.priority.is_none() {
                    continue;
                }
                for &y in &a.years {
                    a.voortgang.entry(y).or_insert_with(|| YearRecord {
                        status: a.status.clone(),
                        priority: a.priority,
                        ..YearRecord::default()
                    });
                }
            }
        }
        self.format = NOTES_FORMAT;
    }

    /// Every year with a record or a measured value, ascending.
    pub fn years_recorded(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .notes
            .values()
            .flat_map(|a| a.voortgang.keys().copied())
            .chain(
                self.indicatoren
                    .values()
                    .flat_map(|m| m.waarden.keys().copied()),
            )
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Adds a partner to the list (if new and within the limits).
    pub fn add_partner(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || self.partners.len() >= MAX_LIST
            || self.partners.iter().any(|p| p == name)
        {
            return false;
        }
        self.partners.push(name.to_owned());
        true
    }
}

/// Checks every field of a notes file read from disk against the store's limits.
///
/// # Errors
/// A Dutch description of the first field over its limit.
pub fn check_limits(file: &NotesFile) -> Result<(), String> {
    let long = |s: &str, max: usize| s.chars().count() > max;
    if file.statuses.len() > MAX_LIST
        || file.partners.len() > MAX_LIST
        || file.invitations.len() > MAX_LIST
    {
        return Err(format!("een lijst heeft meer dan {MAX_LIST} regels"));
    }
    if let Some(s) = file
        .statuses
        .iter()
        .chain(&file.partners)
        .find(|s| long(s, MAX_NAME_CHARS))
    {
        return Err(format!(
            "'{}…' is langer dan {MAX_NAME_CHARS} tekens",
            s.chars().take(20).collect::<String>()
        ));
    }
    for (id, a) in &file.notes {
        let texts = a
            .reactions
            .iter()
            .flat_map(|r| [&r.note, &r.proposal, &r.voortgang])
            .chain([&a.note]);
        let names = a
            .reactions
            .iter()
            .flat_map(|r| [&r.partner, &r.by])
            .chain(a.status.iter())
            .chain(a.partners.iter());
        let over = texts.into_iter().any(|t| long(t, MAX_TEXT_CHARS))
            || names.into_iter().any(|n| long(n, MAX_NAME_CHARS))
            || a.partners.len() > MAX_LIST
            || a.years.len() > MAX_LIST
            || a.voortgang.len() > MAX_LIST
            || a.voortgang.iter().any(|(y, r)| {
                !YEARS.contains(y)
                    || long(&r.voortgang, MAX_TEXT_CHARS)
                    || r.status.as_deref().is_some_and(|s| long(s, MAX_NAME_CHARS))
            });
        if over {
            return Err(format!("de notitie bij {id} is groter dan toegestaan"));
        }
    }
    if file.indicatoren.len() > MAX_LIST * 10 {
        return Err(format!("meer dan {} meetreeksen", MAX_LIST * 10));
    }
    for (id, m) in &file.indicatoren {
        let values = m
            .waarden
            .iter()
            .map(|(y, v)| (*y, *v))
            .chain(m.nulmeting)
            .chain(m.streefwaarde);
        let bad = long(id, MAX_NAME_CHARS)
            || m.waarden.len() > MAX_LIST
            || values
                .into_iter()
                .any(|(y, v)| !YEARS.contains(&y) || !v.is_finite());
        if bad {
            return Err(format!(
                "de meetreeks van {id} is groter dan toegestaan of onleesbaar"
            ));
        }
    }
    Ok(())
}

fn within_minutes(a: &str, b: &str, minutes: i64) -> bool {
    let (Ok(a), Ok(b)) = (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) else {
        return false;
    };
    (b.as_second() - a.as_second()).abs() <= minutes * 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kompas() -> Kompas {
        crate::load::load_embedded().unwrap().kompas
    }

    #[test]
    fn edits_record_who_when_and_the_old_value() {
        let mut f = NotesFile::default();
        assert!(f.edit("1.1.1.1", "t", "Anna", Edit::Note("eerste".into())));
        assert!(f.edit(
            "1.1.1.1",
            "t",
            "Anna",
            Edit::Status(Some("in uitvoering".into()))
        ));
        assert!(
            !f.edit(
                "1.1.1.1",
                "t",
                "Anna",
                Edit::Status(Some("in uitvoering".into()))
            ),
            "no change"
        );
        assert!(f.edit("1.1.1.1", "t", "Bert", Edit::Note("tweede".into())));
        let a = f.get("1.1.1.1").unwrap();
        assert_eq!(a.note, "tweede");
        assert_eq!(a.updated_by, "Bert");
        assert!(a.updated_at.parse::<jiff::Timestamp>().is_ok());
        let fields: Vec<_> = a
            .history
            .iter()
            .map(|h| (h.by.as_str(), h.field.as_str(), h.old.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Anna", "notitie", ""),
                ("Anna", "status", ""),
                ("Bert", "notitie", "eerste")
            ]
        );
        // Typing on in the same session extends the last entry instead of adding one per key.
        assert!(f.edit("1.1.1.1", "t", "Bert", Edit::Note("tweede!".into())));
        assert_eq!(f.get("1.1.1.1").unwrap().history.len(), 3);
        assert_eq!(f.get("1.1.1.1").unwrap().history[2].new, "tweede!");
        // Clearing an untouched empty annotation leaves nothing behind.
        assert!(!f.edit("2.2", "t", "Anna", Edit::Note(String::new())));
        assert!(f.get("2.2").is_none());
    }

    #[test]
    fn years_parse_lists_and_ranges() {
        assert_eq!(parse_years("2019, 2017-2018"), Some(vec![2017, 2018, 2019]));
        assert_eq!(parse_years(""), Some(vec![]));
        assert_eq!(parse_years("volgend jaar"), None);
        assert_eq!(parse_years("2020-2010"), None);
    }

    #[test]
    fn orphans_and_changed_texts_are_noticed() {
        let k = kompas();
        let mut f = NotesFile::default();
        f.edit("9.9.9", "weg", "Anna", Edit::Note("blijft bewaard".into()));
        f.edit(
            "1.1",
            "Meer jeugd groeit op in een veilige omgeving",
            "Anna",
            Edit::Note("x".into()),
        );
        f.edit("1.2", "een oudere titel", "Anna", Edit::Note("y".into()));
        assert_eq!(f.orphans(&k), ["9.9.9"]);
        let title = |id: &str| k.element(k.get(id).unwrap()).title.clone();
        assert!(!f.text_changed("1.1", &title("1.1")));
        assert!(f.text_changed("1.2", &title("1.2")));
    }

    #[test]
    fn filters_by_status_partner_mine_and_note() {
        let mut f = NotesFile::default();
        f.edit("a", "", "Anna", Edit::Status(Some("afgerond".into())));
        f.edit(
            "b",
            "",
            "Anna",
            Edit::Partners(vec!["Welzijn".into(), "Anna".into()]),
        );
        f.edit("c", "", "Anna", Edit::Note("iets".into()));
        let pass = |flt: &Filter| -> Vec<&str> {
            ["a", "b", "c", "d"]
                .into_iter()
                .filter(|id| flt.accepts(f.get(id)))
                .collect()
        };
        assert_eq!(pass(&Filter::default()), ["a", "b", "c", "d"]);
        assert_eq!(
            pass(&Filter {
                status: Some("afgerond".into()),
                ..Default::default()
            }),
            ["a"]
        );
        assert_eq!(
            pass(&Filter {
                partner: Some("Welzijn".into()),
                ..Default::default()
            }),
            ["b"]
        );
        assert_eq!(
            pass(&Filter {
                mine: Some("Anna".into()),
                ..Default::default()
            }),
            ["b"]
        );
        assert_eq!(
            pass(&Filter {
                with_note: true,
                ..Default::default()
            }),
            ["c"]
        );
    }

    #[test]
    fn edits_over_the_limits_are_refused() {
        let mut f = NotesFile::default();
        assert!(!f.edit(
            "1.1",
            "",
            "Anna",
            Edit::Note("x".repeat(MAX_TEXT_CHARS + 1))
        ));
        assert!(!f.edit(
            "1.1",
            "",
            "Anna",
            Edit::Status(Some("s".repeat(30_000_000)))
        ));
        assert!(f.get("1.1").is_none(), "nothing was stored");
        assert!(f.edit("1.1", "", "Anna", Edit::Note("x".repeat(MAX_TEXT_CHARS))));
        assert!(!f.add_partner(&"p".repeat(MAX_NAME_CHARS + 1)));
    }
}
