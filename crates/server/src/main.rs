// SPDX-License-Identifier: EUPL-1.2
use clap::Parser;
use server::config::{Cli, Command, UserCommand};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    let log = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    // BP_LOG_FORMAT=json: one JSON object per line, for the journal's or a
    // collector's parser.
    if cli.config.log_format == "json" {
        log.json().init();
    } else {
        log.init();
    }
    let outcome = match cli.command {
        None => server::serve(cli.config).await,
        Some(Command::ExportCatalogue { out }) => server::export_catalogue(&cli.config, &out).await,
        Some(Command::PublishStatic { out }) => server::publish::publish_static(&cli.config, &out).await,
        Some(Command::Backup { out }) => server::backup::command(&cli.config, out.as_deref()).await,
        Some(Command::Restore { from }) => server::backup::restore_command(&cli.config, from.as_deref()).await,
        Some(Command::Purge { dry_run }) => server::retention::command(&cli.config, dry_run).await,
        Some(Command::User(UserCommand::Add { email, role })) => server::add_user(&cli.config, &email, &role).await,
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
