// SPDX-License-Identifier: EUPL-1.2
//! Online backup and restore of the SQLite database, with SQLite's own backup
//! API: `server backup FILE` copies the live database while the server keeps
//! serving, `server restore FILE` puts a copy back. Both check the copy
//! (integrity, schema) before trusting it.

use crate::db::DbError;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// What a checked copy holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Summary {
    pub practices: i64,
    pub bytes: u64,
}

/// Copies every page in one step, under one read transaction: the copy is the
/// database as it was at one instant, and writers in WAL mode are never
/// blocked. (Copying a few pages at a time would restart whenever the server
/// writes, and might never finish under load.)
fn copy(from: &Connection, to: &mut Connection) -> Result<(), DbError> {
    use rusqlite::backup::StepResult;
    let backup = Backup::new(from, to)?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // Another connection holds a lock for a moment: wait and retry.
            StepResult::More | StepResult::Busy | StepResult::Locked => std::thread::sleep(Duration::from_millis(50)),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Copies the database at `database` (open as `conn`, at schema version
/// `from`) beside it before its schema is upgraded: the file
/// `{name}.before-schema-{from}-to-{SCHEMA_VERSION}.sqlite`, numbered if one
/// is there already. Nothing is migrated unless the copy is whole and passes
/// the same check as a backup.
pub fn before_upgrade(conn: &Connection, database: &Path, from: i64) -> Result<std::path::PathBuf, DbError> {
    let name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let to = crate::db::SCHEMA_VERSION;
    let out = (0..)
        .map(|n| {
            let again = if n == 0 { String::new() } else { format!(".{n}") };
            database.with_file_name(format!("{name}.before-schema-{from}-to-{to}{again}.sqlite"))
        })
        .find(|candidate| !candidate.exists())
        .expect("a free name");
    write_checked(conn, &out)
        .map_err(|e| DbError::Io(std::io::Error::other(format!("the copy before the upgrade: {e}"))))?;
    Ok(out)
}

/// Copies `source` to `out`: written beside it and renamed once checked,
/// so a half-written or damaged file never looks like a copy.
fn write_checked(source: &Connection, out: &Path) -> Result<Summary, Box<dyn std::error::Error>> {
    let partial = out.with_extension("partial");
    let mut target = Connection::open(&partial)?;
    copy(source, &mut target)?;
    drop(target);
    let summary = check(&partial)?;
    std::fs::rename(&partial, out)?;
    Ok(summary)
}

/// Opens `path` read-only and checks it is a sound copy of our database.
fn check(path: &Path) -> Result<Summary, Box<dyn std::error::Error>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(format!("{} is damaged: {integrity}", path.display()).into());
    }
    let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if !(1..=crate::db::SCHEMA_VERSION).contains(&schema) {
        return Err(format!("{} is not a Buone pratiche database this version can read", path.display()).into());
    }
    let practices = conn.query_row("SELECT count(*) FROM practices", [], |r| r.get(0))?;
    Ok(Summary { practices, bytes: std::fs::metadata(path)?.len() })
}

/// Writes a consistent copy of the database at `database` to `out` (which
/// must not exist), safe while the server is running.
pub fn backup(database: &Path, out: &Path) -> Result<Summary, Box<dyn std::error::Error>> {
    if out.exists() {
        return Err(format!("{} already exists: choose a new file for the backup", out.display()).into());
    }
    if !database.exists() {
        return Err(format!("no database at {}", database.display()).into());
    }
    let source = Connection::open_with_flags(database, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(Duration::from_secs(30))?;
    write_checked(&source, out)
}

/// Replaces the contents of the database at `database` with the checked copy
/// `from`, in one transaction; a running server sees the restored data on its
/// next query. The schema is then brought up to date.
pub fn restore(database: &Path, from: &Path) -> Result<Summary, Box<dyn std::error::Error>> {
    let summary = check(from)?;
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut target = Connection::open(database)?;
    target.busy_timeout(Duration::from_secs(30))?;
    copy(&source, &mut target)?;
    drop(target);
    crate::db::Db::open(database)?;
    Ok(summary)
}
