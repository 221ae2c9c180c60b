import ArgumentParser

/// `odopctl training toolkits`.
struct TrainingToolkitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkits",
        abstract: "Toolkits: issue, show, redeem (e-voucher), deliver (kit).",
        subcommands: [ToolkitsIssueCommand.self, ToolkitsShowCommand.self, ToolkitsRedeemCommand.self, ToolkitsDeliverCommand.self]
    )
}
