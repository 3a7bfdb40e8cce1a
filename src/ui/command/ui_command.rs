//! The commands a user gives from a button, a menu or a key: one enum owns each command's
//! text, tooltip and shortcuts (as rerun's `UICommand` does), so buttons, menus, tooltips,
//! keyboard handling and the README's key tables are made from one list and cannot drift
//! apart (a test compares the README with [`key_table`]).

use egui::{Key, KeyboardShortcut, Modifiers};

/// When a command's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// At the desk (not while presenting).
    Desk,
    /// While presenting.
    Presenting,
    /// Always.
    Always,
}

/// A command the user can give; see [`UiCommand::text`] and [`UiCommand::shortcuts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// To the compass.
    Home,
    /// Back in the history.
    Back,
    /// Forward in the history.
    Forward,
    /// One level up.
    Up,
    /// The previous element at the same level ("vorige koers").
    PreviousSibling,
    /// The next element at the same level.
    NextSibling,
    /// Into the search field.
    FocusSearch,
    /// Focus to the detail panel's heading, and back to the view.
    FocusDetails,
    /// The "Kompas openen" window.
    ShowOpenWindow,
    /// The notes window.
    ShowNotesWindow,
    /// The Voortgang window.
    ShowVoortgang,
    /// Progress per year on the compass on or off.
    ToggleVoortgang,
    /// The first page of "Over het kompas".
    ShowAbout,
    /// The "Exporteer als afbeelding" window.
    ShowImageExport,
    /// The "Presentatie exporteren" window (every slide and the handout).
    ShowPresentationExport,
    /// The "Publiceer als website" window.
    ShowPublish,
    /// The outline panel on or off.
    ToggleOutline,
    /// The begrippenlijst on or off.
    ToggleGlossary,
    /// Presenting on or off.
    TogglePresenting,
    /// Full screen on or off.
    ToggleFullscreen,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Zoom back to 100%.
    ZoomReset,
    /// Presenting: the next step.
    NextStep,
    /// Presenting: the previous step.
    PreviousStep,
    /// Presenting: back to the first step.
    FirstStep,
    /// Presenting: stop presenting.
    StopPresenting,
    /// Presenting: show or hide the notes.
    ToggleNotesWhenPresenting,
    /// Presenting: the presenter window on or off.
    TogglePresenterWindow,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

impl UiCommand {
    /// Every command, in the order the README lists them.
    pub const ALL: [Self; 29] = [
        Self::Home,
        Self::Back,
        Self::Forward,
        Self::Up,
        Self::PreviousSibling,
        Self::NextSibling,
        Self::FocusSearch,
        Self::FocusDetails,
        Self::ShowOpenWindow,
        Self::ShowNotesWindow,
        Self::ShowVoortgang,
        Self::ToggleVoortgang,
        Self::ShowAbout,
        Self::ShowImageExport,
        Self::ShowPresentationExport,
        Self::ShowPublish,
        Self::ToggleOutline,
        Self::ToggleGlossary,
        Self::TogglePresenting,
        Self::ToggleFullscreen,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::NextStep,
        Self::PreviousStep,
        Self::FirstStep,
        Self::StopPresenting,
        Self::ToggleNotesWhenPresenting,
        Self::TogglePresenterWindow,
    ];

