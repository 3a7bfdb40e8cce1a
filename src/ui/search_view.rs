//! Search results, grouped by level, with the matched words highlighted and each result's
//! place in the tree. Arrow keys move through them, Enter opens one.

use egui::{FontId, RichText, Stroke, Ui};

use crate::model::Kompas;
use crate::search::{FieldKind, Hit, SearchIndex, Target};
use crate::ui::command::Command;
use crate::ui::marked_text::{MarkStyle, marked_label};
use crate::ui::theme::{self, mix};
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::{BlockStyle, clickable_block};

/// At most this many results are shown.
pub(super) const MAX_RESULTS: usize = 200;

/// The search field's state and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
    /// Results for `searched`, in display order (grouped by level).
    pub hits: Vec<Hit>,
    /// Group headings: (heading, number of hits), in display order.
    pub groups: Vec<(String, usize)>,
    /// The highlighted result (arrow keys), an index into `hits`.
    pub cursor: usize,
    /// The query the results are for.
    searched: String,
}

impl SearchState {
    /// True while results are shown.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Runs the query again if it changed.
    pub fn refresh(&mut self, kompas: &Kompas, index: &SearchIndex) {
        if self.query == self.searched || self.query.trim().is_empty() {
            return;
        }
        self.searched.clone_from(&self.query);
        let hits = index.search(&self.query, MAX_RESULTS);
        // Grouped top-down by level, then notes, begrippen last (as people read a compass);
        // best first within a group. The cursor starts on the best hit of all, so Enter still
        // opens it.
        let group_of = |h: &Hit| -> usize {
            match h.target {
                Target::Element(ix) => kompas.element(ix).depth,
                Target::Note(_) => kompas.levels.len(),
                Target::Begrip(_) => kompas.levels.len() + 1,
            }
        };
        let mut keyed: Vec<(usize, usize, Hit)> = hits
            .into_iter()
            .enumerate()
            .map(|(i, h)| (group_of(&h), i, h))
            .collect();
        keyed.sort_by_key(|(g, i, _)| (*g, *i));
        self.cursor = keyed.iter().position(|(_, i, _)| *i == 0).unwrap_or(0);
        self.groups.clear();
        for (g, _, _) in &keyed {
            let name = match kompas.levels.get(*g) {
                Some(l) => l.plural.clone(),
                None if *g == kompas.levels.len() => "Notities".to_owned(),
                None => "Begrippen".to_owned(),
            };
            match self.groups.last_mut() {
                Some((last, n)) if *last == name => *n += 1,
                _ => self.groups.push((name, 1)),
            }
        }
        self.hits = keyed.into_iter().map(|(_, _, h)| h).collect();
    }

    /// Makes the next refresh search again (the index changed).
    pub fn invalidate(&mut self) {
        self.searched.clear();
    }

    /// Forgets the query and its results.
    pub fn clear(&mut self) {
        self.query.clear();
        self.searched.clear();
        self.hits.clear();
        self.groups.clear();
        self.cursor = 0;
    }

    /// Moves the highlighted result.
    pub fn move_cursor(&mut self, down: bool) {
        if self.hits.is_empty() {
            return;
        }
        self.cursor = if down {
            (self.cursor + 1).min(self.hits.len() - 1)
        } else {
            self.cursor.saturating_sub(1)
        };
    }

    /// The command that opens the highlighted result.
    pub fn open_command(&self, kompas: &Kompas) -> Option<Command> {
        self.hits.get(self.cursor).map(|h| open(kompas, &h.target))
    }
}

fn open(kompas: &Kompas, target: &Target) -> Command {
    match target {
        Target::Element(ix) => Command::Open(kompas.element(*ix).id.clone()),
        Target::Begrip(i) => Command::ShowBegrip(*i),
        Target::Note(id) => Command::Open(id.clone()),
    }
}

