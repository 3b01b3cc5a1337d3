// SPDX-License-Identifier: EUPL-1.2
//! Converts ISTAT's list of Comuni ("Elenco dei comuni italiani", a
//! semicolon-separated CSV whose header spans several lines) into the compact
//! `code<TAB>name<TAB>region` file the domain crate ships. Run it when ISTAT
//! publishes a new list: `cargo xtask comuni FILE.csv YYYY-MM-DD`. Practices
//! keep the names they were given, so older codes never break a record.

use std::path::Path;

const CODE: &str = "Codice Comune formato alfanumerico";
const NAME: &str = "Denominazione (Italiana e straniera)";
const REGION: &str = "Codice Regione";
const PROVINCE: &str = "Codice dell'Unità territoriale sovracomunale \n(valida a fini statistici)";

/// Writes `crates/domain/data/comuni-DATE.tsv` from the ISTAT CSV at `source`.
pub fn convert(root: &Path, source: &Path, date: &str) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(source)
        .map_err(|e| format!("reading {}: {e}", source.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| {
        headers.iter().position(|h| h.trim() == name.trim()).ok_or_else(|| format!("no column {name:?} in {source:?}"))
    };
    let (code, name, region, province) = (column(CODE)?, column(NAME)?, column(REGION)?, column(PROVINCE)?);
    let mut out = format!("# Comuni italiani, ISTAT list of {date}. Fonte: ISTAT (CC BY). code\tname\tregion\n");
    let mut count = 0;
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        // Trentino-Alto Adige (04) is run as two autonomous provinces: 021 and 022.
        let region = match &record[region] {
            "04" => record[province].to_owned(),
            other => other.to_owned(),
        };
        out.push_str(&format!("{}\t{}\t{}\n", &record[code], record[name].trim(), region));
        count += 1;
    }
    let target = root.join(format!("crates/domain/data/comuni-{date}.tsv"));
    std::fs::create_dir_all(target.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    std::fs::write(&target, out).map_err(|e| format!("writing {}: {e}", target.display()))?;
    println!("wrote {count} Comuni to {}", target.display());
    Ok(())
}
