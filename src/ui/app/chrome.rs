//! Everything around the central view: the top bar, the search field, the breadcrumb trail
//! with previous/next, the side panel, the outline, and the bars and windows with messages
//! (load warnings, a compass that could not be opened, notes messages).

use egui::{Id, Key, RichText, Ui};

use crate::model::Ix;
use crate::nav::{self, Location, View};
use crate::ui::app::KompasApp;
use crate::ui::app::session::{Mode, SideTab};
use crate::ui::command::{Command, Commands, Flag, UiCommand};
use crate::ui::theme::{self, ThemeKind};

pub(super) use crate::ui::search_view::search_id;

/// The skip link's id: the first Tab stop, and where focus goes when nothing else can have it.
pub(crate) fn skip_link_id() -> Id {
    crate::ui::dialog::fallback_focus_id()
}

/// The "›" between the steps of the trail: seen, not a stop, not read out.
fn separator(ui: &mut Ui) {
    let resp = ui.add(egui::Label::new(big("›")).selectable(false));
    ui.ctx().accesskit_node_builder(resp.id, |b| b.set_hidden());
}

/// Size of the text in the bars.
const BAR_TEXT_PX: f32 = 16.0;

fn big(s: impl Into<String>) -> RichText {
    RichText::new(s.into()).size(BAR_TEXT_PX)
}

/// Draws `add_contents` left to right against the right edge of `ui`: its width is taken
/// from the frame before (and a new frame asked for when it changed), so widgets keep their
/// visual order for Tab and screen readers, unlike a right-to-left layout.
fn at_the_right(ui: &mut Ui, key: &str, add_contents: impl FnOnce(&mut Ui)) {
    let id = Id::unique(("rechts", key));
    let known: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    ui.add_space((ui.available_width() - known).max(0.0));
    let start = ui.cursor().min.x;
    add_contents(ui);
    let used = ui.min_rect().max.x - start;
    if (used - known).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(id, used));
        ui.ctx().request_repaint();
    }
}

/// A button for `command`, with its own text and its tooltip naming its key.
fn command_button(ui: &mut Ui, commands: &mut Commands, command: UiCommand, enabled: bool) {
    let resp = ui
        .add_enabled(enabled, egui::Button::new(big(command.text())))
        .on_hover_text(command.tooltip_with_keys());
    if resp.clicked() {
        commands.push(command);
    }
}

/// A menu entry for `command`, with its key beside it; screen readers hear the entry's text.
fn menu_entry(ui: &mut Ui, commands: &mut Commands, command: UiCommand, text: &str) {
    let button = match command.shortcuts().first() {
        Some(s) => egui::Button::new(text).shortcut_text(crate::ui::command::shortcut_text(s)),
        None => egui::Button::new(text),
    };
    let resp = ui.add(button).on_hover_text(command.tooltip());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    if resp.clicked() {
        commands.push(command);
        ui.close();
    }
}

