//! The notes window: every note at a glance (and the ones without a place), the partner list
//! with "Exporteer voor partner", importing reaction files with a side-by-side merge and a
//! choice per conflict, exports, and where the notes are kept.

use std::collections::BTreeMap;
use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::model::Kompas;
use crate::notes::NotesFile;
use crate::review::{self, ChangeKind, Choice, Plan, Subject};
use crate::ui::command::{Command, Commands};
use crate::ui::theme::Theme;

/// Which part of the window is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// All notes.
    #[default]
    Overzicht,
    /// Partners and their export files.
    Partners,
    /// Reading reaction files.
    Inlezen,
    /// CSV / Markdown and the notes file's place.
    Bestanden,
}

/// A reaction file read and planned, waiting to be applied.
#[derive(Debug)]
pub struct Pending {
    /// Its path, as shown.
    pub label: String,
    /// What importing it would do.
    pub plan: Plan,
    /// The choice per conflict (index into `plan.changes`).
    pub choices: BTreeMap<usize, Choice>,
}

/// The notes window's state.
#[derive(Debug, Default)]
pub struct NotesWindow {
    /// Shown or not.
    pub open: bool,
    /// The tab.
    pub tab: Tab,
    /// Paths typed for import, one per line.
    pub import_paths: String,
    /// Files read and planned.
    pub pending: Vec<Pending>,
    /// Where to write a partner's file, per partner as typed.
    pub export_dir: String,
    /// Where to write the CSV / Markdown export.
    pub export_path: String,
    /// A new notes location as typed.
    pub new_notes_path: String,
    /// A new status as typed.
    pub new_status: String,
    /// The outcome of the last action.
    pub status: Option<String>,
    /// Whether the next invitation carries the municipality's own notes (off by default).
    pub share_notes: bool,
    /// The year whose progress the next invitation asks for (none by default).
    pub ask_year: Option<i32>,
    /// The next invitation as a file for Kompas instead of one web page for any browser (the
    /// default, because most partners have no Kompas).
    pub as_kompas_file: bool,
    dialog: crate::ui::dialog::DialogFocus,
}

/// Everything the window reads.
pub struct NotesWindowInput<'a> {
    /// The compass.
    pub kompas: &'a Kompas,
    /// The notes.
    pub notes: &'a NotesFile,
    /// Where they are saved.
    pub path: Option<&'a std::path::Path>,
    /// The label of the import "undo" would revert.
    pub undo: Option<&'a str>,
    /// The years a partner can be asked about.
    pub years: &'a [i32],
    /// Colours.
    pub theme: &'a Theme,
}

use crate::ui::widgets::documents_dir as default_dir;

impl NotesWindow {
    /// Reads the reaction files at `paths` and plans their import (nothing is applied).
    pub fn read_files(&mut self, paths: &[PathBuf], notes: &NotesFile, kompas: &Kompas) {
        let mut messages = Vec::new();
        for path in paths {
            let label = path.display().to_string();
            match review::read(path) {
                Ok(file) if file.kind == review::ReviewKind::Reactie => {
                    match review::plan(notes, &file, kompas) {
                        Ok(plan) => {
                            self.pending.retain(|p| p.label != label);
                            self.pending.push(Pending {
                                label,
                                plan,
                                choices: BTreeMap::new(),
                            });
                        }
                        Err(e) => messages.push(format!("{label}: {e}")),
                    }
                }
                Ok(_) => messages.push(format!(
                    "{label}: dit is een uitnodiging, geen reactie van een partner."
                )),
                Err(e) => messages.push(format!("{label}: {e}")),
            }
        }
        self.tab = Tab::Inlezen;
        self.status = (!messages.is_empty()).then(|| messages.join("\n"));
    }

