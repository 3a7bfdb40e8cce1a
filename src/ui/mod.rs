//! The egui app: a thin layer over the core.

use std::path::PathBuf;
use std::process::ExitCode;

/// Starts the desktop app on the compass at `path`, or the embedded one.
pub fn run_app(_path: Option<PathBuf>) -> ExitCode {
    ExitCode::SUCCESS
}
