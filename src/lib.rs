//! Kompas: navigate and work with a municipal policy compass.
//!
//! The core (`model`, `format`, `load`, `write`, `check`, ...) knows nothing of egui; the `ui`
//! module is a thin layer over it that reads the model and pushes commands.

pub mod check;
pub mod cli;
pub mod cli_notes;
pub mod content;
pub mod format;
pub mod generate;
pub mod glossary;
pub mod load;
pub mod mindmap;
pub mod model;
pub mod nav;
pub mod notes;
pub mod problem;
pub mod review;
pub mod search;
pub mod source;
pub mod text;
pub mod ui;
pub mod write;

pub use load::{LoadError, Loaded, load, load_embedded, load_path};
pub use model::{Begrip, Element, Ix, Kompas, Level, NodeId};
pub use problem::{Problem, Severity};
pub use source::Source;
