import ODOPMessages
import ODOPReference
import ODOPRuntime
import Testing

/// The one rule by which services read `state` and `sector` arguments, and the shared text rule.
@Suite("PlaceArguments and TextArguments")
struct PlaceArgumentsTests {
    @Test(
        "a state by LGD name, alias or ISO code, in any case and spacing",
        arguments: [
            ("Tamil Nadu", "TN"), ("Tamilnadu", "TN"), ("IN-TN", "TN"), ("tn", "TN"), ("  tamil   NADU ", "TN"),
            ("Orissa", "OD"), ("in-od", "OD"), ("Ladakh (UT)", "LA"), ("jammu & kashmir", "JK"), ("Pondicherry", "PY"),
        ])
    func state(raw: String, code: String) throws {
        #expect(try PlaceArguments.state(raw).code == code)
    }

    @Test("an unknown or empty state is invalid_argument naming the given field", arguments: ["Atlantis", "", "IN-XX", "France"])
    func unknownState(raw: String) {
        #expect(throws: CommandError.invalidArgument(PlaceArguments.unknownStateMessage(raw), field: "filter.state")) {
            try PlaceArguments.state(raw, field: "filter.state")
        }
    }

    @Test func optionalArguments() throws {
        #expect(try PlaceArguments.state(ifGiven: nil) == nil)
        #expect(try PlaceArguments.sector(ifGiven: nil) == nil)
        #expect(try PlaceArguments.sector(ifGiven: " Handicrafts ") == .handicraft)
    }

    @Test func sector() throws {
        #expect(try PlaceArguments.sector("Food  Processing") == .foodProcessing)
        #expect(throws: CommandError.self) { try PlaceArguments.sector("confectionery") }
        do {
            _ = try PlaceArguments.sector("confectionery", field: "items.0.sector")
        } catch {
            #expect(error.code == .invalidArgument && error.field == "items.0.sector")
            #expect(error.message.hasPrefix("unknown sector 'confectionery'; one of: agriculture, dairy"))
        }
    }

    @Test("text: trimmed, non-empty, at most N, one wording")
    func text() throws {
        #expect(try TextArguments.required("  a note\nin two lines ", field: "note", maximum: 50) == "a note\nin two lines")
        #expect(throws: CommandError.invalidArgument("field 'note' must not be empty", field: "note")) {
            try TextArguments.required(" \n ", field: "note", maximum: 50)
        }
        #expect(throws: CommandError.invalidArgument("field 'title' is 4 characters; at most 3 are allowed", field: "title")) {
            try TextArguments.required("abcd", field: "title", maximum: 3)
        }
        #expect(try TextArguments.optional("   ", field: "reason", maximum: 3) == nil)
        #expect(try TextArguments.name(" Firozabad \n Glass ", field: "name", maximum: 50) == "Firozabad Glass")
        #expect(throws: CommandError.self) { try TextArguments.name("a\u{7}b", field: "name", maximum: 50) }
    }
}
