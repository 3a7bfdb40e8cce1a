//! The app's notes: the store in memory, saving shortly after each change on a background
//! thread (atomically, with a backup), imports that can be undone, and messages for the user.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::notes::{self, Edit, NotesFile};

/// Seconds after the last change before the notes are saved.
pub(super) const SAVE_DELAY_S: f64 = 1.0;

/// A save for the worker: where, what, and a way to report back.
type Job = (PathBuf, Arc<NotesFile>);

/// Serialises and writes notes files off the UI thread, one at a time, always the newest
/// version. It remembers the stamp of what it wrote, so it notices another writer.
struct Saver {
    jobs: Option<Sender<Job>>,
    results: Receiver<Result<notes::Saved, String>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    fn spawn(mut expected: Option<notes::Stamp>) -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("notities-opslaan".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest version matters when saves pile up.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let (path, file) = job;
                    let result = notes::to_text(&file)
                        .and_then(|text| notes::save_text(&path, &text, expected))
                        .map_err(|e| e.to_string());
                    if let Ok(saved) = &result {
                        expected = saved.stamp;
                    }
                    if result_tx.send(result).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Self {
            jobs: Some(jobs),
            results,
            worker: Some(worker),
        })
    }

    /// Lets the worker finish what it was given and waits for it.
    fn finish(&mut self) {
        self.jobs = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// The notes of the open compass.
pub struct NotesState {
    /// The annotations; shared with the saver thread, copied only when edited mid-save.
    file: Arc<NotesFile>,
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
            file: Arc::new(NotesFile::default()),
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
        match notes::open_stamped(&path) {
            Ok((file, outcome, stamp)) => {
                state.file = Arc::new(file);
                state.message = outcome.message();
                state.path = Some(path);
                state.saver = Saver::spawn(stamp);
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

    /// The annotations.
    pub fn file(&self) -> &NotesFile {
        &self.file
    }

    /// The annotations to change; marks them changed at `now`.
    pub fn file_mut(&mut self, now: f64) -> &mut NotesFile {
        self.touch(now);
        Arc::make_mut(&mut self.file)
    }

    /// Applies an edit as `who`; returns true when something changed.
    pub fn edit(&mut self, id: &str, title: &str, who: &str, edit: Edit, now: f64) -> bool {
        // Check first, so an edit that changes nothing does not copy a store the saver holds.
        let unchanged = self.file.get(id).is_some_and(|a| match &edit {
            Edit::Note(n) => &a.note == n,
            Edit::Status(s) => &a.status == s,
            Edit::Priority(p) => &a.priority == p,
            Edit::Years(y) => &a.years == y,
            Edit::Partners(p) => &a.partners == p,
        });
        if unchanged {
            return false;
        }
        let changed = Arc::make_mut(&mut self.file).edit(id, title, who, edit);
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
        if saver
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send((path.clone(), Arc::clone(&self.file))).is_ok())
        {
            self.dirty_since = None;
        }
    }

    /// Saves what is unsaved and waits until it is on disk (on exit, before switching files).
    pub fn save_now(&mut self) {
        if self.dirty_since.is_some() {
            self.save_in_background();
        }
        if let Some(saver) = &mut self.saver {
            saver.finish();
            while let Ok(result) = saver.results.try_recv() {
                if let Err(e) = result {
                    self.message = Some(format!("Opslaan mislukt: {e}"));
                }
            }
        }
        // A finished saver takes no more work; start a fresh one for later changes.
        if self.path.is_some() {
            let stamp = self.path.as_deref().and_then(notes::stamp);
            self.saver = Saver::spawn(stamp);
        }
    }

    /// Remembers the notes as they are before an import called `label`.
    pub fn snapshot(&mut self, label: String) {
        self.undo.push((label, (*self.file).clone()));
        self.undo.truncate(50);
    }

    /// The label of the import that "undo" would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(l, _)| l.as_str())
    }

    /// Reverts the last import; returns its label.
    pub fn undo_import(&mut self, now: f64) -> Option<String> {
        let (label, file) = self.undo.pop()?;
        self.file = Arc::new(file);
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
