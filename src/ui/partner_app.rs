//! The partner's side of the review: Kompas opened on an invitation from the municipality.
//! Each inspanning asked about is shown in its context (hoofddoel, koers with its
//! introduction, hoofdinspanning) with the begrippen its words use; the partner writes a
//! reaction, reports a status and proposes a change, then saves a reaction file to send back.
//! Works offline with nothing but this program and that file, and loses nothing: what is typed
//! is kept as a draft beside the invitation as it is typed, the window shows what is not yet
//! saved as a reaction, and closing asks first.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::glossary::Glossary;
use crate::notes::now;
use crate::review::{self, ReactionDraft, ReviewFile, ReviewItem, ReviewKind};
use crate::ui::marked_text::{MarkStyle, begrip_tooltip, marked_label};
use crate::ui::theme::{self, Theme, ThemeKind};

/// Seconds after the last keystroke before the draft is written.
const DRAFT_DELAY_S: f64 = 1.0;

/// The partner app.
pub struct PartnerApp {
    file: ReviewFile,
    /// Where the reaction is saved, as typed.
    out_path: String,
    /// Where the draft is kept while typing.
    draft_path: PathBuf,
    /// What was last written to the draft.
    drafted: (Vec<ReactionDraft>, String),
    /// When the first change not yet in the draft was made (app time).
    dirty_since: Option<f64>,
    /// The reactions as last saved in a reaction file, if saved this session.
    saved: Option<Vec<ReactionDraft>>,
    /// The outcome of the last save, or what happened on opening.
    message: Option<String>,
    /// Closing was asked for while something was not saved as a reaction.
    confirm_close: bool,
    /// The user chose to close anyway.
    closing: bool,
    glossary: Glossary,
    theme: Theme,
}

/// Where a reaction to `invitation` is saved by default: beside it, "-reactie" added.
pub fn default_reaction_path(invitation: &Path) -> PathBuf {
    sibling(invitation, "reactie")
}

/// Where the draft of a reaction to `invitation` is kept: beside it, "-concept" added.
pub fn draft_path(invitation: &Path) -> PathBuf {
    sibling(invitation, "concept")
}

fn sibling(invitation: &Path, what: &str) -> PathBuf {
    let stem = invitation
        .file_stem()
        .map_or_else(|| "kompas".into(), |s| s.to_string_lossy().into_owned());
    let stem = ["-reactie", "-concept"]
        .iter()
        .find_map(|s| stem.strip_suffix(s))
        .unwrap_or(&stem)
        .to_owned();
    invitation.with_file_name(format!("{stem}-{what}.{}", crate::review::REACTION_EXT))
}

fn reactions(file: &ReviewFile) -> Vec<ReactionDraft> {
    file.items.iter().map(|i| i.reaction.clone()).collect()
}

/// What the draft keeps: every reaction and the name of who answers.
fn typed(file: &ReviewFile) -> (Vec<ReactionDraft>, String) {
    (reactions(file), file.answered_by.clone())
}

impl PartnerApp {
    /// The app on a review file read from `path`; a draft kept beside it for the same
    /// invitation is taken up again.
    pub fn new(ctx: &egui::Context, file: ReviewFile, path: &Path) -> Self {
        theme::install_fonts(ctx);
        let theme = Theme::new(ThemeKind::Light);
        ctx.set_visuals(theme.visuals());
        ctx.global_style_mut(theme::apply_text_styles);
        let out = if file.kind == ReviewKind::Reactie {
            path.to_path_buf()
        } else {
            default_reaction_path(path)
        };
        let glossary = Glossary::from_terms(
            file.begrippen
                .iter()
                .map(|b| (b.term.as_str(), b.definition.as_str())),
        );
        let mut app = Self {
            drafted: typed(&file),
            file,
            out_path: out.display().to_string(),
            draft_path: draft_path(path),
            dirty_since: None,
            saved: None,
            message: None,
            confirm_close: false,
            closing: false,
            glossary,
            theme,
        };
        app.take_up_draft();
        app
    }

