//! Writes a [`Kompas`] back to RON files: `kompas.ron` plus one part file per sector and
//! `begrippen.ron`, the layout the shipped compass uses.

use std::fs;
use std::io::Write;
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
    let sector_level = kompas
        .levels
        .get(1)
        .map_or_else(|| "sector".to_owned(), |l| file_stem(&l.name));
    for &sector in kompas.sectors() {
        let name = format!(
            "{sector_level}-{}.ron",
            file_stem(kompas.element(sector).id.as_str())
        );
        let part = PartDef {
            sectors: vec![element_def(kompas, sector)],
            begrippen: Vec::new(),
        };
        files.push((name.clone(), format::to_ron(&part)?));
        include.push(name);
    }
    if !kompas.begrippen.is_empty() {
        let part = PartDef {
            sectors: Vec::new(),
            begrippen: kompas
                .begrippen
                .iter()
                .map(|b| BegripDef {
                    term: b.term.clone(),
                    definition: b.definition.clone(),
                    element: kompas.element(b.element).id.to_string(),
                })
                .collect(),
        };
        files.push(("begrippen.ron".to_owned(), format::to_ron(&part)?));
        include.push("begrippen.ron".to_owned());
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

/// Writes the compass into `dir` (created if needed), each file atomically.
///
/// # Errors
/// I/O errors, or RON serialisation failing.
pub fn write_dir(kompas: &Kompas, dir: &Path) -> std::io::Result<()> {
    let files = to_files(kompas).map_err(std::io::Error::other)?;
    fs::create_dir_all(dir)?;
    for (name, text) in files {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}

/// Writes a file by writing a temporary file beside it, flushing it to disk and renaming it over
/// the target, so a crash leaves either the old or the new file, never half of one.
///
/// # Errors
/// Any I/O error; the target is then untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "bestand".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn file_stem(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c.to_ascii_lowercase()
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
            .links_from(ix)
            .into_iter()
            .map(|(_, to)| kompas.element(to).id.to_string())
            .collect(),
        children: kompas
            .children(ix)
            .iter()
            .map(|&c| element_def(kompas, c))
            .collect(),
    }
}
