import Foundation
import ODOPMessages

/// Requests no client should send, for every command socket: each is a list of frames as a
/// DEALER sends them (after the empty delimiter, unless `delimited` is false). The contract they
/// are held to: a reply comes back for each, it is a failure naming what is wrong (never
/// `internal`), and the service carries on.
struct BadInput: Sendable {
    var name: String
    var frames: [Data]
    var delimited = true
}

enum BadInputCorpus {
    /// The generic corpus (the same for every service) and, for each of `service`'s documented
    /// commands, one request per argument and wrong type.
    static func inputs(for service: String) throws -> [BadInput] {
        generic() + (try CommandCatalogue.commands(of: service)).flatMap(swappedArguments)
    }

    static func frame(_ text: String) -> Data { Data(text.utf8) }
    static func one(_ name: String, _ data: Data) -> BadInput { BadInput(name: name, frames: [data]) }
    static func one(_ name: String, _ text: String) -> BadInput { one(name, frame(text)) }

    static func generic() -> [BadInput] {
        var inputs: [BadInput] = []
        let valid = #"{"id":"bad-input-valid","command":"events.replay","args":{"after":0,"limit":1}}"#
        // Truncated JSON: every prefix at a few cut points.
        for cut in stride(from: 0, to: valid.utf8.count, by: 6) {
            inputs.append(one("truncated at \(cut)", Data(valid.utf8.prefix(cut))))
        }
        // Invalid JSON.
        for text in [
            "{", "}", "[", "nul", "tru", #"{"id":}"#, #"{"id":"a",}"#, #"{"id":"a" "command":"health"}"#, #"{'id':'a'}"#,
            #"{"id":"a","command":"health"} trailing"#, #"{"id":"a","command":"health","args":{"x":NaN}}"#,
            #"{"id":"a","command":"health","args":{"x":Infinity}}"#, #"{"id":"a","command":"health","args":{"x":01}}"#,
            #"{"id":"a","command":"health" /* comment */}"#, #"{"id":"a","id":"b","command":"health"}"#,
            #"{"id":"a\q","command":"health"}"#, #"{"id":"a\u12","command":"health"}"#, "\u{FEFF}{\"id\":\"a\",\"command\":\"health\"}",
            "{\"id\":\"a\",\"command\":\"health\u{0}\"}", "\u{0}", " ",
        ] {
            inputs.append(one("invalid JSON \(text.prefix(40))", text))
        }
        // Invalid UTF-8, outside and inside strings.
        let utf8: [(String, [UInt8])] = [
            ("0xff", [0xFF]), ("0xc0 0xaf overlong", [0xC0, 0xAF]), ("lone continuation", [0x80]), ("truncated sequence", [0xE2, 0x82]),
            ("encoded surrogate", [0xED, 0xA0, 0x80]), ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ]
        for (label, bytes) in utf8 {
            inputs.append(one("invalid UTF-8 alone: \(label)", Data(bytes)))
            inputs.append(one("invalid UTF-8 in id: \(label)", frame(#"{"id":""#) + Data(bytes) + frame(#"","command":"health"}"#)))
            inputs.append(
                one(
                    "invalid UTF-8 in an argument: \(label)",
                    frame(#"{"id":"utf8","command":"events.replay","args":{"after":""#) + Data(bytes) + frame(#""}}"#)))
        }
        // Lone surrogates as JSON escapes.
        for escape in [#"\ud800"#, #"\udc00"#, #"\udc00\ud800"#, #"\ud800x"#, #"\ud800\u0041"#] {
            inputs.append(one("lone surrogate \(escape) in id", #"{"id":"\#(escape)","command":"health"}"#))
            inputs.append(one("lone surrogate \(escape) in command", #"{"id":"s","command":"\#(escape)"}"#))
            inputs.append(
                one("lone surrogate \(escape) in args", #"{"id":"s","command":"events.replay","args":{"\#(escape)":"\#(escape)"}}"#))
        }
        // Wrong types for the request's own members.
        for text in [
            #"{"id":5,"command":"health"}"#, #"{"id":null,"command":"health"}"#, #"{"id":"","command":"health"}"#,
            #"{"id":[],"command":"health"}"#, #"{"command":"health"}"#, #"{"id":"t"}"#, #"{"id":"t","command":5}"#,
            #"{"id":"t","command":""}"#, #"{"id":"t","command":null}"#, #"{"id":"t","command":{"a":1}}"#,
            #"{"id":"t","command":"health","args":"x"}"#, #"{"id":"t","command":"health","args":[]}"#,
            #"{"id":"t","command":"health","args":5}"#, #"{"id":"t","command":"health","traceparent":5}"#,
            #"{"id":"t","command":"health","traceparent":"00-xyz"}"#, "[]", #""health""#, "5", "null", "true", "{}",
        ] {
            inputs.append(one("wrong request shape \(text)", text))
        }
        // Huge, negative, fractional numbers where integers go.
        for number in [
            "-1", "-9223372036854775808", "-9223372036854775809", "9223372036854775807", "9223372036854775808", "1e400", "-1e400",
            "1e-400", "1.5", "-0", "0.0000001", "123456789012345678901234567890", "1E18",
        ] {
            inputs.append(one("number \(number) as after", #"{"id":"n","command":"events.replay","args":{"after":\#(number)}}"#))
            inputs.append(one("number \(number) as limit", #"{"id":"n","command":"events.replay","args":{"after":0,"limit":\#(number)}}"#))
            inputs.append(one("number \(number) as id", #"{"id":\#(number),"command":"health"}"#))
        }
        // Deep nesting, just past the limit and far past it.
        for depth in [255, 257, 10_000, 200_000] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            inputs.append(one("nesting \(depth) deep", #"{"id":"d","command":"health","args":{"x":\#(nested)}}"#))
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            inputs.append(one("objects \(depth) deep", #"{"id":"d","command":"health","args":\#(objects)}"#))
        }
        // A 10 MB frame (more than the 4 MiB limit, less than the socket's cut-off).
        let pad = String(repeating: "x", count: 10 * 1024 * 1024)
        inputs.append(one("10 MB frame", #"{"id":"big","command":"health","args":{"pad":"\#(pad)"}}"#))
        inputs.append(one("10 MB of garbage", Data(repeating: 0x7B, count: 10 * 1024 * 1024)))
        // Unknown commands.
        for name in [
            "nope", "HEALTH", "health ", " health", "events.replay.extra", "events", ".", "../../etc/passwd",
            String(repeating: "c", count: 100_000),
            "health\\u0000", "product.register\n",
        ] {
            let request = CommandRequest(id: "u", command: name)
            inputs.append(one("unknown command \(name.prefix(30))", (try? request.encoded()) ?? frame("{}")))
        }
        // Extra and missing frames.
        let health = frame(#"{"id":"f","command":"health"}"#)
        inputs.append(BadInput(name: "no body frame", frames: []))
        inputs.append(BadInput(name: "an extra frame", frames: [health, frame("extra")]))
        inputs.append(BadInput(name: "two requests in one message", frames: [health, health]))
        inputs.append(BadInput(name: "an empty body frame", frames: [Data()]))
        inputs.append(BadInput(name: "two delimiters", frames: [Data(), health]))
        inputs.append(BadInput(name: "no delimiter", frames: [health], delimited: false))
        return inputs
    }

    /// For each documented member of `command`: its sample arguments with that member swapped for
    /// values of a wrong type (and `null`).
    static func swappedArguments(_ command: DocumentedCommand) -> [BadInput] {
        var inputs: [BadInput] = []
        for member in command.memberNames {
            for wrong in wrongValues(for: command.arguments[member]) {
                var args = command.arguments
                args[member] = wrong
                let request = CommandRequest(id: "swap-\(RandomUUID.string())", command: command.name, args: .object(args))
                guard let frame = try? request.encoded() else { continue }
                inputs.append(one("\(command.name) with \(member) = \(String(describing: wrong).prefix(30))", frame))
            }
        }
        return inputs
    }

    /// Values of another type than `value` (for an absent member, whose type is unknown: a nested
    /// array, which no argument is).
    static func wrongValues(for value: JSONValue?) -> [JSONValue] {
        switch value {
        case .string?: [.int(7), .object(["x": 1])]
        case .int?, .double?: [.string("7"), .array([.int(7)])]
        case .bool?: [.string("true"), .int(1)]
        case .array?: [.string("x"), .object([:])]
        case .object?: [.string("x"), .array([])]
        case .null?, nil: [.array([.array([])]), .string("")]
        }
    }
}