    /// Restores what was typed before, from the draft of this same invitation.
    fn take_up_draft(&mut self) {
        let Ok(draft) = review::read(&self.draft_path) else {
            return;
        };
        if draft.invitation != self.file.invitation || draft.partner != self.file.partner {
            return;
        }
        let mut restored = 0;
        for item in &mut self.file.items {
            if let Some(d) = draft.items.iter().find(|d| d.id == item.id)
                && !d.reaction.is_empty()
                && d.reaction != item.reaction
            {
                item.reaction = d.reaction.clone();
                restored += 1;
            }
        }
        if self.file.answered_by.is_empty() {
            self.file.answered_by = draft.answered_by;
        }
        self.drafted = typed(&self.file);
        if restored > 0 {
            self.message = Some(format!(
                "Uw concept van {} is teruggezet ({}).",
                crate::ui::notes_editor::short_time(&draft.answered_at),
                crate::text::count(restored, "reactie", "reacties")
            ));
        }
    }

    /// The file as edited so far.
    pub fn file(&self) -> &ReviewFile {
        &self.file
    }

    /// True when what is typed is not all in a saved reaction file yet.
    pub fn has_unsent(&self) -> bool {
        let now = reactions(&self.file);
        let anything = now.iter().any(|r| !r.is_empty());
        match &self.saved {
            Some(saved) => *saved != now,
            None => anything,
        }
    }

    /// Writes the draft beside the invitation (atomically), when something changed.
    fn keep_draft(&mut self, now_s: f64) {
        if typed(&self.file) != self.drafted && self.dirty_since.is_none() {
            self.dirty_since = Some(now_s);
        }
        let due = self
            .dirty_since
            .is_some_and(|t| now_s - t >= DRAFT_DELAY_S || self.closing);
        if !due {
            return;
        }
        self.write_draft();
    }

    fn write_draft(&mut self) {
        let mut draft = self.file.clone();
        draft.kind = ReviewKind::Reactie;
        draft.answered_at = now();
        match review::write(&self.draft_path, &draft) {
            Ok(()) => {
                self.drafted = typed(&self.file);
                self.dirty_since = None;
            }
            Err(e) => {
                self.message = Some(format!(
                    "Uw concept kon niet worden bewaard ({}): {e}",
                    self.draft_path.display()
                ));
                self.dirty_since = None;
            }
        }
    }

    fn save(&mut self) -> bool {
        let path = PathBuf::from(self.out_path.trim());
        self.file.kind = ReviewKind::Reactie;
        self.file.answered_at = now();
        match review::write(&path, &self.file) {
            Ok(()) => {
                self.saved = Some(reactions(&self.file));
                self.write_draft();
                self.message = Some(format!("Opgeslagen als {}.", path.display()));
                true
            }
            Err(e) => {
                self.message = Some(format!("Opslaan lukte niet ({}): {e}", path.display()));
                false
            }
        }
    }

    fn can_save(&self) -> bool {
        !self.file.answered_by.trim().is_empty() && !self.out_path.trim().is_empty()
    }

    /// What the footer says about saving: saved and to be sent, changed since, or not yet.
    fn state_line(&self) -> (String, bool) {
        let to = self.file.sender().to_owned();
        match &self.saved {
            Some(_) if !self.has_unsent() => (
                format!(
                    "Uw reactie is opgeslagen als {}. Stuur dit bestand terug naar {to}.",
                    self.out_path.trim()
                ),
                false,
            ),
            Some(_) => (
                "U hebt na het opslaan nog iets gewijzigd: sla de reactie opnieuw op en stuur het nieuwe bestand."
                    .to_owned(),
                true,
            ),
            None if self.has_unsent() => (
                format!(
                    "Nog niet opgeslagen als reactie. Wat u typt, wordt wel bewaard als concept ({}).",
                    self.draft_path.display()
                ),
                true,
            ),
            None => ("Nog niets ingevuld.".to_owned(), false),
        }
    }

