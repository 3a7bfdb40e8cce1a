//! The jaarverslag: per element of the two levels under the top (hoofddoelen and koersen in
//! the Sociaal Kompas), in document order, the year's roll-up, what was achieved (the
//! progress texts, verbatim) and the money, then the indicatoren with their values. Built as
//! data first ([`Verslag`]), then written as Markdown or accessible HTML (`maud`, which
//! escapes every text).

use maud::{DOCTYPE, Markup, html};

use super::Rollup;
use crate::model::{Ix, Kompas};
use crate::notes::{NotesFile, format_euro};

/// One progress text in the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bereikt {
    /// "Inspanning 1.1.1.1".
    pub name: String,
    /// The element's title.
    pub title: String,
    /// Its status that year, if any.
    pub status: Option<String>,
    /// What was achieved, verbatim.
    pub text: String,
}

/// One section: an element of the top levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Heading level, 2 for the sectors, 3 below them.
    pub depth: usize,
    /// "Koers 1.3".
    pub name: String,
    /// Its title.
    pub title: String,
    /// (status, count) in the roll-up's order, zero counts left out.
    pub counts: Vec<(String, u32)>,
    /// "12 van 30 afgerond (40%)", or that nothing is counted.
    pub summary: String,
    /// The progress texts of the year in this section.
    pub bereikt: Vec<Bereikt>,
    /// Budget and spent (cents) of the year summed over the section's own elements.
    pub money: (Option<i64>, Option<i64>),
}

/// One indicator in the report.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorLine {
    /// Its title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// The value measured in the year.
    pub value: Option<f64>,
    /// Baseline (year, value).
    pub nulmeting: Option<(i32, f64)>,
    /// Target (year, value).
    pub streefwaarde: Option<(i32, f64)>,
}

/// The report as data.
#[derive(Clone, Debug, PartialEq)]
pub struct Verslag {
    /// "Jaarverslag 2019".
    pub title: String,
    /// The compass's title.
    pub kompas: String,
    /// The year.
    pub year: i32,
    /// How the counts are made, in one sentence.
    pub method: String,
    /// The whole compass in one line.
    pub overall: String,
    /// The sections in document order.
    pub sections: Vec<Section>,
    /// The indicatoren.
    pub indicatoren: Vec<IndicatorLine>,
}

/// Builds the report of `year`.
pub fn build(kompas: &Kompas, notes: &NotesFile, year: i32) -> Verslag {
    let rollup = Rollup::compute(kompas, notes, year);
    let leaf_plural = kompas
        .levels
        .last()
        .map_or_else(|| "onderdelen".to_owned(), |l| l.plural.to_lowercase());
    let mut sections: Vec<Section> = Vec::new();
    for ix in kompas.document_order() {
        let el = kompas.element(ix);
        if el.depth == 0 || el.depth > 2 {
            // Deeper elements' texts go into the section of their ancestor at depth 2.
            if el.depth > 2
                && let Some(b) = bereikt(kompas, notes, ix, year)
                && let Some(last) = sections.last_mut()
            {
                last.bereikt.push(b);
                add_money(&mut last.money, notes, kompas, ix, year);
            }
            continue;
        }
        let mut section = Section {
            depth: el.depth + 1,
            name: kompas.short_name(ix),
            title: el.title.clone(),
            counts: rollup
                .columns
                .iter()
                .zip(rollup.counts(ix))
                .filter(|(_, n)| **n > 0)
                .map(|(c, n)| (c.clone(), *n))
                .collect(),
            summary: summary(&rollup, ix),
            bereikt: Vec::new(),
            money: (None, None),
        };
        section.bereikt.extend(bereikt(kompas, notes, ix, year));
        add_money(&mut section.money, notes, kompas, ix, year);
        sections.push(section);
    }
    let indicatoren = kompas
        .content
        .indicatoren
        .iter()
        .map(|ind| {
            let m = notes.indicatoren.get(&ind.id);
            IndicatorLine {
                title: ind.title.clone(),
                unit: ind.unit.clone(),
                value: m.and_then(|m| m.waarden.get(&year).copied()),
                nulmeting: m.and_then(|m| m.nulmeting),
                streefwaarde: m.and_then(|m| m.streefwaarde),
            }
        })
        .collect();
    Verslag {
        title: format!("Jaarverslag {year}"),
        kompas: kompas.meta.title.clone(),
        year,
        method: format!(
            "Geteld zijn de {leaf_plural}, elk met de status die in {year} gold (de laatste status tot en met dat jaar). Vervallen {leaf_plural} tellen niet mee in het aandeel afgerond."
        ),
        overall: summary(&rollup, kompas.root()),
        sections,
        indicatoren,
    }
}

