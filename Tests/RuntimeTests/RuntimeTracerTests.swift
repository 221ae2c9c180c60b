import Foundation
import ODOPMessages
import Testing

@testable import ODOPRuntime

/// The runtime's tracer writes each span's `traceparent` itself (`TraceParentFormat`): it must be
/// what swift-w3c-trace-context writes for the same context, and continue the parent's trace.
@Suite("RuntimeTracer")
struct RuntimeTracerTests {
    static let parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    @Test func aSpanContinuingATraceparentKeepsItsTraceIdAndFlagsWithANewSpanId() {
        let span = RuntimeTracer().span("apply", continuing: Self.parent, kind: .consumer)
        #expect(TraceParentText.isValid(span.traceparent))
        #expect(span.traceparent.hasPrefix("00-0af7651916cd43dd8448eb211c80319c-"))
        #expect(span.traceparent.hasSuffix("-01"))
        #expect(span.traceparent != Self.parent)
        #expect(span.traceId == "0af7651916cd43dd8448eb211c80319c")
        #expect(span.traceparent == span.traceContext.traceParentHeaderValue)
        #expect(span.context.w3cTraceContext == span.traceContext)
    }

    @Test func spansOfOneTraceGetDistinctSpanIds() {
        let spans = (0..<1000).map { _ in RuntimeTracer().span("apply", continuing: Self.parent, kind: .consumer) }
        #expect(Set(spans.map(\.traceparent)).count == spans.count)
        #expect(spans.allSatisfy { TraceParentText.isValid($0.traceparent) })
    }

    @Test func unsampledFlagsAreKept() {
        let span = RuntimeTracer().span("apply", continuing: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", kind: .server)
        #expect(span.traceparent.hasSuffix("-00"))
        #expect(span.traceparent == span.traceContext.traceParentHeaderValue)
    }

    @Test(arguments: [nil, "", "junk", "00-00000000000000000000000000000000-b7ad6b7169203331-01"])
    func aMissingOrMalformedTraceparentStartsANewTrace(_ traceparent: String?) {
        let spans = (0..<50).map { _ in RuntimeTracer().span("command", continuing: traceparent, kind: .server) }
        for span in spans {
            #expect(TraceParentText.isValid(span.traceparent))
            #expect(span.traceparent == span.traceContext.traceParentHeaderValue)
            #expect(span.traceId == TraceParentText.traceId(of: span.traceparent))
        }
        #expect(Set(spans.map(\.traceId)).count == spans.count)
    }

    /// A new trace's id starts with the time in milliseconds (so that the events' indexed
    /// `trace_id` grows at its end), and its last 8 bytes, which samplers read, are random.
    @Test func aNewTraceIdStartsWithTheTimeThenRandomBytes() throws {
        #expect(
            TraceIDSource.traceID(milliseconds: 0x0123_4567_89AB, high: 0xFFFF_FFFF_FFFF_CDEF, low: 0x0011_2233_4455_6677).description
                == "0123456789abcdef0011223344556677")
        let before = TimeOrderedUUID.milliseconds(since1970: Date().timeIntervalSince1970)
        let spans = (0..<200).map { _ in RuntimeTracer().span("command", continuing: nil, kind: .server) }
        let after = TimeOrderedUUID.milliseconds(since1970: Date().timeIntervalSince1970)
        for span in spans {
            let time = try #require(UInt64(span.traceId.prefix(12), radix: 16))
            #expect((before...after).contains(time), "\(span.traceId)")
        }
        #expect(Set(spans.map { $0.traceId.suffix(16) }).count == spans.count)
    }

    /// A request's `traceparent` is written only when asked (a write's events carry it): then it
    /// is its span's, as given text is kept as it was.
    @Test func aRequestWritesItsSpansTraceparentWhenAsked() {
        let span = RuntimeTracer().span("health", continuing: Self.parent, kind: .server)
        let request = RequestInfo(id: "r-1", command: "health", principal: nil, trace: span.traceContext)
        #expect(request.traceparent == span.traceparent)
        #expect(request.traceparent == span.traceContext.traceParentHeaderValue)
        #expect(request.traceId == "0af7651916cd43dd8448eb211c80319c" && span.traceId == request.traceId)
        #expect(RequestInfo(id: "r-2", command: "health", principal: nil, traceparent: Self.parent).traceparent == Self.parent)
        #expect(RequestInfo(id: "r-2", command: "health", principal: nil, traceparent: Self.parent).traceId == span.traceId)
        #expect(RequestInfo(id: "r-3", command: "health", principal: nil).traceparent == nil)
        #expect(RequestInfo(id: "r-3", command: "health", principal: nil).traceId == "-")
    }

    /// What a subscriber stores for each event it applies: a child of the event's traceparent,
    /// as a span's would be, without the span.
    @Test func aChildTraceparentContinuesTheTraceWithANewSpanId() {
        let children = (0..<500).map { _ in RuntimeTracer.childTraceparent(continuing: Self.parent) }
        #expect(Set(children).count == children.count)
        for child in children {
            #expect(TraceParentText.isValid(child))
            #expect(child.hasPrefix("00-0af7651916cd43dd8448eb211c80319c-") && child.hasSuffix("-01"))
            #expect(child != Self.parent)
        }
        let unsampled = RuntimeTracer.childTraceparent(continuing: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00")
        #expect(unsampled.hasSuffix("-00"))
        let fresh = (0..<20).map { _ in RuntimeTracer.childTraceparent(continuing: "junk") }
        #expect(fresh.allSatisfy(TraceParentText.isValid))
        #expect(Set(fresh.compactMap(TraceParentText.traceId(of:))).count == fresh.count)
    }
}
