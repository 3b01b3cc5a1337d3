// SPDX-License-Identifier: EUPL-1.2
//! The live static publication (`BP_PUBLISH_DIR`): every decision rewrites
//! the static site into a new folder and switches the link to it in one step,
//! so a reader of the static `catalogue.json` sees the old catalogue or the
//! new one, never half of a change. Decisions do not wait for it: a
//! background task writes the site once they are committed.

mod common;

use common::*;
use domain::record::vocabulary::ModerationStatus;
use reqwest::StatusCode;
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[tokio::test(flavor = "multi_thread")]
async fn decisions_switch_the_static_publication_in_one_step() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        r#"<html><head><meta name="bp-data-source" content="api" /></head><body></body></html>"#,
    )
    .unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log(1)").unwrap();
    let site = tempfile::tempdir().unwrap();
    let link = site.path().join("sito");
    let mut live = None;
    let server = TestServer::start_with(Some(dist.path()), |state| live = Some(publish_into(state, &link))).await;
    let live = live.unwrap();
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let id = server.seed(valid_answer(), ModerationStatus::InRevisione).await;

    // A reader keeps reading the static catalogue while decisions land.
    let catalogue = link.join("catalogue.json");
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (catalogue, stop, reads) = (catalogue.clone(), stop.clone(), reads.clone());
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                if let Ok(bytes) = std::fs::read(&catalogue) {
                    let document: Value = serde_json::from_slice(&bytes).expect("never half a file");
                    seen.push(document["practices"].as_array().unwrap().len());
                    reads.fetch_add(1, Ordering::Relaxed);
                }
            }
            seen
        })
    };
    let mut version = 1;
    for round in 0..5 {
        for (action, published) in [("publish", true), ("unpublish", false)] {
            let (status, body) = server.act(&curator, &id, action, version, None).await;
            assert_eq!(status, StatusCode::OK, "{action} in round {round}: {body}");
            version += 1;
            // The decision answered once committed; the site follows.
            live.settled().await;
            let document: Value = serde_json::from_slice(&std::fs::read(&catalogue).unwrap()).unwrap();
            let listed = document["practices"].as_array().unwrap().iter().any(|p| p["id"] == id.as_str());
            assert_eq!(listed, published, "the static catalogue follows the decision at once ({action})");
            assert_eq!(link.join(format!("pratiche/{id}.json")).exists(), published, "and so does the practice file");
            let sitemap = std::fs::read_to_string(link.join("sitemap.xml")).unwrap();
            assert_eq!(sitemap.contains(&format!("/pratiche/{id}</loc>")), published, "and the sitemap");
            if published {
                let page = std::fs::read_to_string(link.join(format!("pratiche/{id}/index.html"))).unwrap();
                let title = valid_answer().title;
                assert!(page.contains(&format!(r#"<meta property="og:title" content="{title} · Buone pratiche" />"#)));
                assert!(page.contains(r#"<script type="application/ld+json">"#), "JSON-LD, no nonce in a static file");
                assert!(page.contains(&format!(r#"<h1 lang="it">{title}</h1>"#)), "the page's frame and title");
                let read = format!(r#"<meta name="bp-start-read" content="pratiche/{id}.json" />"#);
                assert!(page.contains(&read), "the static copy's app starts from its own files: {page}");
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let seen = reader.join().expect("the reader never saw a broken file");
    assert!(reads.load(Ordering::Relaxed) > 10, "the reader read while decisions landed");
    assert!(seen.iter().all(|n| *n <= 1), "{seen:?}");

    assert!(link.is_symlink(), "the publication is a link switched in one rename");
    let generations = std::fs::read_dir(site.path()).unwrap().count();
    assert_eq!(generations, 3, "the link, the current site and the one before; older copies are removed");
    let index = std::fs::read_to_string(link.join("index.html")).unwrap();
    assert!(index.contains(r#"content="static""#), "the copy reads static data");
    let security = std::fs::read_to_string(link.join(".well-known/security.txt")).unwrap();
    assert!(security.contains("\nContact: mailto:sicurezza@example.org\n"), "{security}");
    let operator: domain::site::operator::Operator =
        serde_json::from_slice(&std::fs::read(link.join("operator.json")).unwrap()).unwrap();
    assert_eq!(
        operator.security_contact.as_deref(),
        Some("mailto:sicurezza@example.org"),
        "the copy names its operator"
    );
}

/// Starts the live publication into `link` for the server being configured.
fn publish_into(state: &mut server::AppState, link: &std::path::Path) -> Arc<server::publish::LivePublication> {
    let dist = state.static_dir.clone().expect("the built app");
    let operator = domain::site::operator::Operator {
        security_contact: Some("mailto:sicurezza@example.org".to_owned()),
        ..Default::default()
    };
    let live = server::publish::LivePublication::new(server::publish::Destination::folder(link), None, operator, None)
        .unwrap()
        .start(state.db.clone(), dist, state.public_url.clone());
    state.publication = Some(Arc::clone(&live));
    live
}

/// A disk that stalls while the site is written (here a named pipe in the
/// built app, whose opening blocks the copy until someone writes to it) does
/// not hold up decisions: each answers as soon as it is committed (before,
/// each waited for the whole site to be written), and the publication
/// catches up when the disk is back.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn decisions_answer_at_once_while_the_publication_is_slow() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), r#"<meta name="bp-data-source" content="api" />"#).unwrap();
    let pipe = dist.path().join("stalled.bin");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success());
    let site = tempfile::tempdir().unwrap();
    let link = site.path().join("sito");
    let mut live = None;
    let server = TestServer::start_with(Some(dist.path()), |state| live = Some(publish_into(state, &link))).await;
    let live = live.unwrap();
    let curator = sign_in(&server, "curatrice@example.org", server::auth::Role::Curator).await;
    let ids = [
        server.seed(valid_answer(), ModerationStatus::InRevisione).await,
        server.seed(valid_answer(), ModerationStatus::InRevisione).await,
        server.seed(valid_answer(), ModerationStatus::InRevisione).await,
    ];
    for id in &ids {
        let decision = server.act(&curator, id, "publish", 1, None);
        let (status, body) = tokio::time::timeout(std::time::Duration::from_secs(5), decision)
            .await
            .expect("the decision answers while the publication is stuck");
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert!(!link.exists(), "nothing is published while the disk is stuck");
    // The disk comes back: a plain file takes the pipe's place, and the
    // stalled read ends (that copy fails, and is logged); the requests that
    // came meanwhile are served by one more write.
    let moved = site.path().join("stalled.fifo");
    std::fs::rename(&pipe, &moved).unwrap();
    std::fs::write(&pipe, b"back").unwrap();
    // Without blocking: a copy that had not yet opened the pipe finds the
    // plain file instead, and then nobody reads the pipe (ENXIO); a blocking
    // open would wait for that reader for ever (seen here, once).
    use std::os::unix::fs::OpenOptionsExt;
    let writer = std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(&moved);
    match writer {
        Ok(writer) => drop(writer),
        Err(error) => assert_eq!(error.raw_os_error(), Some(libc::ENXIO), "{error}"),
    }
    std::fs::remove_file(&moved).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(20), live.settled()).await.expect("the publication catches up");
    let document: Value = serde_json::from_slice(&std::fs::read(link.join("catalogue.json")).unwrap()).unwrap();
    let listed: Vec<&str> =
        document["practices"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    for id in &ids {
        assert!(listed.contains(&id.as_str()), "{id} is in the static catalogue once the disk is back");
    }
}

#[test]
fn a_real_folder_is_refused_as_the_publication() {
    let folder = tempfile::tempdir().unwrap();
    let refused = server::publish::LivePublication::new(
        server::publish::Destination::folder(folder.path()),
        None,
        Default::default(),
        None,
    );
    assert!(refused.is_err_and(|e| e.contains("symbolic link")));
}
