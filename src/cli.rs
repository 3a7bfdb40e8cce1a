//! The command line: `kompas [PATH]` opens the app, `kompas check [PATH]` checks a compass.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::load::{self, LoadError, Loaded};
use crate::problem::Problem;

/// Kompas: navigeer en werk met een beleidskompas.
#[derive(Debug, Parser)]
#[command(name = "kompas", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Een kompasmap, .ron-, .mm- (Freeplane) of .opml-bestand, of een partnerbestand; zonder pad het ingebouwde Sociaal Kompas.
    pub path: Option<PathBuf>,
    /// Wat te doen; zonder opdracht opent de app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The command-line tools.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer een kompas: aantallen per niveau en per sector, en elk probleem.
    Check {
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
    /// Zoek in een kompas: geeft per resultaat id, niveau, titel en plaats (tab-gescheiden).
    Search {
        /// Wat te zoeken; hoofdletters, accenten en een tikfout maken niet uit.
        query: String,
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
        /// Hoeveel resultaten hooguit.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Notities: exporteren als CSV of Markdown.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// De partnerronde: bestanden voor partners maken en hun reacties inlezen.
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Maak een PNG van een weergave, zonder knoppen en panelen (geen venster of GPU nodig).
    Render {
        /// Het PNG-bestand.
        #[arg(long)]
        out: PathBuf,
        /// Wat: kompas (standaard), een element-id (bijv. 2.3), kaart:ID of over:PAGINA.
        #[arg(long)]
        view: Option<String>,
        /// Afmeting in pixels, bijv. 1920x1080 of 3840x2160.
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// licht, donker of hoog-contrast.
        #[arg(long, default_value = "licht")]
        theme: String,
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
    /// Lees een mindmap (.mm van FreeMind/Freeplane) of OPML-outline in en schrijf er een kompasmap van.
    Import {
        /// Het .mm- of .opml-bestand.
        file: PathBuf,
        /// De map voor het kompas (kompas.ron en een bestand per sector).
        #[arg(long)]
        out: PathBuf,
        /// Namen van de niveaus van boven naar beneden, bijv. Visie,Thema,Doel (als het bestand ze niet geeft).
        #[arg(long, value_delimiter = ',')]
        niveaus: Vec<String>,
    },
    /// Schrijf een kompas als mindmap (.mm, voor Freeplane) of OPML-outline.
    Export {
        /// mm of opml.
        #[arg(long, value_enum)]
        format: MapFormat,
        /// Het bestand om te schrijven.
        #[arg(long)]
        out: PathBuf,
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
    /// Schrijf een synthetisch kompas (voor tests en metingen), altijd hetzelfde bij dezelfde seed.
    Generate {
        /// Ongeveer zoveel elementen (het aantal wordt naar boven afgerond op de vorm).
        #[arg(long, default_value_t = 50_000, conflicts_with_all = ["sectors", "fanout"])]
        elements: usize,
        /// Aantal sectoren (in plaats van --elements).
        #[arg(long, requires = "fanout")]
        sectors: Option<usize>,
        /// Kinderen per niveau onder de sectoren, bijvoorbeeld 5,4,6.
        #[arg(long, value_delimiter = ',')]
        fanout: Option<Vec<usize>>,
        /// Zaad voor de teksten.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Map om het kompas in te schrijven.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Mind-map formats for `kompas export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// FreeMind/Freeplane mind map.
    Mm,
    /// OPML outline.
    Opml,
}

/// Where the notes are and which compass they belong to.
#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    /// Het notitiebestand; standaard dat van dit kompas in de gebruikersmap.
    #[arg(long, global = true)]
    pub notes: Option<PathBuf>,
    /// Kompasmap of .ron-bestand; standaard het ingebouwde Sociaal Kompas.
    #[arg(long, global = true)]
    pub kompas: Option<PathBuf>,
}

/// `kompas notes ...`
#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Exporteer alle notities (met reacties en geschiedenis).
    Export {
        /// csv of md.
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Bestand om in te schrijven; zonder: standaarduitvoer.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        args: NotesArgs,
    },
}

/// Export formats of notes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values.
    Csv,
    /// Markdown.
    Md,
}

/// `kompas review ...`
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Maak het bestand voor één partner met de aan hen toegewezen elementen.
    Export {
        /// De partnerorganisatie.
        #[arg(long)]
        partner: String,
        /// Het bestand om te schrijven.
        #[arg(long)]
        out: PathBuf,
        /// Wie exporteert (komt in het bestand).
        #[arg(long, default_value = "")]
        by: String,
        #[command(flatten)]
        args: NotesArgs,
    },
    /// Lees reactiebestanden van partners in: toont nieuw / gewijzigd / conflicten.
    Import {
        /// Eén of meer reactiebestanden.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Los conflicten op met de waarde van de partner.
        #[arg(long, conflicts_with = "ours")]
        theirs: bool,
        /// Los conflicten op met de eigen waarde (de reactie wordt wel bewaard).
        #[arg(long)]
        ours: bool,
        /// Wie inleest (komt in de geschiedenis).
        #[arg(long, default_value = "")]
        by: String,
        #[command(flatten)]
        args: NotesArgs,
    },
}

