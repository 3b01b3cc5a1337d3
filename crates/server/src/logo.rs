// SPDX-License-Identifier: EUPL-1.2
//! The operating administration's emblem or logo in the header
//! (`BP_OPERATOR_LOGO`): a local SVG or PNG file, read once at start and
//! served from the site itself (`/logo-ente.svg`), so no page asks another
//! site for it, and written into the static publication.

use std::path::Path;
use std::sync::Arc;

/// The largest logo file accepted: an emblem is a few kilobytes, and the
/// header loads it on every page.
pub const MAX_BYTES: usize = 256 * 1024;

/// A checked logo file.
#[derive(Clone, Debug)]
pub struct Logo {
    /// Where the site serves it (`/logo-ente.svg`).
    pub address: String,
    pub media_type: &'static str,
    pub bytes: Arc<[u8]>,
}

/// The address and media type the file at `path` is served with, by its
/// extension; SVG and PNG only.
pub fn address_of(path: &Path) -> Result<(String, &'static str), String> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("svg") => Ok(("/logo-ente.svg".into(), "image/svg+xml")),
        Some("png") => Ok(("/logo-ente.png".into(), "image/png")),
        _ => Err(format!("BP_OPERATOR_LOGO must be an .svg or .png file, not {}", path.display())),
    }
}

/// Reads and checks the logo file at `path`.
pub fn load(path: &Path) -> Result<Logo, String> {
    let (address, media_type) = address_of(path)?;
    let bytes = std::fs::read(path).map_err(|e| format!("BP_OPERATOR_LOGO {}: {e}", path.display()))?;
    if bytes.len() > MAX_BYTES {
        return Err(format!("BP_OPERATOR_LOGO {} is over {} KiB", path.display(), MAX_BYTES / 1024));
    }
    let looks_right = match media_type {
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        _ => std::str::from_utf8(&bytes).is_ok_and(|text| text.contains("<svg")),
    };
    if !looks_right {
        return Err(format!("BP_OPERATOR_LOGO {} is not a {media_type} file", path.display()));
    }
    Ok(Logo { address, media_type, bytes: bytes.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_svg_and_png_files_are_logos() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let svg = load(&file("stemma.SVG", br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#)).unwrap();
        assert_eq!((svg.address.as_str(), svg.media_type), ("/logo-ente.svg", "image/svg+xml"));
        assert!(load(&file("stemma.png", b"\x89PNG\r\n\x1a\nrest")).is_ok());
        assert!(load(&file("finto.png", b"<svg/>")).unwrap_err().contains("not a image/png"));
        assert!(load(&file("stemma.gif", b"GIF89a")).unwrap_err().contains(".svg or .png"));
        let big = format!("<svg>{}</svg>", " ".repeat(MAX_BYTES));
        assert!(load(&file("grande.svg", big.as_bytes())).unwrap_err().contains("KiB"));
        assert!(load(&dir.path().join("manca.svg")).is_err());
    }
}
