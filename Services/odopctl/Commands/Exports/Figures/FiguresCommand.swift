import ArgumentParser

/// `odopctl exports figures`: export values per product and financial year.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Record, list or trace the export figures of ODOP products.",
        discussion: """
            A figure is the value of one product's exports in one financial year (2023-24 is \
            April 2023 to March 2024), in crore rupees (1 crore = 10 million). Recording a \
            second figure for the same product and year is a correction: it becomes the next \
            revision, and the history keeps every revision.

            Examples:
              odopctl exports figures record --year 2023-24 --value-crore 1250.5 \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a --source "DGCI&S"
              odopctl exports figures history --year 2023-24 \\
                  --product p-46ef413f-8155-4cb1-a8a4-21fb8657577a
              odopctl exports figures list --state UP --year 2023-24
            """,
        subcommands: [FiguresRecordCommand.self, FiguresHistoryCommand.self, FiguresListCommand.self]
    )
}
