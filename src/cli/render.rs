//! `kompas render`: a PNG of any view, drawn by the CPU renderer (no window, no GPU).

use std::path::PathBuf;
use std::process::ExitCode;

use super::{load_optional, print_problems};

pub(super) fn render(
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
        "licht" => ThemeKind::Light,
        "donker" => ThemeKind::Dark,
        "hoog-contrast" | "hoogcontrast" => ThemeKind::HighContrast,
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