    /// Draws the window.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        input: &NotesWindowInput<'_>,
        commands: &mut Commands,
    ) {
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(
            ctx,
            &mut open,
            "Notities en partners",
            760.0,
            input.theme,
            |ui| {
                let before = self.tab;
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.tab, Tab::Overzicht, "Overzicht");
                    ui.selectable_value(&mut self.tab, Tab::Partners, "Partners");
                    ui.selectable_value(&mut self.tab, Tab::Inlezen, "Reacties inlezen");
                    ui.selectable_value(&mut self.tab, Tab::Bestanden, "Bestanden");
                });
                // A message belongs to the tab it was given on.
                if self.tab != before {
                    self.status = None;
                }
                ui.separator();
                if let Some(status) = &self.status {
                    crate::ui::widgets::live_label(ui, RichText::new(status).strong());
                    ui.separator();
                }
                egui::ScrollArea::vertical()
                    .max_height(520.0)
                    .auto_shrink(false)
                    .show(ui, |ui| match self.tab {
                        Tab::Overzicht => overview_ui(ui, input, commands),
                        Tab::Partners => self.partners_ui(ui, input, commands),
                        Tab::Inlezen => self.import_ui(ui, input, commands),
                        Tab::Bestanden => self.files_ui(ui, input, commands),
                    });
            },
        );
        self.dialog = dialog;
        self.open = open;
    }

    fn partners_ui(&mut self, ui: &mut Ui, input: &NotesWindowInput<'_>, commands: &mut Commands) {
        let leaves = input
            .kompas
            .levels
            .last()
            .map_or_else(|| "elementen".to_owned(), |l| l.plural.to_lowercase());
        ui.label(format!("Wijs {leaves} toe aan een partner in het detailpaneel. Hier maakt u per partner één bestand dat de partner offline opent: in Kompas, of als webpagina in elke browser."));
        ui.add_space(6.0);
        if self.export_dir.is_empty() {
            self.export_dir = default_dir().display().to_string();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Map voor de bestanden");
            ui.add(egui::TextEdit::singleline(&mut self.export_dir).desired_width(420.0))
                .labelled_by(label.id);
            if ui.button("Kies…").clicked()
                && let Some(dir) = rfd::FileDialog::new().pick_folder()
            {
                self.export_dir = dir.display().to_string();
            }
        });
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label("Als");
            ui.radio_value(
                &mut self.as_kompas_file,
                false,
                "webpagina (.html): de partner opent haar in elke browser, zonder iets te installeren",
            );
            ui.radio_value(&mut self.as_kompas_file, true, "Kompas-bestand (.kompas-uitnodiging)");
        });
        ui.checkbox(
            &mut self.share_notes,
            "Ook onze eigen notities meesturen (standaard niet: die zijn intern)",
        );
        ui.horizontal(|ui| {
            let years = input.years;
            if let Some(y) = crate::ui::voortgang_view::year_picker(
                ui,
                "uitnodiging-jaar",
                "Vraag ook de voortgang over",
                self.ask_year,
                years,
                "geen jaar",
            ) {
                self.ask_year = y;
            }
        });
        ui.add_space(6.0);
        if input.notes.partners.is_empty() {
            ui.label(RichText::new("Nog geen partners.").italics());
        }
        egui::Grid::new("partners")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for p in &input.notes.partners {
                    let n = input
                        .notes
                        .notes
                        .values()
                        .filter(|a| a.partners.contains(p))
                        .count();
                    ui.label(RichText::new(p).strong());
                    ui.label(format!("{n} toegewezen"));
                    if ui
                        .add_enabled(n > 0, egui::Button::new(format!("Exporteer voor {p}")))
                        .clicked()
                    {
                        let stamp = jiff::Timestamp::now().strftime("%Y%m%d").to_string();
                        let file: String = p
                            .chars()
                            .map(|c| if c.is_alphanumeric() { c } else { '-' })
                            .collect();
                        let path = PathBuf::from(self.export_dir.trim()).join(format!(
                            "kompas-{file}-{stamp}.{}",
                            if self.as_kompas_file {
                                crate::review::INVITATION_EXT
                            } else {
                                "html"
                            }
                        ));
                        let share = if self.share_notes {
                            review::ShareNotes::Yes
                        } else {
                            review::ShareNotes::No
                        };
                        commands.push(Command::Notes(
                            crate::ui::command::NotesCommand::ExportForPartner(
                                p.clone(),
                                path,
                                share,
                                self.ask_year,
                            ),
                        ));
                    }
                    ui.end_row();
                }
            });
    }

    #[expect(
        clippy::too_many_lines,
        reason = "the import tab top to bottom; to be split when the trust rules rework the preview"
    )]
    fn import_ui(&mut self, ui: &mut Ui, input: &NotesWindowInput<'_>, commands: &mut Commands) {
        ui.label("Lees de reactiebestanden van partners in. Eerst ziet u wat nieuw, gewijzigd of in conflict is; er verandert pas iets als u op Toepassen klikt. Elke import kan ongedaan worden gemaakt.");
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Bestanden kiezen…").clicked()
                && let Some(files) = rfd::FileDialog::new()
                    .add_filter("Kompas-reactie", &[crate::review::REACTION_EXT, "ron"])
                    .pick_files()
            {
                self.read_files(&files, input.notes, input.kompas);
            }
            ui.label(
                RichText::new(
                    "of sleep ze op het venster, of typ de paden hieronder (één per regel):",
                )
                .small(),
            );
        });
        ui.add(
            egui::TextEdit::multiline(&mut self.import_paths)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
        if ui
            .add_enabled(
                !self.import_paths.trim().is_empty(),
                egui::Button::new("Lezen"),
            )
            .clicked()
        {
            let paths: Vec<PathBuf> = self
                .import_paths
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect();
            self.read_files(&paths, input.notes, input.kompas);
            self.import_paths.clear();
        }
        if let Some(label) = input.undo
            && ui
                .button(format!("Import ongedaan maken: {label}"))
                .clicked()
        {
            commands.push(Command::Notes(crate::ui::command::NotesCommand::UndoImport));
        }
        ui.add_space(8.0);
        let mut apply = None;
        let mut drop = None;
        for (pi, pending) in self.pending.iter_mut().enumerate() {
            let plan = &pending.plan;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(format!("{} — {}", plan.partner, pending.label)).strong());
                ui.label(format!("Beantwoord door {}", plan.answered));
                if !plan.refused.is_empty() {
                    ui.label(
                        RichText::new(format!(
                            "{} onderdeel/onderdelen van dit bestand worden niet ingelezen:",
                            plan.refused.len()
                        ))
                        .strong(),
                    );
                    for r in &plan.refused {
                        ui.label(format!("• {} ({}): {}", r.name, r.id, r.reason));
                    }
                }
                ui.label(
                    [
                        ChangeKind::Nieuw,
                        ChangeKind::Gewijzigd,
                        ChangeKind::Ingetrokken,
                        ChangeKind::Gelijk,
                        ChangeKind::Conflict,
                    ]
                    .map(|k| format!("{} {}", plan.count(k), k.label()))
                    .join(" · "),
                );
                // One block per change: the element by number and words, then what the
                // municipality has and what the partner sends side by side, each wrapping in
                // its own half.
                for (i, c) in plan.changes.iter().enumerate() {
                    if c.kind == ChangeKind::Gelijk {
                        continue;
                    }
                    ui.separator();
                    let what = match (c.subject, plan.jaar) {
                        (Subject::Reactie, _) => "reactie".to_owned(),
                        (Subject::Status, None) => "status".to_owned(),
                        (Subject::Status, Some(y)) => format!("status {y}"),
                        (Subject::Voortgang, y) => {
                            format!("voortgang {}", y.map(|y| y.to_string()).unwrap_or_default())
                        }
                    };
                    ui.label(
                        RichText::new(format!("{} — {what} ({})", c.name, c.kind.label())).strong(),
                    );
                    if let Some(ix) = input.kompas.get(&c.id) {
                        ui.add(egui::Label::new(&input.kompas.element(ix).title).wrap());
                    }
                    ui.columns(2, |cols| {
                        cols[0].label(RichText::new("Gemeente").color(input.theme.text_muted));
                        cols[0].add(
                            egui::Label::new(if c.ours.is_empty() { "—" } else { &c.ours }).wrap(),
                        );
                        cols[1].label(RichText::new("Partner").color(input.theme.text_muted));
                        cols[1].add(
                            egui::Label::new(if c.theirs.is_empty() {
                                "—"
                            } else {
                                &c.theirs
                            })
                            .wrap(),
                        );
                    });
                    if c.kind == ChangeKind::Conflict {
                        ui.horizontal(|ui| {
                            ui.label("Kies:");
                            let choice = pending.choices.get(&i).copied();
                            if ui
                                .radio(choice == Some(Choice::Ours), "die van de gemeente")
                                .clicked()
                            {
                                pending.choices.insert(i, Choice::Ours);
                            }
                            if ui
                                .radio(choice == Some(Choice::Theirs), "die van de partner")
                                .clicked()
                            {
                                pending.choices.insert(i, Choice::Theirs);
                            }
                        });
                    }
                }
                ui.separator();
                let open_conflicts = plan
                    .conflicts()
                    .iter()
                    .filter(|i| !pending.choices.contains_key(i))
                    .count();
                ui.horizontal(|ui| {
                    let text = if open_conflicts > 0 {
                        format!("Toepassen ({open_conflicts} conflict(en) blijven zoals ze zijn)")
                    } else {
                        "Toepassen".to_owned()
                    };
                    if ui.button(text).clicked() {
                        apply = Some(pi);
                    }
                    if ui.button("Niet inlezen").clicked() {
                        drop = Some(pi);
                    }
                });
                ui.label(
                    RichText::new(
                        "De reacties van de partner worden altijd bewaard, ook bij een conflict.",
                    )
                    .small()
                    .color(input.theme.text_muted),
                );
            });
            ui.add_space(6.0);
        }
        if let Some(pi) = apply.filter(|&pi| pi < self.pending.len()) {
            let p = self.pending.remove(pi);
            commands.push(Command::Notes(
                crate::ui::command::NotesCommand::ApplyImport(p.label, p.plan, p.choices),
            ));
        }
        if let Some(pi) = drop.filter(|&pi| pi < self.pending.len()) {
            self.pending.remove(pi);
        }
    }

    fn files_ui(&mut self, ui: &mut Ui, input: &NotesWindowInput<'_>, commands: &mut Commands) {
        ui.label(RichText::new("Exporteren").strong());
        if self.export_path.is_empty() {
            self.export_path = default_dir()
                .join("kompas-notities.csv")
                .display()
                .to_string();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Bestand");
            ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(420.0))
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            if ui.button("Als CSV").clicked() {
                commands.push(Command::Notes(crate::ui::command::NotesCommand::Export(
                    PathBuf::from(self.export_path.trim()),
                    crate::ui::command::NotesFormat::Csv,
                )));
            }
            if ui.button("Als Markdown").clicked() {
                let path = PathBuf::from(self.export_path.trim()).with_extension("md");
                commands.push(Command::Notes(crate::ui::command::NotesCommand::Export(
                    path,
                    crate::ui::command::NotesFormat::Markdown,
                )));
            }
        });
        ui.add_space(10.0);
        ui.label(RichText::new("Waar de notities staan").strong());
        ui.label(input.path.map_or_else(
            || "Alleen in het geheugen (niet opgeslagen).".to_owned(),
            |p| p.display().to_string(),
        ));
        ui.horizontal(|ui| {
            let label = ui.label("Ander bestand (bijv. op een gedeelde schijf)");
            ui.add(egui::TextEdit::singleline(&mut self.new_notes_path).desired_width(320.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(
                    !self.new_notes_path.trim().is_empty(),
                    egui::Button::new("Gebruiken"),
                )
                .clicked()
            {
                commands.push(Command::Notes(crate::ui::command::NotesCommand::SetPath(
                    PathBuf::from(self.new_notes_path.trim()),
                )));
                self.new_notes_path.clear();
            }
        });
        ui.add_space(10.0);
        ui.label(RichText::new("Statussen").strong());
        ui.horizontal_wrapped(|ui| {
            for (i, s) in input.notes.statuses.iter().enumerate() {
                ui.label(RichText::new(format!("● {s}")).color(input.theme.status_text(i)));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Nieuwe status");
            ui.add(egui::TextEdit::singleline(&mut self.new_status).desired_width(200.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(
                    !self.new_status.trim().is_empty(),
                    egui::Button::new("Toevoegen"),
                )
                .clicked()
            {
                commands.push(Command::Notes(crate::ui::command::NotesCommand::AddStatus(
                    self.new_status.trim().to_owned(),
                )));
                self.new_status.clear();
            }
        });
    }
}

fn overview_ui(ui: &mut Ui, input: &NotesWindowInput<'_>, commands: &mut Commands) {
    let k = input.kompas;
    let n = input.notes.notes.len();
    ui.label(format!(
        "{} met notities of toewijzingen.",
        crate::text::count(n, "onderdeel", "onderdelen")
    ));
    // One row per element: number and words, status and partners, the note's first line;
    // each part wraps in its own column.
    for ix in k.document_order() {
        let id = k.element(ix).id.as_str();
        let Some(a) = input.notes.get(id) else {
            continue;
        };
        ui.separator();
        ui.columns(3, |cols| {
            if cols[0].link(k.short_name(ix)).clicked() {
                commands.push(Command::Open(k.element(ix).id.clone()));
            }
            cols[0].add(egui::Label::new(RichText::new(&k.element(ix).title).small()).wrap());
            let status = a.status.clone().unwrap_or_default();
            let color = input
                .notes
                .statuses
                .iter()
                .position(|s| *s == status)
                .map_or(input.theme.text_muted, |i| input.theme.status_text(i));
            cols[1].label(RichText::new(status).color(color));
            cols[1].add(egui::Label::new(a.partners.join(", ")).wrap());
            cols[2].add(egui::Label::new(a.note.lines().next().unwrap_or_default()).wrap());
        });
    }
    let orphans = input.notes.orphans(k);
    if !orphans.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new(format!("Notities zonder plek ({})", orphans.len())).strong());
        ui.label("Deze ids bestaan niet (meer) in dit kompas. De notities blijven bewaard.");
        for id in orphans {
            let Some(a) = input.notes.get(id) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(id).strong());
                if !a.seen_title.is_empty() {
                    ui.label(RichText::new(format!("Was: {}", a.seen_title)).italics());
                }
                ui.label(&a.note);
                for r in &a.reactions {
                    ui.label(format!("{}: {} {}", r.partner, r.note, r.proposal));
                }
            });
        }
    }
}
