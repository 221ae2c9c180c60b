import ArgumentParser
import ODOPMessages

/// `odopctl exports plans review`: `plan.review`.
struct PlansReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Add a State Export Promotion Committee review note to an open plan.",
        discussion: """
            Appends the note, dated --date or today (UTC), to the plan's SEPC review notes. \
            Any open plan (draft, prepared or adopted); an archived one is refused (conflict).

            Examples:
              odopctl exports plans review deap-UP-agra-1 --note "Align with state policy"
              odopctl exports plans review deap-UP-agra-1 --date 2024-10-01 \\
                  --note "Reviewed at the October meeting"
            """
    )

    @Argument(help: ArgumentHelp("The plan's id.", valueName: "plan-id"))
    var planId: String

    @Option(help: ArgumentHelp("The review note.", valueName: "text"))
    var note: String

    @Option(help: ArgumentHelp("The review's date, YYYY-MM-DD. (default: today, UTC)", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The plan's current version; refused (conflict) if it changed.", valueName: "n"))
    var expectedVersion: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if note.allSatisfy(\.isWhitespace) { throw ValidationError("--note must not be empty") }
        if let expectedVersion, expectedVersion < 1 {
            throw ValidationError("--expected-version must be at least 1, got \(expectedVersion)")
        }
    }

    func run() throws {
        let connection = try global.resolve().connection(to: .exports)
        let (json, plan) = try connection.callKeepingJSON(
            PlanReview.self,
            .init(
                planId: planId, expectedVersion: expectedVersion, date: date, note: note))
        PlanViews.print(plan, json: json, asJSON: global.json)
    }
}
