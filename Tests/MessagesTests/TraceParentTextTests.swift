import Foundation
import ODOPMessages
import Testing

/// `TraceParentText` checks a traceparent's shape by byte position: every way of breaking one
/// version-00 traceparent must be refused, and the trace id must be the 32 digits after `00-`.
@Suite("TraceParentText")
struct TraceParentTextTests {
    static let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    static let invalid: [String] = [
        "",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",  // 54 bytes
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011",  // 56 bytes
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // another version
        "0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // each dash in turn
        "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",  // uppercase trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",  // uppercase parent id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",  // flags not hex
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",  // last trace digit
        "00-gbf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // first trace digit
        "00-4bf92f3577b34da6a3ce929d0e0e4736-g0f067aa0ba902b7-01",  // first parent digit
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01",  // last parent digit
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  // all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  // all-zero parent id
        "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01",  // dash moved
        "00-4bf92f3577b34da6a3ce929d0e0e47é-00f067aa0ba902b7-01",  // 55 bytes, not ASCII
    ]

    @Test func aWellFormedTraceparentAndItsTraceID() {
        #expect(TraceParentText.isValid(Self.valid))
        #expect(TraceParentText.traceId(of: Self.valid) == "4bf92f3577b34da6a3ce929d0e0e4736")
        let lowest = "00-00000000000000000000000000000001-0000000000000001-ff"
        #expect(TraceParentText.isValid(lowest))
        #expect(TraceParentText.traceId(of: lowest) == "00000000000000000000000000000001")
    }

    @Test(arguments: invalid)
    func everyMalformedOneIsRefused(_ text: String) {
        #expect(!TraceParentText.isValid(text))
        #expect(TraceParentText.traceId(of: text) == nil)
    }

    @Test func aTraceIDIs32LowercaseHexDigitsNotAllZero() {
        #expect(TraceParentText.isTraceId("4bf92f3577b34da6a3ce929d0e0e4736"))
        #expect(!TraceParentText.isTraceId("4BF92F3577B34DA6A3CE929D0E0E4736"))
        #expect(!TraceParentText.isTraceId("00000000000000000000000000000000"))
        #expect(!TraceParentText.isTraceId("4bf92f3577b34da6a3ce929d0e0e473"))
    }
}
