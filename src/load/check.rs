//! Checking a compass as read: everything a data steward could get wrong, every problem
//! collected with its file and place.

use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use super::read::Collected;
use crate::format::{self, ElementDef};
use crate::model::{Level, Rgb};
use crate::problem::{Problem, Severity};
use crate::source;

/// Results of checking that building needs.
pub(super) struct Checked {
    pub(super) levels: Vec<Level>,
}

/// True when an id uses only characters that are safe in file names, URLs and CSV.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[expect(
    clippy::too_many_lines,
    reason = "every rule of a compass in one pass over it"
)]
pub(super) fn check(c: &Collected, problems: &mut Vec<Problem>) -> Checked {
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
                Severity::Error,
                "een id mag alleen letters, cijfers, '.', '-' en '_' bevatten (hoogstens 64 tekens)"
                    .into(),
            ));
        } else if let Some(&(ofile, oline)) = first_seen.get(el.id.as_str()) {
            let other = name_of(ofile);
            problems.push(at(
                Severity::Error,
                format!("dubbele id: {shown_id} staat ook in {other}:{oline}"),
            ));
        } else {
            first_seen.insert(el.id.as_str(), (file, line.unwrap_or(0)));
        }
        all_ids.insert(el.id.as_str());
        if el.title.trim().is_empty() {
            problems.push(at(Severity::Error, "de titel (title) is leeg".into()));
        } else if el.title.trim() != el.title {
            problems.push(at(
                Severity::Warning,
                "de titel begint of eindigt met spaties".into(),
            ));
        }
        match levels.get(depth) {
            None if !levels.is_empty() => problems.push(at(
                Severity::Error,
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
                        Severity::Error,
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
                Severity::Error,
                format!("kleur '{col}' is geen kleur in de vorm #RRGGBB"),
            ));
        }
        if el.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
            problems.push(at(Severity::Warning, "het label is leeg".into()));
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
                    Severity::Error,
                    format!("het kompas heeft geen sectoren: het hoogste doel heeft geen {next}"),
                ));
            } else if depth == 0 {
            } else if depth == 1 {
                // A warning, not an error: a mind map's branch without children is a normal
                // thing to import, and the compass draws such a sector as one whole wedge.
                problems.push(at(
                    Severity::Warning,
                    format!("sector zonder kinderen: er staan geen {next} onder"),
                ));
            } else {
                // Reported below only if most elements at this depth do have children: a
                // ragged tree (a mind map, a plan where few results have parts) is no mistake.
                leaves.push((
                    depth,
                    at(Severity::Warning, format!("er staan geen {next} onder")),
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
                    Severity::Error,
                    name_of(file),
                    id_lines.get(file).and_then(|l| l.get(&el.id, 0)),
                    &el.id,
                    format!("verwijst (related) naar onbekende id '{target}'"),
                ));
            } else if target == &el.id {
                problems.push(Problem::element(
                    Severity::Warning,
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
                Severity::Error,
                "de term (term) is leeg".into(),
            ));
        }
        if b.definition.trim().is_empty() {
            problems.push(begrip_problem(
                Severity::Error,
                "de definitie (definition) is leeg".into(),
            ));
        }
        if !all_ids.contains(b.element.as_str()) && !c.incomplete {
            problems.push(begrip_problem(
                Severity::Error,
                format!("verwijst naar onbekend element '{}'", b.element),
            ));
        }
        if !begrip_seen.insert((
            b.term.trim().to_lowercase(),
            b.element.as_str(),
            b.definition.trim(),
        )) {
            problems.push(begrip_problem(
                Severity::Warning,
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
