// SPDX-License-Identifier: EUPL-1.2
//! The retention job on a real database, with the clock moved: it removes
//! exactly what the privacy notice says, when it says, and keeps the
//! practices' public content and the audit trail.

use crate::common::{TestServer, valid_answer};
use domain::record::vocabulary::ModerationStatus;
use domain::site::operator::Retention;
use rusqlite::Connection;
use server::retention::{Purged, purge};
use time::{Duration, OffsetDateTime};

/// Rows of every table that holds personal data, and of the audit log.
fn counts(conn: &Connection) -> Vec<(&'static str, i64)> {
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get(0)).unwrap();
    vec![
        ("practices", count("SELECT count(*) FROM practices")),
        ("practices with a referent", count("SELECT count(*) FROM practices WHERE answer ->> '$.contact_email' <> ''")),
        (
            "versions with a referent",
            count("SELECT count(*) FROM practice_versions WHERE answer ->> '$.contact_email' <> ''"),
        ),
        ("adoptions", count("SELECT count(*) FROM adoptions")),
        ("adoptions with a contact", count("SELECT count(*) FROM adoptions WHERE contact_email <> ''")),
        ("users", count("SELECT count(*) FROM users")),
        ("sessions", count("SELECT count(*) FROM sessions")),
        ("import_drafts", count("SELECT count(*) FROM import_drafts")),
        ("accessibility_reports", count("SELECT count(*) FROM accessibility_reports")),
        ("service_ratings", count("SELECT count(*) FROM service_ratings")),
        ("import_uploads", count("SELECT count(*) FROM import_uploads")),
        ("round_invitees", count("SELECT count(*) FROM round_invitees")),
        ("audit_log", count("SELECT count(*) FROM audit_log")),
    ]
}

/// Something of every kind the notice names, made `now`.
async fn everything(server: &TestServer, now: OffsetDateTime) -> [String; 3] {
    let published = server.seed(valid_answer(), ModerationStatus::Pubblicata).await;
    let rejected = server.seed(valid_answer(), ModerationStatus::Respinta).await;
    let waiting = server.seed(valid_answer(), ModerationStatus::Inviata).await;
    let (at, day) = (server::db::rfc3339(now), now.date().to_string());
    let sql = format!(
        "INSERT INTO adoptions (practice_id, idempotency_key, moderation_status, entity_type, entity_name, region_code,
                                adopted_on, adapted, changes, contact_name, contact_email, created_at, published_at)
         SELECT id, 'adoption-key-1', 'pubblicata', 'comune', 'Comune di Prato', '09', '2026-01', 0, '',
                'Anna Rossi', 'anna.rossi@comune.example.it', '{at}', '{at}' FROM practices WHERE reference = '{published}';
         INSERT INTO adoptions (practice_id, idempotency_key, moderation_status, entity_type, entity_name, region_code,
                                adopted_on, adapted, changes, contact_name, contact_email, created_at)
         SELECT id, 'adoption-key-2', 'inviata', 'comune', 'Comune di Siena', '09', '2026-01', 0, '',
                'Bruno Verdi', 'bruno.verdi@comune.example.it', '{at}' FROM practices WHERE reference = '{published}';
         INSERT INTO users (email, role, password_hash, disabled, created_at) VALUES
             ('chiuso@ente.example.it', 'curator', 'x', 1, '{at}'),
             ('attivo@ente.example.it', 'curator', 'x', 0, '{at}');
         INSERT INTO audit_log (at, actor, action, before) VALUES ('{at}', 'admin@ente.example.it', 'disable_user', 'chiuso@ente.example.it');
         INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
             SELECT 'closed-session', id, '{at}', '2999-01-01T00:00:00Z' FROM users WHERE email = 'chiuso@ente.example.it';
         INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
             SELECT 'live-session', id, '{at}', '{week}' FROM users WHERE email = 'attivo@ente.example.it';
         INSERT INTO accessibility_reports (page, description, email, received_at)
             VALUES ('/catalogo', 'Il filtro non si usa con la tastiera', 'lettore@example.org', '{at}');
         INSERT INTO service_ratings (stars, comment, day) VALUES (4, 'Utile', '{day}');
         INSERT INTO rounds (code, name, opens_on, closes_on) VALUES ('raccolta_prova', 'Raccolta di prova', '{day}', '{day}');
         INSERT INTO round_invitees (round_code, entity, email, added_at)
             VALUES ('raccolta_prova', 'Comune di Lucca', 'sociale@comune.lucca.example.it', '{at}');
         INSERT INTO import_uploads (file_name, file_sha256, sheet, uploaded_at, uploaded_by)
             VALUES ('risposte.csv', 'abc', '{{\"headers\":[],\"rows\":[]}}', '{at}', 'admin@ente.example.it');
         INSERT INTO import_batches (id, file_name, file_sha256, mapping, imported_at, imported_by)
             VALUES (1, 'risposte.csv', 'abc', '{{}}', '{at}', 'admin@ente.example.it');
         INSERT INTO import_drafts (batch_id, row_number, row_key, cells, answers, problems, created_at)
             VALUES (1, 2, 'import:abc', '[\"sociale@comune.lucca.example.it\"]', '{{}}', '[]', '{at}');",
        week = server::db::rfc3339(now + Duration::days(7)),
    );
    server.db.call(move |conn| Ok(conn.execute_batch(&sql)?)).await.unwrap();
    [published, rejected, waiting]
}

