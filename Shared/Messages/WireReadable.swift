import Foundation

/// A result type that reads itself straight from a reply frame's bytes, instead of the reply's
/// `result` becoming a `JSONValue` tree that `JSONValueDecoder` then walks. For the few results a
/// client reads on every call of a hot command (`HealthReport`): through the tree, reading a
/// health reply cost about 17,500 instructions.
///
/// Contract: `read(_:)` reads the value at the parser's position and returns exactly what the
/// type's `Decodable` conformance decodes from it, or throws (any error) for anything else: a
/// member of the wrong kind, a missing one, a value it does not read itself. The caller then
/// takes the general path, which decides, so the errors are the general path's, word for word.
/// Members it does not know are skipped, as `Decodable` ignores them. The conforming type's
/// tests compare both paths (`HealthReportWireTests`). `CommandReply.result(ofFrame:answering:as:)`
/// lists the conforming types by metatype: add a new one there.
protocol WireReadable: Decodable {
    static func read(_ parser: inout JSONParser) throws -> Self
}

extension WireReadable {
    /// The result of a success reply frame answering `requestID` (any id when nil), read by
    /// `read(_:)`; throws for anything the general path must decide (a failure reply, another
    /// request's id, no result).
    static func readResult(ofFrame frame: Data, answering requestID: String?) throws -> Self {
        try FrameReader.successResult(frame, answering: requestID) { parser in try read(&parser) }
    }
}

extension CommandReply {
    /// The result of the reply frame to the request `requestID` (nil: any), decoded as `type`:
    /// the same value and the same errors as `parse(frame, answering: requestID)` followed by
    /// `result(as: type)` (a failure reply throws its error), read straight from the bytes when
    /// `type` reads itself (`WireReadable`) and the frame is a well-formed success reply.
    public static func result<T: Decodable>(ofFrame frame: Data, answering requestID: String?, as type: T.Type)
        throws(CommandError) -> T
    {
        // By metatype: a cast to the protocol, and the unspecialized generic code it leads to,
        // cost about as much as reading the result the general way.
        if T.self == HealthReport.self, let report = try? HealthReport.readResult(ofFrame: frame, answering: requestID) {
            return unsafeBitCast(report, to: T.self)
        }
        return try parse(frame, answering: requestID).result(as: type)
    }
}
