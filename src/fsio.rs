//! File access that trusts nothing it is pointed at. Compass folders, mind maps, notes files and
//! partner files come from e-mail and shared drives, so:
//!
//! - only regular files are read, checked before opening (a FIFO would block the open forever)
//!   and again on the open file; reads are bounded and a UTF-8 byte-order mark is accepted;
//! - writes go to a temporary file created exclusively (never through an existing name or link)
//!   in the target's folder, flushed, then renamed over the target; only a regular file is ever
//!   replaced, never a link, a FIFO or a device;
//! - writers of one file take an advisory lock on a lock file beside it, so two programs that
//!   read, merge and write the same notes file take turns instead of losing each other's work.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Absent.
    #[error("het bestand bestaat niet")]
    Missing,
    /// A folder, a FIFO, a device or a socket.
    #[error("dit is geen gewoon bestand ({0})")]
    NotAFile(&'static str),
    /// The user may not read it.
    #[error("u mag dit bestand niet lezen")]
    Denied,
    /// Over the limit for this kind of file.
    #[error("het bestand is groter dan {} MB en wordt niet gelezen", .0 / 1024 / 1024)]
    TooLarge(u64),
    /// Not UTF-8.
    #[error("het bestand is geen UTF-8-tekst")]
    NotUtf8,
    /// A link in a compass folder that leads outside it.
    #[error("het verwijst naar een bestand buiten de kompasmap en wordt niet gelezen")]
    Outside,
    /// Any other I/O failure.
    #[error("het bestand kan niet worden gelezen: {0}")]
    Io(std::io::Error),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => Self::Missing,
            std::io::ErrorKind::PermissionDenied => Self::Denied,
            _ => Self::Io(e),
        }
    }
}

/// What kind of thing stands at a path that is not a regular file.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "een map";
    }
    if t.is_symlink() {
        return "een snelkoppeling";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "een FIFO";
        }
        if t.is_socket() {
            return "een socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "een apparaat";
        }
    }
    "geen gewoon bestand"
}

/// Reads at most `limit` bytes of the regular file at `path`.
///
/// # Errors
/// See [`ReadError`]; a FIFO or device is refused before it is opened.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let file = fs::File::open(path)?;
    // Swapped for something else between the check and the open: still refused.
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile(kind_of(&opened)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Reads the regular file at `path` as UTF-8 text of at most `limit` bytes; a byte-order mark
/// at the start is dropped.
///
/// # Errors
/// See [`ReadError`].
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limit)?;
    text_of(bytes)
}

/// UTF-8 text of `bytes`, without a leading byte-order mark.
///
/// # Errors
/// [`ReadError::NotUtf8`].
pub fn text_of(mut bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// The text of an XML file (a mind map, an OPML outline): UTF-8 (with or without a byte-order
/// mark), UTF-16 by its byte-order mark, or the encoding its XML declaration names
/// (`<?xml version="1.0" encoding="ISO-8859-1"?>`: ISO-8859-1, windows-1252, …), decoded with
/// `encoding_rs`.
///
/// # Errors
/// [`ReadError::NotUtf8`] for bytes that are none of these, or that do not decode cleanly in
/// the encoding named.
pub fn xml_text_of(bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, bad) =
            encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return if bad {
            Err(ReadError::NotUtf8)
        } else {
            Ok(text.into_owned())
        };
    }
    let declared = declared_encoding(&bytes).filter(|e| *e != encoding_rs::UTF_8);
    match declared {
        Some(encoding) => {
            let (text, bad) = encoding.decode_without_bom_handling(&bytes);
            if bad {
                Err(ReadError::NotUtf8)
            } else {
                Ok(text.into_owned())
            }
        }
        None => text_of(bytes),
    }
}

/// The encoding an XML declaration at the start of `bytes` names, if any that is known.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(200))?;
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(head.get(..end)?).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl
        .get(at + "encoding".len()..)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest.get(1..)?.split(quote).next()?;
    encoding_rs::Encoding::for_label(value.trim().as_bytes())
}

/// The prefix and suffix of this program's temporary files for `target`, so stale ones (left by
/// a process that was killed while saving) can be recognised and cleaned.
fn temp_affixes(target: &Path) -> (String, &'static str) {
    let name = target
        .file_name()
        .map_or_else(|| "bestand".into(), |n| n.to_string_lossy().into_owned());
    (format!(".{name}."), ".tmp")
}

/// Refuses to replace anything at `path` that is not a regular file.
fn check_replaceable(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(meta) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{} is {} en wordt niet vervangen",
                path.display(),
                kind_of(&meta)
            ),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file created exclusively in the same
/// folder, flushed to disk, then renamed over `path`. A crash leaves the old file or the new
/// one, never half of one; only a regular file is replaced.
///
/// # Errors
/// Any I/O error, or `path` being a link, folder, FIFO or device; `path` is then untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    check_replaceable(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (prefix, suffix) = temp_affixes(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(suffix);
    // The file keeps the permissions it had; a new one gets what the user's umask gives
    // (a temporary file alone would be readable by its owner only).
    match fs::metadata(path) {
        Ok(meta) => {
            builder.permissions(meta.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(fs::Permissions::from_mode(0o666));
            }
        }
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // Checked again just before the rename: a link planted meanwhile is not replaced.
    check_replaceable(path)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes temporary files of `target` older than ten minutes: what a killed save left.
/// Returns how many were removed.
pub fn clean_stale_temps(target: &Path) -> usize {
    let Some(dir) = target.parent() else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let (prefix, suffix) = temp_affixes(target);
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let old = std::time::Duration::from_secs(600);
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&prefix) || !name.ends_with(suffix) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > old);
        if meta.is_file() && stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// An exclusive advisory lock on `<file>.lock`, held until dropped. Every Kompas process that
