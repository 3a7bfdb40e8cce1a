//! Voortgang in the app: the year shown on the compass (with its roll-up, kept up to date
//! with the notes) and the Voortgang window: the element × year table with filters and
//! sorting, "wat is veranderd" between two years, reading a spreadsheet, the indicatoren
//! over time, and writing the jaarverslag or a spreadsheet. Views only read; every change is
//! a command.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::model::{Ix, Kompas};
use crate::notes::NotesFile;
use crate::ui::command::{Command, Commands, VoortgangCommand};
use crate::ui::theme::Theme;
use crate::voortgang::{self, Prepared, Rollup};

/// Which part of the window is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Element × year.
    #[default]
    Tabel,
    /// Two years compared.
    Veranderd,
    /// Reading a spreadsheet.
    Inlezen,
    /// Indicator values per year.
    Indicatoren,
    /// The jaarverslag and spreadsheets.
    Verslag,
}

/// How the table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Document order.
    #[default]
    Document,
    /// By title.
    Title,
    /// By the status in the filter's year (in the store's order).
    Status,
}

/// The table's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableFilter {
    /// Only assigned to this partner.
    pub partner: Option<String>,
    /// Only with this status in `year`.
    pub status: Option<String>,
    /// The year the status filter and status sort look at.
    pub year: Option<i32>,
    /// Only under this sector (hoofddoel).
    pub sector: Option<Ix>,
}

/// Voortgang state of one open compass.
#[derive(Default)]
pub struct VoortgangState {
    /// The year shown on the compass; `None` when progress is not shown.
    pub year: Option<i32>,
    /// The last year shown, to come back to when progress is turned on again.
    pub last_year: Option<i32>,
    /// The window is shown.
    pub open: bool,
    /// The tab.
    pub tab: Tab,
    prepared: Option<(u64, Prepared)>,
    years: Option<(u64, Vec<i32>)>,
    rollup: Option<Rollup>,
    /// Table: filters, sort and the rows they give (with the notes generation).
    pub filter: TableFilter,
    /// Table sort.
    pub sort: Sort,
    rows: Option<(u64, TableFilter, Sort, Vec<Ix>)>,
    /// Comparison years.
    pub compare: (Option<i32>, Option<i32>),
    /// The spreadsheet path as typed.
    pub import_path: String,
    /// A spreadsheet read and checked, waiting to be applied.
    pub checked: Option<(String, voortgang::csv::Checked)>,
    /// Where to write the report or spreadsheet.
    pub out_path: String,
    /// Indicator values being typed: (indicator, year text, value text).
    pub meting: (Option<String>, String, String),
    /// The outcome of the last action.
    pub message: Option<String>,
    dialog: crate::ui::dialog::DialogFocus,
}

impl VoortgangState {
    /// Brings the roll-up up to date with the notes and the year: the notes are prepared
    /// again only when they changed and progress is shown (the window or the compass).
    pub fn refresh(&mut self, kompas: &Kompas, notes: &NotesFile, generation: u64) {
        if self.years.as_ref().is_none_or(|(g, _)| *g != generation) {
            self.years = Some((generation, voortgang::candidate_years(kompas, notes)));
        }
        let year = self.year.or(self.filter.year);
        if year.is_none() && !self.open {
            return;
        }
        let stale = self.prepared.as_ref().is_none_or(|(g, _)| *g != generation);
        if stale {
            self.prepared = Some((generation, Prepared::new(kompas, notes)));
            self.rollup = None;
        }
        let Some(year) = self.year else {
            self.rollup = None;
            return;
        };
        if self.rollup.as_ref().is_none_or(|r| r.year != year)
            && let Some((_, p)) = &self.prepared
        {
            self.rollup = Some(Rollup::of(kompas, p, year));
        }
    }

    /// The years to choose from (see [`voortgang::candidate_years`]), as of the last refresh.
    pub fn years(&self) -> &[i32] {
        self.years.as_ref().map_or(&[], |(_, y)| y.as_slice())
    }

    /// The roll-up of the year shown on the compass, if progress is shown.
    pub fn rollup(&self) -> Option<&Rollup> {
        self.rollup.as_ref().filter(|r| Some(r.year) == self.year)
    }

