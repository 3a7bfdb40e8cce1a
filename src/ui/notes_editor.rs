//! The notes part of the detail panel: note, status, priority, years and partners of the
//! selected element, who changed it last, partner reactions and the history.

use egui::{RichText, Ui};

use crate::model::{Ix, NodeId};
use crate::notes::{Annotation, Edit, Priority, parse_years};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

/// Editing buffers of the notes editor (the store changes only through commands).
#[derive(Debug, Default)]
pub struct NotesEditor {
    /// The element being edited and its note text as typed.
    note: Option<(NodeId, String)>,
    /// The years as typed.
    years: String,
    /// A new partner being typed.
    new_partner: String,
    /// The user's name being typed.
    name: String,
    /// The name was just saved: the note field takes focus (the name field is gone).
    focus_note: bool,
    /// The year whose record is edited, and that record's texts as typed (element, year,
    /// progress, budget, spent).
    year: Option<i32>,
    record: Option<(NodeId, i32, String, String, String)>,
}

impl NotesEditor {
    /// Draws the editor for element `ix`.
    #[expect(
        clippy::too_many_lines,
        reason = "the editor top to bottom; to be split per field when its screen-reader names are reworked"
    )]
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, ix: Ix) {
        let kompas = cx.kompas;
        let el = kompas.element(ix);
        let id = el.id.clone();
        let empty = Annotation::default();
        let a = cx.notes.get(id.as_str()).unwrap_or(&empty);
        if self.note.as_ref().is_none_or(|(n, _)| *n != id) {
            self.note = Some((id.clone(), a.note.clone()));
            self.years = a
                .years
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
        }
        ui.separator();
        crate::ui::widgets::heading_label(
            ui,
            RichText::new("Notitie").size(17.0).family(theme::bold()),
            2,
        );
        if cx.user.trim().is_empty() {
            ui.label("Uw naam wordt bij elke wijziging bewaard. Vul hem één keer in:");
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Naam");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(180.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let ok = !self.name.trim().is_empty();
                if (ui.add_enabled(ok, egui::Button::new("Bewaren")).clicked() || entered) && ok {
                    self.focus_note = true;
                    cx.push(Command::Notes(
                        crate::ui::command::NotesCommand::SetUserName(self.name.trim().to_owned()),
                    ));
                }
            });
            return;
        }
        if cx.notes.text_changed(id.as_str(), &el.title) {
            ui.colored_label(
                cx.theme.status_text(1),
                "⚠ De tekst van dit element is gewijzigd sinds de notitie is geschreven.",
            );
        }
        if let Some((_, text)) = &mut self.note {
            let label = ui.label(RichText::new("Tekst").small().color(cx.theme.text_muted));
            let resp = ui
                .add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .hint_text("Schrijf een notitie…"),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_note) {
                resp.request_focus();
            }
            if resp.changed() {
                cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                    id.clone(),
                    Edit::Note(text.clone()),
                )));
            }
        }
        egui::Grid::new(("notitievelden", id.as_str()))
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                // Radio buttons, not a popup: every choice is a Tab stop, named with its
                // field ("Status: in uitvoering"), checked or not.
                ui.label("Status");
                let chosen = ui
                    .horizontal_wrapped(|ui| {
                        status_radios(
                            ui,
                            "Status",
                            &cx.notes.statuses,
                            cx.theme,
                            a.status.as_ref(),
                        )
                    })
                    .inner;
                if let Some(value) = chosen {
                    cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                        id.clone(),
                        Edit::Status(value),
                    )));
                }
                ui.end_row();
                ui.label("Prioriteit");
                let chosen = ui
                    .horizontal_wrapped(|ui| priority_radios(ui, "Prioriteit", a.priority))
                    .inner;
                if let Some(p) = chosen {
                    cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                        id.clone(),
                        Edit::Priority(p),
                    )));
                }
                ui.end_row();
                let years_label = ui.label("Jaren");
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.years)
                            .hint_text("bijv. 2018, 2019-2020")
                            .desired_width(180.0),
                    )
                    .labelled_by(years_label.id);
                let parsed = parse_years(&self.years);
                if resp.changed()
                    && let Some(years) = &parsed
                {
                    cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                        id.clone(),
                        Edit::Years(years.clone()),
                    )));
                }
                ui.end_row();
                if parsed.is_none() {
                    ui.label("");
                    ui.colored_label(cx.theme.status_text(6), "Geen jaartal herkend");
                    ui.end_row();
                }
            });
        self.year_ui(ui, cx, &id, a);
        ui.add_space(4.0);
        ui.label("Partners");
        ui.horizontal_wrapped(|ui| {
            for p in &cx.notes.partners {
                let mut on = a.partners.contains(p);
                if ui.checkbox(&mut on, p).changed() {
                    let mut next = a.partners.clone();
                    if on {
                        next.push(p.clone());
                    } else {
                        next.retain(|q| q != p);
                    }
                    cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                        id.clone(),
                        Edit::Partners(next),
                    )));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new("Nieuwe partner").small());
            ui.add(egui::TextEdit::singleline(&mut self.new_partner).desired_width(140.0))
                .labelled_by(label.id);
            let name = self.new_partner.trim().to_owned();
            if ui
                .add_enabled(
                    !name.is_empty(),
                    egui::Button::new("Toevoegen en toewijzen"),
                )
                .clicked()
            {
                cx.push(Command::Notes(
                    crate::ui::command::NotesCommand::AddPartner(name.clone()),
                ));
                let mut next = a.partners.clone();
                if !next.contains(&name) {
                    next.push(name);
                }
                cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                    id.clone(),
                    Edit::Partners(next),
                )));
                self.new_partner.clear();
            }
        });
        if !a.updated_by.is_empty() {
            ui.label(
                RichText::new(format!(
                    "Laatst gewijzigd door {} op {}",
                    a.updated_by,
                    short_time(&a.updated_at)
                ))
                .small()
                .color(cx.theme.text_muted),
            );
        }
        if !a.reactions.is_empty() {
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("Reacties van partners ({})", a.reactions.len())).strong(),
            );
            for r in a.reactions.iter().rev() {
                egui::Frame::NONE
                    .fill(cx.theme.card_bg)
                    .corner_radius(6)
                    .inner_margin(6)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(format!(
                                "{} — {} {}",
                                r.partner,
                                r.by,
                                short_time(&r.at)
                            ))
                            .small()
                            .strong(),
                        );
                        if r.is_empty() {
                            ui.label(RichText::new("Reactie ingetrokken").italics());
                        }
                        if !r.note.is_empty() {
                            ui.label(&r.note);
                        }
                        if let Some(s) = &r.status {
                            ui.label(format!("Status volgens partner: {s}"));
                        }
                        if !r.proposal.is_empty() {
                            ui.label(format!("Voorstel: {}", r.proposal));
                        }
                    });
            }
        }
        if !a.history.is_empty() {
            egui::CollapsingHeader::new(format!("Geschiedenis ({})", a.history.len()))
                .id_salt(("geschiedenis", id.as_str()))
                .show(ui, |ui| {
                    for h in a.history.iter().rev() {
                        ui.label(
                            RichText::new(format!(
                                "{} · {} · {}",
                                short_time(&h.at),
                                h.by,
                                h.field
                            ))
                            .small()
                            .strong(),
                        );
                        ui.label(
                            RichText::new(format!(
                                "was: {}",
                                if h.old.is_empty() { "—" } else { &h.old }
                            ))
                            .small(),
                        );
                    }
                });
        }
    }
}

