// SPDX-License-Identifier: EUPL-1.2
//! The open data's metadata, judged by an independent validator: a static
//! publication of the demo data is written with the built app, and its
//! `opendata/dcat.ttl` is validated by pyshacl against each of the official
//! SEMIC DCAT-AP 2.1.1 shapes vendored in `xtask/shacl/dcat-ap-2.1.1/`. Any
//! violation fails; warnings (recommended properties) are printed.

use std::path::Path;
use std::process::Command;

/// The shapes, each validated on its own (the range shapes read classes
/// from the data, the core ones cardinalities and literals).
const SHAPES: [&str; 3] =
    ["dcat-ap_2.1.1_shacl_shapes.ttl", "dcat-ap_2.1.1_shacl_range.ttl", "dcat-ap_2.1.1_shacl_shapes_recommended.ttl"];

pub fn check(root: &Path, pyshacl: &Path) -> Result<(), String> {
    let work = tempfile_dir()?;
    let site = work.join("site");
    crate::run_command(
        Command::new("cargo")
            .args(["run", "--quiet", "-p", "server", "--", "--demo", "publish-static"])
            .arg(&site)
            .env("BP_DATABASE", work.join("shacl.sqlite"))
            .env("BP_STATIC_DIR", root.join("dist"))
            .env("BP_PUBLIC_URL", "https://buonepratiche.example.org"),
    )?;
    let dcat = site.join("opendata/dcat.ttl");
    let mut violations = 0;
    for shapes in SHAPES {
        let output = Command::new(pyshacl)
            .args(["--format", "human", "--shacl"])
            .arg(root.join("xtask/shacl/dcat-ap-2.1.1").join(shapes))
            .arg(&dcat)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", pyshacl.display()))?;
        let report = String::from_utf8_lossy(&output.stdout);
        let count = |severity: &str| report.lines().filter(|l| l.trim() == format!("Severity: sh:{severity}")).count();
        let (found, warnings) = (count("Violation"), count("Warning"));
        println!("DCAT-AP 2.1.1 SHACL, {shapes}: {found} violations, {warnings} warnings");
        if found > 0 || !report.contains("Conforms:") {
            println!("{report}{}", String::from_utf8_lossy(&output.stderr));
        }
        violations += found.max(usize::from(!report.contains("Conforms:")));
    }
    let _ = std::fs::remove_dir_all(&work);
    if violations == 0 { Ok(()) } else { Err(format!("{violations} SHACL violations in opendata/dcat.ttl")) }
}

/// A fresh folder under the system's temporary folder.
fn tempfile_dir() -> Result<std::path::PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("bp-shacl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}
