import ODOPMessages

/// A scheme's eligibility rules that need only the artisan and the scheme (the ones that need
/// other records — one per family, cooling-off, an open application — are checked by
/// `ApplicationCommands` against the store). Each refusal is `conflict` naming the artisan's
/// field that fails the rule (`artisan.dateOfBirth`, `artisan.state`, `artisan.trade`).
enum Eligibility {
    struct Applicant {
        var dateOfBirth: CalendarDay
        var stateCode: String
        var trade: String
    }

    static func check(_ applicant: Applicant, _ scheme: SchemeParameters, schemeId: String, today: CalendarDay) throws(CommandError) {
        let age = applicant.dateOfBirth.age(on: today)
        guard age >= scheme.minimumAge else {
            throw .conflict(
                "\(schemeId) needs applicants aged \(scheme.minimumAge) or more; the artisan is \(age) on \(today)",
                field: "artisan.dateOfBirth")
        }
        if let state = scheme.state, state != applicant.stateCode {
            throw .conflict("\(schemeId) is for residents of \(state); the artisan lives in \(applicant.stateCode)", field: "artisan.state")
        }
        if let trades = scheme.eligibleTrades, !trades.contains(applicant.trade) {
            throw .conflict("\(schemeId) does not cover the trade \"\(applicant.trade)\"", field: "artisan.trade")
        }
    }

    /// The first day a toolkit counts for the cooling-off period on `today`.
    static func coolingOffStart(_ rule: CoolingOffRule, today: CalendarDay) -> CalendarDay {
        today.adding(years: -rule.years).adding(days: 1)
    }

    /// Attended days a batch of `days` days needs for completion (rounded up).
    static func requiredAttendance(days: Int, percent: Int) -> Int {
        (days * percent + 99) / 100
    }

    /// The stipend of an enrolment: attended days × the day rate, in rupees.
    static func stipend(attendedDays: Int, ratePerDay: Int) -> Int {
        attendedDays * ratePerDay
    }
}
