//! Reads a compass from its RON files, checks everything a data steward could get wrong and
//! builds the graph. Every problem is collected; nothing in the input can make this panic.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::format::{self, BegripDef, ElementDef, KompasDef, PartDef};
use crate::model::{Begrip, Element, Kompas, KompasBuilder, Level, LinkKind, Meta, Rgb};
use crate::problem::{Problem, Severity};
use crate::source::{self, ReadError, Source};

/// A compass that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The compass.
    pub kompas: Kompas,
    /// Things that look wrong but do not stop loading.
    pub warnings: Vec<Problem>,
}

/// A compass that could not be loaded: every problem found, errors and warnings.
#[derive(Debug, thiserror::Error)]
#[error("{} in het kompas", count_dutch(.problems.iter().filter(|p| p.is_error()).count(), "fout", "fouten"))]
pub struct LoadError {
    /// All problems, in file order.
    pub problems: Vec<Problem>,
}

fn count_dutch(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Loads the compass at `path` (a folder or a single `.ron` file).
///
/// # Errors
/// Every problem that stops the compass from being used.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load(&Source::from_path(path))
}

/// Loads the embedded Sociaal Kompas.
///
/// # Errors
/// Only if the embedded files are broken, which the tests rule out.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    load(&Source::embedded())
}

/// One part of the compass as read: its file name and text.
struct FileText {
    name: String,
    text: String,
}

/// Everything read from the files, before checking.
struct Collected {
    def: KompasDef,
    files: Vec<FileText>,
    /// True when an included file could not be read or parsed: references into it cannot be
    /// checked then, and reporting them would only bury the real error.
    incomplete: bool,
    /// Sectors with the index (into `files`) of the file that holds them.
    sectors: Vec<(usize, ElementDef)>,
    begrippen: Vec<(usize, BegripDef)>,
    /// The content parts (sectors and begrippen taken out), with their file.
    content: Vec<(usize, PartDef)>,
}

/// Loads a compass from a [`Source`].
///
/// # Errors
/// Every problem that stops the compass from being used, with file and place.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let mut problems = Vec::new();
    let Some(collected) = collect(source, &mut problems) else {
        return Err(LoadError { problems });
    };
    check_and_build(&collected, problems, &source.main_name())
}

/// Loads a compass given as definitions, as an importer makes them; problems are reported
/// under `file`, after the importer's own `warnings`.
///
/// # Errors
/// Every problem that stops the compass from being used.
pub fn load_def(
    mut def: KompasDef,
    file: &str,
    problems: Vec<Problem>,
) -> Result<Loaded, LoadError> {
    let sectors = std::mem::take(&mut def.root.children)
        .into_iter()
        .map(|s| (0, s))
        .collect();
    let begrippen = std::mem::take(&mut def.begrippen)
        .into_iter()
        .map(|b| (0, b))
        .collect();
    let collected = Collected {
        def,
        files: vec![FileText {
            name: file.to_owned(),
            text: String::new(),
        }],
        incomplete: false,
        sectors,
        begrippen,
        content: Vec::new(),
    };
    check_and_build(&collected, problems, file)
}

fn check_and_build(
    collected: &Collected,
    mut problems: Vec<Problem>,
    main_name: &str,
) -> Result<Loaded, LoadError> {
    let checked = check(collected, &mut problems);
    if problems.iter().any(Problem::is_error) {
        return Err(LoadError { problems });
    }
    match build(collected, &checked) {
        Some(kompas) => Ok(Loaded {
            kompas,
            warnings: problems,
        }),
        None => {
            problems.push(Problem::file_error(
                main_name,
                "het kompas heeft geen elementen",
            ));
            Err(LoadError { problems })
        }
    }
}

fn read_problem(file: &str, err: &ReadError) -> Problem {
    Problem::file_error(file, err.to_string())
}

