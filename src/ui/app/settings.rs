//! What survives a restart: the user's settings, stored by eframe (`#[serde(default)]`, so an
//! older save keeps loading when fields are added).

use serde::{Deserialize, Serialize};

use crate::model::Kompas;
use crate::nav::Location;
use crate::ui::theme::ThemeKind;

/// Key under which [`Settings`] are stored by eframe.
pub const SETTINGS_KEY: &str = "kompas-instellingen";

/// State that survives a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colour theme.
    pub theme: ThemeKind,
    /// Animate view changes.
    pub animations: bool,
    /// Show the outline panel.
    pub outline: bool,
    /// Show the begrippenlijst panel.
    pub glossary: bool,
    /// The user's name, recorded with every change to a note.
    pub user_name: String,
    /// Notes files chosen by the user, per compass (keyed by its title).
    pub notes_files: Vec<(String, std::path::PathBuf)>,
    /// The folder for the notes of every compass without a file of its own (a shared drive);
    /// else the user's data folder.
    pub notes_dir: Option<std::path::PathBuf>,
    /// Before per-compass notes files: one file for every compass. Read once and moved into
    /// [`Self::notes_files`] for the compass last used (see [`Self::migrate`]).
    #[serde(skip_serializing)]
    pub notes_path: Option<std::path::PathBuf>,
    /// The last location per compass (keyed by compass title), restored on start.
    pub last_location: Vec<(String, Location)>,
    /// Show notes and assignments while presenting (they may not be for the room).
    pub notes_when_presenting: bool,
    /// While presenting, a presenter window for the facilitator's own screen (now, next,
    /// notes, time); the room's window stays as it is.
    pub presenter_window: bool,
    /// Zoom per screen (keyed by its size).
    pub zoom: Vec<(String, f32)>,
    /// Compasses opened recently, newest first.
    pub recent: Vec<crate::ui::open_window::Recent>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeKind::default(),
            animations: true,
            outline: false,
            glossary: false,
            user_name: String::new(),
            notes_files: Vec::new(),
            notes_dir: None,
            notes_path: None,
            last_location: Vec::new(),
            notes_when_presenting: false,
            presenter_window: false,
            zoom: Vec::new(),
            recent: Vec::new(),
        }
    }
}

impl Settings {
    /// Where to start in `kompas`: the last place the user was in it, if it still exists.
    pub fn start_for(&self, kompas: &Kompas) -> Location {
        self.last_location
            .iter()
            .find(|(t, _)| *t == kompas.meta.title)
            .map(|(_, l)| l)
            .filter(|l| l.is_valid_in(kompas))
            .cloned()
            .unwrap_or_default()
    }

    /// Settings saved by an older version, brought up to date: a single notes file for every
    /// compass becomes the file of the compass used last (the one it was chosen for).
    pub fn migrate(mut self) -> Self {
        if let Some(path) = self.notes_path.take()
            && let Some((title, _)) = self.last_location.first()
            && !self.notes_files.iter().any(|(t, _)| t == title)
        {
            self.notes_files.push((title.clone(), path));
        }
        self
    }

    /// Where the notes of `kompas` are kept: the file chosen for it, else its file in the
    /// chosen notes folder, else in the user's data folder.
    pub fn notes_path_for(&self, kompas: &Kompas) -> Option<std::path::PathBuf> {
        let title = &kompas.meta.title;
        if let Some((_, path)) = self.notes_files.iter().find(|(t, _)| t == title) {
            return Some(path.clone());
        }
        match &self.notes_dir {
            Some(dir) => Some(dir.join(crate::notes::file_name_for(title))),
            None => crate::notes::default_path(title),
        }
    }

    /// Keeps the notes of the compass called `title` in `path` from now on.
    pub fn set_notes_file(&mut self, title: &str, path: std::path::PathBuf) {
        self.notes_files.retain(|(t, _)| t != title);
        self.notes_files.push((title.to_owned(), path));
    }

    /// The zoom remembered for `screen`.
    pub fn zoom_for(&self, screen: &str) -> f32 {
        self.zoom
            .iter()
            .find(|(s, _)| s == screen)
            .map_or(1.0, |(_, z)| *z)
    }

    /// Remembers the zoom for `screen` (the last ten screens).
    pub fn remember_zoom(&mut self, screen: &str, zoom: f32) {
        self.zoom.retain(|(s, _)| s != screen);
        self.zoom.push((screen.to_owned(), zoom));
        self.zoom.truncate(10);
    }

    /// Remembers where the user is in the compass called `title` (the last twenty).
    pub fn remember(&mut self, title: &str, loc: Location) {
        self.last_location.retain(|(t, _)| t != title);
        self.last_location.insert(0, (title.to_owned(), loc));
        self.last_location.truncate(20);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notes_file_chosen_for_one_compass_stays_with_it() {
        let sk = crate::load::load_embedded().unwrap().kompas;
        let mut other = sk.clone();
        other.meta.title = "Ander kompas".into();
        let mut s = Settings::default();
        s.set_notes_file(&sk.meta.title, "/gedeeld/sk.ron".into());
        assert_eq!(s.notes_path_for(&sk), Some("/gedeeld/sk.ron".into()));
        assert_ne!(s.notes_path_for(&other), Some("/gedeeld/sk.ron".into()));
        s.notes_dir = Some("/gedeeld".into());
        assert_eq!(
            s.notes_path_for(&other),
            Some("/gedeeld/notities-ander-kompas.ron".into())
        );
    }

    #[test]
    fn the_old_single_notes_file_moves_to_the_compass_used_last() {
        let old = r#"(notes_path: Some("/gedeeld/n.ron"), last_location: [("Sociaal Kompas 2017-2020", (view: Compass))])"#;
        let s: Settings = ron::from_str::<Settings>(old).unwrap().migrate();
        assert_eq!(
            s.notes_files,
            [(
                "Sociaal Kompas 2017-2020".to_owned(),
                "/gedeeld/n.ron".into()
            )]
        );
        assert_eq!(s.notes_path, None);
    }

    #[test]
    fn themes_saved_under_their_old_dutch_names_keep_loading() {
        for (old, kind) in [
            ("Licht", ThemeKind::Light),
            ("Donker", ThemeKind::Dark),
            ("HoogContrast", ThemeKind::HighContrast),
        ] {
            let s: Settings = ron::from_str(&format!("(theme: {old})")).unwrap();
            assert_eq!(s.theme, kind, "{old}");
        }
    }
}