fn summary(rollup: &Rollup, ix: Ix) -> String {
    match rollup.percent(ix) {
        Some(p) => format!(
            "{} van {} afgerond ({p}%)",
            rollup.done(ix),
            rollup.counted(ix)
        ),
        None => "niets geteld".into(),
    }
}

fn bereikt(kompas: &Kompas, notes: &NotesFile, ix: Ix, year: i32) -> Option<Bereikt> {
    let el = kompas.element(ix);
    let r = notes.get(el.id.as_str())?.voortgang.get(&year)?;
    (!r.voortgang.trim().is_empty()).then(|| Bereikt {
        name: kompas.short_name(ix),
        title: el.title.clone(),
        status: r.status.clone(),
        text: r.voortgang.clone(),
    })
}

fn add_money(
    into: &mut (Option<i64>, Option<i64>),
    notes: &NotesFile,
    kompas: &Kompas,
    ix: Ix,
    year: i32,
) {
    let Some(r) = notes
        .get(kompas.element(ix).id.as_str())
        .and_then(|a| a.voortgang.get(&year))
    else {
        return;
    };
    let add = |to: &mut Option<i64>, v: Option<i64>| {
        if let Some(v) = v {
            *to = Some(to.unwrap_or(0).saturating_add(v));
        }
    };
    add(&mut into.0, r.begroot);
    add(&mut into.1, r.realisatie);
}

/// A number as Dutch text: `12,5`, `1.234`.
pub fn dutch_number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

fn money_line(money: (Option<i64>, Option<i64>)) -> Option<String> {
    match money {
        (None, None) => None,
        (b, r) => Some(format!(
            "Begroot: {}; realisatie: {}",
            b.map_or_else(|| "–".to_owned(), format_euro),
            r.map_or_else(|| "–".to_owned(), format_euro)
        )),
    }
}

fn value_text(v: Option<(i32, f64)>, unit: &str) -> String {
    v.map_or_else(
        || "–".to_owned(),
        |(y, v)| format!("{} {unit} ({y})", dutch_number(v)).replace("  ", " "),
    )
}

/// One line of Markdown text: line breaks inside a cell or item become spaces, and the
/// characters Markdown would read as markup are escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

