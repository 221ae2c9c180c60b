import ODOPMessages

/// The two schemes of the design brief, seeded at version 1 by a migration (a later release never
/// overwrites an operator's edits: it would add a new migration that changes nothing already
/// edited). Figures from ../shared/research/schemes-webhooks-peers.md; where the research found
/// no rule, the choice is marked and can be changed with `scheme.update`.
enum BuiltInSchemes {
    /// UP ODOP Skill Development and Toolkit Distribution (Uttar Pradesh, since 2018).
    /// - Eligibility: 18+, resident of UP, an artisan of the district's ODOP product; no toolkit
    ///   to the artisan or family under the scheme in the last 2 years.
    /// - Verification (not found in the sources; chosen): one stage, `district_industries_office`,
    ///   where the Deputy Commissioner of Industries' office checks the craft proof (handicraft or
    ///   weaver card, or a Gram Pradhan / Nagar Panchayat certificate) and residency; selection is
    ///   then by interview at the same office (`application.select`).
    /// - Training: 10 days basic (₹200/day, from a Varanasi notice), or RPL (1–3 days, no stipend).
    /// - Minimum attendance (not found; chosen): 70 %, PMKVY's published rule.
    /// - Assessment (not found; chosen): not required for the certificate.
    /// - Toolkit: a kit worth at most ₹20,000.
    static let upODOP = SchemeParameters(
        name: "UP ODOP Skill Development and Toolkit Distribution", state: "UP", eligibleTrades: nil,
        requiresOdopProduct: true, minimumAge: 18, benefitUnit: .artisan,
        coolingOff: CoolingOffRule(years: 2, schemes: ["up-odop-sdtd"], includesFamily: true),
        verificationStages: ["district_industries_office"],
        trainingKinds: [
            TrainingKindRule(kind: .basic, minimumDays: 10, maximumDays: 10, stipendPerDayRupees: 200),
            TrainingKindRule(kind: .rpl, minimumDays: 1, maximumDays: 3, stipendPerDayRupees: 0),
        ],
        minimumAttendancePercent: 70, assessmentRequired: false,
        toolkit: ToolkitRule(form: .kit, capRupees: 20_000), districtTargets: [])

    /// The trades of PM Vishwakarma. The official count is 18; the guidelines group "sculptor
    /// (murtikar, stone carver), stone breaker" as one entry, listed here as two names.
    static let vishwakarmaTrades = [
        "carpenter", "boat maker", "armourer", "blacksmith", "hammer and tool kit maker", "locksmith", "sculptor",
        "stone breaker", "goldsmith", "potter", "cobbler", "mason", "basket, mat, broom maker or coir weaver",
        "doll and toy maker", "barber", "garland maker", "washerman", "tailor", "fishing net maker",
    ]

    /// PM Vishwakarma (national, since September 2023): 18 family-based trades, one registration
    /// per family, 18+; three verification stages; basic training of 5–7 days and optional
    /// advanced training of 15 days, both ₹500/day; a certificate after assessment; a toolkit
    /// e-voucher of up to ₹15,000. Minimum attendance (not found; chosen): 70 %.
    static let pmVishwakarma = SchemeParameters(
        name: "PM Vishwakarma", state: nil, eligibleTrades: vishwakarmaTrades,
        requiresOdopProduct: false, minimumAge: 18, benefitUnit: .family, coolingOff: nil,
        verificationStages: ["gram_panchayat_or_ulb", "district_implementation_committee", "state_committee"],
        trainingKinds: [
            TrainingKindRule(kind: .basic, minimumDays: 5, maximumDays: 7, stipendPerDayRupees: 500),
            TrainingKindRule(kind: .advanced, minimumDays: 15, maximumDays: 15, stipendPerDayRupees: 500),
        ],
        minimumAttendancePercent: 70, assessmentRequired: true,
        toolkit: ToolkitRule(form: .eVoucher, capRupees: 15_000), districtTargets: [])

    static let all: [(id: String, parameters: SchemeParameters)] = [
        ("pm-vishwakarma", pmVishwakarma), ("up-odop-sdtd", upODOP),
    ]
}
