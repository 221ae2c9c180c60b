import ArgumentParser
import Foundation
import ODOPMessages

/// The plan content `plans prepare` and `plans update` take: target markets, bottlenecks and
/// interventions, from flags or a JSON file. Each list given replaces the plan's; a list left
/// out keeps it.
struct PlanContentOptions: ParsableArguments {
    @Option(
        name: .customLong("market"),
        help: ArgumentHelp(
            "A target market: an ISO 3166-1 country code (US, AE); repeat, or separate with commas. Replaces the plan's markets.",
            valueName: "code"))
    var markets: [String] = []

    @Option(
        name: .customLong("bottleneck"),
        help: ArgumentHelp(
            "CATEGORY: NOTE, e.g. \"market_access: Few direct buyers abroad\"; repeat for several. Replaces the plan's bottlenecks.",
            valueName: "category: note"))
    var bottlenecks: [String] = []

    @Option(
        name: .customLong("intervention"),
        help: ArgumentHelp(
            "TITLE; RESPONSIBLE BODY; DUE DATE (YYYY-MM-DD), a new intervention; repeat for several. Replaces the plan's interventions: those not listed are removed.",
            valueName: "title; body; date"))
    var interventions: [String] = []

    @Option(
        name: .customLong("content"),
        help: ArgumentHelp(
            "A JSON object with any of targetMarkets, bottlenecks and interventions as plan.prepare takes them (interventions with an id keep theirs), or - for stdin. A flag beside it replaces that list.",
            valueName: "file"), completion: .file(extensions: ["json"]))
    var contentFile: String?

    @Option(help: ArgumentHelp("The plan's current version; refused (conflict) if it changed.", valueName: "n"))
    var expectedVersion: Int?

    /// The members `--content` may have.
    static let contentMembers = ["targetMarkets", "bottlenecks", "interventions"]

    /// Whether any list is given at all.
    var givesAnyList: Bool {
        !markets.isEmpty || !bottlenecks.isEmpty || !interventions.isEmpty || contentFile != nil
    }

    func validate() throws {
        if let expectedVersion, expectedVersion < 1 {
            throw ValidationError("--expected-version must be at least 1, got \(expectedVersion)")
        }
        for text in bottlenecks { _ = try Self.bottleneck(text) }
        for text in interventions { _ = try Self.intervention(text) }
    }

    /// The command's arguments for `planId`; `command` names the odopctl command for messages.
    func arguments(planId: String, command: String) throws(OdopctlFailure) -> PlanContentArguments {
        var content = PlanContentArguments(planId: planId, expectedVersion: expectedVersion)
        if let contentFile { try Self.read(contentFile, into: &content, command: command) }
        do {
            if !markets.isEmpty {
                content.targetMarkets = markets.flatMap { $0.split(separator: ",") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if !bottlenecks.isEmpty { content.bottlenecks = try bottlenecks.map(Self.bottleneck) }
            if !interventions.isEmpty { content.interventions = try interventions.map(Self.intervention) }
        } catch {
            throw .usage(error.message, help: command)
        }
        return content
    }

    /// `market_access: Few direct buyers abroad`.
    static func bottleneck(_ text: String) throws(ValidationError) -> Bottleneck {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let categories = BottleneckCategory.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ValidationError("--bottleneck '\(text)' must be CATEGORY: NOTE, the category one of \(categories)")
        }
        guard let category = BottleneckCategory(rawValue: parts[0].lowercased()) else {
            throw ValidationError("--bottleneck '\(text)': unknown category '\(parts[0])'; one of \(categories)")
        }
        return Bottleneck(category: category, note: parts[1])
    }

    /// `Common facility centre; DIC Agra; 2025-03-31`.
    static func intervention(_ text: String) throws(ValidationError) -> InterventionInput {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError(
                "--intervention '\(text)' must be TITLE; RESPONSIBLE BODY; YYYY-MM-DD (three parts separated by semicolons)")
        }
        return InterventionInput(title: parts[0], responsibleBody: parts[1], dueDate: parts[2])
    }

    /// Reads `--content` into `content`.
    private static func read(_ path: String, into content: inout PlanContentArguments, command: String) throws(OdopctlFailure) {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw .usage("cannot read the file \(path)", help: command)
            }
            data = contents
        }
        let value: JSONValue
        do {
            value = try WireFormat.parse(data)
        } catch {
            throw .usage("--content \(path) is not valid JSON: \(error.message)", help: command)
        }
        guard let members = value.objectValue else {
            throw .usage("--content \(path) must be a JSON object with \(contentMembers.joined(separator: ", "))", help: command)
        }
        if let unknown = members.keys.sorted().first(where: { !contentMembers.contains($0) }) {
            throw .usage(
                "--content \(path): unknown member '\(unknown)'; it may have \(contentMembers.joined(separator: ", "))", help: command)
        }
        func decode<T: Decodable>(_ type: T.Type, _ member: String) throws(OdopctlFailure) -> T? {
            guard let value = members[member] else { return nil }
            do {
                return try value.decode(type)
            } catch {
                let field = error.field.map { "\(member).\($0)" } ?? member
                throw .usage("--content \(path): \(error.message) (field: \(field))", help: command)
            }
        }
        content.targetMarkets = try decode([String].self, "targetMarkets")
        content.bottlenecks = try decode([Bottleneck].self, "bottlenecks")
        content.interventions = try decode([InterventionInput].self, "interventions")
    }
}
