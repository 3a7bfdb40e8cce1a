//! Text with marks: begrippen underlined where they occur (hover shows the definition), and
//! search matches highlighted.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Rect, Sense, Stroke, Ui};

use crate::glossary::{Glossary, TermHit};
use crate::model::{Ix, Kompas};

/// Begrip hits of every element's title and text, found once when a compass is loaded so a
/// frame only looks them up.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    titles: Vec<Vec<TermHit>>,
    texts: Vec<Vec<TermHit>>,
}

impl Marks {
    /// Finds the begrippen in every element of `kompas`.
    pub fn new(kompas: &Kompas, glossary: &Glossary) -> Self {
        let n = kompas.len();
        let mut titles = vec![Vec::new(); n];
        let mut texts = vec![Vec::new(); n];
        for ix in kompas.document_order() {
            let el = kompas.element(ix);
            if let Some(slot) = titles.get_mut(ix.index()) {
                *slot = glossary.find(&el.title);
            }
            if let (Some(slot), Some(text)) = (texts.get_mut(ix.index()), &el.text) {
                *slot = glossary.find(text);
            }
        }
        Self { titles, texts }
    }

    /// For each of `entries` begrippen, the elements whose title or text uses it, in document
    /// order, from the hits already found.
    pub fn usages(&self, kompas: &Kompas, entries: usize) -> Vec<Vec<Ix>> {
        let mut out = vec![Vec::new(); entries];
        for ix in kompas.document_order() {
            let mut seen: Vec<usize> = Vec::new();
            for hit in self.title(ix).iter().chain(self.text(ix)) {
                if !seen.contains(&hit.entry) {
                    seen.push(hit.entry);
                }
            }
            for e in seen {
                if let Some(list) = out.get_mut(e) {
                    list.push(ix);
                }
            }
        }
        out
    }

    /// Hits in the title of `ix`.
    pub fn title(&self, ix: Ix) -> &[TermHit] {
        self.titles.get(ix.index()).map_or(&[], Vec::as_slice)
    }

    /// Hits in the text of `ix`.
    pub fn text(&self, ix: Ix) -> &[TermHit] {
        self.texts.get(ix.index()).map_or(&[], Vec::as_slice)
    }
}

/// How a marked text looks.
#[derive(Clone, Debug)]
pub(super) struct MarkStyle {
    /// Font of the text.
    pub font: FontId,
    /// Colour of the text.
    pub color: Color32,
    /// Underline of a begrip.
    pub term_underline: Stroke,
    /// Background of a search match.
    pub match_bg: Color32,
}

/// Lays out `text` with its begrippen underlined and `matches` highlighted, wrapped to the
/// available width, and paints it. Returns the begrip under the pointer, if any.
pub(super) fn marked_label(
    ui: &mut Ui,
    text: &str,
    terms: &[TermHit],
    matches: &[Range<usize>],
    style: &MarkStyle,
) -> Option<TermHit> {
    let galley = layout(ui, text, terms, matches, style, ui.available_width());
    let (rect, resp) = ui.allocate_exact_size(galley.size(), Sense::hover());
    // Painted, so named for screen readers as a label with the whole text.
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    ui.painter().galley(rect.min, galley.clone(), style.color);
    term_under_pointer(ui, &galley, rect, text, terms)
}

fn layout(
    ui: &Ui,
    text: &str,
    terms: &[TermHit],
    matches: &[Range<usize>],
    style: &MarkStyle,
    width: f32,
) -> Arc<Galley> {
    // Cut points where a term or match starts or ends; each piece gets its format.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in terms.iter().map(|t| &t.range).chain(matches) {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let in_term = terms.iter().any(|t| t.range.start <= a && b <= t.range.end);
        let in_match = matches.iter().any(|m| m.start <= a && b <= m.end);
        job.append(
            piece,
            0.0,
            TextFormat {
                font_id: style.font.clone(),
                color: style.color,
                underline: if in_term {
                    style.term_underline
                } else {
                    Stroke::NONE
                },
                background: if in_match {
                    style.match_bg
                } else {
                    Color32::TRANSPARENT
                },
                ..Default::default()
            },
        );
    }
    job.wrap.max_width = width;
    ui.ctx().fonts_mut(|f| f.layout_job(job))
}

fn term_under_pointer(
    ui: &Ui,
    galley: &Galley,
    rect: Rect,
    text: &str,
    terms: &[TermHit],
) -> Option<TermHit> {
    if terms.is_empty() || !ui.rect_contains_pointer(rect) {
        return None;
    }
    let pointer = ui.ctx().pointer_hover_pos()?;
    let cursor = galley.cursor_from_pos(pointer - rect.min);
    let byte = text
        .char_indices()
        .nth(cursor.index.0)
        .map_or(text.len(), |(b, _)| b);
    // The cursor sits between characters; the character right of it is the one pointed at.
    terms
        .iter()
        .find(|t| t.range.start <= byte && byte < t.range.end)
        .cloned()
}

/// Shows the definition(s) of a begrip next to the pointer, with `hint` (what a click does)
/// below them.
pub(super) fn begrip_tooltip(ui: &Ui, glossary: &Glossary, hit: &TermHit, hint: Option<&str>) {
    let Some(entry) = glossary.entries.get(hit.entry) else {
        return;
    };
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        egui::Id::unique("begrip-uitleg"),
        egui::PopupAnchor::Pointer,
    )
    .gap(14.0)
    .show(|ui| {
        ui.set_max_width(360.0);
        ui.label(egui::RichText::new(&entry.term).strong());
        for d in &entry.definitions {
            ui.label(&d.text);
        }
        if let Some(hint) = hint {
            ui.label(egui::RichText::new(hint).small().weak());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usages_link_begrippen_to_their_elements() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let g = Glossary::new(&k);
        let usages = Marks::new(&k, &g).usages(&k, g.entries.len());
        let i = g
            .entries
            .iter()
            .position(|e| e.term == "Signs of Safety methode")
            .unwrap();
        let ids: Vec<_> = usages[i]
            .iter()
            .map(|&e| k.element(e).id.to_string())
            .collect();
        assert_eq!(ids, ["1.1.1.5"]);
        let used = usages.iter().filter(|u| !u.is_empty()).count();
        assert!(used >= 60, "most begrippen occur in the compass: {used}");
    }
}
