//! The app's notes: the store in memory, saving shortly after each change on a background
//! thread (atomically, with a backup), imports that can be undone, and messages for the user.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::notes::{self, Edit, NotesFile};

/// Seconds after the last change before the notes are saved.
pub const SAVE_DELAY_S: f64 = 1.0;

/// Writes notes files off the UI thread, one at a time, always the newest text.
struct Saver {
    jobs: Sender<(PathBuf, String)>,
    results: Receiver<Result<PathBuf, String>>,
}

impl Saver {
    fn spawn() -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<(PathBuf, String)>();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("notities-opslaan".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest text matters when saves pile up.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let (path, text) = job;
                    let result = notes::save_text(&path, &text)
                        .map(|()| path)
                        .map_err(|e| e.to_string());
                    if result_tx.send(result).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Self { jobs, results })
    }
}

/// The notes of the open compass.
pub struct NotesState {
    /// The annotations.
    pub file: NotesFile,
    /// Where they are saved; `None` keeps them in memory only (tests, partner mode).
    pub path: Option<PathBuf>,
    /// When the first unsaved change was made (app time), if any.
    dirty_since: Option<f64>,
    saver: Option<Saver>,
    /// A message for the user (damaged file kept aside, a save that failed).
    pub message: Option<String>,
    /// Snapshots before each import, newest last, for "undo import".
    undo: Vec<(String, NotesFile)>,
    /// Bumped on every change, so views can cache what they derive from the notes.
    pub generation: u64,
}

impl NotesState {
    /// Notes kept in memory only.
    pub fn in_memory() -> Self {
        Self {
            file: NotesFile::default(),
            path: None,
            dirty_since: None,
            saver: None,
            message: None,
            undo: Vec::new(),
            generation: 0,
        }
    }

    /// Opens the notes at `path`; a damaged file is kept aside and reported.
    pub fn open(path: PathBuf) -> Self {
        let mut state = Self::in_memory();
        match notes::open(&path) {
            Ok((file, outcome)) => {
                state.file = file;
                state.message = outcome.message();
                state.path = Some(path);
                state.saver = Saver::spawn();
            }
            Err(e) => {
                // The damaged file could not be moved aside: work in memory, never touch it.
                state.message = Some(format!(
                    "{e}. Notities worden niet opgeslagen tot dit is opgelost."
                ));
            }
        }
        state
    }

    /// Applies an edit as `who`; returns true when something changed.
    pub fn edit(&mut self, id: &str, title: &str, who: &str, edit: Edit, now: f64) -> bool {
        let changed = self.file.edit(id, title, who, edit);
        if changed {
            self.touch(now);
        }
        changed
    }

    /// Marks the notes changed at `now`.
    pub fn touch(&mut self, now: f64) {
        self.generation += 1;
        if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
    }

    /// True when there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some()
    }

    /// Saves when the last change is old enough, and collects results of earlier saves.
    pub fn tick(&mut self, now: f64) {
        if let Some(saver) = &self.saver {
            while let Ok(result) = saver.results.try_recv() {
                match result {
                    Ok(_) => {
                        if self
                            .message
                            .as_deref()
                            .is_some_and(|m| m.starts_with("Opslaan mislukt"))
                        {
                            self.message = None;
                        }
                    }
                    Err(e) => self.message = Some(format!("Opslaan mislukt: {e}")),
                }
            }
        }
        if self.dirty_since.is_some_and(|t| now - t >= SAVE_DELAY_S) {
            self.save_in_background();
        }
    }

    fn save_in_background(&mut self) {
        let (Some(path), Some(saver)) = (&self.path, &self.saver) else {
            self.dirty_since = None;
            return;
        };
        match notes::to_text(&self.file) {
            Ok(text) => {
                if saver.jobs.send((path.clone(), text)).is_ok() {
                    self.dirty_since = None;
                }
            }
            Err(e) => self.message = Some(format!("Opslaan mislukt: {e}")),
        }
    }

    /// Saves now, on this thread (on exit).
    pub fn save_now(&mut self) {
        let Some(path) = &self.path else { return };
        if self.dirty_since.is_none() {
            return;
        }
        match notes::save(path, &self.file) {
            Ok(()) => self.dirty_since = None,
            Err(e) => self.message = Some(format!("Opslaan mislukt: {e}")),
        }
    }

    /// Remembers the notes as they are before an import called `label`.
    pub fn snapshot(&mut self, label: String) {
        self.undo.push((label, self.file.clone()));
        self.undo.truncate(50);
    }

    /// The label of the import that "undo" would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(l, _)| l.as_str())
    }

    /// Reverts the last import; returns its label.
    pub fn undo_import(&mut self, now: f64) -> Option<String> {
        let (label, file) = self.undo.pop()?;
        self.file = file;
        self.touch(now);
        Some(label)
    }

    /// Switches to another notes file (a shared drive), saving the current one first.
    pub fn move_to(&mut self, path: PathBuf) {
        self.save_now();
        *self = Self::open(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_saved_after_a_pause_off_the_ui_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        let mut s = NotesState::open(path.clone());
        assert!(s.edit("1.1", "t", "Anna", Edit::Note("hallo".into()), 10.0));
        s.tick(10.5);
        assert!(s.is_dirty(), "not yet: the pause is one second");
        s.tick(11.1);
        assert!(!s.is_dirty());
        // The worker writes; wait for its result.
        for _ in 0..200 {
            if path.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let (back, _) = notes::open(&path).unwrap();
        assert_eq!(back.get("1.1").unwrap().note, "hallo");
    }

    #[test]
    fn imports_can_be_undone() {
        let mut s = NotesState::in_memory();
        s.edit("1.1", "t", "Anna", Edit::Note("voor".into()), 0.0);
        s.snapshot("welzijn.ron".into());
        s.edit("1.1", "t", "Anna", Edit::Note("na".into()), 1.0);
        assert_eq!(s.undo_label(), Some("welzijn.ron"));
        assert_eq!(s.undo_import(2.0).as_deref(), Some("welzijn.ron"));
        assert_eq!(s.file.get("1.1").unwrap().note, "voor");
        assert!(s.undo_import(3.0).is_none());
    }
}
