//! Writes a [`Kompas`] back to RON files: `kompas.ron` plus one part file per sector and
//! `begrippen.ron`, the layout the shipped compass uses.

use std::fs;

use std::path::Path;

use crate::format::{self, BegripDef, ElementDef, FORMAT_VERSION, KompasDef, LevelDef, PartDef};
use crate::model::{Ix, Kompas};

/// The files of a compass folder, as (file name, RON text), `kompas.ron` first.
///
/// # Errors
/// Only if RON serialisation fails.
pub fn to_files(kompas: &Kompas) -> Result<Vec<(String, String)>, ron::Error> {
    let mut files = Vec::new();
    let mut include = Vec::new();
    let sector_level = kompas.levels.get(1).map_or("sector", |l| l.name.as_str());
    let mut names = FileNames::default();
    for &sector in kompas.sectors() {
        let name = names.part(sector_level, kompas.element(sector).id.as_str());
        let part = PartDef {
            sectors: vec![element_def(kompas, sector)],
            ..PartDef::default()
        };
        files.push((name.clone(), format::to_ron(&part)?));
        include.push(name);
    }
    if !kompas.begrippen.is_empty() {
        let part = PartDef {
            begrippen: kompas
                .begrippen
                .iter()
                .filter_map(|b| {
                    Some(BegripDef {
                        term: b.term.clone(),
                        definition: b.definition.clone(),
                        element: kompas.element(kompas.listed_under(b)?).id.to_string(),
                    })
                })
                .collect(),
            ..PartDef::default()
        };
        files.push(("begrippen.ron".to_owned(), format::to_ron(&part)?));
        include.push("begrippen.ron".to_owned());
    }
    if !kompas.content.is_empty() {
        files.push((
            "inhoud.ron".to_owned(),
            format::to_ron(&content_def(kompas))?,
        ));
        include.push("inhoud.ron".to_owned());
    }
    let mut root = element_def(kompas, kompas.root());
    root.children.clear();
    let def = KompasDef {
        format: FORMAT_VERSION,
        title: kompas.meta.title.clone(),
        municipality: kompas.meta.municipality.clone(),
        period: kompas.meta.period.clone(),
        source: kompas.meta.source.clone(),
        levels: kompas
            .levels
            .iter()
            .map(|l| LevelDef {
                name: l.name.clone(),
                plural: (l.plural != l.name).then(|| l.plural.clone()),
            })
            .collect(),
        root,
        include,
        begrippen: Vec::new(),
    };
    files.insert(0, ("kompas.ron".to_owned(), format::to_ron(&def)?));
    Ok(files)
}

/// Whether writing a compass folder may replace one that is there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Replace {
    /// Refuse a folder that exists and is not empty.
    #[default]
    No,
    /// Replace it (the old folder is removed only once the new one is in place).
    Yes,
}

/// Writes the compass as a folder `dir`. Everything is written into a new folder beside it
/// first and then renamed into place, so a failure halfway never leaves a broken compass; an
/// existing folder that is not empty is refused unless `replace` says otherwise.
///
/// # Errors
/// `dir` is in use (not empty, a file or a link) or an I/O error; `dir` is then as it was.
pub fn write_dir(kompas: &Kompas, dir: &Path, replace: Replace) -> std::io::Result<()> {
    let files = to_files(kompas).map_err(std::io::Error::other)?;
    write_folder(&files, dir, replace)
}

