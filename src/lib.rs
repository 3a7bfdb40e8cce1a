//! Kompas: navigate and work with a municipal policy compass.
//!
//! The core (`model`, `format`, `load`, `write`, `check`, ...) knows nothing of egui; the `ui`
//! module (behind the default feature `gui`) is a thin layer over it that reads the model and
//! pushes commands. `cargo build --no-default-features` builds the core and the command-line
//! tools without egui, so the core cannot come to depend on it. See `ARCHITECTURE.md`.

mod check;
pub mod cli;

pub mod format;
pub mod fsio;
pub mod generate;
pub mod glossary;
pub mod load;
pub mod mindmap;
pub mod model;
pub mod nav;
pub mod notes;
pub mod problem;
pub mod publish;
pub mod review;
pub mod search;
pub mod source;
mod text;
#[cfg(feature = "gui")]
pub mod ui;
pub mod voortgang;
pub mod write;

pub use load::{LoadError, Loaded, load, load_embedded, load_path};
pub use model::content;
pub use model::{Begrip, Element, Ix, Kompas, Level, NodeId};
pub use problem::{Problem, Severity};
pub use source::Source;
