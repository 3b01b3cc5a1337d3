// SPDX-License-Identifier: EUPL-1.2
//! Geography (`domain.md` §5): regions and autonomous provinces by ISTAT code,
//! and the ISTAT code of a Comune. Trentino-Alto Adige (04) is not offered:
//! social policy there is run by the two autonomous provinces, 021 and 022.

use crate::record::vocabulary::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;

vocabulary! {
    /// Regione / Provincia autonoma, by ISTAT code.
    Region {
        Piemonte = "01": "Piemonte" / "Piedmont",
        ValleDAosta = "02": "Valle d'Aosta/Vallée d'Aoste" / "Aosta Valley",
        Lombardia = "03": "Lombardia" / "Lombardy",
        Bolzano = "021": "Provincia autonoma di Bolzano/Bozen" / "Autonomous Province of Bolzano",
        Trento = "022": "Provincia autonoma di Trento" / "Autonomous Province of Trento",
        Veneto = "05": "Veneto" / "Veneto",
        FriuliVeneziaGiulia = "06": "Friuli-Venezia Giulia" / "Friuli-Venezia Giulia",
        Liguria = "07": "Liguria" / "Liguria",
        EmiliaRomagna = "08": "Emilia-Romagna" / "Emilia-Romagna",
        Toscana = "09": "Toscana" / "Tuscany",
        Umbria = "10": "Umbria" / "Umbria",
        Marche = "11": "Marche" / "Marche",
        Lazio = "12": "Lazio" / "Lazio",
        Abruzzo = "13": "Abruzzo" / "Abruzzo",
        Molise = "14": "Molise" / "Molise",
        Campania = "15": "Campania" / "Campania",
        Puglia = "16": "Puglia" / "Apulia",
        Basilicata = "17": "Basilicata" / "Basilicata",
        Calabria = "18": "Calabria" / "Calabria",
        Sicilia = "19": "Sicilia" / "Sicily",
        Sardegna = "20": "Sardegna" / "Sardinia",
    }
}

/// The six-digit ISTAT code of a Comune, kept as text so that leading zeros
/// survive (`001272` is Torino).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ComuneCode(String);

/// Why a string is not a Comune's ISTAT code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidComuneCode;

impl fmt::Display for InvalidComuneCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISTAT Comune code has exactly six digits")
    }
}

impl ComuneCode {
    /// Accepts exactly six ASCII digits.
    pub fn parse(code: &str) -> Result<Self, InvalidComuneCode> {
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(code.to_owned()))
        } else {
            Err(InvalidComuneCode)
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ComuneCode {
    type Error = InvalidComuneCode;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        Self::parse(&code)
    }
}

impl From<ComuneCode> for String {
    fn from(code: ComuneCode) -> Self {
        code.0
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ComuneCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::schemas::text(r"^[0-9]{6}$", "001272", "The six-digit ISTAT code of a Comune.")
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ComuneCode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comune_codes_are_six_digits() {
        let cases = [
            ("001272", true, "Torino, leading zeros kept"),
            ("058091", true, "Roma"),
            ("15146", false, "five digits: a lost leading zero"),
            ("0152460", false, "seven digits"),
            ("01527a", false, "a letter"),
            ("", false, "empty"),
            ("٠٠١٢٧٢", false, "non-ASCII digits"),
        ];
        for (code, ok, why) in cases {
            assert_eq!(ComuneCode::parse(code).is_ok(), ok, "{why}: {code:?}");
        }
    }

    #[test]
    fn regions_follow_istat_codes_with_the_two_autonomous_provinces() {
        assert_eq!(Region::ALL.len(), 21);
        assert_eq!(Region::from_code("16"), Some(Region::Puglia));
        assert_eq!(Region::from_code("04"), None, "Trentino-Alto Adige is split in 021/022");
        assert_eq!(Region::Bolzano.code(), "021");
    }
}
