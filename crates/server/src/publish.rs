//! Static publication: one folder that any plain static web server can host,
//! with no API behind it. It holds the release app (switched to read static
//! data), `catalogue.json`, one `pratiche/{id}.json` per published practice,
//! the open-data files, and an `index.html` entry point for every page address
//! so that deep links work on servers that only serve files.

use crate::config::Config;
use crate::{api, db, demo, opendata};
use std::path::Path;

/// Pages of the app that a visitor may open directly.
const PAGES: [&str; 9] = [
    "catalogo",
    "statistiche",
    "incorpora",
    "questionario",
    "accessibilita",
    "privacy",
    "dati-aperti",
    "embed/catalogo",
    "pratiche",
];

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("entries have names"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// The app's page for static hosting: static data, no nonce placeholders
/// (there is no server to fill them).
pub fn static_index(index: &str) -> String {
    index
        .replace(
            r#"<meta name="bp-data-source" content="api" />"#,
            r#"<meta name="bp-data-source" content="static" />"#,
        )
        .replace(&format!(r#" nonce="{}""#, crate::web::NONCE_PLACEHOLDER), "")
}

/// Writes the static site into `out` from the built app in `config.static_dir`.
pub async fn publish_static(config: &Config, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let dist = config.static_dir.as_deref().ok_or("publish-static needs the built app: set BP_STATIC_DIR (dist)")?;
    let db = db::Db::open(&config.database)?;
    if config.demo {
        demo::load_if_empty(&db).await?;
    }
    copy_dir(dist, out)?;
    let mut index = static_index(&std::fs::read_to_string(dist.join("index.html"))?);
    if let Some(url) = &config.questionnaire_url {
        let escaped = url.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        let meta = format!(r#"<meta name="bp-questionnaire-url" content="{escaped}" />"#);
        index =
            index.replacen("<meta name=\"bp-data-source\"", &format!("{meta}\n    <meta name=\"bp-data-source\""), 1);
    }
    std::fs::write(out.join("index.html"), &index)?;
    std::fs::write(out.join("404.html"), &index)?;
    let practices = db.call(|conn| db::published_practices(conn)).await?;
    for page in PAGES {
        std::fs::create_dir_all(out.join(page))?;
        std::fs::write(out.join(page).join("index.html"), &index)?;
    }
    for practice in &practices {
        let id = practice.id.as_str();
        std::fs::write(out.join("pratiche").join(format!("{id}.json")), serde_json::to_vec(practice)?)?;
        for page in [format!("pratiche/{id}"), format!("embed/pratiche/{id}")] {
            std::fs::create_dir_all(out.join(&page))?;
            std::fs::write(out.join(&page).join("index.html"), &index)?;
        }
    }
    std::fs::write(out.join("catalogue.json"), serde_json::to_vec(&api::build_catalogue(&db).await?)?)?;
    let opendata = out.join("opendata");
    std::fs::create_dir_all(&opendata)?;
    for (name, _, _) in opendata::FILES {
        let body = opendata::render(name, &config.public_url(), &practices).expect("every listed file renders");
        std::fs::write(opendata.join(name), body)?;
    }
    println!("wrote a static site with {} practices to {}", practices.len(), out.display());
    Ok(())
}