    /// Turns progress on the compass on (at the last year shown, else the latest year with
    /// records, else the current year) or off.
    pub fn toggle(&mut self, kompas: &Kompas, notes: &NotesFile) {
        if self.year.is_some() {
            self.last_year = self.year.take();
        } else {
            self.year = Some(
                self.last_year
                    .or_else(|| notes.years_recorded().last().copied())
                    .or_else(|| voortgang::candidate_years(kompas, notes).last().copied())
                    .unwrap_or_else(crate::notes::this_year),
            );
        }
    }

    /// Shows `year` on the compass (`None`: progress off).
    pub fn set_year(&mut self, year: Option<i32>) {
        if year.is_none() {
            self.last_year = self.year.or(self.last_year);
        }
        self.year = year;
    }
}

/// What the window reads.
pub struct Input<'a> {
    /// The compass.
    pub kompas: &'a Kompas,
    /// The notes.
    pub notes: &'a NotesFile,
    /// Bumped when the notes change.
    pub generation: u64,
    /// Colours.
    pub theme: &'a Theme,
}

/// The year picker used on the bar and in the window: "uit" and the candidate years.
pub fn year_picker(
    ui: &mut Ui,
    id: &str,
    label: &str,
    year: Option<i32>,
    years: &[i32],
    off_text: &str,
) -> Option<Option<i32>> {
    let mut chosen = None;
    let shown = year.map_or_else(|| off_text.to_owned(), |y| y.to_string());
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui.selectable_label(year.is_none(), off_text).clicked() {
                chosen = Some(None);
            }
            for &y in years {
                if ui
                    .selectable_label(year == Some(y), y.to_string())
                    .clicked()
                {
                    chosen = Some(Some(y));
                }
            }
        })
        .response
        .labelled_by(label.id);
    chosen
}

impl VoortgangState {
    /// Draws the window (also closed, so its dialog gives focus back).
    pub fn window_ui(&mut self, ctx: &egui::Context, input: &Input<'_>, commands: &mut Commands) {
        let mut open = self.open;
        let mut dialog = std::mem::take(&mut self.dialog);
        dialog.show(ctx, &mut open, "Voortgang", 860.0, input.theme, |ui| {
            let before = self.tab;
            ui.horizontal_wrapped(|ui| {
                ui.selectable_value(&mut self.tab, Tab::Tabel, "Per element en jaar");
                ui.selectable_value(&mut self.tab, Tab::Veranderd, "Wat is veranderd");
                ui.selectable_value(&mut self.tab, Tab::Inlezen, "Spreadsheet inlezen");
                ui.selectable_value(&mut self.tab, Tab::Indicatoren, "Indicatoren");
                ui.selectable_value(&mut self.tab, Tab::Verslag, "Jaarverslag en export");
            });
            if self.tab != before {
                self.message = None;
            }
            ui.separator();
            if let Some(m) = &self.message {
                crate::ui::widgets::live_label(ui, RichText::new(m).strong());
                ui.separator();
            }
            match self.tab {
                Tab::Tabel => self.table_ui(ui, input),
                Tab::Veranderd => self.changes_ui(ui, input),
                Tab::Inlezen => self.import_ui(ui, input, commands),
                Tab::Indicatoren => self.indicatoren_ui(ui, input, commands),
                Tab::Verslag => self.report_ui(ui, input, commands),
            }
        });
        self.dialog = dialog;
        self.open = open;
    }

    fn rows(&mut self, input: &Input<'_>) -> &[Ix] {
        let fresh = self.rows.as_ref().is_some_and(|(g, f, s, _)| {
            *g == input.generation && *f == self.filter && *s == self.sort
        });
        if !fresh {
            let rows = table_rows(input.kompas, input.notes, &self.filter, self.sort);
            self.rows = Some((input.generation, self.filter.clone(), self.sort, rows));
        }
        self.rows.as_ref().map_or(&[], |(_, _, _, r)| r.as_slice())
    }

