/// An aligned text table for people: a header row, then rows; columns separated by two spaces,
/// numbers right-aligned, no trailing blanks.
///
/// ```
/// SERVICE    ENDPOINT              STATUS  LAST SEQ
/// catalogue  tcp://127.0.0.1:7101  up          1234
/// ```
struct Table {
    enum Alignment {
        case left
        case right
    }

    struct Column {
        var title: String
        var alignment: Alignment

        /// A left-aligned text column.
        static func text(_ title: String) -> Column { Column(title: title, alignment: .left) }
        /// A right-aligned number column.
        static func number(_ title: String) -> Column { Column(title: title, alignment: .right) }
    }

    var columns: [Column]
    private(set) var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    mutating func append(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        while row.count < columns.count { row.append("") }
        rows.append(row)
    }

    /// The table's lines, header first.
    var lines: [String] {
        let all = [columns.map(\.title)] + rows
        var widths = [Int](repeating: 0, count: columns.count)
        for row in all {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let isLast = index == row.count - 1
                if index > 0 { line += "  " }
                switch columns[index].alignment {
                case .left: line += isLast ? cell : cell + padding
                case .right: line += padding + cell
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The table as text, each line ending in a newline.
    var rendered: String { lines.map { $0 + "\n" }.joined() }
}
