//! The invitation as one offline web page: a partner opens the file they were e-mailed in any
//! browser, answers, and saves the reaction file that `kompas review import` reads. Style and
//! script are inline and the only ones allowed (the Content-Security-Policy names their
//! hashes and forbids every request); every text of the compass and the notes goes through
//! `maud`, which escapes it, so a `<script>` in a title or a note is shown as text. What is on
//! the page is exactly what the invitation holds: the assigned elements, their context, the
//! begrippen and what the municipality chose to send.
//!
//! The script keeps the answers in the browser's local storage (keyed by the invitation) as
//! they are typed, counts what is answered, and writes the reaction file: the same RON format
//! the desktop partner side writes, with the invitation's id, the partner, and per element its
//! id, name, title and reaction. Context, begrippen and notes are not sent back: the
//! municipality has them, and import takes every base from its own record of the invitation.

use base64::Engine as _;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest as _, Sha256};

use super::{BegripLine, ContextLine, ReviewFile, ReviewItem};

/// The page's style sheet (inline).
const CSS: &str = include_str!("uitnodiging.css");

/// The page's script (inline).
const JS: &str = include_str!("uitnodiging.js");

/// `'sha256-…'` of an inline style or script, for the Content-Security-Policy.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The invitation `file` as one self-contained HTML page.
pub fn page(file: &ReviewFile) -> String {
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; form-action 'none'; base-uri 'none'",
        csp_hash(CSS),
        csp_hash(JS)
    );
    let from = if file.exported_by.trim().is_empty() {
        "de gemeente".to_owned()
    } else {
        file.exported_by.clone()
    };
    let (one, many) = &file.element_name;
    let title = format!("Uw reactie op {} — {}", file.kompas, file.partner);
    let jaar = file.jaar.map(|y| y.to_string()).unwrap_or_default();
    let terms = terms(&file.begrippen);
    let body = html! {
        a.skip href="#vragen" { "Naar de vragen" }
        header {
            p.kompas { (file.kompas) }
            h1 { "Uw reactie gevraagd" }
            p.lead {
                (from) " vraagt " strong { (file.partner) } " te reageren op "
                (file.count_text())
                @if let Some(y) = file.jaar { " en te vertellen wat er in " (y) " is bereikt" }
                "."
            }
            h2 { "Zo werkt het" }
            ol.stappen {
                li { "Lees per " (one) " waar het over gaat en vul in wat u wilt: een reactie, de stand van zaken, een voorstel. Niets is verplicht." }
                li { "Wat u typt, bewaart deze browser meteen op deze computer. U kunt het venster sluiten en later verdergaan." }
                li { "Klaar? Kies onderaan " strong { "Reactie opslaan" } ". Uw browser bewaart dan een bestand (meestal in de map Downloads)." }
                li { "Stuur dat bestand terug naar " (from) ". Dit venster en deze pagina zelf hoeft u niet terug te sturen." }
            }
            noscript {
                p.melding { "Deze pagina kunt u zonder JavaScript lezen en afdrukken, maar om te antwoorden moet JavaScript aan staan." }
            }
        }
        main #vragen tabindex="-1" {
            form #reactie novalidate
                data-invitation=(file.invitation) data-kompas=(file.kompas)
                data-partner=(file.partner) data-exported-at=(file.exported_at)
                data-exported-by=(file.exported_by) data-jaar=(jaar)
                data-one=(one) data-many=(many) data-from=(from)
                data-statuses=(file.statuses.join("\u{1f}"))
            {
                div.veld.naam {
                    label for="naam" { "Uw naam" }
                    p.hulp #naam-hulp { "Komt in het bestand, zodat " (from) " weet wie antwoordde." }
                    input #naam name="naam" type="text" autocomplete="name" aria-describedby="naam-hulp" value=(file.answered_by);
                }
                (items(file, &terms))
            }
            @if !file.begrippen.is_empty() {
                section.begrippen aria-labelledby="begrippen-kop" {
                    h2 #begrippen-kop { "Begrippen" }
                    dl {
                        @for (i, b) in file.begrippen.iter().enumerate() {
                            @if i == 0 || file.begrippen.get(i - 1).is_none_or(|p| p.term != b.term) {
                                dt #(term_id(&terms, &b.term)) { dfn { (b.term) } }
                            }
                            dd { (b.definition) }
                        }
                    }
                }
            }
        }
        footer.opslaan aria-label="Opslaan" {
            p #teller aria-live="polite" { "0 van " (file.items.len()) " beantwoord" }
            button #opslaan type="button" { "Reactie opslaan" }
            p #bericht role="status" {}
        }
        script { (PreEscaped(JS)) }
    };
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(csp);
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// The elements, each under the context it shares with the one before only once: a koers's
/// introduction is on the page once however many of its inspanningen are asked about.
fn items(file: &ReviewFile, terms: &[Term]) -> Markup {
    let mut previous: &[ContextLine] = &[];
    html! {
        @for (n, item) in file.items.iter().enumerate() {
            @let same = previous.iter().zip(&item.context).take_while(|(a, b)| a == b).count();
            @for (depth, line) in item.context.iter().enumerate().skip(same) {
                (context_heading(depth, line, terms))
            }
            ({ previous = &item.context; "" })
            (one_item(file, n, item, terms))
        }
    }
}

