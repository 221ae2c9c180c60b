/// One record for people: a label per line, the values aligned after the longest label.
///
/// ```
/// id        p-46ef413f-8155-4cb1-a8a4-21fb8657577a
/// state     Uttar Pradesh (UP)
/// district  Firozabad (UP-firozabad, LGD 143)
/// ```
///
/// With `numbers`, the values are right-aligned, for a column of counts.
struct FieldList {
    private(set) var fields: [(label: String, value: String)] = []
    var numbers = false

    init(numbers: Bool = false) {
        self.numbers = numbers
    }

    /// Adds a line; a nil value leaves the line out. Line breaks in the value become spaces.
    mutating func append(_ label: String, _ value: String?) {
        guard let value else { return }
        fields.append((label, value.replacingNewlines()))
    }

    var lines: [String] {
        let labelWidth = fields.map(\.label.count).max() ?? 0
        let valueWidth = fields.map(\.value.count).max() ?? 0
        return fields.map { field in
            let label = field.label + String(repeating: " ", count: labelWidth - field.label.count)
            let value = numbers ? field.value.leftPadded(to: valueWidth) : field.value
            return (label + "  " + value).trimmingTrailingSpaces()
        }
    }

    var rendered: String { lines.map { $0 + "\n" }.joined() }
}