    #[expect(
        clippy::too_many_lines,
        reason = "filters, header and virtualised rows of one table"
    )]
    fn table_ui(&mut self, ui: &mut Ui, input: &Input<'_>) {
        let kompas = input.kompas;
        let notes = input.notes;
        let years = self.years().to_vec();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Partner");
            let shown = self.filter.partner.clone().unwrap_or_else(|| "alle".into());
            egui::ComboBox::from_id_salt("vg-partner")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.partner, None, "alle");
                    for p in &notes.partners {
                        ui.selectable_value(&mut self.filter.partner, Some(p.clone()), p);
                    }
                })
                .response
                .labelled_by(label.id);
            let sectors_word = kompas
                .levels
                .get(1)
                .map_or_else(|| "Onderdeel".to_owned(), |l| l.name.clone());
            let label = ui.label(sectors_word);
            let shown = self
                .filter
                .sector
                .map_or_else(|| "alle".to_owned(), |s| kompas.short_name(s));
            egui::ComboBox::from_id_salt("vg-sector")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.sector, None, "alle");
                    for &s in kompas.sectors() {
                        ui.selectable_value(
                            &mut self.filter.sector,
                            Some(s),
                            format!("{} {}", kompas.number(s), kompas.element(s).title),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(y) = year_picker(ui, "vg-jaar", "Jaar", self.filter.year, &years, "alle") {
                self.filter.year = y;
            }
            let label = ui.label("Status");
            let shown = self.filter.status.clone().unwrap_or_else(|| "alle".into());
            egui::ComboBox::from_id_salt("vg-status")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.status, None, "alle");
                    for st in &notes.statuses {
                        ui.selectable_value(&mut self.filter.status, Some(st.clone()), st);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if self.filter.status.is_some() && self.filter.year.is_none() {
            ui.label(
                RichText::new("Kies een jaar om op status te filteren.")
                    .color(input.theme.text_muted),
            );
        }
        // As many year columns as fit beside number and title, the latest years.
        let year_w = 128.0;
        let spacing = ui.spacing().item_spacing.x;
        let room = ui.available_width() - 70.0 - 200.0 - 3.0 * spacing;
        let fit = ((room / (year_w + spacing)).floor() as usize).clamp(1, 6);
        let shown_years: Vec<i32> = years.iter().rev().take(fit).rev().copied().collect();
        let title_w = (ui.available_width()
            - 70.0
            - shown_years.len() as f32 * (year_w + spacing)
            - 3.0 * spacing
            - 16.0)
            .max(160.0);
        let theme = input.theme;
        let sort = self.sort;
        let mut new_sort = None;
        let n = self.rows(input).len();
        ui.label(format!(
            "{n} elementen; per jaar de status die dan gold (een lege cel: geen status).",
        ));
        let widths = (70.0, title_w, year_w);
        ui.horizontal(|ui| {
            for (text, which, w) in [
                ("Nr", Sort::Document, widths.0),
                ("Titel", Sort::Title, widths.1),
            ] {
                let arrow = if sort == which { " ▼" } else { "" };
                let resp = ui
                    .add_sized(
                        [w, 22.0],
                        egui::Button::new(RichText::new(format!("{text}{arrow}")).strong()),
                    )
                    .on_hover_text("Sorteer hierop");
                let name = format!("Kolom {text}: sorteer hierop");
                resp.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, sort == which, &name)
                });
                if resp.clicked() {
                    new_sort = Some(which);
                }
            }
            for y in &shown_years {
                let arrow = if sort == Sort::Status && self.filter.year == Some(*y) {
                    " ▼"
                } else {
                    ""
                };
                let resp = ui
                    .add_sized(
                        [widths.2, 22.0],
                        egui::Button::new(RichText::new(format!("{y}{arrow}")).strong()),
                    )
                    .on_hover_text("Sorteer op de status in dit jaar");
                let name = format!("Kolom {y}: sorteer op de status in dit jaar");
                resp.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, !arrow.is_empty(), &name)
                });
                if resp.clicked() {
                    self.filter.year = Some(*y);
                    new_sort = Some(Sort::Status);
                }
            }
        });
        if let Some(s) = new_sort {
            self.sort = s;
        }
        // Borrowed, not copied: at 50 000 elements a copy per frame is 200 kB for nothing.
        let rows = self.rows(input);
        let row_h = 24.0;
        egui::ScrollArea::vertical()
            .id_salt("vg-tabel")
            .max_height(440.0)
            .auto_shrink(false)
            .show_rows(ui, row_h, rows.len(), |ui, range| {
                for &ix in rows.get(range).unwrap_or_default() {
                    let el = kompas.element(ix);
                    let a = notes.get(el.id.as_str());
                    ui.horizontal(|ui| {
                        ui.add_sized([widths.0, row_h - 4.0], egui::Label::new(kompas.number(ix)));
                        ui.add_sized(
                            [widths.1, row_h - 4.0],
                            egui::Label::new(el.title.as_str()).truncate(),
                        )
                        .on_hover_text(el.title.as_str());
                        for y in &shown_years {
                            let status = a.and_then(|a| a.status_in(*y));
                            let own = a.is_some_and(|a| {
                                a.voortgang.get(y).is_some_and(|r| r.status.is_some())
                            });
                            let i = status
                                .and_then(|s| notes.statuses.iter().position(|x| x == s))
                                .unwrap_or(0);
                            let text = RichText::new(status.unwrap_or("")).color(if own {
                                theme.status_text(i)
                            } else {
                                theme.text_muted
                            });
                            let resp =
                                ui.add_sized([widths.2, row_h - 4.0], egui::Label::new(text));
                            if !own && status.is_some() {
                                resp.on_hover_text("Overgenomen uit een eerder jaar");
                            }
                        }
                    });
                }
            });
    }

    fn changes_ui(&mut self, ui: &mut Ui, input: &Input<'_>) {
        let kompas = input.kompas;
        let years = self.years().to_vec();
        if self.compare.0.is_none() && self.compare.1.is_none() {
            // The last two years with records; with one, the year before it.
            let recorded = input.notes.years_recorded();
            self.compare = match recorded.as_slice() {
                [.., a, b] => (Some(*a), Some(*b)),
                [y] => (Some(y - 1), Some(*y)),
                [] => (
                    years
                        .len()
                        .checked_sub(2)
                        .and_then(|i| years.get(i))
                        .copied(),
                    years.last().copied(),
                ),
            };
        }
        ui.horizontal(|ui| {
            if let Some(y) = year_picker(ui, "vg-van", "Van", self.compare.0, &years, "—") {
                self.compare.0 = y;
            }
            if let Some(y) = year_picker(ui, "vg-tot", "naar", self.compare.1, &years, "—") {
                self.compare.1 = y;
            }
        });
        let (Some(from), Some(to)) = self.compare else {
            ui.label("Kies twee jaren.");
            return;
        };
        let changes = voortgang::changes(kompas, input.notes, from, to);
        ui.label(format!(
            "{} veranderd tussen {from} en {to}.",
            changes.len()
        ));
        egui::ScrollArea::vertical()
            .id_salt("vg-veranderd")
            .max_height(460.0)
            .auto_shrink(false)
            .show(ui, |ui| {
                for kind in ["gewijzigd", "nieuw", "vervallen of weggevallen"] {
                    let of_kind: Vec<_> = changes.iter().filter(|c| c.kind() == kind).collect();
                    if of_kind.is_empty() {
                        continue;
                    }
                    crate::ui::widgets::heading_label(
                        ui,
                        RichText::new(format!(
                            "{} ({})",
                            crate::text::capitalise_first(kind),
                            of_kind.len()
                        ))
                        .strong(),
                        3,
                    );
                    for c in of_kind {
                        let el = kompas.element(c.element);
                        ui.label(format!(
                            "{} {} — {} → {}",
                            kompas.number(c.element),
                            el.title,
                            c.from.as_deref().unwrap_or("geen status"),
                            c.to.as_deref().unwrap_or("geen status")
                        ));
                    }
                }
            });
    }

    fn import_ui(&mut self, ui: &mut Ui, input: &Input<'_>, commands: &mut Commands) {
        ui.label("Een CSV-bestand met de kolommen id;jaar;status;voortgang (en eventueel prioriteit, begroot, realisatie), zoals Excel het bewaart. Elke regel wordt eerst gecontroleerd; een lege cel laat dat veld zoals het is.");
        ui.horizontal(|ui| {
            let label = ui.label("Bestand");
            ui.add(egui::TextEdit::singleline(&mut self.import_path).desired_width(440.0))
                .labelled_by(label.id);
            if ui.button("Kies…").clicked()
                && let Some(p) = rfd::FileDialog::new()
                    .add_filter("CSV", &["csv", "txt"])
                    .pick_file()
            {
                self.import_path = p.display().to_string();
            }
            if ui
                .add_enabled(
                    !self.import_path.trim().is_empty(),
                    egui::Button::new("Controleren"),
                )
                .clicked()
            {
                self.check_file(&PathBuf::from(self.import_path.trim()), input);
            }
        });
        let Some((label, checked)) = &self.checked else {
            return;
        };
        ui.separator();
        ui.label(RichText::new(label).strong());
        for r in &checked.remarks {
            ui.label(r);
        }
        ui.label(format!(
            "{} goed, {} met een fout.",
            checked.rows.len(),
            checked.problems.len()
        ));
        let mut apply = false;
        ui.horizontal(|ui| {
            let all_good = checked.problems.is_empty();
            let text = if all_good {
                format!("{} regels inlezen", checked.rows.len())
            } else {
                format!("Alleen de {} goede regels inlezen", checked.rows.len())
            };
            apply = ui
                .add_enabled(!checked.rows.is_empty(), egui::Button::new(text))
                .clicked();
        });
        if !checked.problems.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("vg-fouten")
                .max_height(300.0)
                .show(ui, |ui| {
                    for p in &checked.problems {
                        ui.colored_label(
                            input.theme.status_text(6),
                            format!("regel {}: {}", p.line, p.message),
                        );
                    }
                });
        }
        if apply && let Some((label, checked)) = self.checked.take() {
            commands.push(Command::Voortgang(VoortgangCommand::Apply(
                label,
                checked.rows,
            )));
        }
    }

    /// Reads and checks a spreadsheet (nothing is applied).
    pub fn check_file(&mut self, path: &std::path::Path, input: &Input<'_>) {
        let label = path.display().to_string();
        self.tab = Tab::Inlezen;
        self.message = None;
        match crate::fsio::read_bytes(path, voortgang::csv::MAX_CSV_BYTES) {
            Ok(bytes) => match voortgang::csv::check(&bytes, input.kompas, &input.notes.statuses) {
                Ok(checked) => self.checked = Some((label, checked)),
                Err(e) => {
                    self.checked = None;
                    self.message = Some(format!("{label}: {e}"));
                }
            },
            Err(e) => {
                self.checked = None;
                self.message = Some(format!("{label}: {e}"));
            }
        }
    }

    fn indicatoren_ui(&mut self, ui: &mut Ui, input: &Input<'_>, commands: &mut Commands) {
        let inds = &input.kompas.content.indicatoren;
        if inds.is_empty() {
            ui.label("Dit kompas heeft geen indicatoren.");
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("vg-indicatoren")
            .max_height(520.0)
            .auto_shrink(false)
            .show(ui, |ui| {
                for ind in inds {
                    let reeks = input.notes.indicatoren.get(&ind.id);
                    crate::ui::widgets::heading_label(ui, RichText::new(&ind.title).strong(), 3);
                    if !ind.unit.is_empty() {
                        ui.label(RichText::new(format!("Eenheid: {}", ind.unit)).small());
                    }
                    if let Some(m) = reeks.filter(|m| !m.is_empty()) {
                        series_ui(ui, &ind.id, m, input.theme, commands);
                    } else {
                        ui.label(RichText::new("Nog geen metingen.").italics());
                    }
                    self.meting_ui(ui, &ind.id, commands);
                    ui.add_space(10.0);
                }
            });
    }

    fn meting_ui(&mut self, ui: &mut Ui, id: &str, commands: &mut Commands) {
        let editing = self.meting.0.as_deref() == Some(id);
        ui.horizontal_wrapped(|ui| {
            let (mut year, mut value) = if editing {
                (self.meting.1.clone(), self.meting.2.clone())
            } else {
                (String::new(), String::new())
            };
            let l = ui.label("Jaar");
            let r1 = ui
                .add(egui::TextEdit::singleline(&mut year).desired_width(60.0))
                .labelled_by(l.id);
            let l = ui.label("Waarde");
            let r2 = ui
                .add(egui::TextEdit::singleline(&mut value).desired_width(90.0))
                .labelled_by(l.id);
            if r1.changed() || r2.changed() {
                self.meting = (Some(id.to_owned()), year.clone(), value.clone());
            }
            let parsed_year = year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| crate::notes::YEARS.contains(y));
            let parsed_value = parse_number(&value);
            let ok = parsed_year.is_some() && parsed_value.is_some();
            for (text, kind) in [
                ("Meting bewaren", MetingKind::Meting),
                ("Als nulmeting", MetingKind::Nulmeting),
                ("Als streefwaarde", MetingKind::Streefwaarde),
            ] {
                if ui.add_enabled(ok, egui::Button::new(text)).clicked()
                    && let (Some(y), Some(v)) = (parsed_year, parsed_value)
                {
                    commands.push(Command::Voortgang(VoortgangCommand::Meting(
                        id.to_owned(),
                        kind,
                        y,
                        Some(v),
                    )));
                    self.meting = (None, String::new(), String::new());
                }
            }
            if !year.is_empty() && !ok {
                ui.label(RichText::new("Een jaar en een getal (bijv. 12,5)").small());
            }
        });
    }

    fn report_ui(&mut self, ui: &mut Ui, input: &Input<'_>, commands: &mut Commands) {
        let years = self.years().to_vec();
        let year = self
            .filter
            .year
            .or(self.year)
            .or_else(|| input.notes.years_recorded().last().copied())
            .or_else(|| years.last().copied());
        if let Some(y) = year_picker(ui, "vg-verslagjaar", "Jaar", year, &years, "—") {
            self.filter.year = y;
        }
        let Some(year) = self.filter.year.or(year) else {
            return;
        };
        if self.out_path.is_empty() {
            self.out_path = crate::ui::widgets::documents_dir()
                .join(format!("jaarverslag-{year}.html"))
                .display()
                .to_string();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Bestand");
            ui.add(egui::TextEdit::singleline(&mut self.out_path).desired_width(480.0))
                .labelled_by(label.id);
        });
        ui.label(
            RichText::new("Het soort bestand volgt de naam: .html of .md voor het jaarverslag, .csv of .xlsx voor de spreadsheet.")
                .small(),
        );
        let path = PathBuf::from(self.out_path.trim());
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        let what = match ext.as_str() {
            "html" | "htm" => Some(Output::VerslagHtml),
            "md" => Some(Output::VerslagMd),
            "csv" => Some(Output::Csv),
            "xlsx" => Some(Output::Xlsx),
            _ => None,
        };
        let text = match what {
            Some(Output::VerslagHtml | Output::VerslagMd) => {
                format!("Jaarverslag {year} schrijven")
            }
            Some(Output::Csv | Output::Xlsx) => "Spreadsheet schrijven".to_owned(),
            None => "Geef een naam op .html, .md, .csv of .xlsx".to_owned(),
        };
        if ui
            .add_enabled(what.is_some(), egui::Button::new(text))
            .clicked()
            && let Some(what) = what
        {
            commands.push(Command::Voortgang(VoortgangCommand::Write(
                path, what, year,
            )));
        }
    }
}