impl NotesEditor {
    /// The record of one year: status, priority, what was achieved and the money, with the
    /// other years' statuses listed below.
    #[expect(
        clippy::too_many_lines,
        reason = "one year's record top to bottom, as the notes editor above it"
    )]
    fn year_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, id: &NodeId, a: &Annotation) {
        use crate::notes::{YearEdit, format_euro, parse_euro};
        let years = cx.voortgang_years;
        let year = self
            .year
            .or_else(|| cx.voortgang.map(|r| r.year))
            .or_else(|| a.voortgang.keys().next_back().copied())
            .or_else(|| years.last().copied())
            .unwrap_or_else(crate::notes::this_year);
        ui.add_space(6.0);
        crate::ui::widgets::heading_label(ui, RichText::new("Voortgang per jaar").strong(), 3);
        ui.horizontal(|ui| {
            if let Some(Some(y)) = crate::ui::voortgang_view::year_picker(
                ui,
                &format!("notitiejaar-{}", id.as_str()),
                "Voortgangsjaar",
                Some(year),
                years,
                "—",
            ) {
                self.year = Some(y);
            }
        });
        let empty = crate::notes::YearRecord::default();
        let r = a.voortgang.get(&year).unwrap_or(&empty);
        let stale = self
            .record
            .as_ref()
            .is_none_or(|(n, y, ..)| n != id || *y != year);
        if stale {
            self.record = Some((
                id.clone(),
                year,
                r.voortgang.clone(),
                r.begroot.map(format_euro).unwrap_or_default(),
                r.realisatie.map(format_euro).unwrap_or_default(),
            ));
        }
        let edit = |cx: &mut ViewCtx<'_>, e: YearEdit| {
            cx.push(Command::Notes(crate::ui::command::NotesCommand::Annotate(
                id.clone(),
                Edit::Jaar(year, e),
            )));
        };
        let chosen = ui
            .horizontal_wrapped(|ui| {
                status_radios(
                    ui,
                    &format!("Status {year}"),
                    &cx.notes.statuses,
                    cx.theme,
                    r.status.as_ref(),
                )
            })
            .inner;
        if let Some(value) = chosen {
            edit(cx, YearEdit::Status(value));
        }
        if r.status.is_none()
            && let Some(s) = a.status_in(year)
        {
            ui.label(
                RichText::new(format!("Geldt uit een eerder jaar: {s}"))
                    .small()
                    .color(cx.theme.text_muted),
            );
        }
        let chosen = ui
            .horizontal_wrapped(|ui| {
                ui.label(format!("Prioriteit {year}"));
                priority_radios(ui, &format!("Prioriteit {year}"), r.priority)
            })
            .inner;
        if let Some(p) = chosen {
            edit(cx, YearEdit::Priority(p));
        }
        let Some((_, _, text, begroot, realisatie)) = &mut self.record else {
            return;
        };
        let label = ui.label(
            RichText::new(format!("Wat is bereikt in {year}"))
                .small()
                .color(cx.theme.text_muted),
        );
        let resp = ui
            .add(
                egui::TextEdit::multiline(text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if resp.changed() {
            edit(cx, YearEdit::Voortgang(text.clone()));
        }
        let money = |ui: &mut Ui, name: &str, buf: &mut String| -> Option<Option<i64>> {
            let label = ui.label(format!("{name} {year}"));
            let resp = ui
                .add(
                    egui::TextEdit::singleline(buf)
                        .hint_text("€ 0,00")
                        .desired_width(110.0),
                )
                .labelled_by(label.id);
            let parsed = if buf.trim().is_empty() {
                Some(None)
            } else {
                parse_euro(buf).map(Some)
            };
            if parsed.is_none() {
                ui.colored_label(cx.theme.status_text(6), "geen bedrag");
            }
            resp.lost_focus().then_some(parsed).flatten()
        };
        let b = ui
            .horizontal_wrapped(|ui| money(ui, "Begroot", begroot))
            .inner;
        let s = ui
            .horizontal_wrapped(|ui| money(ui, "Realisatie", realisatie))
            .inner;
        if let Some(v) = b.filter(|v| *v != r.begroot) {
            edit(cx, YearEdit::Begroot(v));
        }
        if let Some(v) = s.filter(|v| *v != r.realisatie) {
            edit(cx, YearEdit::Realisatie(v));
        }
        let others: Vec<String> = a
            .voortgang
            .iter()
            .filter(|(y, _)| **y != year)
            .map(|(y, r)| {
                let status = r.status.as_deref().unwrap_or("—");
                if r.voortgang.is_empty() {
                    format!("{y}: {status}")
                } else {
                    format!("{y}: {status} — {}", r.voortgang)
                }
            })
            .collect();
        for line in others {
            ui.label(RichText::new(line).small());
        }
        if ui
            .button("Voortgang van alle onderdelen…")
            .on_hover_text(crate::ui::command::UiCommand::ShowVoortgang.tooltip())
            .clicked()
        {
            cx.push(Command::Ui(crate::ui::command::UiCommand::ShowVoortgang));
        }
    }
}

