import ODOPMessages

/// JSON as odopctl prints it: compact (one line, sorted keys, exactly as the wire writes it)
/// for scripts, indented for people.
enum JSONText {
    static func compact(_ value: JSONValue) -> String {
        value.description
    }

    /// Two-space indentation, sorted keys, `"key": value`, empty containers as `[]` and `{}`.
    static func pretty(_ value: JSONValue) -> String {
        var text = ""
        write(value, indent: 0, into: &text)
        return text
    }

    private static func write(_ value: JSONValue, indent: Int, into text: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                write(element, indent: indent + 1, into: &text)
                text += index < elements.count - 1 ? ",\n" : "\n"
            }
            text += outer + "]"
        case .object(let members) where !members.isEmpty:
            text += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                text += inner + JSONValue.string(key).description + ": "
                write(members[key]!, indent: indent + 1, into: &text)
                text += index < keys.count - 1 ? ",\n" : "\n"
            }
            text += outer + "}"
        default:
            text += value.description
        }
    }
}