/// writes the file takes it around read, merge and write.
#[derive(Debug)]
pub struct Lock {
    file: fs::File,
    path: PathBuf,
}

impl Lock {
    /// Waits for the lock of `target` (creating the lock file beside it).
    ///
    /// # Errors
    /// The lock file cannot be created or locked (a read-only folder, say).
    pub fn acquire(target: &Path) -> std::io::Result<Self> {
        let path = lock_path(target);
        check_replaceable(&path)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        file.lock()?;
        Ok(Self { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first makes it immediate.
        let _ = self.file.unlock();
    }
}

/// The lock file of `target`: `<name>.lock` beside it.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"een").unwrap();
        write_atomic(&path, b"twee").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"twee");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    /// Finding: an OPML re-encoded as ISO-8859-1, with a correct declaration, was refused as
    /// "geen UTF-8-tekst".
    #[test]
    fn xml_in_the_encoding_it_declares_is_read() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<opml><body><outline text=\"caf\xe9 \xe0 la cr\xe8me\"/></body></opml>".to_vec();
        assert!(text_of(latin1.clone()).is_err());
        let text = xml_text_of(latin1).unwrap();
        assert!(text.contains("café à la crème"), "{text}");
        // UTF-16 by its byte-order mark.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "<map><node TEXT=\"één\"/></map>".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(
            xml_text_of(utf16).unwrap(),
            "<map><node TEXT=\"één\"/></map>"
        );
        // Plain UTF-8 as before; bytes in no encoding are still refused.
        assert_eq!(xml_text_of("<map/>".into()).unwrap(), "<map/>");
        assert!(xml_text_of(b"<map>\xff\xfe\xfd</map>".to_vec()).is_err());
    }

    /// Finding: exported slides and handouts were readable by their owner only (0600, the
    /// temporary file's mode). A new file now gets the umask's mode; a replaced one keeps its.
    #[cfg(unix)]
    #[test]
    fn a_written_file_has_ordinary_permissions_and_a_replaced_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dia.png");
        write_atomic(&path, b"een").unwrap();
        // What any program's new file gets under this umask.
        let plain = dir.path().join("gewoon");
        fs::write(&plain, b"").unwrap();
        let umask_mode = fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, umask_mode);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"twee").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("slachtoffer");
        fs::write(&victim, b"van iemand anders").unwrap();
        let out = dir.path().join("kompas.ron");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        let err = write_atomic(&out, b"nieuw").unwrap_err();
        assert!(err.to_string().contains("snelkoppeling"), "{err}");
        assert_eq!(fs::read(&victim).unwrap(), b"van iemand anders");
        // The old fixed temporary name is no way in either: temporary names are random and
        // created exclusively.
        let planted = dir
            .path()
            .join(format!(".doel.ron.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomic(&dir.path().join("doel.ron"), b"nieuw").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"van iemand anders");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pijp");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success(), "mkfifo");
        let started = std::time::Instant::now();
        let err = read_text(&fifo, 1000).unwrap_err();
        assert!(matches!(err, ReadError::NotAFile("een FIFO")), "{err}");
        assert!(started.elapsed().as_secs() < 2, "no hang");
        let err = write_atomic(&fifo, b"x").unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        use std::os::unix::fs::FileTypeExt as _;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn limits_and_the_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.ron");
        fs::write(&path, b"\xEF\xBB\xBF(a: 1)").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "(a: 1)");
        assert!(matches!(read_text(&path, 4), Err(ReadError::TooLarge(4))));
        assert!(matches!(
            read_text(dir.path(), 100),
            Err(ReadError::NotAFile("een map"))
        ));
        assert!(matches!(
            read_text(&dir.path().join("nee"), 100),
            Err(ReadError::Missing)
        ));
        fs::write(&path, b"\xff\xfe").unwrap();
        assert!(matches!(read_text(&path, 100), Err(ReadError::NotUtf8)));
    }

    #[test]
    fn stale_temporary_files_are_cleaned_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("notities.ron");
        let stale = dir.path().join(".notities.ron.abc123.tmp");
        let fresh = dir.path().join(".notities.ron.def456.tmp");
        let other = dir.path().join(".ander.ron.abc123.tmp");
        for p in [&stale, &fresh, &other] {
            fs::write(p, b"x").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        assert_eq!(clean_stale_temps(&target), 1);
        assert!(!stale.exists() && fresh.exists() && other.exists());
    }

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("n.ron");
        let first = Lock::acquire(&target).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let t = target.clone();
        let waiter = std::thread::spawn(move || {
            let _second = Lock::acquire(&t).unwrap();
            tx.send(()).unwrap();
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(
            rx.try_recv().is_err(),
            "the second waits while the first holds it"
        );
        drop(first);
        rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
        waiter.join().unwrap();
    }
}
