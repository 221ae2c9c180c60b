import ArgumentParser
import ODOPMessages

/// `odopctl exports plans adopt`: `plan.adopt`.
struct PlansAdoptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Record the DEPC's adoption of a prepared plan.",
        discussion: """
            Moves a prepared plan to adopted, with the District Export Promotion Committee's \
            notification date and reference. Only a prepared plan can be adopted: a draft is \
            refused (conflict, exit 1: prepare it first).

            Examples:
              odopctl exports plans adopt deap-UP-agra-1 --date 2024-09-12 \\
                  --reference DEPC/AGR/2024/03
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @Option(help: ArgumentHelp("The DEPC's adoption date, YYYY-MM-DD.", valueName: "date"))
    var date: String

    @Option(help: ArgumentHelp("The notification's reference, e.g. DEPC/AGR/2024/03.", valueName: "reference"))
    var reference: String

    @Option(help: ArgumentHelp("The plan's current version; refused (conflict) if it changed.", valueName: "n"))
    var expectedVersion: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let expectedVersion, expectedVersion < 1 {
            throw ValidationError("--expected-version must be at least 1, got \(expectedVersion)")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(
            PlanAdopt.self,
            .init(
                planId: planId, expectedVersion: expectedVersion, date: date, reference: reference))
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
