import Exports
import Foundation
import ODOPMessages
import ODOPRuntime
import Testing

@Suite("financial years")
struct FinancialYearTests {
    @Test(
        "YYYY-YY with the second part the year after the first",
        arguments: [
            ("2023-24", 2023), ("2017-18", 2017), ("1999-00", 1999), ("2009-10", 2009), ("2000-01", 2000),
        ])
    func accepted(text: String, start: Int) throws {
        let year = try FinancialYear(parsing: text, field: "financialYear")
        #expect(year.startYear == start)
        #expect(year.description == text)
    }

    @Test(
        "anything else is invalid_argument naming the field",
        arguments: [
            "2023-25", "2023-2024", "2023/24", "23-24", "2023-4", "FY2023-24", "", " 2023-24", "2023-24 ", "２０２３-24",
            "2023−24", "1949-50", "2100-01", "abcd-ef",
        ])
    func refused(text: String) {
        #expect(throws: CommandError.self) { try FinancialYear(parsing: text, field: "financialYear") }
        do {
            _ = try FinancialYear(parsing: text, field: "financialYear")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.field == "financialYear")
        }
    }

    @Test func consecutiveYearsMessageSaysWhatWasMeant() {
        do {
            _ = try FinancialYear(parsing: "2023-25", field: "financialYear")
            Issue.record("accepted 2023-25")
        } catch {
            #expect(error.message.contains("2023-24"))
        }
    }

    @Test func orderingAndDistance() throws {
        let from = try FinancialYear(parsing: "2017-18", field: "f")
        let to = try FinancialYear(parsing: "2023-24", field: "f")
        #expect(from < to)
        #expect(to.years(since: from) == 6)
        #expect(to.previous.description == "2022-23")
        #expect(FinancialYear(startYear: 1999).previous.description == "1998-99")
    }

    @Test("the current financial year turns on 1 April, Indian time")
    func currentYear() {
        // 31 March 2024 19:00 UTC is 1 April 2024 00:30 IST.
        let april = Date(timeIntervalSince1970: 1_711_911_600)
        #expect(FinancialYear.current(april).description == "2024-25")
        // 31 March 2024 12:00 UTC is 31 March 17:30 IST.
        let march = Date(timeIntervalSince1970: 1_711_886_400)
        #expect(FinancialYear.current(march).description == "2023-24")
    }
}

@Suite("calendar dates")
struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2023-12-31", "2000-02-29", "2025-01-01"])
    func accepted(text: String) throws {
        #expect(try CalendarDate(parsing: text, field: "date").description == text)
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-5", "05-01-2024", "2024/01/05", "",
        "2024-01-05T00:00:00Z",
    ])
    func refused(text: String) {
        do {
            _ = try CalendarDate(parsing: text, field: "interventions.0.dueDate")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.field == "interventions.0.dueDate")
        }
    }
}

@Suite("ISO 3166-1 country codes")
struct CountryCodeTests {
    @Test func theOfficialListHas249Codes() {
        #expect(CountryCodes.alpha2.count == 249)
        for code in ["US", "AE", "GB", "DE", "JP", "BQ", "SS", "AX", "CW", "SX", "IN"] {
            #expect(CountryCodes.alpha2.contains(code), "\(code)")
        }
        for code in ["UK", "EU", "XK", "ZZ", "AN", "YU", "CS", "TP"] {
            #expect(!CountryCodes.alpha2.contains(code), "\(code)")
        }
    }

    @Test func targetMarketsAreUppercasedAndDeduplicated() throws {
        #expect(try CountryCodes.targetMarkets(["us", "AE", "Us", "de"], field: "targetMarkets") == ["US", "AE", "DE"])
    }

    @Test(
        "bad codes name the element",
        arguments: [
            (["US", "UK"], "targetMarkets.1"), (["XX"], "targetMarkets.0"), (["USA"], "targetMarkets.0"),
            (["AE", "DE", "in"], "targetMarkets.2"), ([""], "targetMarkets.0"),
        ])
    func refused(codes: [String], field: String) {
        do {
            _ = try CountryCodes.targetMarkets(codes, field: "targetMarkets")
            Issue.record("accepted \(codes)")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.field == field)
        }
    }
}

@Suite("status machines")
struct StatusMachineTests {
    @Test func planMovesOnlyForward() {
        let allowed: Set<String> = ["draft>prepared", "prepared>adopted", "draft>archived", "prepared>archived", "adopted>archived"]
        for from in PlanStatus.allCases {
            for to in PlanStatus.allCases {
                #expect(PlanLifecycle.allows(from, to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
            }
        }
    }

    @Test func refusalsAreConflictsNamingTheCurrentStatus() {
        let plan = ExportPlan(
            planId: "deap-UP-agra-1", state: "Uttar Pradesh", stateCode: "UP", district: "Agra", districtId: "UP-agra",
            status: .draft, products: [], targetMarkets: [], bottlenecks: [], interventions: [], depcAdoption: nil,
            sepcReviewNotes: [], version: 1, createdAt: "", updatedAt: "")
        do {
            try PlanLifecycle.requireTransition(of: plan, to: .adopted)
            Issue.record("a draft was adopted")
        } catch {
            #expect(error.code == .conflict)
            #expect(error.message.contains("is draft"))
        }
        var adopted = plan
        adopted.status = .adopted
        #expect(throws: CommandError.self) { try PlanLifecycle.requireEditable(adopted) }
        #expect(throws: Never.self) { try PlanLifecycle.requireEditable(plan) }
        var archived = plan
        archived.status = .archived
        #expect(throws: CommandError.self) { try PlanLifecycle.requireOpen(archived) }
        #expect(throws: CommandError.self) { try ExpectedVersion.require(2, current: plan.version, of: "plan \(plan.planId)") }
        #expect(throws: Never.self) { try ExpectedVersion.require(nil, current: plan.version, of: "plan \(plan.planId)") }
    }

