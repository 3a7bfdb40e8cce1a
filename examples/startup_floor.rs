//! The floor under Kompas's start-up: an eframe window with one label, built with the same
//! eframe features, measured the same way (`tools/startup.sh` with `KOMPAS_BIN` set to this
//! example). What Kompas takes beyond it is Kompas's own.

fn main() -> eframe::Result {
    eframe::run_ui_native(
        "kompas-vloer",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
            ..Default::default()
        },
        |ui, _frame| {
            ui.label("Kompas");
        },
    )
}