/// Instead of results while the search index is still being made (a large compass just
/// opened): the query is kept and answered as soon as it is there.
pub(super) fn getting_ready_ui(ui: &mut Ui) {
    ui.add_space(8.0);
    crate::ui::widgets::live_label(
        ui,
        RichText::new("Zoeken wordt voorbereid: de zoekindex wordt nog opgebouwd…").size(18.0),
    );
    ui.spinner();
}

/// Draws the results.
pub(super) fn results_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    state: &SearchState,
    index: &SearchIndex,
    scroll_to_cursor: bool,
) {
    let kompas = cx.kompas;
    let theme = cx.theme;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(960.0));
            ui.add_space(8.0);
            if state.hits.is_empty() {
                crate::ui::widgets::live_label(
                    ui,
                    RichText::new(format!("Niets gevonden voor ‘{}’.", state.query.trim()))
                        .size(18.0),
                );
                ui.label(
                    RichText::new("Probeer een ander woord of een deel van een woord.")
                        .color(theme.text_muted),
                );
                return;
            }
            results_header(ui, cx, state);
            let match_bg = mix(theme.focus, theme.card_bg, 0.72);
            let mut i = 0;
            for (heading, count) in &state.groups {
                ui.add_space(10.0);
                crate::ui::widgets::heading_label(
                    ui,
                    RichText::new(format!("{heading} ({count})"))
                        .size(17.0)
                        .family(theme::bold()),
                    2,
                );
                for _ in 0..*count {
                    let Some(hit) = state.hits.get(i) else { break };
                    let is_cursor = i == state.cursor;
                    let (title, place, color) = describe(cx, &hit.target);
                    let style = BlockStyle {
                        fill: if is_cursor {
                            mix(theme.focus, theme.card_bg, 0.88)
                        } else {
                            theme.card_bg
                        },
                        hover_fill: theme.surface_hover(theme.card_bg),
                        border: Stroke::new(1.0, theme.card_border),
                        accent: color,
                        selected: is_cursor,
                        margin_px: 8.0,
                    };
                    let label = format!("{title} — {place}");
                    let resp = clickable_block(
                        ui,
                        egui::Id::unique(("resultaat", i)),
                        theme,
                        style,
                        &label,
                        |ui| {
                            let mark = MarkStyle {
                                font: FontId::proportional(16.0),
                                color: theme.text,
                                term_underline: Stroke::NONE,
                                match_bg,
                            };
                            marked_label(ui, &title, &[], &hit.title_matches, &mark);
                            if let Some(body) = index.text(hit, FieldKind::Body)
                                && let Some(first) = hit.body_matches.first()
                            {
                                let (snippet, ranges) =
                                    excerpt(body, first.start, &hit.body_matches);
                                let mark = MarkStyle {
                                    font: FontId::proportional(14.0),
                                    color: theme.text_muted,
                                    ..mark
                                };
                                marked_label(ui, &snippet, &[], &ranges, &mark);
                            }
                            ui.label(RichText::new(&place).small().color(theme.text_muted));
                        },
                    );
                    if is_cursor {
                        // Typing stays in the field while ↑ ↓ move the cursor: the result
                        // under it is the field's active descendant, so it is spoken.
                        ui.ctx().accesskit_node_builder(search_id(), |b| {
                            b.set_active_descendant(resp.id.accesskit_id());
                        });
                        if scroll_to_cursor {
                            resp.scroll_to_me(Some(egui::Align::Center));
                        }
                    }
                    if resp.clicked() {
                        cx.push(open(kompas, &hit.target));
                    }
                    ui.add_space(4.0);
                    i += 1;
                }
            }
        });
}

/// The id of the search field, so shortcuts can focus it and results can be its active
/// descendant.
pub(crate) fn search_id() -> egui::Id {
    egui::Id::unique("zoekveld")
}

