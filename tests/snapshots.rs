//! Pixel snapshots: every view of the desk and the partner's window, at 800×600, 1280×720 and
//! 1920×1080, in the three themes, drawn by the project's own CPU renderer (no GPU needed) and
//! compared with the golden PNGs under `tests/snapshots/`.
//!
//! A layout that changes on purpose: look at the `.new.png` and `.diff.png` files beside the
//! goldens, then regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and look at
//! the changed PNGs before committing them.

#![expect(
    clippy::unwrap_used,
    reason = "Test helpers may panic: a broken fixture is a failed test."
)]

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions, SnapshotResults, TestRenderer};
use kompas::nav::{Location, View};
use kompas::ui::app::KompasApp;
use kompas::ui::command::{Command, Flag, NotesCommand, OnOff, UiCommand};
use kompas::ui::render::CpuRenderer;
use kompas::ui::theme::{Theme, ThemeKind};

/// The sizes a user meets: a small laptop or a window beside another, a projector, a desk.
const SIZES: [(u32, u32); 3] = [(800, 600), (1280, 720), (1920, 1080)];

/// egui_kittest's renderer interface over the project's CPU rasterizer.
struct Cpu {
    renderer: CpuRenderer,
    background: egui::Color32,
}

impl TestRenderer for Cpu {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        self.renderer.handle_delta(delta);
        delta.clear();
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let rect = ctx.content_rect();
        let ppp = output.pixels_per_point;
        let size = [
            (rect.width() * ppp).round() as u32,
            (rect.height() * ppp).round() as u32,
        ];
        let rgba = self.renderer.render(ctx, output, size, self.background);
        image::RgbaImage::from_raw(size[0], size[1], rgba).ok_or_else(|| "size".to_owned())
    }
}

fn cpu(theme: ThemeKind) -> Cpu {
    Cpu {
        renderer: CpuRenderer::default(),
        background: Theme::new(theme).bg,
    }
}

fn theme_name(theme: ThemeKind) -> &'static str {
    match theme {
        ThemeKind::Light => "licht",
        ThemeKind::Dark => "donker",
        ThemeKind::HighContrast => "hoog-contrast",
    }
}

/// Small differences (anti-aliasing of a glyph edge after a dependency update) pass; a moved
/// or missing word does not.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(1.5).max_failed_pixels(40)
}

fn notes_dir() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("snapshot-notities-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn desk(size: (u32, u32), theme: ThemeKind) -> Harness<'static, KompasApp> {
    let kompas = kompas::load_embedded().unwrap().kompas;
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0 as f32, size.1 as f32))
        .with_max_steps(16)
        .renderer(cpu(theme))
        .build_eframe(move |cc| {
            let mut app = KompasApp::new(&cc.egui_ctx, kompas, Vec::new(), None);
            for c in [
                Command::Set(Flag::Animations, OnOff::Off),
                Command::Notes(NotesCommand::SetDir(notes_dir())),
                Command::SetTheme(theme),
            ] {
                app.apply(&cc.egui_ctx, c);
            }
            app
        });
    h.run();
    h
}

fn go(h: &mut Harness<'static, KompasApp>, view: View, selected: Option<&str>) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        Command::Go(Location {
            view,
            selected: selected.map(Into::into),
        }),
    );
    h.run();
}

fn ui(h: &mut Harness<'static, KompasApp>, c: UiCommand) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Ui(c));
    h.run();
}

/// Each view of the desk, the way a user gets there.
const DESK_VIEWS: [&str; 12] = [
    "kompas",
    "koers",
    "kaart",
    "inspanning",
    "zoeken",
    "begrippen",
    "over-indicatoren",
    "over-trends",
    "notities",
    "voortgang",
    "voortgang-venster",
    "voortgang-indicatoren",
];

