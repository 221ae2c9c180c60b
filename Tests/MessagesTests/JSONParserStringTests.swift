import Foundation
import Testing

@testable import ODOPMessages

/// The parser reads plain ASCII strings eight bytes at a time and looks at the bytes one by one
/// from the first eight that hold a quote, a backslash, a control character or a byte beyond
/// ASCII. Each of those, at every position of strings of every length around the word size,
/// must be read (or refused) exactly as before.
@Suite("JSONParser strings")
struct JSONParserStringTests {
    /// Characters that end the fast loop, as JSON text writes them, with the string they read as.
    static let special: [(text: String, value: String)] = [
        (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u0000"#, "\u{0}"), ("é", "é"), ("\u{7F}", "\u{7F}"),
        ("\u{1F600}", "\u{1F600}"), ("~", "~"), (" ", " "),
    ]

    @Test func readsEveryStringWithASpecialCharacterAtEveryPosition() throws {
        for length in 0...26 {
            let plain = String((0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            #expect(try JSONParser.parse(Data("\"\(plain)\"".utf8)) == .string(plain))
            for position in 0...length {
                let prefix = String(plain.prefix(position))
                let suffix = String(plain.dropFirst(position))
                for (text, value) in Self.special {
                    let parsed = try JSONParser.parse(Data("[\"\(prefix)\(text)\(suffix)\",1]".utf8))
                    #expect(parsed == [.string(prefix + value + suffix), 1], "length \(length), at \(position): \(text)")
                }
            }
        }
    }

    @Test func refusesARawControlCharacterOrAnUnterminatedStringAtEveryPosition() {
        for length in 0...20 {
            let plain = String(repeating: "x", count: length)
            for position in 0...length {
                let prefix = String(plain.prefix(position))
                let suffix = String(plain.dropFirst(position))
                for control in ["\u{01}", "\u{1F}", "\n", "\t"] {
                    #expect(throws: JSONParseError.self) { try JSONParser.parse(Data("\"\(prefix)\(control)\(suffix)\"".utf8)) }
                }
            }
            #expect(throws: JSONParseError.self) { try JSONParser.parse(Data("\"\(plain)".utf8)) }
        }
    }

    @Test func refusesInvalidUTF8AtEveryPosition() {
        for length in 0...20 {
            for position in 0...length {
                var bytes = Data("\"".utf8) + Data(repeating: UInt8(ascii: "y"), count: length) + Data("\"".utf8)
                bytes.insert(0xFF, at: 1 + position)
                #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
            }
        }
    }
}