fn collect(source: &Source, problems: &mut Vec<Problem>) -> Option<Collected> {
    let main_name = source.main_name();
    let text = match source.read_main() {
        Ok(t) => t,
        Err(ReadError::Missing) => {
            problems.push(Problem::file_error(
                &main_name,
                format!(
                    "{} niet gevonden: is dit een kompasmap met een bestand {}?",
                    source.display_name(),
                    source::MAIN_FILE
                ),
            ));
            return None;
        }
        Err(e) => {
            problems.push(read_problem(&main_name, &e));
            return None;
        }
    };
    let mut def: KompasDef = match format::from_ron(&text) {
        Ok(d) => d,
        Err(e) => {
            problems.push(Problem::ron(&main_name, &text, &e));
            return None;
        }
    };
    let mut files = vec![FileText {
        name: main_name.clone(),
        text,
    }];
    // The sectors move out of the root: the walks visit them through `sectors`.
    let mut sectors: Vec<(usize, ElementDef)> = std::mem::take(&mut def.root.children)
        .into_iter()
        .map(|s| (0, s))
        .collect();
    let mut begrippen: Vec<(usize, BegripDef)> =
        def.begrippen.iter().cloned().map(|b| (0, b)).collect();
    let mut content: Vec<(usize, PartDef)> = Vec::new();
    let mut seen = HashSet::new();
    seen.insert(main_name.clone());
    let mut incomplete = false;
    for name in &def.include {
        if !source::is_plain_file_name(name) {
            problems.push(Problem::file_error(
                &main_name,
                format!(
                    "include '{name}' is geen gewone bestandsnaam in de kompasmap (geen mappen of '..')"
                ),
            ));
            continue;
        }
        if !seen.insert(name.clone()) {
            problems.push(Problem::file_error(
                &main_name,
                format!("include '{name}' staat er meer dan één keer (of verwijst naar het hoofdbestand)"),
            ));
            continue;
        }
        let text = match source.read(name) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem::file_error(
                    name,
                    format!("genoemd in include van {main_name}, maar {e}"),
                ));
                incomplete = true;
                continue;
            }
        };
        match format::from_ron::<PartDef>(&text) {
            Ok(part) => {
                let ix = files.len();
                let mut part = part;
                sectors.extend(
                    std::mem::take(&mut part.sectors)
                        .into_iter()
                        .map(|s| (ix, s)),
                );
                begrippen.extend(
                    std::mem::take(&mut part.begrippen)
                        .into_iter()
                        .map(|b| (ix, b)),
                );
                content.push((ix, part));
                files.push(FileText {
                    name: name.clone(),
                    text,
                });
            }
            Err(e) => {
                problems.push(Problem::ron(name, &text, &e));
                incomplete = true;
            }
        }
    }
    Some(Collected {
        def,
        incomplete,
        files,
        sectors,
        begrippen,
        content,
    })
}

/// Results of checking that building needs.
struct Checked {
    levels: Vec<Level>,
}

