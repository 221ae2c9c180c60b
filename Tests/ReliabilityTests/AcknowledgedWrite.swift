import Foundation

/// A write a service acknowledged (a success reply), as the load generator logs it: which
/// request, and how the invariant checker finds its effect.
///
/// - `effect`: the table and the column values of the one row the write must have left there
///   (exactly one: none is a lost write, two a doubled one).
/// - `events`: how many events carry the request id as their `correlationId` (the command's own
///   events, written in its transaction: exactly this many, whatever the retries); nil when the
///   command's events are not counted.
struct AcknowledgedWrite: Codable, Sendable, Equatable {
    var service: String
    var command: String
    var requestId: String
    var effect: Effect
    var events: Int?

    struct Effect: Codable, Sendable, Equatable {
        var table: String
        var match: [String: String]
    }
}
