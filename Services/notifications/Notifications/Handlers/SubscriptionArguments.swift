import Foundation
import ODOPMessages
import ODOPReference
import ODOPRuntime

/// The domain checks of subscription arguments: each refusal is `invalid_argument` naming the
/// field, and nothing is changed.
struct SubscriptionArguments {
    let policy: AddressPolicy

    /// The services whose events can be subscribed to (a type prefix must start with one).
    static let sources = ["catalogue", "exports", "training", "notifications"]

    func channel(_ raw: String) throws(CommandError) -> ChannelKind {
        guard let kind = ChannelKind(rawValue: raw.lowercased()) else {
            throw .invalidArgument("unknown channel '\(raw)': use webhook, file or log", field: "channel")
        }
        return kind
    }

    func target(_ raw: String, channel: ChannelKind) throws(CommandError) -> String {
        let target = raw.trimmingCharacters(in: .whitespaces)
        switch channel {
        case .webhook:
            if let refusal = policy.refusal(forURL: target) { throw .invalidArgument("target: \(refusal)", field: "target") }
        case .file:
            guard target.hasPrefix("/"), !target.hasSuffix("/"), !target.split(separator: "/").contains("..") else {
                throw .invalidArgument("target: a file channel needs an absolute file path without '..'", field: "target")
            }
            var isDirectory: ObjCBool = false
            let parent = (target as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .invalidArgument("target: directory \(parent) does not exist", field: "target")
            }
        case .log:
            break
        }
        return target
    }

    func filter(_ raw: SubscriptionFilter) throws(CommandError) -> SubscriptionFilter {
        let types = raw.types.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !types.isEmpty else { throw .invalidArgument("filter.types must name at least one event-type prefix", field: "filter.types") }
        for type in types where !Self.sources.contains(where: { type == $0 || type.hasPrefix($0 + ".") }) {
            throw .invalidArgument(
                "filter.types: '\(type)' does not start with catalogue, exports, training or notifications", field: "filter.types")
        }
        var filter = SubscriptionFilter(types: types)
        if let states = raw.states, !states.isEmpty {
            var codes: [String] = []
            for state in states { codes.append(try PlaceArguments.state(state, field: "filter.states").code) }
            filter.states = codes
        }
        if let districts = raw.districts, !districts.isEmpty {
            if districts.contains(where: TextFolding.isBlank) {
                throw .invalidArgument("filter.districts must not hold a blank name", field: "filter.districts")
            }
            filter.districts = districts.map(TextFolding.collapsingWhitespace)
        }
        if let sectors = raw.sectors, !sectors.isEmpty {
            var parsed: [String] = []
            for sector in sectors { parsed.append(try PlaceArguments.sector(sector, field: "filter.sectors").rawValue) }
            filter.sectors = parsed
        }
        return filter
    }

    func language(_ raw: String?) throws(CommandError) -> MessageLanguage {
        guard let raw else { return .en }
        guard let language = MessageLanguage(rawValue: raw.lowercased()) else {
            throw .invalidArgument("unknown language '\(raw)': use en or hi", field: "language")
        }
        return language
    }

    func mode(_ raw: String?, digestAt: String?) throws(CommandError) -> (DeliveryMode, String?) {
        var mode = DeliveryMode.immediate
        if let raw {
            guard let parsed = DeliveryMode(rawValue: raw.lowercased()) else {
                throw .invalidArgument("unknown mode '\(raw)': use immediate, hourly or daily", field: "mode")
            }
            mode = parsed
        }
        guard let digestAt else { return (mode, mode == .daily ? "09:00" : nil) }
        guard mode == .daily else { throw .invalidArgument("digestAt is for daily digests only", field: "digestAt") }
        guard IndiaTime.minutes(ofClockTime: digestAt) != nil else {
            throw .invalidArgument("digestAt must be an IST time HH:MM, 00:00 to 23:59", field: "digestAt")
        }
        return (mode, digestAt)
    }
}
