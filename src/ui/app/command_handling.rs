//! Applying commands: the one place where the location, the settings and the notes change.
//! Views and keys only push [`Command`]s; after every frame they are applied here in order.

use crate::nav::{self, Location, View};
use crate::text::count;
use crate::ui::app::KompasApp;
use crate::ui::app::session::SideTab;
use crate::ui::command::{Command, Flag, NotesCommand, NotesFormat, OnOff, UiCommand};
use crate::ui::theme::Theme;

impl KompasApp {
    /// Applies one command; this is the only place the location changes.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let before = self.session.location().clone();
        match command {
            Command::Ui(c) => self.apply_ui(ctx, c),
            Command::Go(loc) => self.session.history.go(loc),
            Command::Open(id) => {
                let kompas = self.session.kompas();
                if let Some(ix) = kompas.get(id.as_str()) {
                    let loc = nav::location_for(kompas, ix);
                    self.session.history.go(loc);
                    // Opening from search ends the search; the element is selected and focused.
                    self.session.search.clear();
                    self.session.focus_request = Some(id);
                }
            }
            Command::Select(id) => self.select(id),
            Command::SetTheme(kind) => {
                self.settings.theme = kind;
                self.theme = Theme::new(kind);
                self.apply_style(ctx);
            }
            Command::Set(flag, on) => self.set(ctx, flag, on),
            Command::SetZoom(z) => self.zoom.set(z, &mut self.settings),
            Command::ShowBegrip(entry) => {
                self.settings.glossary = true;
                self.session.side_tab = SideTab::Begrippen;
                self.session.glossary_focus = Some((entry, true));
                self.session.search.clear();
            }
            Command::Notes(c) => self.apply_notes(ctx, c),
            Command::Voortgang(c) => self.apply_voortgang(ctx, c),
            Command::Publish(dir, year) => {
                let s = &mut self.session;
                let notes = s.notes.file();
                let files = crate::publish::site_with(&s.prepared.kompas, year.map(|y| (notes, y)));
                s.publish.message = Some(
                    match crate::write::write_folder(&files, &dir, crate::write::Replace::No) {
                        Ok(()) => format!(
                            "Gepubliceerd: {} pagina's ({} kB) in {}; open index.html in een browser.",
                            files.iter().filter(|(f, _)| f.ends_with(".html")).count(),
                            crate::publish::size(&files) / 1024,
                            dir.display()
                        ),
                        Err(e) => format!("Niet gepubliceerd: {e}"),
                    },
                );
            }
            Command::JumpToSector(n) => {
                let kompas = self.session.kompas();
                if let Some(&sector) = kompas.sectors().get(n) {
                    let id = kompas.element(sector).id.clone();
                    self.session.history.go(Location {
                        view: View::Compass,
                        selected: Some(id),
                    });
                }
            }
            Command::OpenKompas(target) => self.windows.open.start(target, ctx),
            Command::ExportImage(location, size, path) => {
                let request = crate::ui::render::RenderRequest {
                    size,
                    location,
                    theme: self.settings.theme,
                    presenting: false,
                };
                self.windows
                    .image_export
                    .start(self.session.kompas().clone(), request, path, ctx);
            }
            Command::ExportPresentation(size, dir) => {
                self.windows.image_export.start_presentation(
                    self.session.kompas().clone(),
                    size,
                    self.settings.theme,
                    dir,
                    ctx,
                );
            }
        }
        self.after_move(ctx, &before);
    }

    /// Keyboard users land on what they opened (or came back from); the place is remembered.
    fn after_move(&mut self, ctx: &egui::Context, before: &Location) {
        let after = self.session.location().clone();
        if after.view != before.view {
            self.session.view_changed_at = ctx.input(|i| i.time);
            // On a page or kaart of its own subject that is its title (a heading), so it
            // opens at the top and a screen reader starts there.
            self.session.focus_request = match &after.view {
                View::Over(page) => Some(nav::over_focus_id(page)),
                _ => after.selected.clone().or_else(|| after.subject().cloned()),
            };
        } else if self.session.presentation.active
            && matches!(after.view, View::Kaart(_))
            && after.selected != before.selected
        {
            // The next hoofdinspanning of a kaart is another slide in the same view: its
            // title takes focus, as a new view's would.
            self.session.view_changed_at = ctx.input(|i| i.time);
            self.session.focus_request = after.selected.clone();
        }
        if after != *before {
            let title = self.session.kompas().meta.title.clone();
            self.settings.remember(&title, after);
        }
    }

    fn select(&mut self, id: crate::model::NodeId) {
        let mut loc = self.session.location().clone();
        loc.selected = Some(id);
        self.session.history.go(loc);
    }

    fn set(&mut self, ctx: &egui::Context, flag: Flag, on: OnOff) {
        let on = on.is_on();
        match flag {
            Flag::Animations => self.settings.animations = on,
            Flag::Outline => self.settings.outline = on,
            Flag::Glossary => {
                self.settings.glossary = on;
                if on {
                    self.session.side_tab = SideTab::Begrippen;
                }
            }
            Flag::NotesWhenPresenting => self.settings.notes_when_presenting = on,
            Flag::PresenterWindow => self.settings.presenter_window = on,
            Flag::Presenting => {
                let p = &mut self.session.presentation;
                p.active = on;
                p.started_at = on.then(|| ctx.input(|i| i.time));
                self.session.search.clear();
                // Both ways the view is drawn anew: focus goes to what is shown, not lost.
                self.session.focus_request = Some(self.session.shown_focus());
            }
            Flag::Fullscreen => {
                self.session.presentation.fullscreen = on;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
        }
    }

    /// F6: focus to the detail panel's heading, or back to what the details are of when focus
    /// is already in the panel.
    fn focus_details(&mut self, ctx: &egui::Context) {
        let s = &mut self.session;
        let heading = crate::ui::detail::heading_id();
        let panel: Option<egui::Rect> = ctx.data(|d| d.get_temp(heading));
        // By its column: the panel runs the full height; its content scrolls.
        let in_panel = ctx
            .memory(egui::Memory::focused)
            .and_then(|id| ctx.read_response(id))
            .zip(panel)
            .is_some_and(|(r, panel)| panel.x_range().contains(r.rect.center().x));
        if in_panel {
            // Back to what the details are of.
            s.focus_request = Some(s.shown_focus());
        } else {
            ctx.memory_mut(|m| m.request_focus(heading));
        }
    }

    fn apply_ui(&mut self, ctx: &egui::Context, command: UiCommand) {
        let s = &mut self.session;
        let kompas = &s.prepared.kompas;
        match command {
            UiCommand::Home => {
                let came_from = s.location().focus(kompas).and_then(|f| kompas.sector_of(f));
                let loc = Location {
                    view: View::Compass,
                    selected: came_from.map(|s| kompas.element(s).id.clone()),
                };
                s.history.go(loc);
            }
            UiCommand::Back => {
                s.history.back();
            }
            UiCommand::Forward => {
                s.history.forward();
            }
            UiCommand::Up => {
                if let Some(up) = nav::up(kompas, s.location()) {
                    s.history.go(up);
                } else {
                    // At the top Escape goes nowhere, but egui has let go of the focus: it
                    // stays on what is shown instead of falling to the window.
                    s.focus_request = Some(s.shown_focus());
                }
            }
            UiCommand::PreviousSibling | UiCommand::NextSibling => {
                let forward = command == UiCommand::NextSibling;
                if let Some(loc) = nav::sibling(kompas, s.location(), forward) {
                    s.history.go(loc);
                }
            }
            UiCommand::FocusSearch => self.focus_search = true,
            UiCommand::FocusDetails => self.focus_details(ctx),
            UiCommand::ShowOpenWindow => self.windows.open.open = true,
            UiCommand::ShowNotesWindow => s.notes_window.open = true,
            UiCommand::ShowVoortgang => s.voortgang.open = true,
            UiCommand::ShowPublish => s.publish.open = true,
            UiCommand::ToggleVoortgang => {
                let (kompas, notes) = (&s.prepared.kompas, s.notes.file());
                s.voortgang.toggle(kompas, notes);
            }
            UiCommand::ShowImageExport | UiCommand::ShowPresentationExport => {
                let w = &mut self.windows.image_export;
                w.open = true;
                w.kind = if command == UiCommand::ShowImageExport {
                    crate::ui::image_export::ExportKind::Picture
                } else {
                    crate::ui::image_export::ExportKind::Presentation
                };
            }
            UiCommand::ShowAbout => {
                if let Some(first) = kompas.content.pages.first() {
                    let loc = Location {
                        view: View::Over(first.id.clone()),
                        selected: None,
                    };
                    s.history.go(loc);
                }
            }
            UiCommand::ToggleOutline => {
                let on = !self.settings.outline;
                self.set(ctx, Flag::Outline, on.into());
            }
            UiCommand::ToggleGlossary => {
                let on = !self.settings.glossary;
                self.set(ctx, Flag::Glossary, on.into());
            }
            UiCommand::TogglePresenting => {
                let on = !s.presentation.active;
                self.set(ctx, Flag::Presenting, on.into());
            }
            UiCommand::ToggleFullscreen => {
                let on = !s.presentation.fullscreen;
                self.set(ctx, Flag::Fullscreen, on.into());
            }
            UiCommand::ZoomIn => self.zoom.set(self.zoom.user * 1.1, &mut self.settings),
            UiCommand::ZoomOut => self.zoom.set(self.zoom.user / 1.1, &mut self.settings),
            UiCommand::ZoomReset => self.zoom.set(1.0, &mut self.settings),
            UiCommand::NextStep | UiCommand::PreviousStep => {
                self.step(command == UiCommand::NextStep);
            }
            UiCommand::FirstStep => {
                if let Some(first) = s.presentation.sequence().first().cloned() {
                    s.history.go(first);
                }
            }
            UiCommand::StopPresenting => {
                self.set(ctx, Flag::Presenting, OnOff::Off);
            }
            UiCommand::TogglePresenterWindow => {
                let on = !self.settings.presenter_window;
                self.set(ctx, Flag::PresenterWindow, on.into());
            }
            UiCommand::ToggleNotesWhenPresenting => {
                self.settings.notes_when_presenting = !self.settings.notes_when_presenting;
            }
        }
    }

    /// Presenting: the next (or previous) slide of a long step, else the next step.
    fn step(&mut self, forward: bool) {
        let s = &mut self.session;
        let kompas = &s.prepared.kompas;
        let here = s.history.current().clone();
        // A long step turns its slides first.
        let p = &mut s.presentation;
        let turned = if forward {
            p.paging.next(&here)
        } else {
            p.paging.previous(&here)
        };
        if !turned {
            let seq = p.sequence();
            let index = nav::presentation_index(kompas, seq, &here);
            if let Some(next) = nav::presentation_step(seq, index, forward).cloned() {
                if !forward {
                    p.paging.arrive_at_end(&next);
                }
                s.history.go(next);
            }
        }
    }

    fn apply_voortgang(
        &mut self,
        ctx: &egui::Context,
        command: crate::ui::command::VoortgangCommand,
    ) {
        use crate::ui::command::VoortgangCommand as V;
        use crate::ui::voortgang_view::{MetingKind, Output};
        let now = ctx.input(|i| i.time);
        let who = self.who().to_owned();
        let s = &mut self.session;
        match command {
            V::SetYear(y) => s.voortgang.set_year(y),
            V::Apply(label, rows) => {
                let kompas = std::sync::Arc::clone(&s.prepared.kompas);
                let applied =
                    crate::voortgang::csv::apply(s.notes.file_mut(now), &kompas, &rows, &who);
                s.voortgang.message = Some(format!(
                    "{label}: {} ingelezen; {} veranderden iets, {} waren al gelijk.",
                    count(rows.len(), "regel", "regels"),
                    applied.changed,
                    applied.unchanged
                ));
            }
            V::Meting(id, kind, year, value) => {
                let file = s.notes.file_mut(now);
                let m = file.indicatoren.entry(id.clone()).or_default();
                match (kind, value) {
                    (MetingKind::Meting, Some(v)) => {
                        m.waarden.insert(year, v);
                    }
                    (MetingKind::Meting, None) => {
                        m.waarden.remove(&year);
                    }
                    (MetingKind::Nulmeting, v) => m.nulmeting = v.map(|v| (year, v)),
                    (MetingKind::Streefwaarde, v) => m.streefwaarde = v.map(|v| (year, v)),
                }
                if m.is_empty() {
                    file.indicatoren.remove(&id);
                }
            }
            V::Write(path, output, year) => {
                let (kompas, notes) = (&s.prepared.kompas, s.notes.file());
                let bytes = match output {
                    Output::VerslagHtml => {
                        Ok(crate::voortgang::verslag::build(kompas, notes, year)
                            .to_html()
                            .into_bytes())
                    }
                    Output::VerslagMd => Ok(crate::voortgang::verslag::build(kompas, notes, year)
                        .to_markdown()
                        .into_bytes()),
                    Output::Csv => {
                        crate::voortgang::csv::export(kompas, notes).map(String::into_bytes)
                    }
                    Output::Xlsx => crate::voortgang::xlsx::export(kompas, notes, year),
                };
                s.voortgang.message = Some(
                    match bytes.and_then(|b| {
                        crate::fsio::write_atomic(&path, &b).map_err(|e| e.to_string())
                    }) {
                        Ok(()) => format!("Geschreven: {}", path.display()),
                        Err(e) => format!("Kon {} niet schrijven: {e}", path.display()),
                    },
                );
            }
        }
    }

    /// Who is recorded with a change: the user's name, else "gemeente".
    fn who(&self) -> &str {
        if self.settings.user_name.is_empty() {
            "gemeente"
        } else {
            &self.settings.user_name
        }
    }

    fn apply_notes(&mut self, ctx: &egui::Context, command: NotesCommand) {
        let now = ctx.input(|i| i.time);
        let command = match command {
            NotesCommand::ExportForPartner(partner, path, share, jaar) => {
                return self.export_for_partner(&partner, &path, (share, jaar), now);
            }
            NotesCommand::ApplyImport(label, plan, choices) => {
                return self.apply_import(&label, &plan, &choices, now);
            }
            other => other,
        };
        let s = &mut self.session;
        let kompas = &s.prepared.kompas;
        let title_of = |id: &str| {
            kompas
                .get(id)
                .map(|ix| kompas.element(ix).title.clone())
                .unwrap_or_default()
        };
        match command {
            NotesCommand::Annotate(id, edit) => {
                let title = title_of(id.as_str());
                s.notes
                    .edit(id.as_str(), &title, &self.settings.user_name, edit, now);
            }
            NotesCommand::AddPartner(name) => {
                if !s.notes.file().partners.contains(&name) {
                    s.notes.file_mut(now).add_partner(&name);
                }
            }
            NotesCommand::AddStatus(status) => {
                if !s.notes.file().statuses.contains(&status) {
                    s.notes.file_mut(now).statuses.push(status);
                }
            }
            NotesCommand::SetUserName(name) => self.settings.user_name = name,
            NotesCommand::ExportForPartner(..) | NotesCommand::ApplyImport(..) => {}
            NotesCommand::UndoImport => {
                if let Some(label) = s.notes.undo_import(now) {
                    s.notes_window.status = Some(format!("Import van {label} ongedaan gemaakt."));
                }
            }
            NotesCommand::Export(path, format) => {
                let text = match format {
                    NotesFormat::Markdown => Ok(crate::notes::to_markdown(s.notes.file(), kompas)),
                    NotesFormat::Csv => {
                        crate::notes::to_csv(s.notes.file(), kompas).map_err(|e| e.to_string())
                    }
                };
                s.notes_window.status = Some(
                    match text.map(|t| crate::write::write_atomic(&path, t.as_bytes())) {
                        Ok(Ok(())) => format!("Geschreven: {}", path.display()),
                        Ok(Err(e)) => format!("Kon {} niet schrijven: {e}", path.display()),
                        Err(e) => format!("Exporteren lukte niet: {e}"),
                    },
                );
            }
            NotesCommand::SetPath(path) => {
                s.notes.move_to(path.clone());
                if s.notes.path.as_ref() == Some(&path) {
                    let title = kompas.meta.title.clone();
                    self.settings.set_notes_file(&title, path);
                }
            }
            NotesCommand::SetDir(dir) => self.settings.notes_dir = Some(dir),
            NotesCommand::SetFilter(filter) => s.filter = filter,
        }
    }
}