    /// The words on a button or menu entry.
    pub fn text(self) -> &'static str {
        match self {
            Self::Home => "⌂ Home",
            Self::Back => "← Terug",
            Self::Forward => "Vooruit →",
            Self::Up => "Een niveau omhoog",
            Self::PreviousSibling => "◀ Vorige",
            Self::NextSibling => "Volgende ▶",
            Self::FocusSearch => "Zoeken",
            Self::FocusDetails => "Naar de details",
            Self::ShowOpenWindow => "Openen…",
            Self::ShowNotesWindow => "Notities",
            Self::ShowVoortgang => "Voortgang",
            Self::ToggleVoortgang => "Voortgang op het kompas",
            Self::ShowAbout => "Over het kompas",
            Self::ShowImageExport => "Exporteer als afbeelding…",
            Self::ShowPresentationExport => "Presentatie exporteren…",
            Self::ShowPublish => "Publiceer als website…",
            Self::ToggleOutline => "☰ Overzicht",
            Self::ToggleGlossary => "Begrippen",
            Self::TogglePresenting => "Presenteren",
            Self::ToggleFullscreen => "Volledig scherm",
            Self::ZoomIn => "Groter",
            Self::ZoomOut => "Kleiner",
            Self::ZoomReset => "Ware grootte",
            Self::NextStep => "Volgende stap",
            Self::PreviousStep => "Vorige stap",
            Self::FirstStep => "Eerste stap",
            Self::StopPresenting => "Stoppen met presenteren",
            Self::ToggleNotesWhenPresenting => "Notities tonen of verbergen",
            Self::TogglePresenterWindow => "Presentatorvenster",
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Home => "Naar het kompas",
            Self::Back => "Terug naar waar u was",
            Self::Forward => "Weer vooruit",
            Self::Up => "Een niveau omhoog; de focus gaat terug naar waar u vandaan kwam",
            Self::PreviousSibling => "Het vorige onderdeel op hetzelfde niveau",
            Self::NextSibling => "Het volgende onderdeel op hetzelfde niveau",
            Self::FocusSearch => "Zoeken in titels, teksten, begrippen en notities",
            Self::FocusDetails => {
                "De focus naar het detailpaneel (de selectie en haar notitie); nog eens terug naar de weergave"
            }
            Self::ShowOpenWindow => "Een ander kompas of een mindmap openen",
            Self::ShowNotesWindow => "Notities, partners en reacties",
            Self::ShowVoortgang => {
                "Voortgang per jaar: tabel, wat is veranderd, spreadsheet inlezen, indicatoren, jaarverslag"
            }
            Self::ToggleVoortgang => {
                "Toon of verberg per onderdeel het aandeel afgerond in het gekozen jaar"
            }
            Self::ShowAbout => "Inleiding, handleiding, trends en bijlagen",
            Self::ShowImageExport => "De huidige weergave als PNG-afbeelding bewaren",
            Self::ShowPresentationExport => {
                "Elke stap van de presentatie als dia (PNG) en samen als hand-out (PDF)"
            }
            Self::ShowPublish => {
                "Het kompas als website zonder server: voor de site van de gemeente of vanaf schijf"
            }
            Self::ToggleOutline => "De hele boom als inklapbare lijst",
            Self::ToggleGlossary => "De begrippenlijst naast elke weergave",
            Self::TogglePresenting => "Presenteren: grote letters, alleen de weergave, stappen",
            Self::ToggleFullscreen => "Het venster schermvullend",
            Self::ZoomIn => "Alles groter (per scherm onthouden)",
            Self::ZoomOut => "Alles kleiner (per scherm onthouden)",
            Self::ZoomReset => "Terug naar 100%",
            Self::NextStep => "Presenteren: de volgende stap (wat een presentatieklikker stuurt)",
            Self::PreviousStep => "Presenteren: de vorige stap",
            Self::FirstStep => "Presenteren: terug naar het kompas",
            Self::StopPresenting => "Presenteren: stoppen, terug naar het bureau",
            Self::TogglePresenterWindow => {
                "Presenteren: een venster voor uw eigen scherm met nu, straks, notities en tijd"
            }
            Self::ToggleNotesWhenPresenting => {
                "Presenteren: notities tonen of verbergen (standaard verborgen)"
            }
        }
    }

    /// The keys that give the command; the first is the one tooltips name.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::Home | Self::FirstStep => const { &[key(Key::Home)] },
            Self::Back => const { &[alt(Key::ArrowLeft)] },
            Self::Forward => const { &[alt(Key::ArrowRight)] },
            Self::Up => const { &[key(Key::Escape), key(Key::Backspace)] },
            Self::PreviousSibling => const { &[key(Key::PageUp)] },
            Self::NextSibling => const { &[key(Key::PageDown)] },
            Self::FocusSearch => const { &[ctrl(Key::F), key(Key::Slash)] },
            Self::ShowOpenWindow => const { &[ctrl(Key::O)] },
            Self::FocusDetails => const { &[key(Key::F6)] },
            Self::ShowAbout => const { &[key(Key::F1)] },
            Self::TogglePresenting => const { &[key(Key::F5)] },
            Self::ToggleFullscreen => const { &[key(Key::F11)] },
            Self::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Self::ZoomOut => const { &[ctrl(Key::Minus)] },
            Self::ZoomReset => const { &[ctrl(Key::Num0)] },
            Self::NextStep => {
                const {
                    &[
                        key(Key::ArrowRight),
                        key(Key::ArrowDown),
                        key(Key::PageDown),
                        key(Key::Space),
                    ]
                }
            }
            Self::PreviousStep => {
                const { &[key(Key::ArrowLeft), key(Key::ArrowUp), key(Key::PageUp)] }
            }
            Self::StopPresenting => const { &[key(Key::Escape)] },
            Self::ToggleNotesWhenPresenting => const { &[key(Key::N)] },
            Self::ToggleVoortgang => const { &[key(Key::V)] },
            Self::TogglePresenterWindow => const { &[key(Key::P)] },
            Self::ShowNotesWindow
            | Self::ShowVoortgang
            | Self::ShowImageExport
            | Self::ShowPresentationExport
            | Self::ShowPublish
            | Self::ToggleOutline
            | Self::ToggleGlossary => &[],
        }
    }

    /// When the command's keys work.
    pub fn scope(self) -> Scope {
        match self {
            Self::Home
            | Self::Back
            | Self::Forward
            | Self::Up
            | Self::PreviousSibling
            | Self::NextSibling
            | Self::FocusSearch
            | Self::FocusDetails
            | Self::ShowOpenWindow
            | Self::ShowNotesWindow
            | Self::ShowVoortgang
            | Self::ShowAbout
            | Self::ShowImageExport
            | Self::ShowPresentationExport
            | Self::ShowPublish
            | Self::ToggleOutline
            | Self::ToggleGlossary => Scope::Desk,
            Self::TogglePresenting
            | Self::ToggleFullscreen
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset => Scope::Always,
            Self::NextStep
            | Self::PreviousStep
            | Self::FirstStep
            | Self::StopPresenting
            | Self::ToggleNotesWhenPresenting
            | Self::ToggleVoortgang
            | Self::TogglePresenterWindow => Scope::Presenting,
        }
    }

    /// The keys as people write them: "Ctrl+F of /".
    pub fn keys_text(self) -> String {
        self.shortcuts()
            .iter()
            .map(shortcut_text)
            .collect::<Vec<_>>()
            .join(" of ")
    }

    /// The tooltip with the first key: "Terug naar waar u was (Alt+←)".
    pub fn tooltip_with_keys(self) -> String {
        match self.shortcuts().first() {
            Some(s) => format!("{} ({})", self.tooltip(), shortcut_text(s)),
            None => self.tooltip().to_owned(),
        }
    }

    /// Whether the command's keys act while a text field has focus: only combinations with
    /// Ctrl (Cmd) and function keys do, so typing a "/" or pressing Home in a field stays
    /// typing.
    pub fn works_while_typing(shortcut: &KeyboardShortcut) -> bool {
        shortcut.modifiers.command
            || shortcut.modifiers.ctrl
            || matches!(shortcut.logical_key, Key::F5 | Key::F11)
    }
}

