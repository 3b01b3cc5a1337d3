// SPDX-License-Identifier: EUPL-1.2
//! Stress runs against the real server binary, started as a child process on
//! a database of its own:
//!
//! - `stress --server PATH crash --kills N`: respondents keep submitting while
//!   the server is killed with SIGKILL at random moments and restarted; every
//!   acknowledged submission must then be in the database, intact, once.
//! - `stress --server PATH load --seconds S [--static-dir dist]`: respondents
//!   submitting, curators deciding and readers browsing the catalogue at
//!   once; prints throughput and latency.
//!
//! - `stress --server PATH rush --respondents N --per-second R`: the deadline
//!   hour, through a real nginx: each respondent from its own address sends
//!   once; prints submitted, acknowledged, found, lost, duplicated, refused
//!   and the latency.
//!
//! - `stress --server PATH fuzz --schemathesis ST`: schemathesis against every
//!   operation of the server's OpenAPI document.
//!
//! `cargo xtask crash`, `load` and `fuzz-api` build the server and run these.

mod crash;
mod fuzz;
mod load;
mod nginx;
mod rush;
mod server_process;
mod stored;
mod submission;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Crash-durability and load runs against the Buone pratiche server.
#[derive(Debug, Parser)]
#[command(name = "stress", about)]
struct Cli {
    /// The server binary to start (built from crates/server).
    #[arg(long, env = "BP_STRESS_SERVER")]
    server: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Kill the server with SIGKILL while respondents submit, restart it on
    /// the same database, then check that no acknowledged submission was
    /// lost, duplicated or altered.
    Crash {
        /// How many times the server is killed while submissions are in flight.
        #[arg(long, default_value_t = 20)]
        kills: u32,
        /// Respondents submitting at once.
        #[arg(long, default_value_t = 8)]
        submitters: usize,
    },
    /// Respondents submitting and readers browsing at once, on the demo data.
    Load {
        /// How long to run.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Respondents submitting one practice after another.
        #[arg(long, default_value_t = 50)]
        respondents: usize,
        /// Curators taking submissions in review, publishing and unpublishing them.
        #[arg(long, default_value_t = 2)]
        curators: usize,
        /// Readers opening the catalogue and practices.
        #[arg(long, default_value_t = 200)]
        readers: usize,
        /// The built app (dist): the server then keeps a static publication
        /// current after every decision, as a live site does.
        #[arg(long)]
        static_dir: Option<PathBuf>,
    },
    /// The deadline hour through nginx: respondents from distinct addresses
    /// each sending once, with the browser's retries.
    Rush {
        /// How many respondents send.
        #[arg(long, default_value_t = 3000)]
        respondents: usize,
        /// Respondents who send per second.
        #[arg(long, default_value_t = 50.0)]
        per_second: f64,
    },
    /// Property-based fuzzing of every API operation with schemathesis.
    Fuzz {
        /// The schemathesis command (`st`).
        #[arg(long)]
        schemathesis: PathBuf,
        /// Examples generated per operation and phase.
        #[arg(long, default_value_t = 50)]
        max_examples: u32,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Crash { kills, submitters } => crash::run(&cli.server, kills, submitters).await,
        Command::Load { seconds, respondents, curators, readers, static_dir } => {
            let load = load::Load { seconds, respondents, curators, readers, static_dir: static_dir.as_deref() };
            load::run(&cli.server, load).await
        }
        Command::Rush { respondents, per_second } => {
            rush::run(&cli.server, rush::Rush { respondents, per_second }).await
        }
        Command::Fuzz { schemathesis, max_examples } => fuzz::run(&cli.server, &schemathesis, max_examples).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stress: {message}");
            ExitCode::FAILURE
        }
    }
}
