//! Sizes of the built app, as a browser downloads it: raw, gzip (level 9) and
//! brotli (quality 11), per file and for what is needed before the first
//! render. The same compressors write the pre-compressed copies the server
//! sends, so the report shows exactly what goes over the wire.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One built file and its sizes in bytes.
pub struct FileSize {
    pub path: PathBuf,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Named by `index.html`, so fetched before the app can render.
    pub first_render: bool,
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

fn is_precompressed_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current).map_err(|e| format!("reading {}: {e}", current.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if !is_precompressed_copy(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Measures every file of `dir`.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let index = std::fs::read_to_string(dir.join("index.html"))
        .map_err(|e| format!("{}/index.html: {e} (build the app first: cargo xtask build)", dir.display()))?;
    let mut sizes = Vec::new();
    for path in files(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let relative = path.strip_prefix(dir).expect("walked from dir").to_path_buf();
        let name = relative.to_string_lossy().replace('\\', "/");
        sizes.push(FileSize {
            first_render: name == "index.html" || index.contains(&name),
            raw: bytes.len() as u64,
            gzip: gzip(&bytes).len() as u64,
            brotli: brotli(&bytes).len() as u64,
            path: relative,
        });
    }
    sizes.sort_by_key(|s| std::cmp::Reverse(s.raw));
    Ok(sizes)
}

/// Prints the size table and returns the first-render totals (raw, gzip, brotli).
pub fn report(dir: &Path) -> Result<(u64, u64, u64), String> {
    let sizes = measure(dir)?;
    println!("\nSize of {} (bytes; * = needed before first render)", dir.display());
    println!("{:<52} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let mut totals = (0, 0, 0);
    let mut all = (0, 0, 0);
    for s in &sizes {
        let mark = if s.first_render { "*" } else { " " };
        println!("{mark}{:<51} {:>10} {:>10} {:>10}", s.path.display(), s.raw, s.gzip, s.brotli);
        all = (all.0 + s.raw, all.1 + s.gzip, all.2 + s.brotli);
        if s.first_render {
            totals = (totals.0 + s.raw, totals.1 + s.gzip, totals.2 + s.brotli);
        }
    }
    println!("{:<52} {:>10} {:>10} {:>10}", "total, all files", all.0, all.1, all.2);
    println!("{:<52} {:>10} {:>10} {:>10}", "total before first render", totals.0, totals.1, totals.2);
    Ok(totals)
}

/// Fails when what is needed before first render exceeds `budget` bytes of brotli.
pub fn check_budget(dir: &Path, budget: u64) -> Result<(), String> {
    let (_, _, brotli) = report(dir)?;
    if brotli <= budget {
        println!("size budget: {brotli} of {budget} bytes (brotli) before first render");
        Ok(())
    } else {
        Err(format!("{brotli} bytes (brotli) before first render exceed the budget of {budget}"))
    }
}

/// Writes `.br` and `.gz` copies of the compressible assets. `index.html` is
/// left out: the server rewrites it on every response (CSP nonce).
pub fn precompress(dir: &Path) -> Result<(), String> {
    for path in files(dir)? {
        let compressible =
            matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "wasm" | "css" | "json" | "svg" | "tsv"));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        for (extension, compressed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            let mut target = path.clone().into_os_string();
            target.push(".");
            target.push(extension);
            std::fs::write(&target, compressed).map_err(|e| format!("writing {target:?}: {e}"))?;
        }
    }
    Ok(())
}
