import Foundation
import ODOPMessages
import Testing

/// `CommandRequest.frame` writes a typed request around its arguments' JSON encoded once; it must
/// give the same bytes as the general path (`make`, which parses the arguments into a `JSONValue`,
/// then `encoded()`), and a frame the service parses back to the same request.
@Suite("typed request frames written around their arguments")
struct RequestFrameTests {
    private static let ids = ["r-1", "id \"quoted\" \\ back\\slash", "tab\tnew\nline\u{1}", "नमस्ते 🧵"]
    private static let traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    private func expectSameFrame<A: Encodable>(_ command: String, _ args: A, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for id in Self.ids {
            for traceparent in [nil, Self.traceparent] {
                var general = try CommandRequest.make(id: id, command: command, args: args)
                general.traceparent = traceparent
                let frame = try CommandRequest.frame(id: id, command: command, args: args, traceparent: traceparent)
                #expect(frame == (try general.encoded()), "\(String(decoding: frame, as: UTF8.self))", sourceLocation: sourceLocation)
                #expect(try CommandRequest.parse(frame).get() == general, sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the same bytes as the general path for arguments of every shape: none, optional, nested, numbers, escapes")
    func sameBytesAsTheGeneralPath() throws {
        try expectSameFrame(Health.name, NoArguments())
        try expectSameFrame(EventsReplay.name, EventsReplay.Arguments(after: 3, limit: nil))
        try expectSameFrame(EventsReplay.name, EventsReplay.Arguments(after: Int64.max, limit: 2000))
        try expectSameFrame(
            ProductRegister.name,
            ProductRegister.Arguments(
                state: "Uttar Pradesh", district: "Moradabad", name: "Brass \"Moradabadi\" ware \\ /", sector: "handicraft",
                category: nil, description: "lines\nand\ttabs\r\u{8}\u{c} control \u{1f} नमस्ते", giStatus: true, ministry: nil))
        for value in [0, 0.1, 1.0, 1234.5678, 1e-7, 123_456_789.25] {
            try expectSameFrame(
                FiguresRecord.name,
                FiguresRecord.Arguments(productId: "p-1", financialYear: "2025-26", valueINRCrore: value, source: "DGCIS"))
        }
        try expectSameFrame("nested", ["outer": ["b": [1, 2], "a": ["z": true, "y": false]]] as JSONValue)
    }

    @Test("arguments that are not a JSON object are refused as by the general path")
    func nonObjectArgumentsRefused() {
        #expect(throws: CommandError.self) { try CommandRequest.frame(id: "r", command: "x", args: [1, 2]) }
        #expect(throws: CommandError.self) { try CommandRequest.frame(id: "r", command: "x", args: "text") }
    }
}
