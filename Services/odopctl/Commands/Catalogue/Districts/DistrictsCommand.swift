import ArgumentParser

/// `odopctl catalogue districts`: the districts products belong to.
struct DistrictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "districts",
        abstract: "List or register districts.",
        discussion: """
            A district has a stable id, <state code>-<slug of the name> (UP-firozabad), and may \
            be known by other spellings (its aliases). The ODOP list import creates the \
            districts it names; register one by hand before registering a product in it.

            Examples:
              odopctl catalogue districts list --state Karnataka
              odopctl catalogue districts register --state UP --name Firozabad \\
                  --lgd-code 143
            """,
        subcommands: [DistrictsListCommand.self, DistrictsRegisterCommand.self]
    )
}