/// Every inspanning a status in 2018 and 2019, the same each run: the fifth of them in turn
/// niet gestart, in voorbereiding, …; in 2019 one step further.
fn with_progress(h: &mut Harness<'static, KompasApp>) {
    let ctx = h.ctx.clone();
    let k = h.state().kompas().clone();
    let statuses = h.state().notes().statuses.clone();
    let leaves: Vec<String> = k
        .document_order()
        .into_iter()
        .filter(|&ix| k.is_leaf(ix) && ix != k.root())
        .map(|ix| k.element(ix).id.as_str().to_owned())
        .collect();
    for (i, id) in leaves.iter().enumerate() {
        for (year, step) in [(2018, 0), (2019, 1)] {
            let status = statuses[(i * 7 / 5 + step) % statuses.len()].clone();
            h.state_mut().apply(
                &ctx,
                Command::Notes(NotesCommand::Annotate(
                    id.as_str().into(),
                    kompas::notes::Edit::Jaar(year, kompas::notes::YearEdit::Status(Some(status))),
                )),
            );
        }
    }
    h.state_mut().apply(
        &ctx,
        Command::Voortgang(kompas::ui::command::VoortgangCommand::SetYear(Some(2019))),
    );
    h.run();
}

fn show(h: &mut Harness<'static, KompasApp>, view: &str) {
    match view {
        "kompas" => {}
        "koers" => go(h, View::Page("4.3".into()), None),
        "kaart" => go(h, View::Kaart("4.3".into()), None),
        "inspanning" => go(h, View::Kaart("4.3".into()), Some("4.3.3.2")),
        "zoeken" => {
            ui(h, UiCommand::FocusSearch);
            h.get_by_role_and_label(Role::TextInput, "Zoeken")
                .type_text("mantelzorg");
            h.run();
        }
        "begrippen" => ui(h, UiCommand::ToggleGlossary),
        "over-indicatoren" => go(h, View::Over("indicatoren".into()), None),
        "over-trends" => go(h, View::Over("trends".into()), None),
        "notities" => ui(h, UiCommand::ShowNotesWindow),
        "voortgang" => with_progress(h),
        "voortgang-venster" => {
            with_progress(h);
            ui(h, UiCommand::ShowVoortgang);
        }
        "voortgang-indicatoren" => {
            use kompas::ui::command::VoortgangCommand;
            use kompas::ui::voortgang_view::MetingKind;
            let ctx = h.ctx.clone();
            for (kind, year, value) in [
                (MetingKind::Nulmeting, 2016, 7260.0),
                (MetingKind::Meting, 2017, 7310.0),
                (MetingKind::Meting, 2018, 7395.0),
                (MetingKind::Meting, 2019, 7410.0),
                (MetingKind::Streefwaarde, 2020, 7500.0),
            ] {
                h.state_mut().apply(
                    &ctx,
                    Command::Voortgang(VoortgangCommand::Meting(
                        "fysieke-beperking".into(),
                        kind,
                        year,
                        Some(value),
                    )),
                );
            }
            ui(h, UiCommand::ShowVoortgang);
            h.get_by_label("Indicatoren").click();
            h.run();
        }
        other => panic!("unknown view {other}"),
    }
}

fn snapshot_desk(view: &str) {
    let mut results = SnapshotResults::new();
    for size in SIZES {
        for theme in ThemeKind::ALL {
            let mut h = desk(size, theme);
            show(&mut h, view);
            let name = format!("{view}-{}x{}-{}", size.0, size.1, theme_name(theme));
            check(&mut h, &name, &mut results);
        }
    }
    results.unwrap();
}

#[test]
fn kompas() {
    snapshot_desk(DESK_VIEWS[0]);
}

#[test]
fn koers() {
    snapshot_desk(DESK_VIEWS[1]);
}

#[test]
fn kaart() {
    snapshot_desk(DESK_VIEWS[2]);
}

#[test]
fn inspanning() {
    snapshot_desk(DESK_VIEWS[3]);
}

#[test]
fn zoeken() {
    snapshot_desk(DESK_VIEWS[4]);
}

#[test]
fn begrippen() {
    snapshot_desk(DESK_VIEWS[5]);
}

#[test]
fn over_indicatoren() {
    snapshot_desk(DESK_VIEWS[6]);
}

#[test]
fn voortgang() {
    snapshot_desk(DESK_VIEWS[9]);
}

