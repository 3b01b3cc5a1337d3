// SPDX-License-Identifier: EUPL-1.2
//! Online backup and restore of the SQLite database, with SQLite's own backup
//! API: `server backup FILE` copies the live database while the server keeps
//! serving, `server restore FILE` puts a copy back. Both check the copy
//! (integrity, schema) before trusting it.

use crate::bucket::{self, Bucket};
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
    // A copy of a database in WAL mode is in WAL mode too, and even a
    // read-only open (the check) would leave `-wal` and `-shm` files beside
    // it under the temporary name: a backup is one file.
    target.pragma_update(None, "journal_mode", "DELETE")?;
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

// Backups in object storage (BP_BACKUP_URL).

/// The names of our backups in the bucket: `buone-pratiche-` and the UTC time
/// they were taken, so that sorting by name sorts by age. Nothing else in
/// the folder is ever read or deleted.
const NAME_PREFIX: &str = "buone-pratiche-";
const NAME_TIME: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");

fn object_name(at: time::OffsetDateTime) -> String {
    format!("{NAME_PREFIX}{}.sqlite", at.format(NAME_TIME).expect("a UTC time formats"))
}

/// When the backup called `name` was taken, if it is one of ours.
fn taken_at(name: &str) -> Option<time::OffsetDateTime> {
    let stamp = name.strip_prefix(NAME_PREFIX)?.strip_suffix(".sqlite")?;
    time::PrimitiveDateTime::parse(stamp, NAME_TIME).ok().map(|at| at.assume_utc())
}

/// Our backups in `bucket`, oldest first.
pub async fn backups_in(bucket: &Bucket) -> Result<Vec<String>, bucket::Error> {
    let mut names: Vec<String> =
        bucket.list().await?.into_iter().map(|o| o.name).filter(|name| taken_at(name).is_some()).collect();
    names.sort();
    Ok(names)
}

/// Writes a checked backup of `database` into `bucket`, then deletes all
/// but the newest `keep`. Returns the new object's name.
pub async fn backup_to(database: &Path, bucket: &Bucket, keep: usize) -> Result<(String, Summary), bucket::Error> {
    let name = object_name(time::OffsetDateTime::now_utc());
    let local = database.with_file_name(format!(".{name}.upload"));
    let (from, to) = (database.to_path_buf(), local.clone());
    let written = tokio::task::spawn_blocking(move || backup(&from, &to).map_err(|e| e.to_string())).await?;
    let uploaded = match written {
        Ok(summary) => bucket.upload(&name, &local).await.map(|()| summary),
        Err(error) => Err(error.into()),
    };
    let _ = tokio::fs::remove_file(&local).await;
    let summary = uploaded?;
    let names = backups_in(bucket).await?;
    for old in names.iter().take(names.len().saturating_sub(keep.max(1))) {
        bucket.delete(old).await?;
    }
    Ok((name, summary))
}

/// Restores the newest backup in `bucket` into `database`.
pub async fn restore_newest(database: &Path, bucket: &Bucket) -> Result<(String, Summary), bucket::Error> {
    let newest = backups_in(bucket).await?.pop().ok_or_else(|| format!("there is no backup at {}", bucket.url))?;
    let local = database.with_file_name(format!(".{newest}.download"));
    let _ = tokio::fs::remove_file(&local).await;
    let restored = match bucket.download(&newest, &local).await {
        Ok(()) => {
            let (database, from) = (database.to_path_buf(), local.clone());
            tokio::task::spawn_blocking(move || restore(&database, &from).map_err(|e| e.to_string())).await?
        }
        Err(error) => Err(error.to_string()),
    };
    let _ = tokio::fs::remove_file(&local).await;
    Ok((newest, restored?))
}

/// How long until the next backup is due, `every` after the newest one.
fn due_in(newest: Option<time::OffsetDateTime>, now: time::OffsetDateTime, every: Duration) -> Duration {
    newest.map_or(Duration::ZERO, |newest| {
        let next = newest + every;
        if next <= now { Duration::ZERO } else { (next - now).try_into().unwrap_or(every) }
    })
}