/// One key combination as people write it: "Ctrl+F", "Alt+←", "PageDown".
pub fn shortcut_text(s: &KeyboardShortcut) -> String {
    let mut out = String::new();
    if s.modifiers.command || s.modifiers.ctrl {
        out.push_str("Ctrl+");
    }
    if s.modifiers.alt {
        out.push_str("Alt+");
    }
    if s.modifiers.shift {
        out.push_str("Shift+");
    }
    out.push_str(key_name(s.logical_key));
    out
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Space => "Spatie",
        Key::Minus => "−",
        other => other.symbol_or_name(),
    }
}

/// Keys that belong to a widget rather than to a command, for the README's table.
pub const WIDGET_KEYS: [(&str, &str); 5] = [
    ("Tab / Shift+Tab", "volgende / vorige vorm, kaart of regel"),
    (
        "← → / ↑ ↓ op het kompas",
        "rond de ring / naar binnen en naar buiten",
    ),
    ("Enter of Spatie", "openen / kiezen"),
    (
        "↑ ↓ Enter Escape in het zoekveld",
        "door de resultaten, openen, sluiten",
    ),
    (
        "muisknop terug / vooruit",
        "terug / vooruit in de geschiedenis",
    ),
];

/// Keys while presenting that are not a single command, for the README's table.
pub const PRESENTING_EXTRA_KEYS: [(&str, &str); 1] =
    [("1 … 9", "naar dat hoofddoel (in de spotlight)")];

