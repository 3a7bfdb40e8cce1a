//! Keys and zoom: each key press becomes the [`UiCommand`] that owns it (in the scope of the
//! moment: at the desk or presenting), the search field's own keys, and zoom per screen.

use egui::{Event, Key, Modifiers, PointerButton};

use crate::ui::app::KompasApp;
use crate::ui::app::settings::Settings;
use crate::ui::command::{Command, Scope, UiCommand};

/// The user's zoom and the screen it belongs to.
#[derive(Debug)]
pub(super) struct Zoom {
    /// The user's zoom on the current screen (1.0 is normal).
    pub user: f32,
    /// The screen the zoom belongs to.
    screen: Option<String>,
}

impl Default for Zoom {
    fn default() -> Self {
        Self {
            user: 1.0,
            screen: None,
        }
    }
}

impl Zoom {
    /// Sets the zoom (within [`crate::ui::presentation::ZOOM_RANGE`]) and remembers it for
    /// this screen.
    pub(super) fn set(&mut self, zoom: f32, settings: &mut Settings) {
        let (lo, hi) = crate::ui::presentation::ZOOM_RANGE;
        self.user = zoom.clamp(lo, hi);
        if let Some(screen) = &self.screen {
            settings.remember_zoom(screen, self.user);
        }
    }

    /// Restores the zoom when the window is on another screen, takes Ctrl+scroll, and sets
    /// egui's zoom (larger while presenting).
    pub(super) fn update(
        &mut self,
        ctx: &egui::Context,
        settings: &mut Settings,
        presenting: Option<&crate::nav::View>,
    ) {
        let screen = crate::ui::presentation::screen_key(ctx);
        if screen != self.screen {
            self.user = screen.as_deref().map_or(1.0, |s| settings.zoom_for(s));
            self.screen = screen;
        }
        let scrolled = ctx.input(|i| {
            if i.modifiers.command {
                i.zoom_delta()
            } else {
                1.0
            }
        });
        if (scrolled - 1.0).abs() > 1e-4 {
            self.set(self.user * scrolled, settings);
        }
        crate::ui::presentation::apply_zoom(ctx, self.user, presenting);
    }
}

impl KompasApp {
    /// Turns this frame's key presses into commands. Keys used here are taken from the input,
    /// so no widget acts on them too.
    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        // A dialog owns the keys while it is open: Escape closes it, not the view behind.
        if ctx.memory(|m| m.top_modal_layer().is_some()) {
            return;
        }
        let presenting = self.session.presentation.active;
        // While results are shown, Escape closes them and the arrows move through them.
        if !presenting && self.session.search.is_active() {
            let in_field = ctx.memory(|m| m.has_focus(super::chrome::search_id()));
            let (esc, down, up) = ctx.input_mut(|i| {
                (
                    i.consume_key(Modifiers::NONE, Key::Escape),
                    in_field && i.consume_key(Modifiers::NONE, Key::ArrowDown),
                    in_field && i.consume_key(Modifiers::NONE, Key::ArrowUp),
                )
            });
            if esc {
                self.session.search.clear();
                ctx.memory_mut(|m| m.surrender_focus(super::chrome::search_id()));
                return;
            }
            if down || up {
                self.session.search.move_cursor(down);
                self.session.scroll_to_cursor = true;
            }
        }
        let typing = ctx.text_edit_focused();
        // Escape belongs to an open popup (a combo box, a menu) first.
        let popup_open = egui::Popup::is_any_open(ctx);
        for command in UiCommand::ALL {
            let active = match command.scope() {
                Scope::Always => true,
                Scope::Desk => !presenting,
                Scope::Presenting => presenting,
            };
            if !active {
                continue;
            }
            let pressed = command.shortcuts().iter().any(|s| {
                if typing && !UiCommand::works_while_typing(s) {
                    return false;
                }
                if popup_open && s.logical_key == Key::Escape {
                    return false;
                }
                ctx.input_mut(|i| i.consume_shortcut(s))
            });
            if pressed {
                if command == UiCommand::FocusSearch {
                    // The "/" must not land in the field it opens.
                    ctx.input_mut(|i| {
                        i.events
                            .retain(|e| !matches!(e, Event::Text(t) if t == "/"));
                    });
                }
                self.commands.push(command);
            }
        }
        if !presenting && !typing {
            let (back, forward) = ctx.input(|i| {
                (
                    i.pointer.button_pressed(PointerButton::Extra1),
                    i.pointer.button_pressed(PointerButton::Extra2),
                )
            });
            if back {
                self.commands.push(UiCommand::Back);
            }
            if forward {
                self.commands.push(UiCommand::Forward);
            }
        }
        if presenting && !typing {
            self.sector_keys(ctx);
        }
    }

    /// Presenting: a number key jumps to that sector.
    fn sector_keys(&mut self, ctx: &egui::Context) {
        const DIGITS: [Key; 9] = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        for (n, key) in DIGITS.into_iter().enumerate() {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                self.commands.push(Command::JumpToSector(n));
            }
        }
        // The digits also arrive as text; they must not land anywhere.
        ctx.input_mut(|i| {
            i.events
                .retain(|e| !matches!(e, Event::Text(t) if t.chars().all(|c| c.is_ascii_digit())));
        });
    }
}

/// egui moves focus at most once per frame, so of two Tabs (or arrows) that arrive in the same
/// frame one is lost: a screen-reader user pressing Tab quickly ends one stop short. Keeps the
/// first focus move in `events` and holds back everything from the second on (in order) in
/// `held`, which goes first into the next frame.
pub(super) fn one_focus_move_per_frame(held: &mut Vec<Event>, events: &mut Vec<Event>) {
    let mut all = std::mem::take(held);
    all.append(events);
    let mut moved = false;
    for event in all {
        let moves = matches!(
            event,
            Event::Key {
                key: Key::Tab | Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight,
                pressed: true,
                ..
            }
        );
        if !held.is_empty() || (moves && moved) {
            held.push(event);
        } else {
            moved |= moves;
            events.push(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tab() -> Event {
        Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn ten_tabs_in_one_frame_take_ten_frames() {
        let mut held = Vec::new();
        let mut frames = 0;
        let mut events: Vec<Event> = std::iter::repeat_with(tab).take(10).collect();
        events.insert(1, Event::Text("x".into()));
        loop {
            one_focus_move_per_frame(&mut held, &mut events);
            let tabs = events.iter().filter(|e| **e == tab()).count();
            assert!(tabs <= 1, "one move per frame");
            frames += 1;
            events.clear();
            if held.is_empty() {
                break;
            }
        }
        assert_eq!(frames, 10);
        // Order is kept: the text typed after the first Tab stays in its frame.
        let mut events = vec![tab(), Event::Text("x".into()), tab()];
        one_focus_move_per_frame(&mut held, &mut events);
        assert_eq!(events, vec![tab(), Event::Text("x".into())]);
        assert_eq!(held, vec![tab()]);
    }
}
