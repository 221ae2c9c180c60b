import ArgumentParser
import ODOPMessages

/// `odopctl catalogue gi discrepancies`: `gi.discrepancies`.
struct GIDiscrepanciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discrepancies",
        abstract: "List the active products whose GI flag disagrees with the GI registry.",
        discussion: """
            Two kinds: registered (the list says No, yet the product matched a registered GI, \
            shown in REGISTERED GI) and unconfirmed (the list says Yes and no registered GI of \
            the state matched; the GI may go by another name). Without a GI registry \
            (odop-catalogue --gi-registry) every product flagged Yes is unconfirmed. Ordered \
            by state, district and name; the counts follow on stderr.

            Examples:
              odopctl catalogue gi discrepancies
              odopctl catalogue gi discrepancies --json \\
                  | jq '.items[] | select(.kind == "flag_no_but_registered")'
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, result) = try connection.callKeepingJSON(GIDiscrepancies.self, NoArguments())
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        var table = Table([
            .text("KIND"), .text("STATE"), .text("DISTRICT"), .text("NAME"), .text("LISTED GI"), .text("REGISTERED GI"),
            .text("ID"),
        ])
        for item in result.items {
            let kind =
                switch item.kind {
                case "flag_no_but_registered": "registered"
                case "flag_yes_but_unconfirmed": "unconfirmed"
                default: item.kind
                }
            table.append([
                kind, item.state, item.district, item.name, NumberText.yesNo(item.listedGI), item.registryName ?? "-",
                item.productId,
            ])
        }
        if !table.isEmpty { StandardStream.output.write(table.rendered) }
        StandardStream.error.writeLine(
            "\(NumberText.count(result.registeredButNotFlagged)) registered but not flagged, "
                + "\(NumberText.count(result.flaggedButUnconfirmed)) flagged but unconfirmed")
    }
}
