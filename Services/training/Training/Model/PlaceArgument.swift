import ODOPMessages
import ODOPReference

/// Reads a state argument by the shared rules (LGD name, alias, two-letter or IN-XX code, any
/// case or spacing). To be replaced by `PlaceArguments.state` from ODOPRuntime when it lands.
enum PlaceArgument {
    static func state(_ raw: String, field: String = "state") throws(CommandError) -> StateUT {
        let trimmed = TextFolding.collapsingWhitespace(raw)
        var code = trimmed.uppercased()
        if code.hasPrefix("IN-") { code.removeFirst(3) }
        if let state = StateDirectory.resolve(trimmed) ?? StateDirectory.state(code: code) {
            return state
        }
        throw .invalidArgument("field '\(field)' is not a state or union territory of India: \"\(raw.prefix(60))\"", field: field)
    }
}
