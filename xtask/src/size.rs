// SPDX-License-Identifier: EUPL-1.2
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
}

/// Bytes (raw, gzip, brotli).
pub type Totals = (u64, u64, u64);

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

/// Measures every file of `dir`, largest first.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut sizes = Vec::new();
    for path in files(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        sizes.push(FileSize {
            raw: bytes.len() as u64,
            gzip: gzip(&bytes).len() as u64,
            brotli: brotli(&bytes).len() as u64,
            path: path.strip_prefix(dir).expect("walked from dir").to_path_buf(),
        });
    }
    sizes.sort_by_key(|s| std::cmp::Reverse(s.raw));
    Ok(sizes)
}

/// The entry pages of a build: `{entry}.html` for each entry point, or the
/// `index.html` of a single-page build (a static publication's root).
fn entry_pages(dir: &Path) -> Vec<String> {
    let pages: Vec<String> =
        crate::ENTRIES.iter().map(|e| format!("{e}.html")).filter(|page| dir.join(page).exists()).collect();
    if pages.is_empty() { vec!["index.html".to_owned()] } else { pages }
}

/// What the browser downloads before the first render of `page`: the page
/// and every file it names (CSS, JS, wasm, the preloaded font).
fn first_render(dir: &Path, sizes: &[FileSize], page: &str) -> Result<Totals, String> {
    let html = std::fs::read_to_string(dir.join(page))
        .map_err(|e| format!("{}/{page}: {e} (build the app first: cargo xtask build)", dir.display()))?;
    let needed =
        |name: &str| name == page || html.contains(&format!("\"/{name}\"")) || html.contains(&format!("\"{name}\""));
    Ok(sizes
        .iter()
        .filter(|s| needed(&s.path.to_string_lossy().replace('\\', "/")))
        .fold((0, 0, 0), |t, s| (t.0 + s.raw, t.1 + s.gzip, t.2 + s.brotli)))
}

/// Prints the size table and each entry point's first-render totals; returns
/// those totals by entry page.
pub fn report(dir: &Path) -> Result<Vec<(String, Totals)>, String> {
    let sizes = measure(dir)?;
    println!("\nSize of {} (bytes)", dir.display());
    println!("{:<52} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let mut all = (0, 0, 0);
    for s in &sizes {
        println!(" {:<51} {:>10} {:>10} {:>10}", s.path.display(), s.raw, s.gzip, s.brotli);
        all = (all.0 + s.raw, all.1 + s.gzip, all.2 + s.brotli);
    }
    println!("{:<52} {:>10} {:>10} {:>10}", "total, all files", all.0, all.1, all.2);
    println!("\nBefore first render, per entry point (the page and what it names):");
    let mut totals = Vec::new();
    for page in entry_pages(dir) {
        let total = first_render(dir, &sizes, &page)?;
        println!(" {:<51} {:>10} {:>10} {:>10}", page, total.0, total.1, total.2);
        totals.push((page, total));
    }
    Ok(totals)
}

/// Fails when what an entry point needs before its first render exceeds its
/// budget (brotli bytes, by entry name).
pub fn check_budget(dir: &Path, budgets: &[(&str, u64)]) -> Result<(), String> {
    let mut over = Vec::new();
    for (page, (_, _, brotli)) in report(dir)? {
        let entry = page.trim_end_matches(".html");
        let Some((_, budget)) = budgets.iter().find(|(name, _)| *name == entry) else {
            return Err(format!("no size budget for the entry point {entry}"));
        };
        println!("size budget, {entry}: {brotli} of {budget} bytes (brotli) before first render");
        if brotli > *budget {
            over.push(format!("{entry}: {brotli} > {budget}"));
        }
    }
    if over.is_empty() { Ok(()) } else { Err(format!("over the size budget (brotli bytes): {}", over.join(", "))) }
}

/// Writes `.br` and `.gz` copies of the compressible assets. The HTML pages are
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

/// The code bytes in a wasm module of the functions whose (demangled) names
/// hold one of `paths`, and of all its functions, from its code and name
/// sections. For the cargo output before wasm-bindgen and wasm-opt, which
/// keeps the names: the share of a part of the app, not its final size.
pub fn code_of(wasm: &Path, paths: &[&str]) -> Result<(u64, u64), String> {
    use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};
    let bytes = std::fs::read(wasm).map_err(|e| format!("reading {}: {e}", wasm.display()))?;
    let (mut imported, mut bodies, mut names) = (0u32, Vec::new(), std::collections::HashMap::new());
    for payload in Parser::new(0).parse_all(&bytes) {
        match payload.map_err(|e| format!("{}: {e}", wasm.display()))? {
            Payload::ImportSection(imports) => {
                for import in imports {
                    let import = import.map_err(|e| e.to_string())?;
                    imported += u32::from(matches!(import.ty, TypeRef::Func(_)));
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for part in reader {
                        if let Ok(Name::Function(map)) = part {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index, rustc_demangle::demangle(naming.name).to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let total = bodies.iter().sum();
    let part = bodies
        .iter()
        .enumerate()
        .filter(|(i, _)| names.get(&(imported + *i as u32)).is_some_and(|name| paths.iter().any(|p| name.contains(p))))
        .map(|(_, size)| size)
        .sum();
    Ok((part, total))
}