async fn run(server: &TestServer, at: OffsetDateTime, dry_run: bool) -> Purged {
    server.db.call(move |conn| purge(conn, &Retention::default(), at, dry_run)).await.unwrap()
}

#[tokio::test]
async fn the_retention_job_removes_what_the_notice_says_when_it_says() {
    let server = TestServer::start(None).await;
    let now = OffsetDateTime::now_utc();
    let [published, rejected, waiting] = everything(&server, now).await;
    let conn = Connection::open(&server.db_path).unwrap();
    let before = counts(&conn);

    // Defaults: contacts 24 months, accounts and feedback 12, invitees a
    // year after the round closes. A day on, only the spreadsheet uploaded
    // and never imported is due.
    assert_eq!(run(&server, now + Duration::days(1), false).await, Purged { uploads: 1, ..Purged::default() });

    // A week and a day on, the session has expired.
    let purged = run(&server, now + Duration::days(8), false).await;
    assert_eq!(purged, Purged { sessions: 1, ..Purged::default() });

    // A dry run says what a year and a day would remove, and changes nothing.
    let year = now + Duration::days(367);
    let snapshot = server.snapshot();
    let would = run(&server, year, true).await;
    assert_eq!(
        would,
        Purged { accounts: 1, reports: 1, ratings: 1, invitees: 1, ..Purged::default() },
        "a year on: the closed account (and its session), the report, the rating, the invitees"
    );
    assert_eq!(server.snapshot(), snapshot, "a dry run changes nothing");
    assert_eq!(run(&server, year, false).await, would);

    // Two years and a day on, the referents of the decided practices, the
    // contact of the decided adoption and the draft never completed; not
    // what waits for a decision.
    let purged = run(&server, now + Duration::days(2 * 366 + 1), false).await;
    assert_eq!(purged, Purged { referents: 2, adoption_contacts: 1, drafts: 1, ..Purged::default() });
    let after = counts(&conn);
    eprintln!("table                        before  after");
    for ((table, was), (_, is)) in before.iter().zip(&after) {
        eprintln!("{table:<28} {was:>6} {is:>6}");
    }
    let left: std::collections::HashMap<_, _> = after.into_iter().collect();
    assert_eq!(left["practices"], 3, "no practice is deleted");
    assert_eq!(left["practices with a referent"], 1, "the one waiting keeps its referent");
    assert_eq!(left["versions with a referent"], 1);
    assert_eq!((left["adoptions"], left["adoptions with a contact"]), (2, 1));
    assert_eq!((left["users"], left["sessions"]), (1, 0));
    assert_eq!((left["accessibility_reports"], left["service_ratings"], left["round_invitees"]), (0, 0, 0));
    assert_eq!((left["import_uploads"], left["import_drafts"]), (0, 0));

    let answer = |reference: &str| -> serde_json::Value {
        let text: String =
            conn.query_row("SELECT answer FROM practices WHERE reference = ?1", [reference], |r| r.get(0)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let blanked = answer(&published);
    let kept = serde_json::to_value(valid_answer()).unwrap();
    assert_eq!((blanked["contact_name"].as_str(), blanked["contact_email"].as_str()), (Some(""), Some("")));
    assert!(blanked.get("contact_phone").is_none() && blanked.get("contact_role").is_none(), "{blanked}");
    for public in ["title", "summary", "description", "entity_name", "public_contact"] {
        assert_eq!(blanked[public], kept[public], "{public} stays");
    }
    assert_eq!(answer(&rejected)["contact_email"], "");
    assert_eq!(answer(&waiting)["contact_email"], kept["contact_email"]);
    // The purge is in the audit log, by kind, without the values; the
    // entries before it stay.
    let purges: Vec<String> = conn
        .prepare("SELECT coalesce(message, '') FROM audit_log WHERE action = 'purge' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(purges.len(), 6, "{purges:?}");
    assert!(purges.iter().all(|m| !m.contains('@')), "{purges:?}");
    let disable: i64 =
        conn.query_row("SELECT count(*) FROM audit_log WHERE action = 'disable_user'", [], |r| r.get(0)).unwrap();
    assert_eq!(disable, 1);

    // Run again: nothing left to remove.
    assert_eq!(run(&server, now + Duration::days(2 * 366 + 2), false).await, Purged::default());
}