/// How many results, and what Enter opens: the best hit may be further down (a begrip).
fn results_header(ui: &mut Ui, cx: &ViewCtx<'_>, state: &SearchState) {
    let n = state.hits.len();
    crate::ui::widgets::live_label(
        ui,
        RichText::new(format!(
            "{n} {} voor ‘{}’",
            if n == 1 { "resultaat" } else { "resultaten" },
            state.query.trim()
        ))
        .size(18.0)
        .strong(),
    );
    let first = state
        .hits
        .get(state.cursor)
        .map(|h| describe(cx, &h.target).0)
        .unwrap_or_default();
    ui.label(
        RichText::new(format!("Enter opent ‘{first}’ · ↑ ↓ kiezen · Esc terug"))
            .color(cx.theme.text_muted),
    );
}

/// Title, place in the tree and colour of a result.
fn describe(cx: &ViewCtx<'_>, target: &Target) -> (String, String, Option<egui::Color32>) {
    let kompas = cx.kompas;
    match target {
        Target::Element(ix) => {
            let el = kompas.element(*ix);
            let place = kompas.breadcrumb(*ix);
            (
                el.title.clone(),
                place,
                Some(cx.theme.sector_fill(kompas.color(*ix), 0)),
            )
        }
        Target::Begrip(i) => {
            let term = cx
                .glossary
                .entries
                .get(*i)
                .map(|e| e.term.clone())
                .unwrap_or_default();
            let koersen: Vec<String> = cx
                .glossary
                .entries
                .get(*i)
                .map(|e| e.elements().iter().map(|&k| kompas.short_name(k)).collect())
                .unwrap_or_default();
            (
                term,
                format!("Begrippenlijst › {}", koersen.join(", ")),
                None,
            )
        }
        Target::Note(id) => {
            let place = kompas
                .get(id.as_str())
                .map(|ix| kompas.breadcrumb(ix))
                .unwrap_or_else(|| id.to_string());
            (format!("Notitie bij {id}"), place, None)
        }
    }
}

/// About 160 characters of `text` around `at`, with the match ranges shifted into it.
fn excerpt(
    text: &str,
    at: usize,
    matches: &[std::ops::Range<usize>],
) -> (String, Vec<std::ops::Range<usize>>) {
    let mut start = at.saturating_sub(60);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    // Start at a word.
    if start > 0
        && let Some(space) = text.get(start..).and_then(|t| t.find(' '))
    {
        start += space + 1;
    }
    let mut end = (at + 120).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < text.len() { " …" } else { "" };
    let body = text.get(start..end).unwrap_or_default();
    let shift = prefix.len();
    let ranges = matches
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| (r.start - start + shift)..(r.end - start + shift))
        .collect();
    (format!("{prefix}{body}{suffix}"), ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_keep_their_highlights_on_the_words() {
        let text = format!("{}mantelzorgers{}", "een ".repeat(40), " twee".repeat(40));
        let at = text.find("mantelzorgers").unwrap();
        let one_match: Vec<std::ops::Range<usize>> = std::iter::once(at..at + 13).collect();
        let (snippet, ranges) = excerpt(&text, at, &one_match);
        assert!(snippet.starts_with("… ") && snippet.ends_with(" …"));
        assert_eq!(&snippet[ranges[0].clone()], "mantelzorgers");
    }

    #[test]
    fn results_are_grouped_top_down_with_begrippen_last_and_the_cursor_on_the_best() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let g = crate::glossary::Glossary::new(&k);
        let index = SearchIndex::new(&k, &g);
        let mut s = SearchState {
            query: "mantelzorg".into(),
            ..Default::default()
        };
        s.refresh(&k, &index);
        let headings: Vec<&str> = s.groups.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(headings.last(), Some(&"Begrippen"), "{headings:?}");
        let koersen = headings.iter().position(|h| *h == "Koersen");
        let inspanningen = headings.iter().position(|h| *h == "Inspanningen");
        assert!(koersen < inspanningen, "top-down: {headings:?}");
        assert_eq!(s.groups.iter().map(|(_, n)| n).sum::<usize>(), s.hits.len());
        // The begrip Mantelzorg is the best hit: the cursor starts there, in the last group.
        assert!(matches!(s.hits[s.cursor].target, Target::Begrip(_)));
        let start = s.cursor;
        s.move_cursor(false);
        assert_eq!(s.cursor, start - 1);
    }
}
