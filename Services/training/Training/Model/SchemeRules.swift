import ODOPMessages
import ODOPReference
import ODOPRuntime

/// Checks a scheme's parameters and puts them in their stored form (state as its two-letter
/// code, trades lowercase). Every refusal is `invalid_argument` naming the field under
/// `parameters.`.
enum SchemeRules {
    static func schemeId(_ raw: String) throws(CommandError) -> String {
        guard (3...40).contains(raw.count), raw.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
            raw.first?.isLetter == true
        else {
            throw .invalidArgument(
                "field 'schemeId' must be 3 to 40 lowercase letters, digits and '-', starting with a letter", field: "schemeId")
        }
        return raw
    }

    static func normalized(_ given: SchemeParameters) throws(CommandError) -> SchemeParameters {
        var p = given
        p.name = try PersonalFields.text(given.name, field: "parameters.name", maximum: 200)
        if let state = given.state {
            p.state = try PlaceArguments.state(state, field: "parameters.state").code
        }
        if let trades = given.eligibleTrades {
            guard !trades.isEmpty else {
                throw .invalidArgument(
                    "field 'parameters.eligibleTrades' must list at least one trade (leave it out for any trade)",
                    field: "parameters.eligibleTrades")
            }
            var seen: [String] = []
            for (index, trade) in trades.enumerated() {
                let key = try PersonalFields.trade(trade, field: "parameters.eligibleTrades.\(index)")
                if !seen.contains(key) { seen.append(key) }
            }
            p.eligibleTrades = seen
        }
        guard (0...100).contains(given.minimumAge) else {
            throw .invalidArgument("field 'parameters.minimumAge' must be between 0 and 100", field: "parameters.minimumAge")
        }
        if let coolingOff = given.coolingOff {
            guard (1...20).contains(coolingOff.years) else {
                throw .invalidArgument("field 'parameters.coolingOff.years' must be between 1 and 20", field: "parameters.coolingOff.years")
            }
            guard !coolingOff.schemes.isEmpty else {
                throw .invalidArgument(
                    "field 'parameters.coolingOff.schemes' must name at least one scheme", field: "parameters.coolingOff.schemes")
            }
        }
        guard (1...10).contains(given.verificationStages.count) else {
            throw .invalidArgument("field 'parameters.verificationStages' must list 1 to 10 stages", field: "parameters.verificationStages")
        }
        var stages: [String] = []
        for (index, stage) in given.verificationStages.enumerated() {
            let name = try PersonalFields.text(stage, field: "parameters.verificationStages.\(index)", maximum: 60)
            guard !stages.contains(name) else {
                throw .invalidArgument(
                    "field 'parameters.verificationStages' names stage \"\(name)\" twice", field: "parameters.verificationStages.\(index)")
            }
            stages.append(name)
        }
        p.verificationStages = stages
        guard !given.trainingKinds.isEmpty else {
            throw .invalidArgument("field 'parameters.trainingKinds' must list at least one kind", field: "parameters.trainingKinds")
        }
        for (index, rule) in given.trainingKinds.enumerated() {
            let field = "parameters.trainingKinds.\(index)"
            guard !given.trainingKinds[..<index].contains(where: { $0.kind == rule.kind }) else {
                throw .invalidArgument("field 'parameters.trainingKinds' lists kind \(rule.kind.rawValue) twice", field: "\(field).kind")
            }
            guard 1 <= rule.minimumDays, rule.minimumDays <= rule.maximumDays, rule.maximumDays <= 365 else {
                throw .invalidArgument("field '\(field)' needs 1 ≤ minimumDays ≤ maximumDays ≤ 365", field: "\(field).minimumDays")
            }
            guard (0...10_000).contains(rule.stipendPerDayRupees) else {
                throw .invalidArgument(
                    "field '\(field).stipendPerDayRupees' must be between 0 and 10000", field: "\(field).stipendPerDayRupees")
            }
        }
        guard (0...100).contains(given.minimumAttendancePercent) else {
            throw .invalidArgument(
                "field 'parameters.minimumAttendancePercent' must be between 0 and 100", field: "parameters.minimumAttendancePercent")
        }
        guard (1...10_00_000).contains(given.toolkit.capRupees) else {
            throw .invalidArgument(
                "field 'parameters.toolkit.capRupees' must be between 1 and 1000000", field: "parameters.toolkit.capRupees")
        }
        for (index, target) in given.districtTargets.enumerated() {
            let field = "parameters.districtTargets.\(index)"
            _ = try PersonalFields.text(target.districtId, field: "\(field).districtId")
            let parts = target.financialYear.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let start = Int(parts[0]), let end = Int(parts[1]),
                (start + 1) % 100 == end
            else {
                throw .invalidArgument("field '\(field).financialYear' must look like 2025-26", field: "\(field).financialYear")
            }
            guard target.trainees >= 1 else {
                throw .invalidArgument("field '\(field).trainees' must be at least 1", field: "\(field).trainees")
            }
        }
        return p
    }
}
