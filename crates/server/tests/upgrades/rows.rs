// SPDX-License-Identifier: EUPL-1.2
//! Every row of every table, by primary key, and the comparisons the
//! upgrade tests make between two such snapshots.

use rusqlite::Connection;
use rusqlite::types::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One table: its columns in order and its rows by primary key (the key's
/// values, printed), each row's values in column order.
#[derive(Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: BTreeMap<String, Vec<Value>>,
}

impl Table {
    /// The value of `column` in every row, by key.
    pub fn column(&self, column: &str) -> impl Iterator<Item = (&String, &Value)> {
        let i = self.columns.iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
        self.rows.iter().map(move |(key, row)| (key, &row[i]))
    }

    /// Each row as a map from column to value.
    pub fn records(&self) -> impl Iterator<Item = BTreeMap<&str, &Value>> {
        self.rows.values().map(|row| self.columns.iter().map(String::as_str).zip(row).collect())
    }
}

/// Every table of a database (SQLite's own aside), by name.
pub type Snapshot = BTreeMap<String, Table>;

/// Reads every row of every table of the database at `path`.
pub fn snapshot(path: &Path) -> Snapshot {
    let conn = Connection::open(path).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut tables = Snapshot::new();
    for name in names {
        // (name, position in the primary key; 0 when not in it)
        let info: Vec<(String, i64)> = conn
            .prepare(&format!("SELECT name, pk FROM pragma_table_info('{name}') ORDER BY cid"))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let columns: Vec<String> = info.iter().map(|(c, _)| c.clone()).collect();
        let mut key: Vec<(i64, String)> = info.into_iter().filter(|(_, pk)| *pk > 0).map(|(c, pk)| (pk, c)).collect();
        key.sort();
        let mut key: Vec<String> = key.into_iter().map(|(_, c)| format!("\"{c}\"")).collect();
        if key.is_empty() {
            key.push("rowid".into());
        }
        let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
        let sql = format!("SELECT {}, {} FROM \"{name}\"", key.join(", "), quoted.join(", "));
        let mut statement = conn.prepare(&sql).unwrap();
        let mut result = statement.query([]).unwrap();
        let mut rows = BTreeMap::new();
        while let Some(row) = result.next().unwrap() {
            let values: Vec<Value> = (0..key.len() + columns.len()).map(|i| row.get(i).unwrap()).collect();
            let (k, v) = values.split_at(key.len());
            assert!(rows.insert(format!("{k:?}"), v.to_vec()).is_none(), "{name}: two rows with the key {k:?}");
        }
        tables.insert(name, Table { columns, rows });
    }
    tables
}

/// `PRAGMA user_version`: the schema's version.
pub fn schema_version(path: &Path) -> i64 {
    Connection::open(path).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

/// How strictly [`assert_kept`] compares.
#[derive(Clone, Copy, PartialEq)]
pub enum Kept {
    /// The same rows, none more.
    Exactly,
    /// The same rows, perhaps with new ones beside them.
    Among,
}

/// Every row of the `tables` of `before` is in `after` under the same key,
/// with the same value in every column `before` has (columns added since are
/// [`assert_added_columns`]'s). Fails with the list of every difference.
pub fn assert_kept(before: &Snapshot, after: &Snapshot, kept: Kept, tables: impl Fn(&str) -> bool, when: &str) {
    let mut lost = Vec::new();
    for (name, old) in before.iter().filter(|(name, _)| tables(name)) {
        let Some(new) = after.get(name) else {
            lost.push(format!("table {name} is gone"));
            continue;
        };
        let positions: Vec<Option<usize>> =
            old.columns.iter().map(|c| new.columns.iter().position(|n| n == c)).collect();
        for (column, position) in old.columns.iter().zip(&positions) {
            if position.is_none() {
                lost.push(format!("{name}.{column} is gone"));
            }
        }
        for (key, row) in &old.rows {
            let Some(now) = new.rows.get(key) else {
                lost.push(format!("{name} {key}: the row is gone ({row:?})"));
                continue;
            };
            for ((column, value), position) in old.columns.iter().zip(row).zip(&positions) {
                if let Some(position) = *position
                    && &now[position] != value
                {
                    lost.push(format!("{name} {key}: {column} was {value:?}, is {:?}", now[position]));
                }
            }
        }
        if kept == Kept::Exactly {
            for key in new.rows.keys().filter(|k| !old.rows.contains_key(*k)) {
                lost.push(format!("{name} {key}: a row that was not there"));
            }
        }
    }
    assert!(lost.is_empty(), "{when}:\n{}", lost.join("\n"));
}

/// The columns the migrations added since `before` was written, each holding
/// for an old row what its migration says: nothing (NULL: not asked then),
/// the column's default, or, for `practices.confirmed_at` (0010), the
/// respondent's last version's date, else the submission's. A column added
/// by a migration this list does not know fails: say here what it holds.
pub fn assert_added_columns(before: &Snapshot, after: &Snapshot) {
    let mut wrong = Vec::new();
    for (name, old) in before {
        let new = &after[name];
        for column in new.columns.iter().filter(|c| !old.columns.contains(c)) {
            for (key, value) in new.column(column) {
                let expected = match (name.as_str(), column.as_str()) {
                    ("practices", "lang" | "derived_from")
                    // 0014: only imported practices name a batch, a row and a date.
                    | ("practices", "import_batch" | "import_row" | "import_submitted")
                    | ("subscriptions", "lang")
                    | ("adoptions", "comune_code") => Value::Null,
                    ("users", "daily_digest") => Value::Integer(1),
                    ("practices", "confirmed_at") => confirmed_at(before, key),
                    _ => {
                        wrong.push(format!("{name}.{column}: added by a migration the test does not know"));
                        break;
                    }
                };
                if *value != expected {
                    wrong.push(format!("{name} {key}: the new column {column} is {value:?}, not {expected:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "columns added by the upgrade:\n{}", wrong.join("\n"));
}

/// What migration 0010 writes into `confirmed_at` for the practice `key`.
fn confirmed_at(before: &Snapshot, key: &str) -> Value {
    let practices = &before["practices"];
    let practice = practices.records().find(|p| format!("[{:?}]", p["id"]) == key).expect("the practice");
    let latest = before["practice_versions"]
        .records()
        .filter(|v| v["practice_id"] == practice["id"] && v["author"] == &Value::Text("respondent".into()))
        .map(|v| text(v["created_at"]).to_owned())
        .max();
    Value::Text(latest.unwrap_or_else(|| text(practice["submitted_at"]).to_owned()))
}

/// A text value's text.
pub fn text(value: &Value) -> &str {
    match value {
        Value::Text(text) => text,
        other => panic!("not text: {other:?}"),
    }
}

/// An integer value.
pub fn integer(value: &Value) -> i64 {
    match value {
        Value::Integer(n) => *n,
        other => panic!("not an integer: {other:?}"),
    }
}
