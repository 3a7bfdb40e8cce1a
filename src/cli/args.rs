//! What the command line accepts: the clap definitions, in Dutch as the user reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Schrijf de handleiding (man-pagina) en de aanvullingen voor bash, zsh en fish naar een
    /// map: voor het pakket, niet voor gebruikers.
    #[command(hide = true)]
    PakketBestanden {
        /// De map om in te schrijven.
        #[arg(long)]
        out: PathBuf,
    },
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
    #[cfg(feature = "gui")]
    Render {
        /// Het PNG-bestand; met --presenting de map voor de dia's.
        #[arg(long)]
        out: PathBuf,
        /// Elke stap van de presentatie als dia, zoals de zaal hem ziet, genummerd op volgorde.
        #[arg(long)]
        presenting: bool,
        /// Wat: kompas (standaard), een element-id (bijv. 2.3), kaart:ID of over:PAGINA.
        #[arg(long)]
        view: Option<String>,
        /// Afmeting in pixels, bijv. 1920x1080 of 3840x2160.
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// licht, donker of hoog-contrast.
        #[arg(long, default_value = "licht")]
        theme: String,
        /// Toon de voortgang van dit jaar op het kompas.
        #[arg(long)]
        voortgang: Option<i32>,
        /// Het notitiebestand (voor de voortgang); standaard geen.
        #[arg(long)]
        notes: Option<PathBuf>,
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
        /// Een bestaande, niet-lege map vervangen (anders wordt die geweigerd).
        #[arg(long)]
        force: bool,
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
    /// Voortgang per jaar: per hoofddoel en koers de aantallen per status en het aandeel
    /// afgerond (tab-gescheiden, id voorop), of voortgang inlezen en uitvoeren als spreadsheet.
    #[command(args_conflicts_with_subcommands = true)]
    Voortgang {
        /// inlezen (import) of uitvoeren (export); zonder: de samenvatting van --jaar.
        #[command(subcommand)]
        command: Option<VoortgangCommand>,
        /// Het jaar van de samenvatting.
        #[arg(long)]
        jaar: Option<i32>,
        /// Het notitiebestand; standaard dat van dit kompas in de gebruikersmap.
        #[arg(long)]
        notes: Option<PathBuf>,
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
    /// Schrijf het jaarverslag: per hoofddoel en koers de stand, wat bereikt is en de indicatoren.
    Jaarverslag {
        /// Het jaar.
        #[arg(long)]
        jaar: i32,
        /// md (Markdown) of html.
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        /// Het bestand om te schrijven.
        #[arg(long)]
        out: PathBuf,
        /// Het notitiebestand; standaard dat van dit kompas in de gebruikersmap.
        #[arg(long)]
        notes: Option<PathBuf>,
        /// Kompasmap, .ron-, .mm- of .opml-bestand; zonder pad het ingebouwde Sociaal Kompas.
        path: Option<PathBuf>,
    },
    /// Publiceer het kompas als website: statische pagina's zonder server, cookies of verzoeken
    /// naar elders, te openen vanaf schijf of te zetten op elke webserver.
    Publish {
        /// De map voor de website.
        #[arg(long)]
        out: PathBuf,
        /// Zet de voortgang van dit jaar op de website (alleen statussen en aantallen, nooit
        /// notities); met --notes.
        #[arg(long, requires = "notes")]
        jaar: Option<i32>,
        /// Het notitiebestand waaruit de voortgang komt.
        #[arg(long, requires = "jaar")]
        notes: Option<PathBuf>,
        /// Een bestaande, niet-lege map vervangen (anders wordt die geweigerd).
        #[arg(long)]
        force: bool,
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
        /// Een bestaande, niet-lege map vervangen (anders wordt die geweigerd).
        #[arg(long)]
        force: bool,
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

/// Formats of the jaarverslag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// A web page.
    Html,
}

/// Spreadsheet formats of the progress records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    /// Semicolon-separated values, as Dutch Excel reads them.
    Csv,
    /// An Excel workbook, with the roll-up on a second sheet.
    Xlsx,
}

/// `kompas voortgang ...`
#[derive(Debug, Subcommand)]
pub enum VoortgangCommand {
    /// Lees voortgang in uit een spreadsheet (CSV met kolommen id;jaar;status;voortgang).
    /// Elke regel wordt eerst gecontroleerd; er wordt niets ingelezen zolang er een fout in staat.
    Import {
        /// Het CSV-bestand.
        file: PathBuf,
        /// Lees de goede regels in en sla de foute over (die worden wel allemaal genoemd).
        #[arg(long)]
        skip_invalid: bool,
        /// Wie inleest (komt in de geschiedenis).
        #[arg(long, default_value = "")]
        by: String,
        #[command(flatten)]
        args: NotesArgs,
    },
    /// Schrijf alle voortgang als spreadsheet (CSV of Excel).
    Export {
        /// csv of xlsx.
        #[arg(long, value_enum, default_value_t = SheetFormat::Csv)]
        format: SheetFormat,
        /// Het bestand om te schrijven.
        #[arg(long)]
        out: PathBuf,
        /// Het jaar van de samenvatting op het tweede blad (xlsx); standaard het laatste jaar.
        #[arg(long)]
        jaar: Option<i32>,
        #[command(flatten)]
        args: NotesArgs,
    },
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

/// The forms of an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InvitationFormat {
    /// Een partnerbestand voor Kompas.
    Ron,
    /// Eén webpagina die in elke browser werkt, zonder internet.
    Html,
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
        /// Ook de eigen notities van de gemeente meesturen (standaard blijven die intern).
        #[arg(long)]
        met_notities: bool,
        /// Vraag ook de voortgang over dit jaar (status in dat jaar en wat er bereikt is).
        #[arg(long)]
        jaar: Option<i32>,
        /// ron: voor Kompas; html: één webpagina die de partner in elke browser opent en
        /// beantwoordt, zonder iets te installeren.
        #[arg(long, value_enum, default_value = "ron")]
        format: InvitationFormat,
        #[command(flatten)]
        args: NotesArgs,
    },
    /// Lees reactiebestanden van partners in: toont nieuw / gewijzigd / conflicten / geweigerd.
    /// Alleen reacties op een uitnodiging uit deze notities worden ingelezen.
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