/// Radio buttons for a status from the store's list or none, each a Tab stop named with its
/// field ("Status 2019: afgerond"); returns the choice made this frame.
#[expect(
    clippy::option_option,
    reason = "nothing chosen this frame, or 'geen' chosen: both are meant"
)]
fn status_radios(
    ui: &mut Ui,
    field: &str,
    statuses: &[String],
    theme: &crate::ui::theme::Theme,
    current: Option<&String>,
) -> Option<Option<String>> {
    let mut chosen = None;
    let mut choices = vec![(None, RichText::new("geen"))];
    for (i, s) in statuses.iter().enumerate() {
        choices.push((
            Some(s.clone()),
            RichText::new(format!("● {s}")).color(theme.status_text(i)),
        ));
    }
    for (value, text) in choices {
        let name = format!("{field}: {}", value.as_deref().unwrap_or("geen"));
        let on = current == value.as_ref();
        let resp = ui.radio(on, text);
        resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, on, &name));
        if resp.clicked() && !on {
            chosen = Some(value);
        }
    }
    chosen
}

/// Radio buttons for a priority or none, named like [`status_radios`].
#[expect(
    clippy::option_option,
    reason = "nothing chosen this frame, or 'geen' chosen: both are meant"
)]
fn priority_radios(
    ui: &mut Ui,
    field: &str,
    current: Option<Priority>,
) -> Option<Option<Priority>> {
    let mut chosen = None;
    for p in [
        None,
        Some(Priority::Hoog),
        Some(Priority::Middel),
        Some(Priority::Laag),
    ] {
        let text = p.map_or("geen", Priority::label);
        let on = current == p;
        let resp = ui.radio(on, text);
        let name = format!("{field}: {text}");
        resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, on, &name));
        if resp.clicked() && !on {
            chosen = Some(p);
        }
    }
    chosen
}

/// "2026-11-25 16:10" from an RFC 3339 time, in the local time zone when known.
pub(super) fn short_time(rfc3339: &str) -> String {
    match rfc3339.parse::<jiff::Timestamp>() {
        Ok(t) => t
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => rfc3339.to_owned(),
    }
}