impl Verslag {
    /// As Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# {} — {}\n\n{}\n\n**{}:** {}\n",
            md(&self.title),
            md(&self.kompas),
            md(&self.method),
            "Het hele kompas",
            md(&self.overall)
        );
        for s in &self.sections {
            out.push_str(&format!(
                "\n{} {}: {}\n\n{}\n",
                "#".repeat(s.depth),
                md(&s.name),
                md(&s.title),
                md(&s.summary)
            ));
            if !s.counts.is_empty() {
                out.push_str("\n| Status | Aantal |\n|---|---:|\n");
                for (status, n) in &s.counts {
                    out.push_str(&format!("| {} | {n} |\n", md(status)));
                }
            }
            if let Some(m) = money_line(s.money) {
                out.push_str(&format!("\n{m}\n"));
            }
            if !s.bereikt.is_empty() {
                out.push_str("\nWat is bereikt:\n\n");
                for b in &s.bereikt {
                    let status = b
                        .status
                        .as_ref()
                        .map(|st| format!(" ({})", md(st)))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "- **{}: {}**{status}: {}\n",
                        md(&b.name),
                        md(&b.title),
                        md(&b.text)
                    ));
                }
            }
        }
        if !self.indicatoren.is_empty() {
            out.push_str(&format!(
                "\n## Indicatoren\n\n| Indicator | {} | Nulmeting | Streefwaarde |\n|---|---:|---:|---:|\n",
                self.year
            ));
            for i in &self.indicatoren {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    md(&i.title),
                    i.value.map_or_else(
                        || "geen meting".to_owned(),
                        |v| format!("{} {}", dutch_number(v), md(&i.unit))
                            .trim()
                            .to_owned()
                    ),
                    md(&value_text(i.nulmeting, &i.unit)),
                    md(&value_text(i.streefwaarde, &i.unit)),
                ));
            }
        }
        out
    }

    /// As a standalone, accessible HTML page (`lang="nl"`, headings, tables with headers).
    pub fn to_html(&self) -> String {
        let page: Markup = html! {
            (DOCTYPE)
            html lang="nl" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.title) " — " (self.kompas) }
                    style { (maud::PreEscaped(CSS)) }
                }
                body {
                    main {
                        h1 { (self.title) " — " (self.kompas) }
                        p { (self.method) }
                        p { strong { "Het hele kompas: " } (self.overall) }
                        @for s in &self.sections {
                            section aria-labelledby=(format!("s-{}", slug(&s.name))) {
                                @let id = format!("s-{}", slug(&s.name));
                                @if s.depth <= 2 {
                                    h2 id=(id) { (s.name) ": " (s.title) }
                                } @else {
                                    h3 id=(id) { (s.name) ": " (s.title) }
                                }
                                p { (s.summary) }
                                @if !s.counts.is_empty() {
                                    div.tabel role="region" tabindex="0" aria-label=(format!("Status in {}, {}", self.year, s.name)) { table {
                                        caption { "Status in " (self.year) ", " (s.name) }
                                        thead { tr { th scope="col" { "Status" } th scope="col" { "Aantal" } } }
                                        tbody {
                                            @for (status, n) in &s.counts {
                                                tr { th scope="row" { (status) } td { (n) } }
                                            }
                                        }
                                    } }
                                }
                                @if let Some(m) = money_line(s.money) { p { (m) } }
                                @if !s.bereikt.is_empty() {
                                    p { "Wat is bereikt:" }
                                    ul {
                                        @for b in &s.bereikt {
                                            li {
                                                strong { (b.name) ": " (b.title) }
                                                @if let Some(st) = &b.status { " (" (st) ")" }
                                                ": " (b.text)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        @if !self.indicatoren.is_empty() {
                            section aria-labelledby="indicatoren" {
                                h2 id="indicatoren" { "Indicatoren" }
                                div.tabel role="region" tabindex="0" aria-label=(format!("Indicatoren in {}", self.year)) { table {
                                    caption { "Indicatoren in " (self.year) }
                                    thead { tr {
                                        th scope="col" { "Indicator" }
                                        th scope="col" { (self.year) }
                                        th scope="col" { "Nulmeting" }
                                        th scope="col" { "Streefwaarde" }
                                    } }
                                    tbody {
                                        @for i in &self.indicatoren {
                                            tr {
                                                th scope="row" { (i.title) }
                                                td { @match i.value {
                                                    Some(v) => { (dutch_number(v)) " " (i.unit) },
                                                    None => { "geen meting" },
                                                } }
                                                td { (value_text(i.nulmeting, &i.unit)) }
                                                td { (value_text(i.streefwaarde, &i.unit)) }
                                            }
                                        }
                                    }
                                } }
                            }
                        }
                    }
                }
            }
        };
        page.into_string()
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

const CSS: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff;overflow-wrap:break-word}div.tabel{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}td{text-align:right}caption{text-align:left;font-weight:bold}";