/// What the window writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The jaarverslag as a web page.
    VerslagHtml,
    /// The jaarverslag as Markdown.
    VerslagMd,
    /// All records as CSV.
    Csv,
    /// All records and the year's roll-up as Excel.
    Xlsx,
}

/// Which value of an indicator is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetingKind {
    /// A measured value.
    Meting,
    /// The baseline.
    Nulmeting,
    /// The target.
    Streefwaarde,
}

/// A number as typed in Dutch or English: `12,5`, `12.5`, `1.234,5`, and `7.410` as seven
/// thousand four hundred and ten (points grouping thousands, as a Dutch document writes it).
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim().replace([' ', '\u{a0}'], "");
    if t.is_empty() {
        return None;
    }
    let digits = t.trim_start_matches('-');
    let mut groups = digits.split('.');
    let grouped = digits.contains('.')
        && groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    let t = if t.contains(',') || grouped {
        t.replace('.', "").replace(',', ".")
    } else {
        t
    };
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The series as a line in `egui_plot` with baseline and target as horizontal lines, and
/// the values as a table beside it (the plot alone says nothing to a screen reader).
fn series_ui(
    ui: &mut Ui,
    id: &str,
    m: &crate::notes::Meetreeks,
    theme: &Theme,
    commands: &mut Commands,
) {
    use egui_plot::{HLine, Line, Plot, PlotPoints, Points};
    let points: Vec<[f64; 2]> = m.waarden.iter().map(|(y, v)| [*y as f64, *v]).collect();
    ui.horizontal_top(|ui| {
        // Baseline and target are lines across; the view must reach them too.
        let mut plot = Plot::new(("reeks", id));
        let marks: Vec<(i32, f64)> = m
            .nulmeting
            .iter()
            .chain(m.streefwaarde.iter())
            .copied()
            .collect();
        let values = m
            .waarden
            .values()
            .copied()
            .chain(marks.iter().map(|(_, v)| *v));
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let margin = ((hi - lo) * 0.08).max(hi.abs() * 0.01).max(0.5);
        for (y, v) in marks {
            plot = plot
                .include_y(v - margin)
                .include_y(v + margin)
                .include_x(f64::from(y));
        }
        plot.height(160.0)
            .width(420.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .x_axis_formatter(|mark, _| format!("{}", mark.value.round()))
            .show(ui, |plot| {
                plot.line(
                    Line::new("metingen", PlotPoints::from(points.clone())).color(theme.focus),
                );
                plot.points(
                    Points::new("meting", PlotPoints::from(points.clone()))
                        .radius(4.0)
                        .color(theme.focus),
                );
                if let Some((y, v)) = m.nulmeting {
                    plot.hline(HLine::new(format!("nulmeting {y}"), v).color(theme.text_muted));
                }
                if let Some((y, v)) = m.streefwaarde {
                    plot.hline(
                        HLine::new(format!("streefwaarde {y}"), v).color(theme.progress_done),
                    );
                }
            });
        egui::Grid::new(("reekstabel", id))
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new("Jaar").strong());
                ui.label(RichText::new("Waarde").strong());
                ui.label("");
                ui.end_row();
                let rows = m
                    .nulmeting
                    .map(|(y, v)| (MetingKind::Nulmeting, y, v))
                    .into_iter()
                    .chain(m.waarden.iter().map(|(y, v)| (MetingKind::Meting, *y, *v)))
                    .chain(
                        m.streefwaarde
                            .map(|(y, v)| (MetingKind::Streefwaarde, y, v)),
                    );
                for (kind, y, v) in rows {
                    let (year, what) = match kind {
                        MetingKind::Nulmeting => (format!("{y} (nulmeting)"), "nulmeting"),
                        MetingKind::Meting => (y.to_string(), "meting"),
                        MetingKind::Streefwaarde => (format!("{y} (streefwaarde)"), "streefwaarde"),
                    };
                    ui.label(year);
                    ui.label(voortgang::verslag::dutch_number(v));
                    // A value typed wrong can be taken away, not only overwritten.
                    let name = format!("Verwijder de {what} van {y}");
                    let resp = ui.small_button("✕").on_hover_text(&name);
                    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if resp.clicked() {
                        commands.push(Command::Voortgang(VoortgangCommand::Meting(
                            id.to_owned(),
                            kind,
                            y,
                            None,
                        )));
                    }
                    ui.end_row();
                }
            });
    });
}