/// Writes `files` (relative path, text) as the folder `dir`, the way [`write_dir`] does: into
/// a new folder beside it first, then renamed into place.
///
/// # Errors
/// See [`write_dir`].
pub fn write_folder(
    files: &[(String, String)],
    dir: &Path,
    replace: Replace,
) -> std::io::Result<()> {
    let in_use = |why: &str| {
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} {why}", dir.display()),
        )
    };
    let existing = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_dir() => {
            let empty = fs::read_dir(dir)?.next().is_none();
            if !empty && replace == Replace::No {
                return Err(in_use(
                    "bestaat al en is niet leeg; kies een nieuwe map of vervang haar bewust (--force)",
                ));
            }
            Some(empty)
        }
        Ok(_) => return Err(in_use("is geen map")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = dir
        .file_name()
        .map_or_else(|| "kompas".into(), |n| n.to_string_lossy().into_owned());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.nieuw-"))
        .tempdir_in(&parent)?;
    for (file, text) in files {
        let path = staging.path().join(file);
        if let Some(sub) = path.parent() {
            fs::create_dir_all(sub)?;
        }
        write_atomic(&path, text.as_bytes())?;
    }
    match existing {
        None => fs::rename(staging.path(), dir)?,
        Some(true) => {
            fs::remove_dir(dir)?;
            fs::rename(staging.path(), dir)?;
        }
        Some(false) => {
            // The old folder steps aside, the new one takes its place, then the old one goes.
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.oud-"))
                .tempdir_in(&parent)?;
            let old_path = old.path().join("kompas");
            fs::rename(dir, &old_path)?;
            if let Err(e) = fs::rename(staging.path(), dir) {
                let _ = fs::rename(&old_path, dir);
                return Err(e);
            }
        }
    }
    // The staging folder was renamed away; forget it rather than try to remove it.
    let _ = staging.keep();
    Ok(())
}

/// File names derived from data, made safe: plain lower-case ASCII, not hidden, not too
/// long, not a name Windows reserves, and unique without regard to case (on Windows and
/// macOS `thema-A.ron` and `thema-a.ron` are one file).
#[derive(Debug)]
struct FileNames {
    taken: std::collections::HashSet<String>,
}

impl Default for FileNames {
    fn default() -> Self {
        let taken = ["kompas.ron", "begrippen.ron", "inhoud.ron"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        Self { taken }
    }
}

/// Longest stem of a part file name, in bytes (file systems allow 255; paths add up).
const MAX_STEM: usize = 60;

impl FileNames {
    /// `<level>-<id>.ron`, made safe and unique.
    fn part(&mut self, level: &str, id: &str) -> String {
        let mut stem = format!("{}-{}", file_stem(level), file_stem(id));
        stem = stem.trim_start_matches(['.', '-', '_']).to_owned();
        stem.truncate(MAX_STEM);
        if stem.is_empty() {
            stem = "deel".into();
        }
        let reserved = [
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
            "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
        ];
        if reserved.contains(&stem.split('.').next().unwrap_or_default()) {
            stem.push('_');
        }
        let mut name = format!("{stem}.ron");
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{stem}-{n}.ron");
            n += 1;
        }
        name
    }
}

pub use crate::fsio::write_atomic;

/// The content beside the tree as a part file.
fn content_def(kompas: &Kompas) -> PartDef {
    use crate::format::{
        BeleidDef, IndicatorDef, KansDef, KnooppuntDef, PageDef, PrincipeDef, SamenvattingDef,
        TrendDef, ValueDef,
    };
    let c = &kompas.content;
    let id = |ix: Ix| kompas.element(ix).id.to_string();
    PartDef {
        pages: c
            .pages
            .iter()
            .map(|p| PageDef {
                id: p.id.clone(),
                title: p.title.clone(),
                nav: p.nav.clone(),
                group: p.group.clone(),
                blocks: p.blocks.clone(),
            })
            .collect(),
        principes: c
            .principes
            .iter()
            .map(|p| PrincipeDef {
                id: p.id.clone(),
                title: p.title.clone(),
                text: p.text.clone(),
            })
            .collect(),
        trends: c
            .trends
            .iter()
            .map(|t| TrendDef {
                id: t.id.clone(),
                number: t.number.clone(),
                title: t.title.clone(),
                summary: t.summary.clone(),
                text: t.text.clone(),
                kansen_intro: t.kansen_intro.clone(),
                kansen: t
                    .kansen
                    .iter()
                    .map(|k| KansDef {
                        text: k.text.clone(),
                        koersen: kompas.kans_koersen(k).into_iter().map(id).collect(),
                        voorbeeld: k.voorbeeld.clone(),
                        inspanning: kompas.kans_voorbeeld(k).map(id),
                    })
                    .collect(),
            })
            .collect(),
        knooppunten: c
            .knooppunten
            .iter()
            .map(|k| KnooppuntDef {
                id: k.id.clone(),
                title: k.title.clone(),
                text: k.text.clone(),
            })
            .collect(),
        beleid: c
            .beleid
            .iter()
            .map(|b| BeleidDef {
                title: b.title.clone(),
                number: b.number.clone(),
            })
            .collect(),
        samenvatting: c
            .samenvatting
            .iter()
            .map(|s| SamenvattingDef {
                element: id(s.element),
                title: s.title.clone(),
                text: s.text.clone(),
            })
            .collect(),
        indicatoren: c
            .indicatoren
            .iter()
            .map(|i| IndicatorDef {
                id: i.id.clone(),
                title: i.title.clone(),
                unit: i.unit.clone(),
                trend: i.trend.and_then(|t| c.trends.get(t)).map(|t| t.id.clone()),
                source: i.source.clone(),
                text: i.text.clone(),
                values: i
                    .values
                    .iter()
                    .map(|v| ValueDef {
                        label: v.label.clone(),
                        value: v.value,
                        shown: v.shown.clone(),
                    })
                    .collect(),
            })
            .collect(),
        ..PartDef::default()
    }
}

