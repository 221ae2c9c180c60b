import ArgumentParser
import ODOPMessages

/// `odopctl catalogue districts register`: `district.register`.
struct DistrictsRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a district in a state.",
        discussion: """
            Adds a district, so that products can be registered in it; prints the district as \
            stored, with its id. A district of the same name (or alias) in the state is \
            refused (conflict).

            Examples:
              odopctl catalogue districts register --state "Uttar Pradesh" \\
                  --name Firozabad --lgd-code 143
              odopctl catalogue districts register --state MP --name Maihar --json
            """
    )

    @Option(help: ReferenceVocabulary.stateHelp("The state"), completion: .list(ReferenceVocabulary.states))
    var state: String

    @Option(help: ArgumentHelp("The district's name.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("Its Local Government Directory district code.", valueName: "code"))
    var lgdCode: Int?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let connection = try global.resolve().connection(to: .catalogue)
        let (json, district) = try connection.callKeepingJSON(
            DistrictRegister.self, .init(state: state, name: name, lgdCode: lgdCode))
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(json))
            return
        }
        StandardStream.output.write(DistrictViews.fields(district).rendered)
    }
}