    /// Draws the app.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let now_s = ctx.input(|i| i.time);
        self.keep_draft(now_s);
        if self.dirty_since.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(DRAFT_DELAY_S));
        }
        self.closing_ui(&ctx);
        egui::Panel::top("partner-kop").show(ui, |ui| self.header_ui(ui));
        egui::Panel::bottom("partner-opslaan").show(ui, |ui| self.footer_ui(ui));
        let bg = self.theme.bg;
        egui::CentralPanel::default_margins()
            .frame(egui::Frame::NONE.inner_margin(16))
            .show(ui, |ui| {
                crate::ui::widgets::on_window_background(ui, bg, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink(false)
                        .show(ui, |ui| {
                            // One column of comfortable width, in the middle of the window.
                            let width = ui.available_width().min(900.0);
                            ui.vertical_centered(|ui| {
                                ui.set_max_width(width);
                                let statuses = self.file.statuses.clone();
                                let theme = &self.theme;
                                let glossary = &self.glossary;
                                let jaar = self.file.jaar;
                                for (i, item) in self.file.items.iter_mut().enumerate() {
                                    item_ui(ui, theme, glossary, (&statuses, jaar), i, item);
                                    ui.add_space(12.0);
                                }
                            });
                        });
                });
            });
    }

    /// Switches the colours (a partner reading at night, or with low vision, needs the dark
    /// and high-contrast themes as much as staff do).
    pub fn set_theme(&mut self, ctx: &egui::Context, kind: ThemeKind) {
        self.theme = Theme::new(kind);
        ctx.set_visuals(self.theme.visuals());
    }

    fn header_ui(&mut self, ui: &mut Ui) {
        ui.add_space(6.0);
        let mut chosen = None;
        ui.horizontal(|ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{} — reactie van {}",
                        self.file.kompas, self.file.partner
                    ))
                    .size(20.0)
                    .family(theme::bold()),
                )
                .wrap(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let current = self.theme.kind;
                egui::ComboBox::from_id_salt("partner-weergave")
                    .selected_text(current.label())
                    .show_ui(ui, |ui| {
                        for kind in ThemeKind::ALL {
                            if ui.selectable_label(kind == current, kind.label()).clicked() {
                                chosen = Some(kind);
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Weergave")
                    });
                ui.label("Weergave");
            });
        });
        if let Some(kind) = chosen {
            let ctx = ui.ctx().clone();
            self.set_theme(&ctx, kind);
        }
        let from = crate::text::capitalise_first(self.file.sender());
        ui.label(format!(
            "{from} vraagt uw reactie op {} ({}). Schrijf bij elke {} uw reactie en sla daarna het reactiebestand op.",
            self.file.count_text(),
            crate::ui::notes_editor::short_time(&self.file.exported_at),
            self.file.element_name.0
        ));
        ui.add_space(6.0);
    }

    fn footer_ui(&mut self, ui: &mut Ui) {
        ui.add_space(6.0);
        let (line, warn) = self.state_line();
        let color = if warn {
            self.theme.status_text(1)
        } else {
            self.theme.text
        };
        crate::ui::widgets::live_label(ui, RichText::new(line).strong().color(color));
        if let Some(m) = &self.message {
            crate::ui::widgets::live_label(ui, m);
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Uw naam");
            ui.add(egui::TextEdit::singleline(&mut self.file.answered_by).desired_width(200.0))
                .labelled_by(label.id);
            let label = ui.label("Opslaan als");
            ui.add(egui::TextEdit::singleline(&mut self.out_path).desired_width(360.0))
                .labelled_by(label.id);
            if ui.button("Kies…").clicked()
                && let Some(p) = rfd::FileDialog::new()
                    .set_file_name(format!("reactie.{}", crate::review::REACTION_EXT))
                    .save_file()
            {
                self.out_path = p.display().to_string();
            }
            let ok = self.can_save();
            let button = ui
                .add_enabled(
                    ok,
                    egui::Button::new(RichText::new("Reactie opslaan").strong()),
                )
                .on_disabled_hover_text("Vul eerst uw naam in.");
            if button.clicked() {
                self.save();
            }
        });
        ui.add_space(6.0);
    }

    /// Closing with something not saved as a reaction: the window stays and asks.
    fn closing_ui(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.has_unsent() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm_close = true;
        }
        if !self.confirm_close {
            return;
        }
        let modal = egui::Modal::new(egui::Id::unique("partner-sluiten")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Reactie nog niet opgeslagen");
            ui.label(
                "Wat u typte is als concept bewaard en staat er weer als u dit bestand opnieuw opent. \
                 De gemeente ontvangt het pas als u de reactie opslaat en het bestand terugstuurt.",
            );
            ui.add_space(8.0);
            let mut choice = None;
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(self.can_save(), egui::Button::new("Opslaan en sluiten"))
                    .on_disabled_hover_text("Vul eerst uw naam in.")
                    .clicked()
                {
                    choice = Some(0);
                }
                if ui.button("Sluiten zonder opslaan").clicked() {
                    choice = Some(1);
                }
                if ui.button("Verder werken").clicked() {
                    choice = Some(2);
                }
            });
            choice
        });
        match modal.inner {
            Some(0) if self.save() => self.close(ctx),
            Some(0) => {}
            Some(1) => self.close(ctx),
            Some(_) => self.confirm_close = false,
            None if modal.should_close() => self.confirm_close = false,
            None => {}
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        self.closing = true;
        self.confirm_close = false;
        self.write_draft();
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Text with the invitation's begrippen underlined; hovering one shows its definition.
fn marked(ui: &mut Ui, theme: &Theme, glossary: &Glossary, text: &str, font: egui::FontId) {
    let terms = glossary.find(text);
    let style = MarkStyle {
        font,
        color: theme.text,
        term_underline: egui::Stroke::new(1.0, theme.text_muted),
        match_bg: egui::Color32::TRANSPARENT,
    };
    if let Some(hit) = marked_label(ui, text, &terms, &[], &style) {
        begrip_tooltip(ui, glossary, &hit, None);
    }
}

/// One inspanning: where it stands, its words, what the municipality sent, and the fields.
fn item_ui(
    ui: &mut Ui,
    theme: &Theme,
    glossary: &Glossary,
    (statuses, jaar): (&[String], Option<i32>),
    i: usize,
    item: &mut ReviewItem,
) {
    egui::Frame::NONE
        .fill(theme.card_bg)
        .stroke(egui::Stroke::new(1.0, theme.card_border))
        .corner_radius(theme::CARD_RADIUS_PX)
        .inner_margin(14)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                for c in &item.context {
                    ui.label(RichText::new(&c.name).strong().color(theme.text_muted));
                    marked(
                        ui,
                        theme,
                        glossary,
                        &c.title,
                        egui::FontId::proportional(15.0),
                    );
                    if !c.text.is_empty() {
                        egui::CollapsingHeader::new(format!("Inleiding van {}", c.name))
                            .id_salt(("inleiding", i, &c.name))
                            .show(ui, |ui| {
                                marked(
                                    ui,
                                    theme,
                                    glossary,
                                    &c.text,
                                    egui::FontId::proportional(15.0),
                                );
                            });
                    }
                    ui.add_space(4.0);
                }
                ui.separator();
                ui.label(RichText::new(&item.name).strong().size(16.0));
                marked(
                    ui,
                    theme,
                    glossary,
                    &item.title,
                    egui::FontId::new(18.0, theme::bold()),
                );
                begrippen_ui(ui, glossary, i, item);
                if !item.note.is_empty() || item.status.is_some() {
                    ui.add_space(6.0);
                    ui.label(RichText::new("Van de gemeente").strong());
                    if let Some(s) = &item.status {
                        ui.label(format!("Status nu: {s}"));
                    }
                    if !item.note.is_empty() {
                        ui.label(&item.note);
                    }
                }
                if let (Some(y), Some(r)) = (jaar, &item.year_record)
                    && !r.is_empty()
                {
                    ui.label(RichText::new(format!("Voortgang {y} volgens de gemeente")).strong());
                    if let Some(s) = &r.status {
                        ui.label(format!("Status in {y}: {s}"));
                    }
                    if !r.voortgang.is_empty() {
                        ui.label(&r.voortgang);
                    }
                }
                if let Some(prev) = &item.previous {
                    ui.label(RichText::new(format!("Uw vorige reactie: {}", prev.note)).italics());
                }
                ui.add_space(8.0);
                reaction_ui(ui, (statuses, jaar), i, item);
            });
        });
}

