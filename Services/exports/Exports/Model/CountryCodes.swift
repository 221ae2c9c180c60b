import ODOPMessages

/// The officially assigned ISO 3166-1 alpha-2 country codes (249 of them), the vocabulary of a
/// plan's target markets. User-assigned and reserved codes (`XK`, `EU`, `UK`, ...) are not
/// countries here.
public enum CountryCodes {
    public static let alpha2: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
        DE DJ DK DM DO DZ
        EC EE EG EH ER ES ET
        FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
        HK HM HN HR HT HU
        ID IE IL IM IN IO IQ IR IS IT
        JE JM JO JP
        KE KG KH KI KM KN KP KR KW KY KZ
        LA LB LC LI LK LR LS LT LU LV LY
        MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
        NA NC NE NF NG NI NL NO NP NR NU NZ
        OM
        PA PE PF PG PH PK PL PM PN PR PS PT PW PY
        QA
        RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
        TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
        UA UG UM US UY UZ
        VA VC VE VG VI VN VU
        WF WS
        YE YT
        ZA ZM ZW
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// India's own code: exports go elsewhere, so it is not a target market.
    public static let india = "IN"

    /// The most target markets a plan may list.
    public static let maximumTargetMarkets = 100

    /// Normalises target markets: uppercase, duplicates dropped (first occurrence kept), each an
    /// assigned code other than India's. Throws `invalid_argument` naming `field.N`.
    public static func targetMarkets(_ codes: [String], field: String) throws(CommandError) -> [String] {
        guard codes.count <= maximumTargetMarkets else {
            throw .invalidArgument("field '\(field)' may list at most \(maximumTargetMarkets) countries, got \(codes.count)", field: field)
        }
        var markets: [String] = []
        for (index, code) in codes.enumerated() {
            let path = "\(field).\(index)"
            let upper = code.uppercased()
            guard upper.count == 2, alpha2.contains(upper) else {
                throw .invalidArgument(
                    "field '\(path)' must be an ISO 3166-1 alpha-2 country code (like US, AE, DE), got \"\(code)\"", field: path)
            }
            guard upper != india else {
                throw .invalidArgument("field '\(path)': IN is India itself, not an export market", field: path)
            }
            if !markets.contains(upper) { markets.append(upper) }
        }
        return markets
    }
}
