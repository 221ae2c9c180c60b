import ArgumentParser
import ODOPMessages

/// `odopctl training toolkits redeem`: `ToolkitRedeem`.
struct ToolkitsRedeemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeem",
        abstract: "Record an e-voucher redeemed.",
        discussion: """
            Examples:
              odopctl training toolkits redeem tk-5d952991095c4da7
            """
    )

    @Argument(help: ArgumentHelp("The toolkit's id.", valueName: "toolkit-id"))
    var toolkitId: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .training)
        let (json, result) = try connection.callKeepingJSON(ToolkitRedeem.self, .init(toolkitId: toolkitId))
        TrainingViews.print(json, asJSON: global.json, TrainingViews.toolkit(result))
    }
}