/// The table's rows: elements without children, and any element with a record, filtered and
/// sorted.
pub fn table_rows(kompas: &Kompas, notes: &NotesFile, f: &TableFilter, sort: Sort) -> Vec<Ix> {
    let mut rows: Vec<Ix> = kompas
        .document_order()
        .into_iter()
        .filter(|&ix| {
            let el = kompas.element(ix);
            let a = notes.get(el.id.as_str());
            if el.depth == 0 || !(kompas.is_leaf(ix) || a.is_some_and(|a| !a.voortgang.is_empty()))
            {
                return false;
            }
            if let Some(p) = &f.partner
                && !a.is_some_and(|a| a.partners.contains(p))
            {
                return false;
            }
            if let (Some(s), Some(y)) = (&f.status, f.year)
                && a.and_then(|a| a.status_in(y)) != Some(s.as_str())
            {
                return false;
            }
            f.sector.is_none_or(|s| kompas.sector_of(ix) == Some(s))
        })
        .collect();
    match sort {
        Sort::Document => {}
        Sort::Title => rows.sort_by_cached_key(|&ix| kompas.element(ix).title.to_lowercase()),
        Sort::Status => {
            let year = f.year.unwrap_or_else(crate::notes::this_year);
            rows.sort_by_cached_key(|&ix| {
                notes
                    .get(kompas.element(ix).id.as_str())
                    .and_then(|a| a.status_in(year))
                    .and_then(|s| notes.statuses.iter().position(|x| x == s))
                    .unwrap_or(usize::MAX)
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn numbers_are_read_as_a_dutch_reader_means_them() {
        for (text, value) in [
            ("7,4", 7.4),
            ("7.4", 7.4),
            ("7.410", 7410.0),
            ("1.234.567", 1_234_567.0),
            ("1.234,5", 1234.5),
            ("-0,5", -0.5),
            ("12.34", 12.34),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text}");
        }
        assert_eq!(parse_number("twaalf"), None);
        assert_eq!(parse_number(""), None);
    }
}