/// Backs the database up to `bucket` every `every`, for ever. The first one
/// is due `every` after the newest already there, so a server restarted
/// again and again does not crowd out the older backups; a failed backup is
/// logged and tried again within the hour.
pub async fn run(database: std::path::PathBuf, bucket: Bucket, every: Duration, keep: usize) {
    loop {
        let newest = backups_in(&bucket).await.map(|names| names.last().and_then(|n| taken_at(n)));
        let wait = match newest {
            Ok(newest) => due_in(newest, time::OffsetDateTime::now_utc(), every),
            Err(error) => {
                tracing::warn!(%error, bucket = %bucket.url, "listing the backups failed");
                every.min(Duration::from_secs(3600))
            }
        };
        tokio::time::sleep(wait).await;
        match backup_to(&database, &bucket, keep).await {
            Ok((name, summary)) => {
                tracing::info!(%name, practices = summary.practices, bytes = summary.bytes, "backed up to object storage");
                metrics::gauge!("bp_backup_last_success_timestamp_seconds")
                    .set(time::OffsetDateTime::now_utc().unix_timestamp() as f64);
            }
            Err(error) => {
                tracing::error!(%error, bucket = %bucket.url, "the backup to object storage failed: trying again within the hour");
                tokio::time::sleep(every.min(Duration::from_secs(3600))).await;
            }
        }
    }
}

/// `server backup [FILE]`: to the file, or to BP_BACKUP_URL.
pub async fn command(config: &crate::config::Config, out: Option<&Path>) -> Result<(), Box<dyn std::error::Error>> {
    let database = &config.database;
    if let Some(out) = out {
        let summary = backup(database, out)?;
        println!("backed up {} practices ({} bytes) to {}", summary.practices, summary.bytes, out.display());
        return Ok(());
    }
    let bucket = config.backup_bucket()?.ok_or("name a backup file, or set BP_BACKUP_URL")?;
    if !database.exists() {
        return Err(format!("no database at {}", database.display()).into());
    }
    let (name, summary) = backup_to(database, &bucket, config.backup_keep as usize).await.map_err(|e| e.to_string())?;
    println!("backed up {} practices ({} bytes) to {}/{name}", summary.practices, summary.bytes, bucket.url);
    Ok(())
}

/// `server restore [FILE]`: from the file, or from the newest backup at BP_BACKUP_URL.
pub async fn restore_command(
    config: &crate::config::Config,
    from: Option<&Path>,
) -> Result<(), Box<dyn std::error::Error>> {
    let database = &config.database;
    let (source, summary) = match from {
        Some(from) => (from.display().to_string(), restore(database, from)?),
        None => {
            let bucket = config.backup_bucket()?.ok_or("name a backup file, or set BP_BACKUP_URL")?;
            let (name, summary) = restore_newest(database, &bucket).await.map_err(|e| e.to_string())?;
            (format!("{}/{name}", bucket.url), summary)
        }
    };
    println!("restored {} practices from {source} into {}", summary.practices, database.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn backup_names_sort_by_age_and_only_ours_are_read() {
        let name = object_name(datetime!(2026-05-15 09:05:03 UTC));
        assert_eq!(name, "buone-pratiche-20260515T090503Z.sqlite");
        assert_eq!(taken_at(&name), Some(datetime!(2026-05-15 09:05:03 UTC)));
        for foreign in ["altro.sqlite", "buone-pratiche-ieri.sqlite", "buone-pratiche-20260515T090503Z.sqlite.partial"]
        {
            assert_eq!(taken_at(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn the_next_backup_is_due_a_period_after_the_newest() {
        let day = Duration::from_secs(24 * 3600);
        let now = datetime!(2026-05-15 12:00 UTC);
        assert_eq!(due_in(None, now, day), Duration::ZERO, "none yet: at once");
        assert_eq!(due_in(Some(datetime!(2026-05-14 12:00 UTC)), now, day), Duration::ZERO);
        assert_eq!(due_in(Some(datetime!(2026-05-13 12:00 UTC)), now, day), Duration::ZERO, "overdue: at once");
        assert_eq!(due_in(Some(datetime!(2026-05-15 06:00 UTC)), now, day), Duration::from_secs(18 * 3600));
    }
}
