//! The RON file format of a compass folder, as serde types.
//!
//! A compass is a folder with `kompas.ron` (metadata, level names, the root element and a list
//! of files to include) and any number of part files (`hoofddoel-1.ron`, `begrippen.ron`, ...),
//! each holding sectors and/or begrippen. Everything a part file holds may also be written
//! inline in `kompas.ron`, so a compass can be one single file.
//!
//! Optional fields have serde defaults so older files keep loading when fields are added;
//! unknown fields are refused, because a misspelt `chilren:` must not silently drop content.

use serde::{Deserialize, Serialize};

/// The newest format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// `kompas.ron`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KompasDef {
    /// Format version; files newer than [`FORMAT_VERSION`] are refused.
    #[serde(default = "format_version")]
    pub format: u32,
    /// Title of the compass.
    pub title: String,
    /// The municipality that wrote it.
    #[serde(default)]
    pub municipality: String,
    /// The period it covers.
    #[serde(default)]
    pub period: String,
    /// Where its content comes from.
    #[serde(default)]
    pub source: String,
    /// Level names from the root down.
    #[serde(default)]
    pub levels: Vec<LevelDef>,
    /// The top goal; its children (inline or from included files) are the sectors.
    pub root: ElementDef,
    /// Part files in this folder, read in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Begrippen written inline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub begrippen: Vec<BegripDef>,
}

/// A level name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    /// Singular ("Koers").
    pub name: String,
    /// Plural ("Koersen"); defaults to the singular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<String>,
}

/// One element with its children.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementDef {
    /// Stable id; never recomputed from position.
    pub id: String,
    /// The level name, checked against the element's depth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The number or letter the document shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The element's words.
    pub title: String,
    /// Longer text (a koers's introduction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `#RRGGBB`, for sectors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Ids of other elements this one also relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// A web address or file the element points to (a mind map's hyperlink, an outline's
    /// `url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Name–value pairs in the source's order (a mind map's attributes, an outline's
    /// `xmlUrl` or `description`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    /// Named tags (a mind map's icons: "yes", "idea").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// An image the source shows on the element, by its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Children in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Self>,
}

/// A glossary entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BegripDef {
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// Id of the element it is listed under.
    pub element: String,
}

/// A part file: sectors, begrippen and the compass's other content, all optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartDef {
    /// Sectors (children of the root), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<ElementDef>,
    /// Begrippen, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub begrippen: Vec<BegripDef>,
    /// Readable pages: introduction, handleiding, chapters, appendices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageDef>,
    /// Leidende principes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub principes: Vec<PrincipeDef>,
    /// Trends with the kansen that tie them to koersen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trends: Vec<TrendDef>,
    /// Knooppunten of the overall course.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub knooppunten: Vec<KnooppuntDef>,
    /// Documents of established policy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beleid: Vec<BeleidDef>,
    /// The summary per element, as the document words it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samenvatting: Vec<SamenvattingDef>,
    /// Figures with their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicatoren: Vec<IndicatorDef>,
}

/// A page of running text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageDef {
    /// Stable id.
    pub id: String,
    /// Title, as the document writes it (shown as the page's heading).
    pub title: String,
    /// A short title for lists and the trail, from the document's own words, where its
    /// heading is not one ("ADVERTENTIE" → "Gevraagd: kompas").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nav: Option<String>,
    /// The group it is listed under ("Inleiding", "Bijlagen").
    #[serde(default)]
    pub group: String,
    /// Its contents in order.
    #[serde(default)]
    pub blocks: Vec<BlockDef>,
}

/// One block of a page. The variants without text show a typed section in place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BlockDef {
    /// A heading.
    Kop(String),
    /// A paragraph.
    Alinea(String),
    /// A bulleted list.
    Lijst(Vec<String>),
    /// The leidende principes.
    Principes,
    /// The trends, short.
    Trends,
    /// The trends in full, with their kansen table.
    TrendsVolledig,
    /// The knooppunten.
    Knooppunten,
    /// The list of established policy.
    Beleid,
    /// The summary per element.
    Samenvatting,
    /// The indicatoren, as charts and tables.
    Indicatoren,
}

/// A leidend principe.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipeDef {
    /// Its letter or number.
    pub id: String,
    /// Title.
    pub title: String,
    /// Explanation.
    #[serde(default)]
    pub text: String,
}

/// A trend.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrendDef {
    /// Stable id.
    pub id: String,
    /// Its number in the top 5.
    #[serde(default)]
    pub number: String,
    /// Title.
    pub title: String,
    /// The short description (chapter text).
    #[serde(default)]
    pub summary: String,
    /// The full description (appendix).
    #[serde(default)]
    pub text: String,
    /// The sentence introducing its kansen.
    #[serde(default)]
    pub kansen_intro: String,
    /// Kansen and uitdagingen: where they come back and an example.
    #[serde(default)]
    pub kansen: Vec<KansDef>,
}

/// A row of a trend's kansen table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KansDef {
    /// The kans or uitdaging.
    pub text: String,
    /// Ids of the elements (koersen) where it comes back.
    #[serde(default)]
    pub koersen: Vec<String>,
    /// The example, as the table words it.
    #[serde(default)]
    pub voorbeeld: String,
    /// Id of the element the example is.
    #[serde(default)]
    pub inspanning: Option<String>,
}

/// A knooppunt.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnooppuntDef {
    /// Its number.
    pub id: String,
    /// Title.
    pub title: String,
    /// Explanation.
    #[serde(default)]
    pub text: String,
}

/// A policy document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeleidDef {
    /// Its title.
    pub title: String,
    /// Its registration number, if given.
    #[serde(default)]
    pub number: Option<String>,
}

/// The summary of one element.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SamenvattingDef {
    /// Id of the element.
    pub element: String,
    /// Its title as the summary words it.
    pub title: String,
    /// The summary text.
    #[serde(default)]
    pub text: String,
}

/// A figure and its values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Unit of the values ("cijfer", "%", "inwoners").
    #[serde(default)]
    pub unit: String,
    /// Id of the trend it belongs to.
    #[serde(default)]
    pub trend: Option<String>,
    /// Where the figures come from.
    #[serde(default)]
    pub source: String,
    /// The sentence of the document that gives them.
    #[serde(default)]
    pub text: String,
    /// The values, in order.
    #[serde(default)]
    pub values: Vec<ValueDef>,
}

/// One value of an indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueDef {
    /// What it is the value of ("2015", "Jeugd").
    pub label: String,
    /// The number, for charts.
    pub value: f64,
    /// The number as the document writes it ("7,4", "8.200").
    #[serde(default)]
    pub shown: String,
}

/// Parses RON with the options the loader uses everywhere (a recursion limit guards the stack).
///
/// # Errors
/// The RON error with its position.
pub fn from_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron_options().from_str(text)
}

/// `implicit_some` lets a steward write `plural: "Koersen"` instead of `Some("Koersen")`.
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(256)
}

/// Writes RON the way the shipped files look: indented, no struct names.
///
/// # Errors
/// Only if serde fails, which these types cannot make it do.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    ron_options().to_string_pretty(value, config).map(|mut s| {
        s.push('\n');
        s
    })
}
