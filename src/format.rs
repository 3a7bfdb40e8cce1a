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
    /// Children in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ElementDef>,
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

/// A part file: sectors and/or begrippen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartDef {
    /// Sectors (children of the root), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<ElementDef>,
    /// Begrippen, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub begrippen: Vec<BegripDef>,
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
