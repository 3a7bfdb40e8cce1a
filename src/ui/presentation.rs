//! Workshop mode: presenting the compass full screen with large type, stepping through it with
//! the keys a presentation clicker sends (see [`crate::ui::command::UiCommand`]), a discreet
//! position indicator, and zoom that is remembered per screen.

use egui::RichText;

use crate::model::Kompas;
use crate::nav::{self, Location};
use crate::ui::theme::{Theme, mix};

/// How much larger everything is while presenting the compass (its own text is sized for
/// the room: see [`crate::ui::theme::PRESENT_BODY_PT`]).
pub(super) const PRESENT_ZOOM: f32 = 1.3;
/// How much larger pages and kaarten are while presenting: their 15-point body text becomes
/// 24 px at 1280×720, what the back row still reads.
pub(super) const PRESENT_PAGE_ZOOM: f32 = 1.6;

/// Smallest and largest zoom the user can set.
pub(super) const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// The state of workshop mode.
#[derive(Debug, Default)]
pub struct Presentation {
    /// Presenting (panels hidden, large type, stepping keys).
    pub active: bool,
    /// Which slide of a long step is shown.
    pub paging: crate::ui::slide::Paging,
    /// When presenting started (the app's clock), for the presenter's elapsed time.
    pub started_at: Option<f64>,
    /// Full screen.
    pub fullscreen: bool,
    /// The steps, in order (computed once per compass).
    sequence: Vec<Location>,
}

impl Presentation {
    /// Workshop mode for `kompas`, not active.
    pub fn new(kompas: &Kompas) -> Self {
        Self {
            sequence: nav::presentation_sequence(kompas),
            ..Self::default()
        }
    }

    /// The steps.
    pub fn sequence(&self) -> &[Location] {
        &self.sequence
    }

    /// The position indicator, one line at the bottom right of a strip of its own, so it
    /// never covers the step: "Koers 2.3 — 8 van 16".
    pub fn indicator_ui(&self, ui: &mut egui::Ui, kompas: &Kompas, loc: &Location, theme: &Theme) {
        if !self.active {
            return;
        }
        let base = nav::position_label(kompas, loc);
        let page = self.paging.label(loc);
        // "Koers 2.1 — 6 van 16 · 1/2": a long step's slide after it.
        let text = page
            .as_ref()
            .map_or_else(|| base.clone(), |p| format!("{base} · {p}"));
        let spoken_page = page
            .map(|p| format!(" (dia {})", p.replace('/', " van ")))
            .unwrap_or_default();
        // Spoken on every step: where we are and what the room sees.
        let spoken = loc.focus(kompas).map_or_else(
            || text.clone(),
            |ix| format!("{base}: {}{spoken_page}", kompas.element(ix).title),
        );
        egui::Panel::bottom("positie")
            .frame(
                egui::Frame::NONE
                    .fill(mix(theme.panel_bg, theme.bg, 0.3))
                    .inner_margin(egui::Margin::symmetric(16, 4)),
            )
            .show(ui, |ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // The same size on every step: the compass is zoomed less than a slide.
                    let size = match loc.view {
                        nav::View::Compass => 15.0 * PRESENT_PAGE_ZOOM / PRESENT_ZOOM,
                        _ => 15.0,
                    };
                    let resp = ui.add(
                        egui::Label::new(RichText::new(text).size(size).color(theme.text_muted))
                            .extend(),
                    );
                    // A status, named by what is spoken (a label is read by its text).
                    ui.ctx().accesskit_node_builder(resp.id, |b| {
                        b.set_role(egui::accesskit::Role::Status);
                        b.clear_value();
                        b.set_label(spoken);
                        b.set_live(egui::accesskit::Live::Polite);
                    });
                });
            });
    }
}

/// What the presenter window shows the facilitator: where the room is, what comes next,
/// the notes on what is shown, and the time since presenting started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PresenterInfo {
    /// The position strip of the step shown ("Koers 2.1 — 6 van 16 · 1/2").
    pub(super) now: String,
    /// Its title.
    pub(super) now_title: String,
    /// What the next press shows, and its title.
    pub(super) next: (String, String),
    /// Notes on the elements shown: (short name, status and note).
    pub(super) notes: Vec<(String, String)>,
    /// Time since presenting started: "12:05".
    pub(super) elapsed: String,
}

/// Most notes the presenter window lists for one step.
const PRESENTER_NOTES_MAX: usize = 40;