    @Test func interventionsEndDoneOrDropped() {
        let allowed: Set<String> = [
            "planned>in_progress", "planned>done", "in_progress>done", "planned>dropped", "in_progress>dropped",
        ]
        for from in InterventionStatus.allCases {
            for to in InterventionStatus.allCases {
                let expected = from == to || allowed.contains("\(from.rawValue)>\(to.rawValue)")
                #expect(InterventionLifecycle.allows(from, to: to) == expected, "\(from) → \(to)")
            }
        }
    }
}

@Suite("growth")
struct GrowthTests {
    @Test("Uttar Pradesh: ₹88,967 crore in 2017-18 to ₹1.71 lakh crore in 2023-24")
    func uttarPradesh() throws {
        #expect(ExportGrowth.rounded(try #require(ExportGrowth.percentChange(from: 88_967, to: 171_000)), places: 2) == 92.21)
        #expect(ExportGrowth.rounded(try #require(ExportGrowth.cagrPercent(from: 88_967, to: 171_000, years: 6)), places: 2) == 11.51)
    }

    @Test func undefinedGrowth() {
        #expect(ExportGrowth.percentChange(from: 0, to: 10) == nil)
        #expect(ExportGrowth.cagrPercent(from: 0, to: 10, years: 2) == nil)
        #expect(ExportGrowth.cagrPercent(from: 10, to: 20, years: 0) == nil)
        #expect(ExportGrowth.percentChange(from: 10, to: 0) == -100)
        #expect(ExportGrowth.cagrPercent(from: 100, to: 121, years: 2).map { ExportGrowth.rounded($0, places: 6) } == 10)
    }

    @Test func reportSumsPerGroupAndYearAndComputesGrowth() throws {
        func year(_ text: String) throws -> FinancialYear { try FinancialYear(parsing: text, field: "f") }
        let figures = [
            ExportsReportBuilder.Figure(
                productId: "a", financialYear: try year("2017-18"), valueINRCrore: 60_000, state: "Uttar Pradesh", stateCode: "UP",
                sector: "handicraft"),
            ExportsReportBuilder.Figure(
                productId: "b", financialYear: try year("2017-18"), valueINRCrore: 28_967, state: "Uttar Pradesh", stateCode: "UP",
                sector: "textile"),
            ExportsReportBuilder.Figure(
                productId: "a", financialYear: try year("2022-23"), valueINRCrore: 100_000, state: "Uttar Pradesh", stateCode: "UP",
                sector: "handicraft"),
            ExportsReportBuilder.Figure(
                productId: "a", financialYear: try year("2023-24"), valueINRCrore: 110_000, state: "Uttar Pradesh", stateCode: "UP",
                sector: "handicraft"),
            ExportsReportBuilder.Figure(
                productId: "b", financialYear: try year("2023-24"), valueINRCrore: 61_000, state: "Uttar Pradesh", stateCode: "UP",
                sector: "textile"),
            ExportsReportBuilder.Figure(
                productId: "c", financialYear: try year("2023-24"), valueINRCrore: 500, state: "Karnataka", stateCode: "KA",
                sector: "handicraft"),
        ]
        let byState = ExportsReportBuilder.build(figures, groupBy: .state, financialYear: nil, totalKey: "India")
        #expect(byState.groups.map(\.key) == ["Karnataka", "Uttar Pradesh"])
        let up = byState.groups[1]
        #expect(up.stateCode == "UP")
        #expect(up.years.map(\.financialYear) == ["2017-18", "2022-23", "2023-24"])
        #expect(up.years.map(\.valueINRCrore) == [88_967, 100_000, 171_000])
        #expect(up.years.map(\.products) == [2, 1, 2])
        // 2017-18 has no 2016-17 before it; 2022-23 has no 2021-22; 2023-24 follows 2022-23.
        #expect(up.years.map(\.growthPercent) == [nil, nil, 71])
        let trend = try #require(up.trend)
        #expect(trend.fromYear == "2017-18" && trend.toYear == "2023-24" && trend.years == 6)
        #expect(trend.totalGrowthPercent == 92.21)
        #expect(trend.cagrPercent == 11.51)
        #expect(byState.groups[0].trend == nil)  // one year only
        #expect(byState.total.key == "India")
        #expect(byState.total.years.last?.valueINRCrore == 171_500)

        let bySector = ExportsReportBuilder.build(figures, groupBy: .sector, financialYear: try year("2023-24"), totalKey: "India")
        #expect(bySector.groups.map(\.key) == ["handicraft", "textile"])
        #expect(bySector.groups.map { $0.years.map(\.valueINRCrore) } == [[110_500], [61_000]])
        #expect(bySector.groups[0].years[0].growthPercent == 10.5)  // 100,000 → 110,500
        #expect(bySector.groups[1].trend?.fromYear == "2017-18")
        #expect(bySector.groups.allSatisfy { $0.stateCode == nil })

        // A year a group has no figure for leaves the group out.
        let in2022 = ExportsReportBuilder.build(figures, groupBy: .state, financialYear: try year("2022-23"), totalKey: "India")
        #expect(in2022.groups.map(\.key) == ["Uttar Pradesh"])
        #expect(in2022.groups[0].trend?.toYear == "2022-23")
    }
}
