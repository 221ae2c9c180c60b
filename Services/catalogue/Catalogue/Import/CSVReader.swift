/// One CSV record: its fields and the 1-based line of the text on which it starts.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line number of the record's first character. A record whose quoted field spans
    /// several lines is numbered by its first line; the next record's number accounts for them.
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV text that cannot be read.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A quoted field is still open at the end of the text.
        case unterminatedQuote
    }

    public let kind: Kind
    /// 1-based line on which the offending quoted field opens.
    public let line: Int

    public var description: String {
        switch kind {
        case .unterminatedQuote: "line \(line): quoted field is not closed before the end of the text"
        }
    }
}

/// An RFC 4180 CSV reader over an in-memory `String`.
///
/// Contract:
/// - Fields are separated by `,`; records end at CRLF, LF or a lone CR (outside quotes).
/// - A field that starts with `"` is quoted: it runs to the next `"` not followed by another
///   `"`; `""` inside it is one `"`; commas, CR and LF inside it are kept verbatim. Characters
///   after the closing quote up to the next separator are appended as they are (lenient, as
///   spreadsheet exports sometimes produce them). A `"` inside an unquoted field is literal.
/// - A UTF-8 byte-order mark at the start is skipped.
/// - Blank lines (no characters at all) produce no record; a line of only commas does.
/// - Fields are returned exactly as written: no trimming.
/// - A quoted field left open at the end of the text throws `CSVError.unterminatedQuote`
///   with the line on which it opened.
public enum CSVReader {
    /// All records of `text`, in order.
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            parse(bytes)
        }
        switch result ?? parse(Array(text.utf8)) {
        case .success(let records): return records
        case .failure(let error): throw error
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private static func parse<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes
    ) -> Result<[CSVRecord], CSVError> where Bytes.Index == Int {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        var line = 1
        var recordLine = 1
        var recordHasContent = false

        // Skip a UTF-8 byte-order mark.
        if bytes.count >= 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            index += 3
        }

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            if recordHasContent {
                endField()
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            field.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        var atFieldStart = true
        while index < end {
            let byte = bytes[index]
            if atFieldStart && byte == quote {
                // Quoted field.
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                let openedOn = line
                index += 1
                var closed = false
                while index < end {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < end && bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == lineFeed {
                        line += 1
                    } else if inner == carriageReturn && !(index + 1 < end && bytes[index + 1] == lineFeed) {
                        line += 1
                    }
                    field.append(inner)
                    index += 1
                }
                if !closed {
                    return .failure(CSVError(kind: .unterminatedQuote, line: openedOn))
                }
                atFieldStart = false
                continue
            }
            switch byte {
            case comma:
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                endField()
                atFieldStart = true
                index += 1
            case lineFeed, carriageReturn:
                endRecord()
                if byte == carriageReturn && index + 1 < end && bytes[index + 1] == lineFeed {
                    index += 1
                }
                index += 1
                line += 1
                atFieldStart = true
            default:
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                field.append(byte)
                atFieldStart = false
                index += 1
            }
        }
        endRecord()
        return .success(records)
    }
}