/// Loads the compass at `path`, or the embedded one.
///
/// # Errors
/// Every problem found.
pub fn load_optional(path: Option<&PathBuf>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => crate::mindmap::open(p),
        None => load::load_embedded(),
    }
}

/// Runs a command-line tool and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { path } => check(path.as_ref()),
        Command::Search { query, path, limit } => search(&query, path.as_ref(), limit),
        Command::Notes { command } => crate::cli_notes::notes(command),
        Command::Render {
            out,
            view,
            size,
            theme,
            path,
        } => render(&out, view.as_deref(), &size, &theme, path.as_ref()),
        Command::Review { command } => crate::cli_notes::review(command),
        Command::Import { file, out, niveaus } => import(&file, &out, niveaus),
        Command::Export { format, out, path } => export(format, &out, path.as_ref()),
        Command::Generate {
            elements,
            sectors,
            fanout,
            seed,
            out,
        } => {
            let spec = match (sectors, fanout) {
                (Some(sectors), Some(fanout)) => crate::generate::Spec {
                    sectors,
                    fanout,
                    seed,
                },
                _ => crate::generate::Spec::with_elements(elements, seed),
            };
            if spec.element_count() > 5_000_000 {
                eprintln!(
                    "Dat zijn {} elementen; meer dan 5 000 000 wordt niet gemaakt.",
                    spec.element_count()
                );
                return ExitCode::FAILURE;
            }
            let kompas = crate::generate::synthetic(&spec);
            match crate::write::write_dir(&kompas, &out) {
                Ok(()) => {
                    println!(
                        "{} elementen geschreven naar {}",
                        kompas.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("Kon {} niet schrijven: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn import(file: &std::path::Path, out: &std::path::Path, levels: Vec<String>) -> ExitCode {
    use crate::mindmap::{Defaults, Format};
    if Format::of(file) == Format::Ron {
        eprintln!(
            "{}: fout: alleen .mm- en .opml-bestanden worden ingelezen",
            file.display()
        );
        return ExitCode::FAILURE;
    }
    let defaults = Defaults {
        levels,
        ..Defaults::for_file(file)
    };
    let loaded = match crate::mindmap::import(file, &defaults) {
        Ok(l) => l,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er is niets geschreven.");
            return ExitCode::FAILURE;
        }
    };
    print_problems(&loaded.warnings);
    match crate::write::write_dir(&loaded.kompas, out) {
        Ok(()) => {
            println!(
                "{} elementen ({} sectoren) geschreven naar {}",
                loaded.kompas.len(),
                loaded.kompas.sectors().len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Kon {} niet schrijven: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn export(format: MapFormat, out: &std::path::Path, path: Option<&PathBuf>) -> ExitCode {
    let loaded = match load_optional(path) {
        Ok(l) => l,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er is niets geschreven.");
            return ExitCode::FAILURE;
        }
    };
    let k = &loaded.kompas;
    let text = match format {
        MapFormat::Mm => crate::mindmap::freeplane::write(k),
        MapFormat::Opml => crate::mindmap::opml::write(k),
    };
    if let Err(e) = crate::write::write_atomic(out, text.as_bytes()) {
        eprintln!("Kon {} niet schrijven: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!("{} elementen geschreven naar {}", k.len(), out.display());
    // Say what a mind map cannot hold, so nobody thinks it is gone.
    let pages = k.content.pages.len();
    if !k.begrippen.is_empty() || !k.content.is_empty() {
        eprintln!(
            "Let op: de begrippenlijst ({} begrippen) en de inhoud naast de boom ({pages} pagina's, trends, indicatoren) passen niet in een mindmap en staan alleen in de RON-bestanden.",
            k.begrippen.len()
        );
    }
    ExitCode::SUCCESS
}

fn print_problems(problems: &[Problem]) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "{p}");
    }
}

fn check(path: Option<&PathBuf>) -> ExitCode {
    match load_optional(path) {
        Ok(loaded) => {
            print!("{}", crate::check::report(&loaded.kompas));
            print_problems(&loaded.warnings);
            println!(
                "\nGeen fouten{}.",
                match loaded.warnings.len() {
                    0 => String::new(),
                    1 => ", 1 waarschuwing".to_owned(),
                    n => format!(", {n} waarschuwingen"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_problems(&e.problems);
            let warnings = e.problems.iter().filter(|p| !p.is_error()).count();
            let mut summary = format!("\n{e}");
            if warnings > 0 {
                summary.push_str(&format!(" en {warnings} waarschuwing(en)"));
            }
            eprintln!("{summary}; het kompas kan zo niet worden gebruikt.");
            ExitCode::FAILURE
        }
    }
}

/// The place of an element as "Einddoel › Hoofddoel 1 › Koers 1.3".
pub fn breadcrumb(kompas: &crate::model::Kompas, ix: crate::model::Ix) -> String {
    kompas
        .path(ix)
        .iter()
        .map(|&p| kompas.short_name(p))
        .collect::<Vec<_>>()
        .join(" › ")
}

fn search(query: &str, path: Option<&PathBuf>, limit: usize) -> ExitCode {
    let loaded = match load_optional(path) {
        Ok(l) => l,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er kan niet in worden gezocht.");
            return ExitCode::FAILURE;
        }
    };
    let kompas = &loaded.kompas;
    let glossary = crate::glossary::Glossary::new(kompas);
    let index = crate::search::SearchIndex::new(kompas, &glossary);
    let hits = index.search(query, limit);
    if hits.is_empty() {
        eprintln!("Niets gevonden voor '{query}'.");
        return ExitCode::from(1);
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "id\tniveau\ttitel\tplaats");
    for hit in hits {
        let line = match hit.target {
            crate::search::Target::Element(ix) => {
                let el = kompas.element(ix);
                let level = kompas.level(ix).map_or("", |l| l.name.as_str());
                let parent = kompas
                    .parent(ix)
                    .map(|p| breadcrumb(kompas, p))
                    .unwrap_or_default();
                format!("{}\t{level}\t{}\t{parent}", el.id, el.title)
            }
            crate::search::Target::Begrip(i) => {
                let Some(entry) = glossary.entries.get(i) else {
                    continue;
                };
                let koersen: Vec<String> = entry
                    .elements()
                    .iter()
                    .map(|&e| kompas.short_name(e))
                    .collect();
                format!(
                    "-\tBegrip\t{}\tBegrippenlijst › {}",
                    entry.term,
                    koersen.join(", ")
                )
            }
            crate::search::Target::Note(id) => format!("{id}\tNotitie\t\t"),
        };
        let _ = writeln!(out, "{line}");
    }
    ExitCode::SUCCESS
}

fn render(
    out: &std::path::Path,
    view: Option<&str>,
    size: &str,
    theme: &str,
    path: Option<&PathBuf>,
) -> ExitCode {
    use crate::ui::render;
    use crate::ui::theme::ThemeKind;
    let Some(size) = render::parse_size(size) else {
        eprintln!("Onbekende afmeting '{size}'; gebruik bijvoorbeeld 1920x1080.");
        return ExitCode::FAILURE;
    };
    let theme = match theme.to_lowercase().replace(' ', "-").as_str() {
        "licht" => ThemeKind::Licht,
        "donker" => ThemeKind::Donker,
        "hoog-contrast" | "hoogcontrast" => ThemeKind::HoogContrast,
        other => {
            eprintln!("Onbekend thema '{other}'; kies licht, donker of hoog-contrast.");
            return ExitCode::FAILURE;
        }
    };
    let kompas = match load_optional(path) {
        Ok(l) => l.kompas,
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er kan geen afbeelding van worden gemaakt.");
            return ExitCode::FAILURE;
        }
    };
    let Some(location) = render::parse_view(&kompas, view) else {
        eprintln!(
            "Onbekende weergave '{}'; gebruik kompas, een element-id, kaart:ID of over:PAGINA.",
            view.unwrap_or_default()
        );
        return ExitCode::FAILURE;
    };
    let request = render::RenderRequest {
        size,
        location,
        theme,
    };
    let png = match render::render_png(kompas, &request) {
        Ok(png) => png,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match crate::write::write_atomic(out, &png) {
        Ok(()) => {
            println!("{}×{} geschreven naar {}", size[0], size[1], out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Kon {} niet schrijven: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