/// The README's key table for `scope` (desk: its commands and the widget keys; presenting:
/// its commands and the extra keys), as Markdown.
pub fn key_table(scope: Scope) -> String {
    let mut out = String::from("| toets | opdracht | wat het doet |\n|---|---|---|\n");
    let rows = UiCommand::ALL
        .into_iter()
        .filter(|c| !c.shortcuts().is_empty())
        .filter(|c| match scope {
            Scope::Desk => matches!(c.scope(), Scope::Desk | Scope::Always),
            Scope::Presenting => c.scope() == Scope::Presenting,
            Scope::Always => c.scope() == Scope::Always,
        })
        .map(|c| (c.keys_text(), c.text().to_owned(), c.tooltip().to_owned()));
    let extra: &[(&str, &str)] = match scope {
        Scope::Desk => &WIDGET_KEYS,
        Scope::Presenting => &PRESENTING_EXTRA_KEYS,
        Scope::Always => &[],
    };
    let extra = extra
        .iter()
        .map(|(k, d)| ((*k).to_owned(), String::new(), (*d).to_owned()));
    for (keys, text, does) in rows.chain(extra) {
        out.push_str(&format!("| {keys} | {text} | {does} |\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        for scope in [Scope::Desk, Scope::Presenting] {
            let mut seen: Vec<(KeyboardShortcut, UiCommand)> = Vec::new();
            for c in UiCommand::ALL {
                let active = c.scope() == scope || c.scope() == Scope::Always;
                for s in c.shortcuts().iter().filter(|_| active) {
                    if let Some((_, other)) = seen.iter().find(|(k, _)| k == s) {
                        panic!("{} is {other:?} and {c:?}", shortcut_text(s));
                    }
                    seen.push((*s, c));
                }
            }
        }
    }

    /// The README's key tables stand between `<!-- toetsen:NAAM -->` and `<!-- /toetsen -->`;
    /// `KOMPAS_README_BIJWERKEN=1 cargo test` writes them from the commands.
    #[test]
    fn the_readme_lists_every_key_as_the_commands_define_it() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let mut readme = std::fs::read_to_string(path).unwrap();
        let update = std::env::var_os("KOMPAS_README_BIJWERKEN").is_some();
        for (name, scope) in [("bureau", Scope::Desk), ("presenteren", Scope::Presenting)] {
            let open = format!("<!-- toetsen:{name} -->\n");
            let close = "<!-- /toetsen -->";
            let start = readme.find(&open).expect("README has the marker") + open.len();
            let end = start
                + readme[start..]
                    .find(close)
                    .expect("README closes the table");
            let table = key_table(scope);
            if update {
                readme.replace_range(start..end, &table);
            } else {
                assert_eq!(
                    readme[start..end],
                    table,
                    "README.md's {name} table differs from UiCommand; run \
                     KOMPAS_README_BIJWERKEN=1 cargo test --lib readme"
                );
            }
        }
        if update {
            std::fs::write(path, readme).unwrap();
        }
    }

    #[test]
    fn tooltips_name_the_first_key() {
        assert_eq!(
            UiCommand::Back.tooltip_with_keys(),
            "Terug naar waar u was (Alt+←)"
        );
        assert_eq!(UiCommand::FocusSearch.keys_text(), "Ctrl+F of /");
        assert_eq!(
            UiCommand::ShowNotesWindow.tooltip_with_keys(),
            UiCommand::ShowNotesWindow.tooltip()
        );
    }
}
