import ArgumentParser
import ODOPMessages

/// `odopctl training batches schedule`: `BatchSchedule`.
struct BatchesScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a batch: for an ODOP product, or for a trade in a district.",
        discussion: """
            Examples:
              odopctl training batches schedule --scheme up-odop-sdtd --kind basic \\
                  --product p-9b334f5c-e331-4e6a-af85-440a26c620ea --centre \\
                  \"DIC Firozabad\" --trainer \"Master trainer\" --start 2026-03-09 --end \\
                  2026-03-18 --capacity 30
              odopctl training batches schedule --scheme pm-vishwakarma --kind basic \\
                  --trade potter --state UP --district Varanasi --centre \"MSME-TC\" \\
                  --trainer \"Master trainer\" --start 2026-03-09 --end 2026-03-13 \\
                  --capacity 30
            """
    )

    @Option(help: ArgumentHelp("The scheme's id.", valueName: "scheme-id"))
    var scheme: String

    @Option(help: ArgumentHelp("basic, advanced or rpl.", valueName: "kind"))
    var kind: TrainingKind

    @Option(help: ArgumentHelp("The ODOP product's id.", valueName: "id"))
    var product: String?

    @Option(help: ArgumentHelp("The trade.", valueName: "trade"))
    var trade: String?

    @Option(help: ArgumentHelp("The state (with --trade).", valueName: "state"))
    var state: String?

    @Option(help: ArgumentHelp("The district (with --trade).", valueName: "district"))
    var district: String?

    @Option(help: ArgumentHelp("The training centre.", valueName: "centre"))
    var centre: String

    @Option(help: ArgumentHelp("The trainer.", valueName: "name"))
    var trainer: String

    @Option(help: ArgumentHelp("The first day.", valueName: "date"))
    var start: String

    @Option(help: ArgumentHelp("The last day.", valueName: "date"))
    var end: String

    @Option(help: ArgumentHelp("Places.", valueName: "n"))
    var capacity: Int

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(
            BatchSchedule.self,
            .init(
                schemeId: scheme, kind: kind, productId: product, trade: trade, state: state, district: district, centre: centre,
                trainer: trainer, startDate: start, endDate: end, capacity: capacity))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.batch(result))
    }
}