fn context_heading(depth: usize, line: &ContextLine, terms: &[Term]) -> Markup {
    let inner = html! { span.nummer { (line.name) } " " (marked(&line.title, terms)) };
    html! {
        div.context {
            @match depth {
                0 => h2 { (inner) },
                1 => h3 { (inner) },
                _ => h4 { (inner) },
            }
            @if !line.text.is_empty() {
                details {
                    summary { "Toelichting bij " (line.name) }
                    @for para in line.text.split("\n\n") { p { (marked(para, terms)) } }
                }
            }
        }
    }
}

fn one_item(file: &ReviewFile, n: usize, item: &ReviewItem, terms: &[Term]) -> Markup {
    let id = |field: &str| format!("r{n}-{field}");
    let prev = item.previous.clone().unwrap_or_default();
    let level = (item.context.len() + 2).min(6);
    let kop = id("kop");
    let heading = html! { span.nummer { (item.name) } " " (marked(&item.title, terms)) };
    let status_label = match file.jaar {
        Some(y) => format!("Status in {y}"),
        None => "Status".to_owned(),
    };
    html! {
        section.item data-id=(item.id) data-name=(item.name) data-title=(item.title) aria-labelledby=(kop) {
            @match level {
                2 => h2 #(kop) { (heading) },
                3 => h3 #(kop) { (heading) },
                4 => h4 #(kop) { (heading) },
                5 => h5 #(kop) { (heading) },
                _ => h6 #(kop) { (heading) },
            }
            @if item.status.is_some() || !item.note.is_empty() || item.year_record.is_some() {
                dl.gemeente {
                    @if let Some(s) = &item.status { dt { "Status bij " (file.exported_by_or_gemeente()) } dd { (s) } }
                    @if !item.note.is_empty() { dt { "Notitie van " (file.exported_by_or_gemeente()) } dd { (item.note) } }
                    @if let (Some(r), Some(y)) = (&item.year_record, file.jaar) {
                        dt { "Voortgang " (y) " volgens " (file.exported_by_or_gemeente()) }
                        dd {
                            (r.status.as_deref().unwrap_or("nog geen status"))
                            @if !r.voortgang.is_empty() { ": " (r.voortgang) }
                        }
                    }
                }
            }
            @if item.previous.is_some() {
                p.vorige { "Hieronder staat uw vorige reactie; pas haar aan of laat haar staan." }
            }
            div.veld {
                label for=(id("note")) { "Uw reactie" }
                textarea #(id("note")) name="note" rows="3" { (prev.note) }
            }
            div.veld {
                label for=(id("status")) { (status_label) }
                select #(id("status")) name="status" {
                    option value="" selected[prev.status.is_none()] { "(geen)" }
                    @for s in &file.statuses {
                        option value=(s) selected[prev.status.as_deref() == Some(s.as_str())] { (s) }
                    }
                }
            }
            div.veld {
                label for=(id("proposal")) { "Voorstel" }
                textarea #(id("proposal")) name="proposal" rows="2" { (prev.proposal) }
            }
            @if let Some(y) = file.jaar {
                div.veld {
                    label for=(id("voortgang")) { "Wat is er in " (y) " bereikt?" }
                    textarea #(id("voortgang")) name="voortgang" rows="2" { (prev.voortgang) }
                }
            }
        }
    }
}

impl ReviewFile {
    fn exported_by_or_gemeente(&self) -> &str {
        if self.exported_by.trim().is_empty() {
            "de gemeente"
        } else {
            &self.exported_by
        }
    }
}

/// A begrip to underline: its words folded to lower case, and the anchor of its definition.
struct Term {
    folded: Vec<char>,
    anchor: String,
}

fn terms(begrippen: &[BegripLine]) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (i, b) in begrippen.iter().enumerate() {
        let folded: Vec<char> = b.term.chars().map(fold).collect();
        if folded.is_empty() || out.iter().any(|t| t.folded == folded) {
            continue;
        }
        out.push(Term {
            folded,
            anchor: format!("begrip-{i}"),
        });
    }
    // Longest first, so "Civil Society" wins over "Civil".
    out.sort_by_key(|t| std::cmp::Reverse(t.folded.len()));
    out
}

fn term_id(terms: &[Term], term: &str) -> String {
    let folded: Vec<char> = term.chars().map(fold).collect();
    terms
        .iter()
        .find(|t| t.folded == folded)
        .map_or_else(String::new, |t| t.anchor.clone())
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// `text` with each begrip in it a link to its definition (whole words, case aside).
fn marked(text: &str, terms: &[Term]) -> Markup {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|&(_, c)| fold(c)).collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let starts_word = i == 0 || folded.get(i - 1).is_none_or(|c| !c.is_alphanumeric());
        let found = starts_word
            .then(|| {
                terms.iter().find(|t| {
                    let end = i + t.folded.len();
                    folded.get(i..end) == Some(t.folded.as_slice())
                        && folded.get(end).is_none_or(|c| !c.is_alphanumeric())
                })
            })
            .flatten();
        if let Some(t) = found {
            hits.push((byte_at(i), byte_at(i + t.folded.len()), t.anchor.as_str()));
            i += t.folded.len();
        } else {
            i += 1;
        }
    }
    let mut at = 0;
    html! {
        @for (start, end, anchor) in hits {
            (text.get(at..start).unwrap_or_default())
            a.begrip href=(format!("#{anchor}")) { (text.get(start..end).unwrap_or_default()) }
            ({ at = end; "" })
        }
        (text.get(at..).unwrap_or_default())
    }
}

/// Writes the invitation page atomically.
///
/// # Errors
/// I/O failures.
pub fn write(path: &std::path::Path, file: &ReviewFile) -> std::io::Result<()> {
    crate::fsio::write_atomic(path, page(file).as_bytes())
}

#[cfg(test)]
mod tests;