/// The begrippen of this inspanning's words, readable by keyboard too (hovering is not).
fn begrippen_ui(ui: &mut Ui, glossary: &Glossary, i: usize, item: &ReviewItem) {
    let mut entries: Vec<usize> = Vec::new();
    let texts =
        std::iter::once(item.title.as_str()).chain(item.context.iter().map(|c| c.title.as_str()));
    for text in texts {
        for hit in glossary.find(text) {
            if !entries.contains(&hit.entry) {
                entries.push(hit.entry);
            }
        }
    }
    if entries.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Begrippen ({})", entries.len()))
        .id_salt(("begrippen", i))
        .show(ui, |ui| {
            for e in entries {
                if let Some(entry) = glossary.entries.get(e) {
                    ui.label(RichText::new(&entry.term).strong());
                    for d in &entry.definitions {
                        ui.label(&d.text);
                    }
                }
            }
        });
}

fn reaction_ui(
    ui: &mut Ui,
    (statuses, jaar): (&[String], Option<i32>),
    i: usize,
    item: &mut ReviewItem,
) {
    let label = ui.label(RichText::new("Uw reactie").strong());
    ui.add(
        egui::TextEdit::multiline(&mut item.reaction.note)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .char_limit(review::MAX_TEXT),
    )
    .labelled_by(label.id);
    if let Some(y) = jaar {
        let label = ui.label(format!("Wat is er in {y} bereikt?"));
        ui.add(
            egui::TextEdit::multiline(&mut item.reaction.voortgang)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .char_limit(review::MAX_TEXT),
        )
        .labelled_by(label.id);
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(jaar.map_or_else(
            || "Status volgens u".to_owned(),
            |y| format!("Status in {y} volgens u"),
        ));
        egui::ComboBox::from_id_salt(("partner-status", i))
            .selected_text(
                item.reaction
                    .status
                    .clone()
                    .unwrap_or_else(|| "geen".into()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut item.reaction.status, None, "geen");
                for s in statuses {
                    ui.selectable_value(&mut item.reaction.status, Some(s.clone()), s);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let label = ui.label("Voorstel tot wijziging (optioneel)");
    ui.add(
        egui::TextEdit::multiline(&mut item.reaction.proposal)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .char_limit(review::MAX_TEXT),
    )
    .labelled_by(label.id);
}

impl eframe::App for PartnerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        crate::ui::widgets::tooltips_wait_for_the_pointer(ui.ctx());
        Self::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Whatever happens, what was typed is in the draft.
        if typed(&self.file) != self.drafted {
            self.write_draft();
        }
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.bg.to_normalized_gamma_f32()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reaction_and_the_draft_go_beside_the_invitation() {
        assert_eq!(
            default_reaction_path(Path::new("/a/kompas-Welzijn.ron")),
            Path::new("/a/kompas-Welzijn-reactie.kompas-reactie")
        );
        assert_eq!(
            default_reaction_path(Path::new("/a/x-reactie.kompas-reactie")),
            Path::new("/a/x-reactie.kompas-reactie")
        );
        assert_eq!(
            draft_path(Path::new("/a/kompas-Welzijn.ron")),
            Path::new("/a/kompas-Welzijn-concept.kompas-reactie")
        );
    }
}
