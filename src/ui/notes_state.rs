//! The app's notes: the store in memory, saving shortly after each change on a background
//! thread (atomically, with a backup), imports that can be undone, and messages for the user.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::notes::{self, Edit, NotesFile};

/// Seconds after the last change before the notes are saved.
pub(super) const SAVE_DELAY_S: f64 = 1.0;

/// Work for the saver thread.
enum Job {
    /// Save this version; the file on disk is expected to be as `expected` says.
    Save(PathBuf, Arc<NotesFile>, Option<notes::Stamp>),
    /// Look whether someone else wrote the file since `expected`.
    Check(PathBuf, Option<notes::Stamp>),
}

/// What the saver reports back.
enum Outcome {
    /// Written.
    Saved(Arc<NotesFile>, notes::Saved),
    /// A colleague's version is on disk (nothing was written): merge it, then save again.
    Theirs(Box<NotesFile>, Option<notes::Stamp>),
    /// Nothing changed on disk.
    Unchanged,
    /// Saving failed; the file on disk is intact.
    Failed(String),
}

/// Serialises and writes notes files off the UI thread, one at a time, always the newest
/// version, under the lock beside the file. It never overwrites a version it has not seen:
/// when someone else wrote the file, it hands theirs back for merging.
struct Saver {
    jobs: Option<Sender<Job>>,
    results: Receiver<Outcome>,
    worker: Option<std::thread::JoinHandle<()>>,
}

