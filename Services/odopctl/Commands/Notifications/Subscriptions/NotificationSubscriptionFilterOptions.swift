import ArgumentParser
import ODOPMessages

/// The filter of a subscription as flags: `--type` (repeatable, at least one to create) and the
/// optional `--state`, `--district`, `--sector`.
struct NotificationSubscriptionFilterOptions: ParsableArguments {
    @Option(
        name: .customLong("type"),
        help: ArgumentHelp("An event-type prefix to hear, e.g. exports.plan.; repeat for several.", valueName: "prefix"))
    var types: [String] = []

    @Option(name: .customLong("state"), help: ReferenceVocabulary.stateHelp("Only events of this state; repeat for several"))
    var states: [String] = []

    @Option(
        name: .customLong("district"),
        help: ArgumentHelp("Only events of this district (its name); repeat for several.", valueName: "district"))
    var districts: [String] = []

    @Option(name: .customLong("sector"), help: ReferenceVocabulary.sectorHelp("Only events of this sector; repeat for several"))
    var sectors: [String] = []

    /// The filter, or nil when no flag was given.
    var filter: SubscriptionFilter? {
        guard !types.isEmpty || !states.isEmpty || !districts.isEmpty || !sectors.isEmpty else { return nil }
        return SubscriptionFilter(
            types: types, states: states.isEmpty ? nil : states, districts: districts.isEmpty ? nil : districts,
            sectors: sectors.isEmpty ? nil : sectors)
    }
}
