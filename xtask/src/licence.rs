// SPDX-License-Identifier: EUPL-1.2
//! The licence of the code: `LICENSE` holds the EUPL-1.2 text, and every
//! source file the repository tracks names it in an SPDX header near its top
//! (REUSE's convention), so a file copied elsewhere still says its licence.

use std::path::Path;
use std::process::Command;

/// The header every source file carries.
pub const SPDX: &str = "SPDX-License-Identifier: EUPL-1.2";

/// The kinds of file that are source code (data, fonts and images are not).
const SOURCE_EXTENSIONS: [&str; 5] = ["rs", "css", "js", "html", "sql"];

/// True for a tracked file that must carry the header.
fn is_source(path: &str) -> bool {
    path == ".ci/run" || path.rsplit_once('.').is_some_and(|(_, ext)| SOURCE_EXTENSIONS.contains(&ext))
}

/// The source files among `files` whose first five lines lack the header.
pub fn missing_headers<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<&'a str> {
    files
        .into_iter()
        .filter(|(path, _)| is_source(path))
        .filter(|(_, text)| !text.lines().take(5).any(|line| line.contains(SPDX)))
        .map(|(path, _)| path)
        .collect()
}

/// Checks `LICENSE` and the header of every tracked source file.
pub fn check(root: &Path) -> Result<(), String> {
    let licence = std::fs::read_to_string(root.join("LICENSE")).map_err(|e| format!("LICENSE: {e}"))?;
    if !licence.starts_with("EUROPEAN UNION PUBLIC LICENCE v. 1.2") || !licence.contains("Appendix") {
        return Err("LICENSE does not hold the whole EUPL-1.2 text".into());
    }
    let output = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run git ls-files: {e}"))?;
    let listed = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut files = Vec::new();
    for path in listed.split('\0').filter(|p| is_source(p)) {
        // A file deleted in the work tree but still tracked is not checked.
        if let Ok(text) = std::fs::read_to_string(root.join(path)) {
            files.push((path.to_owned(), text));
        }
    }
    let missing = missing_headers(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    if missing.is_empty() {
        println!("{} source files carry \"{SPDX}\"", files.len());
        Ok(())
    } else {
        Err(format!("source files without \"{SPDX}\" in their first lines: {}", missing.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_need_the_header_and_data_does_not() {
        let files = [
            ("src/a.rs", "// SPDX-License-Identifier: EUPL-1.2\n//! A module."),
            ("index.html", "<!DOCTYPE html>\n<!-- SPDX-License-Identifier: EUPL-1.2 -->"),
            ("src/b.rs", "//! No header.\n"),
            ("style/late.css", "a {}\n\n\n\n\n/* SPDX-License-Identifier: EUPL-1.2 */"),
            ("crates/domain/data/comuni.tsv", "001272\tTorino\t01"),
            ("src/other.rs", "// SPDX-License-Identifier: MIT\n"),
        ];
        assert_eq!(missing_headers(files), ["src/b.rs", "style/late.css", "src/other.rs"]);
    }
}