/// True when an id uses only characters that are safe in file names, URLs and CSV.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[allow(clippy::too_many_lines)]
fn check(c: &Collected, problems: &mut Vec<Problem>) -> Checked {
    let main = c
        .files
        .first()
        .map_or(source::MAIN_FILE, |f| f.name.as_str());
    let name_of = |file: usize| c.files.get(file).map_or(main, |f| f.name.as_str());
    let def = &c.def;

    if def.format > format::FORMAT_VERSION {
        problems.push(Problem::file_error(
            main,
            format!(
                "formaatversie {} is nieuwer dan deze versie van Kompas leest ({}); werk Kompas bij",
                def.format,
                format::FORMAT_VERSION
            ),
        ));
    }
    if def.title.trim().is_empty() {
        problems.push(Problem::file_error(
            main,
            "de titel van het kompas (title) is leeg",
        ));
    }
    if def.levels.is_empty() {
        problems.push(Problem::file_error(
            main,
            "er zijn geen niveaunamen (levels) opgegeven, zoals Einddoel, Hoofddoel, Koers",
        ));
    }
    let mut level_names = HashSet::new();
    for (i, l) in def.levels.iter().enumerate() {
        if l.name.trim().is_empty() {
            problems.push(Problem::file_error(
                main,
                format!("niveau {} heeft geen naam", i + 1),
            ));
        } else if !level_names.insert(l.name.trim()) {
            problems.push(Problem::file_error(
                main,
                format!("de niveaunaam '{}' komt twee keer voor", l.name),
            ));
        }
    }
    let levels: Vec<Level> = def
        .levels
        .iter()
        .map(|l| Level {
            name: l.name.trim().to_owned(),
            plural: l
                .plural
                .as_deref()
                .map_or_else(|| l.name.trim().to_owned(), |p| p.trim().to_owned()),
        })
        .collect();

    // Walk the tree with an explicit stack: (file, element, depth).
    let mut first_seen: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut occurrences: HashMap<(usize, &str), usize> = HashMap::new();
    let id_lines: Vec<crate::problem::IdLines> = c
        .files
        .iter()
        .map(|f| crate::problem::IdLines::new(&f.text))
        .collect();
    let mut stack: Vec<(usize, &ElementDef, usize)> = Vec::new();
    let root_children: usize = c.sectors.len();
    stack.push((0, &def.root, 0));
    for (file, s) in c.sectors.iter().rev() {
        stack.push((*file, s, 1));
    }
    let mut related: Vec<(usize, &ElementDef)> = Vec::new();
    let mut all_ids: HashSet<&str> = HashSet::new();
    // Per depth: (elements with children, elements); leaves above the last level.
    let mut per_depth: Vec<(usize, usize)> = Vec::new();
    let mut leaves: Vec<(usize, Problem)> = Vec::new();
    while let Some((file, el, depth)) = stack.pop() {
        let nth = occurrences.entry((file, el.id.as_str())).or_insert(0);
        let line = id_lines.get(file).and_then(|l| l.get(&el.id, *nth));
        *nth += 1;
        let fname = name_of(file);
        let at = |severity, message: String| Problem {
            severity,
            file: fname.to_owned(),
            place: crate::problem::Place::Element {
                id: el.id.clone(),
                line,
            },
            message,
        };
        let shown_id = if el.id.is_empty() {
            "(leeg)"
        } else {
            el.id.as_str()
        };
        if el.id.trim().is_empty() {
            problems.push(Problem::file_error(
                fname,
                format!(
                    "een element zonder id (titel: '{}')",
                    truncate(&el.title, 60)
                ),
            ));
        } else if !is_valid_id(&el.id) {
            problems.push(at(
                Severity::Fout,
                "een id mag alleen letters, cijfers, '.', '-' en '_' bevatten (hoogstens 64 tekens)"
                    .into(),
            ));
        } else if let Some(&(ofile, oline)) = first_seen.get(el.id.as_str()) {
            let other = name_of(ofile);
            problems.push(at(
                Severity::Fout,
                format!("dubbele id: {shown_id} staat ook in {other}:{oline}"),
            ));
        } else {
            first_seen.insert(el.id.as_str(), (file, line.unwrap_or(0)));
        }
        all_ids.insert(el.id.as_str());
        if el.title.trim().is_empty() {
            problems.push(at(Severity::Fout, "de titel (title) is leeg".into()));
        } else if el.title.trim() != el.title {
            problems.push(at(
                Severity::Waarschuwing,
                "de titel begint of eindigt met spaties".into(),
            ));
        }
        match levels.get(depth) {
            None if !levels.is_empty() => problems.push(at(
                Severity::Fout,
                format!(
                    "staat op diepte {} maar het kompas heeft maar {} niveaus ({})",
                    depth + 1,
                    levels.len(),
                    levels
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
            Some(expected) => {
                if let Some(given) = &el.level
                    && given.trim() != expected.name
                {
                    let hint = levels
                        .iter()
                        .position(|l| l.name == given.trim())
                        .map_or_else(
                            || format!("'{given}' is geen niveau van dit kompas"),
                            |d| format!("een {given} hoort op diepte {}", d + 1),
                        );
                    problems.push(at(
                        Severity::Fout,
                        format!(
                            "heeft niveau '{given}' maar staat op de plek van een {} (diepte {}); {hint}",
                            expected.name,
                            depth + 1
                        ),
                    ));
                }
            }
            None => {}
        }
        if let Some(col) = &el.color
            && Rgb::parse_hex(col).is_none()
        {
            problems.push(at(
                Severity::Fout,
                format!("kleur '{col}' is geen kleur in de vorm #RRGGBB"),
            ));
        }
        if el.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
            problems.push(at(Severity::Waarschuwing, "het label is leeg".into()));
        }
        let has_children = if depth == 0 {
            root_children > 0
        } else {
            !el.children.is_empty()
        };
        let leaf_depth = levels.len().saturating_sub(1);
        if !has_children && depth < leaf_depth {
            let next = levels
                .get(depth + 1)
                .map_or("onderliggende elementen", |l| l.plural.as_str());
            if depth == 0 && !c.incomplete {
                problems.push(at(
                    Severity::Fout,
                    format!("het kompas heeft geen sectoren: het hoogste doel heeft geen {next}"),
                ));
            } else if depth == 0 {
            } else if depth == 1 {
                // A warning, not an error: a mind map's branch without children is a normal
                // thing to import, and the compass draws such a sector as one whole wedge.
                problems.push(at(
                    Severity::Waarschuwing,
                    format!("sector zonder kinderen: er staan geen {next} onder"),
                ));
            } else {
                // Reported below only if most elements at this depth do have children: a
                // ragged tree (a mind map, a plan where few results have parts) is no mistake.
                leaves.push((
                    depth,
                    at(
                        Severity::Waarschuwing,
                        format!("er staan geen {next} onder"),
                    ),
                ));
            }
        }
        if per_depth.len() <= depth {
            per_depth.resize(depth + 1, (0, 0));
        }
        if let Some(slot) = per_depth.get_mut(depth) {
            slot.0 += usize::from(has_children);
            slot.1 += 1;
        }
        if !el.related.is_empty() {
            related.push((file, el));
        }
        if depth > 0 {
            for child in el.children.iter().rev() {
                stack.push((file, child, depth + 1));
            }
        }
    }
    for (depth, p) in leaves {
        if per_depth
            .get(depth)
            .is_some_and(|&(with, total)| with * 2 >= total)
        {
            problems.push(p);
        }
    }
    for (file, el) in related {
        for target in &el.related {
            if !all_ids.contains(target.as_str()) && !c.incomplete {
                problems.push(Problem::element(
                    Severity::Fout,
                    name_of(file),
                    id_lines.get(file).and_then(|l| l.get(&el.id, 0)),
                    &el.id,
                    format!("verwijst (related) naar onbekende id '{target}'"),
                ));
            } else if target == &el.id {
                problems.push(Problem::element(
                    Severity::Waarschuwing,
                    name_of(file),
                    id_lines.get(file).and_then(|l| l.get(&el.id, 0)),
                    &el.id,
                    "verwijst (related) naar zichzelf",
                ));
            }
        }
    }
    let mut begrip_seen = HashSet::new();
    for (file, b) in &c.begrippen {
        let fname = name_of(*file);
        let label = if b.term.trim().is_empty() {
            "(zonder term)"
        } else {
            b.term.as_str()
        };
        let begrip_problem = |severity, message: String| Problem {
            severity,
            file: fname.to_owned(),
            place: crate::problem::Place::File,
            message: format!("begrip '{label}': {message}"),
        };
        if b.term.trim().is_empty() {
            problems.push(begrip_problem(
                Severity::Fout,
                "de term (term) is leeg".into(),
            ));
        }
        if b.definition.trim().is_empty() {
            problems.push(begrip_problem(
                Severity::Fout,
                "de definitie (definition) is leeg".into(),
            ));
        }
        if !all_ids.contains(b.element.as_str()) && !c.incomplete {
            problems.push(begrip_problem(
                Severity::Fout,
                format!("verwijst naar onbekend element '{}'", b.element),
            ));
        }
        if !begrip_seen.insert((
            b.term.trim().to_lowercase(),
            b.element.as_str(),
            b.definition.trim(),
        )) {
            problems.push(begrip_problem(
                Severity::Waarschuwing,
                format!(
                    "staat twee keer bij element {} met dezelfde definitie",
                    b.element
                ),
            ));
        }
    }
    check_content(c, &all_ids, problems);
    Checked { levels }
}

/// Checks the content beside the tree: unique ids per section, and every link (a kans's
/// koersen and example, a summary's element, an indicator's trend) resolving.
fn check_content(c: &Collected, all_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let name_of = |file: usize| {
        c.files
            .get(file)
            .map_or(source::MAIN_FILE, |f| f.name.as_str())
    };
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    let trend_ids: HashSet<&str> = c
        .content
        .iter()
        .flat_map(|(_, p)| p.trends.iter().map(|t| t.id.as_str()))
        .collect();
    let known = |id: &str| all_ids.contains(id) || c.incomplete;
    for (file, part) in &c.content {
        let fname = name_of(*file);
        let mut errors: Vec<String> = Vec::new();
        let mut unique = |section: &'static str, id: &str, errors: &mut Vec<String>| {
            if id.trim().is_empty() {
                errors.push(format!("{section}: een onderdeel zonder id"));
            } else if !seen.insert((section, id.to_owned())) {
                errors.push(format!("{section}: dubbele id '{id}'"));
            }
        };
        for p in &part.pages {
            unique("pagina", &p.id, &mut errors);
            if p.title.trim().is_empty() {
                errors.push(format!("pagina '{}': de titel is leeg", p.id));
            }
        }
        for p in &part.principes {
            unique("principe", &p.id, &mut errors);
        }
        for k in &part.knooppunten {
            unique("knooppunt", &k.id, &mut errors);
        }
        for t in &part.trends {
            unique("trend", &t.id, &mut errors);
            for (n, k) in t.kansen.iter().enumerate() {
                for id in k.koersen.iter().filter(|id| !known(id)) {
                    errors.push(format!(
                        "trend '{}', kans {}: verwijst naar onbekend element '{id}'",
                        t.id,
                        n + 1
                    ));
                }
                if let Some(id) = k.inspanning.as_deref().filter(|id| !known(id)) {
                    errors.push(format!(
                        "trend '{}', kans {}: het voorbeeld verwijst naar onbekend element '{id}'",
                        t.id,
                        n + 1
                    ));
                }
            }
        }
        for s in part.samenvatting.iter().filter(|s| !known(&s.element)) {
            errors.push(format!(
                "samenvatting '{}': verwijst naar onbekend element '{}'",
                s.title, s.element
            ));
        }
        for i in &part.indicatoren {
            unique("indicator", &i.id, &mut errors);
            if i.values.iter().any(|v| !v.value.is_finite()) {
                errors.push(format!("indicator '{}': een waarde is geen getal", i.id));
            }
            if let Some(t) = i.trend.as_deref().filter(|t| !trend_ids.contains(t)) {
                errors.push(format!(
                    "indicator '{}': verwijst naar onbekende trend '{t}'",
                    i.id
                ));
            }
        }
        problems.extend(errors.into_iter().map(|e| Problem::file_error(fname, e)));
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn to_element(def: &ElementDef, depth: usize) -> Element {
    Element {
        id: def.id.as_str().into(),
        depth,
        label: def.label.clone(),
        title: def.title.clone(),
        text: def.text.clone(),
        color: def.color.as_deref().and_then(Rgb::parse_hex),
        kind: crate::model::NodeKind::Tree,
    }
}

fn build(c: &Collected, checked: &Checked) -> Option<Kompas> {
    let mut b = KompasBuilder::default();
    let root = b.add(None, to_element(&c.def.root, 0));
    let mut stack: Vec<(crate::model::Ix, &ElementDef, usize)> =
        c.sectors.iter().rev().map(|(_, s)| (root, s, 1)).collect();
    let mut related = Vec::new();
    if !c.def.root.related.is_empty() {
        related.push((root, &c.def.root.related));
    }
    while let Some((parent, def, depth)) = stack.pop() {
        let ix = b.add(Some(parent), to_element(def, depth));
        if !def.related.is_empty() {
            related.push((ix, &def.related));
        }
        for child in def.children.iter().rev() {
            stack.push((ix, child, depth + 1));
        }
    }
    for (from, targets) in related {
        for t in targets {
            if let Some(to) = b.get(t) {
                b.link(from, to, LinkKind::Related);
            }
        }
    }
    let mut begrippen = Vec::with_capacity(c.begrippen.len());
    for (_, d) in &c.begrippen {
        let Some(under) = b.get(&d.element) else {
            continue;
        };
        let term = d.term.trim();
        let node = b.add_begrip(begrippen.len(), term, under);
        begrippen.push(Begrip {
            term: term.to_owned(),
            definition: d.definition.trim().to_owned(),
            node,
        });
    }
    let meta = Meta {
        title: c.def.title.clone(),
        municipality: c.def.municipality.clone(),
        period: c.def.period.clone(),
        source: c.def.source.clone(),
    };
    let content = build_content(c, &mut b);
    let mut kompas = b.finish(meta, checked.levels.clone(), begrippen)?;
    kompas.content = content;
    Some(kompas)
}

/// Turns the content parts into [`crate::content::Content`], adding a graph node per trend
/// with its links to the elements it names.
fn build_content(c: &Collected, b: &mut KompasBuilder) -> crate::content::Content {
    use crate::content::{
        Beleid, Content, Indicator, Kans, Knooppunt, Page, Principe, Samenvatting, Trend, Value,
    };
    let mut content = Content::default();
    for (_, part) in &c.content {
        content.pages.extend(part.pages.iter().map(|p| Page {
            id: p.id.clone(),
            title: p.title.clone(),
            group: p.group.clone(),
            blocks: p.blocks.clone(),
        }));
        content
            .principes
            .extend(part.principes.iter().map(|p| Principe {
                id: p.id.clone(),
                title: p.title.clone(),
                text: p.text.clone(),
            }));
        content
            .knooppunten
            .extend(part.knooppunten.iter().map(|k| Knooppunt {
                id: k.id.clone(),
                title: k.title.clone(),
                text: k.text.clone(),
            }));
        content.beleid.extend(part.beleid.iter().map(|d| Beleid {
            title: d.title.clone(),
            number: d.number.clone(),
        }));
        for t in &part.trends {
            let index = content.trends.len();
            let node = b.add_content_node(Element {
                id: format!("trend:{}", t.id).as_str().into(),
                depth: usize::MAX,
                label: Some(t.number.clone()),
                title: t.title.clone(),
                text: Some(t.summary.clone()),
                color: None,
                kind: crate::model::NodeKind::Trend(index),
            });
            let mut kansen = Vec::with_capacity(t.kansen.len());
            for (row, k) in t.kansen.iter().enumerate() {
                let kans = b.add_content_node(Element {
                    id: format!("trend:{}:kans:{row}", t.id).as_str().into(),
                    depth: usize::MAX,
                    label: None,
                    title: k.text.clone(),
                    text: None,
                    color: None,
                    kind: crate::model::NodeKind::Kans { trend: index, row },
                });
                b.link(node, kans, LinkKind::Kans);
                let koersen: Vec<_> = k.koersen.iter().filter_map(|id| b.get(id)).collect();
                for to in koersen {
                    b.link(kans, to, LinkKind::KomtTerugIn);
                }
                if let Some(to) = k.inspanning.as_deref().and_then(|id| b.get(id)) {
                    b.link(kans, to, LinkKind::Voorbeeld);
                }
                kansen.push(Kans {
                    text: k.text.clone(),
                    voorbeeld: k.voorbeeld.clone(),
                    node: kans,
                });
            }
            content.trends.push(Trend {
                id: t.id.clone(),
                number: t.number.clone(),
                title: t.title.clone(),
                summary: t.summary.clone(),
                text: t.text.clone(),
                kansen_intro: t.kansen_intro.clone(),
                kansen,
                node,
            });
        }
        content
            .samenvatting
            .extend(part.samenvatting.iter().filter_map(|s| {
                Some(Samenvatting {
                    element: b.get(&s.element)?,
                    title: s.title.clone(),
                    text: s.text.clone(),
                })
            }));
    }
    // Indicators name trends by id; resolve once all trends are in.
    for (_, part) in &c.content {
        content.indicatoren.extend(part.indicatoren.iter().map(|i| {
            Indicator {
                id: i.id.clone(),
                title: i.title.clone(),
                unit: i.unit.clone(),
                trend: i
                    .trend
                    .as_ref()
                    .and_then(|t| content.trends.iter().position(|x| &x.id == t)),
                source: i.source.clone(),
                text: i.text.clone(),
                values: i
                    .values
                    .iter()
                    .map(|v| Value {
                        label: v.label.clone(),
                        value: v.value,
                        shown: v.shown.clone(),
                    })
                    .collect(),
            }
        }));
    }
    content
}
