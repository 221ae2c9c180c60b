import ArgumentParser
import ODOPMessages

/// `odopctl training toolkits show`: `ToolkitGet`.
struct ToolkitsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a toolkit.",
        discussion: """
            Examples:
              odopctl training toolkits show tk-5d952991095c4da7
            """
    )

    @Argument(help: ArgumentHelp("The toolkit's id.", valueName: "toolkit-id"))
    var toolkitId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ToolkitGet.self, .init(toolkitId: toolkitId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.toolkit(result))
    }
}
