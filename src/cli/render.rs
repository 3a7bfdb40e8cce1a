//! `kompas render`: a PNG of any view, drawn by the CPU renderer (no window, no GPU).

use std::path::PathBuf;
use std::process::ExitCode;

use super::{load_optional, print_problems};

/// What the picture shows beyond the view: the notes of a file and a year's progress.
pub(super) struct Shown {
    pub(super) notes: Option<PathBuf>,
    pub(super) voortgang: Option<i32>,
}

pub(super) fn render(
    out: &std::path::Path,
    view: Option<&str>,
    size: &str,
    theme: &str,
    path: Option<&PathBuf>,
    shown: Shown,
) -> ExitCode {
    use crate::ui::render;
    let Some((size, theme, kompas)) = prepare(size, theme, path) else {
        return ExitCode::FAILURE;
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
        presenting: false,
    };
    let png = match render::render_png_with_notes(kompas, &request, shown.notes, shown.voortgang) {
        Ok(png) => png,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match crate::write::write_atomic(out, &png) {
        Ok(()) => {
            say!("{}×{} geschreven naar {}", size[0], size[1], out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Kon {} niet schrijven: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// Size, theme and compass from the command line, each problem said.
fn prepare(
    size: &str,
    theme: &str,
    path: Option<&PathBuf>,
) -> Option<([u32; 2], crate::ui::theme::ThemeKind, crate::Kompas)> {
    use crate::ui::theme::ThemeKind;
    let Some(size) = crate::ui::render::parse_size(size) else {
        eprintln!("Onbekende afmeting '{size}'; gebruik bijvoorbeeld 1920x1080.");
        return None;
    };
    let theme = match theme.to_lowercase().replace(' ', "-").as_str() {
        "licht" => ThemeKind::Light,
        "donker" => ThemeKind::Dark,
        "hoog-contrast" | "hoogcontrast" => ThemeKind::HighContrast,
        other => {
            eprintln!("Onbekend thema '{other}'; kies licht, donker of hoog-contrast.");
            return None;
        }
    };
    match load_optional(path) {
        Ok(l) => Some((size, theme, l.kompas)),
        Err(e) => {
            print_problems(&e.problems);
            eprintln!("\n{e}; er kan geen afbeelding van worden gemaakt.");
            None
        }
    }
}

/// `kompas render --presenting --out DIR`: every step of the presentation as the room sees it,
/// one PNG per step named in step order.
pub(super) fn slides(
    dir: &std::path::Path,
    size: &str,
    theme: &str,
    path: Option<&PathBuf>,
) -> ExitCode {
    let Some((size, theme, kompas)) = prepare(size, theme, path) else {
        return ExitCode::FAILURE;
    };
    let total = match crate::ui::handout::write_presentation(&kompas, size, theme, dir, |_, _| ()) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    say!(
        "{total} dia's van {}×{} en de hand-out {} geschreven naar {}",
        size[0],
        size[1],
        crate::ui::handout::HANDOUT_FILE,
        dir.display()
    );
    ExitCode::SUCCESS
}
