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

use super::{ContextLine, ReviewFile, ReviewItem};
use crate::glossary::Glossary;

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
    let from = file.sender().to_owned();
    let (one, many) = &file.element_name;
    let title = format!("Uw reactie op {} — {}", file.kompas, file.partner);
    let jaar = file.jaar.map(|y| y.to_string()).unwrap_or_default();
    let glossary = Glossary::from_terms(
        file.begrippen
            .iter()
            .map(|b| (b.term.as_str(), b.definition.as_str())),
    );
    let body = html! {
        a.skip href="#vragen" { "Naar de vragen" }
        header {
            p.kompas { (file.kompas) }
            h1 { "Uw reactie gevraagd" }
            p.lead {
                (crate::text::capitalise_first(&from)) " vraagt " strong { (file.partner) } " te reageren op "
                (file.count_text())
                @if let Some(y) = file.jaar { " en te vertellen wat er in " (y) " is bereikt" }
                "."
            }
            h2 { "Zo werkt het" }
            ol.stappen {
                li { "Lees per " (one) " waar het over gaat en vul in wat u wilt: een reactie, de stand van zaken, een voorstel. Niets is verplicht." }
                li { "Wat u typt, bewaart deze browser meteen op deze computer. U kunt het venster sluiten en later verdergaan." }
                li { "Klaar? Kies onderaan " strong { "Reactie opslaan" } " of druk op Ctrl+S. Uw browser bewaart dan een bestand (meestal in de map Downloads)." }
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
                (items(file, &glossary))
            }
            @if !glossary.is_empty() {
                section.begrippen aria-labelledby="begrippen-kop" {
                    h2 #begrippen-kop { "Begrippen" }
                    dl {
                        @for (i, e) in glossary.entries.iter().enumerate() {
                            dt #(format!("begrip-{i}")) { dfn { (e.term) } }
                            @for d in &e.definitions { dd { (d.text) } }
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
fn items(file: &ReviewFile, glossary: &Glossary) -> Markup {
    let mut previous: &[ContextLine] = &[];
    html! {
        @for (n, item) in file.items.iter().enumerate() {
            @let same = previous.iter().zip(&item.context).take_while(|(a, b)| a == b).count();
            @for (depth, line) in item.context.iter().enumerate().skip(same) {
                (context_heading(depth, line, glossary))
            }
            ({ previous = &item.context; "" })
            (one_item(file, n, item, glossary))
        }
    }
}

fn context_heading(depth: usize, line: &ContextLine, glossary: &Glossary) -> Markup {
    let inner = html! { span.nummer { (line.name) } " " (marked(&line.title, glossary)) };
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
                    @for para in line.text.split("\n\n") { p { (marked(para, glossary)) } }
                }
            }
        }
    }
}

fn one_item(file: &ReviewFile, n: usize, item: &ReviewItem, glossary: &Glossary) -> Markup {
    let id = |field: &str| format!("r{n}-{field}");
    let prev = item.previous.clone().unwrap_or_default();
    let level = (item.context.len() + 2).min(6);
    let kop = id("kop");
    let heading = html! { span.nummer { (item.name) } " " (marked(&item.title, glossary)) };
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
                    @if let Some(s) = &item.status { dt { "Status bij " (file.sender()) } dd { (s) } }
                    @if !item.note.is_empty() { dt { "Notitie van " (file.sender()) } dd { (item.note) } }
                    @if let (Some(r), Some(y)) = (&item.year_record, file.jaar) {
                        dt { "Voortgang " (y) " volgens " (file.sender()) }
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

/// `text` with each begrip in it (as the app finds them: whole words, Dutch inflections) a
/// link to its definition at the end of the page.
fn marked(text: &str, glossary: &Glossary) -> Markup {
    let mut at = 0;
    html! {
        @for hit in glossary.find(text) {
            @if hit.range.start >= at {
                (text.get(at..hit.range.start).unwrap_or_default())
                a.begrip href=(format!("#begrip-{}", hit.entry)) { (text.get(hit.range.clone()).unwrap_or_default()) }
                ({ at = hit.range.end; "" })
            }
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