/// Runs one job, holding the lock for its read and write.
fn run(job: Job) -> Outcome {
    let (path, expected) = match &job {
        Job::Save(path, _, expected) | Job::Check(path, expected) => (path, *expected),
    };
    // Where no lock file can be made (a read-only share), the stamp check below still
    // notices another writer.
    let _lock = crate::fsio::Lock::acquire(path).ok();
    let current = notes::stamp(path);
    if current.is_some() && current != expected {
        match notes::open_read_only(path) {
            Ok(disk) => return Outcome::Theirs(Box::new(disk), current),
            // Not a good notes file: saving keeps it aside (damaged) and writes ours.
            Err(_) if matches!(job, Job::Save(..)) => {}
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    }
    match job {
        Job::Check(..) => Outcome::Unchanged,
        Job::Save(path, file, expected) => {
            match notes::to_text(&file).and_then(|text| notes::save_text(&path, &text, expected)) {
                Ok(saved) => Outcome::Saved(file, saved),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
    }
}

impl Saver {
    fn spawn() -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("notities-opslaan".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest save matters when saves pile up.
                    while let Ok(newer) = job_rx.try_recv() {
                        if matches!(newer, Job::Save(..)) || matches!(job, Job::Check(..)) {
                            job = newer;
                        }
                    }
                    if result_tx.send(run(job)).is_err() {
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

    fn send(&self, job: Job) -> bool {
        self.jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok())
    }

    /// Lets the worker finish what it was given and waits for it.
    fn finish(&mut self) {
        self.jobs = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// Seconds between looks at whether a colleague wrote the notes file.
const CHECK_EVERY_S: f64 = 5.0;

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
    /// The version last read from or written to disk: the base for merging a colleague's.
    base: Arc<NotesFile>,
    /// The stamp of the file as last read or written.
    synced: Option<notes::Stamp>,
    /// A save is on its way to the worker.
    in_flight: bool,
    /// When the file was last looked at for a colleague's changes (app time).
    checked_at: f64,
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
            base: Arc::new(NotesFile::default()),
            synced: None,
            in_flight: false,
            checked_at: f64::NEG_INFINITY,
        }
    }

    /// Opens the notes at `path`; a damaged file is kept aside and reported.
    pub fn open(path: PathBuf) -> Self {
        let mut state = Self::in_memory();
        match notes::open_stamped(&path) {
            Ok((file, outcome, stamp)) => {
                state.file = Arc::new(file);
                state.base = Arc::clone(&state.file);
                state.synced = stamp;
                state.message = outcome.message();
                state.path = Some(path);
                state.saver = Saver::spawn();
            }
            Err(e) => {
                // Refused (unreadable, newer, foreign) or damaged and stuck: work in memory and
                // never touch the file.
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
            Edit::Jaar(y, e) => {
                let mut r = a.voortgang.get(y).cloned().unwrap_or_default();
                e.clone().apply(&mut r);
                a.voortgang.get(y).unwrap_or(&notes::YearRecord::default()) == &r
            }
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

    /// Saves when the last change is old enough, looks now and then whether a colleague
    /// wrote the file, and takes in what the saver reports.
    pub fn tick(&mut self, now: f64) {
        let outcomes: Vec<Outcome> = self
            .saver
            .as_ref()
            .map(|s| s.results.try_iter().collect())
            .unwrap_or_default();
        for outcome in outcomes {
            self.take(outcome, now);
        }
        if self.dirty_since.is_some_and(|t| now - t >= SAVE_DELAY_S) && !self.in_flight {
            self.save_in_background();
        } else if self.dirty_since.is_none()
            && !self.in_flight
            && now - self.checked_at >= CHECK_EVERY_S
        {
            self.checked_at = now;
            if let (Some(path), Some(saver)) = (&self.path, &self.saver) {
                saver.send(Job::Check(path.clone(), self.synced));
            }
        }
    }

    /// Takes in one report of the saver.
    fn take(&mut self, outcome: Outcome, now: f64) {
        match outcome {
            Outcome::Saved(file, saved) => {
                self.in_flight = false;
                self.base = file;
                self.synced = saved.stamp;
                if self
                    .message
                    .as_deref()
                    .is_some_and(|m| m.starts_with("Opslaan mislukt"))
                {
                    self.message = None;
                }
                if let Some(kept) = saved.kept_aside {
                    self.message = Some(format!(
                        "Het notitiebestand was geen goed notitiebestand meer; het is bewaard als {} en uw notities zijn opgeslagen.",
                        kept.display()
                    ));
                }
            }
            Outcome::Theirs(disk, stamp) => {
                self.in_flight = false;
                let (merged, conflicts) = notes::merge(&self.base, &self.file, &disk);
                let unchanged = merged == *self.file;
                let needs_save = merged != *disk;
                self.file = Arc::new(merged);
                self.base = Arc::new(*disk);
                self.synced = stamp;
                if !unchanged {
                    self.generation += 1;
                    self.message = Some(colleague_notice(&conflicts));
                }
                if needs_save {
                    // Ours merged into theirs still has to be written.
                    self.dirty_since.get_or_insert(now);
                }
            }
            Outcome::Unchanged => {}
            Outcome::Failed(e) => {
                self.in_flight = false;
                self.message = Some(format!("Opslaan mislukt: {e}"));
                // Try again after the next pause rather than losing the change.
                self.dirty_since.get_or_insert(now);
            }
        }
    }

    fn save_in_background(&mut self) {
        let (Some(path), Some(saver)) = (&self.path, &self.saver) else {
            self.dirty_since = None;
            return;
        };
        if saver.send(Job::Save(path.clone(), Arc::clone(&self.file), self.synced)) {
            self.dirty_since = None;
            self.in_flight = true;
        }
    }

    /// Saves what is unsaved and waits until it is on disk (on exit, before switching files).
    /// A colleague's version found on the way is merged and saved too.
    pub fn save_now(&mut self) {
        for _ in 0..3 {
            if self.dirty_since.is_none() && !self.in_flight {
                break;
            }
            if self.dirty_since.is_some() && !self.in_flight {
                self.save_in_background();
            }
            let Some(saver) = &mut self.saver else { break };
            saver.finish();
            let outcomes: Vec<Outcome> = saver.results.try_iter().collect();
            self.saver = self.path.as_ref().and_then(|_| Saver::spawn());
            self.in_flight = false;
            for outcome in outcomes {
                self.take(outcome, 0.0);
            }
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

/// What the user is told when a colleague's version was merged in.
fn colleague_notice(conflicts: &[notes::MergeNote]) -> String {
    let mut text =
        "Een collega heeft de notities intussen ook bewaard; hun wijzigingen zijn overgenomen."
            .to_owned();
    if !conflicts.is_empty() {
        let which: Vec<String> = conflicts
            .iter()
            .take(8)
            .map(|c| format!("{} ({}, van {})", c.id, c.field, c.by))
            .collect();
        text.push_str(&format!(
            " Bij {} hadden u en de collega hetzelfde anders ingevuld: uw versie staat er, die van de collega staat in de geschiedenis: {}{}.",
            crate::text::count(conflicts.len(), "veld", "velden"),
            which.join(", "),
            if conflicts.len() > 8 { ", …" } else { "" }
        ));
    }
    text
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

    /// Finding 5 (the app): a colleague's version was kept aside but never shown. Now it is
    /// merged in, the user is told, and both people's words are in the file.
    #[test]
    fn a_colleagues_save_is_merged_and_announced_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        let mut s = NotesState::open(path.clone());
        s.edit("1.1", "t", "Anna", Edit::Note("van Anna".into()), 0.0);
        s.save_now();
        // Bert, on another computer, saves the shared file.
        notes::update(&path, |f| {
            f.edit("2.2", "t", "Bert", Edit::Note("van Bert".into()));
            f.edit("1.1", "t", "Bert", Edit::Status(Some("afgerond".into())));
        })
        .unwrap();
        s.edit(
            "1.1",
            "t",
            "Anna",
            Edit::Note("van Anna, later".into()),
            10.0,
        );
        s.save_now();
        let msg = s.message.clone().unwrap_or_default();
        assert!(msg.contains("collega"), "{msg}");
        let (disk, _) = notes::open(&path).unwrap();
        assert_eq!(disk.get("1.1").unwrap().note, "van Anna, later");
        assert_eq!(disk.get("1.1").unwrap().status.as_deref(), Some("afgerond"));
        assert_eq!(disk.get("2.2").unwrap().note, "van Bert");
        assert_eq!(
            s.file().get("2.2").unwrap().note,
            "van Bert",
            "shown in the app too"
        );
        let kept_aside = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("andere-versie")
            })
            .count();
        assert_eq!(kept_aside, 0, "merged, not set aside");
    }

    /// A colleague's save while the app is idle shows up without any edit here.
    #[test]
    fn a_colleagues_save_shows_up_while_idle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        let mut s = NotesState::open(path.clone());
        notes::update(&path, |f| {
            f.edit("3.3", "t", "Bert", Edit::Note("nieuw van Bert".into()));
        })
        .unwrap();
        let mut t = 100.0;
        for _ in 0..300 {
            s.tick(t);
            if s.file().get("3.3").is_some() {
                break;
            }
            t += 0.1;
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(s.file().get("3.3").unwrap().note, "nieuw van Bert");
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