impl KompasApp {
    /// Writes the invitation for `partner` and, once written, records it in the notes.
    fn export_for_partner(
        &mut self,
        partner: &str,
        path: &std::path::Path,
        (share, jaar): (crate::review::ShareNotes, Option<i32>),
        now: f64,
    ) {
        let who = self.who().to_owned();
        let s = &mut self.session;
        let kompas = &s.prepared.kompas;
        let (invitation, file) =
            crate::review::invite_for_year(s.notes.file(), kompas, partner, &who, share, jaar);
        // A web page when the window chose one (it names the file .html), else Kompas's file.
        let written = if path.extension().is_some_and(|e| e == "html") {
            crate::review::html::write(path, &file)
        } else {
            crate::review::write(path, &file)
        };
        s.notes_window.status = Some(match written {
            Ok(()) => {
                // Recorded only once written: a reaction is checked against it.
                s.notes.file_mut(now).invitations.push(invitation);
                let sent: Vec<_> = file
                    .items
                    .iter()
                    .filter_map(|i| kompas.get(&i.id))
                    .collect();
                format!(
                    "{} voor {partner} geschreven naar {}",
                    kompas.count_of(&sent),
                    path.display()
                )
            }
            Err(e) => format!("Kon {} niet schrijven: {e}", path.display()),
        });
    }

    /// Applies a planned import (after a snapshot, so it can be undone) and says what it did.
    fn apply_import(
        &mut self,
        label: &str,
        plan: &crate::review::Plan,
        choices: &std::collections::BTreeMap<usize, crate::review::Choice>,
        now: f64,
    ) {
        let who = self.who().to_owned();
        let s = &mut self.session;
        let kompas = &s.prepared.kompas;
        let title_of = |id: &str| {
            kompas
                .get(id)
                .map(|ix| kompas.element(ix).title.clone())
                .unwrap_or_default()
        };
        s.notes.snapshot(label.to_owned());
        let applied = crate::review::apply(s.notes.file_mut(now), plan, choices, &who, &title_of);
        let mut parts = vec![
            count(applied.reactions, "reactie bewaard", "reacties bewaard"),
            count(
                applied.statuses,
                "status bijgewerkt",
                "statussen bijgewerkt",
            ),
        ];
        if applied.refused > 0 {
            parts.push(format!("{} geweigerd", applied.refused));
        }
        if applied.unresolved > 0 {
            parts.push(count(
                applied.unresolved,
                "conflict open",
                "conflicten open",
            ));
        }
        s.notes_window.status = Some(format!("{label}: {}.", parts.join(", ")));
    }
}