#[test]
fn voortgang_venster() {
    snapshot_desk(DESK_VIEWS[10]);
}

#[test]
fn voortgang_indicatoren() {
    snapshot_desk(DESK_VIEWS[11]);
}

#[test]
fn over_trends() {
    snapshot_desk(DESK_VIEWS[7]);
}

#[test]
fn notities() {
    snapshot_desk(DESK_VIEWS[8]);
}

#[test]
fn partner() {
    let k = kompas::load_embedded().unwrap().kompas;
    let mut notes = kompas::notes::NotesFile::default();
    for id in ["3.1.2.4", "4.3.3.2"] {
        notes.edit(
            id,
            "",
            "Gemeente",
            kompas::notes::Edit::Partners(vec!["Welzijn".into()]),
        );
    }
    let (_, mut invitation) = kompas::review::invite(
        &notes,
        &k,
        "Welzijn",
        "Gemeente",
        kompas::review::ShareNotes::No,
    );
    // A fixed moment: the header shows when the invitation was made.
    "2026-11-30T10:00:00Z".clone_into(&mut invitation.exported_at);
    // A relative path (tests run in the package folder): the footer shows where the
    // reaction is saved, which must read the same on every machine.
    let dir = std::path::Path::new("target/snapshot-partner");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("kompas-Welzijn.ron");
    kompas::review::write(&path, &invitation).unwrap();
    let mut results = SnapshotResults::new();
    for size in SIZES {
        for theme in ThemeKind::ALL {
            let file = kompas::review::read(&path).unwrap();
            let p = path.clone();
            let mut h = Harness::builder()
                .with_size(egui::vec2(size.0 as f32, size.1 as f32))
                .renderer(cpu(theme))
                .build_eframe(move |cc| {
                    let mut app = kompas::ui::partner_app::PartnerApp::new(&cc.egui_ctx, file, &p);
                    app.set_theme(&cc.egui_ctx, theme);
                    app
                });
            h.run();
            let name = format!("partner-{}x{}-{}", size.0, size.1, theme_name(theme));
            check(&mut h, &name, &mut results);
        }
    }
    results.unwrap();
}

/// Zoom makes everything bigger, the compass included, and never the compass smaller.
#[test]
fn zoom() {
    let mut results = SnapshotResults::new();
    for zoom in [0.5_f32, 1.5, 2.0] {
        for view in ["kompas", "kaart"] {
            let mut h = desk((1280, 720), ThemeKind::Light);
            let ctx = h.ctx.clone();
            h.state_mut().apply(&ctx, Command::SetZoom(zoom));
            h.run();
            show(&mut h, view);
            let name = format!("{view}-1280x720-zoom{:.0}-licht", zoom * 100.0);
            check(&mut h, &name, &mut results);
        }
    }
    results.unwrap();
}

/// Checks one snapshot; after `UPDATE_SNAPSHOTS=1` writes the golden again as opaque RGB at the
/// strongest PNG compression (the same pixels, half the bytes in the repository).
fn check<T>(h: &mut Harness<'_, T>, name: &str, results: &mut SnapshotResults) {
    results.add(h.try_snapshot_options(name, &options()));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        store_small(&std::path::Path::new("tests/snapshots").join(format!("{name}.png")));
    }
}

fn store_small(path: &std::path::Path) {
    let Ok(img) = image::open(path).map(|i| i.to_rgba8()) else {
        return;
    };
    if img.pixels().any(|p| p.0[3] != 255) {
        return;
    }
    let rgb = image::DynamicImage::ImageRgba8(img.clone()).to_rgb8();
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, img.width(), img.height());
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::High);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(rgb.as_raw()).unwrap();
    }
    if bytes.len() < std::fs::metadata(path).unwrap().len() as usize {
        // Read back: the same pixels, or the old file stays.
        let back = image::load_from_memory(&bytes).unwrap().to_rgba8();
        assert_eq!(back.as_raw(), img.as_raw(), "{}", path.display());
        std::fs::write(path, bytes).unwrap();
    }
}
