// SPDX-License-Identifier: EUPL-1.2
//! Curator accounts and their sessions. Passwords arrive here already hashed
//! and sessions by the hash of their secret: hashing and verifying (slow by
//! design) happen before and after, never while a connection is held.

use super::{DbError, invalid, now};
use domain::curation::api::{Account, Role};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// A signed-in (or signing-in) user's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub role: Role,
}

/// What sign-in needs to know about an account.
pub struct Login {
    pub user: UserRow,
    pub password_hash: String,
    pub disabled: bool,
}

fn role(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Role> {
    Role::from_code(&r.get::<_, String>(i)?).ok_or_else(|| invalid(i, "not a role"))
}

/// Adds an account with an already hashed password.
pub fn insert(conn: &Connection, email: &str, role: Role, password_hash: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO users (email, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![email.trim(), role.code(), password_hash, now()],
    )?;
    Ok(())
}

/// True when an account has this e-mail (case ignored).
pub fn exists(conn: &Connection, email: &str) -> Result<bool, DbError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1)", [email.trim()], |r| r.get(0))?)
}

/// The account signing in with this e-mail.
pub fn login(conn: &Connection, email: &str) -> Result<Option<Login>, DbError> {
    Ok(conn
        .query_row("SELECT id, email, role, password_hash, disabled FROM users WHERE email = ?1", [email.trim()], |r| {
            Ok(Login {
                user: UserRow { id: r.get(0)?, email: r.get(1)?, role: role(r, 2)? },
                password_hash: r.get(3)?,
                disabled: r.get(4)?,
            })
        })
        .optional()?)
}

/// Opens a session known by the hash of its secret.
pub fn open_session(conn: &Connection, token_hash: &str, user_id: i64, expires_at: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, now(), expires_at],
    )?;
    Ok(())
}

/// The user of a live session.
pub fn session_user(conn: &Connection, token_hash: &str) -> Result<Option<UserRow>, DbError> {
    Ok(conn
        .query_row(
            "SELECT u.id, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ?1 AND s.revoked = 0 AND s.expires_at > ?2 AND u.disabled = 0",
            params![token_hash, now()],
            |r| Ok(UserRow { id: r.get(0)?, email: r.get(1)?, role: role(r, 2)? }),
        )
        .optional()?)
}

/// Ends a session.
pub fn revoke(conn: &Connection, token_hash: &str) -> Result<(), DbError> {
    conn.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Every account, by e-mail.
pub fn all(conn: &Connection) -> Result<Vec<Account>, DbError> {
    let mut stmt = conn.prepare("SELECT email, role, disabled, created_at FROM users ORDER BY email")?;
    let rows = stmt.query_map([], |r| {
        Ok(Account { email: r.get(0)?, role: role(r, 1)?, disabled: r.get(2)?, created_at: r.get(3)? })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Disables (ending its sessions) or enables an account; false when there is none.
pub fn set_disabled(tx: &Transaction<'_>, email: &str, disabled: bool) -> Result<bool, DbError> {
    let changed = tx.execute("UPDATE users SET disabled = ?2 WHERE email = ?1", params![email, disabled])?;
    if changed > 0 && disabled {
        tx.execute("UPDATE sessions SET revoked = 1 WHERE user_id = (SELECT id FROM users WHERE email = ?1)", [email])?;
    }
    Ok(changed > 0)
}