impl PresenterInfo {
    /// The presenter's view of `loc` in `presentation`, with the `notes` of the compass and
    /// `now` the app's clock.
    pub(super) fn new(
        presentation: &Presentation,
        kompas: &Kompas,
        loc: &Location,
        notes: &crate::notes::NotesFile,
        now: f64,
    ) -> Self {
        let title = |l: &Location| {
            l.focus(kompas)
                .map(|ix| kompas.element(ix).title.clone())
                .unwrap_or_default()
        };
        let page = presentation.paging.label(loc);
        let position = nav::position_label(kompas, loc);
        let next = match page.as_deref().and_then(|p| p.split_once('/')) {
            // Another slide of this step.
            Some((a, b)) if a != b => {
                let a: usize = a.parse().unwrap_or(1);
                (format!("{position} · {}/{b}", a + 1), title(loc))
            }
            _ => {
                let seq = presentation.sequence();
                let i = nav::presentation_index(kompas, seq, loc);
                match nav::presentation_step(seq, i, true) {
                    Some(n) if i + 1 < seq.len() => (nav::position_label(kompas, n), title(n)),
                    Some(n) => (
                        format!("Einde; daarna weer {}", nav::position_label(kompas, n)),
                        title(n),
                    ),
                    None => (String::new(), String::new()),
                }
            }
        };
        // The notes on the element shown and everything under it, in document order.
        let mut list = Vec::new();
        if let Some(f) = loc.focus(kompas) {
            let mut stack = vec![f];
            while let Some(ix) = stack.pop() {
                if list.len() >= PRESENTER_NOTES_MAX {
                    break;
                }
                let el = kompas.element(ix);
                if let Some(text) = notes
                    .get(el.id.as_str())
                    .and_then(crate::ui::slide::room_text)
                {
                    list.push((kompas.short_name(ix), text));
                }
                stack.extend(kompas.children(ix).iter().rev());
            }
        }
        let secs = presentation.started_at.map_or(0.0, |t| (now - t).max(0.0)) as u64;
        Self {
            now: page.map_or_else(|| position.clone(), |p| format!("{position} · {p}")),
            now_title: title(loc),
            next,
            notes: list,
            elapsed: format!("{}:{:02}", secs / 60, secs % 60),
        }
    }
}

/// A name for the screen the window is on, to remember zoom per screen.
pub(super) fn screen_key(ctx: &egui::Context) -> Option<String> {
    ctx.input(|i| i.viewport().monitor_size)
        .map(|s| format!("{}x{}", s.x.round(), s.y.round()))
}

/// Sets egui's zoom to the user's zoom, times the presenting zoom of the view shown
/// (`presenting`: `None` at the desk).
pub(super) fn apply_zoom(ctx: &egui::Context, user_zoom: f32, presenting: Option<&nav::View>) {
    // Presenting scales with the screen: what is 24 px on a 1280-wide projector is 36 px on a
    // 1920-wide one (widths in the screen's own points, so a HiDPI laptop is not counted
    // twice).
    let screen_w = ctx.content_rect().width() * ctx.zoom_factor();
    let room = (screen_w / 1280.0).max(1.0);
    let target = user_zoom
        * match presenting {
            None => 1.0,
            Some(nav::View::Compass) => PRESENT_ZOOM * room,
            Some(_) => PRESENT_PAGE_ZOOM * room,
        };
    if (ctx.zoom_factor() - target).abs() > 1e-4 {
        ctx.set_zoom_factor(target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nav::View;

    #[test]
    fn the_presenter_sees_now_next_the_notes_and_the_time() {
        let kompas = crate::load::load_embedded().unwrap().kompas;
        let mut p = Presentation::new(&kompas);
        p.started_at = Some(10.0);
        let mut notes = crate::notes::NotesFile::default();
        let ix = kompas.get("1.1.1.2").unwrap();
        notes.edit(
            "1.1.1.2",
            &kompas.element(ix).title,
            "Anna",
            crate::notes::Edit::Note("Navragen bij het CJG".into()),
        );
        let seq = p.sequence().to_vec();
        let koers = seq
            .iter()
            .position(|s| s.view == View::Page("1.1".into()))
            .unwrap();
        let info = PresenterInfo::new(&p, &kompas, &seq[koers], &notes, 10.0 + 125.0);
        assert_eq!(info.now, "Koers 1.1 — 1 van 16");
        assert_eq!(
            info.now_title,
            "Meer jeugd groeit op in een veilige omgeving"
        );
        assert!(
            info.next
                .0
                .starts_with("Koerskaart 1.1 — hoofdinspanning 1 van")
        );
        assert_eq!(info.elapsed, "2:05");
        assert_eq!(
            info.notes.len(),
            1,
            "the koers holds the inspanning with the note"
        );
        assert_eq!(info.notes[0].1, "Navragen bij het CJG");
        // The last step says the presentation ends and starts again.
        let last = seq.last().unwrap();
        let info = PresenterInfo::new(&p, &kompas, last, &notes, 0.0);
        assert!(
            info.next.0.starts_with("Einde; daarna weer Einddoel"),
            "{:?}",
            info.next
        );
    }
}
