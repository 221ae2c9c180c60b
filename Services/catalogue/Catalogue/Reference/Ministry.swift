import ODOPReference

/// The Government of India ministry, department or office responsible for a product, with
/// its spellings normalised to canonical names.
///
/// Lookup folds case and diacritics, reads `&` as `and`, ignores punctuation (`.`, `,`, `'`)
/// and white space runs. The table below lists every spelling found in the ODOP CSV's
/// `Ministry/ Department` column (30 distinct raw values) and the canonical name it maps to.
/// Every canonical name also maps to itself, so normalising twice changes nothing.
///
/// | spellings in the source (raw)                                                  | canonical name                                      |
/// | ------------------------------------------------------------------------------ | --------------------------------------------------- |
/// | `DC Handicraft`, `DC Handicrafts`, `DC handicraft`                             | Development Commissioner (Handicrafts)              |
/// | `DC Handloom`                                                                  | Development Commissioner (Handlooms)                |
/// | `Department of Chemicals and Petrochemicals`                                   | Department of Chemicals and Petrochemicals          |
/// | `Department of Fisheries`, `Department of fisheries`                           | Department of Fisheries                             |
/// | `Department of Industries`                                                     | Department of Industries                            |
/// | `Department of Pharmaceuticals`                                                | Department of Pharmaceuticals                       |
/// | `Department of geology`                                                        | Department of Geology                               |
/// | `MSME`, `MSME `, `Ministry of MSME`                                            | Ministry of MSME                                    |
/// | `MeitY`                                                                        | Ministry of Electronics and Information Technology  |
/// | `Ministry of Agriculture & Farmers Welfare`, `… Farmers' Welfare`              | Ministry of Agriculture and Farmers Welfare         |
/// | `Ministry of Ayush`                                                            | Ministry of Ayush                                   |
/// | `Ministry of Chemicals & Fertilizers`                                          | Ministry of Chemicals and Fertilizers               |
/// | `Ministry of Commerce and Industry.`                                           | Ministry of Commerce and Industry                   |
/// | `Ministry of Fisheries, Animal Husbandry and Dairying`                         | Ministry of Fisheries, Animal Husbandry and Dairying |
/// | `Ministry of Food Processing`, `… Industries`, `… Industries.`                 | Ministry of Food Processing Industries              |
/// | `Ministry of Petroleum & Natural Gas`                                          | Ministry of Petroleum and Natural Gas               |
/// | `Ministry of Textile`, `Ministry of Textiles`, `Minsitry of Textile`           | Ministry of Textiles                                |
/// | `Ministry of Tourism`                                                          | Ministry of Tourism                                 |
/// | `Ministry of mines`                                                            | Ministry of Mines                                   |
/// | `Minstry of Heavy Industries `                                                 | Ministry of Heavy Industries                        |
///
/// The Development Commissioners (Handicrafts, Handlooms) are offices under the Ministry of
/// Textiles; they are kept as named in the source rather than folded into the ministry.
/// "Department of Fisheries" likewise stays apart from its parent ministry.
public enum Ministry {
    /// The canonical names, sorted.
    public static let canonicalNames: [String] = Array(Set(spellings.values)).sorted()

    /// The canonical name for `raw`, or `nil` when the spelling is not in the table.
    public static func canonicalName(for raw: String) -> String? {
        table[lookupKey(raw)]
    }

    /// The canonical name for `raw` when known; otherwise `raw` trimmed with its white space
    /// collapsed (so unknown values are kept, not dropped).
    public static func normalise(_ raw: String) -> String {
        canonicalName(for: raw) ?? TextFolding.collapsingWhitespace(raw)
    }

    /// Known spellings, as written in the source, → canonical name. Lookup keys are derived.
    private static let spellings: [String: String] = [
        "DC Handicraft": "Development Commissioner (Handicrafts)",
        "DC Handicrafts": "Development Commissioner (Handicrafts)",
        "DC Handloom": "Development Commissioner (Handlooms)",
        "DC Handlooms": "Development Commissioner (Handlooms)",
        "Department of Chemicals and Petrochemicals": "Department of Chemicals and Petrochemicals",
        "Department of Fisheries": "Department of Fisheries",
        "Department of Industries": "Department of Industries",
        "Department of Pharmaceuticals": "Department of Pharmaceuticals",
        "Department of Geology": "Department of Geology",
        "MSME": "Ministry of MSME",
        "Ministry of MSME": "Ministry of MSME",
        "Ministry of Micro, Small and Medium Enterprises": "Ministry of MSME",
        "MeitY": "Ministry of Electronics and Information Technology",
        "Ministry of Agriculture & Farmers Welfare": "Ministry of Agriculture and Farmers Welfare",
        "Ministry of Agriculture & Farmers' Welfare": "Ministry of Agriculture and Farmers Welfare",
        "Ministry of Ayush": "Ministry of Ayush",
        "Ministry of Chemicals & Fertilizers": "Ministry of Chemicals and Fertilizers",
        "Ministry of Commerce and Industry": "Ministry of Commerce and Industry",
        "Ministry of Fisheries, Animal Husbandry and Dairying":
            "Ministry of Fisheries, Animal Husbandry and Dairying",
        "Ministry of Food Processing": "Ministry of Food Processing Industries",
        "Ministry of Food Processing Industries": "Ministry of Food Processing Industries",
        "Ministry of Petroleum & Natural Gas": "Ministry of Petroleum and Natural Gas",
        "Ministry of Textile": "Ministry of Textiles",
        "Ministry of Textiles": "Ministry of Textiles",
        "Minsitry of Textile": "Ministry of Textiles",
        "Ministry of Tourism": "Ministry of Tourism",
        "Ministry of Mines": "Ministry of Mines",
        "Minstry of Heavy Industries": "Ministry of Heavy Industries",
    ]

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for (spelling, canonical) in spellings {
            table[lookupKey(spelling)] = canonical
            table[lookupKey(canonical)] = canonical
        }
        return table
    }()

    private static func lookupKey(_ raw: String) -> String {
        // Apostrophes join rather than split words ("Farmers'" → "farmers").
        let withoutApostrophes = raw.filter { $0 != "'" && $0 != "\u{2019}" }
        return TextFolding.words(withoutApostrophes).joined(separator: " ")
    }
}