impl KompasApp {
    /// The bars, trail, messages, outline and side panel.
    pub(super) fn chrome_ui(&mut self, ui: &mut Ui) {
        egui::Panel::top("bovenbalk")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::top("kruimelpad")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(12, 4)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    // The trail wraps in the room left by previous/next, which sit at the right
                    // in reading order ("◀ Vorige" before "Volgende ▶").
                    let id = Id::unique(("rechts", "kruimelpad"));
                    let right: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
                    let trail_w = (ui.available_width() - right - 12.0).max(120.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(trail_w, 0.0),
                        egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                        |ui| self.breadcrumbs_ui(ui),
                    );
                    at_the_right(ui, "kruimelpad", |ui| self.sibling_buttons_ui(ui));
                });
            });
        if !self.session.prepared.warnings.is_empty() {
            egui::Panel::bottom("waarschuwingen").show(ui, |ui| self.warnings_ui(ui));
        }
        if let Some(message) = self.session.notes.message.clone() {
            egui::Panel::bottom("notitiemelding").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Notities:").strong());
                    crate::ui::widgets::live_label(ui, message);
                    if ui.button("Sluiten").clicked() {
                        self.session.notes.message = None;
                    }
                });
            });
        }
        let focus = self.session.location().focus(self.session.kompas());
        if self.settings.outline {
            egui::Panel::left("overzicht")
                .resizable(true)
                .default_size(theme::OUTLINE_WIDTH_PX)
                .show(ui, |ui| {
                    let s = &mut self.session;
                    s.views.outline.ui(
                        ui,
                        &s.prepared.kompas,
                        &self.theme,
                        focus,
                        &mut self.commands,
                    );
                });
        }
        self.side_panel_ui(ui, focus);
    }

    /// The first Tab stop: "Naar de inhoud" skips the bars and lands on the view's subject
    /// (the einddoel on the compass, the title of a page). Unseen until it has focus, then
    /// drawn over the bar.
    fn skip_link_ui(&mut self, ui: &mut Ui) {
        const TEXT: &str = "Naar de inhoud";
        let id = skip_link_id();
        let at = ui.cursor().min;
        let resp = ui.interact(
            egui::Rect::from_min_size(at, egui::Vec2::splat(1.0)),
            id,
            egui::Sense::click(),
        );
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, TEXT));
        if resp.has_focus() {
            let painter = ui
                .ctx()
                .layer_painter(egui::LayerId::new(egui::Order::Foreground, id));
            let galley = painter.layout_no_wrap(
                format!("{TEXT} (Enter)"),
                egui::FontId::proportional(BAR_TEXT_PX),
                self.theme.text,
            );
            let rect = egui::Rect::from_min_size(at, galley.size()).expand(8.0);
            painter.rect_filled(rect, 4.0, self.theme.panel_bg);
            painter.rect_stroke(
                rect,
                4.0,
                self.theme.focus_stroke(),
                egui::StrokeKind::Inside,
            );
            painter.galley(at, galley, self.theme.text);
        }
        if resp.clicked() {
            let s = &mut self.session;
            s.focus_request = Some(s.shown_focus());
        }
    }

    /// The top bar. Where it does not fit its width, the right-hand buttons go into one menu
    /// and then the history buttons shrink to arrows, so nothing ever overlaps.
    fn top_bar_ui(&mut self, ui: &mut Ui) {
        let width = ui.available_width();
        let full = width >= theme::TOOLBAR_FULL_PT;
        let compact = width < theme::TOOLBAR_COMPACT_PT;
        let tiny = width < theme::TOOLBAR_TINY_PT;
        let wide = width >= theme::TOOLBAR_WIDE_PT;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            self.skip_link_ui(ui);
            let c = &mut self.commands;
            let history = &self.session.history;
            for (command, enabled, short, shorten) in [
                (UiCommand::Home, true, "⌂", tiny),
                (UiCommand::Back, history.can_back(), "←", compact),
                (UiCommand::Forward, history.can_forward(), "→", compact),
            ] {
                if shorten {
                    // The sign alone, named in full for screen readers.
                    let resp = ui
                        .add_enabled(enabled, egui::Button::new(big(short)))
                        .on_hover_text(command.tooltip_with_keys());
                    let name = command.text().trim_matches(['⌂', '←', '→', ' ']);
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, enabled, name)
                    });
                    if resp.clicked() {
                        c.push(command);
                    }
                } else {
                    command_button(ui, c, command, enabled);
                }
            }
            if !tiny {
                command_button(ui, c, UiCommand::ShowOpenWindow, true);
            }
            if let Some(target) = self.windows.open.busy_with() {
                ui.spinner()
                    .on_hover_text(format!("Bezig met openen: {}", target.describe()));
            }
            ui.add_space(if compact { 4.0 } else { 12.0 });
            let field = match (tiny, compact) {
                (true, _) => 110.0,
                (false, true) => 150.0,
                (false, false) => 240.0,
            };
            self.search_field_ui(ui, field);
            // The right-hand group is drawn left to right (so Tab follows the eye), pushed to
            // the right by its width as measured in the frame before.
            at_the_right(ui, "rechts-bovenbalk", |ui| {
                if full {
                    self.panel_buttons_ui(ui, wide);
                    self.view_menu_ui(ui, wide);
                } else {
                    ui.menu_button(big("☰ Menu"), |ui| {
                        if tiny {
                            let c = &mut self.commands;
                            menu_entry(ui, c, UiCommand::ShowOpenWindow, "Openen…");
                        }
                        self.panel_entries_ui(ui);
                        ui.separator();
                        self.view_menu_contents_ui(ui);
                    });
                }
            });
        });
    }

    /// Overzicht, Begrippen, Notities and Over het kompas as buttons.
    fn panel_buttons_ui(&mut self, ui: &mut Ui, wide: bool) {
        let c = &mut self.commands;
        for (command, on, flag) in [
            (
                UiCommand::ToggleOutline,
                self.settings.outline,
                Flag::Outline,
            ),
            (
                UiCommand::ToggleGlossary,
                self.settings.glossary,
                Flag::Glossary,
            ),
        ] {
            let mut on = on;
            if ui
                .toggle_value(&mut on, big(command.text()))
                .on_hover_text(command.tooltip())
                .changed()
            {
                c.push(Command::Set(flag, on.into()));
            }
        }
        command_button(ui, c, UiCommand::ShowNotesWindow, true);
        if wide {
            command_button(ui, c, UiCommand::ShowVoortgang, true);
        }
        if !self.session.kompas().content.pages.is_empty() {
            command_button(ui, c, UiCommand::ShowAbout, true);
        }
    }

    /// The same as menu entries, in reading order, when the bar is too narrow for buttons.
    fn panel_entries_ui(&mut self, ui: &mut Ui) {
        let c = &mut self.commands;
        for (command, on, flag) in [
            (
                UiCommand::ToggleOutline,
                self.settings.outline,
                Flag::Outline,
            ),
            (
                UiCommand::ToggleGlossary,
                self.settings.glossary,
                Flag::Glossary,
            ),
        ] {
            let mut on = on;
            if ui.checkbox(&mut on, command.text()).changed() {
                c.push(Command::Set(flag, on.into()));
            }
        }
        menu_entry(
            ui,
            c,
            UiCommand::ShowNotesWindow,
            UiCommand::ShowNotesWindow.text(),
        );
        menu_entry(ui, c, UiCommand::ShowVoortgang, "Voortgang…");
        if !self.session.kompas().content.pages.is_empty() {
            menu_entry(ui, c, UiCommand::ShowAbout, UiCommand::ShowAbout.text());
        }
    }

    /// The "⚙ Beeld" menu: theme, animations, presenting, full screen, image export, zoom.
    fn view_menu_ui(&mut self, ui: &mut Ui, wide: bool) {
        ui.menu_button(big("⚙ Beeld"), |ui| {
            // Between the full bar and a wide one, Voortgang has no button: it is here.
            if !wide {
                menu_entry(
                    ui,
                    &mut self.commands,
                    UiCommand::ShowVoortgang,
                    "Voortgang…",
                );
                ui.separator();
            }
            self.view_menu_contents_ui(ui);
        });
    }

    fn view_menu_contents_ui(&mut self, ui: &mut Ui) {
        let c = &mut self.commands;
        for kind in ThemeKind::ALL {
            if ui
                .radio(self.settings.theme == kind, kind.label())
                .clicked()
            {
                c.push(Command::SetTheme(kind));
            }
        }
        ui.separator();
        let mut anim = self.settings.animations;
        if ui.checkbox(&mut anim, "Overgangen animeren").changed() {
            c.push(Command::Set(Flag::Animations, anim.into()));
        }
        ui.separator();
        menu_entry(ui, c, UiCommand::TogglePresenting, "Presenteren");
        let full = self.session.presentation.fullscreen;
        let text = if full {
            "Volledig scherm uit"
        } else {
            "Volledig scherm"
        };
        menu_entry(ui, c, UiCommand::ToggleFullscreen, text);
        let mut notes = self.settings.notes_when_presenting;
        if ui
            .checkbox(&mut notes, "Notities tonen tijdens presenteren (N)")
            .changed()
        {
            c.push(Command::Set(Flag::NotesWhenPresenting, notes.into()));
        }
        let mut presenter = self.settings.presenter_window;
        if ui
            .checkbox(&mut presenter, "Presentatorvenster bij presenteren (P)")
            .on_hover_text(UiCommand::TogglePresenterWindow.tooltip())
            .changed()
        {
            c.push(Command::Set(Flag::PresenterWindow, presenter.into()));
        }
        menu_entry(
            ui,
            c,
            UiCommand::ShowImageExport,
            UiCommand::ShowImageExport.text(),
        );
        menu_entry(
            ui,
            c,
            UiCommand::ShowPresentationExport,
            UiCommand::ShowPresentationExport.text(),
        );
        menu_entry(ui, c, UiCommand::ShowPublish, UiCommand::ShowPublish.text());
        ui.separator();
        ui.label(format!("Zoom: {:.0}%", self.zoom.user * 100.0));
        menu_entry(ui, c, UiCommand::ZoomIn, UiCommand::ZoomIn.text());
        menu_entry(ui, c, UiCommand::ZoomOut, UiCommand::ZoomOut.text());
        menu_entry(ui, c, UiCommand::ZoomReset, UiCommand::ZoomReset.text());
    }

    fn search_field_ui(&mut self, ui: &mut Ui, width: f32) {
        let label = ui.label(big("Zoeken"));
        let s = &mut self.session;
        let edit = egui::TextEdit::singleline(&mut s.search.query)
            .id(search_id())
            // The shortcut only where it fits: a cut hint reads "begrip……".
            .hint_text(if width >= 230.0 {
                "woord, begrip… (Ctrl+F)"
            } else {
                "woord, begrip…"
            })
            .char_limit(crate::search::MAX_QUERY_CHARS)
            .desired_width(width)
            .font(egui::FontId::proportional(BAR_TEXT_PX));
        let resp = ui.add(edit).labelled_by(label.id);
        if self.focus_search {
            resp.request_focus();
            self.focus_search = false;
        }
        if resp.has_focus() {
            // Up and down move through the results, not away from the field.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    resp.id,
                    egui::EventFilter {
                        vertical_arrows: true,
                        horizontal_arrows: true,
                        ..Default::default()
                    },
                );
            });
        }
        if resp.changed() {
            s.refresh_search();
        }
        if resp.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(open) = s.search.open_command(&s.prepared.kompas)
        {
            self.commands.push(open);
        }
    }

    fn sibling_buttons_ui(&mut self, ui: &mut Ui) {
        let kompas = self.session.kompas();
        let loc = self.session.location();
        let Some(subject) = loc.subject().and_then(|id| kompas.get(id.as_str())) else {
            return;
        };
        let level = kompas
            .level(subject)
            .map_or_else(String::new, |l| l.name.to_lowercase());
        let next = nav::sibling(kompas, loc, true).is_some();
        let prev = nav::sibling(kompas, loc, false).is_some();
        for (command, enabled, text) in [
            (
                UiCommand::PreviousSibling,
                prev,
                format!("◀ Vorige {level}"),
            ),
            (UiCommand::NextSibling, next, format!("Volgende {level} ▶")),
        ] {
            if ui
                .add_enabled(enabled, egui::Button::new(big(text)))
                .on_hover_text(command.tooltip_with_keys())
                .clicked()
            {
                self.commands.push(command);
            }
        }
    }

    /// Einddoel › Hoofddoel 1 › Koers 1.3 › Hoofdinspanning B, every step clickable.
    fn breadcrumbs_ui(&mut self, ui: &mut Ui) {
        let kompas = self.session.kompas();
        let loc = self.session.location();
        // On the compass the trail is the compass itself, whatever shape is selected; on a
        // page or kaart it leads to what is shown and selected.
        let path: Vec<Ix> = match loc.view {
            View::Compass | View::Over(_) => vec![kompas.root()],
            View::Page(_) | View::Kaart(_) => loc
                .focus(kompas)
                .map(|f| kompas.path(f))
                .unwrap_or_else(|| vec![kompas.root()]),
        };
        for (i, &ix) in path.iter().enumerate() {
            if i > 0 {
                separator(ui);
            }
            let el = kompas.element(ix);
            let text = if i == 0 {
                kompas
                    .level(ix)
                    .map_or_else(|| el.title.clone(), |l| l.name.clone())
            } else {
                kompas.short_name(ix)
            };
            let is_last = i + 1 == path.len();
            let resp = ui
                .add(
                    egui::Button::new(big(text).strong())
                        .frame(!is_last)
                        .frame_when_inactive(false),
                )
                .on_hover_text(&el.title);
            // A frameless crumb shows no focus of its own.
            crate::ui::widgets::focus_ring(ui, &resp, &self.theme);
            if resp.clicked() {
                if i == 0 {
                    self.commands.push(UiCommand::Home);
                } else {
                    self.commands.push(Command::Open(el.id.clone()));
                }
            }
        }
        // "Over het kompas" pages sit beside the tree: Einddoel › Over het kompas › page.
        if let View::Over(page) = &loc.view
            && let Some(p) = kompas.content.page(page)
        {
            separator(ui);
            ui.label(big("Over het kompas").strong());
            ui.label(big("›"));
            ui.label(big(p.nav_title()).strong());
        }
    }

    /// One line about the load warnings; each warning (a code frame of several lines) is
    /// read in a window of its own, not squeezed into the bar.
    fn warnings_ui(&mut self, ui: &mut Ui) {
        let n = self.session.prepared.warnings.len();
        ui.horizontal_wrapped(|ui| {
            crate::ui::widgets::live_label(
                ui,
                format!(
                    "Het kompas is geladen met {}.",
                    crate::text::count(n, "waarschuwing", "waarschuwingen")
                ),
            );
            if ui.button("Bekijken").clicked() {
                self.windows.show_warnings = true;
            }
            if ui.button("Sluiten").clicked() {
                self.session.prepared.warnings.clear();
                self.windows.show_warnings = false;
            }
        });
    }

    /// The load warnings, every one whole, in monospace as the command line prints them.
    pub(super) fn warnings_window_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.windows.show_warnings && !self.session.prepared.warnings.is_empty();
        let warnings = &self.session.prepared.warnings;
        self.windows.warnings_dialog.show(
            ctx,
            &mut open,
            "Waarschuwingen bij het laden",
            720.0,
            &self.theme,
            |ui| {
                egui::ScrollArea::both().max_height(420.0).show(ui, |ui| {
                    for w in warnings {
                        ui.add(egui::Label::new(RichText::new(w.to_string()).monospace()).extend());
                        ui.add_space(6.0);
                    }
                });
            },
        );
        self.windows.show_warnings = open;
    }

    /// The right-hand panel: details of the selection and/or the begrippenlijst.
    fn side_panel_ui(&mut self, ui: &mut Ui, focus: Option<Ix>) {
        // Details show what the central view does not: the selection on a kaart or a page
        // (not the page's own subject, which the page shows in full).
        let loc = self.session.location();
        let detail = match &loc.view {
            View::Compass | View::Over(_) => None,
            View::Kaart(_) => focus,
            View::Page(subject) => {
                focus.filter(|_| loc.selected.as_ref().is_some_and(|s| s != subject))
            }
        };
        let glossary = self.settings.glossary;
        if detail.is_none() && !glossary {
            return;
        }
        egui::Panel::right("zijpaneel")
            .resizable(true)
            .default_size(theme::DETAIL_WIDTH_PX)
            .min_size(260.0)
            .max_size(theme::DETAIL_WIDTH_PX + 160.0)
            .show(ui, |ui| {
                if detail.is_some() && glossary {
                    ui.horizontal(|ui| {
                        let tab = &mut self.session.side_tab;
                        ui.selectable_value(tab, SideTab::Details, "Details");
                        ui.selectable_value(tab, SideTab::Begrippen, "Begrippen");
                    });
                    ui.separator();
                }
                let tab = match (detail, glossary) {
                    (Some(_), true) => self.session.side_tab,
                    (Some(_), false) => SideTab::Details,
                    _ => SideTab::Begrippen,
                };
                let f = self.session.frame(
                    &self.theme,
                    &self.settings.user_name,
                    &mut self.commands,
                    Mode::Desk,
                );
                let mut cx = f.cx;
                match (tab, detail) {
                    (SideTab::Details, Some(ix)) => {
                        crate::ui::detail::ui(ui, &mut cx, ix, &mut f.views.notes_editor);
                    }
                    _ => f.views.glossary.ui(ui, &mut cx, f.glossary_focus, f.usages),
                }
                // Where the panel is, so F6 knows whether focus is in it.
                let rect = ui.max_rect();
                ui.ctx()
                    .data_mut(|d| d.insert_temp(crate::ui::detail::heading_id(), rect));
            });
    }

    /// Files dropped on the window: a compass (folder, .ron, .mm, .opml) opens, partners'
    /// reaction files go to "Reacties inlezen".
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let (compasses, dropped): (Vec<_>, Vec<_>) = dropped
            .into_iter()
            .partition(|p| crate::ui::open_window::is_compass(p));
        if let Some(first) = compasses.into_iter().next() {
            self.commands.push(Command::OpenKompas(
                crate::ui::open_window::OpenTarget::Path(first),
            ));
        }
        if dropped.is_empty() {
            return;
        }
        let s = &mut self.session;
        s.notes_window.open = true;
        s.notes_window
            .read_files(&dropped, s.notes.file(), &s.prepared.kompas);
    }

    /// A compass that could not be opened: its path and every problem, until dismissed.
    pub(super) fn load_failure_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.windows.load_failure.is_some();
        let failure = self.windows.load_failure.as_ref();
        self.windows.failure_dialog.show(
            ctx,
            &mut open,
            "Kompas kon niet worden geopend",
            640.0,
            &self.theme,
            |ui| {
                let Some((path, problems, instead)) = failure else {
                    return;
                };
                let errors = problems.iter().filter(|p| p.is_error()).count();
                crate::ui::widgets::live_label(
                    ui,
                    format!(
                        "{path} bevat {errors} {}. {instead}",
                        if errors == 1 { "fout" } else { "fouten" }
                    ),
                );
                ui.add_space(6.0);
                egui::ScrollArea::both().max_height(360.0).show(ui, |ui| {
                    for p in problems {
                        ui.add(egui::Label::new(RichText::new(p.to_string()).monospace()).extend());
                    }
                });
            },
        );
        if !open {
            self.windows.load_failure = None;
        }
    }

    /// The central view: search results while searching, else the view of the location.
    pub(super) fn central_ui(&mut self, ui: &mut Ui) {
        if self.opening_at_start {
            // Most compasses are there within a moment: only then say what is being opened.
            let wait = 0.3 - ui.input(|i| i.time);
            if wait > 0.0 {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(wait));
            } else if let Some(target) = self.windows.open.busy_with() {
                let what = format!("Bezig met openen: {}", target.describe());
                ui.vertical_centered(|ui| {
                    ui.add_space(ui.available_height() / 3.0);
                    ui.spinner();
                    crate::ui::widgets::live_label(ui, RichText::new(what).size(20.0));
                });
            }
            return;
        }
        // A short fade-and-rise when the view changes, unless switched off.
        if self.settings.animations {
            let t = ((ui.input(|i| i.time) - self.session.view_changed_at) as f32
                / theme::TRANSITION_S)
                .clamp(0.0, 1.0);
            if t < 1.0 {
                let eased = 1.0 - (1.0 - t) * (1.0 - t);
                ui.set_opacity(eased);
                ui.add_space(12.0 * (1.0 - eased));
                ui.ctx().request_repaint();
            }
        }
        let mode = if self.exporting {
            Mode::Picture
        } else if self.session.presentation.active {
            Mode::Presenting {
                notes: self.settings.notes_when_presenting,
            }
        } else {
            Mode::Desk
        };
        let searching = self.session.search.is_active();
        let scroll_to_cursor = std::mem::take(&mut self.session.scroll_to_cursor);
        let loc: Location = self.session.location().clone();
        let f = self.session.frame(
            &self.theme,
            &self.settings.user_name,
            &mut self.commands,
            mode,
        );
        let mut cx = f.cx;
        if searching {
            if f.search_ready {
                crate::ui::search_view::results_ui(
                    ui,
                    &mut cx,
                    f.search,
                    f.index,
                    scroll_to_cursor,
                );
            } else {
                crate::ui::search_view::getting_ready_ui(ui);
            }
            return;
        }
        let subject = loc.subject().and_then(|id| cx.kompas.get(id.as_str()));
        match (&loc.view, subject) {
            // Presenting a page or a kaart: as slides, each titled, none cut off.
            (View::Page(_) | View::Kaart(_), Some(ix)) if cx.presenting => {
                crate::ui::slide::ui(ui, &mut cx, ix, f.paging);
            }
            (View::Page(_), Some(ix)) => f.views.page.ui(ui, &mut cx, ix),
            (View::Kaart(_), Some(ix)) => f.views.kaart.ui(ui, &mut cx, ix),
            (View::Over(page), _) => crate::ui::about_view::ui(ui, &mut cx, page),
            // A page or kaart whose element is gone, and the compass itself.
            (View::Page(_) | View::Kaart(_), None) | (View::Compass, _) => {
                f.views.compass.ui(ui, &mut cx);
            }
        }
    }
}