fn file_stem(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else if c == '.' {
                '.'
            } else {
                '_'
            }
        })
        .collect()
}

fn element_def(kompas: &Kompas, ix: Ix) -> ElementDef {
    let el = kompas.element(ix);
    ElementDef {
        id: el.id.to_string(),
        level: kompas.level(ix).map(|l| l.name.clone()),
        label: el.label.clone(),
        title: el.title.clone(),
        text: el.text.clone(),
        color: el.color.map(crate::model::Rgb::to_hex),
        related: kompas
            .linked_from(ix, crate::model::LinkKind::Related)
            .into_iter()
            .map(|to| kompas.element(to).id.to_string())
            .collect(),
        link: el.carried().link.clone(),
        attributes: el.carried().attributes.clone(),
        tags: el.carried().tags.clone(),
        image: el.carried().image.clone(),
        children: kompas
            .children(ix)
            .iter()
            .map(|&c| element_def(kompas, c))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    /// Everything a person can see of a compass, in document order.
    fn content(k: &Kompas) -> Vec<String> {
        let mut out: Vec<String> = k
            .document_order()
            .into_iter()
            .map(|ix| {
                let links: Vec<_> = k
                    .links_from(ix)
                    .into_iter()
                    .map(|(_, t)| k.element(t).id.to_string())
                    .collect();
                format!("{:?} {:?} {links:?}", k.element(ix), k.level(ix))
            })
            .collect();
        out.extend(
            k.begrippen
                .iter()
                .map(|b| format!("{} {} {:?}", b.term, b.definition, k.listed_under(b))),
        );
        out.push(format!("{:?} {:?}", k.meta, k.levels));
        out.push(format!("{:?}", k.content));
        out
    }

    #[test]
    fn write_then_read_gives_the_same_compass() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let files = to_files(&k).unwrap();
        let names: Vec<_> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "kompas.ron",
                "hoofddoel-1.ron",
                "hoofddoel-2.ron",
                "hoofddoel-3.ron",
                "hoofddoel-4.ron",
                "begrippen.ron",
                "inhoud.ron"
            ]
        );
        let again = crate::load::load(&Source::Memory(files)).unwrap();
        assert!(again.warnings.is_empty());
        assert_eq!(content(&again.kompas), content(&k));
    }

    #[test]
    fn write_dir_round_trips_links_and_other_level_names() {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let k = crate::load::load_path(&fixture).unwrap().kompas;
        let dir = tempfile::tempdir().unwrap();
        write_dir(&k, dir.path(), Replace::No).unwrap();
        assert!(dir.path().join("thema-1.ron").exists());
        let again = crate::load::load_path(dir.path()).unwrap().kompas;
        assert_eq!(content(&again), content(&k));
        assert_eq!(again.links_from(again.get("2.1").unwrap()).len(), 1);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"een").unwrap();
        write_atomic(&path, b"twee").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "twee");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
