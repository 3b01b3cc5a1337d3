// SPDX-License-Identifier: EUPL-1.2
//! Service ratings (the one question after the receipt).

use super::DbError;
use domain::site::feedback::{RatingComment, RatingResults, ServiceRating};
use rusqlite::{Connection, Transaction, params};

/// The most recent comments the results show.
pub const COMMENTS_SHOWN: usize = 200;

/// Stores a checked rating, sent on `day` (`YYYY-MM-DD`).
pub fn insert(tx: &Transaction<'_>, rating: &ServiceRating, day: &str) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO service_ratings (stars, comment, day) VALUES (?1, ?2, ?3)",
        params![rating.stars, rating.comment.trim(), day],
    )?;
    Ok(())
}

/// How many ratings of each number of stars, and the latest comments.
pub fn results(conn: &Connection) -> Result<RatingResults, DbError> {
    let mut results = RatingResults::default();
    let mut counts = conn.prepare("SELECT stars, COUNT(*) FROM service_ratings GROUP BY stars")?;
    for row in counts.query_map([], |r| Ok((r.get::<_, u8>(0)?, r.get::<_, u32>(1)?)))? {
        let (stars, count) = row?;
        results.by_stars[usize::from(stars - 1)] = count;
    }
    let mut comments =
        conn.prepare("SELECT stars, comment, day FROM service_ratings WHERE comment <> '' ORDER BY id DESC LIMIT ?1")?;
    let rows = comments
        .query_map([COMMENTS_SHOWN], |r| Ok(RatingComment { stars: r.get(0)?, comment: r.get(1)?, day: r.get(2)? }))?;
    results.comments = rows.collect::<Result<_, _>>()?;
    Ok(results)
}
