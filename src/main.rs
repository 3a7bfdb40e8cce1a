//! The `kompas` binary: the app, or one of its command-line tools.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    let cli = kompas::cli::Cli::parse();
    match cli.command {
        Some(command) => kompas::cli::run(command),
        #[cfg(feature = "gui")]
        None => kompas::ui::run_app(cli.path),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "Kompas is gebouwd zonder venster (zonder de feature gui); gebruik een \
                 opdracht, zie kompas --help."
            );
            std::process::ExitCode::FAILURE
        }
    }
}
