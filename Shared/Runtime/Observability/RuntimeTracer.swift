import Foundation
import Instrumentation
import ODOPMessages
import Synchronization
import Tracing
import W3CTraceContext

/// The runtime's tracer: swift-distributed-tracing's `Tracer` over W3C trace contexts
/// (swift-w3c-trace-context). It propagates, it does not export: a span carries a trace id and
/// its own span id, and its `traceparent` is what the runtime stores with the events emitted in
/// that span and logs with every line of that work. (Exporting spans over OTLP can be added by
/// bootstrapping another tracer later; nothing here depends on one.)
///
/// - `extract` reads a `traceparent` from a carrier into the context (a malformed one is
///   ignored: a new trace starts).
/// - `startSpan` makes a child of the context's trace (same trace id, new span id), or a new
///   trace with a random trace id when the context has none.
/// - `inject` writes the span's `traceparent` into a carrier.
public struct RuntimeTracer: Tracer {
    public typealias Span = RuntimeSpan

    public init() {}

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> ServiceContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> RuntimeSpan {
        let context = context()
        return RuntimeSpan(operationName: operationName, trace: Self.child(of: context.w3cTraceContext), base: context)
    }

    /// A new span's trace context: a child of `parent` (same trace id and flags, a new span id),
    /// or the root of a new trace (its id from `TraceIDSource`: time first, then random).
    static func child(of parent: TraceContext?) -> TraceContext {
        TraceContext(
            traceID: parent?.traceID ?? TraceIDSource.next(), spanID: SpanIDSource.next(), flags: parent?.flags ?? .sampled,
            state: parent?.state ?? TraceState())
    }

    public func forceFlush() {}

    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {
        guard let header = extractor.extract(key: TraceCarrier.traceparentKey, from: carrier),
            let trace = try? TraceContext(traceParentHeaderValue: header)
        else { return }
        context.w3cTraceContext = trace
    }

    public func inject<Carrier, Inject: Injector>(
        _ context: ServiceContext, into carrier: inout Carrier, using injector: Inject
    ) where Inject.Carrier == Carrier {
        guard let trace = context.w3cTraceContext else { return }
        injector.inject(trace.traceParentHeaderValue, forKey: TraceCarrier.traceparentKey, into: &carrier)
    }

    /// A span of `operationName` continuing `traceparent` (or starting a trace when it is nil or
    /// malformed): the one call the command server and the subscribers make.
    ///
    /// The same as `extract` then `startSpan` from a top-level context, without building a
    /// `ServiceContext` (the span makes one when asked): it runs for every command and every
    /// event applied.
    public func span(_ operationName: String, continuing traceparent: String?, kind: SpanKind) -> RuntimeSpan {
        let parent = traceparent.flatMap { try? TraceContext(traceParentHeaderValue: $0) }
        return RuntimeSpan(operationName: operationName, trace: Self.child(of: parent), base: nil)
    }

    /// The `traceparent` of a new span continuing `traceparent` (a child: the same trace id and
    /// flags, a new span id; a new trace when it is malformed): the `traceparent` of
    /// `span(_:continuing:kind:)`, for work that only hands the trace on without keeping a span
    /// (a subscriber, for each event it applies).
    public static func childTraceparent(continuing traceparent: String) -> String {
        TraceParentFormat.text(of: child(of: try? TraceContext(traceParentHeaderValue: traceparent)))
    }
}

/// A span of the runtime's tracer: its context holds the W3C trace context. Attributes, events
/// and status are kept only while it lives (nothing exports them yet).
public final class RuntimeSpan: Tracing.Span, Sendable {
    /// The span's W3C context.
    public let traceContext: TraceContext
    /// `00-<trace id>-<this span's id>-<flags>`: stored with the events emitted in this span.
    /// Written each time it is asked for: most spans (a `health`, a read) never are.
    public var traceparent: String { TraceParentFormat.text(of: traceContext) }
    /// The context the span was started in (nil: a top-level one), without this span's trace.
    private let base: ServiceContext?
    private let state: Mutex<State>

    private struct State {
        var operationName: String
        var attributes: SpanAttributes = [:]
        var ended = false
    }

    init(operationName: String, trace: TraceContext, base: ServiceContext?) {
        traceContext = trace
        self.base = base
        state = Mutex(State(operationName: operationName))
    }

    /// The context the span was started in, with the span's W3C trace context.
    public var context: ServiceContext {
        var context = base ?? .topLevel
        context.w3cTraceContext = traceContext
        return context
    }

    public var operationName: String {
        get { state.withLock { $0.operationName } }
        set { state.withLock { $0.operationName = newValue } }
    }

    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    public var isRecording: Bool { state.withLock { !$0.ended } }

    /// The 32-hex-digit trace id, for log lines.
    public var traceId: String { TraceParentFormat.traceID(of: traceContext) }

    public func setStatus(_ status: SpanStatus) {}
    public func addEvent(_ event: SpanEvent) {}
    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant)
    {}
    public func addLink(_ link: SpanLink) {}
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        state.withLock { $0.ended = true }
    }
}

/// A carrier holding at most a `traceparent` (a command request's or an event envelope's).
public struct TraceCarrier: Sendable {
    public static let traceparentKey = "traceparent"
    public var traceparent: String?

    public init(traceparent: String?) {
        self.traceparent = traceparent
    }

    /// Reads and writes the carrier's `traceparent`.
    public struct Access: Extractor, Injector {
        public init() {}

        public func extract(key: String, from carrier: TraceCarrier) -> String? {
            key == TraceCarrier.traceparentKey ? carrier.traceparent : nil
        }

        public func inject(_ value: String, forKey key: String, into carrier: inout TraceCarrier) {
            if key == TraceCarrier.traceparentKey { carrier.traceparent = value }
        }
    }
}

private enum W3CTraceContextKey: ServiceContextKey {
    typealias Value = TraceContext
    static var nameOverride: String? { "w3c-trace-context" }
}

extension ServiceContext {
    /// The W3C trace context of the span this context belongs to.
    public var w3cTraceContext: TraceContext? {
        get { self[W3CTraceContextKey.self] }
        set { self[W3CTraceContextKey.self] = newValue }
    }
}
