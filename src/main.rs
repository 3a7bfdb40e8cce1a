//! The `kompas` binary: the app, or one of its command-line tools.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    let cli = kompas::cli::Cli::parse();
    match cli.command {
        Some(command) => kompas::cli::run(command),
        None => kompas::ui::run_app(cli.path),
    }
}
