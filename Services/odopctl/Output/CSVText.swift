/// Comma-separated values for spreadsheets (RFC 4180): a header row, then one row per record;
/// a field holding a comma, a quote or a line break is quoted, its quotes doubled.
struct CSVText {
    private(set) var rows: [[String]]

    init(header: [String]) {
        rows = [header]
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    var rendered: String {
        rows.map { $0.map(Self.field).joined(separator: ",") + "\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
