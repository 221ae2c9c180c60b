import Foundation

/// The arguments of a command that takes none: written as `{}`; any object is accepted.
public struct NoArguments: Codable, Sendable, Equatable {
    public init() {}
}
