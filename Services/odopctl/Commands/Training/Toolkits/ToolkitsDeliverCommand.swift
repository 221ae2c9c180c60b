import ArgumentParser
import ODOPMessages

/// `odopctl training toolkits deliver`: `ToolkitDeliver`.
struct ToolkitsDeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Record a kit delivered.",
        discussion: """
            Examples:
              odopctl training toolkits deliver tk-5d952991095c4da7
            """
    )

    @Argument(help: ArgumentHelp("The toolkit's id.", valueName: "toolkit-id"))
    var toolkitId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ToolkitDeliver.self, .init(toolkitId: toolkitId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.toolkit(result))
    }
}
